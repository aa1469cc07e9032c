//! The English words a page is read against: SCOWL's American English list at size 50
//! (`data/en-words.txt`, its provenance and notice in `data/README.md`), 73,604 words in
//! lower case. Used to tell a word from a fragment of one where the page's own words do not
//! tell (`state` / `ment`: `statement` is a word, `ment` is none).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The days of the week, as a page capitalises them.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The list, one word per line, built into the binary so the splitter reads no file.
const WORDS: &str = include_str!("../../../data/en-words.txt");

/// How many words the list holds.
const WORD_COUNT: usize = 73_604;

/// The list as a set, built on the first English page (a few milliseconds, once).
fn words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        // Sized up front: growing the table as it fills would hash every word again.
        let mut set = FxHashSet::with_capacity_and_hasher(WORD_COUNT, Default::default());
        set.extend(WORDS.lines());
        set
    })
}

/// Whether `word` is an English word, case aside.
pub fn is_word(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return words().contains(word);
    }
    words().contains(word.to_lowercase().as_str())
}

/// Endings the list holds as words of their own (`ed`, `ing`: abbreviations, names of
/// letters, rare nouns) that prose never prints alone in lower case. Sorted.
const BARE_ENDINGS: [&str; 8] = ["al", "ed", "er", "es", "est", "ing", "ted", "ting"];

/// Whether `word` is an ending that stands alone only where a line break cut it from its
/// word (`interpret` / `ed`): the list's word of that spelling is not what the page means.
pub fn is_bare_ending(word: &str) -> bool {
    BARE_ENDINGS.binary_search(&word).is_ok()
}

/// Whether `parts` read as one word (`["state", "ment"]`) are an English word, case aside.
pub fn is_joined_word(parts: &[&str]) -> bool {
    is_word(&parts.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_case_aside_and_fragments() {
        for w in ["statement", "Oklahoma", "AFTERNOON", "the", "éclat"] {
            assert!(is_word(w), "{w}");
        }
        for w in ["ment", "Switzer", "tion", "situa", ""] {
            assert!(!is_word(w), "{w}");
        }
        assert!(is_joined_word(&["state", "ment"]));
        assert!(is_bare_ending("ing") && is_bare_ending("ed") && !is_bare_ending("Ed"));
        assert!(
            BARE_ENDINGS.windows(2).all(|w| w[0] < w[1]) && BARE_ENDINGS.iter().all(|w| is_word(w))
        );
        assert!(!is_joined_word(&["situa", "ment"]));
    }

    #[test]
    fn the_list_is_sorted_lower_case_letters_without_duplicates() {
        let lines: Vec<&str> = WORDS.lines().collect();
        assert_eq!(lines.len(), WORD_COUNT);
        assert!(
            lines.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(lines.iter().all(|w| !w.is_empty()
            && w.chars().all(char::is_alphabetic)
            && w.to_lowercase() == *w));
    }
}
