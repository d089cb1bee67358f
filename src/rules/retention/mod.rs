//! Retention: rows kept past their purpose's duration, rows whose age cannot be known, and
//! personal-data tables with no retention at all.
//!
//! Each rule is its own unit (`exceeded.rs`, `anchor_missing.rs`, `undeclared.rs`,
//! `above_reference.rs`). This module resolves a `[[purpose.retention]]` against the catalog
//! once for the two count rules, names their checks, and lists the tables that hold personal
//! data (`retention-undeclared` and the access rules read it).

pub mod above_reference;
pub mod anchor_missing;
pub mod exceeded;
pub mod undeclared;

pub use above_reference::RetentionAboveReference;
pub use anchor_missing::RetentionAnchorMissing;
pub use exceeded::RetentionExceeded;
pub use undeclared::RetentionUndeclared;

use super::Planner;
use super::RuleId;
use crate::catalog::{Column, Table, TypeClass};
use crate::check::CheckKind;
use crate::policy::{Retention, Then};
use std::collections::BTreeSet;

/// One `[[purpose.retention]]` resolved against the catalog: what the `retention-exceeded`
/// and `retention-anchor-missing` counts share.
struct Resolved<'a> {
    purpose: &'a str,
    retention: &'a Retention,
    table: &'a Table,
    anchor: &'a Column,
    /// The anchor column, aliased `t`.
    anchor_col: String,
    class: TypeClass,
    /// The entry's `where` and, under `then = "anonymise"`, "not yet anonymised".
    extra: Vec<String>,
    /// The table, aliased `t`.
    from: String,
}

impl Resolved<'_> {
    /// `base` and every extra condition of the entry.
    fn with_extra(&self, base: String) -> String {
        let mut all = vec![base];
        all.extend(self.extra.iter().cloned());
        all.join(" AND ")
    }
}

/// Plan the two count checks of every retention entry, in one pass: for each entry,
/// `retention-exceeded` then `retention-anchor-missing`, so the checks and the policy problems
/// the resolution records keep their order. A check id is `<rule>:<purpose>:<table>`, with
/// `#<n>` (the entry's position) when the purpose lists the table more than once.
fn plan_counts(p: &mut Planner<'_>) {
    let policy = p.policy;
    for purpose in &policy.purposes {
        for (i, r) in purpose.retention.iter().enumerate() {
            let suffix = if purpose.retention[..i]
                .iter()
                .any(|o| o.table.value == r.table.value)
            {
                format!("#{}", i + 1)
            } else {
                String::new()
            };
            let id =
                |rule: RuleId| format!("{rule}:{}:{}{suffix}", purpose.id.value, r.table.value);
            let (exceeded, missing) = match resolve(p, &purpose.id.value, r) {
                Ok(entry) => (
                    CheckKind::Count(exceeded::check(p, &entry)),
                    CheckKind::Count(anchor_missing::check(p, &entry)),
                ),
                Err(why) => (CheckKind::Broken(why.clone()), CheckKind::Broken(why)),
            };
            p.push(
                id(RuleId::RetentionExceeded),
                &[RuleId::RetentionExceeded],
                exceeded,
            );
            p.push(
                id(RuleId::RetentionAnchorMissing),
                &[RuleId::RetentionAnchorMissing],
                missing,
            );
        }
    }
}

/// Resolve an entry's table, anchor and anonymised columns, recording a problem for the
/// first that does not exist.
fn resolve<'a>(
    p: &mut Planner<'a>,
    purpose: &'a str,
    r: &'a Retention,
) -> Result<Resolved<'a>, crate::i18n::Message> {
    let d = p.dialect;
    let table = p.table(&r.table)?;
    let anchor = p.column(table, &r.from)?;
    for c in &r.anonymise {
        p.column(table, c)?;
    }
    let mut extra = Vec::new();
    if let Some(w) = &r.where_ {
        extra.push(format!("({})", w.value));
    }
    if let Some(n) = not_anonymised(p, table, r) {
        extra.push(n);
    }
    Ok(Resolved {
        purpose,
        retention: r,
        table,
        anchor,
        anchor_col: d.col("t", &anchor.name),
        class: anchor.type_class(),
        extra,
        from: p.from(table, "t"),
    })
}

/// The predicate that keeps only rows still holding personal data under `then = "anonymise"`,
/// so applying the proposed remediation makes the next scan clean.
fn not_anonymised(p: &Planner<'_>, table: &Table, r: &Retention) -> Option<String> {
    if r.then != Then::Anonymise || r.anonymise.is_empty() {
        return None;
    }
    let d = p.dialect;
    let parts: Vec<String> = r
        .anonymise
        .iter()
        .map(|c| {
            let col = d.col("t", &c.value);
            format!(
                "NOT {}",
                d.is_blank(&col, Planner::type_of(table, &c.value))
            )
        })
        .collect();
    Some(format!("({})", parts.join(" OR ")))
}

/// Tables that hold personal data according to the policy: subject tables, tables named in
/// a purpose's data, consent and processed tables, the requests register.
pub fn personal_tables(p: &Planner<'_>) -> BTreeSet<String> {
    let policy = p.policy;
    let mut names = BTreeSet::new();
    let mut add = |n: &str| {
        if let Some(t) = p.catalog.find_table(n) {
            names.insert(t.qualified_name());
        }
    };
    for s in &policy.subjects {
        add(&s.table.value);
    }
    for purpose in &policy.purposes {
        for d in &purpose.data {
            if let Some((t, _)) = crate::policy::split_column_reference(&d.value) {
                add(&t);
            }
        }
        if let Some(c) = &purpose.consent {
            add(&c.table.value);
            if let Some(pr) = &c.processed {
                add(&pr.table.value);
            }
        }
    }
    if let Some(r) = &policy.requests {
        add(&r.table.value);
    }
    names
}
