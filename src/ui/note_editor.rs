//! The note editor: a text area, a tags field suggesting the tags already used, Save and
//! Cancel. Ctrl+Enter (or ⌘+Enter) saves and Escape cancels, in either field. What is typed
//! lives in the app state, so a failed save loses nothing.

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
    let tags = annotator
        .state
        .editor
        .as_ref()
        .map(|e| e.tags().to_string())
        .unwrap_or_default();
    let on_tags = {
        let annotator = annotator.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            annotator.dispatch(Action::EditorTags(value));
        })
    };
    // Suggestions complete the last tag being typed: "source, lo" offers "source, loaded".
    let typed_prefix = tags
        .rfind(',')
        .map_or(String::new(), |at| format!("{}, ", tags[..at].trim_end()));
    let already = crate::model::parse_tags(&tags);
    let suggestions: Html = annotator
        .state
        .tags_in_use()
        .into_iter()
        .filter(|(t, _)| !already.contains(t))
        .map(|(t, n)| html! { <option value={format!("{typed_prefix}{t}")}>{format!("{t} ({n})")}</option> })
        .collect();
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
            <textarea id="note-text" ref={textarea} value={text} {oninput} onkeydown={onkeydown.clone()}
                      rows="4" placeholder="Write a note… (Ctrl+Enter to save, Esc to cancel)" dir="auto" />
            <label class="tags-field">
                <span>{"Tags"}</span>
                <input id="note-tags" type="text" value={tags} oninput={on_tags} {onkeydown}
                       list="tag-suggestions" placeholder="source, loaded word" autocomplete="off" dir="auto" />
            </label>
            <datalist id="tag-suggestions">{suggestions}</datalist>
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
