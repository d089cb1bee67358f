//! SQL differences between the backends, as capability methods rather than `if postgres`.
//!
//! Every generated statement is written through these methods, so adding a backend means
//! answering them once. Dates are always compared against one reference instant, the scan's
//! `--as-of`, given either as a bound parameter (what runs) or as a literal (what the report
//! shows and what remediation SQL uses, so a reviewer can replay it).

pub mod allow;
pub mod guard;
pub mod patterns;
pub mod remediation;

use crate::catalog::{Table, TypeClass};
use crate::policy::duration::Duration;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    Postgres,
    Mysql,
    Sqlite,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        }
    }

    pub fn parser_dialect(self) -> Box<dyn sqlparser::dialect::Dialect> {
        match self {
            Dialect::Postgres => Box::new(sqlparser::dialect::PostgreSqlDialect {}),
            Dialect::Mysql => Box::new(sqlparser::dialect::MySqlDialect {}),
            Dialect::Sqlite => Box::new(sqlparser::dialect::SQLiteDialect {}),
        }
    }

    pub fn quote_ident(self, ident: &str) -> String {
        match self {
            Dialect::Mysql => format!("`{}`", ident.replace('`', "``")),
            _ => format!("\"{}\"", ident.replace('"', "\"\"")),
        }
    }

    pub fn quote_literal(self, value: &str) -> String {
        match self {
            Dialect::Mysql => format!("'{}'", value.replace('\\', "\\\\").replace('\'', "''")),
            _ => format!("'{}'", value.replace('\'', "''")),
        }
    }

    /// `"schema"."table"` or `"table"`.
    pub fn table_ref(self, schema: Option<&str>, name: &str) -> String {
        match schema {
            Some(s) => format!("{}.{}", self.quote_ident(s), self.quote_ident(name)),
            None => self.quote_ident(name),
        }
    }

    /// `alias."column"`.
    pub fn col(self, alias: &str, column: &str) -> String {
        format!("{alias}.{}", self.quote_ident(column))
    }

    /// The token that stands for the as-of parameter in a statement that is executed.
    pub fn as_of_placeholder(self) -> &'static str {
        match self {
            Dialect::Postgres => "$1",
            Dialect::Sqlite => "?1",
            Dialect::Mysql => "?",
        }
    }

    /// The reference instant, comparable with [`Dialect::date_value`].
    pub fn instant(self, as_of: &str) -> String {
        match self {
            Dialect::Postgres => format!("CAST(CAST({as_of} AS text) AS timestamptz)"),
            Dialect::Sqlite => format!("julianday({as_of})"),
            Dialect::Mysql => format!("CAST({as_of} AS DATETIME(6))"),
        }
    }

    /// A date or timestamp column as a comparable value, NULL when it is not a real date.
    /// SQLite stores dates as text or numbers: `julianday(x, 'auto')` reads both and yields
    /// NULL for what is not a date. MySQL and MariaDB may hold zero dates (`0000-00-00`) or
    /// zero parts (`2020-00-15`), which compare as older than every real date and would be
    /// counted as kept too long: adding `INTERVAL 0 DAY` turns them into NULL (with a
    /// warning, never an error in a SELECT) and leaves real dates as they are. Text is cast
    /// first, and what is not a date becomes NULL the same way.
    pub fn date_value(self, column: &str, class: TypeClass) -> String {
        match self {
            Dialect::Postgres => match class {
                TypeClass::Date | TypeClass::Timestamp => column.to_string(),
                _ => format!("CAST({column} AS timestamptz)"),
            },
            Dialect::Sqlite => format!("julianday({column}, 'auto')"),
            Dialect::Mysql => match class {
                TypeClass::Date | TypeClass::Timestamp => format!("({column} + INTERVAL 0 DAY)"),
                _ => format!("(CAST({column} AS DATETIME(6)) + INTERVAL 0 DAY)"),
            },
        }
    }

    /// `as_of - duration` in calendar units: 29 February minus one year is 28 February.
    pub fn instant_minus(self, as_of: &str, d: &Duration) -> String {
        match self {
            Dialect::Postgres => format!("({} - {})", self.instant(as_of), pg_interval(d)),
            Dialect::Sqlite => format!("julianday({as_of}{})", sqlite_modifiers(d, '-')),
            Dialect::Mysql => format!("({}{})", self.instant(as_of), mysql_interval(d, '-')),
        }
    }

    /// `column + duration` (a birthday plus the digital-consent age).
    pub fn date_plus(self, column: &str, class: TypeClass, d: &Duration) -> String {
        match self {
            Dialect::Postgres => {
                format!("({} + {})", self.date_value(column, class), pg_interval(d))
            }
            Dialect::Sqlite => format!("julianday({column}, 'auto'{})", sqlite_modifiers(d, '+')),
            Dialect::Mysql => format!(
                "({}{})",
                self.date_value(column, class),
                mysql_interval(d, '+')
            ),
        }
    }

    /// A predicate true when the date in `column` is missing or unreadable.
    pub fn date_missing(self, column: &str, class: TypeClass) -> String {
        match self {
            Dialect::Sqlite => format!("julianday({column}, 'auto') IS NULL"),
            // NULL, zero dates and text that is not a date: see `date_value`.
            Dialect::Mysql => format!("{} IS NULL", self.date_value(column, class)),
            Dialect::Postgres => match class {
                TypeClass::Date | TypeClass::Timestamp => format!("{column} IS NULL"),
                _ => format!("({column} IS NULL OR {column} = '')"),
            },
        }
    }

    /// A predicate true when a boolean-like column is true (booleans, 0/1 integers, 't'/'true' text).
    pub fn is_true(self, column: &str, class: TypeClass) -> String {
        match (self, class) {
            (Dialect::Postgres, TypeClass::Boolean) => format!("{column} IS TRUE"),
            (_, TypeClass::Integer | TypeClass::Boolean | TypeClass::Decimal) => {
                format!("COALESCE({column} <> 0, false)")
            }
            _ => format!(
                "COALESCE(LOWER(CAST({column} AS {})) IN ('1', 't', 'true', 'y', 'yes', 'o', 'oui'), false)",
                self.text_type()
            ),
        }
    }

    /// A predicate true when a column holds nothing (NULL, or an empty string for text).
    pub fn is_blank(self, column: &str, class: TypeClass) -> String {
        match class {
            TypeClass::Text => format!("({column} IS NULL OR {column} = '')"),
            _ => format!("{column} IS NULL"),
        }
    }

    pub fn text_type(self) -> &'static str {
        match self {
            Dialect::Mysql => "CHAR",
            _ => "TEXT",
        }
    }

    /// Whether a streamed integer key may be left as an integer: the backend reads its type
    /// and prints it (PostgreSQL's binary COPY), which spares the server a conversion per row.
    pub fn streams_integer_keys(self) -> bool {
        matches!(self, Dialect::Postgres)
    }

    /// A key column rendered as text, for sample keys.
    pub fn key_text(self, column: &str) -> String {
        format!("CAST({column} AS {})", self.text_type())
    }

    /// Text parts of a composite key joined with commas. MySQL's `||` is a logical OR
    /// unless `PIPES_AS_CONCAT` is set, so it gets `CONCAT_WS`.
    pub fn key_list(self, parts: &[String]) -> String {
        match self {
            Dialect::Mysql => format!("CONCAT_WS(',', {})", parts.join(", ")),
            _ => parts.join(" || ',' || "),
        }
    }

    /// The function that counts characters (not bytes) of a text value.
    pub fn char_length(self) -> &'static str {
        match self {
            Dialect::Mysql => "CHAR_LENGTH",
            _ => "LENGTH",
        }
    }

    /// The as-of instant as a literal of this dialect, for displayed and remediation SQL.
    pub fn as_of_literal(self, as_of: &jiff::Timestamp) -> String {
        let s = as_of.strftime("%Y-%m-%d %H:%M:%S").to_string();
        self.quote_literal(&s)
    }

    /// A column as bounded text for a sample: validators need whole short values, and the
    /// prose test needs only a length, so 512 characters bound what a sample moves.
    pub fn sample_text(self, column: &str) -> String {
        format!("substr(CAST({column} AS {}), 1, 512)", self.text_type())
    }

    /// A binary column (`bytea`, `BLOB`, `VARBINARY`) as the hexadecimal digits of its first
    /// 512 bytes: many applications keep text there (MediaWiki's user names and e-mails in
    /// `varbinary`), and the sample decodes each value as UTF-8 itself
    /// ([`decode_sampled_binary`]), so bytes that are not text never reach the server's
    /// character conversion and never fail the query.
    pub fn sample_binary(self, column: &str) -> String {
        match self {
            Dialect::Postgres => format!("encode(substring({column} from 1 for 512), 'hex')"),
            Dialect::Mysql => format!("HEX(SUBSTRING({column}, 1, 512))"),
            Dialect::Sqlite => format!("hex(substr({column}, 1, 512))"),
        }
    }

    /// Whether a column of this declared type cannot be read as text by this dialect's
    /// `CAST`: MariaDB and MySQL refuse to cast their spatial types (`Illegal parameter data
    /// type point for operation 'cast_as_char'`). A sample skips such columns and says so; a
    /// type the server refuses that is not listed here is found by probing
    /// (`crate::db::Session::sample`).
    pub fn unreadable_type(self, data_type: &str) -> bool {
        let t = data_type.trim().to_ascii_lowercase();
        let first: String = t
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        match self {
            Dialect::Mysql => matches!(
                first.as_str(),
                "geometry"
                    | "point"
                    | "linestring"
                    | "polygon"
                    | "multipoint"
                    | "multilinestring"
                    | "multipolygon"
                    | "geometrycollection"
                    | "geomcollection"
            ),
            _ => false,
        }
    }

    /// At most `limit` rows of `exprs` from `table_ref`, never a full read (`limit` 0 means
    /// every row, on request). PostgreSQL samples pages spread over the whole table
    /// (`TABLESAMPLE SYSTEM`, sized from the planner's row estimate to yield about 1.25 × `limit`
    /// rows, `REPEATABLE` so a rerun on the same data reads the same pages), and `LIMIT` stops
    /// the scan as soon as the sample is full. Without an estimate, or where the dialect has no
    /// sampling clause (SQLite), `LIMIT` alone bounds the read to the first rows.
    pub fn sample_rows(
        self,
        table_ref: &str,
        exprs: &[String],
        limit: usize,
        row_estimate: Option<u64>,
    ) -> SampleQuery {
        let select = format!("SELECT {} FROM {table_ref}", exprs.join(", "));
        if limit == 0 {
            return SampleQuery {
                sql: select,
                spread: false,
            };
        }
        let sampling = match (self, row_estimate) {
            (Dialect::Postgres, Some(rows)) if rows > 0 => {
                let percent = 125.0 * limit as f64 / rows as f64;
                (percent < 50.0).then(|| {
                    format!(
                        " TABLESAMPLE SYSTEM ({:.6}) REPEATABLE (0)",
                        percent.max(0.000_001)
                    )
                })
            }
            _ => None,
        };
        SampleQuery {
            spread: sampling.is_some(),
            sql: format!("{select}{} LIMIT {limit}", sampling.unwrap_or_default()),
        }
    }

    /// Whether `count(*)` is cheap enough to give discovery an exact row count: SQLite counts
    /// from the smallest b-tree of a local file; a server's count reads the whole table, so the
    /// planner's estimate is used there instead.
    /// Whether the URL's database is a schema of the catalog (MySQL/MariaDB), whose tables the
    /// session reaches unqualified, like PostgreSQL's `public`.
    pub fn database_is_schema(self) -> bool {
        matches!(self, Dialect::Mysql)
    }

    /// Whether `ALTER TABLE … ALTER COLUMN … SET DEFAULT` exists (SQLite must rebuild the table).
    pub fn can_alter_column_default(self) -> bool {
        !matches!(self, Dialect::Sqlite)
    }

    /// Whether `ALTER`/`DROP` take part in a transaction: MySQL and MariaDB commit each one at
    /// once (and whatever was open before it), so it cannot be rolled back.
    pub fn ddl_is_transactional(self) -> bool {
        !matches!(self, Dialect::Mysql)
    }

    /// Whether a date kept as text (or an unknown type) can be compared as a date: SQLite and
    /// MySQL read ISO text dates; PostgreSQL would need a cast that may fail on bad rows.
    pub fn reads_text_dates(self) -> bool {
        !matches!(self, Dialect::Postgres)
    }

    /// The words of a `REVOKE` that takes every privilege on a table.
    pub fn revoke_all(self) -> &'static str {
        match self {
            Dialect::Mysql => "ALL PRIVILEGES",
            Dialect::Postgres | Dialect::Sqlite => "ALL",
        }
    }

    /// Whether the backend has accounts and privileges to check (SQLite has none).
    pub fn has_privileges(self) -> bool {
        !matches!(self, Dialect::Sqlite)
    }

    pub fn exact_count_is_cheap(self) -> bool {
        matches!(self, Dialect::Sqlite)
    }

    /// How a transaction is opened in generated remediation scripts.
    pub fn begin(self) -> &'static str {
        match self {
            Dialect::Mysql => "START TRANSACTION;",
            _ => "BEGIN;",
        }
    }

    /// The primary key of `alias` as one text value (`a,b` for a composite key), or `None`.
    pub fn key_expr(self, table: &Table, alias: &str) -> Option<String> {
        let d = self;
        let cols: Vec<String> = table.primary_key.iter().map(|k| d.col(alias, k)).collect();
        match cols.len() {
            0 => None,
            1 => Some(d.key_text(&cols[0])),
            _ => {
                let parts: Vec<String> = cols.iter().map(|c| d.key_text(c)).collect();
                Some(d.key_list(&parts))
            }
        }
    }

    /// `SELECT (SELECT count(*) … WHERE p), key … WHERE p ORDER BY key LIMIT n` over `from`
    /// (aliased `alias`), or a bare count for a table without a key. `max_keys` 0 returns every
    /// key.
    ///
    /// The count is its own uncorrelated subquery, computed once, which the planner may serve
    /// from any index or a parallel scan; the keys walk the primary key's order and stop at the
    /// n-th match. A window count (`count(*) OVER ()`) would hold every matching row before the
    /// first key comes back. No matching row: no row, a count of 0.
    pub fn keyed_count_sql(
        self,
        max_keys: usize,
        table: &Table,
        alias: &str,
        from: &str,
        predicate: &str,
    ) -> String {
        let d = self;
        let Some(key) = d.key_expr(table, alias) else {
            return format!("SELECT count(*) FROM {from} WHERE {predicate}");
        };
        let cols: Vec<String> = table.primary_key.iter().map(|k| d.col(alias, k)).collect();
        let limit = if max_keys == 0 {
            String::new()
        } else {
            format!(" LIMIT {max_keys}")
        };
        format!(
            "SELECT (SELECT count(*) FROM {from} WHERE {predicate}), {key} FROM {from} WHERE {predicate} ORDER BY {}{limit}",
            cols.join(", ")
        )
    }
}

/// A sampling statement, and whether it samples pages over the whole table (then a sample that
/// is not full does not mean the table is smaller than the sample).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleQuery {
    pub sql: String,
    pub spread: bool,
}

fn pg_interval(d: &Duration) -> String {
    format!(
        "INTERVAL '{} years {} months {} days'",
        d.years,
        d.months,
        d.weeks * 7 + d.days
    )
}

fn mysql_interval(d: &Duration, sign: char) -> String {
    // MySQL has no compound interval literal: one term per unit.
    let months = d.years * 12 + d.months;
    let days = d.weeks * 7 + d.days;
    let mut out = String::new();
    if months != 0 || days == 0 {
        out.push_str(&format!(" {sign} INTERVAL {months} MONTH"));
    }
    if days != 0 {
        out.push_str(&format!(" {sign} INTERVAL {days} DAY"));
    }
    out
}

/// SQLite date modifiers. `floor` keeps an overflowing day in its month (29 Feb − 1 year =
/// 28 Feb, as PostgreSQL and MySQL do), where SQLite alone would roll over to 1 March.
fn sqlite_modifiers(d: &Duration, sign: char) -> String {
    let mut out = String::new();
    if d.years != 0 {
        out.push_str(&format!(", '{sign}{} years', 'floor'", d.years));
    }
    if d.months != 0 {
        out.push_str(&format!(", '{sign}{} months', 'floor'", d.months));
    }
    let days = d.weeks * 7 + d.days;
    if days != 0 {
        out.push_str(&format!(", '{sign}{days} days'"));
    }
    out
}

/// A sampled binary value ([`Dialect::sample_binary`]: hexadecimal digits) as text, when its
/// bytes are UTF-8; `None` when they are not text (an image, a hash) or not hexadecimal. The
/// first 512 bytes may end inside a character: an incomplete last character is dropped.
pub fn decode_sampled_binary(hex: &str) -> Option<String> {
    let hex = hex.trim();
    if hex.len() % 2 != 0 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let bytes: Option<Vec<u8>> = hex
        .as_bytes()
        .chunks(2)
        .map(|p| Some((digit(p[0])? * 16 + digit(p[1])?) as u8))
        .collect();
    let bytes = bytes?;
    match std::str::from_utf8(&bytes) {
        Ok(s) => Some(s.to_string()),
        // Cut inside the last character only: keep what comes before it.
        Err(e) if e.error_len().is_none() => {
            Some(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned())
        }
        Err(_) => None,
    }
    // Control characters other than white space are not text either.
    .filter(|s| !s.chars().any(|c| c.is_control() && !c.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_values_are_text_only_when_utf8() {
        assert_eq!(
            decode_sampled_binary("6a65616e406578656d706c652e6672").as_deref(),
            Some("jean@exemple.fr")
        );
        // `é` cut after its first byte by the 512-byte bound: dropped.
        assert_eq!(decode_sampled_binary("4ac3a9c3").as_deref(), Some("Jé"));
        assert_eq!(decode_sampled_binary(""), Some(String::new()));
        // A PNG header, a NUL byte, odd or non-hex digits: not text.
        assert_eq!(decode_sampled_binary("89504e470d0a1a0a"), None);
        assert_eq!(decode_sampled_binary("610062"), None);
        assert_eq!(decode_sampled_binary("abc"), None);
        assert_eq!(decode_sampled_binary("zz"), None);
    }

    #[test]
    fn spatial_types_are_unreadable_on_mysql_only() {
        for t in [
            "point",
            "POINT",
            "geometry",
            "multipolygon",
            "geomcollection",
        ] {
            assert!(Dialect::Mysql.unreadable_type(t), "{t}");
            assert!(!Dialect::Postgres.unreadable_type(t), "{t}");
        }
        for t in ["varchar(20)", "pointer_text", "varbinary(255)", "json"] {
            assert!(!Dialect::Mysql.unreadable_type(t), "{t}");
        }
    }

    #[test]
    fn samples_are_bounded_and_pass_the_guard() {
        let cols = vec![Dialect::Postgres.sample_text("\"email\"")];
        let big = Dialect::Postgres
            .sample_rows("\"public\".\"t\"", &cols, 1000, Some(1_000_000))
            .sql;
        assert_eq!(
            big,
            "SELECT substr(CAST(\"email\" AS TEXT), 1, 512) FROM \"public\".\"t\" TABLESAMPLE SYSTEM (0.125000) REPEATABLE (0) LIMIT 1000"
        );
        let small = Dialect::Postgres
            .sample_rows("t", &cols, 1000, Some(1500))
            .sql;
        assert!(small.ends_with("FROM t LIMIT 1000"), "{small}");
        let unknown = Dialect::Postgres.sample_rows("t", &cols, 1000, None).sql;
        assert!(unknown.ends_with("FROM t LIMIT 1000"), "{unknown}");
        let all = Dialect::Sqlite.sample_rows("t", &cols, 0, Some(10)).sql;
        assert!(!all.contains("LIMIT"));
        for (d, sql) in [(Dialect::Postgres, &big), (Dialect::Sqlite, &small)] {
            guard::check_query(sql, d).unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    }
}
