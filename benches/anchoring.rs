//! Anchoring speed on a 200,000-word article: 10,000 notes whose positions are right, the same
//! notes after a paragraph was inserted at the top, and a fuzzy re-anchor of one note whose
//! quote was edited.
//!
//! `cargo bench --bench anchoring` (or `make bench`).

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BatchSize, Criterion};
    use glossa::anchor::{describe, Anchorer, Anchoring};
    use glossa::model::Target;
    use glossa::text::offsets::{code_point_to_byte, floor_char_boundary};
    use glossa::text::{ByteOffset, ByteSpan};

    const WORDS: usize = 200_000;
    const NOTES: usize = 10_000;

    /// News text cut after its 200,000th word, white space tidied as extraction leaves it,
    /// and the repeated part of the corpus made distinct (ROT13), so that no passage has an
    /// exact twin.
    fn article() -> String {
        let raw = crate::common::news_text(|t| t.split_whitespace().count() >= WORDS, usize::MAX);
        let mut seen = std::collections::HashSet::new();
        let mut text = raw
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .map(|p| if seen.insert(p.clone()) { p } else { rot13(&p) })
            .collect::<Vec<_>>()
            .join("\n\n");
        let mut words = 0;
        let mut in_word = false;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                if in_word && words == WORDS {
                    text.truncate(at);
                    break;
                }
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
            }
        }
        text
    }

    fn rot13(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                'a'..='z' => (((c as u8 - b'a' + 13) % 26) + b'a') as char,
                'A'..='Z' => (((c as u8 - b'A' + 13) % 26) + b'A') as char,
                _ => c,
            })
            .collect()
    }

    /// `count` notes spread evenly, each on about 40 bytes of text.
    fn targets(text: &str, count: usize) -> Vec<Target> {
        let step = text.len() / count;
        (0..count)
            .map(|i| {
                let start = floor_char_boundary(text, i * step);
                let end = floor_char_boundary(text, (start + 40).min(text.len()));
                describe(text, ByteSpan::new(ByteOffset(start), ByteOffset(end)))
            })
            .collect()
    }

    fn bench(c: &mut Criterion) {
        let text = article();
        let notes = targets(&text, NOTES);
        println!(
            "article: {} words, {} bytes; {} notes",
            text.split_whitespace().count(),
            text.len(),
            notes.len()
        );
        let mut group = c.benchmark_group("anchor");
        group.sample_size(20);
        group.bench_function("10,000 notes, positions right (200k words)", |b| {
            b.iter(|| {
                let anchorer = Anchorer::new(&text);
                notes
                    .iter()
                    .map(|t| anchorer.anchor(t))
                    .filter(|a| matches!(a, Anchoring::Exact(_)))
                    .count()
            })
        });
        let shifted = format!("An editor's note, added at the top. ✍️\n\n{text}");
        group.bench_function("10,000 notes, paragraph inserted at the top", |b| {
            b.iter(|| {
                let anchorer = Anchorer::new(&shifted);
                notes
                    .iter()
                    .map(|t| anchorer.anchor(t))
                    .filter(|a| matches!(a, Anchoring::Moved(_)))
                    .count()
            })
        });
        // 100 notes whose quotes each had one letter corrected: every one needs the fuzzy
        // search over the whole article.
        let edited_notes = targets(&text, 100);
        let mut edited = text.clone();
        for target in edited_notes.iter().rev() {
            let at = code_point_to_byte(&text, target.position.start).0;
            let exact = &target.quote.exact;
            let middle = floor_char_boundary(exact, exact.len() / 2);
            let width = exact[middle..].chars().next().map_or(0, char::len_utf8);
            edited.replace_range(at + middle..at + middle + width, "#");
        }
        let anchorer = Anchorer::new(&edited);
        let mut kinds = std::collections::BTreeMap::new();
        for t in &edited_notes {
            let kind = match anchorer.anchor(t) {
                Anchoring::Exact(_) => "exact",
                Anchoring::Moved(_) => "moved",
                Anchoring::Edited(_) => "edited",
                Anchoring::NeedsReview(_) => "review",
                Anchoring::Orphan => "orphan",
            };
            *kinds.entry(kind).or_insert(0) += 1;
        }
        println!("fuzzy outcomes: {kinds:?}");
        let found = edited_notes
            .iter()
            .filter(|t| {
                matches!(
                    anchorer.anchor(t),
                    Anchoring::Edited(_) | Anchoring::NeedsReview(_)
                )
            })
            .count();
        println!(
            "fuzzy: {found} of {} edited quotes re-attached",
            edited_notes.len()
        );
        let mut next = 0;
        group.bench_function("fuzzy re-anchor of one edited quote (200k words)", |b| {
            b.iter_batched(
                || {
                    next = (next + 1) % edited_notes.len();
                    &edited_notes[next]
                },
                |target| anchorer.anchor(target),
                BatchSize::SmallInput,
            )
        });
        // The worst case: the edited passage is not near its old place, so the whole article
        // is searched.
        let mut next = 0;
        group.bench_function("fuzzy search of the whole article for one quote", |b| {
            b.iter_batched(
                || {
                    next = (next + 1) % edited_notes.len();
                    &edited_notes[next]
                },
                |target| glossa::anchor::fuzzy_find(&edited, &target.quote.exact, 0),
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
