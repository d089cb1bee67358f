//! `vigie.toml` and `VIGIE_*` variables, as a user meets them: the binary run in a scratch
//! folder holding a configuration file. Precedence, lowest first: file, environment, flag. A
//! password written in the file is refused, naming the file and line, never the value.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every variable vigie reads for its settings: none may leak in from the test's environment.
const VARS: &[&str] = &[
    "VIGIE_URL",
    "VIGIE_POLICY",
    "VIGIE_FORMAT",
    "VIGIE_FAIL_ON",
    "VIGIE_LANG",
    "VIGIE_JOBS",
    "VIGIE_URL_CLIENT_X",
];

/// A client folder: the demo database (31 findings, 3 critical), its policy beside a
/// `vigie.toml`, and a sub-folder to run from.
struct Client {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Client {
    fn new(config: &str) -> Client {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("crm.db");
        vigie::demo::build(&db).unwrap();
        std::fs::write(dir.path().join("ecole.toml"), vigie::demo::POLICY).unwrap();
        std::fs::write(dir.path().join("vigie.toml"), config).unwrap();
        std::fs::create_dir_all(dir.path().join("rapports/2026")).unwrap();
        Client { dir, db }
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.db.display())
    }

    /// `vigie ARGS` run from a folder two levels below the configuration file.
    fn vigie(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::cargo_bin("vigie").unwrap();
        cmd.current_dir(self.dir.path().join("rapports/2026"));
        for var in VARS {
            cmd.env_remove(var);
        }
        cmd.env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    /// Whitespace squashed, for messages wrapped by the renderer.
    stderr: String,
}

impl Run {
    fn is_json(&self) -> bool {
        serde_json::from_str::<serde_json::Value>(&self.stdout).is_ok()
    }
    /// The human report, in French (the file says `lang = "fr"`) or in English.
    fn is_human(&self) -> bool {
        self.stdout
            .contains("31 finding(s) (3 critical, 17 high, 10 medium, 1 low)")
            || self
                .stdout
                .contains("31 constat(s) (3 critique, 17 élevée, 10 moyenne, 1 faible)")
    }
}

const CONFIG: &str = "# client X\npolicy = \"ecole.toml\"\nurl_env = \"VIGIE_URL_CLIENT_X\"\n\
                      format = \"json\"\nfail_on = \"never\"\nlang = \"fr\"\njobs = 2\n";

#[test]
fn the_file_gives_every_default_from_a_parent_folder() {
    let c = Client::new(CONFIG);
    let run = c.vigie(&["scan"], &[("VIGIE_URL_CLIENT_X", &c.url())]);
    // JSON from `format`, exit 0 from `fail_on = "never"`, the policy relative to the file.
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.is_json(), "{run:?}");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["summary"]["findings"], 31);
}

#[test]
fn environment_variables_override_the_file() {
    let c = Client::new(CONFIG);
    let url = c.url();
    let run = c.vigie(
        &["scan"],
        &[
            ("VIGIE_URL_CLIENT_X", &url),
            ("VIGIE_FORMAT", "human"),
            ("VIGIE_FAIL_ON", "critical"),
        ],
    );
    assert_eq!(
        run.code,
        Some(1),
        "3 critical findings fail at critical: {run:?}"
    );
    assert!(run.is_human(), "{run:?}");

    // VIGIE_URL beats the file's url_env (whose variable is not even set).
    let run = c.vigie(&["scan"], &[("VIGIE_URL", &url)]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.is_json());

    // VIGIE_POLICY beats the file's policy: a missing one is reported by its name.
    let run = c.vigie(
        &["scan"],
        &[("VIGIE_URL", &url), ("VIGIE_POLICY", "autre.toml")],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("autre.toml"), "{run:?}");

    // A bad value in a variable is an error naming the variable, as a bad flag is.
    for (var, value, message) in [
        (
            "VIGIE_JOBS",
            "0",
            "VIGIE_JOBS: `0` is not a number of sessions (at least 1)",
        ),
        ("VIGIE_LANG", "de", "VIGIE_LANG: `de` is not one of fr, en"),
        (
            "VIGIE_FAIL_ON",
            "severe",
            "VIGIE_FAIL_ON: `severe` is not one of critical, high, medium, low, info, never",
        ),
    ] {
        let run = c.vigie(&["scan"], &[("VIGIE_URL", &url), (var, value)]);
        assert_eq!(run.code, Some(2), "{run:?}");
        assert!(run.stderr.contains(message), "{message}\n{run:?}");
    }
}

#[test]
fn flags_override_the_environment_and_the_file() {
    let c = Client::new(CONFIG);
    let url = c.url();
    let policy = c.dir.path().join("ecole.toml");
    let env = [
        ("VIGIE_URL", "sqlite:///nowhere/missing.db"),
        ("VIGIE_POLICY", "autre.toml"),
        ("VIGIE_FORMAT", "human"),
        ("VIGIE_FAIL_ON", "critical"),
        ("VIGIE_JOBS", "0"),
    ];
    let run = c.vigie(
        &[
            "scan",
            &url,
            "--policy",
            policy.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--jobs",
            "1",
        ],
        &env,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.is_json(), "{run:?}");
    // One flag at a time: the others still come from the environment.
    let run = c.vigie(
        &[
            "scan",
            &url,
            "--policy",
            policy.to_str().unwrap(),
            "--jobs",
            "1",
        ],
        &env,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.is_human(), "{run:?}");
}

#[test]
fn a_password_in_the_file_is_refused_with_its_file_and_line() {
    for (config, line, key) in [
        (
            "policy = \"ecole.toml\"\nurl = \"postgres://audit:S3cret@db.client-x.fr/crm\"\n",
            2,
            "url",
        ),
        (
            "policy = \"ecole.toml\"\n\n[db]\npassword = \"S3cret\"\n",
            4,
            "password",
        ),
        (
            "url_env = \"X\"\nformat = \"human\"\nurl = \"postgres://db/crm?password=S3cret\"\n",
            3,
            "url",
        ),
    ] {
        let c = Client::new(config);
        let file = c.dir.path().join("vigie.toml");
        // Refused before anything runs, even when the flags say everything.
        let run = c.vigie(&["scan", &c.url(), "--policy", "ecole.toml"], &[]);
        assert_eq!(run.code, Some(2), "{run:?}");
        let expected = format!(
            "{}:{line}: `{key}` {}",
            file.display(),
            if key == "password" {
                "looks like a password"
            } else {
                "holds a password"
            }
        );
        assert!(run.stderr.contains(&expected), "{expected}\n{run:?}");
        assert!(
            run.stderr.contains("url_env"),
            "the help says what to do: {run:?}"
        );
        assert!(!run.stderr.contains("S3cret") && !run.stdout.contains("S3cret"));
    }
}

#[test]
fn missing_and_bad_values_of_the_file_name_their_line() {
    let c = Client::new(CONFIG);
    let file = c.dir.path().join("vigie.toml");
    let run = c.vigie(&["scan"], &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    let expected = format!(
        "{}:3: url_env: the variable VIGIE_URL_CLIENT_X is not set",
        file.display()
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{run:?}");

    let c = Client::new("policy = \"ecole.toml\"\n\nformat = \"xml\"\n");
    let run = c.vigie(&["scan", &c.url()], &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    let file = c.dir.path().join("vigie.toml");
    // The formats `--format` accepts, whatever they are when this runs.
    let formats: Vec<String> = <vigie::report::Format as clap::ValueEnum>::value_variants()
        .iter()
        .filter_map(clap::ValueEnum::to_possible_value)
        .map(|v| v.get_name().to_string())
        .collect();
    assert!(formats.starts_with(&["human".to_string(), "json".to_string()]));
    let expected = format!(
        "{}:3: format: `xml` is not one of {}",
        file.display(),
        formats.join(", ")
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{run:?}");
}

#[test]
fn without_a_file_the_url_and_policy_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("vigie").unwrap();
    for var in VARS {
        cmd.env_remove(var);
    }
    let out = cmd.current_dir(dir.path()).arg("scan").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no policy: give --policy FILE, set VIGIE_POLICY"),
        "{stderr}"
    );
}

#[test]
fn check_migrations_takes_its_policy_and_threshold_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let policy = Path::new(ROOT).join("testdata/migrations/policy.toml");
    std::fs::write(
        dir.path().join("vigie.toml"),
        format!(
            "policy = {:?}\nfail_on = \"never\"\n",
            policy.display().to_string()
        ),
    )
    .unwrap();
    let migrations = Path::new(ROOT).join("testdata/migrations/postgres/flyway");
    let gate = |env: &[(&str, &str)]| {
        let mut cmd = Command::cargo_bin("vigie").unwrap();
        for var in VARS {
            cmd.env_remove(var);
        }
        cmd.envs(env.iter().copied());
        cmd.current_dir(dir.path())
            .args([
                "check-migrations",
                "--dialect",
                "postgres",
                "--format",
                "json",
            ])
            .arg(&migrations)
            .output()
            .unwrap()
    };
    let out = gate(&[]);
    assert_eq!(out.status.code(), Some(0), "fail_on = never");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["summary"]["findings"].as_u64().unwrap() > 0);
    assert_eq!(gate(&[("VIGIE_FAIL_ON", "low")]).status.code(), Some(1));
}
