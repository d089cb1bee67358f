//! PostgreSQL backend over tokio-postgres. The engine runs one blocking worker thread per
//! session, so each session owns a single-threaded runtime and blocks on it for every statement
//! (what the synchronous `postgres` crate does too). Owning the runtime lets a COPY stream be
//! read in one `block_on` for the whole column, not one per row.
//!
//! Read-only three times: statements are guarded before sending; the session starts with
//! `default_transaction_read_only=on` and every scan runs inside `BEGIN ISOLATION LEVEL
//! REPEATABLE READ, READ ONLY` that is rolled back; time limits are startup options, so no
//! `SET` is ever sent. All sessions import the leader's exported snapshot, so every count of
//! a scan describes the same instant; in gentle mode (`--throttle`) each statement takes its
//! own instead, so that no snapshot is held while vigie pauses.
//!
//! TLS follows libpq's `sslmode` (default `prefer`) on rustls: see [`tls`].

pub mod tls;

use super::{DbError, Limits, Session, TargetInfo, redact};
use crate::catalog::{Catalog, Column, Table};
use crate::check::{Grant, GrantLevel, Grantee, Reach};
use crate::dialect::{Dialect, guard};
use futures_util::StreamExt;
use std::collections::BTreeSet;
use std::str::FromStr;
use tls::{SslMode, TlsSpec};
use tokio::runtime::Runtime;
use tokio_postgres::config::{Host, SslMode as WireSslMode};
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::{Client, Config, NoTls, Socket};
use tokio_postgres_rustls::MakeRustlsConnect;

pub struct PgSession {
    rt: Runtime,
    client: Client,
}

/// How every session of a target connects: the parsed configuration and the TLS set-up,
/// built once (the CA and key files are read once per scan).
pub struct Connector {
    config: Config,
    spec: TlsSpec,
    rustls: Option<MakeRustlsConnect>,
    /// The URL with any password replaced, for messages.
    target: String,
}

impl Connector {
    pub fn new(url: &str, limits: Limits) -> Result<Connector, DbError> {
        let (config, spec) = config_from_url(url, limits)?;
        let target = redact(url);
        let rustls = spec.client_config(&target)?.map(MakeRustlsConnect::new);
        Ok(Connector {
            config,
            spec,
            rustls,
            target,
        })
    }

    /// The TLS settings in force.
    pub fn tls(&self) -> &TlsSpec {
        &self.spec
    }

    /// Connects, and drives the connection on a runtime of its own.
    fn connect(&self) -> Result<(Runtime, Client), DbError> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| DbError::Connect {
                target: self.target.clone(),
                message: format!("could not start the client runtime: {e}"),
                hint: None,
            })?;
        let client = rt
            .block_on(self.negotiate())
            .map_err(|e| self.connect_error(e))?;
        Ok((rt, client))
    }

    /// One connection in the TLS mode of the spec, with libpq's fall-backs: `prefer` goes on
    /// without TLS when the handshake fails, `allow` tries TLS when the server refuses a
    /// connection without it.
    async fn negotiate(&self) -> Result<Client, tokio_postgres::Error> {
        // As libpq: TLS does not apply to a Unix socket.
        let local = self
            .config
            .get_hosts()
            .iter()
            .all(|h| !matches!(h, Host::Tcp(_)));
        let rustls = match &self.rustls {
            Some(r) if !local => r,
            _ => return spawn(&self.config, WireSslMode::Disable, NoTls).await,
        };
        match self.spec.mode {
            SslMode::Disable => spawn(&self.config, WireSslMode::Disable, NoTls).await,
            SslMode::Allow => match spawn(&self.config, WireSslMode::Disable, NoTls).await {
                // 28000: no pg_hba.conf entry for a connection without encryption.
                Err(e)
                    if e.code()
                        == Some(
                            &tokio_postgres::error::SqlState::INVALID_AUTHORIZATION_SPECIFICATION,
                        ) =>
                {
                    spawn(&self.config, WireSslMode::Require, rustls.clone()).await
                }
                other => other,
            },
            SslMode::Prefer => match spawn(&self.config, WireSslMode::Prefer, rustls.clone()).await
            {
                Err(e) if tls::rustls_error(&e).is_some() => {
                    spawn(&self.config, WireSslMode::Disable, NoTls).await
                }
                other => other,
            },
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                spawn(&self.config, WireSslMode::Require, rustls.clone()).await
            }
        }
    }

    fn connect_error(&self, e: tokio_postgres::Error) -> DbError {
        let host = self
            .config
            .get_hosts()
            .iter()
            .find_map(|h| match h {
                Host::Tcp(name) => Some(name.as_str()),
                #[cfg(unix)]
                Host::Unix(_) => None,
            })
            .unwrap_or("localhost");
        if let Some(r) = tls::rustls_error(&e) {
            let (message, hint) = tls::explain(r, &self.spec, host);
            return DbError::Connect {
                target: self.target.clone(),
                message,
                hint: Some(hint),
            };
        }
        // The client's own message ("error performing TLS handshake") keeps the cause apart.
        let refused =
            std::iter::successors(Some(&e as &(dyn std::error::Error + 'static)), |err| {
                err.source()
            })
            .any(|err| err.to_string().contains("server does not support TLS"));
        if refused {
            return DbError::Connect {
                target: self.target.clone(),
                message: format!(
                    "the server does not support TLS, and sslmode={} requires it",
                    self.spec.mode.name()
                ),
                hint: Some(
                    "enable ssl on the server (ssl = on, with a certificate), or use sslmode=prefer or disable, only on a network you trust"
                        .into(),
                ),
            };
        }
        connect_error(&self.target, e)
    }
}

/// Connect with one TLS mode and drive the connection on the current runtime.
async fn spawn<T>(
    config: &Config,
    mode: WireSslMode,
    tls: T,
) -> Result<Client, tokio_postgres::Error>
where
    T: MakeTlsConnect<Socket> + 'static,
    T::Stream: Send + 'static,
{
    let mut config = config.clone();
    config.ssl_mode(mode);
    let (client, connection) = config.connect(tls).await?;
    tokio::spawn(connection);
    Ok(client)
}

fn ms(d: std::time::Duration) -> u128 {
    d.as_millis().max(1)
}

fn config_from_url(url: &str, limits: Limits) -> Result<(Config, TlsSpec), DbError> {
    let (rest, spec) = tls::split_url(url, |var| std::env::var(var).ok())?;
    let mut config = Config::from_str(&rest).map_err(|e| {
        DbError::Url(format!(
            "`{}` is not a valid PostgreSQL URL: {e}",
            redact(url)
        ))
    })?;
    // libpq's environment, which the Rust client does not read by itself.
    if config.get_hosts().is_empty() {
        match std::env::var("PGHOST") {
            Ok(h) if h.starts_with('/') => {
                config.host_path(h);
            }
            Ok(h) => {
                config.host(&h);
            }
            Err(_) => {
                if std::path::Path::new("/var/run/postgresql").exists() {
                    config.host_path("/var/run/postgresql");
                } else {
                    config.host("localhost");
                }
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some(port) = std::env::var("PGPORT").ok().and_then(|p| p.parse().ok())
    {
        config.port(port);
    }
    if config.get_user().is_none() {
        let user = std::env::var("PGUSER")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "postgres".into());
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = std::env::var("PGDATABASE")
            .unwrap_or_else(|_| config.get_user().unwrap_or("postgres").to_string());
        config.dbname(&db);
    }
    if config.get_password().is_none() {
        if let Ok(p) = std::env::var("PGPASSWORD") {
            config.password(p);
        } else if let Some(p) = pgpass_lookup(&config) {
            config.password(p);
        }
    }
    let mut options = config.get_options().unwrap_or("").to_string();
    options.push_str(&format!(
        " -c default_transaction_read_only=on -c statement_timeout={} -c lock_timeout={} -c idle_in_transaction_session_timeout={} -c TimeZone=UTC",
        ms(limits.statement_timeout),
        ms(limits.lock_timeout),
        ms(limits.statement_timeout) + 60_000,
    ));
    config.options(options.trim());
    config.application_name("vigie");
    config.connect_timeout(limits.connect_timeout);
    Ok((config, spec))
}

/// `~/.pgpass` (or `PGPASSFILE`): `host:port:database:user:password`, `*` as a wildcard.
fn pgpass_lookup(config: &Config) -> Option<String> {
    let path = std::env::var("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))
        .ok()?;
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(tokio_postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or("");
    let user = config.get_user().unwrap_or("");
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.splitn(5, ':').collect();
        if fields.len() != 5 {
            continue;
        }
        let ok = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        if ok(fields[0], &host) && ok(fields[1], &port) && ok(fields[2], db) && ok(fields[3], user)
        {
            return Some(fields[4].to_string());
        }
    }
    None
}

fn connect_error(target: &str, e: tokio_postgres::Error) -> DbError {
    let message = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            // The client's own message ("error connecting to server") hides the cause.
            let mut m = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                m.push_str(&format!(": {s}"));
                source = s.source();
            }
            m
        }
    };
    let lower = message.to_lowercase();
    let hint = if lower.contains("password") || lower.contains("authentication") {
        "check the user name and the password (in the URL, PGPASSWORD or ~/.pgpass); the password is never printed"
    } else if lower.contains("refused") || lower.contains("no such file") {
        "is the server running and listening at that host and port? check the URL"
    } else if lower.contains("timed out") || lower.contains("timeout") {
        "the server did not answer in time: check the host, the port and any firewall"
    } else if lower.contains("role") && lower.contains("does not exist") {
        "check the user name in the URL (or PGUSER)"
    } else if lower.contains("does not exist") {
        "check the database name in the URL"
    } else {
        "check the URL, the server and the account's rights"
    };
    DbError::Connect {
        target: target.to_string(),
        message,
        hint: Some(hint.into()),
    }
}

/// One value as text: integers (counts, keys) printed, everything else read as text.
fn cell_text(row: &tokio_postgres::Row, i: usize) -> Result<Option<String>, DbError> {
    use tokio_postgres::types::Type;
    let ty = row.columns()[i].type_();
    let text = if *ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(i)
            .map(|v| v.map(|n| n.to_string()))
    } else if *ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)
            .map(|v| v.map(|n| n.to_string()))
    } else if *ty == Type::INT2 {
        row.try_get::<_, Option<i16>>(i)
            .map(|v| v.map(|n| n.to_string()))
    } else {
        row.try_get::<_, Option<String>>(i)
    };
    text.map_err(query_error)
}

/// The server ended the session: an administrator terminated it (`pg_terminate_backend`), the
/// server shut down or restarted, or the connection was lost. Every later statement on the
/// session fails too, so the message says what happened rather than how the client noticed.
fn session_ended(e: &tokio_postgres::Error) -> Option<DbError> {
    let message = match e.as_db_error().map(|d| d.code().code()) {
        Some("57P01") => "the server ended the session (terminated by an administrator)",
        Some("57P02" | "57P03") => {
            "the server ended the session (it is shutting down or restarting)"
        }
        _ if e.is_closed() => {
            "the server ended the session (the connection closed: terminated by an administrator, a restart or the network)"
        }
        _ => return None,
    };
    Some(DbError::Query {
        message: message.to_string(),
        hint: Some(
            "scan again; if it happens again, ask the database's administrator whether sessions of the audit role are being terminated (an idle or statement time limit, a monitoring script)"
                .to_string(),
        ),
    })
}

fn query_error(e: tokio_postgres::Error) -> DbError {
    if let Some(ended) = session_ended(&e) {
        return ended;
    }
    let (message, code) = match e.as_db_error() {
        Some(db) => (db.message().to_string(), Some(db.code().code().to_string())),
        None => (e.to_string(), None),
    };
    let hint = match code.as_deref() {
        Some("57014") => Some(
            "the statement hit --statement-timeout; raise it or add an index on the anchor column"
                .to_string(),
        ),
        Some("55P03") => Some("a lock could not be taken within --lock-timeout".to_string()),
        Some("25006") => {
            Some("the server refused a write in vigie's read-only transaction".to_string())
        }
        Some("42P01") => Some("a table named in the policy does not exist".to_string()),
        Some("42703") => Some("a column named in the policy does not exist".to_string()),
        // Permission denied: on a function, schema or setting, granting SELECT would not help.
        Some("42501") if message.contains("for function") || message.contains("for procedure") => {
            Some("the audit role may not call this function; vigie's own checks never need it: remove it from the [[check]] or `where`".to_string())
        }
        Some("42501") if message.contains("for schema") => {
            Some("the audit role may not use this schema: GRANT USAGE ON SCHEMA to it".to_string())
        }
        Some("42501") => {
            Some("the account may not read this object: grant SELECT to the audit role".to_string())
        }
        _ => None,
    };
    DbError::Query { message, hint }
}

pub fn open(
    url: &str,
    count: usize,
    limits: Limits,
) -> Result<(TargetInfo, Vec<Box<dyn Session>>), DbError> {
    let connector = Connector::new(url, limits)?;
    let (rt, leader) = connector.connect()?;
    rt.block_on(leader.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        .map_err(query_error)?;
    let row = rt
        .block_on(leader.query_one(
            "SELECT current_database()::text, current_setting('server_version')::text",
            &[],
        ))
        .map_err(query_error)?;
    let info = TargetInfo {
        dialect: Dialect::Postgres,
        database: row.get(0),
        server_version: row.get(1),
        url: redact(url),
    };
    let mut sessions: Vec<Box<dyn Session>> = Vec::with_capacity(count);
    // In gentle mode each statement takes its own snapshot ([`Session::release_snapshot`]):
    // nothing to share.
    let snapshot: Option<String> = if count > 1 && limits.throttle.is_none() {
        // Standbys and some poolers cannot export snapshots: fall back to one snapshot per
        // session rather than refusing to scan.
        rt.block_on(leader.query_one("SELECT pg_export_snapshot()::text", &[]))
            .ok()
            .map(|r| r.get(0))
    } else {
        None
    };
    sessions.push(Box::new(PgSession::ready(rt, leader)?));
    for _ in 1..count {
        let (rt, client) = connector.connect()?;
        rt.block_on(client.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
            .map_err(query_error)?;
        if let Some(id) = &snapshot {
            // The snapshot id comes from the server and is only hex digits and dashes.
            let safe: String = id
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            rt.block_on(client.batch_execute(&format!("SET TRANSACTION SNAPSHOT '{safe}'")))
                .map_err(query_error)?;
        }
        sessions.push(Box::new(PgSession::ready(rt, client)?));
    }
    Ok((info, sessions))
}

impl PgSession {
    /// A failed statement aborts a PostgreSQL transaction, and every later check of the
    /// session would fail with "current transaction is aborted". A savepoint taken once the
    /// snapshot is set lets the session roll back to it after an error and go on, in the same
    /// snapshot.
    fn ready(rt: Runtime, client: Client) -> Result<PgSession, DbError> {
        rt.block_on(client.batch_execute("SAVEPOINT vigie"))
            .map_err(query_error)?;
        Ok(PgSession { rt, client })
    }

    fn execute(&self, sql: &str) -> Result<(), tokio_postgres::Error> {
        self.rt.block_on(self.client.batch_execute(sql))
    }

    /// The error of a failed statement, once the transaction is usable again.
    fn recover(&mut self, e: tokio_postgres::Error) -> DbError {
        let _ = self.execute("ROLLBACK TO SAVEPOINT vigie");
        query_error(e)
    }

    fn run(&mut self, sql: &str, as_of: Option<&str>) -> Result<Vec<tokio_postgres::Row>, DbError> {
        guard::check_query(sql, Dialect::Postgres)?;
        let result = match as_of {
            Some(a) => self.rt.block_on(self.client.query(sql, &[&a])),
            None => self.rt.block_on(self.client.query(sql, &[])),
        };
        result.map_err(|e| self.recover(e))
    }
}

impl Session for PgSession {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn rows(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<Vec<Option<String>>>, DbError> {
        let rows = self.run(sql, as_of)?;
        rows.iter()
            .map(|row| (0..row.len()).map(|i| cell_text(row, i)).collect())
            .collect()
    }

    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        guard::check_query(sql, Dialect::Postgres)?;
        let prepared = self.rt.block_on(self.client.prepare(sql));
        let stmt = prepared.map_err(|e| self.recover(e))?;
        Ok(stmt
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect())
    }

    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError> {
        self.stream_pairs_raw(sql, &mut |k, t| each(&utf8(k), &utf8(t)))
    }

    fn stream_pairs_raw(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(&[u8], &[u8]),
    ) -> Result<(), DbError> {
        // COPY is not a query, so the guard sees the inner SELECT; COPY … TO STDOUT streams
        // rows to this client only, without a cursor round trip per batch. The binary format
        // spares the server the escaping of every byte of text, and the client its undoing.
        guard::check_query(sql, Dialect::Postgres)?;
        let streamed = self.rt.block_on(copy_pairs(&self.client, sql, each));
        match streamed {
            Ok(()) => Ok(()),
            Err(CopyError::Start(e)) => Err(self.recover(e)),
            // A COPY cut short (a time limit, a lost row) also leaves the transaction aborted.
            Err(CopyError::Read(e)) => {
                if let Some(ended) = session_ended(&e) {
                    return Err(ended);
                }
                let _ = self.execute("ROLLBACK TO SAVEPOINT vigie");
                Err(DbError::query(format!(
                    "reading the COPY stream failed: {e}"
                )))
            }
            Err(CopyError::Format(why)) => {
                let _ = self.execute("ROLLBACK TO SAVEPOINT vigie");
                Err(DbError::query(format!(
                    "the COPY stream could not be read: {why}"
                )))
            }
        }
    }

    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, DbError> {
        let d = Dialect::Postgres;
        let (role, holder, level) = match who {
            Grantee::Public => ("public", "PUBLIC".to_string(), GrantLevel::Table),
            Grantee::Role(r) => (r, d.quote_ident(r), GrantLevel::Membership),
        };
        let rows = self.rows(&privileged_tables_sql(role, tables), None)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| r.into_iter().next().flatten())
            .map(|t| {
                let grant = Grant {
                    holder: holder.clone(),
                    level: level.clone(),
                };
                (t, vec![grant])
            })
            .collect())
    }

    fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError> {
        introspect(self, schemas)
    }

    fn release_snapshot(&mut self) -> Result<(), DbError> {
        // A REPEATABLE READ transaction takes its snapshot at its first query, not at BEGIN
        // or SAVEPOINT: between statements the session holds none.
        self.execute("ROLLBACK; BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SAVEPOINT vigie")
            .map_err(query_error)
    }

    fn close(self: Box<Self>) {
        let _ = self.execute("ROLLBACK");
    }
}

enum CopyError {
    Start(tokio_postgres::Error),
    Read(tokio_postgres::Error),
    Format(&'static str),
}

/// Stream `sql` (two columns) through `COPY … TO STDOUT (FORMAT binary)` into `each`, one
/// `(key, text)` row at a time, borrowed from the message: no allocation per row. Both columns
/// are cast to text, so their binary form is their UTF-8 bytes.
async fn copy_pairs(
    client: &Client,
    sql: &str,
    each: &mut dyn FnMut(&[u8], &[u8]),
) -> Result<(), CopyError> {
    // An integer key travels in binary (2, 4 or 8 bytes, as its type) and is printed here: the
    // server's int-to-text conversion of every key was a seventh of its work on a table of
    // short notes. The
    // statement is described first (one round trip) to learn the key's type.
    let described = client.prepare(sql).await.map_err(CopyError::Start)?;
    let int_key = described.columns().first().is_some_and(|c| {
        matches!(
            *c.type_(),
            tokio_postgres::types::Type::INT2
                | tokio_postgres::types::Type::INT4
                | tokio_postgres::types::Type::INT8
        )
    });
    drop(described);
    let key = if int_key { "s.k" } else { "s.k::text" };
    let copy =
        format!("COPY (SELECT {key}, s.v::text FROM ({sql}) AS s(k, v)) TO STDOUT (FORMAT binary)");
    let stream = client.copy_out(&copy).await.map_err(CopyError::Start)?;
    let mut stream = std::pin::pin!(stream);
    let mut rows = BinaryRows {
        int_key,
        ..BinaryRows::default()
    };
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(CopyError::Read)?;
        rows.feed(&chunk, each)?;
    }
    rows.finish()
}

/// Cuts COPY's binary format into `(key, text)` rows. The server sends one message per row, but
/// the protocol does not promise it, so a row cut across messages is put back together.
#[derive(Default)]
struct BinaryRows {
    /// The start of a row (or of the header) whose end is in a later message.
    pending: Vec<u8>,
    header: bool,
    trailer: bool,
    /// The key is a binary int2, int4 or int8, printed in decimal.
    int_key: bool,
}

/// `PGCOPY\n\xff\r\n\0`, then 32-bit flags and the length of a header extension.
const SIGNATURE: &[u8; 11] = b"PGCOPY\n\xff\r\n\0";

impl BinaryRows {
    fn feed(&mut self, data: &[u8], each: &mut dyn FnMut(&[u8], &[u8])) -> Result<(), CopyError> {
        if self.pending.is_empty() {
            let used = self.parse(data, each)?;
            self.pending.extend_from_slice(&data[used..]);
        } else {
            let mut buf = std::mem::take(&mut self.pending);
            buf.extend_from_slice(data);
            let used = self.parse(&buf, each)?;
            buf.drain(..used);
            self.pending = buf;
        }
        Ok(())
    }

    fn finish(&self) -> Result<(), CopyError> {
        if !self.pending.is_empty() || (self.header && !self.trailer) {
            return Err(CopyError::Format("the stream ended inside a row"));
        }
        Ok(())
    }

    /// Reads the complete rows at the start of `data`; returns the bytes used.
    fn parse(
        &mut self,
        data: &[u8],
        each: &mut dyn FnMut(&[u8], &[u8]),
    ) -> Result<usize, CopyError> {
        let be16 = |at: usize| i16::from_be_bytes([data[at], data[at + 1]]);
        let be32 =
            |at: usize| i32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
        let mut pos = 0;
        if !self.header {
            if data.len() < 19 {
                return Ok(0);
            }
            if &data[..11] != SIGNATURE {
                return Err(CopyError::Format("not a binary COPY stream"));
            }
            let extension = usize::try_from(be32(15))
                .map_err(|_| CopyError::Format("a negative header length"))?;
            if data.len() < 19 + extension {
                return Ok(0);
            }
            pos = 19 + extension;
            self.header = true;
        }
        while !self.trailer && data.len() >= pos + 2 {
            let fields = be16(pos);
            if fields == -1 {
                self.trailer = true;
                pos += 2;
                break;
            }
            let mut at = pos + 2;
            let mut values: [Option<&[u8]>; 2] = [None, None];
            for f in 0..usize::try_from(fields).unwrap_or(0) {
                if data.len() < at + 4 {
                    return Ok(pos);
                }
                let len = be32(at);
                at += 4;
                if len < 0 {
                    continue;
                }
                let len = len as usize;
                if data.len() < at + len {
                    return Ok(pos);
                }
                if let Some(value) = values.get_mut(f) {
                    *value = Some(&data[at..at + len]);
                }
                at += len;
            }
            if fields == 2
                && let [Some(k), Some(t)] = values
            {
                if self.int_key {
                    let k = match *k {
                        [a, b] => i64::from(i16::from_be_bytes([a, b])),
                        [a, b, c, d] => i64::from(i32::from_be_bytes([a, b, c, d])),
                        [a, b, c, d, e, f, g, h] => i64::from_be_bytes([a, b, c, d, e, f, g, h]),
                        _ => return Err(CopyError::Format("an integer key of an odd width")),
                    };
                    let mut digits = itoa::Buffer::new();
                    each(digits.format(k).as_bytes(), t);
                } else {
                    each(k, t);
                }
            }
            pos = at;
        }
        Ok(pos)
    }
}

/// The server sends UTF-8 (the session's client encoding); a stray byte is replaced, not fatal.
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

fn schema_filter(schemas: &[String]) -> String {
    if schemas.is_empty() {
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'".to_string()
    } else {
        let list: Vec<String> = schemas
            .iter()
            .map(|s| Dialect::Postgres.quote_literal(s))
            .collect();
        format!("n.nspname IN ({})", list.join(", "))
    }
}

fn introspect(s: &mut PgSession, schemas: &[String]) -> Result<Catalog, DbError> {
    let filter = schema_filter(schemas);
    let columns = s.rows(
        &format!(
            "SELECT n.nspname::text, c.relname::text, a.attname::text, \
             format_type(a.atttypid, a.atttypmod)::text, \
             CASE WHEN a.attnotnull THEN 'f' ELSE 't' END, \
             pg_get_expr(d.adbin, d.adrelid)::text, col_description(c.oid, a.attnum)::text, \
             obj_description(c.oid, 'pg_class')::text, \
             CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint::text END, c.relkind::text \
             FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
             LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum \
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND {filter} \
             ORDER BY n.nspname, c.relname, a.attnum"
        ),
        None,
    )?;
    let keys = s.rows(
        &format!(
            "SELECT n.nspname::text, c.relname::text, a.attname::text \
             FROM pg_index i \
             JOIN pg_class c ON c.oid = i.indrelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) \
             WHERE i.indisprimary AND {filter} \
             ORDER BY n.nspname, c.relname, array_position(i.indkey::int2[], a.attnum)"
        ),
        None,
    )?;
    let mut catalog = Catalog::default();
    for row in columns {
        let get = |i: usize| row.get(i).cloned().flatten();
        let schema = get(0).unwrap_or_default();
        let name = get(1).unwrap_or_default();
        let needs_new = catalog
            .tables
            .last()
            .is_none_or(|t| t.name != name || t.schema.as_deref() != Some(schema.as_str()));
        if needs_new {
            catalog.tables.push(Table {
                schema: Some(schema.clone()),
                name: name.clone(),
                comment: get(7),
                row_estimate: get(8).and_then(|v| v.parse().ok()),
                view: matches!(get(9).as_deref(), Some("v" | "m")),
                ..Table::default()
            });
        }
        let table = catalog.tables.last_mut().expect("pushed above");
        table.columns.push(Column {
            name: get(2).unwrap_or_default(),
            data_type: get(3).unwrap_or_default(),
            nullable: get(4).as_deref() == Some("t"),
            default: get(5),
            comment: get(6),
        });
    }
    for row in keys {
        let get = |i: usize| row.get(i).cloned().flatten().unwrap_or_default();
        catalog.push_primary_key(&get(0), &get(1), get(2));
    }
    // `pg_roles` is readable by every role (the password column is masked).
    let roles = s.rows("SELECT rolname::text FROM pg_roles ORDER BY 1", None)?;
    catalog.roles = Some(
        roles
            .into_iter()
            .map(|r| crate::catalog::Role {
                user: r.into_iter().next().flatten().unwrap_or_default(),
                host: String::new(),
            })
            .collect(),
    );
    Ok(catalog)
}

const TABLE_PRIVILEGES: &str = "SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER";
const COLUMN_PRIVILEGES: &str = "SELECT,INSERT,UPDATE,REFERENCES";

/// Tables of `tables` on which `role` holds a privilege, membership included
/// (`has_table_privilege`). For a named role, tables open to PUBLIC are left out: the public
/// answer reports them, where the fix is.
fn privileged_tables_sql(role: &str, tables: &BTreeSet<String>) -> String {
    let d = Dialect::Postgres;
    let list: Vec<String> = tables.iter().map(|t| d.quote_literal(t)).collect();
    let not_public = if role == "public" {
        String::new()
    } else {
        format!(
            " AND NOT (has_table_privilege('public', c.oid, '{TABLE_PRIVILEGES}') \
             OR has_any_column_privilege('public', c.oid, '{COLUMN_PRIVILEGES}'))"
        )
    };
    let role = d.quote_literal(role);
    format!(
        "SELECT (n.nspname || '.' || c.relname)::text FROM pg_class AS c \
         JOIN pg_namespace AS n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') \
         AND (n.nspname || '.' || c.relname) IN ({}) \
         AND (has_table_privilege({role}, c.oid, '{TABLE_PRIVILEGES}') \
              OR has_any_column_privilege({role}, c.oid, '{COLUMN_PRIVILEGES}')){not_public} \
         ORDER BY 1",
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::{BinaryRows, SIGNATURE};

    fn row(fields: &[Option<&[u8]>]) -> Vec<u8> {
        let mut out = (fields.len() as i16).to_be_bytes().to_vec();
        for f in fields {
            match f {
                Some(v) => {
                    out.extend_from_slice(&(v.len() as i32).to_be_bytes());
                    out.extend_from_slice(v);
                }
                None => out.extend_from_slice(&(-1i32).to_be_bytes()),
            }
        }
        out
    }

    #[test]
    fn binary_rows_are_read_across_messages() {
        let mut stream = SIGNATURE.to_vec();
        stream.extend_from_slice(&0i32.to_be_bytes());
        stream.extend_from_slice(&4i32.to_be_bytes());
        stream.extend_from_slice(b"ext!");
        stream.extend(row(&[Some(b"1"), Some(b"one")]));
        stream.extend(row(&[Some(b"2"), Some(b"two\tand\nmore \\N")]));
        stream.extend(row(&[Some(b"3"), None]));
        stream.extend(row(&[None, Some(b"no key")]));
        stream.extend(row(&[Some(b""), Some("fi\u{e9}".as_bytes())]));
        stream.extend(row(&[Some(b"6"), Some(b"")]));
        stream.extend_from_slice(&(-1i16).to_be_bytes());
        let expected = [
            ("1", "one"),
            ("2", "two\tand\nmore \\N"),
            ("", "fi\u{e9}"),
            ("6", ""),
        ];
        // Every way of cutting the stream in two, and byte by byte.
        let mut cuts: Vec<Vec<usize>> = (0..=stream.len()).map(|c| vec![c]).collect();
        cuts.push((1..stream.len()).collect());
        for cut in cuts {
            let mut seen: Vec<(String, String)> = Vec::new();
            let mut each = |k: &[u8], t: &[u8]| {
                seen.push((
                    String::from_utf8_lossy(k).into_owned(),
                    String::from_utf8_lossy(t).into_owned(),
                ))
            };
            let mut rows = BinaryRows::default();
            let mut from = 0;
            for &c in cut.iter().chain(std::iter::once(&stream.len())) {
                assert!(rows.feed(&stream[from..c], &mut each).is_ok());
                from = c;
            }
            assert!(rows.finish().is_ok());
            let pairs: Vec<(&str, &str)> =
                seen.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
            assert_eq!(pairs, expected, "cut at {cut:?}");
        }
    }

    #[test]
    fn a_truncated_or_foreign_stream_is_an_error() {
        let mut each = |_: &[u8], _: &[u8]| {};
        let mut rows = BinaryRows::default();
        assert!(rows.feed(b"1\tone\n2\ttwo\n3\tthree\n", &mut each).is_err());
        let mut stream = SIGNATURE.to_vec();
        stream.extend_from_slice(&[0; 8]);
        stream.extend(row(&[Some(b"1"), Some(b"one")]));
        let mut rows = BinaryRows::default();
        assert!(rows.feed(&stream[..stream.len() - 1], &mut each).is_ok());
        assert!(rows.finish().is_err());
    }

    #[test]
    fn integer_keys_are_printed_in_decimal() {
        // A whole binary stream of `(key, "t")` rows, read with integer keys.
        let read = |keys: &[&[u8]]| -> Result<Vec<String>, ()> {
            let mut stream = SIGNATURE.to_vec();
            stream.extend_from_slice(&[0; 8]);
            for k in keys {
                stream.extend(row(&[Some(k), Some(b"t")]));
            }
            stream.extend_from_slice(&(-1i16).to_be_bytes());
            let mut seen: Vec<String> = Vec::new();
            let mut each = |k: &[u8], _: &[u8]| seen.push(String::from_utf8_lossy(k).into_owned());
            let mut rows = BinaryRows {
                int_key: true,
                ..BinaryRows::default()
            };
            rows.feed(&stream, &mut each).map_err(|_| ())?;
            rows.finish().map_err(|_| ())?;
            Ok(seen)
        };
        let int8: Vec<[u8; 8]> = [0i64, 42, -7, i64::MAX].map(i64::to_be_bytes).to_vec();
        let int8: Vec<&[u8]> = int8.iter().map(|k| k.as_slice()).collect();
        assert_eq!(
            read(&int8).unwrap(),
            ["0", "42", "-7", "9223372036854775807"]
        );
        // int2 and int4 keys, by their width.
        assert_eq!(
            read(&[&(-3i16).to_be_bytes(), &i32::MAX.to_be_bytes()]).unwrap(),
            ["-3", "2147483647"]
        );
        // A key of another width is a foreign stream, not a wrong key.
        assert!(read(&[&[0, 0, 7]]).is_err());
    }
}
