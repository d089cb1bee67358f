//! `free-text-judgement`: comments that insult or judge the person (art. 5.1.c-d, and the
//! CNIL's guidance on comment fields).
//!
//! This unit plans the one stream per free-text column that the three free-text rules share:
//! the check lists every rule it may yield, and each hit goes to the rule of its category.

use super::columns;
use crate::rules::{Planner, Rule, RuleId};
use crate::text::Category;

/// The categories this rule reports.
pub const CATEGORIES: &[Category] = &[Category::Insult, Category::Judgement];

/// Every rule a free-text column may yield.
const RULES: &[RuleId] = &[
    RuleId::FreeTextJudgement,
    RuleId::FreeTextSensitive,
    RuleId::FreeTextIdentifier,
];

pub struct FreeTextJudgement;

impl Rule for FreeTextJudgement {
    fn id(&self) -> RuleId {
        RuleId::FreeTextJudgement
    }

    fn plan(&self, p: &mut Planner<'_>) {
        for (id, kind) in columns(p) {
            p.push(id, RULES, kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{remediation, rule_of, tests::check};
    use super::*;
    use crate::catalog::{Catalog, Column, Table};
    use crate::check::CheckKind;
    use crate::dialect::Dialect;
    use crate::finding::Applicability;

    fn column(name: &str, data_type: &str) -> Column {
        Column {
            name: name.into(),
            data_type: data_type.into(),
            nullable: true,
            ..Column::default()
        }
    }

    #[test]
    fn one_check_per_column_yields_the_three_rules() {
        let policy = crate::policy::load_str(
            "policy.toml",
            "[free_text]\ncolumns = [\"interactions.commentaire\", \"interactions.absente\"]\nauto = true\n",
            Dialect::Sqlite,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let catalog = Catalog {
            tables: vec![Table {
                name: "interactions".into(),
                columns: vec![
                    column("id", "integer"),
                    column("commentaire", "text"),
                    column("remarques", "text"),
                    column("date_statut", "text"),
                    column("nombre", "integer"),
                ],
                primary_key: vec!["id".into()],
                ..Table::default()
            }],
            roles: None,
        };
        let mut p = crate::rules::Planner::new(
            &policy,
            &catalog,
            Dialect::Sqlite,
            jiff::Timestamp::UNIX_EPOCH,
            10,
        );
        FreeTextJudgement.plan(&mut p);
        let ids: Vec<&str> = p.checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "free-text:interactions.commentaire",
                "free-text:interactions.absente",
                "free-text:interactions.remarques",
            ]
        );
        assert!(matches!(p.checks[0].kind, CheckKind::FreeText(_)));
        assert!(matches!(p.checks[1].kind, CheckKind::Broken(_)));
        for c in &p.checks {
            assert_eq!(
                c.rules,
                [
                    "free-text-judgement",
                    "free-text-sensitive",
                    "free-text-identifier"
                ]
            );
        }
    }

    #[test]
    fn insults_and_judgements_are_this_rules_and_their_comments_are_emptied_by_key() {
        assert_eq!(rule_of(Category::Insult), RuleId::FreeTextJudgement);
        assert_eq!(rule_of(Category::Judgement), RuleId::FreeTextJudgement);
        let fix = remediation(
            Dialect::Postgres,
            &check(&["id"], true),
            Category::Judgement,
            vec!["10".into(), "9".into()],
        );
        assert_eq!(fix.applicability, Applicability::Review);
        assert!(fix.sql.starts_with(
            "-- rule: free-text-judgement | interactions.commentaire | category: judgement | 2 row(s)\n"
        ));
        assert!(
            fix.sql.contains(
                "UPDATE \"interactions\" SET \"commentaire\" = NULL WHERE \"id\" IN (9, 10);\n"
            ),
            "{}",
            fix.sql
        );
    }
}
