//! The engine answers a probe's questions with a backend session.

use super::describe;
use crate::catalog::Table;
use crate::check::{Ask, AskError, Grantee, Reach, Sampled};
use crate::db::{DbError, Session};
use crate::dialect::Dialect;
use std::collections::BTreeSet;

/// A session seen through the questions checks may ask.
pub struct SessionAsk<'a> {
    session: &'a mut dyn Session,
}

impl<'a> SessionAsk<'a> {
    pub fn new(session: &'a mut dyn Session) -> SessionAsk<'a> {
        SessionAsk { session }
    }
}

fn answer(e: DbError) -> AskError {
    match e {
        DbError::Query { message, hint } => AskError { message, hint },
        other => AskError::new(describe(&other), None),
    }
}

impl Ask for SessionAsk<'_> {
    fn dialect(&self) -> Dialect {
        self.session.dialect()
    }

    fn count_keys(&mut self, sql: &str) -> Result<(u64, Vec<String>), AskError> {
        self.session.count_keys(sql, None).map_err(answer)
    }

    fn rows(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, AskError> {
        self.session.rows(sql, None).map_err(answer)
    }

    fn stream_pairs(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(&str, &str),
    ) -> Result<(), AskError> {
        self.session.stream_pairs(sql, each).map_err(answer)
    }

    fn sample(&mut self, table: &Table, n: usize) -> Result<Sampled, AskError> {
        self.session.sample(table, n).map_err(answer)
    }

    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, AskError> {
        self.session.reach(who, tables).map_err(answer)
    }
}
