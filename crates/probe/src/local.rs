//! Facts about this machine that decide many verdicts: interface addresses, the route
//! towards the target, the kernel's TCP socket tables, port-range sysctls, limits.
//!
//! Everything here is a read of the kernel's own view (/proc, getifaddrs), never a
//! guess. A read that fails is recorded in `notes`, not turned into a verdict.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use netlink_packet_sock_diag::inet::StateFlags;
use procfs::net::TcpState;

use super::sockdiag;

use crate::evidence::{InterfaceAddr, Listener, PortUsage, RouteFact};

pub fn interfaces(notes: &mut Vec<String>) -> Vec<InterfaceAddr> {
    let addrs = match nix::ifaddrs::getifaddrs() {
        Ok(a) => a,
        Err(e) => {
            notes.push(format!("getifaddrs: {e}"));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for ifa in addrs {
        let (Some(addr), Some(mask)) = (ifa.address, ifa.netmask) else {
            continue;
        };
        let (ip, prefix_len) =
            if let (Some(a), Some(m)) = (addr.as_sockaddr_in(), mask.as_sockaddr_in()) {
                (IpAddr::V4(a.ip()), u32::from(m.ip()).count_ones() as u8)
            } else if let (Some(a), Some(m)) = (addr.as_sockaddr_in6(), mask.as_sockaddr_in6()) {
                (IpAddr::V6(a.ip()), u128::from(m.ip()).count_ones() as u8)
            } else {
                continue;
            };
        out.push(InterfaceAddr {
            name: ifa.interface_name,
            addr: ip,
            prefix_len,
        });
    }
    out
}

/// The route the kernel would pick for `dst`: longest prefix in the main table.
/// Policy routing is not modelled; this is the plain `ip route` view.
pub fn route_to(dst: IpAddr, notes: &mut Vec<String>) -> Option<RouteFact> {
    let text = match dst {
        IpAddr::V4(_) => std::fs::read_to_string("/proc/net/route"),
        IpAddr::V6(_) => std::fs::read_to_string("/proc/net/ipv6_route"),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            notes.push(format!("routes: {e}"));
            return None;
        }
    };
    match dst {
        IpAddr::V4(d) => best_route_v4(&text, d),
        IpAddr::V6(d) => best_route_v6(&text, d),
    }
}

/// Parses /proc/net/route (hex, host byte order on little-endian kernels).
pub fn best_route_v4(text: &str, dst: Ipv4Addr) -> Option<RouteFact> {
    let mut best: Option<RouteFact> = None;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 8 {
            continue;
        }
        let (Ok(net), Ok(gw), Ok(flags), Ok(mask)) = (
            u32::from_str_radix(f[1], 16),
            u32::from_str_radix(f[2], 16),
            u32::from_str_radix(f[3], 16),
            u32::from_str_radix(f[7], 16),
        ) else {
            continue;
        };
        // RTF_UP; reject routes (RTF_REJECT) count as "no route".
        if flags & 0x1 == 0 || flags & 0x200 != 0 {
            continue;
        }
        let (net, gw, mask) = (u32::from_be(net), u32::from_be(gw), u32::from_be(mask));
        if u32::from(dst) & mask != net & mask {
            continue;
        }
        let prefix_len = mask.count_ones() as u8;
        if best.as_ref().is_none_or(|b| prefix_len > b.prefix_len) {
            best = Some(RouteFact {
                prefix_len,
                gateway: (gw != 0).then(|| IpAddr::V4(Ipv4Addr::from(gw))),
                interface: f[0].to_string(),
            });
        }
    }
    best
}

/// Parses /proc/net/ipv6_route (dest, plen, src, splen, nexthop, metric, ..., flags, dev).
pub fn best_route_v6(text: &str, dst: Ipv6Addr) -> Option<RouteFact> {
    let mut best: Option<RouteFact> = None;
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 10 {
            continue;
        }
        let (Ok(net), Ok(plen), Ok(gw), Ok(flags)) = (
            u128::from_str_radix(f[0], 16),
            u8::from_str_radix(f[1], 16),
            u128::from_str_radix(f[4], 16),
            u32::from_str_radix(f[8], 16),
        ) else {
            continue;
        };
        if flags & 0x1 == 0 || flags & 0x200 != 0 || f[9] == "lo" && plen == 0 {
            continue;
        }
        let mask = if plen == 0 {
            0
        } else {
            u128::MAX << (128 - u32::from(plen.min(128)))
        };
        if u128::from(dst) & mask != net & mask {
            continue;
        }
        if best.as_ref().is_none_or(|b| plen > b.prefix_len) {
            best = Some(RouteFact {
                prefix_len: plen,
                gateway: (gw != 0).then(|| IpAddr::V6(Ipv6Addr::from(gw))),
                interface: f[9].to_string(),
            });
        }
    }
    best
}

/// One listening socket as the kernel reports it: the facts both the client side
/// (`Listener`) and the server-side audit (`AuditListener`) are built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListenSocket {
    pub addr: SocketAddr,
    /// IPV6_V6ONLY (sock_diag only).
    pub v6only: Option<bool>,
    /// Connections waiting in the accept queue (Recv-Q).
    pub accept_queue: u32,
    /// The listen backlog (Send-Q); unknown when read from /proc.
    pub backlog: Option<u32>,
    pub uid: u32,
    pub inode: u32,
}

/// Listening TCP sockets whose address `keep` accepts. sock_diag first, /proc/net/tcp*
/// if the netlink family is unavailable (some sandboxes), with a note saying so.
pub fn listen_sockets(
    keep: impl Fn(SocketAddr) -> bool,
    notes: &mut Vec<String>,
) -> Vec<ListenSocket> {
    let mut out = Vec::new();
    let r = sockdiag::dump(StateFlags::LISTEN, |e| {
        if keep(e.local) {
            out.push(ListenSocket {
                addr: e.local,
                v6only: e.v6only,
                accept_queue: e.recv_queue,
                backlog: Some(e.send_queue),
                uid: e.uid,
                inode: e.inode,
            });
        }
    });
    if let Err(e) = r {
        notes.push(format!("sock_diag: {e}; using /proc/net/tcp"));
        out.clear();
        proc_tables(notes, |e| {
            if e.state == TcpState::Listen && keep(e.local_address) {
                out.push(ListenSocket {
                    addr: e.local_address,
                    v6only: None,
                    accept_queue: e.rx_queue,
                    backlog: None,
                    uid: e.uid,
                    inode: u32::try_from(e.inode).unwrap_or(0),
                });
            }
        });
    }
    out
}

impl From<ListenSocket> for Listener {
    fn from(s: ListenSocket) -> Self {
        Listener {
            addr: s.addr,
            accept_queue: s.accept_queue,
            backlog: s.backlog,
        }
    }
}

/// Listening sockets on `port`, any address.
pub fn listeners(port: u16, notes: &mut Vec<String>) -> Vec<Listener> {
    listen_sockets(|a| a.port() == port, notes)
        .into_iter()
        .map(Listener::from)
        .collect()
}

/// Every listening TCP socket of this machine (one dump, for a batch).
pub fn all_listeners(notes: &mut Vec<String>) -> Vec<Listener> {
    listen_sockets(|_| true, notes)
        .into_iter()
        .map(Listener::from)
        .collect()
}

/// Sockets (any state but LISTEN) connected to one of `targets`, counted by state.
pub fn sockets_to(targets: &[SocketAddr], notes: &mut Vec<String>) -> BTreeMap<String, u32> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let all_but_listen = StateFlags::all() - StateFlags::LISTEN;
    // All targets share the port; let the kernel filter on it.
    let dport = targets.first().map(SocketAddr::port);
    let r = sockdiag::dump_to_port(all_but_listen, dport, |e| {
        if targets.iter().any(|t| same_endpoint(*t, e.remote)) {
            *counts
                .entry(state_name_num(e.state).to_string())
                .or_default() += 1;
        }
    });
    if let Err(e) = r {
        notes.push(format!("sock_diag: {e}; using /proc/net/tcp"));
        counts.clear();
        proc_tables(notes, |e| {
            if e.state != TcpState::Listen
                && targets.iter().any(|t| same_endpoint(*t, e.remote_address))
            {
                *counts.entry(state_name(&e.state).to_string()).or_default() += 1;
            }
        });
    }
    counts
}

/// How long [`sockets_to_recent`] reuses a count.
const RECENT: std::time::Duration = std::time::Duration::from_secs(1);
/// Destinations remembered at most; older entries go first.
const RECENT_MAX: usize = 1024;

type RecentCounts =
    std::collections::HashMap<Vec<SocketAddr>, (std::time::Instant, BTreeMap<String, u32>)>;

/// [`sockets_to`], reusing a count of the same destination taken less than [`RECENT`]
/// ago: only the near-exhaustion warning of a working target reads it, and one second
/// does not change that verdict, while a walk per probe would make every probe's cost
/// grow with the host's socket table.
pub fn sockets_to_recent(targets: &[SocketAddr], notes: &mut Vec<String>) -> BTreeMap<String, u32> {
    static CACHE: std::sync::Mutex<Option<RecentCounts>> = std::sync::Mutex::new(None);
    let now = std::time::Instant::now();
    if let Ok(mut c) = CACHE.lock()
        && let Some((at, counts)) = c.get_or_insert_default().get(targets)
        && now.duration_since(*at) < RECENT
    {
        return counts.clone();
    }
    let counts = sockets_to(targets, notes);
    if let Ok(mut c) = CACHE.lock() {
        let map = c.get_or_insert_default();
        if map.len() >= RECENT_MAX {
            map.retain(|_, (at, _)| now.duration_since(*at) < RECENT);
        }
        if map.len() < RECENT_MAX {
            map.insert(targets.to_vec(), (now, counts.clone()));
        }
    }
    counts
}

fn proc_tables(notes: &mut Vec<String>, mut f: impl FnMut(&procfs::net::TcpNetEntry)) {
    for (name, table) in [("tcp", procfs::net::tcp()), ("tcp6", procfs::net::tcp6())] {
        match table {
            Ok(entries) => entries.iter().for_each(&mut f),
            Err(e) => notes.push(format!("/proc/net/{name}: {e}")),
        }
    }
}

/// Kernel TCP state numbers (include/net/tcp_states.h) as `ss` names them.
fn state_name_num(n: u8) -> &'static str {
    match n {
        1 => "ESTABLISHED",
        2 => "SYN_SENT",
        3 => "SYN_RECV",
        4 => "FIN_WAIT1",
        5 => "FIN_WAIT2",
        6 => "TIME_WAIT",
        7 => "CLOSE",
        8 => "CLOSE_WAIT",
        9 => "LAST_ACK",
        10 => "LISTEN",
        11 => "CLOSING",
        12 => "NEW_SYN_RECV",
        _ => "UNKNOWN",
    }
}

/// Compares endpoints, treating v4-mapped IPv6 as the IPv4 address.
fn same_endpoint(a: SocketAddr, b: SocketAddr) -> bool {
    let canon = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    a.port() == b.port() && canon(a.ip()) == canon(b.ip())
}

fn state_name(s: &TcpState) -> &'static str {
    match s {
        TcpState::Established => "ESTABLISHED",
        TcpState::SynSent => "SYN_SENT",
        TcpState::SynRecv => "SYN_RECV",
        TcpState::FinWait1 => "FIN_WAIT1",
        TcpState::FinWait2 => "FIN_WAIT2",
        TcpState::TimeWait => "TIME_WAIT",
        TcpState::Close => "CLOSE",
        TcpState::CloseWait => "CLOSE_WAIT",
        TcpState::LastAck => "LAST_ACK",
        TcpState::Listen => "LISTEN",
        TcpState::Closing => "CLOSING",
        TcpState::NewSynRecv => "NEW_SYN_RECV",
    }
}

pub fn port_usage(to_target: BTreeMap<String, u32>, notes: &mut Vec<String>) -> Option<PortUsage> {
    let range = match std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range") {
        Ok(t) => parse_range(&t)?,
        Err(e) => {
            notes.push(format!("ip_local_port_range: {e}"));
            return None;
        }
    };
    let reserved =
        std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_reserved_ports").unwrap_or_default();
    let tcp_tw_reuse = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_tw_reuse")
        .ok()
        .and_then(|s| s.trim().parse().ok());
    Some(PortUsage {
        range,
        reserved_in_range: reserved_in_range(&reserved, range),
        tcp_tw_reuse,
        to_target,
    })
}

/// Could the sockets towards any one destination fill more than 80% of the local
/// port range? Answered from the kernel's socket totals (/proc/net/sockstat, O(1))
/// instead of a table walk: when the whole host holds fewer sockets than that, no
/// destination can. True whenever something cannot be read.
pub fn ports_may_be_short() -> bool {
    let Some((lo, hi)) = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|t| parse_range(&t))
    else {
        return true;
    };
    let reserved =
        std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_reserved_ports").unwrap_or_default();
    let size = (u64::from(hi) + 1)
        .saturating_sub(u64::from(lo))
        .saturating_sub(u64::from(reserved_in_range(&reserved, (lo, hi))));
    let (Ok(v4), v6) = (
        std::fs::read_to_string("/proc/net/sockstat"),
        std::fs::read_to_string("/proc/net/sockstat6").unwrap_or_default(),
    ) else {
        return true;
    };
    match tcp_socket_total(&v4, &v6) {
        Some(total) => total * 5 > size * 4,
        None => true,
    }
}

/// An upper bound on the TCP sockets of this host that can hold a local port: the
/// larger of "alloc" and the hashed sockets of both families, plus TIME_WAIT.
pub fn tcp_socket_total(sockstat: &str, sockstat6: &str) -> Option<u64> {
    fn field(text: &str, line: &str, key: &str) -> Option<u64> {
        let l = text.lines().find(|l| l.starts_with(line))?;
        let mut it = l.split_whitespace();
        it.find(|w| *w == key)?;
        it.next()?.parse().ok()
    }
    let inuse = field(sockstat, "TCP:", "inuse")?;
    let alloc = field(sockstat, "TCP:", "alloc").unwrap_or(0);
    let tw = field(sockstat, "TCP:", "tw")?;
    let inuse6 = field(sockstat6, "TCP6:", "inuse").unwrap_or(0);
    Some(alloc.max(inuse + inuse6) + tw)
}

fn parse_range(s: &str) -> Option<(u16, u16)> {
    let mut it = s.split_whitespace().map(str::parse::<u16>);
    Some((it.next()?.ok()?, it.next()?.ok()?))
}

/// Counts reserved ports ("1000,2000-2010") that fall inside the ephemeral range.
pub fn reserved_in_range(list: &str, (lo, hi): (u16, u16)) -> u32 {
    list.trim()
        .split(',')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (a, b) = p.split_once('-').unwrap_or((p, p));
            Some((a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?))
        })
        .map(|(a, b)| {
            let (a, b) = (a.max(lo), b.min(hi));
            if a > b { 0 } else { u32::from(b - a) + 1 }
        })
        .sum()
}

/// TcpExtListenOverflows from /proc/net/netstat.
pub fn listen_overflows() -> Option<u64> {
    Some(tcp_ext(&["ListenOverflows"])?[0])
}

/// The `TcpExt:` counters named in `keys`, in that order, from /proc/net/netstat.
pub fn tcp_ext<const N: usize>(keys: &[&str; N]) -> Option<[u64; N]> {
    use std::io::Read;
    // /proc files report size 0, so read_to_string would start with a tiny buffer and
    // make the kernel render the table once per small read.
    let mut text = String::with_capacity(16 * 1024);
    std::fs::File::open("/proc/net/netstat")
        .ok()?
        .take(256 * 1024)
        .read_to_string(&mut text)
        .ok()?;
    parse_tcp_ext(&text, keys)
}

/// The `TcpExt:` counters named in `keys` from netstat-format text (a header line of
/// names, then a line of values); `None` when one is missing.
pub fn parse_tcp_ext<const N: usize>(text: &str, keys: &[&str; N]) -> Option<[u64; N]> {
    let mut lines = text.lines();
    while let (Some(head), Some(vals)) = (lines.next(), lines.next()) {
        if !head.starts_with("TcpExt:") {
            continue;
        }
        let names: Vec<&str> = head.split_whitespace().collect();
        let vals: Vec<&str> = vals.split_whitespace().collect();
        let mut out = [0; N];
        for (o, k) in out.iter_mut().zip(keys) {
            let i = names.iter().position(|x| x == k)?;
            *o = vals.get(i)?.parse().ok()?;
        }
        return Some(out);
    }
    None
}

pub fn fd_limit() -> Option<(u64, u64)> {
    nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUTE: &str = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";

    #[test]
    fn v4_route_longest_prefix() {
        let r = best_route_v4(ROUTE, "192.168.1.20".parse().unwrap()).unwrap();
        assert_eq!(r.prefix_len, 24);
        assert_eq!(r.gateway, None);
        let d = best_route_v4(ROUTE, "10.1.2.3".parse().unwrap()).unwrap();
        assert_eq!(d.prefix_len, 0);
        assert_eq!(d.gateway, Some("192.168.1.1".parse().unwrap()));
        assert_eq!(
            best_route_v4(
                &ROUTE.lines().take(1).collect::<String>(),
                "10.0.0.1".parse().unwrap()
            ),
            None
        );
    }

    #[test]
    fn v6_route() {
        let t = "00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000001 00000000 00000001       lo\n\
fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0\n";
        let r = best_route_v6(t, "fd00::5".parse().unwrap()).unwrap();
        assert_eq!((r.prefix_len, r.interface.as_str()), (64, "eth0"));
        assert_eq!(best_route_v6(t, "2001:db8::1".parse().unwrap()), None);
    }

    #[test]
    fn reserved_ports_inside_range() {
        assert_eq!(reserved_in_range("", (100, 200)), 0);
        assert_eq!(reserved_in_range("50,150,190-210\n", (100, 200)), 12);
    }

    #[test]
    fn socket_totals_from_sockstat() {
        let v4 = "sockets: used 300\nTCP: inuse 40 orphan 1 tw 20000 alloc 45 mem 9\nUDP: inuse 2 mem 1\n";
        let v6 = "TCP6: inuse 12\nUDP6: inuse 1\n";
        assert_eq!(tcp_socket_total(v4, v6), Some(20052));
        assert_eq!(tcp_socket_total(v4, ""), Some(20045));
        assert_eq!(tcp_socket_total("UDP: inuse 2\n", v6), None);
    }

    #[test]
    fn endpoints_match_v4_mapped() {
        let a: SocketAddr = "10.0.0.1:80".parse().unwrap();
        let b: SocketAddr = "[::ffff:10.0.0.1]:80".parse().unwrap();
        assert!(same_endpoint(a, b));
        assert!(!same_endpoint(a, "10.0.0.1:81".parse().unwrap()));
    }
}
