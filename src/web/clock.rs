//! Time stamps and ids, made here so the core stays deterministic.

use crate::model::{NoteId, Timestamp};

/// Now, as an ISO 8601 UTC time stamp.
pub fn now() -> Timestamp {
    Timestamp(String::from(js_sys::Date::new_0().to_iso_string()))
}

/// A new note id: the time in milliseconds and a random part, in base 36.
pub fn new_note_id() -> NoteId {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    NoteId(format!("n-{}-{}", base36(millis), base36(random)))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Work to run once the browser has painted the next frame; dropping it cancels the work.
pub struct AfterPaint {
    _frame: gloo::render::AnimationFrame,
    timeout: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.timeout.borrow_mut().take();
    }
}

/// Runs `work` just after the next frame is painted, so that what was drawn is seen before
/// slow work starts: an animation frame callback runs before the paint, and a timeout set
/// from it runs after.
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let timeout = std::rc::Rc::new(std::cell::RefCell::new(None));
    let slot = timeout.clone();
    let frame = gloo::render::request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, work));
    });
    AfterPaint {
        _frame: frame,
        timeout,
    }
}

/// Milliseconds from the page's time origin (0 where there is no `performance`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Marks a moment on the page's performance timeline (read by the browser benchmarks).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
