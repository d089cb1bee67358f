//! Waivers: documented exceptions. A waiver needs a reason; an expired one no longer
//! applies and is reported; one that matched nothing of a rule that ran is reported too, so
//! stale exceptions do not pile up (cargo-deny's model).
//!
//! Waivers are judged after every check has run, by [`apply`], which the engine calls once;
//! it is the one `waivers` check that yields both hygiene rules. Each rule is its own unit
//! (`waiver_expired.rs`, `waiver_unused.rs`), holding when it fires and its message; neither
//! plans a check.

pub mod waiver_expired;
pub mod waiver_unused;

pub use waiver_expired::WaiverExpired;
pub use waiver_unused::WaiverUnused;

use super::RuleId;
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::policy::{Policy, Waiver};
use crate::scan::Waived;

/// A finding about one waiver, keyed `rule:object` as the policy writes them.
fn waiver_finding(rule: RuleId, w: &Waiver, message: crate::i18n::Message) -> Finding {
    let mut f = super::finding(rule, message);
    f.count = 1;
    f.sample_keys = vec![format!("{}:{}", w.rule.value, w.object.value)];
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
        let line = Some(policy.line_of(w.span.start));
        if let Some(mut f) = waiver_expired::finding(w, today) {
            f.policy_line = line;
            extra.push(f);
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
        if waiver_unused::verified(rule, outcomes) {
            let mut f = waiver_unused::finding(w);
            f.policy_line = line;
            extra.push(f);
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
        note: None,
        sql: None,
    });
    findings.extend(extra);
    waived
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A policy with these `[[waiver]]` tables and nothing else.
    pub(super) fn policy(waivers: &str) -> Policy {
        crate::policy::load_str("policy.toml", waivers, crate::dialect::Dialect::Sqlite)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// A check's outcome: its id, the rules it yields, how it ended.
    pub(super) fn outcome(rule: &str, status: CheckStatus) -> CheckOutcome {
        CheckOutcome {
            id: format!("{rule}:prospects"),
            rules: vec![rule.to_string()],
            status,
            duration_ms: 0,
            reason: None,
            note: None,
            sql: None,
        }
    }

    /// 2026-11-23, midday UTC.
    pub(super) fn as_of() -> jiff::Timestamp {
        "2026-11-23T12:00:00Z".parse().expect("timestamp")
    }

    #[test]
    fn a_waiver_that_matches_removes_the_finding_and_says_how_many_rows() {
        let policy = policy(
            "[[waiver]]\nrule = \"retention-exceeded\"\nobject = \"prospects\"\nreason = \"Archive kept during the audit\"\n",
        );
        let mut f = crate::rules::finding(RuleId::RetentionExceeded, crate::rules::msg("custom"));
        f.table = Some("prospects".into());
        f.count = 4;
        let mut findings = vec![f];
        let mut outcomes = vec![outcome("retention-exceeded", CheckStatus::Ok)];
        let waived = apply(&policy, as_of(), &mut findings, &mut outcomes);
        assert!(findings.is_empty());
        assert_eq!(waived.len(), 1);
        assert_eq!(waived[0].count, 4);
        assert_eq!(waived[0].reason, "Archive kept during the audit");
        let last = outcomes.last().expect("the waivers check");
        assert_eq!(last.id, "waivers");
        assert_eq!(last.rules, ["waiver-expired", "waiver-unused"]);
    }
}
