//! The exercise on an article, as this browser keeps it: the teacher's settings for an
//! exercise they made, or a student's copy (with the key, their name and whether they have
//! submitted). One localStorage entry per article, next to its notes.

use crate::exercise::file::Record;
use crate::web::storage::{local_storage, StorageError};

/// The localStorage key of the exercise on the article with this fingerprint.
pub fn key(fingerprint: &str) -> String {
    format!("glossa.v1.exercise.{fingerprint}")
}

/// The exercise record of an article, if it has one that can be read.
pub fn load(fingerprint: &str) -> Option<Record> {
    let raw = local_storage()?
        .get_item(&key(fingerprint))
        .ok()
        .flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Stores an article's exercise record.
pub fn save(fingerprint: &str, record: &Record) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    let raw = serde_json::to_string(record).unwrap_or_default();
    storage
        .set_item(&key(fingerprint), &raw)
        .map_err(|_| StorageError::Other("the browser's storage is full or refused it".into()))
}

/// Forgets an article's exercise (when the article's deletion can no longer be undone).
pub fn remove(fingerprint: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(fingerprint));
    }
}
