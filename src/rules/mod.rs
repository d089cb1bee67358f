//! The registry of built-in rules: one table, read from the TOML files under `rules/`.
//!
//! A rule's title, default severity, legal reference and documentation (What it checks / Why
//! it matters / Example / Remediation / References) live in one place, as data embedded in
//! the binary, so `vigie rules`, `vigie explain` and every finding read the same text. The
//! code that evaluates a family lives beside this file (`retention/`, `consent/`, …).

pub mod consent;
pub mod custom;
pub mod free_text;
pub mod hygiene;
mod id;
pub mod migrations;
pub mod minimisation;
pub mod pack;
mod plan;
pub mod references;
pub mod retention;
pub mod rights;
pub mod security;
#[cfg(test)]
mod test_support;

pub use id::RuleId;
// The column judgement is shared beyond its family (the password rules name a column's purpose
// through it), so it keeps its short path.
pub use minimisation::columns;
pub use plan::Planner;
/// The password count, where the value-based column rules reach it
/// (`super::passwords::count_formats` in `minimisation.rs`).
pub use security::passwords;

use crate::finding::Severity;
use serde::Deserialize;
use std::sync::LazyLock;

/// The rule documentation files, as embedded (also hashed into the rule pack's version).
pub(crate) const SOURCES: &[(&str, &str)] = &[
    ("retention.toml", include_str!("../../rules/retention.toml")),
    ("consent.toml", include_str!("../../rules/consent.toml")),
    (
        "minimisation.toml",
        include_str!("../../rules/minimisation.toml"),
    ),
    ("free_text.toml", include_str!("../../rules/free_text.toml")),
    ("security.toml", include_str!("../../rules/security.toml")),
    ("rights.toml", include_str!("../../rules/rights.toml")),
    ("hygiene.toml", include_str!("../../rules/hygiene.toml")),
    (
        "migrations.toml",
        include_str!("../../rules/migrations.toml"),
    ),
];

/// A built-in rule: its id and the checks it plans. Planning pushes check descriptions
/// (`crate::check`): data, no connection. A rule whose findings come from a check another
/// rule of its family plans (one pass answering several questions) plans nothing itself;
/// that check lists every rule id it yields.
pub trait Rule: Sync {
    fn id(&self) -> RuleId;

    /// Push this rule's checks.
    fn plan(&self, _p: &mut Planner<'_>) {}

    /// The change in a migration file that makes the gate report this rule's judgement; `None`
    /// for a rule the gate does not run on what migrations change.
    fn gate_trigger(&self) -> Option<GateTrigger> {
        None
    }

    /// The judgement of a table the migrations create (rules whose trigger is
    /// [`GateTrigger::TableCreated`]): `personal` says whether the policy or the table's
    /// columns make it personal data.
    fn judge_created_table(
        &self,
        _view: &columns::PolicyView,
        _table: &crate::catalog::Table,
        _personal: bool,
    ) -> Option<columns::Judgement> {
        None
    }
}

/// What a migration must change for the gate to report a rule on it. The gate judges the
/// catalog the migrations build, then keeps only the judgements their changes trigger, and
/// points at the change that did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateTrigger {
    /// A column added, renamed, or whose type changed: what its name and type say is new.
    ColumnIntroduced,
    /// A column whose default was set or changed, or a column added or renamed with one.
    ColumnDefault,
    /// A table created by the migrations.
    TableCreated,
}

/// Build every check of a policy on a catalog: each built-in rule in registry order, then the
/// policy's own `[[check]]` queries.
pub fn plan(p: &mut Planner<'_>) {
    p.resolve_references();
    for rule in registered() {
        rule.plan(p);
    }
    custom::plan(p);
}

/// Every built-in rule, one entry each, in the order of [`RuleId::ALL`].
pub fn registered() -> &'static [&'static dyn Rule] {
    REGISTERED
}

/// The unit of a built-in rule.
pub fn unit(id: RuleId) -> &'static dyn Rule {
    // `REGISTERED` is in the order of `RuleId::ALL` (tested), so the variant is the index.
    REGISTERED[id as usize]
}

/// A built-in rule's documentation: title, default severity, legal reference, and the
/// sections `vigie explain` prints.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub id: String,
    pub family: String,
    pub title: String,
    pub severity: Severity,
    pub legal_reference: String,
    /// The title in French.
    pub title_fr: String,
    /// The legal reference as the CNIL writes it in French.
    pub legal_reference_fr: String,
    /// Why it matters, in a few French sentences (the report's explanation, `explain --lang fr`).
    pub why_fr: String,
    pub what: String,
    pub why: String,
    pub example: String,
    pub remediation: String,
    pub references: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<RuleDoc>,
}

/// Every built-in rule's documentation, in the order of [`RuleId::ALL`].
pub struct Registry {
    pub rules: Vec<RuleDoc>,
}

impl Registry {
    /// The documentation of an id as users write it; `None` for an unknown id.
    pub fn get(&self, id: &str) -> Option<&RuleDoc> {
        RuleId::parse(id).map(|r| self.doc(r))
    }

    /// The documentation of a built-in rule. Every [`RuleId`] has one: the registry is built
    /// in their order and refuses to load otherwise (tested).
    pub fn doc(&self, id: RuleId) -> &RuleDoc {
        &self.rules[id as usize]
    }

    /// The ids users may write, in documentation order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// A rule's documentation in `lang`: the full text in English; in French the title, the
    /// legal reference and why it matters, with a pointer to the English sections.
    pub fn explain_in(&self, id: &str, lang: crate::i18n::Lang) -> Option<String> {
        use crate::i18n::{Lang, tr};
        if lang == Lang::En {
            return self.explain(id);
        }
        let r = self.get(id)?;
        let severity = crate::i18n::text(lang, &format!("severity-word.{}", r.severity));
        let mut out = tr(
            lang,
            "explain.head",
            &[
                ("id", &r.id),
                ("title", &r.title_fr),
                ("family", &r.family),
                ("severity", &severity),
                ("legal", &r.legal_reference_fr),
            ],
        );
        out.push_str(&tr(lang, "explain.why", &[("why", &r.why_fr.trim())]));
        out.push_str(&tr(lang, "explain.more", &[("id", &r.id)]));
        Some(out)
    }

    /// A rule's title in `lang`.
    pub fn title_in(&self, id: &str, lang: crate::i18n::Lang) -> Option<&str> {
        let r = self.get(id)?;
        Some(match lang {
            crate::i18n::Lang::Fr => &r.title_fr,
            crate::i18n::Lang::En => &r.title,
        })
    }

    /// A rule's documentation as Markdown, for `vigie explain` and the docs.
    pub fn explain(&self, id: &str) -> Option<String> {
        let r = self.get(id)?;
        let mut out = format!(
            "# {} — {}\n\nFamily: {} · Default severity: {} · Legal reference: {}\n\n",
            r.id, r.title, r.family, r.severity, r.legal_reference
        );
        for (heading, body) in [
            ("What it checks", &r.what),
            ("Why it matters", &r.why),
            ("Example", &r.example),
            ("Remediation", &r.remediation),
        ] {
            out.push_str(&format!("## {heading}\n\n{}\n\n", body.trim()));
        }
        out.push_str("## References\n\n");
        for reference in &r.references {
            out.push_str(&format!("- {reference}\n"));
        }
        Some(out)
    }
}

/// Parse the embedded documentation and order it by [`RuleId`]: an id documented twice, a
/// documented id with no rule, a rule with no documentation or in the wrong family file is
/// an error naming it.
fn load_registry() -> Result<Registry, String> {
    let mut docs: Vec<Option<RuleDoc>> = vec![None; RuleId::ALL.len()];
    for (name, text) in SOURCES {
        let file: RuleFile =
            toml::from_str(text).map_err(|e| format!("rules/{name} is invalid: {e}"))?;
        for doc in file.rule {
            let id = RuleId::parse(&doc.id).ok_or_else(|| {
                format!("rules/{name}: `{}` is documented but is no rule", doc.id)
            })?;
            if doc.family != id.family() {
                return Err(format!(
                    "rules/{name}: `{id}` is documented in family `{}`, its rule is in `{}`",
                    doc.family,
                    id.family()
                ));
            }
            if docs[id as usize].replace(doc).is_some() {
                return Err(format!("rules/{name}: `{id}` is documented twice"));
            }
        }
    }
    let rules = RuleId::ALL
        .iter()
        .map(|id| {
            docs[*id as usize]
                .take()
                .ok_or_else(|| format!("rule `{id}` has no documentation under rules/"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Registry { rules })
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    load_registry().unwrap_or_else(|e| panic!("built-in rule documentation: {e}"))
});

pub fn registry() -> &'static Registry {
    &REGISTRY
}

/// A finding of a built-in rule, with the rule's default severity and legal reference.
pub fn finding(rule: RuleId, text: crate::i18n::Message) -> crate::finding::Finding {
    let r = registry().doc(rule);
    crate::finding::Finding::from_text(rule.as_str(), r.severity, &r.legal_reference, text)
}

/// A finding's message of the catalogues' `finding` section.
pub fn msg(id: &str) -> crate::i18n::Message {
    crate::i18n::Message::keyed("finding", id)
}

/// The one registry table: every built-in rule's unit, in the order of [`RuleId::ALL`]
/// (tested). A unit lives in `src/rules/<family>/<rule>.rs`.
static REGISTERED: &[&dyn Rule] = &[
    &retention::RetentionExceeded,
    &retention::RetentionAnchorMissing,
    &retention::RetentionUndeclared,
    &retention::RetentionAboveReference,
    &consent::ConsentMissing,
    &consent::ConsentWithdrawn,
    &consent::ConsentPreTicked,
    &consent::ConsentWithoutProof,
    &consent::ConsentMinorWithoutParent,
    &minimisation::UndeclaredColumn,
    &minimisation::SensitiveColumn,
    &minimisation::IdentifierColumn,
    &minimisation::CardSecurityCode,
    &minimisation::UnusedColumn,
    &free_text::FreeTextJudgement,
    &free_text::FreeTextSensitive,
    &free_text::FreeTextIdentifier,
    &security::PasswordPlaintext,
    &security::PasswordWeakHash,
    &security::PasswordUnknownFormat,
    &security::AccessPublicGrant,
    &security::AccessExcessiveGrant,
    &security::InactiveAccount,
    &rights::RequestOverdue,
    &rights::RequestAnsweredLate,
    &hygiene::WaiverExpired,
    &hygiene::WaiverUnused,
    &migrations::ConsentDefaultTrue,
    &migrations::SyntaxError,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_once_in_its_family_file() {
        let r = load_registry().unwrap_or_else(|e| panic!("{e}"));
        for (doc, id) in r.rules.iter().zip(RuleId::ALL) {
            assert_eq!(doc.id, id.as_str());
            for (section, text) in [
                ("title", &doc.title),
                ("title_fr", &doc.title_fr),
                ("legal_reference_fr", &doc.legal_reference_fr),
                ("why_fr", &doc.why_fr),
                ("legal_reference", &doc.legal_reference),
                ("what", &doc.what),
                ("why", &doc.why),
                ("example", &doc.example),
                ("remediation", &doc.remediation),
            ] {
                assert!(!text.trim().is_empty(), "{id}: empty {section}");
            }
            assert!(!doc.references.is_empty(), "{id}: no references");
        }
    }

    #[test]
    fn a_rule_id_finds_its_unit() {
        for id in RuleId::ALL {
            assert_eq!(unit(*id).id(), *id);
        }
    }
}
