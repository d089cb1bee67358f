//! Output formats: one file per format, each a function of the report alone.

pub mod discover;
pub mod gate;
pub mod human;
pub mod json;

use crate::finding::{CheckStatus, Severity};
use crate::scan::ScanReport;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// A scan report in one format. `color` applies to terminal formats only.
pub fn render(report: &ScanReport, format: Format, color: bool) -> String {
    match format {
        Format::Json => json::render(report),
        Format::Human => human::render(report, &human::Style { color }),
    }
}

/// Counts of findings by severity, most serious first.
pub fn by_severity(report: &ScanReport) -> BTreeMap<Severity, u64> {
    let mut m = BTreeMap::new();
    for f in &report.findings {
        *m.entry(f.severity).or_insert(0) += 1;
    }
    m
}

/// What could not be verified: checks in error, and references of the policy the database
/// does not have (each makes the exit code 2).
pub fn error_count(report: &ScanReport) -> usize {
    report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .count()
        + report.problems.len()
}

/// Every finding's remediation, one transaction each, for `--remediation FILE`.
pub fn remediation_script(report: &ScanReport) -> String {
    let mut out = format!(
        "-- vigie remediation proposals for {} (policy {}), as of {}\n-- Nothing here has been run. Read each block, adapt it, run it yourself.\n\n",
        report.target.url, report.policy_path, report.as_of
    );
    for f in &report.findings {
        if let Some(r) = &f.remediation {
            out.push_str(&r.sql);
            out.push('\n');
        }
    }
    out
}
