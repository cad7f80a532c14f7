//! The JSON report: stable field names, `"schema": 1`, ids for everything, and an
//! optional localised `message` beside each id.

use serde_json::{Value, json};

use super::Report;
use crate::finding::{Finding, Msg};
use crate::i18n::Localizer;

pub const SCHEMA: u32 = 1;

fn msg(m: &Msg, l: Option<&Localizer>) -> Value {
    let mut v = json!({ "id": m.id, "args": m.args });
    if let Some(l) = l {
        v["message"] = l.fmt(m.id, &m.args).into();
    }
    v
}

fn finding(f: &Finding, l: Option<&Localizer>) -> Value {
    let mut v = json!({
        "id": f.id,
        "confidence": f.confidence,
        "args": f.args,
        "evidence": f.evidence.iter().map(|m| msg(m, l)).collect::<Vec<_>>(),
        "fix": { "id": f.fix_id() },
    });
    if let Some(l) = l {
        v["message"] = l.fmt(&f.title_id(), &f.args).into();
        v["fix"]["message"] = l.fmt(&f.fix_id(), &f.args).into();
    }
    v
}

/// Builds the report object. `l` adds localised `message` fields.
pub fn to_value(r: &Report, l: Option<&Localizer>) -> Value {
    let ev = &r.evidence;
    let d = &r.diagnosis;
    json!({
        "schema": SCHEMA,
        "target": ev.target,
        "symptom": d.symptom,
        "ok": d.exit_code() == 0,
        "causes": d.causes.iter().map(|f| finding(f, l)).collect::<Vec<_>>(),
        "warnings": d.warnings.iter().map(|f| finding(f, l)).collect::<Vec<_>>(),
        "resolution": ev.resolution,
        "attempts": ev.attempts,
        "side_probes": ev.side_probes,
        "protocol": ev.protocol,
        "local": ev.local,
        "timings": {
            "budget_ms": ev.budget_ms,
            "resolve_ms": ev.resolution.elapsed_ms,
            "total_ms": r.total_ms,
        },
        "lang": l.map(Localizer::lang),
    })
}
