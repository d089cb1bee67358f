//! What the documents people hand over say, whatever their format: the director's summary (kinds
//! of violation with the rows they concern, the three most important actions), the tallies by
//! severity and purpose, and the words of each finding's section.
//!
//! Markdown and HTML render the same content from these functions, so the two never disagree on
//! a count; each emitter only decides how it looks and escapes what it prints.

use crate::finding::{CheckStatus, Finding, Severity};
use crate::i18n::{Lang, text, tr};
use crate::scan::ScanReport;

/// The families in the order the summary lists them; `custom` holds the policy's own checks.
pub const FAMILIES: [&str; 9] = [
    "retention",
    "consent",
    "minimisation",
    "free-text",
    "security",
    "rights",
    "hygiene",
    "migrations",
    "custom",
];

/// A finding's family: its rule's, or `custom` for a check the policy wrote.
pub fn family_of(f: &Finding) -> &'static str {
    let family = crate::rules::registry()
        .get(&f.rule)
        .map(|r| r.family.as_str())
        .unwrap_or("custom");
    FAMILIES
        .iter()
        .copied()
        .find(|x| *x == family)
        .unwrap_or("custom")
}

/// Whether a finding's count is a number of rows (people, accounts, consents, requests): its
/// message counts them. A finding on a column, a grant or a waiver counts no row.
pub fn counts_rows(f: &Finding) -> bool {
    match &f.text {
        Some(m) => text(Lang::En, &m.id).contains("{count"),
        None => !f.sample_keys.is_empty(),
    }
}

/// One line of the summary's table: a family, its findings and the rows they count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kind {
    pub family: &'static str,
    pub findings: usize,
    /// `None` when no finding of the family counts rows.
    pub rows: Option<u64>,
}

/// The families with at least one finding, in [`FAMILIES`] order.
pub fn kinds(report: &ScanReport) -> Vec<Kind> {
    FAMILIES
        .iter()
        .filter_map(|family| {
            let of: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| family_of(f) == *family)
                .collect();
            if of.is_empty() {
                return None;
            }
            let counted: Vec<&&Finding> = of.iter().filter(|f| counts_rows(f)).collect();
            Some(Kind {
                family,
                findings: of.len(),
                rows: (!counted.is_empty()).then(|| counted.iter().map(|f| f.count).sum()),
            })
        })
        .collect()
}

/// The sum of the rows every finding counts, `None` when none counts rows.
pub fn total_rows(kinds: &[Kind]) -> Option<u64> {
    let counted: Vec<u64> = kinds.iter().filter_map(|k| k.rows).collect();
    (!counted.is_empty()).then(|| counted.iter().sum())
}

/// One of the actions that matter most: what to do, how serious, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub rule: String,
    pub severity: Severity,
    pub text: String,
    /// `table.column`, `table` or the purpose of each finding it answers, at most three, then
    /// "and N more".
    pub objects: Vec<String>,
}

/// The `n` actions that matter most: one per rule, the most serious first, then the one that
/// concerns the most rows, then the one with the most findings.
pub fn top_actions(report: &ScanReport, lang: Lang, n: usize) -> Vec<Action> {
    let mut rules: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in &report.findings {
        match rules.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, fs)) => fs.push(f),
            None => rules.push((&f.rule, vec![f])),
        }
    }
    let rank = |fs: &Vec<&Finding>| {
        let severity = fs
            .iter()
            .map(|f| f.severity)
            .max()
            .unwrap_or(Severity::Info);
        let rows: u64 = fs.iter().filter(|f| counts_rows(f)).map(|f| f.count).sum();
        (
            std::cmp::Reverse(severity),
            std::cmp::Reverse(rows),
            std::cmp::Reverse(fs.len()),
        )
    };
    // A stable sort keeps the report's order (already sorted) between equals.
    rules.sort_by_key(|(_, fs)| rank(fs));
    rules
        .into_iter()
        .take(n)
        .map(|(rule, fs)| {
            let id = if crate::rules::registry().get(rule).is_some() {
                format!("action.{rule}")
            } else {
                "action.custom".to_string()
            };
            let mut objects: Vec<String> = Vec::new();
            for f in &fs {
                let o = f
                    .object()
                    .or_else(|| f.purpose.clone())
                    .unwrap_or_else(|| f.rule.clone());
                if !objects.contains(&o) {
                    objects.push(o);
                }
            }
            if objects.len() > 3 {
                let more = objects.len() - 3;
                objects.truncate(3);
                objects.push(tr(lang, "doc.more", &[("n", &more)]));
            }
            Action {
                rule: rule.to_string(),
                severity: fs
                    .iter()
                    .map(|f| f.severity)
                    .max()
                    .unwrap_or(Severity::Info),
                text: text(lang, &id).to_string(),
                objects,
            }
        })
        .collect()
}

/// `3 critical, 17 high, …`, most serious first, in `lang`.
/// What was checked, on which database, as of when, against which policy: the summary's first
/// sentence in every document.
pub fn checked(report: &ScanReport, lang: Lang) -> String {
    tr(
        lang,
        "doc.checked",
        &[
            ("checks", &report.checks.len()),
            ("database", &report.target.database),
            ("as_of", &as_of(report)),
            ("policy", &report.policy_path),
            ("purposes", &report.purposes.len()),
        ],
    )
}

pub fn severity_phrase(report: &ScanReport, lang: Lang) -> String {
    super::by_severity(report)
        .into_iter()
        .rev()
        .map(|(s, n)| tr(lang, &format!("severity-count.{s}"), &[("n", &n)]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line of the table by purpose: the purpose (`None`: across purposes), its title, and
/// its findings by severity (most serious first) with their total.
pub struct PurposeTally {
    pub purpose: Option<String>,
    pub title: String,
    pub by_severity: [usize; 5],
    pub total: usize,
}

/// The purposes with findings, in the policy's order, then the findings of no purpose.
pub fn by_purpose(report: &ScanReport) -> Vec<PurposeTally> {
    let mut groups: Vec<(Option<String>, String)> = report
        .purposes
        .iter()
        .map(|(id, title)| (Some(id.clone()), title.clone()))
        .collect();
    groups.push((None, String::new()));
    groups
        .into_iter()
        .filter_map(|(purpose, title)| {
            let of: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| f.purpose == purpose)
                .collect();
            if of.is_empty() {
                return None;
            }
            let mut by_severity = [0; 5];
            for (slot, s) in by_severity.iter_mut().zip(Severity::ALL) {
                *slot = of.iter().filter(|f| f.severity == s).count();
            }
            Some(PurposeTally {
                purpose,
                title,
                by_severity,
                total: of.len(),
            })
        })
        .collect()
}

/// The title of a finding's rule in `lang`; a policy's own check is named by its id.
pub fn rule_title(f: &Finding, lang: Lang) -> String {
    match crate::rules::registry().get(&f.rule) {
        Some(r) if lang == Lang::Fr => r.title_fr.clone(),
        Some(r) => r.title.clone(),
        None => f.rule.clone(),
    }
}

/// Why the rule matters, in a paragraph: the French summary, or the first paragraph of the
/// English documentation without its emphasis marks.
pub fn explanation(f: &Finding, lang: Lang) -> Option<String> {
    let r = crate::rules::registry().get(&f.rule)?;
    let text = match lang {
        Lang::Fr => r.why_fr.trim().to_string(),
        Lang::En => {
            let first = r.why.trim().split("\n\n").next().unwrap_or_default();
            first
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("**", "")
        }
    };
    (!text.is_empty()).then_some(text)
}

/// What a finding's sample keys are the values of: the key columns of its table, the accounts
/// of a grant, the waivers of the policy, or the first column of a policy's own query.
pub fn key_label(report: &ScanReport, f: &Finding, lang: Lang) -> String {
    if f.rule.starts_with("waiver-") {
        return text(lang, "doc.keys-waiver").to_string();
    }
    if f.rule.starts_with("access-") {
        return text(lang, "doc.keys-roles").to_string();
    }
    if crate::rules::registry().get(&f.rule).is_none() {
        return text(lang, "doc.keys-query").to_string();
    }
    let key = f
        .table
        .as_ref()
        .and_then(|t| report.tables.get(t).map(|k| (t, &k.primary_key)));
    match key {
        Some((table, columns)) if !columns.is_empty() => {
            let columns = if columns.len() == 1 {
                columns[0].clone()
            } else {
                format!("({})", columns.join(", "))
            };
            tr(
                lang,
                "doc.keys-table",
                &[("columns", &columns), ("table", table)],
            )
        }
        _ => text(lang, "doc.keys-unlabelled").to_string(),
    }
}

/// Where a finding is, fully qualified for a machine: `schema.table.column`, `schema.table`, or
/// `None` for a finding on no table.
pub fn qualified_object(report: &ScanReport, f: &Finding) -> Option<String> {
    let table = f.table.as_ref()?;
    // SQLite names its one schema `main`; a server without schemas in its catalog (MySQL names
    // the database) is qualified by the database.
    let schema = match report.tables.get(table).and_then(|k| k.schema.clone()) {
        Some(schema) => schema,
        None if report.target.dialect == crate::dialect::Dialect::Sqlite => "main".to_string(),
        None => report.target.database.clone(),
    };
    let qualified = if table.contains('.') {
        table.clone()
    } else {
        format!("{schema}.{table}")
    };
    Some(match &f.column {
        Some(c) => format!("{qualified}.{c}"),
        None => qualified,
    })
}

/// What to do about a finding when vigie proposes no SQL: its rule's action.
pub fn action_of(f: &Finding, lang: Lang) -> &'static str {
    if crate::rules::registry().get(&f.rule).is_some() {
        text(lang, &format!("action.{}", f.rule))
    } else {
        text(lang, "action.custom")
    }
}

/// The checks that could not run: those in error, and those skipped (free-text columns judged
/// not to be free text are not listed: they were looked at and set aside, not left unverified).
pub fn not_run(
    report: &ScanReport,
) -> (
    Vec<&crate::finding::CheckOutcome>,
    Vec<&crate::finding::CheckOutcome>,
) {
    let errors = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .collect();
    let skipped = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Skipped && !c.id.starts_with("free-text:"))
        .collect();
    (errors, skipped)
}

/// The line under a document's title: the database, its server and the as-of instant.
pub fn subtitle(report: &ScanReport, lang: Lang) -> String {
    tr(
        lang,
        "doc.subtitle",
        &[
            ("database", &report.target.database),
            ("dialect", &report.target.dialect.name()),
            ("server", &report.target.server_version),
            ("as_of", &as_of(report)),
        ],
    )
}

/// "10 of 74 shown" when a finding's sample keys are fewer than its count.
pub fn keys_more(f: &Finding, lang: Lang) -> Option<String> {
    ((f.sample_keys.len() as u64) < f.count).then(|| {
        tr(
            lang,
            "doc.keys-more",
            &[("shown", &f.sample_keys.len()), ("count", &f.count)],
        )
    })
}

/// The as-of instant as reports print it.
pub fn as_of(report: &ScanReport) -> String {
    report.as_of.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
}
