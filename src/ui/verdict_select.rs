//! The verdict of a claim or note: a labelled list of the article's verdict vocabulary.

use yew::prelude::*;

use crate::ui::annotator::use_annotator;

#[derive(Properties, PartialEq)]
pub struct VerdictSelectProps {
    /// The verdict key, or `None` for no verdict.
    pub value: Option<String>,
    pub on_change: Callback<Option<String>>,
}

#[function_component(VerdictSelect)]
pub fn verdict_select(props: &VerdictSelectProps) -> Html {
    let annotator = use_annotator();
    let select = use_node_ref();
    let terms = &annotator.state.verdicts;
    let value = props.value.clone().unwrap_or_default();
    // A list the reader has changed no longer follows its options' `selected` attributes:
    // set its value whenever the verdict changes (by undo, or in another tab).
    use_effect_with(value.clone(), {
        let select = select.clone();
        move |value| {
            if let Some(el) = select.cast::<web_sys::HtmlSelectElement>() {
                el.set_value(value);
            }
        }
    });
    let unknown = !value.is_empty() && !terms.iter().any(|t| t.key == value);
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let key = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_change.emit((!key.is_empty()).then_some(key));
        })
    };
    let class = classes!(
        "verdict",
        (!value.is_empty()).then(|| format!("verdict-{}", css_key(&value)))
    );
    html! {
        <label {class} onclick={|e: MouseEvent| e.stop_propagation()}>
            <span class="verdict-label">{"Verdict"}</span>
            <select ref={select} {onchange} data-verdict={value.clone()}>
                <option value="" selected={value.is_empty()}>{"No verdict"}</option>
                { for terms.iter().map(|t| html! {
                    <option value={t.key.clone()} selected={t.key == value}>{t.label.clone()}</option>
                }) }
                if unknown {
                    <option value={value.clone()} selected=true>{format!("{value} (no longer in the list)")}</option>
                }
            </select>
        </label>
    }
}

/// A verdict key as a CSS class suffix: letters, digits and dashes only.
pub fn css_key(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}
