//! `[[check]]`: a policy's own checks, one read-only SELECT returning the keys of the
//! violating rows. The query is refused here, before any connection, if it could write.

use super::raw::RawCheck;
use super::{Name, ValidationContext, is_kebab};
use crate::dialect::guard;
use crate::finding::Severity;
use crate::rules::Registry;
use std::collections::BTreeSet;

#[derive(Clone, Debug)]
pub struct CustomCheck {
    pub id: Name,
    pub title: String,
    pub severity: Severity,
    pub query: Name,
    pub remediation: Option<String>,
    pub legal_reference: Option<String>,
}

/// Every custom check, each id kebab-case, declared once and not taken by a built-in rule.
pub(super) fn validate(
    raw: &[RawCheck],
    registry: &Registry,
    cx: &mut ValidationContext<'_>,
) -> Vec<CustomCheck> {
    let mut checks = Vec::new();
    let mut seen = BTreeSet::new();
    for c in raw {
        let id = Name::from(&c.id);
        if !is_kebab(&id.value) {
            cx.push(
                id.span.clone(),
                format!("check id `{}` must be kebab-case", id.value),
                "not kebab-case",
                Some("e.g. `card-cvv-stored`".into()),
            );
        }
        if registry.get(&id.value).is_some() {
            cx.push(
                id.span.clone(),
                format!("check id `{}` is a built-in rule id", id.value),
                "already taken",
                Some("choose another id for a custom check".into()),
            );
        }
        if !seen.insert(id.value.clone()) {
            cx.push(
                id.span.clone(),
                format!("check `{}` is declared twice", id.value),
                "duplicate id",
                None,
            );
        }
        checks.push(c.validate(id, cx));
    }
    checks
}

impl RawCheck {
    fn validate(&self, id: Name, cx: &mut ValidationContext<'_>) -> CustomCheck {
        let severity = match &self.severity {
            None => Severity::High,
            Some(s) => Severity::parse(s.get_ref().trim()).unwrap_or_else(|| {
                cx.push(
                    s.span(),
                    format!("unknown severity `{}`", s.get_ref()),
                    "not a severity",
                    Some("use critical, high, medium, low or info".into()),
                );
                Severity::High
            }),
        };
        if let Err(r) = guard::check_user_query(self.query.get_ref(), cx.dialect, &cx.trusted) {
            cx.push(
                self.query.span(),
                format!("check `{}` is refused: {}", id.value, r.reason),
                "refused",
                Some("a check is one SELECT returning the keys of the violating rows; vigie never sends anything that could write".into()),
            );
        }
        CustomCheck {
            title: self
                .title
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_else(|| id.value.clone()),
            id,
            severity,
            query: Name::from(&self.query),
            remediation: self.remediation.as_ref().map(|r| r.get_ref().clone()),
            legal_reference: self.legal_reference.as_ref().map(|r| r.get_ref().clone()),
        }
    }
}
