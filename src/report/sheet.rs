//! The documents a DPO hands over besides the scan report (the record of processing activities,
//! the deletion certificate) as a small tree of sections, tables and paragraphs, written out as
//! Markdown or as one self-contained HTML page.
//!
//! Each document builds its [`Sheet`] once, so its Markdown and HTML never say different
//! things; this file only decides how they look. Escaping is the scan report's: Markdown
//! through [`super::markdown::inline`] and [`super::markdown::code`], HTML through
//! [`super::html::esc`], the page with the same inline style sheet, no script and a
//! Content-Security-Policy that forbids anything fetched.

use super::html::{esc, sql_block};
use super::markdown::{code, fence, inline};
use crate::i18n::{Lang, text};
use std::fmt::Write;

/// A piece of text in a cell or a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// An identifier, a hash, a path: monospace.
    Code(String),
    /// A field a person must still fill in.
    Todo,
    Strong(String),
}

pub type Cell = Vec<Inline>;

pub fn t(s: impl Into<String>) -> Cell {
    vec![Inline::Text(s.into())]
}
pub fn c(s: impl Into<String>) -> Cell {
    vec![Inline::Code(s.into())]
}
pub fn todo() -> Cell {
    vec![Inline::Todo]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Cell),
    /// A paragraph in the muted style: sources, thresholds, method.
    Note(Cell),
    /// A table; its first column is a header when `keyed` (label / value pairs).
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
        keyed: bool,
    },
    Sql(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// 2 for a part, 3 for a sub-part.
    pub level: u8,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub lang: Lang,
    pub title: String,
    pub subtitle: Vec<String>,
    pub sections: Vec<Section>,
    pub footer: String,
}

fn md_cell(lang: Lang, cell: &Cell) -> String {
    cell.iter()
        .map(|i| match i {
            Inline::Text(s) => inline(s).replace('\n', " "),
            Inline::Code(s) => code(s),
            Inline::Todo => format!("**{}**", inline(text(lang, "register.todo"))),
            Inline::Strong(s) => format!("**{}**", inline(s)),
        })
        .collect()
}

fn html_cell(lang: Lang, cell: &Cell) -> String {
    cell.iter()
        .map(|i| match i {
            Inline::Text(s) => esc(s),
            Inline::Code(s) => format!("<code>{}</code>", esc(s)),
            Inline::Todo => format!(
                "<strong class=\"todo\">{}</strong>",
                esc(text(lang, "register.todo"))
            ),
            Inline::Strong(s) => format!("<strong>{}</strong>", esc(s)),
        })
        .collect()
}

pub fn markdown(sheet: &Sheet) -> String {
    let lang = sheet.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&sheet.title));
    for s in &sheet.subtitle {
        let _ = writeln!(out, "{}\n", inline(s));
    }
    for section in &sheet.sections {
        let hashes = "#".repeat(usize::from(section.level));
        let _ = writeln!(out, "{hashes} {}\n", inline(&section.title));
        for b in &section.blocks {
            match b {
                Block::Para(cell) => {
                    let _ = writeln!(out, "{}\n", md_cell(lang, cell));
                }
                Block::Note(cell) => {
                    let _ = writeln!(out, "_{}_\n", md_cell(lang, cell));
                }
                Block::Table { head, rows, .. } => {
                    let head: Vec<String> = head.iter().map(|h| inline(h)).collect();
                    let _ = writeln!(out, "| {} |", head.join(" | "));
                    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
                    for r in rows {
                        let cells: Vec<String> = r.iter().map(|c| md_cell(lang, c)).collect();
                        let _ = writeln!(out, "| {} |", cells.join(" | "));
                    }
                    out.push('\n');
                }
                Block::Sql(sql) => {
                    let _ = writeln!(out, "{}", fence("sql", sql));
                }
            }
        }
    }
    let _ = writeln!(out, "---\n\n{}", inline(&sheet.footer));
    out
}

/// The register's own additions to the scan report's style sheet.
const EXTRA_STYLE: &str = "
strong.todo { color: var(--high); }
th[scope=row] { width: 30%; }
.met { font-weight: bold; }
";

pub fn html(sheet: &Sheet) -> String {
    let lang = sheet.lang;
    let mut out = String::new();
    super::html::head(&mut out, lang, &sheet.title, EXTRA_STYLE);
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&sheet.title));
    for s in &sheet.subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", esc(s));
    }
    out.push_str("</header>\n");
    let mut open = false;
    for section in &sheet.sections {
        if section.level == 2 {
            if open {
                out.push_str("</section>\n");
            }
            out.push_str("<section>\n");
            open = true;
        }
        let _ = writeln!(
            out,
            "<h{l}>{}</h{l}>",
            esc(&section.title),
            l = section.level
        );
        for b in &section.blocks {
            match b {
                Block::Para(cell) => {
                    let _ = writeln!(out, "<p>{}</p>", html_cell(lang, cell));
                }
                Block::Note(cell) => {
                    let _ = writeln!(out, "<p class=\"note\">{}</p>", html_cell(lang, cell));
                }
                Block::Table { head, rows, keyed } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for (i, cell) in r.iter().enumerate() {
                            if *keyed && i == 0 {
                                let _ =
                                    write!(out, "<th scope=\"row\">{}</th>", html_cell(lang, cell));
                            } else {
                                let _ = write!(out, "<td>{}</td>", html_cell(lang, cell));
                            }
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
                Block::Sql(sql) => out.push_str(&sql_block(sql)),
            }
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<footer><p>{}</p></footer>\n</body>\n</html>",
        esc(&sheet.footer)
    );
    out
}
