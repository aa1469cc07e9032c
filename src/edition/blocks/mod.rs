//! Column blocks put back in order: pdftotext sometimes emits the blocks of one story's
//! columns out of order (the top of column two before the foot of column one), so a
//! story's text starts mid-sentence under its headline and its real first paragraph comes
//! later.
//!
//! The evidence is the layout of the seams between blocks, not the words (a column break
//! falls between words as often as inside one). A block *opens* a paragraph when its first
//! line is indented (two ems short of the column) and *continues* one when its first line
//! fills the column; a block *ends open* when its last line fills the column without ending
//! a sentence. In reading order an open end is followed by a continuing start and nothing
//! else. A block is moved only when that repairs its seams and breaks none: a continuing
//! block printed after a caption, a headline or a finished sentence, and a later block that
//! opens a paragraph and ends open, printed after an open end and before a continuing
//! start, go back together as that later block, then the orphan.
//!
//! The same seams show a story set inside another ([`resume_interrupted`]): the long story
//! stops mid-sentence before the short one's headline and goes on after its text. Since
//! whole runs of text move past a headline, the evidence must be stronger there: a word
//! across the seam (`失去了价` + `值……`), or a cut line that fills its column and a short
//! story that ends as stories do (a jump line or a closing aside, not just a sentence).
//! Text under a jump-from line (`（上接第2版）`) starts mid-sentence, so a block that opens
//! and closes a paragraph printed before one that starts mid-sentence goes after it
//! ([`lead_with_continuation`]).
//!
//! Only body lines move, as whole blocks; every line keeps its role. Runs on Chinese pages,
//! after the roles are set and before paragraph ends are found.

mod strays;
mod threads;
mod words;

pub use threads::rethread;

use super::classify::{Page, Role};
use super::furniture::JumpKind;
use super::order::{first_word, word_across_lines};
use super::script::ends_with_aside;

/// How far ahead (in blocks) the block that opens the orphan's paragraph may be printed.
const LOOKAHEAD: usize = 3;
/// Ems a line may fall short of its column and still fill it (digits and Latin letters are
/// half an em, quotes and dashes vary).
const FULL_SLACK: f32 = 1.0;
/// Ems short of its column from which a first line is indented (a lost two-em indent).
const INDENT_MIN: f32 = 1.5;
/// Fewest lines of a block taken as a block: single lines are the interleaving of
/// [`super::order`], not a misplaced block.
const MIN_LINES: usize = 2;

/// One block of body lines: `start..end` in the page.
#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
}

/// Puts body blocks emitted out of order back in reading order (see the module doc).
pub fn restore_block_order(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let mut blocks = body_blocks(page);
    let mut i = 0;
    while i < blocks.len() {
        if let Some(j) = opener_of(page, &blocks, i) {
            move_before(page, &blocks, j, i);
            // The page changed: read the blocks again and look at the moved ones anew.
            blocks = body_blocks(page);
        }
        i += 1;
    }
}

/// Text under a jump-from line (`（上接第2版）`) goes on from another page, so it starts
/// mid-sentence. When the first block there opens a paragraph and closes it, and the block
/// right after it starts mid-sentence after that close, the dump printed the two in the
/// wrong order: the later block goes first.
pub fn lead_with_continuation(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let blocks = body_blocks(page);
    for (i, pair) in blocks.windows(2).enumerate() {
        let (x, y) = (pair[0], pair[1]);
        let after_jump = x.start > 0 && page.jump_kind(x.start - 1) == Some(JumpKind::From);
        if !after_jump || y.start != x.end {
            continue;
        }
        let column = column_of(page, &[x, y]);
        let mid = |k: usize| continues(page, k, column) || starts_mid_sentence(page.lines[k].text);
        if !mid(x.start) && mid(y.start) && closes(page, x.end - 1) && closes(page, y.end - 1) {
            move_before(page, &blocks, i + 1, i);
            return;
        }
    }
}

/// The line cannot open a sentence: it starts with a clause mark, a closing quote or
/// bracket, or the particle 的 as a word of its own, which always follows what it
/// qualifies (`的确`, `的士` are words that may open one).
fn starts_mid_sentence(text: &str) -> bool {
    let first = text.trim_start().chars().next();
    first.is_some_and(|c| "，。、；：！？”）》’".contains(c))
        || (first == Some('的') && first_word(text) == "的")
}

/// Text that goes on after a story set inside another: when a story's last line before a
/// headline is cut off mid-sentence, and the text under that headline is followed by a
/// block that continues a line, that block (to the end of its run) is the cut-off story's
/// rest and goes back under it.
pub fn resume_interrupted(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let mut h = 0;
    while h < page.lines.len() {
        if let Some((s, e)) = rest_of(page, h) {
            let starts_at_rest = page.starts[s];
            move_span(page, h, s, e);
            page.starts[h] = false;
            page.starts[h + (e - s)] = starts_at_rest || page.starts[h + (e - s)];
        }
        h += 1;
    }
}

/// For a headline at line `h` that interrupts a story cut off mid-sentence, the span of
/// that story's rest printed after the interrupting text.
fn rest_of(page: &Page, h: usize) -> Option<(usize, usize)> {
    let n = page.lines.len();
    if h == 0 || page.roles[h] != Role::Head || page.roles[h - 1] != Role::Body {
        return None;
    }
    let last = h - 1;
    let first = (0..last)
        .rev()
        .take_while(|&k| page.roles[k] == Role::Body)
        .last()
        .unwrap_or(last);
    let column = column_of(
        page,
        &[Block {
            start: first,
            end: h,
        }],
    );
    if last - first + 1 < MIN_LINES || closes(page, last) {
        return None;
    }
    // The interrupting story's text: past its headline lines, up to the next headline.
    let body_from = (h..n).find(|&k| page.roles[k] == Role::Body)?;
    let next_head = (body_from..n)
        .find(|&k| page.roles[k] == Role::Head)
        .unwrap_or(n);
    // A block that starts with a full line, or with a paragraph's closing line, cannot
    // open a paragraph of its own (that starts indented): it goes on from somewhere.
    let s = (body_from + 1..next_head).find(|&k| {
        page.roles[k] == Role::Body
            && page.starts[k]
            && after_closed(page, k)
            && (continues(page, k, column) || page.lines[k].ends_sentence)
            && page.lines[k].width <= column + FULL_SLACK
    })?;
    let e = (s..n).find(|&k| page.roles[k] != Role::Body).unwrap_or(n);
    let (cut, rest) = (page.lines[last].text, page.lines[s].text);
    // A word across the seam is evidence enough; without one, the layout must speak: the
    // cut line fills the column, and the other story ends as stories do, with a jump line
    // or a closing aside (`（相关报道见第二版）`), not just a sentence, which any paragraph
    // ends with; and its text closes wherever a block of it ends (past its first, which
    // may be a dateline alone), so nothing of it is what the block goes on from.
    let story_ends = page.roles[s - 1] == Role::Jump || ends_with_aside(page.lines[s - 1].text);
    let other_closes = (body_from + 1..s).all(|k| !page.starts[k + 1] || closes(page, k));
    let layout = ends_open(page, last, column) && story_ends && other_closes;
    // The layout first: jieba's cut is the costly test.
    (e - s >= MIN_LINES && (layout || word_across_lines(cut, rest))).then_some((s, e))
}

/// Runs of body lines split where a blank line (or any other line) stands between them.
fn body_blocks(page: &Page) -> Vec<Block> {
    let n = page.lines.len();
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if page.roles[k] != Role::Body {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < n && page.roles[k] == Role::Body && !page.starts[k] {
            k += 1;
        }
        out.push(Block { start, end: k });
    }
    out
}

/// The index of the block that opens the paragraph orphaned block `i` continues, when the
/// seams say so plainly (see the module doc).
fn opener_of(page: &Page, blocks: &[Block], i: usize) -> Option<usize> {
    let x = blocks[i];
    if x.end - x.start < MIN_LINES || !after_closed(page, x.start) {
        return None;
    }
    let mut prev = x;
    for j in i + 1..blocks.len().min(i + 1 + LOOKAHEAD) {
        let y = blocks[j];
        // The same run of text: nothing but body lines between the blocks.
        if y.start != prev.end || y.end - y.start < MIN_LINES {
            return None;
        }
        let column = column_of(page, &[x, y]);
        let next_continues = blocks
            .get(j + 1)
            .filter(|z| z.start == y.end)
            .is_none_or(|z| continues(page, z.start, column));
        if continues(page, x.start, column)
            && opens(page, y.start, column)
            && ends_open(page, prev.end - 1, column)
            && ends_open(page, y.end - 1, column)
            && next_continues
        {
            return Some(j);
        }
        prev = y;
    }
    None
}

/// Whether what stands before line `k` closes: no line, a line of another role, or a body
/// line that ends a sentence or a bracketed aside (`（相关报道见第二版）`).
fn after_closed(page: &Page, k: usize) -> bool {
    k == 0 || page.roles[k - 1] != Role::Body || closes(page, k - 1)
}

/// Line `k` ends a sentence or a bracketed aside: its text may end there.
fn closes(page: &Page, k: usize) -> bool {
    page.lines[k].ends_sentence || ends_with_aside(page.lines[k].text)
}

/// The blocks' column: their widest line that ends no sentence.
fn column_of(page: &Page, blocks: &[Block]) -> f32 {
    blocks
        .iter()
        .flat_map(|b| &page.lines[b.start..b.end])
        .filter(|l| !l.ends_sentence)
        .map(|l| l.width)
        .fold(0.0, f32::max)
}

/// Line `k` fills the column: the block goes on from a line above.
fn continues(page: &Page, k: usize, column: f32) -> bool {
    page.lines[k].width >= column - FULL_SLACK
}

/// Line `k` is indented: it opens a paragraph.
fn opens(page: &Page, k: usize, column: f32) -> bool {
    let l = &page.lines[k];
    !l.ends_sentence && l.width <= column - INDENT_MIN && l.width >= column - 2.0 * INDENT_MIN
}

/// Line `k` fills the column and ends no sentence: the text goes on elsewhere.
fn ends_open(page: &Page, k: usize, column: f32) -> bool {
    let l = &page.lines[k];
    !l.ends_sentence && l.width >= column - FULL_SLACK
}

/// Moves block `j` to stand right before block `i` (`i < j`). The moved block takes block
/// `i`'s unit start, and block `i`'s first line no longer starts a unit of its own.
fn move_before(page: &mut Page, blocks: &[Block], j: usize, i: usize) {
    let (x, y) = (blocks[i], blocks[j]);
    let starts_at_x = page.starts[x.start];
    move_span(page, x.start, y.start, y.end);
    page.starts[x.start] = starts_at_x;
    page.starts[x.start + (y.end - y.start)] = false;
}

/// Moves lines `from..to` to stand before line `at` (`at <= from`), in every per-line
/// vector of the page: a rotation of `at..to`.
fn move_span(page: &mut Page, at: usize, from: usize, to: usize) {
    let k = from - at;
    page.lines[at..to].rotate_left(k);
    page.roles[at..to].rotate_left(k);
    page.starts[at..to].rotate_left(k);
    page.para_end[at..to].rotate_left(k);
    page.may_lead[at..to].rotate_left(k);
    page.leads[at..to].rotate_left(k);
    page.latin_head[at..to].rotate_left(k);
    page.names[at..to].rotate_left(k);
}

/// The text of lines `start..end`, run together.
fn text_of(page: &Page, start: usize, end: usize) -> String {
    page.lines[start..end].iter().map(|l| l.text).collect()
}

/// Puts the page's lines in the order `order` gives (new position to old), in every
/// per-line vector of the page.
fn permute(page: &mut Page, order: &[usize]) {
    fn pick<T: Clone>(v: &[T], order: &[usize]) -> Vec<T> {
        order.iter().map(|&k| v[k].clone()).collect()
    }
    page.lines = pick(&page.lines, order);
    page.roles = pick(&page.roles, order);
    page.starts = pick(&page.starts, order);
    page.para_end = pick(&page.para_end, order);
    page.may_lead = pick(&page.may_lead, order);
    page.leads = pick(&page.leads, order);
    page.latin_head = pick(&page.latin_head, order);
    page.names = pick(&page.names, order);
}

/// Moves lines `from..to` to stand before line `at`, which may be before or after them.
pub fn move_lines(page: &mut Page, from: usize, to: usize, at: usize) {
    if at <= from {
        move_span(page, at, from, to);
    } else {
        // Moving them forward is moving the lines between them and `at` back before them.
        move_span(page, from, to, at);
    }
}

#[cfg(test)]
mod tests;
