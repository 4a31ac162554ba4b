//! The reader's display name, set once and written on every note and reply they make.

use crate::web::storage::{local_storage, StorageError};

/// The localStorage key of the display name.
pub const AUTHOR_KEY: &str = "glossa.v1.author";

/// The stored display name, if one was set.
pub fn load_author() -> Option<String> {
    local_storage()?
        .get_item(AUTHOR_KEY)
        .ok()
        .flatten()
        .filter(|n| !n.trim().is_empty())
}

/// Stores the display name, or forgets it.
pub fn save_author(name: Option<&str>) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    let result = match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => storage.set_item(AUTHOR_KEY, name),
        None => storage.remove_item(AUTHOR_KEY),
    };
    result.map_err(|_| StorageError::Other("the name could not be written".into()))
}
