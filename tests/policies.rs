//! Policy loading: the example policies load; each malformed policy gives a diagnostic with
//! file, line, caret and help (snapshotted); references the database does not have point at
//! the policy line with a "did you mean".

mod common;
use common::*;
use std::path::Path;
use vigie::dialect::Dialect;
use vigie::policy::diagnostic::render_plain;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn example_policies_load() {
    for name in [
        "policies/ecole.toml",
        "policies/association-alumni.toml",
        "testdata/fixtures/rules.toml",
    ] {
        let path = root().join(name);
        let p = vigie::policy::load(&path, Dialect::Postgres)
            .unwrap_or_else(|e| panic!("{name}: {}", render_plain(&e)));
        assert!(!p.purposes.is_empty(), "{name}");
    }
}

#[test]
fn every_invalid_policy_has_a_diagnostic_snapshot() {
    let dir = root().join("testdata/policies/invalid");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 12);
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let err =
            vigie::policy::load_str(&format!("invalid/{name}.toml"), &text, Dialect::Postgres)
                .err()
                .unwrap_or_else(|| panic!("{name} should be refused"));
        let rendered = render_plain(&err);
        assert!(
            rendered.contains(&format!("invalid/{name}.toml:")),
            "{name}: no file:line in\n{rendered}"
        );
        assert!(
            rendered.contains('^') || rendered.contains('─'),
            "{name}: no caret"
        );
        insta::assert_snapshot!(name, rendered);
    }
}

#[test]
fn all_problems_of_a_file_are_reported_at_once() {
    let text =
        std::fs::read_to_string(root().join("testdata/policies/invalid/16-many-problems.toml"))
            .unwrap();
    let err = vigie::policy::load_str("p.toml", &text, Dialect::Postgres).unwrap_err();
    assert_eq!(err.problems.len(), 8, "{}", render_plain(&err));
}

#[test]
fn missing_table_and_column_point_at_the_policy_with_a_hint() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let policy = fixture("rules.toml")
        .replace("from = \"dernier_contact\"", "from = \"dernier_contat\"")
        .replace("table = \"abonnements\"", "table = \"abonements\"");
    let report = scan_text(&policy, &format!("sqlite://{}", path.display()), AS_OF);
    let problems: Vec<String> = report.problems.iter().map(|p| render_plain(p)).collect();
    let all = problems.join("\n");
    assert!(all.contains("did you mean `dernier_contact`?"), "{all}");
    assert!(all.contains("did you mean `abonnements`?"), "{all}");
    insta::assert_snapshot!("missing-references", all);
    // The checks that depend on them are errors; the others still report.
    let errors = report.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("retention-exceeded:prospection:prospects")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("consent-missing:newsletter:abonements")),
        "{errors:?}"
    );
    assert_eq!(of_rule(&report, "consent-without-proof").len(), 1);
    assert_eq!(of_rule(&report, "card-cvv-stored").len(), 1);
}

/// `extra_terms` categories are typed at load: a known one (any case) becomes a
/// `text::Category`, an unknown one is a policy error at the category value, with the closest
/// category or the whole list, instead of a term the matcher never receives.
#[test]
fn extra_term_categories_are_typed_and_an_unknown_one_is_refused_at_its_value() {
    use vigie::text::{Category, ExtraTerm};
    let text = std::fs::read_to_string(
        root().join("testdata/policies/invalid/20-extra-term-category.toml"),
    )
    .unwrap();
    let err = vigie::policy::load_str("p.toml", &text, Dialect::Postgres).unwrap_err();
    let got: Vec<(&str, &str, &str, usize)> = err
        .problems
        .iter()
        .map(|p| {
            let span = p.span.offset()..p.span.offset() + p.span.len();
            (
                p.message.as_str(),
                &text[span],
                p.help.as_deref().unwrap_or(""),
                p.line,
            )
        })
        .collect();
    let all = vigie::text::Category::ALL.map(|c| c.as_str()).join(", ");
    assert_eq!(
        got,
        [
            (
                "unknown free-text category `healh`",
                "\"healh\"",
                "did you mean `health`?",
                5
            ),
            (
                "unknown free-text category `insulte`",
                "\"insulte\"",
                "did you mean `insult`?",
                6
            ),
            (
                "unknown free-text category `gossip`",
                "\"gossip\"",
                format!("categories: {all}").as_str(),
                7
            ),
        ],
        "{}",
        render_plain(&err)
    );
    assert!(err.problems.iter().all(|p| p.label == "not a category"));

    // The same section without the unknown categories loads, typed.
    let valid: String = text
        .lines()
        .filter(|l| !["healh", "insulte", "gossip"].iter().any(|c| l.contains(c)))
        .map(|l| format!("{l}\n"))
        .collect();
    let policy = vigie::policy::load_str("p.toml", &valid, Dialect::Postgres)
        .unwrap_or_else(|e| panic!("{}", render_plain(&e)));
    assert_eq!(
        policy.free_text.extra_terms,
        [ExtraTerm {
            term: "tire-au-flanc".into(),
            category: Category::Judgement,
        }]
    );
    assert_eq!(
        policy.free_text.ignore_terms,
        [vigie::policy::IgnoreTerm {
            term: "fou rire".into(),
            reason: "idiom, not a judgement".into(),
        }]
    );
}

/// Every table and column the policy names is resolved before any check runs: a typo in a
/// purpose's `data`, which no check reads, is reported with its line and a hint instead of
/// only showing up as an extra `undeclared-column` finding; the scan then ends with exit 2.
#[test]
fn a_typo_in_data_is_a_policy_problem_and_fails_the_scan() {
    let (_dir, path) = sqlite_fixture(&fixture("rules.sql"));
    let policy = fixture("rules.toml").replace(
        "data = [\"prospects.email\"]",
        "data = [\"prospects.emial\", \"prospect.email\"]",
    );
    let url = format!("sqlite://{}", path.display());
    let report = scan_text(&policy, &url, AS_OF);
    let problems: Vec<String> = report.problems.iter().map(|p| render_plain(p)).collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    let all = problems.join("\n");
    assert!(
        all.contains("column `emial` does not exist in table `prospects`"),
        "{all}"
    );
    assert!(all.contains("did you mean `email`?"), "{all}");
    assert!(all.contains("table `prospect` does not exist"), "{all}");
    assert!(all.contains("did you mean `prospects`?"), "{all}");
    // Other checks still run and report.
    assert_eq!(of_rule(&report, "card-cvv-stored").len(), 1);
    assert!(vigie::report::error_count(&report) >= 2);

    let dir = tempfile::tempdir().unwrap();
    let policy_path = dir.path().join("policy.toml");
    std::fs::write(&policy_path, &policy).unwrap();
    let out = assert_cmd::Command::cargo_bin("vigie")
        .unwrap()
        .args(["scan", &url, "--as-of", AS_OF, "--policy"])
        .arg(&policy_path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a policy problem fails the scan"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `email`?"), "{stderr}");
}

/// Names that need quoting are written as SQL writes them, in double quotes inside the TOML
/// string: a column named with a single space, one holding a dot, one with a blank inside.
#[test]
fn quoted_names_reach_columns_no_bare_name_can() {
    let sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, \" \" TEXT, \"a.b\" TEXT, \"Nom Complet\" TEXT);\n\
               INSERT INTO t VALUES (1, 'x', 'y', 'z');\n";
    let policy = r#"
[[purpose]]
id = "p"
legal_basis = "contract"
data = ['t." "', 't."a.b"', 't."Nom Complet"', "t.id"]
[[purpose.retention]]
table = "t"
keep = "1y"
from = '" "'
"#;
    let (_dir, path) = sqlite_fixture(sql);
    let report = scan_text(policy, &format!("sqlite://{}", path.display()), AS_OF);
    let problems: Vec<String> = report.problems.iter().map(|p| render_plain(p)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        of_rule(&report, "undeclared-column").is_empty(),
        "{:?}",
        rows(&report)
    );
    // The anchor is the column named " ": its text is no date, so the row has no usable anchor.
    assert_eq!(
        of_rule(&report, "retention-anchor-missing"),
        [row("retention-anchor-missing", Some("t"), 1, &["1"])]
    );
    // Bare, the same names are problems with their line.
    let bare = policy.replace("'t.\" \"'", "'t. '");
    let report = scan_text(&bare, &format!("sqlite://{}", path.display()), AS_OF);
    assert_eq!(report.problems.len(), 1);
}

/// An empty policy (or one of comments only) is an error, never a scan of nothing that passes.
#[test]
fn an_empty_policy_is_an_error() {
    for text in ["", "\n\n", "# nothing yet\n"] {
        let e = vigie::policy::load_str("policy.toml", text, Dialect::Postgres)
            .expect_err("an empty policy must not load");
        let shown = render_plain(&e);
        assert!(shown.contains("the policy is empty"), "{shown}");
    }
}

/// The messages of the problems of a policy that does not load, one a line.
fn messages(policy: &str, dialect: Dialect) -> String {
    let e = vigie::policy::load_str("p.toml", policy, dialect).unwrap_err();
    e.problems
        .iter()
        .map(|p| p.message.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `[[trusted_functions]]`: a reason is required, a function with effects or one that runs SQL
/// given as text cannot be trusted, and a trusted function may then be called.
#[test]
fn trusted_functions_are_validated_and_widen_the_allow_list() {
    let check = "[[check]]\nid = \"accents\"\nquery = \"SELECT id FROM eleves WHERE public.unaccent(nom) <> nom\"\n";
    let text = messages(check, Dialect::Postgres);
    assert!(
        text.contains("check `accents` is refused: `public.unaccent` is not on vigie's allow-list of side-effect-free functions; a policy may trust a function with `trusted_functions`"),
        "{text}"
    );
    let trusted = format!(
        "{check}\n[[trusted_functions]]\nname = \"Public.Unaccent\"\nreason = \"unaccent extension: immutable\"\n"
    );
    let p = vigie::policy::load_str("p.toml", &trusted, Dialect::Postgres)
        .unwrap_or_else(|e| panic!("{}", render_plain(&e)));
    assert_eq!(p.trusted_functions.len(), 1);
    assert_eq!(p.trusted_functions[0].name.to_string(), "public.unaccent");
    assert_eq!(
        p.trusted_functions[0].reason,
        "unaccent extension: immutable"
    );

    let bad = "[[trusted_functions]]\nname = \"pg_catalog.pg_sleep\"\nreason = \"r\"\n\n\
               [[trusted_functions]]\nname = \"dblink_exec\"\nreason = \"r\"\n\n\
               [[trusted_functions]]\nname = \"public.f\"\n\n\
               [[trusted_functions]]\nname = \"a.b.c\"\nreason = \"r\"\n";
    let text = messages(bad, Dialect::Postgres);
    assert_eq!(text.lines().count(), 4, "{text}");
    for expected in [
        "`pg_catalog.pg_sleep` cannot be trusted: it has effects outside the query",
        "`dblink_exec` cannot be trusted: it takes SQL or a query as text",
        "trusted function `public.f` has no reason",
        "trusted function `a.b.c`: the function name `a.b.c` has more than two parts",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

/// A `where` is held to the allow-list too, on every dialect.
#[test]
fn a_where_calling_a_function_off_the_list_is_a_policy_error() {
    for (dialect, call, name) in [
        (Dialect::Postgres, "pg_backend_pid() > 0", "pg_backend_pid"),
        (Dialect::Postgres, r#""LOWER"(nom) = 'x'"#, "LOWER"),
        (Dialect::Mysql, "CONNECTION_ID() > 0", "connection_id"),
        (Dialect::Mysql, "`lower`(nom) = 'x'", "lower"),
        (Dialect::Sqlite, "changes() > 0", "changes"),
    ] {
        let policy = format!(
            "[[subject]]\nid = \"eleve\"\ntable = \"eleves\"\nkey = \"id\"\n\n[[purpose]]\nid = \"scolarite\"\nlegal_basis = \"public-task\"\nsubjects = [\"eleve\"]\n\n[[purpose.retention]]\ntable = \"eleves\"\nkeep = \"1y\"\nfrom = \"sortie\"\nwhere = '''{call}'''\n"
        );
        let text = messages(&policy, dialect);
        assert!(
            text.contains("this `where` is not a read-only condition")
                && text.contains(&format!("`{name}`")),
            "{dialect:?} {call}\n{text}"
        );
    }
}
