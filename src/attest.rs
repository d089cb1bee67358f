//! `vigie attest`: a deletion certificate from two JSON scan reports of the same policy and
//! database, one before and one after a person ran the proposed remediation.
//!
//! The certificate is data ([`Certificate`]): per finding, matched by rule and location
//! (purpose, table, column, category), the count before and after, the SQL that was proposed;
//! both as-of instants; the policy's SHA-256; the SHA-256 of each report file. Its own SHA-256
//! is computed over that data as compact JSON with keys sorted (serde_json's order), so the
//! same two files always give the same hash, in every output format, and anyone can recompute
//! it from the JSON output: `jq -jcS .certificate certificate.json | sha256sum`.
//!
//! Two reports that do not describe the same policy and database, or an after-report older
//! than the before-report, are refused: the certificate would prove nothing.

use serde::Serialize;
use serde_json::Value;
use sha2::Digest;
use std::collections::BTreeMap;

/// Why two files cannot be attested; every message exists in French and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file is not a vigie JSON scan report (`which`: "--before" or "--after").
    NotAReport {
        which: &'static str,
        why: String,
    },
    OtherPolicy {
        before: String,
        after: String,
    },
    OtherTarget {
        before: String,
        after: String,
    },
    AfterIsOlder {
        before: String,
        after: String,
    },
}

impl Refusal {
    /// The message in French then in English, as vigie's users read it.
    pub fn messages(&self) -> [String; 2] {
        use crate::i18n::{Lang, tr};
        let (id, args): (&str, Vec<(&str, &dyn std::fmt::Display)>) = match self {
            Refusal::NotAReport { which, why } => {
                ("attest.not-a-report", vec![("which", which), ("why", why)])
            }
            Refusal::OtherPolicy { before, after } => (
                "attest.other-policy",
                vec![("before", before), ("after", after)],
            ),
            Refusal::OtherTarget { before, after } => (
                "attest.other-target",
                vec![("before", before), ("after", after)],
            ),
            Refusal::AfterIsOlder { before, after } => (
                "attest.after-older",
                vec![("before", before), ("after", after)],
            ),
        };
        [tr(Lang::Fr, id, &args), tr(Lang::En, id, &args)]
    }
}

/// One report as the certificate uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportRef {
    pub as_of: String,
    /// SHA-256 of the report file's bytes.
    pub sha256: String,
    pub findings: usize,
    /// Checks in error and policy problems: what the scan could not verify.
    pub errors: u64,
}

/// One finding, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord)]
pub struct Line {
    pub rule: String,
    pub purpose: Option<String>,
    pub table: Option<String>,
    pub column: Option<String>,
    pub category: Option<String>,
    pub severity: String,
    pub before: u64,
    pub after: u64,
    /// The SQL the before-report proposed (the one a person reviewed and ran).
    pub proposed_sql: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    pub dialect: String,
    pub database: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    pub path: String,
    pub sha256: String,
}

/// The certificate's data: everything its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    pub tool: String,
    pub policy: Policy,
    pub target: Target,
    pub before: ReportRef,
    pub after: ReportRef,
    pub findings: Vec<Line>,
    /// Rows still found after remediation, all findings together.
    pub remaining: u64,
    /// Rows found before, all findings together.
    pub found: u64,
    /// Rows found before and no longer found after: per finding, what its count went down by.
    pub gone: u64,
    /// Whether the after-scan ran every check: an incomplete scan proves no deletion.
    pub complete: bool,
}

/// A certificate and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attested {
    pub certificate: Certificate,
    pub sha256: String,
}

impl Certificate {
    /// Whether every finding is gone and the after-scan was complete.
    pub fn clean(&self) -> bool {
        self.complete && self.remaining == 0
    }
}

/// The hash recipe: SHA-256 of the certificate as compact JSON, keys sorted, UTF-8.
pub fn hash(c: &Certificate) -> String {
    let value = serde_json::to_value(c).expect("a certificate serialises");
    let text = serde_json::to_string(&value).expect("a JSON value serialises");
    format!("{:x}", sha2::Sha256::digest(text.as_bytes()))
}

struct Parsed {
    value: Value,
    sha256: String,
    as_of: jiff::Timestamp,
}

fn parse(bytes: &[u8], which: &'static str) -> Result<Parsed, Refusal> {
    let not = |why: &str| Refusal::NotAReport {
        which,
        why: why.to_string(),
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| not(&e.to_string()))?;
    if value.pointer("/tool/name").and_then(Value::as_str) != Some("vigie") {
        return Err(not("no tool.name \"vigie\""));
    }
    if !value.get("findings").is_some_and(Value::is_array) {
        return Err(not("no findings list"));
    }
    for field in ["/policy/sha256", "/target/dialect", "/target/database"] {
        if value.pointer(field).and_then(Value::as_str).is_none() {
            return Err(not(&format!("no {}", &field[1..].replace('/', "."))));
        }
    }
    let as_of = value
        .get("as_of")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<jiff::Timestamp>().ok())
        .ok_or_else(|| not("no as_of instant"))?;
    Ok(Parsed {
        value,
        sha256: format!("{:x}", sha2::Sha256::digest(bytes)),
        as_of,
    })
}

fn str_at(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

type Key = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn key(f: &Value) -> Key {
    let s = |k: &str| f.get(k).and_then(Value::as_str).map(str::to_string);
    (
        s("rule").unwrap_or_default(),
        s("purpose"),
        s("table"),
        s("column"),
        s("category"),
    )
}

fn findings(v: &Value) -> Vec<&Value> {
    v.get("findings")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Compare two reports (the bytes of their files) and make the certificate.
pub fn attest(before: &[u8], after: &[u8]) -> Result<Attested, Refusal> {
    let b = parse(before, "--before")?;
    let a = parse(after, "--after")?;
    let (bp, ap) = (
        str_at(&b.value, "/policy/sha256"),
        str_at(&a.value, "/policy/sha256"),
    );
    if bp != ap {
        return Err(Refusal::OtherPolicy {
            before: bp,
            after: ap,
        });
    }
    let target = |v: &Value| {
        format!(
            "{} {}",
            str_at(v, "/target/dialect"),
            str_at(v, "/target/database")
        )
    };
    if target(&b.value) != target(&a.value) {
        return Err(Refusal::OtherTarget {
            before: target(&b.value),
            after: target(&a.value),
        });
    }
    let as_of = |t: &jiff::Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    if a.as_of < b.as_of {
        return Err(Refusal::AfterIsOlder {
            before: as_of(&b.as_of),
            after: as_of(&a.as_of),
        });
    }
    let mut lines: BTreeMap<Key, Line> = BTreeMap::new();
    // The line of a finding's key, made on first sight in either report.
    fn line_of<'a>(lines: &'a mut BTreeMap<Key, Line>, f: &Value) -> &'a mut Line {
        let k = key(f);
        lines.entry(k.clone()).or_insert_with(|| Line {
            rule: k.0,
            purpose: k.1,
            table: k.2,
            column: k.3,
            category: k.4,
            severity: str_at(f, "/severity"),
            before: 0,
            after: 0,
            proposed_sql: None,
        })
    }
    for f in findings(&b.value) {
        let line = line_of(&mut lines, f);
        line.before += f.get("count").and_then(Value::as_u64).unwrap_or(0);
        if line.proposed_sql.is_none() {
            line.proposed_sql = f
                .pointer("/remediation/sql")
                .and_then(Value::as_str)
                .map(str::to_string);
        }
    }
    for f in findings(&a.value) {
        line_of(&mut lines, f).after += f.get("count").and_then(Value::as_u64).unwrap_or(0);
    }
    let errors = |v: &Value| {
        v.pointer("/summary/errors")
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    let report_ref = |p: &Parsed| ReportRef {
        as_of: as_of(&p.as_of),
        sha256: p.sha256.clone(),
        findings: findings(&p.value).len(),
        errors: errors(&p.value),
    };
    let findings: Vec<Line> = lines.into_values().collect();
    let certificate = Certificate {
        tool: format!("vigie {}", env!("CARGO_PKG_VERSION")),
        policy: Policy {
            path: str_at(&b.value, "/policy/path"),
            sha256: bp,
        },
        target: Target {
            dialect: str_at(&b.value, "/target/dialect"),
            database: str_at(&b.value, "/target/database"),
        },
        remaining: findings.iter().map(|l| l.after).sum(),
        found: findings.iter().map(|l| l.before).sum(),
        gone: findings
            .iter()
            .map(|l| l.before.saturating_sub(l.after))
            .sum(),
        complete: errors(&a.value) == 0,
        before: report_ref(&b),
        after: report_ref(&a),
        findings,
    };
    Ok(Attested {
        sha256: hash(&certificate),
        certificate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(as_of: &str, sha: &str, database: &str, findings: &str) -> Vec<u8> {
        format!(
            r#"{{"tool": {{"name": "vigie", "version": "0.1.0"}}, "as_of": "{as_of}",
               "target": {{"dialect": "sqlite", "database": "{database}", "server_version": "3"}},
               "policy": {{"path": "p.toml", "sha256": "{sha}"}},
               "summary": {{"findings": 0, "errors": 0}}, "findings": [{findings}]}}"#
        )
        .into_bytes()
    }

    const OLD: &str = r#"{"rule": "retention-exceeded", "severity": "high", "purpose": "p",
        "table": "t", "column": null, "category": null, "count": 3,
        "remediation": {"sql": "DELETE FROM t", "applicability": "review"}}"#;

    #[test]
    fn findings_are_matched_by_rule_and_location() {
        let before = report("2026-11-23T00:00:00Z", "aa", "d.db", OLD);
        let after = report(
            "2026-11-24T00:00:00Z",
            "aa",
            "d.db",
            &OLD.replace("\"count\": 3", "\"count\": 1"),
        );
        let a = attest(&before, &after).unwrap();
        let c = &a.certificate;
        assert_eq!(c.findings.len(), 1);
        let l = &c.findings[0];
        assert_eq!((l.before, l.after), (3, 1));
        assert_eq!(l.proposed_sql.as_deref(), Some("DELETE FROM t"));
        assert_eq!((c.found, c.gone, c.remaining), (3, 2, 1));
        assert!(c.complete && !c.clean());
        // The hash is the recipe's, and the same for the same bytes.
        let compact = serde_json::to_string(&serde_json::to_value(c).unwrap()).unwrap();
        assert_eq!(
            a.sha256,
            format!("{:x}", sha2::Sha256::digest(compact.as_bytes()))
        );
        assert_eq!(attest(&before, &after).unwrap().sha256, a.sha256);
        // A finding gone entirely is matched with nothing after.
        let gone = attest(&before, &report("2026-11-24T00:00:00Z", "aa", "d.db", "")).unwrap();
        assert_eq!(
            (gone.certificate.findings[0].after, gone.certificate.clean()),
            (0, true)
        );
        assert_ne!(gone.sha256, a.sha256);
    }

    #[test]
    fn reports_that_do_not_belong_together_are_refused() {
        let before = report("2026-11-23T00:00:00Z", "aa", "d.db", OLD);
        let refusal = |after: Vec<u8>| attest(&before, &after).unwrap_err();
        assert_eq!(
            refusal(report("2026-11-24T00:00:00Z", "bb", "d.db", "")),
            Refusal::OtherPolicy {
                before: "aa".into(),
                after: "bb".into()
            }
        );
        assert_eq!(
            refusal(report("2026-11-24T00:00:00Z", "aa", "e.db", "")),
            Refusal::OtherTarget {
                before: "sqlite d.db".into(),
                after: "sqlite e.db".into()
            }
        );
        assert_eq!(
            refusal(report("2026-11-22T00:00:00Z", "aa", "d.db", "")),
            Refusal::AfterIsOlder {
                before: "2026-11-23T00:00:00Z".into(),
                after: "2026-11-22T00:00:00Z".into()
            }
        );
        assert!(matches!(
            refusal(b"not json".to_vec()),
            Refusal::NotAReport {
                which: "--after",
                ..
            }
        ));
        assert!(matches!(
            refusal(br#"{"tool": {"name": "other"}, "findings": []}"#.to_vec()),
            Refusal::NotAReport {
                which: "--after",
                ..
            }
        ));
        let [fr, en] = Refusal::OtherPolicy {
            before: "aa".into(),
            after: "bb".into(),
        }
        .messages();
        assert_eq!(
            fr,
            "les deux rapports ne portent pas sur la même politique (SHA-256 aa avant, bb après) : analyser les deux fois avec le même fichier de politique"
        );
        assert_eq!(
            en,
            "the two reports are not of the same policy (SHA-256 aa before, bb after): scan both times with the same policy file"
        );
    }
}
