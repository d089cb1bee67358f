//! The pass over the parsed TOML before any type is checked: every unknown key, and every
//! `"TODO"` a draft policy still holds, each with its caret.
//!
//! serde stops at the first unknown field; this pass reports them all. The keys each table may
//! hold are not written by hand: they are read once from the serde types of [`super::raw`]
//! (the field names serde itself matches, renames included), so the two can never drift.

use super::Problems;
use super::did_you_mean;
use super::purpose::LEGAL_BASES;
use super::raw::RawPolicy;
use crate::rules::references;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The keys the table at `path` may hold (`""` is the top level, `purpose.retention` the
/// retentions of a purpose), or `None` for a path that is no table of the policy.
pub fn allowed_keys(path: &str) -> Option<&'static [&'static str]> {
    SCHEMA.as_ref().ok()?.get(path).copied()
}

/// Table path → its keys, in declaration order (the order hints list them in).
type Schema = BTreeMap<String, &'static [&'static str]>;

static SCHEMA: LazyLock<Result<Schema, de::value::Error>> = LazyLock::new(schema);

/// Walks [`RawPolicy`] as serde sees it: a `deserialize_struct` call hands over the struct's
/// field names, and every field is then visited with a placeholder value, recursing into
/// options, sequences and nested structs. A struct named `Raw…` is a table of the file; any
/// other (toml's `Spanned` wrapper) is passed through without a path segment.
fn schema() -> Result<Schema, de::value::Error> {
    let mut tables = Schema::new();
    RawPolicy::deserialize(Walker {
        path: String::new(),
        tables: &mut tables,
    })?;
    Ok(tables)
}

struct Walker<'a> {
    path: String,
    tables: &'a mut Schema,
}

impl<'de> de::Deserializer<'de> for Walker<'_> {
    type Error = de::value::Error;

    /// Strings, and untagged enums such as `KeySpec`, which accept one.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_str("")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_bool(false)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_u64(0)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_i64(0)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_seq(One(Some(self)))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let table = name.starts_with("Raw");
        if table {
            self.tables.insert(self.path.clone(), fields);
        }
        visitor.visit_map(Fields {
            fields,
            next: 0,
            table,
            path: self.path,
            tables: self.tables,
        })
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct tuple tuple_struct map enum identifier ignored_any
    }
}

/// A sequence of one element, so that the element type is walked once.
struct One<'a>(Option<Walker<'a>>);

impl<'de> SeqAccess<'de> for One<'_> {
    type Error = de::value::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0.take().map(|w| seed.deserialize(w)).transpose()
    }
}

/// Every field of a struct, each once, in declaration order.
struct Fields<'a> {
    fields: &'static [&'static str],
    next: usize,
    table: bool,
    path: String,
    tables: &'a mut Schema,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = de::value::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some(field) = self.fields.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::new(field))
            .map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let field = self.fields[self.next];
        self.next += 1;
        let path = match (self.table, self.path.is_empty()) {
            (false, _) => self.path.clone(),
            (true, true) => field.to_string(),
            (true, false) => format!("{}.{field}", self.path),
        };
        seed.deserialize(Walker {
            path,
            tables: self.tables,
        })
    }
}

pub(super) fn walk_keys(path: &str, table: &toml::de::DeTable<'_>, problems: &mut Problems) {
    let Some(allowed) = allowed_keys(path) else {
        return;
    };
    for (key, value) in table.iter() {
        let k = key.get_ref().as_ref();
        if !allowed.contains(&k) {
            let section = if path.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in [{path}]")
            };
            let help = did_you_mean(k, allowed.iter().copied())
                .unwrap_or_else(|| format!("allowed keys {section}: {}", allowed.join(", ")));
            problems.push(
                key.span(),
                format!("unknown key `{k}` {section}"),
                "not a policy key",
                Some(help),
            );
            continue;
        }
        let child = if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        };
        match value.get_ref() {
            toml::de::DeValue::Table(t) => walk_keys(&child, t, problems),
            toml::de::DeValue::Array(items) => {
                for item in items.iter() {
                    if let toml::de::DeValue::Table(t) = item.get_ref() {
                        walk_keys(&child, t, problems);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The value `vigie init` writes where a person must decide.
const TODO: &str = "TODO";

/// Reports every `"TODO"` left in a draft policy, with a hint for its key. They are found before
/// the types are checked, so a draft gives one clear message per decision to take instead of
/// "invalid duration" or "unknown legal basis".
pub(super) fn find_todos(path: &str, table: &toml::de::DeTable<'_>, problems: &mut Problems) {
    for (key, value) in table.iter() {
        let k = key.get_ref().as_ref();
        let child = if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        };
        match value.get_ref() {
            toml::de::DeValue::String(s) if s.trim().eq_ignore_ascii_case(TODO) => {
                let help = todo_help(&child, table);
                problems.push(
                    value.span(),
                    format!("`{child}` is still TODO in this draft policy"),
                    "decide this value",
                    Some(help),
                );
            }
            toml::de::DeValue::Table(t) => find_todos(&child, t, problems),
            toml::de::DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        toml::de::DeValue::Table(t) => find_todos(&child, t, problems),
                        toml::de::DeValue::String(s) if s.trim().eq_ignore_ascii_case(TODO) => {
                            problems.push(
                                item.span(),
                                format!("an item of `{child}` is still TODO in this draft policy"),
                                "decide this value",
                                Some("replace it with a value, or remove it".into()),
                            );
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// What to write instead of TODO, per key. A retention's `keep` names the reference the draft
/// cites next to it, so the person deciding sees the benchmark the CNIL would use.
fn todo_help(path: &str, table: &toml::de::DeTable<'_>) -> String {
    let sibling = |name: &str| {
        table.iter().find_map(|(k, v)| match v.get_ref() {
            toml::de::DeValue::String(s) if k.get_ref().as_ref() == name => Some(s.to_string()),
            _ => None,
        })
    };
    match path {
        "purpose.retention.keep" => {
            let cited = sibling("reference")
                .as_deref()
                .and_then(references::id_of)
                .and_then(references::get);
            match cited {
                Some(rf) => format!(
                    "write how long rows are kept after `from`: `keep = \"{}\"` adopts the CNIL reference ({}: {}; {}), or write your own duration such as `{}` and keep `reference` so vigie compares them",
                    rf.name(),
                    rf.title,
                    rf.keep,
                    rf.source,
                    rf.keep
                ),
                None => "write how long rows are kept after `from`, such as `3y`, `13mo`, `30d`, or adopt a reference duration with `cnil:<id>` (the ids are listed in rules/references/cnil.toml, e.g. `cnil:prospection`)".into(),
            }
        }
        "purpose.retention.from" => {
            "name the column holding the event the duration counts from (last contact, end of the relationship, departure…)".into()
        }
        "purpose.legal_basis" => format!(
            "choose the legal basis of RGPD art. 6: {}; `consent` needs a [purpose.consent] section",
            LEGAL_BASES
                .iter()
                .map(|(s, _)| *s)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "purpose.retention.then" => "choose `delete`, `anonymise` or `archive`".into(),
        "purpose.consent.where" => {
            "write the SQL condition that selects this subject's consent rows, such as `personne_type = 'alumni'`".into()
        }
        "purpose.consent.purpose_value" => {
            "write the value of `purpose_column` that designates this purpose, such as `newsletter`".into()
        }
        _ => "replace TODO with a value, or remove the key".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The keys are serde's own names (`where`, not the Rust field `where_`), in declaration
    /// order, which is the order the unknown-key hint lists them in. This pins the file format:
    /// a key added to a raw type, or a new table, shows up here.
    #[test]
    fn keys_are_the_serde_field_names_in_declaration_order() {
        // The walk must succeed: a failure would leave every table without its keys.
        let tables = schema().expect("the raw types walk");
        let expected: [(&str, &[&str]); 21] = [
            (
                "",
                &[
                    "organisation",
                    "scan",
                    "free_text",
                    "subject",
                    "purpose",
                    "requests",
                    "access",
                    "check",
                    "waiver",
                    "trusted_functions",
                ],
            ),
            (
                "organisation",
                &[
                    "name",
                    "controller",
                    "dpo",
                    "country",
                    "representative",
                    "joint_controllers",
                    "processors",
                ],
            ),
            ("organisation.joint_controllers", &["name", "contact"]),
            ("organisation.processors", &["name", "service", "country"]),
            ("scan", &["schemas"]),
            (
                "free_text",
                &[
                    "columns",
                    "auto",
                    "lexicons",
                    "extra_terms",
                    "ignore_terms",
                    "contact_details",
                ],
            ),
            ("free_text.extra_terms", &["term", "category"]),
            ("free_text.ignore_terms", &["term", "reason"]),
            (
                "subject",
                &["id", "table", "key", "birth_date", "type_value"],
            ),
            (
                "purpose",
                &[
                    "id",
                    "title",
                    "legal_basis",
                    "subjects",
                    "data",
                    "retention",
                    "consent",
                    "sub_purposes",
                    "recipients",
                    "transfers",
                    "security_measures",
                    "data_subjects",
                    "data_categories",
                    "dpia_criteria",
                    "dpia_list",
                    "dpia",
                ],
            ),
            ("purpose.recipients", &["name", "kind", "country"]),
            ("purpose.transfers", &["recipient", "country", "safeguard"]),
            ("purpose.dpia", &["date", "reference"]),
            (
                "purpose.retention",
                &[
                    "table",
                    "keep",
                    "from",
                    "then",
                    "anonymise",
                    "where",
                    "reference",
                ],
            ),
            (
                "purpose.consent",
                &[
                    "table",
                    "subject_key",
                    "where",
                    "purpose_column",
                    "purpose_value",
                    "given_at",
                    "withdrawn_at",
                    "pre_ticked",
                    "proof",
                    "parental_consent",
                    "processed",
                ],
            ),
            (
                "purpose.consent.processed",
                &["table", "subject_key", "where"],
            ),
            (
                "requests",
                &["table", "key", "received_at", "answered_at", "extended"],
            ),
            ("access", &["role", "may_read"]),
            (
                "check",
                &[
                    "id",
                    "title",
                    "severity",
                    "query",
                    "remediation",
                    "legal_reference",
                ],
            ),
            ("waiver", &["rule", "object", "reason", "expires"]),
            ("trusted_functions", &["name", "reason"]),
        ];
        assert_eq!(tables.len(), expected.len(), "{:?}", tables.keys());
        for (path, keys) in expected {
            assert_eq!(allowed_keys(path), Some(keys), "[{path}]");
        }
        assert_eq!(allowed_keys("purpose.nope"), None);
        assert_eq!(allowed_keys("subject.id"), None);
    }

    /// Every key the walk lists is one serde accepts in a real file, and nothing else is: a
    /// policy holding every key once parses, and the same policy with one more key in a table
    /// is refused by serde itself.
    #[test]
    fn every_listed_key_is_accepted_by_serde_and_no_other() {
        let full = r#"
[organisation]
name = "n"
controller = "c"
dpo = "d"
country = "FR"
representative = "r"
[[organisation.joint_controllers]]
name = "j"
contact = "c"
[[organisation.processors]]
name = "p"
service = "s"
country = "FR"
[scan]
schemas = ["public"]
[free_text]
columns = ["t.c"]
auto = true
lexicons = ["fr"]
contact_details = false
[[free_text.extra_terms]]
term = "x"
category = "insult"
[[free_text.ignore_terms]]
term = "y"
reason = "r"
[[subject]]
id = "s"
table = "t"
key = "id"
birth_date = "b"
type_value = "s"
[[purpose]]
id = "p"
title = "t"
legal_basis = "consent"
subjects = ["s"]
data = ["t.c"]
sub_purposes = ["s"]
security_measures = ["backup"]
data_subjects = ["s"]
data_categories = ["nir"]
dpia_criteria = ["scoring"]
dpia_list = ["social-housing"]
[[purpose.recipients]]
name = "r"
kind = "internal"
country = "FR"
[[purpose.transfers]]
recipient = "r"
country = "US"
safeguard = "scc"
[purpose.dpia]
date = "2025-01-01"
reference = "r"
[[purpose.retention]]
table = "t"
keep = "1y"
from = "f"
then = "anonymise"
anonymise = ["c"]
where = "x = 1"
reference = "r"
[purpose.consent]
table = "c"
subject_key = "id"
where = "x = 1"
purpose_column = "p"
purpose_value = "v"
given_at = "g"
withdrawn_at = "w"
pre_ticked = "p"
proof = "p"
parental_consent = "p"
[purpose.consent.processed]
table = "t"
subject_key = ["a"]
where = "x = 1"
[requests]
table = "r"
key = "k"
received_at = "r"
answered_at = "a"
extended = "e"
[[access]]
role = "r"
may_read = ["t"]
[[check]]
id = "c"
title = "t"
severity = "low"
query = "select 1"
remediation = "r"
legal_reference = "l"
[[waiver]]
rule = "r"
object = "o"
reason = "r"
expires = "2027-01-01"
[[trusted_functions]]
name = "public.f"
reason = "r"
"#;
        let table = toml::de::DeTable::parse(full).unwrap();
        let mut written = BTreeMap::new();
        collect_keys("", table.get_ref(), &mut written);
        let derived: BTreeMap<String, BTreeSet<String>> = schema()
            .unwrap()
            .into_iter()
            .map(|(path, keys)| (path, keys.iter().map(|k| k.to_string()).collect()))
            .collect();
        assert_eq!(written, derived);
        toml::from_str::<RawPolicy>(full).expect("every key once");
        for path in derived.keys() {
            let extra = if path.is_empty() {
                format!("unlisted = 1\n{full}")
            } else {
                let line = full
                    .lines()
                    .find(|l| [format!("[{path}]"), format!("[[{path}]]")].contains(&l.to_string()))
                    .unwrap_or_else(|| panic!("no table {path} in the full policy"));
                full.replacen(line, &format!("{line}\nunlisted = 1"), 1)
            };
            let err = toml::from_str::<RawPolicy>(&extra).unwrap_err();
            assert!(
                err.message().contains("unknown field `unlisted`"),
                "[{path}]: {err}"
            );
        }
    }

    /// Every table path of a parsed file with the keys it holds.
    fn collect_keys(
        path: &str,
        table: &toml::de::DeTable<'_>,
        out: &mut BTreeMap<String, BTreeSet<String>>,
    ) {
        let keys = out.entry(path.to_string()).or_default();
        keys.extend(table.iter().map(|(k, _)| k.get_ref().to_string()));
        for (k, v) in table.iter() {
            let child = if path.is_empty() {
                k.get_ref().to_string()
            } else {
                format!("{path}.{}", k.get_ref())
            };
            match v.get_ref() {
                toml::de::DeValue::Table(t) => collect_keys(&child, t, out),
                toml::de::DeValue::Array(items) => {
                    for item in items.iter() {
                        if let toml::de::DeValue::Table(t) = item.get_ref() {
                            collect_keys(&child, t, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
