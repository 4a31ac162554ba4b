//! A hook for the browser benchmark (`make bench-browser`): analysis of any text, callable from
//! the page as `window.glossaBench.analyze(text)`.
//!
//! It is installed by the app at start ([`install`]) rather than exported with
//! `#[wasm_bindgen]`: an export would be kept in every binary of the crate, and would pull the
//! analysis and its lexicons into the loading worker.

use wasm_bindgen::prelude::*;

/// Analyses `text` and returns how many entities and claims were found (so the work cannot be
/// optimised away); the caller times it with `performance.now()`.
pub fn analyze_for_benchmark(text: &str) -> u32 {
    let analysis = crate::analysis::analyze(text);
    u32::try_from(analysis.entities.len() + analysis.claims.len()).unwrap_or(u32::MAX)
}

/// Puts `glossaBench.analyze` on `window`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let analyze =
        Closure::<dyn Fn(String) -> u32>::new(|text: String| analyze_for_benchmark(&text));
    let bench = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&bench, &"analyze".into(), analyze.as_ref());
    let _ = js_sys::Reflect::set(&window, &"glossaBench".into(), &bench);
    analyze.forget();
}
