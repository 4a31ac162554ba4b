//! One note in the side panel: who and when, the passage, the note, its tags, its verdict,
//! its evidence and its replies, with their actions. Clicking the card focuses the note and
//! scrolls its passage into view; Delete asks for confirmation inline.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::anchor::Anchoring;
use crate::model::{tag_colour, Evidence, NoteId, Reply};
use crate::outline::ItemKey;
use crate::state::{Action, Editor, Placed};
use crate::ui::annotator::use_annotator;
use crate::ui::evidence_form::EvidenceForm;
use crate::ui::note_editor::{shorten, NoteEditor};
use crate::ui::verdict_select::VerdictSelect;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct NoteCardProps {
    pub placed: Placed,
}

/// What the card's bottom area shows.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Actions,
    ConfirmDelete,
    Reply,
    Evidence,
}

#[function_component(NoteCard)]
pub fn note_card(props: &NoteCardProps) -> Html {
    let annotator = use_annotator();
    let open = use_state(|| Open::Actions);
    let reply_text = use_state(String::new);
    let card_ref = use_node_ref();
    let note = &props.placed.note;
    let focused = annotator.state.focused.as_ref() == Some(&note.id);
    let current = annotator.state.cursor == Some(ItemKey::Note(note.id.clone()));
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
    let editing =
        matches!(&annotator.state.editor, Some(Editor::Edit { id, .. }) if *id == note.id);
    let quote = note.target.quote.exact.clone();
    if editing {
        return html! {
            <li class="note-card editing" ref={card_ref} data-note={note.id.0.clone()}>
                <NoteEditor quote={quote} />
            </li>
        };
    }
    let show = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        move || {
            annotator.dispatch(Action::Cursor(Some(ItemKey::Note(id.clone()))));
            annotator.focus(Some(id.clone()));
        }
    };
    let onclick = {
        let show = show.clone();
        Callback::from(move |e: MouseEvent| {
            if !inside_control(&e) {
                show();
            }
        })
    };
    let onkeydown = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let on_card = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.tag_name() == "LI");
            if !on_card {
                return;
            }
            match e.key().as_str() {
                " " => {
                    e.prevent_default();
                    show();
                }
                "Enter" => {
                    e.prevent_default();
                    annotator.dispatch(Action::StartEdit(id.clone()));
                }
                _ => {}
            }
        })
    };
    let set_open = |value: Open| {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            open.set(value);
        })
    };
    let on_edit = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            annotator.dispatch(Action::StartEdit(id.clone()));
        })
    };
    let on_confirm = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            annotator.delete(id.clone());
        })
    };
    let on_verdict = {
        let (annotator, id) = (annotator.clone(), note.id.clone());
        Callback::from(move |verdict: Option<String>| {
            annotator.change(&id, "verdict", |n| n.verdict = verdict);
        })
    };
    let on_evidence = {
        let (annotator, id, open) = (annotator.clone(), note.id.clone(), open.clone());
        Callback::from(move |evidence: Evidence| {
            annotator.change(&id, "evidence", |n| n.evidence.push(evidence));
            open.set(Open::Actions);
        })
    };
    let on_reply = {
        let (annotator, id, open, reply_text) = (
            annotator.clone(),
            note.id.clone(),
            open.clone(),
            reply_text.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = reply_text.trim().to_string();
            if body.is_empty() {
                return;
            }
            let reply = Reply {
                id: NoteId(clock::new_note_id().0.replacen("n-", "r-", 1)),
                body,
                author: annotator.state.author.clone(),
                created: clock::now(),
            };
            annotator.change(&id, "reply", |n| n.replies.push(reply));
            reply_text.set(String::new());
            open.set(Open::Actions);
        })
    };
    let status = match props.placed.anchoring {
        Anchoring::Moved(_) => html! { <span class="badge">{"passage moved"}</span> },
        Anchoring::Edited(_) => html! {
            <span class="badge" title="The passage's words changed a little since the note was made">
                {"passage edited"}</span>
        },
        Anchoring::NeedsReview(_) => html! {
            <span class="badge warn" title="Found, but its words or context changed: check that this is still the right passage">
                {"needs review"}</span>
        },
        _ => html! {},
    };
    // A passage found changed: show what it reads now, and let the reader confirm it, which
    // re-attaches the note to the new words (and can be undone).
    let review = match props.placed.anchoring {
        Anchoring::Edited(span) | Anchoring::NeedsReview(span) => {
            let now = annotator.state.doc.slice(span).to_string();
            let on_accept = {
                let (annotator, id) = (annotator.clone(), note.id.clone());
                Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    let target = crate::anchor::describe(annotator.state.doc.text(), span);
                    annotator.change(&id, "passage", |n| n.target = target);
                })
            };
            html! {
                <div class="review">
                    <p>{"Now reads: "}<q dir="auto">{shorten(&now, 160)}</q></p>
                    <button class="small" onclick={on_accept}
                            aria-label="Confirm this is the right passage">{"Confirm passage"}</button>
                </div>
            }
        }
        _ => html! {},
    };
    let body = if note.body.is_empty() {
        html! {}
    } else {
        html! { <p class="note-body" dir="auto">{note.body.clone()}</p> }
    };
    let tags = note.tags.iter().map(|tag| {
        let on_filter = {
            let (annotator, tag) = (annotator.clone(), tag.clone());
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                annotator.dispatch(Action::FilterTag(Some(tag.clone())));
            })
        };
        html! {
            <li><button class={classes!("tag", format!("tag-c{}", tag_colour(tag)))} onclick={on_filter}
                        title="Show only notes with this tag" dir="auto">{tag.clone()}</button></li>
        }
    });
    let evidence = note.evidence.iter().enumerate().map(|(i, e)| {
        let on_remove = {
            let (annotator, id) = (annotator.clone(), note.id.clone());
            Callback::from(move |ev: MouseEvent| {
                ev.stop_propagation();
                annotator.change(&id, "evidence", |n| {
                    if i < n.evidence.len() {
                        n.evidence.remove(i);
                    }
                });
            })
        };
        let name = if e.title.is_empty() { e.url.clone() } else { e.title.clone() };
        html! {
            <li class="evidence">
                <a href={e.url.clone()} target="_blank" rel="noopener noreferrer" dir="auto">{name.clone()}</a>
                if !e.quote.is_empty() { <q dir="auto">{e.quote.clone()}</q> }
                if !e.accessed.is_empty() { <span class="accessed">{format!("accessed {}", e.accessed)}</span> }
                <button class="small" aria-label={format!("Remove evidence {name}")} onclick={on_remove}>{"Remove"}</button>
            </li>
        }
    });
    let replies = note.replies.iter().map(|r| {
        let on_remove = {
            let (annotator, id, rid) = (annotator.clone(), note.id.clone(), r.id.clone());
            Callback::from(move |ev: MouseEvent| {
                ev.stop_propagation();
                annotator.change(&id, "reply", |n| n.replies.retain(|x| x.id != rid));
            })
        };
        html! {
            <li class="reply">
                <div class="note-meta">
                    <span class="author">{r.author.clone().unwrap_or_else(|| "Anonymous".into())}</span>
                    <time datetime={r.created.0.clone()}>{short_time(&r.created.0)}</time>
                    <button class="small" aria-label="Delete reply" onclick={on_remove}>{"Delete"}</button>
                </div>
                <p class="note-body" dir="auto">{r.body.clone()}</p>
            </li>
        }
    });
    let label = format!(
        "Note on “{}”{}. Enter to edit.",
        shorten(&quote, 60),
        note.verdict
            .as_ref()
            .map(|v| format!(", verdict {}", annotator.state.verdict_label(v)))
            .unwrap_or_default()
    );
    html! {
        <li class={classes!("note-card", focused.then_some("focused"), current.then_some("current"))}
            ref={card_ref} data-note={note.id.0.clone()} tabindex="0" aria-label={label}
            {onclick} {onkeydown}>
            <div class="note-meta">
                if let Some(author) = &note.author { <span class="author">{author.clone()}</span> }
                <time datetime={note.modified.0.clone()} title={format!("created {}", short_time(&note.created.0))}>
                    {short_time(&note.modified.0)}</time>
                {status}
            </div>
            <blockquote class="note-quote" dir="auto">{shorten(&quote, 160)}</blockquote>
            {review}
            {body}
            if !note.tags.is_empty() {
                <ul class="tags" aria-label="Tags">{ for tags }</ul>
            }
            <VerdictSelect value={note.verdict.clone()} on_change={on_verdict} />
            if !note.evidence.is_empty() {
                <ul class="evidence-list" aria-label="Evidence">{ for evidence }</ul>
            }
            if !note.replies.is_empty() {
                <ol class="replies" aria-label="Replies">{ for replies }</ol>
            }
            {match *open {
                Open::ConfirmDelete => html! {
                    <div class="note-actions confirm" role="group" aria-label="Confirm delete">
                        <span>{"Delete this note?"}</span>
                        <button class="danger" onclick={on_confirm}>{"Delete"}</button>
                        <button onclick={set_open(Open::Actions)}>{"Keep"}</button>
                    </div>
                },
                Open::Reply => html! {
                    <form class="reply-form" onsubmit={on_reply} onclick={|e: MouseEvent| e.stop_propagation()}>
                        <label for={format!("reply-{}", note.id)} class="visually-hidden">{"Reply"}</label>
                        <textarea id={format!("reply-{}", note.id)} rows="2" placeholder="Write a reply…" autofocus=true
                                  value={(*reply_text).clone()}
                                  oninput={let r = reply_text.clone(); move |e: InputEvent| r.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())} />
                        <div class="editor-actions">
                            <button class="primary" type="submit">{"Post reply"}</button>
                            <button type="button" onclick={set_open(Open::Actions)}>{"Cancel"}</button>
                        </div>
                    </form>
                },
                Open::Evidence => html! {
                    <EvidenceForm on_add={on_evidence} on_cancel={{let open = open.clone(); Callback::from(move |_| open.set(Open::Actions))}} />
                },
                Open::Actions => html! {
                    <div class="note-actions">
                        <button onclick={on_edit} aria-label="Edit note">{"Edit"}</button>
                        <button onclick={set_open(Open::Reply)} aria-label="Reply to note">{"Reply"}</button>
                        <button onclick={set_open(Open::Evidence)} aria-label="Add evidence">{"Evidence"}</button>
                        <button onclick={set_open(Open::ConfirmDelete)} aria-label="Delete note">{"Delete"}</button>
                    </div>
                },
            }}
        </li>
    }
}

/// True when the click landed on a control inside the card (a button, a link, a field).
fn inside_control(e: &MouseEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| {
            t.closest("button, a, select, input, textarea, label, form")
                .ok()
                .flatten()
        })
        .is_some()
}

/// "2026-11-26T04:32:12.000Z" as "2026-11-26 04:32 UTC".
pub fn short_time(iso: &str) -> String {
    match (iso.get(0..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso.to_string(),
    }
}
