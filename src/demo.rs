//! `conndoctor demo`: real servers on loopback, started in this process, and the
//! diagnosis of each, so a new user sees the verdicts in seconds with no set-up.

use std::io::Write;
use std::net::{SocketAddr, TcpListener as StdListener, TcpStream};
use std::time::Duration;

use socket2::{Domain, Socket, Type};

use crate::i18n::Localizer;
use crate::probe::CheckOptions;
use crate::report::human;
use crate::{cli, target};

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

pub async fn run(opts: &CheckOptions, as_json: bool, l: &Localizer) -> std::io::Result<()> {
    let (open, h1) = serve("127.0.0.1:0")?;
    let closed = closed_port()?;
    let (lo, h2) = serve("127.0.0.1:0")?;
    let (queue, held, parked) = full_queue()?;
    let mut handles = vec![h1, h2];

    let mut cases: Vec<(&str, String)> = vec![
        ("demo-scenario-open", format!("ws://{open}/chat")),
        ("demo-scenario-closed", format!("127.0.0.1:{closed}")),
        (
            "demo-scenario-loopback",
            format!("websocket://127.0.0.2:{}", lo.port()),
        ),
        ("demo-scenario-queue", format!("tcp://{queue}")),
    ];
    if localhost_is_dual_stack() {
        let (v4only, h) = serve("127.0.0.1:0")?;
        handles.push(h);
        cases.push((
            "demo-scenario-family",
            format!("localhost:{}", v4only.port()),
        ));
    }
    let _servers = Servers {
        _listeners: handles,
        _held: vec![held],
        _clients: vec![parked],
    };

    // All checks run at once, so the demo takes about one time budget.
    let mut set = tokio::task::JoinSet::new();
    for (i, (_, t)) in cases.iter().enumerate() {
        let t = target::parse(t).map_err(std::io::Error::other)?;
        let opts = opts.clone();
        set.spawn(async move { (i, crate::check(&t, &opts).await) });
    }
    let mut reports: Vec<Option<crate::Report>> = vec![None; cases.len()];
    while let Some(r) = set.join_next().await {
        let (i, rep) = r.map_err(std::io::Error::other)?;
        reports[i] = Some(rep);
    }

    let mut out = anstream::stdout();
    if !as_json {
        writeln!(out, "{}\n", l.text("demo-title"))?;
    }
    for ((title, t), rep) in cases.iter().zip(reports.iter().flatten()) {
        if !as_json {
            writeln!(out, "━━ {}", l.text(title))?;
            writeln!(
                out,
                "   {}\n",
                l.with(
                    "demo-command",
                    &[("cmd", format!("conndoctor check {t}").into())]
                )
            )?;
            write!(out, "{}", human::render(rep, l))?;
            writeln!(out)?;
        } else {
            cli::print_report(rep, true, l);
        }
    }
    Ok(())
}
