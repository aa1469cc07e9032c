//! Today's headlines, set in sentence case (`Lions roar back to claim sectional` /
//! `title`), which no case test tells from text. pdftotext prints such a headline in
//! one block with its deck and the `By` line under them, the block set apart from the text
//! above and below; what stands in that block over the byline is the headline, whatever
//! its case. A section's label in capitals may open it (`BUSINESS`), as
//! [`crate::edition::headline`] reads.

use super::is_by_line;
use crate::edition::classify::{Page, Role};

/// Most lines a headline block over its byline runs to: a label, a title wrapped over
/// three lines, a deck over two.
const MOST_LINES: usize = 6;

/// The first line of the headline printed in one block over the `By` line at `anchor`:
/// the block's top, when it is set apart (a blank line or furniture above, or the page's
/// top) and the block holds nothing but text lines. (Lines that close a sentence are
/// given back to the text later, as for every English headline.)
pub fn bylined_head_top(page: &Page, anchor: usize) -> Option<usize> {
    let byline = page.roles[anchor] == Role::Byline && is_by_line(page.lines[anchor].text);
    if page.cjk || !byline || page.is_set_apart(anchor) {
        return None;
    }
    let top = (anchor.saturating_sub(MOST_LINES)..anchor)
        .rev()
        .find(|&k| k == 0 || page.lines[k].blank_before || page.roles[k - 1] == Role::Drop)?;
    let headline_like = |k: usize| matches!(page.roles[k], Role::Body | Role::Head);
    (top..anchor).all(headline_like).then_some(top)
}
