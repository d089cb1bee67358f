//! The prefilter that lets most clean notes skip the tokenizer and the automaton must never
//! change what is found: `find` (with it) and `find_unfiltered` (without) agree on the whole
//! labelled corpus, on hand-written traps for its folding and word cutting, and on generated
//! text made of lexicon words, mutated the ways people disguise or mistype them.

mod common;
use common::corpus_texts;
use vigie::text::{ExtraTerm, Matcher};

fn corpus() -> Vec<String> {
    corpus_texts(&[
        "tune-fr.tsv",
        "tune-en.tsv",
        "holdout-fr.tsv",
        "holdout-en.tsv",
    ])
}

fn both_lexicons() -> Matcher {
    Matcher::new(&["fr", "en"], &[], &[]).expect("lexicons")
}

fn assert_same(m: &Matcher, text: &str) {
    assert_eq!(m.find(text), m.find_unfiltered(text), "{text:?}");
}

#[test]
fn same_hits_with_and_without_prefilter_on_the_corpus() {
    let m = both_lexicons();
    let lines = corpus();
    let mut with_hits = 0;
    for line in &lines {
        assert_same(&m, line);
        with_hits += usize::from(!m.find(line).is_empty());
    }
    assert!(with_hits > 500, "{with_hits} lines with hits");
}

#[test]
fn same_hits_on_folding_and_obfuscation_traps() {
    let m = both_lexicons();
    for text in [
        "Élève DÉPRESSIVE depuis la rentrée",
        "ŒUVRE ﬁn Ｃｏｎｎａｒｄ au téléphone",
        "de\u{301}pressif depuis des mois",
        "quel c0nnard, vraiment un c.o.n, c o n n a r d, c-o-n",
        "Nullllle en tout, connnnard, débiiile",
        "s@lope, a$$hole, jean@ecole.fr, 5$ payés",
        "alcoolique notoire, ALCOOLIQUE, Alcoolique",
        "famille juive très pratiquante",
        "dossier médical transmis, problème de santé",
        "anticonstitutionnellement hospitalisation psychiatrique",
        "NIR 1 02 06 2A 004 123 65 et portable 06 12 34 56 78",
        "il y a l'élève à l'école",
        "a b c d e f",
        "naïve, Noël, cœur, façade, Ærø, straße",
        "Ｃｏｎ",
        "ﬁls d'alcoolique",
        "",
        " ",
        "x",
        "’«»…—–",
    ] {
        assert_same(&m, text);
    }
}

#[test]
fn same_hits_with_policy_terms() {
    let extra = [ExtraTerm {
        term: "tire-au-flanc".to_string(),
        category: vigie::text::Category::Judgement,
    }];
    let m = Matcher::new(&["fr"], &extra, &["fou rire".to_string()]).expect("policy terms");
    assert!(m.prefilter_passes("Un vrai tire au flanc"));
    assert!(!m.find("Un vrai tire au flanc").is_empty());
    for line in corpus().iter().step_by(3) {
        assert_same(&m, line);
    }
}

/// Deterministic xorshift, so that a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn mutate(word: &str, rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => word.to_uppercase(),
        1 => {
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        // Accents taken off or put on.
        2 => word
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                'e' => 'é',
                'à' => 'a',
                'a' => 'à',
                other => other,
            })
            .collect(),
        // Leetspeak, with symbols or with digits only (`1` for `i` or `l`).
        3 => match rng.below(3) {
            0 => word
                .replace('o', "0")
                .replace('a', "@")
                .replace('e', "3")
                .replace('s', "$"),
            1 => word
                .replace('i', "1")
                .replace('a', "4")
                .replace('s', "5")
                .replace('t', "7"),
            _ => word.replace('l', "1").replace('o', "0").replace('e', "3"),
        },
        // Letters spaced or dotted.
        4 => word
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(if rng.below(2) == 0 { "." } else { " " }),
        // A letter repeated.
        5 => {
            let chars: Vec<char> = word.chars().collect();
            let i = rng.below(chars.len().max(1));
            chars
                .iter()
                .enumerate()
                .flat_map(|(k, &c)| std::iter::repeat_n(c, if k == i { 4 } else { 1 }))
                .collect()
        }
        // Cut short, or glued to a suffix.
        6 => word.chars().take(word.chars().count().max(2) - 1).collect(),
        7 => format!("{word}ment"),
        // Glued to digits that stand for no letter, or to digits that might (`2e`, `1er`).
        8 => match rng.below(4) {
            0 => format!("{word}2"),
            1 => format!("18{word}"),
            2 => format!("1{word}"),
            _ => format!("{word}0"),
        },
        _ => word.to_string(),
    }
}

#[test]
fn same_hits_on_generated_text() {
    let m = both_lexicons();
    let lines = corpus();
    let words: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.split(|c: char| c.is_whitespace() || ",.;:!?()".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    let seps = [
        " ", " ", " ", ", ", ". ", " - ", "'", " : ", "\n", "’", " (", ") ",
    ];
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut generated = 0;
    let mut with_hits = 0;
    for _ in 0..20_000 {
        let n = 1 + rng.below(12);
        let mut text = String::new();
        for k in 0..n {
            if k > 0 {
                text.push_str(seps[rng.below(seps.len())]);
            }
            let w = words[rng.below(words.len())];
            text.push_str(&mutate(w, &mut rng));
        }
        assert_same(&m, &text);
        generated += 1;
        with_hits += usize::from(!m.find(&text).is_empty());
    }
    assert_eq!(generated, 20_000);
    assert!(with_hits > 1_000, "{with_hits} generated texts with hits");
}

/// Every form, stem and exception of the lexicons, as written there.
fn lexicon_strings() -> Vec<String> {
    let mut out = Vec::new();
    for file in ["fr.toml", "en.toml"] {
        let path = format!("{}/rules/lexicons/{file}", env!("CARGO_MANIFEST_DIR"));
        let doc: toml::Table = std::fs::read_to_string(path)
            .expect("lexicon file")
            .parse()
            .expect("lexicon TOML");
        let groups = doc.get("group").and_then(|g| g.as_array()).expect("groups");
        for g in groups {
            for t in g
                .get("terms")
                .and_then(|t| t.as_array())
                .into_iter()
                .flatten()
            {
                match t {
                    toml::Value::String(s) => out.push(s.clone()),
                    toml::Value::Table(t) => {
                        for key in ["term", "forms", "exceptions"] {
                            match t.get(key) {
                                Some(toml::Value::String(s)) => out.push(s.clone()),
                                Some(toml::Value::Array(a)) => out.extend(
                                    a.iter().filter_map(|v| v.as_str()).map(str::to_string),
                                ),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

#[test]
fn same_hits_on_every_lexicon_form_in_context() {
    // Phrases are keyed by two or three of their words: each one, in a sentence, as a stem
    // continued, and with a word added inside, must be judged the same with the prefilter.
    let m = both_lexicons();
    let strings = lexicon_strings();
    assert!(strings.len() > 1000, "{} lexicon strings", strings.len());
    let mut with_hits = 0;
    for (k, raw) in strings.iter().enumerate() {
        let (form, open) = match raw.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (raw.as_str(), false),
        };
        let tail = if open { "ement" } else { "" };
        let words: Vec<&str> = form.split(' ').collect();
        let mut texts = vec![
            format!("{form}{tail}"),
            format!("Il est {form}{tail} depuis la rentrée."),
            format!("Note du 12/03 : {}{tail}, à suivre", form.to_uppercase()),
            format!("l'élève {form}{tail}"),
        ];
        // Capitalised inside a sentence (a name to the full matcher, and to the prefilter for
        // entries guarded so), and capitalised after every kind of sentence break.
        let cap: String = {
            let mut c = form.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        texts.extend([
            format!("Rendez-vous avec {cap}{tail} demain"),
            format!("Vu Mme {cap}{tail} et M. {cap}{tail}"),
            format!("Saint-{cap}{tail} le 3"),
            format!("Fin. {cap}{tail} ensuite! {cap}{tail}? {cap}{tail}"),
            format!("Suite… {cap}{tail} • {cap}{tail}\n{cap}{tail}\r{cap}{tail}"),
            format!("{cap}{tail} : {cap}{tail}, {cap}{tail}"),
        ]);
        if words.len() > 1 {
            // A word slipped inside the phrase, or the phrase cut short: never a phrase hit.
            let mid = words.len() / 2;
            texts.push(format!(
                "{} très {}",
                words[..mid].join(" "),
                words[mid..].join(" ")
            ));
            texts.push(format!("elle {}", words[..words.len() - 1].join(" ")));
        }
        for text in &texts {
            assert_same(&m, text);
        }
        with_hits += usize::from(!m.find(&texts[1]).is_empty());
        // The previous string right before this one: phrases across two entries.
        if k > 0 {
            assert_same(&m, &format!("{} {form}", strings[k - 1]));
        }
    }
    assert!(
        with_hits > 1000,
        "{with_hits} lexicon strings found in context"
    );
}

#[test]
fn clean_notes_skip_the_full_matcher() {
    // The prefilter is only worth its pass if ordinary notes stop there.
    let m = both_lexicons();
    for text in [
        "Rendez-vous fixé mardi pour l'inscription en première année.",
        "A rappelé pour le dossier de bourse, documents reçus.",
        "Called back about the application, forms received.",
        "Très bon entretien, projet professionnel clair et motivé.",
        // Times, ordinals and codes: digits inside words that stand for no letter.
        "RDV le 12/03 à 18h30, 2e trimestre payé le 1er mars, salle B12, BTS2.",
        // `SEND` (special needs) counts only in capitals.
        "Will send the forms on Monday.",
        // Capitalised inside a sentence, a word of a name-guarded entry is a name.
        "Rendez-vous à Saint-Priest avec Mme Prêtre pour le dossier.",
        "Meeting with Mr Priest and the Saint-Priest campus on Monday.",
    ] {
        assert!(!m.prefilter_passes(text), "{text}");
        assert!(m.find_unfiltered(text).is_empty(), "{text}");
    }
    for text in [
        "Élève dépressif depuis la rentrée.",
        "quel c0nnard",
        "Parents en instance de divorce.",
        "Élève suivi en SEND depuis la sixième.",
        "c0nn4rd, 1d10t, 4lc00l1que",
    ] {
        assert!(m.prefilter_passes(text), "{text}");
    }
}
