//! The fact-check report, as Markdown and as a printable HTML page: the article's metadata,
//! a count of verdicts, then each checked claim in document order with its verdict, note,
//! evidence and replies; then the other notes, the claims analysis found that nobody has
//! checked yet, and notes whose passage is no longer in the text.
//!
//! Everything the reader typed is escaped: a note cannot add markup, links or script to the
//! report. Links come only from evidence, which is checked to be a web address.

use std::fmt::Write;

use crate::analysis::Claim;
use crate::anchor::Anchorer;
use crate::io::bundle::{Article, GENERATOR};
use crate::model::{Note, Timestamp};
use crate::text::ByteSpan;

/// An article's notes in the order their passages come in the text; notes whose passage is
/// not found come last, oldest first.
pub fn in_document_order(article: &Article) -> Vec<&Note> {
    placed(article).into_iter().map(|(n, _)| n).collect()
}

fn placed(article: &Article) -> Vec<(&Note, Option<ByteSpan>)> {
    let anchorer = Anchorer::new(&article.text);
    let mut notes: Vec<(&Note, Option<ByteSpan>)> = article
        .annotations
        .notes
        .iter()
        .map(|n| (n, anchorer.anchor(&n.target).span()))
        .collect();
    notes.sort_by(|(a, sa), (b, sb)| match (sa, sb) {
        (Some(x), Some(y)) => (x.start, x.end)
            .cmp(&(y.start, y.end))
            .then_with(|| a.created.cmp(&b.created)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.created.cmp(&b.created),
    });
    notes
}

/// What the report says, before it is written in one format or the other.
struct Report<'a> {
    article: &'a Article,
    checked: Vec<&'a Note>,
    other: Vec<&'a Note>,
    lost: Vec<&'a Note>,
    unchecked: Vec<&'a str>,
    /// (verdict name, how many claims) in the vocabulary's order.
    tally: Vec<(String, usize)>,
}

impl<'a> Report<'a> {
    fn new(article: &'a Article, claims: &[Claim]) -> Report<'a> {
        let placed = placed(article);
        let spans: Vec<ByteSpan> = placed.iter().filter_map(|(_, s)| *s).collect();
        let mut checked = Vec::new();
        let mut other = Vec::new();
        let mut lost = Vec::new();
        for (note, span) in &placed {
            match (span, &note.verdict) {
                (None, _) => lost.push(*note),
                (Some(_), Some(_)) => checked.push(*note),
                (Some(_), None) => other.push(*note),
            }
        }
        let unchecked = claims
            .iter()
            .filter(|c| !spans.iter().any(|s| s.overlaps(c.span)))
            .filter_map(|c| article.text.get(c.span.start.0..c.span.end.0))
            .collect();
        let tally = article
            .annotations
            .verdicts
            .iter()
            .map(|t| {
                let n = checked
                    .iter()
                    .filter(|n| n.verdict.as_deref() == Some(&t.key))
                    .count();
                (t.label.clone(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        Report {
            article,
            checked,
            other,
            lost,
            unchecked,
            tally,
        }
    }

    /// “3 claims checked, 2 other notes, 1 claim found by analysis not yet checked.”
    fn summary(&self) -> String {
        use crate::io::import::counted;
        format!(
            "{} checked, {}, {} found by analysis not yet checked.",
            counted(self.checked.len(), "claim", "claims"),
            counted(self.other.len(), "other note", "other notes"),
            counted(self.unchecked.len(), "claim", "claims"),
        )
    }

    fn verdict_line(&self, note: &Note) -> String {
        let key = note.verdict.as_deref().unwrap_or("");
        match self.article.annotations.verdict(key) {
            Some(t) => match t.rating {
                Some(r) => format!("{} (rating {r} of 5)", t.label),
                None => t.label.clone(),
            },
            None => key.to_string(),
        }
    }

    fn metadata(&self) -> Vec<(&'static str, String)> {
        let m = &self.article.meta;
        let mut out = Vec::new();
        if let Some(url) = m.url() {
            out.push(("Source", url.to_string()));
        }
        for (label, value) in [
            ("Site", &m.site_name),
            ("By", &m.byline),
            ("Published", &m.published),
        ] {
            if let Some(v) = value {
                out.push((label, v.clone()));
            }
        }
        out.push(("Text SHA-256", self.article.content_hash()));
        out
    }
}

fn by(note: &Note) -> String {
    let day: String = note.modified.0.chars().take(10).collect();
    match &note.author {
        Some(a) => format!("{a}, {day}"),
        None => day,
    }
}

/// Markdown text with the characters that would make markup or links escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for a Markdown link target: characters that would end it are percent-encoded.
fn md_url(url: &str) -> String {
    url.replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20")
}

/// The report as Markdown.
pub fn markdown(article: &Article, claims: &[Claim], generated: &Timestamp) -> String {
    let r = Report::new(article, claims);
    let mut out = String::new();
    let _ = writeln!(out, "# Fact-check report: {}\n", md(&article.meta.title));
    for (label, value) in r.metadata() {
        let _ = writeln!(out, "- **{label}:** {}", md(&value));
    }
    let _ = writeln!(
        out,
        "- **Report made:** {} by {GENERATOR}\n",
        md(&generated.0)
    );
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "{}\n", md(&r.summary()));
    if !r.tally.is_empty() {
        let _ = writeln!(out, "| Verdict | Claims |\n|---|---|");
        for (label, n) in &r.tally {
            let _ = writeln!(out, "| {} | {n} |", md(label));
        }
        out.push('\n');
    }
    let note_md = |out: &mut String, i: usize, note: &Note, verdict: Option<String>| {
        let _ = writeln!(out, "### {i}. “{}”\n", md(&note.target.quote.exact));
        if let Some(v) = verdict {
            let _ = writeln!(out, "**Verdict: {}** · {}\n", md(&v), md(&by(note)));
        } else {
            let _ = writeln!(out, "*{}*\n", md(&by(note)));
        }
        if !note.body.is_empty() {
            for line in note.body.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "> {}", md(line));
            }
            out.push('\n');
        }
        if !note.tags.is_empty() {
            let tags: Vec<String> = note.tags.iter().map(|t| md(t)).collect();
            let _ = writeln!(out, "Tags: {}\n", tags.join(", "));
        }
        if !note.evidence.is_empty() {
            let _ = writeln!(out, "Evidence:\n");
            for e in &note.evidence {
                let title = if e.title.is_empty() { &e.url } else { &e.title };
                let _ = write!(out, "- [{}]({})", md(title), md_url(&e.url));
                if !e.quote.is_empty() {
                    let _ = write!(out, ": “{}”", md(&e.quote));
                }
                if !e.accessed.is_empty() {
                    let _ = write!(out, " (read {})", md(&e.accessed));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        if !note.replies.is_empty() {
            let _ = writeln!(out, "Replies:\n");
            for reply in &note.replies {
                let who = reply.author.as_deref().unwrap_or("Someone");
                let day: String = reply.created.0.chars().take(10).collect();
                let _ = writeln!(out, "- {} ({}): {}", md(who), md(&day), md(&reply.body));
            }
            out.push('\n');
        }
    };
    let _ = writeln!(out, "## Checked claims\n");
    if r.checked.is_empty() {
        let _ = writeln!(out, "No claim has a verdict yet.\n");
    }
    for (i, note) in r.checked.iter().enumerate() {
        note_md(&mut out, i + 1, note, Some(r.verdict_line(note)));
    }
    if !r.other.is_empty() {
        let _ = writeln!(out, "## Other notes\n");
        for (i, note) in r.other.iter().enumerate() {
            note_md(&mut out, i + 1, note, None);
        }
    }
    if !r.unchecked.is_empty() {
        let _ = writeln!(out, "## Claims not yet checked\n");
        for claim in &r.unchecked {
            let _ = writeln!(out, "- {}", md(claim));
        }
        out.push('\n');
    }
    if !r.lost.is_empty() {
        let _ = writeln!(out, "## Notes whose passage is no longer in the text\n");
        for (i, note) in r.lost.iter().enumerate() {
            let verdict = note.verdict.as_ref().map(|_| r.verdict_line(note));
            note_md(&mut out, i + 1, note, verdict);
        }
    }
    out
}

/// Text escaped for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const PRINT_STYLE: &str = "body{font:16px/1.5 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}\
h3{font-size:1rem;font-weight:normal;font-style:italic}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.9rem}\
dl.meta dt{font-weight:bold}dl.meta dd{margin:0;overflow-wrap:anywhere}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .6rem;text-align:left}\
.verdict{font-weight:bold}.by{color:#555;font-size:.9rem}blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #999;white-space:pre-wrap}\
section.claim{break-inside:avoid;margin-bottom:1.2rem}article.report+article.report{break-before:page;border-top:2px solid #999;margin-top:3rem}a{color:#0645ad;overflow-wrap:anywhere}\
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}a[href]::after{content:\" (\" attr(href) \")\";font-size:.8em}}";

/// The report as a complete, self-contained HTML page that prints well.
pub fn html(article: &Article, claims: &[Claim], generated: &Timestamp) -> String {
    html_page(&[(article, claims)], generated)
}

/// The reports of several articles on one printable page, each starting on a new sheet.
pub fn html_page(articles: &[(&Article, &[Claim])], generated: &Timestamp) -> String {
    let e = html_escape;
    let lang = articles
        .first()
        .and_then(|(a, _)| a.meta.lang.as_deref())
        .unwrap_or("en");
    let title = match articles {
        [(a, _)] => a.meta.title.clone(),
        _ => format!("{} articles", articles.len()),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"{}\">\
         <title>Fact-check report: {}</title><style>{PRINT_STYLE}</style></head><body>\n",
        e(lang),
        e(GENERATOR),
        e(&title)
    );
    for (article, claims) in articles {
        out.push_str("<article class=\"report\">\n");
        html_body(&mut out, article, claims, generated);
        out.push_str("</article>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn html_body(out: &mut String, article: &Article, claims: &[Claim], generated: &Timestamp) {
    let r = Report::new(article, claims);
    let e = html_escape;
    let _ = writeln!(
        out,
        "<h1>Fact-check report: <span dir=\"auto\">{}</span></h1>",
        e(&article.meta.title)
    );
    out.push_str("<dl class=\"meta\">");
    for (label, value) in r.metadata() {
        let _ = write!(out, "<dt>{label}</dt><dd dir=\"auto\">{}</dd>", e(&value));
    }
    let _ = writeln!(
        out,
        "<dt>Report made</dt><dd>{} by {}</dd></dl>",
        e(&generated.0),
        e(GENERATOR)
    );
    let _ = writeln!(out, "<h2>Summary</h2><p>{}</p>", e(&r.summary()));
    if !r.tally.is_empty() {
        out.push_str("<table><thead><tr><th>Verdict</th><th>Claims</th></tr></thead><tbody>");
        for (label, n) in &r.tally {
            let _ = write!(out, "<tr><td>{}</td><td>{n}</td></tr>", e(label));
        }
        out.push_str("</tbody></table>\n");
    }
    let note_html = |out: &mut String, note: &Note, verdict: Option<String>| {
        out.push_str("<section class=\"claim\">");
        let _ = write!(
            out,
            "<h3 dir=\"auto\">“{}”</h3>",
            e(&note.target.quote.exact)
        );
        if let Some(v) = verdict {
            let _ = write!(
                out,
                "<p><span class=\"verdict\">Verdict: {}</span> <span class=\"by\">· {}</span></p>",
                e(&v),
                e(&by(note))
            );
        } else {
            let _ = write!(out, "<p class=\"by\">{}</p>", e(&by(note)));
        }
        if !note.body.is_empty() {
            let _ = write!(
                out,
                "<blockquote dir=\"auto\">{}</blockquote>",
                e(&note.body)
            );
        }
        if !note.tags.is_empty() {
            let _ = write!(out, "<p>Tags: {}</p>", e(&note.tags.join(", ")));
        }
        if !note.evidence.is_empty() {
            out.push_str("<p>Evidence:</p><ul>");
            for ev in &note.evidence {
                let title = if ev.title.is_empty() {
                    &ev.url
                } else {
                    &ev.title
                };
                let _ = write!(
                    out,
                    "<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    e(&ev.url),
                    e(title)
                );
                if !ev.quote.is_empty() {
                    let _ = write!(out, ": “{}”", e(&ev.quote));
                }
                if !ev.accessed.is_empty() {
                    let _ = write!(out, " (read {})", e(&ev.accessed));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        if !note.replies.is_empty() {
            out.push_str("<p>Replies:</p><ul>");
            for reply in &note.replies {
                let who = reply.author.as_deref().unwrap_or("Someone");
                let day: String = reply.created.0.chars().take(10).collect();
                let _ = write!(
                    out,
                    "<li><b>{}</b> ({}): <span dir=\"auto\">{}</span></li>",
                    e(who),
                    e(&day),
                    e(&reply.body)
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</section>\n");
    };
    out.push_str("<h2>Checked claims</h2>\n");
    if r.checked.is_empty() {
        out.push_str("<p>No claim has a verdict yet.</p>\n");
    }
    for note in &r.checked {
        note_html(out, note, Some(r.verdict_line(note)));
    }
    if !r.other.is_empty() {
        out.push_str("<h2>Other notes</h2>\n");
        for note in &r.other {
            note_html(out, note, None);
        }
    }
    if !r.unchecked.is_empty() {
        out.push_str("<h2>Claims not yet checked</h2><ul>");
        for claim in &r.unchecked {
            let _ = write!(out, "<li dir=\"auto\">{}</li>", e(claim));
        }
        out.push_str("</ul>\n");
    }
    if !r.lost.is_empty() {
        out.push_str("<h2>Notes whose passage is no longer in the text</h2>\n");
        for note in &r.lost {
            let verdict = note.verdict.as_ref().map(|_| r.verdict_line(note));
            note_html(out, note, verdict);
        }
    }
}
