//! The `vigie` binary: parse arguments, call the library, print, map to an exit code.
//!
//! Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 the scan could
//! not complete (connection, policy error, a check in error).

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use clap::Parser;
use cli::{Cli, Command, DiscoverArgs, MigrationArgs, ScanArgs, SqlDialectArg};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use vigie::db::{Limits, Target};
use vigie::engine::ScanOptions;
use vigie::finding::Severity;
use vigie::report::{self, Format};
use vigie::scan::ScanReport;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => scan(*args),
        Command::CheckMigrations(args) => check_migrations(*args),
        Command::Discover(args) => discover(*args, false),
        Command::Init(args) => discover(*args, true),
        Command::Rules => {
            for r in &vigie::rules::registry().rules {
                println!(
                    "{:<30} {:<9} {:<13} {}",
                    r.id,
                    r.severity.as_str(),
                    r.family,
                    r.title
                );
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match vigie::rules::registry().explain(&rule) {
            Some(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                let ids: Vec<&str> = vigie::rules::registry()
                    .rules
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect();
                let hint = vigie::policy::did_you_mean(&rule, ids.iter().copied())
                    .unwrap_or_else(|| "run `vigie rules` for the list".into());
                eprintln!("error: unknown rule `{rule}`: {hint}");
                ExitCode::from(2)
            }
        },
        Command::Demo {
            format,
            remediation,
            keep,
        } => demo(format, remediation, keep),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn print_diagnostic(d: &dyn miette::Diagnostic) {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        let handler = miette::GraphicalReportHandler::new();
        let mut s = String::new();
        let _ = handler.render_report(&mut s, d);
        eprint!("{s}");
    } else {
        // Logs and CI: no colours, no wrapping of long messages.
        eprint!("{}", vigie::policy::diagnostic::render_plain_width(d, 400));
    }
}

fn scan(args: ScanArgs) -> ExitCode {
    let target = match Target::parse(&args.url) {
        Ok(t) => t,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let fail_on = match args.fail_on.as_str() {
        "never" | "none" => None,
        s => match Severity::parse(s) {
            Some(sev) => Some(sev),
            None => {
                return fail(format!(
                    "--fail-on `{s}`: use critical, high, medium, low, info or never"
                ));
            }
        },
    };
    let as_of = match args.as_of.as_deref().map(vigie::timefmt::parse_as_of) {
        None => jiff::Timestamp::now(),
        Some(Ok(t)) => t,
        Some(Err(e)) => return fail(format!("--as-of: {e}")),
    };
    let limits = match (
        vigie::timefmt::parse_timeout(&args.statement_timeout),
        vigie::timefmt::parse_timeout(&args.lock_timeout),
    ) {
        (Ok(s), Ok(l)) => Limits {
            statement_timeout: s,
            lock_timeout: l,
            ..Limits::default()
        },
        (Err(e), _) => return fail(format!("--statement-timeout: {e}")),
        (_, Err(e)) => return fail(format!("--lock-timeout: {e}")),
    };
    let baseline = match &args.baseline {
        None => None,
        Some(path) => match load_baseline(path) {
            Ok(b) => Some(b),
            Err(e) => return fail(format!("--baseline {}: {e}", path.display())),
        },
    };
    let policy = match vigie::policy::load(&args.policy, target.dialect()) {
        Ok(p) => p,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let defaults = ScanOptions::default();
    let opts = ScanOptions {
        as_of,
        jobs: args.jobs.unwrap_or(defaults.jobs),
        max_keys: args.max_keys,
        limits,
        show_excerpts: args.show_excerpts,
        sample: args.sample,
    };
    let report = match vigie::engine::scan(&policy, &target, &opts) {
        Ok(r) => r,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    emit(
        &report,
        args.format,
        args.output.as_deref(),
        args.remediation.as_deref(),
        args.quiet,
        fail_on,
        baseline.as_ref(),
        args.fail_on_new,
    )
}

/// Identity of a finding across runs, for baselines.
fn finding_identity(
    rule: &str,
    purpose: Option<&str>,
    table: Option<&str>,
    column: Option<&str>,
    category: Option<&str>,
) -> String {
    format!(
        "{rule}|{}|{}|{}|{}",
        purpose.unwrap_or(""),
        table.unwrap_or(""),
        column.unwrap_or(""),
        category.unwrap_or("")
    )
}

fn load_baseline(path: &std::path::Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not a vigie JSON report ({e})"))?;
    let findings = value
        .get("findings")
        .and_then(|f| f.as_array())
        .ok_or("not a vigie JSON report (no `findings`)")?;
    Ok(findings
        .iter()
        .map(|f| {
            let s = |k: &str| f.get(k).and_then(|v| v.as_str());
            finding_identity(
                s("rule").unwrap_or(""),
                s("purpose"),
                s("table"),
                s("column"),
                s("category"),
            )
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
fn emit(
    report: &ScanReport,
    format: Format,
    output: Option<&std::path::Path>,
    remediation: Option<&std::path::Path>,
    quiet: bool,
    fail_on: Option<Severity>,
    baseline: Option<&BTreeSet<String>>,
    fail_on_new: bool,
) -> ExitCode {
    for p in &report.problems {
        print_diagnostic(p);
    }
    let text = match format {
        Format::Json => report::json::render(report),
        Format::Human => {
            let color = output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            report::human::render(report, &report::human::Style { color })
        }
    };
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &text) {
                return fail(format!("cannot write {}: {e}", path.display()));
            }
        }
        None => {
            if !quiet {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes());
            }
        }
    }
    if let Some(path) = remediation
        && let Err(e) = std::fs::write(path, report::remediation_script(report))
    {
        return fail(format!("cannot write {}: {e}", path.display()));
    }
    if report::error_count(report) > 0 {
        return ExitCode::from(2);
    }
    let counts = |f: &&vigie::finding::Finding| {
        let known = baseline.is_some_and(|b| {
            b.contains(&finding_identity(
                &f.rule,
                f.purpose.as_deref(),
                f.table.as_deref(),
                f.column.as_deref(),
                f.category.as_deref(),
            ))
        });
        !(fail_on_new && known)
    };
    match fail_on {
        Some(level)
            if report
                .findings
                .iter()
                .filter(counts)
                .any(|f| f.severity >= level) =>
        {
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

fn demo(
    format: Format,
    remediation: Option<std::path::PathBuf>,
    keep: Option<std::path::PathBuf>,
) -> ExitCode {
    let path = keep.unwrap_or_else(vigie::demo::temp_path);
    if let Err(e) = vigie::demo::build(&path) {
        return fail(e);
    }
    let policy = match vigie::policy::load_str(
        vigie::demo::POLICY_PATH,
        vigie::demo::POLICY,
        vigie::dialect::Dialect::Sqlite,
    ) {
        Ok(p) => p,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let target = Target::Sqlite { path: path.clone() };
    let report = match vigie::engine::scan(&policy, &target, &ScanOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let code = emit(
        &report,
        format,
        None,
        remediation.as_deref(),
        false,
        Some(Severity::Low),
        None,
        false,
    );
    if std::env::args().all(|a| a != "--keep") {
        let _ = std::fs::remove_file(&path);
    }
    code
}

fn collect_sql(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut found = Vec::new();
        let mut stack = vec![path.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir)? {
                let p = entry?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql")) {
                    found.push(p);
                }
            }
        }
        // Migration order: by file name (numeric and timestamp prefixes), then by path.
        found.sort_by(|a, b| {
            let name = |p: &std::path::Path| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            vigie::migrations::gate::natural_cmp(&name(a), &name(b)).then_with(|| a.cmp(b))
        });
        out.extend(found);
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn check_migrations(args: MigrationArgs) -> ExitCode {
    use vigie::migrations::SqlDialect;
    use vigie::migrations::gate::SourceFile;
    use vigie::report::gate::GateFormat;
    let (dialect, sql_dialect) = match args.dialect {
        SqlDialectArg::Postgres => (vigie::dialect::Dialect::Postgres, SqlDialect::Postgres),
        SqlDialectArg::Mysql => (vigie::dialect::Dialect::Mysql, SqlDialect::Mysql),
        SqlDialectArg::Sqlite => (vigie::dialect::Dialect::Sqlite, SqlDialect::Sqlite),
    };
    let fail_on = match args.fail_on.as_str() {
        "never" | "none" => None,
        s => match Severity::parse(s) {
            Some(sev) => Some(sev),
            None => {
                return fail(format!(
                    "--fail-on `{s}`: use critical, high, medium, low, info or never"
                ));
            }
        },
    };
    let policy = match vigie::policy::load(&args.policy, dialect) {
        Ok(p) => p,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let mut paths = Vec::new();
    for p in &args.paths {
        if !p.exists() {
            return fail(format!("{} does not exist", p.display()));
        }
        if let Err(e) = collect_sql(p, &mut paths) {
            return fail(format!("cannot read {}: {e}", p.display()));
        }
    }
    let mut files = Vec::new();
    for p in paths {
        match std::fs::read(&p) {
            Ok(bytes) => files.push(SourceFile {
                path: p.display().to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }),
            Err(e) => return fail(format!("cannot read {}: {e}", p.display())),
        }
    }
    let base = match &args.base {
        None => vigie::catalog::Catalog::default(),
        Some(url) => {
            let target = match Target::parse(url) {
                Ok(t) => t,
                Err(e) => {
                    print_diagnostic(&e);
                    return ExitCode::from(2);
                }
            };
            match vigie::db::open(&target, 1, Limits::default()) {
                Ok((_, mut sessions)) => {
                    let mut s = sessions.remove(0);
                    let c = s.introspect(&policy.schemas);
                    s.close();
                    match c {
                        Ok(c) => c,
                        Err(e) => {
                            print_diagnostic(&e);
                            return ExitCode::from(2);
                        }
                    }
                }
                Err(e) => {
                    print_diagnostic(&e);
                    return ExitCode::from(2);
                }
            }
        }
    };
    let report = vigie::migrations::gate::check(files, &policy, sql_dialect, base);
    let text = match args.format {
        GateFormat::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            vigie::report::gate::human(&report, color, if color { 100 } else { 400 })
        }
        GateFormat::Json => vigie::report::gate::json(&report),
        GateFormat::Sarif => vigie::report::gate::sarif(&report),
        GateFormat::Github => vigie::report::gate::github(&report),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if !report.errors.is_empty() {
        return ExitCode::from(2);
    }
    match fail_on {
        Some(level) if report.findings.iter().any(|f| f.severity >= level) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// `vigie discover` and `vigie init`: the same inventory, printed as a table, JSON, or a draft
/// policy. Exit 2 when a table could not be read.
fn discover(args: DiscoverArgs, init: bool) -> ExitCode {
    let target = match Target::parse(&args.url) {
        Ok(t) => t,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let statement_timeout = match vigie::timefmt::parse_timeout(&args.statement_timeout) {
        Ok(t) => t,
        Err(e) => return fail(format!("--statement-timeout: {e}")),
    };
    let opts = vigie::discover::DiscoverOptions {
        sample: args.sample,
        jobs: args.jobs.max(1),
        limits: Limits {
            statement_timeout,
            ..Limits::default()
        },
        schemas: args.schemas,
    };
    let inventory = match vigie::discover::discover(&target, &opts) {
        Ok(i) => i,
        Err(e) => {
            print_diagnostic(&e);
            return ExitCode::from(2);
        }
    };
    let text = if init {
        vigie::init::draft(&inventory)
    } else {
        match args.format {
            Format::Json => report::discover::json(&inventory),
            Format::Human => report::discover::human(&inventory),
        }
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let errors = inventory.errors();
    if init {
        for (table, why) in &errors {
            eprintln!("warning: {table} could not be read: {why}");
        }
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
