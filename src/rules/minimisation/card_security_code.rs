//! `card-security-code`: a CVV/CVC/cryptogramme column is reported as soon as it exists, since
//! the code may never be stored after the transaction; `count` is the number of rows holding a
//! code, or 1 (the column) when none does yet.
//!
//! Plans nothing itself: the catalog pass (`columns.rs`, planned by `undeclared-column`) pushes
//! one [`CvvCheck`] per CVV column it finds.

use super::columns::{FixParts, Judgement};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, Probe};
use crate::finding::{Finding, Remediation};
use crate::rules::{GateTrigger, Planner, Rule, RuleId};
use crate::text::names::{ColumnCategory, NameClass};

pub struct CardSecurityCode;

impl Rule for CardSecurityCode {
    fn id(&self) -> RuleId {
        RuleId::CardSecurityCode
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::ColumnIntroduced)
    }
}

/// What to do when the policy's checks read the flagged column, so it may be neither dropped
/// nor blanked.
pub const INSTEAD_WHEN_USED: &str = "a CVV may never be stored: first change the policy so it no longer names this column, then null the codes and drop it.";

/// A column named for card security codes.
pub fn judge(name: &str, k: &NameClass) -> Option<Judgement> {
    (k.category == ColumnCategory::CardSecurityCode).then(|| Judgement {
        rule: RuleId::CardSecurityCode,
        category: Some(k.category.as_str().to_string()),
        message: crate::rules::msg("card-security-code")
            .arg("column", name)
            .arg("reason", &k.reason),
        help: crate::i18n::Message::keyed("gate", "help-card-security-code"),
    })
}

/// Null the codes, then drop the column.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    parts.null_then(&parts.drop)
}

/// Counts the rows of a CVV column that hold a code.
pub struct CvvCheck {
    sql: String,
    template: Finding,
}

/// The count of `column`'s rows holding a code, reported on `template` (the column's finding).
pub fn cvv_check(p: &Planner<'_>, table: &Table, column: &Column, template: Finding) -> CvvCheck {
    let d = p.dialect;
    let col = d.col("t", &column.name);
    let predicate = format!("NOT {}", d.is_blank(&col, column.type_class()));
    CvvCheck {
        sql: p.count_sql(table, "t", &p.from(table, "t"), &predicate),
        template,
    }
}

impl Probe for CvvCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let (count, keys) = db.count_keys(&self.sql)?;
        let mut f = self.template.clone();
        if count > 0 {
            f.count = count;
            f.sample_keys = keys;
            let head = f
                .text
                .clone()
                .unwrap_or_else(|| crate::rules::msg("custom"));
            f.set_text(
                crate::rules::msg("card-security-code-rows")
                    .arg("head", head)
                    .arg("count", count),
            );
            f.query = Some(self.sql.clone());
        } else {
            let head = f
                .text
                .clone()
                .unwrap_or_else(|| crate::rules::msg("custom"));
            f.set_text(crate::rules::msg("card-security-code-none").arg("head", head));
        }
        Ok(vec![f])
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::column_fix;
    use super::super::test_support::{column, judge, table};
    use super::CvvCheck;
    use crate::catalog::Table;
    use crate::check::{Ask, AskError, Grantee, Probe, Reach, Sampled};
    use crate::dialect::Dialect;
    use crate::rules::RuleId;
    use std::collections::BTreeSet;

    #[test]
    fn a_cvv_column_is_reported_once_whatever_the_table() {
        let j = judge(column("cvv", "varchar(4)"));
        assert_eq!(j.len(), 1, "{j:?}");
        assert_eq!(j[0].rule, RuleId::CardSecurityCode);
        assert!(
            j[0].message
                .to_string()
                .starts_with("column eleves.cvv stores card security codes ("),
            "{}",
            j[0].message
        );
    }

    #[test]
    fn the_fix_nulls_the_codes_and_drops_the_column() {
        let t = table(column("cvv", "text"));
        let fix = column_fix(
            Dialect::Sqlite,
            &t,
            "cvv",
            RuleId::CardSecurityCode,
            Some("card-security-code"),
            None,
        );
        assert_eq!(
            fix.sql,
            "-- vigie: card-security-code eleves.cvv (card-security-code)\n-- Review before running: application code, exports and backups may use this column.\nBEGIN;\nUPDATE \"eleves\" SET \"cvv\" = NULL WHERE \"cvv\" IS NOT NULL;\nALTER TABLE \"eleves\" DROP COLUMN \"cvv\";\nCOMMIT;\n"
        );
    }

    /// Answers every count with `count` and two keys.
    struct Counted(u64);

    impl Ask for Counted {
        fn dialect(&self) -> Dialect {
            Dialect::Sqlite
        }
        fn count_keys(&mut self, _sql: &str) -> Result<(u64, Vec<String>), AskError> {
            Ok((self.0, vec!["1".into(), "2".into()]))
        }
        fn rows(&mut self, _sql: &str) -> Result<Vec<Vec<Option<String>>>, AskError> {
            unreachable!()
        }
        fn stream_pairs(
            &mut self,
            _sql: &str,
            _each: &mut dyn FnMut(&str, &str),
        ) -> Result<(), AskError> {
            unreachable!()
        }
        fn sample(&mut self, _table: &Table, _n: usize) -> Result<Sampled, AskError> {
            unreachable!()
        }
        fn reach(
            &mut self,
            _who: Grantee<'_>,
            _tables: &BTreeSet<String>,
        ) -> Result<Reach, AskError> {
            unreachable!()
        }
    }

    #[test]
    fn the_count_says_how_many_rows_hold_a_code() {
        let check = |n| {
            CvvCheck {
                sql: "SELECT 1".into(),
                template: crate::rules::finding(
                    RuleId::CardSecurityCode,
                    crate::rules::msg("card-security-code")
                        .arg("column", "p.cvv")
                        .arg("reason", "named cvv"),
                ),
            }
            .run(&mut Counted(n))
            .expect("counted")
        };
        let none = check(0);
        assert_eq!(
            none[0].message,
            "column p.cvv stores card security codes (named cvv); no row holds a code yet"
        );
        assert_eq!(none[0].query, None);
        let two = check(2);
        assert_eq!(
            two[0].message,
            "column p.cvv stores card security codes (named cvv); 2 rows hold a code"
        );
        assert_eq!(two[0].count, 2);
        assert_eq!(two[0].sample_keys, ["1", "2"]);
    }
}
