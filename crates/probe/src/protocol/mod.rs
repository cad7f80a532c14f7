//! The protocol layer: after a TCP connect succeeds, speak the scheme's protocol the way
//! the user's client would, and cross-check before concluding (plain vs TLS, path,
//! Origin, HTTP vs WebSocket). Every exchange uses a fresh connection and shares the
//! one deadline.

pub mod http;
pub mod sniff;
pub mod tls;

use std::net::SocketAddr;
use std::time::{Duration, Instant as StdInstant};

use rustls::pki_types::ServerName;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout_at};

use crate::evidence::{
    CertProblem, Exchange, ProtocolEvidence, Purpose, Reply, Request, TlsResult,
};
use crate::target::{Host, Scheme, Target};

/// Options that shape the requests, as the user's client would send them.
#[derive(Debug, Clone, Default)]
pub struct ProtoOptions {
    pub origin: Option<String>,
    pub subprotocol: Option<String>,
    pub headers: Vec<(String, String)>,
}

struct Ctx<'a> {
    /// The connection the connect probe made, for the first exchange.
    connected: std::sync::Mutex<Option<std::net::TcpStream>>,
    addr: SocketAddr,
    host_header: String,
    sni: Option<ServerName<'static>>,
    opts: &'a ProtoOptions,
    deadline: Instant,
}

impl Ctx<'_> {
    /// Half of what is left: the other half stays for a cross-check.
    fn half(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now()) / 2
    }

    fn rest(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }
}

fn host_header(t: &Target) -> String {
    let default = t.scheme.and_then(Scheme::default_port);
    if default == Some(t.port) {
        t.host.to_string()
    } else {
        t.authority()
    }
}

fn server_name(h: &Host) -> Option<ServerName<'static>> {
    match h {
        Host::Ip(ip) => Some(ServerName::IpAddress((*ip).into())),
        Host::Name(n) => ServerName::try_from(n.clone()).ok(),
    }
}

/// Runs the protocol exchanges for `target` against `addr`, which just accepted a
/// TCP connection. Returns `None` for a bare `host:port` (TCP-level check only).
/// `connected`, when given, is that connection: the first exchange speaks on it.
pub async fn run(
    target: &Target,
    addr: SocketAddr,
    opts: &ProtoOptions,
    deadline: Instant,
    connected: Option<std::net::TcpStream>,
) -> Option<ProtocolEvidence> {
    let scheme = target.scheme?;
    let c = Ctx {
        connected: std::sync::Mutex::new(connected),
        addr,
        host_header: host_header(target),
        sni: server_name(&target.host),
        opts,
        deadline,
    };
    let path = target.path.clone();
    let mut ex: Vec<Exchange> = Vec::new();
    let upgrade = |path: &str, origin: Option<String>| Request::WsUpgrade {
        path: path.to_string(),
        origin,
    };
    match scheme {
        Scheme::Ws | Scheme::Wss => {
            let tls = scheme == Scheme::Wss;
            let main = exchange(
                &c,
                Purpose::Main,
                upgrade(&path, opts.origin.clone()),
                tls,
                c.half(),
            )
            .await;
            let follow = follow_up(&main, tls);
            ex.push(main);
            match follow {
                FollowUp::Status(404) if path != "/" => {
                    ex.push(
                        exchange(
                            &c,
                            Purpose::TryRootPath,
                            upgrade("/", opts.origin.clone()),
                            tls,
                            c.rest(),
                        )
                        .await,
                    );
                }
                FollowUp::Status(403) if opts.origin.is_some() => {
                    ex.push(
                        exchange(
                            &c,
                            Purpose::TryNoOrigin,
                            upgrade(&path, None),
                            tls,
                            c.rest(),
                        )
                        .await,
                    );
                }
                FollowUp::OtherTransport => {
                    let p = if tls {
                        Purpose::TryPlain
                    } else {
                        Purpose::TryTls
                    };
                    ex.push(
                        exchange(&c, p, upgrade(&path, opts.origin.clone()), !tls, c.rest()).await,
                    );
                }
                _ => {}
            }
        }
        Scheme::Http | Scheme::Https => {
            let tls = scheme == Scheme::Https;
            let get = Request::HttpGet { path: path.clone() };
            let main = exchange(&c, Purpose::Main, get.clone(), tls, c.half()).await;
            let follow = follow_up(&main, tls);
            ex.push(main);
            match follow {
                FollowUp::Status(400 | 426) => {
                    ex.push(
                        exchange(
                            &c,
                            Purpose::TryUpgrade,
                            upgrade(&path, opts.origin.clone()),
                            tls,
                            c.rest(),
                        )
                        .await,
                    );
                }
                FollowUp::OtherTransport => {
                    let p = if tls {
                        Purpose::TryPlain
                    } else {
                        Purpose::TryTls
                    };
                    let other = exchange(&c, p, get, !tls, c.half()).await;
                    let answered = matches!(other.reply, Reply::Http(_) | Reply::Data { .. });
                    ex.push(other);
                    // A WebSocket-only server may drop a plain GET without a word.
                    if !answered {
                        ex.push(
                            exchange(
                                &c,
                                Purpose::TryUpgrade,
                                upgrade(&path, opts.origin.clone()),
                                tls,
                                c.rest(),
                            )
                            .await,
                        );
                    }
                }
                _ => {}
            }
        }
        Scheme::Text => {
            let wait = c.rest().min(Duration::from_millis(1500));
            ex.push(exchange(&c, Purpose::Main, Request::TextLine, false, wait).await);
        }
        Scheme::Tcp => {
            let wait = c.rest().min(Duration::from_millis(500));
            ex.push(exchange(&c, Purpose::Main, Request::Listen, false, wait).await);
        }
    }
    // The certificate does not cover the name: does the server pick another one
    // without SNI (a name-based virtual host with the wrong certificate)?
    let wrong_name = ex.first().is_some_and(|m| {
        matches!(
            m.tls,
            Some(TlsResult::Established {
                cert: Some(CertProblem::WrongName { .. }),
                ..
            })
        )
    });
    if wrong_name && matches!(c.sni, Some(ServerName::DnsName(_))) {
        let req = ex[0].request.clone();
        ex.push(exchange(&c, Purpose::TryNoSni, req, true, c.rest()).await);
    }
    Some(ProtocolEvidence {
        addr,
        exchanges: ex,
    })
}

enum FollowUp {
    None,
    Status(u16),
    /// The reply suggests the other transport (plain vs TLS) might be what the port speaks.
    OtherTransport,
}

fn follow_up(e: &Exchange, tls: bool) -> FollowUp {
    if tls && matches!(e.tls, Some(TlsResult::Failed { .. })) {
        return FollowUp::OtherTransport;
    }
    match &e.reply {
        Reply::Http(h) if h.status != 101 => FollowUp::Status(h.status),
        // A TLS port may reset, close or ignore plain requests (Workerman's do).
        Reply::Silence | Reply::Closed | Reply::Reset if !tls => FollowUp::OtherTransport,
        _ => FollowUp::None,
    }
}

async fn exchange(
    c: &Ctx<'_>,
    purpose: Purpose,
    request: Request,
    tls: bool,
    silence: Duration,
) -> Exchange {
    let start = StdInstant::now();
    let sni = purpose != Purpose::TryNoSni;
    let (tls_result, reply) = run_exchange(c, &request, tls, sni, silence).await;
    Exchange {
        purpose,
        request,
        tls: tls_result,
        token: token_of(&reply),
        reply,
        elapsed_ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Header and banner that carry the identity token of a `conndoctor serve`.
pub const TOKEN_HEADER: &str = "x-conndoctor-token";
pub const TOKEN_PREFIX: &str = "conndoctor serve token=";

/// The identity token a `conndoctor serve` puts in its header or first line.
fn token_of(reply: &Reply) -> Option<String> {
    let from_text = |t: &str| {
        let rest = &t[t.find(TOKEN_PREFIX)? + TOKEN_PREFIX.len()..];
        let tok: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        (!tok.is_empty()).then_some(tok)
    };
    match reply {
        Reply::Http(h) => h
            .header(TOKEN_HEADER)
            .map(|t| t.trim().chars().take(128).collect())
            .or_else(|| from_text(&h.body)),
        Reply::Data { first, .. } => from_text(first),
        _ => None,
    }
}

async fn run_exchange(
    c: &Ctx<'_>,
    request: &Request,
    tls: bool,
    send_sni: bool,
    silence: Duration,
) -> (Option<TlsResult>, Reply) {
    let kept = c
        .connected
        .lock()
        .ok()
        .and_then(|mut k| k.take())
        .and_then(|s| TcpStream::from_std(s).ok());
    let connect = async {
        match kept {
            Some(s) => Ok(Ok(s)),
            None => timeout_at(c.deadline, TcpStream::connect(c.addr)).await,
        }
    };
    let tcp = match connect.await {
        Ok(Ok(s)) => s,
        // The handshake completed and the server reset it at once: that is its answer.
        Ok(Err(e))
            if matches!(
                e.raw_os_error(),
                Some(libc::ECONNRESET | libc::ECONNABORTED | libc::EPIPE)
            ) =>
        {
            return (None, Reply::Reset);
        }
        Ok(Err(e)) => {
            let o = crate::connect::classify(&e);
            return (
                None,
                Reply::NoConnection {
                    outcome: o.id().to_string(),
                },
            );
        }
        Err(_) => {
            return (
                None,
                Reply::NoConnection {
                    outcome: "timed-out".into(),
                },
            );
        }
    };
    // As browsers and Go clients do: without it the TLS handshake's and the request's
    // small writes wait on the peer's delayed ACK (40 ms each on Linux).
    let _ = tcp.set_nodelay(true);
    let key = http::new_key();
    let extra = http::Extra {
        origin: None,
        subprotocol: c.opts.subprotocol.as_deref(),
        headers: &c.opts.headers,
    };
    let payload = match request {
        Request::WsUpgrade { path, origin } => http::upgrade_request(
            &c.host_header,
            path,
            &key,
            &http::Extra {
                origin: origin.as_deref(),
                ..extra
            },
        ),
        Request::HttpGet { path } => http::get_request(&c.host_header, path, &extra),
        Request::TextLine => b"conndoctor\n".to_vec(),
        Request::Listen => Vec::new(),
    };
    let expect_key = matches!(request, Request::WsUpgrade { .. }).then_some(key.as_str());

    if !tls {
        let mut tcp = tcp;
        if !payload.is_empty() {
            // A server that never reads cannot block us: the request fits the socket
            // buffer, and the write is bounded by the deadline anyway.
            let _ = timeout_at(c.deadline, tcp.write_all(&payload)).await;
        }
        let (reply, _) = http::read_reply(&mut tcp, c.deadline, silence, expect_key).await;
        return (None, reply);
    }

    let Some(sni) = c.sni.clone() else {
        return (
            None,
            Reply::Error {
                message: "no usable TLS server name".into(),
            },
        );
    };
    let (connector, seen_slot) = match tls::connector(
        matches!(request, Request::WsUpgrade { .. } | Request::HttpGet { .. }),
        send_sni,
    ) {
        Ok(x) => x,
        Err(e) => {
            return (
                None,
                Reply::Error {
                    message: e.to_string(),
                },
            );
        }
    };
    let rec = tls::Recording::default();
    let io = tls::Recorder {
        inner: tcp,
        rec: rec.clone(),
    };
    let hs_deadline = c.deadline.min(Instant::now() + silence);
    match timeout_at(hs_deadline, connector.connect(sni, io)).await {
        Ok(Ok(mut s)) => {
            let version = s
                .get_ref()
                .1
                .protocol_version()
                .map(|v| match v {
                    rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3",
                    rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2",
                    _ => "TLS",
                })
                .unwrap_or_default()
                .to_string();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let (cert, facts, client_cert_requested) = seen_slot
                .lock()
                .map(|mut g| {
                    (
                        g.cert.take(),
                        tls::chain_facts(&g.chain, now),
                        g.client_cert_requested,
                    )
                })
                .unwrap_or_default();
            if !payload.is_empty() {
                let _ = timeout_at(c.deadline, s.write_all(&payload)).await;
            }
            let (reply, _) = http::read_reply(&mut s, c.deadline, c.rest(), expect_key).await;
            (
                Some(TlsResult::Established {
                    version,
                    cert,
                    facts,
                    client_cert_requested,
                }),
                reply,
            )
        }
        Ok(Err(e)) => {
            let seen = rec.lock().map(|r| r.clone()).unwrap_or_default();
            let reply = if seen.is_empty() {
                match e.kind() {
                    std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                        Reply::Reset
                    }
                    std::io::ErrorKind::UnexpectedEof => Reply::Closed,
                    _ => Reply::Error {
                        message: e.to_string(),
                    },
                }
            } else {
                replay(&seen).await
            };
            let requested = seen_slot.lock().is_ok_and(|g| g.client_cert_requested);
            (
                Some(TlsResult::Failed {
                    error: e.to_string(),
                    problem: tls::handshake_problem(&e, requested, &seen),
                }),
                reply,
            )
        }
        Err(_) => {
            let seen = rec.lock().map(|r| r.clone()).unwrap_or_default();
            let reply = if seen.is_empty() {
                Reply::Silence
            } else {
                replay(&seen).await
            };
            (
                Some(TlsResult::Failed {
                    error: "no TLS handshake answer in time".into(),
                    problem: None,
                }),
                reply,
            )
        }
    }
}

/// Classifies bytes a TLS handshake received instead of a ServerHello.
async fn replay(seen: &[u8]) -> Reply {
    let mut r = seen;
    let deadline = Instant::now() + Duration::from_millis(10);
    http::read_reply(&mut r, deadline, Duration::from_millis(10), None)
        .await
        .0
}
