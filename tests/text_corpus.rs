//! Precision and recall of the free-text matcher on the labelled corpus in `testdata/comments/`.
//!
//! Each line is `label<TAB>text`; the label is `ok` or a comma-separated set of categories.
//! Scores are micro-averaged over (line, category) pairs. The tune files are what the lexicons
//! were developed against and must stay at precision ≥ 0.97 and recall ≥ 0.95; the holdout files
//! were written before tuning and never tuned against: they are asserted only to a lower bar so
//! that a collapse still fails. `cargo test --test text_corpus -- --nocapture` prints the tables
//! (and, with `VIGIE_CORPUS_ERRORS=1`, the tune lines that disagree; never the holdout lines).
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;

use vigie::text::Matcher;

use vigie::text::score::{self, Labelled as Line, Table};

fn load(files: &[&str]) -> Vec<Line> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/comments");
    let mut lines = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(dir.join(file)).expect("corpus file");
        lines.extend(score::parse(file, &content).unwrap_or_else(|e| panic!("{e}")));
    }
    lines
}

fn score(matcher: &Matcher, lines: &[Line], show_errors: bool) -> Table {
    score::score(matcher, lines, |line, hits, _| {
        if !show_errors {
            return;
        }
        let terms: Vec<String> = hits
            .iter()
            .map(|h| format!("{}:{}", h.category.as_str(), h.term))
            .collect();
        println!(
            "  {}:{} want {:?} got [{}]  {}",
            line.file,
            line.number,
            line.labels.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            terms.join(", "),
            line.text
        );
    })
}

fn total(table: &Table) -> score::Counts {
    score::total(table)
}

fn print_table(title: &str, lines: usize, table: &Table) {
    println!("\n{title} ({lines} lines)\n{}", score::render(table));
}

fn matcher() -> Matcher {
    Matcher::new(&["fr", "en"], &[], &[]).expect("embedded lexicons")
}

#[test]
fn corpus_is_large_enough_and_split() {
    let tune = load(&["tune-fr.tsv", "tune-en.tsv"]);
    let holdout = load(&["holdout-fr.tsv", "holdout-en.tsv"]);
    let all = tune.len() + holdout.len();
    assert!(all >= 1500, "{all} lines");
    let share = holdout.len() as f64 / all as f64;
    // The held-out part is fixed (402 lines); later probes, once tuned against, join the tuning
    // part, so its share slowly falls.
    assert!((0.15..=0.3).contains(&share), "holdout share {share:.2}");
    for lang in ["fr", "en"] {
        assert!(tune.iter().any(|l| l.file.contains(lang)));
    }
}

#[test]
fn tune_set_precision_and_recall() {
    let m = matcher();
    let lines = load(&["tune-fr.tsv", "tune-en.tsv"]);
    let show = std::env::var_os("VIGIE_CORPUS_ERRORS").is_some();
    let table = score(&m, &lines, show);
    print_table("tune set", lines.len(), &table);
    let t = total(&table);
    assert!(t.precision() >= 0.97, "tune precision {:.3}", t.precision());
    assert!(t.recall() >= 0.95, "tune recall {:.3}", t.recall());
}

#[test]
fn holdout_set_precision_and_recall() {
    let m = matcher();
    let lines = load(&["holdout-fr.tsv", "holdout-en.tsv"]);
    // Never print holdout lines: they must not guide tuning.
    let table = score(&m, &lines, false);
    print_table("holdout set", lines.len(), &table);
    let t = total(&table);
    assert!(
        t.precision() >= 0.85,
        "holdout precision {:.3}",
        t.precision()
    );
    assert!(t.recall() >= 0.80, "holdout recall {:.3}", t.recall());
}

/// The lexicon's categories: identifiers (found by shape and checksum), contact details and the
/// scholarship advice are left out of the probes' floors.
fn lexicon_only(table: &Table) -> Table {
    table
        .iter()
        .filter(|(c, _)| !c.is_identifier() && !c.is_contact() && c.as_str() != "scholarship")
        .map(|(c, n)| (*c, *n))
        .collect()
}

/// The blind probes of `testdata/comments/probes/` (a school, an alumni and business-school CRM,
/// HR and student support, a sports club by SMS, an English international school, integration and
/// mentoring; then a vocational school, an English executive-education CRM, a town's schools,
/// university student services, adult training, summer camps and tutoring; then a conservatoire,
/// a study-abroad agency, a business school, a care-home training centre, an English boarding
/// school, driving schools and a football academy), written by people who never saw the lexicons,
/// scored blind and then tuned against
/// as classes. They are held on the lexicon categories only: the passport,
/// id-card and password labels wait for their detectors, which are not part of this matcher yet.
#[test]
fn probes_precision_and_recall() {
    let m = matcher();
    for (file, precision, recall) in [
        ("probes/probe-a.tsv", 0.90, 0.90),
        ("probes/probe-b.tsv", 0.90, 0.93),
        ("probes/probe-c.tsv", 0.91, 0.95),
        ("probes/probe-d.tsv", 0.92, 0.91),
        ("probes/probe-e.tsv", 0.90, 0.91),
        ("probes/probe-f.tsv", 0.88, 0.90),
        ("probes/probe-g.tsv", 0.83, 0.85),
        ("probes/probe-h.tsv", 0.89, 0.77),
        ("probes/probe-i.tsv", 0.84, 0.84),
        ("probes/probe-j.tsv", 0.84, 0.80),
        ("probes/probe-k.tsv", 0.86, 0.80),
        ("probes/probe-l.tsv", 0.87, 0.76),
        ("probes/probe-m.tsv", 0.94, 0.84),
        ("probes/probe-n.tsv", 0.88, 0.75),
        ("probes/probe-o.tsv", 0.82, 0.76),
        ("probes/probe-p.tsv", 0.85, 0.85),
        ("probes/probe-q.tsv", 0.87, 0.72),
        ("probes/probe-r.tsv", 0.88, 0.86),
    ] {
        let lines = load(&[file]);
        let show = std::env::var_os("VIGIE_CORPUS_ERRORS").is_some();
        let table = lexicon_only(&score(&m, &lines, show));
        print_table(file, lines.len(), &table);
        let t = total(&table);
        assert!(
            t.precision() >= precision,
            "{file} precision {:.3}",
            t.precision()
        );
        assert!(t.recall() >= recall, "{file} recall {:.3}", t.recall());
    }
}

/// Notes of 40–300 characters built from consecutive corpus lines (a CRM note is often two or
/// three such remarks), lengths spread evenly by a fixed pseudo-random sequence.
fn notes(lines: &[&Line]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut current = String::new();
    let mut target = 40;
    for line in lines {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line.text);
        if current.len() >= target {
            let mut cut = current.len().min(300);
            while !current.is_char_boundary(cut) {
                cut -= 1;
            }
            current.truncate(cut);
            out.push(std::mem::take(&mut current));
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            target = 40 + (seed % 261) as usize;
        }
    }
    out
}

fn bench(m: &Matcher, label: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut hits = 0;
    // Warm-up, then enough rounds for about 50 MB.
    for t in texts {
        hits += m.find(t).len();
    }
    let rounds = (50_000_000 / bytes).max(1);
    let start = Instant::now();
    for _ in 0..rounds {
        for t in texts {
            hits += std::hint::black_box(m.find(std::hint::black_box(t))).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label}: {} notes of {:.0} bytes on average: {:.1} MB/s, {:.2} µs per note ({hits} hits)",
        texts.len(),
        bytes as f64 / texts.len() as f64,
        (bytes * rounds) as f64 / 1e6 / secs,
        secs * 1e6 / (texts.len() * rounds) as f64
    );
}

/// Throughput on realistic CRM notes (40–300 characters), one thread.
/// `cargo test --release --test text_corpus -- --ignored --nocapture throughput`
#[test]
#[ignore = "benchmark: run in release mode"]
fn throughput() {
    let m = matcher();
    let lines = load(&[
        "tune-fr.tsv",
        "tune-en.tsv",
        "holdout-fr.tsv",
        "holdout-en.tsv",
    ]);
    let all: Vec<&Line> = lines.iter().collect();
    let clean: Vec<&Line> = lines.iter().filter(|l| l.labels.is_empty()).collect();
    println!("{} lexicon terms", m.term_count());
    bench(&m, "corpus notes (most contain a hit)", &notes(&all));
    bench(&m, "clean notes (no hit expected)", &notes(&clean));
}
