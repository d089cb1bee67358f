//! Minimisation rules that read rows: what the values of a column show, codes that are stored,
//! and columns nobody fills.
//!
//! - **By values** (`sensitive-column`, `identifier-column`): each base table is sampled once,
//!   exactly as `vigie discover` samples it (at most `--sample` rows, pushed into the database),
//!   and classified by name and values ([`crate::text::values`]). A column the *values* put in an
//!   art. 9/10 category is reported as `sensitive-column` (`count` = 1: a judgement on the
//!   column from its sample). A column whose values are NIR, IBAN or card numbers while its name
//!   does not say so (the columns named for them are reported by name) is then counted exactly:
//!   the rows of plausible length are streamed once and each value validated by its checksum,
//!   so `count` is the number of rows holding a valid identifier. A sample can miss a column
//!   where identifiers are rare; `--sample 0` samples every row.
//! - **`undeclared-column` by values**: a column whose values reveal personal data (e-mails,
//!   phones, password hashes…) on a table neither the policy nor the column names mark as
//!   personal, so the catalog rules could not see it.
//! - **`card-security-code`**: a CVV column is reported as soon as it exists; `count` is the
//!   number of rows holding a code, or 1 (the column) when none does yet.
//! - **`unused-column`**: on each personal-data table, one query counts, for every declared or
//!   personal column at once, the rows holding a value; a column empty in every row (NULL, or
//!   `''` for text) of a non-empty table is reported, with `count` = the table's rows.

use super::Planner;
use super::RuleId;
use super::columns::{PolicyView, column_fix, purpose_of};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, CheckKind, Probe};
use crate::finding::Finding;
use crate::text::identifiers::{card_valid, iban_valid, nir_valid};
use crate::text::names::{ColumnCategory, classify_name};

/// Counts the rows of a CVV column that hold a code.
pub struct CvvCheck {
    sql: String,
    template: Finding,
}

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
            f.message = format!(
                "{}; {count} {} a code",
                f.message,
                if count == 1 { "row holds" } else { "rows hold" }
            );
            f.query = Some(self.sql.clone());
        } else {
            f.message = format!("{}; no row holds a code yet", f.message);
        }
        Ok(vec![f])
    }
}

pub fn plan(p: &mut Planner<'_>) {
    let catalog = p.catalog;
    let view = PolicyView::new(p.policy);
    for table in catalog.tables.iter().filter(|t| !t.view) {
        // Columns the catalog rules already judge for `undeclared-column`: every column of a
        // personal-data table, and the columns the policy declares.
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
        };
        p.push(
            format!("values:{}", table.qualified_name()),
            &[RuleId::IdentifierColumn],
            CheckKind::Probe(Box::new(check)),
        );
    }
    plan_unused(p);
}

/// Samples one table and reports what its values show.
struct ValuesCheck {
    table: Table,
    sample: usize,
    max_keys: usize,
    /// The purpose declaring each column, in catalog order.
    purposes: Vec<Option<String>>,
    /// Per column: neither declared nor on a table the catalog rules judge, so personal data its
    /// values reveal is reported here as `undeclared-column`.
    undeclared: Vec<bool>,
}

fn finding(
    rule: RuleId,
    table: &Table,
    column: &str,
    purpose: Option<String>,
    message: String,
) -> Finding {
    let mut f = super::finding(rule, message);
    f.purpose = purpose;
    f.table = Some(table.display_name().clone());
    f.column = Some(column.to_string());
    f.count = 1;
    f
}

/// The shortest and longest text an identifier takes with separators: a 13-digit card to a
/// 34-character IBAN written in groups of four.
const IDENTIFIER_LENGTHS: (usize, usize) = (13, 42);

impl Probe for ValuesCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let table = &self.table;
        let matcher = crate::discover::shared_matcher();
        let sampled = db.sample(table, self.sample)?;
        let sample = crate::discover::classify_sample(table, &sampled, matcher);
        let d = db.dialect();
        let mut out = Vec::new();
        for (i, (column, class)) in table.columns.iter().zip(&sample.classes).enumerate() {
            let Some(c) = class else { continue };
            // Columns named for their category are judged by name (`columns.rs`).
            if c.by_name || !c.by_values {
                continue;
            }
            let purpose = self.purposes.get(i).cloned().flatten();
            let evidence = c.evidence.join("; ");
            // A column finding with its category and the SQL that drops or nulls the column.
            let column_finding = |rule, purpose, message| {
                let mut f = finding(rule, table, &column.name, purpose, message);
                f.category = Some(c.category.as_str().to_string());
                f.remediation = Some(column_fix(
                    d,
                    table,
                    &column.name,
                    rule,
                    f.category.as_deref(),
                ));
                f
            };
            if c.category.is_sensitive() {
                out.push(column_finding(
                    RuleId::SensitiveColumn,
                    purpose,
                    format!(
                        "column {}.{} holds {} data by its values ({evidence})",
                        table.display_name(),
                        column.name,
                        c.category
                    ),
                ));
            } else if c.category.is_identifier() {
                if let Some(f) =
                    self.count_identifiers(db, column, c.category, purpose, &evidence)?
                {
                    out.push(f);
                }
            } else if c.category == ColumnCategory::Password {
                out.extend(super::passwords::count_formats(
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
                    format!(
                        "column {}.{} holds {} data by its values ({evidence}) and is used by no purpose of the policy",
                        table.display_name(), column.name, c.category
                    ),
                ));
            }
        }
        Ok(out)
    }
}

impl ValuesCheck {
    /// Streams the rows of plausible length once and validates each value.
    fn count_identifiers(
        &self,
        db: &mut dyn Ask,
        column: &Column,
        category: ColumnCategory,
        purpose: Option<String>,
        evidence: &str,
    ) -> Result<Option<Finding>, AskError> {
        let d = db.dialect();
        let table = &self.table;
        let col = d.col("t", &column.name);
        let text = format!("CAST({col} AS {})", d.text_type());
        let (min, max) = IDENTIFIER_LENGTHS;
        let predicate = format!("length({text}) BETWEEN {min} AND {max}");
        let key = d.key_expr(table, "t").unwrap_or_else(|| "''".into());
        let sql = format!(
            "SELECT {key}, {text} FROM {} AS t WHERE {predicate}",
            d.table_ref(table.schema.as_deref(), &table.name)
        );
        let valid: fn(&str) -> bool = match category {
            ColumnCategory::Nir => nir_valid,
            ColumnCategory::Iban => iban_valid,
            _ => card_valid,
        };
        let mut count = 0u64;
        let mut keys: Vec<String> = Vec::new();
        db.stream_pairs(&sql, &mut |k, v| {
            if valid(v.trim()) {
                count += 1;
                keys.push(k.to_string());
            }
        })?;
        if count == 0 {
            return Ok(None);
        }
        // Keys compare as numbers when they are numbers, so samples read 2, 10 and not 10, 2.
        keys.sort_by(|a, b| match (a.parse::<i128>(), b.parse::<i128>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => a.cmp(b),
        });
        if table.primary_key.is_empty() {
            keys.clear();
        } else if self.max_keys > 0 {
            keys.truncate(self.max_keys);
        }
        let what = match category {
            ColumnCategory::Nir => "a NIR (key checked)",
            ColumnCategory::Iban => "an IBAN (mod 97 checked)",
            _ => "a payment card number (Luhn and issuer range checked)",
        };
        let mut f = finding(
            RuleId::IdentifierColumn,
            table,
            &column.name,
            purpose,
            format!(
                "{count} row{} of {}.{} hold{} {what}, in a column not named for it ({evidence})",
                if count == 1 { "" } else { "s" },
                table.display_name(),
                column.name,
                if count == 1 { "s" } else { "" }
            ),
        );
        f.category = Some(category.as_str().to_string());
        f.count = count;
        f.sample_keys = keys;
        f.query = Some(sql);
        let t = d.table_ref(table.schema.as_deref(), &table.name);
        let c = d.quote_ident(&column.name);
        f.remediation = Some(crate::finding::Remediation {
            sql: format!(
                "-- vigie: identifier-column {}.{} ({}), {count} row(s) hold a valid identifier.\n-- This nulls every value of identifier length, valid or not: check the column's other uses first.\n{}\nUPDATE {t} SET {c} = NULL WHERE length(CAST({c} AS {})) BETWEEN {min} AND {max};\nCOMMIT;\n",
                table.display_name(),
                column.name,
                category,
                d.begin(),
                d.text_type()
            ),
            applicability: crate::finding::Applicability::Review,
        });
        Ok(Some(f))
    }
}

/// Columns a personal-data table's `unused-column` check looks at: declared in a purpose, or
/// personal by name; never the key, never a technical column.
fn unused_candidates<'t>(view: &PolicyView, table: &'t Table) -> Vec<&'t Column> {
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

fn plan_unused(p: &mut Planner<'_>) {
    let view = PolicyView::new(p.policy);
    let d = p.dialect;
    let catalog = p.catalog;
    for table in catalog
        .tables
        .iter()
        .filter(|t| !t.view && view.is_personal(t))
    {
        let columns = unused_candidates(&view, table);
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
                    format!(
                        "no row of {} holds a value in {}: drop the column or declare why it is needed",
                        table.display_name(), c.name
                    ),
                );
                f.column = Some(c.name.clone());
                f.remediation = Some(column_fix(d, table, &c.name, RuleId::UnusedColumn, None));
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
