//! MySQL and MariaDB backend over `mysql_async`.
//!
//! **Why an async client behind a synchronous session.** The engine runs one blocking worker
//! thread per session. Each `MysqlSession` owns a small current-thread tokio runtime and
//! drives its one connection with `block_on`: the socket is polled on the worker thread that
//! owns the session, so there is no shared runtime, no extra thread and no cross-thread wake-up
//! per packet while a million comments stream by. mysql_async with `default-rustls-ring` is the
//! client measured to build here with TLS and no system OpenSSL (design.md); a runtime per
//! session costs a few kilobytes and no thread.
//!
//! **Read-only three times**, as on PostgreSQL:
//! 1. every statement is guarded ([`guard::check_query`] with the MySQL dialect) and then sent
//!    as a *prepared statement*: the server refuses more than one statement in
//!    `COM_STMT_PREPARE`, so even a guard bug cannot smuggle a second statement after a `;`;
//! 2. the session is `SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY` and
//!    works inside `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`, always rolled back:
//!    a write that gets past the guard (a stored function the policy calls) fails at the server;
//! 3. time limits chosen from the server's version string: `max_statement_time` (seconds) on
//!    MariaDB, `max_execution_time` (milliseconds, SELECT only) on MySQL; `lock_wait_timeout`
//!    and `innodb_lock_wait_timeout` for locks, MariaDB's `idle_transaction_timeout` like
//!    PostgreSQL's `idle_in_transaction_session_timeout`. The connection says `program_name =
//!    vigie` in its connection attributes.
//!
//! The `SET` and `START TRANSACTION` statements are vigie's own session set-up, fixed text
//! with numbers, never user input: they are not guarded, like PostgreSQL's `SET TRANSACTION
//! SNAPSHOT`.
//!
//! **Session `sql_mode`.** The guard parses with sqlparser's MySQL dialect, which reads
//! backslash escapes in strings and double quotes as strings. A server with
//! `NO_BACKSLASH_ESCAPES` or `ANSI_QUOTES` would read the same text differently (`'\'` ends
//! a string there), which would let a statement mean one thing to the guard and another to
//! the server; so the session keeps the server's `sql_mode` minus those two. The time zone is
//! `+00:00`, so `TIMESTAMP` columns read in UTC like the as-of instant.
//!
//! **One picture.** MySQL and MariaDB cannot share a snapshot between connections (no
//! `pg_export_snapshot`). Every connection is opened first, then each starts its consistent
//! snapshot back to back, so the sessions of a scan differ at most by what commits in those
//! few milliseconds; `--jobs 1` gives one snapshot exactly. Snapshots cover transactional
//! engines (InnoDB); MyISAM tables are read as they are at each statement.
//!
//! **Placeholders.** MySQL's `?` is positional, not numbered: a statement that compares with
//! the as-of instant three times needs it bound three times. The server says how many
//! parameters a prepared statement has (a `?` inside a string literal is not one), and the
//! session binds the instant that many times.
//!
//! **TLS.** rustls on ring, no system OpenSSL. `ssl-mode` as the `mysql` client understands
//! it: `PREFERRED` (default: TLS when the server offers it, not verified), `DISABLED`,
//! `REQUIRED` (TLS or fail, not verified), `VERIFY_CA` (the certificate chains to `ssl-ca`),
//! `VERIFY_IDENTITY` (and names the host). `ssl-ca` alone means `VERIFY_CA`. No local-infile
//! handler is installed, so a hostile server cannot ask vigie for a file.

use super::{DbError, Limits, Session, TargetInfo, redact};
use crate::catalog::{Catalog, Column, Table};
use crate::check::{Grant, GrantLevel, Grantee, Reach};
use crate::dialect::{Dialect, guard};
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Opts, OptsBuilder, Params, Row, SslOpts, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

/// Which server family answered: they share the SQL but not the names of their settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Mysql,
    Mariadb,
}

/// `ssl-mode`, with the `mysql` client's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disabled,
    Preferred,
    Required,
    VerifyCa,
    VerifyIdentity,
}

impl SslMode {
    fn parse(value: &str) -> Option<SslMode> {
        // The mysql client's names, and libpq's for people coming from PostgreSQL.
        match value.to_ascii_lowercase().replace('-', "_").as_str() {
            "disabled" | "disable" => Some(SslMode::Disabled),
            "preferred" | "prefer" => Some(SslMode::Preferred),
            "required" | "require" => Some(SslMode::Required),
            "verify_ca" => Some(SslMode::VerifyCa),
            "verify_identity" | "verify_full" => Some(SslMode::VerifyIdentity),
            _ => None,
        }
    }
}

/// A parsed `mysql://` or `mariadb://` URL.
#[derive(Clone, Debug)]
pub struct ConnSpec {
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    password: Option<String>,
    pub database: Option<String>,
    pub socket: Option<String>,
    pub ssl_mode: SslMode,
    pub ssl_ca: Option<PathBuf>,
    pub ssl_cert: Option<PathBuf>,
    pub ssl_key: Option<PathBuf>,
    redacted: String,
}

const URL_PARAMETERS: &str = "ssl-mode, ssl-ca, ssl-cert, ssl-key, socket";

impl ConnSpec {
    /// Parse a URL; a password missing from it is taken from `MYSQL_PWD`, as the client does.
    pub fn parse(url: &str) -> Result<ConnSpec, DbError> {
        let redacted = redact(url);
        let bad =
            |why: String| DbError::Url(format!("`{redacted}` is not a valid MySQL URL: {why}"));
        let rest = url
            .split_once("://")
            .map(|(_, rest)| rest)
            .ok_or_else(|| bad("it must start with mysql:// or mariadb://".into()))?;
        // The `url` crate only knows the authority of schemes it has heard of, so parse the
        // same text under a neutral scheme.
        let parsed = url::Url::parse(&format!("mysql://{rest}")).map_err(|e| bad(e.to_string()))?;
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let host = parsed
            .host_str()
            .map(|h| h.trim_start_matches('[').trim_end_matches(']').to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "localhost".into());
        let user = Some(decode(parsed.username()))
            .filter(|u| !u.is_empty())
            .or_else(|| std::env::var("USER").ok());
        let password = parsed
            .password()
            .map(decode)
            .or_else(|| std::env::var("MYSQL_PWD").ok());
        let database = parsed
            .path_segments()
            .and_then(|mut s| s.next().map(decode))
            .filter(|d| !d.is_empty());
        let mut spec = ConnSpec {
            host,
            port: parsed.port().unwrap_or(3306),
            user,
            password,
            database,
            socket: None,
            ssl_mode: SslMode::Preferred,
            ssl_ca: None,
            ssl_cert: None,
            ssl_key: None,
            redacted: redacted.clone(),
        };
        let mut mode = None;
        for (key, value) in parsed.query_pairs() {
            match key.to_ascii_lowercase().replace('_', "-").as_str() {
                "ssl-mode" | "sslmode" => {
                    mode = Some(SslMode::parse(&value).ok_or_else(|| {
                        bad(format!(
                            "ssl-mode `{value}` is not one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY"
                        ))
                    })?);
                }
                "ssl-ca" | "sslrootcert" => spec.ssl_ca = Some(PathBuf::from(value.as_ref())),
                "ssl-cert" | "sslcert" => spec.ssl_cert = Some(PathBuf::from(value.as_ref())),
                "ssl-key" | "sslkey" => spec.ssl_key = Some(PathBuf::from(value.as_ref())),
                "socket" => spec.socket = Some(value.into_owned()),
                other => {
                    return Err(bad(format!(
                        "unknown parameter `{other}` (vigie understands {URL_PARAMETERS})"
                    )));
                }
            }
        }
        // As with the mysql client, naming a CA asks for it to be checked.
        spec.ssl_mode = mode.unwrap_or(if spec.ssl_ca.is_some() {
            SslMode::VerifyCa
        } else {
            SslMode::Preferred
        });
        if spec.ssl_cert.is_some() != spec.ssl_key.is_some() {
            return Err(bad("ssl-cert and ssl-key go together".into()));
        }
        Ok(spec)
    }

    fn ssl_opts(&self) -> Option<SslOpts> {
        let mut ssl = SslOpts::default();
        match self.ssl_mode {
            SslMode::Disabled => return None,
            // Encrypt without checking who answers: what the mysql client does in these modes.
            SslMode::Preferred | SslMode::Required => {
                ssl = ssl
                    .with_danger_accept_invalid_certs(true)
                    .with_danger_skip_domain_validation(true);
            }
            SslMode::VerifyCa => ssl = ssl.with_danger_skip_domain_validation(true),
            SslMode::VerifyIdentity => {}
        }
        if let Some(ca) = &self.ssl_ca {
            ssl = ssl.with_root_certs(vec![ca.clone().into()]);
        }
        if let (Some(cert), Some(key)) = (&self.ssl_cert, &self.ssl_key) {
            ssl = ssl.with_client_identity(Some(mysql_async::ClientIdentity::new(
                cert.clone().into(),
                key.clone().into(),
            )));
        }
        Some(ssl)
    }

    fn opts(&self, tls: bool) -> Opts {
        let mut b = OptsBuilder::default()
            .ip_or_hostname(self.host.clone())
            .tcp_port(self.port)
            .user(self.user.clone())
            .pass(self.password.clone())
            .db_name(self.database.clone())
            // Every statement is different: nothing to gain from a cache, and statements are
            // closed as soon as they have run.
            .stmt_cache_size(0)
            .socket(self.socket.clone())
            // Connect where the URL says: switching a loopback TCP connection to the server's
            // socket would change which account (`user@localhost`) the server matches.
            .prefer_socket(self.socket.is_some())
            .connect_attribute("program_name", "vigie");
        if tls {
            b = b.ssl_opts(self.ssl_opts());
        }
        b.into()
    }
}

pub struct MysqlSession {
    runtime: tokio::runtime::Runtime,
    conn: Option<Conn>,
    flavor: Flavor,
    version: String,
    database: Option<String>,
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut m = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !m.contains(&text) {
            m.push_str(&format!(": {text}"));
        }
        source = s.source();
    }
    m
}

fn connect_error(spec: &ConnSpec, e: &mysql_async::Error) -> DbError {
    use mysql_async::{DriverError, Error, IoError};
    let message = match e {
        Error::Server(s) => s.message.clone(),
        other => chain(other),
    };
    let lower = message.to_lowercase();
    let hint = match e {
        Error::Server(s) => match s.code {
            1045 => {
                "check the user name and the password (in the URL or MYSQL_PWD); the password is never printed"
            }
            1044 => "the account may not use this database: check the database name and its grants",
            1049 => "check the database name in the URL",
            1130 => {
                "the server does not accept this user from this host: check the account's host part"
            }
            _ => "check the URL, the server and the account's rights",
        },
        Error::Driver(DriverError::NoClientSslFlagFromServer) => {
            "the server does not offer TLS: enable TLS on the server, or use ssl-mode=PREFERRED or DISABLED on a trusted network"
        }
        Error::Io(IoError::Tls(_)) => {
            "the server's certificate could not be verified: check ssl-ca and the host name, or use ssl-mode=REQUIRED to encrypt without verifying"
        }
        _ if lower.contains("refused") || lower.contains("no such file") => {
            "is the server running and listening at that host and port? check the URL"
        }
        _ if lower.contains("failed to lookup") || lower.contains("name or service") => {
            "check the host name in the URL"
        }
        _ => "check the URL, the server and the account's rights",
    };
    DbError::Connect {
        target: spec.redacted.clone(),
        message,
        hint: Some(hint.into()),
    }
}

/// The server ended the session: `KILL` by an administrator (ER_CONNECTION_KILLED), a server
/// gone away or restarting, or the connection lost mid-statement.
fn session_ended(e: &mysql_async::Error) -> Option<DbError> {
    let message = match e {
        mysql_async::Error::Server(s) if s.code == 1927 => {
            "the server ended the session (killed by an administrator)"
        }
        mysql_async::Error::Server(s) if matches!(s.code, 1053 | 2006 | 2013) => {
            "the server ended the session (it is shutting down, or the connection was lost)"
        }
        mysql_async::Error::Io(_) => {
            "the server ended the session (the connection closed: killed by an administrator, a restart or the network)"
        }
        _ => return None,
    };
    Some(DbError::Query {
        message: message.to_string(),
        hint: Some(
            "scan again; if it happens again, ask the database's administrator whether connections of the audit account are being killed (wait_timeout, max_statement_time, a monitoring script)"
                .to_string(),
        ),
    })
}

fn query_error(e: mysql_async::Error) -> DbError {
    if let Some(ended) = session_ended(&e) {
        return ended;
    }
    let (message, code) = match &e {
        mysql_async::Error::Server(s) => (s.message.clone(), Some(s.code)),
        other => (chain(other), None),
    };
    let hint = match code {
        // MySQL's ER_QUERY_TIMEOUT, MariaDB's ER_STATEMENT_TIMEOUT.
        Some(3024 | 1969) => Some(
            "the statement hit --statement-timeout; raise it or add an index on the anchor column",
        ),
        Some(1205) => Some("a lock could not be taken within --lock-timeout"),
        Some(1792) => Some("the server refused a write in vigie's read-only transaction"),
        Some(1146) => Some("a table named in the policy does not exist"),
        Some(1054) => Some("a column named in the policy does not exist"),
        Some(1142 | 1143) => {
            Some("the account may not read this object: grant SELECT to the audit account")
        }
        // ER_PROCACCESS_DENIED_ERROR: EXECUTE, not SELECT, is missing.
        Some(1370) => Some(
            "the audit account may not call this routine; vigie's own checks never need it: remove it from the [[check]] or `where`",
        ),
        _ => None,
    };
    DbError::Query {
        message,
        hint: hint.map(String::from),
    }
}

/// The server family and its major and minor version, from `VERSION()`:
/// `10.11.19-MariaDB-0+deb12u1`, `8.0.36`, `8.4.3-log`.
pub fn parse_version(version: &str) -> (Flavor, u32, u32) {
    let flavor = if version.to_ascii_lowercase().contains("mariadb") {
        Flavor::Mariadb
    } else {
        Flavor::Mysql
    };
    let mut numbers = version
        .split(|c: char| !c.is_ascii_digit())
        .map(|n| n.parse::<u32>().unwrap_or(0));
    let major = numbers.next().unwrap_or(0);
    let minor = numbers.next().unwrap_or(0);
    (flavor, major, minor)
}

/// The session set-up statements for a server, in order. Each is vigie's own fixed text.
/// The boolean says whether a failure may be ignored (a setting this server lacks).
pub fn setup_statements(
    flavor: Flavor,
    major: u32,
    minor: u32,
    sql_mode: &str,
    limits: Limits,
) -> Vec<(String, bool)> {
    // Whole seconds, rounded up, at least 1: these settings take integers.
    let secs = |d: Duration| (d.as_secs() + u64::from(d.subsec_nanos() > 0)).max(1);
    let clean_mode: Vec<&str> = sql_mode
        .split(',')
        .map(str::trim)
        .filter(|m| {
            !m.is_empty()
                && !m.eq_ignore_ascii_case("NO_BACKSLASH_ESCAPES")
                && !m.eq_ignore_ascii_case("ANSI_QUOTES")
                // ANSI is a combination that includes ANSI_QUOTES.
                && !m.eq_ignore_ascii_case("ANSI")
        })
        .collect();
    let mut out = vec![
        (
            format!(
                "SET SESSION sql_mode = {}, time_zone = '+00:00', lock_wait_timeout = {}",
                Dialect::Mysql.quote_literal(&clean_mode.join(",")),
                secs(limits.lock_timeout)
            ),
            false,
        ),
        (
            format!(
                "SET SESSION innodb_lock_wait_timeout = {}",
                secs(limits.lock_timeout)
            ),
            true,
        ),
    ];
    let statement = limits.statement_timeout;
    match flavor {
        Flavor::Mariadb => {
            if (major, minor) >= (10, 1) {
                out.push((
                    format!(
                        "SET SESSION max_statement_time = {:.3}",
                        statement.as_secs_f64().max(0.001)
                    ),
                    false,
                ));
            }
            if (major, minor) >= (10, 3) {
                out.push((
                    format!(
                        "SET SESSION idle_transaction_timeout = {}",
                        secs(statement) + 60
                    ),
                    true,
                ));
            }
        }
        Flavor::Mysql => {
            if (major, minor) >= (5, 7) {
                out.push((
                    format!(
                        "SET SESSION max_execution_time = {}",
                        statement.as_millis().max(1)
                    ),
                    false,
                ));
            }
        }
    }
    out.push((
        "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY".into(),
        false,
    ));
    out
}

/// A value of the text or binary protocol as text; NULL is `None`.
fn value_text(v: Value) -> Option<String> {
    match v {
        Value::NULL => None,
        Value::Bytes(b) => Some(
            String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into()),
        ),
        Value::Int(i) => Some(i.to_string()),
        Value::UInt(u) => Some(u.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(f) => Some(f.to_string()),
        Value::Date(y, mo, d, h, mi, s, us) => Some(if (h, mi, s, us) == (0, 0, 0, 0) {
            format!("{y:04}-{mo:02}-{d:02}")
        } else {
            format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
        }),
        Value::Time(neg, d, h, mi, s, _) => Some(format!(
            "{}{:02}:{mi:02}:{s:02}",
            if neg { "-" } else { "" },
            u32::from(h) + d * 24
        )),
    }
}

fn row_texts(row: Row) -> Vec<Option<String>> {
    row.unwrap().into_iter().map(value_text).collect()
}

fn connect_one(spec: &ConnSpec, limits: Limits, tls: &mut bool) -> Result<MysqlSession, DbError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| DbError::Connect {
            target: spec.redacted.clone(),
            message: format!("cannot start the client runtime: {e}"),
            hint: None,
        })?;
    let attempt = |tls: bool| {
        runtime.block_on(async {
            match tokio::time::timeout(limits.connect_timeout, Conn::new(spec.opts(tls))).await {
                Ok(r) => r.map_err(Some),
                Err(_) => Err(None),
            }
        })
    };
    let timed_out = || DbError::Connect {
        target: spec.redacted.clone(),
        message: format!("no answer within {}s", limits.connect_timeout.as_secs_f64()),
        hint: Some(
            "the server did not answer in time: check the host, the port and any firewall".into(),
        ),
    };
    let conn = match attempt(*tls) {
        Ok(c) => c,
        // PREFERRED: a server without TLS is spoken to in clear, as the mysql client does;
        // later sessions of the scan go straight there.
        Err(Some(mysql_async::Error::Driver(
            mysql_async::DriverError::NoClientSslFlagFromServer,
        ))) if spec.ssl_mode == SslMode::Preferred => {
            *tls = false;
            attempt(false).map_err(|e| match e {
                Some(e) => connect_error(spec, &e),
                None => timed_out(),
            })?
        }
        Err(Some(e)) => return Err(connect_error(spec, &e)),
        Err(None) => return Err(timed_out()),
    };
    let mut session = MysqlSession {
        runtime,
        conn: Some(conn),
        flavor: Flavor::Mysql,
        version: String::new(),
        database: None,
    };
    let first = session
        .setup_query("SELECT VERSION(), DATABASE(), @@SESSION.sql_mode")?
        .into_iter()
        .next()
        .unwrap_or_default();
    let get = |i: usize| first.get(i).cloned().flatten();
    session.version = get(0).unwrap_or_default();
    session.database = get(1);
    let (flavor, major, minor) = parse_version(&session.version);
    session.flavor = flavor;
    for (sql, optional) in
        setup_statements(flavor, major, minor, &get(2).unwrap_or_default(), limits)
    {
        match session.setup_query(&sql) {
            Ok(_) => {}
            Err(_) if optional => {}
            Err(e) => return Err(e),
        }
    }
    Ok(session)
}

/// Open `count` read-only sessions; the first is the leader.
pub fn open(
    url: &str,
    count: usize,
    limits: Limits,
) -> Result<(TargetInfo, Vec<Box<dyn Session>>), DbError> {
    let spec = ConnSpec::parse(url)?;
    let mut tls = spec.ssl_mode != SslMode::Disabled;
    let mut sessions = Vec::with_capacity(count);
    for _ in 0..count.max(1) {
        sessions.push(connect_one(&spec, limits, &mut tls)?);
    }
    // Every connection exists before the first snapshot starts, so the snapshots follow each
    // other as closely as the network allows.
    for s in &mut sessions {
        s.setup_query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")?;
    }
    let leader = &sessions[0];
    let info = TargetInfo {
        dialect: Dialect::Mysql,
        database: leader.database.clone().unwrap_or_default(),
        server_version: leader.version.clone(),
        url: spec.redacted.clone(),
    };
    Ok((
        info,
        sessions
            .into_iter()
            .map(|s| Box::new(s) as Box<dyn Session>)
            .collect(),
    ))
}

impl MysqlSession {
    pub fn flavor(&self) -> Flavor {
        self.flavor
    }

    fn conn(&mut self) -> (&tokio::runtime::Runtime, &mut Conn) {
        (
            &self.runtime,
            self.conn
                .as_mut()
                .expect("the connection lives until close"),
        )
    }

    /// vigie's own set-up statement, sent with the text protocol and not guarded.
    fn setup_query(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, DbError> {
        let (rt, conn) = self.conn();
        let rows: Vec<Row> = rt.block_on(conn.query(sql)).map_err(query_error)?;
        Ok(rows.into_iter().map(row_texts).collect())
    }

    /// Guard, prepare, bind the as-of instant to every `?`, and hand each row to `each`
    /// as it arrives.
    fn for_each_row(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
        each: &mut dyn FnMut(Vec<Value>),
    ) -> Result<(), DbError> {
        guard::check_query(sql, Dialect::Mysql)?;
        let (rt, conn) = self.conn();
        rt.block_on(async {
            let stmt = conn.prep(sql).await.map_err(query_error)?;
            let params = match (stmt.num_params(), as_of) {
                (0, _) => Params::Empty,
                (n, Some(a)) => Params::Positional(vec![Value::from(a); usize::from(n)]),
                (n, None) => {
                    let _ = conn.close(stmt).await;
                    return Err(DbError::query(format!(
                        "the statement has {n} parameter(s) and no value to bind"
                    )));
                }
            };
            let run = async {
                let mut result = conn.exec_iter(&stmt, params).await?;
                while let Some(row) = result.next().await? {
                    each(row.unwrap());
                }
                // Drain any further result set so the connection is ready for the next one.
                result.drop_result().await
            };
            let outcome = run.await.map_err(query_error);
            let _ = conn.close(stmt).await;
            outcome
        })
    }
}

impl Session for MysqlSession {
    fn dialect(&self) -> Dialect {
        Dialect::Mysql
    }

    fn rows(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<Vec<Option<String>>>, DbError> {
        let mut out = Vec::new();
        self.for_each_row(sql, as_of, &mut |row| {
            out.push(row.into_iter().map(value_text).collect());
        })?;
        Ok(out)
    }

    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        guard::check_query(sql, Dialect::Mysql)?;
        let (rt, conn) = self.conn();
        rt.block_on(async {
            let stmt = conn.prep(sql).await.map_err(query_error)?;
            let names = stmt
                .columns()
                .iter()
                .map(|c| c.name_str().into_owned())
                .collect();
            let _ = conn.close(stmt).await;
            Ok(names)
        })
    }

    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError> {
        // Rows are read from the socket one at a time as the callback returns: the result is
        // never held whole, on either side of the connection.
        self.for_each_row(sql, None, &mut |row| {
            let mut values = row.into_iter().map(value_text);
            if let (Some(Some(k)), Some(Some(t))) = (values.next(), values.next()) {
                each(&k, &t);
            }
        })
    }

    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, DbError> {
        self.grants_reach(who, tables)
    }

    fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError> {
        introspect(self, schemas)
    }

    fn release_snapshot(&mut self) -> Result<(), DbError> {
        // Without WITH CONSISTENT SNAPSHOT, InnoDB opens the read view at the first read.
        self.setup_query("ROLLBACK")?;
        self.setup_query("START TRANSACTION READ ONLY")?;
        Ok(())
    }

    fn close(mut self: Box<Self>) {
        if let Some(mut conn) = self.conn.take() {
            self.runtime.block_on(async {
                let _ = conn.query_drop("ROLLBACK").await;
                let _ = conn.disconnect().await;
            });
        }
    }
}

const SYSTEM_SCHEMAS: &str = "'mysql', 'information_schema', 'performance_schema', 'sys'";

/// The databases to read: `[scan] schemas`, else the URL's database, else every database
/// that is not the server's own.
fn schema_filter(column: &str, schemas: &[String], database: Option<&str>) -> String {
    let list: Vec<String> = if schemas.is_empty() {
        database.map(|d| vec![d.to_string()]).unwrap_or_default()
    } else {
        schemas.to_vec()
    };
    if list.is_empty() {
        format!("{column} NOT IN ({SYSTEM_SCHEMAS})")
    } else {
        let quoted: Vec<String> = list
            .iter()
            .map(|s| Dialect::Mysql.quote_literal(s))
            .collect();
        format!("{column} IN ({})", quoted.join(", "))
    }
}

/// Tables and columns from `information_schema`. `COLUMN_TYPE` (not `DATA_TYPE`) keeps
/// `tinyint(1)`, which is how MySQL stores booleans. Tables carry their database as schema,
/// so several databases can be scanned at once; the engine leaves the URL's own database
/// unqualified, as PostgreSQL's `public`.
fn introspect(s: &mut MysqlSession, schemas: &[String]) -> Result<Catalog, DbError> {
    let database = s.database.clone();
    let filter = |col: &str| schema_filter(col, schemas, database.as_deref());
    let columns = s.rows(
        &format!(
            "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, \
             c.COLUMN_DEFAULT, c.COLUMN_COMMENT, t.TABLE_COMMENT, CAST(t.TABLE_ROWS AS CHAR), \
             t.TABLE_TYPE \
             FROM information_schema.COLUMNS AS c \
             JOIN information_schema.TABLES AS t \
               ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME \
             WHERE {} \
             ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION",
            filter("c.TABLE_SCHEMA")
        ),
        None,
    )?;
    let keys = s.rows(
        &format!(
            "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME \
             FROM information_schema.KEY_COLUMN_USAGE \
             WHERE CONSTRAINT_NAME = 'PRIMARY' AND {} \
             ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
            filter("TABLE_SCHEMA")
        ),
        None,
    )?;
    let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
    let mut catalog = Catalog::default();
    for row in columns {
        let get = |i: usize| row.get(i).cloned().flatten();
        let schema = get(0).unwrap_or_default();
        let name = get(1).unwrap_or_default();
        let is_view = get(9).as_deref() == Some("VIEW");
        let needs_new = catalog
            .tables
            .last()
            .is_none_or(|t| t.name != name || t.schema.as_deref() != Some(schema.as_str()));
        if needs_new {
            catalog.tables.push(Table {
                schema: Some(schema.clone()),
                name: name.clone(),
                // A view's comment is the word VIEW, and its row count is unknown.
                comment: if is_view { None } else { non_empty(get(7)) },
                row_estimate: if is_view {
                    None
                } else {
                    get(8).and_then(|v| v.parse().ok())
                },
                view: is_view,
                ..Table::default()
            });
        }
        let table = catalog.tables.last_mut().expect("pushed above");
        table.columns.push(Column {
            name: get(2).unwrap_or_default(),
            data_type: get(3).unwrap_or_default(),
            nullable: get(4).as_deref() == Some("YES"),
            // MariaDB writes "no default" on a nullable column as the word NULL.
            default: get(5).filter(|d| d != "NULL"),
            comment: non_empty(get(6)),
        });
    }
    for row in keys {
        let get = |i: usize| row.get(i).cloned().flatten().unwrap_or_default();
        catalog.push_primary_key(&get(0), &get(1), get(2));
    }
    // `mysql.user` lists accounts and roles (MariaDB marks roles `is_role`, MySQL 8 keeps them
    // as locked accounts); an account without read access to it leaves the roles unknown, and
    // the access checks say so when they run.
    catalog.roles = s
        .rows("SELECT User, Host FROM mysql.user", None)
        .ok()
        .map(|rows| {
            rows.into_iter()
                .map(|r| Account {
                    user: r.first().cloned().flatten().unwrap_or_default(),
                    host: r.get(1).cloned().flatten().unwrap_or_default(),
                })
                .collect()
        });
    Ok(catalog)
}

/// The privileges that reach a table's rows, by their `information_schema` names (`DROP`
/// stands for `TRUNCATE`, which needs it).
const MYSQL_PRIVILEGES: &str =
    "'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'DROP', 'REFERENCES', 'TRIGGER'";

// An account or role as `information_schema` writes it, `'user'@'host'`: the catalog's `Role`,
// read by `Role::parse`.
use crate::catalog::Role as Account;

impl Account {
    fn sql(&self) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"));
        if self.user == "PUBLIC" && self.host.is_empty() {
            "PUBLIC".into()
        } else {
            format!("{}@{}", q(&self.user), q(&self.host))
        }
    }
}

/// One grant that reaches a table: who holds it, at which level, on what.
struct TableGrant {
    grantee: Account,
    /// `table`, `column`, `database` (a pattern such as `crm` or `crm\_%`) or `global`.
    level: String,
    scope: String,
    table: String,
}

fn grant_error(message: String, hint: &str) -> DbError {
    DbError::Query {
        message,
        hint: Some(hint.to_string()),
    }
}

impl MysqlSession {
    /// Every grant on `tables`, at every level; a table outside the URL's database is named
    /// `database.table`, as in the catalog.
    fn table_grants(&mut self, tables: &BTreeSet<String>) -> Result<Vec<TableGrant>, DbError> {
        let d = Dialect::Mysql;
        let list: Vec<String> = tables.iter().map(|t| d.quote_literal(t)).collect();
        let name = |t: &str| {
            format!(
                "CASE WHEN {t}.TABLE_SCHEMA = DATABASE() THEN {t}.TABLE_NAME \
                 ELSE CONCAT({t}.TABLE_SCHEMA, '.', {t}.TABLE_NAME) END"
            )
        };
        let tables = format!(
            "(SELECT t.TABLE_SCHEMA, t.TABLE_NAME, {} AS shown FROM information_schema.TABLES AS t \
             WHERE {} IN ({}))",
            name("t"),
            name("t"),
            list.join(", ")
        );
        let sql = format!(
            "SELECT g.GRANTEE, 'table', '', t.shown FROM information_schema.TABLE_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA = g.TABLE_SCHEMA AND t.TABLE_NAME = g.TABLE_NAME \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'column', g.COLUMN_NAME, t.shown FROM information_schema.COLUMN_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA = g.TABLE_SCHEMA AND t.TABLE_NAME = g.TABLE_NAME \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'database', g.TABLE_SCHEMA, t.shown FROM information_schema.SCHEMA_PRIVILEGES AS g \
               JOIN {tables} AS t ON t.TABLE_SCHEMA LIKE g.TABLE_SCHEMA \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             UNION SELECT g.GRANTEE, 'global', '', t.shown FROM information_schema.USER_PRIVILEGES AS g \
               JOIN {tables} AS t ON 1 = 1 \
               WHERE g.PRIVILEGE_TYPE IN ({MYSQL_PRIVILEGES}) \
             ORDER BY 4, 1, 2, 3"
        );
        let rows = self.rows(&sql, None)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                TableGrant {
                    grantee: Account::parse(&get(0)),
                    level: get(1),
                    scope: get(2),
                    table: get(3),
                }
            })
            .collect())
    }

    /// Role membership, member to role, and the roles every account holds.
    fn roles(&mut self) -> Result<(Membership, Vec<Account>), DbError> {
        let hint = "vigie reads role membership from the mysql schema: GRANT SELECT ON mysql.* TO the audit account";
        let mut membership = Membership::new();
        let mut everyone = Vec::new();
        if self.flavor == Flavor::Mariadb {
            let rows = self
                .rows("SELECT User, Host, Role FROM mysql.roles_mapping", None)
                .map_err(|e| grant_error(format!("cannot read role membership: {e}"), hint))?;
            for r in rows {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                membership
                    .entry(Account {
                        user: get(0),
                        host: get(1),
                    })
                    .or_default()
                    .push(Account {
                        user: get(2),
                        host: String::new(),
                    });
            }
            everyone.push(Account {
                user: "PUBLIC".into(),
                host: String::new(),
            });
        } else {
            let rows = self
                .rows(
                    "SELECT TO_USER, TO_HOST, FROM_USER, FROM_HOST FROM mysql.role_edges",
                    None,
                )
                .map_err(|e| grant_error(format!("cannot read role membership: {e}"), hint))?;
            for r in rows {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                membership
                    .entry(Account {
                        user: get(0),
                        host: get(1),
                    })
                    .or_default()
                    .push(Account {
                        user: get(2),
                        host: get(3),
                    });
            }
            let mandatory = self
                .rows("SELECT @@GLOBAL.mandatory_roles", None)?
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next().flatten())
                .unwrap_or_default();
            everyone.extend(
                mandatory
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| {
                        let mut a = Account::parse(s);
                        if !s.contains('@') {
                            a.host = "%".into();
                        }
                        a
                    }),
            );
        }
        Ok((membership, everyone))
    }
}

type Membership = BTreeMap<Account, Vec<Account>>;

/// `start` and every role reachable from it through membership.
fn closure(start: impl IntoIterator<Item = Account>, membership: &Membership) -> BTreeSet<Account> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<Account> = start.into_iter().collect();
    while let Some(a) = todo.pop() {
        if let Some(roles) = membership.get(&a) {
            todo.extend(roles.iter().filter(|r| !seen.contains(*r)).cloned());
        }
        seen.insert(a);
    }
    seen
}

/// The accounts a policy role names: `crm_reader` is every account or role of that user
/// name; `crm_reader@localhost` (quoted or not) is that one account.
fn named_accounts(role: &str, known: &BTreeSet<Account>) -> Vec<Account> {
    let wanted = Account::parse(role);
    let with_host = role.contains('@');
    known
        .iter()
        .filter(|k| k.named_by(&wanted, with_host))
        .cloned()
        .collect()
}

impl MysqlSession {
    /// Who can reach `tables`: every grant at every level, role membership followed
    /// transitively. `PUBLIC` is MariaDB's `PUBLIC` role (10.11+) and MySQL's
    /// `mandatory_roles`.
    fn grants_reach(
        &mut self,
        who: Grantee<'_>,
        tables: &BTreeSet<String>,
    ) -> Result<Reach, DbError> {
        // An account that sees only its own grants would find nothing and pass: refuse.
        let visible = self
            .rows(
                "SELECT CAST(COUNT(DISTINCT GRANTEE) AS CHAR) FROM information_schema.USER_PRIVILEGES",
                None,
            )?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten())
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        if visible < 2 {
            return Err(grant_error(
                "the audit account sees only its own privileges, so the grants of the other accounts cannot be checked".into(),
                "give it read access to the grant tables with GRANT SELECT ON mysql.* TO that account, or scan with an account that has it",
            ));
        }
        let grants = self.table_grants(tables)?;
        let (membership, everyone) = self.roles()?;
        let public: BTreeSet<Account> = closure(everyone, &membership);
        let by_grantee = |accounts: &BTreeSet<Account>| -> Reach {
            let mut out = Reach::new();
            for g in grants.iter().filter(|g| accounts.contains(&g.grantee)) {
                out.entry(g.table.clone()).or_default().push(Grant {
                    holder: g.grantee.sql(),
                    level: match g.level.as_str() {
                        "table" | "column" => GrantLevel::Table,
                        "database" => GrantLevel::Database(g.scope.clone()),
                        _ => GrantLevel::Global,
                    },
                });
            }
            out
        };
        let open = by_grantee(&public);
        let role = match who {
            Grantee::Public => return Ok(open),
            Grantee::Role(role) => role,
        };
        let mut known: BTreeSet<Account> = grants.iter().map(|g| g.grantee.clone()).collect();
        for (member, roles) in &membership {
            known.insert(member.clone());
            known.extend(roles.iter().cloned());
        }
        let named = named_accounts(role, &known);
        if named.is_empty() {
            return Err(grant_error(
                format!(
                    "no account or role named {role} holds a privilege or a role on this server"
                ),
                "check the [[access]] role: a user name (every host) or user@host",
            ));
        }
        let mut reach = by_grantee(&closure(named, &membership));
        reach.retain(|t, _| !open.contains_key(t));
        Ok(reach)
    }
}

#[cfg(test)]
mod grant_tests {
    use super::*;

    fn acc(user: &str, host: &str) -> Account {
        Account {
            user: user.into(),
            host: host.into(),
        }
    }

    #[test]
    fn grantees_are_read_in_every_quoting() {
        assert_eq!(Account::parse("'crm'@'%'"), acc("crm", "%"));
        assert_eq!(Account::parse("`crm`@`localhost`"), acc("crm", "localhost"));
        assert_eq!(Account::parse("crm@10.0.0.%"), acc("crm", "10.0.0.%"));
        assert_eq!(Account::parse("'o''brien'@'%'"), acc("o'brien", "%"));
        assert_eq!(Account::parse("'a@b'@'%'"), acc("a@b", "%"));
        assert_eq!(Account::parse("'PUBLIC'@''"), acc("PUBLIC", ""));
        assert_eq!(Account::parse("crm"), acc("crm", ""));
    }

    #[test]
    fn grantees_are_written_back_quoted() {
        assert_eq!(acc("o'brien", "%").sql(), "'o''brien'@'%'");
        assert_eq!(acc("PUBLIC", "").sql(), "PUBLIC");
        assert_eq!(acc("r", "").sql(), "'r'@''");
    }

    #[test]
    fn membership_is_followed_through_roles_of_roles() {
        let mut m = Membership::new();
        m.entry(acc("u", "%")).or_default().push(acc("r1", ""));
        m.entry(acc("r1", "")).or_default().push(acc("r2", ""));
        m.entry(acc("r2", "")).or_default().push(acc("r1", "")); // a cycle ends
        let all = closure([acc("u", "%")], &m);
        assert_eq!(
            all.into_iter().collect::<Vec<_>>(),
            [acc("r1", ""), acc("r2", ""), acc("u", "%")]
        );
    }

    #[test]
    fn a_profile_role_names_every_host_or_one_account() {
        let known: BTreeSet<Account> = [acc("crm", "%"), acc("crm", "localhost"), acc("x", "%")]
            .into_iter()
            .collect();
        assert_eq!(named_accounts("crm", &known).len(), 2);
        assert_eq!(
            named_accounts("crm@localhost", &known),
            [acc("crm", "localhost")]
        );
        assert!(named_accounts("nobody", &known).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls() {
        let s = ConnSpec::parse("mariadb://audit:p%40ss@db.example:3307/crm?ssl-mode=required")
            .unwrap();
        assert_eq!(s.host, "db.example");
        assert_eq!(s.port, 3307);
        assert_eq!(s.user.as_deref(), Some("audit"));
        assert_eq!(s.password.as_deref(), Some("p@ss"));
        assert_eq!(s.database.as_deref(), Some("crm"));
        assert_eq!(s.ssl_mode, SslMode::Required);
        assert_eq!(
            s.redacted,
            "mariadb://audit:***@db.example:3307/crm?ssl-mode=required"
        );

        let s = ConnSpec::parse("mysql://a@h/crm?ssl_ca=/etc/ca.pem").unwrap();
        assert_eq!(s.ssl_mode, SslMode::VerifyCa);
        assert_eq!(s.port, 3306);
        let s = ConnSpec::parse("mysql://a@[::1]:3306/crm?sslmode=verify-full").unwrap();
        assert_eq!(s.host, "::1");
        assert_eq!(s.ssl_mode, SslMode::VerifyIdentity);
        assert_eq!(
            ConnSpec::parse("mysql://a@h/crm?ssl-mode=DISABLED")
                .unwrap()
                .ssl_mode,
            SslMode::Disabled
        );
    }

    #[test]
    fn refuses_unknown_parameters_without_printing_the_password() {
        for url in [
            "mysql://a:secret@h/crm?sslmod=required",
            "mysql://a:secret@h/crm?ssl-mode=sometimes",
            "mysql://a:secret@h/crm?ssl-cert=/c.pem",
        ] {
            let e = ConnSpec::parse(url).unwrap_err().to_string();
            assert!(!e.contains("secret"), "{e}");
            assert!(e.contains("a:***@h"), "{e}");
        }
    }

    #[test]
    fn chooses_the_time_limit_by_server() {
        let limits = Limits {
            statement_timeout: Duration::from_millis(1500),
            lock_timeout: Duration::from_millis(200),
            connect_timeout: Duration::from_secs(1),
            throttle: None,
        };
        let text =
            |v: Vec<(String, bool)>| v.into_iter().map(|(s, _)| s).collect::<Vec<_>>().join("\n");
        let (f, a, b) = parse_version("10.11.19-MariaDB-0+deb12u1");
        assert_eq!((f, a, b), (Flavor::Mariadb, 10, 11));
        let maria = text(setup_statements(
            f,
            a,
            b,
            "STRICT_TRANS_TABLES,ANSI_QUOTES,NO_BACKSLASH_ESCAPES",
            limits,
        ));
        assert!(maria.contains("max_statement_time = 1.500"), "{maria}");
        assert!(!maria.contains("max_execution_time"), "{maria}");
        assert!(
            maria.contains("sql_mode = 'STRICT_TRANS_TABLES'"),
            "{maria}"
        );
        assert!(maria.contains("lock_wait_timeout = 1"), "{maria}");
        assert!(maria.ends_with("REPEATABLE READ, READ ONLY"), "{maria}");

        let (f, a, b) = parse_version("8.0.36");
        assert_eq!((f, a, b), (Flavor::Mysql, 8, 0));
        let mysql = text(setup_statements(f, a, b, "ANSI", limits));
        assert!(mysql.contains("max_execution_time = 1500"), "{mysql}");
        assert!(!mysql.contains("max_statement_time"), "{mysql}");
        assert!(mysql.contains("sql_mode = ''"), "{mysql}");
    }

    #[test]
    fn values_read_as_text() {
        assert_eq!(value_text(Value::NULL), None);
        assert_eq!(value_text(Value::Int(-3)).as_deref(), Some("-3"));
        assert_eq!(
            value_text(Value::Bytes(b"caf\xc3\xa9".to_vec())).as_deref(),
            Some("café")
        );
        assert_eq!(
            value_text(Value::Date(2024, 2, 29, 0, 0, 0, 0)).as_deref(),
            Some("2024-02-29")
        );
    }
}
