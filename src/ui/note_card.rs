//! One note in the side panel: the passage, the note, and its actions. Clicking the card
//! focuses the note and scrolls its passage into view; Delete asks for confirmation inline.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::anchor::Anchoring;
use crate::state::{Action, Editor, Placed};
use crate::ui::annotator::use_annotator;
use crate::ui::note_editor::{shorten, NoteEditor};

#[derive(Properties, PartialEq)]
pub struct NoteCardProps {
    pub placed: Placed,
}

#[function_component(NoteCard)]
pub fn note_card(props: &NoteCardProps) -> Html {
    let annotator = use_annotator();
    let confirming = use_state(|| false);
    let card_ref = use_node_ref();
    let note = &props.placed.note;
    let focused = annotator.state.focused.as_ref() == Some(&note.id);
    use_effect_with(focused, {
        let card_ref = card_ref.clone();
        move |focused| {
            if *focused {
                if let Some(el) = card_ref.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        }
    });
    let editing =
        matches!(&annotator.state.editor, Some(Editor::Edit { id, .. }) if *id == note.id);
    let quote = note.target.quote.exact.clone();
    if editing {
        return html! {
            <li class="note-card editing" ref={card_ref} data-note={note.id.0.clone()}>
                <NoteEditor quote={quote} />
            </li>
        };
    }
    let onclick = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |_: MouseEvent| annotator.focus(Some(id.clone())))
    };
    let onkeydown = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let on_card = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.tag_name() == "LI");
            if on_card && (e.key() == "Enter" || e.key() == " ") {
                e.prevent_default();
                annotator.focus(Some(id.clone()));
            }
        })
    };
    let on_edit = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            annotator.dispatch(Action::StartEdit(id.clone()));
        })
    };
    let on_delete = {
        let confirming = confirming.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            confirming.set(true);
        })
    };
    let on_confirm = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            annotator.delete(id.clone());
        })
    };
    let on_keep = {
        let confirming = confirming.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            confirming.set(false);
        })
    };
    let status = match props.placed.anchoring {
        Anchoring::Moved(_) => html! { <span class="badge">{"passage moved"}</span> },
        Anchoring::NeedsReview(_) => {
            html! { <span class="badge warn">{"needs review: context changed"}</span> }
        }
        _ => html! {},
    };
    let body = if note.body.is_empty() {
        html! { <p class="note-body empty">{"(highlight without a note)"}</p> }
    } else {
        html! { <p class="note-body">{note.body.clone()}</p> }
    };
    html! {
        <li class={classes!("note-card", focused.then_some("focused"))} ref={card_ref}
            data-note={note.id.0.clone()} tabindex="0" aria-label="Note: press Enter to show its passage"
            {onclick} {onkeydown}>
            <blockquote class="note-quote">{shorten(&quote, 160)}</blockquote>
            {body}
            <div class="note-meta">
                <time datetime={note.modified.0.clone()}>{short_time(&note.modified.0)}</time>
                {status}
            </div>
            if *confirming {
                <div class="note-actions confirm" role="group" aria-label="Confirm delete">
                    <span>{"Delete this note?"}</span>
                    <button class="danger" onclick={on_confirm}>{"Delete"}</button>
                    <button onclick={on_keep}>{"Keep"}</button>
                </div>
            } else {
                <div class="note-actions">
                    <button onclick={on_edit} aria-label="Edit note">{"Edit"}</button>
                    <button onclick={on_delete} aria-label="Delete note">{"Delete"}</button>
                </div>
            }
        </li>
    }
}

/// "2026-11-26T04:32:12.000Z" as "2026-11-26 04:32 UTC".
fn short_time(iso: &str) -> String {
    match (iso.get(0..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso.to_string(),
    }
}
