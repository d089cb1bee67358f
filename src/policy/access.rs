//! `[[access]]`: which database role may read which data.

use super::Name;
use super::raw::RawAccess;

#[derive(Clone, Debug)]
pub struct Access {
    pub role: Name,
    pub may_read: Vec<Name>,
}

impl RawAccess {
    /// Only names: whether the role and the data exist is for the database to say.
    pub(super) fn validate(&self) -> Access {
        Access {
            role: Name::from(&self.role),
            may_read: self.may_read.iter().map(Name::from).collect(),
        }
    }
}
