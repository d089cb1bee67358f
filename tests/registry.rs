//! Registry invariants: every rule is documented once, in kebab-case, with every section.

use std::collections::BTreeSet;

#[test]
fn rule_ids_are_unique_kebab_case_and_documented() {
    let reg = vigie::rules::registry();
    let mut seen = BTreeSet::new();
    for r in &reg.rules {
        assert!(seen.insert(r.id.clone()), "duplicate rule {}", r.id);
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            r.id
        );
        for (name, text) in [
            ("title", &r.title),
            ("legal_reference", &r.legal_reference),
            ("what", &r.what),
            ("why", &r.why),
            ("example", &r.example),
            ("remediation", &r.remediation),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {name}", r.id);
        }
        assert!(!r.references.is_empty(), "{}: no references", r.id);
    }
}

#[test]
fn every_rule_id_has_one_registered_unit_and_its_docs() {
    let units: Vec<vigie::rules::RuleId> =
        vigie::rules::registered().iter().map(|r| r.id()).collect();
    assert_eq!(
        units,
        vigie::rules::RuleId::ALL,
        "one unit per id, in id order"
    );
    for id in vigie::rules::RuleId::ALL {
        assert_eq!(vigie::rules::registry().doc(*id).id, id.as_str());
    }
    let documented: Vec<&str> = vigie::rules::registry().ids().collect();
    let ids: Vec<&str> = vigie::rules::RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(documented, ids);
}

#[test]
fn the_design_rule_ids_are_all_registered() {
    let ids = [
        "retention-exceeded",
        "retention-anchor-missing",
        "retention-undeclared",
        "retention-above-reference",
        "consent-missing",
        "consent-withdrawn",
        "consent-pre-ticked",
        "consent-without-proof",
        "consent-minor-without-parent",
        "undeclared-column",
        "sensitive-column",
        "identifier-column",
        "card-security-code",
        "unused-column",
        "free-text-judgement",
        "free-text-sensitive",
        "free-text-identifier",
        "password-plaintext",
        "password-weak-hash",
        "password-unknown-format",
        "access-public-grant",
        "access-excessive-grant",
        "inactive-account",
        "request-overdue",
        "request-answered-late",
        "waiver-expired",
        "waiver-unused",
        "consent-default-true",
        "syntax-error",
    ];
    for id in ids {
        assert!(vigie::rules::registry().get(id).is_some(), "{id}");
    }
    assert_eq!(vigie::rules::registry().rules.len(), ids.len());
}

/// The table of rules by family and status (scanned, migration gate) is written by hand, unlike
/// docs/rules.md: a new rule must find its place in it.
#[test]
fn the_rules_by_family_table_names_every_rule() {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scan.md")).unwrap();
    for r in &vigie::rules::registry().rules {
        assert!(
            page.contains(&format!("`{}`", r.id)),
            "docs/scan.md (rules by family) does not mention {}",
            r.id
        );
    }
}
