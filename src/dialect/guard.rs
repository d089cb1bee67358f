//! The first of vigie's three read-only barriers: every statement is parsed before it is sent.
//!
//! A statement passes only if it is exactly one query whose every part reads: no
//! data-modifying CTE, no `FOR UPDATE/SHARE`, no `SELECT … INTO`, and no call to a function
//! with side effects (a deny-list per dialect). Anything sqlparser cannot read is refused too:
//! a guard that lets through what it does not understand is no guard. The server-side
//! read-only transaction (second barrier) and the session limits (third) catch what a
//! deny-list cannot foresee.

use super::Dialect;
use sqlparser::ast::{
    Expr, ObjectName, Query, Select, SetExpr, Statement, TableFactor, Visit, Visitor,
};
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;
use std::ops::ControlFlow;

/// Why a statement was refused before anything reached the server.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("refused, not read-only: {reason}")]
pub struct Refusal {
    pub reason: String,
}

fn refuse(reason: impl Into<String>) -> Refusal {
    Refusal {
        reason: reason.into(),
    }
}

/// Functions whose call writes, locks, waits, signals, reads server files or reaches
/// another server. Matched on the last part of the name, case-insensitively.
const DENIED_FUNCTIONS: &[&str] = &[
    // PostgreSQL
    "pg_terminate_backend",
    "pg_cancel_backend",
    "pg_reload_conf",
    "pg_rotate_logfile",
    "pg_sleep",
    "pg_sleep_for",
    "pg_sleep_until",
    "nextval",
    "setval",
    "currval",
    "lastval",
    "set_config",
    "pg_notify",
    "pg_switch_wal",
    "pg_create_restore_point",
    "pg_promote",
    "pg_read_file",
    "pg_read_binary_file",
    "pg_ls_dir",
    "pg_file_write",
    "pg_logical_emit_message",
    "txid_current",
    "pg_current_xact_id",
    "query_to_xml",
    "query_to_xml_and_xmlschema",
    "cursor_to_xml",
    "pg_import_system_collations",
    "pg_replication_origin_create",
    "pg_create_logical_replication_slot",
    "pg_create_physical_replication_slot",
    "pg_drop_replication_slot",
    // SQLite
    "load_extension",
    "writefile",
    "readfile",
    "fts3_tokenizer",
    // MySQL / MariaDB
    "sleep",
    "benchmark",
    "get_lock",
    "release_lock",
    "release_all_locks",
    "is_free_lock",
    "is_used_lock",
    "load_file",
    "master_pos_wait",
    "source_pos_wait",
    "master_gtid_wait",
    "wait_for_executed_gtid_set",
    "wait_until_sql_thread_after_gtids",
    "uuid_short",
    "sys_exec",
    "sys_eval",
];

/// Families of side-effecting functions, denied by prefix.
const DENIED_PREFIXES: &[&str] = &[
    "dblink",
    "lo_",
    "pg_advisory",
    "pg_try_advisory",
    "pg_stat_reset",
    "pg_replication_origin",
    "pg_catalog.lo_",
];

fn denied_function(name: &ObjectName) -> Option<String> {
    let last = name
        .0
        .last()
        .and_then(|p| p.as_ident())
        .map(|i| i.value.to_lowercase())?;
    let denied = DENIED_FUNCTIONS.contains(&last.as_str())
        || DENIED_PREFIXES.iter().any(|p| last.starts_with(p));
    denied.then_some(last)
}

struct ReadOnlyVisitor;

impl ReadOnlyVisitor {
    fn check_set_expr(body: &SetExpr) -> ControlFlow<Refusal> {
        match body {
            SetExpr::Insert(_) | SetExpr::Update(_) | SetExpr::Delete(_) | SetExpr::Merge(_) => {
                ControlFlow::Break(refuse(
                    "a data-modifying statement inside a query (WITH … AS (INSERT/UPDATE/DELETE))",
                ))
            }
            SetExpr::SetOperation { left, right, .. } => {
                Self::check_set_expr(left)?;
                Self::check_set_expr(right)
            }
            _ => ControlFlow::Continue(()),
        }
    }
}

impl Visitor for ReadOnlyVisitor {
    type Break = Refusal;

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<Refusal> {
        if !query.locks.is_empty() {
            return ControlFlow::Break(refuse("a locking clause (FOR UPDATE / FOR SHARE)"));
        }
        Self::check_set_expr(&query.body)?;
        if let Some(with) = &query.with {
            for cte in &with.cte_tables {
                Self::check_set_expr(&cte.query.body)?;
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, select: &Select) -> ControlFlow<Refusal> {
        if select.into.is_some() {
            return ControlFlow::Break(refuse(
                "SELECT … INTO writes its result somewhere (a table, a variable, a file)",
            ));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<Refusal> {
        let name = match factor {
            TableFactor::Table {
                name,
                args: Some(_),
                ..
            } => Some(name),
            TableFactor::Function { name, .. } => Some(name),
            _ => None,
        };
        if let Some(f) = name.and_then(denied_function) {
            return ControlFlow::Break(refuse(format!("the side-effecting function `{f}`")));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<Refusal> {
        if let Expr::Function(f) = expr
            && let Some(name) = denied_function(&f.name)
        {
            return ControlFlow::Break(refuse(format!("the side-effecting function `{name}`")));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_statement(&mut self, statement: &Statement) -> ControlFlow<Refusal> {
        match statement {
            Statement::Query(_) => ControlFlow::Continue(()),
            other => ControlFlow::Break(refuse(format!(
                "only a SELECT query may be sent, not `{}`",
                statement_kind(other)
            ))),
        }
    }
}

/// The first keyword(s) of a statement, for messages (never the whole text).
fn statement_kind(statement: &Statement) -> String {
    let text = statement.to_string();
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// What MySQL and MariaDB read in places a parser sees only comments, or write with clauses
/// sqlparser may not know: checked on the tokens, so the answer does not depend on how much
/// of the MySQL grammar the parser covers.
///
/// - `/*M! … */` is code to MariaDB and a comment to everyone else (sqlparser expands the
///   `/*! … */` form itself, so its content is guarded like any other code);
/// - `/*+ … */` optimizer hints can lift the session's time limit (`MAX_EXECUTION_TIME`,
///   `SET_VAR`);
/// - `INTO OUTFILE` / `INTO DUMPFILE` write a file on the server.
fn check_mysql_tokens(sql: &str, dialect: &dyn sqlparser::dialect::Dialect) -> Result<(), Refusal> {
    use sqlparser::tokenizer::{Tokenizer, Whitespace};
    let tokens = Tokenizer::new(dialect, sql)
        .tokenize()
        .map_err(|e| refuse(format!("the statement could not be parsed ({e})")))?;
    let mut previous_word: Option<String> = None;
    for token in &tokens {
        match token {
            Token::Whitespace(Whitespace::MultiLineComment(c)) => {
                let c = c.trim_start();
                if c.starts_with("M!") || c.starts_with("m!") {
                    return Err(refuse(
                        "a MariaDB executable comment (/*M! … */): write the SQL itself",
                    ));
                }
                if c.starts_with('+') {
                    return Err(refuse(
                        "an optimizer hint (/*+ … */): hints can lift the session's time limit",
                    ));
                }
            }
            Token::Whitespace(_) => {}
            Token::Word(w) if w.quote_style.is_none() => {
                let word = w.value.to_ascii_uppercase();
                if previous_word.as_deref() == Some("INTO")
                    && (word == "OUTFILE" || word == "DUMPFILE")
                {
                    return Err(refuse(format!(
                        "SELECT … INTO {word} writes a file on the server"
                    )));
                }
                previous_word = Some(word);
            }
            _ => previous_word = None,
        }
    }
    Ok(())
}

/// Check that `sql` is exactly one read-only query for `dialect`.
pub fn check_query(sql: &str, dialect: Dialect) -> Result<(), Refusal> {
    let parser_dialect = dialect.parser_dialect();
    if dialect == Dialect::Mysql {
        check_mysql_tokens(sql, parser_dialect.as_ref())?;
    }
    let statements = Parser::parse_sql(parser_dialect.as_ref(), sql)
        .map_err(|e| refuse(format!("the statement could not be parsed ({e})")))?;
    match statements.len() {
        0 => return Err(refuse("the statement is empty")),
        1 => {}
        n => {
            return Err(refuse(format!(
                "{n} statements were given; exactly one query is allowed"
            )));
        }
    }
    match statements[0].visit(&mut ReadOnlyVisitor) {
        ControlFlow::Break(r) => Err(r),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// Check that `predicate` is exactly one read-only boolean expression (a policy `where`):
/// it is parsed as an expression alone, so `1=1) OR (1=1` or `x; DELETE …` cannot escape
/// into the statements it is embedded in.
pub fn check_predicate(predicate: &str, dialect: Dialect) -> Result<(), Refusal> {
    let parser_dialect = dialect.parser_dialect();
    let mut parser = Parser::new(parser_dialect.as_ref())
        .try_with_sql(predicate)
        .map_err(|e| refuse(format!("the condition could not be read ({e})")))?;
    let expr = parser
        .parse_expr()
        .map_err(|e| refuse(format!("the condition could not be read ({e})")))?;
    let next = parser.peek_token();
    if next.token != Token::EOF {
        return Err(refuse(format!(
            "the condition must be one expression; unexpected `{}` after it",
            next.token
        )));
    }
    match expr.visit(&mut ReadOnlyVisitor) {
        ControlFlow::Break(r) => Err(r),
        ControlFlow::Continue(()) => Ok(()),
    }
}

/// The columns a policy's `where` condition names, as `(qualifier, column)`: `statut` gives
/// `(None, "statut")`, `c.statut` gives `(Some("c"), "statut")`. The remediation must not
/// drop or blank them, since the policy's checks filter on them. A condition sqlparser cannot
/// read names nothing here; the policy validation has already reported it.
pub fn predicate_columns(predicate: &str, dialect: Dialect) -> Vec<(Option<String>, String)> {
    let parser_dialect = dialect.parser_dialect();
    let Ok(mut parser) = Parser::new(parser_dialect.as_ref()).try_with_sql(predicate) else {
        return Vec::new();
    };
    let Ok(expr) = parser.parse_expr() else {
        return Vec::new();
    };
    if parser.peek_token().token != Token::EOF {
        return Vec::new();
    }
    let mut out = Vec::new();
    let _ = sqlparser::ast::visit_expressions(&expr, |e| {
        match e {
            Expr::Identifier(i) => out.push((None, i.value.clone())),
            Expr::CompoundIdentifier(parts) if !parts.is_empty() => {
                let n = parts.len();
                let qualifier = (n >= 2).then(|| parts[n - 2].value.clone());
                out.push((qualifier, parts[n - 1].value.clone()));
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PG: Dialect = Dialect::Postgres;

    #[test]
    fn the_columns_a_condition_names() {
        let cols = predicate_columns(
            "statut <> 'legal-hold' AND c.type_personne = 'alumni' AND now() > fin",
            PG,
        );
        assert_eq!(
            cols,
            [
                (None, "statut".to_string()),
                (Some("c".to_string()), "type_personne".to_string()),
                (None, "fin".to_string()),
            ]
        );
        assert_eq!(predicate_columns("not a (condition", PG), []);
    }

    #[test]
    fn accepts_plain_queries() {
        for q in [
            "SELECT id FROM paiements WHERE cvv IS NOT NULL",
            "WITH x AS (SELECT id FROM t) SELECT id FROM x",
            "SELECT a.id FROM a JOIN b ON a.id = b.a_id WHERE b.x > now() - interval '3 years'",
            "SELECT id FROM t UNION SELECT id FROM u",
            "SELECT count(*) FROM t -- a trailing comment",
        ] {
            check_query(q, PG).unwrap_or_else(|e| panic!("{q}: {e}"));
        }
    }

    #[test]
    fn accepts_predicates() {
        check_predicate("statut <> 'legal-hold'", PG).unwrap();
        check_predicate("personne_type = 'alumni' AND x IN (SELECT id FROM y)", PG).unwrap();
    }

    #[test]
    fn refuses_predicates_that_escape() {
        for p in [
            "1=1) OR (1=1",
            "x = 1; DELETE FROM t",
            "pg_sleep(10) IS NULL",
            "id IN (SELECT nextval('s'))",
        ] {
            assert!(check_predicate(p, PG).is_err(), "{p}");
        }
    }
}
