//! The reducer, natively: what each action does to the state, as a reader would see it.

use std::rc::Rc;

use glossa::anchor::Anchoring;
use glossa::model::{Annotations, NoteId, Timestamp};
use glossa::state::{Action, AppState, Editor, Notice, Severity};
use glossa::text::{ByteOffset, ByteSpan, Document};

const TEXT: &str =
    "Kim’s train 🚂\n\nThe armoured train has around 90 carriages.\n\nIt left on Monday evening.";

fn state() -> AppState {
    let doc = Rc::new(Document::from_plain_text(TEXT));
    AppState::new(doc).apply(Action::Loaded {
        annotations: Annotations::default(),
    })
}

fn span_of(state: &AppState, needle: &str) -> ByteSpan {
    let at = state.doc.text().find(needle).expect("needle");
    ByteSpan::new(ByteOffset(at), ByteOffset(at + needle.len()))
}

/// Select `passage`, open the editor, type `body`, and save as the edge does after a
/// successful write.
fn add_note(state: AppState, passage: &str, body: &str, id: &str, at: &str) -> AppState {
    let span = span_of(&state, passage);
    let s = state
        .apply(Action::SelectionChanged(Some(span)))
        .apply(Action::StartNote)
        .apply(Action::EditorInput(body.into()));
    let edit = s
        .edit_from_editor(NoteId(id.into()), Timestamp(at.into()))
        .expect("editor open");
    save(s, edit, true)
}

/// What the edge does once storage has taken a change: storage now holds the state's
/// annotations with the change applied.
fn save(s: AppState, edit: glossa::state::history::Edit, from_editor: bool) -> AppState {
    let mut annotations = s.annotations();
    edit.apply(&mut annotations).unwrap();
    s.apply(Action::Saved {
        annotations,
        edit,
        from_editor,
    })
}

#[test]
fn a_note_is_made_from_the_selection_and_anchored_on_it() {
    let s = add_note(
        state(),
        "around 90 carriages",
        "  Check the count.  ",
        "n1",
        "t1",
    );
    assert_eq!(s.notes.len(), 1);
    let placed = &s.notes[0];
    assert_eq!(placed.note.body, "Check the count.");
    assert_eq!(placed.note.target.quote.exact, "around 90 carriages");
    assert_eq!(
        placed.anchoring,
        Anchoring::Exact(span_of(&s, "around 90 carriages"))
    );
    assert_eq!(s.editor, None);
    assert_eq!(s.selection, None);
    assert_eq!(s.focused, Some(NoteId("n1".into())));
}

#[test]
fn notes_are_listed_in_document_order_not_creation_order() {
    let s = add_note(state(), "Monday evening", "b", "late", "t1");
    let s = add_note(s, "armoured train", "a", "early", "t2");
    let ids: Vec<_> = s.notes.iter().map(|p| p.note.id.0.as_str()).collect();
    assert_eq!(ids, ["early", "late"]);
}

#[test]
fn overlapping_notes_both_highlight() {
    let s = add_note(state(), "armoured train has", "a", "n1", "t1");
    let s = add_note(s, "train has around 90", "b", "n2", "t2");
    let spans: Vec<_> = s.highlights().into_iter().map(|(span, _)| span).collect();
    assert_eq!(spans.len(), 2);
    assert!(spans[0].overlaps(spans[1]));
}

#[test]
fn editing_changes_the_body_and_modified_time_only() {
    let s = add_note(state(), "Monday evening", "first", "n1", "t1");
    let s = s
        .apply(Action::StartEdit(NoteId("n1".into())))
        .apply(Action::EditorInput("second".into()));
    assert_eq!(
        s.editor,
        Some(Editor::Edit {
            id: NoteId("n1".into()),
            text: "second".into(),
            tags: String::new(),
        })
    );
    let edit = s
        .edit_from_editor(NoteId("unused".into()), Timestamp("t2".into()))
        .unwrap();
    let edited = edit.after.clone().unwrap();
    assert_eq!(edited.id, NoteId("n1".into()));
    assert_eq!(
        (edited.created.0.as_str(), edited.modified.0.as_str()),
        ("t1", "t2")
    );
    let s = save(s, edit, true);
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].note.body, "second");
}

#[test]
fn deleting_removes_the_note_and_its_focus() {
    let s = add_note(state(), "Monday evening", "x", "n1", "t1");
    let edit = s.edit_delete(&NoteId("n1".into())).unwrap();
    assert_eq!(edit.after, None);
    let s = save(s, edit, false);
    assert!(s.notes.is_empty());
    assert_eq!(s.focused, None);
}

#[test]
fn a_failed_save_keeps_the_editor_and_its_text() {
    let span = span_of(&state(), "Monday");
    let s = state()
        .apply(Action::SelectionChanged(Some(span)))
        .apply(Action::StartNote)
        .apply(Action::EditorInput("precious words".into()))
        // The edge could not write: it reports, and never dispatches NoteSaved.
        .apply(Action::Notify(Notice {
            severity: Severity::Error,
            message: "full".into(),
        }))
        .apply(Action::SelectionChanged(None));
    assert_eq!(s.editor.as_ref().map(Editor::text), Some("precious words"));
    assert!(s.notes.is_empty());
    assert_eq!(s.notices.len(), 1);
    let s = s
        .apply(Action::DismissNotice(0))
        .apply(Action::DismissNotice(7));
    assert!(s.notices.is_empty());
}

#[test]
fn start_note_without_a_selection_does_nothing() {
    let s = state().apply(Action::StartNote);
    assert_eq!(s.editor, None);
    let empty = ByteSpan::new(ByteOffset(3), ByteOffset(3));
    let s = s
        .apply(Action::SelectionChanged(Some(empty)))
        .apply(Action::StartNote);
    assert_eq!(s.editor, None);
}

#[test]
fn notes_whose_passage_is_gone_are_kept_as_orphans_at_the_end() {
    let s = add_note(state(), "Monday evening", "x", "gone", "t1");
    let s = add_note(s, "Kim’s train", "y", "here", "t2");
    let annotations = s.annotations();
    let edited = Rc::new(Document::from_plain_text(
        "Kim’s train 🚂\n\nThe armoured train has around 90 carriages.\n\nIt left on Tuesday.",
    ));
    let s = AppState::new(edited).apply(Action::Loaded { annotations });
    let kinds: Vec<_> = s
        .notes
        .iter()
        .map(|p| (p.note.id.0.as_str(), p.anchoring.span().is_some()))
        .collect();
    assert_eq!(kinds, [("here", true), ("gone", false)]);
    assert_eq!(s.highlights().len(), 1);
}

#[test]
fn loading_while_editing_a_note_deleted_elsewhere_warns() {
    let s = add_note(state(), "Monday evening", "x", "n1", "t1")
        .apply(Action::StartEdit(NoteId("n1".into())))
        .apply(Action::Loaded {
            annotations: Annotations::default(),
        });
    assert_eq!(s.notices.len(), 1);
    assert!(
        s.editor.is_some(),
        "the text being typed is not thrown away"
    );
}

#[test]
fn a_note_can_start_on_a_given_passage_and_bad_spans_are_refused() {
    use glossa::state::Panel;
    let s = state().apply(Action::ShowPanel(Panel::Claims));
    let span = span_of(&s, "around 90 carriages");
    let s = s.apply(Action::StartNoteOn(span));
    assert_eq!(
        s.editor,
        Some(Editor::New {
            span,
            text: String::new(),
            tags: String::new(),
        })
    );
    assert_eq!(
        s.panel,
        Panel::Notes,
        "the editor is shown where the notes are"
    );
    for bad in [
        ByteSpan::new(ByteOffset(5), ByteOffset(5)),
        ByteSpan::new(ByteOffset(0), ByteOffset(10_000)),
        // Inside the 3-byte ’ of "Kim’s".
        ByteSpan::new(ByteOffset(4), ByteOffset(6)),
    ] {
        assert_eq!(
            state().apply(Action::StartNoteOn(bad)).editor,
            None,
            "{bad:?}"
        );
    }
}

#[test]
fn legend_toggles_and_focus_of_entities_and_claims() {
    use glossa::analysis::Label;
    use glossa::state::Panel;
    let s = state()
        .apply(Action::ToggleLabel(Label::Person))
        .apply(Action::ToggleLabel(Label::Place))
        .apply(Action::ToggleLabel(Label::Person))
        .apply(Action::ToggleClaims)
        .apply(Action::ToggleLabels);
    assert_eq!(
        s.display.hidden.iter().copied().collect::<Vec<_>>(),
        [Label::Place]
    );
    assert!(!s.display.claims && !s.display.labels);
    let s = s.apply(Action::FocusEntity(Some((
        "Kim Jong Un".into(),
        Label::Person,
    ))));
    assert_eq!(
        s.focused_entity,
        Some(("Kim Jong Un".into(), Label::Person))
    );
    let claim = span_of(&s, "The armoured train has around 90 carriages.");
    let s = s.apply(Action::FocusClaim(Some(claim)));
    assert_eq!((s.focused_claim, s.panel), (Some(claim), Panel::Claims));
    let s = s
        .apply(Action::FocusEntity(None))
        .apply(Action::FocusClaim(None));
    assert_eq!((s.focused_entity.clone(), s.focused_claim), (None, None));
}

fn undo(s: AppState) -> AppState {
    let inverse = s.history.undo.last().expect("something to undo").inverse();
    let mut annotations = s.annotations();
    inverse
        .apply_checked(&mut annotations)
        .expect("no conflict");
    s.apply(Action::Undone { annotations })
}

fn redo(s: AppState) -> AppState {
    let edit = s.history.redo.last().expect("something to redo").clone();
    let mut annotations = s.annotations();
    edit.apply_checked(&mut annotations).expect("no conflict");
    s.apply(Action::Redone { annotations })
}

fn bodies(s: &AppState) -> Vec<(String, Vec<String>, Option<String>)> {
    s.notes
        .iter()
        .map(|p| {
            (
                p.note.body.clone(),
                p.note.tags.clone(),
                p.note.verdict.clone(),
            )
        })
        .collect()
}

#[test]
fn tags_are_parsed_from_the_editor_and_suggested_by_use() {
    let span = span_of(&state(), "Monday evening");
    let s = state()
        .apply(Action::SelectionChanged(Some(span)))
        .apply(Action::StartNote)
        .apply(Action::EditorInput("when?".into()))
        .apply(Action::EditorTags(" date , source,, DATE ".into()));
    let edit = s
        .edit_from_editor(NoteId("a".into()), Timestamp("t1".into()))
        .unwrap();
    let s = save(s, edit, true);
    let s = add_note(s, "armoured train", "x", "b", "t2");
    let id = NoteId("b".into());
    let edit = s
        .edit_note(&id, Timestamp("t3".into()), |n| {
            n.tags = vec!["source".into()]
        })
        .unwrap();
    assert_eq!(edit.describe(), "change tags");
    let s = save(s, edit, false);
    assert_eq!(s.notes[1].note.tags, ["date", "source"]);
    assert_eq!(
        s.tags_in_use(),
        [("source".to_string(), 2), ("date".to_string(), 1)]
    );
    // Editing shows the tags as typed text again.
    let s = s.apply(Action::StartEdit(NoteId("a".into())));
    assert_eq!(s.editor.as_ref().map(Editor::tags), Some("date, source"));
}

#[test]
fn a_verdict_on_a_claim_makes_a_note_once_then_changes_it() {
    let s = state().apply(Action::SetAuthor(Some("  Ana   Ruiz ".into())));
    let claim = span_of(&s, "The armoured train has around 90 carriages.");
    assert_eq!(
        s.edit_verdict_on(claim, None, NoteId("x".into()), Timestamp("t0".into())),
        None,
        "no verdict, no new note"
    );
    let edit = s
        .edit_verdict_on(
            claim,
            Some("false".into()),
            NoteId("v1".into()),
            Timestamp("t1".into()),
        )
        .unwrap();
    assert_eq!(edit.describe(), "add note");
    let s = save(s, edit, false);
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].note.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(s.verdict_label("false"), "False");
    let edit = s
        .edit_verdict_on(
            claim,
            Some("true".into()),
            NoteId("v2".into()),
            Timestamp("t2".into()),
        )
        .unwrap();
    assert_eq!(edit.describe(), "set verdict");
    let s = save(s, edit, false);
    assert_eq!(s.notes.len(), 1, "the same note, not a second one");
    assert_eq!(s.notes[0].note.verdict.as_deref(), Some("true"));
    assert_eq!(s.notes[0].note.modified.0, "t2");
}

#[test]
fn every_change_can_be_undone_and_redone_in_order() {
    let s = add_note(state(), "Monday evening", "first", "n1", "t1");
    let id = NoteId("n1".into());
    let s = save(
        s.clone(),
        s.edit_note(&id, Timestamp("t2".into()), |n| {
            n.verdict = Some("false".into())
        })
        .unwrap(),
        false,
    );
    let s = save(s.clone(), s.edit_delete(&id).unwrap(), false);
    assert!(s.notes.is_empty());
    assert_eq!(s.history.undo.len(), 3);
    let s = undo(s);
    assert_eq!(s.announcement, "Undone: delete note");
    assert_eq!(bodies(&s), [("first".into(), vec![], Some("false".into()))]);
    assert_eq!(s.focused, Some(id.clone()), "the restored note is shown");
    let s = undo(s);
    assert_eq!(bodies(&s), [("first".into(), vec![], None)]);
    let s = undo(s);
    assert!(s.notes.is_empty());
    assert!(s.history.undo.is_empty());
    let s = redo(redo(s));
    assert_eq!(s.announcement, "Redone: set verdict");
    assert_eq!(bodies(&s), [("first".into(), vec![], Some("false".into()))]);
    // A new change forgets what could be redone.
    assert_eq!(s.history.redo.len(), 1);
    let s = add_note(s, "armoured train", "x", "n2", "t3");
    assert!(s.history.redo.is_empty());
}

#[test]
fn undo_refuses_to_overwrite_a_change_made_in_another_tab() {
    let s = add_note(state(), "Monday evening", "mine", "n1", "t1");
    // Another tab edits the same note; storage now holds its version.
    let mut theirs = s.annotations();
    theirs.notes[0].body = "theirs".into();
    let inverse = s.history.undo.last().unwrap().inverse();
    assert!(inverse.apply_checked(&mut theirs.clone()).is_err());
    let s = s
        .apply(Action::Loaded {
            annotations: theirs,
        })
        .apply(Action::ForgetHistory);
    assert_eq!(s.notes[0].note.body, "theirs");
    assert!(s.history.undo.is_empty());
}

#[test]
fn an_unchanged_save_from_the_editor_keeps_the_modified_time() {
    let s = add_note(state(), "Monday evening", "same", "n1", "t1")
        .apply(Action::StartEdit(NoteId("n1".into())));
    let edit = s
        .edit_from_editor(NoteId("u".into()), Timestamp("t9".into()))
        .unwrap();
    assert_eq!(edit.after.unwrap().modified.0, "t1");
}
