//! The server-side audit's data: what `conndoctor audit` and `audit --watch` gathered
//! ([`AuditEvidence`], [`watch::WatchEvidence`]), the firewall's rules as data
//! ([`firewall`]), and the finished reports. Plain data and pure functions over it:
//! the probe crate gathers it, the rules crate judges it, the renderers show it.

pub mod firewall;
pub mod platform;
pub mod watch;

use std::net::{IpAddr, SocketAddr};

use serde::Serialize;

use crate::evidence::{InterfaceAddr, Outcome, ProtocolEvidence};
use crate::finding::Diagnosis;
use crate::target::{Host, Scheme};
use firewall::Decision;
use platform::{Cloud, Dmi, Managers, Panel};

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

/// One process that holds a listening socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcInfo {
    pub pid: u32,
    pub uid: Option<u32>,
    pub user: Option<String>,
    /// The short name (/proc/<pid>/comm).
    pub comm: String,
    /// The command line, arguments joined by spaces, capped.
    pub cmdline: String,
    /// Open file descriptors now, and the soft limit (RLIMIT_NOFILE).
    pub open_fds: Option<u64>,
    pub fd_limit: Option<u64>,
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
            _ => crate::net::listener_covers(self.addr, dst),
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
                .any(|(_, d)| d.causes.iter().any(|f| is_inventory_problem(f.id)))
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

/// Interfaces whose addresses outside clients reach: not loopback, not IPv6 link-local.
pub fn outside_facing(i: &InterfaceAddr) -> bool {
    match i.addr {
        IpAddr::V4(a) => !a.is_loopback(),
        IpAddr::V6(a) => !a.is_loopback() && (a.segments()[0] & 0xffc0) != 0xfe80,
    }
}

/// Causes that break a server whatever it was meant for (the every-listener view
/// counts only these as problems).
pub fn is_capacity(id: &str) -> bool {
    matches!(id, "timeout.accept-queue-full" | "timeout.server-fd-limit")
}

/// Causes the every-listener view counts as problems: all but the binding choices
/// that are usually meant (a database on 127.0.0.1 is not a fault).
pub fn is_inventory_problem(id: &str) -> bool {
    !matches!(id, "refused.loopback-only" | "refused.other-address")
}

/// `q` looks like a mistyped `p`: within 10, or one digit changed, added, dropped or
/// two swapped.
pub fn is_nearby(p: u16, q: u16) -> bool {
    if p == q {
        return false;
    }
    if p.abs_diff(q) <= 10 {
        return true;
    }
    let (a, b) = (p.to_string(), q.to_string());
    let (a, b) = (a.as_bytes(), b.as_bytes());
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]])
        }
        std::cmp::Ordering::Less => one_insertion(a, b),
        std::cmp::Ordering::Greater => one_insertion(b, a),
    }
}

fn one_insertion(short: &[u8], long: &[u8]) -> bool {
    long.len() == short.len() + 1
        && (0..long.len()).any(|i| {
            let mut v = long.to_vec();
            v.remove(i);
            v == short
        })
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
}
