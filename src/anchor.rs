//! Anchoring: describe a passage as selectors, and find the passage again from its selectors.
//!
//! Layered as Hypothesis does it: the position selector is tried first and checked against the
//! quote; if the text moved, the quote is searched for, each occurrence scored by how well its
//! prefix and suffix match and how close it lies to the old position. An occurrence whose
//! context mostly differs is shown for review when it is the only one; among several
//! look-alikes the note is kept as an orphan (never dropped) rather than attached to the
//! wrong passage.
//!
//! ```
//! use glossa::anchor::{anchor, describe, Anchoring};
//! use glossa::text::{ByteOffset, ByteSpan};
//! let text = "The 🚂 train has around 90 carriages.";
//! let span = ByteSpan::new(ByteOffset(19), ByteOffset(28)); // "around 90": 🚂 is 4 bytes
//! let target = describe(text, span);
//! assert_eq!(target.quote.exact, "around 90");
//! assert_eq!(target.position.start.0, 16); // code points: the emoji counts as one
//! assert_eq!(anchor(text, &target), Anchoring::Exact(span));
//! ```

use crate::model::{Target, TextPositionSelector, TextQuoteSelector};
use crate::text::offsets::{
    byte_to_code_point, chars_after, chars_before, code_point_to_byte, floor_char_boundary,
};
use crate::text::{ByteOffset, ByteSpan};

/// How many code points of context a quote selector keeps either side.
pub const CONTEXT_CHARS: usize = 32;

/// The result of anchoring one target in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The position selector still points at the quoted text.
    Exact(ByteSpan),
    /// The quote was found elsewhere, with its context: the text moved.
    Moved(ByteSpan),
    /// The quote was found, but its context does not match: shown, marked for review.
    NeedsReview(ByteSpan),
    /// The quote is not in the text (or only look-alikes that cannot be told apart).
    Orphan,
}

impl Anchoring {
    /// The span, when the target was found.
    pub fn span(&self) -> Option<ByteSpan> {
        match *self {
            Anchoring::Exact(s) | Anchoring::Moved(s) | Anchoring::NeedsReview(s) => Some(s),
            Anchoring::Orphan => None,
        }
    }
}

/// Describes a passage of `text` as selectors. The span is clamped to the text and to
/// character boundaries.
pub fn describe(text: &str, span: ByteSpan) -> Target {
    let start = floor_char_boundary(text, span.start.0);
    let end = floor_char_boundary(text, span.end.0).max(start);
    let prefix_start = chars_before(text, ByteOffset(start), CONTEXT_CHARS);
    let suffix_end = chars_after(text, ByteOffset(end), CONTEXT_CHARS);
    Target {
        quote: TextQuoteSelector {
            exact: text[start..end].to_string(),
            prefix: text[prefix_start.0..start].to_string(),
            suffix: text[end..suffix_end.0].to_string(),
        },
        position: TextPositionSelector {
            start: byte_to_code_point(text, ByteOffset(start)),
            end: byte_to_code_point(text, ByteOffset(end)),
        },
    }
}

/// The share of the stored context (prefix and suffix) that must match around a passage for
/// it to be trusted without review.
pub const TRUSTED_CONTEXT: f64 = 0.5;

/// Finds the target's passage in `text`.
///
/// The position is tried first and kept when it holds the quote with its context. Otherwise
/// every occurrence of the quote is scored by its context (ties go to the one nearest the old
/// position). A best occurrence with at least [`TRUSTED_CONTEXT`] of its context is
/// [`Anchoring::Moved`]; a lone occurrence with less is [`Anchoring::NeedsReview`]; several
/// look-alikes with less are an [`Anchoring::Orphan`].
pub fn anchor(text: &str, target: &Target) -> Anchoring {
    let quote = &target.quote;
    if quote.exact.is_empty() {
        return Anchoring::Orphan;
    }
    let trusted = |span: ByteSpan| context_ratio(text, span, quote) >= TRUSTED_CONTEXT;
    let hinted = ByteSpan::new(
        code_point_to_byte(text, target.position.start),
        code_point_to_byte(text, target.position.end),
    );
    if text.get(hinted.start.0..hinted.end.0) == Some(quote.exact.as_str()) && trusted(hinted) {
        return Anchoring::Exact(hinted);
    }
    let candidates: Vec<ByteSpan> = text
        .match_indices(quote.exact.as_str())
        .map(|(at, m)| ByteSpan::new(ByteOffset(at), ByteOffset(at + m.len())))
        .collect();
    let best = candidates.iter().copied().max_by_key(|&span| {
        let distance = span.start.0.abs_diff(hinted.start.0);
        (
            context_score(text, span, quote),
            std::cmp::Reverse(distance),
        )
    });
    match best {
        None => Anchoring::Orphan,
        Some(span) if trusted(span) => Anchoring::Moved(span),
        Some(span) if candidates.len() == 1 => Anchoring::NeedsReview(span),
        Some(_) => Anchoring::Orphan,
    }
}

/// The share of the stored context that matches around `span`; 1 when there is none.
fn context_ratio(text: &str, span: ByteSpan, quote: &TextQuoteSelector) -> f64 {
    let stored = quote.prefix.chars().count() + quote.suffix.chars().count();
    if stored == 0 {
        return 1.0;
    }
    f64::from(context_score(text, span, quote)) / stored as f64
}

/// How many characters of the expected prefix (read backwards) and suffix (read forwards)
/// match the text around `span`.
fn context_score(text: &str, span: ByteSpan, quote: &TextQuoteSelector) -> u32 {
    let before = &text[..span.start.0];
    let after = &text[span.end.0..];
    let prefix = before
        .chars()
        .rev()
        .zip(quote.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = after
        .chars()
        .zip(quote.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    u32::try_from(prefix + suffix).unwrap_or(u32::MAX)
}
