//! `vigie rules [--format json]`: the built-in rules, one line each for a person, or JSON for a
//! tool (an editor plugin, a dashboard, a SARIF post-processor) that lists them.

use crate::cli::RulesFormat;
use serde::Serialize;
use vigie::rules::{RuleDoc, pack};

/// `vigie rules --format json`: `{"rule_pack": {...}, "rules": [...]}`, rules in the registry's
/// order (by family, as `docs/rules.md`).
#[derive(Serialize)]
struct Listing<'a> {
    rule_pack: Pack<'a>,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
struct Pack<'a> {
    /// The crate's version + a digest of the embedded rule data (`vigie --version`).
    version: &'a str,
    rules: usize,
}

#[derive(Serialize)]
struct Rule<'a> {
    id: &'a str,
    family: &'a str,
    severity: &'a str,
    title: &'a str,
    legal_reference: &'a str,
    references: &'a [String],
}

impl<'a> From<&'a RuleDoc> for Rule<'a> {
    fn from(r: &'a RuleDoc) -> Self {
        Rule {
            id: &r.id,
            family: &r.family,
            severity: r.severity.as_str(),
            title: &r.title,
            legal_reference: &r.legal_reference,
            references: &r.references,
        }
    }
}

/// The text `vigie rules` prints in `format`.
pub fn render(format: RulesFormat) -> String {
    let rules = &vigie::rules::registry().rules;
    match format {
        RulesFormat::Human => rules
            .iter()
            .map(|r| {
                let (id, severity, family) = (&r.id, r.severity.as_str(), &r.family);
                format!("{id:<30} {severity:<9} {family:<13} {}\n", r.title)
            })
            .collect(),
        RulesFormat::Json => {
            let listing = Listing {
                rule_pack: Pack {
                    version: pack::version(),
                    rules: rules.len(),
                },
                rules: rules.iter().map(Rule::from).collect(),
            };
            let mut text = serde_json::to_string_pretty(&listing).expect("plain data");
            text.push('\n');
            text
        }
    }
}
