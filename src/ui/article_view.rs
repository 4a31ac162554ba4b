//! The article: blocks of text cut into segments, each drawn with everything that covers it:
//! notes, the passage of the note being written, entities, claims and their cues, page chrome.
//!
//! Every segment carries its byte range (`data-start`, `data-end`, the names
//! `web::selection::SEGMENT_START` and `SEGMENT_END` read) so that the selection edge can map
//! DOM positions back to the document.
//!
//! Long articles stay fast: each block is its own component ([`crate::ui::article_block`])
//! given only its own highlights, so a change redraws the blocks it touches and no others;
//! the first frame draws the first screens of blocks and the rest follow in slices between
//! frames; off-screen paragraphs skip layout (`content-visibility: auto`).

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{Analysis, Label};
use crate::highlight::by_block;
use crate::model::NoteId;
use crate::state::{Action, Editor};
use crate::text::{ByteSpan, Document};
use crate::ui::annotator::use_annotator;
use crate::ui::article_block::BlockView;

/// What covers a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Note(NoteId),
    /// The passage of the note being written.
    Draft,
    /// An entity, by index into the analysis.
    Entity(usize),
    /// A claim, by index into the analysis.
    Claim(usize),
    /// The words that make a claim checkable.
    Cue(usize),
    /// Page chrome (credits, counters, "related" headers).
    Chrome,
}

/// One block's highlights, longest first.
pub type BlockMarks = Rc<Vec<(ByteSpan, Mark)>>;

/// An `Rc` compared by pointer: the analysis is replaced, never changed in place.
#[derive(Clone)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The key that groups an entity's mentions: its full name and type.
pub fn entity_key(doc: &Document, analysis: &Analysis, index: usize) -> Option<(String, Label)> {
    let e = analysis.entities.get(index)?;
    let name = e
        .canonical
        .clone()
        .unwrap_or_else(|| doc.slice(e.span).to_string());
    Some((name, e.label))
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub node_ref: NodeRef,
}

/// Bytes of text drawn in the first frame, then in each later slice.
const FIRST_SLICE_BYTES: usize = 24_000;
const SLICE_BYTES: usize = 40_000;

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let annotator = use_annotator();
    let state = &annotator.state;
    let analysis = &annotator.analysis;
    let draft = match &state.editor {
        Some(Editor::New { span, .. }) => Some(*span),
        _ => None,
    };
    // Recomputed only when what is drawn changes (not for a verdict or a reply).
    let marks = use_memo(
        (
            state.highlights(),
            draft,
            Shared(analysis.clone()),
            state.display.clone(),
            state.doc.clone(),
        ),
        |(highlights, draft, analysis, display, doc)| {
            let analysis = &analysis.0;
            let mut marks: Vec<(ByteSpan, Mark)> = highlights
                .iter()
                .map(|(span, id)| (*span, Mark::Note(id.clone())))
                .collect();
            if let Some(span) = draft {
                marks.push((*span, Mark::Draft));
            }
            for (i, e) in analysis.entities.iter().enumerate() {
                if !display.hidden.contains(&e.label) {
                    marks.push((e.span, Mark::Entity(i)));
                }
            }
            if display.claims {
                for (i, c) in analysis.claims.iter().enumerate() {
                    marks.push((c.span, Mark::Claim(i)));
                    marks.push((c.cue, Mark::Cue(i)));
                }
            }
            marks.extend(analysis.boilerplate.iter().map(|&b| (b, Mark::Chrome)));
            // Longest first, so the last mark of a kind in a segment is its innermost.
            marks.sort_by_key(|(span, _)| std::cmp::Reverse(span.len()));
            let spans: Vec<ByteSpan> = doc.blocks().iter().map(|b| b.span).collect();
            by_block(&spans, &marks)
                .into_iter()
                .map(Rc::new)
                .collect::<Vec<_>>()
        },
    );
    // One handler for the whole article: each segment says in `data-click` what a click on
    // it asks for.
    let onclick = {
        let (dispatcher, doc, analysis) = (state.dispatcher(), state.doc.clone(), analysis.clone());
        Callback::from(move |e: MouseEvent| {
            if has_selection() {
                return;
            }
            let Some(target) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|t| t.closest("[data-click]").ok().flatten())
            else {
                return;
            };
            let click = target.get_attribute("data-click").unwrap_or_default();
            let action = match click.split_once(':') {
                None if click == "note" => target
                    .get_attribute("data-notes")
                    .and_then(|ids| ids.split(' ').next_back().map(str::to_string))
                    .map(|id| Action::Focus(Some(NoteId(id)))),
                Some(("entity", i)) => i
                    .parse()
                    .ok()
                    .and_then(|i| entity_key(&doc, &analysis, i))
                    .map(|key| Action::FocusEntity(Some(key))),
                Some(("claim", i)) => i
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| analysis.claims.get(i))
                    .map(|c| Action::FocusClaim(Some(c.span))),
                _ => None,
            };
            if let Some(action) = action {
                dispatcher.dispatch(action);
            }
        })
    };
    let class = classes!("article", state.display.labels.then_some("show-labels"));
    html! {
        <article id="article" {class} ref={props.node_ref.clone()} aria-label="Article text"
                 dir={annotator.dir.clone()}
                 data-analysed={annotator.analysed.to_string()} {onclick}>
            <ArticleBody doc={state.doc.clone()} analysis={Shared(analysis.clone())}
                         analysed={annotator.analysed} marks={Shared(marks)}
                         focused={state.focused.clone()}
                         focused_entity={state.focused_entity.clone()}
                         focused_claim={state.focused_claim} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleBodyProps {
    doc: Rc<Document>,
    analysis: Shared<Analysis>,
    /// Whether the analysis has come (a long article's comes from the worker).
    analysed: bool,
    /// Each block's highlights.
    marks: Shared<Vec<BlockMarks>>,
    focused: Option<NoteId>,
    focused_entity: Option<(String, Label)>,
    focused_claim: Option<ByteSpan>,
}

#[function_component(ArticleBody)]
fn article_body(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc;
    let blocks = doc.blocks();
    // How many blocks are drawn: the first screens at once, the rest slice by slice once the
    // analysis has come. Drawn before, they would all be drawn again with its highlights in
    // one long task (a long article's analysis comes from the worker).
    let drawn = use_state(|| blocks_within(doc, 0, FIRST_SLICE_BYTES));
    use_effect_with((*drawn, blocks.len(), props.analysed), {
        let (drawn, doc) = (drawn.clone(), doc.clone());
        move |&(count, total, analysed): &(usize, usize, bool)| {
            let timeout = (count < total && analysed).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    drawn.set(blocks_within(&doc, count, SLICE_BYTES));
                })
            });
            move || drop(timeout)
        }
    });
    // What must be shown is drawn at once, wherever it is.
    let needed = [props.focused_claim]
        .into_iter()
        .flatten()
        .chain(props.focused.as_ref().and_then(|id| {
            props
                .marks
                .0
                .iter()
                .flat_map(|m| m.iter())
                .find_map(|(span, mark)| matches!(mark, Mark::Note(n) if n == id).then_some(*span))
        }))
        .map(|span| blocks.partition_point(|b| b.span.end <= span.start) + 1)
        .max()
        .unwrap_or(0);
    let count = (*drawn).max(needed).min(blocks.len());
    use_effect_with(
        (props.focused.clone(), count >= needed),
        |(focused, ready)| {
            if let (Some(id), true) = (focused, ready) {
                scroll_to(&format!("mark[data-notes~=\"{}\"]", id.0.replace('"', "")));
            }
        },
    );
    use_effect_with((props.focused_claim, count >= needed), |(claim, ready)| {
        if let (Some(span), true) = (claim, ready) {
            scroll_to(&format!("[data-claim=\"{}\"]", span.start.0));
        }
    });
    // The entity whose mentions are shown, as indices into the analysis.
    let focused_mentions: Rc<Vec<usize>> = Rc::new(match &props.focused_entity {
        Some(key) => (0..props.analysis.0.entities.len())
            .filter(|&i| entity_key(doc, &props.analysis.0, i).as_ref() == Some(key))
            .collect(),
        None => Vec::new(),
    });
    // Blocks go in chunks, so that drawing more of a long article, or changing one note,
    // compares a few hundred chunks rather than every block.
    let chunks = (0..count).step_by(CHUNK).map(|first| {
        let last = (first + CHUNK).min(count);
        let marks: Vec<BlockMarks> = (first..last)
            .map(|i| props.marks.0.get(i).cloned().unwrap_or_default())
            .collect();
        let has = |pick: &dyn Fn(&Mark) -> bool| {
            marks.iter().any(|m| m.iter().any(|(_, mark)| pick(mark)))
        };
        let span = ByteSpan::new(blocks[first].span.start, blocks[last - 1].span.end);
        let focused = props
            .focused
            .clone()
            .filter(|id| has(&|m| matches!(m, Mark::Note(n) if n == id)));
        let focused_claim = props.focused_claim.filter(|c| c.overlaps(span));
        let focused_entity = (!focused_mentions.is_empty()
            && has(&|m| matches!(m, Mark::Entity(e) if focused_mentions.contains(e))))
        .then(|| (props.focused_entity.clone(), focused_mentions.clone()));
        html! {
            <Chunk key={first} doc={props.doc.clone()} analysis={props.analysis.clone()} {first}
                   {marks} {focused} {focused_claim}
                   focused_entity={focused_entity.as_ref().and_then(|f| f.0.clone())}
                   focused_mentions={focused_entity.map_or_else(Default::default, |f| f.1)} />
        }
    });
    let complete = count == blocks.len();
    html! {
        <>
            <div class="article-body">{ for chunks }</div>
            // Tells tests and benchmarks that every block is drawn.
            <span class="article-end" hidden=true data-complete={complete.to_string()} />
        </>
    }
}

/// How many blocks a chunk holds.
const CHUNK: usize = 48;

#[derive(Properties, PartialEq)]
struct ChunkProps {
    doc: Rc<Document>,
    analysis: Shared<Analysis>,
    /// The index of the chunk's first block.
    first: usize,
    /// The highlights of each of its blocks.
    marks: Vec<BlockMarks>,
    focused: Option<NoteId>,
    focused_claim: Option<ByteSpan>,
    focused_entity: Option<(String, Label)>,
    /// The focused entity's mentions (indices into the analysis), when one is in the chunk.
    focused_mentions: Rc<Vec<usize>>,
}

#[function_component(Chunk)]
fn chunk(props: &ChunkProps) -> Html {
    let blocks = props.doc.blocks();
    let views = props.marks.iter().enumerate().map(|(offset, marks)| {
        let block = blocks[props.first + offset];
        let has = |pick: &dyn Fn(&Mark) -> bool| marks.iter().any(|(_, m)| pick(m));
        let focused = props
            .focused
            .clone()
            .filter(|id| has(&|m| matches!(m, Mark::Note(n) if n == id)));
        let focused_claim = props.focused_claim.filter(|c| c.overlaps(block.span));
        let mentions = &props.focused_mentions;
        let focused_entity = props
            .focused_entity
            .clone()
            .filter(|_| has(&|m| matches!(m, Mark::Entity(e) if mentions.contains(e))));
        html! {
            <BlockView key={block.span.start.0} doc={props.doc.clone()} {block}
                       analysis={props.analysis.clone()} marks={marks.clone()} {focused}
                       {focused_entity} {focused_claim} />
        }
    });
    html! { <div class="chunk">{ for views }</div> }
}

/// The number of blocks drawn after drawing `from` blocks and about `bytes` more text.
fn blocks_within(doc: &Document, from: usize, bytes: usize) -> usize {
    let blocks = doc.blocks();
    let Some(start) = blocks.get(from).map(|b| b.span.start.0) else {
        return blocks.len();
    };
    let end = blocks.partition_point(|b| b.span.start.0 < start + bytes);
    end.max(from + 1).min(blocks.len())
}

fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

fn scroll_to(selector: &str) {
    let Ok(Some(element)) = gloo::utils::document().query_selector(selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
