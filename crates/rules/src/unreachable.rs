//! Causes of EHOSTUNREACH / ENETUNREACH.

use super::{Ctx, finding, refused, timeout};
use crate::evidence::Outcome;
use crate::finding::{Confidence::*, Finding, Msg};

pub fn rules(ctx: &Ctx) -> Vec<Finding> {
    let Some(p) = ctx.primary().filter(|a| {
        matches!(
            a.outcome,
            Outcome::HostUnreachable | Outcome::NetUnreachable
        )
    }) else {
        return Vec::new();
    };
    // An admin-prohibited ICMP is a firewall's "no", whatever errno it became.
    if let Some(f) = refused::firewall_reject(ctx) {
        return vec![f];
    }
    let mut out = Vec::new();
    let origin = p.icmp.as_ref().and_then(|i| i.origin);
    let reported_by = match origin {
        Some(o) if ctx.is_local(o) => {
            Msg::new("ev-neighbour-failed").arg("addr", p.addr.ip().to_string())
        }
        Some(o) => Msg::new("ev-router-reported")
            .arg("router", o.to_string())
            .arg("outcome", p.outcome.id()),
        None => Msg::new("ev-kernel-reported").arg("outcome", p.outcome.id()),
    };
    let id = if p.outcome == Outcome::NetUnreachable {
        "unreachable.no-route"
    } else {
        "unreachable.host"
    };
    let mut f = finding(id, High)
        .arg("addr", p.addr.ip().to_string())
        .because(reported_by);
    if p.outcome == Outcome::NetUnreachable && origin.is_none() {
        let route = ctx.ev.local.routes.get(&p.addr.ip()).cloned().flatten();
        if route.is_none() {
            f = f.because(Msg::new("ev-no-route-at-all"));
        }
    }
    out.push(f);
    if let Some(mut u) = timeout::private_unroutable(ctx, p) {
        u.confidence = Medium;
        out.push(u);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::{IcmpReport, Outcome};
    use crate::finding::Symptom;
    use crate::testutil::*;

    #[test]
    fn no_route_to_private_network() {
        let mut ev = evidence(
            "10.99.0.1:80",
            vec![("10.99.0.1:80", Outcome::NetUnreachable)],
        );
        iface(&mut ev, "192.168.1.5", 24);
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Unreachable);
        assert_eq!(
            ids(&d),
            ["unreachable.no-route", "timeout.private-unroutable"]
        );
    }

    #[test]
    fn host_unreachable_names_the_router() {
        let mut ev = evidence(
            "198.51.100.9:80",
            vec![("198.51.100.9:80", Outcome::HostUnreachable)],
        );
        ev.attempts[0].icmp = Some(IcmpReport {
            origin: Some("192.0.2.1".parse().unwrap()),
            v6: false,
            icmp_type: 3,
            code: 1,
        });
        let d = diagnose(&ev);
        assert_eq!(ids(&d), ["unreachable.host"]);
        assert_eq!(d.causes[0].evidence[0].id, "ev-router-reported");
    }

    #[test]
    fn admin_prohibited_is_a_firewall() {
        let mut ev = evidence(
            "198.51.100.9:80",
            vec![("198.51.100.9:80", Outcome::HostUnreachable)],
        );
        ev.attempts[0].icmp = Some(IcmpReport {
            origin: Some("198.51.100.9".parse().unwrap()),
            v6: false,
            icmp_type: 3,
            code: 13,
        });
        assert_eq!(ids(&diagnose(&ev)), ["refused.firewall-reject"]);
    }
}
