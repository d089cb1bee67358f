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
    /// Every column the policy's checks read, with the role it plays there: the roles above
    /// and the columns a `where` names. No remediation drops or blanks one of them.
    used: std::collections::BTreeMap<(String, String), String>,
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
    let (t, c) = crate::policy::split_column_reference(reference)?;
    Some((last_part(&t), c.to_lowercase()))
}

impl PolicyView {
    pub fn new(policy: &Policy) -> PolicyView {
        let mut v = PolicyView {
            declared: BTreeSet::new(),
            roles: BTreeSet::new(),
            used: Default::default(),
            free_text: BTreeSet::new(),
            personal_tables: BTreeSet::new(),
            retention_tables: BTreeSet::new(),
            spans: Default::default(),
        };
        let role = |v: &mut PolicyView, table: &str, col: &str, why: String| {
            let k = (last_part(table), col.to_lowercase());
            v.used.entry(k.clone()).or_insert(why);
            v.roles.insert(k);
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
            let subject = &s.id.value;
            for k in &s.key {
                role(
                    &mut v,
                    &s.table.value,
                    &k.value,
                    format!("the key of subject `{subject}`"),
                );
            }
            if let Some(b) = &s.birth_date {
                role(
                    &mut v,
                    &s.table.value,
                    &b.value,
                    format!("the `birth_date` of subject `{subject}`"),
                );
            }
        }
        for p in &policy.purposes {
            for d in &p.data {
                if let Some(pr) = pair(&d.value) {
                    v.personal_tables.insert(pr.0.clone());
                    v.declared.insert(pr);
                }
            }
            let purpose = &p.id.value;
            for r in &p.retention {
                v.retention_tables.insert(last_part(&r.table.value));
                role(
                    &mut v,
                    &r.table.value,
                    &r.from.value,
                    format!("the anchor (`from`) of a retention of purpose `{purpose}`"),
                );
                v.where_columns(&r.table.value, r.where_.as_ref(), purpose);
            }
            if let Some(c) = &p.consent {
                let t = c.table.value.clone();
                v.personal_tables.insert(last_part(&t));
                let mut cols: Vec<(&str, &str)> = c
                    .subject_key
                    .iter()
                    .map(|k| ("subject_key", k.value.as_str()))
                    .collect();
                cols.push(("given_at", &c.given_at.value));
                for (key, o) in [
                    ("purpose_column", &c.purpose_column),
                    ("withdrawn_at", &c.withdrawn_at),
                    ("pre_ticked", &c.pre_ticked),
                    ("proof", &c.proof),
                    ("parental_consent", &c.parental_consent),
                ] {
                    if let Some(o) = o {
                        cols.push((key, &o.value));
                    }
                }
                for (key, col) in cols {
                    let why = format!("the consent's `{key}` of purpose `{purpose}`");
                    role(&mut v, &t, col, why);
                }
                v.where_columns(&t, c.where_.as_ref(), purpose);
                if let Some(pr) = &c.processed {
                    v.personal_tables.insert(last_part(&pr.table.value));
                    for k in &pr.subject_key {
                        role(
                            &mut v,
                            &pr.table.value,
                            &k.value,
                            format!("the `processed` subject key of purpose `{purpose}`"),
                        );
                    }
                    v.where_columns(&pr.table.value, pr.where_.as_ref(), purpose);
                }
            }
        }
        if let Some(r) = &policy.requests {
            v.personal_tables.insert(last_part(&r.table.value));
            for (key, c) in [
                ("received_at", Some(&r.received_at)),
                ("answered_at", Some(&r.answered_at)),
                ("extended", r.extended.as_ref()),
                ("key", r.key.as_ref()),
            ] {
                if let Some(c) = c {
                    let why = format!("the `[requests]` column `{key}`");
                    role(&mut v, &r.table.value, &c.value, why);
                }
            }
        }
        for c in &policy.free_text.columns {
            if let Some(pr) = pair(&c.value) {
                v.free_text.insert(pr);
            }
        }
        v
    }

    /// The columns `predicate` (a `where` on `table`) names: on `table`, or on the table a
    /// qualifier names. The policy does not say its SQL dialect: PostgreSQL's parser reads
    /// most conditions, MySQL's the backquoted ones.
    fn where_columns(
        &mut self,
        table: &str,
        predicate: Option<&crate::policy::Name>,
        purpose: &str,
    ) {
        let Some(w) = predicate else { return };
        let mut cols = crate::dialect::guard::predicate_columns(&w.value, Dialect::Postgres);
        if cols.is_empty() {
            cols = crate::dialect::guard::predicate_columns(&w.value, Dialect::Mysql);
        }
        for (qualifier, col) in cols {
            let why = format!("named in a `where` of purpose `{purpose}`");
            self.used
                .entry((last_part(table), col.to_lowercase()))
                .or_insert(why.clone());
            if let Some(q) = qualifier {
                self.used
                    .entry((q.to_lowercase(), col.to_lowercase()))
                    .or_insert(why);
            }
        }
    }

    /// Why the policy's checks need this column, if they do: the table's primary key, or a
    /// column the policy names for a role or in a `where`. A remediation never drops or blanks
    /// such a column.
    pub fn policy_use(&self, table: &Table, column: &str) -> Option<String> {
        if table
            .primary_key
            .iter()
            .any(|k| k.eq_ignore_ascii_case(column))
        {
            return Some("the primary key".into());
        }
        self.used.get(&Self::key(table, column)).cloned()
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
    pub message: crate::i18n::Message,
    /// What to do instead, for the migration gate.
    pub help: crate::i18n::Message,
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
/// by the rule's own `fix`. `used` says why the policy's checks read the column
/// ([`PolicyView::policy_use`]): such a column is never dropped nor blanked, since the checks
/// that read it would then fail; the rule says what to do instead, as comments.
pub fn column_fix(
    d: Dialect,
    table: &Table,
    column: &str,
    rule: RuleId,
    category: Option<&str>,
    used: Option<&str>,
) -> Remediation {
    let parts = FixParts::new(d, table, column, rule, category);
    if let Some(why) = used {
        let instead = match rule {
            RuleId::UndeclaredColumn => Some(undeclared_column::INSTEAD_WHEN_USED),
            RuleId::SensitiveColumn => Some(sensitive_column::INSTEAD_WHEN_USED),
            RuleId::IdentifierColumn => Some(identifier_column::INSTEAD_WHEN_USED),
            RuleId::CardSecurityCode => Some(card_security_code::INSTEAD_WHEN_USED),
            RuleId::UnusedColumn => Some(unused_column::INSTEAD_WHEN_USED),
            // Its fix changes a default, and neither drops nor blanks the column.
            _ => None,
        };
        if let Some(instead) = instead {
            return parts.kept(why, instead);
        }
    }
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

    /// No SQL: the policy's checks read the column (`why`), so dropping or blanking it would
    /// break them; `instead` says what to do.
    pub fn kept(&self, why: &str, instead: &str) -> Remediation {
        Remediation {
            sql: format!(
                "-- vigie: {} {}.{}{}\n-- Not dropped nor blanked: the policy uses this column as {why}; without it the checks that read it would fail.\n-- Instead: {instead}\n",
                self.rule,
                self.table.display_name(),
                self.column,
                self.what
            ),
            applicability: Applicability::DisplayOnly,
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
                    view.policy_use(table, &column.name).as_deref(),
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{column, table};
    use super::{PolicyView, column_fix};
    use crate::catalog::Table;
    use crate::dialect::Dialect;
    use crate::finding::Applicability;
    use crate::rules::RuleId;

    fn view() -> PolicyView {
        let policy = crate::policy::load_str(
            "vigie.toml",
            r#"
[[subject]]
id = "eleve"
table = "eleves"
key = "id"

[[purpose]]
id = "lettre"
legal_basis = "consent"
subjects = ["eleve"]
data = ["eleves.nom"]

[[purpose.retention]]
table = "eleves"
keep = "5y"
from = "inscrit_le"
where = "statut <> 'legal-hold' AND e.archive IS NULL"

[purpose.consent]
table = "consentements"
subject_key = "eleve_id"
given_at = "donne_le"
withdrawn_at = "retire_le"
processed = { table = "abonnements", subject_key = "eleve_id", where = "`canal` = 'mail'" }
"#,
            Dialect::Mysql,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        PolicyView::new(&policy)
    }

    fn named(name: &str) -> Table {
        Table {
            name: name.into(),
            ..Table::default()
        }
    }

    #[test]
    fn every_column_the_policy_reads_is_known_with_its_role() {
        let v = view();
        let t = table(column("statut", "text"));
        let use_of = |t: &Table, c: &str| v.policy_use(t, c);
        assert_eq!(use_of(&t, "id").as_deref(), Some("the primary key"));
        assert_eq!(
            use_of(&t, "inscrit_le").as_deref(),
            Some("the anchor (`from`) of a retention of purpose `lettre`")
        );
        assert_eq!(
            use_of(&t, "STATUT").as_deref(),
            Some("named in a `where` of purpose `lettre`")
        );
        assert_eq!(use_of(&t, "nom"), None, "declared data is not a role");
        assert!(use_of(&named("e"), "archive").is_some(), "qualified name");
        let c = named("consentements");
        assert_eq!(
            use_of(&c, "retire_le").as_deref(),
            Some("the consent's `withdrawn_at` of purpose `lettre`")
        );
        assert!(use_of(&c, "donne_le").is_some() && use_of(&c, "eleve_id").is_some());
        let a = named("abonnements");
        assert!(use_of(&a, "eleve_id").is_some());
        assert_eq!(
            use_of(&a, "canal").as_deref(),
            Some("named in a `where` of purpose `lettre`"),
            "a MySQL-quoted condition is read too"
        );
    }

    #[test]
    fn a_column_the_policy_reads_is_never_dropped_nor_blanked() {
        let t = named("consentements");
        for rule in [
            RuleId::UnusedColumn,
            RuleId::UndeclaredColumn,
            RuleId::SensitiveColumn,
            RuleId::IdentifierColumn,
            RuleId::CardSecurityCode,
        ] {
            for d in [Dialect::Sqlite, Dialect::Postgres, Dialect::Mysql] {
                let fix = column_fix(
                    d,
                    &t,
                    "retire_le",
                    rule,
                    None,
                    Some("the consent's `withdrawn_at` of purpose `lettre`"),
                );
                assert_eq!(fix.applicability, Applicability::DisplayOnly, "{rule}");
                assert!(
                    fix.sql.lines().all(|l| l.starts_with("-- ")),
                    "{rule}: {}",
                    fix.sql
                );
                assert!(
                    fix.sql
                        .contains("the policy uses this column as the consent's `withdrawn_at`"),
                    "{}",
                    fix.sql
                );
            }
        }
        let fix = column_fix(
            Dialect::Postgres,
            &t,
            "retire_le",
            RuleId::UnusedColumn,
            None,
            Some("the consent's `withdrawn_at` of purpose `lettre`"),
        );
        assert_eq!(
            fix.sql,
            "-- vigie: unused-column consentements.retire_le\n-- Not dropped nor blanked: the policy uses this column as the consent's `withdrawn_at` of purpose `lettre`; without it the checks that read it would fail.\n-- Instead: fill it where the application records this, or first change the policy so it no longer names the column, then drop it.\n"
        );
    }
}
