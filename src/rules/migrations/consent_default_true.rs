//! `consent-default-true`: a consent or opt-in column defaulting to true is a pre-ticked box
//! written into the schema.
//!
//! Judged with the column rules ([`crate::rules::minimisation::judge_column`]): by the gate
//! when a migration sets the default, and on a live database in the catalog pass that
//! `undeclared-column` plans; this unit plans nothing itself.

use crate::catalog::{Column, default_is_true};
use crate::finding::{Applicability, Remediation};
use crate::rules::minimisation::Judgement;
use crate::rules::minimisation::columns::FixParts;
use crate::rules::{GateTrigger, Rule, RuleId};
use crate::text::names::{ColumnCategory, NameClass};

pub struct ConsentDefaultTrue;

impl Rule for ConsentDefaultTrue {
    fn id(&self) -> RuleId {
        RuleId::ConsentDefaultTrue
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::ColumnDefault)
    }
}

/// A consent column by its category, or an opt-in by a word of its name.
fn is_consent_like(column: &str, class: Option<&NameClass>) -> bool {
    if class.is_some_and(|k| k.category == ColumnCategory::Consent) {
        return true;
    }
    let c = column.to_lowercase();
    [
        "optin",
        "opt_in",
        "consent",
        "newsletter",
        "accepte",
        "rgpd",
        "prospection",
        "marketing",
        "partenaires",
    ]
    .iter()
    .any(|w| c.contains(w))
}

/// A consent-like column (`name` is `table.column` as reports show it) whose default is true.
pub fn judge(name: &str, column: &Column, class: Option<&NameClass>) -> Option<Judgement> {
    let default = column.default.as_ref()?;
    (default_is_true(default) && is_consent_like(&column.name, class)).then(|| Judgement {
        rule: RuleId::ConsentDefaultTrue,
        category: Some("consent".into()),
        message: crate::rules::msg("consent-default-true")
            .arg("column", name)
            .arg("default", default.to_string()),
        help: crate::i18n::Message::keyed("gate", "help-consent-default-true"),
    })
}

/// Set the default to false; SQLite cannot, so it says how to rebuild the table.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    let d = parts.dialect;
    Remediation {
        sql: if !d.can_alter_column_default() {
            format!(
                "-- vigie: {} {}.{}\n-- SQLite cannot change a column default: rebuild the table with DEFAULT 0 (or no default).\n",
                parts.rule,
                parts.table.display_name(),
                parts.column
            )
        } else {
            format!(
                "{}{}\nALTER TABLE {} ALTER COLUMN {} SET DEFAULT false;\nCOMMIT;\n",
                parts.head,
                d.begin(),
                parts.table_ref,
                parts.column_ref
            )
        },
        applicability: Applicability::Review,
    }
}

#[cfg(test)]
mod tests {
    use super::is_consent_like;
    use crate::catalog::{Column, Table};
    use crate::dialect::Dialect;
    use crate::policy::load_str;
    use crate::rules::minimisation::{PolicyView, column_fix, judge_column};
    use crate::rules::{GateTrigger, RuleId, unit};

    fn judged(name: &str, default: Option<&str>) -> Vec<crate::rules::minimisation::Judgement> {
        let policy = load_str(
            "vigie.toml",
            "[organisation]\nname = \"t\"\n",
            Dialect::Postgres,
        )
        .expect("a policy declaring no purpose");
        let view = PolicyView::new(&policy);
        let t = Table {
            name: "alumni".into(),
            columns: vec![Column {
                name: name.into(),
                data_type: "boolean".into(),
                default: default.map(String::from),
                ..Column::default()
            }],
            ..Table::default()
        };
        judge_column(&view, &t, &t.columns[0], false)
    }

    #[test]
    fn an_opt_in_defaulting_to_true() {
        for default in ["true", "TRUE", "1", "'1'"] {
            let j = judged("newsletter", Some(default));
            assert_eq!(j.len(), 1, "{default}: {j:?}");
            assert_eq!(j[0].rule, RuleId::ConsentDefaultTrue);
            assert_eq!(
                j[0].message.to_string(),
                format!(
                    "consent column alumni.newsletter defaults to {default}: a pre-ticked box is not consent"
                )
            );
        }
    }

    #[test]
    fn a_false_default_or_another_column_passes() {
        assert_eq!(judged("newsletter", Some("false")), []);
        assert_eq!(judged("newsletter", None), []);
        assert_eq!(judged("actif", Some("true")), []);
    }

    #[test]
    fn opt_in_words() {
        for name in [
            "optin_sms",
            "accepte_cgu",
            "consentement",
            "OptInPartenaires",
        ] {
            assert!(is_consent_like(name, None), "{name}");
        }
        assert!(!is_consent_like("archive", None));
    }

    #[test]
    fn the_gate_reports_it_when_a_default_is_set() {
        assert_eq!(
            unit(RuleId::ConsentDefaultTrue).gate_trigger(),
            Some(GateTrigger::ColumnDefault)
        );
    }

    #[test]
    fn the_fix_sets_the_default_to_false_except_on_sqlite() {
        let t = Table {
            name: "alumni".into(),
            ..Table::default()
        };
        let fix = |d| {
            column_fix(
                d,
                &t,
                "newsletter",
                RuleId::ConsentDefaultTrue,
                Some("consent"),
                None,
            )
            .sql
        };
        assert_eq!(
            fix(Dialect::Postgres),
            "-- vigie: consent-default-true alumni.newsletter (consent)\n-- Review before running: application code, exports and backups may use this column.\nBEGIN;\nALTER TABLE \"alumni\" ALTER COLUMN \"newsletter\" SET DEFAULT false;\nCOMMIT;\n"
        );
        assert_eq!(
            fix(Dialect::Sqlite),
            "-- vigie: consent-default-true alumni.newsletter\n-- SQLite cannot change a column default: rebuild the table with DEFAULT 0 (or no default).\n"
        );
    }
}
