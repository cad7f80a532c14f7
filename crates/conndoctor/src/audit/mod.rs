//! `conndoctor audit`: why this server cannot be reached, seen from the server itself.
//!
//! The same one-way flow as `check`: the probe crate's `audit::gather` collects the
//! [`AuditEvidence`], the rules crate's `audit` turns it into a diagnosis per port
//! (ordered by what blocks first on the packet's way in), `report::audit` renders
//! it. This module joins them and keeps the paths the rest of the crate uses.

pub mod watch;

// The data (crates/model), the gatherers (crates/probe) and the rules (crates/rules).
pub use crate::probe::audit::{AuditOptions, cmd, gather, platform, procs};
pub use crate::rules::audit as rules;
pub use conndoctor_model::audit::*;

/// Runs the audit: gather, then the rules for each port.
pub async fn audit(req: &Request, opts: &AuditOptions) -> AuditReport {
    let start = std::time::Instant::now();
    let evidence = gather(req, opts).await;
    let diagnoses = rules::diagnose_all(&evidence);
    AuditReport {
        evidence,
        diagnoses,
        total_ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}
