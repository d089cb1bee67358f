//! The policy file as written: serde types with spans on everything a later check may blame.
//!
//! Nothing here is trusted; [`super::validate`] turns it into a [`super::Policy`].

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

/// A key that is one column or a list of columns (composite or polymorphic keys).
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

impl KeySpec {
    pub fn columns(&self) -> Vec<String> {
        match self {
            KeySpec::One(c) => vec![c.clone()],
            KeySpec::Many(cs) => cs.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    pub organisation: Option<RawOrganisation>,
    pub scan: Option<RawScan>,
    pub free_text: Option<RawFreeText>,
    #[serde(default)]
    pub subject: Vec<RawSubject>,
    #[serde(default)]
    pub purpose: Vec<RawPurpose>,
    pub requests: Option<RawRequests>,
    #[serde(default)]
    pub access: Vec<RawAccess>,
    #[serde(default)]
    pub check: Vec<RawCheck>,
    #[serde(default)]
    pub waiver: Vec<RawWaiver>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Option<S<String>>,
    pub controller: Option<S<String>>,
    pub dpo: Option<S<String>>,
    pub country: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScan {
    pub schemas: Option<Vec<S<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFreeText {
    #[serde(default)]
    pub columns: Vec<S<String>>,
    pub auto: Option<bool>,
    #[serde(default)]
    pub lexicons: Vec<S<String>>,
    #[serde(default)]
    pub extra_terms: Vec<RawExtraTerm>,
    #[serde(default)]
    pub ignore_terms: Vec<RawIgnoreTerm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtraTerm {
    pub term: S<String>,
    pub category: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIgnoreTerm {
    pub term: S<String>,
    pub reason: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubject {
    pub id: S<String>,
    pub table: S<String>,
    pub key: Option<S<KeySpec>>,
    pub birth_date: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPurpose {
    pub id: S<String>,
    pub title: Option<S<String>>,
    pub legal_basis: S<String>,
    #[serde(default)]
    pub subjects: Vec<S<String>>,
    #[serde(default)]
    pub data: Vec<S<String>>,
    #[serde(default)]
    pub retention: Vec<RawRetention>,
    pub consent: Option<RawConsent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRetention {
    pub table: S<String>,
    pub keep: S<String>,
    pub from: S<String>,
    pub then: Option<S<String>>,
    #[serde(default)]
    pub anonymise: Vec<S<String>>,
    #[serde(rename = "where")]
    pub where_: Option<S<String>>,
    pub reference: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConsent {
    pub table: S<String>,
    pub subject_key: S<KeySpec>,
    #[serde(rename = "where")]
    pub where_: Option<S<String>>,
    pub purpose_column: Option<S<String>>,
    pub purpose_value: Option<S<String>>,
    pub given_at: S<String>,
    pub withdrawn_at: Option<S<String>>,
    pub pre_ticked: Option<S<String>>,
    pub proof: Option<S<String>>,
    pub parental_consent: Option<S<String>>,
    pub processed: Option<RawProcessed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProcessed {
    pub table: S<String>,
    pub subject_key: S<KeySpec>,
    #[serde(rename = "where")]
    pub where_: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequests {
    pub table: S<String>,
    pub key: Option<S<String>>,
    pub received_at: S<String>,
    pub answered_at: S<String>,
    pub extended: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccess {
    pub role: S<String>,
    #[serde(default)]
    pub may_read: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    pub id: S<String>,
    pub title: Option<S<String>>,
    pub severity: Option<S<String>>,
    pub query: S<String>,
    pub remediation: Option<S<String>>,
    pub legal_reference: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWaiver {
    pub rule: S<String>,
    pub object: S<String>,
    pub reason: Option<S<String>>,
    pub expires: Option<S<String>>,
}

/// The keys each table of the file may hold, to report every unknown key at once (serde
/// would stop at the first).
pub fn allowed_keys(path: &str) -> Option<&'static [&'static str]> {
    Some(match path {
        "" => &[
            "organisation",
            "scan",
            "free_text",
            "subject",
            "purpose",
            "requests",
            "access",
            "check",
            "waiver",
        ],
        "organisation" => &["name", "controller", "dpo", "country"],
        "scan" => &["schemas"],
        "free_text" => &["columns", "auto", "lexicons", "extra_terms", "ignore_terms"],
        "free_text.extra_terms" => &["term", "category"],
        "free_text.ignore_terms" => &["term", "reason"],
        "subject" => &["id", "table", "key", "birth_date"],
        "purpose" => &[
            "id",
            "title",
            "legal_basis",
            "subjects",
            "data",
            "retention",
            "consent",
        ],
        "purpose.retention" => &[
            "table",
            "keep",
            "from",
            "then",
            "anonymise",
            "where",
            "reference",
        ],
        "purpose.consent" => &[
            "table",
            "subject_key",
            "where",
            "purpose_column",
            "purpose_value",
            "given_at",
            "withdrawn_at",
            "pre_ticked",
            "proof",
            "parental_consent",
            "processed",
        ],
        "purpose.consent.processed" => &["table", "subject_key", "where"],
        "requests" => &["table", "key", "received_at", "answered_at", "extended"],
        "access" => &["role", "may_read"],
        "check" => &[
            "id",
            "title",
            "severity",
            "query",
            "remediation",
            "legal_reference",
        ],
        "waiver" => &["rule", "object", "reason", "expires"],
        _ => return None,
    })
}
