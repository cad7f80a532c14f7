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

use std::fs::File;
use std::io::{ErrorKind, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use nix::sched::{CloneFlags, setns};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_conndoctor");

// ---------------------------------------------------------------- prerequisites

struct Tools {
    ip: PathBuf,
    nft: PathBuf,
}

fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The effective capability set of this process, from /proc/self/status.
fn effective_caps() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let hex = status.lines().find_map(|l| l.strip_prefix("CapEff:"))?;
    u64::from_str_radix(hex.trim(), 16).ok()
}

/// What these tests need, or why they cannot run.
fn probe_tools() -> Result<Tools, String> {
    let mut missing = Vec::new();
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        missing.push("root (they create network namespaces)".to_string());
    } else if let Some(caps) = effective_caps() {
        // Root in a container may lack what `ip netns` needs.
        const CAP_NET_ADMIN: u32 = 12;
        const CAP_SYS_ADMIN: u32 = 21;
        for (bit, name) in [
            (CAP_NET_ADMIN, "CAP_NET_ADMIN"),
            (CAP_SYS_ADMIN, "CAP_SYS_ADMIN"),
        ] {
            if caps & (1 << bit) == 0 {
                missing.push(format!("the {name} capability"));
            }
        }
    }
    let ip = find_tool("ip");
    if ip.is_none() {
        missing.push("the `ip` command (Debian package iproute2)".to_string());
    }
    let nft = find_tool("nft");
    if nft.is_none() {
        missing.push("the `nft` command (Debian package nftables)".to_string());
    }
    match (ip, nft) {
        (Some(ip), Some(nft)) if missing.is_empty() => Ok(Tools { ip, nft }),
        _ => Err(missing.join(", ")),
    }
}

/// The tools, or `None` when the test should return early because the user asked to
/// skip. Panics with what is missing otherwise.
fn tools() -> Option<&'static Tools> {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    match TOOLS.get_or_init(probe_tools) {
        Ok(t) => Some(t),
        Err(missing) if std::env::var("CONNDOCTOR_SKIP_NETNS").as_deref() == Ok("1") => {
            eprintln!(
                "note: network-namespace test skipped (CONNDOCTOR_SKIP_NETNS=1); missing: {missing}"
            );
            None
        }
        Err(missing) => panic!(
            "network-namespace tests cannot run; missing: {missing}. Run them as root \
             (with CAP_SYS_ADMIN and CAP_NET_ADMIN) with iproute2 and nftables \
             installed, or set CONNDOCTOR_SKIP_NETNS=1 to skip them."
        ),
    }
}

/// Runs a command that must succeed; panics with its output otherwise.
fn must(cmd: &mut Command) -> Output {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        o.status.success(),
        "{cmd:?} failed ({}):\n{}{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

// ---------------------------------------------------------------- namespaces

/// A named network namespace, deleted on drop (also when the test panics). Deleting
/// the namespace also deletes the veth end inside it, and with it the peer.
struct Netns {
    name: String,
    tools: &'static Tools,
}

impl Netns {
    fn new(tools: &'static Tools, name: String) -> Netns {
        // A namespace left behind by an earlier, killed run with the same pid.
        let _ = Command::new(&tools.ip)
            .args(["netns", "del", &name])
            .stderr(Stdio::null())
            .status();
        must(Command::new(&tools.ip).args(["netns", "add", &name]));
        let ns = Netns { name, tools };
        ns.ip(&["link", "set", "lo", "up"]);
        ns
    }

    /// `ip -n NAME ...`
    fn ip(&self, args: &[&str]) {
        must(
            Command::new(&self.tools.ip)
                .arg("-n")
                .arg(&self.name)
                .args(args),
        );
    }

    /// A command run inside this namespace: `ip netns exec NAME program ...`.
    fn exec(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(&self.tools.ip);
        c.args(["netns", "exec", &self.name]).arg(program);
        c
    }

    /// Loads an nftables ruleset into this namespace.
    fn nft(&self, ruleset: &str) {
        let mut child = self
            .exec(&self.tools.nft)
            .args(["-f", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn nft");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(ruleset.as_bytes())
            .expect("write ruleset");
        let o = child.wait_with_output().expect("wait nft");
        assert!(
            o.status.success(),
            "nft -f failed for\n{ruleset}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    /// Runs `f` on a thread that joined this namespace. Sockets it creates stay in the
    /// namespace for their whole life, whichever thread uses them later.
    fn enter<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
        let path = Path::new("/var/run/netns").join(&self.name);
        std::thread::scope(|s| {
            s.spawn(|| {
                let ns =
                    File::open(&path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
                setns(&ns, CloneFlags::CLONE_NEWNET)
                    .unwrap_or_else(|e| panic!("setns {}: {e}", path.display()));
                f()
            })
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
        })
    }

    /// Writes a sysctl of this namespace (/proc/sys/net is per namespace).
    fn sysctl(&self, key: &str, value: &str) {
        let path = Path::new("/proc/sys").join(key.replace('.', "/"));
        self.enter(|| {
            std::fs::write(&path, value)
                .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
            let back = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                back.split_whitespace().collect::<Vec<_>>(),
                value.split_whitespace().collect::<Vec<_>>(),
                "{key} in {}",
                self.name
            );
        });
    }

    /// Runs the binary inside this namespace: `check TARGET --json --timeout 1s`.
    fn check(&self, target: &str) -> Value {
        let o = self
            .exec(BIN)
            .args(["check", target, "--json", "--timeout", "1s"])
            .env("LC_ALL", "en_US.UTF-8")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .output()
            .expect("run conndoctor");
        let stdout = String::from_utf8_lossy(&o.stdout);
        let stderr = String::from_utf8_lossy(&o.stderr);
        eprintln!(
            "$ ip netns exec {} conndoctor check {target} --json --timeout 1s\n-> {}\n{stdout}\n{stderr}",
            self.name, o.status
        );
        let v: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
        let expected = if v["ok"] == true { 0 } else { 1 };
        assert_eq!(o.status.code(), Some(expected), "exit status");
        v
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let r = Command::new(&self.tools.ip)
            .args(["netns", "del", &self.name])
            .output();
        match r {
            Ok(o) if o.status.success() => {}
            Ok(o) => eprintln!(
                "warning: ip netns del {}: {}",
                self.name,
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => eprintln!("warning: ip netns del {}: {e}", self.name),
        }
    }
}

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
        let pid = std::process::id();
        let client = Netns::new(tools, format!("cd-{name}-{pid}-c"));
        let server = Netns::new(tools, format!("cd-{name}-{pid}-s"));
        let (vs, vc) = (format!("v{pid}-{subnet}s"), format!("v{pid}-{subnet}c"));
        assert!(vs.len() <= 15 && vc.len() <= 15, "{vs} too long");
        must(Command::new(&tools.ip).args([
            "link",
            "add",
            &vs,
            "netns",
            &server.name,
            "type",
            "veth",
            "peer",
            "name",
            &vc,
            "netns",
            &client.name,
        ]));
        let server_ip = Ipv4Addr::new(10, 210, subnet, 1);
        let client_ip = Ipv4Addr::new(10, 210, subnet, 2);
        server.ip(&["addr", "add", &format!("{server_ip}/24"), "dev", &vs]);
        client.ip(&["addr", "add", &format!("{client_ip}/24"), "dev", &vc]);
        server.ip(&["link", "set", &vs, "up"]);
        client.ip(&["link", "set", &vc, "up"]);
        Lab {
            client,
            server,
            server_ip,
        }
    }

    /// A listener inside the server namespace.
    fn listen(&self, ip: Ipv4Addr, port: u16) -> (TcpListener, SocketAddrV4) {
        self.server.enter(|| {
            let l = TcpListener::bind(SocketAddrV4::new(ip, port)).expect("bind in server ns");
            let SocketAddr::V4(a) = l.local_addr().unwrap() else {
                unreachable!()
            };
            (l, a)
        })
    }
}

// ---------------------------------------------------------------- report helpers

fn cause_ids(v: &Value) -> Vec<&str> {
    v["causes"]
        .as_array()
        .expect("causes array")
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect()
}

/// The evidence entry `id` of cause `cause`, or a panic naming what is there.
fn evidence<'a>(v: &'a Value, cause: &str, id: &str) -> &'a Value {
    let c = v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == cause)
        .unwrap_or_else(|| panic!("no cause {cause}"));
    c["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("cause {cause} has no evidence {id}: {}", c["evidence"]))
}

// ---------------------------------------------------------------- cases

/// a) The server host is up (its other ports answer with RSTs) but a DROP rule
///    swallows SYNs to this port.
#[test]
fn nft_drop_is_filtered() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "drop", 1);
    let (_l, addr) = lab.listen(lab.server_ip, 0);
    let port = addr.port();
    lab.server.nft(&format!(
        "table inet conndoctor_test {{
            chain input {{
                type filter hook input priority 0; policy accept;
                tcp dport {port} drop
            }}
        }}"
    ));
    let v = lab.client.check(&addr.to_string());
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(cause_ids(&v)[0], "timeout.filtered");
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "timed-out");
    // The side probes reached the live host on other ports and got RSTs.
    let e = evidence(&v, "timeout.filtered", "ev-host-answers-elsewhere");
    assert_eq!(e["args"]["ip"], lab.server_ip.to_string().as_str());
    assert!(
        e["args"]["ports"].as_str().unwrap().contains("refused"),
        "{e}"
    );
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
    let port = addr.port();
    lab.server.nft(&format!(
        "table inet conndoctor_test {{
            chain input {{
                type filter hook input priority 0; policy accept;
                tcp dport {port} reject
            }}
        }}"
    ));
    let v = lab.client.check(&addr.to_string());
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.firewall-reject");
    let icmp = &v["attempts"][0]["icmp"];
    assert_eq!(icmp["origin"], lab.server_ip.to_string().as_str(), "{icmp}");
    assert_eq!(icmp["v6"], false);
    assert_eq!(
        (icmp["type"].as_u64(), icmp["code"].as_u64()),
        (Some(3), Some(3))
    );
    let e = evidence(&v, "refused.firewall-reject", "ev-icmp-error");
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

    let v = lab.client.check(&target);
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.not-listening");
    assert!(v["attempts"][0]["icmp"].is_null(), "a RST, not ICMP");
    let e = evidence(&v, "refused.not-listening", "ev-rst-from-target");
    assert_eq!(e["args"]["addr"], target.as_str());
    // From outside, loopback-only can only be offered as an alternative.
    assert!(cause_ids(&v).contains(&"refused.loopback-only"));

    let v = lab.server.check(&target);
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.loopback-only");
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["causes"][0]["args"]["bound"], bound.to_string().as_str());
    let e = evidence(&v, "refused.loopback-only", "ev-listener-elsewhere");
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

    let v = lab.client.check(&addr.to_string());
    assert_eq!(v["symptom"], "addr-not-avail");
    assert_eq!(cause_ids(&v)[0], "addr-not-avail.ephemeral-exhausted");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "addr-not-available");
    let e = evidence(&v, "addr-not-avail.ephemeral-exhausted", "ev-ports-in-use");
    assert_eq!(e["args"]["used"], 10.0, "{e}");
    assert_eq!(e["args"]["size"], 10.0, "{e}");
    assert_eq!(
        (e["args"]["lo"].as_f64(), e["args"]["hi"].as_f64()),
        (Some(40000.0), Some(40009.0))
    );
    drop(held);
}

/// e) The client has only its /24 and no default route: no route at all to 10.99.0.1.
#[test]
fn no_route_is_unreachable() {
    let Some(t) = tools() else { return };
    let lab = Lab::new(t, "noroute", 5);
    let v = lab.client.check("10.99.0.1:80");
    assert_eq!(v["symptom"], "unreachable");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "net-unreachable");
    let ids = cause_ids(&v);
    assert_eq!(ids[0], "unreachable.no-route");
    assert!(ids.contains(&"timeout.private-unroutable"), "{ids:?}");
    assert_eq!(
        v["local"]["routes"].get("10.99.0.1"),
        Some(&Value::Null),
        "the route lookup found no route"
    );
    evidence(&v, "unreachable.no-route", "ev-no-route-at-all");
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
    let v = lab.client.check("10.98.0.5:80");
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "timed-out");
    assert_eq!(cause_ids(&v)[0], "timeout.private-unroutable");
    assert_eq!(v["causes"][0]["confidence"], "high");
    let e = evidence(&v, "timeout.private-unroutable", "ev-only-default-route");
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
