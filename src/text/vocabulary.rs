//! The column-name vocabulary as data: `rules/vocabulary/names.toml`, embedded at build time,
//! parsed once and validated into the word lists and ordered rules that [`super::names`] matches
//! names against.
//!
//! The schema is documented at the top of the TOML file. It is parsed into raw serde types with
//! `deny_unknown_fields` first, then validated: every error names the file and the entry (an
//! unknown category or type, an empty or unmatchable pattern, a word twice in a list, a pattern
//! claimed by two rules), so a mistake fails loudly rather than silently matching nothing.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::names::ColumnCategory;

/// Path of the embedded vocabulary, as errors name it.
pub const FILE: &str = "rules/vocabulary/names.toml";
pub(crate) const SOURCE: &str = include_str!("../../rules/vocabulary/names.toml");

/// The embedded vocabulary, parsed and validated on first use. A unit test loads it, so an
/// invalid entry fails the build's tests, never a scan.
pub(crate) static VOCABULARY: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(FILE, SOURCE).unwrap_or_else(|e| panic!("{e}")));

/// Errors in a vocabulary file.
#[derive(Debug, thiserror::Error)]
pub enum VocabularyError {
    #[error("{file}: invalid vocabulary TOML: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: {entry}: {reason}")]
    Entry {
        file: String,
        entry: String,
        reason: String,
    },
}

/// Type requirement of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    /// Any type.
    Any,
    /// A value that is a string or a number (identifiers, phone, postcode): not a boolean nor a
    /// date.
    Value,
    /// A string (or unknown, enum, binary): names, e-mail, address.
    Stringy,
    /// Free text: a text type long enough to hold a sentence (or unknown).
    FreeText,
    /// A secret: text or binary (or unknown).
    Secret,
    /// Date-like: dates best, strings and numbers tolerated, never booleans.
    DateLike,
}

impl Ty {
    const NAMES: [(&'static str, Ty); 6] = [
        ("any", Ty::Any),
        ("value", Ty::Value),
        ("string", Ty::Stringy),
        ("free-text", Ty::FreeText),
        ("secret", Ty::Secret),
        ("date-like", Ty::DateLike),
    ];
}

/// One vocabulary rule. `pats` are token sequences written with `_` (`date_naissance` matches
/// the tokens `date`, `naissance` next to each other).
pub(crate) struct Rule {
    pub cat: ColumnCategory,
    pub pats: Vec<String>,
    /// Any of these tokens anywhere in the name vetoes the rule.
    pub veto: Vec<String>,
    pub ty: Ty,
    pub conf: f32,
    pub label: String,
}

/// A word list, in file order.
#[derive(Debug, Default)]
pub(crate) struct Words(Vec<String>);

impl Words {
    pub fn contains(&self, word: &str) -> bool {
        self.0.iter().any(|w| w == word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// The word lists of `[words]`; each is described in the TOML file.
#[derive(Debug, Default)]
pub(crate) struct WordLists {
    pub technical: Words,
    pub thing_words: Words,
    pub person_words: Words,
    pub person_tables: Words,
    pub thing_tables: Words,
    pub organisation_tables: Words,
    pub own_tables: Words,
    pub machine_tables: Words,
    pub message_tables: Words,
    pub session_tables: Words,
    pub glue_words: Words,
    pub lead_tables: Words,
    pub bookkeeping: Words,
    pub not_personal: Words,
    pub medical: Words,
    pub comment: Words,
    pub comment_weak: Words,
    pub comment_body: Words,
    pub grade: Words,
    pub origin_lead: Words,
}

/// The validated vocabulary.
pub(crate) struct Vocabulary {
    pub words: WordLists,
    /// Ordered: the first that matches wins.
    pub rules: Vec<Rule>,
}

// ---------------------------------------------------------------------------------------------
// Raw serde types

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    words: RawWords,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    technical: Vec<String>,
    thing_words: Vec<String>,
    person_words: Vec<String>,
    person_tables: Vec<String>,
    thing_tables: Vec<String>,
    organisation_tables: Vec<String>,
    own_tables: Vec<String>,
    machine_tables: Vec<String>,
    message_tables: Vec<String>,
    session_tables: Vec<String>,
    glue_words: Vec<String>,
    lead_tables: Vec<String>,
    bookkeeping: Vec<String>,
    not_personal: Vec<String>,
    medical: Vec<String>,
    comment: Vec<String>,
    comment_weak: Vec<String>,
    comment_body: Vec<String>,
    grade: Vec<String>,
    origin_lead: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    category: String,
    label: String,
    #[serde(rename = "type")]
    ty: String,
    confidence: f32,
    patterns: Vec<String>,
    #[serde(default)]
    veto: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Validation

/// Why a word or phrase can never match a tokenised name, if it cannot: names are split into
/// lower-case, accent-folded words on `_`, `-`, camelCase and letter/digit boundaries.
fn unmatchable(phrase: &str, single: bool) -> Option<String> {
    if phrase.is_empty() {
        return Some("empty".into());
    }
    if single && phrase.contains('_') {
        return Some("this list holds single words, not `_` phrases".into());
    }
    for word in phrase.split('_') {
        if word.is_empty() {
            return Some("an empty word (`_` at an end, or `__`)".into());
        }
        if let Some(c) = word
            .chars()
            .find(|c| !c.is_ascii_lowercase() && !c.is_ascii_digit())
        {
            return Some(format!(
                "`{c}`: names are matched in lower case without accents, word by word (a-z, 0-9)"
            ));
        }
        let b = word.as_bytes();
        if b.windows(2)
            .any(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit())
        {
            return Some(
                "a letter next to a digit never matches: names are split there (`cvv2` is `cvv`, `2`); write `_` between them"
                    .into(),
            );
        }
    }
    None
}

impl Vocabulary {
    /// Parses and validates a vocabulary file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Vocabulary, VocabularyError> {
        let raw: RawFile = toml::from_str(text).map_err(|source| VocabularyError::Toml {
            file: file.to_string(),
            source,
        })?;
        let err = |entry: String, reason: String| VocabularyError::Entry {
            file: file.to_string(),
            entry,
            reason,
        };
        let list = |name: &str, words: Vec<String>, single: bool| {
            let mut seen = std::collections::HashSet::new();
            for w in &words {
                if let Some(why) = unmatchable(w, single) {
                    return Err(err(format!("words.{name}, word `{w}`"), why));
                }
                if !seen.insert(w.as_str()) {
                    return Err(err(
                        format!("words.{name}, word `{w}`"),
                        "twice in the list".into(),
                    ));
                }
            }
            Ok(Words(words))
        };
        let w = raw.words;
        let words = WordLists {
            technical: list("technical", w.technical, true)?,
            thing_words: list("thing_words", w.thing_words, true)?,
            person_words: list("person_words", w.person_words, true)?,
            person_tables: list("person_tables", w.person_tables, true)?,
            thing_tables: list("thing_tables", w.thing_tables, true)?,
            organisation_tables: list("organisation_tables", w.organisation_tables, true)?,
            own_tables: list("own_tables", w.own_tables, true)?,
            machine_tables: list("machine_tables", w.machine_tables, true)?,
            message_tables: list("message_tables", w.message_tables, true)?,
            session_tables: list("session_tables", w.session_tables, true)?,
            glue_words: list("glue_words", w.glue_words, true)?,
            lead_tables: list("lead_tables", w.lead_tables, true)?,
            bookkeeping: list("bookkeeping", w.bookkeeping, false)?,
            not_personal: list("not_personal", w.not_personal, false)?,
            medical: list("medical", w.medical, false)?,
            comment: list("comment", w.comment, false)?,
            comment_weak: list("comment_weak", w.comment_weak, false)?,
            comment_body: list("comment_body", w.comment_body, true)?,
            grade: list("grade", w.grade, true)?,
            origin_lead: list("origin_lead", w.origin_lead, true)?,
        };
        if let Some(weak) = words
            .comment_weak
            .iter()
            .find(|x| !words.comment.contains(x))
        {
            return Err(err(
                format!("words.comment_weak, word `{weak}`"),
                "not a word of `comment`: it would never be looked at".into(),
            ));
        }

        let mut rules = Vec::with_capacity(raw.rule.len());
        // Pattern → the rule (index, label) that has it.
        let mut claimed: HashMap<String, (usize, String)> = HashMap::new();
        for (i, r) in raw.rule.into_iter().enumerate() {
            let n = i + 1;
            let entry = format!("rule {n} (`{}`)", r.label);
            let cat = ColumnCategory::ALL
                .into_iter()
                .find(|c| c.as_str() == r.category)
                .ok_or_else(|| {
                    let known: Vec<&str> = ColumnCategory::ALL.iter().map(|c| c.as_str()).collect();
                    err(
                        entry.clone(),
                        format!(
                            "unknown category `{}` (known: {})",
                            r.category,
                            known.join(", ")
                        ),
                    )
                })?;
            let ty = Ty::NAMES
                .iter()
                .find(|(name, _)| *name == r.ty)
                .map(|(_, ty)| *ty)
                .ok_or_else(|| {
                    let known: Vec<&str> = Ty::NAMES.iter().map(|(name, _)| *name).collect();
                    err(
                        entry.clone(),
                        format!("unknown type `{}` (known: {})", r.ty, known.join(", ")),
                    )
                })?;
            if r.label.trim().is_empty() {
                return Err(err(entry, "empty label".into()));
            }
            if !(r.confidence > 0.0 && r.confidence <= 1.0) {
                return Err(err(
                    entry,
                    format!(
                        "confidence {} is not within 0 (excluded) and 1",
                        r.confidence
                    ),
                ));
            }
            if r.patterns.is_empty() {
                return Err(err(entry, "no pattern".into()));
            }
            for (what, phrases) in [("pattern", &r.patterns), ("veto", &r.veto)] {
                let mut seen = std::collections::HashSet::new();
                for p in phrases {
                    if let Some(why) = unmatchable(p, false) {
                        return Err(err(format!("{entry}, {what} `{p}`"), why));
                    }
                    if !seen.insert(p.as_str()) {
                        return Err(err(
                            format!("{entry}, {what} `{p}`"),
                            "twice in the rule".into(),
                        ));
                    }
                }
            }
            for p in &r.patterns {
                if let Some((m, label)) = claimed.get(p) {
                    return Err(err(
                        format!("{entry}, pattern `{p}`"),
                        format!("already a pattern of rule {m} (`{label}`), which is tried first"),
                    ));
                }
                claimed.insert(p.clone(), (n, r.label.clone()));
            }
            rules.push(Rule {
                cat,
                pats: r.patterns,
                veto: r.veto,
                ty,
                conf: r.confidence,
                label: r.label,
            });
        }
        Ok(Vocabulary { words, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_vocabulary_is_valid() {
        let v = Vocabulary::parse(FILE, SOURCE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.rules.len(), 39);
        let patterns: usize = v.rules.iter().map(|r| r.pats.len()).sum();
        let vetoes: usize = v.rules.iter().map(|r| r.veto.len()).sum();
        assert_eq!((patterns, vetoes), (1041, 378));
        assert!(v.words.technical.contains("id"));
        assert_eq!(v.rules[0].cat, ColumnCategory::Ip);
        assert_eq!(v.rules[0].ty, Ty::Value);
        assert_eq!(v.rules[0].conf, 0.9);
    }

    /// A minimal valid file: the `[words]` lines given (every other list empty) and one rule.
    fn file_with(words: &str, rule: &str) -> String {
        let lists = [
            "technical",
            "thing_words",
            "person_words",
            "person_tables",
            "thing_tables",
            "organisation_tables",
            "own_tables",
            "machine_tables",
            "message_tables",
            "session_tables",
            "glue_words",
            "lead_tables",
            "bookkeeping",
            "not_personal",
            "medical",
            "comment",
            "comment_weak",
            "comment_body",
            "grade",
            "origin_lead",
        ];
        let mut s = String::from("[words]\n");
        for l in lists {
            let line = words
                .lines()
                .find(|x| x.starts_with(&format!("{l} =")))
                .map(str::to_string)
                .unwrap_or_else(|| format!("{l} = []"));
            s.push_str(&line);
            s.push('\n');
        }
        s.push_str("\n[[rule]]\n");
        s.push_str(rule);
        s
    }

    const RULE: &str = "category = \"email\"\nlabel = \"e-mail\"\ntype = \"string\"\nconfidence = 0.95\npatterns = [\"email\", \"adresse_mail\"]\n";

    fn error_of(text: &str) -> String {
        match Vocabulary::parse("names.toml", text) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_minimal_file_is_valid() {
        let v = Vocabulary::parse("names.toml", &file_with("technical = [\"id\"]", RULE)).unwrap();
        assert_eq!(v.rules.len(), 1);
        assert_eq!(v.rules[0].pats, ["email", "adresse_mail"]);
    }

    #[test]
    fn errors_name_the_file_and_the_entry() {
        let cases = [
            (
                file_with("", &RULE.replace("\"email\"\nlabel", "\"e-mail\"\nlabel")),
                "names.toml: rule 1 (`e-mail`): unknown category `e-mail`",
            ),
            (
                file_with("", &RULE.replace("\"string\"", "\"text\"")),
                "names.toml: rule 1 (`e-mail`): unknown type `text`",
            ),
            (
                file_with("", &RULE.replace("[\"email\", ", "[\"\", ")),
                "names.toml: rule 1 (`e-mail`), pattern ``: empty",
            ),
            (
                file_with("", &RULE.replace("\"adresse_mail\"", "\"email\"")),
                "names.toml: rule 1 (`e-mail`), pattern `email`: twice in the rule",
            ),
            (
                file_with("", &RULE.replace("\"adresse_mail\"", "\"email2\"")),
                "names.toml: rule 1 (`e-mail`), pattern `email2`: a letter next to a digit",
            ),
            (
                file_with("", &RULE.replace("\"adresse_mail\"", "\"Courriel\"")),
                "names.toml: rule 1 (`e-mail`), pattern `Courriel`: `C`",
            ),
            (
                file_with("", &RULE.replace("\"adresse_mail\"", "\"adresse__mail\"")),
                "names.toml: rule 1 (`e-mail`), pattern `adresse__mail`: an empty word",
            ),
            (
                file_with("", &format!("{RULE}veto = [\"type\", \"type\"]\n")),
                "names.toml: rule 1 (`e-mail`), veto `type`: twice in the rule",
            ),
            (
                file_with("", &RULE.replace("0.95", "1.5")),
                "names.toml: rule 1 (`e-mail`): confidence 1.5",
            ),
            (
                file_with("", &RULE.replace("[\"email\", \"adresse_mail\"]", "[]")),
                "names.toml: rule 1 (`e-mail`): no pattern",
            ),
            (
                file_with(
                    "",
                    &format!(
                        "{RULE}\n[[rule]]\n{}",
                        RULE.replace("e-mail\"", "courriel\"")
                            .replace("\"email\", ", "")
                    ),
                ),
                "names.toml: rule 2 (`courriel`), pattern `adresse_mail`: already a pattern of rule 1 (`e-mail`)",
            ),
            (
                file_with("technical = [\"id\", \"nb\", \"id\"]", RULE),
                "names.toml: words.technical, word `id`: twice in the list",
            ),
            (
                file_with("person_tables = [\"hash_id\"]", RULE),
                "names.toml: words.person_tables, word `hash_id`: this list holds single words",
            ),
            (
                file_with("comment = [\"bio\"]\ncomment_weak = [\"raison\"]", RULE),
                "names.toml: words.comment_weak, word `raison`: not a word of `comment`",
            ),
            (
                file_with("", &format!("{RULE}severity = \"high\"\n")),
                "names.toml: invalid vocabulary TOML",
            ),
        ];
        for (text, expected) in cases {
            let e = error_of(&text);
            assert!(e.starts_with(expected), "{e}\n  expected: {expected}");
        }
        // A list missing from `[words]` is an error too.
        let e = error_of(&file_with("", RULE).replace("grade = []\n", ""));
        assert!(e.contains("missing field `grade`"), "{e}");
    }
}
