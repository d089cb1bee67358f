//! Free-text scanning end to end: the same findings on SQLite, PostgreSQL and MariaDB, and no
//! comment text or identifier in any output unless `--show-excerpts`.

mod common;
use assert_cmd::Command;
use common::*;

/// One labelled French or English corpus line in three, as a CRM table.
fn comments() -> Vec<String> {
    ["tune-fr.tsv", "tune-en.tsv"]
        .iter()
        .flat_map(|f| corpus_texts(&[f]).into_iter().step_by(3))
        .collect()
}

fn fixture_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE interactions (id INTEGER PRIMARY KEY, canal TEXT, commentaire TEXT);\n",
    );
    for (i, c) in comments().iter().enumerate() {
        sql.push_str(&format!(
            "INSERT INTO interactions VALUES ({}, 'email', '{}');\n",
            i + 1,
            c.replace('\'', "''")
        ));
    }
    sql.push_str("INSERT INTO interactions VALUES (100000, 'email', NULL);\n");
    sql
}

const POLICY: &str = r#"
[free_text]
columns = ["interactions.commentaire"]
lexicons = ["fr", "en"]

[[purpose]]
id = "suivi"
legal_basis = "legitimate-interest"
data = ["interactions.commentaire"]
"#;

/// (rule, category, count, sample keys, term counts).
type FreeTextRow = (String, Option<String>, u64, Vec<String>, Vec<(String, u64)>);

fn free_text_rows(r: &vigie::scan::ScanReport) -> Vec<FreeTextRow> {
    r.findings
        .iter()
        .filter(|f| f.rule.starts_with("free-text"))
        .map(|f| {
            (
                f.rule.clone(),
                f.category.clone(),
                f.count,
                f.sample_keys.clone(),
                f.terms.iter().map(|t| (t.term.clone(), t.count)).collect(),
            )
        })
        .collect()
}

/// `vigie scan URL --policy POLICY --as-of AS_OF` with `extra` arguments, expecting exit `code`.
fn scan_cli(
    url: &str,
    policy: &std::path::Path,
    extra: &[&str],
    code: i32,
) -> assert_cmd::assert::Assert {
    let mut args = vec![
        "scan",
        url,
        "--policy",
        policy.to_str().unwrap(),
        "--as-of",
        AS_OF,
    ];
    args.extend_from_slice(extra);
    Command::cargo_bin("vigie")
        .unwrap()
        .args(args)
        .assert()
        .code(code)
}

#[test]
fn every_backend_finds_the_same() {
    let sql = fixture_sql();
    let loaded = every_backend("free_text", &sql);
    let lite = scan_text(POLICY, &loaded[0].url, AS_OF);
    let lite_rows = free_text_rows(&lite);
    assert!(lite_rows.len() >= 8, "{lite_rows:?}");
    let categories: Vec<&str> = lite_rows.iter().filter_map(|r| r.1.as_deref()).collect();
    for c in ["insult", "health", "religion", "nir", "iban", "scholarship"] {
        assert!(categories.contains(&c), "no {c} finding: {categories:?}");
    }
    // Contact details are ordinary CRM content: not reported unless the policy asks, and then
    // at info severity. A scholarship status is low severity, not financial hardship.
    assert!(
        !categories.contains(&"phone") && !categories.contains(&"email"),
        "{categories:?}"
    );
    let severity_of = |r: &vigie::scan::ScanReport, c: &str| {
        r.findings
            .iter()
            .find(|f| f.category.as_deref() == Some(c))
            .map(|f| f.severity)
    };
    assert_eq!(
        severity_of(&lite, "scholarship"),
        Some(vigie::finding::Severity::Low)
    );
    let asked = POLICY.replace(
        "lexicons = [\"fr\", \"en\"]",
        "lexicons = [\"fr\", \"en\"]\ncontact_details = true",
    );
    let with_contacts = scan_text(&asked, &loaded[0].url, AS_OF);
    for c in ["phone", "email"] {
        assert_eq!(
            severity_of(&with_contacts, c),
            Some(vigie::finding::Severity::Info),
            "{c}"
        );
    }
    for l in &loaded[1..] {
        let other = scan_text(POLICY, &l.url, AS_OF);
        assert!(
            other.errors().iter().all(|e| !e.starts_with("free-text")),
            "{}: {:?}",
            l.backend,
            other.errors()
        );
        assert_eq!(free_text_rows(&other), lite_rows, "{}", l.backend);
        let messages = |r: &vigie::scan::ScanReport| {
            r.findings
                .iter()
                .filter(|f| f.rule.starts_with("free-text"))
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&other), messages(&lite), "{}", l.backend);
    }
}

/// MariaDB: the flagged comments set to NULL by the proposed SQL, in MySQL syntax.
#[test]
fn remediation_nulls_exactly_the_flagged_rows_on_mariadb() {
    let Some(url) = mysql_fixture("free_text_fix", &fixture_sql()) else {
        return;
    };
    let mut opts = options(AS_OF);
    opts.max_keys = 0;
    let before = scan_with(POLICY, &url, &opts);
    let flagged: std::collections::BTreeSet<String> = before
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("free-text"))
        .flat_map(|f| f.sample_keys.clone())
        .collect();
    assert!(flagged.len() > 20, "{flagged:?}");
    let script: String = before
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("free-text"))
        .filter_map(|f| f.remediation.as_ref().map(|r| r.sql.clone()))
        .collect();
    assert!(
        script.contains("UPDATE `interactions` SET `commentaire` = NULL WHERE `id` IN ("),
        "{script}"
    );
    mysql_exec(&url, &script).unwrap();
    let nulls = mysql_rows(
        &url,
        "SELECT count(*) FROM interactions WHERE commentaire IS NULL",
    );
    assert_eq!(nulls, vec![vec![Some((flagged.len() + 1).to_string())]]);
    let after = scan_with(POLICY, &url, &opts);
    assert!(free_text_rows(&after).is_empty());
}

#[test]
fn nothing_of_the_text_leaves_without_show_excerpts() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, POLICY).unwrap();
    let fix = dir.path().join("fix.sql");
    let url = format!("sqlite://{}", path.display());
    let mut outputs = String::new();
    for format in ["human", "json"] {
        let out = scan_cli(
            &url,
            &policy,
            &[
                "--format",
                format,
                "--max-keys",
                "0",
                "--remediation",
                fix.to_str().unwrap(),
            ],
            1,
        );
        outputs.push_str(&String::from_utf8_lossy(&out.get_output().stdout));
        outputs.push_str(&String::from_utf8_lossy(&out.get_output().stderr));
        outputs.push_str(&std::fs::read_to_string(&fix).unwrap());
    }
    let digits = regex::Regex::new(r"\d[\d .-]{7,}\d").unwrap();
    for c in comments() {
        // No comment, and no fragment of one, and no identifier number.
        let words: Vec<&str> = c.split_whitespace().collect();
        for w in words.windows(5) {
            let frag = w.join(" ");
            if frag.len() >= 24 {
                assert!(!outputs.contains(&frag), "`{frag}` leaked");
            }
        }
        for m in digits.find_iter(&c) {
            let compact: String = m
                .as_str()
                .chars()
                .filter(|ch| ch.is_ascii_digit())
                .collect();
            if compact.len() >= 9 {
                assert!(!outputs.contains(m.as_str()), "`{}` leaked", m.as_str());
            }
        }
        for w in &words {
            if w.contains('@') && w.len() > 6 {
                assert!(
                    !outputs.contains(w.trim_matches(|ch: char| !ch.is_alphanumeric())),
                    "`{w}` leaked"
                );
            }
        }
    }
    // With --show-excerpts, excerpts appear, masked.
    let out = scan_cli(&url, &policy, &["--format", "json", "--show-excerpts"], 1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let excerpts: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["excerpts"].as_array().cloned().unwrap_or_default())
        .map(|e| e.as_str().unwrap().to_string())
        .collect();
    assert!(!excerpts.is_empty());
    assert!(
        excerpts.iter().any(|e| e.contains("[health:")),
        "{excerpts:?}"
    );
    for e in &excerpts {
        assert!(!digits.is_match(e), "digits in excerpt {e}");
    }
}

#[test]
fn remediation_nulls_exactly_the_flagged_rows() {
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let url = format!("sqlite://{}", path.display());
    let mut opts = options(AS_OF);
    opts.max_keys = 0;
    let before = scan_with(POLICY, &url, &opts);
    let flagged: std::collections::BTreeSet<String> = before
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("free-text"))
        .flat_map(|f| f.sample_keys.clone())
        .collect();
    let script: String = before
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("free-text"))
        .filter_map(|f| f.remediation.as_ref().map(|r| r.sql.clone()))
        .collect();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&script).unwrap();
    let nulls: i64 = conn
        .query_row(
            "SELECT count(*) FROM interactions WHERE commentaire IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(nulls as usize, flagged.len() + 1);
    let after = scan_with(POLICY, &url, &opts);
    assert!(free_text_rows(&after).is_empty());
}

#[test]
fn lexicons_that_cannot_be_built_fail_the_free_text_check_only() {
    // The lexicons compile on a thread of their own while the scan connects: a policy term
    // they refuse must still come back as this check's error, with every other check run.
    let (_dir, path) = sqlite_fixture(&fixture_sql());
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.toml");
    let bad = POLICY.replace(
        "lexicons = [\"fr\", \"en\"]",
        "lexicons = [\"fr\", \"en\"]\nextra_terms = [{ term = \"ab*\", category = \"insult\" }]",
    );
    std::fs::write(&policy, bad).unwrap();
    let url = format!("sqlite://{}", path.display());
    let out = scan_cli(
        &url,
        &policy,
        &["--format", "json", "--fail-on", "never"],
        2,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let checks = report["checks"].as_array().unwrap();
    let free_text: Vec<&serde_json::Value> = checks
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("free-text:"))
        .collect();
    assert_eq!(free_text.len(), 1);
    assert_eq!(free_text[0]["status"], "error");
    assert!(
        free_text[0]["reason"]
            .as_str()
            .unwrap()
            .contains("the lexicons could not be built"),
        "{}",
        free_text[0]["reason"]
    );
    let others: Vec<&str> = checks
        .iter()
        .filter(|c| !c["id"].as_str().unwrap().starts_with("free-text:"))
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert!(!others.is_empty());
    assert!(others.iter().all(|s| *s == "ok"), "{others:?}");
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["rule"].as_str().unwrap().starts_with("free-text"))
    );
}

/// A column of many batches, matched by several workers at once: the counts are exact, the
/// sample keys are the smallest, the excerpts those of the first rows read, every time and on
/// every backend.
#[test]
fn many_batches_give_exact_and_stable_findings() {
    const ROWS: usize = 20_000;
    let mut sql = String::from("CREATE TABLE notes (id INTEGER PRIMARY KEY, commentaire TEXT);\n");
    let mut insults = Vec::new();
    for chunk in (1..=ROWS).collect::<Vec<_>>().chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|&i| {
                // One row in 2,100, in a different batch each time (and the very last), calls
                // someone an idiot; the rest are clean.
                let text = if i % 2100 == 0 || i == ROWS {
                    insults.push(i.to_string());
                    let day = ["lundi", "mardi", "jeudi", "vendredi", "samedi"][(i / 2100) % 5];
                    format!("Appel du {i} : le client est un idiot, rappeler {day}")
                } else {
                    format!("Appel du {i} : dossier complet, rappeler lundi")
                };
                format!("({i}, '{text}')")
            })
            .collect();
        sql.push_str(&format!(
            "INSERT INTO notes VALUES {};\n",
            values.join(", ")
        ));
    }
    let policy = "[free_text]\ncolumns = [\"notes.commentaire\"]\n";
    let mut opts = options(AS_OF);
    opts.show_excerpts = true;
    opts.max_keys = 5;
    for loaded in every_backend("free_text_batches", &sql) {
        let mut seen = Vec::new();
        for _ in 0..3 {
            let report = scan_with(policy, &loaded.url, &opts);
            let f: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.rule.starts_with("free-text"))
                .collect();
            assert_eq!(f.len(), 1, "{}: {f:?}", loaded.backend);
            assert_eq!(f[0].category.as_deref(), Some("insult"));
            assert_eq!(f[0].count, insults.len() as u64, "{}", loaded.backend);
            assert_eq!(f[0].sample_keys, ["2100", "4200", "6300", "8400", "10500"]);
            assert_eq!(f[0].excerpts.len(), 3, "{}", loaded.backend);
            // Rows 2100, 4200 and 6300, in that order (digits are masked, the day is not).
            for (e, day) in f[0].excerpts.iter().zip(["mardi", "jeudi", "vendredi"]) {
                assert!(e.contains(day), "{}: {e}", loaded.backend);
            }
            let sql = &f[0].remediation.as_ref().expect("remediation").sql;
            assert!(sql.contains(&format!(", {})", ROWS)), "{}", loaded.backend);
            seen.push(f[0].excerpts.clone());
        }
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    }
}

/// Several free-text columns scanned at once, by as many sessions, share one pool of matching
/// workers: every column ends, with its exact count.
#[test]
fn columns_scanned_at_once_share_the_workers() {
    const ROWS: usize = 12_000;
    let mut sql = String::from(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, commentaire TEXT, remarque TEXT, suivi TEXT);\n",
    );
    for chunk in (1..=ROWS).collect::<Vec<_>>().chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|&i| {
                let insult = if i % 1000 == 0 {
                    "un idiot"
                } else {
                    "un client"
                };
                format!("({i}, 'Appel : {insult}', 'Note : {insult}', 'Suivi : {insult}')")
            })
            .collect();
        sql.push_str(&format!(
            "INSERT INTO notes VALUES {};\n",
            values.join(", ")
        ));
    }
    let policy =
        "[free_text]\ncolumns = [\"notes.commentaire\", \"notes.remarque\", \"notes.suivi\"]\n";
    let mut opts = options(AS_OF);
    opts.jobs = 3;
    for loaded in every_backend("free_text_columns", &sql) {
        let report = scan_with(policy, &loaded.url, &opts);
        let mut got: Vec<(String, u64)> = report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("free-text"))
            .map(|f| (f.column.clone().unwrap_or_default(), f.count))
            .collect();
        got.sort();
        let expected: Vec<(String, u64)> = ["commentaire", "remarque", "suivi"]
            .iter()
            .map(|c| (c.to_string(), (ROWS / 1000) as u64))
            .collect();
        assert_eq!(got, expected, "{}", loaded.backend);
    }
}
