//! The "Add note" button that floats above the current selection.

use yew::prelude::*;

use crate::ui::annotator::use_annotator;

#[derive(Properties, PartialEq)]
pub struct SelectionButtonProps {
    /// Page coordinates (CSS pixels) of the middle of the selection's top edge.
    pub x: f64,
    pub y: f64,
}

#[function_component(SelectionButton)]
pub fn selection_button(props: &SelectionButtonProps) -> Html {
    let annotator = use_annotator();
    let onclick = Callback::from(move |_: MouseEvent| annotator.start_note());
    let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());
    let style = format!("left: {:.0}px; top: {:.0}px;", props.x, props.y);
    html! {
        <button class="selection-button" {style} {onclick} {onmousedown}>{"Add note"}</button>
    }
}
