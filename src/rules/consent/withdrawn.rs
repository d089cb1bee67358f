//! `consent-withdrawn`: a processed row whose subject gave consent for the purpose, but every
//! consent row given on or before as-of is withdrawn at as-of (none valid, none pre-ticked in
//! force).

use super::{Exists, Processed};
use crate::rules::{Rule, RuleId};

/// Its checks are planned by `ConsentMissing`, with the other counts of the processed rows.
pub struct ConsentWithdrawn;

impl Rule for ConsentWithdrawn {
    fn id(&self) -> RuleId {
        RuleId::ConsentWithdrawn
    }
}

pub(super) const PROCESSED: Processed = Processed {
    rule: RuleId::ConsentWithdrawn,
    predicate,
    message,
};

/// Some consent, none in force: neither valid nor pre-ticked.
fn predicate(e: &Exists) -> String {
    format!("{} AND NOT {} AND NOT {}", e.any, e.valid, e.pre_ticked)
}

fn message(table: &str, pid: &str) -> crate::i18n::Message {
    crate::rules::msg("consent-withdrawn")
        .arg("table", table)
        .arg("purpose", pid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::consent::tests::{POLICY, tables};
    use crate::rules::test_support::{count, ids_of, planned};

    #[test]
    fn a_row_is_withdrawn_when_its_subject_has_consent_but_none_in_force() {
        let e = Exists {
            any: "A".into(),
            valid: "V".into(),
            pre_ticked: "P".into(),
        };
        assert_eq!(predicate(&e), "A AND NOT V AND NOT P");
        assert_eq!(
            message("alumni", "alumni-network").to_string(),
            "{count} rows of alumni still processed for `alumni-network` after consent was withdrawn"
        );
    }

    #[test]
    fn withdrawal_is_read_at_as_of() {
        let (checks, _) = planned(POLICY, tables());
        assert_eq!(
            ids_of(&checks, "consent-withdrawn"),
            [
                "consent-withdrawn:alumni-network:alumni",
                "consent-withdrawn:newsletter:abonnements_newsletter"
            ]
        );
        let c = count(&checks, "consent-withdrawn:alumni-network:alumni");
        // A consent withdrawn after as-of is still in force.
        assert!(
            c.display_sql.contains(r#"(c."retire_le" IS NULL OR c."retire_le" > CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz))"#),
            "{}",
            c.display_sql
        );
        // Each consent source is asked once for the count and once for the keys.
        assert_eq!(c.display_sql.matches("EXISTS (").count(), 6);
    }
}
