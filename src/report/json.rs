//! The JSON report, exactly the design's contract v1 (extra fields are additive).
//!
//! The report is a Rust type, [`JsonReport`], so its JSON Schema is generated from the same
//! types that write it (`schemars`): `docs/report.schema.json`, checked by a test to be what
//! [`schema`] generates, and real reports are validated against it.

use super::{by_severity, error_count};
use crate::dialect::Dialect;
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::i18n::Lang;
use crate::scan::{ScanReport, Waived};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// A scan report of vigie, as `vigie scan --format json` writes it (contract v1; fields may be
/// added, none removed or renamed). Messages, legal references and reasons are in `lang`;
/// every other field is the same in both languages.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "vigie scan report")]
pub struct JsonReport {
    pub tool: Tool,
    /// The reference instant of every date comparison (`--as-of`), UTC.
    pub as_of: String,
    pub target: Target,
    pub policy: PolicyFile,
    pub summary: Summary,
    /// The language of the messages.
    pub lang: Lang,
    /// Every finding, most serious first, in a stable order.
    pub findings: Vec<Finding>,
    /// Every check the scan planned and how it ended.
    pub checks: Vec<CheckOutcome>,
    /// `check id: reason` of each check in error.
    pub errors: Vec<String>,
    /// Names of the policy the database does not have (each makes the exit code 2).
    pub policy_problems: Vec<PolicyProblem>,
    /// Waivers of the policy that removed findings, with the rows they removed.
    pub waived: Vec<Waived>,
    /// The free-text columns and whether each was read.
    pub free_text_columns: Vec<FreeTextColumn>,
}

#[derive(Serialize, JsonSchema)]
pub struct Tool {
    /// Always `vigie`.
    pub name: String,
    pub version: String,
}

/// The database scanned (its URL is not in the report: it may hold a user name).
#[derive(Serialize, JsonSchema)]
pub struct Target {
    pub dialect: Dialect,
    pub database: String,
    pub server_version: String,
}

#[derive(Serialize, JsonSchema)]
pub struct PolicyFile {
    pub path: String,
    /// SHA-256 of the policy file, hexadecimal.
    pub sha256: String,
}

#[derive(Serialize, JsonSchema)]
pub struct Summary {
    /// The number of findings.
    pub findings: usize,
    /// Findings by severity (`critical`, `high`, `medium`, `low`, `info`); absent severities
    /// are left out.
    pub by_severity: BTreeMap<String, u64>,
    /// Checks in error plus policy problems: the exit code is 2 when it is not 0.
    pub errors: usize,
}

/// A name of the policy the database does not have.
#[derive(Serialize, JsonSchema)]
pub struct PolicyProblem {
    pub message: String,
    /// The line of the policy file.
    pub line: usize,
    pub help: Option<String>,
}

/// A column scanned for free text, or why it was not.
#[derive(Serialize, JsonSchema)]
pub struct FreeTextColumn {
    /// `table.column`.
    pub column: String,
    pub scanned: bool,
    pub status: CheckStatus,
    /// Why it was not scanned, in the report's language.
    pub why: Option<String>,
}

impl JsonReport {
    /// The report with its messages in `lang`.
    pub fn new(report: &ScanReport, lang: Lang) -> JsonReport {
        let findings = report
            .findings
            .iter()
            .map(|f| {
                let mut f = f.clone();
                if lang != Lang::En {
                    f.message = f.message_in(lang);
                    f.legal_reference = super::legal_reference(&f, lang);
                }
                f
            })
            .collect();
        let checks = report
            .checks
            .iter()
            .map(|c| {
                let mut c = c.clone();
                if let Some(reason) = c.reason_in(lang) {
                    c.reason = Some(reason);
                }
                c
            })
            .collect();
        JsonReport {
            tool: Tool {
                name: "vigie".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            as_of: report.as_of.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            target: Target {
                dialect: report.target.dialect,
                database: report.target.database.clone(),
                server_version: report.target.server_version.clone(),
            },
            policy: PolicyFile {
                path: report.policy_path.clone(),
                sha256: report.policy_sha256.clone(),
            },
            summary: Summary {
                findings: report.findings.len(),
                by_severity: by_severity(report)
                    .into_iter()
                    .map(|(s, n)| (s.as_str().to_string(), n))
                    .collect(),
                errors: error_count(report),
            },
            lang,
            findings,
            checks,
            errors: report
                .checks
                .iter()
                .filter(|c| c.status == CheckStatus::Error)
                .map(|c| format!("{}: {}", c.id, c.reason_in(lang).unwrap_or_default()))
                .collect(),
            policy_problems: report
                .problems
                .iter()
                .map(|p| PolicyProblem {
                    message: p.message_in(lang),
                    line: p.line,
                    help: p.help.clone(),
                })
                .collect(),
            waived: report.waived.clone(),
            free_text_columns: report
                .checks
                .iter()
                .filter(|c| c.id.starts_with("free-text:"))
                .map(|c| FreeTextColumn {
                    column: c.id.trim_start_matches("free-text:").to_string(),
                    scanned: c.status == CheckStatus::Ok,
                    status: c.status,
                    why: c.reason_in(lang),
                })
                .collect(),
        }
    }
}

/// The report with English messages.
pub fn render(report: &ScanReport) -> String {
    render_in(report, Lang::En)
}

/// The report with its messages in `lang`; every other field is the same in both languages.
pub fn render_in(report: &ScanReport, lang: Lang) -> String {
    // Through a JSON value: its keys come out sorted, as they always have.
    let value = serde_json::to_value(JsonReport::new(report, lang)).expect("the report serialises");
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serialises");
    s.push('\n');
    s
}

/// The JSON Schema of [`JsonReport`], as `docs/report.schema.json` holds it.
pub fn schema() -> String {
    // The schema of what vigie writes (not of what it would read): a field skipped when empty
    // is optional, an `Option` is always there, null or not.
    let schema = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<JsonReport>();
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    s.push('\n');
    s
}
