//! Headline detection: which lines of a page are headline blocks (kicker, title, subtitle)
//! and which bare lines under them are bylines.
//!
//! Cues, most certain first: head-shaped lines right above a byline or dateline; a block
//! of a few head-shaped lines standing between blank lines (or stacked in a narrow column);
//! short lines opening a block of body text; capitalised lines above English prose (the
//! English rules are in [`super::latin`]); and head-shaped lines at the very end of a page
//! (printed after their body). Splitting a block into kicker, title and subtitle is
//! [`super::headline`]'s job.
//!
//! Each kind of cue is a submodule: [`anchored`], [`standalone`], [`kickers`], [`in_text`]
//! and [`rests`]; this module runs them in turn and holds the tests of shape they share.

mod anchored;
mod in_text;
mod kickers;
mod rests;
mod standalone;

use rustc_hash::FxHashMap;

use super::classify::{is_box_label, starts_item, Page, Role};
use super::headline;
use super::latin::mark_latin_heads;
use super::order::{is_justified, word_across_lines};
use super::script::{self, has_sentence_mark, leaves_open};
use anchored::mark_anchored_heads;
use in_text::{mark_block_heads, mark_dropped_in_heads, mark_wide_heads};
use kickers::{mark_dash_kickers, mark_dash_subtitles};
use rests::mark_rest_titles;
use standalone::{mark_standalone_heads, mark_tail_head};

/// Marks headline lines (`Role::Head`) and the bylines under them (`Role::Byline`).
pub fn mark_heads(page: &mut Page) {
    // The page's column widths, commonest first.
    let columns = frequent_widths(page);
    mark_anchored_heads(page, &columns);
    mark_standalone_heads(page);
    if page.cjk {
        mark_dash_kickers(page);
        mark_dash_subtitles(page);
        mark_dropped_in_heads(page);
        mark_block_heads(page, &columns);
        mark_rest_titles(page, &columns);
        mark_wide_heads(page, &columns);
    } else {
        mark_latin_heads(page);
    }
    mark_tail_head(page);
    if page.cjk {
        mark_heads_between_heads(page);
    }
}

/// Most lines a headline's rest stacks between two headline lines.
const BETWEEN_MAX: usize = 4;

/// Head-shaped lines between two headlines' lines, no sentence among them, are headline
/// lines too: the rest of a headline
/// whose first line a rule found (`曹慧泉在全市…讲评会上强调` over `主动作为创新作为高效作为`
/// / `努力完成全年发展目标任务` / `陈恢清出席并讲话`, then the next story's headline), where a
/// dump with no blank lines sets nothing apart. Text stands under a headline; lines with
/// a headline under them carry none.
fn mark_heads_between_heads(page: &mut Page) {
    let n = page.lines.len();
    let mut k = 1;
    while k < n {
        if page.roles[k - 1] != Role::Head || page.roles[k] != Role::Body {
            k += 1;
            continue;
        }
        let end = (k..n)
            .take(BETWEEN_MAX + 1)
            .find(|&j| page.roles[j] != Role::Body || !is_loose_head(page, j));
        let between = end.filter(|&e| e > k && page.roles[e] == Role::Head);
        if let Some(e) = between {
            (k..e).for_each(|j| page.roles[j] = Role::Head);
            k = e;
        } else {
            k += 1;
        }
    }
}

/// True when a word runs from the line before body line `k` into it: a headline never
/// runs a word on into the text under it (`…的‘金疙` / `瘩’，打开`), so lines that do are
/// text, a paragraph's start set narrow by its quotes.
fn runs_on(page: &Page, k: usize) -> bool {
    k > 0 && runs_on_from(page, k - 1, k)
}

/// True when a word runs from line `above` into body line `k` ([`runs_on`] across lines
/// dropped between them).
fn runs_on_from(page: &Page, above: usize, k: usize) -> bool {
    page.roles.get(k) == Some(&Role::Body)
        && word_across_lines(page.lines[above].text, page.lines[k].text)
}

/// True when `text` opens more quotes or title marks than it closes.
fn leaves_quote_open(text: &str) -> bool {
    leaves_open(text, '“', '”') || leaves_open(text, '《', '》')
}

/// Whether line `k` starts afresh: first on the page, or under a line that is no text or
/// ends a sentence. A line under text that runs on continues that text's sentence.
fn starts_afresh(page: &Page, k: usize) -> bool {
    k == 0 || page.roles[k - 1] != Role::Body || page.lines[k - 1].ends_sentence
}

/// A line that may be a headline with no byline to vouch for it: head-shaped, and with no
/// clause break inside the line (`“以前，由于种植不成规` is a quoted sentence's start).
fn is_loose_head(page: &Page, k: usize) -> bool {
    if page.roles[k] == Role::Head {
        return true;
    }
    is_head_shaped(page, k) && !breaks_inside(page.lines[k].text, &CLAUSE_BREAKS)
}

/// The marks that break a clause inside a line; a headline with no witness holds none.
const CLAUSE_BREAKS: [char; 3] = ['，', '、', '：'];

/// Whether one of `marks` stands inside `text`, not at its end.
fn breaks_inside(text: &str, marks: &[char]) -> bool {
    text.char_indices()
        .any(|(at, c)| marks.contains(&c) && at + c.len_utf8() < text.len())
}

/// Lines of text under a subhead read for its words.
pub const SECTION_LINES: usize = 30;
/// Distinct word pairs of a subhead its section shows: one may be a word every story
/// of the page uses (`创新`, `发展`).
const SECTION_PAIRS: usize = 2;

/// Whether the text of `lines` shows [`SECTION_PAIRS`] of line `i`'s word pairs.
fn speaks_of(page: &Page, i: usize, lines: std::ops::Range<usize>) -> bool {
    pairs_shared_with(page, i, lines, SECTION_PAIRS) >= SECTION_PAIRS
}

/// How many distinct pairs of adjacent ideographs of line `i` the text of `lines` shows,
/// counted no further than `enough`.
pub fn pairs_shared_with(
    page: &Page,
    i: usize,
    lines: impl Iterator<Item = usize>,
    enough: usize,
) -> usize {
    let line = |k: usize| (page.lines[k].text, page.lines[k].width);
    let section: Vec<_> = lines.map(line).collect();
    headline::word_pairs_shared(&[line(i)], &section, enough)
}

/// Widths that at least five body lines not ending a sentence share: the page's columns,
/// commonest first (of two as common, the one seen first).
fn frequent_widths(page: &Page) -> Vec<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    // Widths are whole half ems (see `script::measure`), so equal widths share a key: a
    // map finds a line's width in one step, where a search went through every width seen.
    let mut seen: FxHashMap<u32, usize> = FxHashMap::default();
    for (l, r) in page.lines.iter().zip(&page.roles) {
        if *r != Role::Body || l.ends_sentence || l.width < 6.0 {
            continue;
        }
        let at = *seen.entry((l.width * 2.0) as u32).or_insert_with(|| {
            counts.push((l.width, 0));
            counts.len() - 1
        });
        counts[at].1 += 1;
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 5)
        .map(|(w, _)| w)
        .collect()
}

/// Could this line be part of a headline? No sentence inside, not too long, not a line
/// broken off mid-clause.
pub fn is_head_shaped(page: &Page, i: usize) -> bool {
    let line = &page.lines[i];
    if page.roles[i] != Role::Body || page.leads[i] {
        return false;
    }
    if page.cjk {
        // A title wrapped inside quotes (`设施更“懂人` / `” 城市更文明`) continues with the
        // closing quote. Asked only of a line that has one: the walk over the line above
        // costs more than all the other tests.
        let in_quote = || i > 0 && leaves_open(page.lines[i - 1].text, '“', '”');
        // The quote's rest (`中、处处皆景”`) is a phrase of the title, whatever its
        // enumeration commas: only the text after it can read as a broken-off clause.
        let text = match line.text.split_once('”').filter(|_| in_quote()) {
            Some((quoted, rest)) if !quoted.contains(['，', '。', '；']) => rest.trim_start(),
            _ => line.text,
        };
        // A headline that asks or exclaims reads like a paragraph's last line: only one a
        // blank line sets apart (or the page's top) may be one, on a page whose blank
        // lines set blocks apart, not every line or its interleaved rows.
        let apart = page.sets_blocks_apart()
            && (line.blank_before || i == 0 || page.roles[i - 1] == Role::Drop);
        is_cjk_head_text(text, line.width, apart)
    } else {
        page.latin_head[i]
    }
}

/// A Chinese headline line has no sentence in it, is not too wide, and is not a clause
/// broken off another line, a parenthetical note, a box label, a numbered item or a
/// line stretched to its column. Set `apart`, it may close on a question or exclamation
/// mark (`小区停车难何时解决？`), with no clause mark before it.
pub(super) fn is_cjk_head_text(text: &str, width: f32, apart: bool) -> bool {
    let broken =
        text.ends_with(['、', '；']) || text.starts_with(['，', '。', '、', '”', '）', '【']);
    // A parenthetical note (`（摘编自……）`), or its last line, is never a headline.
    let aside = text.starts_with('（') || text.ends_with('）') && !text.contains('（');
    // `了，觉得……`: a line that opens with the end of a clause continues a sentence.
    let continues = text
        .chars()
        .take(3)
        .any(|c| matches!(c, '，' | '。' | '、' | '；'));
    let too_wide = width > 40.0;
    // The label and the stretch are asked last, only of what the other tests leave: a
    // sentence mark turns many lines away first.
    let label = || starts_item(text) || is_box_label(text);
    // Set apart, it may also open on a cry (`暖心！公交司机`), with no clause mark after.
    let phrase = |rest: &str| !has_sentence_mark(rest) && !rest.contains(['，', '；', '：']);
    let sentence = match text.strip_suffix(['？', '！']).filter(|_| apart) {
        Some(rest) => !phrase(rest),
        None if apart => after_cry(text).map_or_else(|| has_sentence_mark(text), |r| !phrase(r)),
        None => has_sentence_mark(text),
    };
    !(sentence || too_wide || broken || aside || continues || label() || is_stretched_text(text))
}

/// The text after a headline's opening cry (`暖心！公交司机`, `点赞！`): a word of up to
/// four ideographs and an exclamation mark.
fn after_cry(text: &str) -> Option<&str> {
    const MAX_WORD: usize = 4;
    // Only the line's first characters are looked at: most lines have no cry there.
    let (at, _) = text
        .char_indices()
        .take(MAX_WORD + 1)
        .find(|&(_, c)| c == '！')?;
    let word = &text[..at];
    let cry = at > 0 && word.chars().all(script::is_ideograph);
    cry.then_some(&text[at + '！'.len_utf8()..])
}

/// A line of text stretched to its column's width: single characters set apart by layout
/// spaces beside characters set solid (`播 需 要 一 定 时 间的`, `平。 不 让 技 术`). A
/// headline spaced out for display spaces every character alike (`新 春 走 基 层`).
fn is_stretched_text(text: &str) -> bool {
    is_justified(text) && text.split_whitespace().any(|w| w.chars().nth(1).is_some())
}

#[cfg(test)]
mod tests;
