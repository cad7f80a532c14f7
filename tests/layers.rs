//! The workspace's crates are the stages of the flow, lowest first. A crate may depend
//! on lower ones only: this test reads `cargo metadata` and fails on any dependency
//! that points up (or on a workspace crate missing from the list).

use std::process::Command;

use serde_json::Value;

/// Each workspace crate and its level, lowest first. A dependency must point to a
/// strictly lower level: rules and probes share one, so neither can use the other
/// (rules stay pure; probes gather without judging).
const LAYERS: &[(&str, u8)] = &[
    ("conndoctor-model", 0),
    ("conndoctor-rules", 1),
    ("conndoctor-probe", 1),
    ("conndoctor-render", 2),
    ("conndoctor", 3),
];

#[test]
fn no_crate_depends_on_a_higher_one() {
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
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
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
        for d in p["dependencies"].as_array().expect("dependencies") {
            let dep = d["name"].as_str().expect("dependency name");
            if let Some(theirs) = layer(dep) {
                assert!(
                    theirs < mine,
                    "{name} (level {mine}) depends on {dep} (level {theirs}): dependencies must point to a lower level"
                );
            }
        }
    }
    // The model is plain data: no I/O crates (serde_json: the firewall model parses the
    // JSON text `nft -j` printed, which a probe read).
    let model = packages
        .iter()
        .find(|p| p["name"] == "conndoctor-model")
        .expect("model crate");
    for d in model["dependencies"].as_array().expect("dependencies") {
        let dep = d["name"].as_str().unwrap_or_default();
        assert!(
            ["serde", "serde_json", "thiserror"].contains(&dep),
            "conndoctor-model depends on {dep}: the model layer does no I/O"
        );
    }
}
