//! The database as vigie sees it: tables, columns, keys, types, comments and row estimates.
//!
//! The type knows nothing of the backend that filled it, so the same rules judge a live
//! PostgreSQL, MariaDB or SQLite schema and a catalog rebuilt from migration files.

use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub tables: Vec<Table>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Table {
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
    pub comment: Option<String>,
    pub row_estimate: Option<u64>,
    /// A view or materialised view: its columns repeat those of tables, so discovery samples
    /// base tables only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub view: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: String,
    pub data_type: String,
    pub nullable: bool,
    pub default: Option<String>,
    pub comment: Option<String>,
}

/// A coarse type family, enough to write dialect-correct predicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeClass {
    Text,
    Integer,
    Decimal,
    Boolean,
    Date,
    Timestamp,
    Other,
}

impl Column {
    pub fn type_class(&self) -> TypeClass {
        type_class(&self.data_type)
    }
}

/// Classify a declared type name from any of the three dialects.
pub fn type_class(data_type: &str) -> TypeClass {
    let t = data_type.to_ascii_lowercase();
    let t = t.trim();
    if t == "tinyint(1)" || t == "bit(1)" || t.starts_with("bool") {
        TypeClass::Boolean
    } else if t.starts_with("timestamp") || t.starts_with("datetime") {
        TypeClass::Timestamp
    } else if t == "date" {
        TypeClass::Date
    } else if t.contains("char")
        || t.contains("text")
        || t.contains("clob")
        || t == "citext"
        || t.starts_with("enum")
        || t.starts_with("set(")
        || t == "json"
        || t == "jsonb"
        || t == "string"
    {
        TypeClass::Text
    } else if t.contains("int") || t.starts_with("serial") || t.starts_with("bigserial") {
        TypeClass::Integer
    } else if t.starts_with("numeric")
        || t.starts_with("decimal")
        || t.starts_with("real")
        || t.starts_with("double")
        || t.starts_with("float")
    {
        TypeClass::Decimal
    } else {
        TypeClass::Other
    }
}

impl Table {
    /// `schema.name` when the schema is known, else `name`.
    pub fn qualified_name(&self) -> String {
        match &self.schema {
            Some(s) => format!("{s}.{}", self.name),
            None => self.name.clone(),
        }
    }

    /// The name reports use: `name` in the default schema (`public`, or none), else
    /// `schema.name`, so two tables of the same name in two schemas never look alike.
    pub fn display_name(&self) -> String {
        match self.schema.as_deref() {
            None | Some("public") => self.name.clone(),
            Some(_) => self.qualified_name(),
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name).or_else(|| {
            self.columns
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(name))
        })
    }
}

impl Catalog {
    /// Find a table by `name` or `schema.name`; exact match first, then case-insensitive.
    pub fn find_table(&self, reference: &str) -> Option<&Table> {
        let (schema, name) = match reference.rsplit_once('.') {
            Some((s, n)) => (Some(s), n),
            None => (None, reference),
        };
        let matches = |t: &&Table, exact: bool| {
            let eq = |a: &str, b: &str| {
                if exact {
                    a == b
                } else {
                    a.eq_ignore_ascii_case(b)
                }
            };
            eq(&t.name, name)
                && match (schema, &t.schema) {
                    (Some(s), Some(ts)) => eq(ts, s),
                    (Some(_), None) => false,
                    (None, _) => true,
                }
        };
        self.tables
            .iter()
            .find(|t| matches(t, true))
            .or_else(|| self.tables.iter().find(|t| matches(t, false)))
    }

    /// Appends `column` to the primary key of table `schema.name`, when the catalog has it
    /// (introspection reads key columns in key order, after the tables).
    pub fn push_primary_key(&mut self, schema: &str, name: &str, column: String) {
        if let Some(t) = self
            .tables
            .iter_mut()
            .find(|t| t.name == name && t.schema.as_deref() == Some(schema))
        {
            t.primary_key.push(column);
        }
    }

    pub fn table_names(&self) -> Vec<String> {
        self.tables.iter().map(|t| t.name.clone()).collect()
    }
}

/// Whether a column default (SQL text as in [`crate::catalog::Column::default`]) is a true
/// boolean: `true`, `TRUE`, `1`, `'1'`, `'t'`, `b'1'`, `'yes'`, `true::boolean`, `(1)`…
/// Used by the `consent-default-true` rule: a consent that defaults to true is pre-ticked.
pub fn default_is_true(default: &str) -> bool {
    let mut d = default.trim();
    while let Some(inner) = d.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        d = inner.trim();
    }
    // Casts: `'t'::boolean`, `CAST(1 AS BOOLEAN)`.
    if let Some((value, _)) = d.split_once("::") {
        d = value.trim();
    }
    let lower = d.to_ascii_lowercase();
    let lower = match lower.strip_prefix("cast(") {
        Some(rest) => rest.split(" as ").next().unwrap_or("").trim().to_string(),
        None => lower,
    };
    let unquoted = lower
        .strip_prefix("b'")
        .or_else(|| lower.strip_prefix('\''))
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(&lower);
    matches!(unquoted, "true" | "1" | "t" | "y" | "yes" | "on" | "oui")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_types_of_every_dialect() {
        assert_eq!(type_class("timestamp with time zone"), TypeClass::Timestamp);
        assert_eq!(type_class("DATETIME"), TypeClass::Timestamp);
        assert_eq!(type_class("date"), TypeClass::Date);
        assert_eq!(type_class("character varying(255)"), TypeClass::Text);
        assert_eq!(type_class("tinyint(1)"), TypeClass::Boolean);
        assert_eq!(type_class("bit(1)"), TypeClass::Boolean);
        assert_eq!(type_class("tinyint(4)"), TypeClass::Integer);
        assert_eq!(type_class("boolean"), TypeClass::Boolean);
        assert_eq!(type_class("INTEGER"), TypeClass::Integer);
        assert_eq!(type_class("numeric(5,2)"), TypeClass::Decimal);
    }
}
