//! `cause::ALL` is the one list of cause ids: the README table is generated from it,
//! every locale has its title and fix, and the source names no other id.
//!
//! `CONNDOCTOR_BLESS=1 cargo test --test causes` rewrites the README's table.

use std::path::{Path, PathBuf};

use conndoctor::cause::{self, ALL};
use conndoctor::i18n::LOCALES;

const BEGIN: &str = "<!-- causes:begin (generated from src/cause.rs by tests/causes.rs) -->\n";
const END: &str = "<!-- causes:end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn readme_table_is_generated_from_the_cause_table() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(BEGIN)
        .expect("README has the causes:begin marker")
        + BEGIN.len();
    let end = readme[start..].find(END).expect("causes:end marker") + start;
    let want = cause::markdown_table();
    if readme[start..end] != want {
        if std::env::var_os("CONNDOCTOR_BLESS").is_some() {
            let new = format!("{}{want}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, new).expect("write README.md");
        } else {
            panic!(
                "README's cause table is out of date; run CONNDOCTOR_BLESS=1 cargo test --test causes\nwant:\n{want}"
            );
        }
    }
}

#[test]
fn every_cause_has_a_title_and_a_fix_in_every_language() {
    let mut missing = Vec::new();
    for (tag, _) in LOCALES {
        let dir = root().join("locales").join(tag);
        let mut text = String::new();
        for e in std::fs::read_dir(&dir).expect("locale dir").flatten() {
            text += &std::fs::read_to_string(e.path()).expect("read ftl");
            text.push('\n');
        }
        let defined: std::collections::BTreeSet<&str> = text
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim_end()))
            .collect();
        for c in ALL {
            let key = c.id.replace('.', "-");
            for id in [format!("cause-{key}"), format!("fix-{key}")] {
                if !defined.contains(id.as_str()) {
                    missing.push(format!("{tag}: {id}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}

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

/// A string literal shaped like a cause id (`"group.name"` with a known group).
fn cause_literals(src: &str) -> Vec<&str> {
    const GROUPS: &[&str] = &[
        "refused.",
        "timeout.",
        "unreachable.",
        "addr-not-avail.",
        "dns.",
        "reset.",
        "mismatch.",
        "tls.",
        "local.",
        "proxy.",
        "watch.",
    ];
    src.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            GROUPS.iter().any(|g| s.starts_with(g))
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b"-.".contains(&b))
                && s.matches('.').count() == 1
                && !s.ends_with('.')
        })
        .collect()
}

#[test]
fn the_source_names_no_cause_outside_the_table() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("crates"), &mut files);
    let mut unknown = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("read source");
        for id in cause_literals(&src) {
            if cause::find(id).is_none() {
                unknown.push(format!("{}: {id}", f.display()));
            }
        }
    }
    let data =
        std::fs::read_to_string(root().join("data/explain/patterns.toml")).expect("patterns");
    // Family ids share the shape; only what `causes` lists are cause ids (the loader
    // checks those too, this keeps the message in one place).
    let listed: String = data
        .lines()
        .filter(|l| l.trim_start().starts_with("causes") || l.trim_start().starts_with('"'))
        .filter(|l| !l.trim_start().starts_with("id"))
        .collect::<Vec<_>>()
        .join("\n");
    for id in cause_literals(&listed) {
        if cause::find(id).is_none() {
            unknown.push(format!("patterns.toml: {id}"));
        }
    }
    assert!(
        unknown.is_empty(),
        "ids not in cause::ALL:\n{}",
        unknown.join("\n")
    );
}
