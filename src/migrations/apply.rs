//! Applies a catalog delta on top of a base catalog, and remembers what the migrations touched.
//!
//! The gate reports only what the migrations introduce: a `religion` column that already existed
//! in the base (`--base URL`) is the scanner's business, not the CI gate's. [`MigrationState`]
//! therefore keeps, next to the resulting catalog, every (table, column) the migrations created,
//! renamed or changed, with where in which file, following renames and forgetting drops.
//!
//! Changes on a table or column the base does not know (no `--base`, or a partial one) create a
//! stub (`data_type` empty = unknown) rather than being lost: `ALTER TABLE prospects ALTER
//! COLUMN optin SET DEFAULT true` must still reach the `consent-default-true` rule.

use super::delta::{Change, Located};
use crate::catalog::{Catalog, Column, Table};

/// The table named `name`: exact match first, then ASCII case-insensitive (migrations lower-case
/// unquoted names, a live catalog keeps the server's spelling).
pub fn find_table<'a>(catalog: &'a Catalog, name: &str) -> Option<&'a Table> {
    table_index(catalog, name).map(|i| &catalog.tables[i])
}

/// Mutable [`find_table`].
pub fn find_table_mut<'a>(catalog: &'a mut Catalog, name: &str) -> Option<&'a mut Table> {
    table_index(catalog, name).map(move |i| &mut catalog.tables[i])
}

/// The column named `name` in `table`, exact match first, then case-insensitive.
pub fn find_column<'a>(table: &'a Table, name: &str) -> Option<&'a Column> {
    column_index(table, name).map(|i| &table.columns[i])
}

fn table_index(catalog: &Catalog, name: &str) -> Option<usize> {
    catalog
        .tables
        .iter()
        .position(|t| t.name == name)
        .or_else(|| {
            catalog
                .tables
                .iter()
                .position(|t| t.name.eq_ignore_ascii_case(name))
        })
}

fn column_index(table: &Table, name: &str) -> Option<usize> {
    table
        .columns
        .iter()
        .position(|c| c.name == name)
        .or_else(|| {
            table
                .columns
                .iter()
                .position(|c| c.name.eq_ignore_ascii_case(name))
        })
}

fn table_or_stub<'a>(catalog: &'a mut Catalog, name: &str) -> &'a mut Table {
    let i = match table_index(catalog, name) {
        Some(i) => i,
        None => {
            catalog.tables.push(Table {
                name: name.to_string(),
                ..Table::default()
            });
            catalog.tables.len() - 1
        }
    };
    &mut catalog.tables[i]
}

fn column_or_stub<'a>(table: &'a mut Table, name: &str) -> &'a mut Column {
    let i = match column_index(table, name) {
        Some(i) => i,
        None => {
            table.columns.push(Column {
                name: name.to_string(),
                nullable: true,
                ..Column::default()
            });
            table.columns.len() - 1
        }
    };
    &mut table.columns[i]
}

impl Catalog {
    /// Applies one change. Never fails: a change on an unknown table or column creates a stub.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::CreateTable {
                table,
                if_not_exists,
            } => match table_index(self, &table.name) {
                Some(_) if *if_not_exists => {}
                Some(i) => self.tables[i] = table.clone(),
                None => self.tables.push(table.clone()),
            },
            Change::DropTable { name } => {
                if let Some(i) = table_index(self, name) {
                    self.tables.remove(i);
                }
            }
            Change::RenameTable { from, to } => {
                if let Some(t) = find_table_mut(self, from) {
                    t.name = to.clone();
                }
            }
            Change::AddColumn { table, column } => {
                let t = table_or_stub(self, table);
                match column_index(t, &column.name) {
                    Some(i) => t.columns[i] = column.clone(),
                    None => t.columns.push(column.clone()),
                }
            }
            Change::DropColumn { table, column } => {
                if let Some(t) = find_table_mut(self, table) {
                    if let Some(i) = column_index(t, column) {
                        t.columns.remove(i);
                    }
                    t.primary_key.retain(|k| !k.eq_ignore_ascii_case(column));
                }
            }
            Change::RenameColumn { table, from, to } => {
                let t = table_or_stub(self, table);
                column_or_stub(t, from).name = to.clone();
                for k in &mut t.primary_key {
                    if k.eq_ignore_ascii_case(from) {
                        *k = to.clone();
                    }
                }
            }
            Change::AlterColumnType {
                table,
                column,
                data_type,
            } => {
                column_or_stub(table_or_stub(self, table), column).data_type = data_type.clone();
            }
            Change::SetDefault {
                table,
                column,
                default,
            } => {
                column_or_stub(table_or_stub(self, table), column).default = default.clone();
            }
            Change::SetNotNull {
                table,
                column,
                not_null,
            } => {
                column_or_stub(table_or_stub(self, table), column).nullable = !not_null;
            }
            Change::CommentOnColumn {
                table,
                column,
                comment,
            } => {
                column_or_stub(table_or_stub(self, table), column).comment = comment.clone();
            }
            Change::CommentOnTable { table, comment } => {
                table_or_stub(self, table).comment = comment.clone();
            }
            Change::SetPrimaryKey { table, columns } => {
                let t = table_or_stub(self, table);
                t.primary_key = columns.clone();
                for c in columns {
                    column_or_stub(t, c).nullable = false;
                }
            }
        }
    }
}

/// What a migration did to a table or column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum TouchKind {
    CreatedTable,
    RenamedTable,
    AddedColumn,
    RenamedColumn,
    TypeChanged,
    DefaultChanged,
    NullabilityChanged,
    Commented,
    PrimaryKeyChanged,
}

/// One thing a migration did, and where.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TouchEvent {
    pub kind: TouchKind,
    /// Index of the file, as given to [`MigrationState::apply`].
    pub file: usize,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

/// A table (`column: None`) or column the migrations introduced or changed, under its current
/// name, with everything that happened to it in order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Touched {
    pub table: String,
    pub column: Option<String>,
    pub events: Vec<TouchEvent>,
}

impl Touched {
    /// Whether the migrations created it (rather than only changed it).
    pub fn introduced(&self) -> bool {
        self.events.iter().any(|e| {
            matches!(
                e.kind,
                TouchKind::CreatedTable | TouchKind::AddedColumn | TouchKind::RenamedColumn
            )
        })
    }

    /// The latest event of one of these kinds.
    pub fn last(&self, kinds: &[TouchKind]) -> Option<&TouchEvent> {
        self.events.iter().rev().find(|e| kinds.contains(&e.kind))
    }
}

type Key = (String, Option<String>);

fn key(table: &str, column: Option<&str>) -> Key {
    (table.to_lowercase(), column.map(str::to_lowercase))
}

/// A base catalog with migrations applied in order, and what they touched.
///
/// Entries are indexed by (table, column) and forgotten entries leave a hole, so applying a
/// large dump stays linear instead of searching every entry for every change.
#[derive(Clone, Debug, Default)]
pub struct MigrationState {
    pub catalog: Catalog,
    entries: Vec<Option<Touched>>,
    index: std::collections::HashMap<Key, usize>,
    by_table: std::collections::HashMap<String, Vec<usize>>,
}

impl MigrationState {
    pub fn new(base: Catalog) -> Self {
        MigrationState {
            catalog: base,
            ..MigrationState::default()
        }
    }

    /// Everything the migrations introduced or changed, in first-touch order.
    pub fn touched(&self) -> impl Iterator<Item = &Touched> {
        self.entries.iter().flatten()
    }

    /// Applies every change of a file, in order.
    pub fn apply_all(&mut self, file: usize, changes: &[Located<Change>]) {
        for c in changes {
            self.apply(file, c);
        }
    }

    /// Applies one change of file number `file` and records what it touched.
    pub fn apply(&mut self, file: usize, change: &Located<Change>) {
        self.catalog.apply(&change.value);
        let event = |kind| TouchEvent {
            kind,
            file,
            line: change.line,
            column: change.column,
            start: change.start,
            end: change.end,
        };
        match &change.value {
            Change::CreateTable {
                table,
                if_not_exists,
            } => {
                if *if_not_exists && self.get(&table.name, None).is_some() {
                    return;
                }
                self.forget(&table.name, None);
                self.record(&table.name, None, event(TouchKind::CreatedTable));
                // The first span of each name, found in constant time.
                let mut spans: std::collections::HashMap<&str, _> = Default::default();
                for s in &change.column_spans {
                    spans.entry(s.name.as_str()).or_insert(s);
                }
                for c in &table.columns {
                    let ev = match spans.get(c.name.as_str()) {
                        Some(s) => TouchEvent {
                            kind: TouchKind::AddedColumn,
                            file,
                            line: s.line,
                            column: s.column,
                            start: s.start,
                            end: s.end,
                        },
                        None => event(TouchKind::AddedColumn),
                    };
                    self.record(&table.name, Some(&c.name), ev);
                }
            }
            Change::DropTable { name } => self.forget(name, None),
            Change::RenameTable { from, to } => {
                for i in self
                    .by_table
                    .remove(&from.to_lowercase())
                    .unwrap_or_default()
                {
                    if let Some(t) = self.entries[i].as_mut() {
                        self.index.remove(&key(&t.table, t.column.as_deref()));
                        t.table = to.clone();
                        self.index.insert(key(&t.table, t.column.as_deref()), i);
                        self.by_table.entry(to.to_lowercase()).or_default().push(i);
                    }
                }
                self.record(to, None, event(TouchKind::RenamedTable));
            }
            Change::AddColumn { table, column } => {
                self.forget(table, Some(&column.name));
                self.record(table, Some(&column.name), event(TouchKind::AddedColumn));
            }
            Change::DropColumn { table, column } => self.forget(table, Some(column)),
            Change::RenameColumn { table, from, to } => {
                if let Some(i) = self.index.remove(&key(table, Some(from)))
                    && let Some(t) = self.entries[i].as_mut()
                {
                    t.column = Some(to.clone());
                    self.index.insert(key(table, Some(to)), i);
                }
                self.record(table, Some(to), event(TouchKind::RenamedColumn));
            }
            Change::AlterColumnType { table, column, .. } => {
                self.record(table, Some(column), event(TouchKind::TypeChanged))
            }
            Change::SetDefault { table, column, .. } => {
                self.record(table, Some(column), event(TouchKind::DefaultChanged))
            }
            Change::SetNotNull { table, column, .. } => {
                self.record(table, Some(column), event(TouchKind::NullabilityChanged))
            }
            Change::CommentOnColumn { table, column, .. } => {
                self.record(table, Some(column), event(TouchKind::Commented))
            }
            Change::CommentOnTable { table, .. } => {
                self.record(table, None, event(TouchKind::Commented))
            }
            Change::SetPrimaryKey { table, .. } => {
                self.record(table, None, event(TouchKind::PrimaryKeyChanged))
            }
        }
    }

    /// What the migrations did to this table (`column: None`) or column, if anything.
    pub fn get(&self, table: &str, column: Option<&str>) -> Option<&Touched> {
        let i = *self.index.get(&key(table, column))?;
        self.entries[i].as_ref()
    }

    /// Whether the migrations introduced or changed this column.
    pub fn is_touched(&self, table: &str, column: &str) -> bool {
        self.get(table, Some(column)).is_some()
    }

    /// The (table, column) pairs the migrations introduced or changed, in first-touch order.
    pub fn touched_columns(&self) -> impl Iterator<Item = (&str, &str)> {
        self.touched()
            .filter_map(|t| t.column.as_deref().map(|c| (t.table.as_str(), c)))
    }

    fn record(&mut self, table: &str, column: Option<&str>, event: TouchEvent) {
        let k = key(table, column);
        if let Some(&i) = self.index.get(&k)
            && let Some(t) = self.entries[i].as_mut()
        {
            t.events.push(event);
            return;
        }
        let i = self.entries.len();
        self.entries.push(Some(Touched {
            table: table.to_string(),
            column: column.map(str::to_string),
            events: vec![event],
        }));
        self.index.insert(k, i);
        self.by_table
            .entry(table.to_lowercase())
            .or_default()
            .push(i);
    }

    /// Forgets a column, or a table and all its columns (`column: None`).
    fn forget(&mut self, table: &str, column: Option<&str>) {
        match column {
            Some(c) => {
                if let Some(i) = self.index.remove(&key(table, Some(c))) {
                    self.entries[i] = None;
                }
            }
            None => {
                for i in self
                    .by_table
                    .remove(&table.to_lowercase())
                    .unwrap_or_default()
                {
                    if let Some(t) = self.entries[i].take() {
                        self.index.remove(&key(&t.table, t.column.as_deref()));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::{SqlDialect, parse_file};

    #[test]
    fn delta_on_base_tracks_what_migrations_touch() {
        let base = Catalog {
            tables: vec![Table {
                name: "Etudiants".into(),
                columns: vec![Column {
                    name: "religion".into(),
                    data_type: "text".into(),
                    nullable: true,
                    ..Column::default()
                }],
                ..Table::default()
            }],
            roles: None,
        };
        let sql = "ALTER TABLE etudiants ADD COLUMN sante text;\nALTER TABLE etudiants RENAME COLUMN sante TO sante_notes;\nALTER TABLE prospects ALTER COLUMN optin SET DEFAULT true;\nALTER TABLE etudiants ADD tmp int;\nALTER TABLE etudiants DROP COLUMN tmp;";
        let p = parse_file(sql, SqlDialect::Postgres);
        let mut st = MigrationState::new(base);
        st.apply_all(0, &p.changes);
        let et = find_table(&st.catalog, "etudiants").expect("table");
        assert_eq!(et.columns.len(), 2);
        assert!(find_column(et, "sante_notes").is_some());
        assert!(!st.is_touched("etudiants", "religion"));
        assert!(st.is_touched("etudiants", "sante_notes"));
        assert!(!st.is_touched("etudiants", "tmp"));
        let t = st.get("etudiants", Some("sante_notes")).expect("touched");
        assert!(t.introduced());
        assert_eq!(t.events[0].line, 1);
        let optin = find_column(find_table(&st.catalog, "prospects").expect("stub"), "optin")
            .expect("stub column");
        assert_eq!(optin.default.as_deref(), Some("true"));
        assert_eq!(
            st.touched_columns().collect::<Vec<_>>(),
            vec![("etudiants", "sante_notes"), ("prospects", "optin")]
        );
    }
}
