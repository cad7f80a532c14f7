//! The reliability suite (issue 15, part 3), beside the hostile servers of
//! tests/hostile.rs: attacks on the exporter (SSRF forms, label cardinality, 500
//! concurrent probes, slowloris), and the client's own limits (EMFILE under
//! `ulimit -n 64`, ephemeral ports exhausted in a namespace, SIGINT/SIGTERM in the
//! middle of a batch). Each test is a [`support::scenario`]: run
//! `CONNDOCTOR_RELIABILITY_RUNS` times (once by default), every run must pass, and
//! bench/reliability.sh prints the tried / failures / peak RSS figures of each.
//!
//! Traffic goes to 127.0.0.0/8 only, or stays inside namespaces a test creates (those
//! tests need root and fail with a message without it, unless
//! `CONNDOCTOR_SKIP_NETNS=1`). Time limits below are waits that end a hang, or the
//! deadline a scraper would give up at; no speed is asserted.

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::netns::{Netns, tools};
use support::*;

/// Every wait for the exporter or a batch ends after this (a hang fails the test).
const WAIT: Duration = Duration::from_secs(60);
/// The exporter's memory bound in these tests: generous, and a memory figure, not a
/// timing.
const EXPORTER_MAX_RSS_KIB: u64 = 200 * 1024;

// ------------------------------------------------------------------ the exporter

struct Exporter {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Exporter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Exporter {
    /// `conndoctor exporter --listen 127.0.0.1:0 [--config FILE]`, started through
    /// `prefix` (e.g. `ip netns exec NAME`), once it printed its address.
    fn start(prefix: &[&str], config: Option<&Path>) -> Exporter {
        let mut c = match prefix.split_first() {
            Some((p, rest)) => {
                let mut c = Command::new(p);
                c.args(rest).arg(BIN);
                clean_env(&mut c);
                c
            }
            None => command(&[]),
        };
        c.args(["exporter", "--listen", "127.0.0.1:0", "--lang", "en"]);
        if let Some(p) = config {
            c.arg("--config").arg(p);
        }
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = c.spawn().expect("spawn conndoctor exporter");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                eprintln!("exporter| {line}");
                let _ = tx.send(line);
            }
        });
        let first: String = rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("the exporter printed no start-up line"));
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no listen address in the start-up line: {first}"));
        Exporter { child, addr }
    }

    fn with_config(yaml: &str) -> (Exporter, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("conndoctor.yml");
        std::fs::write(&path, yaml).expect("write config");
        (Exporter::start(&[], Some(&path)), dir)
    }

    fn get(&self, path: &str) -> Resp {
        get(self.addr, path, WAIT).unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// Its peak RSS so far, noted for the scenario's figures and checked against the
    /// bound.
    fn assert_memory_bounded(&self) {
        let kib = peak_rss_of(self.child.id()).expect("VmHWM of the exporter");
        note_peak_rss(kib);
        assert!(
            kib < EXPORTER_MAX_RSS_KIB,
            "the exporter's peak RSS {kib} KiB is not under {EXPORTER_MAX_RSS_KIB} KiB"
        );
    }
}

struct Resp {
    status: u16,
    head: String,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    /// A sample's value from a Prometheus text body (`name` with its labels, as
    /// written).
    fn sample(&self, series: &str) -> Option<f64> {
        self.body.lines().find_map(|l| {
            let (k, v) = l.rsplit_once(' ')?;
            (k == series).then(|| v.parse().ok()).flatten()
        })
    }
}

/// One `GET` on a fresh connection with `Connection: close`, read to the end within
/// `limit`.
fn get(addr: SocketAddr, path: &str, limit: Duration) -> Result<Resp, String> {
    let mut s = TcpStream::connect_timeout(&addr, limit).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(limit)).map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(limit))
        .map_err(|e| e.to_string())?;
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes())
        .map_err(|e| format!("send: {e}"))?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).map_err(|e| format!("read: {e}"))?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("no response head in {text:?}"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no status in {head:?}"))?;
    Ok(Resp {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

/// A listener on 127.0.0.1 that counts the connections it accepts (and closes them).
struct Counter {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Drop for Counter {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn counter_on(l: TcpListener) -> Counter {
    l.set_nonblocking(true).expect("nonblocking");
    let addr = l.local_addr().expect("addr");
    let accepted = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (a, st) = (accepted.clone(), stop.clone());
    std::thread::spawn(move || {
        while !st.load(Ordering::SeqCst) {
            match l.accept() {
                Ok(_) => {
                    a.fetch_add(1, Ordering::SeqCst);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    Counter {
        addr,
        accepted,
        stop,
    }
}

fn counter() -> Counter {
    counter_on(TcpListener::bind("127.0.0.1:0").expect("bind"))
}

/// Query-string escaping for a target.
fn esc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[track_caller]
fn assert_refused(e: &Exporter, target: &str, module: &str, reason: &str) -> Resp {
    let r = e.get(&format!("/probe?target={}&module={module}", esc(target)));
    assert_eq!(
        (r.status, r.header("x-conndoctor-refused")),
        (403, Some(reason)),
        "{target} ({module}) must be refused as {reason}:\n{}\n{}",
        r.head,
        r.body
    );
    assert!(
        r.body.contains("is not allowed") || r.body.contains("not in the allow-list"),
        "{target}: the refusal says why: {}",
        r.body
    );
    r
}

// ------------------------------------------------------------------ SSRF

/// Spellings of 127.0.0.1 that resolvers and URL parsers accept (inet_aton's hex,
/// octal, short and 32-bit forms, IPv4-mapped IPv6), against an allow-list without
/// loopback: every one refused, and the loopback listener never sees a connection.
#[test]
fn exporter_refuses_other_spellings_of_a_denied_address() {
    scenario("exporter SSRF: 127.0.0.1 spelled 11 ways", || {
        let (e, _dir) = Exporter::with_config(
            "modules:\n  tcp: { prober: tcp, timeout: 2s }\n  http: { prober: http, timeout: 2s }\nallow:\n  cidrs: [10.20.0.0/16]\n",
        );
        let c = counter();
        let p = c.addr.port();
        for host in [
            "127.0.0.1".to_string(),
            "0x7f.1".into(),
            "0X7F.1".into(),
            "127.0.0.1.".into(),
            "0x7f000001".into(),
            "2130706433".into(),
            "0177.0.0.1".into(),
            "127.1".into(),
            "[::ffff:127.0.0.1]".into(),
            "[::ffff:7f00:1]".into(),
            "localhost".into(),
        ] {
            for module in ["tcp", "http"] {
                let target = match module {
                    "http" => format!("http://{host}:{p}/"),
                    _ => format!("{host}:{p}"),
                };
                assert_refused(&e, &target, module, "not-allowed");
            }
        }
        // 0.0.0.0 and :: connect to this very machine.
        for host in ["0.0.0.0", "0", "[::]", "[::ffff:0.0.0.0]"] {
            assert_refused(&e, &format!("{host}:{p}"), "tcp", "denied-address");
        }
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(c.accepted.load(Ordering::SeqCst), 0, "nothing was probed");
        e.assert_memory_bounded();
    });
}

/// Inside a namespace whose loopback also carries 169.254.169.254 and fd00:ec2::254
/// (so a leak would be seen, and could not leave): the metadata address in every
/// spelling, names that resolve to it (from the namespace's hosts file), listed or
/// not, and an allowed target that redirects to it. Nothing reaches the metadata
/// listener.
#[test]
fn exporter_never_reaches_a_metadata_address() {
    let Some(t) = tools() else { return };
    scenario("exporter SSRF: metadata forms, names, redirect", || {
        let ns = Netns::new(t, "ssrf", "x");
        ns.ip(&["addr", "add", "169.254.169.254/32", "dev", "lo"]);
        ns.ip(&["addr", "add", "fd00:ec2::254/128", "dev", "lo", "nodad"]);
        ns.etc_file(
            "hosts",
            "127.0.0.1 localhost\n::1 localhost\n169.254.169.254 metadata.test evil.example.com\nfd00:ec2::254 metadata6.test\n",
        );
        let metadata = counter_on(ns.listen("169.254.169.254:80"));
        let metadata6 = counter_on(ns.listen("[fd00:ec2::254]:80"));
        // An allowed HTTP server that redirects to the metadata service.
        let redirect = spawn_server_on(ns.listen("127.0.0.1:0"), |l| {
            accept_each(l, |mut s| async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf).await;
                let _ = s
                    .write_all(b"HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .await;
            })
        });
        let dir = tempfile::tempdir().expect("tempdir");
        let cfg = dir.path().join("conndoctor.yml");
        std::fs::write(
            &cfg,
            "modules:\n  tcp: { prober: tcp, timeout: 2s }\n  http: { prober: http, timeout: 2s }\nallow:\n  hosts: [localhost, \"*.example.com\"]\n  cidrs: [0.0.0.0/0, \"::/0\"]\n",
        )
        .expect("config");
        let ip = t.ip.to_string_lossy().into_owned();
        let e = Exporter::start(&[&ip, "netns", "exec", &ns.name], Some(&cfg));
        ns.enter(|| {
            for host in [
                "169.254.169.254",
                "0xa9fea9fe",
                "0XA9FEA9FE",
                "169.254.169.254.",
                "2852039166",
                "0251.0376.0251.0376",
                "169.254.43518",
                "0xa9.0xfe.0xa9.0xfe",
                "[::ffff:169.254.169.254]",
                "[::ffff:a9fe:a9fe]",
                "[fd00:ec2::254]",
                // Names: not listed, and listed under *.example.com.
                "metadata.test",
                "metadata6.test",
                "evil.example.com",
            ] {
                for module in ["tcp", "http"] {
                    let target = match module {
                        "http" => format!("http://{host}:80/"),
                        _ => format!("{host}:80"),
                    };
                    assert_refused(&e, &target, module, "denied-address");
                }
            }
            // The redirect is reported, not followed.
            let r = e.get(&format!(
                "/probe?target={}&module=http",
                esc(&format!("http://{}/", redirect.addr))
            ));
            assert_eq!(r.status, 200, "{}", r.body);
            assert_eq!(
                r.sample("probe_http_status_code"),
                Some(302.0),
                "{}",
                r.body
            );
            assert_eq!(r.sample("probe_success"), Some(0.0), "{}", r.body);
        });
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(metadata.accepted.load(Ordering::SeqCst), 0);
        assert_eq!(metadata6.accepted.load(Ordering::SeqCst), 0);
        e.assert_memory_bounded();
    });
}

// ------------------------------------------------------------------ cardinality

/// The series of a Prometheus text page, without values.
fn series(body: &str) -> BTreeSet<String> {
    body.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.rsplit_once(' ').map(|(k, _)| k.to_string()))
        .collect()
}

/// 5,000 distinct targets (addresses across 127.0.0.0/16 and ports), through the
/// tcp and http modules: /metrics has the same series after them as after the first
/// few, and no label holds a target. Each probe page has one symptom series.
#[test]
fn exporter_label_sets_stay_bounded_after_5000_targets() {
    scenario("exporter: 5,000 distinct targets", || {
        let e = Exporter::start(&[], None);
        let target = |i: usize| {
            let (a, b) = (i / 250, i % 250 + 1);
            let port = 20000 + (i % 5000) as u16;
            if i.is_multiple_of(2) {
                (format!("127.0.{a}.{b}:{port}"), "tcp")
            } else {
                (format!("http://127.0.{a}.{b}:{port}/x{i}"), "http")
            }
        };
        let probe = |i: usize| {
            let (t, m) = target(i);
            let r = e.get(&format!("/probe?target={}&module={m}", esc(&t)));
            assert_eq!(r.status, 200, "{t}: {}", r.body);
            let symptoms: Vec<&str> = r
                .body
                .lines()
                .filter(|l| l.starts_with("conndoctor_symptom{"))
                .collect();
            assert_eq!(
                symptoms,
                ["conndoctor_symptom{symptom=\"refused\"} 1"],
                "{t}:\n{}",
                r.body
            );
        };
        for i in 0..20 {
            probe(i);
        }
        let before = series(&e.get("/metrics").body);
        std::thread::scope(|s| {
            for w in 0..8 {
                let probe = &probe;
                s.spawn(move || {
                    for i in (20 + w..5000).step_by(8) {
                        probe(i);
                    }
                });
            }
        });
        let page = e.get("/metrics");
        let after = series(&page.body);
        assert_eq!(
            after.difference(&before).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "new series after 5,000 targets"
        );
        assert!(!page.body.contains("127.0."), "a target in a label");
        assert_eq!(
            page.sample("conndoctor_exporter_probes_total{module=\"tcp\",result=\"failure\"}"),
            Some(2500.0),
            "{}",
            page.body
        );
        e.assert_memory_bounded();
    });
}

// ------------------------------------------------------------------ concurrency

/// A listener that never accepts: the kernel completes handshakes into its queue,
/// and nothing is ever said, so every WebSocket probe waits for its deadline.
fn silent_listener() -> (socket2::Socket, SocketAddr) {
    use socket2::{Domain, Socket, Type};
    let s = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    s.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .expect("bind");
    s.listen(4096).expect("listen");
    let addr = s.local_addr().expect("addr").as_socket().expect("inet");
    (s, addr)
}

/// Raises this test process's descriptor limit (it holds hundreds of sockets).
fn raise_own_fd_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    if let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE)
        && soft < hard
    {
        let _ = setrlimit(Resource::RLIMIT_NOFILE, hard, hard);
    }
}

/// `n` scrapes at the same moment; their responses.
fn scrape_together(addr: SocketAddr, paths: Vec<String>) -> Vec<Result<Resp, String>> {
    let start = Arc::new(std::sync::Barrier::new(paths.len()));
    let handles: Vec<_> = paths
        .into_iter()
        .map(|p| {
            let start = start.clone();
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    start.wait();
                    get(addr, &p, WAIT)
                })
                .expect("thread")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().unwrap_or_else(|_| Err("panicked".into())))
        .collect()
}

/// 500 probes at once against a port that never answers: with room for 500, every
/// one is answered with the diagnosis; with the default limit (32), every one is
/// answered too, the rest with 429 and Retry-After. None is dropped or hangs.
#[test]
fn exporter_answers_500_concurrent_probes() {
    raise_own_fd_limit();
    scenario("exporter: 500 concurrent probes", || {
        let (silent, addr) = silent_listener();
        let path = format!("/probe?target={}&module=ws", esc(&format!("ws://{addr}/")));
        let (e, _dir) = Exporter::with_config(
            "modules:\n  ws: { prober: ws, timeout: 2s }\nlimits:\n  max_concurrent_probes: 500\n",
        );
        let answers = scrape_together(e.addr, vec![path.clone(); 500]);
        for (i, a) in answers.iter().enumerate() {
            let r = a.as_ref().unwrap_or_else(|err| panic!("probe {i}: {err}"));
            assert_eq!(r.status, 200, "probe {i}: {}", r.body);
            assert_eq!(
                r.sample("conndoctor_symptom{symptom=\"mismatch\"}"),
                Some(1.0),
                "probe {i}:\n{}",
                r.body
            );
            assert!(
                r.body.contains("cause=\"mismatch.silent-server\""),
                "probe {i}:\n{}",
                r.body
            );
        }
        e.assert_memory_bounded();
        drop(e);

        let e = Exporter::start(&[], None);
        let answers = scrape_together(e.addr, vec![path; 500]);
        let mut busy = 0;
        for (i, a) in answers.iter().enumerate() {
            let r = a.as_ref().unwrap_or_else(|err| panic!("probe {i}: {err}"));
            match r.status {
                200 => assert!(r.body.contains("conndoctor_symptom{"), "{}", r.body),
                429 => {
                    busy += 1;
                    assert_eq!(r.header("retry-after"), Some("1"));
                }
                s => panic!("probe {i}: status {s}: {}", r.body),
            }
        }
        assert!(busy > 0, "500 at once exceeded no limit of 32?");
        e.assert_memory_bounded();
        drop(silent);
    });
}

/// Slowloris: 1,000 connections that send half a request head and then a byte now
/// and then, reconnecting whenever they are closed. Meanwhile scrapes (each giving
/// up after 5 s, half the header read timeout) must all be answered.
#[test]
fn exporter_scrapes_get_through_slowloris() {
    raise_own_fd_limit();
    scenario("exporter: slowloris, 1,000 connections", || {
        let e = Exporter::start(&[], None);
        let closed = free_port();
        let stop = Arc::new(AtomicBool::new(false));
        let opened = Arc::new(AtomicUsize::new(0));
        let addr = e.addr;
        let attackers: Vec<_> = (0..10)
            .map(|_| {
                let (stop, opened) = (stop.clone(), opened.clone());
                std::thread::spawn(move || {
                    let mut conns: Vec<Option<TcpStream>> = (0..100).map(|_| None).collect();
                    while !stop.load(Ordering::SeqCst) {
                        for c in conns.iter_mut() {
                            let alive = c
                                .as_mut()
                                .is_some_and(|s| s.write_all(b"X-a: b\r\n").is_ok());
                            if !alive {
                                *c = TcpStream::connect_timeout(&addr, Duration::from_secs(1))
                                    .ok()
                                    .and_then(|mut s| {
                                        s.set_write_timeout(Some(Duration::from_millis(100)))
                                            .ok()?;
                                        s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")
                                            .ok()?;
                                        opened.fetch_add(1, Ordering::SeqCst);
                                        Some(s)
                                    });
                            }
                        }
                        std::thread::sleep(Duration::from_millis(500));
                    }
                })
            })
            .collect();
        let until = Instant::now() + WAIT;
        while opened.load(Ordering::SeqCst) < 1000 {
            assert!(
                Instant::now() < until,
                "the attack never got 1,000 connections"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        for i in 0..20u32 {
            let path = if i.is_multiple_of(2) {
                "/metrics".to_string()
            } else {
                format!("/probe?target=127.0.0.1:{closed}&module=tcp")
            };
            let r = get(addr, &path, Duration::from_secs(5))
                .unwrap_or_else(|err| panic!("scrape {i} ({path}) under slowloris: {err}"));
            assert_eq!(r.status, 200, "{path}: {}", r.body);
        }
        stop.store(true, Ordering::SeqCst);
        for a in attackers {
            let _ = a.join();
        }
        assert!(
            opened.load(Ordering::SeqCst) >= 1000,
            "the attack held its connections"
        );
        e.assert_memory_bounded();
    });
}

// ------------------------------------------------------------------ batches

/// A target list file.
fn list(lines: &[String]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    for l in lines {
        writeln!(f, "{l}").expect("write list");
    }
    f
}

/// Every stdout line of a `--json` batch, parsed; a line that is not one JSON
/// object fails the test.
#[track_caller]
fn json_lines(r: &Run) -> Vec<Value> {
    r.stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {l:?}\n{}", r.describe()))
        })
        .collect()
}

/// A batch under `ulimit -n 64` (soft and hard: it cannot be raised): WebSocket,
/// HTTP and closed-port targets, every one answered with its own verdict, none
/// blamed on a server; and under tighter limits, down to where one check cannot get
/// its sockets, the verdict is the client's descriptor limit, never a crash.
#[test]
fn batch_under_ulimit_64() {
    scenario("EMFILE: batch of 300 under ulimit -n 64", || {
        let ws = ws_server(WsPolicy::default());
        let closed = free_port();
        let web = spawn_server(|l| {
            accept_each(l, |s| async move {
                let svc = hyper::service::service_fn(|_req| async {
                    Ok::<_, std::convert::Infallible>(hyper::Response::new(
                        http_body_util::Full::new(hyper::body::Bytes::from_static(b"hi\n")),
                    ))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(s), svc)
                    .await;
            })
        });
        let mut targets = Vec::new();
        for i in 0..100 {
            targets.push(format!("ws://{}/chat{i}", ws.addr));
            targets.push(format!("http://{}/p{i}", web.addr));
            targets.push(format!("127.0.0.1:{closed}"));
        }
        let f = list(&targets);
        let file = f.path().to_string_lossy().into_owned();
        let limited = |n: u32| {
            let script = format!("ulimit -n {n} && exec \"$0\" \"$@\"");
            run_prefixed(
                &["/bin/sh", "-c", &script],
                &["check", "-f", &file, "--json", "--timeout", "2s"],
                &[],
            )
        };
        let r = limited(64);
        r.assert_ended();
        r.assert_memory_bounded();
        assert_eq!(r.code, Some(1), "some targets fail:\n{}", r.describe());
        let lines = json_lines(&r);
        assert_eq!(lines.len(), targets.len(), "one line per target");
        for v in &lines {
            let input = v["target"]["input"].as_str().unwrap_or_default();
            let first = v["causes"][0]["id"].as_str();
            assert!(
                first != Some("local.fd-exhausted") || v["symptom"] == "local",
                "{v}"
            );
            if input.starts_with("ws://") || input.starts_with("http://") {
                assert_eq!(v["symptom"], "ok", "{input}: {v}");
            } else {
                assert_eq!(first, Some("refused.not-listening"), "{input}: {v}");
            }
        }

        // Tighter still, down to where even one check cannot get its sockets: every
        // target still gets a line, its own verdict or the client's descriptor limit.
        // (Targets on the command line: a list file would take a descriptor too.)
        let mut args = vec!["check", "--json", "--timeout", "2s"];
        args.extend(targets[..10].iter().map(String::as_str));
        let mut exhausted_at = None;
        for n in (4..=16).rev() {
            let script = format!("ulimit -n {n} && exec \"$0\" \"$@\"");
            let r = run_prefixed(&["/bin/sh", "-c", &script], &args, &[]);
            r.assert_ended();
            if r.code == Some(3) && exhausted_at.is_some() {
                // Below that, not even the runtime starts: said plainly, not a crash.
                assert!(r.stdout.is_empty(), "{}", r.describe());
                assert!(r.stderr.contains("Too many open files"), "{}", r.describe());
                break;
            }
            assert_eq!(r.code, Some(1), "ulimit -n {n}:\n{}", r.describe());
            let lines = json_lines(&r);
            assert_eq!(lines.len(), 10, "ulimit -n {n}: one line per target");
            for v in &lines {
                let input = v["target"]["input"].as_str().unwrap_or_default();
                let first = v["causes"][0]["id"].as_str();
                if first == Some("local.fd-exhausted") {
                    assert_eq!(v["symptom"], "local", "{v}");
                    exhausted_at.get_or_insert(n);
                } else if input.starts_with("127.0.0.1:") {
                    assert_eq!(first, Some("refused.not-listening"), "ulimit -n {n}: {v}");
                } else {
                    assert_eq!(v["symptom"], "ok", "ulimit -n {n}: {input}: {v}");
                }
            }
        }
        assert!(
            exhausted_at.is_some(),
            "no limit from 16 down gave local.fd-exhausted"
        );
    });
}

/// A namespace whose port range has 10 ports, all held by connections to one
/// server: a batch of 50 checks of that server all say the client ran out of local
/// ports.
#[test]
fn batch_with_ephemeral_ports_exhausted() {
    let Some(t) = tools() else { return };
    scenario("ephemeral ports exhausted (namespace)", || {
        let ns = Netns::new(t, "ephem", "x");
        // The server's port is outside the range, so all ten are for clients.
        let l = ns.listen("127.0.0.1:39999");
        ns.sysctl("net.ipv4.ip_local_port_range", "40000 40009");
        let addr = l.local_addr().expect("addr");
        let held: Vec<TcpStream> = ns.enter(|| {
            let held: Vec<TcpStream> = (0..10)
                .map(|i| {
                    TcpStream::connect_timeout(&addr, Duration::from_secs(2))
                        .unwrap_or_else(|e| panic!("connection {i}: {e}"))
                })
                .collect();
            let e = TcpStream::connect_timeout(&addr, Duration::from_secs(2))
                .expect_err("an 11th connection got a port");
            assert_eq!(e.raw_os_error(), Some(libc::EADDRNOTAVAIL), "{e}");
            held
        });
        let targets: Vec<String> = (0..50)
            .map(|i: u32| {
                if i.is_multiple_of(2) {
                    addr.to_string()
                } else {
                    format!("ws://{addr}/")
                }
            })
            .collect();
        let f = list(&targets);
        let file = f.path().to_string_lossy().into_owned();
        let r = ns.run(&["check", "-f", &file, "--json", "--timeout", "2s"], &[]);
        r.assert_memory_bounded();
        assert_eq!(r.code, Some(1), "{}", r.describe());
        let lines = json_lines(&r);
        assert_eq!(lines.len(), 50);
        for v in &lines {
            assert_eq!(v["symptom"], "addr-not-avail", "{v}");
            assert_eq!(
                v["causes"][0]["id"], "addr-not-avail.ephemeral-exhausted",
                "{v}"
            );
        }
        drop(held);
    });
}

/// `check -f` of fast and slow targets with `--json`; once some lines are out,
/// `sig` arrives. The process ends by itself with 128 + the signal, every line on
/// stdout is a whole JSON report, fewer than the targets, and stderr says so.
fn interrupted_batch(sig: nix::sys::signal::Signal, code: i32) {
    let (silent, addr) = silent_listener();
    let closed = free_port();
    let mut targets: Vec<String> = (0..20).map(|_| format!("127.0.0.1:{closed}")).collect();
    targets.extend((0..200).map(|i| format!("ws://{addr}/slow{i}")));
    let f = list(&targets);
    let mut c = command(&[]);
    c.arg("check")
        .arg("-f")
        .arg(f.path())
        .args(["--json", "--timeout", "2s", "--concurrency", "8"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn conndoctor");
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("pid"));
    let out = child.stdout.take().expect("stdout");
    let err = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = BufReader::new(err).read_to_string(&mut s);
        s
    });
    let mut lines = Vec::new();
    let until = Instant::now() + WAIT;
    while lines.len() < 20 {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) => lines.push(l),
            Err(_) => panic!("only {} lines before the deadline", lines.len()),
        }
    }
    if let Some(kib) = peak_rss_of(child.id()) {
        note_peak_rss(kib);
    }
    nix::sys::signal::kill(pid, sig).expect("kill");
    let until = Instant::now() + WAIT;
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("conndoctor did not end after {sig}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = reader.join();
    lines.extend(rx.try_iter());
    let stderr = err_reader.join().unwrap_or_default();
    assert_eq!(status.code(), Some(code), "exit status; stderr:\n{stderr}");
    assert!(lines.len() < targets.len(), "the batch was stopped midway");
    for l in &lines {
        let v: Value = serde_json::from_str(l)
            .unwrap_or_else(|e| panic!("not a whole JSON line after {sig} ({e}): {l:?}"));
        assert_eq!(v["schema"], 1, "{l}");
    }
    let name = format!("{sig}");
    assert!(
        stderr.contains(&format!("stopped by {name}"))
            && stderr.contains(&format!("{} of {} targets", lines.len(), targets.len())),
        "stderr: {stderr}"
    );
    drop(silent);
}

#[test]
fn sigint_mid_batch() {
    scenario("SIGINT mid-batch", || {
        interrupted_batch(nix::sys::signal::Signal::SIGINT, 130)
    });
}

#[test]
fn sigterm_mid_batch() {
    scenario("SIGTERM mid-batch", || {
        interrupted_batch(nix::sys::signal::Signal::SIGTERM, 143)
    });
}
