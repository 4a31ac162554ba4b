//! Overlapping highlights to flat segments for rendering.
//!
//! Highlights may overlap or nest. The renderer wants a flat run of segments, each with the
//! set of highlights that cover it, so that every character is drawn once.
//!
//! ```
//! use glossa::highlight::segments;
//! use glossa::text::{ByteOffset as B, ByteSpan};
//! let block = ByteSpan::new(B(0), B(10));
//! let marks = [(ByteSpan::new(B(2), B(6)), 'a'), (ByteSpan::new(B(4), B(8)), 'b')];
//! let segs = segments(block, &marks);
//! let flat: Vec<_> = segs.iter().map(|s| (s.span.start.0, s.span.end.0, s.marks.clone())).collect();
//! assert_eq!(flat, [
//!     (0, 2, vec![]), (2, 4, vec!['a']), (4, 6, vec!['a', 'b']),
//!     (6, 8, vec!['b']), (8, 10, vec![]),
//! ]);
//! ```

use crate::text::{ByteOffset, ByteSpan};

/// A piece of a block and the highlights (by key) that cover all of it, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<K> {
    pub span: ByteSpan,
    pub marks: Vec<K>,
}

/// Cuts `block` into segments at every highlight boundary inside it. Highlights outside the
/// block are ignored; parts of them outside it are cut off. Segments cover the block exactly,
/// in order, with no empty segment.
pub fn segments<K: Clone>(block: ByteSpan, marks: &[(ByteSpan, K)]) -> Vec<Segment<K>> {
    let inside: Vec<&(ByteSpan, K)> = marks
        .iter()
        .filter(|(span, _)| !span.is_empty() && span.overlaps(block))
        .collect();
    let mut cuts: Vec<ByteOffset> = vec![block.start, block.end];
    for (span, _) in &inside {
        cuts.push(span.start.max(block.start));
        cuts.push(span.end.min(block.end));
    }
    cuts.sort();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let span = ByteSpan::new(pair[0], pair[1]);
            let marks = inside
                .iter()
                .filter(|(m, _)| m.contains(span))
                .map(|(_, k)| k.clone())
                .collect();
            Segment { span, marks }
        })
        .filter(|seg| !seg.span.is_empty())
        .collect()
}

/// Hands each block the highlights that touch it, in the order given: the work of
/// [`segments`] for a whole article without testing every highlight against every block.
/// `blocks` must be in order and not overlap (as [`crate::text::Document::blocks`] are).
///
/// ```
/// use glossa::highlight::by_block;
/// use glossa::text::{ByteOffset as B, ByteSpan};
/// let blocks = [ByteSpan::new(B(0), B(5)), ByteSpan::new(B(7), B(12))];
/// let marks = [(ByteSpan::new(B(3), B(9)), 'x'), (ByteSpan::new(B(8), B(9)), 'y'), (ByteSpan::new(B(5), B(7)), 'z')];
/// let per_block = by_block(&blocks, &marks);
/// assert_eq!(per_block[0].iter().map(|m| m.1).collect::<String>(), "x");
/// assert_eq!(per_block[1].iter().map(|m| m.1).collect::<String>(), "xy");
/// ```
pub fn by_block<K: Clone>(blocks: &[ByteSpan], marks: &[(ByteSpan, K)]) -> Vec<Vec<(ByteSpan, K)>> {
    let mut out: Vec<Vec<(ByteSpan, K)>> = vec![Vec::new(); blocks.len()];
    for (span, key) in marks {
        if span.is_empty() {
            continue;
        }
        let first = blocks.partition_point(|b| b.end <= span.start);
        for (i, block) in blocks.iter().enumerate().skip(first) {
            if block.start >= span.end {
                break;
            }
            if span.overlaps(*block) {
                out[i].push((*span, key.clone()));
            }
        }
    }
    out
}
