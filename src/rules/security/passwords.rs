//! What `password-plaintext` and `password-weak-hash` share: how stored passwords are
//! protected, counted inside the database.
//!
//! The formats of [`crate::text::passwords`] become one `CASE` expression (PostgreSQL regular
//! expressions, SQLite `GLOB` and lengths: [`crate::dialect::Dialect::has_shape`]), grouped and
//! counted on the server: no hash and no password ever reaches vigie. Then one keyed count per
//! flagged format gives its sample keys. NULL or empty means no local password (single sign-on)
//! and is fine. Columns are those named for passwords (`password`, `mdp`, `mot_de_passe`…), and
//! those whose sampled values are password hashes (found by [`crate::rules::minimisation`]).
//! One grouped count answers both rules, so it stays one check per column, planned by
//! [`super::PasswordPlaintext`]; each rule's file writes its message and its fix.

use super::{password_plaintext, password_weak_hash};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, Probe};
use crate::dialect::Dialect;
use crate::finding::Finding;
use crate::text::names::{ColumnCategory, classify_name, tokenize};
use crate::text::passwords::{PLAINTEXT, formats};

/// Whether a column is named for a password (not a PIN, an OTP secret or a reset token, which
/// the name classifier also calls secrets).
pub fn password_column(table: &str, column: &Column) -> bool {
    let is_secret = classify_name(table, &column.name, &column.data_type)
        .is_some_and(|c| c.category == ColumnCategory::Password);
    let tokens = tokenize(&column.name);
    let joined = tokens.join("_");
    is_secret
        && (tokens.iter().any(|t| {
            matches!(
                t.as_str(),
                "password" | "passwd" | "pwd" | "mdp" | "pass" | "passphrase" | "motdepasse"
            )
        }) || joined.contains("mot_de_passe")
            || joined.contains("mot_passe"))
}

/// One password column, counted per format: yields both password rules.
pub(super) struct PasswordCheck {
    pub(super) table: Table,
    pub(super) column: Column,
    pub(super) max_keys: usize,
    pub(super) purpose: Option<String>,
}

impl Probe for PasswordCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        count_formats(
            db,
            &self.table,
            &self.column,
            self.max_keys,
            self.purpose.clone(),
        )
    }
}

/// The format of every row as one SQL expression: `'none'`, a format id, or `'plaintext'`;
/// one format per line, so the query a report shows can be read.
fn format_case(d: Dialect, column: &str) -> String {
    let text = format!("CAST({} AS {})", d.col("t", column), d.text_type());
    let mut out = format!("CASE WHEN {text} IS NULL OR {text} = '' THEN 'none'");
    for f in formats() {
        out.push_str(&format!(
            "\n  WHEN {} THEN '{}'",
            d.has_shape(&text, &f.shapes),
            f.id
        ));
    }
    out.push_str(&format!("\n  ELSE '{PLAINTEXT}' END"));
    out
}

/// Counts one column's rows per format and reports the weak and plaintext ones.
pub fn count_formats(
    db: &mut dyn Ask,
    table: &Table,
    column: &Column,
    max_keys: usize,
    purpose: Option<String>,
) -> Result<Vec<Finding>, AskError> {
    let d = db.dialect();
    let case = format_case(d, &column.name);
    let from = format!("{} AS t", d.table_ref(table.schema.as_deref(), &table.name));
    let grouped = format!(
        "SELECT CAST(s.f AS {tt}), CAST(count(*) AS {tt}) FROM (SELECT {case} AS f FROM {from}) AS s GROUP BY s.f ORDER BY s.f",
        tt = d.text_type()
    );
    let mut out = Vec::new();
    for row in db.rows(&grouped)? {
        let id = row.first().cloned().flatten().unwrap_or_default();
        // `None`: in clear; a format that neither rule flags is fine.
        let weak = if id == PLAINTEXT {
            None
        } else {
            match password_weak_hash::flagged(&id) {
                Some(weak) => Some(weak),
                None => continue,
            }
        };
        let predicate = format!("({case}) = '{id}'");
        let sql = d.keyed_count_sql(max_keys, table, "t", &from, &predicate);
        let (count, keys) = db.count_keys(&sql)?;
        if count == 0 {
            continue;
        }
        let mut f = match weak {
            None => password_plaintext::finding(count, table, column),
            Some(weak) => password_weak_hash::finding(count, table, column, weak),
        };
        f.purpose = purpose.clone();
        f.table = Some(table.display_name());
        f.column = Some(column.name.clone());
        f.category = Some(id.clone());
        f.count = count;
        f.sample_keys = keys;
        f.query = Some(sql);
        let header = fix_header(table, column, &f);
        f.remediation = Some(match weak {
            None => password_plaintext::fix(header, column, &f),
            Some(_) => password_weak_hash::fix(header, &f),
        });
        out.push(f);
    }
    Ok(out)
}

/// The first line of either rule's fix: what it is about.
fn fix_header(table: &Table, column: &Column, f: &Finding) -> String {
    format!(
        "rule: {} | table: {} | column: {} | {} row(s) ({})",
        f.rule,
        table.display_name(),
        column.name,
        f.count,
        f.category.as_deref().unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query a report shows for the password rules is read by a person: one format per
    /// line, never one line of every regular expression together.
    #[test]
    fn the_format_expression_is_one_format_per_line() {
        for d in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
            let sql = format_case(d, "mot_de_passe");
            assert!(sql.lines().count() > formats().len(), "{d:?}");
            let longest = sql.lines().map(str::len).max().unwrap_or(0);
            assert!(longest <= 400, "{d:?}: a line of {longest} bytes");
        }
    }
}
