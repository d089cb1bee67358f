//! GitLab Code Quality (the CodeClimate subset GitLab reads) for `vigie check-migrations
//! --format gitlab`: merge requests then show each finding on the changed line.
//!
//! GitLab matches findings across pipelines by `fingerprint`, so it must not change when a line
//! moves: it is the SHA-256 of the rule, file, table, column, category and message, plus a
//! counter for identical findings in one file.

use crate::finding::Severity;
use crate::migrations::gate::GateReport;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// GitLab's five levels: vigie's critical blocks, info stays info.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "blocker",
        Severity::High => "critical",
        Severity::Medium => "major",
        Severity::Low => "minor",
        Severity::Info => "info",
    }
}

fn fingerprint(parts: &[&str], seen: &mut HashMap<String, usize>) -> String {
    let key = parts.join("\u{1f}");
    let n = seen.entry(key.clone()).or_default();
    *n += 1;
    let digest = Sha256::digest(format!("{key}\u{1f}{n}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The gate's findings and input errors as a Code Quality report (a JSON array).
pub fn gate(report: &GateReport) -> String {
    gate_in(report, crate::i18n::Lang::En)
}

/// The same, its descriptions in `lang` (fingerprints do not depend on the language).
pub fn gate_in(report: &GateReport, lang: crate::i18n::Lang) -> String {
    let mut seen = HashMap::new();
    let mut items = Vec::new();
    for f in &report.findings {
        let parts = [
            f.rule.as_str(),
            f.file.as_str(),
            f.table.as_deref().unwrap_or(""),
            f.column_name.as_deref().unwrap_or(""),
            f.category.as_deref().unwrap_or(""),
            f.message.as_str(),
        ];
        items.push(json!({
            "description": format!("{}: {} — {}", f.rule, f.message_in(lang), f.help_in(lang)),
            "check_name": f.rule,
            "fingerprint": fingerprint(&parts, &mut seen),
            "severity": level(f.severity),
            "location": {"path": f.file, "lines": {"begin": f.line.max(1)}},
        }));
    }
    for e in &report.errors {
        let parts = ["vigie-error", e.file.as_str(), e.message.as_str()];
        items.push(json!({
            "description": e.message_in(lang),
            "check_name": "vigie-error",
            "fingerprint": fingerprint(&parts, &mut seen),
            "severity": "major",
            "location": {"path": e.file, "lines": {"begin": e.line.max(1)}},
        }));
    }
    let mut s = serde_json::to_string_pretty(&items).expect("JSON value");
    s.push('\n');
    s
}
