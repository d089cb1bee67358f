//! Rules specific to `vigie check-migrations`. The catalog-level rules of the other families
//! (`undeclared-column`, `sensitive-column` by name, `card-security-code`…) also run on
//! migrations, through their units' [`GateTrigger`](crate::rules::GateTrigger); they live with
//! their family.
//!
//! Each rule is its own unit: `consent_default_true.rs`, judged by name and default like the
//! minimisation column rules (and in the same catalog pass on a live database), and
//! `syntax_error.rs`, whose finding the gate builds when a statement does not parse.

pub mod consent_default_true;
pub mod syntax_error;

pub use consent_default_true::ConsentDefaultTrue;
pub use syntax_error::SyntaxError;
