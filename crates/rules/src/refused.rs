//! Causes of a refused connection (and the family mismatch, which shows as one).

use std::net::SocketAddr;

use super::{Ctx, finding};
use crate::evidence::Outcome;
use crate::finding::{Confidence::*, Finding, Msg};

fn list(addrs: impl Iterator<Item = SocketAddr>) -> String {
    addrs.map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
}

/// `refused.family-mismatch`: one address family connects, the other fails.
pub fn family_mismatch(ctx: &Ctx) -> Option<Finding> {
    let ok: Vec<SocketAddr> = ctx
        .ev
        .attempts
        .iter()
        .filter(|a| a.outcome == Outcome::Connected)
        .map(|a| a.addr)
        .collect();
    let bad: Vec<&crate::evidence::ConnectAttempt> = ctx.failed().collect();
    let ok_v4 = ok.iter().any(SocketAddr::is_ipv4);
    let ok_v6 = ok.iter().any(SocketAddr::is_ipv6);
    let bad_all_other_family = !bad.is_empty()
        && ((ok_v4 && !ok_v6 && bad.iter().all(|a| a.addr.is_ipv6()))
            || (ok_v6 && !ok_v4 && bad.iter().all(|a| a.addr.is_ipv4())));
    if !bad_all_other_family {
        return None;
    }
    let failed = bad[0];
    Some(
        finding("refused.family-mismatch", High)
            .arg("failed", failed.addr.to_string())
            .arg("working", list(ok.iter().copied()))
            .because(
                Msg::new("ev-family-failed")
                    .arg("addr", failed.addr.to_string())
                    .arg("outcome", failed.outcome.id()),
            )
            .because(Msg::new("ev-family-connected").arg("addr", list(ok.iter().copied()))),
    )
}

/// Causes for a primary attempt that was refused.
pub fn rules(ctx: &Ctx) -> Vec<Finding> {
    let Some(p) = ctx.primary().filter(|a| a.outcome == Outcome::Refused) else {
        return Vec::new();
    };
    if let Some(f) = firewall_reject(ctx) {
        return vec![f];
    }
    if ctx.is_local(p.addr.ip()) {
        local_target(ctx, p.addr)
    } else {
        remote_target(p.addr)
    }
}

/// `refused.firewall-reject`: the refusal is an ICMP error, not a RST.
pub fn firewall_reject(ctx: &Ctx) -> Option<Finding> {
    let p = ctx.primary()?;
    let icmp = p.icmp.as_ref()?;
    if !(icmp.is_port_unreachable() || icmp.is_admin_prohibited()) {
        return None;
    }
    let origin = icmp
        .origin
        .map(|o| o.to_string())
        .unwrap_or_else(|| "?".into());
    let mut f = finding("refused.firewall-reject", High)
        .arg("addr", p.addr.to_string())
        .because(
            Msg::new("ev-icmp-error")
                .arg("origin", origin.clone())
                .arg("type", u32::from(icmp.icmp_type))
                .arg("code", u32::from(icmp.code)),
        );
    if icmp.origin.is_some_and(|o| o != p.addr.ip()) {
        f = f.because(Msg::new("ev-icmp-other-origin").arg("origin", origin));
    } else {
        f = f.because(Msg::new("ev-icmp-not-rst"));
    }
    Some(f)
}

/// The target is this machine, so the kernel's listener table decides.
fn local_target(ctx: &Ctx, addr: SocketAddr) -> Vec<Finding> {
    let listeners = &ctx.ev.local.listeners;
    if listeners.is_empty() {
        return vec![
            finding("refused.not-listening", High)
                .arg("addr", addr.to_string())
                .arg("port", addr.port())
                .because(Msg::new("ev-no-listener-local").arg("port", addr.port())),
        ];
    }
    if ctx.listeners_for(addr).next().is_some() {
        // Something listens on this very address and still a RST came back: a
        // `reject with tcp reset` rule, or the listener closed between the two reads.
        return vec![
            finding("refused.firewall-reject", Medium)
                .arg("addr", addr.to_string())
                .because(Msg::new("ev-listener-but-rst").arg("addr", addr.to_string())),
        ];
    }
    let bound = list(listeners.iter().map(|l| l.addr));
    let all_loopback = listeners.iter().all(|l| l.addr.ip().is_loopback());
    let id = if all_loopback {
        "refused.loopback-only"
    } else {
        "refused.other-address"
    };
    vec![
        finding(id, High)
            .arg("addr", addr.to_string())
            .arg("bound", bound.clone())
            .arg("port", addr.port())
            .because(
                Msg::new("ev-listener-elsewhere")
                    .arg("bound", bound)
                    .arg("addr", addr.to_string()),
            ),
    ]
}

/// A RST from a remote host proves only that nothing accepts on that address:port.
fn remote_target(addr: SocketAddr) -> Vec<Finding> {
    let hint = Msg::new("ev-audit-would-tell").arg("port", addr.port());
    vec![
        finding("refused.not-listening", Medium)
            .arg("addr", addr.to_string())
            .arg("port", addr.port())
            .because(Msg::new("ev-rst-from-target").arg("addr", addr.to_string())),
        finding("refused.loopback-only", Low)
            .arg("addr", addr.to_string())
            .arg("bound", "127.0.0.1")
            .arg("port", addr.port())
            .because(hint.clone()),
        finding("refused.other-address", Low)
            .arg("addr", addr.to_string())
            .arg("bound", "?")
            .arg("port", addr.port())
            .because(hint),
    ]
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::{IcmpReport, Outcome};
    use crate::finding::{Confidence, Symptom};
    use crate::testutil::*;

    #[test]
    fn local_port_without_listener_is_not_listening() {
        let ev = evidence("127.0.0.1:8282", vec![("127.0.0.1:8282", Outcome::Refused)]);
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Refused);
        assert_eq!(ids(&d), ["refused.not-listening"]);
        assert_eq!(d.causes[0].confidence, Confidence::High);
    }

    #[test]
    fn loopback_bound_listener_reached_via_lan_address() {
        let mut ev = evidence("10.0.0.5:8282", vec![("10.0.0.5:8282", Outcome::Refused)]);
        iface(&mut ev, "10.0.0.5", 24);
        listener(&mut ev, "127.0.0.1:8282", 0);
        let d = diagnose(&ev);
        assert_eq!(ids(&d), ["refused.loopback-only"]);
        assert_eq!(d.causes[0].args["bound"], "127.0.0.1:8282".into());
    }

    #[test]
    fn loopback_alias_counts_as_local() {
        let mut ev = evidence("127.0.0.2:9000", vec![("127.0.0.2:9000", Outcome::Refused)]);
        listener(&mut ev, "127.0.0.1:9000", 0);
        assert_eq!(ids(&diagnose(&ev)), ["refused.loopback-only"]);
    }

    #[test]
    fn listener_on_another_specific_address() {
        let mut ev = evidence("10.0.0.5:8282", vec![("10.0.0.5:8282", Outcome::Refused)]);
        iface(&mut ev, "10.0.0.5", 24);
        iface(&mut ev, "10.0.1.5", 24);
        listener(&mut ev, "10.0.1.5:8282", 0);
        assert_eq!(ids(&diagnose(&ev)), ["refused.other-address"]);
    }

    #[test]
    fn remote_rst_lists_not_listening_first_with_alternatives() {
        let ev = evidence(
            "203.0.113.7:8282",
            vec![("203.0.113.7:8282", Outcome::Refused)],
        );
        let d = diagnose(&ev);
        assert_eq!(
            ids(&d),
            [
                "refused.not-listening",
                "refused.loopback-only",
                "refused.other-address"
            ]
        );
        assert!(d.causes[0].confidence > d.causes[1].confidence);
    }

    #[test]
    fn icmp_port_unreachable_is_a_firewall_reject() {
        let mut ev = evidence("10.9.0.2:8283", vec![("10.9.0.2:8283", Outcome::Refused)]);
        ev.attempts[0].icmp = Some(IcmpReport {
            origin: Some("10.9.0.1".parse().unwrap()),
            v6: false,
            icmp_type: 3,
            code: 3,
        });
        let d = diagnose(&ev);
        assert_eq!(ids(&d), ["refused.firewall-reject"]);
        assert!(
            d.causes[0]
                .evidence
                .iter()
                .any(|m| m.id == "ev-icmp-other-origin")
        );
    }

    #[test]
    fn localhost_v6_refused_v4_connects() {
        let ev = evidence(
            "localhost:3000",
            vec![
                ("[::1]:3000", Outcome::Refused),
                ("127.0.0.1:3000", Outcome::Connected),
            ],
        );
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Refused);
        assert_eq!(d.causes[0].id, "refused.family-mismatch");
        assert!(!d.is_ok());
    }

    #[test]
    fn first_family_works_then_mismatch_is_only_a_warning() {
        let ev = evidence(
            "localhost:3000",
            vec![
                ("127.0.0.1:3000", Outcome::Connected),
                ("[::1]:3000", Outcome::Refused),
            ],
        );
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Ok);
        assert_eq!(d.warnings[0].id, "refused.family-mismatch");
        assert!(d.is_ok());
    }
}
