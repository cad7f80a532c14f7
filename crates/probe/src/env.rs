//! Proxy software on the client: proxy environment variables (matched the way curl
//! does, NO_PROXY included) and tunnel interfaces that carry the route to the target.

use crate::evidence::{ProxyEvidence, RouteFact};
use crate::target::{Host, Scheme, Target};

/// Interface name prefixes of proxy and VPN software that capture traffic (Clash/mihomo,
/// sing-box, Surge, WireGuard, Tailscale, OpenVPN, generic TUN).
const TUN_PREFIXES: &[&str] = &[
    "tun",
    "utun",
    "tap",
    "clash",
    "meta",
    "mihomo",
    "sing",
    "wg",
    "tailscale",
    "nordlynx",
    "zt",
    "ppp",
];

pub fn is_tun(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    TUN_PREFIXES.iter().any(|p| n.starts_with(p))
}

/// Removes `user:password@` from a proxy URL before it is shown anywhere.
fn redact(v: &str) -> String {
    match (v.find("://"), v.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}***@{}", &v[..s + 3], &v[at + 1..]),
        (None, Some(at)) => format!("***@{}", &v[at + 1..]),
        _ => v.to_string(),
    }
}

/// Does a NO_PROXY entry cover `host`? Same rules as curl: `*` covers all, a name covers
/// itself and its subdomains (leading dot optional), IPs and CIDR blocks match addresses.
pub fn no_proxy_matches(entry: &str, host: &Host) -> bool {
    let e = entry.trim().trim_start_matches('.').to_ascii_lowercase();
    if e.is_empty() {
        return false;
    }
    if e == "*" {
        return true;
    }
    match host {
        Host::Name(n) => {
            let n = n.to_ascii_lowercase();
            n == e || n.ends_with(&format!(".{e}"))
        }
        Host::Ip(ip) => crate::net::Cidr::parse(&e).is_some_and(|c| c.contains(*ip)),
    }
}

/// The proxy variables clients read.
pub const VARS: &[&str] = &[
    "http_proxy",
    "HTTP_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// Gathers proxy evidence from `env` (a lookup, so tests need not touch the real
/// environment) and the route the kernel picks for the target's first address.
pub fn gather(
    t: &Target,
    env: impl Fn(&str) -> Option<String>,
    route: Option<&RouteFact>,
) -> ProxyEvidence {
    let vars: Vec<(String, String)> = VARS
        .iter()
        .filter_map(|k| {
            env(k)
                .filter(|v| !v.is_empty())
                .map(|v| (k.to_string(), redact(&v)))
        })
        .collect();
    let get = |k: &str| {
        vars.iter()
            .find(|(n, _)| n == k)
            .map(|(n, v)| (n.clone(), v.clone()))
    };
    // curl ignores upper-case HTTP_PROXY (CGI "httpoxy"); most other clients read both.
    let candidates: &[&str] = match t.scheme {
        Some(Scheme::Http | Scheme::Ws) => &["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"],
        Some(Scheme::Https | Scheme::Wss) => {
            &["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        }
        _ => &["all_proxy", "ALL_PROXY"],
    };
    let proxy = candidates.iter().find_map(|k| get(k));
    let no_proxy = get("no_proxy")
        .or_else(|| get("NO_PROXY"))
        .map(|(_, v)| v)
        .unwrap_or_default();
    let bypassed_by = no_proxy
        .split(',')
        .find(|e| no_proxy_matches(e, &t.host))
        .map(|e| e.trim().to_string());
    ProxyEvidence {
        applies: if bypassed_by.is_some() { None } else { proxy },
        bypassed_by: if proxy_is_set(&vars) {
            bypassed_by
        } else {
            None
        },
        env: vars,
        tun_route: route
            .filter(|r| is_tun(&r.interface))
            .map(|r| r.interface.clone()),
    }
}

fn proxy_is_set(vars: &[(String, String)]) -> bool {
    vars.iter()
        .any(|(k, _)| !k.eq_ignore_ascii_case("no_proxy"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::parse;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn scheme_picks_variable() {
        let e = [
            ("http_proxy", "http://user:secret@10.0.0.1:3128"),
            ("https_proxy", "http://10.0.0.1:3129"),
        ];
        let p = gather(&parse("ws://example.com/x").unwrap(), env(&e), None);
        assert_eq!(
            p.applies,
            Some(("http_proxy".into(), "http://***@10.0.0.1:3128".into()))
        );
        assert!(!format!("{p:?}").contains("secret"));
        let p = gather(&parse("wss://example.com/x").unwrap(), env(&e), None);
        assert_eq!(p.applies.unwrap().0, "https_proxy");
        let p = gather(&parse("tcp://example.com:1").unwrap(), env(&e), None);
        assert_eq!(p.applies, None);
    }

    #[test]
    fn no_proxy_like_curl() {
        let h = |s: &str| parse(&format!("{s}:80")).unwrap().host;
        assert!(no_proxy_matches("example.com", &h("api.example.com")));
        assert!(no_proxy_matches(".example.com", &h("example.com")));
        assert!(!no_proxy_matches("example.com", &h("badexample.com")));
        assert!(no_proxy_matches("*", &h("anything.org")));
        assert!(no_proxy_matches("10.0.0.0/8", &h("10.1.2.3")));
        assert!(no_proxy_matches("::1", &h("[::1]")));
        assert!(!no_proxy_matches("10.0.0.0/8", &h("11.1.2.3")));
        let e = [
            ("https_proxy", "http://p:1"),
            ("no_proxy", "localhost,.internal"),
        ];
        let p = gather(&parse("wss://svc.internal/").unwrap(), env(&e), None);
        assert_eq!(
            (p.applies, p.bypassed_by.as_deref()),
            (None, Some(".internal"))
        );
    }

    #[test]
    fn tunnel_routes() {
        let r = RouteFact {
            prefix_len: 0,
            gateway: None,
            interface: "Meta".into(),
        };
        let p = gather(&parse("1.2.3.4:80").unwrap(), |_| None, Some(&r));
        assert_eq!(p.tun_route.as_deref(), Some("Meta"));
        assert!(!is_tun("eth0") && is_tun("utun3") && is_tun("wg0"));
    }
}
