//! The `conndoctor audit` subcommand: parses its arguments, runs the audit, prints the
//! checklist or JSON; `Outcome::Ok` when the port is reachable as far as this machine
//! can tell.

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::cli::Outcome;
use conndoctor::audit::platform::SysRoot;
use conndoctor::audit::{AuditOptions, audit, parse_request};
use conndoctor::i18n::Localizer;
use conndoctor::report::audit as render;

#[derive(Args, Debug, Clone, Default)]
pub struct AuditArgs {
    /// The port, or the listen address from the server's code (websocket://0.0.0.0:8282); none audits every listener.
    #[arg(value_name = "PORT|LISTEN")]
    pub target: Option<String>,
    /// Filled from the global --json.
    #[arg(skip)]
    pub json: bool,
    /// Filled from the global --lang.
    #[arg(skip)]
    pub lang: Option<String>,
    /// Read configuration and hardware markers (/sys/class/dmi, /etc, panel paths) under DIR instead of /.
    #[arg(long, value_name = "DIR")]
    pub sysroot: Option<PathBuf>,
    /// Time budget, e.g. 3s, 500ms, 1.5 [default: 3s]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// The client's address, for firewall rules that accept or drop by source address.
    #[arg(long, value_name = "ADDR", alias = "client")]
    pub from: Option<String>,
    /// Watch incoming SYNs to PORT at the interfaces and say where they stop (root).
    #[arg(long, value_name = "PORT")]
    pub watch: Option<String>,
    /// How long --watch runs, e.g. 30s, 2m [default: 60s]; Ctrl-C ends it sooner.
    #[arg(long, value_name = "DURATION", requires = "watch")]
    pub duration: Option<String>,
}

pub(crate) fn bad_input(l: &Localizer, msg: &str) -> Outcome {
    crate::cli::input_error(l, "conndoctor audit", "audit-input-example", msg)
}

/// `--sysroot DIR` (a directory), else `/`; the message when DIR is no directory.
pub(crate) fn sysroot(l: &Localizer, a: &AuditArgs) -> Result<SysRoot, String> {
    match &a.sysroot {
        None => Ok(SysRoot::default()),
        Some(d) if d.is_dir() => Ok(SysRoot(d.clone())),
        Some(d) => Err(l.with(
            "audit-input-bad-sysroot",
            &[("detail", d.display().to_string().into())],
        )),
    }
}

pub fn run(a: &AuditArgs) -> Outcome {
    let l = crate::cli::localizer(a.lang.as_deref());
    if a.watch.is_some() {
        return super::watch::run(a, &l);
    }
    let mut req = match parse_request(a.target.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            return bad_input(
                &l,
                &l.with(e.message_id(), &[("detail", e.detail().into())]),
            );
        }
    };
    if let Some(f) = &a.from {
        match f
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            Ok(ip) => req.from = Some(ip),
            Err(_) => {
                return bad_input(
                    &l,
                    &l.with("audit-input-bad-from", &[("detail", f.as_str().into())]),
                );
            }
        }
    }
    let timeout = match crate::cli::duration_arg(
        &l,
        a.timeout.as_deref(),
        Duration::from_secs(3),
        "input-bad-timeout",
    ) {
        Ok(d) => d,
        Err(m) => return bad_input(&l, &m),
    };
    let sysroot = match sysroot(&l, a) {
        Ok(s) => s,
        Err(m) => return bad_input(&l, &m),
    };
    let opts = AuditOptions {
        timeout,
        sysroot,
        ..AuditOptions::default()
    };
    let rt = match crate::cli::runtime() {
        Ok(rt) => rt,
        Err(e) => return crate::cli::internal(&l, &e.to_string()),
    };
    let report = rt.block_on(audit(&req, &opts));
    let mut out = anstream::stdout();
    if a.json {
        let _ = writeln!(out, "{}", render::to_value(&report, Some(&l)));
    } else {
        let _ = write!(out, "{}", render::render(&report, &l));
    }
    Outcome::verdict(report.is_ok())
}
