//! `[[subject]]`: the people whose data is processed (alumni, students, prospects), each with
//! the table that lists them and its key.

use super::raw::RawSubject;
use super::{Name, ValidationContext, key_names};
use std::collections::BTreeSet;

#[derive(Clone, Debug)]
pub struct Subject {
    pub id: Name,
    pub table: Name,
    pub key: Vec<Name>,
    pub birth_date: Option<Name>,
}

/// Every subject, each id declared once.
pub(super) fn validate(raw: &[RawSubject], cx: &mut ValidationContext<'_>) -> Vec<Subject> {
    let mut seen = BTreeSet::new();
    let mut subjects = Vec::new();
    for s in raw {
        if !seen.insert(s.id.get_ref().clone()) {
            cx.push(
                s.id.span(),
                format!("subject `{}` is declared twice", s.id.get_ref()),
                "duplicate id",
                None,
            );
        }
        subjects.push(s.validate());
    }
    subjects
}

impl RawSubject {
    fn validate(&self) -> Subject {
        Subject {
            id: Name::from(&self.id),
            table: Name::from(&self.table),
            key: self.key.as_ref().map(key_names).unwrap_or_default(),
            birth_date: self.birth_date.as_ref().map(Name::from),
        }
    }
}
