//! Where each setting of `scan`, `check-migrations` and `register` comes from, lowest first: the nearest
//! `vigie.toml` (`vigie::config`), then a `VIGIE_*` environment variable, then the flag.
//!
//! clap says whether a flag was given on the command line (`ValueSource::CommandLine`); only
//! the settings it did not get are taken from the environment, then from the file, each parsed
//! with the flag's own parser so `VIGIE_FORMAT=xml` or `format = "xml"` fails as `--format xml`
//! does, naming the variable or the file and line.
//!
//! | setting | flag | variable | vigie.toml |
//! | --- | --- | --- | --- |
//! | database URL | `URL` | `VIGIE_URL` | `url_env` (the name of a variable), or `url` without a password |
//! | policy | `--policy` | `VIGIE_POLICY` | `policy` (relative to the file) |
//! | report format | `--format` | `VIGIE_FORMAT` | `format` |
//! | threshold | `--fail-on` | `VIGIE_FAIL_ON` | `fail_on` |
//! | language | `--lang` | `VIGIE_LANG` | `lang` |
//! | sessions | `--jobs` | `VIGIE_JOBS` | `jobs` |

use crate::cli::{MigrationArgs, RegisterArgs, ScanArgs};
use crate::plain;
use clap::ArgMatches;
use clap::parser::ValueSource;
use miette::Result;
use std::path::PathBuf;
use vigie::config::{Config, ConfigError, Setting};

/// The settings of the nearest `vigie.toml` from the current folder, if any.
fn file() -> Result<Option<Config>> {
    let cwd = std::env::current_dir().map_err(|e| plain(format!("no current folder: {e}")))?;
    Ok(vigie::config::discover(&cwd)?)
}

/// A `VIGIE_*` variable, when set and not empty.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A value of a clap value enum, as the flag would read it.
fn value_enum<T: clap::ValueEnum>(text: &str) -> Result<T, String> {
    T::from_str(text, false).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        format!("`{text}` is not one of {}", names.join(", "))
    })
}

fn jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("`{text}` is not a number of sessions (at least 1)")),
    }
}

/// The layers of one command: what clap got, and the file.
struct Layers<'a> {
    matches: &'a ArgMatches,
    file: Option<Config>,
}

impl Layers<'_> {
    fn given(&self, id: &str) -> bool {
        self.matches.value_source(id) == Some(ValueSource::CommandLine)
    }

    /// The value of a setting the command line did not give: the variable's, else the file's.
    fn pick<T>(
        &self,
        id: &str,
        var: &str,
        in_file: Option<&Setting<String>>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>> {
        if self.given(id) {
            return Ok(None);
        }
        if let Some(text) = env(var) {
            return parse(&text)
                .map(Some)
                .map_err(|why| plain(format!("{var}: {why}")));
        }
        let (Some(config), Some(setting)) = (&self.file, in_file) else {
            return Ok(None);
        };
        parse(&setting.value).map(Some).map_err(|why| {
            ConfigError {
                path: config.path.display().to_string(),
                line: setting.line,
                message: format!("{}: {why}", id.replace('-', "_")),
                help: None,
            }
            .into()
        })
    }

    /// The policy: `--policy`, `VIGIE_POLICY`, or the file's `policy`.
    fn policy(&self, flag: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(path) = flag.filter(|_| self.given("policy")) {
            return Ok(path);
        }
        if let Some(path) = env("VIGIE_POLICY") {
            return Ok(path.into());
        }
        if let Some(p) = self.file.as_ref().and_then(|c| c.policy.as_ref()) {
            return Ok(p.value.clone());
        }
        Err(plain(
            "no policy: give --policy FILE, set VIGIE_POLICY, or write `policy = \"…\"` in a vigie.toml",
        ))
    }
}

/// Fill the settings of `vigie scan` the command line left out; the database URL and the
/// policy, which have no default.
pub fn scan(args: &mut ScanArgs, matches: &ArgMatches) -> Result<(String, PathBuf)> {
    let layers = Layers {
        matches,
        file: file()?,
    };
    if let Some(v) = layers.pick(
        "format",
        "VIGIE_FORMAT",
        layers.file.as_ref().and_then(|c| c.format.as_ref()),
        value_enum,
    )? {
        args.format = v;
    }
    if let Some(v) = layers.pick(
        "fail_on",
        "VIGIE_FAIL_ON",
        layers.file.as_ref().and_then(|c| c.fail_on.as_ref()),
        value_enum,
    )? {
        args.fail_on = v;
    }
    // Without a language from any layer, the report follows the policy's country.
    if let Some(v) = layers.pick(
        "lang",
        "VIGIE_LANG",
        layers.file.as_ref().and_then(|c| c.lang.as_ref()),
        value_enum::<vigie::i18n::Lang>,
    )? {
        args.lang = Some(v);
    }
    let file_jobs = layers.file.as_ref().and_then(|c| {
        c.jobs.as_ref().map(|j| Setting {
            value: j.value.to_string(),
            line: j.line,
        })
    });
    if let Some(v) = layers.pick("jobs", "VIGIE_JOBS", file_jobs.as_ref(), jobs)? {
        args.jobs = Some(v);
    }
    let policy = layers.policy(args.policy.take())?;
    let url = match args.url.take().filter(|_| layers.given("url")) {
        Some(url) => url,
        None => match env("VIGIE_URL") {
            Some(url) => url,
            None => file_url(layers.file.as_ref())?,
        },
    };
    Ok((url, policy))
}

/// The URL a `vigie.toml` gives: the variable `url_env` names, else `url`.
fn file_url(file: Option<&Config>) -> Result<String> {
    let none = || {
        plain(
            "no database URL: give it as the first argument, set VIGIE_URL, or name the \
             variable that holds it with `url_env = \"…\"` in a vigie.toml",
        )
    };
    let Some(config) = file else {
        return Err(none());
    };
    if let Some(name) = &config.url_env {
        return env(&name.value).ok_or_else(|| {
            ConfigError {
                path: config.path.display().to_string(),
                line: name.line,
                message: format!("url_env: the variable {} is not set", name.value),
                help: Some(format!(
                    "export {}='postgres://…' (the URL of the database to scan)",
                    name.value
                )),
            }
            .into()
        });
    }
    config
        .url
        .as_ref()
        .map(|u| u.value.clone())
        .ok_or_else(none)
}

/// Fill the settings of `vigie register` the command line left out: the language, and the
/// policy. Its database stays on the command line only (`--url`): a record made from the policy
/// alone must not read a database because a variable happens to be set.
pub fn register(args: &mut RegisterArgs, matches: &ArgMatches) -> Result<PathBuf> {
    let layers = Layers {
        matches,
        file: file()?,
    };
    if let Some(v) = layers.pick(
        "lang",
        "VIGIE_LANG",
        layers.file.as_ref().and_then(|c| c.lang.as_ref()),
        value_enum::<vigie::i18n::Lang>,
    )? {
        args.lang = Some(v);
    }
    layers.policy(args.policy.take())
}

/// Fill the settings of `vigie check-migrations` the command line left out; the policy.
pub fn check_migrations(args: &mut MigrationArgs, matches: &ArgMatches) -> Result<PathBuf> {
    let layers = Layers {
        matches,
        file: file()?,
    };
    if let Some(v) = layers.pick(
        "fail_on",
        "VIGIE_FAIL_ON",
        layers.file.as_ref().and_then(|c| c.fail_on.as_ref()),
        value_enum,
    )? {
        args.fail_on = v;
    }
    layers.policy(args.policy.take())
}
