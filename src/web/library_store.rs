//! The library in the browser: the small index in localStorage (next to the notes), each
//! article's body in IndexedDB, which holds far more than localStorage's few megabytes.
//!
//! Bodies are stored with their entry, so an index that is lost or unreadable is rebuilt from
//! them ([`recover`]); an unreadable index is kept aside under another key before anything is
//! written, as the notes are.

use idb::{DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::io::storage::quarantine_key;
use crate::library::{self, ArticleEntry, Library, StoredBody, LIBRARY_KEY};
use crate::web::storage::local_storage;

const DATABASE: &str = "glossa";
const BODIES: &str = "bodies";
/// The key remembering which article was open.
const CURRENT_KEY: &str = "glossa.v1.current";

/// Reads the index. A missing index is an empty library; an unreadable one is kept aside and
/// reported, and the library starts empty (then [`recover`] brings the bodies back).
pub fn load_index(stamp: &str) -> (Library, Option<String>) {
    let Some(storage) = local_storage() else {
        return (
            Library::default(),
            Some(
                "This browser does not let Glossa keep a library; articles will not be saved."
                    .into(),
            ),
        );
    };
    let raw = match storage.get_item(LIBRARY_KEY) {
        Ok(Some(raw)) => raw,
        _ => return (Library::default(), None),
    };
    match library::decode(&raw) {
        Ok(library) => (library, None),
        Err(problem) => {
            let aside = quarantine_key(LIBRARY_KEY, stamp);
            let kept = storage.set_item(&aside, &raw).is_ok();
            let message = if kept {
                format!("{problem}; it was kept aside as {aside} and the library was rebuilt from the stored articles.")
            } else {
                format!("{problem}, and could not be kept aside; the library was rebuilt from the stored articles.")
            };
            (Library::default(), Some(message))
        }
    }
}

/// Writes the index.
pub fn save_index(library: &Library) -> Result<(), String> {
    let storage = local_storage().ok_or("local storage is unavailable")?;
    storage
        .set_item(LIBRARY_KEY, &library::encode(library))
        .map_err(|_| "the browser's storage for this site is full".to_string())
}

/// The id of the article that was open, if any.
pub fn current() -> Option<String> {
    local_storage()?.get_item(CURRENT_KEY).ok()?
}

pub fn set_current(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(CURRENT_KEY, id);
    }
}

/// Removes an article's notes (when its deletion can no longer be undone).
pub fn remove_notes(fingerprint: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&crate::io::storage::notes_key(fingerprint));
    }
}

/// Copies an article's notes to a newer version of it, whose text may differ: the notes
/// re-anchor on the new text when it opens. Nothing is written when the new version already
/// has notes or the old ones cannot be read. Returns how many notes were copied.
pub fn carry_notes(from: &str, to: &str) -> Result<usize, String> {
    let storage = local_storage().ok_or("the browser's storage is unavailable")?;
    let to_key = crate::io::storage::notes_key(to);
    if storage.get_item(&to_key).ok().flatten().is_some() {
        return Ok(0);
    }
    let Some(raw) = storage
        .get_item(&crate::io::storage::notes_key(from))
        .ok()
        .flatten()
    else {
        return Ok(0);
    };
    let Some((value, count)) = crate::io::storage::rekey(&raw, from, to) else {
        return Ok(0);
    };
    storage
        .set_item(&to_key, &value)
        .map_err(|_| "the browser's storage is full".to_string())?;
    Ok(count)
}

/// How many notes are stored for an article (0 when none or unreadable).
pub fn note_count(fingerprint: &str) -> usize {
    local_storage()
        .and_then(|s| {
            s.get_item(&crate::io::storage::notes_key(fingerprint))
                .ok()?
        })
        .map_or(0, |raw| {
            crate::io::storage::decode(fingerprint, &raw)
                .annotations
                .notes
                .len()
        })
}

async fn database() -> Result<idb::Database, String> {
    let factory = Factory::new().map_err(|e| format!("IndexedDB is unavailable ({e})"))?;
    let mut request = factory
        .open(DATABASE, Some(1))
        .map_err(|e| format!("IndexedDB could not be opened ({e})"))?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            if !database.store_names().iter().any(|n| n == BODIES) {
                let _ = database.create_object_store(BODIES, ObjectStoreParams::new());
            }
        }
    });
    request
        .await
        .map_err(|e| format!("IndexedDB could not be opened ({e})"))
}

/// Stores an article's body with its entry.
pub async fn put_body(entry: &ArticleEntry, text: &str) -> Result<(), String> {
    let stored = StoredBody {
        entry: entry.clone(),
        text: text.to_string(),
    };
    let json = serde_json::to_string(&stored).map_err(|e| e.to_string())?;
    let database = database().await?;
    let failed = |e: idb::Error| {
        let message = e.to_string();
        if message.contains("Quota") {
            "the browser's storage for this site is full; delete articles you no longer need"
                .to_string()
        } else {
            format!("the article could not be stored ({message})")
        }
    };
    let transaction = database
        .transaction(&[BODIES], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let store = transaction.object_store(BODIES).map_err(failed)?;
    store
        .put(
            &JsValue::from_str(&json),
            Some(&JsValue::from_str(&entry.id)),
        )
        .map_err(failed)?
        .await
        .map_err(failed)?;
    transaction
        .commit()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    database.close();
    Ok(())
}

/// An article's stored body.
pub async fn get_body(id: &str) -> Result<Option<StoredBody>, String> {
    let database = database().await?;
    let failed = |e: idb::Error| format!("the article could not be read ({e})");
    let transaction = database
        .transaction(&[BODIES], TransactionMode::ReadOnly)
        .map_err(failed)?;
    let store = transaction.object_store(BODIES).map_err(failed)?;
    let value = store
        .get(JsValue::from_str(id))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    database.close();
    let Some(raw) = value.and_then(|v| v.as_string()) else {
        return Ok(None);
    };
    serde_json::from_str(&raw)
        .map(Some)
        .map_err(|e| format!("the stored article is unreadable ({e})"))
}

/// Deletes an article's body.
pub async fn delete_body(id: &str) -> Result<(), String> {
    let database = database().await?;
    let failed = |e: idb::Error| format!("the article could not be deleted ({e})");
    let transaction = database
        .transaction(&[BODIES], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let store = transaction.object_store(BODIES).map_err(failed)?;
    store
        .delete(JsValue::from_str(id))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    transaction
        .commit()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    database.close();
    Ok(())
}

/// The entries of stored bodies that the index does not list (and that are not in its trash):
/// what a lost index, or a write that landed in IndexedDB but not in localStorage, leaves.
pub async fn recover(library: &Library) -> Result<Vec<ArticleEntry>, String> {
    let database = database().await?;
    let failed = |e: idb::Error| format!("the stored articles could not be listed ({e})");
    let transaction = database
        .transaction(&[BODIES], TransactionMode::ReadOnly)
        .map_err(failed)?;
    let store = transaction.object_store(BODIES).map_err(failed)?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?;
    database.close();
    let known = |id: &str| library.get(id).is_some() || library.trash.iter().any(|e| e.id == id);
    let mut found = Vec::new();
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if known(&key) {
            continue;
        }
        if let Ok(Some(body)) = get_body(&key).await {
            found.push(body.entry);
        }
    }
    Ok(found)
}

/// The browser's estimate of the storage this site uses and may use, in bytes.
pub async fn estimate() -> Option<(f64, f64)> {
    let navigator = web_sys::window()?.navigator();
    let promise = navigator.storage().estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let get = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// Bytes used in localStorage by Glossa (keys and values, counted as UTF-16).
pub fn local_storage_used() -> usize {
    let Some(storage) = local_storage() else {
        return 0;
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("glossa."))
        .map(|k| {
            let value = storage.get_item(&k).ok().flatten().unwrap_or_default();
            (k.encode_utf16().count() + value.encode_utf16().count()) * 2
        })
        .sum()
}
