//! One block of the article (the title or a paragraph), cut into segments, each drawn with
//! everything that covers it. Given only its own highlights, a block is redrawn only when
//! they (or what is focused inside it) change.
//!
//! A block's segments are written as HTML (every text and attribute escaped) and handed to
//! the browser's parser in one piece: a long article has a hundred thousand segments, and
//! the parser builds them far faster than one DOM call each. Clicks are handled once, on the
//! article ([`crate::ui::article_view`]), from each segment's `data-click`.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{Analysis, Label};
use crate::highlight::segments;
use crate::model::NoteId;
use crate::text::{Block, BlockKind, ByteSpan, Document};
use crate::ui::article_view::{entity_key, Mark, Shared};
use crate::ui::legend::label_class;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub doc: Rc<Document>,
    pub block: Block,
    pub analysis: Shared<Analysis>,
    /// This block's highlights, longest first.
    pub marks: Rc<Vec<(ByteSpan, Mark)>>,
    /// The focused note, when it is in this block.
    pub focused: Option<NoteId>,
    /// The entity whose mentions are shown, when one is in this block.
    pub focused_entity: Option<(String, Label)>,
    /// The claim shown, when it is in this block.
    pub focused_claim: Option<ByteSpan>,
}

#[function_component(BlockView)]
pub fn block_view(props: &BlockViewProps) -> Html {
    let block = props.block;
    let all_chrome = props
        .analysis
        .0
        .boilerplate
        .iter()
        .any(|c| c.contains(block.span));
    let (tag, class) = match block.kind {
        BlockKind::Title => ("h1", "article-title"),
        BlockKind::Paragraph => ("p", ""),
    };
    let mut out = String::with_capacity(block.span.len() * 3 + 64);
    out.push('<');
    out.push_str(tag);
    let class = format!("{class}{}", if all_chrome { " chrome-block" } else { "" });
    if !class.trim().is_empty() {
        out.push_str(" class=\"");
        out.push_str(class.trim());
        out.push('"');
    }
    out.push('>');
    for seg in segments(block.span, &props.marks) {
        write_segment(&mut out, props, seg.span, &seg.marks);
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
    Html::from_html_unchecked(AttrValue::from(out))
}

/// Writes one segment: a plain `span`, a `span` for analysis marks, or a `mark` for notes.
fn write_segment(out: &mut String, props: &BlockViewProps, span: ByteSpan, marks: &[Mark]) {
    let doc = &props.doc;
    let analysis = &props.analysis.0;
    let text = doc.slice(span);
    let mut attrs: Vec<(&str, String)> = vec![
        ("data-start", span.start.0.to_string()),
        ("data-end", span.end.0.to_string()),
    ];
    if marks.is_empty() {
        return write_element(out, "span", &attrs, text);
    }
    let notes: Vec<&NoteId> = marks
        .iter()
        .filter_map(|m| match m {
            Mark::Note(id) => Some(id),
            _ => None,
        })
        .collect();
    let entity = marks.iter().rev().find_map(|m| match m {
        Mark::Entity(i) => Some(*i),
        _ => None,
    });
    let claim = marks.iter().rev().find_map(|m| match m {
        Mark::Claim(i) => Some(*i),
        _ => None,
    });
    let cue = marks.iter().any(|m| matches!(m, Mark::Cue(_)));
    let chrome = marks.contains(&Mark::Chrome);
    let is_draft = marks.contains(&Mark::Draft);

    let entity_info = entity.and_then(|i| analysis.entities.get(i));
    let claim_info = claim.and_then(|i| analysis.claims.get(i));
    let mut class: Vec<String> = Vec::new();
    let mut title = Vec::new();
    if let (Some(i), Some(e)) = (entity, entity_info) {
        class.push("ent".into());
        class.push(label_class(e.label));
        if props.focused_entity.is_some() && entity_key(doc, analysis, i) == props.focused_entity {
            class.push("ent-focus".into());
        }
        if e.span.end == span.end {
            class.push("ent-end".into());
            attrs.push(("data-label", e.label.as_str().to_string()));
        }
        let full = e
            .canonical
            .as_deref()
            .map(|c| format!(" = {c}"))
            .unwrap_or_default();
        title.push(format!("{}: {}{}", e.label.name(), e.why, full));
    }
    if let Some(c) = claim_info {
        class.push("claim".into());
        if props.focused_claim == Some(c.span) {
            class.push("claim-focus".into());
        }
        attrs.push(("data-claim", c.span.start.0.to_string()));
        let hedged = if c.hedged { ", hedged" } else { "" };
        title.push(format!(
            "claim, {}: {}{}",
            c.kind.as_str(),
            doc.slice(c.cue),
            hedged
        ));
    }
    if cue {
        class.push("cue".into());
    }
    if chrome {
        class.push("chrome".into());
        title.push("page chrome, not part of the article".to_string());
    }
    // What a click asks for: the innermost note, else the entity, else the claim.
    let click = if !notes.is_empty() {
        Some("note".to_string())
    } else if let Some(i) = entity {
        Some(format!("entity:{i}"))
    } else {
        claim.map(|i| format!("claim:{i}"))
    };
    if let Some(click) = click {
        attrs.push(("data-click", click));
    }
    if !title.is_empty() {
        attrs.push(("title", title.join("; ")));
    }
    if notes.is_empty() && !is_draft {
        attrs.push(("class", class.join(" ")));
        return write_element(out, "span", &attrs, text);
    }
    let depth = notes.len().min(3);
    let focused = props.focused.as_ref().is_some_and(|f| notes.contains(&f));
    class.push("hl".into());
    class.push(format!("hl-depth-{depth}"));
    if is_draft {
        class.push("hl-draft".into());
    }
    if focused {
        class.push("hl-focused".into());
    }
    attrs.push(("class", class.join(" ")));
    let ids = notes
        .iter()
        .map(|id| id.0.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    attrs.push(("data-notes", ids));
    let label = if notes.len() > 1 {
        format!("{} notes on this passage: show the innermost", notes.len())
    } else if notes.len() == 1 {
        "Note on this passage: show it".to_string()
    } else {
        "Passage of the note being written".to_string()
    };
    attrs.push(("aria-label", label));
    // Not a tab stop: a focusable element under the mouse cannot start a drag selection.
    // Keyboard users reach notes through their cards in the side panel.
    write_element(out, "mark", &attrs, text);
}

fn write_element(out: &mut String, tag: &str, attrs: &[(&str, String)], text: &str) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(out, value);
        out.push('"');
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Escapes text for HTML content and double-quoted attributes.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}
