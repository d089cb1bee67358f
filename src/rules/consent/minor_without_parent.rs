//! `consent-minor-without-parent`: a consent in force at as-of, given before the subject
//! reached the digital-consent age (`[organisation] country`: FR 15, default 16), with
//! `parental_consent` not true (false or NULL; with no `parental_consent` column declared,
//! every such consent). One check per subject of the purpose that declares a `birth_date`;
//! skipped, with the reason, when none does.

use super::consent_sql;
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
    let mut any_birth = false;
    for sid in &purpose.subjects {
        let Some(subject) = p.policy.subject(&sid.value) else {
            continue;
        };
        let Some(birth) = &subject.birth_date else {
            continue;
        };
        any_birth = true;
        let id = format!("consent-minor-without-parent:{pid}:{}", subject.id.value);
        let r = p.table(&subject.table).and_then(|st| {
            let b = p.column(st, birth)?;
            if let Some(pc) = &consent.parental_consent {
                p.column(ctable, pc)?;
            }
            let skey: Vec<String> = if subject.key.is_empty() {
                st.primary_key.clone()
            } else {
                subject.key.iter().map(|k| k.value.clone()).collect()
            };
            if skey.is_empty() || skey.len() > consent.subject_key.len() {
                return Err(format!(
                    "the consent's subject_key cannot be matched with the key of subject `{}`",
                    subject.id.value
                ));
            }
            Ok(check(p, pid, consent, ctable, st, &skey, &b.name))
        });
        let kind = match r {
            Ok(c) => CheckKind::Count(c),
            Err(why) => CheckKind::Broken(why),
        };
        p.push(id, &[RuleId::ConsentMinorWithoutParent], kind);
    }
    if !any_birth {
        p.push(
            format!("consent-minor-without-parent:{pid}"),
            &[RuleId::ConsentMinorWithoutParent],
            CheckKind::Skipped("no subject of this purpose declares a `birth_date`".into()),
        );
    }
}

/// The count of consent rows in force given before the subject's birthday of consent age,
/// joined to the subject table on the consent key's last columns.
fn check(
    p: &Planner<'_>,
    pid: &str,
    consent: &Consent,
    ctable: &Table,
    stable: &Table,
    skey: &[String],
    birth: &str,
) -> CountCheck {
    let d = p.dialect;
    let age = p.policy.organisation.consent_age;
    let tail = &consent.subject_key[consent.subject_key.len() - skey.len()..];
    let join: Vec<String> = tail
        .iter()
        .zip(skey)
        .map(|(ck, sk)| format!("{} = {}", d.col("c", &ck.value), d.col("s", sk)))
        .collect();
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
    let parental = match &consent.parental_consent {
        Some(pc) => format!(
            "NOT {}",
            d.is_true(&d.col("c", &pc.value), Planner::type_of(ctable, &pc.value))
        ),
        None => "1 = 1".into(),
    };
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
            format!("{{count}} consent{{s}} for `{pid}` given before the age of {age} without a parent's agreement"),
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
            "{count} consent{s} for `newsletter` given before the age of 15 without a parent's agreement"
        );
        // Given before the 15th birthday, parental consent false or NULL.
        assert_eq!(
            c.display_sql,
            r#"SELECT count(*) OVER (), CAST(c."id" AS TEXT) FROM (SELECT * FROM "consentements" WHERE personne_type = 'candidat') AS c JOIN "candidats" AS s ON c."personne_id" = s."id" WHERE c."donne_le" <= CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) AND c."finalite" = 'newsletter' AND (c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz)) AND c."donne_le" < (s."ne_le" + INTERVAL '15 years 0 months 0 days') AND NOT c."accord_parental" IS TRUE ORDER BY c."id" LIMIT 10"#
        );
        assert!(!c.sql.contains("2026-11-23"), "as-of is a parameter");
    }

    #[test]
    fn without_birth_dates_the_rule_is_skipped() {
        let (checks, _) = planned(POLICY, tables());
        assert!(matches!(
            &check(&checks, "consent-minor-without-parent:alumni-network").kind,
            CheckKind::Skipped(why) if why == "no subject of this purpose declares a `birth_date`"
        ));
    }

    #[test]
    fn an_unknown_birth_date_column_breaks_the_subjects_check() {
        let (checks, problems) = planned(
            &POLICY.replace("birth_date = \"ne_le\"", "birth_date = \"naissance\""),
            tables(),
        );
        assert!(matches!(
            &check(&checks, "consent-minor-without-parent:newsletter:candidat").kind,
            CheckKind::Broken(why) if why == "column `naissance` does not exist in table `candidats`"
        ));
        assert_eq!(problems, 1);
    }
}
