//! The browser edge: the only code outside `ui/` that talks to the browser.
//!
//! * [`storage`]: notes in localStorage, with unreadable data kept aside and a full quota
//!   reported as an error value.
//! * [`selection`]: the DOM selection (UTF-16 offsets in text nodes) to byte spans of the
//!   document, and back.
//! * [`clock`]: time stamps and fresh ids, which the core takes as arguments.
//! * [`profile`]: the reader's display name, kept for every article.
//! * [`download`]: files the app makes (exports), offered as downloads.
//! * [`exercise_store`]: the classroom exercise on an article (teacher's or student's).
//! * [`analysis_worker`]: long articles analysed off the page's thread, by the app's own module.

pub mod analysis_worker;
pub mod bench;
pub mod clock;
pub mod download;
pub mod exercise_store;
pub mod library_store;
pub mod loader;
pub mod profile;
pub mod selection;
pub mod storage;
