//! Free-text execution: one column streamed once, matched on every core.
//!
//! One streaming query per column (PostgreSQL `COPY … TO STDOUT`, SQLite a prepared
//! statement, MySQL a streaming result set); rows travel in bounded batches over a small
//! channel to one matching worker per thread of the rayon pool, each taking whole batches, so
//! reading and matching overlap and memory stays flat whatever the table size. Only counts,
//! keys, lexicon terms and (with `--show-excerpts`) masked excerpts leave this module: never
//! the text. What a hit means (its rule, message and fix) is the free-text rules' business.

use crate::check::{FreeTextCheck, Why};
use crate::db::{DbError, Session};
use crate::dialect::Dialect;
use crate::finding::{Finding, TermCount};
use crate::i18n::Message;
use crate::rules::free_text as rule;
use crate::text::{Category, Matcher, mask_excerpt};
use std::borrow::Cow;
use std::cmp::Ordering as KeyOrder;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::Ordering;

/// A batch of `(key, text)` rows in one buffer: two allocations per batch, not two per row.
///
/// Rows arrive as bytes and the batch is checked as UTF-8 once, by the worker that matches
/// it: one SIMD pass over 256 KiB instead of a call per field on the reading thread. A batch
/// that is not valid UTF-8 as a whole (a stray byte in some row) is read row by row, each
/// field with its invalid bytes replaced, as a lone row would be.
#[derive(Default)]
struct Batch {
    buf: Vec<u8>,
    /// Per row: end of the key, end of the text, in `buf` (each row starts where the last ended).
    ends: Vec<(usize, usize)>,
}

impl Batch {
    fn push(&mut self, key: &[u8], text: &[u8]) {
        if self.buf.capacity() == 0 {
            self.buf.reserve(ROWS_PER_BATCH * 128);
            self.ends.reserve(ROWS_PER_BATCH);
        }
        self.buf.extend_from_slice(key);
        let k = self.buf.len();
        self.buf.extend_from_slice(text);
        self.ends.push((k, self.buf.len()));
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Empties the batch, keeping its buffers for the next one.
    fn clear(&mut self) {
        self.buf.clear();
        self.ends.clear();
    }

    fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1].1 }
    }

    /// The rows as strings, when the whole buffer is UTF-8 and every field boundary falls
    /// between characters.
    fn as_str(&self) -> Option<Rows<'_>> {
        let s = simdutf8::basic::from_utf8(&self.buf).ok()?;
        self.ends
            .iter()
            .all(|&(k, t)| s.is_char_boundary(k) && s.is_char_boundary(t))
            .then_some(Rows { s, batch: self })
    }

    /// Row `i`'s key and text, invalid bytes replaced.
    fn lossy(&self, i: usize) -> (Cow<'_, str>, Cow<'_, str>) {
        let (k, t) = self.ends[i];
        (
            String::from_utf8_lossy(&self.buf[self.start(i)..k]),
            String::from_utf8_lossy(&self.buf[k..t]),
        )
    }
}

/// A batch checked as UTF-8.
struct Rows<'a> {
    s: &'a str,
    batch: &'a Batch,
}

impl Rows<'_> {
    fn key(&self, i: usize) -> &str {
        &self.s[self.batch.start(i)..self.batch.ends[i].0]
    }

    fn text(&self, i: usize) -> &str {
        &self.s[self.batch.ends[i].0..self.batch.ends[i].1]
    }
}

/// Rows per batch sent to the matcher.
const ROWS_PER_BATCH: usize = 2048;
/// Batches in flight between the reader and the matcher.
const BATCHES_IN_FLIGHT: usize = 4;
/// Rows sampled to decide whether an unlisted column is free text.
const SAMPLE_ROWS: usize = 500;
/// Masked excerpts kept per finding with `--show-excerpts`.
const EXCERPTS: usize = 3;

/// Keys compare as numbers when both are numbers, so samples read 2, 10 and not 10, 2.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key(String);

impl Ord for Key {
    fn cmp(&self, other: &Self) -> KeyOrder {
        crate::finding::key_order(&self.0, &other.0)
    }
}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<KeyOrder> {
        Some(self.cmp(other))
    }
}

#[derive(Default)]
struct Acc {
    count: u64,
    keys: BTreeSet<Key>,
    all_keys: Vec<String>,
    terms: BTreeMap<String, u64>,
    /// Excerpts by stream position (batch, row): the first ones read are kept, whichever
    /// worker matched them.
    excerpts: Vec<((u64, usize), String)>,
}

impl Acc {
    /// The sample keys are the smallest `max_keys` (all of them for 0).
    fn keep_keys(&mut self, max_keys: usize) {
        while max_keys > 0 && self.keys.len() > max_keys {
            self.keys.pop_last();
        }
    }

    /// The excerpts of the first rows read, whichever worker matched them.
    fn first_excerpts(&mut self) -> Vec<String> {
        self.excerpts.sort_by_key(|(pos, _)| *pos);
        self.excerpts
            .drain(..)
            .take(EXCERPTS)
            .map(|(_, e)| e)
            .collect()
    }
}

/// How rows are matched and what is kept of them.
#[derive(Clone, Copy)]
struct How<'a> {
    matcher: &'a Matcher,
    max_keys: usize,
    show: bool,
}

/// What one matching worker found in the batches it took, per category.
///
/// Why workers that each take whole batches, rather than each batch spread over the pool
/// with a parallel iterator: the spread waited for the batch's slowest half and then for the tally of its hits
/// before the next batch could start, and on two cores shared with the database server those
/// pauses left a core idle for a tenth of the scan. Workers never wait for each other; their
/// tallies are merged once at the end, in an order-independent way.
#[derive(Default)]
struct ColumnAcc(BTreeMap<Category, Acc>);

impl ColumnAcc {
    fn add(&mut self, seq: u64, batch: &Batch, how: &How<'_>) {
        match batch.as_str() {
            Some(rows) => {
                for i in 0..batch.len() {
                    self.row((seq, i), rows.key(i), rows.text(i), how);
                }
            }
            None => {
                for i in 0..batch.len() {
                    let (key, text) = batch.lossy(i);
                    self.row((seq, i), &key, &text, how);
                }
            }
        }
    }

    /// One row, at stream position `pos` (batch, row).
    fn row(&mut self, pos: (u64, usize), key: &str, text: &str, how: &How<'_>) {
        let How {
            matcher,
            max_keys,
            show,
        } = *how;
        let hits = matcher.find(text);
        if hits.is_empty() {
            return;
        }
        let mut seen: BTreeSet<Category> = BTreeSet::new();
        let mut seen_terms: BTreeSet<(Category, String)> = BTreeSet::new();
        for h in &hits {
            let term = crate::text::found_term(text, h);
            let a = self.0.entry(h.category).or_default();
            if seen.insert(h.category) {
                a.count += 1;
                if !key.is_empty() {
                    a.all_keys.push(key.to_string());
                    let key = Key(key.to_string());
                    // Rows mostly come in key order: once the sample is full, a later key
                    // is rarely among the smallest.
                    let full = max_keys > 0 && a.keys.len() >= max_keys;
                    if !full || a.keys.last().is_some_and(|last| key < *last) {
                        a.keys.insert(key);
                        a.keep_keys(max_keys);
                    }
                }
                if show && a.excerpts.len() < EXCERPTS {
                    let shown = crate::text::Hit {
                        term: term.clone(),
                        ..h.clone()
                    };
                    a.excerpts.push((pos, mask_excerpt(text, &shown)));
                }
            }
            if !seen_terms.contains(&(h.category, term.clone())) {
                *a.terms.entry(term.clone()).or_default() += 1;
                seen_terms.insert((h.category, term));
            }
        }
    }

    fn merge(&mut self, other: ColumnAcc, max_keys: usize) {
        for (cat, b) in other.0 {
            let a = self.0.entry(cat).or_default();
            a.count += b.count;
            a.keys.extend(b.keys);
            a.keep_keys(max_keys);
            a.all_keys.extend(b.all_keys);
            for (term, n) in b.terms {
                *a.terms.entry(term).or_default() += n;
            }
            a.excerpts.extend(b.excerpts);
        }
    }
}

/// What the scan of one column found.
pub struct ColumnResult {
    pub findings: Vec<Finding>,
    pub note: Message,
    pub skipped: bool,
}

fn select_sql(d: Dialect, c: &FreeTextCheck) -> String {
    let table = d.table_ref(c.schema.as_deref(), &c.table);
    let col = d.col("t", &c.column);
    let key = match c.key.len() {
        0 => "''".to_string(),
        1 if c.key_integer && d.streams_integer_keys() => d.col("t", &c.key[0]),
        1 => d.key_text(&d.col("t", &c.key[0])),
        _ => d.key_list(
            &c.key
                .iter()
                .map(|k| d.key_text(&d.col("t", k)))
                .collect::<Vec<_>>(),
        ),
    };
    format!(
        "SELECT {key}, {} FROM {table} AS t WHERE {col} IS NOT NULL",
        d.key_text(&col)
    )
}

/// Decide from a bounded sample whether an unlisted long-text column holds prose.
fn sample_says_free_text(
    session: &mut dyn Session,
    c: &FreeTextCheck,
) -> Result<(bool, Message), DbError> {
    let d = session.dialect();
    let table = d.table_ref(c.schema.as_deref(), &c.table);
    let col = d.col("t", &c.column);
    let len = d.char_length();
    let sql = format!(
        "SELECT CAST(COUNT(*) AS TEXT), CAST(COUNT(DISTINCT s.v) AS TEXT), CAST(AVG({len}(s.v)) AS TEXT) FROM (SELECT {} AS v FROM {table} AS t WHERE {col} IS NOT NULL LIMIT {SAMPLE_ROWS}) AS s",
        d.key_text(&col)
    )
    .replace("AS TEXT", &format!("AS {}", d.text_type()));
    let rows = session.rows(&sql, None)?;
    let get = |i: usize| -> f64 {
        rows.first()
            .and_then(|r| r.get(i).cloned().flatten())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let (n, distinct, avg) = (get(0), get(1), get(2));
    let ratio = if n > 0.0 { distinct / n } else { 0.0 };
    let verdict = n > 0.0 && avg >= 30.0 && ratio >= 0.5;
    Ok((
        verdict,
        Message::new("check.sample")
            .arg("avg", format!("{avg:.0}"))
            .arg("distinct", format!("{:.0}", ratio * 100.0))
            .arg("n", n as u64),
    ))
}

pub fn run(
    session: &mut dyn Session,
    c: &FreeTextCheck,
    matcher: &Matcher,
    max_keys: usize,
    show_excerpts: bool,
) -> Result<ColumnResult, DbError> {
    let d = session.dialect();
    let note = match &c.why {
        Why::Listed => Message::new("check.listed"),
        Why::Name(reason) => Message::new("check.name").arg("reason", reason),
        Why::Sample => {
            let (yes, why) = sample_says_free_text(session, c)?;
            if !yes {
                return Ok(ColumnResult {
                    findings: Vec::new(),
                    note: Message::new("check.not-free-text").arg("why", why),
                    skipped: true,
                });
            }
            Message::new("check.looks-free-text").arg("why", why)
        }
    };
    let sql = select_sql(d, c);
    let mut rows = 0u64;
    let (tx, rx) = std::sync::mpsc::sync_channel::<(u64, Batch)>(BATCHES_IN_FLIGHT);
    let rx = std::sync::Mutex::new(rx);
    // Matched batches go back to the reader to be filled again: a fresh 256 KiB buffer per
    // batch cost page faults and allocator work at every one.
    let (back, spare) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_IN_FLIGHT + 2);
    let how = How {
        matcher,
        max_keys,
        show: show_excerpts,
    };
    let accs: std::sync::Mutex<Vec<ColumnAcc>> = std::sync::Mutex::new(Vec::new());
    // A worker whose matching panicked: the column is then reported in error, never as
    // checked, and the workers go on taking batches so that the reader never waits forever.
    let failed = std::sync::atomic::AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        // One worker per thread of the rayon pool (RAYON_NUM_THREADS sets how many), started
        // from a thread of its own: the reading thread must never be one of the pool's.
        let (rx, accs, failed) = (&rx, &accs, &failed);
        let back_pool = back.clone();
        let pool = scope.spawn(move || {
            rayon::scope(|s| {
                for _ in 0..rayon::current_num_threads() {
                    let back = back_pool.clone();
                    s.spawn(move |_| {
                        let mut acc = ColumnAcc::default();
                        loop {
                            // One worker waits on the channel at a time; the others on the lock.
                            let next = rx
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .recv();
                            let Ok((seq, mut batch)) = next else {
                                break;
                            };
                            if !failed.load(Ordering::Relaxed) {
                                let add = std::panic::AssertUnwindSafe(|| {
                                    acc.add(seq, &batch, &how);
                                });
                                if std::panic::catch_unwind(add).is_err() {
                                    failed.store(true, Ordering::Relaxed);
                                }
                            }
                            batch.clear();
                            let _ = back.try_send(batch);
                        }
                        if let Ok(mut all) = accs.lock() {
                            all.push(acc);
                        }
                    });
                }
            });
        });
        drop(back);
        let mut batch = Batch::default();
        let mut seq = 0u64;
        let mut send = |batch: &mut Batch, next: Batch| {
            let _ = tx.send((seq, std::mem::replace(batch, next)));
            seq += 1;
        };
        let streamed = session.stream_pairs_raw(&sql, &mut |k, t| {
            rows += 1;
            batch.push(k, t);
            if batch.len() == ROWS_PER_BATCH {
                send(&mut batch, spare.try_recv().unwrap_or_default());
            }
        });
        if batch.len() > 0 {
            send(&mut batch, Batch::default());
        }
        drop(tx);
        let _ = pool.join();
        streamed
    });
    result?;
    if failed.into_inner() {
        return Err(DbError::query(format!(
            "matching the text of {}.{} failed (an internal error of vigie): the column was not checked",
            c.display, c.column
        )));
    }
    let mut acc = ColumnAcc::default();
    for a in accs.into_inner().unwrap_or_default() {
        acc.merge(a, max_keys);
    }
    let acc = acc.0;

    let mut findings = Vec::new();
    for (cat, mut a) in acc {
        let excerpts = a.first_excerpts();
        let tally = rule::Tally {
            count: a.count,
            sample_keys: a.keys.into_iter().map(|k| k.0).collect(),
            all_keys: a.all_keys,
            terms: a
                .terms
                .into_iter()
                .map(|(term, count)| TermCount { term, count })
                .collect(),
            excerpts,
        };
        let f = rule::finding(d, c, cat, tally, &sql);
        findings.push(f);
    }
    Ok(ColumnResult {
        findings,
        note: Message::new("check.rows-read")
            .arg("note", note)
            .arg("rows", rows),
        skipped: false,
    })
}

#[cfg(test)]
mod batch_tests {
    use super::Batch;

    fn rows(b: &Batch) -> Vec<(String, String)> {
        match b.as_str() {
            Some(r) => (0..b.len())
                .map(|i| (r.key(i).to_string(), r.text(i).to_string()))
                .collect(),
            None => (0..b.len())
                .map(|i| {
                    let (k, t) = b.lossy(i);
                    (k.into_owned(), t.into_owned())
                })
                .collect(),
        }
    }

    #[test]
    fn a_batch_is_checked_as_utf8_once_and_row_by_row_when_it_must() {
        let mut b = Batch::default();
        b.push(b"1", "élève".as_bytes());
        b.push(b"2", b"ok");
        assert!(b.as_str().is_some());
        assert_eq!(
            rows(&b),
            [("1".into(), "élève".into()), ("2".into(), "ok".into())]
        );
        // A stray byte: that field alone is mended.
        b.push(b"3", b"caf\xe9");
        assert!(b.as_str().is_none());
        assert_eq!(rows(&b)[2], ("3".into(), "caf\u{fffd}".into()));
        assert_eq!(rows(&b)[0].1, "élève");
        // Two halves of one character in two rows: valid as a whole, but not as rows.
        let mut b = Batch::default();
        b.push(b"1", b"a\xc3");
        b.push(b"2", b"\xa9b");
        assert!(b.as_str().is_none());
        assert_eq!(rows(&b)[0].1, "a\u{fffd}");
        assert_eq!(rows(&b)[1].1, "\u{fffd}b");
        b.clear();
        assert_eq!(b.len(), 0);
    }
}
