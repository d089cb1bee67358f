//! `identifier-column`: IBAN and payment card numbers, by the column's name; and NIR, IBAN or
//! card numbers found in a column not named for them, counted exactly.
//!
//! This unit plans the values sample (`values.rs`), one pass per table that also answers
//! `sensitive-column`, `undeclared-column` and the password rules by values. A column whose
//! sampled values are identifiers is then counted: the rows of plausible length are streamed
//! once and each value validated by its checksum, so `count` is the number of rows holding a
//! valid identifier. A sample can miss a column where identifiers are rare; `--sample 0`
//! samples every row.

use super::columns::{FixParts, Judgement};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError};
use crate::finding::{Applicability, Finding, Remediation};
use crate::rules::{GateTrigger, Planner, Rule, RuleId};
use crate::text::identifiers::{card_valid, iban_valid, nir_valid};
use crate::text::names::{ColumnCategory, NameClass};

pub struct IdentifierColumn;

impl Rule for IdentifierColumn {
    fn id(&self) -> RuleId {
        RuleId::IdentifierColumn
    }

    fn plan(&self, p: &mut Planner<'_>) {
        super::values::plan(p);
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::ColumnIntroduced)
    }
}

/// What to do when the policy's checks read the flagged column, so it may be neither dropped
/// nor blanked.
pub const INSTEAD_WHEN_USED: &str = "replace the values with a token from the payment provider, or encrypt them and restrict access; to remove the column, first change the policy so it no longer names it.";

/// A column named for IBAN or card numbers (the NIR is `sensitive-column`'s).
pub fn judge(name: &str, k: &NameClass) -> Option<Judgement> {
    let cat = k.category;
    cat.is_identifier().then(|| Judgement {
        rule: RuleId::IdentifierColumn,
        category: Some(cat.as_str().to_string()),
        message: crate::rules::msg("identifier-column")
            .arg("column", name)
            .arg(
                "category",
                crate::i18n::Message::keyed("category", cat.as_str()),
            )
            .arg("reason", &k.reason),
        help: crate::i18n::Message::keyed("gate", "help-identifier-column"),
    })
}

/// Null the column; drop it too if no purpose needs it.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    parts.null_then(&format!(
        "-- and, if no purpose needs the column at all: {}",
        parts.drop
    ))
}

/// The shortest and longest text an identifier takes with separators: a 13-digit card to a
/// 34-character IBAN written in groups of four.
const IDENTIFIER_LENGTHS: (usize, usize) = (13, 42);

/// Streams the rows of plausible length once and validates each value: the finding counts the
/// valid identifiers, or `None` when no row holds one.
pub fn count(
    db: &mut dyn Ask,
    table: &Table,
    column: &Column,
    category: ColumnCategory,
    max_keys: usize,
    purpose: Option<String>,
    evidence: &str,
) -> Result<Option<Finding>, AskError> {
    let d = db.dialect();
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
    keys.sort_by(|a, b| crate::finding::key_order(a, b));
    if table.primary_key.is_empty() {
        keys.clear();
    } else if max_keys > 0 {
        keys.truncate(max_keys);
    }
    let what = crate::rules::msg(match category {
        ColumnCategory::Nir => "identifier-nir",
        ColumnCategory::Iban => "identifier-iban",
        _ => "identifier-card",
    });
    let mut f = super::column_finding(
        RuleId::IdentifierColumn,
        table,
        &column.name,
        purpose,
        crate::rules::msg("identifier-column-values")
            .arg("count", count)
            .arg(
                "column",
                format!("{}.{}", table.display_name(), column.name),
            )
            .arg("what", what)
            .arg("evidence", evidence),
    );
    f.category = Some(category.as_str().to_string());
    f.count = count;
    f.sample_keys = keys;
    f.query = Some(sql);
    let t = d.table_ref(table.schema.as_deref(), &table.name);
    let c = d.quote_ident(&column.name);
    f.remediation = Some(Remediation {
        sql: format!(
            "-- vigie: identifier-column {}.{} ({}), {count} row(s) hold a valid identifier.\n-- This nulls every value of identifier length, valid or not: check the column's other uses first.\n{}\nUPDATE {t} SET {c} = NULL WHERE length(CAST({c} AS {})) BETWEEN {min} AND {max};\nCOMMIT;\n",
            table.display_name(),
            column.name,
            category,
            d.begin(),
            d.text_type()
        ),
        applicability: Applicability::Review,
    });
    Ok(Some(f))
}

#[cfg(test)]
mod tests {
    use super::super::columns::column_fix;
    use super::super::test_support::{column, judge, table};
    use crate::dialect::Dialect;
    use crate::rules::RuleId;

    #[test]
    fn a_column_named_for_card_numbers_or_ibans() {
        for (name, category) in [("iban", "iban"), ("numero_carte", "card")] {
            let j = judge(column(name, "varchar(34)"));
            assert_eq!(j.len(), 1, "{name}: {j:?}");
            assert_eq!(j[0].rule, RuleId::IdentifierColumn, "{name}");
            assert_eq!(j[0].category.as_deref(), Some(category), "{name}");
            assert!(
                j[0].message
                    .to_string()
                    .starts_with(&format!("column eleves.{name} holds {category} numbers (")),
                "{}",
                j[0].message
            );
        }
    }

    #[test]
    fn the_fix_nulls_the_values_and_offers_the_drop() {
        let t = table(column("iban", "text"));
        let fix = column_fix(
            Dialect::Mysql,
            &t,
            "iban",
            RuleId::IdentifierColumn,
            Some("iban"),
            None,
        );
        assert_eq!(
            fix.sql,
            "-- vigie: identifier-column eleves.iban (iban)\n-- Review before running: application code, exports and backups may use this column.\nSTART TRANSACTION;\nUPDATE `eleves` SET `iban` = NULL WHERE `iban` IS NOT NULL;\n-- and, if no purpose needs the column at all: ALTER TABLE `eleves` DROP COLUMN `iban`;\nCOMMIT;\n"
        );
    }
}
