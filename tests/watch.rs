//! `conndoctor audit --watch PORT` in network namespaces (ARCHITECTURE.md, "Testing
//! tiers", tier 3): where a client's SYNs stop, told apart on the server.
//!
//! Each test builds its own namespaces: a client joined by a veth pair to the server
//! (10.212.0.2 → 10.212.0.1), or through a router namespace whose nftables forward
//! chain drops the port (the "security group"). The real binary runs `audit --watch`
//! in the server namespace through `ip netns exec`; once it says it is watching, the
//! test connects from the client namespace (a plain socket, or `conndoctor check`),
//! then ends the watch with SIGINT, as Ctrl-C would, and reads the JSON verdict.
//! Traffic only goes to these namespaces.
//!
//! Needs root, `ip` (iproute2), `nft` (nftables) and, for the iptables cases,
//! `iptables` (iptables-nft or iptables-legacy). Without them every test fails with a
//! message saying what is missing, unless `CONNDOCTOR_SKIP_NETNS=1` is set.

mod support;

use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::netns::{self, Netns, Tools, find_tool, must, skipping, tools, veth};
use support::{BIN, clean_env, evidence, run};

const SERVER_IP: &str = "10.212.0.1";
const CLIENT_IP: &str = "10.212.0.2";
const PORT: u16 = 8282;

// ---------------------------------------------------------------- the lab

/// A server namespace (eth0 10.212.0.1/24) and a client namespace (eth0 10.212.0.2/24)
/// joined by a veth pair.
struct Lab {
    server: Netns,
    client: Netns,
}

impl Lab {
    fn new(t: &'static Tools, tag: &str) -> Lab {
        let (server, client) = netns::server_and_client(
            t,
            &format!("watch-{tag}"),
            &format!("{SERVER_IP}/24"),
            &format!("{CLIENT_IP}/24"),
        );
        Lab { server, client }
    }
}

/// What a connect from `ns` (from `src`, or the default address) to `dst` got, and
/// the source port it used.
fn connect_from(ns: &Netns, src: Option<&str>, dst: &str, wait: Duration) -> (u16, &'static str) {
    let dst: SocketAddr = dst.parse().expect("dst");
    ns.enter(|| {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        let bind: SocketAddr = format!("{}:0", src.unwrap_or("0.0.0.0"))
            .parse()
            .expect("src");
        s.bind(&bind.into()).expect("bind");
        let sport = s
            .local_addr()
            .expect("local addr")
            .as_socket()
            .expect("inet")
            .port();
        let outcome = match s.connect_timeout(&dst.into(), wait) {
            Ok(()) => "connected",
            Err(e) if e.kind() == ErrorKind::ConnectionRefused => "refused",
            Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => "timeout",
            Err(e) => panic!("connect {dst}: {e}"),
        };
        (sport, outcome)
    })
}

/// `conndoctor audit --watch PORT --json ...` running in the server namespace.
struct Watch {
    child: Child,
    stderr: mpsc::Receiver<String>,
    stdout: std::thread::JoinHandle<String>,
    seen: Vec<String>,
}

impl Watch {
    /// Starts the watch and waits for its "watching" line, so that the packets sent
    /// after it are seen.
    fn start(ns: &Netns, extra: &[&str]) -> Watch {
        let port = PORT.to_string();
        let mut c = ns.exec(BIN);
        c.args(["audit", "--watch", &port, "--json", "--duration", "60s"])
            .args(extra);
        clean_env(&mut c);
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().expect("spawn conndoctor audit --watch");
        let mut out = child.stdout.take().expect("stdout");
        let stdout = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = out.read_to_string(&mut s);
            s
        });
        let err = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut w = Watch {
            child,
            stderr: rx,
            stdout,
            seen: Vec::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match w
                .stderr
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) => {
                    let ready = line.contains("watching TCP port");
                    w.seen.push(line);
                    if ready {
                        return w;
                    }
                }
                Err(_) => {
                    let _ = w.child.kill();
                    panic!(
                        "audit --watch did not say it was watching:\n{}",
                        w.seen.join("\n")
                    );
                }
            }
        }
    }

    /// Ends the watch as Ctrl-C does and returns its JSON report; the exit status must
    /// agree with `ok`.
    fn finish(mut self) -> Value {
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.child.id()).expect("pid"));
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).expect("SIGINT");
        let deadline = Instant::now() + Duration::from_secs(30);
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                break s;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("audit --watch did not end after SIGINT");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stdout = self.stdout.join().expect("stdout reader");
        self.seen.extend(self.stderr.try_iter());
        let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!(
                "audit --watch: stdout is not JSON ({e}):\n{stdout}\nstderr:\n{}",
                self.seen.join("\n")
            )
        });
        let want = if v["ok"] == true { 0 } else { 1 };
        assert_eq!(status.code(), Some(want), "exit status vs ok:\n{v:#}");
        v
    }
}

/// The one client entry of the report (the test watches one client).
fn client_entry<'a>(v: &'a Value, ip: &str) -> &'a Value {
    v["clients"]
        .as_array()
        .expect("clients")
        .iter()
        .find(|c| c["client"] == ip)
        .unwrap_or_else(|| panic!("no client {ip} in\n{v:#}"))
}

fn ports(trace: &Value) -> Vec<u64> {
    trace["source_ports"]
        .as_array()
        .expect("source_ports")
        .iter()
        .filter_map(Value::as_u64)
        .collect()
}

/// `iptables-nft` or `iptables-legacy`, whichever works in a fresh namespace here.
fn need_iptables(ns: &Netns) -> Option<PathBuf> {
    let found = ["iptables-nft", "iptables-legacy", "iptables"]
        .iter()
        .filter_map(|n| find_tool(n))
        .find(|p| {
            ns.exec(p)
                .arg("-S")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
    match found {
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

fn dst() -> String {
    format!("{SERVER_IP}:{PORT}")
}

const SHORT: Duration = Duration::from_millis(1500);

// ---------------------------------------------------------------- scenarios

/// The "security group": a router namespace between client and server whose forward
/// chain drops TCP 8282 from the client's address. `check` on the client times out
/// and prints the watch to run with its source ports; the watch on the server, told
/// that address, says the packets never arrived. A second address of the client,
/// which the router lets through, shows the capture sees what does arrive.
#[test]
fn upstream_drop_never_arrives() {
    let Some(t) = tools() else { return };
    let client = Netns::new(t, "watch-sg", "c");
    let router = Netns::new(t, "watch-sg", "r");
    let server = Netns::new(t, "watch-sg", "s");
    veth(&client, "eth0", &router, "eth0");
    veth(&router, "eth1", &server, "eth0");
    client.ip(&["addr", "add", "10.212.1.2/24", "dev", "eth0"]);
    client.ip(&["addr", "add", "10.212.1.3/24", "dev", "eth0"]);
    client.ip(&["route", "add", "default", "via", "10.212.1.1"]);
    router.ip(&["addr", "add", "10.212.1.1/24", "dev", "eth0"]);
    router.ip(&["addr", "add", "10.212.0.254/24", "dev", "eth1"]);
    router.sysctl("net.ipv4.ip_forward", "1");
    server.ip(&["addr", "add", &format!("{SERVER_IP}/24"), "dev", "eth0"]);
    server.ip(&["route", "add", "default", "via", "10.212.0.254"]);
    router.nft(&format!(
        "table inet sg {{
            chain forward {{
                type filter hook forward priority 0; policy accept;
                ip saddr 10.212.1.2 tcp dport {PORT} drop
            }}
        }}"
    ));
    let _l = server.listen(format!("0.0.0.0:{PORT}"));

    let w = Watch::start(&server, &["--from", "10.212.1.2"]);
    let check = client.check(&dst(), &["--no-side-probes"], &[]);
    let (_, other) = connect_from(&client, Some("10.212.1.3"), &dst(), SHORT);
    let v = w.finish();

    // The client's side: a timeout, and the watch to run there with its source port.
    let c = check.report();
    assert_eq!(c["symptom"], "timeout", "{c:#}");
    let hint = &c["watch_hint"];
    assert_eq!(
        hint["command"],
        format!("conndoctor audit --watch {PORT} --from 10.212.1.2"),
        "{c:#}"
    );
    let sent: Vec<u64> = hint["source_ports"]
        .as_array()
        .expect("source_ports")
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    assert!(!sent.is_empty(), "{hint}");

    // The server's side: nothing from 10.212.1.2 arrived, 10.212.1.3 did.
    assert_eq!(v["verdict"], "watch.never-arrived", "{v:#}");
    assert_eq!(v["causes"][0]["args"]["client"], "10.212.1.2");
    assert_eq!(other, "connected");
    assert_eq!(v["evidence"]["other_clients"][0], "10.212.1.3", "{v:#}");
    let e = evidence(&v["causes"][0], "watch-ev-others");
    assert_eq!(e["args"]["addrs"], "10.212.1.3");
}

/// The way back is blocked: the router drops what comes from port 8282. The server
/// answers, the client never hears it and sends its SYN again.
#[test]
fn reply_lost_on_the_way_back() {
    let Some(t) = tools() else { return };
    let client = Netns::new(t, "watch-back", "c");
    let router = Netns::new(t, "watch-back", "r");
    let server = Netns::new(t, "watch-back", "s");
    veth(&client, "eth0", &router, "eth0");
    veth(&router, "eth1", &server, "eth0");
    client.ip(&["addr", "add", "10.212.1.2/24", "dev", "eth0"]);
    client.ip(&["route", "add", "default", "via", "10.212.1.1"]);
    router.ip(&["addr", "add", "10.212.1.1/24", "dev", "eth0"]);
    router.ip(&["addr", "add", "10.212.0.254/24", "dev", "eth1"]);
    router.sysctl("net.ipv4.ip_forward", "1");
    server.ip(&["addr", "add", &format!("{SERVER_IP}/24"), "dev", "eth0"]);
    server.ip(&["route", "add", "default", "via", "10.212.0.254"]);
    router.nft(&format!(
        "table inet back {{
            chain forward {{
                type filter hook forward priority 0; policy accept;
                tcp sport {PORT} drop
            }}
        }}"
    ));
    let _l = server.listen(format!("0.0.0.0:{PORT}"));
    let w = Watch::start(&server, &["--from", "10.212.1.2"]);
    let (_, got) = connect_from(&client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.reply-lost", "{v:#}");
    let c = client_entry(&v, "10.212.1.2");
    assert!(c["trace"]["syn_acks"].as_u64() >= Some(1), "{c:#}");
    assert!(
        c["trace"]["syns_after_syn_ack"].as_u64() >= Some(1),
        "{c:#}"
    );
    assert_eq!(c["cause"]["args"]["iface"], "eth0");
}

/// The correlation the other way round: a watch without --from follows every client,
/// and the source port a connect used is in that client's trace.
#[test]
fn local_nft_drop_names_the_rule_and_its_counter() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nft");
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    lab.server.nft(&format!(
        "table inet filter {{
            chain input {{
                type filter hook input priority 0; policy accept;
                tcp dport {PORT} counter drop
            }}
        }}"
    ));
    let w = Watch::start(&lab.server, &[]);
    let (sport, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    let c = client_entry(&v, CLIENT_IP);
    assert_eq!(c["verdict"], "watch.dropped-local", "{v:#}");
    assert!(ports(&c["trace"]).contains(&u64::from(sport)), "{c:#}");
    assert_eq!(c["trace"]["syn_ifaces"][0], "eth0");
    assert_eq!(c["trace"]["syn_acks"], 0);
    let f = &c["cause"];
    assert_eq!(f["args"]["chain"], "inet filter input");
    let rule = evidence(f, "watch-ev-rule");
    assert_eq!(rule["args"]["position"], 1);
    assert!(
        rule["args"]["text"]
            .as_str()
            .expect("text")
            .contains(&format!("tcp dport {PORT}")),
        "{rule}"
    );
    // Every SYN the client sent was counted by that rule.
    let counted = evidence(f, "watch-ev-counter")["args"]["count"]
        .as_u64()
        .expect("count");
    assert_eq!(counted, c["trace"]["syns"].as_u64().expect("syns"), "{c:#}");
}

#[test]
fn local_iptables_drop_names_the_rule() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "ipt");
    let Some(ipt) = need_iptables(&lab.server) else {
        return;
    };
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    let port = PORT.to_string();
    for args in [
        ["-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "ACCEPT"].as_slice(),
        &["-A", "INPUT", "-p", "tcp", "--dport", &port, "-j", "DROP"],
    ] {
        must(lab.server.exec(&ipt).args(args));
    }
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.dropped-local", "{v:#}");
    let f = &v["causes"][0];
    assert!(
        f["args"]["source"]
            .as_str()
            .expect("source")
            .starts_with("iptables-"),
        "{f}"
    );
    let rule = evidence(f, "watch-ev-rule");
    assert_eq!(rule["args"]["chain"], "filter INPUT");
    assert_eq!(rule["args"]["position"], 2);
    assert_eq!(
        rule["args"]["text"],
        format!("-A INPUT -p tcp -m tcp --dport {PORT} -j DROP")
    );
    assert!(evidence(f, "watch-ev-counter")["args"]["count"].as_u64() >= Some(1));
}

/// A drop inside ufw's own chain: the verdict names ufw, not just "a local rule".
#[test]
fn drop_in_a_panel_managed_chain_names_the_panel() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "panel");
    let Some(ipt) = need_iptables(&lab.server) else {
        return;
    };
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    let port = PORT.to_string();
    for args in [
        ["-N", "ufw-user-input"].as_slice(),
        &["-A", "INPUT", "-j", "ufw-user-input"],
        &[
            "-A",
            "ufw-user-input",
            "-p",
            "tcp",
            "--dport",
            "22",
            "-j",
            "ACCEPT",
        ],
        &[
            "-A",
            "ufw-user-input",
            "-p",
            "tcp",
            "--dport",
            &port,
            "-j",
            "DROP",
        ],
    ] {
        must(lab.server.exec(&ipt).args(args));
    }
    // A BT Panel install (its marker path under --sysroot) that drives this ufw.
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(root.path().join("www/server/panel/BTPanel")).expect("mkdir");
    let sysroot = root.path().to_str().expect("utf-8 path");
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP, "--sysroot", sysroot]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.panel-firewall", "{v:#}");
    let f = &v["causes"][0];
    assert_eq!(f["args"]["panel"], "ufw");
    assert_eq!(f["args"]["chain"], "filter ufw-user-input");
    assert_eq!(evidence(f, "watch-ev-rule")["args"]["position"], 2);
    assert!(
        evidence(f, "watch-ev-panel")["args"]["panels"]
            .as_str()
            .expect("panels")
            .contains("BT Panel"),
        "{f}"
    );
}

/// A reject rule answers with a reset: still the local rule, not "nothing listens".
#[test]
fn local_reject_is_the_rule_not_the_listener() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "reject");
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    lab.server.nft(&format!(
        "table ip fw {{
            chain input {{
                type filter hook input priority 0; policy accept;
                tcp dport {PORT} reject with tcp reset
            }}
        }}"
    ));
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "refused");
    assert_eq!(v["verdict"], "watch.dropped-local", "{v:#}");
    let f = &v["causes"][0];
    assert_eq!(evidence(f, "watch-ev-rule")["args"]["verdict"], "reject");
    assert_eq!(
        evidence(f, "watch-ev-reject-with")["args"]["with"],
        "tcp reset"
    );
    assert!(client_entry(&v, CLIENT_IP)["trace"]["resets"].as_u64() >= Some(1));
}

/// The same over IPv6: the capture reads IPv6 headers, the evaluator IPv6 rules.
#[test]
fn ipv6_drop_is_seen_and_attributed() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "v6");
    lab.server.ip(&[
        "-6",
        "addr",
        "add",
        "fd00:212::1/64",
        "dev",
        "eth0",
        "nodad",
    ]);
    lab.client.ip(&[
        "-6",
        "addr",
        "add",
        "fd00:212::2/64",
        "dev",
        "eth0",
        "nodad",
    ]);
    let _l = lab.server.listen(format!("[::]:{PORT}"));
    lab.server.nft(&format!(
        "table ip6 fw6 {{
            chain input {{
                type filter hook input priority 0; policy accept;
                tcp dport {PORT} counter drop
            }}
        }}"
    ));
    let w = Watch::start(&lab.server, &["--from", "fd00:212::2"]);
    let dst: SocketAddr = format!("[fd00:212::1]:{PORT}").parse().expect("addr");
    let got = lab
        .client
        .enter(|| match TcpStream::connect_timeout(&dst, SHORT) {
            Ok(_) => "connected",
            Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => "timeout",
            Err(e) => panic!("connect {dst}: {e}"),
        });
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.dropped-local", "{v:#}");
    let f = &v["causes"][0];
    assert_eq!(f["args"]["chain"], "ip6 fw6 input");
    assert!(evidence(f, "watch-ev-counter")["args"]["count"].as_u64() >= Some(1));
    assert_eq!(
        client_entry(&v, "fd00:212::2")["trace"]["dst"],
        "fd00:212::1"
    );
}

/// Nothing listens: the kernel answers with RSTs (the client is refused), and the
/// watch says the SYNs got past the firewall to a port nobody listens on.
#[test]
fn no_listener() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "nolisten");
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "refused");
    assert_eq!(v["verdict"], "watch.no-listener", "{v:#}");
    let c = client_entry(&v, CLIENT_IP);
    assert!(c["trace"]["resets"].as_u64() >= Some(1), "{c:#}");
    assert!(c["trace"]["syns"].as_u64() >= Some(1));
}

/// A program that never accepts, with a backlog of 1 and its queue filled over
/// loopback before the watch: the client's SYNs reach the listener and are dropped
/// for the full queue.
#[test]
fn full_accept_queue() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "queue");
    let (_listener, _held) = lab.server.enter(|| {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)
            .expect("socket");
        let addr: SocketAddr = format!("0.0.0.0:{PORT}").parse().expect("addr");
        s.bind(&addr.into()).expect("bind");
        s.listen(1).expect("listen");
        let local: SocketAddr = format!("127.0.0.1:{PORT}").parse().expect("addr");
        let held: Vec<TcpStream> = (0..2)
            .map(|_| TcpStream::connect_timeout(&local, Duration::from_secs(2)).expect("fill"))
            .collect();
        (s, held)
    });
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.queue-full", "{v:#}");
    let f = &v["causes"][0];
    let q = evidence(f, "watch-ev-queue");
    assert_eq!(q["args"]["backlog"], 1);
    assert!(q["args"]["queue"].as_u64() >= Some(2), "{q}");
    assert!(evidence(f, "watch-ev-overflows")["args"]["count"].as_u64() >= Some(1));
}

/// The server's route back to the client points out of another interface (to a
/// namespace that does not forward): the SYN comes in on eth0, the SYN-ACK leaves by
/// eth1, and the client times out.
#[test]
fn asymmetric_route() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "asym");
    let sink = Netns::new(t, "watch-asym", "x");
    veth(&lab.server, "eth1", &sink, "eth0");
    lab.server
        .ip(&["addr", "add", "10.213.0.1/24", "dev", "eth1"]);
    sink.ip(&["addr", "add", "10.213.0.2/24", "dev", "eth0"]);
    // Loose reverse-path filtering, so the SYN is not dropped before the listener.
    for k in ["all", "default", "eth0", "eth1"] {
        lab.server
            .sysctl(&format!("net.ipv4.conf.{k}.rp_filter"), "0");
    }
    lab.server.ip(&[
        "route",
        "add",
        &format!("{CLIENT_IP}/32"),
        "via",
        "10.213.0.2",
        "dev",
        "eth1",
    ]);
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (_, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "timeout");
    assert_eq!(v["verdict"], "watch.asymmetric-route", "{v:#}");
    let f = &v["causes"][0];
    assert_eq!(
        (&f["args"]["in"], &f["args"]["out"]),
        (&"eth0".into(), &"eth1".into())
    );
}

/// The control case: an open port is answered, and the watch says so (exit 0).
#[test]
fn open_port_is_accepted() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "open");
    let _l = lab.server.listen(format!("0.0.0.0:{PORT}"));
    let w = Watch::start(&lab.server, &["--from", CLIENT_IP]);
    let (sport, got) = connect_from(&lab.client, None, &dst(), SHORT);
    let v = w.finish();
    assert_eq!(got, "connected");
    assert_eq!(v["verdict"], "watch.accepted", "{v:#}");
    assert_eq!(v["ok"], true);
    let c = client_entry(&v, CLIENT_IP);
    assert_eq!(ports(&c["trace"]), [u64::from(sport)]);
    assert_eq!(c["trace"]["syn_ack_ifaces"][0], "eth0");
}

// ---------------------------------------------------------------- input

#[test]
fn bad_watch_input_exits_2() {
    for args in [
        ["audit", "--watch", "0"].as_slice(),
        &["audit", "--watch", "http"],
        &["audit", "--watch", "8282", "--duration", "soon"],
        &["audit", "--watch", "8282", "--from", "not-an-ip"],
        &["audit", "9090", "--watch", "8282"],
    ] {
        let r = run(args);
        assert_eq!(r.code, Some(2), "{}", r.describe());
        assert!(r.stdout.is_empty(), "{}", r.describe());
        assert!(r.stderr.contains("error"), "{}", r.describe());
    }
}
