//! `password-weak-hash`: passwords stored with a fast or unsalted hash (high severity), or a
//! salted one below today's parameters (medium).
//!
//! Its findings come from the grouped count per password column that
//! [`super::PasswordPlaintext`] plans (`passwords.rs`); this unit plans nothing.

use crate::catalog::{Column, Table};
use crate::finding::{Applicability, Finding, Remediation, Severity};
use crate::rules::{Rule, RuleId};
use crate::text::passwords::{Verdict, format};

pub struct PasswordWeakHash;

impl Rule for PasswordWeakHash {
    fn id(&self) -> RuleId {
        RuleId::PasswordWeakHash
    }
}

/// A format this rule flags: its severity and its words for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Weak {
    severity: Severity,
    id: &'static str,
}

/// Whether this rule flags the format with this id: recoverable by brute force from a leak
/// (high), or to migrate (medium). `None` for a sound format or an unknown id.
pub(super) fn flagged(id: &str) -> Option<Weak> {
    let f = format(id)?;
    let severity = match f.verdict {
        Verdict::Weak => Severity::High,
        Verdict::Warn => Severity::Medium,
        Verdict::Ok | Verdict::Unknown | Verdict::Plaintext => return None,
    };
    Some(Weak { severity, id: f.id })
}

/// The finding for `count` passwords of a column hashed with a flagged format.
pub(super) fn finding(
    count: u64,
    table: &Table,
    column: &Column,
    qualifier: &crate::i18n::Arg,
    weak: Weak,
) -> Finding {
    let mut f = crate::rules::finding(
        RuleId::PasswordWeakHash,
        crate::rules::msg("password-weak-hash")
            .arg("count", count)
            .arg(
                "column",
                format!("{}.{}", table.display_name(), column.name),
            )
            .arg("qualifier", qualifier.clone())
            .arg(
                "format",
                crate::i18n::Message::keyed("password-format", weak.id),
            ),
    );
    f.severity = weak.severity;
    f
}

/// SQL cannot compute a password hash: the migration is shown, to be done in the application.
pub(super) fn fix(header: String, f: &Finding) -> Remediation {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_hashes_are_high_slow_ones_below_par_medium_sound_ones_not_flagged() {
        assert_eq!(flagged("md5-hex").map(|w| w.severity), Some(Severity::High));
        assert_eq!(
            flagged("bcrypt-low-cost").map(|w| w.severity),
            Some(Severity::Medium)
        );
        for sound in ["argon2", "bcrypt", "scrypt", "pbkdf2", "none", "plaintext"] {
            assert_eq!(flagged(sound), None, "{sound}");
        }
    }

    #[test]
    fn the_finding_names_the_format_and_takes_its_severity() {
        let column = Column {
            name: "password".into(),
            ..Column::default()
        };
        let table = Table {
            name: "users".into(),
            ..Table::default()
        };
        let weak = flagged("bcrypt-low-cost").expect("flagged");
        let f = finding(2, &table, &column, &"".into(), weak);
        assert_eq!(
            f.message,
            "2 passwords of users.password stored as bcrypt with a cost below 10"
        );
        assert_eq!(f.severity, Severity::Medium);
    }

    #[test]
    fn the_fix_is_a_migration_to_read_not_sql_to_run() {
        let mut f = crate::rules::finding(RuleId::PasswordWeakHash, crate::rules::msg("custom"));
        f.category = Some("md5-hex".into());
        let fix = fix("rule: password-weak-hash".into(), &f);
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert!(fix.sql.starts_with("-- rule: password-weak-hash\n"));
        assert!(fix.sql.contains("the count of md5-hex shows what is left"));
        assert!(fix.sql.lines().all(|l| l.starts_with("--")));
    }
}
