//! Planning on a catalog built in memory, for the rule files' tests: a policy's text and a
//! few tables in, the checks and the number of policy problems out. No database.

use crate::catalog::{Catalog, Column, Table};
use crate::check::{Check, CheckKind, CountCheck};
use crate::dialect::Dialect;
use crate::rules::{Planner, plan};

/// A table whose columns are `(name, type, nullable)`, keyed by `id`.
pub fn table(name: &str, columns: &[(&str, &str, bool)]) -> Table {
    Table {
        name: name.into(),
        columns: columns
            .iter()
            .map(|(n, t, nullable)| Column {
                name: (*n).into(),
                data_type: (*t).into(),
                nullable: *nullable,
                ..Column::default()
            })
            .collect(),
        primary_key: vec!["id".into()],
        ..Table::default()
    }
}

/// Every check planned for `policy` on `tables` (PostgreSQL, as of 2026-11-23), and the
/// policy problems planning recorded.
pub fn planned(policy: &str, tables: Vec<Table>) -> (Vec<Check>, usize) {
    let policy = crate::policy::load_str("policy.toml", policy, Dialect::Postgres)
        .unwrap_or_else(|e| panic!("{}", crate::policy::diagnostic::render_plain(&e)));
    let catalog = Catalog {
        tables,
        ..Catalog::default()
    };
    let as_of = crate::timefmt::parse_as_of("2026-11-23").expect("as-of");
    let mut p = Planner::new(&policy, &catalog, Dialect::Postgres, as_of, 10);
    plan(&mut p);
    (p.checks, p.problems.list.len())
}

/// The check with this id.
pub fn check<'c>(checks: &'c [Check], id: &str) -> &'c Check {
    checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}"))
}

/// The count query of a check.
pub fn count<'c>(checks: &'c [Check], id: &str) -> &'c CountCheck {
    match &check(checks, id).kind {
        CheckKind::Count(c) => c,
        _ => panic!("{id} is not a count"),
    }
}

/// The ids of the checks that may yield `rule`, in planning order.
pub fn ids_of(checks: &[Check], rule: &str) -> Vec<String> {
    checks
        .iter()
        .filter(|c| c.rules.iter().any(|r| r == rule))
        .map(|c| c.id.clone())
        .collect()
}
