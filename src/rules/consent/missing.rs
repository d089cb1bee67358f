//! `consent-missing`: a processed row whose subject has no consent row for the purpose given
//! on or before as-of.
//!
//! This unit plans the family's pass (`super::plan`): for each consent purpose, the three
//! counts of each source of processed rows (this rule's, `consent-withdrawn`'s,
//! `consent-pre-ticked`'s), then `consent-without-proof`'s and
//! `consent-minor-without-parent`'s checks.

use super::{Exists, Processed};
use crate::rules::{Planner, Rule, RuleId};

pub struct ConsentMissing;

impl Rule for ConsentMissing {
    fn id(&self) -> RuleId {
        RuleId::ConsentMissing
    }

    fn plan(&self, p: &mut Planner<'_>) {
        super::plan(p);
    }
}

pub(super) const PROCESSED: Processed = Processed {
    rule: RuleId::ConsentMissing,
    predicate,
    message,
};

/// No consent row at all.
fn predicate(e: &Exists) -> String {
    format!("NOT {}", e.any)
}

fn message(table: &str, pid: &str) -> crate::i18n::Message {
    crate::rules::msg("consent-missing")
        .arg("table", table)
        .arg("purpose", pid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckKind;
    use crate::rules::consent::tests::{POLICY, tables};
    use crate::rules::test_support::{count, ids_of, planned};

    #[test]
    fn a_row_is_missing_consent_when_its_subject_has_none() {
        let e = Exists {
            any: "A".into(),
            valid: "V".into(),
            pre_ticked: "P".into(),
        };
        assert_eq!(predicate(&e), "NOT A");
        assert_eq!(
            message("alumni", "alumni-network").to_string(),
            "{count} rows of alumni processed for `alumni-network` with no consent given"
        );
    }

    #[test]
    fn one_count_per_source_of_processed_rows() {
        let (checks, problems) = planned(POLICY, tables());
        assert_eq!(problems, 0);
        assert_eq!(
            ids_of(&checks, "consent-missing"),
            [
                "consent-missing:alumni-network:alumni",
                "consent-missing:newsletter:abonnements_newsletter"
            ]
        );
        let c = count(&checks, "consent-missing:newsletter:abonnements_newsletter");
        assert!(c.uses_as_of);
        assert_eq!(
            c.display_sql,
            r#"SELECT (SELECT count(*) FROM (SELECT * FROM "abonnements_newsletter" WHERE personne_type = 'candidat') AS p WHERE NOT EXISTS (SELECT 1 FROM (SELECT * FROM "consentements" WHERE personne_type = 'candidat') AS c WHERE c."personne_type" = p."personne_type" AND c."personne_id" = p."personne_id" AND c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'newsletter' AND 1 = 1)), CAST(p."id" AS TEXT) FROM (SELECT * FROM "abonnements_newsletter" WHERE personne_type = 'candidat') AS p WHERE NOT EXISTS (SELECT 1 FROM (SELECT * FROM "consentements" WHERE personne_type = 'candidat') AS c WHERE c."personne_type" = p."personne_type" AND c."personne_id" = p."personne_id" AND c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'newsletter' AND 1 = 1) ORDER BY p."id" LIMIT 10"#
        );
        assert!(!c.sql.contains("2026-11-23"), "as-of is a parameter");
        assert!(c.fix.is_none());
    }

    #[test]
    fn an_unresolved_consent_table_breaks_every_check_of_the_purpose() {
        let (checks, problems) = planned(
            &POLICY.replacen("given_at = \"donne_le\"", "given_at = \"donne\"", 1),
            tables(),
        );
        let ids: Vec<&str> = checks
            .iter()
            .filter(|c| c.id.ends_with(":alumni-network"))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "consent-missing:alumni-network",
                "consent-withdrawn:alumni-network",
                "consent-pre-ticked:alumni-network",
                "consent-without-proof:alumni-network",
                "consent-minor-without-parent:alumni-network"
            ]
        );
        for c in checks.iter().filter(|c| c.id.contains(":alumni-network")) {
            assert!(
                matches!(&c.kind, CheckKind::Broken(why) if why.render(crate::i18n::Lang::En) == "column `donne` does not exist in table `consentements`"),
                "{}",
                c.id
            );
        }
        // One problem, and the other purpose is planned as usual.
        assert_eq!(problems, 1);
        assert!(matches!(
            checks
                .iter()
                .find(|c| c.id == "consent-missing:newsletter:abonnements_newsletter")
                .map(|c| &c.kind),
            Some(CheckKind::Count(_))
        ));
    }
}
