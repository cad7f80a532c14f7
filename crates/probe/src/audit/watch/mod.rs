//! `conndoctor audit --watch PORT`: where a client's SYNs stop, seen on the server
//! while the client tries.
//!
//! From the client alone, a timeout has five suspects (the server's firewall, the
//! cloud security group, a hosting panel's firewall, a host that is down, an intranet
//! address dialled from elsewhere). On the server, watching the port settles it:
//! [`capture`] sees every SYN that reaches an interface and every SYN-ACK or RST that
//! leaves; the firewall's packet counters (read before and after) say which drop rule
//! took the SYNs that got no answer; sock_diag and ListenOverflows say whether the
//! listener's accept queue was full. The rules crate's `watch::verdicts` turns that
//! into one finding per client, from "never arrived: the security group or a router
//! before this host" to "accepted: the SYN-ACK left".

pub mod capture;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::firewall::Ruleset;
use super::platform::{self, SysRoot};
use super::{AuditListener, ReadState};
use capture::{Capture, Dir};
pub use conndoctor_model::audit::watch::*;
/// Source ports and interfaces remembered per client.
const MAX_PORTS: usize = 32;
const MAX_IFACES: usize = 8;
/// How often the listener's queue is sampled.
const SAMPLE_EVERY: Duration = Duration::from_millis(250);

#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub port: u16,
    /// Only this client (`--from`).
    pub from: Option<IpAddr>,
    pub duration: Duration,
    pub sysroot: SysRoot,
}

fn push_capped<T: PartialEq>(v: &mut Vec<T>, x: T, cap: usize) {
    if v.len() < cap && !v.contains(&x) {
        v.push(x);
    }
}

static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::Relaxed);
}

/// Ctrl-C (SIGINT) and SIGTERM end the watch instead of the process.
#[allow(unsafe_code)]
fn catch_signals() {
    use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, sigaction};
    let act = SigAction::new(
        SigHandler::Handler(on_signal),
        SaFlags::empty(),
        SigSet::empty(),
    );
    for s in [Signal::SIGINT, Signal::SIGTERM] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        let _ = unsafe { sigaction(s, &act) };
    }
}

/// Why the watch could not run.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// Opening the packet socket needs CAP_NET_RAW.
    #[error("{0}")]
    Denied(std::io::Error),
    #[error("{0}")]
    Capture(std::io::Error),
}

/// Listening sockets on the port.
fn port_listeners(port: u16) -> Vec<AuditListener> {
    let (mut all, _) = super::listeners_all();
    all.retain(|l| l.addr.port() == port);
    all
}

/// Watches until `opts.duration` has passed or a signal came; `ready` is called once
/// the capture runs (the caller tells the user, who then makes the client try).
pub fn watch(opts: &WatchOptions, ready: impl FnOnce()) -> Result<Watched, WatchError> {
    let cap = Capture::open(opts.port).map_err(|e| {
        if matches!(e.raw_os_error(), Some(libc::EPERM | libc::EACCES)) {
            WatchError::Denied(e)
        } else {
            WatchError::Capture(e)
        }
    })?;
    let budget = Duration::from_secs(3);
    let (before, _, _) = super::read_rulesets(budget, true);
    let netstat_before = super::netstat();
    let mut listeners: Vec<ListenerSample> = port_listeners(opts.port)
        .into_iter()
        .map(|l| ListenerSample {
            addr: l.addr,
            v6only: l.v6only,
            max_queue: l.accept_queue,
            backlog: l.backlog,
            listener: l,
        })
        .collect();

    catch_signals();
    ready();
    let start = Instant::now();
    let mut seen = Seen::default();
    let mut last_sample = Instant::now();
    let mut notes = Vec::new();
    while !STOP.load(Ordering::Relaxed) && start.elapsed() < opts.duration {
        match cap.next() {
            Ok(Some(p)) => seen.add(&p, start.elapsed().as_secs_f64() * 1000.0, opts),
            Ok(None) => {}
            Err(e) => {
                notes.push(format!("capture: {e}"));
                break;
            }
        }
        if last_sample.elapsed() >= SAMPLE_EVERY {
            last_sample = Instant::now();
            sample(&mut listeners, opts.port);
        }
    }
    // What the kernel queued before the end still counts (a Ctrl-C right after the
    // client's attempt): read until the socket is quiet.
    let drain_until = Instant::now() + Duration::from_secs(1);
    while Instant::now() < drain_until {
        match cap.next_now() {
            Ok(Some(p)) => seen.add(&p, start.elapsed().as_secs_f64() * 1000.0, opts),
            Ok(None) | Err(_) => break,
        }
    }
    sample(&mut listeners, opts.port);
    let duration_ms = start.elapsed().as_secs_f64() * 1000.0;
    let (after, sources, _) = super::read_rulesets(budget, true);
    let netstat_after = super::netstat();
    let pair = |k: usize| match (netstat_before, netstat_after) {
        (Some(a), Some(b)) => Some((a[k], b[k])),
        _ => None,
    };
    let readable = sources
        .iter()
        .any(|s| matches!(s.state, ReadState::Read { .. }));
    if super::effective_uid() != Some(0) {
        notes.push("not running as root: the firewall counters may be hidden".into());
    }
    let Seen {
        clients,
        other_syns,
        other_clients,
        packets,
        ..
    } = seen;
    let mut list: Vec<ClientTrace> = clients.into_values().collect();
    list.sort_by(|a, b| a.first_ms.total_cmp(&b.first_ms));
    let mut rp_filter: Vec<(String, u64)> = Vec::new();
    for iface in list.iter().filter_map(|t| t.syn_ifaces.first()) {
        if !rp_filter.iter().any(|(i, _)| i == iface)
            && let Some(v) = effective_rp_filter(iface)
        {
            rp_filter.push((iface.clone(), v));
        }
    }
    let ev = WatchEvidence {
        port: opts.port,
        from: opts.from,
        duration_ms,
        packets,
        clients: list,
        other_syns,
        other_clients,
        listeners,
        listen_overflows: pair(0),
        listen_drops: pair(1),
        firewall: FirewallWatch { sources, readable },
        panels: platform::panels(&opts.sysroot)
            .iter()
            .map(|p| p.name)
            .collect(),
        notes,
        rp_filter,
    };
    Ok(Watched {
        evidence: ev,
        before,
        after,
    })
}

/// What one watch gathered: the evidence and the rulesets (with their counters) read
/// before and after it.
#[derive(Debug, Clone)]
pub struct Watched {
    pub evidence: WatchEvidence,
    pub before: Ruleset,
    pub after: Ruleset,
}

/// What the capture has seen so far.
#[derive(Default)]
struct Seen {
    clients: HashMap<IpAddr, ClientTrace>,
    other_syns: u64,
    other_clients: Vec<IpAddr>,
    packets: u64,
    /// Interface names by index, looked up once each.
    names: HashMap<u32, String>,
}

impl Seen {
    fn add(&mut self, p: &capture::Packet, at_ms: f64, opts: &WatchOptions) {
        self.packets += 1;
        let iface = self
            .names
            .entry(p.ifindex)
            .or_insert_with(|| {
                capture::ifname(p.ifindex).unwrap_or_else(|| format!("#{}", p.ifindex))
            })
            .clone();
        record(
            p,
            &iface,
            at_ms,
            opts,
            &mut self.clients,
            &mut self.other_syns,
            &mut self.other_clients,
        );
    }
}

fn sample(listeners: &mut Vec<ListenerSample>, port: u16) {
    for l in port_listeners(port) {
        let n = listeners.len();
        match listeners
            .iter_mut()
            .find(|s| s.addr == l.addr && s.listener.inode == l.inode)
        {
            Some(s) => s.max_queue = s.max_queue.max(l.accept_queue),
            None if n < MAX_IFACES => listeners.push(ListenerSample {
                addr: l.addr,
                v6only: l.v6only,
                max_queue: l.accept_queue,
                backlog: l.backlog,
                listener: l,
            }),
            None => {}
        }
    }
}

/// Files one packet under its client.
fn record(
    p: &capture::Packet,
    iface: &str,
    at_ms: f64,
    opts: &WatchOptions,
    clients: &mut HashMap<IpAddr, ClientTrace>,
    other_syns: &mut u64,
    others: &mut Vec<IpAddr>,
) {
    let port = opts.port;
    // A SYN in to the port; a SYN-ACK or RST out from it. Anything else (this host as
    // a client of the same port elsewhere, loopback's second copy) is not ours.
    let (client, kind) = match p.dir {
        Dir::In if p.dst.port() == port && p.is_syn() => (p.src.ip(), 0),
        Dir::Out if p.src.port() == port && p.is_syn_ack() => (p.dst.ip(), 1),
        Dir::Out if p.src.port() == port && p.is_rst() => (p.dst.ip(), 2),
        _ => return,
    };
    if opts.from.is_some_and(|f| !same_ip(f, client)) {
        if kind == 0 {
            *other_syns += 1;
            push_capped(others, client, 16);
        }
        return;
    }
    let len = clients.len();
    let t = match clients.get_mut(&client) {
        Some(t) => t,
        None if kind == 0 && len < MAX_CLIENTS => clients
            .entry(client)
            .or_insert_with(|| ClientTrace::new(client, at_ms)),
        None => {
            *other_syns += u64::from(kind == 0);
            return;
        }
    };
    t.last_ms = at_ms;
    match kind {
        0 => {
            t.syns = t.syns.saturating_add(1);
            let sport = p.src.port();
            if t.answered_ports.contains(&sport) {
                t.syns_after_syn_ack = t.syns_after_syn_ack.saturating_add(1);
            }
            push_capped(&mut t.source_ports, sport, MAX_PORTS);
            push_capped(&mut t.syn_ifaces, iface.to_string(), MAX_IFACES);
            t.dst.get_or_insert(p.dst.ip());
        }
        1 => {
            t.syn_acks = t.syn_acks.saturating_add(1);
            push_capped(&mut t.syn_ack_ifaces, iface.to_string(), MAX_IFACES);
            push_capped(&mut t.answered_ports, p.dst.port(), MAX_PORTS);
        }
        _ => t.resets = t.resets.saturating_add(1),
    }
}

/// IPv4 and its IPv4-mapped IPv6 form are the same client.
fn same_ip(a: IpAddr, b: IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

/// The effective reverse-path filter of an interface: the larger of `all` and its own.
fn effective_rp_filter(iface: &str) -> Option<u64> {
    let read = |d: &str| {
        platform::read_capped(
            std::path::Path::new(&format!("/proc/sys/net/ipv4/conf/{d}/rp_filter")),
            64,
        )?
        .trim()
        .parse::<u64>()
        .ok()
    };
    if iface.contains('/') || iface.contains("..") {
        return None;
    }
    Some(read("all")?.max(read(iface)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::SocketAddr;

    #[test]
    fn the_table_is_bounded() {
        let opts = WatchOptions {
            port: 8282,
            from: None,
            duration: Duration::from_secs(1),
            sysroot: SysRoot::default(),
        };
        let mut seen = Seen::default();
        for i in 0..(MAX_CLIENTS as u32 + 10) {
            for sport in 0..40u16 {
                let p = capture::Packet {
                    dir: Dir::In,
                    ifindex: 1,
                    src: SocketAddr::new(
                        IpAddr::from((0x0a00_0000 + i).to_be_bytes()),
                        40000 + sport,
                    ),
                    dst: "10.255.0.1:8282".parse().expect("addr"),
                    flags: capture::TCP_SYN,
                };
                seen.add(&p, 0.0, &opts);
            }
        }
        assert_eq!(seen.clients.len(), MAX_CLIENTS);
        assert_eq!(seen.other_syns, 10 * 40);
        assert!(
            seen.clients
                .values()
                .all(|c| c.source_ports.len() <= 32 && c.syns == 40)
        );
    }
}
