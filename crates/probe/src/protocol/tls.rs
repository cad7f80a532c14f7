//! TLS for the protocol probe (rustls). The certificate is verified against the
//! platform's trust store (webpki roots when it is empty), but the verdict is recorded
//! rather than enforced, so one handshake tells both "is the certificate good" and
//! "what does the server speak behind it". Nothing but probe requests is ever sent.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ResolvesClientCert, WebPkiServerVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use x509_parser::extensions::{GeneralName, ParsedExtension};

use crate::evidence::{CertFacts, CertProblem, HandshakeProblem};

/// The first bytes the server sent, kept so a failed handshake can say what came
/// instead of TLS (an HTTP 400, a text banner...).
pub type Recording = Arc<Mutex<Vec<u8>>>;
const RECORD_CAP: usize = 4096;

/// Passes I/O through and records the first bytes read.
pub struct Recorder<S> {
    pub inner: S,
    pub rec: Recording,
}

impl<S: AsyncRead + Unpin> AsyncRead for Recorder<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = r
            && let Ok(mut rec) = self.rec.lock()
        {
            let room = RECORD_CAP.saturating_sub(rec.len());
            let new = &buf.filled()[before..];
            rec.extend_from_slice(&new[..new.len().min(room)]);
        }
        r
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recorder<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// What one handshake showed beside its outcome: the verifier's verdict, the chain
/// the server presented, and whether it asked for a client certificate.
#[derive(Debug, Default)]
pub struct Seen {
    pub cert: Option<CertProblem>,
    pub chain: Vec<CertificateDer<'static>>,
    pub client_cert_requested: bool,
}

pub type SeenSlot = Arc<Mutex<Seen>>;

/// A server sends a handful of certificates; more than this is not kept.
const CHAIN_CAP: usize = 10;

/// Verifies like a browser would, records the result, and lets the handshake go on.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    seen: SeenSlot,
}

/// Never presents a certificate, but notes that the server asked for one (mTLS).
#[derive(Debug)]
struct NoClientCert {
    seen: SeenSlot,
}

impl ResolvesClientCert for NoClientCert {
    fn resolve(&self, _: &[&[u8]], _: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        if let Ok(mut s) = self.seen.lock() {
            s.client_cert_requested = true;
        }
        None
    }

    fn has_certs(&self) -> bool {
        false
    }
}

/// Maps the verifier's error to a problem the rules can explain; `chain` tells a
/// self-signed certificate from one whose issuer is unknown or missing.
fn problem(e: &rustls::Error, chain: &[CertificateDer<'_>]) -> CertProblem {
    let rustls::Error::InvalidCertificate(c) = e else {
        return CertProblem::Other {
            code: "verifier".into(),
        };
    };
    match c {
        CertificateError::Expired => CertProblem::Expired { not_after: None },
        CertificateError::ExpiredContext { not_after, .. } => CertProblem::Expired {
            not_after: Some(not_after.as_secs()),
        },
        CertificateError::NotValidYet => CertProblem::NotYetValid { not_before: None },
        CertificateError::NotValidYetContext { not_before, .. } => CertProblem::NotYetValid {
            not_before: Some(not_before.as_secs()),
        },
        CertificateError::NotValidForName => CertProblem::WrongName {
            expected: String::new(),
            presented: Vec::new(),
        },
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => CertProblem::WrongName {
            expected: expected.to_str().into_owned(),
            presented: presented.iter().take(16).map(|p| unwrap_name(p)).collect(),
        },
        CertificateError::UnknownIssuer => untrusted(chain),
        CertificateError::BadSignature => CertProblem::BadSignature,
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
            CertProblem::WrongUsage { ca: false }
        }
        CertificateError::Revoked => CertProblem::Other {
            code: "revoked".into(),
        },
        CertificateError::BadEncoding => CertProblem::Other {
            code: "bad-encoding".into(),
        },
        CertificateError::UnhandledCriticalExtension => CertProblem::Other {
            code: "unhandled-critical-extension".into(),
        },
        #[allow(deprecated)]
        CertificateError::UnsupportedSignatureAlgorithm
        | CertificateError::UnsupportedSignatureAlgorithmContext { .. }
        | CertificateError::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
            CertProblem::Other {
                code: "unsupported-signature-algorithm".into(),
            }
        }
        CertificateError::Other(o) => match o.0.downcast_ref::<webpki::Error>() {
            // webpki checks basicConstraints before the issuer: the usual
            // `openssl req -x509` certificate (CA:TRUE) lands here.
            Some(webpki::Error::CaUsedAsEndEntity) => {
                if chain
                    .first()
                    .and_then(|c| facts_of(c))
                    .is_some_and(|f| f.self_signed)
                {
                    CertProblem::SelfSigned { ca: true }
                } else {
                    CertProblem::WrongUsage { ca: true }
                }
            }
            Some(webpki::Error::EndEntityUsedAsCa) => untrusted(chain),
            Some(webpki::Error::CertDistrusted) => CertProblem::Untrusted,
            Some(webpki::Error::EmptyEkuExtension) => CertProblem::WrongUsage { ca: false },
            _ => CertProblem::Other {
                code: "other".into(),
            },
        },
        _ => CertProblem::Other {
            code: "other".into(),
        },
    }
}

/// Unknown issuer: self-signed, a chain cut short (the leaf alone, from a CA that
/// publishes its intermediate: AIA caIssuers, as public CAs do), or a chain to a root
/// the client does not trust (a private CA).
fn untrusted(chain: &[CertificateDer<'_>]) -> CertProblem {
    let leaf = chain.first().and_then(|c| facts_of(c));
    match leaf {
        Some(f) if f.self_signed => CertProblem::SelfSigned { ca: f.is_ca },
        Some(f) if chain.len() == 1 && f.ca_issuers => CertProblem::IncompleteChain,
        _ => CertProblem::Untrusted,
    }
}

/// Facts of one certificate, parsed with x509-parser; `None` for unparsable DER.
struct One {
    subject: String,
    issuer: String,
    names: Vec<String>,
    not_before: i64,
    not_after: i64,
    self_signed: bool,
    is_ca: bool,
    /// Names where its issuer's certificate can be fetched (AIA caIssuers), as
    /// public CAs' certificates do.
    ca_issuers: bool,
}

fn facts_of(der: &CertificateDer<'_>) -> Option<One> {
    let (_, c) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    let names = c
        .subject_alternative_name()
        .ok()
        .flatten()
        .map(|san| {
            san.value
                .general_names
                .iter()
                .filter_map(|g| match g {
                    GeneralName::DNSName(d) => Some((*d).to_string()),
                    GeneralName::IPAddress(b) => ip_of(b).map(|i| i.to_string()),
                    _ => None,
                })
                .take(16)
                .collect()
        })
        .unwrap_or_default();
    let is_ca = c
        .basic_constraints()
        .ok()
        .flatten()
        .is_some_and(|b| b.value.ca);
    let ca_issuers = c.extensions().iter().any(|e| match e.parsed_extension() {
        ParsedExtension::AuthorityInfoAccess(aia) => aia.iter().any(|d| {
            d.access_method == x509_parser::oid_registry::OID_PKIX_ACCESS_DESCRIPTOR_CA_ISSUERS
        }),
        _ => false,
    });
    Some(One {
        ca_issuers,
        subject: short_dn(c.subject()),
        issuer: short_dn(c.issuer()),
        names,
        not_before: c.validity().not_before.timestamp(),
        not_after: c.validity().not_after.timestamp(),
        // Same name and a signature its own key verifies would need `verify`; the
        // name alone is what "self-signed" means to users and what clients report.
        self_signed: c.subject().as_raw() == c.issuer().as_raw(),
        is_ca,
    })
}

fn ip_of(b: &[u8]) -> Option<std::net::IpAddr> {
    match b.len() {
        4 => <[u8; 4]>::try_from(b).ok().map(std::net::IpAddr::from),
        16 => <[u8; 16]>::try_from(b).ok().map(std::net::IpAddr::from),
        _ => None,
    }
}

/// `CN=..` when the name has a common name (what people recognise), else the
/// organisation, else the whole DN; capped, control characters dropped.
fn short_dn(n: &x509_parser::x509::X509Name<'_>) -> String {
    let first = |it: &mut dyn Iterator<Item = &x509_parser::x509::AttributeTypeAndValue<'_>>| {
        it.next().and_then(|a| a.as_str().ok()).map(str::to_string)
    };
    let s = if let Some(cn) = first(&mut n.iter_common_name()) {
        format!("CN={cn}")
    } else if let Some(o) = first(&mut n.iter_organization()) {
        format!("O={o}")
    } else {
        n.to_string()
    };
    s.chars().filter(|c| !c.is_control()).take(120).collect()
}

/// The facts of a presented chain (leaf first), as `check` and the exporter show them.
pub fn chain_facts(chain: &[CertificateDer<'_>], now: u64) -> Option<CertFacts> {
    let leaf = facts_of(chain.first()?)?;
    let earliest = chain
        .iter()
        .filter_map(|c| facts_of(c))
        .map(|f| f.not_after)
        .min()
        .unwrap_or(leaf.not_after);
    let now = i64::try_from(now).unwrap_or(i64::MAX);
    Some(CertFacts {
        subject: leaf.subject,
        issuer: leaf.issuer,
        names: leaf.names,
        not_before: leaf.not_before,
        not_after: leaf.not_after,
        // Whole days, rounded down: "0 days left" is the last day.
        days_left: (leaf.not_after - now).div_euclid(86_400),
        earliest_expiry: earliest,
        chain_len: chain.len(),
        self_signed: leaf.self_signed,
        ca: leaf.is_ca,
    })
}

/// webpki lists presented names as `DnsName("a.example")` / `IpAddress(1.2.3.4)`.
fn unwrap_name(p: &str) -> String {
    p.strip_prefix("DnsName(\"")
        .and_then(|s| s.strip_suffix("\")"))
        .or_else(|| {
            p.strip_prefix("IpAddress(")
                .and_then(|s| s.strip_suffix(')'))
        })
        .unwrap_or(p)
        .to_string()
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let chain: Vec<CertificateDer<'static>> = std::iter::once(end_entity)
            .chain(intermediates)
            .take(CHAIN_CAP)
            .map(|c| c.clone().into_owned())
            .collect();
        let verdict = self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            .err()
            .map(|e| problem(&e, &chain));
        if let Ok(mut s) = self.seen.lock() {
            s.cert = verdict;
            s.chain = chain;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

fn roots() -> Arc<RootCertStore> {
    static ROOTS: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            for c in rustls_native_certs::load_native_certs().certs {
                let _ = store.add(c);
            }
            if store.is_empty() {
                store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            }
            Arc::new(store)
        })
        .clone()
}

/// A connector whose observations land in the returned slot. `sni: false` sends no
/// server name, as a client connecting by IP address (or an old one) would.
pub fn connector(
    alpn_http1: bool,
    sni: bool,
) -> io::Result<(tokio_rustls::TlsConnector, SeenSlot)> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let inner = WebPkiServerVerifier::builder_with_provider(roots(), provider.clone())
        .build()
        .map_err(io::Error::other)?;
    let seen = SeenSlot::default();
    let mut cfg = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(io::Error::other)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(RecordingVerifier {
            inner,
            seen: seen.clone(),
        }))
        .with_client_cert_resolver(Arc::new(NoClientCert { seen: seen.clone() }));
    cfg.enable_sni = sni;
    if alpn_http1 {
        // WebSocket upgrades need HTTP/1.1; say so, as browsers do.
        cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    }
    Ok((tokio_rustls::TlsConnector::from(Arc::new(cfg)), seen))
}

/// Explains a failed handshake from rustls's error, whether the server asked for a
/// client certificate, and the first bytes the server sent (its record version tells
/// a TLS 1.0/1.1-only server). `None` when there is nothing more to say than the error.
pub fn handshake_problem(
    e: &io::Error,
    client_cert_requested: bool,
    seen: &[u8],
) -> Option<HandshakeProblem> {
    use rustls::{AlertDescription as A, PeerIncompatible as P};
    let err = e.get_ref()?.downcast_ref::<rustls::Error>()?;
    let old = server_version(seen).filter(|v| !v.starts_with("TLS 1.2"));
    Some(match err {
        rustls::Error::PeerIncompatible(P::ServerDoesNotSupportTls12Or13) => {
            HandshakeProblem::OldVersion { server: old }
        }
        rustls::Error::PeerIncompatible(
            P::NoCipherSuitesInCommon | P::NoKxGroupsInCommon | P::NoSignatureSchemesInCommon,
        ) => HandshakeProblem::NoSharedCipher,
        rustls::Error::AlertReceived(_) if client_cert_requested => {
            HandshakeProblem::ClientCertRequired
        }
        rustls::Error::AlertReceived(A::ProtocolVersion) => {
            HandshakeProblem::OldVersion { server: old }
        }
        rustls::Error::AlertReceived(A::HandshakeFailure | A::InsufficientSecurity) => {
            // A server that settled on TLS 1.0/1.1 finds none of our (AEAD-only)
            // suites usable there, and says so in an old-version record.
            if old.is_some() {
                HandshakeProblem::OldVersion { server: old }
            } else {
                HandshakeProblem::NoSharedCipher
            }
        }
        rustls::Error::AlertReceived(A::UnrecognisedName) => HandshakeProblem::UnknownName,
        rustls::Error::AlertReceived(a) => HandshakeProblem::Alert {
            alert: alert_name(*a),
        },
        _ => return None,
    })
}

/// The RFC 8446 name of an alert (`handshake_failure`), or its number.
fn alert_name(a: rustls::AlertDescription) -> String {
    match a.as_str() {
        Some(camel) => {
            let mut out = String::new();
            for (i, ch) in camel.chars().enumerate() {
                if ch.is_ascii_uppercase() && i > 0 {
                    out.push('_');
                }
                out.push(ch.to_ascii_lowercase());
            }
            out
        }
        None => format!("{}", a.to_array()[0]),
    }
}

/// The protocol version of the server's first TLS record: the ServerHello's version
/// when that is what came, else the record header's. Parsed by hand: five header bytes.
fn server_version(seen: &[u8]) -> Option<String> {
    let (&ct, rest) = seen.split_first()?;
    if ct != 0x15 && ct != 0x16 {
        return None;
    }
    let rec = u16::from_be_bytes([*rest.first()?, *rest.get(1)?]);
    // Handshake record holding a ServerHello (type 2): its legacy_version field.
    let hello = (ct == 0x16 && seen.get(5) == Some(&2))
        .then(|| Some(u16::from_be_bytes([*seen.get(9)?, *seen.get(10)?])))
        .flatten();
    let v = hello.unwrap_or(rec);
    Some(
        match v {
            0x0300 => "SSL 3.0",
            0x0301 => "TLS 1.0",
            0x0302 => "TLS 1.1",
            0x0303 => "TLS 1.2",
            _ => return None,
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_versions() {
        // An alert in a TLS 1.0 record, and a TLS 1.1 ServerHello in a TLS 1.0 record.
        assert_eq!(
            server_version(&[0x15, 3, 1, 0, 2, 2, 40]).as_deref(),
            Some("TLS 1.0")
        );
        let hello = [0x16, 3, 1, 0, 50, 2, 0, 0, 46, 3, 2];
        assert_eq!(server_version(&hello).as_deref(), Some("TLS 1.1"));
        assert_eq!(server_version(b"HTTP/1.1 400"), None);
        assert_eq!(server_version(&[0x16]), None);
    }

    #[test]
    fn alert_names() {
        assert_eq!(
            alert_name(rustls::AlertDescription::HandshakeFailure),
            "handshake_failure"
        );
        assert_eq!(alert_name(rustls::AlertDescription::from(200u8)), "200");
    }
}
