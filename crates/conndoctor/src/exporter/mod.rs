//! `conndoctor exporter`: a Prometheus exporter in blackbox_exporter's contract
//! (`GET /probe?target=…&module=…`), whose metrics also say *why* a probe failed, as
//! bounded label sets: `conndoctor_symptom{symptom="timeout"} 1`,
//! `conndoctor_cause{cause="timeout.filtered",confidence="high"} 1`.
//!
//! It is built to be exposed to scrapers without becoming a port scanner or an SSRF
//! tool: targets must pass the allow-list ([`allow`]) on their *resolved* addresses
//! (and those very addresses are the ones connected to, see
//! [`crate::probe::resolve::pinned`]); link-local and metadata addresses are refused
//! unless listed explicitly; concurrent probes, connections, request sizes and every
//! wait are capped.
//!
//! Signals: SIGHUP reloads the configuration, SIGINT/SIGTERM stop. They are blocked in
//! every thread before the runtime starts and waited for synchronously in a blocking
//! thread, instead of through tokio's signal driver (which panics when file
//! descriptors are short, see `cli::serve_signals`).

pub mod allow;
pub mod blackbox;
pub mod config;
pub mod metrics;

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, TRANSFER_ENCODING};
use hyper::{Method, Request, Response, StatusCode};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::Outcome;
use crate::finding::{Arg, Symptom};
use crate::i18n::Localizer;
use crate::probe::CheckOptions;
use crate::target::{self, Scheme, Target};
use allow::{DENIED, Refusal};
use config::{Config, ConfigError, Module, Prober};
use metrics::{Counters, ProbeTimes};

/// Longest request target (path and query) served; longer ones get 414.
pub const MAX_URI: usize = 4096;
/// Buffer for a request head; a larger head is refused by hyper (431).
const MAX_HEAD: usize = 16 * 1024;
/// At most this many query parameters.
const MAX_PARAMS: usize = 16;
/// Connections served at once. Past that, the connection that has waited longest
/// for a request head is closed to make room (see [`Conns`]).
const MAX_CONNECTIONS: usize = 512;
/// A client must send its request head within this time.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// A (keep-alive) connection is closed after this long, whatever it does.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(600);
/// A check that is still running this long after its deadline is abandoned.
const GRACE: Duration = Duration::from_secs(1);
/// Prometheus sends its scrape timeout in this header.
pub const SCRAPE_TIMEOUT_HEADER: &str = "x-prometheus-scrape-timeout-seconds";

/// What `conndoctor exporter` was asked to do (the command line fills it).
#[derive(Debug, Clone)]
pub struct ExporterOptions {
    /// Address to serve HTTP on, as typed (port 0: any free port).
    pub listen: String,
    /// YAML configuration; `None`: the built-in modules and loopback targets only.
    pub config: Option<PathBuf>,
    /// Validate the configuration and stop.
    pub check_config: bool,
    /// blackbox_exporter's --config.check: the same, with its exit convention.
    pub blackbox_check: bool,
    /// blackbox_exporter's --timeout-offset, as typed.
    pub timeout_offset: Option<String>,
    /// The language of log lines and debug pages (one of `i18n::LOCALES`).
    pub lang: &'static str,
}

/// The kind of a log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The startup banner, reloads, the stop.
    Info,
    /// Errors: a bad option or configuration, a failed bind or reload.
    Problem,
}

/// Where the exporter's log lines go: the caller shows them (the command line writes
/// `Info` to stdout and `Problem` to stderr). The library never writes to a terminal.
pub type Log = Box<dyn Fn(Line, &str) + Send + Sync>;

static LOG: OnceLock<Log> = OnceLock::new();

// ------------------------------------------------------------------ language

static LANG: OnceLock<&'static str> = OnceLock::new();

thread_local! {
    // The Fluent bundles are not Sync; each runtime thread builds its own once.
    static LOCALIZER: Localizer = Localizer::new(LANG.get().copied().unwrap_or("en"));
}

fn with_l<R>(f: impl FnOnce(&Localizer) -> R) -> R {
    LOCALIZER.with(f)
}

fn say(line: &str) {
    if let Some(log) = LOG.get() {
        log(Line::Info, line);
    }
}

fn complain(line: &str) {
    if let Some(log) = LOG.get() {
        log(Line::Problem, line);
    }
}

fn error_line(l: &Localizer, text: &str) -> String {
    format!("{}: {text}", l.text("app-error"))
}

fn config_error(l: &Localizer, e: &ConfigError) -> String {
    l.fmt(e.0.id, &e.0.args)
}

// ------------------------------------------------------------------ entry point

/// Runs the exporter until SIGINT/SIGTERM. `BadInput` for a bad `--listen` or
/// configuration, `Problem` when the address cannot be bound (and for a failed
/// `--config.check`, as blackbox_exporter exits 1), `Internal` on internal failure.
/// Log lines go to `log`.
pub fn run(a: &ExporterOptions, log: Log) -> Outcome {
    let _ = LANG.set(a.lang);
    let _ = LOG.set(log);
    let Some(listen) = parse_listen(&a.listen) else {
        with_l(|l| {
            complain(&error_line(
                l,
                &l.with(
                    "exporter-listen-bad",
                    &[("detail", a.listen.as_str().into())],
                ),
            ));
        });
        return Outcome::BadInput;
    };
    let offset = match a.timeout_offset.as_deref().map(parse_offset) {
        None => None,
        Some(Some(o)) => Some(o),
        Some(None) => {
            with_l(|l| {
                complain(&error_line(
                    l,
                    &l.with(
                        "exporter-timeout-offset-bad",
                        &[("value", a.timeout_offset.clone().unwrap_or_default().into())],
                    ),
                ));
            });
            return Outcome::BadInput;
        }
    };
    let cfg = match &a.config {
        None => Config::builtin(),
        Some(p) => match Config::load(p) {
            Ok(c) => c,
            Err(e) => {
                with_l(|l| complain(&error_line(l, &config_error(l, &e))));
                // blackbox_exporter's --config.check exits 1; scripts test for it.
                return if a.blackbox_check {
                    Outcome::Problem
                } else {
                    Outcome::BadInput
                };
            }
        },
    };
    let mut cfg = cfg;
    if let Some(o) = offset {
        cfg.limits.scrape_timeout_offset = o;
    }
    if a.check_config || a.blackbox_check {
        with_l(|l| {
            say(&l.with(
                "exporter-config-ok",
                &[
                    ("file", file_name(&cfg).into()),
                    ("modules", cfg.module_names().join(", ").into()),
                ],
            ));
        });
        return Outcome::Ok;
    }
    block_signals();
    // Every connection and probe is a descriptor: use what the hard limit allows.
    let _ = crate::batch::raise_fd_limit();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            with_l(|l| complain(&l.with("error-internal", &[("detail", e.to_string().into())])));
            return Outcome::Internal;
        }
    };
    let code = rt.block_on(serve(listen, cfg));
    // The signal thread has returned by now; anything else still running is cut off.
    rt.shutdown_timeout(Duration::from_secs(1));
    code
}

/// `--timeout-offset`: seconds from 0 to 60, as blackbox's float flag.
fn parse_offset(s: &str) -> Option<Duration> {
    let secs: f64 = s.trim().parse().ok()?;
    (secs.is_finite() && (0.0..60.0).contains(&secs)).then(|| Duration::from_secs_f64(secs))
}

fn parse_listen(s: &str) -> Option<SocketAddr> {
    let s = s.trim();
    if let Ok(a) = s.parse::<SocketAddr>() {
        return Some(a);
    }
    let port = s.strip_prefix("localhost:")?.parse::<u16>().ok()?;
    Some(SocketAddr::from(([127, 0, 0, 1], port)))
}

fn file_name(cfg: &Config) -> String {
    cfg.file
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

// ------------------------------------------------------------------ signals

fn signal_set() -> nix::sys::signal::SigSet {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGHUP);
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    set
}

/// Blocks SIGHUP, SIGINT and SIGTERM in this thread and every thread started after
/// it (the runtime's), so that [`signal_loop`] can wait for them synchronously.
fn block_signals() {
    let _ = signal_set().thread_block();
}

enum SignalEvent {
    /// SIGHUP: the configuration file, read and validated in the signal thread.
    Reload(Box<Result<Config, ConfigError>>),
    /// SIGHUP without a configuration file.
    NoFile,
    Stop,
}

fn signal_loop(tx: mpsc::Sender<SignalEvent>, file: Option<PathBuf>) {
    use nix::sys::signal::Signal;
    let set = signal_set();
    loop {
        let ev = match set.wait() {
            Ok(Signal::SIGHUP) => match &file {
                Some(p) => SignalEvent::Reload(Box::new(Config::load(p))),
                None => SignalEvent::NoFile,
            },
            Ok(_) => {
                let _ = tx.blocking_send(SignalEvent::Stop);
                return;
            }
            Err(_) => {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        if tx.blocking_send(ev).is_err() {
            return;
        }
    }
}

// ------------------------------------------------------------------ server

struct State {
    /// The `--config` file that SIGHUP and `POST /-/reload` read again.
    file: Option<PathBuf>,
    cfg: RwLock<Arc<Config>>,
    counters: Counters,
}

impl State {
    fn config(&self) -> Arc<Config> {
        match self.cfg.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, c: Config) {
        let c = Arc::new(c);
        match self.cfg.write() {
            Ok(mut g) => *g = c,
            Err(poisoned) => *poisoned.into_inner() = c,
        }
    }
}

fn print_startup(addr: SocketAddr, cfg: &Config) {
    with_l(|l| {
        let modules = cfg.module_names().join(", ");
        let first = match &cfg.file {
            None => l.with(
                "exporter-started-builtin",
                &[
                    ("addr", addr.to_string().into()),
                    ("modules", modules.into()),
                    ("cidrs", allow::LOOPBACK.join(", ").into()),
                ],
            ),
            Some(_) => l.with(
                "exporter-started-file",
                &[
                    ("addr", addr.to_string().into()),
                    ("modules", modules.into()),
                    ("file", file_name(cfg).into()),
                ],
            ),
        };
        say(&first);
        // The built-in configuration's first line already names its allow-list.
        if cfg.file.is_some() {
            print_allow(l, cfg);
        }
        say(&format!(
            "  {}",
            l.with(
                "exporter-denied-ranges",
                &[("ranges", DENIED.join(", ").into())]
            )
        ));
        say(&format!(
            "  {}",
            l.with(
                "exporter-limits",
                &[
                    ("probes", Arg::from(cfg.limits.max_concurrent_probes as u64)),
                    (
                        "offset",
                        Arg::Num(cfg.limits.scrape_timeout_offset.as_secs_f64())
                    ),
                ]
            )
        ));
        if !addr.ip().is_loopback() {
            say(&format!(
                "  ! {}",
                l.with(
                    "exporter-public-warning",
                    &[("addr", addr.to_string().into())]
                )
            ));
        }
        say(&format!(
            "  {}",
            l.with("exporter-usage", &[("addr", addr.to_string().into())])
        ));
    });
}

fn print_allow(l: &Localizer, cfg: &Config) {
    let a = &cfg.allow;
    let line = if a.is_loopback_only() {
        l.with(
            "exporter-allow-loopback",
            &[("cidrs", allow::LOOPBACK.join(", ").into())],
        )
    } else {
        let join = |v: Vec<String>| {
            if v.is_empty() {
                l.text("exporter-allow-none")
            } else {
                v.join(", ")
            }
        };
        let ports = if a.ports.is_empty() {
            l.text("exporter-allow-any-port")
        } else {
            join(a.ports.iter().map(ToString::to_string).collect())
        };
        l.with(
            "exporter-allow-list",
            &[
                (
                    "hosts",
                    join(a.hosts.iter().map(ToString::to_string).collect()).into(),
                ),
                (
                    "cidrs",
                    join(a.cidrs.iter().map(ToString::to_string).collect()).into(),
                ),
                ("ports", ports.into()),
            ],
        )
    };
    say(&format!("  {line}"));
}

/// Puts a reloaded configuration in place, or keeps the running one and says why.
/// `Err` holds the (localised) reason.
fn apply_reload(st: &State, r: Result<Config, ConfigError>) -> Result<(), String> {
    match r {
        Ok(c) => {
            st.counters.declare_modules(&c.module_names());
            with_l(|l| {
                say(&l.with(
                    "exporter-reloaded",
                    &[
                        ("file", file_name(&c).into()),
                        ("modules", c.module_names().join(", ").into()),
                    ],
                ));
                print_allow(l, &c);
            });
            st.replace(c);
            st.counters.reloaded(true);
            Ok(())
        }
        Err(e) => {
            st.counters.reloaded(false);
            Err(with_l(|l| {
                let detail = config_error(l, &e);
                complain(&l.with(
                    "exporter-reload-failed",
                    &[("detail", detail.as_str().into())],
                ));
                detail
            }))
        }
    }
}

/// Handles one signal event; `false` means stop serving.
fn on_signal(st: &State, ev: Option<SignalEvent>) -> bool {
    match ev {
        Some(SignalEvent::Reload(r)) => {
            let _ = apply_reload(st, *r);
            true
        }
        Some(SignalEvent::NoFile) => {
            with_l(|l| complain(&l.text("exporter-reload-no-file")));
            true
        }
        Some(SignalEvent::Stop) | None => false,
    }
}

async fn serve(addr: SocketAddr, cfg: Config) -> Outcome {
    let listener = match TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            with_l(|l| {
                complain(&error_line(
                    l,
                    &l.with(
                        "exporter-listen-failed",
                        &[
                            ("addr", addr.to_string().into()),
                            ("detail", e.to_string().into()),
                        ],
                    ),
                ));
            });
            return match e.raw_os_error() {
                Some(libc::EADDRINUSE | libc::EACCES | libc::EADDRNOTAVAIL) => Outcome::Problem,
                _ => Outcome::Internal,
            };
        }
    };
    let local = listener.local_addr().unwrap_or(addr);
    print_startup(local, &cfg);
    let file = cfg.file.clone();
    let st = Arc::new(State {
        file: file.clone(),
        counters: Counters::new(&cfg.module_names()),
        cfg: RwLock::new(Arc::new(cfg)),
    });
    let (tx, mut rx) = mpsc::channel(4);
    let signals = tokio::task::spawn_blocking(move || signal_loop(tx, file));
    let conns = Arc::new(Conns::default());
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            ev = rx.recv() => {
                if on_signal(&st, ev) { continue } else { break }
            }
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(_) => {
                // EMFILE and friends: back off instead of spinning.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Full of connections that are all in the middle of a request: this one is
        // closed at once (the client sees a reset and retries).
        let Some(conn) = Conns::admit(&conns) else {
            drop(tcp);
            continue;
        };
        let st = st.clone();
        tokio::spawn(async move {
            let kill = conn.kill.clone();
            let in_service = conn.clone();
            let svc = hyper::service::service_fn(move |req| {
                let st = st.clone();
                let c = in_service.clone();
                async move {
                    c.busy();
                    let resp = route(&st, req).await;
                    c.idle();
                    Ok::<_, Infallible>(resp)
                }
            });
            let mut b = hyper::server::conn::http1::Builder::new();
            b.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT)
                .max_buf_size(MAX_HEAD);
            let served = b.serve_connection(hyper_util::rt::TokioIo::new(tcp), svc);
            tokio::select! {
                _ = tokio::time::timeout(CONNECTION_LIFETIME, served) => {}
                () = kill.notified() => {}
            }
            drop(conn);
        });
    }
    drop(rx);
    let _ = tokio::time::timeout(Duration::from_secs(1), signals).await;
    with_l(|l| say(&l.text("exporter-stopped")));
    Outcome::Ok
}

// ------------------------------------------------------------------ connections

/// The connections being served. A connection is *idle* while it waits for a request
/// head (a new one, or keep-alive between requests) and *busy* while a request is
/// handled. When [`MAX_CONNECTIONS`] are open, a new connection closes the one that
/// has been idle longest: a slowloris client, which holds connections open with half
/// a request, then only ever evicts its own connections, while a scraper, which sends
/// its request at once, gets through. Busy connections are never closed for room.
#[derive(Default)]
struct Conns {
    table: std::sync::Mutex<ConnTable>,
}

#[derive(Default)]
struct ConnTable {
    live: usize,
    next: u64,
    /// Idle connections, oldest first (keys grow), with the way to close each.
    idle: BTreeMap<u64, Arc<tokio::sync::Notify>>,
}

/// One connection's entry; dropped when its task ends.
struct Conn {
    conns: Arc<Conns>,
    kill: Arc<tokio::sync::Notify>,
    /// Its key in `idle` while idle.
    key: std::sync::Mutex<Option<u64>>,
}

impl Conns {
    fn lock(&self) -> std::sync::MutexGuard<'_, ConnTable> {
        self.table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Makes room for a new connection and registers it as idle; `None` when every
    /// connection is busy.
    fn admit(conns: &Arc<Conns>) -> Option<Arc<Conn>> {
        let mut t = conns.lock();
        if t.live >= MAX_CONNECTIONS {
            let (_, oldest) = t.idle.pop_first()?;
            // Its task ends and drops its entry; until then `live` runs one over.
            oldest.notify_one();
        }
        t.live += 1;
        let kill = Arc::new(tokio::sync::Notify::new());
        let key = t.next;
        t.next += 1;
        t.idle.insert(key, kill.clone());
        Some(Arc::new(Conn {
            conns: conns.clone(),
            kill,
            key: std::sync::Mutex::new(Some(key)),
        }))
    }
}

impl Conn {
    fn key(&self) -> std::sync::MutexGuard<'_, Option<u64>> {
        self.key
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A request head arrived: not to be evicted while it is handled.
    fn busy(&self) {
        if let Some(k) = self.key().take() {
            self.conns.lock().idle.remove(&k);
        }
    }

    /// The response is out: waiting for the next head, the newest of the idle.
    fn idle(&self) {
        let mut key = self.key();
        let mut t = self.conns.lock();
        if let Some(old) = key.take() {
            t.idle.remove(&old);
        }
        let k = t.next;
        t.next += 1;
        t.idle.insert(k, self.kill.clone());
        *key = Some(k);
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        let key = self.key().take();
        let mut t = self.conns.lock();
        if let Some(k) = key {
            t.idle.remove(&k);
        }
        t.live = t.live.saturating_sub(1);
    }
}

// ------------------------------------------------------------------ requests

type Resp = Response<Full<Bytes>>;

fn response(status: StatusCode, content_type: &'static str, body: String) -> Resp {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

const TEXT: &str = "text/plain; charset=utf-8";

/// A request answered without probing: counted by reason, explained in the body.
fn refuse(st: &State, status: StatusCode, reason: &'static str, text: String) -> Resp {
    st.counters.refused(reason);
    let mut r = response(status, TEXT, text + "\n");
    let h = r.headers_mut();
    h.insert("x-conndoctor-refused", HeaderValue::from_static(reason));
    if status == StatusCode::TOO_MANY_REQUESTS {
        h.insert("retry-after", HeaderValue::from_static("1"));
    }
    if status == StatusCode::METHOD_NOT_ALLOWED {
        h.insert("allow", HeaderValue::from_static("GET"));
    }
    r
}

fn has_body<B>(req: &Request<B>) -> bool {
    let len = req
        .headers()
        .get(CONTENT_LENGTH)
        .map(|v| v.to_str().ok().and_then(|s| s.trim().parse::<u64>().ok()));
    match len {
        Some(Some(0)) => false,
        Some(_) => true,
        None => req.headers().contains_key(TRANSFER_ENCODING),
    }
}

/// The exposition in the format the scraper asked for (`Accept`).
fn exposition<B>(req: &Request<B>, text: String) -> Resp {
    let accept = req
        .headers()
        .get(hyper::header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    if blackbox::wants_openmetrics(accept) {
        response(
            StatusCode::OK,
            blackbox::OPENMETRICS,
            blackbox::to_openmetrics(&text),
        )
    } else {
        response(StatusCode::OK, metrics::CONTENT_TYPE, text)
    }
}

/// `POST /-/reload`: as SIGHUP; 200 when the file was loaded, 500 (blackbox's code)
/// with the reason when the running configuration stays.
async fn http_reload(st: &State) -> Resp {
    let Some(file) = st.file.clone() else {
        let t = with_l(|l| l.text("exporter-reload-no-file"));
        return response(StatusCode::BAD_REQUEST, TEXT, t + "\n");
    };
    let loaded = tokio::task::spawn_blocking(move || Config::load(&file)).await;
    let Ok(loaded) = loaded else {
        let t = with_l(|l| l.with("error-internal", &[("detail", "reload".into())]));
        return response(StatusCode::INTERNAL_SERVER_ERROR, TEXT, t + "\n");
    };
    match apply_reload(st, loaded) {
        Ok(()) => {
            let cfg = st.config();
            let t = with_l(|l| {
                l.with(
                    "exporter-reloaded",
                    &[
                        ("file", file_name(&cfg).into()),
                        ("modules", cfg.module_names().join(", ").into()),
                    ],
                )
            });
            response(StatusCode::OK, TEXT, t + "\n")
        }
        Err(detail) => {
            let t = with_l(|l| l.with("exporter-reload-failed", &[("detail", detail.into())]));
            response(StatusCode::INTERNAL_SERVER_ERROR, TEXT, t + "\n")
        }
    }
}

async fn route(st: &State, req: Request<Incoming>) -> Resp {
    let text = |id: &str| with_l(|l| l.text(id));
    let reload = req.uri().path() == "/-/reload";
    let allowed = if reload { Method::POST } else { Method::GET };
    if req.method() != allowed {
        let mut r = refuse(
            st,
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
            text(if reload {
                "exporter-refused-method-post"
            } else {
                "exporter-refused-method"
            }),
        );
        if reload {
            r.headers_mut()
                .insert("allow", HeaderValue::from_static("POST"));
        }
        return r;
    }
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if uri_len > MAX_URI {
        return refuse(
            st,
            StatusCode::URI_TOO_LONG,
            "uri-too-long",
            with_l(|l| {
                l.with(
                    "exporter-refused-uri",
                    &[("limit", Arg::from(MAX_URI as u64))],
                )
            }),
        );
    }
    if has_body(&req) {
        return refuse(
            st,
            StatusCode::BAD_REQUEST,
            "bad-request",
            text("exporter-refused-body"),
        );
    }
    match req.uri().path() {
        "/probe" => probe(st, &req).await,
        "/metrics" => {
            let max = st.config().limits.max_concurrent_probes;
            let mut page = st.counters.render(max);
            blackbox::reload_metrics(&mut page, &st.counters);
            blackbox::process_metrics(&mut page);
            exposition(&req, page)
        }
        "/-/healthy" => response(StatusCode::OK, TEXT, text("exporter-healthy") + "\n"),
        "/-/ready" => response(StatusCode::OK, TEXT, text("exporter-ready") + "\n"),
        "/-/reload" => http_reload(st).await,
        "/" => response(StatusCode::OK, TEXT, text("exporter-index") + "\n"),
        _ => refuse(
            st,
            StatusCode::NOT_FOUND,
            "not-found",
            text("exporter-not-found"),
        ),
    }
}

/// Decodes `application/x-www-form-urlencoded` text; `None` for a bad escape or
/// bytes that are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                out.push(v);
                i += 3;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The query parameters; `None` when malformed, repeated (ambiguous) or too many.
pub(crate) fn parse_query(q: &str) -> Option<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (i, pair) in q.split('&').filter(|p| !p.is_empty()).enumerate() {
        if i >= MAX_PARAMS {
            return None;
        }
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if out.insert(decode(k)?, decode(v)?).is_some() {
            return None;
        }
    }
    Some(out)
}

/// The probe deadline: the module's timeout, or Prometheus' scrape timeout minus the
/// offset when that is smaller (as blackbox_exporter does), but never less than half
/// the scrape timeout, so a small scrape timeout still leaves the probe some time.
/// `None` for a header that is not a positive number of seconds.
pub fn probe_timeout(header: Option<&str>, module: Duration, offset: Duration) -> Option<Duration> {
    let Some(h) = header else {
        return Some(module);
    };
    let secs: f64 = h
        .trim()
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s > 0.0)?;
    let secs = secs.min(3600.0);
    let budget = (secs - offset.as_secs_f64()).max(secs / 2.0);
    Some(module.min(Duration::from_secs_f64(budget)))
}

/// The module a probe without `module=` uses: the one named like the target's
/// scheme (`ws://…` → `ws`), else `tcp`.
pub(crate) fn default_module(cfg: &Config, target: &str) -> String {
    target
        .split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase())
        .map(|s| {
            if s == "websocket" {
                "ws".to_string()
            } else {
                s
            }
        })
        .filter(|s| cfg.modules.contains_key(s))
        .unwrap_or_else(|| "tcp".into())
}

fn scheme_matches(p: Prober, s: Option<Scheme>) -> bool {
    match p {
        Prober::Tcp => matches!(s, Some(Scheme::Tcp)),
        _ => s.is_some() && p.scheme() == s,
    }
}

/// Builds the target a module checks from the `target` parameter: a URL (whose scheme
/// must be the module's) or `host:port` / `host` (which takes the module's scheme and
/// path). Errors are localised texts.
pub(crate) fn build_target(input: &str, m: &Module, module_name: &str) -> Result<Target, String> {
    let parse_err = |e: target::TargetError| {
        with_l(|l| {
            l.with(
                "exporter-refused-bad-target",
                &[
                    ("target", input.into()),
                    (
                        "detail",
                        l.with(e.message_id(), &[("detail", e.detail().into())])
                            .into(),
                    ),
                ],
            )
        })
    };
    if input.chars().any(char::is_control) {
        return Err(parse_err(target::TargetError::Control));
    }
    if let Some(url) = blackbox_url(input, m) {
        let mut t = target::parse(&url).map_err(parse_err)?;
        let rest = url.split_once("://").map_or("", |(_, r)| r);
        if !rest.contains(['/', '?', '#']) {
            t.path = m.path.clone();
        }
        return Ok(t);
    }
    if let Some((scheme, rest)) = input.split_once("://") {
        let mut t = target::parse(input).map_err(parse_err)?;
        if !scheme_matches(m.prober, t.scheme) {
            return Err(with_l(|l| {
                l.with(
                    "exporter-refused-scheme",
                    &[
                        ("target", input.into()),
                        ("scheme", scheme.into()),
                        ("module", module_name.into()),
                        ("prober", m.prober.name().into()),
                    ],
                )
            }));
        }
        if m.prober == Prober::Tcp {
            t.scheme = None;
            t.scheme_name = None;
            t.path = String::new();
        } else if m.prober.is_http() && !rest.contains(['/', '?', '#']) {
            t.path = m.path.clone();
        }
        return Ok(t);
    }
    let text = match m.prober {
        Prober::Tcp => input.to_string(),
        Prober::Text => format!("text://{input}"),
        p if input.contains(['/', '?', '#']) => format!("{}://{input}", p.name()),
        p => format!("{}://{input}{}", p.name(), m.path),
    };
    target::parse(&text).map_err(parse_err)
}

/// blackbox's http prober: the target's URL decides between plain and TLS, and a
/// target without a scheme is `http://`. A WebSocket module mapped from an http
/// module takes ws/wss URLs too. `None`: not such a module, or another scheme (which
/// `build_target` refuses).
fn blackbox_url(input: &str, m: &Module) -> Option<String> {
    if !m.any_http_scheme {
        return None;
    }
    let (scheme, rest) = match input.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("http".to_string(), input),
    };
    let secure = match scheme.as_str() {
        "http" => false,
        "https" => true,
        "ws" if m.prober.is_ws() => false,
        "wss" if m.prober.is_ws() => true,
        _ => return None,
    };
    let scheme = match (m.prober.is_ws(), secure) {
        (false, false) => "http",
        (false, true) => "https",
        (true, false) => "ws",
        (true, true) => "wss",
    };
    Some(format!("{scheme}://{rest}"))
}

/// The prober a target is checked with: an http module probes an `https://` URL
/// with TLS.
fn effective_prober(m: &Module, t: &Target) -> Prober {
    match (m.any_http_scheme, t.scheme) {
        (true, Some(Scheme::Https)) => Prober::Https,
        (true, Some(Scheme::Wss)) => Prober::Wss,
        (true, Some(Scheme::Ws)) => Prober::Ws,
        (true, Some(Scheme::Http)) => Prober::Http,
        _ => m.prober,
    }
}

fn refusal_text(l: &Localizer, t: &Target, r: &Refusal) -> String {
    let target = ("target", Arg::from(t.input.as_str()));
    match r {
        Refusal::Port(p) => l.with("exporter-refused-port", &[target, ("port", Arg::from(*p))]),
        Refusal::Host(h) => l.with(
            "exporter-refused-host",
            &[target, ("host", h.as_str().into())],
        ),
        // The resolved address is not echoed: the exporter must not answer
        // questions about internal names to whoever asks.
        Refusal::Address(ip) => l.with(
            "exporter-refused-address",
            &[target, ("addr", ip.to_string().into())],
        ),
        // Resolved addresses are not echoed, and "no address" is not told apart from
        // "outside": the exporter must not answer questions about internal names.
        Refusal::NameOutside(n) => l.with(
            "exporter-refused-resolved",
            &[target, ("host", n.as_str().into())],
        ),
        Refusal::Denied(_, range) => l.with(
            "exporter-refused-denied",
            &[target, ("range", range.to_string().into())],
        ),
        Refusal::Unspecified(ip) => l.with(
            "exporter-refused-unspecified",
            &[target, ("addr", ip.to_string().into())],
        ),
    }
}

fn refuse_target(st: &State, t: &Target, r: &Refusal) -> Resp {
    let text = with_l(|l| refusal_text(l, t, r));
    refuse(st, StatusCode::FORBIDDEN, r.reason(), text)
}

/// One probe slot; released when dropped.
struct Slot<'a>(&'a Counters);

impl<'a> Slot<'a> {
    fn enter(c: &'a Counters, max: usize) -> Option<Slot<'a>> {
        if c.in_flight.fetch_add(1, Ordering::SeqCst) >= max {
            c.in_flight.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(c))
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn probe(st: &State, req: &Request<Incoming>) -> Resp {
    let start = Instant::now();
    let bad = |text: String| refuse(st, StatusCode::BAD_REQUEST, "bad-request", text);
    let Some(params) = parse_query(req.uri().query().unwrap_or("")) else {
        return bad(with_l(|l| l.text("exporter-refused-query")));
    };
    let Some(input) = params
        .get("target")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    else {
        return bad(with_l(|l| l.text("exporter-refused-no-target")));
    };
    let cfg = st.config();
    let module_name = params
        .get("module")
        .cloned()
        .unwrap_or_else(|| default_module(&cfg, input));
    let Some(module) = cfg.modules.get(&module_name) else {
        let text = with_l(|l| {
            l.with(
                "exporter-refused-module",
                &[
                    ("module", module_name.as_str().into()),
                    ("modules", cfg.module_names().join(", ").into()),
                ],
            )
        });
        return refuse(st, StatusCode::BAD_REQUEST, "unknown-module", text);
    };
    let debug = params
        .get("debug")
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
    let json = params.get("format").is_some_and(|f| f == "json");
    let header = req.headers().get(SCRAPE_TIMEOUT_HEADER);
    let header_text = header.map(|h| h.to_str().unwrap_or("\u{fffd}"));
    let Some(timeout) = probe_timeout(
        header_text,
        module.timeout,
        cfg.limits.scrape_timeout_offset,
    ) else {
        return bad(with_l(|l| {
            l.with(
                "exporter-refused-timeout-header",
                &[("value", header_text.unwrap_or_default().into())],
            )
        }));
    };
    let target = match build_target(input, module, &module_name) {
        Ok(t) => t,
        Err(text) => return bad(text),
    };
    if let Err(r) = cfg
        .allow
        .check_port(target.port)
        .and_then(|()| cfg.allow.precheck(&target.host))
    {
        return refuse_target(st, &target, &r);
    }
    let Some(_slot) = Slot::enter(&st.counters, cfg.limits.max_concurrent_probes) else {
        let text = with_l(|l| {
            l.with(
                "exporter-refused-busy",
                &[("limit", Arg::from(cfg.limits.max_concurrent_probes as u64))],
            )
        });
        return refuse(st, StatusCode::TOO_MANY_REQUESTS, "too-many-probes", text);
    };

    let deadline = start + timeout;
    let mut resolution = crate::probe::resolve::resolve(&target.host, deadline).await;
    if let Err(r) = cfg
        .allow
        .check_resolved(&target.host, &resolution.addresses)
    {
        return refuse_target(st, &target, &r);
    }
    // Every resolved address passed; the module may then keep one family only.
    let resolution_was_empty = resolution.addresses.is_empty();
    if let Some(p) = module.checks.ip {
        blackbox::prefer(&mut resolution.addresses, p);
    }
    let opts = CheckOptions {
        timeout: deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1)),
        side_probes: module.side_probes,
        proto: module.proto.clone(),
        insecure: module.insecure,
        trace: module.trace,
        ports_when_ok: false,
        ..CheckOptions::default()
    };
    let connect_to: Vec<IpAddr> = resolution.addresses.clone();
    // The preferred family (without fallback) can leave no address: blackbox fails
    // such a probe at resolution, and an empty pin would not constrain the check.
    let report = if connect_to.is_empty() && !resolution_was_empty {
        None
    } else {
        let check = crate::probe::resolve::pinned(resolution, crate::check(&target, &opts));
        tokio::time::timeout_at(deadline + GRACE, check).await.ok()
    };
    // Pinning guarantees this (asserted in debug builds, i.e. in the test suite): the
    // check connected only to the addresses vetted above.
    debug_assert!(report.as_ref().is_none_or(|r| {
        r.evidence
            .attempts
            .iter()
            .all(|a| connect_to.contains(&a.addr.ip()))
    }));
    let connected = report
        .as_ref()
        .filter(|r| r.diagnosis.symptom == Symptom::Ok)
        .and_then(blackbox::connected_addr);
    // query_response talks on a connection of its own, to the very address the
    // check connected to (vetted above), within what is left of the deadline.
    let regex_failed = match (module.checks.query_response.is_empty(), connected) {
        (true, _) => None,
        (false, None) => Some(false),
        (false, Some(addr)) => Some(
            blackbox::query_response(addr, &module.checks.query_response, deadline)
                .await
                .unwrap_or(true),
        ),
    };
    let prober = effective_prober(module, &target);
    let verdict = blackbox::verdict(report.as_ref(), module, prober, regex_failed);
    let times = ProbeTimes {
        timeout,
        duration: start.elapsed(),
        success: verdict.success,
    };
    st.counters.probe_done(&module_name, verdict.success);
    let mut body = metrics::probe(report.as_ref(), prober, &times);
    body.push_str(&verdict.metrics);
    if !debug {
        return exposition(req, body);
    }
    debug_response(report.as_ref(), &module_name, module, &times, body, json)
}

fn debug_response(
    report: Option<&crate::Report>,
    module_name: &str,
    module: &Module,
    t: &ProbeTimes,
    metrics_text: String,
    json: bool,
) -> Resp {
    with_l(|l| {
        if json {
            let mut v = match report {
                Some(r) => crate::report::json::to_value(r, Some(l)),
                None => serde_json::json!({ "schema": crate::report::json::SCHEMA }),
            };
            v["exporter"] = serde_json::json!({
                "module": module_name,
                "prober": module.prober.name(),
                "timeout_s": t.timeout.as_secs_f64(),
                "finished": report.is_some(),
                "metrics": metrics_text,
            });
            let body = serde_json::to_string_pretty(&v).unwrap_or_default();
            return response(StatusCode::OK, "application/json", body + "\n");
        }
        let mut out = l.with(
            "exporter-debug-module",
            &[
                ("module", module_name.into()),
                ("prober", module.prober.name().into()),
                ("seconds", Arg::Num(t.timeout.as_secs_f64())),
            ],
        );
        out.push_str("\n\n");
        match report {
            Some(r) => {
                let text = crate::report::human::render(r, l);
                out.push_str(&anstream::adapter::strip_str(&text).to_string());
            }
            None => {
                out.push_str(&l.text("exporter-debug-unfinished"));
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&l.text("exporter-debug-metrics"));
        out.push_str("\n\n");
        out.push_str(&metrics_text);
        response(StatusCode::OK, TEXT, out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_decoding() {
        let q = parse_query("target=ws%3A%2F%2Fh%3A1%2Fa+b&module=ws").expect("valid");
        assert_eq!(q["target"], "ws://h:1/a b");
        assert_eq!(q["module"], "ws");
        assert!(parse_query("target=%zz").is_none());
        assert!(parse_query("target=%+f").is_none());
        assert!(parse_query("target=%ff").is_none(), "not UTF-8");
        assert!(parse_query("target=a&target=b").is_none(), "ambiguous");
        let many = (0..=MAX_PARAMS)
            .map(|i| format!("p{i}=1"))
            .collect::<Vec<_>>()
            .join("&");
        assert!(parse_query(&many).is_none());
    }

    #[test]
    fn scrape_timeout() {
        let m = Duration::from_secs(5);
        let o = Duration::from_millis(500);
        assert_eq!(probe_timeout(None, m, o), Some(m));
        assert_eq!(probe_timeout(Some("10"), m, o), Some(m));
        assert_eq!(
            probe_timeout(Some("1.5"), m, o),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            probe_timeout(Some("0.6"), m, o),
            Some(Duration::from_millis(300))
        );
        for bad in ["", "x", "-1", "0", "NaN", "inf"] {
            assert_eq!(probe_timeout(Some(bad), m, o), None, "{bad}");
        }
    }

    #[test]
    fn targets_from_modules() {
        let cfg = Config::builtin();
        let t = build_target("127.0.0.1:8080", &cfg.modules["ws"], "ws").expect("ws");
        assert_eq!((t.scheme, t.path.as_str()), (Some(Scheme::Ws), "/"));
        let t = build_target("127.0.0.1:8080", &cfg.modules["tcp"], "tcp").expect("tcp");
        assert_eq!((t.scheme, t.port), (None, 8080));
        let t = build_target("tcp://127.0.0.1:8080", &cfg.modules["tcp"], "tcp").expect("tcp url");
        assert_eq!(t.scheme, None);
        let t = build_target("localhost", &cfg.modules["https"], "https").expect("https");
        assert_eq!((t.port, t.path.as_str()), (443, "/"));
        let t = build_target("websocket://h:1/chat", &cfg.modules["ws"], "ws").expect("ws url");
        assert_eq!(t.path, "/chat");
        assert!(build_target("http://h:1/", &cfg.modules["ws"], "ws").is_err());
        assert!(build_target("h:1/x", &cfg.modules["tcp"], "tcp").is_err());
        assert!(build_target("h:1\u{0}", &cfg.modules["tcp"], "tcp").is_err());
        assert_eq!(default_module(&cfg, "wss://h/"), "wss");
        assert_eq!(default_module(&cfg, "websocket://h:1"), "ws");
        assert_eq!(default_module(&cfg, "text://h:1"), "tcp");
        assert_eq!(default_module(&cfg, "h:1"), "tcp");
    }

    #[test]
    fn a_full_table_closes_the_longest_idle_connection() {
        use futures_util::FutureExt;
        let told = |c: &Conn| c.kill.notified().now_or_never().is_some();
        let conns = Arc::new(Conns::default());
        let all: Vec<Arc<Conn>> = (0..MAX_CONNECTIONS)
            .map(|_| Conns::admit(&conns).expect("room"))
            .collect();
        // The oldest is handling a request; the next oldest waits for a head.
        all[0].busy();
        let newcomer = Conns::admit(&conns).expect("room is made");
        assert!(!told(&all[0]), "a busy connection is never closed for room");
        assert!(told(&all[1]), "the longest idle one is");
        assert!(!told(&all[2]) && !told(&newcomer));
        // A connection that answered goes to the back of the line.
        all[2].busy();
        all[2].idle();
        drop(Conns::admit(&conns));
        assert!(told(&all[3]) && !told(&all[2]));
        // Every connection busy: no room, the newcomer is turned away.
        for c in all.iter().chain([&newcomer]) {
            c.busy();
        }
        drop(all);
        assert_eq!(conns.lock().live, 1, "dropped entries leave the table");
        let full: Vec<Arc<Conn>> = (1..MAX_CONNECTIONS)
            .map(|_| Conns::admit(&conns).expect("room"))
            .collect();
        full.iter().for_each(|c| c.busy());
        assert!(Conns::admit(&conns).is_none());
    }

    #[test]
    fn listen_addresses() {
        assert_eq!(
            parse_listen("127.0.0.1:9115"),
            Some(SocketAddr::from(([127, 0, 0, 1], 9115)))
        );
        assert_eq!(
            parse_listen("localhost:0"),
            Some(SocketAddr::from(([127, 0, 0, 1], 0)))
        );
        assert!(parse_listen("[::1]:9115").is_some());
        assert_eq!(parse_listen(":9115"), None);
    }
}
