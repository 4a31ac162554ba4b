//! The reader's display name, set once: written on every note and reply they make, so that
//! people exchanging files know who said what.

use yew::prelude::*;

use crate::ui::annotator::use_annotator;

#[function_component(AuthorLine)]
pub fn author_line() -> Html {
    let annotator = use_annotator();
    let editing = use_state(|| false);
    let input = use_node_ref();
    let author = annotator.state.author.clone();
    use_effect_with(*editing, {
        let input = input.clone();
        move |&editing| {
            if editing {
                if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        }
    });
    if author.is_some() && !*editing {
        let onclick = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        return html! {
            <p class="author-line">
                {"Notes signed "}<strong dir="auto">{author.unwrap_or_default()}</strong>
                <button class="link" {onclick} aria-label="Change your name">{"change"}</button>
            </p>
        };
    }
    let onsubmit = {
        let (annotator, editing, input) = (annotator.clone(), editing.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            annotator.set_author(Some(name));
            editing.set(false);
        })
    };
    html! {
        <form class="author-line" {onsubmit}>
            <label for="author-name">{"Your name on notes"}</label>
            <input id="author-name" ref={input} type="text" maxlength="60" autocomplete="name"
                   value={annotator.state.author.clone().unwrap_or_default()} placeholder="e.g. Ana Ruiz" />
            <button type="submit">{"Save"}</button>
        </form>
    }
}
