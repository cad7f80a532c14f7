//! Address ranges, shared by everything that matches addresses against a list: the
//! exporter's allow-list, NO_PROXY entries, the CDN range files.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// An address range: `10.0.0.0/8`, `2001:db8::/32`, or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    net: IpAddr,
    len: u8,
}

impl Cidr {
    /// Parses `addr/len` or a bare address. Host bits are cleared (`10.1.2.3/8` is
    /// `10.0.0.0/8`), as `ip route` would show it.
    pub fn parse(s: &str) -> Option<Cidr> {
        let s = s.trim();
        let (addr, len) = match s.split_once('/') {
            Some((a, l)) => (a, Some(l)),
            None => (s, None),
        };
        let addr = addr.trim_start_matches('[').trim_end_matches(']');
        let ip: IpAddr = addr.parse().ok()?;
        let max = if ip.is_ipv4() { 32 } else { 128 };
        let len = match len {
            None => max,
            Some(l) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => {
                l.parse::<u8>().ok().filter(|n| *n <= max)?
            }
            Some(_) => return None,
        };
        // An IPv4-mapped range is the IPv4 range it maps.
        let (ip, len) = match ip {
            IpAddr::V6(v6) if len >= 96 => match v6.to_ipv4_mapped() {
                Some(v4) => (IpAddr::V4(v4), len - 96),
                None => (ip, len),
            },
            _ => (ip, len),
        };
        Some(Cidr {
            net: mask(ip, len),
            len,
        })
    }

    pub fn prefix_len(&self) -> u8 {
        self.len
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        ip.is_ipv4() == self.net.is_ipv4() && mask(ip, self.len) == self.net
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.net, self.len)
    }
}

fn mask(ip: IpAddr, len: u8) -> IpAddr {
    match ip {
        IpAddr::V4(a) => {
            let bits = u32::from(a);
            let m = if len == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(len))
            };
            IpAddr::V4(Ipv4Addr::from(bits & m))
        }
        IpAddr::V6(a) => {
            let bits = u128::from(a);
            let m = if len == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(len))
            };
            IpAddr::V6(Ipv6Addr::from(bits & m))
        }
    }
}

/// Ports Cloudflare proxies (its published "network ports" list); any other port
/// through a proxied record gets no answer.
pub const CLOUDFLARE_HTTP_PORTS: &[u16] = &[80, 8080, 8880, 2052, 2082, 2086, 2095];
pub const CLOUDFLARE_HTTPS_PORTS: &[u16] = &[443, 2053, 2083, 2087, 2096, 8443];

/// Whether a socket listening on `listen` receives connections to `dst`.
pub fn listener_covers(listen: SocketAddr, dst: SocketAddr) -> bool {
    if listen.port() != dst.port() {
        return false;
    }
    match (listen.ip(), dst.ip()) {
        (IpAddr::V4(l), IpAddr::V4(d)) => l.is_unspecified() || l == d,
        // A [::] socket also takes IPv4 unless bindv6only is set (the default is off).
        (IpAddr::V6(l), IpAddr::V4(d)) => l.is_unspecified() || l.to_ipv4_mapped() == Some(d),
        (IpAddr::V6(l), IpAddr::V6(d)) => l.is_unspecified() || l == d,
        (IpAddr::V4(_), IpAddr::V6(_)) => false,
    }
}
