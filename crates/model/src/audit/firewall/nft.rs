//! Reads `nft -j list ruleset` (libnftables JSON, schema 1) into a [`Ruleset`].
//!
//! Optionally pairs it with `nft -a list ruleset` text, whose `# handle N` comments let
//! each rule be quoted exactly as the administrator wrote it; without the text, rules
//! are rendered back from the JSON in nft's own syntax.

use std::collections::HashMap;
use std::net::IpAddr;

use serde_json::Value;

use super::{Action, Base, Chain, CtState, Family, Hook, Match, Net, Range, Rule, Ruleset, Source};

/// A parsed dump, and the tables it holds (to skip those iptables-nft manages).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub ruleset: Ruleset,
    /// (family, table) of every table in the dump.
    pub tables: Vec<(Family, String)>,
    /// Tables that look made by iptables-nft: an iptables table name, and rules that
    /// use xt compat expressions or all carry the counter iptables-nft always adds.
    /// For those, `iptables-nft-save` text is the faithful view.
    pub iptables_like: Vec<(Family, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("nft JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("nft JSON: no \"nftables\" array")]
    Shape,
}

type Key = (String, String, String);

/// A named set or map: its elements as the JSON lists them.
struct SetDef {
    elems: Option<Vec<Value>>,
}

/// Parses the JSON dump; `text` is the matching `nft -a list ruleset` output, if any.
pub fn parse(json: &str, text: Option<&str>) -> Result<Parsed, Error> {
    let v: Value = serde_json::from_str(json)?;
    let items = v
        .get("nftables")
        .and_then(Value::as_array)
        .ok_or(Error::Shape)?;
    let texts = text.map(rule_texts).unwrap_or_default();

    let mut sets: HashMap<Key, SetDef> = HashMap::new();
    for it in items {
        for kind in ["set", "map"] {
            if let Some(s) = it.get(kind) {
                let key = (str_of(s, "family"), str_of(s, "table"), str_of(s, "name"));
                sets.insert(
                    key,
                    SetDef {
                        elems: s.get("elem").and_then(Value::as_array).cloned(),
                    },
                );
            }
        }
    }

    let mut out = Parsed::default();
    // (family, table) → (has an xt expression, rules, rules with a counter).
    let mut shape: HashMap<(Family, String), (bool, usize, usize)> = HashMap::new();
    for it in items {
        if let Some(t) = it.get("table") {
            out.tables
                .push((Family::parse(&str_of(t, "family")), str_of(t, "name")));
        }
        if let Some(c) = it.get("chain") {
            let base = c.get("hook").and_then(Value::as_str).map(|hook| Base {
                hook: Hook::parse(hook),
                priority: c
                    .get("prio")
                    .and_then(Value::as_i64)
                    .and_then(|p| i32::try_from(p).ok())
                    .unwrap_or(0),
                policy_accept: c.get("policy").and_then(Value::as_str) != Some("drop"),
                policy_packets: None,
                kind: c
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or("filter")
                    .to_string(),
                devices: devices(c),
            });
            out.ruleset.chains.push(Chain {
                source: Source::Nftables,
                family: Family::parse(&str_of(c, "family")),
                table: str_of(c, "table"),
                name: str_of(c, "name"),
                base,
                rules: Vec::new(),
            });
        }
        if let Some(r) = it.get("rule") {
            let (family, table, chain) =
                (str_of(r, "family"), str_of(r, "table"), str_of(r, "chain"));
            let handle = r.get("handle").and_then(Value::as_u64);
            let ctx = Ctx {
                sets: &sets,
                family: &family,
                table: &table,
            };
            let exprs = r.get("expr").and_then(Value::as_array);
            let has = |k: &str| exprs.is_some_and(|e| e.iter().any(|x| x.get(k).is_some()));
            let st = shape
                .entry((Family::parse(&family), table.clone()))
                .or_default();
            st.0 |= has("xt");
            st.1 += 1;
            st.2 += usize::from(has("counter"));
            let (matches, action) = exprs.map_or((Vec::new(), Action::Continue), |e| ctx.rule(e));
            let text = handle
                .and_then(|h| texts.get(&(family.clone(), table.clone(), chain.clone(), h)))
                .cloned()
                .unwrap_or_else(|| exprs.map(|e| render(e)).unwrap_or_default());
            let fam = Family::parse(&family);
            if let Some(c) = out
                .ruleset
                .chains
                .iter_mut()
                .find(|c| c.family == fam && c.table == table && c.name == chain)
            {
                let position = u32::try_from(c.rules.len() + 1).unwrap_or(u32::MAX);
                let packets = exprs.and_then(|e| {
                    e.iter()
                        .find_map(|x| x.get("counter")?.get("packets")?.as_u64())
                });
                c.rules.push(Rule {
                    position,
                    handle,
                    text,
                    matches,
                    action,
                    packets,
                });
            }
        }
    }
    out.iptables_like = out
        .tables
        .iter()
        .filter(|(f, t)| {
            matches!(f, Family::Ip | Family::Ip6)
                && matches!(t.as_str(), "filter" | "nat" | "mangle" | "raw" | "security")
        })
        .filter(|k| {
            shape
                .get(*k)
                .is_none_or(|(xt, rules, counted)| *xt || rules == counted)
        })
        .cloned()
        .collect();
    Ok(out)
}

fn str_of(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn devices(c: &Value) -> Vec<String> {
    match c.get("dev") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// Maps (family, table, chain, handle) to the rule's text in `nft -a list ruleset`.
fn rule_texts(text: &str) -> HashMap<(String, String, String, u64), String> {
    let mut out = HashMap::new();
    let (mut family, mut table, mut chain) = (String::new(), String::new(), String::new());
    for line in text.lines() {
        let t = line.trim();
        let words: Vec<&str> = t.split_whitespace().collect();
        match words.as_slice() {
            ["table", f, n, "{", ..] => {
                family = (*f).to_string();
                table = (*n).to_string();
                chain.clear();
            }
            ["chain", n, "{", ..] => chain = (*n).to_string(),
            ["}", ..] => chain.clear(),
            _ if !chain.is_empty() => {
                if let Some((rule, h)) = t.rsplit_once("# handle ")
                    && let Ok(h) = h.trim().parse::<u64>()
                {
                    out.insert(
                        (family.clone(), table.clone(), chain.clone(), h),
                        rule.trim().to_string(),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

struct Ctx<'a> {
    sets: &'a HashMap<Key, SetDef>,
    family: &'a str,
    table: &'a str,
}

/// The transport protocols nft payload expressions name, by protocol number.
fn l4_number(name: &str) -> Option<u8> {
    Some(match name {
        "tcp" => 6,
        "udp" => 17,
        "udplite" => 136,
        "sctp" => 132,
        "dccp" => 33,
        "icmp" => 1,
        "icmpv6" | "ipv6-icmp" => 58,
        "igmp" => 2,
        "gre" => 47,
        "esp" => 50,
        "ah" => 51,
        _ => return None,
    })
}

fn opaque(what: &str, source_dependent: bool) -> Match {
    Match::Opaque {
        what: what.to_string(),
        source_dependent,
    }
}

impl Ctx<'_> {
    fn rule(&self, exprs: &[Value]) -> (Vec<Match>, Action) {
        let mut matches = Vec::new();
        let mut action = Action::Continue;
        for e in exprs {
            let Some((k, v)) = e.as_object().and_then(|o| o.iter().next()) else {
                continue;
            };
            match k.as_str() {
                "match" => matches.extend(self.cond(v)),
                "accept" => action = Action::Accept,
                "drop" => action = Action::Drop,
                "reject" => action = Action::Reject(reject_kind(v)),
                "return" => action = Action::Return,
                "continue" => action = Action::Continue,
                "jump" => action = Action::Jump(str_of(v, "target")),
                "goto" => action = Action::Goto(str_of(v, "target")),
                "queue" => action = Action::Unknown("queue".into()),
                "vmap" => action = self.vmap(v),
                // A limit lets the first packet through unless inverted ("rate over").
                "limit" if v.get("inv").and_then(Value::as_bool) == Some(true) => {
                    matches.push(Match::Const(false));
                }
                "xt" => matches.push(opaque(&format!("xt {}", str_of(v, "name")), false)),
                "dnat" | "snat" | "masquerade" | "redirect" | "tproxy" | "synproxy" => {
                    action = Action::Unknown(k.clone());
                }
                // counter, log, comment, quota, meta/ct set, notrack, set add...: no
                // effect on the verdict.
                _ => {}
            }
        }
        (matches, action)
    }

    fn vmap(&self, v: &Value) -> Action {
        let Some(key) = v.get("key") else {
            return Action::OpaqueMap("vmap".into());
        };
        let elems = match v.get("data") {
            Some(Value::String(s)) if s.starts_with('@') => self.set_elems(&s[1..]),
            Some(d) => d.get("set").and_then(Value::as_array).cloned(),
            None => None,
        };
        let Some(elems) = elems else {
            return Action::OpaqueMap(render_expr(key));
        };
        let pairs: Vec<(&Value, Action)> = elems
            .iter()
            .filter_map(|e| {
                let a = e.as_array()?;
                let k = a.first()?;
                let k = k.get("elem").and_then(|x| x.get("val")).unwrap_or(k);
                Some((k, verdict_of(a.get(1)?)?))
            })
            .collect();
        match key_kind(key) {
            KeyKind::Dport => Action::DportMap(
                pairs
                    .into_iter()
                    .filter_map(|(k, a)| Some((self.ports(k)?, a)))
                    .collect(),
            ),
            KeyKind::Iif => Action::IifMap(
                pairs
                    .into_iter()
                    .filter_map(|(k, a)| Some((k.as_str()?.to_string(), a)))
                    .collect(),
            ),
            KeyKind::CtState => Action::CtMap(
                pairs
                    .into_iter()
                    .filter_map(|(k, a)| Some((CtState::parse(k.as_str()?)?, a)))
                    .collect(),
            ),
            KeyKind::Other => Action::OpaqueMap(render_expr(key)),
        }
    }

    fn set_elems(&self, name: &str) -> Option<Vec<Value>> {
        let key = (
            self.family.to_string(),
            self.table.to_string(),
            name.to_string(),
        );
        self.sets.get(&key)?.elems.clone()
    }

    /// The values a right-hand side stands for: a set reference, an anonymous set, a
    /// list, or one value.
    fn values(&self, right: &Value) -> Option<Vec<Value>> {
        match right {
            Value::String(s) if s.starts_with('@') => self.set_elems(&s[1..]),
            Value::Array(a) => Some(a.clone()),
            Value::Object(o) if o.contains_key("set") => {
                o.get("set").and_then(Value::as_array).cloned()
            }
            v => Some(vec![v.clone()]),
        }
    }

    fn ports(&self, right: &Value) -> Option<Vec<Range>> {
        let vals = self.values(right)?;
        let mut out = Vec::new();
        for v in vals {
            let v = v
                .get("elem")
                .and_then(|x| x.get("val"))
                .unwrap_or(&v)
                .clone();
            if let Some(r) = v.get("range").and_then(Value::as_array) {
                out.push((port(r.first()?)?, port(r.get(1)?)?));
            } else {
                let p = port(&v)?;
                out.push((p, p));
            }
        }
        Some(out)
    }

    fn nets(&self, right: &Value) -> Option<Vec<Net>> {
        let vals = self.values(right)?;
        let mut out = Vec::new();
        for v in vals {
            let v = v
                .get("elem")
                .and_then(|x| x.get("val"))
                .unwrap_or(&v)
                .clone();
            if let Some(p) = v.get("prefix") {
                let addr: IpAddr = p.get("addr")?.as_str()?.parse().ok()?;
                let len = u8::try_from(p.get("len")?.as_u64()?).ok()?;
                out.push(Net { addr, len });
            } else {
                // Address ranges cannot be a prefix; the caller treats None as opaque.
                out.push(Net::parse(v.as_str()?)?);
            }
        }
        Some(out)
    }

    fn strings(&self, right: &Value) -> Option<Vec<String>> {
        let vals = self.values(right)?;
        vals.iter()
            .map(|v| {
                let v = v.get("elem").and_then(|x| x.get("val")).unwrap_or(v);
                v.as_str().map(str::to_string)
            })
            .collect()
    }

    /// One `match` statement as conditions (a payload match may also imply the protocol
    /// and the address family).
    fn cond(&self, m: &Value) -> Vec<Match> {
        let op = m.get("op").and_then(Value::as_str).unwrap_or("==");
        let (Some(left), Some(right)) = (m.get("left"), m.get("right")) else {
            return vec![opaque("match", false)];
        };
        let neg = op == "!=";
        // Relational operators on ports become ranges.
        let rel = |v: &Value| -> Option<Vec<Range>> {
            let p = port(v)?;
            Some(match op {
                "<" => vec![(0, p.checked_sub(1)?)],
                "<=" => vec![(0, p)],
                ">" => vec![(p.checked_add(1)?, u16::MAX)],
                ">=" => vec![(p, u16::MAX)],
                _ => return None,
            })
        };
        if let Some(p) = left.get("payload") {
            let proto = str_of(p, "protocol");
            let field = str_of(p, "field");
            match (proto.as_str(), field.as_str()) {
                ("ip" | "ip6", "saddr" | "daddr") => {
                    let fam = Match::Family { v6: proto == "ip6" };
                    let Some(nets) = self.nets(right) else {
                        let src = field == "saddr";
                        return vec![fam, opaque(&render_expr(m), src)];
                    };
                    let c = if field == "saddr" {
                        Match::Saddr { neg, nets }
                    } else {
                        Match::Daddr { neg, nets }
                    };
                    return vec![fam, c];
                }
                ("ip", "protocol") | ("ip6", "nexthdr") => {
                    let fam = Match::Family { v6: proto == "ip6" };
                    return vec![fam, self.proto(right, neg)];
                }
                (l4, "dport" | "sport") => {
                    let mut out = Vec::new();
                    if l4 != "th" {
                        match l4_number(l4) {
                            Some(n) => out.push(Match::Proto {
                                neg: false,
                                protos: vec![n],
                            }),
                            None => return vec![opaque(&render_expr(m), false)],
                        }
                    }
                    if field == "sport" {
                        out.push(Match::Sport);
                        return out;
                    }
                    match rel(right).or_else(|| self.ports(right)) {
                        Some(ports) => out.push(Match::Dport { neg, ports }),
                        None => out.push(opaque(&render_expr(m), false)),
                    }
                    return out;
                }
                ("tcp", "flags") => {
                    let flags = flag_names(right);
                    // `tcp flags syn` (op "in"): any of these bits set.
                    let has_syn = flags.iter().any(|f| f == "syn");
                    let r = if op == "in" {
                        has_syn
                    } else {
                        has_syn && flags.len() == 1
                    };
                    return vec![
                        Match::Proto {
                            neg: false,
                            protos: vec![6],
                        },
                        Match::Const(r != neg),
                    ];
                }
                (l4, _) => {
                    // Another protocol's header field (icmp type, udp length...): a
                    // TCP packet never matches it.
                    if let Some(n) = l4_number(l4).filter(|n| *n != 6) {
                        return vec![Match::Proto {
                            neg: false,
                            protos: vec![n],
                        }];
                    }
                    return vec![opaque(&render_expr(m), false)];
                }
            }
        }
        if let Some(and) = left.get("&").and_then(Value::as_array) {
            // tcp flags & (fin|syn|rst|ack) == syn
            let is_tcp_flags = and
                .first()
                .and_then(|l| l.get("payload"))
                .is_some_and(|p| str_of(p, "protocol") == "tcp" && str_of(p, "field") == "flags");
            if is_tcp_flags {
                let mask = and.get(1).map(flag_names).unwrap_or_default();
                let want = flag_names(right);
                let got: Vec<String> = ["syn"]
                    .iter()
                    .filter(|f| mask.iter().any(|m| m == *f))
                    .map(|f| (*f).to_string())
                    .collect();
                let mut w = want.clone();
                w.sort();
                let eq = got == w;
                return vec![
                    Match::Proto {
                        neg: false,
                        protos: vec![6],
                    },
                    Match::Const(eq != neg),
                ];
            }
            return vec![opaque(&render_expr(m), false)];
        }
        if let Some(meta) = left.get("meta") {
            let key = str_of(meta, "key");
            return match key.as_str() {
                "l4proto" => vec![self.proto(right, neg)],
                "nfproto" | "protocol" => match right.as_str() {
                    Some("ipv4" | "ip") => vec![Match::Family { v6: neg }],
                    Some("ipv6" | "ip6") => vec![Match::Family { v6: !neg }],
                    _ => vec![opaque(&render_expr(m), false)],
                },
                "iifname" | "iif" => match self.strings(right) {
                    Some(names) => vec![Match::Iif { neg, names }],
                    None => vec![opaque(&render_expr(m), false)],
                },
                "oifname" | "oif" => vec![Match::Oif { neg }],
                "pkttype" => vec![Match::Const((right.as_str() == Some("host")) != neg)],
                _ => vec![opaque(&render_expr(m), false)],
            };
        }
        if let Some(ct) = left.get("ct") {
            let key = str_of(ct, "key");
            return match key.as_str() {
                "state" => match self.strings(right) {
                    Some(s) => vec![Match::Ct {
                        neg,
                        states: s.iter().filter_map(|x| CtState::parse(x)).collect(),
                    }],
                    None => vec![opaque(&render_expr(m), false)],
                },
                // A new, un-NATed connection has no status bits (dnat, snat, ...) set.
                "status" => vec![Match::Const(neg)],
                "direction" => vec![Match::Const((right.as_str() == Some("original")) != neg)],
                _ => vec![opaque(&render_expr(m), false)],
            };
        }
        if let Some(fib) = left.get("fib") {
            let result = str_of(fib, "result");
            let flags = fib.get("flags").map(flag_names).unwrap_or_default();
            if result == "type" && flags.iter().any(|f| f == "daddr") {
                let types = self.strings(right).unwrap_or_default();
                let local = types.iter().any(|t| t == "local");
                return vec![Match::DstLocal { neg: local == neg }];
            }
            // Reverse-path checks (`fib saddr . iif oif missing drop`) pass for a client
            // whose address routes back through the interface it came in on.
            if result == "oif" || result == "oifname" {
                let missing = right.as_str() == Some("missing") || right == &Value::Bool(false);
                if missing {
                    return vec![Match::Const(neg)];
                }
            }
            return vec![opaque(&render_expr(m), false)];
        }
        let src = render_expr(left).contains("saddr");
        vec![opaque(&render_expr(m), src)]
    }

    fn proto(&self, right: &Value, neg: bool) -> Match {
        let vals = self.values(right).unwrap_or_default();
        let protos = vals
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => l4_number(s),
                Value::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
                _ => None,
            })
            .collect();
        Match::Proto { neg, protos }
    }
}

enum KeyKind {
    Dport,
    Iif,
    CtState,
    Other,
}

fn key_kind(key: &Value) -> KeyKind {
    if let Some(p) = key.get("payload")
        && str_of(p, "field") == "dport"
        && matches!(str_of(p, "protocol").as_str(), "tcp" | "th")
    {
        return KeyKind::Dport;
    }
    if let Some(m) = key.get("meta")
        && matches!(str_of(m, "key").as_str(), "iifname" | "iif")
    {
        return KeyKind::Iif;
    }
    if let Some(c) = key.get("ct")
        && str_of(c, "key") == "state"
    {
        return KeyKind::CtState;
    }
    KeyKind::Other
}

fn verdict_of(v: &Value) -> Option<Action> {
    let (k, body) = v.as_object()?.iter().next()?;
    Some(match k.as_str() {
        "accept" => Action::Accept,
        "drop" => Action::Drop,
        "reject" => Action::Reject(reject_kind(body)),
        "return" => Action::Return,
        "continue" => Action::Continue,
        "jump" => Action::Jump(str_of(body, "target")),
        "goto" => Action::Goto(str_of(body, "target")),
        other => Action::Unknown(other.to_string()),
    })
}

fn reject_kind(v: &Value) -> Option<String> {
    let ty = v.get("type").and_then(Value::as_str)?;
    Some(match v.get("expr").and_then(Value::as_str) {
        Some(e) => format!("{ty} {e}"),
        None => ty.to_string(),
    })
}

fn port(v: &Value) -> Option<u16> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.parse().ok().or_else(|| service_port(s)),
        _ => None,
    }
}

/// The few service names nft may print instead of numbers.
fn service_port(s: &str) -> Option<u16> {
    Some(match s {
        "ssh" => 22,
        "http" => 80,
        "https" => 443,
        "smtp" => 25,
        "domain" => 53,
        "ftp" => 21,
        "mysql" => 3306,
        "postgresql" => 5432,
        "http-alt" => 8080,
        _ => return None,
    })
}

fn flag_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Value::Object(o) => o
            .get("|")
            .map(flag_names)
            .or_else(|| o.get("set").map(flag_names))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Renders a rule's expressions back into nft syntax (close enough to read; used only
/// when the `nft -a` text is not available).
pub fn render(exprs: &[Value]) -> String {
    exprs
        .iter()
        .filter_map(|e| {
            let (k, v) = e.as_object()?.iter().next()?;
            Some(match k.as_str() {
                "match" => {
                    let op = v.get("op").and_then(Value::as_str).unwrap_or("==");
                    let l = v.get("left").map(render_expr).unwrap_or_default();
                    let r = v.get("right").map(render_expr).unwrap_or_default();
                    if op == "==" || op == "in" {
                        format!("{l} {r}")
                    } else {
                        format!("{l} {op} {r}")
                    }
                }
                "counter" => "counter".into(),
                "accept" | "drop" | "return" | "continue" => k.clone(),
                "reject" => match reject_kind(v) {
                    Some(t) => format!("reject with {t}"),
                    None => "reject".into(),
                },
                "jump" | "goto" => format!("{k} {}", str_of(v, "target")),
                "vmap" => format!(
                    "{} vmap {}",
                    v.get("key").map(render_expr).unwrap_or_default(),
                    v.get("data").map(render_expr).unwrap_or_default()
                ),
                other => other.to_string(),
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn render_expr(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(a) => a.iter().map(render_expr).collect::<Vec<_>>().join(","),
        Value::Object(o) => {
            if let Some(p) = o.get("payload") {
                return format!("{} {}", str_of(p, "protocol"), str_of(p, "field"));
            }
            if let Some(m) = o.get("meta") {
                return format!("meta {}", str_of(m, "key"));
            }
            if let Some(c) = o.get("ct") {
                return format!("ct {}", str_of(c, "key"));
            }
            if let Some(s) = o.get("set") {
                return format!("{{ {} }}", render_expr(s).replace(',', ", "));
            }
            if let Some(r) = o.get("range").and_then(Value::as_array) {
                return r.iter().map(render_expr).collect::<Vec<_>>().join("-");
            }
            if let Some(p) = o.get("prefix") {
                return format!(
                    "{}/{}",
                    p.get("addr").map(render_expr).unwrap_or_default(),
                    p.get("len").map(render_expr).unwrap_or_default()
                );
            }
            if let Some(f) = o.get("fib") {
                return format!("fib {}", str_of(f, "result"));
            }
            if let Some((k, v)) = o.iter().next() {
                return format!("{k} {}", render_expr(v));
            }
            String::new()
        }
        Value::Null => String::new(),
    }
}
