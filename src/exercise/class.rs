//! A class's work on one article against the teacher's key: each student's score and what
//! they missed or added, how many students found each key item, and how far the students
//! agree with each other.
//!
//! Notes become marks by anchoring them in the key's text (so a student's file made from
//! another rendering of the article still counts by its quotes); notes whose passage is not
//! in the text are reported, not scored.

use crate::anchor::Anchorer;
use crate::exercise::score::{
    self, cohen_kappa, fleiss_kappa, span_agreement, Feedback, Mark, MarkResult,
};
use crate::model::Note;
use crate::text::offsets::CodePointIndex;
use crate::text::CodePointSpan;

/// The marks of a set of notes in `text`, and how many notes could not be placed.
pub fn marks(text: &str, notes: &[Note]) -> (Vec<Mark>, usize) {
    let (marked, lost) = marks_of_notes(text, notes);
    (marked.into_iter().map(|(mark, _)| mark).collect(), lost)
}

/// The marks of a set of notes in `text` in text order, each with the index of its note in
/// `notes` (for the explanation a key note carries), and how many notes could not be placed.
pub fn marks_of_notes(text: &str, notes: &[Note]) -> (Vec<(Mark, usize)>, usize) {
    let anchorer = Anchorer::new(text);
    let index = CodePointIndex::new(text);
    let mut out = Vec::new();
    let mut lost = 0;
    for (i, note) in notes.iter().enumerate() {
        match anchorer.anchor(&note.target).span() {
            Some(span) => out.push((
                Mark {
                    span: CodePointSpan {
                        start: index.to_code_point(text, span.start),
                        end: index.to_code_point(text, span.end),
                    },
                    labels: note.tags.clone(),
                    verdict: note.verdict.clone(),
                },
                i,
            )),
            None => lost += 1,
        }
    }
    out.sort_by_key(|(m, _)| (m.span.start, m.span.end));
    (out, lost)
}

/// One student's work.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentResult {
    pub name: String,
    pub marks: Vec<Mark>,
    /// Notes whose passage is not in the key's text.
    pub not_in_text: usize,
    pub feedback: Feedback,
}

/// The class view.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    pub key: Vec<Mark>,
    pub threshold: f64,
    pub students: Vec<StudentResult>,
    /// For each key item, how many students reached it (found or partly).
    pub found_by: Vec<usize>,
    /// Mean span F1 over every pair of students (`None` with fewer than two).
    pub pairwise_span_f1: Option<f64>,
    /// Fleiss' kappa on the label each student gave each key item ("missed" when none).
    pub label_kappa: Option<f64>,
    /// Cohen's kappa on the same labels, when there are exactly two students.
    pub label_cohen: Option<f64>,
}

/// Scores every student against the key. `students` are (name, notes).
pub fn class_report(
    text: &str,
    key_notes: &[Note],
    students: &[(String, Vec<Note>)],
    threshold: f64,
) -> ClassReport {
    let (key, _) = marks(text, key_notes);
    let results: Vec<StudentResult> = students
        .iter()
        .map(|(name, notes)| {
            let (marks, not_in_text) = marks(text, notes);
            let feedback = score::score(&key, &marks, threshold);
            StudentResult {
                name: name.clone(),
                marks,
                not_in_text,
                feedback,
            }
        })
        .collect();
    let mut found_by = vec![0; key.len()];
    for r in &results {
        for m in &r.feedback.marks {
            if let MarkResult::Found { key } | MarkResult::Partial { key, .. } = m {
                found_by[*key] += 1;
            }
        }
    }
    let mut pair_scores = Vec::new();
    for (i, a) in results.iter().enumerate() {
        for b in &results[i + 1..] {
            pair_scores.push(span_agreement(&a.marks, &b.marks, threshold));
        }
    }
    let pairwise_span_f1 = (!pair_scores.is_empty())
        .then(|| pair_scores.iter().sum::<f64>() / pair_scores.len() as f64);
    // Each key item is a subject; each student gives it the first label of the mark that
    // reached it, or "missed".
    let ratings: Vec<Vec<String>> = (0..key.len())
        .map(|k| {
            results
                .iter()
                .map(|r| {
                    r.feedback
                        .marks
                        .iter()
                        .zip(&r.marks)
                        .find_map(|(result, mark)| match result {
                            MarkResult::Found { key } | MarkResult::Partial { key, .. }
                                if *key == k =>
                            {
                                Some(
                                    mark.labels
                                        .first()
                                        .map_or("marked".to_string(), |l| l.to_lowercase()),
                                )
                            }
                            _ => None,
                        })
                        .unwrap_or_else(|| "missed".to_string())
                })
                .collect()
        })
        .collect();
    let label_kappa = if results.len() >= 2 {
        fleiss_kappa(&ratings)
    } else {
        None
    };
    let label_cohen = if results.len() == 2 {
        let first: Vec<String> = ratings.iter().map(|r| r[0].clone()).collect();
        let second: Vec<String> = ratings.iter().map(|r| r[1].clone()).collect();
        cohen_kappa(&first, &second)
    } else {
        None
    };
    ClassReport {
        key,
        threshold,
        students: results,
        found_by,
        pairwise_span_f1,
        label_kappa,
        label_cohen,
    }
}

/// The words of `text` a span covers (code points).
pub fn quote(text: &str, span: CodePointSpan) -> String {
    let bytes = crate::text::offsets::span_from_code_points(text, span);
    text[bytes.start.0..bytes.end.0].to_string()
}

impl ClassReport {
    /// The class results as CSV: one row per student, then one per key item.
    pub fn csv(&self, text: &str) -> String {
        let mut out = csv::Writer::from_writer(Vec::new());
        let _ = out.write_record([
            "student",
            "score",
            "found",
            "partly_found",
            "missed",
            "extra",
            "duplicates",
            "precision",
            "recall",
            "f1",
            "labels_agree",
            "labels_compared",
            "verdicts_agree",
            "verdicts_compared",
            "not_in_text",
        ]);
        for s in &self.students {
            let f = &s.feedback;
            let _ = out.write_record([
                crate::io::table::guard(&s.name),
                format!("{:.1}", f.score),
                f.found.to_string(),
                f.partial.to_string(),
                f.missed.len().to_string(),
                f.extra.to_string(),
                f.duplicate.to_string(),
                format!("{:.3}", f.precision),
                format!("{:.3}", f.recall),
                format!("{:.3}", f.f1),
                f.labels_agree.to_string(),
                f.labels_compared.to_string(),
                f.verdicts_agree.to_string(),
                f.verdicts_compared.to_string(),
                s.not_in_text.to_string(),
            ]);
        }
        let mut items = csv::Writer::from_writer(Vec::new());
        let _ = items.write_record([
            "key_item", "start", "end", "quote", "labels", "found_by", "students",
        ]);
        for (k, item) in self.key.iter().enumerate() {
            let _ = items.write_record([
                (k + 1).to_string(),
                item.span.start.0.to_string(),
                item.span.end.0.to_string(),
                crate::io::table::guard(&quote(text, item.span)),
                item.labels.join(", "),
                self.found_by[k].to_string(),
                self.students.len().to_string(),
            ]);
        }
        let students = String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default();
        let items = String::from_utf8(items.into_inner().unwrap_or_default()).unwrap_or_default();
        format!("{students}\n{items}")
    }

    /// The class view as text, for the terminal.
    pub fn text(&self, text: &str) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{} key items, {} students, overlap threshold {:.2}\n{}\n\n",
            self.key.len(),
            self.students.len(),
            self.threshold,
            score::FORMULA
        ));
        out.push_str(
            "student                score  found  partly  missed  extra  labels  verdicts\n",
        );
        for s in &self.students {
            let f = &s.feedback;
            let name: String = s.name.chars().take(22).collect();
            out.push_str(&format!(
                "{name:<22} {:>5.1}  {:>5}  {:>6}  {:>6}  {:>5}  {:>6}  {:>8}\n",
                f.score,
                f.found,
                f.partial,
                f.missed.len(),
                f.extra,
                format!("{}/{}", f.labels_agree, f.labels_compared),
                format!("{}/{}", f.verdicts_agree, f.verdicts_compared),
            ));
            if s.not_in_text > 0 {
                out.push_str(&format!(
                    "  ({} note(s) of {} are not in this article's text)\n",
                    s.not_in_text, s.name
                ));
            }
        }
        out.push_str("\nkey item                                            found by\n");
        for (k, item) in self.key.iter().enumerate() {
            let q: String = quote(text, item.span).chars().take(48).collect();
            out.push_str(&format!(
                "{:>3}. {q:<48} {:>3} of {}\n",
                k + 1,
                self.found_by[k],
                self.students.len()
            ));
        }
        out.push_str(&format!(
            "\nagreement between students: span F1 {}, Fleiss' kappa on labels {}\n",
            self.pairwise_span_f1
                .map_or("n/a (fewer than two students)".to_string(), |f| format!(
                    "{f:.2}"
                )),
            self.label_kappa
                .map_or("n/a".to_string(), |k| format!("{k:.2}")),
        ));
        out
    }
}

/// A student's file, checked against the key: who, their notes, and what the teacher should
/// know about the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub student: String,
    pub notes: Vec<Note>,
    /// Said about a file that is scored but could not be fully checked (a plain export made
    /// without Glossa's Submit, or by a Glossa from before exercises), or lost notes.
    pub warning: Option<String>,
}

/// The notes a student's file holds for the key's article, or why it cannot be scored: a
/// file Glossa cannot read or that was changed after it was written, a submission for another
/// exercise (`exercise_id`, when the key is an exercise) or another article, the exercise
/// file itself, a bundle of other texts, or annotations naming another text.
pub fn check_submission(
    name: &str,
    bytes: &[u8],
    key: &crate::io::bundle::Article,
    exercise_id: Option<&str>,
    now: &crate::model::Timestamp,
) -> Result<Checked, String> {
    use crate::io::import::{read, Parsed};
    const PLAIN: &str = "not a submission file (an export, or made by a Glossa from before exercises): scored by its quotes, but which exercise it answers cannot be checked";
    let plain = |notes: Vec<Note>| Checked {
        student: student_name(name, &notes),
        notes,
        warning: Some(PLAIN.to_string()),
    };
    match read(name, bytes, now).map_err(|e| e.to_string())? {
        Parsed::Submission(s) => {
            if s.article_sha256 != key.content_hash() {
                return Err(format!(
                    "it is for another article (“{}”), not “{}”",
                    crate::io::bundle::short(&s.article_title),
                    crate::io::bundle::short(&key.meta.title)
                ));
            }
            if let Some(id) = exercise_id.filter(|id| *id != s.exercise_id) {
                return Err(format!(
                    "it answers another exercise on this article (“{}”, id {}; yours is {id})",
                    crate::io::bundle::short(&s.exercise_title),
                    s.exercise_id
                ));
            }
            let warning = (!s.rejected.is_empty()).then(|| {
                format!(
                    "{} could not be read (first: {})",
                    crate::io::import::counted(s.rejected.len(), "note", "notes"),
                    s.rejected[0]
                )
            });
            let student = if s.student.trim().is_empty() {
                student_name(name, &s.notes)
            } else {
                s.student.trim().to_string()
            };
            Ok(Checked {
                student,
                notes: s.notes,
                warning,
            })
        }
        Parsed::Exercise(_) => {
            Err("it is an exercise file, not a student's submission".to_string())
        }
        Parsed::Bundle(bundle) => bundle
            .articles
            .into_iter()
            .find(|a| a.text == key.text)
            .map(|a| plain(a.annotations.notes))
            .ok_or_else(|| {
                format!(
                    "it annotates another text than the key's “{}”",
                    key.meta.title
                )
            }),
        Parsed::Notes(read) => {
            let iri = key.iri();
            let other = read
                .notes
                .iter()
                .filter_map(|n| n.source.as_deref())
                .find(|s| s.starts_with("urn:sha256:") && *s != iri);
            if let Some(other) = other {
                return Err(format!(
                    "it annotates another text ({other}) than the key's “{}”",
                    key.meta.title
                ));
            }
            Ok(plain(read.notes.into_iter().map(|n| n.note).collect()))
        }
    }
}

/// The name most of a file's notes are signed with, or the file's name without its endings.
///
/// ```
/// assert_eq!(glossa::exercise::class::student_name("work/ben.glossa.json", &[]), "ben");
/// ```
pub fn student_name(file: &str, notes: &[Note]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for author in notes.iter().filter_map(|n| n.author.as_deref()) {
        match counts.iter_mut().find(|(a, _)| *a == author) {
            Some((_, n)) => *n += 1,
            None => counts.push((author, 1)),
        }
    }
    // The first of the most frequent names.
    let mut best: Option<(&str, usize)> = None;
    for (a, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((a, n));
        }
    }
    best.map(|(a, _)| a.to_string()).unwrap_or_else(|| {
        let file = file.rsplit(['/', '\\']).next().unwrap_or(file);
        file.split('.').next().unwrap_or(file).to_string()
    })
}
