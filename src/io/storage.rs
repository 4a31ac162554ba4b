//! The versioned schema of the notes Glossa keeps in the browser's storage.
//!
//! One key per article, named by the article's fingerprint: `glossa.v1.notes.<fingerprint>`
//! (the `v1` names the key layout; the value carries its own schema number). The value is
//! JSON:
//!
//! ```json
//! {"schema": 2, "document": "<fingerprint>",
//!  "verdicts": [{"key": "false", "label": "False", "rating": 1}, …],
//!  "notes": [
//!   {"id": "n-1", "body": "…", "created": "2026-…Z", "modified": "2026-…Z",
//!    "creator": "Ana", "tags": ["source"], "verdict": "false",
//!    "evidence": [{"url": "https://…", "title": "…", "quote": "…", "accessed": "2026-11-26"}],
//!    "replies": [{"id": "r-1", "body": "…", "author": "Ben", "created": "2026-…Z"}],
//!    "target": {"selector": [
//!      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//!      {"type": "TextPositionSelector", "start": 10, "end": 20}]}}]}
//! ```
//!
//! Optional fields are left out when empty. Older values are migrated step by step on
//! reading ([`migrate`]): schema 1 had no verdicts, tags, evidence, replies or creator.
//!
//! Positions are Unicode code points, as in W3C Web Annotation. Decoding never fails whole:
//! it returns the notes it could read and a [`StoreProblem`] describing what it could not, so
//! that the caller can keep the raw value aside before anything overwrites it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{
    default_verdicts, Annotations, Evidence, Note, NoteId, Reply, Target, TextPositionSelector,
    TextQuoteSelector, Timestamp, VerdictTerm,
};

/// The schema version this build writes; it reads this one and every older one.
pub const SCHEMA_VERSION: u64 = 2;

/// The storage key of an article's notes.
///
/// ```
/// assert_eq!(glossa::io::storage::notes_key("ab12"), "glossa.v1.notes.ab12");
/// ```
pub fn notes_key(fingerprint: &str) -> String {
    format!("glossa.v1.notes.{fingerprint}")
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
    #[error("{count} stored note(s) or verdict(s) could not be read (first: {first})")]
    SomeNotesUnreadable { count: usize, first: String },
}

/// What decoding found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The notes and vocabulary that could be read (the defaults when nothing could).
    pub annotations: Annotations,
    /// What could not be read; `Some` means the raw value must be kept before overwriting.
    pub problem: Option<StoreProblem>,
    /// The schema the value was written in, when older than [`SCHEMA_VERSION`].
    pub migrated_from: Option<u64>,
}

/// The file as read, after migration.
#[derive(Deserialize)]
struct StoredFile {
    document: String,
    verdicts: Vec<Value>,
    notes: Vec<Value>,
}

#[derive(Serialize)]
struct StoredFileOut<'a> {
    schema: u64,
    document: &'a str,
    verdicts: &'a [VerdictTerm],
    notes: Vec<StoredNote>,
}

#[derive(Serialize, Deserialize)]
struct StoredNote {
    id: NoteId,
    body: String,
    created: Timestamp,
    modified: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    creator: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verdict: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    replies: Vec<Reply>,
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

/// Encodes an article's notes and vocabulary.
///
/// ```
/// use glossa::io::storage::{decode, encode};
/// use glossa::model::Annotations;
/// let raw = encode("f00", &Annotations { verdicts: vec![], notes: vec![] });
/// assert_eq!(raw, r#"{"schema":2,"document":"f00","verdicts":[],"notes":[]}"#);
/// assert_eq!(decode("f00", &raw).annotations.notes, vec![]);
/// ```
pub fn encode(fingerprint: &str, annotations: &Annotations) -> String {
    let notes = annotations.notes.iter().map(stored_note).collect();
    let file = StoredFileOut {
        schema: SCHEMA_VERSION,
        document: fingerprint,
        verdicts: &annotations.verdicts,
        notes,
    };
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

fn stored_note(n: &Note) -> StoredNote {
    StoredNote {
        id: n.id.clone(),
        body: n.body.clone(),
        created: n.created.clone(),
        modified: n.modified.clone(),
        creator: n.author.clone(),
        tags: n.tags.clone(),
        verdict: n.verdict.clone(),
        evidence: n.evidence.clone(),
        replies: n.replies.clone(),
        target: StoredTarget {
            selector: vec![
                Selector::TextQuoteSelector(n.target.quote.clone()),
                Selector::TextPositionSelector(n.target.position),
            ],
        },
    }
}

/// One note as JSON, exactly as the store writes it (the Glossa bundle uses the same form).
pub fn note_to_value(note: &Note) -> Value {
    serde_json::to_value(stored_note(note)).unwrap_or_default()
}

/// Brings a stored value written in schema `from` up to [`SCHEMA_VERSION`], one step at a
/// time. Each step is a pure function on the JSON, tested on its own.
///
/// ```
/// use serde_json::json;
/// let v1 = json!({"schema": 1, "document": "fp", "notes": []});
/// let v2 = glossa::io::storage::migrate(v1, 1);
/// assert_eq!(v2["schema"], 2);
/// assert_eq!(v2["verdicts"].as_array().map(|v| v.len()), Some(7));
/// ```
pub fn migrate(mut value: Value, from: u64) -> Value {
    if from < 2 {
        value = migrate_1_to_2(value);
    }
    value
}

/// Schema 1 to 2: the article gets the default verdict vocabulary. Notes keep their fields;
/// the new ones (creator, tags, verdict, evidence, replies) start empty.
fn migrate_1_to_2(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("schema".into(), Value::from(2));
        let verdicts = serde_json::to_value(default_verdicts()).unwrap_or_default();
        object.entry("verdicts").or_insert(verdicts);
    }
    value
}

/// Decodes what [`encode`] wrote (in this schema or an older one), for the article with
/// `fingerprint`.
pub fn decode(fingerprint: &str, raw: &str) -> Decoded {
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return problem(StoreProblem::NotJson(e.to_string())),
    };
    let (value, migrated_from) = match value.get("schema").and_then(Value::as_u64) {
        Some(SCHEMA_VERSION) => (value, None),
        Some(v) if v > SCHEMA_VERSION => return problem(StoreProblem::NewerSchema(v)),
        Some(v @ 1..SCHEMA_VERSION) => (migrate(value, v), Some(v)),
        Some(v) => return problem(StoreProblem::WrongShape(format!("unknown schema {v}"))),
        None => return problem(StoreProblem::WrongShape("no schema number".into())),
    };
    let file: StoredFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => return problem(StoreProblem::WrongShape(e.to_string())),
    };
    if file.document != fingerprint {
        return problem(StoreProblem::OtherDocument(file.document));
    }
    let mut rejected = Vec::new();
    let mut verdicts: Vec<VerdictTerm> = Vec::new();
    for (i, v) in file.verdicts.into_iter().enumerate() {
        match serde_json::from_value::<VerdictTerm>(v) {
            Ok(t) if !t.key.is_empty() && !verdicts.iter().any(|o| o.key == t.key) => {
                verdicts.push(t)
            }
            Ok(_) => rejected.push(format!("verdict {}: empty or repeated key", i + 1)),
            Err(e) => rejected.push(format!("verdict {}: {e}", i + 1)),
        }
    }
    let mut notes = Vec::new();
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
    Decoded {
        annotations: Annotations { verdicts, notes },
        problem,
        migrated_from,
    }
}

fn problem(p: StoreProblem) -> Decoded {
    Decoded {
        annotations: Annotations::default(),
        problem: Some(p),
        migrated_from: None,
    }
}

/// Reads one note as [`note_to_value`] writes it; the error says what is wrong with it.
pub fn note_from_value(v: Value) -> Result<Note, String> {
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
        author: stored.creator.filter(|c| !c.trim().is_empty()),
        tags: stored.tags,
        verdict: stored.verdict,
        evidence: stored.evidence,
        replies: stored.replies,
    })
}

/// An article's stored notes moved to another version of the article: the same notes and
/// vocabulary, filed under `to`. `None` when the value cannot be read in full (it is then
/// left where it is, untouched) or holds no notes.
///
/// ```
/// use glossa::io::storage::{decode, encode, rekey};
/// use glossa::model::Annotations;
/// let raw = encode("old", &Annotations::default());
/// assert_eq!(rekey(&raw, "old", "new"), None, "no notes, nothing to carry");
/// assert_eq!(rekey("{broken", "old", "new"), None);
/// ```
pub fn rekey(raw: &str, from: &str, to: &str) -> Option<(String, usize)> {
    let decoded = decode(from, raw);
    if decoded.problem.is_some() || decoded.annotations.notes.is_empty() {
        return None;
    }
    let count = decoded.annotations.notes.len();
    Some((encode(to, &decoded.annotations), count))
}
