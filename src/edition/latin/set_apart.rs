//! Headlines in sentence case (`City council approves` / `new budget after`), as papers
//! set them today: their letters look like text, so only their place tells them. pdftotext
//! prints a headline, set in larger type, as a block of its own between blank lines; its
//! lines are short and end no sentence; a byline, a dateline or the story's first
//! sentence stands under it.
//!
//! A block of one line between two paragraphs of running text, the one above finished, is
//! a subhead inside the story (`Long waits in the ER`): a headline that short stands over a
//! byline or a dateline, or wraps.

use super::super::byline;
use super::super::classify::{Page, Role};
use super::scraps::width_quantile;
use super::{ends_sentence, is_capitals, is_prose};

/// Most lines a headline set apart wraps to.
const MOST_LINES: usize = 4;
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
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i + 1..n)
            .find(|&k| page.lines[k].blank_before)
            .unwrap_or(n);
        if is_set_apart_head(page, i, end, column) {
            (i..end).for_each(|k| page.latin_head[k] = true);
        }
        i = end;
    }
}

/// Whether the block of lines `i..end` (blank lines around it) is a headline: a few
/// short lines of body text, opening on a capital and ending no sentence, over a byline
/// or a dateline; or over text opening a sentence, when it wraps (a subhead does not).
fn is_set_apart_head(page: &Page, i: usize, end: usize, column: f32) -> bool {
    let lines = i..end;
    let shaped = end - i <= MOST_LINES
        && lines.clone().all(|k| {
            let line = &page.lines[k];
            page.roles[k] == Role::Body
                && !page.leads[k]
                && !line.ends_sentence
                && !ends_sentence(line.text)
                && line.width < SHORT_SHARE * column
        })
        && page.lines[i]
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"');
    if !shaped || end >= page.lines.len() {
        return false;
    }
    let under = page.lines[end].text;
    let credited =
        page.roles[end] == Role::Byline || byline::parse_line(under).is_some() || page.leads[end];
    let opens_text = end - i >= 2
        && is_prose(page, end)
        && under.starts_with(|c: char| c.is_uppercase() || c == '"');
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

/// Whether line `i` is a subhead set apart: a line alone between blank lines, short, no
/// sentence ended, in sentence or title case, with finished running text above and a
/// sentence opening under it.
fn is_set_apart_subhead(page: &Page, i: usize, column: f32) -> bool {
    let (line, above, under) = (&page.lines[i], &page.lines[i - 1], &page.lines[i + 1]);
    let alone = line.blank_before && under.blank_before;
    alone
        && page.roles[i] == Role::Body
        && !page.leads[i]
        && !line.ends_sentence
        && !ends_sentence(line.text)
        && line.width < SHORT_SHARE * column
        && !is_capitals(line.text)
        && line.text.starts_with(|c: char| c.is_uppercase())
        && page.roles[i - 1] == Role::Body
        && above.ends_sentence
        && is_prose(page, i - 1)
        && is_prose(page, i + 1)
        && under
            .text
            .starts_with(|c: char| c.is_uppercase() || c == '"')
}
