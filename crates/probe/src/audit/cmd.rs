//! Runs the external tools audit reads from (`nft`, `iptables-save`...) with a deadline
//! and a cap on what it keeps of their output, so a hung or flooding tool cannot hold
//! the report up or fill memory.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// What a command printed and how it ended.
#[derive(Debug, Clone)]
pub struct Output {
    /// Exit status; `None` when killed (deadline or output cap).
    pub status: Option<i32>,
    pub stdout: String,
    /// The start of stderr, for the notes.
    pub stderr: String,
    pub timed_out: bool,
    /// Stdout exceeded the cap; what was kept is incomplete.
    pub truncated: bool,
}

impl Output {
    pub fn ok(&self) -> bool {
        self.status == Some(0) && !self.truncated && !self.timed_out
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: not installed")]
    NotFound(String),
    #[error("{0}: {1}")]
    Spawn(String, std::io::Error),
}

/// Finds `name` on PATH, then in the sbin directories a non-root PATH often lacks.
pub fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

const STDERR_CAP: usize = 4096;

/// Runs `program args...` with no stdin, in the C locale, for at most `timeout`,
/// keeping at most `cap` bytes of stdout.
pub fn run(program: &Path, args: &[&str], timeout: Duration, cap: usize) -> Result<Output, Error> {
    let name = program.display().to_string();
    let mut child = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::NotFound(name.clone())
            } else {
                Error::Spawn(name.clone(), e)
            }
        })?;
    let overflow = Arc::new(AtomicBool::new(false));
    let out = Arc::new(Mutex::new((Vec::new(), false)));
    let err = Arc::new(Mutex::new((Vec::new(), false)));
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let mut readers = 0;
    if let Some(s) = child.stdout.take() {
        let (flag, buf, tx) = (Arc::clone(&overflow), Arc::clone(&out), done_tx.clone());
        readers += 1;
        std::thread::spawn(move || {
            read_capped(s, cap, Some(&flag), &buf);
            let _ = tx.send(());
        });
    }
    if let Some(s) = child.stderr.take() {
        let (buf, tx) = (Arc::clone(&err), done_tx.clone());
        readers += 1;
        std::thread::spawn(move || {
            read_capped(s, STDERR_CAP, None, &buf);
            let _ = tx.send(());
        });
    }
    drop(done_tx);
    let deadline = Instant::now() + timeout;
    let (status, timed_out) = wait(&mut child, deadline, &overflow);
    // A grandchild may still hold the pipes open: give the readers a moment, then take
    // what they have rather than wait for it.
    let grace = Instant::now() + Duration::from_millis(200);
    for _ in 0..readers {
        if done_rx
            .recv_timeout(grace.saturating_duration_since(Instant::now()))
            .is_err()
        {
            break;
        }
    }
    let take = |m: &Mutex<(Vec<u8>, bool)>| {
        m.lock()
            .map(|mut g| (std::mem::take(&mut g.0), g.1))
            .unwrap_or_default()
    };
    let (stdout, truncated) = take(&out);
    let (stderr, _) = take(&err);
    Ok(Output {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).trim().to_string(),
        timed_out,
        truncated,
    })
}

/// Waits for the child until `deadline`, killing it then or as soon as its output
/// overflows the cap.
fn wait(child: &mut Child, deadline: Instant, overflow: &AtomicBool) -> (Option<i32>, bool) {
    loop {
        match child.try_wait() {
            Ok(Some(st)) => return (st.code(), false),
            Ok(None) => {}
            Err(_) => break,
        }
        if overflow.load(Ordering::Relaxed) {
            let _ = child.kill();
            let _ = child.wait();
            return (None, false);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return (None, true);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, false)
}

/// Reads up to `cap` bytes into `buf`; past the cap it raises `overflow` (so the caller
/// kills the child) or, for stderr, keeps draining so the child never blocks on a full
/// pipe.
fn read_capped(
    mut r: impl Read,
    cap: usize,
    overflow: Option<&AtomicBool>,
    buf: &Mutex<(Vec<u8>, bool)>,
) {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match r.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let Ok(mut g) = buf.lock() else { break };
                let room = cap.saturating_sub(g.0.len());
                g.0.extend_from_slice(&chunk[..n.min(room)]);
                if n > room {
                    g.1 = true;
                    if let Some(f) = overflow {
                        f.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_cap_and_deadline() {
        let Some(sh) = find("sh") else { return };
        let o = run(
            &sh,
            &["-c", "echo hello; echo oops >&2"],
            Duration::from_secs(5),
            1024,
        )
        .expect("run sh");
        assert!(o.ok());
        assert_eq!(o.stdout, "hello\n");
        assert_eq!(o.stderr, "oops");
        let o = run(&sh, &["-c", "yes"], Duration::from_secs(5), 1000).expect("run yes");
        assert!(o.truncated && !o.ok());
        assert_eq!(o.stdout.len(), 1000);
        let start = Instant::now();
        let o = run(&sh, &["-c", "sleep 5"], Duration::from_millis(100), 10).expect("run sleep");
        assert!(o.timed_out && start.elapsed() < Duration::from_secs(3));
        assert!(matches!(
            run(
                Path::new("/nonexistent/tool"),
                &[],
                Duration::from_secs(1),
                10
            ),
            Err(Error::NotFound(_))
        ));
    }
}
