//! Choosing joins: every line gets at most one successor among the next [`WINDOW`] lines and
//! at most one predecessor, by a greedy maximum-weight matching over scored candidate joins,
//! improved by swapping pairs of joins and sharpened by the period of interleaved columns.
//!
//! It neither scores text (that is [`super::join`]) nor decides whether a region is
//! reordered at all (that is [`super`]).

/// How far ahead a line's successor may sit: enough for six columns with labels between.
pub const WINDOW: usize = 8;
/// Lines on either side whose successor offsets vote for the local period.
const PERIOD_RADIUS: usize = 6;
/// Reward for a join at the local period; a share of it ([`DROP_SHARE`]) when the period
/// drops by one because a column ended.
const PERIOD_BONUS: f32 = 1.5;
/// Share of the period reward for a join one shorter than the period.
const DROP_SHARE: f32 = 0.25;
/// Joins scoring less than this are not made: a line without evidence ends its chain.
const MIN_JOIN: f32 = 1.0;
/// Tail-to-head joins of whole chains need this much text evidence (a word or a bigram
/// across the join), since no period vouches for them.
const MIN_LINK: f32 = 2.0;
/// A join scoring at most this is refused: typography forbids it.
const REFUSED: f32 = -1.0;
/// Chains (in head order) searched for the continuation of a cut line.
const LOOKAHEAD: usize = 3;
/// Passes of pair swapping after the greedy matching; each pass only ever raises the total.
const SWAP_PASSES: usize = 3;

/// The scores of every candidate join: line `from + d` continuing line `from`, for
/// `d` in `1..=WINDOW`; joins that are not candidates score `-inf`.
#[derive(Debug, Clone)]
pub struct Scores {
    n: usize,
    cells: Vec<f32>,
}

impl Scores {
    /// No candidates yet among `n` lines.
    pub fn new(n: usize) -> Self {
        Scores {
            n,
            cells: vec![f32::NEG_INFINITY; n * WINDOW],
        }
    }

    fn cell(&self, from: usize, to: usize) -> Option<usize> {
        // One test for both ends of `1..=WINDOW`: below `from`, the distance wraps round
        // to a huge one. The matching passes ask this millions of times a page.
        let d = to.wrapping_sub(from);
        (d.wrapping_sub(1) < WINDOW && to < self.n).then(|| from * WINDOW + (d - 1))
    }

    /// The score of `to` continuing `from` (`-inf` when it is no candidate).
    pub fn get(&self, from: usize, to: usize) -> f32 {
        // A cell of two lines of the `n` lies inside the `n` rows of cells.
        self.cell(from, to)
            .map_or(f32::NEG_INFINITY, |c| self.cells[c])
    }

    /// Makes `to` continuing `from` a candidate scoring `score`.
    pub fn set(&mut self, from: usize, to: usize, score: f32) {
        if let Some(c) = self.cell(from, to) {
            self.cells[c] = score;
        }
    }

    fn add(&mut self, from: usize, to: usize, bonus: f32) {
        if let Some(c) = self.cell(from, to) {
            self.cells[c] += bonus;
        }
    }

    /// The candidate joins out of line `from` and their scores, nearest first, read off
    /// its row of cells in one go (the matching passes walk them for every line).
    fn joins(&self, from: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let last = (from + WINDOW).min(self.n.saturating_sub(1));
        let row = self.cells.get(from * WINDOW..).unwrap_or_default();
        (from + 1..=last)
            .zip(row)
            .map(|(to, &score)| (to, score))
            .filter(|(_, score)| score.is_finite())
    }
}

/// The successor of each line: a greedy matching, best joins first (ties to the nearer),
/// then improved by swapping the targets of two joins where that scores higher.
pub fn to_successors(scores: &Scores) -> Vec<Option<usize>> {
    let mut succ = to_greedy(scores);
    for _ in 0..SWAP_PASSES {
        let swapped = swap_pass(scores, &mut succ);
        if !reassign_pass(scores, &mut succ) && !swapped {
            break;
        }
    }
    succ
}

/// The greedy matching alone: best joins first, ties to the nearer.
pub fn to_greedy(scores: &Scores) -> Vec<Option<usize>> {
    let n = scores.n;
    let mut order: Vec<(usize, usize, f32)> = Vec::with_capacity(scores.cells.len());
    for from in 0..n {
        let joins = scores.joins(from).filter(|&(_, score)| score >= MIN_JOIN);
        order.extend(joins.map(|(to, score)| (from, to, score)));
    }
    // No two joins compare equal (they differ in `from` or in distance), so an unstable
    // sort, which is cheaper, orders them as a stable one would.
    order.sort_unstable_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then((x.1 - x.0).cmp(&(y.1 - y.0)))
            .then(x.0.cmp(&y.0))
    });
    let mut succ = vec![None; n];
    let mut has_pred = vec![false; n];
    for (from, to, _) in order {
        if succ[from].is_none() && !has_pred[to] {
            succ[from] = Some(to);
            has_pred[to] = true;
        }
    }
    succ
}

/// One pass of taking a line's target for another line (`b→x` becomes `a→x`) while `b`
/// moves on to a target nobody holds, wherever that raises the total. True when anything
/// changed.
fn reassign_pass(scores: &Scores, succ: &mut [Option<usize>]) -> bool {
    let score_of = |from: usize, to: Option<usize>| to.map_or(0.0, |t| scores.get(from, t));
    let mut pred: Vec<Option<usize>> = vec![None; succ.len()];
    for (k, t) in succ.iter().enumerate() {
        if let Some(t) = *t {
            pred[t] = Some(k);
        }
    }
    let mut changed = false;
    for a in 0..succ.len() {
        for (x, ax) in scores.joins(a) {
            let Some(b) = pred[x].filter(|&b| b != a) else {
                continue;
            };
            if ax < MIN_JOIN {
                continue;
            }
            let now = score_of(a, succ[a]) + score_of(b, Some(x));
            let best = scores
                .joins(b)
                .filter(|&(y, by)| pred[y].is_none() && by >= MIN_JOIN)
                .max_by(|p, q| p.1.total_cmp(&q.1));
            let Some((y, by)) = best else {
                continue;
            };
            if ax + by > now + f32::EPSILON {
                if let Some(old) = succ[a] {
                    pred[old] = None;
                }
                succ[a] = Some(x);
                pred[x] = Some(a);
                succ[b] = Some(y);
                pred[y] = Some(b);
                changed = true;
            }
        }
    }
    changed
}

/// One pass of exchanging the targets of two nearby joins (`a→x, b→y` becomes `a→y, b→x`)
/// wherever the exchange raises the total. True when anything changed.
fn swap_pass(scores: &Scores, succ: &mut [Option<usize>]) -> bool {
    let score_of = |from: usize, to: Option<usize>| to.map_or(0.0, |t| scores.get(from, t));
    let mut changed = false;
    for a in 0..succ.len() {
        for b in a + 1..(a + WINDOW).min(succ.len()) {
            let (x, y) = (succ[a], succ[b]);
            if x.is_none() && y.is_none() {
                continue;
            }
            let now = score_of(a, x) + score_of(b, y);
            let swapped = score_of(a, y) + score_of(b, x);
            // Whether both joins may be made at all is asked only of a swap that would pay.
            let valid = || {
                y.is_none_or(|t| scores.get(a, t) >= MIN_JOIN)
                    && x.is_none_or(|t| scores.get(b, t) >= MIN_JOIN)
            };
            if swapped > now + f32::EPSILON && valid() {
                succ[a] = y;
                succ[b] = x;
                changed = true;
            }
        }
    }
    changed
}

/// `scores` with the period reward added: the most common successor offset among a line's
/// neighbours (in an earlier matching `succ`) is the local number of columns.
///
/// `vouched(from, to)` says the join has text of its own for it (or needs none); the period
/// alone never makes a join, or a headline set as wide as the column would be read on into
/// the column beside it.
pub fn with_period_bonus(
    scores: &Scores,
    succ: &[Option<usize>],
    votes: impl Fn(usize, usize) -> bool,
    vouched: impl Fn(usize, usize) -> bool,
) -> Scores {
    let mut out = scores.clone();
    for from in 0..scores.n {
        let Some(period) = local_period(succ, from, &votes) else {
            continue;
        };
        if vouched(from, from + period) {
            out.add(from, from + period, PERIOD_BONUS);
        }
        if period > 1 && vouched(from, from + period - 1) {
            out.add(from, from + period - 1, PERIOD_BONUS * DROP_SHARE);
        }
    }
    out
}

/// The most common successor offset among the neighbours of line `i` (not `i` itself, so a
/// line's own first guess does not vote for itself) whose join `votes(k, i)` lets speak
/// for `i`. Ties go to the smaller offset.
fn local_period(
    succ: &[Option<usize>],
    i: usize,
    votes_for: impl Fn(usize, usize) -> bool,
) -> Option<usize> {
    let mut votes = [0u32; WINDOW + 1];
    let lo = i.saturating_sub(PERIOD_RADIUS);
    let hi = (i + PERIOD_RADIUS).min(succ.len().saturating_sub(1));
    for k in (lo..=hi).filter(|&k| k != i && votes_for(k, i)) {
        if let Some(to) = succ.get(k).copied().flatten() {
            if let Some(v) = votes.get_mut(to - k) {
                *v += 1;
            }
        }
    }
    let best = (1..=WINDOW).max_by_key(|&o| (votes[o], std::cmp::Reverse(o)))?;
    (votes[best] >= 2).then_some(best)
}

/// The lines of `lo..=hi` in chain order. Chains (links inside the range) are joined end to
/// start where `join` finds clear evidence (a column's last line runs on into the next
/// column's first, which pdftotext printed rows earlier); the joined chains then come in
/// the order of their first lines. Every line of the range appears exactly once.
pub fn to_chain_order(
    succ: &[Option<usize>],
    lo: usize,
    hi: usize,
    join: impl Fn(usize, usize) -> f32,
) -> Vec<usize> {
    let chains = to_chains(succ, lo, hi);
    let next = link_chains(&chains, &join);
    let mut has_prev = vec![false; chains.len()];
    for n in next.iter().flatten() {
        has_prev[*n] = true;
    }
    let mut free: Vec<usize> = (0..chains.len()).filter(|&c| !has_prev[c]).collect();
    let mut out: Vec<usize> = Vec::with_capacity(hi + 1 - lo);
    while !free.is_empty() {
        // The next chain in head order, unless the text so far cannot run on into it (a
        // line cut mid-sentence before a paragraph's first line) and one of the next few
        // can: that one is the cut line's continuation.
        // Before the first chain, the text so far is the line printed before the range.
        let tail = out.last().copied().or(lo.checked_sub(1));
        let fits = |c: usize| tail.is_none_or(|t| join(t, chains[c][0]) > REFUSED);
        let pick = match tail {
            Some(t) if !fits(free[0]) => {
                // Among the chains that can continue it, the one that lies a row below it
                // in print (as far from it as its own lines are from each other: the
                // same column), else the first.
                let can: Vec<usize> = (0..free.len().min(LOOKAHEAD))
                    .filter(|&k| join(t, chains[free[k]][0]) >= 0.0)
                    .collect();
                let row_below =
                    |c: &Vec<usize>| c.len() >= 2 && c[0].checked_sub(t) == Some(c[1] - c[0]);
                can.iter()
                    .copied()
                    .find(|&k| row_below(&chains[free[k]]))
                    .or(can.first().copied())
                    .unwrap_or(0)
            }
            _ => 0,
        };
        let mut c = Some(free.remove(pick));
        while let Some(k) = c {
            out.extend(&chains[k]);
            c = next[k];
        }
    }
    out
}

/// The chains of `lo..=hi`: links that stay inside the range, in the order of their heads.
fn to_chains(succ: &[Option<usize>], lo: usize, hi: usize) -> Vec<Vec<usize>> {
    let inside = |k: usize| (lo..=hi).contains(&k);
    let link = |k: usize| succ.get(k).copied().flatten().filter(|&t| inside(t));
    let mut has_pred = vec![false; hi + 1 - lo];
    for to in (lo..=hi).filter_map(link) {
        has_pred[to - lo] = true;
    }
    let mut out = Vec::new();
    for head in (lo..=hi).filter(|&k| !has_pred[k - lo]) {
        let mut chain = vec![head];
        // Successors always lie ahead, so a chain cannot loop.
        while let Some(next) = chain.last().copied().and_then(link) {
            chain.push(next);
        }
        out.push(chain);
    }
    out
}

/// Which chain follows each chain: greedy over tail-to-head joins scoring at least
/// [`MIN_LINK`], never closing a loop.
fn link_chains(chains: &[Vec<usize>], join: impl Fn(usize, usize) -> f32) -> Vec<Option<usize>> {
    let ends = |c: &Vec<usize>| (c.first().copied(), c.last().copied());
    let mut cands = Vec::new();
    for (a, ca) in chains.iter().enumerate() {
        for (b, cb) in chains.iter().enumerate().filter(|&(b, _)| b != a) {
            if let ((_, Some(tail)), (Some(head), _)) = (ends(ca), ends(cb)) {
                let s = join(tail, head);
                if s >= MIN_LINK {
                    cands.push((a, b, s));
                }
            }
        }
    }
    // No two candidates compare equal: an unstable sort orders them as a stable one would.
    cands.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut next: Vec<Option<usize>> = vec![None; chains.len()];
    let mut has_prev = vec![false; chains.len()];
    for (a, b, _) in cands {
        if next[a].is_some() || has_prev[b] || reaches(&next, b, a) {
            continue;
        }
        next[a] = Some(b);
        has_prev[b] = true;
    }
    next
}

/// True when following `next` from `from` arrives at `to`.
fn reaches(next: &[Option<usize>], from: usize, to: usize) -> bool {
    let mut c = Some(from);
    let mut steps = 0;
    while let Some(k) = c {
        if k == to {
            return true;
        }
        steps += 1;
        if steps > next.len() {
            return false;
        }
        c = next[k];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(n: usize, joins: &[(usize, usize, f32)]) -> Scores {
        let mut s = Scores::new(n);
        for &(from, to, score) in joins {
            s.set(from, to, score);
        }
        s
    }

    #[test]
    fn each_line_gets_one_successor_and_one_predecessor() {
        let s = scores(4, &[(0, 2, 3.0), (0, 1, 2.0), (1, 2, 2.5), (1, 3, 1.0)]);
        // Greedy takes 0→2 first; giving 2 to 1 and 1 to 0 scores more (4.5 against 4.0).
        assert_eq!(to_successors(&s), vec![Some(1), Some(2), None, None]);
    }

    #[test]
    fn a_taken_target_is_won_back_when_its_holder_can_move_on() {
        // Greedy gives 1→3 (3.0) and nothing to 0; 0→3 (2.6) plus 1→4 (2.0) totals more.
        let s = scores(5, &[(1, 3, 3.0), (0, 3, 2.6), (1, 4, 2.0)]);
        let succ = to_successors(&s);
        assert_eq!((succ[0], succ[1]), (Some(3), Some(4)));
    }

    #[test]
    fn a_swap_beats_a_greedy_first_choice() {
        // Greedy takes 1→3 (3.0) and leaves 0→4 (1.2); 0→3 plus 1→4 totals more.
        let s = scores(5, &[(1, 3, 3.0), (0, 3, 2.6), (1, 4, 2.0), (0, 4, 1.2)]);
        let succ = to_successors(&s);
        assert_eq!((succ[0], succ[1]), (Some(3), Some(4)));
    }

    #[test]
    fn chains_come_out_in_the_order_of_their_heads() {
        let succ = vec![Some(2), Some(3), Some(4), None, None];
        assert_eq!(to_chain_order(&succ, 0, 4, |_, _| 0.0), vec![0, 2, 4, 1, 3]);
    }

    #[test]
    fn a_cut_line_skips_a_paragraph_start_for_a_chain_that_can_continue_it() {
        // Chains 0-3, 1-4, 2-5 in head order; 3 is cut and cannot run on into 1 (a
        // paragraph's first line) but can into 2.
        let succ = vec![Some(3), Some(4), Some(5), None, None, None];
        let join = |a: usize, b: usize| match (a, b) {
            (3, 1) => -1.5,
            _ => 0.5,
        };
        assert_eq!(to_chain_order(&succ, 0, 5, join), vec![0, 3, 2, 5, 1, 4]);
    }

    #[test]
    fn a_column_end_runs_on_into_the_next_column_head() {
        // Chains 0-2-4 and 1-3; the evidence says 3 runs on into 0.
        let succ = vec![Some(2), Some(3), Some(4), None, None];
        let join = |a: usize, b: usize| if (a, b) == (3, 0) { 3.0 } else { 0.0 };
        assert_eq!(to_chain_order(&succ, 0, 4, join), vec![1, 3, 0, 2, 4]);
    }

    #[test]
    fn the_period_is_the_common_offset_of_neighbours() {
        let succ = vec![Some(3), Some(4), Some(5), Some(6), None, None, None];
        assert_eq!(local_period(&succ, 2, |_, _| true), Some(3));
        let s = with_period_bonus(
            &scores(7, &[(2, 5, 0.0), (2, 3, 0.0)]),
            &succ,
            |_, _| true,
            |_, _| true,
        );
        assert!(s.get(2, 5) > s.get(2, 3));
    }
}
