//! Value shapes ([`crate::text::shape::Shape`]) as SQL predicates, so rows are counted by
//! format inside the database and no stored value travels to vigie.
//!
//! PostgreSQL has POSIX regular expressions (`~`), MySQL and MariaDB `REGEXP` made
//! case-sensitive by `(?-i)`; SQLite has neither built in, but its `GLOB` is case-sensitive with
//! character classes, which is all a shape needs (a fixed run of hex digits becomes a length test and a negated class,
//! rather than 128 repeated classes). Case-insensitive literals are spelled as classes
//! (`[sS][hH][aA]`) in every dialect, so one rendering rule fits all three.

use super::Dialect;
use crate::text::shape::{Piece, Shape, Token};

/// Characters with a meaning in a POSIX regular expression.
fn regex_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A bracket expression listing `set`; `]`, `^`, `-` and `\` placed or escaped so they are
/// literal in both POSIX classes and `GLOB` classes.
fn class(set: &str, regex: bool) -> String {
    let mut chars: Vec<char> = set.chars().collect();
    chars.dedup();
    let mut out = String::from("[");
    if chars.contains(&']') {
        out.push(']');
    }
    for &c in &chars {
        match c {
            ']' | '-' | '^' => {}
            '\\' if regex => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    if chars.contains(&'^') {
        out.push('^');
    }
    if chars.contains(&'-') {
        out.push('-');
    }
    out.push(']');
    out
}

fn no_case(s: &str, regex: bool, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            out.push('[');
            out.push(c.to_ascii_lowercase());
            out.push(c.to_ascii_uppercase());
            out.push(']');
        } else if regex {
            regex_escape(&c.to_string(), out);
        } else {
            glob_escape(&c.to_string(), out);
        }
    }
}

/// The body of a POSIX regular expression for one shape (without `^`).
fn regex_body(shape: &Shape) -> String {
    let mut out = String::new();
    for piece in &shape.pieces {
        match piece {
            Piece::Lit(s) => regex_escape(s, &mut out),
            Piece::LitNoCase(s) => no_case(s, true, &mut out),
            Piece::OneOf(set) => out.push_str(&class(set, true)),
            Piece::Run(set, n) => out.push_str(&format!("{}{{{n}}}", class(set, true))),
        }
    }
    if shape.whole {
        out.push('$');
    }
    out
}

/// `*`, `?` and `[` are the only special characters of `GLOB` outside a class.
fn glob_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '*' => out.push_str("[*]"),
            '?' => out.push_str("[?]"),
            '[' => out.push_str("[[]"),
            c => out.push(c),
        }
    }
}

/// Runs longer than this are written `?` in the `GLOB` and tested apart with `substr`, so a
/// 64-character base64 run is one short test rather than 64 copies of its class.
const GLOB_RUN: usize = 8;

/// The `GLOB` pattern of a shape, and the runs it leaves to `substr` tests as
/// `(1-based position, length, set)`.
fn glob(shape: &Shape) -> (String, Vec<(usize, usize, &str)>) {
    let mut out = String::new();
    let mut runs = Vec::new();
    let mut pos = 1;
    for piece in &shape.pieces {
        match piece {
            Piece::Lit(s) => glob_escape(s, &mut out),
            Piece::LitNoCase(s) => no_case(s, false, &mut out),
            Piece::OneOf(set) => out.push_str(&class(set, false)),
            Piece::Run(set, n) if *n > GLOB_RUN => {
                out.push_str(&"?".repeat(*n));
                runs.push((pos, *n, set.as_str()));
            }
            Piece::Run(set, n) => {
                let c = class(set, false);
                for _ in 0..*n {
                    out.push_str(&c);
                }
            }
        }
        pos += piece.width();
    }
    if !shape.whole {
        out.push('*');
    }
    (out, runs)
}

/// Whether a regular expression finds `pattern` (unanchored) in `column`, case-sensitively.
fn regex_finds(d: Dialect, column: &str, pattern: &str) -> String {
    match d {
        Dialect::Postgres => format!("{column} ~ {}", d.quote_literal(pattern)),
        _ => format!(
            "{column} REGEXP {}",
            d.quote_literal(&format!("(?-i){pattern}"))
        ),
    }
}

/// The length past which a regular expression's alternatives go on another line.
const REGEX_LINE: usize = 200;

impl Dialect {
    /// A predicate true when the text in `column` has any of these shapes (false for NULL).
    pub fn has_shape(self, column: &str, shapes: &[Shape]) -> String {
        if shapes.is_empty() {
            return "(1 = 0)".into();
        }
        match self {
            Dialect::Postgres | Dialect::Mysql => {
                let bodies: Vec<String> = shapes.iter().map(regex_body).collect();
                // Alternatives are grouped into patterns of a readable length, one per line:
                // a person reviews the query a report shows.
                let mut groups: Vec<Vec<&str>> = vec![Vec::new()];
                let mut len = 0;
                for b in &bodies {
                    if len + b.len() > REGEX_LINE && groups.last().is_some_and(|g| !g.is_empty()) {
                        groups.push(Vec::new());
                        len = 0;
                    }
                    len += b.len() + 1;
                    if let Some(g) = groups.last_mut() {
                        g.push(b);
                    }
                }
                let tests: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        let pattern = if g.len() == 1 {
                            format!("^{}", g[0])
                        } else {
                            format!("^({})", g.join("|"))
                        };
                        match self {
                            Dialect::Postgres => format!(
                                "COALESCE({column} ~ {}, false)",
                                self.quote_literal(&pattern)
                            ),
                            // `(?-i)`: case-sensitive whatever the collation, in MariaDB's
                            // PCRE and MySQL 8's ICU alike (MariaDB has no `REGEXP_LIKE`).
                            _ => format!(
                                "COALESCE({column} REGEXP {}, false)",
                                self.quote_literal(&format!("(?-i){pattern}"))
                            ),
                        }
                    })
                    .collect();
                if tests.len() == 1 {
                    tests[0].clone()
                } else {
                    format!("({})", tests.join("\n    OR "))
                }
            }
            Dialect::Sqlite => {
                let parts: Vec<String> = shapes
                    .iter()
                    .map(|s| match s.as_whole_run() {
                        Some((set, n)) => {
                            let negated = class(set, false).replacen('[', "[^", 1);
                            format!(
                                // `NOT (x GLOB …)`: sqlparser reads no `NOT GLOB`.
                                "(length({column}) = {n} AND NOT ({column} GLOB {}))",
                                self.quote_literal(&format!("*{negated}*"))
                            )
                        }
                        None => {
                            let (pattern, runs) = glob(s);
                            let mut test =
                                format!("{column} GLOB {}", self.quote_literal(&pattern));
                            for (pos, n, set) in runs {
                                let negated = class(set, false).replacen('[', "[^", 1);
                                test.push_str(&format!(
                                    " AND NOT (substr({column}, {pos}, {n}) GLOB {})",
                                    self.quote_literal(&format!("*{negated}*"))
                                ));
                            }
                            if test.contains(" AND ") {
                                format!("({test})")
                            } else {
                                test
                            }
                        }
                    })
                    .collect();
                format!("COALESCE({}, 0)", parts.join("\n    OR "))
            }
        }
    }
}

impl Dialect {
    /// A predicate true when the text in `column` is a [`Token`] (false for NULL): long
    /// enough, printable ASCII without a space, and at least `min_classes` of lower case, upper
    /// case and digits. Ranges (`a-z`, `!-~`) are by code point in the three engines' patterns.
    pub fn is_token(self, column: &str, token: &Token) -> String {
        let finds = |class: &str| match self {
            Dialect::Sqlite => format!("{column} GLOB '*{class}*'"),
            _ => regex_finds(self, column, class),
        };
        let classes: Vec<String> = ["[a-z]", "[A-Z]", "[0-9]"]
            .iter()
            .map(|c| format!("CASE WHEN {} THEN 1 ELSE 0 END", finds(c)))
            .collect();
        format!(
            "COALESCE(length({column}) >= {} AND NOT ({})\n    AND ({}) >= {}, {})",
            token.min_len,
            finds("[^!-~]"),
            classes.join("\n      + "),
            token.min_classes,
            if self == Dialect::Sqlite {
                "0"
            } else {
                "false"
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::shape::{DIGITS, HEX};

    fn bcrypt() -> Shape {
        Shape {
            pieces: vec![
                Piece::Lit("$2".into()),
                Piece::OneOf("abxy".into()),
                Piece::Lit("$".into()),
                Piece::Run(DIGITS.into(), 2),
                Piece::Lit("$".into()),
            ],
            whole: false,
        }
    }

    #[test]
    fn renders_regex_and_glob() {
        assert_eq!(
            Dialect::Postgres.has_shape("t.p", &[bcrypt()]),
            "COALESCE(t.p ~ '^\\$2[abxy]\\$[0123456789]{2}\\$', false)"
        );
        assert_eq!(
            Dialect::Sqlite.has_shape("t.p", &[bcrypt()]),
            "COALESCE(t.p GLOB '$2[abxy]$[0123456789][0123456789]$*', 0)"
        );
        let hex = Shape {
            pieces: vec![Piece::Run(HEX.into(), 32)],
            whole: true,
        };
        assert_eq!(
            Dialect::Sqlite.has_shape("p", &[hex]),
            "COALESCE((length(p) = 32 AND NOT (p GLOB '*[^0123456789abcdefABCDEF]*')), 0)"
        );
        let ldap = Shape {
            pieces: vec![Piece::LitNoCase("{SHA}".into())],
            whole: false,
        };
        assert_eq!(
            Dialect::Postgres.has_shape("p", &[ldap.clone(), Shape::prefix("$1$")]),
            "COALESCE(p ~ '^(\\{[sS][hH][aA]\\}|\\$1\\$)', false)"
        );
        assert_eq!(
            Dialect::Sqlite.has_shape("p", &[ldap, Shape::prefix("a*b")]),
            "COALESCE(p GLOB '{[sS][hH][aA]}*'\n    OR p GLOB 'a[*]b*', 0)"
        );
    }

    #[test]
    fn generated_predicates_pass_the_read_only_guard() {
        for d in [Dialect::Postgres, Dialect::Sqlite] {
            for f in crate::text::passwords::formats() {
                let sql = format!(
                    "SELECT count(*) FROM t WHERE {}",
                    d.has_shape("t.p", &f.shapes)
                );
                super::super::guard::check_query(&sql, d)
                    .unwrap_or_else(|e| panic!("{} {}: {e}\n{sql}", d.name(), f.id));
            }
        }
    }
}
