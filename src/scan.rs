//! What a scan found and how each check ended: the input of every report format.

use crate::db::TargetInfo;
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::policy::PolicyProblem;

/// A waiver that removed findings.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Waived {
    pub rule: String,
    pub object: String,
    pub reason: String,
    pub count: u64,
}

#[derive(Debug)]
pub struct ScanReport {
    pub as_of: jiff::Timestamp,
    pub target: TargetInfo,
    pub policy_path: String,
    pub policy_sha256: String,
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckOutcome>,
    pub waived: Vec<Waived>,
    /// Problems between the policy and the database (a table that does not exist …).
    pub problems: Vec<PolicyProblem>,
    /// The purpose each finding belongs to, with its title, for grouping.
    pub purposes: Vec<(String, String)>,
    /// Each table of the database by the name findings give it (`name`, or `schema.name` out
    /// of the default schema): its schema and primary key, so a report can say which columns
    /// a finding's sample keys are the values of, and where a finding is (`schema.table`).
    pub tables: std::collections::BTreeMap<String, TableKey>,
}

/// Where a table is and what identifies its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableKey {
    pub schema: Option<String>,
    pub primary_key: Vec<String>,
}

impl ScanReport {
    pub fn errors(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Error)
            .map(|c| format!("{}: {}", c.id, c.reason.clone().unwrap_or_default()))
            .collect()
    }
}
