//! Offsets between UTF-8 bytes, UTF-16 code units and code points: tables with emoji,
//! accents, CJK and right-to-left text, and properties over arbitrary strings.
#![cfg(not(target_arch = "wasm32"))]

use glossa::text::offsets::*;
use proptest::prelude::*;

/// (text, byte offset, UTF-16 offset, code point offset) at the same position.
const SAME_POSITION: &[(&str, usize, usize, usize)] = &[
    ("", 0, 0, 0),
    ("abc", 2, 2, 2),
    ("🚂 train", 4, 2, 1), // emoji: 4 bytes, 2 UTF-16 units, 1 code point
    ("🚂 train", 5, 3, 2),
    ("café au lait", 5, 4, 4),       // é precomposed: 2 bytes
    ("cafe\u{301} noir", 6, 5, 5),   // e + combining acute: 1 + 2 bytes, 2 code points
    ("金正恩 visits 北京", 9, 3, 3), // CJK: 3 bytes each
    ("金正恩 visits 北京", 20, 12, 12),
    ("שלום עולם", 8, 4, 4),            // Hebrew: 2 bytes each
    ("مرحبا بالعالم", 10, 5, 5),       // Arabic
    ("👩‍👩‍👧 family", 18, 8, 5),           // ZWJ sequence: 3 emoji + 2 joiners
    ("a\u{1F1F0}\u{1F1F5}b", 9, 5, 3), // flag: two regional indicators
];

#[test]
fn the_same_position_in_every_unit() {
    for &(text, bytes, utf16, cps) in SAME_POSITION {
        let b = ByteOffset(bytes);
        assert_eq!(
            byte_to_utf16(text, b),
            Utf16Offset(utf16),
            "{text:?} bytes→utf16"
        );
        assert_eq!(
            utf16_to_byte(text, Utf16Offset(utf16)),
            b,
            "{text:?} utf16→bytes"
        );
        assert_eq!(
            byte_to_code_point(text, b),
            CodePointOffset(cps),
            "{text:?} bytes→cp"
        );
        assert_eq!(
            code_point_to_byte(text, CodePointOffset(cps)),
            b,
            "{text:?} cp→bytes"
        );
    }
}

#[test]
fn offsets_inside_a_character_move_to_its_start() {
    let text = "x🚂y";
    assert_eq!(byte_to_utf16(text, ByteOffset(3)), Utf16Offset(1));
    assert_eq!(byte_to_code_point(text, ByteOffset(2)), CodePointOffset(1));
    // Between the two halves of the surrogate pair.
    assert_eq!(utf16_to_byte(text, Utf16Offset(2)), ByteOffset(1));
}

#[test]
fn offsets_past_the_end_clamp() {
    let text = "é🚂";
    assert_eq!(byte_to_utf16(text, ByteOffset(99)), Utf16Offset(3));
    assert_eq!(utf16_to_byte(text, Utf16Offset(99)), ByteOffset(6));
    assert_eq!(byte_to_code_point(text, ByteOffset(99)), CodePointOffset(2));
    assert_eq!(code_point_to_byte(text, CodePointOffset(99)), ByteOffset(6));
}

#[test]
fn context_windows_count_characters() {
    let text = "ab🚂cd";
    assert_eq!(chars_before(text, ByteOffset(6), 2), ByteOffset(1));
    assert_eq!(chars_before(text, ByteOffset(6), 10), ByteOffset(0));
    assert_eq!(chars_before(text, ByteOffset(6), 0), ByteOffset(6));
    assert_eq!(chars_after(text, ByteOffset(1), 2), ByteOffset(6));
    assert_eq!(chars_after(text, ByteOffset(1), 10), ByteOffset(8));
}

fn text_and_boundary() -> impl Strategy<Value = (String, usize)> {
    any::<String>().prop_flat_map(|s| {
        let boundaries: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        (Just(s), proptest::sample::select(boundaries))
    })
}

proptest! {
    #[test]
    fn utf16_round_trips_at_char_boundaries((text, at) in text_and_boundary()) {
        let b = ByteOffset(at);
        prop_assert_eq!(utf16_to_byte(&text, byte_to_utf16(&text, b)), b);
        let expected: usize = text[..at].encode_utf16().count();
        prop_assert_eq!(byte_to_utf16(&text, b), Utf16Offset(expected));
    }

    #[test]
    fn code_points_round_trip_at_char_boundaries((text, at) in text_and_boundary()) {
        let b = ByteOffset(at);
        prop_assert_eq!(code_point_to_byte(&text, byte_to_code_point(&text, b)), b);
        prop_assert_eq!(byte_to_code_point(&text, b), CodePointOffset(text[..at].chars().count()));
    }

    #[test]
    fn conversions_never_panic_and_land_on_boundaries(text in any::<String>(), n in 0usize..64) {
        let b = utf16_to_byte(&text, Utf16Offset(n));
        prop_assert!(text.is_char_boundary(b.0));
        let b = code_point_to_byte(&text, CodePointOffset(n));
        prop_assert!(text.is_char_boundary(b.0));
        let _ = byte_to_utf16(&text, ByteOffset(n));
        let _ = byte_to_code_point(&text, ByteOffset(n));
    }

    #[test]
    fn spans_round_trip_through_code_points((text, a) in text_and_boundary(), pick in any::<prop::sample::Index>()) {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let b = boundaries[pick.index(boundaries.len())];
        let span = ByteSpan::new(ByteOffset(a), ByteOffset(b));
        prop_assert_eq!(span_from_code_points(&text, span_to_code_points(&text, span)), span);
    }
}

proptest::proptest! {
    /// The index agrees with the plain conversions everywhere, in and past the text.
    #[test]
    fn code_point_index_agrees_with_plain_conversion(text in "[a-zé🚂金ש \\n]{0,300}", cp in 0usize..400, byte in 0usize..1300) {
        use glossa::text::offsets::CodePointIndex;
        let index = CodePointIndex::new(&text);
        proptest::prop_assert_eq!(index.to_byte(&text, CodePointOffset(cp)), code_point_to_byte(&text, CodePointOffset(cp)));
        proptest::prop_assert_eq!(index.to_code_point(&text, ByteOffset(byte)), byte_to_code_point(&text, ByteOffset(byte)));
    }
}
