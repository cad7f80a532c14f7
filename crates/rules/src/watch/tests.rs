//! The verdicts, from hand-made evidence (the namespace tests in tests/watch.rs check
//! them against real packets).

use super::*;
use conndoctor_model::audit::AuditListener;
use conndoctor_model::audit::firewall::{Source, ipt, nft};
use conndoctor_model::audit::watch::FirewallWatch;

fn ev(clients: Vec<ClientTrace>) -> WatchEvidence {
    WatchEvidence {
        port: 8282,
        from: None,
        duration_ms: 5000.0,
        packets: 0,
        clients,
        other_syns: 0,
        other_clients: Vec::new(),
        listeners: Vec::new(),
        listen_overflows: Some((3, 3)),
        listen_drops: Some((3, 3)),
        firewall: FirewallWatch {
            sources: Vec::new(),
            readable: true,
        },
        panels: Vec::new(),
        notes: Vec::new(),
        rp_filter: Vec::new(),
    }
}

fn client(syns: u32, synacks: u32, out_if: &str) -> ClientTrace {
    ClientTrace {
        addr: Some("10.0.0.2".parse().expect("ip")),
        syns,
        source_ports: vec![40000],
        syn_ifaces: vec!["eth0".into()],
        dst: Some("10.0.0.1".parse().expect("ip")),
        syn_acks: synacks,
        syn_ack_ifaces: if synacks > 0 {
            vec![out_if.into()]
        } else {
            Vec::new()
        },
        ..ClientTrace::default()
    }
}

fn listener(queue: u32, backlog: u32) -> ListenerSample {
    let addr: SocketAddr = "0.0.0.0:8282".parse().expect("addr");
    ListenerSample {
        addr,
        v6only: None,
        max_queue: queue,
        backlog: Some(backlog),
        listener: AuditListener {
            addr,
            v6only: None,
            accept_queue: queue,
            backlog: Some(backlog),
            uid: 0,
            user: None,
            inode: 1,
            processes: Vec::new(),
        },
    }
}

fn id(e: &WatchEvidence, before: &Ruleset, after: &Ruleset) -> &'static str {
    verdicts(e, before, after)[0].finding.id
}

#[test]
fn nothing_arrived() {
    let e = ev(Vec::new());
    let v = verdicts(&e, &Ruleset::default(), &Ruleset::default());
    assert_eq!(v[0].finding.id, "watch.never-arrived");
}

#[test]
fn answered_by_the_same_or_another_interface() {
    let none = Ruleset::default();
    assert_eq!(
        id(&ev(vec![client(1, 1, "eth0")]), &none, &none),
        "watch.accepted"
    );
    assert_eq!(
        id(&ev(vec![client(1, 1, "eth1")]), &none, &none),
        "watch.asymmetric-route"
    );
}

#[test]
fn listener_missing_or_full() {
    let none = Ruleset::default();
    let mut e = ev(vec![client(2, 0, "")]);
    assert_eq!(id(&e, &none, &none), "watch.no-listener");
    e.listeners.push(listener(0, 128));
    assert_eq!(id(&e, &none, &none), "watch.not-answered");
    e.listen_overflows = Some((3, 5));
    assert_eq!(id(&e, &none, &none), "watch.queue-full");
    e.listen_overflows = Some((3, 3));
    e.listeners[0] = listener(2, 1);
    assert_eq!(id(&e, &none, &none), "watch.queue-full");
}

const IPT: &str = "*filter
:INPUT ACCEPT [10:600]
:ufw-user-input - [0:0]
[0:0] -A INPUT -j ufw-user-input
[P:0] -A INPUT -p tcp -m tcp --dport 8282 -j DROP
[0:0] -A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
";

#[test]
fn a_local_rule_and_its_counter() {
    let before = ipt::parse(&IPT.replace("[P:", "[4:"), false, Source::IptablesLegacy);
    let after = ipt::parse(&IPT.replace("[P:", "[7:"), false, Source::IptablesLegacy);
    let mut e = ev(vec![client(3, 0, "")]);
    e.listeners.push(listener(0, 128));
    let v = &verdicts(&e, &before, &after)[0];
    assert_eq!(v.finding.id, "watch.dropped-local");
    let counter = v
        .finding
        .evidence
        .iter()
        .find(|m| m.id == "watch-ev-counter")
        .expect("counter evidence");
    assert_eq!(counter.args["count"], crate::finding::Arg::Int(3));
    let rule = v
        .finding
        .evidence
        .iter()
        .find(|m| m.id == "watch-ev-rule")
        .expect("rule evidence");
    assert_eq!(
        rule.args["text"],
        crate::finding::Arg::Str("-A INPUT -p tcp -m tcp --dport 8282 -j DROP".into())
    );
}

#[test]
fn a_drop_in_a_managers_chain_names_it() {
    let text = IPT.replace(
        "[0:0] -A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT",
        "[N:0] -A ufw-user-input -p tcp -m tcp --dport 8282 -j DROP",
    );
    let before = ipt::parse(
        &text.replace("[P:", "[0:").replace("[N:", "[1:"),
        false,
        Source::IptablesNft,
    );
    let after = ipt::parse(
        &text.replace("[P:", "[0:").replace("[N:", "[4:"),
        false,
        Source::IptablesNft,
    );
    let e = ev(vec![client(3, 0, "")]);
    let v = &verdicts(&e, &before, &after)[0];
    assert_eq!(v.finding.id, "watch.panel-firewall");
    assert_eq!(
        v.finding.args["panel"],
        crate::finding::Arg::Str("ufw".into())
    );
}

#[test]
fn nft_counters_are_read() {
    let json = r#"{"nftables":[{"table":{"family":"inet","name":"f"}},
      {"chain":{"family":"inet","table":"f","name":"input","type":"filter","hook":"input","prio":0,"policy":"accept"}},
      {"rule":{"family":"inet","table":"f","chain":"input","handle":3,"expr":[
        {"match":{"op":"==","left":{"payload":{"protocol":"tcp","field":"dport"}},"right":8282}},
        {"counter":{"packets":5,"bytes":300}},{"drop":null}]}}]}"#;
    let p = nft::parse(json, None).expect("nft json");
    assert_eq!(p.ruleset.chains[0].rules[0].packets, Some(5));
}

#[test]
fn managers_are_named_by_their_chains() {
    use conndoctor_model::audit::firewall::manager_of;
    assert_eq!(manager_of("filter", "ufw-user-input"), Some("ufw"));
    assert_eq!(
        manager_of("firewalld", "filter_IN_public_allow"),
        Some("firewalld")
    );
    assert_eq!(
        manager_of("filter", "DENYIN"),
        Some("ConfigServer Firewall (csf)")
    );
    assert_eq!(manager_of("filter", "cphulk"), Some("cPanel cPHulk"));
    assert_eq!(manager_of("filter", "f2b-sshd"), Some("fail2ban"));
    assert_eq!(manager_of("filter", "INPUT"), None);
    assert_eq!(manager_of("filter", "DOCKER-USER"), None);
}

#[test]
fn a_nat_client_is_pointed_out() {
    let mut e = ev(Vec::new());
    e.from = Some("203.0.113.9".parse().expect("ip"));
    e.other_clients = vec!["198.51.100.7".parse().expect("ip")];
    e.other_syns = 3;
    let v = verdicts(&e, &Ruleset::default(), &Ruleset::default());
    assert_eq!(v[0].finding.id, "watch.never-arrived");
    assert!(
        v[0].finding
            .evidence
            .iter()
            .any(|m| m.id == "watch-ev-others")
    );
}
