//! Words whose line-end hyphen the OCR lost: an English column breaks a word with a hyphen
//! (`Con-` / `scious`), and the scan of an old page often drops it, leaving `Con` / `scious`,
//! which reflow joins with a space like any two words. Such a break joins a word that is
//! printed whole elsewhere on the page (`Switzerland`) or is an English word
//! ([`super::lexicon`]: `statement`), while one of its halves is no word: the page prints
//! it nowhere else (`Switzer`), or it is no English word (`ment`). Two words that merely
//! make a word together (`to` / `day`) stay apart.
//!
//! Only whitespace is removed, one of the normalisations the splitter may make.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::article::Block;
use crate::edition::classify::Page;
use crate::edition::segment::Piece;

use super::lexicon;

/// Letters a half must have: a one-letter line end is more likely noise than a word's start.
const MIN_HALF: usize = 2;

/// A line break's two halves, as printed: the letters ending one line and those starting
/// the next.
type Break<'a> = (&'a str, &'a str);

/// Mends every lost-hyphen break of `page` in the text of `pieces` (see the module doc).
pub fn mend_lost_hyphens(page: &Page, pieces: &mut [Piece]) {
    let breaks = lost_hyphen_breaks(page);
    if breaks.is_empty() {
        return;
    }
    let seams = Seams::of(breaks);
    let mend = |text: &mut String| seams.mend(text);
    for piece in pieces {
        if let Some(head) = piece.head.as_mut() {
            mend(&mut head.title);
            [&mut head.kicker, &mut head.subtitle]
                .into_iter()
                .flatten()
                .for_each(mend);
        }
        for block in &mut piece.blocks {
            match block {
                Block::Paragraph { text }
                | Block::Heading { text }
                | Block::Caption { text, .. } => mend(text),
            }
        }
    }
}

/// The breaks to mend, and the byte pairs around their spaces (the last byte of the first
/// half, the first of the second): a text's spaces are looked at closer only where those
/// two bytes are a break's.
struct Seams<'a> {
    breaks: FxHashSet<Break<'a>>,
    around: Vec<u64>,
}

impl<'a> Seams<'a> {
    fn of(breaks: FxHashSet<Break<'a>>) -> Self {
        let mut around = vec![0u64; (1 << 16) / 64];
        for (end, start) in &breaks {
            let k = Self::slot(end.as_bytes()[end.len() - 1], start.as_bytes()[0]);
            around[k / 64] |= 1 << (k % 64);
        }
        Seams { breaks, around }
    }

    fn slot(before: u8, after: u8) -> usize {
        usize::from(before) << 8 | usize::from(after)
    }

    /// `text` with the space of each break removed where its halves meet as whole words.
    fn mend(&self, text: &mut String) {
        let bytes = text.as_bytes();
        let cuts: Vec<usize> = memchr::memchr_iter(b' ', bytes)
            .filter(|&i| {
                let (Some(&b), Some(&a)) = (
                    i.checked_sub(1).and_then(|k| bytes.get(k)),
                    bytes.get(i + 1),
                ) else {
                    return false;
                };
                let k = Self::slot(b, a);
                self.around[k / 64] & (1 << (k % 64)) != 0
                    && self.breaks.contains(&(
                        trailing_letters(&text[..i]),
                        leading_letters(&text[i + 1..]),
                    ))
            })
            .collect();
        // From the back, so the earlier positions stay where they were.
        for i in cuts.into_iter().rev() {
            text.remove(i);
        }
    }
}

/// The line breaks of the page that cut a word whose hyphen was lost (see the module doc):
/// the joined word (case aside) is a word of the page whose halves are not both printed
/// elsewhere, or an English word one of whose halves is none; in neither case are both
/// halves words printed elsewhere on the page.
fn lost_hyphen_breaks<'a>(page: &Page<'a>) -> FxHashSet<Break<'a>> {
    let candidates: Vec<Break<'a>> = page
        .lines
        .windows(2)
        .filter_map(|pair| Some((last_word(pair[0].text)?, first_word(pair[1].text)?)))
        .collect();
    if candidates.is_empty() {
        return FxHashSet::default();
    }
    // Only the words the candidates ask about are counted; `at_breaks` counts the halves'
    // own places, at this and the page's other candidate breaks (`bat` / `tery` twice).
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut at_breaks: FxHashMap<u64, u32> = FxHashMap::default();
    for &(end, start) in &candidates {
        for key in [word_key([end]), word_key([start])] {
            *at_breaks.entry(key).or_insert(0) += 1;
            counts.insert(key, 0);
        }
        counts.insert(word_key([end, start]), 0);
    }
    for line in &page.lines {
        for_each_word(line.text, |word| {
            if let Some(n) = counts.get_mut(&word_key([word])) {
                *n += 1;
            }
        });
    }
    let count = |key: u64| counts.get(&key).copied().unwrap_or(0);
    candidates
        .into_iter()
        .filter(|&(end, start)| {
            let elsewhere = |w: &str| {
                let key = word_key([w]);
                count(key) > at_breaks.get(&key).copied().unwrap_or(0)
            };
            let on_page = count(word_key([end, start])) > 0;
            let english = || {
                let word = |w: &str| lexicon::is_word(w) && !lexicon::is_bare_ending(w);
                !(word(end) && word(start)) && lexicon::is_joined_word(&[end, start])
            };
            !(elsewhere(end) && elsewhere(start)) && (on_page || english())
        })
        .collect()
}

/// Calls `f` with each run of letters of `text`: by bytes when it is ASCII, as an English
/// page's lines nearly all are.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    if text.is_ascii() {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .for_each(f);
    } else {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .for_each(&mut f);
    }
}

/// A word's key, case aside: the hash of its lower-case letters, `parts` read as one word
/// (`["Switzer", "land"]` is `switzerland`'s key). Nothing is copied.
fn word_key<'w>(parts: impl IntoIterator<Item = &'w str>) -> u64 {
    let mut h = FxHasher::default();
    for c in parts.into_iter().flat_map(str::chars) {
        // ASCII first: an English page's words are nearly all ASCII, which needs no table.
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        h.write_u32(u32::from(lower));
    }
    h.finish()
}

/// The letters a line ends with, when it ends with a word of at least [`MIN_HALF`] letters.
pub(in crate::edition) fn last_word(text: &str) -> Option<&str> {
    let word = trailing_letters(text.trim_end());
    (word.chars().count() >= MIN_HALF).then_some(word)
}

/// The letters a line starts with, when it starts with a word of at least [`MIN_HALF`]
/// letters.
fn first_word(text: &str) -> Option<&str> {
    let word = leading_letters(text.trim_start());
    (word.chars().count() >= MIN_HALF).then_some(word)
}

/// The letters `text` ends with (none when it ends otherwise).
fn trailing_letters(text: &str) -> &str {
    // ASCII letters by their bytes; the characters are decoded only past a non-ASCII one.
    let bytes = text.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii() {
        start = text[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(start, |(i, _)| i);
    }
    &text[start..]
}

/// The letters `text` starts with (none when it starts otherwise), up to a capital after
/// a small letter: the lines of a deck are joined with nothing between them, and
/// `tionIn Riot` starts with the word `tion`.
fn leading_letters(text: &str) -> &str {
    let ascii = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let end = if text.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        text[ascii..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(text.len(), |i| ascii + i)
    } else {
        ascii
    };
    let word = &text[..end];
    let mut before = None;
    let camel = word.char_indices().find(|&(_, c)| {
        let small_then_capital = before.is_some_and(char::is_lowercase) && c.is_uppercase();
        before = Some(c);
        small_then_capital
    });
    camel.map_or(word, |(i, _)| &word[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    const PAGE: &str = "Representatives of United States, Spain and Switzer\n\
        land at Berlin Received by German Chancellor Today\n\
        Switzerland is neutral. The envoys went to\n\
        day to the palace and will come back today, a day early.";

    fn mend_with(text: &mut String, breaks: &[Break]) {
        Seams::of(breaks.iter().copied().collect()).mend(text);
    }

    #[test]
    fn a_word_printed_whole_elsewhere_is_joined_at_a_break() {
        let page = classify(to_lines(PAGE), false);
        let breaks = lost_hyphen_breaks(&page);
        assert!(breaks.contains(&("Switzer", "land")));
        // `to` and `day` are words the page prints elsewhere: two words.
        assert!(!breaks.contains(&("to", "day")));
        let mut text = "Spain and Switzer land at Berlin; went to day".to_owned();
        mend_with(&mut text, &breaks.into_iter().collect::<Vec<_>>());
        assert_eq!(text, "Spain and Switzerland at Berlin; went to day");
    }

    #[test]
    fn an_english_word_with_a_half_that_is_none_is_joined_at_a_break() {
        // `statement` and `battery` are printed nowhere whole; `ment` and `tery` are no
        // words, `bat` is one but stands only at the two breaks. `went to` / `day` are
        // words both, and `today` stays two.
        let page = classify(
            to_lines(
                "The Governor issued a state\n\
                 ment on the new bat\n\
                 tery and the old bat\n\
                 tery. The men went to\n\
                 day school.",
            ),
            false,
        );
        let breaks = lost_hyphen_breaks(&page);
        assert!(breaks.contains(&("state", "ment")));
        assert!(breaks.contains(&("bat", "tery")));
        assert!(!breaks.contains(&("to", "day")));
    }

    #[test]
    fn an_ending_alone_at_a_line_start_is_no_word() {
        // The list holds `ed` and `ing` (abbreviations, letters' names); alone at a line's
        // start they end the word above. `less` is a word of its own: `wire` / `less` stays.
        let page = classify(
            to_lines(
                "The court today interpret\n\
                 ed the act, the crowd demand\n\
                 ing peace, the men keep in wire\n\
                 less contact.",
            ),
            false,
        );
        let breaks = lost_hyphen_breaks(&page);
        assert!(breaks.contains(&("interpret", "ed")));
        assert!(breaks.contains(&("demand", "ing")));
        assert!(!breaks.contains(&("wire", "less")));
    }

    #[test]
    fn a_break_is_mended_where_a_deck_joined_the_next_line_tight() {
        let mut text = "General Mobiliza tionIn Riot".to_owned();
        mend_with(&mut text, &[("Mobiliza", "tion")]);
        assert_eq!(text, "General MobilizationIn Riot");
    }

    #[test]
    fn letters_at_the_ends_of_a_token() {
        assert_eq!(trailing_letters("\"Con"), "Con");
        assert_eq!(trailing_letters("1916,"), "");
        assert_eq!(trailing_letters("naïve"), "naïve");
        assert_eq!(leading_letters("scious\""), "scious");
        assert_eq!(leading_letters("éclat,"), "éclat");
        assert_eq!(leading_letters("\"x"), "");
        assert_eq!(leading_letters("tionIn Riot"), "tion");
        assert_eq!(leading_letters("McDonald"), "Mc");
    }

    #[test]
    fn only_whole_words_are_mended() {
        let mut text = "\"Con scious\" and Icon sciousness".to_owned();
        mend_with(&mut text, &[("Con", "scious")]);
        assert_eq!(text, "\"Conscious\" and Icon sciousness");
    }
}
