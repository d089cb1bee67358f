//! Waivers: documented exceptions. A waiver needs a reason; an expired one no longer
//! applies and is reported; one that matched nothing of a rule that ran is reported too, so
//! stale exceptions do not pile up (cargo-deny's model).

use super::RuleId;
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::policy::Policy;
use crate::scan::Waived;

fn waiver_finding(rule: RuleId, object: &str, message: String) -> Finding {
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
                RuleId::WaiverExpired,
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
        // Verified when a check that may yield the rule ran and none ended in error: a check
        // in error might have found what the waiver covers. A skipped check does not apply
        // (a column sampled as not free text, a consent with no proof column) and finds
        // nothing either way.
        let yields = |o: &&CheckOutcome| o.rules.iter().any(|r| r == rule);
        let ran = outcomes
            .iter()
            .filter(yields)
            .any(|o| o.status == CheckStatus::Ok);
        let all_ok = !outcomes
            .iter()
            .filter(yields)
            .any(|o| o.status == CheckStatus::Error);
        if ran && all_ok {
            extra.push(waiver_finding(
                RuleId::WaiverUnused,
                &format!("{rule}:{object}"),
                format!("the waiver of {rule} on {object} matches no finding; remove it"),
            ));
        }
    }
    outcomes.push(CheckOutcome {
        id: "waivers".into(),
        rules: vec![
            RuleId::WaiverExpired.to_string(),
            RuleId::WaiverUnused.to_string(),
        ],
        status: CheckStatus::Ok,
        duration_ms: 0,
        reason: None,
    });
    findings.extend(extra);
    waived
}
