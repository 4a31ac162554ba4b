//! W3C Web Annotation (JSON-LD) out of Glossa and back in, also from Hypothesis and Recogito.
//!
//! An article's notes become an `AnnotationCollection` whose single page lists, per note:
//!
//! * an `Annotation` targeting the article (its address, or `urn:sha256:<hash of text>`)
//!   with a `TextQuoteSelector` and a `TextPositionSelector` in Unicode code points;
//! * bodies by purpose: the note as `commenting`, each tag as `tagging`, the verdict as
//!   `assessing` (its key in the body's id, its rating as `schema:ratingValue`), each piece of
//!   evidence as `linking` (a `SpecificResource` on the source, the words that matter as a
//!   `TextQuoteSelector`, the day it was read as a `TimeState`, its title as `label`);
//! * each reply as an annotation of its own, motivated by `replying`, whose target is the
//!   note's annotation;
//! * on request, each detected entity as an annotation motivated by `identifying`.
//!
//! Every term used is defined by the published context <http://www.w3.org/ns/anno.jsonld>
//! (checked by [`crate::io::validate::w3c`]); Glossa's ids are `urn:glossa:…` IRIs.
//!
//! Reading takes a collection, a page, one annotation or a list of them, and Hypothesis's
//! own JSON (its API's `rows`). Positions written by other tools count UTF-16 code units or
//! refer to another rendering of the page, so imported notes are found again by their quote
//! (see [`crate::io::import`]).

use serde_json::{json, Map, Value};

use crate::analysis::Entity;
use crate::io::bundle::{Article, GENERATOR};
use crate::model::{
    Evidence, Note, NoteId, Reply, Target, TextPositionSelector, TextQuoteSelector, Timestamp,
    VerdictTerm,
};
use crate::text::offsets::span_to_code_points;
use crate::text::CodePointOffset;

/// The published context every Glossa W3C export names.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const NOTE_IRI: &str = "urn:glossa:note:";
const REPLY_IRI: &str = "urn:glossa:reply:";
const VERDICT_IRI: &str = "urn:glossa:verdict:";
const ENTITY_IRI: &str = "urn:glossa:entity:";

/// The IRI of a note or reply id: Glossa's own ids get a `urn:glossa:` prefix; ids that are
/// already IRIs (notes imported from Hypothesis) stay as they are, so they round-trip.
fn iri(prefix: &str, id: &NoteId) -> String {
    if id.0.contains(':') {
        id.0.clone()
    } else {
        format!("{prefix}{}", id.0)
    }
}

/// The note id an annotation IRI stands for (the inverse of [`iri`]).
fn id_of(iri: &str) -> NoteId {
    let id = iri
        .strip_prefix(NOTE_IRI)
        .or_else(|| iri.strip_prefix(REPLY_IRI))
        .unwrap_or(iri);
    NoteId(id.to_string())
}

fn creator(name: &Option<String>) -> Option<Value> {
    name.as_ref()
        .map(|name| json!({"type": "Person", "name": name}))
}

fn note_annotation(article_iri: &str, note: &Note, verdicts: &[VerdictTerm]) -> Value {
    let mut bodies = Vec::new();
    if !note.body.is_empty() {
        bodies.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note.body, "format": "text/plain"}));
    }
    for tag in &note.tags {
        bodies.push(json!({"type": "TextualBody", "purpose": "tagging", "value": tag}));
    }
    if let Some(key) = &note.verdict {
        let term = verdicts.iter().find(|t| &t.key == key);
        let mut body = json!({
            "id": format!("{VERDICT_IRI}{key}"),
            "type": "TextualBody",
            "purpose": "assessing",
            "value": term.map_or(key.as_str(), |t| t.label.as_str()),
        });
        if let Some(rating) = term.and_then(|t| t.rating) {
            body["schema:ratingValue"] = json!(rating);
        }
        bodies.push(body);
    }
    for evidence in &note.evidence {
        let mut body =
            json!({"type": "SpecificResource", "purpose": "linking", "source": evidence.url});
        if !evidence.title.is_empty() {
            body["label"] = json!(evidence.title);
        }
        if !evidence.quote.is_empty() {
            body["selector"] = json!({"type": "TextQuoteSelector", "exact": evidence.quote});
        }
        if !evidence.accessed.is_empty() {
            body["state"] = json!({"type": "TimeState", "sourceDate": format!("{}T00:00:00Z", evidence.accessed)});
        }
        bodies.push(body);
    }
    let motivation = if note.verdict.is_some() {
        "assessing"
    } else if !note.body.is_empty() {
        "commenting"
    } else if !note.tags.is_empty() {
        "tagging"
    } else if !note.evidence.is_empty() {
        "linking"
    } else {
        "highlighting"
    };
    let quote = &note.target.quote;
    let mut annotation = json!({
        "id": iri(NOTE_IRI, &note.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": note.created.0,
        "modified": note.modified.0,
        "target": {
            "source": article_iri,
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
                {"type": "TextPositionSelector", "start": note.target.position.start.0, "end": note.target.position.end.0},
            ],
        },
    });
    if let Some(c) = creator(&note.author) {
        annotation["creator"] = c;
    }
    if !bodies.is_empty() {
        annotation["body"] = Value::Array(bodies);
    }
    annotation
}

fn reply_annotation(parent: &Note, reply: &Reply) -> Value {
    let mut annotation = json!({
        "id": iri(REPLY_IRI, &reply.id),
        "type": "Annotation",
        "motivation": "replying",
        "created": reply.created.0,
        "body": {"type": "TextualBody", "purpose": "replying", "value": reply.body, "format": "text/plain"},
        "target": iri(NOTE_IRI, &parent.id),
    });
    if let Some(c) = creator(&reply.author) {
        annotation["creator"] = c;
    }
    annotation
}

fn entity_annotation(article: &Article, index: usize, entity: &Entity) -> Value {
    let span = span_to_code_points(&article.text, entity.span);
    let target = crate::anchor::describe(&article.text, entity.span);
    let q = &target.quote;
    json!({
        "id": format!("{ENTITY_IRI}{}:{index}", article.content_hash()),
        "type": "Annotation",
        "motivation": "identifying",
        "generator": {"type": "Software", "name": GENERATOR},
        "body": {"type": "TextualBody", "purpose": "identifying", "value": entity.label.as_str()},
        "target": {
            "source": article.iri(),
            "selector": [
                {"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix},
                {"type": "TextPositionSelector", "start": span.start.0, "end": span.end.0},
            ],
        },
    })
}

/// One article to export, with the entities to include (none unless asked for).
pub struct Export<'a> {
    pub article: &'a Article,
    pub entities: &'a [Entity],
}

/// The annotations of one or more articles as an `AnnotationCollection` (JSON-LD text).
pub fn write(exports: &[Export], generated: &Timestamp) -> String {
    let mut items = Vec::new();
    let mut about = Vec::new();
    let mut hashes = String::new();
    for export in exports {
        let article = export.article;
        let article_iri = article.iri();
        hashes.push_str(&article.content_hash());
        let mut description = json!({
            "id": article_iri,
            "type": "Text",
            "format": "text/plain",
            "schema:name": article.meta.title,
            "schema:sha256": article.content_hash(),
        });
        if let Some(lang) = &article.meta.lang {
            description["language"] = json!(lang);
        }
        if let Some(url) = article.meta.url() {
            description["schema:url"] = json!(url);
        }
        if let Some(byline) = &article.meta.byline {
            description["schema:author"] = json!(byline);
        }
        if let Some(date) = &article.meta.published {
            description["schema:datePublished"] = json!(date);
        }
        about.push(description);
        for note in &article.annotations.notes {
            items.push(note_annotation(
                &article_iri,
                note,
                &article.annotations.verdicts,
            ));
            for reply in &note.replies {
                items.push(reply_annotation(note, reply));
            }
        }
        for (i, entity) in export.entities.iter().enumerate() {
            items.push(entity_annotation(article, i, entity));
        }
    }
    let label = match exports {
        [one] => format!("Notes on “{}”", one.article.meta.title),
        _ => format!("Notes on {} articles", exports.len()),
    };
    let collection = json!({
        "@context": CONTEXT,
        "id": format!("urn:glossa:collection:{}", crate::library::content_hash(&hashes)),
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": GENERATOR},
        "generated": generated.0,
        "schema:about": about,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

/// A note read from a file, before it is matched against what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingNote {
    pub note: Note,
    /// The IRI of the document the annotation targets, when it says.
    pub source: Option<String>,
    /// The verdict as the file describes it (its key is also in `note.verdict`).
    pub verdict: Option<VerdictTerm>,
    /// Whether its position counts code points of Glossa's text (it came from Glossa).
    pub positions_trusted: bool,
}

/// A reply whose note was not in the file (it may be stored already).
#[derive(Debug, Clone, PartialEq)]
pub struct LooseReply {
    pub parent: NoteId,
    pub reply: Reply,
}

/// What reading a file of annotations found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadNotes {
    pub format: &'static str,
    pub notes: Vec<IncomingNote>,
    pub loose_replies: Vec<LooseReply>,
    /// Items deliberately not imported (detected entities), with why.
    pub skipped: Vec<String>,
    /// Items or parts that could not be read, with why.
    pub rejected: Vec<String>,
}

/// The most annotations one file may hold.
pub const MAX_ITEMS: usize = 200_000;

/// Reads W3C Web Annotation JSON(-LD) or Hypothesis JSON. `Err` when the file holds no
/// annotations Glossa recognises at all.
pub fn read(value: &Value, now: &Timestamp) -> Result<ReadNotes, String> {
    let (items, format) = items_of(value)?;
    if items.len() > MAX_ITEMS {
        return Err(format!(
            "it holds {} annotations; Glossa imports at most {MAX_ITEMS} at a time",
            items.len()
        ));
    }
    let mut out = ReadNotes {
        format,
        ..Default::default()
    };
    let mut replies: Vec<(usize, NoteId, Reply)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let which = format!("annotation {}", i + 1);
        match read_item(item, now) {
            Ok(Item::Note(note, problems)) => {
                for p in problems {
                    out.rejected.push(format!("{which}: {p}"));
                }
                out.notes.push(*note);
            }
            Ok(Item::Reply(parent, reply)) => replies.push((i, parent, reply)),
            Ok(Item::Entity) => out.skipped.push(format!(
                "{which}: a detected entity (Glossa finds entities itself)"
            )),
            Err(why) => out.rejected.push(format!("{which}: {why}")),
        }
    }
    for (_, parent, reply) in replies {
        match out.notes.iter_mut().find(|n| n.note.id == parent) {
            Some(n) if !n.note.replies.iter().any(|r| r.id == reply.id) => {
                n.note.replies.push(reply)
            }
            Some(_) => {}
            None => out.loose_replies.push(LooseReply { parent, reply }),
        }
    }
    Ok(out)
}

fn items_of(value: &Value) -> Result<(Vec<&Value>, &'static str), String> {
    let kind = type_of(value);
    if let Some(rows) = value.get("rows").and_then(Value::as_array) {
        return Ok((rows.iter().collect(), "Hypothesis JSON"));
    }
    if let Value::Array(list) = value {
        let format = if list.iter().any(is_hypothesis) {
            "Hypothesis JSON"
        } else {
            "W3C Web Annotation"
        };
        return Ok((list.iter().collect(), format));
    }
    if kind.iter().any(|k| k == "AnnotationCollection") {
        let first = value.get("first");
        if let Some(items) = first.and_then(|f| f.get("items")).and_then(Value::as_array) {
            return Ok((items.iter().collect(), "W3C Web Annotation"));
        }
        if let Some(items) = value.get("items").and_then(Value::as_array) {
            return Ok((items.iter().collect(), "W3C Web Annotation"));
        }
        if first.is_some_and(Value::is_string) {
            return Err("the collection's annotations are on separate pages that are not in the file; save the whole collection".into());
        }
        return Ok((Vec::new(), "W3C Web Annotation"));
    }
    if kind.iter().any(|k| k == "AnnotationPage") {
        let items = value.get("items").and_then(Value::as_array);
        return Ok((
            items.map(|i| i.iter().collect()).unwrap_or_default(),
            "W3C Web Annotation",
        ));
    }
    if kind.iter().any(|k| k == "Annotation") {
        return Ok((vec![value], "W3C Web Annotation"));
    }
    if is_hypothesis(value) {
        return Ok((vec![value], "Hypothesis JSON"));
    }
    Err("it is JSON, but not W3C Web Annotation, Hypothesis or a Glossa bundle".into())
}

fn is_hypothesis(value: &Value) -> bool {
    value.get("uri").is_some() && value.get("target").is_some() && value.get("type").is_none()
}

/// The `type` of a JSON-LD object, as a list (it may be one string or several); `oa:` and
/// full IRIs are reduced to the term.
fn type_of(value: &Value) -> Vec<String> {
    let raw = value.get("type").or_else(|| value.get("@type"));
    let list: Vec<&str> = match raw {
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    list.into_iter()
        .map(|t| t.rsplit(['#', ':', '/']).next().unwrap_or(t).to_string())
        .collect()
}

/// A list of what may be one value or a list of them.
fn many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => vec![],
        Some(v) => vec![v],
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("@value").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn term(value: Option<&Value>) -> Option<String> {
    let t = text(value).or_else(|| many(value).first().and_then(|v| text(Some(v))))?;
    Some(t.rsplit(['#', ':', '/']).next().unwrap_or(&t).to_string())
}

/// A verdict key for a verdict known only by its name ("Mostly true" → "mostly-true"); the
/// import then matches it against the article's list by key or by name.
pub(crate) fn key_from_label(label: &str) -> String {
    label
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// The id of a note that came without one: made from its quote, words and author, so that
/// importing the same file twice finds it already there.
pub(crate) fn content_id(quote: &str, body: &str, author: Option<&str>) -> NoteId {
    let key = format!("{quote}\u{1f}{body}\u{1f}{}", author.unwrap_or(""));
    NoteId(format!(
        "imported-{}",
        &crate::library::content_hash(&key)[..16]
    ))
}

enum Item {
    Note(Box<IncomingNote>, Vec<String>),
    Reply(NoteId, Reply),
    Entity,
}

fn person(value: Option<&Value>, info: Option<&Value>) -> Option<String> {
    if let Some(name) = info
        .and_then(|i| i.get("display_name"))
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
    {
        return Some(name.trim().to_string());
    }
    let value = many(value).into_iter().next()?;
    let name = match value {
        Value::String(s) => s
            .strip_prefix("acct:")
            .map(|a| a.split('@').next().unwrap_or(a).to_string())
            .unwrap_or_else(|| s.clone()),
        Value::Object(o) => ["name", "nickname", "foaf:name", "schema:name"]
            .iter()
            .find_map(|k| text(o.get(*k)))?,
        _ => return None,
    };
    let name = name.trim().to_string();
    (!name.is_empty()).then_some(name)
}

fn time(value: Option<&Value>, now: &Timestamp) -> Timestamp {
    text(value)
        .filter(|t| !t.trim().is_empty())
        .map(Timestamp)
        .unwrap_or_else(|| now.clone())
}

/// A non-negative integer that fits, or `None` (huge, negative, fractional or not a number).
fn offset(value: Option<&Value>) -> Option<usize> {
    value
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

fn read_item(item: &Value, now: &Timestamp) -> Result<Item, String> {
    let Value::Object(object) = item else {
        return Err("not an object".into());
    };
    let hypothesis = is_hypothesis(item);
    if !hypothesis && !type_of(item).iter().any(|t| t == "Annotation") {
        return Err("its type is not Annotation".into());
    }
    let id = text(object.get("id").or_else(|| object.get("@id")));
    let motivation = term(object.get("motivation"));
    let author = person(
        object.get("creator").or_else(|| object.get("user")),
        object.get("user_info"),
    );
    let created = time(object.get("created"), now);
    let modified = object
        .get("modified")
        .or_else(|| object.get("updated"))
        .map(|m| time(Some(m), now))
        .unwrap_or_else(|| created.clone());

    // Replies: W3C names the note annotation as target; Hypothesis lists `references`.
    let reply_to = if hypothesis {
        many(object.get("references"))
            .first()
            .and_then(|r| text(Some(r)))
    } else if motivation.as_deref() == Some("replying") {
        many(object.get("target")).first().and_then(|t| {
            text(Some(t))
                .or_else(|| text(t.get("id")))
                .or_else(|| text(t.get("source")))
        })
    } else {
        None
    };
    let bodies = Bodies::read(object, hypothesis);
    if let Some(parent) = reply_to {
        let id = id.ok_or("a reply with no id")?;
        return Ok(Item::Reply(
            id_of(&parent),
            Reply {
                id: id_of(&id),
                body: bodies.comment,
                author,
                created,
            },
        ));
    }
    if motivation.as_deref() == Some("identifying") || bodies.identifying {
        return Ok(Item::Entity);
    }
    let (target, source, positions_trusted) = read_target(object.get("target"), id.as_deref())?;
    let id = id
        .map(|i| id_of(&i))
        .unwrap_or_else(|| content_id(&target.quote.exact, &bodies.comment, author.as_deref()));
    let note = Note {
        id,
        target,
        body: bodies.comment,
        created,
        modified,
        author,
        tags: crate::model::parse_tags(&bodies.tags.join(",")),
        verdict: bodies.verdict.as_ref().map(|v| v.key.clone()),
        evidence: bodies.evidence,
        replies: Vec::new(),
    };
    Ok(Item::Note(
        Box::new(IncomingNote {
            note,
            source,
            verdict: bodies.verdict,
            positions_trusted,
        }),
        bodies.problems,
    ))
}

#[derive(Default)]
struct Bodies {
    comment: String,
    tags: Vec<String>,
    verdict: Option<VerdictTerm>,
    evidence: Vec<Evidence>,
    identifying: bool,
    problems: Vec<String>,
}

impl Bodies {
    fn read(object: &Map<String, Value>, hypothesis: bool) -> Bodies {
        let mut out = Bodies::default();
        let mut comments: Vec<String> = Vec::new();
        if hypothesis {
            if let Some(t) = text(object.get("text")).filter(|t| !t.is_empty()) {
                comments.push(t);
            }
            out.tags = many(object.get("tags"))
                .into_iter()
                .filter_map(|t| text(Some(t)))
                .collect();
        }
        if let Some(v) = text(object.get("bodyValue")) {
            comments.push(v);
        }
        let motivation = term(object.get("motivation"));
        for body in many(object.get("body")) {
            let purpose = term(body.get("purpose")).or_else(|| motivation.clone());
            let kind = type_of(body);
            let is_link = body.is_string()
                || kind.iter().any(|k| k == "SpecificResource")
                || (body.get("value").is_none() && body.get("source").is_some());
            if is_link {
                let url = text(Some(body))
                    .or_else(|| text(body.get("source")))
                    .or_else(|| body.get("source").and_then(|s| text(s.get("id"))))
                    .unwrap_or_default();
                let quote = many(body.get("selector"))
                    .into_iter()
                    .find_map(|s| text(s.get("exact")))
                    .unwrap_or_default();
                let title = text(body.get("label")).unwrap_or_default();
                let accessed = body
                    .get("state")
                    .and_then(|s| text(s.get("sourceDate")))
                    .map(|d| d.chars().take(10).collect::<String>())
                    .unwrap_or_default();
                match Evidence::checked(&url, &title, &quote, &accessed) {
                    Ok(e) => out.evidence.push(e),
                    Err(why) => out.problems.push(format!(
                        "evidence “{}” left out: {why}",
                        crate::io::bundle::short(&url)
                    )),
                }
                continue;
            }
            let Some(value) = text(body.get("value")) else {
                out.problems.push("a body with no value left out".into());
                continue;
            };
            match purpose.as_deref() {
                Some("tagging") => out.tags.push(value),
                Some("identifying") | Some("classifying") => out.identifying = true,
                Some("assessing") => {
                    let key = text(body.get("id"))
                        .and_then(|i| i.strip_prefix(VERDICT_IRI).map(str::to_string))
                        .unwrap_or_else(|| key_from_label(&value));
                    let rating = body
                        .get("schema:ratingValue")
                        .and_then(Value::as_u64)
                        .filter(|r| (1..=5).contains(r))
                        .map(|r| r as u8);
                    out.verdict = Some(VerdictTerm {
                        key,
                        label: value,
                        rating,
                    });
                }
                _ => comments.push(value),
            }
        }
        out.comment = comments.join("\n\n");
        out
    }
}

fn read_target(
    target: Option<&Value>,
    id: Option<&str>,
) -> Result<(Target, Option<String>, bool), String> {
    let targets = many(target);
    if targets.is_empty() {
        return Err("it has no target".into());
    }
    let glossa = id.is_some_and(|i| i.starts_with(NOTE_IRI));
    for t in &targets {
        let source =
            text(t.get("source")).or_else(|| t.get("source").and_then(|s| text(s.get("id"))));
        let selectors = many(t.get("selector"));
        let quote = selectors
            .iter()
            .find(|s| type_of(s).iter().any(|k| k == "TextQuoteSelector"));
        let Some(quote) = quote else { continue };
        let exact = text(quote.get("exact")).unwrap_or_default();
        if exact.is_empty() {
            return Err("its quote is empty".into());
        }
        let position = selectors
            .iter()
            .find(|s| type_of(s).iter().any(|k| k == "TextPositionSelector"))
            .and_then(|p| Some((offset(p.get("start"))?, offset(p.get("end"))?)))
            .filter(|(s, e)| s <= e)
            .map(|(s, e)| TextPositionSelector {
                start: CodePointOffset(s),
                end: CodePointOffset(e),
            });
        let trusted = glossa && position.is_some();
        return Ok((
            Target {
                quote: TextQuoteSelector {
                    exact,
                    prefix: text(quote.get("prefix")).unwrap_or_default(),
                    suffix: text(quote.get("suffix")).unwrap_or_default(),
                },
                position: position.unwrap_or(TextPositionSelector {
                    start: CodePointOffset(0),
                    end: CodePointOffset(0),
                }),
            },
            source,
            trusted,
        ));
    }
    Err(
        "it has no TextQuoteSelector, so there is no passage to find (a note on a whole page?)"
            .into(),
    )
}
