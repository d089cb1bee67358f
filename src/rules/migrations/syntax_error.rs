//! `syntax-error`: a migration statement the parser cannot read. It costs only itself: the gate
//! builds the finding where the parser stopped and still checks the rest of the file. It is
//! medium when the statement could hide a table or column change, info otherwise.
//!
//! The gate plans no check: this unit holds the id and the words of the finding.

use crate::finding::Severity;
use crate::rules::{Rule, RuleId, registry};

pub struct SyntaxError;

impl Rule for SyntaxError {
    fn id(&self) -> RuleId {
        RuleId::SyntaxError
    }
}

/// The finding's message: where the statement starts, and what the parser said.
pub fn message(statement_line: usize, parser_message: &str) -> crate::i18n::Message {
    crate::i18n::Message::keyed("gate", "syntax-error")
        .arg("line", statement_line)
        .arg("message", parser_message)
}

/// What to do about it, depending on whether the statement may change the catalog.
pub fn help(may_change_catalog: bool) -> crate::i18n::Message {
    crate::i18n::Message::keyed(
        "gate",
        if may_change_catalog {
            "help-syntax-catalog"
        } else {
            "help-syntax-other"
        },
    )
}

/// The rule's default severity when the statement may change the catalog, else info.
pub fn severity(may_change_catalog: bool) -> Severity {
    if may_change_catalog {
        registry().doc(RuleId::SyntaxError).severity
    } else {
        Severity::Info
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_points_at_the_statement() {
        assert_eq!(
            message(12, "Expected: an expression, found: )").render(crate::i18n::Lang::En),
            "statement at line 12 could not be parsed: Expected: an expression, found: )"
        );
    }

    #[test]
    fn a_statement_that_cannot_change_the_catalog_is_info() {
        assert_eq!(severity(false), Severity::Info);
        assert_ne!(severity(true), Severity::Info);
        let en = |m: crate::i18n::Message| m.render(crate::i18n::Lang::En);
        assert!(en(help(true)).contains("review it by hand"));
        assert!(en(help(false)).contains("listed for completeness"));
    }
}
