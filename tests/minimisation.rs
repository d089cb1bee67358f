//! The minimisation rules of a live scan, on SQLite and PostgreSQL: columns judged by name (the
//! same judge as the migration gate), columns judged by their sampled values, identifiers
//! counted exactly by checksum, CVV codes counted, unused columns counted in SQL; and the
//! proposed SQL, once applied, clears them.

mod common;
use common::labelled::{card, nir, nir_bad_key};
use common::*;

fn fixture_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100), email VARCHAR(255), \
         religion VARCHAR(50), regime VARCHAR(30), ref_dossier VARCHAR(20), info VARCHAR(30), \
         commande VARCHAR(20), profession_parents VARCHAR(100), cvv VARCHAR(4), inscrit_le DATE);\n",
    );
    for i in 0..10usize {
        let id = i + 1;
        let regime = ["halal", "sans porc", "casher", "standard", "halal"][i % 5];
        let nir = if i < 8 {
            format!("'{}'", nir(i))
        } else {
            "NULL".into()
        };
        let info = if i < 6 {
            format!("'{}'", card(i))
        } else {
            "'n/a'".into()
        };
        sql.push_str(&format!(
            "INSERT INTO eleves VALUES ({id}, 'Nom{id}', 'e{id}@example.org', 'catholique', '{regime}', {nir}, {info}, '{}', NULL, NULL, '2026-09-01');\n",
            nir_bad_key(i)
        ));
    }
    // A table nothing marks as personal, whose values are e-mail addresses.
    sql.push_str(
        "CREATE TABLE imports (id INTEGER PRIMARY KEY, contact VARCHAR(255), lot VARCHAR(10));\n",
    );
    for i in 1..=6 {
        sql.push_str(&format!(
            "INSERT INTO imports VALUES ({i}, 'c{i}@example.org', 'L{i}');\n"
        ));
    }
    sql
}

const POLICY: &str = r#"
[[subject]]
id = "eleves"
table = "eleves"
key = "id"

[[purpose]]
id = "scolarite"
legal_basis = "public-task"
subjects = ["eleves"]
data = ["eleves.nom", "eleves.email", "eleves.profession_parents"]

[[purpose.retention]]
table = "eleves"
keep = "1y"
from = "inscrit_le"
"#;

/// (rule, column, category, count, keys) of the column rules.
type Col = (String, String, Option<String>, u64, Vec<String>);

fn columns(report: &vigie::scan::ScanReport) -> Vec<Col> {
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    let mut v: Vec<Col> = report
        .findings
        .iter()
        .filter(|f| f.column.is_some())
        .map(|f| {
            (
                f.rule.clone(),
                f.column.clone().unwrap(),
                f.category.clone(),
                f.count,
                f.sample_keys.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn col(rule: &str, column: &str, category: Option<&str>, count: u64, keys: &[u32]) -> Col {
    (
        rule.into(),
        column.into(),
        category.map(String::from),
        count,
        keys.iter().map(|k| k.to_string()).collect(),
    )
}

fn expected() -> Vec<Col> {
    let mut v = vec![
        col(
            "card-security-code",
            "cvv",
            Some("card-security-code"),
            1,
            &[],
        ),
        col(
            "identifier-column",
            "info",
            Some("card"),
            6,
            &[1, 2, 3, 4, 5, 6],
        ),
        col(
            "identifier-column",
            "ref_dossier",
            Some("nir"),
            8,
            &[1, 2, 3, 4, 5, 6, 7, 8],
        ),
        col("sensitive-column", "regime", Some("religion"), 1, &[]),
        col("sensitive-column", "religion", Some("religion"), 1, &[]),
        col("undeclared-column", "commande", None, 1, &[]),
        col("undeclared-column", "contact", Some("email"), 1, &[]),
        col("undeclared-column", "info", None, 1, &[]),
        col("undeclared-column", "ref_dossier", None, 1, &[]),
        col("undeclared-column", "regime", None, 1, &[]),
        // An empty CVV column is also an unused one.
        col("unused-column", "cvv", None, 10, &[]),
        col("unused-column", "profession_parents", None, 10, &[]),
    ];
    v.sort();
    v
}

#[test]
fn column_rules_on_sqlite() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let report = scan_text(POLICY, &format!("sqlite://{}", path.display()), AS_OF);
    assert_eq!(columns(&report), expected());
}

#[test]
fn column_rules_on_postgres() {
    let Some(url) = pg_fixture("minimisation", &fixture_sql()) else {
        return;
    };
    let report = scan_text(POLICY, &url, AS_OF);
    assert_eq!(columns(&report), expected());
}

#[test]
fn value_evidence_is_words_not_values() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let report = scan_text(POLICY, &format!("sqlite://{}", path.display()), AS_OF);
    let json = vigie::report::json::render(&report);
    for i in 0..10 {
        assert!(!json.contains(&nir(i)) && !json.contains(&card(i)));
    }
    let regime = report
        .findings
        .iter()
        .find(|f| f.column.as_deref() == Some("regime") && f.rule == "sensitive-column")
        .unwrap();
    assert!(
        regime
            .message
            .contains("of 10 sampled values are religion terms"),
        "{}",
        regime.message
    );
}

#[test]
fn the_proposed_sql_clears_the_columns() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let url = format!("sqlite://{}", path.display());
    let before = scan_text(POLICY, &url, AS_OF);
    let fixed = [
        "sensitive-column",
        "identifier-column",
        "card-security-code",
    ];
    let script: Vec<String> = before
        .findings
        .iter()
        .filter(|f| fixed.contains(&f.rule.as_str()))
        .filter_map(|f| f.remediation.as_ref().map(|r| r.sql.clone()))
        .collect();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&script.join("\n"))
        .unwrap();
    let after = scan_text(POLICY, &url, AS_OF);
    for rule in fixed {
        assert!(!of_rule(&before, rule).is_empty());
        assert!(
            of_rule(&after, rule).is_empty(),
            "{rule}: {:?}",
            of_rule(&after, rule)
        );
    }
}

/// Outside `public`, every column rule names the table with its schema, as the other rules do:
/// two tables of the same name in two schemas never look alike, and waivers tell them apart.
#[test]
fn column_rules_name_tables_outside_public_with_their_schema() {
    let Some(url) = pg_fixture(
        "schema_display",
        "CREATE SCHEMA crm;
         CREATE TABLE crm.comptes (id int PRIMARY KEY, email text, mot_de_passe text, religion text, vieux text);
         INSERT INTO crm.comptes VALUES (1, 'a@ecole.example', 'Soleil2024', 'catholique', NULL),
           (2, 'b@ecole.example', '5f4dcc3b5aa765d61d8327deb882cf99', 'musulman', NULL);",
    ) else {
        return;
    };
    let policy = r#"
[scan]
schemas = ["crm"]

[[subject]]
id = "familles"
table = "comptes"
key = "id"

[[purpose]]
id = "portail"
title = "Portail des familles"
legal_basis = "contract"
subjects = ["familles"]
data = ["comptes.email", "comptes.mot_de_passe", "comptes.vieux"]
"#;
    let report = scan_text(policy, &url, "2026-11-23");
    let tables: std::collections::BTreeSet<(String, Option<String>)> = report
        .findings
        .iter()
        .filter(|f| COLUMN_RULES.contains(&f.rule.as_str()))
        .map(|f| (f.rule.clone(), f.table.clone()))
        .collect();
    let expected: std::collections::BTreeSet<(String, Option<String>)> = [
        "sensitive-column",
        "password-plaintext",
        "password-weak-hash",
        "unused-column",
    ]
    .iter()
    .map(|r| (r.to_string(), Some("crm.comptes".to_string())))
    .collect();
    assert_eq!(tables, expected, "{:#?}", report.findings);
    for f in &report.findings {
        assert!(
            !f.message.contains(" comptes.") && !f.message.contains("of comptes"),
            "{}: {}",
            f.rule,
            f.message
        );
    }
}
