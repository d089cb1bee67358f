//! Output formats: one file per format, each a function of the report alone.
//!
//! Names and values come from databases and files vigie does not control: a column named with
//! an ESC sequence would restyle or hide the terminal's output, so every human and GitHub format
//! passes them through [`escape`] (JSON and SARIF are escaped by serde).

pub mod attest;
pub mod discover;
pub mod document;
pub mod gate;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod register;
pub mod sarif;
pub mod sheet;

use crate::finding::{CheckStatus, Finding, Severity};
use crate::i18n::Lang;
use crate::scan::ScanReport;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// For a ticket or a wiki: the director's summary, each finding, the evidence and method.
    Markdown,
    /// The same as one self-contained page: inline style, an SVG chart, no script, nothing fetched.
    Html,
    /// SARIF 2.1.0, for code-scanning viewers: a result per finding at its logical location.
    Sarif,
    /// A JUnit XML test report for CI: a test case per check.
    Junit,
}

/// How a report is written: colours (terminal formats only), language, and which findings fail
/// the run (JUnit marks their checks as failures).
pub struct RenderOptions<'a> {
    pub color: bool,
    pub lang: Lang,
    /// The lowest severity that fails the run; `None`: never.
    pub fail_on: Option<Severity>,
    /// Findings that fail no run whatever their severity (known in a `--baseline`).
    pub excused: &'a dyn Fn(&Finding) -> bool,
}

impl RenderOptions<'_> {
    /// Whether this finding fails the run, as the exit code says.
    pub fn fails(&self, f: &Finding) -> bool {
        self.fail_on.is_some_and(|s| f.severity >= s) && !(self.excused)(f)
    }
}

/// A scan report in one format and language, failing from `low` up. `color` applies to
/// terminal formats only.
pub fn render(report: &ScanReport, format: Format, color: bool, lang: Lang) -> String {
    let options = RenderOptions {
        color,
        lang,
        fail_on: Some(Severity::Low),
        excused: &|_| false,
    };
    render_with(report, format, &options)
}

/// A scan report in one format with every option.
pub fn render_with(report: &ScanReport, format: Format, options: &RenderOptions) -> String {
    let (color, lang) = (options.color, options.lang);
    match format {
        Format::Json => json::render_in(report, lang),
        Format::Human => human::render(report, &human::Style { color, lang }),
        Format::Markdown => markdown::render(report, lang),
        Format::Html => html::render(report, lang),
        Format::Sarif => sarif::render(report, lang),
        Format::Junit => junit::render(report, options),
    }
}

/// A finding's legal reference in `lang`: the rule's (or the category's) reference as the
/// CNIL writes it in French, followed by what the policy cites, as the policy wrote it.
pub fn legal_reference(f: &Finding, lang: Lang) -> String {
    if lang == Lang::En {
        return f.legal_reference.clone();
    }
    let mut pairs: Vec<(&str, &str)> = crate::rules::registry()
        .rules
        .iter()
        .map(|r| (r.legal_reference.as_str(), r.legal_reference_fr.as_str()))
        .collect();
    pairs.extend(
        crate::i18n::entries(Lang::En)
            .filter(|(k, _)| k.starts_with("legal."))
            .map(|(k, en)| (en, crate::i18n::text(lang, k))),
    );
    pairs.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    for (en, translated) in pairs {
        if let Some(rest) = f.legal_reference.strip_prefix(en) {
            let rest = rest
                .strip_prefix("; ")
                .map_or_else(|| rest.to_string(), |r| format!(" ; {r}"));
            return format!("{translated}{rest}");
        }
    }
    f.legal_reference.clone()
}

/// Counts of findings by severity, most serious first.
pub fn by_severity(report: &ScanReport) -> BTreeMap<Severity, u64> {
    let mut m = BTreeMap::new();
    for f in &report.findings {
        *m.entry(f.severity).or_insert(0) += 1;
    }
    m
}

/// What could not be verified: checks in error, and references of the policy the database
/// does not have (each makes the exit code 2).
pub fn error_count(report: &ScanReport) -> usize {
    report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .count()
        + report.problems.len()
}

/// Every finding's remediation, one transaction each, for `--remediation FILE`.
///
/// The file opens with the list of every finding and whether SQL follows for it: a finding
/// without SQL says in one line what a person must do instead, so nothing is dropped silently
/// from the plan. Where DDL cannot be rolled back (MySQL, MariaDB), every `ALTER`/`DROP` is
/// moved to a last section after the data changes, marked as not transactional.
pub fn remediation_script(report: &ScanReport) -> String {
    let dialect = report.target.dialect;
    let mut out = format!(
        "-- vigie remediation proposals for {} (policy {}), as of {}\n-- Nothing here has been run. Read each block, adapt it, run it yourself.\n--\n",
        report.target.url, report.policy_path, report.as_of
    );
    out.push_str(&format!("-- Findings ({}):\n", report.findings.len()));
    for f in &report.findings {
        out.push_str(&format!("--   {}\n", summary_line(f)));
    }
    out.push('\n');
    let mut ddl = String::new();
    // Two rules may flag one column (a CVV column no row fills is also unused): its DROP is
    // written once, or the second would fail on a column already gone.
    let mut seen = std::collections::BTreeSet::new();
    let merged = merged_blanks(report);
    let mut blanked = std::collections::BTreeSet::new();
    for f in &report.findings {
        if let Some(b) = f
            .blank
            .as_ref()
            .filter(|b| merged.contains_key(&blank_id(b)))
        {
            // Several findings flag rows of one column: one block sets each row to NULL once.
            let id = blank_id(b);
            if blanked.insert(id.clone()) {
                out.push_str(&merged_block(dialect, &merged[&id]));
                out.push('\n');
            }
            continue;
        }
        let Some(r) = &f.remediation else { continue };
        if dialect.ddl_is_transactional() {
            out.push_str(&once(&r.sql, &mut seen));
            out.push('\n');
            continue;
        }
        let (data, schema) = split_ddl(&r.sql, &mut seen);
        if let Some(schema) = schema {
            ddl.push_str(&schema);
            ddl.push('\n');
        }
        if let Some(data) = data {
            out.push_str(&data);
            out.push('\n');
        }
    }
    if !ddl.is_empty() {
        out.push_str(
            "-- ======================================================================\n\
             -- Schema changes (ALTER/DROP), after the data changes above: NOT TRANSACTIONAL.\n\
             -- MySQL and MariaDB commit each one at once, together with any transaction left\n\
             -- open: none of them can be rolled back. Back up first, and run them one by one.\n\
             -- ======================================================================\n\n",
        );
        out.push_str(&ddl);
    }
    out
}

type BlankId = (String, String, String);

fn blank_id(b: &crate::finding::BlankRows) -> BlankId {
    (b.table.clone(), b.column.clone(), b.key.clone())
}

/// The columns whose rows more than one finding sets to NULL, with those findings.
fn merged_blanks(report: &ScanReport) -> std::collections::BTreeMap<BlankId, Vec<&Finding>> {
    let mut by_column: std::collections::BTreeMap<BlankId, Vec<&Finding>> = Default::default();
    for f in &report.findings {
        if let Some(b) = &f.blank {
            by_column.entry(blank_id(b)).or_default().push(f);
        }
    }
    by_column.retain(|_, fs| fs.len() > 1);
    by_column
}

/// One transaction that sets the column to NULL in every row any of `findings` flagged, each
/// row once, with the findings it answers in its header.
fn merged_block(dialect: crate::dialect::Dialect, findings: &[&Finding]) -> String {
    let Some(first) = findings.first().and_then(|f| f.blank.as_ref()) else {
        return String::new();
    };
    let mut keys: Vec<String> = findings
        .iter()
        .filter_map(|f| f.blank.as_ref())
        .flat_map(|b| b.keys.iter().cloned())
        .collect();
    keys.sort_by(|a, b| crate::finding::key_order(a, b));
    keys.dedup();
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!(
            "-- rule: {} | {} | category: {} | {} row(s)\n",
            f.rule,
            f.object().unwrap_or_default(),
            f.category.as_deref().unwrap_or("-"),
            f.blank.as_ref().map_or(0, |b| b.keys.len())
        ));
    }
    out.push_str(&format!(
        "-- {} distinct row(s) flagged in {} categories: one statement per row.\n\
         -- Prefer rewriting each comment neutrally (facts needed for the purpose only);\n\
         -- this sets the flagged comments to NULL. Review before running: vigie never executes this.\n",
        keys.len(),
        findings.len()
    ));
    out.push_str(dialect.begin());
    out.push('\n');
    out.push_str(&crate::dialect::remediation::blank_by_keys(
        &first.table,
        &first.column,
        &first.key,
        &keys,
    ));
    out.push_str("COMMIT;\n");
    out
}

/// `rule table.column, count: SQL below` or `…: no SQL. <what to do instead>`.
fn summary_line(f: &Finding) -> String {
    let object = f.object().map(|o| format!(" {o}")).unwrap_or_default();
    let head = format!("{}{object}, {}", f.rule, f.count);
    match &f.remediation {
        Some(r) if has_statement(&r.sql) => format!("{head}: SQL below"),
        other => {
            // A comment-only proposal says what to do on its `Instead:` line; otherwise the
            // rule's documented remediation, first sentence.
            let instead = other
                .as_ref()
                .and_then(|r| {
                    r.sql
                        .lines()
                        .find_map(|l| l.strip_prefix("-- Instead: "))
                        .map(str::to_string)
                })
                .or_else(|| {
                    crate::rules::registry()
                        .get(&f.rule)
                        .map(|d| first_sentence(&d.remediation))
                })
                .unwrap_or_else(|| "read the finding's message and decide by hand.".into());
            let shown = if other.is_some() {
                " (guidance in comments below)"
            } else {
                ""
            };
            format!("{head}: no SQL{shown}. Instead: {instead}")
        }
    }
}

/// `sql` with each `ALTER`/`DROP` statement already written (in `seen`) turned into a comment
/// that says so, so applying the whole file never fails on a column already dropped.
fn once(sql: &str, seen: &mut std::collections::BTreeSet<String>) -> String {
    let mut out = String::with_capacity(sql.len());
    for line in sql.split_inclusive('\n') {
        let u = line.trim_start().to_ascii_uppercase();
        if (u.starts_with("ALTER ") || u.starts_with("DROP "))
            && !seen.insert(line.trim().to_string())
        {
            out.push_str(&format!("-- already above: {}\n", line.trim()));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Whether a proposal holds a statement, not only comments.
fn has_statement(sql: &str) -> bool {
    sql.lines().any(|l| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with("--")
    })
}

/// The first sentence of a documented remediation, on one line.
fn first_sentence(doc: &str) -> String {
    let paragraph = doc.trim().split("\n\n").next().unwrap_or_default();
    let line = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.find(". ") {
        Some(i) => line[..=i].to_string(),
        None => line,
    }
}

/// A proposal cut in two where DDL commits at once: its data changes (`None` when only the
/// transaction's own `BEGIN`/`COMMIT` would be left), and its comments with its `ALTER`/`DROP`
/// statements (`None` when it has none).
/// A statement already in `seen` is written as a comment that says so.
fn split_ddl(
    sql: &str,
    seen: &mut std::collections::BTreeSet<String>,
) -> (Option<String>, Option<String>) {
    let is_ddl = |l: &str| {
        let u = l.trim_start().to_ascii_uppercase();
        u.starts_with("ALTER ") || u.starts_with("DROP ")
    };
    let (ddl, rest): (Vec<&str>, Vec<&str>) = sql.lines().partition(|l| is_ddl(l));
    if ddl.is_empty() {
        return (Some(sql.to_string()), None);
    }
    let comments: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|l| l.trim_start().starts_with("--"))
        .collect();
    let ddl: Vec<String> = ddl
        .iter()
        .map(|l| {
            if seen.insert(l.trim().to_string()) {
                l.to_string()
            } else {
                format!("-- already above: {}", l.trim())
            }
        })
        .collect();
    let mut schema: Vec<String> = comments.iter().map(|c| c.to_string()).collect();
    schema.extend(ddl);
    let schema = format!("{}\n", schema.join("\n"));
    let changes_data = rest.iter().any(|l| {
        let u = l.trim().to_ascii_uppercase();
        !u.is_empty()
            && !u.starts_with("--")
            && !matches!(u.as_str(), "BEGIN;" | "START TRANSACTION;" | "COMMIT;")
    });
    let data = changes_data.then(|| {
        format!(
            "{}\n-- (its ALTER/DROP is in the last section: not transactional on this server)\n",
            rest.join("\n")
        )
    });
    (data, Some(schema))
}

/// `s` with every control character (C0, DEL, C1, line breaks included) written as Rust writes
/// it, `\u{1b}` for ESC: printable, unambiguous, and the same in every human format.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Control characters (an ESC starts a terminal sequence that can hide the rest of the output)
/// and the bidirectional formatting characters (U+202E shows text in reverse order, hiding what a
/// name really says).
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

fn push_escaped(out: &mut String, c: char) {
    if needs_escape(c) {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// A multi-line text (a migration file, a policy) escaped as [`escape`] does but keeping its
/// layout (`\n`, `\t`, `\r\n`), and the byte `offsets` into it moved to the same places in the
/// result, so a span still points at the same characters.
pub fn escape_text(s: &str, offsets: &mut [usize]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut moved = vec![false; offsets.len()];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        for (o, m) in offsets.iter_mut().zip(moved.iter_mut()) {
            if !*m && *o <= i {
                (*o, *m) = (out.len(), true);
            }
        }
        let layout =
            c == '\n' || c == '\t' || (c == '\r' && chars.peek().is_some_and(|n| n.1 == '\n'));
        if layout {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    for (o, m) in offsets.iter_mut().zip(moved) {
        if !m {
            *o = out.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn split_ddl(sql: &str) -> (Option<String>, Option<String>) {
        super::split_ddl(sql, &mut BTreeSet::new())
    }

    #[test]
    fn a_drop_already_written_is_commented_in_a_transactional_file() {
        let mut seen = BTreeSet::new();
        let sql = "BEGIN;\nALTER TABLE \"p\" DROP COLUMN \"x\";\nCOMMIT;\n";
        assert_eq!(once(sql, &mut seen), sql);
        assert_eq!(
            once(sql, &mut seen),
            "BEGIN;\n-- already above: ALTER TABLE \"p\" DROP COLUMN \"x\";\nCOMMIT;\n"
        );
    }

    #[test]
    fn a_statement_already_written_is_not_repeated() {
        let mut seen = BTreeSet::new();
        let sql = "START TRANSACTION;\nALTER TABLE `p` DROP COLUMN `x`;\nCOMMIT;\n";
        assert_eq!(
            super::split_ddl(sql, &mut seen).1.as_deref(),
            Some("ALTER TABLE `p` DROP COLUMN `x`;\n")
        );
        assert_eq!(
            super::split_ddl(sql, &mut seen).1.as_deref(),
            Some("-- already above: ALTER TABLE `p` DROP COLUMN `x`;\n")
        );
    }

    #[test]
    fn ddl_is_cut_from_the_data_changes() {
        let (data, schema) = split_ddl(
            "-- vigie: card-security-code p.cvv\nSTART TRANSACTION;\nUPDATE `p` SET `cvv` = NULL WHERE `cvv` IS NOT NULL;\nALTER TABLE `p` DROP COLUMN `cvv`;\nCOMMIT;\n",
        );
        assert_eq!(
            data.as_deref(),
            Some(
                "-- vigie: card-security-code p.cvv\nSTART TRANSACTION;\nUPDATE `p` SET `cvv` = NULL WHERE `cvv` IS NOT NULL;\nCOMMIT;\n-- (its ALTER/DROP is in the last section: not transactional on this server)\n"
            )
        );
        assert_eq!(
            schema.as_deref(),
            Some("-- vigie: card-security-code p.cvv\nALTER TABLE `p` DROP COLUMN `cvv`;\n")
        );
        let (data, schema) = split_ddl(
            "-- vigie: unused-column p.x\nSTART TRANSACTION;\nALTER TABLE `p` DROP COLUMN `x`;\nCOMMIT;\n",
        );
        assert_eq!(data, None, "nothing left but the transaction");
        assert_eq!(
            schema.as_deref(),
            Some("-- vigie: unused-column p.x\nALTER TABLE `p` DROP COLUMN `x`;\n")
        );
        let only_data = "START TRANSACTION;\nDELETE FROM `p`;\nCOMMIT;\n";
        assert_eq!(split_ddl(only_data), (Some(only_data.to_string()), None));
    }

    #[test]
    fn control_characters_are_escaped_and_nothing_else() {
        assert_eq!(escape("nom"), "nom");
        assert_eq!(
            escape("é\u{1b}[8mx\u{7}\u{8}\u{9b}\n"),
            "é\\u{1b}[8mx\\u{7}\\u{8}\\u{9b}\\u{a}"
        );
        assert!(matches!(escape("prénom"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_keeps_its_lines_and_its_spans() {
        let s = "a\u{1b}b\r\n\tc\u{7}d\re";
        let (b, d) = (s.find('b').unwrap(), s.find('d').unwrap());
        let mut offsets = [b, d, s.len()];
        let out = escape_text(s, &mut offsets);
        assert_eq!(out, "a\\u{1b}b\r\n\tc\\u{7}d\\u{d}e");
        assert_eq!(&out[offsets[0]..offsets[0] + 1], "b");
        assert_eq!(&out[offsets[1]..offsets[1] + 1], "d");
        assert_eq!(offsets[2], out.len());
    }
}
