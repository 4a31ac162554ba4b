//! Anchoring: selectors made from a passage find the same passage again, in the same text
//! and after the text changed; look-alikes are not trusted.
#![cfg(not(target_arch = "wasm32"))]

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

/// (name, text the note was made on, passage, edited text, what it should find there:
/// (kind, passage in the edited text), or None for an orphan).
#[allow(clippy::type_complexity)]
const FUZZY_CASES: &[(&str, &str, &str, &str, Option<(&str, &str)>)] = &[
    (
        "a typo corrected inside the quote",
        "Officials said the armoured train has arround 90 carriages, Yonhap reported.",
        "the armoured train has arround 90 carriages",
        "Officials said the armoured train has around 90 carriages, Yonhap reported.",
        Some(("edited", "the armoured train has around 90 carriages")),
    ),
    (
        "a typo corrected, accents and emoji around",
        "🚂 Le président a dit qu'il arriverait lundi soir à Pékin, selon l'agence.",
        "il arriverait lundi soir à Pékin",
        "🚂🚂 Le président a dit qu'il arrivera lundi soir à Pékin, selon l'agence.",
        Some(("edited", "il arrivera lundi soir à Pékin")),
    ),
    (
        "a word changed in a short quote: shown for review, not trusted",
        "The train left on Monday evening for Moscow.",
        "left on Monday evening",
        "The train left on Tuesday evening for Moscow.",
        Some(("review", "left on Tuesday evening")),
    ),
    (
        "quote and context both rewritten",
        "Kim travelled by armoured train to the parade in Beijing.",
        "travelled by armoured train",
        "The leader flew to the city on a plane for the event.",
        None,
    ),
    (
        "too short to search fuzzily",
        "He said yes today.",
        "yes",
        "He said yeah today.",
        None,
    ),
    (
        "CJK with one character changed",
        "朝鲜领导人金正恩乘坐装甲列车抵达北京参加阅兵式。",
        "乘坐装甲列车抵达北京",
        "朝鲜领导人金正恩乘坐专用列车抵达北京参加阅兵式。",
        Some(("review", "乘坐专用列车抵达北京")),
    ),
];

#[test]
fn fuzzy_anchoring_table() {
    for &(name, before, passage, after, expected) in FUZZY_CASES {
        let target = describe(before, span_of(before, passage, 0));
        let got = anchor(after, &target);
        let want = expected.map(|(kind, found)| {
            let span = span_of(after, found, 0);
            match kind {
                "edited" => Anchoring::Edited(span),
                "review" => Anchoring::NeedsReview(span),
                other => panic!("bad kind {other}"),
            }
        });
        assert_eq!(got, want.unwrap_or(Anchoring::Orphan), "case: {name}");
    }
}

#[test]
fn many_notes_after_an_inserted_paragraph_all_move_by_the_same_shift() {
    use glossa::anchor::Anchorer;
    let paragraph = "Paragraph NUM says the train had around NUM carriages, officials said. 🚂\n\n";
    let before: String = (0..500)
        .map(|i| paragraph.replace("NUM", &i.to_string()))
        .collect();
    let after = format!("An editor's note added at the top. ✍️\n\n{before}");
    let targets: Vec<_> = (0..500)
        .map(|i| {
            let passage = format!("around {i} carriages");
            describe(&before, span_of(&before, &passage, 0))
        })
        .collect();
    let anchorer = Anchorer::new(&after);
    for (i, target) in targets.iter().enumerate() {
        let passage = format!("around {i} carriages");
        assert_eq!(
            anchorer.anchor(target),
            Anchoring::Moved(span_of(&after, &passage, 0)),
            "note {i}"
        );
    }
}

proptest::proptest! {
    /// Whatever the edit, anchoring never panics and whatever it finds lies on character
    /// boundaries of the new text.
    #[test]
    fn anchoring_after_any_edit_is_safe(
        before in "[a-zé🚂 金\\.]{10,80}",
        start in 0usize..40, len in 1usize..20,
        insert in "[a-zé🚂 ]{0,6}", at in 0usize..80,
    ) {
        let start = before.char_indices().nth(start % before.chars().count()).map_or(0, |(b, _)| b);
        let end = before[start..].char_indices().nth(len).map_or(before.len(), |(b, _)| start + b);
        let target = describe(&before, ByteSpan::new(ByteOffset(start), ByteOffset(end)));
        let cut = before.char_indices().nth(at % before.chars().count()).map_or(0, |(b, _)| b);
        let after = format!("{}{}{}", &before[..cut], insert, &before[cut..]);
        if let Some(span) = anchor(&after, &target).span() {
            proptest::prop_assert!(after.is_char_boundary(span.start.0));
            proptest::prop_assert!(after.is_char_boundary(span.end.0));
            proptest::prop_assert!(span.start <= span.end && span.end.0 <= after.len());
        }
    }
}
