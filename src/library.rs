//! The library: every article the user has loaded, with what its list shows, and the schema it
//! is stored under. The article bodies are stored apart (IndexedDB in the browser); this index is
//! small and lives in localStorage with the notes.
//!
//! ```
//! use glossa::io::load::{load_bytes, Source};
//! use glossa::library::{Added, ArticleEntry, Library};
//! use glossa::model::Timestamp;
//!
//! let mut library = Library::default();
//! let article = load_bytes("a.txt", b"Trains\n\nThe train has 90 carriages.").unwrap();
//! let entry = ArticleEntry::new(&article, Source::File("a.txt".into()), Timestamp("2026-11-26T08:00:00Z".into()));
//! assert_eq!(library.add(entry.clone()), Added::New);
//! assert_eq!(library.add(entry), Added::Existing);
//! assert_eq!(library.entries.len(), 1);
//! ```

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::io::load::{LoadedArticle, Source};
use crate::model::Timestamp;
use crate::text::Document;

/// The localStorage key of the library index.
pub const LIBRARY_KEY: &str = "glossa.v1.library";
/// The index schema this build writes and reads.
pub const LIBRARY_SCHEMA: u64 = 1;
/// The id of the built-in sample.
pub const SAMPLE_ID: &str = "sample";

/// One article in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEntry {
    /// SHA-256 of the article's text, in hex: the same text loaded twice has the same id.
    pub id: String,
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
    pub added: Timestamp,
    /// Length of the text in Unicode code points.
    pub chars: usize,
    /// How many checkable claims the analysis found, once it has run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<usize>,
    /// The key its notes are stored under (see [`crate::text::Document::fingerprint`]).
    pub fingerprint: String,
}

impl ArticleEntry {
    /// The entry for a loaded article; its text is taken as [`Document`] canonicalises it.
    pub fn new(article: &LoadedArticle, source: Source, added: Timestamp) -> ArticleEntry {
        let document = Document::from_plain_text(&article.text);
        ArticleEntry {
            id: article
                .content_hash
                .clone()
                .unwrap_or_else(|| content_hash(document.text())),
            title: article.title.clone(),
            source,
            byline: article.byline.clone(),
            published: article.published.clone(),
            site_name: article.site_name.clone(),
            lang: article.lang.clone(),
            dir: article.dir.clone(),
            added,
            chars: document.text().chars().count(),
            claims: None,
            fingerprint: document.fingerprint(),
        }
    }

    /// The built-in sample's entry.
    pub fn sample(text: &str) -> ArticleEntry {
        let document = Document::from_plain_text(text);
        ArticleEntry {
            id: SAMPLE_ID.to_string(),
            title: document.title().to_string(),
            source: Source::Sample,
            byline: None,
            published: None,
            site_name: None,
            lang: Some("en".to_string()),
            dir: None,
            added: Timestamp(String::new()),
            chars: document.text().chars().count(),
            claims: None,
            fingerprint: document.fingerprint(),
        }
    }
}

impl ArticleEntry {
    /// "Site · byline · date" (the date's first ten characters, its day), each when known and
    /// not repeating another.
    pub fn source_line(&self) -> Option<String> {
        let date = self
            .published
            .as_deref()
            .map(|d| d.chars().take(10).collect::<String>());
        let mut parts: Vec<String> = Vec::new();
        for part in [self.site_name.clone(), self.byline.clone(), date]
            .into_iter()
            .flatten()
        {
            if !part.is_empty() && !parts.contains(&part) {
                parts.push(part);
            }
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// Bytes as KB, MB or GB (binary units, as browsers report storage).
pub fn human_size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB * KB {
        format!("{:.0} KB", bytes / KB)
    } else if bytes < KB * KB * KB {
        format!("{:.1} MB", bytes / KB / KB)
    } else {
        format!("{:.1} GB", bytes / KB / KB / KB)
    }
}

/// SHA-256 of a text, in lowercase hex.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What [`Library::add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New,
    /// The same text was already there (its entry is unchanged).
    Existing,
}

/// The library index: the articles in the order they were added, and those deleted but still
/// restorable.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Library {
    pub entries: Vec<ArticleEntry>,
    /// Deleted entries whose bodies and notes are removed once undo is no longer offered.
    #[serde(default)]
    pub trash: Vec<ArticleEntry>,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&ArticleEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds an entry unless the same text is already there. A deleted copy is restored.
    pub fn add(&mut self, entry: ArticleEntry) -> Added {
        if self.get(&entry.id).is_some() {
            return Added::Existing;
        }
        self.trash.retain(|e| e.id != entry.id);
        self.entries.push(entry);
        Added::New
    }

    /// The article `entry` is most likely a newer version of: another text from the same file
    /// name or address, or with the same title. The most recently added one wins.
    ///
    /// ```
    /// use glossa::io::load::{LoadedArticle, Source};
    /// use glossa::library::{ArticleEntry, Library};
    /// use glossa::model::Timestamp;
    /// let article = |text: &str| LoadedArticle { title: "Train".into(), text: text.into(), ..Default::default() };
    /// let old = ArticleEntry::new(&article("Train\n\nIt has 90 carriages."), Source::Paste, Timestamp("t1".into()));
    /// let new = ArticleEntry::new(&article("Train\n\nIt has 91 carriages."), Source::Paste, Timestamp("t2".into()));
    /// let mut library = Library::default();
    /// library.add(old.clone());
    /// assert_eq!(library.earlier_version(&new).map(|e| e.id.as_str()), Some(old.id.as_str()));
    /// assert_eq!(library.earlier_version(&old), None, "not itself");
    /// ```
    pub fn earlier_version(&self, entry: &ArticleEntry) -> Option<&ArticleEntry> {
        let same_place = |e: &ArticleEntry| match (&e.source, &entry.source) {
            (Source::File(a), Source::File(b)) | (Source::Url(a), Source::Url(b)) => a == b,
            _ => false,
        };
        let same_title =
            |e: &ArticleEntry| !entry.title.trim().is_empty() && e.title == entry.title;
        self.entries
            .iter()
            .filter(|e| e.id != entry.id && e.source != Source::Sample)
            .filter(|e| same_place(e) || same_title(e))
            .max_by(|a, b| a.added.cmp(&b.added))
    }

    /// Renames an article; an empty or unchanged title changes nothing. Returns whether it did.
    pub fn rename(&mut self, id: &str, title: &str) -> bool {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        match self.entries.iter_mut().find(|e| e.id == id) {
            Some(entry) if !title.is_empty() && entry.title != title => {
                entry.title = title;
                true
            }
            _ => false,
        }
    }

    /// Moves an article to the trash. Returns whether it was there.
    pub fn delete(&mut self, id: &str) -> bool {
        match self.entries.iter().position(|e| e.id == id) {
            Some(index) => {
                let entry = self.entries.remove(index);
                self.trash.push(entry);
                true
            }
            None => false,
        }
    }

    /// Brings an article back from the trash. Returns whether it was there.
    pub fn undelete(&mut self, id: &str) -> bool {
        match self.trash.iter().position(|e| e.id == id) {
            Some(index) => {
                let entry = self.trash.remove(index);
                self.add(entry);
                true
            }
            None => false,
        }
    }

    /// Empties the trash, returning what was in it (whose bodies and notes can now go).
    pub fn empty_trash(&mut self) -> Vec<ArticleEntry> {
        std::mem::take(&mut self.trash)
    }

    /// Records the claim count of an article once analysed. Returns whether it changed.
    pub fn set_claims(&mut self, id: &str, claims: usize) -> bool {
        match self.entries.iter_mut().find(|e| e.id == id) {
            Some(entry) if entry.claims != Some(claims) => {
                entry.claims = Some(claims);
                true
            }
            _ => false,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: u64,
    #[serde(flatten)]
    library: Library,
}

/// The index as stored.
pub fn encode(library: &Library) -> String {
    serde_json::to_string(&Stored {
        schema: LIBRARY_SCHEMA,
        library: library.clone(),
    })
    .unwrap_or_default()
}

/// Why a stored index was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryProblem {
    #[error("the library index is unreadable ({0})")]
    Unreadable(String),
    #[error("the library index was written by a newer Glossa (schema {0})")]
    Newer(u64),
}

/// Reads a stored index.
pub fn decode(raw: &str) -> Result<Library, LibraryProblem> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| LibraryProblem::Unreadable(e.to_string()))?;
    match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(LIBRARY_SCHEMA) => {}
        Some(newer) if newer > LIBRARY_SCHEMA => return Err(LibraryProblem::Newer(newer)),
        _ => return Err(LibraryProblem::Unreadable("no schema version".to_string())),
    }
    serde_json::from_value::<Stored>(value)
        .map(|s| s.library)
        .map_err(|e| LibraryProblem::Unreadable(e.to_string()))
}

/// A stored article body: its entry (so that a lost index can be rebuilt) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredBody {
    pub entry: ArticleEntry,
    pub text: String,
}
