//! Rule ids: one enum variant per built-in rule, its kebab-case string written once here.
//!
//! Code names a rule by its variant, so a typo is a compile error and an unknown id cannot
//! reach the engine; strings exist only at the edges (the policy, `vigie explain`, reports).
//! The registry test checks that every variant has its documentation under `rules/` and that
//! every documented id is a variant.

use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! rule_ids {
    ($($variant:ident = $id:literal, $family:literal;)*) => {
        /// A built-in rule.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every built-in rule, in documentation order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The rule's id as users write it (`retention-exceeded`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// The family it belongs to, as its documentation file is named.
            pub const fn family(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $family,)*
                }
            }
        }
    };
}

rule_ids! {
    RetentionExceeded = "retention-exceeded", "retention";
    RetentionAnchorMissing = "retention-anchor-missing", "retention";
    RetentionUndeclared = "retention-undeclared", "retention";
    RetentionAboveReference = "retention-above-reference", "retention";
    ConsentMissing = "consent-missing", "consent";
    ConsentWithdrawn = "consent-withdrawn", "consent";
    ConsentPreTicked = "consent-pre-ticked", "consent";
    ConsentWithoutProof = "consent-without-proof", "consent";
    ConsentMinorWithoutParent = "consent-minor-without-parent", "consent";
    UndeclaredColumn = "undeclared-column", "minimisation";
    SensitiveColumn = "sensitive-column", "minimisation";
    IdentifierColumn = "identifier-column", "minimisation";
    CardSecurityCode = "card-security-code", "minimisation";
    UnusedColumn = "unused-column", "minimisation";
    FreeTextJudgement = "free-text-judgement", "free-text";
    FreeTextSensitive = "free-text-sensitive", "free-text";
    FreeTextIdentifier = "free-text-identifier", "free-text";
    PasswordPlaintext = "password-plaintext", "security";
    PasswordWeakHash = "password-weak-hash", "security";
    PasswordUnknownFormat = "password-unknown-format", "security";
    AccessPublicGrant = "access-public-grant", "security";
    AccessExcessiveGrant = "access-excessive-grant", "security";
    InactiveAccount = "inactive-account", "security";
    RequestOverdue = "request-overdue", "rights";
    RequestAnsweredLate = "request-answered-late", "rights";
    WaiverExpired = "waiver-expired", "hygiene";
    WaiverUnused = "waiver-unused", "hygiene";
    ConsentDefaultTrue = "consent-default-true", "migrations";
    SyntaxError = "syntax-error", "migrations";
}

impl RuleId {
    /// The rule of an id as users write it.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<RuleId> for String {
    fn eq(&self, other: &RuleId) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::BTreeSet::new();
        for r in RuleId::ALL {
            let id = r.as_str();
            assert!(seen.insert(id), "{id} twice");
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !id.starts_with('-')
                    && !id.ends_with('-'),
                "{id} is not kebab-case"
            );
            assert_eq!(RuleId::parse(id), Some(*r));
        }
        assert_eq!(RuleId::parse("retention-exceded"), None);
    }
}
