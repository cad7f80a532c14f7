//! `conndoctor serve`: a small, correct reference server (WebSocket, HTTP, text, TCP,
//! optionally over TLS) that answers every client with an identity token, to test the
//! network path independently of the user's own application.
//!
//! WebSocket is served by tokio-tungstenite and HTTP by hyper: the reference must be an
//! implementation other people trust, not ours.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_tungstenite::tungstenite::handshake::server::Request as WsRequest;
use tokio_tungstenite::tungstenite::protocol::Role;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::target::{Host, Scheme, Target};

/// Header and banner that carry the identity token (defined where the client reads them).
pub use crate::probe::protocol::{TOKEN_HEADER, TOKEN_PREFIX};
/// The `Server` header of every HTTP answer.
const SERVER: &str = concat!("conndoctor-serve/", env!("CARGO_PKG_VERSION"));

/// At most this many clients at once; the rest wait in the kernel's backlog.
const MAX_CLIENTS: usize = 1024;
/// A client that sends nothing for this long is dropped.
const IDLE: Duration = Duration::from_secs(300);
/// Longest text line echoed; longer input is cut.
const MAX_LINE: usize = 64 * 1024;

#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// Serve over TLS (self-signed certificate unless `cert`/`key` are given).
    pub tls: bool,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub token: Option<String>,
    /// WebSocket: only the target's exact path upgrades (others get 404).
    pub strict_path: bool,
    /// WebSocket: reject an Origin header other than this one with 403.
    pub allow_origin: Option<String>,
    /// WebSocket: subprotocols offered; the first one the client asks for is chosen.
    pub subprotocols: Vec<String>,
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    pub token: String,
    pub scheme: Scheme,
    pub tls: bool,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The listen address is not on any local interface (EADDRNOTAVAIL).
    #[error("{0} is not an address of this machine")]
    NotLocal(SocketAddr),
    #[error("port {0} is already in use")]
    InUse(u16),
    #[error("ports below 1024 need root (or CAP_NET_BIND_SERVICE): {0}")]
    Permission(u16),
    #[error("a listen address needs an IP or localhost, not {0}")]
    NeedsAddress(String),
    #[error("TLS: {0}")]
    Tls(String),
    #[error("{0}")]
    Io(#[from] io::Error),
}

fn new_token() -> String {
    let mut b = [0u8; 8];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn tls_acceptor(o: &ServeOptions, ip: IpAddr) -> Result<tokio_rustls::TlsAcceptor, ServeError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    let (certs, key) = match (&o.cert, &o.key) {
        (Some(c), Some(k)) => {
            let certs = CertificateDer::pem_file_iter(c)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| ServeError::Tls(format!("{}: {e}", c.display())))?;
            let key = PrivateKeyDer::from_pem_file(k)
                .map_err(|e| ServeError::Tls(format!("{}: {e}", k.display())))?;
            (certs, key)
        }
        (None, None) => {
            let mut names = vec!["localhost".to_string()];
            if !ip.is_unspecified() {
                names.push(ip.to_string());
            }
            names.push("127.0.0.1".into());
            names.push("::1".into());
            let ck = rcgen::generate_simple_self_signed(names)
                .map_err(|e| ServeError::Tls(e.to_string()))?;
            let key =
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(ck.signing_key.serialize_der()));
            (vec![ck.cert.der().clone()], key)
        }
        _ => return Err(ServeError::Tls("--cert and --key go together".into())),
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ServeError::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| ServeError::Tls(e.to_string()))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(cfg)))
}

/// Binds and starts serving in the background. Port 0 picks a free port.
pub async fn start(target: &Target, o: &ServeOptions) -> Result<Server, ServeError> {
    let scheme = target.scheme.unwrap_or(Scheme::Tcp);
    let ip = match &target.host {
        Host::Ip(ip) => *ip,
        Host::Name(n) if n == "localhost" => IpAddr::from([127, 0, 0, 1]),
        Host::Name(n) => return Err(ServeError::NeedsAddress(n.clone())),
    };
    let bind = SocketAddr::new(ip, target.port);
    let listener = TcpListener::bind(bind)
        .await
        .map_err(|e| match e.raw_os_error() {
            Some(libc::EADDRNOTAVAIL) => ServeError::NotLocal(bind),
            Some(libc::EADDRINUSE) => ServeError::InUse(bind.port()),
            Some(libc::EACCES) => ServeError::Permission(bind.port()),
            _ => ServeError::Io(e),
        })?;
    let addr = listener.local_addr()?;
    let tls = if o.tls || matches!(scheme, Scheme::Wss | Scheme::Https) {
        Some(tls_acceptor(o, ip)?)
    } else {
        None
    };
    let token = o.token.clone().unwrap_or_else(new_token);
    let cfg = Arc::new(Conf {
        scheme,
        token: token.clone(),
        path: target.path.clone(),
        strict_path: o.strict_path,
        allow_origin: o.allow_origin.clone(),
        subprotocols: o.subprotocols.clone(),
    });
    let is_tls = tls.is_some();
    let handle = tokio::spawn(accept_loop(listener, tls, cfg));
    Ok(Server {
        addr,
        token,
        scheme,
        tls: is_tls,
        handle,
    })
}

struct Conf {
    scheme: Scheme,
    token: String,
    path: String,
    strict_path: bool,
    allow_origin: Option<String>,
    subprotocols: Vec<String>,
}

async fn accept_loop(
    listener: TcpListener,
    tls: Option<tokio_rustls::TlsAcceptor>,
    cfg: Arc<Conf>,
) {
    let slots = Arc::new(Semaphore::new(MAX_CLIENTS));
    loop {
        let Ok(permit) = slots.clone().acquire_owned().await else {
            return;
        };
        let Ok((tcp, _)) = listener.accept().await else {
            // EMFILE and friends: back off instead of spinning.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        // Small handshake and reply writes must not wait on the client's delayed ACK.
        let _ = tcp.set_nodelay(true);
        let cfg = cfg.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let _permit = permit;
            match tls {
                Some(acc) => {
                    if let Ok(Ok(s)) =
                        tokio::time::timeout(Duration::from_secs(10), acc.accept(tcp)).await
                    {
                        handle(s, &cfg).await;
                    }
                }
                None => handle(tcp, &cfg).await,
            }
        });
    }
}

async fn handle<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S, cfg: &Conf) {
    match cfg.scheme {
        Scheme::Ws | Scheme::Wss => serve_ws(s, cfg).await,
        Scheme::Http | Scheme::Https => serve_http(s, cfg).await,
        Scheme::Text => serve_text(s, cfg).await,
        Scheme::Tcp => serve_tcp(s, cfg).await,
    }
}

/// Longest WebSocket handshake request read; a longer head is answered 431.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client has to send its handshake request, and to answer our Close.
const HANDSHAKE: Duration = Duration::from_secs(10);
const CLOSE_WAIT: Duration = Duration::from_secs(5);

/// A plain HTTP answer of the WebSocket port: status, extra headers, a short body.
/// Written with tungstenite's own response writer, as the 101 is.
async fn answer<S: AsyncWrite + Unpin>(
    s: &mut S,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
    token: &str,
) {
    use tungstenite::http::{Response, StatusCode};
    let mut b = Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST))
        .header("server", SERVER)
        .header("content-type", "text/plain; charset=utf-8")
        .header("content-length", body.len() + 1)
        .header("connection", "close")
        .header(TOKEN_HEADER, token);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let Ok(resp) = b.body(()) else { return };
    let mut out = Vec::new();
    if tungstenite::handshake::server::write_response(&mut out, &resp).is_err() {
        return;
    }
    out.extend_from_slice(body.as_bytes());
    out.push(b'\n');
    let _ = s.write_all(&out).await;
    let _ = s.shutdown().await;
}

/// Reads the request head (up to the blank line). Returns it with any bytes the client
/// sent after it (a first frame sent without waiting for the 101), or `Err(status)`
/// for an answer: 400 as soon as the bytes cannot be HTTP (a TLS ClientHello, say),
/// 431 for a head too large; `Err(0)` when the client went away.
async fn read_head<S: AsyncRead + Unpin>(s: &mut S) -> Result<(Vec<u8>, Vec<u8>), u16> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        match s.read(&mut chunk).await {
            Ok(0) | Err(_) => return Err(0),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        let mut headers = [httparse::EMPTY_HEADER; 64];
        match httparse::Request::new(&mut headers).parse(&buf) {
            Ok(httparse::Status::Complete(end)) => {
                let rest = buf.split_off(end);
                return Ok((buf, rest));
            }
            Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => {}
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Err(431);
            }
            Err(_) => return Err(400),
        }
    }
}

/// The request head as tungstenite's `Request`, for its own handshake checks.
fn parse_request(head: &[u8]) -> Option<WsRequest> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    if !matches!(req.parse(head), Ok(httparse::Status::Complete(_))) {
        return None;
    }
    let version = match req.version {
        Some(0) => tungstenite::http::Version::HTTP_10,
        _ => tungstenite::http::Version::HTTP_11,
    };
    let mut b = tungstenite::http::Request::builder()
        .method(req.method?)
        .uri(req.path?)
        .version(version);
    for h in req.headers.iter() {
        b = b.header(h.name, h.value);
    }
    b.body(()).ok()
}

/// Comma-separated tokens of every `name` header (`Connection: keep-alive, Upgrade`).
fn tokens<'a>(req: &'a WsRequest, name: &str) -> impl Iterator<Item = &'a str> {
    req.headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The subprotocol to confirm: the first one the client asks for that the server
/// offers (RFC 6455 4.2.2: the server picks one of the client's, or none).
fn choose_subprotocol<'a>(req: &'a WsRequest, offered: &[String]) -> Option<&'a str> {
    tokens(req, "sec-websocket-protocol").find(|p| offered.iter().any(|o| o == p))
}

/// The close code for an error in the client's frames (RFC 6455 7.4.1), if the
/// connection is still there to send one.
fn close_code(e: &tungstenite::Error) -> Option<tungstenite::protocol::frame::coding::CloseCode> {
    use tungstenite::protocol::frame::coding::CloseCode;
    match e {
        // Unmasked client frame, reserved bits or opcodes, bad control frames.
        tungstenite::Error::Protocol(_) => Some(CloseCode::Protocol),
        tungstenite::Error::Utf8(_) => Some(CloseCode::Invalid),
        tungstenite::Error::Capacity(_) => Some(CloseCode::Size),
        _ => None,
    }
}

/// The WebSocket port: the handshake request is read here so that a request that is
/// no upgrade gets an HTTP answer (426, 400) instead of a dropped connection;
/// tungstenite checks the upgrade itself and computes the accept key, and then runs the
/// connection (framing, masking, ping/pong, the close handshake).
async fn serve_ws<S: AsyncRead + AsyncWrite + Unpin>(mut s: S, cfg: &Conf) {
    use tungstenite::protocol::frame::CloseFrame;
    use tungstenite::protocol::frame::coding::CloseCode;
    let token = cfg.token.as_str();
    let head = tokio::time::timeout(HANDSHAKE, read_head(&mut s)).await;
    let (head, rest) = match head {
        Ok(Ok(h)) => h,
        Ok(Err(431)) => {
            return answer(&mut s, 431, &[], "request header too large", token).await;
        }
        Ok(Err(400)) => {
            return answer(&mut s, 400, &[], "not an HTTP request", token).await;
        }
        _ => return,
    };
    let Some(req) = parse_request(&head) else {
        return answer(&mut s, 400, &[], "not an HTTP request", token).await;
    };
    let upgrade = tokens(&req, "upgrade").any(|t| t.eq_ignore_ascii_case("websocket"));
    if !upgrade {
        // RFC 7231 6.5.15: this port needs the client to switch protocols.
        let headers = [("upgrade", "websocket"), ("sec-websocket-version", "13")];
        let body = "426 Upgrade Required: this port speaks WebSocket only";
        return answer(&mut s, 426, &headers, body, token).await;
    }
    let mut resp = match tungstenite::handshake::server::create_response(&req) {
        Ok(r) => r,
        Err(e) => {
            let body = format!("400 Bad Request: not a valid WebSocket upgrade ({e})");
            return answer(
                &mut s,
                400,
                &[("sec-websocket-version", "13")],
                &body,
                token,
            )
            .await;
        }
    };
    let restricted = cfg.strict_path || cfg.path != "/";
    if restricted && req.uri().path() != cfg.path.split('?').next().unwrap_or("/") {
        return answer(
            &mut s,
            404,
            &[],
            "no WebSocket endpoint on this path",
            token,
        )
        .await;
    }
    if let (Some(allowed), Some(origin)) = (&cfg.allow_origin, req.headers().get("origin"))
        && origin.as_bytes() != allowed.as_bytes()
    {
        return answer(&mut s, 403, &[], "origin not allowed", token).await;
    }
    if let Some(p) = choose_subprotocol(&req, &cfg.subprotocols)
        && let Ok(v) = p.parse()
    {
        resp.headers_mut().insert("sec-websocket-protocol", v);
    }
    if let Ok(v) = token.parse() {
        resp.headers_mut().insert(TOKEN_HEADER, v);
    }
    let mut out = Vec::new();
    if tungstenite::handshake::server::write_response(&mut out, &resp).is_err()
        || s.write_all(&out).await.is_err()
    {
        return;
    }
    let mut ws =
        tokio_tungstenite::WebSocketStream::from_partially_read(s, rest, Role::Server, None).await;
    if ws
        .send(Message::text(format!("{TOKEN_PREFIX}{}", cfg.token)))
        .await
        .is_err()
    {
        return;
    }
    loop {
        let msg = match tokio::time::timeout(IDLE, ws.next()).await {
            Ok(Some(Ok(m))) => m,
            // The stream ends after the close handshake: tungstenite has answered the
            // client's Close with a Close carrying the same code.
            Ok(None) | Ok(Some(Err(tungstenite::Error::ConnectionClosed))) => return,
            Ok(Some(Err(e))) => match close_code(&e) {
                Some(code) => {
                    let reason = match code {
                        CloseCode::Protocol => "protocol error",
                        CloseCode::Invalid => "invalid UTF-8 in a text message",
                        _ => "message too big",
                    };
                    let frame = CloseFrame {
                        code,
                        reason: reason.into(),
                    };
                    let _ = ws.close(Some(frame)).await;
                    break;
                }
                None => return,
            },
            Err(_) => {
                let frame = CloseFrame {
                    code: CloseCode::Away,
                    reason: "idle".into(),
                };
                let _ = ws.close(Some(frame)).await;
                break;
            }
        };
        let reply = match msg {
            Message::Text(_) | Message::Binary(_) => msg,
            // Pings, pongs, and the client's Close, which tungstenite answers on the
            // next read: keep reading until the stream ends.
            _ => continue,
        };
        if ws.send(reply).await.is_err() {
            return;
        }
    }
    // We sent a Close: give the client a moment to answer it before the TCP close, so
    // that it reads our code rather than a reset.
    let _ = tokio::time::timeout(CLOSE_WAIT, async {
        while let Some(Ok(_)) = ws.next().await {}
    })
    .await;
}

async fn serve_http<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(s: S, cfg: &Conf) {
    use http_body_util::Full;
    use hyper::body::Bytes;
    let token = cfg.token.clone();
    let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let token = token.clone();
        async move {
            let body = format!("{TOKEN_PREFIX}{token}\n{} {}\n", req.method(), req.uri());
            hyper::Response::builder()
                .header("content-type", "text/plain; charset=utf-8")
                .header("server", SERVER)
                .header(TOKEN_HEADER, token.as_str())
                .body(Full::new(Bytes::from(body)))
        }
    });
    let io = hyper_util::rt::TokioIo::new(s);
    let conn = hyper::server::conn::http1::Builder::new()
        .max_buf_size(64 * 1024)
        .serve_connection(io, service);
    let _ = tokio::time::timeout(IDLE, conn).await;
}

async fn serve_text<S: AsyncRead + AsyncWrite + Unpin>(s: S, cfg: &Conf) {
    let (r, mut w) = tokio::io::split(s);
    if w.write_all(format!("{TOKEN_PREFIX}{}\n", cfg.token).as_bytes())
        .await
        .is_err()
    {
        return;
    }
    let mut lines = BufReader::new(r.take(u64::MAX));
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = tokio::time::timeout(
            IDLE,
            (&mut lines)
                .take(MAX_LINE as u64)
                .read_until(b'\n', &mut line),
        )
        .await;
        match read {
            Ok(Ok(n)) if n > 0 => {
                if !line.ends_with(b"\n") {
                    line.push(b'\n');
                }
                if w.write_all(&line).await.is_err() {
                    return;
                }
            }
            _ => return,
        }
    }
}

async fn serve_tcp<S: AsyncRead + AsyncWrite + Unpin>(mut s: S, cfg: &Conf) {
    if s.write_all(format!("{TOKEN_PREFIX}{}\n", cfg.token).as_bytes())
        .await
        .is_err()
    {
        return;
    }
    let mut buf = [0u8; 4096];
    while let Ok(Ok(n)) = tokio::time::timeout(IDLE, s.read(&mut buf)).await {
        if n == 0 || s.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

/// The URLs clients can use to reach a server bound to `addr`.
pub fn reachable_as(
    addr: SocketAddr,
    scheme_name: &str,
    path: &str,
    interfaces: &[crate::evidence::InterfaceAddr],
) -> Vec<String> {
    let fmt = |ip: IpAddr| {
        let host = match ip {
            IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        };
        let path = if matches!(scheme_name, "tcp" | "text") {
            ""
        } else {
            path
        };
        format!("{scheme_name}://{host}:{}{path}", addr.port())
    };
    if addr.ip().is_unspecified() {
        interfaces
            .iter()
            .filter(|i| addr.is_ipv6() || i.addr.is_ipv4())
            .filter(|i| !matches!(i.addr, IpAddr::V6(v6) if v6.segments()[0] & 0xffc0 == 0xfe80))
            .map(|i| fmt(i.addr))
            .collect()
    } else {
        vec![fmt(addr.ip())]
    }
}
