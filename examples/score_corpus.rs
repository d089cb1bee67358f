//! Precision and recall of the free-text matcher on labelled TSV files (`label<TAB>text`, the
//! label `ok` or comma-separated categories, `#` lines skipped), micro-averaged over (line,
//! category) pairs as in `tests/text_corpus.rs` (both use `vigie::text::score`):
//! `cargo run --example score_corpus -- [--errors] FILE...`.
//! With `--errors`, every line whose found categories differ from its label is printed with the
//! expected and found categories and the matched terms. With `--lexicon`, the table and the
//! errors leave out identifiers, contact details and the scholarship advice: the lexicon's
//! categories only.
#![allow(clippy::print_stdout)]

use std::collections::BTreeSet;

use vigie::text::score;
use vigie::text::{Category, Matcher};

fn names(set: &BTreeSet<Category>) -> String {
    if set.is_empty() {
        "ok".to_string()
    } else {
        set.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
    }
}

fn main() {
    let mut errors = false;
    let mut lexicon = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--errors" => errors = true,
            "--lexicon" => lexicon = true,
            _ => files.push(arg),
        }
    }
    assert!(
        !files.is_empty(),
        "usage: score_corpus [--errors] [--lexicon] FILE.tsv..."
    );
    let m = Matcher::new(&["fr", "en"], &[], &[]).expect("embedded lexicons");
    let mut lines = Vec::new();
    for file in &files {
        let content = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        lines.extend(score::parse(file, &content).unwrap_or_else(|e| panic!("{e}")));
    }
    let kept = |c: &Category| {
        !lexicon || (!c.is_identifier() && !c.is_contact() && c.as_str() != "scholarship")
    };
    if lexicon {
        for line in &mut lines {
            line.labels.retain(kept);
        }
    }
    let mut wrong = 0;
    let table = score::score(&m, &lines, |line, hits, found| {
        let found: BTreeSet<Category> = found.iter().copied().filter(kept).collect();
        if found == line.labels {
            return;
        }
        let found = &found;
        wrong += 1;
        if errors {
            let terms: Vec<String> = hits
                .iter()
                .map(|h| format!("{}:{}", h.category.as_str(), h.term))
                .collect();
            println!(
                "{}:{} want {} got {} [{}]\n    {}",
                line.file,
                line.number,
                names(&line.labels),
                names(found),
                terms.join(", "),
                line.text
            );
        }
    });
    println!("\n{} lines, {wrong} disagreeing", lines.len());
    let table: score::Table = table.into_iter().filter(|(c, _)| kept(c)).collect();
    print!("{}", score::render(&table));
}
