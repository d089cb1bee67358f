//! Matcher throughput on in-memory CRM notes (one core): `cargo bench --bench matcher`.
//! Target: at least 100 MB/s per core. `VIGIE_BENCH_NOTES=notes.txt` adds a case of the
//! first 50,000 lines of your own notes, one per line (for instance the benchmark's table:
//! `psql -c "\copy (SELECT commentaire FROM notes) TO 'notes.txt'"`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vigie::text::Matcher;

fn notes() -> Vec<String> {
    let mut lines = Vec::new();
    for file in [
        "tune-fr.tsv",
        "tune-en.tsv",
        "holdout-fr.tsv",
        "holdout-en.tsv",
    ] {
        let text = std::fs::read_to_string(format!(
            "{}/testdata/comments/{file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        lines.extend(
            text.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(_, t)| t.to_string()),
        );
    }
    lines
}

fn bench(c: &mut Criterion) {
    let m = Matcher::new(&["fr", "en"], &[], &[]).unwrap();
    let all = notes();
    let mut group = c.benchmark_group("matcher");
    let mut cases = vec![
        ("corpus", all.clone()),
        (
            "clean",
            all.iter()
                .filter(|l| m.find(l).is_empty())
                .cloned()
                .collect::<Vec<_>>(),
        ),
    ];
    if let Some(path) = std::env::var_os("VIGIE_BENCH_NOTES") {
        let text = std::fs::read_to_string(path).expect("VIGIE_BENCH_NOTES: a readable file");
        cases.push((
            "notes",
            text.lines().take(50_000).map(str::to_string).collect(),
        ));
    }
    for (name, set) in cases {
        let bytes: usize = set.iter().map(|s| s.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for s in &set {
                    n += m.find(black_box(s)).len();
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
