//! The reducer, natively: what each action does to the state, as a reader would see it.

use std::rc::Rc;

use glossa::anchor::Anchoring;
use glossa::model::{NoteId, Timestamp};
use glossa::state::{Action, AppState, Editor, Notice, Severity};
use glossa::text::{ByteOffset, ByteSpan, Document};

const TEXT: &str =
    "Kim’s train 🚂\n\nThe armoured train has around 90 carriages.\n\nIt left on Monday evening.";

fn state() -> AppState {
    let doc = Rc::new(Document::from_plain_text(TEXT));
    AppState::new(doc).apply(Action::Loaded { notes: vec![] })
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
    let note = s
        .note_from_editor(NoteId(id.into()), Timestamp(at.into()))
        .expect("editor open");
    s.apply(Action::NoteSaved(note))
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
            text: "second".into()
        })
    );
    let edited = s
        .note_from_editor(NoteId("unused".into()), Timestamp("t2".into()))
        .unwrap();
    assert_eq!(edited.id, NoteId("n1".into()));
    assert_eq!(
        (edited.created.0.as_str(), edited.modified.0.as_str()),
        ("t1", "t2")
    );
    let s = s.apply(Action::NoteSaved(edited));
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].note.body, "second");
}

#[test]
fn deleting_removes_the_note_and_its_focus() {
    let s = add_note(state(), "Monday evening", "x", "n1", "t1");
    assert_eq!(s.notes_without(&NoteId("n1".into())), vec![]);
    let s = s.apply(Action::NoteDeleted(NoteId("n1".into())));
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
    let notes = s.stored_notes();
    let edited = Rc::new(Document::from_plain_text(
        "Kim’s train 🚂\n\nThe armoured train has around 90 carriages.\n\nIt left on Tuesday.",
    ));
    let s = AppState::new(edited).apply(Action::Loaded { notes });
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
        .apply(Action::Loaded { notes: vec![] });
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
            text: String::new()
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
