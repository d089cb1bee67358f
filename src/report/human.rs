//! The report for people: grouped by purpose, most serious first, with a summary line.
//! Colours only on a terminal (and never with `NO_COLOR`). Every name and value is escaped
//! ([`escape`]): the only control characters in the output are vigie's own colours.

use super::{by_severity, error_count, escape, legal_reference};
use crate::finding::{CheckStatus, Finding, Severity};
use crate::i18n::{Lang, text, tr};
use crate::scan::ScanReport;
use std::fmt::Write;

pub struct Style {
    pub color: bool,
    pub lang: Lang,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        let label = format!("{:<8}", text(self.lang, &format!("severity.{s}")));
        let code = match s {
            Severity::Critical => "1;35",
            Severity::High => "1;31",
            Severity::Medium => "33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.paint(code, &label)
    }
}

fn finding_lines(out: &mut String, report: &ScanReport, f: &Finding, style: &Style) {
    let _ = writeln!(
        out,
        "  {} {}  {}",
        style.severity(f.severity),
        style.paint("1", &escape(&f.rule)),
        escape(&f.message_in(style.lang))
    );
    let lang = style.lang;
    if !f.sample_keys.is_empty() {
        let more = if (f.sample_keys.len() as u64) < f.count {
            ", …"
        } else {
            ""
        };
        let keys = escape(&f.sample_keys.join(", ")).into_owned();
        // Which table and key columns the keys are the values of.
        let label = super::document::key_label(report, f, lang);
        let _ = writeln!(
            out,
            "           {} {keys}{more}",
            tr(lang, "report.keys", &[("label", &escape(&label))])
        );
    }
    if !f.terms.is_empty() {
        let terms: Vec<String> = f
            .terms
            .iter()
            .map(|t| format!("{} ({})", escape(&t.term), t.count))
            .collect();
        let _ = writeln!(
            out,
            "           {} {}",
            text(lang, "report.terms"),
            terms.join(", ")
        );
    }
    for e in &f.excerpts {
        let _ = writeln!(
            out,
            "           {} {}",
            text(lang, "report.excerpt"),
            escape(e)
        );
    }
    let _ = writeln!(
        out,
        "           {}",
        style.paint(
            "2",
            &format!(
                "{} {}",
                text(lang, "report.ref"),
                escape(&legal_reference(f, lang))
            )
        )
    );
}

pub fn render(report: &ScanReport, style: &Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "report.header",
            &[
                ("tool", &style.paint("1", "vigie")),
                ("version", &env!("CARGO_PKG_VERSION")),
                ("target", &escape(&report.target.url)),
                ("dialect", &report.target.dialect.name()),
                ("server", &escape(&report.target.server_version)),
                ("as_of", &report.as_of.strftime("%Y-%m-%d %H:%M:%S UTC")),
            ]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "report.policy",
            &[("path", &escape(&report.policy_path))]
        )
    );

    let mut groups: Vec<(Option<String>, String)> = report
        .purposes
        .iter()
        .map(|(id, title)| (Some(id.clone()), title.clone()))
        .collect();
    groups.push((None, String::new()));
    for (purpose, title) in &groups {
        let items: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| &f.purpose == purpose)
            .collect();
        if items.is_empty() {
            continue;
        }
        let heading = match purpose {
            Some(id) => tr(
                lang,
                "report.purpose",
                &[("id", &escape(id)), ("title", &escape(title))],
            ),
            None => text(lang, "report.across-purposes").to_string(),
        };
        let _ = writeln!(out, "\n{}", style.paint("1;4", &heading));
        for f in items {
            finding_lines(&mut out, report, f, style);
        }
    }
    if !report.waived.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1", text(lang, "report.waived")));
        for w in &report.waived {
            let _ = writeln!(
                out,
                "  {}",
                tr(
                    lang,
                    "report.waived-line",
                    &[
                        ("rule", &escape(&w.rule)),
                        ("object", &escape(&w.object)),
                        ("count", &w.count),
                        ("reason", &escape(&w.reason)),
                    ]
                )
            );
        }
    }
    let columns: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.id.starts_with("free-text:") && c.status == CheckStatus::Ok)
        .collect();
    let sampled_out = report
        .checks
        .iter()
        .filter(|c| c.id.starts_with("free-text:") && c.status == CheckStatus::Skipped)
        .count();
    if !columns.is_empty() || sampled_out > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            style.paint("1", text(lang, "report.free-text-columns"))
        );
        for c in &columns {
            let _ = writeln!(
                out,
                "  {}",
                tr(
                    lang,
                    "report.free-text-scanned",
                    &[
                        ("column", &escape(c.id.trim_start_matches("free-text:"))),
                        ("why", &escape(&c.reason_in(lang).unwrap_or_default())),
                    ]
                )
            );
        }
        if sampled_out > 0 {
            let _ = writeln!(
                out,
                "  {}",
                tr(lang, "report.free-text-sampled-out", &[("n", &sampled_out)])
            );
        }
    }
    let errors: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .collect();
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.paint(
                "1;31",
                &tr(lang, "report.not-verified", &[("n", &errors.len())])
            )
        );
        for c in &errors {
            let reason = c.reason_in(lang).unwrap_or_default();
            let _ = writeln!(out, "  {}: {}", escape(&c.id), escape(&reason));
        }
    }
    let skipped: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Skipped && !c.id.starts_with("free-text:"))
        .collect();
    if !skipped.is_empty() {
        let _ = writeln!(out, "\n{}", text(lang, "report.skipped"));
        for c in &skipped {
            let reason = c.reason_in(lang).unwrap_or_default();
            let _ = writeln!(out, "  {}: {}", escape(&c.id), escape(&reason));
        }
    }
    let sev: Vec<String> = by_severity(report)
        .into_iter()
        .rev()
        .map(|(s, n)| format!("{n} {}", text(lang, &format!("severity-word.{s}"))))
        .collect();
    let ok = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Ok)
        .count();
    let by_severity = if sev.is_empty() {
        String::new()
    } else {
        format!(" ({})", sev.join(", "))
    };
    let _ = writeln!(
        out,
        "\n{}",
        tr(
            lang,
            "report.summary",
            &[
                ("n", &report.findings.len()),
                ("by_severity", &by_severity),
                ("ok", &ok),
                ("errors", &error_count(report)),
                ("skipped", &skipped.len()),
            ]
        )
    );
    out
}
