//! What the access rules share: who can read the personal-data tables, from the catalog's
//! privileges (no row read).
//!
//! The backend answers "which of these tables can this grantee reach, through which grants"
//! (`Ask::reach`: PostgreSQL's `has_table_privilege`, membership included; MySQL and MariaDB
//! from `information_schema` and the role tables, followed transitively); the rules decide
//! what is a violation, and this module writes the finding and the fix. An account that may
//! only see its own grants cannot answer, so the checks end in error (never a pass) with what
//! to grant. SQLite has no privileges, so both rules' checks end `skipped`.

use crate::check::{Grant, GrantLevel};
use crate::dialect::Dialect;
use crate::finding::{Applicability, Finding, Remediation};
use crate::rules::RuleId;
use std::collections::BTreeSet;

/// Why both rules' checks are skipped on SQLite.
/// The catalogue key (section `check`) of why access checks are skipped on SQLite.
pub(super) const NO_PRIVILEGES: &str = "no-privileges";

/// One personal-data table someone reaches, with the `REVOKE` statements to review.
pub(super) fn finding(
    rule: RuleId,
    table: &str,
    message: crate::i18n::Message,
    sql: String,
) -> Finding {
    let mut f = crate::rules::finding(rule, message);
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
pub(super) fn revoke_sql(d: Dialect, table: &str, grants: &[Grant], role: Option<&str>) -> String {
    let target = match table.split_once('.') {
        Some((s, n)) => d.table_ref(Some(s), n),
        None => d.quote_ident(table),
    };
    let mut out = String::from("-- Review before running: vigie never executes this.\n");
    let mut done = BTreeSet::new();
    for g in grants {
        let who = &g.holder;
        let all = d.revoke_all();
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
pub(super) fn grant(holder: &str, level: GrantLevel) -> Grant {
    Grant {
        holder: holder.into(),
        level,
    }
}
