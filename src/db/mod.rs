//! Backends: connect read-only, introspect, run guarded queries, stream text.
//!
//! The `db` layer knows SQL and rows only. Every statement goes through
//! [`crate::dialect::guard`] before it is sent; the session itself is read-only on the server
//! side and carries time limits, so a mistake in one barrier is caught by the next.

pub mod gate;
pub mod mysql;
pub mod postgres;
pub mod sqlite;
pub mod throttle;

use crate::catalog::{Catalog, Table};
use crate::check::{Grantee, Reach, RowCount, Sampled};
use crate::dialect::Dialect;
use crate::dialect::guard::Refusal;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

/// What was scanned, for the report header. Never holds a password.
#[derive(Clone, Debug, serde::Serialize)]
pub struct TargetInfo {
    pub dialect: Dialect,
    pub database: String,
    pub server_version: String,
    /// The URL with any password replaced by `***`.
    #[serde(skip)]
    pub url: String,
}

/// Time limits for every session.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub statement_timeout: Duration,
    pub lock_timeout: Duration,
    pub connect_timeout: Duration,
    /// Gentle mode: each session busy at most this share of wall time.
    pub throttle: Option<throttle::Throttle>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            statement_timeout: Duration::from_secs(300),
            lock_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(10),
            throttle: None,
        }
    }
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum DbError {
    #[error("cannot connect to {target}: {message}")]
    #[diagnostic(code(vigie::db::connect))]
    Connect {
        target: String,
        message: String,
        #[help]
        hint: Option<String>,
    },
    #[error("{0}")]
    #[diagnostic(
        code(vigie::db::url),
        help(
            "URLs look like postgres://user@host:5432/db, mysql://user@host/db, sqlite://path/to/file.db"
        )
    )]
    Url(String),
    #[error("query failed: {message}")]
    #[diagnostic(code(vigie::db::query))]
    Query {
        message: String,
        #[help]
        hint: Option<String>,
    },
    #[error("{0}")]
    #[diagnostic(code(vigie::db::refused))]
    Refused(#[from] Refusal),
}

impl DbError {
    pub fn query(message: impl Into<String>) -> DbError {
        DbError::Query {
            message: message.into(),
            hint: None,
        }
    }
}

/// One read-only connection, inside one read-only transaction that is rolled back at the end.
pub trait Session: Send {
    fn dialect(&self) -> Dialect;

    /// Run a query; every value as text (integers printed), NULL as `None`. `as_of` binds the
    /// as-of parameter (`$1`, `?1`, or every positional `?` on MySQL). The one row primitive
    /// a backend implements: counting, sampling and grants are built on it.
    fn rows(&mut self, sql: &str, as_of: Option<&str>)
    -> Result<Vec<Vec<Option<String>>>, DbError>;

    /// Run a counting query whose rows are `(count, key)` or `(count)`; returns the count and
    /// the keys in row order.
    fn count_keys(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<(u64, Vec<String>), DbError> {
        let rows = self.rows(sql, as_of)?;
        let mut count = 0u64;
        let mut keys = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = row.into_iter();
            match values.next().flatten().map(|c| c.trim().parse::<i64>()) {
                Some(Ok(c)) => count = c.max(0) as u64,
                other => {
                    return Err(DbError::query(format!(
                        "the count is not a number: {other:?}"
                    )));
                }
            }
            if let Some(k) = values.next() {
                keys.push(k.unwrap_or_else(|| "NULL".into()));
            }
        }
        Ok((count, keys))
    }

    /// The names of the columns a query returns, without running it.
    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError>;

    /// Stream `(key, text)` pairs of a two-column query, once, without holding the result.
    /// The strings are borrowed from the backend's buffers: copy what must outlive the call.
    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError>;

    /// [`Self::stream_pairs`] with the bytes as the server sent them, for a caller that checks
    /// UTF-8 itself, in bulk and off the reading thread. Backends whose driver hands out
    /// strings keep this default.
    fn stream_pairs_raw(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(&[u8], &[u8]),
    ) -> Result<(), DbError> {
        self.stream_pairs(sql, &mut |k, t| each(k.as_bytes(), t.as_bytes()))
    }

    /// At most `n` rows of every column of `table` as text (0: every row), spread over the
    /// table where the dialect can, and how many rows the table holds.
    ///
    /// Binary columns are read as hexadecimal and kept when their bytes are UTF-8 text
    /// ([`crate::dialect::decode_sampled_binary`]). A column the server cannot read as text
    /// never sinks the table: types the dialect knows it refuses are left out
    /// ([`crate::dialect::Dialect::unreadable_type`]), and when the sample still fails each
    /// column is tried alone (`LIMIT 1`) and the ones that fail are left out too, with the
    /// server's reason. Left-out columns are `None` in every row and listed in
    /// [`Sampled::skipped`].
    fn sample(&mut self, table: &Table, n: usize) -> Result<Sampled, DbError> {
        use crate::catalog::TypeKind;
        let d = self.dialect();
        let from = d.table_ref(table.schema.as_deref(), &table.name);
        let mut skipped: Vec<(usize, String)> = Vec::new();
        let binary: Vec<bool> = table
            .columns
            .iter()
            .map(|c| TypeKind::of(&c.data_type) == TypeKind::Binary)
            .collect();
        let exprs: Vec<String> = table
            .columns
            .iter()
            .zip(&binary)
            .map(|(c, &bin)| {
                let q = d.quote_ident(&c.name);
                if bin {
                    d.sample_binary(&q)
                } else {
                    d.sample_text(&q)
                }
            })
            .collect();
        for (i, c) in table.columns.iter().enumerate() {
            if d.unreadable_type(&c.data_type) {
                skipped.push((
                    i,
                    format!(
                        "{} cannot read the type `{}` as text",
                        d.name(),
                        c.data_type
                    ),
                ));
            }
        }
        let select = |skipped: &[(usize, String)]| -> Vec<(usize, String)> {
            exprs
                .iter()
                .enumerate()
                .filter(|(i, _)| !skipped.iter().any(|(s, _)| s == i))
                .map(|(i, e)| (i, e.clone()))
                .collect()
        };
        let mut read = select(&skipped);
        let mut query = d.sample_rows(
            &from,
            &read.iter().map(|(_, e)| e.clone()).collect::<Vec<_>>(),
            n,
            table.row_estimate,
        );
        let first = if read.is_empty() {
            Ok(Vec::new())
        } else {
            self.rows(&query.sql, None)
        };
        let partial = match first {
            Ok(rows) => rows,
            Err(whole) => {
                // Which columns does the server refuse? Each alone, on one row.
                let mut refused = Vec::new();
                for (i, e) in &read {
                    let one = d.sample_rows(&from, std::slice::from_ref(e), 1, None);
                    if let Err(why) = self.rows(&one.sql, None) {
                        refused.push((*i, format!("the server cannot read it as text: {why}")));
                    }
                }
                if refused.is_empty() {
                    return Err(whole);
                }
                skipped.extend(refused);
                skipped.sort_by_key(|(i, _)| *i);
                read = select(&skipped);
                query = d.sample_rows(
                    &from,
                    &read.iter().map(|(_, e)| e.clone()).collect::<Vec<_>>(),
                    n,
                    table.row_estimate,
                );
                if read.is_empty() {
                    Vec::new()
                } else {
                    self.rows(&query.sql, None)?
                }
            }
        };
        // Back to one value per column in catalog order.
        let rows: Vec<Vec<Option<String>>> = partial
            .into_iter()
            .map(|values| {
                let mut row = vec![None; table.columns.len()];
                for ((i, _), v) in read.iter().zip(values) {
                    row[*i] = if binary[*i] {
                        v.as_deref().and_then(crate::dialect::decode_sampled_binary)
                    } else {
                        v
                    };
                }
                row
            })
            .collect();
        let sampled = rows.len();
        let count = if !read.is_empty() && (n == 0 || (!query.spread && sampled < n)) {
            RowCount::Exact(sampled as u64)
        } else if d.exact_count_is_cheap() || read.is_empty() {
            let (count, _) = self.count_keys(&format!("SELECT count(*) FROM {from}"), None)?;
            RowCount::Exact(count)
        } else {
            match table.row_estimate {
                Some(e) => RowCount::Estimate(e.max(sampled as u64)),
                None => RowCount::AtLeast(sampled as u64),
            }
        };
        Ok(Sampled {
            rows,
            count,
            skipped,
        })
    }

    /// The tables of `tables` that `who` can reach, with the grants that give it. Backends
    /// without accounts (SQLite) are never asked: the access rules skip them.
    fn reach(&mut self, _who: Grantee<'_>, _tables: &BTreeSet<String>) -> Result<Reach, DbError> {
        Err(DbError::query(format!(
            "{} has no accounts or privileges",
            self.dialect().name()
        )))
    }

    /// Read the schema. `schemas` empty means every non-system schema.
    fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError>;

    /// Gentle mode: end the read-only transaction and begin another that takes its snapshot
    /// at its next statement, so that a session pausing between statements holds no snapshot.
    /// An idle snapshot keeps the server from pruning the row versions that concurrent
    /// writers leave behind, which slows them down; the price is that each statement sees the
    /// database as of its own start. Backends without that cost keep the default (nothing).
    fn release_snapshot(&mut self) -> Result<(), DbError> {
        Ok(())
    }

    /// Roll back and close.
    fn close(self: Box<Self>);
}

/// A parsed database URL.
#[derive(Clone, Debug)]
pub enum Target {
    Postgres { url: String },
    Sqlite { path: PathBuf },
    Mysql { url: String },
}

impl Target {
    pub fn parse(url: &str) -> Result<Target, DbError> {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            // A bad sslmode is a usage error, reported before any policy is read.
            postgres::tls::split_url(url, |var| std::env::var(var).ok())?;
            Ok(Target::Postgres {
                url: url.to_string(),
            })
        } else if lower.starts_with("mysql://") || lower.starts_with("mariadb://") {
            Ok(Target::Mysql {
                url: url.to_string(),
            })
        } else if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or(rest);
            Ok(Target::Sqlite {
                path: PathBuf::from(path),
            })
        } else if [".db", ".sqlite", ".sqlite3", ".db3"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Ok(Target::Sqlite {
                path: PathBuf::from(url),
            })
        } else {
            Err(DbError::Url(format!(
                "`{}` is not a database URL vigie understands",
                redact(url)
            )))
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Target::Postgres { .. } => Dialect::Postgres,
            Target::Sqlite { .. } => Dialect::Sqlite,
            Target::Mysql { .. } => Dialect::Mysql,
        }
    }

    pub fn redacted(&self) -> String {
        match self {
            Target::Postgres { url } | Target::Mysql { url } => redact(url),
            Target::Sqlite { path } => format!("sqlite://{}", path.display()),
        }
    }
}

/// Replace the password of a URL (`user:secret@`, `password=secret`) by `***`.
pub fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = out.find("://") {
        let rest_start = scheme_end + 3;
        let authority_end = out[rest_start..]
            .find(['/', '?'])
            .map(|i| rest_start + i)
            .unwrap_or(out.len());
        if let Some(at) = out[rest_start..authority_end].rfind('@') {
            let userinfo = &out[rest_start..rest_start + at];
            if let Some(colon) = userinfo.find(':') {
                let start = rest_start + colon + 1;
                out.replace_range(start..rest_start + at, "***");
            }
        }
    }
    let re = regex::Regex::new(r"(?i)(password|pass|pwd)=([^&\s]*)").expect("static regex");
    re.replace_all(&out, "$1=***").into_owned()
}

/// Open `count` sessions on the target that all see the same data (one exported snapshot on
/// PostgreSQL; consistent snapshots started back to back on MySQL/MariaDB). The first session
/// is the leader; it stays open for the whole scan.
pub fn open(
    target: &Target,
    count: usize,
    limits: Limits,
) -> Result<(TargetInfo, Vec<Box<dyn Session>>), DbError> {
    let (info, sessions) = match target {
        Target::Postgres { url } => postgres::open(url, count.max(1), limits),
        Target::Sqlite { path } => sqlite::open(path, count.max(1), limits),
        Target::Mysql { url } => mysql::open(url, count.max(1), limits),
    }?;
    let sessions = match limits.throttle {
        Some(t) => sessions.into_iter().map(|s| t.wrap(s)).collect(),
        None => sessions,
    };
    Ok((info, sessions))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server that refuses to read one column (`geo`) as text, whatever the dialect thinks,
    /// and answers every other query with two rows of `v`.
    struct Refusing {
        queries: Vec<String>,
    }

    impl Session for Refusing {
        fn dialect(&self) -> Dialect {
            Dialect::Postgres
        }
        fn rows(
            &mut self,
            sql: &str,
            _as_of: Option<&str>,
        ) -> Result<Vec<Vec<Option<String>>>, DbError> {
            self.queries.push(sql.to_string());
            if sql.contains("\"geo\"") {
                return Err(DbError::query("cannot cast type geo to text"));
            }
            if sql.starts_with("SELECT count(*)") {
                return Ok(vec![vec![Some("2".into())]]);
            }
            let columns = sql.matches("substr(").count() + sql.matches("encode(").count();
            let row = |v: &str| vec![Some(v.to_string()); columns];
            Ok(vec![row("v"), row("v")])
        }
        fn column_names(&mut self, _sql: &str) -> Result<Vec<String>, DbError> {
            Ok(Vec::new())
        }
        fn stream_pairs(
            &mut self,
            _sql: &str,
            _each: &mut dyn FnMut(&str, &str),
        ) -> Result<(), DbError> {
            Ok(())
        }
        fn introspect(&mut self, _schemas: &[String]) -> Result<Catalog, DbError> {
            Ok(Catalog::default())
        }
        fn close(self: Box<Self>) {}
    }

    #[test]
    fn a_column_the_server_refuses_is_skipped_not_the_table() {
        let column = |name: &str, ty: &str| crate::catalog::Column {
            name: name.into(),
            data_type: ty.into(),
            ..Default::default()
        };
        let table = Table {
            name: "t".into(),
            columns: vec![
                column("a", "text"),
                column("geo", "geo"),
                column("b", "text"),
            ],
            ..Table::default()
        };
        let mut s = Refusing {
            queries: Vec::new(),
        };
        let sampled = s.sample(&table, 10).expect("the table is read");
        assert_eq!(sampled.rows.len(), 2);
        assert_eq!(
            sampled.rows[0],
            vec![Some("v".to_string()), None, Some("v".to_string())]
        );
        assert_eq!(sampled.skipped.len(), 1);
        assert_eq!(sampled.skipped[0].0, 1);
        assert!(
            sampled.skipped[0]
                .1
                .starts_with("the server cannot read it as text: "),
            "{:?}",
            sampled.skipped
        );
        // The whole sample, then each column alone, then the sample without `geo`.
        assert_eq!(s.queries.len(), 5, "{:#?}", s.queries);
        assert!(!s.queries[4].contains("geo"));
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://dpo:s3cr3t@db.example:5432/crm"),
            "postgres://dpo:***@db.example:5432/crm"
        );
        assert_eq!(
            redact("postgres://db.example/crm?user=a&password=hunter2"),
            "postgres://db.example/crm?user=a&password=***"
        );
        assert_eq!(redact("postgres://dpo@h/crm"), "postgres://dpo@h/crm");
    }

    #[test]
    fn parses_targets() {
        assert!(matches!(
            Target::parse("sqlite:///tmp/x.db").unwrap(),
            Target::Sqlite { .. }
        ));
        assert!(matches!(
            Target::parse("crm.sqlite").unwrap(),
            Target::Sqlite { .. }
        ));
        assert!(matches!(
            Target::parse("postgresql://h/db").unwrap(),
            Target::Postgres { .. }
        ));
        assert!(Target::parse("oracle://x").is_err());
    }
}
