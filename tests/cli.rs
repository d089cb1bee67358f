//! The binary as users run it: exit codes, stdout, stderr.

mod common;
use assert_cmd::Command;
use common::*;

fn vigie() -> Command {
    Command::cargo_bin("vigie").unwrap()
}

/// Stderr with line wrapping undone, for substring checks.
fn squash(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn policy_path(name: &str) -> String {
    format!("{}/testdata/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demo_runs_without_a_server_and_exits_1() {
    let out = vigie().args(["demo", "--lang", "en"]).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for rule in [
        "retention-exceeded",
        "retention-anchor-missing",
        "consent-missing",
        "consent-withdrawn",
        "consent-pre-ticked",
        "consent-without-proof",
        "consent-minor-without-parent",
        "card-cvv-stored",
        "waiver-expired",
        "password-plaintext",
        "password-weak-hash",
        "inactive-account",
    ] {
        assert!(stdout.contains(rule), "demo misses {rule}:\n{stdout}");
    }
    assert!(
        stdout.contains("31 finding(s) (3 critical, 17 high, 10 medium, 1 low)"),
        "{stdout}"
    );
    for rule in [
        "free-text-judgement",
        "free-text-sensitive",
        "free-text-identifier",
    ] {
        assert!(stdout.contains(rule), "demo misses {rule}");
    }
    // Neither comment text nor the phone number leaves without --show-excerpts.
    for secret in [
        "alcoolique, la m",
        "06 12 34",
        "FR76 3000",
        "musulman pratiquant",
    ] {
        assert!(!stdout.contains(secret), "{secret} leaked");
    }
    assert!(
        !stdout.contains("@example.org"),
        "personal data in the report"
    );
}

/// Whether `path` is a SQLite database file (its 16-byte header), with the demo's tables.
fn is_demo_database(path: &std::path::Path) -> bool {
    let header = std::fs::read(path).map(|b| b.starts_with(b"SQLite format 3\0"));
    header.unwrap_or(false)
        && rusqlite::Connection::open(path)
            .and_then(|c| {
                c.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
            })
            .is_ok_and(|n| n > 0)
}

#[test]
fn demo_keeps_its_database_with_keep_in_either_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let joined = dir.path().join("joined.db");
    let spaced = dir.path().join("spaced.db");
    vigie()
        .args(["demo", &format!("--keep={}", joined.display())])
        .assert()
        .code(1);
    vigie()
        .args(["demo", "--keep", spaced.to_str().unwrap()])
        .assert()
        .code(1);
    for path in [&joined, &spaced] {
        assert!(path.exists(), "{} was deleted", path.display());
        assert!(
            is_demo_database(path),
            "{} is no SQLite database",
            path.display()
        );
    }
}

#[test]
fn demo_without_keep_leaves_no_file_behind() {
    let tmp = tempfile::tempdir().unwrap();
    vigie()
        .arg("demo")
        .env("TMPDIR", tmp.path())
        .assert()
        .code(1);
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, Vec::<std::ffi::OsString>::new());
}

#[test]
fn scan_json_follows_the_contract() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let out = vigie()
        .args([
            "scan",
            &format!("sqlite://{}", path.display()),
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["tool"]["name"], "vigie");
    assert_eq!(v["as_of"], "2026-11-23T00:00:00Z");
    assert_eq!(v["target"]["dialect"], "sqlite");
    assert_eq!(v["policy"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["summary"]["findings"], 14);
    assert_eq!(v["summary"]["by_severity"]["critical"], 2);
    assert_eq!(v["summary"]["errors"], 0);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "retention-exceeded")
        .unwrap();
    assert_eq!(f["purpose"], "prospection");
    assert_eq!(f["table"], "prospects");
    assert_eq!(f["count"], 3);
    assert_eq!(f["sample_keys"], serde_json::json!(["2", "3", "7"]));
    assert_eq!(f["remediation"]["applicability"], "review");
    assert!(
        f["query"]
            .as_str()
            .unwrap()
            .contains("'2026-11-23 00:00:00'")
    );
    for key in ["column", "category", "message", "legal_reference"] {
        assert!(f.get(key).is_some(), "missing {key}");
    }
    let check = &v["checks"][0];
    assert!(
        check["id"].is_string() && check["status"].is_string() && check["duration_ms"].is_number()
    );
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        !text.contains("@example.org"),
        "an e-mail address leaked into the report"
    );
}

/// Gentle mode changes the pace, never the findings: a throttled scan reports exactly what an
/// unthrottled one does.
#[test]
fn a_throttled_scan_finds_what_a_full_speed_scan_finds() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let report = |extra: &[&str]| {
        let out = vigie()
            .args(["scan", &url, "--policy", &policy_path("rules.toml")])
            .args(["--as-of", AS_OF, "--format", "json"])
            .args(extra)
            .assert()
            .code(1);
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let mut findings: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {}",
                    f["rule"], f["table"], f["count"], f["sample_keys"]
                )
            })
            .collect();
        findings.sort();
        findings
    };
    let full = report(&[]);
    assert_eq!(full.len(), 14);
    assert_eq!(report(&["--jobs", "1", "--throttle", "25%"]), full);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let run = |level: &str| {
        vigie()
            .args([
                "scan",
                &url,
                "--policy",
                &policy_path("rules.toml"),
                "--as-of",
                AS_OF,
                "--quiet",
                "--fail-on",
                level,
            ])
            .assert()
            .get_output()
            .status
            .code()
    };
    assert_eq!(run("critical"), Some(1));
    assert_eq!(run("never"), Some(0));
    // Without the critical custom check there is nothing at critical level.
    // (The built-in `card-security-code` on the same column is critical too: waived here.)
    let policy = fixture("rules.toml").replace("severity = \"critical\"", "severity = \"high\"")
        + "\n[[waiver]]\nrule = \"card-security-code\"\nobject = \"paiements.cvv\"\nreason = \"only the custom check's severity is under test\"\n";
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::write(&p, policy).unwrap();
    let code = vigie()
        .args([
            "scan",
            &url,
            "--policy",
            p.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--quiet",
            "--fail-on",
            "critical",
        ])
        .assert()
        .get_output()
        .status
        .code();
    assert_eq!(code, Some(0));
}

#[test]
fn a_bad_flag_value_is_a_usage_error_naming_the_flag() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let policy = policy_path("rules.toml");
    let cases: [(&[&str], &[&str]); 7] = [
        (
            &["scan", &url, "--policy", &policy, "--fail-on", "bogus"],
            &[
                "'--fail-on <FAIL_ON>'",
                "critical, high, medium, low, info, never",
            ],
        ),
        (
            &["scan", &url, "--policy", &policy, "--as-of", "23/11/2026"],
            &["'--as-of <AS_OF>'", "`23/11/2026` is not a date"],
        ),
        (
            &[
                "scan",
                &url,
                "--policy",
                &policy,
                "--statement-timeout",
                "fast",
            ],
            &[
                "'--statement-timeout <STATEMENT_TIMEOUT>'",
                "not a time limit",
            ],
        ),
        (
            &["scan", &url, "--policy", &policy, "--lock-timeout", "5x"],
            &["'--lock-timeout <LOCK_TIMEOUT>'", "units are ms, s, m, h"],
        ),
        (
            &["scan", &url, "--policy", &policy, "--throttle", "0"],
            &[
                "'--throttle <PERCENT>'",
                "`0` is not a percentage from 1 to 100",
            ],
        ),
        (
            &["discover", &url, "--throttle", "150%"],
            &["'--throttle <PERCENT>'", "not a percentage from 1 to 100"],
        ),
        (
            &["discover", &url, "--statement-timeout", "soon"],
            &[
                "'--statement-timeout <STATEMENT_TIMEOUT>'",
                "not a time limit",
            ],
        ),
    ];
    for (args, wanted) in cases {
        let out = vigie().args(args).assert().code(2);
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.get_output().stderr);
        assert!(stderr.starts_with("error: invalid value"), "{stderr}");
        for w in wanted {
            assert!(stderr.contains(w), "{args:?}: {w} not in {stderr}");
        }
    }
    // `none` is still the old spelling of `never`; values are case-sensitive as before.
    for (level, code) in [("none", 0), ("never", 0), ("info", 1), ("High", 2)] {
        vigie()
            .args(["scan", &url, "--policy", &policy, "--as-of", AS_OF])
            .args(["--quiet", "--fail-on", level])
            .assert()
            .code(code);
    }
}

#[test]
fn a_missing_table_is_an_error_but_other_checks_report() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    std::fs::write(
        &p,
        fixture("rules.toml").replace("table = \"prospects\"\nkeep", "table = \"prospect\"\nkeep"),
    )
    .unwrap();
    let out = vigie()
        .args([
            "scan",
            &format!("sqlite://{}", path.display()),
            "--policy",
            p.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--lang",
            "en",
        ])
        .assert()
        .code(2);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("table `prospect` does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `prospects`?"), "{stderr}");
    assert!(
        stdout.contains("Not verified: 2 check(s) could not run"),
        "{stdout}"
    );
    assert!(stdout.contains("consent-missing"), "{stdout}");
}

#[test]
fn an_unreachable_server_is_one_clear_sentence_without_the_password() {
    let out = vigie()
        .args([
            "scan",
            "postgres://auditor:s3cr3t-pw@127.0.0.1:1/crm",
            "--policy",
            &policy_path("rules.toml"),
        ])
        .env("NO_COLOR", "1")
        .assert()
        .code(2);
    let stderr = squash(&out.get_output().stderr);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stderr.contains("cannot connect to postgres://auditor:***@127.0.0.1:1/crm"),
        "{stderr}"
    );
    assert!(stderr.contains("is the server running"), "{stderr}");
    assert!(!stderr.contains("s3cr3t") && !stdout.contains("s3cr3t"));
    assert!(!stderr.contains("panicked"));
}

#[test]
fn an_unknown_role_is_a_clear_error_without_the_password() {
    if pg_fixture("cli_probe", "SELECT 1").is_none() {
        return;
    }
    let url = pg_base_url().replace("postgres://postgres@", "postgres://nobody_here:hunter2@");
    let out = vigie()
        .args(["scan", &url, "--policy", &policy_path("rules.toml")])
        .env("NO_COLOR", "1")
        .assert()
        .code(2);
    let stderr = squash(&out.get_output().stderr);
    assert!(
        stderr.contains("role \"nobody_here\" does not exist"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn a_missing_sqlite_file_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let out = vigie()
        .args([
            "scan",
            &format!("sqlite://{}", path.display()),
            "--policy",
            &policy_path("rules.toml"),
        ])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("the file does not exist"));
    assert!(!path.exists());
}

#[test]
fn an_invalid_policy_exits_2_with_a_caret() {
    let out = vigie()
        .args([
            "scan",
            "sqlite://x.db",
            "--policy",
            &format!(
                "{}/testdata/policies/invalid/04-bad-duration.toml",
                env!("CARGO_MANIFEST_DIR")
            ),
        ])
        .env("NO_COLOR", "1")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("04-bad-duration.toml:7:8"), "{stderr}");
    assert!(stderr.contains("not a duration"), "{stderr}");
}

#[test]
fn rules_and_explain() {
    let out = vigie().arg("rules").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    for id in vigie::rules::RuleId::ALL {
        assert!(stdout.contains(id.as_str()), "{id}");
    }
    let out = vigie()
        .args(["explain", "consent-pre-ticked"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    for h in [
        "## What it checks",
        "## Why it matters",
        "## Example",
        "## Remediation",
        "## References",
    ] {
        assert!(text.contains(h), "{h}");
    }
    let out = vigie()
        .args(["explain", "consent-pre-tick"])
        .assert()
        .code(2);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr)
            .contains("did you mean `consent-pre-ticked`?")
    );
}

#[test]
fn human_report_snapshot() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let out = vigie()
        .args([
            "scan",
            &url,
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
            "--lang",
            "en",
        ])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout)
        .replace(&url, "sqlite://FIXTURE")
        .replace(&policy_path("rules.toml"), "rules.toml")
        .replace(rusqlite::version(), "VERSION");
    insta::assert_snapshot!("human-report", stdout);
}

#[test]
fn remediation_file_is_written_and_never_run() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let before = std::fs::read(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fix = dir.path().join("fix.sql");
    vigie()
        .args([
            "scan",
            &format!("sqlite://{}", path.display()),
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
            "--quiet",
            "--remediation",
            fix.to_str().unwrap(),
        ])
        .assert()
        .code(1);
    let sql = std::fs::read_to_string(&fix).unwrap();
    assert!(sql.contains("-- rule: retention-exceeded | purpose: prospection | table: prospects"));
    assert!(sql.contains("-- 3 row(s); legal reference:"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_timeout_is_an_error_that_says_what_to_do_and_others_still_run() {
    let Some(url) = pg_fixture("timeout", &fixture("rules.sql")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let slow = "\n[[check]]\nid = \"slow-check\"\nquery = \"SELECT g AS id FROM generate_series(1, 200000000) AS g WHERE g < 0\"\n";
    std::fs::write(&p, format!("{}{slow}", fixture("rules.toml"))).unwrap();
    let out = vigie()
        .args([
            "scan",
            &url,
            "--policy",
            p.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--statement-timeout",
            "300ms",
            "--format",
            "json",
        ])
        .assert()
        .code(2);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let errors: Vec<String> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("custom:slow-check"), "{errors:?}");
    assert!(errors[0].contains("--statement-timeout"), "{errors:?}");
    assert_eq!(
        v["summary"]["findings"], 14,
        "every other check still reported"
    );
}

#[test]
fn a_baseline_with_fail_on_new_fails_only_on_new_findings() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    vigie()
        .args([
            "scan",
            &url,
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--output",
            baseline.to_str().unwrap(),
        ])
        .assert()
        .code(1);
    let run = |policy: &str| {
        vigie()
            .args([
                "scan",
                &url,
                "--policy",
                policy,
                "--as-of",
                AS_OF,
                "--quiet",
                "--baseline",
                baseline.to_str().unwrap(),
                "--fail-on-new",
            ])
            .assert()
            .get_output()
            .status
            .code()
    };
    // Nothing new since the baseline: the known findings no longer fail the run.
    assert_eq!(run(&policy_path("rules.toml")), Some(0));
    // A new finding (a new custom check) fails it.
    let p = dir.path().join("p.toml");
    std::fs::write(
        &p,
        format!("{}\n[[check]]\nid = \"big-payments\"\nquery = \"SELECT id FROM paiements WHERE montant > 15\"\n", fixture("rules.toml")),
    )
    .unwrap();
    assert_eq!(run(p.to_str().unwrap()), Some(1));
    // Without --fail-on-new the baseline changes nothing.
    let code = vigie()
        .args([
            "scan",
            &url,
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
            "--quiet",
            "--baseline",
            baseline.to_str().unwrap(),
        ])
        .assert()
        .get_output()
        .status
        .code();
    assert_eq!(code, Some(1));
}

/// Whether `bytes` hold a control character other than a line break: what a terminal would act
/// on instead of printing. `ESC` alone is enough to hide the rest of the output.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

#[test]
fn bad_flag_combinations_are_usage_errors_naming_the_flag() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let policy = policy_path("rules.toml");
    let cases: [(&[&str], &str); 5] = [
        (
            &["scan", &url, "--policy", &policy, "--lang", "de"],
            "'--lang <LANG>'",
        ),
        (
            &["scan", &url, "--policy", &policy, "--jobs", "0"],
            "'--jobs <JOBS>'",
        ),
        (&["discover", &url, "--jobs", "0"], "'--jobs <JOBS>'"),
        (&["init", &url, "--jobs", "0"], "'--jobs <JOBS>'"),
        (
            &["scan", &url, "--policy", &policy, "--fail-on-new"],
            "--baseline <BASELINE>",
        ),
    ];
    for (args, flag) in cases {
        let out = vigie().args(args).assert().code(2);
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.get_output().stderr);
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(flag), "{args:?}: {flag} not in {stderr}");
    }
    for lang in ["fr", "en"] {
        vigie()
            .args(["scan", &url, "--policy", &policy, "--as-of", AS_OF])
            .args(["--quiet", "--fail-on", "never", "--lang", lang])
            .assert()
            .code(0);
    }
}

#[test]
fn discover_on_a_database_without_tables_is_an_error() {
    let (_dir, path) = sqlite_fixture("CREATE TABLE gone (id INTEGER); DROP TABLE gone;");
    for command in ["discover", "init"] {
        let out = vigie()
            .args([command, &path.display().to_string()])
            .assert()
            .code(2);
        assert!(out.get_output().stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.get_output().stderr);
        assert!(
            stderr.starts_with("error: no table in sqlite://"),
            "{stderr}"
        );
        assert!(stderr.contains("check the URL and --schema"), "{stderr}");
    }
}

fn check_migrations(paths: &[&std::path::Path], format: &str) -> std::process::Output {
    vigie()
        .arg("check-migrations")
        .args(paths)
        .args([
            "--policy",
            &policy_path("rules.toml"),
            "--dialect",
            "sqlite",
        ])
        .args(["--format", format])
        .output()
        .unwrap()
}

#[test]
fn a_file_that_is_not_text_is_named_never_read_as_sql() {
    let dir = tempfile::tempdir().unwrap();
    // A few MB of pseudo-random bytes (xorshift: no dependency, the same bytes every run).
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..3 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let nul = b"CREATE TABLE t (id INTEGER);\0\0\0\nCREATE TABLE u (\0religion TEXT);\n".to_vec();
    for (name, bytes) in [("random.sql", random), ("nul.sql", nul)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = check_migrations(&[&path], "human");
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let wanted = format!("error: {} is not text", path.display());
        assert!(stderr.starts_with(&wanted), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
    }
    // A legacy dump in Latin-1 is text: it is gated, not refused.
    let path = dir.path().join("latin1.sql");
    std::fs::write(&path, b"-- caf\xe9\nCREATE TABLE t (id INTEGER);\n").unwrap();
    let out = check_migrations(&[&path], "human");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_line_too_long_to_show_is_reported_without_its_snippet() {
    // miette cannot pad a caret past column 65535: it panicked here.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("V1__long.sql");
    let sql = format!(
        "CREATE TABLE t (id INTEGER{} religion TEXT, ));\n",
        " ".repeat(70_000)
    );
    std::fs::write(&path, sql).unwrap();
    let out = check_migrations(&[&path], "human");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The policy is French (organisation.country = "FR"): so is the gate by default.
    assert!(
        stdout.contains("ligne trop longue pour être affichée"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}:1:", path.display())),
        "{stdout}"
    );
}

#[test]
fn a_folder_without_migration_files_fails_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "# migrations\n").unwrap();
    let out = check_migrations(&[dir.path()], "human");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let wanted = format!(
        "error: {} holds no migration file (.sql)\n",
        dir.path().display()
    );
    assert_eq!(stderr, wanted);
}

#[test]
fn control_characters_in_names_never_reach_the_terminal() {
    let table = "etu\u{1b}[8mdiants\u{7}";
    let column = "religion\u{1b}[8m\u{7}\u{8}\u{9b}";
    let sql = format!(
        "CREATE TABLE \"{table}\" (id INTEGER PRIMARY KEY, \"{column}\" TEXT);\n\
         INSERT INTO \"{table}\" VALUES (1, 'cath\u{1b}olique');\n"
    );
    let (_dir, path) = sqlite_fixture(&sql);
    let url = path.display().to_string();
    let escaped = "religion\\u{1b}[8m\\u{7}\\u{8}\\u{9b}";
    let scan = vigie()
        .args([
            "scan",
            &url,
            "--policy",
            &policy_path("rules.toml"),
            "--as-of",
            AS_OF,
        ])
        .output()
        .unwrap();
    let discover = vigie().args(["discover", &url]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let migration = dir.path().join("V1__init.sql");
    std::fs::write(&migration, &sql).unwrap();
    let human = check_migrations(&[&migration], "human");
    let github = check_migrations(&[&migration], "github");
    for (what, out) in [
        ("scan", scan),
        ("discover", discover),
        ("gate", human),
        ("github", github),
    ] {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            raw_controls(&out.stdout),
            Vec::<char>::new(),
            "{what}: {stdout}"
        );
        assert!(stdout.contains(escaped), "{what}: {stdout}");
    }
}

/// A policy error on a very long line is reported without its snippet, never a panic (miette
/// cannot pad a caret past column 65,535).
#[test]
fn a_policy_error_on_a_line_too_long_to_show_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.toml");
    let line = format!("name = \"x\"{} bogus = 1", " ".repeat(70_000));
    std::fs::write(&policy, format!("[organisation]\n{line}\n")).unwrap();
    let db = dir.path().join("empty.db");
    rusqlite::Connection::open(&db).unwrap();
    let out = vigie()
        .args(["scan", &format!("sqlite://{}", db.display()), "--policy"])
        .arg(&policy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:2:", policy.display())),
        "{stderr}"
    );
    assert!(stderr.contains("a line too long to show"), "{stderr}");
}

/// Names and URLs reach the terminal escaped, in policy problems and in one-line errors alike:
/// an ESC sequence or a right-to-left override in a name can neither hide the rest of the
/// output nor reverse it.
#[test]
fn policy_problems_and_errors_escape_control_and_bidi_characters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, nom TEXT);")
        .unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\ndata = [\"t\\u001b[8m.x\\u202e\", \"t.id\"]\n",
    )
    .unwrap();
    let url = format!("sqlite://{}", db.display());
    let out = vigie()
        .args(["scan", &url, "--policy"])
        .arg(&policy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("table `t\\u{1b}[8m` does not exist"),
        "{stderr}"
    );
    let missing = format!("sqlite://{}/no\u{1b}[8mpe\u{202e}.db", dir.path().display());
    let out = vigie()
        .args(["scan", &missing, "--policy"])
        .arg(&policy)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("no\\u{1b}[8mpe\\u{202e}.db"), "{stderr}");
    let out = vigie().args(["explain", "x\u{1b}y"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("x\\u{1b}y") && !stderr.contains('\u{1b}'),
        "{stderr}"
    );
}

/// A hostile policy: a check of 50,000 `OR` terms is refused with its line, in a report of a
/// readable size, and vigie exits 2 instead of overflowing its stack.
#[test]
fn a_fifty_thousand_term_check_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);")
        .unwrap();
    let ors = (0..50_000)
        .map(|i| format!("id = {i}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    let policy = dir.path().join("deep.toml");
    std::fs::write(
        &policy,
        format!(
            "[organisation]\nname = \"École\"\ncountry = \"FR\"\n\n[[check]]\nid = \"deep-or\"\n\
             title = \"deep\"\nquery = \"SELECT id FROM t WHERE {ors}\"\n"
        ),
    )
    .unwrap();
    let out = vigie()
        .args(["scan", "--policy"])
        .arg(&policy)
        .arg(format!("sqlite://{}", db.display()))
        .assert()
        .code(2);
    let stderr = &out.get_output().stderr;
    let text = squash(stderr);
    assert!(
        text.contains("the query holds 99999 operators") && text.contains("deep.toml:8:9"),
        "{text}"
    );
    assert!(stderr.len() < 4_000, "{} bytes of report", stderr.len());
    assert!(text.contains("a line too long to show"), "{text}");
}

/// A SQLite file locked by another process (an application writing, a backup) says so and
/// what to do, instead of suggesting the file is not a database.
#[test]
fn a_sqlite_file_locked_by_another_process_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, nom TEXT); BEGIN EXCLUSIVE;")
        .unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\ndata = [\"t.nom\"]\n",
    )
    .unwrap();
    let out = vigie()
        .args(["scan", "--lock-timeout", "1s", "--policy"])
        .arg(&policy)
        .arg(format!("sqlite://{}", db.display()))
        .assert()
        .code(2);
    let text = squash(&out.get_output().stderr);
    assert!(
        text.contains("another process holds a lock on the file")
            && text.contains("--lock-timeout"),
        "{text}"
    );
    assert!(!text.contains("is a SQLite database"), "{text}");
    holder.execute_batch("ROLLBACK").unwrap();
}

/// Run a scan whose only check is a slow but harmless self-join of `big`, report to a JSON file,
/// and call `stop` every 50 ms until it says it ended the check's session; then the scan's
/// output. The scan must exit 2 and say on stderr that the server ended the session.
fn scan_stopped_mid_check(url: &str, mut stop: impl FnMut() -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "[[check]]\nid = \"slow-join\"\ntitle = \"slow\"\n\
         query = \"SELECT a.id FROM big a JOIN big b ON a.v + b.v = -1\"\n",
    )
    .unwrap();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("vigie"))
        .args(["scan", "--lang", "en", "--format", "json", "--output"])
        .arg(dir.path().join("report.json"))
        .arg("--policy")
        .arg(&policy)
        .arg(url)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stopped = (0..300).any(|_| {
        let done = stop();
        if !done {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        done
    });
    let out = child.wait_with_output().unwrap();
    assert!(stopped, "the slow check was never seen running");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = squash(&out.stderr);
    assert!(
        stderr
            .contains("vigie: check custom:slow-join could not run: the server ended the session"),
        "{stderr}"
    );
}

/// A session an administrator terminates mid-scan: the check says the server ended the
/// session, on stderr too when the report goes to a file, and the scan exits 2.
#[test]
fn a_session_terminated_by_an_administrator_is_said_on_stderr() {
    let Some(db) = pg_fixture(
        "terminated",
        "CREATE TABLE big (id integer PRIMARY KEY, v integer);
         INSERT INTO big SELECT g, g % 97 FROM generate_series(1, 40000) g;",
    ) else {
        return;
    };
    let mut admin = postgres::Client::connect(&pg_base_url(), postgres::NoTls).unwrap();
    scan_stopped_mid_check(&db, || {
        !admin
            .query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = $1 AND application_name = 'vigie' AND state = 'active' \
                 AND query LIKE '%big%'",
                &[&db.db_name()],
            )
            .unwrap()
            .is_empty()
    });
}

/// The same on MariaDB: a connection an administrator kills mid-scan.
#[test]
fn a_connection_killed_on_mariadb_is_said_on_stderr() {
    let Some(db) = mysql_fixture(
        "killed",
        "CREATE TABLE big (id integer PRIMARY KEY, v integer);
         INSERT INTO big SELECT seq, seq % 97 FROM seq_1_to_40000;",
    ) else {
        return;
    };
    scan_stopped_mid_check(&db, || {
        let ids = mysql_rows(
            &mysql_base_url(),
            &format!(
                "SELECT id FROM information_schema.processlist WHERE db = '{}' \
                 AND info LIKE '%big a JOIN%'",
                db.db_name()
            ),
        );
        match ids.first().and_then(|r| r[0].clone()) {
            Some(id) => {
                mysql_exec(&mysql_base_url(), &format!("KILL {id}")).unwrap();
                true
            }
            None => false,
        }
    });
}

#[test]
fn the_language_follows_the_policys_country_and_lang_overrides_it() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let scan = |extra: &[&str]| {
        let out = vigie()
            .args([
                "scan",
                &url,
                "--policy",
                &policy_path("rules.toml"),
                "--as-of",
                AS_OF,
            ])
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    // The fixture's organisation is in France: French without a flag.
    let (code, fr, _) = scan(&[]);
    assert_eq!(code, Some(1));
    assert!(
        fr.contains("Finalité ") && fr.contains(" constat(s) ("),
        "{fr}"
    );
    let (_, fr2, _) = scan(&["--lang", "fr"]);
    assert_eq!(fr, fr2);
    let (_, en, _) = scan(&["--lang", "en"]);
    assert!(
        en.contains("Purpose ") && en.contains(" finding(s) ("),
        "{en}"
    );
    // Any other language is a usage error naming the values vigie knows.
    let (code, out, err) = scan(&["--lang", "de"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains("invalid value 'de' for '--lang <LANG>'")
            && err.contains("[possible values: fr, en]"),
        "{err}"
    );
}

#[test]
fn explain_speaks_french_on_request() {
    let out = vigie()
        .args(["explain", "retention-exceeded", "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# retention-exceeded — Lignes conservées au-delà de la durée de conservation déclarée\n"), "{text}");
    assert!(text.contains("Gravité par défaut : élevée · Référence juridique : RGPD art. 5.1.e (limitation de la conservation)"), "{text}");
    assert!(text.contains("## Pourquoi c'est important"), "{text}");
    let en = vigie()
        .args(["explain", "retention-exceeded"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&en.stdout).contains("## Why it matters"));
}

/// The demo's database and policy on disk, for `vigie scan`.
fn demo_files() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    vigie::demo::build(&db).unwrap();
    let policy = format!(
        "{}/{}",
        env!("CARGO_MANIFEST_DIR"),
        vigie::demo::POLICY_PATH
    );
    (dir, db.display().to_string(), policy)
}

#[test]
fn a_scan_prints_no_progress_when_stderr_is_not_a_terminal() {
    let (_dir, db, policy) = demo_files();
    // Every check runs (findings, exit 1): stderr, a pipe here, stays empty.
    let out = vigie()
        .args(["scan", &db, "--policy", &policy, "--format", "json"])
        .args(["--as-of", AS_OF])
        .assert()
        .code(1);
    let out = out.get_output();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("only the report");
    assert_eq!(json["summary"]["errors"], 0);
    // --quiet: nothing at all, the exit code says it.
    let out = vigie()
        .args(["scan", &db, "--policy", &policy, "--quiet"])
        .args(["--as-of", AS_OF])
        .assert()
        .code(1);
    assert!(out.get_output().stdout.is_empty() && out.get_output().stderr.is_empty());
}

/// On a terminal (a pseudo-terminal made by util-linux `script`), the live line is drawn on
/// stderr, counts the checks and is gone before the report; the report file is unaffected.
#[test]
#[allow(clippy::print_stderr)]
fn a_scan_on_a_terminal_shows_its_progress_on_stderr_only() {
    let script = std::path::Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let (dir, db, policy) = demo_files();
    let report = dir.path().join("report.json");
    let bin = assert_cmd::cargo::cargo_bin("vigie");
    let command = format!(
        "{} scan {db} --policy {policy} --as-of {AS_OF} --format json --output {}",
        bin.display(),
        report.display()
    );
    let out = std::process::Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{terminal}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).expect("the report");
    let total = json["checks"].as_array().unwrap().len() - 1; // less the waivers' own outcome
    assert!(
        terminal.contains(&format!("/{total} ")),
        "no progress out of {total} on the terminal: {terminal:?}"
    );
    assert!(terminal.contains(&format!("{total}/{total}")) || terminal.contains("\u{1b}[2K"));
    // With --quiet, nothing is drawn.
    let out = std::process::Command::new(script)
        .args(["-qec", &format!("{command} --quiet"), "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}
