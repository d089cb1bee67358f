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
    let (dir, path) = sqlite_fixture(vigie::demo::SEED);
    let url = format!("sqlite://{}", path.display());
    let mut report = scan_text(vigie::demo::POLICY, &url, AS_OF);
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
    for format in [Format::Human, Format::Json] {
        let mut fr = report::render(&report, format, false, Lang::Fr);
        if format == Format::Json {
            // The proposed SQL's comments are still written in English (docs/reports.md).
            let mut v: serde_json::Value = serde_json::from_str(&fr).unwrap();
            for f in v["findings"].as_array_mut().unwrap() {
                f["remediation"] = serde_json::Value::Null;
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
