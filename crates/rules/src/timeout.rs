//! Causes of a connect that got no answer within the budget.

use super::{Ctx, finding, is_private};
use crate::evidence::{ConnectAttempt, Outcome};
use crate::finding::{Confidence::*, Finding, Msg};

pub fn rules(ctx: &Ctx) -> Vec<Finding> {
    let Some(p) = ctx.primary().filter(|a| a.outcome == Outcome::TimedOut) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(f) = accept_queue_full(ctx, p) {
        let proven = f.confidence == High;
        out.push(f);
        if proven {
            // The kernel itself counted the dropped SYNs; no firewall guesswork needed.
            return out;
        }
    }
    let unroutable = private_unroutable(ctx, p);
    out.extend(unroutable);
    out.extend(filtered_or_down(ctx, p));
    if let Some(m) = path_msg(ctx) {
        for f in &mut out {
            f.evidence.push(m.clone());
        }
    }
    out
}

/// Where the TTL-limited SYNs stopped getting answers.
fn path_msg(ctx: &Ctx) -> Option<Msg> {
    let hops = ctx.ev.trace.as_ref()?;
    if let Some(h) = hops
        .iter()
        .find(|h| h.kind == "reached" || h.kind == "unreachable")
    {
        return Some(
            Msg::new("ev-path-target-answers")
                .arg("ttl", u32::from(h.ttl))
                .arg("addr", h.from.map(|a| a.to_string()).unwrap_or_default()),
        );
    }
    Some(match crate::evidence::last_router(hops) {
        Some(h) => Msg::new("ev-path-last-hop")
            .arg("ttl", u32::from(h.ttl))
            .arg("addr", h.from.map(|a| a.to_string()).unwrap_or_default()),
        // With no gateway on the route the server is on this network: no router to answer.
        None if hops
            .first()
            .and_then(|_| ctx.ev.attempts.first())
            .and_then(|a| ctx.ev.local.routes.get(&a.addr.ip()).cloned().flatten())
            .is_some_and(|r| r.gateway.is_none()) =>
        {
            Msg::new("ev-path-on-link")
        }
        None => Msg::new("ev-path-no-hop"),
    })
}

fn syn_evidence(p: &ConnectAttempt) -> Msg {
    Msg::new("ev-syn-unanswered")
        .arg("addr", p.addr.to_string())
        .arg("ms", p.elapsed_ms.round())
        .arg("retransmits", p.syn_retransmits.unwrap_or(0))
}

/// `timeout.accept-queue-full`: a local listener whose accept queue is full drops SYNs.
pub fn accept_queue_full(ctx: &Ctx, p: &ConnectAttempt) -> Option<Finding> {
    if !ctx.is_local(p.addr.ip()) {
        return None;
    }
    let l = ctx.listeners_for(p.addr).find(|l| l.accept_queue > 0)?;
    let overflows = ctx
        .ev
        .local
        .listen_overflows
        .map(|(before, after)| after.saturating_sub(before));
    // The kernel drops SYNs once the queue holds more than the backlog.
    let full = l.backlog.map(|b| l.accept_queue > b);
    let confidence = if overflows.is_some_and(|d| d > 0) || full == Some(true) {
        High
    } else {
        Medium
    };
    let mut f = finding("timeout.accept-queue-full", confidence)
        .arg("addr", l.addr.to_string())
        .arg("queued", l.accept_queue)
        .because(
            Msg::new("ev-accept-queue")
                .arg("addr", l.addr.to_string())
                .arg("queued", l.accept_queue),
        );
    if let Some(b) = l.backlog {
        f = f.because(
            Msg::new("ev-backlog")
                .arg("backlog", b)
                .arg("queued", l.accept_queue),
        );
    }
    if let Some(d) = overflows.filter(|d| *d > 0) {
        f = f.because(Msg::new("ev-listen-overflows").arg("count", d));
    }
    Some(f.because(syn_evidence(p)))
}

/// `timeout.private-unroutable`: an intranet address dialled from outside that intranet.
pub fn private_unroutable(ctx: &Ctx, p: &ConnectAttempt) -> Option<Finding> {
    let ip = p.addr.ip();
    if !is_private(ip) || ctx.is_local(ip) || ctx.on_local_network(ip) {
        return None;
    }
    let route = ctx.ev.local.routes.get(&ip).cloned().flatten();
    // A specific route (VPN, site-to-site link) means the network may well be reachable.
    if route.as_ref().is_some_and(|r| r.prefix_len > 0) {
        return None;
    }
    let host_answered = side_answers(ctx, p).next().is_some();
    let confidence = if host_answered { Low } else { High };
    let route_msg = match &route {
        Some(r) => Msg::new("ev-only-default-route")
            .arg(
                "gateway",
                r.gateway.map(|g| g.to_string()).unwrap_or_default(),
            )
            .arg("iface", r.interface.clone()),
        None => Msg::new("ev-no-route-at-all"),
    };
    Some(
        finding("timeout.private-unroutable", confidence)
            .arg("addr", ip.to_string())
            .because(Msg::new("ev-private-address").arg("addr", ip.to_string()))
            .because(Msg::new("ev-not-on-local-network").arg("addr", ip.to_string()))
            .because(route_msg),
    )
}

fn side_answers<'a>(
    ctx: &Ctx<'a>,
    p: &'a ConnectAttempt,
) -> impl Iterator<Item = &'a crate::evidence::SideProbe> {
    ctx.ev
        .side_probes
        .iter()
        .flatten()
        .filter(move |s| s.addr.ip() == p.addr.ip() && s.outcome.host_answered())
}

/// `timeout.filtered` vs `timeout.host-down`, decided by the side probes.
pub fn filtered_or_down(ctx: &Ctx, p: &ConnectAttempt) -> Vec<Finding> {
    let addr = p.addr.to_string();
    let ip = p.addr.ip().to_string();
    let Some(side) = &ctx.ev.side_probes else {
        return vec![
            finding("timeout.filtered", Medium)
                .arg("addr", addr.clone())
                .arg("port", p.addr.port())
                .because(syn_evidence(p))
                .because(Msg::new("ev-side-probes-off")),
            finding("timeout.host-down", Low)
                .arg("ip", ip)
                .because(Msg::new("ev-side-probes-off")),
        ];
    };
    // What came back, in TCP's own words, so the line reads the same in every language.
    let answered: Vec<String> = side_answers(ctx, p)
        .map(|s| {
            let reply = if s.outcome == Outcome::Connected {
                "SYN-ACK"
            } else {
                "RST"
            };
            format!("{} ({reply})", s.addr.port())
        })
        .collect();
    if !answered.is_empty() {
        return vec![
            finding("timeout.filtered", High)
                .arg("addr", addr)
                .arg("port", p.addr.port())
                .because(syn_evidence(p))
                .because(
                    Msg::new("ev-host-answers-elsewhere")
                        .arg("ip", ip)
                        .arg("ports", answered.join(", ")),
                ),
        ];
    }
    let tried: Vec<String> = side
        .iter()
        .filter(|s| s.addr.ip() == p.addr.ip())
        .map(|s| s.addr.port().to_string())
        .collect();
    let silent = Msg::new("ev-host-silent")
        .arg("ip", ip.clone())
        .arg("ports", tried.join(", "));
    vec![
        finding("timeout.host-down", Medium)
            .arg("ip", ip)
            .because(syn_evidence(p))
            .because(silent.clone()),
        finding("timeout.filtered", Low)
            .arg("addr", addr)
            .arg("port", p.addr.port())
            .because(silent),
    ]
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::{Outcome, RouteFact, SideProbe};
    use crate::finding::{Confidence, Symptom};
    use crate::testutil::*;

    fn side(ev: &mut crate::evidence::Evidence, addr: &str, o: Outcome) {
        ev.side_probes.get_or_insert_with(Vec::new).push(SideProbe {
            addr: addr.parse().unwrap(),
            outcome: o,
            elapsed_ms: 1.0,
        });
    }

    #[test]
    fn host_answering_elsewhere_means_filtered() {
        let mut ev = evidence(
            "198.51.100.4:8282",
            vec![("198.51.100.4:8282", Outcome::TimedOut)],
        );
        side(&mut ev, "198.51.100.4:22", Outcome::Refused);
        side(&mut ev, "198.51.100.4:80", Outcome::TimedOut);
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Timeout);
        assert_eq!(ids(&d), ["timeout.filtered"]);
        assert_eq!(d.causes[0].confidence, Confidence::High);
    }

    #[test]
    fn total_silence_means_host_down_first() {
        let mut ev = evidence(
            "198.51.100.4:8282",
            vec![("198.51.100.4:8282", Outcome::TimedOut)],
        );
        side(&mut ev, "198.51.100.4:22", Outcome::TimedOut);
        let d = diagnose(&ev);
        assert_eq!(ids(&d), ["timeout.host-down", "timeout.filtered"]);
        assert_eq!(d.causes[0].confidence, Confidence::Medium);
    }

    #[test]
    fn private_target_behind_default_route() {
        let mut ev = evidence(
            "192.168.50.10:8282",
            vec![("192.168.50.10:8282", Outcome::TimedOut)],
        );
        iface(&mut ev, "10.0.0.5", 24);
        let ip = "192.168.50.10".parse().unwrap();
        ev.local.routes.insert(
            ip,
            Some(RouteFact {
                prefix_len: 0,
                gateway: Some("10.0.0.1".parse().unwrap()),
                interface: "eth0".into(),
            }),
        );
        side(&mut ev, "192.168.50.10:22", Outcome::TimedOut);
        let d = diagnose(&ev);
        assert_eq!(d.causes[0].id, "timeout.private-unroutable");
        assert_eq!(d.causes[0].confidence, Confidence::High);
    }

    #[test]
    fn private_target_on_local_network_is_not_unroutable() {
        let mut ev = evidence("10.0.0.9:8282", vec![("10.0.0.9:8282", Outcome::TimedOut)]);
        iface(&mut ev, "10.0.0.5", 24);
        assert!(!ids(&diagnose(&ev)).contains(&"timeout.private-unroutable"));
    }

    #[test]
    fn full_accept_queue_with_overflows_is_proven() {
        let mut ev = evidence(
            "127.0.0.1:9000",
            vec![("127.0.0.1:9000", Outcome::TimedOut)],
        );
        listener(&mut ev, "127.0.0.1:9000", 2);
        ev.local.listen_overflows = Some((10, 13));
        let d = diagnose(&ev);
        assert_eq!(ids(&d), ["timeout.accept-queue-full"]);
        assert_eq!(d.causes[0].confidence, Confidence::High);
    }

    #[test]
    fn queue_above_backlog_is_proven_without_counter() {
        let mut ev = evidence(
            "127.0.0.1:9000",
            vec![("127.0.0.1:9000", Outcome::TimedOut)],
        );
        listener(&mut ev, "127.0.0.1:9000", 2);
        ev.local.listeners[0].backlog = Some(1);
        let d = diagnose(&ev);
        assert_eq!(d.causes[0].confidence, Confidence::High);
        assert!(d.causes[0].evidence.iter().any(|m| m.id == "ev-backlog"));
    }

    #[test]
    fn queue_without_overflow_counter_is_only_likely() {
        let mut ev = evidence(
            "127.0.0.1:9000",
            vec![("127.0.0.1:9000", Outcome::TimedOut)],
        );
        listener(&mut ev, "127.0.0.1:9000", 2);
        let d = diagnose(&ev);
        assert_eq!(d.causes[0].id, "timeout.accept-queue-full");
        assert_eq!(d.causes[0].confidence, Confidence::Medium);
    }
}
