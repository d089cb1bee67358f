//! The policy file as written: serde types with spans on everything a later check may blame.
//!
//! Nothing here is trusted: each section validates itself into its typed value (in the file of
//! the same name) and [`super::Policy`] gathers them. The keys each table may hold are read
//! from these types (`super::keys`), so a field added here is a key the policy accepts.

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
    #[serde(default)]
    pub trusted_functions: Vec<RawTrustedFunction>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Option<S<String>>,
    pub controller: Option<S<String>>,
    pub dpo: Option<S<String>>,
    pub country: Option<S<String>>,
    /// The representative in the Union of a controller established outside it (art. 27).
    pub representative: Option<S<String>>,
    pub joint_controllers: Option<Vec<RawJointController>>,
    pub processors: Option<Vec<RawProcessor>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawJointController {
    pub name: S<String>,
    pub contact: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProcessor {
    pub name: S<String>,
    pub service: Option<S<String>>,
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
    pub contact_details: Option<bool>,
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
    pub type_value: Option<S<String>>,
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
    #[serde(default)]
    pub sub_purposes: Vec<S<String>>,
    pub recipients: Option<Vec<RawRecipient>>,
    pub transfers: Option<Vec<RawTransfer>>,
    pub security_measures: Option<Vec<S<String>>>,
    pub data_subjects: Option<Vec<S<String>>>,
    pub data_categories: Option<Vec<S<String>>>,
    #[serde(default)]
    pub dpia_criteria: Vec<S<String>>,
    #[serde(default)]
    pub dpia_list: Vec<S<String>>,
    pub dpia: Option<RawDpia>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecipient {
    pub name: S<String>,
    pub kind: S<String>,
    pub country: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransfer {
    pub recipient: S<String>,
    pub country: S<String>,
    pub safeguard: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDpia {
    pub date: S<String>,
    pub reference: Option<S<String>>,
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
pub struct RawTrustedFunction {
    pub name: S<String>,
    pub reason: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWaiver {
    pub rule: S<String>,
    pub object: S<String>,
    pub reason: Option<S<String>>,
    pub expires: Option<S<String>>,
}
