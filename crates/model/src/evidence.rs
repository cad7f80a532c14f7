//! Evidence: the plain record of what the probes saw. No judgement lives here.
//!
//! Everything is serde-serialisable because the JSON report carries it verbatim, and
//! rule tests build it by hand.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

use serde::Serialize;

use crate::target::Target;

/// Everything one `check` gathered.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub target: Target,
    pub resolution: Resolution,
    /// One connect attempt per resolved address, in resolver order.
    pub attempts: Vec<ConnectAttempt>,
    /// Connects to other ports of the same addresses, made while the main connect
    /// waited; `None` when not run (disabled, or the main connect answered at once).
    pub side_probes: Option<Vec<SideProbe>>,
    /// The protocol exchanges after a successful connect (schemes only).
    pub protocol: Option<ProtocolEvidence>,
    /// The user chose to continue past certificate problems (`--insecure`).
    pub insecure: bool,
    /// The token of the `conndoctor serve` the user expects to reach (`--expect-token`).
    pub expect_token: Option<String>,
    /// The addresses the user believes the server has (`--expect-ip`).
    pub expect_ip: Vec<IpAddr>,
    /// Each nameserver's own answer and the hosts file (names only).
    pub dns: Option<DnsEvidence>,
    /// Proxy variables and tunnel routes on this client.
    pub proxy: ProxyEvidence,
    /// Resolved addresses inside a CDN's published ranges.
    pub cdn: Vec<CdnMatch>,
    /// TTL-limited SYNs towards the first address, when its connect got no answer.
    pub trace: Option<Vec<Hop>>,
    pub local: LocalFacts,
    pub budget_ms: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Resolution {
    /// `literal` when the target was an address, `system` for getaddrinfo.
    pub source: &'static str,
    pub addresses: Vec<IpAddr>,
    pub error: Option<ResolveError>,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "detail")]
pub enum ResolveError {
    /// EAI_NONAME: the name does not exist.
    NoName,
    /// EAI_NODATA / EAI_ADDRFAMILY: the name exists without addresses.
    NoAddress,
    /// EAI_AGAIN / EAI_FAIL: the resolver did not answer properly.
    ResolverFailure,
    /// The resolution did not finish within the budget.
    Timeout,
    Other(String),
}

/// How one connect ended, classified from the kernel's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Outcome {
    Connected,
    /// ECONNREFUSED: a RST, or an ICMP port-unreachable (see `icmp`).
    Refused,
    /// No answer to the SYN within the budget.
    TimedOut,
    /// EHOSTUNREACH (also ICMP admin-prohibited, see `icmp`).
    HostUnreachable,
    /// ENETUNREACH: no route, locally or reported by a router.
    NetUnreachable,
    /// EADDRNOTAVAIL: no local address/port could be had.
    AddrNotAvailable,
    /// EMFILE / ENFILE: this process or the system is out of descriptors.
    FdExhausted,
    Other {
        errno: i32,
        message: String,
    },
}

impl Outcome {
    /// Any answer from the far side (accept or RST) proves the host is up.
    pub fn host_answered(&self) -> bool {
        matches!(self, Outcome::Connected | Outcome::Refused)
    }

    pub fn id(&self) -> &'static str {
        match self {
            Outcome::Connected => "connected",
            Outcome::Refused => "refused",
            Outcome::TimedOut => "timed-out",
            Outcome::HostUnreachable => "host-unreachable",
            Outcome::NetUnreachable => "net-unreachable",
            Outcome::AddrNotAvailable => "addr-not-available",
            Outcome::FdExhausted => "fd-exhausted",
            Outcome::Other { .. } => "other",
        }
    }
}

/// An ICMP error the kernel queued for the socket (IP_RECVERR / IPV6_RECVERR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IcmpReport {
    /// The address that sent the ICMP error (the "offender"); may be a router.
    pub origin: Option<IpAddr>,
    /// true for ICMPv6.
    pub v6: bool,
    #[serde(rename = "type")]
    pub icmp_type: u8,
    pub code: u8,
}

impl IcmpReport {
    /// Destination unreachable with a code that means "a filter said no".
    pub fn is_admin_prohibited(&self) -> bool {
        if self.v6 {
            // ICMPv6 dest-unreach: 1 admin-prohibited, 5 source policy, 6 reject route.
            self.icmp_type == 1 && matches!(self.code, 1 | 5 | 6)
        } else {
            // ICMP dest-unreach: 9/10 net/host prohibited, 13 communication prohibited.
            self.icmp_type == 3 && matches!(self.code, 9 | 10 | 13)
        }
    }

    pub fn is_port_unreachable(&self) -> bool {
        if self.v6 {
            self.icmp_type == 1 && self.code == 4
        } else {
            self.icmp_type == 3 && self.code == 3
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ConnectAttempt {
    pub addr: SocketAddr,
    pub outcome: Outcome,
    pub elapsed_ms: f64,
    pub icmp: Option<IcmpReport>,
    /// SYN retransmissions TCP_INFO counted before we gave up (timeouts only).
    pub syn_retransmits: Option<u32>,
    /// The socket's own address and source port (timeouts only): what `audit --watch`
    /// on the server looks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local: Option<SocketAddr>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideProbe {
    pub addr: SocketAddr,
    pub outcome: Outcome,
    pub elapsed_ms: f64,
}

/// Facts about the client machine, read from the kernel.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LocalFacts {
    pub interfaces: Vec<InterfaceAddr>,
    /// The route the kernel table selects for each target address.
    pub routes: BTreeMap<IpAddr, Option<RouteFact>>,
    /// Listening sockets on the target port (any address), from sock_diag.
    pub listeners: Vec<Listener>,
    /// TcpExtListenOverflows before and after the connect (namespace-wide counter).
    pub listen_overflows: Option<(u64, u64)>,
    pub ports: Option<PortUsage>,
    pub fd_limit: Option<(u64, u64)>,
    /// Probes that could not run, and why (permissions, missing files).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterfaceAddr {
    pub name: String,
    pub addr: IpAddr,
    pub prefix_len: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteFact {
    pub prefix_len: u8,
    pub gateway: Option<IpAddr>,
    pub interface: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listener {
    pub addr: SocketAddr,
    /// Connections waiting in the accept queue (Recv-Q of a listening socket).
    pub accept_queue: u32,
    /// The listen backlog (Send-Q in `ss -lnt`); unknown when read from /proc.
    pub backlog: Option<u32>,
}

/// Local port usage towards the target, and the sysctls that bound it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortUsage {
    pub range: (u16, u16),
    /// Number of ports in the range excluded by ip_local_reserved_ports.
    pub reserved_in_range: u32,
    pub tcp_tw_reuse: Option<u8>,
    /// Sockets to the target address:port, by TCP state (e.g. "ESTABLISHED").
    pub to_target: BTreeMap<String, u32>,
}

impl PortUsage {
    pub fn range_size(&self) -> u32 {
        let (lo, hi) = self.range;
        (u32::from(hi) + 1)
            .saturating_sub(u32::from(lo))
            .saturating_sub(self.reserved_in_range)
    }

    pub fn in_use(&self) -> u32 {
        self.to_target.values().sum()
    }

    pub fn time_wait(&self) -> u32 {
        self.to_target.get("TIME_WAIT").copied().unwrap_or(0)
    }
}

/// What happened after the TCP connect: each request sent, and what came back.
#[derive(Debug, Clone, Serialize)]
pub struct ProtocolEvidence {
    pub addr: SocketAddr,
    /// The main exchange first, then the cross-checks it called for.
    pub exchanges: Vec<Exchange>,
}

impl ProtocolEvidence {
    pub fn main(&self) -> Option<&Exchange> {
        self.exchanges.first()
    }

    pub fn find(&self, purpose: Purpose) -> Option<&Exchange> {
        self.exchanges.iter().find(|e| e.purpose == purpose)
    }
}

/// Why an exchange was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// What the user's client would do for this scheme.
    Main,
    /// The plain request failed: does the port speak TLS?
    TryTls,
    /// The TLS handshake failed: does the port speak plain text/HTTP?
    TryPlain,
    /// The upgrade on the given path got 404: does `/` upgrade?
    TryRootPath,
    /// The upgrade with an Origin got 403: does it upgrade without one?
    TryNoOrigin,
    /// A plain HTTP request got 400/426: is this a WebSocket endpoint?
    TryUpgrade,
    /// The certificate did not cover the name: which one comes without SNI?
    TryNoSni,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Request {
    WsUpgrade {
        path: String,
        origin: Option<String>,
    },
    HttpGet {
        path: String,
    },
    /// One line of text, then wait for a reply.
    TextLine,
    /// Send nothing, wait for the server to speak first.
    Listen,
}

#[derive(Debug, Clone, Serialize)]
pub struct Exchange {
    pub purpose: Purpose,
    pub request: Request,
    /// Over TLS, with the handshake's result.
    pub tls: Option<TlsResult>,
    pub reply: Reply,
    pub elapsed_ms: f64,
    /// The identity token of a `conndoctor serve` that answered, if any.
    pub token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum TlsResult {
    /// The handshake completed; `cert` is what verification said about the chain.
    Established {
        version: String,
        cert: Option<CertProblem>,
        /// What the presented certificate says (absent when it could not be parsed).
        #[serde(skip_serializing_if = "Option::is_none")]
        facts: Option<CertFacts>,
        /// The server asked for a client certificate (none was sent).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        client_cert_requested: bool,
    },
    /// The handshake failed; the exchange's `reply` holds what the server sent instead.
    Failed {
        error: String,
        /// What the failure means, when it is one conndoctor can explain.
        #[serde(skip_serializing_if = "Option::is_none")]
        problem: Option<HandshakeProblem>,
    },
}

/// The leaf certificate a server presented, and its chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertFacts {
    /// `CN=...` of the leaf (or its organisation / full name).
    pub subject: String,
    pub issuer: String,
    /// subjectAltName DNS names and IP addresses (what clients match), capped.
    pub names: Vec<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    /// Whole days from the probe to the leaf's `not_after` (negative once expired).
    pub days_left: i64,
    /// The earliest `not_after` of every certificate presented, Unix seconds.
    pub earliest_expiry: i64,
    /// Certificates presented, leaf included.
    pub chain_len: usize,
    pub self_signed: bool,
    /// basicConstraints CA:TRUE on the leaf.
    pub ca: bool,
}

/// A handshake failure explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum HandshakeProblem {
    /// The server only speaks a version older than TLS 1.2 (`server` when seen).
    OldVersion { server: Option<String> },
    /// No cipher suite (or key exchange) both sides support.
    NoSharedCipher,
    /// The server asked for a client certificate and ended the handshake without one.
    ClientCertRequired,
    /// The server does not know the name sent in SNI (alert unrecognized_name).
    UnknownName,
    /// Another fatal alert, by its RFC name (`internal_error`).
    Alert { alert: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum CertProblem {
    /// Outside its validity period; `not_after` in Unix seconds when known.
    Expired {
        not_after: Option<u64>,
    },
    NotYetValid {
        not_before: Option<u64>,
    },
    /// Does not cover the name; `presented` lists the names it does cover.
    WrongName {
        expected: String,
        presented: Vec<String>,
    },
    /// Signed by an issuer the client does not trust (a private CA, say).
    Untrusted,
    /// Issuer and subject are the same: nobody vouches for it. `ca`: it also
    /// carries CA:TRUE, which webpki-based clients refuse even when trusted.
    SelfSigned {
        ca: bool,
    },
    /// Only the leaf was sent and it is not self-signed: the intermediate is missing.
    IncompleteChain,
    /// The signature does not verify.
    BadSignature,
    /// Not usable for a TLS server: `ca` when marked CA:TRUE, else its extended key
    /// usage lacks serverAuth.
    WrongUsage {
        ca: bool,
    },
    /// Anything else, by a stable code (`revoked`, `bad-encoding` ...).
    Other {
        code: String,
    },
}

/// What the server sent back, classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Reply {
    Http(HttpReply),
    /// Bytes that are not an HTTP response: shown escaped, with a guess of the protocol.
    Data {
        first: String,
        len: usize,
        speaks: Speaks,
    },
    /// Nothing within the wait.
    Silence,
    /// FIN before any byte.
    Closed,
    /// RST before any byte.
    Reset,
    /// The connection for this exchange could not be made.
    NoConnection {
        outcome: String,
    },
    /// The response head exceeded the size cap.
    TooLarge,
    Error {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HttpReply {
    pub status: u16,
    pub reason: String,
    /// Header (lower-case name, value), capped in count and size.
    pub headers: Vec<(String, String)>,
    /// The start of the body, lossy UTF-8, capped.
    pub body: String,
    /// For a 101: whether Sec-WebSocket-Accept matched the key we sent.
    pub accept_valid: Option<bool>,
}

impl HttpReply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a port speaks, guessed from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Speaks {
    Http,
    Tls,
    Ssh,
    Smtp,
    Ftp,
    Redis,
    Mysql,
    Text,
    Binary,
}

impl Speaks {
    pub fn id(self) -> &'static str {
        match self {
            Speaks::Http => "http",
            Speaks::Tls => "tls",
            Speaks::Ssh => "ssh",
            Speaks::Smtp => "smtp",
            Speaks::Ftp => "ftp",
            Speaks::Redis => "redis",
            Speaks::Mysql => "mysql",
            Speaks::Text => "text",
            Speaks::Binary => "binary",
        }
    }
}

/// What each configured nameserver and the hosts file say about the target name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsEvidence {
    pub hosts_file: Vec<IpAddr>,
    pub servers: Vec<NameserverAnswer>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameserverAnswer {
    pub server: IpAddr,
    pub outcome: DnsOutcome,
    pub elapsed_ms: f64,
}

impl Eq for NameserverAnswer {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum DnsOutcome {
    Answer {
        addresses: Vec<IpAddr>,
        cnames: Vec<String>,
        ttl: Option<u32>,
    },
    NxDomain,
    NoData,
    /// SERVFAIL, REFUSED, or no DNS server on that address.
    Failure {
        rcode: String,
    },
    Timeout,
    Error {
        message: String,
    },
}

/// Proxy software on the client: environment variables and TUN routes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProxyEvidence {
    /// Proxy variables set in the environment (credentials removed).
    pub env: Vec<(String, String)>,
    /// The variable a client would use for this target, and its value, unless bypassed.
    pub applies: Option<(String, String)>,
    /// The NO_PROXY entry that bypasses the proxy for this host.
    pub bypassed_by: Option<String>,
    /// A tunnel interface (proxy/VPN software) that carries the route to the target.
    pub tun_route: Option<String>,
}

/// A resolved address inside a CDN's published ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CdnMatch {
    pub addr: IpAddr,
    pub provider: String,
    pub range: String,
    /// When the shipped list was taken from the provider.
    pub list_date: String,
}

/// One TTL-limited SYN towards the target: who answered at that distance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub ttl: u8,
    pub from: Option<IpAddr>,
    /// `time-exceeded`, `reached` (the target answered), `unreachable`, `silent`.
    pub kind: String,
}

/// The farthest hop of a path trace that answered with time-exceeded.
pub fn last_router(hops: &[Hop]) -> Option<&Hop> {
    hops.iter()
        .filter(|h| h.kind == "time-exceeded")
        .max_by_key(|h| h.ttl)
}
