//! SQL differences between the backends, as capability methods rather than `if postgres`.
//!
//! Every generated statement is written through these methods, so adding a backend means
//! answering them once. Dates are always compared against one reference instant, the scan's
//! `--as-of`, given either as a bound parameter (what runs) or as a literal (what the report
//! shows and what remediation SQL uses, so a reviewer can replay it).

pub mod guard;
pub mod patterns;
pub mod remediation;

use crate::catalog::TypeClass;
use crate::policy::duration::Duration;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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

    /// A date or timestamp column as a comparable value. SQLite stores dates as text or
    /// numbers: `julianday(x, 'auto')` reads both and yields NULL for what is not a date.
    pub fn date_value(self, column: &str, class: TypeClass) -> String {
        match self {
            Dialect::Postgres => match class {
                TypeClass::Date | TypeClass::Timestamp => column.to_string(),
                _ => format!("CAST({column} AS timestamptz)"),
            },
            Dialect::Sqlite => format!("julianday({column}, 'auto')"),
            Dialect::Mysql => column.to_string(),
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
            Dialect::Mysql => format!("({column}{})", mysql_interval(d, '+')),
        }
    }

    /// A predicate true when the date in `column` is missing or unreadable.
    pub fn date_missing(self, column: &str, class: TypeClass) -> String {
        match self {
            Dialect::Sqlite => format!("julianday({column}, 'auto') IS NULL"),
            Dialect::Mysql => {
                format!("({column} IS NULL OR CAST({column} AS CHAR) LIKE '0000-00-00%')")
            }
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

    /// A key column rendered as text, for sample keys.
    pub fn key_text(self, column: &str) -> String {
        format!("CAST({column} AS {})", self.text_type())
    }

    /// The as-of instant as a literal of this dialect, for displayed and remediation SQL.
    pub fn as_of_literal(self, as_of: &jiff::Timestamp) -> String {
        let s = as_of.strftime("%Y-%m-%d %H:%M:%S").to_string();
        self.quote_literal(&s)
    }

    /// How a transaction is opened in generated remediation scripts.
    pub fn begin(self) -> &'static str {
        match self {
            Dialect::Mysql => "START TRANSACTION;",
            _ => "BEGIN;",
        }
    }
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
