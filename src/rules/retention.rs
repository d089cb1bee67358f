//! Retention: rows kept past their purpose's duration, rows whose age cannot be known, and
//! personal-data tables with no retention at all.
//!
//! "Kept more than `keep`" means the anchor is strictly before as-of minus `keep` in
//! calendar units: a row exactly `keep` old is not yet a violation. With
//! `then = "anonymise"`, a row whose listed columns are already blank is no longer counted,
//! so applying the proposed remediation makes the next scan clean.
//!
//! `retention-above-reference` reads the policy only: a declared `keep` is compared with the
//! built-in reference its `reference = "cnil:…"` cites, as two cutoffs from the scan's as-of
//! date, so `36mo` and `3y` are equal and a calendar month is never approximated as 30 days.

use super::Planner;
use super::RuleId;
use crate::catalog::{Table, TypeClass};
use crate::check::{CheckKind, CountCheck, Fix};
use crate::dialect::remediation::{Action, RowSet};
use crate::finding::Applicability;
use crate::policy::{Retention, Then};
use std::collections::BTreeSet;

pub fn plan(p: &mut Planner<'_>) {
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
            match plan_one(p, &purpose.id.value, r) {
                Ok((exceeded, missing)) => {
                    p.push(
                        id(RuleId::RetentionExceeded),
                        &[RuleId::RetentionExceeded],
                        CheckKind::Count(exceeded),
                    );
                    p.push(
                        id(RuleId::RetentionAnchorMissing),
                        &[RuleId::RetentionAnchorMissing],
                        CheckKind::Count(missing),
                    );
                }
                Err(why) => {
                    p.push(
                        id(RuleId::RetentionExceeded),
                        &[RuleId::RetentionExceeded],
                        CheckKind::Broken(why.clone()),
                    );
                    p.push(
                        id(RuleId::RetentionAnchorMissing),
                        &[RuleId::RetentionAnchorMissing],
                        CheckKind::Broken(why),
                    );
                }
            }
        }
    }
    plan_undeclared(p);
    plan_above_reference(p);
}

/// The predicate that keeps only rows still holding personal data under `then = "anonymise"`.
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

fn plan_one(
    p: &mut Planner<'_>,
    purpose: &str,
    r: &Retention,
) -> Result<(CountCheck, CountCheck), String> {
    let d = p.dialect;
    let table = p.table(&r.table)?;
    let anchor = p.column(table, &r.from)?;
    for c in &r.anonymise {
        p.column(table, c)?;
    }
    let anchor_col = d.col("t", &anchor.name);
    let class = anchor.type_class();
    let (tok, lit) = p.as_of_tokens();
    let extra = {
        let mut parts = Vec::new();
        if let Some(w) = &r.where_ {
            parts.push(format!("({})", w.value));
        }
        if let Some(n) = not_anonymised(p, table, r) {
            parts.push(n);
        }
        parts
    };
    let with_extra = |base: String| {
        let mut all = vec![base];
        all.extend(extra.iter().cloned());
        all.join(" AND ")
    };
    let exceeded = |as_of: &str| {
        with_extra(format!(
            "{} < {}",
            d.date_value(&anchor_col, class),
            d.instant_minus(as_of, &r.keep)
        ))
    };
    let missing = with_extra(d.date_missing(&anchor_col, class));
    let from = p.from(table, "t");

    // A `cnil:<id>` reference (or a `keep` that adopts one) is shown with its source.
    let reference = r
        .cited_reference
        .as_ref()
        .map(|c| c.reference)
        .or(r.keep_reference)
        .map(|rf| format!("{} ({})", rf.name(), rf.source))
        .or_else(|| r.reference.clone());
    let mut header = vec![
        format!(
            "rule: retention-exceeded | purpose: {purpose} | table: {}",
            table.display_name()
        ),
        format!(
            "rows kept more than {} after {} (as of {}), then {}",
            r.keep,
            anchor.name,
            p.as_of,
            r.then.as_str()
        ),
    ];
    if let Some(reference) = &reference {
        header.push(format!("policy reference: {reference}"));
    }
    let action = match r.then {
        Then::Delete => Action::Delete,
        Then::Archive => Action::Archive,
        Then::Anonymise => Action::Anonymise(
            r.anonymise
                .iter()
                .map(|c| (c.value.clone(), anonymised_value(table, &c.value)))
                .collect(),
        ),
    };
    let mut template = p.finding(
        RuleId::RetentionExceeded,
        Some(purpose),
        Some(table),
        format!(
            "{{count}} row{{s}} of {} kept more than {} after {}",
            table.display_name(),
            r.keep,
            anchor.name
        ),
    );
    if let Some(reference) = &reference {
        template.legal_reference = format!("{}; {reference}", template.legal_reference);
    }
    let fix = Fix::Rows {
        header,
        rows: RowSet {
            schema: table.schema.clone(),
            table: table.name.clone(),
            key: table.primary_key.clone(),
            predicate: exceeded(&lit),
        },
        action,
        applicability: Applicability::Review,
    };
    let exceeded_check = CountCheck {
        sql: p.count_sql(table, "t", &from, &exceeded(&tok)),
        display_sql: p.count_sql(table, "t", &from, &exceeded(&lit)),
        uses_as_of: true,
        template,
        fix: Some(fix),
    };
    let missing_template = p.finding(
        RuleId::RetentionAnchorMissing,
        Some(purpose),
        Some(table),
        format!(
            "{{count}} row{{s}} of {} with no usable {}: retention cannot be computed",
            table.display_name(),
            anchor.name
        ),
    );
    let sql = p.count_sql(table, "t", &from, &missing);
    let missing_check = CountCheck {
        display_sql: sql.clone(),
        sql,
        uses_as_of: false,
        template: missing_template,
        fix: None,
    };
    Ok((exceeded_check, missing_check))
}

/// NULL where the column allows it, else an empty or zero value of its type.
fn anonymised_value(table: &Table, column: &str) -> String {
    match table.column(column) {
        Some(c) if !c.nullable => match c.type_class() {
            TypeClass::Text => "''".into(),
            TypeClass::Integer | TypeClass::Decimal | TypeClass::Boolean => "0".into(),
            _ => "NULL".into(),
        },
        _ => "NULL".into(),
    }
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
            if let Some((t, _)) = d.value.rsplit_once('.') {
                add(t);
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

fn plan_undeclared(p: &mut Planner<'_>) {
    let policy = p.policy;
    let mut covered = BTreeSet::new();
    for purpose in &policy.purposes {
        for r in &purpose.retention {
            if let Some(t) = p.catalog.find_table(&r.table.value) {
                covered.insert(t.qualified_name());
            }
        }
    }
    let mut findings = Vec::new();
    for name in personal_tables(p) {
        if covered.contains(&name) {
            continue;
        }
        let Some(table) = p.catalog.find_table(&name) else {
            continue;
        };
        let rows = table
            .row_estimate
            .map(|n| format!(" (about {n} rows)"))
            .unwrap_or_default();
        let mut f = p.finding(
            RuleId::RetentionUndeclared,
            None,
            Some(table),
            format!(
                "table {} holds personal data{rows} but no purpose declares its retention",
                table.display_name()
            ),
        );
        f.count = 1;
        f.remediation = Some(crate::finding::Remediation {
            sql: format!(
                "-- Declare how long {} is kept, in the purpose that uses it:\n-- [[purpose.retention]]\n-- table = \"{}\"\n-- keep = \"…\"\n-- from = \"…\"\n",
                table.display_name(),
                table.display_name()
            ),
            applicability: Applicability::DisplayOnly,
        });
        findings.push(f);
    }
    p.push(
        RuleId::RetentionUndeclared.to_string(),
        &[RuleId::RetentionUndeclared],
        CheckKind::Catalog(findings),
    );
}

/// `as_of - keep` as a civil date, for comparing durations the way the checks apply them.
fn cutoff(
    as_of: jiff::Timestamp,
    keep: &crate::policy::duration::Duration,
) -> Option<jiff::civil::Date> {
    let date = as_of.to_zoned(jiff::tz::TimeZone::UTC).date();
    let span = jiff::Span::new()
        .try_years(keep.years)
        .and_then(|s| s.try_months(keep.months))
        .and_then(|s| s.try_weeks(keep.weeks))
        .and_then(|s| s.try_days(keep.days))
        .ok()?;
    date.checked_sub(span).ok()
}

fn plan_above_reference(p: &mut Planner<'_>) {
    let mut findings = Vec::new();
    for purpose in &p.policy.purposes {
        for r in &purpose.retention {
            let Some(cited) = &r.cited_reference else {
                continue;
            };
            let reference = cited.reference;
            // Adopting the cited reference's own duration cannot exceed it; a lower bound is
            // not a ceiling.
            if reference.minimum || r.keep_reference.is_some_and(|k| k.id == reference.id) {
                continue;
            }
            let (Some(declared), Some(limit)) =
                (cutoff(p.as_of, &r.keep), cutoff(p.as_of, &reference.keep))
            else {
                continue;
            };
            if declared >= limit {
                continue;
            }
            let table = p.catalog.find_table(&r.table.value);
            let mut f = p.finding(
                RuleId::RetentionAboveReference,
                Some(&purpose.id.value),
                table,
                format!(
                    "keep {} is longer than {} ({}: {})",
                    r.keep,
                    reference.name(),
                    reference.keep,
                    reference.title
                ),
            );
            if f.table.is_none() {
                f.table = Some(r.table.value.clone());
            }
            f.count = 1;
            f.legal_reference = format!("{}; {}", f.legal_reference, reference.source);
            f.remediation = Some(crate::finding::Remediation {
                sql: format!(
                    "-- retention-above-reference | purpose: {} | table: {}\n-- A policy change, no SQL: in the [[purpose.retention]] of {}, either adopt the reference\n--   keep = \"{}\"\n-- or keep {} and record why in a [[waiver]] with a reason and an expiry.\n",
                    purpose.id.value,
                    r.table.value,
                    r.table.value,
                    reference.name(),
                    r.keep
                ),
                applicability: Applicability::DisplayOnly,
            });
            findings.push(f);
        }
    }
    p.push(
        RuleId::RetentionAboveReference.to_string(),
        &[RuleId::RetentionAboveReference],
        CheckKind::Catalog(findings),
    );
}
