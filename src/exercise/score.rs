//! Scoring a student's marks against the teacher's key, and agreement between students.
//!
//! A mark and a key item are compared by how much of the text they share: their overlap is
//! the number of characters both cover divided by the number either covers (the Jaccard
//! ratio, 1 for the same passage). Marks are paired one-to-one with key items, best overlaps
//! first; a pair counts when its overlap reaches the threshold (0.5 unless the teacher sets
//! another). Then:
//!
//! * a mark is **found** when its overlap is at least [`FOUND`] (the same passage, give or
//!   take a word or punctuation), **partly found** when it reaches the threshold, a
//!   **duplicate** when it overlaps a key item another mark already took, **extra** otherwise;
//! * a key item no mark reaches is **missed**;
//! * labels (the tags naming a task, such as "claim" or "source") and verdicts are compared
//!   on each pair, and counted apart from the spans.
//!
//! The score is [`FORMULA`]: 100 × (found + ½ × partly found) ÷ key items. Extras do not
//! lower it; they lower precision, reported beside it with recall and F1.
//!
//! ```
//! use glossa::exercise::score::{score, Mark, DEFAULT_THRESHOLD};
//! use glossa::text::{CodePointOffset, CodePointSpan};
//! let span = |a, b| CodePointSpan { start: CodePointOffset(a), end: CodePointOffset(b) };
//! let key = vec![Mark::new(span(0, 10)), Mark::new(span(20, 30))];
//! let marks = vec![Mark::new(span(0, 10)), Mark::new(span(22, 30)), Mark::new(span(40, 45))];
//! let feedback = score(&key, &marks, DEFAULT_THRESHOLD);
//! assert_eq!((feedback.found, feedback.partial, feedback.extra, feedback.missed.len()), (1, 1, 1, 0));
//! assert_eq!(feedback.score, 75.0);
//! ```

use crate::text::CodePointSpan;

/// The overlap from which two marks are taken for the same passage.
pub const FOUND: f64 = 0.9;
/// The overlap a mark needs to count for a key item, unless the teacher sets another.
pub const DEFAULT_THRESHOLD: f64 = 0.5;
/// The score formula, as shown to the teacher.
pub const FORMULA: &str = "score = 100 × (found + ½ × partly found) ÷ key items; \
a mark is found when it shares at least 90% of its passage with a key item, partly found \
when it shares at least the overlap threshold; extra marks do not lower the score but \
lower precision";

/// One marked passage, with its labels and verdict: a student's mark or a key item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub span: CodePointSpan,
    /// Task labels (the note's tags), compared without regard to case.
    pub labels: Vec<String>,
    pub verdict: Option<String>,
}

impl Mark {
    /// A mark with no labels or verdict.
    pub fn new(span: CodePointSpan) -> Mark {
        Mark {
            span,
            labels: Vec::new(),
            verdict: None,
        }
    }
}

/// Characters both spans cover ÷ characters either covers; 0 for spans that do not meet.
///
/// ```
/// use glossa::exercise::score::overlap;
/// use glossa::text::{CodePointOffset, CodePointSpan};
/// let span = |a, b| CodePointSpan { start: CodePointOffset(a), end: CodePointOffset(b) };
/// assert_eq!(overlap(span(0, 10), span(5, 15)), 5.0 / 15.0);
/// assert_eq!(overlap(span(0, 4), span(4, 8)), 0.0);
/// ```
pub fn overlap(a: CodePointSpan, b: CodePointSpan) -> f64 {
    let both = a
        .end
        .0
        .min(b.end.0)
        .saturating_sub(a.start.0.max(b.start.0));
    let either = a.end.0.max(b.end.0) - a.start.0.min(b.start.0);
    if both == 0 || either == 0 {
        0.0
    } else {
        both as f64 / either as f64
    }
}

/// What became of one mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MarkResult {
    /// The same passage as key item `key`.
    Found { key: usize },
    /// Overlaps key item `key` enough to count, by `overlap`.
    Partial { key: usize, overlap: f64 },
    /// Overlaps key item `key`, which another mark already took.
    Duplicate { key: usize },
    /// No key item is near it.
    Extra,
}

/// A student's marks against the key.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// One result per mark, in the order of the marks.
    pub marks: Vec<MarkResult>,
    /// Key items no mark reached, by index.
    pub missed: Vec<usize>,
    pub found: usize,
    pub partial: usize,
    pub duplicate: usize,
    pub extra: usize,
    /// Matched pairs whose key item has labels, and how many of them share a label.
    pub labels_compared: usize,
    pub labels_agree: usize,
    /// Matched pairs whose key item has a verdict, and how many give the same one.
    pub verdicts_compared: usize,
    pub verdicts_agree: usize,
    /// 0 to 100, by [`FORMULA`].
    pub score: f64,
    /// Marks that count (found or partly) ÷ all marks, duplicates included.
    pub precision: f64,
    /// Key items reached ÷ key items.
    pub recall: f64,
    pub f1: f64,
}

fn shares_label(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.to_lowercase() == y.to_lowercase()))
}

/// Pairs marks with key items one-to-one, best overlaps first: (mark, key, overlap).
fn pairs(key: &[Mark], marks: &[Mark], threshold: f64) -> Vec<(usize, usize, f64)> {
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (m, mark) in marks.iter().enumerate() {
        for (k, item) in key.iter().enumerate() {
            let o = overlap(mark.span, item.span);
            if o > 0.0 && o >= threshold {
                candidates.push((m, k, o));
            }
        }
    }
    // Best overlap first; ties in text order, so the result does not depend on sorting.
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    let mut mark_taken = vec![false; marks.len()];
    let mut key_taken = vec![false; key.len()];
    let mut chosen = Vec::new();
    for (m, k, o) in candidates {
        if !mark_taken[m] && !key_taken[k] {
            mark_taken[m] = true;
            key_taken[k] = true;
            chosen.push((m, k, o));
        }
    }
    chosen
}

/// Scores `marks` against `key`. `threshold` is the overlap a mark needs to count (clamped to
/// between 0.01 and [`FOUND`]).
pub fn score(key: &[Mark], marks: &[Mark], threshold: f64) -> Feedback {
    let threshold = if threshold.is_finite() {
        threshold.clamp(0.01, FOUND)
    } else {
        DEFAULT_THRESHOLD
    };
    let chosen = pairs(key, marks, threshold);
    let mut results = vec![MarkResult::Extra; marks.len()];
    let mut reached = vec![false; key.len()];
    let mut feedback = Feedback {
        marks: Vec::new(),
        missed: Vec::new(),
        found: 0,
        partial: 0,
        duplicate: 0,
        extra: 0,
        labels_compared: 0,
        labels_agree: 0,
        verdicts_compared: 0,
        verdicts_agree: 0,
        score: 0.0,
        precision: 0.0,
        recall: 0.0,
        f1: 0.0,
    };
    for &(m, k, o) in &chosen {
        reached[k] = true;
        results[m] = if o >= FOUND {
            feedback.found += 1;
            MarkResult::Found { key: k }
        } else {
            feedback.partial += 1;
            MarkResult::Partial { key: k, overlap: o }
        };
        if !key[k].labels.is_empty() {
            feedback.labels_compared += 1;
            if shares_label(&key[k].labels, &marks[m].labels) {
                feedback.labels_agree += 1;
            }
        }
        if let Some(verdict) = &key[k].verdict {
            feedback.verdicts_compared += 1;
            if marks[m].verdict.as_ref() == Some(verdict) {
                feedback.verdicts_agree += 1;
            }
        }
    }
    // Marks left over: a duplicate when they overlap a key item someone else took.
    for (m, result) in results.iter_mut().enumerate() {
        if matches!(result, MarkResult::Extra) {
            let near = key
                .iter()
                .enumerate()
                .map(|(k, item)| (k, overlap(marks[m].span, item.span)))
                .filter(|(_, o)| *o >= threshold)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match near {
                Some((k, _)) => {
                    feedback.duplicate += 1;
                    *result = MarkResult::Duplicate { key: k };
                }
                None => feedback.extra += 1,
            }
        }
    }
    feedback.missed = (0..key.len()).filter(|&k| !reached[k]).collect();
    let matched = (feedback.found + feedback.partial) as f64;
    if !key.is_empty() {
        feedback.score =
            100.0 * (feedback.found as f64 + 0.5 * feedback.partial as f64) / key.len() as f64;
        feedback.recall = matched / key.len() as f64;
    }
    if !marks.is_empty() {
        feedback.precision = matched / marks.len() as f64;
    }
    if feedback.precision + feedback.recall > 0.0 {
        feedback.f1 =
            2.0 * feedback.precision * feedback.recall / (feedback.precision + feedback.recall);
    }
    feedback.marks = results;
    feedback
}

/// How far two students agree on which passages to mark: span F1 of one against the other
/// (symmetric), with the same overlap threshold. 1 when both marked nothing.
pub fn span_agreement(a: &[Mark], b: &[Mark], threshold: f64) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    score(a, b, threshold).f1
}

/// Fleiss' kappa: `ratings[subject][rater]` is the category each rater gave each subject
/// (every subject rated by the same number of raters, at least two). `None` when it is not
/// defined (fewer than two raters, no subjects, or every rating the same category).
///
/// ```
/// use glossa::exercise::score::fleiss_kappa;
/// let r = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// // Two raters who always agree, on two categories: kappa 1.
/// assert_eq!(fleiss_kappa(&[r(&["a", "a"]), r(&["b", "b"])]), Some(1.0));
/// ```
pub fn fleiss_kappa(ratings: &[Vec<String>]) -> Option<f64> {
    let raters = ratings.first()?.len();
    if raters < 2 || ratings.iter().any(|r| r.len() != raters) {
        return None;
    }
    let mut categories: Vec<&str> = ratings.iter().flatten().map(String::as_str).collect();
    categories.sort_unstable();
    categories.dedup();
    let n = raters as f64;
    let subjects = ratings.len() as f64;
    let mut p_bar = 0.0;
    let mut totals = vec![0.0; categories.len()];
    for subject in ratings {
        let mut agreement = 0.0;
        for (c, category) in categories.iter().enumerate() {
            let count = subject.iter().filter(|r| r.as_str() == *category).count() as f64;
            totals[c] += count;
            agreement += count * (count - 1.0);
        }
        p_bar += agreement / (n * (n - 1.0));
    }
    p_bar /= subjects;
    let p_e: f64 = totals.iter().map(|t| (t / (subjects * n)).powi(2)).sum();
    if (1.0 - p_e).abs() < 1e-12 {
        return None;
    }
    Some((p_bar - p_e) / (1.0 - p_e))
}

/// Cohen's kappa for two raters who each labelled the same subjects. `None` when it is not
/// defined (no subjects, lengths differ, or chance agreement is total).
///
/// ```
/// use glossa::exercise::score::cohen_kappa;
/// let r = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// assert_eq!(cohen_kappa(&r(&["a", "b", "a", "b"]), &r(&["a", "b", "a", "b"])), Some(1.0));
/// assert_eq!(cohen_kappa(&r(&["a", "a", "b", "b"]), &r(&["a", "b", "a", "b"])), Some(0.0));
/// ```
pub fn cohen_kappa(a: &[String], b: &[String]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let n = a.len() as f64;
    let observed = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let mut categories: Vec<&String> = a.iter().chain(b).collect();
    categories.sort_unstable();
    categories.dedup();
    let expected: f64 = categories
        .iter()
        .map(|c| {
            let pa = a.iter().filter(|x| x == c).count() as f64 / n;
            let pb = b.iter().filter(|x| x == c).count() as f64 / n;
            pa * pb
        })
        .sum();
    if (1.0 - expected).abs() < 1e-12 {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}
