//! Messages to the user (storage problems, failed saves), each dismissable.

use yew::prelude::*;

use crate::state::{Action, Severity};
use crate::ui::annotator::use_annotator;

#[function_component(Notices)]
pub fn notices() -> Html {
    let annotator = use_annotator();
    let items = annotator
        .state
        .notices
        .iter()
        .enumerate()
        .map(|(i, notice)| {
            let (class, role) = match notice.severity {
                Severity::Error => ("notice error", "alert"),
                Severity::Warning => ("notice warning", "alert"),
                Severity::Info => ("notice info", "status"),
            };
            let onclick = {
                let annotator = annotator.clone();
                Callback::from(move |_: MouseEvent| annotator.dispatch(Action::DismissNotice(i)))
            };
            html! {
                <div {class} {role}>
                    <span class="notice-text">{notice.message.clone()}</span>
                    <button class="dismiss" aria-label="Dismiss" {onclick}>{"×"}</button>
                </div>
            }
        });
    html! { <div class="notices">{ for items }</div> }
}
