//! `free-text-sensitive`: comments that mention special-category data (art. 9: health,
//! religion, ethnic origin, political opinions, union membership, sex life), offences
//! (art. 10), social or financial hardship, or private and family life.
//!
//! Its findings come from the stream per column that [`super::FreeTextJudgement`] plans; this
//! unit plans nothing.

use crate::rules::{Rule, RuleId};
use crate::text::Category;

/// The categories this rule reports.
pub const CATEGORIES: &[Category] = &[
    Category::Health,
    Category::Religion,
    Category::Ethnic,
    Category::Political,
    Category::Union,
    Category::Sexual,
    Category::Offence,
    Category::Financial,
    Category::Family,
    Category::Scholarship,
];

pub struct FreeTextSensitive;

impl Rule for FreeTextSensitive {
    fn id(&self) -> RuleId {
        RuleId::FreeTextSensitive
    }
}

#[cfg(test)]
mod tests {
    use super::super::{remediation, rule_of, tests::check};
    use super::*;
    use crate::dialect::Dialect;
    use crate::finding::Applicability;

    #[test]
    fn health_is_this_rules_and_text_keys_are_quoted() {
        assert_eq!(rule_of(Category::Health), RuleId::FreeTextSensitive);
        let fix = remediation(
            Dialect::Mysql,
            &check(&["code"], false),
            Category::Health,
            vec!["b'1".into(), "a".into()],
        );
        assert_eq!(fix.applicability, Applicability::Review);
        assert!(fix.sql.starts_with(
            "-- rule: free-text-sensitive | interactions.commentaire | category: health | 2 row(s)\n"
        ));
        assert!(
            fix.sql.contains(
                "UPDATE `interactions` SET `commentaire` = NULL WHERE `code` IN ('a', 'b''1');\n"
            ),
            "{}",
            fix.sql
        );
    }
}
