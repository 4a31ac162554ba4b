//! The article inside a web page: title, byline, date, site and the main text as blocks.
//!
//! The main content is found by [`dom_smoothie`], a Rust port of Mozilla's Readability (the
//! algorithm behind Firefox's Reader View); this module turns what it keeps into typed blocks
//! (headings, paragraphs, list items, quotes, captions, preformatted text) and plain text.
//! Nothing here runs the page: HTML is parsed into a tree in memory, scripts are dropped, and no
//! image, style or frame is ever fetched.
//!
//! ```
//! use glossa::extract::{extract_html, BlockKind};
//!
//! let page = "<html><head><title>Trains | Daily</title></head><body>\
//!     <nav><a href='/'>Home</a></nav>\
//!     <article><h1>Trains</h1><p>The armoured train has around 90 carriages, \
//!     according to reports from the region this week.</p></article></body></html>";
//! let article = extract_html(page, None).unwrap();
//! assert_eq!(article.title, "Trains | Daily");
//! let first = article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).unwrap();
//! assert!(first.text.starts_with("The armoured train"));
//! assert!(!article.body_text().contains("Home"));
//! ```

mod blocks;

use dom_query::Document as HtmlDocument;
use dom_smoothie::{Config, Readability};
use serde::{Deserialize, Serialize};

pub use blocks::{blocks_of, Block, BlockKind};

/// An article extracted from a web page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extracted {
    /// The page's title ("" when it has none).
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The publication date as the page states it (usually ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The text direction the page declares ("rtl" or "ltr").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The main text, block by block, in document order.
    pub blocks: Vec<Block>,
    /// Whether the main content was found (`false`: the page's whole body was kept instead,
    /// which happens with very short or unusual pages).
    pub content_found: bool,
}

impl Extracted {
    /// The main text: the blocks separated by blank lines.
    pub fn body_text(&self) -> String {
        let texts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        texts.join("\n\n")
    }

    /// What Glossa annotates: the title, a blank line, then the main text (no title line when
    /// the page has no title or the text already starts with it).
    pub fn article_text(&self) -> String {
        let body = self.body_text();
        let title = self.title.trim();
        if title.is_empty() || body.starts_with(title) {
            body
        } else {
            format!("{title}\n\n{body}")
        }
    }
}

/// The deepest element nesting read. Real pages stay under a few dozen levels; the content
/// search is quadratic in depth (10,000 levels take 24 s), so deeper pages are refused.
pub const MAX_DEPTH: usize = 512;

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("the page has no text to annotate")]
    NoText,
    #[error("the page's elements are nested {0} levels deep, more than Glossa reads ({MAX_DEPTH}); copy its text and paste it instead")]
    TooDeep(usize),
}

/// A rough nesting depth of raw HTML, counted before parsing: parsing itself slows down
/// quadratically with depth (20,000 nested `<div>`s take 4 s, 100,000 over a minute). Tags that
/// pages usually leave unclosed, and void elements, are not counted.
fn raw_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "colgroup",
        "rp", "rt", "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed",
        "param", "source", "track", "wbr", "html", "head", "body",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        let self_closing = bytes[end..]
            .iter()
            .position(|&b| b == b'>')
            .is_some_and(|n| n > 0 && bytes[end + n - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The raw depth above which a page is refused before parsing.
const MAX_RAW_DEPTH: usize = 8 * 1024;

/// How deeply the elements of a document nest (iteratively: no recursion on hostile input).
fn depth(document: &HtmlDocument) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        if deepest > MAX_DEPTH {
            break;
        }
        for child in node.children_it(false).filter(|c| c.is_element()) {
            stack.push((child, level + 1));
        }
    }
    deepest
}

/// Extracts the article from an HTML page. `url` is the page's address when known (it resolves
/// relative links in the metadata; nothing is fetched).
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted, ExtractError> {
    let raw = raw_depth(html);
    if raw > MAX_RAW_DEPTH {
        return Err(ExtractError::TooDeep(raw));
    }
    let document = HtmlDocument::from(html);
    let levels = depth(&document);
    if levels > MAX_DEPTH {
        return Err(ExtractError::TooDeep(levels));
    }
    let lang = document
        .select("html")
        .attr("lang")
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    let dir = document
        .select("html")
        .attr("dir")
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");
    let config = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let readable = Readability::with_document(document, url, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let extracted = match readable {
        Some(article) => {
            let content = HtmlDocument::from(article.content.as_ref());
            Extracted {
                title: clean(&article.title),
                byline: article
                    .byline
                    .as_deref()
                    .map(clean)
                    .filter(|s| !s.is_empty()),
                published: article.published_time.as_deref().map(clean),
                site_name: article.site_name.as_deref().map(clean),
                lang: article.lang.or(lang),
                dir: article.dir.or(dir),
                excerpt: article.excerpt.as_deref().map(clean),
                blocks: blocks_of(&content),
                content_found: true,
            }
        }
        None => whole_body(html, lang, dir),
    };
    if extracted.blocks.is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(extracted)
}

/// The fallback when Readability finds no main content: every block of the body.
fn whole_body(html: &str, lang: Option<String>, dir: Option<String>) -> Extracted {
    let document = HtmlDocument::from(html);
    document
        .select("script, style, noscript, template, nav, header, footer, form, iframe, svg")
        .remove();
    let title = clean(&document.select("title").text());
    Extracted {
        title,
        lang,
        dir,
        blocks: blocks_of(&document),
        content_found: false,
        ..Extracted::default()
    }
}

/// Whitespace collapsed to single spaces, ends trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `bytes` look like an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || head.starts_with("<meta")
        || (head.starts_with('<') && (head.contains("<p") || head.contains("<div")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_without_readable_content_falls_back_to_its_body() {
        let page = "<html><head><title>Note</title><script>alert(1)</script></head>\
                    <body><p>Short note.</p></body></html>";
        let article = extract_html(page, None).unwrap();
        assert_eq!(article.body_text(), "Short note.");
        assert!(!article.body_text().contains("alert"));
    }

    #[test]
    fn empty_page_is_an_error() {
        assert_eq!(
            extract_html("<html><body> </body></html>", None),
            Err(ExtractError::NoText)
        );
    }

    #[test]
    fn hostile_nesting_is_refused_quickly_with_a_reason() {
        let n = 1_000_000;
        let page = format!(
            "<body>{}<p>deep</p>{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        match extract_html(&page, None) {
            Err(ExtractError::TooDeep(levels)) => assert!(levels > MAX_DEPTH),
            other => panic!("expected TooDeep, got {other:?}"),
        }
        let inline = format!(
            "<body><p>{}bold{}</p></body>",
            "<b>".repeat(n),
            "</b>".repeat(n)
        );
        assert!(extract_html(&inline, None).is_err());
        // Deep but within the limit still reads.
        let ok = format!(
            "<body>{}<p>Shallow enough text.</p>{}</body>",
            "<div>".repeat(200),
            "</div>".repeat(200)
        );
        assert_eq!(
            extract_html(&ok, None).unwrap().body_text(),
            "Shallow enough text."
        );
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{feff}  <html lang=en>"));
        assert!(looks_like_html("<div><p>Hi</p></div>"));
        assert!(!looks_like_html("A <b> in prose is not a page"));
        assert!(!looks_like_html("Plain text."));
    }
}
