//! The Debian package a DPO's machine installs: `scripts/deb` builds it with cargo-deb, the test
//! unpacks it into a scratch root with `dpkg -x` (no root rights, nothing installed on the
//! machine) and runs the binary from there.
//!
//! It needs cargo-deb (`cargo install cargo-deb`, which `scripts/test` runs when it is missing)
//! and dpkg; without them it says so and passes outside CI, and fails under `CI=true`, as the
//! database tests do without their servers. Like `tests/install.rs`, it builds
//! in the suite's target directory, so the release build is reused.

// The skip message goes to stderr, as the database tests' do.
#![allow(clippy::print_stderr)]

mod common;

use common::target_dir;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_deb_installs_a_binary_that_runs() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    if !available(&cargo, &["deb", "--version"]) || !available("dpkg-deb", &["--version"]) {
        // `scripts/test` installs cargo-deb when it is missing: under CI its absence is a
        // failure, never a silent pass.
        assert!(
            !common::in_ci(),
            "cargo-deb and dpkg are needed under CI=true (scripts/test installs cargo-deb)"
        );
        eprintln!("skipped: needs cargo-deb (cargo install cargo-deb) and dpkg");
        return;
    }
    let out_dir = tempfile::tempdir().unwrap();
    let deb = out_dir.path().join("vigie.deb");
    let built = Command::new(Path::new(ROOT).join("scripts/deb"))
        .arg("--output")
        .arg(&deb)
        .env("CARGO_TARGET_DIR", target_dir())
        // scripts/deb runs `cargo`: the same one as this build.
        .env(
            "PATH",
            format!(
                "{}:{}",
                Path::new(&cargo)
                    .parent()
                    .unwrap_or(Path::new(""))
                    .display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "scripts/deb failed:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );

    // The control file: name, version, architecture, and a dependency on the C library only.
    let info = Command::new("dpkg-deb")
        .args(["--field"])
        .arg(&deb)
        .args(["Package", "Version", "Architecture", "Depends", "Section"])
        .output()
        .unwrap();
    let fields = String::from_utf8_lossy(&info.stdout).into_owned();
    let field = |name: &str| {
        fields
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in\n{fields}"))
            .to_string()
    };
    assert_eq!(field("Package"), "vigie");
    assert_eq!(field("Version"), format!("{}-1", env!("CARGO_PKG_VERSION")));
    assert_eq!(field("Section"), "utils");
    let depends = field("Depends");
    assert!(
        depends
            .split(", ")
            .all(|d| d.starts_with("libc6") || d.starts_with("libgcc-s1")),
        "{depends}"
    );

    // Unpacked into a scratch root, as `dpkg -i` would place it.
    let root = tempfile::tempdir().unwrap();
    let unpacked = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(root.path())
        .status()
        .unwrap();
    assert!(unpacked.success());
    for file in [
        "usr/bin/vigie",
        "usr/share/bash-completion/completions/vigie",
        "usr/share/zsh/vendor-completions/_vigie",
        "usr/share/fish/vendor_completions.d/vigie.fish",
        "usr/share/doc/vigie/copyright",
        "usr/share/doc/vigie/policies/lycee.toml",
    ] {
        assert!(root.path().join(file).is_file(), "no {file} in the package");
    }
    let man = root.path().join("usr/share/man/man1");
    assert!(
        man.join("vigie.1.gz").is_file() || man.join("vigie.1").is_file(),
        "no man page"
    );
    assert!(man.read_dir().unwrap().count() >= 9);

    let bin = root.path().join("usr/bin/vigie");
    let version = Command::new(&bin).arg("--version").output().unwrap();
    assert_eq!(version.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&version.stdout).starts_with(&format!(
            "vigie {} (rule pack {}",
            env!("CARGO_PKG_VERSION"),
            vigie::rules::pack::version()
        )),
        "{version:?}"
    );
    // The demo school is in France: its report is in French.
    let demo = Command::new(&bin).arg("demo").output().unwrap();
    let stdout = String::from_utf8_lossy(&demo.stdout);
    assert_eq!(demo.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("31 constat(s) (3 critique, 17 élevée, 10 moyenne, 1 faible)"),
        "{stdout}"
    );
}
