//! The organisation's policy: processing activities, their data, retention and consent.
//!
//! Loading is parse-then-validate (cargo-deny's shape): [`raw`] mirrors the TOML with spans;
//! [`load_str`] first reports unknown keys and draft TODOs (`keys.rs`), then lets each raw
//! section validate itself into its typed value, every section pushing its problems into one
//! [`Problems`] collector so that a file's problems are all shown at once. The result is a
//! [`Policy`] with no `Option` noise where a value is required and no string left to re-parse:
//! durations, legal bases, actions, severities, free-text categories, lexicon languages and
//! built-in references are typed here. References to tables and columns keep their spans so
//! that the planner can point at the policy line when the database disagrees.
//!
//! One file per section: [`organisation`] (with `[scan]`), [`free_text`], [`subject`],
//! [`purpose`] with its [`retention`] and [`consent`], [`requests`], [`access`], [`check`] and
//! [`waiver`]. Sections that refer to others (a purpose to its subjects, a waiver to the custom
//! checks) receive what they refer to as arguments, so the order of validation is visible here.

pub mod access;
pub mod check;
pub mod consent;
pub mod diagnostic;
pub mod duration;
pub mod free_text;
pub mod keys;
pub mod organisation;
pub mod purpose;
pub mod raw;
pub mod record;
pub mod requests;
pub mod retention;
pub mod subject;
pub mod trusted;
pub mod waiver;

use crate::dialect::{Dialect, guard};
pub use access::Access;
pub use check::CustomCheck;
pub use consent::{Consent, Processed};
pub use diagnostic::{PolicyErrors, PolicyProblem, Problems, did_you_mean};
pub use free_text::{FreeText, IgnoreTerm};
pub use organisation::{Organisation, consent_age};
pub use purpose::{LegalBasis, Purpose};
use raw::{KeySpec, RawPolicy, S};
pub use requests::Requests;
pub use retention::{CitedReference, Retention, Then};
use sha2::Digest;
use std::ops::Range;
use std::sync::Arc;
pub use subject::Subject;
pub use waiver::Waiver;

/// A string from the policy with the byte range it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub value: String,
    pub span: Range<usize>,
}

impl Name {
    /// A name as written, blanks around it dropped; a single identifier in double quotes
    /// (`" "`, `"Nom Complet"`) is read without its quotes.
    fn from(s: &S<String>) -> Name {
        let written = s.get_ref().trim();
        let parts = reference_parts(written);
        let value = match parts.as_slice() {
            [one] if written.starts_with('"') => one.clone(),
            _ => written.to_string(),
        };
        Name {
            value,
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
    /// Functions the policy's own SQL may call beyond vigie's allow-list.
    pub trusted_functions: Vec<trusted::TrustedFunction>,
}

impl Policy {
    /// The 1-based line of a byte offset of the policy's text.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }
    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.id.value == id)
    }
    /// The names of [`Self::trusted_functions`], as the guard compares them.
    pub fn trusted_names(&self) -> Vec<guard::TrustedName> {
        self.trusted_functions
            .iter()
            .map(|t| t.name.clone())
            .collect()
    }
    /// Every piece of SQL the policy's author wrote and vigie sends: the `[[check]]` queries
    /// and the `where` conditions, in the order they appear in the policy.
    pub fn user_sql(&self) -> Vec<UserSql<'_>> {
        let mut out = Vec::new();
        for p in &self.purposes {
            for r in &p.retention {
                out.extend(r.where_.iter().map(UserSql::Predicate));
            }
            if let Some(c) = &p.consent {
                out.extend(c.where_.iter().map(UserSql::Predicate));
                if let Some(pr) = &c.processed {
                    out.extend(pr.where_.iter().map(UserSql::Predicate));
                }
            }
        }
        for c in &self.checks {
            out.push(UserSql::Query(&c.query));
        }
        out
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
            // An empty file (a wrong path to a file being written, a truncated copy) would
            // scan nothing and pass.
            if table.get_ref().is_empty() {
                problems.push(
                    0..0,
                    "the policy is empty: it declares nothing to check".to_string(),
                    "empty",
                    Some(
                        "declare at least one [[purpose]] or [free_text] columns (docs/policy.md), or draft one with `vigie init URL`"
                            .into(),
                    ),
                );
                return Err(problems.into_result().unwrap_err());
            }
            keys::walk_keys("", table.get_ref(), &mut problems);
            keys::find_todos("", table.get_ref(), &mut problems);
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
    let mut cx = ValidationContext {
        dialect,
        trusted: Vec::new(),
        problems: &mut problems,
    };
    let policy = raw.validate(path, source, &mut cx);
    problems.into_result()?;
    Ok(policy)
}

/// What every section's validation shares (cargo-deny's `ValidationContext`): the dialect that
/// `where` conditions and check queries are guarded with, and the one collector every problem
/// goes to.
pub(crate) struct ValidationContext<'a> {
    pub dialect: Dialect,
    /// The policy's `trusted_functions`, read before any SQL of the policy is checked.
    pub trusted: Vec<guard::TrustedName>,
    pub problems: &'a mut Problems,
}

impl ValidationContext<'_> {
    fn push(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        self.problems.push(span, message, label, help);
    }

    /// An optional `where` condition, refused unless it is one read-only SQL condition.
    fn check_where(&mut self, w: &Option<S<String>>) -> Option<Name> {
        let w = w.as_ref()?;
        if let Err(r) = guard::check_user_predicate(w.get_ref(), self.dialect, &self.trusted) {
            self.push(
                w.span(),
                format!("this `where` is not a read-only condition: {}", r.reason),
                "refused",
                Some("write one SQL condition such as `statut <> 'legal-hold'`; vigie never sends anything that could write".into()),
            );
        }
        Some(Name::from(w))
    }
}

impl RawPolicy {
    /// Every section validates itself; the order is the order problems are reported in.
    fn validate(self, path: &str, source: Arc<String>, cx: &mut ValidationContext<'_>) -> Policy {
        let sha256 = format!("{:x}", sha2::Sha256::digest(source.as_bytes()));
        let trusted_functions = trusted::validate(&self.trusted_functions, cx);
        cx.trusted = trusted_functions.iter().map(|t| t.name.clone()).collect();
        let organisation = self
            .organisation
            .map(|o| o.validate(cx))
            .unwrap_or_default();
        let schemas = self.scan.map(|s| s.validate()).unwrap_or_default();
        let free_text = self.free_text.map(|f| f.validate(cx)).unwrap_or_default();
        let subjects = subject::validate(&self.subject, cx);
        let subject_ids: Vec<String> = subjects.iter().map(|s| s.id.value.clone()).collect();
        let purposes = purpose::validate(&self.purpose, &subject_ids, cx);
        let requests = self.requests.as_ref().map(|r| r.validate());
        let access = self.access.iter().map(|a| a.validate()).collect();
        let registry = crate::rules::registry();
        let checks = check::validate(&self.check, registry, cx);
        let waivers = waiver::validate(&self.waiver, registry, &checks, cx);
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
            trusted_functions,
        }
    }
}

/// One piece of SQL written in a policy, as [`Policy::user_sql`] lists them.
#[derive(Clone, Copy, Debug)]
pub enum UserSql<'a> {
    /// A `[[check]]` query.
    Query(&'a Name),
    /// A `where` condition, embedded in the queries vigie writes.
    Predicate(&'a Name),
}

impl UserSql<'_> {
    pub fn text(&self) -> &str {
        match self {
            UserSql::Query(n) | UserSql::Predicate(n) => &n.value,
        }
    }
}

/// Ids of purposes and custom checks, which appear in finding ids and reports.
fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The columns of a one-or-many key, each blamed at the whole key.
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

/// The parts of a policy reference `schema.table.column`, split at its dots. A part written in
/// double quotes, as SQL writes identifiers, may hold dots, spaces or anything else, `""`
/// standing for one quote: `prospects." "`, `t."a.b"`, `"Élèves"."Nom Complet"`. Bare parts
/// are taken as written, blanks around them dropped.
pub fn reference_parts(reference: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut chars = reference.trim().chars().peekable();
    let mut part = String::new();
    let mut quoted = false;
    loop {
        match chars.next() {
            None => {
                parts.push(if quoted {
                    part
                } else {
                    part.trim().to_string()
                });
                return parts;
            }
            Some('"') if part.trim().is_empty() && !quoted => {
                part.clear();
                quoted = true;
                // Read up to the closing quote, a doubled quote standing for one.
                loop {
                    match chars.next() {
                        None => break,
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            part.push('"');
                        }
                        Some('"') => break,
                        Some(c) => part.push(c),
                    }
                }
            }
            Some('.') => {
                parts.push(if quoted {
                    std::mem::take(&mut part)
                } else {
                    part.trim().to_string()
                });
                part.clear();
                quoted = false;
            }
            Some(c) if quoted => {
                // Text after a closing quote and before the dot: keep it visible.
                if !c.is_whitespace() {
                    part.push(c);
                }
            }
            Some(c) => part.push(c),
        }
    }
}

/// `table.column` (or `schema.table.column`) as the table reference and the column name, quotes
/// removed; `None` without a dot.
pub fn split_column_reference(reference: &str) -> Option<(String, String)> {
    let mut parts = reference_parts(reference);
    if parts.len() < 2 {
        return None;
    }
    let column = parts.pop()?;
    Some((parts.join("."), column))
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn references_are_split_at_dots_outside_quotes() {
        let split = |s: &str| split_column_reference(s);
        assert_eq!(split("eleves.nom"), Some(("eleves".into(), "nom".into())));
        assert_eq!(
            split("crm.eleves.nom"),
            Some(("crm.eleves".into(), "nom".into()))
        );
        assert_eq!(split("t.\" \""), Some(("t".into(), " ".into())));
        assert_eq!(split("t.\"a.b\""), Some(("t".into(), "a.b".into())));
        assert_eq!(
            split("\"Élèves 2024\".\"Nom \"\"usuel\"\"\""),
            Some(("Élèves 2024".into(), "Nom \"usuel\"".into()))
        );
        assert_eq!(
            split("t.Nom Complet"),
            Some(("t".into(), "Nom Complet".into()))
        );
        assert_eq!(split("nom"), None);
        assert_eq!(reference_parts("\" \""), [" "]);
    }
}
