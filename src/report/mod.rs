//! Output formats: one file per format, each a function of the report alone.
//!
//! Names and values come from databases and files vigie does not control: a column named with
//! an ESC sequence would restyle or hide the terminal's output, so every human and GitHub format
//! passes them through [`escape`] (JSON and SARIF are escaped by serde).

pub mod discover;
pub mod gate;
pub mod human;
pub mod json;

use crate::finding::{CheckStatus, Severity};
use crate::scan::ScanReport;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// A scan report in one format. `color` applies to terminal formats only.
pub fn render(report: &ScanReport, format: Format, color: bool) -> String {
    match format {
        Format::Json => json::render(report),
        Format::Human => human::render(report, &human::Style { color }),
    }
}

/// Counts of findings by severity, most serious first.
pub fn by_severity(report: &ScanReport) -> BTreeMap<Severity, u64> {
    let mut m = BTreeMap::new();
    for f in &report.findings {
        *m.entry(f.severity).or_insert(0) += 1;
    }
    m
}

pub fn error_count(report: &ScanReport) -> usize {
    report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
        .count()
}

/// Every finding's remediation, one transaction each, for `--remediation FILE`.
pub fn remediation_script(report: &ScanReport) -> String {
    let mut out = format!(
        "-- vigie remediation proposals for {} (policy {}), as of {}\n-- Nothing here has been run. Read each block, adapt it, run it yourself.\n\n",
        report.target.url, report.policy_path, report.as_of
    );
    for f in &report.findings {
        if let Some(r) = &f.remediation {
            out.push_str(&r.sql);
            out.push('\n');
        }
    }
    out
}

/// `s` with every control character (C0, DEL, C1, line breaks included) written as Rust writes
/// it, `\u{1b}` for ESC: printable, unambiguous, and the same in every human format.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    if c.is_control() {
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
