//! Loopback integration tests (ARCHITECTURE.md, "Testing tiers", tier 2): the real
//! binary against real listeners that each test starts itself on 127.0.0.1.
//!
//! Only loopback addresses are ever contacted. Nothing here asserts timings.

mod support;

use std::io::ErrorKind;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::time::Duration;

use serde_json::Value;
use socket2::{Domain, Socket, Type};
use support::{Run, cause_ids, command, run, run_command, run_env};

/// A port on 127.0.0.1 where nothing listens, and that nothing else can take while
/// the returned socket lives: it is bound (without SO_REUSEADDR) but never listens, so
/// a SYN to it is answered by a RST.
fn closed_port() -> (Socket, u16) {
    let s = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
    s.bind(&any.into()).expect("bind 127.0.0.1:0");
    let port = s
        .local_addr()
        .expect("local_addr")
        .as_socket()
        .expect("inet address")
        .port();
    (s, port)
}

fn listener() -> (TcpListener, SocketAddr) {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let a = l.local_addr().expect("local_addr");
    (l, a)
}

// ---------------------------------------------------------------- verdicts

#[test]
fn open_port_is_ok() {
    let (_l, addr) = listener();
    let target = addr.to_string();
    let r = run(&["check", &target, "--json"]);
    assert_eq!(r.code, Some(0));
    let v = r.json();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["symptom"], "ok");
    assert_eq!(v["ok"], true);
    assert!(cause_ids(&v).is_empty());
    assert_eq!(v["attempts"][0]["addr"], target.as_str());
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "connected");
}

#[test]
fn closed_port_is_refused_not_listening() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let r = run(&["check", &target, "--json"]);
    assert_eq!(r.code, Some(1));
    let v = r.json();
    assert_eq!(v["symptom"], "refused");
    assert_eq!(v["ok"], false);
    assert_eq!(cause_ids(&v)[0], "refused.not-listening");
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "refused");
    assert!(
        v["attempts"][0]["icmp"].is_null(),
        "a RST carries no ICMP report"
    );
}

#[test]
fn loopback_only_listener_reached_via_127_0_0_2() {
    let (_l, addr) = listener();
    let target = format!("127.0.0.2:{}", addr.port());
    let r = run(&["check", &target, "--json"]);
    assert_eq!(r.code, Some(1));
    let v = r.json();
    assert_eq!(v["symptom"], "refused");
    assert_eq!(cause_ids(&v)[0], "refused.loopback-only");
    let cause = &v["causes"][0];
    let bound = addr.to_string();
    assert_eq!(cause["args"]["bound"], bound.as_str());
    assert!(
        cause["evidence"]
            .to_string()
            .contains(&format!("127.0.0.1:{}", addr.port())),
        "evidence names the loopback listener: {}",
        cause["evidence"]
    );
}

#[test]
fn full_accept_queue_times_out() {
    // Backlog 0 holds exactly one connection; the parked client fills it and the
    // listener never accepts, so the kernel drops every further SYN.
    let s = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
    let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
    s.bind(&any.into()).expect("bind");
    s.listen(0).expect("listen");
    let addr = s.local_addr().unwrap().as_socket().unwrap();
    let _parked = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).expect("park");

    let target = format!("tcp://{addr}");
    let r = run(&["check", &target, "--json", "--timeout", "1s"]);
    assert_eq!(r.code, Some(1));
    let v = r.json();
    assert_eq!(v["symptom"], "timeout");
    assert_eq!(v["attempts"][0]["outcome"]["kind"], "timed-out");
    assert_eq!(cause_ids(&v)[0], "timeout.accept-queue-full");
    // Our own dropped SYN raised TcpExtListenOverflows (a namespace-wide counter, so
    // other activity can only add to it).
    assert_eq!(v["causes"][0]["confidence"], "high");
    assert_eq!(v["causes"][0]["args"]["addr"], addr.to_string().as_str());
    assert_eq!(v["causes"][0]["args"]["queued"], 1.0);
    drop(s);
}

// ---------------------------------------------------------------- bad input

/// Bad input: exit 2, nothing on stdout, an explanation and examples on stderr.
fn assert_bad_input(args: &[&str], mentions: &str) {
    let r = run(args);
    assert_eq!(r.code, Some(2), "exit status for {args:?}");
    assert!(r.stdout.is_empty(), "stdout must stay empty for {args:?}");
    assert!(
        r.stderr.contains("examples:"),
        "stderr shows examples for {args:?}"
    );
    assert!(
        r.stderr.lines().count() >= 2,
        "stderr explains the error and then shows examples for {args:?}"
    );
    assert!(
        r.stderr.contains(mentions),
        "stderr for {args:?} mentions {mentions:?}"
    );
}

#[test]
fn bad_targets_exit_2_with_examples() {
    assert_bad_input(&["check", ""], "conndoctor");
    assert_bad_input(&["check", "foo bar"], "conndoctor");
    assert_bad_input(&["check", "ws://:99999"], "conndoctor");
    assert_bad_input(&["check", "ftp://x:1"], "ftp");
    assert_bad_input(&["check", "h:0"], "\"0\"");
    assert_bad_input(&["check", "127.0.0.1:1", "--timeout", "soon"], "soon");
    assert_bad_input(&["127.0.0.1:1", "--timeout", "soon"], "soon");
}

#[test]
fn bad_input_probes_nothing() {
    // A live listener: had the binary probed it, the connection would sit in its
    // accept queue afterwards.
    let (l, addr) = listener();
    l.set_nonblocking(true).unwrap();
    let target = addr.to_string();
    let with_path = format!("{addr}/path");
    assert_bad_input(&["check", &target, "--timeout", "soon"], "soon");
    assert_bad_input(&["check", &target, "--timeout", "0"], "\"0\"");
    assert_bad_input(&["check", &with_path], "conndoctor");
    match l.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        Ok((_, peer)) => panic!("bad input still connected to the target (from {peer})"),
        Err(e) => panic!("accept: {e}"),
    }
}

// ---------------------------------------------------------------- CLI shapes

#[test]
fn bare_target_works_like_check() {
    let (_l, addr) = listener();
    let target = addr.to_string();
    let r = run(&[&target, "--json"]);
    assert_eq!(r.code, Some(0));
    let v = r.json();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["symptom"], "ok");

    let (_held, port) = closed_port();
    let closed = format!("127.0.0.1:{port}");
    let r = run(&[&closed, "--json"]);
    assert_eq!(r.code, Some(1));
    assert_eq!(cause_ids(&r.json())[0], "refused.not-listening");
}

#[test]
fn json_has_the_documented_shape() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let r = run(&["check", &target, "--json"]);
    let v = r.json();
    assert!(v.is_object());
    assert_eq!(v["schema"], 1);
    for key in [
        "target",
        "symptom",
        "ok",
        "causes",
        "warnings",
        "resolution",
        "attempts",
        "side_probes",
        "local",
        "timings",
    ] {
        assert!(v.get(key).is_some(), "missing top-level key {key:?}");
    }
    let a = &v["attempts"][0];
    assert_eq!(a["addr"], target.as_str());
    assert!(a["elapsed_ms"].is_number());
    assert!(a.get("icmp").is_some() && a.get("syn_retransmits").is_some());
    let c = &v["causes"][0];
    assert!(["high", "medium", "low"].contains(&c["confidence"].as_str().unwrap()));
    assert!(c["message"].is_string());
    assert!(c["fix"]["id"].is_string() && c["fix"]["message"].is_string());
    for e in c["evidence"].as_array().unwrap() {
        assert!(e["id"].is_string() && e["message"].is_string() && e["args"].is_object());
    }
}

#[test]
fn human_output_has_no_ansi_when_piped() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let r = run(&["check", &target]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.contains("refused.not-listening"));
    assert!(!r.stdout.contains('\x1b'), "ANSI escape in piped output");
    assert!(!r.stderr.contains('\x1b'), "ANSI escape in piped stderr");
}

#[test]
fn no_color_wins_even_when_colour_is_forced() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let args = ["check", target.as_str()];

    // Control: forced colour does produce escapes, so the checks below mean something.
    let forced = run_env(&args, &[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.stdout.contains('\x1b'),
        "CLICOLOR_FORCE=1 adds colour"
    );

    let plain = run_env(&args, &[("NO_COLOR", "1")]);
    assert_eq!(plain.code, Some(1));
    assert!(!plain.stdout.contains('\x1b'));

    let both = run_env(&args, &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
    assert!(
        !both.stdout.contains('\x1b'),
        "NO_COLOR beats CLICOLOR_FORCE"
    );
}

#[test]
fn demo_shows_every_verdict() {
    let r = run(&["demo"]);
    assert_eq!(r.code, Some(0));
    for needle in [
        "the connection works",
        "refused.not-listening",
        "refused.loopback-only",
        "timeout.accept-queue-full",
    ] {
        assert!(r.stdout.contains(needle), "demo output lacks {needle:?}");
    }
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn demo_json_is_one_report_per_case() {
    let r = run(&["demo", "--json"]);
    assert_eq!(r.code, Some(0));
    let mut reports = Vec::new();
    for v in serde_json::Deserializer::from_str(&r.stdout).into_iter::<Value>() {
        match v.expect("demo --json prints JSON") {
            Value::Array(a) => reports.extend(a),
            v => reports.push(v),
        }
    }
    assert!(reports.len() >= 4, "one report per demo case");
    assert!(reports.iter().all(|v| v["schema"] == 1));
    let firsts: Vec<String> = reports
        .iter()
        .map(|v| {
            cause_ids(v)
                .first()
                .cloned()
                .unwrap_or_else(|| v["symptom"].as_str().unwrap().to_string())
        })
        .collect();
    for id in [
        "ok",
        "refused.not-listening",
        "refused.loopback-only",
        "timeout.accept-queue-full",
    ] {
        assert!(
            firsts.iter().any(|f| f == id),
            "{id} missing from {firsts:?}"
        );
    }
}

// ---------------------------------------------------------------- fd exhaustion

/// Runs a check under RLIMIT_NOFILE = `limit` (soft limit; the hard one is kept).
fn run_with_nofile(limit: u64, args: &[&str]) -> Run {
    let mut c = command(args);
    // SAFETY: setrlimit is async-signal-safe, and the closure touches nothing but its
    // own copied integer and a stack value.
    unsafe {
        c.pre_exec(move || {
            let mut rl = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut rl) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            rl.rlim_cur = limit.min(rl.rlim_max);
            if libc::setrlimit(libc::RLIMIT_NOFILE, &rl) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    run_command(args, c, None)
}

/// Runs the binary with ever more descriptors. How many the runtime itself needs
/// depends on tokio and on inherited descriptors, so no fixed limit is assumed; what
/// must hold is the order of the outcomes: too few to start (exit 3, or the loader
/// failing), then a `local.fd-exhausted` diagnosis, then a working connection. No
/// limit may ever produce a verdict that blames the target.
#[test]
fn fd_exhaustion_is_a_local_problem() {
    let (_l, addr) = listener();
    let target = addr.to_string();
    // Without side probes the main connect is the only socket, so the outcome at each
    // limit does not depend on the order the runtime runs its tasks in.
    let args = [
        "check",
        target.as_str(),
        "--json",
        "--timeout",
        "1s",
        "--no-side-probes",
    ];
    let mut exhausted_at = None;
    let mut ok_at = None;
    for limit in 3..=64u64 {
        let r = run_with_nofile(limit, &args);
        match r.code {
            // Too few descriptors to load the binary or build the runtime: before any
            // probe, and reported as conndoctor's own failure.
            Some(127 | 3) => {
                assert!(
                    exhausted_at.is_none(),
                    "limit {limit}: exit {:?} after a diagnosis",
                    r.code
                );
                assert!(r.stdout.is_empty());
                continue;
            }
            Some(1) => {
                let v = r.json();
                assert_eq!(v["symptom"], "local", "limit {limit}");
                assert_eq!(cause_ids(&v), ["local.fd-exhausted"], "limit {limit}");
                assert_eq!(v["attempts"][0]["outcome"]["kind"], "fd-exhausted");
                let cause = &v["causes"][0];
                assert_eq!(cause["confidence"], "high");
                assert_eq!(cause["args"]["soft"], limit as f64, "limit {limit}");
                exhausted_at.get_or_insert(limit);
            }
            Some(0) => {
                assert_eq!(r.json()["symptom"], "ok");
                ok_at = Some(limit);
                break;
            }
            other => panic!("limit {limit}: unexpected exit {other:?}"),
        }
    }
    let exhausted_at = exhausted_at.expect("no descriptor limit led to local.fd-exhausted");
    let ok_at = ok_at.expect("the check never succeeded, even with 64 descriptors");
    eprintln!("fd-exhausted from limit {exhausted_at}, connected from {ok_at}");
}

/// A target list that cannot be opened because the descriptors ran out is this
/// process's limit, not a bad list: never exit 2 ("fix your input") for it.
#[test]
fn list_unreadable_for_lack_of_descriptors_is_a_local_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("targets.txt");
    std::fs::write(&list, "127.0.0.1:1\n").expect("write list");
    let list = list.to_string_lossy().into_owned();
    let mut saw_limit = false;
    for limit in 3..=64u64 {
        let r = run_with_nofile(limit, &["check", "-f", &list, "--json"]);
        match r.code {
            Some(127) => continue,
            Some(3) if r.stderr.contains("targets.txt") => {
                assert!(
                    r.stderr.contains("ulimit -n"),
                    "limit {limit}: no fix named: {}",
                    r.describe()
                );
                saw_limit = true;
            }
            Some(3) => continue,
            Some(c) => {
                assert_ne!(c, 2, "limit {limit}: called bad input: {}", r.describe());
                break;
            }
            None => panic!("limit {limit}: killed: {}", r.describe()),
        }
    }
    assert!(saw_limit, "no limit made the list unreadable with EMFILE");
}

// ---------------------------------------------------------------- the front door

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    for args in [
        vec!["--json", "check", target.as_str()],
        vec!["check", target.as_str(), "--json"],
        vec!["--json", target.as_str()],
        vec!["--timeout", "2s", target.as_str(), "--json"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, Some(1), "{}", r.describe());
        assert_eq!(r.json()["symptom"], "refused", "{args:?}");
    }
    let r = run(&["--lang", "ru", "check", &target]);
    assert_eq!(r.code, Some(1), "{}", r.describe());
    assert!(r.stdout.contains("Цель"), "Russian report: {}", r.stdout);
    let r = run(&["--lang", "ar", "audit", "-h"]);
    assert_eq!(r.code, Some(0), "{}", r.describe());
    assert!(
        r.stdout.contains("conndoctor audit") && r.stdout.contains("الاستخدام"),
        "the audit help, in Arabic: {}",
        r.stdout
    );
}

#[test]
fn a_mistyped_subcommand_gets_a_suggestion_and_probes_nothing() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let r = run(&["chek", &target]);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert!(r.stdout.is_empty(), "nothing was checked: {}", r.stdout);
    assert!(r.stderr.contains("'chek'"), "{}", r.stderr);
    assert!(r.stderr.contains("'check'"), "{}", r.stderr);
    let r = run(&["--lang", "ja", "chek", &target]);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert!(
        r.stderr.contains("サブコマンド") && r.stderr.contains("'check'"),
        "clap's error in Japanese: {}",
        r.stderr
    );
}

#[test]
fn argument_errors_are_in_the_users_language() {
    for (lang, word) in [
        ("en", "unexpected argument '--bogus'"),
        ("zh-CN", "无法识别的参数 '--bogus'"),
        ("ru", "неожиданный аргумент '--bogus'"),
        ("vi", "tham số không mong đợi '--bogus'"),
        ("th", "อาร์กิวเมนต์ที่ไม่คาดคิด '--bogus'"),
        ("ar", "وسيط غير متوقع '--bogus'"),
    ] {
        let r = run(&["--lang", lang, "check", "127.0.0.1:1", "--bogus"]);
        assert_eq!(r.code, Some(2), "{}", r.describe());
        // Fluent isolates the value inside right-to-left text.
        let stderr = r.stderr.replace(['\u{2068}', '\u{2069}'], "");
        assert!(stderr.contains(word), "{lang}: {stderr}");
        assert!(r.stdout.is_empty());
    }
    let r = run(&["check", "127.0.0.1:1", "--color", "purple"]);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert!(
        r.stderr.contains("auto, always, never"),
        "the valid values: {}",
        r.stderr
    );
}

#[test]
fn nothing_given_prints_help() {
    for args in [vec![], vec!["serve"], vec!["check"], vec!["completions"]] {
        let r = run(&args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.describe());
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(
            all.contains("Usage:"),
            "{args:?}: help, not an error: {all}"
        );
        assert!(!all.contains("no target"), "{args:?}: {all}");
    }
}

#[test]
fn colour_follows_the_color_option() {
    let (_held, port) = closed_port();
    let target = format!("127.0.0.1:{port}");
    let always = run(&["check", &target, "--color", "always"]);
    assert!(always.stdout.contains('\u{1b}'), "{}", always.stdout);
    let never = run(&["--color=never", "check", &target]);
    assert!(!never.stdout.contains('\u{1b}'), "{}", never.stdout);
    assert_eq!(
        always.stdout.lines().count(),
        never.stdout.lines().count(),
        "same report"
    );
}

#[test]
fn shell_completions_and_man_page() {
    let r = run(&["completions", "bash"]);
    assert_eq!(r.code, Some(0), "{}", r.describe());
    for sub in ["check", "audit", "explain", "exporter", "--lang", "--json"] {
        assert!(r.stdout.contains(sub), "bash completion knows {sub}");
    }
    let path = std::env::temp_dir().join(format!("conndoctor-completion-{}", std::process::id()));
    std::fs::write(&path, &r.stdout).expect("write completion");
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .expect("bash");
    let _ = std::fs::remove_file(&path);
    assert!(syntax.success(), "bash accepts the script");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, Some(0), "{shell}: {}", r.describe());
        assert!(r.stdout.contains("explain"), "{shell}");
    }
    let r = run(&["man"]);
    assert_eq!(r.code, Some(0), "{}", r.describe());
    assert!(r.stdout.contains(".TH conndoctor 1"), "{}", r.stdout);
    assert!(r.stdout.contains("Tells why a client cannot connect"));
    let ru = run(&["man", "--lang", "ru"]);
    assert!(ru.stdout.contains(".TH conndoctor 1"));
    assert_ne!(ru.stdout, r.stdout, "the man page follows --lang");
}

/// In a terminal the progress bar draws on stderr; the results must still be on stdout,
/// so that `conndoctor check -f list > out.txt` keeps them.
#[test]
fn batch_results_go_to_stdout_even_with_a_progress_bar() {
    let (_held, port) = closed_port();
    let list = format!("127.0.0.1:{port}\n127.0.0.1:{port}\n");
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut c = command(&["check", "-f", "-"]);
    c.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::from(std::fs::File::from(pty.slave)));
    let mut child = c.spawn().expect("run conndoctor");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(list.as_bytes()).expect("write list");
    }
    let o = child.wait_with_output().expect("wait");
    drop(pty.master);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    let results = stdout
        .lines()
        .filter(|l| l.starts_with('✗') && l.contains(&format!("127.0.0.1:{port}")))
        .count();
    assert_eq!(results, 2, "both results on stdout: {stdout}");
}
