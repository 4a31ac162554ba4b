//! The article: blocks of text cut into segments, highlighted where notes sit.
//!
//! Every segment carries its byte range (`data-start`, `data-end`, the names
//! `web::selection::SEGMENT_START` and `SEGMENT_END` read) so that the selection edge
//! (`web::selection`) can map DOM positions back to the document. The body is a separate
//! component with value props, so it re-renders only when the text, the highlights or the
//! focus change, not on every selection change.

use std::rc::Rc;

use yew::prelude::*;

use crate::highlight::segments;
use crate::model::NoteId;
use crate::state::{Action, Editor};
use crate::text::{BlockKind, ByteSpan, Document};
use crate::ui::annotator::use_annotator;

/// What a highlight stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Note(NoteId),
    /// The passage of the note being written.
    Draft,
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub node_ref: NodeRef,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let mut marks: Vec<(ByteSpan, Mark)> = state
        .highlights()
        .into_iter()
        .map(|(span, id)| (span, Mark::Note(id)))
        .collect();
    if let Some(Editor::New { span, .. }) = &state.editor {
        marks.push((*span, Mark::Draft));
    }
    // Longest first, so the last mark of a segment is its innermost.
    marks.sort_by_key(|(span, _)| std::cmp::Reverse(span.len()));
    // A stable callback, so the body is not re-rendered for a new closure each time.
    let on_focus = use_callback(state.dispatcher(), |id: NoteId, dispatcher| {
        dispatcher.dispatch(Action::Focus(Some(id)))
    });
    html! {
        <article id="article" class="article" ref={props.node_ref.clone()}
                 aria-label="Article text">
            <ArticleBody doc={state.doc.clone()} marks={marks}
                         focused={state.focused.clone()} {on_focus} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleBodyProps {
    doc: Rc<Document>,
    marks: Vec<(ByteSpan, Mark)>,
    focused: Option<NoteId>,
    on_focus: Callback<NoteId>,
}

#[function_component(ArticleBody)]
fn article_body(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc;
    let focused = props.focused.clone();
    use_effect_with(focused.clone(), |focused| {
        if let Some(id) = focused {
            scroll_to_mark(id);
        }
    });
    let blocks = doc.blocks().iter().map(|block| {
        let children = segments(block.span, &props.marks)
            .into_iter()
            .map(|seg| segment_html(doc, seg.span, &seg.marks, focused.as_ref(), &props.on_focus))
            .collect::<Html>();
        let key = block.span.start.0.to_string();
        match block.kind {
            BlockKind::Title => html! { <h1 class="article-title" {key}>{children}</h1> },
            BlockKind::Paragraph => html! { <p {key}>{children}</p> },
        }
    });
    html! { <>{ for blocks }</> }
}

fn segment_html(
    doc: &Document,
    span: ByteSpan,
    marks: &[Mark],
    focused: Option<&NoteId>,
    on_focus: &Callback<NoteId>,
) -> Html {
    let text = doc.slice(span).to_string();
    let start = span.start.0.to_string();
    let end = span.end.0.to_string();
    let notes: Vec<&NoteId> = marks
        .iter()
        .filter_map(|m| match m {
            Mark::Note(id) => Some(id),
            Mark::Draft => None,
        })
        .collect();
    if marks.is_empty() {
        return html! { <span data-start={start} data-end={end}>{text}</span> };
    }
    let is_draft = marks.contains(&Mark::Draft);
    let is_focused = focused.is_some_and(|f| notes.contains(&f));
    let depth = notes.len().min(3);
    let class = classes!(
        "hl",
        format!("hl-depth-{depth}"),
        is_draft.then_some("hl-draft"),
        is_focused.then_some("hl-focused")
    );
    let ids = notes
        .iter()
        .map(|id| id.0.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let Some(innermost) = notes.last().map(|id| (*id).clone()) else {
        return html! {
            <mark class={class} data-start={start} data-end={end}>{text}</mark>
        };
    };
    let label = if notes.len() > 1 {
        format!("{} notes on this passage: show the innermost", notes.len())
    } else {
        "Note on this passage: show it".to_string()
    };
    let onclick = {
        let (on_focus, id) = (on_focus.clone(), innermost.clone());
        Callback::from(move |_: MouseEvent| {
            if !has_selection() {
                on_focus.emit(id.clone());
            }
        })
    };
    let onkeydown = {
        let (on_focus, id) = (on_focus.clone(), innermost);
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_focus.emit(id.clone());
            }
        })
    };
    html! {
        <mark class={class} data-start={start} data-end={end} data-notes={ids}
              tabindex="0" role="button" aria-label={label} {onclick} {onkeydown}>{text}</mark>
    }
}

fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

fn scroll_to_mark(id: &NoteId) {
    let selector = format!("mark[data-notes~=\"{}\"]", id.0.replace('"', ""));
    let Ok(Some(mark)) = gloo::utils::document().query_selector(&selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}
