//! What makes the exporter a blackbox_exporter drop-in beyond the `/probe` contract:
//! the module checks blackbox adds to "it connected" (`valid_status_codes`,
//! `fail_if_ssl`, `preferred_ip_protocol`, tcp `query_response`), the `process_*`
//! metrics of `/metrics`, and OpenMetrics output for scrapers that ask for it.
//! Kept apart from `metrics.rs` (the per-probe families) on purpose.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout_at};

use super::config::{IpPreference, Module, Prober, Step};
use crate::evidence::{Outcome, Reply, TlsResult};
use crate::finding::Symptom;
use crate::report::Report;

/// A line read during `query_response` longer than this fails the step (blackbox
/// reads lines with Go's bufio.Scanner, whose default cap is 64 KiB).
const MAX_LINE: usize = 64 * 1024;
/// `query_response` reads at most this much in total.
const MAX_READ: usize = 1024 * 1024;

pub const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Keeps the addresses of the preferred family, or (with fallback) every address when
/// the name has none of that family: blackbox's `chooseProtocol`.
pub fn prefer(addrs: &mut Vec<IpAddr>, p: IpPreference) {
    let wanted = |ip: &IpAddr| ip.to_canonical().is_ipv6() == p.v6;
    if addrs.iter().any(wanted) || !p.fallback {
        addrs.retain(wanted);
    }
}

/// The result of a module's checks on top of conndoctor's verdict.
pub struct Verdict {
    pub success: bool,
    /// Extra metric families in the text format.
    pub metrics: String,
}

fn gauge(out: &mut String, name: &str, help: &str, v: f64) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
}

/// Judges a finished check as blackbox would: the connection (and the protocol
/// exchange conndoctor ran) must be fine, and the module's checks must pass.
/// `regex_failed` is the outcome of `query_response` (`None`: not run).
pub fn verdict(
    report: Option<&Report>,
    m: &Module,
    prober: Prober,
    regex_failed: Option<bool>,
) -> Verdict {
    let mut metrics = String::new();
    let Some(r) = report else {
        return Verdict {
            success: false,
            metrics,
        };
    };
    let mut success = r.diagnosis.symptom == Symptom::Ok;
    let main = r.evidence.protocol.as_ref().and_then(|p| p.main());
    if prober.is_http() {
        let status = main.and_then(|e| match &e.reply {
            Reply::Http(h) => Some(h.status),
            _ => None,
        });
        let codes = &m.checks.valid_status_codes;
        // blackbox: the listed codes, else any 2xx; a WebSocket upgrade wants 101.
        let status_ok = match status {
            None => false,
            Some(s) if !codes.is_empty() => codes.contains(&s),
            Some(s) if prober.is_ws() => s == 101,
            Some(s) => (200..300).contains(&s),
        };
        // blackbox's header regexes: a missing header fails unless allow_missing.
        let headers_failed = m.checks.header_regexes.iter().any(|hr| {
            let Some(Reply::Http(h)) = main.map(|e| &e.reply) else {
                return false;
            };
            let mut values = h
                .headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(&hr.header))
                .map(|(_, v)| v.as_str())
                .peekable();
            if values.peek().is_none() {
                return !hr.allow_missing;
            }
            values.any(|v| hr.regexp.is_match(v)) == hr.fail_if_matches
        });
        let regex_failed = regex_failed.unwrap_or(false) || headers_failed;
        success &= !regex_failed;
        gauge(
            &mut metrics,
            "probe_failed_due_to_regex",
            "Indicates if probe failed due to regex",
            if regex_failed { 1.0 } else { 0.0 },
        );
        let ssl = main.is_some_and(|e| matches!(e.tls, Some(TlsResult::Established { .. })));
        success &= status_ok;
        success &= !(m.checks.fail_if_ssl && ssl);
        success &= ssl || !m.checks.fail_if_not_ssl;
        gauge(
            &mut metrics,
            "probe_http_ssl",
            "Indicates if SSL was used for the final redirect",
            if ssl { 1.0 } else { 0.0 },
        );
    }
    if let Some(failed) = regex_failed.filter(|_| !prober.is_http()) {
        success &= !failed;
        gauge(
            &mut metrics,
            "probe_failed_due_to_regex",
            "Indicates if probe failed due to regex",
            if failed { 1.0 } else { 0.0 },
        );
    }
    Verdict { success, metrics }
}

/// The address the check connected to, for a follow-up conversation.
pub fn connected_addr(r: &Report) -> Option<SocketAddr> {
    r.evidence
        .attempts
        .iter()
        .find(|a| a.outcome == Outcome::Connected)
        .map(|a| a.addr)
}

/// Runs a tcp module's `query_response` on a new connection to `addr`: `Some(true)`
/// when an `expect` found no matching line before the connection ended, `None` when
/// the conversation could not be had at all (connect failed, deadline).
pub async fn query_response(addr: SocketAddr, steps: &[Step], deadline: Instant) -> Option<bool> {
    let run = async {
        let stream = TcpStream::connect(addr).await.ok()?;
        let (rd, mut wr) = stream.into_split();
        let mut rd = BufReader::new(rd);
        let mut total = 0usize;
        let mut line = Vec::new();
        for step in steps {
            match step {
                Step::Send(s) => {
                    wr.write_all(format!("{s}\n").as_bytes()).await.ok()?;
                }
                Step::Expect(re) => loop {
                    line.clear();
                    // Bounded: a hostile server sending an endless line or endless
                    // lines ends the step, not the exporter's memory.
                    let mut limited = (&mut rd).take((MAX_LINE + 1) as u64);
                    let n = limited.read_until(b'\n', &mut line).await.ok()?;
                    total += n;
                    if n == 0 || line.len() > MAX_LINE || total > MAX_READ {
                        return Some(true);
                    }
                    let text = String::from_utf8_lossy(&line);
                    if re.is_match(text.trim_end_matches(['\r', '\n'])) {
                        break;
                    }
                },
            }
        }
        Some(false)
    };
    timeout_at(deadline, run).await.ok().flatten()
}

// ------------------------------------------------------------------ /metrics

/// blackbox_exporter's own reload gauges under their names, for alerts written
/// against them (the same values as `conndoctor_exporter_config_last_reload_*`).
pub fn reload_metrics(out: &mut String, c: &super::metrics::Counters) {
    use std::sync::atomic::Ordering;
    gauge(
        out,
        "blackbox_exporter_config_last_reload_successful",
        "Blackbox exporter config loaded successfully.",
        c.last_reload_ok.load(Ordering::Relaxed) as f64,
    );
    gauge(
        out,
        "blackbox_exporter_config_last_reload_success_timestamp_seconds",
        "Timestamp of the last successful configuration reload.",
        c.last_reload_time.load(Ordering::Relaxed) as f64,
    );
}

// ------------------------------------------------------------------ process metrics

/// The `process_*` families of Prometheus' client libraries, read from /proc.
/// A value /proc does not give is left out rather than reported as 0.
pub fn process_metrics(out: &mut String) {
    let Ok(me) = procfs::process::Process::myself() else {
        return;
    };
    let tps = procfs::ticks_per_second() as f64;
    if let Ok(stat) = me.stat() {
        let cpu = (stat.utime + stat.stime) as f64 / tps;
        let _ = writeln!(
            out,
            "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total {cpu}"
        );
        gauge(
            out,
            "process_resident_memory_bytes",
            "Resident memory size in bytes.",
            (stat.rss * procfs::page_size()) as f64,
        );
        gauge(
            out,
            "process_virtual_memory_bytes",
            "Virtual memory size in bytes.",
            stat.vsize as f64,
        );
        if let Ok(boot) = procfs::boot_time_secs() {
            gauge(
                out,
                "process_start_time_seconds",
                "Start time of the process since unix epoch in seconds.",
                boot as f64 + stat.starttime as f64 / tps,
            );
        }
    }
    if let Ok(n) = me.fd_count() {
        gauge(
            out,
            "process_open_fds",
            "Number of open file descriptors.",
            n as f64,
        );
    }
    if let Ok(l) = me.limits() {
        use procfs::process::LimitValue;
        if let LimitValue::Value(n) = l.max_open_files.soft_limit {
            gauge(
                out,
                "process_max_fds",
                "Maximum number of open file descriptors.",
                n as f64,
            );
        }
        if let LimitValue::Value(n) = l.max_address_space.soft_limit {
            gauge(
                out,
                "process_virtual_memory_max_bytes",
                "Maximum amount of virtual memory available in bytes.",
                n as f64,
            );
        }
    }
}

// ------------------------------------------------------------------ OpenMetrics

/// Whether the scraper prefers OpenMetrics: the `application/openmetrics-text` media
/// range has a higher q than `text/plain` (Prometheus sends OpenMetrics at q=0.5 and
/// the text format at q=0.3 or lower). Equal weights keep the text format.
pub fn wants_openmetrics(accept: Option<&str>) -> bool {
    let Some(accept) = accept else {
        return false;
    };
    let (mut om, mut text) = (None::<f64>, None::<f64>);
    for range in accept.split(',') {
        let mut parts = range.split(';').map(str::trim);
        let media = parts.next().unwrap_or("").to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.strip_prefix("q="))
            .find_map(|q| q.parse::<f64>().ok())
            .unwrap_or(1.0);
        let slot = match media.as_str() {
            "application/openmetrics-text" => &mut om,
            "text/plain" => &mut text,
            _ => continue,
        };
        *slot = Some(slot.map_or(q, |v| v.max(q)));
    }
    om.is_some_and(|o| o > 0.0 && o > text.unwrap_or(0.0))
}

/// Rewrites text-format families as OpenMetrics 1.0: a counter family is named
/// without its `_total` suffix (its samples keep it), and the page ends in `# EOF`.
pub fn to_openmetrics(text: &str) -> String {
    let counters: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| l.strip_suffix(" counter"))
        .filter(|n| n.ends_with("_total"))
        .collect();
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.lines() {
        let meta = ["# HELP ", "# TYPE "]
            .into_iter()
            .find_map(|p| line.strip_prefix(p).map(|rest| (p, rest)));
        match meta {
            Some((p, rest)) => {
                let name = rest.split(' ').next().unwrap_or("");
                if counters.contains(&name) {
                    let base = name.trim_end_matches("_total");
                    let _ = writeln!(out, "{p}{base}{}", &rest[name.len()..]);
                } else {
                    let _ = writeln!(out, "{line}");
                }
            }
            None => {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out.push_str("# EOF\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_negotiation() {
        let prom = "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
        assert!(wants_openmetrics(Some(prom)));
        assert!(!wants_openmetrics(Some("text/plain;version=0.0.4")));
        assert!(!wants_openmetrics(Some("*/*")));
        assert!(!wants_openmetrics(None));
        assert!(!wants_openmetrics(Some(
            "application/openmetrics-text;q=0.2,text/plain;q=0.9"
        )));
        assert!(wants_openmetrics(Some("application/openmetrics-text")));
    }

    #[test]
    fn counters_lose_total_in_their_family_name() {
        let t = "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n# HELP g G.\n# TYPE g gauge\ng 1\n";
        assert_eq!(
            to_openmetrics(t),
            "# HELP a A.\n# TYPE a counter\na_total{x=\"1\"} 2\n# HELP g G.\n# TYPE g gauge\ng 1\n# EOF\n"
        );
    }

    #[test]
    fn address_family_preference() {
        let v4: IpAddr = [127, 0, 0, 1].into();
        let v6: IpAddr = std::net::Ipv6Addr::LOCALHOST.into();
        let mut a = vec![v4, v6];
        prefer(
            &mut a,
            IpPreference {
                v6: true,
                fallback: true,
            },
        );
        assert_eq!(a, vec![v6]);
        let mut a = vec![v4];
        prefer(
            &mut a,
            IpPreference {
                v6: true,
                fallback: true,
            },
        );
        assert_eq!(a, vec![v4]);
        let mut a = vec![v4];
        prefer(
            &mut a,
            IpPreference {
                v6: true,
                fallback: false,
            },
        );
        assert!(a.is_empty());
    }

    #[test]
    fn process_metrics_come_from_proc() {
        let mut out = String::new();
        process_metrics(&mut out);
        for name in [
            "process_cpu_seconds_total ",
            "process_resident_memory_bytes ",
            "process_virtual_memory_bytes ",
            "process_start_time_seconds ",
            "process_open_fds ",
            "process_max_fds ",
        ] {
            assert!(out.lines().any(|l| l.starts_with(name)), "{name} in {out}");
        }
    }
}
