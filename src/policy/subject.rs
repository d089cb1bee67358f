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
    /// The value a consent or processed table's type column holds for this subject, when it
    /// keys people by `["<type column>", "<id column>"]`.
    pub type_value: Option<Name>,
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
        if let Some(tv) = &s.type_value
            && tv.get_ref().trim().is_empty()
        {
            cx.push(
                tv.span(),
                format!("the `type_value` of subject `{}` is empty", s.id.get_ref()),
                "empty",
                Some("write the value the type column of a composite key holds for these people, such as `type_value = \"etudiant\"`".into()),
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
            type_value: self.type_value.as_ref().map(Name::from),
        }
    }
}
