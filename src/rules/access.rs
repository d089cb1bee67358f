//! Access: who can read the personal-data tables, from the catalog's privileges (no row read).
//!
//! `access-public-grant`: a privilege (or a column privilege) granted to every account on a
//! table the policy treats as personal data. `access-excessive-grant`: for each `[[access]]`
//! profile, a personal-data table its role can reach (directly or through role membership)
//! that `may_read` does not list. The backend answers "which of these tables can this grantee
//! reach, through which grants" (`Ask::reach`: PostgreSQL's `has_table_privilege`, membership
//! included; MySQL and MariaDB from `information_schema` and the role tables, followed
//! transitively); this module decides what is a violation and writes the fix. An account that
//! may only see its own grants cannot answer, so the checks end in error (never a pass) with
//! what to grant. SQLite has no privileges, so both checks end `skipped`.

use super::retention::personal_tables;
use super::{Planner, RuleId};
use crate::check::{Ask, AskError, CheckKind, Grant, GrantLevel, Grantee, Probe};
use crate::dialect::Dialect;
use crate::finding::{Applicability, Finding, Remediation};
use std::collections::BTreeSet;

pub fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    let personal = personal_tables(p);
    if !p.dialect.has_privileges() {
        // A SQLite file has no accounts: said only when the policy asks about access.
        let why = "SQLite has no accounts or privileges: protect the file itself";
        if !policy.access.is_empty() {
            p.push(
                RuleId::AccessPublicGrant.to_string(),
                &[RuleId::AccessPublicGrant],
                CheckKind::Skipped(why.into()),
            );
        }
        for a in &policy.access {
            p.push(
                format!("{}:{}", RuleId::AccessExcessiveGrant, a.role.value),
                &[RuleId::AccessExcessiveGrant],
                CheckKind::Skipped(why.into()),
            );
        }
        return;
    }
    if personal.is_empty() {
        return;
    }
    p.push(
        RuleId::AccessPublicGrant.to_string(),
        &[RuleId::AccessPublicGrant],
        CheckKind::Probe(Box::new(AccessProbe {
            personal: personal.clone(),
            profile: None,
        })),
    );
    for a in &policy.access {
        let mut allowed = BTreeSet::new();
        for t in &a.may_read {
            if let Ok(table) = p.table(t) {
                allowed.insert(table.qualified_name());
            }
        }
        p.push(
            format!("{}:{}", RuleId::AccessExcessiveGrant, a.role.value),
            &[RuleId::AccessExcessiveGrant],
            CheckKind::Probe(Box::new(AccessProbe {
                personal: personal.clone(),
                profile: Some((a.role.value.clone(), allowed)),
            })),
        );
    }
}

/// `access-public-grant` (no profile) or `access-excessive-grant` for one `[[access]]` profile
/// (its role and the tables its `may_read` lists).
struct AccessProbe {
    personal: BTreeSet<String>,
    profile: Option<(String, BTreeSet<String>)>,
}

impl Probe for AccessProbe {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let d = db.dialect();
        let Some((role, allowed)) = &self.profile else {
            let open = db.reach(Grantee::Public, &self.personal)?;
            return Ok(open
                .into_iter()
                .map(|(t, grants)| {
                    let holders: BTreeSet<&str> =
                        grants.iter().map(|g| g.holder.as_str()).collect();
                    let holders: Vec<&str> = holders.into_iter().collect();
                    finding(
                        RuleId::AccessPublicGrant,
                        &t,
                        format!(
                            "every account can reach personal-data table {t} (privilege granted to {})",
                            holders.join(", ")
                        ),
                        revoke_sql(d, &t, &grants, None),
                    )
                })
                .collect());
        };
        let reach = db.reach(Grantee::Role(role), &self.personal)?;
        Ok(reach
            .into_iter()
            .filter(|(t, _)| !allowed.contains(t))
            .map(|(t, grants)| {
                let mut f = finding(
                    RuleId::AccessExcessiveGrant,
                    &t,
                    format!("role {role} can reach personal-data table {t}, which its profile's may_read does not list"),
                    revoke_sql(d, &t, &grants, Some(role)),
                );
                f.sample_keys = vec![role.clone()];
                f
            })
            .collect())
    }
}

fn finding(rule: RuleId, table: &str, message: String, sql: String) -> Finding {
    let mut f = super::finding(rule, message);
    f.table = Some(table.strip_prefix("public.").unwrap_or(table).to_string());
    f.count = 1;
    f.remediation = Some(Remediation {
        sql,
        applicability: Applicability::Review,
    });
    f
}

/// One statement per grant, by the level it was made at: a table or column grant is revoked
/// on the table; a grant held through a role may have to be revoked from that role; a
/// database or global grant covers more than this table, so it is shown to be narrowed by a
/// person.
fn revoke_sql(d: Dialect, table: &str, grants: &[Grant], role: Option<&str>) -> String {
    let target = match table.split_once('.') {
        Some((s, n)) => d.table_ref(Some(s), n),
        None => d.quote_ident(table),
    };
    let mut out = String::from("-- Review before running: vigie never executes this.\n");
    let mut done = BTreeSet::new();
    for g in grants {
        let who = &g.holder;
        let all = if d == Dialect::Mysql {
            "ALL PRIVILEGES"
        } else {
            "ALL"
        };
        let line = match &g.level {
            GrantLevel::Table => format!("REVOKE {all} ON {target} FROM {who};\n"),
            GrantLevel::Membership => format!(
                "-- The privilege may also come through a role {} is a member of.\nREVOKE {all} ON {target} FROM {who};\n",
                role.unwrap_or(who)
            ),
            GrantLevel::Database(pattern) => format!(
                "-- {who} holds it on every table of database pattern {pattern}: grant the tables it needs, then\n-- REVOKE {all} ON {}.* FROM {who};\n",
                d.quote_ident(pattern)
            ),
            GrantLevel::Global => format!(
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

    fn grant(holder: &str, level: GrantLevel) -> Grant {
        Grant {
            holder: holder.into(),
            level,
        }
    }

    #[test]
    fn a_table_grant_is_revoked_on_the_table_and_wider_ones_are_shown() {
        let sql = revoke_sql(
            Dialect::Mysql,
            "crm.eleves",
            &[
                grant("'u'@'%'", GrantLevel::Table),
                grant("'u'@'%'", GrantLevel::Table),
                grant("'v'@'%'", GrantLevel::Database("crm".into())),
                grant("'root'@'%'", GrantLevel::Global),
            ],
            None,
        );
        assert_eq!(
            sql.matches("REVOKE ALL PRIVILEGES ON `crm`.`eleves`")
                .count(),
            1
        );
        assert!(sql.contains("-- REVOKE ALL PRIVILEGES ON `crm`.* FROM 'v'@'%';"));
        assert!(sql.contains("'root'@'%' holds it on every table of the server"));
    }

    #[test]
    fn a_postgres_role_grant_says_it_may_come_through_membership() {
        let sql = revoke_sql(
            Dialect::Postgres,
            "public.eleves",
            &[grant("\"lecteur\"", GrantLevel::Membership)],
            Some("lecteur"),
        );
        assert_eq!(
            sql,
            "-- Review before running: vigie never executes this.\n-- The privilege may also come through a role lecteur is a member of.\nREVOKE ALL ON \"public\".\"eleves\" FROM \"lecteur\";\n"
        );
    }
}
