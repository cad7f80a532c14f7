//! The HTML report: one self-contained page per run (`check --html FILE`, one section
//! per target in a batch). Each section draws the path a connection takes — client,
//! DNS, proxy/CDN, network, server firewall, listener, protocol — with the step that
//! fails marked, and the causes with their evidence and fix under it.
//!
//! Fed by the same [`Report`] as the terminal and JSON renderers; every sentence comes
//! from the locale files. The page carries its CSS and SVG inline, has no script and
//! no external URL, and its Content-Security-Policy forbids loading anything else, so
//! opening it makes no network request. Every string that a server or the user
//! controls is HTML-escaped.

use std::fmt::Write as _;

use super::Report;
use super::human::{self, Mark};
use crate::finding::{Arg, Confidence, Finding, Symptom};
use crate::i18n::Localizer;

/// The steps of the path, in the order a connection meets them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Step {
    Client,
    Dns,
    Proxy,
    Network,
    Firewall,
    Listener,
    Protocol,
}

pub const STEPS: [Step; 7] = [
    Step::Client,
    Step::Dns,
    Step::Proxy,
    Step::Network,
    Step::Firewall,
    Step::Listener,
    Step::Protocol,
];

impl Step {
    /// Stable id: the `data-step` attribute and the locale key `html-step-<id>`.
    pub fn id(self) -> &'static str {
        match self {
            Step::Client => "client",
            Step::Dns => "dns",
            Step::Proxy => "proxy",
            Step::Network => "network",
            Step::Firewall => "firewall",
            Step::Listener => "listener",
            Step::Protocol => "protocol",
        }
    }

    fn name(self, l: &Localizer) -> String {
        l.text(&format!("html-step-{}", self.id()))
    }
}

/// What the page says about a step.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum State {
    Ok,
    Fail,
    Warn,
    /// After the failing step: the connection never got there.
    Skip,
    /// Not part of this check (the protocol of a bare `host:port`).
    Off,
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Fail => "fail",
            State::Warn => "warn",
            State::Skip => "skip",
            State::Off => "off",
        }
    }
}

/// The step a cause belongs to.
pub fn step_of_cause(id: &str) -> Step {
    match id {
        "unreachable.no-route" => Step::Client,
        "timeout.filtered"
        | "timeout.security-group"
        | "timeout.panel-firewall"
        | "refused.firewall-reject" => Step::Firewall,
        "timeout.host-down"
        | "timeout.private-unroutable"
        | "unreachable.host"
        | "refused.wrong-host" => Step::Network,
        "timeout.accept-queue-full" | "timeout.server-fd-limit" => Step::Listener,
        _ => match id.split('.').next().unwrap_or_default() {
            "local" | "addr-not-avail" => Step::Client,
            "dns" => Step::Dns,
            "proxy" => Step::Proxy,
            "refused" => Step::Listener,
            "mismatch" | "tls" | "reset" => Step::Protocol,
            _ => Step::Network,
        },
    }
}

/// The step a failure without a named cause is shown at.
fn step_of_symptom(s: Symptom) -> Step {
    match s {
        Symptom::Local | Symptom::AddrNotAvail => Step::Client,
        Symptom::Dns => Step::Dns,
        Symptom::Refused => Step::Listener,
        Symptom::Timeout | Symptom::Unreachable | Symptom::Ok => Step::Network,
        Symptom::Reset | Symptom::Mismatch | Symptom::Tls => Step::Protocol,
    }
}

/// The step a checklist row (by its label id) is shown under.
fn step_of_row(label: &str) -> Step {
    match label {
        "check-target" | "check-ports" => Step::Client,
        "check-resolve" | "check-dns" | "check-hosts" => Step::Dns,
        "check-proxy" | "check-cdn" => Step::Proxy,
        "check-side" => Step::Firewall,
        "check-listeners" => Step::Listener,
        "check-tls" | "check-cert" | "check-protocol" | "check-cross" => Step::Protocol,
        _ => Step::Network,
    }
}

/// The step that fails, if the connection does not work.
pub fn failing_step(r: &Report) -> Option<Step> {
    let d = &r.diagnosis;
    if d.symptom == Symptom::Ok {
        return None;
    }
    Some(
        d.causes
            .first()
            .map_or_else(|| step_of_symptom(d.symptom), |c| step_of_cause(c.id)),
    )
}

/// The state of every step of the path.
pub(crate) fn states(r: &Report, rows: &[human::Row]) -> Vec<(Step, State)> {
    let failing = failing_step(r);
    let warned = |s: Step| {
        r.diagnosis
            .warnings
            .iter()
            .any(|w| step_of_cause(w.id) == s)
            || rows
                .iter()
                .any(|(m, id, _)| *m == Mark::Warn && step_of_row(id) == s)
    };
    STEPS
        .iter()
        .map(|&s| {
            let st = match failing {
                Some(f) if s == f => State::Fail,
                Some(f) if s > f => State::Skip,
                _ if warned(s) => State::Warn,
                _ if s == Step::Protocol && r.evidence.protocol.is_none() => State::Off,
                _ => State::Ok,
            };
            (s, st)
        })
        .collect()
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS: &str = r#"
:root { --ok: #1a7f37; --fail: #cf222e; --warn: #9a6700; --skip: #8c959f; --ink: #1f2328; --soft: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; color: var(--ink); background: #ffffff;
  font: 15px/1.5 "Noto Sans", "Noto Sans Arabic", "Noto Sans Thai", "WenQuanYi Zen Hei", system-ui, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
.meta, .id, .time { color: var(--soft); font-size: 13px; }
.report { border: 1px solid #d1d9e0; border-radius: 8px; padding: 16px 20px; margin: 20px 0; }
.report.fail { border-inline-start: 6px solid var(--fail); }
.report.ok { border-inline-start: 6px solid var(--ok); }
.verdict { font-weight: 600; margin: 0 0 12px; }
.verdict.fail { color: var(--fail); } .verdict.ok { color: var(--ok); }
ol.path { list-style: none; display: flex; flex-wrap: wrap; align-items: stretch; gap: 0; padding: 0; margin: 8px 0 16px; }
ol.path li.step { flex: 1 1 0; min-width: 104px; display: flex; flex-direction: column; align-items: center;
  text-align: center; padding: 10px 6px; border: 2px solid #d1d9e0; border-radius: 10px; background: #f6f8fa; }
ol.path li.link { flex: 0 0 22px; display: flex; align-items: center; justify-content: center; }
ol.path li.link svg { width: 22px; height: 22px; }
[dir="rtl"] ol.path li.link svg { transform: scaleX(-1); }
li.step svg.icon { width: 34px; height: 34px; }
li.step .name { font-weight: 600; font-size: 14px; margin-top: 4px; }
li.step .state { font-size: 12px; color: var(--soft); }
li.step.ok { border-color: var(--ok); }
li.step.warn { border-color: var(--warn); background: #fff8c5; }
li.step.fail { border: 3px solid var(--fail); background: #ffebe9; }
li.step.fail .state { color: var(--fail); font-weight: 700; }
li.step.skip, li.step.off { border-style: dashed; color: var(--skip); background: #ffffff; }
.failing { border: 2px solid var(--fail); background: #fff5f5; border-radius: 8px; padding: 8px 16px 12px; }
.failing h3 { color: var(--fail); margin-top: 6px; }
.finding { margin: 10px 0; }
.finding .title { font-weight: 600; }
.finding ul { margin: 4px 0; padding-inline-start: 22px; }
.fix { background: #dafbe1; border-radius: 6px; padding: 6px 10px; margin-top: 6px; }
.fix b { color: var(--ok); }
.warnings { border: 2px solid var(--warn); background: #fffbea; border-radius: 8px; padding: 8px 16px 12px; margin-top: 12px; }
table.seen { border-collapse: collapse; width: 100%; font-size: 14px; }
table.seen th, table.seen td { text-align: start; vertical-align: top; padding: 4px 8px; border-top: 1px solid #d1d9e0; }
table.seen th { white-space: nowrap; font-weight: 600; }
td.mark { width: 1.5em; font-weight: 700; } td.mark.Bad { color: var(--fail); } td.mark.Ok { color: var(--ok); } td.mark.Warn { color: var(--warn); }
code, bdi.target { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; }
nav ul { padding-inline-start: 22px; }
nav a { color: #0969da; }
"#;

/// The state icon, drawn in SVG.
fn icon(s: State) -> &'static str {
    match s {
        State::Ok => {
            r##"<svg class="icon" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="14" fill="#1a7f37"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>"##
        }
        State::Fail => {
            r##"<svg class="icon" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="14" fill="#cf222e"/><path d="M10.5 10.5l11 11M21.5 10.5l-11 11" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/></svg>"##
        }
        State::Warn => {
            r##"<svg class="icon" viewBox="0 0 32 32" aria-hidden="true"><path d="M16 3L30 28H2z" fill="#9a6700"/><path d="M16 12v7" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="23.5" r="1.8" fill="#fff"/></svg>"##
        }
        State::Skip | State::Off => {
            r##"<svg class="icon" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="13" fill="none" stroke="#8c959f" stroke-width="2.5" stroke-dasharray="4 3"/><path d="M11 16h10" stroke="#8c959f" stroke-width="2.5" stroke-linecap="round"/></svg>"##
        }
    }
}

const LINK: &str = r##"<li class="link" aria-hidden="true"><svg viewBox="0 0 22 22"><path d="M2 11h15M12 5.5l6 5.5-6 5.5" fill="none" stroke="#59636e" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg></li>"##;

fn finding(out: &mut String, l: &Localizer, f: &Finding, step: Option<Step>) {
    let conf = match f.confidence {
        Confidence::High => "confidence-high",
        Confidence::Medium => "confidence-medium",
        Confidence::Low => "confidence-low",
    };
    let _ = write!(
        out,
        r#"<div class="finding" data-cause="{}"><div class="title">{}</div><div class="id"><code>{}</code> · {}"#,
        esc(f.id),
        esc(&l.fmt(&f.title_id(), &f.args)),
        esc(f.id),
        esc(&l.text(conf)),
    );
    if let Some(s) = step {
        let _ = write!(
            out,
            " · {}",
            esc(&l.with("html-cause-step", &[("step", s.name(l).into())]))
        );
    }
    out.push_str("</div>");
    if !f.evidence.is_empty() {
        out.push_str("<ul>");
        for e in &f.evidence {
            let _ = write!(out, "<li>{}</li>", esc(&l.fmt(e.id, &e.args)));
        }
        out.push_str("</ul>");
    }
    let _ = write!(
        out,
        r#"<div class="fix"><b>{}:</b> {}</div></div>"#,
        esc(&l.text("label-fix")),
        esc(&l.fmt(&f.fix_id(), &f.args)),
    );
}

/// The rows this page shows besides the shared checklist: CDN matches (the terminal
/// report tells them in the causes only).
fn extra_rows(r: &Report, l: &Localizer) -> Vec<human::Row> {
    r.evidence
        .cdn
        .iter()
        .map(|c| {
            let text = l.with(
                "ev-cdn-range",
                &[
                    ("addr", c.addr.to_string().into()),
                    ("cdn", c.provider.as_str().into()),
                    ("range", c.range.as_str().into()),
                    ("date", c.list_date.as_str().into()),
                ],
            );
            (Mark::Info, "check-cdn", text)
        })
        .collect()
}

/// One target's section: heading, verdict, the path, the failing step's causes, the
/// warnings, and what was seen at each step.
fn section(out: &mut String, r: &Report, l: &Localizer, n: usize) {
    let d = &r.diagnosis;
    let ok = d.symptom == Symptom::Ok;
    let mut rows = human::checklist(r, l);
    rows.extend(extra_rows(r, l));
    let states = states(r, &rows);
    let class = if ok { "ok" } else { "fail" };
    let _ = write!(
        out,
        r#"<section class="report {class}" id="t{n}" data-symptom="{}" aria-labelledby="t{n}-h"><h2 id="t{n}-h">{} <bdi class="target">{}</bdi></h2>"#,
        esc(d.symptom.id()),
        if ok { "✓" } else { "✗" },
        esc(&r.evidence.target.input),
    );
    let verdict = l.text(&format!("verdict-{}", d.symptom.id()));
    if ok {
        let _ = write!(out, r#"<p class="verdict ok">{}</p>"#, esc(&verdict));
    } else {
        let _ = write!(
            out,
            r#"<p class="verdict fail">{} <span class="id">(<code>{}</code>)</span></p>"#,
            esc(&verdict),
            esc(d.symptom.id())
        );
    }

    let _ = write!(
        out,
        r#"<ol class="path" aria-label="{}">"#,
        esc(&l.text("html-path"))
    );
    for (i, (step, st)) in states.iter().enumerate() {
        if i > 0 {
            out.push_str(LINK);
        }
        let current = if *st == State::Fail {
            r#" aria-current="step""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<li class="step {s}" data-step="{id}" data-state="{s}"{current}>{icon}<span class="name">{name}</span><span class="state">{state}</span></li>"#,
            s = st.id(),
            id = step.id(),
            icon = icon(*st),
            name = esc(&step.name(l)),
            state = esc(&l.text(&format!("html-state-{}", st.id()))),
        );
    }
    out.push_str("</ol>");

    match failing_step(r) {
        Some(f) => {
            let _ = write!(
                out,
                r#"<div class="failing" data-step="{}"><h3>{}</h3>"#,
                f.id(),
                esc(&l.with("html-fails-at", &[("step", f.name(l).into())]))
            );
            for c in &d.causes {
                let s = step_of_cause(c.id);
                finding(out, l, c, (s != f).then_some(s));
            }
            out.push_str("</div>");
        }
        None => {
            let _ = write!(
                out,
                r#"<p class="works">{}</p>"#,
                esc(&l.text("html-works"))
            );
        }
    }
    if !d.warnings.is_empty() {
        let _ = write!(
            out,
            r#"<div class="warnings"><h3>{}</h3>"#,
            esc(&l.text("label-warnings"))
        );
        for w in &d.warnings {
            finding(out, l, w, Some(step_of_cause(w.id)));
        }
        out.push_str("</div>");
    }

    let _ = write!(
        out,
        r#"<h3>{}</h3><table class="seen"><tbody>"#,
        esc(&l.text("html-seen"))
    );
    for step in STEPS {
        let of_step: Vec<&human::Row> = rows.iter().filter(|r| step_of_row(r.1) == step).collect();
        let span = of_step.len().max(1);
        let _ = write!(
            out,
            r#"<tr data-step="{}"><th rowspan="{span}" scope="row">{}</th>"#,
            step.id(),
            esc(&step.name(l))
        );
        if of_step.is_empty() {
            let _ = write!(
                out,
                r#"<td class="mark"></td><td class="meta">{}</td></tr>"#,
                esc(&l.text("html-step-empty"))
            );
        }
        for (i, (mark, label, text)) in of_step.iter().enumerate() {
            if i > 0 {
                out.push_str("<tr>");
            }
            let (cls, sign) = match mark {
                Mark::Ok => ("Ok", "✓"),
                Mark::Bad => ("Bad", "✗"),
                Mark::Warn => ("Warn", "!"),
                Mark::Info => ("Info", "·"),
            };
            let _ = write!(
                out,
                r#"<td class="mark {cls}">{sign}</td><td><b>{}</b> {}</td></tr>"#,
                esc(&l.text(label)),
                esc(text)
            );
        }
    }
    out.push_str("</tbody></table>");
    let _ = write!(
        out,
        r#"<p class="time">{}</p></section>"#,
        esc(&l.with("summary-time", &[("ms", human::ms(r.total_ms))]))
    );
}

/// The whole page for one or more reports (a batch: a summary, links to each target,
/// then one section each, in the order given).
pub fn page(reports: &[Report], l: &Localizer) -> String {
    let mut out = String::with_capacity(16 * 1024 + reports.len() * 8 * 1024);
    let (lang, dir) = (l.lang(), if l.is_rtl() { "rtl" } else { "ltr" });
    let title = match reports {
        [one] => l.with(
            "html-title-target",
            &[("target", one.evidence.target.input.as_str().into())],
        ),
        _ => l.text("html-title"),
    };
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="conndoctor {version}">
<title>{title}</title><style>{CSS}</style></head><body>
<header><h1>{h1}</h1>"#,
        version = env!("CARGO_PKG_VERSION"),
        title = esc(&title),
        h1 = esc(&l.text("html-title")),
    );
    let failed = reports
        .iter()
        .filter(|r| r.diagnosis.symptom != Symptom::Ok)
        .count();
    if reports.len() > 1 {
        let count = |n: usize| Arg::from(u64::try_from(n).unwrap_or(u64::MAX));
        let _ = write!(
            out,
            r#"<p class="summary">{}</p><nav aria-label="{}"><ul>"#,
            esc(&l.with(
                "html-batch-summary",
                &[("total", count(reports.len())), ("failed", count(failed))]
            )),
            esc(&l.text("html-contents")),
        );
        for (i, r) in reports.iter().enumerate() {
            let _ = write!(
                out,
                "<li><a href=\"#t{}\">{} <bdi>{}</bdi></a> <span class=\"id\">{}</span></li>",
                i + 1,
                if r.diagnosis.symptom == Symptom::Ok {
                    "✓"
                } else {
                    "✗"
                },
                esc(&r.evidence.target.input),
                esc(r.diagnosis.symptom.id()),
            );
        }
        out.push_str("</ul></nav>");
    }
    out.push_str("</header><main>");
    for (i, r) in reports.iter().enumerate() {
        section(&mut out, r, l, i + 1);
    }
    let _ = writeln!(
        out,
        r#"</main><footer class="meta">{}</footer></body></html>"#,
        esc(&l.with(
            "html-generated",
            &[("version", env!("CARGO_PKG_VERSION").into())]
        ))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn every_cause_has_a_step_and_steps_follow_the_path() {
        assert_eq!(step_of_cause("dns.nxdomain"), Step::Dns);
        assert_eq!(step_of_cause("timeout.filtered"), Step::Firewall);
        assert_eq!(step_of_cause("refused.not-listening"), Step::Listener);
        assert_eq!(step_of_cause("mismatch.ws-to-http"), Step::Protocol);
        assert_eq!(step_of_cause("local.fd-exhausted"), Step::Client);
        assert_eq!(step_of_cause("proxy.cdn"), Step::Proxy);
        assert_eq!(step_of_cause("timeout.host-down"), Step::Network);
        assert!(Step::Client < Step::Dns && Step::Listener < Step::Protocol);
    }
}
