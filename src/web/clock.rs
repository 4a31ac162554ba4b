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
