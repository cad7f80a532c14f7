//! conndoctor's renderers: findings and evidence become text for people (`human`,
//! `html`, the audit and watch reports) or machines (`json`), in the user's language
//! ([`i18n`], the locales under /locales compiled in).
//!
//! Above the model and the rules (whose message builders it shows), below the library
//! facade; it never gathers (no dependency on the probe crate, tests/layers.rs) and
//! never writes: every renderer returns a `String` or a JSON value for its caller.

#![deny(unsafe_code)]

// The model and the rules, named as every stage names them (`crate::evidence`, ...).
use conndoctor_model::{audit, evidence, finding, target};
use conndoctor_rules as rules;

pub mod i18n;
pub mod report;

pub use report::Report;
