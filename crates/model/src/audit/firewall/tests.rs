//! The evaluator on rulesets captured from real `nft -j list ruleset`, `nft -a list
//! ruleset` and `iptables-save` / `ip6tables-save` output (../testdata/; each
//! `.nft` / `.rules` file is the input that was loaded, in a throwaway namespace, to
//! produce the captures beside it).

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../testdata/", $name))
    };
}

fn nft(json: &str, text: &str) -> Ruleset {
    nft::parse(json, Some(text))
        .expect("fixture parses")
        .ruleset
}

fn v4(port: u16) -> Packet {
    Packet {
        v6: false,
        iif: "eth0".into(),
        daddr: "10.0.0.5".parse().expect("ip"),
        dport: port,
        saddr: None,
    }
}

fn from(mut p: Packet, ip: &str) -> Packet {
    p.saddr = Some(ip.parse().expect("ip"));
    p
}

/// (verdict, chain, position, text) of the deciding rule.
fn decided(rs: &Ruleset, p: &Packet) -> (Verdict, String, u32, String) {
    let d = rs.evaluate(p);
    let r = d.rule.expect("a deciding rule");
    (d.verdict, r.chain_label(), r.position, r.text)
}

#[test]
fn nft_policy_drop_with_accept_for_another_port() {
    let rs = nft(
        fixture!("nft-policy-drop.json"),
        fixture!("nft-policy-drop.txt"),
    );
    assert_eq!(
        decided(&rs, &v4(8282)),
        (
            Verdict::Drop,
            "inet filter input".into(),
            0,
            "policy drop".into()
        )
    );
    assert_eq!(
        decided(&rs, &v4(22)),
        (
            Verdict::Accept,
            "inet filter input".into(),
            5,
            "tcp dport 22 accept comment \"ssh\"".into()
        )
    );
    let mut lo = v4(8282);
    lo.iif = "lo".into();
    assert_eq!(decided(&rs, &lo).0, Verdict::Accept);
    // The forward chain is not on the way to a local socket.
    assert_eq!(rs.evaluate(&v4(8282)).chains, ["inet filter input"]);
}

#[test]
fn nft_explicit_drop_for_the_port() {
    let rs = nft(
        fixture!("nft-drop-port.json"),
        fixture!("nft-drop-port.txt"),
    );
    let (v, chain, pos, text) = decided(&rs, &v4(8282));
    assert_eq!(
        (v, chain.as_str(), pos),
        (Verdict::Drop, "ip filter INPUT", 2)
    );
    assert_eq!(text, "tcp dport 8282 counter packets 0 bytes 0 drop");
    assert_eq!(rs.evaluate(&v4(8282)).rule.and_then(|r| r.handle), Some(3));
    assert_eq!(decided(&rs, &v4(8283)).0, Verdict::Accept);
    // An ip table does not see IPv6.
    let mut p6 = v4(8282);
    p6.v6 = true;
    p6.daddr = "fd00::5".parse().expect("ip");
    assert_eq!(rs.evaluate(&p6).verdict, Verdict::Accept);
    assert_eq!(rs.evaluate(&p6).rule, None);
}

#[test]
fn nft_reject_in_a_set_with_a_range() {
    let rs = nft(fixture!("nft-reject.json"), fixture!("nft-reject.txt"));
    for port in [8282, 8000, 8050, 8100] {
        let d = rs.evaluate(&v4(port));
        assert_eq!(d.verdict, Verdict::Reject, "port {port}");
        assert_eq!(d.reject_with.as_deref(), Some("tcp reset"));
        assert_eq!(
            d.rule.map(|r| (r.position, r.text)),
            Some((
                3,
                "tcp dport { 8000-8100, 8282 } reject with tcp reset".into()
            ))
        );
    }
    // The ct state vmap has no entry for a new connection; the UDP reject does not
    // apply to TCP.
    assert_eq!(rs.evaluate(&v4(8101)).verdict, Verdict::Accept);
}

#[test]
fn nft_named_sets_and_conntrack() {
    let rs = nft(fixture!("nft-sets.json"), fixture!("nft-sets.txt"));
    for port in [22, 8280, 8285, 8290, 9000] {
        let (v, _, pos, _) = decided(&rs, &v4(port));
        assert_eq!((v, pos), (Verdict::Accept, 4), "port {port}");
    }
    assert_eq!(decided(&rs, &v4(5001)).2, 5);
    assert_eq!(
        decided(&rs, &v4(7000)),
        (
            Verdict::Drop,
            "inet filter input".into(),
            0,
            "policy drop".into()
        )
    );
    // The blocklist depends on the client: a caveat without --from, the rule with it.
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Accept);
    assert_eq!(d.caveats.len(), 1);
    assert_eq!(d.caveats[0].kind, CaveatKind::SourceDependent);
    assert_eq!(d.caveats[0].would, "drop");
    assert_eq!(
        decided(&rs, &from(v4(8282), "192.0.2.7")),
        (
            Verdict::Drop,
            "inet filter input".into(),
            3,
            "ip saddr @blocked_v4 drop".into()
        )
    );
}

#[test]
fn nft_jumps_gotos_and_verdict_maps() {
    let rs = nft(fixture!("nft-jumps.json"), fixture!("nft-jumps.txt"));
    // input → jump tcp_in → vmap 8282: jump web → goto web_drop → drop.
    let (v, chain, pos, text) = decided(&rs, &v4(8282));
    assert_eq!(
        (v, chain.as_str(), pos),
        (Verdict::Drop, "inet filter web_drop", 1)
    );
    assert_eq!(text, "counter packets 0 bytes 0 drop");
    let d = rs.evaluate(&v4(8282));
    assert!(
        d.caveats
            .iter()
            .any(|c| c.kind == CaveatKind::SourceDependent
                && c.would == "accept"
                && c.rule.text == "ip saddr 10.0.0.0/8 accept")
    );
    // From inside 10/8 the web chain accepts first.
    assert_eq!(decided(&rs, &from(v4(8282), "10.1.2.3")).2, 1);
    assert_eq!(decided(&rs, &from(v4(8282), "10.1.2.3")).0, Verdict::Accept);
    assert_eq!(decided(&rs, &v4(80)).0, Verdict::Accept);
    assert_eq!(decided(&rs, &v4(80)).1, "inet filter tcp_in");
    assert_eq!(decided(&rs, &v4(25)).0, Verdict::Drop);
    assert_eq!(
        decided(&rs, &v4(22)),
        (
            Verdict::Accept,
            "inet filter tcp_in".into(),
            3,
            "tcp dport 22 limit rate 10/minute accept".into()
        )
    );
    // Not in the map: back to input, where only 10/8 may reach 9100.
    let d = rs.evaluate(&v4(9100));
    assert_eq!(d.verdict, Verdict::Drop);
    assert!(d.rule.as_ref().is_some_and(RuleRef::is_policy));
    assert!(
        d.caveats
            .iter()
            .any(|c| c.rule.position == 4 && c.would == "accept")
    );
}

#[test]
fn nft_firewalld_rejects_what_the_zone_does_not_allow() {
    let rs = nft(
        fixture!("nft-firewalld.json"),
        fixture!("nft-firewalld.txt"),
    );
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Reject);
    assert_eq!(d.reject_with.as_deref(), Some("icmpx admin-prohibited"));
    let r = d.rule.expect("rule");
    assert_eq!(
        (r.table.as_str(), r.chain.as_str(), r.position),
        ("firewalld", "filter_INPUT", 6)
    );
    assert_eq!(r.text, "reject with icmpx admin-prohibited");
    let (v, chain, pos, _) = decided(&rs, &v4(22));
    assert_eq!(
        (v, chain.as_str(), pos),
        (Verdict::Accept, "inet firewalld filter_IN_public_allow", 1)
    );
}

#[test]
fn nft_prerouting_runs_before_input() {
    let rs = nft(
        fixture!("nft-raw-prerouting.json"),
        fixture!("nft-raw-prerouting.txt"),
    );
    let d = rs.evaluate(&from(v4(8282), "198.51.100.1"));
    assert_eq!(d.verdict, Verdict::Drop);
    assert_eq!(
        d.rule.map(|r| r.chain_label()),
        Some("ip raw PREROUTING".into())
    );
    assert_eq!(
        rs.evaluate(&from(v4(8282), "10.9.9.9")).verdict,
        Verdict::Accept
    );
    assert_eq!(
        rs.evaluate(&v4(8282)).chains,
        ["ip raw PREROUTING", "inet filter input"]
    );
}

#[test]
fn nft_without_the_text_renders_rules_from_json() {
    let p = nft::parse(fixture!("nft-drop-port.json"), None).expect("parses");
    let d = p.ruleset.evaluate(&v4(8282));
    assert_eq!(
        d.rule.map(|r| r.text),
        Some("tcp dport 8282 counter drop".into())
    );
    assert_eq!(p.tables, [(Family::Ip, "filter".to_string())]);
    assert!(nft::parse("{\"nope\": 1}", None).is_err());
    assert!(nft::parse("not json", None).is_err());
}

fn ipt(text: &str, v6: bool) -> Ruleset {
    ipt::parse(text, v6, Source::IptablesLegacy)
}

#[test]
fn iptables_policy_drop_multiport_and_source_restricted_accept() {
    let rs = ipt(fixture!("ipt-policy-drop.save"), false);
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Drop);
    let r = d.rule.expect("rule");
    assert_eq!(
        (r.chain_label().as_str(), r.position, r.text.as_str()),
        ("filter INPUT", 0, "policy drop")
    );
    assert_eq!(d.caveats.len(), 1);
    assert_eq!(d.caveats[0].rule.position, 6);
    assert_eq!(decided(&rs, &from(v4(8282), "10.0.0.9")).2, 6);
    for port in [80, 443, 9000, 9050, 9100] {
        assert_eq!(decided(&rs, &v4(port)).0, Verdict::Accept, "port {port}");
        assert_eq!(decided(&rs, &v4(port)).2, 5, "port {port}");
    }
    assert_eq!(
        decided(&rs, &v4(22)).3,
        "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT"
    );
}

#[test]
fn iptables_explicit_drop_with_a_comment() {
    let rs = ipt(fixture!("ipt-drop-port.save"), false);
    let (v, chain, pos, text) = decided(&rs, &v4(8282));
    assert_eq!((v, chain.as_str(), pos), (Verdict::Drop, "filter INPUT", 2));
    assert!(text.contains("block websocket for now"), "{text}");
    assert_eq!(rs.evaluate(&v4(8283)).verdict, Verdict::Accept);
}

#[test]
fn iptables_reject_range_and_raw_table() {
    let rs = ipt(fixture!("ipt-reject-range.save"), false);
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Reject);
    assert_eq!(d.reject_with.as_deref(), Some("icmp-host-prohibited"));
    assert_eq!(d.rule.map(|r| r.position), Some(2));
    // raw PREROUTING comes before filter INPUT.
    assert_eq!(decided(&rs, &v4(7000)).1, "raw PREROUTING");
    assert_eq!(rs.evaluate(&v4(9001)).verdict, Verdict::Accept);
}

#[test]
fn iptables_ufw_chains() {
    let rs = ipt::parse(fixture!("ipt-ufw.save"), false, Source::IptablesNft);
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Drop);
    assert!(d.rule.as_ref().is_some_and(RuleRef::is_policy));
    assert_eq!(
        decided(&rs, &v4(22)),
        (
            Verdict::Accept,
            "filter ufw-user-input".into(),
            1,
            "-A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT".into()
        )
    );
    // ufw limit: the first connection is accepted; the rate check depends on the client.
    let d = rs.evaluate(&v4(8000));
    assert_eq!(d.verdict, Verdict::Accept);
    assert_eq!(
        d.rule.map(|r| r.chain),
        Some("ufw-user-limit-accept".into())
    );
    assert!(
        d.caveats
            .iter()
            .any(|c| c.kind == CaveatKind::SourceDependent)
    );
}

#[test]
fn ip6tables_syn_jump_return_and_negated_interface() {
    let rs = ipt(fixture!("ip6t-policy-drop.save"), true);
    let p6 = |port: u16, iif: &str| Packet {
        v6: true,
        iif: iif.into(),
        daddr: "2001:db8:1::5".parse().expect("ip"),
        dport: port,
        saddr: None,
    };
    assert_eq!(
        decided(&rs, &p6(8282, "eth0")),
        (
            Verdict::Accept,
            "filter services".into(),
            1,
            "-A services -p tcp -m tcp --dport 8282 -j ACCEPT".into()
        )
    );
    assert_eq!(decided(&rs, &p6(8283, "eth0")).0, Verdict::Accept);
    assert_eq!(decided(&rs, &p6(8283, "eth1")).0, Verdict::Drop);
    assert_eq!(decided(&rs, &p6(9999, "eth0")).0, Verdict::Drop);
    // ip6tables rules never see IPv4.
    assert_eq!(rs.evaluate(&v4(9999)).verdict, Verdict::Accept);
}

#[test]
fn iptables_nft_tables_show_up_in_nft_json_too() {
    // The same ruleset loaded with iptables-nft, dumped by nft: its matches are opaque
    // xt expressions there, which is why audit evaluates iptables-nft-save instead.
    let p = nft::parse(fixture!("ipt-ufw.via-nft.json"), None).expect("parses");
    assert!(p.tables.contains(&(Family::Ip, "filter".to_string())));
    let any_xt = p.ruleset.chains.iter().flat_map(|c| &c.rules).any(|r| {
        r.matches
            .iter()
            .any(|m| matches!(m, Match::Opaque { what, .. } if what.starts_with("xt ")))
    });
    assert!(any_xt);
}

#[test]
fn every_source_is_evaluated_together() {
    // A legacy drop still drops when nftables accepts: each base chain sees the packet.
    let mut rs = nft(fixture!("nft-sets.json"), fixture!("nft-sets.txt"));
    rs.extend(ipt(fixture!("ipt-drop-port.save"), false));
    let d = rs.evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Drop);
    assert_eq!(d.rule.map(|r| r.source), Some(Source::IptablesLegacy));
    assert_eq!(d.chains.len(), 2);
    // Accepted by both: the accept that mattered is the one in the policy-drop chain.
    let d = rs.evaluate(&v4(22));
    assert_eq!(d.verdict, Verdict::Accept);
    assert_eq!(
        d.rule.map(|r| (r.source, r.position)),
        Some((Source::Nftables, 4))
    );
}

#[test]
fn empty_ruleset_accepts_and_loops_stop() {
    assert_eq!(Ruleset::default().evaluate(&v4(1)).verdict, Verdict::Accept);
    let looped = "*filter\n:INPUT DROP [0:0]\n:a - [0:0]\n:b - [0:0]\n-A INPUT -j a\n-A a -j b\n-A b -j a\nCOMMIT\n";
    let d = ipt(looped, false).evaluate(&v4(1));
    assert!(d.truncated);
    assert_eq!(d.verdict, Verdict::Drop);
}

#[test]
fn tokenizer_keeps_quoted_words() {
    assert_eq!(
        ipt::tokenize(
            r#"-A INPUT -m comment --comment "a \"quoted\" word" -j LOG --log-prefix "x ""#
        ),
        [
            "-A",
            "INPUT",
            "-m",
            "comment",
            "--comment",
            "a \"quoted\" word",
            "-j",
            "LOG",
            "--log-prefix",
            "x "
        ]
    );
    assert_eq!(ipt::tokenize(r#"--comment """#), ["--comment", ""]);
}

#[test]
fn unknown_matches_are_caveats_not_guesses() {
    let text =
        "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m frobnicate --frob 1 -j DROP\nCOMMIT\n";
    let d = ipt(text, false).evaluate(&v4(8282));
    assert_eq!(d.verdict, Verdict::Accept);
    assert_eq!(d.caveats.len(), 1);
    assert_eq!(d.caveats[0].kind, CaveatKind::NotUnderstood);
}

#[test]
fn nets_and_ranges() {
    let n = Net::parse("10.0.0.0/255.0.0.0").expect("mask");
    assert_eq!(n.len, 8);
    assert!(n.contains("10.200.1.1".parse().expect("ip")));
    assert!(!n.contains("11.0.0.1".parse().expect("ip")));
    assert!(
        Net::parse("::/0")
            .expect("v6")
            .contains("2001:db8::1".parse().expect("ip"))
    );
    assert!(Net::parse("10.0.0.0/33").is_none());
}
