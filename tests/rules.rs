//! Every foundation rule on one fixture with boundary rows, on SQLite, PostgreSQL and
//! MariaDB: exact counts, exact sample keys, and the same answer on every backend.

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

fn check_report(backend: &str, report: &vigie::scan::ScanReport) {
    assert!(
        report.errors().is_empty(),
        "{backend} errors: {:?}",
        report.errors()
    );
    assert_eq!(sorted(rows(report)), expected(), "{backend}");
    assert_eq!(report.waived.len(), 1, "{backend}");
    assert_eq!(report.waived[0].object, "abonnements", "{backend}");
}

/// What a finding says, except the catalog's row estimate: PostgreSQL has none before its
/// first ANALYZE, SQLite none at all, InnoDB always one, so that parenthesis is the one
/// place where the backends may honestly differ.
fn messages(r: &vigie::scan::ScanReport) -> Vec<String> {
    let estimate = regex::Regex::new(r" \(about \d+ rows\)").unwrap();
    r.findings
        .iter()
        .map(|f| estimate.replace(&f.message, "").into_owned())
        .collect()
}

/// The one fixture, loaded into SQLite, PostgreSQL and MariaDB: every rule runs on each and
/// the findings (rule, table, count, sample keys, messages) are the same, in the same order.
#[test]
fn foundation_rules_on_every_backend() {
    let loaded = every_backend("rules", &fixture("rules.sql"));
    let mut first: Option<(&str, Vec<Row>, Vec<String>)> = None;
    for l in &loaded {
        let report = scan_text(&fixture("rules.toml"), &l.url, AS_OF);
        check_report(l.backend, &report);
        let here = (rows(&report), messages(&report));
        match &first {
            None => first = Some((l.backend, here.0, here.1)),
            Some((name, r, m)) => {
                assert_eq!(&here.0, r, "{} and {name} differ", l.backend);
                assert_eq!(&here.1, m, "{} and {name} differ", l.backend);
            }
        }
    }
}

/// 29 February minus one year is 28 February: a row exactly one year old is kept.
#[test]
fn leap_day_boundary_on_every_backend() {
    let policy = fixture("leap.toml");
    for l in every_backend("leap", &fixture("rules.sql")) {
        let report = scan_text(&policy, &l.url, "2024-02-29");
        assert_eq!(
            of_rule(&report, "retention-exceeded"),
            vec![row("retention-exceeded", Some("comptes"), 1, &["2"])],
            "{}",
            l.backend
        );
    }
}

/// One second later, the row that was exactly 3 years old is over.
#[test]
fn one_second_after_the_boundary_on_every_backend() {
    for l in every_backend("second", &fixture("rules.sql")) {
        let report = scan_text(&fixture("rules.toml"), &l.url, "2026-11-23T00:00:01Z");
        assert_eq!(
            of_rule(&report, "retention-exceeded"),
            vec![row(
                "retention-exceeded",
                Some("prospects"),
                4,
                &["1", "2", "3", "7"]
            )],
            "{}",
            l.backend
        );
    }
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

/// A statement that fails on the server must not poison the session: with one job, every
/// later check runs on the same connection and must still report.
#[test]
fn a_failing_statement_does_not_poison_the_postgres_session() {
    let Some(url) = pg_fixture("poison", &fixture("rules.sql")) else {
        return;
    };
    // Planned first: a retention whose anchor is text that is not a date fails at run time.
    let failing = "[[purpose]]\nid = \"aaa-broken\"\nlegal_basis = \"contract\"\n\n[[purpose.retention]]\ntable = \"prospects\"\nkeep = \"1y\"\nfrom = \"email\"\n\n";
    let policy = format!("{failing}{}", fixture("rules.toml"));
    let mut opts = options(AS_OF);
    opts.jobs = 1;
    let report = scan_with(&policy, &url, &opts);
    let errors = report.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("retention-exceeded:aaa-broken:prospects"),
        "{errors:?}"
    );
    // Everything else still reports; the retention-exceeded waiver is not called unused,
    // since one retention-exceeded check could not run.
    let want: Vec<Row> = expected()
        .into_iter()
        .filter(|r| r.0 != "waiver-unused")
        .collect();
    assert_eq!(sorted(rows(&report)), want);
}

fn rights_expected() -> Vec<Row> {
    vec![
        row(
            "request-answered-late",
            Some("demandes_droits"),
            2,
            &["6", "10"],
        ),
        row(
            "request-overdue",
            Some("demandes_droits"),
            3,
            &["2", "4", "7"],
        ),
        row(
            "retention-anchor-missing",
            Some("demandes_droits"),
            1,
            &["9"],
        ),
    ]
}

#[test]
fn request_deadlines_on_sqlite_and_postgres() {
    let (_dir, path) = sqlite_fixture(&fixture("rights.sql"));
    let lite = scan_text(
        &fixture("rights.toml"),
        &format!("sqlite://{}", path.display()),
        AS_OF,
    );
    assert!(lite.errors().is_empty(), "{:?}", lite.errors());
    assert_eq!(sorted(rows(&lite)), rights_expected());
    if let Some(url) = pg_fixture("rights", &fixture("rights.sql")) {
        let pg = scan_text(&fixture("rights.toml"), &url, AS_OF);
        assert!(pg.errors().is_empty(), "{:?}", pg.errors());
        assert_eq!(sorted(rows(&pg)), rights_expected());
    }
}

/// The same grants on PostgreSQL and MariaDB give the same findings: a table open to PUBLIC,
/// and a profile's role reaching a table its `may_read` does not list through a role it holds
/// (MariaDB) or directly (PostgreSQL). SQLite has no privileges: both checks are skipped.
#[test]
fn access_grants_on_postgres_and_mysql_and_skipped_on_sqlite() {
    let grants = "\nGRANT SELECT ON alumni TO PUBLIC;\nDO $$ BEGIN CREATE ROLE vigie_t_crm_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\nGRANT SELECT ON prospects, consentements TO vigie_t_crm_reader;\n";
    let policy = format!(
        "{}\n[[access]]\nrole = \"vigie_t_crm_reader\"\nmay_read = [\"prospects\"]\n",
        fixture("rules.toml")
    );
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let lite = scan_text(&policy, &format!("sqlite://{}", path.display()), AS_OF);
    let skipped: Vec<&str> = lite
        .checks
        .iter()
        .filter(|c| {
            c.rules[0].starts_with("access-") && c.status == vigie::finding::CheckStatus::Skipped
        })
        .map(|c| c.rules[0].as_str())
        .collect();
    assert_eq!(skipped, ["access-excessive-grant", "access-public-grant"]);
    let expected_public = vec![row("access-public-grant", Some("alumni"), 1, &[])];
    let expected_excessive = vec![row(
        "access-excessive-grant",
        Some("consentements"),
        1,
        &["vigie_t_crm_reader"],
    )];
    if let Some(url) = pg_fixture("access", &format!("{}{grants}", fixture("rules.sql"))) {
        let pg = scan_text(&policy, &url, AS_OF);
        assert!(pg.errors().is_empty(), "{:?}", pg.errors());
        assert_eq!(of_rule(&pg, "access-public-grant"), expected_public);
        assert_eq!(of_rule(&pg, "access-excessive-grant"), expected_excessive);
        assert_unknown_role_is_a_problem(&policy, &url);
    }
    // MariaDB: the user holds the grants through a role (a second role, granted to the first,
    // holds one of them), plus a column grant on a table its profile lists.
    let my_grants = format!(
        "
        DROP ROLE IF EXISTS vigie_t_crm_role;
        DROP ROLE IF EXISTS vigie_t_crm_inner;
        DROP USER IF EXISTS 'vigie_t_crm_reader'@'%';
        CREATE ROLE vigie_t_crm_role;
        CREATE ROLE vigie_t_crm_inner;
        CREATE USER 'vigie_t_crm_reader'@'%';
        GRANT vigie_t_crm_inner TO vigie_t_crm_role;
        GRANT vigie_t_crm_role TO 'vigie_t_crm_reader'@'%';
        GRANT SELECT ON {db}.prospects TO vigie_t_crm_role;
        GRANT SELECT ON {db}.consentements TO vigie_t_crm_inner;
        GRANT SELECT (id) ON {db}.prospects TO 'vigie_t_crm_reader'@'%';
        GRANT SELECT ON {db}.alumni TO PUBLIC;
        DROP USER IF EXISTS 'vigie_t_blind'@'%';
        CREATE USER 'vigie_t_blind'@'%';
        GRANT SELECT ON {db}.* TO 'vigie_t_blind'@'%';
    ",
        db = scratch_name("access")
    );
    let Some(url) = mysql_fixture("access", &format!("{}{my_grants}", fixture("rules.sql"))) else {
        return;
    };
    let my = scan_text(&policy, &url, AS_OF);
    assert!(my.errors().is_empty(), "{:?}", my.errors());
    assert_eq!(of_rule(&my, "access-public-grant"), expected_public);
    assert_eq!(of_rule(&my, "access-excessive-grant"), expected_excessive);
    assert!(my.problems.is_empty(), "{:?}", my.problems);
    assert_unknown_role_is_a_problem(&policy, &url);
    let fix = &my
        .findings
        .iter()
        .find(|f| f.rule == "access-excessive-grant")
        .expect("an excessive grant")
        .remediation
        .as_ref()
        .expect("remediation")
        .sql;
    assert!(
        fix.contains("REVOKE ALL PRIVILEGES ON `consentements` FROM 'vigie_t_crm_inner'@'';"),
        "{fix}"
    );
    // An account that sees only its own grants cannot tell: both checks are errors, never a
    // pass, and say what to grant; every other check still runs.
    let (head, tail) = url.split_once("://").expect("a URL");
    let host = tail.rsplit_once('@').map_or(tail, |(_, h)| h);
    let blind_url = format!("{head}://vigie_t_blind@{host}");
    let blind = scan_text(&policy, &blind_url, AS_OF);
    let errors = blind.errors();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("access-") && e.contains("GRANT SELECT ON mysql.*")),
        "{errors:?}"
    );
    assert_eq!(
        without_access(sorted(rows(&blind))),
        without_access(sorted(rows(&my)))
    );
}

/// A role the server does not know is a policy problem found before any check runs, with
/// its line and the closest role's name; the other checks still run.
fn assert_unknown_role_is_a_problem(policy: &str, url: &str) {
    let typo = policy.replace(
        "role = \"vigie_t_crm_reader\"",
        "role = \"vigie_t_crm_readr\"",
    );
    let report = scan_text(&typo, url, AS_OF);
    let problems: Vec<String> = report
        .problems
        .iter()
        .map(|p| vigie::policy::diagnostic::render_plain(p))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("role `vigie_t_crm_readr` does not exist on the server")
            && problems[0].contains("did you mean `vigie_t_crm_reader")
            && problems[0].contains("policy.toml:"),
        "{}",
        problems[0]
    );
    assert_eq!(of_rule(&report, "access-public-grant").len(), 1);
}

fn without_access(rows: Vec<Row>) -> Vec<Row> {
    rows.into_iter()
        .filter(|r| !r.0.starts_with("access-"))
        .collect()
}

/// A statement that fails at the server is that check's error only: on one session (`--jobs
/// 1`) every later check still runs in the same snapshot. (PostgreSQL aborts the transaction
/// on an error; the session rolls back to a savepoint and goes on.)
#[test]
fn a_failed_statement_leaves_the_session_usable_on_every_backend() {
    // Custom checks run in policy order, after the retention and consent checks.
    let policy = format!(
        "[[check]]\nid = \"broken\"\nquery = \"SELECT no_such_column FROM paiements\"\n\n{}",
        fixture("rules.toml")
    );
    for l in every_backend("failed", &fixture("rules.sql")) {
        let mut opts = options(AS_OF);
        opts.jobs = 1;
        let report = scan_with(&policy, &l.url, &opts);
        let errors = report.errors();
        assert_eq!(errors.len(), 1, "{}: {errors:?}", l.backend);
        assert!(
            errors[0].starts_with("custom:broken"),
            "{}: {errors:?}",
            l.backend
        );
        assert_eq!(sorted(rows(&report)), expected(), "{}", l.backend);
    }
}

/// A stale waiver is reported for every rule a check may yield, not only for the one a
/// check was once filed under: free-text, password and value checks each yield several rules.
#[test]
fn a_stale_waiver_of_any_rule_a_check_yields_is_reported() {
    let (_dir, path) = sqlite_fixture(vigie::demo::SEED);
    let mut policy = vigie::demo::POLICY.to_string();
    for rule in [
        "free-text-judgement",
        "free-text-sensitive",
        "password-weak-hash",
        "sensitive-column",
    ] {
        policy.push_str(&format!(
            "\n[[waiver]]\nrule = \"{rule}\"\nobject = \"eleves.nowhere\"\nreason = \"stale\"\n"
        ));
    }
    let report = scan_text(&policy, &format!("sqlite://{}", path.display()), AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    let unused: Vec<String> = of_rule(&report, "waiver-unused")
        .into_iter()
        .flat_map(|r| r.3)
        .collect();
    assert_eq!(
        unused,
        [
            "free-text-judgement:eleves.nowhere",
            "free-text-sensitive:eleves.nowhere",
            "password-weak-hash:eleves.nowhere",
            "sensitive-column:eleves.nowhere",
        ]
    );
}

/// A table keyed by e-mail address: the sample keys are shown hashed, the message says so, and
/// no address appears in the report's keys or message.
#[test]
fn keys_that_are_personal_data_are_hashed() {
    let sql = "CREATE TABLE contacts (email TEXT PRIMARY KEY, dernier_contact DATE);\n\
               INSERT INTO contacts VALUES ('lea.martin@example.org', '2019-01-10'), ('tom@example.org', '2026-10-01');\n";
    let policy = "[[purpose]]\nid = \"prospection\"\nlegal_basis = \"legitimate-interest\"\ndata = [\"contacts.email\", \"contacts.dernier_contact\"]\n[[purpose.retention]]\ntable = \"contacts\"\nkeep = \"3y\"\nfrom = \"dernier_contact\"\n";
    let (_dir, path) = sqlite_fixture(sql);
    let report = scan_text(policy, &format!("sqlite://{}", path.display()), AS_OF);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "retention-exceeded")
        .expect("a retention finding");
    assert_eq!(f.count, 1);
    assert_eq!(f.sample_keys.len(), 1);
    assert!(
        f.sample_keys[0].starts_with("sha256:") && f.sample_keys[0].len() == 19,
        "{:?}",
        f.sample_keys
    );
    assert!(f.message.contains("shown as sha256:"), "{}", f.message);
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.sample_keys.iter().all(|k| !k.contains('@')))
    );
}

/// A permission error names its cause: a function the audit role may not call is not "grant
/// SELECT"; the other checks still run.
#[test]
fn a_function_the_role_may_not_call_is_named_as_such() {
    let sql = "CREATE TABLE t (id integer PRIMARY KEY);\nINSERT INTO t VALUES (1);\n\
               CREATE FUNCTION vigie_secret() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';\n\
               REVOKE EXECUTE ON FUNCTION vigie_secret() FROM PUBLIC;\n\
               DO $$ BEGIN CREATE ROLE vigie_t_noexec LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n\
               GRANT SELECT ON t TO vigie_t_noexec;\n";
    let Some(url) = pg_fixture("noexec", sql) else {
        return;
    };
    let (head, tail) = url.split_once("://").expect("a URL");
    let host = tail.rsplit_once('@').map_or(tail, |(_, h)| h);
    let url = format!("{head}://vigie_t_noexec@{host}");
    let policy = "[[check]]\nid = \"uses-a-function\"\nquery = \"SELECT id FROM t WHERE vigie_secret() = 1\"\n\n[[check]]\nid = \"plain\"\nquery = \"SELECT id FROM t\"\n\n[[trusted_functions]]\nname = \"vigie_secret\"\nreason = \"immutable, returns a constant\"\n";
    let report = scan_text(policy, &url, AS_OF);
    let errors = report.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("may not call this function") && !errors[0].contains("grant SELECT"),
        "{}",
        errors[0]
    );
    assert_eq!(of_rule(&report, "plain").len(), 1);
}
