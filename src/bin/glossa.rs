//! `glossa`: Glossa's core on the command line, for batch work and pipelines.
//!
//! ```text
//! glossa analyze FILE     entities, claims and boilerplate as JSON (offsets in code points)
//! glossa analyze -        the same for standard input
//! glossa extract PAGE      the article in a saved web page: title, blank line, text blocks
//! glossa extract --json PAGE   the same with its metadata, as JSON
//! ```

use std::io::Read;
use std::process::ExitCode;

use glossa::analysis::analyze;
use glossa::extract::extract_html;
use glossa::io::load::{decode, LoadError};
use glossa::text::ByteSpan;
use serde::Serialize;

const USAGE: &str = "usage: glossa analyze FILE|-\n       glossa extract [--json] FILE.html|-\n\n\
  analyze   print the entities, checkable claims and page chrome of a UTF-8 text file as JSON;\n\
            offsets are Unicode code points into the file's text, end exclusive\n\
  extract   print the article in a web page: its title, a blank line, then its text blocks\n\
            separated by blank lines; --json prints the metadata and typed blocks as JSON";

#[derive(Serialize)]
struct Out<'a> {
    unit: &'static str,
    entities: Vec<EntityOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    boilerplate: Vec<SpanOut>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical: Option<String>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
    cue: SpanOut,
    hedged: bool,
    score: f32,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["analyze", path] => finish(read(path).and_then(|text| render(&text))),
        ["extract", path] => finish(read(path).and_then(|html| extract(&html, false))),
        ["extract", "--json", path] | ["extract", path, "--json"] => {
            finish(read(path).and_then(|html| extract(&html, true)))
        }
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("glossa: {message}");
            ExitCode::from(1)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let name = if path == "-" { "standard input" } else { path };
    decode(&bytes).map_err(|e| match e {
        LoadError::NotUtf8 { .. } => format!("{name}: {e} (for example with iconv)"),
        _ => format!("{name}: {e}"),
    })
}

fn extract(html: &str, json: bool) -> Result<String, String> {
    let page = extract_html(html, None).map_err(|e| e.to_string())?;
    if json {
        #[derive(Serialize)]
        struct PageOut<'a> {
            #[serde(flatten)]
            page: &'a glossa::extract::Extracted,
            text: String,
        }
        let out = PageOut {
            text: page.article_text(),
            page: &page,
        };
        return serde_json::to_string_pretty(&out).map_err(|e| format!("cannot write JSON: {e}"));
    }
    let blocks: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
    Ok(format!("{}\n\n{}", page.title, blocks.join("\n\n")))
}

fn render(text: &str) -> Result<String, String> {
    let analysis = analyze(text);
    let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let cp = |byte: usize| char_starts.partition_point(|&b| b < byte);
    let span = |s: ByteSpan| SpanOut {
        start: cp(s.start.0),
        end: cp(s.end.0),
    };
    let slice = |s: ByteSpan| &text[s.start.0..s.end.0];
    let out = Out {
        unit: "codepoint",
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityOut {
                start: cp(e.span.start.0),
                end: cp(e.span.end.0),
                label: e.label.as_str(),
                text: slice(e.span),
                canonical: e.canonical.clone(),
            })
            .collect(),
        claims: analysis
            .claims
            .iter()
            .map(|c| ClaimOut {
                start: cp(c.span.start.0),
                end: cp(c.span.end.0),
                kind: c.kind.as_str(),
                text: slice(c.span),
                cue: span(c.cue),
                hedged: c.hedged,
                score: c.score,
            })
            .collect(),
        boilerplate: analysis.boilerplate.iter().map(|&b| span(b)).collect(),
    };
    serde_json::to_string_pretty(&out).map_err(|e| format!("cannot write JSON: {e}"))
}
