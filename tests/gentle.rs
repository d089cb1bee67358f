//! Gentle mode (`--throttle`) holds no snapshot while vigie pauses: after each statement the
//! session ends its read-only transaction, so the next statement sees what committed since,
//! and the server is free to prune the row versions concurrent writers leave behind. Without
//! it, every statement of a scan sees one snapshot, whatever commits later.

mod common;
use common::*;
use vigie::db::throttle::Throttle;
use vigie::db::{Limits, Target};

const SQL: &str = "CREATE TABLE membres (id INT PRIMARY KEY);\n\
                   INSERT INTO membres (id) VALUES (1), (2), (3);";

fn limits(throttle: Option<u8>) -> Limits {
    Limits {
        throttle: throttle.map(|p| Throttle::new(p).unwrap()),
        ..Limits::default()
    }
}

/// The counts two sessions see before and after a row is committed by someone else.
fn counts_around_a_commit(url: &str, throttle: Option<u8>, commit: impl Fn()) -> Vec<u64> {
    let target = Target::parse(url).unwrap();
    let (_, mut sessions) = vigie::db::open(&target, 2, limits(throttle)).unwrap();
    let count = "SELECT count(*) FROM membres";
    let mut seen: Vec<u64> = sessions
        .iter_mut()
        .map(|s| s.count_keys(count, None).unwrap().0)
        .collect();
    commit();
    seen.extend(
        sessions
            .iter_mut()
            .map(|s| s.count_keys(count, None).unwrap().0),
    );
    for s in sessions {
        s.close();
    }
    seen
}

/// Without throttle both sessions miss a row committed between their counts; gentle, both see
/// it.
fn one_snapshot_unless_gentle(url: &str, insert: impl Fn(i32)) {
    assert_eq!(
        counts_around_a_commit(url, None, || insert(10)),
        [3, 3, 3, 3]
    );
    assert_eq!(
        counts_around_a_commit(url, Some(90), || insert(11)),
        [4, 4, 5, 5]
    );
}

#[test]
fn postgres_sessions_share_one_snapshot_unless_gentle() {
    let Some(url) = pg_fixture("gentle_snap", SQL) else {
        return;
    };
    let insert = |id: i32| {
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        c.execute("INSERT INTO membres (id) VALUES ($1)", &[&id])
            .unwrap();
    };
    one_snapshot_unless_gentle(&url, insert);
}

/// Between two statements of a gentle session the server sees no snapshot held by it
/// (`backend_xmin` is null); a default session holds its snapshot all along.
#[test]
fn a_gentle_postgres_session_holds_no_snapshot_between_statements() {
    let Some(url) = pg_fixture("gentle_xmin", SQL) else {
        return;
    };
    let held = |throttle: Option<u8>| -> bool {
        let target = Target::parse(&url).unwrap();
        let (_, mut sessions) = vigie::db::open(&target, 1, limits(throttle)).unwrap();
        sessions[0]
            .count_keys("SELECT count(*) FROM membres", None)
            .unwrap();
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        let row = c
            .query_one(
                "SELECT count(*) FILTER (WHERE backend_xmin IS NOT NULL), count(*) \
                 FROM pg_stat_activity WHERE application_name = 'vigie' AND datname = current_database()",
                &[],
            )
            .unwrap();
        let (holding, sessions_seen): (i64, i64) = (row.get(0), row.get(1));
        assert_eq!(sessions_seen, 1);
        for s in sessions {
            s.close();
        }
        holding == 1
    };
    assert!(held(None));
    assert!(!held(Some(90)));
}

#[test]
fn mysql_sessions_keep_their_snapshot_unless_gentle() {
    let Some(url) = mysql_fixture("gentle_snap", SQL) else {
        return;
    };
    let insert = |id: i32| {
        mysql_exec(&url, &format!("INSERT INTO membres (id) VALUES ({id})")).unwrap();
    };
    one_snapshot_unless_gentle(&url, insert);
}

/// A statement that fails in gentle mode still leaves the session usable, in a new
/// transaction, and its error is the statement's.
#[test]
fn a_failed_statement_in_gentle_mode_leaves_the_session_usable() {
    let Some(url) = pg_fixture("gentle_error", SQL) else {
        return;
    };
    let target = Target::parse(&url).unwrap();
    let (_, mut sessions) = vigie::db::open(&target, 1, limits(Some(90))).unwrap();
    let s = &mut sessions[0];
    let err = s
        .count_keys("SELECT count(*) FROM absente", None)
        .unwrap_err();
    assert!(err.to_string().contains("absente"), "{err}");
    assert_eq!(
        s.count_keys("SELECT count(*) FROM membres", None)
            .unwrap()
            .0,
        3
    );
    for s in sessions {
        s.close();
    }
}
