//! `[[waiver]]`: a documented exception to one rule on one object. A waiver needs a reason,
//! names a rule that exists (built-in or a custom check of the same policy), and may expire.

use super::check::CustomCheck;
use super::raw::RawWaiver;
use super::{Name, ValidationContext, did_you_mean};
use crate::rules::Registry;
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Waiver {
    pub rule: Name,
    pub object: Name,
    pub reason: String,
    pub expires: Option<jiff::civil::Date>,
    pub span: Range<usize>,
}

/// Every waiver; `checks` are the policy's custom checks, which a waiver may name.
pub(super) fn validate(
    raw: &[RawWaiver],
    registry: &Registry,
    checks: &[CustomCheck],
    cx: &mut ValidationContext<'_>,
) -> Vec<Waiver> {
    raw.iter()
        .map(|w| w.validate(registry, checks, cx))
        .collect()
}

impl RawWaiver {
    fn validate(
        &self,
        registry: &Registry,
        checks: &[CustomCheck],
        cx: &mut ValidationContext<'_>,
    ) -> Waiver {
        let rule = Name::from(&self.rule);
        let custom = checks.iter().any(|c| c.id.value == rule.value);
        if registry.get(&rule.value).is_none() && !custom {
            let ids: Vec<&str> = registry
                .rules
                .iter()
                .map(|r| r.id.as_str())
                .chain(checks.iter().map(|c| c.id.value.as_str()))
                .collect();
            cx.push(
                rule.span.clone(),
                format!("unknown rule id `{}`", rule.value),
                "no such rule",
                Some(
                    did_you_mean(&rule.value, ids.iter().copied())
                        .unwrap_or_else(|| "run `vigie rules` for the list of rule ids".into()),
                ),
            );
        }
        let reason = self
            .reason
            .as_ref()
            .map(|r| r.get_ref().trim().to_string())
            .unwrap_or_default();
        if reason.is_empty() {
            cx.push(
                self.rule.span(),
                "a waiver needs a reason",
                "reason missing",
                Some("add `reason = \"…\"`: the legal ground or decision that justifies it".into()),
            );
        }
        let expires = self.expires.as_ref().and_then(|e| {
            match e.get_ref().trim().parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    cx.push(
                        e.span(),
                        format!("`{}` is not a date", e.get_ref()),
                        "not YYYY-MM-DD",
                        Some("write the date as `2027-06-30`".into()),
                    );
                    None
                }
            }
        });
        Waiver {
            rule,
            object: Name::from(&self.object),
            reason,
            expires,
            span: self.rule.span(),
        }
    }
}
