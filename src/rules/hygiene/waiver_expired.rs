//! `waiver-expired`: a waiver whose `expires` date is before as-of's day (UTC). It no longer
//! applies: the findings it covered are reported again, and so is the waiver.
//!
//! Judged by [`super::apply`] after every check has run; this unit plans nothing.

use crate::finding::Finding;
use crate::policy::Waiver;
use crate::rules::{Rule, RuleId};

pub struct WaiverExpired;

impl Rule for WaiverExpired {
    fn id(&self) -> RuleId {
        RuleId::WaiverExpired
    }
}

/// The finding for a waiver expired before `today`; `None` while it applies (a waiver is
/// valid through its `expires` day) or when it has no end.
pub(super) fn finding(w: &Waiver, today: jiff::civil::Date) -> Option<Finding> {
    let expires = w.expires.filter(|e| *e < today)?;
    Some(super::waiver_finding(
        RuleId::WaiverExpired,
        w,
        crate::rules::msg("waiver-expired")
            .arg("rule", &w.rule.value)
            .arg("object", &w.object.value)
            .arg("expires", expires.to_string()),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::apply;
    use super::super::tests::{as_of, outcome, policy};
    use crate::finding::CheckStatus;
    use crate::rules::RuleId;

    #[test]
    fn an_expired_waiver_is_reported_and_no_longer_waives() {
        let policy = policy(
            "[[waiver]]\nrule = \"retention-exceeded\"\nobject = \"prospects\"\nreason = \"Archive kept during the audit\"\nexpires = \"2026-11-22\"\n\n[[waiver]]\nrule = \"retention-exceeded\"\nobject = \"clients\"\nreason = \"Valid through its last day\"\nexpires = \"2026-11-23\"\n",
        );
        let mut f = crate::rules::finding(RuleId::RetentionExceeded, crate::rules::msg("custom"));
        f.table = Some("prospects".into());
        let mut findings = vec![f];
        let mut outcomes = vec![outcome("retention-exceeded", CheckStatus::Error)];
        let waived = apply(&policy, as_of(), &mut findings, &mut outcomes);
        assert!(waived.is_empty());
        let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["retention-exceeded", "waiver-expired"]);
        let expired = &findings[1];
        assert_eq!(expired.count, 1);
        assert_eq!(expired.sample_keys, ["retention-exceeded:prospects"]);
        assert_eq!(
            expired.message,
            "the waiver of retention-exceeded on prospects expired on 2026-11-22; it no longer applies"
        );
    }
}
