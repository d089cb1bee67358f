//! `waiver-unused`: a waiver that matched no finding, when a check that may yield its rule
//! ran: the exception is stale and should be removed.
//!
//! Judged by [`super::apply`] after every check has run; this unit plans nothing.

use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::policy::Waiver;
use crate::rules::{Rule, RuleId};

pub struct WaiverUnused;

impl Rule for WaiverUnused {
    fn id(&self) -> RuleId {
        RuleId::WaiverUnused
    }
}

/// Whether a waiver of `rule` that matched nothing is known to be unused: a check that may
/// yield the rule ran and none ended in error. A check in error might have found what the
/// waiver covers. A skipped check does not apply (a column sampled as not free text, a
/// consent with no proof column) and finds nothing either way.
pub(super) fn verified(rule: &str, outcomes: &[CheckOutcome]) -> bool {
    let yields = |o: &&CheckOutcome| o.rules.iter().any(|r| r == rule);
    let ran = outcomes
        .iter()
        .filter(yields)
        .any(|o| o.status == CheckStatus::Ok);
    let all_ok = !outcomes
        .iter()
        .filter(yields)
        .any(|o| o.status == CheckStatus::Error);
    ran && all_ok
}

/// The finding for a waiver that matched nothing.
pub(super) fn finding(w: &Waiver) -> Finding {
    super::waiver_finding(
        RuleId::WaiverUnused,
        w,
        crate::rules::msg("waiver-unused")
            .arg("rule", &w.rule.value)
            .arg("object", &w.object.value),
    )
}

#[cfg(test)]
mod tests {
    use super::super::apply;
    use super::super::tests::{as_of, outcome, policy};
    use super::*;

    const WAIVER: &str = "[[waiver]]\nrule = \"undeclared-column\"\nobject = \"prospects.statut\"\nreason = \"Workflow state, no personal data\"\n";

    /// The findings `apply` adds, given the outcomes of the checks that ran.
    fn after(outcomes: Vec<CheckOutcome>) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut outcomes = outcomes;
        apply(&policy(WAIVER), as_of(), &mut findings, &mut outcomes);
        findings
    }

    #[test]
    fn a_waiver_matching_nothing_of_a_rule_that_ran_is_reported() {
        let found = after(vec![
            outcome("undeclared-column", CheckStatus::Ok),
            outcome("undeclared-column", CheckStatus::Skipped),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "waiver-unused");
        assert_eq!(found[0].sample_keys, ["undeclared-column:prospects.statut"]);
        assert_eq!(
            found[0].message,
            "the waiver of undeclared-column on prospects.statut matches no finding; remove it"
        );
    }

    #[test]
    fn unverified_when_no_check_of_the_rule_ran_or_one_ended_in_error() {
        assert!(after(vec![]).is_empty());
        assert!(after(vec![outcome("undeclared-column", CheckStatus::Skipped)]).is_empty());
        assert!(after(vec![outcome("retention-exceeded", CheckStatus::Ok)]).is_empty());
        assert!(
            after(vec![
                outcome("undeclared-column", CheckStatus::Ok),
                outcome("undeclared-column", CheckStatus::Error),
            ])
            .is_empty()
        );
    }
}
