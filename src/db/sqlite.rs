//! SQLite backend over rusqlite (SQLite compiled in, so a consultant's laptop needs nothing
//! installed).
//!
//! Read-only three times: statements are guarded; the file is opened with
//! `SQLITE_OPEN_READ_ONLY` (the `mode=ro` of a URI) so SQLite itself refuses writes, plus
//! `PRAGMA query_only`; every session reads inside a transaction that is rolled back. A
//! progress handler enforces the statement timeout, which SQLite has no setting for.

use super::{DbError, Limits, Session, TargetInfo};
use crate::catalog::{Catalog, Column, Table};
use crate::dialect::{Dialect, guard};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub struct SqliteSession {
    conn: Connection,
    /// Milliseconds since `epoch` after which the running statement is interrupted.
    deadline: Arc<AtomicU64>,
    epoch: Instant,
    timeout_ms: u64,
}

/// Whether SQLite answered that another connection holds a lock on the file.
fn locked(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

const LOCKED_HINT: &str = "another process holds a lock on the file (an application writing to \
     it, a backup): scan again when it is done, scan a copy of the file, or wait longer with \
     --lock-timeout";

fn query_error(e: rusqlite::Error) -> DbError {
    let message = e.to_string();
    let hint = if locked(&e) {
        Some(LOCKED_HINT.to_string())
    } else if message.contains("interrupted") {
        Some("the statement hit --statement-timeout".to_string())
    } else if message.contains("no such table") {
        Some("a table named in the policy does not exist".to_string())
    } else if message.contains("no such column") {
        Some("a column named in the policy does not exist".to_string())
    } else if message.contains("readonly") || message.contains("read-only") {
        Some("the database is opened read-only: vigie never writes".to_string())
    } else {
        None
    };
    DbError::Query { message, hint }
}

fn connect(path: &Path, limits: Limits) -> Result<SqliteSession, DbError> {
    if !path.exists() {
        return Err(DbError::Connect {
            target: format!("sqlite://{}", path.display()),
            message: "the file does not exist".into(),
            hint: Some("check the path; vigie never creates a database".into()),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| DbError::Connect {
        target: format!("sqlite://{}", path.display()),
        message: e.to_string(),
        hint: Some("check that the file is a SQLite database and is readable".into()),
    })?;
    conn.busy_timeout(limits.lock_timeout)
        .map_err(query_error)?;
    conn.execute_batch("PRAGMA query_only = ON; BEGIN DEFERRED;")
        .map_err(query_error)?;
    let deadline = Arc::new(AtomicU64::new(u64::MAX));
    let epoch = Instant::now();
    let d = deadline.clone();
    conn.progress_handler(
        10_000,
        Some(move || epoch.elapsed().as_millis() as u64 > d.load(Ordering::Relaxed)),
    )
    .map_err(query_error)?;
    let session = SqliteSession {
        conn,
        deadline,
        epoch,
        timeout_ms: limits.statement_timeout.as_millis() as u64,
    };
    // Reading the schema here makes a file that is not a database fail at connect time.
    session
        .conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(|e| DbError::Connect {
            target: format!("sqlite://{}", path.display()),
            message: e.to_string(),
            hint: Some(if locked(&e) {
                LOCKED_HINT.into()
            } else {
                "check that the file is a SQLite database".into()
            }),
        })?;
    Ok(session)
}

pub fn open(
    path: &Path,
    count: usize,
    limits: Limits,
) -> Result<(TargetInfo, Vec<Box<dyn Session>>), DbError> {
    let mut sessions: Vec<Box<dyn Session>> = Vec::with_capacity(count);
    for _ in 0..count {
        sessions.push(Box::new(connect(path, limits)?));
    }
    let info = TargetInfo {
        dialect: Dialect::Sqlite,
        database: path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        server_version: rusqlite::version().to_string(),
        url: format!("sqlite://{}", path.display()),
    };
    Ok((info, sessions))
}

fn value_text(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

impl SqliteSession {
    fn arm(&self) {
        let now = self.epoch.elapsed().as_millis() as u64;
        self.deadline
            .store(now.saturating_add(self.timeout_ms), Ordering::Relaxed);
    }

    fn for_each_row(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
        each: &mut dyn FnMut(&rusqlite::Row<'_>) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        guard::check_query(sql, Dialect::Sqlite)?;
        self.arm();
        let mut stmt = self.conn.prepare(sql).map_err(query_error)?;
        let mut rows = match as_of {
            Some(a) if stmt.parameter_count() > 0 => stmt.query([a]),
            _ => stmt.query([]),
        }
        .map_err(query_error)?;
        while let Some(row) = rows.next().map_err(query_error)? {
            each(row)?;
        }
        Ok(())
    }
}

impl Session for SqliteSession {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn rows(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<Vec<Option<String>>>, DbError> {
        let mut out = Vec::new();
        self.for_each_row(sql, as_of, &mut |row| {
            let n = row.as_ref().column_count();
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(value_text(row.get_ref(i).map_err(query_error)?));
            }
            out.push(values);
            Ok(())
        })?;
        Ok(out)
    }

    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        guard::check_query(sql, Dialect::Sqlite)?;
        let stmt = self.conn.prepare(sql).map_err(query_error)?;
        Ok(stmt.column_names().map(String::from).collect())
    }

    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError> {
        self.for_each_row(sql, None, &mut |row| {
            let k = value_text(row.get_ref(0).map_err(query_error)?);
            // The text is borrowed from SQLite's row buffer when it is valid UTF-8.
            let t = match row.get_ref(1).map_err(query_error)? {
                ValueRef::Text(t) => Some(String::from_utf8_lossy(t)),
                other => value_text(other).map(std::borrow::Cow::Owned),
            };
            if let (Some(k), Some(t)) = (k, t) {
                each(&k, &t);
            }
            Ok(())
        })
    }

    fn introspect(&mut self, _schemas: &[String]) -> Result<Catalog, DbError> {
        let rows = self.rows(
            "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, m.type \
             FROM sqlite_schema AS m JOIN pragma_table_info(m.name) AS p \
             WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             ORDER BY m.name, p.cid",
            None,
        )?;
        let mut catalog = Catalog::default();
        let mut pk_order: Vec<Vec<(i64, String)>> = Vec::new();
        for row in rows {
            let get = |i: usize| row.get(i).cloned().flatten();
            let table = get(0).unwrap_or_default();
            if catalog.tables.last().is_none_or(|t| t.name != table) {
                catalog.tables.push(Table {
                    schema: None,
                    name: table,
                    view: get(6).as_deref() == Some("view"),
                    ..Table::default()
                });
                pk_order.push(Vec::new());
            }
            let column = get(1).unwrap_or_default();
            let pk: i64 = get(5).and_then(|v| v.parse().ok()).unwrap_or(0);
            if pk > 0 {
                pk_order
                    .last_mut()
                    .expect("pushed with the table")
                    .push((pk, column.clone()));
            }
            let t = catalog.tables.last_mut().expect("pushed above");
            t.columns.push(Column {
                name: column,
                data_type: get(2).unwrap_or_default(),
                nullable: get(3).as_deref() != Some("1") && pk == 0,
                default: get(4),
                comment: None,
            });
        }
        for (t, mut pk) in catalog.tables.iter_mut().zip(pk_order) {
            pk.sort();
            t.primary_key = pk.into_iter().map(|(_, c)| c).collect();
        }
        Ok(catalog)
    }

    fn close(self: Box<Self>) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }
}
