//! Renderers: turn a [`Report`] into text for people (`human`, `html`) or machines (`json`).

pub mod audit;
pub mod html;
pub mod human;
pub mod json;
pub mod watch;

// The finished check is data (crates/model); the renderers here show it.
pub use conndoctor_model::report::Report;
