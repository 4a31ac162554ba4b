//! Yew components. They render [`crate::state::AppState`] and turn user events into
//! [`crate::state::Action`]s through the [`annotator`] context; none of them holds data of its
//! own beyond transient view state (a hover, a confirmation).

pub mod annotator;
pub mod app;
pub mod article_block;
pub mod article_view;
pub mod author_line;
pub mod claim_card;
pub mod class_view;
pub mod entity_card;
pub mod entity_item;
pub mod evidence_form;
pub mod exchange;
pub mod exercise_dialog;
pub mod exercise_panel;
pub mod keyboard;
pub mod legend;
pub mod library_view;
pub mod note_card;
pub mod note_editor;
pub mod notices;
pub mod selection_button;
pub mod shell;
pub mod side_panel;
pub mod toolbar;
pub mod verdict_select;
pub mod vocabulary;

pub use app::App;
pub use shell::Shell;
