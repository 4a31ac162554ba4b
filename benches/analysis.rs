//! Analysis speed: the built-in sample article and about 1 MB of news text.
//!
//! `cargo bench --bench analysis` (or `make bench`). The 1 MB text is built from the sample
//! and the Readability test pages vendored under tests/corpus.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use glossa::analysis::analyze;
    use glossa::sample::SAMPLE_ARTICLE;

    fn megabyte_of_news() -> String {
        let mut parts = vec![SAMPLE_ARTICLE.to_string()];
        let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus/readability-test-pages");
        if let Ok(entries) = std::fs::read_dir(pages) {
            let mut dirs: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            dirs.sort();
            for dir in dirs {
                if let Ok(html) = std::fs::read_to_string(dir.join("expected.html")) {
                    parts.push(strip_tags(&html));
                }
            }
        }
        let joined = parts.join("\n\n");
        let mut text = String::with_capacity(1_050_000);
        while text.len() < 1_000_000 {
            text.push_str(&joined);
            text.push_str("\n\n");
        }
        let mut cut = 1_000_000;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text
    }

    /// Rough text of an HTML page: tags dropped, block ends as blank lines.
    fn strip_tags(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut in_tag = false;
        let mut tag = String::new();
        for c in html.chars() {
            match (in_tag, c) {
                (false, '<') => {
                    in_tag = true;
                    tag.clear();
                }
                (true, '>') => {
                    in_tag = false;
                    let name = tag
                        .trim_start_matches('/')
                        .split_whitespace()
                        .next()
                        .unwrap_or("");
                    if matches!(
                        name,
                        "p" | "h1" | "h2" | "h3" | "li" | "div" | "br" | "blockquote"
                    ) {
                        out.push_str("\n\n");
                    }
                }
                (true, c) => tag.push(c),
                (false, c) => out.push(c),
            }
        }
        out
    }

    fn bench(c: &mut Criterion) {
        let mut group = c.benchmark_group("analyze");
        group.throughput(Throughput::Bytes(SAMPLE_ARTICLE.len() as u64));
        group.bench_function("sample article (5.5 KB)", |b| {
            b.iter(|| analyze(SAMPLE_ARTICLE))
        });
        let big = megabyte_of_news();
        group.throughput(Throughput::Bytes(big.len() as u64));
        group.sample_size(20);
        group.bench_function("news text (1 MB)", |b| b.iter(|| analyze(&big)));
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
