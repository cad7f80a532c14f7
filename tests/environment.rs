//! The client's environment (issue 4) as a user meets it: the real binary, `--json`,
//! run inside network namespaces this file builds (tests/support/netns.rs).
//!
//! - DNS: Debian's dnsmasq, started by each test inside its server namespace, is the
//!   only nameserver of the client namespace (/etc/netns/CLIENT/resolv.conf, which
//!   `ip netns exec` bind-mounts over /etc/resolv.conf; /etc/netns/CLIENT/hosts
//!   likewise for the hosts-file cases).
//! - Proxy software: proxy variables in the binary's environment, and a TUN device
//!   carrying the route to the server.
//! - CDN: the server namespace owns 104.16.0.10, an address of Cloudflare's published
//!   104.16.0.0/13; it exists only inside the test's namespaces.
//! - The path: client — router — server namespaces, nftables dropping the port on the
//!   router or on the server, and the TTL-limited SYNs of the trace.
//!
//! Addresses are 10.211.N.0/24 and 10.212.N.0/24 (N one per test) plus 104.16.0.10 and
//! 198.18.0.5, all configured (or dialled) only inside the test's own namespaces, whose
//! only links lead to each other: nothing leaves them, nothing but loopback and these
//! namespaces receives a packet. Every check runs with `--timeout 2s`.
//!
//! Needs root, iproute2 and nftables (see tests/support/netns.rs) and, for the DNS
//! cases, dnsmasq (Debian package dnsmasq-base): missing, the tests fail with what is
//! missing, unless CONNDOCTOR_SKIP_NETNS=1 is set.

mod support;

use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::netns::{Netns, Tools, find_tool, skipping, tools, veth};
use support::*;

// ---------------------------------------------------------------- report helpers

fn message(e: &Value) -> &str {
    e["message"].as_str().expect("a localised message")
}

fn ip(a: u8, b: u8, c: u8, d: u8) -> String {
    Ipv4Addr::new(a, b, c, d).to_string()
}

/// 10.211.`n`.`host`
fn ip_n(n: u8, host: u8) -> Ipv4Addr {
    Ipv4Addr::new(10, 211, n, host)
}

// ---------------------------------------------------------------- DNS lab

/// dnsmasq, or `None` when the tests are skipped. Panics when it is missing.
fn dnsmasq() -> Option<PathBuf> {
    match find_tool("dnsmasq") {
        Some(p) => Some(p),
        None if skipping() => {
            eprintln!("note: DNS namespace test skipped (CONNDOCTOR_SKIP_NETNS=1); no dnsmasq");
            None
        }
        None => panic!(
            "the DNS tests need dnsmasq (apt-get install -y dnsmasq-base), or set \
             CONNDOCTOR_SKIP_NETNS=1 to skip them"
        ),
    }
}

/// A [`Lab`] whose server namespace runs dnsmasq on 10.211.N.1, and whose client
/// namespace (10.211.N.2) has a resolv.conf naming it. The server also owns 10.211.N.3, where no
/// DNS server listens (ICMP port unreachable), and 10.211.N.4, where nftables drops
/// DNS queries (no answer at all).
///
/// dnsmasq's records (all answered from its own configuration, `--local=/test/`):
/// - good.test A 10.211.N.1 (and no AAAA);
/// - alias.test CNAME good.test;
/// - fake.test A 198.18.0.5, a fake-IP address of proxy programs;
/// - txt.test: a TXT record only (NOERROR, no address: NODATA);
/// - any other name under .test: NXDOMAIN; names elsewhere: REFUSED (no upstream).
struct DnsLab {
    // Fields drop in order: dnsmasq first, then its directory, then the namespaces.
    _dnsmasq: ChildGuard,
    _dir: tempfile::TempDir,
    client: Netns,
    server: Netns,
    n: u8,
}

impl DnsLab {
    fn new(t: &'static Tools, test: &str, n: u8) -> Option<DnsLab> {
        let dnsmasq = dnsmasq()?;
        let Lab {
            client, server, vs, ..
        } = Lab::new(t, test, n);
        for host in [3, 4] {
            server.ip(&[
                "addr",
                "add",
                &format!("{}/24", ip(10, 211, n, host)),
                "dev",
                &vs,
            ]);
        }
        // getaddrinfo and the binary's own queries together draw more ICMP port
        // unreachables from 10.211.N.3 than the per-peer burst of the default rate
        // limit (6): unlimited inside this namespace, so the answer is never a timeout.
        server.sysctl("net.ipv4.icmp_ratelimit", "0");
        let dropped = ip(10, 211, n, 4);
        server.nft(&format!(
            "table inet conndoctor_test {{
                chain input {{
                    type filter hook input priority 0; policy accept;
                    ip daddr {dropped} udp dport 53 drop
                    ip daddr {dropped} tcp dport 53 drop
                }}
            }}"
        ));

        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("dnsmasq.log");
        let listen = ip(10, 211, n, 1);
        let mut c = server.exec(&dnsmasq);
        c.args([
            "--keep-in-foreground",
            "--conf-file=/dev/null",
            "--no-resolv",
            "--no-hosts",
            "--bind-interfaces",
            "--port=53",
            "--user=root",
            "--log-queries",
            "--local=/test/",
            "--txt-record=txt.test,only text here",
            "--cname=alias.test,good.test",
        ])
        .arg(format!("--listen-address={listen}"))
        .arg(format!("--host-record=good.test,{listen}"))
        .arg("--host-record=fake.test,198.18.0.5")
        .arg(format!(
            "--pid-file={}",
            dir.path().join("dnsmasq.pid").display()
        ))
        .arg(format!("--log-facility={}", log.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        // `ip netns exec` execs dnsmasq in its own process: killing the child kills it.
        let child = c.spawn().expect("spawn ip netns exec dnsmasq");
        let mut guard = ChildGuard {
            child,
            name: "dnsmasq",
        };
        wait_for_dnsmasq(&client, SocketAddrV4::new(ip_n(n, 1), 53), &mut guard, &log);
        let lab = DnsLab {
            _dnsmasq: guard,
            _dir: dir,
            client,
            server,
            n,
        };
        lab.resolv(&[lab.dns()]);
        Some(lab)
    }

    /// 10.211.N.`host`
    fn addr(&self, host: u8) -> Ipv4Addr {
        ip_n(self.n, host)
    }

    /// Where dnsmasq listens (also the server's address for TCP).
    fn dns(&self) -> Ipv4Addr {
        self.addr(1)
    }

    /// The client's resolv.conf: these nameservers, glibc's default options.
    fn resolv(&self, servers: &[Ipv4Addr]) {
        let text: String = servers
            .iter()
            .map(|s| format!("nameserver {s}\n"))
            .collect();
        self.client.etc_file("resolv.conf", &text);
    }

    /// With only `server` in the client's resolv.conf, `check TARGET` fails in the
    /// resolver, and the cause names that nameserver, as does its evidence entry `ev`.
    /// Returns the run, its report and that evidence entry.
    fn check_resolver_failure(
        &self,
        server: Ipv4Addr,
        target: &str,
        ev: &str,
    ) -> (Run, Value, Value) {
        self.resolv(&[server]);
        let r = self.client.check(target, &[], &[]);
        let v = assert_verdict(&r, "dns", Some("dns.resolver-failure"));
        let c = finding(&v, "causes", "dns.resolver-failure");
        let server = server.to_string();
        assert_eq!(c["args"]["servers"], server.as_str(), "{c:#}");
        let e = evidence(c, ev).clone();
        assert_eq!(e["args"]["server"], server.as_str());
        (r, v, e)
    }

    /// The client's hosts file: localhost plus `lines`.
    fn hosts(&self, lines: &str) {
        self.client.etc_file(
            "hosts",
            &format!("127.0.0.1 localhost\n::1 localhost\n{lines}"),
        );
    }
}

/// Asks dnsmasq for good.test from the client namespace until it answers.
fn wait_for_dnsmasq(
    client: &Netns,
    server: SocketAddrV4,
    guard: &mut ChildGuard,
    log: &std::path::Path,
) {
    let sock = client.enter(|| UdpSocket::bind("0.0.0.0:0").expect("udp socket in client ns"));
    sock.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    // A query for good.test A: id 0x4344, recursion desired, one question.
    let mut q = vec![0x43, 0x44, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in ["good", "test"] {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, 1, 0, 1]);
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let _ = sock.send_to(&q, server);
        let mut buf = [0u8; 512];
        if let Ok((len, _)) = sock.recv_from(&mut buf)
            && len >= 12
            && buf[..2] == q[..2]
        {
            assert_eq!(buf[3] & 0x0f, 0, "dnsmasq answers good.test with an error");
            return;
        }
        let log = || std::fs::read_to_string(log).unwrap_or_default();
        if let Some(status) = guard.child.try_wait().expect("try_wait dnsmasq") {
            let mut err = String::new();
            if let Some(mut e) = guard.child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            panic!("dnsmasq exited ({status}):\n{err}\n{}", log());
        }
        assert!(
            Instant::now() < until,
            "dnsmasq does not answer on {server}:\n{}",
            log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

// ---------------------------------------------------------------- DNS cases

/// A name dnsmasq answers, with a listener behind it: ok, and the report carries the
/// nameserver's own answer; a CNAME shows its chain.
#[test]
fn dns_answer_that_connects_is_ok() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "dnsok", 1) else {
        return;
    };
    let l = lab.server.listen(SocketAddrV4::new(lab.dns(), 0));
    let port = l.local_addr().unwrap().port();
    let server = lab.dns().to_string();

    let r = lab.client.check(&format!("good.test:{port}"), &[], &[]);
    let v = assert_verdict(&r, "ok", None);
    assert_eq!(v["resolution"]["addresses"][0], server.as_str());
    let ns = &v["dns"]["servers"][0];
    assert_eq!(ns["server"], server.as_str(), "{:#}", v["dns"]);
    assert_eq!(ns["outcome"]["kind"], "answer");
    assert_eq!(ns["outcome"]["addresses"][0], server.as_str());
    assert_eq!(v["dns"]["hosts_file"].as_array().map(Vec::len), Some(0));

    let r = lab.client.check(&format!("alias.test:{port}"), &[], &[]);
    let v = assert_verdict(&r, "ok", None);
    let ns = &v["dns"]["servers"][0]["outcome"];
    assert_eq!(ns["cnames"][0], "good.test", "{:#}", v["dns"]);
    assert_eq!(ns["addresses"][0], server.as_str());
}

/// A name under the local-only domain that dnsmasq does not know: NXDOMAIN, said by
/// the nameserver itself.
#[test]
fn dns_nxdomain_names_the_nameserver() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "nx", 2) else {
        return;
    };
    let r = lab.client.check("nosuch.test:80", &[], &[]);
    let v = assert_verdict(&r, "dns", Some("dns.nxdomain"));
    let c = finding(&v, "causes", "dns.nxdomain");
    assert_eq!(c["confidence"], "high");
    assert_eq!(c["args"]["name"], "nosuch.test");
    let e = evidence(c, "ev-ns-nxdomain");
    let server = lab.dns().to_string();
    assert_eq!(e["args"]["server"], server.as_str());
    let m = message(e);
    assert!(
        m.contains(&format!("nameserver {server}")) && m.contains("NXDOMAIN"),
        "{m}"
    );
    assert_eq!(v["dns"]["servers"][0]["outcome"]["kind"], "nx-domain");
}

/// A name with a TXT record and no address record: NOERROR without data.
#[test]
fn dns_name_without_address_record() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "nodata", 3) else {
        return;
    };
    let r = lab.client.check("txt.test:80", &[], &[]);
    let v = assert_verdict(&r, "dns", Some("dns.no-address"));
    let c = finding(&v, "causes", "dns.no-address");
    assert_eq!(c["args"]["name"], "txt.test");
    let e = evidence(c, "ev-ns-nodata");
    assert_eq!(e["args"]["server"], lab.dns().to_string().as_str());
    assert_eq!(v["dns"]["servers"][0]["outcome"]["kind"], "no-data");
}

/// resolv.conf names an address of the server namespace where no DNS server listens
/// (ICMP port unreachable); then the real dnsmasq, which REFUSES a name outside its
/// local domain (it has no upstream). Both are resolver failures naming the server.
#[test]
fn dns_resolver_failure_port_unreachable_and_refused() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "nsdown", 4) else {
        return;
    };
    let (_, _, e) = lab.check_resolver_failure(lab.addr(3), "good.test:80", "ev-ns-failure");
    assert_eq!(e["args"]["rcode"], "port-unreachable", "{e:#}");

    let (_, _, e) = lab.check_resolver_failure(lab.dns(), "elsewhere.example:80", "ev-ns-failure");
    assert!(
        e["args"]["rcode"].as_str().unwrap().contains("Refused"),
        "{e:#}"
    );
}

/// resolv.conf names an address where nftables drops DNS: the nameserver never
/// answers. glibc's defaults (5 s, 2 attempts) outlast the 2 s budget, which the
/// check must keep all the same.
#[test]
fn dns_resolver_timeout_names_the_nameserver_within_the_budget() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "nsdrop", 5) else {
        return;
    };
    let (r, v, _) = lab.check_resolver_failure(lab.addr(4), "good.test:80", "ev-ns-timeout");
    assert_eq!(v["dns"]["servers"][0]["outcome"]["kind"], "timeout");
    // Not a timing measurement: glibc alone would take 10 s here, the budget is 2 s.
    assert!(
        r.elapsed < Duration::from_secs(6),
        "`check --timeout 2s` ran for {:?}: the process waits for the blocked \
         getaddrinfo thread past its budget\n{}",
        r.elapsed,
        r.describe()
    );
}

/// The hosts file maps the name to another address than dnsmasq does; the port is
/// closed there.
#[test]
fn dns_hosts_file_overrides_the_nameserver() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "hosts", 6) else {
        return;
    };
    let l = lab.server.listen(SocketAddrV4::new(lab.dns(), 0));
    let port = l.local_addr().unwrap().port();
    let (dns, hosts) = (lab.dns().to_string(), lab.addr(3).to_string());
    lab.hosts(&format!("{hosts} good.test\n"));
    let r = lab.client.check(&format!("good.test:{port}"), &[], &[]);
    let v = assert_verdict(&r, "refused", Some("dns.hosts-override"));
    assert_eq!(v["resolution"]["addresses"][0], hosts.as_str());
    let c = finding(&v, "causes", "dns.hosts-override");
    assert_eq!(c["confidence"], "high");
    assert_eq!(
        (c["args"]["hosts"].as_str(), c["args"]["dns"].as_str()),
        (Some(hosts.as_str()), Some(dns.as_str()))
    );
    assert_eq!(
        evidence(c, "ev-hosts-entry")["args"]["addrs"],
        hosts.as_str()
    );
    let e = evidence(c, "ev-ns-answer");
    assert_eq!(
        (e["args"]["server"].as_str(), e["args"]["addrs"].as_str()),
        (Some(dns.as_str()), Some(dns.as_str()))
    );
    assert_eq!(v["dns"]["hosts_file"][0], hosts.as_str());
}

/// dnsmasq answers 198.18.0.5, as the DNS of Clash-like proxy programs does; the
/// client has no route there (the proxy program is not running).
#[test]
fn dns_fake_ip_answer() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "fakeip", 7) else {
        return;
    };
    let r = lab.client.check("fake.test:443", &[], &[]);
    let v = r.json();
    assert_eq!(
        v["resolution"]["addresses"][0],
        "198.18.0.5",
        "{}",
        r.describe()
    );
    assert_ne!(v["symptom"], "ok", "{}", r.describe());
    let c = finding(&v, "causes", "dns.fake-ip");
    assert_eq!(c["confidence"], "high");
    assert_eq!(c["args"]["addr"], "198.18.0.5");
    assert_eq!(evidence(c, "ev-fake-ip")["args"]["addr"], "198.18.0.5");
    // Without a tunnel or proxy variable, the fake IP itself points at proxy software.
    let p = finding(&v, "causes", "proxy.local-software");
    assert_eq!(p["args"]["via"], "fake-ip DNS");
}

/// `--expect-ip` names another address than DNS gives: a DNS problem even though
/// the connection works; the same address: ok.
#[test]
fn dns_expect_ip() {
    let Some(t) = tools() else { return };
    let Some(lab) = DnsLab::new(t, "expect", 8) else {
        return;
    };
    let l = lab.server.listen(SocketAddrV4::new(lab.dns(), 0));
    let target = format!("good.test:{}", l.local_addr().unwrap().port());
    let (dns, other) = (lab.dns().to_string(), lab.addr(3).to_string());

    let r = lab.client.check(&target, &["--expect-ip", &other], &[]);
    let v = assert_verdict(&r, "dns", Some("dns.wrong-ip"));
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "connected");
    let c = finding(&v, "causes", "dns.wrong-ip");
    assert_eq!(c["args"]["addrs"], dns.as_str());
    let e = evidence(c, "ev-expected-ip");
    assert_eq!(
        (e["args"]["expected"].as_str(), e["args"]["addrs"].as_str()),
        (Some(other.as_str()), Some(dns.as_str()))
    );
    assert_eq!(evidence(c, "ev-ns-answer")["args"]["server"], dns.as_str());

    let r = lab.client.check(&target, &["--expect-ip", &dns], &[]);
    let v = assert_verdict(&r, "ok", None);
    assert!(warning_ids(&v).is_empty(), "{v:#}");
}

// ---------------------------------------------------------------- two-namespace lab

/// A server namespace (10.211.N.1) and a client namespace (10.211.N.2) on one veth
/// pair, without DNS.
struct Lab {
    client: Netns,
    server: Netns,
    n: u8,
    vc: String,
    vs: String,
}

impl Lab {
    fn new(t: &'static Tools, test: &str, n: u8) -> Lab {
        let client = Netns::new(t, test, "c");
        let server = Netns::new(t, test, "s");
        let pid = std::process::id();
        let (vs, vc) = (format!("e{pid}-{n}s"), format!("e{pid}-{n}c"));
        veth(&server, &vs, &client, &vc);
        server.ip(&[
            "addr",
            "add",
            &format!("{}/24", ip(10, 211, n, 1)),
            "dev",
            &vs,
        ]);
        client.ip(&[
            "addr",
            "add",
            &format!("{}/24", ip(10, 211, n, 2)),
            "dev",
            &vc,
        ]);
        Lab {
            client,
            server,
            n,
            vc,
            vs,
        }
    }

    fn server_ip(&self) -> Ipv4Addr {
        Ipv4Addr::new(10, 211, self.n, 1)
    }

    /// A tokio-tungstenite WebSocket server inside the server namespace.
    fn ws_server(&self) -> Bg {
        let l = self.server.listen(SocketAddrV4::new(self.server_ip(), 0));
        let policy = Arc::new(WsPolicy::default());
        spawn_server_on(l, move |l| {
            accept_each(l, move |s| ws_session(s, policy.clone()))
        })
    }
}

// ---------------------------------------------------------------- proxy software

/// `http_proxy` with credentials, a WebSocket server that works directly: ok, with a
/// warning naming the variable, and the password appears nowhere.
#[test]
fn proxy_variable_is_a_warning_without_its_password() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "proxyenv", 21);
    let ws = lab.ws_server();
    let target = format!("ws://{}/chat", ws.addr);
    let proxy = format!("http://user:s3cr3t-pw@{}:3128", ip(10, 211, 21, 9));
    let env = [("http_proxy", proxy.as_str())];

    let r = lab.client.check(&target, &[], &env);
    let v = assert_verdict(&r, "ok", None);
    let w = finding(&v, "warnings", "proxy.local-software");
    let redacted = format!("http://***@{}:3128", ip(10, 211, 21, 9));
    assert_eq!(w["args"]["via"], format!("http_proxy={redacted}").as_str());
    let e = evidence(w, "ev-proxy-env");
    assert_eq!(
        (e["args"]["var"].as_str(), e["args"]["value"].as_str()),
        (Some("http_proxy"), Some(redacted.as_str()))
    );
    assert_eq!(v["proxy"]["applies"][0], "http_proxy", "{:#}", v["proxy"]);
    for out in [&r.stdout, &r.stderr] {
        assert!(!out.contains("s3cr3t"), "the proxy password leaked:\n{out}");
    }
    // The text report too.
    let r = lab
        .client
        .run(&["check", &target, "--timeout", BUDGET], &env);
    assert_eq!(r.code, Some(0), "{}", r.describe());
    assert!(r.stdout.contains("***@"), "{}", r.describe());
    for out in [&r.stdout, &r.stderr] {
        assert!(!out.contains("s3cr3t"), "the proxy password leaked:\n{out}");
    }
}

/// The same proxy variable with a NO_PROXY entry (a CIDR block, as curl ≥ 7.86
/// reads it) covering the server: no warning, and the report says which entry.
#[test]
fn no_proxy_entry_bypasses_the_proxy() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "noproxy", 22);
    let ws = lab.ws_server();
    let target = format!("ws://{}/chat", ws.addr);
    let proxy = format!("http://user:s3cr3t-pw@{}:3128", ip(10, 211, 22, 9));
    let env = [
        ("http_proxy", proxy.as_str()),
        ("no_proxy", "localhost,10.211.22.0/24"),
    ];
    let r = lab.client.check(&target, &[], &env);
    let v = assert_verdict(&r, "ok", None);
    assert!(
        !warning_ids(&v).iter().any(|w| w == "proxy.local-software"),
        "{v:#}"
    );
    assert_eq!(
        v["proxy"]["bypassed_by"], "10.211.22.0/24",
        "{:#}",
        v["proxy"]
    );
    assert!(v["proxy"]["applies"].is_null());
    assert!(!r.stdout.contains("s3cr3t"));
}

/// A TUN device (no program behind it) holds a route covering the server, as a VPN
/// or a proxy program in TUN mode would: the SYNs vanish into the tunnel.
#[test]
fn tun_route_is_proxy_software() {
    let Some(t) = tools() else { return };
    if !std::path::Path::new("/dev/net/tun").exists() {
        assert!(
            skipping(),
            "`ip tuntap` needs /dev/net/tun (modprobe tun, or give the container the \
             device), or set CONNDOCTOR_SKIP_NETNS=1"
        );
        return;
    }
    let lab = Lab::new(t, "tun", 23);
    let l = lab.server.listen(SocketAddrV4::new(lab.server_ip(), 0));
    let addr = l.local_addr().unwrap();
    lab.client
        .ip(&["tuntap", "add", "dev", "tun0", "mode", "tun"]);
    lab.client.ip(&["link", "set", "tun0", "up"]);
    lab.client.ip(&[
        "route",
        "add",
        &format!("{}/32", lab.server_ip()),
        "dev",
        "tun0",
    ]);
    let r = lab.client.check(&addr.to_string(), &[], &[]);
    let v = r.json();
    assert_ne!(v["symptom"], "ok", "{}", r.describe());
    assert_eq!(v["proxy"]["tun_route"], "tun0", "{}", r.describe());
    assert_eq!(
        v["local"]["routes"][lab.server_ip().to_string()]["interface"],
        "tun0"
    );
    let c = finding(&v, "causes", "proxy.local-software");
    assert_eq!(c["confidence"], "high");
    assert_eq!(c["args"]["via"], "tun0");
    assert_eq!(evidence(c, "ev-tun-route")["args"]["iface"], "tun0");
}

// ---------------------------------------------------------------- CDN

/// The server namespace also owns 104.16.0.10 (inside Cloudflare's 104.16.0.0/13);
/// the client routes it over the veth.
fn cdn_lab(t: &'static Tools, test: &str, n: u8) -> Lab {
    let lab = Lab::new(t, test, n);
    lab.server
        .ip(&["addr", "add", "104.16.0.10/32", "dev", &lab.vs]);
    lab.client
        .ip(&["route", "add", "104.16.0.10/32", "dev", &lab.vc]);
    lab
}

/// Port 8282 is not one Cloudflare forwards; nftables on the "edge" drops it.
#[test]
fn cdn_port_not_proxied() {
    let Some(t) = tools() else { return };
    let lab = cdn_lab(t, "cdnport", 31);
    let _l = lab
        .server
        .listen(SocketAddrV4::new(Ipv4Addr::new(104, 16, 0, 10), 8282));
    lab.server.nft_port("input", 8282, "drop");
    let r = lab.client.check("104.16.0.10:8282", &[], &[]);
    let v = r.json();
    assert_eq!(v["symptom"], "timeout", "{}", r.describe());
    assert_eq!(v["cdn"][0]["provider"], "Cloudflare", "{:#}", v["cdn"]);
    assert_eq!(v["cdn"][0]["range"], "104.16.0.0/13");
    let c = finding(&v, "causes", "proxy.cdn-port-not-proxied");
    assert_eq!(c["confidence"], "high");
    assert_eq!(c["args"]["port"], 8282);
    assert_eq!(evidence(c, "ev-cdn-ports")["args"]["port"], 8282);
    let e = evidence(c, "ev-cdn-range");
    assert_eq!(
        (e["args"]["addr"].as_str(), e["args"]["range"].as_str()),
        (Some("104.16.0.10"), Some("104.16.0.0/13"))
    );
    finding(&v, "causes", "proxy.cdn");
    // The CDN's port list explains the silence better than "a firewall drops it",
    // which the side probes (RSTs on other ports) make equally confident.
    assert_eq!(
        cause_ids(&v).first().map(String::as_str),
        Some("proxy.cdn-port-not-proxied"),
        "proxy.cdn-port-not-proxied must rank first\n{}",
        r.describe()
    );
}

/// Port 8443 is forwarded: the connection works, and the CDN is a warning.
#[test]
fn cdn_forwarded_port_is_ok_with_a_warning() {
    let Some(t) = tools() else { return };
    let lab = cdn_lab(t, "cdnok", 32);
    let _l = lab
        .server
        .listen(SocketAddrV4::new(Ipv4Addr::new(104, 16, 0, 10), 8443));
    let r = lab.client.check("104.16.0.10:8443", &[], &[]);
    let v = assert_verdict(&r, "ok", None);
    let w = finding(&v, "warnings", "proxy.cdn");
    assert_eq!(w["args"]["cdn"], "Cloudflare");
    assert_eq!(evidence(w, "ev-cdn-range")["args"]["addr"], "104.16.0.10");
    assert!(
        !warning_ids(&v)
            .iter()
            .any(|w| w == "proxy.cdn-port-not-proxied")
    );
}

// ---------------------------------------------------------------- the path

/// client (10.211.N.2) — router (10.211.N.1 | 10.212.N.1) — server (10.212.N.2), with
/// forwarding on in the router and routes both ways, and a listener on the server.
struct PathLab {
    client: Netns,
    router: Netns,
    server: Netns,
    n: u8,
    _listener: std::net::TcpListener,
    port: u16,
}

impl PathLab {
    fn new(t: &'static Tools, test: &str, n: u8) -> PathLab {
        let client = Netns::new(t, test, "c");
        let router = Netns::new(t, test, "r");
        let server = Netns::new(t, test, "s");
        let pid = std::process::id();
        let name = |side: &str| format!("e{pid}-{n}{side}");
        veth(&client, &name("c"), &router, &name("a"));
        veth(&router, &name("b"), &server, &name("s"));
        let (c, r1) = (ip(10, 211, n, 2), ip(10, 211, n, 1));
        let (r2, s) = (ip(10, 212, n, 1), ip(10, 212, n, 2));
        client.ip(&["addr", "add", &format!("{c}/24"), "dev", &name("c")]);
        router.ip(&["addr", "add", &format!("{r1}/24"), "dev", &name("a")]);
        router.ip(&["addr", "add", &format!("{r2}/24"), "dev", &name("b")]);
        server.ip(&["addr", "add", &format!("{s}/24"), "dev", &name("s")]);
        router.sysctl("net.ipv4.ip_forward", "1");
        client.ip(&["route", "add", &format!("10.212.{n}.0/24"), "via", &r1]);
        server.ip(&["route", "add", &format!("10.211.{n}.0/24"), "via", &r2]);
        let l = server.listen(SocketAddrV4::new(Ipv4Addr::new(10, 212, n, 2), 0));
        let port = l.local_addr().unwrap().port();
        PathLab {
            client,
            router,
            server,
            n,
            _listener: l,
            port,
        }
    }

    fn target(&self) -> String {
        format!("{}:{}", ip(10, 212, self.n, 2), self.port)
    }

    /// What both drop cases report: a timeout, the server's host answering on other
    /// ports (RSTs), and the router as the last hop that answered the trace.
    fn assert_dies_after_the_router(&self, r: &Run) -> Value {
        let v = assert_verdict(r, "timeout", Some("timeout.filtered"));
        let router = ip(10, 211, self.n, 1);
        let server = ip(10, 212, self.n, 2);
        let c = finding(&v, "causes", "timeout.filtered");
        assert_eq!(c["confidence"], "high");
        assert_eq!(
            evidence(c, "ev-host-answers-elsewhere")["args"]["ip"],
            server.as_str()
        );
        let e = evidence(c, "ev-path-last-hop");
        assert_eq!(
            (e["args"]["ttl"].as_u64(), e["args"]["addr"].as_str()),
            (Some(1), Some(router.as_str())),
            "{e:#}"
        );
        let hops = v["trace"].as_array().expect("a hop list");
        assert_eq!(hops[0]["ttl"], 1);
        assert_eq!(hops[0]["kind"], "time-exceeded", "{hops:?}");
        assert_eq!(hops[0]["from"], router.as_str());
        assert!(
            hops[1..].iter().all(|h| h["kind"] == "silent"),
            "nothing beyond the router answers a SYN to this port: {hops:?}"
        );
        assert!(hops.len() <= 30);
        v
    }
}

/// nftables in the router's forward chain drops the port: the trace names the router
/// (hop 1, its address on the client's side) as the last hop that answers.
#[test]
fn path_dies_at_the_router() {
    let Some(t) = tools() else { return };
    let lab = PathLab::new(t, "pathrtr", 41);
    lab.router.nft_port("forward", lab.port, "drop");
    let r = lab.client.check(&lab.target(), &[], &[]);
    lab.assert_dies_after_the_router(&r);

    // Opting out: no hop list and no path evidence.
    let r = lab
        .client
        .check(&lab.target(), &["--no-trace", "--no-side-probes"], &[]);
    let v = assert_verdict(&r, "timeout", Some("timeout.filtered"));
    assert!(v["trace"].is_null(), "{:#}", v["trace"]);
    assert!(v["side_probes"].is_null());
    assert!(!r.stdout.contains("ev-path-"), "{}", r.describe());
}

/// nftables on the server itself drops the port. The SYNs with TTL ≥ 2 reach the
/// server and vanish there exactly as they vanished in the router before: a silent
/// drop looks the same from the client wherever it happens, so the trace still ends
/// at the router (hop 1). What the report adds honestly is that the server's host is
/// alive and answers on other ports (side probes), i.e. the port is filtered — not
/// which of the two machines filters it.
#[test]
fn path_dies_at_the_server() {
    let Some(t) = tools() else { return };
    let lab = PathLab::new(t, "pathsrv", 42);
    lab.server.nft_port("input", lab.port, "drop");
    let r = lab.client.check(&lab.target(), &[], &[]);
    let v = lab.assert_dies_after_the_router(&r);
    // The side probes went through the router and got RSTs from the server.
    let server = ip(10, 212, lab.n, 2);
    let side = v["side_probes"].as_array().expect("side probes ran");
    assert!(
        side.iter().any(|s| s["outcome"]["kind"] == "refused"
            && s["addr"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{server}:"))),
        "{side:?}"
    );
    // No claim that the server answered at some hop: it did not, on this port.
    let c = finding(&v, "causes", "timeout.filtered");
    assert!(
        !c["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "ev-path-target-answers"),
        "{c:#}"
    );
}

// ---------------------------------------------------------------- address families

/// The classic Node/wscat trap: `localhost` resolves to ::1 first, the server listens
/// on 127.0.0.1 only. The hosts file of the test's namespace gives localhost both
/// addresses, as most distributions do.
#[test]
fn localhost_ipv6_refused_while_ipv4_connects() {
    let Some(t) = tools() else { return };
    let ns = Netns::new(t, "family", "c");
    ns.etc_file("hosts", "::1 localhost\n127.0.0.1 localhost\n");
    let listener = ns.listen(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0));
    let port = listener.local_addr().expect("listener address").port();
    let run = ns.check(&format!("localhost:{port}"), &[], &[]);
    let v = run.json();
    let attempts = v["attempts"].as_array().expect("attempts");
    assert_eq!(attempts.len(), 2, "both addresses are tried: {v}");
    assert_eq!(attempts[0]["addr"], format!("[::1]:{port}"), "{v}");
    assert_eq!(attempts[0]["outcome"]["kind"], "refused", "{v}");
    assert_eq!(attempts[1]["outcome"]["kind"], "connected", "{v}");
    assert_eq!(v["symptom"], "refused", "{v}");
    assert_eq!(v["causes"][0]["id"], "refused.family-mismatch", "{v}");
    assert_eq!(run.code, Some(1));
}
