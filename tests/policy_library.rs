//! The policy library (`policies/`): each French context's policy loads and scans its fixture
//! (`testdata/policies/library/<name>.sql`) on SQLite with exactly the findings the fixture
//! plants, at a fixed as-of. A change to a rule that moves one of these counts shows here as a
//! finding a DPO of that context would gain or lose.

mod common;
use common::*;
use std::path::Path;
use vigie::dialect::Dialect;

/// (rule, table, column, count, sample keys) of every finding, in report order.
type Found = (String, Option<String>, Option<String>, u64, Vec<String>);

fn scan_library(name: &str) -> Vec<Found> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let policy = std::fs::read_to_string(root.join(format!("policies/{name}.toml"))).unwrap();
    let sql = std::fs::read_to_string(root.join(format!("testdata/policies/library/{name}.sql")))
        .unwrap();
    // Loads as the file it is, for every dialect (the policy does not depend on the database).
    for dialect in [Dialect::Sqlite, Dialect::Postgres, Dialect::Mysql] {
        vigie::policy::load(&root.join(format!("policies/{name}.toml")), dialect)
            .unwrap_or_else(|e| panic!("{name}: {}", vigie::policy::diagnostic::render_plain(&e)));
    }
    let (_dir, db) = sqlite_fixture(&sql);
    let report = scan_text(&policy, &format!("sqlite://{}", db.display()), AS_OF);
    let problems: Vec<String> = report
        .problems
        .iter()
        .map(|p| vigie::policy::diagnostic::render_plain(p))
        .collect();
    assert!(problems.is_empty(), "{name}: {problems:#?}");
    assert!(report.errors().is_empty(), "{name}: {:?}", report.errors());
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.table.clone(),
                f.column.clone(),
                f.count,
                f.sample_keys.clone(),
            )
        })
        .collect()
}

fn found(rule: &str, table: &str, column: Option<&str>, count: u64, keys: &[&str]) -> Found {
    (
        rule.into(),
        Some(table.into()),
        column.map(String::from),
        count,
        keys.iter().map(|k| k.to_string()).collect(),
    )
}

/// Findings sorted, so the expectation reads by rule.
fn sorted(mut v: Vec<Found>) -> Vec<Found> {
    v.sort();
    v
}

#[test]
fn lycee_public() {
    assert_eq!(
        sorted(scan_library("lycee")),
        sorted(vec![
            // "paresseux" (judgement) and "boulet" (insult) in one observation.
            found(
                "free-text-judgement",
                "observations",
                Some("texte"),
                1,
                &["2"]
            ),
            found(
                "free-text-judgement",
                "observations",
                Some("texte"),
                1,
                &["2"]
            ),
            // "hospitalisée pour une dépression".
            found(
                "free-text-sensitive",
                "observations",
                Some("texte"),
                1,
                &["3"]
            ),
            found("retention-exceeded", "comptes_ent", None, 1, &["2"]),
            found(
                "retention-exceeded",
                "livret_scolaire",
                None,
                2,
                &["1", "2"]
            ),
            found("retention-exceeded", "responsables", None, 1, &["2"]),
            found("retention-exceeded", "eleves", None, 2, &["3", "4"]),
            found("retention-exceeded", "notes", None, 2, &["3", "4"]),
            found("retention-exceeded", "absences", None, 1, &["2"]),
            found("sensitive-column", "eleves", Some("sante"), 1, &[]),
        ])
    );
}

#[test]
fn universite() {
    assert_eq!(
        sorted(scan_library("universite")),
        sorted(vec![
            found(
                "free-text-sensitive",
                "candidatures",
                Some("avis_commission"),
                1,
                &["4"]
            ),
            found("request-overdue", "demandes_droits", None, 1, &["1"]),
            found("request-answered-late", "demandes_droits", None, 1, &["2"]),
            // The 2024 campaign: the anonymised applicant (3) is not counted.
            found("retention-exceeded", "candidatures", None, 2, &["1", "2"]),
            found("retention-exceeded", "comptes_ent", None, 1, &["2"]),
            found("retention-exceeded", "copies", None, 2, &["1", "2"]),
            found("retention-exceeded", "journal_acces", None, 2, &["1", "2"]),
            found("sensitive-column", "etudiants", Some("nir"), 1, &[]),
            found("unused-column", "etudiants", Some("nir"), 2, &[]),
        ])
    );
}

#[test]
fn cfa() {
    assert_eq!(
        sorted(scan_library("cfa")),
        sorted(vec![
            // Sarah, born 2012-09-03, consented at 14 without a parent's agreement.
            found(
                "consent-minor-without-parent",
                "consentements",
                None,
                1,
                &["2"]
            ),
            found("consent-withdrawn", "photos_publiees", None, 1, &["3"]),
            // "fainéant" (judgement) and "débile" (insult) in one note.
            found(
                "free-text-judgement",
                "suivi",
                Some("observation"),
                1,
                &["3"]
            ),
            found(
                "free-text-judgement",
                "suivi",
                Some("observation"),
                1,
                &["3"]
            ),
            // "arrêt de travail", "enceinte".
            found(
                "free-text-sensitive",
                "suivi",
                Some("observation"),
                1,
                &["2"]
            ),
            found("retention-exceeded", "apprentis", None, 1, &["3"]),
            found("retention-exceeded", "contrats", None, 1, &["3"]),
            found("retention-exceeded", "consentements", None, 1, &["3"]),
            found("retention-exceeded", "photos_publiees", None, 1, &["3"]),
            found("retention-exceeded", "candidats", None, 1, &["1"]),
            found(
                "retention-exceeded",
                "maitres_apprentissage",
                None,
                1,
                &["2"]
            ),
        ])
    );
}

#[test]
fn club_sportif() {
    assert_eq!(
        sorted(scan_library("club-sportif")),
        sorted(vec![
            found(
                "consent-minor-without-parent",
                "consentements",
                None,
                1,
                &["2"]
            ),
            found("consent-missing", "photos", None, 1, &["3"]),
            found("consent-pre-ticked", "photos", None, 1, &["4"]),
            found("consent-withdrawn", "photos", None, 1, &["6"]),
            found("consent-without-proof", "consentements", None, 1, &["4"]),
            // "diabétique" in the remarks of a member who left.
            found(
                "free-text-sensitive",
                "licencies",
                Some("remarques"),
                1,
                &["3"]
            ),
            found("retention-exceeded", "licencies", None, 1, &["3"]),
            found("retention-exceeded", "responsables_legaux", None, 1, &["2"]),
            found(
                "retention-exceeded",
                "certificats_medicaux",
                None,
                2,
                &["3", "4"]
            ),
        ])
    );
}

/// Every policy of the library has its fixture and its test above, and cites its references.
#[test]
fn every_policy_of_the_library_is_tested() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("policies"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "association-alumni",
            "cfa",
            "club-sportif",
            "ecole",
            "lycee",
            "universite"
        ]
    );
    for name in ["lycee", "universite", "cfa", "club-sportif"] {
        assert!(
            root.join(format!("testdata/policies/library/{name}.sql"))
                .is_file()
        );
        let text = std::fs::read_to_string(root.join(format!("policies/{name}.toml"))).unwrap();
        let policy = vigie::policy::load_str(name, &text, Dialect::Sqlite).unwrap();
        for purpose in &policy.purposes {
            for r in &purpose.retention {
                assert!(
                    r.reference.as_deref().is_some_and(|s| !s.is_empty()),
                    "{name}: a retention of {} cites no reference",
                    purpose.id.as_str()
                );
            }
        }
    }
}
