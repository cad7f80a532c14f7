//! Where the path dies: TTL-limited SYNs to the target port on ordinary sockets. A router
//! that drops an expired SYN answers ICMP time-exceeded, which IP_RECVERR / IPV6_RECVERR
//! deliver to the socket's error queue, so no raw socket and no root are needed.

use std::net::SocketAddr;

use tokio::task::JoinSet;
use tokio::time::Instant;

use super::connect;
use crate::evidence::{Hop, Outcome};

/// Hops probed at most.
pub const MAX_HOPS: u8 = 30;

fn is_time_exceeded(i: &crate::evidence::IcmpReport) -> bool {
    if i.v6 {
        i.icmp_type == 3
    } else {
        i.icmp_type == 11
    }
}

/// Sends one SYN per TTL (1..=max) at once and records who answered each.
pub async fn trace(addr: SocketAddr, deadline: Instant, max: u8) -> Vec<Hop> {
    let mut set = JoinSet::new();
    for ttl in 1..=max.min(MAX_HOPS) {
        set.spawn(async move {
            (
                ttl,
                connect::probe_ttl(addr, deadline, Some(u32::from(ttl))).await,
            )
        });
    }
    let mut hops = Vec::new();
    while let Some(Ok((ttl, a))) = set.join_next().await {
        let (from, kind) = match (&a.outcome, &a.icmp) {
            (_, Some(i)) if is_time_exceeded(i) => (i.origin, "time-exceeded"),
            (Outcome::Connected | Outcome::Refused, None) => (Some(addr.ip()), "reached"),
            (_, Some(i)) => (i.origin, "unreachable"),
            (Outcome::TimedOut, None) => (None, "silent"),
            _ => (None, "error"),
        };
        hops.push(Hop {
            ttl,
            from,
            kind: kind.to_string(),
        });
    }
    hops.sort_by_key(|h| h.ttl);
    // Past the first answer from the target itself, every longer TTL says the same.
    if let Some(i) = hops
        .iter()
        .position(|h| h.kind == "reached" || h.kind == "unreachable")
    {
        hops.truncate(i + 1);
    }
    hops
}

pub use crate::evidence::last_router;
