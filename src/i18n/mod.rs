//! Messages in French and English, from one catalogue per language (`en.toml`, `fr.toml`).
//!
//! Rules and reports never write a sentence with `format!`: they name a message by its id and
//! give its arguments ([`Message`]); the report renders it in the language the user chose. The
//! catalogues are embedded, and a test holds that every id exists in both with the same
//! placeholders, so a language can never fall back silently to the other.
//!
//! Placeholders: `{name}` is an argument; `{name|one|other}` picks a form by the numeric
//! argument `name` (English: one for 1; French: one for 0 and 1, as French counts).

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

/// The language of what vigie writes for people. Only the two vigie is written in: any other
/// value is a usage error, not a report silently in English.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    clap::ValueEnum,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The default language for an organisation's country (ISO 3166 code): French in France,
    /// English elsewhere.
    pub fn for_country(country: &str) -> Lang {
        if country.eq_ignore_ascii_case("FR") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Whether `n` takes the singular form.
    fn singular(self, n: u64) -> bool {
        match self {
            Lang::En => n == 1,
            Lang::Fr => n <= 1,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text written as is (a table name, a duration as the policy wrote it).
    Text(String),
    /// A number: printed as is, and chooses plural forms.
    Num(u64),
    /// A phrase that is itself translated.
    Msg(Box<Message>),
    /// Phrases joined by the message of this id (" and ").
    List(Vec<Message>, &'static str),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Num(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as u64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Num(u64::from(n))
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A message of the catalogues with its arguments: data until a report renders it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: impl Into<String>) -> Message {
        let id = id.into();
        debug_assert!(
            CATALOGUES.en.contains_key(&id),
            "message `{id}` is in no catalogue"
        );
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// A message of a section whose key is data (`category.health`).
    pub fn keyed(section: &str, key: &str) -> Message {
        Message::new(format!("{section}.{key}"))
    }

    /// This message with the argument `name` set (replaced when already set).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.set(name, value);
        self
    }

    pub fn set(&mut self, name: &'static str, value: impl Into<Arg>) {
        let value = value.into();
        match self.args.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.args.push((name, value)),
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let template = text(lang, &self.id);
        fill(template, lang, |name| {
            self.args
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| a.clone())
        })
    }
}

/// English, the language of logs and of the JSON's `message` by default.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The text of `id` in `lang`, without arguments. An unknown id is a bug caught by the
/// catalogue tests; it renders as the id itself rather than panicking in a report.
pub fn text(lang: Lang, id: &str) -> &'static str {
    let map = match lang {
        Lang::Fr => &CATALOGUES.fr,
        Lang::En => &CATALOGUES.en,
    };
    match map.get(id) {
        Some(s) => s.as_str(),
        None => {
            debug_assert!(false, "message `{id}` is in no catalogue");
            Box::leak(id.to_string().into_boxed_str())
        }
    }
}

/// `id` in `lang` with text arguments, for reports' own labels.
pub fn tr(lang: Lang, id: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    fill(text(lang, id), lang, |name| {
        args.iter().find(|(n, _)| *n == name).map(|(_, v)| {
            let s = v.to_string();
            match s.parse::<u64>() {
                Ok(n) => Arg::Num(n),
                Err(_) => Arg::Text(s),
            }
        })
    })
}

fn fill(template: &str, lang: Lang, arg: impl Fn(&str) -> Option<Arg>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        let forms: Vec<&str> = parts.collect();
        let value = arg(name);
        if forms.len() == 2 {
            let n = match &value {
                Some(Arg::Num(n)) => *n,
                Some(Arg::Text(s)) => s.parse().unwrap_or(2),
                _ => 2,
            };
            out.push_str(if lang.singular(n) { forms[0] } else { forms[1] });
            continue;
        }
        match value {
            Some(Arg::Text(s)) => out.push_str(&s),
            Some(Arg::Num(n)) => out.push_str(&n.to_string()),
            Some(Arg::Msg(m)) => out.push_str(&m.render(lang)),
            Some(Arg::List(items, sep)) => {
                let items: Vec<String> = items.iter().map(|m| m.render(lang)).collect();
                out.push_str(&items.join(text(lang, sep)));
            }
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

struct Catalogues {
    en: BTreeMap<String, String>,
    fr: BTreeMap<String, String>,
}

static CATALOGUES: LazyLock<Catalogues> = LazyLock::new(|| Catalogues {
    en: parse("en.toml", EN).unwrap_or_else(|e| panic!("{e}")),
    fr: parse("fr.toml", FR).unwrap_or_else(|e| panic!("{e}")),
});

const EN: &str = include_str!("en.toml");
const FR: &str = include_str!("fr.toml");

/// A catalogue: TOML tables of strings, flattened to `table.key` ids.
fn parse(name: &str, text: &str) -> Result<BTreeMap<String, String>, String> {
    let value: toml::Table = toml::from_str(text).map_err(|e| format!("i18n/{name}: {e}"))?;
    let mut out = BTreeMap::new();
    flatten("", &toml::Value::Table(value), &mut out)
        .map_err(|key| format!("i18n/{name}: `{key}` is not a string"))?;
    Ok(out)
}

fn flatten(
    prefix: &str,
    value: &toml::Value,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    match value {
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
            Ok(())
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out)?;
            }
            Ok(())
        }
        _ => Err(prefix.to_string()),
    }
}

/// Every id of a catalogue with its text, for tests and tools.
pub fn entries(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let map = match lang {
        Lang::Fr => &CATALOGUES.fr,
        Lang::En => &CATALOGUES.en,
    };
    map.iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

/// The placeholders of a template: names, with `|forms` for plural choices.
pub fn placeholders(template: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let name = inner.split('|').next().unwrap_or_default();
        let plural = inner.contains('|');
        out.insert(if plural {
            format!("{name}|")
        } else {
            name.to_string()
        });
        rest = &rest[open + close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        let en: BTreeMap<_, _> = entries(Lang::En).collect();
        let fr: BTreeMap<_, _> = entries(Lang::Fr).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
        let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "missing in fr.toml: {only_en:?}");
        assert!(only_fr.is_empty(), "missing in en.toml: {only_fr:?}");
        for (id, e) in &en {
            let f = fr[id];
            assert_eq!(
                placeholders(e),
                placeholders(f),
                "`{id}` has different placeholders:\n  en: {e}\n  fr: {f}"
            );
            assert!(!f.trim().is_empty(), "`{id}` is empty in fr.toml");
        }
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let m = Message::new("finding.consent-missing")
            .arg("count", 1u64)
            .arg("table", "alumni")
            .arg("purpose", "x");
        assert_eq!(
            m.render(Lang::En),
            "1 row of alumni processed for `x` with no consent given"
        );
        let m = m.arg("count", 2u64);
        assert_eq!(
            m.render(Lang::En),
            "2 rows of alumni processed for `x` with no consent given"
        );
        assert!(
            m.render(Lang::Fr)
                .starts_with("2 lignes de la table alumni"),
            "{}",
            m.render(Lang::Fr)
        );
    }

    #[test]
    fn an_argument_may_be_a_translated_phrase() {
        let inner = Message::new("report.across-purposes");
        assert_eq!(
            fill("<{x}>", Lang::Fr, |_| Some(inner.clone().into())),
            format!("<{}>", inner.render(Lang::Fr))
        );
    }

    #[test]
    fn the_country_chooses_the_default_language() {
        assert_eq!(Lang::for_country("FR"), Lang::Fr);
        assert_eq!(Lang::for_country("fr"), Lang::Fr);
        assert_eq!(Lang::for_country("BE"), Lang::En);
        assert_eq!(Lang::for_country(""), Lang::En);
    }
}
