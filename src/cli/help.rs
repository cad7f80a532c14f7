//! `--help` in the user's language. The derive structs in [`super`] stay the one
//! definition of the arguments; before parsing, their about and help texts, the section
//! headings and the examples heading are replaced with the `help-*` messages of the
//! language `--lang` or the environment asks for. What clap has no setter for (its error
//! messages, `[OPTIONS]`, `<COMMAND>`, value names) stays as clap writes it.
//!
//! The doc comments on the derive structs are only what the bare `Cli::command()` shows:
//! users always see the `help-*` messages, English included. A new argument needs an
//! entry in [`help_id`] and a message in every `locales/*/conndoctor.ftl`; without one
//! it keeps its doc comment, in English.

use super::Outcome;
use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches, Parser};

use super::Cli;
use conndoctor::i18n::{self, Localizer};

/// The language for `--help`, chosen the way every command chooses it: `--lang` (or
/// `--lang=xx`) from the raw arguments, else LC_ALL, LC_MESSAGES, LANG. No notice for an
/// unknown language here: the command prints it once it runs.
pub fn lang_from_args(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> &'static str {
    let mut flag = None;
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = it.next().map(str::to_string);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    i18n::choose(flag.as_deref(), env).0
}

/// Parses the process's arguments, with `--help`, `--version` and error texts in the
/// user's language; exits like `Cli::parse()` on `--help`, `--version` and bad arguments.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    // `--version` alone says the same in every language: print it before clap builds
    // its command tree, which costs more than the rest of the run.
    if let [_, flag] = args.as_slice()
        && (flag == "--version" || flag == "-V")
    {
        println!("conndoctor {}", env!("CARGO_PKG_VERSION"));
        std::process::exit(0);
    }
    // The usual run parses with the plain command: localising every help text costs
    // more than a refused verdict takes. Help, version and errors take the long way.
    let first = match Cli::try_parse_from(&args) {
        Ok(cli) => return cli,
        Err(e) => e,
    };
    // `conndoctor <target> …` is `conndoctor check <target> …`: when no subcommand is
    // named and the first word is no near-miss of one, parse again as `check`.
    if let Some(with_check) = default_to_check(&args, &first)
        && let Ok(cli) = Cli::try_parse_from(&with_check)
    {
        return cli;
    }
    let l = Localizer::new(lang_from_args(&args, |k| std::env::var(k).ok()));
    if let Some(c) = color_from_args(&args) {
        c.apply();
    }
    let retry = default_to_check(&args, &first);
    let args = retry.unwrap_or(args);
    let mut cmd = localized_command(&l);
    match cmd.try_get_matches_from_mut(args) {
        Ok(m) => match Cli::from_arg_matches(&m) {
            Ok(cli) => cli,
            Err(e) => exit_with(e, &mut cmd, &l),
        },
        Err(e) => exit_with(e, &mut cmd, &l),
    }
}

/// The arguments with `check` inserted, when the user meant the bare-target form.
fn default_to_check(args: &[OsString], e: &clap::Error) -> Option<Vec<OsString>> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    if words.iter().any(|w| super::SUBCOMMANDS.contains(w)) {
        return None;
    }
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let Some(ContextValue::String(word)) = e.get(ContextKind::InvalidSubcommand) else {
                return None;
            };
            if looks_like_subcommand_typo(word) {
                return None;
            }
        }
        // A check option before the target (`conndoctor --timeout 5s host:80`).
        ErrorKind::UnknownArgument => {}
        _ => return None,
    }
    let mut v = args.to_vec();
    v.insert(1.min(v.len()), OsString::from("check"));
    Some(v)
}

/// `chek`, `demmo`, `audti`: a plain word close to a subcommand name. Targets have a
/// port, a dot, a slash or brackets, so they never look like this.
fn looks_like_subcommand_typo(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && super::SUBCOMMANDS
            .iter()
            .any(|s| strsim::jaro(word, s) >= 0.8)
}

fn color_from_args(args: &[OsString]) -> Option<super::ColorWhen> {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    let mut found = None;
    while let Some(a) = it.next() {
        let v = if a == "--color" {
            it.next()
        } else {
            a.strip_prefix("--color=")
        };
        found = match v {
            Some("always") => Some(super::ColorWhen::Always),
            Some("never") => Some(super::ColorWhen::Never),
            Some("auto") => Some(super::ColorWhen::Auto),
            _ => found,
        };
    }
    found
}

/// Help and version are printed as clap prints them (from the localized command);
/// every other error gets a message in the user's language, the usage line and exit 2.
fn exit_with(e: clap::Error, cmd: &mut Command, l: &Localizer) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.format(cmd).exit();
    }
    let e = e.format(cmd);
    let _ = std::io::Write::write_all(&mut anstream::stderr(), localized_error(&e, l).as_bytes());
    // clap exits from inside parsing too (`Cli::parse`); the status is still the Outcome's.
    std::process::exit(i32::from(super::outcome::code(Outcome::BadInput)));
}

/// clap's error in `l`'s language: `conndoctor: error: …`, a tip, the usage, a pointer
/// to `--help`. clap has no hook for its texts, so the kinds users meet are rebuilt from
/// the error's context; a rare kind keeps clap's English detail inside our sentence.
pub fn localized_error(e: &clap::Error, l: &Localizer) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = ctx(ContextKind::InvalidArg);
    let msg = match e.kind() {
        ErrorKind::UnknownArgument => l.with("clap-unknown-argument", &[("arg", arg.into())]),
        ErrorKind::InvalidSubcommand => l.with(
            "clap-invalid-subcommand",
            &[("arg", ctx(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::InvalidValue => {
            let value = ctx(ContextKind::InvalidValue);
            if value.is_empty() {
                l.with("clap-missing-value", &[("arg", arg.into())])
            } else {
                l.with(
                    "clap-invalid-value",
                    &[("arg", arg.into()), ("value", value.into())],
                )
            }
        }
        ErrorKind::MissingRequiredArgument => {
            l.with("clap-missing-required", &[("args", arg.into())])
        }
        ErrorKind::ArgumentConflict => l.with(
            "clap-conflict",
            &[
                ("arg", arg.into()),
                ("other", ctx(ContextKind::PriorArg).into()),
            ],
        ),
        ErrorKind::MissingSubcommand => l.text("clap-missing-subcommand"),
        _ => {
            let detail = e
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            l.with("clap-other", &[("detail", detail.into())])
        }
    };
    let mut out = format!("conndoctor: {}: {msg}\n", l.text("app-error"));
    let valid = ctx(ContextKind::ValidValue);
    if !valid.is_empty() {
        out += &format!(
            "  {}\n",
            l.with("clap-possible-values", &[("values", valid.into())])
        );
    }
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "clap-tip-subcommand"),
        (ContextKind::SuggestedArg, "clap-tip-argument"),
        (ContextKind::SuggestedValue, "clap-tip-value"),
    ] {
        let s = ctx(kind);
        if !s.is_empty() {
            out += &format!("\n  {}\n", l.with(id, &[("name", s.into())]));
        }
    }
    let usage = ctx(ContextKind::Usage);
    if !usage.is_empty() {
        let usage = usage.trim_start_matches("Usage:").trim();
        out += &format!("\n{}: {usage}\n", l.text("help-usage"));
    }
    out += &format!("\n{}\n", l.text("clap-more-info"));
    out
}

/// The top-level help on stderr and exit status 2: nothing was asked for.
pub fn print_help(flag: Option<&str>) -> Outcome {
    let l = super::localizer(flag);
    let help = localized_command(&l).render_help();
    let _ = std::io::Write::write_fmt(&mut anstream::stderr(), format_args!("{}", help.ansi()));
    Outcome::BadInput
}

/// `conndoctor completions SHELL`: the completion script on stdout.
pub fn completions(shell: clap_complete::Shell, flag: Option<&str>) -> Outcome {
    let l = super::localizer(flag);
    let mut cmd = localized_command(&l);
    // Into memory first: clap_complete panics when its writer fails (`| head`).
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "conndoctor", &mut buf);
    write_stdout(&buf)
}

/// `conndoctor man`: the manual page (roff) on stdout, in the user's language.
pub fn man_page(flag: Option<&str>) -> Outcome {
    let l = super::localizer(flag);
    let cmd = localized_command(&l);
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buf) {
        return super::internal(&l, &e.to_string());
    }
    write_stdout(&buf)
}

/// A closed pipe (`| head`) is the reader's choice, not a failure.
fn write_stdout(buf: &[u8]) -> Outcome {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(buf).and_then(|()| out.flush());
    Outcome::Ok
}

/// `Cli::command()` with its about texts, argument help and headings in `l`'s language.
pub fn localized_command(l: &Localizer) -> Command {
    let mut cmd = Cli::command();
    // clap adds --help, --version and the `help` subcommand while building; build first
    // so that their texts can be replaced too.
    cmd.build();
    localize(cmd, "", l)
}

fn localize(mut cmd: Command, name: &str, l: &Localizer) -> Command {
    if let Some(id) = about_id(name) {
        cmd = cmd.about(l.text(id));
    }
    let style = *cmd.get_styles().get_usage();
    let usage = format!("{style}{}:{style:#}", l.text("help-usage"));
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(l.text("help-commands"));
    let examples = cmd
        .get_after_help()
        .and_then(|a| a.to_string().strip_prefix("Examples:").map(str::to_string));
    if let Some(rest) = examples {
        cmd = cmd.after_help(format!("{}:{rest}", l.text("help-examples")));
    }
    // In place: after `build`, clap's argument index must keep its order.
    cmd.mut_args(|a| localize_arg(a, name, l))
        .mut_subcommands(|s| {
            let sub = s.get_name().to_string();
            localize(s, &sub, l)
        })
}

fn localize_arg(a: Arg, cmd: &str, l: &Localizer) -> Arg {
    let heading = if a.is_positional() {
        "help-arguments"
    } else {
        "help-options"
    };
    let a = a.help_heading(l.text(heading));
    let Some(id) = help_id(cmd, a.get_id().as_str()) else {
        return a;
    };
    if id == "help-concurrency" {
        // The message says the default itself: clap would append it in English.
        let default = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        return a
            .hide_default_value(true)
            .help(l.with(id, &[("default", default.into())]));
    }
    a.help(l.text(id))
}

/// The about text of each (sub)command, by name (`""` is the top level).
fn about_id(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "" => "help-about",
        "check" => "help-check-about",
        "demo" => "help-demo-about",
        "serve" => "help-serve-about",
        "explain" => "help-explain-about",
        "audit" => "help-audit-about",
        "exporter" => "help-exporter-about",
        "help" => "help-help-about",
        "completions" => "help-completions-about",
        "man" => "help-man-about",
        _ => return None,
    })
}

/// The help text of argument `arg` of command `cmd`. Flags every command has share one
/// message; the others are looked up per command, so that a subcommand added later with
/// an argument of the same name keeps its own (English) text rather than a wrong one.
fn help_id(cmd: &str, arg: &str) -> Option<&'static str> {
    let check = matches!(cmd, "check" | "demo");
    Some(match (cmd, arg) {
        (_, "help") => "help-help",
        (_, "version") => "help-version",
        (_, "lang") => "help-lang",
        (_, "json") => "help-json",
        (_, "color") => "help-color",
        ("completions", "shell") => "help-completions-shell",
        ("exporter", "listen") => "help-exporter-listen",
        ("exporter", "config") => "help-exporter-config",
        ("exporter", "check_config") => "help-exporter-check-config",
        (_, "targets") if check => "help-target",
        (_, "file") if check => "help-file",
        (_, "concurrency") if check => "help-concurrency",
        ("check", "html") => "help-html",
        (_, "timeout") if check => "help-timeout",
        (_, "no_side_probes") if check => "help-no-side-probes",
        (_, "origin") if check => "help-origin",
        (_, "subprotocol") if check => "help-subprotocol",
        (_, "headers") if check => "help-header",
        (_, "insecure") if check => "help-insecure",
        (_, "expect_token") if check => "help-expect-token",
        (_, "expect_ip") if check => "help-expect-ip",
        (_, "no_trace") if check => "help-no-trace",
        ("serve", "listen") => "help-serve-listen",
        ("serve", "tls") => "help-serve-tls",
        ("serve", "cert") => "help-serve-cert",
        ("serve", "key") => "help-serve-key",
        ("serve", "token") => "help-serve-token",
        ("serve", "strict_path") => "help-serve-strict-path",
        ("serve", "allow_origin") => "help-serve-allow-origin",
        ("serve", "subprotocols") => "help-serve-subprotocol",
        ("explain", "message") => "help-explain-message",
        ("explain", "check") => "help-explain-check",
        ("explain", "timeout") => "help-explain-timeout",
        ("audit", "target") => "help-audit-target",
        ("audit", "sysroot") => "help-audit-sysroot",
        ("audit", "timeout") => "help-audit-timeout",
        ("audit", "from") => "help-audit-from",
        ("audit", "watch") => "help-audit-watch",
        ("audit", "duration") => "help-audit-duration",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn language_from_flag_then_environment() {
        let env = |k: &str| (k == "LANG").then(|| "ja_JP.UTF-8".to_string());
        let none = |_: &str| None;
        assert_eq!(lang_from_args(&args(&["cd", "--help"]), env), "ja");
        assert_eq!(
            lang_from_args(&args(&["cd", "check", "--lang", "ru", "-h"]), env),
            "ru"
        );
        assert_eq!(
            lang_from_args(&args(&["cd", "--lang=ar", "-h"]), none),
            "ar"
        );
        assert_eq!(lang_from_args(&args(&["cd", "--lang", "xx"]), env), "en");
        assert_eq!(
            lang_from_args(&args(&["cd", "--", "--lang", "ru"]), none),
            "en"
        );
    }

    #[test]
    fn every_language_builds_a_consistent_command() {
        for (tag, _) in i18n::LOCALES {
            let l = Localizer::new(tag);
            localized_command(&l).debug_assert();
            let mut cmd = localized_command(&l);
            let help = cmd.render_help().to_string();
            assert!(!help.contains('⟦'), "{tag}: {help}");
            for sub in ["check", "demo", "serve", "explain", "audit"] {
                let s = cmd.find_subcommand_mut(sub).expect("subcommand");
                let help = s.render_help().to_string();
                assert!(!help.contains('⟦'), "{tag} {sub}: {help}");
            }
        }
    }

    #[test]
    fn parses_like_the_derived_parser() {
        let l = Localizer::new("zh-CN");
        let m = localized_command(&l)
            .try_get_matches_from(["conndoctor", "check", "127.0.0.1:1", "--json"])
            .expect("valid arguments");
        let cli = Cli::from_arg_matches(&m).expect("matches");
        assert!(matches!(cli.cmd, Some(super::super::Cmd::Check(_))) && cli.global.json);
    }

    /// `--help` of the top level and of `check`, as clap renders it without colour.
    #[test]
    fn help_in_english_and_russian() {
        for lang in ["en", "ru"] {
            let mut cmd = localized_command(&Localizer::new(lang));
            let top = cmd.render_help().to_string();
            let check = cmd
                .find_subcommand_mut("check")
                .expect("the check subcommand")
                .render_help()
                .to_string();
            let out = format!("$ conndoctor --help\n{top}\n$ conndoctor check --help\n{check}");
            assert!(!out.contains('⟦'), "[{lang}]: missing message\n{out}");
            assert!(!out.contains('\u{1b}'), "[{lang}]: escape sequence\n{out}");
            insta::with_settings!({
                snapshot_suffix => lang,
                description => format!("conndoctor --help and conndoctor check --help in {lang}"),
                omit_expression => true,
                prepend_module_to_snapshot => false,
            }, {
                insta::assert_snapshot!("help", out);
            });
        }
    }
}
