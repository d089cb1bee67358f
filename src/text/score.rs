//! Precision and recall of the matcher on labelled notes: the corpus test and
//! `examples/score_corpus` (a user's own notes) share this one reading of `label<TAB>text` lines
//! and one way of counting.
//!
//! A label is `ok` or comma-separated categories; `#` lines and blank lines are skipped. Scores
//! are micro-averaged over (line, category) pairs. Nothing here prints: [`render`] returns the
//! table.

use std::collections::{BTreeMap, BTreeSet};

use super::{Category, Hit, Matcher};

/// One labelled note.
#[derive(Clone, Debug)]
pub struct Labelled {
    pub file: String,
    /// 1-based line number in its file.
    pub number: usize,
    pub labels: BTreeSet<Category>,
    pub text: String,
}

/// The labelled notes of a file's `content`; an error names the file and line.
pub fn parse(file: &str, content: &str) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let (label, text) = raw
            .split_once('\t')
            .ok_or_else(|| format!("{file}:{}: no TAB", i + 1))?;
        let labels = if label == "ok" {
            BTreeSet::new()
        } else {
            label
                .split(',')
                .map(|l| {
                    Category::parse(l.trim())
                        .ok_or_else(|| format!("{file}:{}: unknown label `{l}`", i + 1))
                })
                .collect::<Result<_, _>>()?
        };
        out.push(Labelled {
            file: file.to_string(),
            number: i + 1,
            labels,
            text: text.to_string(),
        });
    }
    Ok(out)
}

/// True and false positives and false negatives.
#[derive(Default, Clone, Copy, Debug)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    pub fn recall(self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

/// Counts per category.
pub type Table = BTreeMap<Category, Counts>;

/// Scores `lines`; `disagree` is called with each line whose found categories differ from its
/// labels, the hits and the categories found.
pub fn score(
    matcher: &Matcher,
    lines: &[Labelled],
    mut disagree: impl FnMut(&Labelled, &[Hit], &BTreeSet<Category>),
) -> Table {
    let mut table: Table = Category::ALL
        .into_iter()
        .map(|c| (c, Counts::default()))
        .collect();
    for line in lines {
        let hits = matcher.find(&line.text);
        // A scholarship status is advice, not a violation: a line labelled `ok` may hold one
        // without a false positive; a line labelled `scholarship` must have it found.
        let found: BTreeSet<Category> = hits
            .iter()
            .map(|h| h.category)
            .filter(|c| *c != Category::Scholarship || line.labels.contains(c))
            .collect();
        for (c, counts) in table.iter_mut() {
            match (line.labels.contains(c), found.contains(c)) {
                (true, true) => counts.tp += 1,
                (false, true) => counts.fp += 1,
                (true, false) => counts.fn_ += 1,
                (false, false) => {}
            }
        }
        if found != line.labels {
            disagree(line, &hits, &found);
        }
    }
    table
}

/// The counts of every category together.
pub fn total(table: &Table) -> Counts {
    table.values().fold(Counts::default(), |a, c| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    })
}

/// The table as text: a row per category with any count, then the overall row.
pub fn render(table: &Table) -> String {
    let row = |name: &str, k: Counts| {
        format!(
            "{name:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}\n",
            k.tp,
            k.fp,
            k.fn_,
            k.precision(),
            k.recall()
        )
    };
    let mut out = format!(
        "{:<10} {:>5} {:>5} {:>5} {:>9} {:>7}\n",
        "category", "tp", "fp", "fn", "precision", "recall"
    );
    for (c, k) in table {
        if k.tp + k.fp + k.fn_ > 0 {
            out.push_str(&row(c.as_str(), *k));
        }
    }
    out.push_str(&row("overall", total(table)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_parsed_and_scored() {
        let lines = parse(
            "t.tsv",
            "# comment\nok\tRendez-vous lundi.\ninsult\tQuel idiot, ce client.\n\nhealth\tRien.\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!((lines[1].number, lines[2].number), (3, 5));
        let m = Matcher::new(&["fr", "en"], &[], &[]).unwrap();
        let mut missed = Vec::new();
        let table = score(&m, &lines, |l, _, _| missed.push(l.number));
        assert_eq!(missed, [5]);
        let t = total(&table);
        assert_eq!((t.tp, t.fp, t.fn_), (1, 0, 1));
        assert!(
            render(&table)
                .lines()
                .last()
                .unwrap()
                .starts_with("overall")
        );
        assert_eq!(parse("t.tsv", "ok no tab").unwrap_err(), "t.tsv:1: no TAB");
        assert!(
            parse("t.tsv", "rude\tx")
                .unwrap_err()
                .contains("unknown label `rude`")
        );
    }
}
