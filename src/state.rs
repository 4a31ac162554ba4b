//! The app's state and the pure reducer that moves it: `state.apply(action) -> state`.
//!
//! The browser edge turns events into [`Action`]s; the UI renders [`AppState`]. Anything that
//! must not be lost (a note's text) is committed to storage by the edge first, and only then
//! does the state change, so a failed write leaves the note in the editor.

pub mod history;
pub mod status;

use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::analysis::Label;
use crate::anchor::{describe, Anchorer, Anchoring};
use crate::model::{parse_tags, Annotations, Note, NoteId, Timestamp, VerdictTerm};
use crate::text::{ByteSpan, Document};
use history::{Edit, History};

/// A note and where it currently sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub note: Note,
    pub anchoring: Anchoring,
}

/// The note editor: a new note on a passage, or an existing note being changed. `tags` is
/// the tags field as typed ("source, loaded word").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editor {
    New {
        span: ByteSpan,
        text: String,
        tags: String,
    },
    Edit {
        id: NoteId,
        text: String,
        tags: String,
    },
}

impl Editor {
    /// The text typed so far.
    pub fn text(&self) -> &str {
        match self {
            Editor::New { text, .. } | Editor::Edit { text, .. } => text,
        }
    }

    /// The tags field as typed so far.
    pub fn tags(&self) -> &str {
        match self {
            Editor::New { tags, .. } | Editor::Edit { tags, .. } => tags,
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
    /// Notes, claims and entities together, in document order.
    All,
    #[default]
    Notes,
    Claims,
    Entities,
}

/// The side panel's search and filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Words to find in quotes, notes, replies, evidence, tags, verdicts and types.
    pub text: String,
    /// Only items with this verdict key; `Some("")` for claims and notes without one.
    pub verdict: Option<String>,
    /// Only notes with this tag.
    pub tag: Option<String>,
    /// Claims ranked by check-worthiness (the default) instead of document order.
    pub ranked: bool,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            text: String::new(),
            verdict: None,
            tag: None,
            ranked: true,
        }
    }
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
    /// Anchored notes in document order, then orphans in the order they were made. Shared,
    /// so that the many actions that do not touch notes do not copy thousands of them.
    pub notes: Rc<Vec<Placed>>,
    /// The article's verdict vocabulary.
    pub verdicts: Vec<VerdictTerm>,
    /// Changes that can be undone and redone.
    pub history: History,
    /// The reader's display name, written on the notes they make.
    pub author: Option<String>,
    pub query: Query,
    /// The last change, said to screen readers ("Undone: set verdict").
    pub announcement: String,
    /// The side panel item the keyboard is on.
    pub cursor: Option<crate::outline::ItemKey>,
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
// Actions live for one dispatch; boxing the large ones would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Stored notes were read (on start, or after another tab changed them).
    Loaded {
        annotations: Annotations,
    },
    /// A change was written to storage; `annotations` is what storage now holds. A change
    /// from the editor closes it and shows the note.
    Saved {
        annotations: Annotations,
        edit: Edit,
        from_editor: bool,
    },
    /// The last change was undone in storage.
    Undone {
        annotations: Annotations,
    },
    /// The last undone change was made again in storage.
    Redone {
        annotations: Annotations,
    },
    /// Undo or redo met a note changed elsewhere: the history is forgotten.
    ForgetHistory,
    /// The verdict vocabulary was changed in storage (not part of the undo history).
    VocabularySaved {
        annotations: Annotations,
    },
    EditorTags(String),
    /// Puts the keyboard on a side panel item.
    Cursor(Option<crate::outline::ItemKey>),
    SetAuthor(Option<String>),
    Search(String),
    FilterVerdict(Option<String>),
    FilterTag(Option<String>),
    RankClaims(bool),
    /// The selection inside the article changed; `None` when it is empty or outside.
    SelectionChanged(Option<ByteSpan>),
    /// Open the editor for a new note on the current selection.
    StartNote,
    /// Open the editor on an existing note.
    StartEdit(NoteId),
    EditorInput(String),
    CancelEditor,
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
            notes: Rc::new(Vec::new()),
            verdicts: crate::model::default_verdicts(),
            history: History::default(),
            author: None,
            query: Query::default(),
            announcement: String::new(),
            cursor: None,
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
            Action::Loaded { annotations } => {
                next.take(annotations);
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
                        tags: String::new(),
                    });
                    next.focused = None;
                    next.panel = Panel::Notes;
                }
            }
            Action::StartEdit(id) => {
                if let Some(placed) = next.find(&id) {
                    next.editor = Some(Editor::Edit {
                        text: placed.note.body.clone(),
                        tags: placed.note.tags.join(", "),
                        id: id.clone(),
                    });
                    next.focused = Some(id);
                    next.panel = Panel::Notes;
                }
            }
            Action::EditorInput(text) => match &mut next.editor {
                Some(Editor::New { text: t, .. }) | Some(Editor::Edit { text: t, .. }) => *t = text,
                None => {}
            },
            Action::EditorTags(typed) => match &mut next.editor {
                Some(Editor::New { tags, .. }) | Some(Editor::Edit { tags, .. }) => *tags = typed,
                None => {}
            },
            Action::CancelEditor => next.editor = None,
            Action::Saved {
                annotations,
                edit,
                from_editor,
            } => {
                next.take(annotations);
                if from_editor {
                    next.editor = None;
                    next.selection = None;
                    next.panel = Panel::Notes;
                }
                next.show_result(&edit.after);
                next.announcement = format!("Saved: {}", edit.describe());
                next.history.record(edit);
            }
            Action::Undone { annotations } => {
                let shown = next.history.undo.last().map(|e| e.before.clone());
                if let Some(edit) = next.history.undo.last() {
                    next.announcement = format!("Undone: {}", edit.describe());
                }
                next.take(annotations);
                next.history.undone();
                if let Some(note) = shown {
                    next.show_result(&note);
                }
            }
            Action::Redone { annotations } => {
                let shown = next.history.redo.last().map(|e| e.after.clone());
                if let Some(edit) = next.history.redo.last() {
                    next.announcement = format!("Redone: {}", edit.describe());
                }
                next.take(annotations);
                next.history.redone();
                if let Some(note) = shown {
                    next.show_result(&note);
                }
            }
            Action::VocabularySaved { annotations } => next.take(annotations),
            Action::ForgetHistory => next.history = History::default(),
            Action::Cursor(key) => next.cursor = key,
            Action::SetAuthor(name) => {
                next.author = name
                    .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|n| !n.is_empty());
            }
            Action::Search(text) => next.query.text = text,
            Action::FilterVerdict(verdict) => next.query.verdict = verdict,
            Action::FilterTag(tag) => next.query.tag = tag,
            Action::RankClaims(ranked) => next.query.ranked = ranked,
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
                        tags: String::new(),
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
                if claim.is_some() && matches!(next.panel, Panel::Notes | Panel::Entities) {
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

    /// The notes and vocabulary as stored.
    pub fn annotations(&self) -> Annotations {
        Annotations {
            verdicts: self.verdicts.clone(),
            notes: self.stored_notes(),
        }
    }

    /// The change the editor would save, with the id and time the caller gives, or `None`
    /// when the editor is closed (or edits a note that no longer exists).
    pub fn edit_from_editor(&self, new_id: NoteId, now: Timestamp) -> Option<Edit> {
        match self.editor.as_ref()? {
            Editor::New { span, text, tags } => {
                let mut note = Note::new(
                    new_id,
                    describe(self.doc.text(), *span),
                    text.trim().to_string(),
                    now,
                );
                note.author = self.author.clone();
                note.tags = parse_tags(tags);
                Some(Edit::new(None, Some(note)))
            }
            Editor::Edit { id, text, tags } => {
                let before = self.find(id)?.note.clone();
                let mut note = before.clone();
                note.body = text.trim().to_string();
                note.tags = parse_tags(tags);
                if note != before {
                    note.modified = now;
                }
                Some(Edit::new(Some(before), Some(note)))
            }
        }
    }

    /// A change to an existing note made by `change` (a verdict, a tag, evidence, a reply),
    /// stamped `now`; `None` when the note is gone or nothing changed.
    pub fn edit_note(
        &self,
        id: &NoteId,
        now: Timestamp,
        change: impl FnOnce(&mut Note),
    ) -> Option<Edit> {
        let before = self.find(id)?.note.clone();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return None;
        }
        after.modified = now;
        Some(Edit::new(Some(before), Some(after)))
    }

    /// The change that deletes a note.
    pub fn edit_delete(&self, id: &NoteId) -> Option<Edit> {
        let before = self.find(id)?.note.clone();
        Some(Edit::new(Some(before), None))
    }

    /// A verdict for the passage `span` (a claim): set on the note already anchored exactly
    /// there, or on a new note made for it.
    pub fn edit_verdict_on(
        &self,
        span: ByteSpan,
        verdict: Option<String>,
        new_id: NoteId,
        now: Timestamp,
    ) -> Option<Edit> {
        let existing = self
            .notes
            .iter()
            .find(|p| p.anchoring.span() == Some(span) && p.note.verdict.is_some())
            .or_else(|| self.notes.iter().find(|p| p.anchoring.span() == Some(span)));
        match existing {
            Some(p) => self.edit_note(&p.note.id, now, |n| n.verdict = verdict),
            None => {
                if span.is_empty() || self.doc.text().get(span.start.0..span.end.0).is_none() {
                    return None;
                }
                verdict.as_ref()?;
                let mut note =
                    Note::new(new_id, describe(self.doc.text(), span), String::new(), now);
                note.author = self.author.clone();
                note.verdict = verdict;
                Some(Edit::new(None, Some(note)))
            }
        }
    }

    /// Every tag used in the article, most used first (ties alphabetically).
    pub fn tags_in_use(&self) -> Vec<(String, usize)> {
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for p in self.notes.iter() {
            for tag in &p.note.tags {
                *counts.entry(tag.as_str()).or_default() += 1;
            }
        }
        let mut tags: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(t, c)| (t.to_string(), c))
            .collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        tags
    }

    /// The label of a verdict key ("false" → "False"); the key itself when the vocabulary no
    /// longer has it.
    pub fn verdict_label<'a>(&'a self, key: &'a str) -> &'a str {
        self.verdicts
            .iter()
            .find(|t| t.key == key)
            .map_or(key, |t| t.label.as_str())
    }

    /// Replaces the notes and vocabulary with what storage holds, re-anchoring only notes
    /// that are new or whose target changed.
    fn take(&mut self, annotations: Annotations) {
        self.notes = Rc::new(place_all(&self.doc, annotations.notes, &self.notes));
        self.verdicts = annotations.verdicts;
    }

    /// Shows the note a change left (none when it removed it).
    fn show_result(&mut self, note: &Option<Note>) {
        match note {
            Some(note) => self.focused = Some(note.id.clone()),
            None => {
                if let Some(id) = &self.focused {
                    if self.find(id).is_none() {
                        self.focused = None;
                    }
                }
                if let Some(Editor::Edit { id, .. }) = &self.editor {
                    if self.find(id).is_none() {
                        self.editor = None;
                    }
                }
            }
        }
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
/// A note whose target is unchanged since `previous` keeps its anchoring.
fn place_all(doc: &Document, notes: Vec<Note>, previous: &[Placed]) -> Vec<Placed> {
    let known: FxHashMap<&NoteId, &Placed> = previous.iter().map(|p| (&p.note.id, p)).collect();
    // Indexing a long text takes a moment: only when some note is new or moved.
    let mut anchorer: Option<Anchorer> = None;
    let mut placed: Vec<Placed> = notes
        .into_iter()
        .map(|note| {
            let anchoring = match known.get(&note.id) {
                Some(p) if p.note.target == note.target => p.anchoring,
                _ => anchorer
                    .get_or_insert_with(|| Anchorer::new(doc.text()))
                    .anchor(&note.target),
            };
            Placed { note, anchoring }
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
