//! DPIA screening (RGPD art. 35): for each purpose, the nine criteria of the EDPB guidelines
//! (WP248 rev.01) that the CNIL applies, each met or not with its reason, and whether a DPIA is
//! presumed required: two criteria or more, or a type of processing on the CNIL's list
//! (délibération n° 2018-327).
//!
//! vigie derives only what the policy and the database can show: sensitive data from the
//! declared or recognised categories, vulnerable people from minors counted in the database,
//! large scale from row counts, cross-referencing from the subjects a purpose's data joins,
//! systematic monitoring from the CNIL-list items that are monitoring. The rest (scoring,
//! automated decisions, innovative use, exclusion from a right) only a person can say, in
//! `dpia_criteria`; a criterion not stated and not shown is "not met", with that reason.

use super::{CategoryLine, Field};
use crate::i18n::Message;
use crate::policy::record::{DPIA_CRITERIA, DataCategory, DpiaCriterion};
use crate::policy::{Policy, Purpose};

/// The number of rows in a purpose's subject tables from which vigie counts the processing as
/// large scale. The EDPB gives no number; this is vigie's own threshold, stated in every
/// register so a reader can disagree with it.
pub const LARGE_SCALE_ROWS: u64 = 10_000;

/// One criterion and its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    pub id: DpiaCriterion,
    pub met: bool,
    pub reason: Message,
}

/// A purpose's screening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screening {
    /// The nine criteria, in the EDPB's order.
    pub criteria: Vec<Criterion>,
    /// Items of the CNIL's list the policy says the purpose falls under.
    pub cnil_list: Vec<&'static str>,
}

impl Screening {
    pub fn met(&self) -> Vec<DpiaCriterion> {
        self.criteria
            .iter()
            .filter(|c| c.met)
            .map(|c| c.id)
            .collect()
    }
    /// A DPIA is presumed required from two criteria, or always for a type on the CNIL list.
    pub fn required(&self) -> bool {
        self.met().len() >= 2 || !self.cnil_list.is_empty()
    }
}

fn msg(id: &str) -> Message {
    Message::new(format!("dpia-reason.{id}"))
}

/// Screen one purpose. `categories` is its data-categories field of the record; `observed`,
/// what the database showed.
pub fn screen(
    policy: &Policy,
    p: &Purpose,
    categories: &Field<Vec<CategoryLine>>,
    observed: Option<&super::observe::Observed>,
) -> Screening {
    let stated = &p.record.dpia_criteria;
    let list = &p.record.dpia_list;
    let criteria = DPIA_CRITERIA
        .iter()
        .map(|(_, id)| {
            let (met, reason) = if stated.contains(id) {
                (true, msg("stated"))
            } else {
                derive(*id, policy, p, categories, list, observed)
            };
            Criterion {
                id: *id,
                met,
                reason,
            }
        })
        .collect();
    Screening {
        criteria,
        cnil_list: list.clone(),
    }
}

fn derive(
    id: DpiaCriterion,
    policy: &Policy,
    p: &Purpose,
    categories: &Field<Vec<CategoryLine>>,
    list: &[&'static str],
    observed: Option<&super::observe::Observed>,
) -> (bool, Message) {
    match id {
        DpiaCriterion::SensitiveData => {
            let lines = categories.value.as_deref().unwrap_or_default();
            let highly = [
                DataCategory::Sensitive,
                DataCategory::Offences,
                DataCategory::Nir,
            ];
            let found: Vec<&CategoryLine> = lines
                .iter()
                .filter(|l| highly.contains(&l.category))
                .collect();
            if let Some(l) = found.first() {
                let what = if l.columns.is_empty() {
                    l.category.as_str().to_string()
                } else {
                    l.columns.join(", ")
                };
                return (
                    true,
                    msg("sensitive-declared")
                        .arg(
                            "category",
                            Message::keyed("data-category", l.category.as_str()),
                        )
                        .arg("what", what),
                );
            }
            if let Some(o) = observed
                && let Some(c) = o.sensitive_found.first()
            {
                return (true, msg("sensitive-found").arg("column", c.clone()));
            }
            (
                false,
                msg(if observed.is_some() {
                    "sensitive-none-db"
                } else {
                    "sensitive-none"
                }),
            )
        }
        DpiaCriterion::Vulnerable => match observed.and_then(|o| o.minors) {
            Some(n) if n > 0 => (true, msg("minors-found").arg("count", n)),
            Some(_) => (false, msg("minors-none")),
            None => {
                let with_birth = p
                    .subjects
                    .iter()
                    .filter_map(|s| policy.subject(&s.value))
                    .any(|s| s.birth_date.is_some());
                if with_birth && observed.is_none() {
                    (false, msg("minors-unknown"))
                } else {
                    (false, msg("not-stated"))
                }
            }
        },
        DpiaCriterion::LargeScale => match observed.map(|o| o.subject_rows) {
            Some(Some(rows)) => (
                rows >= LARGE_SCALE_ROWS,
                msg(if rows >= LARGE_SCALE_ROWS {
                    "large"
                } else {
                    "small"
                })
                .arg("rows", rows)
                .arg("threshold", LARGE_SCALE_ROWS),
            ),
            Some(None) => (false, msg("large-no-subject")),
            None => (
                false,
                msg("large-unknown").arg("threshold", LARGE_SCALE_ROWS),
            ),
        },
        DpiaCriterion::CrossReferencing => {
            let mut joined: Vec<String> = policy
                .subjects
                .iter()
                .filter(|s| {
                    p.data.iter().any(|d| {
                        crate::policy::split_column_reference(&d.value)
                            .is_some_and(|(t, _)| t.eq_ignore_ascii_case(&s.table.value))
                    })
                })
                .map(|s| s.id.value.clone())
                .collect();
            joined.sort();
            joined.dedup();
            if joined.len() >= 2 {
                (true, msg("cross").arg("subjects", joined.join(", ")))
            } else {
                (false, msg("not-stated"))
            }
        }
        DpiaCriterion::SystematicMonitoring => {
            match list
                .iter()
                .find(|i| ["employee-monitoring", "large-scale-location"].contains(i))
            {
                Some(item) => (
                    true,
                    msg("monitoring-list").arg("item", Message::keyed("dpia-list", item)),
                ),
                None => (false, msg("not-stated")),
            }
        }
        DpiaCriterion::Scoring
        | DpiaCriterion::AutomatedDecision
        | DpiaCriterion::Innovative
        | DpiaCriterion::ExclusionOfRight => (false, msg("not-stated")),
    }
}
