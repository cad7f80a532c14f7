//! Probes gather facts and never judge them. [`gather`] runs them for one target,
//! concurrently and under one deadline, and returns the [`Evidence`].
//!
//! Its own crate, below the renderers and commands: it depends on the model only
//! (tests/layers.rs), so nothing here can format text for a user or pick an exit code.

#![deny(unsafe_code)]

// The model, named as every stage names it (`crate::evidence`, `crate::target`).
use conndoctor_model::{evidence, net, target};

pub mod audit;
pub mod cdn;
pub mod connect;
pub mod dns;
pub mod env;
pub mod local;
pub mod protocol;
pub mod resolve;
pub mod sockdiag;
pub mod trace;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::evidence::{ConnectAttempt, Evidence, LocalFacts, Outcome, SideProbe};
use crate::target::{Host, Target};

/// Ports tried on the same address while the main connect waits: any answer there
/// (accept or RST) proves the host is up, so silence on the target port is a filter.
pub const SIDE_PORTS: [u16; 5] = [22, 80, 443, 3389, 8080];

/// At most this many addresses get side probes (one per family is what matters).
const SIDE_PROBE_ADDRS: usize = 2;

#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Overall budget for the whole check.
    pub timeout: Duration,
    /// Probe other ports while the main connect waits.
    pub side_probes: bool,
    /// How the protocol layer shapes its requests (Origin, headers...).
    pub proto: protocol::ProtoOptions,
    /// Continue past certificate problems: they become warnings.
    pub insecure: bool,
    /// Token of the `conndoctor serve` that should answer.
    pub expect_token: Option<String>,
    /// Addresses the server is believed to have.
    pub expect_ip: Vec<std::net::IpAddr>,
    /// Trace the path with TTL-limited SYNs when the connect gets no answer.
    pub trace: bool,
    /// Facts shared by the checks of one batch (interfaces, listeners, side probes
    /// per host), so a sweep of many ports costs what a connect scan costs.
    pub shared: Option<std::sync::Arc<Shared>>,
    /// Count the sockets towards a target that answered even when the host holds too
    /// few sockets for the 80% warning to apply (the count is then shown, not used).
    /// The exporter turns it off: the count walks the kernel's whole TCP table.
    pub ports_when_ok: bool,
}

/// Host facts read once per batch instead of once per target.
#[derive(Default)]
pub struct Shared {
    interfaces: std::sync::OnceLock<(Vec<crate::evidence::InterfaceAddr>, Vec<String>)>,
    listeners: std::sync::OnceLock<Vec<crate::evidence::Listener>>,
    overflows_at_start: std::sync::OnceLock<Option<u64>>,
    fd_limit: std::sync::OnceLock<Option<(u64, u64)>>,
    env: std::sync::OnceLock<Vec<(&'static str, String)>>,
    routes: std::sync::Mutex<
        std::collections::HashMap<std::net::IpAddr, Option<crate::evidence::RouteFact>>,
    >,
    side: std::sync::Mutex<
        std::collections::HashMap<
            std::net::IpAddr,
            std::sync::Arc<tokio::sync::OnceCell<Vec<SideProbe>>>,
        >,
    >,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Shared")
    }
}

impl Shared {
    fn interfaces(&self) -> (Vec<crate::evidence::InterfaceAddr>, Vec<String>) {
        self.interfaces
            .get_or_init(|| {
                let mut notes = Vec::new();
                (local::interfaces(&mut notes), notes)
            })
            .clone()
    }

    /// Listeners on `port`, from one snapshot of the listening table per batch.
    fn listeners(&self, port: u16) -> Vec<crate::evidence::Listener> {
        self.listeners
            .get_or_init(|| local::all_listeners(&mut Vec::new()))
            .iter()
            .filter(|l| l.addr.port() == port)
            .cloned()
            .collect()
    }

    fn route(
        &self,
        ip: std::net::IpAddr,
        notes: &mut Vec<String>,
    ) -> Option<crate::evidence::RouteFact> {
        if let Ok(m) = self.routes.lock()
            && let Some(r) = m.get(&ip)
        {
            return r.clone();
        }
        let r = local::route_to(ip, notes);
        if let Ok(mut m) = self.routes.lock() {
            m.insert(ip, r.clone());
        }
        r
    }

    /// The side probes of `ip`, run once per batch (started by the first check of
    /// that address) and shared by every check of it.
    async fn side_probes(&self, ip: std::net::IpAddr, deadline: Instant) -> Vec<SideProbe> {
        let cell = match self.side.lock() {
            Ok(mut m) => m.entry(ip).or_default().clone(),
            Err(_) => return Vec::new(),
        };
        cell.get_or_init(|| run_side_probes(ip, None, deadline, Duration::ZERO))
            .await
            .clone()
    }

    fn start_side_probes(self: &std::sync::Arc<Self>, ip: std::net::IpAddr, deadline: Instant) {
        let fresh = match self.side.lock() {
            Ok(m) => !m.contains_key(&ip),
            Err(_) => false,
        };
        if fresh {
            let me = self.clone();
            tokio::spawn(async move { me.side_probes(ip, deadline).await });
        }
    }
}

/// Connects to the [`SIDE_PORTS`] of `ip` (except `skip`) after `delay`.
async fn run_side_probes(
    ip: std::net::IpAddr,
    skip: Option<u16>,
    deadline: Instant,
    delay: Duration,
) -> Vec<SideProbe> {
    let mut set = JoinSet::new();
    for port in SIDE_PORTS.into_iter().filter(|p| Some(*p) != skip) {
        let addr = SocketAddr::new(ip, port);
        set.spawn(async move {
            // Most refusals arrive within a round trip; wait a moment so a quick
            // verdict sends no extra SYNs at all.
            tokio::time::sleep(delay).await;
            let r = connect::probe(addr, deadline).await;
            SideProbe {
                addr,
                outcome: r.outcome,
                elapsed_ms: r.elapsed_ms,
            }
        });
    }
    let mut out = Vec::new();
    while let Some(res) = set.join_next().await {
        if let Ok(p) = res {
            out.push(p);
        }
    }
    out.sort_by_key(|p| p.addr);
    out
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(3),
            side_probes: true,
            proto: protocol::ProtoOptions::default(),
            insecure: false,
            expect_token: None,
            expect_ip: Vec::new(),
            trace: true,
            shared: None,
            ports_when_ok: true,
        }
    }
}

/// Runs every probe for `target` and returns what was seen.
pub async fn gather(target: &Target, opts: &CheckOptions) -> Evidence {
    let start = Instant::now();
    let deadline = start + opts.timeout;
    let mut local = LocalFacts::default();

    // Each nameserver is asked directly while getaddrinfo runs, to say who said what.
    let dns_task = match &target.host {
        Host::Name(n) if n != "localhost" && !n.ends_with(".localhost") => {
            let n = n.clone();
            Some(tokio::spawn(async move { dns::gather(&n, deadline).await }))
        }
        _ => None,
    };
    let resolution = resolve::resolve(&target.host, deadline).await;
    let addrs: Vec<SocketAddr> = resolution
        .addresses
        .iter()
        .map(|ip| SocketAddr::new(*ip, target.port))
        .collect();

    // Interface addresses tell whether an address is this machine's own; a loopback
    // address is that by definition, so a loopback-only target skips the netlink dump
    // (a tenth of a refused local check's run).
    let loopback_only = !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback());
    match &opts.shared {
        Some(s) => {
            let (ifaces, notes) = s.interfaces();
            local.interfaces = ifaces;
            local.notes.extend(notes);
        }
        None if loopback_only => {}
        None => local.interfaces = local::interfaces(&mut local.notes),
    }
    let is_own =
        |ip: std::net::IpAddr| ip.is_loopback() || local.interfaces.iter().any(|i| i.addr == ip);
    let target_is_local = addrs.iter().any(|a| is_own(a.ip()));
    let side_delay = (opts.timeout / 20).min(Duration::from_millis(50));
    // The overflow counter only explains timeouts towards this machine's own listeners.
    // A batch reads it once at its start, so the delta covers the batch. A single check
    // reads it only once the connect has been pending for a moment: a refusal or an
    // accept on this machine takes microseconds and needs no counter, while a full
    // queue keeps dropping the SYN retransmissions, which the later read still counts
    // (and the queue length against the backlog proves a full queue on its own).
    let overflows_task = (opts.shared.is_none() && target_is_local).then(|| {
        tokio::spawn(async move {
            tokio::time::sleep(side_delay).await;
            local::listen_overflows()
        })
    });
    let overflows_at_start = match &opts.shared {
        Some(s) if target_is_local => *s.overflows_at_start.get_or_init(local::listen_overflows),
        _ => None,
    };

    let mut side = JoinSet::new();
    let side_ips: Vec<std::net::IpAddr> = {
        let mut seen_family = Vec::new();
        let mut ips = Vec::new();
        for a in &addrs {
            if !seen_family.contains(&a.is_ipv4()) && seen_family.len() < SIDE_PROBE_ADDRS {
                seen_family.push(a.is_ipv4());
                ips.push(a.ip());
            }
        }
        ips
    };
    if opts.side_probes {
        for ip in &side_ips {
            match &opts.shared {
                Some(s) => s.start_side_probes(*ip, deadline),
                None => {
                    let (ip, port) = (*ip, target.port);
                    side.spawn(run_side_probes(ip, Some(port), deadline, side_delay));
                }
            }
        }
    }

    // The path trace runs beside the side probes, for the first address, off this host.
    // A batch leaves it out: 30 sockets per target would crowd out the targets.
    let trace_task = match addrs.first() {
        Some(a)
            if opts.trace
                && opts.shared.is_none()
                && !a.ip().is_loopback()
                && !local.interfaces.iter().any(|i| i.addr == a.ip()) =>
        {
            let a = *a;
            Some(tokio::spawn(async move {
                tokio::time::sleep(side_delay).await;
                trace::trace(a, deadline, trace::MAX_HOPS).await
            }))
        }
        _ => None,
    };

    let mut connected = None;
    let attempts: Vec<ConnectAttempt> = if let [only] = addrs.as_slice() {
        // The common case needs no task of its own, and keeps its connection for the
        // protocol exchange.
        let (attempt, kept) = connect::probe_keep(*only, deadline).await;
        connected = kept;
        vec![attempt]
    } else {
        let mut main = JoinSet::new();
        for (i, a) in addrs.iter().enumerate() {
            let a = *a;
            main.spawn(async move { (i, connect::probe(a, deadline).await) });
        }
        let mut attempts: Vec<Option<ConnectAttempt>> = vec![None; addrs.len()];
        while let Some(res) = main.join_next().await {
            if let Ok((i, a)) = res {
                attempts[i] = Some(a);
            }
        }
        attempts.into_iter().flatten().collect()
    };

    // Side probes only matter when the main connect got no answer; otherwise they are
    // abandoned at once so a refused verdict is not delayed.
    let any_timeout = attempts.iter().any(|a| a.outcome == Outcome::TimedOut);
    let side_probes = if opts.side_probes && any_timeout {
        let mut out = Vec::new();
        match &opts.shared {
            Some(s) => {
                for ip in &side_ips {
                    out.extend(s.side_probes(*ip, deadline).await);
                }
            }
            None => {
                while let Some(res) = side.join_next().await {
                    if let Ok(p) = res {
                        out.extend(p);
                    }
                }
            }
        }
        out.sort_by_key(|p| p.addr);
        Some(out)
    } else {
        side.abort_all();
        None
    };
    let first_timed_out = attempts
        .first()
        .is_some_and(|a| a.outcome == Outcome::TimedOut);
    let trace = match trace_task {
        Some(t) if first_timed_out => t.await.ok(),
        Some(t) => {
            t.abort();
            None
        }
        None => None,
    };
    // Nameserver answers matter most when resolution failed; otherwise they may not
    // hold up a verdict that is already known for longer than a moment.
    let dns = match dns_task {
        Some(t) => {
            let cap = if resolution.error.is_some() {
                deadline
            } else {
                deadline.min(Instant::now() + Duration::from_millis(300))
            };
            match tokio::time::timeout_at(cap, t).await {
                Ok(Ok(d)) => Some(d),
                _ => {
                    local
                        .notes
                        .push("nameservers did not answer in time".into());
                    None
                }
            }
        }
        None => None,
    };

    // Read again only when it can explain something: a timeout towards this machine.
    let overflows_before = match overflows_task {
        Some(t) if any_timeout => t.await.ok().flatten(),
        Some(t) => {
            t.abort();
            None
        }
        None => overflows_at_start,
    };
    local.listen_overflows = if any_timeout {
        overflows_before.zip(local::listen_overflows())
    } else {
        None
    };

    // The protocol layer speaks to the first address that accepted, as a client would.
    let protocol = match attempts.iter().find(|a| a.outcome == Outcome::Connected) {
        // Boxed: its state is large, and kept inline it would be copied with every
        // check's future, connected or not (a sweep's biggest memmove).
        Some(a) => {
            let kept = connected.take().filter(|_| addrs.len() == 1);
            Box::pin(protocol::run(target, a.addr, &opts.proto, deadline, kept)).await
        }
        None => None,
    };
    local.listeners = match &opts.shared {
        Some(s) => s.listeners(target.port),
        None => local::listeners(target.port, &mut local.notes),
    };
    // Counting sockets towards the target walks the kernel's whole established table;
    // only the verdicts that use it (no local port, or working with a warning) pay.
    // A batch and the exporter walk for a working target only when the host's socket
    // totals (O(1) counters) leave the 80% warning possible, so the cost of a
    // successful probe does not grow with unrelated sockets.
    let needs_ports = attempts.iter().any(|a| match a.outcome {
        Outcome::AddrNotAvailable => true,
        Outcome::Connected if opts.shared.is_none() && opts.ports_when_ok => true,
        Outcome::Connected => local::ports_may_be_short(),
        _ => false,
    });
    if needs_ports {
        let connected = attempts.iter().any(|a| a.outcome == Outcome::Connected);
        let to_target = if connected && !opts.ports_when_ok {
            // The exporter: a count at most a second old, so a steady stream of
            // successful probes walks the table once a second, not once per probe.
            local::sockets_to_recent(&addrs, &mut local.notes)
        } else {
            local::sockets_to(&addrs, &mut local.notes)
        };
        local.ports = local::port_usage(to_target, &mut local.notes);
    }
    for a in &addrs {
        // The kernel's local table sends this machine's own addresses over `lo`; the
        // main table (what /proc/net/route shows) would name the default route.
        let own = a.ip().is_loopback() || local.interfaces.iter().any(|i| i.addr == a.ip());
        let r = if own {
            Some(crate::evidence::RouteFact {
                prefix_len: if a.is_ipv4() { 32 } else { 128 },
                gateway: None,
                interface: "lo".into(),
            })
        } else if let Some(s) = &opts.shared {
            s.route(a.ip(), &mut local.notes)
        } else {
            local::route_to(a.ip(), &mut local.notes)
        };
        local.routes.insert(a.ip(), r);
    }
    local.fd_limit = match &opts.shared {
        Some(s) => *s.fd_limit.get_or_init(local::fd_limit),
        None => local::fd_limit(),
    };
    let first_route = addrs
        .first()
        .and_then(|a| local.routes.get(&a.ip()).cloned().flatten());
    let proxy = match &opts.shared {
        // The environment does not change during a batch: read it once.
        Some(s) => {
            let vars = s.env.get_or_init(|| {
                env::VARS
                    .iter()
                    .filter_map(|k| Some((*k, std::env::var(k).ok()?)))
                    .collect()
            });
            env::gather(
                target,
                |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()),
                first_route.as_ref(),
            )
        }
        None => env::gather(target, |k| std::env::var(k).ok(), first_route.as_ref()),
    };
    let cdn = resolution
        .addresses
        .iter()
        .filter_map(|ip| cdn::lookup(*ip))
        .collect();

    Evidence {
        target: target.clone(),
        resolution,
        attempts,
        side_probes,
        protocol,
        insecure: opts.insecure,
        expect_token: opts.expect_token.clone(),
        expect_ip: opts.expect_ip.clone(),
        dns,
        proxy,
        cdn,
        trace,
        local,
        budget_ms: u64::try_from(opts.timeout.as_millis()).unwrap_or(u64::MAX),
    }
}
