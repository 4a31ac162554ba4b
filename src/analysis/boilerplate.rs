//! Page chrome in scraped text: credits, counters, "related" headers, browser warnings, video
//! durations. Found by patterns that are common to news sites, not to one page.
//!
//! ```
//! use glossa::analysis::boilerplate::detect;
//! let text = "Kim left.\n\nSource link\n\nVisited 1 times, 1 visit(s) today\n\nTrain crash 01:05";
//! let found: Vec<&str> = detect(text).iter().map(|s| &text[s.start.0..s.end.0]).collect();
//! assert_eq!(found, ["Source link", "Visited 1 times, 1 visit(s) today", "01:05"]);
//! ```

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::offsets::floor_char_boundary;
use crate::text::{ByteOffset, ByteSpan};

/// Whole lines that are chrome when they stand alone (compared case-insensitively).
#[rustfmt::skip]
const LINES: &[&str] = &[
    "source link", "related article", "related articles", "related stories", "related story",
    "related content", "related posts", "read more", "more stories", "advertisement",
    "share this article", "share", "comments", "most read", "recommended", "top stories",
    "skip to content", "skip advertisement", "continue reading", "story continues below",
    "sponsored content", "sign up", "subscribe", "newsletter", "image", "photo", "credit",
    "video", "enlarge this image", "toggle caption", "hide caption",
];

/// Phrases that are chrome wherever they appear.
#[rustfmt::skip]
const PHRASES: &[&str] = &[
    "IE 11 is not supported. For an optimal experience visit our site on another browser.",
    "Now Playing", "All rights reserved.", "Order Reprints",
];

/// Calls to the reader: chrome up to and including the end of their sentence ("Sign up for
/// our newsletter to get the latest news.").
#[rustfmt::skip]
const CALLS: &[&str] = &[
    "Click here to", "Sign up for our", "Subscribe to our", "Follow us on",
    "This article was originally published",
];

/// Picture agencies whose name is a credit wherever it stands in scraped text.
#[rustfmt::skip]
const PICTURE_AGENCIES: &[&str] = &[
    "Getty Images", "AP Photo", "Shutterstock", "Alamy Stock Photo", "PA Media",
];

/// News agencies whose name is a credit only at the edge of a caption ("… AFP").
#[rustfmt::skip]
const CREDITS: &[&str] = &[
    "AFP", "Reuters", "EPA", "Bloomberg", "Xinhua",
];

/// Spans of chrome, in order, not overlapping.
pub fn detect(text: &str) -> Vec<ByteSpan> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        let start = line_start + lead;
        // Only short lines can be whole-line chrome, but asides: lower-case just those.
        let short = trimmed.len() <= 60;
        let lower = if short {
            trimmed.to_lowercase()
        } else {
            String::new()
        };
        if LINES.contains(&lower.as_str())
            || is_visit_counter(&lower)
            || is_byline_note(&lower)
            || (short && (is_credit_line(trimmed) || is_menu(trimmed)))
            || is_aside(trimmed)
        {
            found.push(span(start, start + trimmed.len()));
        } else if !trimmed.is_empty() {
            inline(start, trimmed, &mut found);
        }
        line_start += line.len();
    }
    found.sort();
    found.dedup();
    let mut merged: Vec<ByteSpan> = Vec::new();
    for s in found {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

fn span(a: usize, b: usize) -> ByteSpan {
    ByteSpan::new(ByteOffset(a), ByteOffset(b))
}

/// "Heba Habib contributed to this report.", "Reporting by Jane Doe; editing by John Roe".
fn is_byline_note(lower: &str) -> bool {
    lower.ends_with("contributed to this report.")
        || lower.ends_with("contributed reporting.")
        || lower.ends_with("contributed to this story.")
        || lower.starts_with("reporting by ")
        || lower.starts_with("additional reporting by ")
}

/// A photo credit on its own line: "Lee/The New York Times", "Thomas Coex/AFP/Getty Images".
/// Capitalised names joined by slashes, no sentence.
fn is_credit_line(line: &str) -> bool {
    let Some((before, after)) = line.rsplit_once('/') else {
        return false;
    };
    before.ends_with(char::is_alphabetic)
        && after.starts_with(char::is_uppercase)
        && !line.ends_with(['.', '!', '?', ':'])
        && line.split_whitespace().count() <= 8
        && line
            .split([' ', '/'])
            .all(|w| w.is_empty() || w.starts_with(|c: char| !c.is_lowercase()))
}

/// A menu: "Order Reprints | Today’s Paper | Subscribe".
fn is_menu(line: &str) -> bool {
    line.matches(" | ").count() >= 2 && !line.ends_with('.')
}

/// An aside set off by the page, not the article's text: a bracketed promotion or link
/// ("[Read: Why Tunisia …]", "[What you need to know to start the day: …]") or a print
/// edition's note ("A version of this article appears in print on …").
fn is_aside(line: &str) -> bool {
    (line.starts_with('[') && line.ends_with(']') && line.len() > 2)
        || line.starts_with("A version of this article appears in print")
}

fn is_visit_counter(lower: &str) -> bool {
    lower.starts_with("visited ") && lower.contains(" times") && lower.contains("today")
}

/// What a pattern found by the automaton is.
#[derive(Clone, Copy)]
enum Pattern {
    Phrase,
    Call,
    Label,
    Agency,
    Credit,
}

const LABELS: &[&str] = &["Photo: ", "Image: ", "Picture: ", "Photograph: "];

/// All fixed patterns in one automaton, so each line is scanned once.
fn patterns() -> &'static (AhoCorasick, Vec<Pattern>) {
    static PATTERNS: OnceLock<(AhoCorasick, Vec<Pattern>)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let groups = [
            (PHRASES, Pattern::Phrase),
            (CALLS, Pattern::Call),
            (LABELS, Pattern::Label),
            (PICTURE_AGENCIES, Pattern::Agency),
            (CREDITS, Pattern::Credit),
        ];
        let mut words = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in groups {
            for w in list {
                words.push(*w);
                kinds.push(kind);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("fixed, valid patterns");
        (automaton, kinds)
    })
}

fn inline(start: usize, line: &str, found: &mut Vec<ByteSpan>) {
    let (automaton, kinds) = patterns();
    for m in automaton.find_iter(line) {
        let (at, end) = (m.start(), m.end());
        match kinds[m.pattern().as_usize()] {
            // "Sign up for our newsletter to get the latest news.": the call runs on to the end
            // of its sentence.
            Pattern::Call => {
                let rest = &line[end..];
                let len = rest.find(['.', '!', '?']).map_or(rest.len(), |k| k + 1);
                found.push(span(start + at, start + end + len));
            }
            Pattern::Phrase | Pattern::Agency => found.push(span(start + at, start + end)),
            // "Photo: AFP", "Image: Getty Images".
            Pattern::Label => {
                let rest = &line[end..];
                let len =
                    floor_char_boundary(rest, rest.find(['\n', '.']).unwrap_or(rest.len()).min(40));
                if len > 0 && rest[..len].split_whitespace().count() <= 4 {
                    found.push(span(start + at, start + end + len));
                }
            }
            // A credit standing at the start or end of a caption, or alone.
            Pattern::Credit => {
                let before = line[..at].trim_end();
                let after = line[end..].trim_start();
                let at_edge =
                    before.is_empty() || after.is_empty() || before.ends_with(['.', '|', '/']);
                let next_is_word = line[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let credit_like =
                    before.is_empty() || after.is_empty() || after.starts_with(char::is_uppercase);
                if at_edge && credit_like && !next_is_word {
                    found.push(span(start + at, start + end));
                }
            }
        }
    }
    // Video durations in a playlist: "… town 01:05 Luigi …", or ending the line. Two-digit
    // minutes, after a word, before a new title or the end; not a time of day ("at 10:45").
    let bytes = line.as_bytes();
    let n = bytes.len();
    for at in 1..n.saturating_sub(4) {
        let clock = bytes[at - 1] == b' '
            && bytes[at + 2] == b':'
            && [0, 1, 3, 4].iter().all(|&k| bytes[at + k].is_ascii_digit());
        if !clock {
            continue;
        }
        let after = &line[at + 5..];
        let ends_title = after.is_empty()
            || after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase);
        let before = line[..at - 1]
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let time_of_day = matches!(
            before.as_str(),
            "at" | "by" | "from" | "until" | "to" | "before" | "after" | "around"
        );
        if ends_title
            && !time_of_day
            && (after.is_empty() || after.as_bytes().get(1).is_some_and(|b| !b.is_ascii_digit()))
        {
            found.push(span(start + at, start + at + 5));
        }
    }
}
