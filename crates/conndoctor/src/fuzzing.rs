//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz), one `fn(&[u8])` per
//! parser that reads what a user or a server controls. Each one feeds the bytes to the
//! real parser and checks the properties a caller relies on; a panic is a bug.
//!
//! Not an API: hidden from the docs, kept here so the parsers can stay private.

use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use crate::evidence::Reply;
use crate::probe::protocol::{http, sniff};

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `check <target>`, `serve <listen>`: what parses must print and re-parse the same.
pub fn target(data: &[u8]) {
    let s = text(data);
    for (t, listen) in [
        (crate::target::parse(&s), false),
        (crate::target::parse_listen(&s), true),
    ] {
        let Ok(t) = t else { continue };
        assert!(listen || t.port != 0, "port 0 accepted: {s:?}");
        let again = if listen {
            crate::target::parse_listen(&t.input)
        } else {
            crate::target::parse(&t.input)
        };
        assert_eq!(again.as_ref(), Ok(&t), "input does not re-parse: {s:?}");
        if t.scheme.is_some() {
            let extra = http::Extra {
                origin: None,
                subprotocol: None,
                headers: &[],
            };
            let req = http::upgrade_request(&t.authority(), &t.path, "a2V5", &extra);
            assert_valid_request(&req, &s);
        }
        // host:port as printed in reports is itself a valid target naming the same place.
        if t.port != 0 {
            let a = crate::target::parse(&t.authority())
                .unwrap_or_else(|e| panic!("authority of {s:?} does not parse: {e}"));
            assert_eq!((&a.host, a.port), (&t.host, t.port), "{s:?}");
        }
    }
}

/// `--header "Name: value"`: an accepted header never breaks the request it goes into.
pub fn header(data: &[u8]) {
    let s = text(data);
    let Some((k, v)) = http::parse_header(&s) else {
        return;
    };
    let headers = [(k.clone(), v.clone())];
    let extra = http::Extra {
        origin: None,
        subprotocol: None,
        headers: &headers,
    };
    for req in [
        http::upgrade_request("h", "/", "a2V5", &extra),
        http::get_request("h", "/", &extra),
    ] {
        let mut parsed = [httparse::EMPTY_HEADER; 16];
        let mut r = httparse::Request::new(&mut parsed);
        let status = r.parse(&req);
        assert!(
            matches!(status, Ok(httparse::Status::Complete(n)) if n == req.len()),
            "header {s:?} makes an invalid request: {status:?}"
        );
        let last = r.headers.iter().rev().find(|h| !h.name.is_empty());
        assert!(
            last.is_some_and(|h| h.name == k && h.value == v.as_bytes()),
            "header {s:?} is not sent as given"
        );
    }
}

/// `req` is one complete HTTP/1.1 request, as a server's parser sees it.
fn assert_valid_request(req: &[u8], what: &str) {
    let mut parsed = [httparse::EMPTY_HEADER; 64];
    let mut r = httparse::Request::new(&mut parsed);
    let status = r.parse(req);
    assert!(
        matches!(status, Ok(httparse::Status::Complete(n)) if n == req.len()),
        "{what:?} makes an invalid request: {status:?}\n{}",
        String::from_utf8_lossy(req)
    );
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a tokio runtime")
    })
}

/// The HTTP / WebSocket response reader, on a server's bytes (a slice: never blocks).
pub fn http_reply(data: &[u8]) {
    runtime().block_on(async {
        for key in [None, Some("dGhlIHNhbXBsZSBub25jZQ==")] {
            let mut r = data;
            let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
            let (reply, buf) =
                http::read_reply(&mut r, deadline, Duration::from_secs(5), key).await;
            assert!(buf.len() <= data.len());
            match reply {
                Reply::Http(h) => {
                    assert!(h.body.len() <= 3 * http::MAX_BODY, "body not capped");
                    assert!(h.reason.chars().count() <= 128);
                    assert!(h.headers.iter().all(|(_, v)| v.len() <= 3 * 512));
                }
                Reply::Data { first, .. } => assert!(first.len() <= 4 * 120 + 3),
                _ => {}
            }
        }
    });
}

/// The first-bytes sniffer (TLS records, banners) and the escaping of samples.
pub fn sniff(data: &[u8]) {
    let _ = sniff::sniff(data);
    for max in [0, 1, 16, 120] {
        let e = sniff::escape(data, max);
        assert!(e.len() <= 4 * max + 3, "escape({max}) grew to {}", e.len());
        assert!(
            !e.contains(['\r', '\n', '\0']),
            "raw control bytes in {e:?}"
        );
    }
}

/// A nameserver's answer: hickory's decoder, then the outcome conndoctor reads.
pub fn dns(data: &[u8]) {
    let Ok(msg) = hickory_proto::op::Message::from_vec(data) else {
        return;
    };
    for rtype in [
        hickory_proto::rr::RecordType::A,
        hickory_proto::rr::RecordType::AAAA,
    ] {
        let _ = crate::probe::dns::outcome(&msg, rtype);
    }
}

/// /etc/resolv.conf and /etc/hosts; the first line of the input is the name looked up.
pub fn resolv_hosts(data: &[u8]) {
    let s = text(data);
    let servers = crate::probe::dns::nameservers(&s);
    assert!(servers.len() <= 3, "more nameservers than glibc uses");
    let (name, hosts) = s.split_once('\n').unwrap_or(("localhost", &s));
    let _ = crate::probe::dns::hosts_entries(hosts, name);
    let _ = crate::probe::dns::hosts_entries(&s, "localhost");
}

fn packets() -> Vec<crate::audit::firewall::Packet> {
    let mk =
        |v6: bool, daddr: &str, dport: u16, saddr: Option<&str>| crate::audit::firewall::Packet {
            v6,
            iif: "eth0".into(),
            daddr: daddr.parse::<IpAddr>().expect("a fixed address"),
            dport,
            saddr: saddr.and_then(|s| s.parse().ok()),
        };
    vec![
        mk(false, "10.0.0.5", 22, None),
        mk(false, "10.0.0.5", 8282, Some("192.0.2.1")),
        mk(true, "2001:db8::5", 443, Some("2001:db8::1")),
    ]
}

/// `nft -j list ruleset`, optionally with `nft -a list ruleset` text after a NUL byte;
/// a ruleset that parses is evaluated (jumps, gotos, maps) for a few packets.
pub fn nft(data: &[u8]) {
    let s = text(data);
    let (json, rules) = match s.split_once('\0') {
        Some((j, t)) => (j, Some(t)),
        None => (&*s, None),
    };
    let Ok(parsed) = crate::audit::firewall::nft::parse(json, rules) else {
        return;
    };
    for p in packets() {
        let _ = parsed.ruleset.evaluate(&p);
    }
}

/// `iptables-save` / `ip6tables-save` text, evaluated like [`nft`].
pub fn iptables(data: &[u8]) {
    use crate::audit::firewall::{Source, ipt};
    let s = text(data);
    for v6 in [false, true] {
        let rs = ipt::parse(&s, v6, Source::IptablesLegacy);
        for p in packets() {
            let _ = rs.evaluate(&p);
        }
    }
    let _ = ipt::tokenize(&s);
}

/// The exporter's YAML configuration; modules of one that loads build targets.
pub fn exporter_config(data: &[u8]) {
    let s = text(data);
    let Ok(cfg) = crate::exporter::config::Config::parse(&s, Path::new("fuzz.yml")) else {
        return;
    };
    for (name, m) in &cfg.modules {
        // What a module adds to its requests never breaks them.
        let extra = http::Extra {
            origin: m.proto.origin.as_deref(),
            subprotocol: m.proto.subprotocol.as_deref(),
            headers: &m.proto.headers,
        };
        if m.prober.is_http() || m.prober.is_ws() {
            assert_valid_request(&http::upgrade_request("h", &m.path, "a2V5", &extra), &s);
        }
        for t in ["127.0.0.1:80", "localhost", "ws://[::1]:8080/x"] {
            if let Ok(t) = crate::exporter::build_target(t, m, name) {
                let _ = cfg.allow.precheck(&t.host);
            }
        }
    }
}

/// A `/probe` query string (first line) and an X-Prometheus-Scrape-Timeout-Seconds
/// value (second line), through to the allow-list decision.
pub fn exporter_query(data: &[u8]) {
    let s = text(data);
    let (query, header) = match s.split_once('\n') {
        Some((q, h)) => (q, Some(h)),
        None => (&*s, None),
    };
    let cfg = crate::exporter::config::Config::builtin();
    let _ = crate::exporter::probe_timeout(header, Duration::from_secs(5), Duration::ZERO);
    let Some(params) = crate::exporter::parse_query(query) else {
        return;
    };
    let Some(input) = params.get("target").map(|s| s.trim()) else {
        return;
    };
    let module_name = params
        .get("module")
        .cloned()
        .unwrap_or_else(|| crate::exporter::default_module(&cfg, input));
    let Some(m) = cfg.modules.get(&module_name) else {
        return;
    };
    // The built-in configuration allows loopback only.
    if let Ok(t) = crate::exporter::build_target(input, m, &module_name)
        && cfg.allow.check_port(t.port).is_ok()
        && cfg.allow.precheck(&t.host).is_ok()
        && let crate::target::Host::Ip(ip) = t.host
    {
        assert!(ip.to_canonical().is_loopback(), "{input:?} allowed {ip}");
    }
}

/// `explain`: any pasted text, rendered as the user sees it and as JSON.
pub fn explain(data: &[u8]) {
    let s = text(data);
    let e = crate::explain::explain(&s);
    // One localiser per thread: parsing the locale files per input would be most of
    // each run.
    thread_local! {
        static L: crate::i18n::Localizer = crate::i18n::Localizer::new("en");
    }
    L.with(|l| {
        let _ = crate::explain::render::human(&e, l);
        let _ = crate::explain::render::json(&e, Some(l));
    });
}
