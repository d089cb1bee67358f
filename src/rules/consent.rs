//! Consent: every row processed under a consent purpose needs a valid consent, and every
//! consent needs proof and, for a minor, a parent's agreement.
//!
//! A processed row has valid consent when a consent row for the same subject and purpose was
//! given on or before as-of, is not withdrawn at as-of, and is not pre-ticked. Otherwise its
//! reason, from the subject's consent rows given on or before as-of: one still in force but
//! pre-ticked → `consent-pre-ticked`; else any (all withdrawn) → `consent-withdrawn`; else
//! `consent-missing`. The three are disjoint, so each processed row is counted once.
//!
//! Keys that are lists (`["personne_type", "personne_id"]`) are matched column by column
//! with the processed rows' key; against a subject table whose key is shorter, the consent
//! key's last columns match it and the leading ones are left to the consent's `where`.

use super::Planner;
use super::RuleId;
use crate::catalog::Table;
use crate::check::{CheckKind, CountCheck};
use crate::policy::duration::Duration;
use crate::policy::{Consent, Name, Purpose};

/// The rows that need consent: a table, its join key, and an optional filter.
struct Source<'a> {
    table: &'a Table,
    key: Vec<String>,
    where_: Option<&'a Name>,
    label: String,
}

pub fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    for purpose in &policy.purposes {
        let Some(consent) = &purpose.consent else {
            continue;
        };
        plan_purpose(p, purpose, consent);
    }
}

fn plan_purpose(p: &mut Planner<'_>, purpose: &Purpose, consent: &Consent) {
    let pid = purpose.id.value.clone();
    let ctable = match resolve_consent(p, consent) {
        Ok(t) => t,
        Err(why) => {
            for rule in [
                RuleId::ConsentMissing,
                RuleId::ConsentWithdrawn,
                RuleId::ConsentPreTicked,
                RuleId::ConsentWithoutProof,
                RuleId::ConsentMinorWithoutParent,
            ] {
                p.push(
                    format!("{rule}:{pid}"),
                    &[rule],
                    CheckKind::Broken(why.clone()),
                );
            }
            return;
        }
    };

    // Sources of processed rows.
    let mut sources: Vec<Result<Source<'_>, (String, String)>> = Vec::new();
    if let Some(pr) = &consent.processed {
        let label = pr.table.value.clone();
        let r = p.table(&pr.table).and_then(|t| {
            for k in &pr.subject_key {
                p.column(t, k)?;
            }
            Ok(Source {
                table: t,
                key: pr.subject_key.iter().map(|k| k.value.clone()).collect(),
                where_: pr.where_.as_ref(),
                label: label.clone(),
            })
        });
        sources.push(r.map_err(|e| (label, e)));
    } else {
        for sid in &purpose.subjects {
            let Some(subject) = p.policy.subject(&sid.value) else {
                continue;
            };
            let label = subject.table.value.clone();
            let r = p.table(&subject.table).and_then(|t| {
                let key: Vec<String> = if subject.key.is_empty() {
                    t.primary_key.clone()
                } else {
                    for k in &subject.key {
                        p.column(t, k)?;
                    }
                    subject.key.iter().map(|k| k.value.clone()).collect()
                };
                if key.is_empty() {
                    return Err(format!(
                        "subject table `{}` has no primary key: set `key` in its [[subject]]",
                        t.name
                    ));
                }
                Ok(Source {
                    table: t,
                    key,
                    where_: None,
                    label: label.clone(),
                })
            });
            sources.push(r.map_err(|e| (label, e)));
        }
    }

    for source in sources {
        match source {
            Err((label, why)) => {
                for rule in [
                    RuleId::ConsentMissing,
                    RuleId::ConsentWithdrawn,
                    RuleId::ConsentPreTicked,
                ] {
                    p.push(
                        format!("{rule}:{pid}:{label}"),
                        &[rule],
                        CheckKind::Broken(why.clone()),
                    );
                }
            }
            Ok(src) => {
                let id = |rule: RuleId| format!("{rule}:{pid}:{}", src.label);
                match processed_checks(p, &pid, consent, ctable, &src) {
                    Ok(checks) => {
                        for (rule, c) in checks {
                            p.push(id(rule), &[rule], CheckKind::Count(c));
                        }
                    }
                    Err(why) => {
                        for rule in [
                            RuleId::ConsentMissing,
                            RuleId::ConsentWithdrawn,
                            RuleId::ConsentPreTicked,
                        ] {
                            p.push(id(rule), &[rule], CheckKind::Broken(why.clone()));
                        }
                    }
                }
            }
        }
    }

    // Proof.
    match &consent.proof {
        Some(proof) => match p.column(ctable, proof) {
            Ok(_) => {
                let c = proof_check(p, &pid, consent, ctable);
                p.push(
                    format!("consent-without-proof:{pid}"),
                    &[RuleId::ConsentWithoutProof],
                    CheckKind::Count(c),
                );
            }
            Err(why) => p.push(
                format!("consent-without-proof:{pid}"),
                &[RuleId::ConsentWithoutProof],
                CheckKind::Broken(why),
            ),
        },
        None => p.push(
            format!("consent-without-proof:{pid}"),
            &[RuleId::ConsentWithoutProof],
            CheckKind::Skipped("no `proof` column is declared for this consent".into()),
        ),
    }

    // Minors.
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
            Ok(minor_check(p, &pid, consent, ctable, st, &skey, &b.name))
        });
        match r {
            Ok(c) => p.push(
                id,
                &[RuleId::ConsentMinorWithoutParent],
                CheckKind::Count(c),
            ),
            Err(why) => p.push(
                id,
                &[RuleId::ConsentMinorWithoutParent],
                CheckKind::Broken(why),
            ),
        }
    }
    if !any_birth {
        p.push(
            format!("consent-minor-without-parent:{pid}"),
            &[RuleId::ConsentMinorWithoutParent],
            CheckKind::Skipped("no subject of this purpose declares a `birth_date`".into()),
        );
    }
}

fn resolve_consent<'a>(p: &mut Planner<'a>, c: &Consent) -> Result<&'a Table, String> {
    let t = p.table(&c.table)?;
    let mut first_err = None;
    let mut cols: Vec<&Name> = c.subject_key.iter().collect();
    cols.push(&c.given_at);
    cols.extend(c.purpose_column.iter());
    cols.extend(c.withdrawn_at.iter());
    cols.extend(c.pre_ticked.iter());
    for col in cols {
        if let Err(e) = p.column(t, col)
            && first_err.is_none()
        {
            first_err = Some(e);
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(t),
    }
}

/// Conditions on consent rows (alias `c`), written for one as-of token.
struct ConsentSql {
    /// This purpose's rows, given on or before as-of.
    given: String,
    /// Not withdrawn at as-of.
    in_force: String,
    pre_ticked: String,
}

fn consent_sql(p: &Planner<'_>, c: &Consent, t: &Table, as_of: &str) -> ConsentSql {
    let d = p.dialect;
    let col = |n: &Name| d.col("c", &n.value);
    let mut given = vec![format!(
        "{} <= {}",
        d.date_value(&col(&c.given_at), Planner::type_of(t, &c.given_at.value)),
        d.instant(as_of)
    )];
    if let (Some(pc), Some(pv)) = (&c.purpose_column, &c.purpose_value) {
        given.push(format!("{} = {}", col(pc), d.quote_literal(pv)));
    }
    let in_force = match &c.withdrawn_at {
        None => "1 = 1".to_string(),
        Some(w) => {
            let class = Planner::type_of(t, &w.value);
            format!(
                "({} OR {} > {})",
                d.date_missing(&col(w), class),
                d.date_value(&col(w), class),
                d.instant(as_of)
            )
        }
    };
    let pre_ticked = match &c.pre_ticked {
        None => "1 = 0".to_string(),
        Some(pt) => d.is_true(&col(pt), Planner::type_of(t, &pt.value)),
    };
    ConsentSql {
        given: given.join(" AND "),
        in_force,
        pre_ticked,
    }
}

fn processed_checks(
    p: &Planner<'_>,
    pid: &str,
    consent: &Consent,
    ctable: &Table,
    src: &Source<'_>,
) -> Result<Vec<(RuleId, CountCheck)>, String> {
    let d = p.dialect;
    if src.key.len() > consent.subject_key.len() {
        return Err(format!(
            "the key of `{}` has {} column(s) but the consent's subject_key has {}",
            src.table.display_name(),
            src.key.len(),
            consent.subject_key.len()
        ));
    }
    let tail = &consent.subject_key[consent.subject_key.len() - src.key.len()..];
    let join: Vec<String> = tail
        .iter()
        .zip(&src.key)
        .map(|(ck, pk)| format!("{} = {}", d.col("c", &ck.value), d.col("p", pk)))
        .collect();
    let join = join.join(" AND ");
    let consent_from = p.filtered(ctable, "c", consent.where_.as_ref());
    let processed_from = p.filtered(src.table, "p", src.where_);

    let build = |as_of: &str, rule: RuleId| -> String {
        let s = consent_sql(p, consent, ctable, as_of);
        let exists = |cond: &str| {
            format!(
                "EXISTS (SELECT 1 FROM {consent_from} WHERE {join} AND {} AND {cond})",
                s.given
            )
        };
        let valid = exists(&format!("{} AND NOT {}", s.in_force, s.pre_ticked));
        let pre = exists(&format!("{} AND {}", s.in_force, s.pre_ticked));
        let any = exists("1 = 1");
        match rule {
            RuleId::ConsentMissing => format!("NOT {any}"),
            RuleId::ConsentPreTicked => format!("{pre} AND NOT {valid}"),
            _ => format!("{any} AND NOT {valid} AND NOT {pre}"),
        }
    };
    let (tok, lit) = p.as_of_tokens();
    let messages = [
        (
            RuleId::ConsentMissing,
            format!(
                "{{count}} row{{s}} of {} processed for `{pid}` with no consent given",
                src.table.display_name()
            ),
        ),
        (
            RuleId::ConsentWithdrawn,
            format!(
                "{{count}} row{{s}} of {} still processed for `{pid}` after consent was withdrawn",
                src.table.display_name()
            ),
        ),
        (
            RuleId::ConsentPreTicked,
            format!(
                "{{count}} row{{s}} of {} processed for `{pid}` on a pre-ticked consent",
                src.table.display_name()
            ),
        ),
    ];
    Ok(messages
        .into_iter()
        .map(|(rule, message)| {
            let check = CountCheck {
                sql: p.count_sql(src.table, "p", &processed_from, &build(&tok, rule)),
                display_sql: p.count_sql(src.table, "p", &processed_from, &build(&lit, rule)),
                uses_as_of: true,
                template: p.finding(rule, Some(pid), Some(src.table), message),
                fix: None,
            };
            (rule, check)
        })
        .collect())
}

fn proof_check(p: &Planner<'_>, pid: &str, consent: &Consent, ctable: &Table) -> CountCheck {
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
            format!(
                "{{count}} consent{{s}} in force for `{pid}` without proof in {}",
                proof.value
            ),
        ),
        fix: None,
    }
}

fn minor_check(
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
