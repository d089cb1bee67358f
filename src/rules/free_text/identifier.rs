//! `free-text-identifier`: comments that hold a national identifier (NIR), a bank account
//! (IBAN), a card number, a passport or identity card number or a password, each confirmed by
//! its own validator (NIR key, IBAN mod 97, Luhn) or by the words that announce it. Phone
//! numbers and e-mail addresses are ordinary CRM content: reported at info severity, and only
//! when the policy sets `[free_text] contact_details = true`.
//!
//! Its findings come from the stream per column that [`super::FreeTextJudgement`] plans; this
//! unit plans nothing.

use crate::rules::{Rule, RuleId};
use crate::text::Category;

/// The categories this rule reports.
pub const CATEGORIES: &[Category] = &[
    Category::Nir,
    Category::Iban,
    Category::Card,
    Category::Passport,
    Category::IdCard,
    Category::Password,
    Category::Phone,
    Category::Email,
];

pub struct FreeTextIdentifier;

impl Rule for FreeTextIdentifier {
    fn id(&self) -> RuleId {
        RuleId::FreeTextIdentifier
    }
}

#[cfg(test)]
mod tests {
    use super::super::{remediation, rule_of, tests::check};
    use super::*;
    use crate::dialect::Dialect;
    use crate::finding::Applicability;

    #[test]
    fn identifiers_are_this_rules_and_without_a_single_key_the_rows_are_chosen_by_hand() {
        for cat in CATEGORIES {
            assert_eq!(rule_of(*cat), RuleId::FreeTextIdentifier);
        }
        let fix = remediation(
            Dialect::Sqlite,
            &check(&["client", "date"], false),
            Category::Iban,
            vec!["1".into()],
        );
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert!(fix.sql.starts_with(
            "-- rule: free-text-identifier | interactions.commentaire | category: iban | 1 row(s)\n"
        ));
        assert!(fix.sql.ends_with(
            "-- The table has no single-column primary key: select the rows by hand.\n"
        ));
        assert!(!fix.sql.contains("UPDATE"));
    }
}
