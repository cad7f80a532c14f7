//! Audit rules on hand-made evidence: one test per cause, and the packet-path order.

use super::*;
use crate::evidence::{
    Exchange, HttpReply, InterfaceAddr, Outcome, ProtocolEvidence, Purpose, Reply, Request as Req,
};
use crate::finding::Symptom;
use conndoctor_model::audit::ProcInfo;
use conndoctor_model::audit::firewall::{Caveat, Family, RuleRef};
use conndoctor_model::audit::platform::{Cloud, Dmi, Managers, Panel};
use conndoctor_model::audit::{
    AuditReport, Capacity, FirewallEvidence, ReadState, Request, SelfProbe, SourceRead,
};

fn req(input: &str) -> Request {
    conndoctor_model::audit::parse_request(Some(input)).expect("request")
}

fn evidence(input: &str) -> AuditEvidence {
    AuditEvidence {
        request: req(input),
        root: true,
        sysroot: "/".into(),
        interfaces: vec![
            InterfaceAddr {
                name: "lo".into(),
                addr: "127.0.0.1".parse().expect("ip"),
                prefix_len: 8,
            },
            InterfaceAddr {
                name: "eth0".into(),
                addr: "10.0.0.5".parse().expect("ip"),
                prefix_len: 24,
            },
        ],
        bindv6only: Some(false),
        listeners: Vec::new(),
        nearby: Vec::new(),
        hidden_processes: 0,
        self_probes: Vec::new(),
        protocol: None,
        firewall: FirewallEvidence {
            sources: vec![SourceRead {
                tool: "nft -j list ruleset".into(),
                state: ReadState::Read {
                    chains: 0,
                    rules: 0,
                },
            }],
            decisions: Vec::new(),
            skipped_tables: Vec::new(),
        },
        managers: Managers::default(),
        panels: Vec::new(),
        dmi: Dmi::default(),
        cloud: None,
        capacity: Capacity::default(),
        notes: Vec::new(),
        budget_ms: 3000,
    }
}

fn listener(addr: &str) -> AuditListener {
    AuditListener {
        addr: addr.parse().expect("addr"),
        v6only: if addr.starts_with('[') {
            Some(false)
        } else {
            None
        },
        accept_queue: 0,
        backlog: Some(511),
        uid: 33,
        user: Some("www".into()),
        inode: 1,
        processes: vec![ProcInfo {
            pid: 1234,
            uid: Some(33),
            user: Some("www".into()),
            comm: "php".into(),
            cmdline: "php start.php start -d".into(),
            open_fds: Some(40),
            fd_limit: Some(1024),
        }],
    }
}

fn rule(source: Source, chain: &str, position: u32, handle: Option<u64>, text: &str) -> RuleRef {
    RuleRef {
        source,
        family: if source == Source::Nftables {
            Family::Inet
        } else {
            Family::Ip
        },
        table: "filter".into(),
        chain: chain.into(),
        position,
        handle,
        text: text.into(),
        hook: Some("input".into()),
    }
}

fn decision(port: u16, verdict: Verdict, r: RuleRef) -> PortDecision {
    PortDecision {
        port,
        iface: "eth0".into(),
        daddr: "10.0.0.5".parse().expect("ip"),
        decision: Decision {
            verdict,
            rule: Some(r),
            reject_with: (verdict == Verdict::Reject).then(|| "tcp reset".into()),
            chains: vec!["inet filter input".into()],
            caveats: Vec::new(),
            truncated: false,
        },
    }
}

fn ids(d: &Diagnosis) -> Vec<&'static str> {
    d.causes.iter().map(|f| f.id).collect()
}

fn evidence_ids(f: &Finding) -> Vec<&'static str> {
    f.evidence.iter().map(|m| m.id).collect()
}

#[test]
fn nothing_listening_names_nearby_ports() {
    let mut ev = evidence("8282");
    ev.nearby.push(listener("0.0.0.0:8283"));
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Refused);
    assert_eq!(ids(&d), ["refused.not-listening"]);
    assert_eq!(
        evidence_ids(&d.causes[0]),
        ["audit-ev-no-listener", "audit-ev-nearby"]
    );
}

#[test]
fn loopback_only() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("127.0.0.1:8282"));
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["refused.loopback-only"]);
    assert_eq!(
        d.causes[0].args.get("addr"),
        Some(&crate::finding::Arg::Str("10.0.0.5:8282".into()))
    );
    // Auditing the loopback address itself is fine.
    let mut ev = evidence("ws://127.0.0.1:8282");
    ev.listeners.push(listener("127.0.0.1:8282"));
    assert_eq!(diagnose_port(&ev, 8282).symptom, Symptom::Ok);
}

#[test]
fn configured_public_ip_is_not_local() {
    let ev = evidence("websocket://47.100.1.2:8282");
    let d = diagnose_port(&ev, 8282);
    assert_eq!(
        ids(&d),
        ["addr-not-avail.bind-not-local", "refused.not-listening"]
    );
    assert_eq!(d.causes[0].confidence, High);
    assert_eq!(
        evidence_ids(&d.causes[0]),
        ["audit-ev-not-local", "audit-ev-nat"]
    );
    assert_eq!(d.symptom, Symptom::Refused);
}

#[test]
fn other_address_and_v6only() {
    let mut ev = evidence("websocket://10.0.0.5:8282");
    ev.interfaces.push(InterfaceAddr {
        name: "eth1".into(),
        addr: "192.168.7.2".parse().expect("ip"),
        prefix_len: 24,
    });
    ev.listeners.push(listener("192.168.7.2:8282"));
    assert_eq!(ids(&diagnose_port(&ev, 8282)), ["refused.other-address"]);
    // Without a configured address: the other address is only one clients might use.
    ev.request = req("8282");
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["refused.other-address"]);
    assert_eq!(d.causes[0].confidence, Medium);

    let mut ev = evidence("8282");
    let mut l = listener("[::]:8282");
    l.v6only = Some(true);
    ev.listeners.push(l);
    ev.bindv6only = Some(true);
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["refused.family-mismatch"]);
    assert_eq!(
        evidence_ids(&d.causes[0]),
        ["audit-ev-v6only", "audit-ev-bindv6only"]
    );
    // A dual-stack [::] socket takes IPv4 too.
    let mut ev = evidence("8282");
    ev.listeners.push(listener("[::]:8282"));
    assert!(diagnose_port(&ev, 8282).causes.is_empty());
}

#[test]
fn firewall_drop_names_the_rule_and_the_fix() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.firewall.decisions.push(decision(
        8282,
        Verdict::Drop,
        rule(
            Source::Nftables,
            "input",
            5,
            Some(12),
            "tcp dport 8282 drop",
        ),
    ));
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Timeout);
    assert_eq!(ids(&d), ["timeout.filtered"]);
    let f = &d.causes[0];
    assert_eq!(
        evidence_ids(f),
        [
            "audit-ev-fw-rule",
            "audit-ev-fw-packet",
            "audit-ev-fw-command"
        ]
    );
    let cmd = &f.evidence[2].args["cmd"];
    assert_eq!(
        cmd,
        &crate::finding::Arg::Str(
            "nft insert rule inet filter input position 12 tcp dport 8282 accept".into()
        )
    );
}

#[test]
fn firewall_reject_and_iptables_policy_fix() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.firewall.decisions.push(decision(
        8282,
        Verdict::Reject,
        rule(
            Source::IptablesLegacy,
            "INPUT",
            3,
            None,
            "-A INPUT -p tcp --dport 8282 -j REJECT",
        ),
    ));
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Refused);
    assert_eq!(ids(&d), ["refused.firewall-reject"]);
    assert!(evidence_ids(&d.causes[0]).contains(&"audit-ev-fw-reject-with"));
    let r = rule(Source::IptablesLegacy, "INPUT", 0, None, "policy drop");
    assert_eq!(
        fix_command(&ev, &r, 8282),
        "iptables -t filter -A INPUT -p tcp --dport 8282 -j ACCEPT"
    );
    ev.managers.ufw_enabled = Some(true);
    let r = rule(
        Source::IptablesNft,
        "ufw-user-input",
        0,
        None,
        "policy drop",
    );
    assert_eq!(fix_command(&ev, &r, 8282), "ufw allow 8282/tcp");
    let mut r = rule(Source::Nftables, "filter_INPUT", 6, Some(9), "reject");
    r.table = "firewalld".into();
    assert!(fix_command(&ev, &r, 8282).starts_with("firewall-cmd --permanent --add-port=8282/tcp"));
}

#[test]
fn a_source_dependent_accept_is_named() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    let mut d = decision(
        8282,
        Verdict::Drop,
        rule(Source::Nftables, "input", 0, None, "policy drop"),
    );
    d.decision.caveats.push(Caveat {
        kind: CaveatKind::SourceDependent,
        rule: rule(
            Source::Nftables,
            "input",
            4,
            Some(8),
            "ip saddr 10.0.0.0/8 tcp dport 8282 accept",
        ),
        would: "accept".into(),
    });
    ev.firewall.decisions.push(d);
    let d = diagnose_port(&ev, 8282);
    let f = &d.causes[0];
    assert_eq!(f.confidence, High);
    assert_eq!(
        evidence_ids(f),
        [
            "audit-ev-fw-policy",
            "audit-ev-fw-packet",
            "audit-ev-fw-only-from",
            "audit-ev-fw-command"
        ]
    );
}

#[test]
fn packet_path_order_cloud_panel_firewall_listener_capacity() {
    let mut ev = evidence("8282");
    let mut l = listener("127.0.0.1:8282");
    l.accept_queue = 129;
    l.backlog = Some(128);
    ev.listeners.push(l);
    ev.capacity.listen_overflows = Some((10, 14));
    ev.firewall.decisions.push(decision(
        8282,
        Verdict::Drop,
        rule(Source::Nftables, "input", 0, None, "policy drop"),
    ));
    ev.panels.push(Panel {
        id: "bt",
        name: "BT Panel (宝塔) / aaPanel",
        marker: "/www/server/panel".into(),
        open_ports: None,
    });
    ev.cloud = Some(Cloud {
        provider: "alibaba",
        field: "product_name",
        value: "Alibaba Cloud ECS".into(),
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(
        ids(&d),
        [
            "timeout.security-group",
            "timeout.panel-firewall",
            "timeout.filtered",
            "refused.loopback-only",
            "timeout.accept-queue-full"
        ]
    );
    assert_eq!(d.causes[0].confidence, Low);
    assert_eq!(d.symptom, Symptom::Timeout);
    let q = &d.causes[4];
    assert_eq!(q.confidence, High);
    assert!(evidence_ids(q).contains(&"audit-ev-overflows-rising"));
}

#[test]
fn on_a_cloud_with_nothing_wrong_the_security_group_is_a_warning() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.firewall.decisions.push(decision(
        8282,
        Verdict::Accept,
        rule(
            Source::Nftables,
            "input",
            3,
            Some(4),
            "tcp dport 8282 accept",
        ),
    ));
    ev.cloud = Some(Cloud {
        provider: "tencent",
        field: "sys_vendor",
        value: "Tencent Cloud".into(),
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Ok);
    assert!(d.causes.is_empty());
    assert_eq!(d.warnings[0].id, "timeout.security-group");
    assert!(d.is_ok());
}

#[test]
fn csf_without_the_port_is_a_panel_firewall() {
    let mut ev = evidence("8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.panels.push(Panel {
        id: "csf",
        name: "ConfigServer Firewall (csf)",
        marker: "/etc/csf/csf.conf".into(),
        open_ports: Some(vec![(22, 22), (80, 80), (30000, 35000)]),
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["timeout.panel-firewall"]);
    assert_eq!(evidence_ids(&d.causes[0]), ["audit-ev-csf-tcp-in"]);
    assert!(
        diagnose_port(&ev, 30001)
            .causes
            .iter()
            .all(|f| f.id != "timeout.panel-firewall")
    );
}

#[test]
fn a_panel_without_readable_rules_is_only_a_warning() {
    let mut ev = evidence("8282");
    ev.root = false;
    ev.firewall.sources = vec![SourceRead {
        tool: "nft -j list ruleset".into(),
        state: ReadState::Denied {
            detail: "Operation not permitted".into(),
        },
    }];
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.panels.push(Panel {
        id: "onepanel",
        name: "1Panel",
        marker: "/opt/1panel".into(),
        open_ports: None,
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Ok);
    assert_eq!(d.warnings[0].id, "timeout.panel-firewall");
    assert_eq!(d.warnings[0].confidence, Low);
}

#[test]
fn descriptors_at_the_limit() {
    let mut ev = evidence("8282");
    let mut l = listener("0.0.0.0:8282");
    l.processes[0].open_fds = Some(1020);
    ev.listeners.push(l);
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["timeout.server-fd-limit"]);
    let mut ev = evidence("8282");
    let mut l = listener("0.0.0.0:8282");
    l.processes[0].open_fds = Some(900);
    ev.listeners.push(l);
    let d = diagnose_port(&ev, 8282);
    assert!(d.causes.is_empty());
    assert_eq!(d.warnings[0].id, "timeout.server-fd-limit");
}

fn exchange(purpose: Purpose, request: Req, reply: Reply) -> Exchange {
    Exchange {
        purpose,
        request,
        tls: None,
        reply,
        elapsed_ms: 1.0,
        token: None,
    }
}

fn http(status: u16, server: &str) -> Reply {
    Reply::Http(HttpReply {
        status,
        reason: "OK".into(),
        headers: vec![("server".into(), server.into())],
        body: String::new(),
        accept_valid: None,
    })
}

#[test]
fn websocket_named_but_the_port_speaks_http() {
    let mut ev = evidence("websocket://0.0.0.0:8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    let upgrade = Req::WsUpgrade {
        path: "/".into(),
        origin: None,
    };
    ev.protocol = Some(ProtocolEvidence {
        addr: "10.0.0.5:8282".parse().expect("addr"),
        exchanges: vec![exchange(Purpose::Main, upgrade.clone(), http(200, "nginx"))],
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(d.symptom, Symptom::Mismatch);
    assert_eq!(ids(&d), ["mismatch.ws-to-http"]);
    assert_eq!(speaks(ev.protocol.as_ref().expect("pe")).0, "http");
    // A working upgrade is no mismatch, and the port speaks WebSocket.
    let ok = exchange(Purpose::Main, upgrade, http(101, "workerman"));
    ev.protocol = Some(ProtocolEvidence {
        addr: "10.0.0.5:8282".parse().expect("addr"),
        exchanges: vec![ok],
    });
    assert_eq!(diagnose_port(&ev, 8282).symptom, Symptom::Ok);
    assert_eq!(speaks(ev.protocol.as_ref().expect("pe")).0, "websocket");
    // Without a scheme nothing is compared.
    ev.request = req("8282");
    ev.protocol = Some(ProtocolEvidence {
        addr: "10.0.0.5:8282".parse().expect("addr"),
        exchanges: vec![exchange(
            Purpose::Main,
            Req::HttpGet { path: "/".into() },
            http(200, "x"),
        )],
    });
    assert_eq!(diagnose_port(&ev, 8282).symptom, Symptom::Ok);
}

#[test]
fn http_named_but_the_port_speaks_websocket() {
    let mut ev = evidence("http://0.0.0.0:8282");
    ev.listeners.push(listener("0.0.0.0:8282"));
    ev.protocol = Some(ProtocolEvidence {
        addr: "10.0.0.5:8282".parse().expect("addr"),
        exchanges: vec![
            exchange(
                Purpose::Main,
                Req::HttpGet { path: "/".into() },
                http(400, "workerman"),
            ),
            exchange(
                Purpose::TryUpgrade,
                Req::WsUpgrade {
                    path: "/".into(),
                    origin: None,
                },
                http(101, "workerman"),
            ),
        ],
    });
    assert_eq!(ids(&diagnose_port(&ev, 8282)), ["mismatch.http-to-ws"]);
}

#[test]
fn self_probe_timeouts_back_a_full_queue() {
    let mut ev = evidence("8282");
    let mut l = listener("0.0.0.0:8282");
    l.accept_queue = 3;
    l.backlog = Some(2);
    ev.listeners.push(l);
    ev.self_probes.push(SelfProbe {
        addr: "127.0.0.1:8282".parse().expect("addr"),
        outcome: Outcome::TimedOut,
        elapsed_ms: 1000.0,
    });
    let d = diagnose_port(&ev, 8282);
    assert_eq!(ids(&d), ["timeout.accept-queue-full"]);
    assert_eq!(d.causes[0].confidence, Medium);
    assert!(evidence_ids(&d.causes[0]).contains(&"audit-ev-self-probe-timeout"));
}

#[test]
fn every_listener_view_counts_only_capacity() {
    let mut ev = evidence("8282");
    ev.request = Request::default();
    ev.listeners.push(listener("127.0.0.1:3306"));
    ev.listeners.push(listener("0.0.0.0:22"));
    let diagnoses = diagnose_all(&ev);
    assert_eq!(diagnoses.len(), 2);
    assert_eq!(ids(&diagnoses[1].1), ["refused.loopback-only"]);
    let rep = AuditReport {
        evidence: ev.clone(),
        diagnoses,
        total_ms: 1.0,
    };
    assert!(rep.is_ok());
    let mut full = listener("0.0.0.0:80");
    full.accept_queue = 129;
    full.backlog = Some(128);
    ev.listeners.push(full);
    ev.capacity.listen_overflows = Some((0, 5));
    let rep = AuditReport {
        diagnoses: diagnose_all(&ev),
        evidence: ev,
        total_ms: 1.0,
    };
    assert!(!rep.is_ok());
}

#[test]
fn nearby_ports() {
    assert!(is_nearby(8282, 8283));
    assert!(is_nearby(8282, 8228));
    assert!(is_nearby(8282, 828));
    assert!(is_nearby(808, 8080));
    assert!(is_nearby(8282, 9282));
    assert!(!is_nearby(8282, 8282));
    assert!(!is_nearby(8282, 3306));
    assert!(!is_nearby(80, 443));
}
