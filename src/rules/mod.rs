//! The registry of built-in rules: one table, read from the TOML files under `rules/`.
//!
//! A rule's title, default severity, legal reference and documentation (What it checks / Why
//! it matters / Example / Remediation / References) live in one place, as data embedded in
//! the binary, so `vigie rules`, `vigie explain` and every finding read the same text. The
//! code that evaluates a family lives beside this file (`retention.rs`, `consent.rs`, …).

pub mod access;
pub mod columns;
pub mod consent;
pub mod custom;
pub mod free_text;
pub mod inactive;
pub mod minimisation;
pub mod passwords;
pub mod references;
pub mod retention;
pub mod rights;
pub mod waivers;

use crate::finding::Severity;
use serde::Deserialize;
use std::sync::LazyLock;

const SOURCES: &[(&str, &str)] = &[
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

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub family: String,
    pub title: String,
    pub severity: Severity,
    pub legal_reference: String,
    pub what: String,
    pub why: String,
    pub example: String,
    pub remediation: String,
    pub references: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<Rule>,
}

pub struct Registry {
    pub rules: Vec<Rule>,
}

impl Registry {
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The rule of a built-in id. Panics on an unknown id: rule ids used by the engine are
    /// constants, and a test checks that each one is registered.
    pub fn rule(&self, id: &str) -> &Rule {
        self.get(id)
            .unwrap_or_else(|| panic!("rule `{id}` is used by the engine but not registered"))
    }

    /// A rule's documentation as Markdown, for `vigie explain` and the README.
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

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut rules = Vec::new();
    for (name, text) in SOURCES {
        let file: RuleFile = toml::from_str(text)
            .unwrap_or_else(|e| panic!("built-in rule file rules/{name} is invalid: {e}"));
        rules.extend(file.rule);
    }
    Registry { rules }
});

pub fn registry() -> &'static Registry {
    &REGISTRY
}

/// A finding of a built-in rule, with the rule's default severity and legal reference.
pub fn finding(rule: &str, message: String) -> crate::finding::Finding {
    let r = registry().rule(rule);
    crate::finding::Finding::new(rule, r.severity, &r.legal_reference, message)
}

/// Rule ids the engine emits; each must be registered (tested below).
pub mod ids {
    pub const RETENTION_EXCEEDED: &str = "retention-exceeded";
    pub const RETENTION_ANCHOR_MISSING: &str = "retention-anchor-missing";
    pub const RETENTION_UNDECLARED: &str = "retention-undeclared";
    pub const RETENTION_ABOVE_REFERENCE: &str = "retention-above-reference";
    pub const CONSENT_MISSING: &str = "consent-missing";
    pub const CONSENT_WITHDRAWN: &str = "consent-withdrawn";
    pub const CONSENT_PRE_TICKED: &str = "consent-pre-ticked";
    pub const CONSENT_WITHOUT_PROOF: &str = "consent-without-proof";
    pub const CONSENT_MINOR_WITHOUT_PARENT: &str = "consent-minor-without-parent";
    pub const WAIVER_EXPIRED: &str = "waiver-expired";
    pub const WAIVER_UNUSED: &str = "waiver-unused";
    pub const CONSENT_DEFAULT_TRUE: &str = "consent-default-true";
    pub const REQUEST_OVERDUE: &str = "request-overdue";
    pub const ACCESS_PUBLIC_GRANT: &str = "access-public-grant";
    pub const ACCESS_EXCESSIVE_GRANT: &str = "access-excessive-grant";
    pub const REQUEST_ANSWERED_LATE: &str = "request-answered-late";
    pub const SYNTAX_ERROR: &str = "syntax-error";
    pub const SENSITIVE_COLUMN: &str = "sensitive-column";
    pub const IDENTIFIER_COLUMN: &str = "identifier-column";
    pub const CARD_SECURITY_CODE: &str = "card-security-code";
    pub const UNDECLARED_COLUMN: &str = "undeclared-column";
    pub const UNUSED_COLUMN: &str = "unused-column";
    pub const PASSWORD_PLAINTEXT: &str = "password-plaintext";
    pub const PASSWORD_WEAK_HASH: &str = "password-weak-hash";
    pub const INACTIVE_ACCOUNT: &str = "inactive-account";

    pub const ENGINE: &[&str] = &[
        RETENTION_EXCEEDED,
        RETENTION_ANCHOR_MISSING,
        RETENTION_UNDECLARED,
        RETENTION_ABOVE_REFERENCE,
        CONSENT_MISSING,
        CONSENT_WITHDRAWN,
        CONSENT_PRE_TICKED,
        CONSENT_WITHOUT_PROOF,
        CONSENT_MINOR_WITHOUT_PARENT,
        WAIVER_EXPIRED,
        WAIVER_UNUSED,
        CONSENT_DEFAULT_TRUE,
        REQUEST_OVERDUE,
        REQUEST_ANSWERED_LATE,
        ACCESS_PUBLIC_GRANT,
        ACCESS_EXCESSIVE_GRANT,
        SYNTAX_ERROR,
        SENSITIVE_COLUMN,
        IDENTIFIER_COLUMN,
        CARD_SECURITY_CODE,
        UNDECLARED_COLUMN,
        UNUSED_COLUMN,
        PASSWORD_PLAINTEXT,
        PASSWORD_WEAK_HASH,
        INACTIVE_ACCOUNT,
    ];
}
