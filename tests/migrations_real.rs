//! Real schemas: schema files and migration histories of public open-source projects (see
//! `testdata/migrations/real/PROVENANCE.md`), every statement of which applies on a real
//! server. Each file is parsed; per dialect, the share of statements left as syntax errors must
//! stay at or under 1 %. The figures are printed
//! (`cargo test --test migrations_real -- --nocapture`); with `VIGIE_REAL_ERRORS=1` each
//! remaining error is listed too (file, line and message, never the statement's text).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use vigie::migrations::{SqlDialect, parse_file};

fn real_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/migrations/real")
}

fn sql_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read corpus dir") {
            let p = entry.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "sql") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[derive(Default)]
struct Tally {
    files: usize,
    statements: usize,
    failed: usize,
    catalog: usize,
}

#[test]
fn real_schemas_parse() {
    let list_errors = std::env::var_os("VIGIE_REAL_ERRORS").is_some();
    let mut report = String::new();
    let mut over = Vec::new();
    for (dialect, name) in [
        (SqlDialect::Mysql, "mysql"),
        (SqlDialect::Postgres, "postgres"),
        (SqlDialect::Sqlite, "sqlite"),
    ] {
        let root = real_dir().join(name);
        let mut total = Tally::default();
        let mut per_project: BTreeMap<String, Tally> = BTreeMap::new();
        for f in sql_files(&root) {
            let sql = std::fs::read_to_string(&f).expect("read real schema");
            let parsed = parse_file(&sql, dialect);
            let rel = f.strip_prefix(&root).expect("under root");
            let project = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            let catalog = parsed
                .errors
                .iter()
                .filter(|e| e.may_change_catalog)
                .count();
            for t in [&mut total, per_project.entry(project).or_default()] {
                t.files += 1;
                t.statements += parsed.statements;
                t.failed += parsed.failed;
                t.catalog += catalog;
            }
            if list_errors {
                for e in &parsed.errors {
                    println!(
                        "{name}/{}:{}:{} (statement {}) [{}] {}",
                        rel.display(),
                        e.line,
                        e.column,
                        e.statement_line,
                        if e.may_change_catalog {
                            "catalog"
                        } else {
                            "harmless"
                        },
                        e.message
                    );
                }
            }
        }
        let share = 100.0 * total.failed as f64 / total.statements.max(1) as f64;
        writeln!(
            report,
            "{name}: {} files, {} statements, {} failed ({share:.2} %), {} errors could hide a catalog change",
            total.files, total.statements, total.failed, total.catalog
        )
        .ok();
        for (project, t) in &per_project {
            writeln!(
                report,
                "  {project}: {} files, {} statements, {} failed",
                t.files, t.statements, t.failed
            )
            .ok();
        }
        assert!(total.files >= 10, "{name}: only {} files", total.files);
        if share > 1.0 {
            over.push(format!("{name}: {share:.2} %"));
        }
    }
    println!("{report}");
    assert!(
        over.is_empty(),
        "unparsed share over 1 %: {over:?}\n{report}"
    );
}
