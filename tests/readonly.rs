//! Read-only, three times: refused before sending, refused by the server, and the audited
//! database unchanged after a scan.

mod common;
use common::*;
use vigie::dialect::Dialect;
use vigie::dialect::guard::{check_predicate, check_query};

const WRITES: &[(&str, &str)] = &[
    ("DELETE FROM prospects", "not `DELETE"),
    ("UPDATE prospects SET email = NULL", "not `UPDATE"),
    ("INSERT INTO prospects (id) VALUES (99)", "not `INSERT"),
    ("DROP TABLE prospects", "not `DROP"),
    ("CREATE TABLE copie (id int)", "not `CREATE"),
    ("ALTER TABLE prospects ADD COLUMN x int", "not `ALTER"),
    ("TRUNCATE prospects", "not `TRUNCATE"),
    ("GRANT SELECT ON prospects TO PUBLIC", "not `GRANT"),
    (
        "WITH x AS (DELETE FROM prospects RETURNING id) SELECT id FROM x",
        "data-modifying",
    ),
    (
        "WITH x AS (UPDATE prospects SET email = NULL RETURNING id) SELECT id FROM x",
        "data-modifying",
    ),
    ("SELECT id FROM prospects FOR UPDATE", "FOR UPDATE"),
    ("SELECT id FROM prospects FOR SHARE", "FOR UPDATE"),
    ("SELECT id INTO copie FROM prospects", "INTO"),
    ("COPY (SELECT 1) TO PROGRAM 'rm -rf /tmp/x'", "not `COPY"),
    ("SET statement_timeout = 0", "not `SET"),
    ("CALL purge_prospects()", "not `CALL"),
    ("DO $$ BEGIN DELETE FROM prospects; END $$", "refused"),
    ("SELECT 1; DELETE FROM prospects", "2 statements"),
    (
        "SELECT 1 -- harmless\n; DROP TABLE prospects",
        "2 statements",
    ),
    ("/* only a read */ DELETE FROM prospects", "not `DELETE"),
    ("SELECT pg_terminate_backend(1234)", "pg_terminate_backend"),
    ("SELECT nextval('prospects_id_seq')", "nextval"),
    ("SELECT setval('prospects_id_seq', 1)", "setval"),
    ("SELECT lo_export(1234, '/tmp/x')", "lo_export"),
    (
        "SELECT dblink_exec('host=x', 'DELETE FROM t')",
        "dblink_exec",
    ),
    (
        "SELECT * FROM dblink('host=x', 'SELECT 1') AS t(a int)",
        "dblink",
    ),
    ("SELECT pg_sleep(60)", "pg_sleep"),
    (
        "SELECT id FROM prospects WHERE id IN (SELECT setval('s', 1))",
        "setval",
    ),
    (
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "set_config",
    ),
    ("SELECT pg_advisory_lock(1)", "pg_advisory_lock"),
    ("EXPLAIN ANALYZE DELETE FROM prospects", "refused"),
    ("VACUUM prospects", "refused"),
    ("LOCK TABLE prospects", "refused"),
];

#[test]
fn write_attempts_are_refused_before_anything_is_sent() {
    assert!(WRITES.len() >= 20);
    for (sql, reason) in WRITES {
        let err = check_query(sql, Dialect::Postgres).expect_err(sql);
        let text = err.to_string();
        assert!(
            text.contains(reason),
            "{sql}: expected `{reason}` in `{text}`"
        );
        assert!(text.starts_with("refused, not read-only"), "{text}");
    }
}

#[test]
fn sqlite_and_mysql_deny_lists() {
    for sql in [
        "SELECT load_extension('x')",
        "SELECT writefile('/tmp/x', 'y')",
    ] {
        assert!(check_query(sql, Dialect::Sqlite).is_err(), "{sql}");
    }
    for sql in [
        "SELECT SLEEP(10)",
        "SELECT BENCHMARK(1000000, MD5('x'))",
        "SELECT GET_LOCK('l', 10)",
        "SELECT LOAD_FILE('/etc/passwd')",
    ] {
        assert!(check_query(sql, Dialect::Mysql).is_err(), "{sql}");
    }
}

#[test]
fn where_predicates_cannot_escape() {
    for w in [
        "statut <> 'x') OR (1 = 1",
        "1 = 1; DELETE FROM prospects",
        "id IN (SELECT nextval('s'))",
        "pg_sleep(1) IS NULL",
    ] {
        assert!(check_predicate(w, Dialect::Postgres).is_err(), "{w}");
    }
}

fn policy_with_check(query: &str) -> String {
    format!("[[check]]\nid = \"sneaky\"\nquery = \"\"\"{query}\"\"\"\n")
}

#[test]
fn a_write_in_a_custom_check_is_a_clear_policy_error() {
    let err = vigie::policy::load_str(
        "p.toml",
        &policy_with_check("WITH x AS (DELETE FROM prospects RETURNING id) SELECT id FROM x"),
        Dialect::Postgres,
    )
    .expect_err("refused");
    let text = vigie::policy::diagnostic::render_plain(&err);
    assert!(text.contains("check `sneaky` is refused"), "{text}");
    assert!(text.contains("data-modifying"), "{text}");
    assert!(text.contains("p.toml:3"), "{text}");
}

fn pg_checksums(url: &str) -> Vec<(String, String)> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let tables: Vec<String> = c
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let sum: Option<String> = c
                .query_one(
                    &format!("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM {t} x"),
                    &[],
                )
                .unwrap()
                .get(0);
            (t, sum.unwrap_or_default())
        })
        .collect()
}

#[test]
fn postgres_is_unchanged_and_the_session_is_vigie_read_only() {
    let sql = format!(
        "{}\nCREATE FUNCTION bump() RETURNS integer LANGUAGE sql AS $$ INSERT INTO paiements VALUES (99, 1, 'x') RETURNING 1 $$;",
        fixture("rules.sql")
    );
    let Some(url) = pg_fixture("readonly", &sql) else {
        return;
    };
    let before = pg_checksums(&url);
    let policy = format!(
        "{}\n[[check]]\nid = \"session-is-vigie-read-only\"\nquery = \"SELECT 1 AS ok WHERE current_setting('application_name') = 'vigie' AND current_setting('transaction_read_only') = 'on' AND current_setting('transaction_isolation') = 'repeatable read'\"\n\n[[check]]\nid = \"write-through-a-function\"\nquery = \"SELECT bump() AS id\"\n",
        fixture("rules.toml")
    );
    let report = scan_text(&policy, &url, AS_OF);
    assert_eq!(
        of_rule(&report, "session-is-vigie-read-only"),
        vec![row("session-is-vigie-read-only", None, 1, &["1"])]
    );
    // The function passes the guard (it is the user's own), so the server must refuse it.
    let errors = report.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("custom:write-through-a-function"),
        "{errors:?}"
    );
    assert!(errors[0].contains("read-only transaction"), "{errors:?}");
    // Every other check still ran and reported.
    assert_eq!(of_rule(&report, "retention-exceeded").len(), 1);
    assert_eq!(pg_checksums(&url), before);
}

#[test]
fn sqlite_file_is_unchanged_by_a_scan() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let report = scan_text(
        &fixture("rules.toml"),
        &format!("sqlite://{}", path.display()),
        AS_OF,
    );
    assert!(!report.findings.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
    let journal = path.with_extension("db-journal");
    assert!(!journal.exists());
}
