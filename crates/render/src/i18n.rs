//! Localisation through Project Fluent. Code holds message ids; every sentence lives in
//! `locales/<lang>/conndoctor.ftl`, compiled into the binary so it runs from anywhere.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::finding::{Arg, Args};

// `LOCALES`: (language tag, Fluent sources), English first as the reference and the
// fallback; every language has the same files (conndoctor, explain, audit, exporter,
// html, watch .ftl) with the same message ids. `INDEX`: where each message is. Both
// are written by build.rs from locales/<lang>/.
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Languages written right to left get Unicode isolates around placeables so that
/// addresses and commands keep their order.
const RTL: &[&str] = &["ar"];

pub struct Localizer {
    lang: &'static str,
    /// The language's own texts first, then English as the fallback.
    langs: Vec<LangTexts>,
}

/// One language's messages, parsed one message at a time on first use: a report needs
/// a dozen of the hundreds of messages, and parsing every file up front was a large
/// share of a refused `check`'s whole run. Equivalent to parsing the files whole
/// because no message refers to another message or to a term (tests/locales.rs).
struct LangTexts {
    tag: &'static str,
    sources: &'static [&'static str],
    /// (message id, file, start, end), sorted by id: built at compile time.
    index: &'static [(&'static str, u8, u32, u32)],
    bundle: std::cell::RefCell<FluentBundle<FluentResource>>,
}

impl LangTexts {
    fn new(at: usize) -> Self {
        let (tag, sources) = LOCALES[at];
        Self {
            tag,
            sources,
            index: INDEX[at],
            bundle: std::cell::RefCell::new(bundle(tag)),
        }
    }

    /// The source text of message `id`'s entry.
    fn entry(&self, id: &str) -> Option<&'static str> {
        let at = self.index.binary_search_by(|e| e.0.cmp(id)).ok()?;
        let (_, file, start, end) = self.index[at];
        self.sources
            .get(usize::from(file))?
            .get(start as usize..end as usize)
    }

    /// Formats `id` when this language has it.
    fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        if !self.bundle.borrow().has_message(id) {
            let entry = self.entry(id)?;
            // Locale files ship inside the binary and are checked by tests; a syntax
            // error would still leave the valid entries usable, so keep what parsed.
            let res =
                FluentResource::try_new(entry.to_string()).unwrap_or_else(|(partial, _)| partial);
            let _ = self.bundle.borrow_mut().add_resource(res);
        }
        let b = self.bundle.borrow();
        let p = b.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(b.format_pattern(p, Some(args), &mut errors).into_owned())
    }
}

/// An empty bundle for `tag`; messages are added as they are first used.
fn bundle(tag: &'static str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut b = FluentBundle::new(vec![id]);
    b.set_use_isolating(RTL.contains(&tag));
    let _ = b.add_builtins();
    b
}

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Fluent isolates every placeable of a right-to-left message (FSI … PDI), so that an
/// address or a number keeps its order inside Arabic text. Inside a command or a URL
/// written in Latin letters (`grep :8282`, `websocket://0.0.0.0:8282`, `dport 8282
/// accept`) the value only continues a left-to-right run and cannot be reordered, while
/// the invisible marks would be copied along with the command, which then fails (grep
/// for `:\u{2068}8282\u{2069}` finds nothing). This drops the isolates of such values:
/// one word of ASCII that ends in a letter or digit, glued to the Latin text before it or
/// preceded (across spaces, digits and punctuation) by a Latin letter, not an Arabic one.
fn unisolate_code(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == FSI
            && let Some(len) = chars[i + 1..].iter().position(|c| *c == PDI)
        {
            let inner = &chars[i + 1..i + 1 + len];
            let code_like = inner.last().is_some_and(char::is_ascii_alphanumeric)
                && inner.iter().all(char::is_ascii_graphic);
            if code_like && continues_latin_run(&chars[..i]) {
                out.extend(inner);
                i += len + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Whether text ending with `before` is in a left-to-right (Latin) run at its end: the
/// last character is part of a token such as `:`, `=`, `/` or a letter, or the nearest
/// letter on the same line, outside other isolated values, is a Latin one.
fn continues_latin_run(before: &[char]) -> bool {
    match before.last() {
        None => false,
        Some(c) if c.is_ascii_alphanumeric() || ":=/.@_-".contains(*c) => true,
        Some(_) => {
            // Like the bidi algorithm, look past isolated values: they count as neutral.
            let mut depth = 0usize;
            for c in before.iter().rev().take_while(|c| **c != '\n') {
                match *c {
                    PDI => depth += 1,
                    FSI => depth = depth.saturating_sub(1),
                    c if depth == 0 && c.is_alphabetic() => return c.is_ascii_alphabetic(),
                    _ => {}
                }
            }
            false
        }
    }
}

/// Maps `ru_RU.UTF-8`, `zh_CN`, `ja-JP`, `pt_BR@euro` ... to one of [`LOCALES`].
pub fn match_locale(raw: &str) -> Option<&'static str> {
    let base = raw
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    if base.is_empty() || base == "C" || base == "POSIX" {
        return Some("en");
    }
    let lower = base.to_ascii_lowercase();
    let lang = lower.split('-').next().unwrap_or_default();
    LOCALES
        .iter()
        .map(|(t, _)| *t)
        .find(|t| t.eq_ignore_ascii_case(&base))
        .or_else(|| {
            // zh-TW/zh-HK are Traditional Chinese: do not answer them in zh-CN.
            if lang == "zh"
                && !(lower.ends_with("-cn")
                    || lower.ends_with("-sg")
                    || lower == "zh"
                    || lower.contains("hans"))
            {
                return None;
            }
            LOCALES.iter().map(|(t, _)| *t).find(|t| {
                t.split('-')
                    .next()
                    .is_some_and(|l| l.eq_ignore_ascii_case(lang))
            })
        })
}

/// Picks the language: `--lang`, else LC_ALL, LC_MESSAGES, LANG. Returns the tag and,
/// when the request could not be honoured, what was asked for.
pub fn choose(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> (&'static str, Option<String>) {
    let requested = flag.map(str::to_string).or_else(|| {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty())
    });
    match requested {
        None => ("en", None),
        Some(r) => match match_locale(&r) {
            Some(tag) => (tag, None),
            None => ("en", Some(r)),
        },
    }
}

impl Localizer {
    pub fn new(lang: &str) -> Self {
        let at = LOCALES.iter().position(|(t, _)| *t == lang).unwrap_or(0);
        let mut langs = vec![LangTexts::new(at)];
        if at != 0 {
            langs.push(LangTexts::new(0));
        }
        Self {
            lang: LOCALES[at].0,
            langs,
        }
    }

    pub fn lang(&self) -> &'static str {
        self.lang
    }

    pub fn is_rtl(&self) -> bool {
        RTL.contains(&self.lang)
    }

    /// Formats message `id`. A missing id renders as `⟦id⟧` so tests can spot it.
    pub fn fmt(&self, id: &str, args: &Args) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fa.set(*k, FluentValue::from(s.as_str())),
                Arg::Int(n) => fa.set(*k, FluentValue::from(*n)),
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        for texts in &self.langs {
            if let Some(text) = texts.format(id, &fa) {
                // Fluent isolates placeables only in right-to-left languages.
                return if RTL.contains(&texts.tag) {
                    unisolate_code(&text)
                } else {
                    text
                };
            }
        }
        format!("⟦{id}⟧")
    }

    pub fn text(&self, id: &str) -> String {
        self.fmt(id, &Args::new())
    }

    /// Shorthand for one-off arguments: `l.with("id", &[("addr", x.into())])`.
    pub fn with(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        self.fmt(id, &args.iter().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_index_cuts_the_files_as_fluent_parses_them() {
        use fluent_bundle::types::FluentNumber;
        for (at, (tag, sources)) in LOCALES.iter().enumerate() {
            let texts = LangTexts::new(at);
            let mut whole = bundle(tag);
            let mut ids = Vec::new();
            for src in *sources {
                let res = FluentResource::try_new((*src).to_string())
                    .unwrap_or_else(|(_, e)| panic!("{tag}: {e:?}"));
                for entry in res.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        ids.push(m.id.name.to_string());
                    }
                }
                let _ = whole.add_resource(res);
            }
            assert_eq!(texts.index.len(), ids.len(), "{tag}: entries found");
            let l = Localizer::new(tag);
            let mut args = FluentArgs::new();
            for k in ["addr", "port", "detail", "count", "n", "cmd", "host"] {
                args.set(k, FluentValue::from("x"));
            }
            args.set("count", FluentValue::Number(FluentNumber::from(2)));
            for id in &ids {
                let entry = texts
                    .entry(id)
                    .unwrap_or_else(|| panic!("{tag} {id}: not indexed"));
                let alone = FluentResource::try_new(entry.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{tag} {id}: {e:?}"));
                assert_eq!(alone.entries().count(), 1, "{tag} {id}: one entry");
                let p = whole.get_message(id).and_then(|m| m.value());
                let want = p.map(|p| {
                    whole
                        .format_pattern(p, Some(&args), &mut Vec::new())
                        .into_owned()
                });
                let got = l.langs[0].format(id, &args);
                assert_eq!(got, want, "{tag} {id}");
            }
        }
    }

    #[test]
    fn locale_matching() {
        assert_eq!(match_locale("en_US.UTF-8"), Some("en"));
        assert_eq!(match_locale("C.UTF-8"), Some("en"));
        assert_eq!(match_locale("POSIX"), Some("en"));
        assert_eq!(match_locale("xx_YY"), None);
        assert_eq!(match_locale("zh_TW.UTF-8"), None);
    }

    #[test]
    fn choose_order() {
        let env = |k: &str| match k {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("en_GB.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(choose(None, env), ("en", None));
        assert_eq!(choose(Some("xx"), env), ("en", Some("xx".into())));
    }

    #[test]
    fn arabic_keeps_commands_copyable() {
        let l = Localizer::new("ar");
        let fix = l.with("fix-refused-not-listening", &[("port", Arg::Int(8282))]);
        // Inside the command: no invisible marks to copy along.
        assert!(fix.contains("grep :8282)"), "{fix:?}");
        // In the Arabic sentence: isolated.
        assert!(fix.contains("\u{2068}8282\u{2069}"), "{fix:?}");
        let loopback = l.with("fix-refused-loopback-only", &[("port", Arg::Int(8282))]);
        assert!(
            loopback.contains("websocket://0.0.0.0:8282 "),
            "{loopback:?}"
        );
        assert_eq!(unisolate_code("\u{2068}-\u{2069}"), "\u{2068}-\u{2069}");
        assert_eq!(
            unisolate_code("x \u{2068}a b\u{2069}"),
            "x \u{2068}a b\u{2069}"
        );
        assert_eq!(unisolate_code("TCP \u{2068}80\u{2069}"), "TCP 80");
        // A Latin value isolated before does not make the next one part of a Latin run.
        assert_eq!(
            unisolate_code("\u{2068}host\u{2069} (\u{2068}12\u{2069} م)"),
            "\u{2068}host\u{2069} (\u{2068}12\u{2069} م)"
        );
        assert_eq!(
            unisolate_code("رقم \u{2068}80\u{2069}"),
            "رقم \u{2068}80\u{2069}"
        );
    }

    #[test]
    fn plurals_and_missing_ids() {
        let l = Localizer::new("en");
        assert_eq!(
            l.with("attempt-retransmits", &[("count", Arg::Num(1.0))]),
            "one SYN retransmission"
        );
        assert_eq!(
            l.with("attempt-retransmits", &[("count", Arg::Num(4.0))]),
            "4 SYN retransmissions"
        );
        assert_eq!(l.text("no-such-id"), "⟦no-such-id⟧");
    }
}
