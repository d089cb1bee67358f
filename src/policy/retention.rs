//! `[[purpose.retention]]`: how long a table's rows are kept after an event, and what happens
//! then. `keep` is a [`Duration`] or adopts a built-in reference's (`cnil:<id>`); `reference`
//! may cite one to compare against.

use super::duration::{self, Duration};
use super::raw::RawRetention;
use super::{Name, ValidationContext, did_you_mean};
use crate::rules::references::{self, Reference};
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Retention {
    pub table: Name,
    pub keep: Duration,
    pub keep_span: Range<usize>,
    /// The built-in reference whose duration `keep = "cnil:<id>"` adopts.
    pub keep_reference: Option<&'static Reference>,
    pub from: Name,
    pub then: Then,
    pub anonymise: Vec<Name>,
    pub where_: Option<Name>,
    /// `reference` as written: free text, or `cnil:<id>`.
    pub reference: Option<String>,
    /// The built-in reference when `reference = "cnil:<id>"` names one.
    pub cited_reference: Option<CitedReference>,
}

/// A built-in reference cited by a retention, with the span of the value that cites it.
#[derive(Clone, Debug)]
pub struct CitedReference {
    pub reference: &'static Reference,
    pub span: Range<usize>,
}

/// What happens to a row at the end of its retention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Delete,
    Anonymise,
    Archive,
}

impl Then {
    pub fn as_str(self) -> &'static str {
        match self {
            Then::Delete => "delete",
            Then::Anonymise => "anonymise",
            Then::Archive => "archive",
        }
    }

    /// An action as written, lower-cased and trimmed; `anonymize` is accepted.
    pub fn parse(written: &str) -> Option<Then> {
        match written {
            "delete" => Some(Then::Delete),
            "anonymise" | "anonymize" => Some(Then::Anonymise),
            "archive" => Some(Then::Archive),
            _ => None,
        }
    }
}

impl RawRetention {
    pub(super) fn validate(&self, cx: &mut ValidationContext<'_>) -> Retention {
        let (keep, keep_reference) = match references::id_of(self.keep.get_ref()) {
            Some(id) => match known_reference(cx, id, self.keep.span()) {
                Some(rf) => (rf.keep, Some(rf)),
                None => (Duration::default(), None),
            },
            None => match Duration::parse(self.keep.get_ref()) {
                Ok(d) => (d, None),
                Err(msg) => {
                    cx.push(
                        self.keep.span(),
                        format!("invalid duration: {msg}"),
                        "not a duration",
                        Some(duration::UNITS_HELP.into()),
                    );
                    (Duration::default(), None)
                }
            },
        };
        let cited_reference = self.reference.as_ref().and_then(|x| {
            let id = references::id_of(x.get_ref())?;
            known_reference(cx, id, x.span()).map(|reference| CitedReference {
                reference,
                span: x.span(),
            })
        });
        let then = match &self.then {
            None => Then::Delete,
            Some(t) => {
                let written = t.get_ref().trim().to_lowercase();
                Then::parse(&written).unwrap_or_else(|| {
                    cx.push(
                        t.span(),
                        format!("unknown action `{written}` at the end of retention"),
                        "not an action",
                        Some("use `delete`, `anonymise` or `archive`".into()),
                    );
                    Then::Delete
                })
            }
        };
        if then == Then::Anonymise && self.anonymise.is_empty() {
            let span = self
                .then
                .as_ref()
                .map(|t| t.span())
                .unwrap_or(self.table.span());
            cx.push(
                span,
                "`then = \"anonymise\"` needs the columns to anonymise",
                "no `anonymise` list",
                Some("add `anonymise = [\"email\", \"nom\", …]`".into()),
            );
        }
        if then != Then::Anonymise && !self.anonymise.is_empty() {
            cx.push(
                self.anonymise[0].span(),
                "`anonymise` is only used with `then = \"anonymise\"`",
                "ignored",
                Some("set `then = \"anonymise\"` or remove the list".into()),
            );
        }
        Retention {
            table: Name::from(&self.table),
            keep,
            keep_span: self.keep.span(),
            keep_reference,
            from: Name::from(&self.from),
            then,
            anonymise: self.anonymise.iter().map(Name::from).collect(),
            where_: cx.check_where(&self.where_),
            reference: self.reference.as_ref().map(|x| x.get_ref().clone()),
            cited_reference,
        }
    }
}

/// The built-in reference `id`, or a problem at `span` with the closest id.
fn known_reference(
    cx: &mut ValidationContext<'_>,
    id: &str,
    span: Range<usize>,
) -> Option<&'static Reference> {
    let found = references::get(id);
    if found.is_none() {
        let names: Vec<String> = references::all().iter().map(|r| r.name()).collect();
        let written = format!("{}{id}", references::PREFIX);
        cx.push(
            span,
            format!("unknown reference `{written}`"),
            "not a built-in reference",
            Some(did_you_mean(&written, names.iter().map(|n| n.as_str())).unwrap_or_else(
                || "the reference ids are listed in rules/references/cnil.toml (e.g. `cnil:prospection`, `cnil:inactive-account`)".to_string(),
            )),
        );
    }
    found
}
