//! Analysis of long articles off the page's thread, so the page stays responsive while a long
//! article is analysed.
//!
//! The worker runs the app's own wasm module (already in the browser's cache, so it costs no
//! download and adds nothing to the app's size): `analysis-worker.js` imports the app's script
//! and starts it; the start function sees no window and calls [`serve`] instead of drawing the
//! app. Analyses travel packed ([`crate::analysis::wire`]): a `Uint32Array` and one string.
//!
//! Short texts are analysed on the page's thread, where they take a few milliseconds and the
//! worker's start would only delay them. When the worker cannot start or answers oddly, the
//! text is analysed on the page's thread instead: the reader always gets the analysis.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::{analyze, wire, Analysis};
use crate::web::clock::now_ms;
use crate::web::loader::why_worker_failed;

/// Texts at least this long (UTF-8 bytes) go to the worker: about 12 ms of analysis in the
/// page on a desktop, and nearer the 50 ms of a long task on a slow phone. Shorter ones are
/// done sooner here than the worker could start.
pub const OFF_THREAD_BYTES: usize = 200_000;

/// The worker's script (copied next to index.html by Trunk).
const WORKER_URL: &str = "./analysis-worker.js";
/// How long the worker may take to start before long texts are analysed on the page.
const START_LIMIT_MS: u32 = 15_000;
/// The worker's first message, once it listens.
const READY: &str = "glossa-analysis-ready";

type Done = Box<dyn FnOnce(Analysis)>;

/// Analyses `text` and gives the result to `done`: in the worker when the text is long, else at
/// once. Dropping the returned handle before the answer comes drops `done` unrun.
pub fn analyze_then(text: &str, done: impl FnOnce(Analysis) + 'static) -> Pending {
    let pending = Pending {
        cancelled: Rc::new(Cell::new(false)),
    };
    if text.len() < OFF_THREAD_BYTES {
        done(analyze(text));
        return pending;
    }
    let job = Job {
        text: text.to_string(),
        done: Box::new(done),
        cancelled: pending.cancelled.clone(),
        sent_at: now_ms(),
    };
    match client() {
        Some(client) => client.send(job),
        None => job.run_here("the analysis worker cannot start here"),
    }
    pending
}

/// Starts the worker ahead of a text of about `bytes` that will be analysed soon, when it is
/// long enough to go there.
pub fn warm_up(bytes: usize) {
    if bytes >= OFF_THREAD_BYTES {
        let _ = client();
    }
}

/// [`analyze_then`] as a future, for code that already waits (storing an article).
pub async fn analysis_of(text: &str) -> Analysis {
    let slot = Rc::new(RefCell::new(None));
    let mut pending = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let slot = slot.clone();
        pending = Some(analyze_then(text, move |analysis| {
            *slot.borrow_mut() = Some(analysis);
            let _ = resolve.call0(&JsValue::NULL);
        }));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(pending);
    let answer = slot.borrow_mut().take();
    answer.unwrap_or_else(|| analyze(text))
}

/// A request in flight; dropping it cancels the answer.
pub struct Pending {
    cancelled: Rc<Cell<bool>>,
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.cancelled.set(true);
    }
}

struct Job {
    text: String,
    done: Done,
    cancelled: Rc<Cell<bool>>,
    sent_at: f64,
}

impl Job {
    /// The fallback: the analysis on the page's thread, with the reason in the console.
    fn run_here(self, reason: &str) {
        if self.cancelled.get() {
            return;
        }
        web_sys::console::warn_1(&format!("Glossa: {reason}; analysing on the page").into());
        (self.done)(analyze(&self.text));
    }

    fn finish(self, numbers: &[u32], strings: &str) {
        if self.cancelled.get() {
            return;
        }
        match wire::unpack(numbers, strings, &self.text) {
            Ok(analysis) => {
                let message = format!(
                    "Glossa: analysed {} bytes in the analysis worker, {:.1} ms from sending",
                    self.text.len(),
                    now_ms() - self.sent_at
                );
                web_sys::console::info_1(&message.into());
                (self.done)(analysis);
            }
            Err(error) => self.run_here(&format!(
                "the analysis worker's answer was refused: {error}"
            )),
        }
    }
}

/// The page's handle on the worker: one for the page's life, started on the first long text.
struct Client {
    worker: web_sys::Worker,
    ready: Cell<bool>,
    /// Messages waiting for the worker to listen.
    queue: RefCell<Vec<js_sys::Array>>,
    /// Jobs sent and not answered, by id (rarely more than one).
    pending: RefCell<Vec<(u32, Job)>>,
    next_id: Cell<u32>,
}

thread_local! {
    /// `None` inside: not started yet. `Some(None)`: it could not start; texts stay here.
    static CLIENT: RefCell<Option<Option<Rc<Client>>>> = const { RefCell::new(None) };
}

fn client() -> Option<Rc<Client>> {
    CLIENT.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                Client::start()
                    .map_err(|reason| {
                        web_sys::console::warn_1(&format!("Glossa: {reason}").into());
                    })
                    .ok()
            })
            .clone()
    })
}

/// After a failure, long texts are analysed on the page's thread for the rest of the visit.
fn give_up(reason: &str) {
    let client = CLIENT.with(|slot| slot.borrow_mut().replace(None).flatten());
    if let Some(client) = client {
        client.worker.terminate();
        client.queue.borrow_mut().clear();
        let jobs: Vec<Job> = client
            .pending
            .borrow_mut()
            .drain(..)
            .map(|(_, j)| j)
            .collect();
        for job in jobs {
            job.run_here(reason);
        }
    }
}

impl Client {
    fn start() -> Result<Rc<Client>, String> {
        let (script, wasm) = app_urls().ok_or("the app's own script is not named in the page")?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("the analysis worker could not start ({e:?})"))?;
        let client = Rc::new(Client {
            worker: worker.clone(),
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
            pending: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        });
        let weak = Rc::downgrade(&client);
        let onmessage =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if let Some(client) = weak.upgrade() {
                    client.receive(event.data());
                }
            });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            give_up(&format!(
                "the analysis worker stopped ({})",
                why_worker_failed(&event)
            ));
        });
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        onerror.forget();
        worker
            .post_message(&js_sys::Array::of2(&script.into(), &wasm.into()))
            .map_err(|e| format!("the analysis worker could not be reached ({e:?})"))?;
        // A worker that never says it is ready (its module did not load) is given up.
        let weak = Rc::downgrade(&client);
        gloo::timers::callback::Timeout::new(START_LIMIT_MS, move || {
            if weak.upgrade().is_some_and(|client| !client.ready.get()) {
                give_up("the analysis worker did not start in time");
            }
        })
        .forget();
        Ok(client)
    }

    fn send(&self, job: Job) {
        let id = self.next_id.get().wrapping_add(1);
        self.next_id.set(id);
        let message = js_sys::Array::of2(&id.into(), &JsValue::from_str(&job.text));
        self.pending.borrow_mut().push((id, job));
        if self.ready.get() {
            self.post(&message);
        } else {
            self.queue.borrow_mut().push(message);
        }
    }

    fn post(&self, message: &js_sys::Array) {
        if let Err(error) = self.worker.post_message(message) {
            give_up(&format!(
                "the analysis worker could not be reached ({error:?})"
            ));
        }
    }

    fn receive(&self, data: JsValue) {
        if data.as_string().as_deref() == Some(READY) {
            self.ready.set(true);
            let queued: Vec<js_sys::Array> = self.queue.borrow_mut().drain(..).collect();
            for message in &queued {
                self.post(message);
            }
            return;
        }
        let message = js_sys::Array::from(&data);
        let first = message.get(0);
        if let Some(reason) = first.as_string() {
            // ["failed", why]: the app's module could not start in the worker.
            let why = message.get(1).as_string().unwrap_or(reason);
            return give_up(&format!("the analysis worker could not start ({why})"));
        }
        let id = first.as_f64().map_or(0, |n| n as u32);
        let job = {
            let mut pending = self.pending.borrow_mut();
            let at = pending.iter().position(|(sent, _)| *sent == id);
            at.map(|at| pending.remove(at).1)
        };
        let Some(job) = job else { return };
        let numbers = message
            .get(1)
            .dyn_into::<js_sys::Uint32Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let strings = message.get(2).as_string().unwrap_or_default();
        job.finish(&numbers, &strings);
    }
}

/// The addresses of the app's script and wasm, as Trunk wrote them into the page.
fn app_urls() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let base = document.url().ok()?;
    let href = |selector: &str| -> Option<String> {
        let href = document
            .query_selector(selector)
            .ok()??
            .get_attribute("href")?;
        Some(web_sys::Url::new_with_base(&href, &base).ok()?.href())
    };
    Some((
        href("link[rel=modulepreload][href*='glossa-app']")?,
        href("link[rel=preload][href$='.wasm'][href*='glossa-app']")?,
    ))
}

/// Inside the worker: answers each `[id, text]` with `[id, numbers, strings]`, the packed
/// analysis of the text. Called by the app's start function when there is no window.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let message = js_sys::Array::from(&event.data());
            let id = message.get(0);
            let text = message.get(1).as_string().unwrap_or_default();
            let packed = wire::pack(&text, &analyze(&text));
            let numbers = js_sys::Uint32Array::from(&packed.numbers[..]);
            let answer = js_sys::Array::of3(&id, &numbers, &JsValue::from_str(&packed.strings));
            let _ =
                reply.post_message_with_transfer(&answer, &js_sys::Array::of1(&numbers.buffer()));
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Builds the lexicon index and runs the analysis once before the first text comes, which
    // is often still being read by the loading worker.
    let _ = analyze(crate::sample::SAMPLE_ARTICLE);
    let _ = scope.post_message(&JsValue::from_str(READY));
}
