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
            "--lang",
            "en",
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

/// One migration history per tool, written the way each tool writes SQL, with its own policy
/// (`testdata/migrations/tools/<tool>/`): Rails (`structure.sql` from pg_dump, and the SQL of
/// `db:migrate`), Django `sqlmigrate`, Flyway (with a repeatable `R__` and an undo `U3__`),
/// Liquibase formatted SQL (PostgreSQL and MySQL), Laravel `migrate --pretend` and
/// `schema:dump`, Doctrine `--write-sql`, Prisma, Alembic `--sql`, golang-migrate up/down
/// files, goose Up/Down sections, and SQLite migrations with a table rebuild. Each is run through
/// the command line, as CI runs it, and its findings must be exactly these: no syntax error on
/// what the tools print routinely, nothing from rollbacks, nothing from bookkeeping.
#[test]
fn tool_styles_exact_findings() {
    type Expected = &'static [(&'static str, usize, &'static str, &'static str)];
    let sets: &[(&str, &str, usize, Expected)] = &[
        (
            "rails-structure",
            "postgres",
            1,
            &[
                ("structure.sql", 102, "identifier-column", "guardians.iban"),
                (
                    "structure.sql",
                    103,
                    "consent-default-true",
                    "guardians.receive_newsletter",
                ),
                (
                    "structure.sql",
                    148,
                    "sensitive-column",
                    "students.religion",
                ),
                ("structure.sql", 149, "undeclared-column", "students.notes"),
                (
                    "structure.sql",
                    198,
                    "undeclared-column",
                    "users.current_sign_in_ip",
                ),
                (
                    "structure.sql",
                    199,
                    "undeclared-column",
                    "users.last_sign_in_ip",
                ),
            ],
        ),
        (
            "rails",
            "postgres",
            3,
            &[
                (
                    "20240301120000_add_fields_to_students.sql",
                    3,
                    "sensitive-column",
                    "students.handicap",
                ),
                (
                    "20240301120000_add_fields_to_students.sql",
                    5,
                    "sensitive-column",
                    "students.num_secu",
                ),
                (
                    "20240301120000_add_fields_to_students.sql",
                    7,
                    "consent-default-true",
                    "guardians.newsletter",
                ),
                // Added as extra_info, renamed on line 4; mobile_phone is dropped later.
                (
                    "20240315100000_rename_and_cleanup.sql",
                    4,
                    "sensitive-column",
                    "students.confession",
                ),
            ],
        ),
        (
            "django",
            "postgres",
            3,
            &[
                (
                    "0002_student_fields.sql",
                    5,
                    "sensitive-column",
                    "crm_student.religion",
                ),
                // `newsletter` is added DEFAULT true then DROP DEFAULT, as Django does: fine.
                (
                    "0002_student_fields.sql",
                    14,
                    "consent-default-true",
                    "crm_student.consent_photos",
                ),
                (
                    "0002_student_fields.sql",
                    18,
                    "identifier-column",
                    "crm_guardian.iban",
                ),
                (
                    "0003_rename_and_data.sql",
                    7,
                    "sensitive-column",
                    "crm_student.allergies",
                ),
                (
                    "0003_rename_and_data.sql",
                    11,
                    "undeclared-column",
                    "crm_guardian.phone",
                ),
            ],
        ),
        (
            "flyway",
            "postgres",
            6,
            &[
                (
                    "V3_1__student_fields.sql",
                    1,
                    "sensitive-column",
                    "students.nir",
                ),
                (
                    "V3_1__student_fields.sql",
                    2,
                    "undeclared-column",
                    "students.commentaire",
                ),
                (
                    "V3_1__student_fields.sql",
                    4,
                    "consent-default-true",
                    "students.autorisation_photo",
                ),
                (
                    "V3_1__student_fields.sql",
                    5,
                    "undeclared-column",
                    "students.telephone",
                ),
                // Inside a DO $$ … $$ block.
                (
                    "V3_1__student_fields.sql",
                    11,
                    "sensitive-column",
                    "students.handicap",
                ),
            ],
        ),
        (
            "liquibase",
            "postgres",
            2,
            &[
                (
                    "db.changelog-1.0.sql",
                    16,
                    "identifier-column",
                    "adherent.iban",
                ),
                (
                    "db.changelog-2.0.sql",
                    4,
                    "undeclared-column",
                    "adherent.mot_de_passe",
                ),
                (
                    "db.changelog-2.0.sql",
                    5,
                    "consent-default-true",
                    "adherent.consentement_rgpd",
                ),
                (
                    "db.changelog-2.0.sql",
                    11,
                    "sensitive-column",
                    "adherent.religion",
                ),
                (
                    "db.changelog-2.0.sql",
                    17,
                    "retention-undeclared",
                    "cotisation",
                ),
            ],
        ),
        (
            "liquibase-mysql",
            "mysql",
            1,
            &[(
                "changelog.sql",
                13,
                "sensitive-column",
                "benevole.casier_judiciaire",
            )],
        ),
        (
            "laravel",
            "mysql",
            4,
            &[
                (
                    "2014_10_12_000000_create_users_table.sql",
                    1,
                    "undeclared-column",
                    "users.email_verified_at",
                ),
                // `remember_token` is a credential: a secret of the service, not a purpose's data.
                (
                    "2024_02_20_101500_add_fields_to_members_table.sql",
                    1,
                    "sensitive-column",
                    "members.religion",
                ),
                (
                    "2024_02_20_101500_add_fields_to_members_table.sql",
                    1,
                    "consent-default-true",
                    "members.newsletter_opt_in",
                ),
                (
                    "2024_02_20_101500_add_fields_to_members_table.sql",
                    2,
                    "undeclared-column",
                    "members.mot_de_passe",
                ),
            ],
        ),
        (
            "laravel-schema",
            "mysql",
            1,
            &[
                ("mysql-schema.sql", 19, "identifier-column", "guardians.rib"),
                (
                    "mysql-schema.sql",
                    20,
                    "consent-default-true",
                    "guardians.accepts_marketing",
                ),
                ("mysql-schema.sql", 45, "sensitive-column", "pupils.sante"),
                (
                    "mysql-schema.sql",
                    46,
                    "undeclared-column",
                    "pupils.remarques",
                ),
            ],
        ),
        (
            "doctrine",
            "mysql",
            2,
            &[
                (
                    "doctrine_migration_20240220141500.sql",
                    5,
                    "sensitive-column",
                    "adherent.religion",
                ),
                (
                    "doctrine_migration_20240220141500.sql",
                    5,
                    "undeclared-column",
                    "adherent.notes",
                ),
                (
                    "doctrine_migration_20240220141500.sql",
                    5,
                    "consent-default-true",
                    "adherent.optin_newsletter",
                ),
                // CHANGE old new: a rename.
                (
                    "doctrine_migration_20240220141500.sql",
                    6,
                    "sensitive-column",
                    "adherent.num_secu",
                ),
                (
                    "doctrine_migration_20240220141500.sql",
                    8,
                    "undeclared-column",
                    "famille.telephone",
                ),
            ],
        ),
        (
            "prisma",
            "postgres",
            3,
            &[
                (
                    "migrations/20240220141500_student_details/migration.sql",
                    2,
                    "consent-default-true",
                    "Guardian.marketingOptIn",
                ),
                (
                    "migrations/20240220141500_student_details/migration.sql",
                    3,
                    "identifier-column",
                    "Guardian.iban",
                ),
                (
                    "migrations/20240220141500_student_details/migration.sql",
                    6,
                    "sensitive-column",
                    "Student.religiousAffiliation",
                ),
                (
                    "migrations/20240220141500_student_details/migration.sql",
                    7,
                    "sensitive-column",
                    "Student.socialSecurityNumber",
                ),
                (
                    "migrations/20240305090000_rename_notes/migration.sql",
                    11,
                    "sensitive-column",
                    "Student.medicalNotes",
                ),
            ],
        ),
        (
            "alembic",
            "postgres",
            1,
            &[
                ("upgrade.sql", 30, "sensitive-column", "members.confession"),
                (
                    "upgrade.sql",
                    32,
                    "undeclared-column",
                    "members.observations",
                ),
                ("upgrade.sql", 44, "identifier-column", "donations.iban"),
            ],
        ),
        (
            "golang-migrate",
            "postgres",
            3,
            &[
                (
                    "000002_add_contact_fields.up.sql",
                    1,
                    "identifier-column",
                    "contacts.iban",
                ),
                (
                    "000002_add_contact_fields.up.sql",
                    2,
                    "undeclared-column",
                    "contacts.date_of_birth",
                ),
                (
                    "000002_add_contact_fields.up.sql",
                    3,
                    "consent-default-true",
                    "contacts.opt_in",
                ),
                (
                    "000003_rename_note.up.sql",
                    2,
                    "sensitive-column",
                    "contacts.orientation_sexuelle",
                ),
            ],
        ),
        (
            "goose",
            "postgres",
            2,
            &[
                (
                    "20240220141500_add_volunteer_fields.sql",
                    2,
                    "sensitive-column",
                    "volunteers.syndicat",
                ),
                (
                    "20240220141500_add_volunteer_fields.sql",
                    3,
                    "consent-default-true",
                    "volunteers.newsletter",
                ),
            ],
        ),
        (
            "sqlite",
            "sqlite",
            3,
            &[
                (
                    "002_add_fields.sql",
                    2,
                    "consent-default-true",
                    "familles.consentement_photo",
                ),
                (
                    "002_add_fields.sql",
                    3,
                    "consent-default-true",
                    "familles.accepte_newsletter",
                ),
                (
                    "002_add_fields.sql",
                    4,
                    "undeclared-column",
                    "familles.telephone",
                ),
                // The table is rebuilt (new_eleves, renamed): reported where it is recreated.
                (
                    "003_rebuild_eleves.sql",
                    10,
                    "sensitive-column",
                    "eleves.regime_alimentaire",
                ),
                (
                    "003_rebuild_eleves.sql",
                    11,
                    "undeclared-column",
                    "eleves.mdp",
                ),
            ],
        ),
    ];
    for (set, dialect, files, expected) in sets {
        let dir = root().join("testdata/migrations/tools").join(set);
        let out = Command::cargo_bin("vigie")
            .unwrap()
            .current_dir(&dir)
            .args(["check-migrations", ".", "--policy", "policy.toml"])
            .args([
                "--dialect",
                dialect,
                "--format",
                "json",
                "--fail-on",
                "never",
            ])
            .assert();
        let o = out.get_output();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{set}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut got: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let object = match f["column_name"].as_str() {
                    Some(c) => format!("{}.{c}", f["table"].as_str().unwrap_or("")),
                    None => f["table"].as_str().unwrap_or("").to_string(),
                };
                let file = f["file"].as_str().unwrap();
                let file = file.strip_prefix("./").unwrap_or(file);
                format!(
                    "{file}:{} {} {object}",
                    f["line"],
                    f["rule"].as_str().unwrap()
                )
            })
            .collect();
        let mut want: Vec<String> = expected
            .iter()
            .map(|(file, line, rule, object)| format!("{file}:{line} {rule} {object}"))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{set}");
        let summary = &v["summary"];
        assert_eq!(summary["files"], *files, "{set}: rollbacks are not read");
        assert_eq!(summary["unparsed"], 0, "{set}");
        assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{set}");
    }
}

/// The caret of `consent-default-true` is under the default, as `vigie explain` says.
#[test]
fn consent_default_points_at_the_default() {
    let sql = "ALTER TABLE prospects ADD COLUMN newsletter boolean NOT NULL DEFAULT true;\nCREATE TABLE dossiers (\n  id serial PRIMARY KEY,\n  accepte_newsletter boolean DEFAULT 't'::boolean NOT NULL\n);\nALTER TABLE dossiers ADD COLUMN optin boolean;\nALTER TABLE dossiers ALTER COLUMN optin SET DEFAULT true;\n";
    let r = check(
        one(sql),
        &corpus_policy(),
        SqlDialect::Postgres,
        Default::default(),
    );
    let at: Vec<(usize, usize, String)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "consent-default-true")
        .map(|f| (f.line, f.column, sql[f.span.clone()].to_string()))
        .collect();
    assert_eq!(
        at,
        [
            (1, 62, "DEFAULT true".to_string()),
            (4, 30, "DEFAULT 't'::boolean".to_string()),
            (7, 45, "DEFAULT true".to_string()),
        ],
        "{}",
        brief(&r)
    );
}

/// goose, sql-migrate and dbmate keep the rollback in the same file: only the Up part counts.
#[test]
fn down_sections_of_one_file_migrations_are_not_applied() {
    for (up, down) in [
        ("-- +goose Up", "-- +goose Down"),
        ("-- +migrate Up", "-- +migrate Down"),
        ("-- migrate:up", "-- migrate:down"),
    ] {
        let sql = format!(
            "{up}\nALTER TABLE etudiants ADD COLUMN religion text;\n\n{down}\nALTER TABLE etudiants DROP COLUMN religion;\nALTER TABLE b WEIRD SYNTAX;\n"
        );
        let r = check(
            one(&sql),
            &corpus_policy(),
            SqlDialect::Postgres,
            Default::default(),
        );
        assert_eq!(
            brief(&r),
            "V1__test.sql:2:34 sensitive-column [high] etudiants.religion",
            "{down}"
        );
    }
}

/// The gate and `discover` agree: a column named for a national registration number is an
/// identifier by its name, as its values are.
#[test]
fn a_national_registration_number_column_is_flagged_by_its_name() {
    let policy = corpus_policy();
    let sql = "ALTER TABLE etudiants ADD COLUMN national_registration_number varchar(15);\n";
    let r = check(one(sql), &policy, SqlDialect::Postgres, Default::default());
    assert!(
        // As `num_secu`: the NIR is judged a sensitive column by its name.
        has(
            &r,
            "sensitive-column",
            "etudiants.national_registration_number"
        ),
        "{}",
        brief(&r)
    );
}

#[test]
fn junit_has_a_case_per_migration_file_failing_on_its_findings() {
    let (code, out) = run_format("junit", RELIGION);
    assert_eq!(code, Some(1));
    let parsed = quick_junit::Report::deserialize_from_str(&out).expect("JUnit XML");
    assert_eq!((parsed.tests, parsed.failures, parsed.errors), (1, 1, 0));
    let case = &parsed.test_suites[0].test_cases[0];
    assert_eq!(case.name.as_str(), "V1__add.sql");
    match &case.status {
        quick_junit::TestCaseStatus::NonSuccess {
            kind, description, ..
        } => {
            assert_eq!(*kind, quick_junit::NonSuccessKind::Failure);
            let text = description.as_ref().unwrap().as_str();
            assert!(text.contains("sensitive-column V1__add.sql:2:"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    let (code, out) = run_format("junit", "ALTER TABLE formations ADD COLUMN duree int;\n");
    assert_eq!(code, Some(0));
    let parsed = quick_junit::Report::deserialize_from_str(&out).unwrap();
    assert_eq!((parsed.tests, parsed.failures, parsed.errors), (1, 0, 0));
}
