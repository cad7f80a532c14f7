//! Name-resolution failures seen by the system resolver.

use super::{Ctx, finding};
use crate::evidence::ResolveError;
use crate::finding::{Confidence::*, Finding};

pub fn rules(ctx: &Ctx) -> Option<Finding> {
    let name = ctx.ev.target.host.to_string();
    let (id, confidence) = match ctx.ev.resolution.error.as_ref() {
        Some(ResolveError::NoName) => ("dns.nxdomain", High),
        Some(ResolveError::NoAddress) | None => ("dns.no-address", High),
        Some(ResolveError::ResolverFailure | ResolveError::Timeout) => {
            ("dns.resolver-failure", High)
        }
        Some(ResolveError::Other(_)) => ("dns.resolver-failure", Low),
    };
    Some(super::environment::resolution_evidence(
        ctx,
        finding(id, confidence).arg("name", name),
    ))
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::ResolveError;
    use crate::finding::Symptom;
    use crate::testutil::*;

    #[test]
    fn nxdomain() {
        let mut ev = evidence("nosuch.invalid:80", vec![]);
        ev.resolution.error = Some(ResolveError::NoName);
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Dns);
        assert_eq!(ids(&d), ["dns.nxdomain"]);
    }
}
