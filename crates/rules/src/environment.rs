//! Causes on the client's side of the path: DNS answers (per nameserver and hosts file),
//! fake-IP proxies, proxy variables and tunnels, CDNs in front of the server.

use std::net::IpAddr;

use super::{Ctx, finding};
use crate::evidence::{DnsOutcome, ResolveError};
use crate::finding::{Confidence::*, Finding, Msg, Symptom};
use crate::net::{CLOUDFLARE_HTTP_PORTS, CLOUDFLARE_HTTPS_PORTS};

fn list(v: &[IpAddr]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fake-IP ranges handed out by proxy programs (Clash/mihomo, Surge, sing-box use
/// 198.18.0.0/15, the benchmarking range no real host has).
pub fn is_fake_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            o[0] == 198 && (o[1] & 0xfe) == 18
        }
        IpAddr::V6(v6) => v6.segments()[0] == 0xfc00 && v6.segments()[1] == 0,
    }
}

/// One evidence line per nameserver.
fn server_lines(ctx: &Ctx) -> Vec<Msg> {
    let Some(d) = &ctx.ev.dns else {
        return Vec::new();
    };
    d.servers.iter().map(nameserver_msg).collect()
}

/// What one nameserver answered, as an evidence line.
pub fn nameserver_msg(s: &crate::evidence::NameserverAnswer) -> Msg {
    let server = s.server.to_string();
    match &s.outcome {
        DnsOutcome::Answer {
            addresses,
            cnames,
            ttl,
        } => Msg::new("ev-ns-answer")
            .arg("server", server)
            .arg("addrs", list(addresses))
            .arg(
                "cnames",
                if cnames.is_empty() {
                    "-".to_string()
                } else {
                    cnames.join(" → ")
                },
            )
            .arg("ttl", ttl.unwrap_or(0)),
        DnsOutcome::NxDomain => Msg::new("ev-ns-nxdomain").arg("server", server),
        DnsOutcome::NoData => Msg::new("ev-ns-nodata").arg("server", server),
        DnsOutcome::Failure { rcode } => Msg::new("ev-ns-failure")
            .arg("server", server)
            .arg("rcode", rcode.clone()),
        DnsOutcome::Timeout => Msg::new("ev-ns-timeout")
            .arg("server", server)
            .arg("ms", s.elapsed_ms.round()),
        DnsOutcome::Error { message } => Msg::new("ev-ns-failure")
            .arg("server", server)
            .arg("rcode", message.clone()),
    }
}

/// Addresses the nameservers agree on (the union of their answers).
fn dns_addresses(ctx: &Ctx) -> Vec<IpAddr> {
    let mut out = Vec::new();
    for s in ctx.ev.dns.iter().flat_map(|d| &d.servers) {
        if let DnsOutcome::Answer { addresses, .. } = &s.outcome {
            for a in addresses {
                if !out.contains(a) {
                    out.push(*a);
                }
            }
        }
    }
    out
}

/// Evidence for the resolution-failure causes, naming the nameservers.
pub fn resolution_evidence(ctx: &Ctx, mut f: Finding) -> Finding {
    for m in server_lines(ctx) {
        f = f.because(m);
    }
    if let Some(d) = &ctx.ev.dns {
        if !d.hosts_file.is_empty() {
            f = f.because(Msg::new("ev-hosts-entry").arg("addrs", list(&d.hosts_file)));
        }
        if d.servers.is_empty() {
            f = f.because(Msg::new("ev-no-nameservers"));
        }
    }
    if matches!(
        ctx.ev.resolution.error,
        Some(ResolveError::ResolverFailure | ResolveError::Timeout)
    ) {
        let failing: Vec<String> = ctx
            .ev
            .dns
            .iter()
            .flat_map(|d| &d.servers)
            .filter(|s| {
                matches!(
                    s.outcome,
                    DnsOutcome::Timeout | DnsOutcome::Failure { .. } | DnsOutcome::Error { .. }
                )
            })
            .map(|s| s.server.to_string())
            .collect();
        f = f.arg(
            "servers",
            if failing.is_empty() {
                "?".to_string()
            } else {
                failing.join(", ")
            },
        );
    }
    f
}

/// Causes and warnings from the client's environment. `failing` says whether the
/// connection failed (causes) or works (warnings only).
pub fn rules(ctx: &Ctx, symptom: Symptom) -> (Vec<Finding>, Vec<Finding>) {
    let failing = symptom != Symptom::Ok;
    let mut causes = Vec::new();
    let mut warnings = Vec::new();
    let resolved = &ctx.ev.resolution.addresses;
    let name = ctx.ev.target.host.to_string();

    // dns.wrong-ip: the user says where the server is, and DNS says otherwise.
    if !ctx.ev.expect_ip.is_empty()
        && !resolved.is_empty()
        && !resolved.iter().any(|a| ctx.ev.expect_ip.contains(a))
    {
        let mut f = finding("dns.wrong-ip", High)
            .arg("name", name.clone())
            .arg("addrs", list(resolved))
            .because(
                Msg::new("ev-expected-ip")
                    .arg("expected", list(&ctx.ev.expect_ip))
                    .arg("addrs", list(resolved)),
            );
        for m in server_lines(ctx) {
            f = f.because(m);
        }
        if let Some(d) = ctx.ev.dns.as_ref().filter(|d| !d.hosts_file.is_empty()) {
            f = f.because(Msg::new("ev-hosts-entry").arg("addrs", list(&d.hosts_file)));
        }
        causes.push(f);
    }

    // dns.fake-ip: a proxy program answered DNS with its own addresses.
    if let Some(fake) = resolved.iter().find(|a| is_fake_ip(**a)) {
        let f = finding("dns.fake-ip", High)
            .arg("name", name.clone())
            .arg("addr", fake.to_string())
            .because(Msg::new("ev-fake-ip").arg("addr", fake.to_string()));
        if failing {
            causes.push(f)
        } else {
            warnings.push(f)
        }
    }

    // dns.hosts-override: the hosts file says something else than the nameservers.
    if let Some(d) = &ctx.ev.dns {
        let from_dns = dns_addresses(ctx);
        if !d.hosts_file.is_empty()
            && !from_dns.is_empty()
            && !d.hosts_file.iter().any(|h| from_dns.contains(h))
        {
            let mut f = finding("dns.hosts-override", if failing { High } else { Medium })
                .arg("name", name.clone())
                .arg("hosts", list(&d.hosts_file))
                .arg("dns", list(&from_dns))
                .because(Msg::new("ev-hosts-entry").arg("addrs", list(&d.hosts_file)));
            for m in server_lines(ctx) {
                f = f.because(m);
            }
            if failing {
                causes.push(f)
            } else {
                warnings.push(f)
            }
        }
    }

    // proxy.local-software: a tunnel carries the route, or the client would use a proxy.
    let p = &ctx.ev.proxy;
    if let Some(tun) = &p.tun_route {
        let f = finding("proxy.local-software", if failing { High } else { Medium })
            .arg("via", tun.clone())
            .because(Msg::new("ev-tun-route").arg("iface", tun.clone()));
        if failing {
            causes.push(f)
        } else {
            warnings.push(f)
        }
    }
    if let Some((var, value)) = &p.applies {
        let f = finding("proxy.local-software", if failing { Low } else { Medium })
            .arg("via", format!("{var}={value}"))
            .because(
                Msg::new("ev-proxy-env")
                    .arg("var", var.clone())
                    .arg("value", value.clone()),
            )
            .because(Msg::new("ev-proxy-direct"));
        if failing {
            causes.push(f)
        } else {
            warnings.push(f)
        }
    }
    if resolved.iter().any(|a| is_fake_ip(*a)) && p.tun_route.is_none() && p.applies.is_none() {
        let f = finding("proxy.local-software", Medium)
            .arg("via", "fake-ip DNS")
            .because(Msg::new("ev-fake-ip").arg("addr", list(resolved)));
        if failing {
            causes.push(f)
        } else {
            warnings.push(f)
        }
    }

    // proxy.cdn from the published ranges, and the ports the CDN forwards at all.
    if let Some(m) = ctx.ev.cdn.first() {
        let port = ctx.ev.target.port;
        let cf_forwarded =
            CLOUDFLARE_HTTP_PORTS.contains(&port) || CLOUDFLARE_HTTPS_PORTS.contains(&port);
        if m.provider == "Cloudflare"
            && !cf_forwarded
            && matches!(
                symptom,
                Symptom::Timeout | Symptom::Refused | Symptom::Reset
            )
        {
            causes.push(
                finding("proxy.cdn-port-not-proxied", High)
                    .arg("cdn", m.provider.clone())
                    .arg("port", port)
                    .because(
                        Msg::new("ev-cdn-range")
                            .arg("addr", m.addr.to_string())
                            .arg("cdn", m.provider.clone())
                            .arg("range", m.range.clone())
                            .arg("date", m.list_date.clone()),
                    )
                    .because(Msg::new("ev-cdn-ports").arg("port", port)),
            );
        }
        let f = finding("proxy.cdn", if failing { Medium } else { Low })
            .arg("cdn", m.provider.clone())
            .because(
                Msg::new("ev-cdn-range")
                    .arg("addr", m.addr.to_string())
                    .arg("cdn", m.provider.clone())
                    .arg("range", m.range.clone())
                    .arg("date", m.list_date.clone()),
            );
        if failing {
            causes.push(f)
        } else {
            warnings.push(f)
        }
    }
    (causes, warnings)
}

#[cfg(test)]
mod tests {
    use crate::diagnose;
    use crate::evidence::{
        CdnMatch, DnsEvidence, DnsOutcome, NameserverAnswer, Outcome, RouteFact,
    };
    use crate::finding::{Confidence, Symptom};
    use crate::testutil::*;

    fn dns(hosts: &[&str], answer: &[&str]) -> DnsEvidence {
        DnsEvidence {
            hosts_file: hosts.iter().map(|h| h.parse().unwrap()).collect(),
            servers: vec![NameserverAnswer {
                server: "10.0.0.53".parse().unwrap(),
                outcome: DnsOutcome::Answer {
                    addresses: answer.iter().map(|a| a.parse().unwrap()).collect(),
                    cnames: vec![],
                    ttl: Some(300),
                },
                elapsed_ms: 2.0,
            }],
            note: None,
        }
    }

    #[test]
    fn expected_ip_differs() {
        let mut ev = evidence(
            "api.example.com:8282",
            vec![("203.0.113.9:8282", Outcome::Connected)],
        );
        ev.expect_ip = vec!["198.51.100.7".parse().unwrap()];
        ev.dns = Some(dns(&[], &["203.0.113.9"]));
        let d = diagnose(&ev);
        assert_eq!((d.symptom, ids(&d)), (Symptom::Dns, vec!["dns.wrong-ip"]));
        assert!(d.causes[0].evidence.iter().any(|m| m.id == "ev-ns-answer"));
        ev.expect_ip = vec!["203.0.113.9".parse().unwrap()];
        assert_eq!(diagnose(&ev).symptom, Symptom::Ok);
    }

    #[test]
    fn hosts_file_overrides_dns() {
        let mut ev = evidence(
            "api.example.com:8282",
            vec![("10.9.9.9:8282", Outcome::Refused)],
        );
        ev.dns = Some(dns(&["10.9.9.9"], &["203.0.113.9"]));
        let d = diagnose(&ev);
        assert_eq!(d.causes[0].id, "dns.hosts-override");
        assert_eq!(d.causes[0].confidence, Confidence::High);
    }

    #[test]
    fn fake_ip_and_tun() {
        let mut ev = evidence(
            "api.example.com:8282",
            vec![("198.18.0.42:8282", Outcome::TimedOut)],
        );
        ev.proxy.tun_route = Some("Meta".into());
        ev.local.routes.insert(
            "198.18.0.42".parse().unwrap(),
            Some(RouteFact {
                prefix_len: 15,
                gateway: None,
                interface: "Meta".into(),
            }),
        );
        let d = diagnose(&ev);
        let got = ids(&d);
        assert!(
            got.contains(&"dns.fake-ip") && got.contains(&"proxy.local-software"),
            "{got:?}"
        );
    }

    #[test]
    fn proxy_env_is_a_warning_when_direct_works() {
        let mut ev = evidence(
            "ws://example.com/",
            vec![("203.0.113.9:80", Outcome::Connected)],
        );
        ev.proxy.applies = Some(("http_proxy".into(), "http://10.0.0.1:3128".into()));
        let d = diagnose(&ev);
        assert_eq!(d.symptom, Symptom::Ok);
        assert_eq!(d.warnings[0].id, "proxy.local-software");
    }

    #[test]
    fn cloudflare_port_not_proxied() {
        let mut ev = evidence(
            "example.com:8282",
            vec![("104.16.1.1:8282", Outcome::TimedOut)],
        );
        ev.cdn = vec![CdnMatch {
            addr: "104.16.1.1".parse().unwrap(),
            provider: "Cloudflare".into(),
            range: "104.16.0.0/13".into(),
            list_date: "2025-01".into(),
        }];
        let d = diagnose(&ev);
        assert_eq!(d.causes[0].id, "proxy.cdn-port-not-proxied");
        assert!(ids(&d).contains(&"proxy.cdn"));
        let mut ok = evidence(
            "example.com:8443",
            vec![("104.16.1.1:8443", Outcome::TimedOut)],
        );
        ok.cdn = ev.cdn.clone();
        assert!(!ids(&diagnose(&ok)).contains(&"proxy.cdn-port-not-proxied"));
    }

    #[test]
    fn fake_ip_ranges() {
        assert!(super::is_fake_ip("198.18.0.1".parse().unwrap()));
        assert!(super::is_fake_ip("198.19.255.1".parse().unwrap()));
        assert!(!super::is_fake_ip("198.20.0.1".parse().unwrap()));
    }
}
