//! The kernel's TCP socket table through NETLINK_SOCK_DIAG (what `ss` uses).
//!
//! Preferred over /proc/net/tcp because a dump restricted to listening sockets never
//! walks the established hash (reading /proc/net/tcp costs about a millisecond per
//! read on a machine with a large hash, even when it holds a handful of sockets), and
//! because it also reports each listener's backlog.

use std::io;
use std::net::SocketAddr;

use netlink_packet_core::{
    NLM_F_DUMP, NLM_F_REQUEST, NetlinkHeader, NetlinkMessage, NetlinkPayload,
};
use netlink_packet_sock_diag::SockDiagMessage;
use netlink_packet_sock_diag::constants::{AF_INET, AF_INET6, IPPROTO_TCP};
use netlink_packet_sock_diag::inet::{
    ExtensionFlags, InetRequest, InetResponse, SocketId, StateFlags, nlas::Nla,
};
use netlink_sys::{Socket, SocketAddr as NlAddr, protocols::NETLINK_SOCK_DIAG};

/// Upper bound on messages read per dump, so a machine with millions of sockets
/// cannot make one check take unbounded time.
const MAX_ENTRIES: usize = 2_000_000;

/// One socket as the kernel reports it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub local: SocketAddr,
    pub remote: SocketAddr,
    /// Kernel TCP state number (1 ESTABLISHED ... 10 LISTEN).
    pub state: u8,
    /// For listeners: connections waiting to be accepted.
    pub recv_queue: u32,
    /// For listeners: the backlog (sk_max_ack_backlog).
    pub send_queue: u32,
    /// The socket's owner (the uid that created it).
    pub uid: u32,
    /// The socket inode: /proc/<pid>/fd/* links to `socket:[inode]` name its owners.
    pub inode: u32,
    /// IPV6_V6ONLY of an AF_INET6 socket; `None` for IPv4 sockets.
    pub v6only: Option<bool>,
}

fn entry(r: &InetResponse) -> Entry {
    let h = &r.header;
    let id = &h.socket_id;
    let v6only = r.nlas.iter().find_map(|n| match n {
        Nla::SkV6Only(b) => Some(*b),
        _ => None,
    });
    Entry {
        local: SocketAddr::new(id.source_address, id.source_port),
        remote: SocketAddr::new(id.destination_address, id.destination_port),
        state: h.state,
        recv_queue: h.recv_queue,
        send_queue: h.send_queue,
        uid: h.uid,
        inode: h.inode,
        v6only,
    }
}

/// Dumps TCP sockets of both families in `states`, calling `f` for each.
pub fn dump(states: StateFlags, f: impl FnMut(Entry)) -> io::Result<()> {
    dump_to_port(states, None, f)
}

/// Like [`dump`], but the kernel itself skips sockets whose remote port is not
/// `dport`, so only the matches are built, copied and parsed.
pub fn dump_to_port(
    states: StateFlags,
    dport: Option<u16>,
    mut f: impl FnMut(Entry),
) -> io::Result<()> {
    // One socket and one receive buffer serve both dumps: a one-shot check pays for
    // every syscall and page it touches.
    let mut socket = Socket::new(NETLINK_SOCK_DIAG)?;
    socket.bind_auto()?;
    socket.connect(&NlAddr::new(0, 0))?;
    let mut rx = vec![0u8; 64 * 1024];
    for family in [AF_INET, AF_INET6] {
        // A dump cut short leaves its rest queued on the socket: stop there.
        if !dump_family(&socket, &mut rx, family, states.clone(), dport, &mut f)? {
            break;
        }
    }
    Ok(())
}

fn dump_family(
    socket: &Socket,
    rx: &mut [u8],
    family: u8,
    states: StateFlags,
    dport: Option<u16>,
    f: &mut impl FnMut(Entry),
) -> io::Result<bool> {
    let mut header = NetlinkHeader::default();
    header.flags = NLM_F_REQUEST | NLM_F_DUMP;
    let mut socket_id = if family == AF_INET {
        SocketId::new_v4()
    } else {
        SocketId::new_v6()
    };
    if let Some(p) = dport {
        socket_id.destination_port = p;
    }
    let mut packet = NetlinkMessage::new(
        header,
        SockDiagMessage::InetRequest(InetRequest {
            family,
            protocol: IPPROTO_TCP,
            extensions: ExtensionFlags::empty(),
            states,
            socket_id,
        })
        .into(),
    );
    packet.finalize();
    let mut buf = vec![0u8; packet.buffer_len()];
    packet.serialize(&mut buf[..]);
    socket.send(&buf, 0)?;

    let mut seen = 0usize;
    loop {
        let size = socket.recv(&mut &mut rx[..], 0)?;
        if size == 0 {
            return Ok(false);
        }
        let mut offset = 0;
        while offset < size {
            let msg = NetlinkMessage::<SockDiagMessage>::deserialize(&rx[offset..size])
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            let len = msg.header.length as usize;
            match msg.payload {
                NetlinkPayload::InnerMessage(SockDiagMessage::InetResponse(r)) => {
                    seen += 1;
                    f(entry(&r));
                }
                NetlinkPayload::Done(_) => return Ok(true),
                NetlinkPayload::Error(e) => {
                    return Err(io::Error::other(format!("sock_diag: {e:?}")));
                }
                _ => {}
            }
            if len == 0 || seen >= MAX_ENTRIES {
                return Ok(false);
            }
            offset += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_own_listener_with_backlog() {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
        s.bind(&"127.0.0.1:0".parse::<SocketAddr>().unwrap().into())
            .unwrap();
        s.listen(7).unwrap();
        let addr = s.local_addr().unwrap().as_socket().unwrap();
        let mut found = None;
        dump(StateFlags::LISTEN, |e| {
            if e.local == addr {
                found = Some(e);
            }
        })
        .unwrap();
        let e = found.expect("listener in sock_diag dump");
        assert_eq!(e.send_queue, 7, "backlog");
        assert_eq!(e.recv_queue, 0);
    }
}
