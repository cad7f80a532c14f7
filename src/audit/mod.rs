//! `conndoctor audit`: why this server cannot be reached, seen from the server itself.
//!
//! The same one-way flow as `check`: [`gather`] collects [`AuditEvidence`] (listeners
//! and their processes, addresses, a self-probe over loopback and each interface
//! address, firewall rulesets and what they decide for the port, panels, cloud, queue
//! and descriptor capacity); [`rules`] turns it into a [`Diagnosis`] per port, ordered
//! by what blocks first on the packet's way in; `report::audit` renders it.
//!
//! Nothing here sends a packet beyond this machine: the self-probe connects to this
//! machine's own addresses, and the cloud is recognised from DMI, not its metadata
//! service.

pub mod cli;
pub mod cmd;
pub mod firewall;
pub mod platform;
pub mod procs;
pub mod rules;
pub mod watch;

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use netlink_packet_sock_diag::inet::StateFlags;
use serde::Serialize;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::evidence::{InterfaceAddr, Outcome, ProtocolEvidence};
use crate::finding::Diagnosis;
use crate::probe::{connect, local, protocol, sockdiag};
use crate::target::{Host, Scheme, Target};
use firewall::{Decision, Packet, Ruleset, Source};
use platform::{Cloud, Dmi, Managers, Panel, SysRoot};
use procs::ProcInfo;

/// What the user asked to audit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Request {
    /// As typed: `8282`, `websocket://0.0.0.0:8282`; `None` for every listener.
    pub input: Option<String>,
    pub scheme: Option<Scheme>,
    pub scheme_name: Option<&'static str>,
    /// The configured listen address, when the input named one.
    pub listen_ip: Option<IpAddr>,
    pub port: Option<u16>,
    pub path: String,
    /// The client address to evaluate firewall rules for (`--from`).
    pub from: Option<IpAddr>,
}

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

/// A listening socket with the processes holding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditListener {
    pub addr: SocketAddr,
    /// IPV6_V6ONLY for an IPv6 socket: `false` means a `[::]` socket takes IPv4 too.
    pub v6only: Option<bool>,
    /// Connections waiting to be accepted, and the backlog they are capped at.
    pub accept_queue: u32,
    pub backlog: Option<u32>,
    /// The socket owner's uid and name, known even when its process is not visible.
    pub uid: u32,
    pub user: Option<String>,
    pub inode: u32,
    pub processes: Vec<ProcInfo>,
}

impl AuditListener {
    /// The first (usually the master) process, if visible.
    pub fn process(&self) -> Option<&ProcInfo> {
        self.processes.first()
    }

    /// Whether this socket receives connections to `dst`.
    pub fn covers(&self, dst: SocketAddr) -> bool {
        if self.addr.port() != dst.port() {
            return false;
        }
        match (self.addr.ip(), dst.ip()) {
            (IpAddr::V6(l), IpAddr::V4(d)) => {
                (l.is_unspecified() && self.v6only != Some(true)) || l.to_ipv4_mapped() == Some(d)
            }
            _ => crate::rules::listener_covers(self.addr, dst),
        }
    }
}

/// One connect from this machine to one of its own addresses.
#[derive(Debug, Clone, Serialize)]
pub struct SelfProbe {
    pub addr: SocketAddr,
    pub outcome: Outcome,
    pub elapsed_ms: f64,
}

/// How reading one firewall source went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum ReadState {
    /// Read; `chains` and `rules` count what it holds.
    Read {
        chains: usize,
        rules: usize,
    },
    NotInstalled,
    /// Not allowed (reading rules needs CAP_NET_ADMIN, i.e. root).
    Denied {
        detail: String,
    },
    Failed {
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRead {
    /// The command: `nft -j list ruleset`, `iptables-legacy-save`...
    pub tool: String,
    #[serde(flatten)]
    pub state: ReadState,
}

/// What the rulesets decide for a new connection to `port` arriving on `iface` for
/// `daddr` from an outside address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortDecision {
    pub port: u16,
    pub iface: String,
    pub daddr: IpAddr,
    pub decision: Decision,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FirewallEvidence {
    pub sources: Vec<SourceRead>,
    /// One per (port, interface address); empty when nothing could be read.
    pub decisions: Vec<PortDecision>,
    /// Tables seen by both nft and iptables-nft, and the view left out
    /// (`nft: ip filter` when the iptables-nft text was used, and the reverse).
    pub skipped_tables: Vec<String>,
}

impl FirewallEvidence {
    /// At least one source was read (an empty ruleset counts: it accepts everything).
    pub fn readable(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s.state, ReadState::Read { .. }))
    }

    pub fn denied(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s.state, ReadState::Denied { .. }))
    }

    pub fn for_port(&self, port: u16) -> impl Iterator<Item = &PortDecision> {
        self.decisions.iter().filter(move |d| d.port == port)
    }
}

/// Kernel limits that bound how many clients a server takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Capacity {
    pub somaxconn: Option<u64>,
    pub tcp_max_syn_backlog: Option<u64>,
    /// TcpExtListenOverflows and TcpExtListenDrops at the start and end of the audit.
    pub listen_overflows: Option<(u64, u64)>,
    pub listen_drops: Option<(u64, u64)>,
    /// Time between the two samples.
    pub sample_ms: f64,
    pub mem_available_kib: Option<u64>,
    /// System-wide open files and fs.file-max.
    pub file_nr: Option<(u64, u64)>,
}

/// Everything one audit gathered.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEvidence {
    pub request: Request,
    /// Running as root: other users' processes and the firewall are visible.
    pub root: bool,
    pub sysroot: String,
    pub interfaces: Vec<InterfaceAddr>,
    /// net.ipv6.bindv6only: the default for new IPv6 sockets.
    pub bindv6only: Option<bool>,
    /// Listeners on the port (every listener when no port was given).
    pub listeners: Vec<AuditListener>,
    /// When nothing listens on the port: listeners on nearby port numbers.
    pub nearby: Vec<AuditListener>,
    /// Processes whose sockets could not be inspected (not root).
    pub hidden_processes: u32,
    pub self_probes: Vec<SelfProbe>,
    /// The protocol exchanges with the first address that accepted.
    pub protocol: Option<ProtocolEvidence>,
    pub firewall: FirewallEvidence,
    pub managers: Managers,
    pub panels: Vec<Panel>,
    pub dmi: Dmi,
    pub cloud: Option<Cloud>,
    pub capacity: Capacity,
    /// Probes that could not run, and why.
    pub notes: Vec<String>,
    pub budget_ms: u64,
}

/// One finished audit.
#[derive(Debug, Clone)]
pub struct AuditReport {
    pub evidence: AuditEvidence,
    /// One diagnosis per audited port, in port order.
    pub diagnoses: Vec<(u16, Diagnosis)>,
    pub total_ms: f64,
}

impl AuditReport {
    /// Reachable as far as this machine can tell: no problem found.
    pub fn is_ok(&self) -> bool {
        if self.evidence.request.port.is_some() {
            self.diagnoses.iter().all(|(_, d)| d.is_ok())
        } else {
            // Every listener: binding to loopback is often meant, so only what blocks
            // clients of a port that is open to them counts.
            !self
                .diagnoses
                .iter()
                .any(|(_, d)| d.causes.iter().any(|f| rules::is_inventory_problem(f.id)))
        }
    }
}

/// Parses what the user typed: a port, `host:port`, or a listen URL.
pub fn parse_request(input: Option<&str>) -> Result<Request, crate::target::TargetError> {
    let Some(raw) = input.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Request::default());
    };
    if raw.chars().all(|c| c.is_ascii_digit()) {
        let port = raw
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| crate::target::TargetError::BadPort(raw.to_string()))?;
        return Ok(Request {
            input: Some(raw.to_string()),
            port: Some(port),
            ..Request::default()
        });
    }
    let t = crate::target::parse(raw)?;
    let listen_ip = match &t.host {
        Host::Ip(ip) => Some(*ip),
        Host::Name(n) if n.eq_ignore_ascii_case("localhost") => {
            Some(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
        }
        // A name is resolved by the clients; the server listens on its addresses.
        Host::Name(_) => None,
    };
    Ok(Request {
        input: Some(raw.to_string()),
        scheme: t.scheme,
        scheme_name: t.scheme_name,
        listen_ip,
        port: Some(t.port),
        path: t.path,
        from: None,
    })
}

/// Runs the audit: gather, then the rules for each port.
pub async fn audit(req: &Request, opts: &AuditOptions) -> AuditReport {
    let start = std::time::Instant::now();
    let evidence = gather(req, opts).await;
    let diagnoses = rules::diagnose_all(&evidence);
    AuditReport {
        evidence,
        diagnoses,
        total_ms: start.elapsed().as_secs_f64() * 1000.0,
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
                    .filter(|l| rules::is_nearby(p, l.addr.port()))
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
            protocol::run(&target, addr, &opts.proto, pd).await
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
    let dmi = platform::Dmi::read(&sysroot);
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

/// Interfaces whose addresses outside clients reach: not loopback, not IPv6 link-local.
pub fn outside_facing(i: &InterfaceAddr) -> bool {
    match i.addr {
        IpAddr::V4(a) => !a.is_loopback(),
        IpAddr::V6(a) => !a.is_loopback() && (a.segments()[0] & 0xffc0) != 0xfe80,
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
pub(crate) fn listeners_all() -> (Vec<AuditListener>, Option<String>) {
    let mut notes = Vec::new();
    let out = crate::probe::local::listen_sockets(|_| true, &mut notes)
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
pub(crate) fn effective_uid() -> Option<u32> {
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
pub(crate) fn netstat() -> Option<[u64; 2]> {
    crate::probe::local::tcp_ext(&["ListenOverflows", "ListenDrops"])
}

#[cfg(test)]
fn parse_netstat(text: &str) -> Option<[u64; 2]> {
    crate::probe::local::parse_tcp_ext(text, &["ListenOverflows", "ListenDrops"])
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
pub(crate) fn read_rulesets(
    budget: Duration,
    counters: bool,
) -> (Ruleset, Vec<SourceRead>, Vec<String>) {
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
    fn requests() {
        let r = parse_request(Some("8282")).expect("port");
        assert_eq!((r.port, r.scheme, r.listen_ip), (Some(8282), None, None));
        let r = parse_request(Some("websocket://0.0.0.0:8282")).expect("url");
        assert_eq!(r.port, Some(8282));
        assert_eq!(r.scheme, Some(Scheme::Ws));
        assert_eq!(r.listen_ip, Some("0.0.0.0".parse().expect("ip")));
        assert!(parse_request(Some("0")).is_err());
        assert!(parse_request(Some("70000")).is_err());
        assert!(parse_request(Some("nope://x:1")).is_err());
        assert_eq!(parse_request(None).expect("none").port, None);
    }

    #[test]
    fn netstat_counters() {
        let t = "TcpExt: SyncookiesSent ListenOverflows ListenDrops\nTcpExt: 0 7 9\nIpExt: A\nIpExt: 1\n";
        assert_eq!(parse_netstat(t), Some([7, 9]));
        assert_eq!(parse_netstat("IpExt: A\nIpExt: 1\n"), None);
    }
}
