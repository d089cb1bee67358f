//! Splits a migration file into statements.
//!
//! sqlparser rejects some valid statements, so a file is never handed to it whole: one statement
//! it cannot parse must cost only itself. Splitting on `;` needs a tokenizer that knows where a
//! `;` does not end a statement: inside quotes, comments, PostgreSQL dollar-quoted bodies
//! (`$$…$$`, `$tag$…$tag$`) and MySQL `DELIMITER //` blocks. Between statements it also skips
//! client commands: psql's `\connect`, the sqlite3 shell's `.bail on` and its `#` comment lines
//! (both only at the start of a line). The same lexing rules also produce
//! the "code only" text handed to the parser (comments blanked, positions preserved).
//!
//! The splitter never fails and never panics: an unterminated quote or body makes the rest of
//! the file one statement, which the parser will then reject with a position.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The head of a stored routine or view definition, up to its object keyword (group 1):
/// `CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=user@host] [SQL SECURITY …] [CONSTRAINT | AGGREGATE]
/// PROCEDURE | FUNCTION | TRIGGER | EVENT | VIEW`, as MySQL, MariaDB and mysqldump (inside
/// `/*!50003 … */`, unwrapped by [`code_text`]) write it, and PostgreSQL's `CREATE CONSTRAINT
/// TRIGGER`. Matched on a text whose comments are blanked (string contents may be too).
pub(crate) static ROUTINE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    const PART: &str = r#"(?:`[^`]*`|'(?:[^'\\]|\\.|'')*'|"[^"]*"|[\w$.%-]+)"#;
    Regex::new(&format!(
        r"(?is)^\s*CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(?:DEFINER\s*=\s*(?:CURRENT_USER(?:\s*\(\s*\))?|{PART}(?:\s*@\s*{PART})?)\s+)?(?:SQL\s+SECURITY\s+\w+\s+)?(?:(?:CONSTRAINT|AGGREGATE)\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT|VIEW)\b"
    ))
    .expect("valid regex")
});

/// A MySQL/MariaDB compound statement run outside a routine (`BEGIN NOT ATOMIC … END`, `IF …
/// END IF`, a labelled block): its body holds `;`.
static COMPOUND_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)^\s*(?:BEGIN|IF|CASE|LOOP|WHILE|REPEAT|DECLARE|\w+\s*:\s*(?:BEGIN|LOOP|WHILE|REPEAT))\b")
        .expect("valid regex")
});

/// The SQL dialect of a migration file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SqlDialect {
    Postgres,
    Mysql,
    Sqlite,
}

impl SqlDialect {
    pub fn as_str(self) -> &'static str {
        match self {
            SqlDialect::Postgres => "postgres",
            SqlDialect::Mysql => "mysql",
            SqlDialect::Sqlite => "sqlite",
        }
    }
}

/// One statement of a file, as written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RawStatement {
    /// The statement, without its terminating delimiter and trailing whitespace.
    pub text: String,
    /// Byte offset of `text` in the file.
    pub start: usize,
    /// 1-based line of the first character of `text` (the first non-blank, non-comment char).
    pub line: usize,
    /// 1-based column of that character, counted in chars.
    pub column: usize,
    /// Line comments (`--`, `#` for MySQL, and a `#` line for SQLite) directly above the statement: a contiguous run of
    /// comment lines ending on the line before it. Each is `(line, body)` where `body` is the text
    /// after the comment marker, trimmed. Used for inline ignores.
    pub comments_before: Vec<(usize, String)>,
}

/// What [`lex_at`] recognised at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lexeme {
    /// `-- …` or MySQL `# …`, up to (not including) the end of line. `body` is where the text
    /// after the marker starts.
    LineComment { body: usize },
    /// `/* … */` (nested in PostgreSQL).
    BlockComment,
    /// MySQL `/*! … */` or `/*!40101 … */`: code for MySQL, kept as text.
    ExecComment,
    /// A single-quoted string literal (E'…' included).
    StringLit,
    /// A double-quoted or backquoted token (an identifier, or a string in MySQL).
    QuotedIdent,
    /// A PostgreSQL dollar-quoted body, delimiters included.
    DollarBody,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Recognises a comment, a quoted token or a dollar body starting at `i`, returning its kind and
/// its end (exclusive; the input length when unterminated).
pub(crate) fn lex_at(s: &[u8], i: usize, dialect: SqlDialect) -> Option<(Lexeme, usize)> {
    let b = *s.get(i)?;
    let next = s.get(i + 1).copied();
    match b {
        b'-' if next == Some(b'-') => {
            Some((Lexeme::LineComment { body: i + 2 }, line_end(s, i + 2)))
        }
        b'#' if dialect == SqlDialect::Mysql => {
            Some((Lexeme::LineComment { body: i + 1 }, line_end(s, i + 1)))
        }
        b'/' if next == Some(b'*') => {
            if dialect == SqlDialect::Mysql && s.get(i + 2) == Some(&b'!') {
                Some((Lexeme::ExecComment, block_end(s, i + 3, false)))
            } else {
                let nested = dialect == SqlDialect::Postgres;
                Some((Lexeme::BlockComment, block_end(s, i + 2, nested)))
            }
        }
        b'\'' => {
            let backslash = match dialect {
                SqlDialect::Mysql => true,
                // E'…' escape strings: the E must not end a longer identifier.
                SqlDialect::Postgres => {
                    i >= 1 && matches!(s[i - 1], b'E' | b'e') && (i < 2 || !is_ident_byte(s[i - 2]))
                }
                SqlDialect::Sqlite => false,
            };
            Some((Lexeme::StringLit, quoted_end(s, i + 1, b'\'', backslash)))
        }
        b'"' => {
            let backslash = dialect == SqlDialect::Mysql;
            let kind = if dialect == SqlDialect::Mysql {
                Lexeme::StringLit
            } else {
                Lexeme::QuotedIdent
            };
            Some((kind, quoted_end(s, i + 1, b'"', backslash)))
        }
        b'`' if dialect != SqlDialect::Postgres => {
            Some((Lexeme::QuotedIdent, quoted_end(s, i + 1, b'`', false)))
        }
        b'$' if dialect == SqlDialect::Postgres => {
            if i > 0 && is_ident_byte(s[i - 1]) {
                return None;
            }
            let tag_end = dollar_tag_end(s, i)?;
            let tag = &s[i..tag_end];
            let end = find(s, tag_end, tag).map_or(s.len(), |p| p + tag.len());
            Some((Lexeme::DollarBody, end))
        }
        _ => None,
    }
}

/// The first comment, quoted text or dollar body that the file opens and never closes, as its
/// byte offset and a description: everything after it is swallowed by it, so no statement there
/// is read. `None` when every one is closed.
pub fn unterminated(text: &str, dialect: SqlDialect) -> Option<(usize, &'static str)> {
    let s = text.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let Some((kind, end)) = lex_at(s, i, dialect) else {
            i += 1;
            continue;
        };
        if end >= s.len() {
            let closed = |tail: &[u8]| end >= i + 2 * tail.len() && s[..end].ends_with(tail);
            let what = match kind {
                Lexeme::LineComment { .. } => None,
                Lexeme::BlockComment => (!closed(b"*/")).then_some("a /* comment is never closed"),
                Lexeme::ExecComment => {
                    (!closed(b"*/")).then_some("a /*! … */ block is never closed")
                }
                Lexeme::StringLit => (!closed(&s[i..i + 1]) || end == i + 1)
                    .then_some("a quoted string is never closed"),
                Lexeme::QuotedIdent => (!closed(&s[i..i + 1]) || end == i + 1)
                    .then_some("a quoted name is never closed"),
                Lexeme::DollarBody => {
                    let tag_end = dollar_tag_end(s, i).unwrap_or(i + 1);
                    let tag = &s[i..tag_end];
                    (end < tag_end + tag.len() || !s[..end].ends_with(tag))
                        .then_some("a $$ body is never closed")
                }
            };
            if let Some(what) = what {
                return Some((i, what));
            }
        }
        i = end.max(i + 1);
    }
    if dialect == SqlDialect::Mysql {
        return open_delimiter(text);
    }
    None
}

/// A MySQL `DELIMITER x` (other than `;`) after which no statement ends with `x`: the client
/// reads the rest of the file as one unfinished statement. Lines are read with the splitter's
/// own [`delimiter_command`].
fn open_delimiter(text: &str) -> Option<(usize, &'static str)> {
    let s = text.as_bytes();
    let mut open: Option<(usize, Vec<u8>, usize)> = None;
    let mut line = 0;
    while line < s.len() {
        let first = line
            + s[line..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
        if let Some((delimiter, end)) = delimiter_command(s, first) {
            open = (delimiter != b";").then_some((first, delimiter, end));
        }
        line = line_end(s, line) + 1;
    }
    let (at, delimiter, end) = open?;
    let code: Vec<&str> = text[end.min(text.len())..]
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with("--") && !t.starts_with('#'))
        .collect();
    let ended = code
        .last()
        .is_none_or(|l| l.as_bytes().ends_with(&delimiter));
    (!ended).then_some((
        at,
        "a DELIMITER is never set back, and the statements after it never end",
    ))
}

fn line_end(s: &[u8], from: usize) -> usize {
    s[from.min(s.len())..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(s.len(), |p| from + p)
}

fn block_end(s: &[u8], mut i: usize, nested: bool) -> usize {
    let mut depth = 1usize;
    while i < s.len() {
        if s[i] == b'*' && s.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else if nested && s[i] == b'/' && s.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    s.len()
}

fn quoted_end(s: &[u8], mut i: usize, quote: u8, backslash: bool) -> usize {
    while i < s.len() {
        let b = s[i];
        if backslash && b == b'\\' {
            i += 2;
        } else if b == quote {
            if s.get(i + 1) == Some(&quote) {
                i += 2;
            } else {
                return i + 1;
            }
        } else {
            i += 1;
        }
    }
    s.len()
}

/// `$tag$` at `i` (tag empty or an identifier not starting with a digit): the end of the opening
/// delimiter.
fn dollar_tag_end(s: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if s.get(j)?.is_ascii_digit() {
        return None;
    }
    while j < s.len() && (s[j].is_ascii_alphanumeric() || s[j] == b'_' || s[j] >= 0x80) {
        j += 1;
    }
    (s.get(j) == Some(&b'$')).then_some(j + 1)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Byte offsets of line starts, to turn byte offsets into 1-based (line, column in chars).
#[derive(Clone, Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based (line, column in chars) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line(offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits `sql` into statements. Never fails: malformed input yields fewer, longer statements.
pub fn split(sql: &str, dialect: SqlDialect) -> Vec<RawStatement> {
    let s = sql.as_bytes();
    let index = LineIndex::new(sql);
    let mut out = Vec::new();
    let mut delimiter: Vec<u8> = b";".to_vec();
    let mut pending: Vec<(usize, String)> = Vec::new();
    // Line on which the previous statement ended: a comment on that line trails it.
    let mut last_end_line = 0usize;
    let mut start: Option<usize> = None;
    let mut i = 0usize;

    while i < s.len() {
        let Some(st) = start else {
            // Between statements: whitespace, comments, stray delimiters, DELIMITER lines.
            let b = s[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if s[i..].starts_with(&delimiter) {
                i += delimiter.len();
                continue;
            }
            if dialect == SqlDialect::Mysql
                && let Some((new_delim, end)) = delimiter_command(s, i)
            {
                if !new_delim.is_empty() {
                    delimiter = new_delim;
                }
                last_end_line = index.line(i);
                i = end;
                continue;
            }
            if b == b'\\' && dialect == SqlDialect::Postgres {
                // psql meta-command (`\connect`, pg_dump's `\restrict KEY`): one line, no `;`.
                i = line_end(s, i);
                last_end_line = index.line(i.saturating_sub(1));
                continue;
            }
            let line_start = i == 0 || s[i - 1] == b'\n';
            if dialect == SqlDialect::Sqlite && line_start && b == b'.' {
                // sqlite3 shell dot-command (`.bail on`, `.read x.sql`): one line, no `;`. The
                // shell reads one only at the start of a line and outside a statement.
                i = line_end(s, i);
                last_end_line = index.line(i.saturating_sub(1));
                continue;
            }
            if dialect == SqlDialect::Sqlite && line_start && b == b'#' {
                // The sqlite3 shell skips a line starting with `#` outside a statement: a
                // comment there, while inside a statement `#` is no comment to SQLite. psql has
                // no such rule (`#` is an operator), and MySQL reads `#` as a comment anywhere.
                let end = line_end(s, i + 1);
                let line = index.line(i);
                if line != last_end_line {
                    let text = String::from_utf8_lossy(&s[i + 1..end]).trim().to_string();
                    pending.push((line, text));
                }
                i = end;
                continue;
            }
            match lex_at(s, i, dialect) {
                Some((Lexeme::LineComment { body }, end)) => {
                    let line = index.line(i);
                    if line != last_end_line {
                        let text = String::from_utf8_lossy(&s[body..end]).trim().to_string();
                        pending.push((line, text));
                    }
                    i = end;
                }
                Some((Lexeme::BlockComment, end)) => i = end,
                _ => start = Some(i),
            }
            continue;
        };

        if s[i..].starts_with(&delimiter) {
            let st = if dialect == SqlDialect::Mysql && delimiter != b";" {
                leading_simple_statements(&mut out, sql, &index, st, i, &mut pending)
            } else {
                st
            };
            push_statement(&mut out, sql, &index, st, i, &mut pending);
            last_end_line = index.line(i);
            i += delimiter.len();
            start = None;
            continue;
        }
        match lex_at(s, i, dialect) {
            Some((_, end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    if let Some(st) = start {
        push_statement(&mut out, sql, &index, st, s.len(), &mut pending);
    }
    out
}

/// In a MySQL `DELIMITER //` block, the client sends everything up to `//` as one query and the
/// server runs each `;`-separated statement in it: `DROP PROCEDURE IF EXISTS p; CREATE PROCEDURE
/// p() BEGIN …; … END //` is two statements. Until a statement that can hold `;` in its body (a
/// routine, or a compound statement such as `BEGIN … END` or `IF … END IF`), each `;` ends a
/// statement: those are pushed, and the start of what is left is returned.
fn leading_simple_statements(
    out: &mut Vec<RawStatement>,
    sql: &str,
    index: &LineIndex<'_>,
    mut start: usize,
    end: usize,
    pending: &mut Vec<(usize, String)>,
) -> usize {
    let s = sql.as_bytes();
    loop {
        let head = code_text(
            &sql[start..floor_char_boundary(sql, end)],
            SqlDialect::Mysql,
            Blank::CommentsAndStrings,
        );
        if ROUTINE_HEAD.is_match(&head) || COMPOUND_HEAD.is_match(&head) {
            return start;
        }
        // The first `;` outside quotes and comments.
        let mut i = start;
        let semi = loop {
            if i >= end {
                return start;
            }
            if s[i] == b';' {
                break i;
            }
            match lex_at(s, i, SqlDialect::Mysql) {
                Some((_, e)) => i = e.max(i + 1),
                None => i += 1,
            }
        };
        push_statement(out, sql, index, start, semi, pending);
        // Skip what separates it from the next statement.
        let mut next = semi + 1;
        loop {
            match s.get(next) {
                Some(b) if b.is_ascii_whitespace() || *b == b';' => next += 1,
                Some(_) => match lex_at(s, next, SqlDialect::Mysql) {
                    Some((Lexeme::LineComment { .. } | Lexeme::BlockComment, e)) => next = e,
                    _ => break,
                },
                None => break,
            }
        }
        if next >= end {
            return end;
        }
        start = next;
    }
}

fn push_statement(
    out: &mut Vec<RawStatement>,
    sql: &str,
    index: &LineIndex<'_>,
    start: usize,
    end: usize,
    pending: &mut Vec<(usize, String)>,
) {
    let end = floor_char_boundary(sql, end);
    let text = sql[start..end].trim_end();
    let (line, column) = index.position(start);
    // Keep only the contiguous run of comment lines ending right above the statement.
    let mut keep = pending.len();
    let mut expected = line;
    while keep > 0 && pending[keep - 1].0 + 1 == expected {
        keep -= 1;
        expected = pending[keep].0;
    }
    let comments_before = pending.split_off(keep);
    pending.clear();
    if text.is_empty() {
        return;
    }
    out.push(RawStatement {
        text: text.to_string(),
        start,
        line,
        column,
        comments_before,
    });
}

/// The length of the part of a file that its tool applies when migrating up.
///
/// goose (`-- +goose Down`), sql-migrate (`-- +migrate Down`) and dbmate (`-- migrate:down`) keep
/// a migration and its rollback in one file; the rollback drops what the migration adds, so
/// reading it as part of the history would hide every column the file introduces. The marker is
/// a line comment (never text inside a string or a dollar body) and matches as those tools match
/// it: case-insensitively, spaces around the words ignored.
pub fn up_part_len(sql: &str, dialect: SqlDialect) -> usize {
    let s = sql.as_bytes();
    let mut i = 0usize;
    while i < s.len() {
        match lex_at(s, i, dialect) {
            Some((Lexeme::LineComment { body }, end)) => {
                if is_down_marker(&sql[floor_char_boundary(sql, body)..end]) {
                    // Cut at the start of the marker's line when nothing precedes it there.
                    let line_start = s[..i]
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1);
                    let only_blanks = s[line_start..i].iter().all(u8::is_ascii_whitespace);
                    return if only_blanks { line_start } else { i };
                }
                i = end;
            }
            Some((_, end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    s.len()
}

fn is_down_marker(body: &str) -> bool {
    let words: Vec<String> = body
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["+goose", "down", ..] | ["+migrate", "down", ..] | ["migrate:down", ..]
    )
}

/// MySQL client `DELIMITER x` command at `i`: the new delimiter and the end of its line.
fn delimiter_command(s: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    const KW: &[u8] = b"delimiter";
    let word = s.get(i..i + KW.len())?;
    if !word.eq_ignore_ascii_case(KW) {
        return None;
    }
    let after = s.get(i + KW.len()).copied();
    if !matches!(after, Some(b' ' | b'\t')) {
        return None;
    }
    let end = line_end(s, i);
    let rest = &s[i + KW.len()..end];
    let delim: Vec<u8> = rest
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| !b.is_ascii_whitespace())
        .collect();
    Some((delim, end))
}

/// How [`code_text`] blanks what it removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Blank {
    /// Comments only: the text handed to the parser.
    Comments,
    /// Comments, string literals' contents and dollar bodies: a text that can be searched for
    /// identifiers without matching inside text.
    CommentsAndStrings,
}

/// The statement with its comments blanked (newlines kept), MySQL executable comments kept as
/// code. Comments do not matter to the catalog, and MySQL `--comment` (no space) is not a
/// comment to sqlparser's tokenizer: blanking them is always safe. Every removed byte becomes
/// one space, so byte offsets in the result are offsets in `text`.
pub(crate) fn code_text(text: &str, dialect: SqlDialect, blank: Blank) -> Cow<'_, str> {
    let s = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while i < s.len() {
        let Some((lexeme, end)) = lex_at(s, i, dialect) else {
            i += 1;
            continue;
        };
        let end = floor_char_boundary(text, end.max(i + 1).min(s.len()));
        if lexeme == Lexeme::ExecComment {
            // MySQL runs the body of `/*!40101 … */`: unwrap it (blank the markers only).
            let mut open = i + 3;
            while open < end && s[open].is_ascii_digit() {
                open += 1;
            }
            let close = if end >= open + 2 && s[end - 2] == b'*' && s[end - 1] == b'/' {
                end - 2
            } else {
                end
            };
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..i]);
            buf.push_str(&" ".repeat(open - i));
            // The body is code: blank what it contains with the same rules.
            buf.push_str(&code_text(&text[open..close], dialect, blank));
            buf.push_str(&" ".repeat(end - close));
            copied = end;
            i = end;
            continue;
        }
        let range = match lexeme {
            Lexeme::LineComment { .. } | Lexeme::BlockComment => Some((i, end)),
            Lexeme::StringLit if blank == Blank::CommentsAndStrings && end > i + 1 => {
                // Keep the quotes, blank the contents.
                let close = if s[end - 1] == s[i] { end - 1 } else { end };
                Some((i + 1, close.max(i + 1)))
            }
            Lexeme::DollarBody if blank == Blank::CommentsAndStrings => Some((i, end)),
            _ => None,
        };
        if let Some((a, b)) = range {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..a]);
            for ch in text[a..b].chars() {
                if ch == '\n' || ch == '\r' {
                    buf.push(ch);
                } else {
                    for _ in 0..ch.len_utf8() {
                        buf.push(' ');
                    }
                }
            }
            copied = b;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str, d: SqlDialect) -> Vec<String> {
        split(sql, d).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn simple_statements_and_positions() {
        let sql = "CREATE TABLE a (id int);\n\n  ALTER TABLE a ADD b text;\nDROP TABLE a";
        let st = split(sql, SqlDialect::Postgres);
        assert_eq!(st.len(), 3);
        assert_eq!(st[0].text, "CREATE TABLE a (id int)");
        assert_eq!((st[0].line, st[0].column, st[0].start), (1, 1, 0));
        assert_eq!(st[1].text, "ALTER TABLE a ADD b text");
        assert_eq!((st[1].line, st[1].column), (3, 3));
        assert_eq!(&sql[st[1].start..st[1].start + 5], "ALTER");
        assert_eq!(st[2].text, "DROP TABLE a");
    }

    #[test]
    fn semicolons_inside_quotes_are_not_delimiters() {
        let sql = "INSERT INTO t VALUES ('a;b', 'it''s;');\nCREATE TABLE \"we;ird\" (x int);";
        assert_eq!(
            texts(sql, SqlDialect::Postgres),
            vec![
                "INSERT INTO t VALUES ('a;b', 'it''s;')",
                "CREATE TABLE \"we;ird\" (x int)"
            ]
        );
    }

    #[test]
    fn mysql_backslash_escapes_and_backticks() {
        let sql =
            "INSERT INTO t VALUES ('l\\'école; ok', \"a\\\";b\");\nCREATE TABLE `a;b` (x int);";
        assert_eq!(
            texts(sql, SqlDialect::Mysql),
            vec![
                "INSERT INTO t VALUES ('l\\'école; ok', \"a\\\";b\")",
                "CREATE TABLE `a;b` (x int)"
            ]
        );
        // In PostgreSQL a backslash is an ordinary char in a standard string...
        assert_eq!(
            texts("SELECT 'a\\'; SELECT 2;", SqlDialect::Postgres),
            vec!["SELECT 'a\\'", "SELECT 2"]
        );
        // ...but escapes in E'' strings.
        assert_eq!(
            texts("SELECT E'a\\';b'; SELECT 2;", SqlDialect::Postgres),
            vec!["SELECT E'a\\';b'", "SELECT 2"]
        );
    }

    #[test]
    fn dollar_quoted_bodies() {
        let sql = "DO $$ BEGIN ALTER TABLE a ADD b int; END $$;\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $$ not the end $$; $body$ LANGUAGE sql;\nSELECT $1, a$b$c FROM t;";
        let st = texts(sql, SqlDialect::Postgres);
        assert_eq!(st.len(), 3, "{st:?}");
        assert!(st[0].starts_with("DO $$") && st[0].ends_with("END $$"));
        assert!(st[1].ends_with("LANGUAGE sql"));
        assert_eq!(st[2], "SELECT $1, a$b$c FROM t");
    }

    #[test]
    fn comments_are_skipped_and_collected_above() {
        let sql = "-- header\n\n-- vigie-ignore: sensitive-column\n-- reason: waiver\nALTER TABLE a ADD religion text; -- trailing\nALTER TABLE b ADD c int;\n/* block; with ; */ CREATE TABLE c (x int /* ; */);";
        let st = split(sql, SqlDialect::Postgres);
        assert_eq!(st.len(), 3);
        assert_eq!(
            st[0].comments_before,
            vec![
                (3, "vigie-ignore: sensitive-column".to_string()),
                (4, "reason: waiver".to_string())
            ]
        );
        assert!(
            st[1].comments_before.is_empty(),
            "a trailing comment is not above the next"
        );
        assert_eq!(st[2].text, "CREATE TABLE c (x int /* ; */)");
        assert_eq!((st[2].line, st[2].column), (7, 21));
    }

    #[test]
    fn mysql_comments_hash_and_no_space_dashes() {
        let sql =
            "--comment without space; still a comment\n# hash; comment\nCREATE TABLE a (x int);";
        let st = split(sql, SqlDialect::Mysql);
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].text, "CREATE TABLE a (x int)");
        assert_eq!(st[0].comments_before.len(), 2);
        assert_eq!(
            st[0].comments_before[0].1,
            "comment without space; still a comment"
        );
    }

    #[test]
    fn mysql_executable_comments_are_statements() {
        let sql = "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/* plain */\nCREATE TABLE a (x int) /*!50100 PARTITION BY HASH(x) */;";
        let st = texts(sql, SqlDialect::Mysql);
        assert_eq!(
            st,
            vec![
                "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                "CREATE TABLE a (x int) /*!50100 PARTITION BY HASH(x) */"
            ]
        );
    }

    #[test]
    fn mysql_delimiter_blocks() {
        let sql = "DELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = 2; END//\nDELIMITER ;\nCREATE TABLE b (x int);\ndelimiter $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;";
        let st = split(sql, SqlDialect::Mysql);
        let t: Vec<_> = st.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            t,
            vec![
                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = 2; END",
                "CREATE TABLE b (x int)",
                "CREATE PROCEDURE p() BEGIN SELECT 1; END"
            ]
        );
        assert_eq!(st[1].line, 4);
    }

    #[test]
    fn mysql_statements_before_a_routine_in_a_delimiter_block() {
        let sql = "DELIMITER $$\nDROP PROCEDURE IF EXISTS p; -- gone\nSET @a = 1;\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END $$\nBEGIN NOT ATOMIC SELECT 1; END $$\nDELIMITER ;";
        let st = split(sql, SqlDialect::Mysql);
        let t: Vec<_> = st.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            t,
            vec![
                "DROP PROCEDURE IF EXISTS p",
                "SET @a = 1",
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
                "BEGIN NOT ATOMIC SELECT 1; END"
            ]
        );
        assert_eq!((st[1].line, st[2].line), (3, 4));
    }

    #[test]
    fn unterminated_input_is_one_statement() {
        let sql = "CREATE TABLE a (x int);\nINSERT INTO a VALUES ('never closed; CREATE TABLE b (y int);\n";
        let st = texts(sql, SqlDialect::Postgres);
        assert_eq!(st.len(), 2);
        assert!(st[1].starts_with("INSERT") && st[1].contains("CREATE TABLE b"));
        assert_eq!(
            texts("DO $$ BEGIN; ", SqlDialect::Postgres),
            vec!["DO $$ BEGIN;"]
        );
        assert!(
            texts(
                "/* never closed; CREATE TABLE x (a int);",
                SqlDialect::Postgres
            )
            .is_empty()
        );
        assert_eq!(
            texts("SELECT \"abc; x", SqlDialect::Postgres),
            vec!["SELECT \"abc; x"]
        );
        assert_eq!(texts("SELECT 1 --", SqlDialect::Mysql), vec!["SELECT 1 --"]);
    }

    #[test]
    fn psql_meta_commands_are_skipped() {
        let sql = "\\restrict abc123\n\nSET statement_timeout = 0;\n\\unrestrict abc123\n";
        assert_eq!(
            texts(sql, SqlDialect::Postgres),
            vec!["SET statement_timeout = 0"]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for sql in [
            "",
            ";",
            ";;;",
            "'",
            "\"",
            "`",
            "$",
            "$$",
            "$a",
            "$a$",
            "/*",
            "*/",
            "--",
            "#",
            "-",
            "é",
            "DELIMITER",
            "DELIMITER ",
            "DELIMITER\n",
            "'é",
            "$é$ x $é$;",
            "E'\\",
            "/*!",
        ] {
            for d in [SqlDialect::Postgres, SqlDialect::Mysql, SqlDialect::Sqlite] {
                let _ = split(sql, d);
                let _ = code_text(sql, d, Blank::Comments);
                let _ = code_text(sql, d, Blank::CommentsAndStrings);
            }
        }
    }

    #[test]
    fn code_text_blanks_comments_and_keeps_positions() {
        let t = "a -- é;\nb /* x\ny */ c --d";
        let c = code_text(t, SqlDialect::Mysql, Blank::Comments);
        assert_eq!(c, "a       \nb     \n     c    ");
        assert_eq!(c.len(), t.len());
        let t = "x 'é;b' /*!40101 y 'z' */";
        let c = code_text(t, SqlDialect::Mysql, Blank::CommentsAndStrings);
        assert_eq!(c.len(), t.len());
        assert_eq!(c, "x '    '          y ' '   ");
    }

    #[test]
    fn down_sections_are_not_the_up_part() {
        let goose = "-- +goose Up\nCREATE TABLE v (id int);\n-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE v;\n";
        let n = up_part_len(goose, SqlDialect::Postgres);
        assert!(
            goose[..n].ends_with("StatementEnd\n\n"),
            "{:?}",
            &goose[..n]
        );
        let sql_migrate =
            "-- +migrate Up\nALTER TABLE v ADD x int;\n--  +migrate   down\nALTER TABLE v DROP x;";
        assert_eq!(
            &sql_migrate[..up_part_len(sql_migrate, SqlDialect::Mysql)],
            "-- +migrate Up\nALTER TABLE v ADD x int;\n"
        );
        let dbmate = "-- migrate:up\nCREATE TABLE v (id int);\n\n-- migrate:down\nDROP TABLE v;\n";
        assert_eq!(up_part_len(dbmate, SqlDialect::Sqlite), 40);
        // Not a marker: inside a string or a body, or a comment that only mentions it.
        for sql in [
            "INSERT INTO t VALUES ('\n-- +goose Down\n');",
            "DO $$\n-- +goose Down\nBEGIN END $$;",
            "-- see the +goose Down section of 0003\nSELECT 1;",
        ] {
            assert_eq!(up_part_len(sql, SqlDialect::Postgres), sql.len(), "{sql}");
        }
    }

    #[test]
    fn line_index_positions() {
        let t = "ab\néé x\n";
        let idx = LineIndex::new(t);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(8), (2, 4));
        assert_eq!(idx.position(t.len()), (3, 1));
    }
}
