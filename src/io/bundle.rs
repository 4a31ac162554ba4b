//! The Glossa bundle: one JSON file holding whole annotated articles (their text, what is
//! known about them, their verdict list and every note), to hand them to someone else or to
//! keep a copy of the library.
//!
//! ```json
//! {"glossa": "bundle", "schema": 1, "generator": "Glossa 0.1.0", "exported": "2026-…Z",
//!  "articles": [{"title": "…", "source": {"kind": "url", "name": "https://…"}, "byline": "…",
//!                "published": "…", "site_name": "…", "lang": "en", "added": "2026-…Z",
//!                "sha256": "<hash of text>", "text": "…",
//!                "verdicts": [{"key": "false", "label": "False", "rating": 1}, …],
//!                "notes": [<each note exactly as the browser stores it>]}]}
//! ```
//!
//! Reading checks each article's text against its hash, and each note on its own: a damaged
//! note is listed and left out, a damaged article is refused whole, and nothing is stored.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::io::load::{LoadedArticle, Source};
use crate::io::storage::{note_from_value, note_to_value};
use crate::library::{content_hash, ArticleEntry};
use crate::model::{Annotations, Timestamp, VerdictTerm};
use crate::text::Document;

/// The bundle schema this build writes and reads.
pub const BUNDLE_SCHEMA: u64 = 1;
/// What identifies a Glossa bundle: its `glossa` field.
pub const BUNDLE_MARK: &str = "bundle";
/// The generator written in every export.
pub const GENERATOR: &str = concat!("Glossa ", env!("CARGO_PKG_VERSION"));

/// What is known about an article besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    #[serde(default)]
    pub added: Timestamp,
}

impl ArticleMeta {
    /// The metadata of a library entry.
    pub fn of(entry: &ArticleEntry) -> ArticleMeta {
        ArticleMeta {
            title: entry.title.clone(),
            source: entry.source.clone(),
            byline: entry.byline.clone(),
            published: entry.published.clone(),
            site_name: entry.site_name.clone(),
            lang: entry.lang.clone(),
            dir: entry.dir.clone(),
            added: entry.added.clone(),
        }
    }

    /// The article's web address, when it was loaded from one.
    pub fn url(&self) -> Option<&str> {
        match &self.source {
            Source::Url(url) => Some(url),
            _ => None,
        }
    }
}

/// An annotated article: the unit every export format works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub meta: ArticleMeta,
    /// The text as [`Document`] canonicalises it: the positions of notes count in it.
    pub text: String,
    pub annotations: Annotations,
}

impl Article {
    /// An article from its text (canonicalised here) and metadata, with no notes yet.
    pub fn new(meta: ArticleMeta, text: &str) -> Article {
        Article {
            meta,
            text: Document::from_plain_text(text).text().to_string(),
            annotations: Annotations::default(),
        }
    }

    /// SHA-256 of the text, in hex: the article's identity in the library.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }

    /// The IRI annotations name as their target's source: the article's address, or
    /// `urn:sha256:<hash>` for a text with no address.
    pub fn iri(&self) -> String {
        match self.meta.url() {
            Some(url) => url.to_string(),
            None => format!("urn:sha256:{}", self.content_hash()),
        }
    }

    /// The library entry this article is stored under.
    pub fn entry(&self) -> ArticleEntry {
        let loaded = LoadedArticle {
            title: self.meta.title.clone(),
            text: self.text.clone(),
            byline: self.meta.byline.clone(),
            published: self.meta.published.clone(),
            site_name: self.meta.site_name.clone(),
            lang: self.meta.lang.clone(),
            dir: self.meta.dir.clone(),
            content_hash: None,
        };
        ArticleEntry::new(&loaded, self.meta.source.clone(), self.meta.added.clone())
    }
}

#[derive(Serialize)]
struct BundleOut<'a> {
    glossa: &'static str,
    schema: u64,
    generator: &'static str,
    exported: &'a Timestamp,
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    meta: &'a ArticleMeta,
    sha256: String,
    text: &'a str,
    verdicts: &'a [VerdictTerm],
    notes: Vec<Value>,
}

/// Writes articles as a bundle (pretty-printed, so that it diffs well).
pub fn write(articles: &[Article], exported: &Timestamp) -> String {
    let out = BundleOut {
        glossa: BUNDLE_MARK,
        schema: BUNDLE_SCHEMA,
        generator: GENERATOR,
        exported,
        articles: articles
            .iter()
            .map(|a| ArticleOut {
                meta: &a.meta,
                sha256: a.content_hash(),
                text: &a.text,
                verdicts: &a.annotations.verdicts,
                notes: a.annotations.notes.iter().map(note_to_value).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// Why a bundle, or one article in it, was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("this bundle was written by a newer Glossa (bundle schema {0}; this version reads {BUNDLE_SCHEMA})")]
    Newer(u64),
    #[error("this is not a Glossa bundle ({0})")]
    NotBundle(String),
}

/// What reading a bundle found: the articles it could read, and what it left out and why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadBundle {
    pub articles: Vec<Article>,
    /// One line per article or note left out, saying which and why.
    pub rejected: Vec<String>,
}

#[derive(Deserialize)]
struct ArticleIn {
    #[serde(flatten)]
    meta: ArticleMeta,
    sha256: Option<String>,
    text: String,
    #[serde(default)]
    verdicts: Option<Vec<VerdictTerm>>,
    #[serde(default)]
    notes: Vec<Value>,
}

/// Reads a bundle already parsed as JSON.
pub fn read(value: Value) -> Result<ReadBundle, BundleError> {
    if value.get("glossa").and_then(Value::as_str) != Some(BUNDLE_MARK) {
        return Err(BundleError::NotBundle(
            "no \"glossa\": \"bundle\" field".into(),
        ));
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(BUNDLE_SCHEMA) => {}
        Some(newer) if newer > BUNDLE_SCHEMA => return Err(BundleError::Newer(newer)),
        _ => return Err(BundleError::NotBundle("no schema number".into())),
    }
    let Some(Value::Array(items)) = value.get("articles") else {
        return Err(BundleError::NotBundle("no list of articles".into()));
    };
    let mut out = ReadBundle::default();
    for (i, item) in items.iter().enumerate() {
        let which = format!("article {}", i + 1);
        let article: ArticleIn = match serde_json::from_value(item.clone()) {
            Ok(a) => a,
            Err(e) => {
                out.rejected.push(format!("{which}: {e}"));
                continue;
            }
        };
        let which = format!("article {} (“{}”)", i + 1, short(&article.meta.title));
        if article.text.trim().is_empty() {
            out.rejected.push(format!("{which}: its text is empty"));
            continue;
        }
        if let Some(expected) = &article.sha256 {
            if &content_hash(&article.text) != expected {
                out.rejected.push(format!(
                    "{which}: its text does not match its SHA-256 (the file was edited or damaged)"
                ));
                continue;
            }
        }
        let mut read = Article::new(article.meta, &article.text);
        if read.text != article.text {
            out.rejected.push(format!(
                "{which}: its text is not in Glossa's canonical form, so note positions may not match"
            ));
            continue;
        }
        let mut verdicts: Vec<VerdictTerm> = Vec::new();
        for term in article
            .verdicts
            .unwrap_or_else(crate::model::default_verdicts)
        {
            if term.key.is_empty() || verdicts.iter().any(|t| t.key == term.key) {
                out.rejected.push(format!(
                    "{which}: verdict “{}”: empty or repeated key",
                    term.label
                ));
            } else {
                verdicts.push(term);
            }
        }
        read.annotations.verdicts = verdicts;
        let mut ids = rustc_hash::FxHashSet::default();
        for (n, note) in article.notes.into_iter().enumerate() {
            match note_from_value(note) {
                Ok(note) if ids.insert(note.id.clone()) => read.annotations.notes.push(note),
                Ok(note) => {
                    out.rejected
                        .push(format!("{which}, note {}: repeated id {}", n + 1, note.id))
                }
                Err(why) => out.rejected.push(format!("{which}, note {}: {why}", n + 1)),
            }
        }
        out.articles.push(read);
    }
    Ok(out)
}

/// The first 40 characters of a title, for messages.
pub(crate) fn short(s: &str) -> String {
    crate::text::shorten(s, 40)
}
