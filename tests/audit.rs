//! `conndoctor audit` in network namespaces (ARCHITECTURE.md, "Testing tiers", tier 3).
//!
//! Each test builds its own server namespace (and, for the firewall cases, a client
//! namespace joined to it by a veth pair, 10.211.0.1 ↔ 10.211.0.2), opens listeners
//! in it from a thread that joined it with setns, loads real nftables or iptables
//! rules into it, and runs the binary there with `ip netns exec`. The firewall cases
//! also connect from the client namespace, so the evaluator's verdict is checked
//! against what the kernel really does. Traffic only goes to loopback and to these
//! namespaces.
//!
//! Needs root, `ip` (iproute2), `nft` (nftables) and, for the iptables cases, one of
//! `iptables-nft` / `iptables-legacy` (iptables). Without them every test fails with a
//! message saying what is missing, unless `CONNDOCTOR_SKIP_NETNS=1` is set.

mod support;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use support::netns::{self, Netns, Tools, find_tool, must, skipping, tools};
use support::{BIN, cause, cause_ids, command, evidence, evidence_ids};

const SERVER_IP: &str = "10.211.0.1";
const CLIENT_IP: &str = "10.211.0.2";

// ---------------------------------------------------------------- the lab

/// A server namespace with eth0 = 10.211.0.1/24, joined to a client namespace
/// (10.211.0.2/24). `tag` is the test's, so concurrent tests and runs never meet.
struct Lab {
    server: Netns,
    client: Netns,
}

impl Lab {
    /// Namespaces `cd-audit-TAG-PID-s` and `cd-audit-TAG-PID-c`.
    fn new(tools: &'static Tools, tag: &str) -> Lab {
        let (server, client) = netns::server_and_client(
            tools,
            &format!("audit-{tag}"),
            &format!("{SERVER_IP}/24"),
            &format!("{CLIENT_IP}/24"),
        );
        Lab { server, client }
    }

    /// `conndoctor audit ARGS --json` inside the server namespace: (exit status,
    /// report), the exit status checked against the report's `ok`.
    fn audit(&self, args: &[&str]) -> (i32, Value) {
        let mut argv = vec!["audit"];
        argv.extend_from_slice(args);
        argv.push("--json");
        let r = self.server.run(&argv, &[]);
        let v = r.report();
        (r.code.expect("exit code"), v)
    }

    /// The text report of `conndoctor audit ARGS` inside the server namespace, in a
    /// language.
    fn audit_text(&self, args: &[&str], lang: &str) -> String {
        let mut argv = vec!["audit"];
        argv.extend_from_slice(args);
        argv.extend(["--lang", lang]);
        self.server.run(&argv, &[("NO_COLOR", "1")]).stdout
    }

    /// What a connect from the client namespace gets: `connected`, `refused`, `timeout`.
    fn connect_from_client(&self, port: u16) -> &'static str {
        let addr: SocketAddr = format!("{SERVER_IP}:{port}").parse().expect("addr");
        self.client.enter(
            || match TcpStream::connect_timeout(&addr, Duration::from_millis(700)) {
                Ok(_) => "connected",
                Err(e) if e.kind() == ErrorKind::ConnectionRefused => "refused",
                Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
                    "timeout"
                }
                Err(e) => panic!("connect {addr}: {e}"),
            },
        )
    }
}

// ---------------------------------------------------------------- report helpers

/// Argument `arg` of the evidence entry `id` of a finding.
fn evidence_arg<'a>(c: &'a Value, id: &str, arg: &str) -> &'a Value {
    &evidence(c, id)["args"][arg]
}

/// The firewall decision for port/eth0 in the evidence.
fn decision(v: &Value, port: u16) -> &Value {
    v["evidence"]["firewall"]["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .find(|d| d["port"] == port && d["iface"] == "eth0")
        .unwrap_or_else(|| panic!("no decision for {port} on eth0"))
}

// ---------------------------------------------------------------- listeners

#[test]
fn listener_on_all_addresses_is_reachable() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "all");
    let _l = lab.server.listen("0.0.0.0:8282");
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 0);
    assert_eq!(v["symptom"], "ok");
    assert!(cause_ids(&v).is_empty());
    let l = &v["evidence"]["listeners"][0];
    assert_eq!(l["addr"], "0.0.0.0:8282");
    assert_eq!(l["processes"][0]["pid"], std::process::id());
    let probes = v["evidence"]["self_probes"].as_array().expect("probes");
    for addr in ["127.0.0.1:8282", "10.211.0.1:8282"] {
        let p = probes.iter().find(|p| p["addr"] == addr).expect("probe");
        assert_eq!(p["outcome"]["kind"], "connected", "{addr}");
    }
    assert_eq!(lab.connect_from_client(8282), "connected");
    // The text report says the same, in another language too.
    let text = lab.audit_text(&["8282"], "en");
    assert!(
        text.contains("nothing on this machine stops clients"),
        "{text}"
    );
    let zh = lab.audit_text(&["8282"], "zh-CN");
    assert!(zh.contains("本机没有任何东西阻止客户端"), "{zh}");
}

#[test]
fn listener_on_ipv4_loopback_only() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "lo4");
    let _l = lab.server.listen("127.0.0.1:8282");
    let (code, v) = lab.audit(&["websocket://0.0.0.0:8282"]);
    assert_eq!(code, 1);
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.loopback-only");
    assert_eq!(
        cause(&v, "refused.loopback-only")["args"]["addr"],
        "10.211.0.1:8282"
    );
    assert_eq!(lab.connect_from_client(8282), "refused");
}

#[test]
fn listener_on_ipv6_loopback_only() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "lo6");
    let _l = lab.server.listen("[::1]:8282");
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["refused.loopback-only"]);
    assert_eq!(
        cause(&v, "refused.loopback-only")["args"]["bound"],
        "[::1]:8282"
    );
}

#[test]
fn listener_on_the_veth_address_is_not_the_configured_one() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "other");
    // A second address on the same interface, as a machine with two IPs has.
    lab.server
        .ip(&["addr", "add", "10.211.5.1/24", "dev", "eth0"]);
    let _l = lab.server.listen("10.211.0.1:8282");
    let (code, v) = lab.audit(&["10.211.5.1:8282"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["refused.other-address"]);
    let c = cause(&v, "refused.other-address");
    assert_eq!(c["args"]["bound"], "10.211.0.1:8282");
    assert_eq!(c["args"]["addr"], "10.211.5.1:8282");
    // The veth address itself works.
    let (code, _) = lab.audit(&["10.211.0.1:8282"]);
    assert_eq!(code, 0);
}

#[test]
fn nothing_listening_names_a_nearby_port() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "none");
    let _l = lab.server.listen("0.0.0.0:8283");
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["refused.not-listening"]);
    let c = cause(&v, "refused.not-listening");
    assert_eq!(evidence_arg(c, "audit-ev-nearby", "addr"), "0.0.0.0:8283");
    assert_eq!(lab.connect_from_client(8282), "refused");
}

#[test]
fn configured_public_address_is_not_on_this_machine() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nat");
    let (code, v) = lab.audit(&["websocket://203.0.113.50:8282"]);
    assert_eq!(code, 1);
    assert_eq!(
        cause_ids(&v),
        ["addr-not-avail.bind-not-local", "refused.not-listening"]
    );
    let c = cause(&v, "addr-not-avail.bind-not-local");
    assert!(evidence_ids(c).contains(&"audit-ev-nat".to_string()));
    assert!(
        c["fix"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("0.0.0.0:8282"))
    );
}

#[test]
fn ipv6_only_socket_refuses_ipv4_clients() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "v6only");
    let _l = lab.server.enter(|| {
        let s = socket2::Socket::new(socket2::Domain::IPV6, socket2::Type::STREAM, None)
            .expect("socket");
        s.set_only_v6(true).expect("v6only");
        s.bind(&"[::]:8282".parse::<SocketAddr>().expect("addr").into())
            .expect("bind");
        s.listen(16).expect("listen");
        s
    });
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["refused.family-mismatch"]);
    assert_eq!(v["evidence"]["listeners"][0]["v6only"], true);
    assert_eq!(lab.connect_from_client(8282), "refused");
}

// ---------------------------------------------------------------- nftables

const NFT_POLICY_DROP: &str = "table inet filter {
    chain input {
        type filter hook input priority filter; policy drop;
        ct state established,related accept
        iif lo accept
        tcp dport 22 accept
    }
}
";

#[test]
fn nft_policy_drop_with_an_accept_for_another_port() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nftpol");
    let _l = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(NFT_POLICY_DROP);
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(cause_ids(&v), ["timeout.filtered"]);
    let c = cause(&v, "timeout.filtered");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-policy", "chain"),
        "inet filter input"
    );
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-command", "cmd"),
        "nft add rule inet filter input tcp dport 8282 accept"
    );
    let d = decision(&v, 8282);
    assert_eq!(d["decision"]["verdict"], "drop");
    assert_eq!(d["decision"]["rule"]["position"], 0);
    // Port 22 is accepted by the third rule.
    let _ssh = lab.server.listen("0.0.0.0:22");
    let (code, v) = lab.audit(&["22"]);
    assert_eq!(code, 0);
    let r = &decision(&v, 22)["decision"]["rule"];
    assert_eq!(
        (r["chain"].as_str(), r["position"].as_u64()),
        (Some("input"), Some(3))
    );
    assert_eq!(r["text"], "tcp dport 22 accept");
    // The kernel agrees.
    assert_eq!(lab.connect_from_client(8282), "timeout");
    assert_eq!(lab.connect_from_client(22), "connected");
}

#[test]
fn nft_explicit_drop_for_the_port() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nftdrop");
    let _l = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(
        "table ip filter {
    chain INPUT {
        type filter hook input priority filter; policy accept;
        tcp dport 3306 drop
        tcp dport 8282 counter drop comment \"closed for maintenance\"
    }
}
",
    );
    let (_, v) = lab.audit(&["8282"]);
    let c = cause(&v, "timeout.filtered");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-rule", "chain"),
        "ip filter INPUT"
    );
    assert_eq!(evidence_arg(c, "audit-ev-fw-rule", "position"), 2);
    let text = evidence_arg(c, "audit-ev-fw-rule", "text")
        .as_str()
        .expect("text");
    assert!(text.starts_with("tcp dport 8282 counter packets"), "{text}");
    assert!(text.contains("closed for maintenance"), "{text}");
    let cmd = evidence_arg(c, "audit-ev-fw-command", "cmd")
        .as_str()
        .expect("cmd");
    assert!(
        cmd.starts_with("nft insert rule ip filter INPUT position "),
        "{cmd}"
    );
    assert_eq!(lab.connect_from_client(8282), "timeout");
}

#[test]
fn nft_reject_is_refused_not_filtered() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nftrej");
    let _l = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(
        "table inet fw {
    chain in {
        type filter hook input priority 0; policy accept;
        tcp dport { 8000-8100, 8282 } reject with tcp reset
    }
}
",
    );
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(v["symptom"], "refused");
    let c = cause(&v, "refused.firewall-reject");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-rule", "text"),
        "tcp dport { 8000-8100, 8282 } reject with tcp reset"
    );
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-reject-with", "with"),
        "tcp reset"
    );
    assert_eq!(lab.connect_from_client(8282), "refused");
}

#[test]
fn nft_set_of_allowed_ports() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nftset");
    let _a = lab.server.listen("0.0.0.0:8282");
    let _b = lab.server.listen("0.0.0.0:9000");
    lab.server.nft(
        "table inet filter {
    set allowed {
        type inet_service
        flags interval
        elements = { 22, 80, 443, 8280-8290 }
    }
    chain input {
        type filter hook input priority filter; policy drop;
        ct state { established, related } accept
        iifname \"lo\" accept
        tcp dport @allowed ct state new accept
    }
}
",
    );
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 0, "8282 is in the set");
    assert_eq!(
        decision(&v, 8282)["decision"]["rule"]["text"],
        "tcp dport @allowed ct state new accept"
    );
    let (code, v) = lab.audit(&["9000"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["timeout.filtered"]);
    assert_eq!(lab.connect_from_client(8282), "connected");
    assert_eq!(lab.connect_from_client(9000), "timeout");
}

#[test]
fn nft_accept_only_from_some_sources() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nftsrc");
    let _l = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(
        "table inet filter {
    chain input {
        type filter hook input priority filter; policy drop;
        iif lo accept
        ip saddr 10.211.0.0/24 tcp dport 8282 accept
    }
}
",
    );
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    let c = cause(&v, "timeout.filtered");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-only-from", "text"),
        "ip saddr 10.211.0.0/24 tcp dport 8282 accept"
    );
    // For the client's own address the rule applies.
    let (code, _) = lab.audit(&["8282", "--from", CLIENT_IP]);
    assert_eq!(code, 0);
    assert_eq!(lab.connect_from_client(8282), "connected");
}

// ---------------------------------------------------------------- iptables

/// `iptables-nft` or `iptables-legacy`, whichever works in a fresh namespace here.
fn iptables(ns: &Netns) -> Option<PathBuf> {
    ["iptables-nft", "iptables-legacy", "iptables"]
        .iter()
        .filter_map(|n| find_tool(n))
        .find(|p| {
            ns.exec(p)
                .arg("-S")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

fn need_iptables(ns: &Netns) -> Option<PathBuf> {
    match iptables(ns) {
        Some(p) => Some(p),
        None if skipping() => {
            eprintln!("note: iptables case skipped (CONNDOCTOR_SKIP_NETNS=1): no working iptables");
            None
        }
        None => panic!(
            "no working iptables-nft / iptables-legacy (Debian package iptables); install it \
             or set CONNDOCTOR_SKIP_NETNS=1"
        ),
    }
}

#[test]
fn iptables_drop_names_the_rule() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "iptdrop");
    let Some(ipt) = need_iptables(&lab.server) else {
        return;
    };
    let _l = lab.server.listen("0.0.0.0:8282");
    for args in [
        ["-A", "INPUT", "-i", "lo", "-j", "ACCEPT"].as_slice(),
        &["-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT"],
        &["-A", "INPUT", "-p", "tcp", "--dport", "8282", "-j", "DROP"],
    ] {
        must(lab.server.exec(&ipt).args(args));
    }
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(cause_ids(&v), ["timeout.filtered"]);
    let c = cause(&v, "timeout.filtered");
    assert_eq!(evidence_arg(c, "audit-ev-fw-rule", "chain"), "filter INPUT");
    assert_eq!(evidence_arg(c, "audit-ev-fw-rule", "position"), 3);
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-rule", "text"),
        "-A INPUT -p tcp -m tcp --dport 8282 -j DROP"
    );
    let source = evidence_arg(c, "audit-ev-fw-rule", "source")
        .as_str()
        .expect("source");
    assert!(source.starts_with("iptables-"), "{source}");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-command", "cmd"),
        "iptables -t filter -I INPUT 3 -p tcp --dport 8282 -j ACCEPT"
    );
    assert_eq!(lab.connect_from_client(8282), "timeout");
}

#[test]
fn iptables_reject_and_policy_drop() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "iptrej");
    let Some(ipt) = need_iptables(&lab.server) else {
        return;
    };
    let _a = lab.server.listen("0.0.0.0:8282");
    let _b = lab.server.listen("0.0.0.0:9090");
    for args in [
        ["-P", "INPUT", "DROP"].as_slice(),
        &["-A", "INPUT", "-i", "lo", "-j", "ACCEPT"],
        &[
            "-A",
            "INPUT",
            "-m",
            "conntrack",
            "--ctstate",
            "RELATED,ESTABLISHED",
            "-j",
            "ACCEPT",
        ],
        &[
            "-A",
            "INPUT",
            "-p",
            "tcp",
            "-m",
            "multiport",
            "--dports",
            "8000:8300",
            "-j",
            "REJECT",
            "--reject-with",
            "tcp-reset",
        ],
    ] {
        must(lab.server.exec(&ipt).args(args));
    }
    let (_, v) = lab.audit(&["8282"]);
    let c = cause(&v, "refused.firewall-reject");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-reject-with", "with"),
        "tcp-reset"
    );
    assert_eq!(lab.connect_from_client(8282), "refused");
    let (_, v) = lab.audit(&["9090"]);
    let c = cause(&v, "timeout.filtered");
    assert_eq!(
        evidence_arg(c, "audit-ev-fw-policy", "chain"),
        "filter INPUT"
    );
    assert_eq!(lab.connect_from_client(9090), "timeout");
}

// ---------------------------------------------------------------- capacity

#[test]
fn full_accept_queue_and_rising_overflow_counter() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "queue");
    // A server that never accepts, with a backlog of 1: the queue holds two
    // connections, and every further SYN is dropped and counted.
    let (_listener, _clients) = lab.server.enter(|| {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        s.bind(&"0.0.0.0:8282".parse::<SocketAddr>().expect("addr").into())
            .expect("bind");
        s.listen(1).expect("listen");
        let dst: SocketAddr = "127.0.0.1:8282".parse().expect("addr");
        let clients: Vec<_> = (0..3)
            .filter_map(|_| TcpStream::connect_timeout(&dst, Duration::from_millis(300)).ok())
            .collect();
        (s, clients)
    });
    let (code, v) = lab.audit(&["8282"]);
    assert_eq!(code, 1);
    assert_eq!(v["symptom"], "timeout");
    let c = cause(&v, "timeout.accept-queue-full");
    assert_eq!(c["confidence"], "high");
    let rising = evidence_arg(c, "audit-ev-overflows-rising", "count")
        .as_u64()
        .expect("count");
    assert!(rising > 0);
    let (before, after) = (
        &v["evidence"]["capacity"]["listen_overflows"][0],
        &v["evidence"]["capacity"]["listen_overflows"][1],
    );
    assert!(after.as_u64() > before.as_u64(), "{before} → {after}");
    assert_eq!(v["evidence"]["listeners"][0]["backlog"], 1);
}

// ---------------------------------------------------------------- protocol

#[test]
fn websocket_named_but_the_port_answers_plain_http() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "proto");
    let listener = lab.server.listen("0.0.0.0:8282");
    // A plain HTTP server: whatever comes, 200 and a page.
    std::thread::spawn(move || {
        for s in listener.incoming().take(16) {
            let Ok(mut s) = s else { continue };
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nServer: plain-test\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi",
            );
        }
    });
    let (code, v) = lab.audit(&["websocket://0.0.0.0:8282"]);
    assert_eq!(code, 1);
    assert_eq!(v["symptom"], "mismatch");
    let c = cause(&v, "mismatch.ws-to-http");
    assert_eq!(c["args"]["status"], 200);
    assert_eq!(c["args"]["server"], "plain-test");
}

// ---------------------------------------------------------------- panels and clouds

/// A fake root with DMI strings and a BT panel install path.
fn fake_root(vendor: &str, product: &str, panel: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let dmi = dir.path().join("sys/class/dmi/id");
    std::fs::create_dir_all(&dmi).expect("mkdir dmi");
    std::fs::write(dmi.join("sys_vendor"), format!("{vendor}\n")).expect("write");
    std::fs::write(dmi.join("product_name"), format!("{product}\n")).expect("write");
    if panel {
        std::fs::create_dir_all(dir.path().join("www/server/panel/BTPanel")).expect("mkdir bt");
    }
    dir
}

#[test]
fn cloud_panel_and_firewall_in_packet_order() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "cloud");
    let _l = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(NFT_POLICY_DROP);
    let root = fake_root("Alibaba Cloud", "Alibaba Cloud ECS", true);
    let sysroot = root.path().to_str().expect("utf-8 path");
    let (code, v) = lab.audit(&["8282", "--sysroot", sysroot]);
    assert_eq!(code, 1);
    assert_eq!(
        cause_ids(&v),
        [
            "timeout.security-group",
            "timeout.panel-firewall",
            "timeout.filtered"
        ]
    );
    assert_eq!(v["evidence"]["cloud"]["provider"], "alibaba");
    assert_eq!(cause(&v, "timeout.panel-firewall")["args"]["panel"], "bt");
    let fix = cause(&v, "timeout.security-group")["fix"]["message"]
        .as_str()
        .expect("fix");
    assert!(fix.contains("Security Groups"), "{fix}");
    let zh = lab.audit_text(&["8282", "--sysroot", sysroot], "zh-CN");
    assert!(zh.contains("阿里云安全组"), "{zh}");
    assert!(zh.contains("宝塔面板"), "{zh}");
}

#[test]
fn on_a_cloud_with_an_open_port_the_security_group_is_a_warning() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "cloudok");
    let _l = lab.server.listen("0.0.0.0:8282");
    let root = fake_root("Tencent Cloud", "CVM", false);
    let sysroot = root.path().to_str().expect("utf-8 path");
    let (code, v) = lab.audit(&["8282", "--sysroot", sysroot]);
    assert_eq!(code, 0);
    assert!(cause_ids(&v).is_empty());
    assert_eq!(v["warnings"][0]["id"], "timeout.security-group");
    assert_eq!(v["warnings"][0]["args"]["provider"], "tencent");
}

// ---------------------------------------------------------------- without root

#[test]
fn without_root_says_what_it_could_not_read() {
    let Some(t) = tools() else { return };
    let Some(setpriv) = find_tool("setpriv") else {
        assert!(skipping(), "setpriv (Debian package util-linux) is needed");
        return;
    };
    let lab = Lab::new(t, "noroot");
    lab.server.nft(NFT_POLICY_DROP);
    let _l = lab.server.listen("0.0.0.0:8282");
    // A copy of the binary that user nobody may execute, wherever the build lives.
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("conndoctor");
    std::fs::copy(BIN, &bin).expect("copy binary");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let o = lab
        .server
        .exec(&setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .args(["audit", "8282", "--json"])
        .output()
        .expect("run as nobody");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    assert_eq!(v["evidence"]["root"], false);
    let sources = v["evidence"]["firewall"]["sources"]
        .as_array()
        .expect("sources");
    let nft = sources
        .iter()
        .find(|s| s["tool"] == "nft")
        .expect("nft source");
    assert_eq!(nft["state"], "denied");
    // The socket owner is known from the kernel; its process is not.
    let l = &v["evidence"]["listeners"][0];
    assert_eq!(l["uid"], 0);
    assert!(l["processes"].as_array().is_some_and(Vec::is_empty));
    assert!(v["evidence"]["hidden_processes"].as_u64() > Some(0));
    // Nothing it could see is wrong, so no verdict is invented for the firewall.
    assert!(cause_ids(&v).is_empty());
}

// ---------------------------------------------------------------- every listener, input

#[test]
fn every_listener_view() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "inv");
    let _a = lab.server.listen("0.0.0.0:2222");
    let _b = lab.server.listen("127.0.0.1:3306");
    let (code, v) = lab.audit(&[]);
    assert_eq!(code, 0, "binding to loopback is often meant");
    let ports: Vec<u64> = v["ports"]
        .as_array()
        .expect("ports")
        .iter()
        .filter_map(|p| p["port"].as_u64())
        .collect();
    assert_eq!(ports, [2222, 3306]);
    assert_eq!(v["ports"][1]["causes"][0]["id"], "refused.loopback-only");
}

#[test]
fn every_listener_view_reports_a_firewalled_port_as_a_problem() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "invfw");
    let _a = lab.server.listen("0.0.0.0:2222");
    let _b = lab.server.listen("0.0.0.0:8282");
    lab.server.nft(
        "table ip filter {
    chain INPUT {
        type filter hook input priority filter; policy accept;
        tcp dport 8282 drop
    }
}
",
    );
    let (code, v) = lab.audit(&[]);
    assert_eq!(code, 1, "a dropped port is a problem: {v}");
    let port = v["ports"]
        .as_array()
        .expect("ports")
        .iter()
        .find(|p| p["port"] == 8282)
        .expect("port 8282 audited");
    assert_eq!(port["causes"][0]["id"], "timeout.filtered", "{v}");
    let text = lab.audit_text(&[], "en");
    let summary = text
        .lines()
        .find(|l| l.contains("listening ports checked"))
        .unwrap_or_default();
    assert!(
        summary.contains("one has a problem (port 8282)"),
        "the summary names the port: {text}"
    );
}

#[test]
fn bad_input_exits_2() {
    for args in [
        vec!["audit", "0"],
        vec!["audit", "99999"],
        vec!["audit", "nope://x:1"],
        vec!["audit", "8282", "--from", "not-an-ip"],
        vec!["audit", "8282", "--sysroot", "/nonexistent/conndoctor"],
        vec!["audit", "8282", "--timeout", "soon"],
    ] {
        let o = command(&args).output().expect("run");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
}
