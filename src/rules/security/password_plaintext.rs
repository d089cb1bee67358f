//! `password-plaintext`: passwords stored in clear, in a column named for passwords or whose
//! sampled values are password hashes.
//!
//! This unit plans the one grouped count per password column (`passwords.rs`) that answers
//! `password-weak-hash` too; a value that matches no known hash format is in clear.

use super::passwords::{PasswordCheck, password_column};
use crate::catalog::{Column, Table};
use crate::check::CheckKind;
use crate::dialect::Dialect;
use crate::dialect::remediation::{self, Action, RowSet};
use crate::finding::{Applicability, Finding, Remediation};
use crate::rules::{Planner, Rule, RuleId};

pub struct PasswordPlaintext;

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
                    max_keys: p.max_keys,
                    purpose: crate::rules::columns::purpose_of(p, table, &column.name),
                };
                p.push(
                    format!("password:{}.{}", table.qualified_name(), column.name),
                    &[RuleId::PasswordPlaintext, RuleId::PasswordWeakHash],
                    CheckKind::Probe(Box::new(check)),
                );
            }
        }
    }
}

/// The finding for `count` passwords of a column in clear, at the rule's default severity.
pub(super) fn finding(count: u64, table: &Table, column: &Column) -> Finding {
    let s = if count == 1 { "" } else { "s" };
    crate::rules::finding(
        RuleId::PasswordPlaintext,
        format!(
            "{count} password{s} of {}.{} stored in clear: no known hash format",
            table.display_name(),
            column.name
        ),
    )
}

/// Clear passwords are compromised: invalidate them (the rows `predicate` selects) so the
/// users go through a reset.
pub(super) fn fix(
    d: Dialect,
    header: String,
    table: &Table,
    column: &Column,
    f: &Finding,
    predicate: &str,
) -> Remediation {
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
    Remediation {
        sql: remediation::render(
            d,
            &header,
            &rows,
            &Action::Anonymise(vec![(column.name.clone(), null.to_string())]),
            f.count,
        ),
        applicability: Applicability::Review,
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
            finding(1, &table, &column).message,
            "1 password of utilisateurs.mot_de_passe stored in clear: no known hash format"
        );
        assert_eq!(
            finding(3, &table, &column).message,
            "3 passwords of utilisateurs.mot_de_passe stored in clear: no known hash format"
        );
    }

    #[test]
    fn the_fix_invalidates_the_passwords_for_review() {
        for (nullable, value) in [(true, "NULL"), (false, "''")] {
            let (table, column) = users(nullable);
            let mut f = finding(2, &table, &column);
            f.count = 2;
            let fix = fix(
                Dialect::Postgres,
                "rule: password-plaintext".into(),
                &table,
                &column,
                &f,
                "(x) = 'plaintext'",
            );
            assert_eq!(fix.applicability, Applicability::Review);
            assert!(fix.sql.contains("rule: password-plaintext"), "{}", fix.sql);
            assert!(fix.sql.contains("password reset"), "{}", fix.sql);
            assert!(
                fix.sql.contains(&format!("\"mot_de_passe\" = {value}")),
                "{}",
                fix.sql
            );
        }
    }
}
