//! `vigie completions SHELL` and the man pages, generated from the clap definition that also
//! gives `--help`, so they cannot drift from the options (clap_complete, clap_mangen).
//!
//! The committed `docs/man/*.1` are checked against this output by `tests/distribution.rs`.
//! They carry the crate's version only, not the rule pack's digest, so editing a rule's text
//! does not change the man pages.

use crate::cli::Cli;
use clap::CommandFactory;
use std::path::Path;

/// The command as documented: `--version` without the rule pack's digest.
fn command() -> clap::Command {
    Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(env!("CARGO_PKG_VERSION"))
}

/// The completion script of `shell`.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "vigie", &mut out);
    out
}

/// The sections of `vigie.1` that clap does not know: the configuration file, the variables
/// and the exit codes (`--help` says them in one paragraph, `after_long_help`).
const SECTIONS: &str = r#".SH FILES
.TP
\fBvigie.toml\fR
In the current folder or the nearest parent: defaults for \fBscan\fR and \fBcheck\-migrations\fR.
Keys: \fBpolicy\fR (relative to the file), \fBurl_env\fR (the name of the environment variable
holding the database URL), \fBurl\fR (a URL without a password), \fBformat\fR, \fBfail_on\fR,
\fBlang\fR, \fBjobs\fR. A password written in the file is refused, naming the file and line.
.SH ENVIRONMENT
Each variable overrides \fBvigie.toml\fR; a flag overrides both.
.TP
\fBVIGIE_URL\fR
The database URL of \fBscan\fR.
.TP
\fBVIGIE_POLICY\fR
The policy file of \fBscan\fR and \fBcheck\-migrations\fR.
.TP
\fBVIGIE_FORMAT\fR, \fBVIGIE_FAIL_ON\fR, \fBVIGIE_LANG\fR, \fBVIGIE_JOBS\fR
\fB\-\-format\fR, \fB\-\-fail\-on\fR, \fB\-\-lang\fR, \fB\-\-jobs\fR of \fBscan\fR (\fBVIGIE_FAIL_ON\fR also of \fBcheck\-migrations\fR).
.TP
\fBNO_COLOR\fR
No colours in reports and diagnostics.
.SH EXIT STATUS
.TP
\fB0\fR
No finding at or above \fB\-\-fail\-on\fR.
.TP
\fB1\fR
At least one finding at or above \fB\-\-fail\-on\fR.
.TP
\fB2\fR
The work could not complete: connection, policy error, a check in error (a check that could
not run is never a pass), or a wrong command line.
"#;

/// The page of `vigie` itself (roff).
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let cmd = command().after_long_help(None::<&str>);
    clap_mangen::Man::new(cmd).render(&mut out)?;
    out.extend_from_slice(SECTIONS.as_bytes());
    Ok(out)
}

/// `vigie.1` and one `vigie-<command>.1` per visible command, written into `dir`.
pub fn write_man_pages(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = command();
    cmd.build();
    std::fs::write(dir.join("vigie.1"), man_page()?)?;
    // `help` is clap's own command: `--help` of each command is in its page.
    let documented = |s: &&clap::Command| !s.is_hide_set() && s.get_name() != "help";
    for sub in cmd.get_subcommands().filter(documented) {
        let name = format!("vigie-{}", sub.get_name());
        // clap names are `&'static str`; a few bytes per page, once, in a command that exits.
        let page: &'static str = Box::leak(name.clone().into_boxed_str());
        let sub = sub.clone().name(page).version(env!("CARGO_PKG_VERSION"));
        let mut out = Vec::new();
        clap_mangen::Man::new(sub).render(&mut out)?;
        std::fs::write(dir.join(format!("{name}.1")), out)?;
    }
    Ok(())
}
