//! Reading-order repair: pdftotext emits the lines of side-by-side columns row by row (line
//! 1 of column A, line 1 of column B, …, line 2 of column A, …), so consecutive lines do not
//! continue each other. This stage finds such interleaved regions of a Chinese page and puts
//! their lines back in column order.
//!
//! Where blank lines separate the rows, two lines printed with no blank between them are
//! one pdftotext block, so one column's consecutive lines: they stay together, and a
//! region never cuts through them.
//!
//! It only permutes lines: nothing is dropped, merged or invented, and each position keeps
//! its blank-line flag, so the page's blank rhythm is unchanged. A region is reordered only
//! when the recovered chains read clearly better than the lines as printed, or else its
//! stretches of column text between the headlines in its rows are; flowing text,
//! and Latin-script pages (whose OCR disorder is of another kind), are left alone. It does
//! not classify lines or find articles; that comes after, in [`super::classify`].

mod chain;
mod gate;
mod join;

pub use join::{
    closes_bracket_first, first_word, is_justified, leaves_bracket_open, word_across_lines,
    wrap_reads_on,
};

use std::cell::Cell;

use super::byline::is_lead;
use super::lines::Line;
use super::script::Tally;
use chain::{to_chain_order, to_greedy, to_successors, with_period_bonus, Scores, WINDOW};
use gate::looks_interleaved;
use join::{score, spans_word, Bigrams, Side};

/// Text score above which a join has evidence of its own (two full lines score 0.5).
const VOUCHED: f32 = 0.5;
/// Rounds of matching sharpened by the period the previous round read.
const PERIOD_ROUNDS: usize = 2;
/// Ems by which two running lines of one column may differ: a lost paragraph indent (2)
/// and digits or quotes set a little off their nominal half em.
const WIDTH_TOLERANCE: f32 = 3.5;
/// Ems the tolerance grows by for each narrow character of the shorter line: its width is
/// only an estimate (`根据决定，从2025年1月1日` fills an indented line that counts 12 ems).
const NARROW_TOLERANCE: f32 = 0.25;
/// Narrow characters past this many widen the tolerance no further (3 ems): a line of
/// Latin words must not switch the width test off.
const NARROW_COUNTED: usize = 12;
/// Narrowest line (in ems) that votes for a column's width.
const MIN_COLUMN: f32 = 6.0;
/// Lines on either side that vote for a line's column width.
const WIDTH_RADIUS: usize = 10;
/// A reordered region must beat the printed order by this much per line it spans…
const MARGIN_PER_LINE: f32 = 1.5;
/// …or by this much when all its lines, at least [`RUNNING_REGION`], are running text: no
/// byline, label or short line that ends nothing. The margin guards the headlines and
/// labels printed in the rows, which chains would carry off, and such a region has none.
const RUNNING_MARGIN_PER_LINE: f32 = 1.0;
/// Fewest lines of a region that earns [`RUNNING_MARGIN_PER_LINE`]: a short one may be
/// the edge of a longer interleaving, whose other column's lines it strands.
const RUNNING_REGION: usize = 8;
/// Fewest out-of-order joins that make a region: one stray join is not interleaving.
const MIN_JUMPS: usize = 3;
/// Out-of-order joins on cheap evidence that make the order doubtful enough to ask jieba.
const DOUBT_JUMPS: usize = 2;
/// Times the segmenter's look may widen to follow a region its words extended.
const WIDEN_ROUNDS: usize = 3;
/// Penalty for running a cut-off line on into a paragraph's first line.
const INDENT_PENALTY: f32 = 2.0;
/// Score of a join where the second line closes the bracket the first left open.
const BRACKET_CLOSED: f32 = 3.0;
/// Reward for a line printed in one block with the line before it: pdftotext stacks the
/// lines of a column so, and almost never two columns' lines. As much as a join needs to
/// be made on no other evidence, and no more: the text still outweighs it.
const STACKED: f32 = 1.0;
/// Regions whose out-of-order joins are this close merge into one.
const MERGE_GAP: usize = 2;
/// Score of a join inside one block of lines printed amid blank-separated rows.
const GLUED: f32 = 3.0;
/// Lines on either side whose blank lines tell a stretch printed one row at a time.
const BLANK_RADIUS: usize = 4;

/// A page's lines in reading order, and what the first look saw of its rows.
pub struct Reading<'a> {
    pub lines: Vec<Line<'a>>,
    /// The page shows signs of row-interleaved columns (the first look of
    /// `looks_interleaved`), whether or not any were put back in order. Where it
    /// shows none, a line standing alone is no stray row of a column.
    pub may_interleave: bool,
}

/// The page's lines in reading order (see the module doc). `cjk` says the page is Chinese.
pub fn to_reading_order<'a>(lines: Vec<Line<'a>>, cjk: bool) -> Reading<'a> {
    let as_printed = |lines| Reading {
        lines,
        may_interleave: false,
    };
    if !cjk || lines.len() < 4 {
        return as_printed(lines);
    }
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let prose: Vec<bool> = lines.iter().map(|l| is_prose(&l.tally)).collect();
    if !looks_interleaved(&texts, &prose) {
        return as_printed(lines);
    }
    let lines = to_column_order(lines, &texts, prose);
    Reading {
        lines,
        may_interleave: true,
    }
}

/// `lines`, which look interleaved somewhere, with the regions whose chains read clearly
/// better than the printed order put in chain order.
fn to_column_order<'a>(lines: Vec<Line<'a>>, texts: &[&str], prose: Vec<bool>) -> Vec<Line<'a>> {
    let mut page = Page::from_lines(&lines, prose, Bigrams::from_texts(texts));
    // A first matching on cheap evidence (shapes, the page's bigrams) finds where the order
    // is in doubt; only there is the segmenter asked, so flowing pages stay fast. The words
    // found may extend a region, so the look widens until the regions stop growing.
    let mut text_scores = page.to_scores();
    let mut doubtful = to_regions(&to_greedy(&text_scores), DOUBT_JUMPS);
    if doubtful.is_empty() {
        return lines;
    }
    // The last matching made while widening is on the page as it stands: keep it.
    let mut matching = None;
    for _ in 0..WIDEN_ROUNDS {
        let asked = page.ask_words_near(&doubtful);
        if asked.is_empty() {
            break;
        }
        // Only the joins out of the lines jieba now checks score differently.
        page.rescore(&mut text_scores, asked);
        let m = to_matching(&page, &text_scores);
        doubtful = to_regions(&m.1, 1);
        matching = Some(m);
    }
    let (scores, succ) = matching.unwrap_or_else(|| to_matching(&page, &text_scores));
    let regions: Vec<(usize, usize)> = to_regions(&succ, MIN_JUMPS)
        .into_iter()
        .map(|r| page.widened(r, &succ))
        .collect();
    let (order, breaks) = to_order(&page, &regions, (&succ, &scores), lines.len());
    to_permuted(lines, &order, &breaks)
}

/// The scores of all candidate joins (`text_scores` with the period reward) and the
/// successors chosen.
fn to_matching(page: &Page, text_scores: &Scores) -> (Scores, Vec<Option<usize>>) {
    let mut scores = text_scores.clone();
    let mut succ = to_successors(&scores);
    // The period read from one matching sharpens the next; a second round settles lines
    // whose neighbours the first round got wrong.
    for _ in 0..PERIOD_ROUNDS {
        // A block's own lines follow each other whatever the period: they do not vote.
        let rows: Vec<Option<usize>> = succ
            .iter()
            .enumerate()
            .map(|(k, s)| s.filter(|_| !page.is_glued(k + 1)))
            .collect();
        let votes = |k: usize, i: usize| page.votes_for(&rows, k, i);
        scores = with_period_bonus(text_scores, &rows, votes, |a, b| {
            page.is_vouched(a, b, text_scores.get(a, b))
        });
        succ = to_successors(&scores);
    }
    (scores, succ)
}

/// What the scorer knows of a page's lines.
struct Page {
    sides: Vec<Side>,
    /// Lines whose joins jieba checks for words spanning them.
    words: Vec<bool>,
    /// Whether jieba puts a word across each candidate join within [`WINDOW`], once
    /// asked (see [`Page::spans_word`]).
    spans: Vec<Cell<Option<bool>>>,
    prose: Vec<bool>,
    widths: Vec<f32>,
    /// How each line was printed with the line before it (see [`Stacking`]).
    stacking: Vec<Stacking>,
    /// Each line's printed block, counted in blank lines.
    blocks: Vec<usize>,
    /// Lines that open with a dateline.
    dated: Vec<bool>,
    /// Each line's column width read from the widest all-ideograph lines around it.
    pure_widths: Vec<f32>,
    bigrams: Bigrams,
}

/// How pdftotext printed a line with the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stacking {
    /// With a blank line between: a block of its own (or a page without blank lines at
    /// all, which says nothing of blocks).
    Apart,
    /// Right under it, in one block: the next line of the same column.
    Stacked,
    /// Stacked, amid rows printed one block per line: row-interleaved columns come out one
    /// block per line, so lines that share a block there are consecutive lines of one
    /// column, which follow each other and nothing else.
    Glued,
}

impl Page {
    fn from_lines(lines: &[Line], prose: Vec<bool>, bigrams: Bigrams) -> Self {
        let sides: Vec<Side> = lines.iter().map(Side::from_line).collect();
        Page {
            words: vec![false; sides.len()],
            spans: vec![Cell::new(None); sides.len() * WINDOW],
            widths: to_column_widths(&sides, &prose),
            stacking: to_stacking(lines),
            blocks: to_blocks(lines),
            dated: lines.iter().map(|l| opens_with_dateline(l.text)).collect(),
            pure_widths: to_pure_widths(&sides),
            bigrams,
            sides,
            prose,
        }
    }

    /// Line `k` is printed in one block with the line before it.
    fn is_stacked(&self, k: usize) -> bool {
        self.stacking.get(k).is_some_and(|&s| s != Stacking::Apart)
    }

    /// Line `k` is [`Stacking::Glued`] to the line before it.
    fn is_glued(&self, k: usize) -> bool {
        self.stacking.get(k) == Some(&Stacking::Glued)
    }

    /// Lets jieba check the joins of lines within [`WINDOW`] of `regions`; the lines it
    /// did not check before.
    fn ask_words_near(&mut self, regions: &[(usize, usize)]) -> Vec<usize> {
        let mut asked = Vec::new();
        let last = self.words.len().saturating_sub(1);
        for &(lo, hi) in regions {
            for k in lo.saturating_sub(WINDOW)..=(hi + WINDOW).min(last) {
                if !self.words[k] {
                    self.words[k] = true;
                    asked.push(k);
                }
            }
        }
        asked
    }

    /// The text score of line `b` continuing line `a`; `-inf` unless both are prose, or
    /// `b` closes the bracket `a` left open (a dateline's `（记者` / `姜琳）为贯彻…`).
    fn score(&self, a: usize, b: usize) -> f32 {
        // One block of lines amid rows printed block by block: its lines follow each other
        // and nothing else, neither into its later lines nor out of its earlier ones.
        if self.is_glued(b) || self.is_glued(a + 1) {
            return if b == a + 1 && self.prose[a] && self.prose[b] {
                GLUED
            } else {
                f32::NEG_INFINITY
            };
        }
        if let (Some(x), Some(y)) = (self.sides.get(a), self.sides.get(b)) {
            if x.leaves_bracket_open && y.closes_bracket_first {
                return BRACKET_CLOSED;
            }
        }
        match (self.sides.get(a), self.sides.get(b), self.widths.get(a)) {
            (Some(x), Some(y), Some(&w)) if self.prose[a] && self.prose[b] => {
                let words = self.words.get(a).copied().unwrap_or(false);
                score(x, y, &self.bigrams, w, || words && self.spans_word(a, b))
                    + width_agreement(x, y)
                    + self.indent_agreement(a, b)
                    + self.stack_agreement(a, b)
            }
            _ => f32::NEG_INFINITY,
        }
    }

    /// Whether jieba puts a word across the join of line `b` to line `a`. Each widening
    /// round scores the page's joins again, and a cut costs microseconds, so the answer for
    /// a join within [`WINDOW`] is kept.
    fn spans_word(&self, a: usize, b: usize) -> bool {
        let ask = || spans_word(&self.sides[a], &self.sides[b]);
        let cell = b
            .checked_sub(a)
            .filter(|d| (1..=WINDOW).contains(d))
            .and_then(|d| self.spans.get(a * WINDOW + (d - 1)));
        let Some(cell) = cell else {
            return ask();
        };
        if let Some(word) = cell.get() {
            return word;
        }
        let word = ask();
        cell.set(Some(word));
        word
    }

    /// pdftotext prints the lines of one column block without blank lines between them,
    /// and a line of row-interleaved columns as a block of its own: a line stacked under
    /// another follows it, be it the rest of a sentence or the next paragraph or subhead.
    fn stack_agreement(&self, a: usize, b: usize) -> f32 {
        if b == a + 1 && self.is_stacked(b) {
            STACKED
        } else {
            0.0
        }
    }

    /// Whether line `k`'s join in `succ` speaks for the period at line `i`: a join to the
    /// line stacked under it is a column printed as a block, which says the period is one
    /// in that block only, not among the rows of columns around it.
    fn votes_for(&self, succ: &[Option<usize>], k: usize, i: usize) -> bool {
        let stacked = succ[k] == Some(k + 1) && self.is_stacked(k + 1);
        !stacked || self.blocks[k] == self.blocks[i]
    }

    /// A line cut off mid-sentence at the column's edge cannot run on into a paragraph's
    /// first line, which an all-ideograph line exactly two ems short of its column is (its
    /// indent was lost). The column's width comes from such lines too, so it is exact.
    fn indent_agreement(&self, a: usize, b: usize) -> f32 {
        const INDENT: f32 = 2.0;
        let (x, y) = (&self.sides[a], &self.sides[b]);
        let col = self.pure_widths[b];
        let cut = x.is_full(self.widths[a]) && !x.ends_sentence();
        let opens = y.is_pure() && !y.ends_sentence() && (y.width - (col - INDENT)).abs() < 0.25;
        if cut && opens {
            -INDENT_PENALTY
        } else {
            0.0
        }
    }

    /// Region `lo..=hi` taken out to whole blocks, and back over a line cut mid-sentence
    /// that hangs just before it with no successor (the head of a column whose next line
    /// the region holds; non-prose lines, a page's header say, may stand between).
    fn widened(&self, (mut lo, mut hi): (usize, usize), succ: &[Option<usize>]) -> (usize, usize) {
        let hanging = (lo.saturating_sub(WINDOW)..lo)
            .rev()
            .find(|&k| self.prose[k])
            .filter(|&k| {
                let side = &self.sides[k];
                succ[k].is_none() && !side.is_fragment(self.widths[k]) && !side.ends_sentence()
            });
        if let Some(k) = hanging {
            lo = k;
        }
        while lo > 0 && self.is_glued(lo) {
            lo -= 1;
        }
        while self.is_glued(hi + 1) {
            hi += 1;
        }
        (lo, hi)
    }

    /// The last line of text before `end` printed in one block under line `hi`, the last
    /// of region `lo..=hi`, with no blank line between (`hi` itself when the next line
    /// starts a block of its own). Text is prose, or a paragraph's short last line
    /// (`格。`). Only where blank lines separate most of the region's rows does a block
    /// tell one column: a dump without that rhythm prints rows of columns in one block.
    fn block_under(&self, (lo, hi): (usize, usize), end: usize) -> usize {
        let apart = (lo + 1..=hi).filter(|&k| !self.is_stacked(k)).count();
        if 2 * apart < hi - lo {
            return hi;
        }
        (hi + 1..end)
            .take_while(|&k| self.is_stacked(k) && (self.prose[k] || self.sides[k].ends_sentence()))
            .last()
            .unwrap_or(hi)
    }

    /// Every candidate join between prose lines at most [`WINDOW`] apart, scored.
    fn to_scores(&self) -> Scores {
        let mut out = Scores::new(self.sides.len());
        self.rescore(&mut out, 0..self.sides.len());
        out
    }

    /// The candidate joins out of each line of `from` scored again into `scores`.
    fn rescore(&self, scores: &mut Scores, from: impl IntoIterator<Item = usize>) {
        let n = self.sides.len();
        for a in from.into_iter().filter(|&a| self.prose[a]) {
            for b in a + 1..=(a + WINDOW).min(n - 1) {
                if self.prose[b] {
                    scores.set(a, b, self.score(a, b));
                }
            }
        }
    }

    /// Whether the period may reward joining `b` to `a` (text score `text`): text evidence
    /// beyond the shapes of the lines; or `a` closes a paragraph, after which nothing in the
    /// text can tell the next paragraph's start, unless `b` opens with a dateline, which
    /// opens a story under its headline, or is a fragment: a paragraph's first line fills
    /// its column or ends the paragraph, so a short line that ends nothing is a headline
    /// or a label printed in the row; or shapes alone with only running lines between, as
    /// in a clean row of columns. A headline set as wide as the column looks like a full
    /// line, but a byline or a label follows it.
    fn is_vouched(&self, a: usize, b: usize, text: f32) -> bool {
        text > VOUCHED
            || (self.sides.get(a).is_some_and(Side::ends_sentence)
                && !self.dated.get(b).copied().unwrap_or(false)
                && !self.is_fragment(b))
            || (text >= VOUCHED && (a + 1..b).all(|k| self.is_running(k)))
    }

    /// How much the chains of region `lo..=hi` must beat the printed order by.
    fn margin_for(&self, (lo, hi): (usize, usize)) -> f32 {
        let lines = hi + 1 - lo;
        let per_line = if lines >= RUNNING_REGION && (lo..=hi).all(|k| self.is_running(k)) {
            RUNNING_MARGIN_PER_LINE
        } else {
            MARGIN_PER_LINE
        };
        per_line * lines as f32
    }

    /// The stretches of region `lo..=hi`, at least [`RUNNING_REGION`] lines long, of
    /// column text (see [`Page::is_column_text`]) that are interleaved themselves: they
    /// hold [`MIN_JUMPS`] out-of-order joins of `succ` within them.
    fn column_parts(
        &self,
        (lo, hi): (usize, usize),
        succ: &[Option<usize>],
    ) -> Vec<(usize, usize)> {
        let text: Vec<usize> = (lo..=hi)
            .filter(|&k| self.is_column_text(k, succ))
            .collect();
        let interleaved = |&(a, b): &(usize, usize)| {
            let jumps = (a..=b).filter(|&k| succ[k].is_some_and(|t| t != k + 1 && t <= b));
            jumps.count() >= MIN_JUMPS
        };
        text.chunk_by(|&a, &b| b == a + 1)
            .filter(|run| run.len() >= RUNNING_REGION)
            .map(|run| (run[0], run[run.len() - 1]))
            .filter(interleaved)
            .collect()
    }

    /// Line `k` reads as a line of a column's running text, not a headline set in the
    /// rows: running, as wide as its column unless it ends a sentence (a column's edge
    /// cuts only full lines) and no wider, and with a clause mark or a join the text
    /// vouches for in `succ`. A headline set as wide as a column passes the shapes, but it
    /// has no comma and its words run on into no line around it.
    fn is_column_text(&self, k: usize, succ: &[Option<usize>]) -> bool {
        let (side, col) = (&self.sides[k], self.widths[k]);
        let shaped =
            (side.is_full(col) || side.ends_sentence()) && side.width <= col + WIDTH_TOLERANCE;
        // Scoring joins is the dear test: asked last, of lines that pass the others.
        let joined = |a: usize, b: usize| self.score(a, b) > VOUCHED;
        let vouched = || {
            succ[k].is_some_and(|t| joined(k, t))
                || (k.saturating_sub(WINDOW)..k).any(|j| succ[j] == Some(k) && joined(j, k))
        };
        self.is_running(k) && shaped && (side.has_clause_mark() || vouched())
    }

    /// Line `k` is running text: prose, and no fragment.
    fn is_running(&self, k: usize) -> bool {
        self.prose[k] && !self.is_fragment(k)
    }

    /// Line `k` is short for its column without ending a sentence (see [`Side::is_fragment`]);
    /// false past the page's end, where the period may point.
    fn is_fragment(&self, k: usize) -> bool {
        match (self.sides.get(k), self.widths.get(k)) {
            (Some(side), Some(&width)) => side.is_fragment(width),
            _ => false,
        }
    }
}

/// Body-like: mostly CJK text of a few characters at least (labels of one or two are not);
/// digits and Latin count against it only beyond the CJK, as dates and figures are prose.
/// Words of several characters set apart by spaces are a list (names, credits, a date),
/// not a line of prose; prose has spaces only between single justified characters.
fn is_prose(t: &Tally) -> bool {
    t.long_words < 3 && t.cjk >= 3 && t.cjk >= t.other
}

/// How each line was printed with the line before it (see [`Stacking`]). Only a page that
/// marks its blocks with blank lines at all has lines stacked: a dump without any says
/// nothing of blocks. A stacked line is glued where blank lines separate most lines within
/// [`BLANK_RADIUS`] of it.
fn to_stacking(lines: &[Line]) -> Vec<Stacking> {
    let marked = lines.iter().any(|l| l.blank_before);
    (0..lines.len())
        .map(|i| {
            if !marked || i == 0 || lines[i].blank_before {
                return Stacking::Apart;
            }
            let lo = i.saturating_sub(BLANK_RADIUS);
            let hi = (i + BLANK_RADIUS).min(lines.len() - 1);
            let blanks = lines[lo..=hi].iter().filter(|l| l.blank_before).count();
            if 2 * blanks > hi - lo {
                Stacking::Glued
            } else {
                Stacking::Stacked
            }
        })
        .collect()
}

/// Whether `text` opens with a dateline (`据新华社北京1月1日电 （记者姜`).
fn opens_with_dateline(text: &str) -> bool {
    is_lead(text)
}

/// Each line's block number: blocks start after a blank line.
fn to_blocks(lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .scan(0, |block, l| {
            *block += usize::from(l.blank_before);
            Some(*block)
        })
        .collect()
}

/// Lines of one column have about the same width: two full lines of different widths come
/// from different articles.
fn width_agreement(a: &Side, b: &Side) -> f32 {
    let (x, y) = (a.width, b.width);
    if x < 6.0 || y < 6.0 || !x.is_finite() || !y.is_finite() {
        return 0.0;
    }
    if b.ends_sentence() || a.ends_sentence() {
        return 0.0;
    }
    let narrow = if x < y { a.narrow } else { b.narrow }.min(NARROW_COUNTED);
    if (x - y).abs() > WIDTH_TOLERANCE + NARROW_TOLERANCE * narrow as f32 {
        -1.5
    } else {
        0.0
    }
}

/// Each line's column width: the most common width (in whole ems) of the body-wide lines
/// around it, ties to the wider since short lines are paragraph ends; the page's when none
/// is near. Narrow lines (labels, headline fragments set one to four characters a line) do
/// not vote, or a stack of them would pass for a narrow column.
fn to_column_widths(sides: &[Side], prose: &[bool]) -> Vec<f32> {
    let votes: Vec<Option<u32>> = sides
        .iter()
        .zip(prose)
        .map(|(s, &p)| {
            (p && s.width.is_finite() && s.width >= MIN_COLUMN).then_some(s.width as u32)
        })
        .collect();
    let mut all: Vec<u32> = votes.iter().flatten().copied().collect();
    all.sort_unstable();
    let page = most_common(&all);
    let mut near = Vec::with_capacity(2 * WIDTH_RADIUS + 1);
    (0..sides.len())
        .map(|i| {
            let lo = i.saturating_sub(WIDTH_RADIUS);
            let hi = (i + WIDTH_RADIUS).min(sides.len() - 1);
            near.clear();
            near.extend(votes[lo..=hi].iter().flatten().copied());
            near.sort_unstable();
            most_common(&near).or(page).unwrap_or(0) as f32
        })
        .collect()
}

/// Each line's widest all-ideograph line within [`WIDTH_RADIUS`] (0 when none): running
/// lines fill the column, so the widest is its width.
fn to_pure_widths(sides: &[Side]) -> Vec<f32> {
    let pure: Vec<f32> = sides
        .iter()
        .map(|s| {
            if s.is_pure() && s.width.is_finite() {
                s.width
            } else {
                0.0
            }
        })
        .collect();
    (0..sides.len())
        .map(|i| {
            let lo = i.saturating_sub(WIDTH_RADIUS);
            let hi = (i + WIDTH_RADIUS).min(sides.len() - 1);
            pure[lo..=hi].iter().copied().fold(0.0, f32::max)
        })
        .collect()
}

/// The most common of the `sorted` values, ties to the larger: the longest run of equal
/// values. Even the twenty-one votes around one line sort and scan faster than each is
/// counted against all.
fn most_common(sorted: &[u32]) -> Option<u32> {
    debug_assert!(
        sorted.is_sorted(),
        "most_common reads runs of a sorted list"
    );
    sorted
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| (run.len(), run[0]))
        .map(|run| run[0])
}

/// The new order of line indices: regions where the matching leaves the printed order, and
/// reads clearly better for it, in chain order; every other line where it was. With it,
/// the new positions that start a block of their own (see [`to_permuted`]).
fn to_order(
    page: &Page,
    regions: &[(usize, usize)],
    (succ, scores): (&[Option<usize>], &Scores),
    n: usize,
) -> (Vec<usize>, Vec<usize>) {
    let join = |a: usize, b: usize| page.score(a, b);
    let score_of = |from: usize, to: usize| {
        let s = scores.get(from, to);
        if s.is_finite() {
            s
        } else {
            0.0
        }
    };
    // How much better the chains of `lo..=hi` read than the printed order.
    let gain = |(lo, hi): (usize, usize)| {
        let chained: f32 = (lo..=hi)
            .filter_map(|k| succ[k].filter(|&t| t <= hi).map(|t| score_of(k, t)))
            .sum();
        let printed: f32 = (lo..hi).map(|k| score_of(k, k + 1).max(0.0)).sum();
        chained - printed
    };
    let mut order = Vec::with_capacity(n);
    let mut breaks = Vec::new();
    let mut next = 0;
    for (r, &(lo, hi)) in regions.iter().enumerate() {
        let lo = lo.max(next);
        if gain((lo, hi)) < page.margin_for((lo, hi)) {
            // The headlines and labels in the region are why it does not read clearly
            // better: its chains would carry them off. The stretches of column text
            // between them can still be put in order, each on its own.
            for part in page.column_parts((lo, hi), succ) {
                if gain(part) >= page.margin_for(part) {
                    order.extend(next..part.0);
                    order.extend(to_chain_order(succ, part.0, part.1, join));
                    next = part.1 + 1;
                }
            }
            continue;
        }
        let end = regions.get(r + 1).map_or(n, |next| next.0);
        order.extend(next..lo);
        // Lines printed in one block under the region's last line are the rest of its
        // column, whose other rows have ended: they go on its chain, right after it,
        // however far they run and wherever that chain comes, and the other chains' text
        // after (labels and bylines among them stay where the chains put them). That
        // text was printed as blocks of its own, and starts one.
        let block = page.block_under((lo, hi), end);
        if block > hi {
            let chained = to_chain_order(succ, lo, hi, join);
            let at = chained.iter().position(|&k| k == hi).map_or(0, |p| p + 1);
            let (text, labels): (Vec<usize>, Vec<usize>) =
                chained[at..].iter().partition(|&&k| page.prose[k]);
            order.extend(&chained[..at]);
            order.extend(labels);
            order.extend(hi + 1..=block);
            if !text.is_empty() {
                breaks.push(order.len());
            }
            order.extend(text);
            next = block + 1;
            continue;
        }
        // The text the region's last line runs on into, printed after it, goes with it:
        // left behind, it would follow whichever chain came last. Only when the text put
        // that line where it is: a guess (the period after a paragraph's end) drags nothing.
        let placed = (lo..hi).any(|k| succ[k] == Some(hi) && join(k, hi) > VOUCHED);
        let hi = if placed {
            to_run_end(succ, hi, end)
        } else {
            hi
        };
        order.extend(to_chain_order(succ, lo, hi, join));
        next = hi + 1;
    }
    order.extend(next..n);
    (order, breaks)
}

/// The last line of the in-order run that line `hi` starts, before line `end`: the rest of
/// a column's last rows. A longer run is a column printed whole, which keeps its place.
fn to_run_end(succ: &[Option<usize>], hi: usize, end: usize) -> usize {
    let mut last = hi;
    while last + 1 < end && succ[last] == Some(last + 1) {
        last += 1;
        if last - hi > WINDOW {
            return hi;
        }
    }
    last
}

/// Spans of lines linked by out-of-order joins, merged when they overlap or nearly touch,
/// keeping those with at least `min_jumps` such joins.
fn to_regions(succ: &[Option<usize>], min_jumps: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (from, to) in succ
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.map(|t| (k, t)))
    {
        if to == from + 1 {
            continue;
        }
        match out.last_mut() {
            Some(last) if from <= last.1 + MERGE_GAP => {
                last.1 = last.1.max(to);
                last.2 += 1;
            }
            _ => out.push((from, to, 1)),
        }
    }
    out.into_iter()
        .filter(|r| r.2 >= min_jumps)
        .map(|r| (r.0, r.1))
        .collect()
}

/// `lines` rearranged by `order`; each position keeps the blank flag it had, so the blank
/// rhythm of the page does not move with the text, but for the positions in `breaks`,
/// which start a block.
fn to_permuted<'a>(lines: Vec<Line<'a>>, order: &[usize], breaks: &[usize]) -> Vec<Line<'a>> {
    if order.iter().enumerate().all(|(k, &i)| k == i) || order.len() != lines.len() {
        return lines;
    }
    order
        .iter()
        .enumerate()
        .map(|(pos, &i)| Line {
            blank_before: lines[pos].blank_before || breaks.contains(&pos),
            ..lines[i].clone()
        })
        .collect()
}

#[cfg(test)]
mod tests;
