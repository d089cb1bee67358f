//! Whole JSON reports, snapshotted: the demo CRM and the rule fixtures, on every backend.
//!
//! These snapshots were taken before the engine was reorganised into one unit per rule; a
//! change of structure must leave every finding, count, key, message, query, remediation
//! and check status exactly as it was. Only what depends on the run is blanked: durations,
//! the scratch database's name and the server's version.

mod common;
use common::*;
use serde_json::Value;

/// The JSON report of a scan, without what differs from run to run.
fn stable_json(report: &vigie::scan::ScanReport) -> String {
    let mut v: Value = serde_json::from_str(&vigie::report::json::render(report)).unwrap();
    v["target"]["database"] = Value::Null;
    v["target"]["server_version"] = Value::Null;
    v["tool"]["version"] = Value::Null;
    if let Some(checks) = v["checks"].as_array_mut() {
        for c in checks {
            c["duration_ms"] = Value::Null;
            // Which rule ids a check may yield is bookkeeping of the engine; the check's
            // id, status and reason are what a user reads.
            if let Some(o) = c.as_object_mut() {
                o.remove("rule");
                o.remove("rules");
            }
        }
    }
    let mut s = serde_json::to_string_pretty(&v).unwrap();
    s.push('\n');
    s
}

fn snapshot_every_backend(case: &str, sql: &str, policy: &str, as_of: &str) {
    for l in every_backend(case, sql) {
        let report = scan_text(policy, &l.url, as_of);
        insta::assert_snapshot!(format!("{case}-{}", l.backend), stable_json(&report));
    }
}

#[test]
fn demo_crm_reports_are_unchanged() {
    // The demo's seed is SQLite's own SQL.
    let (_dir, path) = sqlite_fixture(vigie::demo::SEED);
    let url = format!("sqlite://{}", path.display());
    let report = scan_text(vigie::demo::POLICY, &url, AS_OF);
    insta::assert_snapshot!("demo-sqlite", stable_json(&report));
    let mut opts = options(AS_OF);
    opts.show_excerpts = true;
    opts.max_keys = 0;
    let report = scan_with(vigie::demo::POLICY, &url, &opts);
    insta::assert_snapshot!("demo-sqlite-excerpts-all-keys", stable_json(&report));
}

#[test]
fn rule_fixture_reports_are_unchanged() {
    snapshot_every_backend(
        "rules",
        &fixture("rules.sql"),
        &fixture("rules.toml"),
        AS_OF,
    );
}

#[test]
fn rights_fixture_reports_are_unchanged() {
    snapshot_every_backend(
        "rights",
        &fixture("rights.sql"),
        &fixture("rights.toml"),
        AS_OF,
    );
}

#[test]
fn leap_day_reports_are_unchanged() {
    snapshot_every_backend(
        "leap",
        &fixture("rules.sql"),
        &fixture("leap.toml"),
        "2024-02-29",
    );
}
