//! The annotator context: the state, the store, and domain methods components call
//! (`use_annotator().save_editor()`), so that no component writes storage by hand.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Analysis;
use crate::model::NoteId;
use crate::state::{Action, AppState, Notice, Severity};
use crate::web::{clock, selection, storage::NotesStore};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// What every component reaches through context.
#[derive(Clone)]
pub struct Annotator {
    pub state: UseReducerHandle<AppState>,
    pub store: Rc<NotesStore>,
    /// The analysis of the current document (computed once per document, after first paint).
    pub analysis: Rc<Analysis>,
    /// False until the analysis has run.
    pub analysed: bool,
    /// The text's direction, when the article declares one.
    pub dir: Option<AttrValue>,
}

impl PartialEq for Annotator {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.store, &other.store)
            && Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.analysed == other.analysed
            && self.dir == other.dir
    }
}

/// The annotator of the enclosing [`yew::ContextProvider`].
#[hook]
pub fn use_annotator() -> Annotator {
    use_context::<Annotator>().expect("components are rendered inside App's ContextProvider")
}

impl Annotator {
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// Opens the editor on the current selection.
    pub fn start_note(&self) {
        self.dispatch(Action::StartNote);
    }

    /// Writes the editor's note to storage, then shows it. On failure the editor stays open
    /// with its text and the user is told why.
    pub fn save_editor(&self) {
        let Some(note) = self
            .state
            .note_from_editor(clock::new_note_id(), clock::now())
        else {
            return;
        };
        match self.store.save(&self.state.notes_with(&note)) {
            Ok(()) => {
                selection::clear_selection();
                self.dispatch(Action::NoteSaved(note));
            }
            Err(e) => self.error(format!(
                "Your note was not saved: {e}. Its text is still in the editor. \
                 Delete notes you no longer need, or copy the text, and try again."
            )),
        }
    }

    /// Removes a note from storage, then from the page.
    pub fn delete(&self, id: NoteId) {
        match self.store.save(&self.state.notes_without(&id)) {
            Ok(()) => self.dispatch(Action::NoteDeleted(id)),
            Err(e) => self.error(format!("The note was not deleted: {e}.")),
        }
    }

    pub fn focus(&self, id: Option<NoteId>) {
        self.dispatch(Action::Focus(id));
    }

    fn error(&self, message: String) {
        self.dispatch(Action::Notify(Notice {
            severity: Severity::Error,
            message,
        }));
    }
}
