//! The migration files the gate reads: the paths given on the command line, directories walked
//! recursively, in the order migration tools apply them.
//!
//! Ordering lives here, not in the gate, because it is a property of how files are found on
//! disk: files sort by their name alone ([`natural_cmp`]: `V2__` before `V10__`, timestamps as
//! numbers, Flyway's `R__` last), then by path, so `001_a.sql` in one folder and `002_b.sql` in
//! another keep their order. Files given one by one keep the order they were given in.
//! Rollback files (`down.sql`, `U1__…`) are collected like any other: the gate knows which
//! files run only when migrating down and skips them.

use super::gate::{SourceFile, natural_cmp};
use crate::catalog::Catalog;
use crate::db::{self, DbError, Limits, Target};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum FilesError {
    #[error("{} does not exist", .0.display())]
    #[diagnostic(code(vigie::migrations::missing))]
    Missing(PathBuf),
    #[error("cannot read {}: {error}", .path.display())]
    #[diagnostic(code(vigie::migrations::read))]
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{} is not text (NUL or control bytes): a migration file must be SQL", .0.display())]
    #[diagnostic(code(vigie::migrations::not_text))]
    NotText(PathBuf),
    #[error("{} holds no migration file (.sql)", .0.display())]
    #[diagnostic(code(vigie::migrations::empty))]
    NoMigrations(PathBuf),
}

/// The `.sql` files of `paths`, in migration order, read.
///
/// A file that is not text (a NUL byte, or more than one byte in ten a control character: a
/// binary file, an archive) is refused by name rather than read as SQL, where its
/// bytes would become syntax errors (or pass). Text in UTF-8 is read as it is; text that is not
/// UTF-8 is read as Latin-1, the encoding of many legacy MySQL dumps, so an accented comment
/// never stops the gate.
pub fn load(paths: &[PathBuf]) -> Result<Vec<SourceFile>, FilesError> {
    collect(paths)?
        .into_iter()
        .map(|path| match std::fs::read(&path) {
            Ok(bytes) => match decode(bytes) {
                Some(text) => Ok(SourceFile {
                    path: path.display().to_string(),
                    text,
                }),
                None => Err(FilesError::NotText(path)),
            },
            Err(error) => Err(FilesError::Unreadable { path, error }),
        })
        .collect()
}

/// The text of a file's bytes, or `None` for bytes that are not text.
fn decode(bytes: Vec<u8>) -> Option<String> {
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if bytes.contains(&0) || control * 10 > bytes.len() {
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        // Latin-1 maps every byte to the code point of the same value.
        Err(e) => Some(e.into_bytes().iter().map(|&b| char::from(b)).collect()),
    }
}

/// The files `paths` name: a file as it is (whatever its extension), a directory as the
/// `.sql` files under it, in migration order. A directory without any is an error: a wrong
/// path in CI must not pass the gate by checking nothing.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FilesError> {
    let mut out = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(FilesError::Missing(path.clone()));
        }
        if path.is_dir() {
            let mut found = sql_files_under(path).map_err(|error| FilesError::Unreadable {
                path: path.clone(),
                error,
            })?;
            if found.is_empty() {
                return Err(FilesError::NoMigrations(path.clone()));
            }
            found.sort_by(|a, b| natural_cmp(&file_name(a), &file_name(b)).then_with(|| a.cmp(b)));
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// The `.sql` files under `dir`. A folder or file reached twice (a symbolic link back up the
/// tree, two links to one file) is read once: each real path is visited once.
fn sql_files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if !seen.insert(std::fs::canonicalize(&dir)?) {
            continue;
        }
        for entry in std::fs::read_dir(&dir)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql"))
                && std::fs::canonicalize(&p).is_ok_and(|real| seen.insert(real))
            {
                found.push(p);
            }
        }
    }
    Ok(found)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The schema of a live database the migrations apply to (`--base`): one read-only session,
/// introspected, closed.
pub fn introspect_base(target: &Target, schemas: &[String]) -> Result<Catalog, DbError> {
    let (_, sessions) = db::open(target, 1, Limits::default())?;
    let mut session = sessions
        .into_iter()
        .next()
        .expect("db::open returns at least one session");
    let catalog = session.introspect(schemas);
    session.close();
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, format!("-- {f}\n")).unwrap();
        }
        dir
    }

    /// Paths relative to the walked directory, `/`-separated.
    fn names(dir: &tempfile::TempDir) -> Vec<String> {
        collect(&[dir.path().to_path_buf()])
            .unwrap()
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn numbered_names_sort_as_numbers() {
        let dir = tree(&[
            "V10__late.sql",
            "V2__second.sql",
            "V1__init.sql",
            "V1_1__fix.sql",
        ]);
        assert_eq!(
            names(&dir),
            [
                "V1__init.sql",
                "V1_1__fix.sql",
                "V2__second.sql",
                "V10__late.sql"
            ]
        );
        let dir = tree(&["10_c.sql", "9_b.sql", "001_a.sql"]);
        assert_eq!(names(&dir), ["001_a.sql", "9_b.sql", "10_c.sql"]);
    }

    #[test]
    fn timestamped_names_sort_in_time_whatever_their_folder() {
        // Rails and Laravel style, spread over folders: the name decides, not the folder.
        let dir = tree(&[
            "b/20240315093000_add_consent.sql",
            "a/20240402081500_rename.sql",
            "c/2024_01_01_000000_create_etudiants.sql",
            "20240101120000_create_alumni.sql",
        ]);
        assert_eq!(
            names(&dir),
            [
                "c/2024_01_01_000000_create_etudiants.sql",
                "20240101120000_create_alumni.sql",
                "b/20240315093000_add_consent.sql",
                "a/20240402081500_rename.sql",
            ]
        );
    }

    #[test]
    fn the_same_name_in_two_folders_sorts_by_path() {
        let dir = tree(&["z/0001_up.sql", "a/0001_up.sql", "m/0002_next.sql"]);
        assert_eq!(
            names(&dir),
            ["a/0001_up.sql", "z/0001_up.sql", "m/0002_next.sql"]
        );
    }

    #[test]
    fn flyway_repeatables_come_last() {
        let dir = tree(&["R__views.sql", "V3__c.sql", "V1__a.sql"]);
        assert_eq!(names(&dir), ["V1__a.sql", "V3__c.sql", "R__views.sql"]);
    }

    #[test]
    fn only_sql_files_are_read_from_folders_but_a_named_file_is_read_as_given() {
        let dir = tree(&[
            "1_a.sql",
            "2_b.SQL",
            "README.md",
            "schema.rb",
            "3_c.sql.bak",
        ]);
        assert_eq!(names(&dir), ["1_a.sql", "2_b.SQL"]);
        let given = dir.path().join("schema.rb");
        assert_eq!(collect(std::slice::from_ref(&given)).unwrap(), [given]);
    }

    #[test]
    fn rollback_files_are_collected_for_the_gate_to_skip() {
        let dir = tree(&[
            "000001_init.up.sql",
            "000001_init.down.sql",
            "2024-01-01-000000_create/up.sql",
            "2024-01-01-000000_create/down.sql",
            "U2__undo.sql",
            "V2__do.sql",
        ]);
        let found = names(&dir);
        assert_eq!(found.len(), 6, "{found:?}");
        let rollbacks: Vec<&String> = found
            .iter()
            .filter(|p| super::super::gate::is_rollback_file(p))
            .collect();
        assert_eq!(
            rollbacks.len(),
            3,
            "the gate recognises them: {rollbacks:?}"
        );
    }

    #[test]
    fn arguments_keep_their_order_and_folders_expand_in_place() {
        let dir = tree(&["z.sql", "d/2_b.sql", "d/1_a.sql"]);
        let z = dir.path().join("z.sql");
        let d = dir.path().join("d");
        let found = collect(&[z.clone(), d.clone()]).unwrap();
        assert_eq!(found, [z, d.join("1_a.sql"), d.join("2_b.sql")]);
    }

    #[test]
    fn reads_files_with_their_paths() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("V1__init.sql");
        std::fs::write(&p, "-- café\nCREATE TABLE t (id int);\n").unwrap();
        let files = load(std::slice::from_ref(&p)).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, p.display().to_string());
        assert_eq!(files[0].text, "-- café\nCREATE TABLE t (id int);\n");
    }

    #[test]
    fn a_file_that_is_not_utf8_text_is_named() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [
            ("nul.sql", &b"CREATE TABLE t (id int);\0\0\n"[..]),
            (
                "controls.sql",
                &b"\x01\x02\x03\x04CREATE TABLE t (id int);\n"[..],
            ),
        ] {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            let e = load(std::slice::from_ref(&p)).unwrap_err();
            assert!(matches!(&e, FilesError::NotText(q) if *q == p), "{e:?}");
            assert!(
                e.to_string()
                    .starts_with(&format!("{} is not text", p.display()))
            );
        }
        // Latin-1 text (a legacy dump) is text: read as Latin-1.
        let p = dir.path().join("latin1.sql");
        std::fs::write(&p, b"-- caf\xe9\nCREATE TABLE t (id int);\n").unwrap();
        let files = load(std::slice::from_ref(&p)).unwrap();
        assert_eq!(files[0].text, "-- café\nCREATE TABLE t (id int);\n");
    }

    #[test]
    fn a_folder_without_sql_files_is_an_error() {
        let dir = tree(&["README.md", "sub/notes.txt"]);
        let e = load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            matches!(&e, FilesError::NoMigrations(p) if p == dir.path()),
            "{e:?}"
        );
        assert!(e.to_string().ends_with("holds no migration file (.sql)"));
    }

    /// A symbolic link back up the tree is not followed round and round: every real file is
    /// read once.
    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_reads_each_file_once() {
        let dir = tree(&["001_init.sql", "sub/002_next.sql"]);
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("001_init.sql"),
            dir.path().join("sub/again.sql"),
        )
        .unwrap();
        let files = collect(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(files.len(), 2, "{files:?}");
    }

    #[test]
    fn a_missing_path_is_named() {
        let dir = tree(&["1_a.sql"]);
        let absent = dir.path().join("absent.sql");
        let e = load(&[dir.path().to_path_buf(), absent.clone()]).unwrap_err();
        assert!(
            matches!(&e, FilesError::Missing(p) if *p == absent),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            format!("{} does not exist", absent.display())
        );
    }

    #[test]
    fn introspects_a_sqlite_base() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("base.db");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE etudiants (id INTEGER PRIMARY KEY, religion TEXT);")
            .unwrap();
        let catalog = introspect_base(&Target::Sqlite { path }, &[]).unwrap();
        let table = catalog
            .tables
            .iter()
            .find(|t| t.name == "etudiants")
            .expect("etudiants introspected");
        let columns: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(columns, ["id", "religion"]);
    }
}
