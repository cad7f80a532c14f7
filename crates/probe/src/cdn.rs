//! Is a resolved address a CDN's? Checked against the ranges the CDNs publish, shipped
//! as data files (data/cdn/*.txt, each with its source and date) so they can be updated
//! without touching code.

use std::net::IpAddr;

use crate::evidence::CdnMatch;
use crate::net::Cidr;

const LISTS: &[&str] = &[
    include_str!("../../../data/cdn/cloudflare.txt"),
    include_str!("../../../data/cdn/fastly.txt"),
];

pub use crate::net::{CLOUDFLARE_HTTP_PORTS, CLOUDFLARE_HTTPS_PORTS};

fn header<'a>(list: &'a str, key: &str) -> &'a str {
    list.lines()
        .find_map(|l| l.strip_prefix("# ")?.strip_prefix(key)?.strip_prefix(':'))
        .map_or("", str::trim)
}

struct Range {
    cidr: Cidr,
    text: &'static str,
    provider: &'static str,
    date: &'static str,
}

/// The lists, parsed once per process.
fn ranges() -> &'static [Range] {
    static RANGES: std::sync::OnceLock<Vec<Range>> = std::sync::OnceLock::new();
    RANGES.get_or_init(|| {
        let mut out = Vec::new();
        for list in LISTS {
            let (provider, date) = (header(list, "provider"), header(list, "list-date"));
            for line in list
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with('#') && !l.is_empty())
            {
                let Some(cidr) = Cidr::parse(line) else {
                    continue;
                };
                out.push(Range {
                    cidr,
                    text: line,
                    provider,
                    date,
                });
            }
        }
        out
    })
}

/// The CDN range containing `ip`, if any.
pub fn lookup(ip: IpAddr) -> Option<CdnMatch> {
    if ip.is_loopback() {
        return None;
    }
    ranges()
        .iter()
        .find(|r| r.cidr.contains(ip))
        .map(|r| CdnMatch {
            addr: ip,
            provider: r.provider.to_string(),
            range: r.text.to_string(),
            list_date: r.date.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let m = lookup("104.16.132.229".parse().unwrap()).unwrap();
        assert_eq!(
            (m.provider.as_str(), m.range.as_str()),
            ("Cloudflare", "104.16.0.0/13")
        );
        assert!(m.list_date.starts_with("2025"));
        assert_eq!(
            lookup("2606:4700::6810:84e5".parse().unwrap())
                .unwrap()
                .provider,
            "Cloudflare"
        );
        assert_eq!(
            lookup("151.101.1.69".parse().unwrap()).unwrap().provider,
            "Fastly"
        );
        assert!(lookup("192.0.2.1".parse().unwrap()).is_none());
        assert!(lookup("127.0.0.1".parse().unwrap()).is_none());
    }

    #[test]
    fn every_line_parses() {
        for list in LISTS {
            for l in list
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
            {
                let (n, p) = l.split_once('/').expect("cidr");
                assert!(
                    n.parse::<IpAddr>().is_ok() && p.parse::<u8>().is_ok(),
                    "{l}"
                );
            }
        }
    }
}
