//! `password-unknown-format`: values of a password column that match no known format but look
//! generated rather than chosen (a [`crate::text::passwords::TOKEN`]: 20 characters or more of
//! printable ASCII, no space, mixed classes). They may be a hash vigie does not know, a
//! reversible encryption, or a random secret stored in clear: only the application's code says.
//!
//! Its findings come from the grouped count per password column that
//! [`super::PasswordPlaintext`] plans (`passwords.rs`); this unit plans nothing.

use crate::catalog::{Column, Table};
use crate::finding::{Applicability, Finding, Remediation};
use crate::rules::{Rule, RuleId};

pub struct PasswordUnknownFormat;

impl Rule for PasswordUnknownFormat {
    fn id(&self) -> RuleId {
        RuleId::PasswordUnknownFormat
    }
}

/// The finding for `count` values of a column of no known format.
pub(super) fn finding(
    count: u64,
    table: &Table,
    column: &Column,
    qualifier: &crate::i18n::Arg,
) -> Finding {
    crate::rules::finding(
        RuleId::PasswordUnknownFormat,
        crate::rules::msg("password-unknown-format")
            .arg("count", count)
            .arg(
                "column",
                format!("{}.{}", table.display_name(), column.name),
            )
            .arg("qualifier", qualifier.clone()),
    )
}

/// Nothing to run: the question is for the application's team.
pub(super) fn fix(header: String, f: &Finding) -> Remediation {
    Remediation {
        sql: format!(
            "-- {header}\n\
             -- {count} value(s) look generated but match no password format vigie knows: verify how they were produced.\n\
             -- 1. Find the code that writes the column (the framework's password hasher, a custom function).\n\
             -- 2. A salted, slow function (Argon2id, scrypt, bcrypt >= 10, PBKDF2-HMAC-SHA256 >= 600,000\n\
             --    iterations): record it in the policy's notes; nothing else to do.\n\
             -- 3. A fast hash (MD5, SHA-1, SHA-2, even salted) or a reversible encryption: migrate at each\n\
             --    login to Argon2id, and force a reset of the accounts that do not log in (see password-weak-hash).\n\
             -- 4. A random secret stored as is (an API key, a token): store its hash, not the secret.\n\
             -- Nothing is changed by this script: no statement to run.\n",
            count = f.count
        ),
        applicability: Applicability::DisplayOnly,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_asks_to_verify_and_the_fix_runs_nothing() {
        let column = Column {
            name: "password".into(),
            ..Column::default()
        };
        let table = Table {
            name: "users".into(),
            ..Table::default()
        };
        let mut f = finding(2, &table, &column, &"".into());
        assert_eq!(
            f.message,
            "2 passwords of users.password in no known format, structured and high-entropy: verify how they were produced"
        );
        f.count = 2;
        let fix = fix("rule: password-unknown-format".into(), &f);
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert!(fix.sql.lines().all(|l| l.starts_with("-- ")), "{}", fix.sql);
    }
}
