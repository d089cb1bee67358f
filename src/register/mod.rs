//! The record of processing activities (RGPD art. 30.1), one entry per purpose, built from the
//! policy, with the DPIA screening of each purpose ([`dpia`]) and, when a database was read,
//! what it shows ([`observe`]).
//!
//! Pure data: the record knows nothing of output formats (`report::register` writes it). Every
//! field of art. 30.1 is a [`Field`] whose [`Status`] says where its value comes from, so that a
//! field the policy does not state is an explicit TODO in every format, never a blank.

pub mod dpia;
pub mod observe;

use crate::policy::record::{
    DataCategory, DpiaDone, JointController, Processor, Recipient, SecurityMeasure, Transfer,
    in_eea,
};
use crate::policy::{LegalBasis, Policy, Then};
use crate::text::names::{ColumnCategory, classify_name};
use std::collections::BTreeMap;

/// Where a field's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Written in the policy.
    Stated,
    /// Derived by vigie from what the policy declares (its subjects, its columns).
    Derived,
    /// Not applicable to this organisation (a representative in the Union for a controller
    /// established in it).
    NotApplicable,
    /// Neither stated nor derivable: a person must fill it in.
    Todo,
}

/// One field of the record with where it comes from; `value` is `None` for a TODO.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T> {
    pub status: Status,
    pub value: Option<T>,
}

impl<T> Field<T> {
    fn stated(value: T) -> Field<T> {
        Field {
            status: Status::Stated,
            value: Some(value),
        }
    }
    fn derived(value: T) -> Field<T> {
        Field {
            status: Status::Derived,
            value: Some(value),
        }
    }
    fn todo() -> Field<T> {
        Field {
            status: Status::Todo,
            value: None,
        }
    }
    fn not_applicable() -> Field<T> {
        Field {
            status: Status::NotApplicable,
            value: None,
        }
    }
    fn from_option(value: Option<T>) -> Field<T> {
        value.map_or_else(Field::todo, Field::stated)
    }
    pub fn is_todo(&self) -> bool {
        self.status == Status::Todo
    }
}

/// The fields of art. 30.1, in the order of the article, as the JSON names them. `controller`
/// and `dpo` are the organisation's (30.1.a); the others are each entry's.
pub const ART_30_FIELDS: [&str; 12] = [
    "controller",
    "dpo",
    "representative",
    "joint_controllers",
    "purpose",
    "legal_basis",
    "data_subjects",
    "data_categories",
    "recipients",
    "transfers",
    "retention",
    "security_measures",
];

/// The controller's part of the record (art. 30.1.a).
#[derive(Clone, Debug)]
pub struct Controller {
    pub name: Field<String>,
    pub contact: Field<String>,
    pub dpo: Field<String>,
    pub representative: Field<String>,
    pub joint_controllers: Field<Vec<JointController>>,
    pub processors: Field<Vec<Processor>>,
    pub country: String,
}

/// A category of data with the declared columns it was recognised in (empty when stated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryLine {
    pub category: DataCategory,
    pub columns: Vec<String>,
}

/// One retention rule of the purpose: the table (its category of data) and how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionLine {
    pub table: String,
    pub keep: crate::policy::duration::Duration,
    pub from: String,
    pub then: Then,
    pub reference: Option<String>,
}

/// One entry of the record: one purpose.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub sub_purposes: Vec<String>,
    pub legal_basis: LegalBasis,
    pub data_subjects: Field<Vec<String>>,
    pub data_categories: Field<Vec<CategoryLine>>,
    /// Declared columns no category was recognised in: a person classifies them.
    pub unclassified: Vec<String>,
    pub recipients: Field<Vec<Recipient>>,
    pub transfers: Field<Vec<Transfer>>,
    pub retention: Field<Vec<RetentionLine>>,
    pub security_measures: Field<Vec<SecurityMeasure>>,
    pub dpia: dpia::Screening,
    pub dpia_done: Option<DpiaDone>,
    /// What the database showed, with `--url`.
    pub observed: Option<observe::Observed>,
}

/// The whole record.
#[derive(Clone, Debug)]
pub struct Register {
    pub policy_path: String,
    pub policy_sha256: String,
    pub controller: Controller,
    pub entries: Vec<Entry>,
    /// With `--url`: the database read, and what no purpose declares.
    pub database: Option<observe::Database>,
}

/// The record from the policy alone.
pub fn build(policy: &Policy) -> Register {
    build_with(policy, None)
}

/// The record, with what a database showed when one was read.
pub fn build_with(policy: &Policy, seen: Option<&observe::Seen>) -> Register {
    let o = &policy.organisation;
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let controller = Controller {
        name: Field::from_option(nonempty(&o.name)),
        contact: Field::from_option(o.controller.as_deref().and_then(nonempty)),
        dpo: Field::from_option(o.dpo.as_deref().and_then(nonempty)),
        representative: match &o.representative {
            Some(r) => Field::stated(r.clone()),
            None if in_eea(&o.country) => Field::not_applicable(),
            None => Field::todo(),
        },
        joint_controllers: Field::from_option(o.joint_controllers.clone()),
        processors: Field::from_option(o.processors.clone()),
        country: o.country.clone(),
    };
    let entries = policy
        .purposes
        .iter()
        .map(|p| {
            let (categories, unclassified) = derive_categories(p);
            let data_categories = match &p.record.data_categories {
                Some(stated) => Field::stated(
                    stated
                        .iter()
                        .map(|c| CategoryLine {
                            category: *c,
                            columns: Vec::new(),
                        })
                        .collect(),
                ),
                None if !categories.is_empty() => Field::derived(categories),
                None => Field::todo(),
            };
            let data_subjects = match &p.record.data_subjects {
                Some(s) => Field::stated(s.clone()),
                None if !p.subjects.is_empty() => {
                    Field::derived(p.subjects.iter().map(|s| s.value.clone()).collect())
                }
                None => Field::todo(),
            };
            let retention: Vec<RetentionLine> = p
                .retention
                .iter()
                .map(|r| RetentionLine {
                    table: r.table.value.clone(),
                    keep: r.keep,
                    from: r.from.value.clone(),
                    then: r.then,
                    reference: r.reference.clone(),
                })
                .collect();
            let observed = seen.map(|s| s.entry(policy, p));
            let dpia = dpia::screen(policy, p, &data_categories, observed.as_ref());
            Entry {
                id: p.id.value.clone(),
                title: p.title.clone(),
                sub_purposes: p.record.sub_purposes.clone(),
                legal_basis: p.legal_basis,
                data_subjects,
                data_categories,
                unclassified,
                recipients: Field::from_option(p.record.recipients.clone()),
                transfers: Field::from_option(p.record.transfers.clone()),
                retention: if retention.is_empty() {
                    Field::todo()
                } else {
                    Field::stated(retention)
                },
                security_measures: Field::from_option(p.record.security_measures.clone()),
                dpia,
                dpia_done: p.record.dpia.clone(),
                observed,
            }
        })
        .collect();
    Register {
        policy_path: policy.path.clone(),
        policy_sha256: policy.sha256.clone(),
        controller,
        entries,
        database: seen.map(|s| s.database.clone()),
    }
}

/// The CNIL category a column of this class belongs to; `None` for what is no category of
/// personal data (a consent flag, free text whose content is unknown).
pub fn category_of(class: ColumnCategory) -> Option<DataCategory> {
    use ColumnCategory as C;
    Some(match class {
        C::Email
        | C::Phone
        | C::BirthDate
        | C::Address
        | C::Postcode
        | C::LastName
        | C::FirstName
        | C::FullName
        | C::Gender
        | C::Nationality
        | C::IdDocument
        | C::Photo
        | C::Username => DataCategory::CivilStatus,
        C::Nir => DataCategory::Nir,
        C::Iban | C::Card | C::CardSecurityCode | C::Financial => DataCategory::EconomicFinancial,
        C::Ip | C::Password | C::Credential => DataCategory::Connection,
        C::Geolocation => DataCategory::Location,
        C::Health
        | C::Religion
        | C::Ethnic
        | C::Political
        | C::Union
        | C::Sexual
        | C::Biometric => DataCategory::Sensitive,
        C::Offence => DataCategory::Offences,
        C::Job | C::Organisation => DataCategory::ProfessionalLife,
        C::FreeText | C::Consent => return None,
    })
}

/// The categories of a purpose's declared columns, read by the column-name classifier, each
/// with the columns it was recognised in; and the columns no category was recognised in.
fn derive_categories(p: &crate::policy::Purpose) -> (Vec<CategoryLine>, Vec<String>) {
    let mut by: BTreeMap<DataCategory, Vec<String>> = BTreeMap::new();
    let mut unclassified = Vec::new();
    for d in &p.data {
        let Some((table, column)) = crate::policy::split_column_reference(&d.value) else {
            continue;
        };
        let table_name = table.rsplit('.').next().unwrap_or(&table);
        match classify_name(table_name, &column, "").and_then(|c| category_of(c.category)) {
            Some(cat) => by.entry(cat).or_default().push(d.value.clone()),
            None => unclassified.push(d.value.clone()),
        }
    }
    let lines = by
        .into_iter()
        .map(|(category, columns)| CategoryLine { category, columns })
        .collect();
    (lines, unclassified)
}
