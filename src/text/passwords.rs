//! How a stored password is protected, from the shape of the stored value (domain.md §6,
//! CNIL délibération n° 2022-100).
//!
//! - accepted (`Ok`): Argon2, bcrypt (cost ≥ 10), scrypt, yescrypt, PBKDF2 with at least
//!   600,000 iterations, in the layouts applications write them (PHP, Django, Spring, Werkzeug,
//!   passlib, OpenLDAP, MediaWiki, ASP.NET Identity, PostgreSQL SCRAM);
//! - to review (`Warn`): sha256crypt, sha512crypt and Drupal 7 (salted and iterated SHA-2, not
//!   memory-hard), and an accepted function below its work factor (Argon2 below 19 MiB, bcrypt
//!   cost < 10, PBKDF2 below 600,000 iterations, or with its iterations kept outside the value);
//! - weak: anything built on a fast hash: md5crypt, PHPass, LDAP `{SHA}`/`{SSHA}`/`{MD5}` and
//!   friends, `{CRYPT}` DES, MySQL's native `*…`, PostgreSQL's `md5…`, the salted MD5/SHA of
//!   Django, Werkzeug, MediaWiki and Joomla, and a bare hexadecimal or base64 digest of an MD5,
//!   SHA-1 or SHA-2 length;
//! - in clear: a value behind a marker that says so (`{noop}`, `{cleartext}`, `{plain}`).
//!
//! A value of no known format is either a [`TOKEN`] (structured and high-entropy: verify how it
//! was produced, [`UNKNOWN`]) or a value chosen by a person ([`PLAINTEXT`]). NULL or empty: no
//! password (single sign-on).
//!
//! The formats are [`Shape`]s in a fixed order, the first that matches wins: the same list is
//! matched here on sampled values and rendered to SQL by [`crate::dialect`] to count rows per
//! format inside the database, so both always agree. Key/value credential tables (FreeRADIUS's
//! `radcheck`) name the kind of each value in an attribute; [`attribute`] maps those names to a
//! format, and the SQL reads the same table.

use super::shape::{BASE64, DIGITS, HEX, Piece, Shape, Token};
use std::sync::LazyLock;

/// What a format means for the people whose passwords it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Ok,
    /// Salted and slow, but below today's parameters or not memory-hard: plan a migration.
    Warn,
    /// Fast or unsalted: recoverable by brute force from a leak.
    Weak,
    /// Structured and high-entropy, of no known format: how it was produced must be verified.
    Unknown,
    Plaintext,
}

/// One recognised storage format.
#[derive(Debug)]
pub struct Format {
    /// Kebab-case id, the finding's category (`md5-hex`, `bcrypt-low-cost`).
    pub id: &'static str,
    /// Words for reports: "bcrypt with a cost below 10".
    pub label: &'static str,
    pub verdict: Verdict,
    /// Whether the value carries a marker of its format (`$2y$`, `{SSHA}`, `pbkdf2_sha256$`):
    /// a bare digest says nothing, alone, of what was hashed.
    pub marked: bool,
    /// Any of these shapes; empty for a format only an attribute name gives (`nt-hash`).
    pub shapes: Vec<Shape>,
}

/// The id of values in clear: a marked format, a clear-text attribute, or a value of no known
/// format that is not a [`TOKEN`].
pub const PLAINTEXT: &str = "plaintext";

/// The id of values of no known format that are [`TOKEN`]s.
pub const UNKNOWN: &str = "unknown-format";

/// What a generated value looks like: 20 characters or more of printable ASCII, no space, and
/// at least two of lower case, upper case and digits. Random keys and encoded digests of every
/// common alphabet (hex, base64, base64url, base32) qualify; a word, a sentence and the short
/// passwords people choose do not. A passphrase of 20 characters or more, written without
/// spaces and mixing those classes, is a token too: it is still reported, as a value to verify.
pub const TOKEN: Token = Token {
    min_len: 20,
    min_classes: 2,
};

fn lit(s: &str) -> Piece {
    Piece::Lit(s.to_string())
}

fn nocase(s: &str) -> Piece {
    Piece::LitNoCase(s.to_string())
}

fn digits(n: usize) -> Piece {
    Piece::Run(DIGITS.to_string(), n)
}

fn one_of(set: &str) -> Piece {
    Piece::OneOf(set.to_string())
}

fn run(set: &str, n: usize) -> Piece {
    Piece::Run(set.to_string(), n)
}

fn starts(pieces: Vec<Piece>) -> Shape {
    Shape {
        pieces,
        whole: false,
    }
}

fn whole(pieces: Vec<Piece>) -> Shape {
    Shape {
        pieces,
        whole: true,
    }
}

fn hex(n: usize) -> Shape {
    whole(vec![run(HEX, n)])
}

/// `n` bytes in padded base64, and nothing else.
fn base64(bytes: usize) -> Shape {
    let chars = bytes.div_ceil(3) * 4;
    let pad = (3 - bytes % 3) % 3;
    whole(vec![run(BASE64, chars - pad), lit(&"=".repeat(pad))])
}

/// The prefixes that wrap a crypt(3) string: none, OpenLDAP's and Dovecot's `{CRYPT}`.
fn crypt_wrappers() -> Vec<Vec<Piece>> {
    vec![vec![], vec![nocase("{CRYPT}")]]
}

/// Each crypt(3) prefix, bare and wrapped.
fn crypt(prefixes: &[&str]) -> Vec<Shape> {
    let mut out = Vec::new();
    for wrapper in crypt_wrappers() {
        for p in prefixes {
            let mut pieces = wrapper.clone();
            pieces.push(lit(p));
            out.push(starts(pieces));
        }
    }
    out
}

/// The bcrypt prefixes: `$2a$`…, bare, in Django's `bcrypt$`/`bcrypt_sha256$`, Spring's
/// `{bcrypt}`, `{CRYPT}` and Dovecot's `{BLF-CRYPT}`.
fn bcrypt(cost: Vec<Piece>) -> Vec<Shape> {
    let wrappers = vec![
        vec![],
        vec![lit("bcrypt$")],
        vec![lit("bcrypt_sha256$")],
        vec![nocase("{bcrypt}")],
        vec![nocase("{CRYPT}")],
        vec![nocase("{BLF-CRYPT}")],
    ];
    wrappers
        .into_iter()
        .map(|mut pieces| {
            pieces.extend([lit("$2"), one_of("abxy"), lit("$")]);
            pieces.extend(cost.iter().cloned());
            pieces.push(lit("$"));
            starts(pieces)
        })
        .collect()
}

/// Where PBKDF2 layouts write their iteration count: the pieces before it, and the character
/// after it. Django `pbkdf2_sha256$600000$…`, passlib `$pbkdf2-sha256$29000$…` and PHC
/// `$pbkdf2-sha256$i=4096,l=32$…`, Werkzeug `pbkdf2:sha256:600000$…`, MediaWiki
/// `:pbkdf2:sha512:30000:64:…`, OpenLDAP `{PBKDF2-SHA512}10000$…`, PostgreSQL
/// `SCRAM-SHA-256$4096:…`.
fn pbkdf2_layouts() -> Vec<(Vec<Piece>, &'static str)> {
    let mut out = Vec::new();
    for p in ["pbkdf2_sha256$", "pbkdf2_sha1$"] {
        out.push((vec![lit(p)], "$"));
    }
    for p in ["$pbkdf2-sha256$", "$pbkdf2-sha512$", "$pbkdf2$"] {
        out.push((vec![lit(p)], "$"));
        out.push((vec![lit(&format!("{p}i="))], ",$"));
    }
    for h in ["sha256", "sha512", "sha1"] {
        out.push((vec![lit(&format!("pbkdf2:{h}:"))], "$"));
        out.push((vec![lit(&format!(":pbkdf2:{h}:"))], ":"));
    }
    for p in [
        "{PBKDF2}",
        "{PBKDF2-SHA1}",
        "{PBKDF2-SHA256}",
        "{PBKDF2-SHA512}",
    ] {
        out.push((vec![nocase(p)], "$"));
    }
    out.push((vec![lit("SCRAM-SHA-256$")], ":"));
    out
}

/// ASP.NET Core Identity v3 (`0x01`, PRF, iteration count, salt length, salt, subkey; base64
/// of 61 bytes with the default 16-byte salt and 32-byte subkey): the shapes whose iteration
/// count, read from the base64 characters that hold its bytes, is below 600,000 (`0x0927C0`).
fn aspnet_v3_low() -> Vec<Shape> {
    // Characters 0–7: 0x01, a PRF of 0, 1 or 2 (HMAC-SHA1/256/512), the count's top byte 0.
    let head = || vec![lit("AQAAAA"), one_of("AEI"), lit("A")];
    // Characters 8–11 hold the count's lower three bytes: each branch below 0x0927C0.
    let upper = "ABCDEFGHIJKLMNOP";
    let branches: Vec<Vec<Piece>> = vec![
        vec![one_of("AB")],
        vec![lit("C"), one_of(upper)],
        vec![lit("C"), one_of("QR")],
        vec![lit("CS"), one_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcde")],
    ];
    branches
        .into_iter()
        .map(|branch| {
            let mut pieces = head();
            let used: usize = 8 + branch.iter().map(Piece::width).sum::<usize>();
            pieces.extend(branch);
            pieces.extend([run(BASE64, 82 - used), lit("==")]);
            whole(pieces)
        })
        .collect()
}

/// PBKDF2 below 600,000 iterations: the count as 1 to 5 digits, or 6 digits starting with 0–5,
/// in each layout; and the layouts that never reach it or do not say: Atlassian `{PKCS5S2}`
/// (10,000), Spring `{pbkdf2}` (its count lives in the code; its defaults are below),
/// Werkzeug before 2.3 without a count, ASP.NET Identity v2 (1,000) and v3 below the count.
fn pbkdf2_low() -> Vec<Shape> {
    let mut shapes = Vec::new();
    for (prefix, after) in pbkdf2_layouts() {
        for n in 1..=5 {
            let mut pieces = prefix.clone();
            pieces.extend([digits(n), one_of(after)]);
            shapes.push(starts(pieces));
        }
        let mut pieces = prefix;
        pieces.extend([one_of("012345"), digits(5), one_of(after)]);
        shapes.push(starts(pieces));
    }
    shapes.push(starts(vec![nocase("{PKCS5S2}")]));
    // Spring writes its id in lower case and hex after it (8- or 16-byte salt, 32-byte key);
    // OpenLDAP's `{PBKDF2}` is followed by its count and `$`.
    for n in [80, 96] {
        shapes.push(whole(vec![lit("{pbkdf2}"), run(HEX, n)]));
    }
    for h in ["sha256", "sha512", "sha1"] {
        shapes.push(starts(vec![lit(&format!("pbkdf2:{h}$"))]));
    }
    // v2: 0x00, a 16-byte salt, a 32-byte subkey: 49 bytes.
    shapes.push(whole(vec![
        lit("A"),
        one_of("ABCDEFGHIJKLMNOP"),
        run(BASE64, 64),
        lit("=="),
    ]));
    shapes.extend(aspnet_v3_low());
    shapes
}

/// PBKDF2 in any layout, once the low counts are taken.
fn pbkdf2() -> Vec<Shape> {
    let mut shapes: Vec<Shape> = pbkdf2_layouts()
        .into_iter()
        .map(|(prefix, _)| starts(prefix))
        .collect();
    shapes.push(whole(vec![lit("AQAAAA"), run(BASE64, 76), lit("==")]));
    shapes
}

/// Argon2 with less than 19 MiB of memory (`m` < 19456 KiB, OWASP's minimum), bare, in
/// Django's `argon2$` and in Spring's `{argon2}`: `m` as 1 to 4 digits, or 5 digits below 19456.
fn argon2_low_memory() -> Vec<Shape> {
    let below: Vec<Vec<Piece>> = vec![
        vec![digits(1)],
        vec![digits(2)],
        vec![digits(3)],
        vec![digits(4)],
        vec![lit("1"), one_of("012345678"), digits(3)],
        vec![lit("19"), one_of("0123"), digits(2)],
        vec![lit("194"), one_of("01234"), digits(1)],
        vec![lit("1945"), one_of("012345")],
    ];
    let mut shapes = Vec::new();
    for wrapper in [vec![], vec![lit("argon2")], vec![nocase("{argon2}")]] {
        // `$argon2id$` and `$argon2i$`/`$argon2d$`, version field `v=16` or `v=19`.
        for variant in [
            vec![lit("$argon2id$")],
            vec![lit("$argon2"), one_of("id"), lit("$")],
        ] {
            for m in &below {
                let mut pieces = wrapper.clone();
                pieces.extend(variant.iter().cloned());
                pieces.extend([lit("v="), digits(2), lit("$m=")]);
                pieces.extend(m.iter().cloned());
                pieces.push(lit(","));
                shapes.push(starts(pieces));
            }
        }
    }
    shapes
}

static FORMATS: LazyLock<Vec<Format>> = LazyLock::new(|| {
    let prefixes = |list: &[&str]| list.iter().map(|p| Shape::prefix(p)).collect::<Vec<_>>();
    let nocases = |list: &[&str]| {
        list.iter()
            .map(|p| starts(vec![nocase(p)]))
            .collect::<Vec<_>>()
    };
    let mut argon2 = crypt(&["$argon2id$", "$argon2i$", "$argon2d$"]);
    argon2.push(Shape::prefix("argon2$argon2"));
    argon2.push(starts(vec![nocase("{argon2}"), lit("$argon2")]));
    argon2.extend(nocases(&["{ARGON2ID}", "{ARGON2I}"]));
    let mut scrypt = crypt(&["$scrypt$", "$7$"]);
    scrypt.extend(prefixes(&["scrypt$", "scrypt:"]));
    scrypt.extend(nocases(&["{scrypt}"]));
    let mut plaintext = nocases(&["{noop}", "{cleartext}", "{clear}", "{plain}", "{plaintext}"]);
    plaintext.push(Shape::prefix("plain$$"));
    let mut ldap = nocases(&[
        "{SHA}",
        "{SSHA}",
        "{SHA256}",
        "{SSHA256}",
        "{SHA512}",
        "{SSHA512}",
        "{MD5}",
        "{SMD5}",
        "{SHA-1}",
        "{SHA-256}",
        "{MD4}",
        "{ldap}",
        "{PLAIN-MD5}",
        "{LDAP-MD5}",
    ]);
    ldap.push(starts(vec![nocase("{CRYPT}")]));
    let mut salted = prefixes(&[
        "sha1$",
        "md5$",
        "unsalted_md5$",
        "unsalted_sha1$",
        "crypt$",
        "sha256$",
        "sha512$",
        ":A:",
        ":B:",
    ]);
    salted.push(whole(vec![lit("md5"), run(HEX, 32)]));
    salted.push(starts(vec![
        run(HEX, 32),
        lit(":"),
        one_of("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    ]));
    vec![
        Format {
            id: PLAINTEXT,
            label: "in clear behind a clear-text marker ({noop}, {cleartext}, {plain})",
            verdict: Verdict::Plaintext,
            marked: true,
            shapes: plaintext,
        },
        Format {
            id: "argon2-low-memory",
            label: "Argon2 with less than 19 MiB of memory",
            verdict: Verdict::Warn,
            marked: true,
            shapes: argon2_low_memory(),
        },
        Format {
            id: "argon2",
            label: "Argon2",
            verdict: Verdict::Ok,
            marked: true,
            shapes: argon2,
        },
        Format {
            id: "bcrypt-low-cost",
            label: "bcrypt with a cost below 10",
            verdict: Verdict::Warn,
            marked: true,
            shapes: bcrypt(vec![lit("0"), digits(1)]),
        },
        Format {
            id: "bcrypt",
            label: "bcrypt",
            verdict: Verdict::Ok,
            marked: true,
            shapes: bcrypt(vec![digits(2)]),
        },
        Format {
            id: "scrypt",
            label: "scrypt",
            verdict: Verdict::Ok,
            marked: true,
            shapes: scrypt,
        },
        Format {
            id: "yescrypt",
            label: "yescrypt",
            verdict: Verdict::Ok,
            marked: true,
            shapes: crypt(&["$y$", "$gy$"]),
        },
        Format {
            id: "pbkdf2-low-iterations",
            label: "PBKDF2 with fewer than 600,000 iterations",
            verdict: Verdict::Warn,
            marked: true,
            shapes: pbkdf2_low(),
        },
        Format {
            id: "pbkdf2",
            label: "PBKDF2",
            verdict: Verdict::Ok,
            marked: true,
            shapes: pbkdf2(),
        },
        Format {
            id: "sha-crypt",
            label: "sha256crypt or sha512crypt (not memory-hard)",
            verdict: Verdict::Warn,
            marked: true,
            shapes: [
                crypt(&["$5$", "$6$"]),
                nocases(&["{SHA256-CRYPT}", "{SHA512-CRYPT}"]),
            ]
            .concat(),
        },
        Format {
            id: "drupal-sha512",
            label: "Drupal 7's iterated SHA-512 (not memory-hard)",
            verdict: Verdict::Warn,
            marked: true,
            shapes: prefixes(&["$S$", "U$S$"]),
        },
        Format {
            id: "md5crypt",
            label: "md5crypt",
            verdict: Verdict::Weak,
            marked: true,
            shapes: [crypt(&["$1$", "$apr1$"]), nocases(&["{MD5-CRYPT}"])].concat(),
        },
        Format {
            id: "phpass",
            label: "PHPass (iterated MD5: WordPress, phpBB, Drupal)",
            verdict: Verdict::Weak,
            marked: true,
            shapes: prefixes(&["$P$", "$H$", "U$P$", "U$H$"]),
        },
        Format {
            id: "ldap-sha",
            label: "LDAP {SHA}/{SSHA}/{MD5}/{CRYPT} scheme",
            verdict: Verdict::Weak,
            marked: true,
            shapes: ldap,
        },
        Format {
            id: "mysql-native",
            label: "MySQL's native password hash (unsalted double SHA-1)",
            verdict: Verdict::Weak,
            marked: true,
            shapes: vec![whole(vec![lit("*"), run(HEX, 40)])],
        },
        Format {
            id: "salted-fast-hash",
            label: "MD5 or SHA behind an application's prefix (Django, Werkzeug, MediaWiki, Joomla, PostgreSQL md5)",
            verdict: Verdict::Weak,
            marked: true,
            shapes: salted,
        },
        Format {
            id: "md5-hex",
            label: "a bare hexadecimal digest of MD5's length",
            verdict: Verdict::Weak,
            marked: false,
            shapes: vec![hex(32)],
        },
        Format {
            id: "sha1-hex",
            label: "a bare hexadecimal digest of SHA-1's length",
            verdict: Verdict::Weak,
            marked: false,
            shapes: vec![hex(40)],
        },
        Format {
            id: "sha2-hex",
            label: "a bare hexadecimal digest of a SHA-2 length",
            verdict: Verdict::Weak,
            marked: false,
            shapes: vec![hex(56), hex(64), hex(96), hex(128)],
        },
        Format {
            id: "digest-base64",
            label: "a bare base64 digest of an MD5, SHA-1 or SHA-2 length",
            verdict: Verdict::Weak,
            marked: false,
            shapes: vec![base64(16), base64(20), base64(32), base64(64)],
        },
    ]
});

/// Formats only an attribute name gives: the value alone looks like another digest.
static NAMED_FORMATS: LazyLock<Vec<Format>> = LazyLock::new(|| {
    vec![
        Format {
            id: "nt-hash",
            label: "an NT hash (unsalted MD4)",
            verdict: Verdict::Weak,
            marked: true,
            shapes: Vec::new(),
        },
        Format {
            id: "lm-hash",
            label: "a LAN Manager hash",
            verdict: Verdict::Weak,
            marked: true,
            shapes: Vec::new(),
        },
        Format {
            id: "fast-hash",
            label: "an MD5 or SHA digest, salted or not (named by its attribute)",
            verdict: Verdict::Weak,
            marked: true,
            shapes: Vec::new(),
        },
        Format {
            id: "des-crypt",
            label: "traditional DES crypt",
            verdict: Verdict::Weak,
            marked: true,
            shapes: Vec::new(),
        },
    ]
});

/// Every format a value shows, in matching order (first match wins).
pub fn formats() -> &'static [Format] {
    &FORMATS
}

/// A format by id, shown by its value or named by an attribute.
pub fn format(id: &str) -> Option<&'static Format> {
    FORMATS
        .iter()
        .chain(NAMED_FORMATS.iter())
        .find(|f| f.id == id)
}

/// What an attribute of a key/value credential table says of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// The value is in this format, whatever it looks like (`Cleartext-Password` is clear,
    /// `NT-Password` an NT hash).
    Is(&'static str),
    /// The value is a password in whatever format it shows; when it shows none, this format
    /// if any (a `Crypt-Password` of no known crypt prefix is DES crypt).
    Shows(Option<&'static str>),
}

/// The attributes that hold a password, lower case: FreeRADIUS's (`radcheck`), and the generic
/// names of `user_attributes (user_id, name, value)` tables.
pub const ATTRIBUTES: &[(&str, Attribute)] = &[
    ("cleartext-password", Attribute::Is(PLAINTEXT)),
    ("user-password", Attribute::Is(PLAINTEXT)),
    ("nt-password", Attribute::Is("nt-hash")),
    ("lm-password", Attribute::Is("lm-hash")),
    ("md5-password", Attribute::Is("fast-hash")),
    ("smd5-password", Attribute::Is("fast-hash")),
    ("sha-password", Attribute::Is("fast-hash")),
    ("sha1-password", Attribute::Is("fast-hash")),
    ("ssha-password", Attribute::Is("fast-hash")),
    ("ssha1-password", Attribute::Is("fast-hash")),
    ("sha2-password", Attribute::Is("fast-hash")),
    ("ssha2-224-password", Attribute::Is("fast-hash")),
    ("ssha2-256-password", Attribute::Is("fast-hash")),
    ("ssha2-384-password", Attribute::Is("fast-hash")),
    ("ssha2-512-password", Attribute::Is("fast-hash")),
    ("ns-mta-md5-password", Attribute::Is("fast-hash")),
    ("crypt-password", Attribute::Shows(Some("des-crypt"))),
    ("password-with-header", Attribute::Shows(None)),
    (
        "pbkdf2-password",
        Attribute::Shows(Some("pbkdf2-low-iterations")),
    ),
    ("password", Attribute::Shows(None)),
    ("passwd", Attribute::Shows(None)),
    ("pwd", Attribute::Shows(None)),
    ("user_password", Attribute::Shows(None)),
    ("password_hash", Attribute::Shows(None)),
    ("hashed_password", Attribute::Shows(None)),
    ("encrypted_password", Attribute::Shows(None)),
    ("mot_de_passe", Attribute::Shows(None)),
    ("motdepasse", Attribute::Shows(None)),
    ("mdp", Attribute::Shows(None)),
];

/// What an attribute name says of its value, in any case; `None` for an attribute that holds
/// no password.
pub fn attribute(name: &str) -> Option<Attribute> {
    let name = name.trim().to_ascii_lowercase();
    ATTRIBUTES.iter().find(|(n, _)| *n == name).map(|&(_, a)| a)
}

/// The last words of a key/value table's attribute column (`attribute`, `meta_key`, `name`).
const KEY_WORDS: &[&str] = &[
    "attribute",
    "attribut",
    "attr",
    "name",
    "nom",
    "key",
    "cle",
    "property",
    "propriete",
    "field",
    "champ",
];

/// The last words of a key/value table's value column (`value`, `meta_value`, `valeur`).
const VALUE_WORDS: &[&str] = &["value", "valeur", "val"];

/// A key/value table whose rows may hold credentials, from the catalog alone: a text column
/// named for an attribute (`attribute`, `name`, `key`, `attr`, `meta_key`…) next to a text
/// column named for its value (`value`, `meta_value`, `valeur`…), neither in the primary key.
/// Returns their positions (attribute, value). Which rows hold a password is decided by the
/// attribute, in SQL ([`ATTRIBUTES`]).
pub fn credential_columns(table: &crate::catalog::Table) -> Option<(usize, usize)> {
    use crate::catalog::TypeClass;
    let last = |name: &str| super::names::tokenize(name).last().cloned();
    let find = |words: &[&str]| {
        table.columns.iter().position(|c| {
            c.type_class() == TypeClass::Text
                && !table.primary_key.contains(&c.name)
                && last(&c.name).is_some_and(|w| words.contains(&w.as_str()))
        })
    };
    Some((find(KEY_WORDS)?, find(VALUE_WORDS)?))
}

/// The format of a stored value: `None` for NULL or empty (no password), `Some(None)` for a
/// value of no known format ([`UNKNOWN`] or [`PLAINTEXT`]: see [`category`]),
/// `Some(Some(format))` for a recognised format.
pub fn classify(value: Option<&str>) -> Option<Option<&'static Format>> {
    let v = value?;
    if v.is_empty() || LOCKED.contains(&v) {
        return None;
    }
    // Only the formats one of whose shapes can start with the value's first byte are tried:
    // discovery classifies every sampled value of every column, and an e-mail address or a
    // name then meets a handful of shapes instead of all of them.
    let first = v.as_bytes()[0];
    let candidates = &BY_FIRST_BYTE[usize::from(first.min(128))];
    Some(
        candidates
            .iter()
            .map(|&i| &formats()[i])
            .find(|f| f.shapes.iter().any(|s| s.matches(v))),
    )
}

/// For each ASCII byte (and 128 for any other), the indices of the formats, in order, that
/// have a shape able to start with it.
static BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let starts = |shape: &Shape, b: u8| -> bool {
        let Some(piece) = shape.pieces.first() else {
            return true;
        };
        let set_has = |set: &str| {
            if b == 128 {
                !set.is_ascii()
            } else {
                set.as_bytes().contains(&b)
            }
        };
        match piece {
            Piece::Lit(s) => s
                .as_bytes()
                .first()
                .is_some_and(|&c| c == b || (b == 128 && c >= 128)),
            Piece::LitNoCase(s) => s
                .as_bytes()
                .first()
                .is_some_and(|&c| c.eq_ignore_ascii_case(&b) || (b == 128 && c >= 128)),
            Piece::OneOf(set) | Piece::Run(set, _) => set_has(set),
        }
    };
    (0..=128u8)
        .map(|b| {
            formats()
                .iter()
                .enumerate()
                .filter(|(_, f)| f.shapes.iter().any(|s| starts(s, b)))
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
});

/// Values applications store instead of a password, for an account that cannot log in with one
/// (a locked Unix account, Request Tracker's `*NO-PASSWORD*`): no password, as NULL or empty.
pub const LOCKED: &[&str] = &[
    "*",
    "!",
    "!!",
    "*LK*",
    "*NP*",
    "*LOCKED*",
    "*DISABLED*",
    "*NO-PASSWORD*",
];

/// The category of a stored value, as the SQL count names it: a format id, [`UNKNOWN`] or
/// [`PLAINTEXT`]; `None` for NULL or empty.
pub fn category(value: Option<&str>) -> Option<&'static str> {
    let v = value?;
    Some(match classify(Some(v))? {
        Some(f) => f.id,
        None if TOKEN.matches(v) => UNKNOWN,
        None => PLAINTEXT,
    })
}

/// The category of a value stored under a key/value attribute: what the attribute says, else
/// what the value shows. `None` for NULL or empty, or an attribute that holds no password.
pub fn attribute_category(name: &str, value: Option<&str>) -> Option<&'static str> {
    let shown = category(value)?;
    Some(match attribute(name)? {
        Attribute::Is(id) => id,
        Attribute::Shows(Some(fallback)) if matches!(shown, UNKNOWN | PLAINTEXT) => fallback,
        Attribute::Shows(_) => shown,
    })
}

/// The verdict of a category ([`category`]).
pub fn category_verdict(id: &str) -> Option<Verdict> {
    match id {
        UNKNOWN => Some(Verdict::Unknown),
        _ => format(id).map(|f| f.verdict),
    }
}

/// The verdict of a stored value; `None` for NULL or empty.
pub fn verdict(value: Option<&str>) -> Option<Verdict> {
    category_verdict(category(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(v: &str) -> &'static str {
        category(Some(v)).unwrap_or("none")
    }

    /// The first-byte index finds what trying every format finds: on an example of every
    /// shape (built from its pieces), in both cases, and on ordinary values.
    #[test]
    fn first_byte_index_agrees_with_a_full_scan() {
        let full = |v: &str| {
            formats()
                .iter()
                .find(|f| f.shapes.iter().any(|s| s.matches(v)))
        };
        let mut values: Vec<String> = [
            "jean.dupont@exemple.fr",
            "0612345678",
            "Soleil2024!",
            "é",
            "€uro",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for f in formats() {
            for shape in &f.shapes {
                let mut v = String::new();
                for piece in &shape.pieces {
                    match piece {
                        Piece::Lit(s) | Piece::LitNoCase(s) => v.push_str(s),
                        Piece::OneOf(set) => v.push(set.chars().next().unwrap_or('x')),
                        Piece::Run(set, n) => {
                            let c = set.chars().last().unwrap_or('x');
                            v.extend(std::iter::repeat_n(c, *n));
                        }
                    }
                }
                v.push_str("abc");
                values.push(v.to_lowercase());
                values.push(v.to_uppercase());
                values.push(v);
            }
        }
        for v in &values {
            let indexed = classify(Some(v)).flatten();
            let expected = if v.is_empty() || LOCKED.contains(&v.as_str()) {
                None
            } else {
                full(v)
            };
            assert_eq!(indexed.map(|f| f.id), expected.map(|f| f.id), "{v}");
        }
    }

    #[test]
    fn locked_account_markers_are_no_password() {
        for v in LOCKED {
            assert_eq!(category(Some(v)), None, "{v}");
        }
        assert_eq!(category(Some("Soleil2024!")), Some(PLAINTEXT));
        assert_eq!(category(Some("*Soleil*")), Some(PLAINTEXT));
    }

    #[test]
    fn classifies_the_formats_of_domain_6() {
        assert_eq!(
            id("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
            "argon2"
        );
        assert_eq!(
            id("$2b$12$KIXQJfNDT1iVvN7a0jz0cuB8H9fG6s9p1Gk1wD1nU5n3rY1bq2x9W"),
            "bcrypt"
        );
        assert_eq!(id("$2y$08$KIXQJfNDT1iVvN7a0jz0cu"), "bcrypt-low-cost");
        assert_eq!(id("bcrypt_sha256$$2b$12$abc"), "bcrypt");
        assert_eq!(id("$argon2id$v=19$m=19456,t=2,p=1$s$h"), "argon2");
        assert_eq!(
            id("$argon2id$v=19$m=19455,t=2,p=1$s$h"),
            "argon2-low-memory"
        );
        assert_eq!(id("$argon2i$v=19$m=512,t=2,p=2$s$h"), "argon2-low-memory");
        assert_eq!(id("argon2$argon2id$v=19$m=102400,t=2,p=8$s$h"), "argon2");
        assert_eq!(id("$argon2d$v=16$m=4096,t=3,p=1$s$h"), "argon2-low-memory");
        assert_eq!(id("{bcrypt}$2a$10$abc"), "bcrypt");
        assert_eq!(id("pbkdf2_sha256$600000$salt$hash="), "pbkdf2");
        assert_eq!(id("pbkdf2_sha256$1000000$salt$hash="), "pbkdf2");
        assert_eq!(
            id("pbkdf2_sha256$260000$salt$hash="),
            "pbkdf2-low-iterations"
        );
        assert_eq!(
            id("$pbkdf2-sha256$29000$N2bM$hash"),
            "pbkdf2-low-iterations"
        );
        assert_eq!(id("pbkdf2:sha256:600000$s$h"), "pbkdf2");
        assert_eq!(id("pbkdf2:sha256:260000$s$h"), "pbkdf2-low-iterations");
        assert_eq!(id(":pbkdf2:sha512:30000:64:s:h"), "pbkdf2-low-iterations");
        assert_eq!(id("{PBKDF2-SHA512}10000$s$h"), "pbkdf2-low-iterations");
        assert_eq!(id("{PBKDF2-SHA512}600000$s$h"), "pbkdf2");
        assert_eq!(
            id("SCRAM-SHA-256$4096:c2FsdA==$a:b"),
            "pbkdf2-low-iterations"
        );
        assert_eq!(id("{PKCS5S2}abc"), "pbkdf2-low-iterations");
        assert_eq!(
            id("$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4"),
            "scrypt"
        );
        assert_eq!(id("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o"), "yescrypt");
        assert_eq!(id("$6$rounds=5000$salt$hash"), "sha-crypt");
        assert_eq!(id("$5$salt$hash"), "sha-crypt");
        assert_eq!(id("{CRYPT}$6$salt$hash"), "sha-crypt");
        assert_eq!(id("$S$DabcdefghXYZ"), "drupal-sha512");
        assert_eq!(id("$1$salt$hash"), "md5crypt");
        assert_eq!(id("$P$Babcdefgh"), "phpass");
        assert_eq!(id("{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="), "ldap-sha");
        assert_eq!(id("{sha}W6ph5Mm5Pz8GgiULbPgzG37mj9g="), "ldap-sha");
        assert_eq!(id("{CRYPT}abJnggxhB/yWI"), "ldap-sha");
        assert_eq!(
            id("sha1$a1976$a36cc8cbf81742a8fb52e221aaeab48ed7f58ab4"),
            "salted-fast-hash"
        );
        assert_eq!(id("{noop}Soleil2024!"), PLAINTEXT);
        assert_eq!(id("5f4dcc3b5aa765d61d8327deb882cf99"), "md5-hex");
        assert_eq!(id("5F4DCC3B5AA765D61D8327DEB882CF99"), "md5-hex");
        assert_eq!(id("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"), "sha1-hex");
        assert_eq!(
            id("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"),
            "sha2-hex"
        );
        assert_eq!(id("X03MO1qnZdYdgyfeuILPmQ=="), "digest-base64");
        assert_eq!(id("Soleil2024!"), PLAINTEXT);
        assert_eq!(id("5f4dcc3b5aa765d61d8327deb882cf9"), UNKNOWN);
        assert_eq!(id(""), "none");
        assert!(classify(None).is_none());
    }

    #[test]
    fn tokens_are_unknown_words_and_short_passwords_are_clear() {
        for token in [
            "k8Jd0QmZ2xV7pLr4TnYw",
            "9f1c2e7a0b3d4c5e6f708192a3b4c5d6e7f8",
            "JBSWY3DPEHPK3PXPJBSWY3DP",
            "dGhpcyBpcyBub3QgYSBoYXNoIGJ1dCBpdCBpcyBsb25n",
        ] {
            assert_eq!(id(token), UNKNOWN, "{token}");
        }
        for chosen in [
            "Soleil2024!",
            "azerty",
            "motdepasse",
            "correct-horse-battery-staple",
            "mon mot de passe 2024 Secret",
            "12345678901234567890123",
        ] {
            assert_eq!(id(chosen), PLAINTEXT, "{chosen}");
        }
    }

    #[test]
    fn an_attribute_names_the_format_or_lets_the_value_show_it() {
        assert_eq!(
            attribute_category("Cleartext-Password", Some("$2y$10$abcdefghijklmnopqrstuu")),
            Some(PLAINTEXT)
        );
        assert_eq!(
            attribute_category("NT-Password", Some("8846f7eaee8fb117ad06bdd830b7586c")),
            Some("nt-hash")
        );
        assert_eq!(
            attribute_category("Crypt-Password", Some("$6$salt$hash")),
            Some("sha-crypt")
        );
        assert_eq!(
            attribute_category("Crypt-Password", Some("abJnggxhB/yWI")),
            Some("des-crypt")
        );
        assert_eq!(
            attribute_category("password", Some("azerty")),
            Some(PLAINTEXT)
        );
        assert_eq!(attribute_category("Simultaneous-Use", Some("1")), None);
        assert_eq!(attribute_category("Cleartext-Password", None), None);
        for (name, a) in ATTRIBUTES {
            assert_eq!(name.to_ascii_lowercase(), *name);
            if let Attribute::Is(id) | Attribute::Shows(Some(id)) = a {
                assert!(category_verdict(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(Some("$argon2id$v=19$x")), Some(Verdict::Ok));
        assert_eq!(verdict(Some("$6$x$y")), Some(Verdict::Warn));
        assert_eq!(verdict(Some("{SHA}x")), Some(Verdict::Weak));
        assert_eq!(verdict(Some("motdepasse")), Some(Verdict::Plaintext));
        assert_eq!(
            verdict(Some("k8Jd0QmZ2xV7pLr4TnYw")),
            Some(Verdict::Unknown)
        );
        assert_eq!(verdict(None), None);
    }

    #[test]
    fn format_ids_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for f in formats().iter().chain(NAMED_FORMATS.iter()) {
            assert!(seen.insert(f.id), "{}", f.id);
            assert!(
                f.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
        }
        assert!(formats().iter().all(|f| !f.shapes.is_empty()));
        assert!(!seen.contains(UNKNOWN));
    }
}
