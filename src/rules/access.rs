//! Access: who can read the personal-data tables, from the catalog's privileges (no row read).
//!
//! `access-public-grant`: a privilege (or a column privilege) granted to PUBLIC on a table the
//! policy treats as personal data. `access-excessive-grant`: for each `[[access]]` profile, a
//! personal-data table its role can reach (directly or through role membership) that
//! `may_read` does not list. PostgreSQL's `has_table_privilege` answers both, membership
//! included. On MySQL and MariaDB the grants are read from `information_schema` (global,
//! database, table and column privileges) and role membership from `mysql.roles_mapping`
//! (MariaDB) or `mysql.role_edges` (MySQL), followed transitively; `PUBLIC` is MariaDB's
//! `PUBLIC` role (10.11+) and MySQL's `mandatory_roles`. An account that may only see its own
//! grants cannot answer, so the checks end in error (never a pass) with what to grant. SQLite
//! has no privileges, so both checks end `skipped`.

use super::ids::*;
use super::retention::personal_tables;
use crate::db::{DbError, Session};
use crate::dialect::Dialect;
use crate::engine::{CheckKind, Planner, SessionCheck};
use crate::finding::{Applicability, Finding, Remediation};
use std::collections::{BTreeMap, BTreeSet};

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
    // A SQLite file has no accounts: said only when the policy asks about access.
    let why = match p.dialect {
        Dialect::Postgres => None,
        Dialect::Sqlite => Some("SQLite has no accounts or privileges: protect the file itself"),
        Dialect::Mysql => return plan_mysql(p, personal),
    };
    if let Some(why) = why {
        if !policy.access.is_empty() {
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

/// Plans the two checks on MySQL or MariaDB: each reads the grants on its own session.
fn plan_mysql(p: &mut Planner<'_>, personal: BTreeSet<String>) {
    if personal.is_empty() {
        return;
    }
    p.push(
        ACCESS_PUBLIC_GRANT.into(),
        ACCESS_PUBLIC_GRANT,
        CheckKind::Session(Box::new(MysqlGrants {
            personal: personal.clone(),
            profile: None,
        })),
    );
    let policy = p.policy;
    for a in &policy.access {
        let mut allowed = BTreeSet::new();
        for t in &a.may_read {
            if let Ok(table) = p.table(t) {
                allowed.insert(table.qualified_name());
            }
        }
        let check = MysqlGrants {
            personal: personal.clone(),
            profile: Some((a.role.value.clone(), allowed)),
        };
        p.push(
            format!("{ACCESS_EXCESSIVE_GRANT}:{}", a.role.value),
            ACCESS_EXCESSIVE_GRANT,
            CheckKind::Session(Box::new(check)),
        );
    }
}

/// The privileges that reach a table's rows, by their `information_schema` names (`DROP`
/// stands for `TRUNCATE`, which needs it).
const MYSQL_PRIVILEGES: &str =
    "'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'REFERENCES', 'TRIGGER'";

/// `access-public-grant` (no profile) or `access-excessive-grant` for one `[[access]]` profile
/// (its role and the tables its `may_read` lists) on MySQL or MariaDB.
struct MysqlGrants {
    personal: BTreeSet<String>,
    profile: Option<(String, BTreeSet<String>)>,
}

/// An account or role as `information_schema` writes it: `'user'@'host'`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Account {
    user: String,
    host: String,
}

impl Account {
    /// Reads `'user'@'host'` (quotes doubled inside), `` `user`@`host` `` or `user@host`.
    fn parse(grantee: &str) -> Account {
        let unquote = |s: &str| {
            let s = s.trim();
            let q = s.chars().next().filter(|c| matches!(c, '\'' | '`' | '"'));
            match q {
                Some(q) if s.len() >= 2 && s.ends_with(q) => {
                    let inner = &s[1..s.len() - 1];
                    inner.replace(&format!("{q}{q}"), &q.to_string())
                }
                _ => s.to_string(),
            }
        };
        // The host never holds a quote or an `@`; the user may hold an `@`.
        match grantee.trim().rsplit_once('@') {
            Some((u, h)) => Account {
                user: unquote(u),
                host: unquote(h),
            },
            None => Account {
                user: unquote(grantee),
                host: String::new(),
            },
        }
    }

    fn sql(&self) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"));
        if self.user == "PUBLIC" && self.host.is_empty() {
            "PUBLIC".into()
        } else {
            format!("{}@{}", q(&self.user), q(&self.host))
        }
    }
}

/// One grant that reaches a personal table: who holds it, at which level, on what.
struct Grant {
    grantee: Account,
    /// `table`, `column`, `database` (a pattern such as `crm` or `crm\_%`) or `global`.
    level: String,
    scope: String,
    table: String,
}

fn db_error(message: String, hint: &str) -> DbError {
    DbError::Query {
        message,
        hint: Some(hint.to_string()),
    }
}

impl MysqlGrants {
    /// Every grant on the personal tables, at every level; a table outside the URL's database
    /// is named `database.table`, as in the catalog.
    fn grants(&self, session: &mut dyn Session) -> Result<Vec<Grant>, DbError> {
        let d = Dialect::Mysql;
        let list: Vec<String> = self.personal.iter().map(|t| d.quote_literal(t)).collect();
        let name = |t: &str| {
            format!(
                "CASE WHEN {t}.TABLE_SCHEMA = DATABASE() THEN {t}.TABLE_NAME \
                 ELSE CONCAT({t}.TABLE_SCHEMA, '.', {t}.TABLE_NAME) END"
            )
        };
        let tables = format!(
            "(SELECT t.TABLE_SCHEMA, t.TABLE_NAME, {} AS shown FROM information_schema.TABLES AS t \
             WHERE {} IN ({}))",
            name("t"),
            name("t"),
            list.join(", ")
        );
        let sql = format!(
            "SELECT g.GRANTEE, 'table', '', t.shown FROM information_schema.TABLE_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA = g.TABLE_SCHEMA AND t.TABLE_NAME = g.TABLE_NAME \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'column', g.COLUMN_NAME, t.shown FROM information_schema.COLUMN_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA = g.TABLE_SCHEMA AND t.TABLE_NAME = g.TABLE_NAME \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'database', g.TABLE_SCHEMA, t.shown FROM information_schema.SCHEMA_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA LIKE g.TABLE_SCHEMA \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'global', '', t.shown FROM information_schema.USER_PRIVILEGES AS g \
               JOIN {tables} AS t ON 1 = 1 \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             ORDER BY 4, 1, 2, 3"
        );
        let rows = session.rows(&sql, None)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                Grant {
                    grantee: Account::parse(&get(0)),
                    level: get(1),
                    scope: get(2),
                    table: get(3),
                }
            })
            .collect())
    }

    /// Role membership, member to role, and the roles every account holds.
    fn roles(&self, session: &mut dyn Session) -> Result<(Membership, Vec<Account>), DbError> {
        let version = session
            .rows("SELECT VERSION()", None)?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten())
            .unwrap_or_default();
        let hint = "vigie reads role membership from the mysql schema: GRANT SELECT ON mysql.* TO the audit account";
        let mut membership = Membership::new();
        let mut everyone = Vec::new();
        if version.to_ascii_lowercase().contains("mariadb") {
            let rows = session
                .rows("SELECT User, Host, Role FROM mysql.roles_mapping", None)
                .map_err(|e| db_error(format!("cannot read role membership: {e}"), hint))?;
            for r in rows {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                membership
                    .entry(Account {
                        user: get(0),
                        host: get(1),
                    })
                    .or_default()
                    .push(Account {
                        user: get(2),
                        host: String::new(),
                    });
            }
            everyone.push(Account {
                user: "PUBLIC".into(),
                host: String::new(),
            });
        } else {
            let rows = session
                .rows(
                    "SELECT TO_USER, TO_HOST, FROM_USER, FROM_HOST FROM mysql.role_edges",
                    None,
                )
                .map_err(|e| db_error(format!("cannot read role membership: {e}"), hint))?;
            for r in rows {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                membership
                    .entry(Account {
                        user: get(0),
                        host: get(1),
                    })
                    .or_default()
                    .push(Account {
                        user: get(2),
                        host: get(3),
                    });
            }
            let mandatory = session
                .rows("SELECT @@GLOBAL.mandatory_roles", None)?
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next().flatten())
                .unwrap_or_default();
            everyone.extend(
                mandatory
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| {
                        let mut a = Account::parse(s);
                        if !s.contains('@') {
                            a.host = "%".into();
                        }
                        a
                    }),
            );
        }
        Ok((membership, everyone))
    }
}

type Membership = BTreeMap<Account, Vec<Account>>;

/// `start` and every role reachable from it through membership.
fn closure(start: impl IntoIterator<Item = Account>, membership: &Membership) -> BTreeSet<Account> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<Account> = start.into_iter().collect();
    while let Some(a) = todo.pop() {
        if let Some(roles) = membership.get(&a) {
            todo.extend(roles.iter().filter(|r| !seen.contains(*r)).cloned());
        }
        seen.insert(a);
    }
    seen
}

/// The accounts a policy role names: `crm_reader` is every account or role of that user
/// name; `crm_reader@localhost` (quoted or not) is that one account.
fn named_accounts(role: &str, known: &BTreeSet<Account>) -> Vec<Account> {
    if role.contains('@') {
        let a = Account::parse(role);
        known.iter().filter(|k| **k == a).cloned().collect()
    } else {
        known.iter().filter(|k| k.user == role).cloned().collect()
    }
}

impl SessionCheck for MysqlGrants {
    fn run(&self, session: &mut dyn Session) -> Result<Vec<Finding>, DbError> {
        // An account that sees only its own grants would find nothing and pass: refuse.
        let visible = session
            .rows(
                "SELECT CAST(COUNT(DISTINCT GRANTEE) AS CHAR) FROM information_schema.USER_PRIVILEGES",
                None,
            )?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten())
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        if visible < 2 {
            return Err(db_error(
                "the audit account sees only its own privileges, so the grants of the other accounts cannot be checked".into(),
                "give it read access to the grant tables with GRANT SELECT ON mysql.* TO that account, or scan with an account that has it",
            ));
        }
        let grants = self.grants(session)?;
        let (membership, everyone) = self.roles(session)?;
        let public: BTreeSet<Account> = closure(everyone, &membership);
        let by_grantee = |accounts: &BTreeSet<Account>| -> BTreeMap<&str, Vec<&Grant>> {
            let mut out: BTreeMap<&str, Vec<&Grant>> = BTreeMap::new();
            for g in grants.iter().filter(|g| accounts.contains(&g.grantee)) {
                out.entry(g.table.as_str()).or_default().push(g);
            }
            out
        };
        let open = by_grantee(&public);
        let Some((role, allowed)) = &self.profile else {
            return Ok(open
                .into_iter()
                .map(|(t, gs)| {
                    let holders: BTreeSet<String> = gs.iter().map(|g| g.grantee.sql()).collect();
                    let holders: Vec<String> = holders.into_iter().collect();
                    finding(
                        ACCESS_PUBLIC_GRANT,
                        t,
                        format!(
                            "every account can reach personal-data table {t} (privilege granted to {})",
                            holders.join(", ")
                        ),
                        revoke_sql(t, &gs),
                    )
                })
                .collect());
        };
        let mut known: BTreeSet<Account> = grants.iter().map(|g| g.grantee.clone()).collect();
        for (member, roles) in &membership {
            known.insert(member.clone());
            known.extend(roles.iter().cloned());
        }
        let named = named_accounts(role, &known);
        if named.is_empty() {
            return Err(db_error(
                format!(
                    "no account or role named {role} holds a privilege or a role on this server"
                ),
                "check the [[access]] role: a user name (every host) or user@host",
            ));
        }
        let reach = by_grantee(&closure(named, &membership));
        Ok(reach
            .into_iter()
            .filter(|(t, _)| !allowed.contains(*t) && !open.contains_key(t))
            .map(|(t, gs)| {
                let mut f = finding(
                    ACCESS_EXCESSIVE_GRANT,
                    t,
                    format!("role {role} can reach personal-data table {t}, which its profile's may_read does not list"),
                    revoke_sql(t, &gs),
                );
                f.sample_keys = vec![role.clone()];
                f
            })
            .collect())
    }
}

/// One statement per grant, by the level it was made at: a table or column grant is revoked
/// on the table; a database or global grant covers more than this table, so it is shown to be
/// narrowed by a person.
fn revoke_sql(table: &str, grants: &[&Grant]) -> String {
    let d = Dialect::Mysql;
    let target = match table.split_once('.') {
        Some((s, n)) => d.table_ref(Some(s), n),
        None => d.quote_ident(table),
    };
    let mut out = String::from("-- Review before running: vigie never executes this.\n");
    let mut done = BTreeSet::new();
    for g in grants {
        let who = g.grantee.sql();
        let line = match g.level.as_str() {
            "table" | "column" => format!("REVOKE ALL PRIVILEGES ON {target} FROM {who};\n"),
            "database" => format!(
                "-- {who} holds it on every table of database pattern {}: grant the tables it needs, then\n-- REVOKE ALL PRIVILEGES ON {}.* FROM {who};\n",
                g.scope,
                d.quote_ident(&g.scope)
            ),
            _ => format!(
                "-- {who} holds it on every table of the server (ON *.*): is this an administrator account?\n"
            ),
        };
        if done.insert(line.clone()) {
            out.push_str(&line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(user: &str, host: &str) -> Account {
        Account {
            user: user.into(),
            host: host.into(),
        }
    }

    #[test]
    fn grantees_are_read_in_every_quoting() {
        assert_eq!(Account::parse("'crm'@'%'"), acc("crm", "%"));
        assert_eq!(Account::parse("`crm`@`localhost`"), acc("crm", "localhost"));
        assert_eq!(Account::parse("crm@10.0.0.%"), acc("crm", "10.0.0.%"));
        assert_eq!(Account::parse("'o''brien'@'%'"), acc("o'brien", "%"));
        assert_eq!(Account::parse("'a@b'@'%'"), acc("a@b", "%"));
        assert_eq!(Account::parse("'PUBLIC'@''"), acc("PUBLIC", ""));
        assert_eq!(Account::parse("crm"), acc("crm", ""));
    }

    #[test]
    fn grantees_are_written_back_quoted() {
        assert_eq!(acc("o'brien", "%").sql(), "'o''brien'@'%'");
        assert_eq!(acc("PUBLIC", "").sql(), "PUBLIC");
        assert_eq!(acc("r", "").sql(), "'r'@''");
    }

    #[test]
    fn membership_is_followed_through_roles_of_roles() {
        let mut m = Membership::new();
        m.entry(acc("u", "%")).or_default().push(acc("r1", ""));
        m.entry(acc("r1", "")).or_default().push(acc("r2", ""));
        m.entry(acc("r2", "")).or_default().push(acc("r1", "")); // a cycle ends
        let all = closure([acc("u", "%")], &m);
        assert_eq!(
            all.into_iter().collect::<Vec<_>>(),
            [acc("r1", ""), acc("r2", ""), acc("u", "%")]
        );
    }

    #[test]
    fn a_profile_role_names_every_host_or_one_account() {
        let known: BTreeSet<Account> = [acc("crm", "%"), acc("crm", "localhost"), acc("x", "%")]
            .into_iter()
            .collect();
        assert_eq!(named_accounts("crm", &known).len(), 2);
        assert_eq!(
            named_accounts("crm@localhost", &known),
            [acc("crm", "localhost")]
        );
        assert!(named_accounts("nobody", &known).is_empty());
    }
}
