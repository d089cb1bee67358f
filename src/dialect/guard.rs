//! The first of vigie's three read-only barriers: every statement is parsed before it is sent.
//!
//! A statement passes only if it is exactly one query whose every part reads: no
//! data-modifying CTE, no `FOR UPDATE/SHARE`, no `SELECT … INTO`, and no call to a function
//! vigie knows to have effects ([`allow::never`]), however its name is spelled. Anything
//! sqlparser cannot read is refused too: a guard that lets through what it does not understand
//! is no guard.
//!
//! The SQL a policy's author wrote is held to more ([`check_user_query`],
//! [`check_user_predicate`]): every function it calls must be on vigie's allow-list of
//! side-effect-free functions ([`allow`]) or trusted by the policy, its name read as the server
//! reads it (case folding, quoting, schema; `U&"…"` names are refused rather than guessed).
//! On PostgreSQL the names are then resolved against the server's catalog before anything is
//! sent ([`crate::db::gate`]). The server-side read-only transaction (second barrier) and the
//! session limits (third) catch what a parser cannot foresee.

use super::Dialect;
use super::allow;
use sqlparser::ast::{
    AccessExpr, BinaryOperator, DataType, Expr, FunctionArguments, Ident, ObjectName, Query,
    Select, SetExpr, Statement, TableFactor, UnaryOperator, Visit, Visitor,
};
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;
use std::collections::BTreeSet;
use std::fmt;
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

/// Functions vigie refuses in any statement, its own included (see [`allow::never`]): the last
/// part of the name, compared without regard to case, so a quoted or qualified spelling is
/// refused too.
fn never_called(name: &ObjectName) -> ControlFlow<Refusal> {
    let last = name
        .0
        .last()
        .and_then(|p| p.as_ident())
        .map(|i| i.value.to_lowercase());
    match last
        .as_deref()
        .and_then(|l| allow::never(l).map(|why| (l, why)))
    {
        Some((l, why)) => ControlFlow::Break(refuse(format!(
            "`{l}` is refused: {why}; no policy can trust it"
        ))),
        None => ControlFlow::Continue(()),
    }
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
        match factor {
            TableFactor::Table {
                name,
                args: Some(_),
                ..
            }
            | TableFactor::Function { name, .. } => never_called(name),
            _ => ControlFlow::Continue(()),
        }
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<Refusal> {
        match expr {
            Expr::Function(f) => never_called(&f.name),
            _ => ControlFlow::Continue(()),
        }
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

/// Check that `sql` is exactly one read-only query for `dialect`: the check every statement
/// vigie sends goes through, its own included.
pub fn check_query(sql: &str, dialect: Dialect) -> Result<(), Refusal> {
    inspect_query(sql, dialect).map(|_| ())
}

/// Check that `predicate` is exactly one read-only boolean expression (a policy `where`):
/// it is parsed as an expression alone, so `1=1) OR (1=1` or `x; DELETE …` cannot escape
/// into the statements it is embedded in.
pub fn check_predicate(predicate: &str, dialect: Dialect) -> Result<(), Refusal> {
    inspect_predicate(predicate, dialect).map(|_| ())
}

/// [`check_query`], and what the query calls, as the server reads the names.
pub fn inspect_query(sql: &str, dialect: Dialect) -> Result<References, Refusal> {
    let parser_dialect = dialect.parser_dialect();
    let typed = check_tokens(sql, dialect, parser_dialect.as_ref())?;
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
    if let ControlFlow::Break(r) = statements[0].visit(&mut ReadOnlyVisitor) {
        return Err(r);
    }
    let mut collect = Collect::new(dialect);
    collect.refs.types.extend(typed);
    match statements[0].visit(&mut collect) {
        ControlFlow::Break(r) => Err(r),
        ControlFlow::Continue(()) => Ok(collect.refs),
    }
}

/// [`check_predicate`], and what the condition calls.
pub fn inspect_predicate(predicate: &str, dialect: Dialect) -> Result<References, Refusal> {
    let parser_dialect = dialect.parser_dialect();
    let typed = check_tokens(predicate, dialect, parser_dialect.as_ref())?;
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
    if let ControlFlow::Break(r) = expr.visit(&mut ReadOnlyVisitor) {
        return Err(r);
    }
    let mut collect = Collect::new(dialect);
    collect.refs.types.extend(typed);
    match expr.visit(&mut collect) {
        ControlFlow::Break(r) => Err(r),
        ControlFlow::Continue(()) => Ok(collect.refs),
    }
}

/// A policy's `[[check]]` query: [`check_query`], then every function it calls must be on
/// vigie's allow-list or trusted by the policy. On PostgreSQL the server confirms the names
/// at scan time ([`crate::db::gate`]).
pub fn check_user_query(
    sql: &str,
    dialect: Dialect,
    trusted: &[TrustedName],
) -> Result<References, Refusal> {
    check_size(sql, dialect, "query")?;
    let refs = inspect_query(sql, dialect)?;
    refs.check_allowed(dialect, trusted)?;
    Ok(refs)
}

/// A policy's `where` condition: [`check_predicate`] and the allow-list of
/// [`check_user_query`].
pub fn check_user_predicate(
    predicate: &str,
    dialect: Dialect,
    trusted: &[TrustedName],
) -> Result<References, Refusal> {
    check_size(predicate, dialect, "condition")?;
    let refs = inspect_predicate(predicate, dialect)?;
    refs.check_allowed(dialect, trusted)?;
    Ok(refs)
}

/// The most operators a user-written query or condition may hold. Expressions are trees as deep
/// as their chains of `OR`, `AND` and comparisons, and reading one walks that depth: a
/// 50,000-term `OR` would overflow the stack and abort the whole scan. No hand-written check
/// comes near this; a long list of values belongs in `IN (…)`, which stays flat.
pub const MAX_OPERATORS: usize = 500;

/// Refuse a user-written query or condition whose expressions are deeper than vigie reads,
/// counted on its tokens before anything is parsed.
fn check_size(sql: &str, dialect: Dialect, what: &str) -> Result<(), Refusal> {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::Tokenizer;
    let parser_dialect = dialect.parser_dialect();
    let tokens = Tokenizer::new(parser_dialect.as_ref(), sql)
        .tokenize()
        .map_err(|e| refuse(format!("the {what} could not be read ({e})")))?;
    let operators = tokens
        .iter()
        .filter(|t| match t {
            Token::Word(w) => matches!(w.keyword, Keyword::AND | Keyword::OR | Keyword::NOT),
            Token::Eq
            | Token::Neq
            | Token::Lt
            | Token::Gt
            | Token::LtEq
            | Token::GtEq
            | Token::Plus
            | Token::Minus
            | Token::Mul
            | Token::Div
            | Token::Mod
            | Token::StringConcat => true,
            _ => false,
        })
        .count();
    if operators > MAX_OPERATORS {
        return Err(refuse(format!(
            "the {what} holds {operators} operators; vigie reads at most {MAX_OPERATORS} in one \
             user-written {what}: a list of values belongs in `IN (…)`, or in a table to join"
        )));
    }
    Ok(())
}

/// A function a policy trusts (`trusted_functions`), its name normalised as the server
/// reads it; without a schema it trusts the name in any schema.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TrustedName {
    pub schema: Option<String>,
    pub name: String,
}

impl TrustedName {
    /// Parse `name` or `schema.name` as written in a policy (SQL identifier syntax: quoted
    /// parts keep their case, unquoted ones are folded as the server folds them).
    pub fn parse(text: &str, dialect: Dialect) -> Result<TrustedName, String> {
        let parser_dialect = dialect.parser_dialect();
        let mut parser = Parser::new(parser_dialect.as_ref())
            .try_with_sql(text)
            .map_err(|e| format!("not a function name ({e})"))?;
        let name = parser
            .parse_object_name(false)
            .map_err(|e| format!("not a function name ({e})"))?;
        if parser.peek_token().token != Token::EOF {
            return Err("not a function name: write `name` or `schema.name`".into());
        }
        let f = function_name(&name, dialect, true).map_err(|r| r.reason)?;
        Ok(TrustedName {
            schema: f.schema,
            name: f.name,
        })
    }

    /// Whether this entry trusts a call of `schema.name`. A call written without a schema
    /// matches by name: the schema it resolves to is only known to the server, and on
    /// PostgreSQL the gate checks it again with the schema the catalog gives
    /// ([`crate::db::gate`]).
    fn covers(&self, schema: Option<&str>, name: &str) -> bool {
        self.name == name
            && match (&self.schema, schema) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

impl fmt::Display for TrustedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.schema {
            Some(s) => write!(f, "{s}.{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// Whether a policy trusts `schema.name`.
pub fn is_trusted(trusted: &[TrustedName], schema: Option<&str>, name: &str) -> bool {
    trusted.iter().any(|t| t.covers(schema, name))
}

/// A function a statement calls, its name as the server reads it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FunctionRef {
    pub schema: Option<String>,
    pub name: String,
    /// Written quoted: on MySQL a quoted name calls a stored function, not the built-in.
    pub quoted: bool,
    /// A keyword without parentheses (`CURRENT_DATE`) or a construct of the grammar written
    /// like a call (PostgreSQL's `COALESCE`, `NULLIF`, `GREATEST`, `LEAST`), not a catalog
    /// function.
    pub keyword: bool,
}

impl fmt::Display for FunctionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.schema {
            Some(s) => write!(f, "{s}.{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// An operator a statement uses: its symbol, and the schema `OPERATOR(schema.op)` names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperatorRef {
    pub schema: Option<String>,
    pub symbol: String,
}

impl fmt::Display for OperatorRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.schema {
            Some(s) => write!(f, "OPERATOR({s}.{})", self.symbol),
            None => f.write_str(&self.symbol),
        }
    }
}

/// What a statement calls: functions, operators, the names after a dot (PostgreSQL reads
/// `t.f` as `f(t)` when `t` has no column `f`), and the types it casts to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct References {
    pub functions: BTreeSet<FunctionRef>,
    pub operators: BTreeSet<OperatorRef>,
    pub attributes: BTreeSet<String>,
    pub types: BTreeSet<String>,
}

impl References {
    /// Every function on the dialect's allow-list, or trusted by the policy; none of those
    /// vigie refuses even when trusted.
    pub fn check_allowed(&self, dialect: Dialect, trusted: &[TrustedName]) -> Result<(), Refusal> {
        for f in &self.functions {
            if let Some(why) = allow::never(&f.name) {
                return Err(refuse(format!(
                    "`{f}` is refused: {why}; no policy can trust it"
                )));
            }
            let is_trusted = is_trusted(trusted, f.schema.as_deref(), &f.name);
            if is_trusted {
                continue;
            }
            if dialect != Dialect::Postgres && f.schema.is_some() {
                return Err(refuse(format!(
                    "`{f}` is a stored function (a qualified name), not one of vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"
                )));
            }
            if dialect == Dialect::Mysql && f.quoted {
                return Err(refuse(format!(
                    "`{f}` is written quoted, which calls a stored function of that name rather than the built-in; write it unquoted, or trust it with `trusted_functions`"
                )));
            }
            let builtin_schema = f
                .schema
                .as_deref()
                .is_none_or(|s| s == "pg_catalog" && dialect == Dialect::Postgres);
            if !(builtin_schema && allow::allowed(dialect, &f.name)) {
                return Err(refuse(format!(
                    "`{f}` is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"
                )));
            }
        }
        for o in &self.operators {
            if let Some(s) = &o.schema
                && s != "pg_catalog"
            {
                return Err(refuse(format!(
                    "the operator `{o}` is outside pg_catalog: a user-defined operator runs a function vigie does not know"
                )));
            }
        }
        Ok(())
    }
}

/// How the server reads an identifier: PostgreSQL folds unquoted names to lower case (ASCII
/// letters only) and keeps quoted ones as written; MySQL and SQLite compare function names
/// without regard to case.
pub fn normalise_ident(ident: &Ident, dialect: Dialect) -> String {
    match (dialect, ident.quote_style) {
        (Dialect::Postgres, Some(_)) => ident.value.clone(),
        (Dialect::Postgres, None) => ident.value.to_ascii_lowercase(),
        _ => ident.value.to_lowercase(),
    }
}

fn function_name(
    name: &ObjectName,
    dialect: Dialect,
    parens: bool,
) -> Result<FunctionRef, Refusal> {
    let mut parts = Vec::new();
    for p in &name.0 {
        let Some(i) = p.as_ident() else {
            return Err(refuse(format!(
                "the function name `{name}` is not a plain name vigie can read"
            )));
        };
        parts.push(i);
    }
    let quoted = parts.iter().any(|i| i.quote_style.is_some());
    let keyword = parts.len() == 1
        && !quoted
        && (!parens || allow::is_syntax(dialect, &parts[0].value.to_ascii_lowercase()));
    let mut norm: Vec<String> = parts.iter().map(|i| normalise_ident(i, dialect)).collect();
    match norm.len() {
        1 => Ok(FunctionRef {
            schema: None,
            name: norm.remove(0),
            quoted,
            keyword,
        }),
        2 => {
            let name = norm.remove(1);
            Ok(FunctionRef {
                schema: Some(norm.remove(0)),
                name,
                quoted,
                keyword,
            })
        }
        _ => Err(refuse(format!(
            "the function name `{name}` has more than two parts; write `schema.function`"
        ))),
    }
}

/// Collects what a statement calls; refuses what it cannot name.
struct Collect {
    dialect: Dialect,
    refs: References,
}

impl Collect {
    fn new(dialect: Dialect) -> Collect {
        Collect {
            dialect,
            refs: References::default(),
        }
    }

    fn function(&mut self, name: &ObjectName, parens: bool) -> ControlFlow<Refusal> {
        match function_name(name, self.dialect, parens) {
            Ok(f) => {
                self.refs.functions.insert(f);
                ControlFlow::Continue(())
            }
            Err(r) => ControlFlow::Break(r),
        }
    }

    fn binary(&mut self, op: &BinaryOperator) {
        let (schema, symbol) = match op {
            BinaryOperator::PGCustomBinaryOperator(parts) => {
                let n = parts.len();
                let schema = (n >= 2).then(|| parts[..n - 1].join("."));
                (schema, parts.last().cloned().unwrap_or_default())
            }
            BinaryOperator::Custom(s) => (None, s.clone()),
            other => (None, other.to_string()),
        };
        // Keywords (AND, OR, XOR, DIV…) are not catalog operators.
        if !symbol.chars().any(|c| c.is_alphanumeric()) || schema.is_some() {
            self.refs.operators.insert(OperatorRef {
                schema: schema.map(|s| s.to_ascii_lowercase()),
                symbol,
            });
        }
    }

    fn data_type(&mut self, t: &DataType) {
        use sqlparser::ast::ArrayElemTypeDef;
        if let DataType::Array(
            ArrayElemTypeDef::AngleBracket(inner)
            | ArrayElemTypeDef::SquareBracket(inner, _)
            | ArrayElemTypeDef::Parenthesis(inner)
            | ArrayElemTypeDef::Qualified(inner, _),
        ) = t
        {
            return self.data_type(inner);
        }
        if let DataType::Custom(name, _) = t {
            let parts: Vec<String> = name
                .0
                .iter()
                .filter_map(|p| p.as_ident())
                .map(|i| normalise_ident(i, self.dialect))
                .collect();
            self.refs.types.insert(parts.join("."));
        }
    }
}

impl Visitor for Collect {
    type Break = Refusal;

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<Refusal> {
        match factor {
            TableFactor::Table {
                name,
                args: Some(_),
                ..
            } => self.function(name, true),
            TableFactor::Function { name, .. } => self.function(name, true),
            _ => ControlFlow::Continue(()),
        }
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<Refusal> {
        match expr {
            Expr::Function(f) => {
                let parens = !matches!(f.args, FunctionArguments::None);
                return self.function(&f.name, parens);
            }
            Expr::BinaryOp { op, .. } => self.binary(op),
            Expr::AnyOp { compare_op, .. } | Expr::AllOp { compare_op, .. } => {
                self.binary(compare_op)
            }
            Expr::UnaryOp { op, .. } if !matches!(op, UnaryOperator::Not) => {
                self.refs.operators.insert(OperatorRef {
                    schema: None,
                    symbol: op.to_string().trim().to_string(),
                });
            }
            Expr::CompoundIdentifier(parts) if parts.len() >= 2 => {
                if let Some(last) = parts.last() {
                    self.refs
                        .attributes
                        .insert(normalise_ident(last, self.dialect));
                }
            }
            Expr::CompoundFieldAccess { access_chain, .. } => {
                for a in access_chain {
                    if let AccessExpr::Dot(Expr::Identifier(i)) = a {
                        self.refs
                            .attributes
                            .insert(normalise_ident(i, self.dialect));
                    }
                }
            }
            Expr::Cast { data_type, .. } => self.data_type(data_type),
            Expr::TypedString(t) => self.data_type(&t.data_type),
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// What the server reads in the tokens but a parser could misread:
///
/// - PostgreSQL: `U&"…"` identifiers (the escapes are read by the server, not by sqlparser,
///   which would see a column `U`, an `&` and another name) and `UESCAPE`, which changes the
///   escape character of a Unicode literal;
/// - MySQL and MariaDB: see [`check_mysql_tokens`].
///
/// Returns the types of PostgreSQL's typed literals (`type 'text'`), which sqlparser may read
/// as a column and an alias.
fn check_tokens(
    sql: &str,
    dialect: Dialect,
    parser_dialect: &dyn sqlparser::dialect::Dialect,
) -> Result<Vec<String>, Refusal> {
    match dialect {
        Dialect::Mysql => check_mysql_tokens(sql, parser_dialect).map(|()| Vec::new()),
        Dialect::Postgres => check_postgres_tokens(sql, parser_dialect),
        Dialect::Sqlite => Ok(Vec::new()),
    }
}

fn check_postgres_tokens(
    sql: &str,
    dialect: &dyn sqlparser::dialect::Dialect,
) -> Result<Vec<String>, Refusal> {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::Tokenizer;
    let tokens = Tokenizer::new(dialect, sql)
        .tokenize()
        .map_err(|e| refuse(format!("the statement could not be parsed ({e})")))?;
    let code: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect();
    let mut typed = Vec::new();
    for (i, t) in code.iter().enumerate() {
        let literal = matches!(
            t,
            Token::SingleQuotedString(_)
                | Token::EscapedStringLiteral(_)
                | Token::UnicodeStringLiteral(_)
                | Token::DollarQuotedString(_)
        );
        let mut j = i;
        let mut parts = Vec::new();
        while literal && j > 0 {
            match code[j - 1] {
                Token::Word(w) if w.quote_style.is_some() || w.keyword == Keyword::NoKeyword => {
                    parts.push(match w.quote_style {
                        Some(_) => w.value.clone(),
                        None => w.value.to_ascii_lowercase(),
                    });
                }
                _ => break,
            }
            if j >= 2 && code[j - 2] == &Token::Period {
                j -= 2;
            } else {
                break;
            }
        }
        if !parts.is_empty() {
            parts.reverse();
            typed.push(parts.join("."));
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if let Token::Word(w) = token {
            if w.quote_style.is_none() && w.value.eq_ignore_ascii_case("uescape") {
                return Err(refuse(
                    "UESCAPE changes how the server reads a Unicode literal; write the text without it",
                ));
            }
            if w.quote_style.is_none()
                && w.value.eq_ignore_ascii_case("u")
                && tokens.get(i + 1) == Some(&Token::Ampersand)
                && let Some(Token::Word(q)) = tokens.get(i + 2)
                && q.quote_style == Some('"')
            {
                let read = decode_unicode_escapes(&q.value)
                    .map(|s| format!(" (the server reads `{s}`)"))
                    .unwrap_or_default();
                return Err(refuse(format!(
                    "a Unicode-escaped identifier U&\"{}\"{read}: vigie does not read escaped names; write the name plainly",
                    q.value
                )));
            }
        }
    }
    Ok(typed)
}

/// The text of a `U&"…"` identifier with the default escape `\`: `\XXXX`, `\+XXXXXX`, `\\`.
pub fn decode_unicode_escapes(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let digits = match chars.peek() {
            Some('\\') => {
                chars.next();
                out.push('\\');
                continue;
            }
            Some('+') => {
                chars.next();
                6
            }
            _ => 4,
        };
        let hex: String = (0..digits).filter_map(|_| chars.next()).collect();
        if hex.len() != digits {
            return None;
        }
        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
    }
    Some(out)
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
    fn deep_expressions_are_refused_before_parsing() {
        let chain = |n: usize| {
            (0..n)
                .map(|i| format!("id = {i}"))
                .collect::<Vec<_>>()
                .join(" OR ")
        };
        for d in [PG, Dialect::Mysql, Dialect::Sqlite] {
            // The largest chain allowed is read on a test thread's small stack.
            let ok = format!("SELECT id FROM t WHERE {}", chain(MAX_OPERATORS / 2));
            assert!(check_user_query(&ok, d, &[]).is_ok(), "{d:?}");
            let deep = format!("SELECT id FROM t WHERE {}", chain(50_000));
            let err = check_user_query(&deep, d, &[]).unwrap_err().to_string();
            assert!(err.contains("operators") && err.contains("IN (…)"), "{err}");
            let err = check_user_predicate(&chain(50_000), d, &[])
                .unwrap_err()
                .to_string();
            assert!(err.contains("the condition holds 99999 operators"), "{err}");
        }
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

    #[test]
    fn names_are_read_as_the_server_reads_them() {
        assert_eq!(
            decode_unicode_escapes(r"pg\005fsleep").as_deref(),
            Some("pg_sleep")
        );
        assert_eq!(
            decode_unicode_escapes(r"\+000064blink").as_deref(),
            Some("dblink")
        );
        assert_eq!(decode_unicode_escapes(r"a\\b").as_deref(), Some(r"a\b"));
        assert_eq!(decode_unicode_escapes(r"\00"), None);
        let none: &[TrustedName] = &[];
        for ok in [
            "SELECT LOWER(email) FROM t",
            "SELECT pg_catalog.lower(email) FROM t",
            r#"SELECT "pg_catalog"."lower"(email) FROM t"#,
            "SELECT id FROM t WHERE id OPERATOR(pg_catalog.=) 1",
            "SELECT COALESCE(a, b), CURRENT_DATE FROM t",
        ] {
            check_user_query(ok, PG, none).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for (bad, why) in [
            (r#"SELECT "LOWER"(email) FROM t"#, "`LOWER` is not on"),
            (
                "SELECT public.lower(email) FROM t",
                "`public.lower` is not on",
            ),
            ("SELECT PG_SLEEP(1)", "`pg_sleep` is refused"),
            (r#"SELECT "pg_sleep"(1)"#, "`pg_sleep` is refused"),
            (
                r#"SELECT U&"pg\005fsleep"(1)"#,
                "the server reads `pg_sleep`",
            ),
            (r#"SELECT U&'x!0041' UESCAPE '!'"#, "UESCAPE"),
            (
                "SELECT id FROM t WHERE id OPERATOR(public.+) 1",
                "`OPERATOR(public.+)`",
            ),
            ("SELECT a.b.lower(x)", "more than two parts"),
        ] {
            let e = check_user_query(bad, PG, none).unwrap_err();
            assert!(e.reason.contains(why), "{bad}: {e}");
        }
        // MySQL: case does not matter, quoting and qualifying call stored functions.
        let my = Dialect::Mysql;
        check_user_query("SELECT LoWeR(email) FROM t", my, none).unwrap();
        for bad in [
            "SELECT `lower`(email) FROM t",
            "SELECT crm.lower(email) FROM t",
        ] {
            assert!(check_user_query(bad, my, none).is_err(), "{bad}");
        }
        // SQLite: quoting changes nothing.
        check_user_query(r#"SELECT "lower"(email) FROM t"#, Dialect::Sqlite, none).unwrap();
    }

    #[test]
    fn a_trusted_name_is_parsed_like_sql_and_matched_by_schema() {
        let t = TrustedName::parse("Public.Unaccent", PG).unwrap();
        assert_eq!(t.to_string(), "public.unaccent");
        assert_eq!(
            TrustedName::parse(r#""Ext"."F""#, PG).unwrap().to_string(),
            "Ext.F"
        );
        assert!(TrustedName::parse("a.b.c", PG).is_err());
        assert!(TrustedName::parse("f(x)", PG).is_err());
        let trusted = [t];
        assert!(is_trusted(&trusted, Some("public"), "unaccent"));
        assert!(is_trusted(&trusted, None, "unaccent"));
        assert!(!is_trusted(&trusted, Some("other"), "unaccent"));
        check_user_query("SELECT unaccent(nom) FROM t", PG, &trusted).unwrap();
        check_user_query("SELECT public.unaccent(nom) FROM t", PG, &trusted).unwrap();
        assert!(check_user_query("SELECT other.unaccent(nom) FROM t", PG, &trusted).is_err());
    }
}
