//! Packs the name lists for the binary: each list is sorted and front-coded (a line keeps only
//! what differs from the line before, after one digit saying how many leading bytes it shares).
//! Sorted names share long prefixes ("Abdul", "Abdulla", "Abdullah"), so the packed lists make
//! a smaller download after gzip than the plain ones; `src/analysis/lexicon.rs` unpacks them
//! once, on first use. The readable lists stay in `assets/lexicons/` for review and rebuilds.

use std::{env, fs, path::Path};

/// The lists to pack; the small hand-written vocabulary is included as it is.
const LISTS: [&str; 6] = [
    "places.tsv",
    "demonyms.txt",
    "given_names.txt",
    "surnames.txt",
    "given_name_words.txt",
    "organisations.tsv",
];

/// Longest shared prefix written, so that it stays one digit.
const MAX_SHARED: usize = 9;

fn main() {
    let out_dir = env::var("OUT_DIR").expect("Cargo sets OUT_DIR for build scripts");
    println!("cargo:rerun-if-changed=build.rs");
    for list in LISTS {
        let source = Path::new("assets/lexicons").join(list);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let packed = front_code(&text);
        fs::write(Path::new(&out_dir).join(format!("{list}.packed")), packed)
            .expect("cannot write to OUT_DIR");
    }
}

/// Sorts the entries (comments and blank lines dropped) and front-codes them.
fn front_code(text: &str) -> String {
    let mut entries: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    entries.sort_unstable();
    entries.dedup();
    let mut packed = String::with_capacity(text.len());
    let mut previous = "";
    for entry in entries {
        let shared = previous
            .char_indices()
            .zip(entry.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0);
        // Cut back to a char boundary at most MAX_SHARED bytes in.
        let mut shared = shared.min(MAX_SHARED);
        while !entry.is_char_boundary(shared) {
            shared -= 1;
        }
        packed.push(char::from(b'0' + shared as u8));
        packed.push_str(&entry[shared..]);
        packed.push('\n');
        previous = entry;
    }
    packed
}
