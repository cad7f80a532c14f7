//! The `conndoctor exporter` subcommand: its arguments, the language, and where the
//! exporter's log lines go (stdout, errors on stderr); the server is the library's.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use conndoctor::exporter::{self, ExporterOptions, Line};
use conndoctor::i18n::{self, Localizer};

use super::Outcome;

#[derive(Args, Debug, Clone)]
pub struct ExporterArgs {
    /// Address to serve HTTP on (port 0: any free port, printed at start).
    #[arg(
        long,
        visible_alias = "web.listen-address",
        value_name = "ADDR",
        default_value = "127.0.0.1:9115"
    )]
    pub listen: String,
    /// YAML configuration: modules, allow-list, limits. Without it: built-in modules
    /// tcp, http, https, ws, wss and loopback targets only.
    #[arg(long, visible_alias = "config.file", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Validate the configuration and exit (0 valid, 2 not).
    #[arg(long)]
    pub check_config: bool,
    /// blackbox_exporter's --config.check: validate the configuration and exit
    /// (0 valid, 1 not, as blackbox_exporter does).
    #[arg(long = "config.check")]
    pub blackbox_check: bool,
    /// blackbox_exporter's --timeout-offset: seconds subtracted from the scrape timeout
    /// (overrides limits.scrape_timeout_offset).
    #[arg(long = "timeout-offset", value_name = "SECONDS")]
    pub timeout_offset: Option<String>,
    /// Filled from the global --lang.
    #[arg(skip)]
    pub lang: Option<String>,
}

/// Runs the exporter until SIGINT/SIGTERM (see `exporter::run` for the outcomes).
pub fn run(a: &ExporterArgs) -> Outcome {
    let (lang, unavailable) = i18n::choose(a.lang.as_deref(), |k| std::env::var(k).ok());
    if let Some(req) = unavailable {
        let l = Localizer::new(lang);
        let _ = writeln!(
            anstream::stderr(),
            "conndoctor exporter: {}",
            l.with("lang-fallback", &[("lang", req.into())])
        );
    }
    let opts = ExporterOptions {
        listen: a.listen.clone(),
        config: a.config.clone(),
        check_config: a.check_config,
        blackbox_check: a.blackbox_check,
        timeout_offset: a.timeout_offset.clone(),
        lang,
    };
    let log: exporter::Log = Box::new(|kind, line| match kind {
        Line::Info => {
            let mut out = anstream::stdout();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
        Line::Problem => {
            let _ = writeln!(anstream::stderr(), "conndoctor exporter: {line}");
        }
    });
    exporter::run(&opts, log)
}
