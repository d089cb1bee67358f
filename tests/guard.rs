//! The allow-list guard against a hostile policy author: every write or side-effect attempt,
//! written every way the server reads it, is refused before anything is sent, on PostgreSQL
//! (as superuser and as a role granted `pg_read_all_data`), MariaDB and SQLite, and leaves the
//! server as it was; legitimate queries still run on each backend. The test output says how
//! many attempts each backend refused, and whether `dblink` could be installed.

#![allow(clippy::print_stderr)]

mod common;
use common::*;
use std::time::{Duration, Instant};
use vigie::db::gate::Gate;
use vigie::db::{DbError, Limits, Session, Target};
use vigie::dialect::Dialect;

/// How an attempt reaches the server: a `[[check]]` query, or a `where` condition that vigie
/// embeds in its own query on `t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Query,
    Where,
}

#[derive(Clone, Debug)]
struct Attempt {
    kind: Kind,
    sql: String,
}

fn q(sql: impl Into<String>) -> Attempt {
    Attempt {
        kind: Kind::Query,
        sql: sql.into(),
    }
}

fn w(sql: impl Into<String>) -> Attempt {
    Attempt {
        kind: Kind::Where,
        sql: sql.into(),
    }
}

/// The statement vigie sends for an attempt: a check's query is counted in a subquery, as the
/// engine does, so every column type reads back.
fn statement(a: &Attempt) -> String {
    match a.kind {
        Kind::Query => format!("SELECT count(*) FROM (\n{}\n) AS q", a.sql),
        Kind::Where => format!(
            "SELECT count(*) FROM (SELECT * FROM t WHERE {}) AS c",
            a.sql
        ),
    }
}

fn limits() -> Limits {
    Limits {
        statement_timeout: Duration::from_secs(5),
        lock_timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(10),
        throttle: None,
    }
}

fn session(url: &str) -> Box<dyn Session> {
    let target = Target::parse(url).expect("target");
    let (_, mut sessions) = vigie::db::open(&target, 1, limits()).expect("open a session");
    sessions.remove(0)
}

fn gate_of(dialect: Dialect, a: &Attempt) -> Gate {
    let mut gate = Gate::new(dialect, Vec::new());
    match a.kind {
        Kind::Query => gate.add_query(&a.sql),
        Kind::Where => gate.add_predicate(&a.sql),
    }
    gate
}

/// Every attempt is refused by the gate resolved on the session (nothing of it sent), then
/// every one is pushed through a gated session, which must refuse it before the server sees
/// it. Each takes well under a second: nothing slept. `unchanged` is asserted while both
/// sessions are still open, so a session-level lock would still show.
fn assert_refused(url: &str, dialect: Dialect, attempts: &[Attempt], unchanged: &dyn Fn()) {
    let mut plain = session(url);
    let mut all = Gate::new(dialect, Vec::new());
    let mut unparsed = 0;
    for a in attempts {
        let refused = gate_of(dialect, a).resolve(plain.as_mut());
        assert_eq!(refused.len(), 1, "{dialect:?} not refused: {a:?}");
        let reason = &refused[0].1.reason;
        assert!(!reason.is_empty(), "{a:?}");
        if reason.contains("could not be parsed") || reason.contains("could not be read") {
            unparsed += 1;
        }
        match a.kind {
            Kind::Query => all.add_query(&a.sql),
            Kind::Where => all.add_predicate(&a.sql),
        }
    }
    let mut gated = all.wrap(session(url));
    for a in attempts {
        let started = Instant::now();
        match gated.rows(&statement(a), None) {
            Err(DbError::Refused(_)) => {}
            other => panic!("{dialect:?} sent {a:?}: {other:?}"),
        }
        assert!(started.elapsed() < Duration::from_secs(1), "{a:?}");
    }
    unchanged();
    gated.close();
    plain.close();
    eprintln!(
        "{dialect:?}: {} attempts refused before sending ({unparsed} of them because the parser could not read them)",
        attempts.len()
    );
}

/// Every legitimate query passes the guard, resolves on the server and runs.
fn assert_run(url: &str, dialect: Dialect, legit: &[Attempt]) {
    let mut plain = session(url);
    let mut all = Gate::new(dialect, Vec::new());
    for a in legit {
        let refused = gate_of(dialect, a).resolve(plain.as_mut());
        assert!(refused.is_empty(), "{dialect:?} refused {a:?}: {refused:?}");
        match a.kind {
            Kind::Query => all.add_query(&a.sql),
            Kind::Where => all.add_predicate(&a.sql),
        }
    }
    plain.close();
    let mut gated = all.wrap(session(url));
    for a in legit {
        if let Err(e) = gated.rows(&statement(a), None) {
            panic!("{dialect:?} {a:?} did not run: {e}");
        }
    }
    gated.close();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/// Calls with an effect outside the query, each as `(name, arguments)`.
fn pg_calls(dblink: &str) -> Vec<(&'static str, String)> {
    vec![
        ("pg_advisory_lock", "5".into()),
        ("pg_try_advisory_lock", "5".into()),
        ("pg_advisory_xact_lock", "5".into()),
        ("pg_advisory_lock_shared", "5".into()),
        ("pg_sleep", "3".into()),
        ("pg_sleep_for", "'3 seconds'".into()),
        ("pg_sleep_until", "now() + interval '3 seconds'".into()),
        ("pg_create_physical_replication_slot", "'vigie_x'".into()),
        (
            "pg_create_logical_replication_slot",
            "'vigie_y', 'test_decoding'".into(),
        ),
        ("pg_replication_slot_advance", "'vigie_x', '0/0'".into()),
        (
            "pg_logical_slot_get_changes",
            "'vigie_y', NULL, NULL".into(),
        ),
        ("pg_drop_replication_slot", "'vigie_x'".into()),
        (
            "dblink_exec",
            format!("'{dblink}', 'INSERT INTO t (id) VALUES (900)'"),
        ),
        (
            "dblink",
            format!("'{dblink}', 'INSERT INTO t (id) VALUES (901) RETURNING 1'"),
        ),
        ("dblink_connect", format!("'c', '{dblink}'")),
        ("brin_summarize_new_values", "'t_brin'".into()),
        ("gin_clean_pending_list", "'t_gin'".into()),
        ("pg_log_backend_memory_contexts", "0".into()),
        ("pg_backup_start", "'vigie'".into()),
        ("pg_wal_replay_pause", String::new()),
        ("pg_promote", String::new()),
        ("pg_reload_conf", String::new()),
        ("nextval", "'s'".into()),
        ("setval", "'s', 100".into()),
        ("currval", "'s'".into()),
        ("lo_create", "0".into()),
        ("lo_from_bytea", "0, 'x'".into()),
        ("lo_import", "'/etc/hostname'".into()),
        ("lo_unlink", "1".into()),
        ("pg_notify", "'c', 'x'".into()),
        ("set_config", "'work_mem', '1MB', false".into()),
        ("pg_terminate_backend", "0".into()),
        ("pg_cancel_backend", "0".into()),
        ("pg_read_file", "'/etc/hostname'".into()),
        ("pg_ls_dir", "'.'".into()),
        ("pg_stat_reset", String::new()),
        ("txid_current", String::new()),
        ("pg_switch_wal", String::new()),
        ("pg_import_system_collations", "'pg_catalog'".into()),
        ("bump", String::new()),
    ]
}

/// `name` as a `U&"…"` identifier, every character escaped.
fn unicode_escaped(name: &str) -> String {
    let body: String = name
        .chars()
        .map(|c| format!("\\{:04x}", c as u32))
        .collect();
    format!("U&\"{body}\"")
}

fn pg_attempts(dblink: &str) -> Vec<Attempt> {
    let mut out = Vec::new();
    let forms: [fn(&str) -> Attempt; 7] = [
        |c| {
            q(format!(
                "SELECT id FROM t WHERE id IN (SELECT ({c})::text::int)"
            ))
        },
        |c| q(format!("WITH x AS (SELECT {c} AS v) SELECT 1 AS id FROM x")),
        |c| q(format!("SELECT t.id FROM t, LATERAL (SELECT {c} AS v) l")),
        |c| q(format!("SELECT DISTINCT ON (id) id, {c} FROM t")),
        |c| {
            q(format!(
                "SELECT id, count(*) OVER (PARTITION BY {c}) FROM t"
            ))
        },
        |c| {
            q(format!(
                "SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.v = ({c})::text)"
            ))
        },
        |c| w(format!("email IS NOT NULL AND ({c}) IS NOT NULL")),
    ];
    for (i, (name, args)) in pg_calls(dblink).into_iter().enumerate() {
        let call = format!("{name}({args})");
        // As written, in the place a policy would put it.
        out.push(q(format!("SELECT {call}")));
        out.push(w(format!("{call} IS NOT NULL")));
        out.push(forms[i % forms.len()](&call));
        out.push(forms[(i + 3) % forms.len()](&call));
        // As the server reads other spellings of the same name.
        out.push(q(format!("SELECT {}({args})", unicode_escaped(name))));
        out.push(q(format!("SELECT \"{name}\"({args})")));
        out.push(q(format!("SELECT {}({args})", name.to_uppercase())));
        let schema = if name == "bump" {
            "public"
        } else {
            "pg_catalog"
        };
        out.push(q(format!("SELECT {schema}.{call}")));
        // Inside a function that runs SQL given as text.
        out.push(q(format!(
            "SELECT query_to_xml('SELECT {}', true, false, '')",
            call.replace('\'', "''")
        )));
    }
    // The article's own spellings, `\005f` for the underscore.
    out.extend([
        q(r#"SELECT U&"pg\005fadvisory\005flock"(5)"#),
        q(r#"SELECT U&"pg\005fsleep"(3)"#),
        q(r#"SELECT U&"pg\005fcreate\005fphysical\005freplication\005fslot"('x')"#),
        q(format!(
            r#"SELECT U&"\0064blink\005fexec"('{dblink}', 'INSERT INTO t (id) VALUES (902)')"#
        )),
        q(r#"SELECT U&"pg!005fsleep" UESCAPE '!'(3)"#),
        q(r#"SELECT U&'pg\005fsleep', pg_sleep(1)"#),
        w(r#"U&"pg\005fsleep"(3) IS NULL"#),
        // Functions that take a query as text.
        q("SELECT ts_stat('SELECT to_tsvector(pg_sleep(3)::text)')"),
        q("SELECT ts_rewrite('a'::tsquery, 'SELECT ''a''::tsquery, pg_sleep(3)::text::tsquery')"),
        q("SELECT query_to_xml('SELECT nextval(''s'')', true, false, '')"),
        q("SELECT query_to_xml_and_xmlschema('SELECT 1', true, false, '')"),
        q("SELECT cursor_to_xml('c', 1, true, false, '')"),
        q("SELECT xpath('/row', query_to_xml('SELECT setval(''s'', 5)', true, false, ''))"),
        q("SELECT table_to_xml('t', true, false, '')"),
        q(format!(
            "SELECT * FROM dblink('{dblink}', 'SELECT pg_advisory_lock(5)') AS r(x text)"
        )),
        w("xpath('/x', query_to_xml('SELECT pg_sleep(3)', true, false, '')) IS NOT NULL"),
        // Operators: a user's, and pg_catalog's written with OPERATOR().
        q("SELECT id FROM t WHERE id <-> 1 > 0"),
        w("id <-> 1 > 0"),
        q("SELECT id FROM t WHERE id OPERATOR(public.<->) 1 > 0"),
        q("SELECT id FROM t WHERE id OPERATOR(pg_catalog.=) nextval('s')"),
        // A name on the allow-list that also resolves to a user's function.
        q("SELECT initcap(id) FROM t"),
        w("initcap(email) IS NOT NULL"),
        // `t.f` read as `f(t)`, and a cast to a domain whose CHECK writes.
        q("SELECT x.id FROM t x WHERE x.touch IS NOT NULL"),
        w("t.touch IS NOT NULL"),
        q("SELECT id::checked FROM t"),
        w("CAST(id AS checked) > 0"),
        q("SELECT ARRAY[id]::checked[] FROM t"),
        q("SELECT checked '5'"),
        q("SELECT t.lower(email) FROM t"),
        // A function of an extension, outside pg_catalog.
        q("SELECT public.dblink_get_connections()"),
        // Statements, locking and SELECT INTO, kept from the structural guard.
        q("SELECT id FROM t FOR UPDATE"),
        q("SELECT id INTO copie FROM t"),
        q("WITH x AS (DELETE FROM t RETURNING id) SELECT id FROM x"),
        q("SELECT 1; SELECT pg_sleep(3)"),
        w("1=1) OR (pg_sleep(3) IS NULL"),
    ]);
    out
}

fn pg_legit() -> Vec<Attempt> {
    vec![
        q("SELECT id FROM t WHERE email IS NOT NULL"),
        q("SELECT count(*), min(id), max(id), sum(n), avg(n) FROM t"),
        q("SELECT t.id FROM t JOIN u ON u.t_id = t.id WHERE u.v <> 'x'"),
        q("SELECT t.id FROM t LEFT JOIN u ON u.t_id = t.id WHERE u.id IS NULL"),
        q(
            "WITH recent AS (SELECT id FROM t WHERE created > DATE '2020-01-01') SELECT id FROM recent",
        ),
        q(
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3) SELECT i FROM r",
        ),
        q("SELECT id, row_number() OVER (ORDER BY created) FROM t"),
        q("SELECT id, rank() OVER (PARTITION BY n ORDER BY id), lag(id) OVER (ORDER BY id) FROM t"),
        q("SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"),
        q("SELECT DISTINCT ON (n) id FROM t ORDER BY n, id"),
        q("SELECT id FROM t WHERE created < now() - interval '3 years'"),
        q("SELECT id FROM t WHERE created + interval '1 month' < CURRENT_DATE"),
        q("SELECT id FROM t WHERE age(now(), created) > interval '1 year'"),
        q("SELECT id FROM t WHERE date_trunc('month', created) = date_trunc('month', now())"),
        q("SELECT id FROM t WHERE EXTRACT(year FROM created) < 2025"),
        q("SELECT id FROM t WHERE email ~* '^[a-z]+@'"),
        q("SELECT id FROM t WHERE email !~ 'test' AND email LIKE '%@%'"),
        q("SELECT id FROM t WHERE regexp_replace(email, '@.*', '') <> ''"),
        q("SELECT id FROM t WHERE email SIMILAR TO '%example%'"),
        q("SELECT id FROM t WHERE doc->>'a' = '1'"),
        q("SELECT id FROM t WHERE doc @> '{\"a\": 1}'::jsonb"),
        q("SELECT id FROM t WHERE doc #>> '{b,c}' IS NULL"),
        q("SELECT id FROM t WHERE jsonb_typeof(doc) = 'object' AND doc ? 'a'"),
        q("SELECT id FROM t WHERE jsonb_array_length(COALESCE(doc->'l', '[]'::jsonb)) >= 0"),
        q("SELECT id::text FROM t WHERE CAST(n AS numeric) > 0.5"),
        q("SELECT id FROM t WHERE n::float8 / 2 > 0 AND created::timestamptz < now()"),
        q("SELECT coalesce(email, 'none') AS id FROM t WHERE nullif(n, 0) IS NOT NULL"),
        q("SELECT greatest(id, n), least(id, n) FROM t"),
        q("SELECT lower(email), upper(email), length(email), substring(email FROM 1 FOR 3) FROM t"),
        q("SELECT trim(email), position('@' IN email), split_part(email, '@', 2) FROM t"),
        q("SELECT id FROM t WHERE email = ANY (ARRAY['a@example.com', 'b@example.com'])"),
        q(
            "SELECT id FROM t WHERE id IN (SELECT t_id FROM u) AND NOT EXISTS (SELECT 1 FROM u WHERE u.v = 'z')",
        ),
        q("SELECT n, count(*) FROM t GROUP BY n HAVING count(*) > 0"),
        q("SELECT string_agg(email, ',' ORDER BY id), array_agg(id) FROM t"),
        q("SELECT count(*) FILTER (WHERE n > 1) FROM t"),
        q("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM t"),
        q("SELECT id FROM t UNION SELECT t_id FROM u"),
        q("SELECT g FROM generate_series(1, 3) AS g"),
        q("SELECT t.id, x.e FROM t, LATERAL jsonb_each(t.doc) AS x(e, v)"),
        q("SELECT id FROM t WHERE to_char(created, 'YYYY') = '2020' AND md5(email) <> ''"),
        q("SELECT id FROM t WHERE CASE WHEN n > 1 THEN true ELSE false END"),
        q("SELECT id FROM t WHERE created BETWEEN make_date(2019, 1, 1) AND CURRENT_DATE"),
        q("SELECT id FROM t WHERE created IS DISTINCT FROM NULL AND id OPERATOR(pg_catalog.=) 1"),
        q("SELECT pg_catalog.lower(email) FROM t"),
        w("email IS NOT NULL AND created < now() - interval '1 year'"),
        w("lower(email) LIKE '%@example.com' AND n BETWEEN 0 AND 10"),
        w("doc->>'a' IS NOT NULL OR id IN (SELECT t_id FROM u)"),
        w("t.email <> 'legal-hold'"),
    ]
}

const PG_FIXTURE: &str = "
CREATE TABLE t (id integer PRIMARY KEY, email text, n integer, created date, doc jsonb);
INSERT INTO t VALUES
  (1, 'a@example.com', 1, '2019-05-01', '{\"a\": 1, \"b\": {\"c\": 2}}'),
  (2, 'b@example.com', 2, '2020-06-01', '{\"l\": [1, 2]}'),
  (3, NULL, 0, '2024-01-01', '{}');
CREATE TABLE u (id integer PRIMARY KEY, t_id integer, v text);
INSERT INTO u VALUES (1, 1, 'x'), (2, 2, 'y');
CREATE TABLE copie (id integer);
CREATE TABLE effects (what text);
CREATE SEQUENCE s;
SELECT nextval('s');
CREATE INDEX t_brin ON t USING brin (id);
CREATE INDEX t_gin ON t USING gin (doc);
CREATE FUNCTION public.bump() RETURNS integer LANGUAGE sql AS
  $$ INSERT INTO effects VALUES ('bump') RETURNING 1 $$;
CREATE FUNCTION public.op_bump(integer, integer) RETURNS integer LANGUAGE sql AS
  $$ SELECT pg_advisory_lock(7)::text::integer $$;
CREATE OPERATOR public.<-> (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.op_bump);
CREATE FUNCTION public.initcap(integer) RETURNS text LANGUAGE sql AS
  $$ SELECT pg_advisory_lock(8)::text $$;
CREATE FUNCTION public.touch(t) RETURNS text LANGUAGE sql AS
  $$ SELECT pg_advisory_lock(9)::text $$;
CREATE FUNCTION public.check_bump(integer) RETURNS boolean LANGUAGE sql AS
  $$ SELECT pg_advisory_lock(10) IS NOT NULL $$;
CREATE DOMAIN public.checked AS integer CHECK (public.check_bump(VALUE));
CREATE FUNCTION public.is_even(integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS
  $$ SELECT $1 % 2 = 0 $$;
";

/// What a PostgreSQL attempt could have changed, as the server reports it.
#[derive(Debug, PartialEq, Eq)]
struct PgState {
    tables: Vec<(String, Option<String>)>,
    slots: i64,
    conf_load_time: String,
    advisory_locks: i64,
    sequence: (i64, bool),
    large_objects: i64,
}

fn pg_state(url: &str) -> PgState {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let tables = ["t", "u", "copie", "effects"]
        .iter()
        .map(|t| {
            let sum: Option<String> = c
                .query_one(
                    &format!("SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM {t} x"),
                    &[],
                )
                .unwrap()
                .get(0);
            (t.to_string(), sum)
        })
        .collect();
    let one =
        |c: &mut postgres::Client, sql: &str| -> i64 { c.query_one(sql, &[]).unwrap().get(0) };
    let slots = one(&mut c, "SELECT count(*) FROM pg_replication_slots");
    let advisory_locks = one(
        &mut c,
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'",
    );
    let large_objects = one(&mut c, "SELECT count(*) FROM pg_largeobject_metadata");
    let conf_load_time: String = c
        .query_one("SELECT pg_conf_load_time()::text", &[])
        .unwrap()
        .get(0);
    let row = c
        .query_one("SELECT last_value, is_called FROM s", &[])
        .unwrap();
    PgState {
        tables,
        slots,
        conf_load_time,
        advisory_locks,
        sequence: (row.get(0), row.get(1)),
        large_objects,
    }
}

/// A login role granted `pg_read_all_data`, dropped with the guard.
struct ReadAllRole {
    name: String,
}

impl ReadAllRole {
    fn create() -> ReadAllRole {
        let name = format!("vigie_t_readall_{}", std::process::id());
        let mut admin = postgres::Client::connect(&pg_base_url(), postgres::NoTls).unwrap();
        admin
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {name}; CREATE ROLE {name} LOGIN; GRANT pg_read_all_data TO {name};"
            ))
            .unwrap();
        ReadAllRole { name }
    }

    fn url(&self, url: &str) -> String {
        let (head, tail) = url.split_once("://").expect("a URL");
        let host = tail.rsplit_once('@').map_or(tail, |(_, h)| h);
        format!("{head}://{}@{host}", self.name)
    }
}

impl Drop for ReadAllRole {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&pg_base_url(), postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.name));
        }
    }
}

#[test]
fn postgres_refuses_every_side_effect_before_sending_and_is_unchanged() {
    let Some(url) = pg_fixture("guard", PG_FIXTURE) else {
        return;
    };
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let dblink_files = std::fs::read_dir("/usr/share/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .any(|v| v.path().join("extension/dblink.control").exists());
    let dblink = match admin.batch_execute("CREATE EXTENSION dblink") {
        Ok(()) => {
            eprintln!("dblink installed in the scratch database");
            true
        }
        Err(e) => {
            eprintln!(
                "dblink could not be installed in the scratch database (contrib files present: {dblink_files}): {e}; the dblink attempts are still refused, their effect is not observable"
            );
            false
        }
    };
    drop(admin);
    let conninfo = format!("dbname={} host=127.0.0.1 user=postgres", url.db_name());
    let attempts = pg_attempts(&conninfo);
    assert!(attempts.len() >= 150, "{}", attempts.len());
    let before = pg_state(&url);
    assert_eq!(before.advisory_locks, 0);
    assert_refused(&url, Dialect::Postgres, &attempts, &|| {
        assert_eq!(pg_state(&url), before, "as superuser")
    });
    assert_eq!(pg_state(&url), before, "as superuser");

    let role = ReadAllRole::create();
    let reader = role.url(&url);
    assert_refused(&reader, Dialect::Postgres, &attempts, &|| {
        assert_eq!(pg_state(&url), before, "as a pg_read_all_data role")
    });
    assert_eq!(pg_state(&url), before, "as a pg_read_all_data role");
    if dblink {
        // The dblink attempts named an INSERT into t; t is unchanged.
        assert_eq!(pg_state(&url).tables[0], before.tables[0]);
    }
    // The control: an effect, made outside vigie, shows in the state compared above.
    let mut other = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    other
        .batch_execute("SELECT pg_advisory_lock(5); SELECT nextval('s');")
        .unwrap();
    let after = pg_state(&url);
    assert_eq!(after.advisory_locks, 1);
    assert_ne!(after.sequence, before.sequence);
    drop(other);
    drop(url);
    drop(role);
}

#[test]
fn postgres_runs_legitimate_queries() {
    let Some(url) = pg_fixture("guard_ok", PG_FIXTURE) else {
        return;
    };
    let legit = pg_legit();
    assert!(legit.len() >= 40, "{}", legit.len());
    assert_run(&url, Dialect::Postgres, &legit);
    let role = ReadAllRole::create();
    assert_run(&role.url(&url), Dialect::Postgres, &legit);
    drop(url);
    drop(role);
}

/// The refusal names the function and why, and what the policy can do about it.
#[test]
fn postgres_refusals_say_which_function_and_why() {
    let Some(url) = pg_fixture("guard_why", PG_FIXTURE) else {
        return;
    };
    let mut s = session(&url);
    let reason = |s: &mut Box<dyn Session>, a: Attempt| {
        let r = gate_of(Dialect::Postgres, &a).resolve(s.as_mut());
        assert_eq!(r.len(), 1, "{a:?}");
        r[0].1.reason.clone()
    };
    assert_eq!(
        reason(&mut s, q("SELECT pg_sleep(3)")),
        "`pg_sleep` is refused: it has effects outside the query (locks, waits, signals, replication, sequences, configuration, files or another server); no policy can trust it"
    );
    assert_eq!(
        reason(&mut s, q("SELECT pg_backend_pid()")),
        "`pg_backend_pid` is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"
    );
    assert_eq!(
        reason(&mut s, q("SELECT ts_stat('SELECT 1')")),
        "`ts_stat` is refused: it takes SQL or a query as text and runs what vigie never reads; no policy can trust it"
    );
    assert_eq!(
        reason(&mut s, q(r#"SELECT U&"pg\005fsleep"(3)"#)),
        r#"a Unicode-escaped identifier U&"pg\005fsleep" (the server reads `pg_sleep`): vigie does not read escaped names; write the name plainly"#
    );
    assert_eq!(
        reason(&mut s, q("SELECT initcap(id) FROM t")),
        "`initcap` resolves to `public.initcap` (owner `postgres`, volatile), outside pg_catalog: a user-defined or extension function is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"
    );
    assert_eq!(
        reason(&mut s, q("SELECT id FROM t WHERE id <-> 1 > 0")),
        "the operator `<->` resolves to `public.<->`, which runs `public.op_bump`: a user-defined operator is not on vigie's allow-list; a policy may trust its function with `trusted_functions`"
    );
    assert_eq!(
        reason(&mut s, w("t.touch IS NOT NULL")),
        "`….touch` may be read by PostgreSQL as a call of `public.touch(…)` (a function of one argument outside pg_catalog); qualify the column differently, or trust the function with `trusted_functions`"
    );
    assert_eq!(
        reason(&mut s, q("SELECT id::checked FROM t")),
        "a cast to `checked`, a type of schema `public`: a type outside pg_catalog may run its own functions (a domain's CHECK, a cast function)"
    );
    assert_eq!(
        reason(&mut s, q("SELECT no_such_function(1)")),
        "`no_such_function` is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"
    );
    let mut trusted = Gate::new(
        Dialect::Postgres,
        vec![
            vigie::dialect::guard::TrustedName::parse("public.nothing_here", Dialect::Postgres)
                .unwrap(),
        ],
    );
    trusted.add_query("SELECT public.nothing_here()");
    let r = trusted.resolve(s.as_mut());
    assert_eq!(
        r[0].1.reason,
        "`public.nothing_here` does not resolve to a function of the server's catalog (in the session's search path); vigie only sends what it can resolve"
    );
    s.close();
}

/// A check refused at scan time is an error, never a pass, and every other check runs; a
/// function the policy trusts passes the guard.
#[test]
fn a_check_refused_by_the_server_catalog_is_an_error_and_the_others_run() {
    let Some(url) = pg_fixture("guard_scan", PG_FIXTURE) else {
        return;
    };
    let before = pg_state(&url);
    let policy = "
[[check]]
id = \"shadowed-function\"
query = \"SELECT id FROM t WHERE initcap(n) IS NOT NULL\"

[[check]]
id = \"attribute-call\"
query = \"SELECT x.id FROM t x WHERE x.touch IS NOT NULL\"

[[check]]
id = \"plain\"
query = \"SELECT id FROM t WHERE email IS NOT NULL\"

[[check]]
id = \"trusted\"
query = \"SELECT id FROM t WHERE public.is_even(id) AND id < 3\"

[[trusted_functions]]
name = \"public.is_even\"
reason = \"immutable SQL function of its argument alone\"
";
    let report = scan_text(policy, &url, AS_OF);
    let mut errors = report.errors();
    errors.sort();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("custom:attribute-call"), "{errors:?}");
    assert!(errors[0].contains("`public.touch(…)`"), "{errors:?}");
    assert!(errors[1].contains("custom:shadowed-function"), "{errors:?}");
    assert!(errors[1].contains("`public.initcap`"), "{errors:?}");
    assert_eq!(
        of_rule(&report, "plain"),
        vec![row("plain", None, 2, &["1", "2"])]
    );
    assert_eq!(
        of_rule(&report, "trusted"),
        vec![row("trusted", None, 1, &["2"])]
    );
    assert_eq!(pg_state(&url), before);
}

// ---------------------------------------------------------------------------------------------
// MySQL / MariaDB

fn mysql_attempts() -> Vec<Attempt> {
    let calls = [
        "SLEEP(3)",
        "BENCHMARK(50000000, md5('x'))",
        "GET_LOCK('vigie_lock', 1)",
        "RELEASE_LOCK('vigie_lock')",
        "RELEASE_ALL_LOCKS()",
        "IS_FREE_LOCK('vigie_lock')",
        "IS_USED_LOCK('vigie_lock')",
        "LOAD_FILE('/etc/hostname')",
        "MASTER_POS_WAIT('log.000001', 4, 3)",
        "MASTER_GTID_WAIT('0-1-1', 3)",
        "UUID_SHORT()",
        "sys_exec('touch /tmp/vigie')",
        "bump()",
        "LAST_INSERT_ID(5)",
        "FOUND_ROWS()",
        "NAME_CONST('a', 1)",
    ];
    let forms: [fn(&str) -> Attempt; 9] = [
        |c| q(format!("SELECT {c}")),
        |c| w(format!("{c} IS NOT NULL")),
        |c| q(format!("SELECT id FROM t WHERE id IN (SELECT {c})")),
        |c| q(format!("WITH x AS (SELECT {c} AS v) SELECT 1 AS id FROM x")),
        |c| {
            q(format!(
                "SELECT id, row_number() OVER (PARTITION BY {c}) FROM t"
            ))
        },
        |c| {
            q(format!(
                "SELECT t.id FROM t JOIN (SELECT {c} AS v) l ON 1 = 1"
            ))
        },
        |c| q(format!("SELECT DISTINCT id, {c} FROM t")),
        |c| q(format!("SELECT 1 /*!50000 + {c} */")),
        |c| q(format!("SELECT id FROM t WHERE 1 = 1 --{c}\n")),
    ];
    let mut out = Vec::new();
    for c in calls {
        for f in forms {
            out.push(f(c));
        }
        let (name, args) = c.split_once('(').unwrap();
        out.push(q(format!("SELECT `{name}`({args}")));
        out.push(q(format!("SELECT {}({args}", name.to_lowercase())));
    }
    out.extend([
        q("SELECT `lower`(email) FROM t"),
        q("SELECT test.lower(email) FROM t"),
        q("SELECT id FROM t /*M! WHERE SLEEP(3) */"),
        q("SELECT /*+ MAX_EXECUTION_TIME(0) */ id FROM t"),
        q("SELECT id FROM t INTO OUTFILE '/tmp/vigie_out'"),
        q("SELECT id FROM t INTO DUMPFILE '/tmp/vigie_out'"),
        q("SELECT id FROM t FOR UPDATE"),
        q("SELECT id FROM t LOCK IN SHARE MODE"),
        q("DO SLEEP(3)"),
        q("SELECT 1; SELECT SLEEP(3)"),
        w("1=1) OR (SLEEP(3)"),
    ]);
    out
}

fn mysql_legit() -> Vec<Attempt> {
    vec![
        q("SELECT id FROM t WHERE email IS NOT NULL"),
        q("SELECT count(*), min(id), max(id), sum(n), avg(n) FROM t"),
        q("SELECT t.id FROM t JOIN u ON u.t_id = t.id WHERE u.v <> 'x'"),
        q("SELECT t.id FROM t LEFT JOIN u ON u.t_id = t.id WHERE u.id IS NULL"),
        q(
            "WITH recent AS (SELECT id FROM t WHERE created > DATE '2020-01-01') SELECT id FROM recent",
        ),
        q(
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3) SELECT i FROM r",
        ),
        q("SELECT id, row_number() OVER (ORDER BY created) FROM t"),
        q("SELECT id, rank() OVER (PARTITION BY n ORDER BY id), lag(id) OVER (ORDER BY id) FROM t"),
        q("SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"),
        q("SELECT DISTINCT n FROM t"),
        q("SELECT id FROM t WHERE created < NOW() - INTERVAL 3 YEAR"),
        q("SELECT id FROM t WHERE DATE_ADD(created, INTERVAL 1 MONTH) < CURDATE()"),
        q("SELECT id FROM t WHERE DATEDIFF(NOW(), created) > 365"),
        q("SELECT id FROM t WHERE TIMESTAMPDIFF(MONTH, created, NOW()) > 12"),
        q("SELECT id FROM t WHERE EXTRACT(YEAR FROM created) < 2025"),
        q("SELECT id FROM t WHERE YEAR(created) < 2025 AND MONTH(created) > 0"),
        q("SELECT id FROM t WHERE DATE_FORMAT(created, '%Y') = '2020'"),
        q("SELECT id FROM t WHERE email REGEXP '^[a-z]+@'"),
        q("SELECT id FROM t WHERE email RLIKE 'example'"),
        q("SELECT id FROM t WHERE REGEXP_REPLACE(email, '@.*', '') <> ''"),
        q("SELECT id FROM t WHERE email LIKE '%@%' AND email NOT LIKE 'test%'"),
        q("SELECT id FROM t WHERE JSON_EXTRACT(doc, '$.a') = 1"),
        q("SELECT id FROM t WHERE JSON_UNQUOTE(JSON_EXTRACT(doc, '$.b.c')) = '2'"),
        q("SELECT id FROM t WHERE JSON_CONTAINS(doc, '1', '$.a')"),
        q("SELECT id FROM t WHERE JSON_LENGTH(doc) >= 0 AND JSON_VALID(doc)"),
        q("SELECT CAST(id AS CHAR) AS id FROM t WHERE CAST(n AS DECIMAL(5, 2)) > 0.5"),
        q("SELECT id FROM t WHERE CONVERT(n, SIGNED) > 0"),
        q("SELECT COALESCE(email, 'none') AS id FROM t WHERE NULLIF(n, 0) IS NOT NULL"),
        q("SELECT GREATEST(id, n), LEAST(id, n) FROM t"),
        q("SELECT LOWER(email), UPPER(email), LENGTH(email), SUBSTRING(email, 1, 3) FROM t"),
        q("SELECT TRIM(email), LOCATE('@', email), SUBSTRING_INDEX(email, '@', -1) FROM t"),
        q("SELECT id FROM t WHERE email IN ('a@example.com', 'b@example.com')"),
        q(
            "SELECT id FROM t WHERE id IN (SELECT t_id FROM u) AND NOT EXISTS (SELECT 1 FROM u WHERE u.v = 'z')",
        ),
        q("SELECT n, count(*) FROM t GROUP BY n HAVING count(*) > 0"),
        q("SELECT GROUP_CONCAT(email ORDER BY id SEPARATOR ',') FROM t"),
        q("SELECT IF(n > 1, 'big', 'small'), IFNULL(email, '') FROM t"),
        q("SELECT id FROM t UNION SELECT t_id FROM u"),
        q("SELECT id FROM t WHERE CASE WHEN n > 1 THEN 1 ELSE 0 END = 1"),
        q("SELECT id FROM t WHERE MD5(email) <> '' AND SHA2(email, 256) <> ''"),
        q("SELECT CONCAT(id, '-', n), CONCAT_WS(',', email, n) FROM t"),
        q("SELECT id FROM t WHERE created BETWEEN MAKEDATE(2019, 1) AND CURRENT_DATE"),
        w("email IS NOT NULL AND created < NOW() - INTERVAL 1 YEAR"),
        w("LOWER(email) LIKE '%@example.com' AND n BETWEEN 0 AND 10"),
        w("t.email <> 'legal-hold' OR id IN (SELECT t_id FROM u)"),
    ]
}

const MYSQL_FIXTURE: &str = "
CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(100), n INT, created DATE, doc JSON);
INSERT INTO t VALUES
  (1, 'a@example.com', 1, '2019-05-01', '{\"a\": 1, \"b\": {\"c\": 2}}'),
  (2, 'b@example.com', 2, '2020-06-01', '{\"l\": [1, 2]}'),
  (3, NULL, 0, '2024-01-01', '{}');
CREATE TABLE u (id INT PRIMARY KEY, t_id INT, v VARCHAR(10));
INSERT INTO u VALUES (1, 1, 'x'), (2, 2, 'y');
CREATE TABLE effects (what VARCHAR(10));
CREATE FUNCTION bump() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO effects VALUES ('bump'); RETURN 1; END;
CREATE FUNCTION lower(s VARCHAR(100)) RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO effects VALUES ('lower'); RETURN 1; END;
";

fn mysql_state(url: &str) -> Vec<Vec<Option<String>>> {
    let mut out = mysql_rows(url, "CHECKSUM TABLE t, u, effects");
    out.extend(mysql_rows(url, "SELECT IS_USED_LOCK('vigie_lock')"));
    out
}

#[test]
fn mariadb_refuses_every_side_effect_before_sending_and_is_unchanged() {
    let Some(url) = mysql_fixture("guard", MYSQL_FIXTURE) else {
        return;
    };
    let attempts = mysql_attempts();
    assert!(attempts.len() >= 150, "{}", attempts.len());
    let before = mysql_state(&url);
    assert_refused(&url, Dialect::Mysql, &attempts, &|| {
        assert_eq!(mysql_state(&url), before)
    });
    assert_eq!(mysql_state(&url), before);
    let legit = mysql_legit();
    assert!(legit.len() >= 40, "{}", legit.len());
    assert_run(&url, Dialect::Mysql, &legit);
    assert_eq!(mysql_state(&url), before);
}

// ---------------------------------------------------------------------------------------------
// SQLite

fn sqlite_attempts(dir: &str) -> Vec<Attempt> {
    let calls = [
        format!("load_extension('{dir}/evil')"),
        format!("writefile('{dir}/written', 'x')"),
        "readfile('/etc/hostname')".to_string(),
        "fts3_tokenizer('simple')".to_string(),
        format!("edit('x', '{dir}/editor')"),
        "sqlite_compileoption_get(0)".to_string(),
        "changes()".to_string(),
        "last_insert_rowid()".to_string(),
        "sqlite_offset(id)".to_string(),
        "zeroblob(1000000000)".to_string(),
    ];
    let forms: [fn(&str) -> Attempt; 9] = [
        |c| q(format!("SELECT {c}")),
        |c| w(format!("{c} IS NOT NULL")),
        |c| q(format!("SELECT id FROM t WHERE id IN (SELECT {c})")),
        |c| q(format!("WITH x AS (SELECT {c} AS v) SELECT 1 AS id FROM x")),
        |c| {
            q(format!(
                "SELECT id, row_number() OVER (PARTITION BY {c}) FROM t"
            ))
        },
        |c| q(format!("SELECT DISTINCT id, {c} FROM t")),
        |c| {
            q(format!(
                "SELECT t.id FROM t JOIN (SELECT {c} AS v) l ON 1 = 1"
            ))
        },
        |c| {
            q(format!(
                "SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.v = {c})"
            ))
        },
        |c| w(format!("email IS NOT NULL AND ({c}) IS NOT NULL")),
    ];
    let mut out = Vec::new();
    for c in &calls {
        for f in forms {
            out.push(f(c));
        }
        let (name, args) = c.split_once('(').unwrap();
        out.push(q(format!("SELECT \"{name}\"({args}")));
        out.push(q(format!("SELECT {}({args}", name.to_uppercase())));
        out.push(q(format!("SELECT main.{name}({args}")));
    }
    out.extend([
        q(format!("ATTACH DATABASE '{dir}/other.db' AS other")),
        q("PRAGMA writable_schema = 1"),
        q(format!("VACUUM INTO '{dir}/copy.db'")),
        q("REPLACE INTO t (id) VALUES (9)"),
        q("WITH x AS (DELETE FROM t RETURNING id) SELECT id FROM x"),
        q("SELECT 1; DELETE FROM t"),
        w("1=1) OR (load_extension('x') IS NULL"),
    ]);
    out
}

fn sqlite_legit() -> Vec<Attempt> {
    vec![
        q("SELECT id FROM t WHERE email IS NOT NULL"),
        q("SELECT count(*), min(id), max(id), sum(n), avg(n), total(n) FROM t"),
        q("SELECT t.id FROM t JOIN u ON u.t_id = t.id WHERE u.v <> 'x'"),
        q("SELECT t.id FROM t LEFT JOIN u ON u.t_id = t.id WHERE u.id IS NULL"),
        q("WITH recent AS (SELECT id FROM t WHERE created > '2020-01-01') SELECT id FROM recent"),
        q(
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3) SELECT i FROM r",
        ),
        q("SELECT id, row_number() OVER (ORDER BY created) FROM t"),
        q("SELECT id, rank() OVER (PARTITION BY n ORDER BY id), lag(id) OVER (ORDER BY id) FROM t"),
        q("SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"),
        q("SELECT DISTINCT n FROM t"),
        q("SELECT id FROM t WHERE created < date('now', '-3 years')"),
        q("SELECT id FROM t WHERE date(created, '+1 month') < date('now')"),
        q("SELECT id FROM t WHERE julianday('now') - julianday(created) > 365"),
        q("SELECT id FROM t WHERE strftime('%Y', created) < '2025'"),
        q("SELECT id FROM t WHERE datetime(created) < datetime('now') AND unixepoch(created) > 0"),
        q("SELECT id FROM t WHERE email LIKE '%@%' AND email NOT LIKE 'test%'"),
        q("SELECT id FROM t WHERE email GLOB '*@example.com'"),
        q("SELECT id FROM t WHERE json_extract(doc, '$.a') = 1"),
        q("SELECT id FROM t WHERE doc ->> '$.b.c' = 2"),
        q("SELECT id FROM t WHERE json_type(doc) = 'object' AND json_valid(doc)"),
        q("SELECT t.id, j.key FROM t, json_each(t.doc) AS j"),
        q("SELECT CAST(id AS TEXT) AS id FROM t WHERE CAST(n AS REAL) > 0.5"),
        q("SELECT coalesce(email, 'none') AS id FROM t WHERE nullif(n, 0) IS NOT NULL"),
        q("SELECT max(id, n), min(id, n) FROM t"),
        q("SELECT lower(email), upper(email), length(email), substr(email, 1, 3) FROM t"),
        q("SELECT trim(email), instr(email, '@'), replace(email, '@', ' at ') FROM t"),
        q("SELECT id FROM t WHERE email IN ('a@example.com', 'b@example.com')"),
        q(
            "SELECT id FROM t WHERE id IN (SELECT t_id FROM u) AND NOT EXISTS (SELECT 1 FROM u WHERE u.v = 'z')",
        ),
        q("SELECT n, count(*) FROM t GROUP BY n HAVING count(*) > 0"),
        q("SELECT group_concat(email, ','), string_agg(email, ';') FROM t"),
        q("SELECT iif(n > 1, 'big', 'small'), ifnull(email, '') FROM t"),
        q("SELECT id FROM t UNION SELECT t_id FROM u"),
        q("SELECT id FROM t WHERE CASE WHEN n > 1 THEN 1 ELSE 0 END = 1"),
        q("SELECT printf('%05d', id), format('%s-%d', email, n) FROM t"),
        q("SELECT typeof(id), quote(email), hex(email), abs(n - 5), round(n / 3.0, 2) FROM t"),
        q("SELECT count(*) FILTER (WHERE n > 1) FROM t"),
        q("SELECT id FROM t WHERE length(email) > 3 AND unicode(email) > 0"),
        q("SELECT id, ntile(2) OVER (ORDER BY id), first_value(id) OVER (ORDER BY id) FROM t"),
        q("SELECT id FROM t WHERE sign(n) >= 0 AND abs(n) = n"),
        q("SELECT id FROM t WHERE created BETWEEN '2019-01-01' AND current_date"),
        w("email IS NOT NULL AND created < date('now', '-1 year')"),
        w("lower(email) LIKE '%@example.com' AND n BETWEEN 0 AND 10"),
        w("t.email <> 'legal-hold' OR id IN (SELECT t_id FROM u)"),
    ]
}

const SQLITE_FIXTURE: &str = "
CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT, n INTEGER, created TEXT, doc TEXT);
INSERT INTO t VALUES
  (1, 'a@example.com', 1, '2019-05-01', '{\"a\": 1, \"b\": {\"c\": 2}}'),
  (2, 'b@example.com', 2, '2020-06-01', '{\"l\": [1, 2]}'),
  (3, NULL, 0, '2024-01-01', '{}');
CREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER, v TEXT);
INSERT INTO u VALUES (1, 1, 'x'), (2, 2, 'y');
";

#[test]
fn sqlite_refuses_every_side_effect_before_sending_and_is_unchanged() {
    let (dir, path) = sqlite_fixture(SQLITE_FIXTURE);
    let url = format!("sqlite://{}", path.display());
    let attempts = sqlite_attempts(&dir.path().display().to_string());
    let before = std::fs::read(&path).unwrap();
    assert_refused(&url, Dialect::Sqlite, &attempts, &|| {
        assert_eq!(std::fs::read(&path).unwrap(), before)
    });
    let legit = sqlite_legit();
    assert!(legit.len() >= 40, "{}", legit.len());
    assert_run(&url, Dialect::Sqlite, &legit);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Nothing was written next to the database either.
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["fixture.db"]);
}

/// Every attempt of every backend, counted: the table holds well over 150 of them.
#[test]
fn the_attempt_tables_are_large() {
    let total =
        pg_attempts("dbname=x").len() + mysql_attempts().len() + sqlite_attempts("/tmp").len();
    assert!(total >= 450, "{total}");
}
