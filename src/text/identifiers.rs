//! Identifiers in free text: NIR, IBAN, payment card numbers, French phone numbers, e-mail
//! addresses. Each is found by a cheap scan and then **validated** (checksum, numbering plan), never
//! flagged by shape alone: a 15-digit order number that fails the NIR key, or a 16-digit reference
//! that fails Luhn, is not reported.
//!
//! Numbers are read as *runs*: maximal sequences of digit-bearing groups (`06`, `2A`, `+33`, `(0)`)
//! separated by exactly one space, dot or hyphen. A candidate must be the whole run, or a prefix or
//! suffix of it, never a slice from the middle: `1 85 03 75 112 045 07` with a bad NIR key does not
//! turn into the phone number `03 75 11 20 45`. Validation algorithms follow domain.md §5.

use std::sync::LazyLock;

use super::{Category, Hit, Severity};

/// A NIR (French social security number): 15 characters, sex 1/2/7/8, month 01–12 or 20–99,
/// department digits or `2A`/`2B` (Corsica, replaced by 19/18 for the key), key
/// `97 − (first 13 digits mod 97)`. Spaces, dots and hyphens between groups are ignored.
pub fn nir_valid(s: &str) -> bool {
    let c: Vec<u8> = s
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'.' | b'-'))
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if c.len() != 15 {
        return false;
    }
    if !matches!(c[0], b'1' | b'2' | b'7' | b'8') {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| c[r].iter().all(u8::is_ascii_digit);
    if !digits(1..5) || !digits(7..15) {
        return false;
    }
    let month = (c[3] - b'0') * 10 + (c[4] - b'0');
    if !(1..=12).contains(&month) && month < 20 {
        return false;
    }
    let dept: u64 = match (c[5], c[6]) {
        (b'2', b'A') => 19,
        (b'2', b'B') => 18,
        (a, b) if a.is_ascii_digit() && b.is_ascii_digit() => {
            u64::from((a - b'0') * 10 + (b - b'0'))
        }
        _ => return false,
    };
    let num = |r: std::ops::Range<usize>| {
        c[r].iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'))
    };
    let n = num(0..5) * 100_000_000 + dept * 1_000_000 + num(7..13);
    let key = num(13..15);
    (1..=97).contains(&key) && 97 - n % 97 == key
}

/// IBAN lengths per country (ISO 13616 registry), for the countries a French or British school
/// meets; an unknown country is accepted by [`iban_valid`] with any length from 15 to 34.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("BR", 29),
    ("CH", 21),
    ("CI", 28),
    ("CM", 27),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DZ", 26),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LB", 28),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MA", 28),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SA", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SN", 28),
    ("TN", 24),
    ("TR", 26),
];

fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|&(_, l)| l)
}

/// An IBAN (ISO 13616, ISO 7064 mod 97-10): spaces allowed, country length checked, the rearranged
/// number mod 97 must be 1 (computed digit by digit, no big integers).
pub fn iban_valid(s: &str) -> bool {
    let c: Vec<u8> = s
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'-' | b'\t' | b'\n' | b'\r'))
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if c.len() < 15 || c.len() > 34 || !c.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if !c[0].is_ascii_uppercase() || !c[1].is_ascii_uppercase() {
        return false;
    }
    if !c[2].is_ascii_digit() || !c[3].is_ascii_digit() {
        return false;
    }
    let country = std::str::from_utf8(&c[..2]).unwrap_or("");
    if iban_length(country).is_some_and(|len| len != c.len()) {
        return false;
    }
    let mut rem = 0u32;
    for &b in c[4..].iter().chain(&c[..4]) {
        if b.is_ascii_digit() {
            rem = (rem * 10 + u32::from(b - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(b - b'A' + 10)) % 97;
        }
    }
    rem == 1
}

/// Luhn checksum over a string of ASCII digits (anything else: false).
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// A payment card number: Luhn plus a plausible network prefix and length. Visa `4` (13, 16, 19
/// digits), Mastercard `51`–`55` and `2221`–`2720` (16), American Express `34`/`37` (15). French CB
/// cards are co-branded Visa or Mastercard, so they fall in those ranges. Spaces and hyphens are
/// ignored.
pub fn card_valid(s: &str) -> bool {
    let d: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if !(13..=19).contains(&d.len()) || !luhn_valid(&d) {
        return false;
    }
    let p2: u32 = d[..2].parse().unwrap_or(0);
    let p4: u32 = d[..4].parse().unwrap_or(0);
    let len = d.len();
    (d.starts_with('4') && matches!(len, 13 | 16 | 19))
        || (((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && len == 16)
        || ((p2 == 34 || p2 == 37) && len == 15)
}

/// A French phone number by the ARCEP plan: `0` + 9 digits, or `+33`/`0033` + 9 digits without
/// the `0` (`+33 (0)1…` tolerated), overseas `+262/+269/+590/+594/+596` + 9 digits. The first
/// digit after the trunk `0` is 1–9 (so `00…` is rejected) and `070`–`072`, which are not
/// ten-digit ranges (M2M numbers have 14 digits), are rejected. Separators: space, dot, hyphen.
pub fn fr_phone_valid(s: &str) -> bool {
    let s = s.replace("(0)", "");
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}'))
        .collect();
    if compact.is_empty() {
        return false;
    }
    let national = if let Some(rest) = compact.strip_prefix("+33") {
        rest.to_string()
    } else if let Some(rest) = compact.strip_prefix("0033") {
        rest.to_string()
    } else if let Some(rest) = ["+262", "+269", "+590", "+594", "+596"]
        .iter()
        .find_map(|p| compact.strip_prefix(p))
    {
        return rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit());
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest.to_string()
    } else {
        return false;
    };
    let b = national.as_bytes();
    b.len() == 9
        && b.iter().all(u8::is_ascii_digit)
        && b[0] != b'0'
        && !(b[0] == b'7' && matches!(b[1], b'0' | b'1' | b'2'))
}

/// An e-mail address: one `@`, a dot-atom local part of at most 64 characters, a domain of at
/// least two labels (letters, digits, inner hyphens, 63 characters each) ending in an alphabetic
/// top-level domain of two letters or more.
pub fn email_valid(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || s.len() > 254 || domain.contains('@') {
        return false;
    }
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    if local
        .split('.')
        .any(|p| p.is_empty() || !p.chars().all(atext))
    {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(label_ok) && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
}

/// A group of a number run: byte span in the text.
#[derive(Clone, Copy, Debug)]
struct Group {
    start: usize,
    end: usize,
}

fn group_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'(' || b == b')'
}

/// Calls `f` on each run of digit-bearing groups separated by exactly one space, dot or hyphen.
fn for_each_number_run(text: &str, mut f: impl FnMut(&[Group])) {
    let b = text.as_bytes();
    let mut current: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !group_char(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && group_char(b[i]) {
            i += 1;
        }
        let mut end = i;
        let mut start = start;
        // A bracket that opens or closes around the number is not part of it (`(carte 4970…)`);
        // a phone's `(0)` is.
        if b[end - 1] == b')' && !b[start..end].contains(&b'(') {
            end -= 1;
        }
        if b[start] == b'(' && !b[start..end].contains(&b')') {
            start += 1;
        }
        // Letters glued before a long number are a word, not part of it (`CB4970…`, `n°`):
        // the number starts at its first digit.
        let letters = b[start..end]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let prefixed = (1..=4).contains(&letters)
            && end - start - letters >= 10
            && b[start + letters..end].iter().all(u8::is_ascii_digit);
        if prefixed {
            start += letters;
        }
        if start >= end {
            continue;
        }
        // A group glued to a non-ASCII letter (`é2`) is part of a word, not a number; `n°123` is not.
        let glued = !prefixed
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            || text[end..].chars().next().is_some_and(char::is_alphabetic);
        let has_digit = b[start..end].iter().any(u8::is_ascii_digit);
        let group = Group { start, end };
        let contiguous = current
            .last()
            .is_some_and(|g| start == g.end + 1 && matches!(b[g.end], b' ' | b'.' | b'-'));
        if has_digit && !glued {
            if !contiguous && !current.is_empty() {
                f(&current);
                current.clear();
            }
            current.push(group);
        } else if !current.is_empty() {
            f(&current);
            current.clear();
        }
    }
    if !current.is_empty() {
        f(&current);
    }
}

/// Whether the groups of a phone candidate have a shape people write: one block, or pairs of
/// digits after the prefix (`06 12 34 56 78`, `+33 6 12 34 56 78`, `+33 (0)4 78 12 34 56`).
fn phone_shape(text: &str, groups: &[Group]) -> bool {
    if groups.len() == 1 {
        return true;
    }
    let parts: Vec<&str> = groups
        .iter()
        .map(|g| &text[g.start..g.end])
        .filter(|p| *p != "(0)")
        .collect();
    let mut rest = &parts[..];
    if rest
        .first()
        .is_some_and(|first| first.starts_with('+') || first.starts_with("00"))
    {
        rest = &rest[1..];
        if rest
            .first()
            .is_some_and(|lead| lead.len() <= 3 && !lead.starts_with('('))
        {
            rest = &rest[1..];
        }
    }
    // `(0)4` style: a leading group of 3 (`(0)4`) counted as the lead digit.
    if rest.first().is_some_and(|lead| lead.starts_with("(0)")) {
        rest = &rest[1..];
    }
    !rest.is_empty()
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

type Validator = fn(&str, &[Group]) -> bool;

/// What a note must show before its numbers are cut into runs and validated, in one cheap pass:
/// a chain of at least 9 digits, each at most 2 bytes after the previous one (every phone, card
/// and NIR has 10 digits or more, apart by one separator, `(0)` or a Corsican letter at most);
/// and, for IBANs, two capitals right before two digits.
fn number_signs(b: &[u8]) -> (bool, bool) {
    let (mut chain, mut gap) = (0u32, u32::MAX);
    let (mut numbers, mut iban) = (false, false);
    let mut i = 0;
    while i < b.len() {
        // Eight bytes without a digit at once: most of a note.
        if let Some(block) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(block.try_into().unwrap_or([b'0'; 8]));
            if !has_digit(x) {
                gap = gap.saturating_add(8);
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c.is_ascii_digit() {
            chain = if gap <= 2 { chain + 1 } else { 1 };
            gap = 0;
            numbers |= chain >= 9;
            // Staff type IBANs in lower case too (`fr76 3000…`): two letters that start a word
            // and name a country of the IBAN registry, then two digits.
            iban |= i >= 3
                && b[i - 1].is_ascii_digit()
                && b[i - 2].is_ascii_alphabetic()
                && b[i - 3].is_ascii_alphabetic()
                && (i == 3 || !b[i - 4].is_ascii_alphanumeric())
                && (b[i - 3].is_ascii_uppercase()
                    || std::str::from_utf8(&[b[i - 3], b[i - 2]])
                        .is_ok_and(|c| iban_length(&c.to_ascii_uppercase()).is_some()));
        } else {
            gap = gap.saturating_add(1);
        }
        i += 1;
    }
    (numbers, iban)
}

/// Whether one of the eight bytes of `x` is an ASCII digit (bytes above 0x7F never count).
#[inline]
fn has_digit(x: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const LOW7: u64 = ONES * 0x7F;
    const HIGH: u64 = ONES * 0x80;
    // Bytes strictly between 0x2F and 0x3A, by the classic SWAR range test.
    let low = x & LOW7;
    ((ONES * (0x7F + 0x3A)).wrapping_sub(low) & !x & (low + ONES * (0x7F - 0x2F)) & HIGH) != 0
}

/// Appends the validated identifiers of `text` to `hits`.
pub(crate) fn find_identifiers(text: &str, hits: &mut Vec<Hit>) {
    find_identifiers_gated(text, hits, true);
}

/// [`find_identifiers`]; without `gate`, every note's numbers are cut into runs and validated
/// (the same hits, for the tests of the gate).
fn find_identifiers_gated(text: &str, hits: &mut Vec<Hit>, gate: bool) {
    let bytes = text.as_bytes();
    let Signs {
        digits: digit_count,
        at_sign,
        bracket,
        spelt,
    } = signs(bytes);
    let first = hits.len();
    let (numbers, iban) = if !gate {
        (true, true)
    } else if digit_count >= 9 {
        number_signs(bytes)
    } else {
        (false, false)
    };
    if iban {
        find_ibans(text, hits);
    }
    if numbers {
        let checks: [(Category, Validator); 3] = [
            (Category::Nir, |t, g| {
                let s = joined(t, g);
                s.len() == 15 && nir_valid(&s)
            }),
            (Category::Card, |t, g| {
                let s = joined(t, g);
                s.bytes().all(|b| b.is_ascii_digit()) && card_valid(&s)
            }),
            (Category::Phone, |t, g| {
                fr_phone_valid(&t[g[0].start..g[g.len() - 1].end]) && phone_shape(t, g)
            }),
        ];
        for_each_number_run(text, |run| {
            // Dates, times, grades and postcodes make short runs: nothing to validate.
            let chars: usize = run.iter().map(|g| g.end - g.start).sum();
            if chars < 10 {
                return;
            }
            // A NIR whose key is written apart: `1 84 12 76 451 089 (clé 46)`.
            if chars == 13 {
                let (start, end) = (run[0].start, run[run.len() - 1].end);
                if let Some((key, key_end)) = separate_key(text, end) {
                    let whole = format!("{}{key}", joined(text, run));
                    if nir_valid(&whole)
                        && !hits[first..]
                            .iter()
                            .any(|h| h.start < key_end && start < h.end)
                    {
                        hits.push(identifier_hit(Category::Nir, start, key_end));
                        return;
                    }
                }
            }
            // Whole run first, then prefixes and suffixes, longest first.
            let n = run.len();
            let mut spans: Vec<(usize, usize)> = vec![(0, n)];
            for k in (1..n).rev() {
                spans.push((0, k));
                spans.push((n - k, n));
            }
            'span: for (a, z) in spans {
                let groups = &run[a..z];
                let chars: usize = groups.iter().map(|g| g.end - g.start).sum();
                if !(10..=23).contains(&chars) {
                    continue;
                }
                let (start, end) = (groups[0].start, groups[groups.len() - 1].end);
                if hits[first..].iter().any(|h| h.start < end && start < h.end) {
                    continue;
                }
                for (category, valid) in &checks {
                    if valid(text, groups) {
                        hits.push(identifier_hit(*category, start, end));
                        continue 'span;
                    }
                }
            }
        });
    }
    if at_sign {
        find_emails(text, hits);
    }
    // `jean(at)mail.fr`, `j.doe [at] yahoo [dot] com`: a closing bracket right after `at` or
    // `arobase` is the cheap sign; a fifth of CRM notes hold some bracket.
    if bracket && memchr::memchr3_iter(b')', b']', b'}', bytes).any(|i| at_sign_before(bytes, i)) {
        find_written_emails(text, hits, &EMAIL_OBFUSCATED, &EMAIL_DOT);
    }
    if spelt {
        find_written_emails(text, hits, &EMAIL_SPELT, &EMAIL_SPELT_DOT);
    }
    // Passports, identity cards and passwords are announced by a word, and hold a digit.
    if digit_count > 0 {
        super::announced::find_announced(text, hits);
    }
}

/// What one pass over a note's bytes tells the identifier search.
struct Signs {
    digits: usize,
    at_sign: bool,
    bracket: bool,
    /// `dot` or `point` in any case, as in a spelt-out address.
    spelt: bool,
}

/// Counts the digits and looks for `@` and closing brackets in one pass: summed in u8 lanes
/// over 255-byte chunks, which the compiler vectorises (three separate scans, two of them
/// `memchr` on short notes, cost twice as much).
fn signs(bytes: &[u8]) -> Signs {
    let mut out = Signs {
        digits: 0,
        at_sign: false,
        bracket: false,
        spelt: false,
    };
    for chunk in bytes.chunks(255) {
        let (mut digits, mut at, mut close) = (0u8, 0u8, 0u8);
        for &b in chunk {
            digits += u8::from(b.wrapping_sub(b'0') < 10);
            at |= u8::from(b == b'@');
            close |= u8::from(b == b')') | u8::from(b == b']') | u8::from(b == b'}');
        }
        out.digits += usize::from(digits);
        out.at_sign |= at != 0;
        out.bracket |= close != 0;
    }
    // `dot` and the `oint` of `point`, folded to lower case, over four shifted views of the
    // note of equal length, which the compiler vectorises.
    let mut spelt = 0u8;
    let n = bytes.len();
    if n >= 4 {
        let (a, b, c, d) = (
            &bytes[..n - 3],
            &bytes[1..n - 2],
            &bytes[2..n - 1],
            &bytes[3..],
        );
        for i in 0..a.len() {
            let (w, x, y, z) = (a[i] | 0x20, b[i] | 0x20, c[i] | 0x20, d[i] | 0x20);
            spelt |= u8::from(w == b'd') & u8::from(x == b'o') & u8::from(y == b't');
            spelt |= u8::from(w == b'o')
                & u8::from(x == b'i')
                & u8::from(y == b'n')
                & u8::from(z == b't');
        }
    }
    out.spelt = spelt != 0 || bytes.ends_with(b"dot") || bytes.ends_with(b"DOT");
    out
}

/// Whether the bracket at `close` ends `at` or `arobase` (any case, spaces allowed inside).
fn at_sign_before(bytes: &[u8], close: usize) -> bool {
    let head = bytes[..close].trim_ascii_end();
    let ends = |word: &[u8]| {
        head.len() >= word.len() && head[head.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    ends(b"at") || ends(b"arobase")
}

/// A two-digit key written after a number, apart from it: `(clé 46)`, `clé : 46`, `key 46`,
/// `/ 46`. Returns the key and where it ends.
fn separate_key(text: &str, from: usize) -> Option<(String, usize)> {
    static KEY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s{0,3}[(\[/,;:-]?\s{0,3}(?:(?i:cl[ée]|cle|key)\s{0,3}[:=]?\s{0,3})?(\d{2})\)?(?:\b|$)")
            .expect("static key regex")
    });
    let c = KEY.captures(&text[from..])?;
    let key = c.get(1)?;
    Some((key.as_str().to_string(), from + key.end()))
}

fn joined(text: &str, groups: &[Group]) -> String {
    groups.iter().map(|g| &text[g.start..g.end]).collect()
}

fn identifier_hit(category: Category, start: usize, end: usize) -> Hit {
    Hit {
        category,
        term: category.as_str().to_string(),
        start,
        end,
        severity: Severity::High,
    }
}

/// IBANs: two uppercase letters and two digits at a word start, then exactly the country's length
/// of alphanumerics, single spaces or hyphens allowed between them, and no alphanumeric right after.
fn find_ibans(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let at_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !(at_start
            && b[i].is_ascii_alphabetic()
            && b[i + 1].is_ascii_alphabetic()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit())
        {
            i += 1;
            continue;
        }
        let country = [b[i].to_ascii_uppercase(), b[i + 1].to_ascii_uppercase()];
        let Some(len) = std::str::from_utf8(&country).ok().and_then(iban_length) else {
            i += 1;
            continue;
        };
        let mut count = 0;
        let mut j = i;
        while j < b.len() && count < len {
            if b[j].is_ascii_alphanumeric() {
                count += 1;
                j += 1;
            } else if matches!(b[j], b' ' | b'-' | b'\t' | b'\n' | b'\r')
                && j > i
                && b[j - 1].is_ascii_alphanumeric()
            {
                // Groups apart by one hyphen, or by up to three blanks (aligned columns, a
                // line break in the middle of the number).
                let gap = b[j..]
                    .iter()
                    .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
                    .count();
                let step = if b[j] == b'-' { 1 } else { gap };
                if step == 0 || step > 3 || !b.get(j + step).is_some_and(u8::is_ascii_alphanumeric)
                {
                    break;
                }
                j += step;
            } else {
                break;
            }
        }
        let boundary = j >= b.len() || !b[j].is_ascii_alphanumeric();
        if count == len && boundary && iban_valid(&text[i..j]) {
            hits.push(identifier_hit(Category::Iban, i, j));
            i = j;
        } else {
            i += 1;
        }
    }
}

static EMAIL_LOCAL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+").expect("static e-mail regex")
});

fn find_emails(text: &str, hits: &mut Vec<Hit>) {
    for m in EMAIL_LOCAL.find_iter(text) {
        let candidate = m.as_str().trim_end_matches(['.', '-']);
        let candidate = candidate.trim_start_matches('.');
        if email_valid(candidate) {
            let start = m.start() + (m.as_str().len() - m.as_str().trim_start_matches('.').len());
            hits.push(identifier_hit(
                Category::Email,
                start,
                start + candidate.len(),
            ));
        }
    }
}

/// An address written around filters: `(at)`, `[at]`, `{at}` or `arobase` in brackets for the
/// `@`, and `(dot)`, `[dot]`, `(point)` or a plain dot between the domain's labels.
static EMAIL_OBFUSCATED: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)([a-z0-9][a-z0-9._%+\-]{0,63})\s*[\[({]\s*(?:at|arobase)\s*[\])}]\s*([a-z0-9\-]+(?:\s*(?:[\[({]\s*(?:dot|point)\s*[\])}]|\.)\s*[a-z0-9\-]+)+)",
    )
    .expect("static obfuscated e-mail regex")
});

static EMAIL_DOT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)\s*(?:[\[({]\s*(?:dot|point)\s*[\])}]|\.)\s*")
        .expect("static dot regex")
});

/// An address spelt out in words: `tom.harding at gmail dot com`, `paul arobase free point fr`.
/// At least one spelt `dot`/`point` is required, so `meet at school.` is never read as one.
static EMAIL_SPELT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b([a-z0-9][a-z0-9._%+\-]{0,63})\s+(?:at|arobase)\s+([a-z0-9\-]+(?:\.[a-z0-9\-]+)*(?:\s+(?:dot|point)\s+[a-z0-9\-]+)+)\b",
    )
    .expect("static spelt e-mail regex")
});

static EMAIL_SPELT_DOT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)\s+(?:dot|point)\s+").expect("static spelt dot regex")
});

/// Addresses written around filters (`written`), their `@` in words or brackets and their dots
/// as `dot_words` may write them: each is rebuilt and validated.
fn find_written_emails(
    text: &str,
    hits: &mut Vec<Hit>,
    written: &regex::Regex,
    dot_words: &regex::Regex,
) {
    for c in written.captures_iter(text) {
        let (Some(whole), Some(local), Some(domain)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let domain = dot_words.replace_all(domain.as_str(), ".");
        let address = format!("{}@{domain}", local.as_str().trim_matches('.'));
        if email_valid(&address)
            && !hits
                .iter()
                .any(|h| h.start < whole.end() && whole.start() < h.end)
        {
            hits.push(identifier_hit(Category::Email, whole.start(), whole.end()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscated_addresses_are_found_and_validated() {
        let found = |t: &str| {
            let mut h = Vec::new();
            find_identifiers(t, &mut h);
            h.iter()
                .filter(|h| h.category == Category::Email)
                .map(|h| &t[h.start..h.end])
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(
            found("Contact : mlle.roux(at)orange.fr merci"),
            "mlle.roux(at)orange.fr"
        );
        assert_eq!(
            found("Reach her at j.doe [at] yahoo [dot] com"),
            "j.doe [at] yahoo [dot] com"
        );
        assert_eq!(
            found("ecrire a paul {arobase} free (point) fr"),
            "paul {arobase} free (point) fr"
        );
        assert_eq!(found("a.b@c.fr et d(at)e.org"), "a.b@c.fr|d(at)e.org");
        assert_eq!(
            found("Personal email: tom.harding82 at gmail dot com, call first"),
            "tom.harding82 at gmail dot com"
        );
        assert_eq!(
            found("écrire à paul arobase free point fr"),
            "paul arobase free point fr"
        );
        // Spelt words that are not an address.
        assert_eq!(found("Meet at school dot 5, point taken"), "");
        assert_eq!(found("Un point sur le dossier at the end"), "");
        // No domain, or a domain without a real top-level label: not an address.
        assert_eq!(found("meeting (at) noon"), "");
        assert_eq!(found("rendez-vous [at] 10h [dot] 30"), "");
        assert_eq!(found("voir (bureau) et [note]"), "");
    }

    /// Identifiers inside punctuation or text: a card number in brackets or glued to a word, an
    /// IBAN in aligned columns or cut by a line break, a NIR with its key written apart.
    #[test]
    fn identifiers_inside_punctuation_and_text() {
        let found = |t: &str| {
            let mut h = Vec::new();
            find_identifiers(t, &mut h);
            h.iter()
                .filter(|h| !h.category.is_contact())
                .map(|h| (h.category, t[h.start..h.end].to_string()))
                .collect::<Vec<_>>()
        };
        let one = |c: Category, v: &str| vec![(c, v.to_string())];
        assert_eq!(
            found("Refus banque (carte 4970101234567893) à relancer"),
            one(Category::Card, "4970101234567893")
        );
        assert_eq!(
            found("payé CB4970101234567893 le 3/02"),
            one(Category::Card, "4970101234567893")
        );
        assert_eq!(
            found("IBAN FR76  3000  6000  0112  3456  7890  189 reçu"),
            one(Category::Iban, "FR76  3000  6000  0112  3456  7890  189")
        );
        assert_eq!(
            found("RIB : FR76 3000 6000 0112\n3456 7890 189"),
            one(Category::Iban, "FR76 3000 6000 0112\n3456 7890 189")
        );
        assert_eq!(
            found("NIR 1 84 12 76 451 089 (clé 46) à vérifier"),
            one(Category::Nir, "1 84 12 76 451 089 (clé 46")
        );
        assert_eq!(
            found("n° sécu 1841276451089 key: 46"),
            one(Category::Nir, "1841276451089 key: 46")
        );
        // Look-alikes stay quiet: a number failing Luhn in brackets, a wrong key apart, groups
        // too far apart to be one IBAN, a reference glued to a long word.
        for text in [
            "commande (réf 4970101234567894) livrée",
            "NIR 1 84 12 76 451 089 (clé 47)",
            "FR76     3000 6000 0112 3456 7890 189",
            "dossier ABCDEFG4970101234567893",
            "Entre le 12/03/2024 et le 15/03/2024 (clé 46)",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn ibans_in_lower_case_are_found() {
        let found = |t: &str| {
            let mut h = Vec::new();
            find_identifiers(t, &mut h);
            h.iter()
                .filter(|h| h.category == Category::Iban)
                .map(|h| t[h.start..h.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("iban fr7610278060210002012340135 - prélèvement"),
            ["fr7610278060210002012340135"]
        );
        assert_eq!(
            found("IBAN : FR76 1027 8060 2100 0201 2340 135."),
            ["FR76 1027 8060 2100 0201 2340 135"]
        );
        // The same with a wrong check: nothing.
        assert!(found("iban fr7710278060210002012340135").is_empty());
    }

    #[test]
    fn nir_keys() {
        // domain.md §5.1 examples.
        assert!(nir_valid("2 55 08 14 168 025 38"));
        assert!(nir_valid("295109912611193"));
        assert!(nir_valid("253072B07300470"));
        assert!(nir_valid("253072A07300443"));
        assert!(nir_valid("2 53 07 2a 073 004 43"));
        assert!(nir_valid("185037511204506"));
        assert!(nir_valid("1 02 06 2A 004 123 65"));
        assert!(nir_valid("2 78 01 2B 033 018 32"));
        // Wrong key, swapped Corsica letters, bad sex digit, bad month, wrong length.
        assert!(!nir_valid("2 55 08 14 168 025 39"));
        assert!(!nir_valid("185037511204507"));
        assert!(!nir_valid("253072A07300470"));
        assert!(!nir_valid("253072B07300443"));
        assert!(!nir_valid("355081416802538"));
        assert!(!nir_valid("255131416802538"));
        assert!(!nir_valid("25508141680253"));
        assert!(!nir_valid("2550814168025380"));
        assert!(!nir_valid("2550814168025AB"));
    }

    #[test]
    fn iban_checksums() {
        assert!(iban_valid("FR14 2004 1010 0505 0001 3M02 606"));
        assert!(iban_valid("FR7630006000011234567890189"));
        assert!(iban_valid("DE89 3704 0044 0532 0130 00"));
        assert!(iban_valid("GB82 WEST 1234 5698 7654 32"));
        assert!(iban_valid("gb82west12345698765432"));
        assert!(iban_valid("BE68 5390 0754 7034"));
        assert!(iban_valid("CH93 0076 2011 6238 5295 7"));
        assert!(iban_valid("NL91ABNA0417164300"));
        assert!(!iban_valid("FR14 2004 1010 0505 0001 3M02 607"));
        assert!(!iban_valid("DE89 3704 0044 0532 0130 01"));
        assert!(!iban_valid("GB82 WEST 1234 5698 7654 3"));
        assert!(!iban_valid("FR7630006000011234567890"));
        assert!(!iban_valid("XX"));
        assert!(!iban_valid("1234 5678 9012 3456"));
    }

    #[test]
    fn cards() {
        assert!(luhn_valid("4111111111111111"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid("41111x1111111111"));
        assert!(card_valid("4111 1111 1111 1111"));
        assert!(card_valid("5555-5555-5555-4444"));
        assert!(card_valid("2223003122003222"));
        assert!(card_valid("378282246310005"));
        assert!(card_valid("4222222222222"));
        assert!(card_valid("4970 4148 5253 8884"));
        // Luhn-valid but an implausible network prefix or length.
        assert!(!card_valid("6011111111111117"));
        assert!(!card_valid("1234567812345670"));
        assert!(!card_valid("37828224631000"));
        assert!(!card_valid("4111111111111112"));
        assert!(!card_valid("5555 5555 5555 444"));
    }

    #[test]
    fn french_phones() {
        for ok in [
            "06 12 34 56 78",
            "0612345678",
            "01.45.67.89.10",
            "09-72-11-22-33",
            "+33 6 12 34 56 78",
            "+33612345678",
            "0033 6 12 34 56 78",
            "+33 (0)4 78 12 34 56",
            "07 56 43 21 09",
            "+262 692 12 34 56",
        ] {
            assert!(fr_phone_valid(ok), "{ok}");
        }
        for bad in [
            "00 12 34 56 78",
            "07 12 34 56 78",
            "06 12 34 56 7",
            "06 12 34 56 789",
            "6 12 34 56 78",
            "+33 0 12 34 56 78",
            "+44 20 7946 0958",
            "",
        ] {
            assert!(!fr_phone_valid(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for ok in [
            "julie.martin75@gmail.com",
            "l.benoit-faure@orange.fr",
            "j.okafor88@yahoo.co.uk",
            "a+tag@sub.example.org",
        ] {
            assert!(email_valid(ok), "{ok}");
        }
        for bad in [
            "@ecole_exemple",
            "jean@",
            "jean@localhost",
            "jean..dupont@x.fr",
            ".jean@x.fr",
            "jean@x.f",
            "jean@-x.fr",
            "jean@x.123",
            "a@b@c.fr",
        ] {
            assert!(!email_valid(bad), "{bad}");
        }
    }

    #[test]
    fn digits_are_seen_in_every_lane() {
        for k in 0..8 {
            for (byte, digit) in [
                (b'0', true),
                (b'9', true),
                (b'/', false),
                (b':', false),
                (b'a', false),
                (0xB0, false),
                (0xB9, false),
            ] {
                let mut lanes = [b'x'; 8];
                lanes[k] = byte;
                assert_eq!(
                    has_digit(u64::from_le_bytes(lanes)),
                    digit,
                    "{byte} in lane {k}"
                );
            }
        }
        assert!(!has_digit(u64::from_le_bytes(*b"\xff\x80 /:@`~")));
    }

    #[test]
    fn the_gate_keeps_every_identifier() {
        let numbers = [
            "2 55 08 14 168 025 38",
            "295109912611193",
            "253072B07300470",
            "2 53 07 2a 073 004 43",
            "1 02 06 2A 004 123 65",
            "2.78.01.2B.033.018.32",
            "FR14 2004 1010 0505 0001 3M02 606",
            "FR7630006000011234567890189",
            "GB82 WEST 1234 5698 7654 32",
            "NL91ABNA0417164300",
            "BE68-5390-0754-7034",
            "4111 1111 1111 1111",
            "5555-5555-5555-4444",
            "378282246310005",
            "4222222222222",
            "06 12 34 56 78",
            "0612345678",
            "01.45.67.89.10",
            "09-72-11-22-33",
            "+33 6 12 34 56 78",
            "0033 6 12 34 56 78",
            "+33 (0)4 78 12 34 56",
            "+262 692 12 34 56",
        ];
        let contexts = [
            ("", ""),
            ("Tél ", ", rappeler"),
            (
                "RDV le 12/03 à 18h30, salle 12. N° ",
                " (vérifié le 02/04/2025).",
            ),
            ("n°", "."),
            ("Élève né le 03/05/2008 — ", " — dossier 2025-117"),
        ];
        for n in numbers {
            for (before, after) in contexts {
                let text = format!("{before}{n}{after}");
                let (mut gated, mut all) = (Vec::new(), Vec::new());
                find_identifiers_gated(&text, &mut gated, true);
                find_identifiers_gated(&text, &mut all, false);
                assert_eq!(gated, all, "{text}");
                assert!(!gated.is_empty(), "{text}");
            }
        }
        // Dates, times and amounts alone do not open the number path.
        assert_eq!(
            number_signs(b"RDV le 12/03/2025 a 18h30, 2e trimestre : 450 EUR, cheque 1234"),
            (false, false)
        );
    }

    fn kinds(text: &str) -> Vec<(Category, &str)> {
        let mut hits = Vec::new();
        find_identifiers(text, &mut hits);
        hits.iter()
            .map(|h| (h.category, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn finds_identifiers_in_text() {
        assert_eq!(
            kinds("NIR : 2 99 11 69 381 007 64, copie"),
            [(Category::Nir, "2 99 11 69 381 007 64")]
        );
        assert_eq!(
            kinds("IBAN DE81 9487 5749 1186 2527 60 (compte allemand)"),
            [(Category::Iban, "DE81 9487 5749 1186 2527 60")]
        );
        assert_eq!(
            kinds("Tél : +33 (0)4 78 12 34 56, standard"),
            [(Category::Phone, "+33 (0)4 78 12 34 56")]
        );
        assert_eq!(
            kinds("écrire à l.benoit-faure@orange.fr."),
            [(Category::Email, "l.benoit-faure@orange.fr")]
        );
        assert_eq!(
            kinds("Carte 4970 4148 5253 8884, exp 09/27"),
            [(Category::Card, "4970 4148 5253 8884")]
        );
        // A bad NIR key stays silent and does not become a phone number.
        assert!(kinds("1 85 03 75 112 045 07").is_empty());
        assert!(kinds("Commande n° 185037511204507 livrée").is_empty());
        assert!(kinds("Référence 4970414852538885").is_empty());
        assert!(kinds("Note 12/20, le 12/03/2025, code 75011, SIRET 73282932000074").is_empty());
        assert!(kinds("Candidat 0712345678").is_empty());
    }
}
