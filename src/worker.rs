//! The loading worker: decodes files and extracts articles from web pages off the page's
//! thread, so that a large page never freezes the app. Trunk builds it as a `no-modules` web
//! worker; the app starts it on the first load (see `web::loader`).
//!
//! Messages in: `[request JSON, payload]`, the payload a `Uint8Array` (a file's bytes) or a
//! string (pasted or fetched text). Messages out: first [`glossa::io::load::WORKER_READY`], then
//! a [`glossa::io::load::LoadReply`] as JSON for each request.

#[cfg(target_arch = "wasm32")]
fn main() {
    use glossa::io::load::{run_request, LoadReply, LoadRequest};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let onmessage =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let message = js_sys::Array::from(&event.data());
            let request: Result<LoadRequest, _> =
                serde_json::from_str(&message.get(0).as_string().unwrap_or_default());
            let reply = match request {
                Ok(request) => {
                    let payload = message.get(1);
                    let text = payload.as_string();
                    let bytes = payload
                        .dyn_ref::<js_sys::Uint8Array>()
                        .map(js_sys::Uint8Array::to_vec);
                    run_request(&request, bytes.as_deref(), text.as_deref())
                }
                Err(error) => LoadReply {
                    id: 0,
                    result: Err(format!("the loader got a malformed request ({error})")),
                },
            };
            let json = serde_json::to_string(&reply).unwrap_or_default();
            let _ = reply_scope.post_message(&JsValue::from_str(&json));
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Messages sent before this point were dropped: the app waits for this one before sending.
    let _ = scope.post_message(&JsValue::from_str(glossa::io::load::WORKER_READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("glossa-worker is the browser app's loading worker; the command line is `glossa`");
    std::process::exit(2);
}
