//! Free-text detection: finds in comment columns what the CNIL sanctions (insults, value
//! judgements, art. 9/10 sensitive data, social hardship, family situation) and identifiers that
//! must never sit in a comment (NIR, IBAN, card number, phone, e-mail).
//!
//! # Design
//!
//! ```text
//! text ─► prefilter ─(may hold a term)─► normalize ─► " tok tok tok " + byte map
//!                                        ─► one Aho–Corasick NFA ─► candidates
//!                                                                        │ context filters
//! text ─► identifiers (number runs, @) ─► checksum / numbering-plan validation ─┤
//!                                                                        ▼
//!                                                          Vec<Hit> (byte ranges in the original)
//! ```
//!
//! - **Prefilter** ([`prefilter`]): one pass over the raw bytes that folds the first bytes of each
//!   word and probes a small table of lexicon keys; a note without any key (most of a CRM) skips
//!   the tokenizer and the automaton. It is conservative: it never hides a term the full matcher
//!   would find (tested on the corpus and on generated, disguised text).
//! - **Lexicons are data** (`rules/lexicons/fr.toml`, `en.toml`, schema at the top of each file),
//!   embedded with `include_str!` and validated at start-up ([`lexicon`]).
//! - **Normalisation** ([`normalize`]): NFKD compatibility folding (equivalent to NFKC for
//!   matching), case folding, accents dropped, apostrophes and hyphens as separators, and
//!   de-obfuscation of suspicious tokens only (`nullll`, `c0nnard`, `c.o.n`, `c o n n a r d`).
//!   Each token keeps its byte range in the original text, so hits point into the original.
//! - **Matching** ([`matcher`]): one automaton over all forms and exceptions of all loaded
//!   lexicons, scanning the token buffer once; time depends on the text length, not on the number
//!   of terms. Whole-token boundaries come from the buffer's single spaces.
//! - **Context rules** decide the ambiguous terms of domain.md §3.3: exceptions (`fou rire`,
//!   `non-fumeur`), surnames (`Mme Malade`, `M. Juif`, `Lenoir`), person-reference requirements for
//!   religion and origin words, and blockers for places, institutions and language courses
//!   (`rue de l'Église`, `Institut Catholique`, `cours d'arabe`).
//! - **Identifiers** ([`identifiers`]) are validated (NIR key with Corsica, IBAN mod 97, Luhn with
//!   network prefixes, ARCEP plan), never flagged by shape alone.
//!
//! # Languages
//!
//! Each term belongs to its lexicon's language, and the text's language is decided by stop-word
//! counts, taken only for a text with a candidate term: a French term is not matched in text that is
//! recognisably English (`retard`, `black`, `race`, `aid`…) and vice versa; a note too short to
//! tell gets every loaded lexicon. A term can opt out with `lang_exclusive = false`.
//!
//! # Negation policy
//!
//! A *generic* mention that is explicitly negated is not flagged: "pas de problème de santé
//! signalé", "aucun antécédent médical", "no health issues", "sans difficultés financières",
//! "casier judiciaire vierge". Such entries are marked `negatable` in the lexicons; the cue must
//! be in the same clause, at most a few tokens before (`pas`, `aucun`, `sans`, `ni`, `no`, `not`,
//! `without`…), or right after (`: néant`, `: RAS`, `none`). A negated **specific** condition is
//! still flagged, because it reveals health status ("pas de diabète", "no asthma but…"): specific
//! terms are never `negatable`. Negation never applies to insults and judgements ("pas très
//! malin" is still a judgement). The labelled corpus follows this policy.
//!
//! # Known limits
//!
//! A lexicon cannot see meaning: indirect revelations ("sa copine et elle se sont mariées" for
//! orientation) and words it does not list are missed; context windows are a few tokens wide.

mod announced;
mod excerpt;
pub mod identifiers;
pub mod lexicon;
pub mod matcher;
pub mod names;
pub mod normalize;
pub mod passwords;
mod prefilter;
pub mod score;
pub mod shape;
pub mod values;
pub(crate) mod vocabulary;

pub use excerpt::mask_excerpt;
pub use lexicon::LexiconError;
pub use matcher::Matcher;

/// What a hit is about. The order is the report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Insult,
    Judgement,
    Health,
    Religion,
    Ethnic,
    Political,
    Union,
    Sexual,
    Offence,
    Financial,
    Family,
    /// A need-based scholarship status (`boursier échelon 4`): a legitimate school fact that
    /// belongs in a structured field, reported at low severity with that advice.
    Scholarship,
    Nir,
    Iban,
    Card,
    Passport,
    IdCard,
    Password,
    /// Contact details are ordinary CRM content: found only when the policy asks
    /// (`[free_text] contact_details = true`), and reported at info severity.
    Phone,
    Email,
}

impl Category {
    pub const ALL: [Category; 20] = [
        Category::Insult,
        Category::Judgement,
        Category::Health,
        Category::Religion,
        Category::Ethnic,
        Category::Political,
        Category::Union,
        Category::Sexual,
        Category::Offence,
        Category::Financial,
        Category::Family,
        Category::Scholarship,
        Category::Nir,
        Category::Iban,
        Category::Card,
        Category::Passport,
        Category::IdCard,
        Category::Password,
        Category::Phone,
        Category::Email,
    ];

    /// The name used in policies, reports and the labelled corpus.
    pub fn as_str(&self) -> &'static str {
        match self {
            Category::Insult => "insult",
            Category::Judgement => "judgement",
            Category::Health => "health",
            Category::Religion => "religion",
            Category::Ethnic => "ethnic",
            Category::Political => "political",
            Category::Union => "union",
            Category::Sexual => "sexual",
            Category::Offence => "offence",
            Category::Financial => "financial",
            Category::Family => "family",
            Category::Scholarship => "scholarship",
            Category::Nir => "nir",
            Category::Iban => "iban",
            Category::Card => "card",
            Category::Passport => "passport",
            Category::IdCard => "id-card",
            Category::Password => "password",
            Category::Phone => "phone",
            Category::Email => "email",
        }
    }

    /// The inverse of [`Category::as_str`].
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Contact details: off by default, info severity when asked for.
    pub fn is_contact(self) -> bool {
        matches!(self, Category::Phone | Category::Email)
    }

    /// A number or address found by its shape and checksum, not a lexicon term.
    pub fn is_identifier(self) -> bool {
        self.rule_id() == "free-text-identifier"
    }

    /// The built-in rule that reports hits of this category.
    pub fn rule_id(&self) -> &'static str {
        match self {
            Category::Insult | Category::Judgement => "free-text-judgement",
            Category::Nir
            | Category::Iban
            | Category::Card
            | Category::Passport
            | Category::IdCard
            | Category::Password
            | Category::Phone
            | Category::Email => "free-text-identifier",
            _ => "free-text-sensitive",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The words a lexicon hit covers in `text`, as the report names the term: lower-cased, blanks
/// collapsed, control characters dropped (`assistante sociale` where the lexicon's entry is
/// `aide sociale`, `dépressive` for `dépressif`). An identifier is never shown: its kind
/// (`nir`, `iban`…) is its term.
pub fn found_term(text: &str, hit: &Hit) -> String {
    if hit.category.is_identifier() {
        return hit.term.clone();
    }
    let found = text
        .get(hit.start..hit.end)
        .map(|s| {
            s.split(|c: char| c.is_whitespace() || c.is_control())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .unwrap_or_default();
    if found.is_empty() || found.chars().count() > 60 {
        hit.term.clone()
    } else {
        found
    }
}

/// Lexicon severity (domain.md §3.3): `High` flag, `Medium` flag for review, `Low` flag only with
/// a second signal (the matcher already drops low hits that have none). Identifiers are `High`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// A term added by the policy (`[free_text] extra_terms`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraTerm {
    pub term: String,
    pub category: Category,
}

/// One detection in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    pub category: Category,
    /// The canonical lexicon term (`dépressif` for `depressives`), or the identifier kind (`nir`).
    pub term: String,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse("nope"), None);
        assert_eq!(Category::Insult.rule_id(), "free-text-judgement");
        assert_eq!(Category::Family.rule_id(), "free-text-sensitive");
        assert_eq!(Category::Email.rule_id(), "free-text-identifier");
    }

    /// The report names the words found, not the lexicon entry they belong to, and never an
    /// identifier's digits.
    #[test]
    fn the_term_found_is_the_term_reported() {
        let m = Matcher::new(&["fr", "en"], &[], &[]).expect("lexicons");
        let found = |text: &str| -> Vec<String> {
            m.find(text).iter().map(|h| found_term(text, h)).collect()
        };
        assert_eq!(
            found("Reçue par l'Assistante  Sociale du lycée lundi."),
            ["assistante sociale"]
        );
        let nir = "NIR 1 84 12 76 451 089 46 au dossier";
        let hits = m.find(nir);
        assert!(!hits.is_empty());
        assert!(
            hits.iter()
                .all(|h| found_term(nir, h) == h.category.as_str())
        );
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Matcher>();
    }
}
