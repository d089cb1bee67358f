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

/// The consent register the consent rules' fixtures share (`testdata/rules/shared/consent`),
/// with no consent withdrawn yet:
/// `retire_le`, the policy's `withdrawn_at`, is NULL in every row, so `unused-column` fires.
fn consent_unfilled() -> (String, String) {
    let dir = format!(
        "{}/testdata/rules/shared/consent",
        env!("CARGO_MANIFEST_DIR")
    );
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    (
        format!(
            "{}\nUPDATE consentements SET retire_le = NULL;\n",
            read("schema.sql")
        ),
        read("policy.toml"),
    )
}

fn consent_checks(r: &ScanReport) -> Vec<(String, vigie::finding::CheckStatus)> {
    r.checks
        .iter()
        .filter(|c| c.rules.iter().any(|x| x.starts_with("consent-")))
        .map(|c| (c.id.clone(), c.status))
        .collect()
}

fn consent_findings(r: &ScanReport) -> Vec<Row> {
    rows(r)
        .into_iter()
        .filter(|x| x.0.starts_with("consent-"))
        .collect()
}

/// Applying the whole remediation file never breaks the policy's own checks: a column the
/// policy reads (here the consent's `withdrawn_at`) is flagged, but neither dropped nor blanked.
fn assert_consent_checks_survive(before: &ScanReport, after: &ScanReport, script: &str) {
    let unused: Vec<_> = before
        .findings
        .iter()
        .filter(|f| f.rule == "unused-column" && f.column.as_deref() == Some("retire_le"))
        .collect();
    assert_eq!(unused.len(), 1, "{:?}", rows(before));
    let fix = unused[0].remediation.as_ref().unwrap();
    assert_eq!(
        fix.applicability,
        vigie::finding::Applicability::DisplayOnly
    );
    assert!(
        fix.sql.contains("`withdrawn_at`") && fix.sql.lines().all(|l| l.starts_with("--")),
        "{}",
        fix.sql
    );
    assert!(!script.contains("DROP COLUMN \"retire_le\""), "{script}");
    let checks = consent_checks(before);
    assert!(checks.len() >= 5, "{checks:?}");
    assert!(
        checks
            .iter()
            .all(|(_, s)| *s == vigie::finding::CheckStatus::Ok),
        "{checks:?}"
    );
    assert_eq!(consent_checks(after), checks);
    assert_eq!(consent_findings(after), consent_findings(before));
}

#[test]
fn the_remediation_file_keeps_the_consent_columns_sqlite() {
    let (sql, policy) = consent_unfilled();
    let (_dir, path) = sqlite_fixture(&sql);
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(&policy, &url, AS_OF);
    let script = vigie::report::remediation_script(&before);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script)
        .unwrap();
    let after = scan_text(&policy, &url, AS_OF);
    assert_consent_checks_survive(&before, &after, &script);
}

#[test]
fn the_remediation_file_keeps_the_consent_columns_postgres() {
    let (sql, policy) = consent_unfilled();
    let Some(url) = pg_fixture("keep_consent", &sql) else {
        return;
    };
    let before = scan_text(&policy, &url, AS_OF);
    let script = vigie::report::remediation_script(&before);
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute(&script)
        .unwrap();
    let after = scan_text(&policy, &url, AS_OF);
    assert_consent_checks_survive(&before, &after, &script);
}

/// The file opens with every finding, whether SQL follows for it, and what to do when none
/// does.
#[test]
fn the_remediation_file_lists_every_finding_first() {
    let (sql, policy) = consent_unfilled();
    let (_dir, path) = sqlite_fixture(&sql);
    let url = format!("sqlite://{}", path.display());
    let report = scan_text(&policy, &url, AS_OF);
    let script = vigie::report::remediation_script(&report);
    let header: Vec<&str> = script
        .lines()
        .skip_while(|l| !l.starts_with("-- Findings ("))
        .skip(1)
        .take_while(|l| l.starts_with("--   "))
        .collect();
    assert_eq!(header.len(), report.findings.len(), "{script}");
    assert!(
        script.contains(&format!("-- Findings ({}):\n", report.findings.len())),
        "{script}"
    );
    for (line, f) in header.iter().zip(&report.findings) {
        let object = f.object().map(|o| format!(" {o}")).unwrap_or_default();
        assert!(
            line.starts_with(&format!("--   {}{object}, {}: ", f.rule, f.count)),
            "{line}"
        );
        let has_sql = f
            .remediation
            .as_ref()
            .is_some_and(|r| r.sql.lines().any(|l| !l.starts_with("--") && !l.is_empty()));
        if has_sql {
            assert!(line.ends_with(": SQL below"), "{line}");
        } else {
            assert!(
                line.contains(": no SQL") && line.contains(". Instead: "),
                "{line}"
            );
        }
    }
    assert!(
        header.iter().any(|l| l.starts_with(
            "--   unused-column consentements.retire_le, 17: no SQL (guidance in comments below). Instead: fill it"
        )),
        "{header:?}"
    );
    // No proposal at all: the rule's documented remediation, first sentence.
    assert!(
        header.contains(
            &"--   consent-missing abonnements, 3: no SQL. Instead: Stop the processing for these rows until a consent is collected, and fix the path that let them in (an import, a form, a bought list)."
        ),
        "{header:?}"
    );
}

/// MySQL and MariaDB commit DDL at once: every ALTER/DROP comes after the data changes, in a
/// section that says it cannot be rolled back, and the file still runs whole.
#[test]
fn mariadb_ddl_comes_last_marked_not_transactional() {
    let dir = format!(
        "{}/testdata/rules/card-security-code",
        env!("CARGO_MANIFEST_DIR")
    );
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let Some(url) = mysql_fixture("ddl_last", &read("schema.sql")) else {
        return;
    };
    let policy = read("policy.toml");
    let before = scan_text(&policy, &url, AS_OF);
    assert!(!of_rule(&before, "card-security-code").is_empty());
    let script = vigie::report::remediation_script(&before);
    let section = script
        .find("-- Schema changes (ALTER/DROP), after the data changes above: NOT TRANSACTIONAL.")
        .unwrap_or_else(|| panic!("{script}"));
    let statement_at = |word: &str| -> Vec<usize> {
        let mut at = 0;
        script
            .lines()
            .filter_map(|l| {
                let here = at;
                at += l.len() + 1;
                l.starts_with(word).then_some(here)
            })
            .collect()
    };
    let ddl = statement_at("ALTER TABLE");
    assert!(!ddl.is_empty(), "{script}");
    assert!(ddl.iter().all(|&i| i > section), "{script}");
    assert!(
        statement_at("UPDATE").iter().all(|&i| i < section),
        "{script}"
    );
    mysql_exec(&url, &script).unwrap();
    let after = scan_text(&policy, &url, AS_OF);
    assert!(of_rule(&after, "card-security-code").is_empty(), "{script}");
}

/// Two findings may propose the same `DROP COLUMN` (a CVV column that no row fills is also
/// unused): the whole remediation file applies on the transactional backends too, the second
/// block saying it was done above.
#[test]
fn a_shared_drop_is_written_once_on_sqlite_and_postgres() {
    let dir = format!(
        "{}/testdata/rules/card-security-code",
        env!("CARGO_MANIFEST_DIR")
    );
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let (schema, policy) = (read("schema.sql"), read("policy.toml"));
    let (_dir, path) = sqlite_fixture(&schema);
    let lite = format!("sqlite://{}", path.display());
    let before = scan_text(&policy, &lite, AS_OF);
    assert!(!of_rule(&before, "card-security-code").is_empty());
    let script = vigie::report::remediation_script(&before);
    let drops: Vec<&str> = script
        .lines()
        .filter(|l| l.starts_with("ALTER TABLE") && l.contains("DROP COLUMN"))
        .collect();
    let mut unique = drops.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(drops.len(), unique.len(), "{script}");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script)
        .unwrap_or_else(|e| panic!("{e}\n{script}"));
    let after = scan_text(&policy, &lite, AS_OF);
    assert!(of_rule(&after, "card-security-code").is_empty(), "{script}");

    let Some(url) = pg_fixture("shared_drop", &schema) else {
        return;
    };
    let before = scan_text(&policy, &url, AS_OF);
    let script = vigie::report::remediation_script(&before);
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute(&script)
        .unwrap_or_else(|e| panic!("{e}\n{script}"));
    let after = scan_text(&policy, &url, AS_OF);
    assert!(of_rule(&after, "card-security-code").is_empty(), "{script}");
}

/// A comment flagged in several categories gets one statement, not one per category: the file
/// sets each flagged row of the column to NULL once, its key list wrapped to stay readable;
/// applied, it empties exactly the flagged rows.
#[test]
fn a_row_flagged_in_several_categories_gets_one_statement() {
    let mut sql = String::from("CREATE TABLE notes (id INTEGER PRIMARY KEY, commentaire TEXT);\n");
    for i in 1..=30 {
        let text = match i % 3 {
            0 => "Dossier complet, rendez-vous pris pour lundi.",
            1 => "Quel abruti, et en plus il est en dépression.",
            _ => "Suivi pour une dépression depuis mars.",
        };
        sql.push_str(&format!("INSERT INTO notes VALUES ({i}, '{text}');\n"));
    }
    sql.push_str("INSERT INTO notes VALUES (31, 'Vraiment un abruti au téléphone.');\n");
    let policy = "[free_text]\ncolumns = [\"notes.commentaire\"]\n";
    let (_dir, path) = sqlite_fixture(&sql);
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(policy, &url, AS_OF);
    let flagged: Vec<(String, u64)> = before
        .findings
        .iter()
        .map(|f| (f.category.clone().unwrap_or_default(), f.count))
        .collect();
    assert_eq!(
        flagged,
        [("insult".to_string(), 11), ("health".to_string(), 20)],
        "{flagged:?}"
    );
    let script = vigie::report::remediation_script(&before);
    let updates: Vec<&str> = script.lines().filter(|l| l.starts_with("UPDATE")).collect();
    assert_eq!(updates.len(), 1, "{script}");
    assert!(
        script.contains("-- 21 distinct row(s) flagged in 2 categories"),
        "{script}"
    );
    assert!(script.lines().all(|l| l.len() <= 200), "{script}");
    let keys: Vec<&str> = script
        .split_once("IN (")
        .and_then(|(_, rest)| rest.split_once(");"))
        .map(|(list, _)| list.split(',').map(str::trim).collect())
        .unwrap_or_default();
    let expected: Vec<String> = (1..=31)
        .filter(|i| i % 3 != 0)
        .map(|i| i.to_string())
        .collect();
    assert_eq!(keys, expected);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&script).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM notes WHERE commentaire IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 10);
    let after = scan_text(policy, &url, AS_OF);
    assert!(after.findings.is_empty(), "{:?}", rows(&after));
}
