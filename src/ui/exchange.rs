//! The Export and Import dialogs of the reader.
//!
//! Export writes the open article in the chosen format and offers it as a download. Import
//! reads a file, shows what importing it would do (how many notes are new, where they anchor,
//! which are already here, which conflict with yours, what could not be read and why), and
//! changes nothing until the user confirms.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::io::bundle::{Article, ArticleMeta, ReadBundle};
use crate::io::export::{export, file_name, Format};
use crate::io::import::{self, counted, Parsed, Plan};
use crate::io::load::Source;
use crate::ui::annotator::use_annotator;
use crate::web::{clock, download};

/// The open article as the export formats take it.
pub fn current_article(
    meta: &Option<ArticleMeta>,
    annotator: &crate::ui::annotator::Annotator,
) -> Article {
    let state = &annotator.state;
    let meta = meta.clone().unwrap_or_else(|| ArticleMeta {
        title: state.doc.title().to_string(),
        source: Source::Sample,
        ..Default::default()
    });
    Article {
        meta,
        text: state.doc.text().to_string(),
        annotations: state.annotations(),
    }
}

/// What takes the keyboard inside a dialog.
const FOCUSABLE: &str = "input:not([disabled]), button:not([disabled]), select, summary, a[href]";

/// A modal dialog: a labelled box over the page; Escape closes it, the focus stays inside.
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub on_close: Callback<()>,
    /// A wider box, for tables.
    #[prop_or_default]
    pub wide: bool,
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    use_effect_with((), {
        let node = node.clone();
        move |_| {
            // The focus goes into the dialog (the chosen option, or the first control) and
            // back to where it was when the dialog closes.
            let opener = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(root) = node.cast::<web_sys::Element>() {
                let first = root
                    .query_selector("input:checked")
                    .ok()
                    .flatten()
                    .or_else(|| root.query_selector(FOCUSABLE).ok().flatten());
                if let Some(first) = first.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(opener) = opener {
                    let _ = opener.focus();
                }
            }
        }
    });
    let onkeydown = {
        let (on_close, node) = (props.on_close.clone(), node.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                on_close.emit(());
            } else if e.key() == "Tab" {
                // Tab and Shift+Tab go round the dialog's controls, never to the page behind.
                let Some(root) = node.cast::<web_sys::Element>() else {
                    return;
                };
                let Ok(list) = root.query_selector_all(FOCUSABLE) else {
                    return;
                };
                let items: Vec<web_sys::HtmlElement> = (0..list.length())
                    .filter_map(|i| list.get(i))
                    .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    .collect();
                let active = gloo::utils::document().active_element();
                // A radio group is one stop: any of its radios counts as the group.
                let group = |el: &web_sys::Element| {
                    (el.get_attribute("type").as_deref() == Some("radio"))
                        .then(|| el.get_attribute("name"))
                        .flatten()
                };
                let at = |el: Option<&web_sys::HtmlElement>| {
                    el.zip(active.as_ref()).is_some_and(|(a, b)| {
                        let a: &web_sys::Element = a.as_ref();
                        a == b || group(a).is_some_and(|g| group(b).as_ref() == Some(&g))
                    })
                };
                let wrap_to = if e.shift_key() && at(items.first()) {
                    items.last()
                } else if !e.shift_key() && at(items.last()) {
                    items.first()
                } else {
                    None
                };
                if let Some(target) = wrap_to {
                    e.prevent_default();
                    let _ = target.focus();
                }
            }
        })
    };
    let heading = format!("{}-title", props.id);
    html! {
        <div class="modal-backdrop">
            <div class={classes!("modal", props.wide.then_some("wide"))} id={props.id.clone()} role="dialog" aria-modal="true"
                 aria-labelledby={heading.clone()} ref={node} {onkeydown}>
                <h2 id={heading}>{props.title.clone()}</h2>
                {props.children.clone()}
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The open article's metadata (none for the built-in sample).
    pub meta: Option<ArticleMeta>,
    pub on_close: Callback<()>,
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportProps) -> Html {
    let annotator = use_annotator();
    let format = use_state(|| Format::W3c);
    let entities = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let article = current_article(&props.meta, &annotator);
    let notes = article.annotations.notes.len();
    let replies: usize = article
        .annotations
        .notes
        .iter()
        .map(|n| n.replies.len())
        .sum();
    let reviews = crate::io::claimreview::count(&article);
    let without_url = article
        .annotations
        .notes
        .iter()
        .filter(|n| {
            n.verdict
                .as_ref()
                .and_then(|k| article.annotations.verdict(k))
                .is_some_and(|t| t.rating.is_some())
                && n.evidence.is_empty()
        })
        .count();
    let without_author = article
        .annotations
        .notes
        .iter()
        .filter(|n| n.verdict.is_some() && n.author.is_none())
        .count();
    let what = match *format {
        Format::Bundle => format!("The article's text, its details and {}, to open in another Glossa.", counted(notes, "note", "notes")),
        Format::W3c => format!("{} and {} as W3C Web Annotations, which Hypothesis, Recogito and other annotation tools read.", counted(notes, "note", "notes"), counted(replies, "reply", "replies")),
        Format::ClaimReview => {
            let mut s = format!("{} with a rated verdict become ClaimReview items.", counted(reviews, "claim", "claims"));
            if without_url > 0 {
                s.push_str(&format!(" {} no evidence address, which fact-check aggregators require.", if without_url == 1 { "1 has".to_string() } else { format!("{without_url} have") }));
            }
            if without_author > 0 {
                s.push_str(" Set your name (side panel) so that reviews say who checked them.");
            }
            s
        }
        Format::Csv => format!("One row per note and reply ({}), for spreadsheets.", counted(notes + replies, "row", "rows")),
        Format::Jsonl => "One line per paragraph with the entities Glossa found, for training models.".to_string(),
        Format::Markdown | Format::Html => format!(
            "Each checked claim in text order with its verdict, evidence and notes; then the other notes and the claims not yet checked ({}).", counted(notes, "note", "notes")
        ),
    };
    let on_download = {
        let (format, entities, problem, on_close) = (
            format.clone(),
            entities.clone(),
            problem.clone(),
            props.on_close.clone(),
        );
        let annotator = annotator.clone();
        let article = article.clone();
        Callback::from(move |_: MouseEvent| {
            let analysis = annotator.analysed.then(|| annotator.analysis.clone());
            let contents = export(
                *format,
                &[(&article, analysis.as_deref())],
                *entities,
                &clock::now(),
            );
            let name = file_name(&article.meta.title, *format);
            match download::download(&name, format.mime(), &contents) {
                Ok(()) => on_close.emit(()),
                Err(e) => problem.set(Some(format!("The file was not made: {e}."))),
            }
        })
    };
    let choices = Format::ALL.iter().map(|&f| {
        let checked = *format == f;
        let onchange = {
            let format = format.clone();
            Callback::from(move |_: Event| format.set(f))
        };
        html! {
            <label class="choice">
                <input type="radio" name="export-format" value={f.name()} {checked} {onchange} />
                {f.label()}
            </label>
        }
    });
    let on_entities = {
        let entities = entities.clone();
        Callback::from(move |_: Event| entities.set(!*entities))
    };
    let on_cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <Modal id="export-dialog" title={format!("Export “{}”", article.meta.title)} on_close={props.on_close.clone()}>
            <fieldset>
                <legend>{"Format"}</legend>
                {for choices}
            </fieldset>
            if format.takes_entities() {
                <label class="choice">
                    <input type="checkbox" id="export-entities" checked={*entities} onchange={on_entities} />
                    {"Include the entities Glossa found (people, places, dates…)"}
                </label>
            }
            <p class="export-what" aria-live="polite">{what}</p>
            if let Some(p) = (*problem).clone() {
                <p class="form-error" role="alert">{p}</p>
            }
            <div class="modal-actions">
                <button id="export-download" class="primary" onclick={on_download}>
                    {format!("Download {}", file_name(&article.meta.title, *format))}
                </button>
                <button onclick={on_cancel}>{"Cancel"}</button>
            </div>
        </Modal>
    }
}

/// A file of annotations dropped on the page while an article is open: the reader shows its
/// import preview. `seq` tells two drops of the same file apart.
#[derive(Clone, PartialEq)]
pub struct DroppedFile {
    pub seq: u32,
    pub name: String,
    pub bytes: std::rc::Rc<Vec<u8>>,
}

/// What a file held, once read, for the preview.
#[derive(Clone, PartialEq)]
pub enum Reading {
    /// Notes for the open article.
    Notes { name: String, plan: Plan },
    /// Whole articles: the open one (when the bundle has it) merges here, the others go to
    /// the library.
    Bundle {
        name: String,
        here: Option<Plan>,
        others: Vec<Article>,
        rejected: Vec<String>,
    },
    /// The file could not be read: nothing will change.
    Refused { name: String, why: String },
}

/// Reads an imported file against the open article.
pub fn read_import(
    name: &str,
    bytes: &[u8],
    annotator: &crate::ui::annotator::Annotator,
) -> Reading {
    let state = &annotator.state;
    match import::read(name, bytes, &clock::now()) {
        Err(e) => Reading::Refused {
            name: name.to_string(),
            why: e.to_string(),
        },
        Ok(Parsed::Exercise(_)) => Reading::Refused {
            name: name.to_string(),
            why: "it is a classroom exercise, not notes: to do it as a student, open it from the library (Open file, or drop it on the page) in your own browser profile".to_string(),
        },
        Ok(Parsed::Submission(s)) => Reading::Refused {
            name: name.to_string(),
            why: format!("it is {}'s submission for the exercise “{}”: to see it against your key, choose Score", s.student, s.exercise_title),
        },
        Ok(Parsed::Notes(notes)) => Reading::Notes {
            name: name.to_string(),
            plan: import::plan(&state.annotations(), state.doc.text(), notes),
        },
        Ok(Parsed::Bundle(ReadBundle { articles, rejected })) => {
            let mut here = None;
            let mut others = Vec::new();
            for article in articles {
                if article.text == state.doc.text() {
                    here = Some(import::plan(
                        &state.annotations(),
                        state.doc.text(),
                        import::notes_of(&article),
                    ));
                } else {
                    others.push(article);
                }
            }
            Reading::Bundle {
                name: name.to_string(),
                here,
                others,
                rejected,
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub reading: Reading,
    /// Articles of a bundle other than the open one, for the library, with “take theirs”.
    pub on_articles: Callback<(Vec<Article>, bool)>,
    pub on_close: Callback<()>,
}

fn plan_lines(plan: &Plan) -> Html {
    let a = plan.anchoring;
    html! {
        <ul class="import-counts">
            <li>{if plan.replies_in_file > 0 {
                format!("{} and {} in the file", counted(plan.in_file, "note", "notes"), counted(plan.replies_in_file, "reply", "replies"))
            } else {
                format!("{} in the file", counted(plan.in_file, "note", "notes"))
            }}</li>
            <li><strong>{format!("{} new", plan.new_notes.len())}</strong>
                if !plan.new_notes.is_empty() {
                    {format!(": {} found in the text", a.found)}
                    if a.review > 0 { {format!(", {} to review (passage changed)", a.review)} }
                    if a.not_found > 0 { {format!(", {} not found (kept under “Passage not found”)", a.not_found)} }
                }
            </li>
            if plan.unchanged > 0 { <li>{format!("{} already here (skipped)", plan.unchanged)}</li> }
            if !plan.conflicts.is_empty() { <li class="conflicts">{format!("{} from your version", counted(plan.conflicts.len(), "note differs", "notes differ"))}</li> }
            if !plan.new_replies.is_empty() { <li>{format!("{} on your notes", counted(plan.new_replies.len(), "new reply", "new replies"))}</li> }
            if !plan.new_verdicts.is_empty() {
                <li>{format!("new verdicts: {}", plan.new_verdicts.iter().map(|t| format!("“{}”", t.label)).collect::<Vec<_>>().join(", "))}</li>
            }
            if plan.other_source > 0 { <li>{format!("{} name another text; they were placed by their quotes", plan.other_source)}</li> }
            if !plan.skipped.is_empty() { <li>{format!("{} skipped (detected entities: Glossa finds those itself)", plan.skipped.len())}</li> }
        </ul>
    }
}

/// The notes that differ from the stored version, side by side (the first 50).
fn conflict_list(plan: &Plan) -> Html {
    if plan.conflicts.is_empty() {
        return html! {};
    }
    let gist = |n: &crate::model::Note| {
        let mut parts = Vec::new();
        if !n.body.is_empty() {
            parts.push(n.body.chars().take(80).collect::<String>());
        }
        if let Some(v) = &n.verdict {
            parts.push(format!("verdict {v}"));
        }
        if !n.tags.is_empty() {
            parts.push(format!("tags {}", n.tags.join(", ")));
        }
        if !n.evidence.is_empty() {
            parts.push(counted(n.evidence.len(), "source", "sources"));
        }
        if parts.is_empty() {
            "(empty)".to_string()
        } else {
            parts.join(" · ")
        }
    };
    html! {
        <details class="import-conflicts">
            <summary>{"What differs"}</summary>
            <ul>
                {for plan.conflicts.iter().take(50).map(|c| html! {
                    <li dir="auto">
                        <q>{c.mine.target.quote.exact.chars().take(60).collect::<String>()}</q>
                        <div>{"Yours: "}{gist(&c.mine)}</div>
                        <div>{"The file's: "}{gist(&c.theirs)}</div>
                    </li>
                })}
            </ul>
        </details>
    }
}

fn rejected_list(rejected: &[String]) -> Html {
    if rejected.is_empty() {
        return html! {};
    }
    html! {
        <details class="import-rejected" open={rejected.len() <= 5}>
            <summary>{format!("{} could not be read and {} left out", counted(rejected.len(), "item", "items"), if rejected.len() == 1 { "is" } else { "are" })}</summary>
            <ul>{for rejected.iter().take(200).map(|r| html! { <li dir="auto">{r.clone()}</li> })}</ul>
            if rejected.len() > 200 { <p>{format!("… and {} more", rejected.len() - 200)}</p> }
        </details>
    }
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportProps) -> Html {
    let annotator = use_annotator();
    let take_theirs = use_state(|| false);
    let on_cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_take = {
        let take_theirs = take_theirs.clone();
        Callback::from(move |_: Event| take_theirs.set(!*take_theirs))
    };
    let conflicts = match &props.reading {
        Reading::Notes { plan, .. } => plan.conflicts.len(),
        Reading::Bundle { here, .. } => here.as_ref().map_or(0, |p| p.conflicts.len()),
        Reading::Refused { .. } => 0,
    };
    let conflict_choice = html! {
        if conflicts > 0 {
            <label class="choice">
                <input type="checkbox" id="import-take-theirs" checked={*take_theirs} onchange={on_take} />
                {format!("Replace my version of {} with the file's (replies are kept either way)", counted(conflicts, "note", "notes"))}
            </label>
        }
    };
    let on_import = {
        let (annotator, reading, take_theirs, on_articles, on_close) = (
            annotator.clone(),
            props.reading.clone(),
            take_theirs.clone(),
            props.on_articles.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            match &reading {
                Reading::Notes { plan, .. } => {
                    annotator.import(plan, *take_theirs);
                }
                Reading::Bundle { here, others, .. } => {
                    if let Some(plan) = here {
                        annotator.import(plan, *take_theirs);
                    }
                    if !others.is_empty() {
                        on_articles.emit((others.clone(), *take_theirs));
                    }
                }
                Reading::Refused { .. } => {}
            }
            on_close.emit(());
        })
    };
    let (title, body, can_import) = match &props.reading {
        Reading::Refused { name, why } => (
            format!("Import “{name}”"),
            html! { <p class="form-error" role="alert">{format!("Nothing was imported: {why}. Your notes are unchanged.")}</p> },
            false,
        ),
        Reading::Notes { name, plan } => (
            format!("Import “{name}” ({})", plan.format),
            html! { <>{plan_lines(plan)}{conflict_list(plan)}{conflict_choice}{rejected_list(&plan.rejected)}</> },
            plan.changes_anything(),
        ),
        Reading::Bundle {
            name,
            here,
            others,
            rejected,
        } => (
            format!("Import “{name}” (Glossa bundle)"),
            html! {
                <>
                    if let Some(plan) = here {
                        <h3>{"This article"}</h3>
                        {plan_lines(plan)}
                        {conflict_list(plan)}
                        {conflict_choice}
                        {rejected_list(&plan.rejected)}
                    }
                    if !others.is_empty() {
                        <h3>{"Other articles, added to your library with their notes"}</h3>
                        <ul class="import-articles">
                            {for others.iter().map(|a| html! {
                                <li dir="auto">{format!("“{}”: {}", a.meta.title, counted(a.annotations.notes.len(), "note", "notes"))}</li>
                            })}
                        </ul>
                    }
                    {rejected_list(rejected)}
                </>
            },
            here.as_ref().is_some_and(Plan::changes_anything) || !others.is_empty(),
        ),
    };
    html! {
        <Modal id="import-dialog" title={title} on_close={props.on_close.clone()}>
            {body}
            if !can_import && !matches!(props.reading, Reading::Refused { .. }) {
                <p>{"Nothing new to import: your notes are unchanged."}</p>
            }
            <div class="modal-actions">
                if can_import {
                    <button id="import-confirm" class="primary" onclick={on_import}>{"Import"}</button>
                    <button onclick={on_cancel}>{"Cancel"}</button>
                } else {
                    <button onclick={on_cancel}>{"Close"}</button>
                }
            </div>
        </Modal>
    }
}
