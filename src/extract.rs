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

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("the page has no text to annotate")]
    NoText,
}

/// Extracts the article from an HTML page. `url` is the page's address when known (it resolves
/// relative links in the metadata; nothing is fetched).
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted, ExtractError> {
    let document = HtmlDocument::from(html);
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
    fn html_is_told_from_text() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{feff}  <html lang=en>"));
        assert!(looks_like_html("<div><p>Hi</p></div>"));
        assert!(!looks_like_html("A <b> in prose is not a page"));
        assert!(!looks_like_html("Plain text."));
    }
}
