//! Renders an [`Explanation`] for people (styled text) and machines (JSON, schema 1).
//! Every sentence comes from the locale files: `explain.ftl` for explain's own texts,
//! the shared `cause-*`/`fix-*` messages for causes, so `check` and `explain` say the
//! same thing about the same cause.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde_json::{Value, json};

use super::{Explanation, Family, catalogue};
use crate::finding::{Arg, Args, Confidence, Finding, Msg, Symptom};
use crate::i18n::Localizer;
use crate::report::human::columns;
use crate::report::json::SCHEMA;

const OK: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const WARN: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

fn symptom_id(s: Option<Symptom>) -> &'static str {
    s.map_or("none", Symptom::id)
}

fn family_line(l: &Localizer, f: &Family) -> String {
    l.with(
        "explain-family",
        &[
            ("source", f.source.as_str().into()),
            ("id", f.id.as_str().into()),
        ],
    )
}

/// The "what the message says" fields, localised, in a fixed order.
fn says(l: &Localizer, e: &Explanation) -> Vec<String> {
    let x = &e.extracted;
    let mut out = Vec::new();
    let mut field = |id: &str, v: String| out.push(l.with(id, &[("value", v.into())]));
    if let Some(u) = &x.url {
        field("explain-field-url", u.clone());
    }
    if let Some(h) = &x.host {
        field("explain-field-host", h.clone());
    }
    if let Some(p) = x.port {
        field("explain-field-port", p.to_string());
    }
    if let Some(s) = x.status {
        field("explain-field-status", s.to_string());
    }
    if let Some(n) = &x.errno {
        field("explain-field-errno", n.clone());
    }
    out
}

/// The arguments with "?" (not said by the message) replaced by the localised word
/// for "unknown", so sentences read naturally; the JSON `args` keep the raw "?".
fn localised(args: &Args, l: &Localizer) -> Args {
    let unknown = l.text("explain-value-unknown");
    args.iter()
        .map(|(k, v)| match v {
            Arg::Str(s) if s == super::UNKNOWN => (*k, Arg::Str(unknown.clone())),
            _ => (*k, v.clone()),
        })
        .collect()
}

/// Formats a shared cause/fix message. `check` keeps adding variables to those texts
/// for what its probes see; a variable explain has no value for yet would show as
/// Fluent's raw `{$name}`, so it becomes the word for "unknown" instead.
fn shared_text(l: &Localizer, id: &str, args: &Args) -> String {
    let text = l.fmt(id, args);
    if !text.contains("{$") {
        return text;
    }
    let unknown = l.text("explain-value-unknown");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("{$") {
        out.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => {
                out.push_str(&unknown);
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn confidence_id(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "confidence-high",
        Confidence::Medium => "confidence-medium",
        Confidence::Low => "confidence-low",
    }
}

fn finding(out: &mut String, l: &Localizer, n: usize, f: &Finding) {
    let args = localised(&f.args, l);
    let _ = writeln!(
        out,
        "\n  {n}. {BOLD}{}{BOLD:#}",
        shared_text(l, &f.title_id(), &args)
    );
    let _ = writeln!(
        out,
        "     {DIM}{} · {}{DIM:#}",
        f.id,
        l.text(confidence_id(f.confidence))
    );
    for e in &f.evidence {
        let _ = writeln!(out, "     • {}", l.fmt(e.id, &e.args));
    }
    let _ = writeln!(
        out,
        "     {OK}→{OK:#} {}: {}",
        l.text("label-fix"),
        shared_text(l, &f.fix_id(), &args)
    );
}

/// The text report.
pub fn human(e: &Explanation, l: &Localizer) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{BOLD}{}{BOLD:#}", l.text("explain-title"));

    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mark = match e.symptom {
        Some(Symptom::Ok) => format!("{OK}✓{OK:#}"),
        Some(_) => format!("{BAD}✗{BAD:#}"),
        None => format!("{WARN}?{WARN:#}"),
    };
    let symptom_text = l.text(&format!("explain-symptom-{}", symptom_id(e.symptom)));
    let symptom_text = match e.symptom {
        Some(s) => format!("{symptom_text} {DIM}({}){DIM:#}", s.id()),
        None => symptom_text,
    };
    rows.push((mark, l.text("explain-label-symptom"), symptom_text));
    let dot = format!("{DIM}·{DIM:#}");
    match e.family {
        Some(f) => rows.push((
            dot.clone(),
            l.text("explain-label-message"),
            family_line(l, f),
        )),
        None => rows.push((
            dot.clone(),
            l.text("explain-label-message"),
            l.with(
                "explain-unknown",
                &[("count", Arg::from(catalogue().families.len() as u64))],
            ),
        )),
    }
    // A few are enough to show what else the text contained.
    for f in e.also.iter().take(3) {
        rows.push((dot.clone(), l.text("explain-label-also"), family_line(l, f)));
    }
    let fields = says(l, e);
    rows.push((
        dot.clone(),
        l.text("explain-label-says"),
        if fields.is_empty() {
            l.text("explain-says-nothing")
        } else {
            fields.join(" · ")
        },
    ));
    if let Some(x) = &e.extracted.excerpt {
        rows.push((
            dot,
            l.text("explain-label-line"),
            format!("{DIM}{x}{DIM:#}"),
        ));
    }

    let width = rows.iter().map(|r| columns(&r.1)).max().unwrap_or(0);
    for (mark, label, text) in &rows {
        let pad = width.saturating_sub(columns(label));
        let _ = writeln!(out, "  {mark} {label}{}  {text}", " ".repeat(pad));
    }

    if !e.recognised() {
        let _ = writeln!(out, "\n{}", l.text("explain-unknown-hint"));
    }
    if !e.causes.is_empty() {
        let _ = writeln!(out, "\n{BOLD}{}{BOLD:#}", l.text("explain-label-causes"));
        for (i, f) in e.causes.iter().enumerate() {
            finding(&mut out, l, i + 1, f);
        }
    }
    if !e.notes.is_empty() {
        let _ = writeln!(out, "\n{WARN}{}{WARN:#}", l.text("explain-label-notes"));
        for n in &e.notes {
            let _ = writeln!(out, "  • {}", l.fmt(n.id, &n.args));
        }
    }
    let _ = writeln!(out, "\n{BOLD}{}{BOLD:#}", l.text("explain-label-next"));
    let lead = if e.next.complete {
        "explain-next-run"
    } else {
        "explain-next-incomplete"
    };
    let _ = writeln!(out, "  {}", l.text(lead));
    let _ = writeln!(out, "    {BOLD}{}{BOLD:#}", e.next.command);
    if e.next.complete {
        let _ = writeln!(out, "  {DIM}{}{DIM:#}", l.text("explain-next-check-flag"));
    }
    if e.truncated {
        let _ = writeln!(
            out,
            "\n{WARN}!{WARN:#} {}",
            l.with(
                "explain-input-truncated",
                &[("max", Arg::from(super::MAX_INPUT as u64))]
            )
        );
    }
    out
}

fn msg(m: &Msg, l: Option<&Localizer>) -> Value {
    let mut v = json!({ "id": m.id, "args": m.args });
    if let Some(l) = l {
        v["message"] = l.fmt(m.id, &m.args).into();
    }
    v
}

fn finding_json(f: &Finding, l: Option<&Localizer>) -> Value {
    let mut v = json!({
        "id": f.id,
        "confidence": f.confidence,
        "args": f.args,
        "evidence": f.evidence.iter().map(|m| msg(m, l)).collect::<Vec<_>>(),
        "fix": { "id": f.fix_id() },
    });
    if let Some(l) = l {
        let args = localised(&f.args, l);
        v["message"] = shared_text(l, &f.title_id(), &args).into();
        v["fix"]["message"] = shared_text(l, &f.fix_id(), &args).into();
    }
    v
}

fn family_json(f: &Family) -> Value {
    json!({ "id": f.id, "source": f.source, "seen": f.seen })
}

/// The JSON object (schema 1). `l` adds localised `message` fields beside the ids.
pub fn json(e: &Explanation, l: Option<&Localizer>) -> Value {
    let mut v = json!({
        "schema": SCHEMA,
        "command": "explain",
        "recognised": e.recognised(),
        "family": e.family.map(family_json),
        "also_matched": e.also.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        "symptom": e.symptom,
        "ok": e.is_ok(),
        "extracted": e.extracted,
        "causes": e.causes.iter().map(|f| finding_json(f, l)).collect::<Vec<_>>(),
        "notes": e.notes.iter().map(|m| msg(m, l)).collect::<Vec<_>>(),
        "next": e.next,
        "truncated": e.truncated,
        "lang": l.map(Localizer::lang),
    });
    if let Some(l) = l {
        v["symptom_message"] = l
            .text(&format!("explain-symptom-{}", symptom_id(e.symptom)))
            .into();
    }
    v
}
