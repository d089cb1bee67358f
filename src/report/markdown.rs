//! The report as Markdown, for a ticket or a wiki: the director's summary, the findings by
//! severity and purpose, one section per finding, what could not run, and the evidence and
//! method an inspector needs to re-count by hand.
//!
//! Names, messages and SQL come from the policy and the database: a table named `*x*` or
//! `<img src=…>` must print as written, not as emphasis or HTML that a wiki renders. Inline text
//! goes through [`inline`] (backslash escapes, `&`, `<` and `>` as entities), identifiers through
//! [`code`], SQL through [`fence`] (a fence longer than any backtick run inside), and every
//! control character is written as `\u{…}` first ([`escape`]).

use super::document::{self as doc, Kind};
use super::{escape, escape_text, legal_reference};
use crate::finding::{CheckOutcome, Severity};
use crate::i18n::{Lang, text, tr};
use crate::scan::ScanReport;
use std::fmt::Write;

/// Text escaped for Markdown's inline content: nothing in it is markup.
pub fn inline(s: &str) -> String {
    let s = escape(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // An underscore inside a word never opens emphasis: `date_naissance` stays readable.
            '_' => {
                let word = |j: Option<&char>| j.is_some_and(|c| c.is_alphanumeric());
                let inside = i > 0 && word(chars.get(i - 1)) && word(chars.get(i + 1));
                if !inside {
                    out.push('\\');
                }
                out.push('_');
            }
            _ => out.push(c),
        }
    }
    out
}

/// An identifier as a code span, with as many backticks around it as it needs; `|` escaped so
/// it stays inside a table's cell.
pub fn code(s: &str) -> String {
    let s = escape(s).replace('|', "\\|");
    let run = longest_run(&s, '`');
    let ticks = "`".repeat(run + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || run > 0 {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{s}{pad}{ticks}")
}

/// A fenced code block of `lang` holding `body` as it is (its control characters escaped).
pub fn fence(lang: &str, body: &str) -> String {
    let body = escape_text(body.trim_end(), &mut []);
    let fence = "`".repeat((longest_run(&body, '`') + 1).max(3));
    format!("{fence}{lang}\n{body}\n{fence}\n")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in s.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// `label:` in English, `label :` in French (a space before a colon, as French is printed).
pub(crate) fn colon(lang: Lang, label: &str) -> String {
    tr(lang, "doc.label", &[("label", &label)])
}

fn rows_cell(rows: Option<u64>) -> String {
    rows.map_or_else(|| "—".to_string(), |n| n.to_string())
}

pub fn render(report: &ScanReport, lang: Lang) -> String {
    let mut out = String::new();
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "# {}\n", t("doc.title"));
    let _ = writeln!(out, "{}\n", inline(&doc::subtitle(report, lang)));
    summary(&mut out, report, lang);
    tallies(&mut out, report, lang);
    details(&mut out, report, lang);
    waived(&mut out, report, lang);
    not_run(&mut out, report, lang);
    method(&mut out, report, lang);
    let _ = writeln!(
        out,
        "---\n\n{}",
        inline(&tr(
            lang,
            "doc.generated",
            &[("version", &env!("CARGO_PKG_VERSION"))]
        ))
    );
    out
}

fn summary(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "## {}\n", t("doc.summary"));
    let _ = writeln!(out, "{}\n", inline(&doc::checked(report, lang)));
    let verdict = if report.findings.is_empty() {
        t("doc.verdict-none").to_string()
    } else {
        tr(
            lang,
            "doc.verdict",
            &[
                ("n", &report.findings.len()),
                ("by_severity", &doc::severity_phrase(report, lang)),
            ],
        )
    };
    let _ = writeln!(out, "**{}**\n", inline(&verdict));
    let incomplete = super::error_count(report);
    if incomplete > 0 {
        let _ = writeln!(
            out,
            "> **{}**\n",
            inline(&tr(lang, "doc.incomplete", &[("n", &incomplete)]))
        );
    }
    let kinds = doc::kinds(report);
    if !kinds.is_empty() {
        let _ = writeln!(out, "### {}\n", t("doc.kinds"));
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n| --- | ---: | ---: |",
            t("doc.kind"),
            t("doc.findings"),
            t("doc.rows")
        );
        for Kind {
            family,
            findings,
            rows,
        } in &kinds
        {
            let _ = writeln!(
                out,
                "| {} | {findings} | {} |",
                t(&format!("family.{family}")),
                rows_cell(*rows)
            );
        }
        let _ = writeln!(
            out,
            "| **{}** | **{}** | **{}** |\n",
            t("doc.total"),
            report.findings.len(),
            rows_cell(doc::total_rows(&kinds))
        );
        let _ = writeln!(out, "{}\n", t("doc.rows-note"));
        let _ = writeln!(out, "### {}\n", t("doc.actions"));
        for (i, a) in doc::top_actions(report, lang, 3).iter().enumerate() {
            let objects: Vec<String> = a.objects.iter().map(|o| inline(o)).collect();
            let _ = writeln!(
                out,
                "{}. **{}** ({})",
                i + 1,
                inline(&a.text),
                tr(
                    lang,
                    "doc.action-where",
                    &[
                        ("severity", &t(&format!("severity-word.{}", a.severity))),
                        ("objects", &objects.join(", ")),
                    ]
                )
            );
        }
        out.push('\n');
    }
}

fn tallies(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.findings.is_empty() {
        return;
    }
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "## {}\n", t("doc.by-severity"));
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | ---: |",
        t("doc.severity"),
        t("doc.findings")
    );
    for (s, n) in super::by_severity(report).into_iter().rev() {
        let _ = writeln!(out, "| {} | {n} |", t(&format!("severity.{s}")));
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** |\n",
        t("doc.total"),
        report.findings.len()
    );

    let _ = writeln!(out, "## {}\n", t("doc.by-purpose"));
    let heads: Vec<&str> = Severity::ALL
        .iter()
        .map(|s| t(&format!("severity-word.{s}")))
        .collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n| --- |{} ---: |",
        t("doc.purpose"),
        heads.join(" | "),
        t("doc.total"),
        " ---: |".repeat(heads.len())
    );
    for p in doc::by_purpose(report) {
        let label = match &p.purpose {
            Some(id) => format!("{} — {}", code(id), inline(&p.title)),
            None => text(lang, "report.across-purposes").to_string(),
        };
        let counts: Vec<String> = p.by_severity.iter().map(|n| n.to_string()).collect();
        let _ = writeln!(out, "| {label} | {} | {} |", counts.join(" | "), p.total);
    }
    out.push('\n');
}

fn details(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.findings.is_empty() {
        return;
    }
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "## {}\n", t("doc.details"));
    for (i, f) in report.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}. {} — {}\n",
            i + 1,
            t(&format!("severity.{}", f.severity)),
            inline(&doc::rule_title(f, lang))
        );
        let _ = writeln!(
            out,
            "- **{}** {}",
            colon(lang, t("doc.rule")),
            code(&f.rule)
        );
        if let Some(o) = f.object() {
            let _ = writeln!(out, "- **{}** {}", colon(lang, t("doc.object")), code(&o));
        }
        if let Some(p) = &f.purpose {
            let title = report
                .purposes
                .iter()
                .find(|(id, _)| id == p)
                .map(|(_, title)| format!(" — {}", inline(title)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}** {}{title}",
                colon(lang, t("doc.purpose")),
                code(p)
            );
        }
        let _ = writeln!(
            out,
            "- **{}** {}\n",
            colon(lang, t("doc.message")),
            inline(&f.message_in(lang))
        );
        if let Some(why) = doc::explanation(f, lang) {
            let _ = writeln!(out, "**{}.** {}\n", t("doc.explanation"), inline(&why));
        }
        let _ = writeln!(
            out,
            "**{}** {}\n",
            colon(lang, t("doc.legal")),
            inline(&legal_reference(f, lang))
        );
        let _ = writeln!(out, "**{}**\n", t("doc.evidence"));
        let _ = writeln!(out, "- {} {}", colon(lang, t("doc.count")), f.count);
        if !f.sample_keys.is_empty() {
            let keys: Vec<String> = f.sample_keys.iter().map(|k| code(k)).collect();
            let label = doc::key_label(report, f, lang);
            let more = doc::keys_more(f, lang)
                .map(|m| format!(" ({})", inline(&m)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {} {}{more}",
                colon(lang, &inline(&tr(lang, "doc.keys", &[("label", &label)]))),
                keys.join(", ")
            );
        }
        if !f.terms.is_empty() {
            let terms: Vec<String> = f
                .terms
                .iter()
                .map(|term| format!("{} ({})", inline(&term.term), term.count))
                .collect();
            let _ = writeln!(
                out,
                "- {} {}",
                colon(lang, t("doc.terms")),
                terms.join(", ")
            );
        }
        for e in &f.excerpts {
            let _ = writeln!(out, "- {} {}", colon(lang, t("doc.excerpts")), inline(e));
        }
        out.push('\n');
        if let Some(q) = &f.query {
            let _ = writeln!(
                out,
                "{}\n\n{}",
                colon(lang, t("doc.query")),
                fence("sql", q)
            );
        }
        match &f.remediation {
            Some(r) => {
                let applicability = t(&format!("applicability.{}", applicability_id(r)));
                let _ = writeln!(
                    out,
                    "{}\n\n{}",
                    colon(
                        lang,
                        &inline(&tr(
                            lang,
                            "doc.remediation",
                            &[("applicability", &applicability)]
                        ))
                    ),
                    fence("sql", &r.sql)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}\n",
                    inline(&tr(
                        lang,
                        "doc.no-remediation",
                        &[("action", &doc::action_of(f, lang))]
                    ))
                );
            }
        }
    }
}

pub(super) fn applicability_id(r: &crate::finding::Remediation) -> &'static str {
    match r.applicability {
        crate::finding::Applicability::Safe => "safe",
        crate::finding::Applicability::Review => "review",
        crate::finding::Applicability::DisplayOnly => "display-only",
    }
}

fn waived(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.waived.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        text(lang, "doc.waived"),
        text(lang, "doc.waived-intro")
    );
    for w in &report.waived {
        let _ = writeln!(
            out,
            "- {}",
            inline(&tr(
                lang,
                "report.waived-line",
                &[
                    ("rule", &w.rule),
                    ("object", &w.object),
                    ("count", &w.count),
                    ("reason", &w.reason),
                ]
            ))
        );
    }
    out.push('\n');
}

fn not_run(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "## {}\n", t("doc.not-run"));
    let (errors, skipped) = doc::not_run(report);
    if errors.is_empty() && skipped.is_empty() && report.problems.is_empty() {
        let _ = writeln!(out, "{}\n", t("doc.not-run-none"));
        return;
    }
    for (head, checks) in [("doc.errors", &errors), ("doc.skipped", &skipped)] {
        if checks.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "### {}\n\n| {} | {} |\n| --- | --- |",
            t(head),
            t("doc.check"),
            t("doc.reason")
        );
        for c in checks.iter() {
            let reason = c.reason_in(lang).unwrap_or_default();
            let _ = writeln!(out, "| {} | {} |", code(&c.id), inline(&reason));
        }
        out.push('\n');
    }
    if !report.problems.is_empty() {
        let _ = writeln!(out, "### {}\n", t("doc.problems"));
        for p in &report.problems {
            let help = p
                .help
                .as_ref()
                .map(|h| format!(" ({})", inline(h)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {} {}{help}",
                colon(lang, &format!("{}:{}", inline(&report.policy_path), p.line)),
                inline(&p.message_in(lang))
            );
        }
        out.push('\n');
    }
}

fn method(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(out, "## {}\n\n{}\n", t("doc.method"), t("doc.method-intro"));
    let rows: [(&str, String); 8] = [
        ("doc.version", code(env!("CARGO_PKG_VERSION"))),
        ("doc.as-of", code(&doc::as_of(report))),
        ("doc.target", code(&report.target.url)),
        (
            "doc.server",
            inline(&format!(
                "{} {}",
                report.target.dialect.name(),
                report.target.server_version
            )),
        ),
        ("doc.database", code(&report.target.database)),
        ("doc.policy", code(&report.policy_path)),
        ("doc.policy-sha", code(&report.policy_sha256)),
        ("doc.language", code(lang.as_str())),
    ];
    let _ = writeln!(out, "| | |\n| --- | --- |");
    for (label, value) in rows {
        let _ = writeln!(out, "| {} | {value} |", t(label));
    }
    out.push('\n');
    let (with_sql, without): (Vec<&CheckOutcome>, Vec<&CheckOutcome>) =
        report.checks.iter().partition(|c| c.sql.is_some());
    for c in with_sql {
        let _ = writeln!(
            out,
            "### {} — {}, {}\n",
            code(&c.id),
            t(&format!("status.{}", status_id(c))),
            tr(lang, "doc.ms", &[("ms", &c.duration_ms)])
        );
        if let Some(sql) = &c.sql {
            let _ = writeln!(out, "{}", fence("sql", sql));
        }
    }
    if !without.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n\n| {} | {} | {} |\n| --- | --- | ---: |",
            t("doc.no-sql"),
            t("doc.check"),
            t("doc.status"),
            t("doc.duration")
        );
        for c in without {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                code(&c.id),
                t(&format!("status.{}", status_id(c))),
                tr(lang, "doc.ms", &[("ms", &c.duration_ms)])
            );
        }
        out.push('\n');
    }
}

pub(super) fn status_id(c: &CheckOutcome) -> &'static str {
    match c.status {
        crate::finding::CheckStatus::Ok => "ok",
        crate::finding::CheckStatus::Error => "error",
        crate::finding::CheckStatus::Skipped => "skipped",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_become_markup() {
        assert_eq!(inline("date_naissance"), "date_naissance");
        assert_eq!(
            inline("_x_ *y* [a](b) <img> a|b &c"),
            "\\_x\\_ \\*y\\* \\[a\\](b) &lt;img&gt; a\\|b &amp;c"
        );
        assert_eq!(inline("\u{1b}[8m"), "\\\\u{1b}\\[8m");
    }

    #[test]
    fn code_spans_and_fences_outlast_the_backticks_inside() {
        assert_eq!(code("prospects"), "`prospects`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a|b"), "`a\\|b`");
        assert_eq!(fence("sql", "SELECT 1;\n"), "```sql\nSELECT 1;\n```\n");
        assert_eq!(
            fence("sql", "SELECT '```';"),
            "````sql\nSELECT '```';\n````\n"
        );
    }
}
