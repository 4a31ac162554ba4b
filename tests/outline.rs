//! The side panel's list: document order, search, filters, counts, and the keyboard path.

use std::rc::Rc;

use glossa::analysis::{analyze, Analysis};
use glossa::anchor::describe;
use glossa::model::{Annotations, Note, NoteId, Timestamp};
use glossa::outline::{outline, step, ItemKey};
use glossa::state::{Action, AppState, Panel, Query};
use glossa::text::{ByteOffset, ByteSpan, Document};

const TEXT: &str = "Kim’s train\n\nKim Jong Un arrived in Beijing on Monday, Yonhap said. \
The armoured train has around 90 carriages.\n\nIt is the first visit since 1959.";

fn span(needle: &str) -> ByteSpan {
    let doc = Document::from_plain_text(TEXT);
    let at = doc.text().find(needle).expect("needle");
    ByteSpan::new(ByteOffset(at), ByteOffset(at + needle.len()))
}

fn note(id: &str, passage: &str, body: &str, tags: &[&str], verdict: Option<&str>) -> Note {
    let doc = Document::from_plain_text(TEXT);
    let mut n = Note::new(
        NoteId(id.into()),
        describe(doc.text(), span(passage)),
        body.into(),
        Timestamp(format!("t-{id}")),
    );
    n.tags = tags.iter().map(|t| t.to_string()).collect();
    n.verdict = verdict.map(str::to_string);
    n
}

fn setup(notes: Vec<Note>) -> (AppState, Analysis) {
    let doc = Rc::new(Document::from_plain_text(TEXT));
    let analysis = analyze(doc.text());
    let state = AppState::new(doc).apply(Action::Loaded {
        annotations: Annotations {
            notes,
            ..Annotations::default()
        },
    });
    (state, analysis)
}

fn query(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

fn note_ids(items: &[ItemKey]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|k| match k {
            ItemKey::Note(id) => Some(id.0.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn everything_is_listed_in_document_order_with_counts() {
    let (state, analysis) = setup(vec![
        note("late", "since 1959", "check the year", &[], None),
        note("early", "Kim Jong Un", "who", &[], None),
    ]);
    assert!(!analysis.claims.is_empty() && !analysis.entities.is_empty());
    let list = outline(&state, &analysis, &Query::default(), Panel::All);
    assert_eq!(list.counts.notes, 2);
    assert_eq!(list.counts.claims, analysis.claims.len());
    assert!(
        list.counts.entities <= analysis.entities.len(),
        "mentions are grouped"
    );
    assert_eq!(
        list.items.len(),
        list.counts.notes + list.counts.claims + list.counts.entities
    );
    assert_eq!(note_ids(&list.items), ["early", "late"]);
    // Items are in document order.
    let start = |k: &ItemKey| match k {
        ItemKey::Note(id) => {
            state
                .find(id)
                .and_then(|p| p.anchoring.span())
                .unwrap()
                .start
        }
        ItemKey::Claim(i) => analysis.claims[*i].span.start,
        ItemKey::Entity(i) => analysis.entities[*i].span.start,
    };
    let starts: Vec<_> = list.items.iter().map(start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    // An entity's mentions are one item, at its first mention ("Kim" in the title).
    let kim = analysis
        .entities
        .iter()
        .position(|e| e.span == span("Kim Jong Un"))
        .unwrap();
    assert!(!list.items.contains(&ItemKey::Entity(kim)));
}

#[test]
fn search_finds_notes_by_body_tag_verdict_label_and_quote_ignoring_case() {
    let (state, analysis) = setup(vec![
        note(
            "a",
            "around 90 carriages",
            "Count them",
            &["Numbers"],
            Some("false"),
        ),
        note("b", "Beijing", "a place", &["places"], None),
    ]);
    for (q, want) in [
        ("count", vec!["a"]),
        ("numbers", vec!["a"]),
        ("FALSE", vec!["a"]),
        ("beijing place", vec!["b"]),
        ("note", vec!["b", "a"]),
        ("nothing like this", vec![]),
    ] {
        let list = outline(&state, &analysis, &query(q), Panel::Notes);
        assert_eq!(note_ids(&list.items), want, "query {q:?}");
    }
    // Claims and entities are searched too, with their type.
    let list = outline(&state, &analysis, &query("person"), Panel::All);
    assert_eq!(list.counts.notes, 0);
    assert!(list.counts.entities >= 1);
    assert!(list.items.iter().all(|k| matches!(k, ItemKey::Entity(_))));
}

#[test]
fn verdict_and_tag_filters_narrow_notes_and_claims_and_hide_entities() {
    let claim = "The armoured train has around 90 carriages.";
    let (state, analysis) = setup(vec![
        note("v", claim, "", &["checked"], Some("false")),
        note("t", "Beijing", "", &["checked"], None),
    ]);
    let by_verdict = Query {
        verdict: Some("false".into()),
        ..Query::default()
    };
    let list = outline(&state, &analysis, &by_verdict, Panel::All);
    assert_eq!(note_ids(&list.items), ["v"]);
    assert_eq!(list.counts.claims, 1, "the claim carrying that verdict");
    assert_eq!(list.counts.entities, 0);
    let unjudged = Query {
        verdict: Some(String::new()),
        ..Query::default()
    };
    let list = outline(&state, &analysis, &unjudged, Panel::All);
    assert_eq!(note_ids(&list.items), ["t"]);
    assert_eq!(list.counts.claims, analysis.claims.len() - 1);
    let by_tag = Query {
        tag: Some("checked".into()),
        ..Query::default()
    };
    let list = outline(&state, &analysis, &by_tag, Panel::Notes);
    assert_eq!(note_ids(&list.items), ["t", "v"], "document order");
}

#[test]
fn claims_can_be_ranked_by_check_worthiness() {
    let (state, analysis) = setup(vec![]);
    let ranked = Query {
        ranked: true,
        ..Query::default()
    };
    let list = outline(&state, &analysis, &ranked, Panel::Claims);
    let scores: Vec<f32> = list
        .items
        .iter()
        .map(|k| match k {
            ItemKey::Claim(i) => analysis.claims[*i].score,
            other => panic!("not a claim: {other:?}"),
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn the_keyboard_steps_through_items_and_claims() {
    let items = vec![
        ItemKey::Note(NoteId("a".into())),
        ItemKey::Claim(0),
        ItemKey::Entity(3),
        ItemKey::Claim(1),
    ];
    let any = |_: &ItemKey| true;
    let claims = |k: &ItemKey| matches!(k, ItemKey::Claim(_));
    assert_eq!(step(&items, None, true, any), Some(items[0].clone()));
    assert_eq!(step(&items, None, false, any), Some(items[3].clone()));
    assert_eq!(
        step(&items, Some(&items[1]), true, any),
        Some(items[2].clone())
    );
    assert_eq!(
        step(&items, Some(&items[3]), true, any),
        None,
        "stops at the end"
    );
    assert_eq!(
        step(&items, Some(&items[1]), true, claims),
        Some(items[3].clone())
    );
    assert_eq!(
        step(&items, Some(&items[3]), false, claims),
        Some(items[1].clone())
    );
    assert_eq!(step(&items, Some(&items[0]), false, claims), None);
    let gone = ItemKey::Note(NoteId("deleted".into()));
    assert_eq!(
        step(&items, Some(&gone), true, claims),
        Some(items[1].clone())
    );
    assert_eq!(step(&[], None, true, any), None);
}
