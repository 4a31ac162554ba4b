//! The packed analysis that travels between the page and the analysis worker: it must come
//! back exactly as it left, and anything else must be refused without a panic.
#![cfg(not(target_arch = "wasm32"))]

use glossa::analysis::wire::{pack, unpack, WireError};
use glossa::analysis::{analyze, ClaimKind, Label};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../assets/sample-article.txt");

#[test]
fn labels_and_kinds_are_numbered_in_declaration_order() {
    for (i, label) in Label::ALL.iter().enumerate() {
        assert_eq!(*label as usize, i, "{label:?}");
    }
    for (i, kind) in ClaimKind::ALL.iter().enumerate() {
        assert_eq!(*kind as usize, i, "{kind:?}");
    }
}

#[test]
fn the_sample_article_comes_back_exactly() {
    let analysis = analyze(SAMPLE);
    assert!(analysis.entities.iter().any(|e| e.canonical.is_some()));
    assert!(analysis.claims.iter().any(|c| c.hedged));
    assert!(!analysis.boilerplate.is_empty());
    let packed = pack(SAMPLE, &analysis);
    // Each reason and full name is sent once, however often it is used.
    assert!(packed.strings.len() < 2_000, "{}", packed.strings.len());
    assert_eq!(
        unpack(&packed.numbers, &packed.strings, SAMPLE),
        Ok(analysis)
    );
}

#[test]
fn an_analysis_of_another_text_is_refused() {
    let packed = pack(SAMPLE, &analyze(SAMPLE));
    let shorter = &SAMPLE[..SAMPLE.len() - 1];
    assert_eq!(
        unpack(&packed.numbers, &packed.strings, shorter),
        Err(WireError::OtherText {
            made_for: SAMPLE.len() as u32,
            have: shorter.len()
        })
    );
}

#[test]
fn a_span_inside_a_character_is_refused() {
    let text = "Zoë Martín visited Kraków.";
    let analysis = analyze(text);
    let mut packed = pack(text, &analysis);
    // After the magic number, the text's length and the string table: the sentences. The
    // first sentence's end, moved into "ë" (bytes 2..4).
    let sentences = 3 + packed.numbers[2] as usize;
    assert_eq!(packed.numbers[sentences], 1, "one sentence");
    packed.numbers[sentences + 2] = 3;
    assert_eq!(
        unpack(&packed.numbers, &packed.strings, text),
        Err(WireError::BadSpan)
    );
}

#[test]
fn cut_or_padded_messages_are_refused() {
    let packed = pack(SAMPLE, &analyze(SAMPLE));
    for keep in [
        0,
        1,
        2,
        3,
        packed.numbers.len() / 2,
        packed.numbers.len() - 1,
    ] {
        assert!(
            unpack(&packed.numbers[..keep], &packed.strings, SAMPLE).is_err(),
            "cut to {keep}"
        );
    }
    let mut longer = packed.numbers.clone();
    longer.push(0);
    assert_eq!(
        unpack(&longer, &packed.strings, SAMPLE),
        Err(WireError::Format)
    );
    let mut other = packed.numbers.clone();
    other[0] ^= 1;
    assert_eq!(
        unpack(&other, &packed.strings, SAMPLE),
        Err(WireError::Format)
    );
    let short_strings = &packed.strings[..packed.strings.len() / 2];
    assert!(unpack(&packed.numbers, short_strings, SAMPLE).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text (emoji, accents, CJK, right-to-left) makes the round trip unchanged.
    #[test]
    fn any_analysis_makes_the_round_trip(
        text in "(\\PC|[ \\n.,;:!?’'\"“”()0-9A-Z]|Kim Jong Un|Putin|🚂|北京|שלום|Zoë| 01:05|\\n\\n){0,80}"
    ) {
        let analysis = analyze(&text);
        let packed = pack(&text, &analysis);
        prop_assert_eq!(unpack(&packed.numbers, &packed.strings, &text), Ok(analysis));
    }

    /// Garbage is refused or read as some analysis whose spans fit the text; never a panic.
    #[test]
    fn garbage_never_panics(
        numbers in proptest::collection::vec(prop_oneof![0u32..40, any::<u32>()], 0..60),
        strings in "\\PC{0,20}",
        magic in any::<bool>(),
    ) {
        let text = "Zoë met 北京 officials 🚂 on Monday.";
        let mut numbers = numbers;
        if magic && numbers.len() > 1 {
            numbers[0] = pack(text, &analyze(text)).numbers[0];
            numbers[1] = text.len() as u32;
        }
        if let Ok(a) = unpack(&numbers, &strings, text) {
            for s in a.sentences.iter().chain(a.entities.iter().map(|e| &e.span)) {
                prop_assert!(s.end.0 <= text.len() && text.is_char_boundary(s.start.0));
            }
        }
    }
}
