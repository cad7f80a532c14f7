//! Parses what a user types as a target into a [`Target`].
//!
//! One parser for every shape: URLs with the schemes conndoctor knows (including
//! Workerman's `websocket://`, `text://`, `tcp://`), `host:port`, `[v6]:port`.
//! It does no I/O: names are resolved later by the resolve probe.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

use serde::Serialize;

/// The protocol the user asked for. `None` on a [`Target`] means a bare `host:port`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Tcp,
    Text,
    Ws,
    Wss,
    Http,
    Https,
}

impl Scheme {
    fn parse(s: &str) -> Option<(Scheme, &'static str)> {
        // The second value is the canonical spelling we echo back.
        Some(match s.to_ascii_lowercase().as_str() {
            "tcp" => (Scheme::Tcp, "tcp"),
            "text" => (Scheme::Text, "text"),
            "ws" => (Scheme::Ws, "ws"),
            "websocket" => (Scheme::Ws, "websocket"),
            "wss" => (Scheme::Wss, "wss"),
            "http" => (Scheme::Http, "http"),
            "https" => (Scheme::Https, "https"),
            _ => return None,
        })
    }

    /// The port a client uses when the URL names none; raw TCP schemes have none.
    pub fn default_port(self) -> Option<u16> {
        match self {
            Scheme::Ws | Scheme::Http => Some(80),
            Scheme::Wss | Scheme::Https => Some(443),
            Scheme::Tcp | Scheme::Text => None,
        }
    }
}

/// The host part of a target: an address literal or a name to resolve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Host {
    Ip(IpAddr),
    Name(String),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Ip(IpAddr::V6(a)) => write!(f, "[{a}]"),
            Host::Ip(a) => write!(f, "{a}"),
            Host::Name(n) => f.write_str(n),
        }
    }
}

/// A parsed target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// What the user typed, trimmed.
    pub input: String,
    pub scheme: Option<Scheme>,
    /// The scheme as the user spelled it (`websocket`, `ws`, ...), for display.
    pub scheme_name: Option<&'static str>,
    pub host: Host,
    pub port: u16,
    /// Path and query for URL schemes, `/` when absent; empty for `host:port`.
    pub path: String,
}

impl Target {
    /// `host:port` as a client would write it (brackets around IPv6).
    pub fn authority(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// Why a target could not be parsed. Each variant maps to a locale message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("empty target")]
    Empty,
    #[error("target contains whitespace")]
    Whitespace,
    #[error("target contains control characters")]
    Control,
    #[error("unknown scheme {0}")]
    UnknownScheme(String),
    #[error("missing host")]
    MissingHost,
    #[error("invalid host {0}")]
    BadHost(String),
    #[error("missing port")]
    MissingPort,
    #[error("invalid port {0}")]
    BadPort(String),
}

impl TargetError {
    /// Locale message id for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            TargetError::Empty => "input-empty",
            TargetError::Whitespace => "input-whitespace",
            TargetError::Control => "input-control",
            TargetError::UnknownScheme(_) => "input-unknown-scheme",
            TargetError::MissingHost => "input-missing-host",
            TargetError::BadHost(_) => "input-bad-host",
            TargetError::MissingPort => "input-missing-port",
            TargetError::BadPort(_) => "input-bad-port",
        }
    }

    /// The offending piece of input, if any, for the message.
    pub fn detail(&self) -> &str {
        match self {
            TargetError::UnknownScheme(s) | TargetError::BadHost(s) | TargetError::BadPort(s) => s,
            _ => "",
        }
    }
}

/// Parses a target. Never touches the network.
pub fn parse(input: &str) -> Result<Target, TargetError> {
    parse_inner(input, false)
}

/// Parses a listen address for `serve`: like [`parse`], but port 0 (any free port) is allowed.
pub fn parse_listen(input: &str) -> Result<Target, TargetError> {
    parse_inner(input, true)
}

fn parse_inner(input: &str, allow_zero: bool) -> Result<Target, TargetError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(TargetError::Empty);
    }
    if input.chars().any(char::is_whitespace) {
        return Err(TargetError::Whitespace);
    }
    // NUL, DEL and the like would go into the request line, which servers then reject.
    if input.chars().any(char::is_control) {
        return Err(TargetError::Control);
    }
    let (scheme, rest) = match input.find("://") {
        Some(i) => {
            let name = &input[..i];
            let s = Scheme::parse(name).ok_or_else(|| TargetError::UnknownScheme(name.into()))?;
            (Some(s), &input[i + 3..])
        }
        None => (None, input),
    };
    // Authority ends at the first '/', '?' or '#'.
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // Credentials are never needed for a connect test; drop them so they are not echoed.
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let path = if scheme.is_none() {
        if !tail.is_empty() {
            return Err(TargetError::BadHost(input.into()));
        }
        String::new()
    } else if tail.is_empty() || tail.starts_with(['?', '#']) {
        format!("/{}", tail.split('#').next().unwrap_or_default())
    } else {
        tail.split('#').next().unwrap_or_default().to_string()
    };

    let (host_str, port_str) = split_host_port(authority)?;
    if host_str.is_empty() {
        return Err(TargetError::MissingHost);
    }
    let host = parse_host(host_str)?;
    let port = match port_str {
        Some("0") if allow_zero => 0,
        Some(p) => parse_port(p)?,
        None => scheme
            .and_then(|s| s.0.default_port())
            .ok_or(TargetError::MissingPort)?,
    };
    Ok(Target {
        input: input.to_string(),
        scheme: scheme.map(|s| s.0),
        scheme_name: scheme.map(|s| s.1),
        host,
        port,
        path,
    })
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), TargetError> {
    if let Some(rest) = authority.strip_prefix('[') {
        let close = rest
            .find(']')
            .ok_or_else(|| TargetError::BadHost(authority.into()))?;
        let host = &rest[..close];
        let after = &rest[close + 1..];
        if after.is_empty() {
            return Ok((host, None));
        }
        let port = after
            .strip_prefix(':')
            .ok_or_else(|| TargetError::BadHost(authority.into()))?;
        return Ok((host, Some(port)));
    }
    match authority.matches(':').count() {
        0 => Ok((authority, None)),
        1 => {
            let (h, p) = authority.split_once(':').unwrap_or((authority, ""));
            Ok((h, Some(p)))
        }
        // An unbracketed IPv6 literal: valid as a host, but it cannot carry a port.
        _ => Ok((authority, None)),
    }
}

fn parse_host(s: &str) -> Result<Host, TargetError> {
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok(Host::Ip(ip));
    }
    if s.contains(':') {
        // Bracketed or not, a colon here means a malformed IPv6 literal.
        return match s.parse::<Ipv6Addr>() {
            Ok(a) => Ok(Host::Ip(IpAddr::V6(a))),
            Err(_) => Err(TargetError::BadHost(s.into())),
        };
    }
    let name = s.strip_suffix('.').unwrap_or(s);
    // "203.0.113.3." is the address with a root dot, as URL parsers read it (found by
    // the `target` fuzz target: it became a host name that re-parsed as an address).
    if let Ok(ip) = name.parse::<IpAddr>() {
        return Ok(Host::Ip(ip));
    }
    let valid_label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(valid_label) {
        return Err(TargetError::BadHost(s.into()));
    }
    Ok(Host::Name(name.to_ascii_lowercase()))
}

fn parse_port(s: &str) -> Result<u16, TargetError> {
    if s.is_empty() {
        return Err(TargetError::MissingPort);
    }
    match s.parse::<u32>() {
        Ok(p) if (1..=65535).contains(&p) => Ok(p as u16),
        _ => Err(TargetError::BadPort(s.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn bare_host_port() {
        let t = parse("203.0.113.7:8282").unwrap();
        assert_eq!(t.host, Host::Ip(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7))));
        assert_eq!(t.port, 8282);
        assert_eq!(t.scheme, None);
    }

    #[test]
    fn websocket_url_with_path() {
        let t = parse("ws://example.com:8282/chat?room=1").unwrap();
        assert_eq!(t.scheme, Some(Scheme::Ws));
        assert_eq!(t.host, Host::Name("example.com".into()));
        assert_eq!(t.path, "/chat?room=1");
    }

    #[test]
    fn workerman_schemes() {
        let t = parse("websocket://[::1]:8282").unwrap();
        assert_eq!(t.scheme, Some(Scheme::Ws));
        assert_eq!(t.scheme_name, Some("websocket"));
        assert_eq!(t.host, Host::Ip("::1".parse().unwrap()));
        assert_eq!(t.path, "/");
        assert_eq!(
            parse("text://127.0.0.1:5678").unwrap().scheme,
            Some(Scheme::Text)
        );
        assert_eq!(
            parse("tcp://127.0.0.1:1234").unwrap().scheme,
            Some(Scheme::Tcp)
        );
    }

    #[test]
    fn default_ports() {
        assert_eq!(parse("wss://example.com/x").unwrap().port, 443);
        assert_eq!(parse("http://example.com").unwrap().port, 80);
        assert_eq!(parse("tcp://example.com"), Err(TargetError::MissingPort));
        assert_eq!(parse("example.com"), Err(TargetError::MissingPort));
    }

    #[test]
    fn bad_inputs() {
        assert_eq!(parse(""), Err(TargetError::Empty));
        assert_eq!(parse("   "), Err(TargetError::Empty));
        assert_eq!(parse("foo bar"), Err(TargetError::Whitespace));
        assert_eq!(parse("ws://:99999"), Err(TargetError::MissingHost));
        assert_eq!(
            parse("ws://h:99999"),
            Err(TargetError::BadPort("99999".into()))
        );
        assert_eq!(parse("ws://h:0"), Err(TargetError::BadPort("0".into())));
        assert_eq!(
            parse("ftp://h:21"),
            Err(TargetError::UnknownScheme("ftp".into()))
        );
        assert!(matches!(parse("ex ample:80"), Err(TargetError::Whitespace)));
        assert!(matches!(parse("bad_-.:80"), Err(TargetError::BadHost(_))));
        assert!(matches!(parse("[::1:80"), Err(TargetError::BadHost(_))));
        assert!(matches!(parse("h:80/path"), Err(TargetError::BadHost(_))));
        // Found by the `target` fuzz target: a NUL in the path went into the request line.
        assert_eq!(parse("ws://E/\0"), Err(TargetError::Control));
        assert_eq!(
            parse("203.0.113.3.:8282").map(|t| t.host),
            Ok(Host::Ip("203.0.113.3".parse().unwrap()))
        );
        assert_eq!(parse("http://h/a\u{7f}b"), Err(TargetError::Control));
    }

    #[test]
    fn credentials_are_dropped_and_names_lowercased() {
        let t = parse("ws://user:pw@Example.COM:9/").unwrap();
        assert_eq!(t.host, Host::Name("example.com".into()));
        assert!(!t.authority().contains("pw"));
    }
}
