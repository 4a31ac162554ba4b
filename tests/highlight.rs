//! Overlapping highlights to segments: every character drawn once, with the right marks.
#![cfg(not(target_arch = "wasm32"))]

use glossa::highlight::segments;
use glossa::text::{ByteOffset as B, ByteSpan};
use proptest::prelude::*;

fn span(a: usize, b: usize) -> ByteSpan {
    ByteSpan::new(B(a), B(b))
}

#[test]
fn nested_and_disjoint_and_outside() {
    let marks = [
        (span(0, 100), 1),
        (span(12, 14), 2),
        (span(18, 22), 3),
        (span(5, 9), 4),
    ];
    let segs = segments(span(10, 20), &marks);
    let flat: Vec<_> = segs
        .iter()
        .map(|s| (s.span.start.0, s.span.end.0, s.marks.clone()))
        .collect();
    assert_eq!(
        flat,
        [
            (10, 12, vec![1]),
            (12, 14, vec![1, 2]),
            (14, 18, vec![1]),
            (18, 20, vec![1, 3])
        ]
    );
}

#[test]
fn empty_marks_are_ignored() {
    let segs = segments(span(0, 4), &[(span(2, 2), 'x')]);
    assert_eq!(segs.len(), 1);
    assert!(segs[0].marks.is_empty());
}

proptest! {
    #[test]
    fn segments_tile_the_block_and_carry_exactly_the_covering_marks(
        block in (0usize..50, 0usize..50),
        marks in prop::collection::vec((0usize..60, 0usize..60), 0..8),
    ) {
        let block = span(block.0, block.1);
        let marks: Vec<(ByteSpan, usize)> =
            marks.into_iter().enumerate().map(|(i, (a, b))| (span(a, b), i)).collect();
        let segs = segments(block, &marks);
        if block.is_empty() {
            prop_assert!(segs.is_empty());
            return Ok(());
        }
        prop_assert_eq!(segs.first().unwrap().span.start, block.start);
        prop_assert_eq!(segs.last().unwrap().span.end, block.end);
        for pair in segs.windows(2) {
            prop_assert_eq!(pair[0].span.end, pair[1].span.start);
        }
        for seg in &segs {
            prop_assert!(!seg.span.is_empty());
            for at in seg.span.start.0..seg.span.end.0 {
                let expected: Vec<usize> = marks.iter()
                    .filter(|(m, _)| m.start.0 <= at && at < m.end.0)
                    .map(|(_, k)| *k).collect();
                prop_assert_eq!(&seg.marks, &expected);
            }
        }
    }
}

proptest::proptest! {
    /// Each block gets exactly the highlights that overlap it, in the order given.
    #[test]
    fn by_block_matches_testing_every_highlight_against_every_block(
        cuts in proptest::collection::btree_set(0usize..200, 0..20),
        marks in proptest::collection::vec((0usize..210, 0usize..40), 0..40),
    ) {
        use glossa::highlight::by_block;
        use glossa::text::{ByteOffset as B, ByteSpan};
        let cuts: Vec<usize> = cuts.into_iter().collect();
        // Blocks: every other gap between cuts, so there is space between blocks.
        let blocks: Vec<ByteSpan> = cuts.chunks(2).filter(|c| c.len() == 2 && c[0] < c[1])
            .map(|c| ByteSpan::new(B(c[0]), B(c[1]))).collect();
        let marks: Vec<(ByteSpan, usize)> = marks.iter().enumerate()
            .map(|(i, &(start, len))| (ByteSpan::new(B(start), B(start + len)), i)).collect();
        let fast = by_block(&blocks, &marks);
        for (i, block) in blocks.iter().enumerate() {
            let slow: Vec<_> = marks.iter().filter(|(s, _)| !s.is_empty() && s.overlaps(*block)).cloned().collect();
            proptest::prop_assert_eq!(&fast[i], &slow);
        }
    }
}
