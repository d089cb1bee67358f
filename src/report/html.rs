//! The report as one self-contained HTML file, to read on screen or print to PDF: the same
//! content as the Markdown document ([`super::document`]), with a chart of the findings by
//! family drawn in inline SVG.
//!
//! Nothing is fetched: the style sheet is inline, fonts are the reader's own, there is no script,
//! image or link to another address, and a Content-Security-Policy forbids any that a name from
//! the database might smuggle in. Every text from the policy or the database goes through
//! [`esc`]: its control characters written `\u{…}`, then `&`, `<`, `>`, `"` and `'` as entities.
//! The print style sheet starts each part on a new page and keeps a finding on one page.

use super::document::{self as doc, Kind};
use super::markdown::{applicability_id, status_id};
use super::{escape, escape_text, legal_reference};
use crate::finding::{CheckOutcome, Severity};
use crate::i18n::{Lang, text, tr};
use crate::scan::ScanReport;
use std::fmt::Write;

/// Text escaped for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let s = escape(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// SQL in a block a reader selects whole with one click: its layout kept, control characters
/// written `\u{…}`, markup escaped.
pub(crate) fn sql_block(sql: &str) -> String {
    let body = escape_text(sql.trim_end(), &mut []);
    let mut out = String::with_capacity(body.len() + 48);
    for c in body.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    format!("<pre><code class=\"sql\">{out}</code></pre>\n")
}

pub(crate) const STYLE: &str = r#"
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9;
  --critical: #7b1fa2; --high: #c62828; --medium: #b26a00; --low: #00796b; --info: #607d8b; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.subtitle, .note, footer { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--bg); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
.verdict { font-size: 1.15rem; font-weight: bold; }
.warning { border-left: 4px solid var(--high); background: #fdecea; padding: .5rem .8rem; }
ol.actions li { margin: .3rem 0; }
.badge { display: inline-block; min-width: 5.5rem; padding: .05rem .45rem; border-radius: .25rem;
  color: #fff; font-size: .8rem; font-weight: bold; text-align: center; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); }
.sev-medium { background: var(--medium); } .sev-low { background: var(--low); }
.sev-info { background: var(--info); }
article.finding { border: 1px solid var(--line); border-radius: .4rem; padding: .2rem 1rem .8rem; margin: 1rem 0; }
article.finding h3 { display: flex; gap: .6rem; align-items: baseline; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dt { font-weight: bold; } dd { margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; }
pre { background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; padding: .6rem .8rem;
  overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
pre code { user-select: all; }
svg text { font-size: 13px; fill: var(--ink); }
svg rect.bar { fill: #3f51b5; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section { break-before: page; }
  section#summary { break-before: auto; }
  article.finding, table, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  pre { white-space: pre-wrap; font-size: 8.5pt; }
  pre code { user-select: text; }
  .badge { border: 1px solid #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

/// The head of every page vigie writes: its language, a Content-Security-Policy that lets
/// nothing be fetched or run (inline style only), the title (escaped here) and the style.
pub(crate) fn head(out: &mut String, lang: Lang, title: &str, extra_style: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"vigie {}\">\n<title>{}</title>\n<style>{STYLE}{extra_style}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
    );
}

pub fn render(report: &ScanReport, lang: Lang) -> String {
    let t = |id: &str| text(lang, id);
    let mut out = String::new();
    head(
        &mut out,
        lang,
        &format!("{} — {}", t("doc.title"), report.target.database),
        "",
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>",
        esc(t("doc.title")),
        esc(&doc::subtitle(report, lang))
    );
    summary(&mut out, report, lang);
    tallies(&mut out, report, lang);
    details(&mut out, report, lang);
    waived(&mut out, report, lang);
    not_run(&mut out, report, lang);
    method(&mut out, report, lang);
    let _ = writeln!(
        out,
        "<footer><p>{}</p></footer>\n</body>\n</html>",
        esc(&tr(
            lang,
            "doc.generated",
            &[("version", &env!("CARGO_PKG_VERSION"))]
        ))
    );
    out
}

fn rows_cell(rows: Option<u64>) -> String {
    rows.map_or_else(|| "—".to_string(), |n| n.to_string())
}

fn badge(lang: Lang, s: Severity) -> String {
    format!(
        "<span class=\"badge sev-{s}\">{}</span>",
        esc(text(lang, &format!("severity.{s}")))
    )
}

fn summary(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>",
        esc(t("doc.summary"))
    );
    let _ = writeln!(out, "<p>{}</p>", esc(&doc::checked(report, lang)));
    // The figures are marked (`data-summary`) so a reader of the page, a test, can find them.
    let verdict = if report.findings.is_empty() {
        esc(t("doc.verdict-none"))
    } else {
        let n = report.findings.len();
        esc(&tr(
            lang,
            "doc.verdict",
            &[
                ("n", &n),
                ("by_severity", &doc::severity_phrase(report, lang)),
            ],
        ))
        .replacen(
            &n.to_string(),
            &format!("<span data-summary=\"findings\">{n}</span>"),
            1,
        )
    };
    let _ = writeln!(out, "<p class=\"verdict\">{verdict}</p>");
    let incomplete = super::error_count(report);
    let _ = writeln!(
        out,
        "<p class=\"warning\"{}>{}</p>",
        if incomplete == 0 { " hidden" } else { "" },
        esc(&tr(lang, "doc.incomplete", &[("n", &incomplete)])).replacen(
            &incomplete.to_string(),
            &format!("<span data-summary=\"errors\">{incomplete}</span>"),
            1
        )
    );
    let kinds = doc::kinds(report);
    if !kinds.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"kinds\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            esc(t("doc.kinds")),
            esc(t("doc.kind")),
            esc(t("doc.findings")),
            esc(t("doc.rows"))
        );
        for Kind {
            family,
            findings,
            rows,
        } in &kinds
        {
            let _ = writeln!(
                out,
                "<tr data-family=\"{family}\"><td>{}</td><td class=\"n\">{findings}</td><td class=\"n\">{}</td></tr>",
                esc(t(&format!("family.{family}"))),
                rows_cell(*rows)
            );
        }
        let _ = writeln!(
            out,
            "<tr class=\"total\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n</tbody>\n</table>",
            esc(t("doc.total")),
            report.findings.len(),
            rows_cell(doc::total_rows(&kinds))
        );
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(t("doc.rows-note")));
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ol class=\"actions\">",
            esc(t("doc.actions"))
        );
        for a in doc::top_actions(report, lang, 3) {
            let objects: Vec<String> = a.objects.iter().map(|o| esc(o)).collect();
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({})</li>",
                esc(&a.text),
                tr(
                    lang,
                    "doc.action-where",
                    &[
                        (
                            "severity",
                            &esc(t(&format!("severity-word.{}", a.severity)))
                        ),
                        ("objects", &objects.join(", ")),
                    ]
                )
            );
        }
        let _ = writeln!(out, "</ol>");
        chart(out, &kinds, lang);
    }
    let _ = writeln!(out, "</section>");
}

/// A horizontal bar per family, its length the number of findings, drawn in SVG.
fn chart(out: &mut String, kinds: &[Kind], lang: Lang) {
    const LABEL: u32 = 230;
    const BAR: u32 = 360;
    const ROW: u32 = 28;
    let max = kinds.iter().map(|k| k.findings).max().unwrap_or(1).max(1) as u32;
    let height = ROW * kinds.len() as u32 + 8;
    let title = esc(text(lang, "doc.chart"));
    let _ = writeln!(
        out,
        "<h3>{title}</h3>\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">\n<title id=\"chart-title\">{title}</title>",
        LABEL + BAR + 60,
        LABEL + BAR + 60
    );
    for (i, k) in kinds.iter().enumerate() {
        let y = ROW * i as u32 + 4;
        let width = (BAR * k.findings as u32).div_ceil(max).max(2);
        let _ = writeln!(
            out,
            "<g data-family=\"{}\"><text x=\"0\" y=\"{}\">{}</text><rect class=\"bar\" x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"{}\" rx=\"3\"></rect><text x=\"{}\" y=\"{}\">{}</text></g>",
            k.family,
            y + 15,
            esc(text(lang, &format!("family.{}", k.family))),
            ROW - 8,
            LABEL + width + 6,
            y + 15,
            k.findings
        );
    }
    let _ = writeln!(out, "</svg>");
}

fn tallies(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.findings.is_empty() {
        return;
    }
    let t = |id: &str| text(lang, id);
    let _ = writeln!(
        out,
        "<section id=\"tallies\">\n<h2>{}</h2>\n<table class=\"by-severity\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
        esc(t("doc.by-severity")),
        esc(t("doc.severity")),
        esc(t("doc.findings"))
    );
    for (s, n) in super::by_severity(report).into_iter().rev() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\" data-severity=\"{s}\">{n}</td></tr>",
            badge(lang, s)
        );
    }
    let _ = writeln!(
        out,
        "<tr class=\"total\"><td>{}</td><td class=\"n\">{}</td></tr>\n</tbody>\n</table>",
        esc(t("doc.total")),
        report.findings.len()
    );
    let heads: String = Severity::ALL
        .iter()
        .map(|s| {
            format!(
                "<th class=\"n\">{}</th>",
                esc(t(&format!("severity-word.{s}")))
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table class=\"by-purpose\">\n<thead><tr><th>{}</th>{heads}<th class=\"n\">{}</th></tr></thead>\n<tbody>",
        esc(t("doc.by-purpose")),
        esc(t("doc.purpose")),
        esc(t("doc.total"))
    );
    for p in doc::by_purpose(report) {
        let label = match &p.purpose {
            Some(id) => format!("<code>{}</code> — {}", esc(id), esc(&p.title)),
            None => esc(text(lang, "report.across-purposes")),
        };
        let counts: String = p
            .by_severity
            .iter()
            .map(|n| format!("<td class=\"n\">{n}</td>"))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{label}</td>{counts}<td class=\"n\">{}</td></tr>",
            p.total
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn details(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.findings.is_empty() {
        return;
    }
    let t = |id: &str| text(lang, id);
    let _ = writeln!(
        out,
        "<section id=\"findings\">\n<h2>{}</h2>",
        esc(t("doc.details"))
    );
    for (i, f) in report.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "<article class=\"finding\" id=\"finding-{}\">\n<h3><span>{}.</span> {} <span>{}</span></h3>\n<dl>",
            i + 1,
            i + 1,
            badge(lang, f.severity),
            esc(&doc::rule_title(f, lang))
        );
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd><code>{}</code></dd>",
            esc(t("doc.rule")),
            esc(&f.rule)
        );
        if let Some(o) = f.object() {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd><code>{}</code></dd>",
                esc(t("doc.object")),
                esc(&o)
            );
        }
        if let Some(p) = &f.purpose {
            let title = report
                .purposes
                .iter()
                .find(|(id, _)| id == p)
                .map(|(_, title)| format!(" — {}", esc(title)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd><code>{}</code>{title}</dd>",
                esc(t("doc.purpose")),
                esc(p)
            );
        }
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t("doc.message")),
            esc(&f.message_in(lang))
        );
        if let Some(why) = doc::explanation(f, lang) {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(t("doc.explanation")),
                esc(&why)
            );
        }
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>\n</dl>",
            esc(t("doc.legal")),
            esc(&legal_reference(f, lang))
        );
        let _ = writeln!(
            out,
            "<h4>{}</h4>\n<dl class=\"evidence\">\n<dt>{}</dt><dd>{}</dd>",
            esc(t("doc.evidence")),
            esc(t("doc.count")),
            f.count
        );
        if !f.sample_keys.is_empty() {
            let keys: Vec<String> = f
                .sample_keys
                .iter()
                .map(|k| format!("<code>{}</code>", esc(k)))
                .collect();
            let label = doc::key_label(report, f, lang);
            let more = doc::keys_more(f, lang)
                .map(|m| format!(" <span class=\"note\">({})</span>", esc(&m)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}{more}</dd>",
                esc(&tr(lang, "doc.keys", &[("label", &label)])),
                keys.join(", ")
            );
        }
        if !f.terms.is_empty() {
            let terms: Vec<String> = f
                .terms
                .iter()
                .map(|term| format!("{} ({})", esc(&term.term), term.count))
                .collect();
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(t("doc.terms")),
                terms.join(", ")
            );
        }
        for e in &f.excerpts {
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                esc(t("doc.excerpts")),
                esc(e)
            );
        }
        let _ = writeln!(out, "</dl>");
        if let Some(q) = &f.query {
            let _ = write!(out, "<h4>{}</h4>\n{}", esc(t("doc.query")), sql_block(q));
        }
        match &f.remediation {
            Some(r) => {
                let applicability = t(&format!("applicability.{}", applicability_id(r)));
                let _ = write!(
                    out,
                    "<h4>{}</h4>\n{}",
                    esc(&tr(
                        lang,
                        "doc.remediation",
                        &[("applicability", &applicability)]
                    )),
                    sql_block(&r.sql)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<p class=\"note\">{}</p>",
                    esc(&tr(
                        lang,
                        "doc.no-remediation",
                        &[("action", &doc::action_of(f, lang))]
                    ))
                );
            }
        }
        let _ = writeln!(out, "</article>");
    }
    let _ = writeln!(out, "</section>");
}

fn waived(out: &mut String, report: &ScanReport, lang: Lang) {
    if report.waived.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"waived\">\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
        esc(text(lang, "doc.waived")),
        esc(text(lang, "doc.waived-intro"))
    );
    for w in &report.waived {
        let _ = writeln!(
            out,
            "<li>{}</li>",
            esc(&tr(
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
    let _ = writeln!(out, "</ul>\n</section>");
}

fn not_run(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(
        out,
        "<section id=\"not-run\">\n<h2>{}</h2>",
        esc(t("doc.not-run"))
    );
    let (errors, skipped) = doc::not_run(report);
    if errors.is_empty() && skipped.is_empty() && report.problems.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(t("doc.not-run-none")));
        return;
    }
    for (head, class, checks) in [
        ("doc.errors", "errors", &errors),
        ("doc.skipped", "skipped", &skipped),
    ] {
        if checks.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"{class}\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(t(head)),
            esc(t("doc.check")),
            esc(t("doc.reason"))
        );
        for c in checks.iter() {
            let reason = c.reason_in(lang).unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                esc(&c.id),
                esc(&reason)
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    if !report.problems.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(t("doc.problems")));
        for p in &report.problems {
            let help = p
                .help
                .as_ref()
                .map(|h| format!(" ({})", esc(h)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<li><code>{}:{}</code> {}{help}</li>",
                esc(&report.policy_path),
                p.line,
                esc(&p.message_in(lang))
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
}

fn method(out: &mut String, report: &ScanReport, lang: Lang) {
    let t = |id: &str| text(lang, id);
    let _ = writeln!(
        out,
        "<section id=\"method\">\n<h2>{}</h2>\n<p>{}</p>\n<table class=\"facts\">\n<tbody>",
        esc(t("doc.method")),
        esc(t("doc.method-intro"))
    );
    let server = format!(
        "{} {}",
        report.target.dialect.name(),
        report.target.server_version
    );
    let as_of = doc::as_of(report);
    let rows: [(&str, &str, bool); 8] = [
        ("doc.version", env!("CARGO_PKG_VERSION"), true),
        ("doc.as-of", &as_of, true),
        ("doc.target", &report.target.url, true),
        ("doc.server", &server, false),
        ("doc.database", &report.target.database, true),
        ("doc.policy", &report.policy_path, true),
        ("doc.policy-sha", &report.policy_sha256, true),
        ("doc.language", lang.as_str(), true),
    ];
    for (label, value, is_code) in rows {
        let value = if is_code {
            format!("<code>{}</code>", esc(value))
        } else {
            esc(value)
        };
        let _ = writeln!(out, "<tr><th>{}</th><td>{value}</td></tr>", esc(t(label)));
    }
    let _ = writeln!(out, "</tbody>\n</table>");
    let (with_sql, without): (Vec<&CheckOutcome>, Vec<&CheckOutcome>) =
        report.checks.iter().partition(|c| c.sql.is_some());
    for c in with_sql {
        let _ = write!(
            out,
            "<h3 class=\"check\"><code>{}</code> — {}, <span class=\"duration\">{}</span></h3>\n{}",
            esc(&c.id),
            esc(t(&format!("status.{}", status_id(c)))),
            esc(&tr(lang, "doc.ms", &[("ms", &c.duration_ms)])),
            sql_block(c.sql.as_deref().unwrap_or_default())
        );
    }
    if !without.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"checks\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            esc(t("doc.no-sql")),
            esc(t("doc.check")),
            esc(t("doc.status")),
            esc(t("doc.duration"))
        );
        for c in without {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"n\">{}</td></tr>",
                esc(&c.id),
                esc(t(&format!("status.{}", status_id(c)))),
                esc(&tr(lang, "doc.ms", &[("ms", &c.duration_ms)]))
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            esc("<img src=x onerror='a'>&\"\u{1b}"),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;\\u{1b}"
        );
        assert_eq!(
            sql_block("SELECT '</code><script>';\n"),
            "<pre><code class=\"sql\">SELECT '&lt;/code&gt;&lt;script&gt;';</code></pre>\n"
        );
    }
}
