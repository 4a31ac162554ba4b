//! The root component: owns the state, reads storage once, and wires browser events
//! (selection changes, other tabs' writes, the keyboard) to actions.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::io::bundle::{Article, ArticleMeta};
use crate::sample::SAMPLE_ARTICLE;
use crate::state::{Action, AppState, Notice, Severity};
use crate::text::Document;
use crate::ui::annotator::Annotator;
use crate::ui::article_view::ArticleView;
use crate::ui::class_view::{ClassResults, ClassView};
use crate::ui::exchange::{
    current_article, read_import, DroppedFile, ExportDialog, ImportDialog, Reading,
};
use crate::ui::exercise_dialog::ExerciseDialog;
use crate::ui::exercise_panel::ExercisePanel;
use crate::ui::keyboard;
use crate::ui::legend::Legend;
use crate::ui::notices::Notices;
use crate::ui::selection_button::SelectionButton;
use crate::ui::side_panel::SidePanel;
use crate::ui::toolbar::Toolbar;
use crate::web::analysis_worker::analyze_then;
use crate::web::clock::now_ms;
use crate::web::selection::{selection_anchor_point, selection_span};
use crate::web::storage::NotesStore;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The article's plain text; the built-in sample when absent.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// The text's direction ("rtl" for Arabic or Hebrew articles).
    #[prop_or_default]
    pub dir: Option<AttrValue>,
    /// Where the article is from, shown after its title ("BBC News · 2015-07-24").
    #[prop_or_default]
    pub source_line: Option<AttrValue>,
    /// Shows the library (the toolbar's "Library" button); no button when absent.
    #[prop_or_default]
    pub on_library: Option<Callback<()>>,
    /// Told how many checkable claims the analysis found.
    #[prop_or_default]
    pub on_analysed: Option<Callback<usize>>,
    /// What is known about the article, for exports (none for the built-in sample).
    #[prop_or_default]
    pub meta: Option<ArticleMeta>,
    /// Given the other articles of an imported bundle, to add to the library; without it,
    /// bundles import only the open article's notes.
    #[prop_or_default]
    pub on_articles: Option<Callback<(Vec<Article>, bool)>>,
    /// A file of annotations dropped on the page, to preview for import.
    #[prop_or_default]
    pub dropped: Option<DroppedFile>,
}

/// The dialog open over the reader.
#[derive(Clone, PartialEq)]
enum Dialog {
    Export,
    Import(Box<Reading>),
    Class(Box<ClassResults>),
    Exercise,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let doc = use_memo(props.text.clone(), |text| {
        Document::from_plain_text(text.as_deref().unwrap_or(SAMPLE_ARTICLE))
    });
    // The exercise on this article, when there is one: a student's copy decides what is shown.
    let record = use_state({
        let doc = doc.clone();
        move || crate::web::exercise_store::load(&doc.fingerprint())
    });
    let student = (*record)
        .clone()
        .filter(|r| r.role == crate::exercise::file::Role::Student);
    let automatic = student
        .as_ref()
        .is_none_or(|r| r.exercise.settings.show_highlights);
    // Analysed after the first paint, so the article is readable at once and the highlights
    // follow (the first analysis also builds the lexicon index).
    let analysis = use_state(|| None::<Rc<Analysis>>);
    use_effect_with(doc.clone(), {
        let analysis = analysis.clone();
        let on_analysed = props.on_analysed.clone();
        move |doc: &Rc<Document>| {
            let doc = doc.clone();
            // A long article is analysed in the worker; leaving it drops the answer.
            let pending = Rc::new(RefCell::new(None));
            let timeout = crate::web::clock::after_paint({
                let pending = pending.clone();
                move || {
                    if !automatic {
                        // The exercise hides the automatic highlights: nothing to find.
                        return;
                    }
                    let started = now_ms();
                    let bytes = doc.text().len();
                    let handle = analyze_then(doc.text(), move |result| {
                        let message = format!(
                            "Glossa: {bytes} bytes analysed, {:.1} ms from the start",
                            now_ms() - started
                        );
                        web_sys::console::info_1(&message.into());
                        if let Some(on_analysed) = on_analysed {
                            on_analysed.emit(result.claims.len());
                        }
                        analysis.set(Some(Rc::new(result)));
                    });
                    *pending.borrow_mut() = Some(handle);
                }
            });
            move || {
                drop(timeout);
                pending.borrow_mut().take();
            }
        }
    });
    // Done once the analysis has run, or at once when the exercise hides what it would find.
    let analysed = analysis.is_some() || !automatic;
    // One empty analysis until the real one arrives, the same on every render: the article
    // compares it by address, and a new one each time would redraw every paragraph.
    let nothing_yet = use_memo((), |_| Analysis::default());
    let analysis: Rc<Analysis> = (*analysis).clone().unwrap_or_else(|| nothing_yet.clone());
    let store = use_memo((), {
        let doc = doc.clone();
        move |_| NotesStore::new(&doc.fingerprint())
    });
    let state = use_reducer({
        let doc = doc.clone();
        move || AppState::new(doc)
    });
    let article_ref = use_node_ref();
    let button_at = use_state(|| None::<(f64, f64)>);

    // Notes are read once the text is on screen: thousands of them take a moment.
    use_effect_with((), {
        let (state, store) = (state.clone(), store.clone());
        move |_| {
            let work = crate::web::clock::after_paint(move || {
                let outcome = store.load();
                if let Some(message) = outcome.problem {
                    state.dispatch(warn(message));
                }
                state.dispatch(Action::SetAuthor(crate::web::profile::load_author()));
                state.dispatch(Action::Loaded {
                    annotations: outcome.annotations,
                });
            });
            move || drop(work)
        }
    });

    use_effect_with((), {
        let (state, article_ref, button_at) =
            (state.clone(), article_ref.clone(), button_at.clone());
        move |_| {
            let document = gloo::utils::document();
            let listener = EventListener::new(&document, "selectionchange", move |_| {
                let span = article_ref
                    .cast::<web_sys::Element>()
                    .and_then(|root| selection_span(&root));
                button_at.set(span.and_then(|_| selection_anchor_point()));
                state.dispatch(Action::SelectionChanged(span));
            });
            move || drop(listener)
        }
    });

    use_effect_with((), {
        let (state, store) = (state.clone(), store.clone());
        move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(store.key()) {
                    return;
                }
                let raw = event.new_value().unwrap_or_default();
                let outcome = if raw.is_empty() {
                    None
                } else {
                    store.read_external(&raw)
                };
                let (annotations, problem) =
                    outcome.map_or((Default::default(), None), |o| (o.annotations, o.problem));
                if let Some(message) = problem {
                    state.dispatch(warn(message));
                }
                state.dispatch(Action::Loaded { annotations });
            });
            move || drop(listener)
        }
    });

    // The keyboard listener is installed once; it reads the latest annotator from here.
    let latest = use_mut_ref(|| None::<Annotator>);
    use_effect_with((), {
        let latest = latest.clone();
        move |_| {
            // Not passive: the shortcuts must be able to keep the key from the page.
            let options = EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let annotator = latest.borrow().clone();
                    if let Some(annotator) = annotator {
                        if keyboard::handle(&annotator, event) {
                            event.prevent_default();
                        }
                    }
                });
            move || drop(listener)
        }
    });

    let annotator = Annotator {
        state: state.clone(),
        store: Rc::clone(&store),
        analysis: Rc::clone(&analysis),
        analysed,
        dir: props.dir.clone(),
        automatic,
    };
    *latest.borrow_mut() = Some(annotator.clone());
    // The article's title, as exports name it (without copying the text and notes each render).
    let exercise_title = AttrValue::from(
        props
            .meta
            .as_ref()
            .map_or_else(|| doc.title().to_string(), |m| m.title.clone()),
    );
    let dialog = use_state(|| None::<Dialog>);
    let on_export = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(Some(Dialog::Export)))
    };
    let on_import = {
        let (dialog, latest) = (dialog.clone(), latest.clone());
        Callback::from(move |file: web_sys::File| {
            let (dialog, latest) = (dialog.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let reading = match crate::web::loader::read_file(&file).await {
                    Ok(bytes) => {
                        let annotator = latest.borrow().clone();
                        match annotator {
                            Some(annotator) => read_import(&name, &bytes.to_vec(), &annotator),
                            None => return,
                        }
                    }
                    Err(why) => Reading::Refused { name, why },
                };
                dialog.set(Some(Dialog::Import(Box::new(reading))));
            });
        })
    };
    let on_record = {
        let (record, doc, latest) = (record.clone(), doc.clone(), latest.clone());
        Callback::from(move |next: crate::exercise::file::Record| {
            if let Err(e) = crate::web::exercise_store::save(&doc.fingerprint(), &next) {
                if let Some(annotator) = latest.borrow().as_ref() {
                    annotator.dispatch(warn(format!(
                        "The exercise was not saved in this browser: {e}."
                    )));
                }
            }
            record.set(Some(next));
        })
    };
    let on_exercise = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(Some(Dialog::Exercise)))
    };
    let on_score = {
        let (dialog, latest, meta) = (dialog.clone(), latest.clone(), props.meta.clone());
        // Submissions must answer the exercise this teacher made on the article, if any.
        let exercise_id = (*record)
            .as_ref()
            .filter(|r| r.role == crate::exercise::file::Role::Teacher)
            .map(|r| r.exercise.id.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            let (dialog, latest, meta) = (dialog.clone(), latest.clone(), meta.clone());
            let exercise_id = exercise_id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(annotator) = latest.borrow().clone() else {
                    return;
                };
                let key = current_article(&meta, &annotator);
                let now = crate::web::clock::now();
                let mut students = Vec::new();
                let mut skipped = Vec::new();
                let mut warnings = Vec::new();
                if key.annotations.notes.is_empty() {
                    skipped.push("Your notes on this article are the answer key: add notes (tagged claim, source…) first.".to_string());
                }
                for file in files {
                    let name = file.name();
                    let scored = match crate::web::loader::read_file(&file).await {
                        Ok(bytes) => crate::exercise::class::check_submission(
                            &name,
                            &bytes.to_vec(),
                            &key,
                            exercise_id.as_deref(),
                            &now,
                        ),
                        Err(why) => Err(why),
                    };
                    match scored {
                        Ok(checked) => {
                            if let Some(warning) = checked.warning {
                                warnings.push(format!("{name}: {warning}"));
                            }
                            students.push((checked.student, checked.notes))
                        }
                        Err(why) => skipped.push(format!("{name}: {why}")),
                    }
                }
                let report = crate::exercise::class::class_report(
                    &key.text,
                    &key.annotations.notes,
                    &students,
                    crate::exercise::score::DEFAULT_THRESHOLD,
                );
                dialog.set(Some(Dialog::Class(Box::new(ClassResults {
                    report,
                    text: AttrValue::from(key.text),
                    title: key.meta.title,
                    skipped,
                    warnings,
                }))));
            });
        })
    };
    use_effect_with(props.dropped.clone(), {
        let (dialog, latest) = (dialog.clone(), latest.clone());
        move |dropped: &Option<DroppedFile>| {
            let annotator = latest.borrow().clone();
            if let (Some(file), Some(annotator)) = (dropped, annotator) {
                let reading = read_import(&file.name, &file.bytes, &annotator);
                dialog.set(Some(Dialog::Import(Box::new(reading))));
            }
        }
    });
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(None))
    };
    let on_articles = props
        .on_articles
        .clone()
        .unwrap_or_else(|| Callback::from(|_| {}));
    let show_button = state.selection.is_some() && state.editor.is_none();
    html! {
        <ContextProvider<Annotator> context={annotator}>
            <Toolbar on_library={props.on_library.clone()} source_line={props.source_line.clone()}
                     on_export={on_export} on_import={on_import} on_score={on_score}
                     on_exercise={student.is_none().then_some(on_exercise)} />
            if automatic {
                <Legend />
            }
            if let Some(r) = student.clone() {
                <ExercisePanel record={r} title={exercise_title.clone()} on_change={on_record.clone()} />
            }
            <Notices />
            <div class="layout">
                <ArticleView node_ref={article_ref} />
                <SidePanel />
            </div>
            {match (*dialog).clone() {
                Some(Dialog::Export) => html! { <ExportDialog meta={props.meta.clone()} on_close={on_close.clone()} /> },
                Some(Dialog::Import(reading)) => html! { <ImportDialog reading={*reading} {on_articles} on_close={on_close.clone()} /> },
                Some(Dialog::Class(results)) => html! { <ClassView results={*results} on_close={on_close.clone()} /> },
                Some(Dialog::Exercise) => html! { <ExerciseDialog meta={props.meta.clone()} record={(*record).clone().filter(|r| r.role == crate::exercise::file::Role::Teacher)} on_saved={on_record.clone()} on_close={on_close.clone()} /> },
                None => html! {},
            }}
            if show_button {
                if let Some(at) = *button_at {
                    <SelectionButton x={at.0} y={at.1} />
                }
            }
        </ContextProvider<Annotator>>
    }
}

fn warn(message: String) -> Action {
    Action::Notify(Notice {
        severity: Severity::Warning,
        message,
    })
}
