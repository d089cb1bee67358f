//! Classifies a column from its name **and** a bounded sample of its values.
//!
//! The name says what a column was meant to hold ([`super::names`]); the values say what it
//! holds. Each sampled value goes through the validators of [`super::identifiers`] (NIR key, IBAN
//! mod 97, Luhn with issuer ranges, the ARCEP numbering plan, e-mail syntax), a French postcode
//! test, an IP parser, the password formats of [`super::passwords`] and, for short values, the
//! lexicons (`halal`, `diabétique` in a `regime` column). The result is one category per column,
//! a confidence, and the evidence in words ("name matches `tel`", "94% of 870 sampled values are
//! valid phone numbers"). Values are only counted: none is kept or returned.
//!
//! How name and values combine:
//! - a name whose category values can confirm (e-mail, phone, NIR, IBAN, card, postcode, IP,
//!   password) is confirmed when at least half of the sampled values validate, and its
//!   confidence rises; when few validate its confidence falls, and a column whose values are
//!   clearly another identifier takes that category instead;
//! - other names (health, religion, last name…) keep their category: values cannot contradict
//!   a free word;
//! - without a name, values decide alone, but only for categories whose validators are strong
//!   (a checksum, a syntax, a hash format) and only above a share; a five-digit number is never
//!   called a postcode on its values alone. Short values that are lexicon terms of a sensitive
//!   category make the column sensitive, and long values with spaces make it free text.
//!
//! - values also remove what a name promises: yes/no flags (`contactEmail` holding 0 and 1) and
//!   timestamps (`user_email_authenticated` in `binary(14)`) are about the data, not the data;
//!   a consent proof embedding an IP address is IP data; random-looking values
//!   ([`secret_like`]: hexadecimal, base32 or base64 with a high Shannon entropy per character,
//!   JSON Web Tokens, PEM private keys) make an unnamed column a credential; short codes in
//!   capitals (`PD`) are never lexicon terms.
//!
//! Below [`MIN_VALUES`] non-empty sampled values, values neither confirm nor contradict.

use super::identifiers::{card_valid, email_valid, fr_phone_valid, iban_valid, nir_valid};
use super::names::{ColumnCategory, NameClass, classify_name};
use super::{Category, Matcher, passwords};
use crate::catalog::TypeKind;
use std::collections::{BTreeMap, BTreeSet};

/// Fewer non-empty sampled values than this neither confirm nor contradict a name.
pub const MIN_VALUES: usize = 5;

/// Counts gathered over one column's sample. Holds no value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueProfile {
    /// Sampled rows, NULL and empty included.
    pub rows: usize,
    /// Sampled values that are neither NULL nor empty (after trimming).
    pub non_empty: usize,
    /// Values that validate, per value-checkable category.
    pub valid: BTreeMap<ColumnCategory, usize>,
    /// Short values holding a lexicon term of a sensitive category, per category.
    pub sensitive: BTreeMap<ColumnCategory, usize>,
    /// Mean length in characters of the non-empty values.
    pub mean_len: f64,
    /// Non-empty values containing a space.
    pub with_space: usize,
    /// Distinct non-empty values (capped: only used as a share).
    pub distinct: usize,
    /// Password-format values that are bare digests (`md5-hex`, `sha1-hex`, `sha2-hex`,
    /// `digest-base64`): a password under a password name, but alone as likely a token, a checksum or
    /// a random key (`hash`, `secure_key`, `invoice_id`).
    pub hex_digests: usize,
    /// Values that are yes or no (`0`, `1`, `Y`, `N`, `true`, `oui`…): a flag, whatever the
    /// column is named.
    pub flags: usize,
    /// Values that are a date or a timestamp (ISO, `DD/MM/YYYY`, MediaWiki's 14-digit
    /// `YYYYMMDDHHMMSS`).
    pub timestamps: usize,
    /// Values that look like a secret ([`secret_like`]): a token, a key, a salt.
    pub secrets: usize,
    /// Values that are not an IP address but hold one among other words: a consent proof
    /// (`192.0.2.7 Mozilla/5.0 … 2024-05-01`), a log line.
    pub embedded_ip: usize,
    /// Values that are a person's address on a communication service ([`comm_address_valid`]):
    /// a SIP or XMPP URI, a Jabber ID with its resource.
    pub addresses: usize,
}

impl ValueProfile {
    pub fn share(&self, category: ColumnCategory) -> f64 {
        if self.non_empty == 0 {
            return 0.0;
        }
        *self.valid.get(&category).unwrap_or(&0) as f64 / self.non_empty as f64
    }
}

/// Categories whose values can be validated, in the order ties are broken (strongest first).
const CHECKABLE: [ColumnCategory; 9] = [
    ColumnCategory::Nir,
    ColumnCategory::Iban,
    ColumnCategory::Card,
    ColumnCategory::Password,
    ColumnCategory::Email,
    ColumnCategory::Ip,
    ColumnCategory::Phone,
    ColumnCategory::Postcode,
    // Counted as "a date": confirms a birth-date name stored as text (SQLite), never alone.
    ColumnCategory::BirthDate,
];

/// A calendar date at the start of the value: `YYYY-MM-DD` (ISO, with any time after it) or
/// `DD/MM/YYYY`.
pub fn date_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 10 {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0')))
    };
    let (y, m, d) = if b[4] == b'-' && b[7] == b'-' {
        (num(0..4), num(5..7), num(8..10))
    } else if b[2] == b'/' && b[5] == b'/' {
        (num(6..10), num(3..5), num(0..2))
    } else {
        return false;
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return false;
    };
    (b.len() == 10 || matches!(b[10], b' ' | b'T'))
        && (1800..=2200).contains(&y)
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
}

/// A yes/no value: a flag.
pub fn flag_valid(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "0" | "1" | "y" | "n" | "yes" | "no" | "true" | "false" | "t" | "f" | "oui" | "non" | "o"
    )
}

/// A date or a timestamp: [`date_valid`], or a compact `YYYYMMDD` / `YYYYMMDDHHMMSS` (MediaWiki
/// keeps its timestamps as `binary(14)`).
pub fn timestamp_valid(s: &str) -> bool {
    if date_valid(s) {
        return true;
    }
    let b = s.as_bytes();
    if !(b.len() == 8 || b.len() == 14) || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    (1900..=2200).contains(&n(0..4)) && (1..=12).contains(&n(4..6)) && (1..=31).contains(&n(6..8))
}

/// A MAC address: six pairs of hexadecimal digits separated by `:` or `-`, or three groups of
/// four separated by `.`.
pub fn mac_valid(s: &str) -> bool {
    let hex = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit());
    let six = |sep: char| {
        let parts: Vec<&str> = s.split(sep).collect();
        parts.len() == 6 && parts.iter().all(|p| hex(p, 2))
    };
    let three = {
        let parts: Vec<&str> = s.split('.').collect();
        parts.len() == 3 && parts.iter().all(|p| hex(p, 4))
    };
    six(':') || six('-') || three
}

/// Shannon entropy of a string, in bits per character.
pub fn entropy_per_char(s: &str) -> f64 {
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    let mut n = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_insert(0) += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// A value that looks like a secret that authenticates: a PEM private key, a JSON Web Token, or
/// a random string of 16 to 256 characters, without spaces, in the alphabet of hexadecimal,
/// base32 or base64 (URL-safe included), holding letters and digits, whose Shannon entropy is
/// high: at least 3.0 bits per character for hexadecimal (at least 32 digits) or base32, at
/// least 3.5 for the wider base64 alphabet (at least 20 characters). A UUID is a key to a row,
/// not a secret: never one.
pub fn secret_like(s: &str) -> bool {
    if s.starts_with("-----BEGIN") && s.contains("PRIVATE KEY") {
        return true;
    }
    // A DNSSEC private key in BIND's format.
    if s.starts_with("Private-key-format:") {
        return true;
    }
    if serialised_secret(s) || url_with_password(s) {
        return true;
    }
    let jwt = s.starts_with("eyJ")
        && s.split('.').count() == 3
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    if jwt {
        return true;
    }
    let len = s.chars().count();
    if !(16..=256).contains(&len) || uuid_like(s) {
        return false;
    }
    let b64 = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_');
    if !s.chars().all(b64) {
        return false;
    }
    let digits = s.chars().any(|c| c.is_ascii_digit());
    let letters = s.chars().any(|c| c.is_ascii_alphabetic());
    if !(digits && letters) {
        return false;
    }
    let body = s.trim_end_matches('=');
    let hex = body.chars().all(|c| c.is_ascii_hexdigit());
    let base32 = body
        .chars()
        .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c));
    let h = entropy_per_char(s);
    if hex {
        len >= 32 && h >= 3.0
    } else if base32 {
        h >= 3.0
    } else {
        len >= 20 && h >= 3.5
    }
}

/// A URL that carries a password in its user information (`rtsp://admin:s3cret@10.0.0.5/`,
/// `postgres://app:pw@db/crm`): whoever reads it can log in.
pub fn url_with_password(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return false;
    }
    url::Url::parse(s).is_ok_and(|u| u.password().is_some_and(|p| !p.is_empty()))
        && rest.contains('@')
}

/// Field names that, in a serialised document (JSON, PHP `serialize`), hold a secret.
const SECRET_FIELDS: [&str; 8] = [
    "secret",
    "password",
    "passwd",
    "private_key",
    "api_key",
    "access_token",
    "refresh_token",
    "csrf_token",
];

/// A JSON object or a PHP-serialised value that holds a field named after a secret with a value
/// (`{"secret": "L5XK…"}`, `s:8:"password";s:12:"…"`): the document carries that secret.
pub fn serialised_secret(s: &str) -> bool {
    let t = s.trim_start();
    let json = t.starts_with('{');
    let php = t.starts_with("a:") || t.contains(";s:") || t.contains("|a:");
    if !(json || php) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    SECRET_FIELDS.iter().any(|f| {
        let quoted = format!("\"{f}\"");
        lower.match_indices(&quoted).any(|(i, _)| {
            let rest = lower[i + quoted.len()..].trim_start();
            (json && rest.starts_with(':') && !rest[1..].trim_start().starts_with("null"))
                || (php && rest.starts_with(";s:") && !rest.starts_with(";s:0:"))
        })
    })
}

/// `8-4-4-4-12` hexadecimal digits.
fn uuid_like(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A person's address on a communication service, other than a plain e-mail address: a SIP or
/// XMPP URI with a user part (`sip:alice@example.org;transport=udp`, `<sips:+33612345678@pbx>`
/// after a display name, `xmpp:bob@example.org`), a `tel:` URI, or a Jabber ID with its
/// resource (`alice@example.org/phone`). A URI without a user (`sip:203.0.113.5:5060`) is a
/// server's endpoint, not a person's.
pub fn comm_address_valid(s: &str) -> bool {
    let mut v = s.trim();
    if v.ends_with('>')
        && let Some(open) = v.rfind('<')
    {
        v = &v[open + 1..v.len() - 1];
    }
    let lower = v.get(..6).unwrap_or(v).to_ascii_lowercase();
    let scheme = ["sips:", "sip:", "xmpp:", "tel:", "im:", "pres:"]
        .into_iter()
        .find(|p| lower.starts_with(p));
    if let Some(p) = scheme {
        v = &v[p.len()..];
    }
    // URI parameters and headers: `;transport=udp`, `?subject=…`.
    let v = v.split([';', '?']).next().unwrap_or("");
    if scheme == Some("tel:") {
        return phone_valid(v);
    }
    let Some((user, host)) = v.split_once('@') else {
        return false;
    };
    let (host, resource) = match host.split_once('/') {
        Some((h, r)) => (h, Some(r)),
        None => (host, None),
    };
    if scheme.is_none() && resource.is_none_or(str::is_empty) {
        // A plain e-mail address is the e-mail category's.
        return false;
    }
    let user_ok = !user.is_empty()
        && user.len() <= 64
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+%!~*'()&=$,".contains(c));
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host_ok = host.parse::<std::net::IpAddr>().is_ok()
        || (!host.is_empty()
            && host.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }));
    user_ok && host_ok
}

/// A value that is not an IP address but holds one among other words.
fn embeds_ip(s: &str) -> bool {
    s.contains(' ')
        && s.split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '|' | '=' | '(' | ')' | '"' | '\'')
        })
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != ':' && c != '.');
            (w.contains('.') || w.contains(':')) && w.parse::<std::net::IpAddr>().is_ok()
        })
}

/// A short code in capitals (`PD`, `CP`, `RTT`): a code of the application, never read as a
/// lexicon term (`PD` is professional development in a reason column).
fn short_code(s: &str) -> bool {
    (1..=3).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Values longer than this are prose, not a structured value: the lexicon test is skipped.
const SHORT_VALUE: usize = 40;

/// A French postcode (domain.md §5.6): 01–95, 971–976 overseas, 980 Monaco, 986–988 Pacific.
pub fn fr_postcode_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let two = (b[0] - b'0') * 10 + (b[1] - b'0');
    match two {
        1..=95 => true,
        97 => (b'1'..=b'6').contains(&b[2]),
        98 => matches!(b[2], b'0' | b'6' | b'7' | b'8'),
        _ => false,
    }
}

/// A phone number: the French plan, or an international `+` number of 8 to 15 digits.
pub fn phone_valid(s: &str) -> bool {
    if fr_phone_valid(s) {
        return true;
    }
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return false,
        }
    }
    (8..=15).contains(&digits)
}

fn validates(category: ColumnCategory, v: &str) -> bool {
    match category {
        ColumnCategory::Email => email_valid(v),
        ColumnCategory::Phone => phone_valid(v),
        ColumnCategory::Nir => nir_valid(v),
        ColumnCategory::Iban => iban_valid(v),
        ColumnCategory::Card => card_valid(v),
        ColumnCategory::Postcode => fr_postcode_valid(v),
        ColumnCategory::Ip => v.parse::<std::net::IpAddr>().is_ok() || mac_valid(v),
        ColumnCategory::Password => matches!(passwords::classify(Some(v)), Some(Some(_))),
        ColumnCategory::BirthDate => date_valid(v),
        _ => false,
    }
}

fn sensitive_category(c: Category) -> Option<ColumnCategory> {
    Some(match c {
        Category::Health => ColumnCategory::Health,
        Category::Religion => ColumnCategory::Religion,
        Category::Ethnic => ColumnCategory::Ethnic,
        Category::Political => ColumnCategory::Political,
        Category::Union => ColumnCategory::Union,
        Category::Sexual => ColumnCategory::Sexual,
        Category::Offence => ColumnCategory::Offence,
        _ => return None,
    })
}

/// Profiles a sample. `matcher` enables the lexicon test on short values.
pub fn profile<'a>(
    values: impl IntoIterator<Item = Option<&'a str>>,
    matcher: Option<&Matcher>,
) -> ValueProfile {
    let mut p = ValueProfile::default();
    let mut total_len = 0usize;
    // Distinct values are counted up to a cap: only the share matters.
    let mut distinct: BTreeSet<u64> = BTreeSet::new();
    for value in values {
        p.rows += 1;
        let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        p.non_empty += 1;
        let len = v.chars().count();
        total_len += len;
        if v.contains(' ') {
            p.with_space += 1;
        }
        if distinct.len() < 10_000 {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            v.hash(&mut h);
            distinct.insert(h.finish());
        }
        for c in CHECKABLE {
            if c == ColumnCategory::Password {
                // One look-up for both counts.
                if let Some(Some(f)) = passwords::classify(Some(v)) {
                    *p.valid.entry(c).or_insert(0) += 1;
                    if !f.marked {
                        p.hex_digests += 1;
                    }
                }
            } else if validates(c, v) {
                *p.valid.entry(c).or_insert(0) += 1;
            }
        }
        if flag_valid(v) {
            p.flags += 1;
        }
        if timestamp_valid(v) {
            p.timestamps += 1;
        }
        if secret_like(v) {
            p.secrets += 1;
        }
        if embeds_ip(v) {
            p.embedded_ip += 1;
        }
        if comm_address_valid(v) {
            p.addresses += 1;
        }
        if let Some(m) = matcher
            && len <= SHORT_VALUE
            && !short_code(v)
        {
            let cats: BTreeSet<ColumnCategory> = m
                .find(v)
                .iter()
                .filter_map(|h| sensitive_category(h.category))
                .collect();
            for c in cats {
                *p.sensitive.entry(c).or_insert(0) += 1;
            }
        }
    }
    if p.non_empty > 0 {
        p.mean_len = total_len as f64 / p.non_empty as f64;
    }
    p.distinct = distinct.len();
    p
}

/// A column's classification and why.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Classification {
    pub category: ColumnCategory,
    /// 0..1.
    pub confidence: f32,
    /// Reasons in words, name first. Never a value.
    pub evidence: Vec<String>,
    /// The name alone gave this category.
    pub by_name: bool,
    /// The sampled values support this category.
    pub by_values: bool,
}

/// What a share of valid values is called in evidence.
fn label(category: ColumnCategory) -> &'static str {
    match category {
        ColumnCategory::Email => "valid e-mail addresses",
        ColumnCategory::Phone => "valid phone numbers (ARCEP plan or international)",
        ColumnCategory::Nir => "NIR with a valid key",
        ColumnCategory::Iban => "IBAN passing the mod 97 check",
        ColumnCategory::Card => "card numbers passing Luhn and an issuer range",
        ColumnCategory::Postcode => "valid French postcodes",
        ColumnCategory::Ip => "IP or MAC addresses",
        ColumnCategory::Password => "password hashes of a known format",
        ColumnCategory::BirthDate => "dates",
        _ => "values of this category",
    }
}

/// The share of valid values that makes values alone decide, per category; `None`: never alone.
fn alone_threshold(category: ColumnCategory) -> Option<f64> {
    match category {
        ColumnCategory::Nir | ColumnCategory::Iban | ColumnCategory::Card => Some(0.5),
        ColumnCategory::Email | ColumnCategory::Password => Some(0.6),
        ColumnCategory::Phone => Some(0.8),
        ColumnCategory::Ip => Some(0.9),
        _ => None,
    }
}

/// Confidence of a category decided by values alone, at a 100% share.
fn alone_base(category: ColumnCategory) -> f64 {
    match category {
        ColumnCategory::Nir
        | ColumnCategory::Iban
        | ColumnCategory::Card
        | ColumnCategory::Email => 0.95,
        ColumnCategory::Password => 0.9,
        _ => 0.85,
    }
}

fn pct(share: f64) -> String {
    format!("{}%", (share * 100.0).floor() as u32)
}

fn value_phrase(p: &ValueProfile, category: ColumnCategory) -> String {
    format!(
        "{} of {} sampled values are {}",
        pct(p.share(category)),
        p.non_empty,
        label(category)
    )
}

fn round2(x: f64) -> f32 {
    ((x.clamp(0.0, 1.0) * 100.0).round() / 100.0) as f32
}

/// The value-checkable category that values alone support best, if any.
fn best_by_values(p: &ValueProfile) -> Option<(ColumnCategory, f64)> {
    if p.non_empty < MIN_VALUES {
        return None;
    }
    let mut best: Option<(ColumnCategory, f64)> = None;
    for c in CHECKABLE {
        let Some(threshold) = alone_threshold(c) else {
            continue;
        };
        let share = if c == ColumnCategory::Password {
            // Alone, only a format with a marker (`$2y$`, `pbkdf2_sha256$`, `{SSHA}`) says
            // password: a bare hex digest says nothing of what was hashed.
            p.valid.get(&c).unwrap_or(&0).saturating_sub(p.hex_digests) as f64 / p.non_empty as f64
        } else {
            p.share(c)
        };
        if share >= threshold && best.is_none_or(|(_, s)| share > s) {
            best = Some((c, share));
        }
    }
    best
}

/// Classifies one column from its name, type and (optionally) the profile of a sample.
pub fn classify(
    table: &str,
    column: &str,
    data_type: &str,
    sample: Option<&ValueProfile>,
) -> Option<Classification> {
    let name = classify_name(table, column, data_type);
    let enough = sample.filter(|p| p.non_empty >= MIN_VALUES);
    match (name, enough) {
        (Some(n), None) => Some(from_name(n, sample)),
        // A birth date typed as a date (or a year, an age) has nothing for values to check.
        (Some(n), Some(p))
            if n.category == ColumnCategory::BirthDate
                && !matches!(
                    TypeKind::of(data_type),
                    TypeKind::Text(_) | TypeKind::Unknown
                ) =>
        {
            Some(from_name(n, Some(p)))
        }
        (Some(n), Some(p)) => with_values(n, p),
        (None, Some(p)) => values_alone(p, table, column, data_type).filter(|c| {
            !super::names::organisation_owns(table, column, c.category)
                && !super::names::machine_owns(table, column, c.category)
                && !message_id(column, c.category)
        }),
        (None, None) => None,
    }
}

fn from_name(n: NameClass, sample: Option<&ValueProfile>) -> Classification {
    let mut evidence = vec![n.reason];
    if let Some(p) = sample {
        if p.rows == 0 {
            evidence.push("no row sampled".into());
        } else if p.non_empty < MIN_VALUES {
            evidence.push(format!(
                "{} value(s) in {} sampled row(s): too few to check",
                p.non_empty, p.rows
            ));
        }
    }
    Classification {
        category: n.category,
        confidence: n.confidence,
        evidence,
        by_name: true,
        by_values: false,
    }
}

/// Categories of data that a yes/no flag or a timestamp cannot be: their name over such values
/// names something about the data (`contactEmail` as a flag, `user_email_authenticated` as a
/// date), not the data.
fn holds_a_value(c: ColumnCategory) -> bool {
    use ColumnCategory as C;
    matches!(
        c,
        C::Email
            | C::Phone
            | C::Nir
            | C::Iban
            | C::Card
            | C::CardSecurityCode
            | C::Address
            | C::Postcode
            | C::LastName
            | C::FirstName
            | C::FullName
            | C::Nationality
            | C::Ip
            | C::Password
            | C::Username
            | C::IdDocument
            | C::Credential
            | C::FreeText
    )
}

/// Whether most sampled values are flags or timestamps, for a name that promises data.
fn values_deny(n: &NameClass, p: &ValueProfile) -> bool {
    let share = |k: usize| k as f64 / p.non_empty as f64;
    holds_a_value(n.category)
        && p.share(n.category) < 0.1
        && (share(p.flags) >= 0.9 || share(p.timestamps) >= 0.8)
}

fn with_values(n: NameClass, p: &ValueProfile) -> Option<Classification> {
    // `contactEmail` holding 0 and 1, `email_token_expires` holding timestamps.
    if values_deny(&n, p) {
        return None;
    }
    let share = |k: usize| k as f64 / p.non_empty as f64;
    // A consent proof that embeds an IP address (and a user agent): that person's address.
    if matches!(
        n.category,
        ColumnCategory::Consent | ColumnCategory::FreeText
    ) && share(p.embedded_ip) >= 0.5
    {
        return Some(Classification {
            category: ColumnCategory::Ip,
            confidence: round2(0.6 + 0.3 * share(p.embedded_ip)),
            evidence: vec![n.reason, embedded_ip_phrase(p)],
            by_name: false,
            by_values: true,
        });
    }
    // A credential column holding password hashes of a marked format is a password column.
    if n.category == ColumnCategory::Credential {
        let marked = p
            .valid
            .get(&ColumnCategory::Password)
            .unwrap_or(&0)
            .saturating_sub(p.hex_digests);
        if share(marked) >= 0.5 {
            return Some(Classification {
                category: ColumnCategory::Password,
                confidence: 0.9,
                evidence: vec![
                    n.reason,
                    format!(
                        "{} of {} sampled values are password hashes of a known format",
                        pct(share(marked)),
                        p.non_empty
                    ),
                ],
                by_name: false,
                by_values: true,
            });
        }
        let mut c = from_name(n, Some(p));
        if p.secrets > 0 {
            c.evidence.push(secret_phrase(p));
            c.by_values = true;
        }
        return Some(c);
    }
    Some(with_values_checked(n, p))
}

fn embedded_ip_phrase(p: &ValueProfile) -> String {
    format!(
        "{} of {} sampled values embed an IP address among other words (a consent proof, a log line)",
        pct(p.embedded_ip as f64 / p.non_empty as f64),
        p.non_empty
    )
}

fn secret_phrase(p: &ValueProfile) -> String {
    format!(
        "{} of {} sampled values look like secrets (random hexadecimal, base32 or base64, a token or a key)",
        pct(p.secrets as f64 / p.non_empty as f64),
        p.non_empty
    )
}

fn with_values_checked(n: NameClass, p: &ValueProfile) -> Classification {
    let checkable = CHECKABLE.contains(&n.category);
    if !checkable {
        // A free-text name over short values that are sensitive terms is that category: an
        // absence `motif` holding `maladie`, `hospitalisation` is health data, not prose.
        if n.category == ColumnCategory::FreeText
            && let Some(s) = sensitive_by_lexicon(p)
        {
            return Classification {
                evidence: vec![n.reason, s.evidence[0].clone()],
                by_name: false,
                ..s
            };
        }
        // Values cannot contradict a free word (`religion`, `nom`); they can only add that
        // they hold lexicon terms of the same category.
        let mut c = from_name(n, Some(p));
        let hits = *p.sensitive.get(&c.category).unwrap_or(&0);
        if hits > 0 {
            c.evidence.push(format!(
                "{} of {} sampled values hold {} terms",
                pct(hits as f64 / p.non_empty as f64),
                p.non_empty,
                c.category
            ));
            c.by_values = true;
        }
        return c;
    }
    let share = p.share(n.category);
    let conf = f64::from(n.confidence);
    if share >= 0.5 {
        return Classification {
            category: n.category,
            confidence: round2(1.0 - (1.0 - conf) * (1.0 - 0.9 * share)),
            evidence: vec![n.reason, value_phrase(p, n.category)],
            by_name: true,
            by_values: true,
        };
    }
    // The values are clearly something else: an e-mail column named `telephone`.
    if let Some((other, other_share)) = best_by_values(p)
        && other != n.category
        && other_share >= 0.8
    {
        return Classification {
            category: other,
            confidence: round2(alone_base(other) * other_share),
            evidence: vec![
                value_phrase(p, other),
                format!("{}, but only {}", n.reason, value_phrase(p, n.category)),
            ],
            by_name: false,
            by_values: true,
        };
    }
    Classification {
        category: n.category,
        confidence: round2(conf * (0.5 + share)),
        evidence: vec![n.reason, format!("only {}", value_phrase(p, n.category))],
        by_name: true,
        by_values: false,
    }
}

/// Short values that are sensitive lexicon terms: a `regime` holding `halal`.
fn sensitive_by_lexicon(p: &ValueProfile) -> Option<Classification> {
    if p.non_empty == 0 || p.mean_len > SHORT_VALUE as f64 {
        return None;
    }
    let (&c, &hits) = p.sensitive.iter().max_by_key(|(_, n)| **n)?;
    let share = hits as f64 / p.non_empty as f64;
    (share >= 0.3).then(|| Classification {
        category: c,
        confidence: round2(0.5 + 0.4 * share),
        evidence: vec![format!(
            "{} of {} sampled values are {c} terms of the lexicons",
            pct(share),
            p.non_empty
        )],
        by_name: false,
        by_values: true,
    })
}

/// Words that make random-looking values a digest of a file or a revision, not a secret.
const NOT_SECRET_WORDS: [&str; 14] = [
    "checksum",
    "hash",
    "digest",
    "etag",
    "sha",
    "sha1",
    "sha256",
    "md5",
    "crc",
    "fingerprint",
    "signature",
    "version",
    "commit",
    "revision",
];

/// A message identifier (`Message-ID: <x@host>`, in a column `message_id`, `msgid`, `messageid`)
/// is shaped like an e-mail address but names a message, not a person.
fn message_id(column: &str, category: ColumnCategory) -> bool {
    let flat = super::names::tokenize(column).concat();
    category == ColumnCategory::Email
        && flat.ends_with("id")
        && ["message", "msg", "mail"]
            .iter()
            .any(|w| flat.starts_with(w) || flat.contains(&format!("{w}id")))
}

/// Words of a table name that make it a cache: its blobs are encoded copies of other data,
/// random-looking without being secrets.
const CACHE_WORDS: [&str; 2] = ["cache", "caches"];

fn values_alone(
    p: &ValueProfile,
    table: &str,
    column: &str,
    data_type: &str,
) -> Option<Classification> {
    let share = |k: usize| k as f64 / p.non_empty as f64;
    if let Some((c, share)) = best_by_values(p) {
        return Some(Classification {
            category: c,
            confidence: round2(alone_base(c) * share),
            evidence: vec![value_phrase(p, c)],
            by_name: false,
            by_values: true,
        });
    }
    if let Some(c) = sensitive_by_lexicon(p) {
        return Some(c);
    }
    // Secrets by their values: most values random-looking and distinct.
    let digest_name = super::names::tokenize(column)
        .iter()
        .any(|t| NOT_SECRET_WORDS.contains(&t.as_str()));
    let cache = super::names::tokenize(table)
        .iter()
        .any(|t| CACHE_WORDS.contains(&t.as_str()));
    if share(p.secrets) >= 0.8 && share(p.distinct) >= 0.9 && !digest_name && !cache {
        return Some(Classification {
            category: ColumnCategory::Credential,
            confidence: round2(0.75 * share(p.secrets)),
            evidence: vec![secret_phrase(p)],
            by_name: false,
            by_values: true,
        });
    }
    if share(p.addresses) >= 0.6 {
        return Some(Classification {
            category: ColumnCategory::Username,
            confidence: round2(0.85 * share(p.addresses)),
            evidence: vec![format!(
                "{} of {} sampled values are addresses of a person on a communication service (SIP or XMPP URIs, Jabber IDs)",
                pct(share(p.addresses)),
                p.non_empty
            )],
            by_name: false,
            by_values: true,
        });
    }
    if share(p.embedded_ip) >= 0.5 {
        return Some(Classification {
            category: ColumnCategory::Ip,
            confidence: round2(0.5 + 0.3 * share(p.embedded_ip)),
            evidence: vec![embedded_ip_phrase(p)],
            by_name: false,
            by_values: true,
        });
    }
    // Prose: long values with spaces, mostly distinct, in a text column.
    let text = matches!(
        TypeKind::of(data_type),
        TypeKind::Text(_) | TypeKind::Unknown
    );
    let spaced = p.with_space as f64 / p.non_empty as f64;
    let distinct = p.distinct as f64 / p.non_empty as f64;
    if text && p.mean_len >= 30.0 && spaced >= 0.5 && distinct >= 0.5 {
        return Some(Classification {
            category: ColumnCategory::FreeText,
            confidence: 0.6,
            evidence: vec![format!(
                "sampled values look like prose: {:.0} characters on average, {} with spaces",
                p.mean_len,
                pct(spaced)
            )],
            by_name: false,
            by_values: true,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prof(values: &[&str]) -> ValueProfile {
        profile(values.iter().map(|v| Some(*v)), None)
    }

    #[test]
    fn dates() {
        for ok in [
            "2024-02-29",
            "1998-07-14 10:00:00",
            "2001-01-01T00:00:00Z",
            "14/07/1998",
        ] {
            assert!(date_valid(ok), "{ok}");
        }
        for bad in [
            "2024-13-01",
            "1998-07",
            "14-07-1998",
            "20240229",
            "2024/02/29",
        ] {
            assert!(!date_valid(bad), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        for ok in ["75001", "01000", "20000", "97411", "98000", "98800"] {
            assert!(fr_postcode_valid(ok), "{ok}");
        }
        for bad in [
            "00100", "96000", "97700", "98100", "7500", "750011", "2A000",
        ] {
            assert!(!fr_postcode_valid(bad), "{bad}");
        }
    }

    #[test]
    fn a_name_confirmed_by_values_is_surer() {
        let p = prof(&["06 12 34 56 78"; 10]);
        let c = classify("etudiants", "tel", "varchar(20)", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Phone);
        assert!(c.by_name && c.by_values);
        assert!(c.confidence > 0.95, "{c:?}");
        assert_eq!(c.evidence[0], "name matches `tel` (phone number)");
        assert_eq!(
            c.evidence[1],
            "100% of 10 sampled values are valid phone numbers (ARCEP plan or international)"
        );
    }

    #[test]
    fn values_that_fail_their_checksum_lower_the_name() {
        // 15 digits with a wrong NIR key.
        let p = prof(&["255081416802539"; 8]);
        let c = classify("t", "nir", "char(15)", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Nir);
        assert!(c.confidence < 0.5, "{c:?}");
        assert!(!c.by_values);
        // Without a name, they are nothing.
        assert_eq!(classify("t", "numero_dossier", "char(15)", Some(&p)), None);
    }

    #[test]
    fn values_alone_need_a_strong_validator() {
        let p = prof(&[
            "4111111111111111",
            "5555555555554444",
            "4012888888881881",
            "378282246310005",
            "4111 1111 1111 1111",
        ]);
        let c = classify("t", "reference", "text", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Card);
        assert!(!c.by_name && c.by_values);
        // Five-digit numbers are not postcodes without a name.
        let p = prof(&["75001", "69002", "13005", "33000", "59000"]);
        assert_eq!(classify("t", "valeur", "text", Some(&p)), None);
        // 16 digits failing Luhn.
        let p = prof(&["4111111111111112"; 6]);
        assert_eq!(classify("t", "reference", "text", Some(&p)), None);
    }

    #[test]
    fn another_identifier_wins_over_a_misleading_name() {
        let p = prof(&["a@b.fr", "c@d.org", "e@f.com", "g@h.net", "i@j.fr"]);
        let c = classify("contacts", "telephone", "text", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Email);
    }

    #[test]
    fn few_values_neither_confirm_nor_contradict() {
        let p = prof(&["x", "y"]);
        let c = classify("t", "email", "text", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Email);
        assert_eq!(c.confidence, 0.95);
        assert_eq!(
            c.evidence[1],
            "2 value(s) in 2 sampled row(s): too few to check"
        );
    }

    #[test]
    fn prose_is_free_text() {
        let p = prof(&[
            "Rappeler après les oraux pour le dossier",
            "Intéressée par le bachelor, viendra à la JPO",
            "Pas de réponse au dernier message envoyé",
            "Souhaite une alternance en entreprise à Lyon",
            "A demandé la brochure du master en finance",
        ]);
        let c = classify("t", "valeur", "text", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::FreeText);
    }

    #[test]
    fn bare_hex_digests_alone_are_not_passwords() {
        let hex = [
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "e10adc3949ba59abbe56e057f20f883e",
            "25d55ad283aa400af464c76d713c07ad",
            "d8578edf8458ce06fbc5bb76a58c5ca4",
            "96e79218965eb72c92a549dd5a330112",
            "fcea920f7412b5da7be0cf42b8c93759",
        ];
        // Under a neutral name a hex digest is as likely a token or a checksum.
        let c = classify("t", "secure_key", "varchar(32)", Some(&prof(&hex)));
        assert!(
            c.as_ref()
                .is_none_or(|c| c.category != ColumnCategory::Password),
            "{c:?}"
        );
        // Under a password name it is an unsalted hash of the password.
        let c = classify("t", "password", "varchar(32)", Some(&prof(&hex))).unwrap();
        assert_eq!(c.category, ColumnCategory::Password);
    }

    #[test]
    fn a_free_text_name_over_sensitive_terms_is_that_category() {
        let m = crate::text::Matcher::new(&["fr", "en"], &[], &[]).unwrap();
        let values = [
            "maladie",
            "hospitalisation",
            "maladie",
            "rendez-vous",
            "maladie",
            "hospitalisation",
        ];
        let p = profile(values.iter().map(|v| Some(*v)), Some(&m));
        let c = classify("absences", "motif", "varchar(50)", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Health, "{c:?}");
    }

    #[test]
    fn secrets_by_their_values() {
        for yes in [
            "5f4dcc3b5aa765d61d8327deb882cf99e10adc39",
            "JBSWY3DPEHPK3PXPJBSWY3DP",
            "dGhpcyBpcyBhIHJhbmRvbSBrZXkgMTIzNDU2Nzg5MA",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
        ] {
            assert!(secret_like(yes), "{yes}");
        }
        for no in [
            "550e8400-e29b-41d4-a716-446655440000",
            "Jean Dupont",
            "ProductName",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
            "0612345678",
            "5f4dcc3b5aa765d6",
            "https://example.org/a",
        ] {
            assert!(!secret_like(no), "{no}");
        }
        let tokens: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "{:x}{:x}",
                    0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i + 1),
                    0xc2b2_ae3d_27d4_eb4fu64.wrapping_mul(i + 7)
                )
            })
            .collect();
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let c = classify("t", "valeur", "varchar(64)", Some(&prof(&refs))).unwrap();
        assert_eq!(c.category, ColumnCategory::Credential, "{c:?}");
        assert!(!c.by_name && c.by_values);
        // The same values under a digest's name are a checksum.
        assert_eq!(
            classify("fichiers", "sha_contenu", "varchar(64)", Some(&prof(&refs))),
            None
        );
        // A credential name over marked password hashes is a password column.
        let hashes = ["$2y$10$abcdefghijklmnopqrstuuJ1mZ5b0Yq1x9lWZ0h9b8c7d6e5f4g3h2"; 6];
        let c = classify("credential", "secret_data", "text", Some(&prof(&hashes))).unwrap();
        assert_eq!(c.category, ColumnCategory::Password, "{c:?}");
    }

    #[test]
    fn serialised_documents_and_key_files_holding_secrets() {
        for yes in [
            r#"{"keys": [{"secret": "JBSWY3DPEHPK3PXP"}]}"#,
            r#"auth|a:2:{s:4:"user";s:5:"alice";s:8:"password";s:12:"c2VjcmV0MTIz";}"#,
            "Private-key-format: v1.2\nAlgorithm: 8 (RSASHA256)\nModulus: qXk=",
        ] {
            assert!(secret_like(yes), "{yes}");
        }
        for no in [
            r#"{"theme": "dark", "password_policy": "strong"}"#,
            r#"{"secret": null}"#,
            r#"a:1:{s:8:"password";s:0:"";}"#,
            r#"{"lang": "fr"}"#,
        ] {
            assert!(!secret_like(no), "{no}");
        }
    }

    /// A URL with a password in it is a credential, whatever the column is called; a URL with
    /// a user name only, or none, is not.
    #[test]
    fn urls_carrying_a_password_are_secrets() {
        for yes in [
            "rtsp://viewer:Gr4nd-Portail@192.168.10.21:554/stream1",
            "ftp://backup:hunter22@files.example.org/nightly/",
            "mysql://crm:p%40ss@db.internal:3306/crm",
        ] {
            assert!(url_with_password(yes) && secret_like(yes), "{yes}");
        }
        for no in [
            "rtsp://192.168.10.21:554/stream1",
            "https://viewer@example.org/page",
            "https://example.org/login?user=a:b@c",
            "mailto:anne@example.org",
            "not a url: a@b",
        ] {
            assert!(!url_with_password(no), "{no}");
        }
        let urls: Vec<String> = (1..7)
            .map(|i| format!("rtsp://cam{i}:Zq8!mW{i}@10.1.0.{i}/live"))
            .collect();
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        let c = classify(
            "cameras",
            "stream_source",
            "varchar(255)",
            Some(&prof(&urls)),
        )
        .unwrap();
        assert_eq!(c.category, ColumnCategory::Credential, "{c:?}");
    }

    #[test]
    fn message_ids_cache_blobs_and_machines_are_not_people() {
        // Message identifiers are shaped like e-mail addresses.
        let ids = prof(&[
            "20240101.abc@mx.example.org",
            "k3j4.77@relay.example.net",
            "zz91@lists.example.com",
            "q0p.4@mail.example.fr",
            "x-1@smtp.example.org",
        ]);
        for name in ["message_id", "MessageId", "msgid"] {
            assert_eq!(
                classify("mails", name, "varchar(160)", Some(&ids)),
                None,
                "{name}"
            );
        }
        let c = classify("mails", "sender", "varchar(160)", Some(&ids)).unwrap();
        assert_eq!(c.category, ColumnCategory::Email);
        // Encoded blobs of a cache look random without being secrets.
        let blobs: Vec<String> = (0..8u64)
            .map(|i| {
                format!(
                    "{:x}{:x}",
                    0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i + 1),
                    0xc2b2_ae3d_27d4_eb4fu64.wrapping_mul(i + 7)
                )
            })
            .collect();
        let refs: Vec<&str> = blobs.iter().map(String::as_str).collect();
        assert_eq!(
            classify("page_cache", "blob", "text", Some(&prof(&refs))),
            None
        );
        let c = classify("vault", "blob", "text", Some(&prof(&refs))).unwrap();
        assert_eq!(c.category, ColumnCategory::Credential);
        // The IP addresses of monitored hosts are theirs; of a login history, a person's.
        let ips = prof(&[
            "10.0.0.1",
            "10.0.0.2",
            "192.168.1.7",
            "172.16.4.4",
            "10.9.9.9",
        ]);
        assert_eq!(
            classify("monitored_hosts", "primary", "varchar(45)", Some(&ips)),
            None
        );
        let c = classify("logins", "origin_addr", "varchar(45)", Some(&ips)).unwrap();
        assert_eq!(c.category, ColumnCategory::Ip);
    }

    #[test]
    fn flags_and_timestamps_are_not_the_data_their_name_says() {
        let flags = prof(&["0", "1", "1", "0", "1", "1"]);
        assert_eq!(
            classify("contacts", "contactEmail", "varchar(1)", Some(&flags)),
            None
        );
        let yn = prof(&["Y", "N", "N", "Y", "Y"]);
        assert_eq!(classify("users", "user_login", "char(1)", Some(&yn)), None);
        // A health flag stays health data.
        let c = classify("eleves", "handicap", "varchar(1)", Some(&flags)).unwrap();
        assert_eq!(c.category, ColumnCategory::Health);
        let stamps = prof(&[
            "20240101120000",
            "20231231235959",
            "20220615080000",
            "20210101000000",
            "20200202020202",
        ]);
        assert_eq!(
            classify(
                "user",
                "user_email_authenticated",
                "binary(14)",
                Some(&stamps)
            ),
            None
        );
        // Real addresses under the same name stay e-mail.
        let mails = prof(&["a@b.fr", "c@d.org", "e@f.com", "g@h.net", "i@j.fr"]);
        let c = classify("user", "user_email", "varbinary(255)", Some(&mails)).unwrap();
        assert_eq!(c.category, ColumnCategory::Email);
    }

    #[test]
    fn mac_addresses_and_consent_proofs_are_device_data() {
        assert!(mac_valid("08:00:2b:01:02:03") && mac_valid("08-00-2B-01-02-03"));
        assert!(mac_valid("0800.2b01.0203") && !mac_valid("08:00:2b:01:02"));
        let macs = prof(&[
            "08:00:2b:01:02:03",
            "08:00:2b:01:02:04",
            "08:00:2b:01:02:05",
            "08:00:2b:01:02:06",
            "08:00:2b:01:02:07",
        ]);
        let c = classify("radacct", "callingstationid", "varchar(50)", Some(&macs)).unwrap();
        assert_eq!(c.category, ColumnCategory::Ip, "{c:?}");
        let c = classify("t", "valeur", "varchar(50)", Some(&macs)).unwrap();
        assert_eq!(c.category, ColumnCategory::Ip, "{c:?}");
        let proofs: Vec<String> = (1..=6)
            .map(|i| format!("ip=192.0.2.{i} ua=Mozilla/5.0 (X11; Linux x86_64) at=2024-05-0{i}"))
            .collect();
        let refs: Vec<&str> = proofs.iter().map(String::as_str).collect();
        let c = classify(
            "consentements",
            "preuve_consentement",
            "text",
            Some(&prof(&refs)),
        )
        .unwrap();
        assert_eq!(c.category, ColumnCategory::Ip, "{c:?}");
        let c = classify("t", "trace", "text", Some(&prof(&refs))).unwrap();
        assert_eq!(c.category, ColumnCategory::Ip, "{c:?}");
    }

    #[test]
    fn communication_addresses_are_a_persons() {
        for v in [
            "sip:yvesbertrand@113.150.248.216:5062;transport=udp",
            "sip:alice@sip.example.fr",
            "\"Alice Martin\" <sips:+33612345678@pbx.example.org>",
            "xmpp:bob@chat.example.org",
            "rodriguezla@example.org/Conversations.e484",
            "tel:+33 6 12 34 56 78",
        ] {
            assert!(comm_address_valid(v), "{v}");
        }
        for v in [
            "sip:203.0.113.5:5060",
            "udp:203.0.113.5:5060",
            "alice@example.org",
            "https://example.org/users/alice",
            "<urn:uuid:a30e18ef-c58b-496b-a983-0a61483fc12b>",
            "3c82bdca99fccce492edeb30@10.0.0.197",
            "a note about sip:alice@example.org",
        ] {
            assert!(!comm_address_valid(v), "{v}");
        }
        let uris: Vec<String> = (0..8)
            .map(|i| format!("sip:user{i}@10.0.0.{i}:5060;transport=tcp"))
            .collect();
        let p = profile(uris.iter().map(|v| Some(v.as_str())), None);
        let c = classify("location", "contact", "varchar(255)", Some(&p)).unwrap();
        assert_eq!(c.category, ColumnCategory::Username);
        assert!(c.evidence[0].contains("SIP or XMPP"), "{:?}", c.evidence);
    }

    #[test]
    fn short_codes_are_not_lexicon_terms() {
        let m = crate::text::Matcher::new(&["fr", "en"], &[], &[]).unwrap();
        let values = ["PD", "PD", "RTT", "CP", "PD", "CP"];
        let p = profile(values.iter().map(|v| Some(*v)), Some(&m));
        assert!(p.sensitive.is_empty(), "{p:?}");
        let c = classify("absences", "reason", "varchar(10)", Some(&p));
        assert!(
            c.as_ref().is_none_or(|c| !c.category.is_sensitive()),
            "{c:?}"
        );
    }
}
