//! Name resolution through the system resolver (getaddrinfo), so the hosts file,
//! nsswitch and gai.conf ordering count exactly as they do for the user's client.

use std::net::IpAddr;
use std::time::Instant;

use dns_lookup::{AddrInfoHints, LookupErrorKind};

use crate::evidence::{Resolution, ResolveError};
use crate::target::Host;

tokio::task_local! {
    /// An answer fixed in advance for the names [`resolve`] is asked about (see [`pinned`]).
    static PINNED: Resolution;
}

/// Runs `f` with `r` as the answer of every name lookup [`resolve`] makes inside it.
/// The exporter vets the addresses of a target against its allow-list before probing;
/// pinning them makes the check connect to exactly those addresses, instead of asking
/// a resolver again that may answer differently the second time (DNS rebinding).
pub async fn pinned<F: std::future::Future>(r: Resolution, f: F) -> F::Output {
    PINNED.scope(r, f).await
}

/// Resolves `host`, keeping the resolver's order and dropping duplicates.
pub async fn resolve(host: &Host, deadline: tokio::time::Instant) -> Resolution {
    let start = Instant::now();
    let name = match host {
        Host::Ip(ip) => {
            return Resolution {
                source: "literal",
                addresses: vec![*ip],
                error: None,
                elapsed_ms: 0.0,
            };
        }
        Host::Name(n) => n.clone(),
    };
    if let Ok(r) = PINNED.try_with(Resolution::clone) {
        return r;
    }
    // getaddrinfo blocks; run it off the runtime so the budget still holds.
    let lookup = tokio::task::spawn_blocking(move || lookup(&name));
    let (addresses, error) = match tokio::time::timeout_at(deadline, lookup).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => (Vec::new(), Some(ResolveError::Other(e.to_string()))),
        Err(_) => (Vec::new(), Some(ResolveError::Timeout)),
    };
    Resolution {
        source: "system",
        addresses,
        error,
        elapsed_ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}

fn lookup(name: &str) -> (Vec<IpAddr>, Option<ResolveError>) {
    let hints = AddrInfoHints {
        socktype: libc::SOCK_STREAM,
        ..AddrInfoHints::default()
    };
    match dns_lookup::getaddrinfo(Some(name), None, Some(hints)) {
        Ok(iter) => {
            let mut out: Vec<IpAddr> = Vec::new();
            for ai in iter.flatten() {
                let ip = ai.sockaddr.ip();
                if !out.contains(&ip) {
                    out.push(ip);
                }
            }
            if out.is_empty() {
                (out, Some(ResolveError::NoAddress))
            } else {
                (out, None)
            }
        }
        Err(e) => {
            let err = match e.kind() {
                LookupErrorKind::NoName => ResolveError::NoName,
                LookupErrorKind::NoData | LookupErrorKind::Family => ResolveError::NoAddress,
                LookupErrorKind::Again | LookupErrorKind::Fail => ResolveError::ResolverFailure,
                other => ResolveError::Other(format!("{other:?}")),
            };
            (Vec::new(), Some(err))
        }
    }
}
