//! Whatever a user brings (a file's bytes, pasted text or HTML, a fetched page) to an article's
//! text and metadata, or a clear reason why not.
//!
//! ```
//! use glossa::io::load::{load_bytes, LoadError};
//!
//! let article = load_bytes("notes.txt", b"Trains\n\nThe train has 90 carriages.").unwrap();
//! assert_eq!(article.title, "Trains");
//! assert_eq!(load_bytes("empty.txt", b"  \n"), Err(LoadError::Empty));
//! ```

use serde::{Deserialize, Serialize};

use crate::extract::{extract_html, looks_like_html, ExtractError, Extracted, MAX_DEPTH};

/// The largest input read at all (a saved page with inline images can be this big).
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
/// The longest article text Glossa opens (about 800,000 words).
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name says, or `None` when the extension is not one Glossa reads.
    pub fn from_name(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("txt" | "text") => Some(Format::Text),
            Some("md" | "markdown") => Some(Format::Markdown),
            Some("html" | "htm" | "xhtml") => Some(Format::Html),
            _ => None,
        }
    }
}

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum Source {
    Sample,
    File(String),
    Url(String),
    #[default]
    Paste,
}

/// An article ready to open: its text (title first) and what the page said about it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LoadedArticle {
    pub title: String,
    pub text: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// SHA-256 of the text as [`Document`](crate::text::Document) canonicalises it (the
    /// library's id), when the loading worker has computed it: on 1 MB it takes 40 ms in the
    /// page. `None` means it is yet to be computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
}

/// Why an input cannot be opened. Each message says what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("it is empty")]
    Empty,
    #[error("it is not text (it looks like a binary file: an image, a PDF or an archive)")]
    Binary,
    #[error(
        "it is not UTF-8 text (invalid byte at position {position}); save it as UTF-8 and try again"
    )]
    NotUtf8 { position: usize },
    #[error("it is too large ({} MB; Glossa reads files up to {} MB)", mb(*bytes), mb(MAX_INPUT_BYTES))]
    TooLarge { bytes: usize },
    #[error("its text is too long ({} MB; Glossa opens articles up to {} MB of text)", mb(*bytes), mb(MAX_TEXT_BYTES))]
    TooLong { bytes: usize },
    #[error("the page has no article text")]
    NoText,
    #[error("its elements are nested {0} levels deep, more than Glossa reads ({MAX_DEPTH}); copy the article's text and paste it instead")]
    TooDeep(usize),
    #[error("Glossa reads .txt, .md and .html files, not {0}")]
    UnsupportedType(String),
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Decodes a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a mark.
pub fn decode(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    let utf16 = |be: bool| -> Result<String, LoadError> {
        let body = &bytes[2..];
        if body.len() % 2 != 0 {
            return Err(LoadError::NotUtf8 {
                position: bytes.len() - 1,
            });
        }
        let units = body.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if be {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| LoadError::NotUtf8 { position: 0 })
    };
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest, 3)?,
        [0xFF, 0xFE, ..] => utf16(false)?,
        [0xFE, 0xFF, ..] => utf16(true)?,
        _ => utf8(bytes, 0)?,
    };
    if looks_binary(&text) {
        return Err(LoadError::Binary);
    }
    Ok(text)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            // A NUL or other control byte before the bad byte means binary, not another encoding.
            let valid = &bytes[..error.valid_up_to()];
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            if looks_binary(std::str::from_utf8(valid).unwrap_or_default()) || looks_binary(&head) {
                Err(LoadError::Binary)
            } else {
                Err(LoadError::NotUtf8 {
                    position: skipped + error.valid_up_to(),
                })
            }
        }
    }
}

/// NUL bytes, or many control characters in the first 4 KB, mean this is not text.
fn looks_binary(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(4096).collect();
    let controls = head
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    head.contains(&'\0') || controls * 20 > head.len().max(1)
}

/// Loads a file by its name and bytes.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<LoadedArticle, LoadError> {
    let declared = Format::from_name(name);
    if declared.is_none() && name.contains('.') {
        let extension = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
        if !extension.is_empty() && extension.len() <= 5 && !is_text_like(bytes) {
            return Err(LoadError::UnsupportedType(format!(".{extension}")));
        }
    }
    let text = decode(bytes)?;
    let format = declared.unwrap_or(if looks_like_html(&text) {
        Format::Html
    } else {
        Format::Text
    });
    load_text(&text, format, Some(name))
}

/// Whether the first 4 KB read as text. The cut may fall inside a character: a sequence left
/// incomplete at the end is not an error.
fn is_text_like(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !looks_binary(text)
}

/// Loads text already decoded (pasted, or fetched by the browser).
pub fn load_text(
    text: &str,
    format: Format,
    name: Option<&str>,
) -> Result<LoadedArticle, LoadError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let article = match format {
        Format::Html => from_extracted(extract_html(text, None).map_err(|e| match e {
            ExtractError::NoText => LoadError::NoText,
            ExtractError::TooDeep(levels) => LoadError::TooDeep(levels),
        })?),
        Format::Text => from_plain(text, name, false),
        Format::Markdown => from_plain(text, name, true),
    };
    if article.text.len() > MAX_TEXT_BYTES {
        return Err(LoadError::TooLong {
            bytes: article.text.len(),
        });
    }
    Ok(article)
}

/// An extracted page as an article.
pub fn from_extracted(page: Extracted) -> LoadedArticle {
    let text = page.article_text();
    let dir = page
        .dir
        .or_else(|| is_mostly_right_to_left(&text).then(|| "rtl".to_string()));
    LoadedArticle {
        title: page.title,
        byline: page.byline,
        published: page.published,
        site_name: page.site_name,
        lang: page.lang,
        dir,
        text,
        content_hash: None,
    }
}

fn from_plain(text: &str, name: Option<&str>, markdown: bool) -> LoadedArticle {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let first_line = if markdown {
        first_line.trim_start_matches('#').trim()
    } else {
        first_line
    };
    let title = if !first_line.is_empty() && first_line.chars().count() <= 200 {
        first_line.to_string()
    } else {
        name.map(file_stem).unwrap_or_default()
    };
    let dir = is_mostly_right_to_left(&text).then(|| "rtl".to_string());
    LoadedArticle {
        title,
        text,
        dir,
        ..LoadedArticle::default()
    }
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .map_or(base, |(stem, _)| stem)
        .to_string()
}

/// Whether most letters in the first 2,000 are Hebrew, Arabic, Syriac, Thaana or N'Ko.
pub fn is_mostly_right_to_left(text: &str) -> bool {
    let (mut rtl, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(2000) {
        letters += 1;
        if matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) {
            rtl += 1;
        }
    }
    letters > 0 && rtl * 2 > letters
}

/// What the loading worker says once it listens (before that, messages to it are lost).
pub const WORKER_READY: &str = "ready";

/// A request to the loading worker: a file's bytes, or text already decoded (pasted, fetched).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadRequest {
    pub id: u32,
    /// The file name or URL (it names the format when it has an extension).
    pub name: String,
    /// The format of decoded text; `None` for a file's bytes.
    pub format: Option<Format>,
}

/// The worker's answer to a [`LoadRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadReply {
    pub id: u32,
    pub result: Result<LoadedArticle, String>,
}

/// Runs a request: what the worker does with each message.
pub fn run_request(request: &LoadRequest, bytes: Option<&[u8]>, text: Option<&str>) -> LoadReply {
    let result = match (request.format, bytes, text) {
        (Some(format), _, Some(text)) => load_text(text, format, Some(&request.name)),
        (_, Some(bytes), _) => load_bytes(&request.name, bytes),
        _ => Err(LoadError::Empty),
    };
    let result = result.map(|mut article| {
        // Hashed here, off the page's thread (this runs in the loading worker).
        let document = crate::text::Document::from_plain_text(&article.text);
        article.content_hash = Some(crate::library::content_hash(document.text()));
        article
    });
    LoadReply {
        id: request.id,
        result: result.map_err(|e| e.to_string()),
    }
}
