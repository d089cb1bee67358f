//! The migration gate: rules on what migrations introduce, positions, inline ignores, the
//! live base, and the four output formats.

mod common;
use assert_cmd::Command;
use common::*;
use std::path::{Path, PathBuf};
use vigie::dialect::Dialect;
use vigie::migrations::SqlDialect;
use vigie::migrations::gate::{GateReport, SourceFile, check};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_policy() -> vigie::policy::Policy {
    vigie::policy::load(
        &root().join("testdata/migrations/policy.toml"),
        Dialect::Postgres,
    )
    .unwrap()
}

fn files_under(dir: &Path) -> Vec<SourceFile> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                paths.push(p);
            }
        }
    }
    paths.sort_by(|a, b| {
        vigie::migrations::gate::natural_cmp(
            &a.file_name().unwrap().to_string_lossy(),
            &b.file_name().unwrap().to_string_lossy(),
        )
    });
    paths
        .into_iter()
        .map(|p| SourceFile {
            path: p.strip_prefix(root()).unwrap().display().to_string(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect()
}

fn one(sql: &str) -> Vec<SourceFile> {
    vec![SourceFile {
        path: "V1__test.sql".into(),
        text: sql.into(),
    }]
}

fn brief(r: &GateReport) -> String {
    r.findings
        .iter()
        .map(|f| {
            let obj = match (&f.table, &f.column_name) {
                (Some(t), Some(c)) => format!("{t}.{c}"),
                (Some(t), None) => t.clone(),
                _ => String::new(),
            };
            format!(
                "{}:{}:{} {} [{}] {}",
                f.file, f.line, f.column, f.rule, f.severity, obj
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn has(r: &GateReport, rule: &str, object: &str) -> bool {
    r.findings.iter().any(|f| {
        f.rule == rule
            && match (&f.table, &f.column_name) {
                (Some(t), Some(c)) => format!("{t}.{c}") == object,
                (Some(t), None) => t == object,
                _ => false,
            }
    })
}

/// Each tool's migrations are one history: run them separately, as CI would.
fn corpus(dialect_dir: &str, dialect: SqlDialect) -> Vec<(String, GateReport)> {
    let base = root().join("testdata/migrations").join(dialect_dir);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| {
            let name = d.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                check(
                    files_under(&d),
                    &corpus_policy(),
                    dialect,
                    Default::default(),
                ),
            )
        })
        .collect()
}

fn corpus_brief(reports: &[(String, GateReport)]) -> String {
    reports
        .iter()
        .map(|(n, r)| format!("## {n}\n{}\n", brief(r)))
        .collect()
}

#[test]
fn postgres_corpus_snapshot() {
    let reports = corpus("postgres", SqlDialect::Postgres);
    let statements: usize = reports.iter().map(|(_, r)| r.statements).sum();
    assert!(statements >= 300, "{statements}");
    let flyway = &reports.iter().find(|(n, _)| n == "flyway").unwrap().1;
    assert!(
        has(flyway, "sensitive-column", "etudiants.religion"),
        "{}",
        brief(flyway)
    );
    assert!(has(flyway, "sensitive-column", "etudiants.sante"));
    assert!(has(flyway, "sensitive-column", "etudiants.num_secu"));
    assert!(has(
        flyway,
        "sensitive-column",
        "candidats.casier_judiciaire"
    ));
    assert!(has(
        flyway,
        "consent-default-true",
        "prospects.consentement_rgpd"
    ));
    // V6 sets the default of optin_newsletter back to false: the final schema is fine.
    assert!(!has(
        flyway,
        "consent-default-true",
        "prospects.optin_newsletter"
    ));
    assert!(
        has(flyway, "undeclared-column", "prospects.notes_conseiller"),
        "renamed from commentaire in V6"
    );
    assert!(
        !has(flyway, "undeclared-column", "prospects.email"),
        "declared in the policy"
    );
    insta::assert_snapshot!("gate-postgres", corpus_brief(&reports));
}

#[test]
fn mysql_corpus_snapshot() {
    let reports = corpus("mysql", SqlDialect::Mysql);
    let statements: usize = reports.iter().map(|(_, r)| r.statements).sum();
    assert!(statements >= 300, "{statements}");
    let all: Vec<&vigie::migrations::gate::GateFinding> = reports
        .iter()
        .flat_map(|(_, r)| r.findings.iter())
        .collect();
    assert!(all.iter().any(|f| f.rule == "card-security-code"));
    assert!(all.iter().any(|f| f.rule == "identifier-column"));
    assert!(all.iter().any(|f| f.rule == "consent-default-true"));
    insta::assert_snapshot!("gate-mysql", corpus_brief(&reports));
}

/// ORMs that write camelCase (Prisma, TypeORM): `createdAt` and `userId` are bookkeeping and
/// keys like `created_at` and `user_id`; `firstName` is a first name like `first_name`.
#[test]
fn camel_case_columns_read_like_snake_case() {
    let policy = corpus_policy();
    let sql = "CREATE TABLE \"Contact\" (\n  \"id\" SERIAL NOT NULL,\n  \"userId\" INTEGER NOT NULL,\n  \"firstName\" TEXT,\n  \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  \"updatedAt\" TIMESTAMP(3) NOT NULL,\n  CONSTRAINT \"Contact_pkey\" PRIMARY KEY (\"id\")\n);\n";
    let r = check(one(sql), &policy, SqlDialect::Postgres, Default::default());
    let undeclared: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "undeclared-column")
        .filter_map(|f| f.column_name.as_deref())
        .collect();
    assert_eq!(undeclared, ["firstName"], "{}", brief(&r));
}

#[test]
fn each_rule_positive_and_negative() {
    let policy = corpus_policy();
    let sql = "CREATE TABLE dossiers (\n  id serial PRIMARY KEY,\n  etudiant_id int,\n  religion text,\n  iban varchar(34),\n  cvv char(3),\n  accepte_newsletter boolean DEFAULT true,\n  observations text,\n  created_at timestamp\n);\nALTER TABLE etudiants ADD COLUMN groupe_sanguin text;\n";
    let r = check(one(sql), &policy, SqlDialect::Postgres, Default::default());
    assert!(
        has(&r, "sensitive-column", "dossiers.religion"),
        "{}",
        brief(&r)
    );
    assert!(
        has(&r, "identifier-column", "dossiers.iban"),
        "{}",
        brief(&r)
    );
    assert!(
        has(&r, "card-security-code", "dossiers.cvv"),
        "{}",
        brief(&r)
    );
    assert!(
        has(&r, "consent-default-true", "dossiers.accepte_newsletter"),
        "{}",
        brief(&r)
    );
    assert!(
        has(&r, "undeclared-column", "dossiers.observations"),
        "{}",
        brief(&r)
    );
    assert!(has(&r, "retention-undeclared", "dossiers"), "{}", brief(&r));
    let religion = r
        .findings
        .iter()
        .find(|f| f.rule == "sensitive-column" && f.column_name.as_deref() == Some("religion"))
        .unwrap();
    assert_eq!((religion.line, religion.column), (4, 3));
    // Negatives: a harmless table, a consent defaulting to false, technical columns.
    let sql = "CREATE TABLE formations (\n  id serial PRIMARY KEY,\n  nom text,\n  note_min numeric,\n  created_at timestamp\n);\nALTER TABLE prospects ADD COLUMN optin_sms boolean DEFAULT false;\n";
    let r = check(one(sql), &policy, SqlDialect::Postgres, Default::default());
    assert!(
        !r.findings.iter().any(|f| f.rule == "consent-default-true"),
        "{}",
        brief(&r)
    );
    assert!(
        !r.findings
            .iter()
            .any(|f| f.table.as_deref() == Some("formations")),
        "{}",
        brief(&r)
    );
}

#[test]
fn only_what_the_migrations_introduce_is_reported() {
    let policy = corpus_policy();
    let mut base = vigie::catalog::Catalog::default();
    base.tables.push(vigie::catalog::Table {
        name: "etudiants".into(),
        columns: vec![vigie::catalog::Column {
            name: "religion".into(),
            data_type: "text".into(),
            nullable: true,
            ..Default::default()
        }],
        ..Default::default()
    });
    let r = check(
        one("ALTER TABLE etudiants ADD COLUMN sante text;"),
        &policy,
        SqlDialect::Postgres,
        base,
    );
    assert!(has(&r, "sensitive-column", "etudiants.sante"));
    assert!(!has(&r, "sensitive-column", "etudiants.religion"));
}

#[test]
fn syntax_errors_cost_only_their_statement() {
    let sql = "CREATE TABLE a (id int PRIMARY KEY, nom text);\nCREATE TABLE b (id int STORAGE EXTERNAL WEIRD, x;\nALTER TABLE etudiants ADD COLUMN religion text;\n";
    let r = check(
        one(sql),
        &corpus_policy(),
        SqlDialect::Postgres,
        Default::default(),
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "syntax-error" && f.line == 2),
        "{}",
        brief(&r)
    );
    assert!(
        has(&r, "sensitive-column", "etudiants.religion"),
        "{}",
        brief(&r)
    );
}

#[test]
fn inline_ignores() {
    let policy = corpus_policy();
    let with_reason = "-- vigie:ignore sensitive-column aménagements d'examen (code de l'éducation)\nALTER TABLE etudiants ADD COLUMN religion text;\n";
    let r = check(
        one(with_reason),
        &policy,
        SqlDialect::Postgres,
        Default::default(),
    );
    assert!(!has(&r, "sensitive-column", "etudiants.religion"));
    assert_eq!(r.ignored, 1);
    assert!(r.errors.is_empty());

    let without =
        "-- vigie:ignore sensitive-column\nALTER TABLE etudiants ADD COLUMN religion text;\n";
    let r = check(
        one(without),
        &policy,
        SqlDialect::Postgres,
        Default::default(),
    );
    assert_eq!(r.errors.len(), 1);
    assert!(
        r.errors[0].message.contains("has no reason"),
        "{:?}",
        r.errors
    );
    assert!(
        has(&r, "sensitive-column", "etudiants.religion"),
        "an invalid ignore ignores nothing"
    );

    let unknown =
        "-- vigie:ignore sensitive-colum typo\nALTER TABLE etudiants ADD COLUMN religion text;\n";
    let r = check(
        one(unknown),
        &policy,
        SqlDialect::Postgres,
        Default::default(),
    );
    assert!(
        r.errors[0]
            .message
            .contains("did you mean `sensitive-column`?"),
        "{:?}",
        r.errors
    );

    let unused = "-- vigie:ignore card-security-code no card here\nALTER TABLE etudiants ADD COLUMN religion text;\n";
    let r = check(
        one(unused),
        &policy,
        SqlDialect::Postgres,
        Default::default(),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "waiver-unused")
        .expect("unused ignore reported");
    assert_eq!(f.line, 1);
}

#[test]
fn base_from_a_live_postgres() {
    let Some(url) = pg_fixture(
        "gate_base",
        "CREATE TABLE etudiants (id int PRIMARY KEY, religion text, nom text);",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("V7__sante.sql"),
        "ALTER TABLE etudiants ADD COLUMN sante text;\n",
    )
    .unwrap();
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .args([
            "check-migrations",
            dir.path().to_str().unwrap(),
            "--policy",
            root()
                .join("testdata/migrations/policy.toml")
                .to_str()
                .unwrap(),
            "--dialect",
            "postgres",
            "--base",
            &url,
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "sensitive-column" && f["column_name"] == "sante")
    );
    assert!(
        !findings.iter().any(|f| f["column_name"] == "religion"),
        "religion was already there"
    );
}

fn run_format(format: &str, sql: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("V1__add.sql"), sql).unwrap();
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check-migrations",
            "V1__add.sql",
            "--policy",
            root()
                .join("testdata/migrations/policy.toml")
                .to_str()
                .unwrap(),
            "--dialect",
            "postgres",
            "--format",
            format,
        ])
        .env("NO_COLOR", "1")
        .assert();
    let o = out.get_output();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

const RELIGION: &str =
    "-- V1: vie étudiante\nALTER TABLE etudiants ADD COLUMN religion VARCHAR(50);\n";

#[test]
fn github_annotations_snapshot() {
    let (code, out) = run_format("github", RELIGION);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("gate-github", out);
}

#[test]
fn human_output_has_a_caret() {
    let (code, out) = run_format("human", RELIGION);
    assert_eq!(code, Some(1));
    assert!(out.contains("V1__add.sql:2:"), "{out}");
    insta::assert_snapshot!("gate-human", out);
}

#[test]
fn sarif_is_valid_2_1_0() {
    let (_, out) = run_format("sarif", RELIGION);
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_str(&out).expect("valid SARIF 2.1.0");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "sensitive-column");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(sarif.runs.len(), 1);
}

#[test]
fn exit_codes() {
    assert_eq!(
        run_format("json", "ALTER TABLE formations ADD COLUMN duree int;\n").0,
        Some(0)
    );
    assert_eq!(run_format("json", RELIGION).0, Some(1));
    assert_eq!(
        run_format(
            "json",
            "-- vigie:ignore sensitive-column\nALTER TABLE etudiants ADD COLUMN religion text;\n"
        )
        .0,
        Some(2)
    );
}

#[test]
fn a_finding_points_at_the_policy_line_it_contradicts() {
    let text = "[[purpose]]\nid = \"vie-etudiante\"\nlegal_basis = \"legal-obligation\"\ndata = [\"etudiants.nom\",\n        \"etudiants.sante\"]\n";
    let policy = vigie::policy::load_str("rgpd.toml", text, Dialect::Postgres).unwrap();
    let r = check(
        one("ALTER TABLE etudiants ADD COLUMN sante text;\n"),
        &policy,
        SqlDialect::Postgres,
        Default::default(),
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "sensitive-column")
        .expect("sante is sensitive");
    assert_eq!(f.policy_line, Some(5));
    assert!(f.message.contains("rgpd.toml:5"), "{}", f.message);
    let human = vigie::report::gate::human(&r, false, 100);
    assert!(human.contains("[rgpd.toml:5:9]"), "{human}");
    let sarif: serde_json::Value = serde_json::from_str(&vigie::report::gate::sarif(&r)).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
}
