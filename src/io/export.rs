//! Every export format behind one function, for the app's Export menu and `glossa export`.
//!
//! ```
//! use glossa::io::bundle::{Article, ArticleMeta};
//! use glossa::io::export::{export, Format};
//! use glossa::model::Timestamp;
//! let article = Article::new(ArticleMeta { title: "Train".into(), ..Default::default() }, "Train\n\nKim Jong Un arrived in Hanoi.");
//! let now = Timestamp("2026-11-26T10:00:00Z".into());
//! let jsonl = export(Format::Jsonl, &[(&article, None)], false, &now);
//! assert!(jsonl.lines().nth(1).unwrap().contains(r#""label":"PERSON""#));
//! assert_eq!(Format::parse("w3c"), Some(Format::W3c));
//! ```

use crate::analysis::{analyze, Analysis};
use crate::io::bundle::{self, Article};
use crate::io::{claimreview, jsonl, report, table, w3c};
use crate::model::Timestamp;

/// A format Glossa writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Bundle,
    W3c,
    ClaimReview,
    Csv,
    Jsonl,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Bundle,
        Format::W3c,
        Format::ClaimReview,
        Format::Csv,
        Format::Jsonl,
        Format::Markdown,
        Format::Html,
    ];

    /// The name used on the command line and in the app (`w3c`, `claimreview`, …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Bundle => "bundle",
            Format::W3c => "w3c",
            Format::ClaimReview => "claimreview",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the user is offered.
    pub fn label(self) -> &'static str {
        match self {
            Format::Bundle => "Glossa bundle (article, text and notes)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::ClaimReview => "ClaimReview (schema.org JSON-LD)",
            Format::Csv => "CSV spreadsheet",
            Format::Jsonl => "Entities as JSONL (spaCy, Prodigy)",
            Format::Markdown => "Fact-check report (Markdown)",
            Format::Html => "Fact-check report (printable web page)",
        }
    }

    /// The file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Bundle => "glossa.json",
            Format::W3c => "annotations.jsonld",
            Format::ClaimReview => "claimreview.jsonld",
            Format::Csv => "csv",
            Format::Jsonl => "entities.jsonl",
            Format::Markdown => "report.md",
            Format::Html => "report.html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Bundle => "application/json",
            Format::W3c | Format::ClaimReview => "application/ld+json",
            Format::Csv => "text/csv",
            Format::Jsonl => "application/jsonl",
            Format::Markdown => "text/markdown",
            Format::Html => "text/html",
        }
    }

    /// Whether the format can carry detected entities (on request).
    pub fn takes_entities(self) -> bool {
        matches!(self, Format::W3c | Format::Csv)
    }
}

/// A file name for an export: the title made safe, then the format's ending.
///
/// ```
/// use glossa::io::export::{file_name, Format};
/// assert_eq!(file_name("Kim's train: 90 carriages?", Format::Csv), "Kim-s-train-90-carriages.csv");
/// ```
pub fn file_name(title: &str, format: Format) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(60)
        .collect();
    let stem = if stem.is_empty() {
        "glossa".to_string()
    } else {
        stem
    };
    format!("{stem}.{}", format.extension())
}

/// Writes articles in `format`. Each article may come with its analysis; it is worked out
/// here when the format needs it (entities, or the claims not yet checked in a report) and
/// none is given. `entities` adds the detected entities to W3C and CSV.
pub fn export(
    format: Format,
    articles: &[(&Article, Option<&Analysis>)],
    entities: bool,
    now: &Timestamp,
) -> String {
    let needs_analysis = match format {
        Format::Jsonl | Format::Markdown | Format::Html => true,
        Format::W3c | Format::Csv => entities,
        Format::Bundle | Format::ClaimReview => false,
    };
    let computed: Vec<Option<Analysis>> = articles
        .iter()
        .map(|(a, given)| (needs_analysis && given.is_none()).then(|| analyze(&a.text)))
        .collect();
    let analyses: Vec<Option<&Analysis>> = articles
        .iter()
        .zip(&computed)
        .map(|((_, given), computed)| given.or(computed.as_ref()))
        .collect();
    let entities_of = |i: usize| -> &[crate::analysis::Entity] {
        match analyses[i] {
            Some(a) if entities || format == Format::Jsonl => &a.entities,
            _ => &[],
        }
    };
    // Claims in page chrome (related links, captions) are not the article's claims.
    let article_claims: Vec<Vec<crate::analysis::Claim>> = analyses
        .iter()
        .map(|a| {
            a.map_or(Vec::new(), |a| {
                a.claims
                    .iter()
                    .filter(|c| !a.boilerplate.iter().any(|b| b.overlaps(c.span)))
                    .cloned()
                    .collect()
            })
        })
        .collect();
    let claims_of = |i: usize| -> &[crate::analysis::Claim] { &article_claims[i] };
    match format {
        Format::Bundle => {
            let owned: Vec<Article> = articles.iter().map(|(a, _)| (*a).clone()).collect();
            bundle::write(&owned, now)
        }
        Format::W3c => {
            let exports: Vec<w3c::Export> = articles
                .iter()
                .enumerate()
                .map(|(i, (a, _))| w3c::Export {
                    article: a,
                    entities: entities_of(i),
                })
                .collect();
            w3c::write(&exports, now)
        }
        Format::ClaimReview => {
            let list: Vec<&Article> = articles.iter().map(|(a, _)| *a).collect();
            claimreview::write(&list)
        }
        Format::Csv => {
            let rows: Vec<(&Article, &[crate::analysis::Entity])> = articles
                .iter()
                .enumerate()
                .map(|(i, (a, _))| (*a, entities_of(i)))
                .collect();
            table::write(&rows)
        }
        Format::Jsonl => articles
            .iter()
            .enumerate()
            .map(|(i, (a, _))| jsonl::write(a, entities_of(i)))
            .collect(),
        Format::Markdown => articles
            .iter()
            .enumerate()
            .map(|(i, (a, _))| report::markdown(a, claims_of(i), now))
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        Format::Html => {
            let pages: Vec<(&Article, &[crate::analysis::Claim])> = articles
                .iter()
                .enumerate()
                .map(|(i, (a, _))| (*a, claims_of(i)))
                .collect();
            report::html_page(&pages, now)
        }
    }
}
