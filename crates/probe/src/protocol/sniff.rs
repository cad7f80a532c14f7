//! Guesses what a port speaks from the first bytes it sent. A small, independent set of
//! signatures (not nmap's, whose licence forbids reuse here).

use crate::evidence::Speaks;

/// Classifies a server's first bytes.
pub fn sniff(b: &[u8]) -> Speaks {
    if b.len() >= 3 && matches!(b[0], 0x14..=0x17) && b[1] == 0x03 && b[2] <= 0x04 {
        return Speaks::Tls;
    }
    if b.starts_with(b"HTTP/") {
        return Speaks::Http;
    }
    if b.starts_with(b"SSH-") {
        return Speaks::Ssh;
    }
    let text = String::from_utf8_lossy(&b[..b.len().min(64)]);
    if b.starts_with(b"220") && (text.contains("SMTP") || text.contains("ESMTP")) {
        return Speaks::Smtp;
    }
    if b.starts_with(b"220") {
        return Speaks::Ftp;
    }
    if b.starts_with(b"-ERR")
        || b.starts_with(b"+OK")
        || b.starts_with(b"-NOAUTH")
        || b.starts_with(b"-DENIED")
    {
        return Speaks::Redis;
    }
    // MySQL greeting: 3-byte length, sequence 0, protocol version 10.
    if b.len() > 5 && b[3] == 0 && b[4] == 10 {
        return Speaks::Mysql;
    }
    let printable = b
        .iter()
        .filter(|c| c.is_ascii_graphic() || c.is_ascii_whitespace())
        .count();
    if !b.is_empty() && (printable * 10 >= b.len() * 9 || std::str::from_utf8(b).is_ok()) {
        Speaks::Text
    } else {
        Speaks::Binary
    }
}

/// Escapes bytes for display: printable ASCII as is, the rest as \r, \n, \xNN.
pub fn escape(b: &[u8], max: usize) -> String {
    let mut out = String::new();
    for &c in b.iter().take(max) {
        match c {
            b'\r' => out.push_str("\\r"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    if b.len() > max {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(
            sniff(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]),
            Speaks::Tls
        );
        assert_eq!(sniff(&[0x16, 0x03, 0x03, 0x00, 0x7a]), Speaks::Tls);
        assert_eq!(sniff(b"HTTP/1.1 400 Bad Request\r\n"), Speaks::Http);
        assert_eq!(sniff(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"), Speaks::Ssh);
        assert_eq!(
            sniff(b"220 mail.example.com ESMTP Postfix\r\n"),
            Speaks::Smtp
        );
        assert_eq!(
            sniff(b"-NOAUTH Authentication required.\r\n"),
            Speaks::Redis
        );
        assert_eq!(sniff(b"hello world\n"), Speaks::Text);
        assert_eq!(sniff(&[0x00, 0xff, 0x13, 0x88, 0x01]), Speaks::Binary);
        assert_eq!(
            sniff(&[0x4a, 0x00, 0x00, 0x00, 0x0a, b'8', b'.']),
            Speaks::Mysql
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(escape(b"ok\r\n\x00", 10), "ok\\r\\n\\x00");
        assert_eq!(escape(b"abcdef", 3), "abc…");
    }
}
