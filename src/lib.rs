//! Glossa: an in-browser article annotator.
//!
//! The crate is layered so that everything that can be tested without a browser is:
//!
//! * **Core** (no browser imports, checked by `tests/architecture.rs`):
//!   [`text`] (the document and its offsets, with the unit in every type), [`model`] (notes
//!   and W3C selectors), [`anchor`] (selectors to text and back), [`highlight`] (overlapping
//!   highlights to flat segments), [`state`] (the pure reducer), [`io`] (the storage schema).
//! * **Edge** ([`web`]): storage, selection and time, the only code that talks to the browser
//!   outside the UI.
//! * **UI** ([`ui`]): Yew components that render the state and dispatch actions.
//!
//! Positions are UTF-8 byte offsets inside the core; UTF-16 appears only in `web/`, and code
//! points only in selectors and storage.

pub mod analysis;
pub mod anchor;
pub mod exercise;
pub mod extract;
pub mod highlight;
pub mod io;
pub mod library;
pub mod model;
pub mod outline;
pub mod sample;
pub mod state;
pub mod text;
pub mod ui;
pub mod web;
