//! Free text: comments and notes read once per column, matched against the lexicons and the
//! identifier validators, one finding per (table, column, category).
//!
//! Which columns: those listed in `[free_text].columns`, and with `auto = true` every text
//! column whose name says free text (commentaire, remarque, notes, observation…) or whose
//! values look like it in a bounded sample (average length and share of distinct values). The
//! report says which columns were scanned and why.
//!
//! How: each column is one [`FreeTextCheck`], streamed once by the engine
//! (the engine's free-text runner); hits become one finding per category, with the rule, message
//! and remediation this module gives.
//!
//! Each rule is its own unit and says which categories it reports (`judgement.rs`,
//! `sensitive.rs`, `identifier.rs`). One stream per column answers all three, so the column's
//! check is planned once, by [`FreeTextJudgement`]; this module chooses the columns and writes
//! the fix, which is the same for every category.

pub mod identifier;
pub mod judgement;
pub mod sensitive;

pub use identifier::FreeTextIdentifier;
pub use judgement::FreeTextJudgement;
pub use sensitive::FreeTextSensitive;

use super::{Planner, RuleId};
use crate::catalog::{Table, TypeClass};
use crate::check::{CheckKind, FreeTextCheck, Why};
use crate::dialect::Dialect;
use crate::dialect::remediation::blank_by_keys;
use crate::finding::{Applicability, BlankRows, Finding, Remediation, TermCount};
use crate::text::Category;
use crate::text::names::{ColumnCategory, classify_name};
use std::collections::BTreeSet;

/// The rule that reports hits of a category: the one whose file lists it (each category is
/// listed by exactly one rule, tested).
pub fn rule_of(cat: Category) -> RuleId {
    if judgement::CATEGORIES.contains(&cat) {
        RuleId::FreeTextJudgement
    } else if identifier::CATEGORIES.contains(&cat) {
        RuleId::FreeTextIdentifier
    } else {
        RuleId::FreeTextSensitive
    }
}

/// The free-text columns of the policy and the catalog, one check each (`Broken` for a listed
/// column the catalog lacks): listed columns first, then those found with `auto = true`.
fn columns(p: &mut Planner<'_>) -> Vec<(String, CheckKind)> {
    let mut out = Vec::new();
    let policy = p.policy;
    let mut listed: BTreeSet<(String, String)> = BTreeSet::new();
    for name in &policy.free_text.columns {
        let Some((t, c)) = crate::policy::split_column_reference(&name.value) else {
            continue;
        };
        let id = format!("free-text:{}", name.value);
        let table_name = crate::policy::Name {
            value: t.to_string(),
            span: name.span.clone(),
        };
        let col_name = crate::policy::Name {
            value: c.to_string(),
            span: name.span.clone(),
        };
        let resolved = p
            .table(&table_name)
            .and_then(|table| p.column(table, &col_name).map(|col| (table, col)));
        match resolved {
            Ok((table, col)) => {
                listed.insert((table.qualified_name(), col.name.clone()));
                let mut check = make_check(table, &col.name, Why::Listed);
                check.purpose = purpose_of(p, table, &col.name);
                out.push((id, CheckKind::FreeText(check)));
            }
            Err(why) => out.push((id, CheckKind::Broken(why))),
        }
    }
    if !policy.free_text.auto {
        return out;
    }
    let catalog = p.catalog;
    for table in &catalog.tables {
        for col in &table.columns {
            if col.type_class() != TypeClass::Text
                || listed.contains(&(table.qualified_name(), col.name.clone()))
            {
                continue;
            }
            if table.primary_key.iter().any(|k| k == &col.name) {
                continue;
            }
            let class = classify_name(&table.name, &col.name, &col.data_type);
            let why = match &class {
                Some(k) if k.category == ColumnCategory::FreeText => Why::Name(k.reason.clone()),
                // A column that is something else by name (an e-mail, a phone) is not free text.
                Some(_) => continue,
                None if long_text_type(&col.data_type) && !structured_name(&col.name) => {
                    Why::Sample
                }
                None => continue,
            };
            let id = format!("free-text:{}.{}", table.display_name(), col.name);
            let mut check = make_check(table, &col.name, why);
            check.purpose = purpose_of(p, table, &col.name);
            out.push((id, CheckKind::FreeText(check)));
        }
    }
    out
}

/// Names that announce a date, a code or a closed list, never prose (SQLite declares them
/// all `TEXT`).
fn structured_name(name: &str) -> bool {
    let n = name.to_lowercase();
    let tokens: Vec<&str> = n
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let last = tokens.last().copied().unwrap_or("");
    tokens.iter().any(|t| {
        matches!(
            *t,
            "date"
                | "dt"
                | "type"
                | "statut"
                | "status"
                | "code"
                | "etat"
                | "state"
                | "canal"
                | "channel"
                | "source"
                | "langue"
                | "lang"
                | "locale"
                | "pays"
                | "country"
                | "devise"
                | "currency"
                | "uuid"
                | "hash"
                | "token"
        )
    }) || matches!(last, "le" | "at" | "on" | "id" | "ref" | "url" | "uri")
}

/// Types that can hold prose: `text`, `clob`, unbounded or long `varchar`.
fn long_text_type(data_type: &str) -> bool {
    crate::catalog::SqlType::of(data_type).long_text
}

fn purpose_of(p: &Planner<'_>, table: &Table, column: &str) -> Option<String> {
    p.policy
        .purposes
        .iter()
        .find(|pu| {
            pu.data.iter().any(|d| {
                crate::policy::split_column_reference(&d.value).is_some_and(|(t, c)| {
                    c.eq_ignore_ascii_case(column)
                        && t.rsplit('.')
                            .next()
                            .is_some_and(|t| t.eq_ignore_ascii_case(&table.name))
                })
            })
        })
        .map(|pu| pu.id.value.clone())
}

fn make_check(table: &Table, column: &str, why: Why) -> FreeTextCheck {
    let key_integer = table.primary_key.len() == 1
        && table
            .column(&table.primary_key[0])
            .is_some_and(|c| c.type_class() == TypeClass::Integer);
    FreeTextCheck {
        schema: table.schema.clone(),
        table: table.name.clone(),
        display: table.display_name(),
        key: table.primary_key.clone(),
        key_integer,
        column: column.to_string(),
        why,
        purpose: None,
    }
}

/// What the stream of one column found for one category: the engine tallies, the rule words it.
pub struct Tally {
    /// Rows with at least one hit of the category.
    pub count: u64,
    /// The smallest keys, in key order.
    pub sample_keys: Vec<String>,
    /// Every flagged key, for the remediation.
    pub all_keys: Vec<String>,
    /// How many rows each lexicon term was found in.
    pub terms: Vec<TermCount>,
    /// Masked excerpts, with `--show-excerpts` only.
    pub excerpts: Vec<String>,
}

/// The legal ground of one category: a rule reports several, and only art. 9 data is art. 9
/// (family situation and financial hardship are not; a phone number is not a NIR).
pub fn legal_reference(cat: Category) -> &'static str {
    crate::i18n::text(crate::i18n::Lang::En, legal_reference_id(cat))
}

/// The catalogue id of [`legal_reference`], for the French text.
pub fn legal_reference_id(cat: Category) -> &'static str {
    match cat {
        Category::Insult | Category::Judgement => "legal.comments",
        Category::Health
        | Category::Religion
        | Category::Ethnic
        | Category::Political
        | Category::Union
        | Category::Sexual => "legal.special",
        Category::Offence => "legal.offence",
        Category::Financial => "legal.financial",
        Category::Family => "legal.family",
        Category::Scholarship => "legal.scholarship",
        Category::Passport | Category::IdCard => "legal.identity",
        Category::Password => "legal.password",
        Category::Nir => "legal.nir",
        Category::Iban | Category::Card => "legal.payment",
        Category::Phone | Category::Email => "legal.comments-only",
    }
}

/// The finding of one category in one column: its rule, message, most frequent terms and fix.
pub fn finding(d: Dialect, c: &FreeTextCheck, cat: Category, t: Tally, sql: &str) -> Finding {
    let mut f = super::finding(rule_of(cat), super::msg("free-text"));
    f.legal_reference = legal_reference(cat).to_string();
    f.purpose = c.purpose.clone();
    f.table = Some(c.display.clone());
    f.column = Some(c.column.clone());
    f.category = Some(cat.as_str().to_string());
    if cat == Category::Scholarship {
        f.severity = crate::finding::Severity::Low;
    } else if cat.is_contact() {
        f.severity = crate::finding::Severity::Info;
    }
    f.count = t.count;
    f.sample_keys = t.sample_keys;
    let mut terms = t.terms;
    terms.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.term.cmp(&y.term)));
    let top: Vec<String> = terms.iter().take(3).map(|t| t.term.clone()).collect();
    f.set_text(
        super::msg("free-text")
            .arg("count", t.count)
            .arg("column", format!("{}.{}", c.display, c.column))
            .arg(
                "category",
                crate::i18n::Message::keyed("category", cat.as_str()),
            )
            .arg("terms", top.join(", ")),
    );
    f.terms = terms;
    f.excerpts = t.excerpts;
    f.query = Some(sql.to_string());
    let flagged = t.all_keys.len();
    f.blank = blank_rows(d, c, t.all_keys);
    f.remediation = Some(fix(d, c, cat, flagged, f.blank.as_ref()));
    f
}

/// The rows of `keys` whose comment the fix sets to NULL, as SQL: `None` without a
/// single-column key.
pub fn blank_rows(d: Dialect, c: &FreeTextCheck, mut keys: Vec<String>) -> Option<BlankRows> {
    if c.key.len() != 1 {
        return None;
    }
    keys.sort_by(|a, b| crate::finding::key_order(a, b));
    keys.dedup();
    let keys = keys
        .into_iter()
        .map(|k| {
            if c.key_integer && k.parse::<i128>().is_ok() {
                k
            } else {
                d.quote_literal(&k)
            }
        })
        .collect();
    Some(BlankRows {
        table: d.table_ref(c.schema.as_deref(), &c.table),
        column: d.quote_ident(&c.column),
        key: d.quote_ident(&c.key[0]),
        keys,
    })
}

/// `UPDATE … SET col = NULL WHERE key IN (…)`, batched, for a person to review: comments are
/// best rewritten by a person, neutrally, rather than erased.
pub fn remediation(d: Dialect, c: &FreeTextCheck, cat: Category, keys: Vec<String>) -> Remediation {
    let flagged = keys.len();
    fix(d, c, cat, flagged, blank_rows(d, c, keys).as_ref())
}

/// The proposal for `flagged` rows whose comments `rows` selects (none without a single-column
/// key: then the rows are chosen by hand).
fn fix(
    d: Dialect,
    c: &FreeTextCheck,
    cat: Category,
    flagged: usize,
    rows: Option<&BlankRows>,
) -> Remediation {
    let mut sql = format!(
        "-- rule: {} | {}.{} | category: {} | {} row(s)\n-- Prefer rewriting each comment neutrally (facts needed for the purpose only);\n-- this sets the flagged comments to NULL. Review before running: vigie never executes this.\n",
        rule_of(cat),
        c.table,
        c.column,
        cat.as_str(),
        flagged
    );
    let Some(rows) = rows else {
        sql.push_str("-- The table has no single-column primary key: select the rows by hand.\n");
        return Remediation {
            sql,
            applicability: Applicability::DisplayOnly,
        };
    };
    sql.push_str(d.begin());
    sql.push('\n');
    sql.push_str(&blank_by_keys(
        &rows.table,
        &rows.column,
        &rows.key,
        &rows.keys,
    ));
    sql.push_str("COMMIT;\n");
    Remediation {
        sql,
        applicability: Applicability::Review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_special_categories_cite_article_9_and_only_the_nir_cites_its_law() {
        for cat in Category::ALL {
            let r = legal_reference(cat);
            let special = matches!(
                cat,
                Category::Health
                    | Category::Religion
                    | Category::Ethnic
                    | Category::Political
                    | Category::Union
                    | Category::Sexual
            );
            assert_eq!(r.contains("art. 9 ("), special, "{cat}: {r}");
            assert_eq!(
                r.contains("art. 10"),
                cat == Category::Offence,
                "{cat}: {r}"
            );
            assert_eq!(
                r.contains("LIL art. 30"),
                cat == Category::Nir,
                "{cat}: {r}"
            );
        }
        assert!(legal_reference(Category::Family).contains("not art. 9"));
        assert!(legal_reference(Category::Financial).contains("not art. 9"));
    }

    #[test]
    fn every_category_is_reported_by_the_one_rule_that_lists_it() {
        for cat in Category::ALL {
            let listed: Vec<RuleId> = [
                (RuleId::FreeTextJudgement, judgement::CATEGORIES),
                (RuleId::FreeTextSensitive, sensitive::CATEGORIES),
                (RuleId::FreeTextIdentifier, identifier::CATEGORIES),
            ]
            .into_iter()
            .filter(|(_, cats)| cats.contains(&cat))
            .map(|(rule, _)| rule)
            .collect();
            assert_eq!(listed, vec![rule_of(cat)], "{}", cat.as_str());
        }
    }

    /// A column's check as the engine receives it, for the rules' fix tests.
    pub(super) fn check(key: &[&str], key_integer: bool) -> FreeTextCheck {
        FreeTextCheck {
            schema: None,
            table: "interactions".into(),
            display: "interactions".into(),
            key: key.iter().map(|k| k.to_string()).collect(),
            key_integer,
            column: "commentaire".into(),
            why: Why::Listed,
            purpose: None,
        }
    }
}
