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

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches, Parser};

use super::Cli;
use crate::i18n::{self, Localizer};

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

/// Parses the process's arguments, with `--help` and `--version` texts in the user's
/// language; exits like `Cli::parse()` on `--help`, `--version` and bad arguments.
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
    if let Ok(cli) = Cli::try_parse_from(&args) {
        return cli;
    }
    let l = Localizer::new(lang_from_args(&args, |k| std::env::var(k).ok()));
    let matches = localized_command(&l).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut localized_command(&l)).exit())
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
        _ => return None,
    })
}

/// The help text of argument `arg` of command `cmd`. Flags every command has share one
/// message; the others are looked up per command, so that a subcommand added later with
/// an argument of the same name keeps its own (English) text rather than a wrong one.
fn help_id(cmd: &str, arg: &str) -> Option<&'static str> {
    let check = matches!(cmd, "" | "check" | "demo");
    Some(match (cmd, arg) {
        (_, "help") => "help-help",
        (_, "version") => "help-version",
        (_, "lang") => "help-lang",
        (_, "json") => "help-json",
        (_, "targets") if check => "help-target",
        (_, "file") if check => "help-file",
        (_, "concurrency") if check => "help-concurrency",
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
        ("explain", "message") => "help-explain-message",
        ("explain", "check") => "help-explain-check",
        ("explain", "timeout") => "help-explain-timeout",
        ("audit", "target") => "help-audit-target",
        ("audit", "sysroot") => "help-audit-sysroot",
        ("audit", "timeout") => "help-audit-timeout",
        ("audit", "from") => "help-audit-from",
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
        assert!(matches!(cli.cmd, Some(super::super::Cmd::Check(ref a)) if a.common.json));
    }
}
