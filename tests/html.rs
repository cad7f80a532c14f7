//! The HTML report (`check --html FILE`, issue 14 part 2) as a user would check it: the
//! real binary against servers this test starts on 127.0.0.1, the page read as text
//! (escaping, self-containment, one section per target, language and direction) and
//! opened in headless Chromium over the DevTools protocol (it renders, the failing step
//! is marked on screen, Arabic lays out right to left, and the page makes no network
//! request).
//!
//! Chromium (Debian package `chromium`) is part of the test environment (.ci/run
//! installs it): missing, the browser test fails, unless CONNDOCTOR_SKIP_BROWSER=1.
//! Screenshots are written to target/html-screenshots/ for a person to look at.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::*;
use tokio::io::AsyncWriteExt;

/// A server whose HTTP answer carries markup in its `Server` header.
fn hostile_http_server() -> Bg {
    spawn_server(|l| {
        accept_each(l, |mut s| async move {
            let mut buf = [0u8; 2048];
            let _ = tokio::io::AsyncReadExt::read(&mut s, &mut buf).await;
            let _ = s
                .write_all(
                    b"HTTP/1.1 200 OK\r\nServer: <script>alert(1)</script><img src=x onerror=alert(2)>\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                )
                .await;
        })
    })
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `check TARGET --html FILE` (with `--json`, whose report is compared), in `lang`.
fn check_html(target: &str, lang: &str, dir: &Path, name: &str) -> (Run, String, PathBuf) {
    let file = dir.join(name);
    let f = file.to_str().expect("utf-8 path");
    let r = check(target, &["--html", f, "--lang", lang, "--no-trace"]);
    let html = read(&file);
    (r, html, file)
}

/// A closed port on 127.0.0.1 (bound, then released).
fn closed_port() -> String {
    format!("127.0.0.1:{}", free_port())
}

/// The values of every `name="…"` attribute in `html`.
fn attrs<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pat = format!(" {name}=\"");
    html.match_indices(&pat)
        .filter_map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[track_caller]
fn assert_self_contained(html: &str) {
    assert!(
        html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#),
        "no CSP meta"
    );
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(",
    ] {
        assert!(!lower.contains(bad), "the page contains {bad:?}");
    }
    for name in ["src", "href", "action", "srcset"] {
        for v in attrs(html, name) {
            assert!(v.starts_with('#'), "{name}=\"{v}\" points out of the page");
        }
    }
}

#[test]
fn hostile_server_banner_is_escaped() {
    let bg = hostile_http_server();
    let dir = tmp();
    let (r, html, _) = check_html(&format!("ws://{}/", bg.addr), "en", dir.path(), "h.html");
    let v = assert_verdict(&r, "mismatch", Some("mismatch.ws-to-http"));
    // The banner reached the report...
    assert!(
        cause(&v, "mismatch.ws-to-http")["args"]["server"]
            .as_str()
            .is_some_and(|s| s.contains("<script>")),
        "{}",
        r.describe()
    );
    // ...and the page shows it as text, never as markup.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "the banner is not escaped as expected:\n{html}"
    );
    assert_self_contained(&html);
}

#[test]
fn single_check_marks_the_failing_step_with_the_fix_under_it() {
    let dir = tmp();
    let target = closed_port();
    let (r, html, _) = check_html(&target, "en", dir.path(), "c.html");
    let v = assert_verdict(&r, "refused", Some("refused.not-listening"));
    assert_eq!(r.code, Some(1));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
    assert_self_contained(&html);
    // The seven steps in path order, the listener marked as the one that fails.
    let steps = attrs(&html, "data-step");
    let order = [
        "client", "dns", "proxy", "network", "firewall", "listener", "protocol",
    ];
    assert_eq!(&steps[..7], &order, "{steps:?}");
    assert!(
        html.contains(
            r#"<li class="step fail" data-step="listener" data-state="fail" aria-current="step">"#
        ),
        "{html}"
    );
    assert_eq!(html.matches(r#"data-state="fail""#).count(), 1);
    // Steps after the failing one were never reached.
    assert!(html.contains(r#"data-step="protocol" data-state="skip""#));
    // Under it: the cause, its evidence and its fix, as the JSON report words them.
    let c = cause(&v, "refused.not-listening");
    let failing = &html[html.find(r#"<div class="failing""#).expect("failing panel")..];
    for text in [
        c["message"].as_str().expect("title"),
        c["evidence"][0]["message"].as_str().expect("evidence"),
        c["fix"]["message"].as_str().expect("fix"),
    ] {
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(
            failing.contains(&escaped),
            "{text:?} not under the failing step"
        );
    }
}

#[test]
fn batch_page_has_one_section_per_target_in_list_order() {
    let ws = serve("websocket", "htmltok", &[]);
    let closed = closed_port();
    let dir = tmp();
    let list = dir.path().join("targets.txt");
    let targets = [
        format!("ws://{}/", ws.addr),
        closed.clone(),
        format!("http://{}/", ws.addr),
    ];
    std::fs::write(&list, targets.join("\n")).expect("write list");
    let out = dir.path().join("batch.html");
    let args = [
        "check",
        "-f",
        list.to_str().expect("path"),
        "--html",
        out.to_str().expect("path"),
        "--lang",
        "en",
        "--timeout",
        BUDGET,
        "--no-trace",
    ];
    let r = run(&args);
    assert_eq!(r.code, Some(1), "{}", r.describe());
    // The text lines still go to stdout.
    assert!(r.stdout.contains(&closed), "{}", r.describe());
    let html = read(&out);
    assert_self_contained(&html);
    let sections: Vec<&str> = html.split("<section ").skip(1).collect();
    assert_eq!(sections.len(), 3, "{html}");
    let expect = [
        ("ok", None),
        ("refused", Some("listener")),
        ("mismatch", Some("protocol")),
    ];
    for ((sec, target), (symptom, failing)) in sections.iter().zip(&targets).zip(expect) {
        assert!(
            sec.contains(&format!("data-symptom=\"{symptom}\"")),
            "{target}: {sec}"
        );
        assert!(
            sec.contains(&format!("<bdi class=\"target\">{target}</bdi>")),
            "{sec}"
        );
        match failing {
            Some(step) => assert!(
                sec.contains(&format!(
                    "data-step=\"{step}\" data-state=\"fail\" aria-current=\"step\""
                )),
                "{target} should fail at {step}: {sec}"
            ),
            None => assert!(!sec.contains("data-state=\"fail\""), "{sec}"),
        }
    }
    // A table of contents with links inside the page.
    assert_eq!(attrs(&html, "href"), ["#t1", "#t2", "#t3"]);

    // `--html -`: the page alone on stdout.
    let mut args2 = args.to_vec();
    args2[4] = "-";
    let r = run(&args2);
    assert_eq!(r.code, Some(1), "{}", r.describe());
    assert!(r.stdout.starts_with("<!DOCTYPE html>"), "{}", r.describe());
    assert_eq!(r.stdout.matches("<section ").count(), 3);

    // With --json: JSON Lines on stdout, and the page in list order all the same.
    let mut args3 = args.to_vec();
    args3.push("--json");
    std::fs::remove_file(&out).expect("remove the first page");
    let r = run(&args3);
    assert_eq!(r.stdout.lines().count(), 3, "{}", r.describe());
    let html = read(&out);
    let inputs: Vec<&str> = html
        .split(r#"<bdi class="target">"#)
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    assert_eq!(inputs, targets, "sections in the order of the list");
}

#[test]
fn every_language_has_its_page_and_arabic_is_right_to_left() {
    let dir = tmp();
    let target = closed_port();
    for lang in ["en", "zh-CN", "th", "vi", "ru", "ja", "ar"] {
        let (_, html, _) = check_html(&target, lang, dir.path(), &format!("{lang}.html"));
        let dir_attr = if lang == "ar" { "rtl" } else { "ltr" };
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir_attr}">"#)),
            "{lang}"
        );
        assert!(
            !html.contains('⟦'),
            "{lang}: a message id is missing:\n{html}"
        );
        if lang != "en" {
            // The step names are translated: none is the English one.
            let en = read(&dir.path().join("en.html"));
            let name = |h: &str| {
                let at = h.find(r#"data-step="firewall""#).expect("firewall step");
                let rest = &h[at..];
                let s = rest.find(r#"<span class="name">"#).expect("name") + 19;
                rest[s..s + rest[s..].find('<').expect("end")].to_string()
            };
            assert_ne!(name(&html), name(&en), "{lang}: step name not translated");
        }
    }
    let ar = read(&dir.path().join("ar.html"));
    assert!(
        ar.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)),
        "no Arabic text in the Arabic page"
    );
}

#[test]
fn an_unwritable_html_path_is_bad_input() {
    let dir = tmp();
    let bad = dir.path().join("no/such/dir/r.html");
    let r = run(&[
        "check",
        &closed_port(),
        "--html",
        bad.to_str().expect("path"),
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, Some(2), "{}", r.describe());
    assert!(r.stderr.contains("no/such/dir/r.html"), "{}", r.describe());
    assert!(r.stdout.is_empty(), "nothing is probed: {}", r.describe());
}

// ---------------------------------------------------------------- the browser

fn chromium() -> Option<PathBuf> {
    if std::env::var_os("CONNDOCTOR_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("CONNDOCTOR_SKIP_BROWSER=1: skipped");
        return None;
    }
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|b| {
            let ok = Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            ok.then(|| PathBuf::from(b))
        });
    assert!(
        found.is_some(),
        "headless Chromium is needed for the HTML report test (Debian package `chromium`); \
         set CONNDOCTOR_SKIP_BROWSER=1 to skip"
    );
    found
}

/// Headless Chromium with a fresh profile, reached over the DevTools protocol.
struct Browser {
    _guard: ChildGuard,
    _profile: tempfile::TempDir,
    ws_url: String,
}

fn launch(bin: &Path) -> Browser {
    let profile = tmp();
    let child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--hide-scrollbars",
            "--mute-audio",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let guard = ChildGuard {
        child,
        name: "chromium",
    };
    // Chromium writes its DevTools port and browser path here once it listens.
    let port_file = profile.path().join("DevToolsActivePort");
    let until = Instant::now() + Duration::from_secs(60);
    let text = loop {
        if let Ok(t) = std::fs::read_to_string(&port_file)
            && t.lines().count() >= 2
        {
            break t;
        }
        assert!(
            Instant::now() < until,
            "chromium wrote no DevToolsActivePort"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut lines = text.lines();
    let port = lines.next().unwrap_or_default().trim().to_string();
    let path = lines.next().unwrap_or_default().trim().to_string();
    Browser {
        _guard: guard,
        _profile: profile,
        ws_url: format!("ws://127.0.0.1:{port}{path}"),
    }
}

type Ws = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// A DevTools protocol connection: commands by id, events kept for later.
struct Cdp {
    ws: Ws,
    next: u64,
    events: Vec<Value>,
}

impl Cdp {
    async fn connect(url: &str) -> Cdp {
        let addr = url
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .expect("host:port")
            .to_string();
        let tcp = tokio::net::TcpStream::connect(addr)
            .await
            .expect("connect to DevTools");
        let (ws, _) = tokio_tungstenite::client_async(url, tcp)
            .await
            .expect("DevTools WebSocket handshake");
        Cdp {
            ws,
            next: 0,
            events: Vec::new(),
        }
    }

    async fn read(&mut self) -> Value {
        use futures_util::StreamExt;
        use tokio_tungstenite::tungstenite::Message;
        loop {
            let m = tokio::time::timeout(Duration::from_secs(60), self.ws.next())
                .await
                .expect("DevTools answered in time")
                .expect("DevTools connection open")
                .expect("DevTools frame");
            if let Message::Text(t) = m {
                return serde_json::from_str(t.as_str()).expect("DevTools JSON");
            }
        }
    }

    async fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        use futures_util::SinkExt;
        use tokio_tungstenite::tungstenite::Message;
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .await
            .expect("send to DevTools");
        loop {
            let v = self.read().await;
            if v["id"] == id {
                assert!(v["error"].is_null(), "{method}: {}", v["error"]);
                return v["result"].clone();
            }
            self.events.push(v);
        }
    }

    async fn wait_event(&mut self, session: &str, method: &str) {
        let seen = |v: &Value| v["method"] == method && v["sessionId"] == session;
        if self.events.iter().any(seen) {
            return;
        }
        loop {
            let v = self.read().await;
            let hit = seen(&v);
            self.events.push(v);
            if hit {
                return;
            }
        }
    }

    /// Requests of `session` that left the page (anything but file: and data: URLs).
    fn network_requests(&self, session: &str) -> Vec<String> {
        self.events
            .iter()
            .filter(|v| v["method"] == "Network.requestWillBeSent" && v["sessionId"] == session)
            .filter_map(|v| v["params"]["request"]["url"].as_str())
            .filter(|u| !u.starts_with("file:") && !u.starts_with("data:"))
            .map(str::to_string)
            .collect()
    }
}

const WIDTH: u32 = 1000;
const HEIGHT: u32 = 900;

/// What the page looked like: facts read from its DOM, the screenshot, the requests.
struct Seen {
    dom: Value,
    png: Vec<u8>,
    requests: Vec<String>,
}

const PROBE: &str = r#"(() => {
  const fail = document.querySelector('li.step[data-state="fail"]');
  const r = fail ? fail.getBoundingClientRect() : null;
  const x = (s) => { const e = document.querySelector('li.step[data-step="' + s + '"]'); return e ? e.getBoundingClientRect().x : null; };
  return JSON.stringify({
    ready: document.readyState,
    title: document.title,
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    direction: getComputedStyle(document.body).direction,
    steps: document.querySelectorAll('li.step').length,
    scripts: document.querySelectorAll('script').length,
    failing: fail ? { step: fail.dataset.step, current: fail.getAttribute('aria-current'),
                      x: r.x, y: r.y, w: r.width, h: r.height } : null,
    client_x: x('client'), protocol_x: x('protocol'),
  });
})()"#;

async fn visit(cdp: &mut Cdp, url: &str) -> Seen {
    let t = cdp
        .call(None, "Target.createTarget", json!({"url": "about:blank"}))
        .await;
    let target = t["targetId"].as_str().expect("targetId").to_string();
    let a = cdp
        .call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        )
        .await;
    let s = a["sessionId"].as_str().expect("sessionId").to_string();
    let s = s.as_str();
    cdp.call(Some(s), "Network.enable", json!({})).await;
    cdp.call(Some(s), "Page.enable", json!({})).await;
    cdp.call(
        Some(s),
        "Emulation.setDeviceMetricsOverride",
        json!({"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": false}),
    )
    .await;
    cdp.call(Some(s), "Page.navigate", json!({"url": url}))
        .await;
    cdp.wait_event(s, "Page.loadEventFired").await;
    let r = cdp
        .call(
            Some(s),
            "Runtime.evaluate",
            json!({"expression": PROBE, "returnByValue": true}),
        )
        .await;
    let dom: Value = serde_json::from_str(r["result"]["value"].as_str().expect("probe result"))
        .expect("probe JSON");
    let shot = cdp
        .call(Some(s), "Page.captureScreenshot", json!({"format": "png"}))
        .await;
    let png = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        shot["data"].as_str().expect("screenshot data"),
    )
    .expect("screenshot base64");
    // Late requests (none should come) would be seen before the page closes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    cdp.call(None, "Target.closeTarget", json!({"targetId": target}))
        .await;
    Seen {
        dom,
        png,
        requests: cdp.network_requests(s),
    }
}

/// The screenshot as RGBA pixels, with its size.
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut d = png::Decoder::new(std::io::Cursor::new(png_bytes));
    d.set_transformations(
        png::Transformations::normalize_to_color8() | png::Transformations::ALPHA,
    );
    let mut r = d.read_info().expect("a PNG");
    let mut buf = vec![0; r.output_buffer_size().expect("PNG buffer size")];
    let info = r.next_frame(&mut buf).expect("PNG frame");
    buf.truncate(info.buffer_size());
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "RGBA after the transformations"
    );
    (info.width, info.height, buf)
}

#[track_caller]
fn assert_screenshot(name: &str, seen: &Seen) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}.png")), &seen.png);
    let (w, h, px) = decode(&seen.png);
    assert_eq!((w, h), (WIDTH, HEIGHT), "{name}: screenshot size");
    // Not blank: the luminance varies, and many colours are present.
    let lum: Vec<f64> = px
        .chunks_exact(4)
        .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
        .collect();
    let mean = lum.iter().sum::<f64>() / lum.len() as f64;
    let var = lum.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / lum.len() as f64;
    assert!(
        var > 100.0,
        "{name}: the screenshot is nearly blank (variance {var:.1})"
    );
    // The failing step is drawn in the failure colour: red pixels inside its box.
    let f = &seen.dom["failing"];
    if !f.is_null() {
        let num = |k: &str| f[k].as_f64().unwrap_or(0.0).max(0.0) as u32;
        let (x0, y0) = (num("x"), num("y"));
        let (x1, y1) = ((x0 + num("w")).min(w), (y0 + num("h")).min(h));
        assert!(y1 > y0 && x1 > x0, "{name}: failing step off screen: {f}");
        let red = (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let i = ((y * w + x) * 4) as usize;
                let (r, g, b) = (px[i], px[i + 1], px[i + 2]);
                r > 170 && g < 80 && b < 80
            })
            .count();
        assert!(
            red > 200,
            "{name}: the failing step is not drawn in red ({red} red pixels)"
        );
    }
}

#[test]
fn the_report_renders_in_chromium_without_network_requests() {
    let Some(bin) = chromium() else { return };
    let dir = tmp();
    let ws = serve("websocket", "browsertok", &[]);
    let closed = closed_port();
    let list = dir.path().join("targets.txt");
    std::fs::write(
        &list,
        format!("{closed}\nws://{a}/\nhttp://{a}/\n", a = ws.addr),
    )
    .expect("write list");
    let batch = dir.path().join("batch.html");
    let r = run(&[
        "check",
        "-f",
        list.to_str().expect("path"),
        "--html",
        batch.to_str().expect("path"),
        "--lang",
        "en",
        "--timeout",
        BUDGET,
        "--no-trace",
    ]);
    assert_eq!(r.code, Some(1), "{}", r.describe());
    let (_, _, ar) = check_html(&closed, "ar", dir.path(), "ar.html");
    let (_, _, ja) = check_html(&closed, "ja", dir.path(), "ja.html");
    let (_, _, th) = check_html(&closed, "th", dir.path(), "th.html");

    // A control page that does load something over the network: the counter must see it,
    // or seeing nothing on the reports proves nothing. (Nothing listens there.)
    let control = dir.path().join("control.html");
    std::fs::write(
        &control,
        format!("<!DOCTYPE html><html><body><img src=\"http://{closed}/pixel.png\"></body></html>"),
    )
    .expect("write control page");

    let browser = launch(&bin);
    let url = |p: &Path| format!("file://{}", p.display());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let mut cdp = Cdp::connect(&browser.ws_url).await;

        let c = visit(&mut cdp, &url(&control)).await;
        assert_eq!(
            c.requests,
            [format!("http://{closed}/pixel.png")],
            "the request counter does not see the control page's request"
        );

        let b = visit(&mut cdp, &url(&batch)).await;
        let d = &b.dom;
        assert_eq!(d["ready"], "complete", "{d}");
        assert_eq!(d["lang"], "en", "{d}");
        assert_eq!(d["direction"], "ltr", "{d}");
        assert_eq!(d["steps"], 21, "7 steps for each of 3 targets: {d}");
        assert_eq!(d["scripts"], 0, "{d}");
        assert_eq!(
            d["failing"]["step"], "listener",
            "the first target fails at its listener: {d}"
        );
        assert_eq!(d["failing"]["current"], "step", "{d}");
        assert!(
            d["client_x"].as_f64() < d["protocol_x"].as_f64(),
            "left to right: {d}"
        );
        assert!(
            b.requests.is_empty(),
            "the page made network requests: {:?}",
            b.requests
        );
        assert_screenshot("batch-en", &b);

        let a = visit(&mut cdp, &url(&ar)).await;
        let d = &a.dom;
        assert_eq!(d["dir"], "rtl", "{d}");
        assert_eq!(d["lang"], "ar", "{d}");
        assert_eq!(d["direction"], "rtl", "computed direction: {d}");
        assert!(
            d["client_x"].as_f64() > d["protocol_x"].as_f64(),
            "the path runs right to left in Arabic: {d}"
        );
        assert_eq!(d["failing"]["step"], "listener", "{d}");
        assert!(a.requests.is_empty(), "network requests: {:?}", a.requests);
        assert_screenshot("single-ar", &a);

        for (name, p) in [("single-ja", &ja), ("single-th", &th)] {
            let s = visit(&mut cdp, &url(p)).await;
            assert_eq!(s.dom["failing"]["step"], "listener", "{name}: {}", s.dom);
            assert!(
                s.requests.is_empty(),
                "{name}: network requests: {:?}",
                s.requests
            );
            assert_screenshot(name, &s);
        }
    });
}

// ---------------------------------------------------------------- a firewall in a namespace

/// A DROP rule in front of a listener, in namespaces this test makes (root, `ip`, `nft`;
/// without them the test fails with a message, unless CONNDOCTOR_SKIP_NETNS=1): the page
/// marks the server firewall, the network before it passed (the host answers on other
/// ports), and the listener and protocol were never reached.
#[test]
fn a_dropping_firewall_is_the_failing_step() {
    use support::netns::{Netns, tools, veth};
    let Some(t) = tools() else { return };
    let client = Netns::new(t, "html", "c");
    let server = Netns::new(t, "html", "s");
    let pid = std::process::id();
    let (vs, vc) = (format!("v{pid}-h7s"), format!("v{pid}-h7c"));
    veth(&server, &vs, &client, &vc);
    server.ip(&["addr", "add", "10.210.77.1/24", "dev", &vs]);
    client.ip(&["addr", "add", "10.210.77.2/24", "dev", &vc]);
    let l = server.listen("10.210.77.1:0");
    let port = l.local_addr().expect("local addr").port();
    server.nft_port("input", port, "drop");

    let dir = tmp();
    let file = dir.path().join("fw.html");
    let target = format!("10.210.77.1:{port}");
    let r = client.run(
        &[
            "check",
            &target,
            "--json",
            "--timeout",
            "1s",
            "--no-trace",
            "--lang",
            "en",
            "--html",
            file.to_str().expect("path"),
        ],
        &[],
    );
    let v = r.report();
    assert_eq!(
        cause_ids(&v).first().map(String::as_str),
        Some("timeout.filtered"),
        "{}",
        r.describe()
    );
    let html = read(&file);
    assert_self_contained(&html);
    for (step, state) in [
        ("client", "ok"),
        ("dns", "ok"),
        ("network", "ok"),
        ("firewall", "fail"),
        ("listener", "skip"),
        ("protocol", "skip"),
    ] {
        assert!(
            html.contains(&format!(r#"data-step="{step}" data-state="{state}""#)),
            "{step} should be {state}:\n{html}"
        );
    }
    // The evidence that the host is up, under the failing step.
    let c = cause(&v, "timeout.filtered");
    let e = evidence(c, "ev-host-answers-elsewhere");
    let failing = &html[html
        .find(r#"<div class="failing" data-step="firewall""#)
        .expect("panel")..];
    let text = e["message"]
        .as_str()
        .unwrap_or_default()
        .replace('\'', "&#39;");
    assert!(
        !text.is_empty() && failing.contains(&text),
        "{text:?} not in the panel"
    );
}
