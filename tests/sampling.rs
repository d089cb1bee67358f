//! Discovery reads a bounded sample, never the table: on a large PostgreSQL table the server's
//! own row counters (`pg_stat_user_tables`) move by at most the sample size.
//!
//! `sample_reads_at_most_the_sample` runs on 200,000 rows in the normal suite (counters only,
//! no timing). `one_million_rows_under_a_second` is `#[ignore]`d: it builds 1,000,000 rows and
//! prints the time discovery takes (run it with `cargo test --release --test sampling -- --ignored
//! --nocapture`).
#![allow(clippy::print_stdout)]

mod common;
use common::*;
use std::time::{Duration, Instant};
use vigie::db::Target;
use vigie::discover::{DiscoverOptions, RowCount, discover};

fn big_table_sql(rows: u64) -> String {
    format!(
        "CREATE TABLE grande (id bigint PRIMARY KEY, email text, tel text, code_postal text, note integer);\n\
         INSERT INTO grande SELECT g, 'p' || g || '@example.org', '06 ' || lpad((g % 100)::text, 2, '0') || ' 12 34 56', \
         lpad((1000 + g % 90000)::text, 5, '0'), g % 20 FROM generate_series(1, {rows}) AS g;\n\
         ANALYZE grande;"
    )
}

/// Tuples the server has read from `grande` by any scan.
fn tuples_read(client: &mut postgres::Client) -> i64 {
    client
        .batch_execute("SELECT pg_stat_clear_snapshot()")
        .unwrap();
    let row = client
        .query_one(
            "SELECT (COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0))::bigint FROM pg_stat_user_tables WHERE relname = 'grande'",
            &[],
        )
        .unwrap();
    row.get(0)
}

/// Runs discovery, then waits for the closed sessions' counters to reach the statistics (a
/// backend reports them when it exits).
fn measure(url: &str, sample: usize) -> (i64, Duration, vigie::discover::Inventory) {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let before = tuples_read(&mut client);
    let started = Instant::now();
    let inv = discover(
        &Target::parse(url).unwrap(),
        &DiscoverOptions {
            sample,
            jobs: 1,
            ..DiscoverOptions::default()
        },
    )
    .unwrap();
    let elapsed = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut read = tuples_read(&mut client) - before;
    while read == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        read = tuples_read(&mut client) - before;
    }
    (read, elapsed, inv)
}

fn check(url: &str, rows: u64, sample: usize) -> Duration {
    let (read, elapsed, inv) = measure(url, sample);
    let outcome = &inv.tables[0];
    let s = outcome.result.as_ref().unwrap();
    println!(
        "{rows} rows, --sample {sample}: {} rows sampled, {read} tuples read by the server, discovery took {elapsed:?}",
        s.sampled
    );
    assert!(
        s.sampled <= sample && s.sampled > sample / 2,
        "{}",
        s.sampled
    );
    assert!(read > 0, "the statistics never saw the read");
    assert!(
        read <= 2 * sample as i64,
        "{read} tuples read for a sample of {sample}"
    );
    assert!(matches!(s.rows, RowCount::Estimate(n) if n > rows / 2));
    let phone = inv
        .columns()
        .into_iter()
        .find(|c| c.column == "tel")
        .unwrap();
    assert_eq!(phone.category.as_str(), "phone");
    elapsed
}

#[test]
fn sample_reads_at_most_the_sample() {
    let Some(url) = pg_fixture("sampling", &big_table_sql(200_000)) else {
        return;
    };
    check(&url, 200_000, 1000);
}

#[test]
#[ignore = "builds a 1M-row table; prints the time"]
fn one_million_rows_under_a_second() {
    let Some(url) = pg_fixture("sampling_1m", &big_table_sql(1_000_000)) else {
        return;
    };
    let elapsed = check(&url, 1_000_000, 1000);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
}
