//! The library: ways to bring an article (paste, files, a URL; dropping files works anywhere)
//! and the list of articles, each opened, renamed or deleted from here.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::io::load::{Format, Source};
use crate::library::ArticleEntry;

/// One row of the list: the entry and how many notes it has.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub entry: ArticleEntry,
    pub notes: usize,
}

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    pub rows: Vec<Row>,
    /// The id of the article open in the reader.
    pub current: Option<String>,
    /// Names of inputs being loaded.
    pub busy: Vec<String>,
    /// "Using … of …" once the browser has told.
    pub usage: Option<AttrValue>,
    /// Whether storage is nearly full (the usage line then says so, in red).
    #[prop_or_default]
    pub usage_warning: bool,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_text: Callback<(String, Format)>,
    pub on_url: Callback<String>,
    pub on_close: Callback<()>,
    /// Saves the whole library in a format: a Glossa bundle (texts and notes), or every
    /// article's notes as W3C, ClaimReview, CSV, JSONL or one report.
    #[prop_or_default]
    pub on_export: Option<Callback<crate::io::export::Format>>,
}

#[function_component(LibraryView)]
pub fn library_view(props: &LibraryViewProps) -> Html {
    let paste_ref = use_node_ref();
    let export_ref = use_node_ref();
    let url_ref = use_node_ref();
    let renaming = use_state(|| None::<String>);
    let rename_ref = use_node_ref();
    // The title field takes the focus (and its text is selected) as soon as it appears.
    use_effect_with((*renaming).clone(), {
        let rename_ref = rename_ref.clone();
        move |renaming: &Option<String>| {
            if renaming.is_some() {
                if let Some(input) = rename_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        }
    });

    let onpaste = {
        let on_text = props.on_text.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let html = event
                .clipboard_data()
                .and_then(|d| d.get_data("text/html").ok())
                .filter(|h| !h.trim().is_empty());
            if let Some(html) = html {
                // Rich text from a web page: extracted like a saved page.
                event.prevent_default();
                on_text.emit((html, Format::Html));
            }
        })
    };
    let open_text = {
        let (on_text, paste_ref) = (props.on_text.clone(), paste_ref.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                // The text stays in the box until the article opens (the library then
                // closes), so a text that could not be opened is not lost.
                if !text.trim().is_empty() {
                    on_text.emit((text, Format::Text));
                }
            }
        })
    };
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let files = input
                .files()
                .map(|list| files_of(&list))
                .unwrap_or_default();
            input.set_value("");
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let onsubmit = {
        let (on_url, url_ref) = (props.on_url.clone(), url_ref.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = url_ref.cast::<web_sys::HtmlInputElement>() {
                let url = input.value().trim().to_string();
                if !url.is_empty() {
                    on_url.emit(url);
                }
            }
        })
    };

    let rows = props.rows.iter().map(|row| {
        let entry = &row.entry;
        let id = entry.id.clone();
        let is_current = props.current.as_deref() == Some(id.as_str());
        let open = {
            let (on_open, id) = (props.on_open.clone(), id.clone());
            Callback::from(move |_: MouseEvent| on_open.emit(id.clone()))
        };
        let delete = {
            let (on_delete, id) = (props.on_delete.clone(), id.clone());
            Callback::from(move |_: MouseEvent| on_delete.emit(id.clone()))
        };
        let start_rename = {
            let (renaming, id) = (renaming.clone(), id.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let title_cell = if renaming.as_deref() == Some(id.as_str()) {
            let onkeydown = {
                let (on_rename, renaming, id) = (props.on_rename.clone(), renaming.clone(), id.clone());
                let original = entry.title.clone();
                Callback::from(move |event: KeyboardEvent| {
                    let input: Option<web_sys::HtmlInputElement> =
                        event.target().and_then(|t| t.dyn_into().ok());
                    match event.key().as_str() {
                        "Enter" => {
                            if let Some(input) = input {
                                on_rename.emit((id.clone(), input.value()));
                            }
                            renaming.set(None);
                        }
                        "Escape" => {
                            // Put the old title back first, in case removing the field blurs it.
                            if let Some(input) = input {
                                input.set_value(&original);
                            }
                            renaming.set(None);
                        }
                        _ => {}
                    }
                })
            };
            let onblur = {
                let (on_rename, renaming, id) = (props.on_rename.clone(), renaming.clone(), id.clone());
                Callback::from(move |event: FocusEvent| {
                    let input: Option<web_sys::HtmlInputElement> =
                        event.target().and_then(|t| t.dyn_into().ok());
                    if let Some(input) = input {
                        on_rename.emit((id.clone(), input.value()));
                    }
                    renaming.set(None);
                })
            };
            html! {
                <input class="rename" aria-label="New title" value={entry.title.clone()}
                       ref={rename_ref.clone()} {onkeydown} {onblur} />
            }
        } else {
            html! {
                <button class="link title" dir="auto" onclick={open.clone()} title={format!("Open “{}”", entry.title)}>
                    { if entry.title.is_empty() { "(untitled)".to_string() } else { entry.title.clone() } }
                </button>
            }
        };
        let source = match &entry.source {
            Source::Sample => "built-in sample".to_string(),
            Source::File(name) => name.clone(),
            Source::Url(url) => url.clone(),
            Source::Paste => "pasted".to_string(),
        };
        // The site's name, and below it where the article came from (file name or address).
        let (site, origin) = match entry.site_name.clone() {
            Some(site) => (site, Some(source)),
            None => (source, None),
        };
        let published = entry
            .published
            .as_deref()
            .map(|p| p.chars().take(10).collect::<String>())
            .unwrap_or_default();
        let added = entry.added.0.chars().take(10).collect::<String>();
        html! {
            <tr key={id.clone()} class={classes!(is_current.then_some("current"))} data-id={id.clone()}>
                <td class="col-title">{ title_cell }
                    if is_current { <span class="badge">{"open"}</span> }
                    if let Some(byline) = &entry.byline { <div class="byline">{byline.clone()}</div> }
                </td>
                <td class="col-site">{ site }
                    if let Some(origin) = origin { <div class="origin">{ origin }</div> }
                </td>
                <td class="col-date">{ published }</td>
                <td class="col-num">{ row.notes }</td>
                <td class="col-num">{ entry.claims.map_or("–".to_string(), |c| c.to_string()) }</td>
                <td class="col-date">{ added }</td>
                <td class="col-actions">
                    <button onclick={open} aria-label={format!("Open {}", entry.title)}>{"Open"}</button>
                    <button onclick={start_rename} aria-label={format!("Rename {}", entry.title)}>{"Rename"}</button>
                    <button class="danger" onclick={delete} aria-label={format!("Delete {}", entry.title)}>{"Delete"}</button>
                </td>
            </tr>
        }
    });

    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <main class="library" aria-labelledby="library-title">
            <header class="toolbar">
                <span class="brand">{"Glossa"}</span>
                <h1 id="library-title">{"Library"}</h1>
                if let Some(on_export) = props.on_export.clone() {
                    <span class="library-export">
                        <label for="library-export-format" class="visually-hidden">{"Format of the library export"}</label>
                        <select id="library-export-format" ref={export_ref.clone()}>
                            {for crate::io::export::Format::ALL.iter().map(|f| html! {
                                <option value={f.name()} selected={*f == crate::io::export::Format::Bundle}>{f.label()}</option>
                            })}
                        </select>
                        <button id="export-library"
                                onclick={
                                    let export_ref = export_ref.clone();
                                    move |_| {
                                        let name = export_ref
                                            .cast::<web_sys::HtmlSelectElement>()
                                            .map(|s| s.value())
                                            .unwrap_or_default();
                                        on_export.emit(crate::io::export::Format::parse(&name).unwrap_or(crate::io::export::Format::Bundle));
                                    }
                                }
                                title="Every article in one file: a bundle keeps texts and notes, to open in another browser">
                            {"Export library"}</button>
                    </span>
                }
                if props.current.is_some() {
                    <button id="back-to-article" onclick={close}>{"Back to the article"}</button>
                }
            </header>
            <section class="add" aria-label="Add an article">
                <div class="add-paste">
                    <label for="paste-box">{"Paste an article (text, or straight from a web page)"}</label>
                    <textarea id="paste-box" ref={paste_ref} rows="4" {onpaste}
                              placeholder="Paste here…" />
                    <button class="primary" onclick={open_text}>{"Open pasted text"}</button>
                </div>
                <div class="add-file">
                    <label class="button primary">
                        {"Open files…"}
                        <input id="file-input" type="file" multiple=true class="visually-hidden"
                               accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json" {onchange} />
                    </label>
                    <p class="hint">{".txt, .md, a saved web page (.html), or a Glossa bundle (.glossa.json) with its notes. Or drop files anywhere on this page."}</p>
                </div>
                <form class="add-url" {onsubmit}>
                    <label for="url-input">{"Or fetch a web page"}</label>
                    <input id="url-input" ref={url_ref} type="text" inputmode="url" autocomplete="url"
                           placeholder="https://…" />
                    <button type="submit">{"Fetch"}</button>
                </form>
            </section>
            if !props.busy.is_empty() {
                <p class="busy" role="status">{ format!("Loading {}…", props.busy.join(", ")) }</p>
            }
            <table class="articles">
                <caption>{ format!("{} article{}", props.rows.len(), if props.rows.len() == 1 { "" } else { "s" }) }</caption>
                <thead><tr>
                    <th scope="col">{"Title"}</th><th scope="col">{"Site or source"}</th>
                    <th scope="col">{"Published"}</th><th scope="col">{"Notes"}</th>
                    <th scope="col">{"Claims"}</th><th scope="col">{"Added"}</th>
                    <th scope="col"><span class="visually-hidden">{"Actions"}</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some(usage) = props.usage.clone() {
                <p class={classes!("usage", props.usage_warning.then_some("nearly-full"))} id="storage-usage"
                   role={props.usage_warning.then_some("alert")}>{ usage }</p>
            }
        </main>
    }
}

/// The files of a file list, in order.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
