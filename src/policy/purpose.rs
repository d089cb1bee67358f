//! `[[purpose]]`: one processing activity with its legal basis (RGPD art. 6), its subjects and
//! data, and its own [`super::retention`] and [`super::consent`] sections.

use super::consent::Consent;
use super::raw::RawPurpose;
use super::record::PurposeRecord;
use super::retention::Retention;
use super::{Name, ValidationContext, did_you_mean, is_kebab};
use std::collections::BTreeSet;

#[derive(Clone, Debug)]
pub struct Purpose {
    pub id: Name,
    pub title: String,
    pub legal_basis: LegalBasis,
    pub subjects: Vec<Name>,
    /// `table.column` references.
    pub data: Vec<Name>,
    pub retention: Vec<Retention>,
    pub consent: Option<Consent>,
    /// What the record of processing activities needs beyond the above (all optional).
    pub record: PurposeRecord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterest,
    PublicTask,
    LegitimateInterest,
}

/// The legal bases as written in a policy, in the order of art. 6.1.
pub(super) const LEGAL_BASES: [(&str, LegalBasis); 6] = [
    ("consent", LegalBasis::Consent),
    ("contract", LegalBasis::Contract),
    ("legal-obligation", LegalBasis::LegalObligation),
    ("vital-interest", LegalBasis::VitalInterest),
    ("public-task", LegalBasis::PublicTask),
    ("legitimate-interest", LegalBasis::LegitimateInterest),
];

impl LegalBasis {
    pub fn as_str(self) -> &'static str {
        LEGAL_BASES
            .iter()
            .find(|(_, b)| *b == self)
            .map(|(s, _)| *s)
            .unwrap_or("consent")
    }

    /// A basis as written: case and `_` for `-` do not matter (`Legal_Obligation`).
    pub fn parse(written: &str) -> Option<LegalBasis> {
        let text = normalise_basis(written);
        LEGAL_BASES
            .iter()
            .find(|(s, _)| *s == text)
            .map(|(_, b)| *b)
    }
}

fn normalise_basis(written: &str) -> String {
    written.trim().to_lowercase().replace('_', "-")
}

/// Every purpose, each id kebab-case and declared once; `subject_ids` are the declared
/// subjects a purpose may name.
pub(super) fn validate(
    raw: &[RawPurpose],
    subject_ids: &[String],
    cx: &mut ValidationContext<'_>,
) -> Vec<Purpose> {
    let mut purposes = Vec::new();
    let mut seen = BTreeSet::new();
    for rp in raw {
        let id = Name::from(&rp.id);
        if !is_kebab(&id.value) {
            cx.push(
                id.span.clone(),
                format!("purpose id `{}` must be kebab-case", id.value),
                "not kebab-case",
                Some("use lowercase letters, digits and `-`, e.g. `alumni-network`".into()),
            );
        }
        if !seen.insert(id.value.clone()) {
            cx.push(
                id.span.clone(),
                format!("purpose `{}` is declared twice", id.value),
                "duplicate id",
                None,
            );
        }
        purposes.push(rp.validate(id, subject_ids, cx));
    }
    purposes
}

impl RawPurpose {
    fn validate(
        &self,
        id: Name,
        subject_ids: &[String],
        cx: &mut ValidationContext<'_>,
    ) -> Purpose {
        let legal_basis = match LegalBasis::parse(self.legal_basis.get_ref()) {
            Some(b) => b,
            None => {
                let names: Vec<&str> = LEGAL_BASES.iter().map(|(s, _)| *s).collect();
                cx.push(
                    self.legal_basis.span(),
                    format!("unknown legal basis `{}`", self.legal_basis.get_ref()),
                    "not a legal basis of RGPD art. 6",
                    Some(
                        did_you_mean(
                            &normalise_basis(self.legal_basis.get_ref()),
                            names.iter().copied(),
                        )
                        .unwrap_or_else(|| format!("legal bases: {}", names.join(", "))),
                    ),
                );
                LegalBasis::Consent
            }
        };
        for s in &self.subjects {
            if !subject_ids.contains(s.get_ref()) {
                let help = did_you_mean(s.get_ref(), subject_ids.iter().map(|x| x.as_str()))
                    .unwrap_or_else(|| "declare it in a [[subject]] section".into());
                cx.push(
                    s.span(),
                    format!("unknown subject `{}`", s.get_ref()),
                    "no [[subject]] has this id",
                    Some(help),
                );
            }
        }
        for d in &self.data {
            if !d.get_ref().contains('.') {
                cx.push(
                    d.span(),
                    format!("data item `{}` must be written `table.column`", d.get_ref()),
                    "missing the table",
                    None,
                );
            }
        }
        let retention = self.retention.iter().map(|r| r.validate(cx)).collect();
        let consent = self.consent.as_ref().map(|c| c.validate(cx));
        let record = self.validate_record(cx);
        if legal_basis == LegalBasis::Consent && consent.is_none() {
            cx.push(
                self.legal_basis.span(),
                format!(
                    "purpose `{}` rests on consent but says nowhere where consent is recorded",
                    id.value
                ),
                "no [purpose.consent]",
                Some("add a [purpose.consent] section naming the consent table, so vigie can verify every processed row has valid consent".into()),
            );
        }
        if let Some(c) = &consent
            && c.processed.is_none()
            && self.subjects.is_empty()
        {
            cx.push(
                c.table.span.clone(),
                format!(
                    "purpose `{}` has consent but neither `processed` rows nor `subjects`",
                    id.value
                ),
                "whose consent?",
                Some("add `subjects = [\"…\"]` to the purpose or a `processed = { table = …, subject_key = … }`".into()),
            );
        }
        Purpose {
            title: self
                .title
                .as_ref()
                .map(|t| t.get_ref().clone())
                .unwrap_or_else(|| id.value.clone()),
            id,
            legal_basis,
            subjects: self.subjects.iter().map(Name::from).collect(),
            data: self.data.iter().map(Name::from).collect(),
            retention,
            consent,
            record,
        }
    }
}
