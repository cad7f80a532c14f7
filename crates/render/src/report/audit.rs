//! Renders an [`AuditReport`]: the terminal checklist (same marks and layout as the
//! `check` report) and the JSON object (schema 1, ids plus localised messages).

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::audit::firewall::{RuleRef, Verdict};
use crate::audit::{AuditEvidence, AuditListener, AuditReport, ReadState};
use crate::evidence::Outcome;
use crate::finding::{Arg, Diagnosis, Symptom};
use crate::i18n::Localizer;
use crate::rules::audit as rules;

use super::human::{BAD, BOLD, DIM, Mark, OK, WARN, columns, finding, ms};

struct Rows<'a> {
    l: &'a Localizer,
    rows: Vec<(Mark, String, String)>,
}

impl Rows<'_> {
    fn push(&mut self, mark: Mark, label: &str, text: String) {
        self.rows.push((mark, self.l.text(label), text));
    }
}

/// The program holding a listener, as one phrase.
fn program(l: &Localizer, x: &AuditListener, root: bool) -> String {
    match x.process() {
        Some(p) => {
            let user = p
                .user
                .clone()
                .or_else(|| x.user.clone())
                .unwrap_or_else(|| x.uid.to_string());
            let mut cmd: String = p.cmdline.chars().take(80).collect();
            if p.cmdline.chars().count() > 80 {
                cmd.push('…');
            }
            let workers = u32::try_from(x.processes.len()).unwrap_or(u32::MAX);
            l.fmt(
                "audit-process",
                &[
                    ("comm", Arg::from(p.comm.as_str())),
                    ("pid", Arg::from(p.pid)),
                    ("user", Arg::from(user)),
                    ("cmd", Arg::from(cmd)),
                    ("count", Arg::from(workers)),
                ]
                .into_iter()
                .collect(),
            )
        }
        None => l.with(
            if root {
                "audit-process-unknown"
            } else {
                "audit-process-hidden"
            },
            &[(
                "user",
                x.user.clone().unwrap_or_else(|| x.uid.to_string()).into(),
            )],
        ),
    }
}

fn listener_addr(l: &Localizer, x: &AuditListener) -> String {
    let a = x.addr.to_string();
    match (x.addr.ip().is_unspecified() && x.addr.is_ipv6(), x.v6only) {
        (true, Some(true)) => l.with("audit-addr-v6only", &[("addr", a.into())]),
        (true, Some(false)) => l.with("audit-addr-dual", &[("addr", a.into())]),
        _ => a,
    }
}

fn rule_text(l: &Localizer, r: &RuleRef) -> String {
    if r.is_policy() {
        l.with(
            "audit-fw-policy-ref",
            &[
                ("source", r.source.id().into()),
                ("chain", r.chain_label().into()),
                ("text", r.text.as_str().into()),
            ],
        )
    } else {
        l.with(
            "audit-fw-rule-ref",
            &[
                ("source", r.source.id().into()),
                ("chain", r.chain_label().into()),
                ("position", Arg::from(r.position)),
                ("text", r.text.as_str().into()),
            ],
        )
    }
}

fn outcome_text(l: &Localizer, o: &Outcome) -> String {
    match o {
        Outcome::Other { message, .. } => {
            l.with("outcome-other", &[("message", message.as_str().into())])
        }
        o => l.text(&format!("outcome-{}", o.id())),
    }
}

fn firewall_rows(r: &mut Rows, ev: &AuditEvidence, port: Option<u16>) {
    let l = r.l;
    // One row for what was read; a row each for what could not be.
    let mut read = Vec::new();
    let mut empty = Vec::new();
    let mut denied: Vec<(String, String)> = Vec::new();
    for s in &ev.firewall.sources {
        let (mark, text) = match &s.state {
            ReadState::Read { chains, rules } => {
                if *chains == 0 {
                    empty.push(s.tool.clone());
                } else {
                    read.push(l.with(
                        "audit-fw-source-read",
                        &[
                            ("tool", s.tool.as_str().into()),
                            ("rules", Arg::from(u64::try_from(*rules).unwrap_or(0))),
                        ],
                    ));
                }
                continue;
            }
            // Not having iptables or nft is normal; only say so when nothing was read.
            ReadState::NotInstalled => {
                if ev.firewall.readable() {
                    continue;
                }
                (
                    Mark::Info,
                    l.with(
                        "audit-fw-source-missing",
                        &[("tool", s.tool.as_str().into())],
                    ),
                )
            }
            // Without root every tool says the same: one row for all of them.
            ReadState::Denied { detail } => {
                denied.push((s.tool.clone(), detail.clone()));
                continue;
            }
            ReadState::Failed { detail } => (
                Mark::Warn,
                l.with(
                    "audit-fw-source-failed",
                    &[
                        ("tool", s.tool.as_str().into()),
                        ("detail", detail.as_str().into()),
                    ],
                ),
            ),
        };
        r.push(mark, "audit-check-firewall", text);
    }
    if let Some((_, detail)) = denied.first() {
        let tools: Vec<&str> = denied.iter().map(|(t, _)| t.as_str()).collect();
        r.push(
            Mark::Warn,
            "audit-check-firewall",
            l.with(
                "audit-fw-source-denied",
                &[
                    ("tool", tools.join(", ").into()),
                    ("detail", detail.as_str().into()),
                ],
            ),
        );
    }
    if !read.is_empty() {
        r.push(Mark::Info, "audit-check-firewall", read.join(" · "));
    }
    // Empty sources only matter when no source has rules at all.
    if read.is_empty() && !empty.is_empty() {
        r.push(
            Mark::Info,
            "audit-check-firewall",
            l.with(
                "audit-fw-source-empty",
                &[("tools", empty.join(", ").into())],
            ),
        );
    }
    let Some(port) = port else { return };
    let decisions: Vec<_> = ev.firewall.for_port(port).collect();
    if ev.firewall.readable() && decisions.is_empty() {
        r.push(
            Mark::Info,
            "audit-check-firewall",
            l.text("audit-fw-no-outside-interface"),
        );
    }
    // One row per distinct outcome, naming the addresses it applies to.
    let mut groups: Vec<(Verdict, Option<&RuleRef>, Vec<String>)> = Vec::new();
    for d in &decisions {
        let key = (d.decision.verdict, d.decision.rule.as_ref());
        let who = format!("{} ({})", d.daddr, d.iface);
        match groups.iter_mut().find(|g| (g.0, g.1) == key) {
            Some(g) => g.2.push(who),
            None => groups.push((key.0, key.1, vec![who])),
        }
    }
    for (verdict, rule, addrs) in groups {
        let (mark, id) = match verdict {
            Verdict::Accept => (Mark::Ok, "audit-fw-accepted"),
            Verdict::Drop => (Mark::Bad, "audit-fw-dropped"),
            Verdict::Reject => (Mark::Bad, "audit-fw-rejected"),
            Verdict::Unknown => (Mark::Warn, "audit-fw-unknown"),
        };
        let by = match rule {
            Some(r) => rule_text(l, r),
            None => l.text("audit-fw-no-rules"),
        };
        r.push(
            mark,
            "audit-check-firewall",
            l.with(
                id,
                &[
                    ("port", Arg::from(port)),
                    ("addrs", addrs.join(", ").into()),
                    ("by", by.into()),
                ],
            ),
        );
    }
}

fn platform_rows(r: &mut Rows, ev: &AuditEvidence) {
    let l = r.l;
    for p in &ev.panels {
        r.push(
            Mark::Warn,
            "audit-check-panel",
            l.with(
                "audit-panel-line",
                &[
                    ("name", p.name.into()),
                    ("marker", p.marker.as_str().into()),
                ],
            ),
        );
    }
    if ev.managers.ufw_enabled == Some(true) {
        r.push(Mark::Info, "audit-check-panel", l.text("audit-ufw-enabled"));
    }
    if ev.managers.firewalld_running {
        r.push(
            Mark::Info,
            "audit-check-panel",
            l.text("audit-firewalld-running"),
        );
    }
    match &ev.cloud {
        Some(c) => r.push(
            Mark::Warn,
            "audit-check-cloud",
            l.with(
                "audit-cloud-line",
                &[
                    ("provider", c.provider.into()),
                    ("field", c.field.into()),
                    ("value", c.value.as_str().into()),
                ],
            ),
        ),
        None if ev.dmi.is_empty() => {
            r.push(
                Mark::Info,
                "audit-check-cloud",
                l.text("audit-cloud-no-dmi"),
            );
        }
        None => r.push(
            Mark::Info,
            "audit-check-cloud",
            l.with(
                "audit-cloud-none",
                &[(
                    "vendor",
                    format!("{} {}", ev.dmi.sys_vendor, ev.dmi.product_name)
                        .trim()
                        .to_string()
                        .into(),
                )],
            ),
        ),
    }
}

fn capacity_rows(r: &mut Rows, ev: &AuditEvidence, port: u16, d: &Diagnosis) {
    let l = r.l;
    let c = &ev.capacity;
    let queue_bad = d
        .causes
        .iter()
        .chain(&d.warnings)
        .any(|f| f.id == "timeout.accept-queue-full");
    for x in ev.listeners.iter().filter(|x| x.addr.port() == port) {
        let delta = c.listen_overflows.map(|(a, b)| b.saturating_sub(a));
        r.push(
            if queue_bad { Mark::Bad } else { Mark::Ok },
            "audit-check-capacity",
            l.with(
                "audit-queue-line",
                &[
                    ("addr", x.addr.to_string().into()),
                    ("queued", Arg::from(x.accept_queue)),
                    ("backlog", x.backlog.map_or(Arg::from("?"), Arg::from)),
                    ("overflows", delta.map_or(Arg::from("?"), Arg::from)),
                    ("ms", ms(c.sample_ms)),
                ],
            ),
        );
    }
    let mut seen = Vec::new();
    for p in ev
        .listeners
        .iter()
        .filter(|x| x.addr.port() == port)
        .flat_map(|x| x.processes.iter())
    {
        if seen.contains(&p.pid) {
            continue;
        }
        seen.push(p.pid);
        if let (Some(open), Some(limit)) = (p.open_fds, p.fd_limit) {
            let bad = d.causes.iter().any(|f| f.id == "timeout.server-fd-limit");
            let warn = d.warnings.iter().any(|f| f.id == "timeout.server-fd-limit");
            r.push(
                if bad {
                    Mark::Bad
                } else if warn {
                    Mark::Warn
                } else {
                    Mark::Ok
                },
                "audit-check-capacity",
                l.with(
                    "audit-fds-line",
                    &[
                        ("program", p.comm.as_str().into()),
                        ("pid", Arg::from(p.pid)),
                        ("open", Arg::from(open)),
                        (
                            "limit",
                            if limit == u64::MAX {
                                Arg::from("unlimited")
                            } else {
                                Arg::from(limit)
                            },
                        ),
                    ],
                ),
            );
        }
    }
    r.push(
        Mark::Info,
        "audit-check-limits",
        l.with(
            "audit-note-no-ephemeral",
            &[
                ("somaxconn", c.somaxconn.map_or(Arg::from("?"), Arg::from)),
                (
                    "mem",
                    c.mem_available_kib
                        .map_or(Arg::from("?"), |k| Arg::from(k / 1024)),
                ),
                (
                    "files",
                    c.file_nr.map_or(Arg::from("?"), |(used, max)| {
                        Arg::from(format!("{used}/{max}"))
                    }),
                ),
            ],
        ),
    );
}

fn finish_rows(out: &mut String, rows: &[(Mark, String, String)]) {
    let width = rows.iter().map(|r| columns(&r.1)).max().unwrap_or(0);
    for (mark, label, text) in rows {
        let pad = width.saturating_sub(columns(label));
        let _ = writeln!(out, "  {} {label}{}  {text}", mark.paint(), " ".repeat(pad));
    }
}

/// Renders the report as (possibly styled) text.
pub fn render(rep: &AuditReport, l: &Localizer) -> String {
    let ev = &rep.evidence;
    let mut out = String::new();
    let title = ev
        .request
        .input
        .clone()
        .unwrap_or_else(|| l.text("audit-all-listeners"));
    let _ = writeln!(out, "{BOLD}conndoctor audit{BOLD:#} · {title}");
    match ev.request.port {
        Some(port) => {
            let d = rep
                .diagnoses
                .first()
                .map(|(_, d)| d.clone())
                .unwrap_or(Diagnosis {
                    symptom: Symptom::Ok,
                    causes: Vec::new(),
                    warnings: Vec::new(),
                });
            render_port(&mut out, rep, port, &d, l);
        }
        None => render_inventory(&mut out, rep, l),
    }
    let _ = writeln!(
        out,
        "\n{DIM}{}{DIM:#}",
        l.with("audit-summary-time", &[("ms", ms(rep.total_ms))])
    );
    out
}

fn render_port(out: &mut String, rep: &AuditReport, port: u16, d: &Diagnosis, l: &Localizer) {
    let ev = &rep.evidence;
    let mut r = Rows {
        l,
        rows: Vec::new(),
    };
    // The configured address.
    if let Some(ip) = ev.request.listen_ip {
        let local =
            ip.is_unspecified() || ip.is_loopback() || ev.interfaces.iter().any(|i| i.addr == ip);
        r.push(
            if local { Mark::Ok } else { Mark::Bad },
            "audit-check-address",
            l.with(
                if local {
                    "audit-address-local"
                } else {
                    "audit-address-not-local"
                },
                &[("ip", ip.to_string().into())],
            ),
        );
    }
    let ifaces: Vec<String> = ev
        .interfaces
        .iter()
        .map(|i| format!("{} {}", i.name, i.addr))
        .collect();
    r.push(Mark::Info, "audit-check-interfaces", ifaces.join(", "));

    let on: Vec<&AuditListener> = ev
        .listeners
        .iter()
        .filter(|x| x.addr.port() == port)
        .collect();
    if on.is_empty() {
        r.push(
            Mark::Bad,
            "audit-check-listeners",
            l.with("audit-no-listener", &[("port", Arg::from(port))]),
        );
        for n in &ev.nearby {
            r.push(
                Mark::Info,
                "audit-check-listeners",
                l.with(
                    "audit-nearby-line",
                    &[
                        ("addr", n.addr.to_string().into()),
                        ("program", program(l, n, ev.root).into()),
                    ],
                ),
            );
        }
    }
    for x in &on {
        let mark = if x.addr.ip().is_loopback() {
            Mark::Warn
        } else {
            Mark::Ok
        };
        r.push(
            mark,
            "audit-check-listeners",
            format!("{} · {}", listener_addr(l, x), program(l, x, ev.root)),
        );
    }
    if !ev.root && ev.hidden_processes > 0 {
        r.push(
            Mark::Warn,
            "audit-check-listeners",
            l.with(
                "audit-hidden-processes",
                &[("count", Arg::from(ev.hidden_processes))],
            ),
        );
    }
    for p in &ev.self_probes {
        let mark = if p.outcome == Outcome::Connected {
            Mark::Ok
        } else if on.iter().any(|x| x.covers(p.addr)) {
            Mark::Bad
        } else {
            Mark::Info
        };
        r.push(
            mark,
            "audit-check-self-probe",
            l.with(
                "audit-self-probe-line",
                &[
                    ("addr", p.addr.to_string().into()),
                    ("outcome", outcome_text(l, &p.outcome).into()),
                    ("ms", ms(p.elapsed_ms)),
                ],
            ),
        );
    }
    if let Some(pe) = &ev.protocol {
        let mismatch = d
            .causes
            .iter()
            .any(|f| f.id.starts_with("mismatch.") || f.id.starts_with("reset."));
        let (kind, detail) = rules::speaks(pe);
        r.push(
            if mismatch { Mark::Bad } else { Mark::Ok },
            "audit-check-protocol",
            l.with(
                "audit-speaks",
                &[("kind", kind.into()), ("detail", detail.into())],
            )
            .trim_end()
            .to_string(),
        );
        for e in &pe.exchanges {
            let m = crate::rules::protocol::reply_msg(e);
            r.push(Mark::Info, "audit-check-protocol", l.fmt(m.id, &m.args));
        }
    }
    firewall_rows(&mut r, ev, Some(port));
    platform_rows(&mut r, ev);
    capacity_rows(&mut r, ev, port, d);

    finish_rows(out, &r.rows);
    out.push('\n');
    verdict(out, d, l);
    findings(out, d, l);
}

fn verdict(out: &mut String, d: &Diagnosis, l: &Localizer) {
    let text = l.text(&format!("audit-verdict-{}", d.symptom.id()));
    if d.symptom == Symptom::Ok {
        let _ = writeln!(out, "{} {OK}{text}{OK:#}", Mark::Ok.paint());
    } else {
        let _ = writeln!(
            out,
            "{} {BAD}{text}{BAD:#} {DIM}({}){DIM:#}",
            Mark::Bad.paint(),
            d.symptom.id()
        );
    }
}

fn findings(out: &mut String, d: &Diagnosis, l: &Localizer) {
    if !d.causes.is_empty() {
        let _ = writeln!(out, "\n{BOLD}{}{BOLD:#}", l.text("audit-label-causes"));
        for (i, f) in d.causes.iter().enumerate() {
            finding(out, l, i + 1, f);
        }
    }
    if !d.warnings.is_empty() {
        let _ = writeln!(out, "\n{WARN}{}{WARN:#}", l.text("label-warnings"));
        for (i, f) in d.warnings.iter().enumerate() {
            finding(out, l, i + 1, f);
        }
    }
}

fn render_inventory(out: &mut String, rep: &AuditReport, l: &Localizer) {
    let ev = &rep.evidence;
    let mut r = Rows {
        l,
        rows: Vec::new(),
    };
    if ev.listeners.is_empty() {
        r.push(
            Mark::Info,
            "audit-check-listeners",
            l.text("audit-no-listeners-at-all"),
        );
    }
    for (port, d) in &rep.diagnoses {
        for x in ev.listeners.iter().filter(|x| x.addr.port() == *port) {
            let (mark, status) = match d.causes.first() {
                None => (Mark::Ok, l.text("audit-inv-open")),
                Some(f) => (
                    if rules::is_capacity(f.id) {
                        Mark::Bad
                    } else {
                        Mark::Warn
                    },
                    format!("{} ({})", l.fmt(&f.title_id(), &f.args), f.id),
                ),
            };
            r.rows.push((
                mark,
                x.addr.to_string(),
                format!("{} · {status}", program(l, x, ev.root)),
            ));
        }
    }
    if !ev.root && ev.hidden_processes > 0 {
        r.push(
            Mark::Warn,
            "audit-check-listeners",
            l.with(
                "audit-hidden-processes",
                &[("count", Arg::from(ev.hidden_processes))],
            ),
        );
    }
    firewall_rows(&mut r, ev, None);
    platform_rows(&mut r, ev);
    finish_rows(out, &r.rows);
    out.push('\n');
    let problems: Vec<&(u16, Diagnosis)> = rep
        .diagnoses
        .iter()
        .filter(|(_, d)| d.causes.iter().any(|f| rules::is_inventory_problem(f.id)))
        .collect();
    let summary = Diagnosis {
        symptom: problems.first().map_or(Symptom::Ok, |(_, d)| d.symptom),
        causes: problems
            .iter()
            .flat_map(|(_, d)| {
                d.causes
                    .iter()
                    .filter(|f| rules::is_inventory_problem(f.id))
                    .cloned()
            })
            .collect(),
        warnings: Vec::new(),
    };
    let ports: Vec<String> = problems.iter().map(|(p, _)| p.to_string()).collect();
    let text = l.with(
        "audit-inv-summary",
        &[
            (
                "count",
                Arg::from(u64::try_from(rep.diagnoses.len()).unwrap_or(0)),
            ),
            (
                "problems",
                Arg::from(u64::try_from(problems.len()).unwrap_or(0)),
            ),
            ("ports", ports.join(", ").into()),
        ],
    );
    let mark = if problems.is_empty() {
        Mark::Ok
    } else {
        Mark::Bad
    };
    let _ = writeln!(out, "{} {text}", mark.paint());
    findings(out, &summary, l);
}

// ------------------------------------------------------------------ JSON

fn diagnosis_json(port: u16, d: &Diagnosis, l: Option<&Localizer>) -> Value {
    json!({
        "port": port,
        "symptom": d.symptom,
        "ok": d.is_ok(),
        "causes": d.causes.iter().map(|f| super::json::finding_value(f, l)).collect::<Vec<_>>(),
        "warnings": d.warnings.iter().map(|f| super::json::finding_value(f, l)).collect::<Vec<_>>(),
    })
}

/// The JSON report. For one port, `symptom`, `causes` and `warnings` sit at the top
/// level as in `check`; `ports` always lists every audited port.
pub fn to_value(rep: &AuditReport, l: Option<&Localizer>) -> Value {
    let ev = &rep.evidence;
    let ports: Vec<Value> = rep
        .diagnoses
        .iter()
        .map(|(p, d)| diagnosis_json(*p, d, l))
        .collect();
    let mut v = json!({
        "schema": super::json::SCHEMA,
        "kind": "audit",
        "request": ev.request,
        "ok": rep.is_ok(),
        "ports": ports,
        "evidence": ev,
        "timings": {
            "budget_ms": ev.budget_ms,
            "sample_ms": ev.capacity.sample_ms,
            "total_ms": rep.total_ms,
        },
        "lang": l.map(Localizer::lang),
    });
    if let Some(pe) = &ev.protocol {
        let (kind, detail) = rules::speaks(pe);
        v["speaks"] = json!({ "kind": kind, "detail": detail });
    }
    if let (Some(_), Some((_, d))) = (ev.request.port, rep.diagnoses.first()) {
        v["symptom"] = json!(d.symptom);
        v["causes"] = json!(
            d.causes
                .iter()
                .map(|f| super::json::finding_value(f, l))
                .collect::<Vec<_>>()
        );
        v["warnings"] = json!(
            d.warnings
                .iter()
                .map(|f| super::json::finding_value(f, l))
                .collect::<Vec<_>>()
        );
    }
    v
}
