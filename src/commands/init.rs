//! `vigie init URL --output FILE`: the draft policy written to a new file.
//!
//! A policy is hand-completed work (legal bases, durations, reasons): writing a draft over one
//! would destroy it. So the file must not exist. It is checked before the database is read,
//! for a quick answer, and the file is created with `create_new`, so a file that appears in
//! between is not overwritten either.

use miette::Result;
use std::io::Write;
use std::path::Path;

fn exists_error(path: &Path) -> miette::Report {
    crate::plain(format!(
        "{} already exists: vigie init never overwrites a file; choose another --output or \
         move the existing file away",
        path.display()
    ))
}

/// Refuse a `--output` that already exists, before any work.
pub fn refuse_existing(path: &Path) -> Result<()> {
    // `symlink_metadata`: a dangling link is a file too; writing through it would create its target.
    if path.symlink_metadata().is_ok() {
        return Err(exists_error(path));
    }
    Ok(())
}

/// Write `text` to a file that must not exist yet.
pub fn write_new(path: &Path, text: &str) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => exists_error(path),
            _ => crate::plain(format!("cannot write {}: {e}", path.display())),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| crate::plain(format!("cannot write {}: {e}", path.display())))
}
