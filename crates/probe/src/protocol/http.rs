//! HTTP/1.1 requests for the protocol probe and a bounded reader for the reply.
//!
//! The upgrade request is built by hand (a dozen lines: httparse only parses), and
//! responses are parsed with httparse. Every read is capped in size and deadline so a
//! trickling, endless or garbage-spewing server costs at most the budget.

use std::time::Duration;

use base64::Engine as _;
use sha1::{Digest, Sha1};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::time::{Instant, timeout_at};

use super::sniff::{escape, sniff};
use crate::evidence::{HttpReply, Reply, Speaks};

/// Response head cap (status line + headers).
pub const MAX_HEAD: usize = 16 * 1024;
/// How much of a body is kept: enough for an error page's first sentence.
pub const MAX_BODY: usize = 2 * 1024;
const MAX_HEADERS: usize = 64;
const WS_GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// A fresh Sec-WebSocket-Key (16 random bytes, base64).
pub fn new_key() -> String {
    let mut nonce = [0u8; 16];
    // SystemRandom failing means no entropy source at all; a fixed key still works
    // for a one-shot diagnostic handshake.
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut nonce);
    base64::engine::general_purpose::STANDARD.encode(nonce)
}

/// The Sec-WebSocket-Accept a correct server returns for `key` (RFC 6455 §4.2.2).
pub fn accept_for(key: &str) -> String {
    let mut h = Sha1::new();
    h.update(key.as_bytes());
    h.update(WS_GUID.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(h.finalize())
}

pub struct Extra<'a> {
    pub origin: Option<&'a str>,
    pub subprotocol: Option<&'a str>,
    pub headers: &'a [(String, String)],
}

pub fn upgrade_request(host: &str, path: &str, key: &str, extra: &Extra) -> Vec<u8> {
    let mut r = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nUser-Agent: conndoctor/{}\r\n",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(o) = extra.origin {
        r.push_str(&format!("Origin: {o}\r\n"));
    }
    if let Some(p) = extra.subprotocol {
        r.push_str(&format!("Sec-WebSocket-Protocol: {p}\r\n"));
    }
    for (k, v) in extra.headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    r.into_bytes()
}

/// Parses a user's `Name: value` request header; `None` when it is not one.
pub fn parse_header(h: &str) -> Option<(String, String)> {
    let (k, v) = h.split_once(':')?;
    let (k, v) = (k.trim(), v.trim());
    // Header names are tokens; CR/LF would let input smuggle extra lines, and other
    // control characters (NUL, DEL...) make servers reject the whole request (RFC 9110
    // field values are visible characters, spaces and tabs).
    if k.is_empty()
        || !k
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        || v.chars().any(|c| c.is_control() && c != '\t')
    {
        return None;
    }
    Some((k.to_string(), v.to_string()))
}

pub fn get_request(host: &str, path: &str, extra: &Extra) -> Vec<u8> {
    let mut r = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: conndoctor/{}\r\nAccept: */*\r\nConnection: close\r\n",
        env!("CARGO_PKG_VERSION")
    );
    for (k, v) in extra.headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    r.into_bytes()
}

enum Head {
    Complete(HttpReply, usize),
    Partial,
    NotHttp,
    TooLarge,
}

fn parse_head(buf: &[u8]) -> Head {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut resp = httparse::Response::new(&mut headers);
    match resp.parse(buf) {
        Ok(httparse::Status::Complete(n)) => {
            let headers = resp
                .headers
                .iter()
                .map(|h| {
                    let v = String::from_utf8_lossy(&h.value[..h.value.len().min(512)]);
                    (h.name.to_ascii_lowercase(), v.into_owned())
                })
                .collect();
            Head::Complete(
                HttpReply {
                    status: resp.code.unwrap_or(0),
                    reason: resp.reason.unwrap_or_default().chars().take(128).collect(),
                    headers,
                    body: String::new(),
                    accept_valid: None,
                },
                n,
            )
        }
        Ok(httparse::Status::Partial) if buf.len() >= MAX_HEAD => Head::TooLarge,
        Ok(httparse::Status::Partial) => Head::Partial,
        Err(httparse::Error::TooManyHeaders) => Head::TooLarge,
        Err(_) => Head::NotHttp,
    }
}

/// Could `buf` still become an HTTP status line?
fn maybe_http(buf: &[u8]) -> bool {
    let n = buf.len().min(5);
    buf[..n] == b"HTTP/"[..n]
}

/// Reads the server's reply: an HTTP response head (plus the start of its body), other
/// bytes, or the lack of them. `silence` bounds the wait for the first byte.
pub async fn read_reply<S: AsyncRead + Unpin>(
    s: &mut S,
    deadline: Instant,
    silence: Duration,
    expect_key: Option<&str>,
) -> (Reply, Vec<u8>) {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let first_deadline = deadline.min(Instant::now() + silence);
    // Bytes of interim (1xx) heads skipped so far: they count against the head cap,
    // so a server that sends `100 Continue` forever is a reply too large.
    let mut interim = 0usize;
    'read: loop {
        let nothing_yet = buf.is_empty() && interim == 0;
        let limit = if nothing_yet {
            first_deadline
        } else {
            deadline
        };
        let n = match timeout_at(limit, s.read(&mut chunk)).await {
            Err(_) if nothing_yet => return (Reply::Silence, buf),
            Err(_) => break,
            Ok(Ok(0)) if nothing_yet => return (Reply::Closed, buf),
            Ok(Ok(0)) => break,
            Ok(Ok(n)) => n,
            Ok(Err(e)) if nothing_yet => {
                let reply = match e.kind() {
                    std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                        Reply::Reset
                    }
                    std::io::ErrorKind::UnexpectedEof => Reply::Closed,
                    _ => Reply::Error {
                        message: e.to_string(),
                    },
                };
                return (reply, buf);
            }
            Ok(Err(_)) => break,
        };
        buf.extend_from_slice(&chunk[..n]);
        // Parses what is buffered: interim heads are dropped and parsing starts over.
        loop {
            if !maybe_http(&buf) {
                // Not HTTP: collect a little more so the sample is meaningful, then stop.
                let more_until = deadline.min(Instant::now() + Duration::from_millis(50));
                while buf.len() < 512 {
                    match timeout_at(more_until, s.read(&mut chunk)).await {
                        Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
                        _ => break,
                    }
                }
                return (data(&buf), buf);
            }
            let (mut r, head_len) = match parse_head(&buf) {
                Head::Partial => continue 'read,
                Head::TooLarge => return (Reply::TooLarge, buf),
                Head::NotHttp => return (data(&buf), buf),
                Head::Complete(r, head_len) => (r, head_len),
            };
            // 1xx other than 101 are interim (RFC 9110 §15.2): 100 Continue, 103
            // Early Hints. The final response follows them.
            if (100..200).contains(&r.status) && r.status != 101 {
                interim += head_len;
                if interim + buf.len() >= MAX_HEAD {
                    return (Reply::TooLarge, buf);
                }
                buf.drain(..head_len);
                continue;
            }
            if let Some(key) = expect_key.filter(|_| r.status == 101) {
                r.accept_valid = Some(
                    r.header("sec-websocket-accept").map(str::trim)
                        == Some(accept_for(key).as_str()),
                );
            } else {
                let length = r
                    .header("content-length")
                    .and_then(|v| v.trim().parse::<usize>().ok());
                read_body(s, &mut buf, head_len, length, deadline).await;
                let body = &buf[head_len.min(buf.len())..];
                r.body = String::from_utf8_lossy(&body[..body.len().min(MAX_BODY)]).into_owned();
            }
            return (Reply::Http(r), buf);
        }
    }
    // Deadline or EOF in the middle of a head.
    if maybe_http(&buf) {
        (
            Reply::Error {
                message: format!(
                    "incomplete HTTP response after {} bytes: {}",
                    buf.len(),
                    escape(&buf, 80)
                ),
            },
            buf,
        )
    } else {
        (data(&buf), buf)
    }
}

/// Reads what is quickly available of the body, up to [`MAX_BODY`].
async fn read_body<S: AsyncRead + Unpin>(
    s: &mut S,
    buf: &mut Vec<u8>,
    head_len: usize,
    length: Option<usize>,
    deadline: Instant,
) {
    // Stop at Content-Length, so a keep-alive server does not make us wait for more.
    let until = deadline.min(Instant::now() + Duration::from_millis(100));
    let mut chunk = [0u8; 2048];
    let want = head_len + length.unwrap_or(MAX_BODY).min(MAX_BODY);
    while buf.len() < want {
        match timeout_at(until, s.read(&mut chunk)).await {
            Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
            _ => break,
        }
    }
}

fn data(buf: &[u8]) -> Reply {
    Reply::Data {
        first: escape(buf, 120),
        len: buf.len(),
        speaks: if maybe_http(buf) && buf.len() >= 5 {
            Speaks::Http
        } else {
            sniff(buf)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_with_control_characters_are_refused() {
        assert_eq!(
            parse_header("Authorization:  Bearer x "),
            Some(("Authorization".into(), "Bearer x".into()))
        );
        assert_eq!(parse_header("X: a\tb"), Some(("X".into(), "a\tb".into())));
        // Found by the `header` fuzz target: a NUL in the value made a request that
        // httparse (and servers) reject.
        for bad in [
            "X:uuuuuuu \u{c3}\0\0",
            "X: a\u{1}b",
            "X: a\u{7f}",
            "X: a\r\nY: b",
            "X Y: z",
            ": v",
        ] {
            assert_eq!(parse_header(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rfc6455_accept_example() {
        // The worked example of RFC 6455 section 1.3.
        assert_eq!(
            accept_for("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[tokio::test]
    async fn parses_head_and_body_prefix() {
        let mut r: &[u8] = b"HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\nThe plain HTTP request was sent to HTTPS port";
        let deadline = Instant::now() + Duration::from_secs(1);
        let (reply, _) = read_reply(&mut r, deadline, Duration::from_secs(1), None).await;
        let Reply::Http(h) = reply else {
            panic!("{reply:?}")
        };
        assert_eq!(h.status, 400);
        assert_eq!(h.header("server"), Some("nginx"));
        assert!(h.body.contains("plain HTTP request"));
    }

    #[tokio::test]
    async fn non_http_and_empty() {
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut r: &[u8] = b"hello\n";
        let (reply, _) = read_reply(&mut r, deadline, Duration::from_secs(1), None).await;
        assert!(matches!(
            reply,
            Reply::Data {
                speaks: Speaks::Text,
                len: 6,
                ..
            }
        ));
        let mut e: &[u8] = b"";
        assert_eq!(
            read_reply(&mut e, deadline, Duration::from_secs(1), None)
                .await
                .0,
            Reply::Closed
        );
    }

    #[tokio::test]
    async fn endless_headers_are_capped() {
        let mut big = b"HTTP/1.1 200 OK\r\n".to_vec();
        while big.len() < MAX_HEAD + 100 {
            big.extend_from_slice(b"X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        }
        let mut r: &[u8] = &big;
        let deadline = Instant::now() + Duration::from_secs(1);
        let (reply, buf) = read_reply(&mut r, deadline, Duration::from_secs(1), None).await;
        assert_eq!(reply, Reply::TooLarge);
        assert!(buf.len() <= MAX_HEAD + 4096);
    }

    #[tokio::test]
    async fn upgrade_accept_checked() {
        let key = "dGhlIHNhbXBsZSBub25jZQ==";
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut ok: &[u8] = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
        let (r, _) = read_reply(&mut ok, deadline, Duration::from_secs(1), Some(key)).await;
        assert!(matches!(
            r,
            Reply::Http(HttpReply {
                status: 101,
                accept_valid: Some(true),
                ..
            })
        ));
        let mut bad: &[u8] =
            b"HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: nope\r\n\r\n";
        let (r, _) = read_reply(&mut bad, deadline, Duration::from_secs(1), Some(key)).await;
        assert!(matches!(
            r,
            Reply::Http(HttpReply {
                accept_valid: Some(false),
                ..
            })
        ));
    }
}
