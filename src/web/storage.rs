//! An article's notes in localStorage.
//!
//! Reading never destroys anything: a value that cannot be read in full (not JSON, a newer
//! schema, some notes malformed) is first copied aside under its own key, and if even that
//! copy fails the store turns read-only, so no later save can overwrite it. A value in an
//! older schema is copied aside once before it is migrated. Writing reports a full quota as
//! [`StorageError::QuotaExceeded`] instead of panicking.
//!
//! Every change is a read-modify-write of the stored value ([`NotesStore::update`]), never a
//! write of this tab's copy: two tabs on one article each add their change to what the other
//! wrote, and neither overwrites the other's notes.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use crate::io::storage::{decode, encode, notes_key, quarantine_key};
use crate::model::Annotations;
use crate::state::history::Conflict;

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("this browser does not allow Glossa to use its local storage")]
    Unavailable,
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    #[error("saving is paused because stored notes could not be read or kept aside")]
    ReadOnly,
    #[error("the browser refused to save ({0})")]
    Other(String),
    #[error("{0}")]
    Conflict(#[from] Conflict),
}

/// What reading the stored notes gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOutcome {
    pub annotations: Annotations,
    /// A sentence for the user when something could not be read.
    pub problem: Option<String>,
}

/// The notes of one article, in localStorage.
#[derive(Debug)]
pub struct NotesStore {
    fingerprint: String,
    key: String,
    read_only: Cell<bool>,
    /// A hash of the last unreadable value kept aside, so that it is kept once, not at
    /// every read.
    kept_aside: Cell<Option<u64>>,
    /// The value last read or written and what it decodes to: a change made while storage
    /// still holds it skips decoding thousands of notes again.
    last: RefCell<Option<(String, Annotations)>>,
}

impl NotesStore {
    /// The store for the article with this fingerprint.
    pub fn new(fingerprint: &str) -> NotesStore {
        NotesStore {
            fingerprint: fingerprint.to_string(),
            key: notes_key(fingerprint),
            read_only: Cell::new(false),
            kept_aside: Cell::new(None),
            last: RefCell::new(None),
        }
    }

    /// The storage key this store reads and writes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads the stored notes. Unreadable data is kept aside under another key first.
    pub fn load(&self) -> LoadOutcome {
        let Some(storage) = local_storage() else {
            self.read_only.set(true);
            return LoadOutcome {
                annotations: Annotations::default(),
                problem: Some(format!(
                    "Notes cannot be kept: {}.",
                    StorageError::Unavailable
                )),
            };
        };
        let raw = match storage.get_item(&self.key) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                return LoadOutcome {
                    annotations: Annotations::default(),
                    problem: None,
                }
            }
            Err(e) => {
                self.read_only.set(true);
                return LoadOutcome {
                    annotations: Annotations::default(),
                    problem: Some(format!(
                        "Stored notes could not be read: {}.",
                        js_message(&e)
                    )),
                };
            }
        };
        self.read(&storage, &raw)
    }

    /// Decodes a value read from storage (at start, or sent by another tab).
    pub fn read(&self, storage: &web_sys::Storage, raw: &str) -> LoadOutcome {
        let decoded = decode(&self.fingerprint, raw);
        if let Some(schema) = decoded.migrated_from {
            let backup = format!("{}.schema{schema}", self.key);
            if matches!(storage.get_item(&backup), Ok(None))
                && storage.set_item(&backup, raw).is_err()
            {
                self.read_only.set(true);
            }
        }
        let Some(problem) = decoded.problem else {
            *self.last.borrow_mut() = Some((raw.to_string(), decoded.annotations.clone()));
            return LoadOutcome {
                annotations: decoded.annotations,
                problem: None,
            };
        };
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            raw.hash(&mut hasher);
            hasher.finish()
        };
        if self.kept_aside.get() == Some(hash) {
            return LoadOutcome {
                annotations: decoded.annotations,
                problem: None,
            };
        }
        let aside = quarantine_key(
            &self.key,
            &String::from(js_sys::Date::new_0().to_iso_string()),
        );
        let message = match storage.set_item(&aside, raw) {
            Ok(()) => {
                self.kept_aside.set(Some(hash));
                format!(
                    "Some stored notes could not be read: {problem}. The original data was \
                     kept under the storage key \"{aside}\"."
                )
            }
            Err(_) => {
                self.read_only.set(true);
                format!(
                    "Some stored notes could not be read: {problem}. Saving is paused so that \
                     the original data is not overwritten."
                )
            }
        };
        LoadOutcome {
            annotations: decoded.annotations,
            problem: Some(message),
        }
    }

    /// Decodes a value from a `storage` event.
    pub fn read_external(&self, raw: &str) -> Option<LoadOutcome> {
        let storage = local_storage()?;
        Some(self.read(&storage, raw))
    }

    /// Applies `change` to what storage holds now (not to this tab's copy) and writes the
    /// result, which is returned for the page to show. Nothing is written when `change`
    /// fails.
    pub fn update(
        &self,
        change: impl FnOnce(&mut Annotations) -> Result<(), Conflict>,
    ) -> Result<Annotations, StorageError> {
        if self.read_only.get() {
            return Err(StorageError::ReadOnly);
        }
        let storage = local_storage().ok_or(StorageError::Unavailable)?;
        let known = |raw: &str| {
            let last = self.last.borrow();
            last.as_ref()
                .filter(|(seen, _)| seen == raw)
                .map(|(_, annotations)| annotations.clone())
        };
        let mut annotations = match storage.get_item(&self.key) {
            Ok(Some(raw)) => match known(&raw) {
                Some(annotations) => annotations,
                None => {
                    let outcome = self.read(&storage, &raw);
                    if self.read_only.get() {
                        return Err(StorageError::ReadOnly);
                    }
                    outcome.annotations
                }
            },
            Ok(None) => Annotations::default(),
            Err(e) => return Err(StorageError::Other(js_message(&e))),
        };
        change(&mut annotations)?;
        let raw = encode(&self.fingerprint, &annotations);
        storage
            .set_item(&self.key, &raw)
            .map_err(|e| classify(&e))?;
        *self.last.borrow_mut() = Some((raw, annotations.clone()));
        Ok(annotations)
    }
}

/// The page's localStorage, when the browser allows it.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn classify(error: &wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
            StorageError::QuotaExceeded
        }
        _ => StorageError::Other(js_message(error)),
    }
}

fn js_message(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => e.message(),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}
