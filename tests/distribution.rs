//! vigie where its users work: the man pages and completions generated from the command line,
//! `--version` and `rules --format json` for tools, `init --output`, and the CI files of the
//! repository (GitHub Action, GitLab CI template, pre-commit hooks), whose command lines are
//! taken from the files and run against `testdata/migrations/` with the built binary.
//!
//! `docs/man/*.1` are generated: when they differ, the test fails and says how to rewrite them
//! (`VIGIE_UPDATE_DOCS=1 cargo test --test distribution`), as `tests/docs.rs` does for the rules.

mod common;
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn vigie() -> Command {
    let mut cmd = Command::cargo_bin("vigie").unwrap();
    for var in ["VIGIE_URL", "VIGIE_POLICY", "VIGIE_FORMAT", "VIGIE_FAIL_ON"] {
        cmd.env_remove(var);
    }
    cmd
}

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .map(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_man_pages_are_generated_from_the_command_line() {
    let out = tempfile::tempdir().unwrap();
    vigie()
        .args(["man", "--dir"])
        .arg(out.path())
        .assert()
        .code(0);
    let generated = files_of(out.path());
    let names: Vec<&str> = generated.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "vigie-check-migrations.1",
            "vigie-completions.1",
            "vigie-demo.1",
            "vigie-discover.1",
            "vigie-explain.1",
            "vigie-init.1",
            "vigie-rules.1",
            "vigie-scan.1",
            "vigie.1",
        ]
    );
    let page = String::from_utf8_lossy(&generated["vigie.1"]);
    assert!(page.contains(".TH vigie 1"), "{page}");
    assert!(
        page.contains("vigie.toml"),
        "the page documents the configuration file"
    );
    let scan = String::from_utf8_lossy(&generated["vigie-scan.1"]);
    assert!(scan.contains("\\-\\-fail\\-on"), "{scan}");

    let committed_dir = Path::new(ROOT).join("docs/man");
    if std::env::var_os("VIGIE_UPDATE_DOCS").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, bytes) in &generated {
            std::fs::write(committed_dir.join(name), bytes).unwrap();
        }
    }
    assert!(
        files_of(&committed_dir) == generated,
        "docs/man/ differs from the generated man pages: run \
         `VIGIE_UPDATE_DOCS=1 cargo test --test distribution` and commit docs/man/"
    );
    // `vigie man` alone prints the main page.
    let printed = vigie().arg("man").assert().code(0);
    assert_eq!(printed.get_output().stdout, generated["vigie.1"]);
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _vigie"),
        ("zsh", "#compdef vigie"),
        ("fish", "complete -c vigie"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = vigie().args(["completions", shell]).assert().code(0);
        let script = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(script.contains(marker), "{shell}: no {marker}");
        for word in ["check-migrations", "fail-on", "policy"] {
            assert!(script.contains(word), "{shell} does not complete {word}");
        }
        if shell == "bash" {
            // The script is valid bash.
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("vigie.bash");
            std::fs::write(&path, &script).unwrap();
            let ok = std::process::Command::new("bash")
                .arg("-n")
                .arg(&path)
                .status()
                .unwrap();
            assert!(ok.success());
        }
    }
    let out = vigie().args(["completions", "tcsh"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("invalid value 'tcsh'"), "{stderr}");
}

#[test]
fn version_names_the_rule_pack() {
    let out = vigie().arg("--version").assert().code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let rules = vigie::rules::registry().rules.len();
    assert_eq!(
        stdout,
        format!(
            "vigie {} (rule pack {}, {rules} rules)\n",
            env!("CARGO_PKG_VERSION"),
            vigie::rules::pack::version()
        )
    );
    let short = vigie().arg("-V").assert().code(0);
    assert_eq!(
        String::from_utf8_lossy(&short.get_output().stdout),
        format!("vigie {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn rules_as_json_for_tools() {
    let out = vigie().args(["rules", "--format", "json"]).assert().code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let registry = &vigie::rules::registry().rules;
    assert_eq!(v["rule_pack"]["version"], vigie::rules::pack::version());
    assert_eq!(v["rule_pack"]["rules"], registry.len());
    let rules = v["rules"].as_array().unwrap();
    assert_eq!(rules.len(), registry.len());
    for (json, doc) in rules.iter().zip(registry) {
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "family",
                "id",
                "legal_reference",
                "references",
                "severity",
                "title"
            ]
        );
        assert_eq!(json["id"], doc.id.as_str());
        assert_eq!(json["family"], doc.family.as_str());
        assert_eq!(json["severity"], doc.severity.as_str());
        assert_eq!(json["title"], doc.title.as_str());
        assert_eq!(json["references"], serde_json::json!(doc.references));
    }
    let first = &rules[0];
    assert_eq!(
        (&first["id"], &first["severity"], &first["family"]),
        (
            &serde_json::json!("retention-exceeded"),
            &serde_json::json!("high"),
            &serde_json::json!("retention")
        )
    );
    // The line format stays the default.
    let human = vigie().arg("rules").assert().code(0);
    let text = String::from_utf8_lossy(&human.get_output().stdout).into_owned();
    assert_eq!(text.lines().count(), registry.len());
    assert!(text.starts_with("retention-exceeded "), "{text}");
}

#[test]
fn init_output_writes_a_new_file_and_never_overwrites() {
    let (dir, db) = common::sqlite_fixture(&common::labelled::sql());
    let url = format!("sqlite://{}", db.display());
    let printed = vigie().args(["init", &url]).assert().code(0);
    let draft = printed.get_output().stdout.clone();

    let path = dir.path().join("policy.toml");
    let out = vigie()
        .args(["init", &url, "--output"])
        .arg(&path)
        .assert()
        .code(0);
    assert!(out.get_output().stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), draft);

    // A second run, or any existing file, is refused before the database is read.
    std::fs::write(&path, "# completed by the DPO\n").unwrap();
    for url in [url.as_str(), "sqlite:///nowhere/missing.db"] {
        let out = vigie()
            .args(["init", url, "--output"])
            .arg(&path)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr);
        assert_eq!(
            stderr,
            format!(
                "error: {} already exists: vigie init never overwrites a file; choose another \
                 --output or move the existing file away\n",
                path.display()
            )
        );
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# completed by the DPO\n"
    );
}
