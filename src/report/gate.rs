//! Output of `vigie check-migrations`: rustc-style diagnostics on the SQL, JSON, SARIF 2.1.0
//! and GitHub workflow annotations, all from one [`GateReport`].

use crate::finding::Severity;
use crate::i18n::{Lang, text as text_of, tr};
use crate::migrations::gate::{GateFinding, GateReport};
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
    /// A JUnit XML test report: a test case per migration file.
    Junit,
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
    /// The label under the caret.
    here: &'static str,
}

/// Past this many characters before the caret on its line, the snippet is left out: nobody reads
/// such a line (a minified dump, a binary read as text), and miette cannot pad a caret that far.
const MAX_CARET_COLUMN: usize = 1_000;

impl GateDiagnostic {
    /// A diagnostic at `span` of `text` (the file `file`), every control character of the text
    /// and of the names escaped. `at` names the place when the snippet cannot be shown.
    // Each part of a diagnostic is one argument: bundling them would only rename them.
    #[allow(clippy::too_many_arguments)]
    fn new(
        rule: &str,
        message: &str,
        severity: Severity,
        (file, text): (&str, &str),
        span: Range<usize>,
        at: String,
        help: &str,
        lang: Lang,
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
                tr(
                    lang,
                    "gate.too-long",
                    &[("message", &message), ("at", &super::escape(&at))],
                )
            },
            severity,
            src: shown.then(|| {
                let span = (offsets[0], offsets[1] - offsets[0]).into();
                (NamedSource::new(super::escape(file), Arc::new(text)), span)
            }),
            help: super::escape(help).into_owned(),
            here: text_of(lang, "gate.here"),
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
            miette::LabeledSpan::new_with_span(Some(self.here.into()), *span),
        )))
    }
}

fn summary_line(report: &GateReport, lang: Lang) -> String {
    let mut by: BTreeMap<Severity, usize> = BTreeMap::new();
    for f in &report.findings {
        *by.entry(f.severity).or_default() += 1;
    }
    let sev: Vec<String> = by
        .iter()
        .rev()
        .map(|(s, n)| tr(lang, &format!("severity-count.{s}"), &[("n", n)]))
        .collect();
    let by_severity = if sev.is_empty() {
        String::new()
    } else {
        format!(" ({})", sev.join(", "))
    };
    tr(
        lang,
        "gate.summary",
        &[
            ("n", &report.findings.len()),
            ("by_severity", &by_severity),
            ("files", &report.files.len()),
            ("statements", &report.statements),
            ("unparsed", &report.unparsed),
            ("ignored", &report.ignored),
        ],
    )
}

/// rustc-style messages with a caret under the SQL, in English.
pub fn human(report: &GateReport, color: bool, width: usize) -> String {
    human_in(report, color, width, Lang::En)
}

/// rustc-style messages with a caret under the SQL, in `lang`.
pub fn human_in(report: &GateReport, color: bool, width: usize, lang: Lang) -> String {
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
            &f.message_in(lang),
            f.severity,
            (&f.file, text),
            start..start + len,
            format!("{}:{}:{}", f.file, f.line, f.column.max(1)),
            &f.help_in(lang),
            lang,
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
                text_of(lang, "gate.contradicts"),
                Severity::Info,
                (&policy.path, text),
                start..start + len,
                format!("{}:{}", policy.path, f.policy_line.unwrap_or(0)),
                text_of(lang, "gate.contradicts-help"),
                lang,
            );
            let _ = handler.render_report(&mut out, &p);
        }
    }
    for e in &report.errors {
        let message = e.message_in(lang);
        let (file, message) = (super::escape(&e.file), super::escape(&message));
        let error = text_of(lang, "gate.error");
        out.push_str(&format!("{error}: {file}:{}: {message}\n", e.line));
    }
    out.push_str(&summary_line(report, lang));
    out.push('\n');
    out
}

/// The gate's JSON, its messages in English.
pub fn json(report: &GateReport) -> String {
    json_in(report, Lang::En)
}

/// The gate's JSON, its messages, help and legal references in `lang`; every other field is
/// the same in both languages.
pub fn json_in(report: &GateReport, lang: Lang) -> String {
    let mut findings = serde_json::to_value(&report.findings).expect("findings serialise");
    let mut errors = serde_json::to_value(&report.errors).expect("errors serialise");
    if lang != Lang::En {
        if let Some(items) = findings.as_array_mut() {
            for (item, f) in items.iter_mut().zip(&report.findings) {
                item["message"] = json!(f.message_in(lang));
                item["help"] = json!(f.help_in(lang));
                item["legal_reference"] = json!(f.legal_reference_in(lang));
            }
        }
        if let Some(items) = errors.as_array_mut() {
            for (item, e) in items.iter_mut().zip(&report.errors) {
                item["message"] = json!(e.message_in(lang));
            }
        }
    }
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
        "lang": lang,
        "findings": findings,
        "errors": errors,
    });
    let mut s = serde_json::to_string_pretty(&v).expect("JSON value");
    s.push('\n');
    s
}

/// SARIF 2.1.0, for GitHub code scanning and other viewers, with the scan's SARIF types and rule
/// descriptions ([`super::sarif`]): each finding at its line of the migration file, with the
/// policy line it contradicts as a related location; files that could not be read are
/// execution notifications.
pub fn sarif(report: &GateReport) -> String {
    sarif_in(report, Lang::En)
}

/// SARIF 2.1.0 of the gate, its messages and rule descriptions in `lang`.
pub fn sarif_in(report: &GateReport, lang: Lang) -> String {
    use super::sarif::{level, log, rule_descriptor};
    use serde_sarif::sarif::{
        ArtifactLocation, Invocation, Location, Message, Notification, PhysicalLocation, Region,
        Result as SarifResult,
    };
    let physical = |uri: &str, line: usize, column: Option<usize>| {
        let region = match column {
            Some(c) => Region::builder()
                .start_line(line as i64)
                .start_column(c.max(1) as i64)
                .build(),
            None => Region::builder().start_line(line as i64).build(),
        };
        PhysicalLocation::builder()
            .artifact_location(ArtifactLocation::builder().uri(uri.to_string()).build())
            .region(region)
            .build()
    };
    let mut used: Vec<(&str, Severity)> = Vec::new();
    for f in &report.findings {
        if !used.iter().any(|(r, _)| *r == f.rule) {
            used.push((&f.rule, f.severity));
        }
    }
    used.sort_by_key(|(r, _)| *r);
    let rules = used
        .iter()
        .map(|(id, severity)| rule_descriptor(id, lang, *severity))
        .collect();
    let results = report
        .findings
        .iter()
        .map(|f: &GateFinding| {
            let location = Location::builder()
                .physical_location(physical(&f.file, f.line, Some(f.column)))
                .build();
            let related: Vec<Location> = match (f.policy_line, &report.policy) {
                (Some(line), Some(p)) => vec![
                    Location::builder()
                        .id(1)
                        .message(
                            Message::builder()
                                .text(text_of(lang, "gate.contradicts-line").to_string())
                                .build(),
                        )
                        .physical_location(physical(&p.path, line, None))
                        .build(),
                ],
                _ => Vec::new(),
            };
            SarifResult::builder()
                .rule_id(f.rule.clone())
                .rule_index(used.iter().position(|(u, _)| *u == f.rule).unwrap_or(0) as i64)
                .level(level(f.severity))
                .message(
                    Message::builder()
                        .text(format!("{} ({})", f.message_in(lang), f.help_in(lang)))
                        .build(),
                )
                .locations(vec![location])
                .related_locations(related)
                .build()
        })
        .collect();
    let notifications: Vec<Notification> = report
        .errors
        .iter()
        .map(|e| {
            Notification::builder()
                .level(json!("error"))
                .message(Message::builder().text(e.message_in(lang)).build())
                .locations(vec![
                    Location::builder()
                        .physical_location(physical(&e.file, e.line.max(1), None))
                        .build(),
                ])
                .build()
        })
        .collect();
    let invocation = Invocation::builder()
        .execution_successful(notifications.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    super::sarif::to_string(&log(rules, results, invocation, None))
}

/// JUnit XML for CI: one test case per migration file, a failure when its findings reach
/// `fail_on` (`None`: never), an error when it could not be read or parsed; findings below the
/// threshold go to the case's `system-out`.
pub fn junit(report: &GateReport, fail_on: Option<Severity>) -> String {
    junit_in(report, fail_on, Lang::En)
}

/// JUnit XML of the gate, its messages in `lang`.
pub fn junit_in(report: &GateReport, fail_on: Option<Severity>, lang: Lang) -> String {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let line = |f: &GateFinding| {
        format!(
            "[{}] {} {}:{}:{}: {} ({})",
            f.severity,
            f.rule,
            f.file,
            f.line,
            f.column.max(1),
            f.message_in(lang),
            f.help_in(lang)
        )
    };
    let fails = |f: &GateFinding| fail_on.is_some_and(|s| f.severity >= s);
    let mut suite = TestSuite::new("vigie.migrations");
    let mut files: Vec<&str> = report.files.iter().map(|f| f.path.as_str()).collect();
    files.extend(report.errors.iter().map(|e| e.file.as_str()));
    files.sort();
    files.dedup();
    for file in files {
        let of: Vec<&GateFinding> = report.findings.iter().filter(|f| f.file == file).collect();
        let failing: Vec<String> = of.iter().filter(|f| fails(f)).map(|f| line(f)).collect();
        let errors: Vec<String> = report
            .errors
            .iter()
            .filter(|e| e.file == file)
            .map(|e| format!("{}:{}: {}", e.file, e.line, e.message_in(lang)))
            .collect();
        let status = if !errors.is_empty() {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Error);
            s.set_message(errors.join("; ")).set_type("migration-error");
            // The file's failing findings are not lost behind its error.
            if !failing.is_empty() {
                s.set_description(failing.join("\n"));
            }
            s
        } else if !failing.is_empty() {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let worst = of.iter().filter(|f| fails(f)).map(|f| f.severity).max();
            let threshold = fail_on.map_or("-", |t| t.as_str());
            s.set_message(tr(
                lang,
                "machine.findings",
                &[("n", &failing.len()), ("severity", &threshold)],
            ))
            .set_type(worst.map_or("finding", |w| w.as_str()))
            .set_description(failing.join("\n"));
            s
        } else {
            TestCaseStatus::success()
        };
        let mut case = TestCase::new(file, status);
        case.set_classname("vigie.migrations");
        let below: Vec<String> = of.iter().filter(|f| !fails(f)).map(|f| line(f)).collect();
        if !below.is_empty() {
            case.set_system_out(below.join("\n"));
        }
        suite.add_test_case(case);
    }
    let mut junit = Report::new("vigie check-migrations");
    junit.add_test_suite(suite);
    let mut out = junit
        .to_string()
        .expect("a JUnit report of strings always serialises");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// GitHub Actions workflow commands: one annotation per finding.
pub fn github(report: &GateReport) -> String {
    github_in(report, Lang::En)
}

/// GitHub Actions workflow commands, their messages in `lang`.
pub fn github_in(report: &GateReport, lang: Lang) -> String {
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
            escape_data(&format!("{} — {}", f.message_in(lang), f.help_in(lang)))
        ));
    }
    for e in &report.errors {
        out.push_str(&format!(
            "::error file={},line={}::{}\n",
            escape_prop(&e.file),
            e.line,
            escape_data(&e.message_in(lang))
        ));
    }
    out
}
