//! The side panel's list: the article's notes, claims and entities in document order (claims
//! optionally by check-worthiness), narrowed by the search and filters, with counts per kind.
//!
//! Pure, so the panel, its counts and the keyboard path through it are tested natively.
//!
//! ```
//! use std::rc::Rc;
//! use glossa::analysis::analyze;
//! use glossa::outline::{outline, ItemKey};
//! use glossa::state::{AppState, Panel, Query};
//! use glossa::text::Document;
//! let text = "Title\n\nThe train has around 90 carriages, Yonhap said.";
//! let state = AppState::new(Rc::new(Document::from_plain_text(text)));
//! let analysis = analyze(text);
//! let query = Query { text: "carriages".into(), ..Query::default() };
//! let list = outline(&state, &analysis, &query, Panel::All);
//! assert_eq!(list.counts.claims, 1);
//! assert!(matches!(list.items[0], ItemKey::Claim(_)));
//! ```

use rustc_hash::FxHashMap;

use crate::analysis::{Analysis, Claim, Label};
use crate::model::{Note, NoteId};
use crate::state::{AppState, Panel, Placed, Query};
use crate::text::ByteSpan;

/// One entry of the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// A note, by its id.
    Note(NoteId),
    /// A claim, by its index in [`Analysis::claims`].
    Claim(usize),
    /// An entity: its first mention's index in [`Analysis::entities`]; all its mentions
    /// (same full name and type) are one entry.
    Entity(usize),
}

/// How many of each kind match the search and filters (whatever the panel shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub notes: usize,
    pub claims: usize,
    pub entities: usize,
}

/// The list the panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub items: Vec<ItemKey>,
    pub counts: Counts,
}

/// The full name and type that group an entity's mentions.
pub fn entity_group(
    state: &AppState,
    analysis: &Analysis,
    index: usize,
) -> Option<(String, Label)> {
    let e = analysis.entities.get(index)?;
    let name = e
        .canonical
        .clone()
        .unwrap_or_else(|| state.doc.slice(e.span).to_string());
    Some((name, e.label))
}

/// The note that holds a claim's verdict: one anchored exactly on the claim, with a verdict.
pub fn claim_note<'a>(state: &'a AppState, claim: &Claim) -> Option<&'a Placed> {
    state
        .notes
        .iter()
        .find(|p| p.anchoring.span() == Some(claim.span) && p.note.verdict.is_some())
}

/// The list for `panel`, narrowed by `query`.
pub fn outline(state: &AppState, analysis: &Analysis, query: &Query, panel: Panel) -> Outline {
    let words: Vec<String> = query
        .text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let searching = !words.is_empty();
    let matches = |haystack: &str| {
        let haystack = haystack.to_lowercase();
        words.iter().all(|w| haystack.contains(w.as_str()))
    };
    let filtered = query.verdict.is_some() || query.tag.is_some();
    let verdict_ok = |verdict: Option<&String>| match &query.verdict {
        None => true,
        Some(wanted) if wanted.is_empty() => verdict.is_none(),
        Some(wanted) => verdict == Some(wanted),
    };
    let tag_ok = |note: Option<&Note>| match &query.tag {
        None => true,
        Some(tag) => note.is_some_and(|n| n.tags.contains(tag)),
    };

    // (position for ordering, key); orphans sort last.
    let mut notes: Vec<(Option<ByteSpan>, ItemKey)> = Vec::new();
    for placed in state.notes.iter() {
        let note = &placed.note;
        if verdict_ok(note.verdict.as_ref())
            && tag_ok(Some(note))
            && (!searching || matches(&note_haystack(state, note)))
        {
            notes.push((placed.anchoring.span(), ItemKey::Note(note.id.clone())));
        }
    }
    let mut claims: Vec<(Option<ByteSpan>, ItemKey)> = Vec::new();
    for (i, claim) in analysis.claims.iter().enumerate() {
        let note = claim_note(state, claim).map(|p| &p.note);
        let verdict = note.and_then(|n| n.verdict.as_ref());
        let label = verdict.map_or("", |v| state.verdict_label(v));
        let found = || {
            matches(&format!(
                "claim {} {} {}",
                claim.kind.as_str(),
                state.doc.slice(claim.span),
                label
            ))
        };
        if verdict_ok(verdict) && (query.tag.is_none() || tag_ok(note)) && (!searching || found()) {
            claims.push((Some(claim.span), ItemKey::Claim(i)));
        }
    }
    let mut entities: Vec<(Option<ByteSpan>, ItemKey)> = Vec::new();
    if !filtered {
        let mut seen: FxHashMap<(String, Label), ()> = FxHashMap::default();
        for (i, e) in analysis.entities.iter().enumerate() {
            let Some(group) = entity_group(state, analysis, i) else {
                continue;
            };
            if seen.insert(group.clone(), ()).is_some() {
                continue;
            }
            let found = || {
                matches(&format!(
                    "entity {} {} {}",
                    group.0,
                    e.label.name(),
                    e.label.as_str()
                ))
            };
            if !searching || found() {
                entities.push((Some(e.span), ItemKey::Entity(i)));
            }
        }
    }
    let counts = Counts {
        notes: notes.len(),
        claims: claims.len(),
        entities: entities.len(),
    };
    let mut items = match panel {
        Panel::All => [notes, claims, entities].concat(),
        Panel::Notes => notes,
        Panel::Claims => claims,
        Panel::Entities => entities,
    };
    if panel == Panel::Claims && query.ranked {
        items.sort_by(|a, b| {
            let score = |k: &ItemKey| match k {
                ItemKey::Claim(i) => analysis.claims.get(*i).map_or(0.0, |c| c.score),
                _ => 0.0,
            };
            score(&b.1).total_cmp(&score(&a.1)).then(a.0.cmp(&b.0))
        });
    } else {
        // Document order, orphans last; at one position notes come first, then claims,
        // then entities (the order they were concatenated in: the sort is stable).
        items.sort_by_key(|(span, _)| match span {
            Some(s) => (0, s.start, std::cmp::Reverse(s.end)),
            None => (1, Default::default(), std::cmp::Reverse(Default::default())),
        });
    }
    Outline {
        items: items.into_iter().map(|(_, key)| key).collect(),
        counts,
    }
}

/// Everything a search can find in a note.
fn note_haystack(state: &AppState, note: &Note) -> String {
    let mut parts = vec![
        "note".to_string(),
        note.target.quote.exact.clone(),
        note.body.clone(),
        note.tags.join(" "),
        note.author.clone().unwrap_or_default(),
    ];
    if let Some(v) = &note.verdict {
        parts.push(state.verdict_label(v).to_string());
    }
    for e in &note.evidence {
        parts.extend([e.url.clone(), e.title.clone(), e.quote.clone()]);
    }
    for r in &note.replies {
        parts.push(r.body.clone());
        parts.push(r.author.clone().unwrap_or_default());
    }
    parts.join("\n")
}

/// The item after (or before) `current` in `items`; the first (or last) when there is no
/// current item or it is no longer listed. `only` keeps to items it accepts (claims, for
/// "next claim").
pub fn step(
    items: &[ItemKey],
    current: Option<&ItemKey>,
    forward: bool,
    only: impl Fn(&ItemKey) -> bool,
) -> Option<ItemKey> {
    let at = current.and_then(|c| items.iter().position(|k| k == c));
    let candidates: Vec<(usize, &ItemKey)> =
        items.iter().enumerate().filter(|(_, k)| only(k)).collect();
    let next = match (at, forward) {
        (None, true) => candidates.first(),
        (None, false) => candidates.last(),
        (Some(at), true) => candidates.iter().find(|(i, _)| *i > at),
        (Some(at), false) => candidates.iter().rev().find(|(i, _)| *i < at),
    };
    next.map(|(_, k)| (*k).clone())
}
