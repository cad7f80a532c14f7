//! The server-side gatherers of `conndoctor audit`: [`gather`] collects
//! [`AuditEvidence`] (listeners and their processes, addresses, a self-probe over
//! loopback and each interface address, firewall rulesets and what they decide for
//! the port, panels, cloud, queue and descriptor capacity) and never judges it; the
//! rules crate's `audit` does. [`watch`] follows a port's handshakes while a client
//! tries.
//!
//! Nothing here sends a packet beyond this machine: the self-probe connects to this
//! machine's own addresses, and the cloud is recognised from DMI, not its metadata
//! service.

pub mod cmd;
pub mod platform;
pub mod procs;
pub mod watch;

// The audit's data model (the firewall's rules and their parsers included), under
// the names the gatherers use; this module's own `platform` and `watch` extend it.
pub use conndoctor_model::audit::*;

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use netlink_packet_sock_diag::inet::StateFlags;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::evidence::{InterfaceAddr, Outcome};
use crate::target::{Host, Scheme, Target};
use crate::{connect, local, protocol, sockdiag};
use firewall::{Packet, Ruleset, Source};
use platform::SysRoot;

#[derive(Debug, Clone)]
pub struct AuditOptions {
    pub timeout: Duration,
    pub sysroot: SysRoot,
    pub proto: protocol::ProtoOptions,
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(3),
            sysroot: SysRoot::default(),
            proto: protocol::ProtoOptions::default(),
        }
    }
}

/// The shortest interval between the two counter samples: long enough for a SYN to be
/// retransmitted into a full queue.
const MIN_SAMPLE: Duration = Duration::from_millis(300);
/// Each self-probe connect waits at most this long.
const SELF_PROBE_WAIT: Duration = Duration::from_millis(1000);
/// At most this many addresses are self-probed.
const MAX_PROBE_ADDRS: usize = 12;
/// At most this many ports are evaluated in the every-listener view.
const MAX_PORTS: usize = 256;

pub async fn gather(req: &Request, opts: &AuditOptions) -> AuditEvidence {
    let start = Instant::now();
    let deadline = start + opts.timeout;
    let mut notes = Vec::new();
    let root = effective_uid() == Some(0);

    let interfaces = local::interfaces(&mut notes);
    let bindv6only = read_sysctl("/proc/sys/net/ipv6/bindv6only").map(|v| v != 0);
    let netstat_before = netstat();
    let sample_start = Instant::now();

    // Listeners from the kernel's table; processes from /proc.
    let (mut all, table_note) = listeners_all();
    notes.extend(table_note);
    all.sort_by_key(|l| (l.addr.port(), l.addr));
    let (mut listeners, mut nearby): (Vec<AuditListener>, Vec<AuditListener>) = match req.port {
        Some(p) => {
            let on: Vec<_> = all.iter().filter(|l| l.addr.port() == p).cloned().collect();
            let near = if on.is_empty() {
                all.iter()
                    .filter(|l| is_nearby(p, l.addr.port()))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            (on, near)
        }
        None => (all, Vec::new()),
    };
    let inodes: HashSet<u32> = listeners
        .iter()
        .chain(nearby.iter())
        .map(|l| l.inode)
        .filter(|i| *i != 0)
        .collect();
    let sysroot = opts.sysroot.clone();
    let owners = {
        let root = sysroot.clone();
        tokio::task::spawn_blocking(move || procs::owners(&inodes, &root))
            .await
            .unwrap_or_default()
    };
    let users = procs::users(&sysroot);
    for l in listeners.iter_mut().chain(nearby.iter_mut()) {
        l.user = users.get(&l.uid).cloned();
        if let Some(pids) = owners.by_inode.get(&l.inode) {
            let mut pids = pids.clone();
            pids.sort_unstable();
            l.processes = pids
                .iter()
                .filter_map(|p| owners.procs.get(p).cloned())
                .collect();
        }
    }

    // The firewall commands run on a blocking thread while the self-probes wait on
    // sockets.
    let fw_ports: Vec<u16> = match req.port {
        Some(p) => vec![p],
        None => {
            let mut ports: Vec<u16> = listeners
                .iter()
                .filter(|l| !l.addr.ip().is_loopback())
                .map(|l| l.addr.port())
                .collect();
            ports.dedup();
            ports.truncate(MAX_PORTS);
            ports
        }
    };
    let fw_budget = deadline.saturating_duration_since(Instant::now());
    let fw_task = tokio::task::spawn_blocking(move || read_rulesets(fw_budget, false));

    let probe_addrs: Vec<SocketAddr> = match req.port {
        Some(p) if !listeners.is_empty() => probe_addresses(&interfaces, p),
        _ => Vec::new(),
    };
    let probe_deadline = deadline.min(Instant::now() + SELF_PROBE_WAIT);
    let mut set = JoinSet::new();
    for (i, a) in probe_addrs.iter().enumerate() {
        let a = *a;
        set.spawn(async move { (i, connect::probe(a, probe_deadline).await) });
    }
    let mut probes: Vec<Option<SelfProbe>> = vec![None; probe_addrs.len()];
    while let Some(r) = set.join_next().await {
        if let Ok((i, a)) = r {
            probes[i] = Some(SelfProbe {
                addr: a.addr,
                outcome: a.outcome,
                elapsed_ms: a.elapsed_ms,
            });
        }
    }
    let self_probes: Vec<SelfProbe> = probes.into_iter().flatten().collect();

    // What the port speaks: the user's scheme, or an HTTP request that cross-checks
    // TLS and WebSocket when no scheme was named. One address is enough: it is one
    // program.
    let protocol = match (req.port, pick_protocol_addr(&self_probes)) {
        (Some(port), Some(addr)) => {
            let target = Target {
                input: req.input.clone().unwrap_or_default(),
                scheme: Some(req.scheme.unwrap_or(Scheme::Http)),
                scheme_name: req.scheme_name,
                host: Host::Ip(addr.ip()),
                port,
                path: if req.path.is_empty() {
                    "/".into()
                } else {
                    req.path.clone()
                },
            };
            let pd = deadline.min(Instant::now() + Duration::from_secs(2));
            protocol::run(&target, addr, &opts.proto, pd, None).await
        }
        _ => None,
    };

    let (rulesets, sources, skipped) = match fw_task.await {
        Ok(x) => x,
        Err(e) => {
            notes.push(format!("firewall: {e}"));
            (Ruleset::default(), Vec::new(), Vec::new())
        }
    };
    let mut firewall = FirewallEvidence {
        sources,
        decisions: Vec::new(),
        skipped_tables: skipped,
    };
    if firewall.readable() {
        for port in &fw_ports {
            for ifa in interfaces.iter().filter(|i| outside_facing(i)) {
                let p = Packet {
                    v6: ifa.addr.is_ipv6(),
                    iif: ifa.name.clone(),
                    daddr: ifa.addr,
                    dport: *port,
                    saddr: req.from,
                };
                firewall.decisions.push(PortDecision {
                    port: *port,
                    iface: ifa.name.clone(),
                    daddr: ifa.addr,
                    decision: rulesets.evaluate(&p),
                });
            }
        }
    }

    let mut managers = platform::managers(&sysroot);
    managers.firewalld_running = process_running("firewalld");
    let panels = platform::panels(&sysroot);
    let dmi = platform::read_dmi(&sysroot);
    let cloud = platform::cloud_from_dmi(&dmi);

    // Let the counters run for at least MIN_SAMPLE, so a full queue shows its drops.
    let waited = sample_start.elapsed();
    if waited < MIN_SAMPLE {
        tokio::time::sleep(MIN_SAMPLE - waited).await;
    }
    let netstat_after = netstat();
    let pair = |k: usize| match (netstat_before, netstat_after) {
        (Some(a), Some(b)) => Some((a[k], b[k])),
        _ => None,
    };
    let capacity = Capacity {
        somaxconn: read_sysctl("/proc/sys/net/core/somaxconn"),
        tcp_max_syn_backlog: read_sysctl("/proc/sys/net/ipv4/tcp_max_syn_backlog"),
        listen_overflows: pair(0),
        listen_drops: pair(1),
        sample_ms: sample_start.elapsed().as_secs_f64() * 1000.0,
        mem_available_kib: meminfo_available(),
        file_nr: file_nr(),
    };
    // Queues may have moved while we probed: refresh them from the kernel.
    refresh_queues(&mut listeners);

    if !root {
        notes.push(
            "not running as root: other users' processes and the firewall rules may be hidden"
                .into(),
        );
    }

    AuditEvidence {
        request: req.clone(),
        root,
        sysroot: opts.sysroot.0.display().to_string(),
        interfaces,
        bindv6only,
        listeners,
        nearby,
        hidden_processes: owners.unreadable,
        self_probes,
        protocol,
        firewall,
        managers,
        panels,
        dmi,
        cloud,
        capacity,
        notes,
        budget_ms: u64::try_from(opts.timeout.as_millis()).unwrap_or(u64::MAX),
    }
}

/// Loopback of both families, then each outside-facing address.
fn probe_addresses(ifaces: &[InterfaceAddr], port: u16) -> Vec<SocketAddr> {
    let mut v: Vec<SocketAddr> = vec![SocketAddr::new(
        IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        port,
    )];
    if ifaces
        .iter()
        .any(|i| i.addr == IpAddr::V6(std::net::Ipv6Addr::LOCALHOST))
    {
        v.push(SocketAddr::new(
            IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
            port,
        ));
    }
    for i in ifaces.iter().filter(|i| outside_facing(i)) {
        let a = SocketAddr::new(i.addr, port);
        if !v.contains(&a) {
            v.push(a);
        }
    }
    v.truncate(MAX_PROBE_ADDRS);
    v
}

/// Prefers an outside-facing address: that is the path clients take.
fn pick_protocol_addr(probes: &[SelfProbe]) -> Option<SocketAddr> {
    let ok = || probes.iter().filter(|p| p.outcome == Outcome::Connected);
    ok().find(|p| !p.addr.ip().is_loopback())
        .or_else(|| ok().next())
        .map(|p| p.addr)
}

/// Every listening TCP socket (the probe layer's reader, with the owner filled in later).
pub fn listeners_all() -> (Vec<AuditListener>, Option<String>) {
    let mut notes = Vec::new();
    let out = crate::local::listen_sockets(|_| true, &mut notes)
        .into_iter()
        .map(|s| AuditListener {
            addr: s.addr,
            v6only: s.v6only,
            accept_queue: s.accept_queue,
            backlog: s.backlog,
            uid: s.uid,
            user: None,
            inode: s.inode,
            processes: Vec::new(),
        })
        .collect();
    (out, notes.pop())
}

fn refresh_queues(listeners: &mut [AuditListener]) {
    let _ = sockdiag::dump(StateFlags::LISTEN, |e| {
        if let Some(l) = listeners
            .iter_mut()
            .find(|l| l.inode == e.inode && l.addr == e.local)
        {
            l.accept_queue = l.accept_queue.max(e.recv_queue);
        }
    });
}

/// The effective uid, from /proc/self/status (second field of `Uid:`).
pub fn effective_uid() -> Option<u32> {
    let s = platform::read_capped(std::path::Path::new("/proc/self/status"), 16 * 1024)?;
    s.lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn read_sysctl(path: &str) -> Option<u64> {
    platform::read_capped(std::path::Path::new(path), 256)?
        .trim()
        .parse()
        .ok()
}

/// (ListenOverflows, ListenDrops) from /proc/net/netstat.
pub fn netstat() -> Option<[u64; 2]> {
    crate::local::tcp_ext(&["ListenOverflows", "ListenDrops"])
}

#[cfg(test)]
fn parse_netstat(text: &str) -> Option<[u64; 2]> {
    crate::local::parse_tcp_ext(text, &["ListenOverflows", "ListenDrops"])
}

fn meminfo_available() -> Option<u64> {
    let t = platform::read_capped(std::path::Path::new("/proc/meminfo"), 64 * 1024)?;
    t.lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn file_nr() -> Option<(u64, u64)> {
    let t = platform::read_capped(std::path::Path::new("/proc/sys/fs/file-nr"), 256)?;
    let v: Vec<u64> = t
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    Some((*v.first()?, *v.get(2)?))
}

/// Whether a process with this exact name runs (firewalld is a Python script: its
/// command line names it).
fn process_running(name: &str) -> bool {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return false;
    };
    dir.flatten().take(100_000).any(|e| {
        let p = e.path();
        platform::read_capped(&p.join("cmdline"), 1024).is_some_and(|c| {
            c.split('\0')
                .take(3)
                .any(|a| a.rsplit('/').next() == Some(name))
        })
    })
}

/// Reading the rulesets: generous for large Kubernetes rulesets, bounded all the same.
const RULESET_CAP: usize = 32 * 1024 * 1024;

/// Runs the firewall tools and parses what they print. Returns the combined ruleset,
/// what each source said, and the tables read from one tool rather than the other.
///
/// A table made by iptables-nft shows up both in `nft -j` and in `iptables-nft-save`;
/// it is evaluated once, from the text that looks like what its author wrote.
/// `counters` asks iptables-save for the rules' packet counters (`-c`).
pub fn read_rulesets(budget: Duration, counters: bool) -> (Ruleset, Vec<SourceRead>, Vec<String>) {
    let timeout = budget.clamp(Duration::from_millis(500), Duration::from_secs(5));
    let mut sources = Vec::new();

    let mut nft_parsed: Option<firewall::nft::Parsed> = None;
    match cmd::find("nft") {
        None => sources.push(SourceRead {
            tool: "nft".into(),
            state: ReadState::NotInstalled,
        }),
        Some(nft) => {
            let state = match cmd::run(&nft, &["-j", "list", "ruleset"], timeout, RULESET_CAP) {
                Ok(o) if o.ok() => {
                    let text = cmd::run(&nft, &["-a", "list", "ruleset"], timeout, RULESET_CAP)
                        .ok()
                        .filter(cmd::Output::ok)
                        .map(|o| o.stdout);
                    match firewall::nft::parse(&o.stdout, text.as_deref()) {
                        Ok(p) => {
                            let state = counted(&p.ruleset);
                            nft_parsed = Some(p);
                            state
                        }
                        Err(e) => ReadState::Failed {
                            detail: e.to_string(),
                        },
                    }
                }
                Ok(o) => failed(&o),
                Err(e) => ReadState::Failed {
                    detail: e.to_string(),
                },
            };
            sources.push(SourceRead {
                tool: "nft".into(),
                state,
            });
        }
    }

    let variants: &[(&str, bool, Source)] = &[
        ("iptables-nft-save", false, Source::IptablesNft),
        ("ip6tables-nft-save", true, Source::IptablesNft),
        ("iptables-legacy-save", false, Source::IptablesLegacy),
        ("ip6tables-legacy-save", true, Source::IptablesLegacy),
    ];
    let have_split = variants.iter().any(|(t, ..)| cmd::find(t).is_some());
    let plain: &[(&str, bool, Source)] = &[
        // Before iptables 1.8 there is one iptables-save, and it is the legacy one;
        // after, its header says which backend it is.
        ("iptables-save", false, Source::IptablesLegacy),
        ("ip6tables-save", true, Source::IptablesLegacy),
    ];
    let mut rs = Ruleset::default();
    let mut from_iptables: Vec<(firewall::Family, String)> = Vec::new();
    let mut notes = Vec::new();
    for (tool, v6, source) in if have_split { variants } else { plain } {
        let Some(path) = cmd::find(tool) else {
            sources.push(SourceRead {
                tool: (*tool).to_string(),
                state: ReadState::NotInstalled,
            });
            continue;
        };
        let args: &[&str] = if counters { &["-c"] } else { &[] };
        let state = match cmd::run(&path, args, timeout, RULESET_CAP) {
            Ok(o) if o.ok() => {
                let source = if o.stdout.contains("(nf_tables)") {
                    Source::IptablesNft
                } else {
                    *source
                };
                let mut parsed = firewall::ipt::parse(&o.stdout, *v6, source);
                if source == Source::IptablesNft {
                    if let Some(n) = &nft_parsed {
                        // Written natively in nft: nft's own view wins.
                        parsed.chains.retain(|c| {
                            let key = (c.family, c.table.clone());
                            let keep = n.iptables_like.contains(&key) || !n.tables.contains(&key);
                            if !keep {
                                let name = format!("{tool}: {} {}", c.family.id(), c.table);
                                if !notes.contains(&name) {
                                    notes.push(name);
                                }
                            }
                            keep
                        });
                    }
                    for c in &parsed.chains {
                        let key = (c.family, c.table.clone());
                        if !from_iptables.contains(&key) {
                            from_iptables.push(key);
                        }
                    }
                }
                let state = counted(&parsed);
                rs.extend(parsed);
                state
            }
            Ok(o) => failed(&o),
            Err(e) => ReadState::Failed {
                detail: e.to_string(),
            },
        };
        sources.push(SourceRead {
            tool: (*tool).to_string(),
            state,
        });
    }

    if let Some(mut p) = nft_parsed {
        p.ruleset.chains.retain(|c| {
            let keep = !from_iptables.contains(&(c.family, c.table.clone()));
            if !keep {
                let name = format!("nft: {} {}", c.family.id(), c.table);
                if !notes.contains(&name) {
                    notes.push(name);
                }
            }
            keep
        });
        // Count what nft contributes on its own, not the tables iptables-nft showed.
        if let Some(s) = sources.iter_mut().find(|s| s.tool == "nft") {
            s.state = counted(&p.ruleset);
        }
        rs.extend(p.ruleset);
    }
    (rs, sources, notes)
}

fn counted(rs: &Ruleset) -> ReadState {
    ReadState::Read {
        chains: rs.chains.len(),
        rules: rs.chains.iter().map(|c| c.rules.len()).sum(),
    }
}

fn failed(o: &cmd::Output) -> ReadState {
    let detail = if o.timed_out {
        "timed out".to_string()
    } else if o.truncated {
        "output too large".to_string()
    } else {
        o.stderr.lines().next().unwrap_or("failed").to_string()
    };
    let denied = [
        "Permission denied",
        "Operation not permitted",
        "must be root",
    ]
    .iter()
    .any(|s| o.stderr.contains(s));
    if denied {
        ReadState::Denied { detail }
    } else {
        ReadState::Failed { detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netstat_counters() {
        let t = "TcpExt: SyncookiesSent ListenOverflows ListenDrops\nTcpExt: 0 7 9\nIpExt: A\nIpExt: 1\n";
        assert_eq!(parse_netstat(t), Some([7, 9]));
        assert_eq!(parse_netstat("IpExt: A\nIpExt: 1\n"), None);
    }
}
