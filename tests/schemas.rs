//! The machine formats checked against their JSON schemas, with the jsonschema crate: every
//! SARIF log vigie writes (`scan` and `check-migrations`) against the official SARIF 2.1.0 schema
//! (vendored under `testdata/sarif/`, with its provenance), and the JSON report against the
//! schema vigie ships, `docs/report.schema.json` (generated from the report's types).

mod common;
use common::*;
use std::path::Path;
use vigie::dialect::Dialect;
use vigie::finding::CheckStatus;
use vigie::i18n::Lang;
use vigie::migrations::SqlDialect;
use vigie::migrations::gate::{SourceFile, check};
use vigie::report::{self, Format};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).expect("the schema")
}

fn validator(path: &str, text: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(text).expect("the schema as JSON");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The language tag pattern of SARIF 2.1.0 as published, with a stray `]` that only lenient
/// ECMAScript engines accept, and as the committee corrected it (testdata/sarif/README.md).
const LANGUAGE_PATTERN: (&str, &str) = (
    r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
    r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
);

fn sarif_schema() -> jsonschema::Validator {
    let path = "testdata/sarif/sarif-schema-2.1.0.json";
    let text = read(path);
    assert_eq!(text.matches(LANGUAGE_PATTERN.0).count(), 2);
    let v = validator(path, &text.replace(LANGUAGE_PATTERN.0, LANGUAGE_PATTERN.1));
    // The validator does check: a log with a result missing its message is refused.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"ruleId": "r"}]}]});
    assert!(!v.is_valid(&bad));
    v
}

/// Every way `instance` breaks the schema, one line each with its place in the document.
fn violations(v: &jsonschema::Validator, instance: &serde_json::Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn demo() -> (tempfile::TempDir, vigie::scan::ScanReport) {
    let (dir, path) = sqlite_fixture(vigie::demo::SEED);
    let url = format!("sqlite://{}", path.display());
    let mut report = scan_with(vigie::demo::POLICY, &url, &options(AS_OF));
    report.target.url = "sqlite:///tmp/demo.db".into();
    (dir, report)
}

/// What every SARIF log of vigie holds beyond the schema: each rule its help text, each result
/// a logical or a physical location.
fn assert_rules_and_locations(log: &serde_json::Value, lang: Lang) {
    let run = &log["runs"][0];
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = rule[key]["text"].as_str().unwrap_or_default();
            assert!(text.len() > 20, "{lang}: {id} has no {key}: {text:?}");
        }
        if lang == Lang::Fr {
            let help = rule["help"]["text"].as_str().unwrap();
            assert!(
                !help.contains(" the ") && !help.contains(" is "),
                "{id}: English help in the French log: {help}"
            );
        }
    }
    for r in run["results"].as_array().unwrap() {
        let location = &r["locations"][0];
        let logical = location["logicalLocations"][0]["fullyQualifiedName"].as_str();
        let physical = location["physicalLocation"]["region"]["startLine"].as_u64();
        assert!(
            logical.is_some() || physical.is_some_and(|l| l > 0),
            "{lang}: {} has no location",
            r["ruleId"]
        );
    }
}

#[test]
fn the_scan_sarif_is_valid_against_the_official_schema_in_both_languages() {
    let validator = sarif_schema();
    let (_dir, mut report) = demo();
    for lang in Lang::ALL {
        let text = report::render(&report, Format::Sarif, false, lang);
        let log: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(violations(&validator, &log), Vec::<String>::new(), "{lang}");
        assert_rules_and_locations(&log, lang);
        // The policy's own check and the expired waiver are at their lines of the policy.
        let results = log["runs"][0]["results"].as_array().unwrap();
        let line_of = |rule: &str| {
            let r = results.iter().find(|r| r["ruleId"] == rule).unwrap();
            let p = &r["locations"][0]["physicalLocation"];
            assert_eq!(p["artifactLocation"]["uri"], "policy.toml");
            p["region"]["startLine"].as_u64().unwrap() as usize
        };
        let policy_lines: Vec<&str> = vigie::demo::POLICY.lines().collect();
        let custom = line_of("card-cvv-stored");
        assert_eq!(
            policy_lines[custom - 1].trim(),
            "id = \"card-cvv-stored\"",
            "{lang}"
        );
        let waiver = line_of("waiver-expired");
        assert!(
            policy_lines[waiver - 1].trim().starts_with("rule = "),
            "{}",
            policy_lines[waiver - 1]
        );
    }
    // A check in error and a problem of the policy are execution notifications: still valid.
    let broken = report
        .checks
        .iter_mut()
        .find(|c| c.status == CheckStatus::Ok)
        .unwrap();
    broken.status = CheckStatus::Error;
    broken.reason = Some("canceling statement due to statement timeout".into());
    for lang in Lang::ALL {
        let text = report::render(&report, Format::Sarif, false, lang);
        let log: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(violations(&validator, &log), Vec::<String>::new(), "{lang}");
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        // The check in error, and the check skipped for want of a `birth_date` as a note.
        let levels: Vec<&str> = invocation["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["error", "note"]);
    }
}

fn corpus_files(dir: &str) -> Vec<SourceFile> {
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile {
            path: p.strip_prefix(ROOT).unwrap().display().to_string(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect()
}

#[test]
fn the_gate_sarif_is_valid_against_the_official_schema() {
    let validator = sarif_schema();
    let policy = vigie::policy::load(
        &Path::new(ROOT).join("testdata/migrations/policy.toml"),
        Dialect::Postgres,
    )
    .unwrap();
    let mut files = corpus_files("testdata/migrations/postgres/flyway");
    // An inline ignore without its reason: an error of the run, a notification in SARIF.
    files.push(SourceFile {
        path: "V9__ignore.sql".into(),
        text: "-- vigie:ignore sensitive-column\nALTER TABLE etudiants ADD COLUMN religion text;\n"
            .into(),
    });
    let report = check(files, &policy, SqlDialect::Postgres, Default::default());
    assert!(report.findings.len() >= 5, "{}", report.findings.len());
    assert!(!report.errors.is_empty());
    let text = vigie::report::gate::sarif(&report);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(violations(&validator, &log), Vec::<String>::new());
    assert_rules_and_locations(&log, Lang::En);
    assert_eq!(
        log["runs"][0]["results"].as_array().unwrap().len(),
        report.findings.len()
    );
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

#[test]
fn the_json_report_is_valid_against_the_schema_in_docs() {
    let path = "docs/report.schema.json";
    let validator = validator(path, &read(path));
    let (_dir, mut report) = demo();
    let check = |report: &vigie::scan::ScanReport| {
        for lang in Lang::ALL {
            let text = report::render(report, Format::Json, false, lang);
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                violations(&validator, &json),
                Vec::<String>::new(),
                "{lang}"
            );
        }
    };
    check(&report);
    // The schema does check: a finding without its count, a severity no one knows.
    let mut json: serde_json::Value =
        serde_json::from_str(&report::render(&report, Format::Json, false, Lang::En)).unwrap();
    assert!(!json["waived"].as_array().unwrap().is_empty());
    assert!(!json["free_text_columns"].as_array().unwrap().is_empty());
    json["findings"][0].as_object_mut().unwrap().remove("count");
    json["findings"][1]["severity"] = "grave".into();
    json["summary"]["findings"] = "31".into();
    assert_eq!(
        violations(&validator, &json).len(),
        3,
        "{:?}",
        violations(&validator, &json)
    );
    // A check in error and a skipped one carry their reasons; still valid.
    let broken = report
        .checks
        .iter_mut()
        .find(|c| c.status == CheckStatus::Ok)
        .unwrap();
    broken.status = CheckStatus::Error;
    broken.reason = Some("canceling statement due to statement timeout".into());
    check(&report);
}
