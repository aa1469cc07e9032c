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
/// The first byte of a dash's UTF-8 (`—`), which a label's search looks for.
const DASH_LEAD: u8 = "—".as_bytes()[0];
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
    let item = |k: usize| roles.contains(&page.roles[k]) && is_box_item(page.lines[k].text);
    let end = page.lines.len().min(i + 2 + SECOND_ITEM_REACH);
    item(i + 1) && (i + 2..end).any(item)
}

/// True when line `k` is a forecast's item (`Tonight: Clear, low 37`) or the wrapped rest
/// of one.
fn is_forecast_item(page: &Page, k: usize) -> bool {
    let text = page.lines[k].text;
    let by_day = |day: &&str| text.starts_with(day);
    !is_box_item(text) || FORECAST_DAYS.iter().chain(&WEEKDAYS).any(by_day)
}

/// `When: 6 p.m. Tuesday`, `Ticket prices: $12`, `Presbyterian—Services at 11 a. m.`: a
/// label of one to three words, the first capitalised (before a dash every one), an
/// abbreviation's stop allowed (`St. Mary's`), then a colon or a dash and the item's text. A salutation (`To the
/// Editor:`) has no text after its colon; a time (`6:30`) no word before it.
pub fn is_labelled_item(text: &str) -> bool {
    labelled_item(text).is_some()
}

/// A fact box's item: a labelled line whose label a colon closes. A column of items
/// labelled by dashes (`CHURCH NOTICES` over `Presbyterian—Services at 11 a. m.`) stands
/// under a headline of its own, where a box's label over colons belongs to the story
/// above.
fn is_box_item(text: &str) -> bool {
    labelled_item(text) == Some(':')
}

/// The mark that closes `text`'s label, when `text` is a labelled item (see
/// [`is_labelled_item`]).
fn labelled_item(text: &str) -> Option<char> {
    // Asked of every English body line: most open in lower case.
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let (label, mark, item) = split_label(text)?;
    let words: Vec<&str> = label.split(' ').collect();
    // A dash also breaks a sentence (`Then the Senate—which …`): a dash's label is
    // capitalised word by word, as a name is.
    let word_ok = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        !w.is_empty()
            && w.chars().all(|c| c.is_alphabetic() || c == '\'')
            && (mark == ':' || w.starts_with(char::is_uppercase))
    };
    let ok = words.len() <= ITEM_LABEL_WORDS
        && words.iter().all(|w| word_ok(w))
        && !item.trim().is_empty();
    ok.then_some(mark)
}

/// `text`'s label, before its first colon or dash, the mark, and the item's text after
/// it: a space follows a colon, a dash runs into the item (`Hogs—Receipts 22,000`).
fn split_label(text: &str) -> Option<(&str, char, &str)> {
    // A label is short: the search stops where one would have ended.
    const LABEL_MAX: usize = 40;
    // A byte search: a colon, or the lead byte of a dash (and of other marks, `“`).
    let head = &text.as_bytes()[..text.len().min(LABEL_MAX)];
    let at = memchr::memchr2_iter(b':', DASH_LEAD, head)
        .find(|&at| head[at] == b':' || text[at..].starts_with('—'))?;
    let (label, rest) = text.split_at(at);
    match rest.strip_prefix(':') {
        Some(item) => item.starts_with(' ').then_some((label, ':', item)),
        None => Some((label, '—', &rest['—'.len_utf8()..])),
    }
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
            "Presbyterian—Services at 11 a. m.",
            "St. Mary's Catholic—Mass at 8 and",
        ] {
            assert!(is_labelled_item(item), "{item}");
        }
        for text in [
            "To the Editor:",
            "The meeting opens at 6:30 in City Hall.",
            "said the mayor: \"We are ready.\"",
            "Ortiz, 62, said: the district grew.",
            "the lanes: all of them",
            "WANTED—",
            "Then the Senate—which had waited all day—voted.",
        ] {
            assert!(!is_labelled_item(text), "{text}");
        }
    }
}
