//! A serial's chapters: a paper printing a novel in instalments sets each chapter's
//! number on a line of its own (`CHAPTER XII.`), often over the chapter's title (`The
//! Letter in the Drawer.`). Both stand inside the instalment as a heading, where the
//! headline rules would take the number for a new story's headline or drop it as a scrap.

use super::super::classify::{Page, Role};
use super::is_title_wrap;

/// Most words of a chapter's title.
const TITLE_MAX_WORDS: usize = 8;

/// Marks each chapter's number line, and the title line under it, as a heading inside
/// the story.
pub fn mark_chapter_heads(page: &mut Page) {
    let n = page.lines.len();
    for i in 0..n {
        if !is_chapter_number(page.lines[i].text) {
            continue;
        }
        page.roles[i] = Role::Heading;
        page.starts[i] = true;
        let title = i + 1;
        if title + 1 < n && is_chapter_title(page.lines[title].text) && !page.leads[title] {
            page.roles[title] = Role::Heading;
            page.starts[title] = false;
        }
    }
}

/// `CHAPTER XII.`, `Chapter 3`: the word and a number, Roman or Arabic, maybe a stop.
fn is_chapter_number(text: &str) -> bool {
    let Some(number) = ["CHAPTER ", "Chapter "]
        .iter()
        .find_map(|word| text.trim().strip_prefix(word))
    else {
        return false;
    };
    let number = number.trim_end_matches('.');
    let roman = |c: char| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C');
    !number.is_empty() && (number.chars().all(roman) || number.chars().all(|c| c.is_ascii_digit()))
}

/// A short line whose longer words are all capitalised (`A Visitor at Midnight.`).
fn is_chapter_title(text: &str) -> bool {
    text.split_whitespace().count() <= TITLE_MAX_WORDS && is_title_wrap(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chapter_number_is_the_word_and_a_numeral() {
        for line in ["CHAPTER XII.", "Chapter 3", "CHAPTER IV", " CHAPTER 12. "] {
            assert!(is_chapter_number(line), "{line}");
        }
        for line in [
            "CHAPTER",
            "CHAPTER XII. The Letter",
            "Chapter one",
            "Chapter 11 bankruptcy was filed Monday.",
            "CHAPTERS 1 2",
        ] {
            assert!(!is_chapter_number(line), "{line}");
        }
    }

    #[test]
    fn a_chapter_title_is_short_and_capitalised() {
        assert!(is_chapter_title("The Letter in the Drawer."));
        assert!(!is_chapter_title("When Miss Butterworth opened the drawer"));
        assert!(!is_chapter_title(
            "The Long Night Before the Great Storm Came Over the Hills"
        ));
    }
}
