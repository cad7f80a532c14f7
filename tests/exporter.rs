//! `conndoctor exporter` (issue 7), run as a process: the real binary on a free
//! loopback port, scraped over HTTP with a plain std `TcpStream`, its Prometheus text
//! parsed with the `prometheus-parse` crate and checked with `promtool check metrics`;
//! as a blackbox_exporter drop-in it is also scraped by a real Prometheus (both from
//! Debian's `prometheus` package, which .ci/run installs; missing, the tests fail).
//!
//! Targets are loopback servers started here: an open port, a closed one, a listener
//! whose accept queue is full (backlog 0 and one parked client: SYNs get no answer, as
//! behind a DROP rule), hyper as an HTTP server, tokio-tungstenite as a WebSocket
//! server. The allow-list tests only ever ask for non-loopback addresses that must be
//! refused before any packet is sent. Nothing asserts a timing.

mod support;

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use support::{Bg, ChildGuard, WsPolicy, accept_each, command, spawn_server, ws_server};

/// Every wait for the exporter (start-up, a line, a response) ends after this.
const WAIT: Duration = Duration::from_secs(60);

// ------------------------------------------------------------------ the exporter

struct Exporter {
    guard: ChildGuard,
    addr: SocketAddr,
    stdout: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
    startup: String,
}

fn lines_of<R: Read + Send + 'static>(r: R, tag: &'static str) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            eprintln!("exporter {tag}| {line}");
            // Keep draining after the test stops listening, so the child never blocks.
            let _ = tx.send(line);
        }
    });
    rx
}

fn start(config: Option<&Path>, extra: &[&str]) -> Exporter {
    let mut c = command(&["exporter", "--listen", "127.0.0.1:0", "--lang", "en"]);
    if let Some(p) = config {
        c.arg("--config").arg(p);
    }
    c.args(extra);
    start_cmd(c)
}

/// Starts the exporter command `c` and reads its address from the start-up line.
fn start_cmd(mut c: Command) -> Exporter {
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn conndoctor exporter");
    let stdout = lines_of(child.stdout.take().expect("stdout"), "out");
    let stderr = lines_of(child.stderr.take().expect("stderr"), "err");
    let guard = ChildGuard {
        child,
        name: "conndoctor exporter",
    };
    let first = stdout
        .recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("the exporter printed no start-up line"));
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no listen address in the start-up line: {first}"));
    Exporter {
        guard,
        addr,
        stdout,
        stderr,
        startup: first,
    }
}

fn start_with(yaml: &str) -> (Exporter, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("conndoctor.yml");
    std::fs::write(&path, yaml).expect("write config");
    (start(Some(&path), &[]), dir)
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on a fresh connection (`Connection: close`), read to the end.
fn http(addr: SocketAddr, raw_head: &str) -> Resp {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).expect("connect");
    s.set_read_timeout(Some(WAIT)).expect("read timeout");
    s.set_write_timeout(Some(WAIT)).expect("write timeout");
    s.write_all(raw_head.as_bytes()).expect("send request");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP response head in {text:?}"));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
    }
}

impl Exporter {
    fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let mut head = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        http(self.addr, &head)
    }

    fn get(&self, path: &str) -> Resp {
        self.get_with(path, &[])
    }

    /// `/probe` for `target` with `module`; must answer 200 with parseable metrics.
    fn probe(&self, target: &str, module: &str) -> Metrics {
        self.probe_with(target, module, &[])
    }

    fn probe_with(&self, target: &str, module: &str, headers: &[(&str, &str)]) -> Metrics {
        let r = self.get_with(&format!("/probe?target={target}&module={module}"), headers);
        assert_eq!(r.status, 200, "probe {target} ({module}): {}", r.body);
        assert!(
            r.header("content-type")
                .is_some_and(|c| c.starts_with("text/plain; version=0.0.4")),
            "content type {:?}",
            r.header("content-type")
        );
        Metrics::parse(&r.body)
    }

    fn metrics(&self) -> Metrics {
        let r = self.get("/metrics");
        assert_eq!(r.status, 200, "/metrics: {}", r.body);
        Metrics::parse(&r.body)
    }

    /// Waits for a line on stdout (`err: false`) or stderr containing `needle`.
    fn wait_line(&self, err: bool, needle: &str) -> String {
        let rx = if err { &self.stderr } else { &self.stdout };
        let until = Instant::now() + WAIT;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) if l.contains(needle) => return l,
                Ok(_) => {}
                Err(_) => panic!("the exporter printed no line with {needle:?}"),
            }
        }
    }

    fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.guard.child.id()).expect("pid"));
        nix::sys::signal::kill(pid, sig).expect("kill");
    }
}

// ------------------------------------------------------------------ metrics

/// One scrape, parsed by `prometheus-parse`, plus the raw text.
struct Metrics {
    text: String,
    samples: Vec<(String, BTreeMap<String, String>, f64)>,
}

impl Metrics {
    fn parse(text: &str) -> Metrics {
        // Every sample line must be well-formed text exposition; prometheus-parse is
        // lenient, so check the shape first.
        let line_re = regex::Regex::new(
            r#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (NaN|[+-]Inf|-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)$"#,
        )
        .expect("regex");
        for l in text.lines() {
            assert!(
                l.starts_with("# HELP ") || l.starts_with("# TYPE ") || line_re.is_match(l),
                "not a text-format line: {l:?}\n{text}"
            );
        }
        let scrape = prometheus_parse::Scrape::parse(text.lines().map(|l| Ok(l.to_string())))
            .expect("prometheus-parse");
        let samples = scrape
            .samples
            .into_iter()
            .map(|s| {
                let v = match s.value {
                    prometheus_parse::Value::Counter(v)
                    | prometheus_parse::Value::Gauge(v)
                    | prometheus_parse::Value::Untyped(v) => v,
                    other => panic!("unexpected value {other:?}"),
                };
                let labels = s
                    .labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                (s.metric, labels, v)
            })
            .collect();
        Metrics {
            text: text.to_string(),
            samples,
        }
    }

    fn get(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        self.samples
            .iter()
            .find(|(n, l, _)| {
                n == name
                    && l.len() == labels.len()
                    && labels
                        .iter()
                        .all(|(k, v)| l.get(*k).map(String::as_str) == Some(*v))
            })
            .map(|(_, _, v)| *v)
    }

    fn value(&self, name: &str) -> f64 {
        self.get(name, &[])
            .unwrap_or_else(|| panic!("no {name} in\n{}", self.text))
    }

    /// The values of label `label` on the series of `name`.
    fn label_values(&self, name: &str, label: &str) -> Vec<String> {
        self.samples
            .iter()
            .filter(|(n, _, _)| n == name)
            .filter_map(|(_, l, _)| l.get(label).cloned())
            .collect()
    }

    fn symptom(&self) -> String {
        let s = self.label_values("conndoctor_symptom", "symptom");
        assert_eq!(s.len(), 1, "one symptom series expected:\n{}", self.text);
        s[0].clone()
    }

    fn causes(&self) -> Vec<String> {
        self.label_values("conndoctor_cause", "cause")
    }

    /// Bounded cardinality: the only labels are the diagnosis ids, from fixed sets.
    fn assert_bounded(&self) {
        const SYMPTOMS: &[&str] = &[
            "ok",
            "refused",
            "timeout",
            "unreachable",
            "addr-not-avail",
            "dns",
            "reset",
            "mismatch",
            "tls",
            "local",
        ];
        let id = regex::Regex::new(r"^[a-z-]+\.[a-z-]+$").expect("regex");
        for (name, labels, value) in &self.samples {
            assert!(*value >= 0.0, "{name}");
            for (k, v) in labels {
                match (name.as_str(), k.as_str()) {
                    ("conndoctor_symptom", "symptom") => {
                        assert!(SYMPTOMS.contains(&v.as_str()), "symptom {v}")
                    }
                    ("conndoctor_cause", "cause") | ("conndoctor_warning", "warning") => {
                        assert!(id.is_match(v), "cause label {v:?} is not an id")
                    }
                    ("conndoctor_cause" | "conndoctor_warning", "confidence") => {
                        assert!(["low", "medium", "high"].contains(&v.as_str()), "{v}")
                    }
                    _ => panic!("unexpected label {k}={v:?} on {name}\n{}", self.text),
                }
            }
        }
    }
}

// ------------------------------------------------------------------ targets

/// hyper's HTTP/1.1 server: 200 to everything, WebSocket upgrades included.
fn hyper_server() -> Bg {
    use http_body_util::Full;
    use hyper::body::Bytes;
    spawn_server(|l| {
        accept_each(l, |s| async move {
            let svc = hyper::service::service_fn(|_req| async {
                Ok::<_, Infallible>(
                    hyper::Response::builder()
                        .header("server", "test-hyper/1.0")
                        .body(Full::new(Bytes::from_static(b"hello from hyper\n")))
                        .expect("response"),
                )
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(s), svc)
                .await;
        })
    })
}

/// A port that accepts in the kernel (nothing calls accept; a few probes fit the backlog).
fn open_port() -> (std::net::TcpListener, SocketAddr) {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let a = l.local_addr().expect("addr");
    (l, a)
}

/// A port that gets no answer: a listener with backlog 0 whose only queue slot is
/// taken by a parked client, so the kernel drops further SYNs.
struct FullQueue {
    _listener: socket2::Socket,
    _parked: TcpStream,
    addr: SocketAddr,
}

fn full_queue() -> FullQueue {
    use socket2::{Domain, Socket, Type};
    let s = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    s.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .expect("bind");
    s.listen(0).expect("listen");
    let addr = s
        .local_addr()
        .expect("addr")
        .as_socket()
        .expect("inet address");
    let parked = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("park a client");
    FullQueue {
        _listener: s,
        _parked: parked,
        addr,
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exporter")
}

// ------------------------------------------------------------------ tests

#[test]
fn without_config_it_says_builtin_modules_and_loopback_only() {
    let e = start(None, &[]);
    assert!(
        e.startup
            .contains("built-in modules tcp, http, https, ws, wss")
            && e.startup.contains("loopback only (127.0.0.0/8, ::1/128)")
            && e.startup.contains("no --config"),
        "start-up line: {}",
        e.startup
    );
    let idx = e.get("/");
    assert_eq!(idx.status, 200);
    assert!(idx.body.contains("/probe?target="));
}

#[test]
fn open_refused_filtered_and_mismatched_targets() {
    let (e, _dir) = start_with(
        "modules:\n  tcp:\n    prober: tcp\n    timeout: 1s\n  http:\n    prober: http\n  ws:\n    prober: ws\n",
    );

    // Open: a TCP connect succeeds.
    let (_l, open) = open_port();
    let m = e.probe(&open.to_string(), "tcp");
    m.assert_bounded();
    assert_eq!(m.value("probe_success"), 1.0);
    assert_eq!(m.symptom(), "ok");
    assert!(m.causes().is_empty(), "{}", m.text);
    assert_eq!(m.value("probe_ip_protocol"), 4.0);
    assert_eq!(m.value("probe_dns_lookup_time_seconds"), 0.0);
    assert!(m.value("probe_duration_seconds") > 0.0);
    assert_eq!(
        m.get("probe_http_status_code", &[]),
        None,
        "tcp has no status code"
    );

    // Open, speaking the module's protocol: HTTP 200 and a WebSocket 101.
    let web = hyper_server();
    let m = e.probe(&web.addr.to_string(), "http");
    m.assert_bounded();
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (1.0, 200.0)
    );
    let ws = ws_server(WsPolicy::default());
    let m = e.probe(&ws.addr.to_string(), "ws");
    m.assert_bounded();
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (1.0, 101.0)
    );
    assert_eq!(m.symptom(), "ok");

    // Refused: nothing listens.
    let closed = support::free_port();
    let m = e.probe(&format!("127.0.0.1:{closed}"), "tcp");
    m.assert_bounded();
    assert_eq!(m.value("probe_success"), 0.0);
    assert_eq!(m.symptom(), "refused");
    assert_eq!(m.causes()[0], "refused.not-listening", "{}", m.text);
    assert_eq!(
        m.get(
            "conndoctor_cause",
            &[("cause", "refused.not-listening"), ("confidence", "high")]
        ),
        Some(1.0)
    );

    // Filtered: the SYN gets no answer within the module's 1 s.
    let q = full_queue();
    let m = e.probe(&q.addr.to_string(), "tcp");
    m.assert_bounded();
    assert_eq!(m.value("probe_success"), 0.0);
    assert_eq!(m.symptom(), "timeout");
    assert_eq!(m.causes(), vec!["timeout.accept-queue-full"], "{}", m.text);
    assert_eq!(m.value("conndoctor_probe_timeout_seconds"), 1.0);

    // Mismatched: a WebSocket module against a plain HTTP server.
    let m = e.probe(&web.addr.to_string(), "ws");
    m.assert_bounded();
    assert_eq!(m.value("probe_success"), 0.0);
    assert_eq!(m.symptom(), "mismatch");
    assert_eq!(m.causes()[0], "mismatch.ws-to-http", "{}", m.text);
    assert_eq!(m.value("probe_http_status_code"), 200.0);

    // No address, port or free text ever reaches a label.
    for port in [open.port(), closed, q.addr.port(), web.addr.port()] {
        assert!(!m.text.contains(&format!("\"{port}\"")));
    }
    assert!(!m.text.contains("127.0.0.1"));

    // The exporter's own counters saw all of it.
    let own = e.metrics();
    let probes = |module: &str, result: &str| {
        own.get(
            "conndoctor_exporter_probes_total",
            &[("module", module), ("result", result)],
        )
    };
    assert_eq!(probes("tcp", "success"), Some(1.0));
    assert_eq!(probes("tcp", "failure"), Some(2.0));
    assert_eq!(probes("ws", "success"), Some(1.0));
    assert_eq!(probes("ws", "failure"), Some(1.0));
    assert_eq!(probes("http", "success"), Some(1.0));
    assert_eq!(own.value("conndoctor_exporter_probes_in_flight"), 0.0);
}

#[test]
fn url_targets_and_default_module() {
    let e = start(None, &[]);
    let web = hyper_server();
    // A URL target picks the module named like its scheme when none is given.
    let r = e.get(&format!(
        "/probe?target=http%3A%2F%2F127.0.0.1%3A{}%2Fhealth",
        web.addr.port()
    ));
    assert_eq!(r.status, 200, "{}", r.body);
    let m = Metrics::parse(&r.body);
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (1.0, 200.0)
    );
    // A URL whose scheme contradicts the module is refused, not silently rewritten.
    let r = e.get(&format!(
        "/probe?target=http://127.0.0.1:{}/&module=ws",
        web.addr.port()
    ));
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("uses http://, but module \"ws\" probes ws"),
        "{}",
        r.body
    );
    // `localhost` is listed by the built-in allow-list.
    let m = e.probe(&format!("localhost:{}", web.addr.port()), "http");
    assert_eq!(m.value("probe_success"), 1.0, "{}", m.text);
}

#[test]
fn allow_list_refuses_other_hosts_before_probing() {
    let e = start(None, &[]);
    let r = e.get("/probe?target=10.1.2.3:80&module=tcp");
    assert_eq!(r.status, 403);
    assert_eq!(r.header("x-conndoctor-refused"), Some("not-allowed"));
    assert!(
        r.body.contains("10.1.2.3 is outside the allowed networks"),
        "{}",
        r.body
    );
    // Metadata is denied even before the allow-list is consulted.
    let r = e.get("/probe?target=169.254.169.254:80&module=http");
    assert_eq!(
        (r.status, r.header("x-conndoctor-refused")),
        (403, Some("denied-address"))
    );
    let own = e.metrics();
    assert_eq!(
        own.get(
            "conndoctor_exporter_requests_refused_total",
            &[("reason", "not-allowed")]
        ),
        Some(1.0)
    );
    assert_eq!(
        own.get(
            "conndoctor_exporter_requests_refused_total",
            &[("reason", "denied-address")]
        ),
        Some(1.0)
    );
    assert_eq!(
        own.samples
            .iter()
            .filter(|(n, _, _)| n == "conndoctor_exporter_probes_total")
            .map(|(_, _, v)| v)
            .sum::<f64>(),
        0.0,
        "nothing was probed"
    );
}

#[test]
fn metadata_and_link_local_are_denied_even_under_a_catch_all() {
    let (e, _dir) =
        start_with("modules:\n  tcp:\n    prober: tcp\nallow:\n  cidrs: [0.0.0.0/0, \"::/0\"]\n");
    for target in [
        "169.254.169.254:80",
        "[::ffff:169.254.169.254]:80",
        "[fd00:ec2::254]:80",
        "[fe80::1]:80",
        "100.100.100.200:80",
        "0.0.0.0:80",
        "[::]:80",
    ] {
        let r = e.get(&format!("/probe?target={target}&module=tcp"));
        assert_eq!(
            (r.status, r.header("x-conndoctor-refused")),
            (403, Some("denied-address")),
            "{target}: {}",
            r.body
        );
    }
}

#[test]
fn resolved_addresses_are_checked_not_the_name() {
    // `localhost` is not a listed host here, and its addresses are outside the cidrs.
    let (e, _dir) =
        start_with("modules:\n  tcp:\n    prober: tcp\nallow:\n  cidrs: [10.0.0.0/8]\n");
    let (_l, open) = open_port();
    let r = e.get(&format!(
        "/probe?target=localhost:{}&module=tcp",
        open.port()
    ));
    assert_eq!(
        (r.status, r.header("x-conndoctor-refused")),
        (403, Some("not-allowed"))
    );
    assert!(
        r.body.contains(
            "localhost is not a listed host, and it does not resolve to addresses inside the allowed networks"
        ),
        "{}",
        r.body
    );
    assert!(
        !r.body.contains("127.0.0.1"),
        "the resolved address is not disclosed"
    );

    // Names not listed, with no networks to pass through, are refused without DNS.
    let (e, _dir2) = start_with(
        "modules:\n  tcp:\n    prober: tcp\nallow:\n  hosts: [localhost]\n  ports: [\"1-1023\"]\n",
    );
    let r = e.get("/probe?target=unlisted.invalid:80&module=tcp");
    assert_eq!(r.status, 403);
    assert!(
        r.body
            .contains("host unlisted.invalid is not in the allow-list"),
        "{}",
        r.body
    );
    // The port list is enforced too.
    let r = e.get(&format!(
        "/probe?target=localhost:{}&module=tcp",
        open.port()
    ));
    assert_eq!(r.status, 403);
    assert!(
        r.body
            .contains(&format!("port {} is not in the allow-list", open.port())),
        "{}",
        r.body
    );
}

#[test]
fn scrape_timeout_header_sets_the_deadline() {
    let (e, _dir) = start_with(
        "modules:\n  slow:\n    prober: tcp\n    timeout: 10s\nlimits:\n  scrape_timeout_offset: 0.5s\n",
    );
    let q = full_queue();
    let target = q.addr.to_string();
    // Scrape timeout 1.5 s minus the 0.5 s offset: a 1 s deadline, not the module's 10 s.
    let m = e.probe_with(
        &target,
        "slow",
        &[("X-Prometheus-Scrape-Timeout-Seconds", "1.5")],
    );
    assert_eq!(m.value("conndoctor_probe_timeout_seconds"), 1.0);
    assert_eq!(m.symptom(), "timeout");
    // The module timeout caps a long scrape timeout.
    let (_l, open) = open_port();
    let m = e.probe_with(
        &open.to_string(),
        "slow",
        &[("X-Prometheus-Scrape-Timeout-Seconds", "30")],
    );
    assert_eq!(m.value("conndoctor_probe_timeout_seconds"), 10.0);
    // A tiny scrape timeout still leaves half of it.
    let m = e.probe_with(
        &open.to_string(),
        "slow",
        &[("X-Prometheus-Scrape-Timeout-Seconds", "0.6")],
    );
    assert_eq!(m.value("conndoctor_probe_timeout_seconds"), 0.3);
    // The debug report ran under that same budget.
    let r = e.get_with(
        &format!("/probe?target={target}&module=slow&debug=true&format=json"),
        &[("X-Prometheus-Scrape-Timeout-Seconds", "1.5")],
    );
    let v: serde_json::Value = serde_json::from_str(&r.body).expect("debug JSON");
    assert!(
        v["timings"]["budget_ms"]
            .as_u64()
            .is_some_and(|b| b <= 1000),
        "{v}"
    );
    assert_eq!(v["exporter"]["timeout_s"], 1.0);
    // Garbage in the header is a bad request.
    let r = e.get_with(
        &format!("/probe?target={target}&module=slow"),
        &[("X-Prometheus-Scrape-Timeout-Seconds", "soon")],
    );
    assert_eq!(
        (r.status, r.header("x-conndoctor-refused")),
        (400, Some("bad-request"))
    );
}

#[test]
fn debug_returns_the_full_report() {
    let e = start(None, &[]);
    let web = hyper_server();
    let r = e.get(&format!("/probe?target={}&module=ws&debug=true", web.addr));
    assert_eq!(r.status, 200);
    for needle in [
        "module ws (prober ws)",
        "mismatch.ws-to-http",
        "Fix:",
        "Metrics returned for this probe:",
        "conndoctor_symptom{symptom=\"mismatch\"} 1",
    ] {
        assert!(r.body.contains(needle), "{needle:?} missing:\n{}", r.body);
    }
    assert!(!r.body.contains('\u{1b}'), "no terminal escapes over HTTP");
    let r = e.get(&format!(
        "/probe?target={}&module=ws&debug=true&format=json",
        web.addr
    ));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v: serde_json::Value = serde_json::from_str(&r.body).expect("JSON");
    assert_eq!(v["schema"], 1);
    assert_eq!(v["symptom"], "mismatch");
    assert_eq!(v["causes"][0]["id"], "mismatch.ws-to-http");
    assert_eq!(v["exporter"]["module"], "ws");
    assert!(
        v["exporter"]["metrics"]
            .as_str()
            .is_some_and(|m| m.contains("probe_success 0"))
    );
}

#[test]
fn limits_and_malformed_requests() {
    let (e, _dir) = start_with(
        "modules:\n  tcp:\n    prober: tcp\n    timeout: 3s\nlimits:\n  max_concurrent_probes: 1\n",
    );
    let q = full_queue();
    // One probe hangs on the filtered port for its 3 s; a second one meanwhile is 429.
    let addr = e.addr;
    let target = q.addr.to_string();
    let slow = std::thread::spawn(move || {
        http(
            addr,
            &format!(
                "GET /probe?target={target}&module=tcp HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            ),
        )
    });
    let until = Instant::now() + WAIT;
    while e.metrics().value("conndoctor_exporter_probes_in_flight") < 1.0 {
        assert!(Instant::now() < until, "the first probe never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (_l, open) = open_port();
    let r = e.get(&format!("/probe?target={open}&module=tcp"));
    assert_eq!(r.status, 429, "{}", r.body);
    assert_eq!(r.header("x-conndoctor-refused"), Some("too-many-probes"));
    assert_eq!(r.header("retry-after"), Some("1"));
    assert!(r.body.contains("limit 1"), "{}", r.body);
    let first = slow.join().expect("first probe");
    assert_eq!(first.status, 200);
    assert_eq!(Metrics::parse(&first.body).symptom(), "timeout");

    let cases: Vec<(String, u16, &str)> = vec![
        (
            format!("/probe?target={}&module=tcp", "a".repeat(5000)),
            414,
            "uri-too-long",
        ),
        ("/probe?module=tcp".into(), 400, "bad-request"),
        ("/probe?target=%zz&module=tcp".into(), 400, "bad-request"),
        ("/probe?target=a:1&target=b:2".into(), 400, "bad-request"),
        (
            "/probe?target=127.0.0.1:1&module=nope".into(),
            400,
            "unknown-module",
        ),
        (
            "/probe?target=127.0.0.1:99999&module=tcp".into(),
            400,
            "bad-request",
        ),
        (
            "/probe?target=127.0.0.1:1%0d%0aX:1&module=tcp".into(),
            400,
            "bad-request",
        ),
        ("/nothing-here".into(), 404, "not-found"),
    ];
    for (path, status, reason) in &cases {
        let r = e.get(path);
        assert_eq!(
            (r.status, r.header("x-conndoctor-refused")),
            (*status, Some(*reason)),
            "{path}: {}",
            r.body
        );
    }
    let r = http(
        e.addr,
        "POST /probe?target=127.0.0.1:1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    assert_eq!((r.status, r.header("allow")), (405, Some("GET")));
    let r = http(
        e.addr,
        "GET /probe?target=127.0.0.1:1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    );
    assert_eq!(r.status, 400);
    // A request head beyond the buffer cap is refused by hyper itself.
    let big = format!(
        "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "b".repeat(40_000)
    );
    let r = http(e.addr, &big);
    assert_eq!(r.status, 431);
    let own = e.metrics();
    assert_eq!(
        own.get(
            "conndoctor_exporter_requests_refused_total",
            &[("reason", "too-many-probes")]
        ),
        Some(1.0)
    );
}

#[test]
fn config_errors_exit_2_with_a_clear_message() {
    let mut rejects: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("reject-") && n.ends_with(".yml"))
        })
        .collect();
    rejects.sort();
    assert!(rejects.len() >= 20, "fixtures: {rejects:?}");
    let run = |config: &Path| {
        let out = command(&["exporter", "--listen", "127.0.0.1:0", "--lang", "en"])
            .arg("--config")
            .arg(config)
            .stdin(Stdio::null())
            .output()
            .expect("run exporter");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for f in &rejects {
        let text = std::fs::read_to_string(f).expect("fixture");
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{}: first line must be `# expect: …`", f.display()));
        let (code, stdout, stderr) = run(f);
        assert_eq!(
            code,
            Some(2),
            "{}: exit {code:?}\n{stdout}{stderr}",
            f.display()
        );
        assert!(
            stdout.is_empty(),
            "{}: started anyway: {stdout}",
            f.display()
        );
        assert!(
            stderr.contains(expect) && stderr.contains(&f.display().to_string()),
            "{}: expected {expect:?} in: {stderr}",
            f.display()
        );
        assert!(!stderr.contains('⟦'), "missing message id: {stderr}");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = run(&dir.path().join("missing.yml"));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("cannot read the configuration"), "{stderr}");
    let (code, _, stderr) = run(dir.path());
    assert_eq!(code, Some(2));
    assert!(stderr.contains("not a regular file"), "{stderr}");

    let ok = command(&["exporter", "--check-config", "--lang", "en", "--config"])
        .arg(fixtures().join("valid.yml"))
        .output()
        .expect("check-config");
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad_listen = command(&["exporter", "--listen", ":9115"])
        .output()
        .expect("run");
    assert_eq!(bad_listen.status.code(), Some(2));
}

#[test]
fn sighup_reloads_and_a_bad_reload_keeps_the_running_config() {
    use nix::sys::signal::Signal;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("conndoctor.yml");
    std::fs::write(&path, "modules:\n  first:\n    prober: tcp\n").expect("write");
    let e = start(Some(&path), &[]);
    let (_l, open) = open_port();
    let r = e.get(&format!("/probe?target={open}&module=second"));
    assert_eq!(r.status, 400);

    std::fs::write(&path, "modules:\n  second:\n    prober: tcp\n").expect("rewrite");
    e.signal(Signal::SIGHUP);
    let line = e.wait_line(false, "configuration reloaded");
    assert!(line.contains("modules second"), "{line}");
    assert_eq!(
        e.probe(&open.to_string(), "second").value("probe_success"),
        1.0
    );

    std::fs::write(&path, "modules:\n  third:\n    prober: gopher\n").expect("break");
    e.signal(Signal::SIGHUP);
    let line = e.wait_line(true, "configuration not reloaded");
    assert!(line.contains("unknown prober \"gopher\""), "{line}");
    assert_eq!(
        e.probe(&open.to_string(), "second").value("probe_success"),
        1.0
    );
    let own = e.metrics();
    assert_eq!(
        own.value("conndoctor_exporter_config_last_reload_successful"),
        0.0
    );
    assert_eq!(
        own.get(
            "conndoctor_exporter_config_reloads_total",
            &[("result", "failure")]
        ),
        Some(1.0)
    );
    assert_eq!(
        own.get(
            "conndoctor_exporter_config_reloads_total",
            &[("result", "success")]
        ),
        Some(1.0)
    );

    e.signal(Signal::SIGTERM);
    e.wait_line(false, "exporter stopped");
    let mut e = e;
    let until = Instant::now() + WAIT;
    loop {
        if let Some(status) = e.guard.child.try_wait().expect("try_wait") {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(
            Instant::now() < until,
            "the exporter did not exit on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn promtool_accepts_the_exposition() {
    let out = Command::new("promtool")
        .arg("--version")
        .output()
        .unwrap_or_else(|_| {
            panic!("promtool is not installed (Debian package `prometheus`; .ci/run installs it)")
        });
    assert!(out.status.success());
    let e = start(None, &[]);
    let web = hyper_server();
    let closed = support::free_port();
    let pages = [
        e.get(&format!("/probe?target={}&module=ws", web.addr)).body,
        e.get(&format!("/probe?target=127.0.0.1:{closed}&module=tcp"))
            .body,
        e.get(&format!("/probe?target={}&module=http", web.addr))
            .body,
        e.get("/metrics").body,
    ];
    for page in pages {
        let mut child = Command::new("promtool")
            .args(["check", "metrics"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("promtool");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(page.as_bytes())
            .expect("feed promtool");
        let out = child.wait_with_output().expect("promtool output");
        assert!(
            out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
            "promtool check metrics:\n{}{}\n--- page\n{page}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn startup_and_errors_are_localised() {
    for lang in ["zh-CN", "th", "vi", "ru", "ja", "ar"] {
        let mut c = command(&[
            "exporter",
            "--listen",
            "127.0.0.1:0",
            "--lang",
            lang,
            "--config",
        ]);
        c.arg(fixtures().join("reject-prober.yml"));
        let out = c.output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr.contains("icmp") && !stderr.contains("unknown prober"),
            "{lang}: {stderr}"
        );
        assert!(!stderr.contains('⟦'), "{lang}: {stderr}");
    }
}

// ------------------------------------------------------------------ blackbox_exporter drop-in

/// hyper answering `/status/<code>` with that code, everything else 200.
fn status_server() -> Bg {
    use http_body_util::Full;
    use hyper::body::Bytes;
    spawn_server(|l| {
        accept_each(l, |s| async move {
            let svc = hyper::service::service_fn(
                |req: hyper::Request<hyper::body::Incoming>| async move {
                    let code = req
                        .uri()
                        .path()
                        .strip_prefix("/status/")
                        .and_then(|c| c.parse::<u16>().ok())
                        .unwrap_or(200);
                    Ok::<_, Infallible>(
                        hyper::Response::builder()
                            .status(code)
                            .body(Full::new(Bytes::from_static(b"status\n")))
                            .expect("response"),
                    )
                },
            );
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(s), svc)
                .await;
        })
    })
}

/// A server that greets like sshd, then reads one line and closes.
fn banner_server(greeting: &'static str) -> Bg {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    spawn_server(move |l| {
        accept_each(l, move |mut s| async move {
            let _ = s.write_all(greeting.as_bytes()).await;
            let mut line = String::new();
            let mut rd = tokio::io::BufReader::new(&mut s);
            let _ = tokio::time::timeout(Duration::from_secs(5), rd.read_line(&mut line)).await;
        })
    })
}

/// A blackbox.yml as a Prometheus user has it, plus modules for each mapped option.
const BLACKBOX_YML: &str = r#"
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
  http_404:
    prober: http
    timeout: 5s
    http:
      valid_status_codes: [404]
  http_tls_only:
    prober: http
    timeout: 5s
    http:
      fail_if_not_ssl: true
  tcp_connect:
    prober: tcp
    timeout: 5s
  tcp_ip6_only:
    prober: tcp
    timeout: 5s
    tcp:
      preferred_ip_protocol: ip6
      ip_protocol_fallback: false
  ssh_banner:
    prober: tcp
    timeout: 5s
    tcp:
      query_response:
      - expect: "^SSH-2.0-"
      - send: "SSH-2.0-blackbox-ssh-check"
  smtp_banner:
    prober: tcp
    timeout: 5s
    tcp:
      query_response:
      - expect: "^220 "
  header_ok:
    prober: http
    timeout: 5s
    http:
      fail_if_header_not_matches:
      - header: Content-Length
        regexp: "^7$"
      - header: X-Absent
        regexp: "."
        allow_missing: true
  header_missing:
    prober: http
    timeout: 5s
    http:
      fail_if_header_not_matches:
      - header: Access-Control-Allow-Origin
        regexp: '(\*|example\.com)'
  header_forbidden:
    prober: http
    timeout: 5s
    http:
      fail_if_header_matches:
      - header: content-length
        regexp: "7"
  ws_upgrade:
    prober: http
    timeout: 5s
    http:
      valid_status_codes: [101]
      headers:
        Upgrade: websocket
        Connection: Upgrade
        Sec-WebSocket-Version: "13"
"#;

#[test]
fn blackbox_modules_judge_as_blackbox_does() {
    let (e, _dir) = start_with(BLACKBOX_YML);
    let web = status_server();
    let port = web.addr.port();

    // http_2xx: a URL target, 2xx is success, anything else is not.
    let m = e.probe(&format!("http://127.0.0.1:{port}/"), "http_2xx");
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (1.0, 200.0),
        "{}",
        m.text
    );
    assert_eq!(m.value("probe_http_ssl"), 0.0);
    assert_eq!(m.value("probe_ip_protocol"), 4.0);
    let m = e.probe(&format!("http://127.0.0.1:{port}/status/404"), "http_2xx");
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (0.0, 404.0),
        "{}",
        m.text
    );
    let m = e.probe(&format!("http://127.0.0.1:{port}/status/503"), "http_2xx");
    assert_eq!(m.value("probe_success"), 0.0, "{}", m.text);
    // A bare host:port is http:// as in blackbox.
    let m = e.probe(&format!("127.0.0.1:{port}"), "http_2xx");
    assert_eq!(m.value("probe_success"), 1.0, "{}", m.text);

    // valid_status_codes replaces the 2xx default.
    let m = e.probe(&format!("http://127.0.0.1:{port}/status/404"), "http_404");
    assert_eq!(m.value("probe_success"), 1.0, "{}", m.text);
    let m = e.probe(&format!("http://127.0.0.1:{port}/"), "http_404");
    assert_eq!(m.value("probe_success"), 0.0, "{}", m.text);

    // fail_if_not_ssl on a plain URL.
    let m = e.probe(&format!("http://127.0.0.1:{port}/"), "http_tls_only");
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_ssl")),
        (0.0, 0.0),
        "{}",
        m.text
    );

    // preferred_ip_protocol ip6 without fallback: an IPv4-only target fails.
    let m = e.probe(&web.addr.to_string(), "tcp_ip6_only");
    assert_eq!(m.value("probe_success"), 0.0, "{}", m.text);
    let m = e.probe(&web.addr.to_string(), "tcp_connect");
    assert_eq!(m.value("probe_success"), 1.0, "{}", m.text);

    // query_response: the banner matches one module and not the other.
    let ssh = banner_server("SSH-2.0-OpenSSH_9.2 test\r\n");
    let m = e.probe(&ssh.addr.to_string(), "ssh_banner");
    assert_eq!(
        (
            m.value("probe_success"),
            m.value("probe_failed_due_to_regex")
        ),
        (1.0, 0.0),
        "{}",
        m.text
    );
    let m = e.probe(&ssh.addr.to_string(), "smtp_banner");
    assert_eq!(
        (
            m.value("probe_success"),
            m.value("probe_failed_due_to_regex")
        ),
        (0.0, 1.0),
        "{}",
        m.text
    );

    // Header regexes ("status\n" is 7 bytes; hyper sends no CORS header).
    for (module, success, regex) in [
        ("header_ok", 1.0, 0.0),
        ("header_missing", 0.0, 1.0),
        ("header_forbidden", 0.0, 1.0),
    ] {
        let m = e.probe(&format!("http://127.0.0.1:{port}/"), module);
        assert_eq!(
            (
                m.value("probe_success"),
                m.value("probe_failed_due_to_regex")
            ),
            (success, regex),
            "{module}: {}",
            m.text
        );
    }

    // A WebSocket check written as an http module with the upgrade headers.
    let ws = ws_server(WsPolicy::default());
    let m = e.probe(&format!("http://{}/", ws.addr), "ws_upgrade");
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_status_code")),
        (1.0, 101.0),
        "{}",
        m.text
    );
    let m = e.probe(&format!("http://127.0.0.1:{port}/"), "ws_upgrade");
    assert_eq!(
        m.value("probe_success"),
        0.0,
        "200 is not an upgrade: {}",
        m.text
    );
}

fn post(addr: SocketAddr, path: &str) -> Resp {
    http(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    )
}

#[test]
fn blackbox_flags_endpoints_and_openmetrics() {
    // blackbox's flag names, and --config.check's exit codes 0 and 1.
    let ok = command(&[
        "exporter",
        "--lang",
        "en",
        "--config.check",
        "--config.file",
    ])
    .arg(fixtures().join("blackbox-good.yml"))
    .output()
    .expect("config.check");
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("the configuration is valid"), "{stdout}");
    let bad = command(&[
        "exporter",
        "--lang",
        "en",
        "--config.check",
        "--config.file",
    ])
    .arg(fixtures().join("reject-bb-method.yml"))
    .output()
    .expect("config.check");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("GET only"), "{stderr}");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("blackbox.yml");
    std::fs::write(&path, "modules:\n  tcp_connect:\n    prober: tcp\n").expect("write");
    let mut c = command(&[
        "exporter",
        "--lang",
        "en",
        "--web.listen-address",
        "127.0.0.1:0",
    ]);
    c.arg("--config.file").arg(&path);
    let e = start_cmd(c);

    for (p, body) in [("/-/healthy", "Healthy"), ("/-/ready", "Ready")] {
        let r = e.get(p);
        assert_eq!((r.status, r.body.trim()), (200, body), "{p}");
    }
    let r = e.get("/-/reload");
    assert_eq!(r.status, 405, "{}", r.body);
    assert_eq!(r.header("allow"), Some("POST"));

    // POST /-/reload: a new module appears; a broken file is 500 and changes nothing.
    let (_l, open) = open_port();
    std::fs::write(&path, "modules:\n  tcp_connect:\n    prober: tcp\n  banner:\n    prober: tcp\n    timeout: 1s\n    tcp:\n      query_response:\n      - expect: x\n").expect("rewrite");
    let r = post(e.addr, "/-/reload");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("modules banner, tcp_connect"), "{}", r.body);
    assert_eq!(
        e.get(&format!("/probe?target={open}&module=banner")).status,
        200
    );
    std::fs::write(
        &path,
        "modules:\n  x:\n    prober: http\n    http:\n      method: PUT\n",
    )
    .expect("break");
    let r = post(e.addr, "/-/reload");
    assert_eq!(r.status, 500, "{}", r.body);
    assert!(
        r.body.contains("configuration not reloaded") && r.body.contains("PUT"),
        "{}",
        r.body
    );
    let own = e.metrics();
    assert_eq!(
        own.value("blackbox_exporter_config_last_reload_successful"),
        0.0
    );
    assert_eq!(
        own.value("conndoctor_exporter_config_last_reload_successful"),
        0.0
    );
    assert_eq!(
        e.probe(&open.to_string(), "tcp_connect")
            .value("probe_success"),
        1.0
    );

    // /metrics carries the process_* families of Prometheus' client libraries.
    let m = e.metrics();
    assert!(m.value("process_open_fds") >= 3.0, "{}", m.text);
    assert!(m.value("process_max_fds") >= m.value("process_open_fds"));
    assert!(m.value("process_resident_memory_bytes") > 0.0);
    assert!(m.value("process_virtual_memory_bytes") >= m.value("process_resident_memory_bytes"));
    assert!(m.value("process_cpu_seconds_total") >= 0.0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs_f64();
    let started = m.value("process_start_time_seconds");
    assert!(
        started <= now + 1.0 && started > now - 600.0,
        "{started} vs {now}"
    );

    // OpenMetrics when the scraper prefers it (Prometheus' own Accept header).
    let accept = "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    for path in [
        "/metrics".to_string(),
        format!("/probe?target={open}&module=tcp_connect"),
    ] {
        let r = e.get_with(&path, &[("Accept", accept)]);
        assert_eq!(r.status, 200);
        assert_eq!(
            r.header("content-type"),
            Some("application/openmetrics-text; version=1.0.0; charset=utf-8"),
            "{path}"
        );
        assert!(r.body.ends_with("# EOF\n"), "{}", r.body);
        assert!(
            !r.body.contains("# TYPE conndoctor_exporter_probes_total"),
            "{}",
            r.body
        );
    }
    let r = e.get_with("/metrics", &[("Accept", accept)]);
    assert!(
        r.body
            .contains("# TYPE conndoctor_exporter_probes counter\n"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("# TYPE process_cpu_seconds counter\n"),
        "{}",
        r.body
    );
}

/// One GET to Prometheus' HTTP API, parsed as JSON.
fn prom_api(addr: SocketAddr, path_and_query: &str) -> Option<serde_json::Value> {
    let s = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    drop(s);
    let r = http(
        addr,
        &format!("GET {path_and_query} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    if r.status != 200 {
        return None;
    }
    // Go's server may answer chunked; the JSON object is the part between the braces.
    let start = r.body.find('{')?;
    let end = r.body.rfind('}')?;
    serde_json::from_str(&r.body[start..=end]).ok()
}

/// `(job, instance) -> value` of an instant query.
fn prom_query(addr: SocketAddr, query: &str) -> BTreeMap<(String, String), String> {
    let Some(v) = prom_api(addr, &format!("/api/v1/query?query={query}")) else {
        return BTreeMap::new();
    };
    v["data"]["result"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    let label = |k: &str| s["metric"][k].as_str().unwrap_or("").to_string();
                    (
                        (label("job"), label("instance")),
                        s["value"][1].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_real_prometheus_scrapes_it_with_the_blackbox_relabel_recipe() {
    let prometheus = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| {
            panic!("prometheus is not installed (Debian package `prometheus`; .ci/run installs it)")
        });
    let (e, _dir) = start_with(BLACKBOX_YML);
    let web = status_server();
    let port = web.addr.port();
    let ok = format!("http://127.0.0.1:{port}/");
    let bad = format!("http://127.0.0.1:{port}/status/500");
    let open = web.addr.to_string();
    let closed = format!("127.0.0.1:{}", support::free_port());
    let prom_addr = SocketAddr::from(([127, 0, 0, 1], support::free_port()));
    // blackbox_exporter's README recipe, with only the exporter's address swapped.
    let job = |name: &str, module: &str, targets: [&str; 2]| {
        format!(
            "  - job_name: {name}\n    metrics_path: /probe\n    params:\n      module: [{module}]\n    static_configs:\n      - targets: ['{}', '{}']\n    relabel_configs:\n      - source_labels: [__address__]\n        target_label: __param_target\n      - source_labels: [__param_target]\n        target_label: instance\n      - target_label: __address__\n        replacement: {}\n",
            targets[0], targets[1], e.addr
        )
    };
    let yml = format!(
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n{}{}  - job_name: exporter\n    static_configs:\n      - targets: ['{}']\n",
        job("blackbox_http", "http_2xx", [&ok, &bad]),
        job("blackbox_tcp", "tcp_connect", [&open, &closed]),
        e.addr
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("prometheus.yml");
    std::fs::write(&cfg, &yml).expect("write prometheus.yml");
    let child = Command::new(prometheus)
        .arg(format!("--config.file={}", cfg.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("data").display()
        ))
        .arg(format!("--web.listen-address={prom_addr}"))
        .arg("--log.level=warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start prometheus");
    let _prom = ChildGuard {
        child,
        name: "prometheus",
    };

    let want: BTreeMap<(String, String), String> = [
        (("blackbox_http", ok.as_str()), "1"),
        (("blackbox_http", bad.as_str()), "0"),
        (("blackbox_tcp", open.as_str()), "1"),
        (("blackbox_tcp", closed.as_str()), "0"),
    ]
    .into_iter()
    .map(|((j, i), v)| ((j.to_string(), i.to_string()), v.to_string()))
    .collect();
    let until = Instant::now() + WAIT;
    let mut got = BTreeMap::new();
    while Instant::now() < until {
        got = prom_query(prom_addr, "probe_success");
        if want.keys().all(|k| got.contains_key(k)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(got, want, "probe_success as Prometheus scraped it\n{yml}");
    let status = prom_query(prom_addr, "probe_http_status_code");
    assert_eq!(
        status
            .get(&("blackbox_http".into(), bad.clone()))
            .map(String::as_str),
        Some("500"),
        "{status:?}"
    );

    // Every target scraped without error, the exporter's own /metrics (negotiated as
    // OpenMetrics by Prometheus) included.
    let until = Instant::now() + WAIT;
    loop {
        let targets = prom_api(prom_addr, "/api/v1/targets").unwrap_or_default();
        let active = targets["data"]["activeTargets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let seen: Vec<(String, String)> = active
            .iter()
            .map(|t| {
                (
                    t["health"].as_str().unwrap_or("").to_string(),
                    t["lastError"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        if seen.len() == 5 && seen.iter().all(|(h, _)| h == "up") {
            break;
        }
        assert!(Instant::now() < until, "targets not all up: {seen:?}");
        std::thread::sleep(Duration::from_millis(300));
    }
    let fds = prom_query(prom_addr, "process_open_fds");
    let v: f64 = fds
        .get(&("exporter".into(), e.addr.to_string()))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("process_open_fds not scraped: {fds:?}"));
    assert!(v >= 3.0, "{v}");
    let probes = prom_query(prom_addr, "conndoctor_exporter_probes_total");
    assert!(!probes.is_empty(), "the counter scraped from /metrics");
}

#[test]
fn blackbox_timeout_offset_flag() {
    // The offset comes off the scraper's timeout: 2 s - 1.5 s is under the 1 s floor
    // (half the scrape timeout), so the floor is the deadline; the module's 5 s is longer.
    let e = start(None, &["--timeout-offset", "1.5"]);
    let (_l, open) = open_port();
    let m = e.probe_with(
        &open.to_string(),
        "tcp",
        &[("X-Prometheus-Scrape-Timeout-Seconds", "2")],
    );
    assert_eq!(
        m.value("conndoctor_probe_timeout_seconds"),
        1.0,
        "{}",
        m.text
    );
    let bad = command(&["exporter", "--lang", "en", "--timeout-offset", "soon"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("--timeout-offset \"soon\""),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// hyper behind tokio-rustls with a self-signed certificate for 127.0.0.1.
fn https_server() -> Bg {
    use http_body_util::Full;
    use hyper::body::Bytes;
    let acceptor = tokio_rustls::TlsAcceptor::from(support::tls_config(&support::self_signed(&[
        "localhost",
        "127.0.0.1",
    ])));
    spawn_server(move |l| {
        accept_each(l, move |s| {
            let acceptor = acceptor.clone();
            async move {
                let Ok(tls) = acceptor.accept(s).await else {
                    return;
                };
                let svc = hyper::service::service_fn(|_req| async {
                    Ok::<_, Infallible>(hyper::Response::new(Full::new(Bytes::from_static(
                        b"secure\n",
                    ))))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(tls), svc)
                    .await;
            }
        })
    })
}

#[test]
fn blackbox_http_module_probes_https_urls() {
    let (e, _dir) = start_with(
        r#"
modules:
  http_2xx:
    prober: http
    timeout: 5s
  https_insecure:
    prober: http
    timeout: 5s
    http:
      fail_if_not_ssl: true
      tls_config:
        insecure_skip_verify: true
  plain_only:
    prober: http
    timeout: 5s
    http:
      fail_if_ssl: true
      tls_config:
        insecure_skip_verify: true
"#,
    );
    let tls = https_server();
    let url = format!("https://127.0.0.1:{}/", tls.addr.port());
    // The URL's scheme decides: TLS, verified (a self-signed certificate fails) ...
    let m = e.probe(&url, "http_2xx");
    assert_eq!(m.value("probe_success"), 0.0, "{}", m.text);
    assert_eq!(m.symptom(), "tls", "{}", m.text);
    // ... or not verified, when the module says so.
    let m = e.probe(&url, "https_insecure");
    assert_eq!(
        (
            m.value("probe_success"),
            m.value("probe_http_ssl"),
            m.value("probe_http_status_code")
        ),
        (1.0, 1.0, 200.0),
        "{}",
        m.text
    );
    let m = e.probe(&url, "plain_only");
    assert_eq!(
        (m.value("probe_success"), m.value("probe_http_ssl")),
        (0.0, 1.0),
        "{}",
        m.text
    );
}
