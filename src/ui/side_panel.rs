//! The side panel: the editor for a new note, then every note in document order, then the
//! notes whose passage could not be found (kept, never dropped).

use yew::prelude::*;

use crate::anchor::Anchoring;
use crate::state::{Action, Editor, Panel};
use crate::ui::annotator::use_annotator;
use crate::ui::claims_panel::ClaimsPanel;
use crate::ui::entity_card::EntityCard;
use crate::ui::note_card::NoteCard;
use crate::ui::note_editor::NoteEditor;

#[function_component(SidePanel)]
pub fn side_panel() -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let new_note = match &state.editor {
        Some(Editor::New { span, .. }) => {
            let quote = state.doc.slice(*span).to_string();
            html! { <NoteEditor {quote} /> }
        }
        _ => html! {},
    };
    let (anchored, orphans): (Vec<_>, Vec<_>) = state
        .notes
        .iter()
        .partition(|p| p.anchoring != Anchoring::Orphan);
    let cards = |list: Vec<&crate::state::Placed>| {
        list.into_iter()
            .map(|p| html! { <NoteCard key={p.note.id.0.clone()} placed={p.clone()} /> })
            .collect::<Html>()
    };
    let empty = anchored.is_empty() && orphans.is_empty() && state.editor.is_none();
    let tab = |panel: Panel, label: String| {
        let annotator = annotator.clone();
        let selected = state.panel == panel;
        let onclick =
            Callback::from(move |_: MouseEvent| annotator.dispatch(Action::ShowPanel(panel)));
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("selected"))}
                    aria-selected={selected.to_string()} {onclick}>{label}</button>
        }
    };
    html! {
        <aside class="side-panel" aria-label="Notes and claims">
            <EntityCard />
            <div class="tabs" role="tablist">
                {tab(Panel::Notes, format!("Notes {}", state.notes.len()))}
                {tab(Panel::Claims, format!("Claims {}", annotator.analysis.claims.len()))}
            </div>
            if state.panel == Panel::Claims {
                <ClaimsPanel />
            } else {
                {new_note}
                if empty && state.loaded {
                    <p class="empty-hint">
                        {"Select a passage in the article, then choose "}<strong>{"Add note"}</strong>
                        {" (or press "}<kbd>{"n"}</kbd>{")."}
                    </p>
                }
                <ol class="note-list">{cards(anchored)}</ol>
                if !orphans.is_empty() {
                    <section class="orphans" aria-label="Notes whose passage was not found">
                        <h3>{format!("Passage not found ({})", orphans.len())}</h3>
                        <p class="orphans-hint">
                            {"The text these notes were attached to is no longer in the article. \
                              They are kept here with the passage they quoted."}
                        </p>
                        <ol class="note-list">{cards(orphans)}</ol>
                    </section>
                }
            }
        </aside>
    }
}
