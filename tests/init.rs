//! `vigie init` round trip on the labelled fixture plus a consent table: the draft loads only
//! with one TODO diagnostic per decision (a caret, and for a retention the CNIL reference it
//! cites), and once the test fills the TODOs it scans with the findings the fixture plants.

mod common;
use common::*;
use std::collections::BTreeSet;
use vigie::db::Target;
use vigie::dialect::Dialect;
use vigie::discover::{DiscoverOptions, discover};

fn fixture_sql() -> String {
    let mut sql = common::labelled::sql();
    sql.push_str(
        "CREATE TABLE consentements (id INTEGER PRIMARY KEY, etudiant_id INTEGER, finalite VARCHAR(30), \
         donne_le DATE, retire_le DATE, case_precochee BOOLEAN, preuve TEXT);\n\
         INSERT INTO consentements VALUES (1, 1, 'newsletter', '2026-01-10', NULL, FALSE, 'form-v2#1'),\n\
         (2, 2, 'newsletter', '2026-01-10', '2026-03-01', FALSE, 'form-v2#2'),\n\
         (3, 3, 'newsletter', '2026-02-10', NULL, TRUE, 'form-v2#3');\n",
    );
    sql
}

fn draft(url: &str) -> String {
    let inv = discover(&Target::parse(url).unwrap(), &DiscoverOptions::default()).unwrap();
    assert!(inv.errors().is_empty(), "{:?}", inv.errors());
    vigie::init::draft(&inv)
}

/// Decides every TODO the way a DPO might: adopt the cited reference (but keep accounts 5
/// years, longer than the 2-year reference), a legal basis, the newsletter consent, and no
/// retention where the table has no date to count from.
fn fill(draft: &str) -> String {
    let blocks: Vec<&str> = draft.split("\n\n").collect();
    let mut out = Vec::new();
    for block in blocks {
        if block.contains("[[purpose.retention]]") && block.contains("from = \"TODO\"") {
            continue;
        }
        let reference = block
            .lines()
            .find_map(|l| l.strip_prefix("reference = "))
            .map(|r| r.trim_matches('"').to_string());
        let table = block
            .lines()
            .find_map(|l| l.strip_prefix("table = "))
            .map(|t| t.trim_matches('"').to_string());
        let keep = match (table.as_deref(), reference) {
            (Some("comptes"), _) => "5y".to_string(),
            (_, Some(r)) => r,
            _ => "3y".to_string(),
        };
        out.push(
            block
                .replace(
                    "legal_basis = \"TODO\"",
                    "legal_basis = \"legitimate-interest\"",
                )
                .replace("keep = \"TODO\"", &format!("keep = \"{keep}\""))
                .replace("purpose_value = \"TODO\"", "purpose_value = \"newsletter\""),
        );
    }
    out.join("\n\n")
}

fn check_draft(text: &str, dialect: Dialect) {
    // Every TODO is refused with a caret; retentions cite their reference in the hint.
    let err = vigie::policy::load_str("draft.toml", text, dialect).unwrap_err();
    let todos: usize = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| l.matches("\"TODO\"").count())
        .sum();
    assert_eq!(err.problems.len(), todos);
    for p in &err.problems {
        assert!(p.message.contains("is still TODO"), "{}", p.message);
    }
    let keep = err
        .problems
        .iter()
        .find(|p| {
            p.message.contains("retention.keep")
                && p.help
                    .as_deref()
                    .unwrap_or("")
                    .contains("cnil:card-chargeback")
        })
        .expect("the paiements retention cites cnil:card-chargeback");
    assert!(keep.help.as_deref().unwrap().contains("2018-303"));
    let rendered = vigie::policy::diagnostic::render_plain(&err);
    assert!(rendered.contains("draft.toml:") && rendered.contains('^') || rendered.contains('─'));
}

/// (rule, table, column) of the findings.
fn keys(report: &vigie::scan::ScanReport) -> BTreeSet<(String, String, String)> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.table.clone().unwrap_or_default(),
                f.column.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn round_trip(url: &str, dialect: Dialect) {
    let text = draft(url);
    for part in [
        "[[subject]]",
        "[purpose.consent]",
        "[free_text]",
        "reference = \"cnil:inactive-account\"",
        "keep = \"TODO\"",
    ] {
        assert!(text.contains(part), "{part} missing from\n{text}");
    }
    check_draft(&text, dialect);
    let filled = fill(&text);
    assert!(
        !filled
            .lines()
            .any(|l| !l.starts_with('#') && l.contains("TODO")),
        "{filled}"
    );
    let report = scan_text(&filled, url, AS_OF);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let found = keys(&report);
    let has = |rule: &str, table: &str, column: &str| {
        found.contains(&(rule.to_string(), table.to_string(), column.to_string()))
    };
    for (table, column) in [
        ("etudiants", "sante"),
        ("etudiants", "num_secu"),
        ("etudiants", "regime_alimentaire"),
        ("customers", "religion"),
        ("employes", "syndicat"),
        ("employes", "casier_judiciaire"),
        ("imports", "choix_menu"),
    ] {
        assert!(
            has("sensitive-column", table, column),
            "{table}.{column}: {found:#?}"
        );
    }
    for (table, column) in [
        ("paiements", "numero_carte"),
        ("paiements", "iban"),
        ("imports", "ref_dossier"),
        ("imports", "info_paiement"),
        ("imports", "col_b"),
    ] {
        assert!(has("identifier-column", table, column), "{table}.{column}");
    }
    assert!(has("card-security-code", "paiements", "cvv"));
    assert!(has("retention-above-reference", "comptes", ""));
    // Declared personal columns are not undeclared; the rest of a personal table is.
    assert!(!has("undeclared-column", "etudiants", "email"));
    assert!(has("undeclared-column", "etudiants", "statut"));
    // Hard negatives stay quiet.
    for (table, column) in [
        ("commandes", "numero_commande"),
        ("commandes", "reference"),
        ("examens", "note"),
        ("imports", "col_d"),
    ] {
        assert!(
            !found
                .iter()
                .any(|f| f.1 == table && f.2 == column && f.0 != "undeclared-column"),
            "{table}.{column}"
        );
    }
    // The consent block works: one withdrawn, one pre-ticked newsletter consent.
    let consent: BTreeSet<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("consent-"))
        .map(|f| f.rule.as_str())
        .collect();
    assert!(
        consent.contains("consent-withdrawn") && consent.contains("consent-pre-ticked"),
        "{consent:?}"
    );
}

#[test]
fn round_trip_on_sqlite() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    round_trip(&format!("sqlite://{}", path.display()), Dialect::Sqlite);
}

#[test]
fn round_trip_on_postgres() {
    let Some(url) = pg_fixture("init", &fixture_sql()) else {
        return;
    };
    round_trip(&url, Dialect::Postgres);
}

#[test]
fn the_draft_is_deterministic() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let url = format!("sqlite://{}", path.display());
    assert_eq!(draft(&url), draft(&url));
}

/// Tables named with accents, punctuation, a bare number or names that differ only by
/// accents still draft ids the loader accepts, each once: the filled draft loads.
#[test]
fn ids_drafted_from_any_table_name_load() {
    let sql = r#"
        CREATE TABLE "Élèves" (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, date_naissance DATE);
        CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, date_naissance DATE);
        CREATE TABLE "c-ı-a" (id INTEGER PRIMARY KEY, email TEXT, telephone TEXT);
        CREATE TABLE "3" (id INTEGER PRIMARY KEY, telephone TEXT, nom TEXT);
        CREATE TABLE "ııı" (id INTEGER PRIMARY KEY, email TEXT, nom TEXT);
        INSERT INTO "Élèves" VALUES (1, 'Durand', 'Léa', 'lea@example.org', '2010-01-02');
        INSERT INTO eleves VALUES (1, 'Martin', 'Paul', 'paul@example.org', '2011-03-04');
        INSERT INTO "c-ı-a" VALUES (1, 'x@example.org', '0612345678');
        INSERT INTO "3" VALUES (1, '0612345678', 'Bernard');
        INSERT INTO "ııı" VALUES (1, 'y@example.org', 'Petit');
    "#;
    let (_dir, path) = sqlite_fixture(sql);
    let text = fill(&draft(&format!("sqlite://{}", path.display())));
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("id = "))
        .collect();
    assert!(ids.len() >= 5, "{text}");
    let policy = vigie::policy::load_str("draft.toml", &text, Dialect::Sqlite)
        .unwrap_or_else(|e| panic!("{}\n{text}", vigie::policy::diagnostic::render_plain(&e)));
    assert_eq!(policy.purposes.len(), 5, "{text}");
}

/// A retention anchored on an end date that stays empty while the pupil is enrolled gets the
/// `where` that leaves those rows out: once filled, the draft reports the pupils who left long
/// ago, and no current pupil as a missing anchor.
#[test]
fn an_end_date_anchor_leaves_out_the_people_still_there() {
    let sql = "CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, date_sortie DATE);\n\
               INSERT INTO eleves VALUES (1, 'Martin', 'Léa', 'lea@example.org', NULL),\n\
               (2, 'Durand', 'Tom', 'tom@example.org', NULL),\n\
               (3, 'Petit', 'Inès', 'ines@example.org', NULL),\n\
               (4, 'Roux', 'Noé', 'noe@example.org', '2015-06-30'),\n\
               (5, 'Blanc', 'Zoé', 'zoe@example.org', '2016-06-30');\n";
    let (_dir, path) = sqlite_fixture(sql);
    let url = format!("sqlite://{}", path.display());
    let text = draft(&url);
    assert!(text.contains("from = \"date_sortie\""), "{text}");
    assert!(
        text.contains("where = \"date_sortie IS NOT NULL\""),
        "{text}"
    );
    let filled = fill(&text);
    let report = scan_text(&filled, &url, AS_OF);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(of_rule(&report, "retention-anchor-missing").is_empty());
    let exceeded = of_rule(&report, "retention-exceeded");
    assert_eq!(exceeded.len(), 1, "{exceeded:?}");
    assert_eq!(
        (exceeded[0].2, exceeded[0].3.clone()),
        (2, vec!["4".to_string(), "5".to_string()])
    );
}
