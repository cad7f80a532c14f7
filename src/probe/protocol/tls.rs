//! TLS for the protocol probe (rustls). The certificate is verified against the
//! platform's trust store (webpki roots when it is empty), but the verdict is recorded
//! rather than enforced, so one handshake tells both "is the certificate good" and
//! "what does the server speak behind it". Nothing but probe requests is ever sent.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::evidence::CertProblem;

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

/// Verifies like a browser would, records the result, and lets the handshake go on.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
    result: Arc<Mutex<Option<CertProblem>>>,
}

fn problem(e: &rustls::Error) -> CertProblem {
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            CertificateError::Expired => CertProblem::Expired { not_after: None },
            CertificateError::ExpiredContext { not_after, .. } => CertProblem::Expired {
                not_after: Some(not_after.as_secs()),
            },
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                CertProblem::NotYetValid
            }
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
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                CertProblem::Untrusted
            }
            other => CertProblem::Other {
                error: format!("{other:?}"),
            },
        },
        other => CertProblem::Other {
            error: other.to_string(),
        },
    }
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
        if let Err(e) =
            self.inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
            && let Ok(mut r) = self.result.lock()
        {
            *r = Some(problem(&e));
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

/// A connector whose certificate verdict lands in the returned slot.
pub fn connector(
    alpn_http1: bool,
) -> io::Result<(tokio_rustls::TlsConnector, Arc<Mutex<Option<CertProblem>>>)> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let inner = WebPkiServerVerifier::builder_with_provider(roots(), provider.clone())
        .build()
        .map_err(io::Error::other)?;
    let result = Arc::new(Mutex::new(None));
    let mut cfg = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(io::Error::other)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(RecordingVerifier {
            inner,
            result: result.clone(),
        }))
        .with_no_client_auth();
    if alpn_http1 {
        // WebSocket upgrades need HTTP/1.1; say so, as browsers do.
        cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    }
    Ok((tokio_rustls::TlsConnector::from(Arc::new(cfg)), result))
}
