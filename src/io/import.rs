//! Importing: recognise a file, read what it holds, show what importing would do, then do it.
//!
//! Nothing here changes what is stored. [`read`] turns bytes into notes (or whole articles
//! for a bundle); [`plan`] compares them with an article's notes and text: which are new,
//! which are already there, which conflict with a different version of a stored note, where
//! each one anchors; [`apply`] makes the merged annotations the caller then stores. A file
//! that cannot be read is an [`ImportError`] and changes nothing.
//!
//! ```
//! use glossa::io::import::{apply, plan, read, Parsed};
//! use glossa::model::{Annotations, Timestamp};
//! let text = "Title\n\nThe train has around 90 carriages.";
//! let csv = "quote,start,end,type,note\n90 carriages,28,40,note,Check the number\n";
//! let now = Timestamp("2026-11-26T10:00:00Z".into());
//! let Ok(Parsed::Notes(notes)) = read("notes.csv", csv.as_bytes(), &now) else { panic!() };
//! let plan = plan(&Annotations::default(), text, notes);
//! assert_eq!((plan.new_notes.len(), plan.anchoring.found), (1, 1));
//! let merged = apply(&Annotations::default(), &plan, false);
//! assert_eq!(merged.notes[0].body, "Check the number");
//! // Importing the same file again adds nothing.
//! let Ok(Parsed::Notes(again)) = read("notes.csv", csv.as_bytes(), &now) else { panic!() };
//! assert_eq!(glossa::io::import::plan(&merged, text, again).new_notes.len(), 0);
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

use crate::anchor::{Anchorer, Anchoring};
use crate::io::bundle::{self, BundleError, ReadBundle};
use crate::io::table;
use crate::io::w3c::{self, ReadNotes};
use crate::model::{Annotations, Note, NoteId, Reply, Timestamp, VerdictTerm};
use crate::text::offsets::span_to_code_points;

/// The largest file Glossa imports.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// Why a whole file was refused. Nothing is stored when this happens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {0} MB; Glossa imports files up to 64 MB")]
    TooLarge(usize),
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the file is not valid JSON ({0}); is it complete?")]
    BadJson(String),
    #[error("the file is not valid CSV: {0}")]
    BadCsv(String),
    #[error("{0}")]
    Bundle(#[from] BundleError),
    #[error("Glossa cannot read this file: {0}")]
    Unrecognised(String),
    #[error("{0}")]
    Exercise(#[from] crate::exercise::file::FileError),
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// Whole articles with their notes.
    Bundle(ReadBundle),
    /// Notes to place on an article by their quotes.
    Notes(ReadNotes),
    /// A classroom exercise (the article, its key and what students are asked).
    Exercise(Box<crate::exercise::file::Exercise>),
    /// A student's work on an exercise.
    Submission(Box<crate::exercise::file::Submission>),
}

/// Recognises and reads a file: a Glossa bundle, W3C Web Annotation or Hypothesis JSON, or
/// CSV. `name` is only a hint (a `.csv` name).
pub fn read(name: &str, bytes: &[u8], now: &Timestamp) -> Result<Parsed, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len() / (1024 * 1024)));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    if trimmed.starts_with(['{', '[']) {
        let value: Value =
            serde_json::from_str(trimmed).map_err(|e| ImportError::BadJson(e.to_string()))?;
        use crate::exercise::file::{self as exercise, EXERCISE_MARK, SUBMISSION_MARK};
        match value.get("glossa").and_then(Value::as_str) {
            Some(EXERCISE_MARK) => {
                return Ok(Parsed::Exercise(Box::new(exercise::read_exercise(&value)?)))
            }
            Some(SUBMISSION_MARK) => {
                return Ok(Parsed::Submission(Box::new(exercise::read_submission(
                    &value,
                )?)))
            }
            _ => {}
        }
        if value.get("glossa").is_some() {
            return Ok(Parsed::Bundle(bundle::read(value)?));
        }
        return w3c::read(&value, now)
            .map(Parsed::Notes)
            .map_err(ImportError::Unrecognised);
    }
    let first_line = trimmed.lines().next().unwrap_or("").to_ascii_lowercase();
    if name.to_ascii_lowercase().ends_with(".csv") || first_line.starts_with("quote,") {
        return table::read(text, now)
            .map(Parsed::Notes)
            .map_err(ImportError::BadCsv);
    }
    Err(ImportError::Unrecognised(
        "it is neither JSON (a Glossa bundle or W3C Web Annotation) nor Glossa's CSV".into(),
    ))
}

/// Whether a file is worth reading as annotations (JSON, or CSV that starts with Glossa's
/// header) rather than as an article.
///
/// ```
/// use glossa::io::import::looks_like_annotations;
/// assert!(looks_like_annotations("notes.csv", b"quote,start,end\n"));
/// assert!(looks_like_annotations("x", b"  {\"glossa\": \"bundle\"}"));
/// assert!(!looks_like_annotations("story.txt", b"The train has 90 carriages."));
/// ```
pub fn looks_like_annotations(name: &str, bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = start.iter().position(|b| !b.is_ascii_whitespace());
    let head = &start[first.unwrap_or(start.len())..];
    head.starts_with(b"{")
        || head.starts_with(b"[")
        || head.len() >= 6 && head[..6].eq_ignore_ascii_case(b"quote,")
        || name.to_ascii_lowercase().ends_with(".csv")
}

/// A stored note and the different version of it in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub mine: Note,
    pub theirs: Note,
}

/// Where the new notes anchor in the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnchorCounts {
    /// Found where the file said, or by their quote and context.
    pub found: usize,
    /// Found by a near-identical passage or without their context: shown for review.
    pub review: usize,
    /// Not in this text: kept under “Passage not found”.
    pub not_found: usize,
}

/// What importing a file into one article would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub format: &'static str,
    /// Notes the file holds.
    pub in_file: usize,
    /// Replies the file holds (under its notes or to stored ones).
    pub replies_in_file: usize,
    pub new_notes: Vec<Note>,
    /// Notes already stored just as they are in the file.
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    /// Replies to add to stored notes.
    pub new_replies: Vec<(NoteId, Reply)>,
    /// Verdicts the notes use that the article's list lacks.
    pub new_verdicts: Vec<VerdictTerm>,
    pub anchoring: AnchorCounts,
    /// Notes whose annotation names another document than this article.
    pub other_source: usize,
    pub skipped: Vec<String>,
    pub rejected: Vec<String>,
}

impl Plan {
    /// Whether importing would change anything.
    pub fn changes_anything(&self) -> bool {
        !self.new_notes.is_empty() || !self.conflicts.is_empty() || !self.new_replies.is_empty()
    }

    /// One line for the user: “3 new notes (2 found in the text, 1 not found), 1 already here, 1 conflict”.
    pub fn summary(&self) -> String {
        let mut parts = vec![counted(self.new_notes.len(), "new note", "new notes")];
        if !self.new_notes.is_empty() {
            let a = self.anchoring;
            let mut places = vec![format!("{} found in the text", a.found)];
            if a.review > 0 {
                places.push(format!("{} to review", a.review));
            }
            if a.not_found > 0 {
                places.push(format!("{} not found", a.not_found));
            }
            parts[0].push_str(&format!(" ({})", places.join(", ")));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} already here", self.unchanged));
        }
        if !self.conflicts.is_empty() {
            let n = counted(self.conflicts.len(), "conflict", "conflicts");
            parts.push(format!("{n} with your notes"));
        }
        if !self.new_replies.is_empty() {
            parts.push(counted(self.new_replies.len(), "new reply", "new replies"));
        }
        if !self.rejected.is_empty() {
            let n = counted(self.rejected.len(), "item", "items");
            parts.push(format!("{n} left out"));
        }
        parts.join(", ")
    }
}

/// A count with its noun: `counted(1, "note", "notes")` is “1 note”.
///
/// ```
/// use glossa::io::import::counted;
/// assert_eq!(counted(2, "reply", "replies"), "2 replies");
/// ```
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether two versions of a note say the same: the same passage, words, tags, verdict,
/// evidence and author. Times and context are left aside (a file without times gets the
/// time of import), and replies are merged apart.
fn same_content(a: &Note, b: &Note) -> bool {
    a.target.quote.exact == b.target.quote.exact
        && a.body == b.body
        && a.tags == b.tags
        && a.verdict == b.verdict
        && a.evidence == b.evidence
        && a.author == b.author
}

fn same_passage_and_words(a: &Note, b: &Note) -> bool {
    a.target.quote.exact == b.target.quote.exact
        && a.target.position == b.target.position
        && a.body == b.body
        && a.author == b.author
}

/// Finds the key a verdict term has (or gets) in `vocabulary`: the same key, or a term with
/// the same name; otherwise it is added, under a key not yet used.
fn resolve_verdict(
    vocabulary: &mut Vec<VerdictTerm>,
    added: &mut Vec<VerdictTerm>,
    term: &VerdictTerm,
) -> String {
    if let Some(t) = vocabulary.iter().find(|t| t.key == term.key) {
        return t.key.clone();
    }
    if let Some(t) = vocabulary
        .iter()
        .find(|t| t.label.to_lowercase() == term.label.to_lowercase())
    {
        return t.key.clone();
    }
    let base = if term.key.is_empty() {
        "verdict".to_string()
    } else {
        term.key.clone()
    };
    let mut key = base.clone();
    let mut n = 2;
    while vocabulary.iter().any(|t| t.key == key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    let new = VerdictTerm {
        key: key.clone(),
        label: term.label.clone(),
        rating: term.rating.filter(|r| (1..=5).contains(r)),
    };
    vocabulary.push(new.clone());
    added.push(new);
    key
}

/// Compares what a file holds with an article's stored notes and text.
pub fn plan(existing: &Annotations, text: &str, read: ReadNotes) -> Plan {
    let article_iri = format!("urn:sha256:{}", crate::library::content_hash(text));
    let anchorer = Anchorer::new(text);
    let mut vocabulary = existing.verdicts.clone();
    let mut plan = Plan {
        format: read.format,
        in_file: read.notes.len(),
        replies_in_file: read
            .notes
            .iter()
            .map(|n| n.note.replies.len())
            .sum::<usize>()
            + read.loose_replies.len(),
        skipped: read.skipped,
        rejected: read.rejected,
        ..Default::default()
    };
    let mut incoming_ids: FxHashSet<NoteId> = FxHashSet::default();
    // Stored notes by id, and by passage (for a note that came back under another id).
    let by_id: FxHashMap<&NoteId, &Note> = existing.notes.iter().map(|n| (&n.id, n)).collect();
    let mut by_passage: FxHashMap<(&str, usize, usize), Vec<&Note>> = FxHashMap::default();
    for n in &existing.notes {
        let p = n.target.position;
        by_passage
            .entry((n.target.quote.exact.as_str(), p.start.0, p.end.0))
            .or_default()
            .push(n);
    }
    for incoming in read.notes {
        let mut note = incoming.note;
        if !incoming_ids.insert(note.id.clone()) {
            plan.rejected
                .push(format!("note {}: repeated id in the file", note.id));
            continue;
        }
        if let Some(term) = &incoming.verdict {
            note.verdict = Some(resolve_verdict(
                &mut vocabulary,
                &mut plan.new_verdicts,
                term,
            ));
        } else if let Some(key) = &note.verdict {
            if !vocabulary.iter().any(|t| &t.key == key) {
                let term = VerdictTerm {
                    key: key.clone(),
                    label: key.clone(),
                    rating: None,
                };
                note.verdict = Some(resolve_verdict(
                    &mut vocabulary,
                    &mut plan.new_verdicts,
                    &term,
                ));
            }
        }
        if incoming
            .source
            .as_ref()
            .is_some_and(|s| s.starts_with("urn:sha256:") && *s != article_iri)
        {
            plan.other_source += 1;
        }
        let anchoring = anchorer.anchor(&note.target);
        match anchoring {
            Anchoring::Exact(_) => {}
            Anchoring::Moved(span) | Anchoring::Edited(span) => {
                let position = note.target.position;
                if !incoming.positions_trusted || position.start == position.end {
                    // Another tool's positions (UTF-16, another rendering) or none: keep
                    // where the quote is in this text instead, with its context.
                    let cp = span_to_code_points(text, span);
                    note.target.position.start = cp.start;
                    note.target.position.end = cp.end;
                    let quote = &mut note.target.quote;
                    if quote.prefix.is_empty() && quote.suffix.is_empty() {
                        let found = crate::anchor::describe(text, span).quote;
                        quote.prefix = found.prefix;
                        quote.suffix = found.suffix;
                    }
                }
            }
            Anchoring::NeedsReview(_) | Anchoring::Orphan => {}
        }
        let stored = by_id.get(&note.id).copied().or_else(|| {
            let p = note.target.position;
            by_passage
                .get(&(note.target.quote.exact.as_str(), p.start.0, p.end.0))
                .and_then(|list| {
                    list.iter()
                        .copied()
                        .find(|n| same_passage_and_words(n, &note))
                })
        });
        if let Some(mine) = stored {
            for reply in &note.replies {
                if !mine.replies.iter().any(|r| r.id == reply.id) {
                    plan.new_replies.push((mine.id.clone(), reply.clone()));
                }
            }
            if mine.id != note.id || same_content(mine, &note) {
                plan.unchanged += 1;
            } else {
                plan.conflicts.push(Conflict {
                    mine: mine.clone(),
                    theirs: note,
                });
            }
            continue;
        }
        match anchoring {
            Anchoring::Exact(_) | Anchoring::Moved(_) | Anchoring::Edited(_) => {
                plan.anchoring.found += 1
            }
            Anchoring::NeedsReview(_) => plan.anchoring.review += 1,
            Anchoring::Orphan => plan.anchoring.not_found += 1,
        }
        plan.new_notes.push(note);
    }
    let new_by_id: FxHashMap<&NoteId, &Note> = plan.new_notes.iter().map(|n| (&n.id, n)).collect();
    let mut loose_replies = Vec::new();
    for loose in read.loose_replies {
        let parent = by_id
            .get(&loose.parent)
            .or_else(|| new_by_id.get(&loose.parent))
            .copied();
        match parent {
            Some(p) if p.replies.iter().any(|r| r.id == loose.reply.id) => {}
            Some(p) => loose_replies.push((p.id.clone(), loose.reply)),
            None => plan.rejected.push(format!(
                "reply {}: its note ({}) is neither in the file nor here",
                loose.reply.id, loose.parent
            )),
        }
    }
    plan.new_replies.extend(loose_replies);
    plan
}

/// The annotations after importing: `existing` plus the plan's new verdicts, notes and
/// replies; conflicting notes are replaced by the file's version only when `take_theirs`.
pub fn apply(existing: &Annotations, plan: &Plan, take_theirs: bool) -> Annotations {
    let mut merged = existing.clone();
    for term in &plan.new_verdicts {
        if !merged.verdicts.iter().any(|t| t.key == term.key) {
            merged.verdicts.push(term.clone());
        }
    }
    let mut index: FxHashMap<NoteId, usize> = merged
        .notes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect();
    for note in &plan.new_notes {
        if !index.contains_key(&note.id) {
            index.insert(note.id.clone(), merged.notes.len());
            merged.notes.push(note.clone());
        }
    }
    if take_theirs {
        for conflict in &plan.conflicts {
            let mut theirs = conflict.theirs.clone();
            for reply in &conflict.mine.replies {
                if !theirs.replies.iter().any(|r| r.id == reply.id) {
                    theirs.replies.push(reply.clone());
                }
            }
            match index.get(&theirs.id) {
                Some(&i) => merged.notes[i] = theirs,
                None => {
                    index.insert(theirs.id.clone(), merged.notes.len());
                    merged.notes.push(theirs);
                }
            }
        }
    }
    for (parent, reply) in &plan.new_replies {
        if let Some(&i) = index.get(parent) {
            let note = &mut merged.notes[i];
            if !note.replies.iter().any(|r| r.id == reply.id) {
                note.replies.push(reply.clone());
            }
        }
    }
    merged
}

/// A bundle article's notes as notes read from a file, to merge into a stored copy of the
/// same article (their positions are Glossa's own).
pub fn notes_of(article: &crate::io::bundle::Article) -> ReadNotes {
    ReadNotes {
        format: "Glossa bundle",
        notes: article
            .annotations
            .notes
            .iter()
            .map(|note| w3c::IncomingNote {
                note: note.clone(),
                source: None,
                verdict: note
                    .verdict
                    .as_ref()
                    .and_then(|k| article.annotations.verdict(k))
                    .cloned(),
                positions_trusted: true,
            })
            .collect(),
        ..Default::default()
    }
}

/// What merging a bundle into a list of articles did, per article.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleMerge {
    /// The article was not there: added whole, with this many notes.
    Added { title: String, notes: usize },
    /// The same text was there: its notes were merged by this plan.
    Merged { title: String, plan: Box<Plan> },
}

/// Merges a bundle's articles into `articles`: a new text is added with its notes; the notes
/// of a text already there are merged into it (conflicts keep the stored version unless
/// `take_theirs`).
pub fn merge_bundle(
    articles: &mut Vec<crate::io::bundle::Article>,
    incoming: Vec<crate::io::bundle::Article>,
    take_theirs: bool,
) -> Vec<BundleMerge> {
    let mut out = Vec::new();
    for article in incoming {
        match articles.iter_mut().find(|a| a.text == article.text) {
            Some(existing) => {
                let plan = plan(&existing.annotations, &existing.text, notes_of(&article));
                existing.annotations = apply(&existing.annotations, &plan, take_theirs);
                out.push(BundleMerge::Merged {
                    title: existing.meta.title.clone(),
                    plan: Box::new(plan),
                });
            }
            None => {
                out.push(BundleMerge::Added {
                    title: article.meta.title.clone(),
                    notes: article.annotations.notes.len(),
                });
                articles.push(article);
            }
        }
    }
    out
}
