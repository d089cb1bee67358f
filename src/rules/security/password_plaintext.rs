//! `password-plaintext`: passwords stored in clear, in a column named for passwords or whose
//! sampled values are password hashes.
//!
//! This unit plans the one grouped count per password column (`passwords.rs`) that answers
//! `password-weak-hash` and `password-unknown-format` too, and the same count over the value
//! column of a key/value credential table (FreeRADIUS's `radcheck`), restricted in SQL to the
//! rows whose attribute holds a password. A value is in clear when its attribute says so
//! (`Cleartext-Password`), when a marker says so (`{noop}`), or when it matches no known format
//! and looks chosen by a person (not a token: see `password-unknown-format`).

use super::passwords::{PasswordCheck, password_column};
use crate::catalog::{Column, Table};
use crate::check::CheckKind;
use crate::dialect::Dialect;
use crate::dialect::remediation::{Action, RowSet};
use crate::finding::{Applicability, Finding, Remediation};
use crate::rules::{Planner, Rule, RuleId};
use crate::text::passwords::credential_columns;

pub struct PasswordPlaintext;

/// The rules one password count answers.
const PASSWORD_RULES: &[RuleId] = &[
    RuleId::PasswordPlaintext,
    RuleId::PasswordWeakHash,
    RuleId::PasswordUnknownFormat,
];

impl Rule for PasswordPlaintext {
    fn id(&self) -> RuleId {
        RuleId::PasswordPlaintext
    }

    fn plan(&self, p: &mut Planner<'_>) {
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
                    attribute: None,
                    max_keys: p.max_keys,
                    purpose: crate::rules::columns::purpose_of(p, table, &column.name),
                };
                p.push(
                    format!("password:{}.{}", table.qualified_name(), column.name),
                    PASSWORD_RULES,
                    CheckKind::Probe(Box::new(check)),
                );
            }
            // A key/value table (`radcheck`, `user_attributes`): the rows whose attribute
            // holds a password, counted per format.
            if let Some((key, value)) = credential_columns(table) {
                let column = &table.columns[value];
                let check = PasswordCheck {
                    table: table.clone(),
                    column: column.clone(),
                    attribute: Some(table.columns[key].clone()),
                    max_keys: p.max_keys,
                    purpose: crate::rules::columns::purpose_of(p, table, &column.name),
                };
                p.push(
                    format!(
                        "password-attributes:{}.{}",
                        table.qualified_name(),
                        column.name
                    ),
                    PASSWORD_RULES,
                    CheckKind::Probe(Box::new(check)),
                );
            }
        }
    }
}

/// The finding for `count` passwords of a column in clear, at the rule's default severity.
pub(super) fn finding(
    count: u64,
    table: &Table,
    column: &Column,
    qualifier: &crate::i18n::Arg,
) -> Finding {
    crate::rules::finding(
        RuleId::PasswordPlaintext,
        crate::rules::msg("password-plaintext")
            .arg("count", count)
            .arg(
                "column",
                format!("{}.{}", table.display_name(), column.name),
            )
            .arg("qualifier", qualifier.clone()),
    )
}

/// A reset flag of the table, and the rows to set it on.
pub(super) struct Reset<'a> {
    pub(super) dialect: Dialect,
    pub(super) flag: &'a Column,
    pub(super) rows: RowSet,
}

/// Clear passwords are compromised, and SQL cannot compute the hash that should replace them:
/// blanking the column would lock the users out without telling them why. The steps are shown
/// as comments for the application's team: force a reset of the accounts the finding counts.
/// When the table has a reset flag (`must_change_password`), the proposal sets it on exactly
/// those rows, to be reviewed: the password column itself is never touched.
pub(super) fn fix(
    header: String,
    column: &Column,
    f: &Finding,
    reset: Option<&Reset<'_>>,
) -> Remediation {
    let steps = format!(
        "{header}\n\
         passwords stored in clear, {count} account(s): no SQL can hash them, and blanking {column} would lock the\n\
         users out without a word. For the application's team:\n\
         1. Hash every password the application stores from now on (Argon2id, scrypt, bcrypt or PBKDF2).\n\
         2. Force a password reset of these accounts: invalidate their sessions, mark them so the next\n\
         \x20  login requires the reset, and tell the users (their passwords may have leaked: RGPD art. 33/34).\n\
         3. When each account has a hash, replace the clear value with it in the application, then run vigie again.\n\
         The accounts: the finding's sample keys; its query in the JSON report lists them all.\n\
         legal reference: {}",
        f.legal_reference,
        count = f.count,
        column = column.name,
    );
    match reset {
        Some(r) => {
            let mut header: Vec<String> = steps.lines().map(str::to_string).collect();
            header.push(format!(
                "Step 2 in SQL: sets {} on these rows so the next login requires a new password; {} is left as is.",
                r.flag.name, column.name
            ));
            let on = match r.dialect {
                Dialect::Sqlite => "1",
                _ => "TRUE",
            };
            Remediation {
                sql: crate::dialect::remediation::render(
                    r.dialect,
                    &header,
                    &r.rows,
                    &Action::Anonymise(vec![(r.flag.name.clone(), on.to_string())]),
                    f.count,
                ),
                applicability: Applicability::Review,
            }
        }
        None => Remediation {
            sql: steps.lines().map(|l| format!("-- {l}\n")).collect(),
            applicability: Applicability::DisplayOnly,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(nullable: bool) -> (Table, Column) {
        let column = Column {
            name: "mot_de_passe".into(),
            data_type: "text".into(),
            nullable,
            ..Column::default()
        };
        let table = Table {
            name: "utilisateurs".into(),
            columns: vec![column.clone()],
            primary_key: vec!["id".into()],
            ..Table::default()
        };
        (table, column)
    }

    #[test]
    fn the_message_counts_the_passwords_in_clear() {
        let (table, column) = users(true);
        assert_eq!(
            finding(1, &table, &column, &"".into()).message,
            "1 password of utilisateurs.mot_de_passe stored in clear: no known hash format"
        );
        assert_eq!(
            finding(3, &table, &column, &"".into()).message,
            "3 passwords of utilisateurs.mot_de_passe stored in clear: no known hash format"
        );
    }

    #[test]
    fn the_fix_forces_a_reset_and_never_blanks_the_passwords() {
        for nullable in [true, false] {
            let (table, column) = users(nullable);
            let mut f = finding(2, &table, &column, &"".into());
            f.count = 2;
            let fix = fix("rule: password-plaintext".into(), &column, &f, None);
            assert_eq!(fix.applicability, Applicability::DisplayOnly);
            assert!(fix.sql.contains("rule: password-plaintext"), "{}", fix.sql);
            assert!(fix.sql.contains("Force a password reset"), "{}", fix.sql);
            assert!(
                fix.sql.lines().all(|l| l.starts_with("-- ")),
                "comments only:\n{}",
                fix.sql
            );
            assert!(!fix.sql.contains("UPDATE"), "{}", fix.sql);
        }
    }
}
