//! `conndoctor serve websocket://…` behaves as a real WebSocket server (issue 14 part 3),
//! checked by clients nobody here wrote: python's `websockets` and node's `ws`, plus
//! raw bytes for what no good client sends (an unmasked frame), and curl for the plain
//! HTTP request.
//!
//! Tools: `python3` with the `websockets` package (pip), `node` with `ws` installed in
//! tests/node (`npm ci --prefix tests/node`), `curl`. .ci/run installs them. Missing,
//! the tests that need them fail with a message, unless CONNDOCTOR_SKIP_INTEROP=1.
//!
//! Only 127.0.0.1 is contacted.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use support::*;

fn skip() -> bool {
    let s = std::env::var_os("CONNDOCTOR_SKIP_INTEROP").is_some_and(|v| v == "1");
    if s {
        eprintln!("CONNDOCTOR_SKIP_INTEROP=1: skipped");
    }
    s
}

/// Runs a client program and reads the one JSON object it prints last.
fn client(mut c: Command, what: &str, install: &str) -> Value {
    let o = c
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what} ({e}); {install}"));
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    eprintln!("{what}: {:?}\n{out}\n{err}", o.status);
    assert!(
        o.status.success(),
        "{what} failed ({:?}); {install}\nstdout:\n{out}\nstderr:\n{err}",
        o.status
    );
    let last = out.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{what} printed no JSON ({e}): {out}"))
}

const PY_CLIENT: &str = r#"
import asyncio, json, sys
import websockets

async def main(url, code, protos):
    async with websockets.connect(url, subprotocols=protos or None, open_timeout=10, close_timeout=10) as ws:
        first = await asyncio.wait_for(ws.recv(), 10)
        await ws.send("hello from python")
        echo = await asyncio.wait_for(ws.recv(), 10)
        await ws.close(code=code, reason="bye")
        print(json.dumps({"version": websockets.__version__, "subprotocol": ws.subprotocol,
                          "first": first, "echo": echo, "close_code": ws.close_code,
                          "close_reason": ws.close_reason}))

asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3:]))
"#;

fn python(url: &str, code: u16, protos: &[&str]) -> Value {
    let mut c = Command::new("python3");
    c.args(["-c", PY_CLIENT, url, &code.to_string()])
        .args(protos);
    client(
        c,
        "python3 websockets client",
        "python3 and its `websockets` package are needed (pip install websockets); CONNDOCTOR_SKIP_INTEROP=1 skips",
    )
}

const NODE_CLIENT: &str = r#"
const WebSocket = require('ws');
const [url, code, ...protos] = process.argv.slice(1);
const ws = new WebSocket(url, protos);
const out = { subprotocol: null, messages: [] };
const timer = setTimeout(() => { console.log(JSON.stringify({ error: 'timeout', ...out })); process.exit(1); }, 15000);
ws.on('open', () => { out.subprotocol = ws.protocol; });
ws.on('message', (data) => {
  out.messages.push(data.toString());
  if (out.messages.length === 1) ws.send('hello from node');
  else ws.close(Number(code), 'bye');
});
ws.on('error', (e) => { out.error = String(e.message); });
ws.on('close', (c, reason) => {
  clearTimeout(timer);
  out.close_code = c;
  out.close_reason = reason.toString();
  console.log(JSON.stringify(out));
});
"#;

fn node(url: &str, code: u16, protos: &[&str]) -> Value {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/node");
    let install = "node and the `ws` package are needed (npm ci --prefix tests/node); CONNDOCTOR_SKIP_INTEROP=1 skips";
    assert!(
        std::path::Path::new(dir).join("node_modules/ws").is_dir(),
        "{dir}/node_modules/ws is missing: {install}"
    );
    let mut c = Command::new("node");
    c.args(["-e", NODE_CLIENT, url, &code.to_string()])
        .args(protos)
        .current_dir(dir)
        .env("NODE_PATH", format!("{dir}/node_modules"));
    client(c, "node ws client", install)
}

#[test]
fn python_websockets_sees_a_clean_close_and_the_chosen_subprotocol() {
    if skip() {
        return;
    }
    let s = serve(
        "websocket",
        "pytok",
        &["--subprotocol", "chat.v1", "--subprotocol", "chat.v2"],
    );
    let url = format!("ws://{}/", s.addr);
    // The client's first choice that the server offers wins (RFC 6455 4.2.2).
    let v = python(&url, 1000, &["chat.v2", "chat.v1"]);
    assert_eq!(v["subprotocol"], "chat.v2", "{v}");
    assert!(
        v["first"].as_str().is_some_and(|t| t.contains("pytok")),
        "{v}"
    );
    assert_eq!(v["echo"], "hello from python", "{v}");
    // 1006 would mean the server dropped the TCP connection instead of answering.
    assert_eq!(v["close_code"], 1000, "{v}");

    // Only the second one is offered: the client gets that one.
    let v = python(&url, 1000, &["superchat", "chat.v1"]);
    assert_eq!(v["subprotocol"], "chat.v1", "{v}");
    // None offered: the server confirms none, and the connection still works.
    let v = python(&url, 1000, &["superchat"]);
    assert_eq!(v["subprotocol"], Value::Null, "{v}");
    assert_eq!(v["close_code"], 1000, "{v}");
}

#[test]
fn python_websockets_gets_its_own_close_code_back() {
    if skip() {
        return;
    }
    let s = serve("websocket", "pycode", &[]);
    let v = python(&format!("ws://{}/", s.addr), 4001, &[]);
    assert_eq!(
        v["close_code"], 4001,
        "the server echoes the close code: {v}"
    );
    assert_eq!(v["subprotocol"], Value::Null, "{v}");
}

#[test]
fn node_ws_sees_a_clean_close_and_the_chosen_subprotocol() {
    if skip() {
        return;
    }
    let s = serve("websocket", "nodetok", &["--subprotocol", "graphql-ws"]);
    let url = format!("ws://{}/", s.addr);
    let v = node(&url, 1000, &["graphql-transport-ws", "graphql-ws"]);
    assert_eq!(v["error"], Value::Null, "{v}");
    assert_eq!(v["subprotocol"], "graphql-ws", "{v}");
    assert!(
        v["messages"][0]
            .as_str()
            .is_some_and(|t| t.contains("nodetok")),
        "{v}"
    );
    assert_eq!(v["messages"][1], "hello from node", "{v}");
    assert_eq!(v["close_code"], 1000, "{v}");
    let v = node(&url, 4321, &[]);
    assert_eq!(
        v["close_code"], 4321,
        "the server echoes the close code: {v}"
    );
}

// ------------------------------------------------------------- raw bytes

/// A blocking connection with a read timeout, so no step can hang the test.
fn raw(addr: std::net::SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).expect("connect to serve");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    s
}

/// Reads up to the end of the HTTP head; returns (head, bytes after it).
fn read_head(s: &mut TcpStream) -> (String, Vec<u8>) {
    let mut buf = Vec::new();
    let mut b = [0u8; 1024];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = buf.split_off(end + 4);
            return (String::from_utf8_lossy(&buf).into_owned(), rest);
        }
        let n = s.read(&mut b).expect("read the answer");
        assert!(
            n > 0,
            "the server closed before a whole HTTP head: {:?}",
            String::from_utf8_lossy(&buf)
        );
        buf.extend_from_slice(&b[..n]);
    }
}

/// Reads the rest of the connection, to its end.
fn read_to_end(s: &mut TcpStream, mut got: Vec<u8>) -> Vec<u8> {
    let mut b = [0u8; 1024];
    loop {
        match s.read(&mut b) {
            Ok(0) => return got,
            Ok(n) => got.extend_from_slice(&b[..n]),
            Err(e) => panic!("reading to the end: {e} (got {got:?})"),
        }
    }
}

const UPGRADE: &str = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

/// The frames in `bytes` (server frames: unmasked), as (opcode, payload).
fn frames(mut bytes: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    while bytes.len() >= 2 {
        let op = bytes[0] & 0x0f;
        assert_eq!(bytes[1] & 0x80, 0, "a server frame must not be masked");
        let (len, at) = match bytes[1] & 0x7f {
            126 => (usize::from(u16::from_be_bytes([bytes[2], bytes[3]])), 4),
            127 => panic!("unexpectedly long frame"),
            n => (usize::from(n), 2),
        };
        assert!(bytes.len() >= at + len, "truncated frame in {bytes:?}");
        out.push((op, bytes[at..at + len].to_vec()));
        bytes = &bytes[at + len..];
    }
    out
}

#[test]
fn unmasked_client_frame_is_closed_with_1002() {
    let s = serve("websocket", "rawtok", &[]);
    let mut c = raw(s.addr);
    c.write_all(UPGRADE.as_bytes()).expect("send upgrade");
    let (head, rest) = read_head(&mut c);
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    // RFC 6455 1.3's example key and its accept value.
    assert!(
        head.lines()
            .any(|l| l.eq_ignore_ascii_case("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")),
        "{head}"
    );
    // A text frame "hi" without the mask bit: clients must mask (RFC 6455 5.1).
    c.write_all(&[0x81, 0x02, b'h', b'i']).expect("send frame");
    let all = read_to_end(&mut c, rest);
    let fr = frames(&all);
    // First the token message, then a Close with 1002 (protocol error).
    assert!(
        fr.first()
            .is_some_and(|(op, p)| *op == 1 && String::from_utf8_lossy(p).contains("rawtok")),
        "{fr:?}"
    );
    let close = fr
        .iter()
        .find(|(op, _)| *op == 8)
        .unwrap_or_else(|| panic!("no Close frame before the end of the connection: {fr:?}"));
    assert!(close.1.len() >= 2, "Close without a code: {close:?}");
    assert_eq!(
        u16::from_be_bytes([close.1[0], close.1[1]]),
        1002,
        "{close:?}"
    );
    // No echo of the unmasked frame.
    assert!(!fr.iter().any(|(op, p)| *op == 1 && p == b"hi"), "{fr:?}");
}

#[test]
fn masked_close_gets_a_close_with_the_same_code() {
    let s = serve("websocket", "closetok", &[]);
    let mut c = raw(s.addr);
    c.write_all(UPGRADE.as_bytes()).expect("send upgrade");
    let (head, rest) = read_head(&mut c);
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    // Close 1000 with reason "ok", masked with key 1,2,3,4.
    let key = [1u8, 2, 3, 4];
    let payload = [0x03, 0xe8, b'o', b'k'];
    let mut frame = vec![0x88, 0x80 | 4];
    frame.extend_from_slice(&key);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
    c.write_all(&frame).expect("send close");
    let all = read_to_end(&mut c, rest);
    let fr = frames(&all);
    let close = fr
        .iter()
        .find(|(op, _)| *op == 8)
        .unwrap_or_else(|| panic!("the Close was not answered with a Close: {fr:?}"));
    assert_eq!(
        u16::from_be_bytes([close.1[0], close.1[1]]),
        1000,
        "{close:?}"
    );
}

#[test]
fn plain_get_on_the_websocket_port_is_426() {
    let s = serve("websocket", "plaintok", &[]);
    let mut c = raw(s.addr);
    c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send GET");
    let (head, _) = read_head(&mut c);
    let lower = head.to_ascii_lowercase();
    assert!(head.starts_with("HTTP/1.1 426"), "{head}");
    assert!(lower.contains("\r\nupgrade: websocket\r\n"), "{head}");
    assert!(
        lower.contains("\r\nsec-websocket-version: 13\r\n"),
        "{head}"
    );

    // An upgrade that is not a valid one (no key) is 400, with the version it needs.
    let mut c = raw(s.addr);
    c.write_all(
        b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n",
    )
    .expect("send bad upgrade");
    let (head, _) = read_head(&mut c);
    assert!(head.starts_with("HTTP/1.1 400"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("sec-websocket-version: 13"),
        "{head}"
    );
}

#[test]
fn curl_sees_426_and_conndoctor_names_the_mismatch() {
    let curl_skipped = std::env::var_os("CONNDOCTOR_SKIP_CURL").is_some_and(|v| v == "1");
    let s = serve("websocket", "curltok", &[]);
    if !curl_skipped {
        let o = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--noproxy",
                "*",
            ])
            .args(["--max-time", "20", &format!("http://{}/", s.addr)])
            .output()
            .expect("curl is needed (Debian package `curl`); CONNDOCTOR_SKIP_CURL=1 skips");
        assert_eq!(String::from_utf8_lossy(&o.stdout), "426", "{o:?}");
    }
    // conndoctor's own HTTP check against the port reads the 426 for what it is.
    let r = check(&format!("http://{}/", s.addr), &[]);
    let v = assert_verdict(&r, "mismatch", Some("mismatch.http-to-ws"));
    let c = cause(&v, "mismatch.http-to-ws");
    assert!(
        c["args"]["status"]
            .as_str()
            .is_some_and(|st| st.starts_with("426")),
        "{}",
        r.describe()
    );
}

#[test]
fn bad_subprotocol_name_is_bad_input() {
    let r = run(&[
        "serve",
        "websocket://127.0.0.1:0",
        "--subprotocol",
        "chat v1",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert!(r.stderr.contains("chat v1"), "{}", r.describe());
}

/// Bytes that cannot be HTTP (a TLS ClientHello on the plain port) get a 400 at once,
/// as nginx answers them, rather than a wait for a blank line that never comes.
#[test]
fn tls_hello_on_the_plain_websocket_port_is_400_at_once() {
    let s = serve("websocket", "hellotok", &[]);
    let mut c = raw(s.addr);
    // Well below the server's own 10 s wait for a request head.
    c.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("read timeout");
    c.write_all(&[0x16, 0x03, 0x01, 0x00, 0x05, b'h', b'e', b'l', b'l', b'o'])
        .expect("send");
    let (head, _) = read_head(&mut c);
    assert!(head.starts_with("HTTP/1.1 400"), "{head}");
}
