//! OCR scraps and fillers on English pages: the text that stands between stories but
//! belongs to none of them.
//!
//! Scraps are short fragments that neither continue nor start a paragraph, lines of
//! repeated letters or symbols (`aannnnttnasasnnatt`, `$$$$`), and banners twice the
//! column's width; fillers are short sentences alone between stories (`Read the Want
//! Ads.`). Both are dropped. Headline lines and display advertisements are not judged
//! here.

use super::super::classify::{Page, Role};
use super::{ends_text, is_deck_text, is_labelled_item, is_life_span};
use crate::edition::script::is_capitals;

/// Share of the column's width under which a line that ends no sentence is no line of
/// running text: a scrap, or a paragraph's last line that lost its stop.
pub(super) const NARROW: f32 = 0.55;

/// Drops OCR scraps: body lines that would open a paragraph (after a finished sentence or
/// anything but body text) yet end no sentence and are far narrower than the column or
/// garbled. A paragraph's first line fills the column but for its lost indent. A line
/// in title case twice as wide as the column is a banner across the page
/// (`"Indiana Wants You" to Help Make Its Jubilee Great …`), dropped too.
pub fn mark_scraps(page: &mut Page) {
    const BANNER: f32 = 2.0;
    let column = median_width(page);
    let mut opens = true;
    for i in 0..page.lines.len() {
        match page.roles[i] {
            Role::Body => {}
            Role::Drop => continue,
            _ => {
                opens = true;
                continue;
            }
        }
        let line = &page.lines[i];
        let banner = line.width >= BANNER * column && is_deck_text(line.text);
        let odd = line.width < NARROW * column || banner || is_garbled(line.text);
        // A dateline on its own line (`PARIS, Dec. 1`) is short, and no scrap.
        // A fact box's items (`When: 6 p.m. Tuesday`) are short, and text.
        // So is an obituary's first line under the life's span, however short its column.
        let kept = line.ends_sentence
            || line.text.ends_with(':')
            || page.leads[i]
            || is_labelled_item(line.text)
            || i > 0 && is_life_span(page.lines[i - 1].text);
        if opens && odd && !kept {
            page.roles[i] = Role::Drop;
        } else {
            opens = line.ends_sentence;
        }
    }
    mark_fillers(page, NARROW * column);
    mark_labels_over_heads(page);
}

/// Drops a text line in capitals right over a headline (`…the southern part of this` /
/// `LAST MINUTE NEWS j` / `Admiral Fiske Will Quit`): a box's label over the items it
/// heads, or a scrap of display type. A paragraph does not run on into capitals, even one
/// the dump cut short, and the headline under it is set apart already.
fn mark_labels_over_heads(page: &mut Page) {
    for i in 0..page.lines.len().saturating_sub(1) {
        let label = page.roles[i] == Role::Body
            && page.roles[i + 1] == Role::Head
            && is_capitals(page.lines[i].text);
        if label {
            page.roles[i] = Role::Drop;
        }
    }
}

/// Drops fillers between stories (`Read the Want Ads.`): a short sentence alone on its
/// line, after a finished paragraph, and before scraps or furniture that lead to a
/// headline, a jump line or the page's end. A story's own short last paragraph runs
/// straight into the next headline, and never follows a title (`Mrs.`) that its first
/// word would complete.
fn mark_fillers(page: &mut Page, narrow: f32) {
    let n = page.lines.len();
    let mut after_text = true;
    for i in 0..n {
        match page.roles[i] {
            Role::Drop => continue,
            Role::Body => {}
            _ => {
                after_text = true;
                continue;
            }
        }
        let line = &page.lines[i];
        let next = (i + 1..n).find(|&k| page.roles[k] != Role::Drop);
        let scraps_after = next.unwrap_or(n) > i + 1;
        let alone = scraps_after && next.is_none_or(|k| page.roles[k] != Role::Body);
        if after_text && alone && line.ends_sentence && line.width < narrow {
            page.roles[i] = Role::Drop;
        }
        after_text = ends_text(line.text);
    }
}

/// The median width of the body lines that run on (end no sentence): the column.
pub(super) fn median_width(page: &Page) -> f32 {
    width_quantile(page, 0.5)
}

/// The width under which the share `q` of the same lines as [`median_width`]'s falls.
pub(super) fn width_quantile(page: &Page, q: f32) -> f32 {
    let mut widths: Vec<f32> = (0..page.lines.len())
        .filter(|&i| page.roles[i] == Role::Body && !page.lines[i].ends_sentence)
        .map(|i| page.lines[i].width)
        .collect();
    if widths.is_empty() {
        return 0.0;
    }
    // Truncated: the rank of a share of the lines, within them.
    let at = ((widths.len() as f32 * q) as usize).min(widths.len() - 1);
    *widths.select_nth_unstable_by(at, f32::total_cmp).1
}

/// True when `text` holds a run no English text has: one lowercase letter three times
/// (`aannnnttnasasnnatt`), or one symbol four times (`$$$$`, `++++`); dots, dashes and
/// rules excepted.
fn is_garbled(text: &str) -> bool {
    let mut run = 0;
    let mut prev = None;
    for c in text.chars() {
        run = if prev == Some(c) { run + 1 } else { 1 };
        prev = Some(c);
        let symbol = !c.is_alphanumeric() && !c.is_whitespace() && !matches!(c, '.' | '-' | '_');
        if c.is_ascii_lowercase() && run >= 3 || symbol && run >= 4 {
            return true;
        }
    }
    false
}
