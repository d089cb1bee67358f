//! Identifiers that no checksum confirms but a word announces: a passport number after
//! `passeport`, an identity card number after `CNI` or `carte d'identité`, a password after
//! `mdp`, `mot de passe`, `password`, `digicode` or `code PIN`.
//!
//! Without a checksum, the word is the evidence: a keyword (whole word, any case), then, within a
//! short window, a value of the identifier's shape. A password is a token that mixes a digit with
//! letters or symbols (`Soleil2024!`, `Chat#Noir88`), or, after a code word and a `:` or `=`,
//! four to eight digits (`digicode : 2580`); a date, a time or an e-mail address never is. The
//! hit covers the value only, so an excerpt masks exactly the secret and nothing is reported of it
//! but its kind.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Category, Hit, Severity};

/// How far after the keyword the value may be, in bytes.
const WINDOW: usize = 72;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Passport,
    IdCard,
    /// A word for a password: the value must look like one (digit and letter or symbol).
    Password,
    /// A word for a numeric code (PIN, door code): digits alone count after `:`/`=`.
    Code,
    /// A personal secret code (padlock, phone unlock, card): its digits count even without a
    /// `:`, when they follow the word closely. A building's door code stays [`Kind::Code`].
    SecretCode,
}

const KEYWORDS: &[(&str, Kind)] = &[
    ("passeport", Kind::Passport),
    ("passeports", Kind::Passport),
    ("passport", Kind::Passport),
    ("passport no", Kind::Passport),
    ("cni", Kind::IdCard),
    ("carte d'identite", Kind::IdCard),
    ("carte d'identité", Kind::IdCard),
    ("carte d’identité", Kind::IdCard),
    ("carte nationale d'identite", Kind::IdCard),
    ("carte nationale d'identité", Kind::IdCard),
    ("piece d'identite", Kind::IdCard),
    ("pièce d'identité", Kind::IdCard),
    ("pièce d’identité", Kind::IdCard),
    ("identity card", Kind::IdCard),
    ("id card", Kind::IdCard),
    ("national id", Kind::IdCard),
    ("carte eid", Kind::IdCard),
    ("eid", Kind::IdCard),
    ("num ci", Kind::IdCard),
    ("numero ci", Kind::IdCard),
    ("numéro ci", Kind::IdCard),
    ("n° ci", Kind::IdCard),
    ("dni", Kind::IdCard),
    ("titre de séjour", Kind::IdCard),
    ("titre de sejour", Kind::IdCard),
    ("carte de séjour", Kind::IdCard),
    ("carte de sejour", Kind::IdCard),
    ("residence permit", Kind::IdCard),
    ("mdp", Kind::Password),
    ("mot de passe", Kind::Password),
    ("mot-de-passe", Kind::Password),
    ("password", Kind::Password),
    ("passwd", Kind::Password),
    ("pwd", Kind::Password),
    ("pw", Kind::Password),
    ("pass", Kind::Password),
    ("wifi", Kind::Password),
    ("code ameli", Kind::Password),
    ("passcode", Kind::SecretCode),
    ("code secret", Kind::SecretCode),
    ("code confidentiel", Kind::SecretCode),
    ("code de déverrouillage", Kind::SecretCode),
    ("code de deverrouillage", Kind::SecretCode),
    ("code de verrouillage", Kind::SecretCode),
    ("unlock code", Kind::SecretCode),
    ("code cadenas", Kind::SecretCode),
    ("code carte", Kind::SecretCode),
    ("code cb", Kind::SecretCode),
    ("credentials", Kind::Password),
    ("code wifi", Kind::Password),
    ("clé wifi", Kind::Password),
    ("cle wifi", Kind::Password),
    ("wifi code", Kind::Password),
    ("wifi password", Kind::Password),
    ("digicode", Kind::Code),
    ("code pin", Kind::Code),
    ("pin code", Kind::Code),
    ("pin", Kind::Code),
    ("code porte", Kind::Code),
    ("code de la porte", Kind::Code),
    ("code d'accès", Kind::Code),
    ("code d'acces", Kind::Code),
    ("code du cadenas", Kind::SecretCode),
    ("cadenas", Kind::SecretCode),
    ("door code", Kind::Code),
];

static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(KEYWORDS.iter().map(|(k, _)| k))
        .ok()
});

/// Appends the announced identifiers of `text` to `hits`, leaving alone any span already found
/// by a checksum (an IBAN after `RIB` is an IBAN).
pub(crate) fn find_announced(text: &str, hits: &mut Vec<Hit>) {
    let Some(ac) = AUTOMATON.as_ref() else {
        return;
    };
    let bytes = text.as_bytes();
    for m in ac.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        let boundary = |i: usize| {
            text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        };
        let after = text[end..].chars().next();
        if !boundary(start) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let kind = KEYWORDS[m.pattern().as_usize()].1;
        // `pw`, `pass` and `wifi` alone are too common to trust without a `:` or `=` right
        // after them.
        let word = &bytes[start..end];
        if [&b"pw"[..], b"pass", b"wifi"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
            && !separator_follows(&text[end..])
        {
            continue;
        }
        let mut limit = (end + WINDOW).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        if let Some((a, z)) = value_after(text, end, limit, kind) {
            if hits.iter().any(|h| h.start < z && a < h.end) {
                continue;
            }
            let category = match kind {
                Kind::Passport => Category::Passport,
                Kind::IdCard => Category::IdCard,
                Kind::Password | Kind::Code | Kind::SecretCode => Category::Password,
            };
            hits.push(Hit {
                category,
                term: category.as_str().to_string(),
                start: a,
                end: z,
                severity: Severity::High,
            });
        }
    }
    credential_pairs(text, hits);
}

/// `ines.k@outlook.fr / Inesk2024!!`: a login that is an e-mail address, a slash, and a secret
/// of a password's shape right after it.
fn credential_pairs(text: &str, hits: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    for slash in memchr::memchr_iter(b'/', bytes) {
        if slash == 0 || bytes[slash - 1] != b' ' || bytes.get(slash + 1) != Some(&b' ') {
            continue;
        }
        let login_start = text[..slash - 1]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        let login = &text[login_start..slash - 1];
        let at = login.find('@');
        if !at.is_some_and(|i| login[i..].contains('.')) {
            continue;
        }
        let a = slash + 2;
        let z = text[a..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ']'))
            .map_or(text.len(), |i| a + i);
        let secret = text[a..z].trim_end_matches(['.', '?']);
        let z = a + secret.len();
        if password_shape(secret) && !hits.iter().any(|h| h.start < z && a < h.end) {
            hits.push(Hit {
                category: Category::Password,
                term: Category::Password.as_str().to_string(),
                start: a,
                end: z,
                severity: Severity::High,
            });
        }
    }
}

fn separator_follows(rest: &str) -> bool {
    rest.trim_start().starts_with([':', '='])
}

/// The first value of `kind`'s shape in `text[from..limit]`, as a byte range.
fn value_after(text: &str, from: usize, limit: usize, kind: Kind) -> Option<(usize, usize)> {
    let mut separated = separator_follows(&text[from..limit]);
    for (index, (a, token)) in tokens(text, from, limit).enumerate() {
        let z = a + token.len();
        let word = token.to_lowercase();
        // Another document's word: the value after it is that document's.
        let other = match kind {
            Kind::IdCard => ["passeport", "passport"].contains(&word.as_str()),
            Kind::Passport => ["cni", "carte", "pièce", "piece"].contains(&word.as_str()),
            _ => false,
        };
        if other {
            return None;
        }
        let ok = match kind {
            Kind::Passport => passport_shape(token),
            Kind::IdCard => id_card_shape(token),
            Kind::Password => password_shape(token),
            Kind::Code => password_shape(token) || (separated && code_shape(token)),
            // A secret code's digits may follow its word without a `:` (`code cadenas local
            // 4590`), if they come soon and are not a year.
            Kind::SecretCode => {
                password_shape(token)
                    || (code_shape(token) && (separated || (index < 4 && !looks_like_year(token))))
            }
        };
        if ok {
            return Some((a, z));
        }
        if matches!(kind, Kind::Passport | Kind::IdCard)
            && token.bytes().any(|b| b.is_ascii_digit())
        {
            // The first number after the word is the one it announces: a date or a count
            // there means no identifier follows.
            if !looks_like_date(token) && token.len() >= 6 {
                return None;
            }
        }
        // A `:` or `=` right after a token separates what follows from the words before.
        separated |= separator_follows(&text[z..limit]);
    }
    None
}

/// Tokens of `text[from..limit]`: runs between blanks, brackets, quotes and `,;`, with a `:`
/// or `=` at their end cut off (`mdp:Soleil2024!` gives `Soleil2024!`).
fn tokens(text: &str, from: usize, limit: usize) -> impl Iterator<Item = (usize, &str)> {
    let slice = &text[from..limit];
    let mut out = Vec::new();
    let mut start = None;
    let stop = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | '"' | '«' | '»' | '“' | '”' | ',' | ';' | '='
            )
    };
    for (i, c) in slice.char_indices() {
        if stop(c) {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        // A token cut by the window's end is not a whole value.
        if limit == text.len() {
            out.push((s, slice.len()));
        }
    }
    out.into_iter().filter_map(move |(s, e)| {
        let mut t = &slice[s..e];
        let mut s = s;
        // `n°:` `:X4RT…` `'Soleil'`: separators and quotes around a value are not part of it.
        while let Some(rest) = t.strip_prefix([':', '\'', '’', '`', '#']) {
            s += t.len() - rest.len();
            t = rest;
        }
        let t = t.trim_end_matches([':', '.', '\'', '’', '`', '?']);
        (!t.is_empty()).then_some((from + s, t))
    })
}

/// `19CV84215` (France: two digits, two letters, five digits), `EA5829173`, `N4582193`: six to
/// nine letters and digits, at least four digits; or eight or nine digits (United Kingdom, United
/// States, Algeria).
fn passport_shape(t: &str) -> bool {
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    if (8..=9).contains(&t.len()) && digits == t.len() {
        return true;
    }
    (6..=9).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_alphanumeric())
        && digits >= 4
        && t.bytes().any(|b| b.is_ascii_uppercase())
        && !t.bytes().any(|b| b.is_ascii_lowercase())
}

/// A French identity card: twelve digits (before 2021) or nine capitals and digits (since); a
/// residence permit: ten digits (never a French phone number, which starts with 0); a Belgian
/// card: `592-1234567-89`; a Spanish DNI: eight digits and a letter.
fn id_card_shape(t: &str) -> bool {
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    let all_alnum = t.bytes().all(|b| b.is_ascii_alphanumeric());
    (t.len() == 12 && digits == 12)
        || (t.len() == 10 && digits == 10 && !t.starts_with('0'))
        || (t.len() == 9
            && all_alnum
            && digits >= 1
            && t.bytes().any(|b| b.is_ascii_uppercase())
            && !t.bytes().any(|b| b.is_ascii_lowercase()))
        || (t.len() == 14 && t.bytes().filter(|b| *b == b'-').count() == 2 && digits == 12)
}

/// A secret: 4 to 64 characters, a digit and a letter or symbol, and not a date, a time, an
/// amount, an e-mail address or a file name.
fn password_shape(t: &str) -> bool {
    let n = t.chars().count();
    if !(4..=64).contains(&n) || looks_like_date(t) {
        return false;
    }
    let digit = t.chars().any(|c| c.is_ascii_digit());
    let letter = t.chars().any(char::is_alphabetic);
    let symbol = t
        .chars()
        .any(|c| !c.is_alphanumeric() && !matches!(c, '.' | ',' | '/' | ':' | '-'));
    if !digit || !(letter || symbol) {
        return false;
    }
    let lower = t.to_lowercase();
    // `14h30`, `2e`, `3x`, `10min`, `12€`, `v2`, `2FA`: units, times and versions.
    let unit = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == 'h');
    if unit.is_empty()
        || [
            "min", "mn", "h", "e", "er", "ème", "x", "€", "%", "fa", "ans", "j", "s",
        ]
        .contains(&unit)
        || lower.starts_with('v') && lower[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return false;
    }
    let email = t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.'));
    let file = lower.ends_with(".pdf") || lower.ends_with(".doc") || lower.ends_with(".docx");
    !email && !file
}

/// `1990` to `2099`: a year, not a code.
fn looks_like_year(t: &str) -> bool {
    t.len() == 4 && (t.starts_with("19") || t.starts_with("20"))
}

/// Four to eight digits: a PIN, a door or padlock code.
fn code_shape(t: &str) -> bool {
    (4..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// `12/03`, `12/03/2024`, `2024-03-12`, `06.2029`, `11/2029`.
fn looks_like_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    parts.len() >= 2
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Category, String)> {
        let mut hits = Vec::new();
        find_announced(text, &mut hits);
        hits.iter()
            .map(|h| (h.category, text[h.start..h.end].to_string()))
            .collect()
    }

    #[test]
    fn passwords_after_their_word() {
        for (text, secret) in [
            ("nouveau MDP : Azerty#12", "Azerty#12"),
            (
                "son mot de passe est toujours Lapin2023, à changer",
                "Lapin2023",
            ),
            ("PWD=Rouge&Noir7 pour le poste 4", "Rouge&Noir7"),
            ("her password is \"Tulip#55\" she says", "Tulip#55"),
            ("login bmartin / mdp Orion77!", "Orion77!"),
            ("clé wifi du foyer : Foyer-2023-B", "Foyer-2023-B"),
            ("le digicode du bât. C : 4402", "4402"),
            ("code PIN = 8163, noté par l'élève", "8163"),
            (
                "identifiant ligue: jdupont, pass: Judo75paris",
                "Judo75paris",
            ),
            (
                "Internat wifi: Bo@rding#House7, ne pas diffuser",
                "Bo@rding#House7",
            ),
            ("code cadenas local matériel 4590, ne pas diffuser", "4590"),
            ("son code Ameli c'est 19910304Az", "19910304Az"),
            (
                "Code de déverrouillage du téléphone prêté : 482916",
                "482916",
            ),
            (
                "boîte créée en atelier : lea.b@outlook.fr / Leab2024!!",
                "Leab2024!!",
            ),
        ] {
            assert_eq!(
                found(text),
                [(Category::Password, secret.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn password_words_without_a_secret_are_not_flagged() {
        for text in [
            "mot de passe oublié, réinitialisation envoyée par mail",
            "A réinitialisé son mdp le 12/03 à 14h30.",
            "password reset 3 times this week",
            "mdp : 8 caractères minimum, voir la charte",
            "Code PIN bloqué après 3 essais, rdv le 14/02",
            "le cadenas du casier 12 est cassé",
            "pw reset done",
            "identifiant: jdupont@lycee.fr",
            "Mot de passe envoyé par SMS au 06 12 34 56 78",
            "password policy v2 applies from 2025",
            "pass sanitaire vérifié le 12/03",
            "wifi en panne depuis 3 jours",
            "code cadenas changé en 2024",
            "envoyé à lea.b@outlook.fr / 2 pièces jointes",
            "Rue de la Synagogue, code d'accès 4521.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn identity_documents_after_their_word() {
        for (text, cat, value) in [
            ("Passeport n° 17AB12345 vu", Category::Passport, "17AB12345"),
            (
                "passport number: K8812345 (Indian)",
                Category::Passport,
                "K8812345",
            ),
            (
                "copie CNI 030512345678 reçue",
                Category::IdCard,
                "030512345678",
            ),
            (
                "Carte d'identité : Y7KD2LM84, valable 2033",
                Category::IdCard,
                "Y7KD2LM84",
            ),
            (
                "PIECE D'IDENTITE VERIFIEE : PASSEPORT 21XY40931",
                Category::Passport,
                "21XY40931",
            ),
            (
                "Belgian eID: carte eid 591-2345678-12",
                Category::IdCard,
                "591-2345678-12",
            ),
            (
                "US passport #A04837261, copy uploaded",
                Category::Passport,
                "A04837261",
            ),
            (
                "UK passport number 533418902, exp 11/2030",
                Category::Passport,
                "533418902",
            ),
            (
                "num CI nouveau format: X4RTBPFW4",
                Category::IdCard,
                "X4RTBPFW4",
            ),
            (
                "Belgian eID card 592-1234567-32",
                Category::IdCard,
                "592-1234567-32",
            ),
            (
                "Spanish DNI 48392017V for Erasmus",
                Category::IdCard,
                "48392017V",
            ),
            (
                "titre de séjour n° 7512345678",
                Category::IdCard,
                "7512345678",
            ),
        ] {
            assert_eq!(found(text), [(cat, value.to_string())], "{text}");
        }
        for text in [
            "passeport expiré le 12/03/2024, renouvellement en cours",
            "Passeport talent demandé en préfecture",
            "CNI valide jusqu'en 2031",
            "pièce d'identité à fournir avant le 15/09",
            "Passport photos x4 needed for the 2025 trip",
            "titre de séjour : rappeler au 0612345678",
            "Eid holiday from 2025-03-30, school closed",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
