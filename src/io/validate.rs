//! Checks JSON-LD files against the model they claim: W3C Web Annotation (the terms of the
//! published context <http://www.w3.org/ns/anno.jsonld> and the model's required fields) and
//! schema.org `ClaimReview` (the properties of the types it uses and the fields fact-check
//! aggregators require). Used by the tests on every export, and by `glossa validate`.

use serde_json::{Map, Value};

/// The terms the published Web Annotation context defines
/// (<http://www.w3.org/ns/anno.jsonld>, W3C Recommendation of 23 February 2017).
pub const ANNO_TERMS: &[&str] = &[
    "oa",
    "dc",
    "dcterms",
    "dctypes",
    "foaf",
    "rdf",
    "rdfs",
    "skos",
    "xsd",
    "iana",
    "owl",
    "as",
    "schema",
    "id",
    "type",
    "Annotation",
    "Dataset",
    "Image",
    "Video",
    "Audio",
    "Text",
    "TextualBody",
    "ResourceSelection",
    "SpecificResource",
    "FragmentSelector",
    "CssSelector",
    "XPathSelector",
    "TextQuoteSelector",
    "TextPositionSelector",
    "DataPositionSelector",
    "SvgSelector",
    "RangeSelector",
    "TimeState",
    "HttpRequestState",
    "CssStylesheet",
    "Choice",
    "Person",
    "Software",
    "Organization",
    "AnnotationCollection",
    "AnnotationPage",
    "Audience",
    "Motivation",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "reviewing",
    "assessing",
    "tagging",
    "auto",
    "ltr",
    "rtl",
    "body",
    "target",
    "source",
    "selector",
    "state",
    "scope",
    "refinedBy",
    "startSelector",
    "endSelector",
    "renderedVia",
    "creator",
    "generator",
    "rights",
    "homepage",
    "via",
    "canonical",
    "stylesheet",
    "cached",
    "conformsTo",
    "items",
    "partOf",
    "first",
    "last",
    "next",
    "prev",
    "audience",
    "motivation",
    "purpose",
    "textDirection",
    "accessibility",
    "bodyValue",
    "format",
    "language",
    "processingLanguage",
    "value",
    "exact",
    "prefix",
    "suffix",
    "styleClass",
    "name",
    "email",
    "email_sha1",
    "nickname",
    "label",
    "created",
    "modified",
    "generated",
    "sourceDate",
    "sourceDateStart",
    "sourceDateEnd",
    "start",
    "end",
    "total",
    "startIndex",
];

/// The prefixes the context defines, usable in compact IRIs (`schema:sha256`).
const ANNO_PREFIXES: &[&str] = &[
    "oa", "dc", "dcterms", "dctypes", "foaf", "rdf", "rdfs", "skos", "xsd", "iana", "owl", "as",
    "schema",
];

/// The motivations the Web Annotation vocabulary defines.
const MOTIVATIONS: &[&str] = &[
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "reviewing",
    "assessing",
    "tagging",
];

/// One thing wrong, and where (a JSON path such as `first.items[3].target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            at: if at.is_empty() {
                "(top)".into()
            } else {
                at.to_string()
            },
            message: message.into(),
        });
    }
}

fn child(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn is_iri(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, rest)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !rest.is_empty()
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// `2026-11-26T10:00:00Z` or with an offset or fractional seconds: what `xsd:dateTime` takes.
pub fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && digits(11..13)
        && digits(14..16)
        && digits(17..19)
        && (s.ends_with('Z') || s[19..].contains(['+', '-']))
}

fn types(value: &Value) -> Vec<&str> {
    match value.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// Checks a W3C Web Annotation document (a collection, page or annotation). Empty when valid.
pub fn w3c(value: &Value) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let context_ok = match value.get("@context") {
        Some(Value::String(s)) => s == crate::io::w3c::CONTEXT,
        Some(Value::Array(a)) => a
            .iter()
            .any(|v| v.as_str() == Some(crate::io::w3c::CONTEXT)),
        _ => false,
    };
    if !context_ok {
        c.fail("@context", format!("must name {}", crate::io::w3c::CONTEXT));
    }
    let kinds = types(value);
    if kinds.contains(&"AnnotationCollection") {
        collection(&mut c, value);
    } else if kinds.contains(&"AnnotationPage") {
        page(&mut c, "", value);
    } else {
        annotation(&mut c, "", value);
    }
    terms(&mut c, "", value);
    c.problems
}

/// Every key is a term of the context, a compact IRI with one of its prefixes, or a keyword.
fn terms(c: &mut Checker, at: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let known = key.starts_with('@')
                    || ANNO_TERMS.contains(&key.as_str())
                    || key
                        .split_once(':')
                        .is_some_and(|(p, _)| ANNO_PREFIXES.contains(&p));
                if !known {
                    c.fail(&child(at, key), "not a term of the Web Annotation context");
                }
                terms(c, &child(at, key), v);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                terms(c, &format!("{at}[{i}]"), v);
            }
        }
        _ => {}
    }
}

fn collection(c: &mut Checker, value: &Value) {
    require_iri(c, "", value, "id");
    if value
        .get("label")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        c.fail("label", "a collection should have a label");
    }
    let first = value.get("first");
    match first {
        Some(Value::Object(_)) => {
            let page_value = first.unwrap_or(&Value::Null);
            if !types(page_value).contains(&"AnnotationPage") {
                c.fail("first.type", "must be AnnotationPage");
            }
            page(c, "first", page_value);
            let count = page_value
                .get("items")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            match value.get("total").and_then(Value::as_u64) {
                Some(t) if t as usize == count => {}
                Some(t) => c.fail("total", format!("says {t} but the page holds {count}")),
                None => c.fail("total", "must be a non-negative integer"),
            }
        }
        Some(Value::String(s)) if is_iri(s) => {}
        Some(_) => c.fail("first", "must be a page or its IRI"),
        None => {
            if value.get("total").and_then(Value::as_u64) != Some(0) {
                c.fail(
                    "first",
                    "a collection with annotations must have a first page",
                );
            }
        }
    }
    if let Some(g) = value.get("generated").and_then(Value::as_str) {
        if !is_datetime(g) {
            c.fail("generated", "must be an xsd:dateTime");
        }
    }
}

fn page(c: &mut Checker, at: &str, value: &Value) {
    match value.get("items").and_then(Value::as_array) {
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                annotation(c, &format!("{}[{i}]", child(at, "items")), item);
            }
        }
        None => c.fail(&child(at, "items"), "a page must list its items"),
    }
}

fn require_iri(c: &mut Checker, at: &str, value: &Value, key: &str) {
    match value.get(key).and_then(Value::as_str) {
        Some(s) if is_iri(s) => {}
        Some(_) => c.fail(&child(at, key), "must be an IRI"),
        None => c.fail(&child(at, key), "is required"),
    }
}

fn annotation(c: &mut Checker, at: &str, value: &Value) {
    if !value.is_object() {
        c.fail(at, "an annotation must be an object");
        return;
    }
    require_iri(c, at, value, "id");
    if !types(value).contains(&"Annotation") {
        c.fail(&child(at, "type"), "must be Annotation");
    }
    for key in ["created", "modified", "generated"] {
        if let Some(v) = value.get(key) {
            if !v.as_str().is_some_and(is_datetime) {
                c.fail(&child(at, key), "must be an xsd:dateTime");
            }
        }
    }
    check_motivation(c, &child(at, "motivation"), value.get("motivation"));
    if let Some(Value::Object(creator)) = value.get("creator") {
        agent(c, &child(at, "creator"), creator);
    }
    match value.get("target") {
        None => c.fail(&child(at, "target"), "is required"),
        Some(t) => each(t, |i, t| {
            resource(c, &indexed(&child(at, "target"), i), t, false)
        }),
    }
    if let Some(b) = value.get("body") {
        each(b, |i, b| {
            resource(c, &indexed(&child(at, "body"), i), b, true)
        });
    }
}

fn indexed(at: &str, i: Option<usize>) -> String {
    match i {
        Some(i) => format!("{at}[{i}]"),
        None => at.to_string(),
    }
}

fn each(value: &Value, mut f: impl FnMut(Option<usize>, &Value)) {
    match value {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| f(Some(i), v)),
        v => f(None, v),
    }
}

fn check_motivation(c: &mut Checker, at: &str, value: Option<&Value>) {
    let Some(value) = value else { return };
    each(value, |i, m| match m.as_str() {
        Some(m) if MOTIVATIONS.contains(&m) || m.starts_with("oa:") => {}
        _ => c.fail(&indexed(at, i), "not a motivation the vocabulary defines"),
    });
}

fn agent(c: &mut Checker, at: &str, creator: &Map<String, Value>) {
    let whole = Value::Object(creator.clone());
    let kinds = types(&whole);
    if !kinds
        .iter()
        .any(|k| ["Person", "Organization", "Software"].contains(k))
    {
        c.fail(
            &child(at, "type"),
            "must be Person, Organization or Software",
        );
    }
    if let Some(id) = creator.get("id") {
        if !id.as_str().is_some_and(is_iri) {
            c.fail(&child(at, "id"), "must be an IRI");
        }
    }
}

fn resource(c: &mut Checker, at: &str, value: &Value, is_body: bool) {
    match value {
        Value::String(s) if is_iri(s) => {}
        Value::String(_) => c.fail(at, "must be an IRI"),
        Value::Object(_) => {
            let kinds = types(value);
            if is_body {
                check_motivation(c, &child(at, "purpose"), value.get("purpose"));
            }
            if kinds.contains(&"TextualBody") {
                if !value.get("value").is_some_and(Value::is_string) {
                    c.fail(&child(at, "value"), "a TextualBody needs a string value");
                }
            } else if kinds.contains(&"SpecificResource") || value.get("selector").is_some() {
                match value.get("source") {
                    Some(Value::String(s)) if is_iri(s) => {}
                    Some(Value::Object(o))
                        if o.get("id").and_then(Value::as_str).is_some_and(is_iri) => {}
                    _ => c.fail(
                        &child(at, "source"),
                        "a SpecificResource needs the IRI of its source",
                    ),
                }
                if let Some(selector) = value.get("selector") {
                    each(selector, |i, s| {
                        selector_check(c, &indexed(&child(at, "selector"), i), s)
                    });
                }
                if let Some(state) = value.get("state") {
                    if types(state).contains(&"TimeState")
                        && !state
                            .get("sourceDate")
                            .and_then(Value::as_str)
                            .is_some_and(is_datetime)
                    {
                        c.fail(&child(at, "state.sourceDate"), "must be an xsd:dateTime");
                    }
                }
            } else if value
                .get("id")
                .and_then(Value::as_str)
                .is_none_or(|s| !is_iri(s))
            {
                c.fail(&child(at, "id"), "an external resource needs an IRI");
            }
        }
        _ => c.fail(at, "must be an IRI or an object"),
    }
}

fn selector_check(c: &mut Checker, at: &str, value: &Value) {
    let kinds = types(value);
    if kinds.contains(&"TextQuoteSelector") {
        if !value.get("exact").is_some_and(Value::is_string) {
            c.fail(
                &child(at, "exact"),
                "a TextQuoteSelector needs its exact text",
            );
        }
        for k in ["prefix", "suffix"] {
            if value.get(k).is_some_and(|v| !v.is_string()) {
                c.fail(&child(at, k), "must be a string");
            }
        }
    } else if kinds.contains(&"TextPositionSelector") {
        let start = value.get("start").and_then(Value::as_u64);
        let end = value.get("end").and_then(Value::as_u64);
        match (start, end) {
            (Some(s), Some(e)) if s <= e => {}
            (Some(_), Some(_)) => c.fail(at, "start must not be after end"),
            _ => c.fail(at, "start and end must be non-negative integers"),
        }
    } else if kinds.is_empty() {
        c.fail(&child(at, "type"), "a selector needs a type");
    }
}

/// The schema.org properties a ClaimReview export may use, by the types that have them.
const SCHEMA_PROPERTIES: &[&str] = &[
    // ClaimReview (Review, CreativeWork, Thing)
    "claimReviewed",
    "reviewRating",
    "itemReviewed",
    "author",
    "datePublished",
    "url",
    "reviewBody",
    "citation",
    "name",
    "headline",
    "publisher",
    "text",
    // Rating
    "ratingValue",
    "bestRating",
    "worstRating",
    "alternateName",
    // Claim
    "appearance",
    "firstAppearance",
];

/// Checks a schema.org ClaimReview export (one review, a list, or a `@graph`). Empty when valid.
pub fn claim_review(value: &Value) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let context = value.get("@context").and_then(Value::as_str);
    let reviews: Vec<(String, &Value)> = match (value, value.get("@graph")) {
        (_, Some(Value::Array(g))) => g
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("@graph[{i}]"), v))
            .collect(),
        (Value::Array(list), _) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v))
            .collect(),
        (v, _) => vec![(String::new(), v)],
    };
    let schema_org = matches!(
        context,
        Some(
            "https://schema.org"
                | "http://schema.org"
                | "https://schema.org/"
                | "http://schema.org/"
        )
    );
    if (value.get("@graph").is_some() || !value.is_array()) && !schema_org {
        c.fail("@context", "must be https://schema.org");
    }
    for (at, review) in reviews {
        one_review(&mut c, &at, review);
        schema_terms(&mut c, &at, review);
    }
    c.problems
}

fn schema_terms(c: &mut Checker, at: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if !key.starts_with('@') && !SCHEMA_PROPERTIES.contains(&key.as_str()) {
                    c.fail(&child(at, key), "not a schema.org property of these types");
                }
                schema_terms(c, &child(at, key), v);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                schema_terms(c, &format!("{at}[{i}]"), v);
            }
        }
        _ => {}
    }
}

fn is_web_url(s: &str) -> bool {
    crate::model::Evidence::checked(s, "", "", "").is_ok()
}

fn one_review(c: &mut Checker, at: &str, r: &Value) {
    let ty = |v: &Value| v.get("@type").and_then(Value::as_str).map(str::to_string);
    if ty(r).as_deref() != Some("ClaimReview") {
        c.fail(&child(at, "@type"), "must be ClaimReview");
    }
    if r.get("claimReviewed")
        .and_then(Value::as_str)
        .is_none_or(|s| s.trim().is_empty())
    {
        c.fail(
            &child(at, "claimReviewed"),
            "is required: the words of the claim",
        );
    }
    match r.get("datePublished").and_then(Value::as_str) {
        Some(d) if crate::model::is_iso_date(d) => {}
        Some(d) if is_datetime(d) => {}
        _ => c.fail(
            &child(at, "datePublished"),
            "is required, as an ISO 8601 date",
        ),
    }
    match r.get("author") {
        Some(a)
            if ["Person", "Organization"].contains(&ty(a).as_deref().unwrap_or(""))
                && a.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| !n.trim().is_empty()) => {}
        Some(_) => c.fail(
            &child(at, "author"),
            "must be a Person or Organization with a name",
        ),
        None => c.fail(
            &child(at, "author"),
            "is required: who reviewed the claim (set your name in Glossa)",
        ),
    }
    match r.get("url").and_then(Value::as_str) {
        Some(u) if is_web_url(u) => {}
        Some(_) => c.fail(&child(at, "url"), "must be a web address"),
        None => c.fail(
            &child(at, "url"),
            "is required: add evidence with an address to the claim",
        ),
    }
    let rating_at = child(at, "reviewRating");
    match r.get("reviewRating") {
        Some(rating) => {
            if ty(rating).as_deref() != Some("Rating") {
                c.fail(&child(&rating_at, "@type"), "must be Rating");
            }
            if rating
                .get("alternateName")
                .and_then(Value::as_str)
                .is_none_or(|s| s.trim().is_empty())
            {
                c.fail(
                    &child(&rating_at, "alternateName"),
                    "is required: the verdict's name",
                );
            }
            let num = |k: &str| rating.get(k).and_then(Value::as_f64);
            match (num("ratingValue"), num("worstRating"), num("bestRating")) {
                (Some(v), Some(w), Some(b)) if w <= v && v <= b => {}
                (Some(_), Some(_), Some(_)) => c.fail(
                    &rating_at,
                    "ratingValue must lie between worstRating and bestRating",
                ),
                _ => c.fail(
                    &rating_at,
                    "ratingValue, worstRating and bestRating must be numbers",
                ),
            }
        }
        None => c.fail(&rating_at, "is required"),
    }
    let item_at = child(at, "itemReviewed");
    match r.get("itemReviewed") {
        Some(item) => {
            if ty(item).as_deref() != Some("Claim") {
                c.fail(&child(&item_at, "@type"), "must be Claim");
            }
            match item.get("appearance") {
                Some(app) => {
                    if let Some(u) = app.get("url") {
                        if !u.as_str().is_some_and(is_web_url) {
                            c.fail(&child(&item_at, "appearance.url"), "must be a web address");
                        }
                    }
                }
                None => c.fail(
                    &child(&item_at, "appearance"),
                    "should say where the claim appeared",
                ),
            }
        }
        None => c.fail(&item_at, "is required"),
    }
}
