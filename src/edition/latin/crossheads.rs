//! Crossheads: a wire story long enough to be broken up carries a line of display type
//! between its paragraphs (`PACIFIST VIEWS DISCUSSED`), set like a one-line headline. What
//! tells it from the headline of the next item is what the text under it talks about: it
//! goes on naming the people and places the story above named (`Newton D. Baker` above,
//! `Mr. Baker is known as…` below), where a new item opens on names of its own.

use super::super::byline::is_initial;
use super::super::classify::{Page, Role};
use super::lexicon::WEEKDAYS;
use super::{is_prose, BEFORE_NAMES};
use crate::edition::script::is_capitals;

/// Lines under a crosshead whose names are compared: about two sentences of a column.
const LINES_UNDER: usize = 6;
/// Shortest name compared: shorter capitalised words are too often not names.
const NAME_MIN: usize = 4;
/// Capitalised words that name no one in particular: calendar words (and [`WEEKDAYS`]) and the ones that open
/// a clause after a colon or a quotation.
const COMMON: [&str; 23] = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sept",
    "There",
    "These",
    "Those",
    "This",
    "That",
    "They",
    "When",
    "What",
    "While",
    "After",
    "Before",
];

/// Marks as headings the one-line heads inside a story that opened with a byline or a
/// dateline, when the text under the line names someone the story above named.
pub fn mark_crossheads(page: &mut Page) {
    for i in 1..page.lines.len() {
        // The shape first: the search back for the story's top is for lone heads only, or
        // every line of a long story would walk back to its headline.
        if !is_lone_head(page, i) {
            continue;
        }
        let Some(top) = story_top(page, i) else {
            continue;
        };
        if opens_as_wire_story(page, top) && names_again(page, top, i) {
            page.roles[i] = Role::Heading;
            page.starts[i] = true;
        }
    }
}

/// Line `i` is a headline of one line between a finished paragraph and prose that opens
/// with no byline or dateline of its own.
fn is_lone_head(page: &Page, i: usize) -> bool {
    let n = page.lines.len();
    page.roles[i] == Role::Head
        && page.starts[i]
        && page.roles[i - 1] == Role::Body
        && page.lines[i - 1].ends_sentence
        && i + 1 < n
        && is_prose(page, i + 1)
        && !page.leads[i + 1]
}

/// The first line of the headline over the text that line `i` follows: the nearest head
/// line above, past the paragraphs, bylines and headings between.
fn story_top(page: &Page, i: usize) -> Option<usize> {
    let mut k = (0..i).rev().find(|&k| page.roles[k] == Role::Head)?;
    while k > 0 && page.roles[k - 1] == Role::Head && !page.starts[k] {
        k -= 1;
    }
    Some(k)
}

/// The story headed at `top` opens its text with a byline or a dateline, as the wire
/// stories that run long enough for crossheads do.
fn opens_as_wire_story(page: &Page, top: usize) -> bool {
    let text = (top..page.lines.len()).find(|&k| page.roles[k] != Role::Head);
    text.is_some_and(|k| page.roles[k] == Role::Byline || page.leads[k])
}

/// The text under line `i` names someone the story's text above it named in full (`Newton
/// D. Baker`, `Gen. Haig`): a word of a nation or a place (`German troops`) is shared by
/// neighbouring stories too often to tell anything.
fn names_again(page: &Page, top: usize, i: usize) -> bool {
    let above: Vec<&str> = (top..i)
        .filter(|&k| page.roles[k] == Role::Body)
        .flat_map(|k| names(page.lines[k].text))
        .filter_map(|(name, in_full)| in_full.then_some(name))
        .collect();
    let under = (i + 1..page.lines.len())
        .take(LINES_UNDER)
        .take_while(|&k| page.roles[k] == Role::Body);
    under
        .flat_map(|k| names(page.lines[k].text))
        .any(|(name, _)| above.contains(&name))
}

/// The capitalised words of a line that stand inside a sentence, where only a name is
/// capitalised: not its first word, nor one after a full stop (a title before a name,
/// `Mr. Baker`, or an initial, `D. Baker`, leaves the name inside). Each comes with
/// whether it ends a person's name given in full: after a title, an initial or another
/// capitalised word.
fn names(line: &str) -> impl Iterator<Item = (&str, bool)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..words.len()).filter_map(move |k| {
        let before = words[k - 1];
        let titled = BEFORE_NAMES.contains(&before) || is_initial(before);
        let after_stop = before.ends_with(['.', '!', '?']) && !titled;
        let word = words[k].trim_matches(|c: char| !c.is_ascii_alphabetic());
        let is_name = word.len() >= NAME_MIN
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && !is_capitals(word)
            && !COMMON.contains(&word)
            && !WEEKDAYS.contains(&word);
        let in_full = titled || (k >= 2 && is_given_name(before));
        (is_name && !after_stop).then_some((word, in_full))
    })
}

/// A capitalised word that may stand before a surname (`Newton`): no stop or comma after it.
fn is_given_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !is_capitals(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_capitalised_words_inside_a_sentence() {
        let found: Vec<(&str, bool)> =
            names("Mr. Baker met Newton D. Baker. Then the German army").collect();
        let full = [
            ("Baker", true),
            ("Newton", false),
            ("Baker", true),
            ("German", false),
        ];
        assert_eq!(found, full);
        assert_eq!(names("Wednesday the army met in March.").count(), 0);
    }
}
