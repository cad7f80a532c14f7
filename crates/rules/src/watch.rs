//! The verdicts of `conndoctor audit --watch`: one finding per client from what the
//! capture, the firewall counters and the listener samples recorded (see the probe
//! crate's `audit::watch`).

use std::net::{IpAddr, SocketAddr};

use crate::finding::{Confidence, Finding, Msg};
use conndoctor_model::audit::firewall::{self, Decision, Moved, Ruleset, Verdict};
use conndoctor_model::audit::watch::{ClientTrace, ClientVerdict, ListenerSample, WatchEvidence};

/// One verdict per client; with `--from` and no SYN from it, or no SYN at all, one
/// "never arrived".
pub fn verdicts(ev: &WatchEvidence, before: &Ruleset, after: &Ruleset) -> Vec<ClientVerdict> {
    if ev.clients.is_empty() {
        let trace = ClientTrace {
            addr: ev.from,
            ..ClientTrace::default()
        };
        return vec![ClientVerdict {
            finding: never_arrived(ev),
            trace,
            decision: None,
            moved: Vec::new(),
        }];
    }
    ev.clients
        .iter()
        .map(|t| client_verdict(ev, t, before, after))
        .collect()
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first source ports, then how many more (a traceroute-like client sends dozens).
pub fn ports_text(ports: &[u16]) -> String {
    const SHOWN: usize = 8;
    let mut s = list(ports.iter().take(SHOWN));
    if ports.len() > SHOWN {
        s += &format!(", … (+{})", ports.len() - SHOWN);
    }
    s
}

fn client_label(t: &ClientTrace) -> String {
    t.addr.map_or_else(|| "?".to_string(), |a| a.to_string())
}

fn never_arrived(ev: &WatchEvidence) -> Finding {
    let secs = (ev.duration_ms / 100.0).round() / 10.0;
    let mut f = Finding::new("watch.never-arrived", Confidence::High)
        .arg("port", ev.port)
        .arg(
            "client",
            ev.from.map_or_else(|| "-".to_string(), |a| a.to_string()),
        );
    f = match ev.from {
        Some(a) => f.because(
            Msg::new("watch-ev-none-from")
                .arg("client", a.to_string())
                .arg("port", ev.port)
                .arg("secs", secs),
        ),
        None => f.because(
            Msg::new("watch-ev-none")
                .arg("port", ev.port)
                .arg("secs", secs),
        ),
    };
    if !ev.other_clients.is_empty() {
        f = f.because(
            Msg::new("watch-ev-others")
                .arg("addrs", list(&ev.other_clients))
                .arg("count", ev.other_syns),
        );
    }
    f.because(Msg::new("watch-ev-before-host"))
}

fn syns_msg(t: &ClientTrace, port: u16) -> Msg {
    Msg::new("watch-ev-syns")
        .arg("client", client_label(t))
        .arg("count", t.syns)
        .arg("ports", ports_text(&t.source_ports))
        .arg("iface", list(&t.syn_ifaces))
        .arg(
            "dst",
            t.dst.map_or_else(
                || port.to_string(),
                |d| SocketAddr::new(d, port).to_string(),
            ),
        )
}

fn client_verdict(
    ev: &WatchEvidence,
    t: &ClientTrace,
    before: &Ruleset,
    after: &Ruleset,
) -> ClientVerdict {
    let port = ev.port;
    let client = client_label(t);
    let base = |id: &'static str, c: Confidence| {
        Finding::new(id, c)
            .arg("client", client.clone())
            .arg("port", port)
            .because(syns_msg(t, port))
    };
    let packet = t.addr.map(|a| firewall::Packet {
        v6: a.is_ipv6(),
        iif: t.syn_ifaces.first().cloned().unwrap_or_default(),
        daddr: t.dst.unwrap_or(a),
        dport: port,
        saddr: Some(a),
    });
    let decision = packet.as_ref().map(|p| after.evaluate(p));
    let moved = packet
        .as_ref()
        .map(|p| firewall::counters_moved(before, after, p))
        .unwrap_or_default();
    let done = |finding: Finding, decision: Option<Decision>, moved: Vec<Moved>| ClientVerdict {
        trace: t.clone(),
        finding,
        decision,
        moved,
    };

    // A SYN-ACK left: the listener answered. By which way decides the rest.
    if t.syn_acks > 0 {
        let other: Vec<&String> = t
            .syn_ack_ifaces
            .iter()
            .filter(|i| !t.syn_ifaces.contains(i))
            .collect();
        if !other.is_empty() {
            let f = base("watch.asymmetric-route", Confidence::High)
                .arg("in", list(&t.syn_ifaces))
                .arg("out", list(other))
                .because(
                    Msg::new("watch-ev-syn-ack-elsewhere")
                        .arg("count", t.syn_acks)
                        .arg("in", list(&t.syn_ifaces))
                        .arg("out", list(&t.syn_ack_ifaces)),
                );
            return done(f, decision, moved);
        }
        let answered = Msg::new("watch-ev-syn-ack")
            .arg("count", t.syn_acks)
            .arg("iface", list(&t.syn_ack_ifaces));
        // The client asks again for a port this host already answered: the SYN-ACK
        // did not reach it (a firewall or NAT on the way back drops it).
        let f = if t.syns_after_syn_ack > 0 {
            base("watch.reply-lost", Confidence::High)
                .arg("iface", list(&t.syn_ack_ifaces))
                .because(answered)
                .because(Msg::new("watch-ev-retried").arg("count", t.syns_after_syn_ack))
        } else {
            base("watch.accepted", Confidence::High).because(answered)
        };
        return done(f, decision, moved);
    }

    // No answer, or a reset: did a local rule take it?
    let blocking = decision
        .as_ref()
        .filter(|d| matches!(d.verdict, Verdict::Drop | Verdict::Reject))
        .and_then(|d| {
            d.rule
                .clone()
                .map(|r| (r, d.verdict, d.reject_with.clone()))
        });
    let by_rule = match blocking {
        Some((r, v, with)) => {
            let delta = moved
                .iter()
                .find(|m| m.rule.chain == r.chain && m.rule.position == r.position)
                .map(|m| m.delta);
            // A drop sends nothing back: RSTs that left without a counter to back the
            // rule mean the evaluator is wrong about this packet.
            if v == Verdict::Drop && t.resets > 0 && delta.is_none() {
                None
            } else {
                Some((r, v == Verdict::Reject, with, delta, Confidence::High))
            }
        }
        // The evaluator lets it in, but a drop counted packets while the client tried:
        // something it does not model (a set, a mark) matched.
        None => moved.first().map(|m| {
            (
                m.rule.clone(),
                false,
                None,
                Some(m.delta),
                Confidence::Medium,
            )
        }),
    };
    if let Some((r, reject, with, delta, conf)) = by_rule {
        let manager = after.manager_of_rule(&r);
        let id = if manager.is_some() {
            "watch.panel-firewall"
        } else {
            "watch.dropped-local"
        };
        let mut f = base(id, conf)
            .arg("chain", r.chain_label())
            .arg("source", r.source.id());
        if let Some(m) = manager {
            f = f.arg("panel", m);
        }
        let verdict = if reject { "reject" } else { "drop" };
        f = if r.is_policy() {
            f.because(
                Msg::new("watch-ev-policy")
                    .arg("source", r.source.id())
                    .arg("chain", r.chain_label()),
            )
        } else {
            f.because(
                Msg::new("watch-ev-rule")
                    .arg("source", r.source.id())
                    .arg("chain", r.chain_label())
                    .arg("position", r.position)
                    .arg("text", r.text.clone())
                    .arg("verdict", verdict),
            )
        };
        f = match delta {
            Some(d) => f.because(Msg::new("watch-ev-counter").arg("count", d)),
            None => f.because(Msg::new("watch-ev-no-counter")),
        };
        if let Some(w) = with {
            f = f.because(Msg::new("watch-ev-reject-with").arg("with", w));
        }
        if let Some(m) = manager {
            f = f.because(Msg::new("watch-ev-manager").arg("panel", m));
            if !ev.panels.is_empty() {
                f = f.because(Msg::new("watch-ev-panel").arg("panels", list(&ev.panels)));
            }
        }
        return done(f, decision, moved);
    }

    // Past the firewall: a listener, and room in its queue?
    let dst = SocketAddr::new(t.dst.unwrap_or_else(|| unspecified(t)), port);
    let covering: Vec<&ListenerSample> = ev
        .listeners
        .iter()
        .filter(|l| l.listener.covers(dst))
        .collect();
    if covering.is_empty() {
        let mut f = base("watch.no-listener", Confidence::High).because(
            Msg::new("watch-ev-no-listener")
                .arg("addr", dst.to_string())
                .arg(
                    "bound",
                    if ev.listeners.is_empty() {
                        "-".to_string()
                    } else {
                        list(ev.listeners.iter().map(|l| l.addr))
                    },
                ),
        );
        if t.resets > 0 {
            f = f.because(Msg::new("watch-ev-resets").arg("count", t.resets));
        }
        return done(f, decision, moved);
    }
    let overflows = ev.listen_overflows.map_or(0, |(a, b)| b.saturating_sub(a));
    let full = covering
        .iter()
        .find(|l| l.backlog.is_some_and(|b| l.max_queue > b));
    if overflows > 0 || full.is_some() {
        let l = full.copied().unwrap_or(covering[0]);
        let mut f = base("watch.queue-full", Confidence::High)
            .arg("addr", l.addr.to_string())
            .because(
                Msg::new("watch-ev-queue")
                    .arg("addr", l.addr.to_string())
                    .arg("queue", l.max_queue)
                    .arg("backlog", l.backlog.map_or(0, u64::from)),
            );
        if overflows > 0 {
            f = f.because(Msg::new("watch-ev-overflows").arg("count", overflows));
        }
        if let Some(p) = l.listener.process() {
            f = f.arg("program", format!("{} (pid {})", p.comm, p.pid));
        }
        return done(f, decision, moved);
    }
    let mut f = base("watch.not-answered", Confidence::Medium);
    if let Some(iface) = t.syn_ifaces.first()
        && let Some(v) = ev
            .rp_filter
            .iter()
            .find(|(i, _)| i == iface)
            .map(|(_, v)| *v)
        && v == 1
    {
        f = f.because(Msg::new("watch-ev-rp-filter").arg("iface", iface.clone()));
    }
    if !ev.firewall.readable {
        f = f.because(Msg::new("watch-ev-firewall-unread"));
    }
    done(f, decision, moved)
}

fn unspecified(t: &ClientTrace) -> IpAddr {
    match t.addr {
        Some(IpAddr::V6(_)) => IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED),
        _ => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
    }
}

#[cfg(test)]
mod tests;
