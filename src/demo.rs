//! `vigie demo`: a small school CRM in a temporary SQLite file, with planted violations of
//! every rule of the foundation, scanned with `policies/ecole.toml`. No server needed.
//!
//! Dates in the seed are relative to the day the demo runs, so the findings are the same
//! whenever it runs.

use std::path::{Path, PathBuf};

pub const POLICY: &str = include_str!("../policies/ecole.toml");
pub const POLICY_PATH: &str = "policies/ecole.toml";
pub const SEED: &str = include_str!("../testdata/demo/ecole.sql");

/// Build the demo database at `path` (overwritten). This writes to a file vigie creates
/// itself, never to an audited database.
pub fn build(path: &Path) -> Result<(), String> {
    if path.exists() {
        std::fs::remove_file(path).map_err(|e| e.to_string())?;
    }
    let conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch(SEED)
        .map_err(|e| format!("building the demo database failed: {e}"))?;
    Ok(())
}

/// A fresh temporary path for the demo database.
pub fn temp_path() -> PathBuf {
    std::env::temp_dir().join(format!("vigie-demo-{}.db", std::process::id()))
}
