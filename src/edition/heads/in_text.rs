//! Headlines that the dump ran into body text, found by layout: a short line dropped into a
//! column, short lines opening a block, a line wider than the text under it or than every
//! column of the page.

use super::{is_head_shaped, is_loose_head, leaves_quote_open, runs_on, speaks_of, SECTION_LINES};
use crate::edition::classify::{Page, Role};
use crate::edition::headline::ends_in_kicker_dash;
use crate::edition::order::{is_justified, word_across_lines};

/// A short head-shaped line that pdftotext dropped into a column: the lines on either side
/// of it continue each other, a word running across it (`…让找厕所成了苦` / `嘉陵江流域综合
/// 规划获批` / `恼事。…`: 苦恼), so it is not part of that text but a headline set beside it.
pub(super) fn mark_dropped_in_heads(page: &mut Page) {
    for i in 1..page.lines.len().saturating_sub(1) {
        let (prev, line, next) = (&page.lines[i - 1], &page.lines[i], &page.lines[i + 1]);
        let body = |k: usize| page.roles[k] == Role::Body;
        let in_text = body(i - 1) && body(i) && body(i + 1) && !page.starts[i + 1];
        if !in_text
            || prev.ends_sentence
            || line.width > prev.width - 3.0
            || !is_loose_head(page, i)
        {
            continue;
        }
        if word_across_lines(prev.text, next.text) {
            page.roles[i] = Role::Head;
            page.starts[i] = true;
            page.starts[i + 1] = true;
        }
    }
}

/// Ems a paragraph's first line falls short of its column by, its indent lost (less a
/// little for figures set narrow).
const PARAGRAPH_INDENT: f32 = 1.5;

/// A block that opens with two or three short lines that end no sentence, then runs on
/// in full lines (or a jump line): the short lines are a headline. Body text breaks a
/// line early only at a paragraph's end, so short lines that end no sentence are not body.
pub(super) fn mark_block_heads(page: &mut Page, columns: &[f32]) {
    // The page's commonest column width, for blocks too short to show their own.
    let common = columns.first().copied().unwrap_or(0.0);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        if !page.starts[i] || page.roles[i] != Role::Body {
            i = end;
            continue;
        }
        let widest = (i..end)
            .filter(|&k| page.roles[k] == Role::Body)
            .map(|k| page.lines[k].width)
            .fold(common, f32::max);
        // A kicker's dash promises the title under it, however wide its type runs. (Lines
        // over a jump-from line as wide as the text are `mark_rest_titles`' to judge.)
        let under_kicker =
            i > 0 && page.roles[i - 1] == Role::Head && ends_in_kicker_dash(page.lines[i - 1].text);
        let run = (i..end)
            .take_while(|&k| {
                is_loose_head(page, k)
                    && (page.lines[k].width <= widest - 3.0 || under_kicker && k == i)
            })
            .count();
        let next = i + run;
        let then_jump = next < end && page.roles[next] == Role::Jump;
        let then_body = next < end && page.roles[next] == Role::Body && !page.leads[next];
        // A picture's caption printed between a headline and its text, or nothing more in
        // the block: no text under the line to run on into.
        let then_no_text = next == end || matches!(page.roles[next], Role::Caption | Role::Credit);
        // Under text, a short line is a subhead of that text, not another story's head.
        let after_text = i > 0 && matches!(page.roles[i - 1], Role::Body | Role::Head);
        let then_paragraph = then_body && !after_text && is_over_paragraph(page, i, end, widest);
        // Short lines that run a word on into the text under them start a paragraph.
        let heads_block = (2..=3).contains(&run)
            && (then_body && !runs_on(page, next) || then_jump)
            || run == 1
                && (then_jump
                    || under_kicker && (then_body && !runs_on(page, next) || then_no_text)
                    || then_paragraph && !runs_on(page, next)
                    || then_body && is_head_under_byline(page, i, end));
        // A headline closes every quote it opens; text broken into short lines may not
        // (`“把种在地里的‘土疙` / `瘩’变成村民增收的‘金` / `疙瘩’，打开销路…`).
        let closes_quotes = || {
            let run_text: String = (i..next).map(|k| page.lines[k].text).collect();
            !leaves_quote_open(&run_text)
        };
        if heads_block && closes_quotes() {
            (i..next).for_each(|k| page.roles[k] = Role::Head);
        } else if run == 0
            && !after_text
            && (is_wide_head_over_text(page, i, end)
                || is_full_head_over_paragraph(page, i, end, widest))
        {
            page.roles[i] = Role::Head;
        }
        i = end;
    }
}

/// Whether the short line `i`, opening block `i..end` right under another story's byline,
/// is a headline: the text a byline stands over opens with a line short by its lost indent
/// at most, and a line shorter than the one under it by more than that, ending no
/// sentence, is no line of that text. Not when it ends on a clause mark or runs a word into
/// the line under it (a headline's first line, wrapped), or when the section under it
/// speaks its words (a subhead opening the text).
fn is_head_under_byline(page: &Page, i: usize, end: usize) -> bool {
    let next = i + 1;
    let (line, below) = (&page.lines[i], &page.lines[next]);
    i > 0
        && page.roles[i - 1] == Role::Byline
        && line.width + PARAGRAPH_INDENT <= below.width
        && !line.text.trim_end().ends_with(['，', '、', '：', '；'])
        && !runs_on(page, next)
        && !word_across_lines(line.text, below.text)
        && !speaks_of(page, i, next..end.min(next + SECTION_LINES))
}

/// Whether line `i`, opening block `i..end` (its widest line `widest` ems), stands over a
/// paragraph's first line (short by its lost indent, the line under it wider) as no text
/// would: as text it would be a paragraph of one line, which ends a sentence. A subhead
/// opening the text under a byline stands so too, but repeats the words of its section;
/// another story's headline printed over the text does not.
fn is_over_paragraph(page: &Page, i: usize, end: usize, widest: f32) -> bool {
    let next = i + 1;
    next + 1 < end
        && !page.lines[i].ends_sentence
        && page.lines[next].width <= widest - PARAGRAPH_INDENT
        && page.lines[next + 1].width > page.lines[next].width + 0.5
        // Widths of lines stretched by layout spaces say nothing of indents.
        && !is_justified(page.lines[i].text)
        && !is_justified(page.lines[next].text)
        && !speaks_of(page, i, next..end.min(next + SECTION_LINES))
}

/// Whether line `i`, opening block `i..end` as wide as its column, is a headline over a
/// paragraph's first line ([`is_over_paragraph`]) that goes on: as text it would be a
/// paragraph of one full line that ends no sentence. (A short line that ends a sentence
/// under it is a paragraph's last: the line over it is that paragraph's.)
fn is_full_head_over_paragraph(page: &Page, i: usize, end: usize, widest: f32) -> bool {
    is_loose_head(page, i)
        && is_over_paragraph(page, i, end, widest)
        && !page.lines[i + 1].ends_sentence
        && !runs_on(page, i + 1)
}

/// Whether line `i`, opening block `i..end`, is a headline set wider than the text under
/// it (`广州建设四大生物医药价值园区` over a column of 11 to 13 ems): text never runs wider
/// than its column, and a subhead stands within it.
fn is_wide_head_over_text(page: &Page, i: usize, end: usize) -> bool {
    const WIDER: f32 = 1.0;
    if end - i < 3 || page.roles[i + 1] != Role::Body || page.lines[i].ends_sentence {
        return false;
    }
    let below = (i + 1..end.min(i + 1 + SECTION_LINES))
        .filter(|&k| page.roles[k] == Role::Body)
        .map(|k| page.lines[k].width)
        .fold(0.0, f32::max);
    page.lines[i].width > below + WIDER && is_loose_head(page, i) && !runs_on(page, i + 1)
}

/// How many ems wider than every column of the page a line must run to be no column's.
const WIDER_THAN_COLUMNS: f32 = 2.0;

/// Marks head-shaped body lines that run wider than every column of the page, and than
/// the body lines beside them, as headline lines (`上海每万人口高价值发明专利拥有量达57.9件`
/// among lines of 13 to 16 ems): text never runs wider than its column, so such a line was
/// set across columns, as headlines and kickers are, wherever the dump put it. A line as
/// wide as a body line beside it is of a column of that width, too short for the page's
/// column widths to count (one story set wider than the rest).
pub(super) fn mark_wide_heads(page: &mut Page, columns: &[f32]) {
    let Some(widest) = columns.iter().copied().reduce(f32::max) else {
        return;
    };
    let n = page.lines.len();
    for k in 0..n {
        let width = page.lines[k].width;
        if width < widest + WIDER_THAN_COLUMNS || page.roles[k] != Role::Body {
            continue;
        }
        let beside_as_wide = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| j < n && page.roles[j] == Role::Body)
            .any(|j| page.lines[j].width > width - WIDER_THAN_COLUMNS);
        if !beside_as_wide && is_head_shaped(page, k) {
            page.roles[k] = Role::Head;
            page.starts[k] = true;
        }
    }
}
