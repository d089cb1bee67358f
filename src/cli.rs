//! Command-line arguments, as written by the user; `main` resolves them into settings.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use vigie::report::Format;

#[derive(Parser, Debug)]
#[command(
    name = "vigie",
    version,
    about = "GDPR (RGPD) compliance scanner for existing databases: checks a policy against the live schema and rows, read-only"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan a database against a policy (read-only).
    Scan(Box<ScanArgs>),
    /// Check SQL migration files against the policy (a CI gate on schema changes).
    CheckMigrations(Box<MigrationArgs>),
    /// Inventory of the personal data a database holds, column by column (no policy needed).
    Discover(Box<DiscoverArgs>),
    /// Print a draft policy from what discover finds: `vigie init URL > policy.toml`.
    Init(Box<DiscoverArgs>),
    /// List the built-in rules.
    Rules,
    /// Show the documentation of one rule.
    Explain {
        /// A rule id, such as retention-exceeded.
        rule: String,
    },
    /// Scan a built-in school CRM in SQLite: no server needed.
    Demo {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Write the proposed remediation SQL to this file.
        #[arg(long)]
        remediation: Option<PathBuf>,
        /// Keep the demo database at this path instead of a temporary file.
        #[arg(long)]
        keep: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// postgres://…, mysql://…, sqlite://PATH or a .db/.sqlite file.
    pub url: String,
    /// The policy file (TOML).
    #[arg(long)]
    pub policy: PathBuf,
    /// Reference instant for every date comparison (default: now). 2026-11-23 means midnight UTC.
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Write the proposed remediation SQL (never executed) to this file.
    #[arg(long)]
    pub remediation: Option<PathBuf>,
    /// Parallel database sessions (default: number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Exit 1 when a finding is at or above this severity (critical, high, medium, low, info, never).
    #[arg(long, default_value = "low")]
    pub fail_on: String,
    /// Show masked excerpts of matched free text.
    #[arg(long)]
    pub show_excerpts: bool,
    /// Sample keys per finding; 0 means every key.
    #[arg(long, default_value_t = 10)]
    pub max_keys: usize,
    /// Time limit of each statement (e.g. 30s, 5m).
    #[arg(long, default_value = "5m")]
    pub statement_timeout: String,
    /// Time limit to wait for a lock.
    #[arg(long, default_value = "5s")]
    pub lock_timeout: String,
    /// A previous JSON report: findings already in it are marked as known.
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// With --baseline, only findings that are not in the baseline fail the run.
    #[arg(long)]
    pub fail_on_new: bool,
    /// Language of the report (messages are in English for now).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Print nothing but errors; the exit code tells the result.
    #[arg(long)]
    pub quiet: bool,
    /// Rows sampled per table by the value-based column rules (TABLESAMPLE/LIMIT); 0 reads every row.
    #[arg(long, default_value_t = vigie::discover::DEFAULT_SAMPLE)]
    pub sample: usize,
}

#[derive(clap::Args, Debug)]
pub struct MigrationArgs {
    /// Migration files or directories (directories are read recursively, in migration order).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The policy file (TOML).
    #[arg(long)]
    pub policy: PathBuf,
    #[arg(long, value_enum)]
    pub dialect: crate::cli::SqlDialectArg,
    /// A live database whose schema the migrations apply to (read-only introspection).
    #[arg(long)]
    pub base: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: vigie::report::gate::GateFormat,
    /// Exit 1 when a finding is at or above this severity (critical, high, medium, low, info, never).
    #[arg(long, default_value = "low")]
    pub fail_on: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SqlDialectArg {
    Postgres,
    Mysql,
    Sqlite,
}

#[derive(clap::Args, Debug)]
pub struct DiscoverArgs {
    /// postgres://…, sqlite://PATH or a .db/.sqlite file.
    pub url: String,
    /// Rows sampled per table, pushed into the database (TABLESAMPLE/LIMIT); 0 reads every row.
    #[arg(long, default_value_t = vigie::discover::DEFAULT_SAMPLE)]
    pub sample: usize,
    /// Output format (discover only; init always prints TOML).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Schemas to read (repeatable; default: every non-system schema).
    #[arg(long = "schema")]
    pub schemas: Vec<String>,
    /// Parallel database sessions.
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
    /// Time limit of each statement (e.g. 30s, 5m).
    #[arg(long, default_value = "5m")]
    pub statement_timeout: String,
}
