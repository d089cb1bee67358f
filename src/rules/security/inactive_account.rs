//! `inactive-account`: login accounts not used for more than the CNIL's 2 years.
//!
//! An account table is a table with a password column (the one `password-plaintext` and
//! `password-weak-hash` examine); its last-activity columns are found by name
//! (`last_login`, `derniere_connexion`, `last_seen_at`, `lastaccess`, `datelastlogin`…), dates
//! and timestamps, or integers holding Unix seconds as Moodle and Drupal store them. An account
//! is counted when it can still log in (its password is neither NULL nor empty) and every
//! last-activity column it fills is strictly before as-of minus the `cnil:inactive-account`
//! duration; an account that never logged in (every such column empty) is not counted, as
//! nothing says how old it is. One count per table, pushed into SQL, with its sample keys.
//!
//! A `[[purpose.retention]]` anchored on one of those columns already rules the table with the
//! policy's own duration (`retention-exceeded`), so the table is left to it.

use super::passwords::password_column;
use crate::catalog::{Column, Table, TypeClass};
use crate::check::{CheckKind, CountCheck, Fix};
use crate::dialect::Dialect;
use crate::dialect::remediation::{Action, RowSet};
use crate::finding::Applicability;
use crate::policy::duration::Duration;
use crate::rules::references::Reference;
use crate::rules::{Planner, Rule, RuleId};
use crate::text::names::tokenize;

/// Words that say "the latest", and the kinds of activity an account shows.
const LATEST: &[&str] = &["last", "latest", "dernier", "derniere", "recent"];
const ACTIVITY: &[&str] = &[
    "login",
    "logon",
    "signin",
    "connexion",
    "connection",
    "connect",
    "connecte",
    "access",
    "acces",
    "accessed",
    "activity",
    "activite",
    "active",
    "seen",
    "visit",
    "visite",
    "session",
    "used",
    "utilisation",
];
/// Words that make the column about something else: a count, an address, a failure.
const NOT_ACTIVITY: &[&str] = &[
    "count",
    "nb",
    "nombre",
    "ip",
    "ua",
    "agent",
    "failed",
    "failure",
    "echec",
    "attempt",
    "attempts",
    "tentative",
    "tentatives",
    "device",
    "appareil",
    "pays",
    "country",
    "location",
    "id",
    "token",
    "key",
    "hash",
    "by",
    "par",
];

/// Whether a column's name says it holds the account's last activity.
pub fn last_activity_name(name: &str) -> bool {
    let tokens = tokenize(name);
    if tokens.iter().any(|t| NOT_ACTIVITY.contains(&t.as_str())) {
        return false;
    }
    // `last_sign_in_at`, `derniere_connexion`, and glued names: `lastlogin`, `datelastlogin`,
    // `lastvisitDate`. The activity word must come after the "latest" word.
    let joined: String = tokens.concat();
    LATEST.iter().any(|l| {
        joined.match_indices(l).any(|(i, _)| {
            let rest = &joined[i + l.len()..];
            ACTIVITY.iter().any(|a| rest.contains(a))
        })
    }) && !joined.contains("password")
        && !joined.contains("modif")
}

/// The last-activity columns of a table. Dates and timestamps everywhere; integers as Unix
/// seconds; text (and SQLite's untyped columns) where the dialect reads what is not a date as
/// NULL (SQLite's `julianday`, MySQL's cast), not on PostgreSQL, where such a cast fails.
fn activity_columns(table: &Table, dialect: Dialect) -> Vec<&Column> {
    table
        .columns
        .iter()
        .filter(|c| last_activity_name(&c.name))
        .filter(|c| match c.type_class() {
            TypeClass::Date | TypeClass::Timestamp | TypeClass::Integer => true,
            TypeClass::Text | TypeClass::Other => dialect.reads_text_dates(),
            _ => false,
        })
        .collect()
}

pub struct InactiveAccount;

impl Rule for InactiveAccount {
    fn id(&self) -> RuleId {
        RuleId::InactiveAccount
    }

    /// One count per account table, unless a retention rule of the policy rules it.
    fn plan(&self, p: &mut Planner<'_>) {
        let Some(reference) = crate::rules::references::get("inactive-account") else {
            return;
        };
        let catalog = p.catalog;
        let policy = p.policy;
        for table in catalog.tables.iter().filter(|t| !t.view) {
            let Some(password) = table
                .columns
                .iter()
                .find(|c| password_column(&table.name, c))
            else {
                continue;
            };
            let columns = activity_columns(table, p.dialect);
            if columns.is_empty() {
                continue;
            }
            let ruled = policy.purposes.iter().any(|purpose| {
                purpose.retention.iter().any(|r| {
                    catalog
                        .find_table(&r.table.value)
                        .is_some_and(|t| t.qualified_name() == table.qualified_name())
                        && columns
                            .iter()
                            .any(|c| c.name.eq_ignore_ascii_case(&r.from.value))
                })
            });
            if ruled {
                continue;
            }
            let check = plan_table(p, table, password, &columns, reference);
            p.push(
                format!("inactive-account:{}", table.display_name()),
                &[RuleId::InactiveAccount],
                CheckKind::Count(check),
            );
        }
    }
}

fn plan_table(
    p: &Planner<'_>,
    table: &Table,
    password: &Column,
    columns: &[&Column],
    reference: &Reference,
) -> CountCheck {
    let d = p.dialect;
    let keep: &Duration = &reference.keep;
    let (tok, lit) = p.as_of_tokens();
    // Unix seconds at the cutoff (midnight UTC, the same calendar arithmetic as the dates).
    let epoch_cutoff = {
        let date = p.as_of.to_zoned(jiff::tz::TimeZone::UTC).date();
        let span = jiff::Span::new()
            .try_years(keep.years)
            .and_then(|s| s.try_months(keep.months))
            .and_then(|s| s.try_weeks(keep.weeks))
            .and_then(|s| s.try_days(keep.days))
            .ok();
        span.and_then(|s| date.checked_sub(s).ok())
            .and_then(|c| c.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map_or(0, |z| z.timestamp().as_second())
    };
    let predicate = |as_of: &str| {
        let mut old = Vec::new();
        let mut some = Vec::new();
        for c in columns {
            let col = d.col("t", &c.name);
            let class = c.type_class();
            let (missing, before) = if class == TypeClass::Integer {
                (
                    format!("({col} IS NULL OR {col} <= 0)"),
                    format!("{col} < {epoch_cutoff}"),
                )
            } else {
                (
                    d.date_missing(&col, class),
                    format!(
                        "{} < {}",
                        d.date_value(&col, class),
                        d.instant_minus(as_of, keep)
                    ),
                )
            };
            old.push(format!("({missing} OR {before})"));
            some.push(format!("NOT {missing}"));
        }
        let pw = d.col("t", &password.name);
        format!(
            "{} AND ({}) AND NOT {}",
            old.join(" AND "),
            some.join(" OR "),
            d.is_blank(&pw, password.type_class())
        )
    };
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let from = p.from(table, "t");
    let mut template = p.finding(
        RuleId::InactiveAccount,
        None,
        Some(table),
        crate::rules::msg("inactive-account")
            .arg("table", table.display_name())
            .arg("keep", reference.keep.to_string())
            .arg("columns", names.join(", ")),
    );
    template.column = Some(names[0].to_string());
    let fix = Fix::Rows {
        header: vec![
            format!("rule: inactive-account | table: {}", table.display_name()),
            format!(
                "accounts not used for more than {} ({}) as of {}: warn each user first, then delete or anonymise",
                reference.keep,
                names.join(", "),
                p.as_of
            ),
        ],
        rows: RowSet {
            schema: table.schema.clone(),
            table: table.name.clone(),
            key: table.primary_key.clone(),
            predicate: predicate(&lit),
        },
        action: Action::Delete,
        applicability: Applicability::Review,
    };
    CountCheck {
        sql: p.count_sql(table, "t", &from, &predicate(&tok)),
        display_sql: p.count_sql(table, "t", &from, &predicate(&lit)),
        // Unix seconds compare with a literal: the as-of parameter is bound only for dates.
        uses_as_of: columns.iter().any(|c| c.type_class() != TypeClass::Integer),
        template,
        fix: Some(fix),
    }
}

#[cfg(test)]
mod tests {
    use super::last_activity_name;

    #[test]
    fn last_activity_columns_are_named_in_many_ways() {
        for name in [
            "last_login",
            "last_login_at",
            "derniere_connexion",
            "date_derniere_connexion",
            "last_seen_at",
            "lastSeen",
            "lastaccess",
            "lastlogin",
            "datelastlogin",
            "lastvisitDate",
            "last_sign_in_at",
            "last_activity",
            "derniere_activite",
            "dernier_acces",
            "last_used_at",
        ] {
            assert!(last_activity_name(name), "{name}");
        }
        for name in [
            "last_name",
            "lastname",
            "nom",
            "created_at",
            "updated_at",
            "last_modified",
            "last_password_change",
            "last_login_ip",
            "login_count",
            "last_session_id",
            "last_user_id",
            "last_access_token",
            "last_login_by",
            "nb_connexions",
            "failed_login_attempts",
            "derniere_modification",
            "login",
            "session_token",
        ] {
            assert!(!last_activity_name(name), "{name}");
        }
    }
}
