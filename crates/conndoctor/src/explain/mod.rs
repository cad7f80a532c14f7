//! `conndoctor explain`: reads an error message a person copied from a browser
//! console, a log or a terminal, and says what it means: the symptom, the candidate
//! causes with their fixes (the same cause ids and texts as `check`), what the
//! message itself names (host, port, URL, HTTP status, error code), and the exact
//! `conndoctor check …` command to run next.
//!
//! The knowledge lives in `data/explain/patterns.toml` ([`catalogue`]); this module
//! only matches, extracts and ranks. [`explain`] is pure: no I/O, no clock.

pub mod catalogue;
pub mod os_tables;
pub mod render;

use std::net::IpAddr;

use regex::Captures;
use serde::Serialize;

pub use catalogue::{Catalogue, Family, catalogue};

use crate::finding::{Arg, Args, Confidence, Finding, Msg, Symptom};
use crate::target;

/// The most text `explain` reads: a long stack trace fits, a log file does not need to.
pub const MAX_INPUT: usize = 1 << 20;

/// The longest excerpt of the message quoted back, in characters.
const EXCERPT_CHARS: usize = 160;

/// Placeholders for what the message does not say; they read as "fill this in" in
/// every language and are never mistaken for a real address.
const UNKNOWN_HOST: &str = "<host>";
const UNKNOWN_PORT: &str = "<port>";
pub(crate) const UNKNOWN: &str = "?";

/// What the message itself says, as far as it could be read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub url: Option<String>,
    pub status: Option<u16>,
    /// Error name and/or number, e.g. `ECONNREFUSED (111)` or `WSAECONNREFUSED (10061)`.
    pub errno: Option<String>,
    pub scheme: Option<String>,
    pub path: Option<String>,
    /// The line of the message that was recognised.
    pub excerpt: Option<String>,
}

impl Extracted {
    fn is_empty(&self) -> bool {
        self.host.is_none()
            && self.port.is_none()
            && self.url.is_none()
            && self.status.is_none()
            && self.errno.is_none()
    }
}

/// The `conndoctor check` to run next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Next {
    /// The target, when the message names enough of it to run a check.
    pub target: Option<String>,
    /// The command line; with placeholders (`<host>`, `<port>`) when incomplete.
    pub command: String,
    pub complete: bool,
}

/// The result of [`explain`].
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The family that decided the symptom (or the best match when none says one).
    pub family: Option<&'static Family>,
    /// Every other family that matched, most specific first.
    pub also: Vec<&'static Family>,
    /// `None` when the text is unknown or does not say how the connection failed.
    pub symptom: Option<Symptom>,
    pub causes: Vec<Finding>,
    /// Extra explanations: explain.ftl ids with their arguments.
    pub notes: Vec<Msg>,
    pub extracted: Extracted,
    pub next: Next,
    /// The input was longer than [`MAX_INPUT`] and only its beginning was read.
    pub truncated: bool,
}

impl Explanation {
    pub fn recognised(&self) -> bool {
        self.family.is_some()
    }

    /// The message says the connection works. An unknown message is not ok: the user
    /// came with a failure, and nothing says it works.
    pub fn is_ok(&self) -> bool {
        self.symptom == Some(Symptom::Ok)
    }
}

/// One family that matched, with the captures of its first matching regex.
struct Hit<'t> {
    family: &'static Family,
    caps: Captures<'t>,
    start: usize,
}

/// Explains a pasted message. Pure: the same text always gives the same result.
pub fn explain(text: &str) -> Explanation {
    explain_with(catalogue(), text)
}

/// [`explain`] against a given catalogue (tests feed their own).
pub fn explain_with(cat: &'static Catalogue, text: &str) -> Explanation {
    let (text, truncated) = cap(text, MAX_INPUT);
    let cleaned = clean_input(text);
    let text: &str = &cleaned;

    // One pass of the set says which regexes can match; only those run again for
    // their captures. Without the set (it failed to build) every regex runs.
    let candidates = cat.set.as_ref().map(|s| s.matches(text));
    let mut index = 0usize;
    let mut hits: Vec<Hit> = Vec::new();
    for f in &cat.families {
        let first = index;
        index += f.regexes.len();
        // The first regex that matches wins: a family lists its most specific form
        // (the one with host and port) first.
        let hit = f.regexes.iter().enumerate().find_map(|(i, re)| {
            if candidates.as_ref().is_some_and(|c| !c.matched(first + i)) {
                return None;
            }
            re.captures(text).map(|caps| Hit {
                family: f,
                start: caps.get(0).map_or(0, |m| m.start()),
                caps,
            })
        });
        hits.extend(hit);
    }
    errno_hits(cat, text, &mut hits);
    // Specific beats generic; among equals, what comes first in the text (the
    // outermost error of a stack trace) leads.
    hits.sort_by_key(|h| (std::cmp::Reverse(h.family.priority), h.start));

    let primary = hits
        .iter()
        .position(|h| h.family.symptom.is_some())
        .or(if hits.is_empty() { None } else { Some(0) });
    let family = primary.map(|i| hits[i].family);
    let also: Vec<&'static Family> = hits
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != primary)
        .map(|(_, h)| h.family)
        .collect();
    let symptom = family.and_then(|f| f.symptom);

    let mut ex = Extracted::default();
    // The deciding family's captures first: they describe the failure itself.
    for h in primary.map(|i| &hits[i]).into_iter().chain(hits.iter()) {
        fill_from(&mut ex, &h.caps);
    }
    for x in &cat.extractors {
        if let Some(caps) = x.regex.captures(text) {
            fill_from(&mut ex, &caps);
        }
    }
    ex.errno = errno_text(family, &hits, symptom);
    ex.excerpt = primary.map(|i| excerpt(text, hits[i].start));

    let mut notes: Vec<Msg> = Vec::new();
    let mut causes: Vec<(&'static str, Confidence)> = Vec::new();
    if let Some(f) = family {
        let status_rule = f
            .status_map
            .as_deref()
            .and_then(|m| cat.status_rule(m, ex.status));
        let (ids, note): (&'static [String], Option<&'static str>) = match status_rule {
            // A status-specific entry replaces the family's generic list.
            Some(r) if ex.status.is_some() || f.causes.is_empty() => (&r.causes, r.note.as_deref()),
            _ => (&f.causes, None),
        };
        let mut conf = f.confidence;
        for id in ids {
            causes.push((id.as_str(), conf));
            conf = lower(conf);
        }
        notes.extend(f.note.as_deref().map(Msg::new));
        notes.extend(note.map(Msg::new));
    }
    context_rules(text, symptom, &ex, &mut causes, &mut notes);
    dedup(&mut causes, |c| c.0);
    dedup(&mut notes, |m| m.id);

    let args = cause_args(&ex);
    let source = family.map(|f| f.source.as_str()).unwrap_or_default();
    let findings: Vec<Finding> = causes
        .iter()
        .enumerate()
        .map(|(i, (id, conf))| {
            let mut f = Finding::new(id, *conf);
            f.args = args.clone();
            if *id == "refused.family-mismatch" {
                // The message shows the IPv6 attempt; IPv4 is the other family to try.
                let port = ex.port.map_or(UNKNOWN_PORT.to_string(), |p| p.to_string());
                f.args.insert("failed", Arg::Str(format!("[::1]:{port}")));
                f.args
                    .insert("working", Arg::Str(format!("127.0.0.1:{port}")));
            }
            if i == 0
                && let Some(line) = &ex.excerpt
            {
                f = f.because(
                    Msg::new("explain-ev-said")
                        .arg("source", source)
                        .arg("excerpt", line.as_str()),
                );
            }
            f
        })
        .collect();
    let note_args = note_args(&ex);
    for n in &mut notes {
        n.args = note_args.clone();
    }

    let next = suggest(&ex, family);
    Explanation {
        family,
        also,
        symptom,
        causes: findings,
        notes,
        extracted: ex,
        next,
        truncated,
    }
}

/// The most error numbers read from one text: a log repeats the same few.
const MAX_ERRNO_MATCHES: usize = 64;

/// Error numbers in their usual places (`os error 61`, `[Errno -2]`, `code: 49,
/// kind:`, `errno = 113`, `(10061)`), read with the OS tables: a number that stands
/// for exactly one connection error on some system adds the family of that error.
/// Only when no family's wording said how the connection failed: the program's own
/// words are more specific than a number. A number that means different errors on
/// different systems says nothing and is skipped.
fn errno_hits<'t>(cat: &'static Catalogue, text: &'t str, hits: &mut Vec<Hit<'t>>) {
    if hits.iter().any(|h| h.family.symptom.is_some()) {
        return;
    }
    let tables = os_tables::tables();
    let mut seen = 0usize;
    for ctx in &cat.errno_contexts {
        for caps in ctx.regex.captures_iter(text) {
            seen += 1;
            if seen > MAX_ERRNO_MATCHES {
                return;
            }
            let Some(n) = caps
                .name("errno")
                .and_then(|m| m.as_str().parse::<i64>().ok())
            else {
                continue;
            };
            let names = tables.names_of(n);
            let [name] = names.as_slice() else { continue };
            let Some(family) = cat.family_of_errno(name) else {
                continue;
            };
            if hits.iter().any(|h| std::ptr::eq(h.family, family)) {
                continue;
            }
            hits.push(Hit {
                family,
                start: caps.get(0).map_or(0, |m| m.start()),
                caps,
            });
        }
    }
}

/// What a paste carries besides the message, removed before matching: terminal
/// colour codes (`\x1b[31m`) that can sit inside a phrase, and the escapes of a
/// message copied out of a JSON log (`\"`, `\u0027`, and `\n` when the whole
/// paste is one line, i.e. the newlines are escaped too).
fn clean_input(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let mut out: Cow<str> = Cow::Borrowed(text);
    if text.contains('\x1b') {
        let mut s = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                s.push(c);
                continue;
            }
            // CSI: ESC [ parameters final-byte; anything else: drop the ESC alone.
            if chars.peek() == Some(&'[') {
                chars.next();
                while let Some(&n) = chars.peek() {
                    chars.next();
                    if ('@'..='~').contains(&n) {
                        break;
                    }
                }
            }
        }
        out = Cow::Owned(s);
    }
    if out.contains("\\\"") || out.contains("\\u00") {
        let mut s = out
            .replace("\\\"", "\"")
            .replace("\\u0027", "'")
            .replace("\\u0022", "\"")
            .replace("\\u003c", "<")
            .replace("\\u003e", ">")
            .replace("\\u0026", "&")
            .replace("\\/", "/");
        if !s.contains('\n') {
            s = s
                .replace("\\r\\n", "\n")
                .replace("\\n", "\n")
                .replace("\\t", " ");
        }
        out = Cow::Owned(s);
    }
    out
}

/// Cuts `text` to at most `max` bytes on a character boundary.
fn cap(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

fn lower(c: Confidence) -> Confidence {
    match c {
        Confidence::High => Confidence::Medium,
        _ => Confidence::Low,
    }
}

fn dedup<T, K: PartialEq>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut seen: Vec<K> = Vec::new();
    v.retain(|x| {
        let k = key(x);
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
}

/// Fills the fields of `ex` that are still empty from one match.
fn fill_from(ex: &mut Extracted, caps: &Captures) {
    let get = |name: &str| caps.name(name).map(|m| m.as_str().trim());
    let host = get("host").map(clean_host).filter(|h| plausible_host(h));
    let port = get("port")
        .and_then(|p| p.parse::<u16>().ok())
        .filter(|p| *p > 0);
    if let Some(h) = host {
        match &ex.host {
            None => {
                ex.host = Some(h);
                if ex.port.is_none() {
                    ex.port = port;
                }
            }
            // Another mention of the same host may carry the port the first lacked.
            Some(known) if *known == h && ex.port.is_none() => ex.port = port,
            Some(_) => {}
        }
    } else if ex.port.is_none() && get("host").is_none() {
        ex.port = port;
    }
    if ex.url.is_none()
        && let Some(u) = get("url")
    {
        ex.url = Some(clean_url(u));
    }
    if ex.status.is_none() {
        ex.status = get("status").and_then(|s| s.parse().ok());
    }
    if ex.scheme.is_none() {
        ex.scheme = get("scheme").map(str::to_ascii_lowercase);
    }
    if ex.path.is_none() {
        ex.path = get("path").map(str::to_string);
    }
    if ex.errno.is_none() {
        ex.errno = get("errno").map(str::to_string);
    }
}

/// Strips the brackets of an IPv6 literal and the punctuation around a name.
fn clean_host(h: &str) -> String {
    let h = h.trim_matches(|c: char| "\"'‘’`,;".contains(c));
    let h = h
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(h);
    h.trim_end_matches('.').to_string()
}

/// Rejects what a generic extractor may take for a host in a stack trace: source
/// files with line numbers (`socket.py:807`, `main.go:45`).
fn plausible_host(h: &str) -> bool {
    const SOURCE_EXT: &[&str] = &[
        "py", "go", "rs", "js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "kt", "scala", "php",
        "rb", "cs", "c", "cc", "cpp", "h", "hpp", "swift", "dart", "ex", "exs", "lua", "pl",
    ];
    if h.is_empty() || h.len() > 253 {
        return false;
    }
    match h.rsplit_once('.') {
        Some((_, ext)) if h.parse::<IpAddr>().is_err() => {
            !SOURCE_EXT.contains(&ext.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// Cuts sentence punctuation and quotes that follow a URL in prose.
fn clean_url(u: &str) -> String {
    let u = u.trim_end_matches(|c: char| ".,;:'\")]}>。，".contains(c));
    // Dart prints a URI that had no port as `host:0` and ends it with an empty `#`.
    let u = u.strip_suffix('#').unwrap_or(u);
    let Some((scheme, rest)) = u.split_once("://") else {
        return u.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].strip_suffix(":0") {
        Some(authority) => format!("{scheme}://{authority}{}", &rest[end..]),
        None => u.to_string(),
    }
}

/// The error name the deciding family declares, with the number the text shows.
fn errno_text(family: Option<&Family>, hits: &[Hit], symptom: Option<Symptom>) -> Option<String> {
    let name = family.and_then(|f| f.errno.clone()).or_else(|| {
        hits.iter()
            .find(|h| h.family.errno.is_some() && h.family.symptom == symptom)
            .and_then(|h| h.family.errno.clone())
    });
    let number = hits
        .iter()
        .find_map(|h| h.caps.name("errno").map(|m| m.as_str().to_string()));
    match (name, number) {
        (Some(n), Some(k)) if n != k => Some(format!("{n} ({k})")),
        (Some(n), _) => Some(n),
        (None, k) => k,
    }
}

/// The line around `at`, trimmed to [`EXCERPT_CHARS`].
fn excerpt(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim();
    if line.chars().count() <= EXCERPT_CHARS {
        line.to_string()
    } else {
        let mut s: String = line.chars().take(EXCERPT_CHARS).collect();
        s.push('…');
        s
    }
}

fn host_ip(ex: &Extracted) -> Option<IpAddr> {
    ex.host.as_deref().and_then(|h| h.parse().ok())
}

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_private() || (o[0] == 100 && (o[1] & 0xc0) == 64)
        }
        IpAddr::V6(v6) => (v6.segments()[0] & 0xfe00) == 0xfc00,
    }
}

/// Whether a bind or listen call is named in the text (`bind: `, `socket_tcp_bind`,
/// `listen tcp`, `(Bind failed)`).
fn bind_context(text: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::RegexBuilder::new(r"(?:\b|_)bind\b|\blisten tcp|\bBind failed\b")
            .case_insensitive(true)
            .build()
            .ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(text))
}

/// Adjustments that depend on what the message names rather than on its wording.
/// Each one is a fact about addresses that the text alone cannot carry.
fn context_rules(
    text: &str,
    symptom: Option<Symptom>,
    ex: &Extracted,
    causes: &mut Vec<(&'static str, Confidence)>,
    notes: &mut Vec<Msg>,
) {
    let ip = host_ip(ex);
    let loopback_host =
        ip.is_some_and(|i| i.is_loopback()) || ex.host.as_deref() == Some("localhost");
    match symptom {
        Some(Symptom::Refused) => {
            // Node.js 17+ and others try ::1 first for "localhost"; a server bound to
            // 127.0.0.1 then refuses. Unless the text shows IPv4 refused as well.
            if ip == Some(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)) && !text.contains("127.0.0.1")
            {
                causes.insert(0, ("refused.family-mismatch", Confidence::Medium));
                notes.push(Msg::new("explain-note-ipv6-loopback"));
            }
            if loopback_host {
                // Loopback-only binding is about other hosts being refused; this
                // client is on the server's own machine.
                causes.retain(|c| c.0 != "refused.loopback-only");
            }
        }
        Some(Symptom::Timeout) if ip.is_some_and(is_private) => {
            // Second place: a firewall is still the commoner reason, but dialling
            // an intranet address from outside looks exactly like this.
            let at = causes.len().min(1);
            causes.insert(at, ("timeout.private-unroutable", Confidence::Medium));
            notes.push(Msg::new("explain-note-private-address"));
        }
        Some(Symptom::AddrNotAvail) if bind_context(text) => {
            // EADDRNOTAVAIL from bind/listen: the address is not one of this
            // machine's, whatever the catalogue's connect-side order says.
            causes.retain(|c| c.0 != "addr-not-avail.bind-not-local");
            causes.insert(0, ("addr-not-avail.bind-not-local", Confidence::Medium));
        }
        Some(Symptom::Unreachable) if ip.is_some_and(|i| i.is_ipv6()) => {
            notes.push(Msg::new("explain-note-ipv6-unreachable"));
        }
        _ => {}
    }
    if let Some(IpAddr::V4(v4)) = ip {
        let o = v4.octets();
        // 198.18.0.0/15 is benchmark space that proxy tools (Clash, Surge) hand out
        // as fake DNS answers: the address is not the server's.
        if o[0] == 198 && (o[1] & 0xfe) == 18 {
            causes.insert(0, ("dns.fake-ip", Confidence::Medium));
            notes.push(Msg::new("explain-note-fake-ip"));
        }
    }
    if ip.is_some_and(|i| i.is_unspecified()) {
        notes.push(Msg::new("explain-note-connect-0000"));
    }
    if ex
        .host
        .as_deref()
        .is_some_and(|h| h.contains("://") || h.contains('/'))
    {
        notes.push(Msg::new("explain-note-host-is-url"));
    }
}

/// Arguments for the shared `cause-*`/`fix-*` messages. Every variable any of those
/// texts uses gets a value; what the message does not say becomes a placeholder.
fn cause_args(ex: &Extracted) -> Args {
    let host = ex.host.as_deref().map(display_host);
    let port = ex.port.map_or(UNKNOWN_PORT.to_string(), |p| p.to_string());
    let addr = match (&host, ex.port) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.clone(),
        (None, _) => format!("{UNKNOWN_HOST}:{port}"),
    };
    let ip = ex.host.clone().unwrap_or_else(|| UNKNOWN_HOST.to_string());
    let mut a = Args::new();
    a.insert("addr", Arg::Str(addr.clone()));
    a.insert("dst", Arg::Str(addr));
    a.insert("port", ex.port.map_or(Arg::Str(port.clone()), Arg::from));
    a.insert("ip", Arg::Str(ip.clone()));
    a.insert("name", Arg::Str(ip));
    // A loopback-only server is bound to 127.0.0.1 on the same port.
    a.insert("bound", Arg::Str(format!("127.0.0.1:{port}")));
    a.insert(
        "host",
        Arg::Str(host.unwrap_or_else(|| UNKNOWN_HOST.to_string())),
    );
    let status = ex.status.map_or(UNKNOWN.to_string(), |s| s.to_string());
    a.insert("status", Arg::Str(status.clone()));
    a.insert("code", Arg::Str(status));
    let path = ex
        .url
        .as_deref()
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]).to_string())
        .or_else(|| ex.path.clone())
        .unwrap_or_else(|| UNKNOWN.to_string());
    a.insert("path", Arg::Str(path));
    let (plain, secure) = scheme_pair(ex);
    a.insert("plain", Arg::Str(plain));
    a.insert("secure", Arg::Str(secure));
    // What only a live check can see (reply bytes, Server header, timings, the
    // other family that works) is unknown here; "?" says so in every language.
    for k in [
        "failed", "working", "lo", "hi", "count", "reuse", "queued", "server", "bytes", "speaks",
        "origin", "ms", "cdn", "addrs", "via", "servers",
    ] {
        a.insert(k, Arg::Str(UNKNOWN.into()));
    }
    a
}

/// The URL (or address) the message names, written with the plain and the TLS
/// scheme, for the tls-to-plain / plain-to-tls fixes.
fn scheme_pair(ex: &Extracted) -> (String, String) {
    let rest = ex.url.as_deref().and_then(|u| u.split_once("://"));
    match rest {
        Some((s, r)) => {
            let s = s.to_ascii_lowercase();
            let (p, t) = match s.as_str() {
                "http" | "https" => ("http", "https"),
                _ => ("ws", "wss"),
            };
            (format!("{p}://{r}"), format!("{t}://{r}"))
        }
        None => {
            let addr = match (ex.host.as_deref().map(display_host), ex.port) {
                (Some(h), Some(p)) => format!("{h}:{p}"),
                (Some(h), None) => h,
                (None, _) => String::new(),
            };
            // Which of ws:// or http:// the client used is not known either.
            (
                format!("ws://{addr} / http://{addr}"),
                format!("wss://{addr} / https://{addr}"),
            )
        }
    }
}

fn note_args(ex: &Extracted) -> Args {
    let mut a = Args::new();
    a.insert(
        "host",
        Arg::Str(
            ex.host
                .as_deref()
                .map_or(UNKNOWN_HOST.to_string(), display_host),
        ),
    );
    a.insert(
        "port",
        Arg::Str(ex.port.map_or(UNKNOWN_PORT.to_string(), |p| p.to_string())),
    );
    a.insert(
        "status",
        Arg::Str(ex.status.map_or(UNKNOWN.to_string(), |s| s.to_string())),
    );
    a
}

/// `[v6]` for IPv6 literals so `host:port` stays unambiguous.
fn display_host(h: &str) -> String {
    match h.parse::<IpAddr>() {
        Ok(IpAddr::V6(_)) => format!("[{h}]"),
        _ => h.to_string(),
    }
}

/// Maps a URL's scheme to one `conndoctor check` knows, keeping the rest.
fn normalise_url(url: &str, tls: bool) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let scheme = match (scheme.as_str(), tls) {
        ("ws", true) => "wss",
        ("http", true) => "https",
        // PHP's ssl:// and tls:// are TCP with TLS: check the address itself.
        ("ssl" | "tls" | "udp", _) => return Some(authority_of(rest).to_string()),
        (s, _) => return Some(format!("{s}://{rest}")),
    };
    Some(format!("{scheme}://{rest}"))
}

fn authority_of(rest: &str) -> &str {
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Builds the next command from what the message names.
fn suggest(ex: &Extracted, family: Option<&Family>) -> Next {
    let tls = family.is_some_and(|f| f.suggest_tls);
    let complete = |t: String| Next {
        command: format!("conndoctor check {t}"),
        target: Some(t),
        complete: true,
    };
    if let Some(t) = ex
        .url
        .as_deref()
        .and_then(|u| normalise_url(u, tls))
        .filter(|t| target::parse(t).is_ok())
    {
        return complete(t);
    }
    if let Some(h) = ex.host.as_deref() {
        if h.contains("://")
            && let Some(t) = normalise_url(h, tls).filter(|t| target::parse(t).is_ok())
        {
            return complete(t);
        }
        let host = display_host(h);
        let scheme = ex
            .scheme
            .as_deref()
            .or(family.and_then(|f| f.scheme.as_deref()))
            .map(|s| match (s, tls) {
                ("ws", true) => "wss",
                ("http", true) => "https",
                (s, _) => s,
            });
        let candidate = match (scheme, ex.port) {
            (Some(s), Some(p)) => Some(format!(
                "{s}://{host}:{p}{}",
                ex.path
                    .as_deref()
                    .filter(|p| p.starts_with('/'))
                    .unwrap_or("")
            )),
            (None, Some(p)) => Some(format!("{host}:{p}")),
            // A scheme with a default port still makes a complete target.
            (Some(s), None) if matches!(s, "http" | "https" | "ws" | "wss") => {
                Some(format!("{s}://{host}"))
            }
            _ => None,
        };
        if let Some(t) = candidate.filter(|t| target::parse(t).is_ok()) {
            return complete(t);
        }
        if target::parse(&format!("{host}:1")).is_ok() {
            return Next {
                target: None,
                command: format!("conndoctor check {host}:{UNKNOWN_PORT}"),
                complete: false,
            };
        }
    }
    Next {
        target: None,
        command: format!("conndoctor check {UNKNOWN_HOST}:{UNKNOWN_PORT}"),
        complete: false,
    }
}

/// Whether anything useful was read, for the honest "unknown message" text.
pub fn extracted_anything(e: &Explanation) -> bool {
    !e.extracted.is_empty()
}

#[cfg(test)]
mod tests;
