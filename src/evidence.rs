//! Evidence: the plain record of what the probes saw. No judgement lives here.
//!
//! Everything is serde-serialisable because the JSON report carries it verbatim, and
//! rule tests build it by hand.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use serde::Serialize;

use crate::target::Target;

/// Everything one `check` gathered.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub target: Target,
    pub resolution: Resolution,
    /// One connect attempt per resolved address, in resolver order.
    pub attempts: Vec<ConnectAttempt>,
    /// Connects to other ports of the same addresses, made while the main connect
    /// waited; `None` when not run (disabled, or the main connect answered at once).
    pub side_probes: Option<Vec<SideProbe>>,
    pub local: LocalFacts,
    pub budget_ms: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Resolution {
    /// `literal` when the target was an address, `system` for getaddrinfo.
    pub source: &'static str,
    pub addresses: Vec<IpAddr>,
    pub error: Option<ResolveError>,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "detail")]
pub enum ResolveError {
    /// EAI_NONAME: the name does not exist.
    NoName,
    /// EAI_NODATA / EAI_ADDRFAMILY: the name exists without addresses.
    NoAddress,
    /// EAI_AGAIN / EAI_FAIL: the resolver did not answer properly.
    ResolverFailure,
    /// The resolution did not finish within the budget.
    Timeout,
    Other(String),
}

/// How one connect ended, classified from the kernel's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Outcome {
    Connected,
    /// ECONNREFUSED: a RST, or an ICMP port-unreachable (see `icmp`).
    Refused,
    /// No answer to the SYN within the budget.
    TimedOut,
    /// EHOSTUNREACH (also ICMP admin-prohibited, see `icmp`).
    HostUnreachable,
    /// ENETUNREACH: no route, locally or reported by a router.
    NetUnreachable,
    /// EADDRNOTAVAIL: no local address/port could be had.
    AddrNotAvailable,
    /// EMFILE / ENFILE: this process or the system is out of descriptors.
    FdExhausted,
    Other {
        errno: i32,
        message: String,
    },
}

impl Outcome {
    /// Any answer from the far side (accept or RST) proves the host is up.
    pub fn host_answered(&self) -> bool {
        matches!(self, Outcome::Connected | Outcome::Refused)
    }

    pub fn id(&self) -> &'static str {
        match self {
            Outcome::Connected => "connected",
            Outcome::Refused => "refused",
            Outcome::TimedOut => "timed-out",
            Outcome::HostUnreachable => "host-unreachable",
            Outcome::NetUnreachable => "net-unreachable",
            Outcome::AddrNotAvailable => "addr-not-available",
            Outcome::FdExhausted => "fd-exhausted",
            Outcome::Other { .. } => "other",
        }
    }
}

/// An ICMP error the kernel queued for the socket (IP_RECVERR / IPV6_RECVERR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IcmpReport {
    /// The address that sent the ICMP error (the "offender"); may be a router.
    pub origin: Option<IpAddr>,
    /// true for ICMPv6.
    pub v6: bool,
    #[serde(rename = "type")]
    pub icmp_type: u8,
    pub code: u8,
}

impl IcmpReport {
    /// Destination unreachable with a code that means "a filter said no".
    pub fn is_admin_prohibited(&self) -> bool {
        if self.v6 {
            // ICMPv6 dest-unreach: 1 admin-prohibited, 5 source policy, 6 reject route.
            self.icmp_type == 1 && matches!(self.code, 1 | 5 | 6)
        } else {
            // ICMP dest-unreach: 9/10 net/host prohibited, 13 communication prohibited.
            self.icmp_type == 3 && matches!(self.code, 9 | 10 | 13)
        }
    }

    pub fn is_port_unreachable(&self) -> bool {
        if self.v6 {
            self.icmp_type == 1 && self.code == 4
        } else {
            self.icmp_type == 3 && self.code == 3
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectAttempt {
    pub addr: SocketAddr,
    pub outcome: Outcome,
    pub elapsed_ms: f64,
    pub icmp: Option<IcmpReport>,
    /// SYN retransmissions TCP_INFO counted before we gave up (timeouts only).
    pub syn_retransmits: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideProbe {
    pub addr: SocketAddr,
    pub outcome: Outcome,
    pub elapsed_ms: f64,
}

/// Facts about the client machine, read from the kernel.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LocalFacts {
    pub interfaces: Vec<InterfaceAddr>,
    /// The route the kernel table selects for each target address.
    pub routes: BTreeMap<IpAddr, Option<RouteFact>>,
    /// Listening sockets on the target port (any address), from sock_diag.
    pub listeners: Vec<Listener>,
    /// TcpExtListenOverflows before and after the connect (namespace-wide counter).
    pub listen_overflows: Option<(u64, u64)>,
    pub ports: Option<PortUsage>,
    pub fd_limit: Option<(u64, u64)>,
    /// Probes that could not run, and why (permissions, missing files).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterfaceAddr {
    pub name: String,
    pub addr: IpAddr,
    pub prefix_len: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteFact {
    pub prefix_len: u8,
    pub gateway: Option<IpAddr>,
    pub interface: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listener {
    pub addr: SocketAddr,
    /// Connections waiting in the accept queue (Recv-Q of a listening socket).
    pub accept_queue: u32,
    /// The listen backlog (Send-Q in `ss -lnt`); unknown when read from /proc.
    pub backlog: Option<u32>,
}

/// Local port usage towards the target, and the sysctls that bound it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortUsage {
    pub range: (u16, u16),
    /// Number of ports in the range excluded by ip_local_reserved_ports.
    pub reserved_in_range: u32,
    pub tcp_tw_reuse: Option<u8>,
    /// Sockets to the target address:port, by TCP state (e.g. "ESTABLISHED").
    pub to_target: BTreeMap<String, u32>,
}

impl PortUsage {
    pub fn range_size(&self) -> u32 {
        let (lo, hi) = self.range;
        (u32::from(hi) + 1)
            .saturating_sub(u32::from(lo))
            .saturating_sub(self.reserved_in_range)
    }

    pub fn in_use(&self) -> u32 {
        self.to_target.values().sum()
    }

    pub fn time_wait(&self) -> u32 {
        self.to_target.get("TIME_WAIT").copied().unwrap_or(0)
    }
}
