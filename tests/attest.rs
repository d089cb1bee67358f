//! `vigie attest` on a real remediation: a copy of a database is scanned, the person reviewing
//! the report runs the proposed SQL of the retention and card-code findings, the copy is
//! scanned again, and the certificate states each finding's counts before and after, with a
//! hash that the same two reports always give. Reports that do not belong together are refused
//! with exit 2, in French and English.
//!
//! On SQLite the database is the demo's; on PostgreSQL the rule fixture (the demo's seed is
//! SQLite's own SQL), in a scratch database dropped at the end.

mod common;
use assert_cmd::Command;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The findings whose proposed SQL the reviewer runs.
const REVIEWED: &[&str] = &["retention-exceeded", "card-cvv-stored"];

fn vigie() -> Command {
    Command::cargo_bin("vigie").unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `vigie scan URL --policy POLICY --format json` into `out`.
fn scan(url: &str, policy: &Path, as_of: Option<&str>, out: &Path) {
    let mut cmd = vigie();
    cmd.args(["scan", url, "--policy"])
        .arg(policy)
        .args(["--format", "json", "--output"])
        .arg(out)
        .current_dir(root());
    if let Some(a) = as_of {
        cmd.args(["--as-of", a]);
    }
    let o = cmd.output().unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
}

/// The SQL the before-report proposes for the reviewed findings, as the reviewer runs it.
fn reviewed_sql(report: &Path) -> String {
    let v: Value = serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| REVIEWED.contains(&f["rule"].as_str().unwrap()))
        .filter_map(|f| f["remediation"]["sql"].as_str().map(str::to_string))
        .collect::<Vec<_>>()
        .join("\n")
}

fn attest(before: &Path, after: &Path, format: &str) -> std::process::Output {
    vigie()
        .args(["attest", "--before"])
        .arg(before)
        .arg("--after")
        .arg(after)
        .args(["--format", format])
        .output()
        .unwrap()
}

type Line = (String, Option<String>, Option<String>, u64, u64);

/// (rule, table, category, before, after) of every line of a JSON certificate.
fn lines(cert: &Value) -> Vec<Line> {
    cert["certificate"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let s = |k: &str| l[k].as_str().map(str::to_string);
            (
                s("rule").unwrap(),
                s("table"),
                s("category"),
                l["before"].as_u64().unwrap(),
                l["after"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn line(rule: &str, table: Option<&str>, category: Option<&str>, before: u64, after: u64) -> Line {
    (
        rule.into(),
        table.map(Into::into),
        category.map(Into::into),
        before,
        after,
    )
}

/// Attest twice, check the hash is the same and recomputable, and return the certificate.
fn certificate(before: &Path, after: &Path) -> Value {
    let first = attest(before, after, "json");
    assert_eq!(first.status.code(), Some(1), "rows remain: {first:?}");
    let second = attest(before, after, "json");
    assert_eq!(
        first.stdout, second.stdout,
        "the same reports, the same certificate"
    );
    let cert: Value = serde_json::from_slice(&first.stdout).unwrap();
    // The recipe the certificate states: SHA-256 of the `certificate` object as compact JSON
    // with sorted keys.
    use sha2::Digest;
    let compact = serde_json::to_string(&cert["certificate"]).unwrap();
    assert_eq!(
        cert["sha256"].as_str().unwrap(),
        format!("{:x}", sha2::Sha256::digest(compact.as_bytes()))
    );
    // Markdown and HTML state the same hash.
    for format in ["markdown", "html"] {
        let out = attest(before, after, format);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(cert["sha256"].as_str().unwrap()),
            "{format}"
        );
    }
    cert
}

fn refused(before: &Path, after: &Path, french: &str, english: &str) {
    let out = attest(before, after, "markdown");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(french), "{err}");
    assert!(err.contains(english), "{err}");
}

#[test]
fn attest_a_remediation_of_the_demo_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    vigie::demo::build(&db).unwrap();
    let url = format!("sqlite://{}", db.display());
    let policy = root().join("policies/ecole.toml");
    let (before, after) = (
        dir.path().join("before.json"),
        dir.path().join("after.json"),
    );
    // The demo's dates are relative to today: both scans are as of now.
    scan(&url, &policy, None, &before);
    let sql = reviewed_sql(&before);
    assert_eq!(sql.matches("BEGIN;").count(), 4, "{sql}");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(&sql)
        .unwrap();
    scan(&url, &policy, None, &after);
    let cert = certificate(&before, &after);
    let c = &cert["certificate"];
    assert_eq!(c["target"]["dialect"], "sqlite");
    assert_eq!(c["target"]["database"], "copy.db");
    assert_eq!(c["policy"]["path"], policy.display().to_string());
    assert_eq!(c["complete"], true);
    let reviewed: Vec<Line> = lines(&cert)
        .into_iter()
        .filter(|l| REVIEWED.contains(&l.0.as_str()))
        .collect();
    assert_eq!(
        reviewed,
        [
            line("card-cvv-stored", None, None, 1, 0),
            line("retention-exceeded", Some("candidats"), None, 1, 0),
            line("retention-exceeded", Some("alumni"), None, 1, 0),
            line("retention-exceeded", Some("prospects"), None, 2, 0),
        ]
    );
    let sql_of = |rule: &str, table: &str| {
        c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rule"] == rule && l["table"] == table)
            .and_then(|l| l["proposed_sql"].as_str())
            .unwrap()
            .to_string()
    };
    assert!(sql_of("retention-exceeded", "prospects").contains("DELETE FROM \"prospects\""));
    assert!(sql_of("retention-exceeded", "alumni").contains("UPDATE \"alumni\" SET"));
    // Deleting the old prospects deletes their interactions (ON DELETE CASCADE) and the
    // comments the free-text rules read there; anonymising the old candidate blanks the only
    // comment of `candidats`, now an unused column like the nulled card codes. Every other
    // finding is the same before and after.
    let moved: Vec<Line> = lines(&cert)
        .into_iter()
        .filter(|l| !REVIEWED.contains(&l.0.as_str()) && l.3 != l.4)
        .collect();
    assert_eq!(
        moved,
        [
            line(
                "free-text-identifier",
                Some("interactions"),
                Some("iban"),
                1,
                0
            ),
            line(
                "free-text-judgement",
                Some("interactions"),
                Some("judgement"),
                1,
                0
            ),
            line(
                "free-text-sensitive",
                Some("candidats"),
                Some("religion"),
                1,
                0
            ),
            line("unused-column", Some("paiements"), None, 0, 2),
            line("unused-column", Some("candidats"), None, 0, 6),
        ]
    );
    assert_eq!(
        (
            c["found"].as_u64(),
            c["gone"].as_u64(),
            c["remaining"].as_u64()
        ),
        (Some(34), Some(8), Some(34))
    );

    // Reports that do not belong together. Both scans above may fall in the same second: the
    // older after-report is a scan as of an earlier day.
    let older = dir.path().join("older.json");
    scan(&url, &policy, Some("2026-01-05"), &older);
    refused(&before, &older, "le rapport d'après", "the after-report");
    let other_policy = dir.path().join("other.toml");
    std::fs::write(
        &other_policy,
        format!(
            "# another version\n{}",
            std::fs::read_to_string(&policy).unwrap()
        ),
    )
    .unwrap();
    let other = dir.path().join("other-policy.json");
    scan(&url, &other_policy, None, &other);
    refused(
        &before,
        &other,
        "ne portent pas sur la même politique",
        "not of the same policy",
    );
    let db2 = dir.path().join("other.db");
    vigie::demo::build(&db2).unwrap();
    let other = dir.path().join("other-target.json");
    scan(
        &format!("sqlite://{}", db2.display()),
        &policy,
        None,
        &other,
    );
    refused(
        &before,
        &other,
        "ne portent pas sur la même base (sqlite copy.db avant, sqlite other.db après)",
        "not of the same database (sqlite copy.db before, sqlite other.db after)",
    );
    let not_json = dir.path().join("notes.json");
    std::fs::write(&not_json, "{\"findings\": []}").unwrap();
    refused(
        &before,
        &not_json,
        "le fichier --after n'est pas un rapport d'analyse JSON de vigie",
        "the --after file is not a vigie JSON scan report",
    );
}

#[test]
fn attest_a_remediation_on_postgres() {
    let Some(url) = pg_fixture("attest", &fixture("rules.sql")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let policy = root().join("testdata/fixtures/rules.toml");
    let (before, after) = (
        dir.path().join("before.json"),
        dir.path().join("after.json"),
    );
    scan(&url, &policy, Some(AS_OF), &before);
    let sql = reviewed_sql(&before);
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute(&sql)
        .unwrap();
    // The after-scan is replayed at the same instant: a later one would count the rows whose
    // retention ended in between, which the certificate would rightly show as remaining.
    scan(&url, &policy, Some(AS_OF), &after);
    let cert = certificate(&before, &after);
    let c = &cert["certificate"];
    assert_eq!(c["target"]["dialect"], "postgres");
    assert_eq!(c["target"]["database"], url.db_name());
    assert_eq!(c["before"]["as_of"], "2026-11-23T00:00:00Z");
    assert_eq!(c["after"]["as_of"], "2026-11-23T00:00:00Z");
    let reviewed: Vec<Line> = lines(&cert)
        .into_iter()
        .filter(|l| REVIEWED.contains(&l.0.as_str()))
        .collect();
    assert_eq!(reviewed, expected_rules_fixture());
    // Nulling the card codes lowers the card-code column's finding (the column is still there)
    // and leaves the column unused; every other finding is the same before and after.
    let moved: Vec<Line> = lines(&cert)
        .into_iter()
        .filter(|l| !REVIEWED.contains(&l.0.as_str()) && l.3 != l.4)
        .collect();
    assert_eq!(
        moved,
        [
            line(
                "card-security-code",
                Some("paiements"),
                Some("card-security-code"),
                2,
                1
            ),
            line("unused-column", Some("paiements"), None, 0, 3),
        ]
    );
    assert_eq!(c["gone"].as_u64(), Some(6));
    // An after-report older than the before-report.
    let older = dir.path().join("older.json");
    scan(&url, &policy, Some("2026-11-22"), &older);
    refused(
        &before,
        &older,
        "le rapport d'après (2026-11-22T00:00:00Z) est antérieur au rapport d'avant (2026-11-23T00:00:00Z)",
        "the after-report (2026-11-22T00:00:00Z) is older than the before-report (2026-11-23T00:00:00Z)",
    );
}

fn expected_rules_fixture() -> Vec<Line> {
    vec![
        line("card-cvv-stored", None, None, 2, 0),
        line("retention-exceeded", Some("prospects"), None, 3, 0),
    ]
}

/// The demo school's seed, written for SQLite, for PostgreSQL: each date relative to today
/// (`date('now', '-5 years')`, `datetime('now', '-3 days')`) computed by PostgreSQL instead.
fn demo_on_postgres() -> String {
    let relative = regex::Regex::new(r"\b(date|datetime)\('now'((?:,\s*'[^']*')*)\)").unwrap();
    let shift = regex::Regex::new(r"'([^']*)'").unwrap();
    relative
        .replace_all(vigie::demo::SEED, |c: &regex::Captures| {
            let shifts: String = shift
                .captures_iter(&c[2])
                .map(|s| format!(" + interval '{}'", &s[1]))
                .collect();
            let format = if &c[1] == "date" {
                "YYYY-MM-DD"
            } else {
                "YYYY-MM-DD HH24:MI:SS"
            };
            format!("to_char(now(){shifts}, '{format}')")
        })
        .into_owned()
}

/// The same remediation of the demo school, on a copy of it in PostgreSQL: the reviewed
/// findings go to zero, with the same counts as on SQLite.
#[test]
fn attest_a_remediation_of_the_demo_on_postgres() {
    let Some(url) = pg_fixture("attest_demo", &demo_on_postgres()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let policy = root().join("policies/ecole.toml");
    let (before, after) = (
        dir.path().join("before.json"),
        dir.path().join("after.json"),
    );
    scan(&url, &policy, None, &before);
    let sql = reviewed_sql(&before);
    assert_eq!(sql.matches("BEGIN;").count(), 4, "{sql}");
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute(&sql)
        .unwrap();
    scan(&url, &policy, None, &after);
    let cert = certificate(&before, &after);
    let c = &cert["certificate"];
    assert_eq!(c["target"]["dialect"], "postgres");
    assert_eq!(c["target"]["database"], url.db_name());
    assert_eq!(c["complete"], true);
    let reviewed: Vec<Line> = lines(&cert)
        .into_iter()
        .filter(|l| REVIEWED.contains(&l.0.as_str()))
        .collect();
    assert_eq!(
        reviewed,
        [
            line("card-cvv-stored", None, None, 1, 0),
            line("retention-exceeded", Some("candidats"), None, 1, 0),
            line("retention-exceeded", Some("alumni"), None, 1, 0),
            line("retention-exceeded", Some("prospects"), None, 2, 0),
        ]
    );
}
