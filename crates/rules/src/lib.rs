//! Rules: pure functions from [`Evidence`] to [`Diagnosis`]. No sockets, no clock, no
//! files. One function per cause of the catalogue (causes.md), each beside its tests.

#![deny(unsafe_code)]

// The model, under the names every stage uses (`crate::evidence`, `crate::finding`).
pub use conndoctor_model::{cause, evidence, finding, net, target};

mod addr_not_avail;
pub mod audit;
mod dns;
pub mod environment;
mod local;
pub mod protocol;
mod refused;
mod timeout;
mod unreachable;
pub mod watch;

use std::net::{IpAddr, SocketAddr};

use crate::evidence::{ConnectAttempt, Evidence, Outcome};
use crate::finding::{Confidence, Diagnosis, Finding, Symptom};

/// Read-only view of the evidence with the derived facts several rules share.
pub struct Ctx<'a> {
    pub ev: &'a Evidence,
}

impl<'a> Ctx<'a> {
    /// The attempt a typical client makes first: the resolver's first address.
    pub fn primary(&self) -> Option<&'a ConnectAttempt> {
        self.ev.attempts.first()
    }

    pub fn failed(&self) -> impl Iterator<Item = &'a ConnectAttempt> {
        self.ev
            .attempts
            .iter()
            .filter(|a| a.outcome != Outcome::Connected)
    }

    /// True when `ip` is this machine: loopback, or an address of a local interface.
    pub fn is_local(&self, ip: IpAddr) -> bool {
        ip.is_loopback() || self.ev.local.interfaces.iter().any(|i| i.addr == ip)
    }

    /// True when one of this machine's networks contains `ip`.
    pub fn on_local_network(&self, ip: IpAddr) -> bool {
        self.ev
            .local
            .interfaces
            .iter()
            .any(|i| !i.addr.is_loopback() && same_network(i.addr, ip, i.prefix_len))
    }

    /// Listeners on the target port that accept connections to `addr`.
    pub fn listeners_for(
        &self,
        addr: SocketAddr,
    ) -> impl Iterator<Item = &'a crate::evidence::Listener> {
        self.ev
            .local
            .listeners
            .iter()
            .filter(move |l| listener_covers(l.addr, addr))
    }
}

// Shared with the audit's listeners (crates/model), which need it too.
pub use crate::net::listener_covers;

pub fn same_network(a: IpAddr, b: IpAddr, prefix: u8) -> bool {
    match (a, b) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let m = if prefix == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(prefix.min(32)))
            };
            u32::from(a) & m == u32::from(b) & m
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            let m = if prefix == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(prefix.min(128)))
            };
            u128::from(a) & m == u128::from(b) & m
        }
        _ => false,
    }
}

/// RFC 1918, CGNAT (RFC 6598) and IPv6 ULA space: addresses that only mean something
/// inside one organisation's network.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_private() || (o[0] == 100 && (o[1] & 0xc0) == 64)
        }
        IpAddr::V6(v6) => (v6.segments()[0] & 0xfe00) == 0xfc00,
    }
}

/// Runs every rule and orders the causes by confidence.
pub fn diagnose(ev: &Evidence) -> Diagnosis {
    let ctx = Ctx { ev };
    let mut causes: Vec<Finding> = Vec::new();
    let mut warnings: Vec<Finding> = Vec::new();

    let symptom = if ev.resolution.error.is_some() || ev.attempts.is_empty() {
        causes.extend(dns::rules(&ctx));
        Symptom::Dns
    } else if ev
        .attempts
        .iter()
        .any(|a| a.outcome == Outcome::FdExhausted)
    {
        causes.extend(local::fd_exhausted(&ctx));
        Symptom::Local
    } else if ev
        .attempts
        .iter()
        .any(|a| a.outcome == Outcome::AddrNotAvailable)
    {
        causes.extend(addr_not_avail::rules(&ctx));
        Symptom::AddrNotAvail
    } else {
        let primary = ctx.primary().map(|a| &a.outcome);
        let symptom = match primary {
            Some(Outcome::Connected) | None => Symptom::Ok,
            Some(Outcome::Refused) => Symptom::Refused,
            Some(Outcome::TimedOut) => Symptom::Timeout,
            Some(Outcome::HostUnreachable | Outcome::NetUnreachable) => Symptom::Unreachable,
            Some(Outcome::Other { .. }) => Symptom::Local,
            // Handled above; kept for exhaustiveness.
            Some(Outcome::AddrNotAvailable) => Symptom::AddrNotAvail,
            Some(Outcome::FdExhausted) => Symptom::Local,
        };
        let family = refused::family_mismatch(&ctx);
        match symptom {
            Symptom::Ok => {
                warnings.extend(family);
                warnings.extend(addr_not_avail::near_exhaustion(&ctx));
                if let Some(v) = protocol::rules(&ctx) {
                    causes.extend(v.causes);
                    warnings.extend(v.warnings);
                    return finish(&ctx, v.symptom, causes, warnings);
                }
            }
            _ => {
                causes.extend(family);
                causes.extend(refused::rules(&ctx));
                causes.extend(timeout::rules(&ctx));
                causes.extend(unreachable::rules(&ctx));
                causes.extend(local::outbound_blocked(&ctx));
            }
        }
        symptom
    };

    finish(&ctx, symptom, causes, warnings)
}

fn finish(
    ctx: &Ctx,
    mut symptom: Symptom,
    mut causes: Vec<Finding>,
    mut warnings: Vec<Finding>,
) -> Diagnosis {
    let (env_causes, env_warnings) = environment::rules(ctx, symptom);
    // A connection that works but reaches another address than the user expects is a
    // DNS problem all the same.
    if symptom == Symptom::Ok && env_causes.iter().any(|f| f.id == "dns.wrong-ip") {
        symptom = Symptom::Dns;
    }
    // Causes on the client's side come first at equal confidence: they act before the
    // packet ever reaches the server (a wrong address, a proxy, a CDN that drops the port).
    let (before, after): (Vec<Finding>, Vec<Finding>) =
        env_causes.into_iter().partition(|f| f.id != "proxy.cdn");
    let mut ordered = before;
    ordered.append(&mut causes);
    ordered.extend(after);
    let mut causes = ordered;
    warnings.extend(env_warnings);
    // Stable sort keeps each rule group's own order among equal confidences.
    causes.sort_by_key(|f| std::cmp::Reverse(f.confidence));
    dedup_by_id(&mut causes);
    Diagnosis {
        symptom,
        causes,
        warnings,
    }
}

fn dedup_by_id(v: &mut Vec<Finding>) {
    let mut seen: Vec<&'static str> = Vec::new();
    v.retain(|f| {
        if seen.contains(&f.id) {
            false
        } else {
            seen.push(f.id);
            true
        }
    });
}

fn finding(id: &'static str, confidence: Confidence) -> Finding {
    Finding::new(id, confidence)
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Builders for hand-made Evidence in rule tests.
    use std::net::{IpAddr, SocketAddr};

    use crate::evidence::*;
    use crate::target;

    pub fn evidence(target: &str, attempts: Vec<(&str, Outcome)>) -> Evidence {
        let t = target::parse(target).expect("test target");
        let attempts: Vec<ConnectAttempt> = attempts
            .into_iter()
            .map(|(a, o)| ConnectAttempt {
                addr: a.parse::<SocketAddr>().expect("test addr"),
                outcome: o,
                elapsed_ms: 1.0,
                icmp: None,
                syn_retransmits: None,
                local: None,
            })
            .collect();
        Evidence {
            target: t,
            resolution: Resolution {
                source: "system",
                addresses: attempts.iter().map(|a| a.addr.ip()).collect(),
                error: None,
                elapsed_ms: 0.1,
            },
            attempts,
            side_probes: None,
            protocol: None,
            insecure: false,
            expect_token: None,
            expect_ip: Vec::new(),
            dns: None,
            proxy: ProxyEvidence::default(),
            cdn: Vec::new(),
            trace: None,
            local: LocalFacts::default(),
            budget_ms: 3000,
        }
    }

    pub fn iface(ev: &mut Evidence, addr: &str, prefix_len: u8) {
        ev.local.interfaces.push(InterfaceAddr {
            name: "eth0".into(),
            addr: addr.parse::<IpAddr>().expect("test ip"),
            prefix_len,
        });
    }

    pub fn listener(ev: &mut Evidence, addr: &str, accept_queue: u32) {
        ev.local.listeners.push(Listener {
            addr: addr.parse().expect("test addr"),
            accept_queue,
            backlog: None,
        });
    }

    pub fn ids(d: &crate::finding::Diagnosis) -> Vec<&'static str> {
        d.causes.iter().map(|f| f.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;

    #[test]
    fn connected_is_ok_without_causes() {
        let ev = evidence("127.0.0.1:80", vec![("127.0.0.1:80", Outcome::Connected)]);
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Ok);
        assert!(d.causes.is_empty());
    }

    #[test]
    fn private_ranges() {
        for ip in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.9.9",
            "100.64.0.1",
            "fd12::1",
        ] {
            assert!(is_private(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:db8::1"] {
            assert!(!is_private(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn listener_coverage() {
        let s = |x: &str| x.parse::<SocketAddr>().unwrap();
        assert!(listener_covers(s("0.0.0.0:80"), s("10.0.0.1:80")));
        assert!(listener_covers(s("[::]:80"), s("10.0.0.1:80")));
        assert!(!listener_covers(s("127.0.0.1:80"), s("127.0.0.2:80")));
        assert!(!listener_covers(s("127.0.0.1:80"), s("[::1]:80")));
        assert!(!listener_covers(s("0.0.0.0:81"), s("10.0.0.1:80")));
    }
}
