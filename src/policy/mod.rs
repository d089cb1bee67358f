//! The organisation's policy: processing activities, their data, retention and consent.
//!
//! Loading is parse-then-validate (cargo-deny's shape): [`raw`] mirrors the TOML with spans,
//! [`load_str`] checks everything that can be checked without a database and returns a
//! [`Policy`] with no `Option` noise where a value is required. References to tables and
//! columns keep their spans so that the planner can point at the policy line when the
//! database disagrees.

pub mod diagnostic;
pub mod duration;
pub mod raw;

use crate::dialect::{Dialect, guard};
use crate::finding::Severity;
use crate::rules;
use crate::rules::references;
pub use diagnostic::{PolicyErrors, PolicyProblem, Problems, did_you_mean};
use duration::Duration;
use raw::*;
use sha2::Digest;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

/// A string from the policy with the byte range it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub value: String,
    pub span: Range<usize>,
}

impl Name {
    fn from(s: &S<String>) -> Name {
        Name {
            value: s.get_ref().trim().to_string(),
            span: s.span(),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

#[derive(Clone, Debug)]
pub struct Policy {
    pub path: String,
    pub source: Arc<String>,
    pub sha256: String,
    pub organisation: Organisation,
    pub schemas: Vec<String>,
    pub free_text: FreeText,
    pub subjects: Vec<Subject>,
    pub purposes: Vec<Purpose>,
    pub requests: Option<Requests>,
    pub access: Vec<Access>,
    pub checks: Vec<CustomCheck>,
    pub waivers: Vec<Waiver>,
}

#[derive(Clone, Debug)]
pub struct Organisation {
    pub name: String,
    pub controller: Option<String>,
    pub dpo: Option<String>,
    pub country: String,
    /// The age of digital consent (RGPD art. 8) in the organisation's country.
    pub consent_age: u32,
}

#[derive(Clone, Debug, Default)]
pub struct FreeText {
    pub columns: Vec<Name>,
    pub auto: bool,
    pub lexicons: Vec<String>,
    pub extra_terms: Vec<(String, String)>,
    pub ignore_terms: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct Subject {
    pub id: Name,
    pub table: Name,
    pub key: Vec<Name>,
    pub birth_date: Option<Name>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterest,
    PublicTask,
    LegitimateInterest,
}

const LEGAL_BASES: [(&str, LegalBasis); 6] = [
    ("consent", LegalBasis::Consent),
    ("contract", LegalBasis::Contract),
    ("legal-obligation", LegalBasis::LegalObligation),
    ("vital-interest", LegalBasis::VitalInterest),
    ("public-task", LegalBasis::PublicTask),
    ("legitimate-interest", LegalBasis::LegitimateInterest),
];

impl LegalBasis {
    pub fn as_str(self) -> &'static str {
        LEGAL_BASES
            .iter()
            .find(|(_, b)| *b == self)
            .map(|(s, _)| *s)
            .unwrap_or("consent")
    }
}

#[derive(Clone, Debug)]
pub struct Purpose {
    pub id: Name,
    pub title: String,
    pub legal_basis: LegalBasis,
    pub subjects: Vec<Name>,
    /// `table.column` references.
    pub data: Vec<Name>,
    pub retention: Vec<Retention>,
    pub consent: Option<Consent>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Delete,
    Anonymise,
    Archive,
}

impl Then {
    pub fn as_str(self) -> &'static str {
        match self {
            Then::Delete => "delete",
            Then::Anonymise => "anonymise",
            Then::Archive => "archive",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Retention {
    pub table: Name,
    pub keep: Duration,
    pub keep_span: Range<usize>,
    /// The reference id when `keep = "cnil:<id>"` adopts a reference's duration.
    pub keep_reference: Option<String>,
    pub from: Name,
    pub then: Then,
    pub anonymise: Vec<Name>,
    pub where_: Option<Name>,
    pub reference: Option<String>,
    /// The reference id when `reference = "cnil:<id>"` names a built-in reference, with the
    /// span of the value.
    pub reference_id: Option<Name>,
}

#[derive(Clone, Debug)]
pub struct Consent {
    pub table: Name,
    pub subject_key: Vec<Name>,
    pub where_: Option<Name>,
    pub purpose_column: Option<Name>,
    pub purpose_value: Option<String>,
    pub given_at: Name,
    pub withdrawn_at: Option<Name>,
    pub pre_ticked: Option<Name>,
    pub proof: Option<Name>,
    pub parental_consent: Option<Name>,
    pub processed: Option<Processed>,
}

#[derive(Clone, Debug)]
pub struct Processed {
    pub table: Name,
    pub subject_key: Vec<Name>,
    pub where_: Option<Name>,
}

#[derive(Clone, Debug)]
pub struct Requests {
    pub table: Name,
    pub key: Option<Name>,
    pub received_at: Name,
    pub answered_at: Name,
    pub extended: Option<Name>,
}

#[derive(Clone, Debug)]
pub struct Access {
    pub role: Name,
    pub may_read: Vec<Name>,
}

#[derive(Clone, Debug)]
pub struct CustomCheck {
    pub id: Name,
    pub title: String,
    pub severity: Severity,
    pub query: Name,
    pub remediation: Option<String>,
    pub legal_reference: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Waiver {
    pub rule: Name,
    pub object: Name,
    pub reason: String,
    pub expires: Option<jiff::civil::Date>,
    pub span: Range<usize>,
}

impl Policy {
    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.id.value == id)
    }
    pub fn subject(&self, id: &str) -> Option<&Subject> {
        self.subjects.iter().find(|s| s.id.value == id)
    }
    /// A diagnostic collector over this policy's source, for problems found later (against
    /// the database).
    pub fn problems(&self) -> Problems {
        Problems::new(&self.path, self.source.clone())
    }
}

/// The digital-consent age of RGPD art. 8 as each member state set it; 16 elsewhere.
pub fn consent_age(country: &str) -> u32 {
    match country.to_ascii_uppercase().as_str() {
        "BE" | "DK" | "EE" | "FI" | "LV" | "MT" | "PT" | "SE" => 13,
        "AT" | "BG" | "CY" | "ES" | "IT" | "LT" => 14,
        "CZ" | "FR" | "GR" | "SI" => 15,
        _ => 16,
    }
}

/// Load and validate a policy file.
pub fn load(path: &std::path::Path, dialect: Dialect) -> Result<Policy, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError::Io {
        path: path.display().to_string(),
        error: e.to_string(),
    })?;
    load_str(&path.display().to_string(), &text, dialect).map_err(LoadError::Invalid)
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error("cannot read policy {path}: {error}")]
    #[diagnostic(code(vigie::policy::io), help("check the path given to --policy"))]
    Io { path: String, error: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(PolicyErrors),
}

/// Parse and validate policy text; `path` is only used in messages.
pub fn load_str(path: &str, text: &str, dialect: Dialect) -> Result<Policy, PolicyErrors> {
    let source = Arc::new(text.to_string());
    let mut problems = Problems::new(path, source.clone());

    // 1. Syntax, and every unknown key at once.
    match toml::de::DeTable::parse(text) {
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            problems.push(
                span,
                format!("the policy is not valid TOML: {}", e.message().trim()),
                "here",
                Some("check quotes, brackets and `key = value` syntax".into()),
            );
            return Err(problems.into_result().unwrap_err());
        }
        Ok(table) => {
            walk_keys("", table.get_ref(), &mut problems);
            find_todos("", table.get_ref(), &mut problems);
        }
    }
    if !problems.list.is_empty() {
        return Err(problems.into_result().unwrap_err());
    }

    // 2. Types.
    let raw: RawPolicy = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            problems.push(
                span,
                format!("wrong value in the policy: {}", e.message().trim()),
                "here",
                None,
            );
            return Err(problems.into_result().unwrap_err());
        }
    };

    // 3. Meaning.
    let policy = validate(path, source, raw, dialect, &mut problems);
    problems.into_result()?;
    Ok(policy)
}

fn walk_keys(path: &str, table: &toml::de::DeTable<'_>, problems: &mut Problems) {
    let Some(allowed) = raw::allowed_keys(path) else {
        return;
    };
    for (key, value) in table.iter() {
        let k = key.get_ref().as_ref();
        if !allowed.contains(&k) {
            let section = if path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in [{path}]")
            };
            let help = did_you_mean(k, allowed.iter().copied())
                .unwrap_or_else(|| format!("allowed keys {section}: {}", allowed.join(", ")));
            problems.push(
                key.span(),
                format!("unknown key `{k}` {section}"),
                "not a policy key",
                Some(help),
            );
            continue;
        }
        let child = if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        };
        match value.get_ref() {
            toml::de::DeValue::Table(t) => walk_keys(&child, t, problems),
            toml::de::DeValue::Array(items) => {
                for item in items.iter() {
                    if let toml::de::DeValue::Table(t) = item.get_ref() {
                        walk_keys(&child, t, problems);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The value `vigie init` writes where a person must decide.
const TODO: &str = "TODO";

/// Reports every `"TODO"` left in a draft policy, with a hint for its key. They are found before
/// the types are checked, so a draft gives one clear message per decision to take instead of
/// "invalid duration" or "unknown legal basis".
fn find_todos(path: &str, table: &toml::de::DeTable<'_>, problems: &mut Problems) {
    for (key, value) in table.iter() {
        let k = key.get_ref().as_ref();
        let child = if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        };
        match value.get_ref() {
            toml::de::DeValue::String(s) if s.trim().eq_ignore_ascii_case(TODO) => {
                let help = todo_help(&child, table);
                problems.push(
                    value.span(),
                    format!("`{child}` is still TODO in this draft policy"),
                    "decide this value",
                    Some(help),
                );
            }
            toml::de::DeValue::Table(t) => find_todos(&child, t, problems),
            toml::de::DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        toml::de::DeValue::Table(t) => find_todos(&child, t, problems),
                        toml::de::DeValue::String(s) if s.trim().eq_ignore_ascii_case(TODO) => {
                            problems.push(
                                item.span(),
                                format!("an item of `{child}` is still TODO in this draft policy"),
                                "decide this value",
                                Some("replace it with a value, or remove it".into()),
                            );
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// What to write instead of TODO, per key. A retention's `keep` names the reference the draft
/// cites next to it, so the person deciding sees the benchmark the CNIL would use.
fn todo_help(path: &str, table: &toml::de::DeTable<'_>) -> String {
    let sibling = |name: &str| {
        table.iter().find_map(|(k, v)| match v.get_ref() {
            toml::de::DeValue::String(s) if k.get_ref().as_ref() == name => Some(s.to_string()),
            _ => None,
        })
    };
    match path {
        "purpose.retention.keep" => {
            let cited = sibling("reference")
                .as_deref()
                .and_then(references::id_of)
                .and_then(references::get);
            match cited {
                Some(rf) => format!(
                    "write how long rows are kept after `from`: `keep = \"{}\"` adopts the CNIL reference ({}: {}; {}), or write your own duration such as `{}` and keep `reference` so vigie compares them",
                    rf.name(),
                    rf.title,
                    rf.keep,
                    rf.source,
                    rf.keep
                ),
                None => "write how long rows are kept after `from`, such as `3y`, `13mo`, `30d`, or adopt a reference duration with `cnil:<id>` (the ids are listed in rules/references/cnil.toml, e.g. `cnil:prospection`)".into(),
            }
        }
        "purpose.retention.from" => {
            "name the column holding the event the duration counts from (last contact, end of the relationship, departure…)".into()
        }
        "purpose.legal_basis" => format!(
            "choose the legal basis of RGPD art. 6: {}; `consent` needs a [purpose.consent] section",
            LEGAL_BASES
                .iter()
                .map(|(s, _)| *s)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "purpose.retention.then" => "choose `delete`, `anonymise` or `archive`".into(),
        "purpose.consent.where" => {
            "write the SQL condition that selects this subject's consent rows, such as `personne_type = 'alumni'`".into()
        }
        "purpose.consent.purpose_value" => {
            "write the value of `purpose_column` that designates this purpose, such as `newsletter`".into()
        }
        _ => "replace TODO with a value, or remove the key".into(),
    }
}

/// The built-in reference `id`, or a problem at `span` with the closest id.
fn known_reference(
    p: &mut Problems,
    id: &str,
    span: Range<usize>,
) -> Option<&'static references::Reference> {
    let found = references::get(id);
    if found.is_none() {
        let names: Vec<String> = references::all().iter().map(|r| r.name()).collect();
        let written = format!("{}{id}", references::PREFIX);
        p.push(
            span,
            format!("unknown reference `{written}`"),
            "not a built-in reference",
            Some(did_you_mean(&written, names.iter().map(|n| n.as_str())).unwrap_or_else(
                || "the reference ids are listed in rules/references/cnil.toml (e.g. `cnil:prospection`, `cnil:inactive-account`)".to_string(),
            )),
        );
    }
    found
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn key_names(k: &S<KeySpec>) -> Vec<Name> {
    k.get_ref()
        .columns()
        .into_iter()
        .map(|c| Name {
            value: c,
            span: k.span(),
        })
        .collect()
}

const CATEGORIES: [&str; 16] = [
    "insult",
    "judgement",
    "health",
    "religion",
    "ethnic",
    "political",
    "union",
    "sexual",
    "offence",
    "financial",
    "family",
    "nir",
    "iban",
    "card",
    "phone",
    "email",
];

fn validate(
    path: &str,
    source: Arc<String>,
    raw: RawPolicy,
    dialect: Dialect,
    p: &mut Problems,
) -> Policy {
    let sha256 = format!("{:x}", sha2::Sha256::digest(source.as_bytes()));

    let organisation = match raw.organisation {
        Some(o) => {
            let country = o
                .country
                .as_ref()
                .map(|c| c.get_ref().trim().to_ascii_uppercase())
                .unwrap_or_else(|| "FR".into());
            if let Some(c) = &o.country
                && (country.len() != 2 || !country.chars().all(|ch| ch.is_ascii_alphabetic()))
            {
                p.push(
                    c.span(),
                    format!("`{}` is not a two-letter country code", c.get_ref()),
                    "expected ISO 3166-1 alpha-2",
                    Some("e.g. `FR`, `BE`, `DE`".into()),
                );
            }
            Organisation {
                name: o.name.map(|n| n.into_inner()).unwrap_or_default(),
                controller: o.controller.map(|n| n.into_inner()),
                dpo: o.dpo.map(|n| n.into_inner()),
                consent_age: consent_age(&country),
                country,
            }
        }
        None => Organisation {
            name: String::new(),
            controller: None,
            dpo: None,
            country: "FR".into(),
            consent_age: consent_age("FR"),
        },
    };

    let schemas = raw
        .scan
        .and_then(|s| s.schemas)
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.into_inner())
        .collect();

    let free_text =
        match raw.free_text {
            None => FreeText {
                lexicons: vec!["fr".into(), "en".into()],
                ..FreeText::default()
            },
            Some(f) => {
                for c in &f.columns {
                    if !c.get_ref().contains('.') {
                        p.push(
                            c.span(),
                            format!(
                                "free-text column `{}` must be written `table.column`",
                                c.get_ref()
                            ),
                            "missing the table",
                            None,
                        );
                    }
                }
                let mut lexicons = Vec::new();
                for l in &f.lexicons {
                    let v = l.get_ref().trim().to_lowercase();
                    if v != "fr" && v != "en" {
                        p.push(
                            l.span(),
                            format!("unknown lexicon `{}`", l.get_ref()),
                            "not a built-in lexicon",
                            Some("built-in lexicons: `fr`, `en`".into()),
                        );
                    }
                    lexicons.push(v);
                }
                if f.lexicons.is_empty() {
                    lexicons = vec!["fr".into(), "en".into()];
                }
                let mut extra_terms = Vec::new();
                for t in &f.extra_terms {
                    let cat = t.category.get_ref().trim().to_lowercase();
                    if !CATEGORIES.contains(&cat.as_str()) {
                        p.push(
                            t.category.span(),
                            format!("unknown free-text category `{}`", t.category.get_ref()),
                            "not a category",
                            Some(did_you_mean(&cat, CATEGORIES).unwrap_or_else(|| {
                                format!("categories: {}", CATEGORIES.join(", "))
                            })),
                        );
                    }
                    extra_terms.push((t.term.get_ref().clone(), cat));
                }
                let mut ignore_terms = Vec::new();
                for t in &f.ignore_terms {
                    let reason = t.reason.as_ref().map(|r| r.get_ref().trim().to_string());
                    if reason.as_deref().unwrap_or("").is_empty() {
                        p.push(
                        t.term.span(),
                        format!("ignored term `{}` has no reason", t.term.get_ref()),
                        "reason missing",
                        Some(
                            "add `reason = \"…\"`: a reviewer must know why a term is not flagged"
                                .into(),
                        ),
                    );
                    }
                    ignore_terms.push((t.term.get_ref().clone(), reason.unwrap_or_default()));
                }
                FreeText {
                    columns: f.columns.iter().map(Name::from).collect(),
                    auto: f.auto.unwrap_or(false),
                    lexicons,
                    extra_terms,
                    ignore_terms,
                }
            }
        };

    let check_where = |p: &mut Problems, w: &Option<S<String>>| -> Option<Name> {
        let w = w.as_ref()?;
        if let Err(r) = guard::check_predicate(w.get_ref(), dialect) {
            p.push(
                w.span(),
                format!("this `where` is not a read-only condition: {}", r.reason),
                "refused",
                Some("write one SQL condition such as `statut <> 'legal-hold'`; vigie never sends anything that could write".into()),
            );
        }
        Some(Name::from(w))
    };

    let mut seen = BTreeSet::new();
    let mut subjects = Vec::new();
    for s in &raw.subject {
        if !seen.insert(s.id.get_ref().clone()) {
            p.push(
                s.id.span(),
                format!("subject `{}` is declared twice", s.id.get_ref()),
                "duplicate id",
                None,
            );
        }
        subjects.push(Subject {
            id: Name::from(&s.id),
            table: Name::from(&s.table),
            key: s.key.as_ref().map(key_names).unwrap_or_default(),
            birth_date: s.birth_date.as_ref().map(Name::from),
        });
    }
    let subject_ids: Vec<String> = subjects.iter().map(|s| s.id.value.clone()).collect();

    let mut purposes = Vec::new();
    let mut seen = BTreeSet::new();
    for rp in &raw.purpose {
        let id = Name::from(&rp.id);
        if !is_kebab(&id.value) {
            p.push(
                id.span.clone(),
                format!("purpose id `{}` must be kebab-case", id.value),
                "not kebab-case",
                Some("use lowercase letters, digits and `-`, e.g. `alumni-network`".into()),
            );
        }
        if !seen.insert(id.value.clone()) {
            p.push(
                id.span.clone(),
                format!("purpose `{}` is declared twice", id.value),
                "duplicate id",
                None,
            );
        }
        let basis_text = rp
            .legal_basis
            .get_ref()
            .trim()
            .to_lowercase()
            .replace('_', "-");
        let legal_basis = match LEGAL_BASES.iter().find(|(s, _)| *s == basis_text) {
            Some((_, b)) => *b,
            None => {
                let names: Vec<&str> = LEGAL_BASES.iter().map(|(s, _)| *s).collect();
                p.push(
                    rp.legal_basis.span(),
                    format!("unknown legal basis `{}`", rp.legal_basis.get_ref()),
                    "not a legal basis of RGPD art. 6",
                    Some(
                        did_you_mean(&basis_text, names.iter().copied())
                            .unwrap_or_else(|| format!("legal bases: {}", names.join(", "))),
                    ),
                );
                LegalBasis::Consent
            }
        };
        for s in &rp.subjects {
            if !subject_ids.contains(s.get_ref()) {
                let help = did_you_mean(s.get_ref(), subject_ids.iter().map(|x| x.as_str()))
                    .unwrap_or_else(|| "declare it in a [[subject]] section".into());
                p.push(
                    s.span(),
                    format!("unknown subject `{}`", s.get_ref()),
                    "no [[subject]] has this id",
                    Some(help),
                );
            }
        }
        for d in &rp.data {
            if !d.get_ref().contains('.') {
                p.push(
                    d.span(),
                    format!("data item `{}` must be written `table.column`", d.get_ref()),
                    "missing the table",
                    None,
                );
            }
        }
        let mut retention = Vec::new();
        for r in &rp.retention {
            let (keep, keep_reference) = match references::id_of(r.keep.get_ref()) {
                Some(id) => match known_reference(p, id, r.keep.span()) {
                    Some(rf) => (rf.keep, Some(rf.id.clone())),
                    None => (Duration::default(), None),
                },
                None => match Duration::parse(r.keep.get_ref()) {
                    Ok(d) => (d, None),
                    Err(msg) => {
                        p.push(
                            r.keep.span(),
                            format!("invalid duration: {msg}"),
                            "not a duration",
                            Some(duration::UNITS_HELP.into()),
                        );
                        (Duration::default(), None)
                    }
                },
            };
            let reference_id = r.reference.as_ref().and_then(|x| {
                let id = references::id_of(x.get_ref())?;
                known_reference(p, id, x.span()).map(|rf| Name {
                    value: rf.id.clone(),
                    span: x.span(),
                })
            });
            let then = match r.then.as_ref().map(|t| t.get_ref().trim().to_lowercase()) {
                None => Then::Delete,
                Some(t) => match t.as_str() {
                    "delete" => Then::Delete,
                    "anonymise" | "anonymize" => Then::Anonymise,
                    "archive" => Then::Archive,
                    other => {
                        let span = r.then.as_ref().map(|t| t.span()).unwrap_or(0..0);
                        p.push(
                            span,
                            format!("unknown action `{other}` at the end of retention"),
                            "not an action",
                            Some("use `delete`, `anonymise` or `archive`".into()),
                        );
                        Then::Delete
                    }
                },
            };
            if then == Then::Anonymise && r.anonymise.is_empty() {
                let span = r.then.as_ref().map(|t| t.span()).unwrap_or(r.table.span());
                p.push(
                    span,
                    "`then = \"anonymise\"` needs the columns to anonymise",
                    "no `anonymise` list",
                    Some("add `anonymise = [\"email\", \"nom\", …]`".into()),
                );
            }
            if then != Then::Anonymise && !r.anonymise.is_empty() {
                p.push(
                    r.anonymise[0].span(),
                    "`anonymise` is only used with `then = \"anonymise\"`",
                    "ignored",
                    Some("set `then = \"anonymise\"` or remove the list".into()),
                );
            }
            retention.push(Retention {
                table: Name::from(&r.table),
                keep,
                keep_span: r.keep.span(),
                keep_reference,
                from: Name::from(&r.from),
                then,
                anonymise: r.anonymise.iter().map(Name::from).collect(),
                where_: check_where(p, &r.where_),
                reference: r.reference.as_ref().map(|x| x.get_ref().clone()),
                reference_id,
            });
        }
        let consent = rp.consent.as_ref().map(|c| {
            let subject_key = key_names(&c.subject_key);
            if c.purpose_column.is_some() != c.purpose_value.is_some() {
                let span = c.purpose_column.as_ref().or(c.purpose_value.as_ref()).map(|x| x.span()).unwrap_or(c.table.span());
                p.push(span, "`purpose_column` and `purpose_value` go together", "only one of the two is set", Some("set both to select this purpose's consent rows, or neither if the table holds one purpose".into()));
            }
            let processed = c.processed.as_ref().map(|pr| {
                let key = key_names(&pr.subject_key);
                if key.len() != subject_key.len() {
                    p.push(pr.subject_key.span(), format!("`processed.subject_key` has {} column(s) but the consent's `subject_key` has {}", key.len(), subject_key.len()), "keys do not line up", Some("list the same number of columns, in the same order, on both sides".into()));
                }
                Processed { table: Name::from(&pr.table), subject_key: key, where_: check_where(p, &pr.where_) }
            });
            Consent {
                table: Name::from(&c.table),
                subject_key,
                where_: check_where(p, &c.where_),
                purpose_column: c.purpose_column.as_ref().map(Name::from),
                purpose_value: c.purpose_value.as_ref().map(|v| v.get_ref().clone()),
                given_at: Name::from(&c.given_at),
                withdrawn_at: c.withdrawn_at.as_ref().map(Name::from),
                pre_ticked: c.pre_ticked.as_ref().map(Name::from),
                proof: c.proof.as_ref().map(Name::from),
                parental_consent: c.parental_consent.as_ref().map(Name::from),
                processed,
            }
        });
        if legal_basis == LegalBasis::Consent && consent.is_none() {
            p.push(rp.legal_basis.span(), format!("purpose `{}` rests on consent but says nowhere where consent is recorded", id.value), "no [purpose.consent]", Some("add a [purpose.consent] section naming the consent table, so vigie can verify every processed row has valid consent".into()));
        }
        if let Some(c) = &consent
            && c.processed.is_none()
            && rp.subjects.is_empty()
        {
            p.push(c.table.span.clone(), format!("purpose `{}` has consent but neither `processed` rows nor `subjects`", id.value), "whose consent?", Some("add `subjects = [\"…\"]` to the purpose or a `processed = { table = …, subject_key = … }`".into()));
        }
        purposes.push(Purpose {
            title: rp
                .title
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_else(|| id.value.clone()),
            id,
            legal_basis,
            subjects: rp.subjects.iter().map(Name::from).collect(),
            data: rp.data.iter().map(Name::from).collect(),
            retention,
            consent,
        });
    }

    let requests = raw.requests.as_ref().map(|r| Requests {
        table: Name::from(&r.table),
        key: r.key.as_ref().map(Name::from),
        received_at: Name::from(&r.received_at),
        answered_at: Name::from(&r.answered_at),
        extended: r.extended.as_ref().map(Name::from),
    });

    let access = raw
        .access
        .iter()
        .map(|a| Access {
            role: Name::from(&a.role),
            may_read: a.may_read.iter().map(Name::from).collect(),
        })
        .collect();

    let registry = rules::registry();
    let mut checks = Vec::new();
    let mut seen = BTreeSet::new();
    for c in &raw.check {
        let id = Name::from(&c.id);
        if !is_kebab(&id.value) {
            p.push(
                id.span.clone(),
                format!("check id `{}` must be kebab-case", id.value),
                "not kebab-case",
                Some("e.g. `card-cvv-stored`".into()),
            );
        }
        if registry.get(&id.value).is_some() {
            p.push(
                id.span.clone(),
                format!("check id `{}` is a built-in rule id", id.value),
                "already taken",
                Some("choose another id for a custom check".into()),
            );
        }
        if !seen.insert(id.value.clone()) {
            p.push(
                id.span.clone(),
                format!("check `{}` is declared twice", id.value),
                "duplicate id",
                None,
            );
        }
        let severity = match &c.severity {
            None => Severity::High,
            Some(s) => Severity::parse(s.get_ref().trim()).unwrap_or_else(|| {
                p.push(
                    s.span(),
                    format!("unknown severity `{}`", s.get_ref()),
                    "not a severity",
                    Some("use critical, high, medium, low or info".into()),
                );
                Severity::High
            }),
        };
        if let Err(r) = guard::check_query(c.query.get_ref(), dialect) {
            p.push(c.query.span(), format!("check `{}` is refused: {}", id.value, r.reason), "refused", Some("a check is one SELECT returning the keys of the violating rows; vigie never sends anything that could write".into()));
        }
        checks.push(CustomCheck {
            title: c
                .title
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_else(|| id.value.clone()),
            id,
            severity,
            query: Name::from(&c.query),
            remediation: c.remediation.as_ref().map(|r| r.get_ref().clone()),
            legal_reference: c.legal_reference.as_ref().map(|r| r.get_ref().clone()),
        });
    }

    let mut waivers = Vec::new();
    for w in &raw.waiver {
        let rule = Name::from(&w.rule);
        let custom = checks.iter().any(|c| c.id.value == rule.value);
        if registry.get(&rule.value).is_none() && !custom {
            let ids: Vec<&str> = registry
                .rules
                .iter()
                .map(|r| r.id.as_str())
                .chain(checks.iter().map(|c| c.id.value.as_str()))
                .collect();
            p.push(
                rule.span.clone(),
                format!("unknown rule id `{}`", rule.value),
                "no such rule",
                Some(
                    did_you_mean(&rule.value, ids.iter().copied())
                        .unwrap_or_else(|| "run `vigie rules` for the list of rule ids".into()),
                ),
            );
        }
        let reason = w
            .reason
            .as_ref()
            .map(|r| r.get_ref().trim().to_string())
            .unwrap_or_default();
        if reason.is_empty() {
            p.push(
                w.rule.span(),
                "a waiver needs a reason",
                "reason missing",
                Some("add `reason = \"…\"`: the legal ground or decision that justifies it".into()),
            );
        }
        let expires = w.expires.as_ref().and_then(|e| {
            match e.get_ref().trim().parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    p.push(
                        e.span(),
                        format!("`{}` is not a date", e.get_ref()),
                        "not YYYY-MM-DD",
                        Some("write the date as `2027-06-30`".into()),
                    );
                    None
                }
            }
        });
        waivers.push(Waiver {
            rule,
            object: Name::from(&w.object),
            reason,
            expires,
            span: w.rule.span(),
        });
    }

    Policy {
        path: path.to_string(),
        source,
        sha256,
        organisation,
        schemas,
        free_text,
        subjects,
        purposes,
        requests,
        access,
        checks,
        waivers,
    }
}
