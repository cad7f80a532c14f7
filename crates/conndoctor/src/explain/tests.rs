//! Unit tests of matching, extraction, ranking and the suggested command.

use super::*;

fn fam(e: &Explanation) -> &str {
    e.family.map_or("-", |f| f.id.as_str())
}

fn cause_ids(e: &Explanation) -> Vec<&'static str> {
    e.causes.iter().map(|f| f.id).collect()
}

#[test]
fn every_example_is_recognised_as_its_family() {
    let mut failures = Vec::new();
    for f in &catalogue().families {
        for ex in &f.examples {
            let e = explain(ex);
            let in_matched =
                e.family.is_some_and(|p| p.id == f.id) || e.also.iter().any(|a| a.id == f.id);
            let ok = match f.symptom {
                // A family that says the symptom must decide it for its own examples.
                Some(s) => fam(&e) == f.id && e.symptom == Some(s),
                None => in_matched,
            };
            if !ok {
                failures.push(format!(
                    "{}: {ex:?} -> family {} symptom {:?}",
                    f.id,
                    fam(&e),
                    e.symptom
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn node_refused_extracts_host_and_port() {
    let e =
        explain("Error: connect ECONNREFUSED 127.0.0.1:8282\n    at TCPConnectWrap.afterConnect");
    assert_eq!(fam(&e), "node.econnrefused");
    assert_eq!(e.symptom, Some(Symptom::Refused));
    assert_eq!(e.extracted.host.as_deref(), Some("127.0.0.1"));
    assert_eq!(e.extracted.port, Some(8282));
    assert_eq!(e.next.command, "conndoctor check 127.0.0.1:8282");
    assert!(e.next.complete);
    // The client is on the server's machine: loopback-only binding cannot be why.
    assert!(!cause_ids(&e).contains(&"refused.loopback-only"));
    assert_eq!(cause_ids(&e)[0], "refused.not-listening");
}

#[test]
fn ipv6_loopback_refusal_suggests_family_mismatch() {
    let e = explain("Error: connect ECONNREFUSED ::1:8080");
    assert_eq!(e.extracted.host.as_deref(), Some("::1"));
    assert_eq!(e.extracted.port, Some(8080));
    assert_eq!(cause_ids(&e)[0], "refused.family-mismatch");
    assert_eq!(e.next.target.as_deref(), Some("[::1]:8080"));
    // Both families refused: nothing listens, no family mismatch.
    let both = explain(
        "AggregateError: connect ECONNREFUSED ::1:8080; connect ECONNREFUSED 127.0.0.1:8080",
    );
    assert!(!cause_ids(&both).contains(&"refused.family-mismatch"));
}

#[test]
fn websocket_status_codes_pick_causes() {
    let base = "WebSocket connection to 'ws://127.0.0.1:8282/chat' failed: Error during WebSocket handshake: Unexpected response code: ";
    let first = |code: &str| cause_ids(&explain(&format!("{base}{code}")))[0];
    assert_eq!(first("404"), "mismatch.ws-path");
    assert_eq!(first("403"), "mismatch.ws-origin");
    assert_eq!(first("200"), "mismatch.ws-to-http");
    assert_eq!(first("502"), "mismatch.proxy-no-upgrade");
    assert_eq!(first("418"), "mismatch.ws-to-http");
    let e = explain(&format!("{base}200"));
    assert!(cause_ids(&e).contains(&"mismatch.proxy-no-upgrade"));
    assert_eq!(e.extracted.status, Some(200));
    assert_eq!(e.extracted.url.as_deref(), Some("ws://127.0.0.1:8282/chat"));
    assert_eq!(e.next.command, "conndoctor check ws://127.0.0.1:8282/chat");
    assert_eq!(e.symptom, Some(Symptom::Mismatch));
    // 401 is authentication, not a connection problem: no cause, a note.
    let auth = explain(&format!("{base}401"));
    assert!(auth.causes.is_empty());
    assert!(auth.notes.iter().any(|n| n.id == "explain-note-status-401"));
}

#[test]
fn invalid_http_response_is_ws_to_non_http() {
    let e = explain(
        "WebSocket connection to 'ws://127.0.0.1:5678/' failed: Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE",
    );
    assert_eq!(cause_ids(&e)[0], "mismatch.ws-to-non-http");
    assert_eq!(e.causes[0].confidence, Confidence::High);
}

#[test]
fn look_alikes_are_told_apart() {
    // TLS spoken to a plain port vs a refused connect.
    let tls = explain("curl: (35) error:0A00010B:SSL routines::wrong version number");
    let refused = explain(
        "curl: (7) Failed to connect to 127.0.0.1 port 8282 after 0 ms: Couldn't connect to server",
    );
    assert_eq!(tls.symptom, Some(Symptom::Mismatch));
    assert_eq!(cause_ids(&tls), vec!["mismatch.tls-to-plain"]);
    assert_eq!(refused.symptom, Some(Symptom::Refused));
    // Plain HTTP to a TLS port is the other direction.
    let plain = explain("400 The plain HTTP request was sent to HTTPS port");
    assert_eq!(cause_ids(&plain), vec!["mismatch.plain-to-tls"]);
    // Reset vs refused: one letter apart in the errno name, different stage.
    assert_eq!(
        explain("Error: read ECONNRESET").symptom,
        Some(Symptom::Reset)
    );
    assert_eq!(
        explain("Error: connect ECONNREFUSED 10.0.0.5:80").symptom,
        Some(Symptom::Refused)
    );
    // A TLS failure inside a requests traceback beats the wrapper's generic words.
    let py = explain(
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='example.com', port=8282): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)')))",
    );
    assert_eq!(fam(&py), "openssl.wrong-version-number");
    assert_eq!(py.extracted.host.as_deref(), Some("example.com"));
    assert_eq!(py.extracted.port, Some(8282));
    // curl (7) after a long wait is a timeout, not a refusal.
    let slow = explain(
        "curl: (7) Failed to connect to 203.0.113.7 port 80 after 129753 ms: Couldn't connect to server",
    );
    assert_eq!(slow.symptom, Some(Symptom::Timeout));
    // EADDRNOTAVAIL on connect (port exhaustion) vs on bind (address not local).
    assert_eq!(
        cause_ids(&explain(
            "dial tcp 127.0.0.1:80: connect: cannot assign requested address"
        ))[0],
        "addr-not-avail.ephemeral-exhausted"
    );
    assert_eq!(
        cause_ids(&explain(
            "listen tcp 203.0.113.7:8282: bind: cannot assign requested address"
        ))[0],
        "addr-not-avail.bind-not-local"
    );
    // 404 vs 403 vs a bad status line.
    assert_ne!(
        cause_ids(&explain("Unexpected server response: 404"))[0],
        cause_ids(&explain("Unexpected server response: 403"))[0]
    );
}

#[test]
fn requests_traceback_builds_an_http_url() {
    let e = explain(
        "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=8282): Max retries exceeded with url: /chat (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f1c>: Failed to establish a new connection: [Errno 111] Connection refused'))",
    );
    assert_eq!(e.symptom, Some(Symptom::Refused));
    assert_eq!(e.next.target.as_deref(), Some("http://127.0.0.1:8282/chat"));
    assert_eq!(e.extracted.errno.as_deref(), Some("ECONNREFUSED (111)"));
    assert!(e.also.iter().any(|f| f.id == "python-requests.max-retries"));
}

#[test]
fn go_and_aiohttp_extraction() {
    let g =
        explain("Get \"http://[::1]:8080/api\": dial tcp [::1]:8080: connect: connection refused");
    assert_eq!(g.extracted.host.as_deref(), Some("::1"));
    assert_eq!(g.extracted.port, Some(8080));
    let a = explain(
        "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host localhost:5055 ssl:default [Connect call failed ('::1', 5055, 0, 0)]",
    );
    assert_eq!(a.symptom, Some(Symptom::Refused));
    assert_eq!(a.extracted.host.as_deref(), Some("::1"));
    assert_eq!(a.extracted.port, Some(5055));
}

#[test]
fn stack_trace_file_names_are_not_hosts() {
    let e = explain(
        "  File \"socket.py\", line 807\nsocket.py:807: in create_connection\nTimeoutError: [Errno 110] Connection timed out",
    );
    assert_eq!(e.symptom, Some(Symptom::Timeout));
    assert_eq!(e.extracted.host, None);
    assert!(!e.next.complete);
}

#[test]
fn private_and_fake_ip_context() {
    let t = explain("dial tcp 172.17.0.3:8282: i/o timeout");
    assert!(cause_ids(&t).contains(&"timeout.private-unroutable"));
    let f = explain("Error: connect ETIMEDOUT 198.18.0.21:443");
    assert_eq!(cause_ids(&f)[0], "dns.fake-ip");
}

#[test]
fn firefox_says_no_symptom_but_gives_a_target() {
    let e = explain("Firefox can't establish a connection to the server at ws://127.0.0.1:8080/.");
    assert_eq!(fam(&e), "firefox.cant-establish");
    assert_eq!(e.symptom, None);
    assert_eq!(e.next.target.as_deref(), Some("ws://127.0.0.1:8080/"));
    assert!(!e.is_ok());
}

#[test]
fn mixed_content_suggests_wss() {
    let e = explain(
        "Mixed Content: The page at 'https://example.com/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://example.com:8282/ws'. This request has been blocked; this endpoint must be available over WSS.",
    );
    assert_eq!(e.next.target.as_deref(), Some("wss://example.com:8282/ws"));
}

#[test]
fn success_exits_zero() {
    let e = explain("Connection to 127.0.0.1 8282 port [tcp/*] succeeded!");
    assert_eq!(e.symptom, Some(Symptom::Ok));
    assert!(e.is_ok());
    assert!(e.causes.is_empty());
}

#[test]
fn unknown_text_is_honest() {
    let e = explain("the coffee machine is out of beans at 10.1.2.3:8080");
    assert!(!e.recognised());
    assert_eq!(e.symptom, None);
    assert!(e.causes.is_empty());
    assert_eq!(e.extracted.host.as_deref(), Some("10.1.2.3"));
    assert_eq!(e.next.target.as_deref(), Some("10.1.2.3:8080"));
    let nothing = explain("hello");
    assert!(!extracted_anything(&nothing));
    assert_eq!(nothing.next.command, "conndoctor check <host>:<port>");
    assert!(!nothing.next.complete);
}

#[test]
fn incomplete_target_keeps_the_host() {
    let e =
        explain("ssh: Could not resolve hostname chat.example.invalid: Name or service not known");
    assert_eq!(e.symptom, Some(Symptom::Dns));
    assert_eq!(
        e.next.command,
        "conndoctor check chat.example.invalid:<port>"
    );
    assert!(!e.next.complete);
}

#[test]
fn url_pasted_as_host_is_noted() {
    let e = explain(
        "ssh: Could not resolve hostname http://jumpserver.example.com:9898/ui/: 不知道这样的主机。",
    );
    assert_eq!(e.symptom, Some(Symptom::Dns));
    assert!(e.notes.iter().any(|n| n.id == "explain-note-host-is-url"));
    assert_eq!(
        e.next.target.as_deref(),
        Some("http://jumpserver.example.com:9898/ui/")
    );
}

#[test]
fn input_is_capped_on_a_char_boundary() {
    let mut big = "拒".repeat(MAX_INPUT / 3 + 10);
    big.push_str("\nError: connect ECONNREFUSED 127.0.0.1:1");
    let e = explain(&big);
    assert!(e.truncated);
    // The error was past the cap, so it was not read.
    assert!(e.family.is_none_or(|f| f.id != "node.econnrefused"));
}

#[test]
fn every_suggested_complete_command_parses() {
    for f in &catalogue().families {
        for ex in &f.examples {
            let e = explain(ex);
            if e.next.complete {
                let t = e.next.target.as_deref().unwrap_or_default();
                assert!(target::parse(t).is_ok(), "{}: {t:?}", f.id);
                assert_eq!(e.next.command, format!("conndoctor check {t}"));
            }
        }
    }
}

#[test]
fn reports_have_no_raw_placeholders_in_any_language() {
    // Every placeholder of every cause title, fix and note gets a value in every
    // language: no "{$addr}" leaks into what people read, no explain id is missing.
    let explanations: Vec<Explanation> = catalogue()
        .families
        .iter()
        .flat_map(|f| f.examples.iter().map(|ex| explain(ex)))
        .collect();
    for (lang, _) in crate::i18n::LOCALES {
        let l = crate::i18n::Localizer::new(lang);
        for e in &explanations {
            let text = render::human(e, &l);
            assert!(!text.contains("{$"), "{lang}: {text}");
            assert!(!text.contains("⟦explain-"), "{lang}: {text}");
            let json = render::json(e, Some(&l)).to_string();
            assert!(!json.contains("{$"), "{lang}: {json}");
        }
    }
}

#[test]
fn noise_around_and_inside_a_message_does_not_hide_it() {
    // Terminal colours inside the phrase.
    let e = explain("\x1b[1mConnection\x1b[0m refused");
    assert_eq!(e.symptom, Some(Symptom::Refused));
    assert_eq!(e.extracted.excerpt.as_deref(), Some("Connection refused"));
    // A line wrapped by the terminal, and the double space of a joined line.
    assert_eq!(
        explain("No connection could be made because the target machine actively\n   refused it.")
            .symptom,
        Some(Symptom::Refused)
    );
    assert_eq!(
        explain("No connection could be made because the target machine actively  refused it.")
            .symptom,
        Some(Symptom::Refused)
    );
    // Copied out of a JSON log: escaped quotes and newlines.
    let e = explain(
        r#"{"level":"error","msg":"WebSocket connection to \u0027ws://127.0.0.1:8282/chat\u0027 failed: Error during WebSocket handshake: Unexpected response code: 404\n    at ws.js:10"}"#,
    );
    assert_eq!(cause_ids(&e)[0], "mismatch.ws-path");
    assert_eq!(e.extracted.url.as_deref(), Some("ws://127.0.0.1:8282/chat"));
    // A word in a URL is not the failure.
    assert_eq!(
        explain("GET https://example.com/docs/connection-refused-faq 200 OK").symptom,
        None
    );
}

#[test]
fn dart_uri_without_port_is_checked_at_its_default_port() {
    let e = explain(
        "WebSocketException: Connection to 'https://example.com:0/socket.io/?EIO=4&transport=websocket#' was not upgraded to websocket",
    );
    assert_eq!(e.symptom, Some(Symptom::Mismatch));
    assert_eq!(
        e.extracted.url.as_deref(),
        Some("https://example.com/socket.io/?EIO=4&transport=websocket")
    );
}

#[test]
fn a_407_names_the_proxy_not_the_server() {
    for msg in [
        "Error: tunneling socket could not be established, statusCode=407",
        "curl: (56) CONNECT tunnel failed, response 407",
        "OSError('Tunnel connection failed: 407 Proxy Authentication Required')",
    ] {
        assert_eq!(
            cause_ids(&explain(msg)),
            vec!["proxy.auth-required"],
            "{msg}"
        );
    }
    assert_eq!(
        cause_ids(&explain("curl: (56) CONNECT tunnel failed, response 403")),
        vec!["proxy.local-software"]
    );
}
