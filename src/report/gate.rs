//! Output of `vigie check-migrations`: rustc-style diagnostics on the SQL, JSON, SARIF 2.1.0
//! and GitHub workflow annotations, all from one [`GateReport`].

use crate::finding::Severity;
use crate::migrations::gate::{GateFinding, GateReport};
use crate::rules;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde_json::json;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GateFormat {
    Human,
    Json,
    Sarif,
    Github,
    /// GitLab Code Quality ([`super::gitlab`]).
    Gitlab,
}

#[derive(Debug, thiserror::Error)]
#[error("{rule}: {message}")]
struct GateDiagnostic {
    rule: String,
    message: String,
    severity: Severity,
    /// The file and the span under the caret; `None` when the line is too long to show.
    src: Option<(NamedSource<Arc<String>>, SourceSpan)>,
    help: String,
}

/// Past this many characters before the caret on its line, the snippet is left out: nobody reads
/// such a line (a minified dump, a binary read as text), and miette cannot pad a caret that far.
const MAX_CARET_COLUMN: usize = 1_000;

impl GateDiagnostic {
    /// A diagnostic at `span` of `text` (the file `file`), every control character of the text
    /// and of the names escaped. `at` names the place when the snippet cannot be shown.
    fn new(
        rule: &str,
        message: &str,
        severity: Severity,
        (file, text): (&str, &str),
        span: Range<usize>,
        at: String,
        help: &str,
    ) -> GateDiagnostic {
        let mut offsets = [span.start, span.end];
        let text = super::escape_text(text, &mut offsets);
        let column = |o: usize| text[..o].chars().rev().take_while(|c| *c != '\n').count();
        let shown =
            column(offsets[0]) <= MAX_CARET_COLUMN && column(offsets[1]) <= MAX_CARET_COLUMN;
        let message = super::escape(message);
        GateDiagnostic {
            rule: super::escape(rule).into_owned(),
            message: if shown {
                message.into_owned()
            } else {
                format!(
                    "{message} (at {}, a line too long to show)",
                    super::escape(&at)
                )
            },
            severity,
            src: shown.then(|| {
                let span = (offsets[0], offsets[1] - offsets[0]).into();
                (NamedSource::new(super::escape(file), Arc::new(text)), span)
            }),
            help: super::escape(help).into_owned(),
        }
    }
}

impl Diagnostic for GateDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(format!("{} ({})", self.rule, self.severity)))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Critical | Severity::High => miette::Severity::Error,
            Severity::Medium | Severity::Low => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src
            .as_ref()
            .map(|(src, _)| src as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (_, span) = self.src.as_ref()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some("here".into()), *span),
        )))
    }
}

fn summary_line(report: &GateReport) -> String {
    let mut by: BTreeMap<Severity, usize> = BTreeMap::new();
    for f in &report.findings {
        *by.entry(f.severity).or_default() += 1;
    }
    let sev: Vec<String> = by.iter().rev().map(|(s, n)| format!("{n} {s}")).collect();
    format!(
        "{} finding(s){} in {} file(s), {} statement(s) ({} not parsed), {} ignored",
        report.findings.len(),
        if sev.is_empty() {
            String::new()
        } else {
            format!(" ({})", sev.join(", "))
        },
        report.files.len(),
        report.statements,
        report.unparsed,
        report.ignored
    )
}

/// rustc-style messages with a caret under the SQL.
pub fn human(report: &GateReport, color: bool, width: usize) -> String {
    let sources: BTreeMap<&str, &str> = report
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    let handler = if color {
        miette::GraphicalReportHandler::new()
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
    }
    .with_width(width);
    let mut out = String::new();
    for f in &report.findings {
        let text = sources.get(f.file.as_str()).copied().unwrap_or_default();
        let start = f.span.start.min(text.len());
        let len = f
            .span
            .end
            .saturating_sub(f.span.start)
            .clamp(1, 80)
            .min(text.len() - start);
        let d = GateDiagnostic::new(
            &f.rule,
            &f.message,
            f.severity,
            (&f.file, text),
            start..start + len,
            format!("{}:{}:{}", f.file, f.line, f.column.max(1)),
            &f.help,
        );
        let _ = handler.render_report(&mut out, &d);
        if let (Some(span), Some(policy)) = (&f.policy_span, &report.policy) {
            let text = policy.text.as_str();
            let start = span.start.min(text.len());
            let len = span
                .end
                .saturating_sub(span.start)
                .min(text.len() - start)
                .max(1);
            let p = GateDiagnostic::new(
                &f.rule,
                "the policy this change contradicts",
                Severity::Info,
                (&policy.path, text),
                start..start + len,
                format!("{}:{}", policy.path, f.policy_line.unwrap_or(0)),
                "change the migration, or change the policy and say why",
            );
            let _ = handler.render_report(&mut out, &p);
        }
    }
    for e in &report.errors {
        let (file, message) = (super::escape(&e.file), super::escape(&e.message));
        out.push_str(&format!("error: {file}:{}: {message}\n", e.line));
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

pub fn json(report: &GateReport) -> String {
    let v = json!({
        "tool": {"name": "vigie", "version": env!("CARGO_PKG_VERSION")},
        "summary": {
            "findings": report.findings.len(),
            "files": report.files.len(),
            "statements": report.statements,
            "unparsed": report.unparsed,
            "ignored": report.ignored,
            "errors": report.errors.len(),
        },
        "findings": report.findings,
        "errors": report.errors,
    });
    let mut s = serde_json::to_string_pretty(&v).expect("JSON value");
    s.push('\n');
    s
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0, for GitHub code scanning and other viewers.
pub fn sarif(report: &GateReport) -> String {
    let mut used: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    used.sort();
    used.dedup();
    let rule_objs: Vec<_> = used
        .iter()
        .map(|id| {
            let r = rules::registry().get(id);
            json!({
                "id": id,
                "shortDescription": {"text": r.map(|r| r.title.clone()).unwrap_or_else(|| id.to_string())},
                "fullDescription": {"text": r.map(|r| r.what.trim().to_string()).unwrap_or_default()},
                "help": {"text": r.map(|r| r.remediation.trim().to_string()).unwrap_or_default()},
                "properties": {"legal_reference": r.map(|r| r.legal_reference.clone()).unwrap_or_default()},
            })
        })
        .collect();
    let results: Vec<_> = report
        .findings
        .iter()
        .map(|f: &GateFinding| {
            json!({
                "ruleId": f.rule,
                "ruleIndex": used.iter().position(|u| *u == f.rule).unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": {"text": format!("{} ({})", f.message, f.help)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file},
                        "region": {"startLine": f.line, "startColumn": f.column.max(1)}
                    }
                }],
                "relatedLocations": match (f.policy_line, &report.policy) {
                    (Some(line), Some(p)) => json!([{
                        "id": 1,
                        "message": {"text": "the policy line this change contradicts"},
                        "physicalLocation": {"artifactLocation": {"uri": p.path}, "region": {"startLine": line}}
                    }]),
                    _ => json!([]),
                },
            })
        })
        .collect();
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vigie",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/vigie-rgpd/vigie",
                "rules": rule_objs,
            }},
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&v).expect("JSON value");
    s.push('\n');
    s
}

/// GitHub Actions workflow commands: one annotation per finding.
pub fn github(report: &GateReport) -> String {
    // GitHub's own escapes for line breaks, then ours for every other control character.
    let escape_data = |s: &str| {
        let s = s
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        super::escape(&s).into_owned()
    };
    let escape_prop = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium | Severity::Low => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            escape_prop(&f.file),
            f.line,
            f.column.max(1),
            escape_prop(&f.rule),
            escape_data(&format!("{} — {}", f.message, f.help))
        ));
    }
    for e in &report.errors {
        out.push_str(&format!(
            "::error file={},line={}::{}\n",
            escape_prop(&e.file),
            e.line,
            escape_data(&e.message)
        ));
    }
    out
}
