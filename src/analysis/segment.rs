//! Sentences: blocks (separated by blank lines) cut at sentence ends, with boilerplate spans
//! cut out as units of their own.
//!
//! A period ends a sentence when white space and an upper-case letter, digit or opening quote
//! follow, unless it closes a known abbreviation ("Mr.", "Gen.", "Jan.") or an initial ("J.").
//!
//! ```
//! use glossa::analysis::segment::sentences;
//! let text = "Mr. Kim left. He met Gen. Lee at 5 p.m. on Monday!\n\nNew block";
//! let got: Vec<&str> = sentences(text, &[]).iter().map(|s| &text[s.start.0..s.end.0]).collect();
//! assert_eq!(got, ["Mr. Kim left.", "He met Gen. Lee at 5 p.m. on Monday!", "New block"]);
//! ```

use crate::text::{ByteOffset, ByteSpan};

#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "prof", "rev", "inc", "co", "corp", "ltd", "vs", "no", "vol", "fig", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "e.g", "i.e",
    "u.s", "u.k", "mt", "ft", "approx", "dept", "est", "adm", "sgt", "maj", "pres",
];

/// Sentence spans of `text`, in order, trimmed of white space. `cut_out` spans (boilerplate)
/// become units of their own and never join a sentence.
pub fn sentences(text: &str, cut_out: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    // One buffer for every block's characters, instead of a new one each time.
    let mut chars = Vec::new();
    for block in blocks(text) {
        let mut pieces = vec![block];
        for cut in cut_out.iter().filter(|c| c.overlaps(block)) {
            pieces = pieces
                .into_iter()
                .flat_map(|p| {
                    if !p.overlaps(*cut) {
                        return vec![p];
                    }
                    let mut parts = Vec::new();
                    if p.start < cut.start {
                        parts.push(ByteSpan::new(p.start, cut.start));
                    }
                    parts.push(ByteSpan::new(cut.start.max(p.start), cut.end.min(p.end)));
                    if cut.end < p.end {
                        parts.push(ByteSpan::new(cut.end, p.end));
                    }
                    parts
                })
                .collect();
        }
        for piece in pieces {
            if cut_out.iter().any(|c| c.contains(piece)) {
                push_trimmed(text, piece, &mut out);
            } else {
                split_sentences(text, piece, &mut chars, &mut out);
            }
        }
    }
    out
}

/// Runs of text separated by blank lines.
fn blocks(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if line_start > start {
                out.push(ByteSpan::new(ByteOffset(start), ByteOffset(line_start)));
            }
            start = line_start + line.len();
        }
        line_start += line.len();
    }
    if text.len() > start {
        out.push(ByteSpan::new(ByteOffset(start), ByteOffset(text.len())));
    }
    out
}

fn push_trimmed(text: &str, span: ByteSpan, out: &mut Vec<ByteSpan>) {
    let s = &text[span.start.0..span.end.0];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = span.start.0 + lead;
        out.push(ByteSpan::new(
            ByteOffset(start),
            ByteOffset(start + trimmed.len()),
        ));
    }
}

/// Splits one block into sentences; `chars` is scratch space, reused between calls.
fn split_sentences(
    text: &str,
    span: ByteSpan,
    chars: &mut Vec<(usize, char)>,
    out: &mut Vec<ByteSpan>,
) {
    let s = &text[span.start.0..span.end.0];
    chars.clear();
    chars.extend(s.char_indices());
    let chars = &chars[..];
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let followed_by_start = k > j
                && chars.get(k).is_some_and(|&(_, n)| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(')
                });
            let abbreviation = || {
                c == '.'
                    && is_abbreviation(s, at)
                    && !ends_at_a_clock_time(s, at, chars.get(k).map_or(s.len(), |&(b, _)| b))
            };
            if k >= chars.len() || (followed_by_start && !abbreviation()) {
                push_trimmed(
                    text,
                    ByteSpan::new(
                        ByteOffset(span.start.0 + start),
                        ByteOffset(span.start.0 + end),
                    ),
                    out,
                );
                start = end;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if start < s.len() {
        push_trimmed(
            text,
            ByteSpan::new(ByteOffset(span.start.0 + start), span.end),
            out,
        );
    }
}

/// Words that go on a clock time's sentence after "a.m." or "p.m.": "at 5 p.m. Monday",
/// "8 a.m. ET", "9 p.m. Jan. 3".
#[rustfmt::skip]
const AFTER_A_TIME: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Feb",
    "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
    "GMT", "BST", "UTC", "CET", "CEST", "local",
];

/// True when the period at byte `dot` closes "a.m." or "p.m." and the capitalised word at byte
/// `next` starts a new sentence: "… at about 10:30 p.m. Temperatures reached …" (but not
/// "at 5 p.m. Monday" or "8 a.m. ET").
fn ends_at_a_clock_time(s: &str, dot: usize, next: usize) -> bool {
    let before = &s[..dot];
    if !(before.ends_with("a.m") || before.ends_with("p.m")) {
        return false;
    }
    let word: &str = s[next..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty() && !AFTER_A_TIME.contains(&word)
}

/// True when the period at byte `dot` of `s` closes an abbreviation or an initial.
fn is_abbreviation(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(b, c)| b + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // Initials after a name: "George H.W. Bush" (but "the U.N." ends a sentence).
    let initials = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    if initials {
        let name_before = before[..word_start]
            .trim_end_matches(' ')
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if name_before {
            return true;
        }
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}
