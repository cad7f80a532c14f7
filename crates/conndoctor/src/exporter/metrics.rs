//! Prometheus text exposition (format 0.0.4): the metrics of one probe, in
//! blackbox_exporter's names, plus the diagnosis as bounded label sets; and the
//! exporter's own counters for `/metrics`.
//!
//! Label values come only from fixed sets: symptom and cause ids (static strings of
//! the rules, causes.md), confidences, module names (validated config keys), refusal
//! reasons and results. Never an address, a host name or free text.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use super::config::Prober;
use crate::evidence::{Outcome, Reply, TlsResult};
use crate::finding::{Confidence, Finding};
use crate::report::Report;

pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Writes one metric family: HELP, TYPE, then each sample.
struct Family<'a> {
    out: &'a mut String,
}

impl<'a> Family<'a> {
    fn new(out: &'a mut String, name: &str, kind: &str, help: &str) -> Family<'a> {
        let _ = writeln!(out, "# HELP {name} {help}");
        let _ = writeln!(out, "# TYPE {name} {kind}");
        Family { out }
    }

    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: f64) -> &mut Self {
        self.out.push_str(name);
        if !labels.is_empty() {
            self.out.push('{');
            for (i, (k, v)) in labels.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                let _ = write!(self.out, "{k}=\"{}\"", escape(v));
            }
            self.out.push('}');
        }
        let _ = writeln!(self.out, " {}", number(value));
        self
    }
}

/// Label value escaping of the text format (the fixed sets never need it; kept so a
/// future id cannot break the exposition).
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn number(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        }
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Low => "low",
        Confidence::Medium => "medium",
        Confidence::High => "high",
    }
}

/// A cause id is a static string of the rules: `family.name`, lower-case ASCII.
/// Anything else (impossible today) is left out rather than exported.
fn is_id(s: &str) -> bool {
    let part = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    s.len() <= 64 && s.split_once('.').is_some_and(|(a, b)| part(a) && part(b))
}

/// What one probe measured, beside the report.
pub struct ProbeTimes {
    /// The deadline the probe ran under (module timeout, or the scrape timeout minus
    /// the offset).
    pub timeout: Duration,
    /// From the request's arrival to the end of the check.
    pub duration: Duration,
    /// conndoctor's verdict and the module's blackbox checks (`blackbox::verdict`).
    pub success: bool,
}

/// The address family the probe used: the connect that succeeded, else the first
/// one tried, else the first resolved address.
fn ip_protocol(r: &Report) -> f64 {
    let ev = &r.evidence;
    let ip: Option<IpAddr> = ev
        .attempts
        .iter()
        .find(|a| a.outcome == Outcome::Connected)
        .or(ev.attempts.first())
        .map(|a| a.addr.ip())
        .or(ev.resolution.addresses.first().copied());
    match ip.map(|i| i.to_canonical()) {
        Some(IpAddr::V4(_)) => 4.0,
        Some(IpAddr::V6(_)) => 6.0,
        None => 0.0,
    }
}

/// The HTTP status of the main exchange (0 when none came back).
fn http_status(r: &Report) -> f64 {
    r.evidence
        .protocol
        .as_ref()
        .and_then(|p| p.main())
        .and_then(|e| match &e.reply {
            Reply::Http(h) => Some(f64::from(h.status)),
            _ => None,
        })
        .unwrap_or(0.0)
}

/// blackbox_exporter's TLS metrics, when the main exchange completed a handshake:
/// the earliest expiry of the presented certificates, the same for a chain that
/// verified (presented certificates only: trust anchors carry no expiry here), and
/// the version as a label of a fixed set.
fn tls_metrics(out: &mut String, r: &Report) {
    let Some(TlsResult::Established {
        version,
        cert,
        facts,
        ..
    }) = r
        .evidence
        .protocol
        .as_ref()
        .and_then(|p| p.main())
        .and_then(|e| e.tls.as_ref())
    else {
        return;
    };
    if let Some(f) = facts {
        Family::new(
            out,
            "probe_ssl_earliest_cert_expiry",
            "gauge",
            "Returns earliest SSL cert expiry in unixtime",
        )
        .sample(
            "probe_ssl_earliest_cert_expiry",
            &[],
            f.earliest_expiry as f64,
        );
        if cert.is_none() {
            Family::new(
                out,
                "probe_ssl_last_chain_expiry_timestamp_seconds",
                "gauge",
                "Returns last SSL chain expiry in timestamp",
            )
            .sample(
                "probe_ssl_last_chain_expiry_timestamp_seconds",
                &[],
                f.earliest_expiry as f64,
            );
        }
    }
    if matches!(version.as_str(), "TLS 1.2" | "TLS 1.3") {
        Family::new(
            out,
            "probe_tls_version_info",
            "gauge",
            "Returns the TLS version used or NaN when unknown",
        )
        .sample(
            "probe_tls_version_info",
            &[("version", version.as_str())],
            1.0,
        );
    }
}

/// The metrics of one probe. `report` is `None` when the check did not finish within
/// its deadline (plus a grace): only the failure and the timings are known then.
pub fn probe(report: Option<&Report>, prober: Prober, t: &ProbeTimes) -> String {
    let mut out = String::with_capacity(2048);
    let success = t.success;
    let dns = report.map_or(0.0, |r| r.evidence.resolution.elapsed_ms / 1000.0);

    Family::new(
        &mut out,
        "probe_dns_lookup_time_seconds",
        "gauge",
        "Returns the time taken for probe dns lookup in seconds",
    )
    .sample("probe_dns_lookup_time_seconds", &[], dns);
    Family::new(
        &mut out,
        "probe_ip_protocol",
        "gauge",
        "Specifies whether probe ip protocol is IP4 or IP6",
    )
    .sample("probe_ip_protocol", &[], report.map_or(0.0, ip_protocol));
    if prober.is_http() {
        Family::new(
            &mut out,
            "probe_http_status_code",
            "gauge",
            "Response HTTP status code",
        )
        .sample(
            "probe_http_status_code",
            &[],
            report.map_or(0.0, http_status),
        );
    }
    Family::new(
        &mut out,
        "probe_success",
        "gauge",
        "Displays whether or not the probe was a success",
    )
    .sample("probe_success", &[], if success { 1.0 } else { 0.0 });
    Family::new(
        &mut out,
        "probe_duration_seconds",
        "gauge",
        "Returns how long the probe took to complete in seconds",
    )
    .sample("probe_duration_seconds", &[], t.duration.as_secs_f64());
    Family::new(
        &mut out,
        "conndoctor_probe_timeout_seconds",
        "gauge",
        "The deadline the probe ran under: the module timeout, or the scrape timeout minus the offset when smaller",
    )
    .sample("conndoctor_probe_timeout_seconds", &[], t.timeout.as_secs_f64());

    let Some(r) = report else {
        return out;
    };
    tls_metrics(&mut out, r);
    Family::new(
        &mut out,
        "conndoctor_symptom",
        "gauge",
        "What the client saw (conndoctor symptom id: ok, refused, timeout, unreachable, addr-not-avail, dns, reset, mismatch, tls, local)",
    )
    .sample("conndoctor_symptom", &[("symptom", r.diagnosis.symptom.id())], 1.0);
    let findings = |out: &mut String, name: &str, label: &str, help: &str, list: &[Finding]| {
        let list: Vec<&Finding> = list.iter().filter(|f| is_id(f.id)).collect();
        if list.is_empty() {
            return;
        }
        let mut fam = Family::new(out, name, "gauge", help);
        for f in list {
            fam.sample(
                name,
                &[(label, f.id), ("confidence", confidence(f.confidence))],
                1.0,
            );
        }
    };
    findings(
        &mut out,
        "conndoctor_cause",
        "cause",
        "Why the probe failed: conndoctor cause ids (causes.md), one series per cause found, with its confidence",
        &r.diagnosis.causes,
    );
    findings(
        &mut out,
        "conndoctor_warning",
        "warning",
        "Problems found that did not stop this connection (conndoctor cause ids)",
        &r.diagnosis.warnings,
    );
    out
}

/// Why a request to the exporter was refused: the `reason` label's fixed set.
pub const REFUSAL_REASONS: &[&str] = &[
    "not-allowed",
    "denied-address",
    "too-many-probes",
    "uri-too-long",
    "bad-request",
    "unknown-module",
    "method-not-allowed",
    "not-found",
];

/// The exporter's own counters.
#[derive(Default)]
pub struct Counters {
    /// (module, "success" | "failure") -> probes finished.
    probes: Mutex<BTreeMap<(String, &'static str), u64>>,
    refused: Mutex<BTreeMap<&'static str, u64>>,
    pub in_flight: AtomicUsize,
    reload_ok: AtomicU64,
    reload_failed: AtomicU64,
    /// 1 when the last reload (or the start) loaded the configuration.
    pub last_reload_ok: AtomicU64,
    /// Unix seconds of the last successful load.
    pub last_reload_time: AtomicU64,
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Counters {
    pub fn new(modules: &[&str]) -> Counters {
        let c = Counters::default();
        c.declare_modules(modules);
        if let Ok(mut r) = c.refused.lock() {
            for reason in REFUSAL_REASONS {
                r.insert(reason, 0);
            }
        }
        c.last_reload_ok.store(1, Ordering::Relaxed);
        c.last_reload_time.store(now_unix(), Ordering::Relaxed);
        c
    }

    /// Makes the series of these modules exist (at 0) before their first probe.
    pub fn declare_modules(&self, modules: &[&str]) {
        if let Ok(mut p) = self.probes.lock() {
            for m in modules {
                for result in ["success", "failure"] {
                    p.entry(((*m).to_string(), result)).or_insert(0);
                }
            }
        }
    }

    pub fn probe_done(&self, module: &str, success: bool) {
        let result = if success { "success" } else { "failure" };
        if let Ok(mut p) = self.probes.lock() {
            *p.entry((module.to_string(), result)).or_insert(0) += 1;
        }
    }

    pub fn refused(&self, reason: &'static str) {
        debug_assert!(REFUSAL_REASONS.contains(&reason));
        if let Ok(mut r) = self.refused.lock() {
            *r.entry(reason).or_insert(0) += 1;
        }
    }

    pub fn reloaded(&self, ok: bool) {
        if ok {
            self.reload_ok.fetch_add(1, Ordering::Relaxed);
            self.last_reload_ok.store(1, Ordering::Relaxed);
            self.last_reload_time.store(now_unix(), Ordering::Relaxed);
        } else {
            self.reload_failed.fetch_add(1, Ordering::Relaxed);
            self.last_reload_ok.store(0, Ordering::Relaxed);
        }
    }

    /// The `/metrics` page.
    pub fn render(&self, max_probes: usize) -> String {
        let mut out = String::with_capacity(2048);
        {
            let mut f = Family::new(
                &mut out,
                "conndoctor_exporter_probes_total",
                "counter",
                "Probes run, by module and result (success: symptom ok)",
            );
            if let Ok(p) = self.probes.lock() {
                for ((module, result), n) in p.iter() {
                    f.sample(
                        "conndoctor_exporter_probes_total",
                        &[("module", module), ("result", result)],
                        *n as f64,
                    );
                }
            }
        }
        {
            let mut f = Family::new(
                &mut out,
                "conndoctor_exporter_requests_refused_total",
                "counter",
                "Requests refused without probing, by reason (403 not allowed or denied address, 429 too many probes, 414, 400, 404, 405)",
            );
            if let Ok(r) = self.refused.lock() {
                for (reason, n) in r.iter() {
                    f.sample(
                        "conndoctor_exporter_requests_refused_total",
                        &[("reason", reason)],
                        *n as f64,
                    );
                }
            }
        }
        Family::new(
            &mut out,
            "conndoctor_exporter_probes_in_flight",
            "gauge",
            "Probes running now",
        )
        .sample(
            "conndoctor_exporter_probes_in_flight",
            &[],
            self.in_flight.load(Ordering::Relaxed) as f64,
        );
        Family::new(
            &mut out,
            "conndoctor_exporter_max_concurrent_probes",
            "gauge",
            "Probes allowed at once (limits.max_concurrent_probes); more are answered 429",
        )
        .sample(
            "conndoctor_exporter_max_concurrent_probes",
            &[],
            max_probes as f64,
        );
        Family::new(
            &mut out,
            "conndoctor_exporter_config_reloads_total",
            "counter",
            "Configuration reloads on SIGHUP, by result",
        )
        .sample(
            "conndoctor_exporter_config_reloads_total",
            &[("result", "success")],
            self.reload_ok.load(Ordering::Relaxed) as f64,
        )
        .sample(
            "conndoctor_exporter_config_reloads_total",
            &[("result", "failure")],
            self.reload_failed.load(Ordering::Relaxed) as f64,
        );
        Family::new(
            &mut out,
            "conndoctor_exporter_config_last_reload_successful",
            "gauge",
            "Whether the last configuration reload attempt was successful",
        )
        .sample(
            "conndoctor_exporter_config_last_reload_successful",
            &[],
            self.last_reload_ok.load(Ordering::Relaxed) as f64,
        );
        Family::new(
            &mut out,
            "conndoctor_exporter_config_last_reload_success_timestamp_seconds",
            "gauge",
            "Timestamp of the last successful configuration load",
        )
        .sample(
            "conndoctor_exporter_config_last_reload_success_timestamp_seconds",
            &[],
            self.last_reload_time.load(Ordering::Relaxed) as f64,
        );
        Family::new(
            &mut out,
            "conndoctor_exporter_build_info",
            "gauge",
            "A metric with a constant '1' value labeled by the conndoctor version",
        )
        .sample(
            "conndoctor_exporter_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))],
            1.0,
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ids() {
        assert_eq!(number(1.0), "1");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(f64::NAN), "NaN");
        assert!(is_id("timeout.accept-queue-full"));
        assert!(!is_id("timeout"));
        assert!(!is_id("10.0.0.1"));
        assert!(!is_id("a.b\"c"));
        assert!(!is_id("a.b.c"));
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    #[test]
    fn own_counters() {
        let c = Counters::new(&["tcp"]);
        c.probe_done("tcp", true);
        c.refused("too-many-probes");
        let page = c.render(4);
        assert!(
            page.contains(
                "conndoctor_exporter_probes_total{module=\"tcp\",result=\"success\"} 1\n"
            )
        );
        assert!(
            page.contains(
                "conndoctor_exporter_probes_total{module=\"tcp\",result=\"failure\"} 0\n"
            )
        );
        assert!(page.contains(
            "conndoctor_exporter_requests_refused_total{reason=\"too-many-probes\"} 1\n"
        ));
        assert!(page.contains("conndoctor_exporter_max_concurrent_probes 4\n"));
    }
}
