//! The rule pack's version: what `vigie --version` and `vigie rules --format json` say about
//! the built-in rules.
//!
//! A rule's behaviour is code, versioned with the crate; its texts, severities, lexicons, name
//! vocabulary and CNIL reference durations are data under `rules/`, embedded in the binary. Two
//! binaries of the same crate version built from different rule data must not claim the same
//! rules, so the pack's version is the crate's version plus a digest of that data:
//! `0.1.0+1a2b3c4d`. Nobody has to remember to bump it, and a report records exactly which
//! pack judged the database.

use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Every data file of the pack, in a fixed order, as the modules that read them embed them:
/// the rule documentation, the lexicons, the name vocabulary and the CNIL references.
fn data() -> Vec<(&'static str, &'static str)> {
    use crate::text::lexicon::Lang;
    let mut data: Vec<(&str, &str)> = super::SOURCES.to_vec();
    for lang in [Lang::Fr, Lang::En] {
        let (path, text) = lang.source();
        data.push((path.strip_prefix("rules/").unwrap_or(path), text));
    }
    data.push(("vocabulary/names.toml", crate::text::vocabulary::SOURCE));
    data.push(("references/cnil.toml", super::references::SOURCE));
    data
}

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hash = Sha256::new();
    for (name, text) in data() {
        // Name and length first: moving text from one file to the next changes the digest.
        hash.update(name.as_bytes());
        hash.update((text.len() as u64).to_le_bytes());
        hash.update(text.as_bytes());
    }
    let digest = hash.finalize();
    let short: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}+{short}", env!("CARGO_PKG_VERSION"))
});

/// The rule pack's version: the crate's version, `+`, the first 8 hex digits of the SHA-256 of
/// the embedded rule data.
pub fn version() -> &'static str {
    &VERSION
}

/// `vigie --version`: the crate's version, then the rule pack's version and size.
pub fn long_version() -> &'static str {
    static LONG: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{} (rule pack {}, {} rules)",
            env!("CARGO_PKG_VERSION"),
            version(),
            super::registry().rules.len()
        )
    });
    &LONG
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_the_crate_version_and_a_digest_of_the_data() {
        let v = version();
        let (crate_version, digest) = v.split_once('+').unwrap();
        assert_eq!(crate_version, env!("CARGO_PKG_VERSION"));
        assert_eq!(digest.len(), 8);
        assert!(digest.chars().all(|c| c.is_ascii_hexdigit()));
    }

    /// The pack's data list covers every rule file the registry reads.
    #[test]
    fn every_rule_file_is_in_the_digest() {
        for (name, text) in super::super::SOURCES {
            assert!(
                data().iter().any(|(n, t)| n == name && t == text),
                "{name} is not in the pack's digest"
            );
        }
    }
}
