//! `[requests]`: the register of data-subject requests (RGPD art. 15 to 22), so that their
//! answers can be checked against the deadline of art. 12.3.

use super::Name;
use super::raw::RawRequests;

#[derive(Clone, Debug)]
pub struct Requests {
    pub table: Name,
    pub key: Option<Name>,
    pub received_at: Name,
    pub answered_at: Name,
    pub extended: Option<Name>,
}

impl RawRequests {
    /// Only names: whether they exist is for the database to say.
    pub(super) fn validate(&self) -> Requests {
        Requests {
            table: Name::from(&self.table),
            key: self.key.as_ref().map(Name::from),
            received_at: Name::from(&self.received_at),
            answered_at: Name::from(&self.answered_at),
            extended: self.extended.as_ref().map(Name::from),
        }
    }
}
