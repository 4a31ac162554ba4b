//! The side panel: the entity card, the reader's name, search and filters, then the list of
//! notes, claims and entities (all, or one kind) in document order, with the editor for a new
//! note on top and the notes whose passage could not be found at the end (kept, never
//! dropped).

use rustc_hash::FxHashMap;
use yew::prelude::*;

use crate::outline::{entity_group, outline, ItemKey};
use crate::state::{Action, Editor, Panel};
use crate::ui::annotator::use_annotator;
use crate::ui::author_line::AuthorLine;
use crate::ui::claim_card::ClaimCard;
use crate::ui::entity_card::EntityCard;
use crate::ui::entity_item::EntityItem;
use crate::ui::note_card::NoteCard;
use crate::ui::note_editor::NoteEditor;

/// How many items are drawn before "Show more".
const PAGE: usize = 200;

#[function_component(SidePanel)]
pub fn side_panel() -> Html {
    let annotator = use_annotator();
    let shown = use_state(|| PAGE);
    let state = &annotator.state;
    let analysis = &annotator.analysis;
    let list = outline(state, analysis, &state.query, state.panel);
    let new_note = match &state.editor {
        Some(Editor::New { span, .. }) => {
            let quote = state.doc.slice(*span).to_string();
            html! { <NoteEditor {quote} /> }
        }
        _ => html! {},
    };
    let placed: FxHashMap<&str, &crate::state::Placed> = state
        .notes
        .iter()
        .map(|p| (p.note.id.0.as_str(), p))
        .collect();
    let mut mentions: FxHashMap<(String, crate::analysis::Label), usize> = FxHashMap::default();
    if matches!(state.panel, Panel::All | Panel::Entities) {
        for i in 0..analysis.entities.len() {
            if let Some(group) = entity_group(state, analysis, i) {
                *mentions.entry(group).or_default() += 1;
            }
        }
    }
    let item = |key: &ItemKey| match key {
        ItemKey::Note(id) => placed.get(id.0.as_str()).map_or(html! {}, |p| {
            html! { <NoteCard key={format!("n{}", id.0)} placed={(*p).clone()} /> }
        }),
        ItemKey::Claim(i) => html! { <ClaimCard key={format!("c{i}")} index={*i} /> },
        ItemKey::Entity(i) => {
            let count = entity_group(state, analysis, *i)
                .and_then(|g| mentions.get(&g).copied())
                .unwrap_or(1);
            html! { <EntityItem key={format!("e{i}")} index={*i} mentions={count} /> }
        }
    };
    let is_orphan = |key: &ItemKey| match key {
        ItemKey::Note(id) => placed
            .get(id.0.as_str())
            .is_some_and(|p| p.anchoring.span().is_none()),
        _ => false,
    };
    let (orphans, anchored): (Vec<&ItemKey>, Vec<&ItemKey>) =
        list.items.iter().partition(|k| is_orphan(k));
    let more = anchored.len().saturating_sub(*shown);
    let tab = |panel: Panel, label: &str, count: Option<usize>| {
        let annotator = annotator.clone();
        let selected = state.panel == panel;
        let onclick =
            Callback::from(move |_: MouseEvent| annotator.dispatch(Action::ShowPanel(panel)));
        let text = match count {
            Some(n) => format!("{label} {n}"),
            None => label.to_string(),
        };
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("selected"))}
                    aria-selected={selected.to_string()} aria-controls="panel-list" {onclick}>{text}</button>
        }
    };
    let counts = list.counts;
    let filtering = !state.query.text.trim().is_empty()
        || state.query.verdict.is_some()
        || state.query.tag.is_some();
    let nothing = list.items.is_empty() && state.editor.is_none() && state.loaded;
    html! {
        <aside class="side-panel" aria-label="Notes, claims and entities">
            <EntityCard />
            <AuthorLine />
            <Filters />
            <div class="tabs" role="tablist" aria-label="What to list">
                {tab(Panel::All, "All", None)}
                {tab(Panel::Notes, "Notes", Some(counts.notes))}
                // A long article's analysis comes from the worker a moment after its text:
                // until then there is nothing to count yet, rather than nothing found.
                if annotator.automatic && annotator.analysed {
                    {tab(Panel::Claims, "Claims", Some(counts.claims))}
                    {tab(Panel::Entities, "Entities", Some(counts.entities))}
                } else if annotator.automatic {
                    {tab(Panel::Claims, "Claims …", None)}
                    {tab(Panel::Entities, "Entities …", None)}
                }
            </div>
            <div id="panel-list" role="tabpanel" aria-label="List">
                {new_note}
                if nothing {
                    if filtering {
                        <p class="empty-hint">{"Nothing matches the search and filters."}</p>
                    } else if state.panel == Panel::Notes {
                        <p class="empty-hint">
                            {"Select a passage in the article, then choose "}<strong>{"Add note"}</strong>
                            {" (or press "}<kbd>{"n"}</kbd>{")."}
                        </p>
                    } else if matches!(state.panel, Panel::Claims | Panel::Entities) && !annotator.analysed {
                        <p class="empty-hint" aria-busy="true">{"Finding the entities and checkable claims…"}</p>
                    } else if state.panel == Panel::Claims {
                        <p class="empty-hint">{"No checkable claims were found in this article."}</p>
                    }
                }
                <ol class="note-list">{ for anchored.iter().take(*shown).map(|k| item(k)) }</ol>
                if more > 0 {
                    <button class="show-more" onclick={let shown = shown.clone(); move |_| shown.set(*shown + PAGE)}>
                        {format!("Show {} more of {more}", more.min(PAGE))}
                    </button>
                }
                if !orphans.is_empty() {
                    <section class="orphans" aria-label="Notes whose passage was not found">
                        <h3>{format!("Passage not found ({})", orphans.len())}</h3>
                        <p class="orphans-hint">
                            {"The text these notes were attached to is no longer in the article. \
                              They are kept here with the passage they quoted."}
                        </p>
                        <ol class="note-list">{ for orphans.iter().map(|k| item(k)) }</ol>
                    </section>
                }
            </div>
            <crate::ui::vocabulary::VocabularyEditor />
            <details class="shortcuts">
                <summary>{"Keyboard shortcuts"}</summary>
                <dl>
                    { for crate::ui::keyboard::SHORTCUTS.iter().map(|(k, what)| html! {
                        <><dt><kbd>{*k}</kbd></dt><dd>{*what}</dd></>
                    }) }
                </dl>
            </details>
            <p class="visually-hidden" aria-live="polite">{state.announcement.clone()}</p>
        </aside>
    }
}

/// Search, verdict and tag filters, and the claims' order.
#[function_component(Filters)]
fn filters() -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let query = &state.query;
    let verdict_select = use_node_ref();
    let tag_select = use_node_ref();
    let verdict_value = match &query.verdict {
        None => "*".to_string(),
        Some(v) if v.is_empty() => "-".to_string(),
        Some(v) => v.clone(),
    };
    let tag_value = query.tag.clone().unwrap_or_else(|| "*".into());
    // Lists follow the state (a tag clicked on a note sets the tag filter).
    use_effect_with((verdict_value.clone(), tag_value.clone()), {
        let (verdict_select, tag_select) = (verdict_select.clone(), tag_select.clone());
        move |(verdict, tag)| {
            for (select, value) in [(verdict_select, verdict), (tag_select, tag)] {
                if let Some(el) = select.cast::<web_sys::HtmlSelectElement>() {
                    el.set_value(value);
                }
            }
        }
    });
    let on_search = {
        let annotator = annotator.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            annotator.dispatch(Action::Search(value));
        })
    };
    let on_search_key = {
        let annotator = annotator.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                annotator.dispatch(Action::Search(String::new()));
                if let Some(el) = e.target_dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.blur();
                }
            }
        })
    };
    let on_verdict = {
        let annotator = annotator.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            annotator.dispatch(Action::FilterVerdict(match v.as_str() {
                "*" => None,
                "-" => Some(String::new()),
                _ => Some(v),
            }));
        })
    };
    let on_tag = {
        let annotator = annotator.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            annotator.dispatch(Action::FilterTag((v != "*").then_some(v)));
        })
    };
    let on_ranked = {
        let annotator = annotator.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            annotator.dispatch(Action::RankClaims(checked));
        })
    };
    let tags = state.tags_in_use();
    html! {
        <div class="filters" role="search">
            <label class="visually-hidden" for="panel-search">{"Search notes, claims and entities"}</label>
            <input id="panel-search" type="search" value={query.text.clone()} oninput={on_search}
                   onkeydown={on_search_key} placeholder="Search  ( / )" autocomplete="off" />
            <div class="filter-row">
                <label>{"Verdict "}
                    <select id="filter-verdict" ref={verdict_select} onchange={on_verdict}>
                        <option value="*" selected={verdict_value == "*"}>{"Any"}</option>
                        <option value="-" selected={verdict_value == "-"}>{"No verdict yet"}</option>
                        { for state.verdicts.iter().map(|t| html! {
                            <option value={t.key.clone()} selected={verdict_value == t.key}>{t.label.clone()}</option>
                        }) }
                    </select>
                </label>
                <label>{"Tag "}
                    <select id="filter-tag" ref={tag_select} onchange={on_tag}>
                        <option value="*" selected={tag_value == "*"}>{"Any"}</option>
                        { for tags.iter().map(|(t, n)| html! {
                            <option value={t.clone()} selected={tag_value == *t}>{format!("{t} ({n})")}</option>
                        }) }
                        if query.tag.as_ref().is_some_and(|t| !tags.iter().any(|(u, _)| u == t)) {
                            <option value={tag_value.clone()} selected=true>{tag_value.clone()}</option>
                        }
                    </select>
                </label>
                if state.panel == Panel::Claims {
                    <label class="check">
                        <input type="checkbox" checked={query.ranked} onchange={on_ranked} />
                        {" Most check-worthy first"}
                    </label>
                }
            </div>
        </div>
    }
}
