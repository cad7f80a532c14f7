//! Audit rules: pure functions from [`AuditEvidence`] to a [`Diagnosis`] per port. No
//! sockets, no clock, no files.
//!
//! Causes are ordered by where they stop a client's packet on its way in: the cloud's
//! security group, then the host firewall (and the panel that manages it), then the
//! listening socket's address, then the program and its protocol, then capacity.

use std::net::{IpAddr, SocketAddr};

use conndoctor_model::audit::firewall::{CaveatKind, Decision, RuleRef, Source, Verdict};
// Which causes count where: part of the audit's data model, shared with its report.
use crate::evidence::{Exchange, Purpose, Reply, TlsResult};
use crate::finding::{Confidence, Confidence::*, Diagnosis, Finding, Msg, Symptom};
use crate::target::Scheme;
use conndoctor_model::audit::{AuditEvidence, AuditListener, PortDecision, outside_facing};
pub use conndoctor_model::audit::{is_capacity, is_inventory_problem, is_nearby};

/// Where a cause acts on the packet's way in; lower acts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Cloud,
    HostFirewall,
    Listener,
    Program,
    Capacity,
}

/// One diagnosis per audited port.
pub fn diagnose_all(ev: &AuditEvidence) -> Vec<(u16, Diagnosis)> {
    match ev.request.port {
        Some(p) => vec![(p, diagnose_port(ev, p))],
        None => {
            let mut ports: Vec<u16> = ev.listeners.iter().map(|l| l.addr.port()).collect();
            ports.sort_unstable();
            ports.dedup();
            ports
                .into_iter()
                .map(|p| (p, inventory_port(ev, p)))
                .collect()
        }
    }
}

/// The full set of rules for the port the user asked about.
pub fn diagnose_port(ev: &AuditEvidence, port: u16) -> Diagnosis {
    let mut causes: Vec<(Stage, Finding)> = Vec::new();
    let mut warnings: Vec<Finding> = Vec::new();

    let fw = firewall(ev, port);
    let blocked = fw.as_ref().is_some_and(|f| f.confidence >= Medium);
    causes.extend(panel(ev, port, blocked).map(|f| (Stage::HostFirewall, f)));
    causes.extend(fw.map(|f| (Stage::HostFirewall, f)));
    if !ev.firewall.readable() && !blocked {
        warnings.extend(panel_unverified(ev, port));
    }
    causes.extend(
        listener_address(ev, port)
            .into_iter()
            .map(|f| (Stage::Listener, f)),
    );
    causes.extend(protocol(ev).map(|f| (Stage::Program, f)));
    let (cap_causes, cap_warnings) = capacity(ev, port);
    causes.extend(cap_causes.into_iter().map(|f| (Stage::Capacity, f)));
    warnings.extend(cap_warnings);
    warnings.extend(dual_stack(ev, port));

    // The security group cannot be seen from inside the VM: with a local problem it is
    // one more suspect on the way in; without one it is the remaining suspect.
    if let Some(sg) = security_group(ev, port) {
        if causes.is_empty() {
            warnings.insert(0, sg);
        } else {
            causes.push((Stage::Cloud, sg.with_confidence(Low)));
        }
    }
    finish(causes, warnings)
}

/// The every-listener view: what the port looks like from outside, without the
/// request-specific checks (configured address, protocol).
fn inventory_port(ev: &AuditEvidence, port: u16) -> Diagnosis {
    let mut causes: Vec<(Stage, Finding)> = Vec::new();
    causes.extend(firewall(ev, port).map(|f| (Stage::HostFirewall, f)));
    causes.extend(
        listener_address(ev, port)
            .into_iter()
            .map(|f| (Stage::Listener, f)),
    );
    let (cap_causes, warnings) = capacity(ev, port);
    causes.extend(cap_causes.into_iter().map(|f| (Stage::Capacity, f)));
    finish(causes, warnings)
}

trait WithConfidence {
    fn with_confidence(self, c: Confidence) -> Self;
}

impl WithConfidence for Finding {
    fn with_confidence(mut self, c: Confidence) -> Self {
        self.confidence = c;
        self
    }
}

fn finish(mut causes: Vec<(Stage, Finding)>, warnings: Vec<Finding>) -> Diagnosis {
    causes.sort_by_key(|(s, _)| *s);
    let causes: Vec<Finding> = causes.into_iter().map(|(_, f)| f).collect();
    let lead = causes
        .iter()
        .find(|f| f.confidence >= Medium)
        .or(causes.first());
    let symptom = lead.map_or(Symptom::Ok, |f| symptom_of(f.id));
    Diagnosis {
        symptom,
        causes,
        warnings,
    }
}

/// What a remote client would see for a cause found on the server.
fn symptom_of(id: &str) -> Symptom {
    match id.split('.').next().unwrap_or_default() {
        "timeout" => Symptom::Timeout,
        "refused" => Symptom::Refused,
        // A server that cannot bind its address is not running: clients are refused.
        "addr-not-avail" => Symptom::Refused,
        "mismatch" => Symptom::Mismatch,
        "tls" => Symptom::Tls,
        "reset" => Symptom::Reset,
        _ => Symptom::Timeout,
    }
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The outside-facing addresses of this machine.
fn outside_addrs(ev: &AuditEvidence) -> Vec<IpAddr> {
    ev.interfaces
        .iter()
        .filter(|i| outside_facing(i))
        .map(|i| i.addr)
        .collect()
}

fn program(l: &AuditListener) -> String {
    match l.process() {
        Some(p) => format!("{} (pid {})", p.comm, p.pid),
        None => match &l.user {
            Some(u) => format!("? (user {u})"),
            None => format!("? (uid {})", l.uid),
        },
    }
}

// ------------------------------------------------------------------ cloud

fn security_group(ev: &AuditEvidence, port: u16) -> Option<Finding> {
    let c = ev.cloud.as_ref()?;
    Some(
        Finding::new("timeout.security-group", Medium)
            .arg("provider", c.provider)
            .arg("port", port)
            .because(
                Msg::new("audit-ev-cloud-dmi")
                    .arg("provider", c.provider)
                    .arg("field", c.field)
                    .arg("value", c.value.clone()),
            )
            .because(Msg::new("audit-ev-sg-invisible").arg("port", port)),
    )
}

// ------------------------------------------------------------------ host firewall

/// A ready-to-paste command that lets the port in before the deciding rule.
pub fn fix_command(ev: &AuditEvidence, r: &RuleRef, port: u16) -> String {
    if ev.managers.ufw_enabled == Some(true) && r.chain.starts_with("ufw") {
        return format!("ufw allow {port}/tcp");
    }
    let firewalld =
        r.table == "firewalld" || r.chain.starts_with("IN_") || r.chain.contains("_IN_");
    if firewalld || (ev.managers.firewalld_running && r.source == Source::Nftables) {
        return format!("firewall-cmd --permanent --add-port={port}/tcp && firewall-cmd --reload");
    }
    if ev.managers.ufw_enabled == Some(true) && r.table == "filter" && r.chain == "INPUT" {
        return format!("ufw allow {port}/tcp");
    }
    match r.source {
        Source::Nftables => match (r.is_policy(), r.handle) {
            (false, Some(h)) => format!(
                "nft insert rule {} {} {} position {h} tcp dport {port} accept",
                r.family.id(),
                r.table,
                r.chain
            ),
            _ => format!(
                "nft add rule {} {} {} tcp dport {port} accept",
                r.family.id(),
                r.table,
                r.chain
            ),
        },
        Source::IptablesLegacy | Source::IptablesNft => {
            let tool = if r.family == conndoctor_model::audit::firewall::Family::Ip6 {
                "ip6tables"
            } else {
                "iptables"
            };
            if r.is_policy() {
                format!(
                    "{tool} -t {} -A {} -p tcp --dport {port} -j ACCEPT",
                    r.table, r.chain
                )
            } else {
                format!(
                    "{tool} -t {} -I {} {} -p tcp --dport {port} -j ACCEPT",
                    r.table, r.chain, r.position
                )
            }
        }
    }
}

fn rule_msg(id: &'static str, r: &RuleRef) -> Msg {
    Msg::new(id)
        .arg("source", r.source.id())
        .arg("chain", r.chain_label())
        .arg("position", r.position)
        .arg("text", r.text.clone())
}

/// `timeout.filtered` (a drop) or `refused.firewall-reject` (a reject), naming the rule.
fn firewall(ev: &AuditEvidence, port: u16) -> Option<Finding> {
    let decisions: Vec<&PortDecision> = ev.firewall.for_port(port).collect();
    let blocking: Vec<&&PortDecision> = decisions
        .iter()
        .filter(|d| matches!(d.decision.verdict, Verdict::Drop | Verdict::Reject))
        .collect();
    let first = blocking.first()?;
    let d: &Decision = &first.decision;
    let r = d.rule.as_ref()?;
    let addr = SocketAddr::new(first.daddr, port).to_string();
    let reject = d.verdict == Verdict::Reject;
    let mut f = if reject {
        Finding::new("refused.firewall-reject", High).arg("addr", addr.clone())
    } else {
        Finding::new("timeout.filtered", High)
            .arg("addr", addr.clone())
            .arg("port", port)
    };
    let verdict = if reject { "reject" } else { "drop" };
    if r.is_policy() {
        f = f.because(
            Msg::new("audit-ev-fw-policy")
                .arg("source", r.source.id())
                .arg("chain", r.chain_label())
                .arg("port", port),
        );
    } else {
        f = f.because(rule_msg("audit-ev-fw-rule", r).arg("verdict", verdict));
    }
    if let Some(w) = &d.reject_with {
        f = f.because(Msg::new("audit-ev-fw-reject-with").arg("with", w.clone()));
    }
    f = f.because(
        Msg::new("audit-ev-fw-packet")
            .arg("iface", first.iface.clone())
            .arg("addr", addr),
    );
    let others: Vec<String> = blocking
        .iter()
        .skip(1)
        .map(|p| format!("{} ({})", p.daddr, p.iface))
        .collect();
    if !others.is_empty() {
        f = f.because(Msg::new("audit-ev-fw-also").arg("addrs", list(others)));
    }
    let open: Vec<String> = decisions
        .iter()
        .filter(|p| p.decision.verdict == Verdict::Accept)
        .map(|p| format!("{} ({})", p.daddr, p.iface))
        .collect();
    if !open.is_empty() {
        f = f.because(Msg::new("audit-ev-fw-open-elsewhere").arg("addrs", list(open)));
    }
    let mut unsure = false;
    for c in &d.caveats {
        match c.kind {
            CaveatKind::SourceDependent if c.would == "accept" || c.would.starts_with("jump") => {
                f = f.because(rule_msg("audit-ev-fw-only-from", &c.rule));
            }
            CaveatKind::SourceDependent => {}
            CaveatKind::NotUnderstood => {
                unsure = true;
                f = f.because(rule_msg("audit-ev-fw-not-understood", &c.rule));
            }
        }
    }
    if d.truncated {
        unsure = true;
    }
    f = f.because(Msg::new("audit-ev-fw-command").arg("cmd", fix_command(ev, r, port)));
    Some(if unsure { f.with_confidence(Medium) } else { f })
}

/// `timeout.panel-firewall`: a hosting panel owns the firewall that blocks, or csf's
/// own list leaves the port out.
fn panel(ev: &AuditEvidence, port: u16, blocked: bool) -> Option<Finding> {
    if let Some(csf) = ev.panels.iter().find(|p| p.id == "csf")
        && let Some(open) = &csf.open_ports
        && !open.iter().any(|(lo, hi)| *lo <= port && port <= *hi)
    {
        let ports = list(open.iter().map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}:{b}")
            }
        }));
        return Some(
            Finding::new("timeout.panel-firewall", High)
                .arg("panel", csf.id)
                .arg("port", port)
                .because(
                    Msg::new("audit-ev-csf-tcp-in")
                        .arg("port", port)
                        .arg("ports", ports),
                ),
        );
    }
    if !blocked {
        return None;
    }
    let p = ev.panels.iter().find(|p| p.id != "csf")?;
    Some(
        Finding::new("timeout.panel-firewall", High)
            .arg("panel", p.id)
            .arg("port", port)
            .because(
                Msg::new("audit-ev-panel-marker")
                    .arg("name", p.name)
                    .arg("marker", p.marker.clone()),
            )
            .because(Msg::new("audit-ev-panel-owns-rules").arg("name", p.name)),
    )
}

/// A panel is present but the rules could not be read (not root): say where to look.
fn panel_unverified(ev: &AuditEvidence, port: u16) -> Option<Finding> {
    let p = ev.panels.iter().find(|p| p.id != "csf")?;
    Some(
        Finding::new("timeout.panel-firewall", Low)
            .arg("panel", p.id)
            .arg("port", port)
            .because(
                Msg::new("audit-ev-panel-marker")
                    .arg("name", p.name)
                    .arg("marker", p.marker.clone()),
            )
            .because(Msg::new("audit-ev-fw-unreadable")),
    )
}

// ------------------------------------------------------------------ listener address

fn listener_address(ev: &AuditEvidence, port: u16) -> Vec<Finding> {
    let mut out = Vec::new();
    let on: Vec<&AuditListener> = ev
        .listeners
        .iter()
        .filter(|l| l.addr.port() == port)
        .collect();
    let outside = outside_addrs(ev);
    let req_ip = ev
        .request
        .listen_ip
        .filter(|_| ev.request.port == Some(port));

    // The configured address is not this machine's (a cloud's NAT'ed public IP).
    if let Some(ip) = req_ip {
        let local =
            ip.is_unspecified() || ip.is_loopback() || ev.interfaces.iter().any(|i| i.addr == ip);
        if !local {
            let conf = if on.is_empty() { High } else { Medium };
            let mut f = Finding::new("addr-not-avail.bind-not-local", conf)
                .arg("addr", SocketAddr::new(ip, port).to_string())
                .arg("port", port)
                .because(
                    Msg::new("audit-ev-not-local")
                        .arg("ip", ip.to_string())
                        .arg("addrs", list(&outside)),
                );
            if !crate::is_private(ip) && outside.iter().any(|a| crate::is_private(*a)) {
                f = f.because(Msg::new("audit-ev-nat").arg("ip", ip.to_string()));
            }
            out.push(f);
        }
    }

    if on.is_empty() {
        let mut f = Finding::new("refused.not-listening", High)
            .arg("addr", format!("*:{port}"))
            .arg("port", port)
            .because(Msg::new("audit-ev-no-listener").arg("port", port));
        for n in ev.nearby.iter().take(5) {
            f = f.because(
                Msg::new("audit-ev-nearby")
                    .arg("addr", n.addr.to_string())
                    .arg("program", program(n)),
            );
        }
        out.push(f);
        return out;
    }
    let bound = list(on.iter().map(|l| l.addr));
    let first_outside = outside
        .first()
        .map(|ip| SocketAddr::new(*ip, port).to_string());

    // Asked about loopback on purpose: nothing to say about other addresses.
    if req_ip.is_some_and(|ip| ip.is_loopback()) {
        return out;
    }
    if on.iter().all(|l| l.addr.ip().is_loopback()) {
        out.push(
            Finding::new("refused.loopback-only", High)
                .arg("bound", bound.clone())
                .arg(
                    "addr",
                    first_outside.unwrap_or_else(|| format!("0.0.0.0:{port}")),
                )
                .arg("port", port)
                .because(Msg::new("audit-ev-bound-loopback").arg("bound", bound)),
        );
        return out;
    }

    // A specific configured address this machine has, not covered by any listener.
    if let Some(ip) =
        req_ip.filter(|ip| !ip.is_unspecified() && ev.interfaces.iter().any(|i| i.addr == *ip))
    {
        let dst = SocketAddr::new(ip, port);
        // The configured address is served: other addresses are not what was asked.
        if on.iter().any(|l| l.covers(dst)) {
            return out;
        }
        {
            out.push(
                Finding::new("refused.other-address", High)
                    .arg("bound", bound.clone())
                    .arg("addr", dst.to_string())
                    .because(
                        Msg::new("audit-ev-uncovered")
                            .arg("addrs", dst.to_string())
                            .arg("bound", bound.clone()),
                    ),
            );
            return out;
        }
    }

    // IPv4 clients and a v6-only [::] socket.
    let v4_covered = |ip: IpAddr| on.iter().any(|l| l.covers(SocketAddr::new(ip, port)));
    let v6only_all = on
        .iter()
        .filter(|l| l.addr.ip().is_unspecified() && l.addr.is_ipv6())
        .any(|l| l.v6only == Some(true));
    let v4_outside: Vec<IpAddr> = outside.iter().copied().filter(IpAddr::is_ipv4).collect();
    if v6only_all
        && on.iter().all(|l| l.addr.is_ipv6())
        && let Some(ip) = v4_outside.first()
    {
        {
            let mut f = Finding::new("refused.family-mismatch", High)
                .arg("failed", SocketAddr::new(*ip, port).to_string())
                .arg("working", bound.clone())
                .because(Msg::new("audit-ev-v6only").arg("bound", bound.clone()));
            if ev.bindv6only == Some(true) {
                f = f.because(Msg::new("audit-ev-bindv6only"));
            }
            out.push(f);
            return out;
        }
    }

    // Listeners on specific addresses that leave other addresses of the same family out.
    let uncovered: Vec<SocketAddr> = outside
        .iter()
        .filter(|ip| {
            on.iter().any(|l| {
                l.addr.is_ipv4() == ip.is_ipv4() || (l.addr.is_ipv6() && l.v6only != Some(true))
            })
        })
        .filter(|ip| !v4_covered(**ip))
        .map(|ip| SocketAddr::new(*ip, port))
        .collect();
    let specific = on.iter().all(|l| !l.addr.ip().is_unspecified());
    if specific && !uncovered.is_empty() {
        out.push(
            Finding::new("refused.other-address", Medium)
                .arg("bound", bound.clone())
                .arg("addr", list(&uncovered))
                .because(
                    Msg::new("audit-ev-uncovered")
                        .arg("addrs", list(&uncovered))
                        .arg("bound", bound),
                ),
        );
    }
    out
}

/// A warning when the machine has a global IPv6 address and the port takes IPv4 only.
fn dual_stack(ev: &AuditEvidence, port: u16) -> Option<Finding> {
    let on: Vec<&AuditListener> = ev
        .listeners
        .iter()
        .filter(|l| l.addr.port() == port)
        .collect();
    if on.is_empty() || on.iter().any(|l| l.addr.is_ipv6()) {
        return None;
    }
    let v6 = ev
        .interfaces
        .iter()
        .filter(|i| outside_facing(i) && i.addr.is_ipv6() && !crate::is_private(i.addr))
        .map(|i| SocketAddr::new(i.addr, port))
        .next()?;
    if on.iter().all(|l| l.addr.ip().is_loopback()) {
        return None;
    }
    Some(
        Finding::new("refused.family-mismatch", Low)
            .arg("failed", v6.to_string())
            .arg("working", list(on.iter().map(|l| l.addr)))
            .because(Msg::new("audit-ev-v4-only").arg("addr", v6.to_string())),
    )
}

// ------------------------------------------------------------------ program / protocol

fn status_of(e: &Exchange) -> Option<(u16, String)> {
    match &e.reply {
        Reply::Http(h) => Some((
            h.status,
            // `none`: the locale files then leave the "(Server: ...)" part out.
            h.header("server")
                .filter(|s| !s.trim().is_empty())
                .unwrap_or("none")
                .chars()
                .take(60)
                .collect(),
        )),
        _ => None,
    }
}

fn upgraded(e: &Exchange) -> bool {
    matches!(&e.reply, Reply::Http(h) if h.status == 101)
}

/// A protocol mismatch between what the user named and what the port answers.
fn protocol(ev: &AuditEvidence) -> Option<Finding> {
    let scheme = ev.request.scheme?;
    let pe = ev.protocol.as_ref()?;
    let main = pe.main()?;
    let port = pe.addr.port();
    let addr = pe.addr.to_string();
    let path = if ev.request.path.is_empty() {
        "/".to_string()
    } else {
        ev.request.path.clone()
    };
    let ev_line = |e: &Exchange| crate::protocol::reply_msg(e);
    let tls_ok = |p: Purpose| {
        pe.find(p)
            .is_some_and(|e| matches!(e.tls, Some(TlsResult::Established { .. })))
    };
    let answered = |p: Purpose| {
        pe.find(p)
            .is_some_and(|e| matches!(e.reply, Reply::Http(_) | Reply::Data { .. }))
    };
    let f = |id: &'static str| Finding::new(id, High).because(ev_line(main));
    let tls_failed = matches!(main.tls, Some(TlsResult::Failed { .. }));
    match scheme {
        Scheme::Wss | Scheme::Https if tls_failed => {
            if !answered(Purpose::TryPlain) {
                return None;
            }
            let plain = if scheme == Scheme::Wss { "ws" } else { "http" };
            let mut f = f("mismatch.tls-to-plain")
                .arg("addr", addr.clone())
                .arg("plain", format!("{plain}://{addr}{path}"));
            if let Some(e) = pe.find(Purpose::TryPlain) {
                f = f.because(ev_line(e));
            }
            Some(f)
        }
        Scheme::Ws | Scheme::Wss => {
            if upgraded(main) {
                return None;
            }
            match &main.reply {
                Reply::Http(h)
                    if h.status == 404 && pe.find(Purpose::TryRootPath).is_some_and(upgraded) =>
                {
                    Some(f("mismatch.ws-path").arg("path", path).arg("working", "/"))
                }
                Reply::Http(_) => {
                    let (status, server) = status_of(main).unwrap_or_default();
                    Some(
                        f("mismatch.ws-to-http")
                            .arg("status", status)
                            .arg("code", status)
                            .arg("server", server)
                            .arg("port", port),
                    )
                }
                Reply::Data { first, .. } => {
                    Some(f("mismatch.ws-to-non-http").arg("bytes", first.clone()))
                }
                Reply::Silence | Reply::Closed | Reply::Reset if tls_ok(Purpose::TryTls) => Some(
                    f("mismatch.plain-to-tls")
                        .arg("addr", addr.clone())
                        .arg("secure", format!("wss://{addr}{path}")),
                ),
                Reply::Silence => {
                    Some(f("mismatch.silent-server").arg("ms", main.elapsed_ms.round()))
                }
                Reply::Closed | Reply::Reset => Some(f("reset.after-connect").arg("addr", addr)),
                _ => None,
            }
        }
        Scheme::Http | Scheme::Https => match &main.reply {
            Reply::Http(h)
                if matches!(h.status, 400 | 426)
                    && pe.find(Purpose::TryUpgrade).is_some_and(upgraded) =>
            {
                let mut f = f("mismatch.http-to-ws").arg("status", u32::from(h.status));
                if let Some(e) = pe.find(Purpose::TryUpgrade) {
                    f = f.because(ev_line(e));
                }
                Some(f)
            }
            Reply::Data { first, speaks, .. } => Some(
                f("mismatch.http-to-non-http")
                    .arg("bytes", first.clone())
                    .arg("speaks", speaks.id()),
            ),
            Reply::Silence | Reply::Closed | Reply::Reset if tls_ok(Purpose::TryTls) => Some(
                f("mismatch.plain-to-tls")
                    .arg("addr", addr.clone())
                    .arg("secure", format!("https://{addr}{path}")),
            ),
            Reply::Silence => Some(f("mismatch.silent-server").arg("ms", main.elapsed_ms.round())),
            Reply::Closed | Reply::Reset => Some(f("reset.after-connect").arg("addr", addr)),
            _ => None,
        },
        Scheme::Text => match &main.reply {
            Reply::Http(_) => {
                let (status, server) = status_of(main).unwrap_or_default();
                Some(
                    f("mismatch.text-to-http")
                        .arg("status", status)
                        .arg("server", server),
                )
            }
            _ => None,
        },
        Scheme::Tcp => None,
    }
}

/// What the port speaks, for the checklist: an id and its details.
pub fn speaks(pe: &crate::evidence::ProtocolEvidence) -> (&'static str, String) {
    let Some(main) = pe.main() else {
        return ("unknown", String::new());
    };
    let over_tls = matches!(main.tls, Some(TlsResult::Established { .. }));
    let find_ok = |p: Purpose| {
        pe.find(p)
            .filter(|e| matches!(e.reply, Reply::Http(_) | Reply::Data { .. }))
    };
    if pe.exchanges.iter().any(upgraded) {
        return (
            if over_tls || pe.find(Purpose::TryTls).is_some_and(upgraded) {
                "wss"
            } else {
                "websocket"
            },
            String::new(),
        );
    }
    match &main.reply {
        Reply::Http(h) => (
            if over_tls { "https" } else { "http" },
            format!("{} {}", h.status, h.header("server").unwrap_or(""))
                .trim()
                .to_string(),
        ),
        Reply::Data { speaks, first, .. } => (speaks.id(), first.chars().take(40).collect()),
        _ => {
            if let Some(e) = find_ok(Purpose::TryTls) {
                if let Reply::Http(h) = &e.reply {
                    return ("https", h.status.to_string());
                }
                return ("tls", String::new());
            }
            if let Some(e) = find_ok(Purpose::TryPlain)
                && let Reply::Http(h) = &e.reply
            {
                return ("http", h.status.to_string());
            }
            match main.reply {
                Reply::Silence => ("silent", String::new()),
                Reply::Closed | Reply::Reset => ("closes", String::new()),
                _ => ("unknown", String::new()),
            }
        }
    }
}

// ------------------------------------------------------------------ capacity

/// The process's descriptors are this close to its limit (per cent): a cause above
/// the first, a warning above the second.
const FD_FULL_PCT: u64 = 95;
const FD_WARN_PCT: u64 = 80;

fn capacity(ev: &AuditEvidence, port: u16) -> (Vec<Finding>, Vec<Finding>) {
    let mut causes = Vec::new();
    let mut warnings = Vec::new();
    let on: Vec<&AuditListener> = ev
        .listeners
        .iter()
        .filter(|l| l.addr.port() == port)
        .collect();
    let delta = |p: Option<(u64, u64)>| p.map(|(a, b)| b.saturating_sub(a));
    let overflows = delta(ev.capacity.listen_overflows);
    let drops = delta(ev.capacity.listen_drops);
    let rising = overflows.is_some_and(|d| d > 0);
    // The kernel drops SYNs once the queue holds more than the backlog.
    let full = |l: &AuditListener| l.backlog.is_some_and(|b| l.accept_queue > b);
    // A few connections waiting at one instant is normal for a busy server; only a
    // full queue, or one that overflows while we watch, is a finding.
    if let Some(l) = on
        .iter()
        .find(|l| l.accept_queue > 0 && (full(l) || rising))
    {
        let confidence = if full(l) && rising { High } else { Medium };
        let mut f = Finding::new("timeout.accept-queue-full", confidence)
            .arg("addr", l.addr.to_string())
            .arg("queued", l.accept_queue)
            .because(
                Msg::new("ev-accept-queue")
                    .arg("addr", l.addr.to_string())
                    .arg("queued", l.accept_queue),
            );
        if let Some(b) = l.backlog {
            f = f.because(
                Msg::new("audit-ev-queue-vs-backlog")
                    .arg("queued", l.accept_queue)
                    .arg("backlog", b),
            );
            if ev.capacity.somaxconn.is_some_and(|s| u64::from(b) == s) {
                f = f.because(Msg::new("audit-ev-somaxconn-caps").arg("somaxconn", u64::from(b)));
            }
        }
        if let Some(d) = overflows.filter(|d| *d > 0) {
            f = f.because(
                Msg::new("audit-ev-overflows-rising")
                    .arg("count", d)
                    .arg("drops", drops.unwrap_or(0))
                    .arg("ms", ev.capacity.sample_ms.round()),
            );
        }
        let timed_out: Vec<String> = ev
            .self_probes
            .iter()
            .filter(|p| p.addr.port() == port && p.outcome == crate::evidence::Outcome::TimedOut)
            .map(|p| p.addr.to_string())
            .collect();
        if !timed_out.is_empty() {
            f = f.because(Msg::new("audit-ev-self-probe-timeout").arg("addrs", list(timed_out)));
        }
        causes.push(f);
    }
    // Descriptors of the processes holding the socket.
    let mut seen = Vec::new();
    for p in on.iter().flat_map(|l| l.processes.iter()) {
        if seen.contains(&p.pid) {
            continue;
        }
        seen.push(p.pid);
        let (Some(open), Some(limit)) = (p.open_fds, p.fd_limit) else {
            continue;
        };
        if limit == 0 || limit == u64::MAX {
            continue;
        }
        let pct = open.saturating_mul(100) / limit;
        if pct < FD_WARN_PCT {
            continue;
        }
        let f = Finding::new(
            "timeout.server-fd-limit",
            if pct >= FD_FULL_PCT { High } else { Medium },
        )
        .arg("program", p.comm.clone())
        .arg("pid", p.pid)
        .arg("open", open)
        .arg("limit", limit)
        .because(
            Msg::new("audit-ev-fds")
                .arg("program", p.comm.clone())
                .arg("pid", p.pid)
                .arg("open", open)
                .arg("limit", limit),
        );
        if pct >= FD_FULL_PCT {
            causes.push(f);
        } else {
            warnings.push(f);
        }
    }
    (causes, warnings)
}

#[cfg(test)]
mod tests;
