//! Migration parsing speed on about 1 MB of DDL: `cargo bench --bench ddl`.
//! Target: 1 MB checked end to end in under 200 ms.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vigie::migrations::SqlDialect;
use vigie::migrations::gate::{SourceFile, check};

fn corpus(dir: &str) -> String {
    let mut out = String::new();
    let mut stack = vec![std::path::PathBuf::from(format!(
        "{}/testdata/migrations/{dir}",
        env!("CARGO_MANIFEST_DIR")
    ))];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
                out.push('\n');
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let policy = vigie::policy::load(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/testdata/migrations/policy.toml"
        )),
        vigie::dialect::Dialect::Postgres,
    )
    .unwrap();
    let mut group = c.benchmark_group("check-migrations");
    group.sample_size(10);
    for (dir, dialect) in [
        ("postgres", SqlDialect::Postgres),
        ("mysql", SqlDialect::Mysql),
    ] {
        let one = corpus(dir);
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 1_000_000 {
            // Rename tables per copy so the schema grows like a real dump instead of repeating.
            text.push_str(&one.replace("CREATE TABLE ", &format!("CREATE TABLE t{i}_")));
            i += 1;
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{dir}-1MB"), |b| {
            b.iter(|| {
                let files = vec![SourceFile {
                    path: "dump.sql".into(),
                    text: text.clone(),
                }];
                black_box(
                    check(files, &policy, dialect, Default::default())
                        .findings
                        .len(),
                )
            })
        });
    }
    // One CREATE TABLE of 50,000 columns: the gate must stay linear in the columns of a table.
    let mut wide = String::from("CREATE TABLE wide (\n  id integer primary key");
    for i in 0..50_000 {
        wide.push_str(&format!(",\n  c{i} text"));
    }
    wide.push_str("\n);\n");
    group.throughput(Throughput::Bytes(wide.len() as u64));
    group.bench_function("postgres-50000-columns", |b| {
        b.iter(|| {
            let files = vec![SourceFile {
                path: "wide.sql".into(),
                text: wide.clone(),
            }];
            black_box(
                check(files, &policy, SqlDialect::Postgres, Default::default())
                    .findings
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
