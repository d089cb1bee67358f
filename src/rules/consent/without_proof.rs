//! `consent-without-proof`: a consent in force at as-of whose `proof` column is blank, so the
//! controller cannot demonstrate it (art. 7.1). Skipped, with the reason, when the consent
//! declares no `proof` column.

use super::consent_sql;
use crate::catalog::Table;
use crate::check::{CheckKind, CountCheck};
use crate::policy::Consent;
use crate::rules::{Planner, Rule, RuleId};

/// Its check is planned by `ConsentMissing`, after the purpose's counts of processed rows.
pub struct ConsentWithoutProof;

impl Rule for ConsentWithoutProof {
    fn id(&self) -> RuleId {
        RuleId::ConsentWithoutProof
    }
}

/// Push the purpose's check, its consent table resolved.
pub(super) fn plan_purpose<'a>(
    p: &mut Planner<'a>,
    pid: &str,
    consent: &Consent,
    ctable: &'a Table,
) {
    let id = format!("consent-without-proof:{pid}");
    let kind = match &consent.proof {
        Some(proof) => match p.column(ctable, proof) {
            Ok(_) => CheckKind::Count(check(p, pid, consent, ctable)),
            Err(why) => CheckKind::Broken(why),
        },
        None => CheckKind::Skipped(crate::i18n::Message::keyed("check", "no-proof")),
    };
    p.push(id, &[RuleId::ConsentWithoutProof], kind);
}

/// The count of consent rows in force at as-of with a blank proof.
fn check(p: &Planner<'_>, pid: &str, consent: &Consent, ctable: &Table) -> CountCheck {
    let d = p.dialect;
    let proof = consent.proof.as_ref().expect("checked by the caller");
    let from = p.filtered(ctable, "c", consent.where_.as_ref());
    let build = |as_of: &str| {
        let s = consent_sql(p, consent, ctable, as_of);
        format!(
            "{} AND {} AND {}",
            s.given,
            s.in_force,
            d.is_blank(
                &d.col("c", &proof.value),
                Planner::type_of(ctable, &proof.value)
            )
        )
    };
    let (tok, lit) = p.as_of_tokens();
    CountCheck {
        sql: p.count_sql(ctable, "c", &from, &build(&tok)),
        display_sql: p.count_sql(ctable, "c", &from, &build(&lit)),
        uses_as_of: true,
        template: p.finding(
            RuleId::ConsentWithoutProof,
            Some(pid),
            Some(ctable),
            crate::rules::msg("consent-without-proof")
                .arg("purpose", pid)
                .arg("proof", &proof.value),
        ),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::CheckKind;
    use crate::rules::consent::tests::{POLICY, tables};
    use crate::rules::test_support::{check, count, planned};

    #[test]
    fn consents_in_force_with_a_blank_proof_are_counted() {
        let (checks, _) = planned(POLICY, tables());
        let c = count(&checks, "consent-without-proof:alumni-network");
        assert_eq!(
            c.display_sql,
            r#"SELECT (SELECT count(*) FROM (SELECT * FROM "consentements" WHERE personne_type = 'alumni') AS c WHERE c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'alumni' AND (c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz)) AND (c."preuve" IS NULL OR c."preuve" = '')), CAST(c."id" AS TEXT) FROM (SELECT * FROM "consentements" WHERE personne_type = 'alumni') AS c WHERE c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'alumni' AND (c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz)) AND (c."preuve" IS NULL OR c."preuve" = '') ORDER BY c."id" LIMIT 10"#
        );
        assert_eq!(
            c.template.message,
            "{count} consents in force for `alumni-network` without proof in preuve"
        );
        assert_eq!(c.template.table.as_deref(), Some("consentements"));
    }

    #[test]
    fn no_proof_column_skips_and_an_unknown_one_breaks() {
        let (checks, _) = planned(POLICY, tables());
        assert!(matches!(
            &check(&checks, "consent-without-proof:newsletter").kind,
            CheckKind::Skipped(why) if why.render(crate::i18n::Lang::En) == "no `proof` column is declared for this consent"
        ));
        let (checks, problems) = planned(
            &POLICY.replace("proof = \"preuve\"", "proof = \"preuves\""),
            tables(),
        );
        assert!(matches!(
            &check(&checks, "consent-without-proof:alumni-network").kind,
            CheckKind::Broken(why) if why.render(crate::i18n::Lang::En) == "column `preuves` does not exist in table `consentements`"
        ));
        assert_eq!(problems, 1);
    }
}
