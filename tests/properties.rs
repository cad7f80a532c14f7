//! Properties of the parsers (proptest), where one exists: a target prints and
//! re-parses to the same place, an address range contains exactly the addresses its
//! mask says, a header given as `Name: value` is sent as that name and value, and the
//! sniffer takes any bytes. The fuzz targets in fuzz/ explore the same parsers with
//! coverage guidance; these run in every `cargo nextest`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use conndoctor::net::Cidr;
use conndoctor::probe::protocol::{http, sniff};
use conndoctor::target::{self, Host, Scheme};
use proptest::prelude::*;

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<u32>().prop_map(|b| IpAddr::V4(Ipv4Addr::from(b))),
        any::<u128>().prop_map(|b| IpAddr::V6(Ipv6Addr::from(b))),
    ]
}

fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z0-9]([a-z0-9_-]{0,20}[a-z0-9])?", 1..5)
        .prop_map(|l| l.join("."))
        // A name whose last label is all digits ("0.0.0.0", "10.1") is an IPv4 address
        // to every URL parser, not a host name; the address strategy covers those.
        .prop_filter("an address, not a name", |n| {
            !n.rsplit('.')
                .next()
                .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn host() -> impl Strategy<Value = Host> {
    prop_oneof![ip().prop_map(Host::Ip), name().prop_map(Host::Name)]
}

const SCHEMES: [(&str, Scheme); 7] = [
    ("tcp", Scheme::Tcp),
    ("text", Scheme::Text),
    ("ws", Scheme::Ws),
    ("websocket", Scheme::Ws),
    ("wss", Scheme::Wss),
    ("http", Scheme::Http),
    ("https", Scheme::Https),
];

proptest! {
    #[test]
    fn a_url_parses_to_its_parts_and_its_authority_re_parses(
        s in 0..SCHEMES.len(),
        h in host(),
        port in 1u16..,
        path in "(/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,12}){0,3}(\\?[a-z0-9=&]{0,10})?",
    ) {
        let (scheme_name, scheme) = SCHEMES[s];
        let url = format!("{scheme_name}://{h}:{port}{path}");
        let t = target::parse(&url).map_err(|e| TestCaseError::fail(format!("{url}: {e}")))?;
        prop_assert_eq!(t.scheme, Some(scheme));
        prop_assert_eq!(&t.host, &h);
        prop_assert_eq!(t.port, port);
        let want_path = if path.is_empty() || path.starts_with('?') { format!("/{path}") } else { path.clone() };
        prop_assert_eq!(&t.path, &want_path);
        let bare = target::parse(&t.authority()).map_err(|e| TestCaseError::fail(format!("{}: {e}", t.authority())))?;
        prop_assert_eq!((bare.host, bare.port, bare.scheme), (h, port, None));
    }

    #[test]
    fn a_range_contains_what_its_mask_says(net in ip(), len in 0u8..=128, other in ip()) {
        let max = if net.is_ipv4() { 32 } else { 128 };
        let len = len % (max + 1);
        let c = Cidr::parse(&format!("{net}/{len}")).expect("a valid range");
        prop_assert!(c.contains(net));
        // Display re-parses to the same range.
        prop_assert_eq!(Cidr::parse(&c.to_string()), Some(c));
        let same_prefix = match (net, other.to_canonical()) {
            (IpAddr::V4(a), IpAddr::V4(b)) => len == 0 || (u32::from(a) ^ u32::from(b)) >> (32 - u32::from(len)) == 0,
            (IpAddr::V6(a), IpAddr::V6(b)) if a.to_ipv4_mapped().is_none() || len < 96 => {
                len == 0 || (u128::from(a) ^ u128::from(b)) >> (128 - u32::from(len)) == 0
            }
            _ => c.contains(other),
        };
        prop_assert_eq!(c.contains(other), same_prefix, "{} vs {}", c, other);
    }

    #[test]
    fn an_ipv4_range_contains_the_mapped_form_of_its_addresses(a in any::<u32>(), len in 0u8..=32) {
        let v4 = Ipv4Addr::from(a);
        let c = Cidr::parse(&format!("{v4}/{len}")).expect("a valid range");
        prop_assert!(c.contains(IpAddr::V6(v4.to_ipv6_mapped())));
        let mapped = Cidr::parse(&format!("::ffff:{v4}/{}", u32::from(len) + 96)).expect("a mapped range");
        prop_assert_eq!(mapped, c);
    }

    #[test]
    fn a_header_is_sent_as_given(
        k in "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}",
        v in "[ -~\u{a0}-\u{10ffff}]{0,40}",
    ) {
        let (pk, pv) = http::parse_header(&format!("{k}:{v}")).expect("a valid header");
        prop_assert_eq!(&pk, &k);
        prop_assert_eq!(pv.as_str(), v.trim());
        let headers = [(pk, pv)];
        let extra = http::Extra { origin: None, subprotocol: None, headers: &headers };
        let req = http::upgrade_request("h", "/", "a2V5", &extra);
        let mut hs = [httparse::EMPTY_HEADER; 16];
        let mut r = httparse::Request::new(&mut hs);
        prop_assert!(matches!(r.parse(&req), Ok(httparse::Status::Complete(_))));
        prop_assert!(r.headers.iter().any(|h| h.name == k && h.value == v.trim().as_bytes()));
    }

    #[test]
    fn the_sniffer_takes_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = sniff::sniff(&b);
        let e = sniff::escape(&b, 120);
        prop_assert!(e.len() <= 4 * 120 + 3);
        prop_assert!(!e.contains(['\r', '\n', '\0']));
    }
}
