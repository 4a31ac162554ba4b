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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

/// A note a reader attached to a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: NoteId,
    pub target: Target,
    pub body: String,
    pub created: Timestamp,
    pub modified: Timestamp,
}
