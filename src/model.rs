//! The annotation model: notes, the W3C-style selectors that say where a note sits, and ids.
//!
//! Selectors are stored the way W3C Web Annotation writes them: a `TextQuoteSelector`
//! (`exact`, `prefix`, `suffix`) and a `TextPositionSelector` in Unicode code points. A note
//! keeps its selectors forever; where it currently sits in the text is worked out by
//! [`crate::anchor`] and never written back over them.

use serde::{Deserialize, Serialize};

use crate::text::CodePointOffset;

/// A note's id. Made by the caller (the browser edge), never inside the core.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub String);

impl std::fmt::Display for NoteId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// W3C `TextQuoteSelector`: the quoted text with a little context either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// W3C `TextPositionSelector`: a half-open range in Unicode code points of the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    pub start: CodePointOffset,
    pub end: CodePointOffset,
}

/// Where a note points: both selectors, as W3C recommends, so it can be found again after the
/// text changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
}

/// A time stamp as an ISO 8601 string, made by the caller.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

/// A note a reader attached to a passage: a comment, tags, and for a checkable claim a
/// verdict with its evidence, plus the replies of others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: NoteId,
    pub target: Target,
    pub body: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// The display name of whoever wrote it, when they set one.
    pub author: Option<String>,
    /// Free tags, trimmed, without duplicates, in the order given.
    pub tags: Vec<String>,
    /// The key of a term of the article's [`VerdictTerm`] vocabulary.
    pub verdict: Option<String>,
    pub evidence: Vec<Evidence>,
    pub replies: Vec<Reply>,
}

impl Note {
    /// A plain note with no tags, verdict, evidence or replies.
    pub fn new(id: NoteId, target: Target, body: String, now: Timestamp) -> Note {
        Note {
            id,
            target,
            body,
            created: now.clone(),
            modified: now,
            author: None,
            tags: Vec::new(),
            verdict: None,
            evidence: Vec::new(),
            replies: Vec::new(),
        }
    }
}

/// A source that supports or refutes a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// The words of the source that matter.
    #[serde(default)]
    pub quote: String,
    /// When the source was read, as an ISO 8601 date (`2026-11-26`).
    #[serde(default)]
    pub accessed: String,
}

/// A reply under a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: NoteId,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub created: Timestamp,
}

/// One verdict a fact-checker can give a claim. `rating` runs from 1 (false) to 5 (true), as
/// schema.org's `ClaimReview` rates; terms with no rating (unverified) are not verdicts yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictTerm {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

/// The verdicts an article starts with; each article's list can then be edited.
///
/// ```
/// let keys: Vec<_> = glossa::model::default_verdicts().into_iter().map(|t| t.key).collect();
/// assert_eq!(keys, ["unverified", "in-progress", "true", "mostly-true", "misleading", "false", "unsupported"]);
/// ```
pub fn default_verdicts() -> Vec<VerdictTerm> {
    [
        ("unverified", "Unverified", None),
        ("in-progress", "In progress", None),
        ("true", "True", Some(5)),
        ("mostly-true", "Mostly true", Some(4)),
        ("misleading", "Misleading", Some(2)),
        ("false", "False", Some(1)),
        ("unsupported", "Unsupported", Some(2)),
    ]
    .into_iter()
    .map(|(key, label, rating)| VerdictTerm {
        key: key.into(),
        label: label.into(),
        rating,
    })
    .collect()
}

/// Tags as typed ("fact, Sources ,, fact") to a clean list: trimmed, inner white space
/// collapsed, empty and repeated tags (ignoring case) dropped, at most 40 characters each.
///
/// ```
/// assert_eq!(glossa::model::parse_tags("fact, Sources ,, FACT, two  words"), ["fact", "Sources", "two words"]);
/// ```
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for raw in typed.split(',') {
        let tag: String = raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(40)
            .collect();
        if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag);
        }
    }
    tags
}

/// Everything a reader added to one article: its notes and its verdict vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotations {
    pub verdicts: Vec<VerdictTerm>,
    pub notes: Vec<Note>,
}

impl Default for Annotations {
    fn default() -> Annotations {
        Annotations {
            verdicts: default_verdicts(),
            notes: Vec::new(),
        }
    }
}

impl Annotations {
    /// The verdict term with this key.
    pub fn verdict(&self, key: &str) -> Option<&VerdictTerm> {
        self.verdicts.iter().find(|t| t.key == key)
    }

    /// Puts `note` in place of the note with its id, or adds it.
    pub fn put(&mut self, note: Note) {
        match self.notes.iter_mut().find(|n| n.id == note.id) {
            Some(existing) => *existing = note,
            None => self.notes.push(note),
        }
    }

    /// Removes the note with this id; true when there was one.
    pub fn remove(&mut self, id: &NoteId) -> bool {
        let before = self.notes.len();
        self.notes.retain(|n| &n.id != id);
        self.notes.len() != before
    }
}

/// Why evidence was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("the address must start with http:// or https://")]
    NotWeb,
    #[error("the address has no site name after the scheme")]
    NoHost,
    #[error("the address contains spaces")]
    Spaces,
    #[error("the date must be written YYYY-MM-DD")]
    BadDate,
}

impl Evidence {
    /// Evidence as typed in a form: every field trimmed, the address checked to be a web
    /// address (so that a link never runs script), the date checked to be YYYY-MM-DD.
    ///
    /// ```
    /// use glossa::model::{Evidence, EvidenceError};
    /// let e = Evidence::checked(" https://example.org/a ", "Report", "", "2026-11-26").unwrap();
    /// assert_eq!(e.url, "https://example.org/a");
    /// assert_eq!(Evidence::checked("javascript:alert(1)", "", "", ""), Err(EvidenceError::NotWeb));
    /// assert_eq!(Evidence::checked("https://x.org", "", "", "26/11/2026"), Err(EvidenceError::BadDate));
    /// ```
    pub fn checked(
        url: &str,
        title: &str,
        quote: &str,
        accessed: &str,
    ) -> Result<Evidence, EvidenceError> {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| lower.starts_with(s))
            .ok_or(EvidenceError::NotWeb)?;
        let rest = &url[scheme.len()..];
        if url.chars().any(char::is_whitespace) {
            return Err(EvidenceError::Spaces);
        }
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') || host.starts_with('@') {
            return Err(EvidenceError::NoHost);
        }
        let accessed = accessed.trim();
        if !accessed.is_empty() && !is_iso_date(accessed) {
            return Err(EvidenceError::BadDate);
        }
        Ok(Evidence {
            url: url.to_string(),
            title: title.trim().to_string(),
            quote: quote.trim().to_string(),
            accessed: accessed.to_string(),
        })
    }
}

/// True for a date written `YYYY-MM-DD` with a month 01–12 and a day 01–31.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// How many colours tags are drawn in.
pub const TAG_COLOURS: u32 = 8;

/// The colour (0 to [`TAG_COLOURS`] − 1) a tag is drawn in: the same for the same tag,
/// whatever its case, in every article and for every reader.
///
/// ```
/// use glossa::model::tag_colour;
/// assert_eq!(tag_colour("Source"), tag_colour("source"));
/// assert!(tag_colour("loaded word") < glossa::model::TAG_COLOURS);
/// ```
pub fn tag_colour(tag: &str) -> u32 {
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in tag.to_lowercase().bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % TAG_COLOURS
}

/// Why the verdict list could not be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabularyError {
    #[error("a verdict needs a name")]
    EmptyLabel,
    #[error("there is already a verdict called “{0}”")]
    Exists(String),
    #[error("{0} note(s) still have this verdict; give them another one first")]
    InUse(usize),
    #[error("there is no such verdict")]
    Unknown,
}

impl Annotations {
    /// Adds a verdict called `label` to the article's list; returns its key (made from the
    /// label: "Needs context" → "needs-context").
    ///
    /// ```
    /// let mut a = glossa::model::Annotations::default();
    /// assert_eq!(a.add_verdict(" Needs  context ").unwrap(), "needs-context");
    /// assert!(a.add_verdict("needs context").is_err(), "names are unique, whatever their case");
    /// ```
    pub fn add_verdict(&mut self, label: &str) -> Result<String, VocabularyError> {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() {
            return Err(VocabularyError::EmptyLabel);
        }
        if self
            .verdicts
            .iter()
            .any(|t| t.label.to_lowercase() == label.to_lowercase())
        {
            return Err(VocabularyError::Exists(label));
        }
        let base: String = label
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if base.is_empty() {
            "verdict".to_string()
        } else {
            base
        };
        let mut key = base.clone();
        let mut n = 2;
        while self.verdicts.iter().any(|t| t.key == key) {
            key = format!("{base}-{n}");
            n += 1;
        }
        self.verdicts.push(VerdictTerm {
            key: key.clone(),
            label,
            rating: None,
        });
        Ok(key)
    }

    /// Renames a verdict; notes keep it (they refer to its key).
    pub fn rename_verdict(&mut self, key: &str, label: &str) -> Result<(), VocabularyError> {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() {
            return Err(VocabularyError::EmptyLabel);
        }
        if self
            .verdicts
            .iter()
            .any(|t| t.key != key && t.label.to_lowercase() == label.to_lowercase())
        {
            return Err(VocabularyError::Exists(label));
        }
        let term = self
            .verdicts
            .iter_mut()
            .find(|t| t.key == key)
            .ok_or(VocabularyError::Unknown)?;
        term.label = label;
        Ok(())
    }

    /// Removes a verdict no note uses.
    pub fn remove_verdict(&mut self, key: &str) -> Result<(), VocabularyError> {
        let used = self
            .notes
            .iter()
            .filter(|n| n.verdict.as_deref() == Some(key))
            .count();
        if used > 0 {
            return Err(VocabularyError::InUse(used));
        }
        let before = self.verdicts.len();
        self.verdicts.retain(|t| t.key != key);
        if self.verdicts.len() == before {
            return Err(VocabularyError::Unknown);
        }
        Ok(())
    }
}
