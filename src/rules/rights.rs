//! Rights: the register of data-subject requests, checked against art. 12.3's deadline.
//!
//! The deadline is `received_at` plus one calendar month, or three when the `extended` column
//! is true (NULL or false: not extended). A request answered on its deadline is in time.
//! `request-overdue`: received on or before as-of, not answered at as-of, deadline passed.
//! `request-answered-late`: answered on or before as-of, after its deadline.

use super::Planner;
use super::RuleId;
use crate::check::{CheckKind, CountCheck};
use crate::policy::Requests;
use crate::policy::duration::Duration;

pub fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    let Some(r) = &policy.requests else { return };
    match build(p, r) {
        Ok((overdue, late)) => {
            p.push(
                RuleId::RequestOverdue.to_string(),
                &[RuleId::RequestOverdue],
                CheckKind::Count(overdue),
            );
            p.push(
                RuleId::RequestAnsweredLate.to_string(),
                &[RuleId::RequestAnsweredLate],
                CheckKind::Count(late),
            );
        }
        Err(why) => {
            p.push(
                RuleId::RequestOverdue.to_string(),
                &[RuleId::RequestOverdue],
                CheckKind::Broken(why.clone()),
            );
            p.push(
                RuleId::RequestAnsweredLate.to_string(),
                &[RuleId::RequestAnsweredLate],
                CheckKind::Broken(why),
            );
        }
    }
}

fn build(p: &mut Planner<'_>, r: &Requests) -> Result<(CountCheck, CountCheck), String> {
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
    let rv = d.date_value(&rcol, received.type_class());
    let av = d.date_value(&acol, answered.type_class());
    let a_missing = d.date_missing(&acol, answered.type_class());
    let overdue = |as_of: &str| {
        let now = d.instant(as_of);
        format!("{rv} <= {now} AND ({a_missing} OR {av} > {now}) AND {deadline} < {now}")
    };
    let late = |as_of: &str| {
        let now = d.instant(as_of);
        format!("{av} <= {now} AND {av} > {deadline}")
    };
    let from = p.from(table, "t");
    let (tok, lit) = p.as_of_tokens();
    let name = table.display_name();
    let overdue_check = CountCheck {
        sql: p.count_sql(table, "t", &from, &overdue(&tok)),
        display_sql: p.count_sql(table, "t", &from, &overdue(&lit)),
        uses_as_of: true,
        template: p.finding(
            RuleId::RequestOverdue,
            None,
            Some(table),
            format!("{{count}} request{{s}} in {name} unanswered past the deadline (1 month, 3 if extended)"),
        ),
        fix: None,
    };
    let late_check = CountCheck {
        sql: p.count_sql(table, "t", &from, &late(&tok)),
        display_sql: p.count_sql(table, "t", &from, &late(&lit)),
        uses_as_of: true,
        template: p.finding(
            RuleId::RequestAnsweredLate,
            None,
            Some(table),
            format!("{{count}} request{{s}} in {name} answered after the deadline"),
        ),
        fix: None,
    };
    Ok((overdue_check, late_check))
}
