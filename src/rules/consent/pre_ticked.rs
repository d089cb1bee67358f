//! `consent-pre-ticked`: a processed row whose only consent in force was given through a
//! pre-ticked box, which is no consent (art. 4.11, CJEU Planet49). A subject with a valid
//! consent as well is not counted.

use super::{Exists, Processed};
use crate::rules::{Rule, RuleId};

/// Its checks are planned by `ConsentMissing`, with the other counts of the processed rows.
pub struct ConsentPreTicked;

impl Rule for ConsentPreTicked {
    fn id(&self) -> RuleId {
        RuleId::ConsentPreTicked
    }
}

pub(super) const PROCESSED: Processed = Processed {
    rule: RuleId::ConsentPreTicked,
    predicate,
    message,
};

/// A pre-ticked consent in force, and no valid one.
fn predicate(e: &Exists) -> String {
    format!("{} AND NOT {}", e.pre_ticked, e.valid)
}

fn message(table: &str, pid: &str) -> crate::i18n::Message {
    crate::rules::msg("consent-pre-ticked")
        .arg("table", table)
        .arg("purpose", pid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::consent::tests::{POLICY, tables};
    use crate::rules::test_support::{count, planned};

    #[test]
    fn a_row_is_pre_ticked_when_no_valid_consent_stands_beside_it() {
        let e = Exists {
            any: "A".into(),
            valid: "V".into(),
            pre_ticked: "P".into(),
        };
        assert_eq!(predicate(&e), "P AND NOT V");
        assert_eq!(
            message("alumni", "alumni-network").to_string(),
            "{count} rows of alumni processed for `alumni-network` on a pre-ticked consent"
        );
    }

    #[test]
    fn without_a_pre_ticked_column_no_row_is_counted() {
        let (checks, _) = planned(POLICY, tables());
        let declared = count(&checks, "consent-pre-ticked:alumni-network:alumni");
        assert!(
            declared.display_sql.contains(r#"c."case_precochee""#),
            "{}",
            declared.display_sql
        );
        // The newsletter's consent declares no `pre_ticked`: "1 = 0" stands for it.
        let undeclared = count(
            &checks,
            "consent-pre-ticked:newsletter:abonnements_newsletter",
        );
        assert!(
            undeclared.display_sql.contains("AND 1 = 0) AND NOT EXISTS"),
            "{}",
            undeclared.display_sql
        );
    }
}
