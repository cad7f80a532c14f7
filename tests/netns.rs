//! Network-namespace integration tests (ARCHITECTURE.md, "Testing tiers", tier 3).
//!
//! Each test builds its own little network: a server namespace and a client namespace
//! joined by a veth pair, with addresses from 10.210.N.0/24 configured only inside
//! them. Firewalls are nftables rules inside the server namespace. The binary runs in
//! the client namespace through `ip netns exec`. Traffic only ever goes to loopback or
//! to namespaces the test created; the addresses outside 10.210.0.0/16 used below
//! (10.99.0.1, 10.98.0.5) are dialled from a client namespace whose only link leads
//! into the test's own server namespace, so their packets cannot leave it.
//!
//! Needs root, `ip` (iproute2) and `nft` (nftables). Without them every test fails with
//! a message saying what is missing, unless `CONNDOCTOR_SKIP_NETNS=1` is set.

mod support;

use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener, TcpStream};
use std::path::Path;
use std::time::Duration;

use serde_json::Value;
use support::netns::{Netns, Tools, tools, veth};
use support::{cause, cause_ids, evidence};

// ---------------------------------------------------------------- the lab

/// Two namespaces joined by a veth pair: server 10.210.N.1/24, client 10.210.N.2/24.
struct Lab {
    client: Netns,
    server: Netns,
    server_ip: Ipv4Addr,
}

impl Lab {
    /// Namespaces `cd-NAME-PID-s` and `cd-NAME-PID-c` (`name` is the test's, so
    /// concurrent tests and concurrent runs never meet); `subnet` is N in
    /// 10.210.N.0/24, one per test, and also keeps the veth names (at most 15 bytes)
    /// unique.
    fn new(tools: &'static Tools, name: &str, subnet: u8) -> Lab {
        let client = Netns::new(tools, name, "c");
        let server = Netns::new(tools, name, "s");
        let pid = std::process::id();
        let (vs, vc) = (format!("v{pid}-{subnet}s"), format!("v{pid}-{subnet}c"));
        veth(&server, &vs, &client, &vc);
        let server_ip = Ipv4Addr::new(10, 210, subnet, 1);
        let client_ip = Ipv4Addr::new(10, 210, subnet, 2);
        server.ip(&["addr", "add", &format!("{server_ip}/24"), "dev", &vs]);
        client.ip(&["addr", "add", &format!("{client_ip}/24"), "dev", &vc]);
        Lab {
            client,
            server,
            server_ip,
        }
    }

    /// A listener inside the server namespace.
    fn listen(&self, ip: Ipv4Addr, port: u16) -> (TcpListener, SocketAddrV4) {
        let l = self.server.listen(SocketAddrV4::new(ip, port));
        let SocketAddr::V4(a) = l.local_addr().unwrap() else {
            unreachable!()
        };
        (l, a)
    }
}

/// `conndoctor check TARGET --json --timeout 1s` inside `ns`: the report, whose `ok`
/// the exit status agrees with.
fn check(ns: &Netns, target: &str) -> Value {
    ns.run(&["check", target, "--json", "--timeout", "1s"], &[])
        .report()
}

// ---------------------------------------------------------------- cases

/// a) The server host is up (its other ports answer with RSTs) but a DROP rule
///    swallows SYNs to this port.
#[test]
fn nft_drop_is_filtered() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "drop", 1);
    let (_l, addr) = lab.listen(lab.server_ip, 0);
    lab.server.nft_port("input", addr.port(), "drop");
    let v = check(&lab.client, &addr.to_string());
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(cause_ids(&v)[0], "timeout.filtered");
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "timed-out");
    // The side probes reached the live host on other ports and got RSTs.
    let e = evidence(cause(&v, "timeout.filtered"), "ev-host-answers-elsewhere");
    assert_eq!(e["args"]["ip"], lab.server_ip.to_string().as_str());
    assert!(e["args"]["ports"].as_str().unwrap().contains("RST"), "{e}");
    let side = v["side_probes"].as_array().expect("side probes ran");
    assert!(side.iter().any(|s| {
        let a: SocketAddr = s["addr"].as_str().unwrap().parse().unwrap();
        s["outcome"]["kind"] == "refused" && a.ip() == lab.server_ip
    }));
}

/// b) A REJECT rule answers the SYN with ICMP port-unreachable from the server host.
#[test]
fn nft_reject_is_a_firewall_reject() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "reject", 2);
    let (_l, addr) = lab.listen(lab.server_ip, 0);
    lab.server.nft_port("input", addr.port(), "reject");
    let v = check(&lab.client, &addr.to_string());
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.firewall-reject");
    let icmp = &v["attempts"][0]["icmp"];
    assert_eq!(icmp["origin"], lab.server_ip.to_string().as_str(), "{icmp}");
    assert_eq!(icmp["v6"], false);
    assert_eq!(
        (icmp["type"].as_u64(), icmp["code"].as_u64()),
        (Some(3), Some(3))
    );
    let e = evidence(cause(&v, "refused.firewall-reject"), "ev-icmp-error");
    assert_eq!(e["args"]["origin"], lab.server_ip.to_string().as_str());
}

/// c) A server bound to 127.0.0.1 inside the server namespace: a remote client only
///    sees a RST; on the server itself the listener table shows why.
#[test]
fn loopback_bound_server() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "loopback", 3);
    let (_l, bound) = lab.listen(Ipv4Addr::LOCALHOST, 0);
    let target = SocketAddrV4::new(lab.server_ip, bound.port()).to_string();

    let v = check(&lab.client, &target);
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.not-listening");
    assert!(v["attempts"][0]["icmp"].is_null(), "a RST, not ICMP");
    let e = evidence(cause(&v, "refused.not-listening"), "ev-rst-from-target");
    assert_eq!(e["args"]["addr"], target.as_str());
    // From outside, loopback-only can only be offered as an alternative.
    assert!(cause_ids(&v).iter().any(|c| c == "refused.loopback-only"));

    let v = check(&lab.server, &target);
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.loopback-only");
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["causes"][0]["args"]["bound"], bound.to_string().as_str());
    let e = evidence(cause(&v, "refused.loopback-only"), "ev-listener-elsewhere");
    assert_eq!(e["args"]["bound"], bound.to_string().as_str());
}

/// d) Ten local ports, ten connections held open to the server: the next connect to
///    the same address:port cannot get a local port.
#[test]
fn tiny_port_range_is_exhausted() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "ports", 4);
    // The default backlog (128) completes all ten handshakes without accept().
    let (_l, addr) = lab.listen(lab.server_ip, 0);
    lab.client
        .sysctl("net.ipv4.ip_local_port_range", "40000 40009");
    let held: Vec<TcpStream> = lab.client.enter(|| {
        let held: Vec<TcpStream> = (0..10)
            .map(|i| {
                TcpStream::connect_timeout(&addr.into(), Duration::from_secs(2))
                    .unwrap_or_else(|e| panic!("connection {i}: {e}"))
            })
            .collect();
        // The set-up itself: the eleventh connect must find no port.
        let e = TcpStream::connect_timeout(&addr.into(), Duration::from_secs(2))
            .expect_err("an 11th connection got a port; the range is not exhausted");
        assert_eq!(e.raw_os_error(), Some(libc::EADDRNOTAVAIL), "{e}");
        held
    });
    assert_eq!(held.len(), 10);

    let v = check(&lab.client, &addr.to_string());
    assert_eq!(v["symptom"], "addr-not-avail");
    assert_eq!(cause_ids(&v)[0], "addr-not-avail.ephemeral-exhausted");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "addr-not-available");
    let e = evidence(
        cause(&v, "addr-not-avail.ephemeral-exhausted"),
        "ev-ports-in-use",
    );
    assert_eq!(e["args"]["used"], 10.0, "{e}");
    assert_eq!(e["args"]["size"], 10.0, "{e}");
    assert_eq!(
        (e["args"]["lo"].as_f64(), e["args"]["hi"].as_f64()),
        (Some(40000.0), Some(40009.0))
    );
    drop(held);
}

/// A connect from ephemeral port P to this machine's own port P connects the socket to
/// itself although nothing listens (a sweep of every local port meets it). With a
/// one-port range the kernel must pick P, so the self-connect happens every time; the
/// verdict must still be "nothing listens", never a working connection.
#[test]
fn a_self_connect_is_not_a_listener() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "selfconn", 6);
    lab.client
        .sysctl("net.ipv4.ip_local_port_range", "40123 40123");
    let target = "127.0.0.1:40123";
    // The set-up itself: a plain connect does connect to itself.
    let selfed = lab.client.enter(|| {
        TcpStream::connect_timeout(&target.parse().expect("addr"), Duration::from_secs(2))
            .ok()
            .and_then(|s| {
                // Reset, not closed: a TIME_WAIT would take the only port.
                socket2::SockRef::from(&s)
                    .set_linger(Some(Duration::ZERO))
                    .ok()?;
                Some(s.local_addr().ok()? == s.peer_addr().ok()?)
            })
    });
    assert_eq!(
        selfed,
        Some(true),
        "the one-port range did not force a self-connect"
    );
    let v = check(&lab.client, target);
    assert_eq!(v["symptom"], "refused", "{v}");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.not-listening");
}

/// e) The client has only its /24 and no default route: no route at all to 10.99.0.1.
#[test]
fn no_route_is_unreachable() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "noroute", 5);
    let v = check(&lab.client, "10.99.0.1:80");
    assert_eq!(v["symptom"], "unreachable");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "net-unreachable");
    let ids = cause_ids(&v);
    assert_eq!(ids[0], "unreachable.no-route");
    assert!(
        ids.iter().any(|c| c == "timeout.private-unroutable"),
        "{ids:?}"
    );
    assert_eq!(
        v["local"]["routes"].get("10.99.0.1"),
        Some(&Value::Null),
        "the route lookup found no route"
    );
    evidence(cause(&v, "unreachable.no-route"), "ev-no-route-at-all");
}

/// f) The client's default route leads into the server namespace, which does not
///    forward: SYNs to another private network vanish.
#[test]
fn private_address_via_default_route_times_out() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "unroutable", 6);
    // New namespaces may inherit IPv4 settings from the initial one: force it off.
    lab.server.sysctl("net.ipv4.ip_forward", "0");
    lab.client
        .ip(&["route", "add", "default", "via", &lab.server_ip.to_string()]);
    let v = check(&lab.client, "10.98.0.5:80");
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "timed-out");
    assert_eq!(cause_ids(&v)[0], "timeout.private-unroutable");
    assert_eq!(v["causes"][0]["confidence"], "high");
    let e = evidence(
        cause(&v, "timeout.private-unroutable"),
        "ev-only-default-route",
    );
    assert_eq!(e["args"]["gateway"], lab.server_ip.to_string().as_str());
}

/// The guard really removes what it made, also when the test body panics.
#[test]
fn namespaces_are_removed_after_a_panic() {
    let Some(t) = tools() else { return };
    let pid = std::process::id();
    let names = [format!("cd-guard-{pid}-c"), format!("cd-guard-{pid}-s")];
    let r = std::panic::catch_unwind(|| {
        let _lab = Lab::new(t, "guard", 7);
        for n in &names {
            assert!(Path::new("/var/run/netns").join(n).exists());
        }
        panic!("deliberate");
    });
    assert!(r.is_err());
    for n in &names {
        let p = Path::new("/var/run/netns").join(n);
        match std::fs::metadata(&p) {
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            other => panic!("{} still exists after the panic: {other:?}", p.display()),
        }
    }
}
