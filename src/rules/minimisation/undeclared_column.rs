//! `undeclared-column`: a column of a personal-data table that no purpose declares, or a
//! free-text column missing from `[free_text]`; and, by its values, a column revealing personal
//! data (e-mails, phones, password hashes…) on a table neither the policy nor the column names
//! mark as personal, so the judgement by name could not see it.
//!
//! This unit plans the catalog pass (`columns.rs`), one judgement per column that also answers
//! `sensitive-column`, `identifier-column`, `card-security-code` and `consent-default-true`.
//! The values sample it shares is planned by `identifier-column`.

use super::columns::{FixParts, Judgement, PolicyView};
use crate::catalog::{Column, Table};
use crate::finding::{Applicability, Remediation};
use crate::rules::{GateTrigger, Planner, Rule, RuleId};
use crate::text::names::{ColumnCategory, NameClass};

pub struct UndeclaredColumn;

impl Rule for UndeclaredColumn {
    fn id(&self) -> RuleId {
        RuleId::UndeclaredColumn
    }

    fn plan(&self, p: &mut Planner<'_>) {
        super::columns::plan(p);
    }

    fn gate_trigger(&self) -> Option<GateTrigger> {
        Some(GateTrigger::ColumnIntroduced)
    }
}

/// What to do when the policy's checks read the flagged column, so it may be neither dropped
/// nor blanked.
pub const INSTEAD_WHEN_USED: &str = "declare it in the `data` of the purpose that needs it.";

/// Columns that carry no personal meaning of their own.
/// Names are read as tokens, so `createdAt` and `userId` (Prisma, TypeORM, Sequelize) count
/// like `created_at` and `user_id`.
fn technical(column: &str) -> bool {
    let c = crate::text::names::tokenize(column).join("_");
    crate::text::names::is_bookkeeping(&c) || c.ends_with("_id")
}

/// A column of a personal-data table (`name` is `table.column` as reports show it) that no
/// other column rule flagged: the key and technical columns pass; a free-text column must be
/// listed in `[free_text]`, any other column declared by a purpose or used for a role.
pub fn judge(
    view: &PolicyView,
    table: &Table,
    column: &Column,
    name: &str,
    class: Option<&NameClass>,
) -> Option<Judgement> {
    let is_pk = table
        .primary_key
        .iter()
        .any(|k| k.eq_ignore_ascii_case(&column.name));
    if is_pk || technical(&column.name) {
        return None;
    }
    // A credential (a salt, a token, a key) is a secret of the service, not data a purpose
    // declares: `vigie init` leaves it out of `data` and says so in a comment.
    if class.is_some_and(|k| k.category == ColumnCategory::Credential) {
        return None;
    }
    let free_text = class.is_some_and(|k| k.category == ColumnCategory::FreeText);
    if free_text && !view.lists_free_text(table, &column.name) {
        Some(Judgement {
            rule: RuleId::UndeclaredColumn,
            category: Some("free-text".into()),
            message: crate::rules::msg("undeclared-column-free-text").arg("column", name),
            help: crate::i18n::Message::keyed("gate", "help-undeclared-free-text"),
        })
    } else if !view.is_declared(table, &column.name) && !free_text {
        let message = match class {
            Some(k) => crate::rules::msg("undeclared-column-class")
                .arg("column", name)
                .arg(
                    "category",
                    crate::i18n::Message::keyed("category", k.category.as_str()),
                )
                .arg("reason", &k.reason),
            None => crate::rules::msg("undeclared-column").arg("column", name),
        };
        Some(Judgement {
            rule: RuleId::UndeclaredColumn,
            category: class.map(|k| k.category.as_str().to_string()),
            message,
            help: crate::i18n::Message::keyed("gate", "help-undeclared-column").arg("column", name),
        })
    } else {
        None
    }
}

/// A column whose sampled values are personal data, on a table nobody marks as personal.
pub fn by_values_message(
    table: &str,
    column: &str,
    category: ColumnCategory,
    evidence: &str,
) -> crate::i18n::Message {
    crate::rules::msg("undeclared-column-values")
        .arg("column", format!("{table}.{column}"))
        .arg(
            "category",
            crate::i18n::Message::keyed("category", category.as_str()),
        )
        .arg("evidence", evidence)
}

/// Policy guidance, the drop shown as a comment: declaring the column may be the answer.
pub fn fix(parts: &FixParts<'_>) -> Remediation {
    let (table, column, what) = (parts.table, parts.column, &parts.what);
    Remediation {
        sql: format!(
            "-- vigie: {} {}.{column}{what}\n-- Declare \"{}.{column}\" in the `data` of the purpose that needs it, or stop collecting it:\n-- {}\n",
            parts.rule,
            table.display_name(),
            table.name,
            parts.drop
        ),
        applicability: Applicability::DisplayOnly,
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::{PolicyView, column_fix, judge_column};
    use super::super::test_support::{column, judge, policy, table};
    use crate::dialect::Dialect;
    use crate::finding::Applicability;
    use crate::rules::RuleId;

    #[test]
    fn a_column_no_purpose_declares() {
        let j = judge(column("surnom", "text"));
        assert_eq!(j.len(), 1, "{j:?}");
        assert_eq!(j[0].rule, RuleId::UndeclaredColumn);
        assert!(
            j[0].message.to_string().starts_with("column eleves.surnom")
                && j[0]
                    .message
                    .to_string()
                    .ends_with(" is used by no purpose of the policy"),
            "{}",
            j[0].message
        );
        assert!(
            j[0].help
                .render(crate::i18n::Lang::En)
                .starts_with("add \"eleves.surnom\" to the `data`")
        );
    }

    #[test]
    fn declared_key_role_and_technical_columns_pass() {
        let policy = policy();
        let view = PolicyView::new(&policy);
        let t = table(column("updatedAt", "timestamp"));
        for c in &t.columns {
            assert_eq!(judge_column(&view, &t, c, true), [], "{}", c.name);
        }
        assert_eq!(judge(column("classe_id", "integer")), []);
        assert_eq!(judge(column("classeId", "integer")), []);
    }

    #[test]
    fn credentials_are_not_a_purpose_s_data() {
        assert_eq!(judge(column("remember_token", "varchar(100)")), []);
        assert_eq!(judge(column("password_salt", "varchar(64)")), []);
        // A personal column next to them still is.
        assert_eq!(judge(column("surnom", "text")).len(), 1);
    }

    #[test]
    fn a_free_text_column_must_be_listed() {
        let j = judge(column("commentaire", "text"));
        assert_eq!(j.len(), 1, "{j:?}");
        assert_eq!(j[0].category.as_deref(), Some("free-text"));
        assert_eq!(
            j[0].message.to_string(),
            "free-text column eleves.commentaire on a personal-data table is not listed in [free_text]"
        );
    }

    #[test]
    fn a_table_nobody_marks_as_personal_is_not_judged_by_name() {
        let policy = policy();
        let view = PolicyView::new(&policy);
        let mut t = table(column("surnom", "text"));
        t.name = "reglages".into();
        let c = t.columns.last().expect("a column");
        assert_eq!(judge_column(&view, &t, c, false), []);
    }

    #[test]
    fn the_fix_is_guidance_with_the_drop_as_a_comment() {
        let t = table(column("surnom", "text"));
        let fix = column_fix(
            Dialect::Postgres,
            &t,
            "surnom",
            RuleId::UndeclaredColumn,
            None,
            None,
        );
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert_eq!(
            fix.sql,
            "-- vigie: undeclared-column eleves.surnom\n-- Declare \"eleves.surnom\" in the `data` of the purpose that needs it, or stop collecting it:\n-- ALTER TABLE \"eleves\" DROP COLUMN \"surnom\";\n"
        );
    }
}
