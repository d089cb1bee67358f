//! Time the matcher over a file of notes, one per line: `cargo run --release --example match_file FILE`.
#![allow(clippy::print_stdout)]
use rayon::prelude::*;
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a file of notes, one per line");
    let text = std::fs::read_to_string(path).expect("readable file");
    let lines: Vec<&str> = text.lines().collect();
    let m = vigie::text::Matcher::new(&["fr", "en"], &[], &[]).expect("lexicons");
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let t = std::time::Instant::now();
    let hits: usize = lines.iter().map(|l| m.find(l).len()).sum();
    let one = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let hits2: usize = lines.par_iter().map(|l| m.find(l).len()).sum();
    let all = t.elapsed().as_secs_f64();
    assert_eq!(hits, hits2);
    println!(
        "{} notes, {:.1} MB: one thread {one:.2} s ({:.0} MB/s), all threads {all:.2} s; {hits} hits",
        lines.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / one
    );
}
