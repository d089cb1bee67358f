//! `password-plaintext` and `password-weak-hash`: how stored passwords are protected, counted
//! inside the database.
//!
//! The formats of [`crate::text::passwords`] become one `CASE` expression (PostgreSQL regular
//! expressions, SQLite `GLOB` and lengths: [`crate::dialect::Dialect::has_shape`]), grouped and
//! counted on the server: no hash and no password ever reaches vigie. Then one keyed count per
//! flagged format gives its sample keys. NULL or empty means no local password (single sign-on)
//! and is fine. Columns are those named for passwords (`password`, `mdp`, `mot_de_passe`…), and
//! those whose sampled values are password hashes (found by [`super::minimisation`]).

use super::{Planner, RuleId};
use crate::catalog::{Column, Table};
use crate::check::{Ask, AskError, CheckKind, Probe};
use crate::dialect::Dialect;
use crate::dialect::remediation::{self, Action, RowSet};
use crate::finding::{Applicability, Finding, Remediation, Severity};
use crate::text::names::{ColumnCategory, classify_name, tokenize};
use crate::text::passwords::{PLAINTEXT, Verdict, formats};

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

pub fn plan(p: &mut Planner<'_>) {
    let catalog = p.catalog;
    for table in catalog.tables.iter().filter(|t| !t.view) {
        for column in table
            .columns
            .iter()
            .filter(|c| password_column(&table.name, c))
        {
            let check = PasswordCheck {
                table: table.clone(),
                column: column.clone(),
                max_keys: p.max_keys,
                purpose: super::columns::purpose_of(p, table, &column.name),
            };
            p.push(
                format!("password:{}.{}", table.qualified_name(), column.name),
                &[RuleId::PasswordPlaintext, RuleId::PasswordWeakHash],
                CheckKind::Probe(Box::new(check)),
            );
        }
    }
}

struct PasswordCheck {
    table: Table,
    column: Column,
    max_keys: usize,
    purpose: Option<String>,
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

/// The format of every row as one SQL expression: `'none'`, a format id, or `'plaintext'`.
fn format_case(d: Dialect, column: &str) -> String {
    let text = format!("CAST({} AS {})", d.col("t", column), d.text_type());
    let mut out = format!("CASE WHEN {text} IS NULL OR {text} = '' THEN 'none'");
    for f in formats() {
        out.push_str(&format!(
            " WHEN {} THEN '{}'",
            d.has_shape(&text, &f.shapes),
            f.id
        ));
    }
    out.push_str(&format!(" ELSE '{PLAINTEXT}' END"));
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
        let (rule, severity, label) = if id == PLAINTEXT {
            (
                RuleId::PasswordPlaintext,
                None,
                "in clear: no known hash format",
            )
        } else {
            match formats().iter().find(|f| f.id == id) {
                Some(f) if f.verdict == Verdict::Weak => {
                    (RuleId::PasswordWeakHash, Some(Severity::High), f.label)
                }
                Some(f) if f.verdict == Verdict::Warn => {
                    (RuleId::PasswordWeakHash, Some(Severity::Medium), f.label)
                }
                _ => continue,
            }
        };
        let predicate = format!("({case}) = '{id}'");
        let sql = d.keyed_count_sql(max_keys, table, "t", &from, &predicate);
        let (count, keys) = db.count_keys(&sql)?;
        if count == 0 {
            continue;
        }
        let r = super::registry().doc(rule);
        let s = if count == 1 { "" } else { "s" };
        let stored = if rule == RuleId::PasswordPlaintext {
            format!("stored {label}")
        } else {
            format!("stored as {label}")
        };
        let mut f = super::finding(
            rule,
            format!(
                "{count} password{s} of {}.{} {stored}",
                table.display_name(),
                column.name
            ),
        );
        f.severity = severity.unwrap_or(r.severity);
        f.purpose = purpose.clone();
        f.table = Some(table.display_name());
        f.column = Some(column.name.clone());
        f.category = Some(id.clone());
        f.count = count;
        f.sample_keys = keys;
        f.query = Some(sql);
        f.remediation = Some(fix(d, table, column, &f, &predicate));
        out.push(f);
    }
    Ok(out)
}

fn fix(d: Dialect, table: &Table, column: &Column, f: &Finding, predicate: &str) -> Remediation {
    let header = format!(
        "rule: {} | table: {} | column: {} | {} row(s) ({})",
        f.rule,
        table.display_name(),
        column.name,
        f.count,
        f.category.as_deref().unwrap_or("")
    );
    if f.rule == RuleId::PasswordPlaintext {
        // Clear passwords are compromised: invalidate them so the users go through a reset.
        let rows = RowSet {
            schema: table.schema.clone(),
            table: table.name.clone(),
            key: table.primary_key.clone(),
            predicate: predicate.to_string(),
        };
        let header = vec![
            header,
            "passwords stored in clear: invalidate them and send the users through the password reset (check it exists first)".into(),
            format!("legal reference: {}", f.legal_reference),
        ];
        let null = if column.nullable { "NULL" } else { "''" };
        return Remediation {
            sql: remediation::render(
                d,
                &header,
                &rows,
                &Action::Anonymise(vec![(column.name.clone(), null.to_string())]),
                f.count,
            ),
            applicability: Applicability::Review,
        };
    }
    Remediation {
        sql: format!(
            "-- {header}\n\
             -- SQL cannot compute a password hash: migrate in the application.\n\
             -- 1. Hash new and changed passwords with Argon2id (m >= 19 MiB, t >= 2, p = 1), or scrypt,\n\
             --    bcrypt (cost >= 10) or PBKDF2-HMAC-SHA256 (>= 600,000 iterations).\n\
             -- 2. At each successful login, verify with the old format, then store the new hash.\n\
             -- 3. For accounts that will not log in soon, wrap now: store Argon2id(old hash), marked as\n\
             --    wrapped, and verify Argon2id(old_format(password)) until the next login; or force a reset.\n\
             -- 4. Run vigie again: the count of {} shows what is left to migrate.\n",
            f.category.as_deref().unwrap_or("")
        ),
        applicability: Applicability::DisplayOnly,
    }
}
