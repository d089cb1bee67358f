//! `[purpose.consent]`: where a purpose resting on consent records it (the consent table, its
//! dates, proof and parental consent), and optionally which rows are processed under it.

use super::raw::{RawConsent, RawProcessed};
use super::{Name, ValidationContext, key_names};

#[derive(Clone, Debug)]
pub struct Consent {
    pub table: Name,
    pub subject_key: Vec<Name>,
    pub where_: Option<Name>,
    pub purpose_column: Option<Name>,
    pub purpose_value: Option<String>,
    pub given_at: Name,
    pub withdrawn_at: Option<Name>,
    pub pre_ticked: Option<Name>,
    pub proof: Option<Name>,
    pub parental_consent: Option<Name>,
    pub processed: Option<Processed>,
}

/// The rows processed under a consent, joined to it by `subject_key`.
#[derive(Clone, Debug)]
pub struct Processed {
    pub table: Name,
    pub subject_key: Vec<Name>,
    pub where_: Option<Name>,
}

impl RawConsent {
    pub(super) fn validate(&self, cx: &mut ValidationContext<'_>) -> Consent {
        let subject_key = key_names(&self.subject_key);
        if self.purpose_column.is_some() != self.purpose_value.is_some() {
            let span = self
                .purpose_column
                .as_ref()
                .or(self.purpose_value.as_ref())
                .map(|x| x.span())
                .unwrap_or(self.table.span());
            cx.push(
                span,
                "`purpose_column` and `purpose_value` go together",
                "only one of the two is set",
                Some("set both to select this purpose's consent rows, or neither if the table holds one purpose".into()),
            );
        }
        let processed = self
            .processed
            .as_ref()
            .map(|pr| pr.validate(subject_key.len(), cx));
        Consent {
            table: Name::from(&self.table),
            subject_key,
            where_: cx.check_where(&self.where_),
            purpose_column: self.purpose_column.as_ref().map(Name::from),
            purpose_value: self.purpose_value.as_ref().map(|v| v.get_ref().clone()),
            given_at: Name::from(&self.given_at),
            withdrawn_at: self.withdrawn_at.as_ref().map(Name::from),
            pre_ticked: self.pre_ticked.as_ref().map(Name::from),
            proof: self.proof.as_ref().map(Name::from),
            parental_consent: self.parental_consent.as_ref().map(Name::from),
            processed,
        }
    }
}

impl RawProcessed {
    /// `consent_key_len` is the number of columns of the consent's `subject_key`, which this
    /// key must line up with.
    fn validate(&self, consent_key_len: usize, cx: &mut ValidationContext<'_>) -> Processed {
        let key = key_names(&self.subject_key);
        if key.len() != consent_key_len {
            cx.push(
                self.subject_key.span(),
                format!(
                    "`processed.subject_key` has {} column(s) but the consent's `subject_key` has {}",
                    key.len(),
                    consent_key_len
                ),
                "keys do not line up",
                Some("list the same number of columns, in the same order, on both sides".into()),
            );
        }
        Processed {
            table: Name::from(&self.table),
            subject_key: key,
            where_: cx.check_where(&self.where_),
        }
    }
}
