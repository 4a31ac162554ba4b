//! The legend: one chip per entity type with its count, which shows or hides that type; the
//! same for claims; and whether type names are written after entities.

use yew::prelude::*;

use crate::analysis::Label;
use crate::state::Action;
use crate::ui::annotator::use_annotator;

/// The CSS class of an entity type (`ent-person`, …).
pub fn label_class(label: Label) -> String {
    format!("ent-{}", label.as_str().to_lowercase())
}

#[function_component(Legend)]
pub fn legend() -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let analysis = &annotator.analysis;
    // "…" until the analysis comes (a long article's comes from the worker), not "0".
    let number = |count: usize| {
        if annotator.analysed {
            count.to_string()
        } else {
            "…".to_string()
        }
    };
    let chips = Label::ALL.iter().map(|&label| {
        let count = analysis
            .entities
            .iter()
            .filter(|e| e.label == label)
            .count();
        let shown = !state.display.hidden.contains(&label);
        let onclick = {
            let annotator = annotator.clone();
            Callback::from(move |_: MouseEvent| annotator.dispatch(Action::ToggleLabel(label)))
        };
        let title = format!(
            "{} {}: {} found. Click to {} them.",
            count,
            label.name(),
            label.as_str(),
            if shown { "hide" } else { "show" }
        );
        html! {
            <button class={classes!("chip", label_class(label))} aria-pressed={shown.to_string()}
                    {title} {onclick} disabled={count == 0}>
                <span class="swatch" aria-hidden="true"></span>
                {label.name()}
                <span class="n">{number(count)}</span>
            </button>
        }
    });
    let toggle_claims = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.dispatch(Action::ToggleClaims))
    };
    let toggle_labels = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.dispatch(Action::ToggleLabels))
    };
    html! {
        <nav class="legend" aria-label="Entities and claims found in the article">
            { for chips }
            <button class="chip chip-claims" aria-pressed={state.display.claims.to_string()}
                    onclick={toggle_claims} title="Underline the checkable claims">
                <span class="swatch" aria-hidden="true"></span>
                {"claims"}<span class="n">{number(analysis.claims.len())}</span>
            </button>
            <button class="chip chip-plain" aria-pressed={state.display.labels.to_string()}
                    onclick={toggle_labels} title="Write each entity's type after it">
                {"type names"}
            </button>
        </nav>
    }
}
