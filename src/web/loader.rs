//! Loading articles in the browser: files, dropped files, pasted text and fetched pages go to
//! the loading worker (`src/worker.rs`), which decodes and extracts them off the page's thread.
//! The worker is started on the first load, so the app's start does not pay for it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::io::load::{
    Format, LoadReply, LoadRequest, LoadedArticle, MAX_INPUT_BYTES, WORKER_READY,
};

/// The worker's script, as Trunk names it (workers keep their binary's name).
const WORKER_URL: &str = "./glossa-worker_loader.js";

type Done = Box<dyn FnOnce(Result<LoadedArticle, String>)>;

/// The app's handle on the loading worker.
#[derive(Clone, Default)]
pub struct Loader {
    inner: Rc<Inner>,
}

#[derive(Default)]
struct Inner {
    worker: RefCell<Option<web_sys::Worker>>,
    pending: RefCell<HashMap<u32, Done>>,
    next_id: Cell<u32>,
    /// Whether the worker has said it listens; messages wait in `queue` until then.
    ready: Cell<bool>,
    queue: RefCell<Vec<js_sys::Array>>,
}

impl PartialEq for Loader {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Loader {
    /// Sends a file's bytes or decoded text to the worker; `done` gets the article or a reason.
    pub fn load(
        &self,
        name: &str,
        payload: Payload,
        done: impl FnOnce(Result<LoadedArticle, String>) + 'static,
    ) {
        let worker = match self.worker() {
            Ok(worker) => worker,
            Err(message) => return done(Err(message)),
        };
        let id = self.inner.next_id.get().wrapping_add(1);
        self.inner.next_id.set(id);
        let (format, value, size) = match payload {
            Payload::Bytes(bytes) => (None, JsValue::from(bytes), 0),
            Payload::Text(text, format) => (Some(format), JsValue::from_str(&text), text.len()),
        };
        // A long plain text will be analysed in the analysis worker: it starts while this one
        // reads the text. (A page's or a file's size says little about its article's.)
        if format == Some(Format::Text) {
            crate::web::analysis_worker::warm_up(size);
        }
        let request = LoadRequest {
            id,
            name: name.to_string(),
            format,
        };
        let message = js_sys::Array::of2(
            &JsValue::from_str(&serde_json::to_string(&request).unwrap_or_default()),
            &value,
        );
        self.inner.pending.borrow_mut().insert(id, Box::new(done));
        if !self.inner.ready.get() {
            self.inner.queue.borrow_mut().push(message);
            return;
        }
        if let Err(error) = worker.post_message(&message) {
            fail_all(
                &self.inner,
                &format!("the loader could not be reached ({error:?})"),
            );
        }
    }

    fn worker(&self) -> Result<web_sys::Worker, String> {
        if let Some(worker) = self.inner.worker.borrow().as_ref() {
            return Ok(worker.clone());
        }
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Classic);
        let worker = web_sys::Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("the loader could not start ({e:?})"))?;
        let inner = Rc::downgrade(&self.inner);
        let onmessage =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let Some(inner) = inner.upgrade() else { return };
                let raw = event.data().as_string().unwrap_or_default();
                if raw == WORKER_READY {
                    inner.ready.set(true);
                    let queued: Vec<js_sys::Array> = inner.queue.borrow_mut().drain(..).collect();
                    let worker = inner.worker.borrow().clone();
                    for message in queued {
                        if let Some(worker) = &worker {
                            if worker.post_message(&message).is_err() {
                                fail_all(&inner, "the loader could not be reached");
                            }
                        }
                    }
                    return;
                }
                match serde_json::from_str::<LoadReply>(&raw) {
                    Ok(reply) => {
                        let done = inner.pending.borrow_mut().remove(&reply.id);
                        if let Some(done) = done {
                            done(reply.result);
                        }
                    }
                    Err(error) => fail_all(&inner, &format!("the loader answered oddly ({error})")),
                }
            });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        let inner = Rc::downgrade(&self.inner);
        let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(inner) = inner.upgrade() else { return };
            // A crashed worker is replaced on the next load.
            inner.worker.borrow_mut().take();
            inner.ready.set(false);
            inner.queue.borrow_mut().clear();
            fail_all(
                &inner,
                &format!("the loader stopped ({})", why_worker_failed(&event)),
            );
        });
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        onerror.forget();
        *self.inner.worker.borrow_mut() = Some(worker.clone());
        Ok(worker)
    }
}

/// What a worker's `error` event says: an `ErrorEvent` when the worker threw, a plain `Event`
/// when its script did not load.
pub fn why_worker_failed(event: &web_sys::Event) -> String {
    event
        .dyn_ref::<web_sys::ErrorEvent>()
        .map_or_else(|| "its script did not load".to_string(), |e| e.message())
}

fn fail_all(inner: &Inner, message: &str) {
    let pending: Vec<Done> = inner.pending.borrow_mut().drain().map(|(_, d)| d).collect();
    for done in pending {
        done(Err(message.to_string()));
    }
}

/// What is sent to the worker.
pub enum Payload {
    Bytes(js_sys::Uint8Array),
    Text(String, Format),
}

/// A file's bytes, refusing files larger than Glossa reads before reading them.
pub async fn read_file(file: &web_sys::File) -> Result<js_sys::Uint8Array, String> {
    let size = file.size();
    if size > MAX_INPUT_BYTES as f64 {
        return Err(format!(
            "it is too large ({:.1} MB; Glossa reads files up to {} MB)",
            size / 1024.0 / 1024.0,
            MAX_INPUT_BYTES / 1024 / 1024
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the browser could not read it ({e:?})"))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// Fetches a page from the browser. Most news sites refuse (CORS); the message says what works.
pub async fn fetch_page(url: &str) -> Result<String, String> {
    let url = with_scheme(url);
    let url = url.as_str();
    let refused = "the site did not let Glossa read it from your browser (most news sites \
        refuse), or the network is down. Save the page in your browser (Ctrl+S or ⌘S) and drop \
        the saved file here, or copy the article's text and paste it";
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| refused.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| refused.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the site answered {} {}; check the address, or save the page and drop the file here",
            response.status(),
            response.status_text()
        ));
    }
    let kind = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let readable = ["text/", "html", "xml", "json"];
    if !kind.is_empty() && !readable.iter().any(|r| kind.contains(r)) {
        return Err(format!(
            "the address gives {kind}, not a web page; Glossa reads web pages and text"
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| refused.to_string())?)
        .await
        .map_err(|_| refused.to_string())?;
    Ok(text.as_string().unwrap_or_default())
}

/// An address as typed, with `https://` added when it has no scheme ("bbc.co.uk/news").
pub fn with_scheme(url: &str) -> String {
    let url = url.trim();
    if url.contains("://") {
        url.to_string()
    } else {
        format!("https://{url}")
    }
}
