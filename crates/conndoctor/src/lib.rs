//! conndoctor: tells why a client cannot connect to a server, and what to change.
//!
//! The flow is one-way: [`target`] → [`probe`] → [`evidence`] → [`rules`] →
//! [`finding`] → [`report`]. Probes gather facts without judging them; rules are pure
//! functions over those facts; renderers turn findings into text via [`i18n`].
//!
//! This crate is the facade over those stages (crates/model, probe, rules, render):
//! it runs a check, a batch, an audit, an explanation, the exporter, a reference
//! server or the demo, and returns reports and an [`Outcome`]. It never parses a
//! command line, prints to the terminal or ends the process; the `conndoctor` binary
//! (the repository's root package) does, and alone (tests/layers.rs).

#![deny(unsafe_code)]

// The model layer lives in its own crate (crates/model); re-exported so that every
// stage names it the same way (`crate::evidence`, `conndoctor::target`).
pub use conndoctor_model::{cause, evidence, finding, net, target};
pub use conndoctor_probe as probe;
pub use conndoctor_rules as rules;
// The renderers and the i18n layer (crates/render).
pub use conndoctor_render::{i18n, report};

pub mod audit;
pub mod batch;
pub mod demo;
pub mod explain;
pub mod exporter;
#[doc(hidden)]
pub mod fuzzing;
mod outcome;
pub mod serve;

use std::time::Instant;

pub use outcome::Outcome;
pub use probe::CheckOptions;
pub use report::Report;
pub use target::Target;

/// Runs a full check of `target`: probes, rules, timings.
pub async fn check(target: &Target, opts: &CheckOptions) -> Report {
    let start = Instant::now();
    let evidence = probe::gather(target, opts).await;
    let diagnosis = rules::diagnose(&evidence);
    Report {
        evidence,
        diagnosis,
        total_ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Parses a duration option: `3s`, `500ms`, `1.5` (seconds), `2m`; more than zero and
/// at most an hour.
pub fn parse_duration(s: &str) -> Option<std::time::Duration> {
    use std::time::Duration;
    let s = s.trim();
    if let Ok(secs) = s.parse::<f64>() {
        return (secs.is_finite() && secs > 0.0 && secs <= 3600.0)
            .then(|| Duration::from_secs_f64(secs));
    }
    humantime::parse_duration(s)
        .ok()
        .filter(|d| !d.is_zero() && *d <= Duration::from_secs(3600))
}
