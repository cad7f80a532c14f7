//! The firewall evaluator: would this machine's packet filter let a NEW TCP connection
//! to a port in, drop it, or reject it — and which rule decides?
//!
//! It is pure: it works on rulesets already parsed from `nft -j list ruleset`
//! ([`nft`]) and `iptables-save` / `ip6tables-save` ([`ipt`]) text, and never runs a
//! command or reads a file. The caller describes one packet (family, input interface,
//! destination address and port, optionally the client's address) and gets a
//! [`Decision`] naming the deciding rule by table, chain, position and text.
//!
//! It models the shapes people actually write: base chains on the ingress, prerouting
//! and input hooks ordered by priority, chain policies, protocol and port matches
//! (single values, ranges, anonymous and named sets, verdict maps), interface and
//! address matches, conntrack state (a first SYN is `new`), TCP flag tests, jumps,
//! gotos and returns. What it does not understand it does not guess: such a rule is
//! skipped and reported as a caveat beside the decision, as are rules that depend on
//! the client's address when that address is unknown.
//!
//! Not modelled: NAT (a DNAT in prerouting that moves the port), packet marks set by
//! earlier rules, rate limits beyond "the first packet passes", and policy routing.

pub mod ipt;
pub mod nft;

use std::net::IpAddr;

use serde::Serialize;

/// Where a ruleset came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// `nft -j list ruleset`.
    Nftables,
    /// `iptables-legacy-save` / `ip6tables-legacy-save` (x_tables, not visible to nft).
    IptablesLegacy,
    /// `iptables-nft-save`: the iptables syntax over nf_tables. The same tables also
    /// show up in `nft -j`, where their xt matches are opaque; this text is preferred.
    IptablesNft,
}

impl Source {
    pub fn id(self) -> &'static str {
        match self {
            Source::Nftables => "nftables",
            Source::IptablesLegacy => "iptables-legacy",
            Source::IptablesNft => "iptables-nft",
        }
    }
}

/// Address family of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Ip,
    Ip6,
    Inet,
    Netdev,
    /// bridge, arp: never on the path of a TCP packet to a local socket.
    Other,
}

impl Family {
    pub fn parse(s: &str) -> Family {
        match s {
            "ip" => Family::Ip,
            "ip6" => Family::Ip6,
            "inet" => Family::Inet,
            "netdev" => Family::Netdev,
            _ => Family::Other,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Family::Ip => "ip",
            Family::Ip6 => "ip6",
            Family::Inet => "inet",
            Family::Netdev => "netdev",
            Family::Other => "other",
        }
    }

    fn sees(self, v6: bool) -> bool {
        match self {
            Family::Ip => !v6,
            Family::Ip6 => v6,
            Family::Inet | Family::Netdev => true,
            Family::Other => false,
        }
    }
}

/// The netfilter hooks an incoming packet crosses, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hook {
    Ingress,
    Prerouting,
    Input,
    /// forward, output, postrouting: not on the way to a local socket.
    Other,
}

impl Hook {
    pub fn parse(s: &str) -> Hook {
        match s {
            "ingress" => Hook::Ingress,
            "prerouting" => Hook::Prerouting,
            "input" => Hook::Input,
            _ => Hook::Other,
        }
    }
}

/// A base chain's attachment to a hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    pub hook: Hook,
    pub priority: i32,
    /// The chain's policy: true = accept (the default), false = drop.
    pub policy_accept: bool,
    /// `filter`, `nat`, `route`: only filter chains are evaluated, as NAT chains
    /// rewrite rather than decide.
    pub kind: String,
    /// For netdev ingress chains: the device(s) they are attached to.
    pub devices: Vec<String>,
    /// Packets the policy decided (`iptables-save` prints them; nft has no policy
    /// counter), for `audit --watch` to tell which drop moved.
    pub policy_packets: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub source: Source,
    pub family: Family,
    pub table: String,
    pub name: String,
    pub base: Option<Base>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// 1-based position in its chain, as `iptables -L --line-numbers` counts.
    pub position: u32,
    /// The nftables handle (`nft -a`), for `nft delete rule ... handle N`.
    pub handle: Option<u64>,
    /// The rule as its tool prints it.
    pub text: String,
    /// All must match for the action to run.
    pub matches: Vec<Match>,
    pub action: Action,
    /// The rule's packet counter (`counter` in nft, `iptables-save -c`), when it has one.
    pub packets: Option<u64>,
}

impl Rule {
    /// Whether the rule may match `p`: no condition rules it out (conditions that
    /// depend on what the evaluator cannot see count as "may").
    pub fn may_match(&self, p: &Packet) -> bool {
        self.matches.iter().all(|m| m.eval(p) != Tri::No)
    }

    /// Whether it drops or rejects what it matches.
    pub fn blocks(&self) -> bool {
        matches!(self.action, Action::Drop | Action::Reject(_))
    }
}

/// A closed interval of ports or protocol numbers.
pub type Range = (u16, u16);

/// An address prefix: `10.0.0.0/8`, `2001:db8::/32`, a single address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Net {
    pub addr: IpAddr,
    pub len: u8,
}

impl Net {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let len = u32::from(self.len.min(32));
                let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let len = u32::from(self.len.min(128));
                let mask = if len == 0 {
                    0
                } else {
                    u128::MAX << (128 - len)
                };
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }

    /// Parses `10.0.0.0/8` or a bare address.
    pub fn parse(s: &str) -> Option<Net> {
        let (a, l) = s.split_once('/').unwrap_or((s, ""));
        let addr: IpAddr = a.parse().ok()?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let len = if l.is_empty() {
            max
        } else if let Ok(n) = l.parse::<u8>() {
            n
        } else {
            // iptables may print a dotted netmask: 10.0.0.0/255.0.0.0.
            match l.parse::<IpAddr>().ok()? {
                IpAddr::V4(m) => u8::try_from(u32::from(m).count_ones()).ok()?,
                IpAddr::V6(m) => u8::try_from(u128::from(m).count_ones()).ok()?,
            }
        };
        (len <= max).then_some(Net { addr, len })
    }
}

/// Connection-tracking states; a connection's first SYN is `New`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtState {
    New,
    Established,
    Related,
    Invalid,
    Untracked,
}

impl CtState {
    pub fn parse(s: &str) -> Option<CtState> {
        Some(match s.to_ascii_lowercase().as_str() {
            "new" => CtState::New,
            "established" => CtState::Established,
            "related" => CtState::Related,
            "invalid" => CtState::Invalid,
            "untracked" => CtState::Untracked,
            _ => return None,
        })
    }
}

/// One condition of a rule. `neg` inverts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// Layer-4 protocol numbers (6 = TCP).
    Proto {
        neg: bool,
        protos: Vec<u8>,
    },
    /// The rule only applies to one address family (`meta nfproto ipv4`, `ip saddr` ...).
    Family {
        v6: bool,
    },
    Dport {
        neg: bool,
        ports: Vec<Range>,
    },
    /// Source port: the client picks it, so a match on it depends on the client.
    Sport,
    Saddr {
        neg: bool,
        nets: Vec<Net>,
    },
    Daddr {
        neg: bool,
        nets: Vec<Net>,
    },
    /// Input interface names; a trailing `+` (iptables) or `*` (nft) is a wildcard.
    Iif {
        neg: bool,
        names: Vec<String>,
    },
    /// Output interface: unset on the way in, so `-o eth0` never matches.
    Oif {
        neg: bool,
    },
    Ct {
        neg: bool,
        states: Vec<CtState>,
    },
    /// `tcp flags & (fin|syn|rst|ack) == syn`, `--syn`: true for a first SYN.
    SynOnly {
        neg: bool,
    },
    /// `fib daddr type local`, `-m addrtype --dst-type LOCAL`.
    DstLocal {
        neg: bool,
    },
    /// A named set whose elements were not in the dump, an ipset, a mark: depends on
    /// things the evaluator cannot see.
    Opaque {
        what: String,
        source_dependent: bool,
    },
    /// Always true (limits: the first packet passes) or always false.
    Const(bool),
}

/// What a rule does when it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Accept,
    Drop,
    /// `reject with ...`; the payload is the kind (`tcp reset`, `icmpx admin-prohibited`).
    Reject(Option<String>),
    Jump(String),
    Goto(String),
    Return,
    /// Counters, logs, marks: the packet goes on to the next rule.
    Continue,
    /// A verdict map keyed by the destination port.
    DportMap(Vec<(Vec<Range>, Action)>),
    /// A verdict map keyed by the input interface name.
    IifMap(Vec<(String, Action)>),
    /// A verdict map keyed by conntrack state.
    CtMap(Vec<(CtState, Action)>),
    /// A verdict map the evaluator cannot look up (by source address, a concatenation).
    OpaqueMap(String),
    /// Queue to user space and the like: the outcome is decided elsewhere.
    Unknown(String),
}

/// The packet the evaluator follows: the first SYN of a new connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub v6: bool,
    /// Input interface name.
    pub iif: String,
    pub daddr: IpAddr,
    pub dport: u16,
    /// The client's address; `None` means "some address on the internet", and rules
    /// that test it are reported as caveats.
    pub saddr: Option<IpAddr>,
}

const TCP: u8 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    /// Depends on the client's address or port.
    Source,
    /// Depends on something the evaluator does not model.
    Unknown,
}

impl Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::Yes } else { Tri::No }
    }

    fn neg(self, neg: bool) -> Tri {
        match (self, neg) {
            (Tri::Yes, true) => Tri::No,
            (Tri::No, true) => Tri::Yes,
            (t, _) => t,
        }
    }
}

fn iface_matches(pattern: &str, name: &str) -> bool {
    match pattern
        .strip_suffix('+')
        .or_else(|| pattern.strip_suffix('*'))
    {
        Some(prefix) => name.starts_with(prefix),
        None => pattern == name,
    }
}

fn in_ranges(v: u16, ranges: &[Range]) -> bool {
    ranges.iter().any(|(lo, hi)| *lo <= v && v <= *hi)
}

impl Match {
    fn eval(&self, p: &Packet) -> Tri {
        match self {
            Match::Proto { neg, protos } => Tri::from(protos.contains(&TCP)).neg(*neg),
            Match::Family { v6 } => Tri::from(*v6 == p.v6),
            Match::Dport { neg, ports } => Tri::from(in_ranges(p.dport, ports)).neg(*neg),
            Match::Sport => Tri::Source,
            Match::Saddr { neg, nets } => match p.saddr {
                Some(ip) => Tri::from(nets.iter().any(|n| n.contains(ip))).neg(*neg),
                None => Tri::Source,
            },
            Match::Daddr { neg, nets } => {
                Tri::from(nets.iter().any(|n| n.contains(p.daddr))).neg(*neg)
            }
            Match::Iif { neg, names } => {
                Tri::from(names.iter().any(|n| iface_matches(n, &p.iif))).neg(*neg)
            }
            Match::Oif { neg } => Tri::from(*neg),
            Match::Ct { neg, states } => Tri::from(states.contains(&CtState::New)).neg(*neg),
            Match::SynOnly { neg } => Tri::from(!neg),
            Match::DstLocal { neg } => Tri::from(!neg),
            Match::Opaque {
                source_dependent, ..
            } => {
                if *source_dependent {
                    Tri::Source
                } else {
                    Tri::Unknown
                }
            }
            Match::Const(b) => Tri::from(*b),
        }
    }
}

/// The outcome for one packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Accept,
    Drop,
    Reject,
    /// Queued to user space or otherwise decided outside the ruleset.
    Unknown,
}

/// A rule (or a chain policy) named in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleRef {
    pub source: Source,
    pub family: Family,
    pub table: String,
    pub chain: String,
    /// 1-based position in the chain; 0 for the chain's policy.
    pub position: u32,
    pub handle: Option<u64>,
    /// The rule's text, or `policy drop` / `policy accept`.
    pub text: String,
    /// The chain's base hook, when it is a base chain ("input", "prerouting", ...).
    pub hook: Option<String>,
}

impl RuleRef {
    pub fn is_policy(&self) -> bool {
        self.position == 0
    }

    /// `inet filter input` / `filter INPUT` as the tool names the chain.
    pub fn chain_label(&self) -> String {
        match self.source {
            Source::Nftables => format!("{} {} {}", self.family.id(), self.table, self.chain),
            Source::IptablesLegacy | Source::IptablesNft => {
                format!("{} {}", self.table, self.chain)
            }
        }
    }
}

/// Why a rule was passed over without being applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaveatKind {
    /// It tests the client's address or port, which is not known.
    SourceDependent,
    /// It uses a match the evaluator does not model.
    NotUnderstood,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caveat {
    pub kind: CaveatKind,
    pub rule: RuleRef,
    /// What the rule would do if it matched (`accept`, `drop`, `reject`, `jump`...).
    pub would: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub verdict: Verdict,
    /// The rule that decided: the drop/reject, or the accept (or policy) that let the
    /// packet through the chain where it mattered. `None` when no chain is on the path.
    pub rule: Option<RuleRef>,
    /// For a reject: how (`tcp reset`, `icmp port-unreachable`, ...).
    pub reject_with: Option<String>,
    /// Base chains the packet went through, as `family table chain`.
    pub chains: Vec<String>,
    pub caveats: Vec<Caveat>,
    /// The walk stopped at a loop or at the step limit.
    pub truncated: bool,
}

/// A whole ruleset from one or more sources, to evaluate together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ruleset {
    pub chains: Vec<Chain>,
}

impl Ruleset {
    pub fn extend(&mut self, other: Ruleset) {
        self.chains.extend(other.chains);
    }

    pub fn is_empty(&self) -> bool {
        self.chains.is_empty()
    }

    fn find(&self, from: &Chain, name: &str) -> Option<&Chain> {
        self.chains.iter().find(|c| {
            c.source == from.source
                && c.family == from.family
                && c.table == from.table
                && c.name == name
        })
    }

    /// Base chains an incoming packet to a local socket crosses, in hook order.
    fn path(&self, p: &Packet) -> Vec<&Chain> {
        let mut v: Vec<&Chain> = self
            .chains
            .iter()
            .filter(|c| c.family.sees(p.v6))
            .filter(|c| {
                c.base.as_ref().is_some_and(|b| {
                    b.kind == "filter"
                        && match b.hook {
                            Hook::Prerouting | Hook::Input => c.family != Family::Netdev,
                            Hook::Ingress => {
                                b.devices.is_empty()
                                    || b.devices.iter().any(|d| iface_matches(d, &p.iif))
                            }
                            Hook::Other => false,
                        }
                })
            })
            .collect();
        v.sort_by_key(|c| c.base.as_ref().map(|b| (b.hook, b.priority)));
        v
    }

    /// Follows `p` through every base chain on its way in. The first drop or reject
    /// decides; an accept only ends the chain it is in, and the next base chain still
    /// sees the packet (netfilter semantics).
    pub fn evaluate(&self, p: &Packet) -> Decision {
        let mut d = Decision {
            verdict: Verdict::Accept,
            rule: None,
            reject_with: None,
            chains: Vec::new(),
            caveats: Vec::new(),
            truncated: false,
        };
        // The accept worth naming: one in a chain whose policy would have dropped.
        let mut accept_in_drop_chain: Option<RuleRef> = None;
        let mut first_accept: Option<RuleRef> = None;
        for base in self.path(p) {
            d.chains
                .push(format!("{} {} {}", base.family.id(), base.table, base.name));
            let out = self.walk(base, p, &mut d);
            match out.verdict {
                Verdict::Accept => {
                    let policy_drop = base.base.as_ref().is_some_and(|b| !b.policy_accept);
                    if policy_drop && accept_in_drop_chain.is_none() {
                        accept_in_drop_chain = Some(out.rule.clone());
                    }
                    if first_accept.is_none() {
                        first_accept = Some(out.rule);
                    }
                }
                v => {
                    d.verdict = v;
                    d.rule = Some(out.rule);
                    d.reject_with = out.reject_with;
                    return d;
                }
            }
        }
        d.rule = accept_in_drop_chain.or(first_accept);
        d
    }

    /// Walks one base chain with its jumps; returns its verdict and the rule that gave it.
    fn walk(&self, base: &Chain, p: &Packet, d: &mut Decision) -> Outcome {
        // Jumps push a return point; a goto replaces the current frame.
        let mut stack: Vec<(&Chain, usize)> = vec![(base, 0)];
        let mut steps = 0usize;
        while let Some((chain, idx)) = stack.pop() {
            let Some(rule) = chain.rules.get(idx) else {
                // End of a chain: a base chain applies its policy, others return.
                if std::ptr::eq(chain, base) || stack.is_empty() {
                    return policy_outcome(base);
                }
                continue;
            };
            steps += 1;
            if steps > MAX_STEPS || stack.len() > MAX_DEPTH {
                d.truncated = true;
                return policy_outcome(base);
            }
            let verdict = rule
                .matches
                .iter()
                .map(|m| m.eval(p))
                .fold(Tri::Yes, |acc, t| match (acc, t) {
                    (Tri::No, _) | (_, Tri::No) => Tri::No,
                    (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
                    (Tri::Source, _) | (_, Tri::Source) => Tri::Source,
                    _ => Tri::Yes,
                });
            let next = (chain, idx + 1);
            match verdict {
                Tri::No => stack.push(next),
                Tri::Source | Tri::Unknown => {
                    if !matches!(rule.action, Action::Continue) {
                        d.caveats.push(Caveat {
                            kind: if verdict == Tri::Source {
                                CaveatKind::SourceDependent
                            } else {
                                CaveatKind::NotUnderstood
                            },
                            rule: rule_ref(chain, rule),
                            would: action_name(&rule.action),
                        });
                    }
                    stack.push(next);
                }
                Tri::Yes => {
                    let action = resolve(&rule.action, p, chain, rule, d);
                    match action {
                        Some(Action::Accept) => return Outcome::new(Verdict::Accept, chain, rule),
                        Some(Action::Drop) => return Outcome::new(Verdict::Drop, chain, rule),
                        Some(Action::Reject(with)) => {
                            let mut o = Outcome::new(Verdict::Reject, chain, rule);
                            o.reject_with = Some(with.unwrap_or_else(|| default_reject(chain)));
                            return o;
                        }
                        Some(Action::Unknown(_)) => {
                            return Outcome::new(Verdict::Unknown, chain, rule);
                        }
                        Some(Action::Jump(target)) => {
                            stack.push(next);
                            match self.find(chain, &target) {
                                Some(c) => stack.push((c, 0)),
                                None => d.truncated = true,
                            }
                        }
                        Some(Action::Goto(target)) => match self.find(chain, &target) {
                            Some(c) => stack.push((c, 0)),
                            None => d.truncated = true,
                        },
                        Some(Action::Return) => {
                            if std::ptr::eq(chain, base) && stack.is_empty() {
                                return policy_outcome(base);
                            }
                        }
                        // Continue, or a map that had no entry for this packet.
                        _ => stack.push(next),
                    }
                }
            }
        }
        policy_outcome(base)
    }
}

/// Loops (a chain jumping to itself through others) and absurd rulesets stop here.
const MAX_STEPS: usize = 100_000;
const MAX_DEPTH: usize = 64;

struct Outcome {
    verdict: Verdict,
    rule: RuleRef,
    reject_with: Option<String>,
}

impl Outcome {
    fn new(verdict: Verdict, chain: &Chain, rule: &Rule) -> Outcome {
        Outcome {
            verdict,
            rule: rule_ref(chain, rule),
            reject_with: None,
        }
    }
}

fn policy_outcome(base: &Chain) -> Outcome {
    let accept = base.base.as_ref().is_none_or(|b| b.policy_accept);
    Outcome {
        verdict: if accept {
            Verdict::Accept
        } else {
            Verdict::Drop
        },
        rule: RuleRef {
            source: base.source,
            family: base.family,
            table: base.table.clone(),
            chain: base.name.clone(),
            position: 0,
            handle: None,
            text: if accept {
                "policy accept".into()
            } else {
                "policy drop".into()
            },
            hook: base.base.as_ref().map(|b| hook_name(b.hook)),
        },
        reject_with: None,
    }
}

fn hook_name(h: Hook) -> String {
    match h {
        Hook::Ingress => "ingress",
        Hook::Prerouting => "prerouting",
        Hook::Input => "input",
        Hook::Other => "other",
    }
    .to_string()
}

fn rule_ref(chain: &Chain, rule: &Rule) -> RuleRef {
    RuleRef {
        source: chain.source,
        family: chain.family,
        table: chain.table.clone(),
        chain: chain.name.clone(),
        position: rule.position,
        handle: rule.handle,
        text: rule.text.clone(),
        hook: chain.base.as_ref().map(|b| hook_name(b.hook)),
    }
}

/// iptables' REJECT answers with icmp port-unreachable unless told otherwise; nft's
/// bare `reject` does the same for the packet's family.
fn default_reject(chain: &Chain) -> String {
    match chain.source {
        Source::Nftables => "icmp port-unreachable".into(),
        _ => "icmp-port-unreachable".into(),
    }
}

fn action_name(a: &Action) -> String {
    match a {
        Action::Accept => "accept".into(),
        Action::Drop => "drop".into(),
        Action::Reject(_) => "reject".into(),
        Action::Jump(t) => format!("jump {t}"),
        Action::Goto(t) => format!("goto {t}"),
        Action::Return => "return".into(),
        Action::Continue => "continue".into(),
        Action::DportMap(_) | Action::IifMap(_) | Action::CtMap(_) | Action::OpaqueMap(_) => {
            "vmap".into()
        }
        Action::Unknown(s) => s.clone(),
    }
}

/// Looks verdict maps up for this packet; other actions pass through.
fn resolve(a: &Action, p: &Packet, chain: &Chain, rule: &Rule, d: &mut Decision) -> Option<Action> {
    match a {
        Action::DportMap(entries) => entries
            .iter()
            .find(|(r, _)| in_ranges(p.dport, r))
            .map(|(_, a)| a.clone()),
        Action::IifMap(entries) => entries
            .iter()
            .find(|(n, _)| iface_matches(n, &p.iif))
            .map(|(_, a)| a.clone()),
        Action::CtMap(entries) => entries
            .iter()
            .find(|(s, _)| *s == CtState::New)
            .map(|(_, a)| a.clone()),
        Action::OpaqueMap(_) => {
            d.caveats.push(Caveat {
                kind: CaveatKind::NotUnderstood,
                rule: rule_ref(chain, rule),
                would: "vmap".into(),
            });
            None
        }
        other => Some(other.clone()),
    }
}

/// A drop or reject (a rule, or a chain's drop policy) whose packet counter rose
/// between two readings of the same ruleset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub rule: RuleRef,
    pub delta: u64,
}

/// The blocking rules and drop policies that counted packets between `before` and
/// `after` and may match `p` (same chain, same position and text in both readings).
pub fn counters_moved(before: &Ruleset, after: &Ruleset, p: &Packet) -> Vec<Moved> {
    let mut out = Vec::new();
    for c in after.chains.iter().filter(|c| c.family.sees(p.v6)) {
        let Some(old) = before.chains.iter().find(|o| {
            o.source == c.source && o.family == c.family && o.table == c.table && o.name == c.name
        }) else {
            continue;
        };
        for r in c.rules.iter().filter(|r| r.blocks() && r.may_match(p)) {
            // nft's handle names a rule for its life (its text carries the counter's
            // values, which change); iptables rules are known by position and text.
            let prev = old
                .rules
                .iter()
                .find(|o| match (o.handle, r.handle) {
                    (Some(a), Some(b)) => a == b,
                    _ => o.position == r.position && o.text == r.text,
                })
                .and_then(|o| o.packets);
            if let (Some(a), Some(b)) = (prev, r.packets)
                && b > a
            {
                out.push(Moved {
                    rule: rule_ref(c, r),
                    delta: b - a,
                });
            }
        }
        if let (Some(b), Some(ob)) = (&c.base, &old.base)
            && !b.policy_accept
            && let (Some(x), Some(y)) = (ob.policy_packets, b.policy_packets)
            && y > x
        {
            out.push(Moved {
                rule: policy_outcome(c).rule,
                delta: y - x,
            });
        }
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.delta));
    out
}

/// Chains and tables that firewall managers and hosting panels create, by name: the
/// panel a drop in them belongs to.
pub fn manager_of(table: &str, chain: &str) -> Option<&'static str> {
    let lc = chain.to_ascii_lowercase();
    if lc.starts_with("ufw-") || lc.starts_with("ufw6-") {
        return Some("ufw");
    }
    if table == "firewalld" || chain.starts_with("filter_IN_") || chain.contains("_ZONES") {
        return Some("firewalld");
    }
    if matches!(
        chain,
        "LOCALINPUT" | "DENYIN" | "ALLOWIN" | "LOGDROPIN" | "GDENYIN" | "CC_DENY" | "PORTFLOOD"
    ) {
        return Some("ConfigServer Firewall (csf)");
    }
    if lc == "cphulk" {
        return Some("cPanel cPHulk");
    }
    if lc.starts_with("f2b-") || lc.starts_with("fail2ban-") {
        return Some("fail2ban");
    }
    if lc.starts_with("plesk") {
        return Some("Plesk Firewall");
    }
    // BT Panel / aaPanel and 1Panel drive ufw or firewalld rather than chains of their
    // own; audit --watch names them from their install paths beside the manager.
    None
}

impl Ruleset {
    /// The manager a drop by `r` belongs to: its own chain's name, or, for a base
    /// chain's policy, a manager's chain in the same table (ufw ends INPUT with its
    /// policy drop after jumping through its own chains).
    pub fn manager_of_rule(&self, r: &RuleRef) -> Option<&'static str> {
        manager_of(&r.table, &r.chain).or_else(|| {
            r.is_policy()
                .then(|| {
                    self.chains
                        .iter()
                        .filter(|c| {
                            c.source == r.source && c.family == r.family && c.table == r.table
                        })
                        .find_map(|c| manager_of(&c.table, &c.name))
                })
                .flatten()
        })
    }
}

#[cfg(test)]
mod tests;
