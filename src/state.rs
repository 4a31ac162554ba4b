//! The app's state and the pure reducer that moves it: `state.apply(action) -> state`.
//!
//! The browser edge turns events into [`Action`]s; the UI renders [`AppState`]. Anything that
//! must not be lost (a note's text) is committed to storage by the edge first, and only then
//! does the state change, so a failed write leaves the note in the editor.

pub mod status;

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::analysis::Label;
use crate::anchor::{anchor, describe, Anchoring};
use crate::model::{Note, NoteId, Timestamp};
use crate::text::{ByteSpan, Document};

/// A note and where it currently sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub note: Note,
    pub anchoring: Anchoring,
}

/// The note editor: a new note on a passage, or an existing note being changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editor {
    New { span: ByteSpan, text: String },
    Edit { id: NoteId, text: String },
}

impl Editor {
    /// The text typed so far.
    pub fn text(&self) -> &str {
        match self {
            Editor::New { text, .. } | Editor::Edit { text, .. } => text,
        }
    }
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A message to the user about something that went wrong or needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub severity: Severity,
    pub message: String,
}

/// Which list the side panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Notes,
    Claims,
}

/// What of the automatic analysis is drawn on the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Display {
    /// Entity types the reader switched off in the legend.
    pub hidden: BTreeSet<Label>,
    pub claims: bool,
    /// The type written after each entity ("Kim Jong Un PERSON"), as displaCy does.
    pub labels: bool,
}

impl Default for Display {
    fn default() -> Display {
        Display {
            hidden: BTreeSet::new(),
            claims: true,
            labels: true,
        }
    }
}

/// Everything the UI renders.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub doc: Rc<Document>,
    /// Anchored notes in document order, then orphans in the order they were made.
    pub notes: Vec<Placed>,
    /// The reader's current selection inside the article, if any.
    pub selection: Option<ByteSpan>,
    pub editor: Option<Editor>,
    pub focused: Option<NoteId>,
    pub notices: Vec<Notice>,
    /// False until stored notes have been read; the UI saves nothing before that.
    pub loaded: bool,
    pub panel: Panel,
    pub display: Display,
    /// The entity whose mentions are shown: its full name and type.
    pub focused_entity: Option<(String, Label)>,
    /// The claim shown in the Claims panel, by its start in the text.
    pub focused_claim: Option<ByteSpan>,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Stored notes were read (on start, or after another tab changed them).
    Loaded {
        notes: Vec<Note>,
    },
    /// The selection inside the article changed; `None` when it is empty or outside.
    SelectionChanged(Option<ByteSpan>),
    /// Open the editor for a new note on the current selection.
    StartNote,
    /// Open the editor on an existing note.
    StartEdit(NoteId),
    EditorInput(String),
    CancelEditor,
    /// A note was written to storage: add it, or replace the note with its id.
    NoteSaved(Note),
    /// A note was removed from storage.
    NoteDeleted(NoteId),
    Focus(Option<NoteId>),
    Notify(Notice),
    DismissNotice(usize),
    /// Open the editor for a new note on a given passage (an entity or a claim).
    StartNoteOn(ByteSpan),
    ShowPanel(Panel),
    ToggleLabel(Label),
    ToggleClaims,
    ToggleLabels,
    /// Show every mention of an entity (by full name and type), or none.
    FocusEntity(Option<(String, Label)>),
    /// Show a claim in the Claims panel.
    FocusClaim(Option<ByteSpan>),
}

impl AppState {
    /// A fresh state showing `doc`, with nothing loaded yet.
    pub fn new(doc: Rc<Document>) -> AppState {
        AppState {
            doc,
            notes: Vec::new(),
            selection: None,
            editor: None,
            focused: None,
            notices: Vec::new(),
            loaded: false,
            panel: Panel::default(),
            display: Display::default(),
            focused_entity: None,
            focused_claim: None,
        }
    }

    /// The next state.
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Loaded { notes } => {
                next.notes = place_all(&next.doc, notes);
                next.loaded = true;
                if let Some(Editor::Edit { id, .. }) = &next.editor {
                    if next.find(id).is_none() {
                        next.notices.push(Notice {
                            severity: Severity::Warning,
                            message: "The note you were editing was deleted in another tab; \
                                      saving will create it again."
                                .into(),
                        });
                    }
                }
            }
            Action::SelectionChanged(span) => {
                next.selection = span.filter(|s| !s.is_empty());
            }
            Action::StartNote => {
                if let Some(span) = next.selection {
                    next.editor = Some(Editor::New {
                        span,
                        text: String::new(),
                    });
                    next.focused = None;
                    next.panel = Panel::Notes;
                }
            }
            Action::StartEdit(id) => {
                if let Some(placed) = next.find(&id) {
                    next.editor = Some(Editor::Edit {
                        text: placed.note.body.clone(),
                        id: id.clone(),
                    });
                    next.focused = Some(id);
                }
            }
            Action::EditorInput(text) => match &mut next.editor {
                Some(Editor::New { text: t, .. }) | Some(Editor::Edit { text: t, .. }) => *t = text,
                None => {}
            },
            Action::CancelEditor => next.editor = None,
            Action::NoteSaved(note) => {
                let id = note.id.clone();
                next.notes = place_all(&next.doc, self.notes_with(&note));
                next.editor = None;
                next.selection = None;
                next.focused = Some(id);
                next.panel = Panel::Notes;
            }
            Action::NoteDeleted(id) => {
                next.notes.retain(|p| p.note.id != id);
                if next.focused.as_ref() == Some(&id) {
                    next.focused = None;
                }
                if matches!(&next.editor, Some(Editor::Edit { id: e, .. }) if *e == id) {
                    next.editor = None;
                }
            }
            Action::Focus(id) => next.focused = id,
            Action::Notify(notice) => {
                if !next.notices.contains(&notice) {
                    next.notices.push(notice);
                }
            }
            Action::DismissNotice(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
            Action::StartNoteOn(span) => {
                if !span.is_empty() && next.doc.text().get(span.start.0..span.end.0).is_some() {
                    next.editor = Some(Editor::New {
                        span,
                        text: String::new(),
                    });
                    next.focused = None;
                    next.panel = Panel::Notes;
                }
            }
            Action::ShowPanel(panel) => next.panel = panel,
            Action::ToggleLabel(label) => {
                if !next.display.hidden.remove(&label) {
                    next.display.hidden.insert(label);
                }
            }
            Action::ToggleClaims => next.display.claims = !next.display.claims,
            Action::ToggleLabels => next.display.labels = !next.display.labels,
            Action::FocusEntity(entity) => next.focused_entity = entity,
            Action::FocusClaim(claim) => {
                next.focused_claim = claim;
                if claim.is_some() {
                    next.panel = Panel::Claims;
                }
            }
        }
        next
    }

    /// The placed note with this id.
    pub fn find(&self, id: &NoteId) -> Option<&Placed> {
        self.notes.iter().find(|p| &p.note.id == id)
    }

    /// All notes as stored (without their current placement).
    pub fn stored_notes(&self) -> Vec<Note> {
        self.notes.iter().map(|p| p.note.clone()).collect()
    }

    /// The note the editor would save, with the id and time the caller gives, or `None` when
    /// the editor is closed (or edits a note that no longer exists and has no passage).
    pub fn note_from_editor(&self, new_id: NoteId, now: Timestamp) -> Option<Note> {
        match self.editor.as_ref()? {
            Editor::New { span, text } => Some(Note {
                id: new_id,
                target: describe(self.doc.text(), *span),
                body: text.trim().to_string(),
                created: now.clone(),
                modified: now,
            }),
            Editor::Edit { id, text } => {
                let mut note = self.find(id)?.note.clone();
                note.body = text.trim().to_string();
                note.modified = now;
                Some(note)
            }
        }
    }

    /// The stored notes with `note` added or replaced: what must be written before
    /// [`Action::NoteSaved`].
    pub fn notes_with(&self, note: &Note) -> Vec<Note> {
        let mut notes = self.stored_notes();
        match notes.iter_mut().find(|n| n.id == note.id) {
            Some(existing) => *existing = note.clone(),
            None => notes.push(note.clone()),
        }
        notes
    }

    /// The stored notes without `id`: what must be written before [`Action::NoteDeleted`].
    pub fn notes_without(&self, id: &NoteId) -> Vec<Note> {
        self.notes
            .iter()
            .filter(|p| &p.note.id != id)
            .map(|p| p.note.clone())
            .collect()
    }

    /// Anchored notes with their spans, in document order.
    pub fn highlights(&self) -> Vec<(ByteSpan, NoteId)> {
        self.notes
            .iter()
            .filter_map(|p| Some((p.anchoring.span()?, p.note.id.clone())))
            .collect()
    }
}

/// Anchors every note and orders them: anchored by position (ties by creation), then orphans.
fn place_all(doc: &Document, notes: Vec<Note>) -> Vec<Placed> {
    let mut placed: Vec<Placed> = notes
        .into_iter()
        .map(|note| Placed {
            anchoring: anchor(doc.text(), &note.target),
            note,
        })
        .collect();
    placed.sort_by(|a, b| {
        let key = |p: &Placed| p.anchoring.span().map(|s| (s.start, s.end));
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.note.created.cmp(&b.note.created)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.note.created.cmp(&b.note.created),
        }
    });
    placed
}
