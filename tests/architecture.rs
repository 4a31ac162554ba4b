//! The core never touches the browser: its modules must not name yew, web_sys, js_sys, gloo
//! or wasm_bindgen. (The edge is `src/web*`, the UI `src/ui*`, the entries `src/main.rs` and
//! `src/worker.rs`.)

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
const EDGE: &[&str] = &[
    "src/web",
    "src/ui",
    "src/main.rs",
    "src/worker.rs",
    "src/bin",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_modules_do_not_import_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let core: Vec<_> = files
        .into_iter()
        .filter(|f| {
            let rel = f
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            !EDGE.iter().any(|edge| rel.starts_with(edge)) && rel != "src/lib.rs"
        })
        .collect();
    assert!(core.len() >= 8, "expected the core modules, found {core:?}");
    let mut offenders = Vec::new();
    for file in &core {
        let source = fs::read_to_string(file).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in BROWSER_CRATES {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "core modules import the browser:\n{}",
        offenders.join("\n")
    );
}
