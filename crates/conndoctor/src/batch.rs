//! Batch `check`: many targets, bounded concurrency, JSON Lines or a progress bar and a
//! summary table. The client's own limits (file descriptors, local ports) are managed
//! here so that they are never blamed on a target.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

use crate::Report;
use crate::finding::Symptom;
use crate::i18n::Localizer;
use crate::probe::{CheckOptions, Shared};
use crate::report::json;
use crate::target::{self, Target};

/// Descriptors one check may hold at once: its connects, side probes shared per host,
/// the protocol layer's fresh connections, DNS sockets. Generous on purpose.
const FDS_PER_CHECK: u64 = 4;
/// Kept free for the runtime, stdout, sock_diag and /proc reads.
const FD_RESERVE: u64 = 64;
/// A target that ran out of descriptors is tried again this many times.
const FD_RETRIES: u32 = 3;
/// Batches at least this long get worker threads.
const PARALLEL_FROM: usize = 256;

/// Buffered JSON lines reach stdout at least this often, so a pipe sees results as
/// they finish without a write per line.
const FLUSH_EVERY: Duration = Duration::from_millis(100);

/// A batch's view of the stop signal.
#[derive(Clone)]
struct Stop(Option<watch::Receiver<i32>>);

impl Stop {
    fn new(rx: Option<watch::Receiver<i32>>) -> Stop {
        Stop(rx)
    }

    /// The signal, once one arrived.
    fn signal(&self) -> Option<i32> {
        self.0.as_ref().map(|r| *r.borrow()).filter(|n| *n != 0)
    }

    /// Resolves when a signal arrives (never, without [`BatchOptions::stop`]).
    async fn wait(&mut self) {
        match &mut self.0 {
            Some(r) => {
                if r.wait_for(|n| *n != 0).await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
            None => std::future::pending::<()>().await,
        }
    }
}

/// Reads a target list: one per line, `#` comments and blank lines ignored.
pub fn read_list(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            (
                i + 1,
                l.split('#').next().unwrap_or_default().trim().to_string(),
            )
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force.
pub fn raise_fd_limit() -> u64 {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    match getrlimit(Resource::RLIMIT_NOFILE) {
        Ok((soft, hard)) => {
            if soft < hard && setrlimit(Resource::RLIMIT_NOFILE, hard, hard).is_ok() {
                hard
            } else {
                soft
            }
        }
        Err(_) => 1024,
    }
}

/// The concurrency the descriptor limit allows.
pub fn fit_concurrency(requested: usize, fd_limit: u64) -> usize {
    let room = fd_limit.saturating_sub(FD_RESERVE) / FDS_PER_CHECK;
    requested
        .min(usize::try_from(room).unwrap_or(usize::MAX))
        .max(1)
}

/// Totals for the summary table.
#[derive(Default)]
pub struct Summary {
    pub total: usize,
    pub by_symptom: BTreeMap<&'static str, usize>,
    pub by_cause: BTreeMap<&'static str, usize>,
    /// The slowest targets (input, ms), longest first, at most 5.
    pub slowest: Vec<(String, f64)>,
    /// Every report with its place in the list, when [`BatchOptions::keep`] asks for
    /// them (the HTML report); in order of completion.
    pub reports: Vec<(usize, Report)>,
    /// The batch was stopped by this signal before every target was checked.
    pub interrupted: Option<i32>,
}

impl Summary {
    fn add(&mut self, r: &Report) {
        self.total += 1;
        *self.by_symptom.entry(r.diagnosis.symptom.id()).or_default() += 1;
        if let Some(c) = r.diagnosis.causes.first() {
            *self.by_cause.entry(c.id).or_default() += 1;
        }
        // Only a target that makes the list costs a copy of its name.
        if self.slowest.len() < 5 || self.slowest.iter().any(|s| s.1 < r.total_ms) {
            self.slowest
                .push((r.evidence.target.input.clone(), r.total_ms));
            self.sort_slowest();
        }
    }

    fn sort_slowest(&mut self) {
        self.slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.slowest.truncate(5);
    }

    /// Adds the totals of another part of the batch.
    fn merge(&mut self, other: Summary) {
        self.total += other.total;
        for (k, v) in other.by_symptom {
            *self.by_symptom.entry(k).or_default() += v;
        }
        for (k, v) in other.by_cause {
            *self.by_cause.entry(k).or_default() += v;
        }
        self.slowest.extend(other.slowest);
        self.sort_slowest();
        self.reports.extend(other.reports);
    }

    pub fn failures(&self) -> usize {
        self.total - self.by_symptom.get("ok").copied().unwrap_or(0)
    }
}

pub struct BatchOptions {
    pub check: CheckOptions,
    pub concurrency: usize,
    pub json: bool,
    /// Where to draw a progress bar, if anywhere (the command line: stderr, when it
    /// is a terminal and the output is not JSON).
    pub progress: Option<indicatif::ProgressDrawTarget>,
    /// Keep every report in the summary (for the HTML report).
    pub keep: bool,
    /// Print no result lines and no summary (the HTML report goes to stdout instead).
    pub quiet: bool,
    /// Where result lines (text or JSON Lines) and the summary are written.
    pub out: Out,
    /// `out` is the terminal the progress bar is drawn on too: the bar steps aside
    /// for each line.
    pub out_is_terminal: bool,
    /// The stop signal's number once one arrived (0 before): a batch stops cleanly
    /// when it changes. `None`: nothing stops it.
    pub stop: Option<watch::Receiver<i32>>,
}

/// A batch's output: the caller's (the command line passes standard output).
pub type Out = Box<dyn Write + Send>;

fn is_fd_exhausted(r: &Report) -> bool {
    r.diagnosis.symptom == Symptom::Local
        && r.diagnosis
            .causes
            .iter()
            .any(|c| c.id == "local.fd-exhausted")
}

async fn check_one(t: Target, opts: &CheckOptions) -> Report {
    let mut r = crate::check(&t, opts).await;
    for attempt in 0..FD_RETRIES {
        if !is_fd_exhausted(&r) {
            break;
        }
        // Other checks will release descriptors soon; this target is not at fault.
        tokio::time::sleep(Duration::from_millis(20 << attempt)).await;
        r = crate::check(&t, opts).await;
    }
    r
}

/// Runs every target; prints each result as it finishes, then the summary.
pub async fn run(targets: Vec<Target>, mut o: BatchOptions, l: &Localizer) -> Summary {
    let shared = Arc::new(Shared::default());
    let check = CheckOptions {
        shared: Some(shared),
        ..o.check.clone()
    };
    // A big batch runs its checks on one worker per core: a sweep of closed ports is
    // mostly kernel work per connect, and one core alone cannot keep up with a
    // connect scanner. Small batches stay on this thread.
    let workers = (targets.len() >= PARALLEL_FROM)
        .then(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .filter(|n| *n > 1)
        .and_then(|n| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(n)
                .enable_all()
                .build()
                .ok()
        });
    let spawner = workers
        .as_ref()
        .map_or_else(tokio::runtime::Handle::current, |rt| rt.handle().clone());
    let start = Instant::now();
    let stop = Stop::new(o.stop.clone());
    let mut summary = if o.json && !o.quiet {
        let out = std::mem::replace(&mut o.out, Box::new(std::io::sink()));
        run_json(targets, check, o.concurrency, o.keep, &spawner, &stop, out).await
    } else {
        let s = run_lines(targets, check, &mut o, &spawner, l, &stop).await;
        if !o.json && !o.quiet {
            print_summary(&mut o.out, &s, start.elapsed(), l);
        }
        s
    };
    summary.interrupted = stop.signal();
    // Side probes may still be waiting on silent ports; they are not needed any more.
    if let Some(rt) = workers {
        rt.shutdown_background();
    }
    summary
}

/// JSON Lines: `concurrency` loops each take the next target, check it and write its
/// line themselves (serialising in parallel into a per-thread buffer), keeping their
/// own totals. No task, no wake-up of this thread and no copy per target.
async fn run_json(
    targets: Vec<Target>,
    check: CheckOptions,
    concurrency: usize,
    keep: bool,
    spawner: &tokio::runtime::Handle,
    stop: &Stop,
    out: Out,
) -> Summary {
    // Lines enter the buffer whole, so whatever is flushed, when, is whole lines.
    let raw = Arc::new(std::sync::Mutex::new(std::io::BufWriter::with_capacity(
        64 * 1024,
        out,
    )));
    let flusher = {
        let raw = raw.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(FLUSH_EVERY);
            loop {
                tick.tick().await;
                if let Ok(mut w) = raw.lock() {
                    let _ = w.flush();
                }
            }
        })
    };
    let loops = concurrency.min(targets.len()).max(1);
    let queue = Arc::new(std::sync::Mutex::new(targets.into_iter().enumerate()));
    let mut set = JoinSet::new();
    for _ in 0..loops {
        let (queue, raw, opts) = (queue.clone(), raw.clone(), check.clone());
        let mut stop = stop.clone();
        set.spawn_on(
            async move {
                let mut totals = Summary::default();
                while stop.signal().is_none() {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some((i, t)) = next else { break };
                    // A stop drops the check in flight: its line is never started.
                    let report = tokio::select! {
                        biased;
                        _ = stop.wait() => break,
                        r = check_one(t, &opts) => r,
                    };
                    write_json(&raw, &report);
                    totals.add(&report);
                    if keep {
                        totals.reports.push((i, report));
                    }
                }
                totals
            },
            spawner,
        );
    }
    let mut summary = Summary::default();
    while let Some(res) = set.join_next().await {
        if let Ok(part) = res {
            summary.merge(part);
        }
    }
    flusher.abort();
    if let Ok(mut w) = raw.lock() {
        let _ = w.flush();
    }
    summary
}

/// Human lines (and a progress bar): results come back here to be printed in order
/// of completion.
async fn run_lines(
    targets: Vec<Target>,
    check: CheckOptions,
    o: &mut BatchOptions,
    spawner: &tokio::runtime::Handle,
    l: &Localizer,
    stop: &Stop,
) -> Summary {
    let mut stop = stop.clone();
    let slots = Arc::new(Semaphore::new(o.concurrency));
    let bar = o.progress.take().map(|target| {
        let b = indicatif::ProgressBar::with_draw_target(Some(targets.len() as u64), target);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut summary = Summary::default();
    let mut set = JoinSet::new();
    let mut out = std::io::BufWriter::new(&mut o.out);
    let stdout_tty = o.out_is_terminal;
    let mut pending = targets.into_iter().enumerate();
    loop {
        // Keep the set filled up to the concurrency; results stream out as they finish.
        while set.len() < o.concurrency && stop.signal().is_none() {
            let Some((i, t)) = pending.next() else { break };
            let Ok(permit) = slots.clone().acquire_owned().await else {
                break;
            };
            let opts = check.clone();
            set.spawn_on(
                async move {
                    let _permit = permit;
                    (i, check_one(t, &opts).await)
                },
                spawner,
            );
        }
        // A stop leaves the loop; dropping the set cancels the checks in flight.
        let next = tokio::select! {
            biased;
            _ = stop.wait() => None,
            r = set.join_next() => r,
        };
        let Some(res) = next else {
            break;
        };
        let Ok((i, report)) = res else { continue };
        summary.add(&report);
        let line = line(&report, l);
        if o.keep {
            summary.reports.push((i, report));
        }
        // Results always go to stdout; the bar lives on stderr. When both are the
        // same terminal, the bar steps aside while the line is written.
        match &bar {
            _ if o.quiet => {}
            Some(b) if stdout_tty => b.suspend(|| {
                let _ = writeln!(out, "{line}");
                let _ = out.flush();
            }),
            _ => {
                let _ = writeln!(out, "{line}");
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
            let counts: Vec<String> = summary
                .by_symptom
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            b.set_message(counts.join(" · "));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let _ = out.flush();
    summary
}

thread_local! {
    /// One serialisation buffer per thread, reused for every line.
    static LINE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Appends the report's JSON line to the shared output.
fn write_json(raw: &std::sync::Mutex<std::io::BufWriter<Out>>, r: &Report) {
    let _ = LINE.try_with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        if json::write_line(&mut *b, r, None).is_ok()
            && let Ok(mut w) = raw.lock()
        {
            let _ = w.write_all(&b);
        }
    });
}

/// One line per finished target: mark, target, symptom, first cause.
fn line(r: &Report, l: &Localizer) -> String {
    let d = &r.diagnosis;
    let mark = if d.symptom == Symptom::Ok {
        "✓"
    } else {
        "✗"
    };
    let cause = d
        .causes
        .first()
        .map(|c| format!(" · {}", l.fmt(&c.title_id(), &c.args)))
        .unwrap_or_default();
    format!(
        "{mark} {:<28} {:<14}{cause}",
        r.evidence.target.input,
        d.symptom.id()
    )
}

fn print_summary(err: &mut Out, s: &Summary, took: Duration, l: &Localizer) {
    let _ = writeln!(
        err,
        "\n{}",
        l.with(
            "batch-summary",
            &[
                (
                    "total",
                    crate::finding::Arg::from(u64::try_from(s.total).unwrap_or(0))
                ),
                (
                    "failed",
                    crate::finding::Arg::from(u64::try_from(s.failures()).unwrap_or(0))
                ),
                (
                    "secs",
                    crate::finding::Arg::Num((took.as_secs_f64() * 100.0).round() / 100.0)
                ),
            ]
        )
    );
    let _ = writeln!(err, "  {}", l.text("batch-by-symptom"));
    for (k, v) in &s.by_symptom {
        let _ = writeln!(err, "    {k:<16} {v:>7}");
    }
    if !s.by_cause.is_empty() {
        let _ = writeln!(err, "  {}", l.text("batch-by-cause"));
        for (k, v) in &s.by_cause {
            let _ = writeln!(err, "    {k:<36} {v:>7}");
        }
    }
    let _ = writeln!(err, "  {}", l.text("batch-slowest"));
    for (t, ms) in &s.slowest {
        let _ = writeln!(err, "    {t:<36} {:>9.1} ms", ms);
    }
}

/// Parses every line first: a bad line stops the batch before anything is probed.
pub fn parse_all(
    lines: &[(usize, String)],
) -> Result<Vec<Target>, (usize, String, target::TargetError)> {
    lines
        .iter()
        .map(|(n, t)| target::parse(t).map_err(|e| (*n, t.clone(), e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_format() {
        let l = read_list("# endpoints\n127.0.0.1:80\n\n  ws://h:1/x  # chat\n#127.0.0.1:81\n");
        assert_eq!(
            l,
            vec![
                (2, "127.0.0.1:80".to_string()),
                (4, "ws://h:1/x".to_string())
            ]
        );
    }

    #[test]
    fn concurrency_fits_descriptors() {
        assert_eq!(fit_concurrency(500, 1024), 240);
        assert_eq!(fit_concurrency(100, 1024), 100);
        assert_eq!(fit_concurrency(100, 10), 1);
    }
}
