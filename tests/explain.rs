//! `conndoctor explain`: the catalogue, real messages per source and language,
//! look-alikes, extraction, and the binary (stdin, JSON, unknown, empty, --check).
//!
//! Only loopback addresses are ever contacted (the --check test); every other
//! address below is text inside a message and is never dialled.

mod support;

use conndoctor::explain::{Explanation, explain};
use conndoctor::finding::Symptom;
use conndoctor::target;
use serde_json::Value;
use support::{Run, command, free_port, run_command};

fn ids(e: &Explanation) -> Vec<&'static str> {
    e.causes.iter().map(|f| f.id).collect()
}

fn family(e: &Explanation) -> &str {
    e.family.map_or("-", |f| f.id.as_str())
}

// ---------------------------------------------------------------------------------
// The data file, read independently of the library's loader.
// ---------------------------------------------------------------------------------

#[test]
fn every_data_file_example_is_recognised_as_its_family() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/explain/patterns.toml"
    ))
    .expect("patterns.toml is readable");
    let doc: toml::Table = toml::from_str(&src).expect("patterns.toml is TOML");
    let families = doc["family"].as_array().expect("[[family]] entries");
    assert!(families.len() > 100, "{} families", families.len());
    let mut bad = Vec::new();
    for f in families {
        let id = f["id"].as_str().expect("id");
        let symptom = f.get("symptom").and_then(|s| s.as_str());
        assert!(
            f.get("seen")
                .and_then(|s| s.as_array())
                .is_some_and(|s| !s.is_empty()),
            "{id}: says where it was seen"
        );
        for ex in f["examples"].as_array().expect("examples") {
            let ex = ex.as_str().expect("example is a string");
            let e = explain(ex);
            let matched = family(&e) == id || e.also.iter().any(|a| a.id == id);
            let ok = match symptom {
                Some(s) => family(&e) == id && e.symptom.map(Symptom::id) == Some(s),
                None => matched,
            };
            if !ok {
                bad.push(format!("{id}: {ex:?} -> {} {:?}", family(&e), e.symptom));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------
// Real messages, per source program.
// ---------------------------------------------------------------------------------

/// (message, expected symptom, expected first cause or "" for none)
const BY_SOURCE: &[(&str, Option<&str>, &str)] = &[
    // Browsers
    (
        "WebSocket connection to 'ws://127.0.0.1:8282/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "WebSocket connection to 'ws://203.0.113.7:8282/' failed: Error in connection establishment: net::ERR_CONNECTION_TIMED_OUT",
        Some("timeout"),
        "timeout.filtered",
    ),
    (
        "WebSocket connection to 'ws://127.0.0.1:8282/' failed: Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE",
        Some("mismatch"),
        "mismatch.ws-to-non-http",
    ),
    (
        "WebSocket connection to 'ws://example.com/chat' failed: Error during WebSocket handshake: Unexpected response code: 404",
        Some("mismatch"),
        "mismatch.ws-path",
    ),
    (
        "WebSocket connection to 'ws://example.com/chat' failed: Error during WebSocket handshake: Unexpected response code: 403",
        Some("mismatch"),
        "mismatch.ws-origin",
    ),
    (
        "WebSocket connection to 'ws://example.com/chat' failed: Error during WebSocket handshake: Unexpected response code: 400",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    (
        "WebSocket connection to 'wss://example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 502",
        Some("mismatch"),
        "mismatch.proxy-no-upgrade",
    ),
    (
        "Firefox can't establish a connection to the server at ws://127.0.0.1:8282/.",
        None,
        "refused.not-listening",
    ),
    (
        "WebSocket connection to 'ws://localhost:8000/ws/' failed: There was a bad response from the server.",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    // Node.js and ws
    (
        "Error: connect ECONNREFUSED 127.0.0.1:8282",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "Error: Unexpected server response: 200",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    (
        "Error: getaddrinfo ENOTFOUND chat.example.invalid",
        Some("dns"),
        "dns.nxdomain",
    ),
    (
        "Error: read ECONNRESET",
        Some("reset"),
        "reset.after-connect",
    ),
    // Python
    (
        "ConnectionRefusedError: [Errno 111] Connection refused",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "websockets.exceptions.InvalidStatusCode: server rejected WebSocket connection: HTTP 404",
        Some("mismatch"),
        "mismatch.ws-path",
    ),
    (
        "websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403",
        Some("mismatch"),
        "mismatch.ws-origin",
    ),
    (
        "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=8282): Max retries exceeded with url: / (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host 127.0.0.1:80 ssl:default [Connect call failed ('127.0.0.1', 80)]",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "socket.gaierror: [Errno -3] Temporary failure in name resolution",
        Some("dns"),
        "dns.resolver-failure",
    ),
    // Go and gorilla
    (
        "dial tcp 127.0.0.1:80: connect: connection refused",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "dial tcp 203.0.113.7:80: i/o timeout",
        Some("timeout"),
        "timeout.filtered",
    ),
    (
        "websocket: bad handshake",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    (
        "Get \"https://127.0.0.1:8282/\": http: server gave HTTP response to HTTPS client",
        Some("mismatch"),
        "mismatch.tls-to-plain",
    ),
    // Java
    (
        "java.net.ConnectException: Connection refused",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "java.net.SocketTimeoutException: connect timed out",
        Some("timeout"),
        "timeout.filtered",
    ),
    (
        "java.net.UnknownHostException: chat.example.invalid",
        Some("dns"),
        "dns.nxdomain",
    ),
    // PHP and Workerman
    (
        "PHP Warning:  stream_socket_client(): unable to connect to tcp://127.0.0.1:8282 (Connection refused)",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "stream_socket_client(): Unable to connect to tcp://127.0.0.1:8282 (由于目标计算机积极拒绝，无法连接。)",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "400 Bad Request\nSec-WebSocket-Key not found.\nThis is a WebSocket service and can not be accessed via HTTP.",
        Some("mismatch"),
        "mismatch.http-to-ws",
    ),
    // .NET
    (
        "System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "System.Net.WebSockets.WebSocketException (0x80004005): The server returned status code '200' when status code '101' was expected.",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    // Rust
    (
        "Connection refused (os error 111)",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "WebSocket protocol error: HTTP error: 200 OK",
        Some("mismatch"),
        "mismatch.ws-to-http",
    ),
    (
        "error trying to connect: tcp connect error: Connection timed out (os error 110)",
        Some("timeout"),
        "timeout.filtered",
    ),
    // Tools
    (
        "curl: (7) Failed to connect to 127.0.0.1 port 8282 after 0 ms: Couldn't connect to server",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "curl: (7) Failed to connect to 127.0.0.1 port 8282: Connection refused",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "curl: (28) Failed to connect to 203.0.113.7 port 80 after 5001 ms: Timeout was reached",
        Some("timeout"),
        "timeout.filtered",
    ),
    (
        "curl: (6) Could not resolve host: chat.example.invalid",
        Some("dns"),
        "dns.nxdomain",
    ),
    (
        "Connecting to 127.0.0.1:8282... failed: Connection refused.",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "nc: connect to 127.0.0.1 port 8282 (tcp) failed: Connection refused",
        Some("refused"),
        "refused.not-listening",
    ),
    (
        "ssh: connect to host 203.0.113.7 port 22: Connection timed out",
        Some("timeout"),
        "timeout.filtered",
    ),
    (
        "ssh: connect to host 192.168.1.20 port 22: No route to host",
        Some("unreachable"),
        "unreachable.host",
    ),
    // OS texts
    (
        "connect: Cannot assign requested address",
        Some("addr-not-avail"),
        "addr-not-avail.ephemeral-exhausted",
    ),
    (
        "[WinError 10049] The requested address is not valid in its context",
        Some("addr-not-avail"),
        "addr-not-avail.bind-not-local",
    ),
    (
        "OSError: [Errno 101] Network is unreachable",
        Some("unreachable"),
        "unreachable.no-route",
    ),
    (
        "[WinError 10065] A socket operation was attempted to an unreachable host",
        Some("unreachable"),
        "unreachable.host",
    ),
    (
        "[WinError 10054] An existing connection was forcibly closed by the remote host",
        Some("reset"),
        "reset.after-connect",
    ),
    (
        "accept4: too many open files",
        Some("local"),
        "local.fd-exhausted",
    ),
    (
        "System.Net.Sockets.SocketException (11001): No such host is known.",
        Some("dns"),
        "dns.nxdomain",
    ),
];

#[test]
fn real_messages_per_source() {
    let mut bad = Vec::new();
    for (msg, symptom, first) in BY_SOURCE {
        let e = explain(msg);
        let got_first = ids(&e).first().copied().unwrap_or("");
        if e.symptom.map(Symptom::id) != *symptom || got_first != *first {
            bad.push(format!(
                "{msg:?}\n   -> {} {:?} first cause {got_first:?}",
                family(&e),
                e.symptom
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------
// The same failures as the operating systems print them in the seven languages.
// glibc texts are its own translations (glibc 2.36, po/<lang>.po); Windows texts
// are as reported by users. glibc has no Thai or Arabic catalogue, so Linux in
// those locales prints the English text; Windows prints its own translation around
// the error number, which is the same in every language: the th/ar rows below wrap
// the number in a sentence of that language to show that the number alone decides.
// ---------------------------------------------------------------------------------

const BY_LANGUAGE: &[(&str, &str, &str)] = &[
    // (language, message, symptom)
    ("en", "Connection refused", "refused"),
    ("en", "Connection timed out", "timeout"),
    (
        "en",
        "No connection could be made because the target machine actively refused it.",
        "refused",
    ),
    (
        "en",
        "A connection attempt failed because the connected party did not properly respond after a period of time",
        "timeout",
    ),
    ("zh-CN", "拒绝连接", "refused"),
    ("zh-CN", "连接超时", "timeout"),
    (
        "zh-CN",
        "ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。",
        "refused",
    ),
    (
        "zh-CN",
        "TimeoutError: [WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。",
        "timeout",
    ),
    ("zh-CN", "未知的名称或服务", "dns"),
    ("ja", "接続を拒否されました", "refused"),
    ("ja", "接続がタイムアウトしました", "timeout"),
    (
        "ja",
        "<urlopen error [WinError 10061] 対象のコンピューターによって拒否されたため、接続できませんでした。>",
        "refused",
    ),
    (
        "ja",
        "接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかったため、接続できませんでした。",
        "timeout",
    ),
    ("ru", "В соединении отказано", "refused"),
    ("ru", "Время ожидания соединения истекло", "timeout"),
    (
        "ru",
        "Подключение не установлено, т.к. конечный компьютер отверг запрос на подключение. 127.0.0.1:2093",
        "refused",
    ),
    (
        "ru",
        "Попытка установить соединение была безуспешной, т.к. от другого компьютера за требуемое время не получен нужный отклик",
        "timeout",
    ),
    ("vi", "Kết nối bị từ chối", "refused"),
    ("vi", "Kết nối đã quá hạn", "timeout"),
    ("vi", "Không rõ tên hoặc dịch vụ", "dns"),
    (
        "th",
        "curl: (7) Failed to connect to 127.0.0.1 port 8282: Connection refused",
        "refused",
    ),
    ("th", "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ [WinError 10061]", "refused"),
    ("th", "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ [WinError 10060]", "timeout"),
    (
        "ar",
        "ssh: connect to host 203.0.113.7 port 22: Connection timed out",
        "timeout",
    ),
    ("ar", "تعذر الاتصال بالخادم (os error 10061)", "refused"),
    ("ar", "تعذر الاتصال بالخادم (os error 10060)", "timeout"),
    // Other common locales (glibc).
    ("fr", "Connexion refusée", "refused"),
    ("de", "Verbindungsaufbau abgelehnt", "refused"),
    (
        "de",
        "Die Wartezeit für die Verbindung ist abgelaufen",
        "timeout",
    ),
    ("es", "Conexión rehusada", "refused"),
    (
        "es",
        "No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión.",
        "refused",
    ),
    ("pt_BR", "Conexão recusada", "refused"),
    ("ko", "연결이 거부됨", "refused"),
];

#[test]
fn operating_system_texts_in_many_languages() {
    let mut bad = Vec::new();
    for (lang, msg, symptom) in BY_LANGUAGE {
        let e = explain(msg);
        if e.symptom.map(Symptom::id) != Some(*symptom) {
            bad.push(format!("{lang}: {msg:?} -> {} {:?}", family(&e), e.symptom));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------
// The generated OS tables (data/explain/gen_os_tables.py): every translated text of
// an error is explained as that error, and every error number in its usual places
// (`os error N`, `[Errno N]`, `errno = N`) on every system it belongs to.
// ---------------------------------------------------------------------------------

/// The symptom of the family that explains the error `name`, if any does.
fn symptom_of_errno(name: &str) -> Option<&'static str> {
    conndoctor::explain::catalogue()
        .family_of_errno(name)
        .and_then(|f| f.symptom)
        .map(Symptom::id)
}

/// Texts and numbers that stand for more than one error (a translator used the
/// same words for two errors, or two systems share a number) prove nothing alone.
fn symptoms_by<K: Ord + Clone>(
    rows: impl Iterator<Item = (K, &'static str)>,
) -> std::collections::BTreeMap<K, std::collections::BTreeSet<&'static str>> {
    let mut m = std::collections::BTreeMap::new();
    for (k, name) in rows {
        if let Some(s) = symptom_of_errno(name) {
            m.entry(k)
                .or_insert_with(std::collections::BTreeSet::new)
                .insert(s);
        }
    }
    m
}

#[test]
fn os_tables_parse_and_hold_every_system() {
    let t = conndoctor::explain::os_tables::tables();
    assert!(t.errors.is_empty(), "{:#?}", t.errors);
    // The numbers a user looks up, from the headers of each system.
    for (os, name, n) in [
        ("linux", "ECONNREFUSED", 111),
        ("linux", "ETIMEDOUT", 110),
        ("linux", "EAI_NONAME", -2),
        ("bsd", "ECONNREFUSED", 61),
        ("bsd", "ETIMEDOUT", 60),
        ("bsd", "EADDRNOTAVAIL", 49),
        ("windows", "WSAECONNREFUSED", 10061),
        ("windows", "WSAETIMEDOUT", 10060),
        ("windows", "WSAHOST_NOT_FOUND", 11001),
        ("libuv", "ECONNREFUSED", -4078),
    ] {
        assert_eq!(t.number(os, name), Some(n), "{os} {name}");
    }
    // glibc's catalogues in the languages people paste, and Wine's.
    let langs = |name: &str| -> Vec<&str> {
        t.texts
            .iter()
            .filter(|x| x.name == name)
            .map(|x| x.lang)
            .collect()
    };
    for lang in ["zh_CN", "ja", "ru", "vi", "pt_BR", "es", "de", "fr", "ko"] {
        assert!(langs("ECONNREFUSED").contains(&lang), "glibc {lang}");
    }
    for lang in ["zh_CN", "ja", "ru", "de", "fr", "es", "pt_BR", "ko"] {
        assert!(langs("WSAECONNREFUSED").contains(&lang), "wine {lang}");
    }
}

#[test]
fn every_translated_os_text_is_explained_as_its_error() {
    let t = conndoctor::explain::os_tables::tables();
    let by_text = symptoms_by(t.texts.iter().map(|x| (x.text, x.name)));
    let mut bad = Vec::new();
    let mut checked = 0;
    for x in &t.texts {
        let Some(want) = symptom_of_errno(x.name) else {
            continue;
        };
        // English is matched by the families' own patterns, in the wording the
        // systems really print (Wine's English is its own).
        if x.lang == "en" || by_text.get(x.text).is_some_and(|s| s.len() > 1) {
            continue;
        }
        checked += 1;
        // As pasted: inside a log line, after the program's own words.
        let msg = format!("2024-05-01 10:00:00 ERROR connect failed: {}", x.text);
        let e = explain(&msg);
        if e.symptom.map(Symptom::id) != Some(want) {
            bad.push(format!(
                "{} {} {:?} -> {} {:?}",
                x.lang,
                x.name,
                x.text,
                family(&e),
                e.symptom
            ));
        }
    }
    assert!(checked > 400, "only {checked} texts checked");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_errno_number_is_explained_on_its_system() {
    let t = conndoctor::explain::os_tables::tables();
    let by_number = symptoms_by(t.numbers.iter().map(|n| (n.number, n.name)));
    let mut bad = Vec::new();
    for n in &t.numbers {
        let Some(want) = symptom_of_errno(n.name) else {
            continue;
        };
        if by_number.get(&n.number).is_some_and(|s| s.len() > 1) {
            continue;
        }
        // The places each runtime prints the number, with no text to go by.
        let forms: Vec<String> = match n.os {
            // getaddrinfo's codes reach users through Python's socket.gaierror.
            _ if n.name.starts_with("EAI_") => vec![format!("[Errno {}]", n.number)],
            "libuv" => vec![format!("{{ errno: {}, syscall: 'connect' }}", n.number)],
            "windows" => vec![
                format!("[WinError {}]", n.number),
                format!("socket error ({})", n.number),
                format!("os error {}", n.number),
            ],
            _ => vec![
                format!("[Errno {}]", n.number),
                format!("Io(Os {{ code: {}, kind: Other }})", n.number),
                format!("failed (os error {})", n.number),
            ],
        };
        for msg in forms {
            let e = explain(&msg);
            if e.symptom.map(Symptom::id) != Some(want) {
                bad.push(format!(
                    "{} {} {msg:?} -> {} {:?}",
                    n.os,
                    n.name,
                    family(&e),
                    e.symptom
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn os_tables_explain_the_examples_users_paste() {
    for (msg, symptom, errno) in [
        ("Erro: Conexão recusada", "refused", "ECONNREFUSED"),
        (
            "connect to 10.0.0.5 port 22: Verbindungsaufbau abgelehnt",
            "refused",
            "ECONNREFUSED",
        ),
        (
            "SocketException: 由于目标计算机积极拒绝，无法连接。 (10061)",
            "refused",
            "WSAECONNREFUSED (10061)",
        ),
        (
            "Error: Connection refused (os error 61)",
            "refused",
            "ECONNREFUSED (61)",
        ),
        (
            "tcp connect error: os error 61",
            "refused",
            "ECONNREFUSED (61)",
        ),
        (
            "Io(Os { code: 49, kind: AddrNotAvailable })",
            "addr-not-avail",
            "EADDRNOTAVAIL (49)",
        ),
        (
            "{ errno: -4078, code: 'ECONNREFUSED' }",
            "refused",
            "ECONNREFUSED",
        ),
        (
            "Ошибка: Соединение отвергнуто.",
            "refused",
            "WSAECONNREFUSED",
        ),
        ("[Errno 60] Zeitüberschreitung", "timeout", "ETIMEDOUT (60)"),
    ] {
        let e = explain(msg);
        assert_eq!(
            e.symptom.map(Symptom::id),
            Some(symptom),
            "{msg}: {}",
            family(&e)
        );
        assert_eq!(
            e.extracted.errno.as_deref(),
            Some(errno),
            "{msg}: {}",
            family(&e)
        );
    }
    // A number that is no connection error on any system says nothing.
    assert_eq!(explain("os error 2").symptom, None);
    assert_eq!(explain("[Errno 17] File exists").symptom, None);
}

// ---------------------------------------------------------------------------------
// Messages that look alike but mean different things.
// ---------------------------------------------------------------------------------

#[test]
fn look_alikes_are_told_apart() {
    let pairs: &[(&str, &str, &str, &str)] = &[
        // TLS to a plain port vs refused: both from curl, both "failed".
        (
            "curl: (35) error:0A00010B:SSL routines::wrong version number",
            "mismatch.tls-to-plain",
            "curl: (7) Failed to connect to 127.0.0.1 port 443 after 0 ms: Couldn't connect to server",
            "refused.not-listening",
        ),
        // Plain HTTP to a TLS port vs TLS to a plain port.
        (
            "400 The plain HTTP request was sent to HTTPS port",
            "mismatch.plain-to-tls",
            "http: server gave HTTP response to HTTPS client",
            "mismatch.tls-to-plain",
        ),
        // Reset after connect vs refused.
        (
            "Error: read ECONNRESET",
            "reset.after-connect",
            "Error: connect ECONNREFUSED 127.0.0.1:80",
            "refused.not-listening",
        ),
        // WebSocket answered by HTTP vs by something that is not HTTP.
        (
            "Error during WebSocket handshake: Unexpected response code: 200",
            "mismatch.ws-to-http",
            "Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE",
            "mismatch.ws-to-non-http",
        ),
        // Wrong path vs wrong Origin.
        (
            "Unexpected response code: 404",
            "mismatch.ws-path",
            "Unexpected response code: 403",
            "mismatch.ws-origin",
        ),
        // EADDRNOTAVAIL when connecting vs when binding.
        (
            "dial tcp 10.0.0.5:80: connect: cannot assign requested address",
            "addr-not-avail.ephemeral-exhausted",
            "listen tcp 203.0.113.7:8282: bind: cannot assign requested address",
            "addr-not-avail.bind-not-local",
        ),
        // Name does not exist vs resolver failing.
        (
            "getaddrinfo ENOTFOUND chat.example.invalid",
            "dns.nxdomain",
            "getaddrinfo EAI_AGAIN chat.example.com",
            "dns.resolver-failure",
        ),
        // A WebSocket client at an HTTP server vs an HTTP client at a WebSocket server.
        (
            "Unexpected server response: 200",
            "mismatch.ws-to-http",
            "HTTP/1.1 426 Upgrade Required",
            "mismatch.http-to-ws",
        ),
    ];
    for (a, ca, b, cb) in pairs {
        let (ea, eb) = (explain(a), explain(b));
        assert_eq!(ids(&ea).first(), Some(ca), "{a:?} -> {:?}", ids(&ea));
        assert_eq!(ids(&eb).first(), Some(cb), "{b:?} -> {:?}", ids(&eb));
    }
    // A refused connection on the same machine cannot be a loopback-only binding;
    // from another host it can.
    assert!(
        !ids(&explain("connect ECONNREFUSED 127.0.0.1:8282")).contains(&"refused.loopback-only")
    );
    assert!(
        ids(&explain("connect ECONNREFUSED 192.0.2.10:8282")).contains(&"refused.loopback-only")
    );
}

// ---------------------------------------------------------------------------------
// Extraction and the suggested command.
// ---------------------------------------------------------------------------------

#[test]
fn extracts_host_port_url_status_errno() {
    let e = explain(
        "index.html:76 WebSocket connection to 'ws://127.0.0.1:5500/index.html/ws' failed: Error during WebSocket handshake: Unexpected response code: 404\n(anonymous) @ index.html:76",
    );
    assert_eq!(
        e.extracted.url.as_deref(),
        Some("ws://127.0.0.1:5500/index.html/ws")
    );
    assert_eq!(e.extracted.host.as_deref(), Some("127.0.0.1"));
    assert_eq!(e.extracted.port, Some(5500));
    assert_eq!(e.extracted.status, Some(404));
    assert_eq!(
        e.next.command,
        "conndoctor check ws://127.0.0.1:5500/index.html/ws"
    );

    let w = explain(
        "OSError: [WinError 10061] No connection could be made because the target machine actively refused it",
    );
    assert_eq!(
        w.extracted.errno.as_deref(),
        Some("WSAECONNREFUSED (10061)")
    );

    let ssh = explain("ssh: connect to host 203.0.113.7 port 2222: Connection refused");
    assert_eq!(ssh.next.target.as_deref(), Some("203.0.113.7:2222"));

    let php = explain(
        "stream_socket_client(): unable to connect to tcp://127.0.0.1:1236 (Connection refused)",
    );
    assert_eq!(php.next.target.as_deref(), Some("tcp://127.0.0.1:1236"));

    let wget = explain("Connecting to db (db)|172.19.0.2|:80... failed: Connection refused.");
    assert_eq!(wget.extracted.host.as_deref(), Some("172.19.0.2"));
    assert_eq!(wget.extracted.port, Some(80));

    let java = explain(
        "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:8282",
    );
    assert_eq!(java.next.target.as_deref(), Some("127.0.0.1:8282"));
}

#[test]
fn suggested_commands_parse_as_targets() {
    for (msg, _, _) in BY_SOURCE {
        let e = explain(msg);
        if e.next.complete {
            let t = e.next.target.clone().unwrap_or_default();
            assert!(target::parse(&t).is_ok(), "{msg:?} -> {t:?}");
            assert_eq!(e.next.command, format!("conndoctor check {t}"));
        } else {
            assert!(e.next.command.contains('<'), "{msg:?}: {}", e.next.command);
        }
    }
}

// ---------------------------------------------------------------------------------
// The binary.
// ---------------------------------------------------------------------------------

/// The binary with `args`, and `stdin` (if any) on its standard input.
fn run(args: &[&str], stdin: Option<&str>) -> Run {
    run_command(args, command(args), stdin)
}

#[test]
fn binary_reads_a_stack_trace_from_stdin() {
    let trace = "node:internal/process/promises:288\n            triggerUncaughtException(err, true /* fromPromise */);\n            ^\n\nError: connect ECONNREFUSED 127.0.0.1:8282\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '127.0.0.1',\n  port: 8282\n}\n";
    let r = run(&["explain"], Some(trace));
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.contains("node.econnrefused"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("Nothing accepts connections on 127.0.0.1:8282")
    );
    assert!(r.stdout.contains("conndoctor check 127.0.0.1:8282"));
    assert!(!r.stdout.contains('⟦'), "missing message: {}", r.stdout);
    let dash = run(&["explain", "-"], Some(trace));
    assert_eq!(dash.stdout, r.stdout);
}

#[test]
fn binary_json_has_schema_and_ids() {
    let r = run(
        &[
            "explain",
            "--json",
            "WebSocket connection to 'ws://127.0.0.1:8282/chat' failed: Error during WebSocket handshake: Unexpected response code: 404",
        ],
        None,
    );
    assert_eq!(r.code, Some(1));
    let v = r.json();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["command"], "explain");
    assert_eq!(v["recognised"], true);
    assert_eq!(v["symptom"], "mismatch");
    assert_eq!(v["family"]["id"], "websocket.unexpected-response-code");
    assert_eq!(v["causes"][0]["id"], "mismatch.ws-path");
    assert_eq!(v["causes"][0]["fix"]["id"], "fix-mismatch-ws-path");
    assert!(v["causes"][0]["message"].is_string());
    assert_eq!(v["extracted"]["status"], 404);
    assert_eq!(v["extracted"]["port"], 8282);
    assert_eq!(
        v["next"]["command"],
        "conndoctor check ws://127.0.0.1:8282/chat"
    );
    assert_eq!(v["next"]["complete"], true);
    assert_eq!(v["lang"], "en");
}

#[test]
fn binary_unknown_message_is_honest() {
    let r = run(
        &["explain", "the printer on 10.1.2.3:9100 is out of paper"],
        None,
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout.contains("not a message conndoctor knows"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("host 10.1.2.3"));
    assert!(r.stdout.contains("conndoctor check 10.1.2.3:9100"));
    let j = run(&["explain", "--json", "no idea what happened"], None).json();
    assert_eq!(j["recognised"], false);
    assert_eq!(j["symptom"], Value::Null);
    assert_eq!(j["causes"].as_array().map(Vec::len), Some(0));
    assert_eq!(j["next"]["complete"], false);
}

#[test]
fn binary_empty_message_is_bad_input() {
    for (args, stdin) in [
        (vec!["explain", ""], None),
        (vec!["explain"], Some("   \n\n")),
        (vec!["explain", "-"], Some("")),
    ] {
        let r = run(&args, stdin);
        assert_eq!(r.code, Some(2), "{args:?}");
        assert!(r.stderr.contains("no message given"), "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let t = run(
        &[
            "explain",
            "--check",
            "--timeout",
            "soon",
            "Connection refused",
        ],
        None,
    );
    assert_eq!(t.code, Some(2));
}

#[test]
fn binary_success_message_exits_zero() {
    let r = run(
        &[
            "explain",
            "Connection to 127.0.0.1 8282 port [tcp/*] succeeded!",
        ],
        None,
    );
    assert_eq!(r.code, Some(0));
}

#[test]
fn binary_renders_every_language_without_missing_messages() {
    let msg = "WebSocket connection to 'ws://127.0.0.1:8282/chat' failed: Error during WebSocket handshake: Unexpected response code: 404";
    for lang in ["en", "zh-CN", "th", "vi", "ru", "ja", "ar"] {
        let r = run(&["explain", "--lang", lang, msg], None);
        assert_eq!(r.code, Some(1), "{lang}");
        // Explain's own texts must exist in every language; cause texts may fall back
        // to English while a language is being written, but never to a raw id.
        assert!(!r.stdout.contains("⟦explain-"), "{lang}: {}", r.stdout);
    }
}

#[test]
fn binary_check_runs_the_suggested_check() {
    // A loopback port with nothing listening.
    let port = free_port();
    let msg = format!("Error: connect ECONNREFUSED 127.0.0.1:{port}");
    let r = run(&["explain", "--check", "--timeout", "2s", &msg], None);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout
            .contains(&format!("conndoctor check 127.0.0.1:{port}"))
    );
    // The check's own report follows: its verdict and its listener line.
    assert!(
        r.stdout.contains("connection refused (refused)"),
        "{}",
        r.stdout
    );

    let j = run(
        &["explain", "--check", "--json", "--timeout", "2s", &msg],
        None,
    )
    .json();
    assert_eq!(j["schema"], 1);
    assert_eq!(j["symptom"], "refused");
    assert_eq!(j["check"]["schema"], 1);
    assert_eq!(j["check"]["symptom"], "refused");
    assert_eq!(j["check"]["causes"][0]["id"], "refused.not-listening");

    // Without a complete target there is nothing safe to probe.
    let none = run(&["explain", "--check", "Connection refused"], None);
    assert_eq!(none.code, Some(2));
    assert!(none.stderr.contains("--check needs a complete target"));
}

#[test]
fn catalogue_cause_ids_are_in_causes_md() {
    // shared/ sits beside the repository (in CI too); when it is there, every id
    // explain may emit must be in the public catalogue, whose ids are a contract.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/design/causes.md");
    let Ok(md) = std::fs::read_to_string(path) else {
        eprintln!("{path} not found; skipped");
        return;
    };
    // Every id the public catalogue documents is in the code's one table (which may
    // hold newer ids: causes.md is outside this repository).
    for id in md.split('`').skip(1).step_by(2).filter(|w| {
        w.contains('.')
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b"-.".contains(&b))
    }) {
        assert!(
            conndoctor::cause::find(id).is_some(),
            "{id} from causes.md is not in cause::ALL"
        );
    }
    assert!(conndoctor::explain::catalogue().errors.is_empty());
}

// ---------------------------------------------------------------------------------
// Held-out corpus: real messages from public issue trackers (data/explain/corpus.tsv).
// The patterns are written from client sources; this measures them on real pastes.
// ---------------------------------------------------------------------------------

#[test]
fn corpus_of_real_messages_is_explained_at_97_percent() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/explain/corpus.tsv"
    ))
    .expect("corpus.tsv is readable");
    let (mut total, mut misses) = (0usize, Vec::new());
    // Per category (the label's symptom part): (messages, right).
    let mut per: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for line in src
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "expected \\t message \\t url: {line:?}");
        let (want, msg, url) = (cols[0], cols[1], cols[2]);
        assert!(url.starts_with("https://"), "source URL: {line:?}");
        total += 1;
        let e = explain(msg);
        // A cause id has a dot; a bare symptom id means the message names no cause;
        // "-" means the message does not say how it failed (Firefox's "can't
        // establish a connection"): recognised, and no symptom claimed.
        let ok = if want == "-" {
            e.recognised() && e.symptom.is_none()
        } else if want.contains('.') {
            ids(&e).first() == Some(&want)
        } else {
            e.symptom.map(Symptom::id) == Some(want)
        };
        let cat = per
            .entry(want.split('.').next().unwrap_or(want))
            .or_default();
        cat.0 += 1;
        cat.1 += usize::from(ok);
        if !ok {
            misses.push(format!(
                "{want} <- {msg:?} got {:?} {:?} ({url})",
                e.symptom.map(Symptom::id),
                ids(&e)
            ));
        }
    }
    let accuracy = (total - misses.len()) as f64 / total as f64;
    println!("explain corpus: {total} messages, accuracy {accuracy:.3}");
    for (cat, (n, right)) in &per {
        println!(
            "  {cat:<15} {right:>3}/{n:<3} {:.3}",
            *right as f64 / *n as f64
        );
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        accuracy >= 0.97,
        "accuracy {accuracy:.3} on {total} messages; misses:\n{}",
        misses.join("\n")
    );
}
