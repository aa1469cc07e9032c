//! Word evidence for telling whose text is whose without a dictionary: the pairs of
//! adjacent ideographs of a text (a Chinese word is mostly two characters) and its runs of
//! Latin letters or digits, each hashed to a `u64` term; and a set of terms that answers
//! "is this term in it" fast. Headline pairing, the repair of out-of-order pieces and the
//! threading of blocks all compare texts by these terms.

use super::script::is_ideograph;

/// A sorted set of terms (see [`terms`]) with a one-hash Bloom filter of `WORDS` 64-bit
/// words in front: most terms looked up are absent, and the filter turns them away before
/// the binary search.
pub struct TermSet<const WORDS: usize> {
    sorted: Vec<u64>,
    filter: [u64; WORDS],
}

impl<const WORDS: usize> TermSet<WORDS> {
    /// The set of `sorted`, which must be sorted and without repeats.
    pub fn new(sorted: Vec<u64>) -> Self {
        let mut filter = [0; WORDS];
        for &t in &sorted {
            let (w, b) = Self::slot(t);
            filter[w] |= b;
        }
        TermSet { sorted, filter }
    }

    fn slot(t: u64) -> (usize, u64) {
        let h = (t.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize;
        (h / 64 % WORDS, 1 << (h % 64))
    }

    /// The index of term `t` in the set, if it is there.
    pub fn find(&self, t: u64) -> Option<usize> {
        let (w, b) = Self::slot(t);
        if self.filter[w] & b == 0 {
            return None;
        }
        self.sorted.binary_search(&t).ok()
    }

    /// How many terms the set holds.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }
}

/// The distinct word evidence of `text`, sorted: pairs of adjacent ideographs (a Chinese
/// word is mostly two characters), and runs of two or more digits or Latin letters.
pub fn terms(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t));
    out.sort_unstable();
    out.dedup();
    out
}

/// The distinct Latin words of `text` at least `min_len` letters long, as the terms
/// [`for_each_term`] gives them, sorted: in English the short words are mostly the
/// language's own (`the`, `with`), and the longer ones tell what a text is about.
pub fn long_words(text: &str, min_len: usize) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= min_len && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|w| {
            let mut h = TokenHash::default();
            w.bytes().for_each(|b| h.push(b.to_ascii_lowercase()));
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` with each term of `text` in order, repeats included (see [`terms`]).
pub fn for_each_term(text: &str, mut f: impl FnMut(u64)) {
    any_term(text, |t| {
        f(t);
        false
    });
}

/// Calls `f` with each term of `text` in order, as [`for_each_term`] does, until `f`
/// returns true; returns whether it did. The callers that only need enough evidence stop
/// reading a long paragraph once they have it.
pub fn any_term(text: &str, mut f: impl FnMut(u64) -> bool) -> bool {
    let mut prev: Option<char> = None;
    // The Latin or digit run being read: its hash and length, and the hash and length it
    // had before a trailing dot (`863.75万` keeps its dot, `GDP.` drops it).
    let mut run = TokenHash::default();
    let mut before_dot = TokenHash::default();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_ideograph(c) {
            if let Some(p) = prev {
                if f((u64::from(p) << 32) | u64::from(c)) {
                    return true;
                }
            }
            prev = Some(c);
        } else {
            prev = None;
        }
        if c.is_ascii_alphanumeric() {
            run.push(c.to_ascii_lowercase() as u8);
            before_dot = run;
        } else if c == '.' && run.len > 0 {
            run.push(b'.');
        } else {
            if before_dot.len >= 2 && f(before_dot.finish()) {
                return true;
            }
            run = TokenHash::default();
            before_dot = TokenHash::default();
        }
    }
    false
}

/// FNV-1a over a token's bytes, kept apart from ideograph pairs (whose high half is a
/// char, < 2^21) by the top bit.
#[derive(Debug, Clone, Copy)]
struct TokenHash {
    hash: u64,
    len: usize,
}

impl Default for TokenHash {
    fn default() -> Self {
        TokenHash {
            hash: 0xcbf2_9ce4_8422_2325,
            len: 0,
        }
    }
}

impl TokenHash {
    fn push(&mut self, b: u8) {
        self.hash = (self.hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        self.len += 1;
    }

    fn finish(self) -> u64 {
        self.hash | (1 << 63)
    }
}

/// A token's key, as [`for_each_term`] computes it.
#[cfg(test)]
fn hash_token(token: &str) -> u64 {
    let mut h = TokenHash::default();
    token.bytes().for_each(|b| h.push(b));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_term_reads_the_terms_in_order_until_told_to_stop() {
        let text = "广西863.75万 GDP 增长";
        let mut all = Vec::new();
        for_each_term(text, |t| all.push(t));
        for stop in 0..all.len() {
            let mut read = Vec::new();
            assert!(any_term(text, |t| {
                read.push(t);
                read.len() > stop
            }));
            assert_eq!(read, all[..=stop]);
        }
        assert!(!any_term(text, |_| false));
    }

    #[test]
    fn long_words_are_the_terms_of_the_longer_words() {
        let text = "The Mayor cuts the ribbon at the library, on Tuesday. A3 2026";
        let words = long_words(text, 5);
        let expected: Vec<u64> = {
            let mut v: Vec<u64> = ["mayor", "ribbon", "library", "tuesday"]
                .iter()
                .map(|w| hash_token(w))
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(words, expected);
        assert!(
            words.iter().all(|w| terms(text).contains(w)),
            "the same hashes"
        );
    }

    #[test]
    fn terms_are_ideograph_pairs_and_latin_or_digit_runs() {
        let t = terms("广西863.75万 GDP");
        assert!(t.contains(&((u64::from('广') << 32) | u64::from('西'))));
        assert!(t.contains(&hash_token("863.75")));
        assert!(t.contains(&hash_token("gdp")));
        assert_eq!(t.len(), 3);
    }
}
