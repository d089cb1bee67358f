//! Classifies a column as personal data from its name, its table's name and its type.
//!
//! Shared by the migration gate (a migration adds `religion TEXT`) and by live-database
//! discovery. Names are tokenised (`_`, `-`, camelCase, digits), lower-cased and accent-folded,
//! then matched against French and English vocabularies, abbreviations included (`dt_naiss`,
//! `num_secu`, `mdp`, `cp`). Matching is on whole tokens, never substrings, so `partie` is not
//! `parti`, `panier` not `pan`, `trace` not `race`, `cpt` not `cp`.
//!
//! Rules are ordered: the first that matches wins, so specific phrases (`adresse_ip`,
//! `orientation_sexuelle`, `code_postal`, `code_insee`) come before the single words they
//! contain. A rule may require a kind of type (free text only for text types, a password only
//! for text or binary, a birth date not for booleans) and may be vetoed by a token
//! (`traitement` is a medical treatment only with a medical word: `date_traitement` is
//! processing). Words that name both a person and a thing (`nom`, `name`, `description`,
//! `origine`) also look at the table: `formations.nom` is not a surname.
//!
//! A name the vocabulary does not read is read again without a table-style prefix (`cust_name`,
//! `u_mail`) and, glued and lower-cased by the server (`mobilenumber`), split into the
//! vocabulary's own words by a segmentation that prefers the fewest, longest known words.
//!
//! The words are data: the rules and the word lists live in `rules/vocabulary/names.toml`
//! (loaded and validated by `super::vocabulary`), the matching logic here.

use std::fmt;

use super::vocabulary::{Rule, Ty, VOCABULARY, Words};
use crate::catalog::TypeKind;
use ColumnCategory as C;

/// The kind of personal data a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnCategory {
    Email,
    Phone,
    Nir,
    Iban,
    Card,
    CardSecurityCode,
    BirthDate,
    Address,
    Postcode,
    LastName,
    FirstName,
    FullName,
    Gender,
    Nationality,
    Ip,
    Password,
    Health,
    Religion,
    Ethnic,
    Political,
    Union,
    Sexual,
    Offence,
    Biometric,
    FreeText,
    Consent,
    Financial,
    IdDocument,
    /// A login, user name or pseudonym: identifies a person on a service.
    Username,
    /// Latitude, longitude, GPS position.
    Geolocation,
    /// The name or number of a company or body (an employer, a partner): not personal by itself.
    Organisation,
    /// A secret that authenticates (a password salt, a reset or session token, an API key, an
    /// MFA secret, a private key): a security matter rather than data a purpose processes.
    Credential,
    /// A picture of the person (a photo, an avatar) or where it is kept (its URL or path).
    Photo,
    /// What the person does: a job title, a position, an occupation.
    Job,
}

impl ColumnCategory {
    pub const ALL: [ColumnCategory; 34] = [
        ColumnCategory::Email,
        ColumnCategory::Phone,
        ColumnCategory::Nir,
        ColumnCategory::Iban,
        ColumnCategory::Card,
        ColumnCategory::CardSecurityCode,
        ColumnCategory::BirthDate,
        ColumnCategory::Address,
        ColumnCategory::Postcode,
        ColumnCategory::LastName,
        ColumnCategory::FirstName,
        ColumnCategory::FullName,
        ColumnCategory::Gender,
        ColumnCategory::Nationality,
        ColumnCategory::Ip,
        ColumnCategory::Password,
        ColumnCategory::Health,
        ColumnCategory::Religion,
        ColumnCategory::Ethnic,
        ColumnCategory::Political,
        ColumnCategory::Union,
        ColumnCategory::Sexual,
        ColumnCategory::Offence,
        ColumnCategory::Biometric,
        ColumnCategory::FreeText,
        ColumnCategory::Consent,
        ColumnCategory::Financial,
        ColumnCategory::IdDocument,
        ColumnCategory::Username,
        ColumnCategory::Geolocation,
        ColumnCategory::Organisation,
        ColumnCategory::Credential,
        ColumnCategory::Photo,
        ColumnCategory::Job,
    ];

    /// Kebab-case id, as used in reports and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnCategory::Email => "email",
            ColumnCategory::Phone => "phone",
            ColumnCategory::Nir => "nir",
            ColumnCategory::Iban => "iban",
            ColumnCategory::Card => "card",
            ColumnCategory::CardSecurityCode => "card-security-code",
            ColumnCategory::BirthDate => "birth-date",
            ColumnCategory::Address => "address",
            ColumnCategory::Postcode => "postcode",
            ColumnCategory::LastName => "last-name",
            ColumnCategory::FirstName => "first-name",
            ColumnCategory::FullName => "full-name",
            ColumnCategory::Gender => "gender",
            ColumnCategory::Nationality => "nationality",
            ColumnCategory::Ip => "ip",
            ColumnCategory::Password => "password",
            ColumnCategory::Health => "health",
            ColumnCategory::Religion => "religion",
            ColumnCategory::Ethnic => "ethnic",
            ColumnCategory::Political => "political",
            ColumnCategory::Union => "union",
            ColumnCategory::Sexual => "sexual",
            ColumnCategory::Offence => "offence",
            ColumnCategory::Biometric => "biometric",
            ColumnCategory::FreeText => "free-text",
            ColumnCategory::Consent => "consent",
            ColumnCategory::Financial => "financial",
            ColumnCategory::IdDocument => "id-document",
            ColumnCategory::Username => "username",
            ColumnCategory::Geolocation => "geolocation",
            ColumnCategory::Organisation => "organisation",
            ColumnCategory::Credential => "credential",
            ColumnCategory::Photo => "photo",
            ColumnCategory::Job => "job",
        }
    }

    /// Parses [`as_str`](Self::as_str) (snake_case accepted too).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.replace('_', "-");
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Special categories of art. 9 GDPR, and offences (art. 10).
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            ColumnCategory::Health
                | ColumnCategory::Religion
                | ColumnCategory::Ethnic
                | ColumnCategory::Political
                | ColumnCategory::Union
                | ColumnCategory::Sexual
                | ColumnCategory::Offence
                | ColumnCategory::Biometric
        )
    }

    /// National or financial identifiers whose values can be validated (NIR key, IBAN mod 97,
    /// Luhn).
    pub fn is_identifier(self) -> bool {
        matches!(
            self,
            ColumnCategory::Nir | ColumnCategory::Iban | ColumnCategory::Card
        )
    }

    /// Data about a person. Every category is, except free text (which may or may not hold
    /// personal data: it must be scanned), consent flags (which are about a person's choice,
    /// reported by the consent rules rather than as personal data), organisations (a company
    /// name is about a company; it becomes personal data only through the row it sits in) and
    /// credentials (secrets of the service that must be protected, hashed or expired, not data a
    /// purpose declares).
    pub fn is_personal(self) -> bool {
        !matches!(
            self,
            ColumnCategory::FreeText
                | ColumnCategory::Consent
                | ColumnCategory::Organisation
                | ColumnCategory::Credential
        )
    }
}

impl fmt::Display for ColumnCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a column was classified, and how sure the classifier is.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NameClass {
    pub category: ColumnCategory,
    /// 0..1: ≥ 0.9 unambiguous name, 0.6–0.9 likely, < 0.6 ambiguous (report for review).
    pub confidence: f32,
    /// e.g. "name matches `num_secu` (NIR)".
    pub reason: String,
}

/// What a table is about, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    Person,
    Thing,
    Unknown,
}

/// Row bookkeeping (keys, timestamps, versions) that says nothing about a person; `name` is
/// lower case. Shared by the classifier and by `undeclared-column`.
pub fn is_bookkeeping(name: &str) -> bool {
    VOCABULARY.words.bookkeeping.contains(name)
}

/// Classifies a column by its name, its table's name and its type.
///
/// A name the vocabulary does not read is read again in two ways before giving up: without a
/// table-style prefix (`cust_name`, `mbr_nom`, `tbl_email`, `u_mail`: [`strip_prefix`]), and,
/// for words glued without separators and lower-cased by the server (`postalcode`,
/// `lastloginip`, `adressemail`), split into the vocabulary's own words ([`segment`]).
pub fn classify_name(table: &str, column: &str, data_type: &str) -> Option<NameClass> {
    let tokens = tokenize(column);
    let class = classify_tokens(table, &tokens, data_type)
        .or_else(|| {
            let rest = strip_prefix(table, &tokens)?;
            let mut c = classify_tokens(table, rest, data_type)?;
            c.reason = format!("without its prefix `{}`, {}", tokens[0], c.reason);
            Some(c)
        })
        .or_else(|| {
            let split = segment_tokens(&tokens)?;
            let mut c = classify_tokens(table, &split, data_type)
                .or_else(|| classify_tokens(table, strip_prefix(table, &split)?, data_type))?;
            if decided_inside(table, &split, data_type, c.category) {
                return None;
            }
            c.confidence = round2(c.confidence - 0.1);
            c.reason = format!("read as `{}`: {}", split.join("_"), c.reason);
            Some(c)
        })?;
    // A payment card number has 13 to 19 digits: an integer of 32 bits or less cannot hold one
    // (`MaxPanSpeed` is a camera's pan speed).
    if class.category == C::Card && narrow_integer(data_type) {
        return None;
    }
    // The `civilite` of a company is its legal form (SARL, SAS), not a gender.
    if class.category == C::Gender && table_is_organisation(table) {
        return None;
    }
    // The address, phone, e-mail or bank account of the organisation itself, of a company, of a
    // site or a room, or in the settings, is the organisation's: not personal data, unless the
    // name says whose it is (`contact_email`, `directeur_telephone`).
    if organisation_owns(table, column, class.category) {
        return None;
    }
    // The address, IP, display name or e-mail of a monitored host, a server, a service or a DNS
    // zone is the machine's, unless the name says whose it is (`contact_email`, `owner_name`).
    if machine_owns(table, column, class.category) {
        return None;
    }
    Some(class)
}

/// An integer type of 32 bits or less, or a flag (`smallint(5) unsigned`, `int4`, `boolean`).
fn narrow_integer(data_type: &str) -> bool {
    let t = data_type.trim().to_ascii_lowercase();
    let word: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    matches!(
        word.as_str(),
        "tinyint"
            | "smallint"
            | "mediumint"
            | "int"
            | "integer"
            | "int1"
            | "int2"
            | "int3"
            | "int4"
            | "serial"
            | "smallserial"
            | "serial4"
            | "bool"
            | "boolean"
            | "bit"
    )
}

/// Whether a column of this category in a table about machines or network names is the
/// machine's (its address, IP, display name, e-mail), not a person's. Used for names and for
/// values alone alike.
pub fn machine_owns(table: &str, column: &str, category: ColumnCategory) -> bool {
    matches!(
        category,
        C::Address
            | C::Postcode
            | C::Ip
            | C::FullName
            | C::LastName
            | C::FirstName
            | C::Email
            | C::Geolocation
    ) && table_is_machine(table)
        && !table_holds_people(table)
        && !tokenize(column)
            .iter()
            .any(|t| VOCABULARY.words.person_words.contains(t))
}

/// Whether a column of this category in this table is the organisation's own (its address,
/// phone, e-mail or bank account in its settings, sites, rooms or entities), not a person's:
/// the name does not say whose (`contact_email`, `directeur_telephone` are a person's). Used
/// for names and for values alone alike.
pub fn organisation_owns(table: &str, column: &str, category: ColumnCategory) -> bool {
    matches!(
        category,
        C::Address | C::Postcode | C::Phone | C::Email | C::Iban | C::Financial | C::Geolocation
    ) && table_is_own(table)
        && !table_holds_people(table)
        && !tokenize(column)
            .iter()
            .any(|t| VOCABULARY.words.person_words.contains(t))
}

/// Short words that join the vocabulary's words in a glued name (`datedenaissance`).
const CONNECTORS: [&str; 12] = [
    "de", "du", "des", "la", "le", "les", "of", "the", "en", "et", "and", "to",
];

/// Every word the vocabulary knows: the words of its patterns and vetoes, and of its lists.
fn known_words() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| {
            let v = &*VOCABULARY;
            let mut set = std::collections::HashSet::new();
            // Two-letter words are kept only when they are a whole pattern (`ip`, `cp`): the
            // `ne` of `ne_le` would read `donne` as `don`, `ne`.
            let mut add = |phrase: &str| {
                for w in phrase.split('_') {
                    let whole = w == phrase;
                    if (w.len() >= 3 || whole && w.len() == 2)
                        && w.chars().all(|c| c.is_ascii_lowercase())
                    {
                        set.insert(w.to_string());
                    }
                }
            };
            for r in &v.rules {
                r.pats.iter().chain(&r.veto).for_each(|p| add(p));
            }
            let w = &v.words;
            for list in [
                &w.technical,
                &w.thing_words,
                &w.person_words,
                &w.person_tables,
                &w.thing_tables,
                &w.organisation_tables,
                &w.own_tables,
                &w.machine_tables,
                &w.message_tables,
                &w.session_tables,
                &w.bookkeeping,
                &w.medical,
                &w.comment,
                &w.comment_body,
                &w.glue_words,
            ] {
                list.iter().for_each(&mut add);
            }
            set
        });
    &WORDS
}

/// Whether a glued name's category comes from its inner pieces alone: every piece the category
/// needs lies strictly between the first and the last. A glued name says what it holds by its
/// head, the last piece in English (`lastloginip`) or the first in French (`telportable`); a
/// word in the middle qualifies the head (`maxpanspeed` is a speed, `minirisstep` a step of
/// a camera's iris), and a short word found there is as often a piece of another word.
fn decided_inside(table: &str, pieces: &[String], data_type: &str, category: C) -> bool {
    let n = pieces.len();
    if n < 3 {
        return false;
    }
    let needed = |i: usize| {
        let mut without = pieces.to_vec();
        without[i] = "x".to_string();
        classify_tokens(table, &without, data_type).is_none_or(|c| c.category != category)
    };
    !needed(0) && !needed(n - 1) && (1..n - 1).any(needed)
}

/// Splits a word glued without separators into the fewest, then longest, known words
/// (dynamic programming over the vocabulary's words and [`CONNECTORS`]): `postalcode` →
/// `postal`, `code`; `lastloginip` → `last`, `login`, `ip`. `None` unless every piece is a
/// known word (or a connector between two of them) and there are at least two pieces.
pub fn segment(word: &str) -> Option<Vec<String>> {
    let known = known_words();
    let n = word.len();
    if n < 6 || !word.chars().all(|c| c.is_ascii_lowercase()) || known.contains(word) {
        return None;
    }
    let is_piece = |p: &str| known.contains(p) || CONNECTORS.contains(&p);
    // best[i]: (pieces, -sum of squared lengths, previous cut) for word[..i].
    let mut best: Vec<Option<(usize, i64, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((pieces, score, _)) = best[start] else {
                continue;
            };
            let piece = &word[start..end];
            if piece.len() < 2 || !is_piece(piece) {
                continue;
            }
            let cand = (
                pieces + 1,
                score - (piece.len() * piece.len()) as i64,
                start,
            );
            if best[end].is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
                best[end] = Some(cand);
            }
        }
    }
    let mut pieces = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, _, start) = best[end]?;
        pieces.push(word[start..end].to_string());
        end = start;
    }
    pieces.reverse();
    let connector = |p: &String| CONNECTORS.contains(&p.as_str()) && !known.contains(p);
    let ends_ok = !pieces.first().is_some_and(connector) && !pieces.last().is_some_and(connector);
    (pieces.len() >= 2 && ends_ok).then_some(pieces)
}

/// A name's tokens with each glued token split ([`segment`]), when any was.
fn segment_tokens(tokens: &[String]) -> Option<Vec<String>> {
    let mut changed = false;
    let mut out = Vec::new();
    for t in tokens {
        match segment(t) {
            Some(pieces) => {
                changed = true;
                out.extend(pieces);
            }
            None => out.push(t.clone()),
        }
    }
    changed.then_some(out)
}

/// The tokens after a table-style prefix, if the first token is one: a generic prefix
/// (`tbl`, `col`, `fld`), a single letter (`u_mail`), the table's name or its initials
/// (`customer_address.ca_city`), or an abbreviation of a word of the table's name, its letters
/// in order and starting alike (`cust` of `customers`, `mbr` of `members`, `usr` of `users`).
fn strip_prefix<'a>(table: &str, tokens: &'a [String]) -> Option<&'a [String]> {
    let (first, rest) = tokens.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let table_words: Vec<String> = tokenize(table).iter().map(|t| singular(t)).collect();
    let initials: String = table_words
        .iter()
        .filter_map(|w| w.chars().next())
        .collect();
    let abbreviates = |word: &str| {
        (2..=4).contains(&first.len())
            && word.len() > first.len()
            && first.chars().next() == word.chars().next()
            && {
                let mut it = word.chars();
                first.chars().all(|c| it.any(|w| w == c))
            }
    };
    let prefix = matches!(first.as_str(), "tbl" | "col" | "fld" | "field")
        || (first.len() == 1 && first.chars().all(|c| c.is_ascii_lowercase()))
        || (initials.len() >= 2 && *first == initials)
        || table_words.iter().any(|w| w == first || abbreviates(w));
    prefix.then_some(rest)
}

/// An enumeration whose every value is yes or no (`enum('Y','N')`): a flag.
fn yes_no_enum(data_type: &str) -> bool {
    let t = data_type.trim().to_ascii_lowercase();
    let Some(list) = t
        .strip_prefix("enum")
        .map(str::trim)
        .and_then(|l| l.strip_prefix('('))
        .and_then(|l| l.strip_suffix(')'))
    else {
        return false;
    };
    let values: Vec<&str> = list
        .split(',')
        .map(|v| v.trim().trim_matches(['\'', '"']))
        .collect();
    !values.is_empty()
        && values.iter().all(|v| {
            matches!(
                *v,
                "y" | "n"
                    | "yes"
                    | "no"
                    | "o"
                    | "oui"
                    | "non"
                    | "0"
                    | "1"
                    | "true"
                    | "false"
                    | "t"
                    | "f"
            )
        })
}

fn classify_tokens(table: &str, tokens: &[String], data_type: &str) -> Option<NameClass> {
    let tokens = tokens.to_vec();
    if tokens.is_empty() {
        return None;
    }
    let ty = if yes_no_enum(data_type) {
        TypeKind::Bool
    } else {
        TypeKind::of(data_type)
    };
    let table_kind = table_kind(table);
    let joined = tokens.join("_");

    if let Some(c) = session_state(table, &tokens, ty) {
        return Some(c);
    }
    // Whole names that are never personal data.
    if is_bookkeeping(&joined) || VOCABULARY.words.not_personal.contains(&joined) {
        return None;
    }

    // A network type says what the column holds, whatever its name.
    if let Some(c) = network(data_type, table_kind) {
        return Some(c);
    }
    // `traitement` is processing unless medical: decided before the health words.
    if let Some(c) = classify_treatment(&tokens, &joined, ty, table_kind) {
        return c;
    }
    // Article 9/10 words first: `suivi_medical`, `commentaire_sante` are health data.
    if let Some(c) = apply_rules(&tokens, ty, table_kind, |r, _| r.cat.is_sensitive()) {
        return c;
    }
    // Then phrases (`avis_imposition`, `adresse_email`, `date_naissance`), before the single
    // words whose meaning depends on context.
    if let Some(c) = apply_rules(&tokens, ty, table_kind, |r, p| {
        !r.cat.is_sensitive() && p.contains('_')
    }) {
        return c;
    }
    if let Some(c) = classify_ambiguous(&tokens, &joined, ty, table_kind, table) {
        return c;
    }
    if let Some(c) = apply_rules(&tokens, ty, table_kind, |r, _| !r.cat.is_sensitive()) {
        return c;
    }
    spatial(data_type, table_kind)
        .or_else(|| glued(&tokens, ty, table_kind))
        .or_else(|| health_table(table, &tokens, ty))
}

/// A column of a table about health (`allergies`, `medical_conditions`, `first_aid`,
/// `sen_needs`) that holds text is health data whatever its own name (`reaction`, `triggers`,
/// `name`, `severity`): the table says what it describes. Keys, dates and flags are not.
fn health_table(table: &str, tokens: &[String], ty: TypeKind) -> Option<NameClass> {
    let table_tokens = tokenize(table);
    let singulars: Vec<String> = table_tokens.iter().map(|t| singular(t)).collect();
    let health = VOCABULARY
        .rules
        .iter()
        .filter(|r| r.cat == C::Health)
        .flat_map(|r| r.pats.iter())
        .find(|p| contains_seq(&singulars, p) || contains_seq(&table_tokens, p))?;
    let technical = tokens
        .iter()
        .any(|t| VOCABULARY.words.technical.contains(t))
        || is_bookkeeping(&tokens.join("_"));
    let text = matches!(ty, TypeKind::Text(_) | TypeKind::Unknown | TypeKind::Enum);
    (text && !technical).then(|| NameClass {
        category: C::Health,
        confidence: 0.7,
        reason: format!("a text column of a table about health (`{health}`)"),
    })
}

/// A table of web sessions (`sessions`, `user_session`): its key when a string (an integer is a
/// row number) and its data (the serialised session: tokens, the user's identity) are what a
/// thief replays to act as the user. A training session's integer `id` is not.
fn session_state(table: &str, tokens: &[String], ty: TypeKind) -> Option<NameClass> {
    let table_words: Vec<String> = tokenize(table).iter().map(|t| singular(t)).collect();
    let last = table_words.last()?;
    if !VOCABULARY.words.session_tables.contains(last) {
        return None;
    }
    let own: Vec<&str> = tokens
        .iter()
        .map(String::as_str)
        .filter(|t| !VOCABULARY.words.session_tables.contains(t) && *t != "s")
        .collect();
    let (what, conf) = match (own.as_slice(), ty) {
        (["id"] | ["key"] | [], TypeKind::Text(_)) => ("the key of a web session", 0.7),
        (
            ["data"] | ["vars"] | ["value"] | ["content"] | ["payload"],
            TypeKind::Text(_) | TypeKind::Binary,
        ) => ("the data of a web session", 0.6),
        _ => return None,
    };
    Some(NameClass {
        category: C::Credential,
        confidence: conf,
        reason: format!("a table of web sessions: {what}"),
    })
}

/// PostgreSQL's network types hold a device's address: an IP (`inet`, `cidr`) or a MAC
/// (`macaddr`, `macaddr8`) identifies the person using it, unless the table is about a thing
/// (a server, a printer).
fn network(data_type: &str, table: TableKind) -> Option<NameClass> {
    let t = data_type.trim().to_ascii_lowercase();
    let network = ["inet", "cidr", "macaddr", "macaddr8"].contains(&t.as_str());
    (network && table != TableKind::Thing).then(|| NameClass {
        category: C::Ip,
        confidence: 0.9,
        reason: format!("network address type `{data_type}`"),
    })
}

/// A spatial type (PostGIS `geography`/`geometry`, MySQL `POINT`) holds a position: where a
/// person is, unless the table is about a thing (a school, a city).
fn spatial(data_type: &str, table: TableKind) -> Option<NameClass> {
    let t = data_type.trim().to_ascii_lowercase();
    let spatial = ["geography", "geometry", "point"]
        .iter()
        .any(|s| t.starts_with(s) && !t[s.len()..].starts_with(|c: char| c.is_alphanumeric()));
    (spatial && table != TableKind::Thing).then(|| NameClass {
        category: C::Geolocation,
        confidence: 0.7,
        reason: format!("spatial type `{data_type}`"),
    })
}

/// A name glued without separators and lower-cased by the server (`lastloginip`,
/// `framedipaddress`): read from its end, as the last word of a name says what it holds. It
/// is classified by the longest single-word pattern it ends with (at least six letters, after
/// at least two), a little less surely than the pattern alone.
fn glued(tokens: &[String], ty: TypeKind, table: TableKind) -> Option<NameClass> {
    let [word] = tokens else { return None };
    let suffix = VOCABULARY
        .rules
        .iter()
        .filter(|r| !r.cat.is_sensitive())
        .flat_map(|r| r.pats.iter())
        .filter(|p| !p.contains('_') && p.len() >= 6 && word.len() >= p.len() + 2)
        .filter(|p| word.ends_with(p.as_str()))
        .max_by_key(|p| p.len())?;
    let mut class = apply_rules(std::slice::from_ref(suffix), ty, table, |r, _| {
        !r.cat.is_sensitive()
    })
    .flatten()?;
    class.confidence -= 0.1;
    class.reason = format!("the end of `{word}` matches: {}", class.reason);
    Some(class)
}

/// Runs the rules (and patterns) accepted by `keep`, in order. `Some(None)`: decided, not
/// personal data (a technical column such as `email_id`); `None`: no rule matched.
fn apply_rules(
    tokens: &[String],
    ty: TypeKind,
    table: TableKind,
    keep: impl Fn(&Rule, &str) -> bool,
) -> Option<Option<NameClass>> {
    // Most names hold no word any pattern starts with: nothing to try (the migration gate
    // classifies every column of every table, 50,000 columns in one CREATE TABLE included).
    static FIRST_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            VOCABULARY
                .rules
                .iter()
                .flat_map(|r| r.pats.iter())
                .map(|p| p.split('_').next().unwrap_or(p))
                .collect()
        });
    if !tokens.iter().any(|t| FIRST_WORDS.contains(t.as_str())) {
        return None;
    }
    let has = |t: &str| tokens.iter().any(|x| x == t);
    let technical = &VOCABULARY.words.technical;
    for rule in &VOCABULARY.rules {
        let Some(pat) = rule
            .pats
            .iter()
            .find(|p| keep(rule, p) && contains_seq(tokens, p))
        else {
            continue;
        };
        if rule.veto.iter().any(|v| contains_seq(tokens, v)) {
            continue;
        }
        // A key named after a health record (`medical_id`, `fk_dossier_medical`) points at a
        // row elsewhere: an id, not the health data (the other table holds it).
        if rule.cat == C::Health
            && (tokens
                .last()
                .is_some_and(|l| matches!(l.as_str(), "id" | "ids" | "fk"))
                || tokens
                    .first()
                    .is_some_and(|f| matches!(f.as_str(), "id" | "fk")))
        {
            return Some(None);
        }
        // A key to a closed list is that attribute, as for the sensitive categories:
        // `gender_id`, `id_gender`, `fk_nationalite` point at a gender, a nationality.
        let key_is_value = matches!(rule.cat, C::Gender | C::Nationality);
        if !rule.cat.is_sensitive()
            && rule.cat != C::Consent
            && technical.iter().any(|t| {
                has(t)
                    && !pat.split('_').any(|p| p == t)
                    && !(key_is_value && matches!(t, "id" | "fk"))
            })
            && (tokens.last().is_some_and(|l| technical.contains(l))
                || tokens.first().is_some_and(|f| technical.contains(f)))
        {
            // `email_id`, `type_adresse`, `telephone_verifie`: about the data, not the data.
            return Some(None);
        }
        // A key is an integer whatever the attribute's own type.
        let req = if key_is_value && (has("id") || has("fk")) {
            Ty::Any
        } else {
            rule.ty
        };
        let Some(mut conf) = type_confidence(req, ty, rule.conf) else {
            continue;
        };
        // A matched phrase that is only part of a longer name is a little less certain.
        if pat.split('_').count() != tokens.len() {
            conf -= 0.05;
        }
        // The address or phone of a school or a company is not about a person, nor is the
        // `fullname` of a course or the `nationality_label` of a country.
        if table == TableKind::Thing
            && matches!(
                rule.cat,
                C::FullName
                    | C::Nationality
                    | C::Address
                    | C::Postcode
                    | C::Phone
                    | C::Email
                    | C::Gender
                    | C::BirthDate
                    | C::Geolocation
            )
        {
            conf -= 0.25;
        }
        // A product's photo, a course's title: about the thing.
        if table == TableKind::Thing && matches!(rule.cat, C::Photo | C::Job) {
            return Some(None);
        }
        return Some(Some(NameClass {
            category: rule.cat,
            confidence: round2(conf),
            reason: format!("name matches `{pat}` ({})", rule.label),
        }));
    }
    None
}

/// `traitement` / `treatment`: processing (`traitement_id`, `date_traitement`) unless medical.
fn classify_treatment(
    tokens: &[String],
    joined: &str,
    ty: TypeKind,
    table: TableKind,
) -> Option<Option<NameClass>> {
    let has = |t: &str| tokens.iter().any(|x| x == t);
    if !(has("traitement") || has("traitements") || has("treatment") || has("treatments")) {
        return None;
    }
    let medical = VOCABULARY
        .words
        .medical
        .iter()
        .any(|w| contains_seq(tokens, w));
    let stringy = matches!(ty, TypeKind::Text(_) | TypeKind::Unknown);
    let class = |conf: f32, label: &str| {
        Some(Some(NameClass {
            category: C::Health,
            confidence: conf,
            reason: format!("name matches `{joined}` ({label})"),
        }))
    };
    if medical {
        return class(0.9, "medical treatment");
    }
    if tokens.len() == 1 && table == TableKind::Person && stringy {
        return class(0.5, "treatment (ambiguous: also means processing)");
    }
    Some(None)
}

fn round2(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Confidence for a rule's type requirement, or `None` when the type rules it out.
fn type_confidence(req: Ty, ty: TypeKind, conf: f32) -> Option<f32> {
    use TypeKind as T;
    match req {
        Ty::Any => Some(conf),
        Ty::Value => match ty {
            T::Bool | T::Date | T::DateTime | T::Json => None,
            T::Text(_) | T::Integer | T::Decimal | T::Binary | T::Unknown => Some(conf),
            T::Enum | T::Uuid => Some(conf - 0.2),
        },
        Ty::Stringy => match ty {
            T::Text(_) | T::Unknown | T::Binary => Some(conf),
            T::Enum | T::Json => Some(conf - 0.2),
            _ => None,
        },
        Ty::FreeText => match ty {
            T::Text(None) => Some(conf),
            T::Text(Some(n)) if n >= 50 => Some(conf),
            T::Text(Some(n)) if n >= 20 => Some(conf - 0.2),
            T::Unknown | T::Json => Some(conf - 0.3),
            _ => None,
        },
        Ty::Secret => match ty {
            T::Text(_) | T::Binary | T::Unknown => Some(conf),
            _ => None,
        },
        Ty::DateLike => match ty {
            T::Date | T::DateTime => Some(conf),
            T::Text(_) | T::Integer | T::Decimal | T::Unknown => Some(conf - 0.25),
            _ => None,
        },
    }
}

/// Words whose meaning depends on their neighbours, the table or the type. `Some(None)`: decided,
/// not personal data; `None`: not decided here, go on with the rules.
fn classify_ambiguous(
    tokens: &[String],
    joined: &str,
    ty: TypeKind,
    table: TableKind,
    table_name: &str,
) -> Option<Option<NameClass>> {
    // In a CRM, the origin of a prospect or a contact is where the lead came from.
    let words = &VOCABULARY.words;
    let table_is_lead = tokenize(table_name)
        .iter()
        .any(|t| words.lead_tables.contains(&singular(t)));
    let has = |t: &str| tokens.iter().any(|x| x == t);
    let has_any = |list: &[&str]| tokens.iter().any(|x| list.contains(&x.as_str()));
    let has_word_of = |list: &Words| tokens.iter().any(|x| list.contains(x));
    let class = |cat, conf: f32, pat: &str, label: &str| {
        Some(Some(NameClass {
            category: cat,
            confidence: round2(conf),
            reason: format!("name matches `{pat}` ({label})"),
        }))
    };

    // Free text: comments, remarks, notes (a note can be a grade), descriptions.
    // What the table holds, singular: `wp_comments` holds comments, and its columns repeat it as
    // a prefix (`comment_author_IP`, `comment_content`).
    let table_words: Vec<String> = tokenize(table_name).iter().map(|t| singular(t)).collect();
    let table_is_comments = table_words
        .last()
        .is_some_and(|t| words.comment.contains(t) || t == "note");
    // Prefix removed: the column's own words.
    let own: &[String] = match tokens.split_first() {
        Some((first, rest)) if !rest.is_empty() && table_words.contains(&singular(first)) => rest,
        _ => tokens,
    };
    // The text of a comment or a message: `comments.body`, `comment_content`, `messages.texte`.
    if table_is_comments && own.len() == 1 && words.comment_body.contains(&own[0]) {
        return match type_confidence(Ty::FreeText, ty, 0.85) {
            Some(conf) => class(
                C::FreeText,
                conf,
                joined,
                "free text (the text of a comment)",
            ),
            None => Some(None),
        };
    }
    // Only the prefix names a comment (`comment_author_IP`, `comment_approved`): the other words
    // decide.
    let prefix_only = own.len() < tokens.len()
        && !own
            .iter()
            .any(|t| words.comment.contains(t) || t == "note" || t == "notes");
    let prefix_only = prefix_only && table_is_comments;
    let note_word = has("note") || has("notes") || has("bloc") && has("note");
    let notes = note_word || tokens.iter().any(|t| words.comment.contains(t));
    // The link to a note (`notes_url`, `comment_link`) is an address on the web, not prose.
    if notes && has_any(&["url", "uri", "link", "href", "lien"]) {
        return Some(None);
    }
    // The notes and comments of a thing (a monitored host, a column of a schema) describe the
    // thing; a table of comments (`article_comments`), a registration to a thing
    // (`inscriptions_evenements`) or a partner that may be a sole trader hold people's.
    let about_people = tokenize(table_name)
        .iter()
        .any(|t| words.person_tables.contains(&singular(t)))
        || table_is_organisation(table_name);
    if notes && table == TableKind::Thing && !table_is_comments && !about_people {
        return Some(None);
    }
    // The subject of a message, a mail or a ticket: free text written by a person about a
    // person's matter. Elsewhere (`courses.subject`) a subject is a topic.
    if tokens.len() <= 2
        && own.len() == 1
        && matches!(own[0].as_str(), "subject" | "sujet" | "objet")
        && table_has_word(table_name, &words.message_tables)
        && table != TableKind::Thing
    {
        return match type_confidence(Ty::FreeText, ty, 0.7) {
            Some(conf) => class(
                C::FreeText,
                conf,
                joined,
                "free text (the subject of a message)",
            ),
            None => Some(None),
        };
    }
    if note_word && !prefix_only {
        if ty.is_numeric()
            || has_word_of(&words.grade)
            || tokens.iter().any(|t| t.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(None);
        }
        if has_word_of(&words.technical) && !has("notes") {
            return Some(None);
        }
        return match type_confidence(Ty::FreeText, ty, 0.85) {
            Some(conf) => class(C::FreeText, conf, joined, "free text"),
            None => Some(None),
        };
    }
    let comment = tokens
        .iter()
        .find(|t| !prefix_only && words.comment.contains(t))
        .cloned()
        .or_else(|| {
            words
                .comment
                .iter()
                .find(|w| w.contains('_') && contains_seq(tokens, w))
                .map(|w| w.to_string())
        });
    if let Some(word) = comment {
        let first_or_last =
            tokens.first() == Some(&word) || tokens.last() == Some(&word) || word.contains('_');
        let technical = tokens
            .last()
            .is_some_and(|l| words.technical.contains(l) || l == "at" || l == "le")
            || tokens.first().is_some_and(|f| words.technical.contains(f));
        let weak = words.comment_weak.contains(&word);
        // The address comments go to (`comment_address`, `CommentAddress`): an address, for
        // the rules to decide whose.
        if has_any(&["address", "adresse", "addr"]) {
            return None;
        }
        if first_or_last && !technical && !has("email") && !has("mail") {
            let base = if weak { 0.7 } else { 0.9 };
            if let Some(conf) = type_confidence(Ty::FreeText, ty, base) {
                return class(C::FreeText, conf, &word, "free text");
            }
        }
        return Some(None);
    }
    if has("description") || has("descriptions") || has("desc") && tokens.len() == 1 {
        // A description is free text about a person only on a person table; elsewhere it
        // describes a product, a course, a campaign.
        if table != TableKind::Person {
            return Some(None);
        }
        let base = 0.75;
        return match type_confidence(Ty::FreeText, ty, base) {
            Some(conf) => class(C::FreeText, conf, joined, "free text (description)"),
            None => Some(None),
        };
    }

    // `nom` / `name` / `libelle`: a person's name or a thing's.
    let name_word = tokens
        .iter()
        .find(|t| matches!(t.as_str(), "nom" | "noms" | "name" | "names"))
        .cloned();
    if let Some(word) = name_word {
        // Phrases handled by the rules (`nom_prenom`, `first_name`, `nom_famille`…).
        let phrase_rule = VOCABULARY.rules.iter().any(|r| {
            matches!(r.cat, C::FirstName | C::LastName | C::FullName)
                && r.pats
                    .iter()
                    .any(|p| p.contains('_') && contains_seq(tokens, p))
        });
        if phrase_rule {
            return None;
        }
        if !matches!(ty, TypeKind::Text(_) | TypeKind::Unknown | TypeKind::Binary) {
            return Some(None);
        }
        if has_word_of(&words.thing_words) || has("user") && has("name") || has("username") {
            return Some(None);
        }
        if tokens.len() == 1 && table_is_organisation(table_name) {
            return class(C::Organisation, 0.75, &word, "name of an organisation");
        }
        // `name_alias`, `nom_commercial` of a company: another of its names.
        if table_is_organisation(table_name) && !has_word_of(&words.person_words) {
            return class(C::Organisation, 0.65, joined, "name of an organisation");
        }
        let french = word.starts_with("nom");
        let cat = if french { C::LastName } else { C::FullName };
        let label = if french { "last name" } else { "full name" };
        if has_word_of(&words.person_words) {
            return class(cat, 0.9, joined, label);
        }
        if tokens.len() > 1 {
            // `nom_court`, `name_en`: not enough to say.
            return match table {
                TableKind::Person => class(cat, 0.6, joined, label),
                _ => Some(None),
            };
        }
        return match table {
            TableKind::Person => class(cat, if french { 0.9 } else { 0.8 }, &word, label),
            TableKind::Thing => Some(None),
            TableKind::Unknown if french => class(cat, 0.5, &word, label),
            TableKind::Unknown => Some(None),
        };
    }

    // `origine`: ethnic origin, or a lead source in a CRM (`prospects.origine`).
    if has("origine") || has("origin") || has("origines") {
        if has_any(&["ethnique", "ethnic", "raciale", "racial", "geographique"]) {
            return None;
        }
        if has_any(&["pays", "country", "nationale"]) {
            return None;
        }
        let lead = has_word_of(&words.origin_lead);
        if lead || tokens.len() > 1 || table_is_lead {
            return Some(None);
        }
        return match table {
            TableKind::Person => class(
                C::Ethnic,
                0.4,
                joined,
                "origin (ambiguous: may be a lead source)",
            ),
            _ => Some(None),
        };
    }

    // A column named only after the user, holding text (`bookmarks.user`): the user's login. A
    // number would be a key.
    if matches!(joined, "user" | "utilisateur") && matches!(ty, TypeKind::Text(_)) {
        return class(C::Username, 0.6, joined, "user name / login");
    }
    // Another name of a person (`contacts.alias`); on other tables an alias is a thing's.
    if matches!(joined, "alias" | "aliases")
        && table == TableKind::Person
        && matches!(ty, TypeKind::Text(_))
    {
        return class(C::Username, 0.6, joined, "another name of the person");
    }

    // `casier`: a criminal record, or a school locker.
    if has("casier") {
        if has("judiciaire") || has("judiciaires") {
            return None;
        }
        return Some(None);
    }

    // `orientation` alone is academic guidance in a school; `sexe`-like words are handled by
    // the rules.
    if has("orientation") && !has("sexuelle") && !has("sexual") && !has("politique") {
        return Some(None);
    }

    None
}

/// Whether `tokens` contains the `_`-separated sequence `pat` contiguously.
fn contains_seq(tokens: &[String], pat: &str) -> bool {
    // Called for every pattern of the vocabulary on every column: no allocation, and the rest
    // of a phrase is compared only where its first word is found.
    let Some(cut) = pat.bytes().position(|b| b == b'_') else {
        return tokens.iter().any(|t| t == pat);
    };
    let (first, rest) = (&pat[..cut], &pat[cut + 1..]);
    if !tokens.iter().any(|t| t == first) {
        return false;
    }
    let n = 2 + rest.bytes().filter(|&b| b == b'_').count();
    if n > tokens.len() {
        return false;
    }
    tokens
        .windows(n)
        .any(|w| w[0] == first && w[1..].iter().zip(rest.split('_')).all(|(a, b)| a == b))
}

/// Tables whose rows are companies or bodies: their `nom` is an organisation's name.
fn table_is_organisation(table: &str) -> bool {
    tokenize(table)
        .iter()
        .any(|t| VOCABULARY.words.organisation_tables.contains(&singular(t)))
}

/// Tables of the organisation's own records (its settings, sites, rooms, entities), or a table
/// named by one organisation word alone, in the singular (`company`, `societe`): their address
/// or phone is the organisation's. A list of third parties (`llx_societe`, `entreprises`,
/// `fournisseurs`, `res_partner`) may hold sole traders, whose address is a person's: it is not
/// one of them.
/// Whether the table's last word, which names what its rows are, is a kind of person:
/// `muc_room_subscribers`, `pubsub_node_owner`, `site_users` hold people of a room, a node or a
/// site, whatever the words before say.
fn table_holds_people(table: &str) -> bool {
    tokenize(table).last().is_some_and(|t| {
        let t = singular(t);
        VOCABULARY.words.person_tables.contains(&t) || t == "owner" || t == "proprietaire"
    })
}

fn table_is_own(table: &str) -> bool {
    let words = tokenize(table);
    words
        .iter()
        .any(|t| VOCABULARY.words.own_tables.contains(&singular(t)))
        || matches!(words.as_slice(), [one] if matches!(one.as_str(),
            "company" | "organisation" | "organization" | "societe" | "entreprise"))
}

/// Whether a column refers to a person by its words: `user_id`, `id_customer`, `member_id`
/// (the words of the person tables).
pub fn refers_to_person(column: &str) -> bool {
    let tokens = tokenize(column);
    tokens.len() > 1
        && tokens.iter().any(|t| matches!(t.as_str(), "id" | "fk"))
        && tokens
            .iter()
            .any(|t| VOCABULARY.words.person_tables.contains(&singular(t)))
}

fn table_kind(table: &str) -> TableKind {
    let tokens = tokenize(table);
    let singular: Vec<String> = tokens.iter().map(|t| singular(t)).collect();
    // The last word usually names what the table holds (`formation_etudiants` → etudiants).
    for t in singular.iter().rev() {
        if VOCABULARY.words.person_tables.contains(t) {
            return TableKind::Person;
        }
        if VOCABULARY.words.thing_tables.contains(t) {
            return TableKind::Thing;
        }
    }
    // Words glued without separators (`hostgroups`, `customfields`): their last known word.
    for t in singular.iter().rev() {
        let Some(last) = segment(t).and_then(|w| w.last().cloned()) else {
            continue;
        };
        if VOCABULARY.words.person_tables.contains(&last) {
            return TableKind::Person;
        }
        if VOCABULARY.words.thing_tables.contains(&last) {
            return TableKind::Thing;
        }
    }
    TableKind::Unknown
}

/// Whether a table-name word, or one of the words it glues (`hostgroups`), is in `list`.
fn table_has_word(table: &str, list: &Words) -> bool {
    tokenize(table).iter().any(|t| {
        let one = singular(t);
        list.contains(&one)
            || list.contains(t)
            || segment(&one).is_some_and(|w| w.iter().any(|x| list.contains(x)))
    })
}

/// Tables about machines, services and network names (`hosts`, `servers`, `dns_zones`): their
/// address, IP, display name or e-mail are the machine's.
fn table_is_machine(table: &str) -> bool {
    table_has_word(table, &VOCABULARY.words.machine_tables)
}

/// French/English plural → singular, for table names (`etudiants`, `eleves`, `alumni`,
/// `personnes`, `companies`).
fn singular(t: &str) -> String {
    if let Some(stem) = t.strip_suffix("ies")
        && stem.len() > 2
    {
        return format!("{stem}y");
    }
    if let Some(stem) = t.strip_suffix("aux")
        && stem.len() > 2
    {
        return format!("{stem}al");
    }
    if t.len() > 3 && (t.ends_with('s') || t.ends_with('x')) && !t.ends_with("ss") {
        return t[..t.len() - 1].to_string();
    }
    t.to_string()
}

/// Splits an identifier into lower-case, accent-folded tokens: on `_`, `-`, `.`, spaces,
/// camelCase boundaries (`dtNaiss`, `HTTPRequest`) and letter/digit boundaries (`adresse1`,
/// `cvv2`).
pub fn tokenize(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut tokens = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(|n| n.is_lowercase()))
                || (prev.is_alphabetic() && c.is_ascii_digit())
                || (prev.is_ascii_digit() && c.is_alphabetic());
            if boundary && !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        }
        for l in c.to_lowercase() {
            fold_into(l, &mut cur);
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// Pushes `c` without its accent (French and common Latin letters).
fn fold_into(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PostgreSQL's network types are addresses whatever the column is called, except on a
    /// table of things.
    #[test]
    fn network_types_are_addresses() {
        for ty in ["inet", "cidr", "macaddr", "macaddr8"] {
            let c = classify_name("connexions", "origine", ty).expect(ty);
            assert_eq!(c.category, C::Ip, "{ty}");
        }
        assert_eq!(classify_name("connexions", "origine", "text"), None);
        assert_eq!(
            classify_name("imprimantes", "reseau", "inet").map(|c| c.category),
            None
        );
    }

    #[test]
    fn tokenizer() {
        assert_eq!(tokenize("dtNaiss"), vec!["dt", "naiss"]);
        assert_eq!(
            tokenize("Date_De_Naissance"),
            vec!["date", "de", "naissance"]
        );
        assert_eq!(tokenize("adresseLigne1"), vec!["adresse", "ligne", "1"]);
        assert_eq!(tokenize("CVV2"), vec!["cvv", "2"]);
        assert_eq!(tokenize("HTTPRequest"), vec!["http", "request"]);
        assert_eq!(tokenize("prénom"), vec!["prenom"]);
        assert_eq!(tokenize("santé-élève"), vec!["sante", "eleve"]);
    }

    #[test]
    fn glued_words_split_into_the_fewest_longest_known_words() {
        let split = |w: &str| segment(w).map(|p| p.join("_"));
        assert_eq!(split("homephone").as_deref(), Some("home_phone"));
        assert_eq!(
            split("billingpostcode").as_deref(),
            Some("billing_postcode")
        );
        assert_eq!(split("lastloginip").as_deref(), Some("last_loginip"));
        assert_eq!(split("lastsigninip").as_deref(), Some("last_sign_in_ip"));
        assert_eq!(split("mobilenumber").as_deref(), Some("mobile_number"));
        assert_eq!(split("adressemail").as_deref(), Some("adresse_mail"));
        assert_eq!(
            split("datedenaissance").as_deref(),
            Some("date_de_naissance")
        );
        // A known word is not split; a word with an unknown piece is not split.
        assert_eq!(split("telephone"), None);
        assert_eq!(split("postalcode"), None);
        assert_eq!(split("capital"), None);
        assert_eq!(split("zorglub"), None);
        // A connector never stands at an end.
        assert_eq!(split("thephone"), None);
        // Two-letter pieces only when they are a whole pattern: `donne` is not `don`, `ne`.
        assert_eq!(split("donnele"), None);
    }

    #[test]
    fn table_style_prefixes_are_stripped() {
        let rest =
            |table: &str, column: &str| strip_prefix(table, &tokenize(column)).map(|r| r.join("_"));
        assert_eq!(
            rest("customers", "cust_full_name").as_deref(),
            Some("full_name")
        );
        assert_eq!(
            rest("members", "mbr_display_name").as_deref(),
            Some("display_name")
        );
        assert_eq!(rest("users", "usr_email").as_deref(), Some("email"));
        assert_eq!(rest("t", "tbl_email").as_deref(), Some("email"));
        assert_eq!(rest("customer_address", "ca_city").as_deref(), Some("city"));
        assert_eq!(rest("users", "u_mail").as_deref(), Some("mail"));
        // Not a prefix: a word of its own, or the name's only word.
        assert_eq!(rest("customers", "date_naissance"), None);
        assert_eq!(rest("customers", "cust"), None);
        assert_eq!(rest("orders", "cust_name"), None);
    }

    #[test]
    fn yes_no_enumerations_are_flags() {
        assert!(yes_no_enum("enum('Y','N')"));
        assert!(yes_no_enum("ENUM('oui', 'non')"));
        assert!(!yes_no_enum("enum('M','F')"));
        assert!(!yes_no_enum("varchar(1)"));
        assert_eq!(classify_name("users", "canLogin", "enum('Y','N')"), None);
        assert_eq!(
            classify_name("users", "login", "varchar(50)").map(|c| c.category),
            Some(C::Username)
        );
    }

    #[test]
    fn category_ids_round_trip() {
        for c in ColumnCategory::ALL {
            assert_eq!(ColumnCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(
            ColumnCategory::parse("card_security_code"),
            Some(ColumnCategory::CardSecurityCode)
        );
    }
}
