//! The scan as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers, built with the
//! `serde-sarif` crate's types (generated from the official schema) rather than by hand.
//!
//! A finding is not in a file but in a database: each result has a logical location, the
//! column or table it is about (`schema.table.column`), and a partial fingerprint (rule, purpose,
//! object, category) so a viewer recognises the same finding from one scan to the next. Each rule
//! used carries its title, what it checks, and its remediation as help. Checks that could not
//! run are tool execution notifications, and make the invocation unsuccessful: a viewer must not
//! show an incomplete scan as clean.

use super::document::{self as doc};
use crate::finding::{CheckStatus, Finding, Severity};
use crate::i18n::{Lang, text as text_of, tr};
use crate::scan::ScanReport;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, LogicalLocation, Message, MultiformatMessageString,
    Notification, PhysicalLocation, PropertyBag, Region, ReportingConfiguration,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};
use std::collections::BTreeMap;

/// Where vigie is documented: the rules' help points here.
pub const INFORMATION_URI: &str = "https://github.com/vigie-rgpd/vigie";

/// A severity as a SARIF level: critical and high are errors, medium and low warnings.
pub fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium | Severity::Low => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn message(s: impl Into<String>) -> Message {
    Message::builder().text(s.into()).build()
}

fn bag(entries: impl IntoIterator<Item = (&'static str, serde_json::Value)>) -> PropertyBag {
    PropertyBag::builder()
        .additional_properties(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<BTreeMap<_, _>>(),
        )
        .build()
}

/// The description of a rule: a built-in rule's documentation (title in `lang`), or, for a
/// check the policy wrote, its id.
pub fn rule_descriptor(id: &str, lang: Lang, severity: Severity) -> ReportingDescriptor {
    let registry = crate::rules::registry();
    let Some(r) = registry.get(id) else {
        return ReportingDescriptor::builder()
            .id(id.to_string())
            .name(id.to_string())
            .short_description(text(tr(lang, "machine.custom-rule", &[("id", &id)])))
            .full_description(text(text_of(lang, "machine.custom-what")))
            .help(text(tr(lang, "machine.custom-help", &[("id", &id)])))
            .default_configuration(
                ReportingConfiguration::builder()
                    .level(json!(level(severity)))
                    .build(),
            )
            .properties(
                PropertyBag::builder()
                    .tags(vec!["gdpr".to_string(), "custom".to_string()])
                    .build(),
            )
            .build();
    };
    let title = if lang == Lang::Fr {
        r.title_fr.clone()
    } else {
        r.title.clone()
    };
    let legal = if lang == Lang::Fr {
        &r.legal_reference_fr
    } else {
        &r.legal_reference
    };
    // The French help is the rule's French explanation: its full documentation (what it checks,
    // remediation) is written in English, which the help then points to.
    let (what, remedy) = match lang {
        Lang::En => (r.what.trim().to_string(), r.remediation.trim().to_string()),
        Lang::Fr => (
            r.why_fr.trim().to_string(),
            format!(
                "{}\n\n{}",
                r.why_fr.trim(),
                tr(lang, "explain.more", &[("id", &r.id)]).trim()
            ),
        ),
    };
    let help = format!(
        "{remedy}\n\n{} {legal}",
        tr(lang, "doc.label", &[("label", &text_of(lang, "doc.legal"))])
    );
    let mut tags = vec!["gdpr".to_string(), r.family.clone()];
    tags.dedup();
    let mut properties = bag([
        ("legal_reference", json!(legal)),
        ("severity", json!(r.severity)),
    ]);
    properties.tags = Some(tags);
    ReportingDescriptor::builder()
        .id(r.id.clone())
        .name(r.id.clone())
        .short_description(text(title))
        .full_description(text(what))
        .help(
            MultiformatMessageString::builder()
                .text(help.clone())
                .markdown(help)
                .build(),
        )
        .help_uri(format!(
            "{INFORMATION_URI}/blob/main/docs/rules.md#{}",
            r.id
        ))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level(r.severity)))
                .build(),
        )
        .properties(properties)
        .build()
}

/// The whole log as pretty JSON, with a final line break.
pub fn to_string(log: &Sarif) -> String {
    let mut s = serde_json::to_string_pretty(log).expect("a SARIF log always serialises");
    s.push('\n');
    s
}

/// The log of one run of `tool` with these rules, results and invocation.
pub fn log(
    rules: Vec<ReportingDescriptor>,
    results: Vec<SarifResult>,
    invocation: Invocation,
    properties: Option<PropertyBag>,
) -> Sarif {
    let driver = ToolComponent::builder()
        .name("vigie".to_string())
        .version(env!("CARGO_PKG_VERSION").to_string())
        .semantic_version(env!("CARGO_PKG_VERSION").to_string())
        .information_uri(INFORMATION_URI.to_string())
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation]);
    let run = match properties {
        Some(p) => run.properties(p).build(),
        None => run.build(),
    };
    Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json".to_string())
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// A line of a file (the policy, a migration) as a SARIF physical location.
pub fn policy_location(path: &str, line: usize) -> PhysicalLocation {
    PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(path.to_string()).build())
        .region(Region::builder().start_line(line as i64).build())
        .build()
}

fn result(report: &ScanReport, f: &Finding, index: usize, lang: Lang) -> SarifResult {
    let object = doc::qualified_object(report, f);
    let mut locations = Vec::new();
    if let Some(object) = &object {
        let (kind, name) = match &f.column {
            Some(c) => ("column", c.clone()),
            None => ("table", f.table.clone().unwrap_or_default()),
        };
        locations.push(
            Location::builder()
                .logical_locations(vec![
                    LogicalLocation::builder()
                        .fully_qualified_name(object.clone())
                        .name(name)
                        .kind(kind.to_string())
                        .build(),
                ])
                .build(),
        );
    }
    if let (None, Some(line)) = (&object, f.policy_line) {
        // A finding on no table (a check of the policy, a waiver) is at its line of the policy.
        locations.push(
            Location::builder()
                .physical_location(policy_location(&report.policy_path, line))
                .message(message(text_of(lang, "machine.policy-line")))
                .build(),
        );
    }
    let fingerprint = [
        f.rule.as_str(),
        f.purpose.as_deref().unwrap_or(""),
        object.as_deref().unwrap_or(""),
        f.category.as_deref().unwrap_or(""),
    ]
    .join("/");
    let text = format!(
        "{} ({})",
        f.message_in(lang),
        super::legal_reference(f, lang)
    );
    let mut properties = vec![
        ("count", json!(f.count)),
        ("sample_keys", json!(f.sample_keys)),
        ("severity", json!(f.severity)),
        ("legal_reference", json!(super::legal_reference(f, lang))),
    ];
    if let Some(p) = &f.purpose {
        properties.push(("purpose", json!(p)));
    }
    if let Some(c) = &f.category {
        properties.push(("category", json!(c)));
    }
    if let Some(q) = &f.query {
        properties.push(("query", json!(q)));
    }
    if let Some(r) = &f.remediation {
        properties.push(("remediation", json!(r)));
    }
    if !f.excerpts.is_empty() {
        properties.push(("excerpts", json!(f.excerpts)));
    }
    let builder = SarifResult::builder()
        .rule_id(f.rule.clone())
        .rule_index(index as i64)
        .level(level(f.severity))
        .message(message(text))
        .partial_fingerprints(BTreeMap::from([(
            "vigieFinding/v1".to_string(),
            fingerprint,
        )]))
        .properties(bag(properties));
    if locations.is_empty() {
        builder.build()
    } else {
        builder.locations(locations).build()
    }
}

/// SARIF 2.1.0 of a scan, its messages in `lang`.
pub fn render(report: &ScanReport, lang: Lang) -> String {
    let mut used: Vec<(&str, Severity)> = Vec::new();
    for f in &report.findings {
        if !used.iter().any(|(r, _)| *r == f.rule) {
            used.push((&f.rule, f.severity));
        }
    }
    used.sort_by_key(|(r, _)| *r);
    let rules: Vec<ReportingDescriptor> = used
        .iter()
        .map(|(id, severity)| rule_descriptor(id, lang, *severity))
        .collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            let index = used.iter().position(|(r, _)| *r == f.rule).unwrap_or(0);
            result(report, f, index, lang)
        })
        .collect();
    let mut notifications: Vec<Notification> = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .map(|c| {
            Notification::builder()
                .level(json!("error"))
                .message(message(tr(
                    lang,
                    "machine.not-run",
                    &[
                        ("check", &c.id),
                        ("reason", &c.reason_in(lang).unwrap_or_default()),
                    ],
                )))
                .properties(bag([("check", json!(c.id)), ("rules", json!(c.rules))]))
                .build()
        })
        .collect();
    // A skipped check leaves its rules unverified here: a note says why (columns sampled out
    // of the free-text scan are not: nothing was left unchecked).
    notifications.extend(
        report
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Skipped && !c.id.starts_with("free-text:"))
            .map(|c| {
                Notification::builder()
                    .level(json!("note"))
                    .message(message(tr(
                        lang,
                        "machine.skipped",
                        &[
                            ("check", &c.id),
                            ("reason", &c.reason_in(lang).unwrap_or_default()),
                        ],
                    )))
                    .properties(bag([("check", json!(c.id)), ("rules", json!(c.rules))]))
                    .build()
            }),
    );
    let failed = notifications
        .iter()
        .any(|n| n.level == Some(json!("error")));
    notifications.extend(report.problems.iter().map(|p| {
        Notification::builder()
            .level(json!("error"))
            .message(message(format!(
                "{}:{}: {}",
                report.policy_path,
                p.line,
                p.message_in(lang)
            )))
            .locations(vec![
                Location::builder()
                    .physical_location(policy_location(&report.policy_path, p.line.max(1)))
                    .build(),
            ])
            .build()
    }));
    let invocation = Invocation::builder()
        .execution_successful(!failed && report.problems.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    let properties = bag([
        ("as_of", json!(doc::as_of(report))),
        ("target", json!(report.target.url)),
        ("dialect", json!(report.target.dialect)),
        ("server_version", json!(report.target.server_version)),
        ("policy", json!(report.policy_path)),
        ("policy_sha256", json!(report.policy_sha256)),
        ("lang", json!(lang)),
    ]);
    to_string(&log(rules, results, invocation, Some(properties)))
}
