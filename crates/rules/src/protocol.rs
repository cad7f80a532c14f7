//! Causes found after a successful TCP connect: protocol mismatches, resets, TLS and
//! certificate problems, proxies and CDNs seen in response headers.

use super::{Ctx, finding};
use crate::evidence::{
    CertFacts, CertProblem, Exchange, HandshakeProblem, HttpReply, Purpose, Reply, Request, Speaks,
    TlsResult,
};
use crate::finding::{Confidence::*, Finding, Msg, Symptom};
use crate::target::Scheme;

/// Reverse proxies and load balancers recognisable by their `Server` header.
const PROXIES: &[&str] = &[
    "nginx",
    "openresty",
    "tengine",
    "apache",
    "caddy",
    "envoy",
    "haproxy",
    "cloudflare",
    "awselb",
    "litespeed",
    "varnish",
    "traefik",
    "squid",
    "microsoft-iis",
    "akamaighost",
    "gfe",
];

/// Result of the protocol rules: the symptom, causes and warnings.
pub struct Verdict {
    pub symptom: Symptom,
    pub causes: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

fn ok(warnings: Vec<Finding>) -> Verdict {
    Verdict {
        symptom: Symptom::Ok,
        causes: Vec::new(),
        warnings,
    }
}

fn fail(symptom: Symptom, causes: Vec<Finding>) -> Verdict {
    Verdict {
        symptom,
        causes,
        warnings: Vec::new(),
    }
}

fn status_line(h: &HttpReply) -> String {
    format!("{} {}", h.status, h.reason).trim().to_string()
}

/// The Server header, or `none` (the locale files select a wording without it).
fn server_of(h: &HttpReply) -> String {
    match h.header("server").map(str::trim) {
        Some(s) if !s.is_empty() => s.chars().take(60).collect(),
        _ => "none".into(),
    }
}

fn is_proxy(h: &HttpReply) -> bool {
    let server = h.header("server").unwrap_or_default().to_ascii_lowercase();
    h.header("via").is_some() || PROXIES.iter().any(|p| server.contains(p))
}

/// A CDN named by its response headers, with the header that proves it.
pub fn cdn_of(h: &HttpReply) -> Option<(&'static str, String)> {
    let server = h.header("server").unwrap_or_default().to_ascii_lowercase();
    let has = |n: &str| h.header(n).is_some();
    let (name, header) = if has("cf-ray") {
        ("Cloudflare", "cf-ray")
    } else if server.contains("cloudflare") {
        ("Cloudflare", "server")
    } else if has("x-amz-cf-id") || has("x-amz-cf-pop") {
        ("Amazon CloudFront", "x-amz-cf-id")
    } else if has("x-fastly-request-id")
        || h.header("x-served-by")
            .is_some_and(|v| v.contains("cache-"))
    {
        ("Fastly", "x-served-by")
    } else if server.contains("akamaighost") || has("akamai-grn") || has("x-akamai-transformed") {
        ("Akamai", "server")
    } else if h.headers.iter().any(|(k, _)| k.starts_with("ali-swift")) || has("eagleid") {
        ("Alibaba Cloud CDN", "ali-swift")
    } else if has("x-nws-log-uuid") {
        ("Tencent Cloud CDN", "x-nws-log-uuid")
    } else if let Some(via) = h.header("via") {
        return Some((
            "a proxy (Via)",
            format!("via: {}", via.chars().take(80).collect::<String>()),
        ));
    } else {
        return None;
    };
    let value = h
        .header(header)
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect::<String>();
    Some((name, format!("{header}: {value}")))
}

/// Describes one exchange (request, transport, reply) as an evidence line.
pub fn reply_msg(e: &Exchange) -> Msg {
    let what = match &e.request {
        Request::WsUpgrade { path, .. } => format!("GET {path} (Upgrade: websocket)"),
        Request::HttpGet { path } => format!("GET {path}"),
        Request::TextLine => "\"conndoctor\\n\"".to_string(),
        Request::Listen => "—".to_string(),
    };
    // Protocol names, not prose: they stay the same in every language.
    let tls = if e.tls.is_some() { "TLS" } else { "TCP" };
    let m = match &e.reply {
        Reply::Http(h) => Msg::new("ev-reply-http")
            .arg("status", status_line(h))
            .arg("server", server_of(h)),
        Reply::Data { first, len, speaks } => Msg::new("ev-reply-data")
            .arg("bytes", first.clone())
            .arg("len", u64::try_from(*len).unwrap_or(0))
            .arg("speaks", speaks.id()),
        Reply::Silence => Msg::new("ev-reply-silence").arg("ms", e.elapsed_ms.round()),
        Reply::Closed => Msg::new("ev-reply-closed"),
        Reply::Reset => Msg::new("ev-reply-reset"),
        Reply::TooLarge => Msg::new("ev-reply-too-large"),
        Reply::NoConnection { outcome } => {
            Msg::new("ev-reply-no-connection").arg("outcome", outcome.clone())
        }
        Reply::Error { message } => Msg::new("ev-reply-error").arg("message", message.clone()),
    };
    m.arg("request", what).arg("transport", tls)
}

fn upgraded(e: Option<&Exchange>) -> bool {
    matches!(e.map(|e| &e.reply), Some(Reply::Http(h)) if h.status == 101 && h.accept_valid == Some(true))
}

fn tls_established(e: Option<&Exchange>) -> bool {
    matches!(
        e.and_then(|e| e.tls.as_ref()),
        Some(TlsResult::Established { .. })
    )
}

/// The plain cross-check got an answer in plain text. TLS records in answer to a
/// plain request come from a TLS server, so they do not count.
fn plain_answered(e: Option<&Exchange>) -> bool {
    match e.map(|e| &e.reply) {
        Some(Reply::Http(_)) => true,
        Some(Reply::Data { speaks, .. }) => *speaks != Speaks::Tls,
        _ => false,
    }
}

fn is_plain_http_to_https(h: &HttpReply) -> bool {
    h.status == 497
        || (h.status == 400
            && h.body
                .to_ascii_lowercase()
                .contains("plain http request was sent to https port"))
}

fn mentions_websocket(h: &HttpReply) -> bool {
    h.status == 426
        || h.header("upgrade")
            .is_some_and(|u| u.eq_ignore_ascii_case("websocket"))
        || h.body.to_ascii_lowercase().contains("websocket")
}

/// The secure/plain counterpart of a scheme, for fixes.
fn other_scheme(s: Scheme) -> &'static str {
    match s {
        Scheme::Ws => "wss://",
        Scheme::Wss => "ws://",
        Scheme::Http => "https://",
        Scheme::Https => "http://",
        Scheme::Tcp | Scheme::Text => "tls",
    }
}

pub fn rules(ctx: &Ctx) -> Option<Verdict> {
    let p = ctx.ev.protocol.as_ref()?;
    let main = p.main()?;
    let scheme = ctx.ev.target.scheme?;
    let addr = p.addr.to_string();
    let port = ctx.ev.target.port;
    let mut v = classify(ctx, main, scheme, &addr, port);
    if let Some(expected) = ctx.ev.expect_token.as_deref() {
        identity(ctx, main, expected, &mut v);
    }
    // A CDN in the response headers matters whenever something failed behind it.
    if v.symptom != Symptom::Ok {
        let cdn = p.exchanges.iter().find_map(|e| match &e.reply {
            Reply::Http(h) => cdn_of(h),
            _ => None,
        });
        if let Some((name, header)) = cdn {
            v.causes.push(
                finding("proxy.cdn", Medium).arg("cdn", name).because(
                    Msg::new("ev-cdn-header")
                        .arg("cdn", name)
                        .arg("header", header),
                ),
            );
        }
    }
    Some(v)
}

/// `--expect-token`: did the client reach the very `conndoctor serve` it was meant to?
fn identity(ctx: &Ctx, main: &Exchange, expected: &str, v: &mut Verdict) {
    if v.symptom != Symptom::Ok || main.token.as_deref() == Some(expected) {
        return;
    }
    let got = main.token.clone().unwrap_or_else(|| "-".into());
    let addr = ctx
        .ev
        .protocol
        .as_ref()
        .map(|p| p.addr.ip().to_string())
        .unwrap_or_default();
    let msg = Msg::new("ev-token-mismatch")
        .arg("expected", expected)
        .arg("got", got);
    v.symptom = Symptom::Mismatch;
    v.causes.push(
        finding("refused.wrong-host", High)
            .arg("addr", addr.clone())
            .because(msg.clone()),
    );
    if let crate::target::Host::Name(name) = &ctx.ev.target.host {
        v.causes.push(
            finding("dns.wrong-ip", Medium)
                .arg("name", name.clone())
                .arg("addrs", addr)
                .because(msg),
        );
    }
}

/// The certificate problem of an established handshake as a finding. `facts` are
/// the presented certificate's, `no_sni` the cross-check without a server name.
fn cert_finding(
    c: &CertProblem,
    host: &str,
    facts: Option<&CertFacts>,
    ip_target: bool,
    no_sni: Option<&Exchange>,
) -> Finding {
    let issuer = facts.map_or_else(String::new, |f| f.issuer.clone());
    let subject = facts.map_or_else(String::new, |f| f.subject.clone());
    match c {
        CertProblem::Expired { not_after } => {
            let mut f = finding("tls.cert-expired", High).arg("host", host);
            if let Some(t) = not_after {
                f = f.because(Msg::new("ev-cert-not-after").arg("date", unix_date(*t)));
            }
            f
        }
        CertProblem::NotYetValid { not_before } => {
            let f = finding("tls.cert-expired", High).arg("host", host);
            match not_before {
                Some(t) => f.because(Msg::new("ev-cert-not-before").arg("date", unix_date(*t))),
                None => f.because(Msg::new("ev-cert-not-yet-valid")),
            }
        }
        CertProblem::WrongName {
            expected,
            presented,
        } => {
            let name = if expected.is_empty() {
                host.to_string()
            } else {
                expected.clone()
            };
            let covers = names_msg(presented, &subject);
            // Without SNI the server sends a certificate that does cover the name: the
            // certificate configured for this name (its virtual host) is the wrong one.
            let other = no_sni.and_then(|e| match &e.tls {
                Some(TlsResult::Established { cert, facts, .. }) => {
                    Some((cert.is_none(), facts.as_ref()))
                }
                _ => None,
            });
            if let Some((true, other_facts)) = other {
                let mut f = finding("tls.sni-cert", High)
                    .arg("host", name.clone())
                    .because(covers);
                if let Some(o) = other_facts {
                    f = f.because(
                        Msg::new("ev-cert-no-sni-covers")
                            .arg("host", name)
                            .arg("names", list_or_subject(&o.names, &o.subject)),
                    );
                }
                return f;
            }
            let mut f = finding("tls.cert-name", High)
                .arg("host", name)
                .because(covers);
            if ip_target {
                f = f.because(Msg::new("ev-cert-ip-no-sni"));
            }
            f
        }
        CertProblem::SelfSigned { ca } => {
            // The subjectAltName entry the fix's openssl command should carry.
            let bare = host.trim_start_matches('[').trim_end_matches(']');
            let san = if bare.parse::<std::net::IpAddr>().is_ok() {
                format!("IP:{bare}")
            } else {
                format!("DNS:{host}")
            };
            let mut f = finding("tls.cert-untrusted", High)
                .arg("host", host)
                .arg("san", san)
                .arg("kind", "self-signed")
                .because(Msg::new("ev-cert-self-signed").arg("subject", subject));
            if *ca {
                f = f.because(Msg::new("ev-cert-ca-true"));
            }
            f
        }
        CertProblem::Untrusted => finding("tls.cert-untrusted", High)
            .arg("host", host)
            .arg("kind", "unknown-issuer")
            .because(if issuer.is_empty() {
                Msg::new("ev-cert-no-trusted-root")
            } else {
                Msg::new("ev-cert-unknown-issuer").arg("issuer", issuer)
            }),
        CertProblem::BadSignature => finding("tls.cert-untrusted", High)
            .arg("host", host)
            .arg("kind", "unknown-issuer")
            .because(Msg::new("ev-cert-bad-signature")),
        CertProblem::IncompleteChain => finding("tls.cert-chain-incomplete", Medium)
            .arg("host", host)
            .arg("issuer", issuer.clone())
            .because(Msg::new("ev-cert-chain-one").arg("issuer", issuer)),
        CertProblem::WrongUsage { ca } => finding("tls.cert-usage", High)
            .arg("host", host)
            .because(Msg::new(if *ca {
                "ev-cert-ca-true"
            } else {
                "ev-cert-no-server-auth"
            })),
        CertProblem::Other { code } => finding("tls.handshake", Medium)
            .arg("host", host)
            .because(Msg::new("ev-cert-rejected").arg("code", code.clone())),
    }
}

fn list_or_subject(names: &[String], subject: &str) -> String {
    if names.is_empty() {
        subject.to_string()
    } else {
        names.join(", ")
    }
}

/// "the certificate covers: a, b", or, with no subjectAltName at all, what its subject
/// says (clients ignore the CN).
fn names_msg(presented: &[String], subject: &str) -> Msg {
    if presented.is_empty() {
        Msg::new("ev-cert-no-san").arg("subject", subject)
    } else {
        Msg::new("ev-cert-names").arg("names", presented.join(", "))
    }
}

/// A failed handshake in one line, for the report's TLS row.
pub fn handshake_msg(p: &HandshakeProblem, host: &str) -> Msg {
    match p {
        HandshakeProblem::OldVersion { server: Some(v) } => {
            Msg::new("ev-tls-old-version").arg("version", v.clone())
        }
        HandshakeProblem::OldVersion { server: None } => Msg::new("ev-tls-version-refused"),
        HandshakeProblem::NoSharedCipher => {
            Msg::new("ev-tls-alert").arg("alert", "handshake_failure")
        }
        HandshakeProblem::ClientCertRequired => Msg::new("ev-tls-client-cert-asked"),
        HandshakeProblem::UnknownName => Msg::new("ev-tls-unrecognized-name").arg("host", host),
        HandshakeProblem::Alert { alert } => Msg::new("ev-tls-alert").arg("alert", alert.clone()),
    }
}

/// A failed handshake that conndoctor can explain, as its finding.
fn handshake_finding(p: &HandshakeProblem, host: &str, error: &str) -> Finding {
    match p {
        HandshakeProblem::OldVersion { server } => {
            // OpenSSL refuses a ClientHello that offers only 1.2/1.3 without naming
            // its own version: then it is "older than 1.2".
            let v = server.clone().unwrap_or_else(|| "TLS 1.0/1.1".into());
            let ev = match server {
                Some(s) => Msg::new("ev-tls-old-version").arg("version", s.clone()),
                None => Msg::new("ev-tls-version-refused"),
            };
            finding("tls.version-old", High)
                .arg("host", host)
                .arg("version", v)
                .because(ev)
        }
        HandshakeProblem::NoSharedCipher => finding("tls.no-shared-cipher", Medium)
            .arg("host", host)
            .because(Msg::new("ev-tls-alert").arg("alert", "handshake_failure")),
        HandshakeProblem::ClientCertRequired => finding("tls.client-cert-required", High)
            .arg("host", host)
            .because(Msg::new("ev-tls-client-cert-asked")),
        HandshakeProblem::UnknownName => finding("tls.sni-cert", High)
            .arg("host", host)
            .because(Msg::new("ev-tls-unrecognized-name").arg("host", host)),
        HandshakeProblem::Alert { alert } => finding("tls.handshake", Medium)
            .arg("host", host)
            .because(Msg::new("ev-tls-alert").arg("alert", alert.clone()))
            .because(Msg::new("ev-tls-failed").arg("error", error)),
    }
}

/// Civil date (UTC) from Unix seconds, for certificate expiry lines.
pub fn unix_date(secs: u64) -> String {
    // Days-from-civil inverse (Howard Hinnant's algorithm): no date crate needed for one line.
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn classify(ctx: &Ctx, main: &Exchange, scheme: Scheme, addr: &str, port: u16) -> Verdict {
    let p = ctx.ev.protocol.as_ref();
    let find = |purpose| p.and_then(|p| p.find(purpose));
    let host = ctx.ev.target.host.to_string();
    let mut warnings = Vec::new();
    let ev_main = reply_msg(main);

    // 1. TLS expected and the handshake failed.
    if let Some(TlsResult::Failed { error, problem }) = &main.tls {
        let plain = find(Purpose::TryPlain);
        let answered_plain = matches!(main.reply, Reply::Http(_))
            || matches!(main.reply, Reply::Data { speaks, .. } if speaks != Speaks::Tls)
            || plain_answered(plain);
        if answered_plain {
            let mut f = finding("mismatch.tls-to-plain", High)
                .arg("addr", addr)
                .arg("plain", other_scheme(scheme))
                .arg("port", port)
                .because(Msg::new("ev-tls-failed").arg("error", error.clone()))
                .because(ev_main);
            if let Some(pl) = plain {
                f = f.because(reply_msg(pl));
            }
            return fail(Symptom::Mismatch, vec![f]);
        }
        // The same silence, close or reset on TLS and on plain: not a TLS problem at
        // all — unless the server's TLS stack said why (an alert).
        let explained = problem.is_some();
        match (&main.reply, plain.map(|e| &e.reply)) {
            _ if explained => {}
            (Reply::Silence, Some(Reply::Silence) | None) => {
                return fail(
                    Symptom::Mismatch,
                    vec![
                        finding("mismatch.silent-server", High)
                            .arg("addr", addr)
                            .arg("ms", main.elapsed_ms.round())
                            .because(ev_main),
                    ],
                );
            }
            (Reply::Reset | Reply::Closed, Some(Reply::Reset | Reply::Closed) | None) => {
                return fail(
                    Symptom::Reset,
                    vec![
                        finding("reset.after-connect", High)
                            .arg("addr", addr)
                            .because(ev_main),
                    ],
                );
            }
            _ => {}
        }
        let first = match problem {
            Some(p) => handshake_finding(p, &host, error),
            None => finding("tls.handshake", Medium)
                .arg("host", host.clone())
                .because(Msg::new("ev-tls-failed").arg("error", error.clone())),
        };
        let mut causes = vec![first.because(ev_main)];
        if matches!(main.reply, Reply::Reset | Reply::Closed) {
            causes.push(finding("reset.after-connect", Low).arg("addr", addr));
        }
        return fail(Symptom::Tls, causes);
    }

    // 2. TLS established with a bad certificate, or (TLS 1.3) a server that asked for
    // a client certificate and hung up once it got none.
    let mut causes = Vec::new();
    if let Some(TlsResult::Established {
        cert,
        facts,
        client_cert_requested,
        ..
    }) = &main.tls
    {
        if let Some(c) = cert {
            let ip_target = matches!(ctx.ev.target.host, crate::target::Host::Ip(_));
            let f = cert_finding(c, &host, facts.as_ref(), ip_target, find(Purpose::TryNoSni));
            if ctx.ev.insecure {
                warnings.push(f);
            } else {
                causes.push(f);
            }
        }
        if *client_cert_requested
            && matches!(
                main.reply,
                Reply::Error { .. } | Reply::Closed | Reply::Reset
            )
        {
            causes.push(
                finding("tls.client-cert-required", High)
                    .arg("host", host.clone())
                    .because(Msg::new("ev-tls-client-cert-asked"))
                    .because(ev_main.clone()),
            );
        }
        if !causes.is_empty() {
            return fail(Symptom::Tls, causes);
        }
    }

    let try_tls = find(Purpose::TryTls);
    let tls_port = tls_established(try_tls);
    let plain_to_tls = |evidence: Msg| {
        let mut f = finding("mismatch.plain-to-tls", High)
            .arg("addr", addr)
            .arg("secure", other_scheme(scheme))
            .arg("port", port)
            .because(evidence);
        if let Some(t) = try_tls.filter(|_| tls_port) {
            let version = match &t.tls {
                Some(TlsResult::Established { version, .. }) => version.clone(),
                _ => String::new(),
            };
            f = f.because(Msg::new("ev-tls-works").arg("version", version));
        }
        fail(Symptom::Mismatch, vec![f])
    };

    match (&main.request, &main.reply) {
        // 3. Replies that are the same whatever was asked.
        (
            _,
            Reply::Data {
                speaks: Speaks::Tls,
                ..
            },
        ) if main.tls.is_none() => plain_to_tls(ev_main),
        (_, Reply::Http(h)) if main.tls.is_none() && is_plain_http_to_https(h) => {
            plain_to_tls(ev_main)
        }
        (
            Request::WsUpgrade { .. } | Request::HttpGet { .. },
            Reply::Silence | Reply::Closed | Reply::Reset,
        ) if tls_port => plain_to_tls(ev_main),
        (Request::HttpGet { .. }, Reply::Silence | Reply::Closed | Reply::Reset)
            if upgraded(find(Purpose::TryUpgrade)) =>
        {
            fail(
                Symptom::Mismatch,
                vec![
                    finding("mismatch.http-to-ws", High)
                        // No status: the plain request got no answer (`none` in the locale files).
                        .arg("status", "none")
                        .arg("port", port)
                        .because(ev_main)
                        .because(Msg::new("ev-upgrade-works")),
                ],
            )
        }
        (Request::TextLine | Request::Listen, Reply::Closed | Reply::Reset) | (_, Reply::Reset) => {
            fail(
                Symptom::Reset,
                vec![
                    finding("reset.after-connect", High)
                        .arg("addr", addr)
                        .because(ev_main),
                ],
            )
        }
        (Request::WsUpgrade { .. } | Request::HttpGet { .. }, Reply::Closed) => {
            let other = if matches!(main.request, Request::WsUpgrade { .. }) {
                "mismatch.ws-to-non-http"
            } else {
                "mismatch.http-to-non-http"
            };
            fail(
                Symptom::Reset,
                vec![
                    finding("reset.after-connect", High)
                        .arg("addr", addr)
                        .because(ev_main.clone()),
                    finding(other, Low)
                        .arg("addr", addr)
                        .arg("bytes", "")
                        .arg("speaks", "?")
                        .arg("port", port)
                        .because(ev_main),
                ],
            )
        }
        (Request::WsUpgrade { .. } | Request::HttpGet { .. }, Reply::Silence) => fail(
            Symptom::Mismatch,
            vec![
                finding("mismatch.silent-server", High)
                    .arg("addr", addr)
                    .arg("ms", main.elapsed_ms.round())
                    .because(ev_main),
            ],
        ),
        (_, Reply::Error { .. } | Reply::TooLarge | Reply::NoConnection { .. }) => fail(
            Symptom::Mismatch,
            vec![
                finding("mismatch.silent-server", Medium)
                    .arg("addr", addr)
                    .arg("ms", main.elapsed_ms.round())
                    .because(ev_main),
            ],
        ),

        // 4. WebSocket upgrade.
        (Request::WsUpgrade { .. }, Reply::Http(h)) if h.status == 101 => {
            if h.accept_valid == Some(true) {
                ok(warnings)
            } else {
                fail(
                    Symptom::Mismatch,
                    vec![
                        finding("mismatch.ws-to-http", Medium)
                            .arg("status", status_line(h))
                            .arg("code", h.status)
                            .arg("server", server_of(h))
                            .arg("port", port)
                            .because(Msg::new("ev-bad-accept")),
                    ],
                )
            }
        }
        (Request::WsUpgrade { path, .. }, Reply::Http(h)) if h.status == 404 => {
            let root = find(Purpose::TryRootPath);
            if upgraded(root) {
                fail(
                    Symptom::Mismatch,
                    vec![
                        finding("mismatch.ws-path", High)
                            .arg("path", path.clone())
                            .arg("working", "/")
                            .because(ev_main)
                            .because(Msg::new("ev-root-upgrades")),
                    ],
                )
            } else if matches!(root.map(|e| &e.reply), Some(Reply::Http(r)) if (200..400).contains(&r.status))
            {
                // `/` answers plain HTTP too: the server does not do WebSocket at all.
                fail(
                    Symptom::Mismatch,
                    vec![
                        ws_to_http(h, port, High, ev_main.clone()),
                        finding("mismatch.ws-path", Low)
                            .arg("path", path.clone())
                            .arg("working", "?")
                            .because(ev_main),
                    ],
                )
            } else {
                fail(
                    Symptom::Mismatch,
                    vec![
                        finding("mismatch.ws-path", Medium)
                            .arg("path", path.clone())
                            .arg("working", "?")
                            .because(ev_main.clone()),
                        ws_to_http(h, port, Medium, ev_main),
                    ],
                )
            }
        }
        (Request::WsUpgrade { origin, .. }, Reply::Http(h))
            if h.status == 403 && upgraded(find(Purpose::TryNoOrigin)) =>
        {
            fail(
                Symptom::Mismatch,
                vec![
                    finding("mismatch.ws-origin", High)
                        .arg("origin", origin.clone().unwrap_or_default())
                        .because(ev_main)
                        .because(Msg::new("ev-no-origin-upgrades")),
                ],
            )
        }
        (Request::WsUpgrade { .. }, Reply::Http(h))
            if is_proxy(h) && matches!(h.status, 200 | 400 | 426 | 502 | 503 | 504) =>
        {
            let strong = matches!(h.status, 400 | 426 | 502);
            let mut causes = vec![
                finding(
                    "mismatch.proxy-no-upgrade",
                    if strong { High } else { Medium },
                )
                .arg("status", status_line(h))
                .arg("server", server_of(h))
                .because(ev_main.clone()),
            ];
            causes.push(ws_to_http(
                h,
                port,
                if strong { Low } else { Medium },
                ev_main,
            ));
            fail(Symptom::Mismatch, causes)
        }
        (Request::WsUpgrade { .. }, Reply::Http(h)) => {
            fail(Symptom::Mismatch, vec![ws_to_http(h, port, High, ev_main)])
        }
        (Request::WsUpgrade { .. }, Reply::Data { first, speaks, .. }) => fail(
            Symptom::Mismatch,
            vec![
                finding("mismatch.ws-to-non-http", High)
                    .arg("addr", addr)
                    .arg("bytes", first.clone())
                    .arg("speaks", speaks.id())
                    .arg("port", port)
                    .because(ev_main),
            ],
        ),

        // 5. Plain HTTP client.
        (Request::HttpGet { .. }, Reply::Http(h))
            if matches!(h.status, 400 | 426)
                && (upgraded(find(Purpose::TryUpgrade)) || mentions_websocket(h)) =>
        {
            let proven = upgraded(find(Purpose::TryUpgrade));
            let mut f = finding("mismatch.http-to-ws", if proven { High } else { Medium })
                .arg("status", status_line(h))
                .arg("port", port)
                .because(ev_main);
            if proven {
                f = f.because(Msg::new("ev-upgrade-works"));
            }
            fail(Symptom::Mismatch, vec![f])
        }
        (Request::HttpGet { .. }, Reply::Http(_)) => ok(warnings),
        (Request::HttpGet { .. }, Reply::Data { first, speaks, .. }) => fail(
            Symptom::Mismatch,
            vec![
                finding("mismatch.http-to-non-http", High)
                    .arg("addr", addr)
                    .arg("bytes", first.clone())
                    .arg("speaks", speaks.id())
                    .because(ev_main),
            ],
        ),

        // 6. Text and raw TCP.
        (Request::TextLine, Reply::Http(h)) => fail(
            Symptom::Mismatch,
            vec![
                finding("mismatch.text-to-http", High)
                    .arg("status", status_line(h))
                    .arg("server", server_of(h))
                    .arg("port", port)
                    .because(ev_main),
            ],
        ),
        (Request::TextLine | Request::Listen, _) => ok(warnings),
    }
}

fn ws_to_http(h: &HttpReply, port: u16, c: crate::finding::Confidence, ev: Msg) -> Finding {
    finding("mismatch.ws-to-http", c)
        .arg("status", status_line(h))
        .arg("code", h.status)
        .arg("server", server_of(h))
        .arg("port", port)
        .because(ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose;
    use crate::evidence::{Outcome, ProtocolEvidence};
    use crate::testutil::*;

    fn http(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
        Reply::Http(HttpReply {
            status,
            reason: "R".into(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.into(),
            accept_valid: if status == 101 { Some(true) } else { None },
        })
    }

    fn ex(purpose: Purpose, request: Request, tls: Option<TlsResult>, reply: Reply) -> Exchange {
        let token = None;
        Exchange {
            purpose,
            request,
            tls,
            reply,
            elapsed_ms: 5.0,
            token,
        }
    }

    fn get(path: &str) -> Request {
        Request::HttpGet { path: path.into() }
    }

    fn ws(path: &str) -> Request {
        Request::WsUpgrade {
            path: path.into(),
            origin: None,
        }
    }

    fn with(target: &str, exchanges: Vec<Exchange>) -> crate::finding::Diagnosis {
        let mut ev = evidence(target, vec![("127.0.0.1:8282", Outcome::Connected)]);
        ev.protocol = Some(ProtocolEvidence {
            addr: "127.0.0.1:8282".parse().unwrap(),
            exchanges,
        });
        diagnose(&ev)
    }

    #[test]
    fn websocket_upgrade_ok() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![ex(Purpose::Main, ws("/"), None, http(101, &[], ""))],
        );
        assert_eq!(d.symptom, Symptom::Ok);
    }

    #[test]
    fn ws_against_plain_http_server() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                None,
                http(200, &[("server", "workerman")], "hi"),
            )],
        );
        assert_eq!(d.symptom, Symptom::Mismatch);
        assert_eq!(ids(&d), ["mismatch.ws-to-http"]);
        assert_eq!(d.causes[0].args["server"], "workerman".into());
    }

    #[test]
    fn ws_against_text_server() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                None,
                Reply::Data {
                    first: "GET / HTTP/1.1\\n".into(),
                    len: 15,
                    speaks: Speaks::Text,
                },
            )],
        );
        assert_eq!(ids(&d), ["mismatch.ws-to-non-http"]);
    }

    #[test]
    fn proxy_without_upgrade_headers() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                None,
                http(400, &[("server", "nginx/1.22.1")], ""),
            )],
        );
        assert_eq!(ids(&d)[0], "mismatch.proxy-no-upgrade");
        assert_eq!(d.causes[0].confidence, High);
    }

    #[test]
    fn wrong_path_proven_by_root() {
        let d = with(
            "ws://127.0.0.1:8282/chat",
            vec![
                ex(Purpose::Main, ws("/chat"), None, http(404, &[], "")),
                ex(Purpose::TryRootPath, ws("/"), None, http(101, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.ws-path"]);
        assert_eq!(d.causes[0].confidence, High);
    }

    #[test]
    fn origin_rejected() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![
                ex(
                    Purpose::Main,
                    Request::WsUpgrade {
                        path: "/".into(),
                        origin: Some("http://evil.example".into()),
                    },
                    None,
                    http(403, &[], ""),
                ),
                ex(Purpose::TryNoOrigin, ws("/"), None, http(101, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.ws-origin"]);
    }

    #[test]
    fn tls_noise_on_both_transports_is_a_handshake_failure() {
        let noise = || Reply::Data {
            first: "\\x16\\x03\\x03?\\xff".into(),
            len: 4096,
            speaks: Speaks::Tls,
        };
        let d = with(
            "wss://127.0.0.1:8282/",
            vec![
                ex(
                    Purpose::Main,
                    ws("/"),
                    Some(TlsResult::Failed {
                        error: "received corrupt message".into(),
                        problem: None,
                    }),
                    noise(),
                ),
                ex(Purpose::TryPlain, ws("/"), None, noise()),
            ],
        );
        assert_eq!(ids(&d), ["tls.handshake"]);
    }

    #[test]
    fn tls_client_against_plain_port() {
        let d = with(
            "wss://127.0.0.1:8282/",
            vec![
                ex(
                    Purpose::Main,
                    ws("/"),
                    Some(TlsResult::Failed {
                        error: "corrupt message".into(),
                        problem: None,
                    }),
                    http(400, &[], ""),
                ),
                ex(Purpose::TryPlain, ws("/"), None, http(101, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.tls-to-plain"]);
        assert_eq!(d.causes[0].args["plain"], "ws://".into());
    }

    #[test]
    fn plain_client_against_tls_port() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![
                ex(Purpose::Main, ws("/"), None, Reply::Reset),
                ex(
                    Purpose::TryTls,
                    ws("/"),
                    Some(TlsResult::Established {
                        version: "TLS 1.3".into(),
                        cert: Some(CertProblem::Untrusted),
                        facts: None,
                        client_cert_requested: false,
                    }),
                    http(101, &[], ""),
                ),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.plain-to-tls"]);
        let nginx = with(
            "http://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                Request::HttpGet { path: "/".into() },
                None,
                http(
                    400,
                    &[("server", "nginx")],
                    "The plain HTTP request was sent to HTTPS port",
                ),
            )],
        );
        assert_eq!(ids(&nginx), ["mismatch.plain-to-tls"]);
    }

    #[test]
    fn http_client_against_websocket_server() {
        let d = with(
            "http://127.0.0.1:8282/",
            vec![
                ex(
                    Purpose::Main,
                    Request::HttpGet { path: "/".into() },
                    None,
                    http(400, &[], "Sec-WebSocket-Key not found"),
                ),
                ex(Purpose::TryUpgrade, ws("/"), None, http(101, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.http-to-ws"]);
        assert_eq!(d.causes[0].confidence, High);
    }

    #[test]
    fn reset_and_silence() {
        let d = with(
            "tcp://127.0.0.1:8282",
            vec![ex(Purpose::Main, Request::Listen, None, Reply::Reset)],
        );
        assert_eq!(
            (d.symptom, ids(&d)),
            (Symptom::Reset, vec!["reset.after-connect"])
        );
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![
                ex(Purpose::Main, ws("/"), None, Reply::Silence),
                ex(
                    Purpose::TryTls,
                    ws("/"),
                    Some(TlsResult::Failed {
                        error: "x".into(),
                        problem: None,
                    }),
                    Reply::Silence,
                ),
            ],
        );
        assert_eq!(ids(&d), ["mismatch.silent-server"]);
        let d = with(
            "tcp://127.0.0.1:8282",
            vec![ex(Purpose::Main, Request::Listen, None, Reply::Silence)],
        );
        assert_eq!(d.symptom, Symptom::Ok);
    }

    #[test]
    fn certificates() {
        let est = |c| {
            Some(TlsResult::Established {
                version: "TLS 1.3".into(),
                cert: Some(c),
                facts: None,
                client_cert_requested: false,
            })
        };
        let d = with(
            "wss://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                est(CertProblem::Expired {
                    not_after: Some(1_700_000_000),
                }),
                http(101, &[], ""),
            )],
        );
        assert_eq!(
            (d.symptom, ids(&d)),
            (Symptom::Tls, vec!["tls.cert-expired"])
        );
        assert_eq!(d.causes[0].evidence[0].args["date"], "2023-11-14".into());
        let d = with(
            "wss://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                est(CertProblem::Untrusted),
                http(101, &[], ""),
            )],
        );
        assert_eq!(ids(&d), ["tls.cert-untrusted"]);
    }

    fn facts(names: &[&str]) -> CertFacts {
        CertFacts {
            subject: "CN=a".into(),
            issuer: "CN=Some CA".into(),
            names: names.iter().map(|n| n.to_string()).collect(),
            not_before: 0,
            not_after: 1_800_000_000,
            days_left: 30,
            earliest_expiry: 1_800_000_000,
            chain_len: 1,
            self_signed: false,
            ca: false,
        }
    }

    /// No argument of `d`'s findings carries Debug text (the rules crate knows no
    /// locale; tests/causes.rs checks every cause's messages in every language, and
    /// tests/tls_openssl.rs scans the rendered reports).
    fn assert_localised(d: &crate::finding::Diagnosis) {
        for f in d.causes.iter().chain(&d.warnings) {
            let args = f
                .evidence
                .iter()
                .flat_map(|m| m.args.values())
                .chain(f.args.values());
            for v in args {
                let t = format!("{v:?}");
                for bad in ["Os {", "Custom {", "Other(", "Error {"] {
                    assert!(!t.contains(bad), "{}: {t}", f.id);
                }
            }
        }
    }

    #[test]
    fn certificate_and_handshake_problems_have_their_causes() {
        let est = |cert, facts, asked| {
            Some(TlsResult::Established {
                version: "TLS 1.3".into(),
                cert,
                facts,
                client_cert_requested: asked,
            })
        };
        let one = |tls, reply| {
            with(
                "https://chat.example.com:8282/",
                vec![ex(Purpose::Main, get("/"), tls, reply)],
            )
        };
        let cases: Vec<(Option<TlsResult>, &str)> = vec![
            (
                est(
                    Some(CertProblem::SelfSigned { ca: true }),
                    Some(facts(&[])),
                    false,
                ),
                "tls.cert-untrusted",
            ),
            (
                est(
                    Some(CertProblem::IncompleteChain),
                    Some(facts(&["a"])),
                    false,
                ),
                "tls.cert-chain-incomplete",
            ),
            (
                est(Some(CertProblem::WrongUsage { ca: false }), None, false),
                "tls.cert-usage",
            ),
            (
                est(
                    Some(CertProblem::NotYetValid {
                        not_before: Some(4_000_000_000),
                    }),
                    None,
                    false,
                ),
                "tls.cert-expired",
            ),
            (
                est(
                    Some(CertProblem::Other {
                        code: "revoked".into(),
                    }),
                    None,
                    false,
                ),
                "tls.handshake",
            ),
            (
                Some(TlsResult::Failed {
                    error: "e".into(),
                    problem: Some(HandshakeProblem::OldVersion {
                        server: Some("TLS 1.0".into()),
                    }),
                }),
                "tls.version-old",
            ),
            (
                Some(TlsResult::Failed {
                    error: "e".into(),
                    problem: Some(HandshakeProblem::NoSharedCipher),
                }),
                "tls.no-shared-cipher",
            ),
            (
                Some(TlsResult::Failed {
                    error: "e".into(),
                    problem: Some(HandshakeProblem::UnknownName),
                }),
                "tls.sni-cert",
            ),
            (
                Some(TlsResult::Failed {
                    error: "e".into(),
                    problem: Some(HandshakeProblem::Alert {
                        alert: "internal_error".into(),
                    }),
                }),
                "tls.handshake",
            ),
        ];
        for (tls, id) in cases {
            // A failed handshake: the server sent an alert, then closed.
            let reply = if matches!(tls, Some(TlsResult::Failed { .. })) {
                Reply::Closed
            } else {
                http(200, &[], "")
            };
            let d = one(tls.clone(), reply);
            assert_eq!(ids(&d).first().copied(), Some(id), "{tls:?}");
            assert_localised(&d);
        }
        let d = one(
            est(
                Some(CertProblem::SelfSigned { ca: true }),
                Some(facts(&[])),
                false,
            ),
            http(200, &[], ""),
        );
        assert_eq!(d.causes[0].args["kind"], "self-signed".into());

        // TLS 1.3 mutual TLS: the handshake completes, then the server hangs up.
        let d = one(
            est(None, Some(facts(&["chat.example.com"])), true),
            Reply::Error {
                message: "received fatal alert: CertificateRequired".into(),
            },
        );
        assert_eq!(ids(&d), ["tls.client-cert-required"]);
        assert_localised(&d);
        // Asked, but optional: the request is answered and all is well.
        let d = one(est(None, None, true), http(200, &[], ""));
        assert_eq!(d.symptom, Symptom::Ok);
    }

    #[test]
    fn wrong_name_with_the_right_certificate_without_sni_is_sni() {
        let wrong = TlsResult::Established {
            version: "TLS 1.3".into(),
            cert: Some(CertProblem::WrongName {
                expected: "chat.example.com".into(),
                presented: vec!["shop.example".into()],
            }),
            facts: Some(facts(&["shop.example"])),
            client_cert_requested: false,
        };
        let right = TlsResult::Established {
            version: "TLS 1.3".into(),
            cert: None,
            facts: Some(facts(&["chat.example.com"])),
            client_cert_requested: false,
        };
        let d = with(
            "https://chat.example.com:8282/",
            vec![
                ex(
                    Purpose::Main,
                    get("/"),
                    Some(wrong.clone()),
                    http(200, &[], ""),
                ),
                ex(Purpose::TryNoSni, get("/"), Some(right), http(200, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["tls.sni-cert"]);
        assert_eq!(
            d.causes[0].evidence[1].args["names"],
            "chat.example.com".into()
        );
        assert_localised(&d);
        // Without SNI the server sends the same wrong certificate: a plain name problem.
        let d = with(
            "https://chat.example.com:8282/",
            vec![
                ex(
                    Purpose::Main,
                    get("/"),
                    Some(wrong.clone()),
                    http(200, &[], ""),
                ),
                ex(Purpose::TryNoSni, get("/"), Some(wrong), http(200, &[], "")),
            ],
        );
        assert_eq!(ids(&d), ["tls.cert-name"]);
        assert_localised(&d);
    }

    #[test]
    fn cdn_headers_named_on_failure() {
        let d = with(
            "ws://127.0.0.1:8282/",
            vec![ex(
                Purpose::Main,
                ws("/"),
                None,
                http(200, &[("server", "cloudflare"), ("cf-ray", "8a1b-LHR")], ""),
            )],
        );
        assert!(ids(&d).contains(&"proxy.cdn"));
    }

    #[test]
    fn expected_token() {
        let mut e = ex(Purpose::Main, ws("/"), None, http(101, &[], ""));
        e.token = Some("aaaa".into());
        let mut ev = evidence(
            "ws://127.0.0.1:8282/",
            vec![("127.0.0.1:8282", Outcome::Connected)],
        );
        ev.protocol = Some(ProtocolEvidence {
            addr: "127.0.0.1:8282".parse().unwrap(),
            exchanges: vec![e],
        });
        ev.expect_token = Some("aaaa".into());
        assert_eq!(diagnose(&ev).symptom, Symptom::Ok);
        ev.expect_token = Some("bbbb".into());
        let d = diagnose(&ev);
        assert_eq!(
            (d.symptom, ids(&d)),
            (Symptom::Mismatch, vec!["refused.wrong-host"])
        );
    }

    #[test]
    fn dates() {
        assert_eq!(unix_date(0), "1970-01-01");
        assert_eq!(unix_date(951_782_400), "2000-02-29");
    }
}
