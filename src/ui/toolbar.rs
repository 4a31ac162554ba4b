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
    /// Opens the Export dialog.
    #[prop_or_default]
    pub on_export: Option<Callback<()>>,
    /// Told the file the user chose to import.
    #[prop_or_default]
    pub on_import: Option<Callback<web_sys::File>>,
    /// Told the students' files to score against the open article's notes.
    #[prop_or_default]
    pub on_score: Option<Callback<Vec<web_sys::File>>>,
    /// Opens the exercise maker (none for a student doing an exercise).
    #[prop_or_default]
    pub on_exercise: Option<Callback<()>>,
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
    let import_ref = use_node_ref();
    let on_import_click = {
        let import_ref = import_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = import_ref.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_import_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|list| list.get(0));
            input.set_value("");
            if let (Some(file), Some(on_import)) = (file, on_import.as_ref()) {
                on_import.emit(file);
            }
        })
    };
    let score_ref = use_node_ref();
    let on_score_click = {
        let score_ref = score_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = score_ref.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_score_files = {
        let on_score = props.on_score.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let files = input
                .files()
                .map(|list| crate::ui::library_view::files_of(&list))
                .unwrap_or_default();
            input.set_value("");
            if let (false, Some(on_score)) = (files.is_empty(), on_score.as_ref()) {
                on_score.emit(files);
            }
        })
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
            if let Some(on_export) = props.on_export.clone() {
                <button id="toolbar-export" onclick={move |_| on_export.emit(())}
                        title="Save the notes as W3C annotations, ClaimReview, CSV, a report or a Glossa bundle">{"Export"}</button>
            }
            if props.on_import.is_some() {
                <button id="toolbar-import" onclick={on_import_click}
                        title="Add notes from a Glossa bundle, W3C or Hypothesis annotations, or Glossa CSV">{"Import"}</button>
                <input type="file" id="import-file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                       accept=".json,.jsonld,.csv,application/json,application/ld+json,text/csv"
                       ref={import_ref} onchange={on_import_file} />
            }
            if let Some(on_exercise) = props.on_exercise.clone() {
                <button id="toolbar-exercise" onclick={move |_| on_exercise.emit(())}
                        title="Make a classroom exercise from this article: your notes are the answer key">{"Exercise"}</button>
            }
            if props.on_score.is_some() {
                <button id="toolbar-score" onclick={on_score_click}
                        title="Score students' submissions (or bundles, W3C or CSV files) against your notes on this article, the answer key">{"Score"}</button>
                <input type="file" id="score-files" class="visually-hidden" tabindex="-1" aria-hidden="true" multiple=true
                       accept=".json,.jsonld,.csv,application/json,application/ld+json,text/csv"
                       ref={score_ref} onchange={on_score_files} />
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
