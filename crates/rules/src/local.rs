//! Client-side resource problems: never the target's fault.

use super::{Ctx, finding};
use crate::evidence::Outcome;
use crate::finding::{Confidence::*, Finding, Msg};

/// `local.fd-exhausted`: EMFILE / ENFILE when creating the socket.
pub fn fd_exhausted(ctx: &Ctx) -> Option<Finding> {
    ctx.ev
        .attempts
        .iter()
        .find(|a| a.outcome == Outcome::FdExhausted)?;
    let mut f = finding("local.fd-exhausted", High);
    if let Some((soft, hard)) = ctx.ev.local.fd_limit {
        f = f
            .arg("soft", soft)
            .arg("hard", hard)
            .because(Msg::new("ev-fd-limit").arg("soft", soft).arg("hard", hard));
    }
    Some(f)
}

/// `local.outbound-blocked`: connect() itself failed with EPERM/EACCES, which is what a
/// local firewall's OUTPUT drop/reject (or a security module) returns.
pub fn outbound_blocked(ctx: &Ctx) -> Option<Finding> {
    let p = ctx.primary()?;
    let Outcome::Other { errno, message } = &p.outcome else {
        return None;
    };
    let blocked = *errno == libc::EPERM || *errno == libc::EACCES;
    let id = if blocked {
        "local.outbound-blocked"
    } else {
        "local.connect-error"
    };
    Some(
        finding(id, if blocked { High } else { Low })
            .arg("addr", p.addr.to_string())
            .because(
                Msg::new("ev-errno")
                    .arg("errno", u32::try_from(*errno).unwrap_or(0))
                    .arg("message", message.clone()),
            ),
    )
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::Outcome;
    use crate::finding::Symptom;
    use crate::testutil::*;

    #[test]
    fn emfile_blames_the_client() {
        let mut ev = evidence(
            "203.0.113.7:80",
            vec![("203.0.113.7:80", Outcome::FdExhausted)],
        );
        ev.local.fd_limit = Some((16, 16));
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Local);
        assert_eq!(ids(&d), ["local.fd-exhausted"]);
    }

    #[test]
    fn eperm_is_a_local_outbound_block() {
        let ev = evidence(
            "203.0.113.7:80",
            vec![(
                "203.0.113.7:80",
                Outcome::Other {
                    errno: libc::EPERM,
                    message: "Operation not permitted".into(),
                },
            )],
        );
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Local);
        assert_eq!(ids(&d), ["local.outbound-blocked"]);
    }
}
