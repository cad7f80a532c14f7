//! One finished check, as the renderers receive it.

use crate::evidence::Evidence;
use crate::finding::Diagnosis;

/// One finished check: what was seen, what it means, how long it took.
#[derive(Debug, Clone)]
pub struct Report {
    pub evidence: Evidence,
    pub diagnosis: Diagnosis,
    pub total_ms: f64,
}
