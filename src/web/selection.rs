//! The DOM selection, as byte spans of the document.
//!
//! The article is rendered as segments, `<span data-start="B" data-end="E">text</span>` (or a
//! `<mark>`), each holding exactly the document's bytes `B..E` as a single text node. A DOM
//! boundary point in a text node is a UTF-16 offset into that segment's text, converted here
//! with [`utf16_to_byte`]; a boundary point between elements snaps to the nearest segment
//! edge in the right direction. Points outside the article clamp to its start or end.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::text::offsets::utf16_to_byte;
use crate::text::{ByteOffset, ByteSpan, Utf16Offset};

/// The attribute that marks a segment and holds its start, in bytes.
pub const SEGMENT_START: &str = "data-start";
/// The attribute that holds a segment's end, in bytes.
pub const SEGMENT_END: &str = "data-end";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// The current selection as a span of the document rendered in `root`, or `None` when the
/// selection is empty or does not touch the article.
pub fn selection_span(root: &Element) -> Option<ByteSpan> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    range_span(root, &range)
}

/// A DOM range as a span of the document rendered in `root`.
pub fn range_span(root: &Element, range: &Range) -> Option<ByteSpan> {
    let start = boundary(
        root,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        Edge::Start,
    )?;
    let end = boundary(
        root,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        Edge::End,
    )?;
    (start < end).then(|| ByteSpan::new(start, end))
}

/// Where to show the "Add note" button: the middle of the top of the selection, in page
/// coordinates (CSS pixels).
pub fn selection_anchor_point() -> Option<(f64, f64)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let rect = selection.get_range_at(0).ok()?.get_bounding_client_rect();
    let scroll_x = window.scroll_x().unwrap_or(0.0);
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    Some((
        rect.left() + rect.width() / 2.0 + scroll_x,
        rect.top() + scroll_y,
    ))
}

/// Empties the selection (after a note is made from it).
pub fn clear_selection() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

fn boundary(root: &Element, node: &Node, offset: u32, edge: Edge) -> Option<ByteOffset> {
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(node)) {
        let segments = segments(root);
        let relation = root_node.compare_document_position(node);
        return if relation & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            segments.first().and_then(|s| attr(s, SEGMENT_START))
        } else if relation & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
            segments.last().and_then(|s| attr(s, SEGMENT_END))
        } else {
            None
        };
    }
    if node.node_type() == Node::TEXT_NODE {
        let segment = node.parent_element()?.closest("[data-start]").ok()??;
        let start = attr(&segment, SEGMENT_START)?;
        let text = node.text_content().unwrap_or_default();
        let inside = utf16_to_byte(&text, Utf16Offset(offset as usize));
        return Some(ByteOffset(start.0 + inside.0));
    }
    let element = node.dyn_ref::<Element>()?;
    if let Ok(Some(segment)) = element.closest("[data-start]") {
        return if offset == 0 {
            attr(&segment, SEGMENT_START)
        } else {
            attr(&segment, SEGMENT_END)
        };
    }
    // Between elements: the nearest segment on the right side (the only case that needs the
    // list of all segments, so it is queried here and not for every selection change).
    let segments = segments(root);
    let children = node.child_nodes();
    match edge {
        Edge::Start => {
            let found = match children.item(offset) {
                Some(child) => segments
                    .iter()
                    .find(|s| on_side(&child, s, true, Edge::Start)),
                None => segments
                    .iter()
                    .find(|s| on_side(node, s, false, Edge::Start)),
            };
            found.and_then(|s| attr(s, SEGMENT_START))
        }
        Edge::End => {
            let found = match offset.checked_sub(1).and_then(|i| children.item(i)) {
                Some(child) => segments
                    .iter()
                    .rev()
                    .find(|s| on_side(&child, s, true, Edge::End)),
                None => segments
                    .iter()
                    .rev()
                    .find(|s| on_side(node, s, false, Edge::End)),
            };
            found.and_then(|s| attr(s, SEGMENT_END))
        }
    }
}

/// True when `segment` is `reference`, inside it (when `inclusive`), or on the given side of
/// it: after it for [`Edge::Start`], before it for [`Edge::End`].
fn on_side(reference: &Node, segment: &Element, inclusive: bool, edge: Edge) -> bool {
    let segment: &Node = segment.as_ref();
    if reference.is_same_node(Some(segment)) {
        return inclusive;
    }
    let relation = reference.compare_document_position(segment);
    if relation & Node::DOCUMENT_POSITION_CONTAINED_BY != 0 {
        return inclusive;
    }
    let side = match edge {
        Edge::Start => Node::DOCUMENT_POSITION_FOLLOWING,
        Edge::End => Node::DOCUMENT_POSITION_PRECEDING,
    };
    relation & side != 0 && relation & Node::DOCUMENT_POSITION_CONTAINS == 0
}

fn segments(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("[data-start]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn attr(element: &Element, name: &str) -> Option<ByteOffset> {
    element.get_attribute(name)?.parse().ok().map(ByteOffset)
}
