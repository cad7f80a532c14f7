//! Findings: what the rules concluded. Ids and arguments only; the renderers turn
//! them into text through the locale files.

use std::collections::BTreeMap;

use serde::Serialize;

/// What the client saw (causes.md, "Symptoms").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Symptom {
    Ok,
    Refused,
    Timeout,
    Unreachable,
    AddrNotAvail,
    Dns,
    Local,
    Reset,
    Mismatch,
    Tls,
}

impl Symptom {
    pub fn id(self) -> &'static str {
        match self {
            Symptom::Ok => "ok",
            Symptom::Refused => "refused",
            Symptom::Timeout => "timeout",
            Symptom::Unreachable => "unreachable",
            Symptom::AddrNotAvail => "addr-not-avail",
            Symptom::Dns => "dns",
            Symptom::Local => "local",
            Symptom::Reset => "reset",
            Symptom::Mismatch => "mismatch",
            Symptom::Tls => "tls",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// A value for a message placeholder.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Str(String),
    Int(i64),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}
impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Arg::Int(i64::from(n))
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

pub type Args = BTreeMap<&'static str, Arg>;

/// A localisable message: a locale id and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Msg {
    pub id: &'static str,
    pub args: Args,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Args::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl Into<Arg>) -> Self {
        self.args.insert(k, v.into());
        self
    }
}

/// One cause with its confidence, the evidence behind it and the fix.
/// The title is locale id `cause-<id>` and the fix `fix-<id>` (dots become dashes),
/// both formatted with `args`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub confidence: Confidence,
    pub args: Args,
    pub evidence: Vec<Msg>,
}

impl Finding {
    pub fn new(id: &'static str, confidence: Confidence) -> Self {
        // Every id must be in the one table; tests run with debug assertions.
        debug_assert!(
            crate::cause::find(id).is_some(),
            "cause id {id} is not in cause::ALL"
        );
        Self {
            id,
            confidence,
            args: Args::new(),
            evidence: Vec::new(),
        }
    }

    pub fn arg(mut self, k: &'static str, v: impl Into<Arg>) -> Self {
        self.args.insert(k, v.into());
        self
    }

    pub fn because(mut self, m: Msg) -> Self {
        self.evidence.push(m);
        self
    }

    pub fn title_id(&self) -> String {
        format!("cause-{}", self.id.replace('.', "-"))
    }

    pub fn fix_id(&self) -> String {
        format!("fix-{}", self.id.replace('.', "-"))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub symptom: Symptom,
    pub causes: Vec<Finding>,
    /// Things worth fixing that did not stop this connection.
    pub warnings: Vec<Finding>,
}

impl Diagnosis {
    /// The connection works (no failure diagnosed); the CLI maps this to its exit
    /// status in one place (`cli::Outcome`).
    pub fn is_ok(&self) -> bool {
        self.symptom == Symptom::Ok
    }
}
