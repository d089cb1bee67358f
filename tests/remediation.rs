//! Remediation SQL deletes or anonymises exactly what was counted: applied to a copy of the
//! fixture, the next scan no longer has those findings and nothing else changed.

mod common;
use common::*;
use vigie::scan::ScanReport;

const FIXED: &[&str] = &["retention-exceeded", "card-cvv-stored"];

/// Rules that count the very values the fixes remove, so their counts follow: the CVV column
/// is still reported once its codes are nulled, and a column nulled in every row is unused.
const DEPENDENT: &[&str] = &["card-security-code", "unused-column"];

fn without_fixed(r: &ScanReport) -> Vec<Row> {
    rows(r)
        .into_iter()
        .filter(|row| !FIXED.contains(&row.0.as_str()) && !DEPENDENT.contains(&row.0.as_str()))
        .collect()
}

/// The remediation of the fixed rules only: the column rules' proposals (drop a column, null a
/// code) change the schema, and are tested on their own fixture (tests/minimisation.rs).
fn script_of_fixed(r: &ScanReport) -> String {
    r.findings
        .iter()
        .filter(|f| FIXED.contains(&f.rule.as_str()))
        .filter_map(|f| f.remediation.as_ref())
        .map(|x| x.sql.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_fixed(before: &ScanReport, after: &ScanReport) {
    for rule in FIXED {
        assert!(
            !of_rule(before, rule).is_empty(),
            "{rule} should be found first"
        );
        assert!(
            of_rule(after, rule).is_empty(),
            "{rule} still found after remediation"
        );
    }
    assert_eq!(without_fixed(before), without_fixed(after));
}

#[test]
fn remediation_cleans_sqlite() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(&fixture("rules.toml"), &url, AS_OF);
    let script = script_of_fixed(&before);
    assert!(script.contains(
        "DELETE FROM \"prospects\" WHERE \"id\" IN (SELECT t.\"id\" FROM \"prospects\" AS t WHERE"
    ));
    assert!(
        script.contains("'2026-11-23 00:00:00'"),
        "as-of must be a literal:\n{script}"
    );
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script)
        .unwrap();
    let after = scan_text(&fixture("rules.toml"), &url, AS_OF);
    assert_fixed(&before, &after);
}

#[test]
fn remediation_cleans_postgres() {
    let Some(url) = pg_fixture("remediation", &fixture("rules.sql")) else {
        return;
    };
    let before = scan_text(&fixture("rules.toml"), &url, AS_OF);
    let script = script_of_fixed(&before);
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute(&script)
        .unwrap();
    let after = scan_text(&fixture("rules.toml"), &url, AS_OF);
    assert_fixed(&before, &after);
}

#[test]
fn remediation_cleans_mariadb() {
    let Some(url) = mysql_fixture("remediation", &fixture("rules.sql")) else {
        return;
    };
    let before = scan_text(&fixture("rules.toml"), &url, AS_OF);
    let script = script_of_fixed(&before);
    // MySQL refuses LIMIT inside IN (…) and a subquery on the table being deleted from: the
    // batch is a derived table.
    assert!(
        script.contains("DELETE FROM `prospects` WHERE `id` IN (SELECT * FROM (SELECT t.`id` FROM `prospects` AS t WHERE"),
        "{script}"
    );
    assert!(script.contains("LIMIT 10000) AS batch);"), "{script}");
    assert!(script.contains("START TRANSACTION;"), "{script}");
    assert!(
        script.contains("CAST('2026-11-23 00:00:00' AS DATETIME(6))"),
        "as-of must be a literal:\n{script}"
    );
    mysql_exec(&url, &script).unwrap();
    let after = scan_text(&fixture("rules.toml"), &url, AS_OF);
    assert_fixed(&before, &after);
}

/// Every action (delete, anonymise, archive) in MySQL syntax, applied to MariaDB: the rows
/// counted are the rows changed.
#[test]
fn every_action_runs_on_mariadb() {
    let Some(url) = mysql_fixture("actions", &fixture("rules.sql")) else {
        return;
    };
    for (then, extra) in [("anonymise", "anonymise = [\"email\"]\n"), ("archive", "")] {
        let policy = fixture("rules.toml").replace(
            "from = \"dernier_contact\"\n",
            &format!("from = \"dernier_contact\"\nthen = \"{then}\"\n{extra}"),
        );
        let before = scan_text(&policy, &url, AS_OF);
        assert_eq!(
            of_rule(&before, "retention-exceeded"),
            vec![row(
                "retention-exceeded",
                Some("prospects"),
                3,
                &["2", "3", "7"]
            )],
            "{then}"
        );
        mysql_exec(&url, &vigie::report::remediation_script(&before)).unwrap();
        let after = scan_text(&policy, &url, AS_OF);
        assert!(of_rule(&after, "retention-exceeded").is_empty(), "{then}");
    }
    // Anonymised first (e-mail emptied, rows kept), then archived: moved, then deleted.
    let ids = |sql: &str| -> Vec<String> {
        mysql_rows(&url, sql)
            .into_iter()
            .map(|r| r[0].clone().unwrap_or_else(|| "NULL".into()))
            .collect()
    };
    assert_eq!(
        ids("SELECT id FROM archive_prospects ORDER BY id"),
        ["2", "3", "7"]
    );
    assert_eq!(
        ids("SELECT email FROM archive_prospects ORDER BY id"),
        ["NULL", "NULL", "NULL"]
    );
    assert_eq!(
        ids("SELECT id FROM prospects ORDER BY id"),
        ["1", "4", "5", "6"]
    );
}

/// The demo has `then = "anonymise"` retentions: anonymised rows stop being counted.
#[test]
fn anonymisation_remediation_cleans_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    vigie::demo::build(&path).unwrap();
    let url = format!("sqlite://{}", path.display());
    let policy = vigie::demo::POLICY;
    let opts = options("2030-01-01");
    let opts = vigie::engine::ScanOptions {
        as_of: jiff::Timestamp::now(),
        ..opts
    };
    let before = scan_with(policy, &url, &opts);
    let exceeded = of_rule(&before, "retention-exceeded");
    assert_eq!(exceeded.len(), 3, "{exceeded:?}");
    let script = script_of_fixed(&before);
    assert!(
        script.contains("UPDATE \"alumni\" SET \"email\" = NULL"),
        "{script}"
    );
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script)
        .unwrap();
    let after = scan_with(policy, &url, &opts);
    assert!(of_rule(&after, "retention-exceeded").is_empty());
    assert!(of_rule(&after, "card-cvv-stored").is_empty());
    // Anonymisation also blanks the comments the free-text rules read.
    let rest = |r: &ScanReport| {
        rows(r)
            .into_iter()
            .filter(|x| {
                !FIXED.contains(&x.0.as_str())
                    && !DEPENDENT.contains(&x.0.as_str())
                    && !x.0.starts_with("free-text-")
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(rest(&before), rest(&after));
}

#[test]
fn large_sets_are_batched() {
    use vigie::dialect::Dialect;
    use vigie::dialect::remediation::{Action, RowSet, render};
    let rows = RowSet {
        schema: None,
        table: "prospects".into(),
        key: vec!["id".into()],
        predicate: "t.\"x\" < 1".into(),
    };
    let sql = render(
        Dialect::Postgres,
        &["h".into()],
        &rows,
        &Action::Delete,
        25_000,
    );
    assert_eq!(sql.matches("DELETE FROM").count(), 3);
    assert_eq!(sql.matches("LIMIT 10000").count(), 3);
    assert!(sql.starts_with("-- h\n"));
    assert!(sql.contains("BEGIN;") && sql.trim_end().ends_with("COMMIT;"));
}
