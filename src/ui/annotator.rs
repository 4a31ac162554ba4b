//! The annotator context: the state, the store, and domain methods components call
//! (`use_annotator().save_editor()`), so that no component writes storage by hand.
//!
//! Every change goes the same way: the core works out an [`Edit`], the store applies it to
//! what storage holds, and only then does the page show it. A failed write leaves the page
//! (and any text being typed) as it was and says why.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Analysis;
use crate::model::{Annotations, Note, NoteId};
use crate::state::history::{Conflict, Edit};
use crate::state::{Action, AppState, Notice, Severity};
use crate::text::ByteSpan;
use crate::web::storage::{NotesStore, StorageError};
use crate::web::{clock, profile, selection};

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
    /// Whether the automatic highlights (entities, claims) are offered; a student's exercise
    /// can hide them.
    pub automatic: bool,
}

impl PartialEq for Annotator {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.store, &other.store)
            && Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.analysed == other.analysed
            && self.dir == other.dir
            && self.automatic == other.automatic
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
        let Some(edit) = self
            .state
            .edit_from_editor(clock::new_note_id(), clock::now())
        else {
            return;
        };
        if let Err(e) = self.commit(edit, true) {
            self.error(format!(
                "Your note was not saved: {e}. Its text is still in the editor. \
                 Delete notes you no longer need, or copy the text, and try again."
            ));
        }
    }

    /// Removes a note from storage, then from the page.
    pub fn delete(&self, id: NoteId) {
        let Some(edit) = self.state.edit_delete(&id) else {
            return;
        };
        if let Err(e) = self.commit(edit, false) {
            self.error(format!("The note was not deleted: {e}."));
        }
    }

    /// Changes a note (verdict, tags, evidence, replies) and saves it.
    pub fn change(&self, id: &NoteId, what: &str, change: impl FnOnce(&mut Note)) {
        let Some(edit) = self.state.edit_note(id, clock::now(), change) else {
            return;
        };
        if let Err(e) = self.commit(edit, false) {
            self.error(format!("The {what} was not saved: {e}."));
        }
    }

    /// Gives the passage `span` (a claim) a verdict, on its note or a new one.
    pub fn set_verdict_on(&self, span: ByteSpan, verdict: Option<String>) {
        let Some(edit) =
            self.state
                .edit_verdict_on(span, verdict, clock::new_note_id(), clock::now())
        else {
            return;
        };
        if let Err(e) = self.commit(edit, false) {
            self.error(format!("The verdict was not saved: {e}."));
        }
    }

    /// Takes back the last change.
    pub fn undo(&self) {
        let Some(edit) = self.state.history.undo.last() else {
            return;
        };
        let inverse = edit.inverse();
        match self.store.update(|a| inverse.apply_checked(a)) {
            Ok(annotations) => self.dispatch(Action::Undone { annotations }),
            Err(e) => self.history_failed("undone", e),
        }
    }

    /// Makes the last undone change again.
    pub fn redo(&self) {
        let Some(edit) = self.state.history.redo.last() else {
            return;
        };
        let edit = edit.clone();
        match self.store.update(|a| edit.apply_checked(a)) {
            Ok(annotations) => self.dispatch(Action::Redone { annotations }),
            Err(e) => self.history_failed("redone", e),
        }
    }

    /// Changes the article's verdict vocabulary.
    pub fn change_vocabulary(&self, change: impl FnOnce(&mut Annotations)) {
        let result = self.store.update(|a| {
            change(a);
            Ok(())
        });
        match result {
            Ok(annotations) => self.dispatch(Action::VocabularySaved { annotations }),
            Err(e) => self.error(format!("The verdicts were not saved: {e}.")),
        }
    }

    /// Sets the display name written on new notes and replies, for every article.
    pub fn set_author(&self, name: Option<String>) {
        if let Err(e) = profile::save_author(name.as_deref()) {
            self.error(format!("Your name was not saved: {e}."));
        }
        self.dispatch(Action::SetAuthor(name));
    }

    /// Merges an imported file's notes into what storage holds now (see
    /// [`crate::io::import`]), then shows them; says what it did.
    pub fn import(&self, plan: &crate::io::import::Plan, take_theirs: bool) {
        let mut edit = None;
        let result = self.store.update(|a| {
            let merged = crate::io::import::apply(a, plan, take_theirs);
            edit = Edit::between(a, &merged);
            *a = merged;
            Ok(())
        });
        match (result, edit) {
            (Ok(annotations), Some(edit)) => {
                self.dispatch(Action::Saved {
                    annotations,
                    edit,
                    from_editor: false,
                });
                self.dispatch(Action::Notify(Notice {
                    severity: Severity::Info,
                    message: format!(
                        "Imported: {}. Undo takes the whole import back.",
                        plan.summary()
                    ),
                }));
            }
            (Ok(annotations), None) => self.dispatch(Action::VocabularySaved { annotations }),
            (Err(e), _) => self.error(format!(
                "Nothing was imported: {e}. Your notes are unchanged."
            )),
        }
    }

    /// Adds several notes as one change (one Undo takes them all back).
    pub fn add_notes(&self, notes: Vec<Note>, what: &str) {
        if notes.is_empty() {
            return;
        }
        let mut edit = None;
        let result = self.store.update(|a| {
            let mut next = a.clone();
            for note in notes {
                next.put(note);
            }
            edit = Edit::between(a, &next);
            *a = next;
            Ok(())
        });
        match (result, edit) {
            (Ok(annotations), Some(edit)) => self.dispatch(Action::Saved {
                annotations,
                edit,
                from_editor: false,
            }),
            (Ok(annotations), None) => self.dispatch(Action::VocabularySaved { annotations }),
            (Err(e), _) => self.error(format!("The {what} notes were not saved: {e}.")),
        }
    }

    pub fn focus(&self, id: Option<NoteId>) {
        self.dispatch(Action::Focus(id));
    }

    fn commit(&self, edit: Edit, from_editor: bool) -> Result<(), StorageError> {
        let annotations = self.store.update(|a| edit.apply(a))?;
        if from_editor {
            selection::clear_selection();
        }
        self.dispatch(Action::Saved {
            annotations,
            edit,
            from_editor,
        });
        Ok(())
    }

    fn history_failed(&self, done: &str, error: StorageError) {
        if let StorageError::Conflict(Conflict) = error {
            self.dispatch(Action::ForgetHistory);
            self.warn(format!(
                "That change cannot be {done}: {error}. The undo history was cleared; \
                 the notes are as stored."
            ));
        } else {
            self.error(format!("The change was not {done}: {error}."));
        }
    }

    fn error(&self, message: String) {
        self.dispatch(Action::Notify(Notice {
            severity: Severity::Error,
            message,
        }));
    }

    fn warn(&self, message: String) {
        self.dispatch(Action::Notify(Notice {
            severity: Severity::Warning,
            message,
        }));
    }
}
