//! What a scan found, independent of how it is printed.
//!
//! A [`Finding`] carries counts and primary keys, never a column value: the report emitters
//! can only leak what is here, so keeping personal data out of this type keeps it out of every
//! output format at once.

use crate::i18n::{Lang, Message};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Severity of a finding, ordered from least to most serious.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much trust a proposed fix deserves (ruff's model): vigie never runs it either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Mechanically correct, still to be read before running.
    Safe,
    /// Needs a person's judgement (deletion of rows, rewriting comments).
    Review,
    /// Shown as guidance only; not meant to be run as is.
    DisplayOnly,
}

/// SQL proposed to correct a finding: never run by vigie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Remediation {
    pub sql: String,
    pub applicability: Applicability,
}

/// How often one lexicon term matched, for free-text findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, PartialOrd, Ord, JsonSchema)]
pub struct TermCount {
    pub term: String,
    pub count: u64,
}

/// One violation: a rule, where, how many rows, and which (by primary key, never by value).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    /// A built-in rule id (`vigie rules`) or the id of a `[[check]]` of the policy.
    pub rule: String,
    pub severity: Severity,
    /// The purpose of processing (`[[purpose]]` id) the finding belongs to, if any.
    pub purpose: Option<String>,
    /// The table, as findings name it (`name`, or `schema.name` out of the default schema).
    pub table: Option<String>,
    pub column: Option<String>,
    /// For free-text and sensitive-data findings: what was matched (health, nir, …).
    pub category: Option<String>,
    /// Rows concerned (for a finding on a column or a setting: 1).
    pub count: u64,
    /// Primary keys of some of the rows (hashed where the key is itself personal data).
    pub sample_keys: Vec<String>,
    /// What was found, in the report's language (`lang`).
    pub message: String,
    /// The legal reference, in the report's language.
    pub legal_reference: String,
    pub remediation: Option<Remediation>,
    /// The statement that counted the rows, to re-run by hand.
    pub query: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<TermCount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<String>,
    /// The line of the policy file that states what this finding is about, for a finding that
    /// names no table (a `[[check]]` of the policy, a `[[waiver]]`): where a reader looks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_line: Option<usize>,
    /// The rows this finding's fix sets a column to NULL in, so that the remediation file
    /// writes one statement per row and column whichever categories flagged it.
    #[serde(skip)]
    pub blank: Option<BlankRows>,
    /// The message as catalogue data, so that a report renders it in its language; `message`
    /// is its English text. `None` for a message written by the policy's author.
    #[serde(skip)]
    pub text: Option<Message>,
}

/// The order of row keys in reports and fixes: as numbers when both are numbers, so samples
/// read 2, 10 and not 10, 2; as text otherwise.
pub fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<i128>(), b.parse::<i128>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

/// Rows chosen by key whose column a fix sets to NULL, as SQL already quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlankRows {
    pub table: String,
    pub column: String,
    pub key: String,
    /// Key literals, in key order.
    pub keys: Vec<String>,
}

impl Finding {
    /// A finding with its identity and message; counts, keys and location are filled in by
    /// the caller.
    pub fn new(rule: &str, severity: Severity, legal_reference: &str, message: String) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            purpose: None,
            table: None,
            column: None,
            category: None,
            count: 0,
            sample_keys: Vec::new(),
            message,
            legal_reference: legal_reference.to_string(),
            remediation: None,
            query: None,
            terms: Vec::new(),
            excerpts: Vec::new(),
            policy_line: None,
            blank: None,
            text: None,
        }
    }

    /// A finding whose message comes from the catalogues.
    pub fn from_text(
        rule: &str,
        severity: Severity,
        legal_reference: &str,
        text: Message,
    ) -> Finding {
        let mut f = Finding::new(rule, severity, legal_reference, text.render(Lang::En));
        f.text = Some(text);
        f
    }

    /// Replace the message, keeping `message` its English text.
    pub fn set_text(&mut self, text: Message) {
        self.message = text.render(Lang::En);
        self.text = Some(text);
    }

    /// Set the argument `name` of the message (a count known once the check ran).
    pub fn set_arg(&mut self, name: &'static str, value: impl Into<crate::i18n::Arg>) {
        if let Some(t) = &mut self.text {
            t.set(name, value);
            self.message = t.render(Lang::En);
        }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) => t.render(lang),
            None => self.message.clone(),
        }
    }

    /// The object a waiver names: `table.column`, `table`, or nothing.
    pub fn object(&self) -> Option<String> {
        match (&self.table, &self.column) {
            (Some(t), Some(c)) => Some(format!("{t}.{c}")),
            (Some(t), None) => Some(t.clone()),
            _ => None,
        }
    }

    /// Stable order for output: parallel runs must print identically.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            std::cmp::Reverse(self.severity),
            &self.rule,
            &self.purpose,
            &self.table,
            &self.column,
            &self.category,
            &self.message,
        )
    }
}

pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// How a check ended. A check that could not run is never a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Ok,
    Error,
    Skipped,
}

/// How one check ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CheckOutcome {
    /// `rule:purpose:table` and the like: unique in a report.
    pub id: String,
    /// Every rule id the check may yield: a waiver on any of them was verified when the
    /// check ended `ok`.
    pub rules: Vec<String>,
    pub status: CheckStatus,
    pub duration_ms: u64,
    /// Why the check ended `error` or `skipped`, in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `reason` as catalogue data, when it is one of vigie's notes.
    #[serde(skip)]
    pub note: Option<Message>,
    /// The statement the check ran, as shown to a person (evidence and method); not in the
    /// JSON, whose findings carry their own `query`.
    #[serde(skip)]
    pub sql: Option<String>,
}

impl CheckOutcome {
    /// The reason in `lang`.
    pub fn reason_in(&self, lang: Lang) -> Option<String> {
        match &self.note {
            Some(m) => Some(m.render(lang)),
            None => self.reason.clone(),
        }
    }
}
