//! The terminal report: a short checklist (one line per check with ✓/✗/!), then the
//! verdict, the causes by confidence with their evidence and fix.
//!
//! Colour is decided by the caller's stream (anstream strips it when piped or when
//! NO_COLOR is set); this module only marks up.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::Report;
use crate::evidence::{ConnectAttempt, Outcome, ResolveError, TlsResult};
use crate::finding::{Arg, Confidence, Finding, Symptom};
use crate::i18n::Localizer;

pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const BAD: Style = AnsiColor::Red.on_default().bold();
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

/// The checklist marks, shared by every terminal report.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ok,
    Bad,
    Warn,
    Info,
}

impl Mark {
    pub fn paint(self) -> String {
        let (s, c) = match self {
            Mark::Ok => (OK, "✓"),
            Mark::Bad => (BAD, "✗"),
            Mark::Warn => (WARN, "!"),
            Mark::Info => (DIM, "·"),
        };
        format!("{s}{c}{s:#}")
    }
}

/// Terminal columns `s` takes: CJK and full-width characters count two, combining marks
/// (Thai vowels and tones, Arabic harakat) and format characters none. Labels are padded
/// by this, not by `chars().count()`, so the checklist stays aligned in every language.
pub fn columns(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE in a right-to-left
/// language, as Fluent does for placeables: an address, id or command the report inserts
/// itself then keeps its own left-to-right order inside Arabic text.
pub fn isolate(l: &Localizer, s: &str) -> String {
    if l.is_rtl() {
        format!("\u{2068}{s}\u{2069}")
    } else {
        s.to_string()
    }
}

/// The arrow that leads to a fix, pointing in the reading direction.
pub fn arrow(l: &Localizer) -> &'static str {
    if l.is_rtl() { "←" } else { "→" }
}

/// In a right-to-left language, starts every line with RIGHT-TO-LEFT MARK so that
/// terminals that pick each line's direction from its first strong character lay all
/// lines out right to left, also those that begin with a Latin label (TLS) or an id.
pub fn rtl_lines(l: &Localizer, text: String) -> String {
    if !l.is_rtl() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if line != "\n" {
            out.push('\u{200f}');
        }
        out.push_str(line);
    }
    out
}

pub fn ms(v: f64) -> Arg {
    // One decimal below 10 ms, whole numbers above: enough to compare, easy to read.
    Arg::Num(if v < 10.0 {
        (v * 10.0).round() / 10.0
    } else {
        v.round()
    })
}

pub fn outcome_text(l: &Localizer, a: &ConnectAttempt) -> String {
    match (&a.outcome, &a.icmp) {
        (Outcome::Refused, Some(i)) => l.with(
            "outcome-refused-icmp",
            &[(
                "origin",
                i.origin.map(|o| o.to_string()).unwrap_or_default().into(),
            )],
        ),
        (Outcome::Other { message, .. }, _) => {
            l.with("outcome-other", &[("message", message.as_str().into())])
        }
        (o, _) => l.text(&format!("outcome-{}", o.id())),
    }
}

/// One line of the checklist: its mark, the id of its label (`check-connect`, …) and
/// its localised text.
pub type Row = (Mark, &'static str, String);

/// The checklist: what each check saw, in the order a connection goes. Shared with
/// the HTML report, which files each row under a step of the path.
pub fn checklist(r: &Report, l: &Localizer) -> Vec<Row> {
    let ev = &r.evidence;
    let d = &r.diagnosis;
    let mut rows: Vec<Row> = Vec::new();

    rows.push((
        Mark::Ok,
        "check-target",
        l.with(
            "target-line",
            &[
                ("input", ev.target.input.as_str().into()),
                ("port", Arg::from(ev.target.port)),
            ],
        ),
    ));

    let addrs = ev
        .resolution
        .addresses
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let resolve = match (&ev.resolution.error, ev.resolution.source) {
        (Some(e), _) => {
            let key = match e {
                ResolveError::NoName => "resolve-error-no-name",
                ResolveError::NoAddress => "resolve-error-no-address",
                ResolveError::ResolverFailure => "resolve-error-resolver-failure",
                ResolveError::Timeout => "resolve-error-timeout",
                ResolveError::Other(_) => "resolve-error-other",
            };
            let err = l.text(key);
            (
                Mark::Bad,
                l.with(
                    "resolve-failed",
                    &[
                        ("name", ev.target.host.to_string().into()),
                        ("error", err.into()),
                    ],
                ),
            )
        }
        (None, "literal") => (
            Mark::Ok,
            l.with("resolve-literal", &[("addrs", addrs.into())]),
        ),
        (None, _) => (
            Mark::Ok,
            l.with(
                "resolve-system",
                &[
                    ("name", ev.target.host.to_string().into()),
                    ("addrs", addrs.into()),
                    ("ms", ms(ev.resolution.elapsed_ms)),
                ],
            ),
        ),
    };
    rows.push((resolve.0, "check-resolve", resolve.1));

    if let Some(dns) = &ev.dns {
        for s in &dns.servers {
            let ctx_msgs = crate::rules::environment::nameserver_msg(s);
            let mark = if matches!(s.outcome, crate::evidence::DnsOutcome::Answer { .. }) {
                Mark::Ok
            } else {
                Mark::Warn
            };
            rows.push((mark, "check-dns", l.fmt(ctx_msgs.id, &ctx_msgs.args)));
        }
        if !dns.hosts_file.is_empty() {
            let addrs: Vec<String> = dns.hosts_file.iter().map(ToString::to_string).collect();
            rows.push((
                Mark::Info,
                "check-hosts",
                l.with("ev-hosts-entry", &[("addrs", addrs.join(", ").into())]),
            ));
        }
    }
    if let Some((var, value)) = &ev.proxy.applies {
        rows.push((
            Mark::Warn,
            "check-proxy",
            l.with(
                "ev-proxy-env",
                &[
                    ("var", var.as_str().into()),
                    ("value", value.as_str().into()),
                ],
            ),
        ));
    }
    if let Some(tun) = &ev.proxy.tun_route {
        rows.push((
            Mark::Warn,
            "check-proxy",
            l.with("ev-tun-route", &[("iface", tun.as_str().into())]),
        ));
    }

    for a in &ev.attempts {
        let mark = if a.outcome == Outcome::Connected {
            Mark::Ok
        } else {
            Mark::Bad
        };
        let mut line = l.with(
            "attempt-line",
            &[
                ("addr", a.addr.to_string().into()),
                ("outcome", outcome_text(l, a).into()),
                ("ms", ms(a.elapsed_ms)),
            ],
        );
        if a.outcome == Outcome::TimedOut {
            let n = a.syn_retransmits.unwrap_or(0);
            let _ = write!(
                line,
                " · {}",
                l.with("attempt-retransmits", &[("count", Arg::from(n))])
            );
        }
        rows.push((mark, "check-connect", line));
    }

    if let Some(side) = &ev.side_probes {
        let mut ips: Vec<std::net::IpAddr> = side.iter().map(|s| s.addr.ip()).collect();
        ips.dedup();
        for ip in ips {
            let of_ip: Vec<_> = side.iter().filter(|s| s.addr.ip() == ip).collect();
            let answered: Vec<String> = of_ip
                .iter()
                .filter(|s| s.outcome.host_answered())
                .map(|s| {
                    format!(
                        "{} {}",
                        isolate(l, &s.addr.port().to_string()),
                        l.text(&format!("outcome-{}", s.outcome.id()))
                    )
                })
                .collect();
            let (mark, text) = if answered.is_empty() {
                let ports: Vec<String> = of_ip.iter().map(|s| s.addr.port().to_string()).collect();
                (
                    Mark::Warn,
                    l.with(
                        "side-nothing",
                        &[
                            ("ip", ip.to_string().into()),
                            ("ports", ports.join(", ").into()),
                        ],
                    ),
                )
            } else {
                (
                    Mark::Info,
                    l.with(
                        "side-line",
                        &[
                            ("ip", ip.to_string().into()),
                            ("answers", answered.join(", ").into()),
                        ],
                    ),
                )
            };
            rows.push((mark, "check-side", text));
        }
    }

    if let Some(hops) = &ev.trace {
        // Show hops up to the last one that answered, plus one silent hop.
        let last = hops
            .iter()
            .rposition(|h| h.from.is_some())
            .map_or(0, |i| i + 1);
        let mut shown: Vec<String> = hops
            .iter()
            .take(last + 1)
            .map(|h| {
                format!(
                    "{} {}",
                    h.ttl,
                    h.from.map_or_else(|| "*".to_string(), |a| a.to_string())
                )
            })
            .collect();
        if hops.len() > last + 1 {
            shown.push("…".into());
        }
        rows.push((
            Mark::Info,
            "check-path",
            // Fluent leaves a message that is one placeable alone; the hops hold no
            // letter to take a direction from, so isolate them as left-to-right here.
            l.with(
                "path-line",
                &[("hops", isolate(l, &shown.join(" → ")).into())],
            ),
        ));
    }

    if let Some(p) = &ev.protocol {
        for e in &p.exchanges {
            let main = e.purpose == crate::evidence::Purpose::Main;
            if let Some(t) = &e.tls {
                let (mark, text) = match t {
                    TlsResult::Established {
                        version,
                        cert: None,
                        ..
                    } => (
                        Mark::Ok,
                        l.with("tls-established", &[("version", version.as_str().into())]),
                    ),
                    TlsResult::Established {
                        version,
                        cert: Some(_),
                        ..
                    } => (
                        Mark::Bad,
                        l.with(
                            "tls-established-bad-cert",
                            &[("version", version.as_str().into())],
                        ),
                    ),
                    TlsResult::Failed { error, problem } => {
                        // Explained in words when conndoctor knows what the failure means.
                        let why = match problem {
                            Some(p) => {
                                let m = crate::rules::protocol::handshake_msg(
                                    p,
                                    &ev.target.host.to_string(),
                                );
                                l.fmt(m.id, &m.args)
                            }
                            None => error.clone(),
                        };
                        (Mark::Bad, l.with("tls-failed", &[("error", why.into())]))
                    }
                };
                rows.push((if main { mark } else { Mark::Info }, "check-tls", text));
                if let TlsResult::Established {
                    facts: Some(f),
                    cert,
                    ..
                } = t
                {
                    let names = if f.names.is_empty() {
                        l.text("cert-no-names")
                    } else {
                        f.names.join(", ")
                    };
                    let date =
                        crate::rules::protocol::unix_date(u64::try_from(f.not_after).unwrap_or(0));
                    let text = l.with(
                        "cert-facts",
                        &[
                            ("subject", f.subject.as_str().into()),
                            ("issuer", f.issuer.as_str().into()),
                            ("names", names.into()),
                            ("date", date.into()),
                            ("days", f.days_left.into()),
                            ("chain", u64::try_from(f.chain_len).unwrap_or(0).into()),
                        ],
                    );
                    let mark = match (main, cert) {
                        (false, _) => Mark::Info,
                        (true, None) => Mark::Ok,
                        (true, Some(_)) => Mark::Bad,
                    };
                    rows.push((mark, "check-cert", text));
                }
            }
            let m = crate::rules::protocol::reply_msg(e);
            let mark = match (main, d.symptom) {
                (false, _) => Mark::Info,
                // Only a protocol-level verdict makes the exchange itself the failure.
                (true, Symptom::Mismatch | Symptom::Reset | Symptom::Tls) => Mark::Bad,
                (true, _) => Mark::Ok,
            };
            let label = if main {
                "check-protocol"
            } else {
                "check-cross"
            };
            rows.push((mark, label, l.fmt(m.id, &m.args)));
        }
    }

    if let Some(first) = ev.attempts.first() {
        let local = first.addr.ip().is_loopback()
            || ev
                .local
                .interfaces
                .iter()
                .any(|i| i.addr == first.addr.ip());
        let port = Arg::from(ev.target.port);
        let text = if !local {
            l.with(
                "listeners-remote",
                &[("ip", first.addr.ip().to_string().into())],
            )
        } else if ev.local.listeners.is_empty() {
            l.with("listeners-none", &[("port", port)])
        } else {
            let bound: Vec<String> = ev
                .local
                .listeners
                .iter()
                .map(|x| x.addr.to_string())
                .collect();
            l.with(
                "listeners-some",
                &[("port", port), ("addrs", bound.join(", ").into())],
            )
        };
        rows.push((Mark::Info, "check-listeners", text));
    }

    if let (Some(u), Some(first)) = (&ev.local.ports, ev.attempts.first()) {
        let busy = u64::from(u.in_use()) * 5 > u64::from(u.range_size()) * 4;
        rows.push((
            if busy || d.symptom == Symptom::AddrNotAvail {
                Mark::Bad
            } else {
                Mark::Ok
            },
            "check-ports",
            l.with(
                "ports-line",
                &[
                    ("used", Arg::from(u.in_use())),
                    ("size", Arg::from(u.range_size())),
                    ("dst", first.addr.to_string().into()),
                ],
            ),
        ));
    }

    rows
}

/// Renders the whole report as (possibly styled) text.
pub fn render(r: &Report, l: &Localizer) -> String {
    let ev = &r.evidence;
    let d = &r.diagnosis;
    let rows: Vec<(Mark, String, String)> = checklist(r, l)
        .into_iter()
        .map(|(m, id, t)| (m, l.text(id), t))
        .collect();
    let width = rows.iter().map(|r| columns(&r.1)).max().unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{BOLD}conndoctor{BOLD:#} · {}",
        isolate(l, &ev.target.input)
    );
    for (mark, label, text) in &rows {
        let pad = width.saturating_sub(columns(label));
        let _ = writeln!(out, "  {} {label}{}  {text}", mark.paint(), " ".repeat(pad));
    }
    out.push('\n');

    let verdict = l.text(&format!("verdict-{}", d.symptom.id()));
    if d.symptom == Symptom::Ok {
        let _ = writeln!(out, "{} {OK}{verdict}{OK:#}", Mark::Ok.paint());
    } else {
        let _ = writeln!(
            out,
            "{} {BAD}{verdict}{BAD:#} {DIM}({}){DIM:#}",
            Mark::Bad.paint(),
            isolate(l, d.symptom.id())
        );
    }

    if !d.causes.is_empty() {
        let _ = writeln!(out, "\n{BOLD}{}{BOLD:#}", l.text("label-causes"));
        for (i, f) in d.causes.iter().enumerate() {
            finding(&mut out, l, i + 1, f);
        }
    }
    if !d.warnings.is_empty() {
        let _ = writeln!(out, "\n{WARN}{}{WARN:#}", l.text("label-warnings"));
        for (i, f) in d.warnings.iter().enumerate() {
            finding(&mut out, l, i + 1, f);
        }
    }
    if let Some(h) = super::watch::hint(r) {
        let _ = write!(out, "\n{} {}", arrow(l), super::watch::hint_text(&h, l));
    }
    let _ = writeln!(
        out,
        "\n{DIM}{}{DIM:#}",
        l.with("summary-time", &[("ms", ms(r.total_ms))])
    );
    rtl_lines(l, out)
}

/// One numbered cause or warning: title, id and confidence, evidence, fix.
pub fn finding(out: &mut String, l: &Localizer, n: usize, f: &Finding) {
    let conf = match f.confidence {
        Confidence::High => "confidence-high",
        Confidence::Medium => "confidence-medium",
        Confidence::Low => "confidence-low",
    };
    let _ = writeln!(
        out,
        "\n  {n}. {BOLD}{}{BOLD:#}",
        l.fmt(&f.title_id(), &f.args)
    );
    let _ = writeln!(
        out,
        "     {DIM}{} · {}{DIM:#}",
        isolate(l, f.id),
        l.text(conf)
    );
    for e in &f.evidence {
        let _ = writeln!(out, "     • {}", l.fmt(e.id, &e.args));
    }
    let _ = writeln!(
        out,
        "     {OK}{}{OK:#} {}: {}",
        arrow(l),
        l.text("label-fix"),
        l.fmt(&f.fix_id(), &f.args)
    );
}
