//! Read-only, three times: refused before sending, refused by the server, and the audited
//! database unchanged after a scan, on SQLite, PostgreSQL and MariaDB.

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
fn sqlite_deny_list() {
    for sql in [
        "SELECT load_extension('x')",
        "SELECT writefile('/tmp/x', 'y')",
    ] {
        assert!(check_query(sql, Dialect::Sqlite).is_err(), "{sql}");
    }
}

/// MySQL and MariaDB: what writes, locks, waits, reads server files or slips past a parser.
const MYSQL_WRITES: &[(&str, &str)] = &[
    ("SELECT SLEEP(10)", "sleep"),
    ("SELECT id FROM prospects WHERE SLEEP(1) = 0", "sleep"),
    ("SELECT BENCHMARK(1000000, MD5('x'))", "benchmark"),
    ("SELECT GET_LOCK('l', 10)", "get_lock"),
    ("SELECT RELEASE_ALL_LOCKS()", "release_all_locks"),
    ("SELECT IS_USED_LOCK('l')", "is_used_lock"),
    ("SELECT LOAD_FILE('/etc/passwd')", "load_file"),
    ("SELECT MASTER_POS_WAIT('log', 4)", "master_pos_wait"),
    ("SELECT MASTER_GTID_WAIT('0-1-1')", "master_gtid_wait"),
    ("SELECT NEXTVAL(s)", "nextval"),
    ("SELECT SETVAL(s, 1)", "setval"),
    (
        "SELECT id FROM prospects INTO OUTFILE '/tmp/x'",
        "INTO OUTFILE",
    ),
    (
        "SELECT id INTO OUTFILE '/tmp/x' FROM prospects",
        "INTO OUTFILE",
    ),
    (
        "SELECT id FROM prospects INTO DUMPFILE '/tmp/x'",
        "INTO DUMPFILE",
    ),
    ("SELECT id INTO @v FROM prospects", "INTO"),
    ("SELECT id FROM prospects FOR UPDATE", "FOR UPDATE"),
    ("SELECT id FROM prospects LOCK IN SHARE MODE", "refused"),
    ("LOCK TABLES prospects READ", "not `LOCK TABLES"),
    ("UNLOCK TABLES", "not `UNLOCK TABLES"),
    ("HANDLER prospects OPEN", "refused"),
    ("DO SLEEP(1)", "refused"),
    ("SET @a = 1", "not `SET"),
    ("SET SESSION transaction_read_only = 0", "not `SET"),
    ("SET SESSION max_statement_time = 0", "not `SET"),
    ("CALL purge_prospects()", "not `CALL"),
    ("REPLACE INTO prospects (id) VALUES (1)", "not `REPLACE"),
    ("LOAD DATA INFILE '/tmp/x' INTO TABLE prospects", "refused"),
    ("FLUSH TABLES", "not `FLUSH"),
    ("KILL 12", "not `KILL"),
    ("SELECT 1; DELETE FROM prospects", "2 statements"),
    // MySQL runs the body of `/*! … */`, MariaDB that of `/*M! … */` too.
    ("SELECT 1 /*! , SLEEP(10) */", "sleep"),
    (
        "SELECT 1 /*!50000 ; DELETE FROM prospects */",
        "2 statements",
    ),
    ("SELECT 1 /*M! , SLEEP(10) */", "MariaDB executable comment"),
    (
        "SELECT /*+ MAX_EXECUTION_TIME(0) */ id FROM prospects",
        "optimizer hint",
    ),
    // `--1` is not a comment to MySQL, nor to the guard.
    ("SELECT 1 --1, SLEEP(1)", "sleep"),
    // With backslash escapes (the session keeps them on), this is one string, unterminated.
    ("SELECT 'a\\' , SLEEP(1), '' ", "refused"),
];

#[test]
fn mysql_deny_list() {
    for (sql, reason) in MYSQL_WRITES {
        let err = check_query(sql, Dialect::Mysql).expect_err(sql);
        let text = err.to_string();
        assert!(
            text.contains(reason),
            "{sql}: expected `{reason}` in `{text}`"
        );
    }
    // What vigie itself sends, and ordinary MySQL, still passes.
    for sql in [
        "SELECT count(*) OVER (), CAST(t.`id` AS CHAR) FROM `crm`.`prospects` AS t WHERE (t.`d` + INTERVAL 0 DAY) < (CAST(? AS DATETIME(6)) - INTERVAL 36 MONTH) ORDER BY t.`id` LIMIT 10",
        "SELECT id FROM prospects WHERE decision = 'refusé' COLLATE utf8mb4_bin",
        "SELECT id FROM prospects WHERE note = 'a?b' # a comment",
        "SELECT CONCAT_WS(',', CAST(a AS CHAR), CAST(b AS CHAR)) FROM t",
    ] {
        check_query(sql, Dialect::Mysql).unwrap_or_else(|e| panic!("{sql}: {e}"));
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
        "{}\n[[check]]\nid = \"session-is-vigie-read-only\"\nquery = \"SELECT 1 AS ok WHERE current_setting('application_name') = 'vigie' AND current_setting('transaction_read_only') = 'on' AND current_setting('transaction_isolation') = 'repeatable read'\"\n\n[[check]]\nid = \"write-through-a-function\"\nquery = \"SELECT bump() AS id\"\n\n[[trusted_functions]]\nname = \"public.bump\"\nreason = \"trusted on purpose: the server's read-only transaction must stop it\"\n",
        fixture("rules.toml")
    );
    let report = scan_text(&policy, &url, AS_OF);
    assert_eq!(
        of_rule(&report, "session-is-vigie-read-only"),
        vec![row("session-is-vigie-read-only", None, 1, &["1"])]
    );
    // The function passes the guard (the policy trusts it), so the server must refuse it.
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

fn mysql_checksums(url: &str) -> Vec<Vec<Option<String>>> {
    let tables: Vec<String> = mysql_rows(url, "SHOW TABLES")
        .into_iter()
        .filter_map(|r| r[0].clone())
        .collect();
    mysql_rows(
        url,
        &format!("CHECKSUM TABLE {} EXTENDED", tables.join(", ")),
    )
}

#[test]
fn mariadb_is_unchanged_and_a_write_fails_at_the_server() {
    let sql = format!(
        "{}\nCREATE FUNCTION bump() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO paiements VALUES (99, 1, 'x'); RETURN 1; END;",
        fixture("rules.sql")
    );
    let Some(url) = mysql_fixture("readonly", &sql) else {
        return;
    };
    let before = mysql_checksums(&url);
    assert_eq!(before.len(), 6, "{before:?}");
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(
        &policy,
        format!(
            "{}\n[[check]]\nid = \"write-through-a-function\"\nquery = \"SELECT bump() AS id\"\n\n[[trusted_functions]]\nname = \"bump\"\nreason = \"trusted on purpose: the server's read-only transaction must stop it\"\n",
            fixture("rules.toml")
        ),
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .args([
            "scan",
            &url,
            "--policy",
            policy.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ])
        .assert()
        .code(2);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    // The function passes the guard (the policy trusts it), so the server must refuse it.
    let errors: Vec<&serde_json::Value> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["id"], "custom:write-through-a-function");
    let reason = errors[0]["reason"].as_str().unwrap();
    assert!(reason.contains("READ ONLY transaction"), "{reason}");
    assert!(reason.contains("read-only transaction"), "{reason}");
    // Every other check still ran and reported.
    assert_eq!(v["findings"].as_array().unwrap().len(), 14, "{v}");
    assert_eq!(mysql_checksums(&url), before);
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
