//! `vigie init`: a draft policy from what discovery found.
//!
//! The draft declares what the database shows and leaves every decision to a person, as the
//! string `"TODO"`, which the policy loader refuses with one diagnostic per decision (a caret
//! under it and a hint: for a retention, the CNIL reference the draft cites next to it). So the
//! draft cannot be scanned by accident before someone decided its legal bases and durations,
//! and once the TODOs are filled it scans as is.
//!
//! What it writes:
//! - a `[[subject]]` per table that holds identifying data (a name, an e-mail, a phone…), keyed
//!   on the primary key, with `birth_date` when one was found;
//! - a `[[purpose]]` per table holding personal data, listing its personal columns in `data`
//!   (sensitive ones marked), with `legal_basis = "TODO"` and one `[[purpose.retention]]`:
//!   `keep = "TODO"`, the CNIL reference that fits the table's name as a comment and as
//!   `reference`, and `from` set to the date column that most likely starts the clock;
//! - a consent purpose with a `[purpose.consent]` block where a consent table is recognised
//!   (a `consent…` table with a subject key and a "given" date);
//! - `[free_text]` listing the free-text columns.
//!
//! The output is a pure function of the inventory: no clock, no randomness, so it can be
//! snapshot and diffed.

use crate::catalog::{Column, Table, TypeClass};
use crate::discover::Inventory;
use crate::rules::references;
use crate::text::names::{ColumnCategory, tokenize};
use crate::text::values::ValueProfile;
use std::collections::BTreeSet;
use std::fmt::Write;

/// A TOML basic string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Categories that make a table's rows people.
fn identifying(c: ColumnCategory) -> bool {
    matches!(
        c,
        ColumnCategory::Email
            | ColumnCategory::Phone
            | ColumnCategory::LastName
            | ColumnCategory::FirstName
            | ColumnCategory::FullName
            | ColumnCategory::BirthDate
            | ColumnCategory::Nir
            | ColumnCategory::Username
    )
}

/// Singular lower-case tokens of a name.
fn words(name: &str) -> Vec<String> {
    tokenize(name)
        .into_iter()
        .map(|t| {
            if t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") {
                t[..t.len() - 1].to_string()
            } else {
                t
            }
        })
        .collect()
}

/// The reference a table's name suggests, from its words.
fn reference_for(table: &str) -> Option<&'static references::Reference> {
    const BY_WORD: &[(&[&str], &str)] = &[
        (&["prospect", "lead"], "prospection"),
        (
            &["candidat", "candidature", "applicant", "admission"],
            "school-applicant",
        ),
        (&["client", "customer"], "customer-contract"),
        (
            &["compte", "account", "user", "utilisateur", "login"],
            "inactive-account",
        ),
        (
            &["employe", "salarie", "employee", "staff", "personnel"],
            "employee-file",
        ),
        (&["paiement", "payment", "carte", "card"], "card-chargeback"),
        (&["log", "journal", "audit", "connexion"], "app-logs"),
        (&["badge", "acces", "access"], "badge-logs"),
        (&["video", "camera"], "video"),
        (&["demande", "request", "droit"], "dsr-evidence"),
        (&["membre", "member", "adherent"], "association-member"),
    ];
    let w = words(table);
    BY_WORD
        .iter()
        .find(|(keys, _)| w.iter().any(|t| keys.contains(&t.as_str())))
        .and_then(|(_, id)| references::get(id))
}

/// A date column: by type, by name, or (SQLite stores dates as text) by its sampled values.
/// The name counts only on a text or untyped column: `on_hold TINYINT` is a flag.
fn date_like(c: &Column, profile: Option<&ValueProfile>) -> bool {
    let t = words(&c.name);
    matches!(c.type_class(), TypeClass::Date | TypeClass::Timestamp)
        || profile.is_some_and(|p| p.non_empty > 0 && p.share(ColumnCategory::BirthDate) >= 0.8)
        || matches!(c.type_class(), TypeClass::Text | TypeClass::Other)
            && t.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "date" | "dt" | "le" | "at" | "on" | "timestamp" | "time"
                )
            })
}

/// [`words`], with a glued `date`/`dt` prefix split off: `datefin` is `date`, `fin`.
fn date_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(name) {
        let rest = w
            .strip_prefix("date")
            .or_else(|| w.strip_prefix("dt"))
            .filter(|r| r.len() >= 3)
            .map(str::to_string);
        out.push(w);
        out.extend(rest);
    }
    out
}

/// Words of a date that ends the relationship (a pupil's leaving, a contract's end): empty
/// while the relationship lasts.
const END_WORDS: &[&str] = &[
    "fin",
    "end",
    "ended",
    "depart",
    "cloture",
    "closed",
    "decision",
    "sortie",
    "radiation",
    "resiliation",
    "termination",
    "terminated",
    "departure",
    "left",
    "leaving",
];

/// The `where` that leaves out the rows whose end date is still empty, when the anchor is such
/// a date and may be empty: they are people still enrolled, not rows with a missing anchor.
fn ongoing_filter(
    d: crate::dialect::Dialect,
    table: &Table,
    anchor: &str,
    profiles: &[ValueProfile],
) -> Option<String> {
    let (i, column) = table
        .columns
        .iter()
        .enumerate()
        .find(|(_, c)| c.name == anchor)?;
    let ends = date_words(anchor)
        .iter()
        .any(|w| END_WORDS.contains(&w.as_str()));
    let empty_seen = profiles.get(i).is_some_and(|p| p.non_empty < p.rows);
    if !ends || !(column.nullable || empty_seen) {
        return None;
    }
    let plain = anchor
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let col = if plain {
        anchor.to_string()
    } else {
        d.quote_ident(anchor)
    };
    Some(format!("{col} IS NOT NULL"))
}

/// The column that most likely starts the retention clock: the last contact or activity, then
/// an end, then a last change, then the creation.
fn anchor(table: &Table, profiles: &[ValueProfile], birth: &BTreeSet<String>) -> Option<String> {
    const RANKS: &[&[&str]] = &[
        &["dernier", "derniere", "last"],
        END_WORDS,
        &[
            "modification",
            "modifie",
            "modified",
            "modif",
            "updated",
            "update",
            "upd",
            "maj",
        ],
        &[
            "creation",
            "created",
            "cree",
            "inscription",
            "inscrit",
            "recu",
            "received",
            "donne",
            "added",
            "add",
            "registered",
            "joined",
        ],
    ];
    // A password's or a token's date says nothing of the person's relationship.
    const NOT_ANCHOR: &[&str] = &[
        "password", "passwd", "pwd", "mdp", "pass", "token", "otp", "reset",
    ];
    let candidates: Vec<&Column> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            date_like(c, profiles.get(*i))
                && !birth.contains(&c.name)
                && !date_words(&c.name)
                    .iter()
                    .any(|w| NOT_ANCHOR.contains(&w.as_str()))
        })
        .map(|(_, c)| c)
        .collect();
    // A last login or activity, however it is spelt (`datelastlogin`, `lastSeenAt`).
    if let Some(c) = candidates
        .iter()
        .find(|c| crate::rules::security::inactive_account::last_activity_name(&c.name))
    {
        return Some(c.name.clone());
    }
    for rank in RANKS {
        if let Some(c) = candidates.iter().find(|c| {
            date_words(&c.name)
                .iter()
                .any(|w| rank.contains(&w.as_str()))
        }) {
            return Some(c.name.clone());
        }
    }
    // One date and no better clue: it is the only candidate (`paye_le`).
    match candidates.as_slice() {
        [only] => Some(only.name.clone()),
        _ => None,
    }
}

/// A kebab-case id from a table name.
/// A name as an id the policy loader accepts: ASCII kebab-case, accents folded, any other
/// character a separator (`Élèves` → `eleves`, `c-ı-a` → `c-a`).
fn kebab(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let parts: Vec<String> = tokenize(name)
        .iter()
        .map(|t| {
            t.nfkd()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    parts.join("-")
}

/// [`kebab`] of `name`, `fallback` when nothing of it is left, made unique among `taken` (a
/// number appended): two tables must never draft one id.
fn unique_id(name: &str, fallback: &str, taken: &mut BTreeSet<String>) -> String {
    let base = Some(kebab(name))
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| fallback.to_string());
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A recognised consent table: subject key, given date and the optional columns.
struct ConsentTable<'a> {
    table: &'a Table,
    subject_key: String,
    subject_type: Option<String>,
    given_at: String,
    purpose_column: Option<String>,
    withdrawn_at: Option<String>,
    pre_ticked: Option<String>,
    proof: Option<String>,
    parental: Option<String>,
}

fn find_column<'a>(table: &'a Table, words_any: &[&[&str]]) -> Option<&'a Column> {
    table.columns.iter().find(|c| {
        let w = words(&c.name);
        words_any
            .iter()
            .any(|group| group.iter().all(|g| w.iter().any(|x| x == g)))
    })
}

fn consent_table(table: &Table) -> Option<ConsentTable<'_>> {
    let w = words(&table.name);
    if !w
        .iter()
        .any(|t| matches!(t.as_str(), "consentement" | "consent" | "optin" | "opt"))
    {
        return None;
    }
    let given = find_column(
        table,
        &[
            &["donne"],
            &["given"],
            &["consented"],
            &["date", "consentement"],
            &["accepte", "le"],
            &["created"],
        ],
    )?;
    let key = table.columns.iter().find(|c| {
        let w = words(&c.name);
        w.last().is_some_and(|l| l == "id") && w.len() > 1 && !table.primary_key.contains(&c.name)
    })?;
    let name = |groups: &[&[&str]]| find_column(table, groups).map(|c| c.name.clone());
    Some(ConsentTable {
        table,
        subject_key: key.name.clone(),
        subject_type: name(&[
            &["personne", "type"],
            &["subject", "type"],
            &["person", "type"],
        ]),
        given_at: given.name.clone(),
        purpose_column: name(&[&["finalite"], &["purpose"]]),
        withdrawn_at: name(&[&["retire"], &["withdrawn"], &["revoked"], &["revoque"]]),
        pre_ticked: name(&[
            &["precochee"],
            &["precoche"],
            &["pre", "ticked"],
            &["pre", "checked"],
        ]),
        proof: name(&[&["preuve"], &["proof"]]),
        parental: name(&[&["parental"], &["parent", "accord"]]),
    })
}

struct TableView<'a> {
    table: &'a Table,
    profiles: &'a [ValueProfile],
    /// (column, category, sensitive) of personal columns.
    personal: Vec<(&'a str, ColumnCategory)>,
    free_text: Vec<&'a str>,
    /// Secrets that authenticate (salts, tokens, keys): never a purpose's data.
    credentials: Vec<&'a str>,
    birth: Option<&'a str>,
    subject: bool,
}

/// Writes the draft policy.
pub fn draft(inv: &Inventory) -> String {
    let catalog = &inv.catalog;
    let mut duplicate_names = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for t in &catalog.tables {
        if !seen.insert(t.name.to_lowercase()) {
            duplicate_names.insert(t.name.to_lowercase());
        }
    }
    // A table named as the policy will name it: qualified only when the bare name is ambiguous.
    let tname = |t: &Table| {
        if duplicate_names.contains(&t.name.to_lowercase()) {
            t.qualified_name()
        } else {
            t.name.clone()
        }
    };

    let mut views: Vec<TableView<'_>> = Vec::new();
    let mut consents = Vec::new();
    for outcome in &inv.tables {
        let table = &catalog.tables[outcome.table];
        if let Some(c) = consent_table(table) {
            consents.push(c);
            continue;
        }
        let Ok(sample) = &outcome.result else {
            continue;
        };
        let mut v = TableView {
            table,
            profiles: &sample.profiles,
            personal: Vec::new(),
            free_text: Vec::new(),
            credentials: Vec::new(),
            birth: None,
            subject: false,
        };
        for (col, class) in table.columns.iter().zip(&sample.classes) {
            let Some(c) = class else { continue };
            if table.primary_key.contains(&col.name) {
                continue;
            }
            if c.category == ColumnCategory::FreeText {
                v.free_text.push(&col.name);
            } else if c.category == ColumnCategory::Credential {
                v.credentials.push(&col.name);
            } else if c.category.is_personal() {
                v.personal.push((&col.name, c.category));
                if c.category == ColumnCategory::BirthDate && v.birth.is_none() {
                    v.birth = Some(&col.name);
                }
            }
        }
        // A key/value table's rows are attributes of a person kept elsewhere (`wp_usermeta`
        // points at `wp_users`): a purpose holds them, the subject is the other table.
        let key_value = |col: &str| {
            table
                .columns
                .iter()
                .zip(&sample.classes)
                .find(|(c, _)| c.name == col)
                .and_then(|(_, k)| k.as_ref())
                .and_then(|k| k.evidence.first())
                .is_some_and(|e| e.starts_with(crate::discover::KEY_VALUE_EVIDENCE))
        };
        v.subject = !table.primary_key.is_empty()
            && v.personal
                .iter()
                .any(|(col, c)| identifying(*c) && !key_value(col));
        if !v.personal.is_empty() || !v.free_text.is_empty() {
            views.push(v);
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Draft policy written by `vigie init` for {} ({}), from a sample of {} per table.",
        inv.target.database,
        inv.target.dialect.name(),
        if inv.sample == 0 {
            "every row".to_string()
        } else {
            format!("at most {} rows", inv.sample)
        }
    );
    out.push_str(
        "# It declares what the database shows. Every \"TODO\" is a decision for the controller:\n\
         # `vigie scan` refuses the file, with a hint per TODO, until each one is taken.\n\
         # Review the `data` lists too: keep only what each purpose needs (RGPD art. 5.1.c).\n\n",
    );
    let _ = writeln!(
        out,
        "[organisation]\nname = {}\ncountry = \"FR\"\n",
        q(&inv.target.database)
    );
    let schemas: BTreeSet<&str> = views
        .iter()
        .filter_map(|v| v.table.schema.as_deref())
        .collect();
    if !schemas.is_empty() {
        let list: Vec<String> = schemas.iter().map(|s| q(s)).collect();
        let _ = writeln!(out, "[scan]\nschemas = [{}]\n", list.join(", "));
    }
    let free: Vec<String> = views
        .iter()
        .flat_map(|v| {
            v.free_text
                .iter()
                .map(move |c| q(&format!("{}.{c}", tname(v.table))))
        })
        .collect();
    out.push_str("# Free-text columns: their content is scanned for judgements, sensitive data and identifiers.\n");
    let _ = writeln!(
        out,
        "[free_text]\ncolumns = [{}]\nlexicons = [\"fr\", \"en\"]\n",
        free.join(", ")
    );

    // Subjects.
    let mut subject_ids: Vec<(String, &Table)> = Vec::new();
    let mut subject_taken = BTreeSet::new();
    for v in views.iter().filter(|v| v.subject) {
        let id = unique_id(&v.table.name, "subject", &mut subject_taken);
        let key = if v.table.primary_key.len() == 1 {
            q(&v.table.primary_key[0])
        } else {
            let keys: Vec<String> = v.table.primary_key.iter().map(|k| q(k)).collect();
            format!("[{}]", keys.join(", "))
        };
        let _ = writeln!(
            out,
            "[[subject]]\nid = {}\ntable = {}\nkey = {key}",
            q(&id),
            q(&tname(v.table))
        );
        if let Some(b) = v.birth {
            let _ = writeln!(out, "birth_date = {}", q(b));
        }
        out.push('\n');
        subject_ids.push((id, v.table));
    }

    // One purpose per table holding personal data.
    let mut purpose_ids = BTreeSet::new();
    for v in views.iter().filter(|v| !v.personal.is_empty()) {
        let reference = reference_for(&v.table.name);
        let id = unique_id(&v.table.name, "purpose", &mut purpose_ids);
        let name = tname(v.table);
        let _ = writeln!(out, "[[purpose]]\nid = {}", q(&id));
        let _ = writeln!(
            out,
            "title = {}",
            q(&format!(
                "Processing of {name} (draft: say why these data are kept)"
            ))
        );
        out.push_str("# consent | contract | legal-obligation | vital-interest | public-task | legitimate-interest\n");
        out.push_str("legal_basis = \"TODO\"\n");
        if let Some((subject, _)) = subject_ids.iter().find(|(_, t)| std::ptr::eq(*t, v.table)) {
            let _ = writeln!(out, "subjects = [{}]", q(subject));
        }
        let sensitive: Vec<&str> = v
            .personal
            .iter()
            .filter(|(_, c)| c.is_sensitive() || *c == ColumnCategory::Nir)
            .map(|(n, _)| *n)
            .collect();
        if !sensitive.is_empty() {
            let _ = writeln!(
                out,
                "# Special-category data or NIR ({}): keep them only under an exception of RGPD art. 9.2 (or the NIR décret), or remove them.",
                sensitive.join(", ")
            );
        }
        let data: Vec<String> = v
            .personal
            .iter()
            .map(|(c, _)| q(&format!("{name}.{c}")))
            .collect();
        let _ = writeln!(out, "data = [{}]", data.join(", "));
        let others: Vec<&str> = v
            .table
            .columns
            .iter()
            .filter(|c| {
                !v.table.primary_key.contains(&c.name)
                    && !v.personal.iter().any(|(p, _)| *p == c.name)
                    && !v.free_text.contains(&c.name.as_str())
                    && !v.credentials.contains(&c.name.as_str())
            })
            .map(|c| c.name.as_str())
            .collect();
        if !v.credentials.is_empty() {
            let _ = writeln!(
                out,
                "# Credentials in {name} ({}): secrets that authenticate (salts, tokens, keys), left out of `data` on purpose. Keep them hashed or encrypted, expire tokens, and erase them with the account.",
                v.credentials.join(", ")
            );
        }
        if !others.is_empty() {
            let _ = writeln!(
                out,
                "# Also in {name}, not personal by name or values: {}. Add those this purpose uses to `data`.",
                others.join(", ")
            );
        }
        let birth: BTreeSet<String> = v.birth.iter().map(|b| b.to_string()).collect();
        out.push_str("\n[[purpose.retention]]\n");
        let _ = writeln!(out, "table = {}", q(&name));
        match reference {
            Some(r) => {
                let _ = writeln!(
                    out,
                    "# CNIL reference {}: {}.\n#   {}\n#   Write keep = {} to adopt it, or a duration and a justification.",
                    r.name(),
                    r.title,
                    r.summary(),
                    q(&r.name())
                );
            }
            None => out.push_str(
                "# No reference duration fits this table's name: see rules/references/cnil.toml, or decide and document one.\n",
            ),
        }
        out.push_str("keep = \"TODO\"\n");
        match anchor(v.table, v.profiles, &birth) {
            Some(a) => {
                let _ = writeln!(out, "from = {}", q(&a));
                if let Some(filter) = ongoing_filter(inv.target.dialect, v.table, &a, v.profiles) {
                    let _ = writeln!(
                        out,
                        "# {a} is empty while the relationship lasts (a pupil still enrolled, a contract running):\n\
                         # those rows are left out instead of being reported as retention-anchor-missing.\n\
                         # If a status column says who has left, filter on it instead."
                    );
                    let _ = writeln!(out, "where = {}", q(&filter));
                }
            }
            None => out.push_str("from = \"TODO\"\n"),
        }
        let then = reference.map_or("delete", |r| r.then.as_str());
        let _ = writeln!(out, "then = {}", q(then));
        if then == "anonymise" {
            let cols: Vec<String> = v
                .personal
                .iter()
                .filter(|(_, c)| identifying(*c))
                .map(|(c, _)| q(c))
                .collect();
            let _ = writeln!(out, "anonymise = [{}]", cols.join(", "));
        }
        if let Some(r) = reference {
            let _ = writeln!(out, "reference = {}", q(&r.name()));
        }
        out.push('\n');
    }

    // Consent.
    for c in &consents {
        let name = tname(c.table);
        // The subject whose key the consent rows point at: `etudiant_id` → `etudiants`, or the
        // first subject for a polymorphic `personne_id`.
        let key_words = words(&c.subject_key);
        let subject = subject_ids
            .iter()
            .find(|(_, t)| {
                let tw = words(&t.name);
                key_words.iter().any(|k| tw.contains(k))
            })
            .or_else(|| subject_ids.first());
        let Some((subject_id, _)) = subject else {
            let _ = writeln!(
                out,
                "# {name} looks like a consent table, but no subject table was found to attach it to.\n"
            );
            continue;
        };
        let id = unique_id(
            &format!("{}-consent", c.table.name),
            "consent",
            &mut purpose_ids,
        );
        let _ = writeln!(
            out,
            "[[purpose]]\nid = {}\ntitle = {}\nlegal_basis = \"consent\"\nsubjects = [{}]\n",
            q(&id),
            q(&format!(
                "Processing based on the consents recorded in {name} (draft)"
            )),
            q(subject_id)
        );
        out.push_str("[purpose.consent]\n");
        let _ = writeln!(out, "table = {}", q(&name));
        let _ = writeln!(out, "subject_key = {}", q(&c.subject_key));
        if let Some(t) = &c.subject_type {
            let _ = writeln!(
                out,
                "# rows of several kinds of people: select this subject's, e.g. {t} = '…'\nwhere = \"TODO\""
            );
        }
        if let Some(p) = &c.purpose_column {
            let _ = writeln!(out, "purpose_column = {}", q(p));
            out.push_str("# the value of the purpose column that designates this purpose\n");
            out.push_str("purpose_value = \"TODO\"\n");
        }
        let _ = writeln!(out, "given_at = {}", q(&c.given_at));
        for (key, value) in [
            ("withdrawn_at", &c.withdrawn_at),
            ("pre_ticked", &c.pre_ticked),
            ("proof", &c.proof),
            ("parental_consent", &c.parental),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "{key} = {}", q(v));
            }
        }
        out.push_str("\n[[purpose.retention]]\n");
        let _ = writeln!(out, "table = {}", q(&name));
        out.push_str("# Consent records are evidence: keep them as long as the processing they allow, plus the limitation period.\nkeep = \"TODO\"\n");
        let _ = writeln!(out, "from = {}", q(&c.given_at));
        out.push_str("then = \"delete\"\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[(&str, &str)]) -> Table {
        Table {
            name: "llx_user".into(),
            columns: columns
                .iter()
                .map(|(n, t)| Column {
                    name: (*n).into(),
                    data_type: (*t).into(),
                    nullable: true,
                    ..Column::default()
                })
                .collect(),
            ..Table::default()
        }
    }

    #[test]
    fn the_anchor_is_the_last_login_however_spelt_never_a_flag() {
        let t = table(&[
            ("rowid", "integer"),
            ("on_hold", "tinyint"),
            ("datec", "datetime"),
            ("datelastlogin", "datetime"),
            ("tms", "timestamp"),
        ]);
        assert_eq!(
            anchor(&t, &[], &BTreeSet::new()).as_deref(),
            Some("datelastlogin")
        );
        let t = table(&[("on_hold", "tinyint"), ("is_primary", "tinyint")]);
        assert_eq!(anchor(&t, &[], &BTreeSet::new()), None);
        // SQLite: a date stored as text is known by its name.
        let t = table(&[("id", "integer"), ("paye_le", "text")]);
        assert_eq!(
            anchor(&t, &[], &BTreeSet::new()).as_deref(),
            Some("paye_le")
        );
    }
}
