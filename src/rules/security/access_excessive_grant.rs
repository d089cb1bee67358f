//! `access-excessive-grant`: for each `[[access]]` profile, a personal-data table its role can
//! reach (directly or through role membership) that `may_read` does not list. One check per
//! profile.

use super::access::{NO_PRIVILEGES, finding, revoke_sql};
use crate::check::{Ask, AskError, CheckKind, Grantee, Probe};
use crate::finding::Finding;
use crate::rules::retention::personal_tables;
use crate::rules::{Planner, Rule, RuleId};
use std::collections::BTreeSet;

pub struct AccessExcessiveGrant;

impl Rule for AccessExcessiveGrant {
    fn id(&self) -> RuleId {
        RuleId::AccessExcessiveGrant
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let id = self.id();
        let policy = p.policy;
        if !p.dialect.has_privileges() {
            for a in &policy.access {
                p.push(
                    format!("{id}:{}", a.role.value),
                    &[id],
                    CheckKind::Skipped(crate::i18n::Message::keyed("check", NO_PRIVILEGES)),
                );
            }
            return;
        }
        let personal = personal_tables(p);
        if personal.is_empty() {
            return;
        }
        for a in &policy.access {
            let mut allowed = BTreeSet::new();
            for t in &a.may_read {
                if let Ok(table) = p.table(t) {
                    allowed.insert(table.qualified_name());
                }
            }
            p.push(
                format!("{id}:{}", a.role.value),
                &[id],
                CheckKind::Probe(Box::new(ProfileProbe {
                    personal: personal.clone(),
                    role: a.role.value.clone(),
                    allowed,
                })),
            );
        }
    }
}

/// One `[[access]]` profile: its role and the tables its `may_read` lists.
struct ProfileProbe {
    personal: BTreeSet<String>,
    role: String,
    allowed: BTreeSet<String>,
}

impl Probe for ProfileProbe {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let d = db.dialect();
        let role = &self.role;
        let reach = db.reach(Grantee::Role(role), &self.personal)?;
        Ok(reach
            .into_iter()
            .filter(|(t, _)| !self.allowed.contains(t))
            .map(|(t, grants)| {
                let mut f = finding(
                    RuleId::AccessExcessiveGrant,
                    &t,
                    crate::rules::msg("access-excessive-grant")
                        .arg("role", role)
                        .arg("table", &t),
                    revoke_sql(d, &t, &grants, Some(role)),
                );
                f.sample_keys = vec![role.clone()];
                f
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::access::grant;
    use super::*;
    use crate::check::GrantLevel;
    use crate::dialect::Dialect;

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
