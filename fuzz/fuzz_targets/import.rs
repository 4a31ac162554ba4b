//! Any bytes, read as each file type Glossa imports (the name decides CSV), then planned
//! against a text with emoji, accents, CJK and right-to-left script, then merged: nothing may
//! panic, and a merge keeps every note that was already there.
#![no_main]

use glossa::io::import::{apply, plan, read, Parsed};
use glossa::model::{Annotations, Timestamp};
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Café train — 列车 🚂\n\nThe train has around 90 carriages, according to Yonhap.\n\nقال المتحدث إن القطار وصل.";

fuzz_target!(|data: &[u8]| {
    let now = Timestamp("2026-11-26T12:00:00Z".into());
    for name in ["notes.csv", "notes.jsonld", "library.glossa.json"] {
        match read(name, data, &now) {
            Ok(Parsed::Notes(notes)) => {
                let existing = Annotations::default();
                let plan = plan(&existing, TEXT, notes);
                let merged = apply(&existing, &plan, true);
                assert!(merged.notes.len() >= existing.notes.len());
            }
            Ok(Parsed::Bundle(bundle)) => {
                let mut articles = Vec::new();
                glossa::io::import::merge_bundle(&mut articles, bundle.articles, false);
            }
            Ok(Parsed::Exercise(exercise)) => {
                let _ = glossa::exercise::file::write_exercise(&exercise);
            }
            Ok(Parsed::Submission(_)) | Err(_) => {}
        }
    }
});
