//! Reference retention durations (CNIL référentiels, legal texts), as data.
//!
//! `rules/references/cnil.toml` is embedded in the binary and read once. A policy names an entry
//! as `cnil:<id>`: `keep = "cnil:prospection"` adopts its duration, `reference = "cnil:…"` makes
//! `retention-above-reference` compare the declared `keep` with it, and `vigie init` writes the
//! relevant entry as a comment above each retention it drafts. Keeping the durations in one file,
//! with their sources, means a change of doctrine is a data change reviewed in one place.

use crate::policy::duration::Duration;
use serde::Deserialize;
use std::sync::LazyLock;

/// The prefix that marks a reference in a policy value.
pub const PREFIX: &str = "cnil:";

pub(crate) const SOURCE: &str = include_str!("../../rules/references/cnil.toml");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    id: String,
    title: String,
    keep: String,
    from: String,
    then: String,
    source: String,
    #[serde(default)]
    minimum: bool,
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    reference: Vec<RawReference>,
}

/// One reference duration.
#[derive(Clone, Debug)]
pub struct Reference {
    pub id: String,
    pub title: String,
    pub keep: Duration,
    /// The start event, in words.
    pub from: String,
    pub then: String,
    pub source: String,
    /// A lower bound (the opposition list: at least 3 years), not a ceiling.
    pub minimum: bool,
    pub note: Option<String>,
}

impl Reference {
    /// `cnil:<id>`, as written in a policy.
    pub fn name(&self) -> String {
        format!("{PREFIX}{}", self.id)
    }

    /// One line for comments and hints: "3y from …, then delete (source)".
    pub fn summary(&self) -> String {
        let bound = if self.minimum { "at least " } else { "" };
        format!(
            "{bound}{} from {}, then {} ({})",
            self.keep, self.from, self.then, self.source
        )
    }
}

static REFERENCES: LazyLock<Vec<Reference>> = LazyLock::new(|| {
    let file: RawFile = toml::from_str(SOURCE)
        .unwrap_or_else(|e| panic!("built-in rules/references/cnil.toml is invalid: {e}"));
    file.reference
        .into_iter()
        .map(|r| Reference {
            keep: Duration::parse(&r.keep).unwrap_or_else(|e| {
                panic!("rules/references/cnil.toml: reference `{}`: {e}", r.id)
            }),
            id: r.id,
            title: r.title,
            from: r.from,
            then: r.then,
            source: r.source,
            minimum: r.minimum,
            note: r.note,
        })
        .collect()
});

/// Every reference, in file order.
pub fn all() -> &'static [Reference] {
    &REFERENCES
}

/// The reference with this id (without the `cnil:` prefix).
pub fn get(id: &str) -> Option<&'static Reference> {
    all().iter().find(|r| r.id == id)
}

/// The id of a `cnil:<id>` value, or `None` when the value is not written as a reference.
pub fn id_of(value: &str) -> Option<&str> {
    let v = value.trim();
    v.get(..PREFIX.len())
        .filter(|p| p.eq_ignore_ascii_case(PREFIX))
        .map(|_| v[PREFIX.len()..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn references_load_with_unique_kebab_ids() {
        let mut seen = BTreeSet::new();
        assert!(all().len() >= 20);
        for r in all() {
            assert!(seen.insert(r.id.clone()), "duplicate reference {}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                r.id
            );
            assert!(
                matches!(r.then.as_str(), "delete" | "anonymise" | "archive"),
                "{}: then = {}",
                r.id,
                r.then
            );
            assert!(!r.source.trim().is_empty());
        }
    }

    #[test]
    fn reads_prefixed_values() {
        assert_eq!(id_of("cnil:prospection"), Some("prospection"));
        assert_eq!(id_of(" CNIL:video "), Some("video"));
        assert_eq!(id_of("3y"), None);
        assert_eq!(get("prospection").unwrap().keep, Duration::years(3));
        assert!(get("opposition-list").unwrap().minimum);
    }
}
