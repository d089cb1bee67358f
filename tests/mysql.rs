//! What only MySQL and MariaDB have: zero dates, `TINYINT(1)` booleans, tables without a
//! primary key, case- and accent-insensitive collations, `?` placeholders, the session's
//! settings and snapshot, time limits, and connection errors that say what to do.

mod common;
use assert_cmd::Command;
use common::*;
use std::time::Duration;

/// Legacy MySQL applications wrote zero dates; `sql_mode = ''` lets the fixture do the same.
const LEGACY_SQL: &str = r#"
SET SESSION sql_mode = '';
CREATE TABLE membres (
  id INT PRIMARY KEY,
  email VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'adresse de contact',
  derniere_visite DATE,
  actif TINYINT(1) NOT NULL DEFAULT 1,
  decision VARCHAR(20)
) COMMENT 'membres de l''association';
INSERT INTO membres VALUES
  (1, 'a@example.org', '0000-00-00', 1, 'REFUSE'),    -- zero date: anchor missing
  (2, 'b@example.org', '2019-00-10', 0, 'refusé'),    -- zero month: anchor missing
  (3, 'c@example.org', NULL, 1, 'Refusé'),            -- NULL: anchor missing
  (4, 'd@example.org', '2020-01-01', 1, 'accepté'),   -- exceeded
  (5, 'e@example.org', '2023-11-23', 0, NULL),        -- exactly 3 years: kept
  (6, 'f@example.org', '2026-01-01', 1, 'a?b');       -- recent; a literal question mark
CREATE TABLE journal (
  membre_id INT, evenement VARCHAR(50), le DATETIME
);
INSERT INTO journal VALUES
  (1, 'x', '2010-01-01 00:00:00'), (1, 'y', '2011-01-01 00:00:00'),
  (2, 'z', '0000-00-00 00:00:00'), (3, 'w', '2026-01-01 00:00:00'), (4, NULL, NULL);
CREATE TABLE inscriptions (
  membre_id INT, annee INT, note TEXT, PRIMARY KEY (annee, membre_id)
);
INSERT INTO inscriptions VALUES (1, 2024, NULL), (2, 2024, 'x');
"#;

const LEGACY_POLICY: &str = r#"
[[subject]]
id = "membre"
table = "membres"
key = "id"

[[purpose]]
id = "adhesion"
legal_basis = "contract"
subjects = ["membre"]
data = ["membres.email", "journal.evenement", "inscriptions.note"]

[[purpose.retention]]
table = "membres"
keep = "3y"
from = "derniere_visite"
where = "decision IS NULL OR decision <> 'x?y'"

[[purpose.retention]]
table = "journal"
keep = "1y"
from = "le"

[[purpose.retention]]
table = "inscriptions"
keep = "1y"
from = "note"

[[check]]
id = "inactive-members"
title = "TINYINT(1) read as a boolean"
query = "SELECT id FROM membres WHERE NOT actif"

[[check]]
id = "refused-members"
title = "The collation decides what equals"
query = "SELECT id FROM membres WHERE decision = 'refusé'"

[[check]]
id = "refused-members-exact"
title = "A binary collation compares exactly"
query = "SELECT id FROM membres WHERE decision = 'refusé' COLLATE utf8mb4_bin"

[[check]]
id = "question-mark-literal"
title = "A question mark in a literal is not a placeholder"
query = "SELECT id FROM membres WHERE decision = 'a?b'"
"#;

#[test]
fn zero_dates_null_anchors_booleans_and_tables_without_keys() {
    let Some(url) = mysql_fixture("legacy", LEGACY_SQL) else {
        return;
    };
    let report = scan_text(LEGACY_POLICY, &url, AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    let mut got = rows(&report);
    got.sort();
    let mut want = vec![
        // Zero dates are neither kept too long nor recent: their age is unknown.
        row("retention-exceeded", Some("membres"), 1, &["4"]),
        row(
            "retention-anchor-missing",
            Some("membres"),
            3,
            &["1", "2", "3"],
        ),
        // No primary key: the count is exact and there are no sample keys.
        row("retention-exceeded", Some("journal"), 2, &[]),
        row("retention-anchor-missing", Some("journal"), 2, &[]),
        // A text anchor that is not a date has no age either; composite keys read a,b.
        row(
            "retention-anchor-missing",
            Some("inscriptions"),
            2,
            &["2024,1", "2024,2"],
        ),
        row("inactive-members", None, 2, &["2", "5"]),
        // utf8mb4_general_ci: 'refusé' = 'REFUSE' = 'Refusé'.
        row("refused-members", None, 3, &["1", "2", "3"]),
        row("refused-members-exact", None, 1, &["2"]),
        row("question-mark-literal", None, 1, &["6"]),
    ];
    want.sort();
    assert_eq!(without_column_rules(got), want);
    let journal = report
        .findings
        .iter()
        .find(|f| f.rule == "retention-exceeded" && f.table.as_deref() == Some("journal"))
        .unwrap();
    // The remediation of a table without a key works on the predicate, in MySQL syntax.
    let fix = &journal.remediation.as_ref().unwrap().sql;
    assert!(fix.contains("DELETE t FROM `journal` AS t WHERE"), "{fix}");
    assert!(fix.starts_with("-- rule: retention-exceeded"), "{fix}");
    assert!(fix.contains("START TRANSACTION;"), "{fix}");
}

#[test]
fn introspection_reads_types_comments_keys_and_estimates() {
    let Some(url) = mysql_fixture("introspect", LEGACY_SQL) else {
        return;
    };
    let target = vigie::db::Target::parse(&url).unwrap();
    let (info, mut sessions) = vigie::db::open(&target, 1, Default::default()).unwrap();
    assert_eq!(info.dialect, vigie::dialect::Dialect::Mysql);
    let db = url.db_name().to_string();
    assert_eq!(info.database, db);
    let catalog = sessions[0].introspect(&[]).unwrap();
    sessions.pop().unwrap().close();
    let names: Vec<&str> = catalog.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["inscriptions", "journal", "membres"]);
    let membres = catalog.find_table("membres").unwrap();
    assert_eq!(membres.schema.as_deref(), Some(db.as_str()));
    assert_eq!(membres.comment.as_deref(), Some("membres de l'association"));
    assert_eq!(membres.primary_key, ["id"]);
    assert!(membres.row_estimate.is_some());
    let actif = membres.column("actif").unwrap();
    assert_eq!(actif.type_class(), vigie::catalog::TypeClass::Boolean);
    assert!(!actif.nullable);
    assert_eq!(actif.default.as_deref(), Some("1"));
    let email = membres.column("email").unwrap();
    assert_eq!(email.comment.as_deref(), Some("adresse de contact"));
    assert_eq!(email.data_type, "varchar(200)");
    let visite = membres.column("derniere_visite").unwrap();
    assert!(visite.nullable && visite.default.is_none());
    // Primary keys in key order, not column order.
    assert_eq!(
        catalog.find_table("inscriptions").unwrap().primary_key,
        ["annee", "membre_id"]
    );
    assert!(
        catalog
            .find_table("journal")
            .unwrap()
            .primary_key
            .is_empty()
    );
    // `db.table` names a table too.
    assert!(catalog.find_table(&format!("{db}.journal")).is_some());
}

#[test]
fn the_session_is_read_only_in_utc_with_a_time_limit() {
    let Some(url) = mysql_fixture("session", LEGACY_SQL) else {
        return;
    };
    let policy = r#"
[[check]]
id = "session-settings"
query = "SELECT 1 AS ok WHERE @@SESSION.tx_read_only = 1 AND @@SESSION.time_zone = '+00:00' AND @@SESSION.max_statement_time > 0 AND @@SESSION.tx_isolation = 'REPEATABLE-READ' AND @@SESSION.sql_mode NOT LIKE '%NO_BACKSLASH_ESCAPES%'"
"#;
    let report = scan_text(policy, &url, AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    assert_eq!(
        without_column_rules(rows(&report)),
        vec![row("session-settings", None, 1, &["1"])]
    );
}

/// Every session sees the data as it was when the scan started, whatever commits later.
#[test]
fn sessions_keep_their_snapshot() {
    let Some(url) = mysql_fixture("snapshot", LEGACY_SQL) else {
        return;
    };
    let target = vigie::db::Target::parse(&url).unwrap();
    let (_, mut sessions) = vigie::db::open(&target, 2, Default::default()).unwrap();
    let count = "SELECT count(*) FROM membres";
    let before: Vec<u64> = sessions
        .iter_mut()
        .map(|s| s.count_keys(count, None).unwrap().0)
        .collect();
    assert_eq!(before, [6, 6]);
    mysql_exec(&url, "INSERT INTO membres (id) VALUES (99)").unwrap();
    for s in &mut sessions {
        assert_eq!(s.count_keys(count, None).unwrap().0, 6);
    }
    for s in sessions {
        s.close();
    }
    assert_eq!(mysql_rows(&url, count), vec![vec![Some("7".to_string())]]);
}

#[test]
fn the_statement_time_limit_stops_a_runaway_query() {
    let sql = format!(
        "{LEGACY_SQL}\nCREATE TABLE nombres (i INT PRIMARY KEY);\n\
         INSERT INTO nombres (i) WITH RECURSIVE r (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000) SELECT i FROM r;"
    );
    let Some(url) = mysql_fixture("timeout", &sql) else {
        return;
    };
    // A billion rows to join: far more than the limit allows.
    let policy = r#"
[[check]]
id = "runaway"
query = "SELECT a.i FROM nombres AS a, nombres AS b, nombres AS c WHERE a.i + b.i + c.i < 0"

[[check]]
id = "quick"
query = "SELECT id FROM membres WHERE id = 4"
"#;
    let mut opts = options(AS_OF);
    opts.limits.statement_timeout = Duration::from_millis(700);
    let started = std::time::Instant::now();
    let report = scan_with(policy, &url, &opts);
    assert!(started.elapsed() < Duration::from_secs(20));
    let errors = report.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("custom:runaway"), "{errors:?}");
    assert!(errors[0].contains("--statement-timeout"), "{errors:?}");
    assert_eq!(
        without_column_rules(rows(&report)),
        vec![row("quick", None, 1, &["4"])]
    );
}

fn vigie() -> Command {
    Command::cargo_bin("vigie").unwrap()
}

fn scan_stderr(url: &str) -> String {
    let out = vigie()
        .args([
            "scan",
            url,
            "--policy",
            &format!(
                "{}/testdata/fixtures/rules.toml",
                env!("CARGO_MANIFEST_DIR")
            ),
        ])
        .env("NO_COLOR", "1")
        .env_remove("MYSQL_PWD")
        .assert()
        .code(2);
    let output = out.get_output();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn connection_errors_say_what_to_do_and_never_the_password() {
    let refused = scan_stderr("mysql://auditor:s3cr3t-pw@127.0.0.1:1/crm");
    assert!(
        refused.contains("cannot connect to mysql://auditor:***@127.0.0.1:1/crm"),
        "{refused}"
    );
    assert!(refused.contains("is the server running"), "{refused}");
    assert!(!refused.contains("s3cr3t"), "{refused}");
    assert!(!refused.contains("panicked"), "{refused}");

    let bad = scan_stderr("mariadb://a:b@127.0.0.1/crm?sslmod=required");
    assert!(bad.contains("unknown parameter `sslmod`"), "{bad}");

    let Some(url) = mysql_fixture("connect", "SELECT 1") else {
        return;
    };
    let wrong_password = url.replacen("://root@", "://root:n0t-the-pw@", 1);
    let e = scan_stderr(&wrong_password);
    assert!(e.contains("Access denied"), "{e}");
    assert!(e.contains("check the user name and the password"), "{e}");
    assert!(!e.contains("n0t-the-pw"), "{e}");

    let unknown_db = url.replace(url.db_name(), "vigie_t_no_such_db");
    let e = scan_stderr(&unknown_db);
    assert!(e.contains("Unknown database"), "{e}");
    assert!(e.contains("check the database name"), "{e}");
}

/// `ssl-mode=REQUIRED` never falls back to a clear connection.
#[test]
fn ssl_mode_required_means_tls_or_nothing() {
    let Some(url) = mysql_fixture("tls", "SELECT 1") else {
        return;
    };
    let have_ssl = mysql_rows(&url, "SELECT @@have_ssl");
    let required = format!("{url}?ssl-mode=REQUIRED");
    if have_ssl[0][0].as_deref() == Some("YES") {
        let report = scan_text("[organisation]\nname = \"t\"\n", &required, AS_OF);
        assert!(report.errors().is_empty());
    } else {
        let e = scan_stderr(&required);
        assert!(e.contains("does not offer TLS"), "{e}");
        // PREFERRED, the default, speaks in clear to a server without TLS.
        let report = scan_text("[organisation]\nname = \"t\"\n", &url, AS_OF);
        assert_eq!(report.target.dialect, vigie::dialect::Dialect::Mysql);
    }
}

/// On MySQL `[scan] schemas` names databases: a policy drafted on one database and pointed at
/// a copy must not silently read the original. The draft of `init` names no database, so it
/// scans whichever database the URL names; a policy whose schemas leave the URL's database out
/// is refused before any check runs.
#[test]
fn the_urls_database_decides_what_is_scanned() {
    let Some(url) = mysql_fixture("copy", LEGACY_SQL) else {
        return;
    };
    let target = vigie::db::Target::parse(&url).unwrap();
    let inv = vigie::discover::discover(&target, &Default::default()).unwrap();
    let draft = vigie::init::draft(&inv);
    assert!(!draft.contains("[scan]"), "{draft}");
    // No table is qualified with the database it was drafted on.
    assert!(!draft.contains(&format!("{}.", url.db_name())), "{draft}");
    assert!(inv.catalog.tables.iter().all(|t| t.schema.is_none()));

    let policy = format!("[scan]\nschemas = [\"vigie_original\"]\n{LEGACY_POLICY}");
    let policy = vigie::policy::load_str("p.toml", &policy, vigie::dialect::Dialect::Mysql)
        .unwrap_or_else(|e| panic!("{}", vigie::policy::diagnostic::render_plain(&e)));
    let err = vigie::engine::scan(&policy, &target, &options(AS_OF))
        .expect_err("a scan of another database than the URL's is refused");
    let text = format!(
        "{err} {}",
        miette::Diagnostic::help(&err)
            .map(|h| h.to_string())
            .unwrap_or_default()
    );
    assert!(
        text.contains("is not among the policy's [scan] schemas"),
        "{text}"
    );
    assert!(
        text.contains(&format!("add \"{}\"", url.db_name())),
        "{text}"
    );
}
