//! `vigie.toml`: defaults for a project or a client, found in the current folder or a parent.
//!
//! A consultant keeps one folder per client, a platform team one file per repository; each
//! says which policy applies, where the database URL comes from, and how reports are written,
//! so `vigie scan` needs no flag. Precedence, lowest first: this file, then `VIGIE_*`
//! environment variables, then command-line flags (the resolution is in the binary, which
//! knows the flags).
//!
//! The file is meant to be committed and shared, so it never holds a secret: the database URL
//! is given as the *name* of an environment variable (`url_env`). A password written in the
//! file (a URL with `user:secret@` or `password=`, any key named like a password) is refused,
//! naming the file and line but never showing the value, before anything runs.
//!
//! Parsing is pure: [`parse`] takes the text, [`discover`] only finds and reads the file.

use std::path::{Path, PathBuf};

/// The file's name.
pub const FILE_NAME: &str = "vigie.toml";

/// A value of the file and the line it is on, so a bad value is reported where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub line: usize,
}

/// The settings of a `vigie.toml`. Values are kept as written: the binary types them (with
/// the same parsers as the flags) and reports a bad one at its line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The file, as found.
    pub path: PathBuf,
    /// The policy, resolved against the file's folder.
    pub policy: Option<Setting<PathBuf>>,
    /// The name of the environment variable holding the database URL.
    pub url_env: Option<Setting<String>>,
    /// A URL without a password (a SQLite file, or a server reached through `~/.pgpass`).
    pub url: Option<Setting<String>>,
    pub format: Option<Setting<String>>,
    pub fail_on: Option<Setting<String>>,
    pub lang: Option<Setting<String>>,
    pub jobs: Option<Setting<i64>>,
}

/// The keys a `vigie.toml` may hold.
pub const KEYS: &[&str] = &[
    "policy", "url_env", "url", "format", "fail_on", "lang", "jobs",
];

/// A problem of a `vigie.toml`: the file and line are in the message, the value never is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("{path}:{line}: {message}")]
#[diagnostic(code(vigie::config))]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub message: String,
    #[help]
    pub help: Option<String>,
}

/// The nearest `vigie.toml` from `dir` upwards, parsed; `None` when there is none.
pub fn discover(dir: &Path) -> Result<Option<Config>, ConfigError> {
    for folder in dir.ancestors() {
        let path = folder.join(FILE_NAME);
        if path.is_file() {
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                path: path.display().to_string(),
                line: 0,
                message: format!("cannot read the file: {e}"),
                help: None,
            })?;
            return parse(&path, &text).map(Some);
        }
    }
    Ok(None)
}

/// Key names that can only hold a secret.
fn secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase().replace('-', "_");
    key.contains("password")
        || key.contains("passwd")
        || key.contains("secret")
        || key.contains("token")
        || ["pwd", "pass", "mdp", "mot_de_passe"].contains(&key.as_str())
}

/// Whether a string holds a password: `user:secret@host` or `password=…` (libpq, JDBC).
fn holds_password(text: &str) -> bool {
    crate::db::redact(text) != text
}

/// Parse the text of the `vigie.toml` at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let problem = |offset: usize, message: String, help: Option<String>| ConfigError {
        path: shown.clone(),
        line: line_of(offset),
        message,
        help,
    };
    let table = toml::de::DeTable::parse(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        problem(offset, format!("not valid TOML: {}", e.message()), None)
    })?;
    // Secrets first, anywhere in the file, so a password is refused even under a key vigie
    // does not know.
    find_secrets(table.get_ref(), &problem)?;

    let folder = path.parent().unwrap_or(Path::new("."));
    let mut config = Config {
        path: path.to_path_buf(),
        ..Config::default()
    };
    for (key, value) in table.get_ref().iter() {
        let name = key.get_ref().as_ref();
        let at = value.span().start;
        let line = line_of(at);
        let string = || match value.get_ref() {
            toml::de::DeValue::String(s) => Ok(Setting {
                value: s.to_string(),
                line,
            }),
            _ => Err(problem(at, format!("`{name}` must be a string"), None)),
        };
        match name {
            "policy" => {
                let s = string()?;
                config.policy = Some(Setting {
                    value: folder.join(s.value),
                    line,
                });
            }
            "url_env" => {
                let s = string()?;
                let valid = !s.value.is_empty()
                    && s.value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(problem(
                        at,
                        "`url_env` must be the name of an environment variable, such as \
                         VIGIE_URL_CLIENT_X"
                            .into(),
                        Some("put the URL itself in that variable, outside the file".into()),
                    ));
                }
                config.url_env = Some(s);
            }
            "url" => config.url = Some(string()?),
            "format" => config.format = Some(string()?),
            "fail_on" => config.fail_on = Some(string()?),
            "lang" => config.lang = Some(string()?),
            "jobs" => match value.get_ref() {
                toml::de::DeValue::Integer(i) => {
                    let n = i.as_str().replace('_', "").parse::<i64>().ok();
                    match n.filter(|n| *n >= 1) {
                        Some(n) => config.jobs = Some(Setting { value: n, line }),
                        None => {
                            return Err(problem(at, "`jobs` must be at least 1".into(), None));
                        }
                    }
                }
                _ => return Err(problem(at, "`jobs` must be a number".into(), None)),
            },
            other => {
                let help = crate::policy::did_you_mean(other, KEYS.iter().copied())
                    .unwrap_or_else(|| format!("keys: {}", KEYS.join(", ")));
                return Err(problem(
                    key.span().start,
                    format!("unknown key `{other}`"),
                    Some(help),
                ));
            }
        }
    }
    Ok(config)
}

/// The first secret written in the file: a key named like a password, or a string value that
/// holds one. The message names the key, never the value.
fn find_secrets(
    table: &toml::de::DeTable<'_>,
    problem: &impl Fn(usize, String, Option<String>) -> ConfigError,
) -> Result<(), ConfigError> {
    let help = || {
        Some(
            "vigie.toml is shared and committed: put the URL in an environment variable and \
             name it with `url_env = \"VIGIE_URL_CLIENT_X\"`, or keep the password in ~/.pgpass"
                .to_string(),
        )
    };
    fn check_value(
        key: &str,
        value: &toml::Spanned<toml::de::DeValue<'_>>,
        problem: &impl Fn(usize, String, Option<String>) -> ConfigError,
        help: &impl Fn() -> Option<String>,
    ) -> Result<(), ConfigError> {
        match value.get_ref() {
            toml::de::DeValue::String(s) if holds_password(s) => Err(problem(
                value.span().start,
                format!(
                    "`{key}` holds a password; vigie refuses a password written in its configuration file"
                ),
                help(),
            )),
            toml::de::DeValue::Table(t) => find_secrets(t, problem),
            toml::de::DeValue::Array(items) => {
                for item in items.iter() {
                    check_value(key, item, problem, help)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        if secret_key(name) {
            return Err(problem(
                key.span().start,
                format!(
                    "`{name}` looks like a password; vigie refuses a password written in its configuration file"
                ),
                help(),
            ));
        }
        check_value(name, value, problem, &help)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("/client/vigie.toml"), text)
    }

    #[test]
    fn every_key_is_read_with_its_line_and_the_policy_is_relative_to_the_file() {
        let c = parse_text(
            "policy = \"policies/ecole.toml\"\nurl_env = \"VIGIE_URL_CLIENT_X\"\n\
             format = \"json\"\nfail_on = \"medium\"\nlang = \"fr\"\njobs = 3\n",
        )
        .unwrap();
        assert_eq!(
            c.policy,
            Some(Setting {
                value: PathBuf::from("/client/policies/ecole.toml"),
                line: 1
            })
        );
        assert_eq!(c.url_env.unwrap().value, "VIGIE_URL_CLIENT_X");
        assert_eq!(c.format.unwrap().line, 3);
        assert_eq!(c.fail_on.unwrap().value, "medium");
        assert_eq!(c.lang.unwrap().value, "fr");
        assert_eq!(c.jobs, Some(Setting { value: 3, line: 6 }));
        assert_eq!(c.url, None);
    }

    #[test]
    fn a_password_is_refused_at_its_line_without_showing_it() {
        for (text, line, key) in [
            (
                "policy = \"p.toml\"\nurl = \"postgres://audit:S3cret@db/crm\"\n",
                2,
                "url",
            ),
            ("\n\n\npassword = \"S3cret\"\n", 4, "password"),
            ("url = \"postgres://db/crm?password=S3cret\"\n", 1, "url"),
            (
                "[client]\nurl = \"host=db user=audit password=S3cret\"\n",
                2,
                "url",
            ),
            ("db_password = \"S3cret\"\n", 1, "db_password"),
        ] {
            let e = parse_text(text).unwrap_err();
            assert_eq!(e.line, line, "{text}");
            assert_eq!(e.path, "/client/vigie.toml");
            let shown = format!("{e} {}", e.help.clone().unwrap_or_default());
            assert!(shown.contains(&format!("`{key}`")), "{shown}");
            assert!(shown.contains("password"), "{shown}");
            assert!(!shown.contains("S3cret"), "{shown}");
        }
        // A URL without a password is accepted (a SQLite file, ~/.pgpass).
        let c = parse_text("url = \"postgres://audit@db/crm\"\n").unwrap();
        assert_eq!(c.url.unwrap().value, "postgres://audit@db/crm");
    }

    #[test]
    fn unknown_keys_and_bad_values_name_their_line() {
        let e = parse_text("policy = \"p.toml\"\nfail-on = \"low\"\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "unknown key `fail-on`"));
        assert_eq!(e.help.as_deref(), Some("did you mean `fail_on`?"));
        let e = parse_text("jobs = 0\n").unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (1, "`jobs` must be at least 1")
        );
        let e = parse_text("url_env = \"postgres://db/crm\"\n").unwrap_err();
        assert!(e.message.starts_with("`url_env` must be the name"), "{e}");
        let e = parse_text("format = [\n").unwrap_err();
        assert!(e.message.starts_with("not valid TOML"), "{e}");
    }

    #[test]
    fn the_nearest_file_upwards_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "format = \"json\"\n").unwrap();
        let c = discover(&deep).unwrap().unwrap();
        assert_eq!(c.path, dir.path().join(FILE_NAME));
        std::fs::write(dir.path().join("a").join(FILE_NAME), "lang = \"fr\"\n").unwrap();
        let c = discover(&deep).unwrap().unwrap();
        assert_eq!(c.path, dir.path().join("a").join(FILE_NAME));
        assert_eq!(c.format, None);
    }
}
