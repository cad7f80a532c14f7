//! Reads `iptables-save` / `ip6tables-save` text (legacy and nft backends print the
//! same format) into a [`Ruleset`].
//!
//! Options it does not know are kept as opaque conditions, so a rule using them is
//! reported as "not understood" rather than guessed at.

use super::{Action, Base, Chain, CtState, Family, Hook, Match, Net, Range, Rule, Ruleset, Source};

/// Parses one `*-save` dump. `v6` says whether it came from ip6tables.
pub fn parse(text: &str, v6: bool, source: Source) -> Ruleset {
    let family = if v6 { Family::Ip6 } else { Family::Ip };
    let mut rs = Ruleset::default();
    let mut table = String::new();
    // Chains of the current table, in declaration order; rules are added as they come.
    let mut chains: Vec<Chain> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(t) = line.strip_prefix('*') {
            table = t.trim().to_string();
            chains.clear();
        } else if let Some(decl) = line.strip_prefix(':') {
            let mut it = decl.split_whitespace();
            let (Some(name), Some(policy)) = (it.next(), it.next()) else {
                continue;
            };
            let policy_packets = it.next().and_then(|c| counter(c).map(|(p, _)| p));
            chains.push(Chain {
                source,
                family,
                table: table.clone(),
                name: name.to_string(),
                base: builtin(&table, name).map(|(hook, priority, kind)| Base {
                    hook,
                    priority,
                    policy_accept: policy != "DROP",
                    kind: kind.to_string(),
                    devices: Vec::new(),
                    policy_packets,
                }),
                rules: Vec::new(),
            });
        } else if let Some((packets, line)) = rule_line(line) {
            let tokens = tokenize(line);
            let Some(chain_name) = tokens.get(1) else {
                continue;
            };
            let known: Vec<String> = chains.iter().map(|c| c.name.clone()).collect();
            let (matches, action) = rule(&tokens[2..], &known);
            if let Some(c) = chains.iter_mut().find(|c| &c.name == chain_name) {
                let position = u32::try_from(c.rules.len() + 1).unwrap_or(u32::MAX);
                c.rules.push(Rule {
                    position,
                    handle: None,
                    text: line.to_string(),
                    matches,
                    action,
                    packets,
                });
            }
        } else if line == "COMMIT" {
            rs.chains.append(&mut chains);
        }
    }
    rs
}

/// `[packets:bytes]`, as `iptables-save -c` prints counters.
fn counter(s: &str) -> Option<(u64, u64)> {
    let (p, b) = s.strip_prefix('[')?.strip_suffix(']')?.split_once(':')?;
    Some((p.parse().ok()?, b.parse().ok()?))
}

/// A rule line, `-A CHAIN ...` or `[p:b] -A CHAIN ...` (with `-c`): its packet
/// counter and the rule as written without it.
fn rule_line(line: &str) -> Option<(Option<u64>, &str)> {
    if line.starts_with("-A ") {
        return Some((None, line));
    }
    let (c, rest) = line.split_once(' ')?;
    let (packets, _) = counter(c)?;
    rest.starts_with("-A ").then_some((Some(packets), rest))
}

/// Built-in chains on the way in: (hook, priority as nftables numbers them, type).
fn builtin(table: &str, chain: &str) -> Option<(Hook, i32, &'static str)> {
    let hook = match chain {
        "PREROUTING" => Hook::Prerouting,
        "INPUT" => Hook::Input,
        "FORWARD" | "OUTPUT" | "POSTROUTING" => Hook::Other,
        _ => return None,
    };
    let (prio, kind) = match table {
        "raw" => (-300, "filter"),
        "mangle" => (-150, "filter"),
        "nat" => (-100, "nat"),
        "filter" => (0, "filter"),
        "security" => (50, "filter"),
        _ => (0, "filter"),
    };
    Some((hook, prio, kind))
}

/// Splits a rule line into words; `"..."` groups words and `\"` escapes a quote, as
/// iptables-save writes comments and log prefixes.
pub fn tokenize(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut has = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_quotes => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '"' => {
                in_quotes = !in_quotes;
                has = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            c => cur.push(c),
        }
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn proto_number(s: &str) -> Option<u8> {
    Some(match s.to_ascii_lowercase().as_str() {
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        "ipv6-icmp" | "icmpv6" => 58,
        "sctp" => 132,
        "udplite" => 136,
        "dccp" => 33,
        "gre" => 47,
        "esp" => 50,
        "ah" => 51,
        "igmp" => 2,
        n => return n.parse().ok(),
    })
}

fn port_range(s: &str) -> Option<Range> {
    let (a, b) = s.split_once(':').unwrap_or((s, s));
    let lo = if a.is_empty() { 0 } else { a.parse().ok()? };
    let hi = if b.is_empty() {
        u16::MAX
    } else {
        b.parse().ok()?
    };
    Some((lo, hi))
}

fn port_list(s: &str) -> Option<Vec<Range>> {
    s.split(',').map(port_range).collect()
}

fn opaque(what: &str, source_dependent: bool) -> Match {
    Match::Opaque {
        what: what.to_string(),
        source_dependent,
    }
}

/// Target options that take a value, so the value is not read as a chain name.
fn takes_value(opt: &str) -> bool {
    !matches!(
        opt,
        "--log-tcp-sequence"
            | "--log-tcp-options"
            | "--log-ip-options"
            | "--log-uid"
            | "--notrack"
            | "--random"
            | "--persistent"
            | "--random-fully"
            | "--set"
            | "--rsource"
            | "--rdest"
            | "--update"
            | "--rcheck"
            | "--remove"
            | "--rttl"
            | "--reap"
            | "--syn"
            | "--queue-bypass"
            | "--fail-open"
            | "--clamp-mss-to-pmtu"
    )
}

/// Converts the words after `-A CHAIN` into conditions and an action. `chains` are the
/// table's chain names, so `-j NAME` can be told from a target extension.
fn rule(t: &[String], chains: &[String]) -> (Vec<Match>, Action) {
    let mut m = Vec::new();
    let mut action = Action::Continue;
    let mut neg = false;
    let mut i = 0;
    let mut target_opts = false;
    let mut reject_with: Option<String> = None;
    let mut is_reject = false;
    let next = |i: &mut usize| -> Option<&str> {
        *i += 1;
        t.get(*i).map(String::as_str)
    };
    while i < t.len() {
        let opt = t[i].as_str();
        if opt == "!" {
            neg = true;
            i += 1;
            continue;
        }
        if target_opts {
            match opt {
                "--reject-with" => reject_with = next(&mut i).map(str::to_string),
                o if o.starts_with("--") && takes_value(o) => {
                    let _ = next(&mut i);
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match opt {
            "-p" | "--protocol" => {
                let v = next(&mut i).unwrap_or_default();
                if v != "all" && v != "0" {
                    match proto_number(v) {
                        Some(n) => m.push(Match::Proto {
                            neg,
                            protos: vec![n],
                        }),
                        None => m.push(opaque(&format!("-p {v}"), false)),
                    }
                }
            }
            "-s" | "--source" | "-d" | "--destination" => {
                let v = next(&mut i).unwrap_or_default();
                let nets: Option<Vec<Net>> = v.split(',').map(Net::parse).collect();
                let src = opt.starts_with("-s") || opt == "--source";
                m.push(match (nets, src) {
                    (Some(nets), true) => Match::Saddr { neg, nets },
                    (Some(nets), false) => Match::Daddr { neg, nets },
                    (None, _) => opaque(&format!("{opt} {v}"), src),
                });
            }
            "-i" | "--in-interface" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(Match::Iif {
                    neg,
                    names: vec![v.to_string()],
                });
            }
            "-o" | "--out-interface" => {
                let _ = next(&mut i);
                m.push(Match::Oif { neg });
            }
            "-f" | "--fragment" => m.push(Match::Const(neg)),
            "-m" | "--match" => {
                let _ = next(&mut i);
            }
            "--dport" | "--destination-port" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(match port_range(v) {
                    Some(r) => Match::Dport {
                        neg,
                        ports: vec![r],
                    },
                    None => opaque(&format!("{opt} {v}"), false),
                });
            }
            "--dports" | "--destination-ports" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(match port_list(v) {
                    Some(ports) => Match::Dport { neg, ports },
                    None => opaque(&format!("{opt} {v}"), false),
                });
            }
            "--sport" | "--source-port" | "--sports" | "--source-ports" => {
                let _ = next(&mut i);
                m.push(Match::Sport);
            }
            // multiport --ports: source or destination port.
            "--ports" => {
                let v = next(&mut i).unwrap_or_default();
                match port_list(v) {
                    Some(ports) if !neg => m.push(Match::Dport { neg, ports }),
                    _ => m.push(opaque(&format!("--ports {v}"), true)),
                }
            }
            "--ctstate" | "--state" => {
                let v = next(&mut i).unwrap_or_default();
                let states = v.split(',').filter_map(CtState::parse).collect();
                m.push(Match::Ct { neg, states });
            }
            "--ctstatus" => {
                let _ = next(&mut i);
                // A new, un-NATed connection has no status bits (DNAT, SNAT ...) set.
                m.push(Match::Const(neg));
            }
            "--syn" => m.push(Match::SynOnly { neg }),
            "--tcp-flags" => {
                let mask = next(&mut i).unwrap_or_default().to_ascii_uppercase();
                let comp = next(&mut i).unwrap_or_default().to_ascii_uppercase();
                let in_mask = |f: &str| mask == "ALL" || mask.split(',').any(|x| x == f);
                // The packet is a bare SYN: within the mask, exactly SYN is set.
                let got: Vec<&str> = ["SYN"].into_iter().filter(|f| in_mask(f)).collect();
                let mut want: Vec<&str> = comp.split(',').filter(|x| *x != "NONE").collect();
                if comp == "ALL" {
                    want = vec!["FIN", "SYN", "RST", "PSH", "ACK", "URG"];
                }
                want.retain(|f| in_mask(f));
                want.sort_unstable();
                m.push(Match::Const((got == want) != neg));
            }
            "--dst-type" => {
                let v = next(&mut i).unwrap_or_default();
                let local = v.split(',').any(|x| x.eq_ignore_ascii_case("LOCAL"));
                m.push(Match::DstLocal { neg: local == neg });
            }
            "--src-type" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(opaque(&format!("--src-type {v}"), true));
            }
            "--limit-iface-in" | "--limit-iface-out" => {}
            "--pkt-type" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(Match::Const(v.eq_ignore_ascii_case("unicast") != neg));
            }
            "--comment" => {
                let _ = next(&mut i);
            }
            // Rate limits: the first packet of a new client passes.
            "--limit"
            | "--limit-burst"
            | "--hashlimit-upto"
            | "--hashlimit-burst"
            | "--hashlimit-mode"
            | "--hashlimit-name"
            | "--hashlimit-htable-size"
            | "--hashlimit-htable-max"
            | "--hashlimit-htable-expire"
            | "--hashlimit-htable-gcinterval"
            | "--hashlimit-srcmask"
            | "--hashlimit-dstmask"
            | "--connlimit-mask"
            | "--connlimit-upto"
            | "--seconds"
            | "--hitcount"
            | "--name"
            | "--mask" => {
                let _ = next(&mut i);
            }
            // "above" matches only once a client exceeds the limit: not its first SYN.
            "--hashlimit-above" | "--hashlimit" | "--connlimit-above" => {
                let _ = next(&mut i);
                m.push(Match::Const(neg));
            }
            "--connlimit-saddr" | "--connlimit-daddr" | "--set" | "--rsource" | "--rdest"
            | "--rttl" | "--reap" | "--remove" => {}
            // `recent --update/--rcheck` matches clients seen before.
            "--update" | "--rcheck" => m.push(opaque(&format!("recent {opt}"), true)),
            "--match-set" => {
                let name = next(&mut i).unwrap_or_default().to_string();
                let dir = next(&mut i).unwrap_or_default();
                m.push(opaque(
                    &format!("ipset {name} {dir}"),
                    dir.split(',').any(|d| d == "src"),
                ));
            }
            "--src-range" | "--mac-source" | "--src-cc" | "--source-country" => {
                let v = next(&mut i).unwrap_or_default();
                m.push(opaque(&format!("{opt} {v}"), true));
            }
            "--icmp-type" | "--icmpv6-type" => {
                let _ = next(&mut i);
            }
            "-j" | "--jump" => {
                let v = next(&mut i).unwrap_or_default();
                action = match v {
                    "ACCEPT" => Action::Accept,
                    "DROP" => Action::Drop,
                    "REJECT" => {
                        is_reject = true;
                        Action::Reject(None)
                    }
                    "RETURN" => Action::Return,
                    "NFQUEUE" | "QUEUE" => Action::Unknown(v.to_string()),
                    "DNAT" | "SNAT" | "MASQUERADE" | "REDIRECT" | "TPROXY" | "SYNPROXY" => {
                        Action::Unknown(v.to_string())
                    }
                    c if chains.iter().any(|x| x == c) => Action::Jump(c.to_string()),
                    // LOG, NFLOG, MARK, CONNMARK, CT, NOTRACK, TCPMSS...: non-terminal.
                    _ => Action::Continue,
                };
                target_opts = true;
            }
            "-g" | "--goto" => {
                let v = next(&mut i).unwrap_or_default();
                action = Action::Goto(v.to_string());
                target_opts = true;
            }
            other if other.starts_with('-') => {
                // An option of a match extension this parser does not know: keep the
                // rule, but as one the evaluator will not apply.
                let mut what = other.to_string();
                while let Some(v) = t.get(i + 1).filter(|v| !v.starts_with('-') && *v != "!") {
                    what.push(' ');
                    what.push_str(v);
                    i += 1;
                }
                m.push(opaque(&what, false));
            }
            _ => {}
        }
        neg = false;
        i += 1;
    }
    if is_reject {
        action = Action::Reject(reject_with.or(Some("icmp-port-unreachable".into())));
    }
    (m, action)
}
