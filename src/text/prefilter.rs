//! A conservative prefilter: tells in one cheap pass over the raw bytes that a note cannot hold
//! any lexicon term, so that the tokenizer and the automaton run only on the few notes that may.
//!
//! Most comments of a CRM are clean, and for them the full matcher (folding into a token buffer,
//! then the automaton over a few thousand patterns, whose tables do not fit in the CPU caches)
//! is wasted work. The prefilter reads the text once, cuts it into words exactly as the tokenizer
//! does ([`super::normalize::classify`]), folds the first bytes of each word and probes a small
//! bit table with them:
//!
//! - every single-token lexicon form of at most [`KEY`] bytes gives an *exact* key;
//! - every open prefix (`depress*`) and every longer form gives a *head* key (its first
//!   [`HEAD`] bytes), confirmed by a second table of the whole prefix (up to [`KEY`] bytes);
//! - a phrase is keyed by its two adjacent tokens with the most letters (every token of a phrase
//!   must be in the text for the phrase to be), the second by its head when it is an open stem.
//!
//! A form of a term that must be written in capitals (`SEND`, `RN`) is keyed apart and probed
//! only by words without a lowercase letter. A word with digits among its letters is read the
//! way the tokenizer reads it: when every digit stands for a letter (`c0nnard`, `1diot`) it is
//! probed once for each reading of `1`; `18h`, `2e` or `4x4` are probed as they are.
//!
//! A word whose key is in the table sends the note to the full matcher; so does any sign of the
//! obfuscations the tokenizer undoes that the keys cannot see (`@`/`$` inside a word, three
//! identical letters in a row, three single letters in a row) and any letter outside the Latin
//! range, which the prefilter does not fold. Exceptions and policy-ignored phrases only ever
//! remove hits, so they need no key. The result: `may_match(text) == false` implies the full
//! matcher finds no lexicon term in `text` (a test checks this on the labelled corpus and on
//! generated text); identifiers are searched for separately.

use rustc_hash::FxHashSet;

use super::normalize::{ALNUM, CharKind, classify, glued_symbol};

/// Bytes of a word that make its exact key (longer words are keyed by these first bytes).
const KEY: usize = 15;
/// Bytes of a stem that make its first-level key.
const HEAD: usize = 4;
/// log2 of the number of bits in the first-level table: 2^18 bits, 32 KiB.
const BITS: u32 = 18;

/// Keys of every lexicon form, see the module documentation.
pub(crate) struct Prefilter {
    bits: Box<[u64]>,
    /// First-level keys: exact words, stem heads, pairs.
    keys: FxHashSet<u128>,
    /// Second-level keys: whole stems (single words, or the open second word of a pair).
    stems: FxHashSet<u128>,
    /// Bit `l` set when some stem (alone, or second in a pair) has `l` bytes (capped at KEY).
    stem_lens: u16,
    pair_stem_lens: u16,
}

/// Tags in the top byte of a key, beside up to 15 bytes of text.
const TAG_HEAD: u128 = 0x40;
const TAG_STEM: u128 = 0x80;
/// A form that counts only in capitals.
const TAG_UPPER: u128 = 0x20;

/// `MASKS[n]` keeps the first `n` bytes of a key.
const MASKS: [u128; KEY + 1] = {
    let mut m = [0u128; KEY + 1];
    let mut n = 1;
    while n <= KEY {
        m[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    m
};

#[inline]
fn mask(len: usize) -> u128 {
    MASKS[len.min(KEY)]
}

/// A whole word: its bytes (the first 15) and its length (16 for any longer word).
#[inline]
fn identity(acc: u128, len: usize) -> u128 {
    (acc & mask(len)) | ((len.min(KEY + 1) as u128) << 120)
}

#[inline]
fn head(acc: u128) -> u128 {
    (acc & mask(HEAD)) | (TAG_HEAD << 120)
}

#[inline]
fn stem(acc: u128, len: usize) -> u128 {
    (acc & mask(len)) | ((TAG_STEM | len as u128) << 120)
}

#[inline]
fn upper(key: u128) -> u128 {
    key ^ (TAG_UPPER << 120)
}

#[inline]
fn pair(first: u128, second: u128) -> u128 {
    first
        .wrapping_mul(0x2545_F491_4F6C_DD1D_9E37_79B9_7F4A_7C15)
        .rotate_left(41)
        ^ second
}

#[inline]
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(23);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

fn pack(word: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    let n = word.len().min(KEY);
    b[..n].copy_from_slice(&word[..n]);
    u128::from_le_bytes(b)
}

/// Lengths of `mask` up to `len`, shortest first.
#[inline]
fn lengths(mask: u16, len: usize) -> impl Iterator<Item = usize> {
    let mut lens = mask & ((2u32 << len.min(KEY)) - 1) as u16;
    std::iter::from_fn(move || {
        (lens != 0).then(|| {
            let l = lens.trailing_zeros() as usize;
            lens &= lens - 1;
            l
        })
    })
}

impl Prefilter {
    /// Builds the tables from the automaton's term patterns: folded forms (`a b c`) and open
    /// prefixes (`a b stem`, whose last token may continue), each with whether its entry counts
    /// only in capitals.
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, bool, bool)>) -> Prefilter {
        let mut p = Prefilter {
            bits: vec![0u64; (1 << BITS) / 64].into_boxed_slice(),
            keys: FxHashSet::default(),
            stems: FxHashSet::default(),
            stem_lens: 0,
            pair_stem_lens: 0,
        };
        for (pattern, open, capitals) in patterns {
            let tokens: Vec<&[u8]> = pattern
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::as_bytes)
                .collect();
            let last = tokens.len().saturating_sub(1);
            // How a word is keyed as the open stem `t`: its head when long enough (confirmed
            // by the whole stem), else the whole short stem.
            let open_key = |p: &mut Prefilter, t: &[u8], in_pair: bool| -> u128 {
                let len = t.len().min(KEY);
                if in_pair {
                    p.pair_stem_lens |= 1 << len;
                } else {
                    p.stem_lens |= 1 << len;
                }
                p.stems.insert(stem(pack(t), len));
                if len >= HEAD {
                    head(pack(t))
                } else {
                    stem(pack(t), len)
                }
            };
            match tokens.len() {
                0 => {}
                1 => {
                    let t = tokens[0];
                    let key = if open || t.len() > KEY {
                        open_key(&mut p, t, false)
                    } else if capitals {
                        upper(identity(pack(t), t.len()))
                    } else {
                        identity(pack(t), t.len())
                    };
                    p.insert(key);
                }
                _ => {
                    let i = (0..last)
                        .max_by_key(|&i| (tokens[i].len() + tokens[i + 1].len(), usize::MAX - i))
                        .unwrap_or(0);
                    let second = if open && i + 1 == last {
                        open_key(&mut p, tokens[last], true)
                    } else {
                        identity(pack(tokens[i + 1]), tokens[i + 1].len())
                    };
                    p.insert(pair(identity(pack(tokens[i]), tokens[i].len()), second));
                }
            }
        }
        p
    }

    fn insert(&mut self, key: u128) {
        let s = slot(key);
        self.bits[s / 64] |= 1 << (s % 64);
        self.keys.insert(key);
    }

    #[inline]
    fn probe(&self, key: u128) -> bool {
        let s = slot(key);
        self.bits[s / 64] & (1 << (s % 64)) != 0 && self.keys.contains(&key)
    }

    /// Whether the word matches an open stem of `lens`: its head, then the whole stem.
    #[inline]
    fn stem_hits(&self, lens: u16, acc: u128, len: usize, key: impl Fn(u128) -> u128) -> bool {
        if lens == 0 {
            return false;
        }
        let short = lens & ((1 << HEAD) - 1);
        if lengths(short, len).any(|l| self.probe(key(stem(acc, l)))) {
            return true;
        }
        len >= HEAD
            && lens >> HEAD != 0
            && self.probe(key(head(acc)))
            && lengths(lens & !short, len).any(|l| self.stems.contains(&stem(acc, l)))
    }

    /// Whether a word (first bytes `acc`, folded length `len`, `capitals` when it has no
    /// lowercase letter) has a key in the tables, alone or after the previous word (`prev`, its
    /// identity).
    #[inline]
    fn word_hits(&self, acc: u128, len: usize, capitals: bool, prev: Option<u128>) -> bool {
        let id = identity(acc, len);
        if self.probe(id)
            || (capitals && self.probe(upper(id)))
            || self.stem_hits(self.stem_lens, acc, len, |k| k)
        {
            return true;
        }
        match prev {
            Some(prev) => {
                self.probe(pair(prev, id))
                    || self.stem_hits(self.pair_stem_lens, acc, len, |k| pair(prev, k))
            }
            None => false,
        }
    }

    /// `false` only when no lexicon term can be found in `text` by the full matcher.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut s = Scan::default();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ALNUM[b as usize] {
                    s.word.push_ascii(b);
                    i += 1;
                    continue;
                }
                // Glued inside a word (`s@lope`, `a$$hole`), or an e-mail: let the full matcher
                // decide.
                if s.word.len > 0 && glued_symbol(bytes, i) {
                    return true;
                }
                if s.separator(self) {
                    return true;
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            match classify(c) {
                CharKind::Latin { folded, upper } => {
                    for &f in folded {
                        s.word.push_folded(f);
                    }
                    s.word.lower |= !upper;
                    s.word.run = [0, 0];
                }
                CharKind::Other { .. } => return true,
                CharKind::Separator => {
                    if s.separator(self) {
                        return true;
                    }
                }
            }
            i += c.len_utf8();
        }
        s.word.len > 0 && s.word.end(self, &mut s.singles, s.gap, s.prev)
    }
}

/// What the scan of one note carries from word to word.
#[derive(Default)]
struct Scan {
    word: Word,
    /// Single-letter words in a row, one character apart (`c.o.n`).
    singles: u32,
    /// Characters since the previous word.
    gap: usize,
    /// The identity key of the previous word.
    prev: Option<u128>,
}

impl Scan {
    /// A separator character: ends the word being read, if any. `true` when the note must go
    /// to the full matcher.
    #[inline]
    fn separator(&mut self, p: &Prefilter) -> bool {
        if self.word.len > 0 {
            if self.word.end(p, &mut self.singles, self.gap, self.prev) {
                return true;
            }
            self.prev = Some(identity(self.word.acc(), self.word.len));
            self.word = Word::default();
            self.gap = 0;
        }
        self.gap += 1;
        false
    }
}

/// The word being read.
#[derive(Default)]
struct Word {
    /// Its first 16 folded bytes.
    buf: [u8; 16],
    len: usize,
    digits: bool,
    /// A digit that does not stand for a letter (`2`, `6`, `8`, `9`).
    plain_digit: bool,
    letters: bool,
    /// Folded letters, counted up to 2.
    nletters: u8,
    /// A lowercase letter.
    lower: bool,
    /// The last two ASCII letters, for runs of three.
    run: [u8; 2],
    run3: bool,
}

impl Word {
    #[inline]
    fn acc(&self) -> u128 {
        u128::from_le_bytes(self.buf)
    }

    #[inline]
    fn push_folded(&mut self, f: u8) {
        if self.len < 16 {
            self.buf[self.len] = f;
        }
        self.len += 1;
        self.letters = true;
        self.nletters = (self.nletters + 1).min(2);
    }

    #[inline]
    fn push_ascii(&mut self, b: u8) {
        if b.is_ascii_digit() {
            self.digits = true;
            self.plain_digit |= matches!(b, b'2' | b'6' | b'8' | b'9');
            self.run = [0, 0];
            if self.len < 16 {
                self.buf[self.len] = b;
            }
            self.len += 1;
            return;
        }
        let l = b | 0x20;
        self.lower |= b == l;
        self.run3 |= (self.run[0] == l) & (self.run[1] == l);
        self.run = [self.run[1], l];
        self.push_folded(l);
    }

    /// Ends the word: `true` when the note must go to the full matcher. `gap` is the number of
    /// characters since the previous word.
    #[inline]
    fn end(&self, p: &Prefilter, singles: &mut u32, gap: usize, prev: Option<u128>) -> bool {
        if self.run3 {
            return true;
        }
        // The tokenizer reads digits as letters only when every digit can be one and two real
        // letters remain (`deleet`); the word is then a lexicon form or left as it is.
        if self.digits && self.letters && !self.plain_digit && self.nletters >= 2 {
            if self.len > 16 {
                return true;
            }
            for one in [b'i', b'l'] {
                let mut b = self.buf;
                for x in &mut b[..self.len] {
                    *x = match *x {
                        b'0' => b'o',
                        b'1' => one,
                        b'3' => b'e',
                        b'4' => b'a',
                        b'5' => b's',
                        b'7' => b't',
                        l => l,
                    };
                }
                let run3 = b[..self.len]
                    .windows(3)
                    .any(|w| w[0] == w[1] && w[1] == w[2]);
                let acc = u128::from_le_bytes(b);
                if run3 || p.word_hits(acc, self.len, !self.lower, prev) {
                    return true;
                }
            }
        }
        if self.letters && !self.digits && self.len == 1 {
            *singles = if *singles > 0 && gap == 1 {
                *singles + 1
            } else {
                1
            };
            if *singles >= 3 {
                return true;
            }
        } else {
            *singles = 0;
        }
        p.word_hits(self.acc(), self.len, !self.lower, prev)
    }
}
