//! Catalog-level column rules, shared by the migration gate and live scans: what a column's
//! name and type say, before any row is read.
//!
//! - `sensitive-column`: art. 9/10 categories (health, religion, origin, politics, union,
//!   sexual life, offences, biometrics) and the NIR, whose use is restricted by décret.
//! - `identifier-column`: IBAN and card numbers, by name.
//! - `card-security-code`: CVV/CVC/cryptogramme: never stored.
//! - `consent-default-true`: a consent or opt-in column defaulting to true is a pre-ticked box.
//! - `undeclared-column`: a column of a personal-data table that no purpose declares, or a
//!   free-text column missing from `[free_text]`.
//! - `retention-undeclared`: a personal-data table with no retention.
//!
//! In a live scan, [`plan`] judges every column of every base table with the same
//! [`judge_column`] the migration gate uses, so CI and the audit never disagree on a name. These
//! findings read no row (`count` = 1, the column), except `card-security-code`, which counts the
//! rows holding a code. The value-based rules are in [`super::minimisation`].

use super::Planner;
use super::RuleId;
use crate::catalog::default_is_true;
use crate::catalog::{Column, Table};
use crate::check::CheckKind;
use crate::dialect::Dialect;
use crate::finding::{Applicability, Remediation};
use crate::policy::Policy;
use crate::text::names::{ColumnCategory, NameClass, classify_name};
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

/// Columns that carry no personal meaning of their own.
/// Names are read as tokens, so `createdAt` and `userId` (Prisma, TypeORM, Sequelize) count
/// like `created_at` and `user_id`.
fn technical(column: &str) -> bool {
    let c = crate::text::names::tokenize(column).join("_");
    crate::text::names::is_bookkeeping(&c) || c.ends_with("_id")
}

fn is_consent_like(column: &str, class: Option<&NameClass>) -> bool {
    if class.is_some_and(|k| k.category == ColumnCategory::Consent) {
        return true;
    }
    let c = column.to_lowercase();
    [
        "optin",
        "opt_in",
        "consent",
        "newsletter",
        "accepte",
        "rgpd",
        "prospection",
        "marketing",
        "partenaires",
    ]
    .iter()
    .any(|w| c.contains(w))
}

/// Judge one column of one table.
pub fn judge_column(
    view: &PolicyView,
    table: &Table,
    column: &Column,
    personal_table: bool,
) -> Vec<Judgement> {
    let class = classify_name(&table.name, &column.name, &column.data_type);
    let mut out = Vec::new();
    let name = format!("{}.{}", table.display_name(), column.name);
    if let Some(k) = &class {
        let cat = k.category;
        if cat.is_sensitive() || cat == ColumnCategory::Nir {
            out.push(Judgement {
                rule: RuleId::SensitiveColumn,
                category: Some(cat.as_str().to_string()),
                message: format!("column {name} holds {} data ({})", cat.as_str(), k.reason),
                help: "special-category data (RGPD art. 9/10) or the NIR need a specific legal ground: remove the column, or document the ground in a [[waiver]] with its reason".into(),
            });
        } else if cat.is_identifier() {
            out.push(Judgement {
                rule: RuleId::IdentifierColumn,
                category: Some(cat.as_str().to_string()),
                message: format!("column {name} holds {} numbers ({})", cat.as_str(), k.reason),
                help: "store a token from the payment provider, or encrypt and restrict access; never keep card numbers past the payment".into(),
            });
        } else if cat == ColumnCategory::CardSecurityCode {
            out.push(Judgement {
                rule: RuleId::CardSecurityCode,
                category: Some(cat.as_str().to_string()),
                message: format!("column {name} stores card security codes ({})", k.reason),
                help: "the CVV may never be stored after the transaction (CNIL délibération n° 2018-303): drop the column".into(),
            });
        }
    }
    if let Some(default) = &column.default
        && default_is_true(default)
        && is_consent_like(&column.name, class.as_ref())
    {
        out.push(Judgement {
            rule: RuleId::ConsentDefaultTrue,
            category: Some("consent".into()),
            message: format!("consent column {name} defaults to {default}: a pre-ticked box is not consent"),
            help: "default to false (or NULL) and record consent only from an affirmative act (CJEU C-673/17 Planet49)".into(),
        });
    }
    // A sensitive, identifier or CVV column is reported once, under its most serious rule.
    let already = !out.is_empty();
    let declared = view.is_declared(table, &column.name);
    let is_pk = table
        .primary_key
        .iter()
        .any(|k| k.eq_ignore_ascii_case(&column.name));
    if personal_table && !already && !is_pk && !technical(&column.name) {
        let free_text = class
            .as_ref()
            .is_some_and(|k| k.category == ColumnCategory::FreeText);
        let listed_free_text = view
            .free_text
            .contains(&PolicyView::key(table, &column.name));
        if free_text && !listed_free_text {
            out.push(Judgement {
                rule: RuleId::UndeclaredColumn,
                category: Some("free-text".into()),
                message: format!("free-text column {name} on a personal-data table is not listed in [free_text]"),
                help: "list it in [free_text].columns so its content is scanned, or replace it with a closed list of values".into(),
            });
        } else if !declared && !free_text {
            let what = class
                .as_ref()
                .map(|k| format!(" ({} data: {})", k.category.as_str(), k.reason))
                .unwrap_or_default();
            out.push(Judgement {
                rule: RuleId::UndeclaredColumn,
                category: class.as_ref().map(|k| k.category.as_str().to_string()),
                message: format!("column {name}{what} is used by no purpose of the policy"),
                help: format!("add \"{name}\" to the `data` of the purpose that needs it, or do not collect it (minimisation, RGPD art. 5.1.c)"),
            });
        }
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

/// What to do with a column a rule flags: proposed SQL (never run) or policy guidance.
pub fn column_fix(
    d: Dialect,
    table: &Table,
    column: &str,
    rule: RuleId,
    category: Option<&str>,
) -> Remediation {
    let t = d.table_ref(table.schema.as_deref(), &table.name);
    let c = d.quote_ident(column);
    let what = category.map(|c| format!(" ({c})")).unwrap_or_default();
    let head = format!(
        "-- vigie: {rule} {}.{column}{what}\n-- Review before running: application code, exports and backups may use this column.\n",
        table.display_name()
    );
    let drop = format!("ALTER TABLE {t} DROP COLUMN {c};");
    match rule {
        RuleId::UndeclaredColumn => Remediation {
            sql: format!(
                "-- vigie: {rule} {}.{column}{what}\n-- Declare \"{}.{column}\" in the `data` of the purpose that needs it, or stop collecting it:\n-- {drop}\n",
                table.display_name(),
                table.name
            ),
            applicability: Applicability::DisplayOnly,
        },
        RuleId::ConsentDefaultTrue => Remediation {
            sql: match d {
                Dialect::Sqlite => format!(
                    "-- vigie: {rule} {}.{column}\n-- SQLite cannot change a column default: rebuild the table with DEFAULT 0 (or no default).\n",
                    table.display_name()
                ),
                _ => format!(
                    "{head}{}\nALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT false;\nCOMMIT;\n",
                    d.begin()
                ),
            },
            applicability: Applicability::Review,
        },
        RuleId::CardSecurityCode | RuleId::IdentifierColumn => Remediation {
            sql: format!(
                "{head}{}\nUPDATE {t} SET {c} = NULL WHERE {c} IS NOT NULL;\n{}\nCOMMIT;\n",
                d.begin(),
                if rule == RuleId::CardSecurityCode {
                    drop
                } else {
                    format!("-- and, if no purpose needs the column at all: {drop}")
                }
            ),
            applicability: Applicability::Review,
        },
        _ => Remediation {
            sql: format!("{head}{}\n{drop}\nCOMMIT;\n", d.begin()),
            applicability: Applicability::Review,
        },
    }
}

/// Plans the catalog-level column rules on a live catalog: one catalog check per rule (even
/// empty, so a waiver of the rule can be reported unused), and a counting check per CVV column.
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
                    let check = super::minimisation::cvv_check(p, table, column, f);
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
