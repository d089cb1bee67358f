//! Consent tables keyed by `["personne_type", "personne_id"]` for a purpose of several subjects
//! whose ids collide: a student and a prospect share each id. Every consent rule joins a
//! consent row to the subject of its own type (`[[subject]] type_value`), never to the other
//! person with the same id; without `type_value` the joins are skipped, never guessed. On
//! SQLite, PostgreSQL and MariaDB: exact counts and keys.

mod common;
use common::*;
use vigie::finding::CheckStatus;

/// As of 2026-11-23 (FR: digital-consent age 15). Students and prospects 1 to 5 share ids.
const SCHEMA: &str = "
CREATE TABLE etudiants (id INTEGER PRIMARY KEY, nom VARCHAR(20), date_naissance DATE);
INSERT INTO etudiants VALUES
  (1, 'E1', '1990-01-01'),   -- valid consent
  (2, 'E2', '1990-01-01'),   -- no consent of hers; prospect 2 has one
  (3, 'E3', '1990-01-01'),   -- consent withdrawn; prospect 3's is valid
  (4, 'E4', '1990-01-01'),   -- pre-ticked consent
  (5, 'E5', '2012-06-01');   -- 13 when consenting, no parent, no proof

CREATE TABLE prospects (id INTEGER PRIMARY KEY, nom VARCHAR(20), date_naissance DATE);
INSERT INTO prospects VALUES
  (1, 'P1', '2012-01-01'),   -- a minor with no consent for the newsletter; student 1 has one
  (2, 'P2', '1990-01-01'),   -- valid consent
  (3, 'P3', '1990-01-01'),   -- valid consent, empty proof
  (4, 'P4', '1990-01-01'),   -- no consent; student 4's is pre-ticked
  (5, 'P5', '1990-01-01');   -- valid consent; student 5 is the minor

CREATE TABLE consentements (
  id INTEGER PRIMARY KEY, personne_type VARCHAR(20), personne_id INTEGER, finalite VARCHAR(20),
  donne_le TIMESTAMP NULL, retire_le TIMESTAMP NULL, case_precochee BOOLEAN, preuve VARCHAR(50),
  accord_parental BOOLEAN
);
INSERT INTO consentements VALUES
  (1, 'etudiant', 1, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'f1', NULL),
  (2, 'etudiant', 3, 'newsletter', '2025-01-01 00:00:00', '2026-01-01 00:00:00', FALSE, 'f2', NULL),
  (3, 'etudiant', 4, 'newsletter', '2025-01-01 00:00:00', NULL, TRUE, 'f3', NULL),
  (4, 'etudiant', 5, 'newsletter', '2026-01-01 00:00:00', NULL, FALSE, NULL, NULL),
  (5, 'prospect', 2, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'f5', NULL),
  (6, 'prospect', 3, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, '', NULL),
  (7, 'prospect', 5, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'f7', NULL),
  (8, 'prospect', 1, 'partenaires', '2025-01-01 00:00:00', NULL, FALSE, 'f8', NULL),
  (9, 'etudiant', 5, 'photos', '2026-01-01 00:00:00', NULL, FALSE, 'f9', NULL),
  (10, 'prospect', 1, 'photos', '2025-01-01 00:00:00', NULL, FALSE, 'f10', NULL);
";

const POLICY: &str = r#"
[organisation]
name = "Fixture"
country = "FR"

[[subject]]
id = "etudiant"
table = "etudiants"
key = "id"
birth_date = "date_naissance"
type_value = "etudiant"

[[subject]]
id = "prospect"
table = "prospects"
key = "id"
birth_date = "date_naissance"
type_value = "prospect"

[[purpose]]
id = "newsletter"
legal_basis = "consent"
subjects = ["etudiant", "prospect"]
data = ["etudiants.nom", "prospects.nom"]

[purpose.consent]
table = "consentements"
subject_key = ["personne_type", "personne_id"]
purpose_column = "finalite"
purpose_value = "newsletter"
given_at = "donne_le"
withdrawn_at = "retire_le"
pre_ticked = "case_precochee"
proof = "preuve"
parental_consent = "accord_parental"
"#;

/// A second consent purpose of the same subjects whose consent records no parent's agreement.
const PHOTOS: &str = r#"
[[purpose]]
id = "photos"
legal_basis = "consent"
subjects = ["etudiant", "prospect"]
data = ["etudiants.nom"]

[purpose.consent]
table = "consentements"
subject_key = ["personne_type", "personne_id"]
purpose_column = "finalite"
purpose_value = "photos"
given_at = "donne_le"
withdrawn_at = "retire_le"
"#;

const CONSENT_RULES: [&str; 5] = [
    "consent-missing",
    "consent-withdrawn",
    "consent-pre-ticked",
    "consent-without-proof",
    "consent-minor-without-parent",
];

fn consent_rows(report: &vigie::scan::ScanReport) -> Vec<Row> {
    rows(report)
        .into_iter()
        .filter(|r| CONSENT_RULES.contains(&r.0.as_str()))
        .collect()
}

fn newsletter_findings(report: &vigie::scan::ScanReport) -> Vec<Row> {
    report
        .findings
        .iter()
        .filter(|f| f.purpose.as_deref() == Some("newsletter"))
        .map(|f| {
            (
                f.rule.clone(),
                f.table.clone(),
                f.count,
                f.sample_keys.clone(),
            )
        })
        .collect()
}

fn without_type_values(policy: &str) -> String {
    policy
        .lines()
        .filter(|l| !l.starts_with("type_value"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_consent_is_joined_to_the_subject_of_its_own_type() {
    for db in every_backend("consent_polymorphic", SCHEMA) {
        let report = scan_text(POLICY, &db.url, AS_OF);
        assert!(
            report.errors().is_empty(),
            "{}: {:?}",
            db.backend,
            report.errors()
        );
        let mut got = consent_rows(&report);
        got.sort();
        let mut expected = vec![
            // Student 2 has no consent of hers (prospect 2's is not hers); prospects 1 and 4
            // have none (students 1 and 4's are not theirs).
            row("consent-missing", Some("etudiants"), 1, &["2"]),
            row("consent-missing", Some("prospects"), 2, &["1", "4"]),
            // Student 3's consent is withdrawn; prospect 3's valid consent does not stand for it.
            row("consent-withdrawn", Some("etudiants"), 1, &["3"]),
            // Student 4's consent is pre-ticked; prospect 4 has none (missing, above).
            row("consent-pre-ticked", Some("etudiants"), 1, &["4"]),
            // Consent rows in force with a blank proof: student 5's (NULL), prospect 3's ('').
            row(
                "consent-without-proof",
                Some("consentements"),
                2,
                &["4", "6"],
            ),
            // Student 5's consent, given at 13 without a parent; prospect 1, a minor, gave no
            // newsletter consent (student 1's, an adult's, is not hers), and prospect 5 is an
            // adult (student 5's consent is not hers).
            row(
                "consent-minor-without-parent",
                Some("consentements"),
                1,
                &["4"],
            ),
        ];
        expected.sort();
        assert_eq!(got, expected, "{}", db.backend);
    }
}

#[test]
fn without_type_value_the_subject_joins_are_skipped_with_the_reason() {
    let policy = without_type_values(POLICY);
    for db in every_backend("consent_polymorphic_untyped", SCHEMA) {
        let report = scan_text(&policy, &db.url, AS_OF);
        assert!(
            report.errors().is_empty(),
            "{}: {:?}",
            db.backend,
            report.errors()
        );
        // Only the check that reads no subject table still counts.
        assert_eq!(
            consent_rows(&report),
            vec![row(
                "consent-without-proof",
                Some("consentements"),
                2,
                &["4", "6"]
            )],
            "{}",
            db.backend
        );
        let mut skipped: Vec<(&str, &str)> = report
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Skipped && c.id.contains(":newsletter"))
            .map(|c| (c.id.as_str(), c.reason.as_deref().unwrap_or("")))
            .collect();
        skipped.sort();
        let ids: Vec<&str> = skipped.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            ids,
            [
                "consent-minor-without-parent:newsletter:etudiant",
                "consent-minor-without-parent:newsletter:prospect",
                "consent-missing:newsletter:etudiants",
                "consent-missing:newsletter:prospects",
                "consent-pre-ticked:newsletter:etudiants",
                "consent-pre-ticked:newsletter:prospects",
                "consent-withdrawn:newsletter:etudiants",
                "consent-withdrawn:newsletter:prospects",
            ],
            "{}",
            db.backend
        );
        let (_, why) = skipped[2];
        assert_eq!(
            why,
            "subject `etudiant` has no `type_value`: the consent's subject_key [personne_type, personne_id] keys several subjects of this purpose by `personne_type`, and which value is this subject's is not declared"
        );
    }
}

#[test]
fn a_consent_without_parental_consent_is_one_policy_level_finding() {
    let policy = format!("{POLICY}{PHOTOS}");
    for db in every_backend("consent_polymorphic_photos", SCHEMA) {
        let report = scan_text(&policy, &db.url, AS_OF);
        assert!(
            report.errors().is_empty(),
            "{}: {:?}",
            db.backend,
            report.errors()
        );
        let photos: Vec<&vigie::finding::Finding> = report
            .findings
            .iter()
            .filter(|f| f.purpose.as_deref() == Some("photos"))
            .collect();
        let found: Vec<Row> = photos
            .iter()
            .map(|f| {
                (
                    f.rule.clone(),
                    f.table.clone(),
                    f.count,
                    f.sample_keys.clone(),
                )
            })
            .collect();
        // Prospects 2 to 5 and students 1 to 4 gave no photo consent; student 5 and prospect 1
        // did. The minors' consents (student 5 at 13, prospect 1 at 13) are not counted one by
        // one: the purpose records no parent's agreement at all.
        assert_eq!(
            found,
            vec![
                row("consent-minor-without-parent", None, 1, &[]),
                row(
                    "consent-missing",
                    Some("etudiants"),
                    4,
                    &["1", "2", "3", "4"]
                ),
                row(
                    "consent-missing",
                    Some("prospects"),
                    4,
                    &["2", "3", "4", "5"]
                ),
            ],
            "{}",
            db.backend
        );
        assert_eq!(
            photos[0].message,
            "the parental-consent proof is not recorded for `photos`: its consent declares no `parental_consent` column, though subject `etudiant` and subject `prospect` declare a `birth_date`, so the consent of a minor below the digital-consent age cannot show a parent's agreement (RGPD art. 8, LIL art. 45)"
        );
        // The newsletter, which records it, is unchanged.
        assert_eq!(
            newsletter_findings(&report)
                .into_iter()
                .filter(|r| r.0 == "consent-minor-without-parent")
                .collect::<Vec<_>>(),
            vec![row(
                "consent-minor-without-parent",
                Some("consentements"),
                1,
                &["4"]
            )],
            "{}",
            db.backend
        );
    }
}

#[test]
fn type_value_must_be_a_non_empty_string() {
    let empty = POLICY.replacen("type_value = \"etudiant\"", "type_value = \" \"", 1);
    let err = vigie::policy::load_str("p.toml", &empty, vigie::dialect::Dialect::Postgres)
        .expect_err("an empty type_value is refused");
    let shown = vigie::policy::diagnostic::render_plain(&err);
    assert!(
        shown.contains("the `type_value` of subject `etudiant` is empty"),
        "{shown}"
    );
    let number = POLICY.replacen("type_value = \"etudiant\"", "type_value = 3", 1);
    assert!(
        vigie::policy::load_str("p.toml", &number, vigie::dialect::Dialect::Postgres).is_err(),
        "a number is refused"
    );
}

/// One subject, a consent keyed by type and id with no `where` and no `type_value`: whose
/// consent rows are the students' is not said, so the joins are skipped (the prospects'
/// consents would otherwise count for students 2, 3 and 5).
#[test]
fn one_subject_with_neither_type_value_nor_where_is_skipped() {
    let policy = without_type_values(POLICY).replace(
        "subjects = [\"etudiant\", \"prospect\"]",
        "subjects = [\"etudiant\"]",
    );
    for db in every_backend("consent_polymorphic_one", SCHEMA) {
        let report = scan_text(&policy, &db.url, AS_OF);
        assert!(
            report.errors().is_empty(),
            "{}: {:?}",
            db.backend,
            report.errors()
        );
        assert_eq!(
            consent_rows(&report),
            vec![row(
                "consent-without-proof",
                Some("consentements"),
                2,
                &["4", "6"]
            )],
            "{}",
            db.backend
        );
        let reason = report
            .checks
            .iter()
            .find(|c| c.id == "consent-missing:newsletter:etudiants")
            .and_then(|c| c.reason.clone());
        assert_eq!(
            reason.as_deref(),
            Some(
                "subject `etudiant` has no `type_value`: the consent's subject_key [personne_type, personne_id] keys people by `personne_type`, and neither this subject's `type_value` nor the consent's `where` says which value is this subject's"
            )
        );
        // With the consent's `where` selecting the students, it runs as before.
        let with_where = policy.replace(
            "subject_key = [\"personne_type\", \"personne_id\"]\n",
            "subject_key = [\"personne_type\", \"personne_id\"]\nwhere = \"personne_type = 'etudiant'\"\n",
        );
        let report = scan_text(&with_where, &db.url, AS_OF);
        let mut got = consent_rows(&report);
        got.sort();
        assert_eq!(
            got,
            vec![
                row(
                    "consent-minor-without-parent",
                    Some("consentements"),
                    1,
                    &["4"]
                ),
                row("consent-missing", Some("etudiants"), 1, &["2"]),
                row("consent-pre-ticked", Some("etudiants"), 1, &["4"]),
                row("consent-withdrawn", Some("etudiants"), 1, &["3"]),
                row("consent-without-proof", Some("consentements"), 1, &["4"]),
            ],
            "{}",
            db.backend
        );
    }
}
