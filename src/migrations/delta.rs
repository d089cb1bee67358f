//! Parses a migration file into a catalog delta: the tables and columns it creates, changes and
//! drops, each with its position in the file.
//!
//! Every statement from [`split`] is parsed on its own with the matching sqlparser dialect.
//! Before parsing, comments are blanked (byte offsets kept) because MySQL `--comment` with no space
//! is not a comment to sqlparser; the MySQL `BINARY` and `ZEROFILL` column attributes are blanked too. When
//! sqlparser rejects a statement, three fallbacks keep what matters to a GDPR gate visible:
//! - `DO $$ … $$` (PostgreSQL): the static `ALTER TABLE` / `CREATE TABLE` / `COMMENT ON`
//!   statements inside the body are parsed one by one (idempotent migrations wrap
//!   `ADD COLUMN` in `DO` blocks);
//! - `ALTER TABLE`: each comma-separated operation is parsed alone; MySQL table options that
//!   sqlparser does not know (`ENGINE=`, `CONVERT TO CHARACTER SET`, `DISABLE KEYS`, …) are
//!   recognised as harmless, and `COMMENT = '…'` becomes a table comment;
//! - `CREATE TABLE`: each column or constraint is parsed alone, so one odd column does not hide
//!   the `religion TEXT` next to it;
//! - SQLite `CREATE TABLE` / `ADD COLUMN`: a type name of several words (`BLOB SUB_TYPE TEXT`),
//!   which SQLite accepts and sqlparser does not, is read with its words joined, then restored;
//! - stored routines (`CREATE [DEFINER=…] PROCEDURE | FUNCTION | TRIGGER | EVENT`, with
//!   characteristics such as `SQL SECURITY INVOKER` or `READS SQL DATA`, or PostgreSQL `COST`):
//!   creating one changes no table, so it is recognised by its head; the static table DDL in its
//!   body is read as for `DO` blocks, parsed by sqlparser or not;
//! - statements that tools emit routinely and that cannot reach a column (pg_dump's sequences,
//!   `CREATE INDEX … ON ONLY`, `OWNER TO`, `SET CONSTRAINTS`, SQLite `PRAGMA foreign_keys=OFF`,
//!   accounts and privileges such as `CREATE USER 'app'@'%' IDENTIFIED BY …` or `ALTER DEFAULT
//!   PRIVILEGES`…) are recognised by their leading keywords and cost nothing, and their text
//!   (a password) appears in no message (see `routine_statement`).
//!
//! What still fails becomes a [`SyntaxError`] with its position in the file, and costs only
//! itself. [`SyntaxError::may_change_catalog`] tells a failure that could hide a table or column
//! change from one that cannot (`CREATE SEQUENCE`, `CREATE INDEX`, `SET`, …).

use std::sync::LazyLock;

use regex::Regex;
use sqlparser::ast::{
    AlterColumnOperation, AlterTableOperation, ColumnDef, ColumnOption, CommentDef, CommentObject,
    CreateTableOptions, Expr, Ident, ObjectName, ObjectType, RenameTableNameKind, SqlOption,
    Statement, TableConstraint,
};
use sqlparser::dialect::{Dialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::{Parser, ParserError};

use super::split::{
    Blank, Lexeme, LineIndex, ROUTINE_HEAD, RawStatement, SqlDialect, code_text, lex_at, split,
};
use crate::catalog::{Column, Table};

/// A change to the catalog made by a migration statement.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Change {
    /// `CREATE TABLE`. Columns carry their type as written (sqlparser's rendering), nullability,
    /// default as SQL text and MySQL inline `COMMENT`. `CREATE TABLE … AS SELECT` and
    /// `CREATE TABLE … (LIKE …)` give a table with no known columns.
    CreateTable {
        table: Table,
        if_not_exists: bool,
    },
    DropTable {
        name: String,
    },
    RenameTable {
        from: String,
        to: String,
    },
    AddColumn {
        table: String,
        column: Column,
    },
    DropColumn {
        table: String,
        column: String,
    },
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    AlterColumnType {
        table: String,
        column: String,
        data_type: String,
    },
    SetDefault {
        table: String,
        column: String,
        default: Option<String>,
    },
    SetNotNull {
        table: String,
        column: String,
        not_null: bool,
    },
    CommentOnColumn {
        table: String,
        column: String,
        comment: Option<String>,
    },
    CommentOnTable {
        table: String,
        comment: Option<String>,
    },
    /// `ALTER TABLE … ADD [CONSTRAINT …] PRIMARY KEY (…)` (pg_dump's way) or MySQL
    /// `DROP PRIMARY KEY` (empty `columns`).
    SetPrimaryKey {
        table: String,
        columns: Vec<String>,
    },
}

impl Change {
    /// The (unqualified) table the change is about; for a rename, the new name.
    pub fn table(&self) -> &str {
        match self {
            Change::CreateTable { table, .. } => &table.name,
            Change::DropTable { name } => name,
            Change::RenameTable { to, .. } => to,
            Change::AddColumn { table, .. }
            | Change::DropColumn { table, .. }
            | Change::RenameColumn { table, .. }
            | Change::AlterColumnType { table, .. }
            | Change::SetDefault { table, .. }
            | Change::SetNotNull { table, .. }
            | Change::CommentOnColumn { table, .. }
            | Change::CommentOnTable { table, .. }
            | Change::SetPrimaryKey { table, .. } => table,
        }
    }
}

/// Where a column definition sits in the file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColumnSpan {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

/// A value with its position in the file: the statement's, or better the column definition's
/// when the change is about one column and its name was found in the statement text.
/// `line`/`column` are 1-based (column in chars); `start`/`end` are byte offsets.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Located<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    /// For `CreateTable`: where each column is defined, in column order (a column whose name
    /// could not be found in the text is missing). For column-level changes: the one column.
    pub column_spans: Vec<ColumnSpan>,
    /// The `--` comments directly above the statement (see [`RawStatement::comments_before`]),
    /// for inline ignores such as `-- vigie-ignore: sensitive-column`.
    pub comments_before: Vec<(usize, String)>,
}

/// A statement (or part of one) that sqlparser could not parse.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SyntaxError {
    /// sqlparser's message without its position suffix.
    pub message: String,
    /// 1-based line and column (in chars) of the error in the file.
    pub line: usize,
    pub column: usize,
    /// Byte offset of the error in the file.
    pub start: usize,
    /// 1-based line where the failing statement starts, and its byte offset.
    pub statement_line: usize,
    pub statement_start: usize,
    /// Whether the failing statement could create, alter or drop a table or column (CREATE
    /// TABLE, ALTER TABLE, COMMENT ON COLUMN, DO, or an unknown statement). A gate should report
    /// these as unverified; the others (CREATE SEQUENCE, CREATE INDEX, SET…) cannot hide a
    /// personal-data column.
    pub may_change_catalog: bool,
}

/// The result of parsing one migration file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ParsedFile {
    pub changes: Vec<Located<Change>>,
    pub errors: Vec<SyntaxError>,
    /// Number of statements in the file.
    pub statements: usize,
    /// Statements that sqlparser rejected as a whole but that a fallback recovered completely
    /// (DO blocks, ALTER TABLE with unsupported options, CREATE TABLE with one odd column…).
    pub recovered: usize,
    /// Statements with at least one syntax error left.
    pub failed: usize,
}

/// Parses a migration file. Never fails: statements that do not parse become [`SyntaxError`]s.
pub fn parse_file(sql: &str, dialect: SqlDialect) -> ParsedFile {
    let index = LineIndex::new(sql);
    let parser_dialect: Box<dyn Dialect> = match dialect {
        SqlDialect::Postgres => Box::new(PostgreSqlDialect {}),
        SqlDialect::Mysql => Box::new(MySqlDialect {}),
        SqlDialect::Sqlite => Box::new(SQLiteDialect {}),
    };
    let mut out = ParsedFile::default();
    for stmt in split(sql, dialect) {
        out.statements += 1;
        let errors_before = out.errors.len();
        let mut ctx = StmtCtx {
            stmt: &stmt,
            index: &index,
            dialect,
            parser: parser_dialect.as_ref(),
            mask: None,
            cursor: 0,
            base: 0,
            end: stmt.text.len(),
            out: &mut out,
        };
        let recovered = ctx.process();
        if out.errors.len() > errors_before {
            out.failed += 1;
        } else if recovered {
            out.recovered += 1;
        }
    }
    // An unclosed comment, string, body or DELIMITER swallows every statement after it: the
    // gate must say so rather than pass a file it did not read.
    if let Some((at, what)) = super::split::unterminated(sql, dialect) {
        let (line, column) = index.position(at);
        out.errors.push(SyntaxError {
            message: format!("{what}: the rest of the file from here is not read"),
            line,
            column,
            start: at,
            statement_line: line,
            statement_start: at,
            may_change_catalog: true,
        });
    }
    out
}

static POSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" at Line: (\d+), Column: (\d+)").expect("valid regex"));

static MYSQL_BINARY_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:var)?char\s*\(\s*\d+\s*\)\s+(binary)\b|\b(?:tiny|medium|long)?text\s+(binary)\b",
    )
    .expect("valid regex")
});

/// MySQL's `ZEROFILL` after a numeric type (`int(10) unsigned zerofill`, as mysqldump writes
/// it): a display attribute sqlparser does not know, and which says nothing the gate reads.
static MYSQL_ZEROFILL_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|dec|fixed|float|double|real)\b\s*(?:\(\s*[\d\s,]*\))?(?:\s+(?:un)?signed)?\s+(zerofill)\b",
    )
    .expect("valid regex")
});

const NAME: &str = r#"(?:`[^`]*`|"[^"]*"|[\w$]+)(?:\s*\.\s*(?:`[^`]*`|"[^"]*"|[\w$]+))*"#;

static ALTER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?is)^\s*ALTER\s+(?:ONLINE\s+|IGNORE\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?({NAME})\s*\*?"
    ))
    .expect("valid regex")
});

static CREATE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?is)^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(IF\s+NOT\s+EXISTS\s+)?({NAME})\s*\("
    ))
    .expect("valid regex")
});

static HARMLESS_ALTER_OP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)^(?:ENGINE|(?:DEFAULT\s+)?(?:CHARSET|CHARACTER\s+SET|COLLATE)|CONVERT\s+TO|DISABLE\s+KEYS|ENABLE\s+KEYS|AUTO_INCREMENT|ROW_FORMAT|ALGORITHM|LOCK|FORCE|KEY_BLOCK_SIZE|STATS_\w+|PACK_KEYS|CHECKSUM|DELAY_KEY_WRITE|AVG_ROW_LENGTH|MAX_ROWS|MIN_ROWS|ORDER\s+BY|SET\s+WITH\s+OIDS|SET\s+WITHOUT\s+(?:OIDS|CLUSTER)|SET\s+TABLESPACE|SET\s+ACCESS\s+METHOD|NO\s+INHERIT|INHERIT|CLUSTER\s+ON|ATTACH\s+PARTITION|DETACH\s+PARTITION|ADD\s+(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?(?:INDEX|KEY)|DROP\s+(?:INDEX|KEY|FOREIGN\s+KEY|CONSTRAINT|CHECK)|ANALYZE\s+PARTITION|OPTIMIZE\s+PARTITION|REBUILD\s+PARTITION|PARTITION\s+BY|REMOVE\s+PARTITIONING|COALESCE\s+PARTITION|TRUNCATE\s+PARTITION|DISCARD\s+TABLESPACE|IMPORT\s+TABLESPACE|ALTER\s+(?:COLUMN\s+)?[\w`"]+\s+SET\s+(?:STATISTICS|STORAGE|COMPRESSION)|ALTER\s+(?:COLUMN\s+)?[\w`"]+\s+(?:ADD\s+GENERATED|SET\s+GENERATED|DROP\s+IDENTITY|RESTART)|RENAME\s+(?:INDEX|KEY)|ALTER\s+INDEX)\b"#,
    )
    .expect("valid regex")
});

static TABLE_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)(?:^|\s)COMMENT\s*(?:=\s*)?'((?:[^'\\]|\\.|'')*)'").expect("valid regex")
});

static ADD_COLUMN_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)^ADD\s+(?:COLUMN\s+)?\(").expect("valid regex"));

static DDL_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)\b(?:ALTER\s+TABLE|CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE|DROP\s+TABLE|COMMENT\s+ON\s+(?:COLUMN|TABLE))\b")
        .expect("valid regex")
});

static EXECUTE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bEXECUTE\b").expect("valid regex"));

/// Per-statement state: positions, the searchable mask, and where the output goes.
struct StmtCtx<'a> {
    stmt: &'a RawStatement,
    index: &'a LineIndex<'a>,
    dialect: SqlDialect,
    parser: &'a dyn Dialect,
    /// Statement text with comments and string contents blanked, ASCII-lowercased: byte offsets
    /// equal the statement's. Built on first use.
    mask: Option<String>,
    /// Where the next column-name search starts (byte offset in the statement).
    cursor: usize,
    /// Range of the (sub-)statement being extracted: the whole statement, or one DDL statement
    /// inside a DO block.
    base: usize,
    end: usize,
    out: &'a mut ParsedFile,
}

impl StmtCtx<'_> {
    /// Parses the statement; returns true when sqlparser rejected it but a fallback recovered.
    fn process(&mut self) -> bool {
        let mut code = code_text(&self.stmt.text, self.dialect, Blank::Comments).into_owned();
        if self.dialect == SqlDialect::Mysql {
            blank_binary_attribute(&mut code);
        }
        match Parser::parse_sql(self.parser, &code) {
            Ok(statements) => {
                for st in &statements {
                    self.extract(st);
                }
                if statements.iter().any(|st| {
                    matches!(
                        st,
                        Statement::CreateFunction(_)
                            | Statement::CreateProcedure { .. }
                            | Statement::CreateTrigger(_)
                    )
                }) {
                    // Parsed or not, a routine's body is read the same way.
                    self.routine(&code);
                }
                false
            }
            Err(err) => {
                let words = leading_words(&code);
                let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
                if self.dialect == SqlDialect::Postgres && w(0) == "DO" {
                    self.do_block(&code);
                } else if w(0) == "ALTER" && w(1) == "TABLE" {
                    self.alter_ops(&code, err);
                } else if w(0) == "CREATE" && CREATE_HEAD.is_match(self.mask()) {
                    self.create_elements(&code, err);
                } else if let Some(head) = ROUTINE_HEAD.captures(&code) {
                    // sqlparser reads few routine forms (no MySQL `CREATE FUNCTION`, no
                    // characteristics such as `SQL SECURITY INVOKER` or `READS SQL DATA`, no
                    // PostgreSQL `COST`): recognised by its head, its body read for DDL.
                    if !head[1].eq_ignore_ascii_case("VIEW") {
                        self.routine(&code);
                    }
                } else if routine_statement(&words, self.mask()) {
                    // Recognised: nothing in it can reach a table's columns.
                } else {
                    self.push_error(&err, &code, may_change_catalog(&words));
                }
                true
            }
        }
    }

    fn mask(&mut self) -> &str {
        if self.mask.is_none() {
            let mut m =
                code_text(&self.stmt.text, self.dialect, Blank::CommentsAndStrings).into_owned();
            m.make_ascii_lowercase();
            self.mask = Some(m);
        }
        self.mask.as_deref().unwrap_or_default()
    }

    /// Records a parser error. `input` is what was parsed: a text whose byte offsets are the
    /// statement's (blanking is byte for byte), so the parser's (line, char column) becomes an
    /// offset in the statement.
    fn push_error(&mut self, err: &ParserError, input: &str, may_change_catalog: bool) {
        let text = err.to_string();
        let text = text.strip_prefix("sql parser error: ").unwrap_or(&text);
        let (message, rel) = match POSITION.captures(text) {
            Some(c) => {
                let line: usize = c[1].parse().unwrap_or(1);
                let col: usize = c[2].parse().unwrap_or(1);
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let message = format!("{}{}", &text[..whole.start], &text[whole.end..]);
                let rel = offset_of(input, line, col);
                let rel = super::split::floor_char_boundary(&self.stmt.text, rel);
                (message, rel)
            }
            None => (text.to_string(), self.base),
        };
        self.push_error_at(message, rel, may_change_catalog);
    }

    fn push_error_at(&mut self, message: String, rel: usize, may_change_catalog: bool) {
        let start = self.stmt.start + rel.min(self.stmt.text.len());
        let (line, column) = self.index.position(start);
        self.out.errors.push(SyntaxError {
            message,
            line,
            column,
            start,
            statement_line: self.stmt.line,
            statement_start: self.stmt.start,
            may_change_catalog,
        });
    }

    /// Located at the (sub-)statement.
    fn at_statement(&self, value: Change) -> Located<Change> {
        let start = self.stmt.start + self.base;
        let (line, column) = self.index.position(start);
        Located {
            value,
            line,
            column,
            start,
            end: self.stmt.start + self.end,
            column_spans: Vec::new(),
            comments_before: Vec::new(),
        }
    }

    /// Located at the column named `name` (searched from the cursor), else at the statement.
    fn at_column(&mut self, value: Change, name: &str) -> Located<Change> {
        match self.find_column(name) {
            Some(span) => Located {
                value,
                line: span.line,
                column: span.column,
                start: span.start,
                end: span.end,
                column_spans: vec![span],
                comments_before: Vec::new(),
            },
            None => self.at_statement(value),
        }
    }

    /// Finds the column name as a whole word (quoted or not) from the cursor, outside comments
    /// and strings; its span runs to the end of its definition (next top-level `,` or `)`).
    fn find_column(&mut self, name: &str) -> Option<ColumnSpan> {
        let needle = name.to_ascii_lowercase();
        if needle.is_empty() {
            return None;
        }
        let (cursor, end_limit) = (self.cursor, self.end);
        let mask = self.mask();
        let bytes = mask.as_bytes();
        let mut from = cursor.min(end_limit);
        let pos = loop {
            let rel = mask.get(from..end_limit)?.find(&needle)?;
            let p = from + rel;
            let before_ok = p == 0 || !is_word_byte(bytes[p - 1]);
            let after = p + needle.len();
            let after_ok = after >= bytes.len() || !is_word_byte(bytes[after]);
            if before_ok && after_ok {
                break p;
            }
            from = p + 1;
            while from < bytes.len() && !mask.is_char_boundary(from) {
                from += 1;
            }
        };
        // End of the definition.
        let mut depth = 0i32;
        let mut e = pos + needle.len();
        while e < end_limit {
            match bytes[e] {
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b',' if depth == 0 => break,
                _ => {}
            }
            e += 1;
        }
        let def_end = pos + mask[pos..e].trim_end().len();
        self.cursor = pos + needle.len();
        let start = self.stmt.start + pos;
        let (line, column) = self.index.position(start);
        Some(ColumnSpan {
            name: name.to_string(),
            line,
            column,
            start,
            end: self.stmt.start + def_end,
        })
    }

    /// Moves the cursor past the first occurrence of the table name, so that a column search
    /// does not match the table name itself.
    fn skip_table_name(&mut self, table: &str) {
        self.cursor = self.base;
        if let Some(span) = self.find_column(table) {
            self.cursor = span.start - self.stmt.start + table.len();
        } else {
            self.cursor = self.base;
        }
    }

    fn push(&mut self, mut located: Located<Change>) {
        located.comments_before = self.stmt.comments_before.clone();
        self.out.changes.push(located);
    }

    fn extract(&mut self, st: &Statement) {
        match st {
            Statement::CreateTable(ct) => {
                let (schema, name) = split_name(&ct.name);
                let mut table = Table {
                    schema,
                    name: name.clone(),
                    ..Table::default()
                };
                for def in &ct.columns {
                    let (column, pk) = column_from_def(def);
                    if pk {
                        table.primary_key.push(column.name.clone());
                    }
                    table.columns.push(column);
                }
                for c in &ct.constraints {
                    if let TableConstraint::PrimaryKey(pk) = c {
                        table.primary_key = pk
                            .columns
                            .iter()
                            .map(|ic| expr_name(&ic.column.expr))
                            .collect();
                    }
                }
                table.comment = ct
                    .comment
                    .as_ref()
                    .map(comment_text)
                    .or_else(|| options_comment(&ct.table_options));
                self.emit_create(table, ct.if_not_exists);
            }
            Statement::AlterTable(at) => {
                let (_, table) = split_name(&at.name);
                self.skip_table_name(&table);
                for op in &at.operations {
                    self.alter_op(&table, op);
                }
            }
            Statement::Drop {
                object_type: ObjectType::Table,
                names,
                ..
            } => {
                for n in names {
                    let name = split_name(n).1;
                    let loc = self.at_statement(Change::DropTable { name });
                    self.push(loc);
                }
            }
            Statement::RenameTable(renames) => {
                for r in renames {
                    let from = split_name(&r.old_name).1;
                    let to = split_name(&r.new_name).1;
                    let loc = self.at_statement(Change::RenameTable { from, to });
                    self.push(loc);
                }
            }
            Statement::Comment {
                object_type,
                object_name,
                comment,
                ..
            } => {
                let parts = name_parts(object_name);
                let n = parts.len();
                let change = match object_type {
                    CommentObject::Column if n >= 2 => Change::CommentOnColumn {
                        table: parts[n - 2].clone(),
                        column: parts[n - 1].clone(),
                        comment: comment.clone(),
                    },
                    CommentObject::Table if n >= 1 => Change::CommentOnTable {
                        table: parts[n - 1].clone(),
                        comment: comment.clone(),
                    },
                    _ => return,
                };
                let loc = self.at_statement(change);
                self.push(loc);
            }
            _ => {}
        }
    }

    fn emit_create(&mut self, table: Table, if_not_exists: bool) {
        self.skip_table_name(&table.name);
        let cursor = self.cursor;
        let end = self.end;
        let mask = self.mask().to_string();
        let spans = match mask.get(cursor..end).and_then(|m| m.find('(')) {
            Some(open) => {
                // Each column is the element of the list that starts with its name, so that a
                // name used in another column's expression is not mistaken for its definition.
                let open = cursor + open + 1;
                let close = matching_paren(&mask, open).unwrap_or(end).min(end);
                let items = top_level_items(&mask, open, close);
                let mut next = 0;
                let mut spans = Vec::new();
                for c in &table.columns {
                    let needle = c.name.to_ascii_lowercase();
                    if let Some(j) = (next..items.len())
                        .find(|&j| leading_ident(&mask[items[j].0..items[j].1]) == needle)
                    {
                        next = j + 1;
                        spans.push(self.span(&c.name, items[j].0, items[j].1));
                    }
                }
                spans
            }
            None => Vec::new(),
        };
        let mut loc = self.at_statement(Change::CreateTable {
            table,
            if_not_exists,
        });
        loc.column_spans = spans;
        self.push(loc);
    }

    /// The span of statement bytes `a..b`.
    fn span(&self, name: &str, a: usize, b: usize) -> ColumnSpan {
        let start = self.stmt.start + a;
        let (line, column) = self.index.position(start);
        ColumnSpan {
            name: name.to_string(),
            line,
            column,
            start,
            end: self.stmt.start + b,
        }
    }

    fn alter_op(&mut self, table: &str, op: &AlterTableOperation) {
        let t = || table.to_string();
        match op {
            AlterTableOperation::AddColumn { column_def, .. } => {
                let (column, pk) = column_from_def(column_def);
                let name = column.name.clone();
                let loc = self.at_column(Change::AddColumn { table: t(), column }, &name);
                let span = loc.clone();
                self.push(loc);
                if pk {
                    let mut pk_loc = span;
                    pk_loc.value = Change::SetPrimaryKey {
                        table: t(),
                        columns: vec![name],
                    };
                    self.push(pk_loc);
                }
            }
            AlterTableOperation::DropColumn { column_names, .. } => {
                for c in column_names {
                    let column = ident_name(c);
                    let loc = self.at_column(
                        Change::DropColumn {
                            table: t(),
                            column: column.clone(),
                        },
                        &column,
                    );
                    self.push(loc);
                }
            }
            AlterTableOperation::RenameColumn {
                old_column_name,
                new_column_name,
            } => {
                let from = ident_name(old_column_name);
                let to = ident_name(new_column_name);
                let loc = self.at_column(
                    Change::RenameColumn {
                        table: t(),
                        from: from.clone(),
                        to,
                    },
                    &from,
                );
                self.push(loc);
            }
            AlterTableOperation::RenameTable { table_name } => {
                let to = match table_name {
                    RenameTableNameKind::As(n) | RenameTableNameKind::To(n) => split_name(n).1,
                };
                let loc = self.at_statement(Change::RenameTable { from: t(), to });
                self.push(loc);
            }
            AlterTableOperation::ChangeColumn {
                old_name,
                new_name,
                data_type,
                options,
                ..
            } => {
                let from = ident_name(old_name);
                let to = ident_name(new_name);
                let base = self.at_column(
                    Change::DropTable {
                        name: String::new(),
                    },
                    &from,
                );
                if from != to {
                    self.push(Located {
                        value: Change::RenameColumn {
                            table: t(),
                            from,
                            to: to.clone(),
                        },
                        ..base.clone()
                    });
                }
                self.redefine(table, &to, data_type.to_string(), options, &base);
            }
            AlterTableOperation::ModifyColumn {
                col_name,
                data_type,
                options,
                ..
            } => {
                let name = ident_name(col_name);
                let base = self.at_column(
                    Change::DropTable {
                        name: String::new(),
                    },
                    &name,
                );
                self.redefine(table, &name, data_type.to_string(), options, &base);
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                let column = ident_name(column_name);
                let c = column.clone();
                let change = match op {
                    AlterColumnOperation::SetNotNull => Change::SetNotNull {
                        table: t(),
                        column: c,
                        not_null: true,
                    },
                    AlterColumnOperation::DropNotNull => Change::SetNotNull {
                        table: t(),
                        column: c,
                        not_null: false,
                    },
                    AlterColumnOperation::SetDefault { value } => Change::SetDefault {
                        table: t(),
                        column: c,
                        default: Some(value.to_string()),
                    },
                    AlterColumnOperation::DropDefault => Change::SetDefault {
                        table: t(),
                        column: c,
                        default: None,
                    },
                    AlterColumnOperation::SetDataType { data_type, .. } => {
                        Change::AlterColumnType {
                            table: t(),
                            column: c,
                            data_type: data_type.to_string(),
                        }
                    }
                    AlterColumnOperation::AddGenerated { .. } => return,
                };
                let loc = self.at_column(change, &column);
                self.push(loc);
            }
            AlterTableOperation::AddConstraint {
                constraint: TableConstraint::PrimaryKey(pk),
                ..
            } => {
                let columns = pk
                    .columns
                    .iter()
                    .map(|ic| expr_name(&ic.column.expr))
                    .collect();
                let loc = self.at_statement(Change::SetPrimaryKey {
                    table: t(),
                    columns,
                });
                self.push(loc);
            }
            AlterTableOperation::DropPrimaryKey { .. } => {
                let loc = self.at_statement(Change::SetPrimaryKey {
                    table: t(),
                    columns: Vec::new(),
                });
                self.push(loc);
            }
            _ => {}
        }
    }

    /// MySQL `MODIFY` / `CHANGE`: the column is redefined whole, so nullability, default and
    /// comment not restated are reset.
    fn redefine(
        &mut self,
        table: &str,
        column: &str,
        data_type: String,
        options: &[ColumnOption],
        at: &Located<Change>,
    ) {
        let mut not_null = false;
        let mut default = None;
        let mut comment = None;
        for o in options {
            match o {
                ColumnOption::NotNull | ColumnOption::PrimaryKey(_) => not_null = true,
                ColumnOption::Null => not_null = false,
                ColumnOption::Default(e) => default = Some(e.to_string()),
                ColumnOption::Comment(c) => comment = Some(c.clone()),
                _ => {}
            }
        }
        let (table, column) = (table.to_string(), column.to_string());
        for value in [
            Change::AlterColumnType {
                table: table.clone(),
                column: column.clone(),
                data_type,
            },
            Change::SetNotNull {
                table: table.clone(),
                column: column.clone(),
                not_null,
            },
            Change::SetDefault {
                table: table.clone(),
                column: column.clone(),
                default,
            },
            Change::CommentOnColumn {
                table,
                column,
                comment,
            },
        ] {
            self.push(Located {
                value,
                ..at.clone()
            });
        }
    }

    /// `DO $$ … $$`: parse the static table DDL inside the body.
    fn do_block(&mut self, code: &str) {
        let Some((bs, be)) = dollar_body(code) else {
            self.push_error_at("DO block without a dollar-quoted body".into(), 0, true);
            return;
        };
        let found = self.body_ddl(code, bs, be);
        if !found && EXECUTE_WORD.is_match(self.mask()) {
            self.push_error_at(
                "DO block runs dynamic SQL (EXECUTE) that cannot be analysed".into(),
                0,
                true,
            );
        }
    }

    /// A stored routine (`CREATE PROCEDURE`, `FUNCTION`, `TRIGGER`, `EVENT`): creating it changes
    /// no table, but what its body runs may, when it is called. The static table DDL in the body
    /// is read as if it ran (a gate would rather see a column a routine may add than miss it);
    /// the rest of the body (DML, control flow, characteristics such as `SQL SECURITY INVOKER`
    /// or `READS SQL DATA`) says nothing about the catalog. PostgreSQL bodies are dollar-quoted;
    /// a MySQL body is the statement itself (the splitter keeps `DELIMITER //` blocks whole); a
    /// body in a plain string is not read.
    fn routine(&mut self, code: &str) {
        let body = match self.dialect {
            SqlDialect::Postgres => dollar_body(code),
            SqlDialect::Mysql | SqlDialect::Sqlite => Some((0, code.len())),
        };
        if let Some((bs, be)) = body {
            self.body_ddl(code, bs, be);
        }
    }

    /// Parses the static `ALTER TABLE` / `CREATE TABLE` / `DROP TABLE` / `COMMENT ON` statements
    /// found in `code[bs..be]` (a routine or `DO` body) one by one; returns whether any was found.
    fn body_ddl(&mut self, code: &str, bs: usize, be: usize) -> bool {
        if self.dialect == SqlDialect::Postgres && (bs, be) != (0, code.len()) {
            // The statement mask blanks dollar bodies; here the body is code: mask it as such.
            let mut mask = self.mask().to_string();
            let mut inner = code_text(
                &self.stmt.text[bs..be],
                self.dialect,
                Blank::CommentsAndStrings,
            )
            .into_owned();
            inner.make_ascii_lowercase();
            mask.replace_range(bs..be, &inner);
            self.mask = Some(mask);
        }
        let mut found = false;
        for piece in split(&code[bs..be], self.dialect) {
            let piece_mask = code_text(&piece.text, self.dialect, Blank::CommentsAndStrings);
            let Some(m) = DDL_START.find(&piece_mask) else {
                continue;
            };
            found = true;
            let from = bs + piece.start + m.start();
            let to = bs + piece.start + piece.text.len();
            let mut input = blank(&code[..from]);
            input.push_str(&code[from..to]);
            self.base = from;
            self.end = to;
            match Parser::parse_sql(self.parser, &input) {
                Ok(statements) => {
                    for st in &statements {
                        self.extract(st);
                    }
                }
                Err(err) => self.push_error(&err, &input, true),
            }
        }
        self.base = 0;
        self.end = self.stmt.text.len();
        found
    }

    /// `ALTER TABLE` rejected as a whole: parse each operation alone.
    fn alter_ops(&mut self, code: &str, err: ParserError) {
        let mask = self.mask().to_string();
        let Some(head) = ALTER_HEAD.captures(&mask) else {
            self.push_error(&err, code, true);
            return;
        };
        let head_end = head.get(0).map_or(0, |m| m.end());
        let name_range = head.get(1).map_or(0..0, |m| m.range());
        let table = parse_name_text(&self.stmt.text[name_range]).1;
        for (a, b) in top_level_items(&mask, head_end, mask.len()) {
            let op = &code[a..b];
            if HARMLESS_ALTER_OP.is_match(op) {
                continue;
            }
            if let Some(c) = TABLE_COMMENT
                .captures(op)
                .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
            {
                let comment = unquote_sql_string(&c[1], self.dialect);
                self.base = a;
                self.end = b;
                let loc = self.at_statement(Change::CommentOnTable {
                    table: table.clone(),
                    comment: Some(comment),
                });
                self.push(loc);
                continue;
            }
            if let Some(m) = ADD_COLUMN_LIST.find(&mask[a..b]) {
                // MySQL `ADD COLUMN (a INT, b TEXT)`: one ADD COLUMN per element.
                let inner_start = a + m.end();
                let inner_end = matching_paren(&mask, inner_start).unwrap_or(b).min(b);
                for (x, y) in top_level_items(&mask, inner_start, inner_end) {
                    let input = format!("{} ADD COLUMN {}", &code[..head_end], &code[x..y]);
                    match Parser::parse_sql(self.parser, &input) {
                        Ok(statements) => {
                            self.base = 0;
                            self.end = y;
                            for st in &statements {
                                if let Statement::AlterTable(at) = st {
                                    self.cursor = x;
                                    for op in &at.operations {
                                        self.alter_op(&table, op);
                                    }
                                }
                            }
                        }
                        Err(e) => {
                            let text = e.to_string();
                            let text = text.strip_prefix("sql parser error: ").unwrap_or(&text);
                            let message = POSITION.replace(text, "").into_owned();
                            self.push_error_at(message, x, true);
                        }
                    }
                }
                continue;
            }
            let mut input = code[..head_end].to_string();
            input.push_str(&blank(&code[head_end..a]));
            input.push_str(op);
            let mut parsed = Parser::parse_sql(self.parser, &input);
            let mut renamed_type = None;
            if parsed.is_err()
                && self.dialect == SqlDialect::Sqlite
                && let Some((element, joined, written)) = sqlite_type_words(op, true)
            {
                let retry = format!("{}{element}", &input[..input.len() - op.len()]);
                if let Ok(statements) = Parser::parse_sql(self.parser, &retry) {
                    parsed = Ok(statements);
                    renamed_type = Some((joined, written));
                }
            }
            match parsed {
                Ok(statements) => {
                    self.base = 0;
                    self.end = b;
                    let first = self.out.changes.len();
                    for st in &statements {
                        if let Statement::AlterTable(at) = st {
                            self.cursor = a;
                            for op in &at.operations {
                                self.alter_op(&table, op);
                            }
                        }
                    }
                    if let Some((joined, written)) = &renamed_type {
                        for c in &mut self.out.changes[first..] {
                            if let Change::AddColumn { column, .. } = &mut c.value {
                                column.data_type = column.data_type.replace(joined, written);
                            }
                        }
                    }
                }
                Err(e) => self.push_error(&e, &input, true),
            }
        }
        self.base = 0;
        self.end = self.stmt.text.len();
    }

    /// `CREATE TABLE … ( … )` rejected as a whole: parse each column or constraint alone.
    fn create_elements(&mut self, code: &str, err: ParserError) {
        let mask = self.mask().to_string();
        let Some(head) = CREATE_HEAD.captures(&mask) else {
            self.push_error(&err, code, true);
            return;
        };
        let head_end = head.get(0).map_or(0, |m| m.end());
        let if_not_exists = head.get(1).is_some();
        let name_range = head.get(2).map_or(0..0, |m| m.range());
        let (schema, name) = parse_name_text(&self.stmt.text[name_range]);
        let close = matching_paren(&mask, head_end).unwrap_or(mask.len());
        let mut table = Table {
            schema,
            name,
            ..Table::default()
        };
        let mut parsed_any = false;
        let mut reported = false;
        // An empty element (`a INT, )`, `a INT,, b INT`): the one error of a list whose every
        // element parses alone.
        if let Some(at) = empty_item(&mask, head_end, close) {
            self.push_error_at("Expected: a column definition, found: ','".into(), at, true);
            reported = true;
        }
        for (a, b) in top_level_items(&mask, head_end, close) {
            let mut input = code[..head_end].to_string();
            input.push_str(&blank(&code[head_end..a]));
            input.push_str(&code[a..b]);
            input.push(')');
            let mut parsed = Parser::parse_sql(self.parser, &input);
            let mut renamed_type = None;
            if parsed.is_err()
                && self.dialect == SqlDialect::Sqlite
                && let Some((element, joined, written)) = sqlite_type_words(&code[a..b], false)
            {
                let retry = format!("{}{element})", &input[..input.len() - (b - a) - 1]);
                if let Ok(statements) = Parser::parse_sql(self.parser, &retry) {
                    parsed = Ok(statements);
                    renamed_type = Some((joined, written));
                }
            }
            match parsed {
                Ok(statements) => {
                    parsed_any = true;
                    for st in &statements {
                        if let Statement::CreateTable(ct) = st {
                            for def in &ct.columns {
                                let (mut column, pk) = column_from_def(def);
                                if let Some((joined, written)) = &renamed_type {
                                    column.data_type = column.data_type.replace(joined, written);
                                }
                                if pk {
                                    table.primary_key.push(column.name.clone());
                                }
                                table.columns.push(column);
                            }
                            for c in &ct.constraints {
                                if let TableConstraint::PrimaryKey(pk) = c {
                                    table.primary_key = pk
                                        .columns
                                        .iter()
                                        .map(|ic| expr_name(&ic.column.expr))
                                        .collect();
                                }
                            }
                        }
                    }
                }
                Err(e) => {
                    self.push_error(&e, &input, true);
                    reported = true;
                }
            }
        }
        if !parsed_any && !reported && close >= mask.len() {
            // Not a column list we understand (e.g. unbalanced) and no element said why:
            // report the original error, once.
            self.push_error(&err, code, true);
        }
        if let Some(c) = TABLE_COMMENT.captures(&code[close.min(code.len())..]) {
            table.comment = Some(unquote_sql_string(&c[1], self.dialect));
        }
        self.emit_create(table, if_not_exists);
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Blanks a text byte for byte, keeping newlines (so offsets and lines stay right).
fn blank(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b == b'\n' || b == b'\r' {
                b as char
            } else {
                ' '
            }
        })
        .collect()
}

static SQLITE_COLUMN_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)^(\s*(?:ADD\s+(?:COLUMN\s+)?)?(?:"[^"]*"|`[^`]*`|\[[^\]]*\]|[\w$]+)[ \t]+)([A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*)+)"#)
        .expect("valid regex")
});

/// SQLite's type name is any run of identifiers (`BLOB SUB_TYPE TEXT`, `LONG VARCHAR`): SQLite
/// derives the affinity from the words it contains, while sqlparser reads a known type or one
/// name only. For a column definition (`add`: an `ADD [COLUMN]` operation) whose type has
/// several words, gives the definition with those words joined by `_` (same length, so offsets
/// hold), the joined name and the name as written (words separated by one space).
fn sqlite_type_words(element: &str, add: bool) -> Option<(String, String, String)> {
    let caps = SQLITE_COLUMN_HEAD.captures(element)?;
    let head = caps.get(1)?;
    if !add
        && head
            .as_str()
            .trim_start()
            .to_ascii_uppercase()
            .starts_with("ADD ")
    {
        return None;
    }
    let words = caps.get(2)?;
    let mut end = words.start();
    let mut kept = Vec::new();
    for m in WORD.find_iter(words.as_str()) {
        let upper = m.as_str().to_ascii_uppercase();
        if matches!(
            upper.as_str(),
            "CONSTRAINT"
                | "PRIMARY"
                | "NOT"
                | "NULL"
                | "UNIQUE"
                | "CHECK"
                | "DEFAULT"
                | "COLLATE"
                | "REFERENCES"
                | "GENERATED"
                | "AS"
        ) {
            break;
        }
        kept.push(m.as_str());
        end = words.start() + m.end();
    }
    if kept.len() < 2 {
        return None;
    }
    let start = words.start();
    let joined: String = element[start..end]
        .chars()
        .map(|c| if c == ' ' || c == '\t' { '_' } else { c })
        .collect();
    let mut out = element.to_string();
    out.replace_range(start..end, &joined);
    Some((out, joined, kept.join(" ")))
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// The byte range of the first dollar-quoted body in `code` (PostgreSQL), delimiters excluded.
fn dollar_body(code: &str) -> Option<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match lex_at(bytes, i, SqlDialect::Postgres) {
            Some((Lexeme::DollarBody, end)) => {
                let open = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == b'$')
                    .map_or(1, |p| p + 2);
                let close = if end - i >= 2 * open { end - open } else { end };
                return Some((i + open, close));
            }
            Some((_, end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    None
}

fn blank_binary_attribute(code: &mut String) {
    let mut ranges: Vec<_> = MYSQL_BINARY_ATTR
        .captures_iter(code)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.range()))
        .collect();
    ranges.extend(
        MYSQL_ZEROFILL_ATTR
            .captures_iter(code)
            .filter_map(|c| c.get(1).map(|m| m.range())),
    );
    for r in ranges {
        code.replace_range(r.clone(), &" ".repeat(r.len()));
    }
}

/// Byte offset in `text` of 1-based (line, column in chars).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split('\n').enumerate() {
        if n + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(i, _)| i);
        }
        offset += l.len() + 1;
    }
    text.len()
}

/// Ranges of the comma-separated items between `from` and `to` at parenthesis depth 0, trimmed.
fn top_level_items(mask: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let bytes = mask.as_bytes();
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = from;
    let push = |a: usize, b: usize, items: &mut Vec<(usize, usize)>| {
        let s = &mask[a..b];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail < s.len() {
            items.push((a + lead, b - trail));
        }
    };
    let to = to.min(bytes.len());
    for (i, &b) in bytes.iter().enumerate().take(to).skip(from) {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b',' if depth == 0 => {
                push(start, i, &mut items);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, to, &mut items);
    items
}

/// Offset of the first `,` at depth 0 between `from` and `to` that starts or ends an empty
/// item.
fn empty_item(mask: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = mask.as_bytes();
    let mut depth = 0i32;
    let mut last_sep: Option<usize> = None;
    let mut blank_since_sep = true;
    for (i, &b) in bytes
        .iter()
        .enumerate()
        .take(to.min(bytes.len()))
        .skip(from)
    {
        match b {
            b'(' => {
                depth += 1;
                blank_since_sep = false;
            }
            b')' => {
                depth -= 1;
                blank_since_sep = false;
            }
            b',' if depth == 0 => {
                if blank_since_sep {
                    return Some(i);
                }
                last_sep = Some(i);
                blank_since_sep = true;
            }
            b if b.is_ascii_whitespace() => {}
            _ => blank_since_sep = false,
        }
    }
    last_sep.filter(|_| blank_since_sep)
}

/// Offset of the `)` closing the list that starts at `from` (just after its `(`).
fn matching_paren(mask: &str, from: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, b) in mask.bytes().enumerate().skip(from) {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(i),
            b')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The first identifier of a (masked, lower-cased) column definition, unquoted.
fn leading_ident(item: &str) -> String {
    let item = item.trim_start();
    match item.chars().next() {
        Some(q @ ('`' | '"' | '[')) => {
            let close = if q == '[' { ']' } else { q };
            item[1..].split(close).next().unwrap_or("").to_string()
        }
        _ => item
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_string(),
    }
}

/// Upper-cased leading keywords (MySQL executable-comment markers skipped).
fn leading_words(code: &str) -> Vec<String> {
    code.split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .filter(|w| !w.is_empty() && !w.starts_with("/*!") && *w != "*/")
        .take(6)
        .map(|w| w.trim_start_matches("/*!").to_ascii_uppercase())
        .collect()
}

static OWNER_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\sowner\s+to\s").expect("valid regex"));

/// Statements that dump and migration tools emit routinely, that sqlparser does not read in
/// every form they take, and that cannot create or change a table's columns: sequences (pg_dump's
/// `CREATE SEQUENCE` option order, `ALTER SEQUENCE … OWNED BY`), indexes (`CREATE INDEX … ON
/// ONLY`, `CONCURRENTLY IF NOT EXISTS`, `ALTER INDEX … ATTACH PARTITION`, `DROP INDEX
/// CONCURRENTLY`), materialized views (`WITH NO DATA`), `ALTER <not a table> … OWNER TO`,
/// settings (`SET CONSTRAINTS … IMMEDIATE`), triggers (SQLite's `CREATE TRIGGER IF NOT EXISTS`,
/// whose `BEGIN … END` body the splitter cuts at its `;`: the pieces are DML) and SQLite's
/// `PRAGMA foreign_keys=OFF`. Reporting
/// them would bury the findings of a pg_dump schema under three notes per table. `mask` is the
/// lower-cased statement with comments and strings blanked.
///
/// Accounts and privileges are routine too: `CREATE USER 'app'@'%' IDENTIFIED BY '…'`, `ALTER
/// USER`, `DROP USER`, `RENAME USER`, `GRANT … TO 'app'@'localhost'`, `REVOKE`, PostgreSQL
/// `CREATE ROLE … WITH LOGIN PASSWORD '…'`, `CREATE USER … WITH PASSWORD`, `ALTER DEFAULT
/// PRIVILEGES`: sqlparser reads few of their forms (not MySQL's `user@host` accounts), and none
/// can touch a column. Recognising them also keeps their password literal out of any message.
/// So are PostgreSQL's procedural languages (`CREATE TRUSTED PROCEDURAL LANGUAGE`), aggregates
/// and rules (a rule's actions are DML).
fn routine_statement(words: &[String], mask: &str) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let account = |i: usize| matches!(w(i), "USER" | "ROLE" | "GROUP");
    let language =
        |i: usize| w(i) == "LANGUAGE" || (w(i) == "PROCEDURAL" && w(i + 1) == "LANGUAGE");
    match w(0) {
        "CREATE" => {
            let mut i = 1;
            while matches!(
                w(i),
                "OR" | "REPLACE" | "TEMP" | "TEMPORARY" | "UNLOGGED" | "TRUSTED"
            ) || w(i).starts_with("DEFINER")
            {
                i += 1;
            }
            match w(i) {
                // A trigger body is DML only (SQLite, MySQL) or a function call (PostgreSQL).
                "SEQUENCE" | "INDEX" | "TRIGGER" | "AGGREGATE" | "RULE" => true,
                "UNIQUE" | "FULLTEXT" | "SPATIAL" => w(i + 1) == "INDEX",
                "MATERIALIZED" => w(i + 1) == "VIEW",
                _ => account(i) || language(i),
            }
        }
        "ALTER" => {
            matches!(w(1), "SEQUENCE" | "INDEX")
                || account(1)
                || language(1)
                || (w(1) == "DEFAULT" && w(2) == "PRIVILEGES")
                || (!may_change_catalog(words) && OWNER_TO.is_match(mask))
        }
        "DROP" => w(1) == "INDEX" || account(1) || language(1),
        "RENAME" => w(1) == "USER",
        "SET" | "PRAGMA" | "GRANT" | "REVOKE" => true,
        _ => false,
    }
}

/// Whether a statement starting with these keywords could create, alter or drop a table or a
/// column. Unknown statements could.
fn may_change_catalog(words: &[String]) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    match w(0) {
        "CREATE" => {
            let mut i = 1;
            while matches!(
                w(i),
                "OR" | "REPLACE"
                    | "GLOBAL"
                    | "LOCAL"
                    | "TEMP"
                    | "TEMPORARY"
                    | "UNLOGGED"
                    | "EXTERNAL"
                    | "ALGORITHM"
                    | "SQL"
            ) || w(i).starts_with("DEFINER")
            {
                i += 1;
            }
            !matches!(
                w(i),
                "INDEX"
                    | "UNIQUE"
                    | "SEQUENCE"
                    | "VIEW"
                    | "MATERIALIZED"
                    | "FUNCTION"
                    | "PROCEDURE"
                    | "TRIGGER"
                    | "EXTENSION"
                    | "TYPE"
                    | "SCHEMA"
                    | "ROLE"
                    | "USER"
                    | "DATABASE"
                    | "DOMAIN"
                    | "AGGREGATE"
                    | "OPERATOR"
                    | "POLICY"
                    | "RULE"
                    | "EVENT"
                    | "PUBLICATION"
                    | "SUBSCRIPTION"
                    | "COLLATION"
                    | "CAST"
                    | "TEXT"
                    | "FULLTEXT"
                    | "SPATIAL"
                    | "CONSTRAINT"
                    | "STATISTICS"
                    | "SERVER"
                    | "LANGUAGE"
                    | "CONVERSION"
                    | "TABLESPACE"
            )
        }
        "ALTER" => {
            matches!(w(1), "TABLE" | "ONLINE" | "IGNORE")
                || !matches!(
                    w(1),
                    "SEQUENCE"
                        | "INDEX"
                        | "VIEW"
                        | "MATERIALIZED"
                        | "FUNCTION"
                        | "PROCEDURE"
                        | "TRIGGER"
                        | "TYPE"
                        | "SCHEMA"
                        | "ROLE"
                        | "USER"
                        | "DATABASE"
                        | "DEFAULT"
                        | "EXTENSION"
                        | "DOMAIN"
                        | "EVENT"
                        | "POLICY"
                        | "PUBLICATION"
                        | "SYSTEM"
                        | "OPERATOR"
                        | "AGGREGATE"
                        | "COLLATION"
                        | "SERVER"
                        | "TABLESPACE"
                        | "LANGUAGE"
                        | "STATISTICS"
                        | "SUBSCRIPTION"
                )
        }
        "DROP" => {
            let mut i = 1;
            while matches!(w(i), "TEMPORARY" | "TEMP") {
                i += 1;
            }
            matches!(w(i), "TABLE" | "COLUMN")
        }
        "COMMENT" => matches!(w(2), "COLUMN" | "TABLE"),
        "INSERT" | "UPDATE" | "DELETE" | "REPLACE" | "SELECT" | "WITH" | "SET" | "LOCK"
        | "UNLOCK" | "GRANT" | "REVOKE" | "BEGIN" | "COMMIT" | "START" | "ROLLBACK"
        | "SAVEPOINT" | "RELEASE" | "ANALYZE" | "VACUUM" | "REINDEX" | "CLUSTER" | "REFRESH"
        | "COPY" | "TRUNCATE" | "USE" | "SHOW" | "PRAGMA" | "EXPLAIN" | "CALL" | "EXECUTE"
        | "PREPARE" | "DEALLOCATE" | "NOTIFY" | "LISTEN" | "CHECKPOINT" | "DISCARD" | "RESET"
        | "SECURITY" | "OPTIMIZE" | "FLUSH" | "END" | "ABORT" | "VALUES" | "LOAD" => false,
        _ => true,
    }
}

/// The identifier's name: as written if quoted, lower-cased otherwise.
fn ident_name(id: &Ident) -> String {
    if id.quote_style.is_some() {
        id.value.clone()
    } else {
        id.value.to_lowercase()
    }
}

fn name_parts(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|p| p.as_ident().map_or_else(|| p.to_string(), ident_name))
        .collect()
}

/// (schema, table) of a possibly qualified name: the last part is the table, the one before
/// it the schema.
fn split_name(name: &ObjectName) -> (Option<String>, String) {
    let mut parts = name_parts(name);
    let table = parts.pop().unwrap_or_default();
    (parts.pop(), table)
}

/// (schema, table) of a name as written in the text (`public."Étudiants"`, `` `db`.`t` ``).
fn parse_name_text(text: &str) -> (Option<String>, String) {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut quote: Option<char> = None;
    for ch in text.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => cur.push(ch),
            None => match ch {
                '"' | '`' => {
                    quote = Some(ch);
                    quoted = true;
                }
                '.' => {
                    parts.push(finish_part(&mut cur, &mut quoted));
                }
                c if c.is_whitespace() => {}
                c => cur.push(c),
            },
        }
    }
    parts.push(finish_part(&mut cur, &mut quoted));
    let table = parts.pop().unwrap_or_default();
    (parts.pop(), table)
}

fn finish_part(cur: &mut String, quoted: &mut bool) -> String {
    let part = if *quoted {
        cur.clone()
    } else {
        cur.to_lowercase()
    };
    cur.clear();
    *quoted = false;
    part
}

fn expr_name(e: &Expr) -> String {
    match e {
        Expr::Identifier(id) => ident_name(id),
        Expr::CompoundIdentifier(ids) => ids.last().map(ident_name).unwrap_or_default(),
        other => other.to_string(),
    }
}

fn comment_text(c: &CommentDef) -> String {
    match c {
        CommentDef::WithEq(s) | CommentDef::WithoutEq(s) => s.clone(),
    }
}

fn options_comment(options: &CreateTableOptions) -> Option<String> {
    let list = match options {
        CreateTableOptions::None => return None,
        CreateTableOptions::With(l)
        | CreateTableOptions::Options(l)
        | CreateTableOptions::Plain(l)
        | CreateTableOptions::TableProperties(l) => l,
    };
    list.iter().find_map(|o| match o {
        SqlOption::Comment(c) => Some(comment_text(c)),
        _ => None,
    })
}

/// The catalog column of a definition, and whether it is declared PRIMARY KEY inline.
fn column_from_def(def: &ColumnDef) -> (Column, bool) {
    let data_type = match def.data_type {
        sqlparser::ast::DataType::Unspecified => String::new(),
        ref t => t.to_string(),
    };
    let mut column = Column {
        name: ident_name(&def.name),
        data_type,
        nullable: true,
        default: None,
        comment: None,
    };
    let mut pk = false;
    for o in &def.options {
        match &o.option {
            ColumnOption::NotNull => column.nullable = false,
            ColumnOption::Null => column.nullable = true,
            ColumnOption::Default(e) => column.default = Some(e.to_string()),
            ColumnOption::PrimaryKey(_) => {
                pk = true;
                column.nullable = false;
            }
            ColumnOption::Comment(c) => column.comment = Some(c.clone()),
            _ => {}
        }
    }
    (column, pk)
}

/// The value of a quoted SQL string body (`''` and, for MySQL, backslash escapes).
fn unquote_sql_string(body: &str, dialect: SqlDialect) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                out.push('\'');
            }
            '\\' if dialect == SqlDialect::Mysql => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('0') => {}
                Some(o) => out.push(o),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_is_true;

    fn changes(sql: &str, d: SqlDialect) -> Vec<Change> {
        let p = parse_file(sql, d);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        p.changes.into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn create_table_columns_and_keys() {
        let c = changes(
            "CREATE TABLE IF NOT EXISTS public.\"Etudiants\" (id serial PRIMARY KEY, nom varchar(100) NOT NULL, optin boolean DEFAULT true);",
            SqlDialect::Postgres,
        );
        let Change::CreateTable {
            table,
            if_not_exists,
        } = &c[0]
        else {
            panic!("{c:?}")
        };
        assert!(if_not_exists);
        assert_eq!(table.schema.as_deref(), Some("public"));
        assert_eq!(table.name, "Etudiants");
        assert_eq!(table.primary_key, vec!["id"]);
        assert_eq!(table.columns[1].data_type, "VARCHAR(100)");
        assert!(!table.columns[1].nullable);
        assert_eq!(table.columns[2].default.as_deref(), Some("true"));
    }

    #[test]
    fn column_positions_point_at_definitions() {
        let sql = "CREATE TABLE t (\n  id int,\n  religion text, -- why\n  nom text\n);\nALTER TABLE t ADD COLUMN sante text, ADD COLUMN x int;";
        let p = parse_file(sql, SqlDialect::Postgres);
        let spans = &p.changes[0].column_spans;
        assert_eq!(spans[1].name, "religion");
        assert_eq!((spans[1].line, spans[1].column), (3, 3));
        assert_eq!(&sql[spans[1].start..spans[1].end], "religion text");
        let add = &p.changes[1];
        assert_eq!((add.line, add.column), (6, 26));
        assert_eq!(&sql[add.start..add.end], "sante text");
    }

    #[test]
    fn syntax_error_positions_are_file_positions() {
        let sql =
            "SELECT 1;\n\nCREATE TABLE t (\n  a int,\n  b int int\n);\nCREATE TABLE ok (x int);";
        let p = parse_file(sql, SqlDialect::Postgres);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        let e = &p.errors[0];
        assert_eq!((e.line, e.column, e.statement_line), (5, 9, 3));
        assert!(e.may_change_catalog);
        // The rest of the CREATE TABLE is still seen, and the next statement too.
        assert_eq!(p.changes.len(), 2);
    }

    #[test]
    fn an_unclosed_construct_is_an_error_at_its_line() {
        for (sql, dialect, what, line) in [
            (
                "CREATE TABLE a (id int);\n/* to be done\nCREATE TABLE b (religion text);",
                SqlDialect::Postgres,
                "/* comment",
                2,
            ),
            (
                "CREATE TABLE a (id int);\nDO $$ BEGIN\nALTER TABLE a ADD sante text;",
                SqlDialect::Postgres,
                "$$ body",
                2,
            ),
            (
                "CREATE TABLE a (id int);\nINSERT INTO a VALUES ('x);\nCREATE TABLE b (religion text);",
                SqlDialect::Sqlite,
                "quoted string",
                2,
            ),
            (
                "CREATE TABLE a (id int) /*!50100 PARTITION BY HASH(id);\nCREATE TABLE b (x int);",
                SqlDialect::Mysql,
                "/*! … */",
                1,
            ),
            (
                "CREATE TABLE a (id int);\nDELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.id = 1;\nCREATE TABLE b (religion text);\n",
                SqlDialect::Mysql,
                "DELIMITER",
                2,
            ),
        ] {
            let parsed = parse_file(sql, dialect);
            let e = parsed
                .errors
                .iter()
                .find(|e| e.message.contains(what))
                .unwrap_or_else(|| panic!("{what}: {:?}", parsed.errors));
            assert_eq!(e.line, line, "{what}");
            assert!(
                e.may_change_catalog && e.message.contains("not read"),
                "{what}"
            );
        }
        // Closed at the very end of the file: nothing to report.
        for (sql, dialect) in [
            ("CREATE TABLE a (id int); /* done */", SqlDialect::Postgres),
            ("DO $$ BEGIN NULL; END $$", SqlDialect::Postgres),
            ("INSERT INTO a VALUES ('x')", SqlDialect::Sqlite),
            (
                "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\n",
                SqlDialect::Mysql,
            ),
        ] {
            let parsed = parse_file(sql, dialect);
            assert!(
                parsed
                    .errors
                    .iter()
                    .all(|e| !e.message.contains("not read")),
                "{sql}: {:?}",
                parsed.errors
            );
        }
    }

    #[test]
    fn mysql_zerofill_columns_are_read() {
        let sql = "CREATE TABLE `eleves` (\n  `id` int(10) unsigned zerofill NOT NULL AUTO_INCREMENT,\n  `code` smallint(5) ZEROFILL DEFAULT NULL,\n  `montant` decimal(10,2) unsigned zerofill,\n  `religion` varchar(30),\n  PRIMARY KEY (`id`)\n);\nALTER TABLE eleves ADD COLUMN rang int zerofill;";
        let p = parse_file(sql, SqlDialect::Mysql);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let Change::CreateTable { table, .. } = &p.changes[0].value else {
            panic!("{:?}", p.changes)
        };
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["id", "code", "montant", "religion"]);
        assert!(
            matches!(&p.changes[1].value, Change::AddColumn { column, .. } if column.name == "rang")
        );
    }

    #[test]
    fn mysql_fallbacks() {
        let sql = "ALTER TABLE `t` ENGINE=InnoDB, ADD COLUMN `religion` varchar(20) NULL, COMMENT = 'élèves';\nCREATE TABLE u (a varchar(10) BINARY NOT NULL, b int);\nALTER TABLE t DISABLE KEYS;";
        let p = parse_file(sql, SqlDialect::Mysql);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.recovered, 2);
        let v: Vec<_> = p.changes.iter().map(|c| &c.value).collect();
        assert!(matches!(v[0], Change::AddColumn { column, .. } if column.name == "religion"));
        assert!(matches!(v[1], Change::CommentOnTable { comment: Some(c), .. } if c == "élèves"));
        assert!(matches!(v[2], Change::CreateTable { table, .. } if table.columns.len() == 2));
    }

    #[test]
    fn sqlite_untyped_columns() {
        let c = changes(
            "CREATE TABLE IF NOT EXISTS \"eleves\" (id INTEGER PRIMARY KEY AUTOINCREMENT, nom, sante TEXT, optin INTEGER DEFAULT 1) WITHOUT ROWID;\nALTER TABLE eleves ADD COLUMN religion TEXT;\nALTER TABLE eleves RENAME COLUMN nom TO nom_usage;",
            SqlDialect::Sqlite,
        );
        let Change::CreateTable { table, .. } = &c[0] else {
            panic!("{c:?}")
        };
        assert_eq!(table.columns[1].data_type, "");
        assert_eq!(table.primary_key, vec!["id"]);
        assert!(matches!(&c[1], Change::AddColumn { column, .. } if column.name == "religion"));
        assert!(matches!(&c[2], Change::RenameColumn { to, .. } if to == "nom_usage"));
    }

    #[test]
    fn defaults_that_mean_true() {
        for d in [
            "true",
            "TRUE",
            "1",
            "'1'",
            "'t'",
            "b'1'",
            "(1)",
            "'true'::boolean",
            "CAST(1 AS BOOLEAN)",
        ] {
            assert!(default_is_true(d), "{d}");
        }
        for d in [
            "false",
            "0",
            "'0'",
            "NULL",
            "now()",
            "'inscrit'",
            "b'0'",
            "10",
        ] {
            assert!(!default_is_true(d), "{d}");
        }
    }

    #[test]
    fn comments_above_reach_the_changes() {
        let sql = "-- vigie-ignore: sensitive-column (waiver W-12)\nALTER TABLE t ADD religion text, ADD sante text;";
        let p = parse_file(sql, SqlDialect::Postgres);
        assert_eq!(p.changes.len(), 2);
        for c in &p.changes {
            assert_eq!(
                c.comments_before,
                vec![(
                    1,
                    "vigie-ignore: sensitive-column (waiver W-12)".to_string()
                )]
            );
        }
    }

    #[test]
    fn do_block_ddl_is_seen() {
        let sql = "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'nir') THEN\n    ALTER TABLE etudiants ADD COLUMN nir varchar(15);\n  END IF;\nEND\n$$;";
        let p = parse_file(sql, SqlDialect::Postgres);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.changes.len(), 1);
        assert_eq!((p.changes[0].line, p.changes[0].column), (4, 38));
    }

    /// What pg_dump, Rails, Django, Doctrine and SQLite tools print in every file, that sqlparser
    /// rejects but that cannot reach a column: recognised, not errors.
    #[test]
    fn routine_tool_statements_are_recognised() {
        let pg = [
            "CREATE SEQUENCE public.t_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1",
            "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id",
            "ALTER SEQUENCE public.t_id_seq OWNER TO app",
            "ALTER TYPE public.status OWNER TO app",
            "CREATE INDEX i ON ONLY public.t USING btree (a)",
            "ALTER INDEX public.i ATTACH PARTITION public.i_2024",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "CREATE MATERIALIZED VIEW public.v AS\n SELECT 1 AS n\n  WITH NO DATA",
            "SET CONSTRAINTS \"t_email_key\" IMMEDIATE",
            "ALTER TABLE ONLY public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (\n    SEQUENCE NAME public.t_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1\n)",
        ];
        for sql in pg {
            let p = parse_file(&format!("{sql};"), SqlDialect::Postgres);
            assert!(p.errors.is_empty(), "{sql}: {:?}", p.errors);
            assert!(p.changes.is_empty(), "{sql}: {:?}", p.changes);
            assert_eq!(p.failed, 0, "{sql}");
        }
        let my = [
            "ALTER TABLE adherent RENAME INDEX idx_90d3f06097a77b84 TO IDX_ADHERENT_FAMILLE",
            "ALTER TABLE adherent RENAME KEY a TO b",
            "ALTER TABLE adherent ALTER INDEX idx_a INVISIBLE",
            "CREATE TRIGGER trg BEFORE INSERT ON adherent FOR EACH ROW SET NEW.nom = UPPER(NEW.nom)",
        ];
        for sql in my {
            let p = parse_file(&format!("{sql};"), SqlDialect::Mysql);
            assert!(p.errors.is_empty(), "{sql}: {:?}", p.errors);
            assert!(p.changes.is_empty(), "{sql}: {:?}", p.changes);
        }
        let lite = "PRAGMA foreign_keys=OFF;\nPRAGMA defer_foreign_keys=ON;\nCREATE TRIGGER IF NOT EXISTS t AFTER UPDATE ON e\nBEGIN\n  UPDATE e SET u = 1 WHERE id = NEW.id;\nEND;\n";
        let p = parse_file(lite, SqlDialect::Sqlite);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(p.changes.is_empty(), "{:?}", p.changes);
        // Still errors: what could hide a column, and unknown statements.
        let p = parse_file(
            "ALTER TABLE t RENAME INDEX a TO b, ADD COLUMN religion text STORAGE WEIRD;\n",
            SqlDialect::Postgres,
        );
        assert!(p.errors.iter().all(|e| e.may_change_catalog));
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        let p = parse_file(
            "CREATE VIRTUAL TABLE f USING fts5(body, content='notes');\n",
            SqlDialect::Sqlite,
        );
        assert!(p.errors.iter().all(|e| e.may_change_catalog));
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        let p = parse_file("VACUUM (ANALYZE) t;", SqlDialect::Postgres);
        assert_eq!(p.errors.len(), 1);
    }

    /// MySQL/MariaDB stored routines as schema files write them: characteristics sqlparser does
    /// not read (`SQL SECURITY INVOKER`, `NOT DETERMINISTIC`, `READS SQL DATA`, `COMMENT`),
    /// `DEFINER=` in every quoting, `CREATE FUNCTION` (which sqlparser's MySQL dialect does not
    /// parse at all), mysqldump's versioned comments, and a `DROP PROCEDURE …;` sent in the same
    /// `DELIMITER` block. A routine is not a catalog change; the DDL in its body is read.
    #[test]
    fn mysql_routines_are_recognised_and_their_ddl_read() {
        let sql = "DELIMITER //
CREATE PROCEDURE p() SQL SECURITY INVOKER BEGIN SELECT 1; END //
CREATE DEFINER=`root`@`localhost` PROCEDURE rewards (IN n TINYINT UNSIGNED, OUT c INT)
LANGUAGE SQL
NOT DETERMINISTIC
READS SQL DATA
SQL SECURITY DEFINER
COMMENT 'Best customers'
BEGIN
  DECLARE x INT DEFAULT 0;
  SELECT COUNT(*) INTO c FROM customer;
END //
CREATE DEFINER = 'root'@'%' FUNCTION f(a INT) RETURNS INT DETERMINISTIC BEGIN RETURN a + 1; END //
CREATE DEFINER=CURRENT_USER TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END //
CREATE DEFINER = 'root'@'localhost' SQL SECURITY INVOKER VIEW v AS SELECT 1 //
DROP PROCEDURE IF EXISTS add_religion;
CREATE PROCEDURE add_religion()
proc: BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'religion') THEN
    ALTER TABLE eleves ADD COLUMN religion VARCHAR(30);
  END IF;
END //
/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER u AFTER UPDATE ON a FOR EACH ROW SET @n = 1 */ //
DELIMITER ;
CALL add_religion();
";
        let p = parse_file(sql, SqlDialect::Mysql);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.failed, 0);
        // The DROP PROCEDURE before the last procedure is a statement of its own.
        assert_eq!(p.statements, 9);
        let v: Vec<_> = p.changes.iter().map(|c| &c.value).collect();
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(
            matches!(v[0], Change::AddColumn { table, column } if table == "eleves" && column.name == "religion")
        );
        assert_eq!((p.changes[0].line, p.changes[0].column), (20, 35));
    }

    /// Accounts, roles and privileges (MySQL `user@host`, PostgreSQL `WITH LOGIN PASSWORD`,
    /// `ALTER DEFAULT PRIVILEGES`), procedural languages, aggregates and rules: no catalog change,
    /// never a syntax error, and their password literal appears in no output.
    #[test]
    fn accounts_privileges_and_languages_are_recognised() {
        let my = "CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret-pw';
CREATE USER IF NOT EXISTS 'app'@'localhost' IDENTIFIED WITH mysql_native_password;
ALTER USER 'app'@'localhost' IDENTIFIED BY 'S3cret-pw';
GRANT SELECT, INSERT ON radius.radacct TO 'app'@'localhost';
GRANT ALL PRIVILEGES ON app.* TO 'app'@'%' IDENTIFIED BY 'S3cret-pw' WITH GRANT OPTION;
RENAME USER 'app'@'%' TO 'app2'@'%';
REVOKE ALL PRIVILEGES ON app.* FROM 'app2'@'%';
DROP USER 'app2'@'%';
";
        let pg = "CREATE ROLE app WITH LOGIN PASSWORD 'S3cret-pw';
CREATE USER radius WITH PASSWORD 'S3cret-pw';
ALTER ROLE app WITH PASSWORD 'S3cret-pw';
GRANT USAGE, SELECT ON SEQUENCE radcheck_id_seq TO radius;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app;
CREATE TRUSTED PROCEDURAL LANGUAGE plpgsql;
CREATE OR REPLACE PROCEDURAL LANGUAGE plpgsql;
ALTER PROCEDURAL LANGUAGE plpgsql OWNER TO postgres;
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);
CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;
DROP ROLE app;
";
        for (sql, d) in [(my, SqlDialect::Mysql), (pg, SqlDialect::Postgres)] {
            let p = parse_file(sql, d);
            assert!(p.errors.is_empty(), "{d:?}: {:?}", p.errors);
            assert!(p.changes.is_empty(), "{d:?}: {:?}", p.changes);
            assert_eq!(p.failed, 0);
            assert!(!format!("{p:?}").contains("S3cret"));
        }
    }

    /// PostgreSQL functions and procedures sqlparser rejects (`COST`, `CREATE OR REPLACE
    /// PROCEDURE`) are recognised; the DDL in their dollar-quoted body is read.
    #[test]
    fn postgres_routines_are_recognised_and_their_ddl_read() {
        let sql = "CREATE FUNCTION f() RETURNS trigger AS $func$
BEGIN
  UPDATE total SET n = n + 1;
  RETURN NEW;
END;
$func$ language plpgsql volatile
cost 100;
CREATE OR REPLACE PROCEDURE p()
LANGUAGE plpgsql
AS $$
BEGIN
  ALTER TABLE eleves ADD COLUMN sante text;
END
$$;
";
        let p = parse_file(sql, SqlDialect::Postgres);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.changes.len(), 1, "{:?}", p.changes);
        assert!(
            matches!(&p.changes[0].value, Change::AddColumn { column, .. } if column.name == "sante")
        );
    }

    /// The sqlite3 shell skips a line that starts with `#` or is a dot-command (`.bail on`) when
    /// it is not inside a statement; psql does neither (`#` is an operator there).
    #[test]
    fn sqlite_shell_comment_and_dot_command_lines() {
        let sql = "#  -*- text -*-\n#\n.bail on\nCREATE TABLE t (\n  id INTEGER,\n  religion TEXT\n);\n# done\n";
        let p = parse_file(sql, SqlDialect::Sqlite);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.statements, 1);
        let Change::CreateTable { table, .. } = &p.changes[0].value else {
            panic!("{:?}", p.changes)
        };
        assert_eq!(table.columns[1].name, "religion");
        assert_eq!(
            (p.changes[0].line, p.changes[0].column_spans[1].line),
            (4, 6)
        );
        assert!(!parse_file(sql, SqlDialect::Postgres).errors.is_empty());
    }

    /// SQLite reads any run of identifiers as a type name (`BLOB SUB_TYPE TEXT`): the column is
    /// kept with its type as written.
    #[test]
    fn sqlite_multi_word_type_names() {
        let sql = "CREATE TABLE film_text (\n  film_id SMALLINT NOT NULL,\n  description BLOB SUB_TYPE TEXT DEFAULT NULL,\n  religion LONG TEXT WORDS NOT NULL\n);\nALTER TABLE film_text ADD COLUMN sante text STORAGE WEIRD;";
        let p = parse_file(sql, SqlDialect::Sqlite);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let Change::CreateTable { table, .. } = &p.changes[0].value else {
            panic!("{:?}", p.changes)
        };
        let cols: Vec<_> = table
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.data_type.as_str(), c.nullable))
            .collect();
        assert_eq!(
            cols,
            [
                ("film_id", "SMALLINT", false),
                ("description", "BLOB SUB_TYPE TEXT", true),
                ("religion", "LONG TEXT WORDS", false)
            ]
        );
        assert_eq!(p.changes[0].column_spans.len(), 3);
        assert!(
            matches!(&p.changes[1].value, Change::AddColumn { column, .. } if column.name == "sante" && column.data_type == "text STORAGE WEIRD")
        );
        // What SQLite itself rejects still is an error: here the empty element, not the type.
        let p = parse_file(
            "CREATE TABLE u (id INTEGER  religion TEXT, );",
            SqlDialect::Sqlite,
        );
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!(p.errors[0].column, 42);
        let Change::CreateTable { table, .. } = &p.changes[0].value else {
            panic!("{:?}", p.changes)
        };
        assert_eq!(table.columns[0].data_type, "INTEGER religion TEXT");
    }
}
