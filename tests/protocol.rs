//! The protocol layer as a user would check it (issue 3; ARCHITECTURE.md, testing
//! tiers 2 and 4): the real binary, `--json`, against servers this test starts on
//! 127.0.0.1, written by other people: tokio-tungstenite (WebSocket), hyper (HTTP),
//! rustls (TLS), a line-echo text server, Debian's nginx; and `conndoctor serve`
//! checked by independent clients (tokio-tungstenite, curl).
//!
//! Only loopback addresses are ever contacted. Nothing here asserts timings.
//!
//! Tools this file needs from the machine: `curl` and `nginx` (Debian packages of the
//! same names). Missing, they fail the tests that need them, unless
//! CONNDOCTOR_SKIP_CURL=1 / CONNDOCTOR_SKIP_NGINX=1 is set.

mod support;

use std::convert::Infallible;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use support::*;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

// ---------------------------------------------------------------- servers

/// hyper's HTTP/1.1 server: 200 with a `Server` header, upgrade requests included
/// (it does not do WebSocket).
fn hyper_server() -> Bg {
    use http_body_util::Full;
    use hyper::body::Bytes;
    spawn_server(|l| {
        accept_each(l, |s| async move {
            let svc = hyper::service::service_fn(|_req| async {
                Ok::<_, Infallible>(
                    hyper::Response::builder()
                        .header("server", "test-hyper/1.0")
                        .header("content-type", "text/plain")
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

/// A line-based text server: echoes every line it receives, says nothing first.
fn line_echo_server() -> Bg {
    spawn_server(|l| {
        accept_each(l, |s| async move {
            let (r, mut w) = s.into_split();
            let mut lines = BufReader::new(r);
            let mut line = Vec::new();
            loop {
                line.clear();
                match lines.read_until(b'\n', &mut line).await {
                    Ok(n) if n > 0 => {
                        if w.write_all(&line).await.is_err() {
                            return;
                        }
                    }
                    _ => return,
                }
            }
        })
    })
}

fn ws_url(bg: &Bg, path: &str) -> String {
    format!("ws://{}{path}", bg.addr)
}

/// The report's first cause: the client reached another server than the one the
/// user started (`--expect-token` did not match).
#[track_caller]
fn assert_wrong_host(r: &Run) -> Value {
    let v = r.json();
    assert_eq!(
        cause_ids(&v).first().map(String::as_str),
        Some("refused.wrong-host"),
        "{}",
        r.describe()
    );
    v
}

fn arg<'a>(finding: &'a Value, name: &str) -> &'a Value {
    let a = &finding["args"][name];
    assert!(!a.is_null(), "no arg `{name}` in {finding:#}");
    a
}

// ---------------------------------------------------------------- WebSocket (tungstenite)

#[test]
fn tungstenite_websocket_server_is_ok() {
    let bg = ws_server(WsPolicy::default());
    let r = check(&ws_url(&bg, "/"), &[]);
    let v = assert_verdict(&r, "ok", None);
    assert_eq!(v["ok"], true);
}

#[test]
fn wrong_websocket_path_when_root_upgrades() {
    let bg = ws_server(WsPolicy {
        only_path: Some("/".into()),
        ..WsPolicy::default()
    });
    let r = check(&ws_url(&bg, "/wrong"), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-path"));
    let c = cause(&v, "mismatch.ws-path");
    assert_eq!(c["confidence"], "high", "{}", r.describe());
    assert_eq!(arg(c, "path"), "/wrong");
    assert_eq!(arg(c, "working"), "/");
}

/// A WebSocket server that upgrades on /chat only (the common case: socket.io,
/// Workerman behind a location block) answers 404 to the upgrade on every other path,
/// `/` included. A 404 to an upgrade on `/` too is no proof of a plain HTTP server,
/// so the wrong path is the first thing to check.
#[test]
fn wrong_websocket_path_when_only_another_path_upgrades() {
    let bg = ws_server(WsPolicy {
        only_path: Some("/chat".into()),
        ..WsPolicy::default()
    });
    let r = check(&ws_url(&bg, "/wrong"), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-path"));
    assert_eq!(arg(cause(&v, "mismatch.ws-path"), "path"), "/wrong");
    // The right path still works.
    let r = check(&ws_url(&bg, "/chat"), &[]);
    assert_verdict(&r, "ok", None);
}

#[test]
fn rejected_origin() {
    let bg = ws_server(WsPolicy {
        allow_origin: Some("https://good.example".into()),
        ..WsPolicy::default()
    });
    let r = check(&ws_url(&bg, "/"), &["--origin", "https://evil.example"]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-origin"));
    assert_eq!(
        arg(cause(&v, "mismatch.ws-origin"), "origin"),
        "https://evil.example"
    );
    // The allowed Origin upgrades.
    let r = check(&ws_url(&bg, "/"), &["--origin", "https://good.example"]);
    assert_verdict(&r, "ok", None);
}

#[test]
fn http_client_against_websocket_server() {
    let bg = ws_server(WsPolicy::default());
    let r = check(&format!("http://{}/", bg.addr), &[]);
    assert_verdict(&r, "mismatch", Some("mismatch.http-to-ws"));
}

// ---------------------------------------------------------------- HTTP (hyper)

#[test]
fn websocket_client_against_hyper_http_server() {
    let bg = hyper_server();
    let r = check(&ws_url(&bg, "/"), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-to-http"));
    let c = cause(&v, "mismatch.ws-to-http");
    assert_eq!(arg(c, "code"), 200, "{}", r.describe());
    assert!(
        arg(c, "status")
            .as_str()
            .is_some_and(|s| s.starts_with("200")),
        "{}",
        r.describe()
    );
    assert_eq!(arg(c, "server"), "test-hyper/1.0");
}

#[test]
fn http_client_against_hyper_is_ok() {
    let bg = hyper_server();
    let r = check(&format!("http://{}/", bg.addr), &[]);
    assert_verdict(&r, "ok", None);
}

// ---------------------------------------------------------------- text

#[test]
fn websocket_client_against_line_echo_server() {
    let bg = line_echo_server();
    let r = check(&ws_url(&bg, "/"), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-to-non-http"));
    let c = cause(&v, "mismatch.ws-to-non-http");
    assert_eq!(arg(c, "speaks"), "text", "{}", r.describe());
    // The first bytes, escaped: the echo of our own request line.
    assert!(
        arg(c, "bytes")
            .as_str()
            .is_some_and(|b| b.starts_with("GET /")),
        "{}",
        r.describe()
    );
}

#[test]
fn text_client_against_line_echo_server_is_ok() {
    let bg = line_echo_server();
    let r = check(&format!("text://{}", bg.addr), &[]);
    assert_verdict(&r, "ok", None);
}

// ---------------------------------------------------------------- TLS (rustls)

#[test]
fn plain_websocket_client_against_tls_port() {
    let bg = wss_server(tls_config(&self_signed(&["localhost", "127.0.0.1"])));
    let r = check(&ws_url(&bg, "/"), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.plain-to-tls"));
    assert_eq!(arg(cause(&v, "mismatch.plain-to-tls"), "secure"), "wss://");
}

#[test]
fn plain_http_client_against_tls_port() {
    let bg = wss_server(tls_config(&self_signed(&["localhost", "127.0.0.1"])));
    let r = check(&format!("http://{}/", bg.addr), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.plain-to-tls"));
    assert_eq!(
        arg(cause(&v, "mismatch.plain-to-tls"), "secure"),
        "https://"
    );
}

#[test]
fn self_signed_certificate_is_untrusted_and_insecure_continues() {
    let bg = wss_server(tls_config(&self_signed(&["localhost", "127.0.0.1"])));
    let url = format!("wss://{}/", bg.addr);
    let r = check(&url, &[]);
    assert_verdict(&r, "tls", Some("tls.cert-untrusted"));

    let r = check(&url, &["--insecure"]);
    let v = assert_verdict(&r, "ok", None);
    assert!(
        warning_ids(&v).iter().any(|w| w == "tls.cert-untrusted"),
        "--insecure keeps the certificate problem as a warning:\n{}",
        r.describe()
    );
}

/// `check wss://…/` against a tokio-rustls WebSocket server whose certificate, for
/// `names` and valid from `not_before` to `not_after` (year, month, day), a private CA
/// issued; the client trusts that CA (SSL_CERT_FILE).
fn check_certificate_from_trusted_ca(
    names: &[&str],
    not_before: (i32, u8, u8),
    not_after: (i32, u8, u8),
) -> Run {
    let ca = Ca::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, &ca.pem).expect("write CA");
    let bg = wss_server(tls_config(&ca.leaf(names, not_before, not_after)));
    check_env(
        &format!("wss://{}/", bg.addr),
        &[],
        &[("SSL_CERT_FILE", ca_file.to_str().expect("utf-8 path"))],
    )
}

#[test]
fn certificate_from_a_trusted_ca_is_ok() {
    let r =
        check_certificate_from_trusted_ca(&["127.0.0.1", "localhost"], (2020, 1, 1), (4000, 1, 1));
    let v = assert_verdict(&r, "ok", None);
    assert!(warning_ids(&v).is_empty(), "{}", r.describe());
}

#[test]
fn certificate_for_another_name() {
    let r = check_certificate_from_trusted_ca(&["other.example"], (2020, 1, 1), (4000, 1, 1));
    let v = assert_verdict(&r, "tls", Some("tls.cert-name"));
    let c = cause(&v, "tls.cert-name");
    // The name the client asked for, as the user typed it.
    assert_eq!(arg(c, "host"), "127.0.0.1", "{}", r.describe());
    // The evidence names what the certificate does cover...
    let names = evidence(c, "ev-cert-names");
    // ...as the certificate spells them (not as a library's debug output).
    assert_eq!(names["args"]["names"], "other.example", "{}", r.describe());
}

#[test]
fn self_signed_certificate_for_another_name_is_untrusted_first() {
    // With no trusted issuer the chain fails before the name is looked at (as in
    // browsers): the first thing to fix is the trust.
    let bg = wss_server(tls_config(&self_signed(&["other.example"])));
    let r = check(&format!("wss://{}/", bg.addr), &[]);
    assert_verdict(&r, "tls", Some("tls.cert-untrusted"));
}

#[test]
fn expired_certificate() {
    let r =
        check_certificate_from_trusted_ca(&["127.0.0.1", "localhost"], (2020, 1, 1), (2021, 1, 1));
    let v = assert_verdict(&r, "tls", Some("tls.cert-expired"));
    let c = cause(&v, "tls.cert-expired");
    let date = &evidence(c, "ev-cert-not-after")["args"]["date"];
    assert_eq!(date, "2021-01-01", "{}", r.describe());
}

#[test]
fn tls_client_against_plain_websocket_port() {
    let bg = ws_server(WsPolicy::default());
    let r = check(&format!("wss://{}/", bg.addr), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.tls-to-plain"));
    assert_eq!(arg(cause(&v, "mismatch.tls-to-plain"), "plain"), "ws://");
}

#[test]
fn https_client_against_plain_http_port() {
    let bg = hyper_server();
    let r = check(&format!("https://{}/", bg.addr), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.tls-to-plain"));
    assert_eq!(arg(cause(&v, "mismatch.tls-to-plain"), "plain"), "http://");
}

// ---------------------------------------------------------------- `conndoctor serve`

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

#[test]
fn serve_websocket_answers_a_tungstenite_client() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;

    let s = serve("websocket", "tok123", &[]);
    rt().block_on(async {
        let step = Duration::from_secs(10);
        let tcp = tokio::net::TcpStream::connect(s.addr)
            .await
            .expect("connect to serve");
        let (mut ws, resp) = tokio::time::timeout(
            step,
            tokio_tungstenite::client_async(format!("ws://{}/", s.addr), tcp),
        )
        .await
        .expect("handshake in time")
        .expect("WebSocket handshake with serve");
        assert_eq!(resp.status(), 101);
        assert_eq!(
            resp.headers()
                .get("x-conndoctor-token")
                .and_then(|v| v.to_str().ok()),
            Some("tok123")
        );
        let first = tokio::time::timeout(step, ws.next())
            .await
            .expect("token message in time")
            .expect("a message")
            .expect("a valid frame");
        match first {
            Message::Text(t) => assert!(
                t.as_str().contains("tok123"),
                "first message has the token: {t}"
            ),
            other => panic!("first message is not text: {other:?}"),
        }
        ws.send(Message::text("hello, serve"))
            .await
            .expect("send text");
        let echo = tokio::time::timeout(step, ws.next())
            .await
            .expect("echo in time")
            .expect("a message")
            .expect("a valid frame");
        assert_eq!(echo, Message::text("hello, serve"));
        ws.send(Message::binary(vec![0u8, 1, 2, 255]))
            .await
            .expect("send binary");
        let echo = tokio::time::timeout(step, ws.next())
            .await
            .expect("echo in time")
            .expect("a message")
            .expect("a valid frame");
        assert_eq!(echo, Message::binary(vec![0u8, 1, 2, 255]));
        let _ = ws.close(None).await;
    });
}

/// curl is part of the test environment (CI installs it): missing, the test fails.
fn curl() -> Option<&'static str> {
    if std::env::var_os("CONNDOCTOR_SKIP_CURL").is_some_and(|v| v == "1") {
        eprintln!("CONNDOCTOR_SKIP_CURL=1: skipped");
        return None;
    }
    let found = Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "curl is needed (Debian package `curl`); set CONNDOCTOR_SKIP_CURL=1 to skip"
    );
    Some("curl")
}

fn run_curl(args: &[&str]) -> String {
    let mut c = Command::new("curl");
    c.args(["-s", "--max-time", "20", "--noproxy", "*"])
        .args(args);
    let o = c.output().expect("run curl");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    eprintln!(
        "$ curl {}\n-> {:?}\n{out}\n{}",
        args.join(" "),
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "curl {args:?} failed: {:?}", o.status);
    out
}

#[test]
fn serve_http_answers_curl_with_the_token() {
    let Some(_) = curl() else { return };
    let s = serve("http", "curltok", &[]);
    let body = run_curl(&[&format!("http://{}/", s.addr)]);
    assert!(
        body.contains("conndoctor serve token=curltok"),
        "body has the token: {body}"
    );
    let head = run_curl(&["-i", &format!("http://{}/anything", s.addr)]);
    assert!(
        head.to_ascii_lowercase()
            .contains("x-conndoctor-token: curltok"),
        "the token header: {head}"
    );
}

#[test]
fn serve_https_answers_curl_with_the_token() {
    let Some(_) = curl() else { return };
    let s = serve("http", "tlstok", &["--tls"]);
    let body = run_curl(&["-k", &format!("https://{}/", s.addr)]);
    assert!(
        body.contains("conndoctor serve token=tlstok"),
        "body has the token: {body}"
    );
}

#[test]
fn expect_token_against_serve() {
    let s = serve("websocket", "righttoken", &[]);
    let url = format!("ws://{}/", s.addr);
    let r = check(&url, &["--expect-token", "righttoken"]);
    assert_verdict(&r, "ok", None);

    let r = check(&url, &["--expect-token", "wrongtoken"]);
    let v = assert_wrong_host(&r);
    assert_ne!(v["symptom"], "ok", "{}", r.describe());
    assert_eq!(r.code, Some(1), "{}", r.describe());
}

#[test]
fn expect_token_against_serve_http_and_text() {
    let s = serve("http", "httptoken", &[]);
    let r = check(
        &format!("http://{}/", s.addr),
        &["--expect-token", "httptoken"],
    );
    assert_verdict(&r, "ok", None);
    let r = check(&format!("http://{}/", s.addr), &["--expect-token", "other"]);
    assert_wrong_host(&r);

    let s = serve("text", "texttoken", &[]);
    let r = check(
        &format!("text://{}", s.addr),
        &["--expect-token", "texttoken"],
    );
    assert_verdict(&r, "ok", None);
}

#[test]
fn expect_token_against_a_server_that_is_not_serve() {
    // A working WebSocket server that is some other program: the client reached a
    // different server than the one the user started.
    let bg = ws_server(WsPolicy::default());
    let r = check(&ws_url(&bg, "/"), &["--expect-token", "abc"]);
    assert_wrong_host(&r);
}

#[test]
fn serve_origin_check_is_diagnosed() {
    let s = serve(
        "websocket",
        "pathtok",
        &["--allow-origin", "https://good.example"],
    );
    let r = check(
        &format!("ws://{}/", s.addr),
        &["--origin", "https://evil.example"],
    );
    assert_verdict(&r, "mismatch", Some("mismatch.ws-origin"));
}

// ---------------------------------------------------------------- nginx (Debian)

/// Debian's nginx, started by the test with its own configuration in a tempdir.
struct Nginx {
    _guard: ChildGuard,
    dir: tempfile::TempDir,
}

impl Nginx {
    fn error_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("error.log")).unwrap_or_default()
    }
}

fn nginx_binary() -> Option<String> {
    if std::env::var_os("CONNDOCTOR_SKIP_NGINX").is_some_and(|v| v == "1") {
        eprintln!("CONNDOCTOR_SKIP_NGINX=1: skipped");
        return None;
    }
    for p in ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"] {
        if std::path::Path::new(p).exists() {
            return Some(p.to_string());
        }
    }
    let on_path = Command::new("nginx")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    assert!(
        on_path,
        "nginx is needed for the reverse-proxy tests (Debian package `nginx`: \
         apt-get install -y nginx); set CONNDOCTOR_SKIP_NGINX=1 to skip them"
    );
    Some("nginx".to_string())
}

/// Starts nginx with `servers` (server blocks) inside an `http {}` of its own, every
/// file in a tempdir, listening on the given 127.0.0.1 ports.
fn nginx(bin: &str, servers: &str, ports: &[u16], files: &[(&str, &str)]) -> Nginx {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().display().to_string();
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).expect("write nginx file");
    }
    let conf = format!(
        "daemon off;\n\
         master_process off;\n\
         worker_processes 1;\n\
         pid {d}/nginx.pid;\n\
         error_log {d}/error.log info;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n\
           access_log {d}/access.log;\n\
           client_body_temp_path {d}/client_body;\n\
           proxy_temp_path {d}/proxy;\n\
           fastcgi_temp_path {d}/fastcgi;\n\
           uwsgi_temp_path {d}/uwsgi;\n\
           scgi_temp_path {d}/scgi;\n\
           {servers}\n\
         }}\n"
    );
    let conf_path = dir.path().join("nginx.conf");
    std::fs::write(&conf_path, &conf).expect("write nginx.conf");
    eprintln!("nginx.conf:\n{conf}");
    let child = Command::new(bin)
        .arg("-e")
        .arg(dir.path().join("error.log"))
        .arg("-p")
        .arg(format!("{d}/"))
        .arg("-c")
        .arg(&conf_path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin}: {e} (set CONNDOCTOR_SKIP_NGINX=1 to skip)")
        });
    let mut n = Nginx {
        _guard: ChildGuard {
            child,
            name: "nginx",
        },
        dir,
    };
    for &port in ports {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let log = n.dir.path().join("error.log");
        let guard = &mut n._guard;
        wait_listening(addr, || match guard.child.try_wait() {
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut e) = guard.child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                Err(format!(
                    "nginx exited ({status}); stderr:\n{err}\nerror.log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                ))
            }
            _ => Ok(()),
        });
    }
    n
}

#[test]
fn nginx_proxy_without_upgrade_headers() {
    let Some(bin) = nginx_binary() else { return };
    let backend = ws_server(WsPolicy::default());
    let port = free_port();
    let n = nginx(
        &bin,
        &format!(
            "server {{ listen 127.0.0.1:{port}; \
               location / {{ proxy_pass http://{}; }} }}",
            backend.addr
        ),
        &[port],
        &[],
    );
    let r = check(&format!("ws://127.0.0.1:{port}/"), &[]);
    eprintln!("nginx error.log:\n{}", n.error_log());
    let v = assert_verdict(&r, "mismatch", Some("mismatch.proxy-no-upgrade"));
    let c = cause(&v, "mismatch.proxy-no-upgrade");
    assert!(
        arg(c, "server")
            .as_str()
            .is_some_and(|s| s.starts_with("nginx")),
        "{}",
        r.describe()
    );
    // The fix prints the nginx lines to add.
    let fix = c["fix"]["message"].as_str().unwrap_or_default();
    for line in [
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection \"upgrade\";",
    ] {
        assert!(fix.contains(line), "fix lacks `{line}`:\n{}", r.describe());
    }
}

#[test]
fn nginx_proxy_with_upgrade_headers_is_ok() {
    let Some(bin) = nginx_binary() else { return };
    let backend = ws_server(WsPolicy::default());
    let port = free_port();
    let _n = nginx(
        &bin,
        &format!(
            "server {{ listen 127.0.0.1:{port}; \
               location / {{ proxy_pass http://{}; \
                 proxy_http_version 1.1; \
                 proxy_set_header Upgrade $http_upgrade; \
                 proxy_set_header Connection \"upgrade\"; }} }}",
            backend.addr
        ),
        &[port],
        &[],
    );
    let r = check(&format!("ws://127.0.0.1:{port}/"), &[]);
    assert_verdict(&r, "ok", None);
}

#[test]
fn nginx_ssl_port_hit_with_plain_websocket() {
    let Some(bin) = nginx_binary() else { return };
    let leaf = self_signed(&["localhost", "127.0.0.1"]);
    let backend = ws_server(WsPolicy::default());
    let port = free_port();
    let n = nginx(
        &bin,
        &format!(
            "server {{ listen 127.0.0.1:{port} ssl; \
               ssl_certificate cert.pem; ssl_certificate_key key.pem; \
               location / {{ proxy_pass http://{}; \
                 proxy_http_version 1.1; \
                 proxy_set_header Upgrade $http_upgrade; \
                 proxy_set_header Connection \"upgrade\"; }} }}",
            backend.addr
        ),
        &[port],
        &[("cert.pem", &leaf.cert_pem), ("key.pem", &leaf.key_pem)],
    );
    let r = check(&format!("ws://127.0.0.1:{port}/"), &[]);
    eprintln!("nginx error.log:\n{}", n.error_log());
    let v = assert_verdict(&r, "mismatch", Some("mismatch.plain-to-tls"));
    // nginx's own words are in the evidence (its 400 page), and wss:// works.
    assert_eq!(arg(cause(&v, "mismatch.plain-to-tls"), "secure"), "wss://");
    let r = check(&format!("wss://127.0.0.1:{port}/"), &["--insecure"]);
    assert_verdict(&r, "ok", None);
}
