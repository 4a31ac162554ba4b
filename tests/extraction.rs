//! Article extraction measured on Mozilla Readability's own test suite (130 real pages, vendored
//! under tests/corpus/readability-test-pages, Apache-2.0): bag-of-words F1 of the extracted text
//! against each page's expected.html, plus title and byline agreement with expected-metadata.json.
//!
//! Prints the mean and the worst pages; fails below the targets.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use glossa::extract::{blocks_of, extract_html};

const TARGET_MEAN_F1: f64 = 0.95;

fn bag(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Bag-of-words F1 of `got` against `expected`.
fn f1(got: &str, expected: &str) -> f64 {
    let (got, expected) = (bag(got), bag(expected));
    let common: usize = got
        .iter()
        .map(|(w, n)| (*n).min(*expected.get(w).unwrap_or(&0)))
        .sum();
    let got_total: usize = got.values().sum();
    let expected_total: usize = expected.values().sum();
    if common == 0 {
        return if got_total == 0 && expected_total == 0 {
            1.0
        } else {
            0.0
        };
    }
    let precision = common as f64 / got_total as f64;
    let recall = common as f64 / expected_total as f64;
    2.0 * precision * recall / (precision + recall)
}

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/readability-test-pages");
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} is part of the repository: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    pages
}

#[test]
fn f1_against_readability_expected_text_meets_target() {
    let pages = pages();
    assert_eq!(pages.len(), 130, "the suite has 130 pages");
    let mut scores = Vec::new();
    let (mut titles_equal, mut titles_expected) = (0, 0);
    let (mut bylines_equal, mut bylines_expected) = (0, 0);
    for page in &pages {
        let source = fs::read_to_string(page.join("source.html")).unwrap();
        let expected = fs::read_to_string(page.join("expected.html")).unwrap();
        let expected_text: Vec<String> = blocks_of(&dom_query::Document::from(expected.as_str()))
            .into_iter()
            .map(|b| b.text)
            .collect();
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let article = extract_html(&source, Some("http://fakehost/test/page.html")).ok();
        let got = article.as_ref().map(|a| a.body_text()).unwrap_or_default();
        let score = f1(&got, &expected_text.join("\n"));
        scores.push((score, name));

        let metadata: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(page.join("expected-metadata.json")).unwrap())
                .unwrap();
        if let Some(title) = metadata["title"].as_str().filter(|t| !t.is_empty()) {
            titles_expected += 1;
            if article
                .as_ref()
                .is_some_and(|a| a.title == title.split_whitespace().collect::<Vec<_>>().join(" "))
            {
                titles_equal += 1;
            }
        }
        if let Some(byline) = metadata["byline"].as_str().filter(|t| !t.is_empty()) {
            bylines_expected += 1;
            let byline = byline.split_whitespace().collect::<Vec<_>>().join(" ");
            if article.as_ref().and_then(|a| a.byline.as_deref()) == Some(byline.as_str()) {
                bylines_equal += 1;
            }
        }
    }
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = scores.iter().map(|s| s.0).sum::<f64>() / scores.len() as f64;
    println!(
        "extraction: {} pages, mean bag-of-words F1 {mean:.4} (target {TARGET_MEAN_F1})",
        scores.len()
    );
    println!(
        "extraction: titles equal {titles_equal}/{titles_expected}, bylines equal {bylines_equal}/{bylines_expected}"
    );
    for (score, name) in scores.iter().take(5) {
        println!("extraction: worst {score:.3} {name}");
    }
    assert!(
        mean >= TARGET_MEAN_F1,
        "mean F1 {mean:.4} below {TARGET_MEAN_F1}"
    );
    assert!(
        titles_equal * 10 >= titles_expected * 9,
        "titles equal {titles_equal}/{titles_expected}"
    );
}

#[test]
fn scorer_tells_good_from_bad_extraction() {
    assert_eq!(f1("the cat sat", "the cat sat"), 1.0);
    assert_eq!(f1("", "the cat"), 0.0);
    let partial = f1("the cat", "the cat sat on the mat");
    assert!(partial > 0.4 && partial < 0.7, "{partial}");
}

fn glossa(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .output()
        .expect("glossa runs")
}

#[test]
fn cli_extract_prints_title_blank_line_then_blocks() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/readability-test-pages/001/source.html");
    let out = glossa(&["extract", page.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut parts = text.split("\n\n");
    assert_eq!(
        parts.next(),
        Some("Get your Frontend JavaScript Code Covered | Code")
    );
    assert!(parts
        .next()
        .unwrap()
        .starts_with("So finally you're testing your frontend"));

    let json = glossa(&["extract", "--json", page.to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["byline"], "Nicolas Perriault");
    assert_eq!(value["lang"], "en");
    assert_eq!(value["blocks"][0]["kind"], "paragraph");
    assert!(value["text"]
        .as_str()
        .unwrap()
        .starts_with("Get your Frontend"));
}

#[test]
fn cli_extract_explains_bad_input() {
    let dir = std::env::temp_dir().join(format!("glossa-extract-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.html", b"<html><body></body></html>", "no text"),
        ("latin1.html", b"<p>caf\xe9</p>", "not UTF-8"),
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        let out = glossa(&["extract", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    let usage = glossa(&["extract"]);
    assert_eq!(usage.status.code(), Some(2));
    fs::remove_dir_all(&dir).ok();
}
