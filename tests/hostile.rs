//! Hostile and broken servers (issue 3, "Bounded"): each one started by the test on
//! 127.0.0.1, checked with the real binary. For each: the verdict the rules in
//! src/rules/protocol.rs give for what the server does, that the process ends by
//! itself (a hang is killed after a generous limit and fails the test), and that its
//! peak RSS stays under 50 MiB. Each test is a [`support::scenario`] of the
//! reliability suite: bench/reliability.sh runs it many times and prints its figures.
//!
//! Only loopback addresses are ever contacted. Nothing here asserts timings.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::*;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every connection is handled by `f`.
fn hostile<F, Fut>(f: F) -> Bg
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    spawn_server(move |l| accept_each(l, f))
}

/// The same behaviour behind a TLS handshake (self-signed certificate).
fn hostile_tls<F, Fut>(f: F) -> Bg
where
    F: Fn(tokio_rustls::server::TlsStream<TcpStream>) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let acceptor =
        tokio_rustls::TlsAcceptor::from(tls_config(&self_signed(&["localhost", "127.0.0.1"])));
    let f = std::sync::Arc::new(f);
    spawn_server(move |l| {
        accept_each(l, move |s| {
            let acceptor = acceptor.clone();
            let f = f.clone();
            async move {
                let hs = tokio::time::timeout(Duration::from_secs(10), acceptor.accept(s));
                if let Ok(Ok(tls)) = hs.await {
                    f(tls).await;
                }
            }
        })
    })
}

/// Reads whatever the client sends, without answering, until it goes away.
async fn swallow<R: AsyncRead + Unpin>(mut r: R) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = r.read(&mut buf).await {
        if n == 0 {
            return;
        }
    }
}

/// Runs a check that must end, with a bounded memory peak; returns the report.
fn check_bounded(target: &str, extra: &[&str]) -> (Run, Value) {
    let r = check(target, extra);
    r.assert_memory_bounded();
    let v = r.json();
    (r, v)
}

#[track_caller]
fn assert_evidence(r: &Run, v: &Value, id: &str) {
    let all: Vec<String> = v["causes"]
        .as_array()
        .map(|a| a.iter().flat_map(evidence_ids).collect())
        .unwrap_or_default();
    assert!(
        all.iter().any(|e| e == id),
        "no evidence {id} in the causes:\n{}",
        r.describe()
    );
}

// ---------------------------------------------------------------- trickle

/// One byte a second of an otherwise valid HTTP response.
async fn trickle<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S) {
    let (r, mut w) = tokio::io::split(s);
    tokio::spawn(swallow(r));
    let resp = b"HTTP/1.1 200 OK\r\nServer: trickle\r\nContent-Length: 5\r\n\r\nhello";
    for b in resp.iter().cycle() {
        if w.write_all(&[*b]).await.is_err() || w.flush().await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

#[test]
fn trickling_http_response_websocket() {
    scenario("trickling http response websocket", || {
        let bg = hostile(trickle);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        // The head never completes within the budget: the server did not answer.
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
        assert_evidence(&r, &v, "ev-reply-error");
    });
}

#[test]
fn trickling_http_response_http() {
    scenario("trickling http response http", || {
        let bg = hostile(trickle);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
    });
}

#[test]
fn trickling_http_response_over_tls() {
    scenario("trickling http response over tls", || {
        let bg = hostile_tls(trickle);
        let (r, _) = check_bounded(&format!("wss://{}/", bg.addr), &["--insecure"]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
    });
}

// ---------------------------------------------------------------- endless headers

async fn endless_headers<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S) {
    let (r, mut w) = tokio::io::split(s);
    tokio::spawn(swallow(r));
    if w.write_all(b"HTTP/1.1 200 OK\r\n").await.is_err() {
        return;
    }
    let line = format!("X-Endless: {}\r\n", "a".repeat(100));
    loop {
        if w.write_all(line.as_bytes()).await.is_err() {
            return;
        }
    }
}

#[test]
fn endless_headers_websocket() {
    scenario("endless headers websocket", || {
        let bg = hostile(endless_headers);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_eq!(v["symptom"], "mismatch", "{}", r.describe());
        assert_eq!(r.code, Some(1), "{}", r.describe());
        assert!(
            cause_ids(&v)
                .first()
                .is_some_and(|c| c.starts_with("mismatch.")),
            "{}",
            r.describe()
        );
        // The head was capped, and the report says so.
        assert_evidence(&r, &v, "ev-reply-too-large");
    });
}

#[test]
fn endless_headers_http() {
    scenario("endless headers http", || {
        let bg = hostile(endless_headers);
        let (r, v) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_eq!(v["symptom"], "mismatch", "{}", r.describe());
        assert_evidence(&r, &v, "ev-reply-too-large");
    });
}

#[test]
fn endless_headers_over_tls() {
    scenario("endless headers over tls", || {
        let bg = hostile_tls(endless_headers);
        let (r, v) = check_bounded(&format!("wss://{}/", bg.addr), &["--insecure"]);
        assert_eq!(v["symptom"], "mismatch", "{}", r.describe());
        assert_evidence(&r, &v, "ev-reply-too-large");
    });
}

// ---------------------------------------------------------------- "gigabyte" body

/// A 200 head announcing a gigabyte, then zeros for as long as anyone reads.
async fn endless_body<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S) {
    let (r, mut w) = tokio::io::split(s);
    tokio::spawn(swallow(r));
    let head = b"HTTP/1.1 200 OK\r\nServer: zeros/1.0\r\nContent-Type: application/octet-stream\r\nContent-Length: 1073741824\r\n\r\n";
    if w.write_all(head).await.is_err() {
        return;
    }
    let zeros = vec![0u8; 64 * 1024];
    loop {
        if w.write_all(&zeros).await.is_err() {
            return;
        }
    }
}

#[test]
fn gigabyte_body_websocket() {
    scenario("gigabyte body websocket", || {
        let bg = hostile(endless_body);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.ws-to-http"));
        let c = cause(&v, "mismatch.ws-to-http");
        assert_eq!(c["args"]["code"], 200, "{}", r.describe());
        assert_eq!(c["args"]["server"], "zeros/1.0", "{}", r.describe());
    });
}

#[test]
fn gigabyte_body_http() {
    scenario("gigabyte body http", || {
        let bg = hostile(endless_body);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        // An HTTP client asked, an HTTP server answered: the connection works.
        assert_verdict(&r, "ok", None);
    });
}

#[test]
fn gigabyte_body_over_tls() {
    scenario("gigabyte body over tls", || {
        let bg = hostile_tls(endless_body);
        let (r, _) = check_bounded(&format!("https://{}/", bg.addr), &["--insecure"]);
        assert_verdict(&r, "ok", None);
    });
}

// ---------------------------------------------------------------- garbage

/// Binary noise, forever (a fixed pseudo-random sequence that looks like no protocol).
async fn garbage(s: TcpStream) {
    let (r, mut w) = s.into_split();
    tokio::spawn(swallow(r));
    let mut x: u32 = 0x9e37_79b9;
    let mut block = vec![0u8; 8192];
    for (i, b) in block.iter_mut().enumerate() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = (x >> 24) as u8;
        if i < 4 {
            // Start like no known signature (not TLS 0x14-0x17, not a MySQL greeting).
            *b = [0x00, 0xff, 0x80, 0xfe][i];
        }
    }
    loop {
        if w.write_all(&block).await.is_err() {
            return;
        }
    }
}

#[test]
fn binary_garbage_websocket() {
    scenario("binary garbage websocket", || {
        let bg = hostile(garbage);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.ws-to-non-http"));
        let c = cause(&v, "mismatch.ws-to-non-http");
        assert_eq!(c["args"]["speaks"], "binary", "{}", r.describe());
        let bytes = c["args"]["bytes"].as_str().unwrap_or_default();
        assert!(
            bytes.starts_with("\\x00\\xff\\x80\\xfe"),
            "the first bytes, escaped: {bytes}"
        );
        // Shown, but capped.
        assert!(bytes.len() < 1024, "{}", r.describe());
    });
}

#[test]
fn binary_garbage_http() {
    scenario("binary garbage http", || {
        let bg = hostile(garbage);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.http-to-non-http"));
    });
}

#[test]
fn binary_garbage_raw_tcp() {
    scenario("binary garbage raw tcp", || {
        let bg = hostile(garbage);
        let (r, _) = check_bounded(&format!("tcp://{}", bg.addr), &[]);
        // tcp:// asks for nothing in particular: a server that talks is a working server.
        assert_verdict(&r, "ok", None);
    });
}

#[test]
fn binary_garbage_to_a_tls_client() {
    scenario("binary garbage to a tls client", || {
        let bg = hostile(garbage);
        let (r, _) = check_bounded(&format!("wss://{}/", bg.addr), &[]);
        // Not TLS: bytes that are not a ServerHello came back.
        assert_verdict(&r, "mismatch", Some("mismatch.tls-to-plain"));
    });
}

// ---------------------------------------------------------------- TLS record to a plain client

/// Reads the request, answers with a TLS alert record (as a TLS server does to bytes
/// that are not a ClientHello), and closes.
async fn tls_alert(mut s: TcpStream) {
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await;
    // TLS 1.2 record, alert, fatal (2), protocol_version (70).
    let _ = s
        .write_all(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])
        .await;
    let _ = s.shutdown().await;
}

#[test]
fn tls_alert_to_plain_websocket_client() {
    scenario("tls alert to plain websocket client", || {
        let bg = hostile(tls_alert);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.plain-to-tls"));
        assert_eq!(
            cause(&v, "mismatch.plain-to-tls")["args"]["secure"],
            "wss://",
            "{}",
            r.describe()
        );
    });
}

#[test]
fn tls_alert_to_plain_http_client() {
    scenario("tls alert to plain http client", || {
        let bg = hostile(tls_alert);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.plain-to-tls"));
    });
}

// ---------------------------------------------------------------- RST after accept

async fn rst(s: TcpStream) {
    // SO_LINGER 0: close() sends a RST instead of a FIN.
    let _ = socket2::SockRef::from(&s).set_linger(Some(Duration::ZERO));
    drop(s);
}

#[test]
fn reset_right_after_accept_websocket() {
    scenario("reset right after accept websocket", || {
        let bg = hostile(rst);
        let (r, _) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

#[test]
fn reset_right_after_accept_http() {
    scenario("reset right after accept http", || {
        let bg = hostile(rst);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

#[test]
fn reset_right_after_accept_raw_tcp() {
    scenario("reset right after accept raw tcp", || {
        let bg = hostile(rst);
        let (r, _) = check_bounded(&format!("tcp://{}", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

#[test]
fn reset_right_after_accept_tls() {
    scenario("reset right after accept tls", || {
        let bg = hostile(rst);
        let (r, _) = check_bounded(&format!("wss://{}/", bg.addr), &[]);
        // A RST before any byte, whatever the client sent first (causes.md).
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

// ---------------------------------------------------------------- silence

/// Accepts, then neither reads nor writes, holding the connection open.
async fn silent(s: TcpStream) {
    let _held = s;
    std::future::pending::<()>().await;
}

#[test]
fn silent_server_websocket() {
    scenario("silent server websocket", || {
        let bg = hostile(silent);
        let (r, _) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
    });
}

#[test]
fn silent_server_http() {
    scenario("silent server http", || {
        let bg = hostile(silent);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
    });
}

#[test]
fn silent_server_tls() {
    scenario("silent server tls", || {
        let bg = hostile(silent);
        let (r, _) = check_bounded(&format!("wss://{}/", bg.addr), &[]);
        // Not a byte to the ClientHello nor to the plain cross-check: silence, not a
        // TLS negotiation failure (causes.md: tls.handshake is "no common version or
        // cipher, or an alert").
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
    });
}

// ---------------------------------------------------------------- immediate close

async fn close_at_once(s: TcpStream) {
    drop(s);
}

#[test]
fn immediate_close_websocket() {
    scenario("immediate close websocket", || {
        let bg = hostile(close_at_once);
        let (r, _) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

#[test]
fn immediate_close_http() {
    scenario("immediate close http", || {
        let bg = hostile(close_at_once);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

#[test]
fn immediate_close_text() {
    scenario("immediate close text", || {
        let bg = hostile(close_at_once);
        let (r, _) = check_bounded(&format!("text://{}", bg.addr), &[]);
        assert_verdict(&r, "reset", Some("reset.after-connect"));
    });
}

// ---------------------------------------------------------------- WebSocket handshake abuse

/// Reads a request head (up to 16 KiB or 5 s) and returns its Sec-WebSocket-Key.
async fn read_key(s: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("sec-websocket-key")
            .then(|| v.trim().to_string())
    })
}

/// The Sec-WebSocket-Accept of RFC 6455 for `key`, computed here independently.
fn ws_accept(key: &str) -> String {
    use base64::Engine as _;
    use sha1::Digest as _;
    let mut h = sha1::Sha1::new();
    h.update(key.as_bytes());
    h.update(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    base64::engine::general_purpose::STANDARD.encode(h.finalize())
}

/// 101 Switching Protocols with an accept value computed for another key.
async fn wrong_accept(mut s: TcpStream) {
    if read_key(&mut s).await.is_none() {
        return;
    }
    let bogus = ws_accept("not the key the client sent");
    let resp = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {bogus}\r\nServer: badaccept/1.0\r\n\r\n"
    );
    let _ = s.write_all(resp.as_bytes()).await;
    swallow(s).await;
}

#[test]
fn switching_protocols_with_a_wrong_accept() {
    scenario("101 with wrong accept", || {
        let bg = hostile(wrong_accept);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        // A client library refuses this handshake: it is not a working WebSocket.
        assert_verdict(&r, "mismatch", Some("mismatch.ws-to-http"));
        assert_evidence(&r, &v, "ev-bad-accept");
        assert_eq!(
            cause(&v, "mismatch.ws-to-http")["args"]["code"],
            101,
            "{}",
            r.describe()
        );
    });
}

/// A correct handshake, then one binary frame announcing 2^63-1 payload bytes
/// (RFC 6455's largest length), followed by zeros for as long as anyone reads.
async fn giant_frame(mut s: TcpStream) {
    let Some(key) = read_key(&mut s).await else {
        return;
    };
    let resp = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\r\n",
        ws_accept(&key)
    );
    if s.write_all(resp.as_bytes()).await.is_err() {
        return;
    }
    // FIN + binary, unmasked, 127 = 64-bit length follows.
    let mut frame = vec![0x82, 0x7f];
    frame.extend_from_slice(&(i64::MAX as u64).to_be_bytes());
    if s.write_all(&frame).await.is_err() {
        return;
    }
    let (r, mut w) = s.into_split();
    tokio::spawn(swallow(r));
    let zeros = vec![0u8; 64 * 1024];
    while w.write_all(&zeros).await.is_ok() {}
}

#[test]
fn giant_websocket_frame_after_a_good_handshake() {
    scenario("giant frame after 101", || {
        let bg = hostile(giant_frame);
        let (r, _) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        // The handshake is what the client needs; the frame must cost nothing.
        assert_verdict(&r, "ok", None);
    });
}

// ---------------------------------------------------------------- interim responses

/// `100 Continue` after `100 Continue`, forever: never a final response.
async fn continue_loop<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S) {
    let (r, mut w) = tokio::io::split(s);
    tokio::spawn(swallow(r));
    loop {
        if w.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[test]
fn endless_100_continue_websocket() {
    scenario("100-continue loop websocket", || {
        let bg = hostile(continue_loop);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        // Interim responses are not an answer; the final one never comes.
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
        assert_evidence(&r, &v, "ev-reply-too-large");
    });
}

#[test]
fn endless_100_continue_http() {
    scenario("100-continue loop http", || {
        let bg = hostile(continue_loop);
        let (r, v) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
        assert_evidence(&r, &v, "ev-reply-too-large");
    });
}

/// An interim `103 Early Hints` before the real answer (RFC 8297), as CDNs send.
async fn early_hints(mut s: TcpStream) {
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await;
    let _ = s
        .write_all(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
        .await;
    let _ = s
        .write_all(b"HTTP/1.1 200 OK\r\nServer: hints/1.0\r\nContent-Length: 2\r\n\r\nok")
        .await;
    swallow(s).await;
}

#[test]
fn early_hints_then_the_answer() {
    scenario("103 early hints then 200", || {
        let bg = hostile(early_hints);
        let (r, _) = check_bounded(&format!("http://{}/", bg.addr), &[]);
        assert_verdict(&r, "ok", None);
        let (r, v) = check_bounded(&format!("ws://{}/", bg.addr), &[]);
        // The final answer is the 200, not the 103.
        assert_verdict(&r, "mismatch", Some("mismatch.ws-to-http"));
        assert_eq!(cause(&v, "mismatch.ws-to-http")["args"]["code"], 200);
    });
}

// ---------------------------------------------------------------- half a status line

/// `HTTP/1.1 2` and then nothing, holding the connection open.
async fn half_status_line<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S) {
    let (r, mut w) = tokio::io::split(s);
    let _ = w.write_all(b"HTTP/1.1 2").await;
    let _ = w.flush().await;
    swallow(r).await;
    drop(w);
}

/// `HTTP/1.1 2` and a close.
async fn half_status_line_then_close(mut s: TcpStream) {
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await;
    let _ = s.write_all(b"HTTP/1.1 2").await;
    let _ = s.shutdown().await;
}

#[test]
fn half_a_status_line_held_open() {
    scenario("half status line, held open", || {
        let bg = hostile(half_status_line);
        for target in [format!("ws://{}/", bg.addr), format!("http://{}/", bg.addr)] {
            let (r, v) = check_bounded(&target, &[]);
            assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
            assert_evidence(&r, &v, "ev-reply-error");
        }
    });
}

#[test]
fn half_a_status_line_then_close() {
    scenario("half status line, then close", || {
        let bg = hostile(half_status_line_then_close);
        for target in [format!("ws://{}/", bg.addr), format!("http://{}/", bg.addr)] {
            let (r, v) = check_bounded(&target, &[]);
            assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
            assert_evidence(&r, &v, "ev-reply-error");
        }
    });
}

#[test]
fn half_a_status_line_over_tls() {
    scenario("half status line over tls", || {
        let bg = hostile_tls(half_status_line);
        let (r, v) = check_bounded(&format!("wss://{}/", bg.addr), &["--insecure"]);
        assert_verdict(&r, "mismatch", Some("mismatch.silent-server"));
        assert_evidence(&r, &v, "ev-reply-error");
    });
}

// ---------------------------------------------------------------- TLS garbage

/// Answers a ClientHello with records that claim to be TLS handshake records
/// (type 22, version 3.3, full length) but carry noise, forever.
async fn tls_garbage(s: TcpStream) {
    let (mut r, mut w) = s.into_split();
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_secs(5), r.read(&mut buf)).await;
    tokio::spawn(swallow(r));
    let mut x: u32 = 0x1234_5678;
    let mut record = vec![0x16, 0x03, 0x03, 0x3f, 0xff];
    for _ in 0..0x3fff {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        record.push((x >> 24) as u8);
    }
    while w.write_all(&record).await.is_ok() {}
}

#[test]
fn tls_garbage_to_a_tls_client() {
    scenario("TLS garbage to wss and https", || {
        let bg = hostile(tls_garbage);
        for target in [
            format!("wss://{}/", bg.addr),
            format!("https://{}/", bg.addr),
        ] {
            let (r, v) = check_bounded(&target, &[]);
            // It looks like TLS and is not: the handshake fails, on our side.
            assert_verdict(&r, "tls", Some("tls.handshake"));
            assert!(
                !v.to_string().contains("\\u0000"),
                "no raw bytes in the report:\n{}",
                r.describe()
            );
        }
    });
}
