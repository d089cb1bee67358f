//! What the database shows for the record, with `vigie register --url`: the scan of the policy
//! (the same engine, read-only, at one `--as-of` instant), plus the row count of every table a
//! purpose names and the number of minors among the subjects that have a birth date.
//!
//! Counting is one `SELECT count(*)` per table (and one per subject with a birth date) in a
//! read-only session opened after the scan, like the scan's own; a count that fails is shown as
//! unknown, never as zero.

use crate::db::{DbError, Target};
use crate::engine::{Pool, ScanOptions};
use crate::finding::CheckStatus;
use crate::policy::duration::Duration;
use crate::policy::{Policy, Purpose};
use crate::scan::ScanReport;
use std::collections::{BTreeMap, BTreeSet};

/// The database as the record states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Database {
    pub dialect: String,
    pub database: String,
    pub server_version: String,
    pub as_of: jiff::Timestamp,
    /// Personal columns the scan found that no purpose declares.
    pub undeclared: Vec<Undeclared>,
    /// Checks of the scan that could not run: what they would have shown is unknown.
    pub checks_in_error: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undeclared {
    pub column: String,
    pub category: Option<String>,
}

/// One table of a purpose with its rows; `None` when it could not be counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRows {
    pub table: String,
    pub rows: Option<u64>,
}

/// One declared retention measured: rows kept longer than declared; `None` when the check did
/// not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionSeen {
    pub table: String,
    pub keep: Duration,
    pub exceeded: Option<u64>,
}

/// What the database shows for one purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    pub tables: Vec<TableRows>,
    pub retention: Vec<RetentionSeen>,
    /// Columns of the purpose's tables the scan found to hold art. 9 or 10 data.
    pub sensitive_found: Vec<String>,
    /// People under 18 at `--as-of` among the purpose's subjects with a birth date; `None`
    /// when no subject has one or the count failed.
    pub minors: Option<u64>,
    /// Rows of the purpose's subject tables; `None` when it has no subject or one failed.
    pub subject_rows: Option<u64>,
}

/// Everything read from the database.
pub struct Seen {
    pub report: ScanReport,
    pub counts: BTreeMap<String, Option<u64>>,
    pub minors: BTreeMap<String, Option<u64>>,
    pub database: Database,
}

/// The tables a purpose names: its data's, its retentions', its subjects'.
fn purpose_tables(policy: &Policy, p: &Purpose) -> Vec<String> {
    let mut set = BTreeSet::new();
    for d in &p.data {
        if let Some((t, _)) = crate::policy::split_column_reference(&d.value) {
            set.insert(t);
        }
    }
    for r in &p.retention {
        set.insert(r.table.value.clone());
    }
    for s in p.subjects.iter().filter_map(|s| policy.subject(&s.value)) {
        set.insert(s.table.value.clone());
    }
    set.into_iter().collect()
}

/// The adult age the screening counts minors from.
const ADULT: i64 = 18;

/// Scan the database with the policy, then count the rows of each purpose's tables and the
/// minors among subjects with a birth date.
pub fn read(policy: &Policy, target: &Target, opts: &ScanOptions) -> Result<Seen, DbError> {
    let report = crate::engine::scan(policy, target, opts)?;
    let pool = Pool::open(target, 1, opts.limits, &policy.schemas)?;
    let dialect = pool.info.dialect;
    let catalog = pool.catalog.clone();
    let mut tables: BTreeSet<String> = BTreeSet::new();
    for p in &policy.purposes {
        tables.extend(purpose_tables(policy, p));
    }
    enum Item {
        Rows(String),
        Minors(String),
    }
    let mut items: Vec<Item> = tables.iter().cloned().map(Item::Rows).collect();
    for s in &policy.subjects {
        if s.birth_date.is_some() {
            items.push(Item::Minors(s.id.value.clone()));
        }
    }
    let as_of_text = opts.as_of.strftime("%Y-%m-%d %H:%M:%S").to_string();
    let results = pool.run(
        &items,
        |session, item| {
            let sql = match item {
                Item::Rows(t) => catalog.find_table(t).map(|table| {
                    format!(
                        "SELECT count(*) FROM {}",
                        dialect.table_ref(table.schema.as_deref(), &table.name)
                    )
                }),
                Item::Minors(sid) => policy.subject(sid).and_then(|s| {
                    let table = catalog.find_table(&s.table.value)?;
                    let col = table.column(&s.birth_date.as_ref()?.value)?;
                    let age = Duration::years(ADULT);
                    Some(format!(
                        "SELECT count(*) FROM {} t WHERE {} > {}",
                        dialect.table_ref(table.schema.as_deref(), &table.name),
                        dialect.date_plus(&dialect.col("t", &col.name), col.type_class(), &age),
                        dialect.instant(dialect.as_of_placeholder())
                    ))
                }),
            }?;
            let as_of = matches!(item, Item::Minors(_)).then_some(as_of_text.as_str());
            session.count_keys(&sql, as_of).ok().map(|(n, _)| n)
        },
        |_| None,
    );
    let mut counts = BTreeMap::new();
    let mut minors = BTreeMap::new();
    for (item, n) in items.iter().zip(results) {
        match item {
            Item::Rows(t) => counts.insert(t.clone(), n),
            Item::Minors(s) => minors.insert(s.clone(), n),
        };
    }
    // Personal columns outside every purpose: the unused columns the classifier recognised,
    // and the special-category or identifier columns the scan found, when no purpose declares
    // them.
    let declared: BTreeSet<String> = policy
        .purposes
        .iter()
        .flat_map(|p| p.data.iter().map(|d| d.value.to_lowercase()))
        .collect();
    let mut undeclared: Vec<Undeclared> = report
        .findings
        .iter()
        .filter(|f| match f.rule.as_str() {
            "undeclared-column" => f.category.is_some(),
            "sensitive-column" | "identifier-column" | "card-security-code" => true,
            _ => false,
        })
        .filter_map(|f| {
            let column = format!("{}.{}", f.table.as_ref()?, f.column.as_ref()?);
            (!declared.contains(&column.to_lowercase())).then(|| Undeclared {
                column,
                category: f.category.clone(),
            })
        })
        .collect();
    undeclared.sort_by(|a, b| a.column.cmp(&b.column));
    undeclared.dedup();
    let database = Database {
        dialect: report.target.dialect.name().to_string(),
        database: report.target.database.clone(),
        server_version: report.target.server_version.clone(),
        as_of: report.as_of,
        undeclared,
        checks_in_error: report
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Error)
            .count()
            + report.problems.len(),
    };
    Ok(Seen {
        report,
        counts,
        minors,
        database,
    })
}

impl Seen {
    /// What the database shows for purpose `p`.
    pub fn entry(&self, policy: &Policy, p: &Purpose) -> Observed {
        let tables: Vec<TableRows> = purpose_tables(policy, p)
            .into_iter()
            .map(|t| TableRows {
                rows: self.counts.get(&t).copied().flatten(),
                table: t,
            })
            .collect();
        let retention = p
            .retention
            .iter()
            .map(|r| {
                let check = format!("retention-exceeded:{}:{}", p.id.value, r.table.value);
                let ran = self
                    .report
                    .checks
                    .iter()
                    .any(|c| c.id == check && c.status == CheckStatus::Ok);
                let found: u64 = self
                    .report
                    .findings
                    .iter()
                    .filter(|f| {
                        f.rule == "retention-exceeded"
                            && f.purpose.as_deref() == Some(p.id.value.as_str())
                            && f.table
                                .as_deref()
                                .is_some_and(|t| t.eq_ignore_ascii_case(&r.table.value))
                    })
                    .map(|f| f.count)
                    .sum();
                RetentionSeen {
                    table: r.table.value.clone(),
                    keep: r.keep,
                    exceeded: ran.then_some(found),
                }
            })
            .collect();
        let names: Vec<String> = tables.iter().map(|t| t.table.to_lowercase()).collect();
        let mut sensitive_found: Vec<String> = self
            .report
            .findings
            .iter()
            .filter(|f| matches!(f.rule.as_str(), "sensitive-column" | "free-text-sensitive"))
            .filter(|f| {
                f.table
                    .as_deref()
                    .is_some_and(|t| names.contains(&t.to_lowercase()))
            })
            .filter_map(|f| Some(format!("{}.{}", f.table.as_ref()?, f.column.as_ref()?)))
            .collect();
        sensitive_found.sort();
        sensitive_found.dedup();
        let subjects: Vec<&crate::policy::Subject> = p
            .subjects
            .iter()
            .filter_map(|s| policy.subject(&s.value))
            .collect();
        let minors_of: Vec<Option<u64>> = subjects
            .iter()
            .filter(|s| s.birth_date.is_some())
            .map(|s| self.minors.get(&s.id.value).copied().flatten())
            .collect();
        let minors = if minors_of.is_empty() || minors_of.iter().any(Option::is_none) {
            None
        } else {
            Some(minors_of.iter().flatten().sum())
        };
        let subject_tables: BTreeSet<&str> =
            subjects.iter().map(|s| s.table.value.as_str()).collect();
        let subject_rows = if subject_tables.is_empty() {
            None
        } else {
            subject_tables
                .iter()
                .map(|t| self.counts.get(*t).copied().flatten())
                .sum::<Option<u64>>()
        };
        Observed {
            tables,
            retention,
            sensitive_found,
            minors,
            subject_rows,
        }
    }
}
