//! `inactive-account` on every backend: accounts that can still log in and have not been used
//! for more than 2 years, by dates or by Unix seconds, and left to a retention rule that
//! already anchors on the same column.

mod common;
use common::*;

// As of 2026-11-23 the cutoff is 2024-11-23 00:00 UTC (Unix 1732320000).
const SQL: &str = "
CREATE TABLE comptes (
  id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(100),
  derniere_connexion TIMESTAMP NULL
);
INSERT INTO comptes VALUES
  (1, 'a@example.org', 'x', '2020-01-01 00:00:00'),   -- inactive
  (2, 'b@example.org', 'x', '2024-11-22 18:00:00'),   -- inactive: strictly before the cutoff
  (3, 'c@example.org', 'x', '2024-11-23 00:00:00'),   -- exactly 2 years: kept
  (4, 'd@example.org', NULL, '2020-01-01 00:00:00'),  -- cannot log in
  (5, 'e@example.org', '', '2020-01-01 00:00:00'),    -- cannot log in
  (6, 'f@example.org', 'x', NULL),                    -- never logged in: age unknown
  (7, 'g@example.org', 'x', '2026-01-01 00:00:00');
CREATE TABLE mdl_user (
  id INTEGER PRIMARY KEY, username VARCHAR(100), password VARCHAR(255),
  lastaccess BIGINT NOT NULL, lastlogin BIGINT NOT NULL, timecreated BIGINT NOT NULL
);
INSERT INTO mdl_user VALUES
  (10, 'u10', 'x', 1577836800, 1559347200, 1500000000),  -- both old
  (11, 'u11', 'x', 1767225600, 1577836800, 1500000000),  -- recent access
  (12, 'u12', 'x', 0, 0, 1500000000),                    -- never
  (13, 'u13', 'x', 0, 1609459200, 1500000000),           -- one filled, old
  (14, 'u14', 'x', 1732320000, 0, 1500000000);           -- exactly at the cutoff
CREATE TABLE users (
  id INTEGER PRIMARY KEY, email VARCHAR(100), password_hash VARCHAR(255), last_login TIMESTAMP NULL
);
INSERT INTO users VALUES (20, 'h@example.org', 'x', '2019-01-01 00:00:00');
";

const POLICY: &str = r#"
[[subject]]
id = "compte"
table = "comptes"
key = "id"

[[purpose]]
id = "espace-en-ligne"
legal_basis = "contract"
subjects = ["compte"]
data = ["comptes.email", "mdl_user.username", "users.email"]

[[purpose.retention]]
table = "users"
keep = "5y"
from = "last_login"
"#;

fn expected() -> Vec<Row> {
    vec![
        row("inactive-account", Some("comptes"), 2, &["1", "2"]),
        row("inactive-account", Some("mdl_user"), 2, &["10", "13"]),
    ]
}

#[test]
fn inactive_accounts_on_every_backend() {
    for l in every_backend("inactive", SQL) {
        let report = scan_text(POLICY, &l.url, AS_OF);
        assert!(
            report.errors().is_empty(),
            "{}: {:?}",
            l.backend,
            report.errors()
        );
        assert_eq!(
            of_rule(&report, "inactive-account"),
            expected(),
            "{}",
            l.backend
        );
        // The table a retention rule anchors on its last login is left to that rule.
        assert!(
            !report
                .checks
                .iter()
                .any(|c| c.id == "inactive-account:users"),
            "{}",
            l.backend
        );
        assert_eq!(
            of_rule(&report, "retention-exceeded"),
            vec![row("retention-exceeded", Some("users"), 1, &["20"])],
            "{}",
            l.backend
        );
    }
}

#[test]
fn the_proposed_deletion_removes_exactly_the_inactive_accounts() {
    let (_dir, path) = sqlite_fixture(SQL);
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(POLICY, &url, AS_OF);
    let script: Vec<String> = before
        .findings
        .iter()
        .filter(|f| f.rule == "inactive-account")
        .map(|f| f.remediation.as_ref().expect("a remediation").sql.clone())
        .collect();
    assert_eq!(script.len(), 2);
    assert!(
        script[0].contains("DELETE FROM \"comptes\""),
        "{}",
        script[0]
    );
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(&script.join("\n")).expect("apply");
    let ids = |table: &str| -> Vec<i64> {
        let mut st = conn
            .prepare(&format!("SELECT id FROM {table} ORDER BY id"))
            .expect("prepare");
        st.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("ids")
    };
    assert_eq!(ids("comptes"), [3, 4, 5, 6, 7]);
    assert_eq!(ids("mdl_user"), [11, 12, 14]);
    drop(conn);
    let after = scan_text(POLICY, &url, AS_OF);
    assert!(of_rule(&after, "inactive-account").is_empty());
}
