//! Analysis speed: the built-in sample article and about 1 MB of news text.
//!
//! `cargo bench --bench analysis` (or `make bench`). The 1 MB text is built from the sample
//! and the Readability test pages vendored under tests/corpus.

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use glossa::analysis::analyze;
    use glossa::sample::SAMPLE_ARTICLE;

    fn megabyte_of_news() -> String {
        crate::common::news_text(|text| text.len() >= 1_000_000, 1_000_000)
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
