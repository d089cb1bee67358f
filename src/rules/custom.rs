//! Custom checks: a policy's own `[[check]]`, a query returning the keys of violating rows.
//!
//! The query was refused at load time if it is not one read-only SELECT calling only functions
//! of vigie's allow-list or of the policy's `trusted_functions`; at scan time its names are
//! resolved on the session that sends it ([`crate::db::gate`]), and it is guarded again with the
//! target's dialect before it is sent.

use super::Planner;
use crate::check::{CheckKind, Fix};
use crate::finding::Finding;

pub fn plan(p: &mut Planner<'_>) {
    let policy = p.policy;
    for c in &policy.checks {
        let mut template = Finding::from_text(
            &c.id.value,
            c.severity,
            c.legal_reference
                .as_deref()
                .unwrap_or(crate::i18n::text(crate::i18n::Lang::En, "legal.custom")),
            crate::rules::msg("custom").arg("title", &c.title),
        );
        template.policy_line = Some(policy.line_of(c.id.span.start));
        let fix = c.remediation.as_ref().map(|sql| Fix::Custom {
            header: vec![format!("custom check: {} — {}", c.id.value, c.title)],
            sql: sql.clone(),
        });
        p.push_custom(
            format!("custom:{}", c.id.value),
            &c.id.value,
            CheckKind::Custom {
                query: c.query.value.clone(),
                template,
                fix,
            },
        );
    }
}
