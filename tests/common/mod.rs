//! Shared test helpers: fixtures on real SQLite files and real PostgreSQL databases.
//!
//! A PostgreSQL test creates its own database (`vigie_t_<name>`). When the server cannot be
//! reached the test is skipped with a message, except under `CI=true`, where it fails: a
//! database test never passes silently in CI.
#![allow(dead_code, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use vigie::db::Target;
use vigie::dialect::Dialect;
use vigie::engine::{ScanOptions, ScanReport};

pub const AS_OF: &str = "2026-11-23";

pub fn pg_base_url() -> String {
    std::env::var("VIGIE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Create (or recreate) a scratch PostgreSQL database loaded with `sql`; its URL, or None
/// when the server is unreachable outside CI.
pub fn pg_fixture(name: &str, sql: &str) -> Option<String> {
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
    let db = format!("vigie_t_{name}");
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
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect scratch database");
    c.batch_execute(sql).expect("load fixture into PostgreSQL");
    Some(url)
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
pub mod labelled;
