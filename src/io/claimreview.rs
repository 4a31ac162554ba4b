//! schema.org `ClaimReview` JSON-LD: one review per claim that has a verdict with a rating
//! (unverified and in-progress claims are not reviews yet), as search engines and fact-check
//! aggregators read them.
//!
//! Each review gives the claim's words (`claimReviewed`), the verdict (`reviewRating`: its name
//! as `alternateName`, its rating from 1 = false to 5 = true), where the claim appeared
//! (`itemReviewed`: a `Claim` whose `appearance` is the article), who reviewed it and when,
//! the note as `reviewBody`, and the evidence: the first source as `url`, every source as a
//! `citation`.

use serde_json::{json, Value};

use crate::io::bundle::Article;
use crate::model::Note;

/// The context every export names.
pub const CONTEXT: &str = "https://schema.org";

fn review(article: &Article, note: &Note) -> Option<Value> {
    let key = note.verdict.as_ref()?;
    let term = article.annotations.verdict(key)?;
    let rating = term.rating?;
    let mut appearance = json!({"@type": "CreativeWork", "headline": article.meta.title});
    if let Some(url) = article.meta.url() {
        appearance["url"] = json!(url);
    }
    if let Some(byline) = &article.meta.byline {
        appearance["author"] = json!({"@type": "Person", "name": byline});
    }
    if let Some(date) = &article.meta.published {
        appearance["datePublished"] = json!(date);
    }
    if let Some(site) = &article.meta.site_name {
        appearance["publisher"] = json!({"@type": "Organization", "name": site});
    }
    let mut out = json!({
        "@type": "ClaimReview",
        "claimReviewed": note.target.quote.exact,
        "datePublished": note.modified.0.chars().take(10).collect::<String>(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": term.label,
        },
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
    });
    if let Some(author) = &note.author {
        out["author"] = json!({"@type": "Person", "name": author});
    }
    if !note.body.is_empty() {
        out["reviewBody"] = json!(note.body);
    }
    if let Some(first) = note.evidence.first() {
        out["url"] = json!(first.url);
        let citations: Vec<Value> = note
            .evidence
            .iter()
            .map(|e| {
                let mut c = json!({"@type": "CreativeWork", "url": e.url});
                if !e.title.is_empty() {
                    c["name"] = json!(e.title);
                }
                if !e.quote.is_empty() {
                    c["text"] = json!(e.quote);
                }
                c
            })
            .collect();
        out["citation"] = Value::Array(citations);
    }
    Some(out)
}

/// How many of an article's notes become reviews.
pub fn count(article: &Article) -> usize {
    article
        .annotations
        .notes
        .iter()
        .filter(|n| review(article, n).is_some())
        .count()
}

/// The reviews of one or more articles as a JSON-LD `@graph`, in each article's document
/// order.
pub fn write(articles: &[&Article]) -> String {
    let mut graph = Vec::new();
    for article in articles {
        for note in crate::io::report::in_document_order(article) {
            if let Some(r) = review(article, note) {
                graph.push(r);
            }
        }
    }
    serde_json::to_string_pretty(&json!({"@context": CONTEXT, "@graph": graph})).unwrap_or_default()
}
