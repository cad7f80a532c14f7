//! What `conndoctor audit --watch` saw, and its verdicts, as data: the probe crate
//! fills [`WatchEvidence`], the rules crate turns it into [`ClientVerdict`]s.

use std::net::{IpAddr, SocketAddr};

use serde::Serialize;

use super::firewall::{Decision, Moved};
use super::{AuditListener, SourceRead};
use crate::finding::Finding;

/// Clients followed at most; SYNs from further addresses are only counted.
pub const MAX_CLIENTS: usize = 4096;

/// What one client's handshake packets looked like at this machine's interfaces.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClientTrace {
    pub addr: Option<IpAddr>,
    /// SYNs that arrived (retransmissions included).
    pub syns: u32,
    /// Their source ports, in order of arrival: the correlation with `check`'s output.
    pub source_ports: Vec<u16>,
    /// Where they arrived, and the address they were sent to.
    pub syn_ifaces: Vec<String>,
    pub dst: Option<IpAddr>,
    /// SYN-ACKs that left towards the client, and by which interfaces.
    pub syn_acks: u32,
    pub syn_ack_ifaces: Vec<String>,
    /// RSTs that left towards the client in answer (nothing listening, or a reject).
    pub resets: u32,
    /// SYNs that came again for a source port already answered with a SYN-ACK: the
    /// answer did not reach the client.
    pub syns_after_syn_ack: u32,
    pub first_ms: f64,
    pub last_ms: f64,
    /// Source ports answered with a SYN-ACK (the probe's bookkeeping, not shown).
    #[serde(skip)]
    pub answered_ports: Vec<u16>,
}

impl ClientTrace {
    pub fn new(addr: IpAddr, at_ms: f64) -> ClientTrace {
        ClientTrace {
            addr: Some(addr),
            first_ms: at_ms,
            last_ms: at_ms,
            ..ClientTrace::default()
        }
    }
}

/// The listening socket(s) of the port as sampled during the watch.
#[derive(Debug, Clone, Serialize)]
pub struct ListenerSample {
    pub addr: SocketAddr,
    pub v6only: Option<bool>,
    /// The longest accept queue seen, and the backlog it is capped at.
    pub max_queue: u32,
    pub backlog: Option<u32>,
    #[serde(skip)]
    pub listener: AuditListener,
}

/// What the firewall counters said, per client packet shape.
#[derive(Debug, Clone, Serialize)]
pub struct FirewallWatch {
    pub sources: Vec<SourceRead>,
    /// Whether any source could be read (root, tools installed).
    pub readable: bool,
}

/// Everything the watch saw.
#[derive(Debug, Clone, Serialize)]
pub struct WatchEvidence {
    pub port: u16,
    pub from: Option<IpAddr>,
    pub duration_ms: f64,
    /// Handshake packets of the port seen in all.
    pub packets: u64,
    pub clients: Vec<ClientTrace>,
    /// SYNs from addresses past [`MAX_CLIENTS`] (or other than `--from`), counted only.
    pub other_syns: u64,
    /// With `--from`: other addresses that sent SYNs (the client may be behind NAT).
    pub other_clients: Vec<IpAddr>,
    pub listeners: Vec<ListenerSample>,
    /// ListenOverflows and ListenDrops (/proc/net/netstat) before and after.
    pub listen_overflows: Option<(u64, u64)>,
    pub listen_drops: Option<(u64, u64)>,
    pub firewall: FirewallWatch,
    pub panels: Vec<&'static str>,
    pub notes: Vec<String>,
    /// The effective reverse-path filter (the larger of `all` and the interface's own)
    /// of each interface SYNs arrived on, where it could be read.
    #[serde(skip)]
    pub rp_filter: Vec<(String, u64)>,
}

/// One client's verdict, with the decision and counters it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct ClientVerdict {
    pub trace: ClientTrace,
    pub finding: Finding,
    pub decision: Option<Decision>,
    pub moved: Vec<Moved>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WatchReport {
    pub evidence: WatchEvidence,
    pub verdicts: Vec<ClientVerdict>,
}

impl WatchReport {
    /// Every client watched was accepted (and at least one was seen).
    pub fn is_ok(&self) -> bool {
        !self.verdicts.is_empty()
            && self
                .verdicts
                .iter()
                .all(|v| v.finding.id == "watch.accepted")
    }
}
