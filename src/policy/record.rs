//! The keys the record of processing activities (RGPD art. 30.1) needs and a database cannot
//! tell: per purpose its recipients, transfers outside the EU, security measures, categories of
//! people and data when they are not derivable from the declared columns, and what the DPIA
//! screening (art. 35) must be told; per organisation its representative, joint controllers and
//! processors. Every key is optional: `vigie register` marks what is missing as TODO.
//!
//! Each value written as an id is typed here, so an unknown id is a policy error with its caret
//! and a "did you mean", like every other key.

use super::raw::S;
use super::raw::{
    RawDpia, RawJointController, RawProcessor, RawPurpose, RawRecipient, RawTransfer,
};
use super::{ValidationContext, did_you_mean};

/// Who receives a purpose's data (art. 30.1.d).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecipientKind {
    /// A service of the organisation itself.
    Internal,
    /// A processor acting on the organisation's instructions (art. 28).
    Processor,
    /// Another controller.
    ThirdParty,
    /// A public authority entitled to receive the data.
    Authority,
}

pub const RECIPIENT_KINDS: [(&str, RecipientKind); 4] = [
    ("internal", RecipientKind::Internal),
    ("processor", RecipientKind::Processor),
    ("third-party", RecipientKind::ThirdParty),
    ("authority", RecipientKind::Authority),
];

/// The ground on which data leaves the EU (chapter V).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Safeguard {
    /// An adequacy decision of the Commission (art. 45).
    Adequacy,
    /// Standard contractual clauses (art. 46.2.c).
    Scc,
    /// Binding corporate rules (art. 47).
    Bcr,
    /// An approved code of conduct (art. 46.2.e).
    CodeOfConduct,
    /// An approved certification (art. 46.2.f).
    Certification,
    /// Contractual clauses authorised by the supervisory authority (art. 46.3.a).
    AdHocClauses,
    /// A derogation for a specific situation (art. 49).
    Derogation,
}

pub const SAFEGUARDS: [(&str, Safeguard); 7] = [
    ("adequacy", Safeguard::Adequacy),
    ("scc", Safeguard::Scc),
    ("bcr", Safeguard::Bcr),
    ("code-of-conduct", Safeguard::CodeOfConduct),
    ("certification", Safeguard::Certification),
    ("ad-hoc-clauses", Safeguard::AdHocClauses),
    ("derogation", Safeguard::Derogation),
];

/// The security measures the CNIL's register model lists as boxes to tick; any other measure is
/// written in words.
pub const SECURITY_MEASURES: [&str; 6] = [
    "access-control",
    "traceability",
    "software-protection",
    "backup",
    "encryption",
    "processor-control",
];

/// The categories of personal data as the CNIL's register model lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataCategory {
    /// État civil, identité, données d'identification, images.
    CivilStatus,
    /// Vie personnelle (habitudes de vie, situation familiale…).
    PersonalLife,
    /// Vie professionnelle (CV, scolarité, formation, distinctions…).
    ProfessionalLife,
    /// Informations d'ordre économique et financier.
    EconomicFinancial,
    /// Données de connexion (adresse IP, logs…).
    Connection,
    /// Données de localisation.
    Location,
    /// Données sensibles (art. 9).
    Sensitive,
    /// Infractions, condamnations, mesures de sûreté (art. 10).
    Offences,
    /// Numéro d'inscription au répertoire (NIR).
    Nir,
}

pub const DATA_CATEGORIES: [(&str, DataCategory); 9] = [
    ("civil-status", DataCategory::CivilStatus),
    ("personal-life", DataCategory::PersonalLife),
    ("professional-life", DataCategory::ProfessionalLife),
    ("economic-financial", DataCategory::EconomicFinancial),
    ("connection", DataCategory::Connection),
    ("location", DataCategory::Location),
    ("sensitive", DataCategory::Sensitive),
    ("offences", DataCategory::Offences),
    ("nir", DataCategory::Nir),
];

impl DataCategory {
    pub fn as_str(self) -> &'static str {
        id_of(&DATA_CATEGORIES, self)
    }
}

/// The nine criteria of the EDPB guidelines on DPIAs (WP248 rev.01), which the CNIL adopted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DpiaCriterion {
    Scoring,
    AutomatedDecision,
    SystematicMonitoring,
    SensitiveData,
    LargeScale,
    CrossReferencing,
    Vulnerable,
    Innovative,
    ExclusionOfRight,
}

pub const DPIA_CRITERIA: [(&str, DpiaCriterion); 9] = [
    ("scoring", DpiaCriterion::Scoring),
    ("automated-decision", DpiaCriterion::AutomatedDecision),
    ("systematic-monitoring", DpiaCriterion::SystematicMonitoring),
    ("sensitive-data", DpiaCriterion::SensitiveData),
    ("large-scale", DpiaCriterion::LargeScale),
    ("cross-referencing", DpiaCriterion::CrossReferencing),
    ("vulnerable", DpiaCriterion::Vulnerable),
    ("innovative", DpiaCriterion::Innovative),
    ("exclusion-of-right", DpiaCriterion::ExclusionOfRight),
];

impl DpiaCriterion {
    pub fn as_str(self) -> &'static str {
        id_of(&DPIA_CRITERIA, self)
    }
}

/// The types of processing for which the CNIL always requires a DPIA (délibération
/// n° 2018-327 du 11 octobre 2018), in the order of its list.
pub const DPIA_LIST: [&str; 14] = [
    "health-care",
    "genetic-vulnerable",
    "hr-profiling",
    "employee-monitoring",
    "social-health-alerts",
    "professional-alerts",
    "health-data-warehouse",
    "profiling-exclusion",
    "shared-breach-files",
    "external-profiling",
    "biometric-vulnerable",
    "social-housing",
    "social-support",
    "large-scale-location",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub kind: RecipientKind,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub recipient: String,
    pub country: String,
    pub safeguard: Safeguard,
}

/// A security measure: one of [`SECURITY_MEASURES`] or the author's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecurityMeasure {
    Known(&'static str),
    Other(String),
}

/// A DPIA carried out for the purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DpiaDone {
    pub date: jiff::civil::Date,
    pub reference: Option<String>,
}

/// What a purpose says for its entry of the record, beyond its id, title, legal basis, data and
/// retention. `None` is "not stated"; an empty list states that there is none (`transfers = []`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PurposeRecord {
    /// The sub-purposes the CNIL's register model lists under the main purpose.
    pub sub_purposes: Vec<String>,
    pub recipients: Option<Vec<Recipient>>,
    pub transfers: Option<Vec<Transfer>>,
    pub security_measures: Option<Vec<SecurityMeasure>>,
    pub data_subjects: Option<Vec<String>>,
    pub data_categories: Option<Vec<DataCategory>>,
    /// Criteria the author states, which the policy's columns cannot show.
    pub dpia_criteria: Vec<DpiaCriterion>,
    /// Items of the CNIL's list that the purpose falls under.
    pub dpia_list: Vec<&'static str>,
    pub dpia: Option<DpiaDone>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JointController {
    pub name: String,
    pub contact: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Processor {
    pub name: String,
    pub service: Option<String>,
    pub country: Option<String>,
}

fn id_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map(|(s, _)| *s)
        .unwrap_or_default()
}

/// An id of `table`, case and `_` for `-` not mattering; an unknown one is reported with the
/// nearest id or the list.
fn parse_id<T: Copy>(
    written: &S<String>,
    table: &[(&'static str, T)],
    what: &str,
    cx: &mut ValidationContext<'_>,
) -> Option<T> {
    let norm = written.get_ref().trim().to_lowercase().replace('_', "-");
    if let Some((_, v)) = table.iter().find(|(s, _)| *s == norm) {
        return Some(*v);
    }
    let names: Vec<&str> = table.iter().map(|(s, _)| *s).collect();
    cx.push(
        written.span(),
        format!("unknown {what} `{}`", written.get_ref()),
        format!("not a {what}"),
        Some(
            did_you_mean(&norm, names.iter().copied())
                .unwrap_or_else(|| format!("write one of: {}", names.join(", "))),
        ),
    );
    None
}

/// A country as an ISO 3166-1 alpha-2 code, upper-cased.
fn country(written: &S<String>, cx: &mut ValidationContext<'_>) -> String {
    let c = written.get_ref().trim().to_ascii_uppercase();
    if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        cx.push(
            written.span(),
            format!("`{}` is not a two-letter country code", written.get_ref()),
            "expected ISO 3166-1 alpha-2",
            Some("e.g. `FR`, `US`, `GB`".into()),
        );
    }
    c
}

/// A non-empty text; an empty one is reported.
fn text(written: &S<String>, key: &str, cx: &mut ValidationContext<'_>) -> String {
    let t = written.get_ref().trim().to_string();
    if t.is_empty() {
        cx.push(
            written.span(),
            format!("`{key}` is empty"),
            "empty",
            Some(format!("write the {key}, or remove the key")),
        );
    }
    t
}

/// The member states of the EU and the other states of the EEA: data sent there is no transfer
/// in the sense of chapter V.
const EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

pub fn in_eea(country: &str) -> bool {
    EEA.contains(&country)
}

impl RawPurpose {
    pub(super) fn validate_record(&self, cx: &mut ValidationContext<'_>) -> PurposeRecord {
        let recipients = self
            .recipients
            .as_ref()
            .map(|rs| rs.iter().filter_map(|r| r.validate(cx)).collect());
        let transfers = self
            .transfers
            .as_ref()
            .map(|ts| ts.iter().filter_map(|t| t.validate(cx)).collect());
        let security_measures = self
            .security_measures
            .as_ref()
            .map(|ms| ms.iter().filter_map(|m| security_measure(m, cx)).collect());
        let data_subjects = self
            .data_subjects
            .as_ref()
            .map(|ss| ss.iter().map(|s| text(s, "data_subjects", cx)).collect());
        let data_categories = self.data_categories.as_ref().map(|cs| {
            let mut v: Vec<DataCategory> = cs
                .iter()
                .filter_map(|c| parse_id(c, &DATA_CATEGORIES, "data category", cx))
                .collect();
            v.sort();
            v.dedup();
            v
        });
        let mut dpia_criteria: Vec<DpiaCriterion> = self
            .dpia_criteria
            .iter()
            .filter_map(|c| parse_id(c, &DPIA_CRITERIA, "DPIA criterion", cx))
            .collect();
        dpia_criteria.sort();
        dpia_criteria.dedup();
        let list: Vec<(&'static str, &'static str)> = DPIA_LIST.iter().map(|s| (*s, *s)).collect();
        let mut dpia_list: Vec<&'static str> = self
            .dpia_list
            .iter()
            .filter_map(|c| parse_id(c, &list, "item of the CNIL's DPIA list", cx))
            .collect();
        dpia_list.sort_by_key(|s| DPIA_LIST.iter().position(|x| x == s));
        dpia_list.dedup();
        PurposeRecord {
            sub_purposes: self
                .sub_purposes
                .iter()
                .map(|s| text(s, "sub_purposes", cx))
                .collect(),
            recipients,
            transfers,
            security_measures,
            data_subjects,
            data_categories,
            dpia_criteria,
            dpia_list,
            dpia: self.dpia.as_ref().and_then(|d| d.validate(cx)),
        }
    }
}

/// A known id, or words: a single kebab-case word that is no known id is a mistyped id.
fn security_measure(m: &S<String>, cx: &mut ValidationContext<'_>) -> Option<SecurityMeasure> {
    let t = text(m, "security_measures", cx);
    if t.is_empty() {
        return None;
    }
    if let Some(k) = SECURITY_MEASURES.iter().find(|k| **k == t) {
        return Some(SecurityMeasure::Known(k));
    }
    // A single lowercase word is a mistyped id when it has a dash or is close to a known id;
    // other words (`chiffrement`, `Badge d'accès`) describe a measure of the author's own.
    let single_word = t
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let near = did_you_mean(&t, SECURITY_MEASURES.iter().copied());
    if single_word && (t.contains('-') || near.is_some()) {
        cx.push(
            m.span(),
            format!("unknown security measure `{t}`"),
            "not a known measure",
            Some(near.unwrap_or_else(|| {
                format!(
                    "known measures: {}; or describe the measure in words",
                    SECURITY_MEASURES.join(", ")
                )
            })),
        );
        return None;
    }
    Some(SecurityMeasure::Other(t))
}

impl RawRecipient {
    fn validate(&self, cx: &mut ValidationContext<'_>) -> Option<Recipient> {
        let name = text(&self.name, "name", cx);
        let kind = parse_id(&self.kind, &RECIPIENT_KINDS, "recipient kind", cx)?;
        let country = self.country.as_ref().map(|c| country(c, cx));
        Some(Recipient {
            name,
            kind,
            country,
        })
    }
}

impl RawTransfer {
    fn validate(&self, cx: &mut ValidationContext<'_>) -> Option<Transfer> {
        let recipient = text(&self.recipient, "recipient", cx);
        let c = country(&self.country, cx);
        if in_eea(&c) {
            cx.push(
                self.country.span(),
                format!("`{c}` is in the EU/EEA: sending data there is no transfer outside the EU"),
                "not a transfer",
                Some("list this recipient in `recipients` instead".into()),
            );
        }
        let safeguard = parse_id(&self.safeguard, &SAFEGUARDS, "transfer safeguard", cx)?;
        Some(Transfer {
            recipient,
            country: c,
            safeguard,
        })
    }
}

impl RawDpia {
    fn validate(&self, cx: &mut ValidationContext<'_>) -> Option<DpiaDone> {
        let date = match self.date.get_ref().trim().parse::<jiff::civil::Date>() {
            Ok(d) => d,
            Err(_) => {
                cx.push(
                    self.date.span(),
                    format!("`{}` is not a date", self.date.get_ref()),
                    "not YYYY-MM-DD",
                    Some("write the date the DPIA was completed as `2025-03-31`".into()),
                );
                return None;
            }
        };
        Some(DpiaDone {
            date,
            reference: self
                .reference
                .as_ref()
                .map(|r| r.get_ref().trim().to_string()),
        })
    }
}

impl RawJointController {
    pub(super) fn validate(&self, cx: &mut ValidationContext<'_>) -> JointController {
        JointController {
            name: text(&self.name, "name", cx),
            contact: self
                .contact
                .as_ref()
                .map(|c| c.get_ref().trim().to_string()),
        }
    }
}

impl RawProcessor {
    pub(super) fn validate(&self, cx: &mut ValidationContext<'_>) -> Processor {
        Processor {
            name: text(&self.name, "name", cx),
            service: self
                .service
                .as_ref()
                .map(|s| s.get_ref().trim().to_string()),
            country: self.country.as_ref().map(|c| country(c, cx)),
        }
    }
}
