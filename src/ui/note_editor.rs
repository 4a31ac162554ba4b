//! The note editor: a text area with Save and Cancel. Ctrl+Enter (or ⌘+Enter) saves and
//! Escape cancels. Its text lives in the app state, so a failed save loses nothing.

use yew::prelude::*;

use crate::state::Action;
use crate::ui::annotator::use_annotator;

#[derive(Properties, PartialEq)]
pub struct NoteEditorProps {
    /// The passage the note is about, shown above the text area.
    pub quote: AttrValue,
}

#[function_component(NoteEditor)]
pub fn note_editor(props: &NoteEditorProps) -> Html {
    let annotator = use_annotator();
    let textarea = use_node_ref();
    use_effect_with((), {
        let textarea = textarea.clone();
        move |_| {
            if let Some(el) = textarea.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    let text = annotator
        .state
        .editor
        .as_ref()
        .map(|e| e.text().to_string())
        .unwrap_or_default();
    let oninput = {
        let annotator = annotator.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            annotator.dispatch(Action::EditorInput(value));
        })
    };
    let on_save = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.save_editor())
    };
    let on_cancel = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.dispatch(Action::CancelEditor))
    };
    let onkeydown = {
        let annotator = annotator.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                annotator.save_editor();
            } else if e.key() == "Escape" {
                e.prevent_default();
                annotator.dispatch(Action::CancelEditor);
            }
        })
    };
    html! {
        <div class="note-editor" role="group" aria-label="Note editor">
            <blockquote class="note-quote">{shorten(&props.quote, 200)}</blockquote>
            <label class="visually-hidden" for="note-text">{"Note"}</label>
            <textarea id="note-text" ref={textarea} value={text} {oninput} {onkeydown}
                      rows="4" placeholder="Write a note… (Ctrl+Enter to save, Esc to cancel)" />
            <div class="editor-actions">
                <button class="primary" onclick={on_save}>{"Save note"}</button>
                <button onclick={on_cancel}>{"Cancel"}</button>
            </div>
        </div>
    }
}

/// At most `max` characters, with an ellipsis in the middle when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max / 2).collect();
    let tail: String = text.chars().skip(count - max / 2).collect();
    format!("{} … {}", head.trim_end(), tail.trim_start())
}
