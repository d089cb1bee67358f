//! Command-line arguments, parsed and checked by clap before any work, and the settings they
//! resolve into (ripgrep's low and high arguments).
//!
//! Every value that has a type has it here (`--fail-on` an enum, `--as-of` an instant, time
//! limits durations), so a mistyped flag is a usage error naming the flag, and the commands in
//! `main` receive settings that cannot be wrong.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;
use vigie::baseline::Baseline;
use vigie::db::Limits;
use vigie::db::throttle::Throttle;
use vigie::engine::ScanOptions;
use vigie::finding::Severity;
use vigie::report::Format;
use vigie::timefmt::{parse_as_of, parse_timeout};

/// The end of `vigie --help` and of the man page: configuration and exit codes.
const AFTER_HELP: &str = "\
Configuration: a vigie.toml in the current folder or a parent gives defaults (policy, url_env \
naming the variable that holds the database URL, format, fail_on, lang, jobs); VIGIE_URL, \
VIGIE_POLICY, VIGIE_FORMAT, VIGIE_FAIL_ON, VIGIE_LANG and VIGIE_JOBS override it; flags \
override both. A password written in vigie.toml is refused.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the work could not \
complete (connection, policy error, a check in error) or the command line is wrong.";

#[derive(Parser, Debug)]
#[command(
    name = "vigie",
    version,
    long_version = vigie::rules::pack::long_version(),
    about = "GDPR (RGPD) compliance scanner for existing databases: checks a policy against the live schema and rows, read-only",
    after_long_help = AFTER_HELP
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
    Init(Box<InitArgs>),
    /// The record of processing activities (RGPD art. 30) with each purpose's DPIA screening,
    /// from the policy, and from the database with --url (read-only).
    Register(Box<RegisterArgs>),
    /// A deletion certificate from two JSON scan reports, before and after remediation.
    Attest(AttestArgs),
    /// List the built-in rules.
    Rules(RulesArgs),
    /// Show the documentation of one rule.
    Explain {
        /// A rule id, such as retention-exceeded.
        rule: String,
        /// Language of the text.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Scan a built-in school CRM in SQLite: no server needed.
    Demo(DemoArgs),
    /// Print the completion script of a shell: `vigie completions bash > ~/.local/share/bash-completion/completions/vigie`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(hide = true)]
    Man {
        /// Write vigie.1 and vigie-<command>.1 into this folder instead of printing vigie.1.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct RegisterArgs {
    /// The policy file (TOML). Default: $VIGIE_POLICY, or `policy` in vigie.toml.
    #[arg(long)]
    pub policy: Option<PathBuf>,
    /// A database to read (read-only): each record then states its tables' rows, the retention
    /// measured, and the personal columns no purpose declares.
    #[arg(long)]
    pub url: Option<String>,
    /// Reference instant of the database reading (default: now). 2026-11-23 means midnight UTC.
    #[arg(long, value_parser = parse_as_of, requires = "url")]
    pub as_of: Option<jiff::Timestamp>,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: vigie::report::register::DocFormat,
    /// Write the record to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Language of the record (default: fr when the policy's organisation.country is FR, en
    /// otherwise).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Parallel database sessions (default: number of cores).
    #[arg(long, value_parser = at_least_one())]
    pub jobs: Option<usize>,
    /// Time limit of each statement (e.g. 30s, 5m).
    #[arg(long, default_value = "5m", value_parser = parse_timeout)]
    pub statement_timeout: Duration,
}

impl RegisterArgs {
    /// The scan's settings for `--url`; `--as-of` defaults to now.
    pub fn scan_options(&self) -> ScanOptions {
        let defaults = ScanOptions::default();
        ScanOptions {
            as_of: self.as_of.unwrap_or(defaults.as_of),
            jobs: self.jobs.unwrap_or(defaults.jobs),
            limits: Limits {
                statement_timeout: self.statement_timeout,
                ..Limits::default()
            },
            ..defaults
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct AttestArgs {
    /// The JSON report of the scan made before remediation (`vigie scan --format json`).
    #[arg(long)]
    pub before: PathBuf,
    /// The JSON report of the scan made after remediation, with the same policy and database.
    #[arg(long)]
    pub after: PathBuf,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: vigie::report::register::DocFormat,
    /// Write the certificate to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Language of the certificate (default: the before-report's).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    /// `human`: one line per rule; `json`: the rule pack's version and every rule's id, family,
    /// severity, title and references, for tools.
    #[arg(long, value_enum, default_value = "human")]
    pub format: RulesFormat,
}

/// The formats of `vigie rules`: its own list, so report formats added to scan do not appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    #[command(flatten)]
    pub discover: DiscoverArgs,
    /// Write the draft to this file, which must not exist yet (vigie never overwrites it).
    #[arg(long)]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the proposed remediation SQL to this file.
    #[arg(long)]
    pub remediation: Option<PathBuf>,
    /// Keep the demo database at this path instead of a temporary file.
    #[arg(long)]
    pub keep: Option<PathBuf>,
    /// Language of the report (default: French, the demo school's country).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// postgres://…, mysql://…, sqlite://PATH or a .db/.sqlite file. Default: $VIGIE_URL, or
    /// the variable `url_env` names in vigie.toml.
    pub url: Option<String>,
    /// The policy file (TOML). Default: $VIGIE_POLICY, or `policy` in vigie.toml.
    #[arg(long)]
    pub policy: Option<PathBuf>,
    /// Reference instant for every date comparison (default: now). 2026-11-23 means midnight UTC.
    #[arg(long, value_parser = parse_as_of)]
    pub as_of: Option<jiff::Timestamp>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Write the proposed remediation SQL (never executed) to this file.
    #[arg(long)]
    pub remediation: Option<PathBuf>,
    /// Parallel database sessions (default: number of cores).
    #[arg(long, value_parser = at_least_one())]
    pub jobs: Option<usize>,
    /// Exit 1 when a finding is at or above this severity; `never` always exits 0 on a complete run.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
    /// Show masked excerpts of matched free text.
    #[arg(long)]
    pub show_excerpts: bool,
    /// Sample keys per finding; 0 means every key.
    #[arg(long, default_value_t = 10)]
    pub max_keys: usize,
    /// Time limit of each statement (e.g. 30s, 5m).
    #[arg(long, default_value = "5m", value_parser = parse_timeout)]
    pub statement_timeout: Duration,
    /// Time limit to wait for a lock.
    #[arg(long, default_value = "5s", value_parser = parse_timeout)]
    pub lock_timeout: Duration,
    /// Gentle mode for a busy server: each session is busy at most PERCENT % of the time,
    /// pausing between statements and between batches of rows (use with --jobs 1).
    #[arg(long, value_name = "PERCENT", value_parser = parse_throttle)]
    pub throttle: Option<Throttle>,
    /// A previous JSON report: findings already in it are marked as known.
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// With --baseline, only findings that are not in the baseline fail the run.
    #[arg(long, requires = "baseline")]
    pub fail_on_new: bool,
    /// Language of the report (default: fr when the policy's organisation.country is FR, en
    /// otherwise).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
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
    /// The policy file (TOML). Default: $VIGIE_POLICY, or `policy` in vigie.toml.
    #[arg(long)]
    pub policy: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub dialect: crate::cli::SqlDialectArg,
    /// A live database whose schema the migrations apply to (read-only introspection).
    #[arg(long)]
    pub base: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: vigie::report::gate::GateFormat,
    /// Language of the messages and help (default: fr when the policy's organisation.country
    /// is FR, en otherwise).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Exit 1 when a finding is at or above this severity; `never` always exits 0 on a complete run.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SqlDialectArg {
    Postgres,
    Mysql,
    Sqlite,
}

impl SqlDialectArg {
    /// The dialect the policy's queries are written for, and the one the files are split in.
    pub fn dialects(self) -> (vigie::dialect::Dialect, vigie::migrations::SqlDialect) {
        use vigie::dialect::Dialect;
        use vigie::migrations::SqlDialect;
        match self {
            SqlDialectArg::Postgres => (Dialect::Postgres, SqlDialect::Postgres),
            SqlDialectArg::Mysql => (Dialect::Mysql, SqlDialect::Mysql),
            SqlDialectArg::Sqlite => (Dialect::Sqlite, SqlDialect::Sqlite),
        }
    }
}

/// A count of parallel sessions: 0 would do no work, so it is a usage error.
/// `--throttle`: a percentage from 1 to 100, with or without its `%`.
fn parse_throttle(s: &str) -> Result<Throttle, String> {
    let n = s.trim().trim_end_matches('%').trim();
    n.parse::<u8>()
        .ok()
        .and_then(Throttle::new)
        .ok_or_else(|| format!("`{s}` is not a percentage from 1 to 100 (e.g. 25)"))
}

fn at_least_one() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(1..)
}

pub use vigie::i18n::Lang;

/// The lowest severity that makes the run exit 1, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    Medium,
    Low,
    Info,
    // `none` was accepted before `never` and still is.
    #[value(alias = "none")]
    Never,
}

impl FailOn {
    /// Whether a finding of this severity fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        self.threshold().is_some_and(|level| severity >= level)
    }

    /// The lowest severity that fails the run; `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Critical => Some(Severity::Critical),
            FailOn::High => Some(Severity::High),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::Low => Some(Severity::Low),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// What becomes of a scan report: where it is written, and which findings fail the run.
pub struct Emit {
    pub format: Format,
    /// The report's file; standard output when `None`.
    pub output: Option<PathBuf>,
    pub remediation: Option<PathBuf>,
    pub quiet: bool,
    pub fail_on: FailOn,
    /// Known findings that do not fail the run (`--baseline` with `--fail-on-new`).
    pub excused: Option<Baseline>,
    /// The language chosen on the command line; `None`: from the policy's country.
    pub lang: Option<Lang>,
}

impl Emit {
    /// The report's language: the flag, else French for an organisation in France.
    pub fn lang(&self, country: &str) -> Lang {
        self.lang.unwrap_or_else(|| Lang::for_country(country))
    }

    /// Whether this finding makes the run exit 1.
    pub fn fails(&self, finding: &vigie::finding::Finding) -> bool {
        self.fail_on.fails(finding.severity)
            && !self.excused.as_ref().is_some_and(|b| b.contains(finding))
    }
}

impl ScanArgs {
    /// The report's settings, reading the `--baseline` report; the error names the flag.
    pub fn emit(&self) -> Result<Emit, String> {
        let baseline = match &self.baseline {
            None => None,
            Some(path) => Some(
                Baseline::load(path).map_err(|e| format!("--baseline {}: {e}", path.display()))?,
            ),
        };
        Ok(Emit {
            format: self.format,
            output: self.output.clone(),
            remediation: self.remediation.clone(),
            quiet: self.quiet,
            fail_on: self.fail_on,
            excused: baseline.filter(|_| self.fail_on_new),
            lang: self.lang,
        })
    }

    /// The engine's settings; `--as-of` defaults to now.
    pub fn scan_options(&self) -> ScanOptions {
        let defaults = ScanOptions::default();
        ScanOptions {
            as_of: self.as_of.unwrap_or(defaults.as_of),
            jobs: self.jobs.unwrap_or(defaults.jobs),
            max_keys: self.max_keys,
            limits: Limits {
                statement_timeout: self.statement_timeout,
                lock_timeout: self.lock_timeout,
                throttle: self.throttle,
                ..Limits::default()
            },
            show_excerpts: self.show_excerpts,
            sample: self.sample,
            progress: None,
        }
    }
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
    pub format: vigie::report::discover::DiscoverFormat,
    /// Schemas to read (repeatable; default: every non-system schema).
    #[arg(long = "schema")]
    pub schemas: Vec<String>,
    /// Parallel database sessions.
    #[arg(long, default_value_t = 2, value_parser = at_least_one())]
    pub jobs: usize,
    /// Time limit of each statement (e.g. 30s, 5m).
    #[arg(long, default_value = "5m", value_parser = parse_timeout)]
    pub statement_timeout: Duration,
    /// Gentle mode: each session is busy at most PERCENT % of the time.
    #[arg(long, value_name = "PERCENT", value_parser = parse_throttle)]
    pub throttle: Option<Throttle>,
}

impl DiscoverArgs {
    /// Why a database without any table is an error, naming where vigie looked.
    pub fn no_table(&self, url: &str) -> String {
        let within = match self.schemas.as_slice() {
            [] => String::new(),
            schemas => format!(" (schema {})", schemas.join(", ")),
        };
        format!("no table in {url}{within}: check the URL and --schema")
    }

    /// The inventory's settings.
    pub fn discover_options(&self) -> vigie::discover::DiscoverOptions {
        vigie::discover::DiscoverOptions {
            sample: self.sample,
            jobs: self.jobs,
            limits: Limits {
                statement_timeout: self.statement_timeout,
                throttle: self.throttle,
                ..Limits::default()
            },
            schemas: self.schemas.clone(),
        }
    }
}

impl DemoArgs {
    /// The demo prints its report and fails from `low` up, as a first scan would.
    pub fn emit(&self) -> Emit {
        Emit {
            format: self.format,
            output: None,
            remediation: self.remediation.clone(),
            quiet: false,
            fail_on: FailOn::Low,
            excused: None,
            lang: self.lang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn fail_on_is_a_threshold_and_never_is_none() {
        use Severity::*;
        assert!(FailOn::Low.fails(Low) && FailOn::Low.fails(Critical));
        assert!(!FailOn::Low.fails(Info));
        assert!(FailOn::Info.fails(Info));
        assert!(!FailOn::Critical.fails(High));
        assert!(Severity::ALL.iter().all(|s| !FailOn::Never.fails(*s)));
        let parse = |level: &str| {
            let argv = ["vigie", "check-migrations", "m.sql", "--policy", "p.toml"];
            let flags = ["--dialect", "postgres", "--fail-on", level];
            match Cli::try_parse_from(argv.into_iter().chain(flags)).map(|c| c.command) {
                Ok(Command::CheckMigrations(args)) => Some(args.fail_on),
                _ => None,
            }
        };
        assert_eq!(parse("none"), Some(FailOn::Never));
        assert_eq!(parse("never"), Some(FailOn::Never));
        assert_eq!(parse("medium"), Some(FailOn::Medium));
        assert_eq!(parse("Medium"), None);
    }

    #[test]
    fn demo_keep_is_read_in_both_spellings() {
        for argv in [
            &["vigie", "demo", "--keep=/tmp/k.db"][..],
            &["vigie", "demo", "--keep", "/tmp/k.db"][..],
        ] {
            match Cli::try_parse_from(argv).unwrap().command {
                Command::Demo(args) => {
                    assert_eq!(
                        args.keep.as_deref(),
                        Some(std::path::Path::new("/tmp/k.db"))
                    )
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn time_values_are_typed_with_their_defaults() {
        let cli = Cli::try_parse_from(["vigie", "scan", "x.db", "--policy", "p.toml"]).unwrap();
        let Command::Scan(args) = cli.command else {
            panic!("not scan")
        };
        assert_eq!(args.statement_timeout, Duration::from_secs(300));
        assert_eq!(args.lock_timeout, Duration::from_secs(5));
        assert_eq!(args.as_of, None);
        assert_eq!(args.fail_on, FailOn::Low);
        let cli = Cli::try_parse_from([
            "vigie",
            "scan",
            "x.db",
            "--policy",
            "p.toml",
            "--as-of",
            "2026-11-23",
        ])
        .unwrap();
        let Command::Scan(args) = cli.command else {
            panic!("not scan")
        };
        assert_eq!(args.as_of.unwrap().to_string(), "2026-11-23T00:00:00Z");
        assert_eq!(
            args.scan_options().as_of.to_string(),
            "2026-11-23T00:00:00Z"
        );
    }
}
