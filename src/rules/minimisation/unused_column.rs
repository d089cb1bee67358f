//! `unused-column`: on each personal-data table, one query counts, for every declared or
//! personal column at once, the rows holding a value; a column empty in every row (NULL, or
//! `''` for text) of a non-empty table is reported, with `count` = the table's rows.

use super::columns::{FixParts, PolicyView, column_fix, purpose_of};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, CheckKind, Probe};
use crate::finding::{Finding, Remediation};
use crate::rules::{Planner, Rule, RuleId};
use crate::text::names::classify_name;

pub struct UnusedColumn;

impl Rule for UnusedColumn {
    fn id(&self) -> RuleId {
        RuleId::UnusedColumn
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let view = PolicyView::new(p.policy);
        let d = p.dialect;
        let catalog = p.catalog;
        for table in catalog
            .tables
            .iter()
            .filter(|t| !t.view && view.is_personal(t))
        {
            let columns = candidates(&view, table);
            if columns.is_empty() {
                continue;
            }
            let mut exprs = vec![format!("CAST(count(*) AS {})", d.text_type())];
            for c in &columns {
                let col = d.col("t", &c.name);
                exprs.push(format!(
                    "CAST(count(CASE WHEN NOT {} THEN 1 END) AS {})",
                    d.is_blank(&col, c.type_class()),
                    d.text_type()
                ));
            }
            let sql = format!("SELECT {} FROM {}", exprs.join(", "), p.from(table, "t"));
            let templates = columns
                .iter()
                .map(|c| {
                    let purpose = purpose_of(p, table, &c.name);
                    let mut f = p.finding(
                        RuleId::UnusedColumn,
                        purpose.as_deref(),
                        Some(table),
                        message(table, &c.name),
                    );
                    f.column = Some(c.name.clone());
                    f.remediation = Some(column_fix(
                        d,
                        table,
                        &c.name,
                        RuleId::UnusedColumn,
                        None,
                        view.policy_use(table, &c.name).as_deref(),
                    ));
                    f.query = Some(sql.clone());
                    f
                })
                .collect();
            p.push(
                format!("unused-column:{}", table.qualified_name()),
                &[RuleId::UnusedColumn],
                CheckKind::Probe(Box::new(UnusedCheck { sql, templates })),
            );
        }
    }
}

fn message(table: &Table, column: &str) -> crate::i18n::Message {
    crate::rules::msg("unused-column")
        .arg("table", table.display_name())
        .arg("column", column)
}

/// What to do when the policy's checks read the flagged column, so it may be neither dropped
/// nor blanked.
pub const INSTEAD_WHEN_USED: &str = "fill it where the application records this, or first change the policy so it no longer names the column, then drop it.";

/// Drop the column.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    parts.drop_column()
}

/// Columns a personal-data table's check looks at: declared in a purpose, or personal by
/// name; never the key, never a technical column.
fn candidates<'t>(view: &PolicyView, table: &'t Table) -> Vec<&'t Column> {
    table
        .columns
        .iter()
        .filter(|c| {
            !table
                .primary_key
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&c.name))
                && !c.name.to_lowercase().ends_with("_id")
                && (view.is_declared(table, &c.name)
                    || classify_name(&table.name, &c.name, &c.data_type)
                        .is_some_and(|k| k.category.is_personal() && k.confidence >= 0.6))
        })
        .collect()
}

struct UnusedCheck {
    sql: String,
    /// One finding per candidate column, in query order.
    templates: Vec<Finding>,
}

impl Probe for UnusedCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let rows = db.rows(&self.sql)?;
        let row = rows
            .first()
            .ok_or_else(|| AskError::new("the count returned no row", None))?;
        let n = |i: usize| -> u64 {
            row.get(i)
                .cloned()
                .flatten()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        let total = n(0);
        if total == 0 {
            return Ok(Vec::new());
        }
        Ok(self
            .templates
            .iter()
            .enumerate()
            .filter(|(i, _)| n(i + 1) == 0)
            .map(|(_, t)| {
                let mut f = t.clone();
                f.count = total;
                f
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::PolicyView;
    use super::super::test_support::{column, policy, table};
    use super::{UnusedCheck, candidates};
    use crate::catalog::Table;
    use crate::check::{Ask, AskError, Grantee, Probe, Reach, Sampled};
    use crate::dialect::Dialect;
    use crate::rules::RuleId;
    use std::collections::BTreeSet;

    #[test]
    fn declared_and_personal_columns_are_candidates_never_the_key() {
        let policy = policy();
        let view = PolicyView::new(&policy);
        let mut t = table(column("email", "text"));
        t.columns.push(column("classe_id", "integer"));
        let names: Vec<&str> = candidates(&view, &t)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["nom", "inscrit_le", "email"]);
    }

    /// Answers the one count row.
    struct Row(Vec<Option<String>>);

    impl Ask for Row {
        fn dialect(&self) -> Dialect {
            Dialect::Sqlite
        }
        fn count_keys(&mut self, _sql: &str) -> Result<(u64, Vec<String>), AskError> {
            unreachable!()
        }
        fn rows(&mut self, _sql: &str) -> Result<Vec<Vec<Option<String>>>, AskError> {
            Ok(vec![self.0.clone()])
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
    fn a_column_empty_in_every_row_of_a_non_empty_table() {
        let check = UnusedCheck {
            sql: "SELECT …".into(),
            templates: ["a", "b"]
                .iter()
                .map(|c| {
                    crate::rules::finding(
                        RuleId::UnusedColumn,
                        crate::rules::msg("unused-column")
                            .arg("table", "t")
                            .arg("column", *c),
                    )
                })
                .collect(),
        };
        let v = |s: &str| Some(s.to_string());
        let found = check
            .run(&mut Row(vec![v("3"), v("0"), v("2")]))
            .expect("counted");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "no row of t holds a value in a: drop the column or declare why it is needed"
        );
        assert_eq!(found[0].count, 3);
        let empty = check
            .run(&mut Row(vec![v("0"), v("0"), v("0")]))
            .expect("counted");
        assert!(empty.is_empty(), "an empty table has no unused column");
    }
}
