//! The judgement of a column by its name and type, shared by the migration gate and live
//! scans: what a column's name says, before any row is read.
//!
//! [`judge_column`] asks each column rule in turn (`sensitive-column`, `identifier-column`,
//! `card-security-code`, then `consent-default-true` of the migration family, then
//! `undeclared-column`); a sensitive, identifier or CVV column is reported once, under its most
//! serious rule. [`plan`] is the live scan's one pass over the catalog, planned by
//! `undeclared-column`: one catalog check per rule (even empty, so a waiver of the rule can be
//! reported unused), and a counting check per CVV column. [`column_fix`] hands a flagged column
//! to its rule's fix.

use super::{
    card_security_code, identifier_column, sensitive_column, undeclared_column, unused_column,
};
use crate::catalog::{Column, Table};
use crate::check::CheckKind;
use crate::dialect::Dialect;
use crate::finding::{Applicability, Remediation};
use crate::policy::Policy;
use crate::rules::migrations::consent_default_true;
use crate::rules::{Planner, RuleId};
use crate::text::names::classify_name;
use std::collections::BTreeSet;

/// What the policy declares, folded to lower case for lookups.
pub struct PolicyView {
    /// `table.column` in any purpose's `data`.
    declared: BTreeSet<(String, String)>,
    /// Columns the policy uses for a role: keys, anchors, consent columns, request columns.
    roles: BTreeSet<(String, String)>,
    free_text: BTreeSet<(String, String)>,
    personal_tables: BTreeSet<String>,
    retention_tables: BTreeSet<String>,
    /// Where the policy names each `table.column` first, to point at it.
    spans: std::collections::BTreeMap<(String, String), std::ops::Range<usize>>,
}

fn last_part(name: &str) -> String {
    name.rsplit('.').next().unwrap_or(name).to_lowercase()
}

fn pair(reference: &str) -> Option<(String, String)> {
    let (t, c) = reference.rsplit_once('.')?;
    Some((last_part(t), c.to_lowercase()))
}

impl PolicyView {
    pub fn new(policy: &Policy) -> PolicyView {
        let mut v = PolicyView {
            declared: BTreeSet::new(),
            roles: BTreeSet::new(),
            free_text: BTreeSet::new(),
            personal_tables: BTreeSet::new(),
            retention_tables: BTreeSet::new(),
            spans: Default::default(),
        };
        let role = |v: &mut PolicyView, table: &str, col: &str| {
            v.roles.insert((last_part(table), col.to_lowercase()));
        };
        let mut spans = std::collections::BTreeMap::new();
        for p in &policy.purposes {
            for d in &p.data {
                if let Some(pr) = pair(&d.value) {
                    spans.entry(pr).or_insert(d.span.clone());
                }
            }
        }
        for c in &policy.free_text.columns {
            if let Some(pr) = pair(&c.value) {
                spans.entry(pr).or_insert(c.span.clone());
            }
        }
        v.spans = spans;
        for s in &policy.subjects {
            v.personal_tables.insert(last_part(&s.table.value));
            for k in &s.key {
                role(&mut v, &s.table.value, &k.value);
            }
            if let Some(b) = &s.birth_date {
                role(&mut v, &s.table.value, &b.value);
            }
        }
        for p in &policy.purposes {
            for d in &p.data {
                if let Some(pr) = pair(&d.value) {
                    v.personal_tables.insert(pr.0.clone());
                    v.declared.insert(pr);
                }
            }
            for r in &p.retention {
                v.retention_tables.insert(last_part(&r.table.value));
                role(&mut v, &r.table.value, &r.from.value);
            }
            if let Some(c) = &p.consent {
                let t = c.table.value.clone();
                v.personal_tables.insert(last_part(&t));
                let mut cols: Vec<&str> = c.subject_key.iter().map(|k| k.value.as_str()).collect();
                cols.push(&c.given_at.value);
                for o in [
                    &c.purpose_column,
                    &c.withdrawn_at,
                    &c.pre_ticked,
                    &c.proof,
                    &c.parental_consent,
                ]
                .into_iter()
                .flatten()
                {
                    cols.push(&o.value);
                }
                for col in cols {
                    role(&mut v, &t, col);
                }
                if let Some(pr) = &c.processed {
                    v.personal_tables.insert(last_part(&pr.table.value));
                    for k in &pr.subject_key {
                        role(&mut v, &pr.table.value, &k.value);
                    }
                }
            }
        }
        if let Some(r) = &policy.requests {
            v.personal_tables.insert(last_part(&r.table.value));
            for c in [
                Some(&r.received_at),
                Some(&r.answered_at),
                r.extended.as_ref(),
                r.key.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                role(&mut v, &r.table.value, &c.value);
            }
        }
        for c in &policy.free_text.columns {
            if let Some(pr) = pair(&c.value) {
                v.free_text.insert(pr);
            }
        }
        v
    }

    fn key(table: &Table, column: &str) -> (String, String) {
        (table.name.to_lowercase(), column.to_lowercase())
    }

    pub fn is_declared(&self, table: &Table, column: &str) -> bool {
        let k = Self::key(table, column);
        self.declared.contains(&k) || self.roles.contains(&k)
    }

    /// Whether `[free_text]` lists this column.
    pub fn lists_free_text(&self, table: &Table, column: &str) -> bool {
        self.free_text.contains(&Self::key(table, column))
    }

    /// Where the policy names this column, if it does.
    pub fn policy_span(&self, table: &Table, column: &str) -> Option<std::ops::Range<usize>> {
        self.spans.get(&Self::key(table, column)).cloned()
    }

    pub fn has_retention(&self, table: &Table) -> bool {
        self.retention_tables.contains(&table.name.to_lowercase())
    }

    /// A table holds personal data when the policy says so, or when one of its columns is
    /// personal by name with reasonable confidence.
    pub fn is_personal(&self, table: &Table) -> bool {
        self.personal_tables.contains(&table.name.to_lowercase())
            || table.columns.iter().any(|c| {
                classify_name(&table.name, &c.name, &c.data_type)
                    .is_some_and(|k| k.category.is_personal() && k.confidence >= 0.6)
            })
    }
}

/// One rule's verdict on a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub rule: RuleId,
    pub category: Option<String>,
    pub message: String,
    pub help: String,
}

/// Judge one column of one table.
pub fn judge_column(
    view: &PolicyView,
    table: &Table,
    column: &Column,
    personal_table: bool,
) -> Vec<Judgement> {
    let class = classify_name(&table.name, &column.name, &column.data_type);
    let name = format!("{}.{}", table.display_name(), column.name);
    let mut out: Vec<Judgement> = class
        .as_ref()
        .and_then(|k| {
            sensitive_column::judge(&name, k)
                .or_else(|| identifier_column::judge(&name, k))
                .or_else(|| card_security_code::judge(&name, k))
        })
        .into_iter()
        .collect();
    out.extend(consent_default_true::judge(&name, column, class.as_ref()));
    // A sensitive, identifier or CVV column is reported once, under its most serious rule.
    if out.is_empty() && personal_table {
        out.extend(undeclared_column::judge(
            view,
            table,
            column,
            &name,
            class.as_ref(),
        ));
    }
    out
}

/// The purpose whose `data` lists `table.column`, for grouping findings.
pub fn purpose_of(p: &Planner<'_>, table: &Table, column: &str) -> Option<String> {
    p.policy
        .purposes
        .iter()
        .find(|pu| {
            pu.data.iter().any(|d| {
                pair(&d.value).is_some_and(|(t, c)| {
                    t.eq_ignore_ascii_case(&table.name) && c.eq_ignore_ascii_case(column)
                })
            })
        })
        .map(|pu| pu.id.value.clone())
}

/// What to do with a column a rule flags: proposed SQL (never run) or policy guidance, written
/// by the rule's own `fix`.
pub fn column_fix(
    d: Dialect,
    table: &Table,
    column: &str,
    rule: RuleId,
    category: Option<&str>,
) -> Remediation {
    let parts = FixParts::new(d, table, column, rule, category);
    match rule {
        RuleId::UndeclaredColumn => undeclared_column::fix(&parts),
        RuleId::SensitiveColumn => sensitive_column::fix(&parts),
        RuleId::IdentifierColumn => identifier_column::fix(&parts),
        RuleId::CardSecurityCode => card_security_code::fix(&parts),
        RuleId::UnusedColumn => unused_column::fix(&parts),
        RuleId::ConsentDefaultTrue => consent_default_true::fix(&parts),
        _ => parts.drop_column(),
    }
}

/// What every column fix writes from: the dialect, the quoted names, the comment that heads
/// the SQL and the statement that drops the column.
pub struct FixParts<'a> {
    pub dialect: Dialect,
    pub table: &'a Table,
    pub column: &'a str,
    pub rule: RuleId,
    /// ` (category)` when the judgement has one, else empty.
    pub what: String,
    /// The table as the dialect names it in SQL.
    pub table_ref: String,
    /// The column as the dialect quotes it.
    pub column_ref: String,
    /// The rule, the column, and the warning to review before running.
    pub head: String,
    /// `ALTER TABLE … DROP COLUMN …;`
    pub drop: String,
}

impl<'a> FixParts<'a> {
    pub fn new(
        d: Dialect,
        table: &'a Table,
        column: &'a str,
        rule: RuleId,
        category: Option<&str>,
    ) -> FixParts<'a> {
        let table_ref = d.table_ref(table.schema.as_deref(), &table.name);
        let column_ref = d.quote_ident(column);
        let what = category.map(|c| format!(" ({c})")).unwrap_or_default();
        let head = format!(
            "-- vigie: {rule} {}.{column}{what}\n-- Review before running: application code, exports and backups may use this column.\n",
            table.display_name()
        );
        let drop = format!("ALTER TABLE {table_ref} DROP COLUMN {column_ref};");
        FixParts {
            dialect: d,
            table,
            column,
            rule,
            what,
            table_ref,
            column_ref,
            head,
            drop,
        }
    }

    /// Drop the column, in a transaction.
    pub fn drop_column(&self) -> Remediation {
        Remediation {
            sql: format!(
                "{}{}\n{}\nCOMMIT;\n",
                self.head,
                self.dialect.begin(),
                self.drop
            ),
            applicability: Applicability::Review,
        }
    }

    /// Null every value of the column, then `then` (a statement or a comment), in a
    /// transaction.
    pub fn null_then(&self, then: &str) -> Remediation {
        let (t, c) = (&self.table_ref, &self.column_ref);
        Remediation {
            sql: format!(
                "{}{}\nUPDATE {t} SET {c} = NULL WHERE {c} IS NOT NULL;\n{then}\nCOMMIT;\n",
                self.head,
                self.dialect.begin()
            ),
            applicability: Applicability::Review,
        }
    }
}

/// The live scan's one pass over the catalog: one catalog check per rule (even empty, so a
/// waiver of the rule can be reported unused), and a counting check per CVV column.
pub fn plan(p: &mut Planner<'_>) {
    let view = PolicyView::new(p.policy);
    let d = p.dialect;
    let rules = [
        RuleId::SensitiveColumn,
        RuleId::IdentifierColumn,
        RuleId::UndeclaredColumn,
        RuleId::ConsentDefaultTrue,
    ];
    let mut by_rule: Vec<Vec<crate::finding::Finding>> = vec![Vec::new(); rules.len()];
    let catalog = p.catalog;
    for table in catalog.tables.iter().filter(|t| !t.view) {
        let personal = view.is_personal(table);
        for column in &table.columns {
            for j in judge_column(&view, table, column, personal) {
                let purpose = purpose_of(p, table, &column.name);
                let mut f = p.finding(j.rule, purpose.as_deref(), Some(table), j.message);
                f.column = Some(column.name.clone());
                f.category = j.category.clone();
                f.count = 1;
                f.remediation = Some(column_fix(
                    d,
                    table,
                    &column.name,
                    j.rule,
                    j.category.as_deref(),
                ));
                if j.rule == RuleId::CardSecurityCode {
                    let check = card_security_code::cvv_check(p, table, column, f);
                    p.push(
                        format!(
                            "{}:{}.{}",
                            RuleId::CardSecurityCode,
                            table.display_name(),
                            column.name
                        ),
                        &[RuleId::CardSecurityCode],
                        CheckKind::Probe(Box::new(check)),
                    );
                } else if let Some(i) = rules.iter().position(|r| *r == j.rule) {
                    by_rule[i].push(f);
                }
            }
        }
    }
    for (rule, findings) in rules.iter().zip(by_rule) {
        p.push(
            format!("{rule}:catalog"),
            &[*rule],
            CheckKind::Catalog(findings),
        );
    }
}
