//! Waivers: documented exceptions. A waiver needs a reason; an expired one no longer
//! applies and is reported; one that matched nothing of a rule that ran is reported too, so
//! stale exceptions do not pile up (cargo-deny's model).

use super::ids::*;
use crate::engine::Waived;
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::policy::Policy;

fn waiver_finding(rule: &str, object: &str, message: String) -> Finding {
    let mut f = super::finding(rule, message);
    f.count = 1;
    f.sample_keys = vec![object.to_string()];
    f
}

fn matches(object: &str, f: &Finding) -> bool {
    let object = object.trim();
    f.object().is_some_and(|o| o == object)
        || f.table.as_deref() == Some(object)
        || f.purpose.as_deref() == Some(object)
}

/// Remove waived findings, and add `waiver-expired` / `waiver-unused` findings.
pub fn apply(
    policy: &Policy,
    as_of: jiff::Timestamp,
    findings: &mut Vec<Finding>,
    outcomes: &mut Vec<CheckOutcome>,
) -> Vec<Waived> {
    let today = as_of.to_zoned(jiff::tz::TimeZone::UTC).date();
    let mut waived = Vec::new();
    let mut extra = Vec::new();
    for w in &policy.waivers {
        let rule = w.rule.value.as_str();
        let object = w.object.value.as_str();
        if let Some(expires) = w.expires
            && expires < today
        {
            extra.push(waiver_finding(
                WAIVER_EXPIRED,
                &format!("{rule}:{object}"),
                format!(
                    "the waiver of {rule} on {object} expired on {expires}; it no longer applies"
                ),
            ));
            continue;
        }
        let before = findings.len();
        let mut count = 0;
        findings.retain(|f| {
            let hit = f.rule == rule && matches(object, f);
            if hit {
                count += f.count;
            }
            !hit
        });
        if findings.len() < before {
            waived.push(Waived {
                rule: rule.into(),
                object: object.into(),
                reason: w.reason.clone(),
                count,
            });
            continue;
        }
        let ran = outcomes
            .iter()
            .any(|o| o.rule == rule && o.status == CheckStatus::Ok);
        let all_ok = outcomes
            .iter()
            .filter(|o| o.rule == rule)
            .all(|o| o.status == CheckStatus::Ok);
        if ran && all_ok {
            extra.push(waiver_finding(
                WAIVER_UNUSED,
                &format!("{rule}:{object}"),
                format!("the waiver of {rule} on {object} matches no finding; remove it"),
            ));
        }
    }
    outcomes.push(CheckOutcome {
        id: "waivers".into(),
        rule: WAIVER_UNUSED.into(),
        status: CheckStatus::Ok,
        duration_ms: 0,
        reason: None,
    });
    findings.extend(extra);
    waived
}
