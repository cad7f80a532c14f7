//! `conndoctor audit --watch PORT [--from ADDR] [--duration 60s]`: parses the options,
//! runs the watch, prints the verdicts (text or `--json`). Exit status: 0 every
//! watched client was answered, 1 a problem found, 2 bad input, 3 the watch could
//! not run (no CAP_NET_RAW).

use std::io::Write;
use std::net::IpAddr;
use std::time::Duration;

use super::audit::{AuditArgs, bad_input};
use crate::cli::Outcome;
use conndoctor::audit::watch::{WatchError, WatchOptions, watch};
use conndoctor::i18n::Localizer;
use conndoctor::report::watch as render;

const DEFAULT_DURATION: Duration = Duration::from_secs(60);

/// A port as typed: `8282`, or a listen address whose port is taken
/// (`websocket://0.0.0.0:8282`).
fn parse_port(s: &str) -> Option<u16> {
    let s = s.trim();
    if let Ok(p) = s.parse::<u16>() {
        return (p != 0).then_some(p);
    }
    conndoctor::audit::parse_request(Some(s)).ok()?.port
}

pub fn run(a: &AuditArgs, l: &Localizer) -> Outcome {
    let raw = a.watch.as_deref().unwrap_or_default();
    let Some(port) = parse_port(raw) else {
        return bad_input(
            l,
            &l.with("watch-input-bad-port", &[("detail", raw.into())]),
        );
    };
    if let Some(t) = &a.target
        && parse_port(t) != Some(port)
    {
        return bad_input(
            l,
            &l.with(
                "watch-input-two-ports",
                &[("detail", t.as_str().into()), ("port", port.into())],
            ),
        );
    }
    let from = match &a.from {
        None => None,
        Some(f) => match f
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            Ok(ip) => Some(ip),
            Err(_) => {
                return bad_input(
                    l,
                    &l.with("audit-input-bad-from", &[("detail", f.as_str().into())]),
                );
            }
        },
    };
    let duration = match crate::cli::duration_arg(
        l,
        a.duration.as_deref(),
        DEFAULT_DURATION,
        "watch-input-bad-duration",
    ) {
        Ok(d) => d,
        Err(m) => return bad_input(l, &m),
    };
    let sysroot = match super::audit::sysroot(l, a) {
        Ok(s) => s,
        Err(m) => return bad_input(l, &m),
    };
    let opts = WatchOptions {
        port,
        from,
        duration,
        sysroot,
    };
    let ready = || {
        let secs = duration.as_secs_f64().round();
        let line = match from {
            Some(f) => l.with(
                "watch-ready-from",
                &[
                    ("port", port.into()),
                    ("client", f.to_string().into()),
                    ("secs", secs.into()),
                ],
            ),
            None => l.with(
                "watch-ready",
                &[("port", port.into()), ("secs", secs.into())],
            ),
        };
        let mut err = anstream::stderr();
        let _ = writeln!(err, "{line}");
        let _ = err.flush();
    };
    let report = match watch(&opts, ready) {
        Ok(r) => r,
        Err(e) => {
            let id = match e {
                WatchError::Denied(_) => "watch-error-denied",
                WatchError::Capture(_) => "watch-error-capture",
            };
            let _ = writeln!(
                anstream::stderr(),
                "conndoctor audit: {}",
                l.with(id, &[("detail", e.to_string().into())])
            );
            return Outcome::Internal;
        }
    };
    let mut out = anstream::stdout();
    if a.json {
        let _ = writeln!(out, "{}", render::to_value(&report, Some(l)));
    } else {
        let _ = write!(out, "{}", render::render(&report, l));
    }
    Outcome::verdict(report.is_ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn ports() {
        assert_eq!(super::parse_port("8282"), Some(8282));
        assert_eq!(super::parse_port("websocket://0.0.0.0:8282"), Some(8282));
        assert_eq!(super::parse_port("0"), None);
        assert_eq!(super::parse_port("70000"), None);
        assert_eq!(super::parse_port("x"), None);
    }
}
