//! The cheap first look: does a page show signs of row-interleaved columns at all?
//!
//! Most pages flow in order, and the splitter must stay fast on them, so this looks only at
//! the characters on either side of each line break and the page's own bigrams: in
//! interleaved text the line printed next rarely continues a line, while one a few lines
//! further on often does. It decides nothing about order; [`super`] does that where this
//! says to look.

use super::super::script::is_space;
use super::join::{for_each_word_bigram, is_word_char};
use super::WINDOW;

/// Bits of the bigram filter: a few per cent false positives for a page's ten thousand
/// bigrams, which only make the look more willing.
const FILTER_BITS: usize = 1 << 18;

/// Lines within one window that must prefer a later line over the next for the page to be
/// worth a closer look. Flowing text has some by chance; interleaved columns have many.
const MIN_FLAGS: usize = 4;

/// True when some stretch of `texts` (the page's lines, `prose` marking body-like ones)
/// looks interleaved.
pub fn looks_interleaved(texts: &[&str], prose: &[bool]) -> bool {
    if texts.len() < 2 * WINDOW {
        // Too few lines for one window: no need to read them.
        return false;
    }
    let bigrams = Filter::from_texts(texts);
    // Each line's first and last printed character, kept only when it is a word character
    // (no bigram joins punctuation), so the look below asks only the filter.
    let ends: Vec<(Option<char>, Option<char>)> = texts
        .iter()
        .map(|t| {
            let mut cs = t.chars().filter(|&c| !is_space(c));
            let first = cs.next();
            let word = |c: Option<char>| c.filter(|&c| is_word_char(c));
            (word(first), word(cs.next_back().or(first)))
        })
        .collect();
    let seen = |a: usize, b: usize| match (ends[a].1, ends[b].0) {
        (Some(x), Some(y)) => bigrams.contains(x, y),
        _ => false,
    };
    let flags: Vec<bool> = (0..texts.len())
        .map(|i| {
            prose[i]
                && !(i + 1 < texts.len() && seen(i, i + 1))
                && (i + 2..=(i + WINDOW).min(texts.len().saturating_sub(1)))
                    .any(|k| prose[k] && seen(i, k))
        })
        .collect();
    has_dense_window(&flags, 2 * WINDOW, MIN_FLAGS)
}

/// True when some `width` consecutive `flags` hold at least `min` set ones: the count is
/// carried from window to window rather than made again for each.
fn has_dense_window(flags: &[bool], width: usize, min: usize) -> bool {
    let Some(first) = flags.get(..width) else {
        return false;
    };
    let mut count = first.iter().filter(|&&f| f).count();
    for (&enters, &leaves) in flags[width..].iter().zip(flags) {
        if count >= min {
            return true;
        }
        count = count + usize::from(enters) - usize::from(leaves);
    }
    count >= min
}

/// A one-hash Bloom filter of the word-character bigrams inside lines: the exact, sorted
/// set costs a sort that flowing pages need not pay.
struct Filter(Box<[u64; FILTER_BITS / 64]>);

impl Filter {
    fn from_texts(texts: &[&str]) -> Self {
        // A fixed length, so that the compiler sees every slot in range and checks none.
        let mut f = Filter(Box::new([0; FILTER_BITS / 64]));
        for_each_word_bigram(texts, |a, b| {
            let bit = slot(a, b);
            f.0[bit / 64] |= 1 << (bit % 64);
        });
        f
    }

    fn contains(&self, a: char, b: char) -> bool {
        let bit = slot(a, b);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The filter bit of a bigram: both code points (21 bits each) side by side in one word,
/// hashed by one multiplication whose top bits are the slot.
fn slot(a: char, b: char) -> usize {
    let pair = u64::from(u32::from(a)) << 21 | u64::from(u32::from(b));
    (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The carried count agrees with counting each window afresh.
    #[test]
    fn dense_windows_are_found_as_counted_afresh() {
        let counted = |flags: &[bool], width: usize, min: usize| {
            flags
                .windows(width)
                .any(|w| w.iter().filter(|&&f| f).count() >= min)
        };
        for bits in 0u32..1 << 10 {
            let flags: Vec<bool> = (0..10).map(|k| bits >> k & 1 == 1).collect();
            for (width, min) in [(1, 1), (3, 2), (4, 4), (10, 3), (11, 1)] {
                assert_eq!(
                    has_dense_window(&flags, width, min),
                    counted(&flags, width, min),
                    "{flags:?} {width} {min}"
                );
            }
        }
    }
}
