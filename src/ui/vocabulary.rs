//! The article's verdict list, editable: rename a verdict, remove one no note uses, add one.
//! Each article keeps its own list, stored with its notes.

use yew::prelude::*;

use crate::model::{Annotations, VocabularyError};
use crate::ui::annotator::use_annotator;

/// One change to the verdict list, which may be refused.
type VocabularyChange = Box<dyn FnOnce(&mut Annotations) -> Result<(), VocabularyError>>;

#[function_component(VocabularyEditor)]
pub fn vocabulary_editor() -> Html {
    let annotator = use_annotator();
    let new_label = use_node_ref();
    let error = use_state(|| None::<String>);
    let state = &annotator.state;
    let run = {
        let (annotator, error) = (annotator.clone(), error.clone());
        move |change: VocabularyChange| {
            let mut problem = None;
            annotator.change_vocabulary(|a| {
                if let Err(e) = change(a) {
                    problem = Some(e.to_string());
                }
            });
            error.set(problem.map(|p| format!("Not changed: {p}.")));
        }
    };
    let rows = state.verdicts.iter().map(|term| {
        let used = state
            .notes
            .iter()
            .filter(|p| p.note.verdict.as_deref() == Some(term.key.as_str()))
            .count();
        let on_rename = {
            let (run, key) = (run.clone(), term.key.clone());
            Callback::from(move |e: Event| {
                let label = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                let key = key.clone();
                run(Box::new(move |a| a.rename_verdict(&key, &label)));
            })
        };
        let on_remove = {
            let (run, key) = (run.clone(), term.key.clone());
            Callback::from(move |_: MouseEvent| {
                let key = key.clone();
                run(Box::new(move |a| a.remove_verdict(&key)));
            })
        };
        let id = format!("verdict-label-{}", term.key);
        html! {
            <li key={term.key.clone()}>
                <label class="visually-hidden" for={id.clone()}>{format!("Name of the verdict {}", term.label)}</label>
                <input {id} type="text" value={term.label.clone()} onchange={on_rename} />
                <span class="used">{format!("{used} note{}", if used == 1 { "" } else { "s" })}</span>
                <button class="small" onclick={on_remove} disabled={used > 0}
                        aria-label={format!("Remove {}", term.label)}
                        title={if used > 0 { "Notes still have this verdict" } else { "Remove this verdict" }}>{"Remove"}</button>
            </li>
        }
    });
    let on_add = {
        let (run, new_label) = (run.clone(), new_label.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = new_label.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let label = input.value();
            run(Box::new(move |a| a.add_verdict(&label).map(|_| ())));
            input.set_value("");
        })
    };
    html! {
        <details class="vocabulary">
            <summary>{"Verdicts for this article"}</summary>
            <ul>{ for rows }</ul>
            <form onsubmit={on_add}>
                <label for="new-verdict">{"New verdict"}</label>
                <input id="new-verdict" ref={new_label} type="text" placeholder="e.g. Needs context" />
                <button type="submit">{"Add"}</button>
            </form>
            if let Some(message) = &*error {
                <p class="form-error" role="alert">{message.clone()}</p>
            }
        </details>
    }
}
