//! Headlines in sentence case (`City council approves` / `new budget after`), as papers
//! set them today: their letters look like text, so only their place tells them. pdftotext
//! prints a headline, set in larger type, as a block of its own between blank lines (or
//! runs it into the byline or dateline under it); its lines are short and end no
//! sentence; a byline, a dateline or the story's first sentence stands under it.
//!
//! A short line opening a block between two paragraphs of running text, the one above
//! finished, is a subhead inside the story (`Long waits in the ER`), alone in its block or
//! printed in one with the paragraph it heads: a headline that short stands over a byline
//! or a dateline, or wraps.

use super::super::byline;
use super::super::classify::{Page, Role};
use super::scraps::width_quantile;
use super::{ends_text, is_by_line, is_capitals, is_prose};

/// Most lines a headline set apart wraps to.
const MOST_LINES: usize = 4;
/// Most lines of a headline printed in one block with the `By` line or dateline under it: a
/// section's label, a title and a deck wrapped over two lines or more each.
const MOST_BYLINED: usize = 6;
/// Share of the column's width a headline's line stays under: larger type wraps sooner.
const SHORT_SHARE: f32 = 0.8;
/// Share of the lines that end no sentence narrower than the column: most of them are
/// running text that fills it, but short pages hold many headline and label lines.
const COLUMN_QUANTILE: f32 = 0.9;

/// The column's width of a page whose blank lines set blocks apart; `None` for a dump
/// without blank lines, which sets nothing apart, or a double-spaced one, which sets every
/// line apart.
fn column_of_blocks(page: &Page) -> Option<f32> {
    let blanks = page.lines.iter().any(|l| l.blank_before);
    (blanks && !page.double_spaced).then(|| width_quantile(page, COLUMN_QUANTILE))
}

/// Marks the lines of each headline set apart in sentence case as head text, for the
/// headline rules to read as they read one in capitals.
pub fn mark_set_apart_heads(page: &mut Page) {
    let Some(column) = column_of_blocks(page) else {
        return;
    };
    for (i, end) in blocks(page) {
        // pdftotext may print the byline or the dateline under a headline with no blank
        // line between (`Library` / `extends` / `weekend` / `hours` / `By MARK ELLIS`):
        // the headline's block ends at it. Only as far down as a headline runs: a credit
        // further on leaves too many lines above it, and each line read is a byline parse.
        let end = (i + 1..end.min(i + MOST_BYLINED + 1))
            .find(|&k| is_credit(page, k) || page.leads[k])
            .unwrap_or(end);
        if is_set_apart_head(page, i, end, column) {
            (i..end).for_each(|k| page.latin_head[k] = true);
        }
    }
}

/// Whether line `k` is a `By` line (`By NINA PATEL`).
fn is_by_credit(page: &Page, k: usize) -> bool {
    is_by_line(page.lines[k].text) && is_credit(page, k)
}

/// Whether line `k` credits the story's writer: a byline (`By MARK ELLIS`, `The
/// Associated Press`).
fn is_credit(page: &Page, k: usize) -> bool {
    page.roles[k] == Role::Byline || byline::parse_line(page.lines[k].text).is_some()
}

/// The page's blocks, each `(first line, end)`, as blank lines set them apart.
pub(super) fn blocks(page: &Page) -> Vec<(usize, usize)> {
    let n = page.lines.len();
    let starts: Vec<usize> = (0..n)
        .filter(|&k| k == 0 || page.lines[k].blank_before)
        .collect();
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(n));
    starts.iter().copied().zip(ends).collect()
}

/// Whether the block of lines `i..end` (blank lines around it) is a headline: a few
/// short lines of body text, opening on a capital and ending no sentence, over a byline
/// or a dateline; or over text opening a sentence, when it wraps or stands under no
/// running text (a subhead does neither). Over a byline or a dateline, the last line may
/// be a deck as wide as the column (`Council cites aging pipes, higher costs`): set in
/// smaller type than the title, it wraps later. Printed in one block with a `By` line or
/// a dateline under it, a block of up to [`MOST_BYLINED`] lines is a headline whatever
/// their widths:
/// a headline across several columns holds more letters to the line than the column's
/// text (`Lions roar back to claim sectional` / `title`), and its deck may wrap.
fn is_set_apart_head(page: &Page, i: usize, end: usize, column: f32) -> bool {
    let opens = page.lines[i]
        .text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"');
    if end - i > MOST_BYLINED || end >= page.lines.len() || !opens {
        return false;
    }
    if (is_by_credit(page, end) || page.leads[end]) && !page.lines[end].blank_before {
        return (i..end).all(|k| is_open_line(page, k));
    }
    if end - i > MOST_LINES {
        return false;
    }
    let credited = is_credit(page, end) || page.leads[end];
    let deck = credited && end - i >= 2 && is_open_line(page, end - 1);
    let title_end = if deck { end - 1 } else { end };
    if !(i..title_end).all(|k| is_short_open_line(page, k, column)) {
        return false;
    }
    let opens_text = (end - i >= 2 || !under_running_text(page, i)) && opens_sentence(page, end);
    credited || opens_text
}

/// Marks each subhead set apart inside a story (see the module doc) as a heading, before
/// the scraps pass would drop it as a fragment of no paragraph.
pub fn mark_set_apart_subheads(page: &mut Page) {
    let Some(column) = column_of_blocks(page) else {
        return;
    };
    for i in 1..page.lines.len().saturating_sub(1) {
        if is_set_apart_subhead(page, i, column) {
            page.roles[i] = Role::Heading;
        }
    }
}

/// Whether line `i` is a subhead set apart: a line opening its block (alone between blank
/// lines, or printed in one block with the paragraph it heads, as pdftotext prints a
/// subhead set close over its text), short, no sentence ended, in sentence or title case,
/// with finished running text above and a sentence opening under it.
fn is_set_apart_subhead(page: &Page, i: usize, column: f32) -> bool {
    let line = &page.lines[i];
    line.blank_before
        && is_short_open_line(page, i, column)
        && !is_capitals(line.text)
        && line.text.starts_with(|c: char| c.is_uppercase())
        && finishes_text(page, i - 1)
        && opens_sentence(page, i + 1)
}

/// Whether body line `k` may be a head's: [`is_open_line`], and shorter than the column
/// (larger type wraps sooner).
fn is_short_open_line(page: &Page, k: usize, column: f32) -> bool {
    is_open_line(page, k) && page.lines[k].width < SHORT_SHARE * column
}

/// Whether body line `k` opens no dateline and ends no sentence.
fn is_open_line(page: &Page, k: usize) -> bool {
    page.roles[k] == Role::Body && !page.leads[k] && !page.lines[k].ends_sentence
}

/// Whether line `k` is running text that finished its sentence: prose, or a paragraph's
/// short last line (`magazines.`) under prose of its block.
fn finishes_text(page: &Page, k: usize) -> bool {
    let last_of_prose = || {
        k > 0 && !page.lines[k].blank_before && page.roles[k] == Role::Body && is_prose(page, k - 1)
    };
    page.lines[k].ends_sentence && (is_prose(page, k) || last_of_prose())
}

/// Whether line `k` is running text opening a sentence.
fn opens_sentence(page: &Page, k: usize) -> bool {
    is_prose(page, k)
        && page.lines[k]
            .text
            .starts_with(|c: char| c.is_uppercase() || c == '"')
}

/// Whether the last line read above line `i` (furniture skipped) is running text that
/// finished its sentence: the story a subhead goes on.
fn under_running_text(page: &Page, i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&k| page.roles[k] != Role::Drop)
        .is_some_and(|k| finishes_text(page, k))
}

/// Most words of a letter writer's name or town.
const SIGNATURE_WORDS: usize = 4;
/// Share of the column's width a signature's line stays under.
const SIGNATURE_SHARE: f32 = 0.5;

/// Marks a letter's signature where today's papers print letters to the editor: the
/// writer's name, and maybe the town under it (`Mary Smith` / `Springfield`), right under
/// the letter's last sentence, closing the block. The name signs the letter; the town
/// goes to `dropped`.
pub fn mark_set_apart_signatures(page: &mut Page) {
    let Some(column) = column_of_blocks(page) else {
        return;
    };
    for (i, end) in blocks(page) {
        if let Some(from) = [end.saturating_sub(2), end.saturating_sub(1)]
            .into_iter()
            .find(|&from| from > i && is_signature(page, from, end, column))
        {
            page.roles[from] = Role::Byline;
            page.starts[from] = true;
            (from + 1..end).for_each(|k| page.roles[k] = Role::Drop);
        }
    }
}

/// Whether lines `from..end` sign the letter above them: short lines of capitalised
/// words under running text that finished its sentence.
fn is_signature(page: &Page, from: usize, end: usize, column: f32) -> bool {
    let above = from - 1;
    let name_like = |k: usize| {
        let line = &page.lines[k];
        let words: Vec<&str> = line.text.split_whitespace().collect();
        page.roles[k] == Role::Body
            && line.width < SIGNATURE_SHARE * column
            && (1..=SIGNATURE_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | ','))
                    // A label in capitals (`WHERE TO GO`) signs nothing.
                    && !byline::is_phrase_word(w)
            })
    };
    // A name has a first name and a surname: a lone word may be a scrap (`T`).
    let named = page.lines[from]
        .text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count()
        >= 2;
    // For sure: `the guest of Mrs.` / `Clyde Akin.` is one sentence, not a signed letter.
    named
        && page.roles[above] == Role::Body
        && ends_text(page.lines[above].text)
        && is_prose(page, above)
        && (from..end).all(name_like)
}
