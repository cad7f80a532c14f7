//! The one table of cause ids (shared/design/causes.md plus the ids added since).
//!
//! Everything that names causes is checked against [`ALL`]: findings (a debug
//! assertion in `Finding::new`), `explain`'s data file, the per-locale messages
//! (`cause-*`, `fix-*`), and the README's table, which `tests/causes.rs` regenerates
//! from here. Ids are a public interface: add, never rename.

/// Where a cause comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named in the source FAQ (shared/seeds), with its section and items.
    Faq(&'static str),
    /// Not in the FAQ, but a frequent real cause.
    Beyond,
}

/// One cause of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause {
    pub id: &'static str,
    pub origin: Origin,
    /// Who can tell: `check` (the client), `audit` (the server), or both.
    pub seen_by: &'static str,
    /// One English line for the README table (user-facing texts live in locales/).
    pub meaning: &'static str,
}

const fn c(
    id: &'static str,
    origin: Origin,
    seen_by: &'static str,
    meaning: &'static str,
) -> Cause {
    Cause {
        id,
        origin,
        seen_by,
        meaning,
    }
}

use Origin::{Beyond, Faq};

/// Every cause id conndoctor can report, grouped by symptom.
pub const ALL: &[Cause] = &[
    c(
        "refused.not-listening",
        Faq("refused 1, 5"),
        "check, audit",
        "the server is not started, or the client uses the wrong port",
    ),
    c(
        "refused.wrong-host",
        Faq("refused 2"),
        "check",
        "the client reaches a different machine than intended",
    ),
    c(
        "refused.loopback-only",
        Faq("refused 7"),
        "check, audit",
        "the server listens on 127.0.0.1 / ::1 only",
    ),
    c(
        "refused.other-address",
        Faq("refused 7"),
        "check, audit",
        "the server listens on another address than the one dialled",
    ),
    c(
        "refused.family-mismatch",
        Beyond,
        "check, audit",
        "IPv6 refused while IPv4 works, or the other way round (`localhost` → ::1)",
    ),
    c(
        "refused.firewall-reject",
        Beyond,
        "check, audit",
        "a firewall rejects the connection (ICMP or RST from a rule)",
    ),
    c(
        "dns.wrong-ip",
        Faq("refused 3, timeout 5"),
        "check",
        "the name points to another address than the server's",
    ),
    c(
        "dns.hosts-override",
        Beyond,
        "check",
        "a hosts-file entry overrides DNS",
    ),
    c(
        "dns.fake-ip",
        Faq("refused 6"),
        "check",
        "proxy software answers DNS with fake addresses (198.18.0.0/15)",
    ),
    c("dns.nxdomain", Beyond, "check", "the name does not exist"),
    c(
        "dns.no-address",
        Beyond,
        "check",
        "the name has no A/AAAA record",
    ),
    c(
        "dns.resolver-failure",
        Beyond,
        "check",
        "the DNS resolver times out or fails",
    ),
    c(
        "proxy.cdn",
        Faq("refused 4"),
        "check",
        "a CDN or accelerating proxy stands in front of the server",
    ),
    c(
        "proxy.cdn-port-not-proxied",
        Beyond,
        "check",
        "the CDN does not forward this port",
    ),
    c(
        "proxy.local-software",
        Faq("refused 6"),
        "check",
        "proxy settings or a TUN proxy on the client redirect the connection",
    ),
    c(
        "proxy.auth-required",
        Beyond,
        "check",
        "an HTTP proxy on the way answers 407: it wants credentials",
    ),
    c(
        "timeout.filtered",
        Faq("timeout 1"),
        "check, audit",
        "a firewall drops packets to the port",
    ),
    c(
        "timeout.security-group",
        Faq("timeout 2"),
        "check, audit",
        "the cloud security group does not open the port",
    ),
    c(
        "timeout.panel-firewall",
        Faq("timeout 3"),
        "audit",
        "a hosting panel's firewall must open the port",
    ),
    c(
        "timeout.host-down",
        Faq("timeout 4"),
        "check",
        "the host does not answer at all",
    ),
    c(
        "timeout.private-unroutable",
        Faq("timeout 6"),
        "check",
        "an intranet address dialled from another network",
    ),
    c(
        "timeout.accept-queue-full",
        Beyond,
        "check, audit",
        "the server accepts too slowly; the kernel drops new SYNs",
    ),
    c(
        "timeout.server-fd-limit",
        Beyond,
        "audit",
        "the server process is at its open-files limit",
    ),
    c(
        "unreachable.no-route",
        Beyond,
        "check",
        "the client has no route to the network",
    ),
    c(
        "unreachable.host",
        Beyond,
        "check",
        "a router, or ARP on the LAN, found no such host",
    ),
    c(
        "addr-not-avail.ephemeral-exhausted",
        Faq("cannot assign"),
        "check",
        "the client ran out of local ports towards this server",
    ),
    c(
        "addr-not-avail.time-wait",
        Faq("cannot assign"),
        "check",
        "local ports are held in TIME_WAIT by short-lived connections",
    ),
    c(
        "addr-not-avail.bind-not-local",
        Beyond,
        "audit, serve",
        "the address to listen on is not on this machine",
    ),
    c(
        "reset.after-connect",
        Beyond,
        "check",
        "the server or a middlebox accepts and then drops the connection",
    ),
    c(
        "mismatch.ws-to-http",
        Faq("other 1"),
        "check, audit",
        "a WebSocket client against a plain HTTP server (\"Unexpected response code\")",
    ),
    c(
        "mismatch.ws-to-non-http",
        Faq("other 1"),
        "check, audit",
        "a WebSocket client against a text or custom protocol (\"ERR_INVALID_HTTP_RESPONSE\")",
    ),
    c(
        "mismatch.http-to-ws",
        Faq("other 1"),
        "check",
        "an HTTP client against a WebSocket-only server",
    ),
    c(
        "mismatch.http-to-non-http",
        Beyond,
        "check",
        "an HTTP client against a port that does not speak HTTP",
    ),
    c(
        "mismatch.text-to-http",
        Beyond,
        "check",
        "a text-protocol client against an HTTP server",
    ),
    c(
        "mismatch.tls-to-plain",
        Beyond,
        "check",
        "`wss://`/`https://` against a port without TLS",
    ),
    c(
        "mismatch.plain-to-tls",
        Beyond,
        "check",
        "`ws://`/`http://` against a TLS port",
    ),
    c(
        "mismatch.ws-path",
        Beyond,
        "check",
        "wrong WebSocket path (404)",
    ),
    c(
        "mismatch.ws-origin",
        Beyond,
        "check",
        "the server rejects the client's Origin (403)",
    ),
    c(
        "mismatch.proxy-no-upgrade",
        Beyond,
        "check",
        "a reverse proxy does not forward Upgrade/Connection",
    ),
    c(
        "mismatch.silent-server",
        Beyond,
        "check",
        "connected, but the server never answers",
    ),
    c(
        "tls.cert-expired",
        Beyond,
        "check",
        "the certificate is expired or not yet valid",
    ),
    c(
        "tls.cert-name",
        Beyond,
        "check",
        "the certificate does not cover the host name",
    ),
    c(
        "tls.cert-untrusted",
        Beyond,
        "check",
        "self-signed certificate or unknown issuer",
    ),
    c(
        "tls.handshake",
        Beyond,
        "check",
        "the TLS handshake failed (an alert or a close)",
    ),
    c(
        "tls.cert-chain-incomplete",
        Beyond,
        "check",
        "the server sends its certificate without the intermediate",
    ),
    c(
        "tls.cert-usage",
        Beyond,
        "check",
        "a CA or client-only certificate used by a server",
    ),
    c(
        "tls.version-old",
        Beyond,
        "check",
        "the server speaks only TLS 1.0/1.1 or older",
    ),
    c(
        "tls.no-shared-cipher",
        Beyond,
        "check",
        "no common cipher suite or key exchange",
    ),
    c(
        "tls.client-cert-required",
        Beyond,
        "check",
        "mutual TLS: the server requires a client certificate",
    ),
    c(
        "tls.sni-cert",
        Beyond,
        "check",
        "the certificate chosen by SNI is wrong for the name",
    ),
    c(
        "local.fd-exhausted",
        Beyond,
        "check",
        "the client is out of file descriptors (never the server's fault)",
    ),
    c(
        "local.outbound-blocked",
        Beyond,
        "check",
        "connect() gets EPERM/EACCES: a local output rule or security module",
    ),
    c(
        "local.connect-error",
        Beyond,
        "check",
        "connect() failed locally with another error",
    ),
    c(
        "watch.never-arrived",
        Beyond,
        "audit --watch",
        "no SYN reached this host: a cloud security group, provider firewall or router before it drops them",
    ),
    c(
        "watch.dropped-local",
        Beyond,
        "audit --watch",
        "SYNs reached the interface and a local nftables/iptables rule dropped them (rule and counter named)",
    ),
    c(
        "watch.panel-firewall",
        Beyond,
        "audit --watch",
        "SYNs were dropped in a chain of a firewall manager or panel (ufw, firewalld, csf, cPHulk, fail2ban, Plesk)",
    ),
    c(
        "watch.no-listener",
        Beyond,
        "audit --watch",
        "SYNs passed the firewall, but nothing listens on the address they were sent to",
    ),
    c(
        "watch.queue-full",
        Beyond,
        "audit --watch",
        "SYNs reached the listener, whose accept queue was full: the program does not accept fast enough",
    ),
    c(
        "watch.asymmetric-route",
        Beyond,
        "audit --watch",
        "the SYN-ACK left by another interface than the SYN came in (asymmetric route)",
    ),
    c(
        "watch.not-answered",
        Beyond,
        "audit --watch",
        "SYNs arrived and no rule, listener or queue explains the missing answer (rp_filter, tc, XDP)",
    ),
    c(
        "watch.reply-lost",
        Beyond,
        "audit --watch",
        "the SYN-ACK left by the right interface, but the client sent its SYN again: the answer is lost on the way back",
    ),
    c(
        "watch.accepted",
        Beyond,
        "audit --watch",
        "the SYN-ACK left towards the client: this host answered",
    ),
];

/// The cause with this id.
pub fn find(id: &str) -> Option<&'static Cause> {
    ALL.iter().find(|c| c.id == id)
}

/// The README's cause table, generated from [`ALL`] (tests/causes.rs keeps the README
/// in step with it).
pub fn markdown_table() -> String {
    let mut out = String::from("| id | from the FAQ | seen by | meaning |\n|---|---|---|---|\n");
    for c in ALL {
        let origin = match c.origin {
            Faq(s) => s,
            Beyond => "—",
        };
        out += &format!(
            "| `{}` | {origin} | {} | {} |\n",
            c.id, c.seen_by, c.meaning
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let symptoms = [
            "refused",
            "timeout",
            "unreachable",
            "addr-not-avail",
            "dns",
            "reset",
            "mismatch",
            "tls",
            "local",
            "proxy",
            "watch",
        ];
        let mut seen = std::collections::BTreeSet::new();
        for c in ALL {
            assert!(seen.insert(c.id), "duplicate {}", c.id);
            let (group, name) = c.id.split_once('.').expect("group.name");
            assert!(symptoms.contains(&group), "{}", c.id);
            assert!(
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                c.id
            );
        }
        assert!(find("refused.not-listening").is_some());
        assert!(find(&["refused", "nope"].join(".")).is_none());
    }
}
