//! The versioned schema of the notes Glossa keeps in the browser's storage.
//!
//! One key per article, named by the article's fingerprint: `glossa.v1.notes.<fingerprint>`.
//! The value is JSON:
//!
//! ```json
//! {"schema": 1, "document": "<fingerprint>", "notes": [
//!   {"id": "n-1", "body": "…", "created": "2026-…Z", "modified": "2026-…Z",
//!    "target": {"selector": [
//!      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//!      {"type": "TextPositionSelector", "start": 10, "end": 20}]}}]}
//! ```
//!
//! Positions are Unicode code points, as in W3C Web Annotation. Decoding never fails whole:
//! it returns the notes it could read and a [`StoreProblem`] describing what it could not, so
//! that the caller can keep the raw value aside before anything overwrites it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Note, NoteId, Target, TextPositionSelector, TextQuoteSelector, Timestamp};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u64 = 1;

/// The storage key of an article's notes.
///
/// ```
/// assert_eq!(glossa::io::storage::notes_key("ab12"), "glossa.v1.notes.ab12");
/// ```
pub fn notes_key(fingerprint: &str) -> String {
    format!("glossa.v{SCHEMA_VERSION}.notes.{fingerprint}")
}

/// The key under which an unreadable value is kept aside, with the time it was set aside.
pub fn quarantine_key(key: &str, stamp: &str) -> String {
    format!("{key}.unreadable.{stamp}")
}

/// Why stored data could not be read, in whole or in part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreProblem {
    #[error("the stored notes are not valid JSON ({0})")]
    NotJson(String),
    #[error("the stored notes were written by a newer Glossa (schema {0}; this version reads {SCHEMA_VERSION})")]
    NewerSchema(u64),
    #[error("the stored notes are not in Glossa's format ({0})")]
    WrongShape(String),
    #[error("the stored notes belong to another article ({0})")]
    OtherDocument(String),
    #[error("{count} stored note(s) could not be read (first: {first})")]
    SomeNotesUnreadable { count: usize, first: String },
}

/// What decoding found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The notes that could be read.
    pub notes: Vec<Note>,
    /// What could not be read; `Some` means the raw value must be kept before overwriting.
    pub problem: Option<StoreProblem>,
}

/// The file as read; `schema` was checked on the raw value first.
#[derive(Deserialize)]
struct StoredFile {
    document: String,
    notes: Vec<Value>,
}

#[derive(Serialize)]
struct StoredFileOut<'a> {
    schema: u64,
    document: &'a str,
    notes: Vec<StoredNote>,
}

#[derive(Serialize, Deserialize)]
struct StoredNote {
    id: NoteId,
    body: String,
    created: Timestamp,
    modified: Timestamp,
    target: StoredTarget,
}

#[derive(Serialize, Deserialize)]
struct StoredTarget {
    selector: Vec<Selector>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector(TextQuoteSelector),
    TextPositionSelector(TextPositionSelector),
}

/// Encodes an article's notes.
///
/// ```
/// use glossa::io::storage::{decode, encode};
/// let raw = encode("f00", &[]);
/// assert_eq!(raw, r#"{"schema":1,"document":"f00","notes":[]}"#);
/// assert_eq!(decode("f00", &raw).notes, vec![]);
/// ```
pub fn encode(fingerprint: &str, notes: &[Note]) -> String {
    let notes = notes
        .iter()
        .map(|n| StoredNote {
            id: n.id.clone(),
            body: n.body.clone(),
            created: n.created.clone(),
            modified: n.modified.clone(),
            target: StoredTarget {
                selector: vec![
                    Selector::TextQuoteSelector(n.target.quote.clone()),
                    Selector::TextPositionSelector(n.target.position),
                ],
            },
        })
        .collect();
    let file = StoredFileOut {
        schema: SCHEMA_VERSION,
        document: fingerprint,
        notes,
    };
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Decodes what [`encode`] wrote, for the article with `fingerprint`.
pub fn decode(fingerprint: &str, raw: &str) -> Decoded {
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return problem(StoreProblem::NotJson(e.to_string())),
    };
    match value.get("schema").and_then(Value::as_u64) {
        Some(SCHEMA_VERSION) => {}
        Some(v) if v > SCHEMA_VERSION => return problem(StoreProblem::NewerSchema(v)),
        Some(v) => return problem(StoreProblem::WrongShape(format!("unknown schema {v}"))),
        None => return problem(StoreProblem::WrongShape("no schema number".into())),
    }
    let file: StoredFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => return problem(StoreProblem::WrongShape(e.to_string())),
    };
    if file.document != fingerprint {
        return problem(StoreProblem::OtherDocument(file.document));
    }
    let mut notes = Vec::new();
    let mut rejected = Vec::new();
    for (i, v) in file.notes.into_iter().enumerate() {
        match note_from_value(v) {
            Ok(n) => notes.push(n),
            Err(why) => rejected.push(format!("note {}: {why}", i + 1)),
        }
    }
    let problem = rejected
        .first()
        .map(|first| StoreProblem::SomeNotesUnreadable {
            count: rejected.len(),
            first: first.clone(),
        });
    Decoded { notes, problem }
}

fn problem(p: StoreProblem) -> Decoded {
    Decoded {
        notes: Vec::new(),
        problem: Some(p),
    }
}

fn note_from_value(v: Value) -> Result<Note, String> {
    let stored: StoredNote = serde_json::from_value(v).map_err(|e| e.to_string())?;
    let mut quote = None;
    let mut position = None;
    for selector in stored.target.selector {
        match selector {
            Selector::TextQuoteSelector(q) => quote = Some(q),
            Selector::TextPositionSelector(p) => position = Some(p),
        }
    }
    let quote = quote.ok_or("no TextQuoteSelector")?;
    if quote.exact.is_empty() {
        return Err("empty quote".into());
    }
    let position = position.unwrap_or(TextPositionSelector {
        start: Default::default(),
        end: Default::default(),
    });
    Ok(Note {
        id: stored.id,
        target: Target { quote, position },
        body: stored.body,
        created: stored.created,
        modified: stored.modified,
    })
}
