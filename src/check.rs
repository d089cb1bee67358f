//! Checks are data: what a rule asks the database, and how the answer becomes findings.
//!
//! Rules plan checks (`crate::rules`), the engine executes them (`crate::engine`) on a
//! backend session (`crate::db`). A rule never holds a connection: it describes a count, a
//! catalog query, a column to stream, or a [`Probe`] that asks a few questions through
//! [`Ask`] (counts, rows, a sample, who can reach a table) and turns the answers into
//! findings with no I/O of its own. Each check carries every rule id it may yield, so a
//! waiver on any of them knows whether it was verified.

use crate::catalog::Table;
use crate::dialect::Dialect;
use crate::dialect::remediation::{Action, RowSet};
use crate::finding::{Applicability, Finding};
use std::collections::{BTreeMap, BTreeSet};

/// One unit of work of a scan, with the rule ids its findings may carry.
pub struct Check {
    /// Stable id, shown in the report (`retention-exceeded:prospection:prospects`).
    pub id: String,
    /// Every rule id (built-in or a custom `[[check]]` id) this check may yield.
    pub rules: Vec<String>,
    pub kind: CheckKind,
}

pub enum CheckKind {
    /// One counting query pushed into the database.
    Count(CountCheck),
    /// A user's `[[check]]`: its columns are only known once prepared on the server.
    Custom {
        query: String,
        template: Finding,
        fix: Option<Fix>,
    },
    /// Findings known from the policy and catalog alone.
    Catalog(Vec<Finding>),
    /// A query whose result rows become findings.
    Rows {
        sql: String,
        findings: RowsToFindings,
    },
    /// One free-text column, streamed once.
    FreeText(FreeTextCheck),
    /// A few questions asked in turn; the answers become findings.
    Probe(Box<dyn Probe>),
    /// Could not be planned; the reason is reported and the check is an error.
    Broken(crate::i18n::Message),
    /// Does not apply here; the reason is reported, in the report's language.
    Skipped(crate::i18n::Message),
}

/// A query that counts violating rows and returns their keys.
pub struct CountCheck {
    /// Executed: the as-of instant is a bound parameter.
    pub sql: String,
    /// Shown in the report: the as-of instant is a literal, so it can be replayed.
    pub display_sql: String,
    pub uses_as_of: bool,
    /// The finding to emit when the count is not zero; `{count}` and `{s}` in the message are
    /// replaced.
    pub template: Finding,
    pub fix: Option<Fix>,
}

/// How to build the remediation once the count is known.
pub enum Fix {
    Rows {
        header: Vec<String>,
        rows: RowSet,
        action: Action,
        applicability: Applicability,
    },
    Custom {
        header: Vec<String>,
        sql: String,
    },
}

/// Turns the rows of a [`CheckKind::Rows`] query into findings.
pub type RowsToFindings = Box<dyn Fn(&[Vec<Option<String>>]) -> Vec<Finding> + Send + Sync>;

/// A check that asks more than one question, each depending on the last answer.
pub trait Probe: Send + Sync {
    fn run(&self, db: &mut dyn Ask) -> Result<Vec<Finding>, AskError>;
}

/// Why a question could not be answered; the check ends in error with this text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AskError {
    pub message: String,
    pub hint: Option<String>,
}

impl AskError {
    pub fn new(message: impl Into<String>, hint: Option<&str>) -> AskError {
        AskError {
            message: message.into(),
            hint: hint.map(String::from),
        }
    }
}

impl std::fmt::Display for AskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.hint {
            Some(h) => write!(f, "{} ({h})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The questions a check may ask. The engine answers them with a read-only backend session;
/// every statement still goes through the read-only guard.
pub trait Ask {
    fn dialect(&self) -> Dialect;

    /// Rows of `(count, key)`: the count and the keys in row order.
    fn count_keys(&mut self, sql: &str) -> Result<(u64, Vec<String>), AskError>;

    /// Rows of text values; NULL is `None`.
    fn rows(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, AskError>;

    /// `(key, text)` pairs of a two-column query, streamed once.
    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str))
    -> Result<(), AskError>;

    /// At most `n` rows of every column of `table` as text (0: every row), spread over the
    /// table where the backend can, and how many rows it holds.
    fn sample(&mut self, table: &Table, n: usize) -> Result<Sampled, AskError>;

    /// The tables of `tables` (qualified as the catalog names them) that `who` can reach,
    /// with the grants that give it.
    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, AskError>;
}

/// The rows of a table's sample.
#[derive(Clone, Debug, Default)]
pub struct Sampled {
    /// One vector per row, one value per column in catalog order.
    pub rows: Vec<Vec<Option<String>>>,
    pub count: RowCount,
    /// Columns whose values could not be read as text (a MariaDB `POINT`, a type the server
    /// cannot cast), by catalog index, with why: their values are all `None` in `rows`, and the
    /// table's other columns are read as usual.
    pub skipped: Vec<(usize, String)>,
}

/// How many rows a table holds, and how well that is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "rows_kind", content = "rows", rename_all = "kebab-case")]
pub enum RowCount {
    /// Counted (SQLite), or the whole table fitted in the sample.
    Exact(u64),
    /// The planner's estimate (PostgreSQL `reltuples`).
    Estimate(u64),
    /// The sample was full and no estimate exists: at least this many.
    AtLeast(u64),
}

impl Default for RowCount {
    fn default() -> Self {
        RowCount::Exact(0)
    }
}

impl RowCount {
    pub fn value(self) -> u64 {
        match self {
            RowCount::Exact(n) | RowCount::Estimate(n) | RowCount::AtLeast(n) => n,
        }
    }
}

impl std::fmt::Display for RowCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowCount::Exact(n) => write!(f, "{n}"),
            RowCount::Estimate(n) => write!(f, "~{n}"),
            RowCount::AtLeast(n) => write!(f, "≥{n}"),
        }
    }
}

/// Whose access to personal-data tables is asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grantee<'a> {
    /// Every account (PostgreSQL `PUBLIC`, MariaDB's `PUBLIC` role, MySQL's mandatory roles).
    Public,
    /// A role or account the policy names in an `[[access]]` profile. Tables every account
    /// can reach are left out: the public answer reports them, where the fix is.
    Role(&'a str),
}

/// Per reachable table, the grants that give the access.
pub type Reach = BTreeMap<String, Vec<Grant>>;

/// One grant that reaches a table: who holds it, at which level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The holder as the server writes it in a `REVOKE` (`PUBLIC`, `"role"`, `'u'@'h'`).
    pub holder: String,
    pub level: GrantLevel,
}

/// Where a privilege was granted: what revoking it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GrantLevel {
    /// On the table (or some of its columns): revoked on the table.
    Table,
    /// Through membership of another role (PostgreSQL): revoked where that role holds it.
    Membership,
    /// On every table of a database (a pattern such as `crm` or `crm\_%`).
    Database(String),
    /// On every table of the server.
    Global,
}

/// Why a column is scanned as free text.
#[derive(Clone, Debug)]
pub enum Why {
    Listed,
    Name(String),
    /// Decided from a sample of values.
    Sample,
}

/// One free-text column to stream and match.
#[derive(Clone, Debug)]
pub struct FreeTextCheck {
    pub schema: Option<String>,
    pub table: String,
    /// How reports name the table (`schema.table` outside the default schema).
    pub display: String,
    pub key: Vec<String>,
    pub key_integer: bool,
    pub column: String,
    pub why: Why,
    /// The purpose whose `data` lists this column, for grouping in the report.
    pub purpose: Option<String>,
}
