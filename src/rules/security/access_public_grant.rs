//! `access-public-grant`: a privilege (or a column privilege) granted to every account on a
//! table the policy treats as personal data. One check for all those tables.

use super::access::{NO_PRIVILEGES, finding, revoke_sql};
use crate::check::{Ask, AskError, CheckKind, Grantee, Probe};
use crate::finding::Finding;
use crate::rules::retention::personal_tables;
use crate::rules::{Planner, Rule, RuleId};
use std::collections::BTreeSet;

pub struct AccessPublicGrant;

impl Rule for AccessPublicGrant {
    fn id(&self) -> RuleId {
        RuleId::AccessPublicGrant
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let id = self.id();
        if !p.dialect.has_privileges() {
            // A SQLite file has no accounts: said only when the policy asks about access.
            if !p.policy.access.is_empty() {
                p.push(
                    id.to_string(),
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
        p.push(
            id.to_string(),
            &[id],
            CheckKind::Probe(Box::new(PublicProbe { personal })),
        );
    }
}

/// The personal-data tables every account can reach.
struct PublicProbe {
    personal: BTreeSet<String>,
}

impl Probe for PublicProbe {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError> {
        let d = db.dialect();
        let open = db.reach(Grantee::Public, &self.personal)?;
        Ok(open
            .into_iter()
            .map(|(t, grants)| {
                let holders: BTreeSet<&str> = grants.iter().map(|g| g.holder.as_str()).collect();
                let holders: Vec<&str> = holders.into_iter().collect();
                finding(
                    RuleId::AccessPublicGrant,
                    &t,
                    crate::rules::msg("access-public-grant")
                        .arg("table", &t)
                        .arg("holders", holders.join(", ")),
                    revoke_sql(d, &t, &grants, None),
                )
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
}
