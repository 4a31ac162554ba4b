//! Export and import: golden files per format, round trips, validation of the JSON-LD, and
//! files that are malformed, truncated, hostile or very large.
//!
//! Golden files live in `tests/golden/exchange/`; after a deliberate change to a format,
//! rewrite them with `GLOSSA_BLESS=1 cargo test --test exchange` and read the diff.
#![cfg(not(target_arch = "wasm32"))]

use glossa::anchor::{describe, Anchorer};
use glossa::io::bundle::{self, Article, ArticleMeta};
use glossa::io::export::{export, Format};
use glossa::io::import::{self, apply, plan, read, ImportError, Parsed};
use glossa::io::load::Source;
use glossa::io::validate;
use glossa::model::{Annotations, Evidence, Note, NoteId, Reply, Timestamp};
use glossa::text::{ByteOffset, ByteSpan};
use proptest::prelude::*;
use serde_json::{json, Value};

const TEXT: &str = "Café train — 列车 🚂\n\n\
Kim Jong Un’s armoured train has around 90 carriages, according to Yonhap. \
Émile said the trip to 北京 took 24 hours 🚂.\n\n\
قال المتحدث إن القطار وصل يوم الأربعاء.\n\n\
It is the first time a North Korean leader has attended since 1959.";

fn now() -> Timestamp {
    Timestamp("2026-11-26T12:00:00Z".into())
}

fn span_of(text: &str, quote: &str) -> ByteSpan {
    let start = text.find(quote).expect("quote in text");
    ByteSpan::new(ByteOffset(start), ByteOffset(start + quote.len()))
}

fn note(article: &Article, id: &str, quote: &str, body: &str) -> Note {
    let mut note = Note::new(
        NoteId(id.into()),
        describe(&article.text, span_of(&article.text, quote)),
        body.into(),
        Timestamp("2026-11-25T09:30:00Z".into()),
    );
    note.modified = Timestamp("2026-11-26T08:15:00Z".into());
    note
}

/// An article in four scripts with every kind of note: verdicts (one of a custom verdict),
/// evidence, tags, replies, authors, hostile text, and one note whose passage is gone.
fn fixture() -> Article {
    let meta = ArticleMeta {
        title: "Café train — 列车 🚂".into(),
        source: Source::Url("https://example.org/news/kim-train".into()),
        byline: Some("Jo Reporter".into()),
        published: Some("2025-09-01".into()),
        site_name: Some("Example News".into()),
        lang: Some("en".into()),
        dir: None,
        added: Timestamp("2026-11-20T10:00:00Z".into()),
    };
    let mut article = Article::new(meta, TEXT);
    let custom = article.annotations.add_verdict("Needs context").unwrap();

    let mut carriages = note(
        &article,
        "n-1",
        "around 90 carriages",
        "Yonhap says 90; <script>alert('x')</script> **not** bold\n=cmd|' /C calc'!A0",
    );
    carriages.author = Some("Ana".into());
    carriages.tags = vec!["numbers".into(), "train".into()];
    carriages.verdict = Some("false".into());
    carriages.evidence = vec![
        Evidence::checked(
            "https://example.org/yonhap?id=1&lang=en",
            "Yonhap report (English)",
            "The train has 21 carriages",
            "2026-11-24",
        )
        .unwrap(),
        Evidence::checked("https://example.org/photo", "", "", "").unwrap(),
    ];
    carriages.replies = vec![Reply {
        id: NoteId("r-1".into()),
        body: "Agreed — 21, not 90.".into(),
        author: Some("Ben".into()),
        created: Timestamp("2026-11-26T09:00:00Z".into()),
    }];

    let mut beijing = note(&article, "n-2", "北京", "Beijing, written in Chinese.");
    beijing.tags = vec!["place".into()];

    let mut arabic = note(&article, "n-3", "وصل يوم الأربعاء", "Arrived on Wednesday?");
    arabic.verdict = Some(custom);
    arabic.author = Some("Ana".into());

    let mut since = note(&article, "n-4", "since 1959", "");
    since.verdict = Some("mostly-true".into());
    since.author = Some("Ben".into());
    since.evidence = vec![Evidence::checked("https://example.org/history", "", "", "").unwrap()];

    let train = note(&article, "n-5", "🚂", "An emoji");

    let mut gone = note(&article, "n-6", "armoured train", "A passage later removed");
    gone.target.quote.exact = "armoured trolley bus".into();
    gone.target.quote.prefix = "nothing like this".into();

    article.annotations.notes = vec![carriages, beijing, arabic, since, train, gone];
    article
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/exchange")
        .join(name);
    if std::env::var_os("GLOSSA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file; if the change is meant, bless it (see the top of this file)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

#[test]
fn every_format_matches_its_golden_file() {
    let article = fixture();
    for format in Format::ALL {
        let out = export(format, &[(&article, None)], false, &now());
        golden(&format!("fixture.{}", format.extension()), &out);
    }
    let with_entities = export(Format::W3c, &[(&article, None)], true, &now());
    golden("fixture-entities.annotations.jsonld", &with_entities);
}

fn imported(file: &str, text: &str, name: &str) -> import::Plan {
    match read(name, file.as_bytes(), &now()) {
        Ok(Parsed::Notes(notes)) => plan(&Annotations::default(), text, notes),
        other => panic!("{name} did not read as notes: {other:?}"),
    }
}

#[test]
fn w3c_round_trips_with_nothing_lost() {
    let article = fixture();
    let out = export(Format::W3c, &[(&article, None)], false, &now());
    let plan = imported(&out, &article.text, "x.jsonld");
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let merged = apply(&Annotations::default(), &plan, false);
    assert_eq!(merged.notes, article.annotations.notes);
    // The custom verdict came back with its key and name; ratings of the others too.
    let custom = merged
        .verdict("needs-context")
        .expect("custom verdict added");
    assert_eq!(custom.label, "Needs context");
    assert_eq!(merged.verdict("false").and_then(|t| t.rating), Some(1));
    assert_eq!((plan.anchoring.found, plan.anchoring.not_found), (5, 1));
}

#[test]
fn bundle_round_trips_whole() {
    let article = fixture();
    let out = export(Format::Bundle, &[(&article, None)], false, &now());
    let Ok(Parsed::Bundle(read)) = read("x.glossa.json", out.as_bytes(), &now()) else {
        panic!("not a bundle")
    };
    assert!(read.rejected.is_empty(), "{:?}", read.rejected);
    assert_eq!(read.articles, vec![article]);
}

#[test]
fn csv_round_trips_all_but_evidence_details() {
    let article = fixture();
    let out = export(Format::Csv, &[(&article, None)], false, &now());
    let plan = imported(&out, &article.text, "x.csv");
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    let merged = apply(&article.annotations.clone_empty(), &plan, false);
    let strip = |notes: &[Note]| -> Vec<Note> {
        notes
            .iter()
            .map(|n| {
                let mut n = n.clone();
                for e in &mut n.evidence {
                    *e = Evidence::checked(&e.url, "", "", "").unwrap();
                }
                n
            })
            .collect()
    };
    assert_eq!(merged.notes, strip(&article.annotations.notes));
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_guarded_and_come_back_as_written() {
    let mut article = fixture();
    article.annotations.notes[1].body = "=HYPERLINK(\"https://evil.example\",\"click\")".into();
    article.annotations.notes[1].author = Some("@admin".into());
    let out = export(Format::Csv, &[(&article, None)], false, &now());
    assert!(out.contains("\"'=HYPERLINK("), "{out}");
    assert!(out.contains(",'@admin,"), "{out}");
    assert!(!out.contains(",=HYPERLINK") && !out.contains(",@admin"));
    let plan = imported(&out, &article.text, "x.csv");
    let merged = apply(&article.annotations.clone_empty(), &plan, false);
    assert_eq!(merged.notes[1].body, article.annotations.notes[1].body);
    assert_eq!(merged.notes[1].author.as_deref(), Some("@admin"));
}

trait CloneEmpty {
    fn clone_empty(&self) -> Annotations;
}

impl CloneEmpty for Annotations {
    /// The same verdict list, no notes.
    fn clone_empty(&self) -> Annotations {
        Annotations {
            verdicts: self.verdicts.clone(),
            notes: Vec::new(),
        }
    }
}

#[test]
fn importing_twice_adds_nothing_and_a_changed_note_is_a_conflict() {
    let article = fixture();
    let out = export(Format::W3c, &[(&article, None)], false, &now());
    let again = imported_into(&article.annotations, &out, &article.text);
    assert_eq!(
        (
            again.new_notes.len(),
            again.unchanged,
            again.conflicts.len()
        ),
        (0, 6, 0)
    );
    assert!(!again.changes_anything());

    let mut mine = article.annotations.clone();
    mine.notes[1].body = "My own words".into();
    let plan = imported_into(&mine, &out, &article.text);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].mine.body, "My own words");
    assert_eq!(
        apply(&mine, &plan, false).notes[1].body,
        "My own words",
        "keep mine"
    );
    assert_eq!(
        apply(&mine, &plan, true).notes[1].body,
        "Beijing, written in Chinese.",
        "take theirs"
    );
}

fn imported_into(existing: &Annotations, file: &str, text: &str) -> import::Plan {
    let Ok(Parsed::Notes(notes)) = read("x.jsonld", file.as_bytes(), &now()) else {
        panic!("not notes")
    };
    plan(existing, text, notes)
}

#[test]
fn replies_to_stored_notes_merge_and_replies_to_nothing_are_listed() {
    let article = fixture();
    let reply = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {"id": "urn:glossa:reply:r-9", "type": "Annotation", "motivation": "replying",
             "body": {"type": "TextualBody", "value": "Source?"}, "target": "urn:glossa:note:n-2",
             "created": "2026-11-26T11:00:00Z"},
            {"id": "urn:glossa:reply:r-10", "type": "Annotation", "motivation": "replying",
             "body": {"type": "TextualBody", "value": "Orphaned"}, "target": "urn:glossa:note:nope"}
        ]
    })
    .to_string();
    let plan = imported_into(&article.annotations, &reply, &article.text);
    assert_eq!(plan.new_replies.len(), 1);
    assert_eq!(plan.rejected.len(), 1);
    assert!(
        plan.rejected[0].contains("neither in the file nor here"),
        "{:?}",
        plan.rejected
    );
    let merged = apply(&article.annotations, &plan, false);
    assert_eq!(merged.notes[1].replies[0].body, "Source?");
}

#[test]
fn exports_validate_against_the_published_models() {
    let article = fixture();
    let w3c: Value =
        serde_json::from_str(&export(Format::W3c, &[(&article, None)], true, &now())).unwrap();
    assert_eq!(validate::w3c(&w3c), vec![]);
    let reviews: Value = serde_json::from_str(&export(
        Format::ClaimReview,
        &[(&article, None)],
        false,
        &now(),
    ))
    .unwrap();
    assert_eq!(validate::claim_review(&reviews), vec![]);
    // Only verdicts with a rating are reviews: false and mostly true, not “needs context”.
    assert_eq!(reviews["@graph"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_validators_catch_what_is_wrong() {
    let article = fixture();
    let mut w3c: Value =
        serde_json::from_str(&export(Format::W3c, &[(&article, None)], false, &now())).unwrap();
    let first = &mut w3c["first"]["items"][0];
    first.as_object_mut().unwrap().remove("target");
    first["colour"] = json!("red");
    first["motivation"] = json!("shouting");
    w3c["total"] = json!(99);
    let problems: Vec<String> = validate::w3c(&w3c).iter().map(|p| p.to_string()).collect();
    for expected in [
        "first.items[0].target: is required",
        "first.items[0].colour: not a term",
        "first.items[0].motivation: not a motivation",
        "total: says 99",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not in {problems:?}"
        );
    }
    let mut reviews: Value = serde_json::from_str(&export(
        Format::ClaimReview,
        &[(&article, None)],
        false,
        &now(),
    ))
    .unwrap();
    reviews["@graph"][0]["reviewRating"]
        .as_object_mut()
        .unwrap()
        .remove("alternateName");
    reviews["@graph"][1]["reviewRating"]["ratingValue"] = json!(9);
    reviews["@graph"][1]["url"] = json!("javascript:alert(1)");
    let problems: Vec<String> = validate::claim_review(&reviews)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn the_report_is_in_document_order_and_escapes_what_readers_typed() {
    let article = fixture();
    let html = export(Format::Html, &[(&article, None)], false, &now());
    assert!(
        !html.contains("<script>alert"),
        "script in a note stays text"
    );
    assert!(html.contains("&lt;script&gt;alert"));
    let markdown = export(Format::Markdown, &[(&article, None)], false, &now());
    assert!(!markdown.contains("<script>"));
    assert!(markdown.contains(r"\*\*not\*\* bold"));
    let carriages = markdown.find("around 90 carriages").unwrap();
    let arabic = markdown.find("وصل يوم الأربعاء").unwrap();
    let since = markdown.find("since 1959").unwrap();
    assert!(
        carriages < arabic && arabic < since,
        "checked claims in text order"
    );
    assert!(markdown.contains("## Notes whose passage is no longer in the text"));
}

#[test]
fn entities_jsonl_offsets_are_code_points_of_each_line() {
    let article = fixture();
    let out = export(Format::Jsonl, &[(&article, None)], false, &now());
    let mut spans = 0;
    for line in out.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        let text = value["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        for span in value["spans"].as_array().unwrap() {
            let (s, e) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            let piece: String = chars[s..e].iter().collect();
            assert_eq!(piece, span["text"].as_str().unwrap());
            spans += 1;
        }
    }
    assert!(spans >= 3, "found {spans} entities");
}

#[test]
fn hypothesis_notes_with_utf16_positions_are_placed_by_their_quotes() {
    // Hypothesis counts UTF-16 code units: after “🚂” (two units) its positions are off by
    // one from code points. The quote finds the passage; the position is rewritten.
    let text = "Title 🚂\n\nThe train 🚂 has around 90 carriages.";
    let utf16_start = text[..text.find("around").unwrap()].encode_utf16().count();
    let file = json!({"total": 2, "rows": [
        {"id": "AbC123", "created": "2026-11-01T10:00:00.000000+00:00", "updated": "2026-11-02T10:00:00.000000+00:00",
         "user": "acct:ana@hypothes.is", "uri": "https://example.org/a", "text": "Is this right?",
         "tags": ["numbers"], "user_info": {"display_name": "Ana Lima"},
         "target": [{"source": "https://example.org/a", "selector": [
            {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 9},
            {"type": "TextPositionSelector", "start": utf16_start, "end": utf16_start + 19},
            {"type": "TextQuoteSelector", "exact": "around 90 carriages", "prefix": "in 🚂 has ", "suffix": "."}]}]},
        {"id": "Reply1", "created": "2026-11-03T10:00:00.000000+00:00", "user": "acct:ben@hypothes.is",
         "uri": "https://example.org/a", "text": "Yes", "references": ["AbC123"], "target": [{"source": "https://example.org/a"}]}
    ]})
    .to_string();
    let plan = imported(&file, text, "hypothesis.json");
    assert_eq!(plan.format, "Hypothesis JSON");
    assert_eq!(plan.new_notes.len(), 1, "{:?}", plan.rejected);
    let note = &plan.new_notes[0];
    assert_eq!(note.author.as_deref(), Some("Ana Lima"));
    assert_eq!(note.tags, ["numbers"]);
    assert_eq!(note.replies.len(), 1);
    assert_eq!(note.replies[0].author.as_deref(), Some("ben"));
    let cp_start = text[..text.find("around").unwrap()].chars().count();
    assert_eq!(note.target.position.start.0, cp_start);
    assert_eq!(
        cp_start + 2,
        utf16_start,
        "two emoji before it, two code units each"
    );
    assert!(matches!(
        Anchorer::new(text).anchor(&note.target),
        glossa::anchor::Anchoring::Exact(_)
    ));
}

#[test]
fn recogito_annotations_are_read() {
    let text = "Title\n\nPyongyang sent Choe Ryong-hae to Beijing.";
    let file = json!([{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "#6a4c1e0a-recogito", "type": "Annotation",
        "body": [
            {"type": "TextualBody", "value": "A senior official", "purpose": "commenting", "creator": "ana"},
            {"type": "TextualBody", "value": "person", "purpose": "tagging"},
            {"type": "SpecificResource", "purpose": "identifying", "source": "http://sws.geonames.org/1816670"}
        ],
        "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": "Choe Ryong-hae"},
            {"type": "TextPositionSelector", "start": 22, "end": 36}]}
    }])
    .to_string();
    let plan = imported(&file, text, "recogito.jsonld");
    assert_eq!(plan.new_notes.len(), 1, "{:?}", plan.rejected);
    let note = &plan.new_notes[0];
    assert_eq!(note.body, "A senior official");
    assert_eq!(note.tags, ["person"]);
    assert_eq!(plan.anchoring.found, 1);
}

#[test]
fn broken_and_hostile_files_are_refused_with_a_reason() {
    let article = fixture();
    let bundle = export(Format::Bundle, &[(&article, None)], false, &now());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.json", b"   ".to_vec(), "empty"),
        ("bin.json", vec![0xff, 0xfe, 0x00, 0x12], "not UTF-8"),
        (
            "trunc.glossa.json",
            bundle.as_bytes()[..bundle.len() / 2].to_vec(),
            "is it complete",
        ),
        (
            "deep.json",
            "[".repeat(100_000).into_bytes(),
            "not valid JSON",
        ),
        ("other.json", br#"{"hello": "world"}"#.to_vec(), "not W3C"),
        (
            "newer.glossa.json",
            br#"{"glossa": "bundle", "schema": 99, "articles": []}"#.to_vec(),
            "newer Glossa",
        ),
        ("x.csv", b"a,b\n1,2\n".to_vec(), "no “quote” column"),
        ("notes.txt", b"just some words".to_vec(), "neither JSON"),
    ];
    for (name, bytes, reason) in cases {
        match read(name, &bytes, &now()) {
            Err(e) => assert!(e.to_string().contains(reason), "{name}: {e}"),
            Ok(p) => panic!("{name} was read: {p:?}"),
        }
    }
    let huge = vec![b' '; import::MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        read("big.json", &huge, &now()),
        Err(ImportError::TooLarge(_))
    ));
}

#[test]
fn a_damaged_bundle_article_or_note_is_left_out_and_listed() {
    let article = fixture();
    let mut bundle: Value =
        serde_json::from_str(&export(Format::Bundle, &[(&article, None)], false, &now())).unwrap();
    let mut tampered = bundle["articles"][0].clone();
    tampered["text"] = json!(format!("{} edited", TEXT));
    bundle["articles"].as_array_mut().unwrap().push(tampered);
    bundle["articles"][0]["notes"][1]["target"] = json!({"selector": []});
    let Ok(Parsed::Bundle(read)) = read("b.json", bundle.to_string().as_bytes(), &now()) else {
        panic!()
    };
    assert_eq!(read.articles.len(), 1);
    assert_eq!(read.articles[0].annotations.notes.len(), 5);
    assert_eq!(read.rejected.len(), 2, "{:?}", read.rejected);
    assert!(read
        .rejected
        .iter()
        .any(|r| r.contains("does not match its SHA-256")));
    assert!(read
        .rejected
        .iter()
        .any(|r| r.contains("note 2: no TextQuoteSelector")));
}

#[test]
fn hostile_values_inside_annotations_never_panic() {
    let text = "Title\n\nThe train has around 90 carriages.";
    let file = json!({"type": "AnnotationPage", "items": [
        {"id": "a:1", "type": "Annotation", "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": "90 carriages"},
            {"type": "TextPositionSelector", "start": 1e300, "end": -5}]}},
        {"id": "a:2", "type": "Annotation", "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": "around"},
            {"type": "TextPositionSelector", "start": 18446744073709551615u64, "end": 18446744073709551615u64}]}},
        {"id": "a:3", "type": "Annotation", "body": {"type": "SpecificResource", "purpose": "linking", "source": "javascript:alert(1)"},
         "target": {"selector": {"type": "TextQuoteSelector", "exact": "train"}}},
        {"id": "a:4", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": ""}}},
        {"id": "a:5", "type": "Annotation", "target": "https://example.org/page"},
        "not an object",
        {"id": "a:6", "type": "Annotation", "body": {"value": {"nested": [1, 2, 3]}},
         "target": {"selector": {"type": "TextQuoteSelector", "exact": "has"}}}
    ]})
    .to_string();
    let plan = imported(&file, text, "hostile.jsonld");
    assert_eq!(plan.new_notes.len(), 4, "{:?}", plan.rejected);
    assert_eq!(plan.anchoring.found, 4);
    assert!(
        plan.new_notes.iter().all(|n| n.evidence.is_empty()),
        "javascript: is never evidence"
    );
    assert_eq!(plan.rejected.len(), 5, "{:?}", plan.rejected);
}

#[test]
fn a_large_file_imports() {
    let text: String = (0..2000)
        .map(|i| format!("Paragraph {i} says the train has {i} carriages.\n\n"))
        .collect();
    let article = Article::new(ArticleMeta::default(), &text);
    let mut annotations = Annotations::default();
    for i in 0..20_000 {
        let quote = format!("Paragraph {} says", i % 2000);
        let start = article.text.find(&format!("{quote} ")).unwrap();
        let span = ByteSpan::new(ByteOffset(start), ByteOffset(start + quote.len()));
        annotations.notes.push(Note::new(
            NoteId(format!("n-{i}")),
            describe(&article.text, span),
            format!("note {i}"),
            now(),
        ));
    }
    let article = Article {
        annotations,
        ..article
    };
    let out = export(Format::W3c, &[(&article, None)], false, &now());
    assert!(out.len() > 10_000_000, "{} bytes", out.len());
    let plan = imported(&out, &article.text, "big.jsonld");
    assert_eq!(plan.new_notes.len(), 20_000);
    assert_eq!(plan.anchoring.found, 20_000);
}

fn arbitrary_note(text: &'static str) -> impl Strategy<Value = Note> {
    let chars: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let n = chars.len();
    (
        0..n - 1,
        1usize..12,
        "\\PC{0,40}",
        proptest::collection::vec("[a-zé]{1,8}", 0..3),
        proptest::option::of(prop_oneof![Just("false"), Just("true"), Just("unverified")]),
        proptest::option::of("[A-Za-zé ]{1,12}"),
        proptest::collection::vec(("[a-z]{1,8}", "\\PC{0,12}", "\\PC{0,12}"), 0..2),
        proptest::collection::vec(("\\PC{1,20}", proptest::option::of("[a-z]{1,6}")), 0..2),
        "[a-z0-9]{6}",
    )
        .prop_map(
            move |(start, len, body, tags, verdict, author, evidence, replies, id)| {
                let end = (start + len).min(n - 1);
                let span = ByteSpan::new(ByteOffset(chars[start]), ByteOffset(chars[end]));
                let mut note =
                    Note::new(NoteId(format!("n-{id}")), describe(text, span), body, now());
                note.tags = glossa::model::parse_tags(&tags.join(","));
                note.verdict = verdict.map(str::to_string);
                note.author = author
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty());
                note.evidence = evidence
                    .into_iter()
                    .filter_map(|(host, title, quote)| {
                        Evidence::checked(
                            &format!("https://{host}.org/x"),
                            &title,
                            &quote,
                            "2026-11-26",
                        )
                        .ok()
                    })
                    .collect();
                note.replies = replies
                    .into_iter()
                    .enumerate()
                    .map(|(i, (body, author))| Reply {
                        id: NoteId(format!("r-{id}-{i}")),
                        body,
                        author,
                        created: now(),
                    })
                    .collect();
                note
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export to W3C or to a bundle, then import: the same notes come back.
    #[test]
    fn export_then_import_is_the_identity(notes in proptest::collection::vec(arbitrary_note(TEXT), 0..6)) {
        let mut article = Article::new(ArticleMeta::default(), TEXT);
        let mut seen = std::collections::HashSet::new();
        article.annotations.notes = notes.into_iter().filter(|n| seen.insert(n.id.clone())).collect();

        let w3c = export(Format::W3c, &[(&article, None)], false, &now());
        let Ok(Parsed::Notes(read_back)) = read("x.jsonld", w3c.as_bytes(), &now()) else { panic!() };
        let plan = plan(&Annotations::default(), &article.text, read_back);
        prop_assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
        prop_assert_eq!(&apply(&Annotations::default(), &plan, false).notes, &article.annotations.notes);

        let b = bundle::write(std::slice::from_ref(&article), &now());
        let Ok(Parsed::Bundle(read_back)) = read("x.glossa.json", b.as_bytes(), &now()) else { panic!() };
        prop_assert_eq!(read_back.articles, vec![article]);
    }

    /// Whatever bytes arrive, reading and planning return (an error or a plan), never panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(Parsed::Notes(notes)) = read("x.csv", &bytes, &now()) {
            let _ = plan(&Annotations::default(), TEXT, notes);
        }
        if let Ok(Parsed::Notes(notes)) = read("x.json", &bytes, &now()) {
            let _ = plan(&Annotations::default(), TEXT, notes);
        }
    }
}

#[test]
fn an_import_is_one_edit_that_undo_takes_back_whole() {
    use glossa::state::history::Edit;
    let article = fixture();
    let mut mine = Annotations {
        verdicts: article.annotations.verdicts.clone(),
        notes: article.annotations.notes[..2].to_vec(),
    };
    mine.notes[1].body = "My own words".into();
    let out = export(Format::W3c, &[(&article, None)], false, &now());
    let plan = imported_into(&mine, &out, &article.text);
    let merged = apply(&mine, &plan, true);
    let edit = Edit::between(&mine, &merged).expect("the import changed notes");
    assert_eq!(edit.describe(), "import");
    assert_eq!(1 + edit.also.len(), 5, "4 new notes and 1 replaced");

    let mut undone = merged.clone();
    edit.inverse().apply_checked(&mut undone).unwrap();
    assert_eq!(undone.notes.len(), 2);
    assert_eq!(undone.notes[1].body, "My own words");
    let mut redone = undone.clone();
    edit.apply_checked(&mut redone).unwrap();
    assert_eq!(redone.notes.len(), merged.notes.len());

    // Undo refuses when another tab changed one of the imported notes since.
    let mut changed = merged.clone();
    changed.notes.last_mut().unwrap().body = "changed elsewhere".into();
    assert!(edit.inverse().apply_checked(&mut changed.clone()).is_err());
}

fn glossa(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .env("GLOSSA_NOW", "2026-11-26T12:00:00Z")
        .output()
        .expect("the glossa binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_exports_imports_and_validates() {
    let dir = std::env::temp_dir().join(format!("glossa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let article = fixture();
    std::fs::write(
        path("fixture.glossa.json"),
        export(Format::Bundle, &[(&article, None)], false, &now()),
    )
    .unwrap();

    // Every format comes out as the library writes it.
    for format in Format::ALL {
        let (code, out, err) = glossa(&[
            "export",
            "--format",
            format.name(),
            &path("fixture.glossa.json"),
        ]);
        assert_eq!(code, 0, "{err}");
        let expected = export(format, &[(&article, None)], false, &now());
        assert_eq!(out.trim_end(), expected.trim_end(), "{}", format.name());
    }
    let (code, _, err) = glossa(&[
        "export",
        "--format",
        "w3c",
        "-o",
        &path("out.jsonld"),
        &path("fixture.glossa.json"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        glossa(&["validate", &path("out.jsonld")]).1.trim(),
        "valid W3C Web Annotation"
    );

    // Import into a bundle made from the plain article: the same notes come back.
    std::fs::write(path("story.txt"), TEXT).unwrap();
    let (code, out, err) = glossa(&[
        "import",
        "--article",
        &path("story.txt"),
        &path("out.jsonld"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("6 new notes (5 found in the text, 1 not found)"),
        "{err}"
    );
    let Ok(Parsed::Bundle(back)) = read("b.json", out.as_bytes(), &now()) else {
        panic!("{out}")
    };
    assert_eq!(
        back.articles[0].annotations.notes,
        article.annotations.notes
    );

    // Importing again into that bundle adds nothing; a broken file stops before writing.
    std::fs::write(path("back.glossa.json"), &out).unwrap();
    let (code, _, err) = glossa(&[
        "import",
        "--into",
        &path("back.glossa.json"),
        &path("out.jsonld"),
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("0 new notes, 6 already here"), "{err}");
    std::fs::write(path("broken.jsonld"), "{\"type\": \"Annotation\", ").unwrap();
    let (code, out, err) = glossa(&[
        "import",
        "--into",
        &path("back.glossa.json"),
        &path("out.jsonld"),
        &path("broken.jsonld"),
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("broken.jsonld: the file is not valid JSON"),
        "{err}"
    );

    // Validation failures exit 1 with each problem's place; bad usage exits 2.
    std::fs::write(
        path("bad.jsonld"),
        r#"{"@context": "https://schema.org", "@type": "ClaimReview"}"#,
    )
    .unwrap();
    let (code, _, err) = glossa(&["validate", &path("bad.jsonld")]);
    assert_eq!(code, 1);
    assert!(err.contains("claimReviewed: is required"), "{err}");
    let (code, _, err) = glossa(&["export", "--format", "pdf", &path("fixture.glossa.json")]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format pdf"), "{err}");
    assert_eq!(glossa(&["import"]).0, 2);
    std::fs::remove_dir_all(&dir).ok();
}
