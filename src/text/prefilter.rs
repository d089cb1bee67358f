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
//! - a phrase is keyed by two adjacent tokens (every token of a phrase must be in the text for
//!   the phrase to be), the second by its head when it is an open stem.
//!
//! Before any of these probes, a *gate* turns away most words with one probe: a bit per
//! [`GATE`]-byte head (or whole shorter word) of every word a key is about, a form, a long stem,
//! the longer word of a pair, and a second table for the few stems shorter than [`GATE`]. A pair
//! whose longer word is the first one opens the gate for the word after it.
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

use super::normalize::{ALNUM, Ascii, CharKind, classify, glued_symbol};

/// Bytes of a word that make its exact key (longer words are keyed by these first bytes).
const KEY: usize = 15;
/// Bytes of a stem that make its first-level key.
const HEAD: usize = 4;
/// log2 of the number of bits in the first-level table: 2^18 bits, 32 KiB.
const BITS: u32 = 18;
/// Bytes of a word's head in the gate.
const GATE: usize = 6;
/// log2 of the number of bits in each gate table: 2^16 bits, 8 KiB.
const GATE_BITS: u32 = 16;

/// Keys of every lexicon form, see the module documentation.
pub(crate) struct Prefilter {
    /// One bit per head ([`gate_key`]) of a word that some key is about: a word whose head is
    /// not here, after a word that does not open the gate for it, needs no probe at all.
    gate: Box<[u64]>,
    /// Heads of the first words of pairs keyed at their first word.
    gate_first: Box<[u64]>,
    /// The first [`HEAD`] bytes of every stem shorter than [`GATE`].
    gate_short: Box<[u64]>,
    /// A stem shorter than [`HEAD`] exists, so heads cannot rule words out.
    gate_open: bool,
    bits: Box<[u64]>,
    /// First-level keys: exact words, stem heads, pairs.
    keys: FxHashSet<u128>,
    /// Second-level keys: whole stems (single words, or the open second word of a pair).
    stems: FxHashSet<u128>,
    /// Exact single-word keys that only entries with a capitalised name guard have (`prêtre`,
    /// `priest`): written with a capital inside a sentence (`Mme Prêtre`, `Saint-Priest`) the
    /// word is a name, which the full matcher would turn down, so it is no key there.
    named: FxHashSet<u128>,
    /// Bit `l` set when some stem (alone, or second in a pair) has `l` bytes (capped at KEY).
    stem_lens: u16,
    pair_stem_lens: u16,
    triple_stem_lens: u16,
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

/// The gate's key: a word's first [`GATE`] bytes, or the whole shorter word with its length.
#[inline]
fn gate_key(acc: u128, len: usize) -> u64 {
    let n = len.min(GATE);
    (acc as u64 & ((1u64 << (8 * n)) - 1)) | ((n as u64) << 56)
}

#[inline]
fn gate_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - GATE_BITS)) as usize
}

#[inline]
fn bit(table: &[u64], s: usize) -> bool {
    table[s / 64] & (1 << (s % 64)) != 0
}

#[inline]
fn set_bit(table: &mut [u64], s: usize) {
    table[s / 64] |= 1 << (s % 64);
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
    /// only in capitals and whether it is skipped as a name when capitalised inside a sentence.
    pub(crate) fn new<'a>(
        patterns: impl IntoIterator<Item = (&'a str, bool, bool, bool)>,
    ) -> Prefilter {
        let mut p = Prefilter {
            gate: vec![0u64; (1 << GATE_BITS) / 64].into_boxed_slice(),
            gate_first: vec![0u64; (1 << GATE_BITS) / 64].into_boxed_slice(),
            gate_short: vec![0u64; (1 << GATE_BITS) / 64].into_boxed_slice(),
            gate_open: false,
            bits: vec![0u64; (1 << BITS) / 64].into_boxed_slice(),
            keys: FxHashSet::default(),
            stems: FxHashSet::default(),
            named: FxHashSet::default(),
            stem_lens: 0,
            pair_stem_lens: 0,
            triple_stem_lens: 0,
        };
        // Identity keys of forms of entries with and without the capitalised name guard.
        let (mut guarded, mut unguarded): (FxHashSet<u128>, FxHashSet<u128>) = Default::default();
        for (pattern, open, capitals, named) in patterns {
            let tokens: Vec<&[u8]> = pattern
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::as_bytes)
                .collect();
            let last = tokens.len().saturating_sub(1);
            // How a word is keyed as the open stem `t`: its head when long enough (confirmed
            // by the whole stem), else the whole short stem.
            let open_key = |p: &mut Prefilter, t: &[u8], words: usize| -> u128 {
                p.open_gate(t, true);
                let len = t.len().min(KEY);
                match words {
                    1 => p.stem_lens |= 1 << len,
                    2 => p.pair_stem_lens |= 1 << len,
                    _ => p.triple_stem_lens |= 1 << len,
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
                        open_key(&mut p, t, 1)
                    } else if capitals {
                        p.open_gate(t, false);
                        upper(identity(pack(t), t.len()))
                    } else {
                        p.open_gate(t, false);
                        identity(pack(t), t.len())
                    };
                    let set = if named { &mut guarded } else { &mut unguarded };
                    set.insert(key);
                    p.insert(key);
                }
                _ => {
                    // Two adjacent words, or three when every pair has a short word (`par le
                    // 115`, `changement de sexe`): the rarer the key, the fewer notes pass.
                    let lens: Vec<usize> = tokens.iter().map(|t| t.len()).collect();
                    let i = (0..last)
                        .max_by_key(|&i| {
                            let (a, b) = (lens[i], lens[i + 1]);
                            (a.min(b), a.max(b), usize::MAX - i)
                        })
                        .unwrap_or(0);
                    let (start, words) = if tokens.len() == 2 || lens[i].min(lens[i + 1]) >= 4 {
                        (i, 2)
                    } else {
                        let j = (0..last - 1)
                            .max_by_key(|&j| (lens[j] + lens[j + 1] + lens[j + 2], usize::MAX - j))
                            .unwrap_or(0);
                        (j, 3)
                    };
                    let end = start + words - 1;
                    let end_open = open && end == last;
                    let mut key = 0;
                    for (k, t) in tokens[start..end].iter().enumerate() {
                        let id = identity(pack(t), t.len());
                        key = if k == 0 { id } else { pair(key, id) };
                    }
                    let t = tokens[end];
                    let last_key = if end_open {
                        open_key(&mut p, t, words)
                    } else {
                        identity(pack(t), t.len())
                    };
                    // The gate opens at the longest word; at an earlier one, for the words
                    // that follow it.
                    let g = (start..=end).max_by_key(|&k| (lens[k], k)).unwrap_or(end);
                    if g < end {
                        let s = gate_slot(gate_key(pack(tokens[g]), lens[g]));
                        set_bit(&mut p.gate_first, s);
                    } else if !end_open {
                        p.open_gate(t, false);
                    }
                    p.insert(pair(key, last_key));
                }
            }
        }
        p.named = guarded.difference(&unguarded).copied().collect();
        p
    }

    /// Lets the words that `t` (a whole word, or an open stem) may key through the gate.
    fn open_gate(&mut self, t: &[u8], open: bool) {
        let acc = pack(t);
        if !open || t.len() >= GATE {
            set_bit(&mut self.gate, gate_slot(gate_key(acc, t.len())));
        } else if t.len() >= HEAD {
            set_bit(&mut self.gate_short, gate_slot(gate_key(acc, HEAD)));
        } else {
            self.gate_open = true;
        }
    }

    /// The gate for a word (first bytes `acc`, folded length `len`): whether it may be a key's
    /// word, and whether it may be the first word of a pair gated at its first word.
    #[inline(always)]
    fn gate(&self, acc: u128, len: usize) -> (bool, bool) {
        let s = gate_slot(gate_key(acc, len));
        let word = self.gate_open
            || bit(&self.gate, s)
            || (len >= HEAD && bit(&self.gate_short, gate_slot(gate_key(acc, HEAD))));
        (word, bit(&self.gate_first, s))
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
    fn word_hits(&self, acc: u128, len: usize, capitals: bool, name: bool, prev: Prev) -> bool {
        let id = identity(acc, len);
        if (self.probe(id) && !(name && self.named.contains(&id)))
            || (capitals && self.probe(upper(id)))
            || self.stem_hits(self.stem_lens, acc, len, |k| k)
        {
            return true;
        }
        let one = prev.one;
        if one == 0 {
            return false;
        }
        if self.probe(pair(one, id))
            || self.stem_hits(self.pair_stem_lens, acc, len, |k| pair(one, k))
        {
            return true;
        }
        let two = prev.two;
        if two == 0 {
            return false;
        }
        let both = pair(two, one);
        self.probe(pair(both, id))
            || self.stem_hits(self.triple_stem_lens, acc, len, |k| pair(both, k))
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
                    if s.word.len == 0 {
                        // A word starts: its run of ASCII letters and digits is taken at once.
                        let start = i;
                        i += 1;
                        while i < bytes.len() && ALNUM[bytes[i] as usize] {
                            i += 1;
                        }
                        match self.short_word(&mut s, bytes, start, i) {
                            Some(true) => return true,
                            Some(false) => {}
                            None => s.word.set_ascii(bytes, start, i),
                        }
                    } else {
                        s.word.push_ascii(b);
                        i += 1;
                    }
                    continue;
                }
                // Glued inside a word (`s@lope`, `a$$hole`), or an e-mail: let the full matcher
                // decide.
                if s.word.len > 0 && glued_symbol(bytes, i) {
                    return true;
                }
                if s.separator(self, matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r')) {
                    return true;
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            match classify(c) {
                CharKind::Latin { folded, upper } => {
                    if s.word.len == 0 {
                        s.word = Word::default();
                    }
                    for &f in folded {
                        s.word.push_folded(f);
                    }
                    s.word.lower |= !upper;
                    s.word.run = [0, 0];
                }
                CharKind::Other { .. } => return true,
                CharKind::Separator => {
                    if s.separator(self, matches!(c, '•' | '…')) {
                        return true;
                    }
                }
            }
            i += c.len_utf8();
        }
        s.end_word(self)
    }
}

/// The identity keys of the two words before the current one, and how many more words the
/// gate stays open for (a pair or triple gated at an earlier word).
/// Identity keys are never 0 (their top byte holds the length), so 0 stands for no word.
#[derive(Clone, Copy, Default)]
struct Prev {
    one: u128,
    two: u128,
    open: u8,
}

impl Prev {
    /// After a word of identity `id` that opens the gate (`first`) or not.
    #[inline]
    fn after(self, id: u128, first: bool) -> Prev {
        Prev {
            one: id,
            two: self.one,
            open: if first {
                2
            } else {
                self.open.saturating_sub(1)
            },
        }
    }
}

impl Prefilter {
    /// The common case in one go: a word of at most 8 ASCII letters, or of digits only, ended
    /// by an ASCII character that does not glue it to the next (`Word::set_ascii` then
    /// `Scan::end_word`, without the word's record). `None` for any other word.
    #[inline]
    fn short_word(&self, s: &mut Scan, bytes: &[u8], start: usize, end: usize) -> Option<bool> {
        let len = end - start;
        if len > 8
            || bytes
                .get(end)
                .is_some_and(|&b| b >= 0x80 || glued_symbol(bytes, end))
        {
            return None;
        }
        // The same reading as `Ascii::read`, on eight bytes: most words are this short, and the
        // 64-bit arithmetic costs a tenth of the prefilter's instructions less.
        const LETTERS: u64 = u64::from_le_bytes([0x40; 8]);
        const CASE: u64 = u64::from_le_bytes([0x20; 8]);
        const LOW: u64 = u64::from_le_bytes([0x7F; 8]);
        let raw = match bytes.get(start..start + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().unwrap_or([0; 8])),
            None => {
                let mut b = [0u8; 8];
                b[..len].copy_from_slice(&bytes[start..end]);
                u64::from_le_bytes(b)
            }
        };
        let m = if len == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        let x = raw & m;
        let letter = x & LETTERS;
        let letters = letter.count_ones() as usize;
        if letters != 0 && letters != len {
            return None;
        }
        let folded = x | (CASE & m);
        let same = (folded ^ (folded >> 8)) | (folded ^ (folded >> 16));
        let run3 = letters >= 3 && !(((same & LOW) + LOW) | same | LOW) & (letter << 1) != 0;
        if run3 || single_letters(&mut s.singles, s.gap, letters == 1) {
            return Some(true);
        }
        let lower = x & (x << 1) & LETTERS != 0;
        let name = s.inside && lower && bytes[start].is_ascii_uppercase();
        let folded = u128::from(folded);
        let (hit, first) = self.gated_hits(folded, len, !lower, name, s.prev);
        if hit {
            return Some(true);
        }
        s.prev = s.prev.after(identity(folded, len), first);
        s.gap = 0;
        s.inside = true;
        Some(false)
    }
}

/// Counts single-letter words one character apart (`c.o.n`): `true` at the third in a row.
#[inline]
fn single_letters(singles: &mut u32, gap: usize, single: bool) -> bool {
    *singles = match (single, *singles > 0 && gap == 1) {
        (false, _) => 0,
        (true, true) => *singles + 1,
        (true, false) => 1,
    };
    *singles >= 3
}

/// What the scan of one note carries from word to word.
#[derive(Default)]
struct Scan {
    word: Word,
    /// Single-letter words in a row, one character apart (`c.o.n`).
    singles: u32,
    /// Characters since the previous word.
    gap: usize,
    prev: Prev,
    /// No sentence break since the previous word, which exists: a capitalised word here is
    /// not a sentence's first (the tokenizer's `SENTENCE_START`, read conservatively).
    inside: bool,
}

impl Scan {
    /// Ends the word being read, if any. `true` when the note must go to the full matcher.
    #[inline]
    fn end_word(&mut self, p: &Prefilter) -> bool {
        if self.word.len > 0 {
            let name = self.inside && self.word.first_upper && self.word.lower;
            let (hit, first) = self
                .word
                .end(p, &mut self.singles, self.gap, name, self.prev);
            if hit {
                return true;
            }
            self.prev = self
                .prev
                .after(identity(self.word.acc(), self.word.len), first);
            // The next word starts with `set_ascii`, or with a fresh `Word` for a first
            // character that is not ASCII.
            self.word.len = 0;
            self.gap = 0;
            self.inside = true;
        }
        false
    }

    /// A separator character. `true` when the note must go to the full matcher.
    #[inline]
    /// A separator character; `brk` when it ends a sentence, as the tokenizer reads it.
    fn separator(&mut self, p: &Prefilter, brk: bool) -> bool {
        if self.end_word(p) {
            return true;
        }
        self.gap += 1;
        self.inside &= !brk;
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
    /// The first character is an ASCII capital.
    first_upper: bool,
    /// The last two ASCII letters, for runs of three.
    run: [u8; 2],
    run3: bool,
}

impl Word {
    #[inline]
    fn acc(&self) -> u128 {
        u128::from_le_bytes(self.buf)
    }

    /// A new word whose first bytes are the ASCII letters and digits `bytes[start..end]`: the
    /// same as pushing them one by one, with the sixteen first bytes handled as one integer.
    #[inline]
    fn set_ascii(&mut self, bytes: &[u8], start: usize, end: usize) {
        let n = end - start;
        if n > 16 {
            *self = Word::default();
            for &b in &bytes[start..end] {
                self.push_ascii(b);
            }
            self.first_upper = bytes[start].is_ascii_uppercase();
            return;
        }
        let w = Ascii::read(bytes, start, end);
        self.buf = w.folded.to_le_bytes();
        self.len = n;
        self.letters = w.letters > 0;
        self.nletters = w.letters.min(2) as u8;
        self.digits = w.letters < n;
        self.plain_digit = self.digits
            && bytes[start..end]
                .iter()
                .any(|b| matches!(b, b'2' | b'6' | b'8' | b'9'));
        // What follows is never an ASCII letter, so no run continues past the word.
        self.run = [0, 0];
        self.lower = w.lower;
        self.first_upper = bytes[start].is_ascii_uppercase();
        self.run3 = w.run3;
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

    /// Ends the word: whether the note must go to the full matcher, and whether the word opens
    /// the gate for the next one. `gap` is the number of characters since the previous word.
    #[inline]
    fn end(
        &self,
        p: &Prefilter,
        singles: &mut u32,
        gap: usize,
        name: bool,
        prev: Prev,
    ) -> (bool, bool) {
        if self.run3 {
            return (true, false);
        }
        // The tokenizer reads digits as letters only when every digit can be one and two real
        // letters remain (`deleet`); the word is then a lexicon form or left as it is.
        if self.digits && self.letters && !self.plain_digit && self.nletters >= 2 {
            if self.len > 16 {
                return (true, false);
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
                if run3 || p.gated_hits(acc, self.len, !self.lower, false, prev).0 {
                    return (true, false);
                }
            }
        }
        if single_letters(singles, gap, self.letters && !self.digits && self.len == 1) {
            return (true, false);
        }
        p.gated_hits(self.acc(), self.len, !self.lower, name, prev)
    }
}

impl Prefilter {
    /// [`Self::word_hits`] behind the gate; also whether the word opens the gate for the next.
    #[inline(always)]
    fn gated_hits(
        &self,
        acc: u128,
        len: usize,
        capitals: bool,
        name: bool,
        prev: Prev,
    ) -> (bool, bool) {
        let (word, first) = self.gate(acc, len);
        let hit = (word || prev.open > 0) && self.word_hits(acc, len, capitals, name, prev);
        (hit, first)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_lexicons_leave_the_gate_shut() {
        let m = crate::text::Matcher::new(&["fr", "en"], &[], &[]).expect("lexicons");
        let p = m.prefilter_for_tests();
        let set: u32 = p.gate.iter().map(|w| w.count_ones()).sum();
        assert!(!p.gate_open);
        assert!(set > 500, "{set} heads");
    }
}
