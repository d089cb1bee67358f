//! vigie as a user installs it: `cargo install --path .` into a scratch root, then the demo
//! from the installed binary.
//!
//! The install builds with the release profile (LTO, one codegen unit). A cold build takes
//! minutes on two cores, so the test points cargo at the target directory the suite already
//! uses (`CARGO_TARGET_DIR`, or the one holding the test binaries): dependencies already built
//! in release are reused, and after `cargo build --release` the install only copies the binary.
//! `--offline --locked`: the versions of `Cargo.lock`, from the local registry, nothing fetched.

mod common;

use common::target_dir;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The shared libraries an ELF binary needs (`readelf -d`), or `None` without readelf.
fn needed_libraries(bin: &Path) -> Option<Vec<String>> {
    let out = Command::new("readelf").arg("-d").arg(bin).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    Some(
        text.lines()
            .filter(|l| l.contains("(NEEDED)"))
            .filter_map(|l| Some(l.split_once('[')?.1.split_once(']')?.0.to_string()))
            .collect(),
    )
}

#[test]
fn cargo_install_gives_a_binary_that_runs_the_demo() {
    let root = tempfile::tempdir().unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "install",
            "--offline",
            "--locked",
            "--quiet",
            "--path",
            ROOT,
        ])
        .arg("--root")
        .arg(root.path())
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo install failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bin = root.path().join("bin/vigie");
    assert!(bin.is_file(), "no {}", bin.display());

    // One binary linked to the C library only: no OpenSSL, no system SQLite, no libpq.
    if let Some(libs) = needed_libraries(&bin) {
        let allowed = |l: &str| {
            ["libc.so", "libm.so", "libgcc_s.so", "ld-linux"]
                .iter()
                .any(|a| l.starts_with(a))
        };
        assert!(libs.iter().all(|l| allowed(l)), "{libs:?}");
        assert!(libs.iter().any(|l| l.starts_with("libc.so")), "{libs:?}");
    }

    // The demo school is in France: its report is in French.
    let demo = Command::new(&bin).arg("demo").output().unwrap();
    let stdout = String::from_utf8_lossy(&demo.stdout);
    assert_eq!(demo.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("31 constat(s) (3 critique, 17 élevée, 10 moyenne, 1 faible)"),
        "{stdout}"
    );

    let version = Command::new(&bin).arg("--version").output().unwrap();
    assert_eq!(version.status.code(), Some(0));
    let version = String::from_utf8_lossy(&version.stdout);
    assert!(
        version.starts_with(&format!("vigie {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
}

/// The crate's published form: `cargo package` (what crates.io would hold), then
/// `cargo install --path` on the unpacked package. Proves the package carries everything the
/// binary embeds (rules, lexicons, policies, the demo's seed) and nothing of the test corpora.
#[test]
fn the_packaged_crate_installs_and_runs_the_demo() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let work = tempfile::tempdir().unwrap();
    // `--no-verify`: the install below is the verification, with the release profile.
    let out = Command::new(&cargo)
        .args([
            "package",
            "--offline",
            "--locked",
            "--no-verify",
            "--allow-dirty",
            "--quiet",
        ])
        .arg("--target-dir")
        .arg(work.path())
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo package failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let version = env!("CARGO_PKG_VERSION");
    let crate_file = work.path().join(format!("package/vigie-{version}.crate"));
    let size = std::fs::metadata(&crate_file).unwrap().len();
    // crates.io refuses crates over 10 MB; the test corpora must stay out of it.
    assert!(size < 2_000_000, "{} is {size} bytes", crate_file.display());
    // `--no-verify` leaves the .crate packed: unpack it as cargo would (a gzipped tar).
    let unpack = Command::new("tar")
        .arg("-xzf")
        .arg(&crate_file)
        .arg("-C")
        .arg(work.path())
        .status()
        .unwrap();
    assert!(unpack.success());
    let unpacked = work.path().join(format!("vigie-{version}"));
    assert!(unpacked.join("testdata/demo/ecole.sql").is_file());
    assert!(!unpacked.join("tests").exists());
    assert!(!unpacked.join("testdata/comments").exists());

    let root = tempfile::tempdir().unwrap();
    let out = Command::new(&cargo)
        .args(["install", "--offline", "--locked", "--quiet", "--path"])
        .arg(&unpacked)
        .arg("--root")
        .arg(root.path())
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo install of the package failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bin = root.path().join("bin/vigie");
    let demo = Command::new(&bin)
        .args(["demo", "--lang", "en"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&demo.stdout);
    assert_eq!(demo.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("31 finding(s) (3 critical, 17 high, 10 medium, 1 low)"),
        "{stdout}"
    );
}
