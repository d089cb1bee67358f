//! Access: who can read the personal-data tables, from the catalog's privileges (no row read).
//!
//! `access-public-grant`: a privilege (or a column privilege) granted to PUBLIC on a table the
//! policy treats as personal data. `access-excessive-grant`: for each `[[access]]` profile, a
//! personal-data table its role can reach (directly or through role membership) that
//! `may_read` does not list. PostgreSQL's `has_table_privilege` answers both, membership
//! included; SQLite has no privileges, so both checks end `skipped`.

use super::ids::*;
use super::retention::personal_tables;
use crate::dialect::Dialect;
use crate::engine::{CheckKind, Planner};
use crate::finding::{Applicability, Finding, Remediation};
use std::collections::BTreeSet;

const TABLE_PRIVILEGES: &str = "SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER";
const COLUMN_PRIVILEGES: &str = "SELECT,INSERT,UPDATE,REFERENCES";

/// Personal tables on which `role` holds a privilege. For a named role, tables open to PUBLIC
/// are left out: `access-public-grant` reports them, where the fix is.
fn privileged_tables_sql(role: &str, tables: &BTreeSet<String>) -> String {
    let d = Dialect::Postgres;
    let list: Vec<String> = tables.iter().map(|t| d.quote_literal(t)).collect();
    let not_public = if role == "public" {
        String::new()
    } else {
        format!(
            " AND NOT (has_table_privilege('public', c.oid, '{TABLE_PRIVILEGES}') \
             OR has_any_column_privilege('public', c.oid, '{COLUMN_PRIVILEGES}'))"
        )
    };
    let role = d.quote_literal(role);
    format!(
        "SELECT (n.nspname || '.' || c.relname)::text FROM pg_class AS c \
         JOIN pg_namespace AS n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') \
         AND (n.nspname || '.' || c.relname) IN ({}) \
         AND (has_table_privilege({role}, c.oid, '{TABLE_PRIVILEGES}') \
              OR has_any_column_privilege({role}, c.oid, '{COLUMN_PRIVILEGES}')){not_public} \
         ORDER BY 1",
        list.join(", ")
    )
}

fn finding(rule: &str, table: &str, message: String, sql: String) -> Finding {
    let mut f = super::finding(rule, message);
    f.table = Some(table.strip_prefix("public.").unwrap_or(table).to_string());
    f.count = 1;
    f.remediation = Some(Remediation {
        sql,
        applicability: Applicability::Review,
    });
    f
}

fn quoted_table(t: &str) -> String {
    let d = Dialect::Postgres;
    match t.split_once('.') {
        Some((s, n)) => d.table_ref(Some(s), n),
        None => d.quote_ident(t),
    }
}

pub fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    let personal = personal_tables(p);
    let skip = |p: &mut Planner<'_>, id: String, rule: &str, why: &str| {
        p.push(id, rule, CheckKind::Skipped(why.into()))
    };
    // Where privileges are not read, every access check is listed as skipped, with why. A
    // SQLite file has no accounts: said only when the policy asks about access.
    let (why, always) = match p.dialect {
        Dialect::Postgres => (None, false),
        Dialect::Sqlite => (
            Some("SQLite has no accounts or privileges: protect the file itself"),
            false,
        ),
        Dialect::Mysql => (
            Some("privileges are read on PostgreSQL only in this version"),
            true,
        ),
    };
    if let Some(why) = why {
        if always || !policy.access.is_empty() {
            skip(p, ACCESS_PUBLIC_GRANT.into(), ACCESS_PUBLIC_GRANT, why);
        }
        for a in &policy.access {
            skip(
                p,
                format!("{ACCESS_EXCESSIVE_GRANT}:{}", a.role.value),
                ACCESS_EXCESSIVE_GRANT,
                why,
            );
        }
        return;
    }
    if personal.is_empty() {
        return;
    }
    let sql = privileged_tables_sql("public", &personal);
    p.push(
        ACCESS_PUBLIC_GRANT.into(),
        ACCESS_PUBLIC_GRANT,
        CheckKind::Rows {
            sql,
            findings: Box::new(|rows| {
                rows.iter()
                    .filter_map(|r| r.first().cloned().flatten())
                    .map(|t| {
                        finding(
                            ACCESS_PUBLIC_GRANT,
                            &t,
                            format!("every account can reach personal-data table {t} (privilege granted to PUBLIC)"),
                            format!("-- Review before running: vigie never executes this.\nREVOKE ALL ON {} FROM PUBLIC;\n", quoted_table(&t)),
                        )
                    })
                    .collect()
            }),
        },
    );
    for a in &policy.access {
        let mut allowed = BTreeSet::new();
        for t in &a.may_read {
            if let Ok(table) = p.table(t) {
                allowed.insert(table.qualified_name());
            }
        }
        let role = a.role.value.clone();
        let sql = privileged_tables_sql(&role, &personal);
        p.push(
            format!("{ACCESS_EXCESSIVE_GRANT}:{role}"),
            ACCESS_EXCESSIVE_GRANT,
            CheckKind::Rows {
                sql,
                findings: Box::new(move |rows| {
                    rows.iter()
                        .filter_map(|r| r.first().cloned().flatten())
                        .filter(|t| !allowed.contains(t))
                        .map(|t| {
                            let mut f = finding(
                                ACCESS_EXCESSIVE_GRANT,
                                &t,
                                format!("role {role} can reach personal-data table {t}, which its profile's may_read does not list"),
                                format!(
                                    "-- Review before running: vigie never executes this.\n-- The privilege may also come through a role {role} is a member of.\nREVOKE ALL ON {} FROM {};\n",
                                    quoted_table(&t),
                                    Dialect::Postgres.quote_ident(&role)
                                ),
                            );
                            f.sample_keys = vec![role.clone()];
                            f
                        })
                        .collect()
                }),
            },
        );
    }
}
