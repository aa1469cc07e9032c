//! Fact boxes: a story's practical details set in a box after its text, under a label of
//! their own (`IF YOU GO` over `What: Public meeting …` / `When: 6 p.m. Tuesday`). The label
//! heads the box inside the story, not a new story, and each labelled line is an item of
//! its own, which the reflow must not run together: they are short and end no sentence.
//! A forecast set the same way (`WEATHER` over `Today: Sunny, high 58`) is the page's
//! furniture, no story's box.

use super::super::classify::{Page, Role};
use super::lexicon::WEEKDAYS;

/// Most words before the colon of a labelled line (`What`, `Ticket prices`).
const ITEM_LABEL_WORDS: usize = 3;
/// Lines under a box's label within which its second item opens: the first may wrap.
const SECOND_ITEM_REACH: usize = 3;
/// The days a forecast's items are labelled by, besides [`WEEKDAYS`].
const FORECAST_DAYS: [&str; 4] = ["Today", "Tonight", "Tomorrow", "Weekend"];

/// Marks as a heading inside the story each single headline line, right after a finished
/// paragraph, over a box of labelled lines (two at least); drops a forecast's box whole.
pub fn mark_fact_box_labels(page: &mut Page) {
    let n = page.lines.len();
    for i in 1..n.saturating_sub(1) {
        if page.roles[i] != Role::Head || page.starts[i + 1] {
            continue;
        }
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        // A forecast's items may read as a headline's lines (`Today: Sunny, high 58`).
        if heads_items(page, i, &[Role::Body, Role::Head])
            && (i + 1..end).all(|k| is_forecast_item(page, k))
        {
            page.roles[i..end].fill(Role::Drop);
        } else if heads_items(page, i, &[Role::Body])
            && page.roles[i - 1] == Role::Body
            && page.lines[i - 1].ends_sentence
        {
            page.roles[i] = Role::Heading;
        }
    }
}

/// True when the lines under line `i`, in one of `roles`, open with two labelled items.
fn heads_items(page: &Page, i: usize, roles: &[Role]) -> bool {
    let item = |k: usize| roles.contains(&page.roles[k]) && is_labelled_item(page.lines[k].text);
    let end = page.lines.len().min(i + 2 + SECOND_ITEM_REACH);
    item(i + 1) && (i + 2..end).any(item)
}

/// True when line `k` is a forecast's item (`Tonight: Clear, low 37`) or the wrapped rest
/// of one.
fn is_forecast_item(page: &Page, k: usize) -> bool {
    let text = page.lines[k].text;
    let by_day = |day: &&str| text.starts_with(day);
    !is_labelled_item(text) || FORECAST_DAYS.iter().chain(&WEEKDAYS).any(by_day)
}

/// `When: 6 p.m. Tuesday`, `Ticket prices: $12`: a label of one to three words, the first
/// capitalised, then a colon and the item's text. A salutation (`To the Editor:`) has no
/// text after its colon; a time (`6:30`) no word before it.
pub fn is_labelled_item(text: &str) -> bool {
    // Asked of every English body line: most open in lower case, and a label is short.
    const LABEL_MAX: usize = 40;
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let head = &text.as_bytes()[..text.len().min(LABEL_MAX)];
    let Some(colon) = head.iter().position(|&b| b == b':') else {
        return false;
    };
    let (label, item) = (&text[..colon], &text[colon + 1..]);
    let words: Vec<&str> = label.split(' ').collect();
    let word_ok = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\'');
    words.len() <= ITEM_LABEL_WORDS
        && words.iter().all(|w| word_ok(w))
        && item.starts_with(' ')
        && !item.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_line_is_an_item() {
        for item in [
            "What: Public meeting on the bike lane plan",
            "When: 6 p.m. Tuesday",
            "Ticket prices: $12 for adults",
            "Q: What did the council decide?",
        ] {
            assert!(is_labelled_item(item), "{item}");
        }
        for text in [
            "To the Editor:",
            "The meeting opens at 6:30 in City Hall.",
            "said the mayor: \"We are ready.\"",
            "Ortiz, 62, said: the district grew.",
            "the lanes: all of them",
        ] {
            assert!(!is_labelled_item(text), "{text}");
        }
    }
}
