//! Entities as spaCy / Prodigy-style JSONL, for people who train models: one JSON object per
//! line, one line per paragraph (blocks without entities too, as negative examples):
//!
//! ```json
//! {"text": "Kim Jong Un arrived in Vietnam.", "spans": [{"start": 0, "end": 11, "label": "PERSON"}, …],
//!  "meta": {"article": "…", "source": "https://…", "block": 3, "offset": 1520}}
//! ```
//!
//! `start` and `end` count Unicode code points within the line's `text` (as Python strings
//! index), `meta.offset` is where the paragraph starts in the article, in code points.

use serde::Serialize;

use crate::analysis::Entity;
use crate::io::bundle::Article;
use crate::text::offsets::byte_to_code_point;
use crate::text::Document;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<Span<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    article: &'a str,
    source: String,
    block: usize,
    offset: usize,
}

/// The article's paragraphs with their entities, one JSON object per line.
pub fn write(article: &Article, entities: &[Entity]) -> String {
    let document = Document::from_plain_text(&article.text);
    let text = document.text();
    let source = article.iri();
    let mut out = String::new();
    for (index, block) in document.blocks().iter().enumerate() {
        let block_text = document.slice(block.span);
        let block_start = byte_to_code_point(text, block.span.start);
        // Entities come in text order: only those from the block's start on are looked at.
        let first = entities.partition_point(|e| e.span.start < block.span.start);
        let spans = entities[first..]
            .iter()
            .take_while(|e| e.span.start < block.span.end)
            .filter(|e| block.span.contains(e.span))
            .map(|e| Span {
                start: byte_to_code_point(text, e.span.start).0 - block_start.0,
                end: byte_to_code_point(text, e.span.end).0 - block_start.0,
                label: e.label.as_str(),
                text: &text[e.span.start.0..e.span.end.0],
            })
            .collect();
        let line = Line {
            text: block_text,
            spans,
            meta: Meta {
                article: &article.meta.title,
                source: source.clone(),
                block: index,
                offset: block_start.0,
            },
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}
