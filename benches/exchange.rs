//! Export and import speed: 10,000 notes with tags, verdicts and evidence on a long article,
//! written as W3C Web Annotation, CSV and a bundle, then read back and planned against the
//! text (what Import's preview does) with nothing stored yet, and against all of them stored
//! (importing the same file twice).
//!
//! `cargo bench --bench exchange` (or `make bench`).

#[cfg(not(target_arch = "wasm32"))]
#[path = "common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use glossa::anchor::describe;
    use glossa::io::bundle::{Article, ArticleMeta};
    use glossa::io::export::{export, Format};
    use glossa::io::import::{apply, plan, read, Parsed};
    use glossa::model::{Annotations, Evidence, Note, NoteId, Timestamp};
    use glossa::text::offsets::floor_char_boundary;
    use glossa::text::{ByteOffset, ByteSpan};

    const NOTES: usize = 10_000;

    fn article() -> Article {
        let text =
            crate::common::news_text(|t| t.split_whitespace().count() >= 200_000, usize::MAX);
        let mut article = Article::new(
            ArticleMeta {
                title: "Long".into(),
                ..Default::default()
            },
            &text,
        );
        let text = article.text.clone();
        let step = text.len() / NOTES;
        let now = Timestamp("2026-11-26T12:00:00Z".into());
        for i in 0..NOTES {
            let start = floor_char_boundary(&text, i * step);
            let end = floor_char_boundary(&text, (start + 40).min(text.len()));
            let mut note = Note::new(
                NoteId(format!("n-{i}")),
                describe(&text, ByteSpan::new(ByteOffset(start), ByteOffset(end))),
                format!("Note {i}: check this against the agency's figures."),
                now.clone(),
            );
            note.tags = vec!["numbers".into(), format!("batch-{}", i % 7)];
            if i % 3 == 0 {
                note.verdict = Some("false".into());
                note.evidence = vec![Evidence::checked(
                    &format!("https://example.org/{i}"),
                    "Source",
                    "",
                    "2026-11-26",
                )
                .unwrap()];
            }
            article.annotations.notes.push(note);
        }
        article
    }

    fn bench(c: &mut Criterion) {
        let article = article();
        let now = Timestamp("2026-11-26T12:00:00Z".into());
        let mut group = c.benchmark_group("exchange");
        group.sample_size(10);
        for format in [Format::W3c, Format::Csv, Format::Bundle] {
            let file = export(format, &[(&article, None)], false, &now);
            println!(
                "{}: {} notes, {:.1} MB",
                format.name(),
                NOTES,
                file.len() as f64 / 1e6
            );
            group.bench_function(format!("export {} (10,000 notes)", format.name()), |b| {
                b.iter(|| export(format, &[(&article, None)], false, &now).len())
            });
            if format == Format::Bundle {
                group.bench_function("read bundle (10,000 notes)", |b| {
                    b.iter(|| {
                        matches!(
                            read("x.glossa.json", file.as_bytes(), &now),
                            Ok(Parsed::Bundle(_))
                        )
                    })
                });
                continue;
            }
            group.bench_function(
                format!("import {} preview, nothing stored", format.name()),
                |b| {
                    b.iter(|| {
                        let Ok(Parsed::Notes(notes)) = read("x.csv", file.as_bytes(), &now) else {
                            panic!()
                        };
                        plan(&Annotations::default(), &article.text, notes)
                            .new_notes
                            .len()
                    })
                },
            );
            let Ok(Parsed::Notes(notes)) = read("x.csv", file.as_bytes(), &now) else {
                panic!()
            };
            let stored = apply(
                &Annotations::default(),
                &plan(&Annotations::default(), &article.text, notes),
                false,
            );
            group.bench_function(
                format!("import {} preview, all already stored", format.name()),
                |b| {
                    b.iter(|| {
                        let Ok(Parsed::Notes(notes)) = read("x.csv", file.as_bytes(), &now) else {
                            panic!()
                        };
                        plan(&stored, &article.text, notes).unchanged
                    })
                },
            );
        }
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
