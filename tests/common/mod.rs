//! Shared test helpers: fixtures on real SQLite files and real PostgreSQL and MySQL/MariaDB
//! databases.
//!
//! A server test creates its own database (`vigie_t_<name>`). When the server cannot be
//! reached the test is skipped with a message, except under `CI=true`, where it fails: a
//! database test never passes silently in CI.
#![allow(dead_code, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use vigie::db::Target;
use vigie::dialect::Dialect;
use vigie::engine::ScanOptions;
use vigie::scan::ScanReport;

pub const AS_OF: &str = "2026-11-23";

/// The texts of the labelled comment corpus files (`testdata/comments/`), labels dropped.
pub fn corpus_texts(files: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        let path = format!("{}/testdata/comments/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("corpus file");
        out.extend(
            text.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(_, t)| t.to_string()),
        );
    }
    out
}

pub fn pg_base_url() -> String {
    std::env::var("VIGIE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A scratch database: its URL, and the database is dropped when this guard is.
///
/// Names are unique to the test process (`vigie_t_<name>_<pid>`), so two runs of the suite
/// on one server never share a database.
pub struct Scratch {
    url: String,
    name: String,
    drop_with: fn(&str),
}

impl Scratch {
    /// The database name, as it appears in the URL.
    pub fn db_name(&self) -> &str {
        &self.name
    }
}

impl std::ops::Deref for Scratch {
    type Target = String;
    fn deref(&self) -> &String {
        &self.url
    }
}

impl std::fmt::Display for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        (self.drop_with)(&self.name);
    }
}

/// The scratch database name of a test fixture, unique to this process.
pub fn scratch_name(name: &str) -> String {
    format!("vigie_t_{name}_{}", std::process::id())
}

fn drop_pg(db: &str) {
    if let Ok(mut admin) = postgres::Client::connect(&pg_base_url(), postgres::NoTls) {
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
    }
}

fn drop_mysql(db: &str) {
    let _ = mysql_exec(&mysql_base_url(), &format!("DROP DATABASE IF EXISTS {db}"));
}

/// Create a scratch PostgreSQL database loaded with `sql`; its URL, or None when the server
/// is unreachable outside CI. The database is dropped with the returned guard.
pub fn pg_fixture(name: &str, sql: &str) -> Option<Scratch> {
    let base = pg_base_url();
    let mut admin = match postgres::Client::connect(&base, postgres::NoTls) {
        Ok(c) => c,
        Err(e) => {
            if in_ci() {
                panic!("PostgreSQL is unreachable at {base} under CI=true: {e}");
            }
            eprintln!("skipping PostgreSQL part of {name}: {e}");
            return None;
        }
    };
    let db = scratch_name(name);
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .expect("drop scratch database");
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .expect("create scratch database");
    let url = match base.rsplit_once('/') {
        Some((head, _)) => format!("{head}/{db}"),
        None => panic!("VIGIE_TEST_PG must end with a database name"),
    };
    let scratch = Scratch {
        url,
        name: db,
        drop_with: drop_pg,
    };
    let mut c =
        postgres::Client::connect(&scratch, postgres::NoTls).expect("connect scratch database");
    c.batch_execute(sql).expect("load fixture into PostgreSQL");
    Some(scratch)
}

pub fn mysql_base_url() -> String {
    std::env::var("VIGIE_TEST_MYSQL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".into())
}

/// Run `sql` (several statements) on a MySQL/MariaDB URL with the fixture session settings.
pub fn mysql_exec(url: &str, sql: &str) -> Result<(), mysql_async::Error> {
    mysql_exec_in_mode(url, sql, "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES")
}

/// Run `sql` written for MySQL itself, where a backslash escapes (`\'`, `\n`), as the
/// `mariadb` client loads a dump.
pub fn mysql_exec_native(url: &str, sql: &str) -> Result<(), mysql_async::Error> {
    mysql_exec_in_mode(url, sql, "STRICT_TRANS_TABLES")
}

fn mysql_exec_in_mode(url: &str, sql: &str, mode: &str) -> Result<(), mysql_async::Error> {
    use mysql_async::prelude::Queryable;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let opts = mysql_async::Opts::from_url(url).expect("VIGIE_TEST_MYSQL is a mysql:// URL");
        let mut conn = mysql_async::Conn::new(opts).await?;
        // Portable fixtures are written in standard SQL: a backslash is a character, and
        // TIMESTAMP columns hold UTC as in the other backends.
        conn.query_drop(format!(
            "SET SESSION sql_mode = '{mode}', time_zone = '+00:00', explicit_defaults_for_timestamp = ON"
        ))
        .await?;
        conn.query_drop(sql).await?;
        conn.disconnect().await
    })
}

/// The rows of one query on a MySQL/MariaDB URL, as text.
pub fn mysql_rows(url: &str, sql: &str) -> Vec<Vec<Option<String>>> {
    use mysql_async::prelude::Queryable;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let mut conn = mysql_async::Conn::new(mysql_async::Opts::from_url(url).unwrap())
            .await
            .unwrap();
        let rows: Vec<mysql_async::Row> = conn.query(sql).await.unwrap();
        let _ = conn.disconnect().await;
        rows.into_iter()
            .map(|r| {
                r.unwrap()
                    .into_iter()
                    .map(|v| match v {
                        mysql_async::Value::NULL => None,
                        mysql_async::Value::Bytes(b) => {
                            Some(String::from_utf8_lossy(&b).into_owned())
                        }
                        other => Some(format!("{other:?}")),
                    })
                    .collect()
            })
            .collect()
    })
}

/// Create a scratch MySQL/MariaDB database `vigie_t_<name>_<pid>` loaded with `sql`; its
/// URL, or None when the server is unreachable outside CI. Dropped with the returned guard.
pub fn mysql_fixture(name: &str, sql: &str) -> Option<Scratch> {
    let base = mysql_base_url();
    let db = scratch_name(name);
    if let Err(e) = mysql_exec(
        &base,
        &format!(
            "DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
        ),
    ) {
        if in_ci() {
            panic!("MySQL/MariaDB is unreachable at {base} under CI=true: {e}");
        }
        eprintln!("skipping MySQL/MariaDB part of {name}: {e}");
        return None;
    }
    let url = match base.split_once('?') {
        Some((head, query)) => format!(
            "{}/{db}?{query}",
            head.rsplit_once('/').expect("a database").0
        ),
        None => match base.rsplit_once('/') {
            Some((head, _)) => format!("{head}/{db}"),
            None => panic!("VIGIE_TEST_MYSQL must end with a database name"),
        },
    };
    let scratch = Scratch {
        url,
        name: db,
        drop_with: drop_mysql,
    };
    if !sql.trim().is_empty() {
        mysql_exec(&scratch, sql)
            .unwrap_or_else(|e| panic!("load fixture into MySQL/MariaDB: {e}"));
    }
    Some(scratch)
}

/// A fixture loaded into every backend that can be reached: SQLite always, PostgreSQL and
/// MySQL/MariaDB when their servers answer (and always under CI).
pub struct Loaded {
    pub backend: &'static str,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    _scratch: Option<Scratch>,
}

pub fn every_backend(name: &str, sql: &str) -> Vec<Loaded> {
    every_backend_each(name, |_| sql.to_string())
}

/// Like [`every_backend`], with SQL of its own per backend (`sqlite`, `postgres`, `mariadb`):
/// grants, roles and types that only one dialect knows.
pub fn every_backend_each(name: &str, sql: impl Fn(&str) -> String) -> Vec<Loaded> {
    let (dir, path) = sqlite_fixture(&sql("sqlite"));
    let mut out = vec![Loaded {
        backend: "sqlite",
        url: format!("sqlite://{}", path.display()),
        _dir: Some(dir),
        _scratch: None,
    }];
    if let Some(url) = pg_fixture(name, &sql("postgres")) {
        out.push(Loaded {
            backend: "postgres",
            url: url.to_string(),
            _dir: None,
            _scratch: Some(url),
        });
    }
    if let Some(url) = mysql_fixture(name, &sql("mariadb")) {
        out.push(Loaded {
            backend: "mariadb",
            url: url.to_string(),
            _dir: None,
            _scratch: Some(url),
        });
    }
    out
}

/// A SQLite file loaded with `sql`, in a temporary directory kept alive by the returned guard.
pub fn sqlite_fixture(sql: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fixture.db");
    let conn = rusqlite::Connection::open(&path).expect("create sqlite");
    conn.execute_batch(sql).expect("load fixture into SQLite");
    (dir, path)
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/fixtures")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

pub fn options(as_of: &str) -> ScanOptions {
    ScanOptions {
        as_of: vigie::timefmt::parse_as_of(as_of).expect("as-of"),
        jobs: 2,
        ..ScanOptions::default()
    }
}

pub fn scan_text(policy: &str, url: &str, as_of: &str) -> ScanReport {
    scan_with(policy, url, &options(as_of))
}

pub fn scan_with(policy: &str, url: &str, opts: &ScanOptions) -> ScanReport {
    let target = Target::parse(url).expect("target");
    let dialect: Dialect = target.dialect();
    let policy = vigie::policy::load_str("policy.toml", policy, dialect)
        .unwrap_or_else(|e| panic!("policy: {}", vigie::policy::diagnostic::render_plain(&e)));
    vigie::engine::scan(&policy, &target, opts).unwrap_or_else(|e| panic!("scan failed: {e}"))
}

/// (rule, table, count, keys) of every finding, in report order.
pub type Row = (String, Option<String>, u64, Vec<String>);

pub fn rows(report: &ScanReport) -> Vec<Row> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.table.clone(),
                f.count,
                f.sample_keys.clone(),
            )
        })
        .collect()
}

pub fn row(rule: &str, table: Option<&str>, count: u64, keys: &[&str]) -> Row {
    (
        rule.to_string(),
        table.map(String::from),
        count,
        keys.iter().map(|k| k.to_string()).collect(),
    )
}

/// The findings of one rule.
pub fn of_rule(report: &ScanReport, rule: &str) -> Vec<Row> {
    rows(report).into_iter().filter(|r| r.0 == rule).collect()
}
/// The target directory of this build: `CARGO_TARGET_DIR` when set, else the folder above the
/// profile folder that holds the `vigie` binary built for the tests (`<target>/<profile>/vigie`).
/// The install and package tests build there, so release dependencies are reused.
pub fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return dir.into();
    }
    Path::new(env!("CARGO_BIN_EXE_vigie"))
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in <target>/<profile>/")
        .to_path_buf()
}

pub mod labelled;

/// Rules that judge every column of a live scan by name and values; tests about other rules
/// leave them out.
pub const COLUMN_RULES: &[&str] = &[
    "undeclared-column",
    "sensitive-column",
    "identifier-column",
    "card-security-code",
    "unused-column",
    "password-plaintext",
    "password-weak-hash",
];

pub fn without_column_rules(rows: Vec<Row>) -> Vec<Row> {
    rows.into_iter()
        .filter(|r| !COLUMN_RULES.contains(&r.0.as_str()))
        .collect()
}
pub mod cluster;
