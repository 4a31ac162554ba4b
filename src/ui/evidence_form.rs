//! The form that attaches a source to a note: address, title, the words that matter, and when
//! it was read (today by default). The address must be a web address.

use yew::prelude::*;

use crate::model::Evidence;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct EvidenceFormProps {
    pub on_add: Callback<Evidence>,
    pub on_cancel: Callback<()>,
}

#[function_component(EvidenceForm)]
pub fn evidence_form(props: &EvidenceFormProps) -> Html {
    let url = use_node_ref();
    let title = use_node_ref();
    let quote = use_node_ref();
    let accessed = use_node_ref();
    let error = use_state(|| None::<String>);
    use_effect_with((), {
        let url = url.clone();
        move |_| {
            if let Some(el) = url.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    let value = |r: &NodeRef| {
        r.cast::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let onsubmit = {
        let (url, title, quote, accessed) =
            (url.clone(), title.clone(), quote.clone(), accessed.clone());
        let (error, on_add) = (error.clone(), props.on_add.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match Evidence::checked(
                &value(&url),
                &value(&title),
                &value(&quote),
                &value(&accessed),
            ) {
                Ok(evidence) => on_add.emit(evidence),
                Err(why) => error.set(Some(format!("Not added: {why}."))),
            }
        })
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let today = clock::now().0.get(..10).unwrap_or("").to_string();
    html! {
        <form class="evidence-form" {onsubmit} onclick={|e: MouseEvent| e.stop_propagation()}
              aria-label="Add evidence">
            <label>{"Address"}<input ref={url} type="url" required=true placeholder="https://…" /></label>
            <label>{"Title"}<input ref={title} type="text" /></label>
            <label>{"Quote"}<input ref={quote} type="text" placeholder="The words that matter" /></label>
            <label>{"Accessed"}<input ref={accessed} type="date" value={today} /></label>
            if let Some(message) = &*error {
                <p class="form-error" role="alert">{message.clone()}</p>
            }
            <div class="editor-actions">
                <button class="primary" type="submit">{"Add evidence"}</button>
                <button type="button" onclick={on_cancel}>{"Cancel"}</button>
            </div>
        </form>
    }
}
