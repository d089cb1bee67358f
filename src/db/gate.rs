//! The gate in front of a policy's own SQL: every `[[check]]` query and `where` condition a
//! policy's author wrote is resolved against the server's catalog on the session that will
//! send it, before anything of it is sent.
//!
//! The guard ([`crate::dialect::guard`]) has already checked, at load time, that the SQL is one
//! read-only query or condition and that every function it names is on vigie's allow-list of
//! side-effect-free functions or trusted by the policy. On PostgreSQL a name is only a name:
//! `lower` could resolve to an extension's `public.lower`, an operator to a user's function,
//! `t.f` to a call `f(t)`, a cast to a domain whose `CHECK` calls a function. The gate reads
//! `pg_proc`, `pg_operator` and `pg_type` (in the session's read-only transaction) and refuses
//! a piece of SQL when any name resolves outside `pg_catalog` without being trusted, or does
//! not resolve at all. A refused piece makes every statement that embeds it fail with a
//! refusal before it is sent, so the checks built on it end in error, never as a pass, and the
//! others run.

use super::{DbError, Session};
use crate::catalog::Catalog;
use crate::catalog::Table;
use crate::check::{Grantee, Reach, Sampled};
use crate::dialect::Dialect;
use crate::dialect::allow;
use crate::dialect::guard::{self, References, Refusal, TrustedName, is_trusted};
use crate::policy::{Policy, UserSql};
use std::collections::BTreeSet;

/// One piece of a policy's SQL and what the guard found in it.
#[derive(Clone, Debug)]
struct Piece {
    /// The text as it is embedded in the statements vigie sends.
    text: String,
    refs: Result<References, Refusal>,
}

/// The policy's SQL, checked by the guard, ready to be resolved on each session.
#[derive(Clone, Debug)]
pub struct Gate {
    dialect: Dialect,
    trusted: Vec<TrustedName>,
    pieces: Vec<Piece>,
}

impl Gate {
    /// Every piece of SQL of `policy`, for a target of `dialect`.
    pub fn for_policy(policy: &Policy, dialect: Dialect) -> Gate {
        let trusted = policy.trusted_names();
        let mut gate = Gate::new(dialect, trusted);
        for piece in policy.user_sql() {
            match piece {
                UserSql::Query(q) => gate.add_query(&q.value),
                UserSql::Predicate(p) => gate.add_predicate(&p.value),
            }
        }
        gate
    }

    pub fn new(dialect: Dialect, trusted: Vec<TrustedName>) -> Gate {
        Gate {
            dialect,
            trusted,
            pieces: Vec::new(),
        }
    }

    /// A `[[check]]` query.
    pub fn add_query(&mut self, sql: &str) {
        let refs = guard::check_user_query(sql, self.dialect, &self.trusted);
        self.pieces.push(Piece {
            text: sql.trim().trim_end_matches(';').trim_end().to_string(),
            refs,
        });
    }

    /// A `where` condition.
    pub fn add_predicate(&mut self, sql: &str) {
        let refs = guard::check_user_predicate(sql, self.dialect, &self.trusted);
        self.pieces.push(Piece {
            text: sql.trim().to_string(),
            refs,
        });
    }

    /// Resolve every piece on `session` and put the gate in front of it.
    pub fn wrap(&self, mut session: Box<dyn Session>) -> Box<dyn Session> {
        let refused = self.resolve(session.as_mut());
        Box::new(Gated {
            inner: session,
            refused,
        })
    }

    /// The pieces refused on `session`, with why.
    pub fn resolve(&self, session: &mut dyn Session) -> Vec<(String, Refusal)> {
        let mut refused = Vec::new();
        let mut ok = Vec::new();
        for p in &self.pieces {
            match &p.refs {
                Err(r) => refused.push((p.text.clone(), r.clone())),
                Ok(refs) => ok.push((p, refs)),
            }
        }
        if self.dialect != Dialect::Postgres || ok.is_empty() {
            return refused;
        }
        let all = ok.iter().fold(References::default(), |mut acc, (_, r)| {
            acc.functions.extend(r.functions.iter().cloned());
            acc.operators.extend(r.operators.iter().cloned());
            acc.attributes.extend(r.attributes.iter().cloned());
            acc.types.extend(r.types.iter().cloned());
            acc
        });
        match PgCatalog::read(session, &all) {
            Ok(catalog) => {
                for (p, refs) in ok {
                    if let Err(r) = catalog.check(refs, &self.trusted) {
                        refused.push((p.text.clone(), r));
                    }
                }
            }
            Err(e) => {
                for (p, _) in ok {
                    refused.push((
                        p.text.clone(),
                        Refusal {
                            reason: format!(
                                "the functions it calls could not be resolved against the server's catalog ({e})"
                            ),
                        },
                    ));
                }
            }
        }
        refused
    }
}

/// A PostgreSQL text value that reads the same whatever `standard_conforming_strings` says:
/// the bytes are written in hexadecimal.
fn pg_text(value: &str) -> String {
    let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
    format!("pg_catalog.convert_from(pg_catalog.decode('{hex}', 'hex'), 'UTF8')")
}

/// A PostgreSQL `text[]` of `values`, each written with [`pg_text`].
fn pg_text_array<'a>(values: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = values.into_iter().map(|v| pg_text(v)).collect();
    format!("ARRAY[{}]::text[]", items.join(", "))
}

struct ProcRow {
    schema: String,
    name: String,
    volatility: String,
    owner: String,
    nargs: i64,
    visible: bool,
}

struct OperRow {
    schema: String,
    symbol: String,
    fn_schema: String,
    fn_name: String,
    visible: bool,
}

/// What the server's catalog says of the names a policy's SQL uses.
struct PgCatalog {
    procs: Vec<ProcRow>,
    opers: Vec<OperRow>,
    /// Cast target types, as written, with the schema they resolve to.
    types: Vec<(String, Option<String>)>,
}

impl PgCatalog {
    fn read(session: &mut dyn Session, refs: &References) -> Result<PgCatalog, DbError> {
        let names: BTreeSet<String> = refs
            .functions
            .iter()
            .filter(|f| !f.keyword)
            .map(|f| f.name.clone())
            .chain(refs.attributes.iter().cloned())
            .collect();
        let mut procs = Vec::new();
        if !names.is_empty() {
            let sql = format!(
                "SELECT n.nspname::text, p.proname::text, p.provolatile::text, \
                 pg_catalog.pg_get_userbyid(p.proowner)::text, p.pronargs::int8, \
                 (n.nspname = ANY (pg_catalog.current_schemas(true)))::text \
                 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
                 WHERE p.proname::text = ANY ({})",
                pg_text_array(&names)
            );
            for r in session.rows(&sql, None)? {
                let cell = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                procs.push(ProcRow {
                    schema: cell(0),
                    name: cell(1),
                    volatility: cell(2),
                    owner: cell(3),
                    nargs: cell(4).parse().unwrap_or(-1),
                    visible: cell(5) == "true",
                });
            }
        }
        let symbols: BTreeSet<String> = refs.operators.iter().map(|o| o.symbol.clone()).collect();
        let mut opers = Vec::new();
        if !symbols.is_empty() {
            let sql = format!(
                "SELECT n.nspname::text, o.oprname::text, pn.nspname::text, p.proname::text, \
                 (n.nspname = ANY (pg_catalog.current_schemas(true)))::text \
                 FROM pg_catalog.pg_operator o \
                 JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace \
                 JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode \
                 JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace \
                 WHERE o.oprname::text = ANY ({})",
                pg_text_array(&symbols)
            );
            for r in session.rows(&sql, None)? {
                let cell = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                opers.push(OperRow {
                    schema: cell(0),
                    symbol: cell(1),
                    fn_schema: cell(2),
                    fn_name: cell(3),
                    visible: cell(4) == "true",
                });
            }
        }
        let mut types = Vec::new();
        for t in &refs.types {
            let quoted: Vec<String> = t
                .split('.')
                .map(|p| Dialect::Postgres.quote_ident(p))
                .collect();
            let sql = format!(
                "SELECT n.nspname::text FROM pg_catalog.pg_type t \
                 JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
                 WHERE t.oid = pg_catalog.to_regtype({})",
                pg_text(&quoted.join("."))
            );
            let schema = session
                .rows(&sql, None)?
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next().flatten());
            types.push((t.clone(), schema));
        }
        Ok(PgCatalog {
            procs,
            opers,
            types,
        })
    }

    fn check(&self, refs: &References, trusted: &[TrustedName]) -> Result<(), Refusal> {
        let refuse = |reason: String| Refusal { reason };
        for f in refs.functions.iter().filter(|f| !f.keyword) {
            let candidates: Vec<&ProcRow> = self
                .procs
                .iter()
                .filter(|p| {
                    p.name == f.name
                        && match &f.schema {
                            Some(s) => &p.schema == s,
                            None => p.visible,
                        }
                })
                .collect();
            if candidates.is_empty() {
                return Err(refuse(format!(
                    "`{f}` does not resolve to a function of the server's catalog (in the session's search path); vigie only sends what it can resolve"
                )));
            }
            for c in candidates {
                if is_trusted(trusted, Some(&c.schema), &c.name) {
                    continue;
                }
                if c.schema != "pg_catalog" {
                    return Err(refuse(format!(
                        "`{f}` resolves to `{}.{}` (owner `{}`, {}), outside pg_catalog: a user-defined or extension function is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`",
                        c.schema,
                        c.name,
                        c.owner,
                        volatility(&c.volatility)
                    )));
                }
                if !allow::allowed(Dialect::Postgres, &c.name) {
                    return Err(refuse(format!(
                        "`{f}` is {} and not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`",
                        volatility(&c.volatility)
                    )));
                }
            }
        }
        for o in &refs.operators {
            for c in self.opers.iter().filter(|c| {
                c.symbol == o.symbol
                    && match &o.schema {
                        Some(s) => &c.schema == s,
                        None => c.visible,
                    }
            }) {
                if let Some(why) = allow::never(&c.fn_name) {
                    return Err(refuse(format!(
                        "the operator `{o}` runs `{}.{}`, which is refused: {why}",
                        c.fn_schema, c.fn_name
                    )));
                }
                let builtin = c.schema == "pg_catalog" && c.fn_schema == "pg_catalog";
                if !builtin && !is_trusted(trusted, Some(&c.fn_schema), &c.fn_name) {
                    return Err(refuse(format!(
                        "the operator `{o}` resolves to `{}.{}`, which runs `{}.{}`: a user-defined operator is not on vigie's allow-list; a policy may trust its function with `trusted_functions`",
                        c.schema, c.symbol, c.fn_schema, c.fn_name
                    )));
                }
            }
        }
        for a in &refs.attributes {
            if let Some(c) = self.procs.iter().find(|p| {
                &p.name == a
                    && p.nargs == 1
                    && p.visible
                    && p.schema != "pg_catalog"
                    && !is_trusted(trusted, Some(&p.schema), &p.name)
            }) {
                return Err(refuse(format!(
                    "`….{a}` may be read by PostgreSQL as a call of `{}.{}(…)` (a function of one argument outside pg_catalog); qualify the column differently, or trust the function with `trusted_functions`",
                    c.schema, c.name
                )));
            }
        }
        for (t, schema) in &self.types {
            if !refs.types.contains(t) {
                continue;
            }
            if let Some(s) = schema
                && s != "pg_catalog"
            {
                return Err(refuse(format!(
                    "a cast to `{t}`, a type of schema `{s}`: a type outside pg_catalog may run its own functions (a domain's CHECK, a cast function)"
                )));
            }
        }
        Ok(())
    }
}

fn volatility(v: &str) -> &'static str {
    match v {
        "i" => "immutable",
        "s" => "stable",
        _ => "volatile",
    }
}

/// A session whose statements are refused when they embed a refused piece of policy SQL.
struct Gated {
    inner: Box<dyn Session>,
    refused: Vec<(String, Refusal)>,
}

impl Gated {
    fn admit(&self, sql: &str) -> Result<(), DbError> {
        for (text, r) in &self.refused {
            if !text.is_empty() && sql.contains(text.as_str()) {
                return Err(DbError::Refused(r.clone()));
            }
        }
        Ok(())
    }
}

impl Session for Gated {
    fn dialect(&self) -> Dialect {
        self.inner.dialect()
    }

    fn rows(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<Vec<Option<String>>>, DbError> {
        self.admit(sql)?;
        self.inner.rows(sql, as_of)
    }

    fn count_keys(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<(u64, Vec<String>), DbError> {
        self.admit(sql)?;
        self.inner.count_keys(sql, as_of)
    }

    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        self.admit(sql)?;
        self.inner.column_names(sql)
    }

    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError> {
        self.admit(sql)?;
        self.inner.stream_pairs(sql, each)
    }

    fn stream_pairs_raw(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(&[u8], &[u8]),
    ) -> Result<(), DbError> {
        self.admit(sql)?;
        self.inner.stream_pairs_raw(sql, each)
    }

    fn sample(&mut self, table: &Table, n: usize) -> Result<Sampled, DbError> {
        self.inner.sample(table, n)
    }

    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, DbError> {
        self.inner.reach(who, tables)
    }

    fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError> {
        self.inner.introspect(schemas)
    }

    fn close(self: Box<Self>) {
        self.inner.close()
    }
}
