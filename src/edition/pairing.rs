//! Headlines matched to their text by the words they share. A PDF may emit a page's
//! headlines far from their stories (stacked above two bodies, or one story down), so text
//! order alone pairs a headline with the wrong body. A Chinese headline almost always
//! repeats words of its story (`嘉陵江流域综合规划获批` over a body about 嘉陵江), and that is
//! the evidence used here.
//!
//! The page's body blocks, in text order, are cut into runs and each run given at most one
//! headline (each headline at most one run), maximising the weight of the headline's word
//! pairs found in its run. Runs may only end where an article can: at the boundary of an
//! article as segmented, or after a paragraph that ends a sentence. The segmented pairing
//! is kept unless the words clearly prefer another, so pages whose text order is reading
//! order come out as they went in. Only blocks and headlines move; nothing is dropped.

use std::collections::HashMap;

use super::script::{ends_sentence, ends_with_aside};
use super::segment::Piece;
use crate::article::Block;

/// Most headlines on a page this stage considers (it searches over subsets of them).
const MAX_HEADS: usize = 10;
/// Reward per block for keeping the headline it was segmented with: ties keep text order.
const KEEP: f32 = 0.05;
/// Cost of cutting a segmented article's text in two.
const CUT: f32 = 1.0;
/// Gain in word weight the words' pairing must show over the segmented one.
const MIN_GAIN: f32 = 1.0;
/// Word weight with which untitled text joins a headline's story…
const ADOPT: f32 = 2.0;
/// …and how many times the next headline's weight it must be.
const ADOPT_RATIO: f32 = 3.0;

/// The pieces of one Chinese page with headlines moved to the text whose words they share
/// (see the module doc). Pieces come back in text order, headline-only pieces where their
/// headline was.
pub fn pair_by_words(pieces: Vec<Piece>) -> Vec<Piece> {
    let page = Layout::of(&pieces);
    let m = page.heads.len();
    // A piece without text that still holds a dateline or names from text (a dateline
    // set on a line of its own) would have no run to give them to: leave such pages alone.
    let stray = pieces
        .iter()
        .any(|p| p.blocks.is_empty() && (p.dateline.is_some() || p.authors.len() > p.head_authors));
    if !(2..=MAX_HEADS).contains(&m) || page.units.is_empty() || stray {
        return pieces;
    }
    let affinity = page.affinity(&pieces);
    let current: Vec<Option<usize>> = page.units.iter().map(|u| page.head_of[u.piece]).collect();
    let keep_score: f32 = current
        .iter()
        .enumerate()
        .map(|(u, &l)| gain(&affinity, u, l) + KEEP)
        .sum();
    let ceiling: f32 = (0..page.units.len())
        .map(|u| {
            (0..=m)
                .map(|l| {
                    let l = (l < m).then_some(l);
                    gain(&affinity, u, l) + if l == current[u] { KEEP } else { 0.0 }
                })
                .fold(0.0, f32::max)
        })
        .sum();
    if ceiling - keep_score < MIN_GAIN {
        return pieces;
    }
    let (best, labels) = page.search(&affinity, &current);
    if best - keep_score < MIN_GAIN {
        return pieces;
    }
    page.rebuild(pieces, &labels)
}

/// Untitled text whose words point clearly at one headline's story joins that story: text
/// the dump cut off its article around another one (`…她感叹` then another story, then the
/// rest). Text with a dateline or a jump-from line opens a story of its own and stays.
pub fn adopt_untitled(mut pieces: Vec<Piece>) -> Vec<Piece> {
    loop {
        let page = Layout::of(&pieces);
        if page.heads.is_empty() {
            return pieces;
        }
        let affinity = page.affinity(&pieces);
        let Some((from, to)) = (0..pieces.len()).find_map(|k| {
            let p = &pieces[k];
            let orphan_text = p.head.is_none()
                && !p.blocks.is_empty()
                && p.dateline.is_none()
                && p.continued_from.is_none();
            if !orphan_text {
                return None;
            }
            let mut by_headline = vec![0.0f32; page.heads.len()];
            for (u, unit) in page.units.iter().enumerate() {
                if unit.piece == k {
                    by_headline
                        .iter_mut()
                        .zip(&affinity[u])
                        .for_each(|(s, a)| *s += a);
                }
            }
            let (best, second) = top_two(&by_headline);
            (by_headline[best] >= ADOPT && by_headline[best] >= ADOPT_RATIO * second)
                .then_some((k, page.heads[best]))
        }) else {
            return pieces;
        };
        let text = pieces.remove(from);
        let to = if to > from { to - 1 } else { to };
        let story = &mut pieces[to];
        story.authors.extend(text.authors);
        if from <= to {
            story.blocks.splice(0..0, text.blocks);
        } else {
            story.blocks.extend(text.blocks);
            story.continued = text.continued;
        }
    }
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

/// Word weight headline `l` (None: untitled) earns from block `u`.
fn gain(affinity: &[Vec<f32>], u: usize, l: Option<usize>) -> f32 {
    l.map_or(0.0, |h| affinity[u][h])
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
    /// which only the first text of an article carries.
    must_start: bool,
}

/// The page seen as headlines and the body blocks in text order.
struct Layout {
    /// Index of the piece holding each headline.
    heads: Vec<usize>,
    /// For each piece, the index (into `heads`) of its headline.
    head_of: Vec<Option<usize>>,
    units: Vec<Unit>,
}

impl Layout {
    fn of(pieces: &[Piece]) -> Self {
        let mut heads = Vec::new();
        let mut head_of = Vec::with_capacity(pieces.len());
        let mut units = Vec::new();
        for (k, p) in pieces.iter().enumerate() {
            head_of.push(p.head.is_some().then(|| {
                heads.push(k);
                heads.len() - 1
            }));
            let n = p.blocks.len();
            for (j, b) in p.blocks.iter().enumerate() {
                let after_end = j > 0
                    && matches!(b, Block::Paragraph { .. })
                    && matches!(&p.blocks[j - 1], Block::Paragraph { text } if ends_sentence(text) || ends_with_aside(text));
                units.push(Unit {
                    piece: k,
                    block: j,
                    first: j == 0,
                    last: j + 1 == n,
                    may_start: j == 0 || after_end,
                    must_start: j == 0 && (p.dateline.is_some() || p.continued_from.is_some()),
                });
            }
        }
        Self {
            heads,
            head_of,
            units,
        }
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
        let unit_terms: Vec<Vec<u64>> = self
            .units
            .iter()
            .map(|u| terms(pieces[u.piece].blocks[u.block].text()))
            .collect();
        let mut in_heads: HashMap<u64, f32> = HashMap::new();
        for t in head_terms.iter().flatten() {
            *in_heads.entry(*t).or_default() += 1.0;
        }
        let mut in_units: HashMap<u64, f32> = HashMap::new();
        for t in unit_terms.iter().flatten() {
            if in_heads.contains_key(t) {
                *in_units.entry(*t).or_default() += 1.0;
            }
        }
        unit_terms
            .iter()
            .map(|ut| {
                head_terms
                    .iter()
                    .map(|ht| {
                        ht.iter()
                            .filter(|t| ut.binary_search(t).is_ok())
                            .map(|t| 1.0 / (in_heads[t] * in_units[t]))
                            .sum()
                    })
                    .collect()
            })
            .collect()
    }

    /// The best labelling of the blocks: runs in text order, each labelled with a distinct
    /// headline or untitled. Dynamic programming over (block, label, headlines used).
    fn search(
        &self,
        affinity: &[Vec<f32>],
        current: &[Option<usize>],
    ) -> (f32, Vec<Option<usize>>) {
        let m = self.heads.len();
        let labels = m + 1; // label m: untitled
        let masks = 1usize << m;
        let n = self.units.len();
        let idx = |l: usize, mask: usize| l * masks + mask;
        let mut score = vec![f32::NEG_INFINITY; labels * masks];
        let mut back: Vec<Vec<u8>> = Vec::with_capacity(n);
        let unit_gain = |u: usize, l: usize| {
            let label = (l < m).then_some(l);
            gain(affinity, u, label) + if label == current[u] { KEEP } else { 0.0 }
        };
        let bit = |l: usize| if l < m { 1usize << l } else { 0 };
        for l in 0..labels {
            score[idx(l, bit(l))] = unit_gain(0, l);
        }
        back.push(vec![u8::MAX; labels * masks]);
        for u in 1..n {
            let unit = &self.units[u];
            let mut next = vec![f32::NEG_INFINITY; labels * masks];
            let mut from = vec![u8::MAX; labels * masks];
            let cut = if unit.first { 0.0 } else { CUT };
            for mask in 0..masks {
                for l in 0..labels {
                    let s = score[idx(l, mask)];
                    if s == f32::NEG_INFINITY {
                        continue;
                    }
                    if !unit.must_start {
                        let k = idx(l, mask);
                        let v = s + unit_gain(u, l);
                        if v > next[k] {
                            next[k] = v;
                            from[k] = l as u8;
                        }
                    }
                    if !unit.may_start {
                        continue;
                    }
                    for l2 in 0..labels {
                        // A headline already used (the current one included) cannot
                        // take a second run; untitled runs have no bit.
                        if mask & bit(l2) != 0 {
                            continue;
                        }
                        let k = idx(l2, mask | bit(l2));
                        let v = s - cut + unit_gain(u, l2);
                        if v > next[k] {
                            next[k] = v;
                            from[k] = l as u8;
                        }
                    }
                }
            }
            score = next;
            back.push(from);
        }
        let (mut k, best) =
            score
                .iter()
                .enumerate()
                .fold(
                    (0, f32::NEG_INFINITY),
                    |acc, (k, &v)| if v > acc.1 { (k, v) } else { acc },
                );
        let mut out = vec![None; n];
        for u in (0..n).rev() {
            let (l, mask) = (k / masks, k % masks);
            out[u] = (l < m).then_some(l);
            let prev = back[u][k] as usize;
            let prev_mask = if prev == l { mask } else { mask & !bit(l) };
            k = idx(prev, prev_mask);
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
        let mut open: Option<Piece> = None;
        // Orphans met inside a run follow it, so the run stays whole.
        let mut orphans: Vec<Piece> = Vec::new();
        let mut u = 0;
        for k in 0..pieces.len() {
            if let Some(h) = self.head_of[k] {
                if !used[h] {
                    // An orphan again: its own body-side fields stay with it when it had no text.
                    let mut p = take_head(&mut pieces[k]);
                    if !self.units.iter().any(|x| x.piece == k) {
                        take_body_fields(&mut p, &mut pieces[k]);
                        p.continued = pieces[k].continued;
                    }
                    if open.is_some() {
                        orphans.push(p);
                    } else {
                        out.push(p);
                    }
                }
            }
            let has_text = self.units.iter().any(|x| x.piece == k);
            if self.head_of[k].is_none() && !has_text {
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
                    out.extend(open.take());
                    out.append(&mut orphans);
                    open = Some(match labels[u] {
                        Some(h) => take_head(&mut pieces[self.heads[h]]),
                        None => Piece::default(),
                    });
                }
                let p = open.get_or_insert_with(Piece::default);
                if unit.first {
                    take_body_fields(p, &mut pieces[k]);
                }
                let block = std::mem::replace(
                    &mut pieces[k].blocks[unit.block],
                    Block::Paragraph {
                        text: String::new(),
                    },
                );
                p.blocks.push(block);
                p.continued = unit.last && pieces[k].continued;
                u += 1;
            }
        }
        out.extend(open);
        out.append(&mut orphans);
        out
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
        continued_from,
        ..Piece::default()
    }
}

/// Moves the fields that belong to a piece's text (dateline, names found in it, the page
/// it continues from) into `to`.
fn take_body_fields(to: &mut Piece, from: &mut Piece) {
    // Without its headline, a piece's byline names belong to its text.
    let body_names = if from.head.is_some() {
        from.head_authors
    } else {
        0
    };
    to.authors
        .extend(from.authors.drain(body_names.min(from.authors.len())..));
    if to.dateline.is_none() {
        to.dateline = from.dateline.take();
    }
    if to.continued_from.is_none() {
        to.continued_from = from.continued_from.take();
    }
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

/// The distinct word evidence of `text`, sorted: pairs of adjacent ideographs (a Chinese
/// word is mostly two characters), and runs of two or more digits or Latin letters.
fn terms(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut run = String::new();
    let is_ideograph = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_ideograph(c) {
            if let Some(p) = prev {
                out.push((u64::from(p) << 32) | u64::from(c));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
        if c.is_ascii_alphanumeric() || (c == '.' && !run.is_empty()) {
            run.push(c.to_ascii_lowercase());
        } else {
            let token = run.trim_end_matches('.');
            if token.len() >= 2 {
                out.push(hash_token(token));
            }
            run.clear();
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A token's key, kept apart from ideograph pairs (whose high half is a char, < 2^21).
fn hash_token(token: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    token.hash(&mut h);
    h.finish() | (1 << 63)
}

#[cfg(test)]
mod tests;
