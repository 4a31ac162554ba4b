//! Scoring students' marks against a key: exact, partial, missed, extra and duplicate marks,
//! an empty submission, labels and verdicts, the threshold, agreement measures on published
//! examples, the class view, and `glossa score`.
#![cfg(not(target_arch = "wasm32"))]

use glossa::anchor::describe;
use glossa::exercise::class::class_report;
use glossa::exercise::score::{
    cohen_kappa, fleiss_kappa, overlap, score, Mark, MarkResult, DEFAULT_THRESHOLD,
};
use glossa::model::{Note, NoteId, Timestamp};
use glossa::text::{ByteOffset, ByteSpan, CodePointOffset, CodePointSpan};
use proptest::prelude::*;

fn span(a: usize, b: usize) -> CodePointSpan {
    CodePointSpan {
        start: CodePointOffset(a),
        end: CodePointOffset(b),
    }
}

fn mark(a: usize, b: usize, label: &str, verdict: Option<&str>) -> Mark {
    Mark {
        span: span(a, b),
        labels: if label.is_empty() {
            vec![]
        } else {
            vec![label.to_string()]
        },
        verdict: verdict.map(str::to_string),
    }
}

#[test]
fn exact_partial_missed_extra_and_duplicate_marks() {
    let key = vec![
        mark(0, 20, "claim", Some("false")),
        mark(30, 40, "source", None),
        mark(50, 60, "claim", None),
    ];
    let marks = vec![
        mark(0, 20, "Claim", Some("false")), // found, label and verdict agree
        mark(30, 36, "claim", None),         // partly (6 of 10), wrong label
        mark(31, 39, "source", None),        // on the same key item: a duplicate
        mark(70, 80, "claim", None),         // extra
    ];
    let f = score(&key, &marks, DEFAULT_THRESHOLD);
    assert_eq!(f.marks[0], MarkResult::Found { key: 0 });
    // The better of the two overlapping marks takes the key item.
    assert_eq!(
        f.marks[2],
        MarkResult::Partial {
            key: 1,
            overlap: 0.8
        }
    );
    assert_eq!(f.marks[1], MarkResult::Duplicate { key: 1 });
    assert_eq!(f.marks[3], MarkResult::Extra);
    assert_eq!(f.missed, vec![2]);
    assert_eq!((f.found, f.partial, f.duplicate, f.extra), (1, 1, 1, 1));
    assert_eq!((f.labels_agree, f.labels_compared), (2, 2));
    assert_eq!((f.verdicts_agree, f.verdicts_compared), (1, 1));
    assert_eq!(f.score, 100.0 * 1.5 / 3.0);
    assert_eq!(f.precision, 2.0 / 4.0);
    assert_eq!(f.recall, 2.0 / 3.0);
}

#[test]
fn an_empty_submission_scores_zero_and_misses_everything() {
    let key = vec![mark(0, 5, "", None), mark(10, 15, "", None)];
    let f = score(&key, &[], DEFAULT_THRESHOLD);
    assert_eq!((f.score, f.precision, f.recall, f.f1), (0.0, 0.0, 0.0, 0.0));
    assert_eq!(f.missed, vec![0, 1]);
    // An empty key: every mark is extra, and nothing is divided by zero.
    let f = score(&[], &key, DEFAULT_THRESHOLD);
    assert_eq!((f.extra, f.score), (2, 0.0));
}

#[test]
fn the_threshold_decides_what_counts() {
    let key = vec![mark(0, 10, "", None)];
    let marks = vec![mark(6, 10, "", None)]; // overlap 0.4
    assert_eq!(score(&key, &marks, 0.3).partial, 1);
    assert_eq!(score(&key, &marks, 0.5).extra, 1);
    // Out-of-range thresholds are clamped, NaN falls back to the default.
    assert_eq!(score(&key, &marks, f64::NAN).extra, 1);
    assert_eq!(score(&key, &marks, -3.0).partial, 1);
    assert_eq!(overlap(span(0, 10), span(0, 10)), 1.0);
}

#[test]
fn fleiss_kappa_matches_the_published_example() {
    // Fleiss (1971) as worked in Wikipedia's article: 10 subjects, 14 raters, 5 categories,
    // kappa 0.210.
    let counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let ratings: Vec<Vec<String>> = counts
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .flat_map(|(c, n)| std::iter::repeat_n(format!("c{c}"), *n))
                .collect()
        })
        .collect();
    let kappa = fleiss_kappa(&ratings).unwrap();
    assert!((kappa - 0.210).abs() < 0.001, "{kappa}");
    assert_eq!(fleiss_kappa(&[vec!["a".into()]]), None, "one rater");
    assert_eq!(
        fleiss_kappa(&[vec!["a".into(), "a".into()]]),
        None,
        "one category only"
    );
}

#[test]
fn cohen_kappa_matches_the_published_example() {
    // 50 proposals read by two readers: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (x, y, n) in [
        ("yes", "yes", 20),
        ("yes", "no", 5),
        ("no", "yes", 10),
        ("no", "no", 15),
    ] {
        for _ in 0..n {
            a.push(x.to_string());
            b.push(y.to_string());
        }
    }
    let kappa = cohen_kappa(&a, &b).unwrap();
    assert!((kappa - 0.4).abs() < 1e-9, "{kappa}");
    assert_eq!(cohen_kappa(&a, &b[..3]), None);
}

const TEXT: &str = "Kim Jong Un’s armoured train has around 90 carriages, according to Yonhap. \
Émile said the trip to 北京 took 24 hours 🚂. It is the first time since 1959.";

fn note(id: &str, quote: &str, tag: &str, verdict: Option<&str>) -> Note {
    let start = TEXT.find(quote).unwrap();
    let target = describe(
        TEXT,
        ByteSpan::new(ByteOffset(start), ByteOffset(start + quote.len())),
    );
    let mut n = Note::new(
        NoteId(id.into()),
        target,
        String::new(),
        Timestamp("t".into()),
    );
    n.tags = vec![tag.to_string()];
    n.verdict = verdict.map(str::to_string);
    n
}

#[test]
fn the_class_view_counts_each_key_item_and_the_agreement() {
    let key = vec![
        note("k1", "around 90 carriages", "claim", Some("false")),
        note("k2", "according to Yonhap", "source", None),
        note("k3", "the first time since 1959", "claim", None),
    ];
    let ana = vec![
        note("a1", "around 90 carriages", "claim", Some("false")),
        note("a2", "according to Yonhap", "source", None),
        note("a3", "first time since 1959", "claim", None),
    ];
    let ben = vec![
        note("b1", "90 carriages", "claim", Some("true")),
        note("b2", "took 24 hours 🚂", "claim", None),
    ];
    let mut lost = note("c1", "armoured train", "claim", None);
    lost.target.quote.exact = "a passage from another article".into();
    let cleo = vec![lost];
    let report = class_report(
        TEXT,
        &key,
        &[
            ("Ana".into(), ana.clone()),
            ("Ben".into(), ben),
            ("Cleo".into(), cleo),
        ],
        DEFAULT_THRESHOLD,
    );
    let [a, b, c] = &report.students[..] else {
        panic!()
    };
    assert_eq!(
        (
            a.feedback.found,
            a.feedback.partial,
            a.feedback.missed.len()
        ),
        (2, 1, 0)
    );
    assert_eq!(
        a.feedback.score,
        100.0 * 2.5 / 3.0,
        "\"first time since 1959\" shares 21 of 25 characters: partly found"
    );
    assert_eq!(
        (
            b.feedback.partial,
            b.feedback.extra,
            b.feedback.missed.len()
        ),
        (1, 1, 2)
    );
    assert_eq!(
        (b.feedback.verdicts_agree, b.feedback.verdicts_compared),
        (0, 1)
    );
    assert_eq!(
        (c.marks.len(), c.not_in_text, c.feedback.score),
        (0, 1, 0.0)
    );
    assert_eq!(report.found_by, vec![2, 1, 1]);
    assert!(report.pairwise_span_f1.unwrap() < 0.5);
    assert!(report.label_kappa.is_some());
    assert_eq!(
        report.label_cohen, None,
        "Cohen's kappa is for two students"
    );
    let two = class_report(
        TEXT,
        &key,
        &[
            ("Ana".into(), ana.clone()),
            ("Ana again".into(), ana.clone()),
        ],
        DEFAULT_THRESHOLD,
    );
    assert_eq!(
        two.label_cohen,
        Some(1.0),
        "two identical students agree fully"
    );
    let csv = report.csv(TEXT);
    assert!(csv.starts_with("student,score,found,partly_found,missed,extra"));
    assert!(csv.contains("Ana,83.3,2,1,0,0"), "{csv}");
    assert!(
        csv.contains("1,33,52,around 90 carriages,claim,2,3"),
        "{csv}"
    );
    let text = report.text(TEXT);
    assert!(text.contains("score = 100 × (found + ½ × partly found) ÷ key items"));
    assert!(text.contains("1 note(s) of Cleo are not in this article's text"));
}

proptest! {
    /// Whatever the marks, every mark gets one result, each key item is taken at most once,
    /// and the figures stay in range.
    #[test]
    fn results_are_consistent(
        key in proptest::collection::vec((0usize..200, 1usize..30), 0..12),
        marks in proptest::collection::vec((0usize..200, 1usize..30), 0..12),
        threshold in 0.0f64..1.0,
    ) {
        let to_marks = |v: &[(usize, usize)]| v.iter().map(|&(s, l)| mark(s, s + l, "", None)).collect::<Vec<_>>();
        let (key, marks) = (to_marks(&key), to_marks(&marks));
        let f = score(&key, &marks, threshold);
        prop_assert_eq!(f.marks.len(), marks.len());
        prop_assert_eq!(f.found + f.partial + f.duplicate + f.extra, marks.len());
        let mut taken: Vec<usize> = f.marks.iter().filter_map(|m| match m {
            MarkResult::Found { key } | MarkResult::Partial { key, .. } => Some(*key),
            _ => None,
        }).collect();
        let matched = taken.len();
        taken.sort_unstable();
        taken.dedup();
        prop_assert_eq!(taken.len(), matched, "a key item credited twice");
        prop_assert_eq!(matched + f.missed.len(), key.len());
        prop_assert!((0.0..=100.0).contains(&f.score));
        prop_assert!((0.0..=1.0).contains(&f.f1));
    }
}

#[test]
fn glossa_score_prints_the_class_view_and_refuses_work_on_another_text() {
    use glossa::io::bundle::{Article, ArticleMeta};
    use glossa::io::export::{export, Format};
    let now = Timestamp("2026-11-26T12:00:00Z".into());
    let dir = std::env::temp_dir().join(format!("glossa-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let article = |notes: Vec<Note>, text: &str| {
        let mut a = Article::new(
            ArticleMeta {
                title: "Train".into(),
                ..Default::default()
            },
            text,
        );
        a.annotations.notes = notes;
        a
    };
    let key = article(
        vec![
            note("k1", "around 90 carriages", "claim", Some("false")),
            note("k2", "according to Yonhap", "source", None),
        ],
        TEXT,
    );
    std::fs::write(
        path("key.glossa.json"),
        export(Format::Bundle, &[(&key, None)], false, &now),
    )
    .unwrap();
    let mut ana = note("a1", "around 90 carriages", "claim", Some("false"));
    ana.author = Some("Ana".into());
    let ana = article(vec![ana], TEXT);
    std::fs::write(
        path("ana.glossa.json"),
        export(Format::Bundle, &[(&ana, None)], false, &now),
    )
    .unwrap();
    let ben = article(vec![note("b1", "according to Yonhap", "claim", None)], TEXT);
    std::fs::write(
        path("ben.csv"),
        export(Format::Csv, &[(&ben, None)], false, &now),
    )
    .unwrap();
    let other = article(vec![], "Another article\n\nNothing to see.");
    std::fs::write(
        path("eve.glossa.json"),
        export(Format::Bundle, &[(&other, None)], false, &now),
    )
    .unwrap();

    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&[
        "score",
        &path("key.glossa.json"),
        &path("ana.glossa.json"),
        &path("ben.csv"),
        &path("eve.glossa.json"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("eve.glossa.json: not scored: it annotates another text"),
        "{err}"
    );
    assert!(out.contains("2 key items, 2 students"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("Ana") && l.contains("50.0")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("ben") && l.contains("50.0")),
        "{out}"
    );
    let (_, csv, _) = run(&[
        "score",
        "--csv",
        &path("key.glossa.json"),
        &path("ana.glossa.json"),
        &path("ben.csv"),
    ]);
    assert!(csv.contains("Ana,50.0,1,0,1,0,0"), "{csv}");
    assert!(
        csv.contains("ben,50.0,1,0,1,0,0,1.000,0.500,0.667,0,1,0,0,0"),
        "{csv}"
    );
    assert_eq!(
        run(&[
            "score",
            "--threshold",
            "2",
            &path("key.glossa.json"),
            &path("ana.glossa.json")
        ])
        .0,
        Some(2)
    );
    assert_eq!(
        run(&["score", &path("key.glossa.json"), &path("eve.glossa.json")]).0,
        Some(1)
    );
    std::fs::remove_dir_all(&dir).ok();
}
