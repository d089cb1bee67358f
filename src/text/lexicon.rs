//! Lexicons as data: `rules/lexicons/{fr,en}.toml`, embedded at build time and compiled into
//! [`Entry`] values that the matcher turns into one automaton.
//!
//! The schema is documented at the top of each TOML file. In short: a file has a `[lexicon]`
//! header (language, stop words used to tell the languages apart, titles such as `M.`/`Mrs` that
//! announce a surname), a `[negation]` section (cues and scope), named `[context.NAME]` word lists,
//! and `[[group]]`s of terms sharing a category and defaults. A term is a string (one form; a
//! trailing `*` makes it an open prefix) or an inline table with its inflections, exceptions and
//! constraints.
//!
//! Everything is parsed into raw serde types with `deny_unknown_fields` first, then validated into
//! [`Lexicon`]; every error names the file and the term, so a typo in a lexicon fails loudly at
//! start-up rather than silently matching nothing.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use serde::Deserialize;

use super::normalize::normalize_term;
use super::{Category, Severity};

/// Errors in a lexicon file or in the policy's extra/ignored terms.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: invalid lexicon TOML: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: term `{term}`: {reason}")]
    Term {
        file: String,
        term: String,
        reason: String,
    },
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
    #[error("unknown lexicon language `{0}` (available: fr, en)")]
    UnknownLanguage(String),
    #[error("cannot build the term automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// A lexicon language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code written in policies, the inverse of [`Lang::parse`].
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The lexicon file, its path and its text as embedded.
    pub(crate) fn source(self) -> (&'static str, &'static str) {
        match self {
            Lang::Fr => (
                "rules/lexicons/fr.toml",
                include_str!("../../rules/lexicons/fr.toml"),
            ),
            Lang::En => (
                "rules/lexicons/en.toml",
                include_str!("../../rules/lexicons/en.toml"),
            ),
        }
    }
}

/// How a term that is also a surname or a first name is recognised as a name and skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NameGuard {
    #[default]
    None,
    /// After a title (`M.`, `Mme`, `Mrs`), capitalised in mid-sentence, or capitalised and followed
    /// by another capitalised word (`Malade`, `Juif`, `Lenoir`: French writes these adjectives in
    /// lowercase, so a capital means a name).
    Capitalised,
    /// Only after a title or as the first of two capitalised words (`Christian Dupuis`): for
    /// English, where `Christian` or `Jewish` are capitalised anyway.
    FullName,
}

/// A compiled lexicon entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Canonical term, reported in [`super::Hit::term`].
    pub term: String,
    /// Primary category first, then the `also` categories.
    pub categories: Vec<Category>,
    pub severity: Severity,
    /// Folded exact forms (phrases: tokens joined by one space).
    pub forms: Vec<String>,
    /// Folded open prefixes (the last token may continue).
    pub prefixes: Vec<String>,
    /// Folded exception phrases (a trailing `*` kept as a prefix marker).
    pub exceptions: Vec<String>,
    /// Context indices (into [`Lexicon::contexts`]) of which one must be near the term.
    pub requires: Vec<usize>,
    /// Context indices of which none may be near the term.
    pub unless: Vec<usize>,
    pub negatable: bool,
    pub name_guard: NameGuard,
    /// Only matches when written in capitals (acronyms: `RN`, `PD`, `AIDS`).
    pub upper: bool,
    /// Only matches in text that is not recognisably of another language (the default; a term
    /// can opt out with `lang_exclusive = false`).
    pub lang_exclusive: bool,
    pub lang: Option<Lang>,
}

/// A set of word lists, one bit per list: every context, stop-word, title and negation list
/// gets a bit, and [`Lexicon::vocab`] maps each word to the bits of the lists holding it. The
/// matcher then looks each token up once and tests lists with a mask, whatever their number.
pub type WordClass = u128;

/// A named word list used as a context requirement or a blocker.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Counts on either side of the term, within `window` tokens.
    pub words: WordClass,
    /// Counts only before the term.
    pub before: WordClass,
    /// Counts only after the term.
    pub after: WordClass,
    pub window: usize,
    /// The term starting a sentence satisfies the context: in CRM notes a sentence that opens on
    /// an adjective describes the record's subject ("Musulmane pratiquante, …").
    pub sentence_start: bool,
    /// Implicit subject: the term opening a clause, after at most [`LEAD_WORDS`] words of
    /// `lead` (determiners, small adjectives), satisfies the context. A comment column belongs to
    /// a person's row: "Origine kurde", "petit maghrébin de la 4e", "…, musulmane pratiquante"
    /// describe that person when nothing else in the clause is their referent.
    pub clause_start: bool,
    pub lead: WordClass,
}

/// How many `lead` words may come before a term that opens its clause.
pub const LEAD_WORDS: usize = 3;

/// Negation cues of one language.
#[derive(Clone, Debug, Default)]
pub struct Negation {
    pub before: WordClass,
    pub after: WordClass,
    pub stop: WordClass,
    pub window: usize,
}

/// Per-language data besides the entries.
#[derive(Clone, Debug)]
pub struct LangData {
    pub lang: Lang,
    pub stopwords: WordClass,
    pub titles: WordClass,
    pub negation: Negation,
}

/// All loaded lexicons.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub contexts: Vec<Context>,
    /// Indices of the contexts named `person` (the second signal of low-severity terms).
    pub person_contexts: Vec<usize>,
    pub langs: Vec<LangData>,
    /// Word → classes of the lists that hold it.
    pub vocab: FxHashMap<Box<str>, WordClass>,
    /// Bits handed out so far.
    classes: u32,
}

// ---------------------------------------------------------------------------------------------
// Raw serde types

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lexicon: RawMeta,
    negation: RawNegation,
    #[serde(default)]
    context: BTreeMap<String, RawContext>,
    #[serde(default)]
    group: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    language: String,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    stop: Vec<String>,
    window: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    /// Other contexts whose lists are merged into this one.
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    sentence_start: bool,
    #[serde(default)]
    clause_start: bool,
    #[serde(default)]
    lead: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    window: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    category: String,
    severity: Option<String>,
    requires: Option<String>,
    #[serde(default)]
    unless: Vec<String>,
    negatable: Option<bool>,
    name_guard: Option<String>,
    upper: Option<bool>,
    lang_exclusive: Option<bool>,
    #[serde(default)]
    also: Vec<String>,
    inflect: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
    terms: Vec<toml::Value>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: String,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
    inflect: Option<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    category: Option<String>,
    #[serde(default)]
    also: Vec<String>,
    severity: Option<String>,
    requires: Option<String>,
    unless: Option<Vec<String>>,
    negatable: Option<bool>,
    name_guard: Option<String>,
    upper: Option<bool>,
    lang_exclusive: Option<bool>,
    #[allow(dead_code)]
    note: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Loading

impl Lexicon {
    /// Loads the embedded lexicons of `langs` (each once).
    pub fn load(langs: &[&str]) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        for code in langs {
            let lang =
                Lang::parse(code).ok_or_else(|| LexiconError::UnknownLanguage(code.to_string()))?;
            if lexicon.langs.iter().any(|l| l.lang == lang) {
                continue;
            }
            let (file, text) = lang.source();
            lexicon.add_file(file, text, Some(lang))?;
        }
        Ok(lexicon)
    }

    /// Parses one lexicon file and appends its entries. Public within the crate for tests.
    pub(crate) fn add_file(
        &mut self,
        file: &str,
        text: &str,
        expected: Option<Lang>,
    ) -> Result<(), LexiconError> {
        let raw: RawFile = toml::from_str(text).map_err(|source| LexiconError::Toml {
            file: file.to_string(),
            source,
        })?;
        let invalid = |reason: String| LexiconError::Invalid {
            file: file.to_string(),
            reason,
        };
        let lang = Lang::parse(&raw.lexicon.language)
            .ok_or_else(|| invalid(format!("unknown language `{}`", raw.lexicon.language)))?;
        if expected.is_some_and(|e| e != lang) {
            return Err(invalid(format!(
                "declares language `{}`",
                raw.lexicon.language
            )));
        }
        let mut words = |list: &[String], what: &str| -> Result<WordClass, LexiconError> {
            self.word_class(list).map_err(|w| {
                invalid(format!(
                    "{what}: `{w}` must be exactly one word after normalisation"
                ))
            })
        };
        let lang_data = LangData {
            lang,
            stopwords: words(&raw.lexicon.stopwords, "stopwords")?,
            titles: words(&raw.lexicon.titles, "titles")?,
            negation: Negation {
                before: words(&raw.negation.before, "negation.before")?,
                after: words(&raw.negation.after, "negation.after")?,
                stop: words(&raw.negation.stop, "negation.stop")?,
                window: raw.negation.window,
            },
        };
        // Own lists first, then `include`s resolved against them.
        let mut own: BTreeMap<&str, Context> = BTreeMap::new();
        for (name, c) in &raw.context {
            let ctx = Context {
                words: words(&c.words, &format!("context.{name}.words"))?,
                before: words(&c.before, &format!("context.{name}.before"))?,
                after: words(&c.after, &format!("context.{name}.after"))?,
                window: c.window,
                sentence_start: c.sentence_start,
                clause_start: c.clause_start,
                lead: words(&c.lead, &format!("context.{name}.lead"))?,
            };
            own.insert(name, ctx);
        }
        self.langs.push(lang_data);
        let mut context_ids = BTreeMap::new();
        for (name, c) in &raw.context {
            let mut ctx = own[name.as_str()].clone();
            for other in &c.include {
                let o = own.get(other.as_str()).ok_or_else(|| {
                    invalid(format!(
                        "context.{name}: unknown included context `{other}`"
                    ))
                })?;
                ctx.words |= o.words;
                ctx.before |= o.before;
                ctx.after |= o.after;
            }
            context_ids.insert(name.clone(), self.contexts.len());
            if name == "person" {
                self.person_contexts.push(self.contexts.len());
            }
            self.contexts.push(ctx);
        }
        for group in raw.group {
            for value in &group.terms {
                let entry = compile_term(file, lang, &group, value, &context_ids)?;
                self.entries.push(entry);
            }
        }
        Ok(())
    }

    /// Gives `list` a class bit and records its words in [`Self::vocab`]. An empty list has no
    /// bit (class 0). `Err` carries a word that is not a single token.
    fn word_class(&mut self, list: &[String]) -> Result<WordClass, String> {
        if list.is_empty() {
            return Ok(0);
        }
        if self.classes >= WordClass::BITS || self.langs.len() >= 4 {
            return Err(format!("(more than {} word lists)", WordClass::BITS));
        }
        let class: WordClass = 1 << self.classes;
        self.classes += 1;
        for w in list {
            let n = normalize_term(w);
            if n.is_empty() || n.contains(' ') {
                return Err(w.clone());
            }
            *self.vocab.entry(n.into_boxed_str()).or_default() |= class;
        }
        Ok(class)
    }

    /// The classes of a folded word (0 when it is in no list).
    pub fn classes_of(&self, word: &str) -> WordClass {
        self.vocab.get(word).copied().unwrap_or(0)
    }

    /// Number of entries (distinct terms).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Per-language data of `lang`, if loaded.
    pub fn lang_data(&self, lang: Lang) -> Option<&LangData> {
        self.langs.iter().find(|l| l.lang == lang)
    }
}

fn compile_term(
    file: &str,
    lang: Lang,
    group: &RawGroup,
    value: &toml::Value,
    context_ids: &BTreeMap<String, usize>,
) -> Result<Entry, LexiconError> {
    let raw: RawTerm = match value {
        toml::Value::String(s) => RawTerm {
            term: s.clone(),
            ..RawTerm::default()
        },
        toml::Value::Table(_) => value.clone().try_into().map_err(|e: toml::de::Error| {
            let term = value
                .get("term")
                .and_then(toml::Value::as_str)
                .unwrap_or("?");
            LexiconError::Term {
                file: file.to_string(),
                term: term.to_string(),
                reason: e.message().to_string(),
            }
        })?,
        other => {
            return Err(LexiconError::Invalid {
                file: file.to_string(),
                reason: format!("a term must be a string or an inline table, found `{other}`"),
            });
        }
    };
    let err = |reason: String| LexiconError::Term {
        file: file.to_string(),
        term: raw.term.clone(),
        reason,
    };
    let category_of = |s: &str| {
        Category::parse(s).ok_or_else(|| {
            err(format!(
                "unknown category `{s}` (expected one of {})",
                Category::ALL.map(|c| c.as_str()).join(", ")
            ))
        })
    };
    let mut categories = vec![category_of(
        raw.category.as_deref().unwrap_or(&group.category),
    )?];
    for extra in group.also.iter().chain(&raw.also) {
        let c = category_of(extra)?;
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    let severity = match raw.severity.as_deref().or(group.severity.as_deref()) {
        None | Some("high") => Severity::High,
        Some("medium") => Severity::Medium,
        Some("low") => Severity::Low,
        Some(other) => return Err(err(format!("unknown severity `{other}`"))),
    };
    let name_guard = match raw.name_guard.as_deref().or(group.name_guard.as_deref()) {
        None | Some("none") => NameGuard::None,
        Some("capitalised") => NameGuard::Capitalised,
        Some("full-name") => NameGuard::FullName,
        Some(other) => return Err(err(format!("unknown name_guard `{other}`"))),
    };
    let context = |name: &str| {
        context_ids
            .get(name)
            .copied()
            .ok_or_else(|| err(format!("unknown context `{name}`")))
    };
    // `requires = ""` on a term lifts the group's requirement.
    let requires = match raw.requires.as_deref().or(group.requires.as_deref()) {
        Some("") | None => Vec::new(),
        Some(name) => vec![context(name)?],
    };
    let unless = raw
        .unless
        .as_ref()
        .unwrap_or(&group.unless)
        .iter()
        .map(|n| context(n))
        .collect::<Result<Vec<_>, _>>()?;

    // Surface forms: the term, its explicit forms, stem + suffixes, the inflection paradigm.
    let mut surface: Vec<String> = vec![raw.term.clone()];
    surface.extend(raw.forms.iter().cloned());
    for suffix in &raw.suffixes {
        surface.push(format!("{}{}", raw.term.trim_end_matches('*'), suffix));
    }
    if let Some(paradigm) = raw.inflect.as_deref().or(group.inflect.as_deref()) {
        let base: Vec<String> = surface.clone();
        for s in base {
            if s.ends_with('*') {
                continue;
            }
            surface.extend(inflect(lang, paradigm, &s).map_err(&err)?);
        }
    }
    let mut forms = Vec::new();
    let mut prefixes = Vec::new();
    for s in &surface {
        let (n, open) = fold_pattern(s);
        if n.is_empty() {
            return Err(err(format!("form `{s}` is empty after normalisation")));
        }
        if open {
            let last = n.rsplit(' ').next().unwrap_or("");
            if last.chars().count() < 4 {
                return Err(err(format!(
                    "open prefix `{s}` is too short (at least 4 letters, or list the forms)"
                )));
            }
            push_unique(&mut prefixes, n);
        } else {
            push_unique(&mut forms, n);
        }
    }
    let mut exceptions = Vec::new();
    for e in &raw.exceptions {
        let (n, open) = fold_pattern(e);
        if n.is_empty() {
            return Err(err(format!("exception `{e}` is empty after normalisation")));
        }
        push_unique(&mut exceptions, if open { format!("{n}*") } else { n });
    }
    Ok(Entry {
        term: raw.term.trim_end_matches('*').to_string(),
        categories,
        severity,
        forms,
        prefixes,
        exceptions,
        requires,
        unless,
        negatable: raw.negatable.or(group.negatable).unwrap_or(false),
        name_guard,
        upper: raw.upper.or(group.upper).unwrap_or(false),
        // Terms belong to their language by default: "allergies", "black", "race" or "aid" are
        // words of both languages, and each lexicon's contexts and exceptions are written for
        // its own language. Text whose language is undecided is matched by every lexicon.
        lang_exclusive: raw.lang_exclusive.or(group.lang_exclusive).unwrap_or(true),
        lang: Some(lang),
    })
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Folds a surface form; a trailing `*` marks an open prefix.
pub(crate) fn fold_pattern(s: &str) -> (String, bool) {
    let trimmed = s.trim();
    match trimmed.strip_suffix('*') {
        Some(stem) => (normalize_term(stem), true),
        None => (normalize_term(trimmed), false),
    }
}

/// Inflected forms of `s` (the first word of a phrase is inflected).
fn inflect(lang: Lang, paradigm: &str, s: &str) -> Result<Vec<String>, String> {
    let (head, tail) = match s.find(' ') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let heads = match (lang, paradigm) {
        (Lang::Fr, "adj") => fr_adj(head),
        (Lang::Fr, "noun") => fr_noun(head),
        (Lang::En, "noun") => en_noun(head),
        (Lang::En, "adj") => Vec::new(),
        _ => return Err(format!("unknown inflection `{paradigm}` for {lang:?}")),
    };
    Ok(heads.into_iter().map(|h| format!("{h}{tail}")).collect())
}

/// French adjective (or agent noun): feminine, plural and feminine plural of a masculine singular.
fn fr_adj(m: &str) -> Vec<String> {
    let stem = |n: usize| &m[..m.len() - n];
    let (fem, plural) = if m.ends_with("eux") {
        (format!("{}euse", stem(3)), m.to_string())
    } else if m.ends_with("eur") {
        (format!("{}euse", stem(3)), format!("{m}s"))
    } else if m.ends_with("if") {
        (format!("{}ive", stem(2)), format!("{m}s"))
    } else if m.ends_with("er") {
        (format!("{}ère", stem(2)), format!("{m}s"))
    } else if m.ends_with("en") || m.ends_with("on") || m.ends_with("el") || m.ends_with("et") {
        // Final consonant doubled: bouffon → bouffonne, chrétien → chrétienne.
        (format!("{m}{}e", &m[m.len() - 1..]), format!("{m}s"))
    } else if m.ends_with("al") {
        (format!("{m}e"), format!("{}aux", stem(2)))
    } else if m.ends_with('e') {
        (m.to_string(), format!("{m}s"))
    } else if m.ends_with('s') || m.ends_with('x') {
        (format!("{m}e"), m.to_string())
    } else {
        (format!("{m}e"), format!("{m}s"))
    };
    let fem_plural = format!("{fem}s");
    vec![fem, plural, fem_plural]
}

/// French noun plural.
fn fr_noun(s: &str) -> Vec<String> {
    if s.ends_with('s') || s.ends_with('x') || s.ends_with('z') {
        Vec::new()
    } else if s.ends_with("eau") || s.ends_with("eu") {
        vec![format!("{s}x")]
    } else if let Some(stem) = s.strip_suffix("al") {
        vec![format!("{stem}aux"), format!("{s}s")]
    } else {
        vec![format!("{s}s")]
    }
}

/// English noun plural.
fn en_noun(s: &str) -> Vec<String> {
    if s.ends_with("ss")
        || s.ends_with('x')
        || s.ends_with("ch")
        || s.ends_with("sh")
        || s.ends_with('s')
    {
        vec![format!("{s}es")]
    } else if s.ends_with('y') && !s[..s.len() - 1].ends_with(['a', 'e', 'o', 'u']) {
        vec![format!("{}ies", &s[..s.len() - 1])]
    } else {
        vec![format!("{s}s")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_adjectives() {
        assert_eq!(
            fr_adj("dépressif"),
            ["dépressive", "dépressifs", "dépressives"]
        );
        assert_eq!(
            fr_adj("paresseux"),
            ["paresseuse", "paresseux", "paresseuses"]
        );
        assert_eq!(fr_adj("menteur"), ["menteuse", "menteurs", "menteuses"]);
        assert_eq!(fr_adj("bouffon"), ["bouffonne", "bouffons", "bouffonnes"]);
        assert_eq!(
            fr_adj("caractériel"),
            ["caractérielle", "caractériels", "caractérielles"]
        );
        assert_eq!(fr_adj("crétin"), ["crétine", "crétins", "crétines"]);
        assert_eq!(fr_adj("débile"), ["débile", "débiles", "débiles"]);
    }

    #[test]
    fn plurals() {
        assert_eq!(fr_noun("problème"), ["problèmes"]);
        assert_eq!(en_noun("bitch"), ["bitches"]);
        assert_eq!(en_noun("injury"), ["injuries"]);
        assert_eq!(en_noun("idiot"), ["idiots"]);
    }

    #[test]
    fn errors_name_the_file_and_term() {
        let mut lex = Lexicon::default();
        let text = r#"
            [lexicon]
            language = "fr"
            [negation]
            window = 3
            [[group]]
            category = "insult"
            terms = [{ term = "con", negateable = true }]
        "#;
        let e = lex.add_file("x.toml", text, None).unwrap_err().to_string();
        assert!(
            e.contains("x.toml") && e.contains("`con`") && e.contains("negateable"),
            "{e}"
        );
        let text = text.replace(r#"{ term = "con", negateable = true }"#, r#""co*""#);
        let e = lex.add_file("x.toml", &text, None).unwrap_err().to_string();
        assert!(e.contains("too short"), "{e}");
        let text = r#"
            [lexicon]
            language = "fr"
            [negation]
            window = 3
            [[group]]
            category = "insutl"
            terms = ["con"]
        "#;
        let e = lex.add_file("x.toml", text, None).unwrap_err().to_string();
        assert!(e.contains("unknown category `insutl`"), "{e}");
    }

    #[test]
    fn embedded_lexicons_load() {
        let lex = Lexicon::load(&["fr", "en"]).expect("embedded lexicons are valid");
        assert!(lex.len() > 300, "{}", lex.len());
    }
}
