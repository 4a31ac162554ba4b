//! The card of the entity the reader clicked: its full name, type, every mention (each one
//! highlighted in the article), and one click to start a note on it.

use yew::prelude::*;

use crate::state::Action;
use crate::ui::annotator::use_annotator;
use crate::ui::article_view::entity_key;
use crate::ui::legend::label_class;

#[function_component(EntityCard)]
pub fn entity_card() -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let Some((name, label)) = state.focused_entity.clone() else {
        return html! {};
    };
    let mentions: Vec<usize> = (0..annotator.analysis.entities.len())
        .filter(|&i| {
            entity_key(&state.doc, &annotator.analysis, i).as_ref() == Some(&(name.clone(), label))
        })
        .collect();
    let Some(&first) = mentions.first() else {
        return html! {};
    };
    let first_span = annotator.analysis.entities[first].span;
    let why = annotator.analysis.entities[first].why.clone();
    let note = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.dispatch(Action::StartNoteOn(first_span)))
    };
    let close = {
        let annotator = annotator.clone();
        Callback::from(move |_: MouseEvent| annotator.dispatch(Action::FocusEntity(None)))
    };
    html! {
        <section class="entity-card" aria-label="Selected entity">
            <div class="entity-head">
                <span class={classes!("ent", label_class(label), "entity-name")}>{name}</span>
                <button class="dismiss" aria-label="Close" onclick={close}>{"×"}</button>
            </div>
            <p class="entity-meta">
                {format!("{} · {} · {} mention{}", label.name(), why, mentions.len(),
                         if mentions.len() == 1 { "" } else { "s" })}
            </p>
            <button onclick={note}>{"Add note on the first mention"}</button>
        </section>
    }
}
