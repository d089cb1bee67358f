//! The sessions of one run, shared by `scan` and `discover`.
//!
//! All sessions see the same data (one exported snapshot on PostgreSQL); the first reads the
//! catalog. Work items are pulled from a shared counter by one thread per session, so a slow
//! item does not hold up a queue, and results come back in item order so output never depends
//! on timing. An item left without a result (a worker that died) gets the caller's "did not
//! complete" result: never a silent pass.

use crate::catalog::Catalog;
use crate::db::{self, DbError, Limits, Session, Target, TargetInfo};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Pool {
    pub info: TargetInfo,
    pub catalog: Catalog,
    sessions: Vec<Box<dyn Session>>,
}

impl Pool {
    /// Open `jobs` sessions on the target and read the catalog of `schemas` (empty: every
    /// non-system schema). Every session is closed again if the catalog cannot be read.
    pub fn open(
        target: &Target,
        jobs: usize,
        limits: Limits,
        schemas: &[String],
    ) -> Result<Pool, DbError> {
        let (info, mut sessions) = db::open(target, jobs.max(1), limits)?;
        match sessions[0].introspect(schemas) {
            Ok(mut catalog) => {
                if info.dialect.database_is_schema() {
                    // The URL's database is the session's default: its tables need no
                    // qualifier in the SQL, the report or a drafted policy, like PostgreSQL's
                    // `public`; so a policy drafted on one copy of a database scans another.
                    for t in &mut catalog.tables {
                        if t.schema.as_deref() == Some(info.database.as_str()) {
                            t.schema = None;
                        }
                    }
                }
                Ok(Pool {
                    info,
                    catalog,
                    sessions,
                })
            }
            Err(e) => {
                for s in sessions {
                    s.close();
                }
                Err(e)
            }
        }
    }

    /// Put `gate` in front of every session: the policy's own SQL is resolved on each session
    /// before anything of it is sent there.
    pub fn gate(&mut self, gate: &crate::db::gate::Gate) {
        self.sessions = std::mem::take(&mut self.sessions)
            .into_iter()
            .map(|s| gate.wrap(s))
            .collect();
    }

    /// Close every session without running anything.
    pub fn close(self) {
        for s in self.sessions {
            s.close();
        }
    }

    /// Run `each` on every item, in parallel on the sessions, and close them. Results are in
    /// item order; an item that got none gets `missing(item)`.
    pub fn run<T: Sync, R: Send>(
        self,
        items: &[T],
        each: impl Fn(&mut dyn Session, &T) -> R + Sync,
        missing: impl Fn(&T) -> R,
    ) -> Vec<R> {
        self.run_costliest_first(items, |_| 0, each, missing)
    }

    /// [`Self::run`], starting the items of highest `cost` first (ties in item order): the long
    /// items begin at once on their own sessions and the short ones fill the gaps, so the run
    /// ends soon after its longest item. Results are still in item order.
    pub fn run_costliest_first<T: Sync, R: Send>(
        self,
        items: &[T],
        cost: impl Fn(&T) -> u64,
        each: impl Fn(&mut dyn Session, &T) -> R + Sync,
        missing: impl Fn(&T) -> R,
    ) -> Vec<R> {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(cost(&items[i])));
        let order = &order;
        let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::new());
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let mut workers = Vec::new();
            for mut session in self.sessions {
                let (results, next, each) = (&results, &next, &each);
                workers.push(scope.spawn(move || {
                    while let Some(&i) = order.get(next.fetch_add(1, Ordering::SeqCst)) {
                        let r = each(session.as_mut(), &items[i]);
                        results
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push((i, r));
                    }
                    session.close();
                }));
            }
            // A worker that panicked is joined here, so the scope does not re-raise it: its
            // items get `missing` below.
            for w in workers {
                let _ = w.join();
            }
        });
        let mut done = results
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        done.sort_by_key(|(i, _)| *i);
        let mut done = done.into_iter().peekable();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match done.next_if(|(j, _)| *j == i) {
                Some((_, r)) => out.push(r),
                None => out.push(missing(item)),
            }
        }
        out
    }
}
