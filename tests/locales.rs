//! Locale files (ARCHITECTURE.md, "Testing tiers", tier 1: locale completeness).
//!
//! English (`locales/en/`) is the reference. Every other language must have the same
//! files, the same message ids, the same variables in each message and the same `##`
//! sections; every file must parse; plural selects must use the CLDR categories of their
//! language; and every message must format without a Fluent error in every registered
//! language. Each test reports every problem it finds, not just the first.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use conndoctor::finding::{Arg, Args};
use conndoctor::i18n::{LOCALES, Localizer};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use fluent_syntax::parser;

const REFERENCE: &str = "en";

/// CLDR cardinal plural categories of each language (besides `other`, which every
/// language has and every select must use as its default).
fn plural_categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["one"],
        "ru" => &["one", "few", "many"],
        "ar" => &["zero", "one", "two", "few", "many"],
        // zh-CN, ja, th, vi have `other` only.
        _ => &[],
    }
}

const CLDR_NAMES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// Numbers that reach every CLDR category of the shipped languages (0, 1, 2, 3–10,
/// 11–99, 100–102, 21/22/25 for Russian, a fraction).
const SAMPLE_NUMBERS: &[f64] = &[
    0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 11.0, 21.0, 22.0, 25.0, 100.0, 101.0, 102.0, 1.5,
];

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// One `.ftl` file: `locales/<lang>/<name>`.
struct FtlFile {
    lang: String,
    name: String,
    source: String,
}

impl FtlFile {
    fn label(&self) -> String {
        format!("locales/{}/{}", self.lang, self.name)
    }
}

/// Every `.ftl` file under `locales/`, sorted by language then name.
fn ftl_files() -> Vec<FtlFile> {
    let mut files = Vec::new();
    let dir = locales_dir();
    for lang in fs::read_dir(&dir).expect("read locales/") {
        let lang = lang.expect("locales/ entry").path();
        if !lang.is_dir() {
            continue;
        }
        for f in fs::read_dir(&lang).expect("read a locale directory") {
            let path = f.expect("locale file entry").path();
            if path.extension().is_some_and(|e| e == "ftl") {
                files.push(FtlFile {
                    lang: file_name(&lang),
                    name: file_name(&path),
                    source: fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                });
            }
        }
    }
    files.sort_by(|a, b| (&a.lang, &a.name).cmp(&(&b.lang, &b.name)));
    assert!(
        files.iter().any(|f| f.lang == REFERENCE),
        "no .ftl file under {}/{REFERENCE}",
        dir.display()
    );
    files
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// 1-based line and column of byte offset `pos` in `src`.
fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let before = &src[..pos.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// A select expression: the variable it selects on and its variant keys.
struct Select {
    var: Option<String>,
    keys: Vec<String>,
}

/// What the tests need to know about one message (or one attribute, as `id.attr`).
#[derive(Default)]
struct Entry {
    vars: BTreeSet<String>,
    selects: Vec<Select>,
}

impl Select {
    /// A select whose keys are all CLDR category names or numbers: a plural select.
    fn is_plural(&self) -> bool {
        self.keys
            .iter()
            .all(|k| CLDR_NAMES.contains(&k.as_str()) || k.parse::<f64>().is_ok())
    }
}

impl Entry {
    fn plural_selects(&self) -> impl Iterator<Item = &Select> {
        self.selects.iter().filter(|s| s.is_plural())
    }
}

/// The parsed content of one file.
#[derive(Default)]
struct Parsed {
    entries: BTreeMap<String, Entry>,
    duplicates: Vec<String>,
    sections: Vec<String>,
}

/// Parses one file. Like the runtime, keeps the entries that parsed when others did
/// not; the syntax errors come back separately, as `file:line:col: what`.
fn parse_file(f: &FtlFile) -> (Parsed, Vec<String>) {
    let (res, errors) = match parser::parse(f.source.as_str()) {
        Ok(res) => (res, Vec::new()),
        Err((res, errors)) => {
            let errors = errors
                .iter()
                .map(|e| {
                    let (line, col) = line_col(&f.source, e.pos.start);
                    format!("{}:{line}:{col}: {}", f.label(), e.kind)
                })
                .collect();
            (res, errors)
        }
    };
    let mut out = Parsed::default();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name.to_string();
                if let Some(value) = &m.value {
                    add_entry(&mut out, id.clone(), value);
                }
                for a in &m.attributes {
                    add_entry(&mut out, format!("{id}.{}", a.id.name), &a.value);
                }
            }
            ast::Entry::GroupComment(c) => out.sections.push(c.content.join("\n")),
            _ => {}
        }
    }
    (out, errors)
}

fn add_entry(out: &mut Parsed, id: String, pattern: &ast::Pattern<&str>) {
    let mut e = Entry::default();
    walk_pattern(pattern, &mut e);
    if out.entries.insert(id.clone(), e).is_some() {
        out.duplicates.push(id);
    }
}

fn walk_pattern(p: &ast::Pattern<&str>, out: &mut Entry) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expression(expression, out);
        }
    }
}

fn walk_expression(e: &ast::Expression<&str>, out: &mut Entry) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, out);
            let var = match selector {
                ast::InlineExpression::VariableReference { id } => Some(id.name.to_string()),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    match arguments.positional.first() {
                        Some(ast::InlineExpression::VariableReference { id }) => {
                            Some(id.name.to_string())
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => (*name).to_string(),
                    ast::VariantKey::NumberLiteral { value } => (*value).to_string(),
                })
                .collect();
            out.selects.push(Select { var, keys });
            for v in variants {
                walk_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, out),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, out: &mut Entry) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                walk_inline(a, out);
            }
            for a in &arguments.named {
                walk_inline(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
        _ => {}
    }
}

/// Every file, keyed by (lang, file name), with what parsed. Syntax errors are
/// [`every_ftl_file_parses`]'s to report; the other tests see the valid entries, as the
/// runtime does, so each reports its own problems even while a file is broken.
fn parse_all() -> BTreeMap<(String, String), Parsed> {
    ftl_files()
        .into_iter()
        .map(|f| ((f.lang.clone(), f.name.clone()), parse_file(&f).0))
        .collect()
}

fn reference_files(all: &BTreeMap<(String, String), Parsed>) -> Vec<(&String, &Parsed)> {
    all.iter()
        .filter(|((lang, _), _)| lang == REFERENCE)
        .map(|((_, name), p)| (name, p))
        .collect()
}

fn languages(all: &BTreeMap<(String, String), Parsed>) -> BTreeSet<&String> {
    all.keys().map(|(lang, _)| lang).collect()
}

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

// (a)
#[test]
fn every_ftl_file_parses() {
    let mut errors = Vec::new();
    for f in ftl_files() {
        errors.extend(parse_file(&f).1);
    }
    assert!(
        errors.is_empty(),
        "Fluent syntax errors:\n{}",
        errors.join("\n")
    );
}

// (b)
#[test]
fn every_locale_has_exactly_the_reference_ids() {
    let all = parse_all();
    let mut problems = String::new();
    for p in all.iter().filter(|(_, p)| !p.duplicates.is_empty()) {
        let ((lang, name), parsed) = p;
        let _ = writeln!(
            problems,
            "locales/{lang}/{name}: defined twice: {}",
            list(&parsed.duplicates)
        );
    }
    for lang in languages(&all) {
        if lang == REFERENCE {
            continue;
        }
        for (name, reference) in reference_files(&all) {
            let Some(parsed) = all.get(&(lang.clone(), name.clone())) else {
                let _ = writeln!(problems, "locales/{lang}/{name}: file missing");
                continue;
            };
            let missing: Vec<_> = reference
                .entries
                .keys()
                .filter(|id| !parsed.entries.contains_key(*id))
                .collect();
            let extra: Vec<_> = parsed
                .entries
                .keys()
                .filter(|id| !reference.entries.contains_key(*id))
                .collect();
            if !missing.is_empty() {
                let _ = writeln!(
                    problems,
                    "locales/{lang}/{name}: missing {} id(s): {}",
                    missing.len(),
                    list(missing)
                );
            }
            if !extra.is_empty() {
                let _ = writeln!(
                    problems,
                    "locales/{lang}/{name}: {} id(s) not in {REFERENCE}: {}",
                    extra.len(),
                    list(extra)
                );
            }
        }
        for (l, name) in all.keys() {
            if l == lang && !all.contains_key(&(REFERENCE.to_string(), name.clone())) {
                let _ = writeln!(
                    problems,
                    "locales/{lang}/{name}: no such file in {REFERENCE}"
                );
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

#[test]
fn every_locale_keeps_the_reference_sections() {
    let all = parse_all();
    let mut problems = String::new();
    for ((lang, name), parsed) in &all {
        let Some(reference) = all.get(&(REFERENCE.to_string(), name.clone())) else {
            continue;
        };
        if parsed.sections != reference.sections {
            let _ = writeln!(
                problems,
                "locales/{lang}/{name}: `##` sections {:?} differ from {REFERENCE} {:?}",
                parsed.sections, reference.sections
            );
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

// (c)
#[test]
fn every_message_uses_the_reference_variables() {
    let all = parse_all();
    let mut problems = String::new();
    for ((lang, name), parsed) in &all {
        let Some(reference) = all.get(&(REFERENCE.to_string(), name.clone())) else {
            continue;
        };
        for (id, entry) in &parsed.entries {
            let Some(expected) = reference.entries.get(id) else {
                continue;
            };
            let missing: Vec<_> = expected.vars.difference(&entry.vars).collect();
            let extra: Vec<_> = entry.vars.difference(&expected.vars).collect();
            if !missing.is_empty() || !extra.is_empty() {
                let _ = writeln!(
                    problems,
                    "locales/{lang}/{name}: {id}: missing [{}], not in {REFERENCE} [{}]",
                    list(missing.iter().map(|v| format!("${v}"))),
                    list(extra.iter().map(|v| format!("${v}")))
                );
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

#[test]
fn plural_selects_use_the_languages_cldr_categories() {
    let all = parse_all();
    let mut problems = String::new();
    for ((lang, name), parsed) in &all {
        let allowed = plural_categories(lang);
        let reference = all.get(&(REFERENCE.to_string(), name.clone()));
        for (id, entry) in &parsed.entries {
            for s in entry.plural_selects() {
                let var = s.var.as_deref().unwrap_or("?");
                let wrong: Vec<_> = s
                    .keys
                    .iter()
                    .filter(|k| {
                        k.parse::<f64>().is_err() && *k != "other" && !allowed.contains(&k.as_str())
                    })
                    .collect();
                if !wrong.is_empty() {
                    let _ = writeln!(
                        problems,
                        "locales/{lang}/{name}: {id}: ${var}: [{}] is not a plural category of {lang} (has: {}, other)",
                        list(wrong),
                        list(allowed)
                    );
                }
                // Languages with several forms must spell out each of them: a default
                // alone would print one form for every number.
                let absent: Vec<_> = allowed
                    .iter()
                    .filter(|c| !s.keys.iter().any(|k| k == *c))
                    .filter(|c| !(**c == "zero" && s.keys.iter().any(|k| k == "0")))
                    .filter(|c| !(**c == "one" && s.keys.iter().any(|k| k == "1")))
                    .collect();
                if lang != REFERENCE && !absent.is_empty() {
                    let _ = writeln!(
                        problems,
                        "locales/{lang}/{name}: {id}: ${var}: no variant for [{}]",
                        list(absent)
                    );
                }
            }
            // A plural in English is a plural in every language that inflects.
            let Some(expected) = reference.and_then(|r| r.entries.get(id)) else {
                continue;
            };
            if allowed.is_empty() {
                continue;
            }
            let have: BTreeSet<_> = entry
                .plural_selects()
                .filter_map(|s| s.var.clone())
                .collect();
            for s in expected.plural_selects() {
                if let Some(var) = &s.var
                    && !have.contains(var)
                {
                    let _ = writeln!(
                        problems,
                        "locales/{lang}/{name}: {id}: {REFERENCE} selects on ${var} by plural, this locale does not"
                    );
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

/// A select on a value that is not a number (an outcome id, a provider, a protocol)
/// lists the values the code sends. Every language must handle the same ones as
/// English: a locale without the select would print the raw id (`timed-out`) instead of
/// words, and one with other keys would miss some values.
#[test]
fn value_selects_use_the_reference_keys() {
    fn value_selects(e: &Entry) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for s in e.selects.iter().filter(|s| !s.is_plural()) {
            out.entry(s.var.clone().unwrap_or_else(|| "?".into()))
                .or_default()
                .extend(s.keys.iter().cloned());
        }
        out
    }
    let all = parse_all();
    let mut problems = String::new();
    for ((lang, name), parsed) in &all {
        if lang == REFERENCE {
            continue;
        }
        let Some(reference) = all.get(&(REFERENCE.to_string(), name.clone())) else {
            continue;
        };
        for (id, entry) in &parsed.entries {
            let Some(expected) = reference.entries.get(id) else {
                continue;
            };
            let want = value_selects(expected);
            let have = value_selects(entry);
            for var in want.keys().chain(have.keys()).collect::<BTreeSet<_>>() {
                match (want.get(var), have.get(var)) {
                    (Some(w), Some(h)) if w == h => {}
                    (Some(w), Some(h)) => {
                        let _ = writeln!(
                            problems,
                            "locales/{lang}/{name}: {id}: ${var}: keys [{}], {REFERENCE} has [{}]",
                            list(h),
                            list(w)
                        );
                    }
                    (Some(w), None) => {
                        let _ = writeln!(
                            problems,
                            "locales/{lang}/{name}: {id}: {REFERENCE} selects on ${var} [{}], this locale does not",
                            list(w)
                        );
                    }
                    (None, _) => {
                        let _ = writeln!(
                            problems,
                            "locales/{lang}/{name}: {id}: selects on ${var}, {REFERENCE} does not"
                        );
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

#[test]
fn every_locale_directory_is_registered() {
    let dirs: BTreeSet<String> = ftl_files().into_iter().map(|f| f.lang).collect();
    let registered: BTreeSet<String> = LOCALES.iter().map(|(t, _)| (*t).to_string()).collect();
    assert_eq!(
        dirs, registered,
        "locales/ directories vs conndoctor::i18n::LOCALES"
    );
    for (tag, sources) in LOCALES {
        let files = ftl_files().into_iter().filter(|f| f.lang == *tag).count();
        assert_eq!(
            sources.len(),
            files,
            "{tag}: LOCALES compiles in {} file(s), locales/{tag}/ has {files}",
            sources.len()
        );
        assert_eq!(Localizer::new(tag).lang(), *tag, "Localizer::new({tag:?})");
    }
}

/// Arguments for every variable of a message, both for the [`Localizer`] and for a
/// bare Fluent bundle: all strings (`n` = `None`), or all the number `n`.
fn dummy_args(vars: &BTreeSet<String>, n: Option<f64>) -> (Args, FluentArgs<'static>) {
    let mut args = Args::new();
    let mut fluent = FluentArgs::new();
    for v in vars {
        let key: &'static str = Box::leak(v.clone().into_boxed_str());
        match n {
            None => {
                let s = format!("<{v}>");
                fluent.set(key, FluentValue::from(s.clone()));
                args.insert(key, Arg::Str(s));
            }
            Some(n) if n.fract() == 0.0 => {
                fluent.set(key, FluentValue::from(n as i64));
                args.insert(key, Arg::Int(n as i64));
            }
            Some(n) => {
                fluent.set(key, FluentValue::from(n));
                args.insert(key, Arg::Num(n));
            }
        }
    }
    (args, fluent)
}

// (d)
#[test]
fn every_message_formats_in_every_language() {
    let all = parse_all();
    let ids: BTreeMap<&String, &Entry> = reference_files(&all)
        .into_iter()
        .flat_map(|(_, p)| p.entries.iter())
        .filter(|(id, _)| !id.contains('.'))
        .collect();
    let mut problems = String::new();
    for (tag, sources) in LOCALES {
        let localizer = Localizer::new(tag);
        // The Localizer hides Fluent errors and falls back to English, so format with
        // a bundle of this language alone as well, and keep its errors.
        let mut bundle = FluentBundle::new(vec![tag.parse().expect("a language tag")]);
        bundle
            .add_builtins()
            .expect("Fluent built-in functions (NUMBER, ...)");
        bundle.set_use_isolating(false);
        for src in *sources {
            // A file that does not parse is every_ftl_file_parses's failure; keep the
            // entries that did, as the runtime does.
            let res = FluentResource::try_new((*src).to_string()).unwrap_or_else(|(r, _)| r);
            if let Err(errors) = bundle.add_resource(res) {
                let _ = writeln!(problems, "{tag}: {errors:?}");
            }
        }
        for (id, entry) in &ids {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                let _ = writeln!(problems, "{tag}: {id}: no such message (or no value)");
                continue;
            };
            // All strings, then each sample number; the first round that fails is
            // reported, the same fault in the other rounds is not.
            let rounds = std::iter::once(None).chain(SAMPLE_NUMBERS.iter().copied().map(Some));
            for n in rounds {
                let (args, fluent) = dummy_args(&entry.vars, n);
                let shown = localizer.fmt(id, &args);
                let mut errors = Vec::new();
                let direct = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                let problem = if shown.contains('⟦') {
                    format!("missing-id marker: {shown}")
                } else if !errors.is_empty() {
                    format!("{errors:?} → {direct}")
                } else if shown.trim().is_empty() {
                    "formats to nothing".to_string()
                } else {
                    continue;
                };
                let with = n.map_or_else(|| "string args".to_string(), |n| format!("args = {n}"));
                let _ = writeln!(problems, "{tag}: {id} ({with}): {problem}");
                break;
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

#[test]
fn arabic_placeables_are_isolated_and_others_are_not() {
    let (args, _) = dummy_args(&BTreeSet::from(["addr".to_string()]), None);
    let ar = Localizer::new("ar").fmt("cause-refused-not-listening", &args);
    assert!(ar.contains("\u{2068}<addr>\u{2069}"), "{ar:?}");
    for (tag, _) in LOCALES.iter().filter(|(t, _)| *t != "ar") {
        let s = Localizer::new(tag).fmt("cause-refused-not-listening", &args);
        assert!(!s.contains('\u{2068}'), "{tag}: {s:?}");
    }
    // Translators must not add their own bidi controls: the runtime does it.
    for f in ftl_files() {
        for (i, line) in f.source.lines().enumerate() {
            if line.chars().any(|c| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) {
                panic!("{}:{}: bidi control character", f.label(), i + 1);
            }
        }
    }
}

#[test]
fn system_locale_names_map_to_the_shipped_languages() {
    use conndoctor::i18n::match_locale;
    for (raw, want) in [
        ("zh_CN.UTF-8", Some("zh-CN")),
        ("zh_SG", Some("zh-CN")),
        ("zh-Hans", Some("zh-CN")),
        ("ru_RU.UTF-8", Some("ru")),
        ("ja_JP.UTF-8", Some("ja")),
        ("ar_EG.UTF-8", Some("ar")),
        ("ar_SA.utf8@calendar", Some("ar")),
        ("th_TH", Some("th")),
        ("vi_VN", Some("vi")),
        ("en_US.UTF-8", Some("en")),
        ("zh_TW", None),
        ("zh_HK.UTF-8", None),
        ("pt_BR", None),
    ] {
        assert_eq!(match_locale(raw), want, "match_locale({raw:?})");
    }
}
