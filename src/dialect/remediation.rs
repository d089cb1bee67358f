//! Remediation SQL: proposed, never executed.
//!
//! Each script is one transaction with a header (rule, purpose, count, legal reference) and
//! is keyed on the same predicate as the check that counted the rows, with the as-of instant
//! written as a literal, so running it removes exactly what was reported, even later.
//! Large sets are cut into batches of [`BATCH`] keys so no statement holds locks for long.

use super::Dialect;

pub const BATCH: u64 = 10_000;

#[derive(Clone, Debug)]
pub enum Action {
    Delete,
    /// Set these columns to these SQL values (NULL or a neutral constant).
    Anonymise(Vec<(String, String)>),
    /// Copy the rows into an archive table with restricted access, then delete them.
    Archive,
}

/// Rows of one table selected by a predicate written against the alias `t`.
#[derive(Clone, Debug)]
pub struct RowSet {
    pub schema: Option<String>,
    pub table: String,
    pub key: Vec<String>,
    /// The predicate, on alias `t`, with the as-of instant as a literal.
    pub predicate: String,
}

impl RowSet {
    fn table_ref(&self, d: Dialect) -> String {
        d.table_ref(self.schema.as_deref(), &self.table)
    }

    /// The statement's target rows: by key in batches when there is a key, else by predicate.
    fn target_condition(&self, d: Dialect) -> String {
        let table = self.table_ref(d);
        let outer: Vec<String> = self.key.iter().map(|k| d.quote_ident(k)).collect();
        let inner: Vec<String> = self.key.iter().map(|k| d.col("t", k)).collect();
        let outer = if outer.len() == 1 {
            outer[0].clone()
        } else {
            format!("({})", outer.join(", "))
        };
        let select = format!(
            "SELECT {} FROM {table} AS t WHERE {} ORDER BY {} LIMIT {BATCH}",
            inner.join(", "),
            self.predicate,
            inner.join(", ")
        );
        match d {
            // MySQL refuses LIMIT directly inside IN (…): a derived table lifts it.
            Dialect::Mysql => format!("{outer} IN (SELECT * FROM ({select}) AS batch)"),
            _ => format!("{outer} IN ({select})"),
        }
    }
}

/// Key literals written on one line of an `IN (…)` list, so a long list stays readable.
const KEYS_PER_LINE: usize = 20;

/// `UPDATE table SET column = NULL WHERE key IN (…);` over `keys` (SQL literals), in batches
/// of [`BATCH`], the list wrapped every [`KEYS_PER_LINE`] keys.
pub fn blank_by_keys(table: &str, column: &str, key: &str, keys: &[String]) -> String {
    let mut out = String::new();
    for chunk in keys.chunks(BATCH as usize) {
        let lines: Vec<String> = chunk
            .chunks(KEYS_PER_LINE)
            .map(|line| line.join(", "))
            .collect();
        let list = if lines.len() == 1 {
            lines[0].clone()
        } else {
            format!("\n  {}\n", lines.join(",\n  "))
        };
        out.push_str(&format!(
            "UPDATE {table} SET {column} = NULL WHERE {key} IN ({list});\n"
        ));
    }
    out
}

/// Render a remediation script for `count` rows.
pub fn render(d: Dialect, header: &[String], rows: &RowSet, action: &Action, count: u64) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str(&format!("-- {line}\n"));
    }
    out.push_str("-- Review before running: vigie never executes this.\n");
    out.push_str(d.begin());
    out.push('\n');
    let table = rows.table_ref(d);
    let batches = count.div_ceil(BATCH).max(1);
    if let Action::Archive = action {
        let archive = archive_table(d, rows);
        match d {
            Dialect::Postgres => {
                out.push_str("CREATE SCHEMA IF NOT EXISTS archive;\n");
                out.push_str("REVOKE ALL ON SCHEMA archive FROM PUBLIC;\n");
                out.push_str(&format!(
                    "CREATE TABLE IF NOT EXISTS {archive} (LIKE {table} INCLUDING DEFAULTS);\n"
                ));
            }
            Dialect::Mysql => out.push_str(&format!(
                "CREATE TABLE IF NOT EXISTS {archive} LIKE {table};\n"
            )),
            Dialect::Sqlite => out.push_str(&format!(
                "CREATE TABLE IF NOT EXISTS {archive} AS SELECT * FROM {table} WHERE 0;\n"
            )),
        }
        out.push_str(&format!(
            "INSERT INTO {archive} SELECT t.* FROM {table} AS t WHERE {};\n",
            rows.predicate
        ));
    }
    for _ in 0..batches {
        let statement = match action {
            Action::Delete | Action::Archive => {
                if rows.key.is_empty() {
                    delete_by_predicate(d, &table, &rows.predicate)
                } else {
                    format!("DELETE FROM {table} WHERE {};", rows.target_condition(d))
                }
            }
            Action::Anonymise(sets) => {
                let assignments: Vec<String> = sets
                    .iter()
                    .map(|(c, v)| format!("{} = {v}", d.quote_ident(c)))
                    .collect();
                if rows.key.is_empty() {
                    format!(
                        "UPDATE {table} AS t SET {} WHERE {};",
                        assignments.join(", "),
                        rows.predicate
                    )
                } else {
                    format!(
                        "UPDATE {table} SET {} WHERE {};",
                        assignments.join(", "),
                        rows.target_condition(d)
                    )
                }
            }
        };
        out.push_str(&statement);
        out.push('\n');
        if rows.key.is_empty() {
            break;
        }
    }
    out.push_str("COMMIT;\n");
    out
}

fn delete_by_predicate(d: Dialect, table: &str, predicate: &str) -> String {
    match d {
        Dialect::Mysql => format!("DELETE t FROM {table} AS t WHERE {predicate};"),
        _ => format!("DELETE FROM {table} AS t WHERE {predicate};"),
    }
}

fn archive_table(d: Dialect, rows: &RowSet) -> String {
    match d {
        Dialect::Postgres => format!("archive.{}", d.quote_ident(&rows.table)),
        _ => d.quote_ident(&format!("archive_{}", rows.table)),
    }
}

/// A custom check's own remediation, wrapped in a transaction with the header.
pub fn render_custom(d: Dialect, header: &[String], sql: &str) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str(&format!("-- {line}\n"));
    }
    out.push_str("-- Review before running: vigie never executes this.\n");
    out.push_str(d.begin());
    out.push('\n');
    out.push_str(sql.trim().trim_end_matches(';'));
    out.push_str(";\nCOMMIT;\n");
    out
}
