//! The toolbar: the app's name, the article's title, and "Add note" for the current
//! selection (the same action as the button by the selection and the `n` key).

use yew::prelude::*;

use crate::ui::annotator::use_annotator;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Shows the library; the button is there only when given.
    #[prop_or_default]
    pub on_library: Option<Callback<()>>,
    /// Where the article is from, after its title.
    #[prop_or_default]
    pub source_line: Option<AttrValue>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let can_add = state.selection.is_some() && state.editor.is_none();
    let onclick = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.start_note())
    };
    let undo = state.history.undo.last().map(|e| e.describe());
    let redo = state.history.redo.last().map(|e| e.describe());
    let on_undo = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.undo())
    };
    let on_redo = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.redo())
    };
    // Keep the selection when the button is pressed.
    let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());
    html! {
        <header class="toolbar">
            <span class="brand">{"Glossa"}</span>
            if let Some(on_library) = props.on_library.clone() {
                <button id="toolbar-library" onclick={move |_| on_library.emit(())}
                        title="Your articles, and adding new ones">{"Library"}</button>
            }
            <span class="doc-title" dir="auto" title={state.doc.title().to_string()}>{state.doc.title().to_string()}</span>
            if let Some(line) = props.source_line.clone() {
                <span class="doc-source" dir="auto">{line}</span>
            }
            <button id="toolbar-undo" disabled={undo.is_none()} onclick={on_undo}
                    aria-label={undo.map_or("Undo".to_string(), |d| format!("Undo {d}"))}
                    title={undo.map_or("Nothing to undo".to_string(), |d| format!("Undo {d} (Ctrl+Z)"))}>{"Undo"}</button>
            <button id="toolbar-redo" disabled={redo.is_none()} onclick={on_redo}
                    aria-label={redo.map_or("Redo".to_string(), |d| format!("Redo {d}"))}
                    title={redo.map_or("Nothing to redo".to_string(), |d| format!("Redo {d} (Ctrl+Shift+Z)"))}>{"Redo"}</button>
            <button id="toolbar-add-note" class="primary" disabled={!can_add} {onclick} {onmousedown}
                    title="Add a note to the selected passage (n)">
                {"Add note"}
            </button>
        </header>
    }
}
