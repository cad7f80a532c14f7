//! Renderers: turn a [`Report`] into text for people (`human`, `html`) or machines (`json`).

pub mod audit;
pub mod html;
pub mod human;
pub mod json;
pub mod watch;

use crate::evidence::Evidence;
use crate::finding::Diagnosis;

/// One finished check: what was seen, what it means, how long it took.
#[derive(Debug, Clone)]
pub struct Report {
    pub evidence: Evidence,
    pub diagnosis: Diagnosis,
    pub total_ms: f64,
}
