//! `conndoctor audit --watch PORT`: the probe crate's `audit::watch` follows the
//! port's handshakes while a client tries, the rules crate's `watch` gives each
//! client its verdict.

pub use crate::probe::audit::watch::*;
pub use crate::rules::watch::{ports_text, verdicts};

/// Watches until `opts.duration` has passed or a signal came (`ready` is called once
/// the capture runs), then judges each client.
pub fn watch(opts: &WatchOptions, ready: impl FnOnce()) -> Result<WatchReport, WatchError> {
    let w = crate::probe::audit::watch::watch(opts, ready)?;
    let verdicts = verdicts(&w.evidence, &w.before, &w.after);
    Ok(WatchReport {
        evidence: w.evidence,
        verdicts,
    })
}
