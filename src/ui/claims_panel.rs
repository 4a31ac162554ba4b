//! The Claims panel: every checkable claim, ranked by check-worthiness, with its kind, its cue,
//! whether it is hedged, and one click to show it or to start a note on it.

use yew::prelude::*;

use crate::analysis::Claim;
use crate::state::Action;
use crate::text::Document;
use crate::ui::annotator::use_annotator;

#[function_component(ClaimsPanel)]
pub fn claims_panel() -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    use_effect_with(state.focused_claim, |claim| {
        if let Some(span) = claim {
            let selector = format!("[data-claim-start=\"{}\"]", span.start.0);
            if let Ok(Some(card)) = gloo::utils::document().query_selector(&selector) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                card.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let mut ranked: Vec<&Claim> = annotator.analysis.claims.iter().collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.span.start.cmp(&b.span.start))
    });
    if ranked.is_empty() {
        return html! { <p class="empty-hint">{"No checkable claims were found in this article."}</p> };
    }
    let items = ranked.into_iter().map(|claim| {
        let focused = state.focused_claim == Some(claim.span);
        let show = {
            let (annotator, span) = (annotator.clone(), claim.span);
            Callback::from(move |_: MouseEvent| annotator.dispatch(Action::FocusClaim(Some(span))))
        };
        let note = {
            let (annotator, span) = (annotator.clone(), claim.span);
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                annotator.dispatch(Action::StartNoteOn(span));
            })
        };
        html! {
            <li class={classes!("claim-card", focused.then_some("focused"))} key={claim.span.start.0}
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
                <p class="claim-text">{claim_with_cue(&state.doc, claim)}</p>
                <div class="note-actions">
                    <button onclick={show} aria-label="Show this claim in the article">{"Show"}</button>
                    <button onclick={note} aria-label="Add a note on this claim">{"Add note"}</button>
                </div>
            </li>
        }
    });
    html! { <ol class="claim-list" aria-label="Claims, most check-worthy first">{ for items }</ol> }
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
