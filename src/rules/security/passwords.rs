//! What `password-plaintext`, `password-weak-hash` and `password-unknown-format` share: how
//! stored passwords are protected, counted inside the database.
//!
//! The formats of [`crate::text::passwords`] become one `CASE` expression (PostgreSQL and MySQL
//! regular expressions, SQLite `GLOB`, `substr` and lengths:
//! [`crate::dialect::Dialect::has_shape`], then the token test,
//! [`crate::dialect::Dialect::is_token`]), grouped and counted on the server: no hash and no
//! password ever reaches vigie. Then one keyed count per flagged format gives its sample keys.
//! NULL or empty means no local password (single sign-on) and is fine. Columns are those named
//! for passwords (`password`, `mdp`, `mot_de_passe`…), those whose sampled values are password
//! hashes (found by [`crate::rules::minimisation`]), and the value column of a key/value
//! credential table (`radcheck`), where the attribute of each row comes first in the `CASE` and
//! a `WHERE` keeps the rows whose attribute holds a password. One grouped count answers the
//! three rules, so it stays one check per column, planned by [`super::PasswordPlaintext`]; each
//! rule's file writes its message and its fix.

use super::{password_plaintext, password_unknown_format, password_weak_hash};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, Probe};
use crate::dialect::Dialect;
use crate::dialect::remediation::RowSet;
use crate::finding::Finding;
use crate::text::names::{ColumnCategory, classify_name, tokenize};
use crate::text::passwords::{ATTRIBUTES, Attribute, PLAINTEXT, TOKEN, UNKNOWN, formats};

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

/// A boolean column of the table that makes the next login require a new password
/// (`must_change_password`, `password_reset_required`, `mdp_a_changer`, `password_expired`):
/// setting it is the one change SQL can make for passwords in clear without touching them.
pub(super) fn reset_flag(table: &Table) -> Option<&Column> {
    use crate::catalog::TypeClass;
    table.columns.iter().find(|c| {
        let tokens = tokenize(&c.name);
        let joined = tokens.join("_");
        c.type_class() == TypeClass::Boolean
            && tokens.iter().any(|t| {
                matches!(
                    t.as_str(),
                    "reset"
                        | "change"
                        | "changer"
                        | "expired"
                        | "expire"
                        | "renew"
                        | "renouveler"
                        | "reinitialiser"
                )
            })
            && (tokens.iter().any(|t| {
                matches!(
                    t.as_str(),
                    "password" | "passwd" | "pwd" | "mdp" | "motdepasse"
                )
            }) || joined.contains("mot_de_passe"))
    })
}

/// One password column, counted per format: yields the three password rules.
pub(super) struct PasswordCheck {
    pub(super) table: Table,
    pub(super) column: Column,
    /// For a key/value credential table, the column naming each value's attribute.
    pub(super) attribute: Option<Column>,
    pub(super) max_keys: usize,
    pub(super) purpose: Option<String>,
}

impl Probe for PasswordCheck {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        count(
            db,
            &self.table,
            &self.column,
            self.attribute.as_ref(),
            self.max_keys,
            self.purpose.clone(),
        )
    }
}

/// The attribute names of [`ATTRIBUTES`] that say `what`, as a SQL list.
fn attribute_list(d: Dialect, what: impl Fn(&Attribute) -> bool) -> Option<String> {
    let names: Vec<String> = ATTRIBUTES
        .iter()
        .filter(|(_, a)| what(a))
        .map(|(n, _)| d.quote_literal(n))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The attribute of a row, lower case, for comparison with [`ATTRIBUTES`].
fn attribute_expr(d: Dialect, attribute: &Column) -> String {
    format!(
        "lower(CAST({} AS {}))",
        d.col("t", &attribute.name),
        d.text_type()
    )
}

/// The rows of a key/value table whose attribute holds a password.
fn attribute_filter(d: Dialect, attribute: &Column) -> String {
    let list = attribute_list(d, |_| true).unwrap_or_default();
    format!("{} IN ({list})", attribute_expr(d, attribute))
}

/// The format of every row as one SQL expression: `'none'`, a format id, `'unknown-format'` or
/// `'plaintext'`; one format per line, so the query a report shows can be read. With an
/// attribute column, what the attribute says comes first, as
/// [`crate::text::passwords::attribute_category`] decides.
fn format_case(d: Dialect, column: &str, attribute: Option<&Column>) -> String {
    let text = format!("CAST({} AS {})", d.col("t", column), d.text_type());
    let locked = crate::text::passwords::LOCKED
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out =
        format!("CASE WHEN {text} IS NULL OR {text} = '' OR {text} IN ({locked}) THEN 'none'");
    let mut fallbacks = Vec::new();
    if let Some(attribute) = attribute {
        let attr = attribute_expr(d, attribute);
        let mut named: Vec<&str> = Vec::new();
        for (_, a) in ATTRIBUTES {
            match a {
                Attribute::Is(id) if !named.contains(id) => named.push(id),
                Attribute::Shows(Some(id)) if !fallbacks.contains(id) => fallbacks.push(*id),
                _ => {}
            }
        }
        for id in named {
            if let Some(list) = attribute_list(d, |a| *a == Attribute::Is(id)) {
                out.push_str(&format!("\n  WHEN {attr} IN ({list}) THEN '{id}'"));
            }
        }
    }
    for f in formats() {
        out.push_str(&format!(
            "\n  WHEN {} THEN '{}'",
            d.has_shape(&text, &f.shapes),
            f.id
        ));
    }
    if let Some(attribute) = attribute {
        let attr = attribute_expr(d, attribute);
        for id in fallbacks {
            if let Some(list) = attribute_list(d, |a| *a == Attribute::Shows(Some(id))) {
                out.push_str(&format!("\n  WHEN {attr} IN ({list}) THEN '{id}'"));
            }
        }
    }
    out.push_str(&format!(
        "\n  WHEN {} THEN '{UNKNOWN}'\n  ELSE '{PLAINTEXT}' END",
        d.is_token(&text, &TOKEN)
    ));
    out
}

/// Counts one column's rows per format and reports the plaintext, unknown and weak ones.
pub fn count_formats(
    db: &mut dyn Ask,
    table: &Table,
    column: &Column,
    max_keys: usize,
    purpose: Option<String>,
) -> Result<Vec<Finding>, AskError> {
    count(db, table, column, None, max_keys, purpose)
}

/// Counts the rows of a password column per format, or of a key/value table's value column per
/// format of the rows whose attribute holds a password.
fn count(
    db: &mut dyn Ask,
    table: &Table,
    column: &Column,
    attribute: Option<&Column>,
    max_keys: usize,
    purpose: Option<String>,
) -> Result<Vec<Finding>, AskError> {
    let d = db.dialect();
    let case = format_case(d, &column.name, attribute);
    let from = format!("{} AS t", d.table_ref(table.schema.as_deref(), &table.name));
    let filter = attribute.map(|a| attribute_filter(d, a));
    let where_ = filter
        .as_ref()
        .map(|f| format!(" WHERE {f}"))
        .unwrap_or_default();
    let grouped = format!(
        "SELECT CAST(s.f AS {tt}), CAST(count(*) AS {tt}) FROM (SELECT {case} AS f FROM {from}{where_}) AS s GROUP BY s.f ORDER BY s.f",
        tt = d.text_type()
    );
    let mut out = Vec::new();
    for row in db.rows(&grouped)? {
        let id = row.first().cloned().flatten().unwrap_or_default();
        let kind = if id == PLAINTEXT {
            Kind::Plaintext
        } else if id == UNKNOWN {
            Kind::Unknown
        } else {
            match password_weak_hash::flagged(&id) {
                Some(weak) => Kind::Weak(weak),
                // A sound format, or no password.
                None => continue,
            }
        };
        let mut predicate = format!("({case}) = '{id}'");
        if let Some(filter) = &filter {
            predicate = format!("{filter} AND {predicate}");
        }
        let sql = d.keyed_count_sql(max_keys, table, "t", &from, &predicate);
        let (count, keys) = db.count_keys(&sql)?;
        if count == 0 {
            continue;
        }
        let qualifier: crate::i18n::Arg = match attribute {
            Some(a) => crate::rules::msg("password-qualifier")
                .arg("attribute", &a.name)
                .into(),
            None => "".into(),
        };
        let mut f = match kind {
            Kind::Plaintext => password_plaintext::finding(count, table, column, &qualifier),
            Kind::Unknown => password_unknown_format::finding(count, table, column, &qualifier),
            Kind::Weak(weak) => password_weak_hash::finding(count, table, column, &qualifier, weak),
        };
        f.purpose = purpose.clone();
        f.table = Some(table.display_name());
        f.column = Some(column.name.clone());
        f.category = Some(id.clone());
        f.count = count;
        f.sample_keys = keys;
        f.query = Some(sql);
        let header = fix_header(table, column, &f);
        let reset = reset_flag(table).map(|flag| password_plaintext::Reset {
            dialect: d,
            flag,
            rows: RowSet {
                schema: table.schema.clone(),
                table: table.name.clone(),
                key: table.primary_key.clone(),
                predicate: predicate.clone(),
            },
        });
        f.remediation = Some(match kind {
            Kind::Plaintext => password_plaintext::fix(header, column, &f, reset.as_ref()),
            Kind::Unknown => password_unknown_format::fix(header, &f),
            Kind::Weak(_) => password_weak_hash::fix(header, &f),
        });
        out.push(f);
    }
    Ok(out)
}

/// What a counted category yields.
#[derive(Clone, Copy)]
enum Kind {
    Plaintext,
    Unknown,
    Weak(password_weak_hash::Weak),
}

/// The first line of each rule's fix: what it is about.
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
            let sql = format_case(d, "mot_de_passe", None);
            assert!(sql.lines().count() > formats().len(), "{d:?}");
            let longest = sql.lines().map(str::len).max().unwrap_or(0);
            assert!(longest <= 400, "{d:?}: a line of {longest} bytes");
        }
    }
}
