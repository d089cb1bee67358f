//! `sensitive-column`: art. 9/10 categories (health, religion, origin, politics, union, sexual
//! life, offences, biometrics) and the NIR, whose use is restricted by décret: by the column's
//! name, and by its values when the name does not say so.
//!
//! Plans nothing itself: the catalog pass (`columns.rs`) is planned by `undeclared-column`,
//! the values sample (`values.rs`) by `identifier-column`.

use super::columns::{FixParts, Judgement};
use crate::finding::Remediation;
use crate::rules::{GateTrigger, Rule, RuleId};
use crate::text::names::{ColumnCategory, NameClass};

pub struct SensitiveColumn;

impl Rule for SensitiveColumn {
    fn id(&self) -> RuleId {
        RuleId::SensitiveColumn
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::ColumnIntroduced)
    }
}

/// What to do when the policy's checks read the flagged column, so it may be neither dropped
/// nor blanked.
pub const INSTEAD_WHEN_USED: &str = "document its legal ground in a [[waiver]] with its reason; to remove it, first change the policy so it no longer names the column.";

/// A column named for a special category or for the NIR.
pub fn judge(name: &str, k: &NameClass) -> Option<Judgement> {
    let cat = k.category;
    (cat.is_sensitive() || cat == ColumnCategory::Nir).then(|| Judgement {
        rule: RuleId::SensitiveColumn,
        category: Some(cat.as_str().to_string()),
        message: crate::rules::msg("sensitive-column")
            .arg("column", name)
            .arg(
                "category",
                crate::i18n::Message::keyed("category", cat.as_str()),
            )
            .arg("reason", &k.reason),
        help: crate::i18n::Message::keyed("gate", "help-sensitive-column"),
    })
}

/// A column whose sampled values fall in a special category while its name does not say so.
pub fn by_values_message(
    table: &str,
    column: &str,
    category: ColumnCategory,
    evidence: &str,
) -> crate::i18n::Message {
    crate::rules::msg("sensitive-column-values")
        .arg("column", format!("{table}.{column}"))
        .arg(
            "category",
            crate::i18n::Message::keyed("category", category.as_str()),
        )
        .arg("evidence", evidence)
}

/// Drop the column.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    parts.drop_column()
}

#[cfg(test)]
mod tests {
    use super::super::columns::column_fix;
    use super::super::test_support::{column, judge, table};
    use crate::dialect::Dialect;
    use crate::finding::Applicability;
    use crate::rules::RuleId;

    #[test]
    fn a_column_named_for_a_special_category_is_reported_once() {
        let j = judge(column("religion", "text"));
        assert_eq!(j.len(), 1, "{j:?}");
        assert_eq!(j[0].rule, RuleId::SensitiveColumn);
        assert_eq!(j[0].category.as_deref(), Some("religion"));
        assert!(
            j[0].message
                .to_string()
                .starts_with("column eleves.religion holds religion data ("),
            "{}",
            j[0].message
        );
    }

    #[test]
    fn the_nir_is_sensitive_not_an_identifier() {
        let j = judge(column("nir", "varchar(15)"));
        assert_eq!(j.len(), 1, "{j:?}");
        assert_eq!(j[0].rule, RuleId::SensitiveColumn);
        assert_eq!(j[0].category.as_deref(), Some("nir"));
    }

    #[test]
    fn the_fix_drops_the_column() {
        let t = table(column("religion", "text"));
        let fix = column_fix(
            Dialect::Postgres,
            &t,
            "religion",
            RuleId::SensitiveColumn,
            Some("religion"),
            None,
        );
        assert_eq!(fix.applicability, Applicability::Review);
        assert_eq!(
            fix.sql,
            format!(
                "-- vigie: sensitive-column eleves.religion (religion)\n-- Review before running: application code, exports and backups may use this column.\n{}\nALTER TABLE \"eleves\" DROP COLUMN \"religion\";\nCOMMIT;\n",
                Dialect::Postgres.begin()
            )
        );
    }
}
