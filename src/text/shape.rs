//! A tiny pattern language for the shapes of stored values (`$2b$12$…`, 32 hex digits), that
//! both Rust and SQL can evaluate.
//!
//! Password formats are recognised in two places: in Rust on sampled values (`vigie discover`),
//! and in the database, where the password rules count rows by format without moving a single
//! hash to the client. Writing each format once as a [`Shape`], matched here and rendered to a
//! PostgreSQL regular expression or a SQLite `GLOB` by [`crate::dialect`], keeps the two from
//! drifting apart. The language has only what both sides express exactly: literals, character
//! sets, fixed repetitions, and "anything after" or "nothing after".

/// One piece of a shape, matched left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// These characters, exactly.
    Lit(String),
    /// These ASCII characters, in any case (`{SSHA}`, `{ssha}`).
    LitNoCase(String),
    /// One character from this set.
    OneOf(String),
    /// Exactly `n` characters from this set.
    Run(String, usize),
}

/// A value matches when it starts with the pieces and, if `whole`, has nothing after them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    pub pieces: Vec<Piece>,
    pub whole: bool,
}

pub const DIGITS: &str = "0123456789";
pub const HEX: &str = "0123456789abcdefABCDEF";
/// The standard base64 alphabet, without its padding `=`.
pub const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Piece {
    /// How many characters the piece matches: every piece has a fixed length, so SQL can
    /// address a run by its position.
    pub fn width(&self) -> usize {
        match self {
            Piece::Lit(s) | Piece::LitNoCase(s) => s.chars().count(),
            Piece::OneOf(_) => 1,
            Piece::Run(_, n) => *n,
        }
    }
}

impl Shape {
    /// A value that starts with `prefix`.
    pub fn prefix(prefix: &str) -> Shape {
        Shape {
            pieces: vec![Piece::Lit(prefix.to_string())],
            whole: false,
        }
    }

    /// Whether `value` has this shape.
    pub fn matches(&self, value: &str) -> bool {
        let mut rest = value;
        for piece in &self.pieces {
            match piece {
                Piece::Lit(s) => match rest.strip_prefix(s.as_str()) {
                    Some(r) => rest = r,
                    None => return false,
                },
                Piece::LitNoCase(s) => {
                    if rest.len() < s.len()
                        || !rest.is_char_boundary(s.len())
                        || !rest[..s.len()].eq_ignore_ascii_case(s)
                    {
                        return false;
                    }
                    rest = &rest[s.len()..];
                }
                Piece::OneOf(set) => {
                    let mut chars = rest.chars();
                    match chars.next() {
                        Some(c) if set.contains(c) => rest = chars.as_str(),
                        _ => return false,
                    }
                }
                Piece::Run(set, n) => {
                    let mut chars = rest.chars();
                    for _ in 0..*n {
                        match chars.next() {
                            Some(c) if set.contains(c) => {}
                            _ => return false,
                        }
                    }
                    rest = chars.as_str();
                }
            }
        }
        !self.whole || rest.is_empty()
    }

    /// A shape that is one run of `n` characters of `set` and nothing else, as
    /// `(set, n)`: SQL renders it with a length test instead of `n` repeated classes.
    pub fn as_whole_run(&self) -> Option<(&str, usize)> {
        match self.pieces.as_slice() {
            [Piece::Run(set, n)] if self.whole => Some((set.as_str(), *n)),
            _ => None,
        }
    }
}

/// A value that looks generated rather than chosen: at least `min_len` characters, all
/// printable ASCII with no space (`!` to `~`), and at least `min_classes` of the three classes
/// lower case, upper case and digits. Hex, base64, base64url and base32 strings of that length
/// are tokens; a word, a sentence or a short password is not. Rendered to SQL by
/// [`crate::dialect::Dialect::is_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub min_len: usize,
    pub min_classes: usize,
}

impl Token {
    /// Whether `value` is such a token.
    pub fn matches(&self, value: &str) -> bool {
        let printable = value.bytes().all(|b| (b'!'..=b'~').contains(&b));
        let classes = [
            value.bytes().any(|b| b.is_ascii_lowercase()),
            value.bytes().any(|b| b.is_ascii_uppercase()),
            value.bytes().any(|b| b.is_ascii_digit()),
        ];
        printable
            && value.len() >= self.min_len
            && classes.iter().filter(|&&c| c).count() >= self.min_classes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_pieces_in_order() {
        let bcrypt = Shape {
            pieces: vec![
                Piece::Lit("$2".into()),
                Piece::OneOf("abxy".into()),
                Piece::Lit("$".into()),
                Piece::Run(DIGITS.into(), 2),
                Piece::Lit("$".into()),
            ],
            whole: false,
        };
        assert!(bcrypt.matches("$2b$12$abc"));
        assert!(!bcrypt.matches("$2c$12$abc"));
        assert!(!bcrypt.matches("$2b$1$abc"));
        let md5 = Shape {
            pieces: vec![Piece::Run(HEX.into(), 32)],
            whole: true,
        };
        assert!(md5.matches("5F4DCC3B5AA765D61D8327DEB882CF99"));
        assert!(!md5.matches("5f4dcc3b5aa765d61d8327deb882cf99a"));
        assert_eq!(md5.as_whole_run(), Some((HEX, 32)));
        let ldap = Shape {
            pieces: vec![Piece::LitNoCase("{SSHA}".into())],
            whole: false,
        };
        assert!(ldap.matches("{ssha}abc"));
        assert!(!ldap.matches("{SSH"));
        assert!(!ldap.matches("é{SSHA}"));
    }
}
