//! `conndoctor demo`: real servers on loopback, started in this process, and the
//! diagnosis of each, so a new user sees the verdicts in seconds with no set-up.

use std::io::Write;
use std::net::{SocketAddr, TcpListener as StdListener, TcpStream};
use std::time::Duration;

use socket2::{Domain, Socket, Type};

use crate::i18n::Localizer;
use crate::probe::CheckOptions;
use crate::probe::protocol::ProtoOptions;
use crate::report::{human, json};
use crate::serve::ServeOptions;
use crate::target;

/// Keeps the demo's servers alive until the checks are done.
struct Servers {
    _listeners: Vec<tokio::task::JoinHandle<()>>,
    _held: Vec<Socket>,
    _clients: Vec<TcpStream>,
}

/// A server that accepts and closes every connection.
fn serve(bind: &str) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let std = StdListener::bind(bind)?;
    std.set_nonblocking(true)?;
    let addr = std.local_addr()?;
    let l = tokio::net::TcpListener::from_std(std)?;
    let h = tokio::spawn(async move {
        while let Ok((s, _)) = l.accept().await {
            drop(s);
        }
    });
    Ok((addr, h))
}

/// A port nothing listens on: bind, read the port, close.
fn closed_port() -> std::io::Result<u16> {
    Ok(StdListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A listener with backlog 0 that never accepts, and one client parked in its queue:
/// from then on the kernel drops every new SYN.
fn full_queue() -> std::io::Result<(SocketAddr, Socket, TcpStream)> {
    let s = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    s.bind(
        &"127.0.0.1:0"
            .parse::<SocketAddr>()
            .map_err(std::io::Error::other)?
            .into(),
    )?;
    s.listen(0)?;
    let addr = s
        .local_addr()?
        .as_socket()
        .ok_or_else(|| std::io::Error::other("listener has no inet address"))?;
    let parked = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
    Ok((addr, s, parked))
}

fn localhost_is_dual_stack() -> bool {
    dns_lookup::lookup_host("localhost").is_ok_and(|v| {
        let v: Vec<std::net::IpAddr> = v.collect();
        v.iter().any(std::net::IpAddr::is_ipv4) && v.iter().any(std::net::IpAddr::is_ipv6)
    })
}

/// A reference server from `conndoctor serve`, on a free loopback port.
async fn reference(listen: &str, o: ServeOptions) -> std::io::Result<crate::serve::Server> {
    let t = target::parse_listen(listen).map_err(std::io::Error::other)?;
    crate::serve::start(&t, &o)
        .await
        .map_err(std::io::Error::other)
}

/// Runs the demo and writes its report to `out` (text, or one JSON object per case).
pub async fn run(
    opts: &CheckOptions,
    as_json: bool,
    l: &Localizer,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let closed = closed_port()?;
    let (lo, h2) = serve("127.0.0.1:0")?;
    let (queue, held, parked) = full_queue()?;
    let mut handles = vec![h2];
    let ws = reference("websocket://127.0.0.1:0", ServeOptions::default()).await?;
    let http = reference("http://127.0.0.1:0", ServeOptions::default()).await?;
    let text = reference("text://127.0.0.1:0", ServeOptions::default()).await?;
    let wss = reference(
        "websocket://127.0.0.1:0",
        ServeOptions {
            tls: true,
            ..ServeOptions::default()
        },
    )
    .await?;
    let strict = reference(
        "websocket://127.0.0.1:0/",
        ServeOptions {
            strict_path: true,
            ..ServeOptions::default()
        },
    )
    .await?;
    let origin = reference(
        "websocket://127.0.0.1:0",
        ServeOptions {
            allow_origin: Some("https://app.example".into()),
            ..ServeOptions::default()
        },
    )
    .await?;

    let mut cases: Vec<(&str, String, CheckOptions)> = vec![
        (
            "demo-scenario-open",
            format!("ws://{}/chat", ws.addr),
            CheckOptions {
                expect_token: Some(ws.token.clone()),
                ..opts.clone()
            },
        ),
        (
            "demo-scenario-closed",
            format!("127.0.0.1:{closed}"),
            opts.clone(),
        ),
        (
            "demo-scenario-loopback",
            format!("websocket://127.0.0.2:{}", lo.port()),
            opts.clone(),
        ),
        (
            "demo-scenario-queue",
            format!("tcp://{queue}"),
            opts.clone(),
        ),
        (
            "demo-scenario-ws-http",
            format!("ws://{}/chat", http.addr),
            opts.clone(),
        ),
        (
            "demo-scenario-ws-text",
            format!("ws://{}/", text.addr),
            opts.clone(),
        ),
        (
            "demo-scenario-tls-plain",
            format!("wss://{}/", ws.addr),
            opts.clone(),
        ),
        (
            "demo-scenario-plain-tls",
            format!("ws://{}/", wss.addr),
            opts.clone(),
        ),
        (
            "demo-scenario-path",
            format!("ws://{}/chat", strict.addr),
            opts.clone(),
        ),
        (
            "demo-scenario-origin",
            format!("ws://{}/", origin.addr),
            CheckOptions {
                proto: ProtoOptions {
                    origin: Some("https://evil.example".into()),
                    ..ProtoOptions::default()
                },
                ..opts.clone()
            },
        ),
    ];
    // The FAQ's "domain points to the wrong IP": the user believes the server is at a
    // documentation address, the name resolves elsewhere (here through the hosts file).
    cases.push((
        "demo-scenario-wrong-ip",
        format!("ws://localhost:{}/chat", ws.addr.port()),
        CheckOptions {
            expect_ip: vec![std::net::IpAddr::from([192, 0, 2, 10])],
            ..opts.clone()
        },
    ));
    if localhost_is_dual_stack() {
        let (v4only, h) = serve("127.0.0.1:0")?;
        handles.push(h);
        cases.push((
            "demo-scenario-family",
            format!("localhost:{}", v4only.port()),
            opts.clone(),
        ));
    }
    let _servers = Servers {
        _listeners: handles,
        _held: vec![held],
        _clients: vec![parked],
    };
    let _reference = [ws, http, text, wss, strict, origin];

    // All checks run at once, so the demo takes about one time budget.
    let mut set = tokio::task::JoinSet::new();
    for (i, (_, t, o)) in cases.iter().enumerate() {
        let t = target::parse(t).map_err(std::io::Error::other)?;
        let o = o.clone();
        set.spawn(async move { (i, crate::check(&t, &o).await) });
    }
    let mut reports: Vec<Option<crate::Report>> = vec![None; cases.len()];
    while let Some(r) = set.join_next().await {
        let (i, rep) = r.map_err(std::io::Error::other)?;
        reports[i] = Some(rep);
    }

    if !as_json {
        writeln!(out, "{}\n", l.text("demo-title"))?;
    }
    for ((title, t, o), rep) in cases.iter().zip(reports.iter().flatten()) {
        if !as_json {
            let mut cmd = format!("conndoctor check {t}");
            if let Some(origin) = &o.proto.origin {
                cmd.push_str(&format!(" --origin {origin}"));
            }
            if let Some(tok) = &o.expect_token {
                cmd.push_str(&format!(" --expect-token {tok}"));
            }
            for ip in &o.expect_ip {
                cmd.push_str(&format!(" --expect-ip {ip}"));
            }
            writeln!(out, "━━ {}", l.text(title))?;
            writeln!(
                out,
                "   {}\n",
                l.with("demo-command", &[("cmd", cmd.into())])
            )?;
            write!(out, "{}", human::render(rep, l))?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}", json::to_value(rep, Some(l)))?;
        }
    }
    Ok(())
}
