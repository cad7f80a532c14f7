//! `conndoctor audit --watch PORT`: where a client's SYNs stop, seen on the server
//! while the client tries.
//!
//! From the client alone, a timeout has five suspects (the server's firewall, the
//! cloud security group, a hosting panel's firewall, a host that is down, an intranet
//! address dialled from elsewhere). On the server, watching the port settles it:
//! [`capture`] sees every SYN that reaches an interface and every SYN-ACK or RST that
//! leaves; the firewall's packet counters (read before and after) say which drop rule
//! took the SYNs that got no answer; sock_diag and ListenOverflows say whether the
//! listener's accept queue was full. [`verdict`] turns that into one finding per
//! client, from "never arrived: the security group or a router before this host" to
//! "accepted: the SYN-ACK left".

pub mod capture;
pub mod cli;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::firewall::{self, Decision, Moved, Ruleset, Verdict};
use super::platform::{self, SysRoot};
use super::{AuditListener, SourceRead};
use crate::finding::{Confidence, Finding, Msg};
use capture::{Capture, Dir};

/// Clients followed at most; SYNs from further addresses are only counted.
pub const MAX_CLIENTS: usize = 4096;
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
    #[serde(skip)]
    answered_ports: Vec<u16>,
}

fn push_capped<T: PartialEq>(v: &mut Vec<T>, x: T, cap: usize) {
    if v.len() < cap && !v.contains(&x) {
        v.push(x);
    }
}

impl ClientTrace {
    fn new(addr: IpAddr, at_ms: f64) -> ClientTrace {
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
pub fn watch(opts: &WatchOptions, ready: impl FnOnce()) -> Result<WatchReport, WatchError> {
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
        .any(|s| matches!(s.state, super::ReadState::Read { .. }));
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
    };
    let verdicts = verdicts(&ev, &before, &after);
    Ok(WatchReport {
        evidence: ev,
        verdicts,
    })
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

// ------------------------------------------------------------------ verdicts

/// One verdict per client; with `--from` and no SYN from it, or no SYN at all, one
/// "never arrived".
pub fn verdicts(ev: &WatchEvidence, before: &Ruleset, after: &Ruleset) -> Vec<ClientVerdict> {
    if ev.clients.is_empty() {
        let trace = ClientTrace {
            addr: ev.from,
            ..ClientTrace::default()
        };
        return vec![ClientVerdict {
            finding: never_arrived(ev),
            trace,
            decision: None,
            moved: Vec::new(),
        }];
    }
    ev.clients
        .iter()
        .map(|t| client_verdict(ev, t, before, after))
        .collect()
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first source ports, then how many more (a traceroute-like client sends dozens).
pub fn ports_text(ports: &[u16]) -> String {
    const SHOWN: usize = 8;
    let mut s = list(ports.iter().take(SHOWN));
    if ports.len() > SHOWN {
        s += &format!(", … (+{})", ports.len() - SHOWN);
    }
    s
}

fn client_label(t: &ClientTrace) -> String {
    t.addr.map_or_else(|| "?".to_string(), |a| a.to_string())
}

fn never_arrived(ev: &WatchEvidence) -> Finding {
    let secs = (ev.duration_ms / 100.0).round() / 10.0;
    let mut f = Finding::new("watch.never-arrived", Confidence::High)
        .arg("port", ev.port)
        .arg(
            "client",
            ev.from.map_or_else(|| "-".to_string(), |a| a.to_string()),
        );
    f = match ev.from {
        Some(a) => f.because(
            Msg::new("watch-ev-none-from")
                .arg("client", a.to_string())
                .arg("port", ev.port)
                .arg("secs", secs),
        ),
        None => f.because(
            Msg::new("watch-ev-none")
                .arg("port", ev.port)
                .arg("secs", secs),
        ),
    };
    if !ev.other_clients.is_empty() {
        f = f.because(
            Msg::new("watch-ev-others")
                .arg("addrs", list(&ev.other_clients))
                .arg("count", ev.other_syns),
        );
    }
    f.because(Msg::new("watch-ev-before-host"))
}

fn syns_msg(t: &ClientTrace, port: u16) -> Msg {
    Msg::new("watch-ev-syns")
        .arg("client", client_label(t))
        .arg("count", t.syns)
        .arg("ports", ports_text(&t.source_ports))
        .arg("iface", list(&t.syn_ifaces))
        .arg(
            "dst",
            t.dst.map_or_else(
                || port.to_string(),
                |d| SocketAddr::new(d, port).to_string(),
            ),
        )
}

fn client_verdict(
    ev: &WatchEvidence,
    t: &ClientTrace,
    before: &Ruleset,
    after: &Ruleset,
) -> ClientVerdict {
    let port = ev.port;
    let client = client_label(t);
    let base = |id: &'static str, c: Confidence| {
        Finding::new(id, c)
            .arg("client", client.clone())
            .arg("port", port)
            .because(syns_msg(t, port))
    };
    let packet = t.addr.map(|a| firewall::Packet {
        v6: a.is_ipv6(),
        iif: t.syn_ifaces.first().cloned().unwrap_or_default(),
        daddr: t.dst.unwrap_or(a),
        dport: port,
        saddr: Some(a),
    });
    let decision = packet.as_ref().map(|p| after.evaluate(p));
    let moved = packet
        .as_ref()
        .map(|p| firewall::counters_moved(before, after, p))
        .unwrap_or_default();
    let done = |finding: Finding, decision: Option<Decision>, moved: Vec<Moved>| ClientVerdict {
        trace: t.clone(),
        finding,
        decision,
        moved,
    };

    // A SYN-ACK left: the listener answered. By which way decides the rest.
    if t.syn_acks > 0 {
        let other: Vec<&String> = t
            .syn_ack_ifaces
            .iter()
            .filter(|i| !t.syn_ifaces.contains(i))
            .collect();
        if !other.is_empty() {
            let f = base("watch.asymmetric-route", Confidence::High)
                .arg("in", list(&t.syn_ifaces))
                .arg("out", list(other))
                .because(
                    Msg::new("watch-ev-syn-ack-elsewhere")
                        .arg("count", t.syn_acks)
                        .arg("in", list(&t.syn_ifaces))
                        .arg("out", list(&t.syn_ack_ifaces)),
                );
            return done(f, decision, moved);
        }
        let answered = Msg::new("watch-ev-syn-ack")
            .arg("count", t.syn_acks)
            .arg("iface", list(&t.syn_ack_ifaces));
        // The client asks again for a port this host already answered: the SYN-ACK
        // did not reach it (a firewall or NAT on the way back drops it).
        let f = if t.syns_after_syn_ack > 0 {
            base("watch.reply-lost", Confidence::High)
                .arg("iface", list(&t.syn_ack_ifaces))
                .because(answered)
                .because(Msg::new("watch-ev-retried").arg("count", t.syns_after_syn_ack))
        } else {
            base("watch.accepted", Confidence::High).because(answered)
        };
        return done(f, decision, moved);
    }

    // No answer, or a reset: did a local rule take it?
    let blocking = decision
        .as_ref()
        .filter(|d| matches!(d.verdict, Verdict::Drop | Verdict::Reject))
        .and_then(|d| {
            d.rule
                .clone()
                .map(|r| (r, d.verdict, d.reject_with.clone()))
        });
    let by_rule = match blocking {
        Some((r, v, with)) => {
            let delta = moved
                .iter()
                .find(|m| m.rule.chain == r.chain && m.rule.position == r.position)
                .map(|m| m.delta);
            // A drop sends nothing back: RSTs that left without a counter to back the
            // rule mean the evaluator is wrong about this packet.
            if v == Verdict::Drop && t.resets > 0 && delta.is_none() {
                None
            } else {
                Some((r, v == Verdict::Reject, with, delta, Confidence::High))
            }
        }
        // The evaluator lets it in, but a drop counted packets while the client tried:
        // something it does not model (a set, a mark) matched.
        None => moved.first().map(|m| {
            (
                m.rule.clone(),
                false,
                None,
                Some(m.delta),
                Confidence::Medium,
            )
        }),
    };
    if let Some((r, reject, with, delta, conf)) = by_rule {
        let manager = after.manager_of_rule(&r);
        let id = if manager.is_some() {
            "watch.panel-firewall"
        } else {
            "watch.dropped-local"
        };
        let mut f = base(id, conf)
            .arg("chain", r.chain_label())
            .arg("source", r.source.id());
        if let Some(m) = manager {
            f = f.arg("panel", m);
        }
        let verdict = if reject { "reject" } else { "drop" };
        f = if r.is_policy() {
            f.because(
                Msg::new("watch-ev-policy")
                    .arg("source", r.source.id())
                    .arg("chain", r.chain_label()),
            )
        } else {
            f.because(
                Msg::new("watch-ev-rule")
                    .arg("source", r.source.id())
                    .arg("chain", r.chain_label())
                    .arg("position", r.position)
                    .arg("text", r.text.clone())
                    .arg("verdict", verdict),
            )
        };
        f = match delta {
            Some(d) => f.because(Msg::new("watch-ev-counter").arg("count", d)),
            None => f.because(Msg::new("watch-ev-no-counter")),
        };
        if let Some(w) = with {
            f = f.because(Msg::new("watch-ev-reject-with").arg("with", w));
        }
        if let Some(m) = manager {
            f = f.because(Msg::new("watch-ev-manager").arg("panel", m));
            if !ev.panels.is_empty() {
                f = f.because(Msg::new("watch-ev-panel").arg("panels", list(&ev.panels)));
            }
        }
        return done(f, decision, moved);
    }

    // Past the firewall: a listener, and room in its queue?
    let dst = SocketAddr::new(t.dst.unwrap_or_else(|| unspecified(t)), port);
    let covering: Vec<&ListenerSample> = ev
        .listeners
        .iter()
        .filter(|l| l.listener.covers(dst))
        .collect();
    if covering.is_empty() {
        let mut f = base("watch.no-listener", Confidence::High).because(
            Msg::new("watch-ev-no-listener")
                .arg("addr", dst.to_string())
                .arg(
                    "bound",
                    if ev.listeners.is_empty() {
                        "-".to_string()
                    } else {
                        list(ev.listeners.iter().map(|l| l.addr))
                    },
                ),
        );
        if t.resets > 0 {
            f = f.because(Msg::new("watch-ev-resets").arg("count", t.resets));
        }
        return done(f, decision, moved);
    }
    let overflows = ev.listen_overflows.map_or(0, |(a, b)| b.saturating_sub(a));
    let full = covering
        .iter()
        .find(|l| l.backlog.is_some_and(|b| l.max_queue > b));
    if overflows > 0 || full.is_some() {
        let l = full.copied().unwrap_or(covering[0]);
        let mut f = base("watch.queue-full", Confidence::High)
            .arg("addr", l.addr.to_string())
            .because(
                Msg::new("watch-ev-queue")
                    .arg("addr", l.addr.to_string())
                    .arg("queue", l.max_queue)
                    .arg("backlog", l.backlog.map_or(0, u64::from)),
            );
        if overflows > 0 {
            f = f.because(Msg::new("watch-ev-overflows").arg("count", overflows));
        }
        if let Some(p) = l.listener.process() {
            f = f.arg("program", format!("{} (pid {})", p.comm, p.pid));
        }
        return done(f, decision, moved);
    }
    let mut f = base("watch.not-answered", Confidence::Medium);
    if let Some(iface) = t.syn_ifaces.first()
        && let Some(v) = rp_filter(iface)
        && v == 1
    {
        f = f.because(Msg::new("watch-ev-rp-filter").arg("iface", iface.clone()));
    }
    if !ev.firewall.readable {
        f = f.because(Msg::new("watch-ev-firewall-unread"));
    }
    done(f, decision, moved)
}

fn unspecified(t: &ClientTrace) -> IpAddr {
    match t.addr {
        Some(IpAddr::V6(_)) => IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED),
        _ => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
    }
}

/// The effective reverse-path filter of an interface: the larger of `all` and its own.
fn rp_filter(iface: &str) -> Option<u64> {
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
mod tests;
