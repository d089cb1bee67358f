//! `retention-undeclared`: a table that holds personal data (`super::personal_tables`) with no
//! `[[purpose.retention]]` at all. Read from the policy and catalog: no row is read.

use crate::catalog::Table;
use crate::check::CheckKind;
use crate::finding::{Applicability, Remediation};
use crate::rules::columns::{Judgement, PolicyView};
use crate::rules::{GateTrigger, Planner, Rule, RuleId};
use std::collections::BTreeSet;

pub struct RetentionUndeclared;

impl Rule for RetentionUndeclared {
    fn id(&self) -> RuleId {
        RuleId::RetentionUndeclared
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::TableCreated)
    }

    /// A new table that holds personal data needs its retention declared before it ships.
    fn judge_created_table(
        &self,
        view: &PolicyView,
        table: &Table,
        personal: bool,
    ) -> Option<Judgement> {
        (personal && !view.has_retention(table)).then(|| Judgement {
            rule: RuleId::RetentionUndeclared,
            category: None,
            message: crate::rules::msg("retention-undeclared-new").arg("table", &table.name),
            help: crate::i18n::Message::keyed("gate", "help-retention-undeclared")
                .arg("table", &table.name),
        })
    }

    fn plan(&self, p: &mut Planner<'_>) {
        let policy = p.policy;
        let mut covered = BTreeSet::new();
        for purpose in &policy.purposes {
            for r in &purpose.retention {
                if let Some(t) = p.catalog.find_table(&r.table.value) {
                    covered.insert(t.qualified_name());
                }
            }
        }
        let mut findings = Vec::new();
        for name in super::personal_tables(p) {
            if covered.contains(&name) {
                continue;
            }
            let Some(table) = p.catalog.find_table(&name) else {
                continue;
            };
            let rows: crate::i18n::Arg = match table.row_estimate {
                Some(n) => crate::rules::msg("retention-undeclared-rows")
                    .arg("rows", n.to_string())
                    .into(),
                None => "".into(),
            };
            let mut f = p.finding(
                RuleId::RetentionUndeclared,
                None,
                Some(table),
                crate::rules::msg("retention-undeclared")
                    .arg("table", table.display_name())
                    .arg("rows", rows),
            );
            f.count = 1;
            f.remediation = Some(Remediation {
                sql: fix(&table.display_name()),
                applicability: Applicability::DisplayOnly,
            });
            findings.push(f);
        }
        p.push(
            RuleId::RetentionUndeclared.to_string(),
            &[RuleId::RetentionUndeclared],
            CheckKind::Catalog(findings),
        );
    }
}

/// A policy change, shown as SQL comments: declare the table's retention.
fn fix(table: &str) -> String {
    format!(
        "-- Declare how long {table} is kept, in the purpose that uses it:\n-- [[purpose.retention]]\n-- table = \"{table}\"\n-- keep = \"…\"\n-- from = \"…\"\n"
    )
}

#[cfg(test)]
mod tests {
    use crate::check::CheckKind;
    use crate::finding::Finding;
    use crate::rules::test_support::{check, planned, table};

    const POLICY: &str = r#"
[[subject]]
id = "candidat"
table = "candidats"

[[subject]]
id = "alumni"
table = "alumni"

[[purpose]]
id = "admissions"
legal_basis = "contract"
subjects = ["candidat"]
data = ["paiements.montant"]

[[purpose.retention]]
table = "alumni"
keep = "2y"
from = "derniere_activite"
"#;

    fn findings(tables: Vec<crate::catalog::Table>) -> Vec<Finding> {
        let (checks, _) = planned(POLICY, tables);
        match &check(&checks, "retention-undeclared").kind {
            CheckKind::Catalog(f) => f.clone(),
            _ => panic!("retention-undeclared reads no row"),
        }
    }

    #[test]
    fn a_personal_table_without_retention_is_reported_once() {
        let mut candidats = table("candidats", &[("id", "integer", false)]);
        candidats.row_estimate = Some(120);
        let found = findings(vec![
            candidats,
            table("alumni", &[("id", "integer", false)]),
            table("paiements", &[("id", "integer", false)]),
            table("journal", &[("id", "integer", false)]),
        ]);
        let tables: Vec<_> = found.iter().map(|f| f.table.as_deref()).collect();
        // alumni has a retention; journal holds no personal data by the policy.
        assert_eq!(tables, [Some("candidats"), Some("paiements")]);
        assert_eq!(
            found[0].message,
            "table candidats holds personal data (about 120 rows) but no purpose declares its retention"
        );
        assert_eq!(found[0].count, 1);
        let fix = found[1].remediation.as_ref().expect("a fix");
        assert!(fix.sql.contains("-- table = \"paiements\""));
        assert!(fix.sql.lines().all(|l| l.starts_with("--")), "display only");
    }

    #[test]
    fn a_table_missing_from_the_catalog_is_not_reported_here() {
        assert!(findings(vec![]).is_empty());
    }

    #[test]
    fn the_gate_judges_a_new_personal_table_without_retention() {
        use crate::rules::columns::PolicyView;
        use crate::rules::{GateTrigger, RuleId, unit};
        let policy =
            crate::policy::load_str("p.toml", POLICY, crate::dialect::Dialect::Postgres).unwrap();
        let view = PolicyView::new(&policy);
        let unit = unit(RuleId::RetentionUndeclared);
        assert_eq!(unit.gate_trigger(), Some(GateTrigger::TableCreated));
        let candidats = table("candidats", &[("id", "integer", false)]);
        let j = unit
            .judge_created_table(&view, &candidats, true)
            .expect("personal, no retention");
        assert_eq!(j.rule, RuleId::RetentionUndeclared);
        assert_eq!(
            j.message.to_string(),
            "new table candidats holds personal data but no purpose declares its retention"
        );
        let alumni = table("alumni", &[("id", "integer", false)]);
        assert!(
            unit.judge_created_table(&view, &alumni, true).is_none(),
            "has a retention"
        );
        assert!(
            unit.judge_created_table(&view, &candidats, false).is_none(),
            "not personal"
        );
    }
}
