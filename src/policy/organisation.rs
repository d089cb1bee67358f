//! `[organisation]` and `[scan]`: who is responsible for the processing, and which schemas
//! are scanned.

use super::ValidationContext;
use super::raw::{RawOrganisation, RawScan};
use super::record::{JointController, Processor};

#[derive(Clone, Debug)]
pub struct Organisation {
    pub name: String,
    pub controller: Option<String>,
    pub dpo: Option<String>,
    pub country: String,
    /// The age of digital consent (RGPD art. 8) in the organisation's country.
    pub consent_age: u32,
    /// The representative in the Union (art. 27), for a controller established outside it.
    pub representative: Option<String>,
    /// `None`: not stated; empty: stated that there is none.
    pub joint_controllers: Option<Vec<JointController>>,
    pub processors: Option<Vec<Processor>>,
}

/// A policy without `[organisation]` is French: vigie's users are, by default.
impl Default for Organisation {
    fn default() -> Organisation {
        Organisation {
            name: String::new(),
            controller: None,
            dpo: None,
            country: "FR".into(),
            consent_age: consent_age("FR"),
            representative: None,
            joint_controllers: None,
            processors: None,
        }
    }
}

/// The digital-consent age of RGPD art. 8 as each member state set it; 16 elsewhere.
pub fn consent_age(country: &str) -> u32 {
    match country.to_ascii_uppercase().as_str() {
        "BE" | "DK" | "EE" | "FI" | "LV" | "MT" | "PT" | "SE" => 13,
        "AT" | "BG" | "CY" | "ES" | "IT" | "LT" => 14,
        "CZ" | "FR" | "GR" | "SI" => 15,
        _ => 16,
    }
}

impl RawOrganisation {
    pub(super) fn validate(self, cx: &mut ValidationContext<'_>) -> Organisation {
        let country = self
            .country
            .as_ref()
            .map(|c| c.get_ref().trim().to_ascii_uppercase())
            .unwrap_or_else(|| "FR".into());
        if let Some(c) = &self.country
            && (country.len() != 2 || !country.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            cx.push(
                c.span(),
                format!("`{}` is not a two-letter country code", c.get_ref()),
                "expected ISO 3166-1 alpha-2",
                Some("e.g. `FR`, `BE`, `DE`".into()),
            );
        }
        let joint_controllers = self
            .joint_controllers
            .as_ref()
            .map(|js| js.iter().map(|j| j.validate(cx)).collect());
        let processors = self
            .processors
            .as_ref()
            .map(|ps| ps.iter().map(|p| p.validate(cx)).collect());
        Organisation {
            representative: self.representative.map(|r| r.into_inner()),
            joint_controllers,
            processors,
            name: self.name.map(|n| n.into_inner()).unwrap_or_default(),
            controller: self.controller.map(|n| n.into_inner()),
            dpo: self.dpo.map(|n| n.into_inner()),
            consent_age: consent_age(&country),
            country,
        }
    }
}

impl RawScan {
    /// The schemas to introspect, as written; an empty list leaves the choice to the backend.
    pub(super) fn validate(self) -> Vec<String> {
        self.schemas
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.into_inner())
            .collect()
    }
}
