//! Network namespaces for the tier-3 tests (ARCHITECTURE.md, "Testing tiers"; used
//! by tests/netns.rs, tests/audit.rs and tests/environment.rs): every test builds its
//! own little network of named namespaces joined by veth pairs, with addresses
//! configured only inside them, and runs the real binary in one of them through
//! `ip netns exec`. Namespaces (and the /etc/netns/NAME files `ip netns exec`
//! bind-mounts over /etc) are removed by a Drop guard, also when the test panics.
//!
//! Needs root, `ip` (iproute2) and `nft` (nftables). Without them every test fails with
//! a message saying what is missing, unless `CONNDOCTOR_SKIP_NETNS=1` is set.

use std::fmt::Display;
use std::fs::File;
use std::io::Write;
use std::net::{TcpListener, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use nix::sched::{CloneFlags, setns};

use super::{BUDGET, Run, run_prefixed};

/// Set to `1` to skip (rather than fail) the namespace tests on a machine that cannot
/// run them.
pub const SKIP_VAR: &str = "CONNDOCTOR_SKIP_NETNS";

pub struct Tools {
    pub ip: PathBuf,
    pub nft: PathBuf,
}

/// `name` on PATH or in the sbin directories (root's PATH is not always set).
pub fn find_tool(name: &str) -> Option<PathBuf> {
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

/// Whether the user asked to skip the namespace tests.
pub fn skipping() -> bool {
    std::env::var(SKIP_VAR).as_deref() == Ok("1")
}

/// The tools, or `None` when the test should return early because the user asked to
/// skip. Panics with what is missing otherwise.
pub fn tools() -> Option<&'static Tools> {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    match TOOLS.get_or_init(probe_tools) {
        Ok(t) => Some(t),
        Err(missing) if skipping() => {
            eprintln!("note: network-namespace test skipped ({SKIP_VAR}=1); missing: {missing}");
            None
        }
        Err(missing) => panic!(
            "network-namespace tests cannot run; missing: {missing}. Run them as root \
             (with CAP_SYS_ADMIN and CAP_NET_ADMIN) with iproute2 and nftables \
             installed, or set {SKIP_VAR}=1 to skip them."
        ),
    }
}

/// Runs a command that must succeed; panics with its output otherwise.
pub fn must(cmd: &mut Command) -> Output {
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

/// A named network namespace, deleted on drop (also when the test panics) together
/// with its /etc/netns/NAME directory. Deleting the namespace also deletes the veth
/// ends inside it, and with them their peers.
pub struct Netns {
    pub name: String,
    tools: &'static Tools,
}

impl Netns {
    /// Namespace `cd-TEST-PID-ROLE`: the test's own name and the pid keep concurrent
    /// tests and concurrent runs apart.
    pub fn new(tools: &'static Tools, test: &str, role: &str) -> Netns {
        let name = format!("cd-{test}-{}-{role}", std::process::id());
        // Left behind by an earlier, killed run with the same pid.
        let _ = Command::new(&tools.ip)
            .args(["netns", "del", &name])
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(Path::new("/etc/netns").join(&name));
        must(Command::new(&tools.ip).args(["netns", "add", &name]));
        let ns = Netns { name, tools };
        ns.ip(&["link", "set", "lo", "up"]);
        ns
    }

    /// `ip -n NAME ...`
    pub fn ip(&self, args: &[&str]) {
        must(
            Command::new(&self.tools.ip)
                .arg("-n")
                .arg(&self.name)
                .args(args),
        );
    }

    /// A command run inside this namespace: `ip netns exec NAME program ...`.
    pub fn exec(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(&self.tools.ip);
        c.args(["netns", "exec", &self.name]).arg(program);
        c
    }

    /// Loads an nftables ruleset into this namespace.
    pub fn nft(&self, ruleset: &str) {
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

    /// One nftables rule in this namespace, `tcp dport PORT VERDICT` (drop, reject) in
    /// a chain on `hook` (input, forward) that accepts everything else.
    pub fn nft_port(&self, hook: &str, port: u16, verdict: &str) {
        self.nft(&format!(
            "table inet conndoctor_test {{
                chain {hook} {{
                    type filter hook {hook} priority 0; policy accept;
                    tcp dport {port} {verdict}
                }}
            }}"
        ));
    }

    /// Runs `f` on a thread that joined this namespace. Sockets it creates stay in the
    /// namespace for their whole life, whichever thread uses them later.
    pub fn enter<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
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

    /// Writes a sysctl of this namespace (/proc/sys/net is per namespace), and reads it
    /// back to be sure the kernel took it.
    pub fn sysctl(&self, key: &str, value: &str) {
        let path = Path::new("/proc/sys").join(key.replace('.', "/"));
        self.enter(|| {
            std::fs::write(&path, value)
                .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
            let back = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            assert_eq!(
                back.split_whitespace().collect::<Vec<_>>(),
                value.split_whitespace().collect::<Vec<_>>(),
                "{key} in {}",
                self.name
            );
        });
    }

    /// A TCP listener inside this namespace on `addr`, an IPv4 or IPv6 address or its
    /// text (port 0: any free port).
    pub fn listen<A: ToSocketAddrs + Display + Sync>(&self, addr: A) -> TcpListener {
        self.enter(|| {
            TcpListener::bind(&addr).unwrap_or_else(|e| panic!("bind {addr} in {}: {e}", self.name))
        })
    }

    /// Writes /etc/netns/NAME/`file`, which `ip netns exec` bind-mounts over
    /// /etc/`file` for the programs it starts (resolv.conf, hosts). Removed on drop.
    pub fn etc_file(&self, file: &str, contents: &str) {
        let dir = Path::new("/etc/netns").join(&self.name);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
        let path = dir.join(file);
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Runs the binary inside this namespace with `args` and extra environment
    /// variables (the rest of the environment as [`super::clean_env`] leaves it).
    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let ip = self.tools.ip.to_string_lossy();
        let r = run_prefixed(&[&ip, "netns", "exec", &self.name], args, env);
        r.assert_ended();
        r
    }

    /// `conndoctor check TARGET --json --timeout 2s EXTRA...` inside this namespace.
    pub fn check(&self, target: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
        let mut args = vec!["check", target, "--json", "--timeout", BUDGET];
        args.extend_from_slice(extra);
        self.run(&args, env)
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
        let dir = Path::new("/etc/netns").join(&self.name);
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => eprintln!("warning: remove {}: {e}", dir.display()),
        }
    }
}

/// Joins `a` and `b` with a veth pair named `a_if` (in `a`) and `b_if` (in `b`), both
/// up. The pair is created inside the namespaces, so its names never exist on the host
/// (both ends may be called eth0). Interface names have at most 15 bytes.
pub fn veth(a: &Netns, a_if: &str, b: &Netns, b_if: &str) {
    assert!(
        a_if.len() <= 15 && b_if.len() <= 15,
        "{a_if}/{b_if} too long"
    );
    a.ip(&[
        "link", "add", a_if, "type", "veth", "peer", "name", b_if, "netns", &b.name,
    ]);
    a.ip(&["link", "set", a_if, "up"]);
    b.ip(&["link", "set", b_if, "up"]);
}

/// The lab most server-side tests start from: namespaces `cd-TEST-PID-s` and
/// `cd-TEST-PID-c`, joined by a veth pair (eth0 on both), with these addresses.
pub fn server_and_client(
    tools: &'static Tools,
    test: &str,
    server_cidr: &str,
    client_cidr: &str,
) -> (Netns, Netns) {
    let server = Netns::new(tools, test, "s");
    let client = Netns::new(tools, test, "c");
    veth(&server, "eth0", &client, "eth0");
    server.ip(&["addr", "add", server_cidr, "dev", "eth0"]);
    client.ip(&["addr", "add", client_cidr, "dev", "eth0"]);
    (server, client)
}
