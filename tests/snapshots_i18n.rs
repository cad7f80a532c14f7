//! Snapshot tests of the terminal report in every language (issue 6, "Languages").
//!
//! Each scenario builds [`Evidence`] by hand, runs the real rules and renders the human
//! report with colour stripped, once per shipped language. Every rendering must be free
//! of missing-message markers (`⟦id⟧`) and of unreplaced Fluent placeables, and is
//! compared with its stored snapshot under `tests/snapshots/`
//! (`snapshots_i18n__<scenario>@<lang>.snap`). Timings are fixed values, so the
//! snapshots only change when a text or the layout changes: review them with
//! `cargo insta review`, or regenerate with `INSTA_UPDATE=always`.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use conndoctor::evidence::{
    CertProblem, ConnectAttempt, DnsEvidence, DnsOutcome, Evidence, Exchange, Hop, HttpReply,
    InterfaceAddr, Listener, LocalFacts, NameserverAnswer, Outcome, PortUsage, ProtocolEvidence,
    ProxyEvidence, Purpose, Reply, Request, Resolution, ResolveError, SideProbe, Speaks, TlsResult,
};
use conndoctor::i18n::{LOCALES, Localizer};
use conndoctor::report::{Report, human};
use conndoctor::rules::diagnose;

// ---- building evidence -----------------------------------------------------------------

fn sa(s: &str) -> SocketAddr {
    s.parse().expect("socket address")
}

fn ip(s: &str) -> IpAddr {
    s.parse().expect("IP address")
}

/// Evidence for `target` with one connect attempt per `(address, outcome)`, every
/// timing fixed, and nothing else seen.
fn evidence(target: &str, attempts: &[(&str, Outcome)]) -> Evidence {
    let target = conndoctor::target::parse(target).expect("test target");
    let literal = matches!(target.host, conndoctor::target::Host::Ip(_));
    let attempts: Vec<ConnectAttempt> = attempts
        .iter()
        .map(|(a, o)| ConnectAttempt {
            addr: sa(a),
            outcome: o.clone(),
            elapsed_ms: if *o == Outcome::TimedOut { 3000.0 } else { 0.4 },
            icmp: None,
            syn_retransmits: (*o == Outcome::TimedOut).then_some(3),
            local: None,
        })
        .collect();
    Evidence {
        target,
        resolution: Resolution {
            source: if literal { "literal" } else { "system" },
            addresses: attempts.iter().map(|a| a.addr.ip()).collect(),
            error: None,
            elapsed_ms: 12.0,
        },
        attempts,
        side_probes: None,
        protocol: None,
        insecure: false,
        expect_token: None,
        expect_ip: Vec::new(),
        dns: None,
        proxy: ProxyEvidence::default(),
        cdn: Vec::new(),
        trace: None,
        local: LocalFacts::default(),
        budget_ms: 3000,
    }
}

fn iface(ev: &mut Evidence, addr: &str, prefix_len: u8) {
    ev.local.interfaces.push(InterfaceAddr {
        name: "eth0".into(),
        addr: ip(addr),
        prefix_len,
    });
}

fn listener(ev: &mut Evidence, addr: &str, accept_queue: u32, backlog: Option<u32>) {
    ev.local.listeners.push(Listener {
        addr: sa(addr),
        accept_queue,
        backlog,
    });
}

fn side(ev: &mut Evidence, addr: &str, outcome: Outcome) {
    ev.side_probes.get_or_insert_with(Vec::new).push(SideProbe {
        addr: sa(addr),
        outcome,
        elapsed_ms: 1.0,
    });
}

fn ports(established: u32, time_wait: u32) -> PortUsage {
    let mut to_target = BTreeMap::new();
    to_target.insert("ESTABLISHED".to_string(), established);
    to_target.insert("TIME_WAIT".to_string(), time_wait);
    PortUsage {
        range: (32768, 32777),
        reserved_in_range: 0,
        tcp_tw_reuse: Some(2),
        to_target,
    }
}

fn http(status: u16, reason: &str, headers: &[(&str, &str)]) -> Reply {
    Reply::Http(HttpReply {
        status,
        reason: reason.into(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: String::new(),
        accept_valid: (status == 101).then_some(true),
    })
}

fn exchange(purpose: Purpose, request: Request, tls: Option<TlsResult>, reply: Reply) -> Exchange {
    Exchange {
        purpose,
        request,
        tls,
        reply,
        elapsed_ms: 8.0,
        token: None,
    }
}

fn ws(path: &str) -> Request {
    Request::WsUpgrade {
        path: path.into(),
        origin: None,
    }
}

// ---- scenarios ---------------------------------------------------------------------------

/// Nothing listens on a local port; the local port table is read too.
fn refused_not_listening() -> Evidence {
    let mut ev = evidence("127.0.0.1:8282", &[("127.0.0.1:8282", Outcome::Refused)]);
    ev.local.ports = Some(ports(3, 1));
    ev
}

/// The server is bound to 127.0.0.1 and the client dials the LAN address.
fn refused_loopback_only() -> Evidence {
    let mut ev = evidence(
        "websocket://10.0.0.5:8282",
        &[("10.0.0.5:8282", Outcome::Refused)],
    );
    iface(&mut ev, "10.0.0.5", 24);
    listener(&mut ev, "127.0.0.1:8282", 0, Some(511));
    ev
}

/// No answer on the port while other ports of the host answer; the path trace stops.
fn timeout_filtered() -> Evidence {
    let mut ev = evidence(
        "203.0.113.7:8282",
        &[("203.0.113.7:8282", Outcome::TimedOut)],
    );
    side(&mut ev, "203.0.113.7:22", Outcome::Refused);
    side(&mut ev, "203.0.113.7:80", Outcome::Connected);
    side(&mut ev, "203.0.113.7:443", Outcome::TimedOut);
    ev.trace = Some(vec![
        Hop {
            ttl: 1,
            from: Some(ip("192.168.1.1")),
            kind: "time-exceeded".into(),
        },
        Hop {
            ttl: 2,
            from: Some(ip("198.51.100.1")),
            kind: "time-exceeded".into(),
        },
        Hop {
            ttl: 3,
            from: None,
            kind: "silent".into(),
        },
        Hop {
            ttl: 4,
            from: None,
            kind: "silent".into(),
        },
    ]);
    ev
}

/// A local server that stopped accepting: its queue is above the backlog and the
/// kernel counted dropped SYNs.
fn timeout_accept_queue_full() -> Evidence {
    let mut ev = evidence("127.0.0.1:9000", &[("127.0.0.1:9000", Outcome::TimedOut)]);
    listener(&mut ev, "127.0.0.1:9000", 129, Some(128));
    ev.local.listen_overflows = Some((10, 13));
    ev
}

/// An intranet address dialled from another network, with no route at all.
fn unreachable_no_route() -> Evidence {
    let mut ev = evidence(
        "10.99.0.1:8282",
        &[("10.99.0.1:8282", Outcome::NetUnreachable)],
    );
    iface(&mut ev, "192.168.1.5", 24);
    ev
}

/// The client ran out of local ports towards the server, mostly in TIME_WAIT.
fn addr_not_avail_ephemeral_exhausted() -> Evidence {
    let mut ev = evidence("10.0.0.2:80", &[("10.0.0.2:80", Outcome::AddrNotAvailable)]);
    ev.local.ports = Some(ports(2, 8));
    ev
}

/// The name does not exist; the nameserver says so.
fn dns_nxdomain() -> Evidence {
    let mut ev = evidence("ws://chat.example.invalid:8282/ws", &[]);
    ev.resolution.error = Some(ResolveError::NoName);
    ev.dns = Some(DnsEvidence {
        hosts_file: Vec::new(),
        servers: vec![NameserverAnswer {
            server: ip("192.168.1.1"),
            outcome: DnsOutcome::NxDomain,
            elapsed_ms: 4.0,
        }],
        note: None,
    });
    ev
}

/// A WebSocket client against a plain HTTP server.
fn mismatch_ws_to_http() -> Evidence {
    let mut ev = evidence(
        "ws://127.0.0.1:8080/chat",
        &[("127.0.0.1:8080", Outcome::Connected)],
    );
    listener(&mut ev, "0.0.0.0:8080", 0, Some(511));
    ev.protocol = Some(ProtocolEvidence {
        addr: sa("127.0.0.1:8080"),
        exchanges: vec![exchange(
            Purpose::Main,
            ws("/chat"),
            None,
            http(200, "OK", &[("server", "workerman")]),
        )],
    });
    ev
}

/// A WebSocket client against a text-protocol server (a reply of raw bytes).
fn mismatch_ws_to_non_http() -> Evidence {
    let mut ev = evidence(
        "ws://127.0.0.1:5678/",
        &[("127.0.0.1:5678", Outcome::Connected)],
    );
    listener(&mut ev, "0.0.0.0:5678", 0, Some(511));
    ev.protocol = Some(ProtocolEvidence {
        addr: sa("127.0.0.1:5678"),
        exchanges: vec![exchange(
            Purpose::Main,
            ws("/"),
            None,
            Reply::Data {
                first: "hello\\n".into(),
                len: 6,
                speaks: Speaks::Text,
            },
        )],
    });
    ev
}

/// wss:// to a server whose certificate is self-signed.
fn tls_cert_untrusted() -> Evidence {
    let mut ev = evidence(
        "wss://chat.example.com/ws",
        &[("203.0.113.10:443", Outcome::Connected)],
    );
    ev.protocol = Some(ProtocolEvidence {
        addr: sa("203.0.113.10:443"),
        exchanges: vec![exchange(
            Purpose::Main,
            ws("/ws"),
            Some(TlsResult::Established {
                version: "TLSv1.3".into(),
                cert: Some(CertProblem::Untrusted),
                facts: None,
                client_cert_requested: false,
            }),
            http(101, "Switching Protocols", &[]),
        )],
    });
    ev
}

/// The connection works, but localhost's IPv6 address is refused (a warning), and
/// the local port range is nearly used up (another warning).
fn ok_with_warning() -> Evidence {
    let mut ev = evidence(
        "ws://localhost:8282/",
        &[
            ("127.0.0.1:8282", Outcome::Connected),
            ("[::1]:8282", Outcome::Refused),
        ],
    );
    listener(&mut ev, "127.0.0.1:8282", 0, Some(511));
    ev.local.ports = Some(ports(9, 0));
    ev.protocol = Some(ProtocolEvidence {
        addr: sa("127.0.0.1:8282"),
        exchanges: vec![exchange(
            Purpose::Main,
            ws("/"),
            None,
            http(101, "Switching Protocols", &[("upgrade", "websocket")]),
        )],
    });
    ev
}

// ---- rendering and checks ----------------------------------------------------------------

/// The report as a terminal without colour shows it.
fn render(ev: &Evidence, lang: &str) -> String {
    let report = Report {
        evidence: ev.clone(),
        diagnosis: diagnose(ev),
        total_ms: 3012.0,
    };
    anstream::adapter::strip_str(&human::render(&report, &Localizer::new(lang))).to_string()
}

/// Right-to-left languages: every line starts with RIGHT-TO-LEFT MARK, and what the
/// report inserts itself (the target, the verdict id, each finding id) sits between
/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, as Fluent's placeables do.
/// Left-to-right languages carry no bidi control at all.
fn check_direction(
    name: &str,
    lang: &str,
    ev: &Evidence,
    d: &conndoctor::finding::Diagnosis,
    out: &str,
) {
    let isolated = |s: &str| format!("\u{2068}{s}\u{2069}");
    if Localizer::new(lang).is_rtl() {
        for line in out.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with('\u{200f}'),
                "{name} [{lang}]: line without RLM: {line:?}"
            );
        }
        let mut inserted = vec![ev.target.input.clone()];
        if d.symptom.id() != "ok" {
            inserted.push(d.symptom.id().to_string());
        }
        inserted.extend(d.causes.iter().chain(&d.warnings).map(|f| f.id.to_string()));
        for s in inserted {
            assert!(
                out.contains(&isolated(&s)),
                "{name} [{lang}]: {s} is not isolated\n{out}"
            );
        }
    } else {
        assert!(
            !out.contains([
                '\u{200e}', '\u{200f}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'
            ]),
            "{name} [{lang}]: bidi control in a left-to-right language\n{out}"
        );
    }
}

/// Renders one scenario in every language, checks each rendering and compares it with
/// its snapshot. `expect` is the verdict and the cause ids (then the warning ids) the
/// rules must find, so a snapshot cannot silently record another diagnosis.
fn check(name: &str, ev: Evidence, expect: (&str, &[&str], &[&str])) {
    let d = diagnose(&ev);
    let causes: Vec<&str> = d.causes.iter().map(|f| f.id).collect();
    let warnings: Vec<&str> = d.warnings.iter().map(|f| f.id).collect();
    assert_eq!(
        (d.symptom.id(), causes.as_slice(), warnings.as_slice()),
        expect,
        "{name}: diagnosis"
    );
    for (lang, _) in LOCALES {
        let out = render(&ev, lang);
        assert!(
            !out.contains('⟦'),
            "{name} [{lang}]: missing message\n{out}"
        );
        assert!(
            !out.contains("{ $") && !out.contains("{$"),
            "{name} [{lang}]: unreplaced placeable\n{out}"
        );
        assert!(
            !out.contains('\u{1b}'),
            "{name} [{lang}]: escape sequence left\n{out}"
        );
        check_direction(name, lang, &ev, &d, &out);
        insta::with_settings!({
            snapshot_suffix => *lang,
            prepend_module_to_snapshot => true,
            description => format!("{name}, rendered in {lang} without colour"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, out);
        });
    }
}

#[test]
fn refused_not_listening_report() {
    check(
        "refused_not_listening",
        refused_not_listening(),
        ("refused", &["refused.not-listening"], &[]),
    );
}

#[test]
fn refused_loopback_only_report() {
    check(
        "refused_loopback_only",
        refused_loopback_only(),
        ("refused", &["refused.loopback-only"], &[]),
    );
}

#[test]
fn timeout_filtered_report() {
    check(
        "timeout_filtered",
        timeout_filtered(),
        ("timeout", &["timeout.filtered"], &[]),
    );
}

#[test]
fn timeout_accept_queue_full_report() {
    check(
        "timeout_accept_queue_full",
        timeout_accept_queue_full(),
        ("timeout", &["timeout.accept-queue-full"], &[]),
    );
}

#[test]
fn unreachable_no_route_report() {
    check(
        "unreachable_no_route",
        unreachable_no_route(),
        (
            "unreachable",
            &["unreachable.no-route", "timeout.private-unroutable"],
            &[],
        ),
    );
}

#[test]
fn addr_not_avail_ephemeral_exhausted_report() {
    check(
        "addr_not_avail_ephemeral_exhausted",
        addr_not_avail_ephemeral_exhausted(),
        (
            "addr-not-avail",
            &[
                "addr-not-avail.time-wait",
                "addr-not-avail.ephemeral-exhausted",
            ],
            &[],
        ),
    );
}

#[test]
fn dns_nxdomain_report() {
    check(
        "dns_nxdomain",
        dns_nxdomain(),
        ("dns", &["dns.nxdomain"], &[]),
    );
}

#[test]
fn mismatch_ws_to_http_report() {
    check(
        "mismatch_ws_to_http",
        mismatch_ws_to_http(),
        ("mismatch", &["mismatch.ws-to-http"], &[]),
    );
}

#[test]
fn mismatch_ws_to_non_http_report() {
    check(
        "mismatch_ws_to_non_http",
        mismatch_ws_to_non_http(),
        ("mismatch", &["mismatch.ws-to-non-http"], &[]),
    );
}

#[test]
fn tls_cert_untrusted_report() {
    check(
        "tls_cert_untrusted",
        tls_cert_untrusted(),
        ("tls", &["tls.cert-untrusted"], &[]),
    );
}

#[test]
fn ok_with_warning_report() {
    check(
        "ok_with_warning",
        ok_with_warning(),
        (
            "ok",
            &[],
            &[
                "refused.family-mismatch",
                "addr-not-avail.ephemeral-exhausted",
            ],
        ),
    );
}
