//! `consent-minor-without-parent`: a consent in force at as-of, given before the subject
//! reached the digital-consent age (`[organisation] country`: FR 15, default 16), with
//! `parental_consent` not true (false or NULL). One check per subject of the purpose that
//! declares a `birth_date`; skipped, with the reason, when none does.
//!
//! A consent that declares no `parental_consent` column while a subject has a `birth_date`
//! is one policy-level finding: the parents' agreement is not recorded at all, so counting
//! every minor's consent would only restate that gap.

use super::{Unplanned, consent_sql, subject_join};
use crate::catalog::Table;
use crate::check::{CheckKind, CountCheck};
use crate::policy::duration::Duration;
use crate::policy::{Consent, Purpose};
use crate::rules::{Planner, Rule, RuleId};

/// Its checks are planned by `ConsentMissing`, last among the purpose's checks.
pub struct ConsentMinorWithoutParent;

impl Rule for ConsentMinorWithoutParent {
    fn id(&self) -> RuleId {
        RuleId::ConsentMinorWithoutParent
    }
}

/// Push the purpose's checks, its consent table resolved.
pub(super) fn plan_purpose<'a>(
    p: &mut Planner<'a>,
    purpose: &Purpose,
    pid: &str,
    consent: &Consent,
    ctable: &'a Table,
) {
    let mut with_birth = Vec::new();
    for sid in &purpose.subjects {
        let Some(subject) = p.policy.subject(&sid.value) else {
            continue;
        };
        let Some(birth) = &subject.birth_date else {
            continue;
        };
        with_birth.push(subject.id.value.clone());
        let id = format!("consent-minor-without-parent:{pid}:{}", subject.id.value);
        let r = p.table(&subject.table).and_then(|st| {
            let b = p.column(st, birth)?;
            let Some(pc) = &consent.parental_consent else {
                return Ok(None);
            };
            p.column(ctable, pc)?;
            let skey: Vec<String> = if subject.key.is_empty() {
                st.primary_key.clone()
            } else {
                subject.key.iter().map(|k| k.value.clone()).collect()
            };
            if skey.is_empty() || skey.len() > consent.subject_key.len() {
                return Err(crate::i18n::Message::keyed("check", "key-unmatched")
                    .arg("subject", subject.id.value.as_str()));
            }
            Ok(Some((st, skey, b.name.clone())))
        });
        let kind = match r {
            // No `parental_consent`: the one policy-level finding below stands for it.
            Ok(None) => continue,
            Ok(Some((st, skey, birth))) => {
                match subject_join(p, purpose, consent, subject, &skey, "s") {
                    Ok(join) => CheckKind::Count(check(p, pid, consent, ctable, st, &join, &birth)),
                    Err(why) => why.kind(),
                }
            }
            Err(why) => Unplanned::Broken(why).kind(),
        };
        p.push(id, &[RuleId::ConsentMinorWithoutParent], kind);
    }
    if with_birth.is_empty() {
        p.push(
            format!("consent-minor-without-parent:{pid}"),
            &[RuleId::ConsentMinorWithoutParent],
            CheckKind::Skipped(crate::i18n::Message::keyed("check", "no-birth-date")),
        );
    } else if consent.parental_consent.is_none() {
        let mut f = p.finding(
            RuleId::ConsentMinorWithoutParent,
            Some(pid),
            None,
            crate::rules::msg("consent-minor-no-parental-column")
                .arg("purpose", pid)
                .arg(
                    "subjects",
                    crate::i18n::Arg::List(
                        with_birth
                            .iter()
                            .map(|s| crate::rules::msg("subject").arg("subject", s.to_string()))
                            .collect(),
                        "finding.and",
                    ),
                )
                .arg("n", with_birth.len()),
        );
        f.count = 1;
        p.push(
            format!("consent-minor-without-parent:{pid}"),
            &[RuleId::ConsentMinorWithoutParent],
            CheckKind::Catalog(vec![f]),
        );
    }
}

/// The count of consent rows in force given before the subject's birthday of consent age,
/// joined to the subject table (alias `s`) on `join`.
fn check(
    p: &Planner<'_>,
    pid: &str,
    consent: &Consent,
    ctable: &Table,
    stable: &Table,
    join: &[String],
    birth: &str,
) -> CountCheck {
    let d = p.dialect;
    let age = p.policy.organisation.consent_age;
    let from = format!(
        "{} JOIN {} ON {}",
        p.filtered(ctable, "c", consent.where_.as_ref()),
        p.from(stable, "s"),
        join.join(" AND ")
    );
    let birthday = d.date_plus(
        &d.col("s", birth),
        Planner::type_of(stable, birth),
        &Duration::years(age as i64),
    );
    let given_value = d.date_value(
        &d.col("c", &consent.given_at.value),
        Planner::type_of(ctable, &consent.given_at.value),
    );
    let pc = consent
        .parental_consent
        .as_ref()
        .expect("checked by the caller");
    let parental = format!(
        "NOT {}",
        d.is_true(&d.col("c", &pc.value), Planner::type_of(ctable, &pc.value))
    );
    let build = |as_of: &str| {
        let s = consent_sql(p, consent, ctable, as_of);
        format!(
            "{} AND {} AND {given_value} < {birthday} AND {parental}",
            s.given, s.in_force
        )
    };
    let (tok, lit) = p.as_of_tokens();
    CountCheck {
        sql: p.count_sql(ctable, "c", &from, &build(&tok)),
        display_sql: p.count_sql(ctable, "c", &from, &build(&lit)),
        uses_as_of: true,
        template: p.finding(
            RuleId::ConsentMinorWithoutParent,
            Some(pid),
            Some(ctable),
            crate::rules::msg("consent-minor-without-parent")
                .arg("purpose", pid)
                .arg("age", age.to_string()),
        ),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::CheckKind;
    use crate::rules::consent::tests::{POLICY, tables};
    use crate::rules::test_support::{check, count, ids_of, planned};

    #[test]
    fn consents_given_before_the_age_without_a_parent_are_counted() {
        let (checks, _) = planned(POLICY, tables());
        assert_eq!(
            ids_of(&checks, "consent-minor-without-parent"),
            [
                "consent-minor-without-parent:alumni-network",
                "consent-minor-without-parent:newsletter:candidat"
            ]
        );
        let c = count(&checks, "consent-minor-without-parent:newsletter:candidat");
        // FR: the digital-consent age is 15.
        assert_eq!(
            c.template.message,
            "{count} consents for `newsletter` given before the age of 15 without a parent's agreement"
        );
        // Given before the 15th birthday, parental consent false or NULL.
        assert_eq!(
            c.display_sql,
            r#"SELECT (SELECT count(*) FROM (SELECT * FROM "consentements" WHERE personne_type = 'candidat') AS c JOIN "candidats" AS s ON c."personne_id" = s."id" WHERE c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'newsletter' AND (c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz)) AND c."donne_le" < (s."ne_le" + INTERVAL '15 years 0 months 0 days') AND NOT c."accord_parental" IS TRUE), CAST(c."id" AS TEXT) FROM (SELECT * FROM "consentements" WHERE personne_type = 'candidat') AS c JOIN "candidats" AS s ON c."personne_id" = s."id" WHERE c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'newsletter' AND (c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz)) AND c."donne_le" < (s."ne_le" + INTERVAL '15 years 0 months 0 days') AND NOT c."accord_parental" IS TRUE ORDER BY c."id" LIMIT 10"#
        );
        assert!(!c.sql.contains("2026-11-23"), "as-of is a parameter");
    }

    #[test]
    fn without_birth_dates_the_rule_is_skipped() {
        let (checks, _) = planned(POLICY, tables());
        assert!(matches!(
            &check(&checks, "consent-minor-without-parent:alumni-network").kind,
            CheckKind::Skipped(why) if why.render(crate::i18n::Lang::En) == "no subject of this purpose declares a `birth_date`"
        ));
    }

    #[test]
    fn the_join_filters_the_type_column_on_the_subjects_type_value() {
        let policy = POLICY.replace(
            "birth_date = \"ne_le\"",
            "birth_date = \"ne_le\"\ntype_value = \"candidat\"",
        );
        let (checks, _) = planned(&policy, tables());
        let c = count(&checks, "consent-minor-without-parent:newsletter:candidat");
        assert!(
            c.display_sql.contains(
                r#"JOIN "candidats" AS s ON c."personne_id" = s."id" AND c."personne_type" = 'candidat' WHERE"#
            ),
            "{}",
            c.display_sql
        );
    }

    #[test]
    fn several_subjects_without_type_value_are_skipped() {
        let policy = POLICY.replace(
            "subjects = [\"candidat\"]",
            "subjects = [\"candidat\", \"alumni\"]",
        );
        let (checks, _) = planned(&policy, tables());
        assert!(matches!(
            &check(&checks, "consent-minor-without-parent:newsletter:candidat").kind,
            CheckKind::Skipped(why) if why.render(crate::i18n::Lang::En).starts_with("subject `candidat` has no `type_value`")
        ));
        assert!(
            matches!(
                &check(&checks, "consent-missing:newsletter:abonnements_newsletter").kind,
                CheckKind::Count(_)
            ),
            "a processed table keyed like the consent is joined on its whole key"
        );
    }

    #[test]
    fn without_parental_consent_one_policy_level_finding() {
        let policy = POLICY.replace("parental_consent = \"accord_parental\"\n", "");
        let (checks, _) = planned(&policy, tables());
        assert_eq!(
            ids_of(&checks, "consent-minor-without-parent"),
            [
                "consent-minor-without-parent:alumni-network",
                "consent-minor-without-parent:newsletter"
            ]
        );
        let CheckKind::Catalog(found) =
            &check(&checks, "consent-minor-without-parent:newsletter").kind
        else {
            panic!("a policy-level finding");
        };
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].count, 1);
        assert!(found[0].sample_keys.is_empty());
        assert_eq!(found[0].table, None);
        assert_eq!(found[0].purpose.as_deref(), Some("newsletter"));
        assert!(
            found[0]
                .message
                .starts_with("the parental-consent proof is not recorded for `newsletter`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn an_unknown_birth_date_column_breaks_the_subjects_check() {
        let (checks, problems) = planned(
            &POLICY.replace("birth_date = \"ne_le\"", "birth_date = \"naissance\""),
            tables(),
        );
        assert!(matches!(
            &check(&checks, "consent-minor-without-parent:newsletter:candidat").kind,
            CheckKind::Broken(why) if why.render(crate::i18n::Lang::En) == "column `naissance` does not exist in table `candidats`"
        ));
        assert_eq!(problems, 1);
    }
}
