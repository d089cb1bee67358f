//! Precision and recall of the free-text matcher on labelled TSV files (`label<TAB>text`, the
//! label `ok` or comma-separated categories, `#` lines skipped), micro-averaged over (line,
//! category) pairs as in `tests/text_corpus.rs`:
//! `cargo run --example score_corpus -- [--errors] FILE...`.
//! With `--errors`, every line whose found categories differ from its label is printed with the
//! expected and found categories and the matched terms.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};

use vigie::text::{Category, Matcher};

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(self, o: Counts) -> Counts {
        Counts {
            tp: self.tp + o.tp,
            fp: self.fp + o.fp,
            fn_: self.fn_ + o.fn_,
        }
    }
    fn precision(self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

fn names(set: &BTreeSet<Category>) -> String {
    if set.is_empty() {
        "ok".to_string()
    } else {
        set.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
    }
}

fn main() {
    let mut errors = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--errors" => errors = true,
            _ => files.push(arg),
        }
    }
    assert!(
        !files.is_empty(),
        "usage: score_corpus [--errors] FILE.tsv..."
    );
    let m = Matcher::new(&["fr", "en"], &[], &[]).expect("embedded lexicons");
    let mut table: BTreeMap<Category, Counts> = Category::ALL
        .into_iter()
        .map(|c| (c, Counts::default()))
        .collect();
    let mut lines = 0;
    let mut wrong = 0;
    for file in &files {
        let content = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for (i, raw) in content.lines().enumerate() {
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let (label, text) = raw
                .split_once('\t')
                .unwrap_or_else(|| panic!("{file}:{}: no TAB", i + 1));
            let want: BTreeSet<Category> = if label == "ok" {
                BTreeSet::new()
            } else {
                label
                    .split(',')
                    .map(|l| {
                        Category::parse(l.trim())
                            .unwrap_or_else(|| panic!("{file}:{}: unknown label `{l}`", i + 1))
                    })
                    .collect()
            };
            lines += 1;
            let hits = m.find(text);
            let got: BTreeSet<Category> = hits.iter().map(|h| h.category).collect();
            for c in Category::ALL {
                let k = table.get_mut(&c).expect("every category");
                match (want.contains(&c), got.contains(&c)) {
                    (true, true) => k.tp += 1,
                    (false, true) => k.fp += 1,
                    (true, false) => k.fn_ += 1,
                    (false, false) => {}
                }
            }
            if got != want {
                wrong += 1;
                if errors {
                    let terms: Vec<String> = hits
                        .iter()
                        .map(|h| format!("{}:{}", h.category.as_str(), h.term))
                        .collect();
                    println!(
                        "{file}:{} want {} got {} [{}]\n    {text}",
                        i + 1,
                        names(&want),
                        names(&got),
                        terms.join(", ")
                    );
                }
            }
        }
    }
    println!("\n{lines} lines, {wrong} disagreeing");
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "category", "tp", "fp", "fn", "precision", "recall"
    );
    let mut all = Counts::default();
    for (c, k) in &table {
        all = all.add(*k);
        if k.tp + k.fp + k.fn_ == 0 {
            continue;
        }
        println!(
            "{:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
            c.as_str(),
            k.tp,
            k.fp,
            k.fn_,
            k.precision(),
            k.recall()
        );
    }
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
        "overall",
        all.tp,
        all.fp,
        all.fn_,
        all.precision(),
        all.recall()
    );
}
