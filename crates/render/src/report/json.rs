//! The JSON report: stable field names, `"schema": 1`, ids for everything, and an
//! optional localised `message` beside each id.
//!
//! Serialised from borrowed structs rather than a `serde_json::Value` tree: a batch
//! writes tens of thousands of these, and building a map per object dominated its cost.

use std::net::IpAddr;

use serde::Serialize;
use serde_json::Value;

use super::Report;
use crate::evidence::{
    CdnMatch, ConnectAttempt, DnsEvidence, Hop, LocalFacts, ProtocolEvidence, ProxyEvidence,
    Resolution, SideProbe,
};
use crate::finding::{Args, Confidence, Finding, Msg, Symptom};
use crate::i18n::Localizer;
use crate::target::Target;

pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct JsonMsg<'a> {
    id: &'a str,
    args: &'a Args,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[derive(Serialize)]
struct JsonFix {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    id: &'a str,
    confidence: Confidence,
    args: &'a Args,
    evidence: Vec<JsonMsg<'a>>,
    fix: JsonFix,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[derive(Serialize)]
struct Timings {
    budget_ms: u64,
    resolve_ms: f64,
    total_ms: f64,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: u32,
    target: &'a Target,
    symptom: Symptom,
    ok: bool,
    causes: Vec<JsonFinding<'a>>,
    warnings: Vec<JsonFinding<'a>>,
    resolution: &'a Resolution,
    attempts: &'a [ConnectAttempt],
    side_probes: &'a Option<Vec<SideProbe>>,
    protocol: &'a Option<ProtocolEvidence>,
    local: &'a LocalFacts,
    // The client-environment evidence: each nameserver's answer and the hosts file,
    // proxy variables (credentials removed) and tunnel routes, CDN range matches, and
    // the TTL-limited SYN hop list.
    dns: &'a Option<DnsEvidence>,
    proxy: &'a ProxyEvidence,
    cdn: &'a [CdnMatch],
    trace: &'a Option<Vec<Hop>>,
    expect_ip: &'a [IpAddr],
    /// After a timeout: the `audit --watch` to run on the server, with the source
    /// ports as correlation id.
    #[serde(skip_serializing_if = "Option::is_none")]
    watch_hint: Option<super::watch::WatchHint>,
    timings: Timings,
    lang: Option<&'static str>,
}

fn msg<'a>(m: &'a Msg, l: Option<&Localizer>) -> JsonMsg<'a> {
    JsonMsg {
        id: m.id,
        args: &m.args,
        message: l.map(|l| l.fmt(m.id, &m.args)),
    }
}

fn finding<'a>(f: &'a Finding, l: Option<&Localizer>) -> JsonFinding<'a> {
    JsonFinding {
        id: f.id,
        confidence: f.confidence,
        args: &f.args,
        evidence: f.evidence.iter().map(|m| msg(m, l)).collect(),
        fix: JsonFix {
            id: f.fix_id(),
            message: l.map(|l| l.fmt(&f.fix_id(), &f.args)),
        },
        message: l.map(|l| l.fmt(&f.title_id(), &f.args)),
    }
}

fn report<'a>(r: &'a Report, l: Option<&Localizer>) -> JsonReport<'a> {
    let ev = &r.evidence;
    let d = &r.diagnosis;
    JsonReport {
        schema: SCHEMA,
        target: &ev.target,
        symptom: d.symptom,
        ok: d.is_ok(),
        causes: d.causes.iter().map(|f| finding(f, l)).collect(),
        warnings: d.warnings.iter().map(|f| finding(f, l)).collect(),
        resolution: &ev.resolution,
        attempts: &ev.attempts,
        side_probes: &ev.side_probes,
        protocol: &ev.protocol,
        local: &ev.local,
        dns: &ev.dns,
        proxy: &ev.proxy,
        cdn: &ev.cdn,
        trace: &ev.trace,
        expect_ip: &ev.expect_ip,
        watch_hint: super::watch::hint(r),
        timings: Timings {
            budget_ms: ev.budget_ms,
            resolve_ms: ev.resolution.elapsed_ms,
            total_ms: r.total_ms,
        },
        lang: l.map(Localizer::lang),
    }
}

/// One finding as JSON (ids, args, evidence, fix; localised `message`s with `l`), for
/// the other reports that share the shape.
pub fn finding_value(f: &Finding, l: Option<&Localizer>) -> Value {
    serde_json::to_value(finding(f, l)).unwrap_or(Value::Null)
}

/// Builds the report object. `l` adds localised `message` fields.
pub fn to_value(r: &Report, l: Option<&Localizer>) -> Value {
    serde_json::to_value(report(r, l)).unwrap_or(Value::Null)
}

/// Writes the report as one line of JSON.
pub fn write_line<W: std::io::Write>(
    w: &mut W,
    r: &Report,
    l: Option<&Localizer>,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *w, &report(r, l))?;
    w.write_all(b"\n")
}
