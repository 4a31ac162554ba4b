//! An HTML tree to typed blocks of text, in document order.

use dom_query::{Document, NodeRef};
use serde::{Deserialize, Serialize};

/// What a block of text is in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Quote,
    Caption,
    Preformatted,
}

/// One block of the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The blocks of a parsed page or fragment (its `<body>`, or the whole tree when it has none).
pub fn blocks_of(document: &Document) -> Vec<Block> {
    let mut walker = Walker::default();
    let body = document.select("body");
    match body.nodes().first() {
        Some(body) => walker.walk(body, BlockKind::Paragraph),
        None => walker.walk(&document.root(), BlockKind::Paragraph),
    }
    walker.flush(BlockKind::Paragraph);
    walker.blocks
}

/// A `<br>` while a block is collected (source newlines are only whitespace).
const LINE_BREAK: char = '\u{1}';

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    line: String,
}

impl Walker {
    fn walk(&mut self, node: &NodeRef, kind: BlockKind) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.line.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            match name.as_str() {
                "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe"
                | "object" | "embed" | "canvas" | "video" | "audio" | "select" | "button"
                | "input" | "textarea" => {}
                "br" => self.line.push(LINE_BREAK),
                "pre" => {
                    self.flush(kind);
                    let text = child.text().trim_matches('\n').trim_end().to_string();
                    if !text.trim().is_empty() {
                        self.blocks.push(Block {
                            kind: BlockKind::Preformatted,
                            text,
                        });
                    }
                }
                _ => match block_kind(&name, kind) {
                    Some(inner) => {
                        self.flush(kind);
                        self.walk(&child, inner);
                        self.flush(inner);
                    }
                    None => self.walk(&child, kind),
                },
            }
        }
    }

    /// Ends the current block: its lines, whitespace collapsed, become one block.
    fn flush(&mut self, kind: BlockKind) {
        let lines: Vec<String> = self
            .line
            .split(LINE_BREAK)
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        self.line.clear();
        if !lines.is_empty() {
            self.blocks.push(Block {
                kind,
                text: lines.join("\n"),
            });
        }
    }
}

/// The kind of block an element starts, given the block it is in; `None` for inline elements.
fn block_kind(name: &str, outer: BlockKind) -> Option<BlockKind> {
    let kind = match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "figcaption" | "caption" => BlockKind::Caption,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "figure" | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td"
        | "th" | "address" | "details" | "summary" | "form" | "fieldset" | "hr" | "center"
        | "body" | "html" => {
            // Paragraphs inside a quote or list item stay part of it.
            match outer {
                BlockKind::Quote | BlockKind::ListItem | BlockKind::Caption => outer,
                _ => BlockKind::Paragraph,
            }
        }
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(html: &str) -> Vec<(BlockKind, String)> {
        blocks_of(&Document::from(html))
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn block_elements_become_typed_blocks_in_order() {
        let html = "<body><h2>Title  here</h2><p>One <b>bold</b>\n word.</p>\
            <ul><li>first</li><li>second <i>item</i></li></ul>\
            <blockquote><p>Said it.</p></blockquote>\
            <figure><img src=x><figcaption>Photo: AP</figcaption></figure>\
            <pre>  let x = 1;\n  x</pre></body>";
        assert_eq!(
            kinds_and_texts(html),
            vec![
                (BlockKind::Heading, "Title here".to_string()),
                (BlockKind::Paragraph, "One bold word.".to_string()),
                (BlockKind::ListItem, "first".to_string()),
                (BlockKind::ListItem, "second item".to_string()),
                (BlockKind::Quote, "Said it.".to_string()),
                (BlockKind::Caption, "Photo: AP".to_string()),
                (BlockKind::Preformatted, "  let x = 1;\n  x".to_string()),
            ]
        );
    }

    #[test]
    fn text_between_blocks_and_line_breaks_are_kept() {
        let html = "<body><div>Loose text<p>Para</p>tail<br>next line</div></body>";
        assert_eq!(
            kinds_and_texts(html),
            vec![
                (BlockKind::Paragraph, "Loose text".to_string()),
                (BlockKind::Paragraph, "Para".to_string()),
                (BlockKind::Paragraph, "tail\nnext line".to_string()),
            ]
        );
    }

    #[test]
    fn scripts_and_controls_are_not_text() {
        let html = "<body><p>Keep<script>alert('x')</script><button>Share</button></p>\
                    <style>p{}</style></body>";
        assert_eq!(
            kinds_and_texts(html),
            vec![(BlockKind::Paragraph, "Keep".to_string())]
        );
    }

    #[test]
    fn right_to_left_and_cjk_text_survive() {
        let html = "<body><p>مرحبا بالعالم</p><p>東京で会議</p></body>";
        assert_eq!(
            kinds_and_texts(html),
            vec![
                (BlockKind::Paragraph, "مرحبا بالعالم".to_string()),
                (BlockKind::Paragraph, "東京で会議".to_string()),
            ]
        );
    }
}
