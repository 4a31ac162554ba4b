//! The article's text: one canonical string and the blocks (title, paragraphs) it is made of.
//!
//! Every position inside Glossa's core is a [`ByteOffset`] into [`Document::text`]. Other units
//! (UTF-16 for the DOM, code points for W3C selectors) are converted at the edges with the
//! functions in [`offsets`].

pub mod offsets;

pub use offsets::{ByteOffset, ByteSpan, CodePointOffset, CodePointSpan, Utf16Offset};

/// The first `max` characters (code points) of `s`, with "…" when some were cut.
///
/// ```
/// assert_eq!(glossa::text::shorten("Café 🚂 train", 6), "Café 🚂…");
/// assert_eq!(glossa::text::shorten("short", 6), "short");
/// ```
pub fn shorten(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// What a block is, for rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title (the first block of a plain-text article).
    Title,
    /// A paragraph of body text.
    Paragraph,
}

/// A run of text rendered as one element: a half-open byte range into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: ByteSpan,
}

/// An article as Glossa shows it: canonical text plus the blocks that cover it.
///
/// Blocks are in order, do not overlap, and everything between two blocks is white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    blocks: Vec<Block>,
}

impl Document {
    /// Reads plain text: line endings become `\n`, the first non-empty paragraph is the title,
    /// and paragraphs are separated by blank lines (a single line break stays inside a block).
    ///
    /// ```
    /// use glossa::text::{BlockKind, Document};
    /// let doc = Document::from_plain_text("Title\r\n\r\nFirst para.\n\nSecond\nline.\n");
    /// assert_eq!(doc.text(), "Title\n\nFirst para.\n\nSecond\nline.");
    /// let kinds: Vec<_> = doc.blocks().iter().map(|b| b.kind).collect();
    /// assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::Paragraph]);
    /// assert_eq!(doc.slice(doc.blocks()[2].span), "Second\nline.");
    /// ```
    pub fn from_plain_text(input: &str) -> Document {
        let text = input.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim().to_string();
        let mut blocks = Vec::new();
        let mut start: Option<usize> = None;
        let mut last_content_end = 0;
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            if content.trim().is_empty() {
                if let Some(s) = start.take() {
                    blocks.push(ByteSpan::new(ByteOffset(s), ByteOffset(last_content_end)));
                }
            } else {
                if start.is_none() {
                    let lead = content.len() - content.trim_start().len();
                    start = Some(line_start + lead);
                }
                last_content_end = line_start + content.trim_end().len();
            }
            line_start += line.len();
        }
        if let Some(s) = start {
            blocks.push(ByteSpan::new(ByteOffset(s), ByteOffset(last_content_end)));
        }
        let blocks = blocks
            .into_iter()
            .enumerate()
            .map(|(i, span)| Block {
                kind: if i == 0 {
                    BlockKind::Title
                } else {
                    BlockKind::Paragraph
                },
                span,
            })
            .collect();
        Document { text, blocks }
    }

    /// The canonical text every offset refers to.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The blocks, in document order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The title: the text of the first block, or an empty string for an empty document.
    pub fn title(&self) -> &str {
        self.blocks
            .first()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| self.slice(b.span))
            .unwrap_or("")
    }

    /// The text of a span. Returns an empty string when the span is out of range or does not
    /// fall on character boundaries, instead of panicking.
    pub fn slice(&self, span: ByteSpan) -> &str {
        self.text.get(span.start.0..span.end.0).unwrap_or("")
    }

    /// A stable identifier of the text: FNV-1a 64 of the canonical text, in hex.
    ///
    /// It names the article in storage keys and exported annotations, so that notes made on
    /// one text are never shown on another.
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        format!("{hash:016x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_skip_whitespace_only_lines_and_trim() {
        let doc = Document::from_plain_text("  Title  \n \t\n  body one \n\n\n two ");
        let texts: Vec<_> = doc.blocks().iter().map(|b| doc.slice(b.span)).collect();
        assert_eq!(texts, ["Title", "body one", "two"]);
        assert_eq!(doc.title(), "Title");
    }

    #[test]
    fn empty_input_has_no_blocks() {
        let doc = Document::from_plain_text(" \n\n ");
        assert!(doc.blocks().is_empty());
        assert_eq!(doc.title(), "");
    }

    #[test]
    fn fingerprint_differs_when_text_differs() {
        let a = Document::from_plain_text("a");
        let b = Document::from_plain_text("b");
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(
            a.fingerprint(),
            Document::from_plain_text("a\r\n").fingerprint()
        );
    }
}
