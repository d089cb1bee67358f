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
use std::path::{Path, PathBuf};
use yaml_rust2::{Yaml, YamlLoader};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_vigie");

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
            "vigie-attest.1",
            "vigie-check-migrations.1",
            "vigie-completions.1",
            "vigie-demo.1",
            "vigie-discover.1",
            "vigie-explain.1",
            "vigie-init.1",
            "vigie-register.1",
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

// ---- CI files ------------------------------------------------------------------------------

fn yaml(path: &str) -> Yaml {
    let text = std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1, "{path}");
    docs.remove(0)
}

/// A scratch git repository holding the Flyway history of `testdata/migrations/postgres/flyway`:
/// V1 and V2 committed first (the base), then V3, which adds sensitive columns, committed on
/// top. Returns the folder and the base commit.
fn repository() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    git(&["init", "-q"]);
    let source = Path::new(ROOT).join("testdata/migrations/postgres/flyway");
    let target = dir.path().join("db/migrations");
    std::fs::create_dir_all(&target).unwrap();
    let copy = |name: &str| std::fs::copy(source.join(name), target.join(name)).unwrap();
    copy("V1__init.sql");
    copy("V2__candidats_et_paiements.sql");
    std::fs::write(dir.path().join("README"), "client\n").unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "base"]);
    let base = git(&["rev-parse", "HEAD"]);
    copy("V3__ajout_champs_sensibles.sql");
    std::fs::write(dir.path().join("README"), "client X\n").unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "sensitive columns"]);
    (dir, base)
}

fn policy() -> PathBuf {
    Path::new(ROOT).join("testdata/migrations/policy.toml")
}

/// A shell script run in `dir` with `env`; vigie is the binary under test, first on PATH.
fn sh(shell: &str, script: &str, dir: &Path, env: &[(&str, String)]) -> std::process::Output {
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = std::process::Command::new(shell);
    cmd.args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1");
    for var in ["VIGIE_URL", "VIGIE_POLICY", "VIGIE_FORMAT", "VIGIE_FAIL_ON"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    cmd.output().unwrap()
}

/// `KEY=VALUE` lines a step wrote to `$GITHUB_OUTPUT`.
fn outputs(file: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The steps of `action.yml` as GitHub runs them: each `run` in bash, its `env` with the
/// `${{ }}` expressions replaced by what GitHub would give, outputs carried between steps.
#[test]
fn the_github_action_runs_the_gate_on_the_changed_files() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_vec().unwrap();
    let step = |id: &str| {
        steps
            .iter()
            .find(|s| s["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no step {id}"))
    };
    let run_of = |id: &str| step(id)["run"].as_str().unwrap().to_string();
    for id in ["install", "changed", "gate", "sarif"] {
        assert_eq!(step(id)["shell"].as_str(), Some("bash"), "{id}");
    }
    let upload = steps.last().unwrap();
    assert_eq!(
        upload["uses"].as_str(),
        Some("github/codeql-action/upload-sarif@v3")
    );

    let (repo, base) = repository();
    let runner_temp = tempfile::tempdir().unwrap();
    let temp = runner_temp.path().display().to_string();
    let step_env = |id: &str, out: &Path| {
        vec![
            ("RUNNER_TEMP", temp.clone()),
            ("GITHUB_OUTPUT", out.display().to_string()),
            ("GITHUB_ACTION_PATH", ROOT.to_string()),
        ]
        .into_iter()
        .chain(
            step(id)["env"]
                .as_hash()
                .map(|h| {
                    h.keys()
                        .map(|k| (k.as_str().unwrap(), String::new()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        )
        .collect::<Vec<_>>()
    };
    let with = |mut env: Vec<(&'static str, String)>, set: &[(&'static str, String)]| {
        for (k, v) in set {
            env.retain(|(e, _)| e != k);
            env.push((k, v.clone()));
        }
        env
    };
    // The env keys each step declares are the ones the test gives values to.
    let declared = |id: &str| -> Vec<String> {
        step(id)["env"]
            .as_hash()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(declared("install"), ["VIGIE_BIN", "ACTION_PATH"]);
    assert_eq!(declared("changed"), ["BASE", "PATHS"]);
    assert_eq!(
        declared("gate"),
        ["VIGIE", "LIST", "POLICY", "DIALECT", "FAIL_ON"]
    );

    // install: the binary given by the `vigie` input is used as is.
    let out_file = runner_temp.path().join("install.out");
    let env = with(
        step_env("install", &out_file)
            .into_iter()
            .map(|(k, v)| (leak(k), v))
            .collect(),
        &[("VIGIE_BIN", BIN.to_string())],
    );
    let out = sh("bash", &run_of("install"), repo.path(), &env);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(outputs(&out_file)["bin"], BIN);

    // changed: V3 only (the README is not SQL, V1 and V2 are in the base).
    let out_file = runner_temp.path().join("changed.out");
    let env = with(
        step_env("changed", &out_file)
            .into_iter()
            .map(|(k, v)| (leak(k), v))
            .collect(),
        &[("BASE", base.clone()), ("PATHS", "db/migrations".into())],
    );
    let out = sh("bash", &run_of("changed"), repo.path(), &env);
    assert!(out.status.success(), "{out:?}");
    let changed = outputs(&out_file);
    assert_eq!(changed["count"], "1");
    assert_eq!(
        std::fs::read_to_string(&changed["list"]).unwrap(),
        "db/migrations/V3__ajout_champs_sensibles.sql\n"
    );

    // gate: annotations on V3, exit 1; with fail-on never, exit 0.
    let gate_env = |fail_on: &str| {
        with(
            step_env("gate", &runner_temp.path().join("gate.out"))
                .into_iter()
                .map(|(k, v)| (leak(k), v))
                .collect(),
            &[
                ("VIGIE", BIN.to_string()),
                ("LIST", changed["list"].clone()),
                ("POLICY", policy().display().to_string()),
                ("DIALECT", "postgres".into()),
                ("FAIL_ON", fail_on.into()),
            ],
        )
    };
    let out = sh("bash", &run_of("gate"), repo.path(), &gate_env("low"));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let annotations = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        annotations.lines().all(|l| l.starts_with("::")
            && l.contains("file=db/migrations/V3__ajout_champs_sensibles.sql")),
        "{annotations}"
    );
    assert!(
        annotations.contains("title=sensitive-column"),
        "{annotations}"
    );
    let out = sh("bash", &run_of("gate"), repo.path(), &gate_env("never"));
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // sarif: a SARIF 2.1.0 file for the upload step, whatever the findings.
    let out_file = runner_temp.path().join("sarif.out");
    let env = with(
        gate_env("low"),
        &[("GITHUB_OUTPUT", out_file.display().to_string())],
    );
    let out = sh("bash", &run_of("sarif"), repo.path(), &env);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&outputs(&out_file)["file"]).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());

    // An older vigie without SARIF: the step says so, succeeds, and gives no file to upload.
    let old = runner_temp.path().join("old-vigie");
    std::fs::write(
        &old,
        "#!/bin/sh\necho 'Usage: vigie check-migrations [--format human|json|github]'\n",
    )
    .unwrap();
    make_executable(&old);
    let out_file = runner_temp.path().join("sarif-old.out");
    let env = with(
        gate_env("low"),
        &[
            ("VIGIE", old.display().to_string()),
            ("GITHUB_OUTPUT", out_file.display().to_string()),
        ],
    );
    let out = sh("bash", &run_of("sarif"), repo.path(), &env);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!outputs(&out_file).contains_key("file"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not write SARIF"));
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The GitLab template's `before_script` and `script` lines, run as GitLab runs them: one
/// shell, in order, stopping at the first failure.
#[test]
fn the_gitlab_template_writes_code_quality_and_gates_the_changed_files() {
    let template = yaml("ci/gitlab/vigie.gitlab-ci.yml");
    let job = &template["vigie-migrations"];
    assert_eq!(
        job["artifacts"]["reports"]["codequality"].as_str(),
        Some("gl-code-quality-report.json")
    );
    let lines: Vec<&str> = ["before_script", "script"]
        .iter()
        .flat_map(|k| job[*k].as_vec().unwrap())
        .map(|l| l.as_str().unwrap())
        .collect();
    let script = lines.join("\n");
    let variables = job["variables"].as_hash().unwrap();
    let mut env: Vec<(&str, String)> = variables
        .iter()
        .map(|(k, v)| (k.as_str().unwrap(), v.as_str().unwrap().to_string()))
        .collect();
    let (repo, base) = repository();
    let cache = repo.path().display().to_string();
    env.retain(|(k, _)| *k != "VIGIE_MIGRATIONS");
    env.extend([
        ("CI_PROJECT_DIR", cache),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.clone()),
        ("VIGIE_MIGRATIONS", "db/migrations".into()),
        ("VIGIE_POLICY", policy().display().to_string()),
    ]);
    let out = sh("sh", &script, repo.path(), &env);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo.path().join("gl-code-quality-report.json")).unwrap(),
    )
    .unwrap();
    let items = report.as_array().unwrap();
    // The whole folder goes to Code Quality (GitLab shows what is new in the merge request).
    let files: std::collections::BTreeSet<&str> = items
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap())
        .collect();
    assert!(
        files.contains("db/migrations/V3__ajout_champs_sensibles.sql"),
        "{files:?}"
    );
    for item in items {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(item[key].is_string(), "{item}");
        }
        assert!(item["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&item["severity"].as_str().unwrap())
        );
    }
    let fingerprints: std::collections::BTreeSet<&str> = items
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), items.len(), "fingerprints are unique");

    // Nothing changed under the migrations folder: the job passes after writing the report.
    let env: Vec<(&str, String)> = env
        .into_iter()
        .map(|(k, v)| match k {
            "CI_MERGE_REQUEST_DIFF_BASE_SHA" => (k, "HEAD".to_string()),
            _ => (k, v),
        })
        .collect();
    let out = sh("sh", &script, repo.path(), &env);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("no changed .sql file"));
}

/// Each pre-commit hook as pre-commit runs it: `entry`, then `args`, then the staged files its
/// `files` pattern selects.
#[test]
fn the_pre_commit_hooks_refuse_a_migration_the_policy_forbids() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["vigie-check-migrations", "vigie-check-migrations-system"]
    );
    let dir = Path::new(ROOT).join("testdata/migrations/postgres/flyway");
    let mut staged: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            format!(
                "postgres/flyway/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    staged.push("postgres/flyway/README.md".into());
    staged.sort();
    for hook in hooks {
        let pattern = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
        let files: Vec<&String> = staged.iter().filter(|f| pattern.is_match(f)).collect();
        assert_eq!(files.len(), 5, "the .sql files only");
        let args: Vec<&str> = hook["args"]
            .as_vec()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let entry = hook["entry"].as_str().unwrap();
        let quote = |s: &str| format!("'{s}'");
        let command = format!(
            "{entry} {} {}",
            args.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" "),
            files.iter().map(|f| quote(f)).collect::<Vec<_>>().join(" ")
        );
        let policy = policy().display().to_string();
        let run = |files_dir: &Path| {
            sh(
                "sh",
                &command,
                files_dir,
                &[("VIGIE_POLICY", policy.clone())],
            )
        };
        let out = run(&Path::new(ROOT).join("testdata/migrations"));
        assert_eq!(out.status.code(), Some(1), "{command}\n{out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("sensitive-column"), "{stdout}");
    }
    // With `--fail-on critical` added to its args, the hook lets V1 through (nothing critical)
    // and stops V2 (a card security code column).
    let system = &hooks[1];
    let args: Vec<&str> = system["args"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for (file, code) in [("V1__init.sql", 0), ("V2__candidats_et_paiements.sql", 1)] {
        let out = sh(
            "sh",
            &format!(
                "{} {} --fail-on critical postgres/flyway/{file}",
                system["entry"].as_str().unwrap(),
                args.join(" ")
            ),
            &Path::new(ROOT).join("testdata/migrations"),
            &[("VIGIE_POLICY", policy().display().to_string())],
        );
        assert_eq!(out.status.code(), Some(code), "{file}: {out:?}");
    }
}
