//! A scan on a streaming standby, the way a careful DBA points an audit at production: a
//! primary and a standby of the test's own (`initdb`, `pg_basebackup -R`, other ports, in a
//! temporary directory), started and stopped by the test; the machine's server is not touched.
//!
//! The standby gives the primary's findings; a policy that tries to pause replay or promote
//! the standby is refused; replay is never paused and the standby is never promoted.
//!
//! When the server programs are missing or cannot run here the test says so and is skipped,
//! except under `CI=true`, where it fails.
#![allow(clippy::print_stderr)]

mod common;

use assert_cmd::Command;
use common::cluster::{Cluster, Workdir};
use common::{AS_OF, fixture};
use std::time::{Duration, Instant};

fn skip_or_fail(why: String) {
    if common::in_ci() {
        panic!("{why} (CI=true: a server test never passes silently)");
    }
    eprintln!("skipping the standby test: {why}");
}

/// (rule, table, count, keys) of a JSON report's findings, sorted, and the report's error count.
fn findings(url: &str, policy: &std::path::Path) -> (Vec<String>, u64, serde_json::Value) {
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .args(["scan", url, "--policy", policy.to_str().unwrap()])
        .args(["--as-of", AS_OF, "--format", "json", "--jobs", "2"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut rows: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {} {}",
                f["rule"], f["table"], f["column"], f["count"], f["sample_keys"]
            )
        })
        .collect();
    rows.sort();
    let errors = v["summary"]["errors"].as_u64().unwrap();
    (rows, errors, v)
}

/// Wait until the standby has replayed everything the primary wrote so far.
fn caught_up(primary: &Cluster, standby: &Cluster) {
    let target = primary.value("postgres", "SELECT pg_current_wal_lsn()::text");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let behind = standby.value(
            "postgres",
            &format!("SELECT (pg_last_wal_replay_lsn() < '{target}'::pg_lsn)::text"),
        );
        if behind == "false" {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the standby did not replay up to {target} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_standby_gives_the_primarys_findings_and_is_never_paused_or_promoted() {
    let work = match Workdir::new() {
        Ok(w) => w,
        Err(e) => return skip_or_fail(e),
    };
    let t0 = Instant::now();
    let primary = match Cluster::init(&work, "primary", "") {
        Ok(c) => c,
        Err(e) => return skip_or_fail(format!("cannot start a primary of the test's own: {e}")),
    };
    let mut c = primary.client("postgres");
    c.batch_execute("CREATE DATABASE audit").unwrap();
    primary
        .client("audit")
        .batch_execute(&fixture("rules.sql"))
        .unwrap();
    drop(c);
    let standby = Cluster::standby_of(&primary, &work, "standby")
        .unwrap_or_else(|e| panic!("pg_basebackup and a standby: {e}"));
    assert_eq!(
        standby.value("postgres", "SELECT pg_is_in_recovery()::text"),
        "true"
    );
    caught_up(&primary, &standby);
    eprintln!("primary and standby ready in {:?}", t0.elapsed());

    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(&policy, fixture("rules.toml")).unwrap();
    let (on_primary, errors, _) = findings(&primary.url("audit"), &policy);
    assert_eq!(errors, 0);
    assert!(on_primary.len() >= 10, "{on_primary:?}");
    let (on_standby, errors, _) = findings(&standby.url("audit"), &policy);
    assert_eq!(errors, 0, "a check failed on the standby");
    assert_eq!(on_standby, on_primary, "the standby's findings differ");
    eprintln!("scanned both in {:?}", t0.elapsed());

    // A hostile policy: each check tries to stop or promote the standby, some hidden.
    let hostile = [
        r#"SELECT id FROM prospects WHERE pg_wal_replay_pause() IS NULL"#,
        r#"SELECT id FROM prospects WHERE pg_promote(false)"#,
        r#"SELECT id FROM prospects WHERE pg_catalog.pg_promote()"#,
        r#"SELECT id FROM prospects WHERE U&"pg\005fwal\005freplay\005fpause"() IS NULL"#,
        r#"SELECT id FROM prospects WHERE "PG_PROMOTE"() OR "pg_promote"()"#,
        r#"SELECT id FROM prospects WHERE EXISTS (SELECT pg_wal_replay_pause())"#,
    ];
    let mut text = fixture("rules.toml");
    for (i, q) in hostile.iter().enumerate() {
        text.push_str(&format!(
            "\n[[check]]\nid = \"hostile-{i}\"\nquery = '{q}'\n"
        ));
    }
    std::fs::write(&policy, text).unwrap();
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .args([
            "scan",
            &standby.url("audit"),
            "--policy",
            policy.to_str().unwrap(),
        ])
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    for i in 0..hostile.len() {
        assert!(
            stderr.contains(&format!("check `hostile-{i}` is refused")),
            "hostile-{i} not refused: {stderr}"
        );
    }

    // Replay was never paused and the standby never promoted: it still replays what the
    // primary writes after the scans.
    assert_eq!(
        standby.value("postgres", "SELECT pg_get_wal_replay_pause_state()"),
        "not paused"
    );
    assert_eq!(
        standby.value("postgres", "SELECT pg_is_in_recovery()::text"),
        "true"
    );
    primary
        .client("audit")
        .batch_execute("CREATE TABLE written_after (id int); INSERT INTO written_after VALUES (7)")
        .unwrap();
    caught_up(&primary, &standby);
    assert_eq!(
        standby.value("audit", "SELECT sum(id)::text FROM written_after"),
        "7"
    );
    drop(standby);
    drop(primary);
}
