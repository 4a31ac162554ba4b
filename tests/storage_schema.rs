//! The storage schema: round trips, a golden value, and every kind of unreadable data.

use glossa::anchor::describe;
use glossa::io::storage::{decode, encode, notes_key, StoreProblem, SCHEMA_VERSION};
use glossa::model::{Note, NoteId, Timestamp};
use glossa::text::{ByteOffset, ByteSpan};

const TEXT: &str = "🚂 Kim left on Monday evening, Yonhap said.";

fn note(id: &str, passage: &str) -> Note {
    let at = TEXT.find(passage).unwrap();
    Note {
        id: NoteId(id.into()),
        target: describe(
            TEXT,
            ByteSpan::new(ByteOffset(at), ByteOffset(at + passage.len())),
        ),
        body: "ünïcödé \"quoted\" <b>not html</b>".into(),
        created: Timestamp("2026-11-26T04:00:00.000Z".into()),
        modified: Timestamp("2026-11-26T05:00:00.000Z".into()),
    }
}

#[test]
fn round_trip_keeps_every_field() {
    let notes = vec![note("a", "Monday evening"), note("b", "Yonhap")];
    let decoded = decode("fp", &encode("fp", &notes));
    assert_eq!(decoded.problem, None);
    assert_eq!(decoded.notes, notes);
}

#[test]
fn golden_value_is_w3c_shaped_with_code_point_positions() {
    let raw = encode("fp", &[note("a", "Monday")]);
    let expected = concat!(
        r#"{"schema":1,"document":"fp","notes":[{"id":"a","body":"ünïcödé \"quoted\" <b>not html</b>","#,
        r#""created":"2026-11-26T04:00:00.000Z","modified":"2026-11-26T05:00:00.000Z","#,
        r#""target":{"selector":[{"type":"TextQuoteSelector","exact":"Monday","prefix":"🚂 Kim left on ","#,
        r#""suffix":" evening, Yonhap said."},{"type":"TextPositionSelector","start":14,"end":20}]}}]}"#
    );
    assert_eq!(raw, expected);
    assert_eq!(
        notes_key("fp"),
        format!("glossa.v{SCHEMA_VERSION}.notes.fp")
    );
}

#[test]
fn unreadable_values_are_reported_not_silently_emptied() {
    type IsExpected = fn(&StoreProblem) -> bool;
    let cases: &[(&str, IsExpected)] = &[
        ("{not json", |p| matches!(p, StoreProblem::NotJson(_))),
        ("", |p| matches!(p, StoreProblem::NotJson(_))),
        (r#"{"schema":2,"document":"fp","notes":[]}"#, |p| {
            *p == StoreProblem::NewerSchema(2)
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
        assert!(decoded.notes.is_empty());
        assert!(!problem.to_string().is_empty());
    }
}

#[test]
fn readable_notes_survive_beside_malformed_ones() {
    let good = encode("fp", &[note("a", "Monday")]);
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
    let ids: Vec<_> = decoded.notes.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(ids, ["a", "no-position"]);
    match decoded.problem {
        Some(StoreProblem::SomeNotesUnreadable { count: 2, first }) => {
            assert!(first.starts_with("note 2"))
        }
        other => panic!("expected two unreadable notes, got {other:?}"),
    }
}
