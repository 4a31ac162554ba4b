//! Anchoring: describe a passage as selectors, and find the passage again from its selectors.
//!
//! Layered as Hypothesis does it, with one more safeguard:
//!
//! 1. the position selector, checked against the quote and its context;
//! 2. the exact quote, each occurrence scored by how well its prefix and suffix match and how
//!    close it lies to the old position;
//! 3. a fuzzy search for the quote (edit distance, seeded by exact pieces of it), for a quote
//!    whose own words were corrected.
//!
//! Only a match with its context, or a fuzzy match that is nearly identical with its context,
//! is trusted. A weaker lone match is shown marked [`Anchoring::NeedsReview`]; look-alikes
//! that cannot be told apart and text too different leave the note an orphan (kept, never
//! dropped) rather than attached to the wrong passage, Hypothesis's known failure.
//!
//! [`Anchorer`] indexes a text once, so that anchoring thousands of notes is linear in their
//! number; it also learns how far the text shifted, so that notes after an inserted paragraph
//! are found at once.
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

use std::cell::Cell;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;
use triple_accel::levenshtein::{levenshtein_search_naive_with_opts, LEVENSHTEIN_COSTS};
use triple_accel::SearchType;

use crate::model::{Target, TextPositionSelector, TextQuoteSelector};
use crate::text::offsets::CodePointOffset;
use crate::text::offsets::{
    byte_to_code_point, chars_after, chars_before, floor_char_boundary, CodePointIndex,
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
    /// A nearly identical passage was found with its context: its words were corrected.
    Edited(ByteSpan),
    /// The quote was found, but its context does not match: shown, marked for review.
    NeedsReview(ByteSpan),
    /// The quote is not in the text (or only look-alikes that cannot be told apart).
    Orphan,
}

impl Anchoring {
    /// The span, when the target was found.
    pub fn span(&self) -> Option<ByteSpan> {
        match *self {
            Anchoring::Exact(s)
            | Anchoring::Moved(s)
            | Anchoring::Edited(s)
            | Anchoring::NeedsReview(s) => Some(s),
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

/// A fuzzy match at least this similar to the quote (1 − edits / length), with its context,
/// is trusted as [`Anchoring::Edited`].
pub const TRUSTED_SIMILARITY: f64 = 0.9;

/// A fuzzy match less similar than this is not shown at all.
pub const LEAST_SIMILARITY: f64 = 0.75;

/// Quotes shorter than this many bytes are never searched fuzzily: too many look-alikes.
const FUZZY_MIN_BYTES: usize = 8;

/// Finds the target's passage in `text`.
///
/// The position is tried first and kept when it holds the quote with its context. Otherwise
/// every occurrence of the quote is scored by its context (ties go to the one nearest the old
/// position). A best occurrence with at least [`TRUSTED_CONTEXT`] of its context is
/// [`Anchoring::Moved`]; a lone occurrence with less is [`Anchoring::NeedsReview`]; several
/// look-alikes with less are an [`Anchoring::Orphan`]. When the quote is not in the text, a
/// fuzzy search decides between [`Anchoring::Edited`], [`Anchoring::NeedsReview`] and
/// [`Anchoring::Orphan`].
///
/// To anchor many targets in one text, make an [`Anchorer`] once.
pub fn anchor(text: &str, target: &Target) -> Anchoring {
    Anchorer::new(text).anchor(target)
}

/// Anchors targets in one text: indexes it once and remembers the last shift it saw.
#[derive(Debug)]
pub struct Anchorer<'t> {
    text: &'t str,
    index: CodePointIndex,
    /// How far (in code points) the last moved passage was from its old position.
    shift: Cell<isize>,
}

impl<'t> Anchorer<'t> {
    pub fn new(text: &'t str) -> Anchorer<'t> {
        Anchorer {
            text,
            index: CodePointIndex::new(text),
            shift: Cell::new(0),
        }
    }

    /// Finds the target's passage; see [`anchor`].
    pub fn anchor(&self, target: &Target) -> Anchoring {
        let text = self.text;
        let quote = &target.quote;
        if quote.exact.is_empty() {
            return Anchoring::Orphan;
        }
        let trusted = |span: ByteSpan| context_ratio(text, span, quote) >= TRUSTED_CONTEXT;
        let hinted = ByteSpan::new(
            self.index.to_byte(text, target.position.start),
            self.index.to_byte(text, target.position.end),
        );
        if holds(text, hinted, &quote.exact) && trusted(hinted) {
            return Anchoring::Exact(hinted);
        }
        // The text shifted the same way for the previous note: try that first.
        let old_start = target.position.start;
        if let Some(start) = old_start.0.checked_add_signed(self.shift.get()) {
            let start = self.index.to_byte(text, CodePointOffset(start));
            let shifted = ByteSpan::new(start, ByteOffset(start.0 + quote.exact.len()));
            if holds(text, shifted, &quote.exact) && trusted(shifted) {
                return Anchoring::Moved(shifted);
            }
        }
        let result = self.search(target, hinted, trusted);
        if let Anchoring::Moved(span) | Anchoring::Edited(span) = result {
            let found = self.index.to_code_point(text, span.start);
            self.shift.set(found.0 as isize - old_start.0 as isize);
        }
        result
    }

    fn search(
        &self,
        target: &Target,
        hinted: ByteSpan,
        trusted: impl Fn(ByteSpan) -> bool,
    ) -> Anchoring {
        let (text, quote) = (self.text, &target.quote);
        // Near the old position first: an edit nearby moves a passage a little.
        let near = window(text, hinted.start.0, NEAR_BYTES);
        let exact_near = occurrences(&text[near.clone()], &quote.exact, near.start);
        if let Some(span) = best_by_context(text, &exact_near, quote, hinted) {
            if trusted(span) {
                return Anchoring::Moved(span);
            }
        }
        let candidates = occurrences(text, &quote.exact, 0);
        match best_by_context(text, &candidates, quote, hinted) {
            Some(span) if trusted(span) => Anchoring::Moved(span),
            Some(span) if candidates.len() == 1 => Anchoring::NeedsReview(span),
            Some(_) => Anchoring::Orphan,
            None => {
                let decide = |(span, similarity): (ByteSpan, f64)| {
                    if similarity >= TRUSTED_SIMILARITY && trusted(span) {
                        Anchoring::Edited(span)
                    } else {
                        Anchoring::NeedsReview(span)
                    }
                };
                let close = fuzzy_find(
                    &text[near.clone()],
                    &quote.exact,
                    hinted.start.0 - near.start,
                )
                .map(|(span, similarity)| {
                    (
                        ByteSpan::new(
                            ByteOffset(span.start.0 + near.start),
                            ByteOffset(span.end.0 + near.start),
                        ),
                        similarity,
                    )
                })
                .map(decide);
                match close {
                    Some(found @ Anchoring::Edited(_)) => found,
                    _ => fuzzy_find(text, &quote.exact, hinted.start.0)
                        .map(decide)
                        .unwrap_or(Anchoring::Orphan),
                }
            }
        }
    }
}

/// How far either side of the old position the first, cheaper searches look.
const NEAR_BYTES: usize = 4096;

/// The byte range `around ± radius`, clamped to the text and its character boundaries.
fn window(text: &str, around: usize, radius: usize) -> std::ops::Range<usize> {
    let start = floor_char_boundary(text, around.saturating_sub(radius));
    let end = floor_char_boundary(text, around.saturating_add(radius).min(text.len()));
    start..end.max(start)
}

/// Every occurrence of `exact` in `haystack`, as spans of the whole text (`haystack` starts
/// at byte `offset` of it).
fn occurrences(haystack: &str, exact: &str, offset: usize) -> Vec<ByteSpan> {
    haystack
        .match_indices(exact)
        .map(|(at, m)| ByteSpan::new(ByteOffset(offset + at), ByteOffset(offset + at + m.len())))
        .collect()
}

/// The candidate with the most matching context, the nearest to the old position on ties.
fn best_by_context(
    text: &str,
    candidates: &[ByteSpan],
    quote: &TextQuoteSelector,
    hinted: ByteSpan,
) -> Option<ByteSpan> {
    candidates.iter().copied().max_by_key(|&span| {
        let distance = span.start.0.abs_diff(hinted.start.0);
        (
            context_score(text, span, quote),
            std::cmp::Reverse(distance),
        )
    })
}

/// True when `span` of `text` is exactly `exact`.
fn holds(text: &str, span: ByteSpan, exact: &str) -> bool {
    text.get(span.start.0..span.end.0) == Some(exact)
}

/// The passage of `text` most like `quote` (at least [`LEAST_SIMILARITY`]) and its
/// similarity, preferring passages near byte `near`.
///
/// Exact pieces of the quote (up to 32 of 8 bytes or more) are looked up in one pass; each
/// occurrence votes for where the quote would start. The best-voted places are checked with an
/// edit-distance search in a window just larger than the quote. A passage whose every piece
/// was edited is not found: it is too different to re-attach without a reader.
pub fn fuzzy_find(text: &str, quote: &str, near: usize) -> Option<(ByteSpan, f64)> {
    let length = quote.len();
    if length < FUZZY_MIN_BYTES || text.is_empty() {
        return None;
    }
    let max_edits = ((length as f64) * (1.0 - LEAST_SIMILARITY)).floor() as usize;
    let pieces = seed_pieces(quote);
    let patterns: Vec<&str> = pieces
        .iter()
        .map(|&(at, len)| &quote[at..at + len])
        .collect();
    let searcher = AhoCorasick::new(&patterns).ok()?;
    // Votes per candidate start, in buckets of 16 bytes.
    let mut votes: FxHashMap<usize, (u32, usize)> = FxHashMap::default();
    for hit in searcher.find_overlapping_iter(text) {
        let offset = pieces[hit.pattern().as_usize()].0;
        let Some(start) = hit.start().checked_sub(offset) else {
            continue;
        };
        let entry = votes.entry(start / 16).or_insert((0, start));
        entry.0 += 1;
    }
    let mut ranked: Vec<(u32, usize)> = votes.into_values().collect();
    ranked.sort_by_key(|&(count, start)| (std::cmp::Reverse(count), start.abs_diff(near)));
    let mut best: Option<(ByteSpan, usize)> = None;
    for &(_, start) in ranked.iter().take(8) {
        let from = floor_char_boundary(text, start.saturating_sub(max_edits + 16));
        let to = floor_char_boundary(text, (start + length + max_edits + 16).min(text.len()));
        let window = &text.as_bytes()[from..to];
        let found = levenshtein_search_naive_with_opts(
            quote.as_bytes(),
            window,
            u32::try_from(max_edits).unwrap_or(u32::MAX),
            SearchType::Best,
            LEVENSHTEIN_COSTS,
            false,
        )
        .min_by_key(|m| (m.k, (from + m.start).abs_diff(near)));
        let Some(m) = found else { continue };
        let span = snap(text, from + m.start, from + m.end);
        let edits = m.k as usize;
        let better = best.is_none_or(|(b, k)| {
            (edits, span.start.0.abs_diff(near)) < (k, b.start.0.abs_diff(near))
        });
        if better && !span.is_empty() {
            best = Some((span, edits));
        }
    }
    let (span, edits) = best?;
    Some((span, 1.0 - edits as f64 / length as f64))
}

/// Up to 32 pieces `(offset, length)` of the quote, of at least 8 bytes, on character
/// boundaries, spread over all of it.
fn seed_pieces(quote: &str) -> Vec<(usize, usize)> {
    let size = (quote.len() / 32).max(8);
    let mut pieces = Vec::new();
    let mut at = 0;
    while at + size <= quote.len() {
        let start = floor_char_boundary(quote, at);
        let end = floor_char_boundary(quote, at + size);
        // White space and punctuation alone occur everywhere: they would only add noise.
        if end > start && quote[start..end].chars().any(char::is_alphanumeric) {
            pieces.push((start, end - start));
        }
        at += size;
    }
    pieces
}

/// A byte range widened to character boundaries.
fn snap(text: &str, start: usize, end: usize) -> ByteSpan {
    let start = floor_char_boundary(text, start);
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    ByteSpan::new(ByteOffset(start), ByteOffset(end.max(start)))
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
