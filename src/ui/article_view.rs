//! The article: blocks of text cut into segments, each drawn with everything that covers it:
//! notes, the passage of the note being written, entities, claims and their cues, page chrome.
//!
//! Every segment carries its byte range (`data-start`, `data-end`, the names
//! `web::selection::SEGMENT_START` and `SEGMENT_END` read) so that the selection edge can map
//! DOM positions back to the document. The body is a separate component with value props, so
//! it re-renders only when what it draws changes, not on every selection change.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{Analysis, Label};
use crate::highlight::segments;
use crate::model::NoteId;
use crate::state::{Action, Editor};
use crate::text::{BlockKind, ByteSpan, Document};
use crate::ui::annotator::use_annotator;
use crate::ui::legend::label_class;

/// What covers a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Note(NoteId),
    /// The passage of the note being written.
    Draft,
    /// An entity, by index into the analysis.
    Entity(usize),
    /// A claim, by index into the analysis.
    Claim(usize),
    /// The words that make a claim checkable.
    Cue(usize),
    /// Page chrome (credits, counters, "related" headers).
    Chrome,
}

/// What a click on the article asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleClick {
    Note(NoteId),
    Entity(String, Label),
    Claim(ByteSpan),
}

/// An `Rc` compared by pointer: the analysis is replaced, never changed in place.
#[derive(Clone)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The key that groups an entity's mentions: its full name and type.
pub fn entity_key(doc: &Document, analysis: &Analysis, index: usize) -> Option<(String, Label)> {
    let e = analysis.entities.get(index)?;
    let name = e
        .canonical
        .clone()
        .unwrap_or_else(|| doc.slice(e.span).to_string());
    Some((name, e.label))
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub node_ref: NodeRef,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let analysis = &annotator.analysis;
    let mut marks: Vec<(ByteSpan, Mark)> = state
        .highlights()
        .into_iter()
        .map(|(span, id)| (span, Mark::Note(id)))
        .collect();
    if let Some(Editor::New { span, .. }) = &state.editor {
        marks.push((*span, Mark::Draft));
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        if !state.display.hidden.contains(&e.label) {
            marks.push((e.span, Mark::Entity(i)));
        }
    }
    if state.display.claims {
        for (i, c) in analysis.claims.iter().enumerate() {
            marks.push((c.span, Mark::Claim(i)));
            marks.push((c.cue, Mark::Cue(i)));
        }
    }
    marks.extend(analysis.boilerplate.iter().map(|&b| (b, Mark::Chrome)));
    // Longest first, so the last mark of a kind in a segment is its innermost.
    marks.sort_by_key(|(span, _)| std::cmp::Reverse(span.len()));
    // A stable callback, so the body is not re-rendered for a new closure each time.
    let on_click = use_callback(state.dispatcher(), |click: ArticleClick, dispatcher| {
        dispatcher.dispatch(match click {
            ArticleClick::Note(id) => Action::Focus(Some(id)),
            ArticleClick::Entity(name, label) => Action::FocusEntity(Some((name, label))),
            ArticleClick::Claim(span) => Action::FocusClaim(Some(span)),
        })
    });
    let class = classes!("article", state.display.labels.then_some("show-labels"));
    html! {
        <article id="article" {class} ref={props.node_ref.clone()} aria-label="Article text"
                 dir={annotator.dir.clone()}
                 data-analysed={annotator.analysed.to_string()}>
            <ArticleBody doc={state.doc.clone()} analysis={Shared(analysis.clone())} {marks}
                         focused={state.focused.clone()}
                         focused_entity={state.focused_entity.clone()}
                         focused_claim={state.focused_claim} {on_click} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleBodyProps {
    doc: Rc<Document>,
    analysis: Shared<Analysis>,
    marks: Vec<(ByteSpan, Mark)>,
    focused: Option<NoteId>,
    focused_entity: Option<(String, Label)>,
    focused_claim: Option<ByteSpan>,
    on_click: Callback<ArticleClick>,
}

#[function_component(ArticleBody)]
fn article_body(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc;
    use_effect_with(props.focused.clone(), |focused| {
        if let Some(id) = focused {
            scroll_to(&format!("mark[data-notes~=\"{}\"]", id.0.replace('"', "")));
        }
    });
    use_effect_with(props.focused_claim, |claim| {
        if let Some(span) = claim {
            scroll_to(&format!("[data-claim=\"{}\"]", span.start.0));
        }
    });
    let chrome = &props.analysis.0.boilerplate;
    let blocks = doc.blocks().iter().map(|block| {
        let children = segments(block.span, &props.marks)
            .into_iter()
            .map(|seg| segment_html(props, seg.span, &seg.marks))
            .collect::<Html>();
        let key = block.span.start.0.to_string();
        let all_chrome = chrome.iter().any(|c| c.contains(block.span));
        let class = classes!(all_chrome.then_some("chrome-block"));
        match block.kind {
            BlockKind::Title => {
                html! { <h1 class={classes!("article-title", class)} {key}>{children}</h1> }
            }
            BlockKind::Paragraph => html! { <p {class} {key}>{children}</p> },
        }
    });
    html! { <>{ for blocks }</> }
}

fn segment_html(props: &ArticleBodyProps, span: ByteSpan, marks: &[Mark]) -> Html {
    let doc = &props.doc;
    let analysis = &props.analysis.0;
    let text = doc.slice(span).to_string();
    let start = span.start.0.to_string();
    let end = span.end.0.to_string();
    if marks.is_empty() {
        return html! { <span data-start={start} data-end={end}>{text}</span> };
    }
    let notes: Vec<&NoteId> = marks
        .iter()
        .filter_map(|m| match m {
            Mark::Note(id) => Some(id),
            _ => None,
        })
        .collect();
    let last_of = |pick: fn(&Mark) -> Option<usize>| marks.iter().rev().find_map(pick);
    let entity = last_of(|m| {
        if let Mark::Entity(i) = m {
            Some(*i)
        } else {
            None
        }
    });
    let claim = last_of(|m| {
        if let Mark::Claim(i) = m {
            Some(*i)
        } else {
            None
        }
    });
    let cue = marks.iter().any(|m| matches!(m, Mark::Cue(_)));
    let chrome = marks.contains(&Mark::Chrome);
    let is_draft = marks.contains(&Mark::Draft);

    let entity_info = entity.and_then(|i| Some((i, analysis.entities.get(i)?)));
    let entity_key = entity.and_then(|i| entity_key(doc, analysis, i));
    let claim_info = claim.and_then(|i| analysis.claims.get(i));
    let mut class = classes!();
    let mut title = Vec::new();
    let mut label_after = None;
    if let Some((_, e)) = entity_info {
        class.push("ent");
        class.push(label_class(e.label));
        if entity_key.is_some() && entity_key == props.focused_entity {
            class.push("ent-focus");
        }
        if e.span.end == span.end {
            class.push("ent-end");
            label_after = Some(e.label.as_str());
        }
        let full = e
            .canonical
            .as_deref()
            .map(|c| format!(" = {c}"))
            .unwrap_or_default();
        title.push(format!("{}: {}{}", e.label.name(), e.why, full));
    }
    if let Some(c) = claim_info {
        class.push("claim");
        if props.focused_claim == Some(c.span) {
            class.push("claim-focus");
        }
        let hedged = if c.hedged { ", hedged" } else { "" };
        title.push(format!(
            "claim, {}: {}{}",
            c.kind.as_str(),
            doc.slice(c.cue),
            hedged
        ));
    }
    if cue {
        class.push("cue");
    }
    if chrome {
        class.push("chrome");
        title.push("page chrome, not part of the article".to_string());
    }
    let click = if let Some(id) = notes.last() {
        Some(ArticleClick::Note((*id).clone()))
    } else if let Some((name, label)) = entity_key {
        Some(ArticleClick::Entity(name, label))
    } else {
        claim_info.map(|c| ArticleClick::Claim(c.span))
    };
    let onclick = click.clone().map(|click| {
        let on_click = props.on_click.clone();
        Callback::from(move |_: MouseEvent| {
            if !has_selection() {
                on_click.emit(click.clone());
            }
        })
    });
    let title = (!title.is_empty()).then(|| title.join("; "));
    if notes.is_empty() && !is_draft {
        return html! {
            <span {class} data-start={start} data-end={end} data-label={label_after}
                  data-claim={claim_info.map(|c| c.span.start.0.to_string())} {title} {onclick}>{text}</span>
        };
    }
    let depth = notes.len().min(3);
    let focused = props.focused.as_ref().is_some_and(|f| notes.contains(&f));
    class.push("hl");
    class.push(format!("hl-depth-{depth}"));
    if is_draft {
        class.push("hl-draft");
    }
    if focused {
        class.push("hl-focused");
    }
    let ids = notes
        .iter()
        .map(|id| id.0.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let label = if notes.len() > 1 {
        format!("{} notes on this passage: show the innermost", notes.len())
    } else if notes.len() == 1 {
        "Note on this passage: show it".to_string()
    } else {
        "Passage of the note being written".to_string()
    };
    // Not a tab stop: a focusable element under the mouse cannot start a drag selection.
    // Keyboard users reach notes through their cards in the side panel.
    html! {
        <mark {class} data-start={start} data-end={end} data-notes={ids} data-label={label_after}
              aria-label={label} {title} {onclick}>{text}</mark>
    }
}

fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

fn scroll_to(selector: &str) {
    let Ok(Some(element)) = gloo::utils::document().query_selector(selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
