//! Writes the locale table and an index of every message's place in the Fluent files
//! (`$OUT_DIR/locales.rs`), so a run looks a message up with a binary search instead
//! of scanning 75 KB of text per language at start-up: a refused `check` formats a
//! dozen messages, and the scan was the largest piece of its user time.

#[path = "src/ftl_cut.rs"]
mod ftl_cut;

use std::fmt::Write;

/// English first: the reference and the fallback.
const LANGS: &[&str] = &["en", "zh-CN", "th", "vi", "ru", "ja", "ar"];
/// Every language has these `.ftl` files, with the same message ids (tests/locales.rs).
const FILES: &[&str] = &[
    "conndoctor",
    "explain",
    "audit",
    "exporter",
    "html",
    "watch",
];

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let mut out = String::new();
    out.push_str("/// (language tag, Fluent sources), compiled in.\n");
    out.push_str("pub const LOCALES: &[(&str, &[&str])] = &[\n");
    let mut index = String::from(
        "/// Per language (in `LOCALES` order): (message id, file, start, end), by id.\n\
         static INDEX: &[&[(&str, u8, u32, u32)]] = &[\n",
    );
    for lang in LANGS {
        let _ = write!(out, "    ({lang:?}, &[");
        let mut entries = std::collections::BTreeMap::new();
        for (f, file) in FILES.iter().enumerate() {
            let path = root.join(lang).join(format!("{file}.ftl"));
            println!("cargo:rerun-if-changed={}", path.display());
            let path = path.canonicalize().unwrap_or(path);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let _ = write!(out, "include_str!({:?}), ", path.display().to_string());
            for (id, start, end) in ftl_cut::cut(&text) {
                // The first definition wins, as in a Fluent bundle.
                entries
                    .entry(id.to_string())
                    .or_insert((f as u8, start as u32, end as u32));
            }
        }
        out.push_str("]),\n");
        index.push_str("    &[");
        for (id, (f, s, e)) in &entries {
            let _ = write!(index, "({id:?}, {f}, {s}, {e}), ");
        }
        index.push_str("],\n");
    }
    out.push_str("];\n");
    index.push_str("];\n");
    out.push_str(&index);
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    println!("cargo:rerun-if-changed=src/ftl_cut.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
