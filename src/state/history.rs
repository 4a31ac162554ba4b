//! Undo and redo: every change to an article's notes is an [`Edit`] of one note, from what it
//! was to what it became, so that undoing touches that note alone and leaves changes made in
//! another tab in place.
//!
//! ```
//! use glossa::model::{Annotations, Note, NoteId, Target, TextPositionSelector, TextQuoteSelector, Timestamp};
//! use glossa::state::history::Edit;
//! let target = Target {
//!     quote: TextQuoteSelector { exact: "90".into(), prefix: String::new(), suffix: String::new() },
//!     position: TextPositionSelector { start: Default::default(), end: Default::default() },
//! };
//! let note = Note::new(NoteId("n1".into()), target, "Check".into(), Timestamp("t1".into()));
//! let mut annotations = Annotations::default();
//! let add = Edit::new(None, Some(note));
//! add.apply(&mut annotations).unwrap();
//! assert_eq!(annotations.notes.len(), 1);
//! add.inverse().apply(&mut annotations).unwrap();
//! assert!(annotations.notes.is_empty());
//! ```

use crate::model::{Annotations, Note, NoteId};

/// How many changes can be undone.
pub const HISTORY_LIMIT: usize = 200;

/// A change to one note: `None` before means it was created, `None` after that it was
/// deleted. An import changes many notes at once: the others are in `also`, and the whole
/// is undone and redone as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub before: Option<Note>,
    pub after: Option<Note>,
    /// The other notes the same action changed, each as (before, after).
    pub also: Vec<(Option<Note>, Option<Note>)>,
    /// What the action was, when it is not told by the change itself ("import").
    pub what: Option<&'static str>,
}

/// The change could not be applied: the note is no longer what this change expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the note was changed or deleted since (perhaps in another tab)")]
pub struct Conflict;

impl Edit {
    pub fn new(before: Option<Note>, after: Option<Note>) -> Edit {
        Edit {
            before,
            after,
            also: Vec::new(),
            what: None,
        }
    }

    /// One edit for every note that differs between `before` and `after` (an import), or
    /// `None` when no note differs.
    ///
    /// ```
    /// use glossa::model::Annotations;
    /// use glossa::state::history::Edit;
    /// assert!(Edit::between(&Annotations::default(), &Annotations::default()).is_none());
    /// ```
    pub fn between(
        before: &crate::model::Annotations,
        after: &crate::model::Annotations,
    ) -> Option<Edit> {
        let old_notes: rustc_hash::FxHashMap<&NoteId, &Note> =
            before.notes.iter().map(|n| (&n.id, n)).collect();
        let new_notes: rustc_hash::FxHashMap<&NoteId, &Note> =
            after.notes.iter().map(|n| (&n.id, n)).collect();
        let mut changes: Vec<(Option<Note>, Option<Note>)> = Vec::new();
        for note in &after.notes {
            let old = old_notes.get(&note.id).copied();
            if old != Some(note) {
                changes.push((old.cloned(), Some(note.clone())));
            }
        }
        for note in &before.notes {
            if !new_notes.contains_key(&note.id) {
                changes.push((Some(note.clone()), None));
            }
        }
        let mut changes = changes.into_iter();
        let (before, after) = changes.next()?;
        Some(Edit {
            before,
            after,
            also: changes.collect(),
            what: Some("import"),
        })
    }

    /// Every note change this edit makes, the main one first.
    fn changes(&self) -> impl Iterator<Item = (&Option<Note>, &Option<Note>)> {
        std::iter::once((&self.before, &self.after)).chain(self.also.iter().map(|(b, a)| (b, a)))
    }

    /// The note this change is about.
    pub fn id(&self) -> Option<&NoteId> {
        self.after.as_ref().or(self.before.as_ref()).map(|n| &n.id)
    }

    /// The change that takes it back.
    pub fn inverse(&self) -> Edit {
        Edit {
            before: self.after.clone(),
            after: self.before.clone(),
            also: self
                .also
                .iter()
                .map(|(b, a)| (a.clone(), b.clone()))
                .collect(),
            what: self.what,
        }
    }

    /// Makes the change, whatever the note is now (a save from the editor: the reader's
    /// latest words win).
    pub fn apply(&self, annotations: &mut Annotations) -> Result<(), Conflict> {
        for (before, after) in self.changes() {
            let id = after.as_ref().or(before.as_ref()).ok_or(Conflict)?;
            match after {
                Some(note) => annotations.put(note.clone()),
                None => {
                    annotations.remove(&id.id);
                }
            }
        }
        Ok(())
    }

    /// Makes the change only if the note is still what it was before it (undo and redo,
    /// which must not silently overwrite someone else's change).
    pub fn apply_checked(&self, annotations: &mut Annotations) -> Result<(), Conflict> {
        for (before, after) in self.changes() {
            let id = &after.as_ref().or(before.as_ref()).ok_or(Conflict)?.id;
            let now = annotations.notes.iter().find(|n| &n.id == id);
            if now != before.as_ref() {
                return Err(Conflict);
            }
        }
        self.apply(annotations)
    }

    /// What the change did, for "Undo add note" and the like.
    pub fn describe(&self) -> &'static str {
        if let Some(what) = self.what {
            return what;
        }
        match (&self.before, &self.after) {
            (None, Some(_)) => "add note",
            (Some(_), None) => "delete note",
            (Some(a), Some(b)) if a.verdict != b.verdict => "set verdict",
            (Some(a), Some(b)) if a.tags != b.tags && a.body == b.body => "change tags",
            (Some(a), Some(b)) if a.evidence != b.evidence => "change evidence",
            (Some(a), Some(b)) if a.replies != b.replies => "change replies",
            (Some(a), Some(b)) if a.target != b.target => "move note",
            _ => "edit note",
        }
    }
}

/// The changes that can be undone and redone, most recent last.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
}

impl History {
    /// A new change: it can be undone, and whatever was undone can no longer be redone.
    pub fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The last change was undone.
    pub fn undone(&mut self) {
        if let Some(edit) = self.undo.pop() {
            self.redo.push(edit);
        }
    }

    /// The last undone change was made again.
    pub fn redone(&mut self) {
        if let Some(edit) = self.redo.pop() {
            self.undo.push(edit);
        }
    }
}
