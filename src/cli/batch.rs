//! SIGINT and SIGTERM during a batch `check`: the process's signals, so the command
//! line's (the library's batch only watches the channel it is handed).

use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::watch;

/// The stop signal's number once one arrived (0 before): set by the signal thread.
static STOP: OnceLock<watch::Sender<i32>> = OnceLock::new();
/// A batch is running and will stop by itself when told; before that a signal
/// ends the process at once.
static RUNNING: AtomicBool = AtomicBool::new(false);

/// Makes SIGINT and SIGTERM stop a batch cleanly: no new target is started, checks
/// in flight are dropped, every line already printed stays whole, the summary (or the
/// JSON lines so far) is printed and the exit status is 128 + the signal (130, 143).
/// A second signal ends the process at once.
///
/// Must run before any other thread exists: the signals are blocked here and in every
/// thread created later, and one thread waits for them synchronously (tokio's signal
/// driver would need descriptors the batch may be short of, see `cli::serve_signals`).
pub fn catch_stop_signals() -> Option<watch::Receiver<i32>> {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    if set.thread_block().is_err() {
        return None;
    }
    let _ = STOP.set(watch::channel(0).0);
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut seen = false;
            loop {
                let Ok(sig) = set.wait() else { continue };
                let n = sig as i32;
                if seen || !RUNNING.load(Ordering::SeqCst) {
                    let _ = std::io::stdout().flush();
                    std::process::exit(128 + n);
                }
                seen = true;
                if let Some(tx) = STOP.get() {
                    tx.send_replace(n);
                }
            }
        });
    if spawned.is_err() {
        // Nobody would wait for them: let the signals act as before.
        let _ = set.thread_unblock();
        return None;
    }
    STOP.get().map(watch::Sender::subscribe)
}

/// From now on a signal stops the batch cleanly instead of ending the process.
pub fn running() {
    RUNNING.store(true, Ordering::SeqCst);
}

/// The name of a stop signal, for the user.
pub fn signal_name(n: i32) -> &'static str {
    match n {
        libc::SIGINT => "SIGINT",
        libc::SIGTERM => "SIGTERM",
        _ => "signal",
    }
}
