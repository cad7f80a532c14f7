//! Certificates and handshakes as real servers get them wrong (issue 12, parts 1-2),
//! checked against `openssl s_server` — an independent TLS implementation — with
//! certificates `openssl` makes in the test: the common `req -x509` self-signed one
//! (CA:TRUE), a root → intermediate → leaf chain, dated, misnamed and misused leaves,
//! TLS 1.0/1.1-only and cipher-restricted servers, mutual TLS and SNI-selected
//! certificates. Every report (JSON and text) is scanned for Rust Debug output.
//!
//! Only 127.0.0.1 is contacted. Needs `/usr/bin/openssl` (Debian package `openssl`);
//! without it the tests fail, unless CONNDOCTOR_SKIP_OPENSSL=1 is set.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::*;

fn have_openssl() -> bool {
    let ok = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CONNDOCTOR_SKIP_OPENSSL").is_none() {
        panic!(
            "`openssl` is not installed (apt-get install openssl); set CONNDOCTOR_SKIP_OPENSSL=1 to skip"
        );
    }
    ok
}

#[track_caller]
fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "openssl {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A root CA, an intermediate it signed, and leaves the intermediate signs.
struct Pki {
    dir: tempfile::TempDir,
}

impl Pki {
    fn new() -> Pki {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::write(
            d.join("ca.ext"),
            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n",
        )
        .expect("write");
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=Test Root CA",
                "-keyout",
                "root.key",
                "-out",
                "root.pem",
                "-days",
                "60",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        openssl(
            d,
            &[
                "req",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=Test Intermediate CA",
                "-keyout",
                "inter.key",
                "-out",
                "inter.csr",
            ],
        );
        openssl(
            d,
            &[
                "x509",
                "-req",
                "-in",
                "inter.csr",
                "-CA",
                "root.pem",
                "-CAkey",
                "root.key",
                "-CAcreateserial",
                "-days",
                "60",
                "-extfile",
                "ca.ext",
                "-out",
                "inter.pem",
            ],
        );
        // `openssl ca` sets exact validity dates (x509 -req only counts days from now).
        std::fs::write(d.join("index.txt"), "").expect("write");
        std::fs::write(d.join("serial"), "1000\n").expect("write");
        std::fs::write(
            d.join("ca.cnf"),
            "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n\
             default_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n",
        )
        .expect("write");
        Pki { dir }
    }

    fn path(&self, f: &str) -> PathBuf {
        self.dir.path().join(f)
    }

    /// A leaf for `names` signed by the intermediate; `dates` (YYYYMMDDHHMMSSZ) pins
    /// its validity, else 30 days from now. `ext` adds extension lines.
    fn leaf(&self, name: &str, names: &[&str], dates: Option<(&str, &str)>, ext: &str) -> String {
        let d = self.dir.path();
        let san: Vec<String> = names
            .iter()
            .map(|n| {
                if n.parse::<std::net::IpAddr>().is_ok() {
                    format!("IP:{n}")
                } else {
                    format!("DNS:{n}")
                }
            })
            .collect();
        std::fs::write(
            d.join(format!("{name}.ext")),
            format!(
                "basicConstraints=critical,CA:FALSE\nsubjectAltName={}\n{ext}",
                san.join(",")
            ),
        )
        .expect("write");
        openssl(
            d,
            &[
                "req",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                &format!("/CN={}", names[0]),
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
            ],
        );
        let ext_file = format!("{name}.ext");
        let csr = format!("{name}.csr");
        let out = format!("{name}.pem");
        let mut args = vec![
            "ca",
            "-batch",
            "-notext",
            "-config",
            "ca.cnf",
            "-cert",
            "inter.pem",
            "-keyfile",
            "inter.key",
            "-in",
            &csr,
            "-out",
            &out,
            "-extfile",
            &ext_file,
        ];
        match dates {
            Some((from, to)) => args.extend(["-startdate", from, "-enddate", to]),
            None => args.extend(["-days", "30"]),
        }
        openssl(d, &args);
        name.to_string()
    }

    fn cert(&self, leaf: &str) -> String {
        self.path(&format!("{leaf}.pem")).display().to_string()
    }

    fn key(&self, leaf: &str) -> String {
        self.path(&format!("{leaf}.key")).display().to_string()
    }

    fn root(&self) -> String {
        self.path("root.pem").display().to_string()
    }

    fn inter(&self) -> String {
        self.path("inter.pem").display().to_string()
    }
}

/// `openssl s_server -www` on 127.0.0.1, stopped on drop.
struct SServer {
    child: Child,
    port: u16,
}

impl Drop for SServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn s_server(args: &[String]) -> SServer {
    let port = free_port();
    let mut c = Command::new("openssl");
    c.arg("s_server")
        .arg("-accept")
        .arg(format!("127.0.0.1:{port}"))
        .arg("-www")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn openssl s_server");
    let deadline = Instant::now() + Duration::from_secs(20);
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    loop {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!("openssl s_server {args:?} exited ({status}): {err}");
        }
        assert!(Instant::now() < deadline, "openssl s_server did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    SServer { child, port }
}

fn strings(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// Serves `leaf` (with the intermediate when `chain`) plus `extra` s_server options.
fn serve(pki: &Pki, leaf: &str, chain: bool, extra: &[&str]) -> SServer {
    let mut a = strings(&["-cert", &pki.cert(leaf), "-key", &pki.key(leaf)]);
    if chain {
        a.extend(strings(&["-cert_chain", &pki.inter()]));
    }
    a.extend(strings(extra));
    s_server(&a)
}

/// Rust Debug shapes that must never reach a user.
const DEBUG_SHAPES: &[&str] = &[
    "Os {",
    "Custom {",
    "Other(",
    "Error {",
    "(Server: ?)",
    "(-)",
];

#[track_caller]
fn assert_no_debug(text: &str, what: &str) {
    for s in DEBUG_SHAPES {
        assert!(!text.contains(s), "{what} shows {s:?}:\n{text}");
    }
}

/// Every localised cause, warning and evidence text of a JSON report.
fn texts(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for list in ["causes", "warnings"] {
        for f in v[list].as_array().into_iter().flatten() {
            for m in [&f["message"], &f["fix"]["message"]] {
                out.extend(m.as_str().map(str::to_string));
            }
            for e in f["evidence"].as_array().into_iter().flatten() {
                out.extend(e["message"].as_str().map(str::to_string));
                out.push(e["args"].to_string());
            }
        }
    }
    out
}

/// One check as JSON and as text, both scanned for Debug output.
struct Checked {
    json: Value,
    human: String,
    describe: String,
}

fn check_target(url: &str, env: &[(&str, &str)]) -> Checked {
    let r = check_env(url, &[], env);
    let json = r.report();
    for t in texts(&json) {
        assert_no_debug(&t, url);
    }
    assert_no_debug(&r.stdout, url);
    let h = run_env(&["check", url, "--timeout", "2s"], env);
    h.assert_ended();
    assert_no_debug(&h.stdout, url);
    Checked {
        json,
        human: h.stdout,
        describe: r.describe(),
    }
}

fn https(s: &SServer) -> String {
    format!("https://localhost:{}/", s.port)
}

#[track_caller]
fn first_cause<'a>(c: &'a Checked, symptom: &str, id: &str) -> &'a Value {
    assert_eq!(c.json["symptom"], symptom, "{}", c.describe);
    assert_eq!(
        cause_ids(&c.json).first().map(String::as_str),
        Some(id),
        "{}",
        c.describe
    );
    cause(&c.json, id)
}

fn arg<'a>(f: &'a Value, k: &str) -> &'a str {
    f["args"][k].as_str().unwrap_or_default()
}

fn main_tls(c: &Checked) -> &Value {
    &c.json["protocol"]["exchanges"][0]["tls"]
}

// ------------------------------------------------------------------ scenarios

#[test]
fn self_signed_ca_true_certificate_is_untrusted_self_signed() {
    if !have_openssl() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // The way most people make one; OpenSSL marks it CA:TRUE.
    openssl(
        dir.path(),
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "k.pem",
            "-out",
            "c.pem",
        ],
    );
    let p = |f: &str| dir.path().join(f).display().to_string();
    let s = s_server(&strings(&["-cert", &p("c.pem"), "-key", &p("k.pem")]));
    let c = check_target(&https(&s), &[]);
    let f = first_cause(&c, "tls", "tls.cert-untrusted");
    assert_eq!(arg(f, "kind"), "self-signed", "{}", c.describe);
    let ev = evidence_ids(f);
    assert!(ev.contains(&"ev-cert-self-signed".to_string()), "{ev:?}");
    assert!(ev.contains(&"ev-cert-ca-true".to_string()), "{ev:?}");
    assert!(c.human.contains("self-signed"), "{}", c.human);
    // The fix gives a command that makes an acceptable certificate for this name.
    let fix = f["fix"]["message"].as_str().unwrap_or_default();
    assert!(
        fix.contains("subjectAltName=DNS:localhost") && fix.contains("CA:FALSE"),
        "{fix}"
    );
    // By address, the suggested certificate carries the address.
    let c = check_target(&format!("https://127.0.0.1:{}/", s.port), &[]);
    let f = first_cause(&c, "tls", "tls.cert-untrusted");
    let fix = f["fix"]["message"].as_str().unwrap_or_default();
    assert!(fix.contains("subjectAltName=IP:127.0.0.1"), "{fix}");
    // A wss:// client (Workerman with such a certificate) gets the same answer.
    let c = check_target(&format!("wss://localhost:{}/", s.port), &[]);
    let f = first_cause(&c, "tls", "tls.cert-untrusted");
    assert_eq!(arg(f, "kind"), "self-signed", "{}", c.describe);
}

#[test]
fn unknown_issuer_missing_intermediate_and_trusted_chain() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    // As public CAs do, the leaf says where its issuer's certificate is (AIA).
    let leaf = pki.leaf(
        "good",
        &["localhost", "127.0.0.1"],
        None,
        "extendedKeyUsage=serverAuth\nauthorityInfoAccess=caIssuers;URI:http://ca.invalid/inter.der\n",
    );
    let root = pki.root();
    let trust = [("SSL_CERT_FILE", root.as_str())];

    // Leaf + intermediate, but the root is not trusted: a private CA.
    let s = serve(&pki, &leaf, true, &[]);
    let c = check_target(&https(&s), &[]);
    let f = first_cause(&c, "tls", "tls.cert-untrusted");
    assert_eq!(arg(f, "kind"), "unknown-issuer", "{}", c.describe);
    assert_eq!(
        evidence(f, "ev-cert-unknown-issuer")["args"]["issuer"],
        "CN=Test Intermediate CA"
    );

    // The root is trusted but the server sends the leaf alone.
    let s = serve(&pki, &leaf, false, &[]);
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.cert-chain-incomplete");
    assert_eq!(
        arg(f, "issuer"),
        "CN=Test Intermediate CA",
        "{}",
        c.describe
    );

    // The leaf alone from a CA that publishes no issuer URL (AIA), as private CAs
    // made with openssl do: an unknown issuer rather than a missing intermediate.
    let private = pki.leaf("private", &["localhost"], None, "");
    let s = serve(&pki, &private, false, &[]);
    let c = check_target(&https(&s), &[]);
    let f = first_cause(&c, "tls", "tls.cert-untrusted");
    assert_eq!(arg(f, "kind"), "unknown-issuer", "{}", c.describe);

    // The full chain to a trusted root: OK, with the certificate's facts.
    let s = serve(&pki, &leaf, true, &[]);
    let c = check_target(&https(&s), &trust);
    assert_eq!(c.json["symptom"], "ok", "{}", c.describe);
    let facts = &main_tls(&c)["facts"];
    assert_eq!(facts["subject"], "CN=localhost", "{}", c.describe);
    assert_eq!(facts["issuer"], "CN=Test Intermediate CA");
    assert_eq!(
        facts["names"],
        serde_json::json!(["localhost", "127.0.0.1"])
    );
    assert_eq!(facts["chain_len"], 2);
    let days = facts["days_left"].as_i64().unwrap_or(-1);
    assert!((29..=30).contains(&days), "days_left {days}");
    assert!(
        c.human.contains("issued by CN=Test Intermediate CA"),
        "{}",
        c.human
    );
    assert!(
        c.human.contains("names: localhost, 127.0.0.1"),
        "{}",
        c.human
    );
    assert!(c.human.contains("chain: 2"), "{}", c.human);
}

#[test]
fn expired_and_not_yet_valid() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    let root = pki.root();
    let trust = [("SSL_CERT_FILE", root.as_str())];
    let old = pki.leaf(
        "old",
        &["localhost"],
        Some(("20200101000000Z", "20200201000000Z")),
        "",
    );
    let s = serve(&pki, &old, true, &[]);
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.cert-expired");
    assert_eq!(
        evidence(f, "ev-cert-not-after")["args"]["date"],
        "2020-02-01"
    );
    assert!(main_tls(&c)["facts"]["days_left"].as_i64().unwrap_or(0) < 0);

    let future = pki.leaf(
        "future",
        &["localhost"],
        Some(("20990101000000Z", "20991231000000Z")),
        "",
    );
    let s = serve(&pki, &future, true, &[]);
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.cert-expired");
    assert_eq!(
        evidence(f, "ev-cert-not-before")["args"]["date"],
        "2099-01-01"
    );
}

#[test]
fn wrong_name_lists_the_names_and_wrong_usage() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    let root = pki.root();
    let trust = [("SSL_CERT_FILE", root.as_str())];
    let other = pki.leaf("other", &["other.example", "www.other.example"], None, "");
    let s = serve(&pki, &other, true, &[]);
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.cert-name");
    assert_eq!(arg(f, "host"), "localhost");
    assert_eq!(
        evidence(f, "ev-cert-names")["args"]["names"],
        "other.example, www.other.example"
    );
    // By IP address: no SNI is sent, and the evidence says so.
    let c = check_target(&format!("https://127.0.0.1:{}/", s.port), &trust);
    let f = first_cause(&c, "tls", "tls.cert-name");
    assert!(
        evidence_ids(f).contains(&"ev-cert-ip-no-sni".to_string()),
        "{}",
        c.describe
    );

    // A client-only certificate (extendedKeyUsage clientAuth) served by a server.
    let client = pki.leaf(
        "client",
        &["localhost"],
        None,
        "extendedKeyUsage=clientAuth\n",
    );
    let s = serve(&pki, &client, true, &[]);
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.cert-usage");
    assert!(evidence_ids(f).contains(&"ev-cert-no-server-auth".to_string()));
}

#[test]
fn old_versions_no_shared_cipher_and_client_certificates() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    let root = pki.root();
    let trust = [("SSL_CERT_FILE", root.as_str())];
    let leaf = pki.leaf("good", &["localhost"], None, "");
    for flag in ["-tls1", "-tls1_1"] {
        let s = serve(&pki, &leaf, true, &[flag, "-cipher", "DEFAULT@SECLEVEL=0"]);
        let c = check_target(&https(&s), &trust);
        let f = first_cause(&c, "tls", "tls.version-old");
        // OpenSSL answers a 1.2/1.3-only ClientHello with protocol_version, in a
        // record that does not name its own version.
        assert_eq!(arg(f, "version"), "TLS 1.0/1.1", "{}", c.describe);
        assert!(evidence_ids(f).contains(&"ev-tls-version-refused".to_string()));
    }
    // TLS 1.2 with CBC suites only (rustls offers AEAD suites only).
    let s = serve(
        &pki,
        &leaf,
        true,
        &["-no_tls1_3", "-cipher", "AES128-SHA:AES256-SHA"],
    );
    let c = check_target(&https(&s), &trust);
    first_cause(&c, "tls", "tls.no-shared-cipher");

    // Mutual TLS, over TLS 1.3 (the alert comes after the client's Finished) and 1.2.
    for extra in [&[][..], &["-no_tls1_3"][..]] {
        let mut a = vec!["-Verify", "1", "-verifyCAfile"];
        a.push(&root);
        a.extend_from_slice(extra);
        let s = serve(&pki, &leaf, true, &a);
        let c = check_target(&https(&s), &trust);
        first_cause(&c, "tls", "tls.client-cert-required");
    }
}

#[test]
fn certificate_chosen_by_sni() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    // s_server sends no chain with -cert2: trust the intermediate too.
    let bundle = pki.path("bundle.pem");
    let both = format!(
        "{}{}",
        std::fs::read_to_string(pki.root()).expect("root"),
        std::fs::read_to_string(pki.inter()).expect("inter")
    );
    std::fs::write(&bundle, both).expect("write");
    let bundle = bundle.display().to_string();
    let trust = [("SSL_CERT_FILE", bundle.as_str())];
    let good = pki.leaf("good", &["localhost", "127.0.0.1"], None, "");
    let wrong = pki.leaf("wrong", &["shop.example"], None, "");
    // The name `localhost` is configured with the wrong certificate; the default
    // (no SNI) one is right.
    let s = serve(
        &pki,
        &good,
        true,
        &[
            "-servername",
            "localhost",
            "-cert2",
            &pki.cert(&wrong),
            "-key2",
            &pki.key(&wrong),
            "-dcert_chain",
            &pki.inter(),
        ],
    );
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.sni-cert");
    assert_eq!(
        evidence(f, "ev-cert-names")["args"]["names"],
        "shop.example"
    );
    assert_eq!(
        evidence(f, "ev-cert-no-sni-covers")["args"]["names"],
        "localhost, 127.0.0.1",
        "{}",
        c.describe
    );
    // A server that refuses names it does not know (alert unrecognized_name).
    let s = serve(
        &pki,
        &good,
        true,
        &[
            "-servername",
            "shop.example",
            "-cert2",
            &pki.cert(&wrong),
            "-key2",
            &pki.key(&wrong),
            "-servername_fatal",
        ],
    );
    let c = check_target(&https(&s), &trust);
    let f = first_cause(&c, "tls", "tls.sni-cert");
    assert!(
        evidence_ids(f).contains(&"ev-tls-unrecognized-name".to_string()),
        "{}",
        c.describe
    );
}

// ------------------------------------------------------------------ the exporter

/// blackbox_exporter's TLS metrics for a good chain: the earliest expiry (the leaf's
/// 30 days beats the CA's 60), the verified chain's, and the version.
#[test]
fn exporter_exports_certificate_expiry_and_tls_version() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new();
    let leaf = pki.leaf("good", &["localhost"], None, "");
    let s = serve(&pki, &leaf, true, &[]);
    let mut c = command(&["exporter", "--listen", "127.0.0.1:0", "--lang", "en"]);
    c.env("SSL_CERT_FILE", pki.root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let child = c.spawn().expect("spawn exporter");
    let mut guard = ExporterGuard(child);
    let mut first = String::new();
    let out = guard.0.stdout.take().expect("stdout");
    BufReader::new(out)
        .read_line(&mut first)
        .expect("start-up line");
    let addr: SocketAddr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    let mut conn = TcpStream::connect(addr).expect("connect exporter");
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        conn,
        "GET /probe?target=https://localhost:{}/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        s.port
    )
    .expect("request");
    let mut body = String::new();
    let _ = conn.read_to_string(&mut body);
    let value = |name: &str| -> Option<f64> {
        body.lines()
            .find(|l| l.starts_with(name) && !l.starts_with('#'))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
    };
    assert_eq!(value("probe_success "), Some(1.0), "{body}");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64());
    let earliest = value("probe_ssl_earliest_cert_expiry ").unwrap_or_else(|| panic!("{body}"));
    let days = (earliest - now) / 86_400.0;
    assert!(
        (29.0..=30.1).contains(&days),
        "earliest expiry in {days} days\n{body}"
    );
    assert_eq!(
        value("probe_ssl_last_chain_expiry_timestamp_seconds "),
        Some(earliest)
    );
    assert!(
        body.contains("probe_tls_version_info{version=\"TLS 1.3\"} 1"),
        "{body}"
    );
}

struct ExporterGuard(Child);

impl Drop for ExporterGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
