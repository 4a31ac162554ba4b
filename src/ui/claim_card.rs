//! One checkable claim in the side panel: its kind, whether it is hedged, its
//! check-worthiness, its text with the cue in bold, and its verdict, which can be set right
//! here (a note is made on the claim to carry it).

use yew::prelude::*;

use crate::analysis::Claim;
use crate::outline::{claim_note, ItemKey};
use crate::state::Action;
use crate::text::Document;
use crate::ui::annotator::use_annotator;
use crate::ui::verdict_select::VerdictSelect;

#[derive(Properties, PartialEq)]
pub struct ClaimCardProps {
    /// The claim's index in the analysis.
    pub index: usize,
}

#[function_component(ClaimCard)]
pub fn claim_card(props: &ClaimCardProps) -> Html {
    let annotator = use_annotator();
    let card_ref = use_node_ref();
    let state = &annotator.state;
    let claim = annotator.analysis.claims.get(props.index).cloned();
    let focused = claim
        .as_ref()
        .is_some_and(|c| state.focused_claim == Some(c.span));
    let current = state.cursor == Some(ItemKey::Claim(props.index));
    use_effect_with((focused, current), {
        let card_ref = card_ref.clone();
        move |&(focused, current)| {
            if let Some(el) = card_ref.cast::<web_sys::HtmlElement>() {
                if focused || current {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
                if current {
                    let _ = el.focus();
                }
            }
        }
    });
    let Some(claim) = claim else {
        return html! {};
    };
    let verdict = claim_note(state, &claim).and_then(|p| p.note.verdict.clone());
    let index = props.index;
    let show = {
        let (annotator, span) = (annotator.clone(), claim.span);
        Callback::from(move |_: MouseEvent| {
            annotator.dispatch(Action::Cursor(Some(ItemKey::Claim(index))));
            annotator.dispatch(Action::FocusClaim(Some(span)));
        })
    };
    let note = {
        let (annotator, span) = (annotator.clone(), claim.span);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            annotator.dispatch(Action::StartNoteOn(span));
        })
    };
    let on_verdict = {
        let (annotator, span) = (annotator.clone(), claim.span);
        Callback::from(move |verdict: Option<String>| annotator.set_verdict_on(span, verdict))
    };
    let onkeydown = {
        let (annotator, span) = (annotator.clone(), claim.span);
        Callback::from(move |e: KeyboardEvent| {
            let on_card = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|t| t.tag_name() == "LI");
            if on_card && e.key() == "Enter" {
                e.prevent_default();
                annotator.dispatch(Action::StartNoteOn(span));
            }
        })
    };
    let text = state.doc.slice(claim.span);
    let label = format!(
        "Claim, {}{}: {}. Enter to add a note.",
        claim.kind.as_str(),
        if claim.hedged { ", hedged" } else { "" },
        crate::ui::note_editor::shorten(text, 80)
    );
    html! {
        <li class={classes!("claim-card", focused.then_some("focused"), current.then_some("current"))}
            ref={card_ref} tabindex="0" aria-label={label} {onkeydown}
            data-claim-start={claim.span.start.0.to_string()}>
            <div class="claim-meta">
                <span class="badge kind">{claim.kind.as_str()}</span>
                if claim.hedged {
                    <span class="badge warn" title="Softened by words like “reportedly” or “expected to”">{"hedged"}</span>
                }
                <span class="score" title="Check-worthiness, 0 to 100">
                    {format!("{:.0}", claim.score * 100.0)}
                </span>
            </div>
            <p class="claim-text" dir="auto">{claim_with_cue(&state.doc, &claim)}</p>
            <VerdictSelect value={verdict} on_change={on_verdict} />
            <div class="note-actions">
                <button onclick={show} aria-label="Show this claim in the article">{"Show"}</button>
                <button onclick={note} aria-label="Add note on this claim">{"Add note"}</button>
            </div>
        </li>
    }
}

/// The claim's text with its cue in bold.
fn claim_with_cue(doc: &Document, claim: &Claim) -> Html {
    let text = doc.slice(claim.span);
    let (a, b) = (claim.cue.start.0, claim.cue.end.0);
    if !(claim.span.start.0 <= a && a < b && b <= claim.span.end.0) || claim.cue == claim.span {
        return html! { {text.to_string()} };
    }
    let (start, end) = (a - claim.span.start.0, b - claim.span.start.0);
    html! {
        <>
            {text.get(..start).unwrap_or("").to_string()}
            <strong class="cue-text">{text.get(start..end).unwrap_or("").to_string()}</strong>
            {text.get(end..).unwrap_or("").to_string()}
        </>
    }
}
