//! `retention-exceeded`: rows kept past their purpose's duration, and the remediation that
//! deletes, archives or anonymises them.
//!
//! "Kept more than `keep`" means the anchor is strictly before as-of minus `keep` in
//! calendar units: a row exactly `keep` old is not yet a violation. With
//! `then = "anonymise"`, a row whose listed columns are already blank is no longer counted
//! (the module's shared condition), so applying the proposed remediation makes the next scan
//! clean.

use super::Resolved;
use crate::catalog::{Table, TypeClass};
use crate::check::{CountCheck, Fix};
use crate::dialect::remediation::{Action, RowSet};
use crate::finding::Applicability;
use crate::policy::Then;
use crate::rules::{Planner, Rule, RuleId};

pub struct RetentionExceeded;

impl Rule for RetentionExceeded {
    fn id(&self) -> RuleId {
        RuleId::RetentionExceeded
    }

    /// Plans the count checks of every retention entry, `retention-anchor-missing`'s with
    /// its own (one pass, in the order of the entries).
    fn plan(&self, p: &mut Planner<'_>) {
        super::plan_counts(p);
    }
}

/// The count of an entry's rows kept more than `keep`, with the fix its `then` asks for.
pub(super) fn check(p: &Planner<'_>, e: &Resolved<'_>) -> CountCheck {
    let d = p.dialect;
    let r = e.retention;
    let table = e.table;
    let (tok, lit) = p.as_of_tokens();
    let exceeded = |as_of: &str| {
        e.with_extra(format!(
            "{} < {}",
            d.date_value(&e.anchor_col, e.class),
            d.instant_minus(as_of, &r.keep)
        ))
    };

    // A `cnil:<id>` reference (or a `keep` that adopts one) is shown with its source.
    let reference = r
        .cited_reference
        .as_ref()
        .map(|c| c.reference)
        .or(r.keep_reference)
        .map(|rf| format!("{} ({})", rf.name(), rf.source))
        .or_else(|| r.reference.clone());
    let mut header = vec![
        format!(
            "rule: retention-exceeded | purpose: {} | table: {}",
            e.purpose,
            table.display_name()
        ),
        format!(
            "rows kept more than {} after {} (as of {}), then {}",
            r.keep,
            e.anchor.name,
            p.as_of,
            r.then.as_str()
        ),
    ];
    if let Some(reference) = &reference {
        header.push(format!("policy reference: {reference}"));
    }
    let action = match r.then {
        Then::Delete => Action::Delete,
        Then::Archive => Action::Archive,
        Then::Anonymise => Action::Anonymise(
            r.anonymise
                .iter()
                .map(|c| (c.value.clone(), anonymised_value(table, &c.value)))
                .collect(),
        ),
    };
    let mut template = p.finding(
        RuleId::RetentionExceeded,
        Some(e.purpose),
        Some(table),
        crate::rules::msg("retention-exceeded")
            .arg("table", table.display_name())
            .arg("keep", r.keep.to_string())
            .arg("from", &e.anchor.name),
    );
    if let Some(reference) = &reference {
        template.legal_reference = format!("{}; {reference}", template.legal_reference);
    }
    let fix = Fix::Rows {
        header,
        rows: RowSet {
            schema: table.schema.clone(),
            table: table.name.clone(),
            key: table.primary_key.clone(),
            predicate: exceeded(&lit),
        },
        action,
        applicability: Applicability::Review,
    };
    CountCheck {
        sql: p.count_sql(table, "t", &e.from, &exceeded(&tok)),
        display_sql: p.count_sql(table, "t", &e.from, &exceeded(&lit)),
        uses_as_of: true,
        template,
        fix: Some(fix),
    }
}

/// NULL where the column allows it, else an empty or zero value of its type.
fn anonymised_value(table: &Table, column: &str) -> String {
    match table.column(column) {
        Some(c) if !c.nullable => match c.type_class() {
            TypeClass::Text => "''".into(),
            TypeClass::Integer | TypeClass::Decimal | TypeClass::Boolean => "0".into(),
            _ => "NULL".into(),
        },
        _ => "NULL".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckKind;
    use crate::rules::test_support::{count, ids_of, planned, table};

    const POLICY: &str = r#"
[[purpose]]
id = "prospection"
legal_basis = "legitimate-interest"

[[purpose.retention]]
table = "prospects"
keep = "3y"
from = "dernier_contact"
then = "anonymise"
anonymise = ["email", "nom"]
reference = "cnil:prospection"

[[purpose.retention]]
table = "prospects"
keep = "5y"
from = "cree_le"
where = "statut = 'client'"
"#;

    fn prospects() -> Table {
        table(
            "prospects",
            &[
                ("id", "integer", false),
                ("email", "text", true),
                ("nom", "text", false),
                ("statut", "text", true),
                ("dernier_contact", "date", true),
                ("cree_le", "date", false),
            ],
        )
    }

    #[test]
    fn rows_older_than_keep_are_counted_unless_already_anonymised() {
        let (checks, _) = planned(POLICY, vec![prospects()]);
        // A table listed twice by one purpose: the second entry's id carries its position.
        assert_eq!(
            ids_of(&checks, "retention-exceeded"),
            [
                "retention-exceeded:prospection:prospects",
                "retention-exceeded:prospection:prospects#2"
            ]
        );
        let c = count(&checks, "retention-exceeded:prospection:prospects");
        assert!(c.uses_as_of);
        assert_eq!(
            c.display_sql,
            r#"SELECT (SELECT count(*) FROM "prospects" AS t WHERE t."dernier_contact" < (CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) - INTERVAL '3 years 0 months 0 days') AND (NOT (t."email" IS NULL OR t."email" = '') OR NOT (t."nom" IS NULL OR t."nom" = ''))), CAST(t."id" AS TEXT) FROM "prospects" AS t WHERE t."dernier_contact" < (CAST(CAST('2026-11-23 00:00:00' AS text) AS timestamptz) - INTERVAL '3 years 0 months 0 days') AND (NOT (t."email" IS NULL OR t."email" = '') OR NOT (t."nom" IS NULL OR t."nom" = '')) ORDER BY t."id" LIMIT 10"#
        );
        assert!(!c.sql.contains("2026-11-23"), "as-of is a parameter");
        assert_eq!(
            c.template.message,
            "{count} rows of prospects kept more than 3y after dernier_contact"
        );
        assert!(c.template.legal_reference.contains("cnil:prospection"));
        let second = count(&checks, "retention-exceeded:prospection:prospects#2");
        assert!(second.display_sql.contains("(statut = 'client')"));
        assert!(!second.display_sql.contains("NOT "));
    }

    #[test]
    fn the_fix_anonymises_each_listed_column_with_a_value_its_type_accepts() {
        let (checks, _) = planned(POLICY, vec![prospects()]);
        let c = count(&checks, "retention-exceeded:prospection:prospects");
        let Some(Fix::Rows {
            header,
            rows,
            action: Action::Anonymise(columns),
            applicability,
        }) = &c.fix
        else {
            panic!("an anonymising fix");
        };
        assert_eq!(
            columns,
            &[
                ("email".to_string(), "NULL".to_string()),
                ("nom".to_string(), "''".to_string())
            ]
        );
        assert_eq!(rows.key, ["id"]);
        assert_eq!(*applicability, Applicability::Review);
        assert!(header[0].starts_with("rule: retention-exceeded | purpose: prospection"));
        assert!(header.iter().any(|h| h.starts_with("policy reference: ")));
        let second = count(&checks, "retention-exceeded:prospection:prospects#2");
        assert!(matches!(
            second.fix,
            Some(Fix::Rows {
                action: Action::Delete,
                ..
            })
        ));
    }

    #[test]
    fn an_unknown_table_or_column_breaks_the_check_and_is_a_policy_problem() {
        let (checks, problems) = planned(
            &POLICY.replace("dernier_contact", "dernier_contct"),
            vec![prospects()],
        );
        let c = checks
            .iter()
            .find(|c| c.id == "retention-exceeded:prospection:prospects")
            .expect("the check");
        assert!(
            matches!(&c.kind, CheckKind::Broken(why) if why.render(crate::i18n::Lang::En).contains("dernier_contct")),
            "broken"
        );
        assert_eq!(problems, 1);
        let (checks, _) = planned(POLICY, vec![]);
        assert!(
            ids_of(&checks, "retention-exceeded")
                .iter()
                .all(|id| matches!(
                    checks.iter().find(|c| &c.id == id).map(|c| &c.kind),
                    Some(CheckKind::Broken(_))
                ))
        );
    }

    #[test]
    fn an_anonymised_value_fits_its_column() {
        let t = table(
            "t",
            &[
                ("a", "text", false),
                ("b", "integer", false),
                ("c", "boolean", false),
                ("d", "date", false),
                ("e", "text", true),
            ],
        );
        for (column, value) in [
            ("a", "''"),
            ("b", "0"),
            ("c", "0"),
            ("d", "NULL"),
            ("e", "NULL"),
            ("missing", "NULL"),
        ] {
            assert_eq!(anonymised_value(&t, column), value, "{column}");
        }
    }
}
