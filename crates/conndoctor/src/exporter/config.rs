//! The exporter's configuration: YAML modules, the allow-list and limits, validated
//! completely before the exporter starts (or before a SIGHUP reload replaces the
//! running configuration). Every rejected shape has a fixture under
//! `tests/fixtures/exporter/`.
//!
//! ```yaml
//! modules:
//!   chat:
//!     prober: ws            # tcp | text | http | https | ws | wss
//!     timeout: 5s
//!     path: /chat
//!     origin: https://example.com
//!     subprotocol: chat.v1   # Sec-WebSocket-Protocol to ask for
//!     headers: { Authorization: "Bearer x" }
//!     tls: { insecure_skip_verify: false }
//!     side_probes: false     # also connect to ports 22/80/443/3389/8080 on timeouts
//!     trace: false           # TTL-limited SYNs towards a target that does not answer
//! allow:
//!   hosts: [example.com, "*.internal.example.com"]
//!   cidrs: [10.0.0.0/8, 2001:db8::/32]
//!   ports: [443, "8000-8999"]
//! limits:
//!   max_concurrent_probes: 32
//!   scrape_timeout_offset: 0.5s
//! ```
//!
//! blackbox_exporter's `blackbox.yml` is read too: `prober: http|tcp|websocket` with
//! their `http:` / `tcp:` / `websocket:` sub-blocks map onto these modules (see
//! [`Checks`]); a blackbox option conndoctor does not implement is refused by name,
//! an unknown key as unknown (blackbox parses strictly as well).
//!
//! The YAML is read with `serde_norway`, the maintained fork of the archived
//! `serde_yaml` (it carries its own maintained libyaml port; `serde_yml` is
//! deprecated and `serde_yaml_ng` still builds on the unmaintained `unsafe-libyaml`).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::allow::{AllowList, Cidr, HostPattern, PortRange};
use crate::finding::{Arg, Msg};
use crate::probe::protocol::ProtoOptions;
use crate::target::Scheme;

/// A configuration file larger than this is refused (it is a few lines).
const MAX_FILE: u64 = 1024 * 1024;
/// Timeout of the built-in modules and of modules that give none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);
pub const DEFAULT_MAX_PROBES: usize = 32;
const MAX_PROBES_LIMIT: u64 = 4096;
/// blackbox_exporter's `--timeout-offset` default.
pub const DEFAULT_OFFSET: Duration = Duration::from_millis(500);
const MAX_PATH: usize = 1024;
const MAX_HEADERS: usize = 32;

/// What a module speaks: a TCP connect, or a protocol over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prober {
    Tcp,
    Text,
    Http,
    Https,
    Ws,
    Wss,
}

impl Prober {
    pub const ALL: [Prober; 6] = [
        Prober::Tcp,
        Prober::Text,
        Prober::Http,
        Prober::Https,
        Prober::Ws,
        Prober::Wss,
    ];

    pub fn parse(s: &str) -> Option<Prober> {
        Prober::ALL.into_iter().find(|p| p.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Prober::Tcp => "tcp",
            Prober::Text => "text",
            Prober::Http => "http",
            Prober::Https => "https",
            Prober::Ws => "ws",
            Prober::Wss => "wss",
        }
    }

    /// The scheme of the target this prober checks; `tcp` is a bare `host:port`
    /// (connect verdict only, no protocol wait), as in blackbox's `tcp_connect`.
    pub fn scheme(self) -> Option<Scheme> {
        match self {
            Prober::Tcp => None,
            Prober::Text => Some(Scheme::Text),
            Prober::Http => Some(Scheme::Http),
            Prober::Https => Some(Scheme::Https),
            Prober::Ws => Some(Scheme::Ws),
            Prober::Wss => Some(Scheme::Wss),
        }
    }

    /// Speaks HTTP (plain HTTP or the WebSocket upgrade): has a status code.
    pub fn is_http(self) -> bool {
        matches!(
            self,
            Prober::Http | Prober::Https | Prober::Ws | Prober::Wss
        )
    }

    pub fn is_ws(self) -> bool {
        matches!(self, Prober::Ws | Prober::Wss)
    }

    pub fn is_tls(self) -> bool {
        matches!(self, Prober::Https | Prober::Wss)
    }
}

/// Which address family to probe, from blackbox's `preferred_ip_protocol` and
/// `ip_protocol_fallback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpPreference {
    pub v6: bool,
    pub fallback: bool,
}

/// One step of a tcp module's `query_response`.
#[derive(Debug, Clone)]
pub enum Step {
    /// Read lines until one matches.
    Expect(regex::Regex),
    /// Send this text and a newline.
    Send(String),
}

/// One `fail_if_header_(not_)matches` entry.
#[derive(Debug, Clone)]
pub struct HeaderRegex {
    /// Lower-case header name.
    pub header: String,
    pub regexp: regex::Regex,
    pub allow_missing: bool,
    /// `fail_if_header_matches` (else `fail_if_header_not_matches`).
    pub fail_if_matches: bool,
}

/// The blackbox_exporter checks a module adds to conndoctor's verdict.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// Accepted HTTP status codes; empty: 2xx (HTTP probers) or no check (WebSocket).
    pub valid_status_codes: Vec<u16>,
    pub fail_if_ssl: bool,
    pub fail_if_not_ssl: bool,
    /// `None`: every resolved address, as conndoctor checks them.
    pub ip: Option<IpPreference>,
    /// `fail_if_header_matches` / `fail_if_header_not_matches`, in that order.
    pub header_regexes: Vec<HeaderRegex>,
    pub query_response: Vec<Step>,
}

#[derive(Debug, Clone)]
pub struct Module {
    pub prober: Prober,
    /// blackbox semantics: the `http` prober probes `https://` targets too.
    pub any_http_scheme: bool,
    pub timeout: Duration,
    /// Path (and query) for HTTP/WebSocket targets given without one.
    pub path: String,
    pub proto: ProtoOptions,
    pub insecure: bool,
    pub side_probes: bool,
    pub trace: bool,
    pub checks: Checks,
}

impl Module {
    fn builtin(prober: Prober) -> Module {
        Module {
            prober,
            any_http_scheme: false,
            timeout: DEFAULT_TIMEOUT,
            path: "/".into(),
            proto: ProtoOptions::default(),
            insecure: false,
            side_probes: false,
            trace: false,
            checks: Checks::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_concurrent_probes: usize,
    pub scrape_timeout_offset: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_concurrent_probes: DEFAULT_MAX_PROBES,
            scrape_timeout_offset: DEFAULT_OFFSET,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from; `None` for the built-in configuration.
    pub file: Option<PathBuf>,
    pub modules: BTreeMap<String, Module>,
    pub allow: AllowList,
    pub limits: Limits,
}

impl Config {
    /// Without `--config`: modules tcp, http, https, ws, wss; loopback targets only.
    pub fn builtin() -> Config {
        let modules = [
            Prober::Tcp,
            Prober::Http,
            Prober::Https,
            Prober::Ws,
            Prober::Wss,
        ]
        .into_iter()
        .map(|p| (p.name().to_string(), Module::builtin(p)))
        .collect();
        Config {
            file: None,
            modules,
            allow: AllowList::loopback(),
            limits: Limits::default(),
        }
    }

    /// Module names in the order the start-up line shows them: the built-in order
    /// for the built-in configuration, sorted otherwise.
    pub fn module_names(&self) -> Vec<&str> {
        if self.file.is_none() {
            ["tcp", "http", "https", "ws", "wss"].to_vec()
        } else {
            self.modules.keys().map(String::as_str).collect()
        }
    }

    /// Reads and validates `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let text = read_capped(path).map_err(|detail| {
            ConfigError::new("exporter-config-read", &file).arg("detail", detail)
        })?;
        Config::parse(&text, path)
    }

    /// Validates YAML text that came from `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        if text.trim().is_empty() {
            return Err(ConfigError::new("exporter-config-no-modules", &file));
        }
        let raw: RawConfig = serde_norway::from_str(text).map_err(|e| {
            ConfigError::new("exporter-config-syntax", &file).arg("detail", e.to_string())
        })?;
        let err = |id: &'static str| ConfigError::new(id, &file);

        if raw.modules.is_empty() {
            return Err(err("exporter-config-no-modules"));
        }
        let mut modules = BTreeMap::new();
        for (name, m) in raw.modules.0 {
            let module = validate_module(&name, m, &err)?;
            modules.insert(name, module);
        }

        let allow = match raw.allow {
            None => AllowList::loopback(),
            Some(a) => validate_allow(a, &err)?,
        };
        // Side probes connect to other ports of the target: a port allow-list must
        // allow them all, or the module would probe ports it forbids.
        let side = crate::probe::SIDE_PORTS;
        if let Some((name, _)) = modules.iter().find(|(_, m)| m.side_probes)
            && side.iter().any(|p| allow.check_port(*p).is_err())
        {
            return Err(err("exporter-config-side-probes")
                .arg("module", name.as_str())
                .arg(
                    "ports",
                    side.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
        }

        let mut limits = Limits::default();
        if let Some(n) = raw.limits.max_concurrent_probes {
            limits.max_concurrent_probes = n
                .as_count()
                .filter(|n| (1..=MAX_PROBES_LIMIT).contains(n))
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| {
                    err("exporter-config-limit")
                        .arg("field", "max_concurrent_probes")
                        .arg("value", n.to_string())
                        .arg("max", MAX_PROBES_LIMIT)
                })?;
        }
        if let Some(o) = raw.limits.scrape_timeout_offset {
            limits.scrape_timeout_offset = o
                .as_duration(true)
                .filter(|d| *d < Duration::from_secs(60))
                .ok_or_else(|| err("exporter-config-offset").arg("value", o.to_string()))?;
        }
        Ok(Config {
            file: Some(path.to_path_buf()),
            modules,
            allow,
            limits,
        })
    }
}

/// A configuration problem: a locale message id and its arguments (always `file`).
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError(pub Msg);

impl ConfigError {
    fn new(id: &'static str, file: &str) -> ConfigError {
        ConfigError(Msg::new(id).arg("file", file))
    }

    fn arg(self, k: &'static str, v: impl Into<Arg>) -> ConfigError {
        ConfigError(self.0.arg(k, v))
    }

    pub fn id(&self) -> &'static str {
        self.0.id
    }
}

fn read_capped(path: &Path) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = f.metadata().map_err(|e| e.to_string())?;
    // A FIFO or a device could block forever or never end.
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE {
        return Err(format!("larger than {MAX_FILE} bytes"));
    }
    let mut buf = Vec::new();
    f.take(MAX_FILE + 1)
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    String::from_utf8(buf).map_err(|_| "not UTF-8 text".to_string())
}

// ------------------------------------------------------------------ raw YAML shapes

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    modules: Unique<RawModule>,
    allow: Option<RawAllow>,
    #[serde(default)]
    limits: RawLimits,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    prober: String,
    timeout: Option<Scalar>,
    path: Option<String>,
    origin: Option<String>,
    subprotocol: Option<String>,
    #[serde(default)]
    headers: Unique<Scalar>,
    tls: Option<RawTls>,
    #[serde(default)]
    side_probes: bool,
    #[serde(default)]
    trace: bool,
    /// blackbox_exporter's sub-blocks.
    http: Option<RawHttp>,
    tcp: Option<RawTcp>,
    websocket: Option<RawWebsocket>,
    icmp: Option<serde_norway::Value>,
    dns: Option<serde_norway::Value>,
    grpc: Option<serde_norway::Value>,
    unix: Option<serde_norway::Value>,
}

/// blackbox's `websocket` prober block.
#[derive(Debug, Deserialize)]
struct RawWebsocket {
    #[serde(default)]
    headers: Unique<Scalar>,
    #[serde(default)]
    query_response: Vec<serde_norway::Value>,
    preferred_ip_protocol: Option<String>,
    ip_protocol_fallback: Option<bool>,
    http_config: Option<RawHttpConfig>,
    #[serde(flatten)]
    rest: Rest,
}

#[derive(Debug, Deserialize)]
struct RawHttpConfig {
    tls_config: Option<RawTlsConfig>,
    #[serde(flatten)]
    rest: Rest,
}

/// The rest of a blackbox sub-block: known blackbox options conndoctor does not
/// implement get their own message, anything else is an unknown field (blackbox
/// reads its configuration strictly too).
type Rest = BTreeMap<String, serde_norway::Value>;

#[derive(Debug, Deserialize)]
struct RawHttp {
    #[serde(default)]
    valid_status_codes: Vec<Scalar>,
    #[serde(default)]
    valid_http_versions: Vec<String>,
    method: Option<String>,
    #[serde(default)]
    headers: Unique<Scalar>,
    preferred_ip_protocol: Option<String>,
    ip_protocol_fallback: Option<bool>,
    #[serde(default)]
    fail_if_ssl: bool,
    #[serde(default)]
    fail_if_not_ssl: bool,
    tls_config: Option<RawTlsConfig>,
    #[serde(default)]
    fail_if_header_matches: Vec<RawHeaderRegex>,
    #[serde(default)]
    fail_if_header_not_matches: Vec<RawHeaderRegex>,
    // Accepted: conndoctor reads only a capped start of the body anyway.
    #[allow(dead_code)]
    body_size_limit: Option<serde_norway::Value>,
    no_follow_redirects: Option<bool>,
    follow_redirects: Option<bool>,
    // Accepted either way: conndoctor speaks HTTP/1.1 (README).
    #[allow(dead_code)]
    enable_http2: Option<bool>,
    #[serde(flatten)]
    rest: Rest,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeaderRegex {
    header: String,
    regexp: String,
    #[serde(default)]
    allow_missing: bool,
}

#[derive(Debug, Deserialize)]
struct RawTcp {
    preferred_ip_protocol: Option<String>,
    ip_protocol_fallback: Option<bool>,
    #[serde(default)]
    query_response: Vec<RawStep>,
    #[serde(default)]
    tls: bool,
    tls_config: Option<RawTlsConfig>,
    #[serde(flatten)]
    rest: Rest,
}

#[derive(Debug, Deserialize)]
struct RawStep {
    expect: Option<String>,
    send: Option<String>,
    #[serde(flatten)]
    rest: Rest,
}

#[derive(Debug, Deserialize)]
struct RawTlsConfig {
    #[serde(default)]
    insecure_skip_verify: bool,
    #[serde(flatten)]
    rest: Rest,
}

/// blackbox_exporter options that conndoctor knows but does not implement, per block.
const HTTP_UNSUPPORTED: &[&str] = &[
    "body",
    "body_file",
    "basic_auth",
    "bearer_token",
    "bearer_token_file",
    "authorization",
    "oauth2",
    "proxy_url",
    "no_proxy",
    "proxy_from_environment",
    "proxy_connect_header",
    "compression",
    "fail_if_body_matches_regexp",
    "fail_if_body_not_matches_regexp",
    "fail_if_body_json_matches_cel",
    "fail_if_body_json_not_matches_cel",
    "skip_resolve_phase_with_proxy",
    "source_ip_address",
    "hostname",
    "http_client_config",
    "enable_http3",
    "http_headers",
];
const WS_UNSUPPORTED: &[&str] = &[];
const WS_KNOWN: &str = "headers, preferred_ip_protocol, ip_protocol_fallback, http_config";
const HTTP_CONFIG_UNSUPPORTED: &[&str] = &[
    "basic_auth",
    "authorization",
    "bearer_token",
    "bearer_token_file",
    "oauth2",
    "proxy_url",
    "no_proxy",
    "proxy_from_environment",
    "proxy_connect_header",
    "follow_redirects",
    "enable_http2",
];
const HTTP_CONFIG_KNOWN: &str = "tls_config";
const TCP_UNSUPPORTED: &[&str] = &["source_ip_address"];
const STEP_UNSUPPORTED: &[&str] = &["starttls", "expect_bytes", "send_bytes", "labels"];
const TLS_UNSUPPORTED: &[&str] = &[
    "ca",
    "ca_file",
    "cert",
    "cert_file",
    "key",
    "key_file",
    "server_name",
    "min_version",
    "max_version",
];
const HTTP_KNOWN: &str = "valid_status_codes, valid_http_versions, method, headers, preferred_ip_protocol, ip_protocol_fallback, fail_if_ssl, fail_if_not_ssl, fail_if_header_matches, fail_if_header_not_matches, tls_config, body_size_limit, no_follow_redirects, follow_redirects, enable_http2";
const TCP_KNOWN: &str =
    "preferred_ip_protocol, ip_protocol_fallback, query_response, tls, tls_config";
const STEP_KNOWN: &str = "expect, send";
const TLS_KNOWN: &str = "insecure_skip_verify";
/// blackbox probers conndoctor does not have.
const OTHER_PROBERS: &[&str] = &["icmp", "dns", "grpc", "unix"];
/// blackbox's name for the WebSocket prober.
const WEBSOCKET: &str = "websocket";
/// blackbox's timeout when neither the module nor the scraper gives one.
const BLACKBOX_TIMEOUT: Duration = Duration::from_secs(120);
const MAX_STEPS: usize = 16;
const MAX_REGEX: usize = 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTls {
    #[serde(default)]
    insecure_skip_verify: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    #[serde(default)]
    hosts: Vec<String>,
    #[serde(default)]
    cidrs: Vec<String>,
    #[serde(default)]
    ports: Vec<Scalar>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_concurrent_probes: Option<Scalar>,
    scrape_timeout_offset: Option<Scalar>,
}

/// A mapping whose keys must be unique: YAML parsers (and serde's maps) keep the last
/// of two equal keys silently, which would hide a module or a header.
#[derive(Debug)]
struct Unique<V>(Vec<(String, V)>);

impl<V> Default for Unique<V> {
    fn default() -> Self {
        Unique(Vec::new())
    }
}

impl<V> Unique<V> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Unique<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Unique<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Unique<V>, A::Error> {
                let mut out: Vec<(String, V)> = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    if out.iter().any(|(seen, _)| *seen == k) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate key \"{k}\""
                        )));
                    }
                    let v = m.next_value()?;
                    out.push((k, v));
                }
                Ok(Unique(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// A YAML scalar that may be written as a number or a string (`timeout: 5` or `5s`,
/// `ports: [443, "8000-8999"]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Int(i64),
    Num(f64),
    Bool(bool),
    Str(String),
}

impl std::fmt::Display for Scalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scalar::Int(n) => write!(f, "{n}"),
            Scalar::Num(n) => write!(f, "{n}"),
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Str(s) => f.write_str(s),
        }
    }
}

impl Scalar {
    fn as_count(&self) -> Option<u64> {
        match self {
            Scalar::Int(n) => u64::try_from(*n).ok(),
            Scalar::Str(s) if s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
            _ => None,
        }
    }

    /// `5s`, `500ms`, `1.5` (seconds), `5`; zero only when `zero_ok`.
    fn as_duration(&self, zero_ok: bool) -> Option<Duration> {
        let s = self.to_string();
        if zero_ok && s.trim().parse::<f64>().is_ok_and(|n| n == 0.0) {
            return Some(Duration::ZERO);
        }
        if matches!(self, Scalar::Bool(_)) {
            return None;
        }
        crate::parse_duration(&s).or_else(|| {
            (zero_ok && humantime::parse_duration(s.trim()).is_ok_and(|d| d.is_zero()))
                .then_some(Duration::ZERO)
        })
    }
}

// ------------------------------------------------------------------ validation

fn valid_module_name(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 64
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !n.starts_with('-')
}

/// One printable line: no control characters (CR/LF would smuggle request lines).
fn one_line(s: &str) -> bool {
    !s.trim().is_empty() && !s.chars().any(char::is_control)
}

fn valid_header_name(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn validate_module(
    name: &str,
    m: RawModule,
    err: &dyn Fn(&'static str) -> ConfigError,
) -> Result<Module, ConfigError> {
    if !valid_module_name(name) {
        return Err(err("exporter-config-module-name").arg("module", name));
    }
    let merr = |id: &'static str| err(id).arg("module", name);
    let prober_name = m.prober.trim();
    if OTHER_PROBERS.contains(&prober_name) {
        return Err(merr("exporter-config-prober-unsupported").arg("value", prober_name));
    }
    let blackbox_ws = prober_name == WEBSOCKET;
    let mut prober = if blackbox_ws {
        Prober::Ws
    } else {
        Prober::parse(prober_name)
            .ok_or_else(|| merr("exporter-config-prober").arg("value", m.prober.as_str()))?
    };
    if m.websocket.is_some() && !blackbox_ws {
        return Err(merr("exporter-config-not-for-prober")
            .arg("field", "websocket")
            .arg("prober", prober.name()));
    }
    for (field, set) in [
        ("icmp", m.icmp.is_some()),
        ("dns", m.dns.is_some()),
        ("grpc", m.grpc.is_some()),
        ("unix", m.unix.is_some()),
    ] {
        if set {
            return Err(merr("exporter-config-unsupported").arg("field", field));
        }
    }
    let not_for = |field: &'static str| {
        merr("exporter-config-not-for-prober")
            .arg("field", field)
            .arg("prober", prober.name())
    };
    let blackbox_shaped = m.http.is_some() || m.tcp.is_some() || blackbox_ws;
    if m.http.is_some() && prober != Prober::Http {
        return Err(merr("exporter-config-not-for-prober")
            .arg("field", "http")
            .arg("prober", prober.name()));
    }
    if m.tcp.is_some() && prober != Prober::Tcp {
        return Err(merr("exporter-config-not-for-prober")
            .arg("field", "tcp")
            .arg("prober", prober.name()));
    }
    let timeout = match &m.timeout {
        // blackbox: the scrape timeout (minus the offset) decides, else 120 s.
        None if blackbox_shaped => BLACKBOX_TIMEOUT,
        None => DEFAULT_TIMEOUT,
        Some(t) => t
            .as_duration(false)
            .ok_or_else(|| merr("exporter-config-timeout").arg("value", t.to_string()))?,
    };
    if !prober.is_http() {
        for (field, set) in [
            ("path", m.path.is_some()),
            ("headers", !m.headers.is_empty()),
            ("origin", m.origin.is_some()),
            ("subprotocol", m.subprotocol.is_some()),
        ] {
            if set {
                return Err(not_for(field));
            }
        }
    }
    if !prober.is_ws() {
        for (field, set) in [
            ("origin", m.origin.is_some()),
            ("subprotocol", m.subprotocol.is_some()),
        ] {
            if set {
                return Err(not_for(field));
            }
        }
    }
    if !prober.is_tls() && m.tls.is_some() {
        return Err(not_for("tls"));
    }
    let path = m.path.unwrap_or_else(|| "/".into());
    if !path.starts_with('/')
        || path.len() > MAX_PATH
        || path.contains('#')
        || path.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(merr("exporter-config-path").arg("value", path));
    }
    for (field, v) in [("origin", &m.origin), ("subprotocol", &m.subprotocol)] {
        if let Some(v) = v
            && !one_line(v)
        {
            return Err(merr("exporter-config-bad-value")
                .arg("field", field)
                .arg("value", v.escape_debug().to_string()));
        }
    }
    if m.headers.len() > MAX_HEADERS {
        return Err(merr("exporter-config-too-many-headers").arg("max", MAX_HEADERS as u64));
    }
    let mut checks = Checks::default();
    let mut insecure = m.tls.is_some_and(|t| t.insecure_skip_verify);
    let mut origin = m.origin;
    let mut subprotocol = m.subprotocol;
    let any_http_scheme = prober == Prober::Http || blackbox_ws;
    let mut raw_headers = m.headers.0;
    if let Some(w) = m.websocket {
        unsupported(&merr, "websocket", w.rest, WS_UNSUPPORTED, WS_KNOWN)?;
        // Messages over the WebSocket would need a frame conversation conndoctor
        // does not hold; the upgrade itself is checked.
        if !w.query_response.is_empty() {
            return Err(
                merr("exporter-config-unsupported").arg("field", "websocket.query_response")
            );
        }
        if let Some(hc) = w.http_config {
            unsupported(
                &merr,
                "http_config",
                hc.rest,
                HTTP_CONFIG_UNSUPPORTED,
                HTTP_CONFIG_KNOWN,
            )?;
            if let Some(t) = hc.tls_config {
                unsupported(&merr, "tls_config", t.rest, TLS_UNSUPPORTED, TLS_KNOWN)?;
                insecure |= t.insecure_skip_verify;
            }
        }
        checks.ip = ip_preference(&merr, w.preferred_ip_protocol, w.ip_protocol_fallback)?;
        for (k, v) in w.headers.0 {
            match k.to_ascii_lowercase().as_str() {
                "sec-websocket-protocol" => subprotocol = Some(v.to_string()),
                "origin" => origin = Some(v.to_string()),
                _ => raw_headers.push((k, v)),
            }
        }
    }
    if let Some(h) = m.http {
        unsupported(&merr, "http", h.rest, HTTP_UNSUPPORTED, HTTP_KNOWN)?;
        for c in &h.valid_status_codes {
            let code = c
                .as_count()
                .filter(|c| (100..=599).contains(c))
                .and_then(|c| u16::try_from(c).ok())
                .ok_or_else(|| merr("exporter-config-status").arg("value", c.to_string()))?;
            checks.valid_status_codes.push(code);
        }
        // conndoctor speaks HTTP/1.1: a list must allow it (no version is measured).
        if !h.valid_http_versions.is_empty()
            && !h
                .valid_http_versions
                .iter()
                .any(|v| matches!(v.trim(), "HTTP/1.1" | "HTTP/1.0"))
        {
            return Err(
                merr("exporter-config-http-version").arg("value", h.valid_http_versions.join(", "))
            );
        }
        if let Some(method) = &h.method
            && !method.trim().eq_ignore_ascii_case("GET")
        {
            return Err(merr("exporter-config-method").arg("value", method.as_str()));
        }
        if h.no_follow_redirects == Some(false) || h.follow_redirects == Some(true) {
            return Err(merr("exporter-config-redirects"));
        }
        for (list, fail_if_matches) in [
            (h.fail_if_header_matches, true),
            (h.fail_if_header_not_matches, false),
        ] {
            for r in list {
                if !valid_header_name(&r.header) {
                    return Err(merr("exporter-config-header")
                        .arg("value", r.header.escape_debug().to_string()));
                }
                let regexp = build_regex(&r.regexp)
                    .ok_or_else(|| merr("exporter-config-regex").arg("value", r.regexp.as_str()))?;
                checks.header_regexes.push(HeaderRegex {
                    header: r.header.to_ascii_lowercase(),
                    regexp,
                    allow_missing: r.allow_missing,
                    fail_if_matches,
                });
            }
        }
        checks.fail_if_ssl = h.fail_if_ssl;
        checks.fail_if_not_ssl = h.fail_if_not_ssl;
        checks.ip = ip_preference(&merr, h.preferred_ip_protocol, h.ip_protocol_fallback)?;
        if let Some(t) = h.tls_config {
            unsupported(&merr, "tls_config", t.rest, TLS_UNSUPPORTED, TLS_KNOWN)?;
            insecure |= t.insecure_skip_verify;
        }
        if raw_headers.len() + h.headers.len() > MAX_HEADERS {
            return Err(merr("exporter-config-too-many-headers").arg("max", MAX_HEADERS as u64));
        }
        // A WebSocket check written for blackbox: an http module sending the upgrade
        // headers. conndoctor's ws prober sends (and verifies) the handshake itself.
        let upgrade = h.headers.0.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("upgrade")
                && v.to_string().trim().eq_ignore_ascii_case("websocket")
        });
        for (k, v) in h.headers.0 {
            let lower = k.to_ascii_lowercase();
            match lower.as_str() {
                "upgrade" | "connection" | "sec-websocket-key" | "sec-websocket-version"
                    if upgrade => {}
                "sec-websocket-protocol" if upgrade => subprotocol = Some(v.to_string()),
                "origin" if upgrade => origin = Some(v.to_string()),
                _ => raw_headers.push((k, v)),
            }
        }
        if upgrade {
            prober = Prober::Ws;
        }
    }
    if let Some(t) = m.tcp {
        unsupported(&merr, "tcp", t.rest, TCP_UNSUPPORTED, TCP_KNOWN)?;
        if t.tls {
            return Err(merr("exporter-config-unsupported").arg("field", "tcp.tls"));
        }
        if let Some(tc) = t.tls_config {
            unsupported(&merr, "tls_config", tc.rest, TLS_UNSUPPORTED, TLS_KNOWN)?;
            // Without tls: true there is no handshake the option could change.
            if tc.insecure_skip_verify {
                return Err(merr("exporter-config-unsupported").arg("field", "tcp.tls_config"));
            }
        }
        checks.ip = ip_preference(&merr, t.preferred_ip_protocol, t.ip_protocol_fallback)?;
        if t.query_response.len() > MAX_STEPS {
            return Err(merr("exporter-config-steps").arg("max", MAX_STEPS as u64));
        }
        for step in t.query_response {
            unsupported(
                &merr,
                "query_response",
                step.rest,
                STEP_UNSUPPORTED,
                STEP_KNOWN,
            )?;
            // blackbox allows both in one step (expect, then send); so does this.
            if step.expect.is_none() && step.send.is_none() {
                return Err(merr("exporter-config-step"));
            }
            if let Some(e) = step.expect {
                let re = build_regex(&e)
                    .ok_or_else(|| merr("exporter-config-regex").arg("value", e.as_str()))?;
                checks.query_response.push(Step::Expect(re));
            }
            if let Some(send) = step.send {
                // `${1}` would insert a match of the previous expect (not implemented).
                if send.contains("${") || send.contains('\n') || send.len() > MAX_PATH {
                    return Err(
                        merr("exporter-config-send").arg("value", send.escape_debug().to_string())
                    );
                }
                checks.query_response.push(Step::Send(send));
            }
        }
    }
    if raw_headers.len() > MAX_HEADERS {
        return Err(merr("exporter-config-too-many-headers").arg("max", MAX_HEADERS as u64));
    }
    for (field, v) in [("origin", &origin), ("subprotocol", &subprotocol)] {
        if let Some(v) = v
            && !one_line(v)
        {
            return Err(merr("exporter-config-bad-value")
                .arg("field", field)
                .arg("value", v.escape_debug().to_string()));
        }
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for (k, v) in &raw_headers {
        if headers.iter().any(|(seen, _)| seen.eq_ignore_ascii_case(k)) {
            return Err(merr("exporter-config-header")
                .arg("value", format!("{k}: {v}").escape_debug().to_string()));
        }
        let v = v.to_string();
        if !valid_header_name(k) || !one_line(&v) {
            return Err(merr("exporter-config-header")
                .arg("value", format!("{k}: {v}").escape_debug().to_string()));
        }
        headers.push((k.clone(), v.trim().to_string()));
    }
    Ok(Module {
        prober,
        any_http_scheme,
        timeout,
        path,
        proto: ProtoOptions {
            origin: origin.map(|s| s.trim().to_string()),
            subprotocol: subprotocol.map(|s| s.trim().to_string()),
            headers,
        },
        insecure,
        side_probes: m.side_probes,
        trace: m.trace,
        checks,
    })
}

/// Fails on the first key left in a blackbox block: a known blackbox option
/// conndoctor does not implement, or an unknown field.
fn unsupported(
    merr: &dyn Fn(&'static str) -> ConfigError,
    block: &'static str,
    rest: Rest,
    known_unsupported: &[&str],
    known: &'static str,
) -> Result<(), ConfigError> {
    let Some(key) = rest.into_keys().next() else {
        return Ok(());
    };
    if known_unsupported.contains(&key.as_str()) {
        return Err(merr("exporter-config-unsupported").arg("field", format!("{block}.{key}")));
    }
    Err(merr("exporter-config-unknown-field")
        .arg("field", key)
        .arg("block", block)
        .arg("known", known))
}

/// A configured regex, bounded in length and compiled size.
fn build_regex(e: &str) -> Option<regex::Regex> {
    if e.len() > MAX_REGEX {
        return None;
    }
    regex::RegexBuilder::new(e).size_limit(1 << 20).build().ok()
}

fn ip_preference(
    merr: &dyn Fn(&'static str) -> ConfigError,
    preferred: Option<String>,
    fallback: Option<bool>,
) -> Result<Option<IpPreference>, ConfigError> {
    let Some(p) = preferred else {
        return Ok(None);
    };
    // blackbox accepts ip4/ip6 (and the Go network names tcp4/tcp6 via its own
    // normalisation of "4"/"6" suffixes).
    let v6 = match p.trim() {
        "ip4" | "tcp4" | "udp4" => false,
        "ip6" | "tcp6" | "udp6" => true,
        _ => return Err(merr("exporter-config-ip-protocol").arg("value", p.as_str())),
    };
    Ok(Some(IpPreference {
        v6,
        fallback: fallback.unwrap_or(true),
    }))
}

fn validate_allow(
    a: RawAllow,
    err: &dyn Fn(&'static str) -> ConfigError,
) -> Result<AllowList, ConfigError> {
    let mut out = AllowList {
        hosts: Vec::new(),
        cidrs: Vec::new(),
        ports: Vec::new(),
    };
    for h in &a.hosts {
        // An address written under hosts means what it says: that one address.
        if let Some(c) = h
            .parse::<std::net::IpAddr>()
            .ok()
            .and_then(|_| Cidr::parse(h))
        {
            out.cidrs.push(c);
            continue;
        }
        out.hosts.push(
            HostPattern::parse(h)
                .ok_or_else(|| err("exporter-config-host").arg("value", h.as_str()))?,
        );
    }
    for c in &a.cidrs {
        out.cidrs.push(
            Cidr::parse(c).ok_or_else(|| err("exporter-config-cidr").arg("value", c.as_str()))?,
        );
    }
    for p in &a.ports {
        let s = p.to_string();
        let r = match p {
            Scalar::Int(_) | Scalar::Str(_) => PortRange::parse(&s),
            _ => None,
        };
        out.ports
            .push(r.ok_or_else(|| err("exporter-config-port").arg("value", s))?);
    }
    if out.hosts.is_empty() && out.cidrs.is_empty() {
        return Err(err("exporter-config-allow-empty"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(y: &str) -> Result<Config, ConfigError> {
        Config::parse(y, Path::new("test.yml"))
    }

    #[test]
    fn full_example() {
        let c = parse(
            r#"
modules:
  chat:
    prober: ws
    timeout: 2.5
    path: /chat?room=1
    origin: https://example.com
    subprotocol: chat.v1
    headers: { Authorization: "Bearer x", X-Num: 5 }
  plain:
    prober: tcp
    timeout: 750ms
  secure:
    prober: https
    tls: { insecure_skip_verify: true }
allow:
  hosts: [example.com, "*.internal.example.com", 192.0.2.7]
  cidrs: [10.0.0.0/8, "2001:db8::/32"]
  ports: [443, "8000-8999"]
limits:
  max_concurrent_probes: 8
  scrape_timeout_offset: 0
"#,
        )
        .expect("valid");
        let chat = &c.modules["chat"];
        assert_eq!(chat.prober, Prober::Ws);
        assert_eq!(chat.timeout, Duration::from_millis(2500));
        assert_eq!(chat.path, "/chat?room=1");
        assert_eq!(chat.proto.headers.len(), 2);
        assert_eq!(c.modules["plain"].timeout, Duration::from_millis(750));
        assert!(c.modules["secure"].insecure);
        assert_eq!(c.allow.hosts.len(), 2);
        assert_eq!(c.allow.cidrs.len(), 3);
        assert_eq!(
            c.allow.ports,
            vec![PortRange(443, 443), PortRange(8000, 8999)]
        );
        assert_eq!(c.limits.max_concurrent_probes, 8);
        assert_eq!(c.limits.scrape_timeout_offset, Duration::ZERO);
        assert_eq!(c.module_names(), vec!["chat", "plain", "secure"]);
    }

    #[test]
    fn blackbox_modules_map_to_conndoctor_modules() {
        let c = parse(include_str!(
            "../../../../tests/fixtures/exporter/blackbox-good.yml"
        ))
        .expect("blackbox-good.yml");
        let m = &c.modules["http_2xx"];
        assert_eq!((m.prober, m.any_http_scheme), (Prober::Http, true));
        assert_eq!(m.timeout, Duration::from_secs(5));
        assert!(m.checks.valid_status_codes.is_empty() && m.checks.ip.is_none());
        let m = &c.modules["http_2xx_ip4"];
        assert_eq!(m.timeout, BLACKBOX_TIMEOUT, "the scrape timeout decides");
        assert_eq!(
            m.checks.ip,
            Some(IpPreference {
                v6: false,
                fallback: true
            })
        );
        let m = &c.modules["http_get"];
        assert_eq!(m.checks.valid_status_codes, vec![200, 204, 301]);
        assert!(m.insecure && m.checks.fail_if_not_ssl && !m.checks.fail_if_ssl);
        assert_eq!(
            m.checks.ip,
            Some(IpPreference {
                v6: true,
                fallback: false
            })
        );
        let names: Vec<&str> = m.proto.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, vec!["Origin", "Accept-Language"]);
        assert!(c.modules["http_plain_only"].checks.fail_if_ssl);
        let steps = &c.modules["smtp_banner"].checks.query_response;
        assert!(matches!(
            steps.as_slice(),
            [Step::Expect(_), Step::Send(a), Step::Expect(_), Step::Send(b)]
                if a == "EHLO prober\r" && b == "QUIT\r"
        ));
        assert_eq!(c.modules["ssh_banner"].checks.query_response.len(), 2);
        // An http module sending the upgrade headers is a WebSocket check.
        let m = &c.modules["websocket_via_http"];
        assert_eq!((m.prober, m.any_http_scheme), (Prober::Ws, true));
        assert_eq!(m.proto.subprotocol.as_deref(), Some("chat"));
        assert!(m.proto.headers.is_empty(), "{:?}", m.proto.headers);
        assert_eq!(m.checks.valid_status_codes, vec![101]);
        let m = &c.modules["websocket"];
        assert_eq!(
            (m.prober, m.any_http_scheme, m.insecure),
            (Prober::Ws, true, true)
        );
        assert_eq!(m.proto.headers.len(), 1);
        assert!(c.allow.is_loopback_only());
    }

    #[test]
    fn no_allow_section_means_loopback() {
        let c = parse("modules:\n  t:\n    prober: tcp\n").expect("valid");
        assert!(c.allow.is_loopback_only());
        assert_eq!(c.modules["t"].timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn rejections_name_the_problem() {
        let cases = [
            ("", "exporter-config-no-modules"),
            ("modules: {}\n", "exporter-config-no-modules"),
            ("modules: [\n", "exporter-config-syntax"),
            (
                "modules:\n  t:\n    prober: tcp\n    colour: red\n",
                "exporter-config-syntax",
            ),
            (
                "modules:\n  t:\n    prober: gopher\n",
                "exporter-config-prober",
            ),
            (
                "modules:\n  t:\n    prober: icmp\n",
                "exporter-config-prober-unsupported",
            ),
            (
                "modules:\n  t:\n    prober: tcp\n    timeout: soon\n",
                "exporter-config-timeout",
            ),
            (
                "modules:\n  t:\n    prober: tcp\n    timeout: 0\n",
                "exporter-config-timeout",
            ),
            (
                "modules:\n  t:\n    prober: tcp\n    path: /x\n",
                "exporter-config-not-for-prober",
            ),
            (
                "modules:\n  t:\n    prober: http\n    origin: https://a\n",
                "exporter-config-not-for-prober",
            ),
            (
                "modules:\n  t:\n    prober: ws\n    tls: {}\n",
                "exporter-config-not-for-prober",
            ),
            (
                "modules:\n  t:\n    prober: http\n    path: nope\n",
                "exporter-config-path",
            ),
            (
                "modules:\n  t:\n    prober: http\n    headers: {\"Bad Name\": x}\n",
                "exporter-config-header",
            ),
            (
                "modules:\n  t:\n    prober: http\n    headers: {X: \"a\\r\\nEvil: 1\"}\n",
                "exporter-config-header",
            ),
            (
                "modules:\n  t:\n    prober: ws\n    origin: \"a\\nb\"\n",
                "exporter-config-bad-value",
            ),
            (
                "modules:\n  \"t t\":\n    prober: tcp\n",
                "exporter-config-module-name",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nallow:\n  cidrs: [10.0.0.0/33]\n",
                "exporter-config-cidr",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nallow:\n  cidrs: [10.0.0.0/8]\n  ports: [70000]\n",
                "exporter-config-port",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nallow:\n  cidrs: [10.0.0.0/8]\n  ports: [\"9-1\"]\n",
                "exporter-config-port",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nallow:\n  hosts: [\"*.com\"]\n",
                "exporter-config-host",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nallow:\n  ports: [80]\n",
                "exporter-config-allow-empty",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nlimits:\n  max_concurrent_probes: 0\n",
                "exporter-config-limit",
            ),
            (
                "modules:\n  t:\n    prober: tcp\nlimits:\n  scrape_timeout_offset: -1\n",
                "exporter-config-offset",
            ),
            (
                "modules:\n  t:\n    prober: tcp\n    side_probes: true\nallow:\n  cidrs: [10.0.0.0/8]\n  ports: [443]\n",
                "exporter-config-side-probes",
            ),
        ];
        for (yaml, id) in cases {
            match parse(yaml) {
                Ok(_) => panic!("accepted:\n{yaml}"),
                Err(e) => assert_eq!(e.id(), id, "{yaml}\n{e:?}"),
            }
        }
    }
}
