//! Browser tests: run in headless Chromium by wasm-bindgen-test-runner (`make test-browser`).
//! They cover what only a browser can: the DOM selection's UTF-16 offsets, localStorage with
//! its quota, and the real components mounted on a page.
#![cfg(target_arch = "wasm32")]

use glossa::io::storage::notes_key;
use glossa::text::{ByteOffset, ByteSpan, Document};
use glossa::ui::app::{App, AppProps};
use glossa::web::selection::range_span;
use glossa::web::storage::{NotesStore, StorageError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn mount_point() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits, without a fixed sleep, until `condition` holds (or fails the test after ~5 s).
async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if condition() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

// ---- selection: DOM boundary points (UTF-16) to document bytes ----

/// Renders `<p>` blocks of segments by hand, as the article view does.
fn render_segments(root: &Element, doc: &Document, cuts: &[usize]) {
    for block in doc.blocks() {
        let p = document().create_element("p").unwrap();
        let mut bounds: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|c| *c > block.span.start.0 && *c < block.span.end.0)
            .collect();
        bounds.insert(0, block.span.start.0);
        bounds.push(block.span.end.0);
        for pair in bounds.windows(2) {
            let seg = document().create_element("span").unwrap();
            seg.set_attribute("data-start", &pair[0].to_string())
                .unwrap();
            seg.set_attribute("data-end", &pair[1].to_string()).unwrap();
            seg.set_text_content(Some(
                doc.slice(ByteSpan::new(ByteOffset(pair[0]), ByteOffset(pair[1]))),
            ));
            p.append_child(&seg).unwrap();
        }
        root.append_child(&p).unwrap();
    }
}

fn text_node_of(root: &Element, segment: u32) -> web_sys::Node {
    root.query_selector_all("[data-start]")
        .unwrap()
        .item(segment)
        .unwrap()
        .first_child()
        .unwrap()
}

#[wasm_bindgen_test]
fn selection_after_emoji_cjk_and_rtl_maps_to_the_right_bytes() {
    let doc = Document::from_plain_text("Title\n\n🚂 Kim 金正恩 left; שלום said 👩‍👩‍👧 then.");
    let root = mount_point();
    render_segments(&root, &doc, &[]);
    let text = doc.text();
    let node = text_node_of(&root, 1);
    // UTF-16 offsets inside the paragraph's text node.
    let para = doc.slice(doc.blocks()[1].span);
    let utf16 = |needle: &str| para[..para.find(needle).unwrap()].encode_utf16().count() as u32;
    for needle in ["Kim", "金正恩", "שלום", "then"] {
        let range = document().create_range().unwrap();
        let start = utf16(needle);
        let len = needle.encode_utf16().count() as u32;
        range.set_start(&node, start).unwrap();
        range.set_end(&node, start + len).unwrap();
        let span = range_span(&root, &range).expect("span");
        assert_eq!(&text[span.start.0..span.end.0], needle);
    }
    root.remove();
}

#[wasm_bindgen_test]
fn selection_across_segments_blocks_and_element_boundaries() {
    let doc = Document::from_plain_text("Head 🚂\n\nOne two three.\n\nFour five.");
    let root = mount_point();
    let two = doc.text().find("two").unwrap();
    render_segments(&root, &doc, &[two, two + 3]);
    // From "two" (its own segment) to "Four" in the next block.
    let range = document().create_range().unwrap();
    range.set_start(&text_node_of(&root, 2), 0).unwrap();
    range.set_end(&text_node_of(&root, 4), 4).unwrap();
    let span = range_span(&root, &range).unwrap();
    assert_eq!(doc.slice(span), "two three.\n\nFour");
    // A whole paragraph selected as element boundaries, as a triple click does.
    let paragraphs = root.query_selector_all("p").unwrap();
    let range = document().create_range().unwrap();
    range.set_start(&paragraphs.item(1).unwrap(), 0).unwrap();
    range.set_end(&paragraphs.item(2).unwrap(), 0).unwrap();
    let span = range_span(&root, &range).unwrap();
    assert_eq!(doc.slice(span), "One two three.");
    // A range that starts before the article clamps to its start.
    let range = document().create_range().unwrap();
    range.set_start(&document().body().unwrap(), 0).unwrap();
    range.set_end(&text_node_of(&root, 0), 4).unwrap();
    assert_eq!(doc.slice(range_span(&root, &range).unwrap()), "Head");
    root.remove();
}

// ---- storage ----

#[wasm_bindgen_test]
fn storage_round_trip_and_missing_key() {
    let store = NotesStore::new("test-roundtrip");
    storage().remove_item(store.key()).unwrap();
    let empty = store.load();
    assert!(empty.annotations.notes.is_empty() && empty.problem.is_none());
    let text = "🚂 Kim left on Monday.";
    let mut note = test_note("n1", text, 5, 9);
    note.tags = vec!["who".into()];
    note.verdict = Some("false".into());
    let saved = store
        .update(|a| {
            a.put(note.clone());
            Ok(())
        })
        .unwrap();
    assert_eq!(saved.notes, vec![note.clone()]);
    assert_eq!(
        NotesStore::new("test-roundtrip").load().annotations.notes,
        vec![note]
    );
    storage().remove_item(store.key()).unwrap();
}

fn test_note(id: &str, text: &str, start: usize, end: usize) -> glossa::model::Note {
    glossa::model::Note::new(
        glossa::model::NoteId(id.into()),
        glossa::anchor::describe(text, ByteSpan::new(ByteOffset(start), ByteOffset(end))),
        "who?".into(),
        glossa::model::Timestamp("t".into()),
    )
}

#[wasm_bindgen_test]
fn two_tabs_adding_notes_keep_each_others_notes() {
    // Two stores on one article stand for two tabs: each read the (empty) notes at start,
    // then each adds a note. Every change is applied to what storage holds, so neither
    // write loses the other's note.
    let tab_a = NotesStore::new("test-two-tabs");
    let tab_b = NotesStore::new("test-two-tabs");
    storage().remove_item(tab_a.key()).unwrap();
    assert!(tab_a.load().annotations.notes.is_empty());
    assert!(tab_b.load().annotations.notes.is_empty());
    let text = "Kim left on Monday evening.";
    tab_a
        .update(|a| {
            a.put(test_note("from-a", text, 0, 3));
            Ok(())
        })
        .unwrap();
    let after_b = tab_b
        .update(|a| {
            a.put(test_note("from-b", text, 12, 18));
            Ok(())
        })
        .unwrap();
    let ids: Vec<_> = after_b.notes.iter().map(|n| n.id.0.as_str()).collect();
    assert_eq!(ids, ["from-a", "from-b"]);
    storage().remove_item(tab_a.key()).unwrap();
}

#[wasm_bindgen_test]
fn a_schema_1_value_is_read_and_kept_aside_once_before_migrating() {
    let key = notes_key("test-migrate");
    let v1 = r#"{"schema":1,"document":"test-migrate","notes":[{"id":"a","body":"old","created":"t","modified":"t","target":{"selector":[{"type":"TextQuoteSelector","exact":"Kim"}]}}]}"#;
    storage().set_item(&key, v1).unwrap();
    let store = NotesStore::new("test-migrate");
    let outcome = store.load();
    assert_eq!(outcome.problem, None);
    assert_eq!(outcome.annotations.notes.len(), 1);
    assert_eq!(outcome.annotations.verdicts.len(), 7);
    let backup = format!("{key}.schema1");
    assert_eq!(storage().get_item(&backup).unwrap().as_deref(), Some(v1));
    store.update(|_| Ok(())).unwrap();
    let written = storage().get_item(&key).unwrap().unwrap();
    assert!(written.starts_with(r#"{"schema":2,"#), "{written}");
    assert_eq!(storage().get_item(&backup).unwrap().as_deref(), Some(v1));
    storage().remove_item(&key).unwrap();
    storage().remove_item(&backup).unwrap();
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_aside_before_anything_overwrites_it() {
    let key = notes_key("test-corrupt");
    let garbage = r#"{"schema":99,"document":"test-corrupt","notes":[{"from":"the future"}]}"#;
    storage().set_item(&key, garbage).unwrap();
    let store = NotesStore::new("test-corrupt");
    let outcome = store.load();
    let problem = outcome.problem.expect("reported");
    assert!(problem.contains("newer Glossa"), "{problem}");
    let aside: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{key}.unreadable.")))
        .collect();
    assert_eq!(aside.len(), 1, "one copy kept aside");
    assert_eq!(
        storage().get_item(&aside[0]).unwrap().as_deref(),
        Some(garbage)
    );
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some(garbage),
        "original untouched by load"
    );
    store.update(|_| Ok(())).unwrap();
    assert_eq!(
        storage().get_item(&aside[0]).unwrap().as_deref(),
        Some(garbage),
        "the copy survives saving"
    );
    let copies = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{key}.unreadable.")))
        .count();
    assert_eq!(copies, 1, "kept aside once, not again by the save");
    storage().remove_item(&key).unwrap();
    storage().remove_item(&aside[0]).unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_is_an_error_value_not_a_panic() {
    let filler = "x".repeat(512 * 1024);
    let mut keys = Vec::new();
    // Fill localStorage (about 5 MB in Chromium) until the browser refuses.
    for i in 0..64 {
        let key = format!("test-filler-{i}");
        if storage().set_item(&key, &filler).is_err() {
            break;
        }
        keys.push(key);
    }
    for size in [64 * 1024, 4 * 1024, 256, 16] {
        for i in 0..64 {
            let key = format!("test-filler-{size}-{i}");
            if storage().set_item(&key, &"y".repeat(size)).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    let store = NotesStore::new("test-quota");
    let text = "A long enough passage to need some bytes of storage.".repeat(20);
    let mut note = test_note("n1", &text, 0, text.len());
    note.body = "z".repeat(2000);
    let result = store.update(|a| {
        a.put(note);
        Ok(())
    });
    for key in &keys {
        storage().remove_item(key).unwrap();
    }
    assert_eq!(result.err(), Some(StorageError::QuotaExceeded));
    assert_eq!(storage().get_item(store.key()).unwrap(), None);
}

// ---- the app, mounted ----

const EMOJI_ARTICLE: &str = "Trains 🚂 of the North\n\n🚂🚂 The armoured train has around 90 carriages, Yonhap says.\n\nKim 金正恩 left on Monday.";

#[wasm_bindgen_test]
async fn a_note_after_an_emoji_lands_on_the_same_words_after_remount() {
    let fingerprint = Document::from_plain_text(EMOJI_ARTICLE).fingerprint();
    storage().remove_item(&notes_key(&fingerprint)).unwrap();
    let root = mount_point();
    let props = AppProps {
        text: Some(EMOJI_ARTICLE.into()),
        ..AppProps::default()
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // Select only once the analysis has drawn its highlights (they re-split the text nodes).
    wait_until("the article is analysed", || {
        root.query_selector("#article[data-analysed=\"true\"]")
            .unwrap()
            .is_some()
    })
    .await;

    // Select "around 90 carriages" in the DOM, as a reader would by dragging: it spans
    // several segments (an entity, the claim's cue), so start and end are in different nodes.
    let point = |word: &str, at_end: bool| {
        let segments = root.query_selector_all("#article p [data-start]").unwrap();
        (0..segments.length())
            .find_map(|i| {
                let node = segments.item(i)?.first_child()?;
                let text = node.text_content()?;
                let at = text.find(word)?;
                let end = if at_end { at + word.len() } else { at };
                Some((node, text[..end].encode_utf16().count() as u32))
            })
            .expect("word in the article")
    };
    let (start_node, start) = point("around", false);
    let (end_node, end) = point("carriages", true);
    let range = document().create_range().unwrap();
    range.set_start(&start_node, start).unwrap();
    range.set_end(&end_node, end).unwrap();
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    let add = || {
        root.query_selector("#toolbar-add-note:not([disabled])")
            .unwrap()
    };
    wait_until("Add note is enabled", || add().is_some()).await;
    add().unwrap().unchecked_into::<HtmlElement>().click();
    wait_until("the editor opens", || {
        root.query_selector("#note-text").unwrap().is_some()
    })
    .await;

    let textarea: HtmlTextAreaElement = root
        .query_selector("#note-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    textarea.set_value("How many carriages really?");
    let input = web_sys::InputEvent::new("input").unwrap();
    textarea.dispatch_event(&input).unwrap();
    yew::scheduler::flush().await;
    root.query_selector(".note-editor button.primary")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("the highlight appears", || {
        root.query_selector("mark.hl").unwrap().is_some()
    })
    .await;
    app.destroy();

    // Mount again, as after a reload: the highlight is on the same words.
    let root2 = mount_point();
    let props = AppProps {
        text: Some(EMOJI_ARTICLE.into()),
        ..AppProps::default()
    };
    let app = yew::Renderer::<App>::with_root_and_props(root2.clone(), props).render();
    wait_until("the note is restored", || {
        root2.query_selector("mark.hl").unwrap().is_some()
    })
    .await;
    let marks = root2.query_selector_all("mark.hl").unwrap();
    let marked: String = (0..marks.length())
        .map(|i| marks.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, "around 90 carriages");
    let body = root2
        .query_selector(".note-body")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(body, "How many carriages really?");
    app.destroy();
    storage().remove_item(&notes_key(&fingerprint)).unwrap();
}

#[wasm_bindgen_test]
async fn article_bodies_round_trip_through_indexeddb_and_a_lost_index_is_rebuilt() {
    use glossa::io::load::{load_text, Format, Source};
    use glossa::library::{ArticleEntry, Library};
    use glossa::model::Timestamp;
    use glossa::web::library_store as store;

    let text = "القطار 🚂\n\nThe armoured train has around 90 carriages, 東京.";
    let article = load_text(text, Format::Text, Some("train.txt")).unwrap();
    let entry = ArticleEntry::new(
        &article,
        Source::File("train.txt".into()),
        Timestamp("2026-11-26T08:00:00Z".into()),
    );
    store::put_body(&entry, text).await.unwrap();
    let body = store::get_body(&entry.id).await.unwrap().expect("stored");
    assert_eq!(body.text, text);
    assert_eq!(body.entry, entry);

    // An index that does not list it (lost, or unreadable and kept aside) gets it back.
    let found = store::recover(&Library::default()).await.unwrap();
    assert!(found.iter().any(|e| e.id == entry.id));
    let mut listed = Library::default();
    listed.add(entry.clone());
    assert!(store::recover(&listed)
        .await
        .unwrap()
        .iter()
        .all(|e| e.id != entry.id));

    store::delete_body(&entry.id).await.unwrap();
    assert_eq!(store::get_body(&entry.id).await.unwrap(), None);
}
