//! The database as vigie sees it: tables, columns, keys, types, comments and row estimates.
//!
//! The type knows nothing of the backend that filled it, so the same rules judge a live
//! PostgreSQL, MariaDB or SQLite schema and a catalog rebuilt from migration files.

use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub tables: Vec<Table>,
    /// The accounts and roles of the server, when the audit account may list them (`None`:
    /// unknown, as on SQLite or for a MySQL account without read access to `mysql.user`).
    #[serde(skip)]
    pub roles: Option<Vec<Role>>,
}

/// An account or role of the server: PostgreSQL's roles have no host; MySQL and MariaDB
/// accounts are `'user'@'host'`, roles `'role'@''`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Role {
    pub user: String,
    pub host: String,
}

impl Role {
    /// Reads `'user'@'host'` (quotes doubled inside), `` `user`@`host` ``, `user@host` or a
    /// bare name (no host).
    pub fn parse(grantee: &str) -> Role {
        let unquote = |s: &str| {
            let s = s.trim();
            let q = s.chars().next().filter(|c| matches!(c, '\'' | '`' | '"'));
            match q {
                Some(q) if s.len() >= 2 && s.ends_with(q) => {
                    let inner = &s[1..s.len() - 1];
                    inner.replace(&format!("{q}{q}"), &q.to_string())
                }
                _ => s.to_string(),
            }
        };
        // The host never holds a quote or an `@`; the user may hold an `@`.
        match grantee.trim().rsplit_once('@') {
            Some((u, h)) => Role {
                user: unquote(u),
                host: unquote(h),
            },
            None => Role {
                user: unquote(grantee),
                host: String::new(),
            },
        }
    }

    /// Whether a policy's `[[access]] role`, read by [`Role::parse`], names this one: a bare
    /// name is every account of that user name (any host), `user@host` that one account.
    pub fn named_by(&self, wanted: &Role, with_host: bool) -> bool {
        if with_host {
            self == wanted
        } else {
            self.user == wanted.user
        }
    }

    /// As a policy writes it: `name`, or `user@host` for an account with a host.
    pub fn display(&self) -> String {
        if self.host.is_empty() {
            self.user.clone()
        } else {
            format!("{}@{}", self.user, self.host)
        }
    }
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

/// The kind of a declared type as the column classifiers see it (`crate::text::names`,
/// `crate::text::values`): finer than [`TypeClass`] where a name's meaning depends on it (an
/// enumeration is never free text, a `VARCHAR(10)` is too short for a sentence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// Character types; `Some(n)` when a length is declared.
    Text(Option<u32>),
    /// Enumerations (`ENUM(...)`, `SET(...)`): a closed list, never free text.
    Enum,
    Integer,
    Decimal,
    Bool,
    Date,
    DateTime,
    Binary,
    Json,
    Uuid,
    /// Empty (not known) or not recognised (domains, user types).
    Unknown,
}

impl TypeKind {
    /// Classifies an SQL type as written (`VARCHAR(255)`, `character varying`, `tinyint(1)`,
    /// `timestamp with time zone`, `int(11) unsigned`…).
    pub fn of(data_type: &str) -> TypeKind {
        SqlType::of(data_type).kind
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, TypeKind::Integer | TypeKind::Decimal)
    }
}

/// A declared SQL type of any of the three dialects (or of a migration file), read once: the one
/// place vigie classifies column types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SqlType {
    /// What the dialects need to write predicates.
    pub class: TypeClass,
    /// What the column classifiers need.
    pub kind: TypeKind,
    /// Text that can hold prose: `text`, `clob`, an unbounded or long (200 and more) `varchar`.
    pub long_text: bool,
}

impl SqlType {
    /// Reads a type as written: `VARCHAR(255)`, `character varying`, `tinyint(1)`,
    /// `timestamp with time zone`, `int(11) unsigned`, `enum('a','b')`, `text[]`…
    pub fn of(data_type: &str) -> SqlType {
        use TypeClass as C;
        use TypeKind as K;
        let t = data_type.trim().to_ascii_lowercase();
        let base: String = t
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ' ')
            .collect();
        let len = t
            .split_once('(')
            .and_then(|(_, r)| r.split([')', ',']).next())
            .and_then(|n| n.trim().parse::<u32>().ok());
        let first = base.split_whitespace().next().unwrap_or("");
        let long_char = len.is_none_or(|n| n >= 200);
        let (class, kind, long_text) = match first {
            _ if t.ends_with("[]") => {
                // An array: the classifiers see its elements; the dialects and the free-text
                // scan judge the name as written, as for a type they do not know.
                let element = SqlType::of(t.trim_end_matches("[]"));
                let named = SqlType::named(&t);
                (named.class, element.kind, named.long_text)
            }
            // MySQL's BOOLEAN is stored as `tinyint(1)` exactly, PostgreSQL's flags as `bit(1)`;
            // any other `bit` or `tinyint(1)` (`tinyint(1) unsigned`) is a flag to the
            // classifiers, a number or a bit string to the dialects.
            "bool" | "boolean" => (C::Boolean, K::Bool, false),
            "tinyint" if len == Some(1) => (
                if t == "tinyint(1)" {
                    C::Boolean
                } else {
                    C::Integer
                },
                K::Bool,
                false,
            ),
            "bit" => (
                if t == "bit(1)" { C::Boolean } else { C::Other },
                K::Bool,
                false,
            ),
            "enum" | "set" => (C::Text, K::Enum, false),
            "char" | "character" | "varchar" | "nchar" | "nvarchar" | "varchar2" | "nvarchar2"
            | "bpchar" | "string" => (C::Text, K::Text(len), long_char),
            "text" | "tinytext" | "mediumtext" | "longtext" | "ntext" | "clob" | "nclob"
            | "citext" => (C::Text, K::Text(len), true),
            // Written as text, but no text column to the dialects: `inet = ''` is an error.
            "inet" | "cidr" | "macaddr" | "name" => (C::Other, K::Text(len), false),
            "json" | "jsonb" => (C::Text, K::Json, false),
            "tinyint" | "smallint" | "mediumint" | "int" | "integer" | "bigint" | "int2"
            | "int4" | "int8" | "serial" | "bigserial" | "smallserial" | "unsigned" => {
                (C::Integer, K::Integer, false)
            }
            // A year is a number to the classifiers, not an integer column to the dialects.
            "year" => (C::Other, K::Integer, false),
            "decimal" | "numeric" | "real" | "float" | "float4" | "float8" | "double" => {
                (C::Decimal, K::Decimal, false)
            }
            // Amounts the dialects cannot compare with a number (`money <> 0` is an error).
            "dec" | "money" | "number" => (C::Other, K::Decimal, false),
            "date" => (C::Date, K::Date, false),
            "datetime" | "timestamp" | "timestamptz" => (C::Timestamp, K::DateTime, false),
            // A time of day or a duration is no date to compare with a day.
            "time" | "timetz" | "interval" => (C::Other, K::DateTime, false),
            "bytea" | "blob" | "tinyblob" | "mediumblob" | "longblob" | "binary" | "varbinary"
            | "raw" => (C::Other, K::Binary, false),
            "uuid" | "uniqueidentifier" => (C::Other, K::Uuid, false),
            _ => {
                let named = SqlType::named(&t);
                (named.class, K::Unknown, named.long_text)
            }
        };
        SqlType {
            class,
            kind,
            long_text,
        }
    }

    /// A type vigie does not know by its first word (a domain, a user type, SQLite's
    /// `VARYING CHARACTER(255)`, an array), judged by the words it contains, as a domain is
    /// usually named after its base type (`short_text`, `email_varchar`, `id_int`). `t` is lower
    /// case.
    fn named(t: &str) -> SqlType {
        let class = if t.starts_with("bool") {
            TypeClass::Boolean
        } else if t.starts_with("timestamp") || t.starts_with("datetime") {
            TypeClass::Timestamp
        } else if t.contains("char")
            || t.contains("text")
            || t.contains("clob")
            || t.starts_with("enum")
            || t.starts_with("set(")
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
        };
        let len: Option<u32> = t
            .split_once('(')
            .and_then(|(_, rest)| rest.trim_end_matches(')').trim().parse().ok());
        let long_text = t.contains("text")
            || t.contains("clob")
            || t.contains("char") && len.is_none_or(|n| n >= 200);
        SqlType {
            class,
            kind: TypeKind::Unknown,
            long_text,
        }
    }
}

impl Column {
    pub fn type_class(&self) -> TypeClass {
        type_class(&self.data_type)
    }

    /// The column's declared type, read once ([`SqlType::of`]).
    pub fn sql_type(&self) -> SqlType {
        SqlType::of(&self.data_type)
    }
}

/// Classify a declared type name from any of the three dialects.
pub fn type_class(data_type: &str) -> TypeClass {
    SqlType::of(data_type).class
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
    /// Whether the server knows the role a policy names; `None` when the roles could not be
    /// listed.
    pub fn knows_role(&self, reference: &str) -> Option<bool> {
        let wanted = Role::parse(reference);
        let with_host = reference.contains('@');
        self.roles
            .as_ref()
            .map(|roles| roles.iter().any(|r| r.named_by(&wanted, with_host)))
    }

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
    fn kinds_for_the_classifiers() {
        assert_eq!(TypeKind::of("tinyint(1)"), TypeKind::Bool);
        assert_eq!(TypeKind::of("VARCHAR(255)"), TypeKind::Text(Some(255)));
        assert_eq!(TypeKind::of("character varying"), TypeKind::Text(None));
        assert_eq!(TypeKind::of("timestamp with time zone"), TypeKind::DateTime);
        assert_eq!(TypeKind::of("int(11) unsigned"), TypeKind::Integer);
        assert_eq!(TypeKind::of("NUMERIC(4,2)"), TypeKind::Decimal);
        assert_eq!(TypeKind::of(""), TypeKind::Unknown);
    }

    /// One reading per type: the dialects' class, the classifiers' kind and prose-holding text
    /// come from the same parse.
    #[test]
    fn one_reading_of_each_type() {
        use TypeClass as C;
        use TypeKind as K;
        #[rustfmt::skip]
        let cases = [
            ("text", C::Text, K::Text(None), true),
            ("VARCHAR(255)", C::Text, K::Text(Some(255)), true),
            ("varchar(199)", C::Text, K::Text(Some(199)), false),
            ("varchar(200)", C::Text, K::Text(Some(200)), true),
            ("character varying", C::Text, K::Text(None), true),
            ("char(1)", C::Text, K::Text(Some(1)), false),
            ("nvarchar(max)", C::Text, K::Text(None), true),
            ("string", C::Text, K::Text(None), true),
            ("citext", C::Text, K::Text(None), true),
            ("tinytext", C::Text, K::Text(None), true),
            ("clob", C::Text, K::Text(None), true),
            ("enum('a','b')", C::Text, K::Enum, false),
            ("set('a','b')", C::Text, K::Enum, false),
            ("json", C::Text, K::Json, false),
            ("jsonb", C::Text, K::Json, false),
            ("json[]", C::Other, K::Json, false),
            ("inet", C::Other, K::Text(None), false),
            ("name", C::Other, K::Text(None), false),
            ("boolean", C::Boolean, K::Bool, false),
            ("tinyint(1)", C::Boolean, K::Bool, false),
            ("tinyint(1) unsigned", C::Integer, K::Bool, false),
            ("tinyint(4)", C::Integer, K::Integer, false),
            ("bit(1)", C::Boolean, K::Bool, false),
            ("bit(8)", C::Other, K::Bool, false),
            ("int(11) unsigned", C::Integer, K::Integer, false),
            ("bigint", C::Integer, K::Integer, false),
            ("smallserial", C::Integer, K::Integer, false),
            ("year", C::Other, K::Integer, false),
            ("numeric(5,2)", C::Decimal, K::Decimal, false),
            ("double precision", C::Decimal, K::Decimal, false),
            ("money", C::Other, K::Decimal, false),
            ("dec(10,2)", C::Other, K::Decimal, false),
            ("date", C::Date, K::Date, false),
            ("date[]", C::Other, K::Date, false),
            ("datetime(6)", C::Timestamp, K::DateTime, false),
            ("timestamp with time zone", C::Timestamp, K::DateTime, false),
            ("time", C::Other, K::DateTime, false),
            ("interval", C::Other, K::DateTime, false),
            ("bytea", C::Other, K::Binary, false),
            ("varbinary(16)", C::Other, K::Binary, false),
            ("uuid", C::Other, K::Uuid, false),
            ("text[]", C::Text, K::Text(None), true),
            ("integer[]", C::Integer, K::Integer, false),
            ("boolean[]", C::Boolean, K::Bool, false),
            ("varchar(20)[]", C::Text, K::Text(Some(20)), true),
            ("datetime2", C::Timestamp, K::Unknown, false),
            ("short_text", C::Text, K::Unknown, true),
            ("email_varchar", C::Text, K::Unknown, true),
            ("VARYING CHARACTER(255)", C::Text, K::Unknown, true),
            ("geometry", C::Other, K::Unknown, false),
            ("", C::Other, K::Unknown, false),
        ];
        for (t, class, kind, long_text) in cases {
            assert_eq!(
                SqlType::of(t),
                SqlType {
                    class,
                    kind,
                    long_text
                },
                "{t}"
            );
        }
    }

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
