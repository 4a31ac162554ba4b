//! The student's side of an exercise, above the article: what to do, their name, "Check my
//! work" when the teacher allows feedback while working, and Submit, which saves the file
//! to hand in. After submitting, each key item is shown with the teacher's explanation.

use yew::prelude::*;

use crate::exercise::class::{marks, marks_of_notes, quote};
use crate::exercise::file::{write_submission, FeedbackTiming, Record};
use crate::exercise::score::{score, MarkResult, DEFAULT_THRESHOLD};
use crate::io::export::{file_name, Format};
use crate::io::import::counted;
use crate::text::shorten;
use crate::ui::annotator::use_annotator;
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct ExercisePanelProps {
    pub record: Record,
    /// The article's title, written in the submission.
    pub title: AttrValue,
    /// Told the record when the name changes or the work is submitted.
    pub on_change: Callback<Record>,
}

#[function_component(ExercisePanel)]
pub fn exercise_panel(props: &ExercisePanelProps) -> Html {
    let annotator = use_annotator();
    let checking = use_state(|| false);
    let message = use_state(|| None::<(String, bool)>);
    let record = &props.record;
    let info = &record.exercise;
    let submitted = record.submitted.is_some();
    let immediate = info.settings.feedback == FeedbackTiming::Immediate;
    let notes = annotator.state.annotations().notes;

    let on_name = {
        let (record, on_change, annotator, message) = (
            record.clone(),
            props.on_change.clone(),
            annotator.clone(),
            message.clone(),
        );
        // On every keystroke, so that Submit pressed straight after typing sees the name.
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let name = input.value();
            let mut next = record.clone();
            next.student = name.clone();
            on_change.emit(next);
            message.set(None);
            // Notes are signed with the same name.
            let name = name.trim();
            annotator.set_author((!name.is_empty()).then(|| name.to_string()));
        })
    };
    let on_submit = {
        let (record, on_change, message, notes, title) = (
            record.clone(),
            props.on_change.clone(),
            message.clone(),
            notes.clone(),
            props.title.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if record.student.trim().is_empty() {
                message.set(Some((
                    "Write your name first, so that your teacher knows whose work it is."
                        .to_string(),
                    true,
                )));
                return;
            }
            let now = clock::now();
            let file = write_submission(&record.exercise, &title, &record.student, &notes, &now);
            let name = file_name(
                &format!("{} {}", record.exercise.title, record.student),
                Format::Bundle,
            );
            match download::download(&name, Format::Bundle.mime(), &file) {
                Ok(()) => {
                    let mut next = record.clone();
                    next.submitted = Some(now);
                    on_change.emit(next);
                    message.set(Some((
                        format!(
                            "Saved {name} with {}: hand this file to your teacher.",
                            counted(notes.len(), "note", "notes")
                        ),
                        false,
                    )));
                }
                Err(e) => message.set(Some((
                    format!(
                        "Your work was not saved to a file: {e}. It is still kept in this browser."
                    ),
                    true,
                ))),
            }
        })
    };
    let on_check = {
        let checking = checking.clone();
        Callback::from(move |_: MouseEvent| checking.set(!*checking))
    };

    let feedback = (submitted || immediate && *checking).then(|| {
        let text = annotator.state.doc.text();
        let key_notes = info.key_notes();
        let (key, _) = marks_of_notes(text, &key_notes);
        let key_marks: Vec<_> = key.iter().map(|(m, _)| m.clone()).collect();
        let (mine, lost) = marks(text, &notes);
        let result = score(&key_marks, &mine, DEFAULT_THRESHOLD);
        let verdict_label = |k: &str| {
            annotator
                .state
                .verdicts
                .iter()
                .find(|t| t.key == k)
                .map_or(k.to_string(), |t| t.label.clone())
        };
        let marks_list = mine.iter().zip(&result.marks).map(|(m, r)| {
            let (class, what) = match r {
                MarkResult::Found { .. } => ("found", "Found".to_string()),
                MarkResult::Partial { overlap, .. } => (
                    "partial",
                    format!("Partly found ({:.0}% overlap)", overlap * 100.0),
                ),
                MarkResult::Duplicate { .. } => ("duplicate", "Same key item again".to_string()),
                MarkResult::Extra => ("extra", "Not in the key".to_string()),
            };
            html! {
                <li class={classes!("feedback-mark", class)}>
                    <span class="feedback-result">{what}</span>
                    <q>{shorten(&quote(text, m.span), 90)}</q>
                </li>
            }
        });
        // For each key item, the best a mark of the student's did.
        let reached = |k: usize| {
            result
                .marks
                .iter()
                .fold("missed", |best, r| match r {
                    MarkResult::Found { key } if *key == k => "found",
                    MarkResult::Partial { key, .. } if *key == k && best == "missed" => "partly found",
                    _ => best,
                })
        };
        let key_list = key.iter().enumerate().map(|(k, (mark, index))| {
            let note = &key_notes[*index];
            let status = reached(k);
            html! {
                <li class={classes!("key-item", status.replace(' ', "-"))}>
                    <span class="feedback-result">{format!("You: {status}")}</span>
                    <q>{shorten(&quote(text, mark.span), 120)}</q>
                    if !note.tags.is_empty() {
                        <span class="key-tags">{format!(" · {}", note.tags.join(", "))}</span>
                    }
                    if let Some(v) = &note.verdict {
                        <span class="key-verdict">{format!(" · verdict: {}", verdict_label(v))}</span>
                    }
                    if !note.body.trim().is_empty() {
                        <p class="key-explanation">{note.body.clone()}</p>
                    }
                </li>
            }
        });
        html! {
            <section id="exercise-feedback" class="exercise-feedback" aria-label="Feedback">
                <p class="feedback-score">
                    <strong>{format!("Score {:.0}", result.score)}</strong>
                    {format!(" · {} found · {} partly · {} not in the key · {} of {} key items missed",
                        result.found, result.partial, result.extra, result.missed.len(), key_marks.len())}
                    if result.labels_compared > 0 {
                        {format!(" · labels {}/{}", result.labels_agree, result.labels_compared)}
                    }
                    if result.verdicts_compared > 0 {
                        {format!(" · verdicts {}/{}", result.verdicts_agree, result.verdicts_compared)}
                    }
                </p>
                if lost > 0 {
                    <p class="export-what">{format!("{} could not be placed in the text and did not count.", counted(lost, "note", "notes"))}</p>
                }
                <ul class="feedback-marks">{for marks_list}</ul>
                if submitted {
                    <details open=true>
                        <summary>{"The key, with your teacher's explanations"}</summary>
                        <ol class="key-list">{for key_list}</ol>
                    </details>
                } else if !result.missed.is_empty() {
                    <p class="export-what">{format!("{} still to find. The key and its explanations are shown once you submit.", counted(result.missed.len(), "key item", "key items"))}</p>
                }
            </section>
        }
    });

    html! {
        <section class="exercise-panel" aria-label="Exercise">
            <h2>{format!("Exercise: {}", info.title)}</h2>
            if !info.instructions.is_empty() {
                <p class="exercise-instructions">{info.instructions.clone()}</p>
            }
            if !info.tasks.is_empty() {
                <ul class="exercise-tasks">{for info.tasks.iter().map(|t| html! { <li>{t.clone()}</li> })}</ul>
            }
            <div class="exercise-actions">
                <label class="field inline">{"Your name"}
                    <input id="student-name" type="text" value={record.student.clone()} oninput={on_name} />
                </label>
                if immediate && !submitted {
                    <button id="exercise-check" onclick={on_check} aria-pressed={checking.to_string()}>
                        {if *checking { "Hide feedback" } else { "Check my work" }}
                    </button>
                }
                <button id="exercise-submit" class="primary" onclick={on_submit}>
                    {if submitted { "Submit again" } else { "Submit" }}
                </button>
                <span class="export-what">
                    {match &record.submitted {
                        Some(t) => format!("Submitted {}. ", t.0.chars().take(16).collect::<String>().replace('T', " ")),
                        None => String::new(),
                    }}
                    {format!("{} so far, kept in this browser.", counted(notes.len(), "note", "notes"))}
                </span>
            </div>
            if let Some((text, error)) = (*message).clone() {
                <p class={if error { "form-error" } else { "export-what" }} role={if error { "alert" } else { "status" }}>{text}</p>
            }
            {feedback.unwrap_or_default()}
        </section>
    }
}
