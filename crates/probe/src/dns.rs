//! Asks each nameserver of /etc/resolv.conf directly (A and AAAA over UDP) and reads
//! the hosts file, so the report can say which source said what: the system resolver
//! (getaddrinfo, see `resolve.rs`) blends them, and a hosts entry or a failing server
//! hides behind it.
//!
//! A stub resolver library answers "the addresses"; here the point is the answer of
//! every server separately (rcode, CNAME chain, TTL), so the wire format comes from
//! hickory-proto and the tiny UDP exchange is ours.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;
use std::time::{Duration, Instant as StdInstant};

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use tokio::net::UdpSocket;
use tokio::time::{Instant, timeout_at};

use crate::evidence::{DnsEvidence, DnsOutcome, NameserverAnswer};

/// At most this many nameservers, as glibc (MAXNS).
const MAX_SERVERS: usize = 3;
/// One server gets at most this long, whatever the budget.
const PER_SERVER: Duration = Duration::from_millis(1500);

/// Parses the `nameserver` lines of a resolv.conf.
pub fn nameservers(conf: &str) -> Vec<IpAddr> {
    conf.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            (it.next()? == "nameserver").then(|| it.next())?
        })
        // Link-local IPv6 servers carry a %scope that IpAddr does not parse; skip them.
        .filter_map(|s| IpAddr::from_str(s).ok())
        .take(MAX_SERVERS)
        .collect()
}

/// Addresses the hosts file gives `name` (case-insensitive, aliases included).
pub fn hosts_entries(hosts: &str, name: &str) -> Vec<IpAddr> {
    let name = name.trim_end_matches('.');
    hosts
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let ip = IpAddr::from_str(f.next()?).ok()?;
            f.any(|n| n.trim_end_matches('.').eq_ignore_ascii_case(name))
                .then_some(ip)
        })
        .collect()
}

pub async fn gather(name: &str, deadline: Instant) -> DnsEvidence {
    let hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let hosts_file = hosts_entries(&hosts, name);
    let (servers, note) = match std::fs::read_to_string("/etc/resolv.conf") {
        Ok(c) => (nameservers(&c), None),
        Err(e) => (Vec::new(), Some(format!("/etc/resolv.conf: {e}"))),
    };
    let deadline = deadline.min(Instant::now() + PER_SERVER);
    let mut set = tokio::task::JoinSet::new();
    for (i, s) in servers.iter().enumerate() {
        let (s, name) = (*s, name.to_string());
        set.spawn(async move { (i, ask(s, &name, deadline).await) });
    }
    let mut answers: Vec<Option<NameserverAnswer>> = vec![None; servers.len()];
    while let Some(Ok((i, a))) = set.join_next().await {
        answers[i] = Some(a);
    }
    DnsEvidence {
        hosts_file,
        servers: answers.into_iter().flatten().collect(),
        note,
    }
}

async fn ask(server: IpAddr, name: &str, deadline: Instant) -> NameserverAnswer {
    let start = StdInstant::now();
    let (a, aaaa) = tokio::join!(
        query(server, name, RecordType::A, deadline),
        query(server, name, RecordType::AAAA, deadline)
    );
    NameserverAnswer {
        server,
        outcome: combine(a, aaaa),
        elapsed_ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Merges the A and AAAA answers into one outcome for the server.
fn combine(a: DnsOutcome, b: DnsOutcome) -> DnsOutcome {
    match (a, b) {
        (
            DnsOutcome::Answer {
                addresses: mut x,
                cnames: mut cx,
                ttl: tx,
            },
            DnsOutcome::Answer {
                addresses: y,
                cnames: cy,
                ttl: ty,
            },
        ) => {
            x.extend(y);
            for c in cy {
                if !cx.contains(&c) {
                    cx.push(c);
                }
            }
            DnsOutcome::Answer {
                addresses: x,
                cnames: cx,
                ttl: tx.min(ty),
            }
        }
        (ans @ DnsOutcome::Answer { .. }, _) | (_, ans @ DnsOutcome::Answer { .. }) => ans,
        (DnsOutcome::NxDomain, _) | (_, DnsOutcome::NxDomain) => DnsOutcome::NxDomain,
        (DnsOutcome::NoData, DnsOutcome::NoData) => DnsOutcome::NoData,
        (DnsOutcome::NoData, other) | (other, DnsOutcome::NoData) => other,
        (first, _) => first,
    }
}

fn random_id() -> u16 {
    let mut b = [0u8; 2];
    let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut b);
    u16::from_be_bytes(b)
}

async fn query(server: IpAddr, name: &str, rtype: RecordType, deadline: Instant) -> DnsOutcome {
    let Ok(qname) = Name::from_utf8(format!("{}.", name.trim_end_matches('.'))) else {
        return DnsOutcome::Error {
            message: format!("invalid name {name}"),
        };
    };
    let id = random_id();
    let mut msg = Message::new(id, MessageType::Query, OpCode::Query);
    msg.metadata.recursion_desired = true;
    msg.add_query(Query::query(qname, rtype));
    let Ok(bytes) = msg.to_vec() else {
        return DnsOutcome::Error {
            message: "cannot encode query".into(),
        };
    };
    let bind: SocketAddr = if server.is_ipv4() {
        ([0, 0, 0, 0], 0).into()
    } else {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let sock = match UdpSocket::bind(bind).await {
        Ok(s) => s,
        Err(e) => {
            return DnsOutcome::Error {
                message: e.to_string(),
            };
        }
    };
    if let Err(e) = sock.connect((server, 53)).await {
        return DnsOutcome::Error {
            message: e.to_string(),
        };
    }
    if let Err(e) = sock.send(&bytes).await {
        return DnsOutcome::Error {
            message: e.to_string(),
        };
    }
    let mut buf = [0u8; 4096];
    loop {
        let n = match timeout_at(deadline, sock.recv(&mut buf)).await {
            Err(_) => return DnsOutcome::Timeout,
            // ICMP port unreachable: nothing listens on port 53 there.
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return DnsOutcome::Failure {
                    rcode: "port-unreachable".into(),
                };
            }
            Ok(Err(e)) => {
                return DnsOutcome::Error {
                    message: e.to_string(),
                };
            }
            Ok(Ok(n)) => n,
        };
        let Ok(resp) = Message::from_vec(&buf[..n]) else {
            continue;
        };
        if resp.metadata.id != id {
            // A late answer to someone else's query: keep waiting for ours.
            continue;
        }
        return outcome(&resp, rtype);
    }
}

pub fn outcome(resp: &Message, rtype: RecordType) -> DnsOutcome {
    match resp.metadata.response_code {
        ResponseCode::NoError => {}
        ResponseCode::NXDomain => return DnsOutcome::NxDomain,
        other => {
            return DnsOutcome::Failure {
                rcode: format!("{other}"),
            };
        }
    }
    let mut addresses = Vec::new();
    let mut cnames = Vec::new();
    let mut ttl: Option<u32> = None;
    for r in &resp.answers {
        match &r.data {
            RData::A(a) if rtype == RecordType::A => addresses.push(IpAddr::V4(a.0)),
            RData::AAAA(a) if rtype == RecordType::AAAA => addresses.push(IpAddr::V6(a.0)),
            RData::CNAME(c) => {
                cnames.push(c.0.to_utf8().trim_end_matches('.').to_string());
                continue;
            }
            _ => continue,
        }
        ttl = Some(ttl.map_or(r.ttl, |t| t.min(r.ttl)));
    }
    if addresses.is_empty() {
        DnsOutcome::NoData
    } else {
        DnsOutcome::Answer {
            addresses,
            cnames,
            ttl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolv_conf() {
        let c = "# comment\nsearch example.com\nnameserver 10.0.0.2\nnameserver fe80::1%eth0\nnameserver ::1\noptions ndots:2\nnameserver 1.1.1.1\nnameserver 8.8.8.8\n";
        let v = nameservers(c);
        assert_eq!(
            v,
            vec![
                "10.0.0.2".parse::<IpAddr>().unwrap(),
                "::1".parse().unwrap(),
                "1.1.1.1".parse().unwrap()
            ]
        );
    }

    #[test]
    fn hosts_file() {
        let h = "127.0.0.1 localhost\n10.9.9.9 api.example.com api # staging\n#10.1.1.1 api.example.com\n::1 ip6-localhost\n";
        assert_eq!(
            hosts_entries(h, "API.example.com"),
            vec!["10.9.9.9".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(
            hosts_entries(h, "api"),
            vec!["10.9.9.9".parse::<IpAddr>().unwrap()]
        );
        assert!(hosts_entries(h, "other.example.com").is_empty());
    }

    #[test]
    fn combining() {
        let ans = |ip: &str| DnsOutcome::Answer {
            addresses: vec![ip.parse().unwrap()],
            cnames: vec![],
            ttl: Some(60),
        };
        assert!(matches!(
            combine(ans("1.2.3.4"), DnsOutcome::NoData),
            DnsOutcome::Answer { .. }
        ));
        assert_eq!(
            combine(DnsOutcome::NoData, DnsOutcome::NoData),
            DnsOutcome::NoData
        );
        assert_eq!(
            combine(DnsOutcome::NxDomain, DnsOutcome::NxDomain),
            DnsOutcome::NxDomain
        );
        assert_eq!(
            combine(DnsOutcome::Timeout, DnsOutcome::Timeout),
            DnsOutcome::Timeout
        );
        let DnsOutcome::Answer { addresses, .. } = combine(ans("1.2.3.4"), ans("::1")) else {
            panic!()
        };
        assert_eq!(addresses.len(), 2);
    }
}
