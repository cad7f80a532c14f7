//! The exporter's allow-list: which targets it may probe at all.
//!
//! An exporter that probes whatever a URL names is a port scanner and an SSRF tool for
//! anyone who can reach it (blackbox_exporter issues #5, #421, #669). So a target is
//! probed only when
//!
//! - its port is allowed (`ports`, empty = any port), and
//! - every address it resolves to is allowed: inside `cidrs`, or its name matches
//!   `hosts`; and
//! - none of those addresses is link-local or a cloud metadata endpoint ([`DENIED`]),
//!   unless a range inside that denied range is listed explicitly in `cidrs`
//!   (`0.0.0.0/0` does not count), and none is unspecified (`0.0.0.0`, `::`, which
//!   reach this very machine).
//!
//! The addresses checked are the resolved ones, with IPv4-mapped IPv6 addresses
//! (`::ffff:169.254.169.254`) seen as the IPv4 address they are. Pure code: no I/O.

use std::fmt;
use std::net::IpAddr;

pub use crate::net::Cidr;
use crate::target::Host;

/// Ranges never probed unless listed explicitly: IPv4 and IPv6 link-local (where the
/// AWS, GCP, Azure, OpenStack, DigitalOcean ... metadata services live), AWS's IPv6
/// metadata address, and Alibaba Cloud's metadata address.
pub const DENIED: &[&str] = &[
    "169.254.0.0/16",
    "fe80::/10",
    "fd00:ec2::254/128",
    "100.100.100.200/32",
];

/// The allow-list used without `--config`: this machine's loopback only.
pub const LOOPBACK: &[&str] = &["127.0.0.0/8", "::1/128"];

/// A port or an inclusive port range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortRange(pub u16, pub u16);

impl PortRange {
    /// `443` or `8000-8999`; port 0 and reversed ranges are invalid.
    pub fn parse(s: &str) -> Option<PortRange> {
        let p = |x: &str| {
            let x = x.trim();
            (!x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
                .then(|| x.parse::<u16>().ok())
                .flatten()
                .filter(|n| *n > 0)
        };
        match s.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (p(a)?, p(b)?);
                (a <= b).then_some(PortRange(a, b))
            }
            None => p(s).map(|n| PortRange(n, n)),
        }
    }

    pub fn contains(&self, port: u16) -> bool {
        (self.0..=self.1).contains(&port)
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == self.1 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}-{}", self.0, self.1)
        }
    }
}

/// A host name, or `*.example.com` for every name under example.com (not
/// example.com itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPattern {
    Exact(String),
    Under(String),
}

impl HostPattern {
    pub fn parse(s: &str) -> Option<HostPattern> {
        let s = s.trim().trim_end_matches('.').to_ascii_lowercase();
        let (wild, name) = match s.strip_prefix("*.") {
            Some(rest) => (true, rest.to_string()),
            None => (false, s),
        };
        let label = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        // Addresses belong in `cidrs`; a bare TLD wildcard (`*.com`) is almost
        // certainly a mistake, so wildcards need two labels.
        if name.is_empty()
            || name.len() > 253
            || !name.split('.').all(label)
            || name.parse::<IpAddr>().is_ok()
            || (wild && !name.contains('.'))
        {
            return None;
        }
        Some(if wild {
            HostPattern::Under(name)
        } else {
            HostPattern::Exact(name)
        })
    }

    pub fn matches(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        match self {
            HostPattern::Exact(n) => name == *n,
            HostPattern::Under(d) => name
                .strip_suffix(d.as_str())
                .is_some_and(|head| head.len() > 1 && head.ends_with('.')),
        }
    }
}

impl fmt::Display for HostPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostPattern::Exact(n) => f.write_str(n),
            HostPattern::Under(d) => write!(f, "*.{d}"),
        }
    }
}

/// Why a target was refused. `reason()` is the bounded label of the exporter's own
/// `conndoctor_exporter_requests_refused_total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The port is not in `ports`.
    Port(u16),
    /// A name that neither `hosts` nor (once resolved) `cidrs` allows.
    Host(String),
    /// An address literal outside `cidrs`.
    Address(IpAddr),
    /// A name `hosts` does not list that resolves to nothing, or to an address outside
    /// `cidrs`: the two are not told apart, so the exporter cannot be used to ask the
    /// internal DNS which names exist.
    NameOutside(String),
    /// A link-local or metadata address, with the denied range it falls in.
    Denied(IpAddr, Cidr),
    /// 0.0.0.0 or ::, which connect to this machine itself.
    Unspecified(IpAddr),
}

impl Refusal {
    pub fn reason(&self) -> &'static str {
        match self {
            Refusal::Port(_) | Refusal::Host(_) | Refusal::Address(_) | Refusal::NameOutside(_) => {
                "not-allowed"
            }
            Refusal::Denied(..) | Refusal::Unspecified(_) => "denied-address",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowList {
    pub hosts: Vec<HostPattern>,
    pub cidrs: Vec<Cidr>,
    /// Empty: every port.
    pub ports: Vec<PortRange>,
}

fn denied() -> impl Iterator<Item = Cidr> {
    DENIED.iter().filter_map(|s| Cidr::parse(s))
}

impl AllowList {
    /// Loopback only, any port: the exporter without `--config`.
    pub fn loopback() -> AllowList {
        AllowList {
            hosts: vec![HostPattern::Exact("localhost".into())],
            cidrs: LOOPBACK.iter().filter_map(|s| Cidr::parse(s)).collect(),
            ports: Vec::new(),
        }
    }

    pub fn is_loopback_only(&self) -> bool {
        *self == AllowList::loopback()
    }

    pub fn check_port(&self, port: u16) -> Result<(), Refusal> {
        if self.ports.is_empty() || self.ports.iter().any(|r| r.contains(port)) {
            Ok(())
        } else {
            Err(Refusal::Port(port))
        }
    }

    /// The target's name is listed in `hosts` (addresses are never "listed" here).
    pub fn name_listed(&self, host: &Host) -> bool {
        match host {
            Host::Name(n) => self.hosts.iter().any(|p| p.matches(n)),
            Host::Ip(_) => false,
        }
    }

    /// Checks before any lookup: an address literal is judged now; a name that
    /// `hosts` does not list can only pass through `cidrs`, so with no `cidrs` it is
    /// refused without asking DNS.
    pub fn precheck(&self, host: &Host) -> Result<(), Refusal> {
        match host {
            Host::Ip(ip) => self.check_addr(*ip, false),
            Host::Name(n) if !self.name_listed(host) && self.cidrs.is_empty() => {
                Err(Refusal::Host(n.clone()))
            }
            Host::Name(_) => Ok(()),
        }
    }

    /// Judges what `host` resolved to: a listed name may resolve anywhere but the
    /// denied ranges (or to nothing: the probe then reports the DNS failure); any other
    /// name must resolve, and only inside `cidrs`.
    pub fn check_resolved(&self, host: &Host, addrs: &[IpAddr]) -> Result<(), Refusal> {
        let listed = self.name_listed(host);
        let outside = |r: Refusal| match (r, host) {
            (Refusal::Address(_), Host::Name(n)) => Refusal::NameOutside(n.clone()),
            (r, _) => r,
        };
        if let (false, true, Host::Name(n)) = (listed, addrs.is_empty(), host) {
            return Err(Refusal::NameOutside(n.clone()));
        }
        addrs
            .iter()
            .try_for_each(|ip| self.check_addr(*ip, listed).map_err(outside))
    }

    /// Judges one resolved address; `name_listed` when the target's name matched
    /// `hosts`.
    pub fn check_addr(&self, ip: IpAddr, name_listed: bool) -> Result<(), Refusal> {
        let ip = ip.to_canonical();
        if ip.is_unspecified() {
            return Err(Refusal::Unspecified(ip));
        }
        if let Some(range) = denied().find(|d| d.contains(ip)) {
            // Only a listed range inside the denied one (as narrow or narrower)
            // unlocks it: 0.0.0.0/0 or ::/0 do not.
            let explicit = self
                .cidrs
                .iter()
                .any(|c| c.contains(ip) && c.prefix_len() >= range.prefix_len());
            return if explicit {
                Ok(())
            } else {
                Err(Refusal::Denied(ip, range))
            };
        }
        if name_listed || self.cidrs.iter().any(|c| c.contains(ip)) {
            Ok(())
        } else {
            Err(Refusal::Address(ip))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    fn list(hosts: &[&str], cidrs: &[&str], ports: &[&str]) -> AllowList {
        AllowList {
            hosts: hosts
                .iter()
                .map(|h| HostPattern::parse(h).expect("pattern"))
                .collect(),
            cidrs: cidrs
                .iter()
                .map(|c| Cidr::parse(c).expect("cidr"))
                .collect(),
            ports: ports
                .iter()
                .map(|p| PortRange::parse(p).expect("port"))
                .collect(),
        }
    }

    #[test]
    fn cidr_parsing() {
        assert_eq!(
            Cidr::parse("10.1.2.3/8").map(|c| c.to_string()).as_deref(),
            Some("10.0.0.0/8")
        );
        assert_eq!(
            Cidr::parse("192.0.2.7").map(|c| c.to_string()).as_deref(),
            Some("192.0.2.7/32")
        );
        assert_eq!(
            Cidr::parse("::1").map(|c| c.to_string()).as_deref(),
            Some("::1/128")
        );
        assert_eq!(
            Cidr::parse("::ffff:169.254.0.0/112")
                .map(|c| c.to_string())
                .as_deref(),
            Some("169.254.0.0/16")
        );
        for bad in [
            "",
            "10.0.0.0/33",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "10.0.0/8",
            "fe80::/129",
            "x",
        ] {
            assert_eq!(Cidr::parse(bad), None, "{bad}");
        }
        assert!(Cidr::parse("0.0.0.0/0").is_some_and(|c| c.contains(ip("203.0.113.9"))));
        assert!(!Cidr::parse("0.0.0.0/0").is_some_and(|c| c.contains(ip("2001:db8::1"))));
    }

    #[test]
    fn ports_and_patterns() {
        assert_eq!(PortRange::parse("8000-8999"), Some(PortRange(8000, 8999)));
        assert_eq!(PortRange::parse("443"), Some(PortRange(443, 443)));
        for bad in ["0", "9-8", "65536", "", "-1", "1-", "a"] {
            assert_eq!(PortRange::parse(bad), None, "{bad}");
        }
        let p = HostPattern::parse("*.Example.com").expect("pattern");
        assert!(p.matches("a.example.com") && p.matches("a.b.example.com."));
        assert!(!p.matches("example.com") && !p.matches("badexample.com"));
        for bad in ["*.com", "10.0.0.1", "a..b", "-a.com", "*", "a b"] {
            assert_eq!(HostPattern::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn loopback_default() {
        let a = AllowList::loopback();
        assert!(a.is_loopback_only());
        assert_eq!(a.check_addr(ip("127.0.0.1"), false), Ok(()));
        assert_eq!(a.check_addr(ip("::1"), false), Ok(()));
        assert_eq!(a.check_addr(ip("::ffff:127.0.0.1"), false), Ok(()));
        assert_eq!(
            a.check_addr(ip("10.0.0.1"), false),
            Err(Refusal::Address(ip("10.0.0.1")))
        );
        assert_eq!(a.check_port(22), Ok(()));
        assert_eq!(a.precheck(&Host::Name("localhost".into())), Ok(()));
    }

    #[test]
    fn metadata_needs_an_explicit_range() {
        let all = list(&["*.example.com"], &["0.0.0.0/0", "::/0"], &[]);
        for a in [
            "169.254.169.254",
            "::ffff:169.254.169.254",
            "fd00:ec2::254",
            "fe80::1",
            "100.100.100.200",
        ] {
            assert!(
                matches!(all.check_addr(ip(a), false), Err(Refusal::Denied(..))),
                "{a} must be denied under 0.0.0.0/0"
            );
            // A listed name that resolves there is denied too.
            assert!(
                matches!(all.check_addr(ip(a), true), Err(Refusal::Denied(..))),
                "{a}"
            );
        }
        assert_eq!(all.check_addr(ip("203.0.113.9"), false), Ok(()));
        let explicit = list(&[], &["169.254.169.254/32"], &[]);
        assert_eq!(explicit.check_addr(ip("169.254.169.254"), false), Ok(()));
        assert!(explicit.check_addr(ip("169.254.1.1"), false).is_err());
        for a in ["0.0.0.0", "::", "::ffff:0.0.0.0"] {
            assert!(
                matches!(all.check_addr(ip(a), false), Err(Refusal::Unspecified(_))),
                "{a}"
            );
        }
    }

    #[test]
    fn names_ports_and_prechecks() {
        let a = list(&["db.example.com"], &[], &["443", "8000-8999"]);
        assert_eq!(a.check_port(8080), Ok(()));
        assert_eq!(a.check_port(22), Err(Refusal::Port(22)));
        assert_eq!(a.precheck(&Host::Name("db.example.com".into())), Ok(()));
        // No cidrs: an unlisted name cannot pass, so it is refused before DNS.
        assert_eq!(
            a.precheck(&Host::Name("evil.example.net".into())),
            Err(Refusal::Host("evil.example.net".into()))
        );
        assert_eq!(
            a.precheck(&Host::Ip(ip("10.0.0.1"))),
            Err(Refusal::Address(ip("10.0.0.1")))
        );
        // Unlisted names must resolve, and inside cidrs; no address and an outside
        // address get the same answer.
        let c = list(&[], &["127.0.0.0/8"], &[]);
        let name = Host::Name("db.internal".into());
        let outside = Err(Refusal::NameOutside("db.internal".into()));
        assert_eq!(c.check_resolved(&name, &[]), outside);
        assert_eq!(c.check_resolved(&name, &[ip("10.0.0.1")]), outside);
        assert_eq!(
            c.check_resolved(&name, &[ip("127.0.0.1"), ip("10.0.0.1")]),
            outside
        );
        assert_eq!(c.check_resolved(&name, &[ip("127.0.0.1")]), Ok(()));
        // A listed name that does not resolve is probed (the DNS failure is the finding).
        assert_eq!(
            a.check_resolved(&Host::Name("db.example.com".into()), &[]),
            Ok(())
        );
        // A listed name may resolve anywhere except the denied ranges.
        assert_eq!(a.check_addr(ip("10.0.0.1"), true), Ok(()));
        assert_eq!(
            a.check_addr(ip("10.0.0.1"), false),
            Err(Refusal::Address(ip("10.0.0.1")))
        );
    }
}
