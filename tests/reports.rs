//! The reports people hand over: the demo scan rendered in each format and language.
//!
//! The demo CRM is scanned once at a fixed instant (its seed is SQLite's own SQL), so every
//! rendering is the same from run to run but for the scratch file's path, which is blanked.

mod common;
use common::*;
use vigie::i18n::{Lang, entries, text};
use vigie::report::{self, Format};
use vigie::scan::ScanReport;

fn demo() -> (tempfile::TempDir, ScanReport) {
    demo_with(&options(AS_OF))
}

fn demo_with(opts: &vigie::engine::ScanOptions) -> (tempfile::TempDir, ScanReport) {
    let (dir, path) = sqlite_fixture(vigie::demo::SEED);
    let url = format!("sqlite://{}", path.display());
    let mut report = scan_with(vigie::demo::POLICY, &url, opts);
    report.target.url = "sqlite:///tmp/demo.db".into();
    for c in &mut report.checks {
        c.duration_ms = 7;
    }
    (dir, report)
}

/// The English catalogue's sentences: each fixed stretch of text between placeholders that
/// has at least three words and is not also in the French catalogue's entry of the same id.
fn english_sentences() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (id, en) in entries(Lang::En) {
        let fr = text(Lang::Fr, id);
        let mut rest = en;
        let mut fragments = Vec::new();
        while let Some(open) = rest.find('{') {
            fragments.push(&rest[..open]);
            rest = rest[open..].find('}').map_or("", |c| &rest[open + c + 1..]);
        }
        fragments.push(rest);
        for f in fragments {
            let f = f.trim_matches(|c: char| c.is_whitespace() || c == '(' || c == ')');
            if f.split_whitespace().count() >= 3 && !fr.contains(f) {
                out.push((id.to_string(), f.to_string()));
            }
        }
    }
    out
}

#[test]
fn the_french_report_holds_no_english_sentence() {
    let (_dir, report) = demo();
    let sentences = english_sentences();
    assert!(sentences.len() > 60, "{} sentences", sentences.len());
    for format in [
        Format::Human,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Sarif,
        Format::Junit,
    ] {
        let mut fr = report::render(&report, format, false, Lang::Fr);
        if format == Format::Markdown {
            // The proposed SQL's comments are in English: drop the fenced blocks.
            fr = without_fences(&fr);
        }
        if format == Format::Html {
            fr = without_pre(&fr);
        }
        if format == Format::Json {
            // The proposed SQL's comments are still written in English (docs/reports.md).
            let mut v: serde_json::Value = serde_json::from_str(&fr).unwrap();
            for f in v["findings"].as_array_mut().unwrap() {
                f["remediation"] = serde_json::Value::Null;
            }
            fr = v.to_string();
        }
        if format == Format::Sarif {
            // The same proposed SQL, in each result's properties.
            let mut v: serde_json::Value = serde_json::from_str(&fr).unwrap();
            for r in v["runs"][0]["results"].as_array_mut().unwrap() {
                r["properties"]["remediation"] = serde_json::Value::Null;
            }
            fr = v.to_string();
        }
        let found: Vec<_> = sentences
            .iter()
            .filter(|(_, s)| fr.contains(s.as_str()))
            .collect();
        assert!(
            found.is_empty(),
            "{format:?}: English in the French report: {found:?}"
        );
        // Why a check did not run is said in French too (the demo's one skipped check).
        assert!(
            fr.contains("aucune personne concernée par cette finalité ne déclare de"),
            "{format:?}: the skipped check's reason"
        );
        // And the English report does hold the sentences it uses.
        let en = report::render(&report, format, false, Lang::En);
        assert!(en.contains("kept more than"), "{format:?}");
        assert!(
            fr.contains("au-delà de la durée de conservation"),
            "{format:?}"
        );
    }
}

#[test]
fn the_human_report_in_both_languages() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let text = report::render(&report, Format::Human, false, lang);
        insta::assert_snapshot!(format!("human-{lang}"), text);
    }
}

#[test]
fn the_json_report_keeps_its_machine_fields_in_every_language() {
    let (_dir, report) = demo();
    let parse = |lang| -> serde_json::Value {
        serde_json::from_str(&report::render(&report, Format::Json, false, lang)).unwrap()
    };
    let (en, fr) = (parse(Lang::En), parse(Lang::Fr));
    assert_eq!(en["lang"], "en");
    assert_eq!(fr["lang"], "fr");
    let findings = |v: &serde_json::Value| v["findings"].as_array().unwrap().clone();
    assert_eq!(findings(&en).len(), 31);
    for (e, f) in findings(&en).iter().zip(findings(&fr).iter()) {
        for key in [
            "rule",
            "severity",
            "purpose",
            "table",
            "column",
            "category",
            "count",
            "sample_keys",
            "query",
            "remediation",
        ] {
            assert_eq!(e[key], f[key], "{key}");
        }
        assert_ne!(e["message"], f["message"]);
    }
}

/// A Markdown text without its fenced code blocks.
fn without_fences(md: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in md.lines() {
        if line.starts_with("```") {
            inside = !inside;
            continue;
        }
        if !inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Values of the demo's rows that are personal data: e-mail addresses, passwords and hashes,
/// comment texts, the card security code.
fn personal_values() -> Vec<String> {
    let seed = vigie::demo::SEED;
    let mut out = Vec::new();
    let mut rest = seed;
    while let Some(open) = rest.find('\'') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('\'') else { break };
        let value = &after[..close];
        rest = &after[close + 1..];
        let comment = value.split_whitespace().count() >= 4;
        if value.contains('@') || comment {
            out.push(value.to_string());
        }
    }
    out.extend(
        [
            "soleil2019",
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "$2b$12$R9h",
            "FR76 3000",
        ]
        .map(String::from),
    );
    assert!(out.len() > 20, "{out:?}");
    out
}

#[test]
fn no_report_holds_a_comment_an_email_or_a_password() {
    let (_dir, report) = demo();
    let values = personal_values();
    for format in [
        Format::Human,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Sarif,
        Format::Junit,
    ] {
        for lang in Lang::ALL {
            let text = report::render(&report, format, false, lang);
            let leaked: Vec<_> = values
                .iter()
                .filter(|v| text.contains(v.as_str()))
                .collect();
            assert!(leaked.is_empty(), "{format:?} {lang}: {leaked:?}");
        }
    }
    // With --show-excerpts, masked excerpts are the one thing that may be added.
    let mut opts = options(AS_OF);
    opts.show_excerpts = true;
    let (_dir, shown) = demo_with(&opts);
    let md = report::render(&shown, Format::Markdown, false, Lang::En);
    assert!(md.contains("Masked excerpts (--show-excerpts):"), "{md}");
    let plain = report::render(&report, Format::Markdown, false, Lang::En);
    assert!(!plain.contains("Masked excerpts"));
    let html = report::render(&shown, Format::Html, false, Lang::En);
    assert!(html.contains("<dt>Masked excerpts (--show-excerpts)</dt>"));
}

#[test]
fn the_markdown_report_in_both_languages() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let text = report::render(&report, Format::Markdown, false, lang);
        insta::assert_snapshot!(format!("markdown-{lang}"), text);
    }
}

#[test]
fn the_markdown_summary_counts_rows_by_kind_and_names_three_actions() {
    let (_dir, report) = demo();
    let md = report::render(&report, Format::Markdown, false, Lang::En);
    let summary = &md[md.find("## Summary").unwrap()..md.find("## Findings by severity").unwrap()];
    for row in [
        "| Retention periods | 5 | 4 |",
        "| Consent | 7 | 7 |",
        "| Policy hygiene | 1 | — |",
        "| **Total** | **31** | **22** |",
    ] {
        assert!(summary.contains(row), "{row} not in\n{summary}");
    }
    assert!(summary.contains("**31 findings: 3 critical, 17 high, 10 medium, 1 low.**"));
    let actions: Vec<&str> = summary
        .lines()
        .filter(|l| l.starts_with(char::is_numeric))
        .collect();
    assert_eq!(actions.len(), 3, "{summary}");
    assert!(
        actions[1].starts_with("2. **Stop storing card security codes"),
        "{actions:?}"
    );
    // Sample keys say which table and column they are the values of.
    assert!(
        md.contains("- Sample keys (values of id in prospects): `1`\n"),
        "{md}"
    );
    // Evidence and method: each check's SQL and duration, the policy's digest.
    assert!(md.contains("### `retention-exceeded:prospection:prospects` — ok, 7 ms"));
    assert!(md.contains(&report.policy_sha256));
}

/// An HTML page without its `<pre>` blocks (the proposed SQL, commented in English).
fn without_pre(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<pre>") {
        out.push_str(&rest[..open]);
        rest = rest[open..]
            .find("</pre>")
            .map_or("", |c| &rest[open + c + 6..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn the_html_report_in_both_languages() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let text = report::render(&report, Format::Html, false, lang);
        insta::assert_snapshot!(format!("html-{lang}"), text);
    }
}

#[test]
fn the_html_report_fetches_nothing_and_runs_nothing() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let html = report::render(&report, Format::Html, false, lang);
        let lower = html.to_lowercase();
        for forbidden in [
            "<script",
            "src=",
            "href=",
            "@import",
            "url(",
            "http://",
            "https://",
            "<link",
            "<img",
            "<iframe",
            "<object",
            "<embed",
            "@font-face",
            " on",
        ] {
            let hit = match forbidden {
                // An event handler attribute (`onload=`), not a word starting with "on".
                " on" => lower.match_indices(" on").any(|(i, _)| {
                    let rest = &lower[i + 3..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .collect();
                    rest[name.len()..].starts_with('=')
                }),
                _ => lower.contains(forbidden),
            };
            assert!(!hit, "{lang}: `{forbidden}` in the page");
        }
        assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        assert!(html.contains("@media print"));
        assert!(html.contains("break-before: page"));
        assert!(html.contains("<svg class=\"chart\""));
        assert_eq!(html.matches("<article class=\"finding\"").count(), 31);
        assert!(html.contains("<pre><code class=\"sql\">"));
    }
}

/// The number inside the first element carrying `attr`.
fn marked(html: &str, attr: &str) -> u64 {
    let at = html
        .find(attr)
        .unwrap_or_else(|| panic!("{attr} not in the page"));
    let rest = &html[at..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find('<').unwrap();
    rest[open..close]
        .parse()
        .unwrap_or_else(|e| panic!("{attr}: {e}"))
}

#[test]
fn the_html_summary_counts_equal_the_json_report() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let html = report::render(&report, Format::Html, false, lang);
        let json: serde_json::Value =
            serde_json::from_str(&report::render(&report, Format::Json, false, lang)).unwrap();
        let summary = &json["summary"];
        assert_eq!(
            marked(&html, "data-summary=\"findings\""),
            summary["findings"].as_u64().unwrap()
        );
        assert_eq!(
            marked(&html, "data-summary=\"errors\""),
            summary["errors"].as_u64().unwrap()
        );
        let by_severity = summary["by_severity"].as_object().unwrap();
        assert_eq!(by_severity.len(), 4);
        for (severity, n) in by_severity {
            assert_eq!(
                marked(&html, &format!("data-severity=\"{severity}\"")),
                n.as_u64().unwrap(),
                "{severity}"
            );
        }
        // The chart's bars add up to the findings.
        let bars: u64 = html
            .split("<g data-family=")
            .skip(1)
            .map(|g| {
                let g = &g[..g.find("</g>").unwrap()];
                let last = &g[..g.rfind("</text>").unwrap()];
                last[last.rfind('>').unwrap() + 1..].parse::<u64>().unwrap()
            })
            .sum();
        assert_eq!(bars, summary["findings"].as_u64().unwrap());
    }
}

#[test]
fn names_from_the_database_cannot_inject_markup() {
    let (_dir, mut report) = demo();
    let evil = "<script>alert(1)</script><img src=https://x.example/a.png>*b*|`c`";
    report.findings[0].table = Some(evil.into());
    report.findings[0].sample_keys = vec![evil.into()];
    report.purposes[0].1 = evil.into();
    let html = report::render(&report, Format::Html, false, Lang::En);
    assert!(!html.contains("<script>") && !html.contains("<img"), "HTML");
    assert!(
        html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=https://x.example/a.png&gt;"
        )
    );
    let md = report::render(&report, Format::Markdown, false, Lang::En);
    // Inside a code span `<script>` is text; outside one it would be HTML a wiki renders.
    let prose: String = without_fences(&md)
        .lines()
        .map(without_code_spans)
        .collect();
    assert!(
        !prose.contains("<script>") && !prose.contains("<img"),
        "Markdown: {}",
        md.lines()
            .filter(|l| l.contains("<script>"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        md.contains("`` <script>alert(1)</script><img src=https://x.example/a.png>*b*\\|`c` ``")
    );
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
}

/// A Markdown line without its code spans (a run of n backticks up to the next run of n).
fn without_code_spans(line: &str) -> String {
    let b = line.as_bytes();
    let run = |i: usize| b[i..].iter().take_while(|c| **c == b'`').count();
    let (mut out, mut i) = (String::new(), 0);
    while i < b.len() {
        if b[i] != b'`' {
            let next = line[i..].find('`').map_or(b.len(), |n| i + n);
            out.push_str(&line[i..next]);
            i = next;
            continue;
        }
        let n = run(i);
        let mut j = i + n;
        loop {
            match line[j..].find('`') {
                None => return out,
                Some(k) if run(j + k) == n => {
                    i = j + k + n;
                    break;
                }
                Some(k) => j += k + run(j + k),
            }
        }
    }
    out
}

#[test]
fn the_sarif_and_junit_reports_in_both_languages() {
    let (_dir, report) = demo();
    for lang in Lang::ALL {
        let sarif = report::render(&report, Format::Sarif, false, lang);
        insta::assert_snapshot!(format!("sarif-{lang}"), sarif);
        let junit = report::render(&report, Format::Junit, false, lang);
        insta::assert_snapshot!(format!("junit-{lang}"), junit);
    }
}

#[test]
fn sarif_has_a_result_per_finding_at_its_logical_location_and_each_rule_with_help() {
    let (_dir, report) = demo();
    let text = report::render(&report, Format::Sarif, false, Lang::En);
    // The crate's own types read it back: it is SARIF 2.1.0 as the schema defines it.
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("SARIF 2.1.0");
    assert_eq!(log.version, serde_json::json!("2.1.0"));
    let run = &log.runs[0];
    let results = run.results.as_ref().unwrap();
    assert_eq!(results.len(), report.findings.len());
    let rules = run.tool.driver.rules.as_ref().unwrap();
    let mut ids: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ids);
    for r in rules {
        let help = r
            .help
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no help", r.id));
        assert!(help.text.len() > 40, "{}: {}", r.id, help.text);
        assert!(r.short_description.is_some() && r.full_description.is_some());
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].as_str())
        .collect();
    assert!(
        names.contains(&"main.interactions.commentaire"),
        "{names:?}"
    );
    assert!(names.contains(&"main.prospects"), "{names:?}");
    // Every finding on a table has its logical location; the others their line of the policy.
    assert_eq!(
        names.len(),
        report.findings.iter().filter(|f| f.table.is_some()).count()
    );
    let lines = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64())
        .count();
    assert_eq!(names.len() + lines, report.findings.len());
    for (r, f) in v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&report.findings)
    {
        let rule =
            &v["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
        assert_eq!(r["ruleId"], f.rule.as_str());
        assert_eq!(r["properties"]["count"], f.count);
    }
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn junit_has_a_test_case_per_check_failures_at_fail_on_and_errors_for_checks_not_run() {
    use quick_junit::{NonSuccessKind, TestCaseStatus};
    use vigie::finding::{CheckStatus, Severity};
    let (_dir, mut report) = demo();
    // One check that could not run.
    let broken = report
        .checks
        .iter_mut()
        .find(|c| c.id == "retention-exceeded:newsletter:consentements")
        .unwrap();
    broken.status = CheckStatus::Error;
    broken.reason = Some("canceling statement due to statement timeout".into());
    let count = |fail_on: Option<Severity>| {
        let options = report::RenderOptions {
            color: false,
            lang: Lang::En,
            fail_on,
            excused: &|_| false,
        };
        let xml = report::render_with(&report, Format::Junit, &options);
        let parsed = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML");
        let cases: Vec<_> = parsed
            .test_suites
            .iter()
            .flat_map(|s| s.test_cases.iter())
            .collect();
        let kind = |k: NonSuccessKind| {
            cases
                .iter()
                .filter(
                    |c| matches!(&c.status, TestCaseStatus::NonSuccess { kind, .. } if *kind == k),
                )
                .count()
        };
        let skipped = cases
            .iter()
            .filter(|c| matches!(c.status, TestCaseStatus::Skipped { .. }))
            .count();
        assert_eq!(parsed.tests, cases.len());
        assert_eq!(parsed.failures, kind(NonSuccessKind::Failure));
        assert_eq!(parsed.errors, kind(NonSuccessKind::Error));
        (
            cases.len(),
            kind(NonSuccessKind::Failure),
            kind(NonSuccessKind::Error),
            skipped,
        )
    };
    let checks = report.checks.len();
    let skipped = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Skipped)
        .count();
    assert_eq!((checks, skipped), (57, 9));
    // Every check whose findings reach low fails; the broken check is an error.
    let failing_checks = |threshold: Severity| {
        let mut hit = std::collections::BTreeSet::new();
        for f in report.findings.iter().filter(|f| f.severity >= threshold) {
            hit.insert(vigie::report::junit::check_of(&report.checks, f).expect("a check"));
        }
        hit.len()
    };
    assert_eq!(
        count(Some(Severity::Low)),
        (57, failing_checks(Severity::Low), 1, 9)
    );
    assert_eq!(
        count(Some(Severity::Critical)),
        (57, failing_checks(Severity::Critical), 1, 9)
    );
    assert_eq!(failing_checks(Severity::Critical), 3);
    assert_eq!(count(None), (57, 0, 1, 9));
    // The errors are the JSON's summary.errors.
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&report, Format::Json, false, Lang::En)).unwrap();
    assert_eq!(json["summary"]["errors"], 1);
    // The findings that fail are in the failure's text, those below the threshold in system-out.
    let xml = report::render_with(
        &report,
        Format::Junit,
        &report::RenderOptions {
            color: false,
            lang: Lang::En,
            fail_on: Some(Severity::High),
            excused: &|_| false,
        },
    );
    assert!(xml.contains("<failure message=\"1 finding at or above high\" type=\"high\">[high] retention-exceeded prospects: 1 row of prospects kept more than 3y after dernier_contact"), "{xml}");
    assert!(
        xml.contains("1 finding below high\n[medium] retention-anchor-missing prospects"),
        "{xml}"
    );
    assert!(xml.contains("<error message=\"check retention-exceeded:newsletter:consentements could not run: canceling statement due to statement timeout\" type=\"check-error\"/>"), "{xml}");
}

#[test]
fn every_finding_of_the_demo_belongs_to_a_check() {
    let (_dir, report) = demo();
    for f in &report.findings {
        let i = vigie::report::junit::check_of(&report.checks, f)
            .unwrap_or_else(|| panic!("{} {:?} has no check", f.rule, f.object()));
        assert!(report.checks[i].rules.contains(&f.rule));
    }
}

/// What the migration gate writes, in French: a migration corpus with findings of every kind the
/// gate gives (a column the policy names, a syntax error, an ignore without reason, an ignore
/// that matches nothing).
#[test]
fn the_french_gate_holds_no_english_sentence() {
    use vigie::migrations::gate::{SourceFile, check};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let policy = vigie::policy::load(
        &root.join("testdata/migrations/policy.toml"),
        vigie::dialect::Dialect::Postgres,
    )
    .unwrap();
    let mut files = Vec::new();
    let dir = root.join("testdata/migrations/postgres/flyway");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    paths.sort();
    for p in paths {
        files.push(SourceFile {
            path: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).unwrap(),
        });
    }
    files.push(SourceFile {
        path: "V9__ignores.sql".into(),
        text: "-- vigie:ignore sensitive-column\nALTER TABLE etudiants ADD COLUMN religion text;\n\
               -- vigie:ignore card-security-code not a card\nALTER TABLE etudiants ADD COLUMN note int;\n\
               ALTER TABLE etudiants ADD COLUMN sante text;\n\
               CREATE TABLE broken (id int,, x);\n"
            .into(),
    });
    let report = check(
        files,
        &policy,
        vigie::migrations::SqlDialect::Postgres,
        Default::default(),
    );
    let rules: std::collections::BTreeSet<&str> =
        report.findings.iter().map(|f| f.rule.as_str()).collect();
    for rule in ["syntax-error", "waiver-unused", "sensitive-column"] {
        assert!(rules.contains(rule), "{rule} not in {rules:?}");
    }
    assert!(!report.errors.is_empty());
    let sentences = english_sentences();
    use vigie::finding::Severity;
    use vigie::report::gate;
    for (name, fr, en) in [
        (
            "human",
            gate::human_in(&report, false, 400, Lang::Fr),
            gate::human_in(&report, false, 400, Lang::En),
        ),
        (
            "json",
            gate::json_in(&report, Lang::Fr),
            gate::json_in(&report, Lang::En),
        ),
        (
            "sarif",
            gate::sarif_in(&report, Lang::Fr),
            gate::sarif_in(&report, Lang::En),
        ),
        (
            "junit",
            gate::junit_in(&report, Some(Severity::Low), Lang::Fr),
            gate::junit_in(&report, Some(Severity::Low), Lang::En),
        ),
        (
            "github",
            gate::github_in(&report, Lang::Fr),
            gate::github_in(&report, Lang::En),
        ),
        (
            "gitlab",
            vigie::report::gitlab::gate_in(&report, Lang::Fr),
            vigie::report::gitlab::gate_in(&report, Lang::En),
        ),
    ] {
        // The parser's own message (sqlparser's, in English) is quoted as it is.
        let found: Vec<_> = sentences
            .iter()
            .filter(|(_, s)| fr.contains(s.as_str()))
            .collect();
        assert!(
            found.is_empty(),
            "{name}: English in the French gate: {found:?}"
        );
        assert!(
            en.contains("matches no finding of the statement below it"),
            "{name}"
        );
        assert!(
            fr.contains("ne correspond à aucun constat de l'instruction qui le suit")
                || fr.contains("ne correspond à aucun constat de l&apos;instruction qui le suit"),
            "{name}: {fr}"
        );
    }
}

/// A check that could not be planned (the policy names a column the database does not have)
/// says why in the report's language.
#[test]
fn why_a_check_could_not_run_is_said_in_french() {
    let (_dir, path) = sqlite_fixture(vigie::demo::SEED);
    let url = format!("sqlite://{}", path.display());
    let policy =
        vigie::demo::POLICY.replace("from = \"dernier_contact\"", "from = \"dernier_contct\"");
    assert_ne!(policy, vigie::demo::POLICY);
    let report = scan_with(&policy, &url, &options(AS_OF));
    let broken: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == vigie::finding::CheckStatus::Error)
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        broken.contains(&"retention-exceeded:prospection:prospects"),
        "{broken:?}"
    );
    for format in [
        Format::Human,
        Format::Markdown,
        Format::Html,
        Format::Junit,
        Format::Sarif,
        Format::Json,
    ] {
        // Markdown escapes the backticks, HTML and XML the apostrophe.
        let plain = |s: String| {
            s.replace("\\`", "`")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
        };
        let fr = plain(report::render(&report, format, false, Lang::Fr));
        assert!(
            fr.contains("la colonne `dernier_contct` n'existe pas dans la table `prospects`"),
            "{format:?}: {}",
            fr.lines()
                .filter(|l| l.contains("dernier_contct"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        // The policy problem behind it too.
        assert!(!fr.contains("does not exist"), "{format:?}");
        let en = plain(report::render(&report, format, false, Lang::En));
        assert!(
            en.contains("column `dernier_contct` does not exist in table `prospects`"),
            "{format:?}"
        );
    }
}
