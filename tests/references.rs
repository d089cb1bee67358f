//! Reference durations as data: `keep = "cnil:<id>"` adopts a reference, and
//! `retention-above-reference` compares a declared `keep` with the reference it cites, before
//! any row is read.

use vigie::catalog::Catalog;
use vigie::check::CheckKind;
use vigie::dialect::Dialect;
use vigie::finding::Finding;
use vigie::policy::duration::Duration;
use vigie::rules::{Planner, plan};

fn policy(retentions: &str) -> vigie::policy::Policy {
    let text = format!(
        "[[purpose]]\nid = \"prospection\"\nlegal_basis = \"legitimate-interest\"\n{retentions}"
    );
    vigie::policy::load_str("policy.toml", &text, Dialect::Postgres)
        .unwrap_or_else(|e| panic!("policy: {}", vigie::policy::diagnostic::render_plain(&e)))
}

fn retention(table: &str, keep: &str, reference: Option<&str>) -> String {
    let reference = reference
        .map(|r| format!("reference = \"{r}\"\n"))
        .unwrap_or_default();
    format!(
        "[[purpose.retention]]\ntable = \"{table}\"\nkeep = \"{keep}\"\nfrom = \"le\"\n{reference}"
    )
}

/// The findings of the policy-only check, planned on an empty catalog.
fn above_reference(policy: &vigie::policy::Policy) -> Vec<Finding> {
    let catalog = Catalog::default();
    let as_of = vigie::timefmt::parse_as_of("2026-11-23").unwrap();
    let mut planner = Planner::new(policy, &catalog, Dialect::Postgres, as_of, 10);
    plan(&mut planner);
    planner
        .checks
        .iter()
        .filter(|c| c.rules.iter().any(|r| r == "retention-above-reference"))
        .flat_map(|c| match &c.kind {
            CheckKind::Catalog(f) => f.clone(),
            _ => panic!("retention-above-reference must read no row"),
        })
        .collect()
}

#[test]
fn keep_adopts_a_reference_duration() {
    let p = policy(&retention("prospects", "cnil:prospection", None));
    let r = &p.purposes[0].retention[0];
    assert_eq!(r.keep, Duration::years(3));
    assert_eq!(
        r.keep_reference.map(|rf| rf.id.as_str()),
        Some("prospection")
    );
    assert!(r.cited_reference.is_none());
    let p = policy(&retention("videos", "CNIL:video", None));
    assert_eq!(p.purposes[0].retention[0].keep.days, 30);
    // A cited reference is typed too, and keeps the span of the value that cites it.
    let p = policy(&retention("prospects", "5y", Some("cnil:prospection")));
    let r = &p.purposes[0].retention[0];
    assert!(r.keep_reference.is_none());
    let cited = r.cited_reference.as_ref().expect("a cited reference");
    assert_eq!(cited.reference.id, "prospection");
    assert_eq!(cited.reference.keep, Duration::years(3));
    assert_eq!(&p.source[cited.span.clone()], "\"cnil:prospection\"");
}

#[test]
fn a_longer_keep_than_the_cited_reference_is_reported() {
    let p = policy(&format!(
        "{}{}{}{}{}",
        retention("prospects", "5y", Some("cnil:prospection")),
        retention("leads", "36mo", Some("cnil:prospection")),
        retention("clients", "2y", Some("cnil:customer-prospection")),
        retention(
            "comptes",
            "cnil:inactive-account",
            Some("cnil:inactive-account")
        ),
        retention("opposition", "10y", Some("cnil:opposition-list")),
    ));
    let found = above_reference(&p);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.table.as_deref(), Some("prospects"));
    assert_eq!(f.purpose.as_deref(), Some("prospection"));
    assert_eq!(f.count, 1);
    assert!(f.message.contains("5y") && f.message.contains("cnil:prospection (3y"));
    assert!(
        f.legal_reference.contains("2021-131"),
        "{}",
        f.legal_reference
    );
    let fix = f.remediation.as_ref().unwrap();
    assert!(fix.sql.lines().all(|l| l.starts_with("--")), "{}", fix.sql);
}

#[test]
fn calendar_units_are_compared_as_cutoffs() {
    // 3y1d is longer than 3y; 1y is not longer than 13 months; 13mo is longer than 1y.
    let p = policy(&format!(
        "{}{}{}",
        retention("a", "3y1d", Some("cnil:prospection")),
        retention("b", "1y", Some("cnil:card-chargeback")),
        retention("c", "13mo", Some("cnil:app-logs")),
    ));
    let tables: Vec<_> = above_reference(&p)
        .into_iter()
        .map(|f| f.table.unwrap())
        .collect();
    assert_eq!(tables, ["a", "c"]);
}

#[test]
fn free_text_references_are_not_compared() {
    let p = policy(&retention(
        "prospects",
        "10y",
        Some("CNIL, référentiel gestion commerciale 2021-131"),
    ));
    assert!(above_reference(&p).is_empty());
}
