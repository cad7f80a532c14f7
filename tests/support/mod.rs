//! Shared helpers for the integration tests: running the real binary (with a kill
//! timeout and a memory reading, or plainly with a prepared command and standard
//! input), reading its JSON report, servers on a background tokio runtime,
//! certificates made with rcgen, child processes (`conndoctor serve`, nginx) that are
//! killed when the test ends, and network namespaces ([`netns`]).
//!
//! Outside [`netns`], only 127.0.0.1 is ever bound or contacted. Nothing here asserts
//! timings.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod netns;

use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener as StdListener};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};

pub const BIN: &str = env!("CARGO_BIN_EXE_conndoctor");

/// The budget given to `check`: short, so the suite is quick.
pub const BUDGET: &str = "2s";

/// A `check` that has not ended by then is hung: it is killed and the test fails.
/// Generous on purpose (a loaded CI machine), and never a timing assertion.
pub const KILL_AFTER: Duration = Duration::from_secs(60);

/// The memory bound of ARCHITECTURE.md / issue 3: a hostile server cannot push the
/// client past this peak RSS.
pub const MAX_RSS_KIB: u64 = 50 * 1024;

// ------------------------------------------------------------------ the binary

/// What one run of the binary produced.
pub struct Run {
    pub args: Vec<String>,
    /// `None` when the process was killed because it did not end.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// ru_maxrss from wait4(2), in KiB: the child's peak RSS (see [`run_env`]); `None`
    /// when the run was not measured ([`run_command`]).
    pub max_rss_kib: Option<u64>,
    /// The last VmHWM read from /proc/<pid>/status while the child ran (a lower bound
    /// of its peak, for failure messages).
    pub sampled_hwm_kib: Option<u64>,
    /// Wall time from the start of the binary to its end (for budget checks only).
    pub elapsed: Duration,
}

impl Run {
    /// Parses stdout as the one JSON object `--json` prints.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "`conndoctor {}`: stdout is not one JSON object ({e}):\n{}\nstderr:\n{}",
                self.args.join(" "),
                self.stdout,
                self.stderr
            )
        })
    }

    /// Parses stdout as the JSON report and checks the exit status against it: 0 when
    /// `ok` is true, 1 otherwise.
    pub fn report(&self) -> Value {
        let v = self.json();
        let expected = if v["ok"] == true { 0 } else { 1 };
        assert_eq!(
            self.code,
            Some(expected),
            "exit status vs `ok`:\n{}",
            self.describe()
        );
        v
    }

    pub fn describe(&self) -> String {
        let memory = match self.max_rss_kib {
            Some(rss) => format!(
                ", max RSS {rss} KiB (sampled VmHWM {:?} KiB)",
                self.sampled_hwm_kib
            ),
            None => String::new(),
        };
        format!(
            "$ conndoctor {}\n-> exit {:?} after {:?}{memory}\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            self.code,
            self.elapsed,
            self.stdout,
            self.stderr
        )
    }

    /// The process ended by itself, with an exit status.
    pub fn assert_ended(&self) {
        assert!(
            self.code.is_some(),
            "conndoctor did not end within {KILL_AFTER:?} and was killed (a hang):\n{}",
            self.describe()
        );
    }

    pub fn assert_memory_bounded(&self) {
        let rss = self
            .max_rss_kib
            .expect("the memory of this run was not measured (run_env measures it)");
        assert!(
            rss < MAX_RSS_KIB,
            "peak RSS {rss} KiB is not under {MAX_RSS_KIB} KiB:\n{}",
            self.describe()
        );
    }
}

/// A predictable environment: English, no colour overrides, no proxy, no extra CAs.
pub fn clean_env(c: &mut Command) {
    c.env("LC_ALL", "en_US.UTF-8");
    for v in [
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "no_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ] {
        c.env_remove(v);
    }
}

/// The binary with [`clean_env`].
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args);
    clean_env(&mut c);
    c
}

fn vm_hwm_kib(pid: libc::pid_t) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn drain<R: Read + Send + 'static>(r: Option<R>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut r) = r {
            let _ = r.read_to_end(&mut out);
        }
        String::from_utf8_lossy(&out).into_owned()
    })
}

/// Runs the binary to its end (or kills it after [`KILL_AFTER`]) and reads its peak
/// RSS from wait4(2).
///
/// Linux folds the memory high-water mark of the image that execve replaces into
/// ru_maxrss, and std spawns children with vfork semantics, so a direct child's
/// ru_maxrss would include this test process's own RSS. So the binary is started by
/// a small `sh` in the background (fork + exec from sh's small image), this process is
/// made a child subreaper, and once `sh` has exited the orphaned binary is reaped here
/// with wait4: its ru_maxrss is then its own (at most sh's ~1 MiB plus its peak).
pub fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    run_prefixed(&[], args, env)
}

/// As [`run_env`], with the binary started through `prefix` (a program and its
/// arguments that exec the binary in the same process, such as
/// `ip netns exec NAME`).
pub fn run_prefixed(prefix: &[&str], args: &[&str], env: &[(&str, &str)]) -> Run {
    static SUBREAPER: std::sync::Once = std::sync::Once::new();
    SUBREAPER.call_once(|| {
        // SAFETY: prctl with integer arguments only.
        let r = unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
        assert_eq!(
            r,
            0,
            "prctl(PR_SET_CHILD_SUBREAPER): {}",
            std::io::Error::last_os_error()
        );
    });
    let pid_dir = tempfile::tempdir().expect("tempdir");
    let pid_file = pid_dir.path().join("pid");
    let mut c = Command::new("/bin/sh");
    c.arg("-c")
        .arg(r#""$0" "$@" & echo $! > "$CONNDOCTOR_TEST_PIDFILE""#)
        .args(prefix)
        .arg(BIN)
        .args(args)
        .env("CONNDOCTOR_TEST_PIDFILE", &pid_file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    clean_env(&mut c);
    for (k, v) in env {
        c.env(k, v);
    }
    let spawned = Instant::now();
    let mut sh = c.spawn().expect("spawn /bin/sh");
    let out = drain(sh.stdout.take());
    let err = drain(sh.stderr.take());
    let sh_status = sh.wait().expect("wait for /bin/sh");
    assert!(
        sh_status.success(),
        "/bin/sh trampoline failed: {sh_status}"
    );
    let pid: libc::pid_t = std::fs::read_to_string(&pid_file)
        .expect("read the pid file")
        .trim()
        .parse()
        .expect("a pid");
    let start = Instant::now();
    let mut sampled = None;
    let mut killed = false;
    let mut echild_retries = 0;
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let flags = if killed { 0 } else { libc::WNOHANG };
        // SAFETY: plain syscall on our own (adopted), not yet reaped, child.
        let r = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
        if r == pid {
            break (status, usage);
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            // Seen once under heavy load: ECHILD right after `sh` was reaped. Give the
            // adoption a moment before calling it a failure.
            if e.raw_os_error() == Some(libc::ECHILD) && echild_retries < 200 {
                echild_retries += 1;
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
            panic!("wait4({pid}): {e} (was the binary adopted by this process?)");
        }
        if let Some(h) = vm_hwm_kib(pid) {
            sampled = Some(h);
        }
        if start.elapsed() > KILL_AFTER {
            // SAFETY: the pid is our unreaped child, so it cannot have been reused.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed = true;
            continue;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let code = (!killed && libc::WIFEXITED(status)).then(|| libc::WEXITSTATUS(status));
    let elapsed = spawned.elapsed();
    let prefix = (!prefix.is_empty()).then(|| format!("[{}]", prefix.join(" ")));
    let max_rss_kib = u64::try_from(usage.ru_maxrss).unwrap_or(u64::MAX);
    note_peak_rss(max_rss_kib);
    let r = Run {
        args: prefix
            .into_iter()
            .chain(args.iter().map(|s| s.to_string()))
            .collect(),
        elapsed,
        code,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        max_rss_kib: Some(max_rss_kib),
        sampled_hwm_kib: sampled,
    };
    eprintln!("{}", r.describe());
    r
}

// ------------------------------------------------------------------ reliability figures

thread_local! {
    /// The highest peak RSS (KiB) of a conndoctor process seen by this thread's
    /// current [`scenario`].
    static PEAK_RSS_KIB: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records a conndoctor process's peak RSS for the running [`scenario`]'s figures
/// ([`run_prefixed`] does it for every run it measures).
pub fn note_peak_rss(kib: u64) {
    PEAK_RSS_KIB.with(|p| p.set(p.get().max(kib)));
}

/// VmHWM of a running process (its peak RSS so far), in KiB.
pub fn peak_rss_of(pid: u32) -> Option<u64> {
    vm_hwm_kib(libc::pid_t::try_from(pid).ok()?)
}

/// How many times each [`scenario`] runs: `CONNDOCTOR_RELIABILITY_RUNS` (default 1).
pub fn scenario_runs() -> u32 {
    std::env::var("CONNDOCTOR_RELIABILITY_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}

/// Runs one scenario of the reliability suite [`scenario_runs`] times. Every run
/// must pass (a panic is a failure); the test fails after the last run when any did,
/// naming how many. With `CONNDOCTOR_RELIABILITY_OUT` set, appends one line to that
/// file: `test file TAB name TAB tried TAB failures TAB peak RSS KiB` (bench/reliability.sh prints
/// the table from it).
pub fn scenario(name: &str, body: impl Fn()) {
    let runs = scenario_runs();
    PEAK_RSS_KIB.with(|p| p.set(0));
    let mut failures = 0u32;
    let mut first: Option<String> = None;
    for i in 0..runs {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(&body));
        if let Err(e) = r {
            failures += 1;
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            first.get_or_insert(format!("run {}: {msg}", i + 1));
        }
    }
    let peak = PEAK_RSS_KIB.with(|p| p.get());
    if let Ok(path) = std::env::var("CONNDOCTOR_RELIABILITY_OUT") {
        // One short write with O_APPEND: lines of concurrent tests do not interleave.
        // The test file (its binary is `hostile-<hash>`), so the table can group rows.
        let suite = std::env::current_exe()
            .ok()
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .map(|s| s.split('-').next().unwrap_or_default().to_string())
            .unwrap_or_default();
        let line = format!("{suite}\t{name}\t{runs}\t{failures}\t{peak}\n");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path);
        match f {
            Ok(mut f) => {
                let _ = f.write_all(line.as_bytes());
            }
            Err(e) => eprintln!("warning: cannot append to {path}: {e}"),
        }
    }
    eprintln!("scenario {name}: tried {runs}, failures {failures}, peak RSS {peak} KiB");
    if let Some(msg) = first {
        panic!("{name}: {failures} of {runs} runs failed; the first: {msg}");
    }
}

pub fn run(args: &[&str]) -> Run {
    run_env(args, &[])
}

/// Runs `c`, the binary as [`command`] made it for `args` and the caller then set up
/// (resource limits, variables), to its end, with `stdin` written to its standard
/// input (none: /dev/null). A plain spawn and wait: no memory reading, no kill timeout.
pub fn run_command(args: &[&str], mut c: Command, stdin: Option<&str>) -> Run {
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let spawned = Instant::now();
    let mut child = c
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    let o = child.wait_with_output().expect("wait for conndoctor");
    let r = Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        max_rss_kib: None,
        sampled_hwm_kib: None,
        elapsed: spawned.elapsed(),
    };
    eprintln!("{}", r.describe());
    r
}

/// `conndoctor check <target> --json --timeout 2s <extra...>`, which must end.
pub fn check(target: &str, extra: &[&str]) -> Run {
    check_env(target, extra, &[])
}

/// As [`check`], with extra environment variables.
pub fn check_env(target: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let mut args = vec!["check", target, "--json", "--timeout", BUDGET];
    args.extend_from_slice(extra);
    let r = run_env(&args, env);
    r.assert_ended();
    r
}

pub fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is an array in {v}"))
        .iter()
        .map(|c| c["id"].as_str().expect("an id is a string").to_string())
        .collect()
}

pub fn cause_ids(v: &Value) -> Vec<String> {
    ids(v, "causes")
}

pub fn warning_ids(v: &Value) -> Vec<String> {
    ids(v, "warnings")
}

/// The finding `id` in the report's `list` ("causes" or "warnings"), or a panic that
/// shows the report.
#[track_caller]
pub fn finding<'a>(v: &'a Value, list: &str, id: &str) -> &'a Value {
    v[list]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no {id} in {list} of {v:#}"))
}

/// The cause with this id, or a panic that shows the report.
#[track_caller]
pub fn cause<'a>(v: &'a Value, id: &str) -> &'a Value {
    finding(v, "causes", id)
}

/// The evidence entry `id` of a finding, or a panic naming what is there.
#[track_caller]
pub fn evidence<'a>(finding: &'a Value, id: &str) -> &'a Value {
    finding["evidence"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == id))
        .unwrap_or_else(|| {
            panic!(
                "{} has no evidence {id}: {:#}",
                finding["id"], finding["evidence"]
            )
        })
}

/// Evidence message ids of one finding.
pub fn evidence_ids(finding: &Value) -> Vec<String> {
    finding["evidence"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts the symptom, the exit status and the first cause of a report.
#[track_caller]
pub fn assert_verdict(r: &Run, symptom: &str, first_cause: Option<&str>) -> Value {
    let v = r.json();
    assert_eq!(v["schema"], 1, "{}", r.describe());
    assert_eq!(v["symptom"], symptom, "{}", r.describe());
    let expected_code = if symptom == "ok" { 0 } else { 1 };
    assert_eq!(r.code, Some(expected_code), "{}", r.describe());
    let causes = cause_ids(&v);
    match first_cause {
        None => assert!(causes.is_empty(), "no cause expected:\n{}", r.describe()),
        Some(id) => assert_eq!(
            causes.first().map(String::as_str),
            Some(id),
            "first cause:\n{}",
            r.describe()
        ),
    }
    v
}

// ------------------------------------------------------------------ servers

/// A free port on 127.0.0.1 (bound, read, released: for programs that take a port
/// number on their command line).
pub fn free_port() -> u16 {
    let l = StdListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.local_addr().expect("local_addr").port()
}

pub fn std_listener() -> (StdListener, SocketAddr) {
    let l = StdListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.set_nonblocking(true).expect("nonblocking listener");
    let a = l.local_addr().expect("local_addr");
    (l, a)
}

/// A server running on its own thread and tokio runtime; stopped (every task
/// cancelled, every socket closed) when dropped.
pub struct Bg {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    pub addr: SocketAddr,
}

impl Drop for Bg {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts `serve(listener)` on a fresh 127.0.0.1 port.
pub fn spawn_server<F, Fut>(serve: F) -> Bg
where
    F: FnOnce(TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + 'static,
{
    let (l, _) = std_listener();
    spawn_server_on(l, serve)
}

/// Starts `serve(listener)` on a listener bound by the caller (for example inside a
/// network namespace: the socket stays there whichever thread serves it).
pub fn spawn_server_on<F, Fut>(l: StdListener, serve: F) -> Bg
where
    F: FnOnce(TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + 'static,
{
    l.set_nonblocking(true).expect("nonblocking listener");
    let addr = l.local_addr().expect("local_addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        rt.block_on(async move {
            let l = TcpListener::from_std(l).expect("tokio listener");
            tokio::select! {
                _ = serve(l) => {}
                _ = stopped => {}
            }
        });
    });
    Bg {
        stop: Some(stop),
        thread: Some(thread),
        addr,
    }
}

/// Accepts forever, one task per connection.
pub async fn accept_each<H, Fut>(l: TcpListener, handler: H)
where
    H: Fn(TcpStream) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    loop {
        match l.accept().await {
            Ok((s, _)) => {
                tokio::spawn(handler(s));
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

/// What the test WebSocket server (tokio-tungstenite) accepts.
#[derive(Clone, Default)]
pub struct WsPolicy {
    /// Only this path upgrades; others get 404.
    pub only_path: Option<String>,
    /// An Origin header other than this one gets 403 (no Origin is accepted).
    pub allow_origin: Option<String>,
}

/// One WebSocket connection, served by tokio-tungstenite: the handshake with its
/// callback, then an echo loop.
pub async fn ws_session<S: AsyncRead + AsyncWrite + Unpin>(s: S, policy: Arc<WsPolicy>) {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
    use tokio_tungstenite::tungstenite::http::StatusCode;

    let reject = |code: StatusCode, text: &str| {
        let mut r = ErrorResponse::new(Some(text.to_string()));
        *r.status_mut() = code;
        r
    };
    // The callback's error type is tungstenite's, however large clippy finds it.
    #[allow(clippy::result_large_err)]
    let callback = |req: &Request, resp: Response| -> Result<Response, ErrorResponse> {
        if let Some(p) = &policy.only_path
            && req.uri().path() != p
        {
            return Err(reject(StatusCode::NOT_FOUND, "not found"));
        }
        if let (Some(allowed), Some(origin)) = (&policy.allow_origin, req.headers().get("origin"))
            && origin.as_bytes() != allowed.as_bytes()
        {
            return Err(reject(StatusCode::FORBIDDEN, "origin not allowed"));
        }
        Ok(resp)
    };
    let Ok(mut ws) = tokio_tungstenite::accept_hdr_async(s, callback).await else {
        return;
    };
    while let Some(Ok(m)) = ws.next().await {
        if (m.is_text() || m.is_binary()) && ws.send(m).await.is_err() {
            break;
        }
    }
}

/// A tokio-tungstenite WebSocket server on plain TCP.
pub fn ws_server(policy: WsPolicy) -> Bg {
    let policy = Arc::new(policy);
    spawn_server(move |l| accept_each(l, move |s| ws_session(s, policy.clone())))
}

/// A tokio-tungstenite WebSocket server behind tokio-rustls.
pub fn wss_server(tls: Arc<rustls::ServerConfig>) -> Bg {
    let acceptor = tokio_rustls::TlsAcceptor::from(tls);
    spawn_server(move |l| {
        accept_each(l, move |s| {
            let acceptor = acceptor.clone();
            async move {
                let hs = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(s));
                if let Ok(Ok(tls)) = hs.await {
                    ws_session(tls, Arc::new(WsPolicy::default())).await;
                }
            }
        })
    })
}

// ------------------------------------------------------------------ certificates

/// A private test CA (trusted only through SSL_CERT_FILE in the child's environment).
pub struct Ca {
    pub pem: String,
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
}

/// A certificate chain and its key, in DER (for rustls) and PEM (for nginx).
pub struct Leaf {
    pub cert_der: rustls::pki_types::CertificateDer<'static>,
    pub key_der: Vec<u8>,
    pub cert_pem: String,
    pub key_pem: String,
}

impl Ca {
    pub fn new() -> Ca {
        let key = rcgen::KeyPair::generate().expect("CA key");
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA params");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name = rcgen::DistinguishedName::new();
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "conndoctor test CA");
        p.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
            rcgen::KeyUsagePurpose::DigitalSignature,
        ];
        let cert = p.self_signed(&key).expect("CA certificate");
        Ca {
            pem: cert.pem(),
            issuer: rcgen::Issuer::new(p, key),
        }
    }

    /// A server certificate for `names`, valid from `not_before` to `not_after`
    /// (year, month, day).
    pub fn leaf(
        &self,
        names: &[&str],
        not_before: (i32, u8, u8),
        not_after: (i32, u8, u8),
    ) -> Leaf {
        let key = rcgen::KeyPair::generate().expect("leaf key");
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let mut p = rcgen::CertificateParams::new(names).expect("leaf params");
        p.not_before = rcgen::date_time_ymd(not_before.0, not_before.1, not_before.2);
        p.not_after = rcgen::date_time_ymd(not_after.0, not_after.1, not_after.2);
        p.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        p.use_authority_key_identifier_extension = true;
        let cert = p.signed_by(&key, &self.issuer).expect("leaf certificate");
        Leaf {
            cert_der: cert.der().clone(),
            key_der: key.serialize_der(),
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
        }
    }
}

/// A self-signed certificate for `names` (nobody trusts it).
pub fn self_signed(names: &[&str]) -> Leaf {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let ck = rcgen::generate_simple_self_signed(names).expect("self-signed certificate");
    Leaf {
        cert_der: ck.cert.der().clone(),
        key_der: ck.signing_key.serialize_der(),
        cert_pem: ck.cert.pem(),
        key_pem: ck.signing_key.serialize_pem(),
    }
}

/// A rustls server configuration presenting `leaf`.
pub fn tls_config(leaf: &Leaf) -> Arc<rustls::ServerConfig> {
    use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf.key_der.clone()));
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![leaf.cert_der.clone()], key)
        .expect("server certificate");
    Arc::new(cfg)
}

// ------------------------------------------------------------------ child processes

/// A child process killed (and reaped) when the test ends, however it ends.
pub struct ChildGuard {
    pub child: Child,
    pub name: &'static str,
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `conndoctor serve <listen> --token <token> [extra...]`, started once its
/// "serving" line is printed.
pub struct Serve {
    pub guard: ChildGuard,
    pub addr: SocketAddr,
    pub token: String,
}

pub fn serve(scheme: &str, token: &str, extra: &[&str]) -> Serve {
    let port = free_port();
    let listen = format!("{scheme}://127.0.0.1:{port}");
    let mut c = command(&[]);
    c.arg("serve")
        .arg(&listen)
        .args(["--token", token, "--lang", "en"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn conndoctor serve");
    let stdout = child.stdout.take().expect("serve stdout");
    let stderr = child.stderr.take();
    let guard = ChildGuard {
        child,
        name: "conndoctor serve",
    };
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            eprintln!("serve| {line}");
            if tx.send(line).is_err() {
                // Keep draining so the server never blocks on a full pipe.
                continue;
            }
        }
    });
    let _err = drain(stderr);
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with("serving") => {
                assert!(
                    line.contains(&format!("127.0.0.1:{port}")) && line.contains(token),
                    "unexpected serving line: {line}"
                );
                return Serve {
                    guard,
                    addr: SocketAddr::from(([127, 0, 0, 1], port)),
                    token: token.to_string(),
                };
            }
            Ok(_) => {}
            Err(_) => panic!("`conndoctor serve {listen}` printed no \"serving\" line"),
        }
    }
}

/// Waits until something accepts on `addr`, or panics with `why()`.
pub fn wait_listening(addr: SocketAddr, mut alive: impl FnMut() -> Result<(), String>) {
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return;
        }
        if let Err(why) = alive() {
            panic!("nothing listens on {addr}: {why}");
        }
        assert!(Instant::now() < until, "nothing listens on {addr}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
