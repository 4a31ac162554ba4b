//! Anchoring: selectors made from a passage find the same passage again, in the same text
//! and after the text changed; look-alikes are not trusted.

use glossa::anchor::{anchor, describe, Anchoring};
use glossa::text::{ByteOffset, ByteSpan};

fn span_of(text: &str, needle: &str, nth: usize) -> ByteSpan {
    let (at, _) = text.match_indices(needle).nth(nth).expect("needle in text");
    ByteSpan::new(ByteOffset(at), ByteOffset(at + needle.len()))
}

/// (name, text the note was made on, passage, which occurrence, edited text, expected result
/// in the edited text as (kind, occurrence of passage) or None for an orphan).
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &str, &str, usize, &str, Option<(&str, usize)>)] = &[
    (
        "unchanged",
        "The train has around 90 carriages.",
        "around 90",
        0,
        "The train has around 90 carriages.",
        Some(("exact", 0)),
    ),
    (
        "after an emoji",
        "🚂 The train has around 90 carriages.",
        "around 90",
        0,
        "🚂 The train has around 90 carriages.",
        Some(("exact", 0)),
    ),
    (
        "text inserted before",
        "Kim left on Monday evening.",
        "Monday evening",
        0,
        "North Korean leader Kim left on Monday evening.",
        Some(("moved", 0)),
    ),
    (
        "emoji inserted before",
        "Kim left on Monday evening.",
        "Monday evening",
        0,
        "🚂🚂 Kim left on Monday evening.",
        Some(("moved", 0)),
    ),
    (
        "second of two, by context",
        "Kim met Xi. Later Kim met Putin.",
        "Kim met",
        1,
        "Today Kim met Xi. Later Kim met Putin.",
        Some(("moved", 1)),
    ),
    (
        "first of two, by context",
        "Kim met Xi. Later Kim met Putin.",
        "Kim met",
        0,
        "Yesterday Kim met Xi. Later Kim met Putin.",
        Some(("moved", 0)),
    ),
    (
        "quote removed",
        "The parade is on Wednesday.",
        "Wednesday",
        0,
        "The parade is on Thursday.",
        None,
    ),
    (
        "only occurrence, context rewritten",
        "The parade is on Wednesday.",
        "Wednesday",
        0,
        "On Wednesday we march.",
        Some(("review", 0)),
    ),
    (
        "look-alikes with no matching context",
        "He said yes.",
        "yes",
        0,
        "yes no yes no yes",
        None,
    ),
    (
        "CJK",
        "金正恩访问北京。他乘火车。",
        "北京",
        0,
        "朝鲜领导人金正恩访问北京。他乘火车。",
        Some(("moved", 0)),
    ),
    (
        "right to left",
        "שלום עולם יפה",
        "עולם",
        0,
        "אמר: שלום עולם יפה",
        Some(("moved", 0)),
    ),
];

#[test]
fn anchoring_table() {
    for &(name, before, passage, nth, after, expected) in CASES {
        let target = describe(before, span_of(before, passage, nth));
        let got = anchor(after, &target);
        let want = expected.map(|(kind, occurrence)| {
            let span = span_of(after, passage, occurrence);
            match kind {
                "exact" => Anchoring::Exact(span),
                "moved" => Anchoring::Moved(span),
                "review" => Anchoring::NeedsReview(span),
                other => panic!("bad kind {other}"),
            }
        });
        assert_eq!(got, want.unwrap_or(Anchoring::Orphan), "case: {name}");
    }
}

#[test]
fn describe_counts_positions_in_code_points_and_keeps_context() {
    let text = "Trip 🚂 to Beijing by armoured train";
    let target = describe(text, span_of(text, "Beijing", 0));
    assert_eq!(target.position.start.0, 10);
    assert_eq!(target.position.end.0, 17);
    assert_eq!(target.quote.prefix, "Trip 🚂 to ");
    assert_eq!(target.quote.suffix, " by armoured train");
}

#[test]
fn context_is_at_most_32_characters_each_side() {
    let text = format!("{}MIDDLE{}", "é".repeat(50), "字".repeat(50));
    let target = describe(&text, span_of(&text, "MIDDLE", 0));
    assert_eq!(target.quote.prefix.chars().count(), 32);
    assert_eq!(target.quote.suffix.chars().count(), 32);
}

#[test]
fn spans_off_char_boundaries_are_clamped_not_panicking() {
    let text = "a🚂b";
    let target = describe(text, ByteSpan::new(ByteOffset(2), ByteOffset(99)));
    assert_eq!(target.quote.exact, "🚂b");
    assert_eq!(anchor("", &target), Anchoring::Orphan);
}
