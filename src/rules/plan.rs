//! The planning context a rule sees: the validated policy, the catalog, the dialect, and the
//! list of checks it pushes. Planning reads no row and opens no connection.

use super::RuleId;
use crate::catalog::{Catalog, Table, TypeClass};
use crate::check::{Check, CheckKind};
use crate::dialect::Dialect;
use crate::finding::Finding;
use crate::i18n::Message;
use crate::policy::{Name, Policy, Problems, did_you_mean};

/// What the rule planners see.
pub struct Planner<'a> {
    pub policy: &'a Policy,
    pub catalog: &'a Catalog,
    pub dialect: Dialect,
    pub as_of: jiff::Timestamp,
    pub max_keys: usize,
    /// Rows sampled per table by the value-based column rules; 0 reads every row.
    pub sample: usize,
    pub checks: Vec<Check>,
    pub problems: Problems,
}

impl<'a> Planner<'a> {
    pub fn new(
        policy: &'a Policy,
        catalog: &'a Catalog,
        dialect: Dialect,
        as_of: jiff::Timestamp,
        max_keys: usize,
    ) -> Self {
        Planner {
            policy,
            catalog,
            dialect,
            as_of,
            max_keys,
            sample: crate::discover::DEFAULT_SAMPLE,
            checks: Vec::new(),
            problems: policy.problems(),
        }
    }

    /// The executed as-of token and the displayed literal.
    pub fn as_of_tokens(&self) -> (String, String) {
        (
            self.dialect.as_of_placeholder().to_string(),
            self.dialect.as_of_literal(&self.as_of),
        )
    }

    /// Resolve a table named in the policy, or record a problem pointing at it.
    pub fn table(&mut self, name: &Name) -> Result<&'a Table, Message> {
        let catalog = self.catalog;
        match catalog.find_table(&name.value) {
            Some(t) => Ok(t),
            None => {
                let names = catalog.table_names();
                let help = did_you_mean(&name.value, names.iter().map(|s| s.as_str()))
                    .unwrap_or_else(|| "check the table name and `[scan] schemas`".to_string());
                let why = Message::keyed("check", "no-table").arg("table", name.value.as_str());
                let msg = why.render(crate::i18n::Lang::En);
                if !self
                    .problems
                    .list
                    .iter()
                    .any(|p| p.span == name.span.clone().into())
                {
                    self.problems
                        .push(name.span.clone(), msg, "not found", Some(help));
                    if let Some(p) = self.problems.list.last_mut() {
                        p.text = Some(why.clone());
                    }
                }
                Err(why)
            }
        }
    }

    /// Resolve a column of a resolved table, or record a problem pointing at it.
    pub fn column(
        &mut self,
        table: &'a Table,
        name: &Name,
    ) -> Result<&'a crate::catalog::Column, Message> {
        match table.column(&name.value) {
            Some(c) => Ok(c),
            None => {
                let help = did_you_mean(&name.value, table.columns.iter().map(|c| c.name.as_str()))
                    .unwrap_or_else(|| {
                        let cols: Vec<&str> =
                            table.columns.iter().map(|c| c.name.as_str()).collect();
                        format!("columns of `{}`: {}", table.name, cols.join(", "))
                    });
                let why = Message::keyed("check", "no-column")
                    .arg("column", name.value.as_str())
                    .arg("table", table.name.as_str());
                let msg = why.render(crate::i18n::Lang::En);
                if !self
                    .problems
                    .list
                    .iter()
                    .any(|p| p.span == name.span.clone().into())
                {
                    self.problems
                        .push(name.span.clone(), msg, "not found", Some(help));
                    if let Some(p) = self.problems.list.last_mut() {
                        p.text = Some(why.clone());
                    }
                }
                Err(why)
            }
        }
    }

    /// Record a problem when the server's roles are known and none is the one named. A
    /// server whose roles the audit account cannot list leaves the question to the access
    /// checks, which end in error with what to grant.
    pub fn role(&mut self, name: &Name) {
        let catalog = self.catalog;
        if catalog.knows_role(&name.value) != Some(false) {
            return;
        }
        let names: Vec<String> = catalog
            .roles
            .iter()
            .flatten()
            .map(|r| r.display())
            .collect();
        let help =
            did_you_mean(&name.value, names.iter().map(|s| s.as_str())).unwrap_or_else(|| {
                "a PostgreSQL role name, or a MySQL user name (every host) or user@host".to_string()
            });
        self.problems.push(
            name.span.clone(),
            format!("role `{}` does not exist on the server", name.value),
            "not found",
            Some(help),
        );
    }

    /// Resolve every table and column the policy names against the catalog, before any
    /// check is planned, so that every missing reference is reported at once with its line,
    /// caret and "did you mean", including those no rule would otherwise read (a typo in a
    /// purpose's `data`). Each problem is recorded once; the rules resolving the same names
    /// later add nothing.
    pub fn resolve_references(&mut self) {
        let policy = self.policy;
        // `table.column` (or `schema.table.column`) in one string, as `data` and
        // `[free_text].columns` write it.
        let dotted = |p: &mut Self, name: &Name| {
            if let Some((t, c)) = crate::policy::split_column_reference(&name.value) {
                let part = |v: &str| Name {
                    value: v.to_string(),
                    span: name.span.clone(),
                };
                if let Ok(table) = p.table(&part(&t)) {
                    let _ = p.column(table, &part(&c));
                }
            }
        };
        let columns = |p: &mut Self, table: &Name, cols: &[&Name]| {
            if let Ok(t) = p.table(table) {
                for c in cols {
                    let _ = p.column(t, c);
                }
            }
        };
        for s in &policy.subjects {
            let mut cols: Vec<&Name> = s.key.iter().collect();
            cols.extend(s.birth_date.as_ref());
            columns(self, &s.table, &cols);
        }
        for purpose in &policy.purposes {
            for d in &purpose.data {
                dotted(self, d);
            }
            for r in &purpose.retention {
                let mut cols = vec![&r.from];
                cols.extend(r.anonymise.iter());
                columns(self, &r.table, &cols);
            }
            if let Some(c) = &purpose.consent {
                let mut cols: Vec<&Name> = c.subject_key.iter().collect();
                cols.push(&c.given_at);
                for n in [
                    &c.purpose_column,
                    &c.withdrawn_at,
                    &c.pre_ticked,
                    &c.proof,
                    &c.parental_consent,
                ] {
                    cols.extend(n.as_ref());
                }
                columns(self, &c.table, &cols);
                if let Some(pr) = &c.processed {
                    let cols: Vec<&Name> = pr.subject_key.iter().collect();
                    columns(self, &pr.table, &cols);
                }
            }
        }
        if let Some(r) = &policy.requests {
            let mut cols = vec![&r.received_at, &r.answered_at];
            cols.extend(r.key.as_ref());
            cols.extend(r.extended.as_ref());
            columns(self, &r.table, &cols);
        }
        for a in &policy.access {
            for t in &a.may_read {
                let _ = self.table(t);
            }
            self.role(&a.role);
        }
        for c in &policy.free_text.columns {
            dotted(self, c);
        }
    }

    /// Add a check that may yield findings of `rules`.
    pub fn push(&mut self, id: String, rules: &[RuleId], kind: CheckKind) {
        self.checks.push(Check {
            id,
            rules: rules.iter().map(|r| r.as_str().to_string()).collect(),
            kind,
        });
    }

    /// Add a user's `[[check]]`, whose findings carry its own id.
    pub fn push_custom(&mut self, id: String, rule: &str, kind: CheckKind) {
        self.checks.push(Check {
            id,
            rules: vec![rule.to_string()],
            kind,
        });
    }

    /// A finding with the rule's defaults filled in.
    pub fn finding(
        &self,
        rule: RuleId,
        purpose: Option<&str>,
        table: Option<&Table>,
        message: crate::i18n::Message,
    ) -> Finding {
        let mut f = super::finding(rule, message);
        f.purpose = purpose.map(String::from);
        f.table = table.map(|t| t.display_name());
        f
    }

    /// `SELECT (SELECT count(*) …), key … ORDER BY key LIMIT n` over `from` (aliased `alias`).
    pub fn count_sql(&self, table: &Table, alias: &str, from: &str, predicate: &str) -> String {
        self.dialect
            .keyed_count_sql(self.max_keys, table, alias, from, predicate)
    }

    /// `"schema"."table" AS alias`.
    pub fn from(&self, table: &Table, alias: &str) -> String {
        format!(
            "{} AS {alias}",
            self.dialect.table_ref(table.schema.as_deref(), &table.name)
        )
    }

    /// `(SELECT * FROM "table" WHERE cond) AS alias`, so a policy `where` written with bare
    /// column names applies to its own table even when the query joins another.
    pub fn filtered(&self, table: &Table, alias: &str, condition: Option<&Name>) -> String {
        match condition {
            None => self.from(table, alias),
            Some(w) => format!(
                "(SELECT * FROM {} WHERE {}) AS {alias}",
                self.dialect.table_ref(table.schema.as_deref(), &table.name),
                w.value
            ),
        }
    }

    pub fn type_of(table: &Table, column: &str) -> TypeClass {
        table
            .column(column)
            .map(|c| c.type_class())
            .unwrap_or(TypeClass::Other)
    }
}
