//! Baselines: a previous JSON report whose findings are already known, so that a team can
//! adopt vigie on a database with a backlog and fail CI only on what is new.
//!
//! A finding is known when a finding of the baseline has the same identity: rule, purpose,
//! table, column and category. Counts, sample keys and messages are left out on purpose: they
//! move from run to run (rows age, wording improves) while the problem stays the same one.
//!
//! The report is read as loose JSON rather than into the report's own types, so that a
//! baseline written by an older vigie (fewer or more keys) still loads.

use crate::finding::Finding;
use std::collections::BTreeSet;
use std::path::Path;

/// What makes two findings of two runs the same finding. A key absent from the report and an
/// empty one are the same.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Identity {
    pub rule: String,
    pub purpose: String,
    pub table: String,
    pub column: String,
    pub category: String,
}

impl Identity {
    pub fn of(finding: &Finding) -> Identity {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Identity {
            rule: finding.rule.clone(),
            purpose: text(&finding.purpose),
            table: text(&finding.table),
            column: text(&finding.column),
            category: text(&finding.category),
        }
    }
}

/// The identities of the findings of a previous report.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    known: BTreeSet<Identity>,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    #[error("{0}")]
    #[diagnostic(code(vigie::baseline::io))]
    Io(String),
    #[error("not a vigie JSON report ({0})")]
    #[diagnostic(
        code(vigie::baseline::format),
        help("give --baseline a report written by `vigie scan --format json`")
    )]
    NotAReport(String),
}

impl Baseline {
    /// Read a JSON report written by `vigie scan --format json`.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Io(e.to_string()))?;
        Baseline::from_json(&text)
    }

    /// The baseline held by the text of a JSON report.
    pub fn from_json(text: &str) -> Result<Baseline, BaselineError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| BaselineError::NotAReport(e.to_string()))?;
        let findings = value
            .get("findings")
            .and_then(|f| f.as_array())
            .ok_or_else(|| BaselineError::NotAReport("no `findings`".into()))?;
        let known = findings
            .iter()
            .map(|f| {
                let s = |k: &str| {
                    f.get(k)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                Identity {
                    rule: s("rule"),
                    purpose: s("purpose"),
                    table: s("table"),
                    column: s("column"),
                    category: s("category"),
                }
            })
            .collect();
        Ok(Baseline { known })
    }

    /// Whether this finding was already in the baseline.
    pub fn contains(&self, finding: &Finding) -> bool {
        self.known.contains(&Identity::of(finding))
    }

    /// How many distinct findings the baseline knows.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn finding(rule: &str, table: &str, column: Option<&str>) -> Finding {
        let mut f = Finding::new(rule, Severity::High, "", "message".into());
        f.purpose = Some("prospection".into());
        f.table = Some(table.into());
        f.column = column.map(str::to_string);
        f
    }

    const REPORT: &str = r#"{
        "tool": {"name": "vigie"},
        "findings": [
            {"rule": "retention-exceeded", "purpose": "prospection", "table": "prospects",
             "column": null, "category": null, "count": 3, "message": "3 rows"},
            {"rule": "card-cvv-stored", "purpose": "prospection", "table": "paiements",
             "column": "cvv", "count": 1}
        ]
    }"#;

    #[test]
    fn knows_findings_by_identity_not_by_count_or_message() {
        let b = Baseline::from_json(REPORT).unwrap();
        assert_eq!(b.len(), 2);
        let mut same = finding("retention-exceeded", "prospects", None);
        same.count = 40;
        same.message = "40 rows".into();
        assert!(b.contains(&same));
        // A key the report leaves out (`category` of the second finding) matches `None`.
        assert!(b.contains(&finding("card-cvv-stored", "paiements", Some("cvv"))));
    }

    #[test]
    fn another_table_column_or_rule_is_new() {
        let b = Baseline::from_json(REPORT).unwrap();
        assert!(!b.contains(&finding("retention-exceeded", "clients", None)));
        assert!(!b.contains(&finding("card-cvv-stored", "paiements", Some("cvc"))));
        assert!(!b.contains(&finding("consent-missing", "prospects", None)));
        let mut other_purpose = finding("retention-exceeded", "prospects", None);
        other_purpose.purpose = Some("facturation".into());
        assert!(!b.contains(&other_purpose));
    }

    #[test]
    fn identity_fields_are_not_joined_into_one_string() {
        // `a|b` + `c` and `a` + `b|c` were one identity when identities were joined with `|`.
        let b =
            Baseline::from_json(r#"{"findings": [{"rule": "r", "purpose": "a|b", "table": "c"}]}"#)
                .unwrap();
        let mut f = Finding::new("r", Severity::Low, "", String::new());
        f.purpose = Some("a".into());
        f.table = Some("b|c".into());
        assert!(!b.contains(&f));
        f.purpose = Some("a|b".into());
        f.table = Some("c".into());
        assert!(b.contains(&f));
    }

    #[test]
    fn rejects_what_is_not_a_report() {
        let e = Baseline::from_json(r#"{"x": 1}"#).unwrap_err();
        assert_eq!(e.to_string(), "not a vigie JSON report (no `findings`)");
        let e = Baseline::from_json("nope").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("not a vigie JSON report (expected ident"),
            "{e}"
        );
        let e = Baseline::load(Path::new("/nonexistent/baseline.json")).unwrap_err();
        assert!(matches!(e, BaselineError::Io(_)), "{e:?}");
    }

    #[test]
    fn an_empty_report_knows_nothing() {
        let b = Baseline::from_json(r#"{"findings": []}"#).unwrap();
        assert!(b.is_empty());
        assert!(!b.contains(&finding("retention-exceeded", "prospects", None)));
    }
}
