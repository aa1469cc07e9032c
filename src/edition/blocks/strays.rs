//! Blocks that interrupt a story: a block printed between an open end and the block that
//! goes on from it belongs to neither seam. Once [`super::threads`] has linked the two,
//! such a block goes to the end of the story whose words it shares clearly most (its
//! headline's and its text's), when that story ends a sentence there; otherwise it stays.
//!
//! Words are weighed as [`crate::edition::pairing`] weighs them: a word pair of the block
//! found in one story only counts fully, one found in several counts less.

use super::closes;
use crate::edition::classify::{Page, Role};
use crate::edition::terms::terms;

/// Word weight with which an interrupting block joins a story…
const ADOPT: f32 = 1.5;
/// …and how many times the next story's weight it must be.
const ADOPT_RATIO: f32 = 2.0;

/// Moves the block whose first line the dump printed `printed`-th to the end of the story
/// whose words it shares clearly most, when that story ends a sentence there. (The block
/// is known by its first line's place in the dump: the lines have moved since.)
pub fn adopt(page: &mut Page, printed: usize) {
    let n = page.lines.len();
    let Some(start) = (0..n).find(|&k| page.lines[k].printed == printed) else {
        return;
    };
    let end = (start + 1..n)
        .find(|&k| page.roles[k] != Role::Body || page.starts[k])
        .unwrap_or(n);
    let stories = stories(page);
    let own = stories.iter().rposition(|s| s.0 <= start);
    let weights = story_weights(page, &stories, start, end);
    let Some(best) = (0..weights.len()).max_by(|&a, &b| weights[a].total_cmp(&weights[b])) else {
        return;
    };
    let second = (0..weights.len())
        .filter(|&s| s != best)
        .map(|s| weights[s])
        .fold(0.0, f32::max);
    if Some(best) == own || weights[best] < ADOPT || weights[best] < ADOPT_RATIO * second {
        return;
    }
    let (a, b) = stories[best];
    let Some(last) = (a..b).rev().find(|&k| page.roles[k] == Role::Body) else {
        return;
    };
    if !closes(page, last) {
        return;
    }
    super::move_lines(page, start, end, last + 1);
    let at = if last + 1 < start {
        last + 1
    } else {
        last + 1 - (end - start)
    };
    page.starts[at] = true;
}

/// The word weight each story gives the block at lines `start..end`: its headline's and
/// text's word pairs found in the block, each shared among the stories that use it.
fn story_weights(page: &Page, stories: &[(usize, usize)], start: usize, end: usize) -> Vec<f32> {
    let story_terms: Vec<Vec<u64>> = stories
        .iter()
        .map(|&(a, b)| {
            let text: String = (a..b)
                .filter(|&k| !(start..end).contains(&k))
                .filter(|&k| matches!(page.roles[k], Role::Body | Role::Head))
                .map(|k| page.lines[k].text)
                .collect();
            terms(&text)
        })
        .collect();
    let mine = terms(&super::text_of(page, start, end));
    story_terms
        .iter()
        .map(|ts| {
            mine.iter()
                .filter(|t| ts.binary_search(t).is_ok())
                .map(|t| {
                    let used = story_terms
                        .iter()
                        .filter(|o| o.binary_search(t).is_ok())
                        .count();
                    1.0 / used as f32
                })
                .sum()
        })
        .collect()
}

/// The page's stories as line ranges: from each headline to the next (the text above the
/// first headline is a story too).
fn stories(page: &Page) -> Vec<(usize, usize)> {
    let n = page.lines.len();
    let heads: Vec<usize> = (0..n)
        .filter(|&k| page.roles[k] == Role::Head && (k == 0 || page.roles[k - 1] != Role::Head))
        .collect();
    let mut out = Vec::new();
    let mut from = 0;
    for h in heads {
        if h > from {
            out.push((from, h));
        }
        from = h;
    }
    out.push((from, n));
    out
}
