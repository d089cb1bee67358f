//! Policy problems as miette diagnostics: file, line, a caret under the value, a hint.
//!
//! Every problem of a file is collected and shown at once (cargo-deny's model), so a DPO fixes
//! a policy in one round instead of one error per run.

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(vigie::policy))]
pub struct PolicyProblem {
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<String>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
    /// 1-based line of the span, for plain-text and JSON output.
    pub line: usize,
    /// `message` as catalogue data, for a report in another language than English.
    pub text: Option<crate::i18n::Message>,
}

impl PolicyProblem {
    /// The message in `lang`, control characters escaped as in `message`.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.text {
            Some(m) => crate::report::escape(&m.render(lang)).into_owned(),
            None => self.message.clone(),
        }
    }
}

/// All the problems of one policy file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{count} problem{s} in policy {path}", s = if *.count == 1 { "" } else { "s" })]
#[diagnostic(
    code(vigie::policy::invalid),
    help("fix the policy and run again; nothing was scanned")
)]
pub struct PolicyErrors {
    pub path: String,
    pub count: usize,
    #[related]
    pub problems: Vec<PolicyProblem>,
}

/// A collector bound to one source file.
pub struct Problems {
    path: String,
    src: Arc<String>,
    pub list: Vec<PolicyProblem>,
}

impl Problems {
    pub fn new(path: &str, src: Arc<String>) -> Problems {
        Problems {
            path: path.to_string(),
            src,
            list: Vec::new(),
        }
    }

    pub fn make(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> PolicyProblem {
        use crate::report::{escape, escape_text};
        let span = clamp(span, self.src.len());
        let line = self.src[..span.start].matches('\n').count() + 1;
        // Names from the file or the database reach a terminal: control and bidirectional
        // characters are shown escaped, in the snippet too (its span moved to match).
        let hidden = |c: char| crate::report::needs_escape(c) && !matches!(c, '\n' | '\t' | '\r');
        let (src, span) = if self.src.chars().any(hidden) {
            let mut offsets = [span.start, span.end];
            let text = escape_text(&self.src, &mut offsets);
            (Arc::new(text), offsets[0]..offsets[1])
        } else {
            (self.src.clone(), span)
        };
        PolicyProblem {
            message: escape(&message.into()).into_owned(),
            src: NamedSource::new(escape(&self.path), src),
            span: span.into(),
            label: escape(&label.into()).into_owned(),
            help: help.map(|h| escape(&h).into_owned()),
            line,
            text: None,
        }
    }

    pub fn push(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        let p = self.make(span, message, label, help);
        self.list.push(p);
    }

    pub fn into_result(self) -> Result<(), PolicyErrors> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(PolicyErrors {
                path: self.path,
                count: self.list.len(),
                problems: self.list,
            })
        }
    }
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    let start = span.start.min(len);
    let end = span.end.clamp(start, len);
    start..end
}

/// "did you mean `x`?" for the closest candidate, when one is close enough.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// Render problems as text with a fixed theme and width (for logs, tests and non-terminals).
pub fn render_plain(diagnostic: &dyn Diagnostic) -> String {
    render_plain_width(diagnostic, 100)
}

/// As [`render_plain`], wrapping lines at `width` characters.
pub fn render_plain_width(diagnostic: &dyn Diagnostic, width: usize) -> String {
    render_with(
        diagnostic,
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(width),
    )
}

/// For a terminal: colours and the terminal's width.
pub fn render_graphical(diagnostic: &dyn Diagnostic) -> String {
    render_with(diagnostic, miette::GraphicalReportHandler::new())
}

/// A caret further right than this is not drawn: the snippet would be unreadable, and miette
/// cannot pad past column 65,535 (it panics).
const MAX_SNIPPET_COLUMN: usize = 1000;

fn render_with(diagnostic: &dyn Diagnostic, handler: miette::GraphicalReportHandler) -> String {
    let mut out = String::new();
    if too_wide(diagnostic) {
        render_without_snippets(diagnostic, &mut out);
        return out;
    }
    handler
        .render_report(&mut out, diagnostic)
        .expect("writing to a String cannot fail");
    out
}

/// Where each label of a diagnostic sits: (file, line, column), 1-based.
fn positions(d: &dyn Diagnostic) -> Vec<(String, usize, usize, Option<String>)> {
    let (Some(src), Some(labels)) = (d.source_code(), d.labels()) else {
        return Vec::new();
    };
    labels
        .filter_map(|l| {
            let c = src.read_span(l.inner(), 0, 0).ok()?;
            Some((
                c.name().unwrap_or_default().to_string(),
                c.line() + 1,
                c.column() + 1,
                l.label().map(String::from),
            ))
        })
        .collect()
}

/// A caret too far right, or a line of the snippet too long (a generated query of a megabyte
/// on one line), makes the snippet unreadable: the facts are given without it.
fn too_wide(d: &dyn Diagnostic) -> bool {
    let long_line = || {
        let (Some(src), Some(mut labels)) = (d.source_code(), d.labels()) else {
            return false;
        };
        labels.any(|l| {
            src.read_span(l.inner(), 1, 1).is_ok_and(|c| {
                c.data()
                    .split(|&b| b == b'\n')
                    .any(|line| line.len() > MAX_SNIPPET_COLUMN)
            })
        })
    };
    positions(d)
        .iter()
        .any(|(_, _, col, _)| *col > MAX_SNIPPET_COLUMN)
        || long_line()
        || d.related().is_some_and(|mut r| r.any(too_wide))
}

/// The message, each label's `file:line:column`, the help: every fact, no snippet.
fn render_without_snippets(d: &dyn Diagnostic, out: &mut String) {
    use std::fmt::Write;
    let code = d.code().map(|c| format!("{c}: ")).unwrap_or_default();
    let _ = writeln!(out, "× {code}{d}");
    for (file, line, col, label) in positions(d) {
        let label = label.map(|l| format!(": {l}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  at {file}:{line}:{col}{label} (a line too long to show)"
        );
    }
    if let Some(help) = d.help() {
        let _ = writeln!(out, "  help: {help}");
    }
    if let Some(related) = d.related() {
        for r in related {
            render_without_snippets(r, out);
        }
    }
}

/// A diagnostic whose message and help are shown with control and bidirectional characters
/// escaped; its labels and source are its own (policy problems escape theirs when made).
pub struct Escaped<'a>(pub &'a dyn Diagnostic);

impl std::fmt::Debug for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::report::escape(&format!("{:?}", self.0)))
    }
}

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::report::escape(&self.0.to_string()))
    }
}

impl std::error::Error for Escaped<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl Diagnostic for Escaped<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.help().map(|h| {
            Box::new(crate::report::escape(&h.to_string()).into_owned())
                as Box<dyn std::fmt::Display>
        })
    }
    fn url<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.url()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.0.labels()
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        self.0.related()
    }
    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.0.diagnostic_source()
    }
}
