//! The storage schema: round trips, a golden value, and every kind of unreadable data.

use glossa::anchor::describe;
use glossa::io::storage::{decode, encode, notes_key, StoreProblem, SCHEMA_VERSION};
use glossa::model::{default_verdicts, Annotations, Evidence, Note, NoteId, Reply, Timestamp};
use glossa::text::{ByteOffset, ByteSpan};

const TEXT: &str = "🚂 Kim left on Monday evening, Yonhap said.";

fn note(id: &str, passage: &str) -> Note {
    let at = TEXT.find(passage).unwrap();
    let mut note = Note::new(
        NoteId(id.into()),
        describe(
            TEXT,
            ByteSpan::new(ByteOffset(at), ByteOffset(at + passage.len())),
        ),
        "ünïcödé \"quoted\" <b>not html</b>".into(),
        Timestamp("2026-11-26T04:00:00.000Z".into()),
    );
    note.modified = Timestamp("2026-11-26T05:00:00.000Z".into());
    note
}

fn file(notes: Vec<Note>) -> Annotations {
    Annotations {
        verdicts: default_verdicts(),
        notes,
    }
}

/// A note with every optional field set.
fn full_note() -> Note {
    let mut n = note("full", "Yonhap");
    n.author = Some("Ana ✍️".into());
    n.tags = vec!["source".into(), "عربي".into()];
    n.verdict = Some("mostly-true".into());
    n.evidence = vec![Evidence {
        url: "https://example.org/report?id=1&x=<y>".into(),
        title: "Report".into(),
        quote: "“90 carriages”".into(),
        accessed: "2026-11-26".into(),
    }];
    n.replies = vec![Reply {
        id: NoteId("r1".into()),
        body: "Agreed 👍".into(),
        author: Some("Ben".into()),
        created: Timestamp("2026-11-26T06:00:00.000Z".into()),
    }];
    n
}

#[test]
fn round_trip_keeps_every_field() {
    let mut annotations = file(vec![note("a", "Monday evening"), full_note()]);
    annotations.verdicts[0].label = "Not checked yet".into();
    annotations.verdicts.pop();
    let decoded = decode("fp", &encode("fp", &annotations));
    assert_eq!(decoded.problem, None);
    assert_eq!(decoded.migrated_from, None);
    assert_eq!(decoded.annotations, annotations);
}

#[test]
fn golden_value_is_w3c_shaped_with_code_point_positions() {
    let raw = encode(
        "fp",
        &Annotations {
            verdicts: vec![],
            notes: vec![note("a", "Monday")],
        },
    );
    let expected = concat!(
        r#"{"schema":2,"document":"fp","verdicts":[],"notes":[{"id":"a","body":"ünïcödé \"quoted\" <b>not html</b>","#,
        r#""created":"2026-11-26T04:00:00.000Z","modified":"2026-11-26T05:00:00.000Z","#,
        r#""target":{"selector":[{"type":"TextQuoteSelector","exact":"Monday","prefix":"🚂 Kim left on ","#,
        r#""suffix":" evening, Yonhap said."},{"type":"TextPositionSelector","start":14,"end":20}]}}]}"#
    );
    assert_eq!(raw, expected);
    assert_eq!(notes_key("fp"), "glossa.v1.notes.fp");
    assert_eq!(SCHEMA_VERSION, 2);
}

#[test]
fn unreadable_values_are_reported_not_silently_emptied() {
    type IsExpected = fn(&StoreProblem) -> bool;
    let cases: &[(&str, IsExpected)] = &[
        ("{not json", |p| matches!(p, StoreProblem::NotJson(_))),
        ("", |p| matches!(p, StoreProblem::NotJson(_))),
        (
            r#"{"schema":3,"document":"fp","verdicts":[],"notes":[]}"#,
            |p| *p == StoreProblem::NewerSchema(3),
        ),
        (r#"{"schema":2,"document":"fp","notes":[]}"#, |p| {
            matches!(p, StoreProblem::WrongShape(_))
        }),
        (r#"{"schema":0,"document":"fp","notes":[]}"#, |p| {
            matches!(p, StoreProblem::WrongShape(_))
        }),
        (r#"{"document":"fp","notes":[]}"#, |p| {
            matches!(p, StoreProblem::WrongShape(_))
        }),
        (r#"{"schema":1,"document":"fp","notes":{}}"#, |p| {
            matches!(p, StoreProblem::WrongShape(_))
        }),
        (r#"[1,2,3]"#, |p| matches!(p, StoreProblem::WrongShape(_))),
        (r#"{"schema":1,"document":"other","notes":[]}"#, |p| {
            matches!(p, StoreProblem::OtherDocument(_))
        }),
        (
            r#"{"schema":18446744073709551615,"document":"fp","notes":[]}"#,
            |p| matches!(p, StoreProblem::NewerSchema(_)),
        ),
    ];
    for (raw, is_expected) in cases {
        let decoded = decode("fp", raw);
        let problem = decoded
            .problem
            .unwrap_or_else(|| panic!("no problem reported for {raw}"));
        assert!(is_expected(&problem), "{raw}: got {problem:?}");
        assert!(decoded.annotations.notes.is_empty());
        assert!(!problem.to_string().is_empty());
    }
}

#[test]
fn readable_notes_survive_beside_malformed_ones() {
    let good = encode("fp", &file(vec![note("a", "Monday")]));
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    let notes = value["notes"].as_array_mut().unwrap();
    notes.push(serde_json::json!({"id": "broken"}));
    notes.push(
        serde_json::json!({"id": "empty", "body": "", "created": "t", "modified": "t",
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": ""}]}}),
    );
    notes.push(
        serde_json::json!({"id": "no-position", "body": "ok", "created": "t", "modified": "t",
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": "Yonhap"}]}}),
    );
    let decoded = decode("fp", &value.to_string());
    let ids: Vec<_> = decoded
        .annotations
        .notes
        .iter()
        .map(|n| n.id.0.as_str())
        .collect();
    assert_eq!(ids, ["a", "no-position"]);
    match decoded.problem {
        Some(StoreProblem::SomeNotesUnreadable { count: 2, first }) => {
            assert!(first.starts_with("note 2"))
        }
        other => panic!("expected two unreadable notes, got {other:?}"),
    }
}

/// A value exactly as Glossa 0.1 (schema 1) wrote it, before verdicts, tags and replies.
const SCHEMA_1: &str = concat!(
    r#"{"schema":1,"document":"fp","notes":[{"id":"a","body":"old note","#,
    r#""created":"2026-11-20T04:00:00.000Z","modified":"2026-11-20T05:00:00.000Z","#,
    r#""target":{"selector":[{"type":"TextQuoteSelector","exact":"Monday","prefix":"🚂 Kim left on ","#,
    r#""suffix":" evening, Yonhap said."},{"type":"TextPositionSelector","start":14,"end":20}]}}]}"#
);

#[test]
fn schema_1_is_migrated_with_every_note_kept_and_the_default_verdicts() {
    let decoded = decode("fp", SCHEMA_1);
    assert_eq!(decoded.problem, None);
    assert_eq!(decoded.migrated_from, Some(1));
    assert_eq!(decoded.annotations.verdicts, default_verdicts());
    let notes = &decoded.annotations.notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, "old note");
    assert_eq!(notes[0].target, note("a", "Monday").target);
    assert!(notes[0].tags.is_empty() && notes[0].verdict.is_none() && notes[0].author.is_none());
    // Written back, it is schema 2 and reads the same without migrating.
    let again = decode("fp", &encode("fp", &decoded.annotations));
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.annotations, decoded.annotations);
}

#[test]
fn the_1_to_2_migration_step_keeps_a_vocabulary_already_there() {
    let v1: serde_json::Value = serde_json::json!({"schema": 1, "document": "fp", "notes": [],
        "verdicts": [{"key": "k", "label": "K"}]});
    let v2 = glossa::io::storage::migrate(v1, 1);
    assert_eq!(v2["schema"], 2);
    assert_eq!(
        v2["verdicts"],
        serde_json::json!([{"key": "k", "label": "K"}])
    );
}

#[test]
fn repeated_or_empty_verdict_keys_are_reported_and_dropped() {
    let raw = r#"{"schema":2,"document":"fp","notes":[],"verdicts":[
        {"key":"a","label":"A"},{"key":"a","label":"again"},{"key":"","label":"none"},{"label":"no key"}]}"#;
    let decoded = decode("fp", raw);
    assert_eq!(decoded.annotations.verdicts.len(), 1);
    assert!(matches!(
        decoded.problem,
        Some(StoreProblem::SomeNotesUnreadable { count: 3, .. })
    ));
}

#[test]
fn the_verdict_list_is_edited_per_article_and_used_verdicts_are_kept() {
    use glossa::model::VocabularyError;
    let mut a = file(vec![full_note()]);
    assert_eq!(a.add_verdict("Needs context"), Ok("needs-context".into()));
    assert_eq!(
        a.add_verdict("NEEDS context"),
        Err(VocabularyError::Exists("NEEDS context".into()))
    );
    assert_eq!(
        a.add_verdict("Needs: context!"),
        Ok("needs-context-2".into())
    );
    assert_eq!(a.add_verdict("Satire 🎭"), Ok("satire".into()));
    assert_eq!(a.add_verdict("   "), Err(VocabularyError::EmptyLabel));
    assert_eq!(a.rename_verdict("false", "Wrong"), Ok(()));
    assert_eq!(a.verdict("false").map(|t| t.label.as_str()), Some("Wrong"));
    assert_eq!(
        a.rename_verdict("true", "wrong"),
        Err(VocabularyError::Exists("wrong".into()))
    );
    // full_note() has the verdict mostly-true.
    assert_eq!(
        a.remove_verdict("mostly-true"),
        Err(VocabularyError::InUse(1))
    );
    assert_eq!(a.remove_verdict("misleading"), Ok(()));
    assert_eq!(
        a.remove_verdict("misleading"),
        Err(VocabularyError::Unknown)
    );
    let decoded = decode("fp", &encode("fp", &a));
    assert_eq!(
        decoded.annotations.verdicts, a.verdicts,
        "the edited list is stored"
    );
}
