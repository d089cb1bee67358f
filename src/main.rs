//! The `vigie` binary: parse arguments, call the library, print, map to an exit code.
//!
//! Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 the scan could
//! not complete (connection, policy error, a check in error) or the command line is wrong.
//!
//! Shaped like ripgrep's binary: clap turns the command line into typed settings before any
//! work, each command is a short function over the library, and every error goes up with `?`
//! to [`main`], which prints it once.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;
mod progress;
mod settings;

use clap::{CommandFactory, FromArgMatches};
use cli::{
    AttestArgs, Cli, Command, DemoArgs, DiscoverArgs, Emit, InitArgs, MigrationArgs, RegisterArgs,
    ScanArgs,
};
use miette::{Diagnostic, Report, Result};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use vigie::db::Target;
use vigie::engine::ScanOptions;
use vigie::migrations::{files, gate};
use vigie::report::{self, Format, discover::DiscoverFormat, gate::GateFormat};
use vigie::scan::ScanReport;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    run(cli, &matches).unwrap_or_else(|error| {
        match error.downcast_ref::<Plain>() {
            Some(Plain(message)) => eprintln!("error: {}", report::escape(message)),
            None => print_diagnostic(error.as_ref()),
        }
        ExitCode::from(2)
    })
}

/// `matches` tell which settings the command line gave; the others come from `VIGIE_*`
/// variables and `vigie.toml` ([`settings`]).
fn run(cli: Cli, matches: &clap::ArgMatches) -> Result<ExitCode> {
    let sub = |name: &str| {
        matches
            .subcommand_matches(name)
            .expect("the parsed command")
    };
    match cli.command {
        Command::Scan(mut args) => {
            let (url, policy) = settings::scan(&mut args, sub("scan"))?;
            scan(*args, &url, &policy)
        }
        Command::CheckMigrations(mut args) => {
            let policy = settings::check_migrations(&mut args, sub("check-migrations"))?;
            check_migrations(*args, &policy)
        }
        Command::Register(mut args) => {
            let policy = settings::register(&mut args, sub("register"))?;
            register(*args, &policy)
        }
        Command::Attest(args) => attest(args),
        Command::Discover(args) => discover(*args, None),
        Command::Init(args) => init(*args),
        Command::Rules(args) => {
            print(&commands::rules::render(args.format));
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule, lang } => explain(&rule, lang),
        Command::Demo(args) => demo(args),
        Command::Completions { shell } => {
            let _ = std::io::stdout()
                .lock()
                .write_all(&commands::shell::completions(shell));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir } => man(dir.as_deref()),
    }
}

/// An error printed on one line, `error: …`, as vigie always has for a file it cannot read or
/// write and an unknown rule: there is no source to point into.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{0}")]
struct Plain(String);

fn plain(message: impl std::fmt::Display) -> Report {
    Plain(message.to_string()).into()
}

fn print_diagnostic(d: &dyn Diagnostic) {
    // A URL, a path or a server's message may hold control or bidirectional characters.
    let escaped = vigie::policy::diagnostic::Escaped(d);
    let d: &dyn Diagnostic = &escaped;
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        eprint!("{}", vigie::policy::diagnostic::render_graphical(d));
    } else {
        // Logs and CI: no colours, no wrapping of long messages.
        eprint!("{}", vigie::policy::diagnostic::render_plain_width(d, 400));
    }
}

fn colored_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// 2 when the work could not complete, 1 when a finding fails the run, 0 otherwise.
fn exit_code(incomplete: bool, fails: bool) -> ExitCode {
    ExitCode::from(if incomplete { 2 } else { u8::from(fails) })
}

fn scan(args: ScanArgs, url: &str, policy: &Path) -> Result<ExitCode> {
    let target = Target::parse(url)?;
    let settings = args.emit().map_err(plain)?;
    let policy = vigie::policy::load(policy, target.dialect())?;
    let mut options = args.scan_options();
    // The live line goes to stderr, and only on a terminal: never into the report.
    let bar = progress::Bar::on_terminal(args.quiet);
    options.progress = bar
        .clone()
        .map(|b| b as std::sync::Arc<dyn vigie::engine::Progress>);
    let report = vigie::engine::scan(&policy, &target, &options);
    if let Some(bar) = &bar {
        bar.clear();
    }
    let report = report?;
    emit(
        &report,
        &settings,
        settings.lang(&policy.organisation.country),
    )
}

fn emit(report: &ScanReport, settings: &Emit, lang: vigie::i18n::Lang) -> Result<ExitCode> {
    for p in &report.problems {
        print_diagnostic(p);
    }
    let color = settings.output.is_none() && colored_stdout();
    let excused = |f: &vigie::finding::Finding| {
        settings
            .excused
            .as_ref()
            .is_some_and(|baseline| baseline.contains(f))
    };
    let options = report::RenderOptions {
        color,
        lang,
        fail_on: settings.fail_on.threshold(),
        excused: &excused,
    };
    let text = report::render_with(report, settings.format, &options);
    match &settings.output {
        Some(path) => write_file(path, &text)?,
        None if !settings.quiet => print(&text),
        None => {}
    }
    if let Some(path) = &settings.remediation {
        write_file(path, &report::remediation_script(report))?;
    }
    // A check that could not run is said on stderr too when the report goes elsewhere (a file,
    // JSON for a pipeline, --quiet): one line each, never a silent terminal.
    if settings.output.is_some() || settings.quiet || settings.format != Format::Human {
        for c in report
            .checks
            .iter()
            .filter(|c| c.status == vigie::finding::CheckStatus::Error)
        {
            let reason = c.reason_in(lang).unwrap_or_default();
            let line = vigie::i18n::tr(
                lang,
                "machine.not-run",
                &[
                    ("check", &report::escape(&c.id)),
                    ("reason", &report::escape(&reason)),
                ],
            );
            eprintln!("vigie: {line}");
        }
    }
    let fails = report.findings.iter().any(|f| settings.fails(f));
    Ok(exit_code(report::error_count(report) > 0, fails))
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| plain(format!("cannot write {}: {e}", path.display())))
}

/// `vigie demo`: the database is a temporary file, removed afterwards unless `--keep` names it.
fn demo(args: DemoArgs) -> Result<ExitCode> {
    let path = args.keep.clone().unwrap_or_else(vigie::demo::temp_path);
    let result = demo_scan(&path, &args.emit());
    if args.keep.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    result
}

fn demo_scan(path: &Path, settings: &Emit) -> Result<ExitCode> {
    use vigie::demo::{POLICY, POLICY_PATH};
    vigie::demo::build(path).map_err(plain)?;
    let policy = vigie::policy::load_str(POLICY_PATH, POLICY, vigie::dialect::Dialect::Sqlite)?;
    let target = Target::Sqlite { path: path.into() };
    let report = vigie::engine::scan(&policy, &target, &ScanOptions::default())?;
    emit(
        &report,
        settings,
        settings.lang(&policy.organisation.country),
    )
}

/// `vigie register`: the record from the policy, and from the database with `--url`. Exit 2
/// when a check of the database reading could not run.
fn register(args: RegisterArgs, policy: &Path) -> Result<ExitCode> {
    let (dialect, target) = match &args.url {
        Some(url) => {
            let target = Target::parse(url)?;
            (target.dialect(), Some(target))
        }
        // Without a database, the policy's SQL is checked as PostgreSQL writes it.
        None => (vigie::dialect::Dialect::Postgres, None),
    };
    let policy = vigie::policy::load(policy, dialect)?;
    let seen = match &target {
        Some(t) => Some(vigie::register::observe::read(
            &policy,
            t,
            &args.scan_options(),
        )?),
        None => None,
    };
    if let Some(s) = &seen {
        for p in &s.report.problems {
            print_diagnostic(p);
        }
    }
    let register = vigie::register::build_with(&policy, seen.as_ref());
    let lang = args
        .lang
        .unwrap_or_else(|| vigie::i18n::Lang::for_country(&policy.organisation.country));
    let text = report::register::render(&register, args.format, lang);
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => print(&text),
    }
    let incomplete = register
        .database
        .as_ref()
        .is_some_and(|d| d.checks_in_error > 0);
    Ok(exit_code(incomplete, false))
}

/// `vigie attest`: exit 0 when every finding is gone and the after-scan was complete, 1 when
/// rows remain, 2 when the reports cannot be compared.
fn attest(args: AttestArgs) -> Result<ExitCode> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| plain(format!("cannot read {}: {e}", path.display())))
    };
    let (before, after) = (read(&args.before)?, read(&args.after)?);
    let attested = vigie::attest::attest(&before, &after).map_err(|refusal| {
        // French first, then English: both on their own line.
        let [fr, en] = refusal.messages();
        eprintln!("error: {}", report::escape(&fr));
        plain(en)
    })?;
    let lang = args.lang.unwrap_or_else(|| {
        serde_json::from_slice::<serde_json::Value>(&before)
            .ok()
            .and_then(|v| v.get("lang").and_then(|l| l.as_str()).map(str::to_string))
            .map_or(vigie::i18n::Lang::En, |l| {
                if l == "fr" {
                    vigie::i18n::Lang::Fr
                } else {
                    vigie::i18n::Lang::En
                }
            })
    });
    let text = report::attest::render(&attested, args.format, lang);
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => print(&text),
    }
    let c = &attested.certificate;
    Ok(exit_code(!c.complete, c.remaining > 0))
}

fn check_migrations(args: MigrationArgs, policy: &Path) -> Result<ExitCode> {
    let (dialect, sql_dialect) = args.dialect.dialects();
    let policy = vigie::policy::load(policy, dialect)?;
    let files = files::load(&args.paths).map_err(plain)?;
    let base = match &args.base {
        None => vigie::catalog::Catalog::default(),
        Some(url) => files::introspect_base(&Target::parse(url)?, &policy.schemas)?,
    };
    let report = gate::check(files, &policy, sql_dialect, base);
    let lang = args
        .lang
        .unwrap_or_else(|| vigie::i18n::Lang::for_country(&policy.organisation.country));
    print(&match args.format {
        GateFormat::Human => {
            let color = colored_stdout();
            report::gate::human_in(&report, color, if color { 100 } else { 400 }, lang)
        }
        GateFormat::Json => report::gate::json_in(&report, lang),
        GateFormat::Sarif => report::gate::sarif_in(&report, lang),
        GateFormat::Github => report::gate::github_in(&report, lang),
        GateFormat::Gitlab => report::gitlab::gate_in(&report, lang),
        GateFormat::Junit => report::gate::junit_in(&report, args.fail_on.threshold(), lang),
    });
    let fails = report
        .findings
        .iter()
        .any(|f| args.fail_on.fails(f.severity));
    Ok(exit_code(!report.errors.is_empty(), fails))
}

/// `vigie man`: the page of vigie on standard output, or every page into `--dir`.
fn man(dir: Option<&Path>) -> Result<ExitCode> {
    let done = match dir {
        Some(dir) => commands::shell::write_man_pages(dir).map_err(|e| {
            plain(format!(
                "cannot write the man pages into {}: {e}",
                dir.display()
            ))
        }),
        None => commands::shell::man_page()
            .map(|page| {
                let _ = std::io::stdout().lock().write_all(&page);
            })
            .map_err(plain),
    };
    done.map(|()| ExitCode::SUCCESS)
}

/// `vigie init`: refuse an existing `--output` before reading the database.
fn init(args: InitArgs) -> Result<ExitCode> {
    if let Some(path) = &args.output {
        commands::init::refuse_existing(path)?;
    }
    discover(args.discover, Some(args.output))
}

/// `vigie discover` and `vigie init`: the same inventory, printed as a table, JSON, or a draft
/// policy (`init` is `Some(output file)`). Exit 2 when a table could not be read.
fn discover(args: DiscoverArgs, init: Option<Option<std::path::PathBuf>>) -> Result<ExitCode> {
    let target = Target::parse(&args.url)?;
    let inventory = vigie::discover::discover(&target, &args.discover_options())?;
    if inventory.tables.is_empty() {
        // A wrong URL or schema must not read as "no personal data".
        return Err(plain(args.no_table(&inventory.target.url)));
    }
    match (&init, args.format) {
        (Some(Some(path)), _) => commands::init::write_new(path, &vigie::init::draft(&inventory))?,
        (Some(None), _) => print(&vigie::init::draft(&inventory)),
        (None, DiscoverFormat::Json) => print(&report::discover::json(&inventory)),
        (None, DiscoverFormat::Human) => print(&report::discover::human(&inventory)),
    }
    let errors = inventory.errors();
    if init.is_some() {
        for (table, why) in &errors {
            let (table, why) = (report::escape(table), report::escape(why));
            eprintln!("warning: {table} could not be read: {why}");
        }
    }
    Ok(exit_code(!errors.is_empty(), false))
}

fn explain(rule: &str, lang: vigie::i18n::Lang) -> Result<ExitCode> {
    let registry = vigie::rules::registry();
    let text = registry.explain_in(rule, lang).ok_or_else(|| {
        let ids = registry.rules.iter().map(|r| r.id.as_str());
        let hint = vigie::policy::did_you_mean(rule, ids)
            .unwrap_or_else(|| "run `vigie rules` for the list".into());
        plain(format!("unknown rule `{rule}`: {hint}"))
    })?;
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
