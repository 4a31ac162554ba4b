//! Exercise and submission files: what a teacher hands out and what a student hands back.
//!
//! An **exercise** is one JSON file: the instructions, the tasks, what students see, and the
//! article as a one-article [Glossa bundle](crate::io::bundle) whose notes are the answer key
//! (a note's text is the explanation students read after they submit).
//!
//! ```json
//! {"glossa": "exercise", "schema": 1, "generator": "Glossa 0.1.0", "id": "3f9c…",
//!  "title": "…", "instructions": "…", "tasks": ["Mark every checkable claim", …],
//!  "settings": {"show_highlights": false, "feedback": "after_submission"},
//!  "created": "2026-…Z", "bundle": {<a bundle with one article; its notes are the key>},
//!  "checksum": "<SHA-256 of the file without this field>"}
//! ```
//!
//! A **submission** names its exercise and article, the student, and carries the student's
//! notes exactly as stored:
//!
//! ```json
//! {"glossa": "submission", "schema": 1, "generator": "…",
//!  "exercise": {"id": "3f9c…", "title": "…"}, "article": {"title": "…", "sha256": "…"},
//!  "student": "Ana", "submitted": "2026-…Z", "notes": [ … ], "checksum": "…"}
//! ```
//!
//! The checksum is SHA-256 over the file's JSON with the `checksum` field taken out, written
//! compactly with keys in sorted order. It catches a file edited by hand or damaged in
//! transit; it is not a signature (anyone can recompute it), and the key inside an exercise
//! file can be read by anyone who opens the file in a text editor.

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::io::bundle::{self, Article, GENERATOR};
use crate::io::storage::{note_from_value, note_to_value};
use crate::model::{Note, Timestamp};

/// The exercise and submission schema this build writes and reads.
pub const EXERCISE_SCHEMA: u64 = 1;
/// The `glossa` field of an exercise file.
pub const EXERCISE_MARK: &str = "exercise";
/// The `glossa` field of a submission file.
pub const SUBMISSION_MARK: &str = "submission";
/// The tasks a teacher can tick; any other task can be typed.
pub const TASKS: [&str; 4] = [
    "Mark every checkable claim",
    "Mark every named source",
    "Give each claim a verdict",
    "Tag loaded words",
];
/// The longest link that carries an exercise, in characters. Browsers take far longer
/// addresses, but mail and chat tools cut or refuse them well before 2 MB.
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// What starts the part of a link that carries an exercise.
pub const LINK_FRAGMENT: &str = "exercise=";

/// When students see how they did against the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackTiming {
    /// While they work ("Check my work"), and after they submit.
    Immediate,
    /// Only once they have submitted.
    #[default]
    AfterSubmission,
}

/// What students see.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// Whether Glossa's automatic entity and claim highlights are shown (usually not: they
    /// would give the answers away).
    #[serde(default)]
    pub show_highlights: bool,
    #[serde(default)]
    pub feedback: FeedbackTiming,
}

/// An exercise: the article, the key (the article's notes) and what students are asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub instructions: String,
    pub tasks: Vec<String>,
    pub settings: Settings,
    pub created: Timestamp,
    /// The article; its notes are the answer key.
    pub article: Article,
}

impl Exercise {
    /// A new exercise on `article` (whose notes are the key), with an id drawn from the
    /// article, the title and the time.
    pub fn new(article: Article, title: &str, created: Timestamp) -> Exercise {
        let id = hex(&Sha256::digest(format!(
            "{}\n{}\n{}",
            article.content_hash(),
            title,
            created.0
        )))[..16]
            .to_string();
        Exercise {
            id,
            title: title.trim().to_string(),
            instructions: String::new(),
            tasks: Vec::new(),
            settings: Settings::default(),
            created,
            article,
        }
    }

    /// The answer key.
    pub fn key(&self) -> &[Note] {
        &self.article.annotations.notes
    }

    /// What the app keeps about the exercise (everything but the text, which the library
    /// stores), for a student of it or for the teacher who made it.
    pub fn info(&self) -> ExerciseInfo {
        ExerciseInfo {
            id: self.id.clone(),
            title: self.title.clone(),
            instructions: self.instructions.clone(),
            tasks: self.tasks.clone(),
            settings: self.settings.clone(),
            created: self.created.clone(),
            article_sha256: self.article.content_hash(),
            key: self.key().iter().map(note_to_value).collect(),
        }
    }
}

/// An exercise without its article's text, as the browser stores it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExerciseInfo {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub tasks: Vec<String>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub created: Timestamp,
    pub article_sha256: String,
    /// The key's notes as stored (empty in the teacher's own record: the teacher's notes on
    /// the article are the key).
    #[serde(default)]
    pub key: Vec<Value>,
}

impl ExerciseInfo {
    /// The key's notes (damaged ones left out).
    pub fn key_notes(&self) -> Vec<Note> {
        self.key
            .iter()
            .filter_map(|v| note_from_value(v.clone()).ok())
            .collect()
    }
}

/// Who this browser is for an exercise's article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Teacher,
    Student,
}

/// What a browser keeps about the exercise on one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub role: Role,
    pub exercise: ExerciseInfo,
    /// The student's name (students only).
    #[serde(default)]
    pub student: String,
    /// When the student submitted (students only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Timestamp>,
}

/// What a student hands back.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub exercise_id: String,
    pub exercise_title: String,
    pub article_title: String,
    pub article_sha256: String,
    pub student: String,
    pub submitted: Timestamp,
    pub notes: Vec<Note>,
    /// Notes of the file that could not be read, with why.
    pub rejected: Vec<String>,
}

/// Why an exercise or submission file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("it was made by a newer Glossa ({what} schema {found}; this version reads {EXERCISE_SCHEMA}): update Glossa to open it")]
    Newer { what: &'static str, found: u64 },
    #[error("it was changed after Glossa wrote it (its checksum does not match), so it cannot be trusted")]
    Tampered,
    #[error("it has no checksum, so Glossa cannot tell whether it was changed")]
    NoChecksum,
    #[error("it is not a complete Glossa {what} file: {why}")]
    Broken { what: &'static str, why: String },
}

/// SHA-256 of the file's JSON without its `checksum` field, compact, keys sorted.
fn checksum_of(value: &Value) -> String {
    let mut value = value.clone();
    if let Value::Object(map) = &mut value {
        map.remove("checksum");
    }
    let sorted = sort_keys(value);
    hex(&Sha256::digest(
        serde_json::to_string(&sorted).unwrap_or_default(),
    ))
}

/// The value with every object's keys in sorted order (whatever order serde_json keeps).
fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sort_keys(v)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Adds the checksum and writes the file, pretty-printed.
fn sealed(mut value: Value) -> String {
    let checksum = checksum_of(&value);
    if let Value::Object(map) = &mut value {
        map.insert("checksum".into(), Value::String(checksum));
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Checks the schema and checksum of a file already parsed.
fn check(value: &Value, what: &'static str) -> Result<(), FileError> {
    match value.get("schema").and_then(Value::as_u64) {
        Some(EXERCISE_SCHEMA) => {}
        Some(found) if found > EXERCISE_SCHEMA => return Err(FileError::Newer { what, found }),
        _ => {
            return Err(FileError::Broken {
                what,
                why: "no schema number".into(),
            })
        }
    }
    match value.get("checksum").and_then(Value::as_str) {
        None => Err(FileError::NoChecksum),
        Some(sum) if sum == checksum_of(value) => Ok(()),
        Some(_) => Err(FileError::Tampered),
    }
}

fn text_field(value: &Value, field: &str) -> String {
    value
        .get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Writes an exercise file.
pub fn write_exercise(exercise: &Exercise) -> String {
    let bundle: Value = serde_json::from_str(&bundle::write(
        std::slice::from_ref(&exercise.article),
        &exercise.created,
    ))
    .unwrap_or_default();
    sealed(json!({
        "glossa": EXERCISE_MARK,
        "schema": EXERCISE_SCHEMA,
        "generator": GENERATOR,
        "id": exercise.id,
        "title": exercise.title,
        "instructions": exercise.instructions,
        "tasks": exercise.tasks,
        "settings": exercise.settings,
        "created": exercise.created,
        "bundle": bundle,
    }))
}

/// Reads an exercise file already parsed as JSON (its `glossa` field says "exercise").
pub fn read_exercise(value: &Value) -> Result<Exercise, FileError> {
    const WHAT: &str = "exercise";
    check(value, WHAT)?;
    let broken = |why: String| FileError::Broken { what: WHAT, why };
    let id = text_field(value, "id");
    if id.is_empty() {
        return Err(broken("it has no id".into()));
    }
    let bundle = bundle::read(value.get("bundle").cloned().unwrap_or_default())
        .map_err(|e| broken(e.to_string()))?;
    if let Some(why) = bundle.rejected.first() {
        return Err(broken(why.clone()));
    }
    let Some(article) = bundle.articles.into_iter().next() else {
        return Err(broken("it holds no article".into()));
    };
    let settings = value
        .get("settings")
        .cloned()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| broken(format!("settings: {e}")))?
        .unwrap_or_default();
    let tasks = value
        .get("tasks")
        .and_then(Value::as_array)
        .map(|t| {
            t.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Ok(Exercise {
        id,
        title: text_field(value, "title"),
        instructions: text_field(value, "instructions"),
        tasks,
        settings,
        created: Timestamp(text_field(value, "created")),
        article,
    })
}

/// Writes a student's submission for an exercise.
pub fn write_submission(
    exercise: &ExerciseInfo,
    article_title: &str,
    student: &str,
    notes: &[Note],
    submitted: &Timestamp,
) -> String {
    sealed(json!({
        "glossa": SUBMISSION_MARK,
        "schema": EXERCISE_SCHEMA,
        "generator": GENERATOR,
        "exercise": {"id": exercise.id, "title": exercise.title},
        "article": {"title": article_title, "sha256": exercise.article_sha256},
        "student": student.trim(),
        "submitted": submitted,
        "notes": notes.iter().map(note_to_value).collect::<Vec<_>>(),
    }))
}

/// Reads a submission file already parsed as JSON (its `glossa` field says "submission").
pub fn read_submission(value: &Value) -> Result<Submission, FileError> {
    const WHAT: &str = "submission";
    check(value, WHAT)?;
    let exercise = value.get("exercise").cloned().unwrap_or_default();
    let article = value.get("article").cloned().unwrap_or_default();
    let exercise_id = text_field(&exercise, "id");
    let article_sha256 = text_field(&article, "sha256");
    if exercise_id.is_empty() || article_sha256.is_empty() {
        return Err(FileError::Broken {
            what: WHAT,
            why: "it does not name its exercise and article".into(),
        });
    }
    let mut notes = Vec::new();
    let mut rejected = Vec::new();
    let items = value
        .get("notes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (n, item) in items.into_iter().enumerate() {
        match note_from_value(item) {
            Ok(note) => notes.push(note),
            Err(why) => rejected.push(format!("note {}: {why}", n + 1)),
        }
    }
    Ok(Submission {
        exercise_id,
        exercise_title: text_field(&exercise, "title"),
        article_title: text_field(&article, "title"),
        article_sha256,
        student: text_field(value, "student"),
        submitted: Timestamp(text_field(value, "submitted")),
        notes,
        rejected,
    })
}

/// The part of a link after `#` that carries an exercise file (deflated, then base64url),
/// or `None` when the link would be longer than [`MAX_LINK_CHARS`].
///
/// ```
/// use glossa::exercise::file::{from_link, to_link};
/// let fragment = to_link("{\"glossa\": \"exercise\"}").unwrap();
/// assert!(fragment.starts_with("exercise="));
/// assert_eq!(from_link(&fragment).unwrap(), "{\"glossa\": \"exercise\"}");
/// ```
pub fn to_link(file: &str) -> Option<String> {
    let packed = miniz_oxide::deflate::compress_to_vec(file.as_bytes(), 9);
    let fragment = format!(
        "{LINK_FRAGMENT}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    );
    (fragment.len() <= MAX_LINK_CHARS).then_some(fragment)
}

/// The exercise file a link's fragment carries (with or without the leading `#`).
pub fn from_link(fragment: &str) -> Result<String, String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(data) = fragment.strip_prefix(LINK_FRAGMENT) else {
        return Err("the link does not carry an exercise".into());
    };
    if data.len() > 2 * MAX_LINK_CHARS {
        return Err("the link is too long to be an exercise link".into());
    }
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| {
            "the link is damaged (it was cut or changed when it was copied)".to_string()
        })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(
        &packed,
        crate::io::import::MAX_IMPORT_BYTES,
    )
    .map_err(|_| "the link is damaged (it was cut or changed when it was copied)".to_string())?;
    String::from_utf8(bytes).map_err(|_| "the link does not carry text".to_string())
}

/// Notes for the claims the analysis found (outside page chrome) that no note in `existing`
/// overlaps: automatic highlights accepted into a key. Each is tagged "claim" and its kind.
pub fn claim_notes(
    text: &str,
    analysis: &crate::analysis::Analysis,
    existing: &[Note],
    mut new_id: impl FnMut() -> crate::model::NoteId,
    now: &Timestamp,
    author: Option<&str>,
) -> Vec<Note> {
    let anchorer = crate::anchor::Anchorer::new(text);
    let taken: Vec<crate::text::ByteSpan> = existing
        .iter()
        .filter_map(|n| anchorer.anchor(&n.target).span())
        .collect();
    let overlaps =
        |a: crate::text::ByteSpan, b: crate::text::ByteSpan| a.start < b.end && b.start < a.end;
    analysis
        .claims
        .iter()
        .filter(|c| !analysis.boilerplate.iter().any(|&b| overlaps(b, c.span)))
        .filter(|c| !taken.iter().any(|&t| overlaps(t, c.span)))
        .map(|c| {
            let mut note = Note::new(
                new_id(),
                crate::anchor::describe(text, c.span),
                String::new(),
                now.clone(),
            );
            note.tags = vec!["claim".to_string(), c.kind.as_str().to_string()];
            note.author = author.map(str::to_string);
            note
        })
        .collect()
}
