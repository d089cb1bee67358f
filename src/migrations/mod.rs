//! Migration files → catalog delta.
//!
//! A migration file is split into statements by a small tokenizer that knows quotes, comments,
//! PostgreSQL dollar-quoted bodies and MySQL `DELIMITER` blocks ([`split`]). Each statement is
//! then parsed on its own with sqlparser ([`delta`]): sqlparser does not parse every valid
//! statement (pg_dump's `CREATE SEQUENCE`, `DO $$…$$`, MySQL `ALTER TABLE … ENGINE=…`), and one
//! statement it rejects must cost only itself. The resulting [`delta::Change`]s are applied on top
//! of a base catalog with [`apply::MigrationState`], which also remembers which tables and
//! columns the migrations introduced or changed, since the gate reports only those.
pub mod apply;
pub mod delta;
pub mod files;
pub mod gate;
pub mod split;

pub use apply::{
    MigrationState, TouchEvent, TouchKind, Touched, find_column, find_table, find_table_mut,
};
pub use delta::{Change, ColumnSpan, Located, ParsedFile, SyntaxError, parse_file};
pub use split::{RawStatement, SqlDialect, split};
