//! Text normalisation: from an original comment to a stream of folded tokens that keeps a byte
//! map back to the original.
//!
//! Why hand-rolled and not `unicode-segmentation` word bounds: UAX #29 keeps `l'élève` and
//! `c.o.n` as single words (apostrophe and full stop are `MidNumLet`), while French elision and
//! obfuscation need them split or joined; and the UAX #29 iterator alone runs at about 85 MB/s on
//! CRM notes, below the 100 MB/s budget of the whole matcher. The tokenizer below uses the same
//! Unicode character classes (a token is a maximal run of `Alphabetic`/`Numeric` characters and
//! combining marks), so every UAX #29 word boundary is also a boundary here (a test checks this on
//! the corpus); it only adds boundaries at apostrophes, dots and hyphens inside words.
//!
//! Folding, per character: NFKD compatibility decomposition (so `ﬁ` → `fi`, fullwidth → ASCII,
//! `²` → `2`, the same as NFKC for matching), combining marks dropped (accents: `dépressif` ≡
//! `depressif`), lowercase, and the few Latin letters that have no decomposition (`œ`, `æ`, `ß`,
//! `ø`, `ł`, `đ`) spelled out. Apostrophes, hyphens and every other punctuation are separators, so
//! `casse-couille` ≡ `casse couille` and `l’église` ≡ `l'église` ≡ `l église`.
//!
//! The folded tokens are written into one buffer as ` tok tok tok ` (a single space before, between
//! and after), which is what the Aho–Corasick automaton of [`super::matcher`] scans: a pattern
//! ` con ` can then only match a whole token.
//!
//! De-obfuscation happens here too, but only for tokens that look suspicious, so ordinary text pays
//! nothing for it: a run of three identical letters (`nullll`, `connnnard`), digits or `@`/`$`
//! inside letters (`c0nnard`, `s@lope`, `a$$hole`), or single letters spaced or dotted
//! (`c.o.n`, `c o n n a r d`). Such a token is replaced by a lexicon form only when the rewritten
//! spelling is one (see [`Rewrites`]), so `12h30` or `4x4` stay as they are.

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The first letter of the token is uppercase in the original text.
pub const CAPITALISED: u8 = 1;
/// All letters of the token (at least two) are uppercase in the original text.
pub const ALL_UPPER: u8 = 2;
/// Clause punctuation (`, ; : . ! ? ( ) [ ] /`, a line break, a bullet) separates this token from
/// the previous one. Negation and context scans stop there.
pub const CLAUSE_BREAK: u8 = 4;
/// The token starts a sentence: first token, or preceded by `.`, `!`, `?`, `…` or a line break.
pub const SENTENCE_START: u8 = 8;
/// A colon precedes the token: it opens a value ("Bizarre : le mail…", "santé : RAS"), so context
/// windows do not reach across it.
pub const VALUE_START: u8 = 16;

/// One token of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte range of the folded form in [`Normalized::buf`].
    pub norm: Range<usize>,
    /// [`CAPITALISED`], [`ALL_UPPER`], [`CLAUSE_BREAK`], [`SENTENCE_START`].
    pub flags: u8,
}

/// A normalised text: the folded token buffer ` a b c ` and the tokens with their original spans.
#[derive(Debug, Default)]
pub struct Normalized {
    pub buf: String,
    pub tokens: Vec<Token>,
}

impl Normalized {
    /// The folded form of token `i`.
    pub fn token_str(&self, i: usize) -> &str {
        &self.buf[self.tokens[i].norm.clone()]
    }

    /// Index of the token whose folded form starts at byte `pos` of [`Self::buf`].
    pub fn token_starting_at(&self, pos: usize) -> Option<usize> {
        self.tokens
            .binary_search_by(|t| t.norm.start.cmp(&pos))
            .ok()
    }

    /// Index of the token whose folded form contains byte `pos` of [`Self::buf`] (or ends at it).
    pub fn token_containing(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.norm.start <= pos);
        (i > 0 && pos <= self.tokens[i - 1].norm.end).then(|| i - 1)
    }
}

/// Lexicon-driven rewrites for suspicious tokens, built once by the matcher.
#[derive(Debug, Default)]
pub struct Rewrites {
    /// Every single-token lexicon form, folded.
    forms: FxHashSet<Box<str>>,
    /// `squeeze(form)` → form: repeated letters collapsed to one (`connard` → `conard`).
    squeezed: FxHashMap<Box<str>, Box<str>>,
}

impl Rewrites {
    /// Registers a folded lexicon form (phrases are ignored: obfuscation is per token).
    pub fn add_form(&mut self, form: &str) {
        if form.contains(' ') || form.is_empty() {
            return;
        }
        self.forms.insert(form.into());
        self.squeezed
            .entry(squeeze(form).into())
            .or_insert_with(|| form.into());
    }

    /// The lexicon form a suspicious token stands for, if any.
    fn rewrite(&self, token: &str) -> Option<&str> {
        let lookup = |candidate: &str| -> Option<&str> {
            if let Some(form) = self.forms.get(candidate) {
                return Some(form);
            }
            if has_run3(candidate) {
                return self.squeezed.get(squeeze(candidate).as_str()).map(|s| &**s);
            }
            None
        };
        if token.bytes().any(|b| LEET.iter().any(|&(c, _)| c == b)) {
            // `1` reads as `i` or `l`: try both.
            for one in [b'i', b'l'] {
                if let Some(form) = deleet(token, one).and_then(|plain| lookup(&plain)) {
                    return Some(form);
                }
            }
            return None;
        }
        lookup(token)
    }

    fn is_form(&self, token: &str) -> bool {
        self.forms.contains(token)
    }
}

/// Leetspeak digits and symbols and the letter each stands for (`1` is handled apart).
const LEET: [(u8, u8); 8] = [
    (b'0', b'o'),
    (b'1', b'i'),
    (b'3', b'e'),
    (b'4', b'a'),
    (b'5', b's'),
    (b'7', b't'),
    (b'@', b'a'),
    (b'$', b's'),
];

/// Replaces leet characters by letters; `None` when the token has another digit (`12h30`) or too
/// few real letters to be a disguised word.
fn deleet(token: &str, one: u8) -> Option<String> {
    let mut letters = 0;
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        if c.is_ascii() {
            let b = c as u8;
            if b == b'1' {
                out.push(one as char);
            } else if let Some(&(_, l)) = LEET.iter().find(|&&(d, _)| d == b) {
                out.push(l as char);
            } else if b.is_ascii_digit() {
                return None;
            } else {
                letters += 1;
                out.push(c);
            }
        } else {
            letters += 1;
            out.push(c);
        }
    }
    (letters >= 2).then_some(out)
}

/// Collapses every run of a repeated character to one character.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

fn has_run3(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic())
}

/// Appends the folded form of `c` to `out`: NFKD, marks dropped, lowercased.
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        _ => unicode_normalization::char::decompose_compatible(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                if d.is_ascii() {
                    out.push(d.to_ascii_lowercase());
                } else {
                    out.extend(d.to_lowercase());
                }
            }
        }),
    }
}

/// Folds a lexicon term or phrase the way text is folded: tokens joined by one space.
pub fn normalize_term(term: &str) -> String {
    let mut n = Normalized::default();
    tokenize(term, None, &mut n);
    n.buf.trim().to_string()
}

/// What the gap before a raw token contained.
#[derive(Clone, Copy, Default)]
struct Gap {
    /// The gap is exactly this one character (for spaced or dotted letters).
    single: Option<char>,
    brk: bool,
    sentence: bool,
    colon: bool,
}

/// Raw token of the first pass.
struct Raw {
    start: usize,
    end: usize,
    norm: Range<usize>,
    flags: u8,
    gap: Gap,
    /// One letter only (`c` of `c.o.n`).
    single_letter: bool,
    /// Digits or `@`/`$` among letters, or a run of three identical letters.
    suspicious: bool,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<(String, Vec<Raw>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

/// Tokenizes and folds `text` into `out` (cleared first). `rewrites` enables de-obfuscation.
pub fn tokenize(text: &str, rewrites: Option<&Rewrites>, out: &mut Normalized) {
    out.buf.clear();
    out.tokens.clear();
    SCRATCH.with(|s| {
        let mut guard = s.borrow_mut();
        let (folded, raws) = &mut *guard;
        raws.clear();
        // The first pass writes the final buffer directly; only a text with a suspicious token
        // (rare) takes the second, rewriting pass.
        first_pass(text, &mut out.buf, raws);
        let rewrite = rewrites.is_some()
            && (raws.iter().any(|r| r.suspicious)
                || raws.windows(3).any(|w| {
                    w.iter().all(|r| r.single_letter)
                        && w[1].gap.single.is_some()
                        && w[1].gap.single == w[2].gap.single
                }));
        if rewrite {
            folded.clear();
            folded.push_str(&out.buf);
            out.buf.clear();
            second_pass(folded, raws, rewrites, out);
        } else {
            out.tokens.extend(raws.iter().map(|r| Token {
                start: r.start,
                end: r.end,
                norm: r.norm.clone(),
                flags: r.flags,
            }));
        }
    });
}

/// Folding of U+00C0..U+024F (accented Latin letters), precomputed: French text is full of them
/// and the generic path (Unicode property lookups and decomposition) costs ten times more.
struct Latin {
    folded: [u8; 2],
    len: u8,
    alphabetic: bool,
    upper: bool,
}

const LATIN_FIRST: u32 = 0xC0;
const LATIN_LAST: u32 = 0x24F;

static LATIN: std::sync::LazyLock<Vec<Latin>> = std::sync::LazyLock::new(|| {
    (LATIN_FIRST..=LATIN_LAST)
        .map(|cp| {
            let c = char::from_u32(cp).unwrap_or(' ');
            let mut s = String::new();
            fold_char(c, &mut s);
            let b = s.as_bytes();
            // Every letter of the range folds to one or two ASCII letters; keep the generic path
            // for anything else.
            let ascii = !b.is_empty() && b.len() <= 2 && b.is_ascii();
            Latin {
                folded: [
                    b.first().copied().unwrap_or(0),
                    b.get(1).copied().unwrap_or(0),
                ],
                len: if ascii { b.len() as u8 } else { 0 },
                alphabetic: c.is_alphabetic(),
                upper: c.is_uppercase(),
            }
        })
        .collect()
});

/// ASCII letters and digits, by byte value: one load instead of three range tests in the
/// tokenizer's and the prefilter's inner loops.
pub(crate) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// A run of at most 16 ASCII letters and digits, read as one integer: shared by the tokenizer
/// and the prefilter, whose inner loops would otherwise look at every byte of every word.
pub(crate) struct Ascii {
    /// Its bytes, lowercased.
    pub(crate) folded: u128,
    /// How many are letters.
    pub(crate) letters: usize,
    /// How many are capital letters.
    pub(crate) upper: u32,
    /// A lowercase letter.
    pub(crate) lower: bool,
    /// Three equal letters in a row.
    pub(crate) run3: bool,
}

impl Ascii {
    /// Reads `bytes[start..end]`, at most 16 ASCII letters and digits.
    #[inline]
    pub(crate) fn read(bytes: &[u8], start: usize, end: usize) -> Ascii {
        let n = end - start;
        let raw = match bytes.get(start..start + 16) {
            Some(b) => u128::from_le_bytes(b.try_into().unwrap_or([0; 16])),
            None => {
                let mut b = [0u8; 16];
                b[..n].copy_from_slice(&bytes[start..end]);
                u128::from_le_bytes(b)
            }
        };
        let m = if n == 16 {
            u128::MAX
        } else {
            (1u128 << (8 * n)) - 1
        };
        let x = raw & m;
        // Digits already have bit 5 set: this lowercases letters and leaves digits alone.
        let folded = x | (CASE_BITS & m);
        let letter = x & LETTER_BITS;
        // Equal to the next byte and to the one after, and a letter (bit 6).
        let same = (folded ^ (folded >> 8)) | (folded ^ (folded >> 16));
        Ascii {
            folded,
            letters: letter.count_ones() as usize,
            // A letter (bit 6) with bit 5 clear, or set.
            upper: (letter & !(x << 1)).count_ones(),
            lower: x & (x << 1) & LETTER_BITS != 0,
            run3: zero_bytes(same) & (letter << 1) != 0,
        }
    }
}

/// `0x4040…40`: bit 6 of every byte, set in ASCII letters and clear in digits.
const LETTER_BITS: u128 = u128::from_le_bytes([0x40; 16]);
const CASE_BITS: u128 = u128::from_le_bytes([0x20; 16]);
const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);

/// The high bit of every zero byte of `x`, exactly (no borrow between bytes).
#[inline]
fn zero_bytes(x: u128) -> u128 {
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// `s@lope`, `a$$hole`: an `@` or `$` at `i` that continues the word it follows, because a
/// letter, a digit or another such symbol comes next. Shared by the tokenizer and the prefilter.
#[inline]
pub(crate) fn glued_symbol(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i], b'@' | b'$')
        && bytes
            .get(i + 1)
            .is_some_and(|&n| n.is_ascii_alphanumeric() || n == b'@' || n == b'$' || n >= 0x80)
}

/// How the tokenizer treats a non-ASCII character.
pub(crate) enum CharKind {
    /// An accented Latin letter (U+00C0..U+024F) that folds to these one or two ASCII letters.
    Latin { folded: &'static [u8], upper: bool },
    /// Another letter, digit or combining mark: part of a word, folded by [`fold_char`].
    Other { upper: bool },
    /// Not part of a word.
    Separator,
}

/// The class of a non-ASCII character, shared by the tokenizer and the prefilter so that both
/// cut words at the same places.
#[inline]
pub(crate) fn classify(c: char) -> CharKind {
    let cp = c as u32;
    if (LATIN_FIRST..=LATIN_LAST).contains(&cp) {
        let l = &LATIN[(cp - LATIN_FIRST) as usize];
        if l.len > 0 && l.alphabetic {
            CharKind::Latin {
                folded: &l.folded[..l.len as usize],
                upper: l.upper,
            }
        } else {
            CharKind::Separator
        }
    } else if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
        CharKind::Other {
            upper: c.is_uppercase(),
        }
    } else {
        CharKind::Separator
    }
}

/// Statistics of the token being read.
#[derive(Default)]
struct Current {
    raw: Option<Raw>,
    upper: u32,
    lower: u32,
    digits: bool,
    letters: bool,
    symbols: bool,
}

impl Current {
    #[inline]
    fn begin(&mut self, i: usize, folded_len: usize, upper: bool, gap: Gap, gap_len: usize) {
        if self.raw.is_some() {
            return;
        }
        *self = Current::default();
        let g = Gap {
            single: if gap_len == 1 { gap.single } else { None },
            ..gap
        };
        self.raw = Some(Raw {
            start: i,
            end: i,
            norm: folded_len..folded_len,
            flags: if upper { CAPITALISED } else { 0 },
            gap: g,
            single_letter: false,
            suspicious: false,
        });
    }

    #[inline]
    fn end(&mut self, folded: &mut String, raws: &mut Vec<Raw>) {
        if let Some(mut raw) = self.raw.take() {
            raw.norm.end = folded.len();
            if self.upper >= 2 && self.lower == 0 {
                raw.flags |= ALL_UPPER;
            }
            if raw.gap.brk {
                raw.flags |= CLAUSE_BREAK;
            }
            if raw.gap.sentence {
                raw.flags |= SENTENCE_START;
            }
            if raw.gap.colon {
                raw.flags |= VALUE_START;
            }
            raw.single_letter =
                self.letters && !self.digits && raw.norm.len() == 1 && raw.end - raw.start <= 4;
            if (self.digits && self.letters) || self.symbols {
                raw.suspicious = true;
            }
            raws.push(raw);
            folded.push(' ');
        }
    }
}

#[inline]
fn separator(c: char, gap: &mut Gap, gap_len: &mut usize) {
    *gap_len += 1;
    gap.single = Some(c);
    match c {
        '.' | '!' | '?' | '\n' | '\r' | '•' | '…' => {
            gap.brk = true;
            gap.sentence = true;
        }
        // A colon opens a value ("santé : RAS"), not a new sentence.
        ':' => {
            gap.brk = true;
            gap.colon = true;
        }
        ',' | ';' | '(' | ')' | '[' | ']' | '/' | '|' | '«' | '»' | '"' | '–' | '—' => {
            gap.brk = true
        }
        _ => {}
    }
}

/// Writes ` tok tok ` into `folded` and the raw tokens, whose `norm` ranges point into it.
fn first_pass(text: &str, folded: &mut String, raws: &mut Vec<Raw>) {
    folded.push(' ');
    let bytes = text.as_bytes();
    let mut gap = Gap {
        sentence: true,
        ..Gap::default()
    };
    let mut gap_len = 0usize;
    let mut cur = Current::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                // The common case: a run of ASCII letters and digits, copied in one go.
                cur.begin(i, folded.len(), b.is_ascii_uppercase(), gap, gap_len);
                let s = i;
                i += 1;
                while i < bytes.len() && ALNUM[bytes[i] as usize] {
                    i += 1;
                }
                let (run3, digits, upper) = if i - s <= 16 {
                    let w = Ascii::read(bytes, s, i);
                    (w.run3, (i - s - w.letters) as u32, w.upper)
                } else {
                    // Branch-free per byte: counts and the last two letters, for `nullll`.
                    let (mut run3, mut p1, mut p2) = (false, 0u8, 0u8);
                    let (mut digits, mut upper) = (0u32, 0u32);
                    for &b in &bytes[s..i] {
                        let digit = b <= b'9';
                        let lb = b | 0x20;
                        run3 |= (lb == p1) & (lb == p2) & !digit;
                        (p2, p1) = (p1, lb);
                        digits += u32::from(digit);
                        upper += u32::from(!digit & (b < b'a'));
                    }
                    (run3, digits, upper)
                };
                let letters = (i - s) as u32 - digits;
                cur.digits |= digits > 0;
                cur.letters |= letters > 0;
                cur.upper += upper;
                cur.lower += letters - upper;
                let at = folded.len();
                folded.push_str(&text[s..i]);
                folded[at..].make_ascii_lowercase();
                if let Some(raw) = cur.raw.as_mut() {
                    raw.end = i;
                    raw.suspicious |= run3;
                }
                gap = Gap::default();
                gap_len = 0;
                continue;
            }
            if cur.raw.is_some() && glued_symbol(bytes, i) {
                cur.symbols = true;
                if let Some(raw) = cur.raw.as_mut() {
                    raw.end = i + 1;
                }
                folded.push(b as char);
                i += 1;
                continue;
            }
            cur.end(folded, raws);
            separator(b as char, &mut gap, &mut gap_len);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let (word, upper) = match classify(c) {
            CharKind::Latin { folded: f, upper } => {
                cur.begin(i, folded.len(), upper, gap, gap_len);
                folded.push_str(std::str::from_utf8(f).unwrap_or_default());
                (true, upper)
            }
            CharKind::Other { upper } => {
                cur.begin(i, folded.len(), upper, gap, gap_len);
                fold_char(c, folded);
                (true, upper)
            }
            CharKind::Separator => (false, false),
        };
        if word {
            if upper {
                cur.upper += 1;
            } else {
                cur.lower += 1;
            }
            cur.letters = true;
            if let Some(raw) = cur.raw.as_mut() {
                raw.end = i + len;
            }
            gap = Gap::default();
            gap_len = 0;
        } else {
            cur.end(folded, raws);
            separator(c, &mut gap, &mut gap_len);
        }
        i += len;
    }
    cur.end(folded, raws);
}

fn second_pass(folded: &str, raws: &[Raw], rewrites: Option<&Rewrites>, out: &mut Normalized) {
    out.buf.reserve(folded.len() + raws.len() + 2);
    out.buf.push(' ');
    let mut i = 0;
    while i < raws.len() {
        let raw = &raws[i];
        if let Some(rw) = rewrites {
            let joined = if raw.single_letter {
                join_letters(folded, raws, i, rw)
            } else {
                None
            };
            if let Some((j, joined)) = joined {
                push_token(out, &joined, raws[i].start, raws[j - 1].end, raw.flags);
                i = j;
                continue;
            }
            let form = if raw.suspicious {
                rw.rewrite(&folded[raw.norm.clone()])
            } else {
                None
            };
            if let Some(form) = form {
                push_token(out, form, raw.start, raw.end, raw.flags);
                i += 1;
                continue;
            }
        }
        push_token(
            out,
            &folded[raw.norm.clone()],
            raw.start,
            raw.end,
            raw.flags,
        );
        i += 1;
    }
}

/// `c.o.n`, `c-o-n`, `c o n n a r d`: at least three single letters with the same one-character
/// separator. Returns the end index and the joined word when it is a lexicon form.
fn join_letters(folded: &str, raws: &[Raw], i: usize, rw: &Rewrites) -> Option<(usize, String)> {
    let sep = raws.get(i + 1)?.gap.single?;
    if !matches!(sep, '.' | '-' | '*' | ' ' | '_') {
        return None;
    }
    let mut j = i + 1;
    while j < raws.len() && raws[j].single_letter && raws[j].gap.single == Some(sep) {
        j += 1;
    }
    if j - i < 3 {
        return None;
    }
    // Longest lexicon form first: `c o n n a r d` must not stop at `con`.
    for end in (i + 3..=j).rev() {
        let joined: String = raws[i..end]
            .iter()
            .map(|r| &folded[r.norm.clone()])
            .collect();
        if rw.is_form(&joined) {
            return Some((end, joined));
        }
    }
    None
}

#[inline]
fn push_token(out: &mut Normalized, form: &str, start: usize, end: usize, flags: u8) {
    let s = out.buf.len();
    out.buf.push_str(form);
    let e = out.buf.len();
    out.buf.push(' ');
    out.tokens.push(Token {
        start,
        end,
        norm: s..e,
        flags,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut n = Normalized::default();
        tokenize(text, None, &mut n);
        (0..n.tokens.len())
            .map(|i| n.token_str(i).to_string())
            .collect()
    }

    #[test]
    fn short_and_long_words_are_read_alike() {
        // Runs of up to 16 ASCII bytes are read as one integer, longer ones byte by byte.
        let mut n = Normalized::default();
        for len in 2..=24 {
            let caps = "N".repeat(len);
            tokenize(&caps, None, &mut n);
            assert_ne!(n.tokens[0].flags & ALL_UPPER, 0, "{caps}");
            let mixed = format!("N{}", "n".repeat(len - 1));
            tokenize(&mixed, None, &mut n);
            assert_eq!(n.tokens[0].flags & ALL_UPPER, 0, "{mixed}");
            // Three equal letters in a row make the word suspicious, wherever they are.
            let runs = format!("{}NULLL{}", "ab".repeat(len / 4 + 1), "9".repeat(len % 3));
            let mut folded = String::new();
            let mut raws = Vec::new();
            first_pass(&runs, &mut folded, &mut raws);
            assert!(raws[0].suspicious, "{runs}");
            let plain = format!("{}NUL{}", "ab".repeat(len / 4 + 1), "9".repeat(len % 3));
            raws.clear();
            first_pass(&plain, &mut folded, &mut raws);
            assert_eq!(raws[0].suspicious, len % 3 != 0, "{plain}");
        }
    }

    #[test]
    fn folds_accents_case_ligatures_and_width() {
        assert_eq!(
            toks("Dépressif ŒUVRE ﬁn Ｃｏｎ"),
            ["depressif", "oeuvre", "fin", "con"]
        );
        assert_eq!(normalize_term("Élève"), "eleve");
        // Decomposed input (e + combining acute) folds like the precomposed form.
        assert_eq!(toks("de\u{301}pressif"), ["depressif"]);
    }

    #[test]
    fn splits_elision_and_hyphens() {
        assert_eq!(toks("l’église"), ["l", "eglise"]);
        assert_eq!(toks("casse-couille"), ["casse", "couille"]);
        assert_eq!(normalize_term("rue de l'Église"), "rue de l eglise");
    }

    #[test]
    fn keeps_offsets_into_the_original() {
        let text = "Élève très con.";
        let mut n = Normalized::default();
        tokenize(text, None, &mut n);
        let t = &n.tokens[2];
        assert_eq!(&text[t.start..t.end], "con");
        assert_eq!(n.buf, " eleve tres con ");
        assert!(n.tokens[0].flags & CAPITALISED != 0);
        assert!(n.tokens[0].flags & SENTENCE_START != 0);
    }

    #[test]
    fn rewrites_obfuscations_only_to_lexicon_forms() {
        let mut rw = Rewrites::default();
        for f in ["connard", "con", "nul", "salope", "asshole", "debile"] {
            rw.add_form(f);
        }
        let run = |text: &str| {
            let mut n = Normalized::default();
            tokenize(text, Some(&rw), &mut n);
            n.buf.trim().to_string()
        };
        assert_eq!(run("c0nnard"), "connard");
        assert_eq!(run("Connnnard"), "connard");
        assert_eq!(run("nullll"), "nul");
        assert_eq!(run("s@lope"), "salope");
        assert_eq!(run("a$$hole"), "asshole");
        assert_eq!(run("quel c.o.n !"), "quel con");
        assert_eq!(run("c o n n a r d"), "connard");
        assert_eq!(run("débiiile"), "debile");
        // Not disguised words: left alone.
        assert_eq!(run("12h30 4x4 il y a"), "12h30 4x4 il y a");
        assert_eq!(run("jean@ecole.fr"), "jean@ecole fr");
    }
}
