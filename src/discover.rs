//! `vigie discover`: an inventory of the personal data a database holds, column by column, with
//! no policy.
//!
//! Each base table is read once, as a bounded sample of at most `--sample` rows pushed into the
//! database ([`crate::dialect::Dialect::sample_rows`]: `TABLESAMPLE SYSTEM … LIMIT` on PostgreSQL, `LIMIT` on
//! SQLite), every column cast to text and cut to 512 characters (binary columns read as
//! hexadecimal and kept when UTF-8 text; a column the server cannot cast is skipped with a note,
//! never the table: [`crate::db::Session::sample`]). The sample stays in memory only
//! while its columns are profiled ([`values::profile`]); the inventory holds categories,
//! confidences, row counts and evidence in words, never a value. Tables are sampled in parallel
//! on `--jobs` sessions that share one snapshot; a table that cannot be read is reported with
//! why, and the others go on.
//!
//! The same per-table sampling feeds the value-based rules of a live scan
//! (`sensitive-column`, `identifier-column` by values), so a scan and a discovery of the same
//! data agree.

use crate::catalog::{Catalog, Table};
use crate::check::Sampled;
use crate::db::{DbError, Limits, Session, Target, TargetInfo};
use crate::engine::Pool;
use crate::text::Matcher;
use crate::text::names::ColumnCategory;
use crate::text::values::{self, Classification, ValueProfile};
use serde::Serialize;

/// Rows sampled per table unless `--sample` says otherwise.
pub const DEFAULT_SAMPLE: usize = 1000;

#[derive(Clone, Debug)]
pub struct DiscoverOptions {
    /// Rows sampled per table; 0 reads every row.
    pub sample: usize,
    pub jobs: usize,
    pub limits: Limits,
    /// Schemas to read; empty means every non-system schema.
    pub schemas: Vec<String>,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            sample: DEFAULT_SAMPLE,
            jobs: 2,
            limits: Limits::default(),
            schemas: Vec::new(),
        }
    }
}

pub use crate::check::RowCount;

/// What one table's sample gave.
#[derive(Clone, Debug)]
pub struct TableSample {
    pub rows: RowCount,
    /// Rows actually sampled.
    pub sampled: usize,
    /// One profile per column of the table, in catalog order.
    pub profiles: Vec<ValueProfile>,
    /// One classification per column, in catalog order.
    pub classes: Vec<Option<Classification>>,
    /// Columns whose values could not be read as text, by catalog index, with why: they are
    /// classified by their name and type alone.
    pub skipped: Vec<(usize, String)>,
}

/// The outcome of one table: its sample, or why it could not be read.
#[derive(Clone, Debug)]
pub struct TableOutcome {
    /// Index into the inventory's catalog.
    pub table: usize,
    pub result: Result<TableSample, String>,
}

#[derive(Debug)]
pub struct Inventory {
    pub target: TargetInfo,
    pub sample: usize,
    pub catalog: Catalog,
    /// One outcome per base table (views are not sampled), in catalog order.
    pub tables: Vec<TableOutcome>,
}

/// One row of the inventory: a column classified as personal data (or free text, consent,
/// organisation), with no value.
#[derive(Clone, Debug, Serialize)]
pub struct DiscoveredColumn {
    pub schema: Option<String>,
    pub table: String,
    pub column: String,
    pub data_type: String,
    pub category: crate::text::names::ColumnCategory,
    pub confidence: f32,
    #[serde(flatten)]
    pub rows: RowCount,
    pub sampled: usize,
    pub non_empty: usize,
    pub evidence: Vec<String>,
    pub by_name: bool,
    pub by_values: bool,
}

impl Inventory {
    /// Every classified column, in catalog order.
    pub fn columns(&self) -> Vec<DiscoveredColumn> {
        let mut out = Vec::new();
        for outcome in &self.tables {
            let Ok(s) = &outcome.result else { continue };
            let table = &self.catalog.tables[outcome.table];
            for ((col, class), profile) in table.columns.iter().zip(&s.classes).zip(&s.profiles) {
                let Some(c) = class else { continue };
                out.push(DiscoveredColumn {
                    schema: table.schema.clone(),
                    table: table.name.clone(),
                    column: col.name.clone(),
                    data_type: col.data_type.clone(),
                    category: c.category,
                    confidence: c.confidence,
                    rows: s.rows,
                    sampled: s.sampled,
                    non_empty: profile.non_empty,
                    evidence: c.evidence.clone(),
                    by_name: c.by_name,
                    by_values: c.by_values,
                });
            }
        }
        out
    }

    /// Tables that could not be read, with why.
    pub fn errors(&self) -> Vec<(String, String)> {
        self.tables
            .iter()
            .filter_map(|o| match &o.result {
                Err(e) => Some((self.catalog.tables[o.table].qualified_name(), e.clone())),
                Ok(_) => None,
            })
            .collect()
    }

    /// Columns whose values could not be read, as (table, column, type, why), in catalog
    /// order: the rest of their table was classified.
    pub fn skipped(&self) -> Vec<(String, String, String, String)> {
        let mut out = Vec::new();
        for outcome in &self.tables {
            let Ok(s) = &outcome.result else { continue };
            let table = &self.catalog.tables[outcome.table];
            for (i, why) in &s.skipped {
                let col = &table.columns[*i];
                out.push((
                    table.qualified_name(),
                    col.name.clone(),
                    col.data_type.clone(),
                    why.clone(),
                ));
            }
        }
        out
    }

    /// The sample of a table, by qualified name.
    pub fn sample_of(&self, table: &Table) -> Option<&TableSample> {
        self.tables.iter().find_map(|o| {
            let t = &self.catalog.tables[o.table];
            (t.name == table.name && t.schema == table.schema)
                .then_some(o.result.as_ref().ok())
                .flatten()
        })
    }
}

/// The lexicons used on short sampled values, built once per process (the automaton takes a
/// moment); discovery works without them if they fail to build.
pub fn shared_matcher() -> Option<&'static Matcher> {
    static MATCHER: std::sync::LazyLock<Option<Matcher>> =
        std::sync::LazyLock::new(|| Matcher::new(&["fr", "en"], &[], &[]).ok());
    MATCHER.as_ref()
}

/// Sample one table and classify its columns.
pub fn sample_table(
    session: &mut dyn Session,
    table: &Table,
    sample: usize,
    matcher: Option<&Matcher>,
) -> Result<TableSample, DbError> {
    let sampled = session.sample(table, sample)?;
    Ok(classify_sample(table, &sampled, matcher))
}

/// Classify the columns of a table from its sample: no I/O.
pub fn classify_sample(table: &Table, sample: &Sampled, matcher: Option<&Matcher>) -> TableSample {
    let rows = &sample.rows;
    let profiles: Vec<ValueProfile> = (0..table.columns.len())
        .map(|i| values::profile(rows.iter().map(|r| r[i].as_deref()), matcher))
        .collect();
    let unread = |i: usize| sample.skipped.iter().any(|(s, _)| *s == i);
    let mut classes: Vec<Option<Classification>> = table
        .columns
        .iter()
        .zip(&profiles)
        .enumerate()
        .map(|(i, (c, p))| {
            if unread(i) {
                let mut class = values::classify(&table.name, &c.name, &c.data_type, None)?;
                class.evidence.push(UNREAD_EVIDENCE.to_string());
                Some(class)
            } else {
                values::classify(&table.name, &c.name, &c.data_type, Some(p))
            }
        })
        .collect();
    if let Some((value, class)) = key_value(table, rows)
        && classes[value].is_none()
    {
        classes[value] = Some(class);
    }
    vcard_fields(table, &mut classes);
    sibling_copies(table, &mut classes);
    TableSample {
        rows: sample.count,
        sampled: rows.len(),
        profiles,
        classes,
        skipped: sample.skipped.clone(),
    }
}

/// vCard properties (RFC 6350, and vcard-temp as XMPP servers store it) whose value is about the
/// person, with the category of that value. A table that keeps a vCard one property per column
/// names its columns `PROP` or `PROP-PART` (`fn`, `n-family`, `adr-pcode`, `photo-binval`); the
/// parts of a name or an address refine the category ([`VCARD_PARTS`]), and a `-type` part is
/// a MIME type. The organisation's own properties (`org`, `logo`) and the card's bookkeeping
/// (`uid`, `rev`, `mailer`, `tz`) are not the person's.
const VCARD_PROPERTIES: [(&str, ColumnCategory, &str); 21] = [
    ("fn", ColumnCategory::FullName, "formatted name"),
    ("n", ColumnCategory::FullName, "structured name"),
    ("nickname", ColumnCategory::Username, "nickname"),
    ("sort", ColumnCategory::FullName, "sort string of the name"),
    ("bday", ColumnCategory::BirthDate, "birthday"),
    ("adr", ColumnCategory::Address, "address"),
    ("label", ColumnCategory::Address, "address label"),
    ("geo", ColumnCategory::Geolocation, "position"),
    ("tel", ColumnCategory::Phone, "telephone"),
    ("email", ColumnCategory::Email, "e-mail"),
    ("jabberid", ColumnCategory::Username, "Jabber ID"),
    ("impp", ColumnCategory::Username, "messaging address"),
    ("url", ColumnCategory::Username, "personal web page"),
    ("title", ColumnCategory::Job, "job title"),
    ("role", ColumnCategory::Job, "role"),
    ("photo", ColumnCategory::Photo, "photo"),
    (
        "sound",
        ColumnCategory::Photo,
        "recording of the name's pronunciation",
    ),
    ("agent", ColumnCategory::Username, "assistant"),
    ("key", ColumnCategory::Credential, "public key"),
    (
        "desc",
        ColumnCategory::FreeText,
        "description of the person",
    ),
    ("note", ColumnCategory::FreeText, "note about the person"),
];

/// Parts of the structured properties: `n-family` is a last name, `adr-pcode` a postcode.
const VCARD_PARTS: [(&str, &str, ColumnCategory, &str); 7] = [
    ("n", "family", ColumnCategory::LastName, "family name"),
    ("n", "given", ColumnCategory::FirstName, "given name"),
    ("n", "middle", ColumnCategory::FirstName, "middle name"),
    ("n", "prefix", ColumnCategory::Gender, "honorific prefix"),
    ("n", "suffix", ColumnCategory::FullName, "honorific suffix"),
    ("adr", "pcode", ColumnCategory::Postcode, "postal code"),
    (
        "adr",
        "country",
        ColumnCategory::Address,
        "country of the address",
    ),
];

/// Parts a vCard search table keeps as columns of their own (`family`, `locality`, `ctry`).
const VCARD_ALONE: [(&str, ColumnCategory, &str); 10] = [
    ("family", ColumnCategory::LastName, "family name"),
    ("given", ColumnCategory::FirstName, "given name"),
    ("middle", ColumnCategory::FirstName, "middle name"),
    ("street", ColumnCategory::Address, "street"),
    ("extadd", ColumnCategory::Address, "extended address"),
    ("pobox", ColumnCategory::Address, "post office box"),
    ("locality", ColumnCategory::Address, "locality"),
    ("region", ColumnCategory::Address, "region"),
    ("pcode", ColumnCategory::Postcode, "postal code"),
    ("ctry", ColumnCategory::Address, "country"),
];

/// The category of a vCard table's column from its property and part, with what it is.
fn vcard_property(column: &str) -> Option<(ColumnCategory, String)> {
    use crate::text::names::tokenize;
    let tokens = tokenize(column);
    let (property, parts) = tokens.split_first()?;
    if parts.iter().any(|p| p == "type") {
        return None;
    }
    if let (Some((p, category, what)), []) =
        (VCARD_ALONE.iter().find(|(p, ..)| p == property), parts)
    {
        return Some((*category, format!("part `{p}` ({what})")));
    }
    // Columns named by the property alone, glued (`nfamily`, `adrpcode`) included.
    let flat = tokens.concat();
    let glued = VCARD_PARTS
        .iter()
        .find(|(p, part, ..)| flat == format!("{p}{part}"));
    if let Some((p, part, category, what)) = glued {
        return Some((*category, format!("`{p}` part `{part}` ({what})")));
    }
    let (p, category, what) = VCARD_PROPERTIES.iter().find(|(p, ..)| p == property)?;
    match parts.first() {
        Some(part) => {
            let refined = VCARD_PARTS
                .iter()
                .find(|(pp, pt, ..)| pp == p && pt == part);
            Some(match refined {
                Some((_, _, c, w)) => (*c, format!("`{p}` part `{part}` ({w})")),
                None => (*category, format!("`{p}` part `{part}` ({what})")),
            })
        }
        None => Some((*category, format!("`{p}` ({what})"))),
    }
}

/// Columns of a vCard table named by vCard property names.
fn vcard_fields(table: &Table, classes: &mut [Option<Classification>]) {
    use crate::text::names::tokenize;
    if !tokenize(&table.name)
        .iter()
        .any(|t| t == "vcard" || t == "vcards")
    {
        return;
    }
    for (c, class) in table.columns.iter().zip(classes.iter_mut()) {
        // A `binval` part is a media file in base64 (a photo, a logo, a recording): random to
        // the eye, never a secret. The organisation's logo is not the person's.
        let tokens = tokenize(&c.name);
        let binval = tokens.len() == 2 && tokens[1] == "binval";
        if binval && tokens[0] == "logo" {
            *class = None;
            continue;
        }
        // The property says more than the words of the name (`adr-pcode` is a postcode, not
        // an address); what the values showed stays, but for a media file.
        if class.as_ref().is_some_and(|k| k.by_values) && !binval {
            continue;
        }
        if let Some((category, what)) = vcard_property(&c.name) {
            *class = Some(Classification {
                category,
                confidence: 0.8,
                evidence: vec![format!(
                    "vCard property {what} in the vCard table `{}`",
                    table.name
                )],
                by_name: true,
                by_values: false,
            });
        }
    }
}

/// Affixes that make a column a lower-cased, canonical or search copy of another column of the
/// same table: `lfamily` of `family`, `username_canonical` of `username`, `email_lower`.
const COPY_PREFIXES: [&str; 5] = ["l", "lc", "lower", "search", "norm"];
const COPY_SUFFIXES: [&str; 10] = [
    "canonical",
    "lower",
    "lc",
    "ci",
    "normalized",
    "normalised",
    "norm",
    "search",
    "sort",
    "clean",
];

/// A column left unclassified that is a copy of a personal column of its table (its name is the
/// other's with a copy affix) holds the same data.
fn sibling_copies(table: &Table, classes: &mut [Option<Classification>]) {
    use crate::text::names::tokenize;
    let flat: Vec<String> = table
        .columns
        .iter()
        .map(|c| tokenize(&c.name).concat())
        .collect();
    let mut copies: Vec<(usize, Classification)> = Vec::new();
    for (i, name) in flat.iter().enumerate() {
        if classes[i].is_some() {
            continue;
        }
        let source = flat.iter().enumerate().find(|(j, other)| {
            *j != i
                && other.len() >= 2
                && classes[*j]
                    .as_ref()
                    .is_some_and(|c| c.category.is_personal())
                && (COPY_PREFIXES
                    .iter()
                    .any(|p| name.strip_prefix(p) == Some(other.as_str()))
                    || COPY_SUFFIXES
                        .iter()
                        .any(|s| name.strip_suffix(s) == Some(other.as_str())))
        });
        if let Some((j, _)) = source
            && let Some(c) = &classes[j]
        {
            let mut copy = c.clone();
            copy.confidence = (copy.confidence * 0.9).max(0.5);
            copy.evidence = vec![format!(
                "a copy of `{}` (lower-cased, canonical or search form): {}",
                table.columns[j].name,
                c.evidence.first().map_or("", String::as_str)
            )];
            copies.push((i, copy));
        }
    }
    for (i, c) in copies {
        classes[i] = Some(c);
    }
}

/// The evidence added to a column classified without its values.
pub const UNREAD_EVIDENCE: &str = "values not read (see the columns not read)";

/// The first words of the evidence of a value column classified through its key column.
pub const KEY_VALUE_EVIDENCE: &str = "key/value table:";

/// A key/value (EAV) table about people, such as WordPress's `wp_usermeta (user_id, meta_key,
/// meta_value)`: what its value column holds is written in its key column, row by row
/// (`first_name`, `billing_phone`). It needs a column that refers to a person (`user_id`), a text
/// key column (`meta_key`, `cle`, `attribute`, `name`) and a value column (`meta_value`,
/// `valeur`, `data`). Each sampled key is classified as a column name would be; when at least a
/// tenth of the sampled rows (and at least [`values::MIN_VALUES`]) have a key naming personal
/// data, the value column takes the most sensitive category found, else the most frequent one.
/// Settings tables (`wp_options`, `llx_const`) have no person column and are left alone; keys
/// held in another table (Moodle's `fieldid`) are not followed.
fn key_value(table: &Table, rows: &[Vec<Option<String>>]) -> Option<(usize, Classification)> {
    use crate::text::names::{ColumnCategory, classify_name, refers_to_person, tokenize};
    if let Some(found) = credentials(table, rows) {
        return Some(found);
    }
    let last = |name: &str| tokenize(name).last().cloned().unwrap_or_default();
    let person = table
        .columns
        .iter()
        .any(|c| !table.primary_key.contains(&c.name) && refers_to_person(&c.name));
    if !person {
        return None;
    }
    let key = table.columns.iter().position(|c| {
        matches!(
            last(&c.name).as_str(),
            "key"
                | "cle"
                | "attribute"
                | "attribut"
                | "property"
                | "propriete"
                | "name"
                | "champ"
                | "field"
        ) && !table.primary_key.contains(&c.name)
    })?;
    let value = table.columns.iter().position(|c| {
        matches!(
            last(&c.name).as_str(),
            "value" | "valeur" | "val" | "data" | "donnee" | "donnees" | "contenu"
        )
    })?;
    let mut counts: std::collections::BTreeMap<ColumnCategory, usize> = Default::default();
    let mut keyed = 0usize;
    for row in rows {
        let (Some(Some(k)), Some(Some(v))) = (row.get(key), row.get(value)) else {
            continue;
        };
        if v.trim().is_empty() {
            continue;
        }
        keyed += 1;
        if let Some(c) = classify_name(&table.name, k, "text")
            && c.category.is_personal()
        {
            *counts.entry(c.category).or_insert(0) += 1;
        }
    }
    let personal: usize = counts.values().sum();
    if personal < values::MIN_VALUES || personal * 10 < keyed {
        return None;
    }
    let (&category, _) = counts
        .iter()
        .max_by_key(|(c, n)| (c.is_sensitive(), **n, std::cmp::Reverse(**c)))?;
    let found: Vec<String> = counts.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
    Some((
        value,
        Classification {
            category,
            confidence: 0.7,
            evidence: vec![format!(
                "{KEY_VALUE_EVIDENCE} {personal} of {keyed} sampled rows have a `{}` naming personal data ({})",
                table.columns[key].name,
                found.join(", ")
            )],
            by_name: false,
            by_values: true,
        },
    ))
}

/// A key/value credential table, such as FreeRADIUS's `radcheck (username, attribute, op,
/// value)` or `user_attributes (user_id, name, value)`: its value column holds passwords when
/// a sampled row's attribute names one (`Cleartext-Password`, `NT-Password`, `password`: the
/// list the password rules count with, [`crate::text::passwords::ATTRIBUTES`]). One such row
/// is enough: a credential is never incidental.
fn credentials(table: &Table, rows: &[Vec<Option<String>>]) -> Option<(usize, Classification)> {
    use crate::text::names::ColumnCategory;
    use crate::text::passwords::{attribute, credential_columns};
    let (key, value) = credential_columns(table)?;
    let mut found: std::collections::BTreeMap<String, usize> = Default::default();
    let mut keyed = 0usize;
    for row in rows {
        let (Some(Some(k)), Some(Some(v))) = (row.get(key), row.get(value)) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        keyed += 1;
        if attribute(k).is_some() {
            *found.entry(k.clone()).or_insert(0) += 1;
        }
    }
    let credentials: usize = found.values().sum();
    if credentials == 0 {
        return None;
    }
    let names: Vec<String> = found.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
    Some((
        value,
        Classification {
            category: ColumnCategory::Password,
            confidence: 0.9,
            evidence: vec![format!(
                "{KEY_VALUE_EVIDENCE} {credentials} of {keyed} sampled rows have a `{}` naming a password ({})",
                table.columns[key].name,
                names.join(", ")
            )],
            by_name: false,
            by_values: true,
        },
    ))
}

/// Connect, introspect, sample every base table, classify every column.
pub fn discover(target: &Target, opts: &DiscoverOptions) -> Result<Inventory, DbError> {
    let mut pool = Pool::open(target, opts.jobs, opts.limits, &opts.schemas)?;
    let catalog = std::mem::take(&mut pool.catalog);
    let info = pool.info.clone();
    let matcher = shared_matcher();
    let work: Vec<usize> = (0..catalog.tables.len())
        .filter(|&i| !catalog.tables[i].view)
        .collect();
    let tables = pool.run(
        &work,
        |session, &i| TableOutcome {
            table: i,
            result: sample_table(session, &catalog.tables[i], opts.sample, matcher)
                .map_err(|e| e.to_string()),
        },
        // A table without an outcome is never "nothing found".
        |&i| TableOutcome {
            table: i,
            result: Err("the table was not sampled".into()),
        },
    );
    Ok(Inventory {
        target: info,
        sample: opts.sample,
        catalog,
        tables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Column;
    use crate::text::names::ColumnCategory;

    fn table(name: &str, cols: &[&str]) -> Table {
        Table {
            name: name.to_string(),
            columns: cols
                .iter()
                .map(|c| Column {
                    name: c.to_string(),
                    data_type: "text".to_string(),
                    ..Column::default()
                })
                .collect(),
            primary_key: vec![cols[0].to_string()],
            ..Table::default()
        }
    }

    fn rows(pairs: &[(&str, &str)]) -> Vec<Vec<Option<String>>> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (k, v))| {
                vec![
                    Some(i.to_string()),
                    Some("7".to_string()),
                    Some(k.to_string()),
                    Some(v.to_string()),
                ]
            })
            .collect()
    }

    fn classified(t: &Table, rows: Vec<Vec<Option<String>>>) -> Vec<Option<ColumnCategory>> {
        let sample = Sampled {
            count: crate::check::RowCount::Exact(rows.len() as u64),
            rows,
            skipped: Vec::new(),
        };
        classify_sample(t, &sample, None)
            .classes
            .into_iter()
            .map(|c| c.map(|c| c.category))
            .collect()
    }

    #[test]
    fn vcard_properties_and_their_search_copies_are_a_persons() {
        let t = table(
            "vcard_search",
            &[
                "username", "fn", "lfn", "family", "lfamily", "bday", "ctry", "orgunit",
            ],
        );
        let row = |i: usize| {
            [
                format!("u{i}"),
                format!("Anne Martin{i}"),
                format!("anne martin{i}"),
                "Martin".into(),
                "martin".into(),
                "1990-01-0{i}".into(),
                "France".into(),
                "Ventes".into(),
            ]
            .into_iter()
            .map(Some)
            .collect::<Vec<_>>()
        };
        let got = classified(&t, (1..8).map(row).collect());
        use ColumnCategory as C;
        assert_eq!(
            got,
            vec![
                Some(C::Username),
                Some(C::FullName),
                Some(C::FullName),
                Some(C::LastName),
                Some(C::LastName),
                Some(C::BirthDate),
                Some(C::Address),
                None
            ]
        );
        // Outside a vCard table, `fn` is not a name.
        let t = table("reports", &["id", "fn", "lfn"]);
        let rows = (1..8)
            .map(|i| vec![Some(i.to_string()), Some("sum".into()), Some("s".into())])
            .collect();
        assert_eq!(classified(&t, rows), vec![None, None, None]);
    }

    /// A vCard kept one property per column (`PROP-PART`): the parts of the name and the
    /// address, the position, the person's page and notes are theirs; MIME types, the
    /// organisation's logo and the card's bookkeeping are not.
    #[test]
    fn vcard_columns_are_read_by_property_and_part() {
        let t = table(
            "user_vcards",
            &[
                "owner",
                "n-given",
                "n-prefix",
                "adr-extadd",
                "adr-pcode",
                "geo-lat",
                "url",
                "note",
                "photo-type",
                "logo-binval",
                "photo-binval",
                "org-orgname",
                "rev",
            ],
        );
        let row = |i: usize| {
            [
                "42",
                "Lucie",
                "Mme",
                "Bât. B",
                "69003",
                "45.76",
                "https://lucie.example",
                "RAS",
                "image/png",
                "kq9VfT3xZ7LwP0cY4sRbN8aH2mDe6GuJ",
                "Qz4tW8nX1vB5rK0pL7yC3hF9dS2mJ6gE",
                "ACME",
                "2024-01-01",
            ]
            .into_iter()
            .map(|v| {
                Some(format!(
                    "{v}{}",
                    if v == "42" {
                        i.to_string()
                    } else {
                        String::new()
                    }
                ))
            })
            .collect::<Vec<_>>()
        };
        let got = classified(&t, (1..8).map(row).collect());
        use ColumnCategory as C;
        assert_eq!(
            got[1..],
            [
                Some(C::FirstName),
                Some(C::Gender),
                Some(C::Address),
                Some(C::Postcode),
                Some(C::Geolocation),
                Some(C::Username),
                Some(C::FreeText),
                None,
                None,
                Some(C::Photo),
                Some(C::Organisation),
                None
            ]
        );
    }

    #[test]
    fn a_canonical_copy_of_a_personal_column_is_that_column() {
        let t = table(
            "fos_user",
            &[
                "id",
                "username",
                "username_canonical",
                "email_lower",
                "email",
            ],
        );
        let rows = (1..8)
            .map(|i| {
                vec![
                    Some(i.to_string()),
                    Some(format!("Jdupont{i}")),
                    Some(format!("jdupont{i}")),
                    Some(format!("j{i}@example.org")),
                    Some(format!("J{i}@Example.org")),
                ]
            })
            .collect();
        let got = classified(&t, rows);
        assert_eq!(got[2], Some(ColumnCategory::Username));
        assert_eq!(got[3], Some(ColumnCategory::Email));
    }

    #[test]
    fn a_key_value_table_about_people_takes_its_keys_category() {
        let t = table(
            "wp_usermeta",
            &["umeta_id", "user_id", "meta_key", "meta_value"],
        );
        let sample = rows(&[
            ("first_name", "x"),
            ("last_name", "x"),
            ("billing_phone", "x"),
            ("billing_phone", "x"),
            ("nickname", "x"),
            ("wp_capabilities", "x"),
            ("show_admin_bar_front", "x"),
        ]);
        let (col, class) = key_value(&t, &sample).expect("classified");
        assert_eq!(col, 3);
        assert!(class.category.is_personal());
        assert!(class.evidence[0].starts_with(KEY_VALUE_EVIDENCE));
        // The most sensitive category wins over the most frequent one.
        let sample = rows(&[
            ("first_name", "x"),
            ("first_name", "x"),
            ("first_name", "x"),
            ("first_name", "x"),
            ("religion", "x"),
        ]);
        let (_, class) = key_value(&t, &sample).expect("classified");
        assert_eq!(class.category, ColumnCategory::Religion);
    }

    #[test]
    fn a_credential_table_holds_passwords_by_its_attributes() {
        let t = table("radcheck", &["id", "username", "attribute", "value"]);
        let sample = rows(&[
            ("Cleartext-Password", "Soleil2024!"),
            ("Simultaneous-Use", "1"),
            ("NT-Password", "8846f7eaee8fb117ad06bdd830b7586c"),
        ]);
        let (col, class) = key_value(&t, &sample).expect("classified");
        assert_eq!(col, 3);
        assert_eq!(class.category, ColumnCategory::Password);
        assert_eq!(
            class.evidence[0],
            "key/value table: 2 of 3 sampled rows have a `attribute` naming a password (Cleartext-Password ×1, NT-Password ×1)"
        );
        // No attribute names a password: left to the personal-data keys.
        let sample = rows(&[("Simultaneous-Use", "1"), ("Session-Timeout", "3600")]);
        assert!(key_value(&t, &sample).is_none());
    }

    #[test]
    fn settings_and_keyless_tables_are_left_alone() {
        // No column refers to a person: a settings table.
        let t = table(
            "wp_options",
            &["option_id", "blog_id", "option_name", "option_value"],
        );
        let sample = rows(&[("first_name", "x"); 8]);
        assert!(key_value(&t, &sample).is_none());
        // Too few personal keys among the sampled rows.
        let t = table(
            "wp_usermeta",
            &["umeta_id", "user_id", "meta_key", "meta_value"],
        );
        let mut pairs = vec![("first_name", "x"); 5];
        pairs.extend(vec![("session_tokens", "x"); 60]);
        assert!(key_value(&t, &rows(&pairs)).is_none());
        // Empty values say nothing.
        let sample = rows(&[("first_name", " "); 8]);
        assert!(key_value(&t, &sample).is_none());
    }
}
