//! `glossa`: Glossa's core on the command line, for batch work and pipelines.
//!
//! ```text
//! glossa analyze FILE     entities, claims and boilerplate as JSON (offsets in code points)
//! glossa analyze -        the same for standard input
//! glossa extract PAGE      the article in a saved web page: title, blank line, text blocks
//! glossa extract --json PAGE   the same with its metadata, as JSON
//! glossa export --format w3c|claimreview|csv|jsonl|markdown|html|bundle [--entities] [-o OUT] BUNDLE|ARTICLE
//! glossa import (--into BUNDLE | --article FILE) [--take-theirs] [-o OUT] FILE...
//! glossa validate FILE.jsonld  check W3C Web Annotation or schema.org ClaimReview JSON-LD
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use glossa::analysis::analyze;
use glossa::extract::extract_html;
use glossa::io::load::{decode, LoadError};
use glossa::text::ByteSpan;
use serde::Serialize;

const USAGE: &str = concat!(
    "usage: glossa analyze FILE|-\n",
    "       glossa extract [--json] FILE.html|-\n",
    "       glossa export --format w3c|claimreview|csv|jsonl|markdown|html|bundle [--entities] [-o OUT] BUNDLE|ARTICLE\n",
    "       glossa import (--into BUNDLE | --article FILE) [--take-theirs] [-o OUT] FILE...\n",
    "       glossa validate FILE\n",
    "       glossa score [--threshold 0.5] [--csv] KEY SUBMISSION...\n",
    "       glossa exercise [--title T] [--instructions TEXT] [--task TASK]... [--show-highlights]\n",
    "                       [--immediate-feedback] [-o OUT] BUNDLE|ARTICLE\n",
    "\n",
    "  analyze   print the entities, checkable claims and page chrome of a UTF-8 text file as JSON;\n",
    "            offsets are Unicode code points into the file's text, end exclusive\n",
    "  extract   print the article in a web page: its title, a blank line, then its text blocks\n",
    "            separated by blank lines; --json prints the metadata and typed blocks as JSON\n",
    "  export    write a Glossa bundle (or a plain article: text or a saved web page) in another\n",
    "            format; --entities adds the detected entities to w3c and csv\n",
    "  import    merge annotation files (a Glossa bundle, W3C Web Annotation or Hypothesis JSON,\n",
    "            Glossa's CSV) into a bundle, or into a new bundle made from an article; notes are\n",
    "            placed by their quotes; prints what it did on standard error and the bundle on\n",
    "            standard output (or OUT); a file it cannot read stops it before anything is written\n",
    "  validate  check a W3C Web Annotation or ClaimReview file against its model\n",
    "  score     score students' work on an article (submission files, or bundles, W3C or CSV\n",
    "            files) against the teacher's key (an exercise file, or a bundle of that article):\n",
    "            per student, per key item, agreement; a submission for another exercise or\n",
    "            article, or changed after it was submitted, is not scored and says why;\n",
    "            --csv prints the class results as CSV; --threshold sets the overlap a mark needs\n",
    "  exercise  make a classroom exercise file from a bundle of one annotated article (its\n",
    "            notes are the answer key) with instructions, tasks and what students see",
);

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
        ["export", rest @ ..] => finish(exchange::export(rest)),
        ["import", rest @ ..] => finish(exchange::import(rest)),
        ["validate", path] => finish(read_raw(path).and_then(|raw| validate(&raw))),
        ["score", rest @ ..] => finish(exchange::score(rest)),
        ["exercise", rest @ ..] => finish(exchange::exercise(rest)),
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
            if out.is_empty() {
                return ExitCode::SUCCESS;
            }
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // A reader that stopped early (`glossa analyze … | head`) is not an error to
                // report, and never a panic.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("glossa: cannot write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        // Wrong arguments come with the usage, and exit 2 like any other usage error.
        Err(message) if message.ends_with(USAGE) => {
            eprintln!("glossa: {message}");
            ExitCode::from(2)
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

mod exchange {
    use super::*;
    use glossa::io::bundle::{self, Article, ArticleMeta};
    use glossa::io::export::{export as write_format, Format};
    use glossa::io::import::{self, BundleMerge, Parsed};
    use glossa::io::load::{load_bytes, Source};
    use glossa::model::Timestamp;

    /// Now, or `GLOSSA_NOW` when set (for reproducible files).
    pub fn now() -> Timestamp {
        Timestamp(std::env::var("GLOSSA_NOW").unwrap_or_else(|_| {
            humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
        }))
    }

    /// The articles in a bundle, or a plain article (text or web page) with no notes.
    pub fn articles(path: &str) -> Result<Vec<Article>, String> {
        let bytes = read_raw(path)?;
        let looks_json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if looks_json {
            if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                if value.get("glossa").is_some() {
                    let read = bundle::read(value).map_err(|e| format!("{path}: {e}"))?;
                    for why in &read.rejected {
                        eprintln!("glossa: {path}: left out {why}");
                    }
                    if read.articles.is_empty() {
                        return Err(format!(
                            "{path}: the bundle holds no article Glossa can read"
                        ));
                    }
                    return Ok(read.articles);
                }
            }
        }
        let loaded = load_bytes(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
        let meta = ArticleMeta {
            title: loaded.title.clone(),
            source: Source::File(path.rsplit('/').next().unwrap_or(path).to_string()),
            byline: loaded.byline.clone(),
            published: loaded.published.clone(),
            site_name: loaded.site_name.clone(),
            lang: loaded.lang.clone(),
            dir: loaded.dir.clone(),
            added: now(),
        };
        Ok(vec![Article::new(meta, &loaded.text)])
    }

    pub fn export(args: &[&str]) -> Result<String, String> {
        let mut format = None;
        let mut entities = false;
        let mut out = None;
        let mut input = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match *arg {
                "--format" | "-f" => {
                    let name = args
                        .next()
                        .ok_or(format!("--format needs a format\n{USAGE}"))?;
                    format = Some(Format::parse(name).ok_or_else(|| {
                        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                        format!(
                            "unknown format {name}; choose one of {}\n{USAGE}",
                            names.join(", ")
                        )
                    })?);
                }
                "--entities" => entities = true,
                "-o" | "--output" => {
                    out = Some(
                        *args
                            .next()
                            .ok_or(format!("-o needs a file name\n{USAGE}"))?,
                    )
                }
                path if input.is_none() => input = Some(path),
                extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
            }
        }
        let format = format.ok_or(format!("say which --format\n{USAGE}"))?;
        let input = input.ok_or(format!("say which bundle or article to export\n{USAGE}"))?;
        let articles = articles(input)?;
        let items: Vec<(&Article, Option<&glossa::analysis::Analysis>)> =
            articles.iter().map(|a| (a, None)).collect();
        let text = write_format(format, &items, entities, &now());
        deliver(out, text)
    }

    fn deliver(out: Option<&str>, text: String) -> Result<String, String> {
        match out {
            Some(path) => {
                let text = format!("{}\n", text.trim_end_matches('\n'));
                std::fs::write(path, &text).map_err(|e| format!("cannot write {path}: {e}"))?;
                eprintln!("glossa: wrote {path} ({} bytes)", text.len());
                Ok(String::new())
            }
            None => Ok(text.trim_end_matches('\n').to_string()),
        }
    }

    pub fn import(args: &[&str]) -> Result<String, String> {
        let mut base: Option<Vec<Article>> = None;
        let mut take_theirs = false;
        let mut out = None;
        let mut files: Vec<&str> = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match *arg {
                "--into" | "--article" => {
                    let path = args.next().ok_or(format!("{arg} needs a file\n{USAGE}"))?;
                    base = Some(articles(path)?);
                }
                "--take-theirs" => take_theirs = true,
                "-o" | "--output" => {
                    out = Some(
                        *args
                            .next()
                            .ok_or(format!("-o needs a file name\n{USAGE}"))?,
                    )
                }
                path => files.push(path),
            }
        }
        let mut articles = base.ok_or(format!(
            "say where the notes go: --into BUNDLE or --article FILE\n{USAGE}"
        ))?;
        if files.is_empty() {
            return Err(format!("say which files to import\n{USAGE}"));
        }
        let now = now();
        // Read every file first: one that cannot be read stops the import before any change.
        let mut parsed = Vec::new();
        for path in &files {
            let bytes = read_raw(path)?;
            let read = import::read(path, &bytes, &now).map_err(|e| format!("{path}: {e}"))?;
            parsed.push((path, read));
        }
        for (path, read) in parsed {
            match read {
                Parsed::Bundle(bundle) => {
                    for why in &bundle.rejected {
                        eprintln!("glossa: {path}: left out {why}");
                    }
                    for merge in import::merge_bundle(&mut articles, bundle.articles, take_theirs) {
                        match merge {
                            BundleMerge::Added { title, notes } => {
                                eprintln!("glossa: {path}: added “{title}” with {notes} note(s)")
                            }
                            BundleMerge::Merged { title, plan } => {
                                eprintln!("glossa: {path}: “{title}”: {}", plan.summary())
                            }
                        }
                    }
                }
                Parsed::Exercise(_) => {
                    return Err(format!("{path}: this is a classroom exercise, not notes to import (score students against it with glossa score)"))
                }
                Parsed::Submission(_) => {
                    return Err(format!("{path}: this is a student's submission, not notes to import (score it with glossa score EXERCISE SUBMISSION...)"))
                }
                Parsed::Notes(notes) => {
                    let index = target_article(&articles, &notes)
                        .ok_or(format!("{path}: the bundle holds several articles and the file does not say which one it annotates"))?;
                    let article = &mut articles[index];
                    for why in &notes.skipped {
                        eprintln!("glossa: {path}: skipped {why}");
                    }
                    let format = notes.format;
                    let plan = import::plan(&article.annotations, &article.text, notes);
                    for why in &plan.rejected {
                        eprintln!("glossa: {path}: left out {why}");
                    }
                    eprintln!("glossa: {path} ({format}): {}", plan.summary());
                    article.annotations = import::apply(&article.annotations, &plan, take_theirs);
                }
            }
        }
        deliver(out, bundle::write(&articles, &now))
    }

    /// `glossa score`: the class view of students' files against a key bundle.
    pub fn score(args: &[&str]) -> Result<String, String> {
        use glossa::exercise::class::class_report;
        use glossa::exercise::score::DEFAULT_THRESHOLD;
        let mut threshold = DEFAULT_THRESHOLD;
        let mut csv = false;
        let mut files: Vec<&str> = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match *arg {
                "--csv" => csv = true,
                "--threshold" => {
                    let value = args
                        .next()
                        .ok_or(format!("--threshold needs a number\n{USAGE}"))?;
                    threshold = value
                        .parse::<f64>()
                        .ok()
                        .filter(|t| (0.01..=0.9).contains(t))
                        .ok_or(format!(
                            "--threshold must be a number from 0.01 to 0.9\n{USAGE}"
                        ))?;
                }
                path => files.push(path),
            }
        }
        let [key_path, submissions @ ..] = files.as_slice() else {
            return Err(format!("say which key and which submissions\n{USAGE}"));
        };
        if submissions.is_empty() {
            return Err(format!("say which submissions to score\n{USAGE}"));
        }
        let (key, exercise_id) = key_of(key_path)?;
        if key.annotations.notes.is_empty() {
            return Err(format!("{key_path}: the key has no notes to score against"));
        }
        let now = now();
        let mut students: Vec<(String, Vec<glossa::model::Note>)> = Vec::new();
        for path in submissions {
            let bytes = read_raw(path)?;
            match glossa::exercise::class::check_submission(
                path,
                &bytes,
                &key,
                exercise_id.as_deref(),
                &now,
            ) {
                Ok(checked) => {
                    if let Some(warning) = &checked.warning {
                        eprintln!("glossa: {path}: {warning}");
                    }
                    students.push((checked.student, checked.notes))
                }
                Err(why) => eprintln!("glossa: {path}: not scored: {why}"),
            }
        }
        if students.is_empty() {
            return Err("no submission could be scored".into());
        }
        let report = class_report(&key.text, &key.annotations.notes, &students, threshold);
        Ok(if csv {
            report.csv(&key.text)
        } else {
            report.text(&key.text)
        })
    }

    /// The key: an exercise file (its article and key, and its id to check submissions
    /// against) or a bundle of one article whose notes are the key.
    fn key_of(path: &str) -> Result<(Article, Option<String>), String> {
        let bytes = read_raw(path)?;
        if let Ok(Parsed::Exercise(exercise)) = import::read(path, &bytes, &now()) {
            return Ok((exercise.article, Some(exercise.id)));
        }
        let mut keys = articles(path)?;
        if keys.len() != 1 {
            return Err(format!(
                "{path}: the key must be an exercise or a bundle of one article; this one holds {}",
                keys.len()
            ));
        }
        Ok((keys.remove(0), None))
    }

    /// `glossa exercise`: an exercise file made from an annotated article (its notes are the
    /// key).
    pub fn exercise(args: &[&str]) -> Result<String, String> {
        use glossa::exercise::file::{write_exercise, Exercise, FeedbackTiming};
        let mut title = None;
        let mut instructions = String::new();
        let mut tasks = Vec::new();
        let mut show_highlights = false;
        let mut feedback = FeedbackTiming::AfterSubmission;
        let mut out = None;
        let mut input = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |what: &str| {
                args.next()
                    .map(|v| v.to_string())
                    .ok_or(format!("{arg} needs {what}\n{USAGE}"))
            };
            match *arg {
                "--title" => title = Some(value("a title")?),
                "--instructions" => instructions = value("a text")?,
                "--task" => tasks.push(value("a task")?),
                "--show-highlights" => show_highlights = true,
                "--immediate-feedback" => feedback = FeedbackTiming::Immediate,
                "-o" => out = Some(value("a file name")?),
                path if input.is_none() && !path.starts_with("--") => input = Some(path),
                extra => return Err(format!("unexpected argument {extra}\n{USAGE}")),
            }
        }
        let input = input.ok_or(format!(
            "say which bundle or article the exercise is on\n{USAGE}"
        ))?;
        let mut found = articles(input)?;
        if found.len() != 1 {
            return Err(format!(
                "{input}: an exercise is on one article; this bundle holds {}",
                found.len()
            ));
        }
        let article = found.remove(0);
        if article.annotations.notes.is_empty() {
            eprintln!("glossa: {input}: the article has no notes, so the exercise has no key");
        }
        let title = title.unwrap_or_else(|| article.meta.title.clone());
        let mut exercise = Exercise::new(article, &title, now());
        exercise.instructions = instructions;
        exercise.tasks = tasks;
        exercise.settings.show_highlights = show_highlights;
        exercise.settings.feedback = feedback;
        deliver(out.as_deref(), write_exercise(&exercise))
    }

    fn target_article(articles: &[Article], notes: &glossa::io::w3c::ReadNotes) -> Option<usize> {
        if articles.len() == 1 {
            return Some(0);
        }
        let source = notes.notes.iter().find_map(|n| n.source.as_deref())?;
        articles.iter().position(|a| a.iri() == source)
    }
}

fn read_raw(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn validate(raw: &[u8]) -> Result<String, String> {
    use glossa::io::validate;
    let value: serde_json::Value =
        serde_json::from_slice(raw).map_err(|e| format!("not valid JSON ({e})"))?;
    let is_schema_org = value
        .get("@context")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|c| c.contains("schema.org"));
    let (kind, problems) = if is_schema_org {
        ("schema.org ClaimReview", validate::claim_review(&value))
    } else {
        ("W3C Web Annotation", validate::w3c(&value))
    };
    if problems.is_empty() {
        Ok(format!("valid {kind}"))
    } else {
        let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        Err(format!(
            "{} problem(s) against the {kind} model:\n{}",
            problems.len(),
            lines.join("\n")
        ))
    }
}
