//! Keyboard shortcuts, so that a fact-checker can go through an article without a mouse:
//!
//! | key | does |
//! |---|---|
//! | `j` / `k` | next / previous item of the side panel's list |
//! | `]` / `[` | next / previous claim |
//! | `Enter` (on an item) | edit the note, or add a note on the claim |
//! | `v` | the verdict of the current item |
//! | `n` | a note on the selection (or on the current claim) |
//! | `e` | edit the current note |
//! | `/` | search |
//! | `Ctrl+Z`, `Ctrl+Shift+Z` or `Ctrl+Y` | undo, redo |
//! | `?` | show these keys |
//!
//! Single-letter keys do nothing while typing in a field.

use wasm_bindgen::JsCast;

use crate::outline::{entity_group, outline, step, ItemKey};
use crate::state::{Action, Panel};
use crate::ui::annotator::Annotator;

/// The keys and what they do, as shown in the help.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("j / k", "next / previous item"),
    ("] / [", "next / previous claim"),
    ("Enter", "edit the note, or add a note on the claim"),
    ("v", "verdict of the current item"),
    ("n", "note on the selection or current claim"),
    ("e", "edit the current note"),
    ("/", "search"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("?", "show or hide these keys"),
];

/// Acts on a key press; true when the key was used (and must be kept from the page).
pub fn handle(annotator: &Annotator, event: &web_sys::KeyboardEvent) -> bool {
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|t| {
            matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                || t.closest("[contenteditable], [role=dialog]")
                    .ok()
                    .flatten()
                    .is_some()
        });
    let command = event.ctrl_key() || event.meta_key();
    let key = event.key();
    if command && !event.alt_key() && !typing {
        match key.to_lowercase().as_str() {
            "z" if event.shift_key() => annotator.redo(),
            "z" => annotator.undo(),
            "y" => annotator.redo(),
            _ => return false,
        }
        return true;
    }
    if typing || command || event.alt_key() {
        return false;
    }
    let state = &annotator.state;
    match key.as_str() {
        "j" | "k" => move_cursor(annotator, key == "j", false),
        "]" | "[" => move_cursor(annotator, key == "]", true),
        "n" => {
            if state.selection.is_some() {
                annotator.start_note();
            } else if let Some(ItemKey::Claim(i)) = &state.cursor {
                if let Some(claim) = annotator.analysis.claims.get(*i) {
                    annotator.dispatch(Action::StartNoteOn(claim.span));
                }
            } else {
                annotator.start_note();
            }
        }
        "e" => match &state.cursor {
            Some(ItemKey::Note(id)) => annotator.dispatch(Action::StartEdit(id.clone())),
            _ => return false,
        },
        "v" => return focus_in_current("select"),
        "/" => return focus("#panel-search"),
        "?" => {
            let Ok(Some(help)) = gloo::utils::document().query_selector("details.shortcuts") else {
                return false;
            };
            if help.has_attribute("open") {
                let _ = help.remove_attribute("open");
            } else {
                let _ = help.set_attribute("open", "");
                help.scroll_into_view();
            }
        }
        _ => return false,
    }
    true
}

/// Moves the cursor to the next or previous item (or claim) and shows it.
fn move_cursor(annotator: &Annotator, forward: bool, claims_only: bool) {
    let state = &annotator.state;
    // "Next claim" goes through claims in document order even from the notes list.
    let (panel, query) = if claims_only && !matches!(state.panel, Panel::All | Panel::Claims) {
        (Panel::Claims, state.query.clone())
    } else {
        (state.panel, state.query.clone())
    };
    if panel != state.panel {
        annotator.dispatch(Action::ShowPanel(panel));
    }
    let list = outline(state, &annotator.analysis, &query, panel);
    let only = |k: &ItemKey| !claims_only || matches!(k, ItemKey::Claim(_));
    let Some(next) = step(&list.items, state.cursor.as_ref(), forward, only) else {
        return;
    };
    annotator.dispatch(Action::Cursor(Some(next.clone())));
    match next {
        ItemKey::Note(id) => annotator.dispatch(Action::Focus(Some(id))),
        ItemKey::Claim(i) => {
            if let Some(c) = annotator.analysis.claims.get(i) {
                annotator.dispatch(Action::FocusClaim(Some(c.span)));
            }
        }
        ItemKey::Entity(i) => {
            let group = entity_group(state, &annotator.analysis, i);
            annotator.dispatch(Action::FocusEntity(group));
        }
    }
}

/// Focuses the first element matching `selector` inside the current item.
fn focus_in_current(selector: &str) -> bool {
    focus(&format!(".current {selector}"))
}

fn focus(selector: &str) -> bool {
    let Ok(Some(element)) = gloo::utils::document().query_selector(selector) else {
        return false;
    };
    element
        .dyn_into::<web_sys::HtmlElement>()
        .is_ok_and(|e| e.focus().is_ok())
}
