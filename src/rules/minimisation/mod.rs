//! Minimisation: columns that hold what no purpose needs, what the law restricts, or what may
//! never be stored, judged by name before any row is read and by the values a sample shows.
//!
//! Each rule is its own unit, in the file named after it (`undeclared_column.rs`,
//! `sensitive_column.rs`, `identifier_column.rs`, `card_security_code.rs`,
//! `unused_column.rs`): its judgement, its messages, the SQL it proposes and its tests. What
//! several rules share lives beside them, and each shared pass stays one pass:
//!
//! - [`columns`]: what the policy declares ([`PolicyView`]) and the judgement of one column by
//!   its name and type ([`judge_column`]), the same for a live scan and for the migration gate,
//!   so CI and the audit never disagree on a name. In a live scan one pass over the catalog
//!   judges every column of every base table; `undeclared-column` plans it. Its findings read
//!   no row (`count` = 1, the column), except `card-security-code`, which counts the rows
//!   holding a code.
//! - [`values`]: each base table sampled once, exactly as `vigie discover` samples it, and
//!   classified by name and values; `identifier-column` plans it.
//!
//! `unused-column` plans its own count per personal-data table.

pub mod card_security_code;
pub mod columns;
pub mod identifier_column;
pub mod sensitive_column;
pub mod undeclared_column;
pub mod unused_column;
pub mod values;

pub use card_security_code::CardSecurityCode;
pub use columns::{Judgement, PolicyView, column_fix, judge_column, purpose_of};
pub use identifier_column::IdentifierColumn;
pub use sensitive_column::SensitiveColumn;
pub use undeclared_column::UndeclaredColumn;
pub use unused_column::UnusedColumn;

use super::RuleId;
use crate::catalog::Table;
use crate::finding::Finding;

/// A finding on one column, judged from its values: `count` = 1 (the column) until a rule
/// counts rows.
fn column_finding(
    rule: RuleId,
    table: &Table,
    column: &str,
    purpose: Option<String>,
    message: crate::i18n::Message,
) -> Finding {
    let mut f = super::finding(rule, message);
    f.purpose = purpose;
    f.table = Some(table.display_name().clone());
    f.column = Some(column.to_string());
    f.count = 1;
    f
}

#[cfg(test)]
mod test_support {
    //! A policy, a table and a judgement to test the column rules without a database.

    use super::columns::{Judgement, PolicyView, judge_column};
    use crate::catalog::{Column, Table};
    use crate::dialect::Dialect;
    use crate::policy::Policy;

    /// `eleves(id, nom, …)` is personal: a subject, and `nom` declared by a purpose.
    pub fn policy() -> Policy {
        crate::policy::load_str(
            "vigie.toml",
            r#"
[[subject]]
id = "eleve"
table = "eleves"
key = "id"

[[purpose]]
id = "scolarite"
legal_basis = "public-task"
subjects = ["eleve"]
data = ["eleves.nom"]

[[purpose.retention]]
table = "eleves"
keep = "5y"
from = "inscrit_le"
"#,
            Dialect::Postgres,
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
    }

    pub fn column(name: &str, data_type: &str) -> Column {
        Column {
            name: name.into(),
            data_type: data_type.into(),
            nullable: true,
            ..Column::default()
        }
    }

    /// `eleves` with its key, its declared and role columns, and `extra`.
    pub fn table(extra: Column) -> Table {
        Table {
            name: "eleves".into(),
            columns: vec![
                column("id", "integer"),
                column("nom", "text"),
                column("inscrit_le", "date"),
                extra,
            ],
            primary_key: vec!["id".into()],
            ..Table::default()
        }
    }

    /// The judgements of the last column of `table(extra)`.
    pub fn judge(extra: Column) -> Vec<Judgement> {
        let policy = policy();
        let view = PolicyView::new(&policy);
        let t = table(extra);
        let c = t.columns.last().expect("a column");
        judge_column(&view, &t, c, view.is_personal(&t))
    }
}
