//! Gentle mode (`--throttle PERCENT`): each session of vigie keeps the server busy at most that
//! share of wall time.
//!
//! A session is busy while one of its statements runs or its rows stream in. After each
//! statement it pauses for the time that brings its share back down (a statement of 100 ms at
//! 25 % is followed by a pause of 300 ms); a long stream of free text pauses the same way every
//! few tens of milliseconds of reading, between batches of rows, so a single large column does
//! not hold the server for seconds on end. While vigie pauses mid-stream the server's backend
//! waits on a full socket: it holds its snapshot, no CPU and no I/O. Between statements it
//! holds none: after each one the session ends its read-only transaction and begins another
//! ([`Session::release_snapshot`]), so that a paused vigie never keeps the server from pruning
//! the row versions its writers leave behind.
//!
//! The share is per session: with `--jobs 1` the whole scan keeps at most that share of one
//! server core busy, which is what a busy production server needs.

use super::{DbError, Session};
use crate::catalog::{Catalog, Table};
use crate::check::{Grantee, Reach, Sampled};
use crate::dialect::Dialect;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// How long a stream reads before it pauses: short enough that the server never works for
/// long without a break, long enough that the pauses cost little to vigie's own throughput.
const STREAM_SLICE: Duration = Duration::from_millis(50);

/// The pacing of one session: busy at most `percent` % of the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    percent: u8,
}

impl Throttle {
    /// `percent` in 1..=100; 100 means no pause at all.
    pub fn new(percent: u8) -> Option<Throttle> {
        (1..=100).contains(&percent).then_some(Throttle { percent })
    }

    pub fn percent(self) -> u8 {
        self.percent
    }

    /// The pause that follows `busy` so that busy / (busy + pause) = percent.
    pub fn pause_after(self, busy: Duration) -> Duration {
        let p = u32::from(self.percent);
        busy * (100 - p) / p
    }

    /// Put this pacing around a session.
    pub fn wrap(self, inner: Box<dyn Session>) -> Box<dyn Session> {
        if self.percent >= 100 {
            return inner;
        }
        Box::new(Throttled {
            inner,
            throttle: self,
        })
    }
}

struct Throttled {
    inner: Box<dyn Session>,
    throttle: Throttle,
}

impl Throttled {
    /// Run one statement, then pause for its share, holding no snapshot.
    fn paced<T>(
        &mut self,
        run: impl FnOnce(&mut dyn Session) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let start = Instant::now();
        let r = run(self.inner.as_mut());
        let released = self.inner.release_snapshot();
        std::thread::sleep(self.throttle.pause_after(start.elapsed()));
        let value = r?;
        released?;
        Ok(value)
    }
}

impl Throttled {
    /// Stream with pauses between batches of rows, then release the snapshot and pause for
    /// the rest of the share.
    fn paced_stream(
        &mut self,
        stream: impl FnOnce(&mut dyn Session, &mut Pacer) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        let mut pacer = Pacer::new(self.throttle);
        let r = stream(self.inner.as_mut(), &mut pacer);
        let released = self.inner.release_snapshot();
        pacer.finish();
        r?;
        released
    }
}

/// Pauses a stream between batches of rows: called once per row, it sleeps when the rows read
/// since the last pause took [`STREAM_SLICE`] or more.
struct Pacer {
    throttle: Throttle,
    since: Instant,
    rows: u32,
}

impl Pacer {
    fn new(throttle: Throttle) -> Pacer {
        Pacer {
            throttle,
            since: Instant::now(),
            rows: 0,
        }
    }

    fn row(&mut self) {
        // Reading the clock for every row would cost more than a short note's matching.
        self.rows += 1;
        if self.rows % 64 != 0 {
            return;
        }
        let busy = self.since.elapsed();
        if busy >= STREAM_SLICE {
            std::thread::sleep(self.throttle.pause_after(busy));
            self.since = Instant::now();
        }
    }

    /// The pause owed for the rows read since the last one.
    fn finish(self) {
        std::thread::sleep(self.throttle.pause_after(self.since.elapsed()));
    }
}

impl Session for Throttled {
    fn dialect(&self) -> Dialect {
        self.inner.dialect()
    }

    fn rows(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<Vec<Vec<Option<String>>>, DbError> {
        self.paced(|s| s.rows(sql, as_of))
    }

    fn count_keys(
        &mut self,
        sql: &str,
        as_of: Option<&str>,
    ) -> Result<(u64, Vec<String>), DbError> {
        self.paced(|s| s.count_keys(sql, as_of))
    }

    fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        self.paced(|s| s.column_names(sql))
    }

    fn stream_pairs(&mut self, sql: &str, each: &mut dyn FnMut(&str, &str)) -> Result<(), DbError> {
        self.paced_stream(|s, pacer| {
            s.stream_pairs(sql, &mut |k, t| {
                each(k, t);
                pacer.row();
            })
        })
    }

    fn stream_pairs_raw(
        &mut self,
        sql: &str,
        each: &mut dyn FnMut(&[u8], &[u8]),
    ) -> Result<(), DbError> {
        self.paced_stream(|s, pacer| {
            s.stream_pairs_raw(sql, &mut |k, t| {
                each(k, t);
                pacer.row();
            })
        })
    }

    fn sample(&mut self, table: &Table, n: usize) -> Result<Sampled, DbError> {
        self.paced(|s| s.sample(table, n))
    }

    fn reach(&mut self, who: Grantee<'_>, tables: &BTreeSet<String>) -> Result<Reach, DbError> {
        self.paced(|s| s.reach(who, tables))
    }

    fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError> {
        self.paced(|s| s.introspect(schemas))
    }

    fn close(self: Box<Self>) {
        self.inner.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_keeps_the_share() {
        let t = Throttle::new(25).unwrap();
        assert_eq!(
            t.pause_after(Duration::from_millis(100)),
            Duration::from_millis(300)
        );
        let t = Throttle::new(50).unwrap();
        assert_eq!(
            t.pause_after(Duration::from_millis(80)),
            Duration::from_millis(80)
        );
        assert_eq!(
            Throttle::new(100)
                .unwrap()
                .pause_after(Duration::from_secs(1)),
            Duration::ZERO
        );
        assert!(Throttle::new(0).is_none());
        assert!(Throttle::new(101).is_none());
    }

    /// A server where each statement takes 20 ms and each streamed row 1 ms.
    struct Slow {
        busy: Duration,
    }

    impl Session for Slow {
        fn dialect(&self) -> Dialect {
            Dialect::Postgres
        }
        fn rows(
            &mut self,
            _sql: &str,
            _as_of: Option<&str>,
        ) -> Result<Vec<Vec<Option<String>>>, DbError> {
            std::thread::sleep(Duration::from_millis(20));
            self.busy += Duration::from_millis(20);
            Ok(vec![vec![Some("1".into())]])
        }
        fn column_names(&mut self, _sql: &str) -> Result<Vec<String>, DbError> {
            Ok(Vec::new())
        }
        fn stream_pairs(
            &mut self,
            _sql: &str,
            each: &mut dyn FnMut(&str, &str),
        ) -> Result<(), DbError> {
            for _ in 0..300 {
                std::thread::sleep(Duration::from_millis(1));
                self.busy += Duration::from_millis(1);
                each("1", "note");
            }
            Ok(())
        }
        fn introspect(&mut self, _schemas: &[String]) -> Result<Catalog, DbError> {
            Ok(Catalog::default())
        }
        fn close(self: Box<Self>) {}
    }

    /// The server's busy time over the wall time of the whole run stays within the share,
    /// for statements and for a long stream alike (pauses are never shorter than asked).
    #[test]
    fn a_throttled_session_is_busy_at_most_its_share() {
        let busy = std::sync::Arc::new(std::sync::Mutex::new(Duration::ZERO));
        struct Shared(Slow, std::sync::Arc<std::sync::Mutex<Duration>>);
        impl Drop for Shared {
            fn drop(&mut self) {
                *self.1.lock().unwrap() = self.0.busy;
            }
        }
        impl Session for Shared {
            fn dialect(&self) -> Dialect {
                self.0.dialect()
            }
            fn rows(
                &mut self,
                sql: &str,
                as_of: Option<&str>,
            ) -> Result<Vec<Vec<Option<String>>>, DbError> {
                self.0.rows(sql, as_of)
            }
            fn column_names(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
                self.0.column_names(sql)
            }
            fn stream_pairs(
                &mut self,
                sql: &str,
                each: &mut dyn FnMut(&str, &str),
            ) -> Result<(), DbError> {
                self.0.stream_pairs(sql, each)
            }
            fn introspect(&mut self, schemas: &[String]) -> Result<Catalog, DbError> {
                self.0.introspect(schemas)
            }
            fn close(self: Box<Self>) {}
        }
        let inner = Box::new(Shared(
            Slow {
                busy: Duration::ZERO,
            },
            busy.clone(),
        ));
        let mut s = Throttle::new(25).unwrap().wrap(inner);
        let start = Instant::now();
        for _ in 0..3 {
            s.rows("SELECT 1", None).unwrap();
        }
        let mut seen: Vec<Instant> = Vec::new();
        s.stream_pairs("SELECT k, t FROM n", &mut |_, _| seen.push(Instant::now()))
            .unwrap();
        let wall = start.elapsed();
        s.close();
        let busy = *busy.lock().unwrap();
        assert_eq!(seen.len(), 300);
        // The stream is paced in slices, not only at its end: some row waited for a pause of
        // three times a slice's reading.
        let longest = seen.windows(2).map(|w| w[1] - w[0]).max().unwrap();
        assert!(longest >= STREAM_SLICE * 2, "{longest:?}");
        assert!(busy >= Duration::from_millis(360), "{busy:?}");
        assert!(
            busy.as_secs_f64() / wall.as_secs_f64() <= 0.25,
            "busy {busy:?} of {wall:?}"
        );
    }
}
