//! The headline of a story's rest, printed over its jump-from line (`（上接第1版）`).

use super::{breaks_inside, is_head_shaped, leaves_quote_open, CLAUSE_BREAKS};
use crate::edition::classify::{Page, Role, COLUMN_LABEL};
use crate::edition::furniture::JumpKind;
use crate::edition::order::word_across_lines;

/// Whether line `k` is a jump-from line (`（上接第1版）`), which opens a story's rest.
fn is_jump_from(page: &Page, k: usize) -> bool {
    page.jump_kind(k) == Some(JumpKind::From)
}

/// The most lines a headline over a jump-from line runs to.
const REST_TITLE_LINES: usize = 3;

/// Marks the headline of a story's rest: the head-shaped lines set apart right over a
/// jump-from line (`用好“金角银边”，建设口袋公园` / `（上接第1版）`). A newspaper prints the
/// rest's headline, then the jump line, then its byline or text; the jump line vouches for
/// the lines over it, so they may hold the commas that keep a line with no such witness in
/// the text.
/// Lines a word runs into or out of are text that the dump cut around the jump line
/// (`…及时对` / `行业监管…突出问` / `（上接第6版）` / `题提出建议…`).
pub(super) fn mark_rest_titles(page: &mut Page, columns: &[f32]) {
    let common = columns.first().copied().unwrap_or(0.0);
    for k in 1..page.lines.len().saturating_sub(1) {
        if !is_jump_from(page, k) {
            continue;
        }
        let Some(top) = rest_title_top(page, k, common) else {
            continue;
        };
        let text: String = (top..k).map(|j| page.lines[j].text).collect();
        // The text above the lines, the lines themselves and the rest's text under the jump.
        let body = |j: &usize| page.roles[*j] == Role::Body;
        let above = (0..top).rev().find(body);
        let below = (k + 1..page.lines.len()).find(body);
        let runs_a_word = above
            .into_iter()
            .chain(top..k)
            .zip((top..k).chain(below))
            .any(|(a, b)| word_across_lines(page.lines[a].text, page.lines[b].text));
        if !leaves_quote_open(&text) && !runs_a_word {
            (top..k).for_each(|j| page.roles[j] = Role::Head);
            page.starts[top] = true;
        }
    }
}

/// The first line of the headline over jump-from line `k`: the nearest line set apart
/// (or under a line that is no text) among the rest-title lines right above it.
fn rest_title_top(page: &Page, k: usize, common: f32) -> Option<usize> {
    let opens_block = |j: usize| {
        j == 0 || page.is_set_apart(j) || !matches!(page.roles[j - 1], Role::Body | Role::Caption)
    };
    // A byline under the jump line signs a headline over it: no column line is cut there.
    let signed = page.roles.get(k + 1) == Some(&Role::Byline);
    (k.saturating_sub(REST_TITLE_LINES)..k)
        .rev()
        .take_while(|&j| page.roles[j] == Role::Body && may_title_rest(page, j, common, signed))
        .find(|&j| opens_block(j))
}

/// Whether body line `j` may be a line of a rest's headline: head-shaped and no name or
/// column label; and if a clause breaks inside it, not as wide as the page's commonest
/// column (`common` ems): that is a column's line cut mid-clause (`边建起观景台、跑起小火
/// 车，推出`), where a headline with a comma is set to its own width. A `signed` headline,
/// a byline under its jump line, may be as wide as a column.
fn may_title_rest(page: &Page, j: usize, common: f32, signed: bool) -> bool {
    let line = &page.lines[j];
    let column_clause =
        !signed && (line.width - common).abs() <= 0.5 && breaks_inside(line.text, &CLAUSE_BREAKS);
    is_head_shaped(page, j) && line.width > COLUMN_LABEL && !page.names[j] && !column_clause
}
