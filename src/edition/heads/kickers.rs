//! Kickers and subtitles known by their dash (`…——` over a title, `——…` under one),
//! whatever their width.

use super::{breaks_inside, is_head_shaped, is_loose_head, runs_on, starts_afresh};
use crate::edition::classify::{is_box_label, Page, Role};
use crate::edition::headline::ends_in_kicker_dash;
use crate::edition::script::has_sentence_mark;

/// A line that ends in a kicker's dash (`山东运用大数据赋能社会救助——`), with no clause break
/// inside, right above a box label or a headline line is a kicker whatever its width: running
/// text breaks at a dash only inside a sentence, and goes on in text. A kicker may list
/// places or parties (`摩纳哥、德国、新加坡探索旅游业新模式——`): an enumeration comma is
/// no clause break.
///
/// The line right under the dash, set apart or not, is the title it leads into
/// (`中国地震局工程力学研究所研究员马强——` / `努力提升地震预警水平`) when it could be one
/// on its own: head-shaped with no clause break, and running no word on into the line
/// under it; and when the dash line starts afresh, for text breaks at a dash inside a
/// sentence too (`触碰到世界科学前沿领域——` / `引力子物理在凝聚态物质中的`). A dump that
/// double-spaces its lines tells no block there, so the block rules cannot see that title
/// open its own.
pub(super) fn mark_dash_kickers(page: &mut Page) {
    for k in 0..page.lines.len().saturating_sub(1) {
        // Most lines end in no dash: that test first, the line under it only then.
        if page.roles[k] != Role::Body || !ends_in_kicker_dash(page.lines[k].text) {
            continue;
        }
        let above_head = page.roles[k + 1] == Role::Head || is_box_label(page.lines[k + 1].text);
        let over_title = || !above_head && starts_afresh(page, k) && may_title_kicker(page, k + 1);
        if is_head_shaped(page, k)
            && !breaks_inside(page.lines[k].text, &['，', '：'])
            && (above_head || over_title())
        {
            page.roles[k] = Role::Head;
            page.starts[k] = true;
            if !above_head {
                page.roles[k + 1] = Role::Head;
            }
        }
    }
}

/// Whether body line `k`, under a kicker's dash, may be its title with nothing else to
/// vouch for it (see [`mark_dash_kickers`]).
fn may_title_kicker(page: &Page, k: usize) -> bool {
    is_loose_head(page, k) && !runs_on(page, k + 1)
}

/// A title over its subtitle opening with a dash (`“十四五”规划目标任务圆满完成` /
/// `——国家发展改革委有关负责人答记者问`) over text is a headline however the dump spaced its
/// lines: running text breaks at a dash only inside a sentence, so a line opening with one
/// under lines that start fresh, after a finished sentence, is no text's. The title may wrap
/// onto a second line (`…目标任务` / `圆满完成`), and so may the subtitle, onto a line no
/// wider than it that the text's first line outruns (`——国家发展改革委` / `有关负责人答记者问`).
pub(super) fn mark_dash_subtitles(page: &mut Page) {
    const TITLE_LINES: usize = 2;
    let n = page.lines.len();
    for k in 1..n.saturating_sub(1) {
        let subtitle = page.lines[k].text;
        if page.roles[k] != Role::Body || !subtitle.starts_with("——") || has_sentence_mark(subtitle)
        {
            continue;
        }
        let head_line = |j: usize| {
            page.roles[j] == Role::Head || is_head_shaped(page, j) && !page.lines[j].ends_sentence
        };
        let Some(title) = (k.saturating_sub(TITLE_LINES)..k)
            .find(|&t| starts_afresh(page, t) && (t..k).all(head_line))
        else {
            continue;
        };
        let wraps = |j: usize| {
            j + 1 < n
                && page.roles[j] == Role::Body
                && is_head_shaped(page, j)
                && !has_sentence_mark(page.lines[j].text)
                && page.lines[j].width <= page.lines[k].width
                && page.lines[j + 1].width > page.lines[j].width + 2.0
        };
        let end = if wraps(k + 1) { k + 2 } else { k + 1 };
        if page
            .lines
            .get(end)
            .is_none_or(|_| page.roles[end] != Role::Body)
        {
            continue;
        }
        (title..end).for_each(|j| {
            page.roles[j] = Role::Head;
            // One headline, whatever blank lines the dump put between its lines.
            page.starts[j] = j == title;
        });
    }
}
