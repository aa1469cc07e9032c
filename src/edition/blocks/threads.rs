//! Story threads put back across blocks: on some pages pdftotext emits whole column blocks
//! of different stories out of order, so a story stops mid-sentence at the end of a block
//! and goes on in a block printed several blocks later, after other stories' text.
//!
//! The seams tell which blocks are out of thread. A block *ends open* when its last line
//! runs to (nearly) the column's edge without closing a sentence and no jump line follows
//! it; a block *starts mid-sentence* when its first line fills the column or opens with a
//! clause mark, and neither a dateline nor a jump-from line opens it. In reading order an
//! open end is followed by a start mid-sentence and nothing else. Where the print leaves an
//! open end with no such start after it (a *loose end*), and such a start with no open end
//! before it (a *loose start*), the ends and starts are matched by the evidence of their
//! seams: a start that cannot open a text (a clause mark, a cut word's last character set
//! off by a comma, a bracket the end left open), a dictionary word across the seam
//! (`审判实` + `践中…`), and the words the start's text shares with the story the end
//! belongs to, weighed by how few of the blocks in question use them. Shared words alone
//! link only where what the print set between is whole paragraphs. Printed seams take part
//! too, so a loose end may take the start that the print gave another end, when that end
//! finds another start in turn. Nothing moves unless the matching beats the print clearly,
//! and a page without both a loose end and a loose start is not looked at: pages printed
//! in order stay as they are, and jieba is asked only at the candidate seams.
//!
//! A block printed between an open end and the start that goes on from it interrupts that
//! story: it goes to the end of the story whose words it shares clearly most, or stays.
//!
//! Only body blocks move, each with the jump line that closes it; headlines stay where they
//! were printed, and no line changes its role. Runs on Chinese pages after the other block
//! repairs of [`super`].

use super::words::Words;
use super::{
    body_blocks, closes, column_of, continues, opens, starts_mid_sentence, Block, FULL_SLACK,
    MIN_LINES,
};
use crate::edition::classify::{starts_item, Page, Role};
use crate::edition::furniture::JumpKind;
use crate::edition::order::{
    closes_bracket_first, is_justified, leaves_bracket_open, word_across_lines,
};
use crate::edition::script::is_ideograph;

/// Ems an open end may fall short of its column: a line broken before a number or a
/// Latin word that did not fit.
const OPEN_SLACK: f32 = 2.5;
/// Ems by which the columns of an end and its start may differ.
const SAME_COLUMN: f32 = 1.0;
/// Weight of a dictionary word across a seam (cut out of a clause mark or bracket, which
/// say more).
const WORD: f32 = 2.0;
/// Weight of a start that surely goes on a sentence: it opens with a clause mark or a
/// cut word's last character, or closes a bracket the end left open.
const SURE: f32 = 1.0;
/// Most word weight one seam takes from the words its two sides share: past a few shared
/// words, more says no more.
const SHARED_CAP: f32 = 4.0;
/// Weight for keeping a seam as printed: ties keep the print.
const KEEP: f32 = 0.5;
/// Least weight of a seam the print does not have.
const MIN_LINK: f32 = 1.5;
/// Least gain of the matching over the print.
const MIN_GAIN: f32 = 1.5;
/// Most candidate seams on a page: more is no misprint but a page this does not read (and
/// the matching's loops go over pairs of them).
const MAX_PAIRS: usize = 144;

/// Puts blocks that go on another story's text back after it (see the module doc).
pub fn rethread(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let blocks = body_blocks(page);
    let seams = Seams::of(page, &blocks);
    let Some(links) = seams.relink(page) else {
        return;
    };
    let stranded = seams.stranded(page, &links);
    apply_links(page, &blocks, &links);
    for printed in stranded {
        super::strays::adopt(page, printed);
    }
}

/// The seams of a page's body blocks.
struct Seams<'b> {
    blocks: &'b [Block],
    /// Each block's column width.
    column: Vec<f32>,
    open_end: Vec<bool>,
    mid_start: Vec<bool>,
    /// Blocks long enough to move or take a moved block: single lines are the
    /// interleaving of [`crate::edition::order`], not a misplaced block.
    long: Vec<bool>,
}

impl<'b> Seams<'b> {
    fn of(page: &Page, blocks: &'b [Block]) -> Self {
        let column: Vec<f32> = blocks.iter().map(|b| column_of(page, &[*b])).collect();
        let open_end = (0..blocks.len())
            .map(|i| ends_open_block(page, blocks[i], column[i]))
            .collect();
        let mid_start = (0..blocks.len())
            .map(|i| starts_mid_block(page, blocks[i], column[i]))
            .collect();
        Seams {
            blocks,
            column,
            open_end,
            mid_start,
            long: blocks
                .iter()
                .map(|b| b.end - b.start >= MIN_LINES)
                .collect(),
        }
    }

    /// Whether the print has block `i` go on in block `i + 1`.
    fn printed(&self, i: usize) -> bool {
        self.open_end[i] && self.mid_start.get(i + 1).copied().unwrap_or(false)
    }

    /// Block `i` ends open, but the print has nothing go on from it.
    fn loose_end(&self, i: usize) -> bool {
        self.long[i] && self.open_end[i] && !self.printed(i)
    }

    /// Block `j` starts mid-sentence, but the print has it go on from nothing.
    fn loose_start(&self, j: usize) -> bool {
        self.long[j] && self.mid_start[j] && (j == 0 || !self.printed(j - 1))
    }

    /// The links `(end, start)` the print lacks, when matching the loose ends and starts
    /// by their evidence beats the print clearly.
    fn relink(&self, page: &Page) -> Option<Vec<(usize, usize)>> {
        let n = self.blocks.len();
        let any_end = (0..n).any(|i| self.loose_end(i));
        let any_start = (0..n).any(|j| self.loose_start(j));
        if !any_end || !any_start {
            return None;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for i in (0..n).filter(|&i| self.long[i] && self.open_end[i]) {
            // A start may be printed before its end as well as after it.
            for j in (0..n).filter(|&j| j != i && self.long[j] && self.mid_start[j]) {
                let in_question = self.loose_end(i) || self.loose_start(j);
                let same_column = (self.column[i] - self.column[j]).abs() <= SAME_COLUMN;
                if (j == i + 1 || in_question) && same_column {
                    pairs.push((i, j));
                }
            }
        }
        // Printed seams only matter when one of their blocks could take another.
        let contested: Vec<bool> = pairs
            .iter()
            .map(|&(i, j)| j != i + 1 || pairs.iter().any(|&(a, b)| (a == i) != (b == j)))
            .collect();
        let mut contested = contested.into_iter();
        pairs.retain(|_| contested.next().unwrap_or(false));
        if pairs.len() > MAX_PAIRS || pairs.iter().all(|&(i, j)| j == i + 1) {
            return None;
        }
        // The layout and the seam's words first: the story's words are the costly test,
        // for the seams that may link only.
        let seams: Vec<Seam> = pairs.iter().map(|&(i, j)| self.seam(page, i, j)).collect();
        let mut viable: Vec<bool> = (0..pairs.len())
            .map(|k| {
                let ((i, j), s) = (pairs[k], seams[k]);
                let word = j > i && s.word;
                j == i + 1 || !s.forbidden && (s.sure || word || self.interrupted(page, i, j))
            })
            .collect();
        self.drop_unpartnered(&pairs, &mut viable);
        if !(0..pairs.len()).any(|k| viable[k] && pairs[k].1 != pairs[k].0 + 1) {
            return None;
        }
        // The words of the blocks in question only: the rest of the page has no say.
        let mut involved = vec![false; n];
        for &(i, j) in &pairs {
            for k in self.story_before(i).into_iter().chain(self.story_after(j)) {
                involved[k] = true;
            }
        }
        let words = Words::of(page, self.blocks, &involved);
        let weighed: Vec<Link> = (0..pairs.len())
            .filter(|&k| viable[k])
            .map(|k| {
                let (i, j) = pairs[k];
                let (w, enough) = self.evidence(page, &words, seams[k], i, j);
                let w = match (j == i + 1, enough && w >= MIN_LINK) {
                    (true, _) => w + KEEP,
                    (false, true) => w,
                    (false, false) => 0.0,
                };
                (i, j, w)
            })
            .collect();
        let printed: f32 = weighed
            .iter()
            .filter(|&&(i, j, _)| j == i + 1)
            .map(|&(_, _, w)| w)
            .sum();
        let weighed = self.without_contested(page, &pairs, weighed);
        let chosen = self.keep_whole(best_matching(weighed));
        let total: f32 = chosen.iter().map(|&(_, _, w)| w).sum();
        let new: Vec<(usize, usize)> = chosen
            .iter()
            .filter(|&&(i, j, _)| j != i + 1)
            .map(|&(i, j, _)| (i, j))
            .collect();
        let gains = total - printed >= MIN_GAIN && !new.is_empty();
        (gains && !has_cycle(&new, n)).then_some(new)
    }

    /// Marks not viable the new seams that would break a printed one whose other side has
    /// no other viable seam to take: the layout alone can then never gain by them (see
    /// [`Self::keep_whole`]), and the costly words are spared.
    fn drop_unpartnered(&self, pairs: &[(usize, usize)], viable: &mut [bool]) {
        loop {
            let new = |k: usize, v: &[bool]| v[k] && pairs[k].1 != pairs[k].0 + 1;
            let other_end = |j: usize, not: usize, v: &[bool]| {
                (0..pairs.len()).any(|k| new(k, v) && pairs[k].1 == j && pairs[k].0 != not)
            };
            let other_start = |i: usize, not: usize, v: &[bool]| {
                (0..pairs.len()).any(|k| new(k, v) && pairs[k].0 == i && pairs[k].1 != not)
            };
            let stuck = (0..pairs.len()).find(|&k| {
                let (i, j) = pairs[k];
                new(k, viable)
                    && (self.printed(i) && !other_end(i + 1, i, viable)
                        || self.rehomes(j) && !other_start(j - 1, j, viable))
            });
            match stuck {
                Some(k) => viable[k] = false,
                None => return,
            }
        }
    }

    /// The seams without those whose start another end reaches by a word across the seam
    /// while they have none: the evidence is not clear there (`…桂玲` + `宿、…` against
    /// `…发展民` + `宿、…`), even when the other end is not free to take it.
    fn without_contested(
        &self,
        page: &Page,
        pairs: &[(usize, usize)],
        weighed: Vec<Link>,
    ) -> Vec<Link> {
        weighed
            .into_iter()
            .filter(|&(i, j, _)| {
                j == i + 1
                    || self.word_across(page, i, j)
                    || !pairs
                        .iter()
                        .any(|&(e, s)| s == j && e != i && self.word_across(page, e, s))
            })
            .collect()
    }

    /// The matching without the links that break a printed seam and leave its other side
    /// loose: a start the print gave an end goes elsewhere only when that end goes on
    /// elsewhere too. Otherwise the end's block may hold two columns' lines run together,
    /// its last lines one story's and its first lines another's.
    fn keep_whole(&self, mut chosen: Vec<Link>) -> Vec<Link> {
        loop {
            let has_end = |i: usize, c: &[Link]| c.iter().any(|l| l.0 == i);
            let has_start = |j: usize, c: &[Link]| c.iter().any(|l| l.1 == j);
            let broken = chosen.iter().position(|&(i, j, _)| {
                j != i + 1
                    && (self.printed(i) && !has_start(i + 1, &chosen)
                        || self.rehomes(j) && !has_end(j - 1, &chosen))
            });
            match broken {
                Some(k) => {
                    chosen.remove(k);
                }
                None => return chosen,
            }
        }
    }

    /// What the seam from block `i` to block `j` shows by itself.
    fn seam(&self, page: &Page, i: usize, j: usize) -> Seam {
        let (x, y) = (self.blocks[i], self.blocks[j]);
        let rest = page.lines[y.start].text;
        let closes_first = closes_bracket_first(rest.chars());
        let left_open = leaves_open(page, x);
        // A clause mark, a cut word's last character or a closing bracket cannot open a
        // text: the start surely goes on from somewhere.
        let sure = starts_mid_sentence(rest) || starts_with_lone_character(rest) || closes_first;
        Seam {
            forbidden: closes_first && !left_open,
            sure,
            word: !sure && self.word_across(page, i, j),
        }
    }

    /// A dictionary word runs from block `i`'s last line into block `j`'s first.
    fn word_across(&self, page: &Page, i: usize, j: usize) -> bool {
        let cut = page.lines[self.blocks[i].end - 1].text;
        word_across_lines(cut, page.lines[self.blocks[j].start].text)
    }

    /// The weight of the evidence that block `j` goes on from block `i`, and whether it
    /// is enough to link them where the print does not.
    fn evidence(&self, page: &Page, words: &Words, seam: Seam, i: usize, j: usize) -> (f32, bool) {
        if seam.forbidden {
            return (0.0, false);
        }
        let shared = words
            .shared(&self.story_before(i), &self.story_after(j))
            .min(SHARED_CAP);
        // A sure start was spared jieba to find whether it may link at all; among the ends
        // it may go on, a word across the seam (`民` + `宿、…`) tells which.
        let word = seam.word || seam.sure && self.word_across(page, i, j);
        let w = shared + if seam.sure { SURE } else { 0.0 } + if word { WORD } else { 0.0 };
        // A word across the seam may be chance; with the story's words it is not, unless
        // the start was printed before its end, where a chance word (`资产配` + `方便…`) is
        // likelier than so long a way back: only a sure start goes there. Without either,
        // the text printed between must be whole paragraphs set into the story.
        let enough = seam.sure
            || j > i && seam.word && shared > 0.0
            || shared >= SHARED_CAP / 2.0 && self.interrupted(page, i, j);
        (w, enough)
    }

    /// Block `j` is a start the print gives an end: a link to it takes it from that end.
    fn rehomes(&self, j: usize) -> bool {
        j > 0 && self.printed(j - 1)
    }

    /// Everything printed between blocks `i` and `j` (after it) is whole paragraphs of
    /// body text: blocks that open a paragraph and close one.
    fn interrupted(&self, page: &Page, i: usize, j: usize) -> bool {
        j > i
            && (i + 1..=j).all(|k| self.blocks[k].start == self.blocks[k - 1].end)
            && (i + 1..j).all(|k| {
                let b = self.blocks[k];
                let column = self.column[k];
                opens(page, b.start, column) && closes(page, b.end - 1)
            })
    }

    /// Block `i` and the blocks the print has it go on from.
    fn story_before(&self, i: usize) -> Vec<usize> {
        let first = (0..i).rev().take_while(|&k| self.printed(k)).last();
        (first.unwrap_or(i)..=i).collect()
    }

    /// Block `j` and the blocks the print has go on from it.
    fn story_after(&self, j: usize) -> Vec<usize> {
        let last = (j..self.blocks.len())
            .take_while(|&k| self.printed(k))
            .last()
            .map_or(j, |k| k + 1);
        (j..=last).collect()
    }

    /// The first lines of blocks printed between an end and the start now linked to it,
    /// with no headline between: they interrupt that story. Each is given by its place in
    /// the dump ([`Line::printed`](crate::edition::lines::Line)), as relinking moves lines.
    fn stranded(&self, page: &Page, links: &[(usize, usize)]) -> Vec<usize> {
        let moved: Vec<usize> = links.iter().map(|&(_, j)| j).collect();
        let mut out = Vec::new();
        for &(i, j) in links {
            for k in i + 1..j {
                let b = self.blocks[k];
                let headline_between =
                    (self.blocks[i].end..b.start).any(|l| page.roles[l] == Role::Head);
                if headline_between {
                    break;
                }
                if !moved.contains(&k) && !links.iter().any(|&(a, _)| a == k) {
                    out.push(page.lines[b.start].printed);
                }
            }
        }
        out
    }
}

/// What a seam shows by itself.
#[derive(Debug, Clone, Copy)]
struct Seam {
    /// The start closes a bracket the end did not open.
    forbidden: bool,
    /// The start cannot open a text.
    sure: bool,
    /// A dictionary word runs across the seam.
    word: bool,
}

/// A seam: the end's block, the start's block and the weight of the evidence.
type Link = (usize, usize, f32);

/// The links of the heaviest matching of ends to starts, taken greedily, heaviest first
/// (the seams in question are few and their weights far apart).
fn best_matching(mut weighed: Vec<Link>) -> Vec<Link> {
    weighed.sort_by(|a, b| b.2.total_cmp(&a.2));
    let mut chosen: Vec<Link> = Vec::new();
    for (i, j, w) in weighed {
        if w > 0.0 && !chosen.iter().any(|&(a, b, _)| a == i || b == j) {
            chosen.push((i, j, w));
        }
    }
    chosen
}

/// Whether following `links` from some block comes back to it: such blocks would have no
/// place to start from.
fn has_cycle(links: &[(usize, usize)], n: usize) -> bool {
    let mut next: Vec<Option<usize>> = vec![None; n];
    for &(i, j) in links {
        next[i] = Some(j);
    }
    (0..n).any(|start| {
        let mut k = start;
        // A chain longer than the page's blocks has come round.
        (0..=n).all(|_| match next[k] {
            Some(j) => {
                k = j;
                true
            }
            None => false,
        })
    })
}

/// Block `b` stops mid-sentence near its column's edge (a line spaced out to the column
/// reaches it), or with a bracket open, and no jump line takes its text to another page.
fn ends_open_block(page: &Page, b: Block, column: f32) -> bool {
    let last = b.end - 1;
    let jumps_away = page.jump_kind(b.end) == Some(JumpKind::To);
    // A closing bracket at the end closes an aside opened lines above (`（摘编自…》）`).
    let closes_aside = page.lines[last].text.ends_with(['）', ')']) && !leaves_open(page, b);
    !closes(page, last)
        && !closes_aside
        && !jumps_away
        && (page.lines[last].width >= column - OPEN_SLACK
            || is_justified(page.lines[last].text)
            || leaves_bracket_open(page.lines[last].text.chars()))
}

/// Block `b` leaves a round bracket open (`本报北京1月2日电 （记`).
fn leaves_open(page: &Page, b: Block) -> bool {
    leaves_bracket_open(
        page.lines[b.start..b.end]
            .iter()
            .flat_map(|l| l.text.chars()),
    )
}

/// Block `b` starts mid-sentence: its first line fills the column or opens with a clause
/// mark, and it opens no numbered item, no dateline, and follows no jump-from line.
fn starts_mid_block(page: &Page, b: Block, column: f32) -> bool {
    let k = b.start;
    let after_jump = k > 0 && page.roles[k - 1] == Role::Jump;
    let text = page.lines[k].text;
    let mid = starts_mid_sentence(text)
        || starts_with_lone_character(text)
        || closes_bracket_first(text.chars())
        || (continues(page, k, column) && !opens(page, k, column) && column > FULL_SLACK);
    mid && !after_jump && !page.leads[k] && !starts_item(text)
}

/// The line opens with one ideograph and a clause mark (`粒，传统做法…`): the end of a
/// word cut at the line above, since hardly a sentence opens with a word of one character
/// set off by a comma.
fn starts_with_lone_character(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    chars.next().is_some_and(is_ideograph) && chars.next().is_some_and(|c| "，、；：".contains(c))
}

/// Moves each linked start (with the blocks after it that it links on to) to stand right
/// after its end.
fn apply_links(page: &mut Page, blocks: &[Block], links: &[(usize, usize)]) {
    let n = page.lines.len();
    let mut next: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut moved = vec![false; blocks.len()];
    for &(i, j) in links {
        next[i] = Some(j);
        moved[j] = true;
    }
    let tail_end = |b: Block| {
        (b.end..n)
            .find(|&k| page.jump_kind(k) != Some(JumpKind::To))
            .unwrap_or(n)
    };
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut flows: Vec<usize> = Vec::new();
    let mut k = 0;
    let mut bi = 0;
    while k < n {
        if bi < blocks.len() && blocks[bi].start == k {
            let end = tail_end(blocks[bi]);
            if !moved[bi] {
                order.extend(k..end);
                let mut c = bi;
                while let Some(j) = next[c] {
                    flows.push(order.len());
                    order.extend(blocks[j].start..tail_end(blocks[j]));
                    c = j;
                }
            }
            k = end;
            bi += 1;
            continue;
        }
        order.push(k);
        k += 1;
    }
    super::permute(page, &order);
    // A linked start goes on the line before it: it opens no unit of its own.
    for k in flows {
        page.starts[k] = false;
    }
}
