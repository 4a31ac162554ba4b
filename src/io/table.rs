//! CSV: one row per annotation, for spreadsheets and scripts.
//!
//! Columns: `quote,start,end,type,note,tags,verdict,evidence,author,created`, then
//! `modified,id,prefix,suffix,reply_to` so that a file Glossa wrote comes back whole.
//! `start` and `end` count Unicode code points. `type` is `note`, `reply` (the row of a reply:
//! its note's passage, the reply's text, and the note's id in `reply_to`), or an entity label
//! (`PERSON`, `PLACE`, …) when detected entities are included. `tags` are comma-separated,
//! `verdict` is the verdict's name, `evidence` the addresses separated by spaces.
//!
//! A cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or carriage
//! return) is written with a leading `'`, which reading takes off again.

use crate::analysis::Entity;
use crate::io::bundle::Article;
use crate::io::w3c::{content_id, key_from_label, IncomingNote, LooseReply, ReadNotes, MAX_ITEMS};
use crate::model::{
    parse_tags, Evidence, Note, NoteId, Reply, Target, TextPositionSelector, TextQuoteSelector,
    Timestamp, VerdictTerm,
};
use crate::text::offsets::span_to_code_points;
use crate::text::CodePointOffset;

/// The columns, in order.
pub const COLUMNS: [&str; 15] = [
    "quote", "start", "end", "type", "note", "tags", "verdict", "evidence", "author", "created",
    "modified", "id", "prefix", "suffix", "reply_to",
];

fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell as written: guarded when a spreadsheet would take it for a formula.
///
/// ```
/// use glossa::io::table::{guard, unguard};
/// assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(unguard(&guard("'=1")), "'=1");
/// assert_eq!(guard("plain"), "plain");
/// ```
pub fn guard(s: &str) -> String {
    if formula_like(s)
        || s.strip_prefix('\'')
            .is_some_and(|r| formula_like(r) || r.starts_with('\''))
    {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A cell as read: the inverse of [`guard`].
pub fn unguard(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) || rest.starts_with('\'') => rest.to_string(),
        _ => s.to_string(),
    }
}

/// The rows of one or more articles as CSV text (with a header row).
pub fn write(articles: &[(&Article, &[Entity])]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(COLUMNS);
    for (article, entities) in articles {
        let verdict_label = |key: &Option<String>| {
            key.as_ref().map_or(String::new(), |k| {
                article
                    .annotations
                    .verdict(k)
                    .map_or(k.clone(), |t| t.label.clone())
            })
        };
        for note in &article.annotations.notes {
            let q = &note.target.quote;
            let p = note.target.position;
            let evidence: Vec<&str> = note.evidence.iter().map(|e| e.url.as_str()).collect();
            let row = [
                q.exact.clone(),
                p.start.0.to_string(),
                p.end.0.to_string(),
                "note".into(),
                note.body.clone(),
                note.tags.join(", "),
                verdict_label(&note.verdict),
                evidence.join(" "),
                note.author.clone().unwrap_or_default(),
                note.created.0.clone(),
                note.modified.0.clone(),
                note.id.0.clone(),
                q.prefix.clone(),
                q.suffix.clone(),
                String::new(),
            ];
            let _ = out.write_record(row.iter().map(|c| guard(c)));
            for reply in &note.replies {
                let row = [
                    q.exact.clone(),
                    p.start.0.to_string(),
                    p.end.0.to_string(),
                    "reply".into(),
                    reply.body.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    reply.author.clone().unwrap_or_default(),
                    reply.created.0.clone(),
                    reply.created.0.clone(),
                    reply.id.0.clone(),
                    String::new(),
                    String::new(),
                    note.id.0.clone(),
                ];
                let _ = out.write_record(row.iter().map(|c| guard(c)));
            }
        }
        for entity in entities.iter() {
            let span = span_to_code_points(&article.text, entity.span);
            let target = crate::anchor::describe(&article.text, entity.span);
            let row = [
                target.quote.exact,
                span.start.0.to_string(),
                span.end.0.to_string(),
                entity.label.as_str().to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                target.quote.prefix,
                target.quote.suffix,
                String::new(),
            ];
            let _ = out.write_record(row.iter().map(|c| guard(c)));
        }
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Reads CSV with (at least) a `quote` column; rows it cannot use are listed with why.
pub fn read(text: &str, now: &Timestamp) -> Result<ReadNotes, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("its first line is not a CSV header ({e})"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(quote_col) = column("quote") else {
        return Err("it has no “quote” column (Glossa reads the CSV it writes: quote,start,end,type,note,…)".into());
    };
    let cols: Vec<Option<usize>> = COLUMNS.iter().map(|c| column(c)).collect();
    let mut out = ReadNotes {
        format: "CSV",
        ..Default::default()
    };
    let mut replies = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let which = format!("row {}", i + 2);
        if i >= MAX_ITEMS {
            out.rejected
                .push(format!("{which} and after: more than {MAX_ITEMS} rows"));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.rejected.push(format!("{which}: {e}"));
                continue;
            }
        };
        let cell = |name: &str| -> String {
            let index = COLUMNS
                .iter()
                .position(|c| *c == name)
                .and_then(|i| cols[i]);
            index
                .and_then(|i| record.get(i))
                .map(unguard)
                .unwrap_or_default()
        };
        let quote = record.get(quote_col).map(unguard).unwrap_or_default();
        let kind = cell("type");
        let created = Some(cell("created"))
            .filter(|c| !c.trim().is_empty())
            .map(Timestamp)
            .unwrap_or_else(|| now.clone());
        let author = Some(cell("author").trim().to_string()).filter(|a| !a.is_empty());
        if kind == "reply" {
            let parent = cell("reply_to");
            let id = cell("id");
            if parent.is_empty() || id.is_empty() {
                out.rejected
                    .push(format!("{which}: a reply needs its id and reply_to"));
                continue;
            }
            replies.push(LooseReply {
                parent: NoteId(parent),
                reply: Reply {
                    id: NoteId(id),
                    body: cell("note"),
                    author,
                    created,
                },
            });
            continue;
        }
        if !kind.is_empty() && kind != "note" {
            if kind.chars().all(|c| c.is_ascii_uppercase()) {
                out.skipped.push(format!(
                    "{which}: a detected {kind} (Glossa finds entities itself)"
                ));
            } else {
                out.rejected.push(format!(
                    "{which}: unknown type “{}”",
                    crate::io::bundle::short(&kind)
                ));
            }
            continue;
        }
        if quote.is_empty() {
            out.rejected.push(format!("{which}: its quote is empty"));
            continue;
        }
        let position = match (
            cell("start").trim().parse::<usize>(),
            cell("end").trim().parse::<usize>(),
        ) {
            (Ok(s), Ok(e)) if s <= e => Some((s, e)),
            _ => None,
        };
        let body = cell("note");
        let id = Some(cell("id"))
            .filter(|i| !i.trim().is_empty())
            .map(NoteId)
            .unwrap_or_else(|| content_id(&quote, &body, author.as_deref()));
        let mut evidence = Vec::new();
        for url in cell("evidence").split_whitespace() {
            match Evidence::checked(url, "", "", "") {
                Ok(e) => evidence.push(e),
                Err(why) => out.rejected.push(format!(
                    "{which}: evidence “{}” left out: {why}",
                    crate::io::bundle::short(url)
                )),
            }
        }
        let verdict_label = cell("verdict").trim().to_string();
        let verdict = (!verdict_label.is_empty()).then(|| VerdictTerm {
            key: key_from_label(&verdict_label),
            label: verdict_label,
            rating: None,
        });
        let modified = Some(cell("modified"))
            .filter(|m| !m.trim().is_empty())
            .map(Timestamp)
            .unwrap_or_else(|| created.clone());
        let note = Note {
            id,
            target: Target {
                quote: TextQuoteSelector {
                    exact: quote,
                    prefix: cell("prefix"),
                    suffix: cell("suffix"),
                },
                position: TextPositionSelector {
                    start: CodePointOffset(position.map_or(0, |p| p.0)),
                    end: CodePointOffset(position.map_or(0, |p| p.1)),
                },
            },
            body,
            created,
            modified,
            author,
            tags: parse_tags(&cell("tags")),
            verdict: verdict.as_ref().map(|v| v.key.clone()),
            evidence,
            replies: Vec::new(),
        };
        out.notes.push(IncomingNote {
            note,
            source: None,
            verdict,
            positions_trusted: position.is_some(),
        });
    }
    for loose in replies {
        match out.notes.iter_mut().find(|n| n.note.id == loose.parent) {
            Some(n) => n.note.replies.push(loose.reply),
            None => out.loose_replies.push(loose),
        }
    }
    Ok(out)
}
