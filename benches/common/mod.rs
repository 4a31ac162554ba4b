//! Long news text for benchmarks: the sample article and the article text of the Readability
//! test pages vendored under tests/corpus, repeated as needed.

use glossa::sample::SAMPLE_ARTICLE;

/// News text, repeated until `enough` says so, then cut (on a character boundary) to at most
/// `max_bytes`.
pub fn news_text(enough: impl Fn(&str) -> bool, max_bytes: usize) -> String {
    let mut parts = vec![SAMPLE_ARTICLE.to_string()];
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/readability-test-pages");
    if let Ok(entries) = std::fs::read_dir(pages) {
        let mut dirs: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        dirs.sort();
        for dir in dirs {
            if let Ok(html) = std::fs::read_to_string(dir.join("expected.html")) {
                parts.push(strip_tags(&html));
            }
        }
    }
    let joined = parts.join("\n\n");
    let mut text = String::new();
    while !enough(&text) && text.len() < max_bytes {
        text.push_str(&joined);
        text.push_str("\n\n");
    }
    let mut cut = max_bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

/// Rough text of an HTML page: tags dropped, block ends as blank lines.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if matches!(
                    name,
                    "p" | "h1" | "h2" | "h3" | "li" | "div" | "br" | "blockquote"
                ) {
                    out.push_str("\n\n");
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out
}
