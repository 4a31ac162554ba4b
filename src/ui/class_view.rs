//! The class results: students' files scored against the open article's notes (the
//! teacher's key). A table per student, a bar per key item showing how many students found
//! it, the agreement between students, and the results as CSV.

use yew::prelude::*;

use crate::exercise::class::ClassReport;
use crate::exercise::score::FORMULA;
use crate::io::import::counted;
use crate::ui::exchange::Modal;
use crate::web::{clock, download};

/// What scoring a set of files gave.
#[derive(Clone, PartialEq)]
pub struct ClassResults {
    pub report: ClassReport,
    /// The article's text (key items are quoted from it).
    pub text: AttrValue,
    pub title: String,
    /// Files that could not be scored, with why.
    pub skipped: Vec<String>,
    /// Files scored with a reservation (not a submission file, notes left out), with why.
    pub warnings: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct ClassProps {
    pub results: ClassResults,
    pub on_close: Callback<()>,
}

fn percent(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

#[function_component(ClassView)]
pub fn class_view(props: &ClassProps) -> Html {
    let r = &props.results;
    let report = &r.report;
    let problem = use_state(|| None::<String>);
    let on_csv = {
        let (results, problem) = (props.results.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let csv = results.report.csv(&results.text);
            let day: String = clock::now().0.chars().take(10).collect();
            let name = crate::io::export::file_name(
                &format!("{} class results {day}", results.title),
                crate::io::export::Format::Csv,
            );
            if let Err(e) = download::download(&name, "text/csv", &csv) {
                problem.set(Some(format!("The file was not made: {e}.")));
            }
        })
    };
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let students = report.students.len();
    let quote = |k: usize| -> String {
        crate::exercise::class::quote(&r.text, report.key[k].span)
            .chars()
            .take(70)
            .collect()
    };
    html! {
        <Modal id="class-dialog" title={format!("Class results: {}", r.title)} on_close={props.on_close.clone()} wide=true>
            <p class="export-what">
                {format!("{} against {} in your notes (the key). ", counted(students, "student", "students"), counted(report.key.len(), "key item", "key items"))}
                {FORMULA}{"."}
            </p>
            <table class="class-table">
                <caption class="visually-hidden">{"Score per student"}</caption>
                <thead><tr>
                    <th scope="col">{"Student"}</th><th scope="col">{"Score"}</th>
                    <th scope="col">{"Found"}</th><th scope="col">{"Partly"}</th>
                    <th scope="col">{"Missed"}</th><th scope="col">{"Extra"}</th>
                    <th scope="col">{"Labels"}</th><th scope="col">{"Verdicts"}</th>
                </tr></thead>
                <tbody>
                    {for report.students.iter().map(|s| {
                        let f = &s.feedback;
                        html! {
                            <tr>
                                <th scope="row" dir="auto">{s.name.clone()}
                                    if s.not_in_text > 0 {
                                        <div class="hint">{format!("{} not in this text", counted(s.not_in_text, "note", "notes"))}</div>
                                    }
                                </th>
                                <td class="score-cell">
                                    <span class="num">{format!("{:.0}", f.score)}</span>
                                    <span class="key-bar" aria-hidden="true">
                                        <span class="bar" style={format!("width: {:.0}%", f.score)}></span>
                                    </span>
                                </td>
                                <td>{f.found}</td><td>{f.partial}</td><td>{f.missed.len()}</td><td>{f.extra + f.duplicate}</td>
                                <td>{format!("{}/{}", f.labels_agree, f.labels_compared)}</td>
                                <td>{format!("{}/{}", f.verdicts_agree, f.verdicts_compared)}</td>
                            </tr>
                        }
                    })}
                </tbody>
            </table>
            <h3>{"Who found each key item"}</h3>
            <ol class="key-items">
                {for report.found_by.iter().enumerate().map(|(k, n)| {
                    let share = if students == 0 { 0.0 } else { *n as f64 / students as f64 };
                    html! {
                        <li>
                            <span class="key-quote" dir="auto">{quote(k)}</span>
                            <span class="key-bar" role="img" aria-label={format!("found by {n} of {students}")}>
                                <span class="bar" style={format!("width: {}", percent(share))}></span>
                            </span>
                            <span class="num">{format!("{n} of {students}")}</span>
                        </li>
                    }
                })}
            </ol>
            <p>
                {"Agreement between students: span F1 "}
                <strong>{report.pairwise_span_f1.map_or("n/a (one student)".to_string(), |f| format!("{f:.2}"))}</strong>
                {", Fleiss' kappa on labels "}
                <strong>{report.label_kappa.map_or("n/a".to_string(), |k| format!("{k:.2}"))}</strong>
                if let Some(k) = report.label_cohen {
                    {", Cohen's kappa "}<strong>{format!("{k:.2}")}</strong>
                }
            </p>
            if !r.skipped.is_empty() {
                <details class="import-rejected" open=true>
                    <summary>{format!("{} not scored", counted(r.skipped.len(), "file", "files"))}</summary>
                    <ul>{for r.skipped.iter().map(|s| html! { <li dir="auto">{s.clone()}</li> })}</ul>
                </details>
            }
            if !r.warnings.is_empty() {
                <details class="import-rejected class-warnings" open=true>
                    <summary>{format!("{} scored with a reservation", counted(r.warnings.len(), "file", "files"))}</summary>
                    <ul>{for r.warnings.iter().map(|s| html! { <li dir="auto">{s.clone()}</li> })}</ul>
                </details>
            }
            if let Some(p) = (*problem).clone() {
                <p class="form-error" role="alert">{p}</p>
            }
            <div class="modal-actions">
                <button id="class-csv" class="primary" onclick={on_csv}>{"Download CSV"}</button>
                <button onclick={on_close}>{"Close"}</button>
            </div>
        </Modal>
    }
}
