//! `retention-above-reference`: a declared `keep` longer than the built-in reference its
//! `reference = "cnil:…"` cites (`crate::rules::references`). It reads the policy only.
//!
//! The two durations are compared as two cutoffs from the scan's as-of date, so `36mo` and
//! `3y` are equal and a calendar month is never approximated as 30 days.

use crate::check::CheckKind;
use crate::finding::{Applicability, Remediation};
use crate::policy::duration::Duration;
use crate::rules::{Planner, Rule, RuleId};

pub struct RetentionAboveReference;

impl Rule for RetentionAboveReference {
    fn id(&self) -> RuleId {
        RuleId::RetentionAboveReference
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let mut findings = Vec::new();
        for purpose in &p.policy.purposes {
            for r in &purpose.retention {
                let Some(cited) = &r.cited_reference else {
                    continue;
                };
                let reference = cited.reference;
                // Adopting the cited reference's own duration cannot exceed it; a lower bound
                // is not a ceiling.
                if reference.minimum || r.keep_reference.is_some_and(|k| k.id == reference.id) {
                    continue;
                }
                let (Some(declared), Some(limit)) =
                    (cutoff(p.as_of, &r.keep), cutoff(p.as_of, &reference.keep))
                else {
                    continue;
                };
                if declared >= limit {
                    continue;
                }
                let table = p.catalog.find_table(&r.table.value);
                let mut f = p.finding(
                    RuleId::RetentionAboveReference,
                    Some(&purpose.id.value),
                    table,
                    crate::rules::msg("retention-above-reference")
                        .arg("keep", r.keep.to_string())
                        .arg("reference", reference.name())
                        .arg("reference_keep", reference.keep.to_string())
                        .arg("title", reference.title.to_string()),
                );
                if f.table.is_none() {
                    f.table = Some(r.table.value.clone());
                }
                f.count = 1;
                f.legal_reference = format!("{}; {}", f.legal_reference, reference.source);
                f.remediation = Some(Remediation {
                    sql: format!(
                        "-- retention-above-reference | purpose: {} | table: {}\n-- A policy change, no SQL: in the [[purpose.retention]] of {}, either adopt the reference\n--   keep = \"{}\"\n-- or keep {} and record why in a [[waiver]] with a reason and an expiry.\n",
                        purpose.id.value,
                        r.table.value,
                        r.table.value,
                        reference.name(),
                        r.keep
                    ),
                    applicability: Applicability::DisplayOnly,
                });
                findings.push(f);
            }
        }
        p.push(
            RuleId::RetentionAboveReference.to_string(),
            &[RuleId::RetentionAboveReference],
            CheckKind::Catalog(findings),
        );
    }
}

/// `as_of - keep` as a civil date, for comparing durations the way the checks apply them.
fn cutoff(as_of: jiff::Timestamp, keep: &Duration) -> Option<jiff::civil::Date> {
    let date = as_of.to_zoned(jiff::tz::TimeZone::UTC).date();
    let span = jiff::Span::new()
        .try_years(keep.years)
        .and_then(|s| s.try_months(keep.months))
        .and_then(|s| s.try_weeks(keep.weeks))
        .and_then(|s| s.try_days(keep.days))
        .ok()?;
    date.checked_sub(span).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check, planned};

    fn as_of(s: &str) -> jiff::Timestamp {
        crate::timefmt::parse_as_of(s).expect("as-of")
    }

    #[test]
    fn cutoffs_count_calendar_units() {
        let t = as_of("2026-11-23");
        let months = Duration {
            months: 36,
            ..Duration::default()
        };
        assert_eq!(cutoff(t, &months), cutoff(t, &Duration::years(3)));
        let days = Duration {
            days: 30,
            ..Duration::default()
        };
        let month = Duration {
            months: 1,
            ..Duration::default()
        };
        // From 2026-03-31, one month back is 2026-02-28, thirty days back is 2026-03-01.
        let t = as_of("2026-03-31");
        assert_eq!(cutoff(t, &month), Some(jiff::civil::date(2026, 2, 28)));
        assert_eq!(cutoff(t, &days), Some(jiff::civil::date(2026, 3, 1)));
    }

    #[test]
    fn only_a_keep_longer_than_the_cited_ceiling_is_reported() {
        let policy = r#"
[[purpose]]
id = "prospection"
legal_basis = "legitimate-interest"

[[purpose.retention]]
table = "prospects"
keep = "5y"
from = "le"
reference = "cnil:prospection"

[[purpose.retention]]
table = "leads"
keep = "36mo"
from = "le"
reference = "cnil:prospection"

[[purpose.retention]]
table = "clients"
keep = "cnil:prospection"
from = "le"
reference = "cnil:prospection"
"#;
        let (checks, problems) = planned(policy, vec![]);
        let CheckKind::Catalog(found) = &check(&checks, "retention-above-reference").kind else {
            panic!("retention-above-reference reads no row");
        };
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        // A table the catalog lacks is still named as the policy writes it.
        assert_eq!(f.table.as_deref(), Some("prospects"));
        assert_eq!(f.purpose.as_deref(), Some("prospection"));
        assert!(
            f.message
                .starts_with("keep 5y is longer than cnil:prospection (3y: ")
        );
        let fix = f.remediation.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert!(
            fix.sql.contains("--   keep = \"cnil:prospection\""),
            "{}",
            fix.sql
        );
        // Planning this rule records no problem of its own: the three missing tables are
        // recorded once each, by the count rules.
        assert_eq!(problems, 3);
    }
}
