//! Sees the handshake packets of one TCP port at the interfaces: every SYN that
//! arrives, every SYN-ACK and RST that leaves.
//!
//! An AF_PACKET socket taps the device layer, before netfilter and the TCP stack, so a
//! SYN that a firewall rule drops later is still seen here; outgoing packets show up
//! with `PACKET_OUTGOING`. A classic BPF filter in the kernel passes only TCP packets
//! with the port on either side and SYN or RST set, so the process wakes for the
//! handshake and nothing else, however busy the port.
//!
//! The socket is `SOCK_DGRAM` ("cooked"): the kernel strips the link-layer header and
//! says in `sockaddr_ll` which protocol, interface and direction each packet had, so
//! Ethernet, VLAN tags, loopback, tun and PPP all look alike. What remains is two
//! fixed headers (IPv4 or IPv6, then TCP) of which we read a dozen fields at fixed
//! offsets: parsed by hand here, no packet crate needed for that.
//!
//! Neither socket2 nor nix wraps AF_PACKET with SO_ATTACH_FILTER, so this module makes
//! the few raw libc calls itself (each with its SAFETY note).
#![allow(unsafe_code)]

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::Duration;

pub const TCP_FIN: u8 = 0x01;
pub const TCP_SYN: u8 = 0x02;
pub const TCP_RST: u8 = 0x04;
pub const TCP_ACK: u8 = 0x10;

const ETH_P_IP: u16 = 0x0800;
const ETH_P_IPV6: u16 = 0x86dd;
/// What the filter keeps of a packet: the IPv6 and TCP headers with room to spare.
const SNAP: u32 = 128;

/// Which way a packet went through the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    In,
    Out,
}

/// One handshake packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub dir: Dir,
    pub ifindex: u32,
    pub src: SocketAddr,
    pub dst: SocketAddr,
    pub flags: u8,
}

impl Packet {
    pub fn is_syn(&self) -> bool {
        self.flags & (TCP_SYN | TCP_ACK | TCP_RST) == TCP_SYN
    }

    pub fn is_syn_ack(&self) -> bool {
        self.flags & (TCP_SYN | TCP_ACK | TCP_RST) == TCP_SYN | TCP_ACK
    }

    pub fn is_rst(&self) -> bool {
        self.flags & TCP_RST != 0
    }
}

/// Reads the IP and TCP headers of a packet as an AF_PACKET `SOCK_DGRAM` socket hands
/// it over (network header first). `None` for anything that is not a whole,
/// unfragmented TCP header.
pub fn parse(proto: u16, data: &[u8]) -> Option<(SocketAddr, SocketAddr, u8)> {
    let (src, dst, tcp) = match proto {
        ETH_P_IP => {
            let b = data.get(..20)?;
            if b[0] >> 4 != 4 || b[9] != 6 {
                return None;
            }
            // A later fragment has no TCP header; the first one has it whole.
            if u16::from_be_bytes([b[6], b[7]]) & 0x1fff != 0 {
                return None;
            }
            let ihl = usize::from(b[0] & 0x0f) * 4;
            let src = IpAddr::V4(Ipv4Addr::new(b[12], b[13], b[14], b[15]));
            let dst = IpAddr::V4(Ipv4Addr::new(b[16], b[17], b[18], b[19]));
            (src, dst, data.get(ihl.max(20)..)?)
        }
        ETH_P_IPV6 => {
            let b = data.get(..40)?;
            // Extension headers before TCP are not followed (SYNs do not carry them in
            // practice); such a packet is simply not seen.
            if b[0] >> 4 != 6 || b[6] != 6 {
                return None;
            }
            let a = |o: usize| -> Option<IpAddr> {
                let oct: [u8; 16] = b.get(o..o + 16)?.try_into().ok()?;
                Some(IpAddr::V6(Ipv6Addr::from(oct)))
            };
            (a(8)?, a(24)?, data.get(40..)?)
        }
        _ => return None,
    };
    let t = tcp.get(..14)?;
    let sport = u16::from_be_bytes([t[0], t[1]]);
    let dport = u16::from_be_bytes([t[2], t[3]]);
    Some((
        SocketAddr::new(src, sport),
        SocketAddr::new(dst, dport),
        t[13],
    ))
}

// Classic BPF opcodes (linux/filter.h), spelled out from libc's pieces.
const LD_H_ABS: u16 = (libc::BPF_LD | libc::BPF_H | libc::BPF_ABS) as u16;
const LD_B_ABS: u16 = (libc::BPF_LD | libc::BPF_B | libc::BPF_ABS) as u16;
const LD_H_IND: u16 = (libc::BPF_LD | libc::BPF_H | libc::BPF_IND) as u16;
const LD_B_IND: u16 = (libc::BPF_LD | libc::BPF_B | libc::BPF_IND) as u16;
const LDX_MSH: u16 = (libc::BPF_LDX | libc::BPF_B | libc::BPF_MSH) as u16;
const JEQ: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16;
const JSET: u16 = (libc::BPF_JMP | libc::BPF_JSET | libc::BPF_K) as u16;
const RET: u16 = (libc::BPF_RET | libc::BPF_K) as u16;

fn op(code: u16, jt: u8, jf: u8, k: u32) -> libc::sock_filter {
    libc::sock_filter { code, jt, jf, k }
}

/// The kernel-side filter: TCP over IPv4 (unfragmented) or IPv6 (TCP right after the
/// fixed header), source or destination port `port`, SYN or RST set. Offsets are
/// from the network header, as a `SOCK_DGRAM` packet socket sees packets.
pub fn filter(port: u16) -> Vec<libc::sock_filter> {
    let port = u32::from(port);
    // SKF_AD_OFF + SKF_AD_PROTOCOL: skb->protocol, the EtherType, in host order.
    let proto = (libc::SKF_AD_OFF + libc::SKF_AD_PROTOCOL) as u32;
    let syn_or_rst = u32::from(TCP_SYN | TCP_RST);
    // A jump goes to the instruction after it plus its offset; targets are in the
    // comments. The last two instructions are "keep" (22) and "drop" (23).
    vec![
        /* 0 */ op(LD_H_ABS, 0, 0, proto),
        /* 1 */ op(JEQ, 0, 11, u32::from(ETH_P_IP)), // else -> 13
        // IPv4
        /* 2 */ op(LD_B_ABS, 0, 0, 9), // protocol
        /* 3 */ op(JEQ, 0, 19, 6), // not TCP -> 23
        /* 4 */ op(LD_H_ABS, 0, 0, 6), // flags and fragment offset
        /* 5 */ op(JSET, 17, 0, 0x1fff), // a later fragment -> 23
        /* 6 */ op(LDX_MSH, 0, 0, 0), // X = header length
        /* 7 */ op(LD_H_IND, 0, 0, 0), // source port
        /* 8 */ op(JEQ, 2, 0, port), // -> 11
        /* 9 */ op(LD_H_IND, 0, 0, 2), // destination port
        /* 10 */ op(JEQ, 0, 12, port), // else -> 23
        /* 11 */ op(LD_B_IND, 0, 0, 13), // TCP flags
        /* 12 */ op(JSET, 9, 10, syn_or_rst), // -> 22 / 23
        // IPv6 (A still holds the protocol)
        /* 13 */
        op(JEQ, 0, 9, u32::from(ETH_P_IPV6)), // else -> 23
        /* 14 */ op(LD_B_ABS, 0, 0, 6), // next header
        /* 15 */ op(JEQ, 0, 7, 6), // not TCP -> 23
        /* 16 */ op(LD_H_ABS, 0, 0, 40), // source port
        /* 17 */ op(JEQ, 2, 0, port), // -> 20
        /* 18 */ op(LD_H_ABS, 0, 0, 42), // destination port
        /* 19 */ op(JEQ, 0, 3, port), // else -> 23
        /* 20 */ op(LD_B_ABS, 0, 0, 53), // TCP flags
        /* 21 */ op(JSET, 0, 1, syn_or_rst), // -> 22 / 23
        /* 22 */ op(RET, 0, 0, SNAP),
        /* 23 */ op(RET, 0, 0, 0),
    ]
}

/// An open AF_PACKET socket with the filter attached, on every interface.
pub struct Capture {
    fd: OwnedFd,
}

impl Capture {
    /// Opens the socket: needs CAP_NET_RAW (root).
    pub fn open(port: u16) -> io::Result<Capture> {
        // Protocol 0 first: the socket receives nothing until bound, so no packet slips
        // in before the filter is attached.
        // SAFETY: plain socket(2) call; the result is checked.
        let raw =
            unsafe { libc::socket(libc::AF_PACKET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
        if raw < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: raw is a fresh descriptor we own.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        let prog = filter(port);
        let fprog = libc::sock_fprog {
            len: u16::try_from(prog.len()).unwrap_or(u16::MAX),
            filter: prog.as_ptr().cast_mut(),
        };
        setsockopt(&fd, libc::SOL_SOCKET, libc::SO_ATTACH_FILTER, &fprog)?;
        let tv = libc::timeval {
            tv_sec: 0,
            tv_usec: 200_000,
        };
        setsockopt(&fd, libc::SOL_SOCKET, libc::SO_RCVTIMEO, &tv)?;
        // Room for a burst of SYNs while the reader is busy; best effort.
        let _ = setsockopt(&fd, libc::SOL_SOCKET, libc::SO_RCVBUF, &(1i32 << 20));
        // SAFETY: sockaddr_ll is plain data; all-zero is a valid value.
        let mut sll: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
        sll.sll_family = libc::AF_PACKET as u16;
        sll.sll_protocol = (libc::ETH_P_ALL as u16).to_be();
        sll.sll_ifindex = 0;
        // SAFETY: sll is a valid sockaddr_ll and the length matches it.
        let r = unsafe {
            libc::bind(
                fd.as_raw_fd(),
                (&raw const sll).cast(),
                socklen::<libc::sockaddr_ll>(),
            )
        };
        if r < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Capture { fd })
    }

    /// The next packet, or `None` after the receive timeout (200 ms) or on a packet
    /// that is not a TCP handshake packet.
    pub fn next(&self) -> io::Result<Option<Packet>> {
        self.recv(0)
    }

    /// A packet already queued, without waiting; `None` when there is none.
    pub fn next_now(&self) -> io::Result<Option<Packet>> {
        self.recv(libc::MSG_DONTWAIT)
    }

    fn recv(&self, flags: libc::c_int) -> io::Result<Option<Packet>> {
        let mut buf = [0u8; SNAP as usize];
        // SAFETY: zeroed sockaddr_ll is valid; recvfrom writes at most `len` bytes.
        let mut sll: libc::sockaddr_ll = unsafe { std::mem::zeroed() };
        let mut len = socklen::<libc::sockaddr_ll>();
        // SAFETY: buf and sll are valid for the sizes given.
        let n = unsafe {
            libc::recvfrom(
                self.fd.as_raw_fd(),
                buf.as_mut_ptr().cast(),
                buf.len(),
                flags,
                (&raw mut sll).cast(),
                &mut len,
            )
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            return match e.kind() {
                io::ErrorKind::WouldBlock
                | io::ErrorKind::TimedOut
                | io::ErrorKind::Interrupted => Ok(None),
                _ => Err(e),
            };
        }
        let n = usize::try_from(n).unwrap_or(0).min(buf.len());
        let proto = u16::from_be(sll.sll_protocol);
        let Some((src, dst, flags)) = parse(proto, &buf[..n]) else {
            return Ok(None);
        };
        Ok(Some(Packet {
            dir: if sll.sll_pkttype == libc::PACKET_OUTGOING {
                Dir::Out
            } else {
                Dir::In
            },
            ifindex: u32::try_from(sll.sll_ifindex).unwrap_or(0),
            src,
            dst,
            flags,
        }))
    }
}

fn socklen<T>() -> libc::socklen_t {
    libc::socklen_t::try_from(std::mem::size_of::<T>()).unwrap_or(0)
}

fn setsockopt<T>(fd: &OwnedFd, level: i32, name: i32, v: &T) -> io::Result<()> {
    // SAFETY: v points to a live T of the size given.
    let r = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            level,
            name,
            (v as *const T).cast(),
            socklen::<T>(),
        )
    };
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// An interface's name from its index (`if_indextoname`).
pub fn ifname(index: u32) -> Option<String> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: buf has IF_NAMESIZE bytes, as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success if_indextoname wrote a NUL-terminated name into buf.
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Some(s.to_string_lossy().into_owned())
}

/// How long [`Capture::next`] waits at most.
pub const POLL: Duration = Duration::from_millis(200);

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal classic-BPF interpreter for the instructions [`filter`] uses, so the
    /// jump offsets are checked without a kernel.
    fn run(prog: &[libc::sock_filter], proto: u16, pkt: &[u8]) -> u32 {
        let (mut a, mut x, mut pc) = (0u32, 0u32, 0usize);
        let ld = |off: usize, w: usize| -> Option<u32> {
            let b = pkt.get(off..off + w)?;
            Some(b.iter().fold(0u32, |acc, v| (acc << 8) | u32::from(*v)))
        };
        loop {
            let i = prog[pc];
            let k = i.k as usize;
            pc += 1;
            match i.code {
                LD_H_ABS if i.k == (libc::SKF_AD_OFF + libc::SKF_AD_PROTOCOL) as u32 => {
                    a = u32::from(proto);
                }
                LD_H_ABS => match ld(k, 2) {
                    Some(v) => a = v,
                    None => return 0,
                },
                LD_B_ABS => match ld(k, 1) {
                    Some(v) => a = v,
                    None => return 0,
                },
                LD_H_IND => match ld(x as usize + k, 2) {
                    Some(v) => a = v,
                    None => return 0,
                },
                LD_B_IND => match ld(x as usize + k, 1) {
                    Some(v) => a = v,
                    None => return 0,
                },
                LDX_MSH => match ld(k, 1) {
                    Some(v) => x = (v & 0xf) * 4,
                    None => return 0,
                },
                JEQ => pc += usize::from(if a == i.k { i.jt } else { i.jf }),
                JSET => pc += usize::from(if a & i.k != 0 { i.jt } else { i.jf }),
                RET => return i.k,
                c => panic!("opcode {c:#x}"),
            }
        }
    }

    fn v4(sport: u16, dport: u16, flags: u8, proto: u8, frag: u16) -> Vec<u8> {
        let mut p = vec![0u8; 40];
        p[0] = 0x45;
        p[6..8].copy_from_slice(&frag.to_be_bytes());
        p[9] = proto;
        p[12..16].copy_from_slice(&[10, 0, 0, 2]);
        p[16..20].copy_from_slice(&[10, 0, 0, 1]);
        p[20..22].copy_from_slice(&sport.to_be_bytes());
        p[22..24].copy_from_slice(&dport.to_be_bytes());
        p[33] = flags;
        p
    }

    fn v6(sport: u16, dport: u16, flags: u8, next: u8) -> Vec<u8> {
        let mut p = vec![0u8; 60];
        p[0] = 0x60;
        p[6] = next;
        p[23] = 2;
        p[39] = 1;
        p[40..42].copy_from_slice(&sport.to_be_bytes());
        p[42..44].copy_from_slice(&dport.to_be_bytes());
        p[53] = flags;
        p
    }

    #[test]
    fn the_filter_passes_handshake_packets_of_the_port_only() {
        let f = filter(8282);
        let keep = |proto, p: &[u8]| run(&f, proto, p) > 0;
        // IPv4: SYN in, SYN-ACK and RST out, with IP options too.
        assert!(keep(ETH_P_IP, &v4(40000, 8282, TCP_SYN, 6, 0)));
        assert!(keep(ETH_P_IP, &v4(8282, 40000, TCP_SYN | TCP_ACK, 6, 0)));
        assert!(keep(ETH_P_IP, &v4(8282, 40000, TCP_RST | TCP_ACK, 6, 0)));
        let mut opts = v4(40000, 8282, TCP_SYN, 6, 0);
        opts[0] = 0x46;
        opts.splice(20..20, [1, 1, 1, 1]);
        assert!(keep(ETH_P_IP, &opts));
        // Not: data/ACK, another port, UDP, a fragment, ARP.
        assert!(!keep(ETH_P_IP, &v4(40000, 8282, TCP_ACK, 6, 0)));
        assert!(!keep(ETH_P_IP, &v4(40000, 8283, TCP_SYN, 6, 0)));
        assert!(!keep(ETH_P_IP, &v4(40000, 8282, TCP_SYN, 17, 0)));
        assert!(!keep(ETH_P_IP, &v4(40000, 8282, TCP_SYN, 6, 0x0010)));
        assert!(!keep(0x0806, &v4(40000, 8282, TCP_SYN, 6, 0)));
        // IPv6.
        assert!(keep(ETH_P_IPV6, &v6(40000, 8282, TCP_SYN, 6)));
        assert!(keep(ETH_P_IPV6, &v6(8282, 40000, TCP_SYN | TCP_ACK, 6)));
        assert!(!keep(ETH_P_IPV6, &v6(40000, 8282, TCP_ACK, 6)));
        assert!(!keep(ETH_P_IPV6, &v6(40000, 9999, TCP_SYN, 6)));
        assert!(!keep(ETH_P_IPV6, &v6(40000, 8282, TCP_SYN, 17)));
        // Truncated packets are dropped, never read past the end.
        assert!(!keep(ETH_P_IP, &v4(40000, 8282, TCP_SYN, 6, 0)[..30]));
        assert!(!keep(ETH_P_IPV6, &v6(40000, 8282, TCP_SYN, 6)[..50]));
    }

    #[test]
    fn headers_are_read_at_their_offsets() {
        let (src, dst, flags) = parse(ETH_P_IP, &v4(40000, 8282, TCP_SYN, 6, 0)).expect("v4");
        assert_eq!(src, "10.0.0.2:40000".parse().expect("addr"));
        assert_eq!(dst, "10.0.0.1:8282".parse().expect("addr"));
        assert_eq!(flags, TCP_SYN);
        let (src, dst, _) = parse(ETH_P_IPV6, &v6(40000, 8282, TCP_SYN, 6)).expect("v6");
        assert_eq!(src, "[::2]:40000".parse().expect("addr"));
        assert_eq!(dst, "[::1]:8282".parse().expect("addr"));
        assert!(parse(ETH_P_IP, &[0x45; 10]).is_none());
        assert!(parse(ETH_P_IP, &v4(1, 2, TCP_SYN, 17, 0)).is_none());
        assert!(parse(0x0806, &v4(1, 2, TCP_SYN, 6, 0)).is_none());
    }
}
