//! The words blocks share, for matching a story's loose end to its loose start
//! ([`super::threads`]): each block's terms (as [`crate::edition::terms::terms`] cuts
//! them), weighed by how few of the blocks in question use them, so a word two blocks alone
//! share says more than one many blocks use.

use super::Block;
use crate::edition::classify::Page;
use crate::edition::terms::terms;

/// The word evidence of some of a page's blocks: each one's terms, and for each term how
/// many of them use it.
pub struct Words {
    terms: Vec<Vec<u64>>,
    /// Every term of the page once, sorted, with the number of blocks using it.
    vocab: Vec<(u64, u32)>,
}

impl Words {
    /// The words of the blocks marked in `involved` (the others have none).
    pub fn of(page: &Page, blocks: &[Block], involved: &[bool]) -> Self {
        let terms: Vec<Vec<u64>> = blocks
            .iter()
            .zip(involved)
            .map(|(b, &inv)| {
                if inv {
                    terms(&super::text_of(page, b.start, b.end))
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut all: Vec<u64> = terms.iter().flatten().copied().collect();
        all.sort_unstable();
        let mut vocab: Vec<(u64, u32)> = Vec::new();
        for t in all {
            match vocab.last_mut() {
                Some((last, n)) if *last == t => *n += 1,
                _ => vocab.push((t, 1)),
            }
        }
        Words { terms, vocab }
    }

    /// The weight of the terms blocks `a` and blocks `b` share: a term only they use
    /// weighs 1, one used by more blocks less.
    pub fn shared(&self, a: &[usize], b: &[usize]) -> f32 {
        let side = |ks: &[usize]| {
            let mut ts: Vec<u64> = ks.iter().flat_map(|&k| &self.terms[k]).copied().collect();
            ts.sort_unstable();
            ts.dedup();
            ts
        };
        let (a, b) = (side(a), side(b));
        a.iter()
            .filter(|t| b.binary_search(t).is_ok())
            .filter_map(|t| self.vocab.binary_search_by_key(t, |v| v.0).ok())
            .map(|v| 1.0 / (self.vocab[v].1.max(2) - 1) as f32)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    #[test]
    fn a_word_two_blocks_alone_share_weighs_more_than_a_common_one() {
        let text = "资产调剂平台\n\n资产调剂共享\n\n平台建设资产\n\n今天天气";
        let page = classify(to_lines(text), true);
        let blocks: Vec<Block> = (0..4)
            .map(|k| Block {
                start: k,
                end: k + 1,
            })
            .collect();
        let words = Words::of(&page, &blocks, &[true; 4]);
        // 资产, 产调, 调剂 are shared by blocks 0 and 1; 资产 is in block 2 too.
        let pair = words.shared(&[0], &[1]);
        assert!((pair - (0.5 + 1.0 + 1.0)).abs() < 1e-6, "{pair}");
        // 资产 (three blocks) and 平台 (two) link blocks 0 and 2.
        assert!((words.shared(&[0], &[2]) - 1.5).abs() < 1e-6);
        assert_eq!(words.shared(&[0], &[3]), 0.0);
        // A block left out of the look has no words.
        let words = Words::of(&page, &blocks, &[true, false, true, true]);
        assert_eq!(words.shared(&[0], &[1]), 0.0);
    }
}
