//! The library screen's transient state: which inputs are being loaded, and the messages shown
//! (with an "Undo" on a deletion). A pure reducer, so that async work finishing late changes
//! the latest state, not the one it started from.
//!
//! ```
//! use glossa::state::status::{Status, StatusAction};
//!
//! let status = Status::default()
//!     .apply(StatusAction::Busy(vec!["a.html".into()]))
//!     .apply(StatusAction::Say { text: "Added".into(), error: false, undo: None })
//!     .apply(StatusAction::Done("a.html".into()));
//! assert!(status.busy.is_empty());
//! assert_eq!(status.messages[0].text, "Added");
//! ```

/// The most messages shown at once; older ones go first.
pub const MAX_MESSAGES: usize = 5;

/// A message at the top of the page, with an "Undo" when it reports a deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: u32,
    pub text: String,
    pub error: bool,
    /// The id of the deleted article an "Undo" brings back.
    pub undo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    /// Names of inputs being loaded (a name twice when loaded twice at once).
    pub busy: Vec<String>,
    pub messages: Vec<Message>,
    next_id: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusAction {
    Busy(Vec<String>),
    Done(String),
    Say {
        text: String,
        error: bool,
        undo: Option<String>,
    },
    Dismiss(u32),
}

impl Status {
    pub fn apply(&self, action: StatusAction) -> Status {
        let mut next = self.clone();
        match action {
            StatusAction::Busy(names) => next.busy.extend(names),
            StatusAction::Done(name) => {
                if let Some(i) = next.busy.iter().position(|n| *n == name) {
                    next.busy.remove(i);
                }
            }
            StatusAction::Say { text, error, undo } => {
                next.next_id += 1;
                // One undo offer at a time: a newer deletion replaces the older offer.
                if undo.is_some() {
                    next.messages.retain(|m| m.undo.is_none());
                }
                next.messages.push(Message {
                    id: next.next_id,
                    text,
                    error,
                    undo,
                });
                let excess = next.messages.len().saturating_sub(MAX_MESSAGES);
                next.messages.drain(..excess);
            }
            StatusAction::Dismiss(id) => next.messages.retain(|m| m.id != id),
        }
        next
    }
}
