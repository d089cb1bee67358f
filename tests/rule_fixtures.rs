//! One fixture per built-in rule, run on SQLite, PostgreSQL and MariaDB.
//!
//! Each folder `testdata/rules/<rule-id>/` holds the set-up of one rule: `schema.sql` (portable
//! SQL; `schema.sqlite.sql`, `schema.postgres.sql` or `schema.mariadb.sql` replace it on one
//! backend), `policy.toml`, and `expected.toml`: the exact findings **of that rule only**, the
//! same on every backend unless a `[backend.<name>]` table says otherwise, and the status its
//! checks must end with. A rule the migration gate runs has `migrations/` (one portable set of
//! files, or `migrations/<dialect>/`), and its expected gate findings under `[gate]`. Rules
//! that one set-up tests together name it with `shared = "<name>"` and take the schema and
//! policy they lack from `testdata/rules/shared/<name>/`.
//!
//! Findings of other rules are ignored: a fixture is about one rule's boundary, and every rule
//! runs on every fixture. `{{pid}}` in any file is this test process's id, so the server-wide
//! roles of the access fixtures never collide between two runs; `teardown.<backend>.sql`,
//! run on the server once the scratch database is dropped, removes them.
//!
//! Set `VIGIE_RULE_FIXTURE=<rule-id>` to run one folder. Each folder's outcome, and each known
//! bug, is printed to stderr, so `--no-capture` shows the coverage per backend.
#![allow(clippy::print_stderr)]

mod common;
use common::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vigie::dialect::Dialect;
use vigie::finding::CheckStatus;
use vigie::migrations::SqlDialect;
use vigie::migrations::gate::{SourceFile, check};

const BACKENDS: [&str; 3] = ["sqlite", "postgres", "mariadb"];

/// Set-ups several rules share (`shared = "<name>"` in their expected.toml), under
/// `testdata/rules/shared/<name>/`: the five consent rules read one CRM.
const SHARED: &str = "shared";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules")
}

/// The rule ids that have a folder, sorted.
fn folders() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root())
        .expect("testdata/rules")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != SHARED)
        .collect();
    v.sort();
    v
}

/// One expected finding of a live scan.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Found {
    rule: String,
    table: Option<String>,
    column: Option<String>,
    category: Option<String>,
    count: u64,
    sample_keys: Vec<String>,
}

/// How the checks of the rule end: `ok` (at least one check, all ok), `skipped` (at least one,
/// all skipped, each reason containing `reason`) or `none` (the rule plans no check).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Backend {
    findings: Option<Vec<Found>>,
    status: Option<String>,
    reason: Option<String>,
    known_bug: Option<KnownBug>,
}

/// A disagreement with the rule's documentation, recorded instead of hidden: `findings` is
/// what vigie reports today, the fixture's own `findings` what the documentation says. The
/// test holds vigie to today's answer and fails once the two agree, so that the note is
/// removed with the fix.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KnownBug {
    description: String,
    findings: Vec<Found>,
}

/// One expected finding of the migration gate.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct GateFound {
    rule: String,
    file: String,
    line: usize,
    /// The caret's column on that line, when the fixture pins it.
    at: Option<usize>,
    table: Option<String>,
    column: Option<String>,
    category: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GateDialect {
    findings: Vec<GateFound>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gate {
    #[serde(default)]
    findings: Vec<GateFound>,
    #[serde(default)]
    dialect: BTreeMap<String, GateDialect>,
    /// As [`KnownBug`], for the gate on every dialect.
    known_bug: Option<GateBug>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GateBug {
    description: String,
    findings: Vec<GateFound>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    as_of: Option<String>,
    #[serde(default)]
    findings: Vec<Found>,
    status: Option<String>,
    reason: Option<String>,
    known_bug: Option<KnownBug>,
    #[serde(default)]
    backend: BTreeMap<String, Backend>,
    gate: Option<Gate>,
    /// The shared set-up whose schema and policy this fixture uses when it has none of its own.
    shared: Option<String>,
}

fn pid() -> String {
    std::process::id().to_string()
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.replace("{{pid}}", &pid()))
}

fn load_expected(id: &str) -> Expected {
    let text = read(&root().join(id).join("expected.toml"))
        .unwrap_or_else(|| panic!("{id}: no expected.toml"));
    let e: Expected = toml::from_str(&text).unwrap_or_else(|e| panic!("{id}/expected.toml: {e}"));
    for name in e.backend.keys() {
        assert!(
            BACKENDS.contains(&name.as_str()),
            "{id}: unknown backend {name}"
        );
    }
    e
}

/// A file of a fixture: its own, or the one of the set-up it shares.
fn fixture_file(id: &str, name: &str) -> Option<String> {
    read(&root().join(id).join(name)).or_else(|| {
        let shared = load_expected(id).shared?;
        read(&root().join(SHARED).join(shared).join(name))
    })
}

/// The schema of one backend: its own file, or the portable one.
fn schema(id: &str, backend: &str) -> Option<String> {
    fixture_file(id, &format!("schema.{backend}.sql")).or_else(|| fixture_file(id, "schema.sql"))
}

fn has_schema(id: &str) -> bool {
    BACKENDS.iter().any(|b| schema(id, b).is_some())
}

/// Runs the teardown files of a fixture when dropped, after the scratch databases are gone.
struct Teardown(String);

impl Drop for Teardown {
    fn drop(&mut self) {
        let dir = root().join(&self.0);
        if let Some(sql) = read(&dir.join("teardown.postgres.sql"))
            && let Ok(mut admin) = postgres::Client::connect(&pg_base_url(), postgres::NoTls)
        {
            let _ = admin.batch_execute(&sql);
        }
        if let Some(sql) = read(&dir.join("teardown.mariadb.sql")) {
            let _ = mysql_exec(&mysql_base_url(), &sql);
        }
    }
}

fn found(f: &vigie::finding::Finding) -> Found {
    Found {
        rule: f.rule.clone(),
        table: f.table.clone(),
        column: f.column.clone(),
        category: f.category.clone(),
        count: f.count,
        sample_keys: f.sample_keys.clone(),
    }
}

/// Scans one fixture on every backend; the backends it passed on.
fn run_live(id: &str, e: &Expected) -> Vec<&'static str> {
    let policy = fixture_file(id, "policy.toml").unwrap_or_else(|| panic!("{id}: no policy.toml"));
    let as_of = e.as_of.as_deref().unwrap_or(AS_OF);
    let _teardown = Teardown(id.to_string());
    let loaded = every_backend_each(&format!("rf_{}", id.replace('-', "_")), |b| {
        schema(id, b).unwrap_or_else(|| panic!("{id}: no schema for {b}"))
    });
    let mut passed = Vec::new();
    for l in &loaded {
        let over = e.backend.get(l.backend);
        let mut want = over
            .and_then(|o| o.findings.clone())
            .unwrap_or_else(|| e.findings.clone());
        let status = over
            .and_then(|o| o.status.clone())
            .or_else(|| e.status.clone())
            .unwrap_or_else(|| "ok".into());
        let reason = over
            .and_then(|o| o.reason.clone())
            .or_else(|| e.reason.clone());
        let mut opts = options(as_of);
        opts.max_keys = 0;
        let report = scan_with(&policy, &l.url, &opts);
        let mut got: Vec<Found> = report
            .findings
            .iter()
            .filter(|f| f.rule == id)
            .map(found)
            .collect();
        got.sort();
        want.sort();
        let bug = over
            .and_then(|o| o.known_bug.clone())
            .or_else(|| e.known_bug.clone());
        match bug {
            None => assert_eq!(got, want, "{id} on {}: findings", l.backend),
            Some(bug) => {
                let mut today = bug.findings.clone();
                today.sort();
                assert_ne!(
                    want, today,
                    "{id} on {}: a known bug must differ from the documented findings",
                    l.backend
                );
                assert_eq!(
                    got, today,
                    "{id} on {}: findings differ from the known bug's ({}); if it is fixed, \
                     remove its note",
                    l.backend, bug.description
                );
                eprintln!("{id} on {}: known bug: {}", l.backend, bug.description);
            }
        }
        // Every check that may yield this rule, whichever rule planned it.
        let checks: Vec<_> = report
            .checks
            .iter()
            .filter(|c| c.rules.iter().any(|r| r == id))
            .collect();
        let errors: Vec<_> = checks
            .iter()
            .filter(|c| c.status == CheckStatus::Error)
            .collect();
        assert!(errors.is_empty(), "{id} on {}: {errors:?}", l.backend);
        match status.as_str() {
            "ok" => assert!(
                !checks.is_empty() && checks.iter().all(|c| c.status == CheckStatus::Ok),
                "{id} on {}: expected its checks ok: {checks:?}",
                l.backend
            ),
            "skipped" => {
                let reason = reason
                    .as_deref()
                    .unwrap_or_else(|| panic!("{id}: a skipped status needs the expected reason"));
                assert!(
                    !checks.is_empty()
                        && checks.iter().all(|c| c.status == CheckStatus::Skipped
                            && c.reason.as_deref().is_some_and(|r| r.contains(reason))),
                    "{id} on {}: expected skipped ({reason}): {checks:?}",
                    l.backend
                )
            }
            "none" => assert!(
                checks.is_empty(),
                "{id} on {}: expected no check: {checks:?}",
                l.backend
            ),
            other => panic!("{id}: unknown status {other}"),
        }
        passed.push(l.backend);
    }
    passed
}

fn sql_files(dir: &Path) -> Vec<SourceFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.expect("entry").path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "sql"));
    paths.sort_by(|a, b| {
        vigie::migrations::gate::natural_cmp(
            &a.file_name().unwrap().to_string_lossy(),
            &b.file_name().unwrap().to_string_lossy(),
        )
    });
    paths
        .into_iter()
        .map(|p| SourceFile {
            path: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: read(&p).expect("migration"),
        })
        .collect()
}

/// Runs the migration gate on the fixture's migrations, for each dialect.
fn run_gate(id: &str, gate: &Gate) -> Vec<&'static str> {
    let dir = root().join(id);
    let policy_text = fixture_file(id, "policy.toml").expect("policy.toml");
    let mut passed = Vec::new();
    for (name, sql_dialect, dialect) in [
        ("postgres", SqlDialect::Postgres, Dialect::Postgres),
        ("mysql", SqlDialect::Mysql, Dialect::Mysql),
        ("sqlite", SqlDialect::Sqlite, Dialect::Sqlite),
    ] {
        let own = dir.join("migrations").join(name);
        let files = if own.is_dir() {
            sql_files(&own)
        } else {
            sql_files(&dir.join("migrations"))
        };
        assert!(!files.is_empty(), "{id}: no migrations for {name}");
        let policy = vigie::policy::load_str("policy.toml", &policy_text, dialect)
            .unwrap_or_else(|e| panic!("{id}: {}", vigie::policy::diagnostic::render_plain(&e)));
        let report = check(files, &policy, sql_dialect, Default::default());
        assert!(
            report.errors.is_empty(),
            "{id} gate {name}: {:?}",
            report.errors
        );
        let mut want = gate
            .dialect
            .get(name)
            .map(|d| d.findings.clone())
            .unwrap_or_else(|| gate.findings.clone());
        // A caret column is compared where the fixture gives one: on every finding or none.
        let pinned = want.iter().any(|w| w.at.is_some());
        assert!(
            want.iter().all(|w| w.at.is_some() == pinned),
            "{id}: give `at` on every gate finding or on none"
        );
        want.sort();
        let mut got: Vec<GateFound> = report
            .findings
            .iter()
            .filter(|f| f.rule == id)
            .map(|f| GateFound {
                rule: f.rule.clone(),
                file: f.file.clone(),
                line: f.line,
                at: pinned.then_some(f.column),
                table: f.table.clone(),
                column: f.column_name.clone(),
                category: f.category.clone(),
            })
            .collect();
        got.sort();
        match &gate.known_bug {
            None => assert_eq!(got, want, "{id} gate {name}: findings"),
            Some(bug) => {
                let mut today = bug.findings.clone();
                today.sort();
                assert_ne!(
                    want, today,
                    "{id}: a known bug must differ from the documented findings"
                );
                assert_eq!(
                    got, today,
                    "{id} gate {name}: findings differ from the known bug's ({}); if it is \
                     fixed, remove its note",
                    bug.description
                );
                eprintln!("{id} gate {name}: known bug: {}", bug.description);
            }
        }
        passed.push(name);
    }
    passed
}

/// Every folder, on every backend (and every gate dialect where it has migrations). Failures
/// are collected, so one run names every fixture that disagrees.
#[test]
fn every_rule_fixture_on_every_backend() {
    let only = std::env::var("VIGIE_RULE_FIXTURE").ok();
    let mut failures = Vec::new();
    for id in folders() {
        if only.as_deref().is_some_and(|o| o != id) {
            continue;
        }
        let outcome = std::panic::catch_unwind(|| {
            let e = load_expected(&id);
            for f in &e.findings {
                assert_eq!(f.rule, id, "{id}: a finding of another rule is expected");
            }
            let mut summary = Vec::new();
            if has_schema(&id) {
                summary.push(format!("scan on {}", run_live(&id, &e).join(", ")));
            } else {
                assert!(
                    e.findings.is_empty() && e.backend.is_empty(),
                    "{id}: findings expected from a scan without a schema"
                );
            }
            match &e.gate {
                Some(g) => summary.push(format!("gate on {}", run_gate(&id, g).join(", "))),
                None => assert!(
                    !root().join(&id).join("migrations").exists(),
                    "{id}: migrations without a [gate] expectation"
                ),
            }
            assert!(!summary.is_empty(), "{id}: neither schema nor migrations");
            summary.join("; ")
        });
        match outcome {
            Ok(summary) => eprintln!("{id}: {summary}"),
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{id}: {msg}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every registered rule has a fixture folder and full documentation; every folder names a
/// registered rule.
#[test]
fn every_registered_rule_has_a_fixture_and_docs() {
    let reg = vigie::rules::registry();
    let ids: Vec<&str> = reg.rules.iter().map(|r| r.id.as_str()).collect();
    let dirs = folders();
    let missing: Vec<&&str> = ids
        .iter()
        .filter(|id| !dirs.iter().any(|d| d == **id))
        .collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
    let unknown: Vec<&String> = dirs.iter().filter(|d| !ids.contains(&d.as_str())).collect();
    assert!(
        unknown.is_empty(),
        "fixture folders naming no rule: {unknown:?}"
    );
    for r in &reg.rules {
        assert!(!r.family.trim().is_empty(), "{}: no family", r.id);
        for (section, text) in [
            ("what", &r.what),
            ("why", &r.why),
            ("example", &r.example),
            ("remediation", &r.remediation),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {section}", r.id);
        }
        assert!(
            !r.references.is_empty() && r.references.iter().all(|x| !x.trim().is_empty()),
            "{}: no references",
            r.id
        );
    }
}

/// Each folder holds what its kind of fixture needs.
#[test]
fn every_fixture_folder_is_complete() {
    for id in folders() {
        let dir = root().join(&id);
        assert!(
            fixture_file(&id, "policy.toml").is_some(),
            "{id}: no policy.toml"
        );
        assert!(
            dir.join("expected.toml").is_file(),
            "{id}: no expected.toml"
        );
        assert!(
            has_schema(&id) || dir.join("migrations").is_dir(),
            "{id}: neither schema.sql nor migrations/"
        );
    }
}
