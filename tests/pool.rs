//! The session pool shared by `scan` and `discover`: results in item order whatever the
//! timing, and an item whose worker died gets the caller's error result, never a pass.

mod common;
use common::*;
use vigie::db::{Limits, Target};
use vigie::engine::Pool;

fn pool(jobs: usize) -> (tempfile::TempDir, Pool) {
    let (dir, path) =
        sqlite_fixture("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");
    let target = Target::parse(&format!("sqlite://{}", path.display())).unwrap();
    let pool = Pool::open(&target, jobs, Limits::default(), &[]).unwrap();
    (dir, pool)
}

#[test]
fn results_come_back_in_item_order_from_every_session() {
    let (_dir, pool) = pool(3);
    assert_eq!(pool.catalog.tables.len(), 1);
    let items: Vec<u64> = (0..40).collect();
    let out = pool.run(
        &items,
        |session, &i| {
            let rows = session.rows(&format!("SELECT {i} * 2"), None).unwrap();
            rows[0][0].clone().unwrap()
        },
        |_| "missing".to_string(),
    );
    let want: Vec<String> = items.iter().map(|i| (i * 2).to_string()).collect();
    assert_eq!(out, want);
}

#[test]
fn an_item_whose_worker_died_gets_the_missing_result() {
    let (_dir, pool) = pool(2);
    let items: Vec<u64> = (0..10).collect();
    let out = pool.run(
        &items,
        |_, &i| {
            assert!(i != 4, "a worker dies on item 4");
            Ok(i)
        },
        |&i| Err(format!("item {i} did not complete")),
    );
    assert_eq!(out[4], Err("item 4 did not complete".to_string()));
    let ok = out.iter().filter(|r| r.is_ok()).count();
    // The other worker goes on: every other item has its result.
    assert_eq!(ok, 9, "{out:?}");
}

/// The costliest items start first, whatever their place in the list; results stay in item
/// order.
#[test]
fn the_costliest_items_start_first_and_results_keep_item_order() {
    let (_dir, pool) = pool(1);
    let items: Vec<u64> = vec![3, 50, 7, 900, 0, 50];
    let started = std::sync::Mutex::new(Vec::new());
    let out = pool.run_costliest_first(
        &items,
        |&cost| cost,
        |_, &i| {
            started.lock().unwrap().push(i);
            i * 10
        },
        |_| 0,
    );
    assert_eq!(out, vec![30, 500, 70, 9000, 0, 500]);
    assert_eq!(started.into_inner().unwrap(), vec![900, 50, 50, 7, 3, 0]);
}
