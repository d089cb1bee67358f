//! The JSON report, exactly the design's contract v1 (extra fields are additive).

use super::{by_severity, error_count};
use crate::i18n::Lang;
use crate::scan::ScanReport;
use serde_json::{Value, json};

/// The report with English messages.
pub fn render(report: &ScanReport) -> String {
    render_in(report, Lang::En)
}

/// The report with its messages in `lang`; every other field is the same in both languages.
pub fn render_in(report: &ScanReport, lang: Lang) -> String {
    let by_sev: serde_json::Map<String, Value> = by_severity(report)
        .into_iter()
        .rev()
        .map(|(s, n)| (s.as_str().to_string(), json!(n)))
        .collect();
    let problems: Vec<Value> = report
        .problems
        .iter()
        .map(|p| json!({"message": p.message, "line": p.line, "help": p.help}))
        .collect();
    let free_text: Vec<Value> = report
        .checks
        .iter()
        .filter(|c| c.id.starts_with("free-text:"))
        .map(|c| {
            json!({
                "column": c.id.trim_start_matches("free-text:"),
                "scanned": c.status == crate::finding::CheckStatus::Ok,
                "status": c.status,
                "why": c.reason_in(lang),
            })
        })
        .collect();
    let mut findings = serde_json::to_value(&report.findings).expect("findings serialise");
    if lang != Lang::En {
        if let Some(items) = findings.as_array_mut() {
            for (item, f) in items.iter_mut().zip(&report.findings) {
                item["message"] = json!(f.message_in(lang));
                item["legal_reference"] = json!(super::legal_reference(f, lang));
            }
        }
    }
    let mut checks = serde_json::to_value(&report.checks).expect("checks serialise");
    if let Some(items) = checks.as_array_mut() {
        for (item, c) in items.iter_mut().zip(&report.checks) {
            if let Some(reason) = c.reason_in(lang) {
                item["reason"] = json!(reason);
            }
        }
    }
    let value = json!({
        "tool": {"name": "vigie", "version": env!("CARGO_PKG_VERSION")},
        "as_of": report.as_of.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "target": {
            "dialect": report.target.dialect,
            "database": report.target.database,
            "server_version": report.target.server_version,
        },
        "policy": {"path": report.policy_path, "sha256": report.policy_sha256},
        "summary": {
            "findings": report.findings.len(),
            "by_severity": by_sev,
            "errors": error_count(report),
        },
        "lang": lang,
        "findings": findings,
        "checks": checks,
        "errors": report.errors(),
        "policy_problems": problems,
        "waived": report.waived,
        "free_text_columns": free_text,
    });
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serialises");
    s.push('\n');
    s
}
