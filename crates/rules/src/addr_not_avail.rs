//! Causes of EADDRNOTAVAIL: this client ran out of local ports towards the target.

use super::{Ctx, finding};
use crate::finding::{Confidence::*, Finding, Msg};

fn usage_msg(u: &crate::evidence::PortUsage, dst: &str) -> Msg {
    Msg::new("ev-ports-in-use")
        .arg("used", u.in_use())
        .arg("size", u.range_size())
        .arg("lo", u.range.0)
        .arg("hi", u.range.1)
        .arg("dst", dst.to_string())
}

pub fn rules(ctx: &Ctx) -> Vec<Finding> {
    let dst = ctx
        .ev
        .attempts
        .first()
        .map(|a| a.addr.to_string())
        .unwrap_or_default();
    let Some(u) = &ctx.ev.local.ports else {
        return vec![finding("addr-not-avail.ephemeral-exhausted", Low).arg("dst", dst)];
    };
    let used = u.in_use();
    let tw = u.time_wait();
    let reuse = u
        .tcp_tw_reuse
        .map_or_else(|| "?".to_string(), |r| r.to_string());
    let tw_msg = Msg::new("ev-time-wait")
        .arg("count", tw)
        .arg("reuse", reuse.clone());
    let exhausted = finding("addr-not-avail.ephemeral-exhausted", High)
        .arg("dst", dst.clone())
        .arg("lo", u.range.0)
        .arg("hi", u.range.1)
        .because(usage_msg(u, &dst));
    let mostly_time_wait = tw > 0 && tw * 2 >= used;
    if mostly_time_wait {
        let mut e = exhausted;
        e.confidence = Medium;
        vec![
            finding("addr-not-avail.time-wait", High)
                .arg("dst", dst.clone())
                .arg("count", tw)
                .arg("reuse", reuse)
                .because(usage_msg(u, &dst))
                .because(tw_msg),
            e,
        ]
    } else {
        vec![exhausted.because(tw_msg)]
    }
}

/// Warning when more than 80% of the port range towards the target is already taken.
pub fn near_exhaustion(ctx: &Ctx) -> Option<Finding> {
    let u = ctx.ev.local.ports.as_ref()?;
    let (used, size) = (u64::from(u.in_use()), u64::from(u.range_size()));
    if size == 0 || used * 5 <= size * 4 {
        return None;
    }
    let dst = ctx.ev.attempts.first()?.addr.to_string();
    Some(
        finding("addr-not-avail.ephemeral-exhausted", Medium)
            .arg("dst", dst.clone())
            .arg("lo", u.range.0)
            .arg("hi", u.range.1)
            .because(usage_msg(u, &dst)),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::diagnose;
    use crate::evidence::{Outcome, PortUsage};
    use crate::finding::Symptom;
    use crate::testutil::*;

    fn usage(est: u32, tw: u32) -> PortUsage {
        let mut to_target = BTreeMap::new();
        to_target.insert("ESTABLISHED".to_string(), est);
        to_target.insert("TIME_WAIT".to_string(), tw);
        PortUsage {
            range: (40000, 40009),
            reserved_in_range: 0,
            tcp_tw_reuse: Some(2),
            to_target,
        }
    }

    #[test]
    fn established_sockets_exhaust_the_range() {
        let mut ev = evidence(
            "10.0.0.2:80",
            vec![("10.0.0.2:80", Outcome::AddrNotAvailable)],
        );
        ev.local.ports = Some(usage(10, 0));
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::AddrNotAvail);
        assert_eq!(ids(&d), ["addr-not-avail.ephemeral-exhausted"]);
        assert_eq!(d.causes[0].evidence[0].args["used"], 10u32.into());
    }

    #[test]
    fn time_wait_dominates() {
        let mut ev = evidence(
            "10.0.0.2:80",
            vec![("10.0.0.2:80", Outcome::AddrNotAvailable)],
        );
        ev.local.ports = Some(usage(2, 8));
        assert_eq!(
            ids(&diagnose(&ev)),
            [
                "addr-not-avail.time-wait",
                "addr-not-avail.ephemeral-exhausted"
            ]
        );
    }

    #[test]
    fn warning_above_eighty_percent_keeps_verdict_ok() {
        let mut ev = evidence("10.0.0.2:80", vec![("10.0.0.2:80", Outcome::Connected)]);
        ev.local.ports = Some(usage(9, 0));
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Ok);
        assert_eq!(d.warnings[0].id, "addr-not-avail.ephemeral-exhausted");
        ev.local.ports = Some(usage(8, 0));
        assert!(diagnose(&ev).warnings.is_empty());
    }
}
