//! `[[trusted_functions]]`: functions a policy's own SQL may call beyond vigie's allow-list of
//! side-effect-free functions (an extension's or the database's own), each with the reason it
//! is trusted. Functions vigie knows to have effects, or to run SQL given as text, cannot be
//! trusted.

use super::ValidationContext;
use super::raw::RawTrustedFunction;
use crate::dialect::allow;
use crate::dialect::guard::TrustedName;

#[derive(Clone, Debug)]
pub struct TrustedFunction {
    pub name: TrustedName,
    pub reason: String,
}

pub(super) fn validate(
    raw: &[RawTrustedFunction],
    cx: &mut ValidationContext<'_>,
) -> Vec<TrustedFunction> {
    let mut out = Vec::new();
    for t in raw {
        let reason = t
            .reason
            .as_ref()
            .map(|r| r.get_ref().trim().to_string())
            .unwrap_or_default();
        if reason.is_empty() {
            cx.push(
                t.name.span(),
                format!("trusted function `{}` has no reason", t.name.get_ref()),
                "reason missing",
                Some("say why this function has no effect outside the query, e.g. `reason = \"unaccent extension: immutable, reads only its argument\"`".into()),
            );
        }
        let name = match TrustedName::parse(t.name.get_ref(), cx.dialect) {
            Ok(n) => n,
            Err(why) => {
                cx.push(
                    t.name.span(),
                    format!("trusted function `{}`: {why}", t.name.get_ref()),
                    "not a function name",
                    Some("write `function` or `schema.function`".into()),
                );
                continue;
            }
        };
        if let Some(why) = allow::never(&name.name) {
            cx.push(
                t.name.span(),
                format!("`{name}` cannot be trusted: {why}"),
                "never trusted",
                Some("vigie refuses this function whatever the policy says".into()),
            );
            continue;
        }
        out.push(TrustedFunction { name, reason });
    }
    out
}
