//! The command line: argument parsing, language choice, exit codes. Thin by design:
//! everything it runs lives in the library.

use std::io::Write;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use conndoctor::i18n::{self, Localizer};
use conndoctor::probe::CheckOptions;
use conndoctor::report::{human, json};
use conndoctor::target;

mod audit;
mod batch;
mod explain;
mod exporter;
mod help;
mod outcome;
mod watch;

pub use outcome::Outcome;

#[derive(Parser, Debug)]
#[command(
    name = "conndoctor",
    version,
    about = "Tells why a client cannot connect to a server, and what to change.",
    // The bare-target form is handled before clap sees it (help::parse); show it here.
    override_usage = "conndoctor [OPTIONS] <COMMAND>\n       conndoctor [OPTIONS] <TARGET>...",
    after_help = "Examples:\n  conndoctor check ws://example.com:8282/chat\n  conndoctor 203.0.113.7:8282 --timeout 5s\n  conndoctor demo"
)]
pub struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    #[command(flatten)]
    global: GlobalArgs,
}

/// Options every subcommand takes, in any position (`conndoctor --json check …` and
/// `conndoctor check … --json` are the same).
#[derive(Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Language of the output (en, zh-CN, th, vi, ru, ja, ar); default from LC_ALL, LC_MESSAGES, LANG.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,
    /// Print one JSON object (schema 1) instead of the text report.
    #[arg(long, global = true)]
    pub json: bool,
    /// When to colour the output: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        value_name = "WHEN",
        global = true,
        value_enum,
        default_value_t = ColorWhen::Auto,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub color: ColorWhen,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Applies the choice to everything written through anstream (reports, errors, help).
    pub fn apply(self) {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Diagnose a connection to a target (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port).
    #[command(arg_required_else_help = true)]
    Check(CheckArgs),
    /// Start real servers on loopback and show the diagnosis of each case.
    Demo(CommonArgs),
    /// Run a reference server (websocket://, http://, text://, tcp://, optionally TLS) that answers with an identity token.
    #[command(arg_required_else_help = true)]
    Serve(ServeArgs),
    /// Explain a pasted error message (browser console, log, terminal): symptom, causes, fixes, and the check to run.
    Explain(explain::ExplainArgs),
    /// On the server: why clients cannot reach this port (listener, process, firewall, panel, cloud, capacity).
    Audit(audit::AuditArgs),
    /// Prometheus exporter (blackbox_exporter's /probe contract) whose metrics say why a probe failed.
    Exporter(exporter::ExporterArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
    #[command(arg_required_else_help = true)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output, e.g. conndoctor man | man -l -
    Man,
}

#[derive(Args, Debug, Clone)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    shell: clap_complete::Shell,
}

/// The subcommand names, for the default-subcommand rule in [`help::parse`].
pub(crate) const SUBCOMMANDS: &[&str] = &[
    "check",
    "demo",
    "serve",
    "explain",
    "audit",
    "exporter",
    "completions",
    "man",
    "help",
];

#[derive(Args, Debug, Clone, Default)]
struct ServeArgs {
    /// Where to listen, as in a Workerman listen line: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
    #[arg(value_name = "LISTEN")]
    listen: Option<String>,
    /// Serve over TLS (wss://, https://); a self-signed certificate unless --cert/--key are given.
    #[arg(long)]
    tls: bool,
    /// PEM certificate chain for --tls.
    #[arg(long, value_name = "FILE", requires = "key")]
    cert: Option<std::path::PathBuf>,
    /// PEM private key for --tls.
    #[arg(long, value_name = "FILE", requires = "cert")]
    key: Option<std::path::PathBuf>,
    /// Identity token to answer with (default: random).
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// WebSocket: upgrade only on the exact path of LISTEN (others get 404).
    #[arg(long)]
    strict_path: bool,
    /// WebSocket: answer 403 to an Origin other than this one.
    #[arg(long, value_name = "ORIGIN")]
    allow_origin: Option<String>,
    /// WebSocket: a subprotocol to offer (repeatable); the first one the client asks for is chosen.
    #[arg(long = "subprotocol", value_name = "NAME")]
    subprotocols: Vec<String>,
    /// Filled from the global --lang.
    #[arg(skip)]
    lang: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
struct CommonArgs {
    /// Overall time budget, e.g. 3s, 500ms, 1.5 (seconds) [default: 3s; demo: 1s]
    #[arg(long, value_name = "DURATION")]
    timeout: Option<String>,
    /// Filled from the global --json.
    #[arg(skip)]
    json: bool,
    /// Do not probe other ports of the target while the main connect waits.
    #[arg(long)]
    no_side_probes: bool,
    /// Filled from the global --lang.
    #[arg(skip)]
    lang: Option<String>,
    /// Origin header for the WebSocket upgrade, as a browser page would send it.
    #[arg(long, value_name = "URL")]
    origin: Option<String>,
    /// Sec-WebSocket-Protocol to ask for.
    #[arg(long, value_name = "NAME")]
    subprotocol: Option<String>,
    /// Extra request header, "Name: value" (repeatable).
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    headers: Vec<String>,
    /// Continue past certificate problems; they are reported as warnings.
    #[arg(long, short = 'k')]
    insecure: bool,
    /// Token printed by `conndoctor serve`: proves the client reached that very server.
    #[arg(long, value_name = "TOKEN")]
    expect_token: Option<String>,
    /// The address you believe the server has (repeatable); a different DNS answer is reported.
    #[arg(long, value_name = "ADDR")]
    expect_ip: Vec<String>,
    /// Do not trace the path with TTL-limited SYNs when the connect gets no answer.
    #[arg(long)]
    no_trace: bool,
}

#[derive(Args, Debug, Clone, Default)]
struct CheckArgs {
    /// What the client connects to: ws://host:port/path, host:port, [v6]:port, ... (several: a batch)
    #[arg(value_name = "TARGET")]
    targets: Vec<String>,
    /// Read targets from a file, one per line, # comments ("-" reads standard input).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    file: Option<String>,
    /// Batch: how many targets are checked at once (lowered to fit the descriptor limit).
    #[arg(long, value_name = "N", default_value_t = 256)]
    concurrency: usize,
    #[command(flatten)]
    common: CommonArgs,
    /// Also write the report as one self-contained HTML page to FILE ("-": standard output, instead of the text report).
    #[arg(long, value_name = "FILE")]
    html: Option<String>,
}

/// Parses `3s`, `500ms`, `1.5` (seconds), `2m` (the library's parser, shared with
/// the exporter's configuration).
pub use conndoctor::parse_duration;

/// A duration option of any subcommand: `default` when absent, else its value; when it
/// does not parse, the message `msg_id` (with the value as `detail`) for the caller's
/// own bad-input line.
pub fn duration_arg(
    l: &Localizer,
    value: Option<&str>,
    default: Duration,
    msg_id: &str,
) -> Result<Duration, String> {
    match value {
        None => Ok(default),
        Some(v) => parse_duration(v).ok_or_else(|| l.with(msg_id, &[("detail", v.into())])),
    }
}

fn bad_input(l: &Localizer, msg: &str) -> Outcome {
    input_error(l, "conndoctor", "input-example", msg)
}

/// Bad input, for every subcommand: `WHO: error: MSG`, the subcommand's example line
/// (`example_id`), exit status 2.
pub fn input_error(l: &Localizer, who: &str, example_id: &str, msg: &str) -> Outcome {
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{who}: {}: {msg}", l.text("app-error"));
    let _ = writeln!(err, "{}", l.text(example_id));
    Outcome::BadInput
}

fn options(l: &Localizer, c: &CommonArgs, default: Duration) -> Result<CheckOptions, Outcome> {
    let timeout = duration_arg(l, c.timeout.as_deref(), default, "input-bad-timeout")
        .map_err(|m| bad_input(l, &m))?;
    let mut expect_ip = Vec::new();
    for a in &c.expect_ip {
        match a
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
        {
            Ok(ip) => expect_ip.push(ip),
            Err(_) => {
                return Err(bad_input(
                    l,
                    &l.with("input-bad-ip", &[("detail", a.as_str().into())]),
                ));
            }
        }
    }
    let mut headers = Vec::new();
    for h in &c.headers {
        let bad = || {
            bad_input(
                l,
                &l.with("input-bad-header", &[("detail", h.as_str().into())]),
            )
        };
        headers.push(conndoctor::probe::protocol::http::parse_header(h).ok_or_else(bad)?);
    }
    if let Some(o) = &c.origin
        && (o.contains(['\r', '\n']) || o.trim().is_empty())
    {
        return Err(bad_input(
            l,
            &l.with("input-bad-header", &[("detail", o.as_str().into())]),
        ));
    }
    Ok(CheckOptions {
        timeout,
        side_probes: !c.no_side_probes,
        proto: conndoctor::probe::protocol::ProtoOptions {
            origin: c.origin.clone(),
            subprotocol: c.subprotocol.clone().filter(|p| !p.contains(['\r', '\n'])),
            headers,
        },
        insecure: c.insecure,
        expect_token: c.expect_token.clone(),
        expect_ip,
        trace: !c.no_trace,
        shared: None,
        ports_when_ok: true,
    })
}

pub(crate) fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    // One thread is plenty: the work is waiting on sockets, and it starts fastest.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// The user's language (`--lang`, else LC_ALL, LC_MESSAGES, LANG), with one notice on
/// stderr when it is not available. Every subcommand starts here.
pub fn localizer(flag: Option<&str>) -> Localizer {
    let (lang, unavailable) = i18n::choose(flag, |k| std::env::var(k).ok());
    let l = Localizer::new(lang);
    if let Some(req) = unavailable {
        let _ = writeln!(
            anstream::stderr(),
            "conndoctor: {}",
            l.with("lang-fallback", &[("lang", req.into())])
        );
    }
    l
}

/// Runs the command line; the one place where an outcome becomes an exit status.
pub fn main() -> std::process::ExitCode {
    outcome::exit_code(run())
}

fn run() -> Outcome {
    let mut cli = help::parse();
    let g = cli.global.clone();
    g.color.apply();
    let Some(cmd) = cli.cmd.as_mut() else {
        // Nothing to do: the help, as `git` and `cargo` answer a bare call.
        return help::print_help(g.lang.as_deref());
    };
    // The global options are parsed once, at the top; each subcommand reads them from
    // its own arguments.
    match cmd {
        Cmd::Check(a) => (a.common.lang, a.common.json) = (g.lang.clone(), g.json),
        Cmd::Demo(c) => (c.lang, c.json) = (g.lang.clone(), g.json),
        Cmd::Serve(s) => s.lang = g.lang.clone(),
        Cmd::Explain(a) => (a.lang, a.json) = (g.lang.clone(), g.json),
        Cmd::Audit(a) => (a.lang, a.json) = (g.lang.clone(), g.json),
        Cmd::Exporter(a) => a.lang = g.lang.clone(),
        Cmd::Completions(_) | Cmd::Man => {}
    }
    let (cmd_name, common, target) = match &*cmd {
        Cmd::Explain(a) => return explain::run(a),
        Cmd::Audit(a) => return audit::run(a),
        Cmd::Exporter(a) => return exporter::run(a),
        Cmd::Completions(a) => return help::completions(a.shell, g.lang.as_deref()),
        Cmd::Man => return help::man_page(g.lang.as_deref()),
        Cmd::Check(a) => ("check", a.common.clone(), a.targets.first().cloned()),
        Cmd::Demo(c) => ("demo", c.clone(), None),
        Cmd::Serve(s) => {
            let common = CommonArgs {
                lang: s.lang.clone(),
                ..CommonArgs::default()
            };
            ("serve", common, s.listen.clone())
        }
    };
    let l = localizer(common.lang.as_deref());
    if matches!(cli.cmd, Some(Cmd::Serve(_))) {
        serve_signals();
    }
    let mut stop = None;
    if let Some(Cmd::Check(a)) = &cli.cmd
        && (a.file.is_some() || a.targets.len() > 1)
    {
        // Before the runtime exists: its threads inherit the blocked signals.
        stop = batch::catch_stop_signals();
    }
    let rt = match runtime() {
        Ok(rt) => rt,
        Err(e) => return internal(&l, &e.to_string()),
    };
    // Never dropped: dropping a runtime waits for its blocking threads, and a
    // getaddrinfo stuck on a silent nameserver would hold the exit long after the
    // verdict is out. The process ends instead.
    let rt = std::mem::ManuallyDrop::new(rt);
    if cmd_name == "demo" {
        let opts = match options(&l, &common, Duration::from_secs(1)) {
            Ok(o) => o,
            Err(code) => return code,
        };
        let mut out = anstream::stdout();
        return match rt.block_on(conndoctor::demo::run(&opts, common.json, &l, &mut out)) {
            Ok(()) => Outcome::Ok,
            Err(e) => internal(&l, &e.to_string()),
        };
    }

    if let (Some(Cmd::Serve(s)), "serve") = (&cli.cmd, cmd_name) {
        return serve_cmd(&rt, s, target.as_deref().unwrap_or(""), &l);
    }
    let Some(Cmd::Check(args)) = &cli.cmd else {
        return internal(&l, "no subcommand");
    };
    if args.file.is_some() || args.targets.len() > 1 {
        return batch_cmd(&rt, args, &common, &l, stop);
    }
    let t = match target::parse(target.as_deref().unwrap_or("")) {
        Ok(t) => t,
        Err(e) => {
            return bad_input(
                &l,
                &l.with(e.message_id(), &[("detail", e.detail().into())]),
            );
        }
    };
    let opts = match options(&l, &common, Duration::from_secs(3)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let html = match HtmlOut::open(&l, args.html.as_deref()) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let report = rt.block_on(conndoctor::check(&t, &opts));
    if !matches!(html, Some(HtmlOut::Stdout)) {
        print_report(&report, common.json, &l);
    }
    if let Some(h) = html
        && let Err(code) = h.write(&l, std::slice::from_ref(&report))
    {
        return code;
    }
    Outcome::verdict(report.diagnosis.is_ok())
}

/// Where `--html` writes the page: opened before anything is probed, so that a path
/// that cannot be written is bad input (exit 2) and costs no probe.
enum HtmlOut {
    Stdout,
    File(std::fs::File),
}

impl HtmlOut {
    fn open(l: &Localizer, path: Option<&str>) -> Result<Option<Self>, Outcome> {
        match path {
            None => Ok(None),
            Some("-") => Ok(Some(HtmlOut::Stdout)),
            Some(p) => std::fs::File::create(p)
                .map(|f| Some(HtmlOut::File(f)))
                .map_err(|e| {
                    bad_input(
                        l,
                        &l.with("input-bad-html", &[("detail", format!("{p}: {e}").into())]),
                    )
                }),
        }
    }

    fn write(self, l: &Localizer, reports: &[conndoctor::Report]) -> Result<(), Outcome> {
        let page = conndoctor::report::html::page(reports, l);
        let res = match self {
            HtmlOut::Stdout => {
                let mut out = std::io::stdout();
                out.write_all(page.as_bytes()).and_then(|()| out.flush())
            }
            HtmlOut::File(mut f) => f.write_all(page.as_bytes()).and_then(|()| f.flush()),
        };
        res.map_err(|e| {
            internal(
                l,
                &l.with("input-bad-html", &[("detail", e.to_string().into())]),
            )
        })
    }
}

pub fn print_report(report: &conndoctor::Report, as_json: bool, l: &Localizer) {
    let mut out = anstream::stdout();
    if as_json {
        let v = json::to_value(report, Some(l));
        let _ = writeln!(out, "{v}");
    } else {
        let _ = write!(out, "{}", human::render(report, l));
    }
}

/// Blocks SIGINT and SIGTERM in this thread and all threads created after it, so that
/// `serve` can wait for them synchronously. Done by hand instead of with tokio's
/// signal driver, which every runtime would then carry and which panics when file
/// descriptors are short (the very case `check` must diagnose).
fn serve_signals() {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    let _ = set.thread_block();
}

fn wait_for_stop() {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    let _ = set.wait();
}

fn serve_cmd(rt: &tokio::runtime::Runtime, a: &ServeArgs, listen: &str, l: &Localizer) -> Outcome {
    use conndoctor::serve::{self, ServeError, ServeOptions};
    let t = match target::parse_listen(listen) {
        Ok(t) => t,
        Err(e) => return bad_input(l, &l.with(e.message_id(), &[("detail", e.detail().into())])),
    };
    let opts = ServeOptions {
        tls: a.tls,
        cert: a.cert.clone(),
        key: a.key.clone(),
        token: a.token.clone(),
        strict_path: a.strict_path,
        allow_origin: a.allow_origin.clone(),
        subprotocols: a.subprotocols.clone(),
    };
    // RFC 6455 4.1: a subprotocol name is an HTTP token.
    if let Some(bad) = a.subprotocols.iter().find(|p| {
        p.is_empty()
            || !p
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    }) {
        return bad_input(
            l,
            &l.with("input-bad-subprotocol", &[("detail", bad.as_str().into())]),
        );
    }
    if opts
        .token
        .as_deref()
        .is_some_and(|t| t.is_empty() || !t.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return bad_input(
            l,
            &l.with(
                "input-bad-token",
                &[("detail", a.token.clone().unwrap_or_default().into())],
            ),
        );
    }
    rt.block_on(async {
        let mut err = anstream::stderr();
        let server = match serve::start(&t, &opts).await {
            Ok(s) => s,
            Err(e) => {
                let (id, outcome) = match &e {
                    ServeError::NotLocal(_) => ("serve-not-local", Outcome::Problem),
                    ServeError::InUse(_) => ("serve-in-use", Outcome::Problem),
                    ServeError::Permission(_) => ("serve-permission", Outcome::Problem),
                    ServeError::NeedsAddress(_) => ("serve-needs-address", Outcome::BadInput),
                    ServeError::Tls(_) | ServeError::Io(_) => ("serve-failed", Outcome::Internal),
                };
                let args = [
                    ("addr", t.authority().into()),
                    ("port", conndoctor::finding::Arg::from(t.port)),
                    ("detail", e.to_string().into()),
                ];
                let _ = writeln!(err, "conndoctor serve: {}", l.with(id, &args));
                return outcome;
            }
        };
        let mut notes = Vec::new();
        let ifaces = conndoctor::probe::local::interfaces(&mut notes);
        let scheme = t.scheme_name.unwrap_or("tcp");
        // Show URLs the way clients write them (browsers know ws://, not websocket://).
        let shown_scheme = match (scheme, server.tls) {
            ("ws" | "websocket", true) => "wss",
            ("ws" | "websocket", false) => "ws",
            ("http", true) => "https",
            (s, _) => s,
        };
        let urls = serve::reachable_as(server.addr, shown_scheme, &t.path, &ifaces);
        let mut out = anstream::stdout();
        let _ = writeln!(
            out,
            "{}",
            l.with(
                "serve-listening",
                &[
                    ("scheme", scheme.into()),
                    ("addr", server.addr.to_string().into()),
                    ("token", server.token.clone().into())
                ]
            )
        );
        for u in &urls {
            let _ = writeln!(
                out,
                "  {}",
                l.with("serve-reachable", &[("url", u.as_str().into())])
            );
        }
        if server.addr.ip().is_loopback() {
            let _ = writeln!(
                out,
                "  ! {}",
                l.with(
                    "serve-loopback-warning",
                    &[
                        ("addr", server.addr.to_string().into()),
                        ("port", conndoctor::finding::Arg::from(server.addr.port()))
                    ]
                )
            );
        }
        let example = urls
            .iter()
            .find(|u| !u.contains("127.0.0.1") && !u.contains("[::1]"))
            .or(urls.first())
            .cloned()
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}",
            l.with(
                "serve-check-hint",
                &[(
                    "cmd",
                    format!("conndoctor check {example} --expect-token {}", server.token).into()
                )]
            )
        );
        let _ = writeln!(out, "  {}", l.text("serve-stop-hint"));
        let _ = out.flush();
        // SIGINT/SIGTERM are blocked in every thread (see `serve_signals`); wait for one.
        let _ = tokio::task::spawn_blocking(wait_for_stop).await;
        let _ = writeln!(out, "{}", l.text("serve-stopped"));
        Outcome::Ok
    })
}

fn batch_cmd(
    rt: &tokio::runtime::Runtime,
    a: &CheckArgs,
    common: &CommonArgs,
    l: &Localizer,
    stop: Option<tokio::sync::watch::Receiver<i32>>,
) -> Outcome {
    use std::io::{IsTerminal, Read};
    let mut lines: Vec<(usize, String)> = a.targets.iter().map(|t| (0, t.clone())).collect();
    if let Some(f) = &a.file {
        let mut text = String::new();
        let read = if f == "-" {
            std::io::stdin().read_to_string(&mut text).map(|_| ())
        } else {
            std::fs::read_to_string(f).map(|t| text = t)
        };
        if let Err(e) = read {
            let detail = format!("{f}: {e}");
            // Out of descriptors is this process's limit, not a bad list: exit 3, with
            // the cause and its fix.
            if matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE)) {
                let why = format!(
                    "{detail} · {} · {}",
                    l.text("cause-local-fd-exhausted"),
                    l.text("fix-local-fd-exhausted")
                );
                return internal(l, &why);
            }
            return bad_input(l, &l.with("input-bad-file", &[("detail", detail.into())]));
        }
        lines.extend(conndoctor::batch::read_list(&text));
    }
    if lines.is_empty() {
        return bad_input(l, &l.text("input-empty"));
    }
    let targets = match conndoctor::batch::parse_all(&lines) {
        Ok(t) => t,
        Err((n, raw, e)) => {
            let what = l.with(e.message_id(), &[("detail", e.detail().into())]);
            let msg = if n > 0 {
                l.with(
                    "input-bad-line",
                    &[
                        (
                            "line",
                            conndoctor::finding::Arg::from(u64::try_from(n).unwrap_or(0)),
                        ),
                        ("target", raw.into()),
                        ("detail", what.into()),
                    ],
                )
            } else {
                what
            };
            return bad_input(l, &msg);
        }
    };
    let opts = match options(l, common, Duration::from_secs(3)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if a.concurrency == 0 {
        return bad_input(
            l,
            &l.with("input-bad-concurrency", &[("detail", "0".into())]),
        );
    }
    let html = match HtmlOut::open(l, a.html.as_deref()) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let fd_limit = conndoctor::batch::raise_fd_limit();
    let bo = conndoctor::batch::BatchOptions {
        check: opts,
        concurrency: conndoctor::batch::fit_concurrency(a.concurrency, fd_limit),
        json: common.json,
        progress: (!common.json && std::io::stderr().is_terminal())
            .then(indicatif::ProgressDrawTarget::stderr),
        keep: html.is_some(),
        quiet: matches!(html, Some(HtmlOut::Stdout)),
        // JSON Lines go to the raw stdout: they hold no colour to strip.
        out: if common.json {
            Box::new(std::io::stdout())
        } else {
            Box::new(anstream::stdout())
        },
        out_is_terminal: std::io::stdout().is_terminal(),
        stop,
    };
    // One thread on purpose: measured, a multi-threaded runtime was twice as slow on a
    // sweep (the work is syscalls; cross-thread wake-ups and shared state cost more).
    let total = targets.len();
    batch::running();
    let mut summary = rt.block_on(conndoctor::batch::run(targets, bo, l));
    if let Some(h) = html {
        // In the order of the list, not of completion.
        summary.reports.sort_by_key(|(i, _)| *i);
        let reports: Vec<conndoctor::Report> = std::mem::take(&mut summary.reports)
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        if let Err(code) = h.write(l, &reports) {
            return code;
        }
    }
    if let Some(sig) = summary.interrupted {
        let _ = writeln!(
            anstream::stderr(),
            "conndoctor: {}",
            l.with(
                "batch-interrupted",
                &[
                    ("signal", batch::signal_name(sig).into()),
                    (
                        "done",
                        conndoctor::finding::Arg::from(u64::try_from(summary.total).unwrap_or(0))
                    ),
                    (
                        "total",
                        conndoctor::finding::Arg::from(u64::try_from(total).unwrap_or(0))
                    ),
                ]
            )
        );
        return Outcome::Interrupted(sig);
    }
    Outcome::verdict(summary.failures() == 0)
}

/// conndoctor itself failed: the message, exit status 3.
pub fn internal(l: &Localizer, detail: &str) -> Outcome {
    let _ = writeln!(
        anstream::stderr(),
        "{}",
        l.with("error-internal", &[("detail", detail.into())])
    );
    Outcome::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3s"), Some(Duration::from_secs(3)));
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("1.5"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("0"), None);
        assert_eq!(parse_duration("-1"), None);
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(parse_duration("NaN"), None);
    }

    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
