//! The workspace's crates are the stages of the flow, lowest first. A crate may depend
//! on lower ones only: this test reads `cargo metadata` and fails on any dependency
//! that points up (or on a workspace crate missing from the list). Only the command
//! line knows clap, and the library crates' sources never write to the terminal,
//! read configuration from the environment or end the process.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Each workspace crate and its level, lowest first. A dependency must point to a
/// strictly lower level: rules and probes share one, so neither can use the other
/// (rules stay pure; probes gather without judging).
const LAYERS: &[(&str, u8)] = &[
    // Data: targets, evidence, findings, the cause table, the audit's data.
    ("conndoctor-model", 0),
    // Pure rules, and the gatherers (client- and server-side).
    ("conndoctor-rules", 1),
    ("conndoctor-probe", 1),
    // Text for people and machines (i18n, reports); shows what rules built.
    ("conndoctor-render", 2),
    // The library facade (`use conndoctor::…`): runs commands, returns outcomes.
    ("conndoctor-lib", 3),
    // The `conndoctor` binary: clap, environment, terminal, exit statuses.
    ("conndoctor", 4),
];

/// Dependencies the levels alone would allow but the flow does not.
const FORBIDDEN: &[(&str, &str, &str)] = &[(
    "conndoctor-render",
    "conndoctor-probe",
    "renderers show evidence; they never gather it",
)];

/// The crate that alone parses the command line.
const CLI: &str = "conndoctor";
const CLI_ONLY: &[&str] = &["clap", "clap_complete", "clap_mangen"];

fn metadata() -> Value {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("metadata JSON")
}

fn deps(p: &Value) -> Vec<&str> {
    p["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        .map(|d| d["name"].as_str().expect("dependency name"))
        .collect()
}

#[test]
fn no_crate_depends_on_a_higher_one() {
    let meta = metadata();
    let packages = meta["packages"].as_array().expect("packages");
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    for n in &names {
        assert!(
            LAYERS.iter().any(|(l, _)| l == n),
            "workspace crate {n} has no layer in tests/layers.rs"
        );
    }
    let layer = |n: &str| LAYERS.iter().find(|(l, _)| *l == n).map(|(_, lv)| *lv);
    for p in packages {
        let name = p["name"].as_str().expect("name");
        let mine = layer(name).expect("layer");
        for dep in deps(p) {
            if let Some(theirs) = layer(dep) {
                assert!(
                    theirs < mine,
                    "{name} (level {mine}) depends on {dep} (level {theirs}): dependencies must point to a lower level"
                );
            }
            for (from, to, why) in FORBIDDEN {
                assert!(
                    !(name == *from && dep == *to),
                    "{name} depends on {dep}: {why}"
                );
            }
            assert!(
                name == CLI || !CLI_ONLY.contains(&dep),
                "{name} depends on {dep}: only the command line ({CLI}) parses arguments"
            );
        }
    }
    // The model is plain data: no I/O crates (serde_json: the firewall model parses the
    // JSON text `nft -j` printed, which a probe read).
    let model = packages
        .iter()
        .find(|p| p["name"] == "conndoctor-model")
        .expect("model crate");
    for dep in deps(model) {
        assert!(
            ["serde", "serde_json", "thiserror"].contains(&dep),
            "conndoctor-model depends on {dep}: the model layer does no I/O"
        );
    }
}

/// What only the command line does: read and write the terminal, end the process,
/// read configuration from the environment.
const CLI_ONLY_CODE: &[&str] = &[
    "println!",
    "print!(",
    "eprintln!",
    "eprint!(",
    "io::stdout",
    "io::stderr",
    "io::stdin",
    "IsTerminal",
    "anstream::stdout",
    "anstream::stderr",
    "process::exit",
    "env::var",
    "clap::",
];

/// Where a library crate legitimately uses one of them, and why.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/probe/src/lib.rs",
        "env::var",
        "the proxy variables (HTTP_PROXY, NO_PROXY…) are evidence: the client being diagnosed reads them too",
    ),
    (
        "crates/probe/src/audit/cmd.rs",
        "env::var",
        "PATH, to find nft and iptables-save where the administrator's shell would",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_the_command_line_touches_the_terminal_and_the_environment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("crates/conndoctor/src/lib.rs")),
        "the library crates were not found under crates/"
    );
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).expect("under the root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        // A build script runs in cargo, at compile time, and talks to cargo through
        // println! and environment variables: it is not library code.
        if rel.ends_with("/build.rs") {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for pat in CLI_ONLY_CODE {
                if code.contains(pat)
                    && !ALLOWED.iter().any(|(file, p, _)| *file == rel && p == pat)
                {
                    found.push(format!("{rel}:{}: {pat}: {}", n + 1, code));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "library code that belongs in the command line (src/cli*), or in ALLOWED with a reason:\n{}",
        found.join("\n")
    );
}
