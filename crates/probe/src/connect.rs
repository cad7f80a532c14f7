//! The TCP connect probe: one non-blocking connect, classified from the kernel's answer.
//!
//! IP_RECVERR / IPV6_RECVERR are switched on before connecting so an ICMP error that
//! aborted the handshake can be read back from the socket's error queue with the
//! address of whoever sent it. After a timeout, TCP_INFO tells how many SYNs went out.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsFd, AsRawFd};
use std::time::Instant;

use nix::sys::socket::{self, ControlMessageOwned, MsgFlags, SockaddrStorage, sockopt};
use socket2::{Domain, Protocol, Socket, Type};
use tokio::time::timeout_at;

use crate::evidence::{ConnectAttempt, IcmpReport, Outcome};

/// Connects to `addr`, giving up at `deadline`. Never returns an error: every failure
/// is an [`Outcome`].
pub async fn probe(addr: SocketAddr, deadline: tokio::time::Instant) -> ConnectAttempt {
    probe_ttl(addr, deadline, None).await
}

/// Like [`probe`], with the SYN's TTL / hop limit set: routers on the way answer an
/// expired SYN with ICMP time-exceeded, which IP_RECVERR hands back without root.
pub async fn probe_ttl(
    addr: SocketAddr,
    deadline: tokio::time::Instant,
    ttl: Option<u32>,
) -> ConnectAttempt {
    probe_inner(addr, deadline, ttl).await.0
}

/// Like [`probe`], and hands back the connection when one was made, so the protocol
/// exchange can speak on it instead of making a second one (a second handshake, and
/// a second TIME-WAIT socket, for every check of a server that works).
pub async fn probe_keep(
    addr: SocketAddr,
    deadline: tokio::time::Instant,
) -> (ConnectAttempt, Option<std::net::TcpStream>) {
    probe_inner(addr, deadline, None).await
}

async fn probe_inner(
    addr: SocketAddr,
    deadline: tokio::time::Instant,
    ttl: Option<u32>,
) -> (ConnectAttempt, Option<std::net::TcpStream>) {
    let start = Instant::now();
    let mut local = None;
    let mut kept = None;
    let (mut outcome, mut icmp, mut syn_retransmits) =
        connect(addr, deadline, ttl, &mut local, &mut kept, true).await;
    // A connect whose ephemeral port happens to be the target port on this machine
    // connects to itself (TCP simultaneous open) although nothing listens: a sweep of
    // every local port meets it every few thousand ports. Another source port gives
    // the real answer; if the range offers none other, nothing listens there either.
    if drop_if_self_connected(&mut kept, addr) {
        (outcome, icmp, syn_retransmits) =
            connect(addr, deadline, ttl, &mut local, &mut kept, false).await;
        if drop_if_self_connected(&mut kept, addr) {
            (outcome, icmp, syn_retransmits) = (Outcome::Refused, None, None);
        }
    }
    let attempt = ConnectAttempt {
        addr,
        outcome,
        elapsed_ms: start.elapsed().as_secs_f64() * 1000.0,
        icmp,
        syn_retransmits,
        local,
    };
    (attempt, kept)
}

/// Sockets whose last connect was refused by a RST, ready for the next connect.
/// Linux lets a TCP socket connect again once a failed attempt has been collected, so
/// a sweep of closed ports skips socket(), setsockopt() and close() for each one.
/// Taken and put back without an await in between, so one per family per thread is
/// all that is ever in use; the cap only bounds descriptors held idle.
const POOL_CAP: usize = 2;

thread_local! {
    static POOL: std::cell::RefCell<[Vec<Socket>; 2]> =
        const { std::cell::RefCell::new([Vec::new(), Vec::new()]) };
}

fn pool_slot(addr: &SocketAddr) -> usize {
    usize::from(addr.is_ipv6())
}

fn pooled(addr: &SocketAddr) -> Option<Socket> {
    POOL.try_with(|p| p.borrow_mut()[pool_slot(addr)].pop())
        .ok()
        .flatten()
}

fn give_back(addr: &SocketAddr, sock: Socket) {
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        let v = &mut p[pool_slot(addr)];
        if v.len() < POOL_CAP {
            v.push(sock);
        }
    });
}

fn fresh_socket(addr: &SocketAddr) -> io::Result<Socket> {
    let sock = Socket::new(
        Domain::for_address(*addr),
        Type::STREAM.nonblocking().cloexec(),
        Some(Protocol::TCP),
    )?;
    // Best effort: without it we still classify by errno, just without the origin.
    let _ = match addr {
        SocketAddr::V4(_) => socket::setsockopt(&sock, sockopt::Ipv4RecvErr, &true),
        SocketAddr::V6(_) => socket::setsockopt(&sock, sockopt::Ipv6RecvErr, &true),
    };
    Ok(sock)
}

/// Drops `kept` when it is connected to itself (its own address is `addr`, the peer it
/// connected to), with a reset so the port is not held in TIME_WAIT. True if it was.
fn drop_if_self_connected(kept: &mut Option<std::net::TcpStream>, addr: SocketAddr) -> bool {
    let Some(s) = kept.take_if(|s| s.local_addr().is_ok_and(|l| l == addr)) else {
        return false;
    };
    let _ = socket2::SockRef::from(&s).set_linger(Some(std::time::Duration::ZERO));
    true
}

/// `local` receives the socket's own address when the attempt times out: the source
/// port is what `audit --watch` on the server matches. `kept` receives the connection
/// when the handshake completed. `pooled_ok`: a refused socket from the pool may be
/// connected again.
async fn connect(
    addr: SocketAddr,
    deadline: tokio::time::Instant,
    ttl: Option<u32>,
    local: &mut Option<SocketAddr>,
    kept: &mut Option<std::net::TcpStream>,
    pooled_ok: bool,
) -> (Outcome, Option<IcmpReport>, Option<u32>) {
    // A TTL-limited socket is never pooled, nor given a pooled one.
    let reuse = ttl.is_none();
    let sock = match (reuse && pooled_ok).then(|| pooled(&addr)).flatten() {
        Some(s) => s,
        None => match fresh_socket(&addr) {
            Ok(s) => s,
            Err(e) => return (classify(&e), None, None),
        },
    };
    if let Some(ttl) = ttl {
        let r = match addr {
            SocketAddr::V4(_) => sock.set_ttl_v4(ttl),
            SocketAddr::V6(_) => sock.set_unicast_hops_v6(ttl),
        };
        if let Err(e) = r {
            return (classify(&e), None, None);
        }
    }
    let sa: socket2::SockAddr = addr.into();
    match sock.connect(&sa) {
        Ok(()) => {
            *kept = Some(sock.into());
            return (Outcome::Connected, None, None);
        }
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
        Err(e) => {
            let icmp = read_icmp(&sock);
            return (classify(&e), icmp, None);
        }
    }
    // On loopback and other fast paths the kernel has usually settled the handshake
    // (RST or SYN-ACK) before connect() returns. Connecting again asks how it went
    // without an epoll round: EALREADY while in flight, success once established, or
    // the handshake's error, which also leaves the socket ready to connect anew.
    match sock.connect(&sa) {
        Ok(()) => {
            *kept = Some(sock.into());
            return (Outcome::Connected, None, None);
        }
        Err(e) if e.raw_os_error() == Some(libc::EISCONN) => {
            *kept = Some(sock.into());
            return (Outcome::Connected, None, None);
        }
        Err(e) if e.raw_os_error() == Some(libc::EALREADY) => {}
        Err(e) => {
            let settled = settled_error(&sock, &e);
            // Only a plain RST (no ICMP report) leaves nothing behind on the socket.
            if reuse && settled.0 == Outcome::Refused && settled.1.is_none() {
                give_back(&addr, sock);
            }
            return settled;
        }
    }
    let std_stream: std::net::TcpStream = sock.into();
    let stream = match tokio::net::TcpStream::from_std(std_stream) {
        Ok(s) => s,
        Err(e) => return (classify(&e), None, None),
    };
    loop {
        match timeout_at(deadline, stream.writable()).await {
            Err(_) => {
                *local = stream.local_addr().ok();
                let retrans = syn_retransmits(&stream);
                return (Outcome::TimedOut, None, retrans);
            }
            Ok(Err(e)) => return (classify(&e), None, None),
            Ok(Ok(())) => {}
        }
        match stream.take_error() {
            Ok(Some(e)) | Err(e) => return settled_error(&stream, &e),
            Ok(None) => {}
        }
        match stream.peer_addr() {
            Ok(_) => {
                *kept = stream.into_std().ok();
                return (Outcome::Connected, None, None);
            }
            // Spurious wake-up while the handshake is still in flight.
            Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => {
                tokio::task::yield_now().await;
            }
            Err(e) => return (classify(&e), None, None),
        }
    }
}

/// The outcome of a handshake that ended with `e` (SO_ERROR).
fn settled_error<F: AsFd + AsRawFd>(
    sock: &F,
    e: &io::Error,
) -> (Outcome, Option<IcmpReport>, Option<u32>) {
    // A refused SYN is ECONNREFUSED; a reset or abort means the handshake had
    // completed and the server dropped the connection right after accepting it.
    if matches!(
        e.raw_os_error(),
        Some(libc::ECONNRESET | libc::ECONNABORTED | libc::EPIPE)
    ) {
        return (Outcome::Connected, None, None);
    }
    let icmp = read_icmp(sock);
    (classify(e), icmp, None)
}

/// Maps an errno from socket()/connect() to an [`Outcome`].
pub fn classify(e: &io::Error) -> Outcome {
    match e.raw_os_error() {
        Some(libc::ECONNREFUSED) => Outcome::Refused,
        Some(libc::ETIMEDOUT) => Outcome::TimedOut,
        Some(libc::EHOSTUNREACH | libc::EHOSTDOWN) => Outcome::HostUnreachable,
        Some(libc::ENETUNREACH | libc::ENONET) => Outcome::NetUnreachable,
        Some(libc::EADDRNOTAVAIL) => Outcome::AddrNotAvailable,
        Some(libc::EMFILE | libc::ENFILE) => Outcome::FdExhausted,
        Some(errno) => Outcome::Other {
            errno,
            message: e.to_string(),
        },
        None => Outcome::Other {
            errno: 0,
            message: e.to_string(),
        },
    }
}

/// Reads the first ICMP error queued on the socket, if any.
fn read_icmp<F: AsFd + AsRawFd>(sock: &F) -> Option<IcmpReport> {
    let mut data = [0u8; 64];
    let mut iov = [io::IoSliceMut::new(&mut data)];
    let mut cmsg = nix::cmsg_space!(libc::sock_extended_err, libc::sockaddr_in6);
    let msg = socket::recvmsg::<SockaddrStorage>(
        sock.as_raw_fd(),
        &mut iov,
        Some(&mut cmsg),
        MsgFlags::MSG_ERRQUEUE | MsgFlags::MSG_DONTWAIT,
    )
    .ok()?;
    for c in msg.cmsgs().ok()? {
        match c {
            ControlMessageOwned::Ipv4RecvErr(ee, offender)
                if ee.ee_origin == libc::SO_EE_ORIGIN_ICMP =>
            {
                let origin =
                    offender.map(|o| IpAddr::V4(Ipv4Addr::from(u32::from_be(o.sin_addr.s_addr))));
                return Some(IcmpReport {
                    origin,
                    v6: false,
                    icmp_type: ee.ee_type,
                    code: ee.ee_code,
                });
            }
            ControlMessageOwned::Ipv6RecvErr(ee, offender)
                if ee.ee_origin == libc::SO_EE_ORIGIN_ICMP6 =>
            {
                let origin = offender.map(|o| IpAddr::V6(Ipv6Addr::from(o.sin6_addr.s6_addr)));
                return Some(IcmpReport {
                    origin,
                    v6: true,
                    icmp_type: ee.ee_type,
                    code: ee.ee_code,
                });
            }
            _ => {}
        }
    }
    None
}

/// SYN retransmissions so far, from TCP_INFO.
#[allow(unsafe_code)]
fn syn_retransmits<F: AsRawFd>(sock: &F) -> Option<u32> {
    // Neither socket2 nor nix exposes TCP_INFO; this is the one raw getsockopt we need.
    let mut info: libc::tcp_info = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::tcp_info>() as libc::socklen_t;
    // SAFETY: `info` is a properly sized, writable tcp_info and `len` holds its size.
    let rc = unsafe {
        libc::getsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_INFO,
            (&raw mut info).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return None;
    }
    // In SYN_SENT, tcpi_total_retrans counts every retransmitted SYN.
    Some(
        info.tcpi_total_retrans
            .max(u32::from(info.tcpi_retransmits)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_classification() {
        let c = |n| classify(&io::Error::from_raw_os_error(n));
        assert_eq!(c(libc::ECONNREFUSED), Outcome::Refused);
        assert_eq!(c(libc::ETIMEDOUT), Outcome::TimedOut);
        assert_eq!(c(libc::EHOSTUNREACH), Outcome::HostUnreachable);
        assert_eq!(c(libc::ENETUNREACH), Outcome::NetUnreachable);
        assert_eq!(c(libc::EADDRNOTAVAIL), Outcome::AddrNotAvailable);
        assert_eq!(c(libc::EMFILE), Outcome::FdExhausted);
        assert_eq!(c(libc::ENFILE), Outcome::FdExhausted);
        assert!(matches!(c(libc::EACCES), Outcome::Other { errno, .. } if errno == libc::EACCES));
    }

    #[test]
    fn icmp_codes() {
        let r = |v6, t, c| IcmpReport {
            origin: None,
            v6,
            icmp_type: t,
            code: c,
        };
        assert!(r(false, 3, 3).is_port_unreachable());
        assert!(r(false, 3, 13).is_admin_prohibited());
        assert!(!r(false, 3, 1).is_admin_prohibited());
        assert!(r(true, 1, 4).is_port_unreachable());
        assert!(r(true, 1, 1).is_admin_prohibited());
    }

    #[tokio::test]
    async fn reused_sockets_keep_verdicts_apart() {
        // Refusals hand their socket to the next connect: every verdict must still be
        // the port's own, in any order, in both families.
        let closed = |ip: &str| {
            let t = std::net::TcpListener::bind((ip, 0)).unwrap();
            t.local_addr().unwrap()
        };
        for ip in ["127.0.0.1", "::1"] {
            let Ok(l) = std::net::TcpListener::bind((ip, 0)) else {
                continue; // no IPv6 on this host
            };
            let open = l.local_addr().unwrap();
            let (c1, c2) = (closed(ip), closed(ip));
            let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
            for (addr, want) in [
                (c1, Outcome::Refused),
                (c2, Outcome::Refused),
                (open, Outcome::Connected),
                (c1, Outcome::Refused),
                (open, Outcome::Connected),
                (c2, Outcome::Refused),
            ] {
                assert_eq!(probe(addr, deadline).await.outcome, want, "{addr}");
            }
        }
    }

    #[tokio::test]
    async fn refused_and_connected_on_loopback() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let open = l.local_addr().unwrap();
        let closed = {
            let t = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            t.local_addr().unwrap()
        };
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
        assert_eq!(probe(open, deadline).await.outcome, Outcome::Connected);
        let r = probe(closed, deadline).await;
        assert_eq!(r.outcome, Outcome::Refused);
        assert!(r.icmp.is_none(), "a RST carries no ICMP report");
    }
}
