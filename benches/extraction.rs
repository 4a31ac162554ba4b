//! Extraction speed: a typical saved news page (bbc-1, 258 KB of HTML), the largest page of the
//! Readability suite (guardian-1, 1.1 MB), and the whole suite (130 pages, 29 MB).
//!
//! `cargo bench --bench extraction` (or `make bench`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use glossa::extract::extract_html;
    use std::path::{Path, PathBuf};

    fn suite() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/readability-test-pages")
    }

    fn page(name: &str) -> String {
        std::fs::read_to_string(suite().join(name).join("source.html")).expect("vendored page")
    }

    fn extraction(c: &mut Criterion) {
        let mut group = c.benchmark_group("extract");
        group.sample_size(20);
        for name in ["bbc-1", "guardian-1"] {
            let html = page(name);
            group.throughput(Throughput::Bytes(html.len() as u64));
            group.bench_function(name, |b| {
                b.iter(|| extract_html(&html, None).map(|a| a.blocks.len()))
            });
        }
        let mut pages: Vec<String> = std::fs::read_dir(suite())
            .expect("suite")
            .flatten()
            .map(|e| e.path().join("source.html"))
            .filter(|p| p.exists())
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        pages.sort();
        let bytes: usize = pages.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("all 130 pages", |b| {
            b.iter(|| {
                pages
                    .iter()
                    .filter_map(|p| extract_html(p, None).ok())
                    .count()
            })
        });
        group.finish();
    }

    criterion_group!(benches, extraction);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
