//! Rights: the register of data-subject requests, checked against art. 12.3's deadline.
//!
//! The deadline is `received_at` plus one calendar month, or three when the `extended` column
//! is true (NULL or false: not extended). A request answered on its deadline is in time.
//! Each rule is its own unit (`overdue.rs`, `answered_late.rs`); this module reads the
//! register's columns and writes the deadline once for both.

pub mod answered_late;
pub mod overdue;

pub use answered_late::RequestAnsweredLate;
pub use overdue::RequestOverdue;

use super::Planner;
use crate::catalog::Table;
use crate::policy::duration::Duration;

/// The register as SQL: its table and the expressions both rules compare.
struct Register<'a> {
    table: &'a Table,
    /// When the request was received, as a date value.
    received: String,
    /// When it was answered, as a date value.
    answered: String,
    /// The answer date is NULL or unusable.
    unanswered: String,
    /// Received plus one month, or three when extended.
    deadline: String,
}

/// Resolve the policy's `[requests]` against the catalog; `None` when the policy has none.
fn register<'a>(p: &mut Planner<'a>) -> Option<Result<Register<'a>, crate::i18n::Message>> {
    let r = p.policy.requests.as_ref()?;
    Some((|| {
        let d = p.dialect;
        let table = p.table(&r.table)?;
        let received = p.column(table, &r.received_at)?;
        let answered = p.column(table, &r.answered_at)?;
        let extended = match &r.extended {
            Some(e) => Some(p.column(table, e)?),
            None => None,
        };
        let rcol = d.col("t", &received.name);
        let acol = d.col("t", &answered.name);
        let month = Duration {
            months: 1,
            ..Duration::default()
        };
        let three = Duration {
            months: 3,
            ..Duration::default()
        };
        let deadline = match extended {
            Some(e) => format!(
                "(CASE WHEN {} THEN {} ELSE {} END)",
                d.is_true(&d.col("t", &e.name), e.type_class()),
                d.date_plus(&rcol, received.type_class(), &three),
                d.date_plus(&rcol, received.type_class(), &month)
            ),
            None => d.date_plus(&rcol, received.type_class(), &month),
        };
        Ok(Register {
            table,
            received: d.date_value(&rcol, received.type_class()),
            answered: d.date_value(&acol, answered.type_class()),
            unanswered: d.date_missing(&acol, answered.type_class()),
            deadline,
        })
    })())
}

/// Plan one rule's count over the register: the rows where `predicate(register, now)` holds,
/// `now` being the as-of instant (bound when run, a literal when shown); the message names the
/// table. Without `[requests]` nothing is planned; a register the catalog lacks breaks the check.
fn plan_count(
    p: &mut Planner<'_>,
    rule: super::RuleId,
    message: &str,
    predicate: impl Fn(&Register<'_>, &str) -> String,
) {
    let kind = match register(p) {
        None => return,
        Some(Err(why)) => crate::check::CheckKind::Broken(why),
        Some(Ok(reg)) => {
            let d = p.dialect;
            let from = p.from(reg.table, "t");
            let (tok, lit) = p.as_of_tokens();
            let sql = |as_of: &str| {
                p.count_sql(reg.table, "t", &from, &predicate(&reg, &d.instant(as_of)))
            };
            crate::check::CheckKind::Count(crate::check::CountCheck {
                sql: sql(&tok),
                display_sql: sql(&lit),
                uses_as_of: true,
                template: p.finding(
                    rule,
                    None,
                    Some(reg.table),
                    crate::rules::msg(message).arg("table", reg.table.display_name()),
                ),
                fix: None,
            })
        }
    };
    p.push(rule.to_string(), &[rule], kind);
}
