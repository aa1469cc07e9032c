//! Headlines matched to their text by the words they share. A PDF may emit a page's
//! headlines far from their stories (stacked above two bodies, or one story down), so text
//! order alone pairs a headline with the wrong body. A Chinese headline almost always
//! repeats words of its story (`嘉陵江流域综合规划获批` over a body about 嘉陵江), and that is
//! the evidence used here.
//!
//! The page's body blocks, in text order, are cut into runs and each run given at most one
//! headline (each headline one run, or two around another headline's run: a story printed
//! in two runs with another's text between them), maximising the weight of the headline's
//! word pairs found in its runs. Runs may only end where an article can: at the boundary
//! of an article as segmented, or after a paragraph that ends a sentence. The segmented
//! pairing is kept unless the words clearly prefer another, so pages whose text order is
//! reading order come out as they went in. Only blocks and headlines move (and the dash
//! kickers of bands of headlines, seated by their words afterwards: [`kickers`]); nothing
//! is dropped.
//!
//! Most pages never get that far: a page where every headline's text repeats a word pair of
//! its title, and every headline without text follows untitled text (printed after its
//! body, for [`super::repair`]), looks paired and is left alone; so is one where no piece's
//! text speaks clearly more of another headline than of its own.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::headline::{ends_in_kicker_dash, Headline};
use super::order::word_across_lines;
use super::reflow::{append_continuing, push_continuing, remove_layout_spaces};
use super::script::{closes_text, ends_sentence, has_sentence_mark};
use super::segment::{GoesOn, Piece};
use super::terms::{any_term, for_each_term, terms, TermSet};
use crate::article::Block;
use kickers::{band_kickers, seat_kickers};

/// Most headlines on a page this stage considers (it tracks which are used in a bit set).
const MAX_HEADS: usize = 10;
/// Title word pairs a headline's text must show for the page to look paired.
const SEEN_PAIRS: usize = 1;
/// Word pairs of a subhead the section under it must show (see [`is_bare_title`]).
const SUBHEAD_PAIRS: usize = 2;
/// How many times its own headline's weight a piece's text must give another (plus
/// [`MIN_GAIN`]) before the pairing is in doubt: stories on one page share names.
const DOUBT_RATIO: f32 = 2.0;
/// Size of the filter for headline terms, in 64-bit words (4,096 bits).
const FILTER_WORDS: usize = 64;
/// States of the search kept per block.
const BEAM: usize = 32;
/// Reward per block for keeping the headline it was segmented with: ties keep text order.
const KEEP: f32 = 0.05;
/// Reward for opening a run under a headline stacked over the text without text of its
/// own (see [`Layout::stacks`]): more than a stray shared word, less than the evidence
/// that moves text to a story ([`ADOPT`]).
const STACKED: f32 = 0.5;
/// Cost of cutting a segmented article's text in two.
const CUT: f32 = 1.0;
/// Cost of taking a story up again after another's run: its second run must show words
/// of its own, as much as untitled text needs to join a story ([`ADOPT`]).
const RESUME: f32 = ADOPT;
/// Gain in word weight the words' pairing must show over the segmented one.
const MIN_GAIN: f32 = 1.0;
/// Word weight with which untitled text joins a headline's story…
const ADOPT: f32 = 2.0;
/// Word weight enough for untitled text that opens mid-sentence (`使用。此次…`), which
/// cannot start a story of its own…
const ADOPT_MID_SENTENCE: f32 = 1.0;
/// …and how many times the next headline's weight either must be.
const ADOPT_RATIO: f32 = 3.0;

/// The pieces of one Chinese page with headlines moved to the text whose words they share
/// (see the module doc), and the kickers of bands of headlines then given to the story whose
/// text names what they name (see [`kickers`]). Pieces come back in text order,
/// headline-only pieces where their headline was.
pub fn pair_by_words(pieces: Vec<Piece>) -> Vec<Piece> {
    let kickers = band_kickers(&pieces);
    let mut pieces = pair_texts(pieces);
    seat_kickers(&mut pieces, &kickers);
    pieces
}

/// Headlines moved to the text whose words they share: [`pair_by_words`] but for the kickers.
fn pair_texts(pieces: Vec<Piece>) -> Vec<Piece> {
    let page = Layout::of(&pieces);
    let m = page.heads.len();
    // A piece without text that still holds a dateline or names from text (a dateline
    // set on a line of its own) would have no run to give them to: leave such pages alone.
    let stray = pieces
        .iter()
        .any(|p| p.blocks.is_empty() && (p.dateline.is_some() || p.authors.len() > p.head_authors));
    if !(2..=MAX_HEADS).contains(&m) || page.units.is_empty() || stray || page.looks_paired(&pieces)
    {
        return pieces;
    }
    let affinity = page.affinity(&pieces);
    let stacks = page.stacks(&pieces, &affinity);
    // A band of heads over texts is in doubt too: its texts may be its other heads'.
    if !page.in_doubt(&pieces, &affinity) && stacks.iter().all(Vec::is_empty) {
        return pieces;
    }
    let current: Vec<Option<usize>> = page.units.iter().map(|u| page.head_of[u.piece]).collect();
    let keep_score: f32 = current
        .iter()
        .enumerate()
        .map(|(u, &l)| gain(&affinity, u, l) + KEEP)
        .sum();
    let (best, labels) = page.search(&affinity, &current, &stacks);
    if best - keep_score < MIN_GAIN {
        return pieces;
    }
    page.rebuild(pieces, &labels)
}

/// Untitled text whose words point clearly at one headline's story joins that story: text
/// the dump cut off its article around another one (`…她感叹` then another story, then the
/// rest); so does text that finishes the sentence the nearest story before it stops on,
/// when no headline's words speak for another ([`finished_sentence`]). Text with a
/// dateline or a jump-from line opens a story of its own and stays.
pub fn adopt_untitled(pieces: Vec<Piece>) -> Vec<Piece> {
    let candidate = |p: &Piece| {
        p.head.is_none()
            && !p.blocks.is_empty()
            && p.dateline.is_none()
            && p.continued_from.is_none()
    };
    if !pieces.iter().any(candidate) {
        return pieces;
    }
    let page = Layout::of(&pieces);
    if page.heads.is_empty() {
        return pieces;
    }
    // Moving text between pieces changes no block's scores, so one look decides all.
    let totals = page.piece_totals(&page.affinity(&pieces));
    let story_of: Vec<Option<usize>> = (0..pieces.len())
        .map(|k| {
            if !candidate(&pieces[k]) {
                return None;
            }
            let (best, second) = top_two(&totals[k]);
            let w = totals[k][best];
            // Text that opens mid-sentence is no story's start: less word evidence will do.
            let need = if opens_mid_sentence(&pieces[k]) {
                ADOPT_MID_SENTENCE
            } else {
                ADOPT
            };
            let worded = w >= need && w >= ADOPT_RATIO * second;
            // Short of words, a sentence the text finishes speaks for a story too, unless
            // another headline's words speak against it.
            let alone = |j: usize| second == 0.0 && (w == 0.0 || page.heads[best] == j);
            worded
                .then_some(page.heads[best])
                .or_else(|| finished_sentence(&pieces, k).filter(|&j| alone(j)))
        })
        .collect();
    // Text before its story goes in front of it, text after it behind, each in text order.
    let mut before: Vec<Vec<Piece>> = (0..pieces.len()).map(|_| Vec::new()).collect();
    let mut after: Vec<Vec<Piece>> = (0..pieces.len()).map(|_| Vec::new()).collect();
    let mut kept: Vec<(usize, Piece)> = Vec::with_capacity(pieces.len());
    for (k, piece) in pieces.into_iter().enumerate() {
        match story_of[k] {
            Some(t) if t > k => before[t].push(piece),
            Some(t) => after[t].push(piece),
            None => kept.push((k, piece)),
        }
    }
    kept.into_iter()
        .map(|(k, mut story)| {
            let front = std::mem::take(&mut before[k]);
            let back = std::mem::take(&mut after[k]);
            let mut blocks = Vec::new();
            for mut text in front {
                append_continuing(&mut blocks, std::mem::take(&mut text.blocks));
                story.take_names_of(&mut text);
            }
            append_continuing(&mut blocks, std::mem::take(&mut story.blocks));
            story.blocks = blocks;
            for text in back {
                story.go_on_with(text);
            }
            story
        })
        .collect()
}

/// `blocks` show [`SEEN_PAIRS`] of the ideograph pairs of `head`'s title (all of them
/// when it has fewer).
fn shows_title(head: &Headline, blocks: &[Block]) -> bool {
    shows_title_pairs(head, blocks, SEEN_PAIRS)
}

/// `blocks` show `seen` of the ideograph pairs of `head`'s title (all of them when it
/// has fewer).
fn shows_title_pairs<'b>(
    head: &Headline,
    blocks: impl IntoIterator<Item = &'b Block>,
    seen: usize,
) -> bool {
    // The title's ideograph pairs (Latin and digit terms have the top bit set).
    let pairs: Vec<u64> = terms(&head.title)
        .into_iter()
        .filter(|t| t >> 63 == 0)
        .collect();
    let need = seen.min(pairs.len());
    let mut seen = vec![false; pairs.len()];
    let mut hits = 0;
    for b in blocks {
        // Once enough pairs are seen, the rest of the text cannot change the answer.
        if hits >= need {
            break;
        }
        // Latin and digit terms are never among `pairs`: their top bit keeps them apart.
        any_term(b.text(), |t| {
            if let Ok(i) = pairs.binary_search(&t) {
                hits += usize::from(!seen[i]);
                seen[i] = true;
            }
            hits >= need
        });
    }
    hits >= need
}

/// The piece's text opens with a sentence's last word (`使用。此次…`): the rest of a
/// sentence begun elsewhere, since no text starts with a sentence of a word or two.
fn opens_mid_sentence(piece: &Piece) -> bool {
    let Some(Block::Paragraph { text }) = piece.blocks.first() else {
        return false;
    };
    let head: String = text.chars().take(3).collect();
    has_sentence_mark(&head)
}

/// The titled story before untitled piece `k` whose last sentence `k`'s text finishes: the
/// story stops mid-sentence and a word runs on across into `k` (`…从社会治理的视` +
/// `角看待文明问题…`: 视角), as a story printed in two runs around another's text does.
fn finished_sentence(pieces: &[Piece], k: usize) -> Option<usize> {
    fn cut_text(p: &Piece) -> Option<&String> {
        match p.blocks.last() {
            Some(Block::Paragraph { text }) if p.head.is_some() && !ends_sentence(text) => {
                Some(text)
            }
            _ => None,
        }
    }
    let (j, last) = (0..k)
        .rev()
        .find_map(|j| cut_text(&pieces[j]).map(|t| (j, t)))?;
    let Some(Block::Paragraph { text: first }) = pieces[k].blocks.first() else {
        return None;
    };
    word_across_lines(last, first).then_some(j)
}

/// Indices of the largest value and the value of the second largest (0 when alone).
fn top_two(values: &[f32]) -> (usize, f32) {
    let mut best = 0;
    for (k, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = k;
        }
    }
    let second = values
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != best)
        .map(|(_, &v)| v)
        .fold(0.0, f32::max);
    (best, second)
}

/// One state of the search: the label of the run the block is in, the headlines used so
/// far, the score, and the state of the block before.
#[derive(Debug, Clone, Copy)]
struct State {
    label: usize,
    used: u32,
    /// The label of the run before this one, which may resume after it.
    outer: usize,
    score: f32,
    prev: usize,
}

impl State {
    /// What makes two states the same for the search: label, headlines used, and the
    /// label that may resume.
    fn key(&self) -> u64 {
        ((self.outer as u64) << 48) | ((self.label as u64) << 32) | u64::from(self.used)
    }
}

/// A multiply-xorshift hasher for the search's `u64` keys: the standard SipHash guards
/// against hostile keys, which these are not, and cost a third of the page's split.
#[derive(Debug, Default)]
struct MixHasher(u64);

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let x = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = x ^ (x >> 29);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The headline whose story may take a second run at `unit`: the one whose run came
/// just before the current run, when the current run is another headline's (a story
/// printed in two runs around another's text). Only once: the resumed run has no outer.
fn resumes(s: &State, unit: &Unit, m: usize) -> Option<usize> {
    (unit.may_start && s.label < m && s.outer < m && s.outer != s.label).then_some(s.outer)
}

/// Word weight headline `l` (None: untitled) earns from block `u`.
fn gain(affinity: &[Vec<f32>], u: usize, l: Option<usize>) -> f32 {
    l.map_or(0.0, |h| affinity[u][h])
}

/// A block after which another story may begin: a paragraph that ends a sentence or an
/// aside, or a photo's caption (a picture sits between stories as often as inside one).
fn ends_block(b: &Block) -> bool {
    match b {
        Block::Paragraph { text } => closes_text(text),
        Block::Caption { .. } => true,
        _ => false,
    }
}

/// A block that may open a story's text: a paragraph, or the caption of its picture.
fn opens_block(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. } | Block::Caption { .. })
}

/// One body block: which piece it came from and where in it.
struct Unit {
    piece: usize,
    block: usize,
    /// First block of its piece (the piece's dateline and jump-from go with it).
    first: bool,
    /// Last block of its piece (the piece's cut-off flag goes with it).
    last: bool,
    /// A new run may start here.
    may_start: bool,
    /// A new run must start here: the piece opens with a dateline or a jump-from line,
    /// which only the first text of an article carries, or follows text that a jump line
    /// printed under it closed (`（下转第11版）`: that story's text on the page ends there,
    /// and the next text is another's).
    must_start: bool,
}

/// The page seen as headlines and the body blocks in text order.
struct Layout {
    /// Index of the piece holding each headline.
    heads: Vec<usize>,
    /// For each piece, the index (into `heads`) of its headline.
    head_of: Vec<Option<usize>>,
    /// For each piece, whether it has text blocks.
    has_text: Vec<bool>,
    /// For each headline, whether it is a kicker standing alone ([`is_lone_kicker`]).
    lone_kicker: Vec<bool>,
    units: Vec<Unit>,
}

impl Layout {
    fn of(pieces: &[Piece]) -> Self {
        let mut heads = Vec::new();
        let mut head_of = Vec::with_capacity(pieces.len());
        let mut units = Vec::new();
        // The text before was closed by a jump line printed under it.
        let mut after_jump = false;
        for (k, p) in pieces.iter().enumerate() {
            head_of.push(p.head.is_some().then(|| {
                heads.push(k);
                heads.len() - 1
            }));
            let n = p.blocks.len();
            let opens = p.dateline.is_some() || p.continued_from.is_some() || after_jump;
            for (j, b) in p.blocks.iter().enumerate() {
                let after_end = j > 0 && ends_block(&p.blocks[j - 1]) && opens_block(b);
                units.push(Unit {
                    piece: k,
                    block: j,
                    first: j == 0,
                    last: j + 1 == n,
                    may_start: j == 0 || after_end,
                    must_start: j == 0 && opens,
                });
            }
            if n > 0 {
                after_jump = p.goes_on == GoesOn::Jump;
            }
        }
        let lone_kicker = heads
            .iter()
            .map(|&k| pieces[k].head.as_ref().is_some_and(is_lone_kicker))
            .collect();
        Self {
            heads,
            head_of,
            has_text: pieces.iter().map(|p| !p.blocks.is_empty()).collect(),
            lone_kicker,
            units,
        }
    }

    /// A cheap look before the word weights: every headline with text finds at least
    /// [`SEEN_PAIRS`] of its title's word pairs in that text, and every headline without
    /// text stands right after untitled text (the headline printed after its body, which
    /// the positional repair settles). Most pages are so, and skip the rest of the stage.
    fn looks_paired(&self, pieces: &[Piece]) -> bool {
        self.heads.iter().all(|&k| {
            let piece = &pieces[k];
            let Some(head) = &piece.head else {
                return true;
            };
            if piece.blocks.is_empty() {
                // A headline printed after its body repeats that body's words too.
                return self.follows_own_body(pieces, k);
            }
            shows_title(head, &piece.blocks)
        })
    }

    /// Piece `k` is a headline printed after its body: it has no text, and follows
    /// untitled text that repeats its title's words.
    fn follows_own_body(&self, pieces: &[Piece], k: usize) -> bool {
        self.follows_untitled(k)
            && pieces[k]
                .head
                .as_ref()
                .is_some_and(|h| shows_title(h, &pieces[k - 1].blocks))
    }

    /// Piece `k` has no text and follows untitled text: where a headline printed after its
    /// body stands (see [`Self::follows_own_body`]).
    fn follows_untitled(&self, k: usize) -> bool {
        !self.has_text[k] && k > 0 && self.head_of[k - 1].is_none() && self.has_text[k - 1]
    }

    /// For each piece, the word weight its text gives each headline.
    fn piece_totals(&self, affinity: &[Vec<f32>]) -> Vec<Vec<f32>> {
        let mut totals = vec![vec![0.0f32; self.heads.len()]; self.head_of.len()];
        for (u, unit) in self.units.iter().enumerate() {
            for (t, a) in totals[unit.piece].iter_mut().zip(&affinity[u]) {
                *t += a;
            }
        }
        totals
    }

    /// Whether the words question the segmented pairing: a titled piece's text speaks more
    /// of another headline than of its own, or of a headline without text. Otherwise no run can gain [`MIN_GAIN`] without cutting a story, and the
    /// search is skipped (most pages: it is the costliest step of their split).
    fn in_doubt(&self, pieces: &[Piece], affinity: &[Vec<f32>]) -> bool {
        let m = self.heads.len();
        let totals = self.piece_totals(affinity);
        // Headlines without text, except one right after untitled text: that is the
        // headline printed after its body, which the positional repair settles.
        let settled: Vec<bool> = self
            .heads
            .iter()
            .map(|&k| self.has_text[k] || self.follows_own_body(pieces, k))
            .collect();
        // Untitled text is left to the positional repair too.
        totals.iter().enumerate().any(|(k, t)| {
            let Some(own) = self.head_of[k] else {
                return false;
            };
            (0..m).any(|h| {
                h != own
                    && (t[h] >= DOUBT_RATIO * t[own] + MIN_GAIN || !settled[h] && t[h] >= MIN_GAIN)
            })
        })
    }

    /// For each block, the headlines stacked over it without text of their own, top
    /// first: a band of story heads, each with its byline, printed one under another
    /// (`春风吹暖牧民的心` / `本报记者 潘妙` / `上海每万人口…`) and then their texts one
    /// after another. Segmentation gives all that text to the last head of the band; when
    /// that head's words are found further on, the text under it may be the band's first
    /// free head's, whose words the text need not repeat. Only the first block of the
    /// last head's piece is under the band. A head printed after its body
    /// ([`Self::follows_own_body`]) is the repair's, and in no band; a head without a
    /// byline may be a kicker or a label set apart, and is in none either.
    fn stacks(&self, pieces: &[Piece], affinity: &[Vec<f32>]) -> Vec<Vec<usize>> {
        let mut stacks = vec![Vec::new(); self.units.len()];
        // Word weight of headline `h` in the blocks from block `u` on (bands are rare:
        // summed only for one).
        let further = |u: usize, h: usize| affinity[u..].iter().map(|a| a[h]).sum::<f32>();
        let mut waiting: Vec<usize> = Vec::new();
        let mut u = 0;
        for (k, piece) in pieces.iter().enumerate() {
            let n = piece.blocks.len();
            match self.head_of[k] {
                Some(h)
                    if n == 0 && piece.head_authors > 0 && !self.follows_own_body(pieces, k) =>
                {
                    waiting.push(h);
                }
                Some(_) if n == 0 => {}
                Some(h) => {
                    let band = std::mem::take(&mut waiting);
                    if !band.is_empty() && further(u + 1, h) >= MIN_GAIN {
                        stacks[u] = band;
                    }
                }
                None if n > 0 => waiting.clear(),
                None => {}
            }
            u += n;
        }
        stacks
    }

    /// `affinity[u][h]`: the weight of headline `h`'s word pairs found in block `u`. A pair
    /// found in several blocks or headlines is shared among them, so the words that tell
    /// stories apart count and the page's common words barely do.
    fn affinity(&self, pieces: &[Piece]) -> Vec<Vec<f32>> {
        let head_terms: Vec<Vec<u64>> = self
            .heads
            .iter()
            .map(|&k| {
                pieces[k]
                    .head
                    .as_ref()
                    .map(head_text)
                    .map_or_else(Vec::new, |t| terms(&t))
            })
            .collect();
        // Every headline term once, sorted, with the number of headlines that use it; the
        // blocks are then read for these terms only.
        let mut all: Vec<u64> = head_terms.iter().flatten().copied().collect();
        all.sort_unstable();
        let mut vocab: Vec<u64> = Vec::with_capacity(all.len());
        let mut in_heads: Vec<f32> = Vec::with_capacity(all.len());
        for t in all {
            if vocab.last() == Some(&t) {
                *in_heads.last_mut().unwrap_or(&mut 0.0) += 1.0;
            } else {
                vocab.push(t);
                in_heads.push(1.0);
            }
        }
        // Most of a page's word pairs are in no headline: the set's filter turns them away
        // before the binary search.
        let vocab = TermSet::<FILTER_WORDS>::new(vocab);
        let index = |ts: &[u64]| -> Vec<usize> {
            let mut hits: Vec<usize> = ts.iter().filter_map(|&t| vocab.find(t)).collect();
            hits.sort_unstable();
            hits.dedup();
            hits
        };
        let heads: Vec<Vec<usize>> = head_terms.iter().map(|ts| index(ts)).collect();
        let units: Vec<Vec<usize>> = self
            .units
            .iter()
            .map(|u| {
                let mut ts = Vec::new();
                for_each_term(pieces[u.piece].blocks[u.block].text(), |t| {
                    if vocab.find(t).is_some() {
                        ts.push(t);
                    }
                });
                index(&ts)
            })
            .collect();
        let mut in_units = vec![0.0f32; vocab.len()];
        for &i in units.iter().flatten() {
            in_units[i] += 1.0;
        }
        units
            .iter()
            .map(|hits| {
                heads
                    .iter()
                    .map(|head| {
                        head.iter()
                            .filter(|i| hits.binary_search(i).is_ok())
                            .map(|&i| 1.0 / (in_heads[i] * in_units[i]))
                            .sum()
                    })
                    .collect()
            })
            .collect()
    }

    /// The best labelling of the blocks: runs in text order, each labelled with a distinct
    /// headline or untitled (a headline may take up its story again after one other
    /// headline's run, see [`resumes`]). Dynamic programming over (block, label, headlines
    /// used, label before), kept sparse (only states reached) and narrow (the best [`BEAM`]
    /// of each step go on), so a page costs in proportion to its blocks.
    fn search(
        &self,
        affinity: &[Vec<f32>],
        current: &[Option<usize>],
        stacks: &[Vec<usize>],
    ) -> (f32, Vec<Option<usize>>) {
        let m = self.heads.len();
        let n = self.units.len();
        let untitled = m;
        let label_of = |l: usize| (l < m).then_some(l);
        let bit = |l: usize| if l < m { 1u32 << l } else { 0 };
        let unit_gain = |u: usize, l: usize| {
            gain(affinity, u, label_of(l)) + if label_of(l) == current[u] { KEEP } else { 0.0 }
        };
        // `later[u][h]`: headline h's words occur in block u or after. A run under a
        // headline whose words never come again earns nothing, so none starts there.
        let mut later = vec![vec![false; m]; n + 1];
        for u in (0..n).rev() {
            for h in 0..m {
                later[u][h] = later[u + 1][h] || affinity[u][h] > 0.0;
            }
        }
        // Untitled first, then the block's own headline, then the others: those whose
        // words come later, and those stacked over the block. A kicker standing alone
        // keeps only the text it was segmented with: its dash promises a title, not text.
        let starters = |u: usize| -> Vec<usize> {
            let mut out = vec![untitled];
            out.extend(current[u]);
            out.extend((0..m).filter(|&h| {
                current[u] != Some(h)
                    && !self.lone_kicker[h]
                    && (later[u][h] || stacks[u].contains(&h))
            }));
            out
        };
        // A run opened under the first headline of the stack over the block still free:
        // heads stacked in a band stand in the order of the texts under them.
        let stacked = |u: usize, l: usize, used: u32| {
            let free = stacks[u].iter().find(|&&h| used & bit(h) == 0);
            if free == Some(&l) {
                STACKED
            } else {
                0.0
            }
        };
        let mut steps: Vec<Vec<State>> = Vec::with_capacity(n);
        steps.push(
            starters(0)
                .into_iter()
                .map(|l| State {
                    label: l,
                    used: bit(l),
                    outer: untitled,
                    score: unit_gain(0, l),
                    prev: usize::MAX,
                })
                .collect(),
        );
        for u in 1..n {
            let unit = &self.units[u];
            let cut = if unit.first { 0.0 } else { CUT };
            let labels = if unit.may_start {
                starters(u)
            } else {
                Vec::new()
            };
            let mut next: Vec<State> = Vec::new();
            let mut index: HashMap<u64, usize, BuildHasherDefault<MixHasher>> =
                HashMap::with_capacity_and_hasher(BEAM * 4, BuildHasherDefault::default());
            let mut offer = |next: &mut Vec<State>, s: State| match index.get(&s.key()) {
                Some(&k) if next[k].score >= s.score => {}
                Some(&k) => next[k] = s,
                None => {
                    index.insert(s.key(), next.len());
                    next.push(s);
                }
            };
            for (i, s) in steps[u - 1].iter().enumerate() {
                if !unit.must_start {
                    let score = s.score + unit_gain(u, s.label);
                    offer(
                        &mut next,
                        State {
                            score,
                            prev: i,
                            ..*s
                        },
                    );
                }
                // A headline already used (the current one included) cannot take a
                // second run; untitled runs have no bit.
                for &l in labels.iter().filter(|&&l| s.used & bit(l) == 0) {
                    let score = s.score - cut + unit_gain(u, l) + stacked(u, l, s.used);
                    offer(
                        &mut next,
                        State {
                            label: l,
                            used: s.used | bit(l),
                            outer: s.label,
                            score,
                            prev: i,
                        },
                    );
                }
                if let Some(l) = resumes(s, unit, m) {
                    let score = s.score - cut - RESUME + unit_gain(u, l);
                    offer(
                        &mut next,
                        State {
                            label: l,
                            outer: untitled,
                            score,
                            prev: i,
                            ..*s
                        },
                    );
                }
            }
            if next.len() > BEAM {
                next.select_nth_unstable_by(BEAM - 1, |a, b| b.score.total_cmp(&a.score));
                next.truncate(BEAM);
            }
            steps.push(next);
        }
        let Some((mut k, best)) = steps[n - 1]
            .iter()
            .enumerate()
            .map(|(k, s)| (k, s.score))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return (f32::NEG_INFINITY, current.to_vec());
        };
        let mut out = vec![None; n];
        for u in (0..n).rev() {
            let s = &steps[u][k];
            out[u] = label_of(s.label);
            k = s.prev;
        }
        (best, out)
    }

    /// Pieces rebuilt from the labelled blocks: each run becomes an article under its
    /// headline (with the headline's byline), keeping the body's own dateline, names and
    /// jump flags; headlines left without a run stay headline-only pieces in place.
    fn rebuild(&self, mut pieces: Vec<Piece>, labels: &[Option<usize>]) -> Vec<Piece> {
        let used: Vec<bool> = (0..self.heads.len())
            .map(|h| labels.contains(&Some(h)))
            .collect();
        let mut out: Vec<Piece> = Vec::new();
        // The run being built, with its headline, and where each headline's run was put.
        let mut open: Option<(Option<usize>, Piece)> = None;
        let mut placed: Vec<Option<usize>> = vec![None; self.heads.len()];
        let mut resumed: Option<usize> = None;
        // Where each story's second run starts among its blocks (see [`resumes`]).
        let mut second_runs: Vec<(usize, usize)> = Vec::new();
        // Orphans met inside a run follow it, so the run stays whole.
        let mut orphans: Vec<Piece> = Vec::new();
        let mut u = 0;
        for k in 0..pieces.len() {
            // A bare headline over text that goes on the run it stands in: a subhead.
            let mut subhead: Option<Piece> = None;
            if let Some(h) = self.head_of[k] {
                if !used[h] {
                    // An orphan again: its own body-side fields stay with it when it had no text.
                    let mut p = take_head(&mut pieces[k]);
                    if !self.has_text[k] {
                        take_body_fields(&mut p, &mut pieces[k]);
                        p.goes_on = pieces[k].goes_on;
                    }
                    let in_run = open.is_some() || resumed.is_some();
                    // Text right under it, not a picture's caption as under a story's head,
                    // that repeats its words as a section does its subhead's.
                    let text_under =
                        matches!(pieces[k].blocks.first(), Some(Block::Paragraph { .. }));
                    // The section goes on through the text set apart under it that no
                    // headline took (see [`Piece::set_apart`]).
                    let heads_section = |p: &Piece| {
                        let rest = pieces[k + 1..]
                            .iter()
                            .take_while(|p| p.set_apart && p.head.is_none());
                        let section = pieces[k].blocks.iter().chain(rest.flat_map(|p| &p.blocks));
                        p.head
                            .as_ref()
                            .is_some_and(|h| shows_title_pairs(h, section, SUBHEAD_PAIRS))
                    };
                    if in_run && text_under && is_bare_title(&p) && heads_section(&p) {
                        subhead = Some(p);
                    } else if in_run {
                        orphans.push(p);
                    } else {
                        out.push(p);
                    }
                }
            }
            if self.head_of[k].is_none() && !self.has_text[k] {
                // Neither headline nor text (a lone byline): it stays where it was.
                let p = std::mem::take(&mut pieces[k]);
                if open.is_some() {
                    orphans.push(p);
                } else {
                    out.push(p);
                }
            }
            while u < self.units.len() && self.units[u].piece == k {
                let unit = &self.units[u];
                // Untitled text stays cut where segmentation cut it.
                let starts = u == 0
                    || labels[u] != labels[u - 1]
                    || unit.must_start
                    || labels[u].is_none() && unit.first;
                if starts {
                    close(&mut out, &mut open, &mut placed);
                    out.append(&mut orphans);
                    out.extend(subhead.take());
                    // A story's second run (see [`resumes`]) goes on after its first.
                    resumed = labels[u].and_then(|h| placed[h]);
                    if let Some(i) = resumed {
                        second_runs.push((i, out[i].blocks.len()));
                    }
                    if resumed.is_none() {
                        open = Some(match labels[u] {
                            Some(h) => (Some(h), take_head(&mut pieces[self.heads[h]])),
                            None => (None, Piece::default()),
                        });
                    }
                }
                let p = match resumed {
                    Some(i) => &mut out[i],
                    None => &mut open.get_or_insert_with(|| (None, Piece::default())).1,
                };
                if let Some(sub) = subhead.take() {
                    // A subhead stands between paragraphs, after a finished sentence, with
                    // only bare titles between (a stack of subheads): a byline there opens
                    // another story, and a line amid a sentence is no subhead.
                    let after_sentence = matches!(
                        p.blocks.last(),
                        Some(Block::Paragraph { text }) if closes_text(text)
                    );
                    if after_sentence && orphans.iter().all(is_bare_title) {
                        let titles = orphans.drain(..).chain([sub]).filter_map(|o| o.head);
                        // A heading's text is the text's, its layout spaces removed.
                        let text = |h: Headline| remove_layout_spaces(&h.title);
                        p.blocks
                            .extend(titles.map(|h| Block::Heading { text: text(h) }));
                    } else {
                        orphans.push(sub);
                    }
                }
                if unit.first {
                    take_body_fields(p, &mut pieces[k]);
                }
                let block = std::mem::replace(
                    &mut pieces[k].blocks[unit.block],
                    Block::Paragraph {
                        text: String::new(),
                    },
                );
                // A piece's first block may go on in the paragraph a run stopped on.
                if unit.first && !pieces[k].opens_paragraph {
                    push_continuing(&mut p.blocks, block);
                } else {
                    p.blocks.push(block);
                }
                p.goes_on = if unit.last {
                    pieces[k].goes_on
                } else {
                    GoesOn::No
                };
                u += 1;
            }
            // A subhead whose text no unit brought stays an orphan (never dropped here).
            orphans.extend(subhead);
        }
        close(&mut out, &mut open, &mut placed);
        out.append(&mut orphans);
        for (i, at) in second_runs {
            put_runs_in_sentence_order(&mut out[i].blocks, at);
        }
        out
    }
}

/// A kicker that stands alone as a headline, set apart from the title it leads: no title
/// ends on the dash that leads to one.
fn is_lone_kicker(head: &Headline) -> bool {
    ends_in_kicker_dash(&head.title)
}

/// A headline that is a subhead if it stands inside a story's text: a title alone, with
/// no kicker, deck, byline, dateline or jump of its own.
fn is_bare_title(p: &Piece) -> bool {
    p.head
        .as_ref()
        .is_some_and(|h| h.kicker.is_none() && h.subtitle.is_none())
        && p.authors.is_empty()
        && p.blocks.is_empty()
        && p.dateline.is_none()
        && p.continued_from.is_none()
        && !p.continued()
}

/// A story printed in two runs whose second run stops mid-sentence on the words its
/// first run opens with (`…双方达成初步调剂意` / `向，研究所出具…`: 意向): the first run
/// was printed ahead of its place and goes after the second, the sentence joined.
/// `at` is where the second run starts among `blocks`.
fn put_runs_in_sentence_order(blocks: &mut Vec<Block>, at: usize) {
    let (first, second) = blocks.split_at(at);
    let (Some(Block::Paragraph { text: opens }), Some(Block::Paragraph { text: stops })) =
        (first.first(), second.last())
    else {
        return;
    };
    if closes_text(stops) || !word_across_lines(stops, opens) {
        return;
    }
    let first: Vec<Block> = blocks.drain(..at).collect();
    append_continuing(blocks, first);
}

/// Puts the run being built at the end of `out`, noting where its headline's story went.
fn close(
    out: &mut Vec<Piece>,
    open: &mut Option<(Option<usize>, Piece)>,
    placed: &mut [Option<usize>],
) {
    if let Some((label, piece)) = open.take() {
        if let Some(h) = label {
            placed[h] = Some(out.len());
        }
        out.push(piece);
    }
}

/// The headline of `piece` with the names of its byline, leaving the rest behind. A piece
/// that is only a headline also gives its jump-from page.
fn take_head(piece: &mut Piece) -> Piece {
    let names = piece.head_authors.min(piece.authors.len());
    let authors: Vec<String> = piece.authors.drain(..names).collect();
    piece.head_authors = 0;
    let continued_from = if piece.blocks.is_empty() {
        piece.continued_from.take()
    } else {
        None
    };
    Piece {
        head: piece.head.take(),
        head_authors: authors.len(),
        authors,
        stray_bylines: std::mem::take(&mut piece.stray_bylines),
        continued_from,
        ..Piece::default()
    }
}

/// Moves the fields that belong to a piece's text (dateline, names found in it, the page
/// it continues from, other stories' names printed in it) into `to`.
fn take_body_fields(to: &mut Piece, from: &mut Piece) {
    // Without its headline, a piece's byline names belong to its text.
    let body_names = if from.head.is_some() {
        from.head_authors
    } else {
        0
    };
    // Text that opens with a byline of its own, or whose dateline names its reporters
    // (`本报北京2月25日电（记者谷业凯）`) and none of the byline's, paired with a headline
    // that has a byline: that byline was stacked under the headline for an earlier
    // headline of the stack.
    let own_byline = from.head.is_none() && from.head_authors > 0;
    let text_authors = &from.authors[body_names.min(from.authors.len())..];
    let head_names = &to.authors[..to.head_authors.min(to.authors.len())];
    let other_reporters = from.dateline.is_some()
        && !text_authors.is_empty()
        && !text_authors.iter().any(|n| head_names.contains(n));
    if (own_byline || other_reporters) && to.head.is_some() && !head_names.is_empty() {
        let stray = to.authors.drain(..head_names.len()).collect();
        to.stray_bylines.push(stray);
        to.head_authors = if own_byline {
            from.head_authors.min(from.authors.len())
        } else {
            0
        };
    }
    to.authors
        .extend(from.authors.drain(body_names.min(from.authors.len())..));
    to.names_in_text.append(&mut from.names_in_text);
    match (&to.dateline, from.dateline.take()) {
        (None, dateline) => to.dateline = dateline,
        // A story keeps one dateline: another stays at the head of the paragraph it
        // opened, where it was printed, so no text is lost. (Every block of `from` is
        // still in it: its fields are taken with its first unit.)
        (Some(_), Some(dateline)) => {
            let first = from.blocks.iter_mut().find_map(|b| match b {
                Block::Paragraph { text } => Some(text),
                _ => None,
            });
            match first {
                Some(text) => text.insert_str(0, &dateline),
                None => from.dateline = Some(dateline),
            }
        }
        (Some(_), None) => {}
    }
    if to.continued_from.is_none() {
        to.continued_from = from.continued_from.take();
    }
    to.set_apart |= from.set_apart;
}

fn head_text(h: &super::headline::Headline) -> String {
    [
        h.kicker.as_deref(),
        Some(h.title.as_str()),
        h.subtitle.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

mod kickers;
#[cfg(test)]
mod tests;
