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
//! with the processed rows' key. Against a subject table whose key is shorter, the consent
//! key's last columns match it, and the column before them (the type column) is filtered on
//! the subject's `type_value`. A subject without `type_value` in a purpose of one subject
//! leaves the type to the consent's `where`; in a purpose of several subjects, or with no
//! `where`, the policy cannot say which consent rows are whose, and the checks joining them
//! are skipped.
//!
//! Each rule is its own unit (`missing.rs`, `withdrawn.rs`, `pre_ticked.rs`,
//! `without_proof.rs`, `minor_without_parent.rs`). This module resolves a purpose's consent
//! table and the rows it covers once, writes the conditions on consent rows all five share,
//! and walks the purposes in one pass (planned by `ConsentMissing`), so the checks and the
//! policy problems their resolution records keep their order: per purpose, the three counts
//! of each source of processed rows, then proof, then minors.

pub mod minor_without_parent;
pub mod missing;
pub mod pre_ticked;
pub mod withdrawn;
pub mod without_proof;

pub use minor_without_parent::ConsentMinorWithoutParent;
pub use missing::ConsentMissing;
pub use pre_ticked::ConsentPreTicked;
pub use withdrawn::ConsentWithdrawn;
pub use without_proof::ConsentWithoutProof;

use super::Planner;
use super::RuleId;
use crate::catalog::Table;
use crate::check::{CheckKind, CountCheck};
use crate::policy::{Consent, Name, Purpose, Subject};

/// The rows that need consent: a table, its join key, and an optional filter.
struct Source<'a> {
    table: &'a Table,
    key: Vec<String>,
    where_: Option<&'a Name>,
    label: String,
    /// The subject whose table this is (no `processed` table declared).
    subject: Option<&'a Subject>,
}

/// Why a check cannot be planned: the policy or the database is wrong (an error), or the
/// policy does not say enough for the check to run (skipped, with the reason).
#[derive(Clone)]
enum Unplanned {
    Broken(crate::i18n::Message),
    Skipped(crate::i18n::Message),
}

impl Unplanned {
    fn kind(self) -> CheckKind {
        match self {
            Unplanned::Broken(why) => CheckKind::Broken(why),
            Unplanned::Skipped(why) => CheckKind::Skipped(why),
        }
    }
}

/// The conditions joining consent rows (alias `c`) to the rows of a subject's table (alias
/// `alias`, key `skey`): the consent key's last columns equal the key, and, when the consent
/// key is longer, the column before them holds the subject's `type_value`. Without
/// `type_value`, a purpose of one subject leaves the type to the consent's `where`; a purpose
/// of several subjects, or a consent with no `where`, is skipped, since which consent rows
/// belong to this subject is not known.
fn subject_join(
    p: &Planner<'_>,
    purpose: &Purpose,
    consent: &Consent,
    subject: &Subject,
    skey: &[String],
    alias: &str,
) -> Result<Vec<String>, Unplanned> {
    let d = p.dialect;
    let lead = consent.subject_key.len() - skey.len();
    let mut join: Vec<String> = consent.subject_key[lead..]
        .iter()
        .zip(skey)
        .map(|(ck, sk)| format!("{} = {}", d.col("c", &ck.value), d.col(alias, sk)))
        .collect();
    if lead == 0 {
        return Ok(join);
    }
    let type_column = &consent.subject_key[lead - 1].value;
    match &subject.type_value {
        Some(tv) => join.push(format!(
            "{} = {}",
            d.col("c", type_column),
            d.quote_literal(&tv.value)
        )),
        None if purpose.subjects.len() > 1 || consent.where_.is_none() => {
            let key = consent
                .subject_key
                .iter()
                .map(|k| k.value.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let why = if purpose.subjects.len() > 1 {
                "no-type-value-several"
            } else {
                "no-type-value"
            };
            return Err(Unplanned::Skipped(
                crate::i18n::Message::keyed("check", why)
                    .arg("subject", subject.id.value.as_str())
                    .arg("key", key)
                    .arg("type_column", type_column.to_string()),
            ));
        }
        None => {}
    }
    Ok(join)
}

/// A rule answered from the processed rows: which of them it counts, and how it says so.
struct Processed {
    rule: RuleId,
    /// The condition on a processed row (alias `p`), from the subject's consent rows.
    predicate: fn(&Exists) -> String,
    /// The finding's message, from the processed table's name and the purpose id.
    message: fn(&str, &str) -> crate::i18n::Message,
}

/// The three rules of the processed rows, in the order their checks are pushed.
const PROCESSED: [Processed; 3] = [
    missing::PROCESSED,
    withdrawn::PROCESSED,
    pre_ticked::PROCESSED,
];

/// What the subject's consent rows for this purpose, given on or before as-of, hold:
/// `EXISTS (…)` conditions on a processed row (alias `p`).
struct Exists {
    /// Any consent row.
    any: String,
    /// One in force and not pre-ticked: valid consent.
    valid: String,
    /// One in force but pre-ticked.
    pre_ticked: String,
}

/// Plan every consent check, one purpose after the other.
fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    for purpose in &policy.purposes {
        let Some(consent) = &purpose.consent else {
            continue;
        };
        plan_purpose(p, purpose, consent);
    }
}

/// Every rule id of the family, in the order a purpose's checks are pushed.
const RULES: [RuleId; 5] = [
    RuleId::ConsentMissing,
    RuleId::ConsentWithdrawn,
    RuleId::ConsentPreTicked,
    RuleId::ConsentWithoutProof,
    RuleId::ConsentMinorWithoutParent,
];

/// A purpose's checks. When its consent table or a column every rule reads cannot be
/// resolved, the five rules' checks all break with that reason.
fn plan_purpose<'a>(p: &mut Planner<'a>, purpose: &'a Purpose, consent: &'a Consent) {
    let pid = purpose.id.value.clone();
    let ctable = match resolve_consent(p, consent) {
        Ok(t) => t,
        Err(why) => {
            for rule in RULES {
                p.push(
                    format!("{rule}:{pid}"),
                    &[rule],
                    CheckKind::Broken(why.clone()),
                );
            }
            return;
        }
    };
    for source in sources(p, purpose, consent) {
        match source {
            Err((label, why)) => {
                for rule in PROCESSED.map(|r| r.rule) {
                    p.push(
                        format!("{rule}:{pid}:{label}"),
                        &[rule],
                        CheckKind::Broken(why.clone()),
                    );
                }
            }
            Ok(src) => {
                let id = |rule: RuleId| format!("{rule}:{pid}:{}", src.label);
                match processed_checks(p, purpose, consent, ctable, &src) {
                    Ok(checks) => {
                        for (rule, c) in checks {
                            p.push(id(rule), &[rule], CheckKind::Count(c));
                        }
                    }
                    Err(why) => {
                        for rule in PROCESSED.map(|r| r.rule) {
                            p.push(id(rule), &[rule], why.clone().kind());
                        }
                    }
                }
            }
        }
    }
    without_proof::plan_purpose(p, &pid, consent, ctable);
    minor_without_parent::plan_purpose(p, purpose, &pid, consent, ctable);
}

/// The sources of processed rows: the consent's `processed` table, else each subject table
/// of the purpose. A source that cannot be resolved carries its label and why.
fn sources<'a>(
    p: &mut Planner<'a>,
    purpose: &'a Purpose,
    consent: &'a Consent,
) -> Vec<Result<Source<'a>, (String, crate::i18n::Message)>> {
    let mut sources = Vec::new();
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
                subject: None,
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
                    return Err(crate::i18n::Message::keyed("check", "no-primary-key")
                        .arg("table", t.name.as_str()));
                }
                Ok(Source {
                    table: t,
                    key,
                    where_: None,
                    label: label.clone(),
                    subject: Some(subject),
                })
            });
            sources.push(r.map_err(|e| (label, e)));
        }
    }
    sources
}

/// Resolve the consent table and the columns every rule reads; the first missing column is
/// the reason all five checks of the purpose cannot run (each is still a policy problem).
fn resolve_consent<'a>(
    p: &mut Planner<'a>,
    c: &Consent,
) -> Result<&'a Table, crate::i18n::Message> {
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

/// The three counts of one source of processed rows, in the order of [`PROCESSED`].
fn processed_checks(
    p: &Planner<'_>,
    purpose: &Purpose,
    consent: &Consent,
    ctable: &Table,
    src: &Source<'_>,
) -> Result<Vec<(RuleId, CountCheck)>, Unplanned> {
    let d = p.dialect;
    let pid = purpose.id.value.as_str();
    if src.key.len() > consent.subject_key.len() {
        return Err(Unplanned::Broken(
            crate::i18n::Message::keyed("check", "key-arity")
                .arg("table", src.table.display_name())
                .arg("key", src.key.len())
                .arg("subject_key", consent.subject_key.len()),
        ));
    }
    let join: Vec<String> = match src.subject {
        Some(subject) => subject_join(p, purpose, consent, subject, &src.key, "p")?,
        None => {
            let tail = &consent.subject_key[consent.subject_key.len() - src.key.len()..];
            tail.iter()
                .zip(&src.key)
                .map(|(ck, pk)| format!("{} = {}", d.col("c", &ck.value), d.col("p", pk)))
                .collect()
        }
    };
    let join = join.join(" AND ");
    let consent_from = p.filtered(ctable, "c", consent.where_.as_ref());
    let processed_from = p.filtered(src.table, "p", src.where_);

    let exists = |as_of: &str| -> Exists {
        let s = consent_sql(p, consent, ctable, as_of);
        let exists = |cond: &str| {
            format!(
                "EXISTS (SELECT 1 FROM {consent_from} WHERE {join} AND {} AND {cond})",
                s.given
            )
        };
        Exists {
            valid: exists(&format!("{} AND NOT {}", s.in_force, s.pre_ticked)),
            pre_ticked: exists(&format!("{} AND {}", s.in_force, s.pre_ticked)),
            any: exists("1 = 1"),
        }
    };
    let (tok, lit) = p.as_of_tokens();
    let (run, shown) = (exists(&tok), exists(&lit));
    let table = src.table.display_name();
    Ok(PROCESSED
        .iter()
        .map(|r| {
            let check = CountCheck {
                sql: p.count_sql(src.table, "p", &processed_from, &(r.predicate)(&run)),
                display_sql: p.count_sql(src.table, "p", &processed_from, &(r.predicate)(&shown)),
                uses_as_of: true,
                template: p.finding(r.rule, Some(pid), Some(src.table), (r.message)(&table, pid)),
                fix: None,
            };
            (r.rule, check)
        })
        .collect())
}

/// The policy and catalog the rule files' tests plan on: two consent purposes, one over its
/// subject table with a single-column key, one over a processed table with a composite key.
#[cfg(test)]
mod tests {
    use crate::catalog::Table;
    use crate::rules::test_support::table;

    pub const POLICY: &str = r#"
[organisation]
name = "École"
country = "FR"

[[subject]]
id = "alumni"
table = "alumni"

[[subject]]
id = "candidat"
table = "candidats"
birth_date = "ne_le"

[[purpose]]
id = "alumni-network"
legal_basis = "consent"
subjects = ["alumni"]

[purpose.consent]
table = "consentements"
subject_key = "personne_id"
where = "personne_type = 'alumni'"
purpose_column = "finalite"
purpose_value = "alumni"
given_at = "donne_le"
withdrawn_at = "retire_le"
pre_ticked = "case_precochee"
proof = "preuve"

[[purpose]]
id = "newsletter"
legal_basis = "consent"
subjects = ["candidat"]

[purpose.consent]
table = "consentements"
subject_key = ["personne_type", "personne_id"]
where = "personne_type = 'candidat'"
purpose_column = "finalite"
purpose_value = "newsletter"
given_at = "donne_le"
withdrawn_at = "retire_le"
parental_consent = "accord_parental"
processed = { table = "abonnements_newsletter", subject_key = ["personne_type", "personne_id"], where = "personne_type = 'candidat'" }
"#;

    pub fn tables() -> Vec<Table> {
        vec![
            table("alumni", &[("id", "integer", false), ("nom", "text", true)]),
            table(
                "candidats",
                &[("id", "integer", false), ("ne_le", "date", true)],
            ),
            table(
                "consentements",
                &[
                    ("id", "integer", false),
                    ("personne_type", "text", false),
                    ("personne_id", "integer", false),
                    ("finalite", "text", false),
                    ("donne_le", "date", false),
                    ("retire_le", "date", true),
                    ("case_precochee", "boolean", true),
                    ("preuve", "text", true),
                    ("accord_parental", "boolean", true),
                ],
            ),
            table(
                "abonnements_newsletter",
                &[
                    ("id", "integer", false),
                    ("personne_type", "text", false),
                    ("personne_id", "integer", false),
                ],
            ),
        ]
    }
}
