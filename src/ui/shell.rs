//! The outer app: the library and the article open in the reader. It loads what the user
//! brings (through the loading worker), stores bodies before listing them, and turns dropped
//! files anywhere on the page into articles.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::io::bundle::{Article, ArticleMeta};
use crate::io::import::{self, Parsed};
use crate::io::load::{Format, LoadedArticle, Source};
use crate::library::{human_size, Added, ArticleEntry, Library, SAMPLE_ID};
use crate::sample::SAMPLE_ARTICLE;
use crate::state::status::{Status, StatusAction};
use crate::text::Document;
use crate::ui::app::App;
use crate::ui::exchange::DroppedFile;
use crate::ui::library_view::{files_of, LibraryView, Row};
use crate::web::analysis_worker::analysis_of;
use crate::web::clock;
use crate::web::library_store as store;
use crate::web::loader::{fetch_page, read_file, Loader, Payload};
use crate::web::storage::NotesStore;

/// How long a deleted article can be brought back.
const UNDO_MS: u32 = 10_000;

/// The article in the reader.
#[derive(Clone, PartialEq)]
struct Open {
    entry: ArticleEntry,
    text: AttrValue,
}

impl Reducible for Status {
    type Action = StatusAction;

    fn reduce(self: Rc<Self>, action: StatusAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum View {
    Reader,
    Library,
    /// Waiting for a stored article's text at start.
    Opening,
}

fn sample() -> Open {
    Open {
        entry: ArticleEntry::sample(SAMPLE_ARTICLE),
        text: AttrValue::Static(SAMPLE_ARTICLE),
    }
}

#[function_component(Shell)]
pub fn shell() -> Html {
    let library = use_state(Library::default);
    // The sample opens at once; a stored article once IndexedDB has given its text.
    let starts_with_sample = || store::current().is_none_or(|id| id == SAMPLE_ID);
    let open = use_state(|| starts_with_sample().then(sample));
    let view = use_state(|| {
        if starts_with_sample() {
            View::Reader
        } else {
            View::Opening
        }
    });
    let status = use_reducer(Status::default);
    // The last file of annotations dropped on the page, for the open article's import preview.
    let dropped = use_state(|| None::<DroppedFile>);
    let drops = use_mut_ref(|| 0u32);
    let usage = use_state(|| None::<(AttrValue, bool)>);
    let dragging = use_state_eq(|| false);
    let loader = use_memo((), |_| Loader::default());
    // Bumped when an exercise opens, to start the reader afresh on an article already open.
    let epoch = use_state(|| 0u32);
    let epochs = use_mut_ref(|| 0u32);
    // The latest library, for async work that finishes after other changes.
    let latest = use_mut_ref(Library::default);

    let say = {
        let status = status.dispatcher();
        Rc::new(move |text: String, error: bool, undo: Option<String>| {
            status.dispatch(StatusAction::Say { text, error, undo });
        })
    };

    // Every change of the library goes through here: kept for async work, stored, shown.
    let commit = {
        let (library, latest, say) = (library.clone(), latest.clone(), say.clone());
        Rc::new(move |next: Library| {
            *latest.borrow_mut() = next.clone();
            if let Err(problem) = store::save_index(&next) {
                say(
                    format!("The library could not be saved: {problem}."),
                    true,
                    None,
                );
            }
            library.set(next);
        })
    };

    let open_entry = {
        let (open, view, say, dropped) = (open.clone(), view.clone(), say.clone(), dropped.clone());
        Rc::new(move |entry: ArticleEntry| {
            // A file dropped for the article open before is not for this one.
            dropped.set(None);
            if entry.id == SAMPLE_ID {
                store::set_current(SAMPLE_ID);
                open.set(Some(sample()));
                view.set(View::Reader);
                return;
            }
            let (open, view, say) = (open.clone(), view.clone(), say.clone());
            spawn_local(async move {
                match store::get_body(&entry.id).await {
                    Ok(Some(body)) => {
                        // Read by the long-article browser benchmark.
                        crate::web::clock::mark("glossa:body-loaded");
                        // A long article's analysis worker starts while its text is drawn.
                        crate::web::analysis_worker::warm_up(body.text.len());
                        store::set_current(&entry.id);
                        open.set(Some(Open {
                            entry,
                            text: AttrValue::from(body.text),
                        }));
                        view.set(View::Reader);
                    }
                    Ok(None) => {
                        view.set(View::Library);
                        say(
                            format!(
                                "“{}” is listed but its text is no longer stored in this browser.",
                                entry.title
                            ),
                            true,
                            None,
                        )
                    }
                    Err(problem) => {
                        view.set(View::Library);
                        say(
                            format!("“{}” could not be opened: {problem}.", entry.title),
                            true,
                            None,
                        )
                    }
                }
            });
        })
    };

    // Start: read the index, put the sample in on first start, bring back bodies the index
    // lost, finish deletions whose undo has lapsed, and reopen what was open.
    use_effect_with((), {
        let (commit, say, open_entry, open, view, latest) = (
            commit.clone(),
            say.clone(),
            open_entry.clone(),
            open.clone(),
            view.clone(),
            latest.clone(),
        );
        move |_| {
            let first_start = store::current().is_none();
            let (mut index, problem) = store::load_index(&clock::now().0);
            if let Some(problem) = problem {
                say(problem, true, None);
            }
            if first_start && index.entries.is_empty() && index.trash.is_empty() {
                index.add(ArticleEntry::sample(SAMPLE_ARTICLE));
            }
            let lapsed = index.empty_trash();
            commit(index.clone());
            let current = store::current().unwrap_or_else(|| SAMPLE_ID.to_string());
            match index.get(&current).cloned() {
                Some(entry) if entry.id != SAMPLE_ID => open_entry(entry),
                Some(_) => {}
                // What was open is gone (deleted, or the list was lost): the library shows what
                // is left, and the ways to add more.
                None => {
                    open.set(None);
                    view.set(View::Library);
                }
            }
            spawn_local(async move {
                for entry in lapsed {
                    let _ = store::delete_body(&entry.id).await;
                    store::remove_notes(&entry.fingerprint);
                    crate::web::exercise_store::remove(&entry.fingerprint);
                }
                let known = latest.borrow().clone();
                if let Ok(found) = store::recover(&known).await {
                    if !found.is_empty() {
                        let mut next = latest.borrow().clone();
                        let count = found.len();
                        for entry in found {
                            next.add(entry);
                        }
                        commit(next);
                        say(format!("{count} stored article(s) missing from the library list were put back."), false, None);
                    }
                }
            });
        }
    });

    // Storage figures, refreshed when the library changes.
    use_effect_with(library.clone(), {
        let usage = usage.clone();
        move |_| {
            spawn_local(async move {
                let local = store::local_storage_used();
                let (text, nearly_full) = match store::estimate().await {
                    Some((used, quota)) => (
                        format!(
                            "This browser holds {} for Glossa of about {} it allows (notes and the library list use {} of localStorage's 5 MB).",
                            human_size(used),
                            human_size(quota),
                            human_size(local as f64)
                        ),
                        used > quota * 0.8 || local > 4 * 1024 * 1024,
                    ),
                    None => (
                        format!(
                            "Notes and the library list use {} of localStorage's 5 MB.",
                            human_size(local as f64)
                        ),
                        local > 4 * 1024 * 1024,
                    ),
                };
                let text = if nearly_full {
                    format!("{text} Storage is nearly full: delete articles you no longer need.")
                } else {
                    text
                };
                usage.set(Some((text.into(), nearly_full)));
            });
        }
    });

    // A loaded article: stored first, then listed, then opened (or reported as already there).
    let add_loaded = {
        let (latest, commit, say, open_entry, status) = (
            latest.clone(),
            commit.clone(),
            say.clone(),
            open_entry.clone(),
            status.dispatcher(),
        );
        Rc::new(
            move |name: String,
                  source: Source,
                  result: Result<LoadedArticle, String>,
                  open_it: bool| {
                status.dispatch(StatusAction::Done(name.clone()));
                let article = match result {
                    Ok(article) => article,
                    Err(problem) => {
                        return say(format!("{name} was not opened: {problem}."), true, None)
                    }
                };
                let entry = ArticleEntry::new(&article, source, clock::now());
                let existing = latest.borrow().get(&entry.id).cloned();
                if let Some(existing) = existing {
                    say(
                        format!("“{}” is already in your library.", existing.title),
                        false,
                        None,
                    );
                    if open_it {
                        open_entry(existing);
                    }
                    return;
                }
                let text = Document::from_plain_text(&article.text).text().to_string();
                // Counted now when the article is only listed, so the library shows it before
                // it is first opened; an article opened at once is counted by its analysis.
                let mut entry = entry;
                let (latest, commit, say, open_entry) = (
                    latest.clone(),
                    commit.clone(),
                    say.clone(),
                    open_entry.clone(),
                );
                spawn_local(async move {
                    if !open_it {
                        entry.claims = Some(analysis_of(&text).await.claims.len());
                    }
                    if let Err(problem) = store::put_body(&entry, &text).await {
                        return say(format!("{name} was not added: {problem}."), true, None);
                    }
                    let mut next = latest.borrow().clone();
                    let earlier = next.earlier_version(&entry).cloned();
                    if next.add(entry.clone()) == Added::New {
                        commit(next);
                    }
                    // A newer version of an article already here: its notes come along and
                    // re-attach to the new text (the earlier version stays in the library).
                    let carried = earlier
                        .as_ref()
                        .map(|e| (e, store::carry_notes(&e.fingerprint, &entry.fingerprint)));
                    let message = match carried {
                        Some((_, Ok(n))) if n > 0 => Some(format!(
                            "Added “{}”, a newer version of an article in your library: its {n} \
                             note{} came along. Notes whose passage changed are marked for review.",
                            entry.title,
                            if n == 1 { "" } else { "s" }
                        )),
                        Some((e, Err(problem))) => Some(format!(
                            "Added “{}”, but the notes of its earlier version (“{}”) could not be \
                             copied: {problem}.",
                            entry.title, e.title
                        )),
                        _ => None,
                    };
                    if let Some(message) = message {
                        say(message, false, None);
                    } else if !open_it {
                        say(format!("Added “{}”.", entry.title), false, None);
                    }
                    if open_it {
                        open_entry(entry);
                    }
                });
            },
        )
    };

    // Articles of an imported Glossa bundle: each stored and listed (unless its text is
    // already here), then its notes merged into that article's stored notes.
    let add_articles = {
        let (latest, commit, say) = (latest.clone(), commit.clone(), say.clone());
        Rc::new(move |articles: Vec<Article>, take_theirs: bool| {
            let (latest, commit, say) = (latest.clone(), commit.clone(), say.clone());
            spawn_local(async move {
                let (mut added, mut merged, mut notes) = (0, 0, 0);
                for article in articles {
                    let mut entry = article.entry();
                    if entry.added.0.is_empty() {
                        entry.added = clock::now();
                    }
                    let known = latest
                        .borrow()
                        .entries
                        .iter()
                        .find(|e| e.fingerprint == entry.fingerprint)
                        .cloned();
                    let entry = match known {
                        Some(existing) => {
                            merged += 1;
                            existing
                        }
                        None => {
                            entry.claims = Some(analysis_of(&article.text).await.claims.len());
                            if let Err(problem) = store::put_body(&entry, &article.text).await {
                                say(
                                    format!("“{}” was not added: {problem}.", entry.title),
                                    true,
                                    None,
                                );
                                continue;
                            }
                            let mut next = latest.borrow().clone();
                            next.add(entry.clone());
                            commit(next);
                            added += 1;
                            entry
                        }
                    };
                    let result = NotesStore::new(&entry.fingerprint).update(|stored| {
                        let plan = import::plan(stored, &article.text, import::notes_of(&article));
                        notes += plan.new_notes.len();
                        *stored = import::apply(stored, &plan, take_theirs);
                        Ok(())
                    });
                    if let Err(problem) = result {
                        say(
                            format!(
                                "The notes of “{}” were not imported: {problem}.",
                                entry.title
                            ),
                            true,
                            None,
                        );
                    }
                }
                let mut message = format!(
                    "Imported {} and {}",
                    crate::io::import::counted(added, "new article", "new articles"),
                    crate::io::import::counted(notes, "note", "notes")
                );
                if merged > 0 {
                    message.push_str(&format!(
                        "; {} already in your library, and kept {} notes with the new ones merged in",
                        crate::io::import::counted(merged, "article was", "articles were"),
                        if merged == 1 { "its" } else { "their" }
                    ));
                }
                say(format!("{message}."), false, None);
            });
        })
    };

    // An exercise from a file or a link: its article goes into the library (without the key),
    // the exercise is kept for the student, and the article opens with the exercise above it.
    // A browser that already has its own notes on that article (the teacher's, say) is left
    // alone.
    let open_exercise = {
        let (latest, commit, say, open_entry) = (
            latest.clone(),
            commit.clone(),
            say.clone(),
            open_entry.clone(),
        );
        let (epoch, epochs) = (epoch.clone(), epochs.clone());
        Rc::new(move |exercise: crate::exercise::file::Exercise| {
            let (latest, commit, say, open_entry) = (
                latest.clone(),
                commit.clone(),
                say.clone(),
                open_entry.clone(),
            );
            let (epoch, epochs) = (epoch.clone(), epochs.clone());
            spawn_local(async move {
                use crate::exercise::file::{Record, Role};
                let article = &exercise.article;
                let mut entry = article.entry();
                entry.added = clock::now();
                let known = latest
                    .borrow()
                    .entries
                    .iter()
                    .find(|e| e.fingerprint == entry.fingerprint)
                    .cloned();
                let record = crate::web::exercise_store::load(&entry.fingerprint);
                let has_notes = store::note_count(&entry.fingerprint) > 0;
                match &record {
                    Some(r) if r.role == Role::Student && r.exercise.id == exercise.id => {
                        say(
                            format!(
                                "You are doing the exercise “{}”: your work is as you left it.",
                                exercise.title
                            ),
                            false,
                            None,
                        );
                    }
                    Some(r) if r.role == Role::Teacher => {
                        return say(format!("You made the exercise “{}” from your notes on this article, so this browser keeps your key. To try it as a student, open it in another browser profile.", exercise.title), true, None);
                    }
                    _ if has_notes => {
                        return say(format!("“{}” is already in your library with your own notes, which the exercise would mix with your answers. Open the exercise in another browser profile (or delete the article first).", entry.title), true, None);
                    }
                    _ => {
                        let record = Record {
                            role: Role::Student,
                            exercise: exercise.info(),
                            student: crate::web::profile::load_author().unwrap_or_default(),
                            submitted: None,
                        };
                        if let Err(problem) =
                            crate::web::exercise_store::save(&entry.fingerprint, &record)
                        {
                            return say(
                                format!(
                                    "The exercise “{}” was not opened: {problem}.",
                                    exercise.title
                                ),
                                true,
                                None,
                            );
                        }
                    }
                }
                let entry = match known {
                    Some(existing) => existing,
                    None => {
                        if let Err(problem) = store::put_body(&entry, &article.text).await {
                            return say(
                                format!(
                                    "The exercise “{}” was not opened: {problem}.",
                                    exercise.title
                                ),
                                true,
                                None,
                            );
                        }
                        let mut next = latest.borrow().clone();
                        next.add(entry.clone());
                        commit(next);
                        entry
                    }
                };
                // The reader starts afresh even when the article was already open (the sample),
                // so that it picks up the exercise.
                *epochs.borrow_mut() += 1;
                epoch.set(*epochs.borrow());
                open_entry(entry);
            });
        })
    };

    // A link that carries an exercise (`#exercise=…`): opened once at start, then taken out of
    // the address so that a reload does not open it again.
    use_effect_with((), {
        let (open_exercise, say) = (open_exercise.clone(), say.clone());
        move |_| {
            let window = gloo::utils::window();
            let hash = window.location().hash().unwrap_or_default();
            if hash.starts_with(&format!("#{}", crate::exercise::file::LINK_FRAGMENT)) {
                let opened = crate::exercise::file::from_link(&hash).and_then(|file| {
                    match import::read("link", file.as_bytes(), &clock::now()) {
                        Ok(Parsed::Exercise(exercise)) => Ok(*exercise),
                        Ok(_) => Err("the link does not carry an exercise".to_string()),
                        Err(e) => Err(e.to_string()),
                    }
                });
                match opened {
                    Ok(exercise) => open_exercise(exercise),
                    Err(problem) => say(
                        format!("The exercise link could not be opened: {problem}."),
                        true,
                        None,
                    ),
                }
                if let Ok(history) = window.history() {
                    let location = window.location();
                    let plain = format!(
                        "{}{}",
                        location.pathname().unwrap_or_default(),
                        location.search().unwrap_or_default()
                    );
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&plain),
                    );
                }
            }
        }
    });

    let load_files = {
        let (loader, add_loaded, status, add_articles, say) = (
            loader.clone(),
            add_loaded.clone(),
            status.dispatcher(),
            add_articles.clone(),
            say.clone(),
        );
        let open_exercise = open_exercise.clone();
        let (dropped, drops, view) = (dropped.clone(), drops.clone(), view.clone());
        let reader_open = open.is_some();
        Rc::new(move |files: Vec<web_sys::File>| {
            let open_it = files.len() == 1;
            status.dispatch(StatusAction::Busy(files.iter().map(|f| f.name()).collect()));
            for file in files {
                let (loader, add_loaded, add_articles, say, status) = (
                    loader.clone(),
                    add_loaded.clone(),
                    add_articles.clone(),
                    say.clone(),
                    status.clone(),
                );
                let open_exercise = open_exercise.clone();
                let (dropped, drops, view) = (dropped.clone(), drops.clone(), view.clone());
                spawn_local(async move {
                    let name = file.name();
                    match read_file(&file).await {
                        Ok(bytes) => {
                            // A Glossa bundle adds its articles with their notes; a file of
                            // annotations belongs to an article, imported from the reader.
                            let raw = bytes.to_vec();
                            if import::looks_like_annotations(&name, &raw) {
                                match import::read(&name, &raw, &clock::now()) {
                                    Ok(Parsed::Bundle(bundle)) => {
                                        status.dispatch(StatusAction::Done(name.clone()));
                                        if !bundle.rejected.is_empty() {
                                            say(
                                                format!(
                                                    "{name}: {} left out (first: {}).",
                                                    crate::io::import::counted(
                                                        bundle.rejected.len(),
                                                        "item could not be read and was",
                                                        "items could not be read and were"
                                                    ),
                                                    bundle.rejected[0]
                                                ),
                                                true,
                                                None,
                                            );
                                        }
                                        add_articles(bundle.articles, false);
                                        return;
                                    }
                                    Ok(Parsed::Exercise(exercise)) => {
                                        status.dispatch(StatusAction::Done(name.clone()));
                                        open_exercise(*exercise);
                                        return;
                                    }
                                    Ok(Parsed::Submission(s)) => {
                                        status.dispatch(StatusAction::Done(name.clone()));
                                        say(format!("{name} is {}'s submission for the exercise “{}”: open that article and choose Score to see it against your key.", s.student, s.exercise_title), true, None);
                                        return;
                                    }
                                    Err(import::ImportError::Exercise(problem)) => {
                                        status.dispatch(StatusAction::Done(name.clone()));
                                        say(
                                            format!("{name} was not opened: {problem}."),
                                            true,
                                            None,
                                        );
                                        return;
                                    }
                                    Ok(Parsed::Notes(_)) => {
                                        status.dispatch(StatusAction::Done(name.clone()));
                                        if reader_open {
                                            // The open article previews them for import.
                                            let seq = {
                                                let mut n = drops.borrow_mut();
                                                *n += 1;
                                                *n
                                            };
                                            dropped.set(Some(DroppedFile {
                                                seq,
                                                name,
                                                bytes: Rc::new(raw),
                                            }));
                                            view.set(View::Reader);
                                        } else {
                                            say(format!("{name} holds annotations, not an article: open the article they belong to and use Import in its toolbar."), true, None);
                                        }
                                        return;
                                    }
                                    Err(_) => {}
                                }
                            }
                            let source = Source::File(name.clone());
                            loader.load(&name.clone(), Payload::Bytes(bytes), move |result| {
                                add_loaded(name, source, result, open_it)
                            });
                        }
                        Err(problem) => {
                            add_loaded(name.clone(), Source::File(name), Err(problem), false)
                        }
                    }
                });
            }
        })
    };

    // Another tab changed the library: take its list, so that the next change here does not
    // write over it.
    use_effect_with((), {
        let (library, latest) = (library.clone(), latest.clone());
        move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(crate::library::LIBRARY_KEY) {
                    return;
                }
                if let Some(next) = event
                    .new_value()
                    .and_then(|raw| crate::library::decode(&raw).ok())
                {
                    *latest.borrow_mut() = next.clone();
                    library.set(next);
                }
            });
            move || drop(listener)
        }
    });

    // Files dropped anywhere on the page.
    use_effect_with((), {
        let (load_files, dragging) = (load_files.clone(), dragging.clone());
        move |_| {
            let window = gloo::utils::window();
            let options = EventListenerOptions::enable_prevent_default();
            let carries_files = |event: &web_sys::DragEvent| {
                event
                    .data_transfer()
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0))
            };
            let over = dragging.clone();
            let dragover =
                EventListener::new_with_options(&window, "dragover", options, move |event| {
                    event.prevent_default();
                    if let Some(event) = event.dyn_ref::<web_sys::DragEvent>() {
                        over.set(carries_files(event));
                    }
                });
            let left = dragging.clone();
            let dragleave = EventListener::new(&window, "dragleave", move |event| {
                // Leaving the window, not moving between elements.
                if let Some(event) = event.dyn_ref::<web_sys::DragEvent>() {
                    if event.related_target().is_none() {
                        left.set(false);
                    }
                }
            });
            let drop_listener =
                EventListener::new_with_options(&window, "drop", options, move |event| {
                    dragging.set(false);
                    let Some(event) = event.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    let files = event
                        .data_transfer()
                        .and_then(|d| d.files())
                        .map(|list| files_of(&list))
                        .unwrap_or_default();
                    if !files.is_empty() {
                        event.prevent_default();
                        load_files(files);
                    }
                });
            move || drop((dragover, dragleave, drop_listener))
        }
    });

    let on_text = {
        let (loader, add_loaded, status) =
            (loader.clone(), add_loaded.clone(), status.dispatcher());
        Callback::from(move |(text, format): (String, Format)| {
            let name = "pasted text".to_string();
            status.dispatch(StatusAction::Busy(vec![name.clone()]));
            let add_loaded = add_loaded.clone();
            loader.load(&name.clone(), Payload::Text(text, format), move |result| {
                add_loaded(name, Source::Paste, result, true)
            });
        })
    };

    let on_url = {
        let (loader, add_loaded, status) =
            (loader.clone(), add_loaded.clone(), status.dispatcher());
        Callback::from(move |url: String| {
            let url = crate::web::loader::with_scheme(&url);
            status.dispatch(StatusAction::Busy(vec![url.clone()]));
            let (loader, add_loaded) = (loader.clone(), add_loaded.clone());
            spawn_local(async move {
                match fetch_page(&url).await {
                    Ok(page) => {
                        let source = Source::Url(url.clone());
                        loader.load(
                            &url.clone(),
                            Payload::Text(page, Format::Html),
                            move |result| add_loaded(url, source, result, true),
                        );
                    }
                    Err(problem) => add_loaded(url.clone(), Source::Url(url), Err(problem), false),
                }
            });
        })
    };

    let on_open = {
        let (latest, open_entry) = (latest.clone(), open_entry.clone());
        Callback::from(move |id: String| {
            let entry = latest.borrow().get(&id).cloned();
            if let Some(entry) = entry {
                open_entry(entry);
            }
        })
    };
    let on_rename = {
        let (latest, commit, open) = (latest.clone(), commit.clone(), open.clone());
        Callback::from(move |(id, title): (String, String)| {
            let mut next = latest.borrow().clone();
            if next.rename(&id, &title) {
                if let Some(current) = open.as_ref().filter(|o| o.entry.id == id) {
                    let mut renamed = current.clone();
                    renamed.entry.title =
                        next.get(&id).map(|e| e.title.clone()).unwrap_or_default();
                    open.set(Some(renamed));
                }
                commit(next);
            }
        })
    };
    let on_delete = {
        let (latest, commit, say, open) =
            (latest.clone(), commit.clone(), say.clone(), open.clone());
        Callback::from(move |id: String| {
            let mut next = latest.borrow().clone();
            let Some(entry) = next.get(&id).cloned() else {
                return;
            };
            next.delete(&id);
            commit(next);
            if open.as_ref().is_some_and(|o| o.entry.id == id) {
                open.set(None);
                store::set_current("");
            }
            let notes = store::note_count(&entry.fingerprint);
            let with_notes = if notes > 0 {
                format!(" and its {notes} note(s)")
            } else {
                String::new()
            };
            say(
                format!("Deleted “{}”{with_notes}.", entry.title),
                false,
                Some(id.clone()),
            );
            let (latest, commit) = (latest.clone(), commit.clone());
            Timeout::new(UNDO_MS, move || {
                let mut next = latest.borrow().clone();
                if let Some(index) = next.trash.iter().position(|e| e.id == id) {
                    let entry = next.trash.remove(index);
                    commit(next);
                    store::remove_notes(&entry.fingerprint);
                    crate::web::exercise_store::remove(&entry.fingerprint);
                    spawn_local(async move {
                        let _ = store::delete_body(&entry.id).await;
                    });
                }
            })
            .forget();
        })
    };

    let undo = {
        let (latest, commit, status) = (latest.clone(), commit.clone(), status.dispatcher());
        Callback::from(move |(message_id, id): (u32, String)| {
            let mut next = latest.borrow().clone();
            if next.undelete(&id) {
                commit(next);
            }
            status.dispatch(StatusAction::Dismiss(message_id));
        })
    };
    let dismiss = {
        let status = status.dispatcher();
        Callback::from(move |message_id: u32| status.dispatch(StatusAction::Dismiss(message_id)))
    };

    let notices = status.messages.iter().map(|m| {
        let (class, role) = if m.error { ("notice error", "alert") } else { ("notice info", "status") };
        let close = { let (dismiss, id) = (dismiss.clone(), m.id); Callback::from(move |_: MouseEvent| dismiss.emit(id)) };
        html! {
            <div key={m.id} {class} {role}>
                <span class="notice-text">{ m.text.clone() }</span>
                if let Some(article) = m.undo.clone() {
                    <button class="undo" onclick={ let (undo, id) = (undo.clone(), m.id); move |_: MouseEvent| undo.emit((id, article.clone())) }>{"Undo"}</button>
                }
                <button class="dismiss" aria-label="Dismiss" onclick={close}>{"×"}</button>
            </div>
        }
    });

    let show_library = {
        let view = view.clone();
        Callback::from(move |_: ()| view.set(View::Library))
    };
    let on_close = {
        let view = view.clone();
        Callback::from(move |_: ()| view.set(View::Reader))
    };
    let on_analysed = {
        let (latest, commit, open) = (latest.clone(), commit.clone(), open.clone());
        Callback::from(move |claims: usize| {
            let Some(id) = open.as_ref().map(|o| o.entry.id.clone()) else {
                return;
            };
            let mut next = latest.borrow().clone();
            if next.set_claims(&id, claims) {
                commit(next);
            }
        })
    };

    // The whole library in one file: each article's text (from IndexedDB) and its notes, as a
    // bundle or in another format.
    let on_export_library = {
        let (latest, say) = (latest.clone(), say.clone());
        Callback::from(move |format: crate::io::export::Format| {
            let (entries, say) = (latest.borrow().entries.clone(), say.clone());
            spawn_local(async move {
                let mut articles = Vec::new();
                let mut missing = Vec::new();
                for entry in entries {
                    let text = if entry.id == SAMPLE_ID {
                        Some(SAMPLE_ARTICLE.to_string())
                    } else {
                        store::get_body(&entry.id)
                            .await
                            .ok()
                            .flatten()
                            .map(|b| b.text)
                    };
                    let Some(text) = text else {
                        missing.push(entry.title.clone());
                        continue;
                    };
                    let mut article = Article::new(ArticleMeta::of(&entry), &text);
                    article.annotations = NotesStore::new(&entry.fingerprint).load().annotations;
                    articles.push(article);
                }
                let now = clock::now();
                let items: Vec<(&Article, Option<&crate::analysis::Analysis>)> =
                    articles.iter().map(|a| (a, None)).collect();
                let contents = crate::io::export::export(format, &items, false, &now);
                let day: String = now.0.chars().take(10).collect();
                let name = format!("glossa-library-{day}.{}", format.extension());
                match crate::web::download::download(&name, format.mime(), &contents) {
                    Ok(()) => {
                        let notes: usize = articles.iter().map(|a| a.annotations.notes.len()).sum();
                        let mut text = format!(
                            "Saved {name}: {}, {}.",
                            crate::io::import::counted(articles.len(), "article", "articles"),
                            crate::io::import::counted(notes, "note", "notes")
                        );
                        if !missing.is_empty() {
                            text.push_str(&format!(
                                " Left out (text no longer stored): {}.",
                                missing.join(", ")
                            ));
                        }
                        say(text, false, None);
                    }
                    Err(problem) => say(
                        format!("The library was not exported: {problem}."),
                        true,
                        None,
                    ),
                }
            });
        })
    };
    let on_articles = {
        let add_articles = add_articles.clone();
        Callback::from(move |(articles, take_theirs): (Vec<Article>, bool)| {
            add_articles(articles, take_theirs)
        })
    };

    // The list's rows: note counts are read from storage when the list or the view changes
    // (notes change only in the reader), not on every message or progress update.
    let rows = use_memo(((*library).clone(), *view), |(library, view)| {
        if *view != View::Library {
            return Vec::new();
        }
        library
            .entries
            .iter()
            .map(|entry| Row {
                notes: store::note_count(&entry.fingerprint),
                entry: entry.clone(),
            })
            .collect::<Vec<_>>()
    });
    let in_reader = *view == View::Reader && open.is_some();
    html! {
        <>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{"Drop to add to your library"}</p></div>
            }
            <div class="notices shell-notices">
                if in_reader && !status.busy.is_empty() {
                    <div class="notice info" role="status">
                        <span class="notice-text">{ format!("Loading {}…", status.busy.join(", ")) }</span>
                    </div>
                }
                { for notices }
            </div>
            if *view == View::Opening {
                <main class="opening" aria-busy="true"><p>{"Opening your article…"}</p></main>
            } else if in_reader {
                if let Some(article) = (*open).clone() {
                    <App key={format!("{}#{}", article.entry.id, *epoch)} text={article.text.clone()}
                         dir={article.entry.dir.clone().map(AttrValue::from)}
                         source_line={article.entry.source_line().map(AttrValue::from)}
                         on_library={show_library} {on_analysed}
                         meta={(article.entry.id != SAMPLE_ID).then(|| ArticleMeta::of(&article.entry))}
                         on_articles={on_articles.clone()} dropped={(*dropped).clone()} />
                }
            } else {
                <LibraryView
                    on_export={on_export_library}
                    rows={(*rows).clone()}
                    current={open.as_ref().map(|o| o.entry.id.clone())}
                    busy={status.busy.clone()} usage={(*usage).clone().map(|u| u.0)}
                    usage_warning={(*usage).as_ref().is_some_and(|u| u.1)}
                    {on_open} {on_rename} {on_delete} on_files={Callback::from(move |files| load_files(files))}
                    {on_text} {on_url} {on_close} />
            }
        </>
    }
}
