//! The catalogue of known connection-error messages, loaded from
//! `data/explain/patterns.toml` (compiled into the binary) and parsed once.
//!
//! Loading never panics: an entry that does not validate is left out and its problem
//! recorded in [`Catalogue::errors`]. The tests require that list to be empty, so a
//! broken entry fails CI instead of silently shrinking what `explain` knows.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

use crate::finding::{Confidence, Symptom};

/// The data file, compiled in so the binary runs from anywhere.
pub const SOURCE: &str = include_str!("../../../../data/explain/patterns.toml");

/// Named capture groups a pattern may use; anything else is a typo in the data file.
const GROUPS: &[&str] = &["host", "port", "url", "status", "errno", "scheme", "path"];

/// Schemes a family may declare for the suggested check (target.rs knows them).
const SCHEMES: &[&str] = &["ws", "wss", "http", "https", "tcp", "text", "websocket"];

/// A size limit per compiled regex, far above what the catalogue needs, so a
/// runaway pattern fails loudly in tests instead of costing memory at run time.
const REGEX_SIZE_LIMIT: usize = 8 << 20;

/// The lazy DFA cache of the set of all patterns. The regex engine counts cache
/// clears over the cache's whole life and, after a few, falls back to a far slower
/// engine when a text makes many new states (non-ASCII logs do). A cache this size
/// holds the states a megabyte of mixed-script text needs, so that never happens.
const SET_DFA_CACHE: usize = 64 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: u32,
    #[serde(default)]
    status_maps: BTreeMap<String, BTreeMap<String, RawStatus>>,
    #[serde(default)]
    extract: Vec<RawExtract>,
    #[serde(default)]
    family: Vec<RawFamily>,
    #[serde(default)]
    errno_context: Vec<RawExtract>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    #[serde(default)]
    causes: Vec<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExtract {
    name: String,
    regex: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamily {
    id: String,
    source: String,
    #[serde(default)]
    seen: Vec<String>,
    symptom: Option<String>,
    #[serde(default)]
    causes: Vec<String>,
    confidence: Option<String>,
    #[serde(default)]
    priority: i32,
    status_map: Option<String>,
    note: Option<String>,
    scheme: Option<String>,
    #[serde(default)]
    suggest_tls: bool,
    errno: Option<String>,
    #[serde(default)]
    l10n: Vec<String>,
    #[serde(default)]
    regex: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

/// One message family: a program's way of saying that a connection failed.
#[derive(Debug)]
pub struct Family {
    pub id: String,
    pub source: String,
    pub seen: Vec<String>,
    /// `None`: the message names the program and target but not the failure.
    pub symptom: Option<Symptom>,
    pub causes: Vec<String>,
    pub confidence: Confidence,
    pub priority: i32,
    pub status_map: Option<String>,
    pub note: Option<String>,
    pub scheme: Option<String>,
    pub suggest_tls: bool,
    pub errno: Option<String>,
    pub regexes: Vec<Regex>,
    pub examples: Vec<String>,
}

/// Causes (and an optional note) for one HTTP status of a failed upgrade.
#[derive(Debug)]
pub struct StatusRule {
    pub causes: Vec<String>,
    pub note: Option<String>,
}

/// A generic extractor: finds hosts, ports, URLs and statuses anywhere in the text.
#[derive(Debug)]
pub struct Extractor {
    pub name: String,
    pub regex: Regex,
}

#[derive(Debug, Default)]
pub struct Catalogue {
    pub families: Vec<Family>,
    /// Every family regex in one set, in family order: one pass over a long text
    /// tells which of the (hundreds of) regexes can match at all.
    pub set: Option<RegexSet>,
    pub extractors: Vec<Extractor>,
    pub status_maps: BTreeMap<String, BTreeMap<String, StatusRule>>,
    /// Where an error number stands in a message (`os error 61`, `[Errno -2]`);
    /// the number is read with the OS tables ([`super::os_tables`]).
    pub errno_contexts: Vec<Extractor>,
    /// The family (index into `families`) that explains each error name.
    pub by_errno: BTreeMap<String, usize>,
    /// Entries that were left out, and why. Empty for a healthy data file.
    pub errors: Vec<String>,
}

impl Catalogue {
    /// The family that explains the error `name` (ECONNREFUSED, WSAETIMEDOUT).
    pub fn family_of_errno(&self, name: &str) -> Option<&Family> {
        self.by_errno.get(name).and_then(|&i| self.families.get(i))
    }

    pub fn status_rule(&self, map: &str, status: Option<u16>) -> Option<&StatusRule> {
        let m = self.status_maps.get(map)?;
        status
            .and_then(|s| m.get(&s.to_string()))
            .or_else(|| m.get("default"))
    }
}

/// The catalogue, parsed on first use.
pub fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| load(SOURCE))
}

pub fn parse_symptom(s: &str) -> Option<Symptom> {
    Some(match s {
        "ok" => Symptom::Ok,
        "refused" => Symptom::Refused,
        "timeout" => Symptom::Timeout,
        "unreachable" => Symptom::Unreachable,
        "addr-not-avail" => Symptom::AddrNotAvail,
        "dns" => Symptom::Dns,
        "reset" => Symptom::Reset,
        "mismatch" => Symptom::Mismatch,
        "tls" => Symptom::Tls,
        "local" => Symptom::Local,
        _ => return None,
    })
}

/// Lets every literal space of a pattern match any run of white space: pasted
/// messages come re-wrapped by terminals, e-mail and issue trackers ("actively\n
/// refused", a double space where a line was joined). A space before a quantifier
/// (` ?`, ` *`) becomes a single `\s` so the quantifier keeps its meaning; escaped
/// spaces and spaces inside a character class stay as they are.
pub(crate) fn loosen_spaces(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal, not the end.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            ' ' if !in_class => {
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
                match chars.peek() {
                    Some('?' | '*' | '+' | '{') => out.push_str(r"\s"),
                    _ => out.push_str(r"\s+"),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn compile(pattern: &str, errors: &mut Vec<String>, what: &str) -> Option<Regex> {
    // Word boundaries are ASCII-only: every \b in the catalogue sits next to an
    // ASCII word (errno names, English texts, numbers), and a Unicode \b would make
    // the regex engine give up its fast DFA on non-ASCII text (a Chinese or Russian
    // log of a megabyte would take minutes instead of milliseconds).
    let pattern = loosen_spaces(&pattern.replace(r"\b", r"(?-u:\b)"));
    // Case-insensitive: people retype and paste messages in every case, and no
    // family needs case to tell it apart from another.
    match RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
    {
        Ok(re) => {
            let unknown: Vec<&str> = re
                .capture_names()
                .flatten()
                .filter(|n| !GROUPS.contains(n))
                .collect();
            if unknown.is_empty() {
                Some(re)
            } else {
                errors.push(format!("{what}: unknown capture group(s) {unknown:?}"));
                None
            }
        }
        Err(e) => {
            errors.push(format!("{what}: bad regex: {e}"));
            None
        }
    }
}

fn check_causes(causes: &[String], errors: &mut Vec<String>, what: &str) -> bool {
    let bad: Vec<&String> = causes
        .iter()
        .filter(|c| crate::cause::find(c).is_none())
        .collect();
    if bad.is_empty() {
        true
    } else {
        errors.push(format!("{what}: cause ids not in causes.md: {bad:?}"));
        false
    }
}

/// Parses and validates a catalogue. Public for tests that feed broken data.
pub fn load(src: &str) -> Catalogue {
    let mut cat = Catalogue::default();
    let raw: RawFile = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            cat.errors.push(format!("patterns.toml: {e}"));
            return cat;
        }
    };
    if raw.schema != 1 {
        cat.errors
            .push(format!("patterns.toml: unsupported schema {}", raw.schema));
        return cat;
    }

    for (name, rules) in raw.status_maps {
        let mut out = BTreeMap::new();
        for (status, r) in rules {
            let what = format!("status_maps.{name}.{status}");
            let valid_key =
                status == "default" || (status.len() == 3 && status.parse::<u16>().is_ok());
            if !valid_key {
                cat.errors
                    .push(format!("{what}: key must be a status code or default"));
                continue;
            }
            if check_causes(&r.causes, &mut cat.errors, &what) {
                out.insert(
                    status,
                    StatusRule {
                        causes: r.causes,
                        note: r.note,
                    },
                );
            }
        }
        cat.status_maps.insert(name, out);
    }

    for x in raw.errno_context {
        let what = format!("errno_context {}", x.name);
        if let Some(regex) = compile(&x.regex, &mut cat.errors, &what) {
            if regex.capture_names().flatten().any(|n| n == "errno") {
                cat.errno_contexts.push(Extractor {
                    name: x.name,
                    regex,
                });
            } else {
                cat.errors.push(format!("{what}: needs an errno group"));
            }
        }
    }
    let tables = super::os_tables::tables();
    cat.errors.extend(tables.errors.iter().cloned());

    for x in raw.extract {
        let what = format!("extract {}", x.name);
        if let Some(regex) = compile(&x.regex, &mut cat.errors, &what) {
            cat.extractors.push(Extractor {
                name: x.name,
                regex,
            });
        }
    }

    for f in raw.family {
        let what = format!("family {}", f.id);
        if cat.families.iter().any(|g| g.id == f.id) {
            cat.errors.push(format!("{what}: duplicate id"));
            continue;
        }
        let symptom = match f.symptom.as_deref().map(|s| (s, parse_symptom(s))) {
            None => None,
            Some((_, Some(s))) => Some(s),
            Some((s, None)) => {
                cat.errors.push(format!("{what}: unknown symptom {s:?}"));
                continue;
            }
        };
        let confidence = match f.confidence.as_deref() {
            None | Some("medium") => Confidence::Medium,
            Some("high") => Confidence::High,
            Some("low") => Confidence::Low,
            Some(c) => {
                cat.errors.push(format!("{what}: unknown confidence {c:?}"));
                continue;
            }
        };
        if !check_causes(&f.causes, &mut cat.errors, &what) {
            continue;
        }
        if let Some(m) = &f.status_map
            && !cat.status_maps.contains_key(m)
        {
            cat.errors.push(format!("{what}: unknown status_map {m:?}"));
            continue;
        }
        if let Some(s) = &f.scheme
            && !SCHEMES.contains(&s.as_str())
        {
            cat.errors.push(format!("{what}: unknown scheme {s:?}"));
            continue;
        }
        if (f.regex.is_empty() && f.l10n.is_empty()) || f.seen.is_empty() || f.examples.is_empty() {
            cat.errors.push(format!(
                "{what}: needs at least one regex (or l10n), seen and example"
            ));
            continue;
        }
        // The translated texts of the named errors, from the generated OS tables,
        // become one more regex of the family (after its own, more specific ones).
        let mut patterns = f.regex.clone();
        let mut l10n_ok = true;
        for name in &f.l10n {
            let texts = tables.translations(name);
            if texts.is_empty() {
                cat.errors.push(format!(
                    "{what}: l10n {name:?} has no translations in the OS tables"
                ));
                l10n_ok = false;
                continue;
            }
            let alt: Vec<String> = texts.iter().map(|t| regex::escape(t)).collect();
            patterns.push(alt.join("|"));
        }
        if !l10n_ok {
            continue;
        }
        let mut regexes = Vec::new();
        for (i, r) in patterns.iter().enumerate() {
            if let Some(re) = compile(r, &mut cat.errors, &format!("{what} regex {i}")) {
                regexes.push(re);
            }
        }
        if regexes.len() != patterns.len() {
            continue;
        }
        cat.families.push(Family {
            id: f.id,
            source: f.source,
            seen: f.seen,
            symptom,
            causes: f.causes,
            confidence,
            priority: f.priority,
            status_map: f.status_map,
            note: f.note,
            scheme: f.scheme,
            suggest_tls: f.suggest_tls,
            errno: f.errno,
            regexes,
            examples: f.examples,
        });
    }
    for (i, f) in cat.families.iter().enumerate() {
        let Some(name) = &f.errno else { continue };
        // The OS-level family (os.*, windows.*) explains a bare number best.
        let generic = f.id.starts_with("os.") || f.id.starts_with("windows.");
        let better = match cat.by_errno.get(name).map(|&j| &cat.families[j]) {
            None => true,
            Some(g) => generic && !(g.id.starts_with("os.") || g.id.starts_with("windows.")),
        };
        if better {
            cat.by_errno.insert(name.clone(), i);
        }
    }
    let all: Vec<&str> = cat
        .families
        .iter()
        .flat_map(|f| f.regexes.iter().map(Regex::as_str))
        .collect();
    match RegexSetBuilder::new(all)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT * 8)
        .dfa_size_limit(SET_DFA_CACHE)
        .build()
    {
        Ok(set) => cat.set = Some(set),
        Err(e) => cat.errors.push(format!("regex set: {e}")),
    }
    cat
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_match_wrapped_lines_but_classes_and_quantifiers_keep_their_meaning() {
        assert_eq!(loosen_spaces("a b"), r"a\s+b");
        assert_eq!(loosen_spaces("a  b"), r"a\s+b");
        assert_eq!(loosen_spaces("a ?b"), r"a\s?b");
        assert_eq!(loosen_spaces(r"[^ \n]x\ y"), r"[^ \n]x\ y");
        assert_eq!(loosen_spaces("[] ]a b"), r"[] ]a\s+b");
        let re = regex::Regex::new(&loosen_spaces("actively refused it")).unwrap();
        assert!(re.is_match("target machine actively\n  refused it"));
        assert!(!re.is_match("activelyrefused it"));
    }

    #[test]
    fn shipped_catalogue_is_valid() {
        let cat = catalogue();
        assert!(cat.errors.is_empty(), "{:#?}", cat.errors);
        assert!(cat.families.len() > 50);
    }

    #[test]
    fn broken_entries_are_reported_not_fatal() {
        let src = r#"
schema = 1
[[family]]
id = "a.bad-cause"
source = "x"
seen = ["here"]
causes = ["no.such-cause"]
regex = ["x"]
examples = ["x"]

[[family]]
id = "a.bad-regex"
source = "x"
seen = ["here"]
regex = ["("]
examples = ["x"]

[[family]]
id = "a.bad-group"
source = "x"
seen = ["here"]
regex = ["(?P<hots>x)"]
examples = ["x"]

[[family]]
id = "a.good"
source = "x"
seen = ["here"]
symptom = "refused"
regex = ["x"]
examples = ["x"]
"#;
        let cat = load(src);
        assert_eq!(cat.families.len(), 1);
        assert_eq!(cat.errors.len(), 3, "{:#?}", cat.errors);
        assert!(!load("not toml [").errors.is_empty());
        assert!(!load("schema = 2").errors.is_empty());
    }
}
