//! `retention-anchor-missing`: rows whose retention cannot be computed because the column it
//! starts from is NULL or not a usable date. Such rows escape `retention-exceeded`, so they are
//! counted on their own, with the entry's `where` and "not yet anonymised" conditions.

use super::Resolved;
use crate::check::CountCheck;
use crate::rules::{Planner, Rule, RuleId};

/// Its check is planned by `RetentionExceeded`, right after that entry's `retention-exceeded`.
pub struct RetentionAnchorMissing;

impl Rule for RetentionAnchorMissing {
    fn id(&self) -> RuleId {
        RuleId::RetentionAnchorMissing
    }
}

/// The count of an entry's rows with no usable anchor. It does not depend on as-of: the SQL
/// run is the SQL shown.
pub(super) fn check(p: &Planner<'_>, e: &Resolved<'_>) -> CountCheck {
    let d = p.dialect;
    let missing = e.with_extra(d.date_missing(&e.anchor_col, e.class));
    let template = p.finding(
        RuleId::RetentionAnchorMissing,
        Some(e.purpose),
        Some(e.table),
        crate::rules::msg("retention-anchor-missing")
            .arg("table", e.table.display_name())
            .arg("from", &e.anchor.name),
    );
    let sql = p.count_sql(e.table, "t", &e.from, &missing);
    CountCheck {
        display_sql: sql.clone(),
        sql,
        uses_as_of: false,
        template,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::CheckKind;
    use crate::rules::test_support::{count, ids_of, planned, table};

    const POLICY: &str = r#"
[[purpose]]
id = "alumni-network"
legal_basis = "legitimate-interest"

[[purpose.retention]]
table = "alumni"
keep = "2y"
from = "derniere_activite"
then = "anonymise"
anonymise = ["email"]
where = "statut <> 'legal-hold'"
"#;

    fn alumni() -> crate::catalog::Table {
        table(
            "alumni",
            &[
                ("id", "integer", false),
                ("email", "text", true),
                ("statut", "text", true),
                ("derniere_activite", "date", true),
            ],
        )
    }

    #[test]
    fn rows_without_an_anchor_are_counted_with_the_entrys_conditions() {
        let (checks, _) = planned(POLICY, vec![alumni()]);
        // Planned with the entry's retention-exceeded check, right after it.
        let ids: Vec<&str> = checks
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| id.starts_with("retention-") && id.contains(':'))
            .collect();
        assert_eq!(
            ids,
            [
                "retention-exceeded:alumni-network:alumni",
                "retention-anchor-missing:alumni-network:alumni"
            ]
        );
        let c = count(&checks, "retention-anchor-missing:alumni-network:alumni");
        assert!(!c.uses_as_of);
        assert_eq!(c.sql, c.display_sql);
        assert_eq!(
            c.sql,
            r#"SELECT (SELECT count(*) FROM "alumni" AS t WHERE t."derniere_activite" IS NULL AND (statut <> 'legal-hold') AND (NOT (t."email" IS NULL OR t."email" = ''))), CAST(t."id" AS TEXT) FROM "alumni" AS t WHERE t."derniere_activite" IS NULL AND (statut <> 'legal-hold') AND (NOT (t."email" IS NULL OR t."email" = '')) ORDER BY t."id" LIMIT 10"#
        );
        assert!(c.fix.is_none());
        assert_eq!(
            c.template.message,
            "{count} rows of alumni with no usable derniere_activite: retention cannot be computed"
        );
        assert_eq!(c.template.purpose.as_deref(), Some("alumni-network"));
    }

    #[test]
    fn an_unresolved_entry_breaks_both_counts_with_the_same_reason() {
        let (checks, problems) = planned(POLICY, vec![]);
        let ids = ids_of(&checks, "retention-anchor-missing");
        assert_eq!(ids, ["retention-anchor-missing:alumni-network:alumni"]);
        for id in [
            "retention-exceeded:alumni-network:alumni",
            "retention-anchor-missing:alumni-network:alumni",
        ] {
            let c = checks.iter().find(|c| c.id == id).expect("the check");
            assert!(
                matches!(&c.kind, CheckKind::Broken(why) if why.render(crate::i18n::Lang::En) == "table `alumni` does not exist in the database"),
                "{id}"
            );
        }
        // One problem for the table, not one per check.
        assert_eq!(problems, 1);
    }
}
