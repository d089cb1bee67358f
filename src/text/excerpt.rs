//! Masked excerpts for reports (`--show-excerpts`): a few words around a hit, the hit itself
//! replaced by `[category:term]`, and what may identify someone masked: capitalised words (likely
//! names) become `X`, every digit becomes `0`, a word with `@` becomes `X@X`.
//!
//! Word windows use Unicode word segmentation (UAX #29); speed does not matter here, only reports
//! call it.

use unicode_segmentation::UnicodeSegmentation;

use super::Hit;

/// Words kept on each side of the hit.
const WINDOW: usize = 4;

/// `"… patient [health:dépression] depuis …"`.
pub fn mask_excerpt(text: &str, hit: &Hit) -> String {
    let start = floor_char_boundary(text, hit.start.min(text.len()));
    let end = floor_char_boundary(text, hit.end.clamp(start, text.len()));
    let (before, cut_before) = side(&text[..start], true);
    let (after, cut_after) = side(&text[end..], false);
    let mut out = String::new();
    if cut_before {
        out.push_str("… ");
    }
    out.push_str(&before);
    out.push_str(&format!("[{}:{}]", hit.category.as_str(), hit.term));
    out.push_str(&after);
    if cut_after {
        out.push_str(" …");
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The masked `WINDOW` words of one side, and whether words were left out. Words are
/// whitespace-separated chunks; inside a chunk, UAX #29 word segments are masked one by one so
/// that punctuation survives ("Durand," → "X,").
fn side(s: &str, before: bool) -> (String, bool) {
    let chunks: Vec<&str> = s.split_whitespace().collect();
    let is_word = |c: &str| c.chars().any(char::is_alphanumeric);
    let total = chunks.iter().filter(|c| is_word(c)).count();
    let mut kept: Vec<String> = Vec::new();
    let mut words = 0;
    let ordered: Box<dyn Iterator<Item = &&str>> = if before {
        Box::new(chunks.iter().rev())
    } else {
        Box::new(chunks.iter())
    };
    for chunk in ordered {
        if is_word(chunk) {
            if words == WINDOW {
                break;
            }
            words += 1;
        }
        kept.push(mask_chunk(chunk));
    }
    if before {
        kept.reverse();
    }
    let mut out = kept.join(" ");
    // Keep the spacing that touched the hit: "patiente [health:…]" but "(… [phone:phone])".
    if before && s.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    if !before && s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    (out, total > words)
}

fn mask_chunk(chunk: &str) -> String {
    if chunk.contains('@') {
        return "X@X".to_string();
    }
    chunk
        .split_word_bounds()
        .map(|seg| {
            if seg.chars().next().is_some_and(char::is_uppercase) {
                "X".to_string()
            } else {
                seg.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Category, Severity};

    fn hit(text: &str, needle: &str, category: Category, term: &str) -> Hit {
        let start = text.find(needle).unwrap();
        Hit {
            category,
            term: term.to_string(),
            start,
            end: start + needle.len(),
            severity: Severity::High,
        }
    }

    #[test]
    fn masks_names_digits_and_the_hit() {
        let text = "Rendez-vous du 12/03 : Mme Durand signale que sa fille est patiente dépressive depuis la rentrée de septembre 2024, appeler au bureau.";
        let h = hit(text, "dépressive", Category::Health, "dépressif");
        let e = mask_excerpt(text, &h);
        assert_eq!(
            e,
            "… sa fille est patiente [health:dépressif] depuis la rentrée de …"
        );
        let text = "Mail de Paul : paul.durand@gmail.com, tél 06 12 34 56 78 merci";
        let h = hit(text, "06 12 34 56 78", Category::Phone, "phone");
        let e = mask_excerpt(text, &h);
        assert!(
            !e.contains("Paul") && !e.contains("durand") && !e.contains("06"),
            "{e}"
        );
        assert!(e.contains("[phone:phone]"), "{e}");
    }
}
