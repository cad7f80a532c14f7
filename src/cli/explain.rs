//! The `conndoctor explain` subcommand: reads the message (argument or standard
//! input), explains it, prints text or JSON, and with `--check` runs the suggested
//! check right away.

use std::io::{IsTerminal, Read, Write};
use std::time::Duration;

use clap::Args;

use crate::cli::{Outcome, internal, print_report};
use conndoctor::explain::{MAX_INPUT, explain, render};
use conndoctor::i18n::Localizer;
use conndoctor::probe::CheckOptions;
use conndoctor::report::json as report_json;
use conndoctor::target;

#[derive(Args, Debug, Clone, Default)]
pub struct ExplainArgs {
    /// The error message (quote it). Without it, or with "-", it is read from standard input.
    #[arg(value_name = "MESSAGE")]
    pub message: Vec<String>,
    /// Filled from the global --json.
    #[arg(skip)]
    pub json: bool,
    /// Run the suggested `conndoctor check` right away.
    #[arg(long)]
    pub check: bool,
    /// Time budget of the check run by --check, e.g. 3s, 500ms, 1.5 [default: 3s]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// Filled from the global --lang.
    #[arg(skip)]
    pub lang: Option<String>,
}

/// Why the message could not be had.
enum Input {
    Text(String),
    Empty,
    Terminal,
    Unreadable(String),
}

/// Reads at most [`MAX_INPUT`] + 1 bytes: enough to notice that there was more.
fn read_stdin() -> Input {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        // Waiting on a terminal nobody types into would look like a hang.
        return Input::Terminal;
    }
    let mut buf = Vec::new();
    match stdin
        .lock()
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut buf)
    {
        Ok(_) => Input::Text(String::from_utf8_lossy(&buf).into_owned()),
        Err(e) => Input::Unreadable(e.to_string()),
    }
}

fn read_message(args: &ExplainArgs) -> Input {
    let from_stdin = args.message.is_empty() || args.message == ["-"];
    let text = if from_stdin {
        match read_stdin() {
            Input::Text(t) => t,
            other => return other,
        }
    } else {
        // Unquoted words are one message: `conndoctor explain connect ECONNREFUSED ...`.
        args.message.join(" ")
    };
    if text.trim().is_empty() {
        Input::Empty
    } else {
        Input::Text(text)
    }
}

fn bad_input(l: &Localizer, msg: &str) -> Outcome {
    crate::cli::input_error(l, "conndoctor", "explain-input-example", msg)
}

/// Runs `conndoctor explain`.
pub fn run(args: &ExplainArgs) -> Outcome {
    let l = crate::cli::localizer(args.lang.as_deref());

    // Validate every flag before reading or probing anything.
    let timeout = match crate::cli::duration_arg(
        &l,
        args.timeout.as_deref(),
        Duration::from_secs(3),
        "input-bad-timeout",
    ) {
        Ok(d) => d,
        Err(m) => return bad_input(&l, &m),
    };
    let text = match read_message(args) {
        Input::Text(t) => t,
        Input::Empty | Input::Terminal => return bad_input(&l, &l.text("explain-input-empty")),
        Input::Unreadable(e) => {
            return bad_input(
                &l,
                &l.with("explain-input-unreadable", &[("detail", e.into())]),
            );
        }
    };

    let e = explain(&text);
    let mut out = anstream::stdout();

    if !args.check {
        if args.json {
            let _ = writeln!(out, "{}", render::json(&e, Some(&l)));
        } else {
            let _ = write!(out, "{}", render::human(&e, &l));
        }
        return Outcome::verdict(e.is_ok());
    }

    // --check: only with a complete target; a guessed one could probe the wrong host.
    let Some(t) = e.next.target.as_deref().and_then(|t| target::parse(t).ok()) else {
        if args.json {
            let _ = writeln!(out, "{}", render::json(&e, Some(&l)));
        } else {
            let _ = write!(out, "{}", render::human(&e, &l));
        }
        return bad_input(&l, &l.text("explain-check-needs-target"));
    };
    let opts = CheckOptions {
        timeout,
        ..CheckOptions::default()
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => return internal(&l, &err.to_string()),
    };
    if args.json {
        // One JSON object on stdout: the explanation with the check's report inside.
        let report = rt.block_on(conndoctor::check(&t, &opts));
        let mut v = render::json(&e, Some(&l));
        v["check"] = report_json::to_value(&report, Some(&l));
        let _ = writeln!(out, "{v}");
        return Outcome::verdict(report.diagnosis.is_ok());
    }
    let _ = write!(out, "{}", render::human(&e, &l));
    let _ = writeln!(
        out,
        "\n{}\n",
        l.with(
            "explain-running",
            &[("cmd", e.next.command.as_str().into())]
        )
    );
    let _ = out.flush();
    let report = rt.block_on(conndoctor::check(&t, &opts));
    print_report(&report, false, &l);
    Outcome::verdict(report.diagnosis.is_ok())
}
