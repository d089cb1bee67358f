//! Every foundation rule on one fixture with boundary rows, on SQLite and PostgreSQL:
//! exact counts, exact sample keys, and the same answer on both backends.

mod common;
use common::*;

fn expected() -> Vec<Row> {
    let mut v = vec![
        row("retention-exceeded", Some("prospects"), 3, &["2", "3", "7"]),
        row("retention-anchor-missing", Some("prospects"), 1, &["5"]),
        row("retention-undeclared", Some("alumni"), 1, &[]),
        row("consent-missing", Some("abonnements"), 3, &["2", "3", "4"]),
        row("consent-withdrawn", Some("abonnements"), 2, &["5", "8"]),
        row("consent-pre-ticked", Some("abonnements"), 1, &["7"]),
        row(
            "consent-without-proof",
            Some("consentements"),
            2,
            &["9", "10"],
        ),
        row(
            "consent-minor-without-parent",
            Some("consentements"),
            2,
            &["10", "13"],
        ),
        row("card-cvv-stored", None, 2, &["2", "3"]),
        // The same CVV column, judged by the built-in column rules of a live scan.
        row("card-security-code", Some("paiements"), 2, &["2", "3"]),
        row("undeclared-column", Some("paiements"), 1, &[]),
        row("undeclared-column", Some("prospects"), 1, &[]),
        row("waiver-expired", None, 1, &["consent-missing:abonnements"]),
        row("waiver-unused", None, 1, &["retention-exceeded:alumni"]),
    ];
    v.sort();
    v
}

fn sorted(mut v: Vec<Row>) -> Vec<Row> {
    v.sort();
    v
}

fn check_report(report: &vigie::engine::ScanReport) {
    assert!(report.errors().is_empty(), "errors: {:?}", report.errors());
    assert_eq!(sorted(rows(report)), expected());
    assert_eq!(report.waived.len(), 1);
    assert_eq!(report.waived[0].object, "abonnements");
}

#[test]
fn foundation_rules_on_sqlite() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let report = scan_text(
        &fixture("rules.toml"),
        &format!("sqlite://{}", path.display()),
        AS_OF,
    );
    check_report(&report);
}

#[test]
fn foundation_rules_on_postgres() {
    let Some(url) = pg_fixture("rules", &fixture("rules.sql")) else {
        return;
    };
    let report = scan_text(&fixture("rules.toml"), &url, AS_OF);
    check_report(&report);
}

#[test]
fn sqlite_and_postgres_agree() {
    let Some(url) = pg_fixture("agree", &fixture("rules.sql")) else {
        return;
    };
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let pg = scan_text(&fixture("rules.toml"), &url, AS_OF);
    let lite = scan_text(
        &fixture("rules.toml"),
        &format!("sqlite://{}", path.display()),
        AS_OF,
    );
    assert_eq!(rows(&pg), rows(&lite));
    let messages = |r: &vigie::engine::ScanReport| {
        r.findings
            .iter()
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(&pg), messages(&lite));
}

/// 29 February minus one year is 28 February: a row exactly one year old is kept.
#[test]
fn leap_day_boundary_on_both_backends() {
    let policy = fixture("leap.toml");
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let lite = scan_text(
        &policy,
        &format!("sqlite://{}", path.display()),
        "2024-02-29",
    );
    assert_eq!(
        of_rule(&lite, "retention-exceeded"),
        vec![row("retention-exceeded", Some("comptes"), 1, &["2"])]
    );
    if let Some(url) = pg_fixture("leap", &fixture("rules.sql")) {
        let pg = scan_text(&policy, &url, "2024-02-29");
        assert_eq!(
            of_rule(&pg, "retention-exceeded"),
            vec![row("retention-exceeded", Some("comptes"), 1, &["2"])]
        );
    }
}

/// One second later, the row that was exactly 3 years old is over.
#[test]
fn one_second_after_the_boundary() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let report = scan_text(&fixture("rules.toml"), &url, "2026-11-23T00:00:01Z");
    assert_eq!(
        of_rule(&report, "retention-exceeded"),
        vec![row(
            "retention-exceeded",
            Some("prospects"),
            4,
            &["1", "2", "3", "7"]
        )]
    );
}

#[test]
fn max_keys_limits_and_zero_means_all() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let mut opts = options(AS_OF);
    opts.max_keys = 1;
    let r = scan_with(&fixture("rules.toml"), &url, &opts);
    assert_eq!(
        of_rule(&r, "retention-exceeded"),
        vec![row("retention-exceeded", Some("prospects"), 3, &["2"])]
    );
    opts.max_keys = 0;
    let r = scan_with(&fixture("rules.toml"), &url, &opts);
    assert_eq!(
        of_rule(&r, "retention-exceeded"),
        vec![row(
            "retention-exceeded",
            Some("prospects"),
            3,
            &["2", "3", "7"]
        )]
    );
}

#[test]
fn output_is_identical_run_after_run() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let url = format!("sqlite://{}", path.display());
    let render = |jobs| {
        let mut opts = options(AS_OF);
        opts.jobs = jobs;
        let r = scan_with(&fixture("rules.toml"), &url, &opts);
        vigie::report::json::render(&r)
            .lines()
            .filter(|l| !l.contains("duration_ms"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let first = render(1);
    assert_eq!(first, render(4));
    assert_eq!(first, render(2));
}
