//! One entity in the side panel: its full name, type and number of mentions. Choosing it
//! shows every mention in the article.

use yew::prelude::*;

use crate::outline::{entity_group, ItemKey};
use crate::state::Action;
use crate::ui::annotator::use_annotator;
use crate::ui::legend::label_class;

#[derive(Properties, PartialEq)]
pub struct EntityItemProps {
    /// The index of the entity's first mention in the analysis.
    pub index: usize,
    /// How many mentions it has.
    pub mentions: usize,
}

#[function_component(EntityItem)]
pub fn entity_item(props: &EntityItemProps) -> Html {
    let annotator = use_annotator();
    let item_ref = use_node_ref();
    let current = annotator.state.cursor == Some(ItemKey::Entity(props.index));
    use_effect_with(current, {
        let item_ref = item_ref.clone();
        move |&current| {
            if let (true, Some(el)) = (current, item_ref.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        }
    });
    let Some((name, label)) = entity_group(&annotator.state, &annotator.analysis, props.index)
    else {
        return html! {};
    };
    let focused = annotator.state.focused_entity == Some((name.clone(), label));
    let index = props.index;
    let onclick = {
        let (annotator, group) = (annotator.clone(), (name.clone(), label));
        Callback::from(move |_: MouseEvent| {
            annotator.dispatch(Action::Cursor(Some(ItemKey::Entity(index))));
            annotator.dispatch(Action::FocusEntity(Some(group.clone())));
        })
    };
    let mentions = format!(
        "{} mention{}",
        props.mentions,
        if props.mentions == 1 { "" } else { "s" }
    );
    html! {
        <li class={classes!("entity-item", focused.then_some("focused"), current.then_some("current"))}>
            <button ref={item_ref} class="entity-button" {onclick} title="Show every mention">
                <span class={classes!("ent", label_class(label))} dir="auto">{name.clone()}</span>
                <span class="entity-type">{label.name()}</span>
                <span class="mentions">{mentions}</span>
            </button>
        </li>
    }
}
