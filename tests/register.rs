//! The record of processing activities (`vigie register`): the demo policy's record in both
//! languages and every format, every field of art. 30.1 present or TODO, the DPIA screening on
//! fixture policies, the new policy keys' diagnostics, and what the demo database shows.

mod common;
use common::*;
use serde_json::Value;
use vigie::dialect::Dialect;
use vigie::i18n::Lang;
use vigie::policy::record::DpiaCriterion;
use vigie::register::{self, ART_30_FIELDS};
use vigie::report::register::{DocFormat, render};

fn demo_register() -> register::Register {
    let policy = vigie::policy::load_str(
        vigie::demo::POLICY_PATH,
        vigie::demo::POLICY,
        Dialect::Sqlite,
    )
    .expect("the demo policy loads");
    register::build(&policy)
}

fn load(text: &str) -> vigie::policy::Policy {
    vigie::policy::load_str("policy.toml", text, Dialect::Sqlite)
        .unwrap_or_else(|e| panic!("{}", vigie::policy::diagnostic::render_plain(&e)))
}

#[test]
fn the_demo_register_in_both_languages_and_formats() {
    let r = demo_register();
    for lang in Lang::ALL {
        insta::assert_snapshot!(
            format!("register-markdown-{lang}"),
            render(&r, DocFormat::Markdown, lang)
        );
        insta::assert_snapshot!(
            format!("register-json-{lang}"),
            render(&r, DocFormat::Json, lang)
        );
    }
    insta::assert_snapshot!("register-html-fr", render(&r, DocFormat::Html, Lang::Fr));
}

#[test]
fn the_html_register_is_self_contained() {
    let html = render(&demo_register(), DocFormat::Html, Lang::Fr);
    assert!(html.contains("Content-Security-Policy"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("href="));
    assert!(html.contains("<strong class=\"todo\">TODO : à compléter</strong>"));
}

/// The statuses of every art. 30.1 field of a JSON record: the controller's, then each entry's.
fn statuses(json: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let ctl = &json["controller"];
    for field in [
        "name",
        "contact",
        "dpo",
        "representative",
        "joint_controllers",
    ] {
        out.push((
            format!("controller.{field}"),
            ctl[field]["status"].as_str().unwrap().to_string(),
        ));
    }
    for e in json["entries"].as_array().unwrap() {
        for field in &ART_30_FIELDS[4..] {
            let f = &e[*field];
            let status = f["status"]
                .as_str()
                .unwrap_or_else(|| panic!("{field}: {f}"));
            // A TODO has no value; every other status has one, or is "not applicable".
            assert_eq!(
                f["value"].is_null(),
                matches!(status, "todo" | "not-applicable"),
                "{field}: {f}"
            );
            out.push((
                format!("{}.{field}", e["id"].as_str().unwrap()),
                status.into(),
            ));
        }
    }
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Art. 30.1 (a) to (g): every field is in the record, stated, derived or marked TODO.
#[test]
fn every_field_of_article_30_is_present_or_todo() {
    assert_eq!(
        ART_30_FIELDS,
        [
            "controller",
            "dpo",
            "representative",
            "joint_controllers",
            "purpose",
            "legal_basis",
            "data_subjects",
            "data_categories",
            "recipients",
            "transfers",
            "retention",
            "security_measures",
        ]
    );
    // A policy that states nothing of the record: everything it cannot tell is TODO.
    let bare = load(
        r#"
[organisation]
name = "Lycée Exemple"
[[purpose]]
id = "vie-scolaire"
legal_basis = "public-task"
data = ["eleves.observation"]
"#,
    );
    let json: Value =
        serde_json::from_str(&render(&register::build(&bare), DocFormat::Json, Lang::En)).unwrap();
    assert_eq!(
        statuses(&json),
        pairs(&[
            ("controller.name", "stated"),
            ("controller.contact", "todo"),
            ("controller.dpo", "todo"),
            ("controller.representative", "not-applicable"),
            ("controller.joint_controllers", "todo"),
            ("vie-scolaire.purpose", "stated"),
            ("vie-scolaire.legal_basis", "stated"),
            ("vie-scolaire.data_subjects", "todo"),
            ("vie-scolaire.data_categories", "todo"),
            ("vie-scolaire.recipients", "todo"),
            ("vie-scolaire.transfers", "todo"),
            ("vie-scolaire.retention", "todo"),
            ("vie-scolaire.security_measures", "todo"),
        ])
    );
    assert_eq!(
        json["entries"][0]["unclassified_columns"],
        serde_json::json!(["eleves.observation"])
    );
    let md = render(&register::build(&bare), DocFormat::Markdown, Lang::En);
    assert_eq!(md.matches("**TODO: to be completed**").count(), 10, "{md}");

    // The demo policy states most of it; what it leaves out stays TODO.
    let json: Value =
        serde_json::from_str(&render(&demo_register(), DocFormat::Json, Lang::En)).unwrap();
    let todo: Vec<String> = statuses(&json)
        .into_iter()
        .filter(|(_, s)| s == "todo")
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        todo,
        [
            "espace-familles.recipients",
            "espace-familles.transfers",
            "espace-familles.retention",
            "espace-familles.security_measures",
            "newsletter.security_measures",
        ]
    );
    // A controller outside the EU with no representative: TODO.
    let abroad = load(
        "[organisation]\nname = \"x\"\ncountry = \"CH\"\n[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\n",
    );
    assert!(register::build(&abroad).controller.representative.is_todo());
}

fn screened(policy: &str) -> Vec<(String, Vec<DpiaCriterion>, bool)> {
    register::build(&load(policy))
        .entries
        .iter()
        .map(|e| (e.id.clone(), e.dpia.met(), e.dpia.required()))
        .collect()
}

const SUBJECTS: &str = r#"
[[subject]]
id = "eleve"
table = "eleves"
key = "id"
[[subject]]
id = "responsable"
table = "responsables"
key = "id"
"#;

#[test]
fn dpia_screening_with_zero_one_and_three_criteria() {
    let policy = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/policies/dpia")
            .join(name);
        std::fs::read_to_string(path).unwrap()
    };
    assert_eq!(
        screened(&policy("none.toml")),
        [("annuaire".into(), vec![], false)]
    );
    assert_eq!(
        screened(&policy("one.toml")),
        [(
            "infirmerie".into(),
            vec![DpiaCriterion::SensitiveData],
            false
        )]
    );
    let one = register::build(&load(&policy("one.toml")));
    assert_eq!(
        one.entries[0].dpia.criteria[3].reason.render(Lang::En),
        "the purpose processes Sensitive data (art. 9: health, racial or ethnic origin, political, religious or philosophical beliefs, trade union membership, sex life or orientation, genetic or biometric data): eleves.allergies"
    );
    let three = policy("three.toml");
    assert_eq!(
        screened(&three),
        [(
            "orientation".into(),
            vec![
                DpiaCriterion::Scoring,
                DpiaCriterion::AutomatedDecision,
                DpiaCriterion::CrossReferencing
            ],
            true
        )]
    );
    // Each criterion says why, in both languages.
    let r = register::build(&load(&three));
    let reasons: Vec<(String, bool, String)> = r.entries[0]
        .dpia
        .criteria
        .iter()
        .map(|c| (c.id.as_str().to_string(), c.met, c.reason.render(Lang::En)))
        .collect();
    let not = "not stated in the policy (dpia_criteria) and not shown by it";
    assert_eq!(
        reasons,
        [
            (
                "scoring".into(),
                true,
                "stated in the policy (dpia_criteria)".into()
            ),
            (
                "automated-decision".into(),
                true,
                "stated in the policy (dpia_criteria)".into()
            ),
            ("systematic-monitoring".into(), false, not.into()),
            (
                "sensitive-data".into(),
                false,
                "no art. 9 or 10 data or NIR among the purpose's data categories".into()
            ),
            (
                "large-scale".into(),
                false,
                "not stated; run with --url to count rows (threshold 10000)".into()
            ),
            (
                "cross-referencing".into(),
                true,
                "the purpose's data combines the tables of several subjects: eleve, responsable"
                    .into()
            ),
            ("vulnerable".into(), false, not.into()),
            ("innovative".into(), false, not.into()),
            ("exclusion-of-right".into(), false, not.into()),
        ]
    );
    assert_eq!(
        r.entries[0].dpia.criteria[5].reason.render(Lang::Fr),
        "les données de la finalité combinent les tables de plusieurs catégories de personnes : eleve, responsable"
    );
}

#[test]
fn the_cnil_list_requires_a_dpia_and_a_done_dpia_is_shown() {
    let policy = format!(
        "{SUBJECTS}[[purpose]]\nid = \"badgeuse\"\nlegal_basis = \"legal-obligation\"\nsubjects = [\"eleve\"]\ndata = [\"eleves.nom\"]\ndpia_list = [\"biometric-vulnerable\"]\ndpia = {{ date = \"2025-06-30\", reference = \"AIPD-7\" }}\n"
    );
    assert_eq!(screened(&policy), [("badgeuse".into(), vec![], true)]);
    let md = render(
        &register::build(&load(&policy)),
        DocFormat::Markdown,
        Lang::Fr,
    );
    assert!(
        md.contains("**AIPD obligatoire : le traitement figure sur la liste de la CNIL (délibération n° 2018-327) : données biométriques aux fins de reconnaissance de personnes parmi lesquelles des personnes « vulnérables ».**"),
        "{md}"
    );
    assert!(
        md.contains("AIPD réalisée le 2025-06-30, référence AIPD-7."),
        "{md}"
    );
}

#[test]
fn record_keys_are_validated_with_their_line() {
    let text = r#"[organisation]
name = "x"
processors = [{ name = "h", country = "France" }]
[[purpose]]
id = "p"
legal_basis = "contract"
recipients = [{ name = "r", kind = "sub-processor" }]
transfers = [{ recipient = "r", country = "DE", safeguard = "sccs" }]
security_measures = ["encryptoin", "Badge d'accès aux locaux"]
data_categories = ["health"]
dpia_criteria = ["large_scale", "profiling"]
dpia = { date = "last year" }
"#;
    // Unknown keys are reported first, alone, like every other unknown key.
    let unknown = "[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\n[[purpose.recipients]]\nname = \"y\"\nkind = \"internal\"\ncolour = \"red\"\n";
    let err = vigie::policy::load_str("p.toml", unknown, Dialect::Sqlite).unwrap_err();
    let out = vigie::policy::diagnostic::render_plain(&err);
    assert!(
        out.contains("unknown key `colour` in [purpose.recipients]"),
        "{out}"
    );
    assert!(out.contains("p.toml:7"), "{out}");

    let err = vigie::policy::load_str("p.toml", text, Dialect::Sqlite).unwrap_err();
    let out = vigie::policy::diagnostic::render_plain(&err);
    for expected in [
        "`France` is not a two-letter country code",
        "unknown recipient kind `sub-processor`",
        "`DE` is in the EU/EEA: sending data there is no transfer outside the EU",
        "unknown transfer safeguard `sccs`",
        "did you mean `scc`",
        "unknown security measure `encryptoin`",
        "did you mean `encryption`",
        "unknown data category `health`",
        "unknown DPIA criterion `profiling`",
        "`last year` is not a date",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // Eight problems: `large_scale` is read as `large-scale`, and the words of a measure are
    // kept as written.
    assert!(out.contains("8 problems in policy p.toml"), "{out}");
    // Each problem points at its line.
    for line in [
        "p.toml:3",
        "p.toml:7",
        "p.toml:8",
        "p.toml:9",
        "p.toml:10",
        "p.toml:11",
        "p.toml:12",
    ] {
        assert!(out.contains(line), "missing {line} in:\n{out}");
    }
    // A wrong type is a TOML type error at its place.
    let err = vigie::policy::load_str(
        "p.toml",
        "[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\nsecurity_measures = \"backup\"\n",
        Dialect::Sqlite,
    )
    .unwrap_err();
    let out = vigie::policy::diagnostic::render_plain(&err);
    assert!(out.contains("wrong value in the policy"), "{out}");
    assert!(out.contains("p.toml:4"), "{out}");
}

/// With a database: the demo's rows per purpose, retention measured, minors counted, and the
/// personal columns no purpose declares.
#[test]
fn the_register_reads_the_demo_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    vigie::demo::build(&path).unwrap();
    let target = vigie::db::Target::parse(&format!("sqlite://{}", path.display())).unwrap();
    let policy = vigie::policy::load_str(
        vigie::demo::POLICY_PATH,
        vigie::demo::POLICY,
        Dialect::Sqlite,
    )
    .unwrap();
    // The demo's dates are relative to today: it is read as of now.
    let opts = vigie::engine::ScanOptions {
        jobs: 2,
        ..vigie::engine::ScanOptions::default()
    };
    let seen = register::observe::read(&policy, &target, &opts).unwrap();
    let r = register::build_with(&policy, Some(&seen));
    type Counts = Vec<(String, Option<u64>)>;
    let observed: Vec<(String, Counts, Counts)> = r
        .entries
        .iter()
        .map(|e| {
            let o = e.observed.as_ref().unwrap();
            (
                e.id.clone(),
                o.tables.iter().map(|t| (t.table.clone(), t.rows)).collect(),
                o.retention
                    .iter()
                    .map(|x| (x.table.clone(), x.exceeded))
                    .collect(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        observed,
        [
            (
                s("prospection"),
                vec![(s("interactions"), Some(6)), (s("prospects"), Some(5))],
                vec![(s("prospects"), Some(2))]
            ),
            (
                s("admissions"),
                vec![(s("candidats"), Some(6))],
                vec![(s("candidats"), Some(1))]
            ),
            (
                s("alumni-network"),
                vec![(s("alumni"), Some(4))],
                vec![(s("alumni"), Some(1))]
            ),
            (
                s("espace-familles"),
                vec![(s("comptes_familles"), Some(4))],
                vec![]
            ),
            (
                s("newsletter"),
                vec![
                    (s("abonnements_newsletter"), Some(5)),
                    (s("candidats"), Some(6)),
                    (s("consentements"), Some(8))
                ],
                vec![
                    (s("consentements"), Some(0)),
                    (s("abonnements_newsletter"), Some(0))
                ]
            ),
        ]
    );
    let admissions = &r.entries[1];
    assert_eq!(admissions.observed.as_ref().unwrap().minors, Some(2));
    assert_eq!(
        admissions.dpia.met(),
        [DpiaCriterion::SensitiveData, DpiaCriterion::Vulnerable]
    );
    let db = r.database.as_ref().unwrap();
    let undeclared: Vec<(String, Option<String>)> = db
        .undeclared
        .iter()
        .map(|u| (u.column.clone(), u.category.clone()))
        .collect();
    assert_eq!(
        undeclared,
        [
            (s("paiements.cvv"), Some(s("card-security-code"))),
            (s("paiements.numero_carte"), Some(s("card")))
        ]
    );
    assert_eq!(db.checks_in_error, 0);
    let md = render(&r, DocFormat::Markdown, Lang::Fr);
    assert!(
        md.contains("## Colonnes personnelles qu'aucune finalité ne déclare"),
        "{md}"
    );
    assert!(md.contains("| candidats (durée 2 ans) | 1 |"), "{md}");
}

/// The command: `--url` reads the database, the default language follows the country.
#[test]
fn the_register_command_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let policy = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/ecole.toml");
    for (format, head) in [
        (
            "markdown",
            "# Registre des activités de traitement (RGPD art. 30.1)\n",
        ),
        ("html", "<!DOCTYPE html>\n<html lang=\"fr\">\n"),
        ("json", "{\n"),
    ] {
        let out = assert_cmd::Command::cargo_bin("vigie")
            .unwrap()
            .args(["register", "--policy"])
            .arg(&policy)
            .args(["--format", format])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with(head));
    }
    let db = dir.path().join("demo.db");
    vigie::demo::build(&db).unwrap();
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .args(["register", "--policy"])
        .arg(&policy)
        .arg("--url")
        .arg(&db)
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["database"]["dialect"], "sqlite");
    assert_eq!(json["entries"][0]["observed"]["subject_rows"], 5);
    // --as-of needs --url.
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .args(["register", "--policy"])
        .arg(&policy)
        .args(["--as-of", "2026-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Every policy of the library gives a record in every format; the lycée's states what its
/// first purpose shares and how it is secured.
#[test]
fn every_library_policy_gives_a_record() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let r = register::build(&load(&text));
        for format in [DocFormat::Markdown, DocFormat::Html, DocFormat::Json] {
            for lang in Lang::ALL {
                assert!(!render(&r, format, lang).is_empty(), "{}", path.display());
            }
        }
        if path.ends_with("lycee.toml") {
            let e = &r.entries[0];
            assert_eq!(e.id, "scolarite");
            assert_eq!(e.recipients.value.as_ref().map(Vec::len), Some(3));
            assert_eq!(e.transfers.value.as_deref(), Some(&[][..]));
            assert_eq!(
                e.data_subjects.value.as_deref(),
                Some(
                    &[
                        "Élèves".to_string(),
                        "Responsables légaux (consultation des notes)".to_string()
                    ][..]
                )
            );
            assert_eq!(e.security_measures.status, register::Status::Stated);
        }
    }
}

/// The counts `--url` adds, on every backend: rows per table and minors at the as-of date (the
/// fixture's five alumni born in 2011 and 2012 are under 18 on 2026-11-23).
#[test]
fn the_register_counts_rows_and_minors_on_every_backend() {
    let policy_text = fixture("rules.toml");
    for loaded in every_backend("register", &fixture("rules.sql")) {
        let target = vigie::db::Target::parse(&loaded.url).unwrap();
        let policy = vigie::policy::load_str("rules.toml", &policy_text, target.dialect()).unwrap();
        let seen = register::observe::read(&policy, &target, &options(AS_OF)).unwrap();
        let r = register::build_with(&policy, Some(&seen));
        type Counts = Vec<(String, Option<u64>)>;
        let got: Vec<(String, Counts, Option<u64>, Option<u64>)> = r
            .entries
            .iter()
            .map(|e| {
                let o = e.observed.as_ref().unwrap();
                (
                    e.id.clone(),
                    o.tables.iter().map(|t| (t.table.clone(), t.rows)).collect(),
                    o.minors,
                    o.subject_rows,
                )
            })
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (
                    s("prospection"),
                    vec![(s("prospects"), Some(7))],
                    None,
                    Some(7)
                ),
                (
                    s("newsletter"),
                    vec![(s("alumni"), Some(14)), (s("consentements"), Some(14))],
                    Some(5),
                    Some(14)
                ),
            ],
            "{}",
            loaded.backend
        );
        assert!(
            r.entries[1].dpia.met().contains(&DpiaCriterion::Vulnerable),
            "{}",
            loaded.backend
        );
    }
}

/// The French record and certificate hold no sentence of the English catalogue.
#[test]
fn french_documents_hold_no_english_sentence() {
    let md = render(&demo_register(), DocFormat::Markdown, Lang::Fr);
    let sections = [
        "register.",
        "legal-basis.",
        "then.",
        "recipient-kind.",
        "safeguard.",
        "security-measure.",
        "data-category.",
        "dpia-criterion.",
        "dpia-reason.",
        "dpia-list.",
    ];
    let mut checked = 0;
    for (id, en) in vigie::i18n::entries(Lang::En) {
        if !sections.iter().any(|s| id.starts_with(s)) {
            continue;
        }
        for fragment in en.split(['{', '}']) {
            let fragment = fragment.trim();
            if fragment.split_whitespace().count() >= 3
                && !vigie::i18n::text(Lang::Fr, id).contains(fragment)
            {
                checked += 1;
                assert!(!md.contains(fragment), "{id}: {fragment:?}");
            }
        }
    }
    assert!(checked > 80, "{checked}");
}

/// The policy and the language may come from a `vigie.toml`, as for `vigie scan`; the database
/// never does.
#[test]
fn the_register_reads_its_policy_and_language_from_vigie_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("policy.toml"),
        "[organisation]\nname = \"x\"\ncountry = \"FR\"\n[[purpose]]\nid = \"p\"\nlegal_basis = \"contract\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("vigie.toml"),
        "policy = \"policy.toml\"\nlang = \"en\"\nurl_env = \"NOT_SET_ANYWHERE\"\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .arg("register")
        .current_dir(dir.path())
        .env_remove("VIGIE_POLICY")
        .env_remove("VIGIE_LANG")
        .env("VIGIE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Record of processing activities (GDPR art. 30.1)\n"),
        "{md}"
    );
    assert!(!md.contains("What the database shows"));
}
