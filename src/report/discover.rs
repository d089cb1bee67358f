//! The discovery inventory, for people and for machines. Only categories, confidences, counts
//! and evidence in words: the inventory holds no value to print.
//!
//! The human table aligns every column but the last, evidence, which is never wrapped: one
//! column per line keeps the output greppable (`vigie discover … | grep nir`). Names come
//! from the database and are escaped ([`escape`]) before widths are measured.

use super::escape;
use crate::discover::Inventory;
use serde_json::json;
use std::fmt::Write;

/// What `vigie discover --format` accepts: the inventory has no document or CI form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiscoverFormat {
    Human,
    Json,
}

pub fn human(inv: &Inventory) -> String {
    let mut out = String::new();
    let sample = if inv.sample == 0 {
        "every row read".to_string()
    } else {
        format!("sample of at most {} rows per table", inv.sample)
    };
    let _ = writeln!(
        out,
        "vigie {} discover — {} ({} {}), {sample}\n",
        env!("CARGO_PKG_VERSION"),
        escape(&inv.target.url),
        inv.target.dialect.name(),
        escape(&inv.target.server_version),
    );
    let columns = inv.columns();
    let header = ["table", "column", "category", "conf", "rows", "evidence"];
    let rows: Vec<[String; 6]> = columns
        .iter()
        .map(|c| {
            let table = match &c.schema {
                Some(s) => format!("{s}.{}", c.table),
                None => c.table.clone(),
            };
            [
                escape(&table).into_owned(),
                escape(&c.column).into_owned(),
                c.category.as_str().to_string(),
                format!("{:.2}", c.confidence),
                c.rows.to_string(),
                escape(&c.evidence.join("; ")).into_owned(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == 5 {
                s.push_str(cell);
            } else {
                let pad = widths[i] - cell.chars().count();
                // Numbers right-aligned, words left-aligned.
                if i == 3 || i == 4 {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(cell);
                } else {
                    s.push_str(cell);
                    s.push_str(&" ".repeat(pad));
                }
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(header));
    for r in &rows {
        let cells = [
            r[0].as_str(),
            r[1].as_str(),
            r[2].as_str(),
            r[3].as_str(),
            r[4].as_str(),
            r[5].as_str(),
        ];
        let _ = writeln!(out, "{}", line(cells));
    }
    let skipped = inv.skipped();
    if !skipped.is_empty() {
        let _ = writeln!(
            out,
            "\nColumns not read (classified by name and type only; the rest of each table was read)"
        );
        for (table, column, ty, why) in &skipped {
            let _ = writeln!(
                out,
                "  {}.{} ({}): {}",
                escape(table),
                escape(column),
                escape(ty),
                escape(why)
            );
        }
    }
    let errors = inv.errors();
    if !errors.is_empty() {
        let _ = writeln!(out, "\nNot read");
        for (table, why) in &errors {
            let _ = writeln!(out, "  {}: {}", escape(table), escape(why));
        }
    }
    let personal = columns.iter().filter(|c| c.category.is_personal()).count();
    let sensitive = columns
        .iter()
        .filter(|c| c.category.is_sensitive() || c.category.as_str() == "nir")
        .count();
    let tables: std::collections::BTreeSet<&str> = columns
        .iter()
        .filter(|c| c.category.is_personal())
        .map(|c| c.table.as_str())
        .collect();
    let _ = writeln!(
        out,
        "\n{personal} personal-data column(s) in {} table(s), {sensitive} sensitive or NIR; {} column(s) classified; {} table(s) sampled, {} not read",
        tables.len(),
        columns.len(),
        inv.tables.len() - errors.len(),
        errors.len()
    );
    out
}

pub fn json(inv: &Inventory) -> String {
    let errors: Vec<_> = inv
        .errors()
        .into_iter()
        .map(|(table, reason)| json!({"table": table, "reason": reason}))
        .collect();
    let skipped: Vec<_> = inv
        .skipped()
        .into_iter()
        .map(|(table, column, data_type, reason)| {
            json!({"table": table, "column": column, "data_type": data_type, "reason": reason})
        })
        .collect();
    let columns = inv.columns();
    let value = json!({
        "tool": {"name": "vigie", "version": env!("CARGO_PKG_VERSION")},
        "target": {
            "dialect": inv.target.dialect,
            "database": inv.target.database,
            "server_version": inv.target.server_version,
        },
        "sample": inv.sample,
        "summary": {
            "columns": columns.len(),
            "personal": columns.iter().filter(|c| c.category.is_personal()).count(),
            "sensitive": columns.iter().filter(|c| c.category.is_sensitive()).count(),
            "tables_sampled": inv.tables.len() - errors.len(),
            "skipped": skipped.len(),
            "errors": errors.len(),
        },
        "columns": columns,
        "skipped": skipped,
        "errors": errors,
    });
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serialises");
    s.push('\n');
    s
}
