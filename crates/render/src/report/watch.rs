//! Renders a [`WatchReport`] (`conndoctor audit --watch`): one row per client with
//! what its SYNs met, then the verdict of each, as text or JSON (schema 1).

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::audit::watch::{ClientVerdict, WatchReport};
use crate::i18n::Localizer;

use super::human::{BAD, BOLD, DIM, Mark, OK, columns, finding, isolate, rtl_lines};

fn mark(v: &ClientVerdict) -> Mark {
    if v.finding.id == "watch.accepted" {
        Mark::Ok
    } else {
        Mark::Bad
    }
}

/// The facts of one client in one line: SYNs in, SYN-ACKs and RSTs out.
fn trace_line(l: &Localizer, v: &ClientVerdict) -> String {
    let t = &v.trace;
    if t.syns == 0 {
        return l.text("watch-row-none");
    }
    let ports = crate::rules::watch::ports_text(&t.source_ports);
    l.with(
        "watch-row",
        &[
            ("syns", t.syns.into()),
            ("iface", t.syn_ifaces.join(", ").into()),
            (
                "ports",
                if ports.is_empty() {
                    "-".to_string()
                } else {
                    ports
                }
                .into(),
            ),
            ("synacks", t.syn_acks.into()),
            ("resets", t.resets.into()),
        ],
    )
}

pub fn render(rep: &WatchReport, l: &Localizer) -> String {
    let ev = &rep.evidence;
    let mut out = String::new();
    let secs = (ev.duration_ms / 100.0).round() / 10.0;
    let _ = writeln!(
        out,
        "{BOLD}conndoctor audit --watch{BOLD:#} · {}",
        l.with(
            "watch-title",
            &[("port", ev.port.into()), ("secs", secs.into())]
        )
    );
    let rows: Vec<(Mark, String, String)> = rep
        .verdicts
        .iter()
        .map(|v| {
            let who = v
                .trace
                .addr
                .map_or_else(|| l.text("watch-no-client"), |a| a.to_string());
            (mark(v), who, trace_line(l, v))
        })
        .collect();
    let width = rows.iter().map(|r| columns(&r.1)).max().unwrap_or(0);
    for (m, who, text) in &rows {
        let pad = width.saturating_sub(columns(who));
        let _ = writeln!(
            out,
            "  {} {}{}  {text}",
            m.paint(),
            isolate(l, who),
            " ".repeat(pad)
        );
    }
    for v in &rep.verdicts {
        let who = v
            .trace
            .addr
            .map_or_else(|| "-".to_string(), |a| a.to_string());
        let name = v.finding.id.strip_prefix("watch.").unwrap_or(v.finding.id);
        let text = l.fmt(&format!("watch-verdict-{name}"), &v.finding.args);
        let (style, m) = if mark(v) == Mark::Ok {
            (OK, Mark::Ok)
        } else {
            (BAD, Mark::Bad)
        };
        let _ = writeln!(
            out,
            "\n{} {style}{}: {text}{style:#} {DIM}({}){DIM:#}",
            m.paint(),
            isolate(l, &who),
            v.finding.id
        );
        finding(&mut out, l, 1, &v.finding);
    }
    for n in &ev.notes {
        let _ = writeln!(out, "\n{DIM}{n}{DIM:#}");
    }
    rtl_lines(l, out)
}

fn verdict_json(v: &ClientVerdict, l: Option<&Localizer>) -> Value {
    json!({
        "client": v.trace.addr,
        "trace": v.trace,
        "verdict": v.finding.id,
        "cause": super::json::finding_value(&v.finding, l),
        "decision": v.decision,
        "counters_moved": v.moved,
    })
}

/// `{"schema":1,"kind":"audit-watch", "verdict": id of the first client, "causes":
/// [one finding per client], "clients": [...], "evidence": {...}}`.
pub fn to_value(rep: &WatchReport, l: Option<&Localizer>) -> Value {
    json!({
        "schema": super::json::SCHEMA,
        "kind": "audit-watch",
        "ok": rep.is_ok(),
        "port": rep.evidence.port,
        "from": rep.evidence.from,
        "verdict": rep.verdicts.first().map(|v| v.finding.id),
        "causes": rep.verdicts.iter().map(|v| super::json::finding_value(&v.finding, l)).collect::<Vec<_>>(),
        "clients": rep.verdicts.iter().map(|v| verdict_json(v, l)).collect::<Vec<_>>(),
        "evidence": rep.evidence,
        "lang": l.map(Localizer::lang),
    })
}

/// The line `check` prints after a timeout: the watch to run on the server, and the
/// source ports of the timed-out attempts as the correlation id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WatchHint {
    pub command: String,
    pub port: u16,
    /// This machine's address as the socket used it; behind NAT the server sees
    /// another one (the watch then lists it among the other addresses).
    pub from: std::net::IpAddr,
    pub source_ports: Vec<u16>,
}

pub fn hint(r: &crate::Report) -> Option<WatchHint> {
    use crate::evidence::Outcome;
    use crate::finding::Symptom;
    if r.diagnosis.symptom != Symptom::Timeout {
        return None;
    }
    let timed_out: Vec<_> = r
        .evidence
        .attempts
        .iter()
        .filter(|a| a.outcome == Outcome::TimedOut)
        .filter_map(|a| Some((a.addr, a.local?)))
        .collect();
    let (dst, local) = *timed_out.first()?;
    let source_ports = timed_out
        .iter()
        .filter(|(d, _)| *d == dst)
        .map(|(_, l)| l.port())
        .collect();
    let from = local.ip();
    let shown = if from.is_ipv6() {
        format!("[{from}]")
    } else {
        from.to_string()
    };
    Some(WatchHint {
        command: format!("conndoctor audit --watch {} --from {shown}", dst.port()),
        port: dst.port(),
        from,
        source_ports,
    })
}

/// The hint as two text lines.
pub fn hint_text(h: &WatchHint, l: &Localizer) -> String {
    let ports = h
        .source_ports
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}\n  {}\n",
        l.with(
            "check-watch-hint",
            &[("cmd", isolate(l, &h.command).into())]
        ),
        l.with("check-watch-ports", &[("ports", ports.into())])
    )
}
