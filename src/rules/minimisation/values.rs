//! The values sample: each base table sampled once, exactly as `vigie discover` samples it (at
//! most `--sample` rows, pushed into the database), and classified by name and values
//! ([`crate::text::values`]). Only columns whose *values* reveal a category their name does
//! not are reported here; the columns named for it are judged by name (`columns.rs`).
//!
//! One pass answers several rules, each with its own message: `sensitive-column` (`count` = 1:
//! a judgement on the column from its sample), `identifier-column` (counted exactly),
//! `undeclared-column` (personal data on a table nobody marks as personal) and the password
//! rules. It is planned by the `identifier-column` unit, the rule id the check lists.

use super::columns::{PolicyView, column_fix, purpose_of};
use super::{identifier_column, sensitive_column, undeclared_column};
use crate::catalog::Table;
use crate::check::{Ask, AskError, CheckKind, Probe};
use crate::finding::Finding;
use crate::rules::{Planner, RuleId};
use crate::text::names::ColumnCategory;

/// One values check per base table.
pub fn plan(p: &mut Planner<'_>) {
    let catalog = p.catalog;
    let view = PolicyView::new(p.policy);
    for table in catalog.tables.iter().filter(|t| !t.view) {
        // Columns judged by name for `undeclared-column`: every column of a personal-data
        // table, and the columns the policy declares.
        let judged = view.is_personal(table);
        let check = ValuesCheck {
            table: table.clone(),
            sample: p.sample,
            max_keys: p.max_keys,
            undeclared: table
                .columns
                .iter()
                .map(|c| !judged && !view.is_declared(table, &c.name))
                .collect(),
            purposes: table
                .columns
                .iter()
                .map(|c| purpose_of(p, table, &c.name))
                .collect(),
            used: table
                .columns
                .iter()
                .map(|c| view.policy_use(table, &c.name))
                .collect(),
        };
        // One sample per table answers every value-based question: all the rules it may
        // yield are listed, so a waiver of any of them knows whether it was verified.
        p.push(
            format!("values:{}", table.qualified_name()),
            &[
                RuleId::UndeclaredColumn,
                RuleId::SensitiveColumn,
                RuleId::IdentifierColumn,
                RuleId::PasswordPlaintext,
                RuleId::PasswordWeakHash,
            ],
            CheckKind::Probe(Box::new(check)),
        );
    }
}

/// Samples one table and reports what its values show.
struct ValuesCheck {
    table: Table,
    sample: usize,
    max_keys: usize,
    /// The purpose declaring each column, in catalog order.
    purposes: Vec<Option<String>>,
    /// Per column: neither declared nor on a table judged by name, so personal data its values
    /// reveal is reported here as `undeclared-column`.
    undeclared: Vec<bool>,
    /// Per column: why the policy's checks read it, if they do; its fix then neither drops nor
    /// blanks it.
    used: Vec<Option<String>>,
}

impl Probe for ValuesCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let table = &self.table;
        let matcher = crate::discover::shared_matcher();
        let sampled = db.sample(table, self.sample)?;
        let sample = crate::discover::classify_sample(table, &sampled, matcher);
        let d = db.dialect();
        let name = table.display_name();
        let mut out = Vec::new();
        for (i, (column, class)) in table.columns.iter().zip(&sample.classes).enumerate() {
            let Some(c) = class else { continue };
            // Columns named for their category are judged by name (`columns.rs`).
            if c.by_name || !c.by_values {
                continue;
            }
            let purpose = self.purposes.get(i).cloned().flatten();
            let evidence = c.evidence.join("; ");
            let used = self.used.get(i).cloned().flatten();
            // A column finding with its category and the SQL that drops or nulls the column.
            let column_finding = |rule, purpose, message| {
                let mut f = super::column_finding(rule, table, &column.name, purpose, message);
                f.category = Some(c.category.as_str().to_string());
                f.remediation = Some(column_fix(
                    d,
                    table,
                    &column.name,
                    rule,
                    f.category.as_deref(),
                    used.as_deref(),
                ));
                f
            };
            if c.category.is_sensitive() {
                out.push(column_finding(
                    RuleId::SensitiveColumn,
                    purpose,
                    sensitive_column::by_values_message(&name, &column.name, c.category, &evidence),
                ));
            } else if c.category.is_identifier() {
                let counted = identifier_column::count(
                    db,
                    table,
                    column,
                    c.category,
                    self.max_keys,
                    purpose,
                    &evidence,
                )?;
                out.extend(counted.map(|mut f| {
                    // A column the policy reads keeps its values: guidance, not the UPDATE.
                    if used.is_some() {
                        f.remediation = Some(column_fix(
                            d,
                            table,
                            &column.name,
                            RuleId::IdentifierColumn,
                            f.category.as_deref(),
                            used.as_deref(),
                        ));
                    }
                    f
                }));
            } else if c.category == ColumnCategory::Password
                // A key/value table's password rows are counted by attribute (security).
                && crate::text::passwords::credential_columns(table).is_none_or(|(_, v)| v != i)
            {
                out.extend(crate::rules::passwords::count_formats(
                    db,
                    table,
                    column,
                    self.max_keys,
                    purpose,
                )?);
            }
            if c.category.is_personal()
                && !c.category.is_sensitive()
                && !c.category.is_identifier()
                && self.undeclared.get(i).copied().unwrap_or(false)
            {
                out.push(column_finding(
                    RuleId::UndeclaredColumn,
                    None,
                    undeclared_column::by_values_message(
                        &name,
                        &column.name,
                        c.category,
                        &evidence,
                    ),
                ));
            }
        }
        Ok(out)
    }
}
