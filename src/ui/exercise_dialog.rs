//! The teacher's side of an exercise: instructions, tasks and what students see, the answer
//! key (the teacher's notes on the article, with the detected claims one click away), and the
//! exercise handed out as one file or a link.

use std::rc::Rc;

use yew::prelude::*;

use crate::exercise::file::{
    claim_notes, to_link, write_exercise, Exercise, FeedbackTiming, Record, Role, TASKS,
};
use crate::io::bundle::ArticleMeta;
use crate::io::export::{file_name, Format};
use crate::io::import::counted;
use crate::ui::annotator::use_annotator;
use crate::ui::exchange::{current_article, Modal};
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct ExerciseDialogProps {
    pub meta: Option<ArticleMeta>,
    /// The exercise this teacher already made on the article, if any (its id is kept, so
    /// that submissions to an earlier copy still count).
    pub record: Option<Record>,
    /// Told the teacher's record whenever the exercise is handed out.
    pub on_saved: Callback<Record>,
    pub on_close: Callback<()>,
}

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Form {
    title: String,
    instructions: String,
    tasks: Vec<bool>,
    other: String,
    show_highlights: bool,
    immediate: bool,
}

fn value_of(e: &InputEvent) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|a| a.value())
                })
        })
        .unwrap_or_default()
}

#[function_component(ExerciseDialog)]
pub fn exercise_dialog(props: &ExerciseDialogProps) -> Html {
    let annotator = use_annotator();
    let article = current_article(&props.meta, &annotator);
    let form = use_state(|| {
        let info = props.record.as_ref().map(|r| r.exercise.clone());
        let tasks_given = info.as_ref().map(|i| i.tasks.clone()).unwrap_or_default();
        Form {
            title: info
                .as_ref()
                .map_or(article.meta.title.clone(), |i| i.title.clone()),
            instructions: info
                .as_ref()
                .map_or(String::new(), |i| i.instructions.clone()),
            tasks: TASKS
                .iter()
                .map(|t| info.is_none() && *t == TASKS[0] || tasks_given.iter().any(|g| g == t))
                .collect(),
            other: tasks_given
                .iter()
                .filter(|g| !TASKS.contains(&g.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
            show_highlights: info.as_ref().is_some_and(|i| i.settings.show_highlights),
            immediate: info
                .as_ref()
                .is_some_and(|i| i.settings.feedback == FeedbackTiming::Immediate),
        }
    });
    let message = use_state(|| None::<(String, bool)>);
    let link = use_state(|| None::<String>);

    let exercise = {
        let mut exercise = Exercise::new(article.clone(), &form.title, clock::now());
        if let Some(record) = &props.record {
            exercise.id = record.exercise.id.clone();
            exercise.created = record.exercise.created.clone();
        }
        exercise.instructions = form.instructions.trim().to_string();
        exercise.tasks = TASKS
            .iter()
            .zip(&form.tasks)
            .filter(|(_, on)| **on)
            .map(|(t, _)| t.to_string())
            .chain(
                form.other
                    .split(';')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            )
            .collect();
        exercise.settings.show_highlights = form.show_highlights;
        exercise.settings.feedback = if form.immediate {
            FeedbackTiming::Immediate
        } else {
            FeedbackTiming::AfterSubmission
        };
        exercise
    };
    let record = Record {
        role: Role::Teacher,
        exercise: crate::exercise::file::ExerciseInfo {
            // The teacher's notes are the key; the record keeps only the rest.
            key: Vec::new(),
            ..exercise.info()
        },
        student: String::new(),
        submitted: None,
    };
    let key = article.annotations.notes.len();
    let explained = article
        .annotations
        .notes
        .iter()
        .filter(|n| !n.body.trim().is_empty())
        .count();
    // How many detected claims no note covers yet: worked out when the notes or the analysis
    // change, not on every keystroke in the form.
    let suggested = *use_memo(
        (
            Rc::as_ptr(&annotator.state.notes) as usize,
            Rc::as_ptr(&annotator.analysis) as usize,
        ),
        {
            let (annotator, article) = (annotator.clone(), article.clone());
            move |_| {
                claim_notes(
                    &article.text,
                    &annotator.analysis,
                    &article.annotations.notes,
                    clock::new_note_id,
                    &clock::now(),
                    None,
                )
                .len()
            }
        },
    );
    let field = |update: fn(&mut Form, String)| {
        let form = form.clone();
        // On every keystroke, so that a button pressed straight after typing sees the text.
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            update(&mut next, value_of(&e));
            form.set(next);
        })
    };
    let toggle = |update: fn(&mut Form)| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            update(&mut next);
            form.set(next);
        })
    };
    let on_accept = {
        let (annotator, article, message) = (annotator.clone(), article.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let author = annotator.state.author.clone();
            let notes = claim_notes(
                &article.text,
                &annotator.analysis,
                &article.annotations.notes,
                clock::new_note_id,
                &clock::now(),
                author.as_deref(),
            );
            let n = notes.len();
            annotator.add_notes(notes, "key");
            message.set(Some((
                format!(
                    "Added {} to the key, tagged “claim”. Undo takes them back; write on a note what students should learn from it.",
                    counted(n, "detected claim", "detected claims")
                ),
                false,
            )));
        })
    };
    let on_file = {
        let (exercise, record, on_saved, message) = (
            exercise.clone(),
            record.clone(),
            props.on_saved.clone(),
            message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let name = file_name(&format!("{} exercise", exercise.title), Format::Bundle);
            match download::download(&name, Format::Bundle.mime(), &write_exercise(&exercise)) {
                Ok(()) => {
                    on_saved.emit(record.clone());
                    message.set(Some((format!("Saved {name}. Give it to your students: they open it in Glossa (Open file, or drop it on the page)."), false)));
                }
                Err(e) => message.set(Some((format!("The file was not made: {e}."), true))),
            }
        })
    };
    let on_link = {
        let (exercise, record, on_saved, message, link) = (
            exercise.clone(),
            record.clone(),
            props.on_saved.clone(),
            message.clone(),
            link.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let file = write_exercise(&exercise);
            match to_link(&file) {
                Some(fragment) => {
                    let location = gloo::utils::window().location();
                    let base = format!(
                        "{}{}",
                        location.origin().unwrap_or_default(),
                        location.pathname().unwrap_or_default()
                    );
                    let url = format!("{base}#{fragment}");
                    on_saved.emit(record.clone());
                    let length = url.len();
                    message.set(Some((
                        format!("The link ({length} characters) carries the whole exercise: copy it from the field below."),
                        false,
                    )));
                    link.set(Some(url.clone()));
                    // Copied for the teacher where the browser allows it; said only when done.
                    let promise = gloo::utils::window()
                        .navigator()
                        .clipboard()
                        .write_text(&url);
                    let message = message.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                            message.set(Some((
                                format!("The link ({length} characters) carries the whole exercise, and is copied: paste it where your students will find it."),
                                false,
                            )));
                        }
                    });
                }
                None => {
                    link.set(None);
                    message.set(Some((
                        format!(
                            "This exercise is too large for a link ({} KB; links carry up to {} KB packed). Share the file instead.",
                            file.len() / 1024,
                            crate::exercise::file::MAX_LINK_CHARS / 1024
                        ),
                        true,
                    )))
                }
            }
        })
    };
    let on_cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let tasks = TASKS.iter().enumerate().map(|(i, task)| {
        let checked = form.tasks[i];
        let onchange = {
            let form = form.clone();
            Callback::from(move |_: Event| {
                let mut next = (*form).clone();
                next.tasks[i] = !next.tasks[i];
                form.set(next);
            })
        };
        html! {
            <label class="choice">
                <input type="checkbox" id={format!("exercise-task-{i}")} {checked} {onchange} />
                {*task}
            </label>
        }
    });
    html! {
        <Modal id="exercise-dialog" title="Make an exercise" on_close={props.on_close.clone()}>
            <label class="field">{"Title"}
                <input id="exercise-title" type="text" value={form.title.clone()}
                       oninput={field(|f, v| f.title = v)} />
            </label>
            <label class="field">{"Instructions for students"}
                <textarea id="exercise-instructions" rows="3" value={form.instructions.clone()}
                          oninput={field(|f, v| f.instructions = v)} />
            </label>
            <fieldset>
                <legend>{"Tasks"}</legend>
                {for tasks}
                <label class="field">{"Other tasks (separate with ;)"}
                    <input id="exercise-task-other" type="text" value={form.other.clone()}
                           oninput={field(|f, v| f.other = v)} />
                </label>
            </fieldset>
            <fieldset>
                <legend>{"What students see"}</legend>
                <label class="choice">
                    <input type="checkbox" id="exercise-highlights" checked={form.show_highlights}
                           onchange={toggle(|f| f.show_highlights = !f.show_highlights)} />
                    {"Glossa's automatic highlights (entities and claims)"}
                </label>
                <label class="choice">
                    <input type="radio" name="exercise-feedback" id="exercise-feedback-after"
                           checked={!form.immediate} onchange={toggle(|f| f.immediate = false)} />
                    {"Feedback after they submit"}
                </label>
                <label class="choice">
                    <input type="radio" name="exercise-feedback" id="exercise-feedback-immediate"
                           checked={form.immediate} onchange={toggle(|f| f.immediate = true)} />
                    {"Feedback while they work (Check my work)"}
                </label>
            </fieldset>
            <p class="export-what" id="exercise-key-summary">
                {format!("The answer key is your {} on this article ({} with an explanation). ", counted(key, "note", "notes"), explained)}
                {"Students see a note's text as its explanation after they submit. Tags are the labels students are compared on; verdicts are compared on claims."}
            </p>
            if suggested > 0 {
                <button id="exercise-accept-claims" onclick={on_accept}>
                    {format!("Add {} to the key", counted(suggested, "detected claim", "detected claims"))}
                </button>
            }
            if let Some((text, error)) = (*message).clone() {
                <p class={if error { "form-error" } else { "export-what" }} role={if error { "alert" } else { "status" }}>{text}</p>
            }
            if let Some(url) = (*link).clone() {
                <label class="field">{"Link to the exercise"}
                    <input id="exercise-link-text" type="text" readonly=true value={url} />
                </label>
            }
            <div class="modal-actions">
                <button id="exercise-save" class="primary" onclick={on_file} disabled={key == 0}>{"Save exercise file"}</button>
                <button id="exercise-link" onclick={on_link} disabled={key == 0}>{"Make a link"}</button>
                <button onclick={on_cancel}>{"Close"}</button>
            </div>
            if key == 0 {
                <p class="export-what">{"Add notes to the article (or the detected claims) to make the key first."}</p>
            }
        </Modal>
    }
}
