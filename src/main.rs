//! The browser entry point: Trunk builds this into the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        // Started by `analysis-worker.js`: this copy analyses long articles for the page.
        return glossa::web::analysis_worker::serve();
    }
    glossa::web::clock::mark("glossa:start");
    glossa::web::bench::install();
    yew::Renderer::<glossa::ui::Shell>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("glossa-app is the browser app: run `make serve` and open http://127.0.0.1:8080");
    std::process::exit(2);
}
