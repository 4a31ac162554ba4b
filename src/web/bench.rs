//! A hook for the browser benchmark (`make bench-browser`): analysis of any text, callable from
//! the page as `window.wasmBindings.analyzeForBenchmark(text)`.

use wasm_bindgen::prelude::*;

/// Analyses `text` and returns how many entities and claims were found (so the work cannot be
/// optimised away); the caller times it with `performance.now()`.
#[wasm_bindgen(js_name = analyzeForBenchmark)]
pub fn analyze_for_benchmark(text: &str) -> u32 {
    let analysis = crate::analysis::analyze(text);
    u32::try_from(analysis.entities.len() + analysis.claims.len()).unwrap_or(u32::MAX)
}
