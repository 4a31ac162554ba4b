//! Analysis: the entities and the checkable claims of an article, and its page chrome.
//!
//! Pure and deterministic, by rules and lexicons (see [`lexicon`]); runs the same natively
//! (the `glossa` command line) and in the browser. All spans are half-open byte ranges of the
//! analysed text; the command line converts them to code points.
//!
//! ```
//! use glossa::analysis::{analyze, Label};
//! let text = "Kim Jong Un left Pyongyang on Monday evening, Yonhap news agency said. Kim met 26 leaders.";
//! let a = analyze(text);
//! let found: Vec<(&str, Label)> = a.entities.iter().map(|e| (&text[e.span.start.0..e.span.end.0], e.label)).collect();
//! assert!(found.contains(&("Kim Jong Un", Label::Person)));
//! assert!(found.contains(&("Pyongyang", Label::Place)));
//! assert!(found.contains(&("Monday evening", Label::Date)));
//! assert!(found.contains(&("26", Label::Quantity)));
//! let later_kim = a.entities.iter().find(|e| e.span.start.0 == 71).unwrap();
//! assert_eq!(later_kim.canonical.as_deref(), Some("Kim Jong Un"));
//! assert_eq!(a.claims.len(), 2);
//! ```

pub mod boilerplate;
pub mod claim;
pub mod entity;
pub mod lexicon;
pub mod segment;
pub mod token;
pub mod wire;

use std::borrow::Cow;

use crate::text::ByteSpan;

/// An entity's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Org,
    Place,
    Group,
    Event,
    Date,
    Quantity,
    Work,
}

impl Label {
    /// Every label, in declaration order (so `Label::ALL[label as usize] == label`).
    pub const ALL: [Label; 8] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Group,
        Label::Event,
        Label::Date,
        Label::Quantity,
        Label::Work,
    ];

    /// The label as written in output: `PERSON`, `ORG`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Group => "GROUP",
            Label::Event => "EVENT",
            Label::Date => "DATE",
            Label::Quantity => "QUANTITY",
            Label::Work => "WORK",
        }
    }

    /// A reader's word for the label.
    pub fn name(self) -> &'static str {
        match self {
            Label::Person => "person",
            Label::Org => "organisation",
            Label::Place => "place",
            Label::Group => "group",
            Label::Event => "event",
            Label::Date => "date or time",
            Label::Quantity => "number",
            Label::Work => "work or product",
        }
    }
}

/// A named thing, time or amount in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: ByteSpan,
    pub label: Label,
    /// The full name a shorter mention stands for ("Putin" → "Vladimir Putin").
    pub canonical: Option<String>,
    /// Why it was recognised, for the reader ("place name", "duration").
    pub why: Cow<'static, str>,
}

/// What makes a claim checkable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    Statistic,
    DateTime,
    Attribution,
    Superlative,
    Comparison,
    Causal,
    Event,
}

impl ClaimKind {
    /// Every kind, in declaration order (so `ClaimKind::ALL[kind as usize] == kind`).
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Statistic,
        ClaimKind::DateTime,
        ClaimKind::Attribution,
        ClaimKind::Superlative,
        ClaimKind::Comparison,
        ClaimKind::Causal,
        ClaimKind::Event,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statistic => "statistic",
            ClaimKind::DateTime => "date/time",
            ClaimKind::Attribution => "attribution",
            ClaimKind::Superlative => "superlative/first",
            ClaimKind::Comparison => "comparison",
            ClaimKind::Causal => "causal",
            ClaimKind::Event => "event",
        }
    }
}

/// A sentence that asserts something a fact-checker could check.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub span: ByteSpan,
    pub kind: ClaimKind,
    /// The words that make it checkable ("around 90 carriages").
    pub cue: ByteSpan,
    /// Softened: "reportedly", "is said to", "expected to".
    pub hedged: bool,
    /// Check-worthiness from 0 to 1, for ranking.
    pub score: f32,
}

/// Everything analysis finds in a text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub sentences: Vec<ByteSpan>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub boilerplate: Vec<ByteSpan>,
}

/// Analyses `text`.
pub fn analyze(text: &str) -> Analysis {
    let boilerplate = boilerplate::detect(text);
    let sentences = segment::sentences(text, &boilerplate);
    let tokens = token::tokenize(text);
    let entities = entity::recognize(text, &tokens, &sentences);
    let claims = claim::detect(text, &tokens, &sentences, &entities, &boilerplate);
    Analysis {
        sentences,
        entities,
        claims,
        boilerplate,
    }
}
