//! `[free_text]`: the comment columns to read, the lexicons to load, and the terms a policy
//! adds or silences.
//!
//! Categories and lexicon languages are typed here, with the text module's own types, so that
//! a typo (`category = "healh"`) is a policy error with a caret instead of a term the matcher
//! would never see.

use super::raw::RawFreeText;
use super::{Name, ValidationContext, did_you_mean};
use crate::text::lexicon::Lang;
use crate::text::{Category, ExtraTerm};

#[derive(Clone, Debug)]
pub struct FreeText {
    pub columns: Vec<Name>,
    pub auto: bool,
    pub lexicons: Vec<Lang>,
    pub extra_terms: Vec<ExtraTerm>,
    pub ignore_terms: Vec<IgnoreTerm>,
    /// Report phone numbers and e-mail addresses typed in comments (info severity).
    pub contact_details: bool,
}

/// A term the policy does not want flagged, and why (the reason is required).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoreTerm {
    pub term: String,
    pub reason: String,
}

/// The lexicons loaded when the policy names none.
const DEFAULT_LEXICONS: [Lang; 2] = [Lang::Fr, Lang::En];

/// Without `[free_text]`: no declared column, no automatic detection, both lexicons.
impl Default for FreeText {
    fn default() -> FreeText {
        FreeText {
            columns: Vec::new(),
            auto: false,
            lexicons: DEFAULT_LEXICONS.to_vec(),
            extra_terms: Vec::new(),
            ignore_terms: Vec::new(),
            contact_details: false,
        }
    }
}

impl RawFreeText {
    pub(super) fn validate(self, cx: &mut ValidationContext<'_>) -> FreeText {
        for c in &self.columns {
            if !c.get_ref().contains('.') {
                cx.push(
                    c.span(),
                    format!(
                        "free-text column `{}` must be written `table.column`",
                        c.get_ref()
                    ),
                    "missing the table",
                    None,
                );
            }
        }
        let mut lexicons = Vec::new();
        for l in &self.lexicons {
            match Lang::parse(&l.get_ref().trim().to_lowercase()) {
                Some(lang) => lexicons.push(lang),
                None => cx.push(
                    l.span(),
                    format!("unknown lexicon `{}`", l.get_ref()),
                    "not a built-in lexicon",
                    Some("built-in lexicons: `fr`, `en`".into()),
                ),
            }
        }
        if self.lexicons.is_empty() {
            lexicons = DEFAULT_LEXICONS.to_vec();
        }
        let mut extra_terms = Vec::new();
        for t in &self.extra_terms {
            let written = t.category.get_ref().trim().to_lowercase();
            match Category::parse(&written) {
                Some(category) => extra_terms.push(ExtraTerm {
                    term: t.term.get_ref().clone(),
                    category,
                }),
                None => {
                    let names = Category::ALL.map(|c| c.as_str());
                    cx.push(
                        t.category.span(),
                        format!("unknown free-text category `{}`", t.category.get_ref()),
                        "not a category",
                        Some(
                            did_you_mean(&written, names)
                                .unwrap_or_else(|| format!("categories: {}", names.join(", "))),
                        ),
                    );
                }
            }
        }
        let mut ignore_terms = Vec::new();
        for t in &self.ignore_terms {
            let reason = t.reason.as_ref().map(|r| r.get_ref().trim().to_string());
            if reason.as_deref().unwrap_or("").is_empty() {
                cx.push(
                    t.term.span(),
                    format!("ignored term `{}` has no reason", t.term.get_ref()),
                    "reason missing",
                    Some(
                        "add `reason = \"…\"`: a reviewer must know why a term is not flagged"
                            .into(),
                    ),
                );
            }
            ignore_terms.push(IgnoreTerm {
                term: t.term.get_ref().clone(),
                reason: reason.unwrap_or_default(),
            });
        }
        FreeText {
            columns: self.columns.iter().map(Name::from).collect(),
            auto: self.auto.unwrap_or(false),
            lexicons,
            extra_terms,
            ignore_terms,
            contact_details: self.contact_details.unwrap_or(false),
        }
    }
}
