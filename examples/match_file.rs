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
    // Best of five: the time of one pass on a quiet core.
    let mut one = f64::MAX;
    let mut hits = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        hits = lines.iter().map(|l| m.find(l).len()).sum();
        one = one.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} notes, {:.1} MB: one thread {one:.3} s ({:.0} MB/s); {hits} hits",
        lines.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / one
    );
    if std::env::var_os("ONE").is_some() {
        return;
    }
    let t = std::time::Instant::now();
    let hits2: usize = lines.par_iter().map(|l| m.find(l).len()).sum();
    let all = t.elapsed().as_secs_f64();
    assert_eq!(hits, hits2);
    let t = std::time::Instant::now();
    let pass = lines.iter().filter(|l| m.prefilter_passes(l)).count();
    let pre = t.elapsed().as_secs_f64();
    let noted = lines.iter().filter(|l| !m.find(l).is_empty()).count();
    println!(
        "all threads {all:.2} s; prefilter alone {pre:.2} s, lets {pass} notes through; {noted} notes with hits"
    );
}
