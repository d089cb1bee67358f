//! How a stored password is protected, from the shape of the stored value (domain.md §6).
//!
//! - accepted: Argon2, bcrypt (cost ≥ 10), scrypt, yescrypt, PBKDF2 (Django `pbkdf2_sha256$`,
//!   passlib `$pbkdf2-sha256$`) with at least 600,000 iterations;
//! - to review (`Warn`): sha256crypt and sha512crypt (salted and iterated, not memory-hard), and
//!   an accepted function below its work factor (bcrypt cost < 10, PBKDF2 < 600,000 iterations);
//! - weak: md5crypt, LDAP `{SHA}`/`{SSHA}` and friends, Django's legacy salted MD5/SHA-1, and a
//!   bare hexadecimal digest of an MD5, SHA-1 or SHA-2 length, in either case;
//! - anything else that is not empty: plaintext. NULL or empty: no password (single sign-on).
//!
//! The formats are [`Shape`]s in a fixed order, the first that matches wins: the same list is
//! matched here on sampled values and rendered to SQL by [`crate::dialect`] to count rows per
//! format inside the database, so both always agree.

use super::shape::{DIGITS, HEX, Piece, Shape};
use std::sync::LazyLock;

/// What a format means for the people whose passwords it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Ok,
    /// Salted and slow, but below today's parameters or not memory-hard: plan a migration.
    Warn,
    /// Fast or unsalted: recoverable by brute force from a leak.
    Weak,
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
    /// Any of these shapes.
    pub shapes: Vec<Shape>,
}

/// The id of values that match no format: plaintext.
pub const PLAINTEXT: &str = "plaintext";

fn lit(s: &str) -> Piece {
    Piece::Lit(s.to_string())
}

fn digits(n: usize) -> Piece {
    Piece::Run(DIGITS.to_string(), n)
}

fn hex(n: usize) -> Shape {
    Shape {
        pieces: vec![Piece::Run(HEX.to_string(), n)],
        whole: true,
    }
}

/// The bcrypt prefixes: `$2a$`…, and Django's `bcrypt$`/`bcrypt_sha256$` wrappers.
fn bcrypt(cost: Vec<Piece>) -> Vec<Shape> {
    ["", "bcrypt$", "bcrypt_sha256$"]
        .iter()
        .map(|wrapper| {
            let mut pieces = vec![lit(&format!("{wrapper}$2")), Piece::OneOf("abxy".into())];
            pieces.push(lit("$"));
            pieces.extend(cost.iter().cloned());
            pieces.push(lit("$"));
            Shape {
                pieces,
                whole: false,
            }
        })
        .collect()
}

/// PBKDF2 prefixes: Django (`pbkdf2_sha256$600000$…`) and passlib (`$pbkdf2-sha256$29000$…`).
const PBKDF2_PREFIXES: [&str; 5] = [
    "pbkdf2_sha256$",
    "pbkdf2_sha1$",
    "$pbkdf2-sha256$",
    "$pbkdf2-sha512$",
    "$pbkdf2$",
];

/// Below 600,000 iterations: 1 to 5 digits, or 6 digits starting with 0–5; as a bare field
/// (Django, passlib) or as the PHC `i=` parameter (`$pbkdf2-sha256$i=4096,l=32$…`).
fn pbkdf2_low() -> Vec<Shape> {
    let mut shapes = Vec::new();
    for prefix in ["$pbkdf2-sha256$i=", "$pbkdf2-sha512$i=", "$pbkdf2$i="] {
        for n in 1..=5 {
            shapes.push(Shape {
                pieces: vec![lit(prefix), digits(n), Piece::OneOf(",$".into())],
                whole: false,
            });
        }
        shapes.push(Shape {
            pieces: vec![
                lit(prefix),
                Piece::OneOf("012345".into()),
                digits(5),
                Piece::OneOf(",$".into()),
            ],
            whole: false,
        });
    }
    for prefix in PBKDF2_PREFIXES {
        for n in 1..=5 {
            shapes.push(Shape {
                pieces: vec![lit(prefix), digits(n), lit("$")],
                whole: false,
            });
        }
        shapes.push(Shape {
            pieces: vec![
                lit(prefix),
                Piece::OneOf("012345".into()),
                digits(5),
                lit("$"),
            ],
            whole: false,
        });
    }
    shapes
}

static FORMATS: LazyLock<Vec<Format>> = LazyLock::new(|| {
    let prefixes = |list: &[&str]| list.iter().map(|p| Shape::prefix(p)).collect::<Vec<_>>();
    vec![
        Format {
            id: "argon2",
            label: "Argon2",
            verdict: Verdict::Ok,
            shapes: prefixes(&["$argon2id$", "$argon2i$", "$argon2d$", "argon2$argon2"]),
        },
        Format {
            id: "bcrypt-low-cost",
            label: "bcrypt with a cost below 10",
            verdict: Verdict::Warn,
            shapes: bcrypt(vec![lit("0"), digits(1)]),
        },
        Format {
            id: "bcrypt",
            label: "bcrypt",
            verdict: Verdict::Ok,
            shapes: bcrypt(vec![digits(2)]),
        },
        Format {
            id: "scrypt",
            label: "scrypt",
            verdict: Verdict::Ok,
            shapes: prefixes(&["$scrypt$", "$7$", "scrypt$"]),
        },
        Format {
            id: "yescrypt",
            label: "yescrypt",
            verdict: Verdict::Ok,
            shapes: prefixes(&["$y$", "$gy$"]),
        },
        Format {
            id: "pbkdf2-low-iterations",
            label: "PBKDF2 with fewer than 600,000 iterations",
            verdict: Verdict::Warn,
            shapes: pbkdf2_low(),
        },
        Format {
            id: "pbkdf2",
            label: "PBKDF2",
            verdict: Verdict::Ok,
            shapes: prefixes(&PBKDF2_PREFIXES),
        },
        Format {
            id: "sha-crypt",
            label: "sha256crypt or sha512crypt (not memory-hard)",
            verdict: Verdict::Warn,
            shapes: prefixes(&["$5$", "$6$"]),
        },
        Format {
            id: "md5crypt",
            label: "md5crypt",
            verdict: Verdict::Weak,
            shapes: prefixes(&["$1$", "$apr1$"]),
        },
        Format {
            id: "ldap-sha",
            label: "LDAP {SHA}/{SSHA}/{MD5} scheme",
            verdict: Verdict::Weak,
            shapes: [
                "{SHA}",
                "{SSHA}",
                "{SHA256}",
                "{SSHA256}",
                "{SHA512}",
                "{SSHA512}",
                "{MD5}",
                "{SMD5}",
            ]
            .iter()
            .map(|p| Shape {
                pieces: vec![Piece::LitNoCase(p.to_string())],
                whole: false,
            })
            .collect(),
        },
        Format {
            id: "salted-fast-hash",
            label: "salted MD5 or SHA-1 (Django legacy hashers)",
            verdict: Verdict::Weak,
            shapes: prefixes(&["sha1$", "md5$", "unsalted_md5$", "unsalted_sha1$", "crypt$"]),
        },
        Format {
            id: "md5-hex",
            label: "a bare hexadecimal digest of MD5's length",
            verdict: Verdict::Weak,
            shapes: vec![hex(32)],
        },
        Format {
            id: "sha1-hex",
            label: "a bare hexadecimal digest of SHA-1's length",
            verdict: Verdict::Weak,
            shapes: vec![hex(40)],
        },
        Format {
            id: "sha2-hex",
            label: "a bare hexadecimal digest of a SHA-2 length",
            verdict: Verdict::Weak,
            shapes: vec![hex(56), hex(64), hex(96), hex(128)],
        },
    ]
});

/// Every format, in matching order (first match wins).
pub fn formats() -> &'static [Format] {
    &FORMATS
}

/// The format of a stored value: `None` for NULL or empty (no password), `Some(None)` for
/// plaintext, `Some(Some(format))` for a recognised format.
pub fn classify(value: Option<&str>) -> Option<Option<&'static Format>> {
    let v = value?;
    if v.is_empty() {
        return None;
    }
    Some(
        formats()
            .iter()
            .find(|f| f.shapes.iter().any(|s| s.matches(v))),
    )
}

/// The verdict of a stored value; `None` for NULL or empty.
pub fn verdict(value: Option<&str>) -> Option<Verdict> {
    classify(value).map(|f| f.map_or(Verdict::Plaintext, |f| f.verdict))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(v: &str) -> &'static str {
        match classify(Some(v)) {
            None => "none",
            Some(None) => PLAINTEXT,
            Some(Some(f)) => f.id,
        }
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
        assert_eq!(
            id("$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4"),
            "scrypt"
        );
        assert_eq!(id("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o"), "yescrypt");
        assert_eq!(id("$6$rounds=5000$salt$hash"), "sha-crypt");
        assert_eq!(id("$5$salt$hash"), "sha-crypt");
        assert_eq!(id("$1$salt$hash"), "md5crypt");
        assert_eq!(id("{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="), "ldap-sha");
        assert_eq!(id("{sha}W6ph5Mm5Pz8GgiULbPgzG37mj9g="), "ldap-sha");
        assert_eq!(
            id("sha1$a1976$a36cc8cbf81742a8fb52e221aaeab48ed7f58ab4"),
            "salted-fast-hash"
        );
        assert_eq!(id("5f4dcc3b5aa765d61d8327deb882cf99"), "md5-hex");
        assert_eq!(id("5F4DCC3B5AA765D61D8327DEB882CF99"), "md5-hex");
        assert_eq!(id("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"), "sha1-hex");
        assert_eq!(
            id("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"),
            "sha2-hex"
        );
        assert_eq!(id("Soleil2024!"), PLAINTEXT);
        assert_eq!(id("5f4dcc3b5aa765d61d8327deb882cf9"), PLAINTEXT);
        assert_eq!(id(""), "none");
        assert!(classify(None).is_none());
    }

    #[test]
    fn verdicts() {
        assert_eq!(verdict(Some("$argon2id$v=19$x")), Some(Verdict::Ok));
        assert_eq!(verdict(Some("$6$x$y")), Some(Verdict::Warn));
        assert_eq!(verdict(Some("{SHA}x")), Some(Verdict::Weak));
        assert_eq!(verdict(Some("motdepasse")), Some(Verdict::Plaintext));
        assert_eq!(verdict(None), None);
    }

    #[test]
    fn format_ids_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for f in formats() {
            assert!(seen.insert(f.id), "{}", f.id);
            assert!(
                f.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
            assert!(!f.shapes.is_empty());
        }
        assert!(!seen.contains(PLAINTEXT));
    }
}
