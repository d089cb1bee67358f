//! The scan as a JUnit XML test report, for CI systems that show test results: one test case per
//! check, in one suite per rule family. A check whose findings reach `--fail-on` is a failure
//! (its findings in the failure's text), a check that could not run is an error, a skipped check
//! is skipped with its reason; each reference of the policy the database does not have is an
//! error too, so the report's errors are the JSON's `summary.errors`. Written with `quick-junit`.
//!
//! A finding does not name the check that produced it: it is attached to the check that may
//! yield its rule and whose id names most of its purpose, table and `table.column`. A finding
//! no check claims (none in vigie's own rules) gets a test case of its own, so nothing is lost.

use super::document::{self as doc};
use crate::finding::{CheckOutcome, CheckStatus, Finding};
use crate::i18n::{Lang, text, tr};
use crate::scan::ScanReport;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

/// The index of the check a finding came from, if any check may yield its rule.
pub fn check_of(checks: &[CheckOutcome], f: &Finding) -> Option<usize> {
    let object = f.object();
    let score = |c: &CheckOutcome| {
        c.id.split(':')
            .skip(1)
            .map(|segment| {
                if object.as_deref() == Some(segment) {
                    2
                } else if f.table.as_deref() == Some(segment)
                    || f.purpose.as_deref() == Some(segment)
                {
                    1
                } else {
                    0
                }
            })
            .sum::<u32>()
    };
    let mut best: Option<(usize, u32)> = None;
    for (i, c) in checks.iter().enumerate() {
        if !c.rules.contains(&f.rule) {
            continue;
        }
        let s = score(c);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// The family a check belongs to: its first rule's, `custom` for the policy's own checks.
fn family_of_check(c: &CheckOutcome) -> &'static str {
    let family = c
        .rules
        .first()
        .and_then(|r| crate::rules::registry().get(r))
        .map(|r| r.family.as_str())
        .unwrap_or("custom");
    doc::FAMILIES
        .iter()
        .copied()
        .find(|x| *x == family)
        .unwrap_or("custom")
}

fn finding_line(report: &ScanReport, f: &Finding, lang: Lang) -> String {
    let object = f.object().map(|o| format!(" {o}")).unwrap_or_default();
    let keys = if f.sample_keys.is_empty() {
        String::new()
    } else {
        let label = doc::key_label(report, f, lang);
        format!(
            "; {} {}",
            tr(lang, "report.keys", &[("label", &label)]),
            f.sample_keys.join(", ")
        )
    };
    format!(
        "[{}] {}{object}: {}{keys} ({})",
        f.severity,
        f.rule,
        f.message_in(lang),
        super::legal_reference(f, lang)
    )
}

/// The test case of a check with the findings attached to it.
fn case(
    report: &ScanReport,
    c: &CheckOutcome,
    findings: &[&Finding],
    options: &super::RenderOptions,
    threshold: &str,
) -> TestCase {
    let lang = options.lang;
    let reason = c.reason_in(lang).unwrap_or_default();
    let failing: Vec<&&Finding> = findings.iter().filter(|f| options.fails(f)).collect();
    let status = match c.status {
        CheckStatus::Error => {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Error);
            s.set_message(tr(
                lang,
                "machine.not-run",
                &[("check", &c.id), ("reason", &reason)],
            ))
            .set_type("check-error");
            s
        }
        CheckStatus::Skipped => {
            let mut s = TestCaseStatus::skipped();
            s.set_message(tr(
                lang,
                "machine.skipped",
                &[("check", &c.id), ("reason", &reason)],
            ));
            s
        }
        CheckStatus::Ok if !failing.is_empty() => {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let worst = failing
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(crate::finding::Severity::Info);
            let lines: Vec<String> = failing
                .iter()
                .map(|f| finding_line(report, f, lang))
                .collect();
            s.set_message(tr(
                lang,
                "machine.findings",
                &[("n", &failing.len()), ("severity", &threshold)],
            ))
            .set_type(worst.as_str())
            .set_description(lines.join("\n"));
            s
        }
        CheckStatus::Ok => TestCaseStatus::success(),
    };
    let mut case = TestCase::new(c.id.as_str(), status);
    case.set_classname(format!("vigie.{}", family_of_check(c)))
        .set_time(Duration::from_millis(c.duration_ms));
    let passing: Vec<String> = findings
        .iter()
        .filter(|f| !options.fails(f))
        .map(|f| finding_line(report, f, lang))
        .collect();
    if !passing.is_empty() {
        case.set_system_out(format!(
            "{}\n{}",
            tr(
                lang,
                "machine.below",
                &[("n", &passing.len()), ("severity", &threshold)]
            ),
            passing.join("\n")
        ));
    }
    case
}

pub fn render(report: &ScanReport, options: &super::RenderOptions) -> String {
    let lang = options.lang;
    let threshold = options
        .fail_on
        .map(|s| text(lang, &format!("severity-word.{s}")).to_string())
        .unwrap_or_else(|| "-".into());
    let mut attached: Vec<Vec<&Finding>> = vec![Vec::new(); report.checks.len()];
    let mut orphans: Vec<&Finding> = Vec::new();
    for f in &report.findings {
        match check_of(&report.checks, f) {
            Some(i) => attached[i].push(f),
            None => orphans.push(f),
        }
    }
    let mut suites: Vec<(&'static str, TestSuite)> = Vec::new();
    fn suite(suites: &mut Vec<(&'static str, TestSuite)>, family: &'static str) -> usize {
        match suites.iter().position(|(f, _)| *f == family) {
            Some(i) => i,
            None => {
                suites.push((family, TestSuite::new(format!("vigie.{family}"))));
                suites.len() - 1
            }
        }
    }
    let mut order: Vec<usize> = (0..report.checks.len()).collect();
    order.sort_by_key(|i| {
        let family = family_of_check(&report.checks[*i]);
        doc::FAMILIES.iter().position(|f| *f == family)
    });
    for i in order {
        let c = &report.checks[i];
        let at = suite(&mut suites, family_of_check(c));
        suites[at]
            .1
            .add_test_case(case(report, c, &attached[i], options, &threshold));
    }
    for f in orphans {
        let c = CheckOutcome {
            id: format!("findings:{}", f.rule),
            rules: vec![f.rule.clone()],
            status: CheckStatus::Ok,
            duration_ms: 0,
            reason: None,
            note: None,
            sql: None,
        };
        let at = suite(&mut suites, family_of_check(&c));
        suites[at]
            .1
            .add_test_case(case(report, &c, &[f], options, &threshold));
    }
    if !report.problems.is_empty() {
        let mut policy = TestSuite::new("vigie.policy");
        for p in &report.problems {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Error);
            s.set_message(format!(
                "{}:{}: {}",
                report.policy_path,
                p.line,
                p.message_in(options.lang)
            ))
            .set_type("policy-problem");
            if let Some(help) = &p.help {
                s.set_description(help.as_str());
            }
            let mut case = TestCase::new(format!("policy:{}:{}", report.policy_path, p.line), s);
            case.set_classname("vigie.policy");
            policy.add_test_case(case);
        }
        suites.push(("policy", policy));
    }
    let mut junit = Report::new(format!("vigie scan {}", report.target.database));
    junit.add_test_suites(suites.into_iter().map(|(_, s)| s));
    let mut out = junit
        .to_string()
        .expect("a JUnit report of strings always serialises");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
