//! Positions in text, with the unit in the type.
//!
//! * [`ByteOffset`]: UTF-8 bytes, how Rust indexes `str`. The core works in this unit.
//! * [`Utf16Offset`]: UTF-16 code units, how the DOM counts (`Range.startOffset`). Only the
//!   browser edge (`web/`) produces or consumes it.
//! * [`CodePointOffset`]: Unicode scalar values, how W3C Web Annotation selectors count.
//!   Only storage and import/export use it.
//!
//! Conversions never panic: an offset past the end clamps to the end, and an offset inside a
//! character moves back to that character's start.
//!
//! ```
//! use glossa::text::offsets::*;
//! let s = "a🚂é";            // bytes: a=1, 🚂=4, é=2; UTF-16: 1, 2, 1; code points: 1, 1, 1
//! assert_eq!(byte_to_utf16(s, ByteOffset(5)), Utf16Offset(3));
//! assert_eq!(utf16_to_byte(s, Utf16Offset(3)), ByteOffset(5));
//! assert_eq!(byte_to_code_point(s, ByteOffset(7)), CodePointOffset(3));
//! assert_eq!(code_point_to_byte(s, CodePointOffset(2)), ByteOffset(5));
//! ```

use serde::{Deserialize, Serialize};

/// A position in UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteOffset(pub usize);

/// A position in UTF-16 code units (the DOM's unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Utf16Offset(pub usize);

/// A position in Unicode code points (the W3C Web Annotation unit).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CodePointOffset(pub usize);

/// A half-open range of UTF-8 bytes, `start..end`, with `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    pub start: ByteOffset,
    pub end: ByteOffset,
}

impl ByteSpan {
    /// A span from two offsets in either order.
    pub fn new(a: ByteOffset, b: ByteOffset) -> ByteSpan {
        ByteSpan {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.0 - self.start.0
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A half-open range of Unicode code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CodePointSpan {
    pub start: CodePointOffset,
    pub end: CodePointOffset,
}

/// The largest char boundary at or before `at`, clamped to the text.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// UTF-8 bytes to UTF-16 code units.
pub fn byte_to_utf16(text: &str, at: ByteOffset) -> Utf16Offset {
    let at = floor_char_boundary(text, at.0);
    Utf16Offset(text[..at].chars().map(char::len_utf16).sum())
}

/// UTF-16 code units to UTF-8 bytes. An offset between the two halves of a surrogate pair
/// moves back to the start of that character.
pub fn utf16_to_byte(text: &str, at: Utf16Offset) -> ByteOffset {
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        let next = units + ch.len_utf16();
        if next > at.0 {
            return ByteOffset(byte);
        }
        units = next;
    }
    ByteOffset(text.len())
}

/// UTF-8 bytes to code points.
pub fn byte_to_code_point(text: &str, at: ByteOffset) -> CodePointOffset {
    let at = floor_char_boundary(text, at.0);
    CodePointOffset(text[..at].chars().count())
}

/// Code points to UTF-8 bytes.
pub fn code_point_to_byte(text: &str, at: CodePointOffset) -> ByteOffset {
    ByteOffset(
        text.char_indices()
            .nth(at.0)
            .map_or(text.len(), |(byte, _)| byte),
    )
}

/// A byte span as code points.
pub fn span_to_code_points(text: &str, span: ByteSpan) -> CodePointSpan {
    CodePointSpan {
        start: byte_to_code_point(text, span.start),
        end: byte_to_code_point(text, span.end),
    }
}

/// A code point span as bytes.
pub fn span_from_code_points(text: &str, span: CodePointSpan) -> ByteSpan {
    ByteSpan::new(
        code_point_to_byte(text, span.start),
        code_point_to_byte(text, span.end),
    )
}

/// The byte offset `count` characters before `at` (or the start of the text).
pub fn chars_before(text: &str, at: ByteOffset, count: usize) -> ByteOffset {
    let at = floor_char_boundary(text, at.0);
    if count == 0 {
        return ByteOffset(at);
    }
    ByteOffset(
        text[..at]
            .char_indices()
            .rev()
            .nth(count - 1)
            .map_or(0, |(byte, _)| byte),
    )
}

/// The byte offset `count` characters after `at` (or the end of the text).
pub fn chars_after(text: &str, at: ByteOffset, count: usize) -> ByteOffset {
    let at = floor_char_boundary(text, at.0);
    ByteOffset(
        text[at..]
            .char_indices()
            .nth(count)
            .map_or(text.len(), |(byte, _)| at + byte),
    )
}

/// Code points to bytes and back in (near) constant time, for a text that is converted many
/// times (anchoring thousands of notes). Keeps the byte offset of every 64th code point, so
/// each conversion walks at most 63 characters.
///
/// ```
/// use glossa::text::offsets::*;
/// let text = "é🚂 train".repeat(100);
/// let index = CodePointIndex::new(&text);
/// for cp in [0, 1, 2, 63, 64, 65, 500, 10_000] {
///     assert_eq!(index.to_byte(&text, CodePointOffset(cp)), code_point_to_byte(&text, CodePointOffset(cp)));
/// }
/// assert_eq!(index.to_code_point(&text, ByteOffset(6)), CodePointOffset(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePointIndex {
    /// True when every character is one byte: offsets are the same in both units.
    ascii: bool,
    /// `marks[i]` is the byte offset of code point `i * STRIDE`.
    marks: Vec<usize>,
}

impl CodePointIndex {
    const STRIDE: usize = 64;

    /// Indexes `text`; pass the same text to the conversions.
    pub fn new(text: &str) -> CodePointIndex {
        if text.is_ascii() {
            return CodePointIndex {
                ascii: true,
                marks: Vec::new(),
            };
        }
        let marks = text
            .char_indices()
            .step_by(Self::STRIDE)
            .map(|(byte, _)| byte)
            .collect();
        CodePointIndex {
            ascii: false,
            marks,
        }
    }

    /// Code points to bytes, clamped to the end of the text.
    pub fn to_byte(&self, text: &str, at: CodePointOffset) -> ByteOffset {
        if self.ascii {
            return ByteOffset(at.0.min(text.len()));
        }
        let Some(&mark) = self.marks.get(at.0 / Self::STRIDE) else {
            return ByteOffset(text.len());
        };
        ByteOffset(
            text[mark..]
                .char_indices()
                .nth(at.0 % Self::STRIDE)
                .map_or(text.len(), |(byte, _)| mark + byte),
        )
    }

    /// Bytes to code points; an offset inside a character counts from that character.
    pub fn to_code_point(&self, text: &str, at: ByteOffset) -> CodePointOffset {
        let at = floor_char_boundary(text, at.0);
        if self.ascii {
            return CodePointOffset(at);
        }
        let block = self.marks.partition_point(|&m| m <= at).saturating_sub(1);
        let mark = self.marks.get(block).copied().unwrap_or(0);
        CodePointOffset(block * Self::STRIDE + text[mark..at].chars().count())
    }
}
