//! Headlines vouched for by the line under them: a byline, a bare name, or a dateline
//! opening the text; and the bylines stacked one over another under headlines set side by
//! side.

use super::standalone::signs_text_above;
use super::{is_cjk_head_text, is_head_shaped, is_loose_head, leaves_quote_open};
use crate::edition::byline;
use crate::edition::classify::{is_box_label, Page, Role, BULLETS, COLUMN_LABEL, RUNNING_WIDTH};
use crate::edition::latin;
use crate::edition::order::{is_justified, word_across_lines, wrap_reads_on};
use crate::edition::script::{is_capitals, is_ideograph};

/// Marks the headlines over bylines, bare names and datelines, and those bylines.
pub(super) fn mark_anchored_heads(page: &mut Page, columns: &[f32]) {
    let n = page.lines.len();
    for i in 0..n {
        if let Some(anchor) = byline_anchor(page, i) {
            let mut top = i;
            if anchor == Role::Byline {
                page.roles[i] = Role::Byline;
                mark_byline_tail(page, i);
                top = mark_stacked_bylines(page, i);
            }
            mark_head_above(page, top, columns);
        }
    }
}

/// Whether line `i` anchors a headline above it: a byline line, a bare name right under a
/// head-shaped line, or a dateline opening a paragraph. Returns the role line `i` keeps.
fn byline_anchor(page: &Page, i: usize) -> Option<Role> {
    let text = page.lines[i].text;
    if page.roles[i] != Role::Body {
        return None;
    }
    if byline::parse_searched_line(text, page.lines[i].role_label).is_some() {
        return Some(Role::Byline);
    }
    // A bare name closes its block: a two-to-four character line inside a block is more
    // likely a line of a headline set in a narrow column.
    // Where a dump double-spaces its text, blank lines above and below set it apart as
    // well as a block's end would; not where they set apart the rows of columns.
    let closes_block = page.lines.get(i + 1).is_none_or(|next| {
        page.starts[i + 1]
            || page.roles[i + 1] != Role::Body
            || !page.may_interleave && page.lines[i].blank_before && next.blank_before
    });
    // Or it stands between a headline and the text it opens, in one block with both
    // (`——深入学习贯彻…精神` / `刘建国` / `县域经济是国民经济的基本单元，县城是`): a
    // narrow headline's next line is no line of running text. (Over a dateline, a name
    // may be the last line of the text above instead.)
    let over_running_text = page.lines.get(i + 1).is_some_and(|next| {
        page.cjk
            && !next.blank_before
            && page.roles[i + 1] == Role::Body
            && next.width >= RUNNING_WIDTH
            && !page.names[i + 1]
            && !page.leads[i + 1]
    });
    let closes_block = closes_block || over_running_text;
    // Nor is a short line under two other short lines: that is a stacked headline's end.
    let stacked = i >= 2 && page.lines[i - 1].width <= 3.0 && page.lines[i - 2].width <= 3.0;
    // Bylines of headlines set side by side stack one under another, the last maybe run
    // into the text under it: a bare name right under a byline is the next one.
    let under_byline = i > 0 && page.lines[i].blank_before && page.roles[i - 1] == Role::Byline;
    // A headline's wrap that looks like a name (`把盐碱地变` / `成米粮川`) finishes the word
    // the line above broke, and reads on in words.
    let under_head =
        |above: usize| is_head_shaped(page, above) && !wrap_reads_on(page.lines[above].text, text);
    // A name behind a writer's mark (`□ 周晓梅`) printed in one block with the text under
    // it signs that text: no line of text is a mark and a name alone. (Set apart, it may
    // sign the text above instead, as the other bare names do.)
    let in_block_over_next = page.lines.get(i + 1).is_some_and(|next| !next.blank_before);
    if page.cjk && in_block_over_next && page.names[i] && text.starts_with(byline::DECORATIONS) {
        return Some(Role::Byline);
    }
    // The cheap tests of place first: the name test reads a surname list, the word test
    // asks the segmenter.
    if page.cjk
        && i > 0
        && (closes_block && !stacked || under_byline)
        && page.names[i]
        && (under_byline || under_head(i - 1))
    {
        return Some(Role::Byline);
    }
    page.opens_with_lead(i).then_some(Role::Body)
}

/// Where two stories' headlines stand one above the other, their bylines stack too, each a
/// bare name above the byline at `anchor`, alone between blank lines or printed in one
/// block with the headlines. Marks those names as bylines and returns the top of the
/// stack, under which the headlines end.
fn mark_stacked_bylines(page: &mut Page, anchor: usize) -> usize {
    let mut top = anchor;
    let apart = |top: usize| page.lines[top].blank_before && page.lines[top - 1].blank_before;
    // Or one under another in one block with the headline, unless the name is the
    // headline's wrap (`把盐碱地变` / `成米粮川`).
    let glued = |top: usize| {
        !page.lines[top].blank_before
            && !page.lines[top - 1].blank_before
            && !wrap_reads_on(page.lines[top - 2].text, page.lines[top - 1].text)
    };
    // Or opening the byline's block, set apart from the headline above: a title's wrap
    // never crosses a blank line.
    let opens = |top: usize| !page.lines[top].blank_before && page.lines[top - 1].blank_before;
    while top >= 2
        && (apart(top) || glued(top) || opens(top))
        && page.roles[top - 1] == Role::Body
        && page.names[top - 1]
        && is_head_shaped(page, top - 2)
    {
        top -= 1;
        page.roles[top] = Role::Byline;
    }
    top
}

/// Whether line `j`, right over the dateline opening line `anchor`, is a brief's title
/// marked with a bullet: past the bullet, a line a headline's words could be.
fn is_bulleted_title(page: &Page, j: usize, anchor: usize) -> bool {
    let text = page.lines[j].text;
    // A byline's anchor is marked a byline by now: one still body opens with a dateline.
    j + 1 == anchor
        && page.roles[anchor] == Role::Body
        && page.roles[j] == Role::Body
        && text
            .strip_prefix(BULLETS)
            .is_some_and(|rest| is_cjk_head_text(rest.trim_start(), page.lines[j].width, true))
}

/// A byline wrapped in a narrow column (`本报记者 刘` / `温馨`): the short remainder on the
/// next line of the same block belongs to it. A label set apart under the byline
/// (`本报记者 丁志军` / blank / `快评`) is no part of it.
fn mark_byline_tail(page: &mut Page, i: usize) {
    let Some(next) = page.lines.get(i + 1).filter(|l| !l.blank_before) else {
        return;
    };
    let name_part = next.text.chars().count() <= 3
        && next.text.chars().all(crate::edition::script::is_cjk)
        && !next.text.contains(['，', '。', '、', '“', '”', '（', '）']);
    if name_part && !page.starts[i + 1] && page.roles[i + 1] == Role::Body {
        page.roles[i + 1] = Role::Byline;
    }
}

/// Marks the head-shaped lines right above line `anchor` (skipping a caption) as a headline.
fn mark_head_above(page: &mut Page, anchor: usize, columns: &[f32]) {
    let common = columns.first().copied().unwrap_or(f32::MAX);
    // A byline printed amid another story's paragraph: that paragraph's line right above
    // heads nothing. The byline's headline may stand right over that line, set apart.
    let interrupted = page.cjk && splits_a_sentence(page, anchor, common);
    let mut j = if interrupted { anchor - 1 } else { anchor };
    let dated_block = dated_block_top(page, anchor, common);
    let mut taken = 0;
    let mut top = j;
    // Headlines set in a narrow column stack many short lines.
    let limit = |w: f32| if w <= 5.0 { 10 } else { 5 };
    while j > 0 && taken < limit(page.lines[j - 1].width) {
        j -= 1;
        match page.roles[j] {
            Role::Caption | Role::Credit => continue,
            Role::Head => break,
            _ => {}
        }
        // A box's label between a headline and its byline (`【延伸阅读】`) is the box's.
        if j + 1 == anchor && page.cjk && is_box_label(page.lines[j].text) {
            continue;
        }
        // The writer's credit under an English byline (`Staff Writer`) tops no story: the
        // byline and the headline over it are the story's, the dateline's too.
        if !page.cjk && latin::is_under_by_line(page, j) {
            break;
        }
        // The first line of a dateline wrapped over two (`WITH THE BRITISH ARMIES IN THE`
        // / `FIELD, Aug. 4.—`) is the dateline's: the headline is above it.
        if !page.cjk && j + 1 == anchor && latin::opens_dateline_with_next(page, j) {
            continue;
        }
        // Over an interrupting line, only a block set apart can be the byline's headline.
        if interrupted && taken == 0 && !page.is_set_apart(j) {
            break;
        }
        // A clause break inside a line as wide as the columns marks a line of body text,
        // unless a byline right under it vouches for it, or a dateline opening the block
        // under a line set apart (`来公园，20分钟感受自然“疗愈”` / `本报北京2月25日电`).
        let vouched = taken == 0
            && !interrupted
            && (page.roles[anchor] == Role::Byline
                || page.cjk && page.starts[j] && j + 1 == anchor)
            || dated_block.is_some_and(|top| j >= top);
        // A line stretched by layout spaces is as wide as its column, whatever its count.
        let column_wide = page.lines[j].width >= 0.8 * common || is_justified(page.lines[j].text);
        let body_like = !vouched && !is_loose_head(page, j) && column_wide;
        // An English title right above its dateline may end in a stop (`Impose Tax on Rumania.`).
        let titled = taken == 0
            && !page.cjk
            && page.roles[j] == Role::Body
            && latin::is_title_case(page.lines[j].text.trim_end_matches('.'));
        // The wrapped rest of an English title, right over the anchor, whose line above is
        // head-shaped (`Storm Knocks Out Power` / `to Thousands`).
        let wrap =
            taken == 0 && !page.cjk && latin::wraps_title(page, j) && is_head_shaped(page, j - 1);
        // A sentence cut at the column's edge over another story's byline is no
        // headline's last line (see `ends_open`).
        let cut_off = taken == 0 && page.cjk && ends_open(page.lines[j].text);
        // Two or three characters alone over the text (`要闻`, `快评`) are the page's or the
        // column's label, which heads no story, not its headline.
        if taken == 0 && page.cjk && is_lone_label(page, j, anchor) {
            page.roles[j] = Role::Drop;
            break;
        }
        // A name right over a dateline alone on its line is a byline, not a headline.
        if taken == 0 && page.cjk && page.is_lone_lead(anchor) && page.names[j] {
            break;
        }
        // A brief's title marked with a bullet, right over its dateline (`●城区新增5处公共
        // 停车场` / `本报讯（记者 陈刚）…`): one line, where a list's item would be text.
        if taken == 0 && page.cjk && is_bulleted_title(page, j, anchor) {
            page.roles[j] = Role::Head;
            top = j;
            break;
        }
        if taken > 0 && page.cjk && signs_unsigned_text(page, j) {
            page.roles[j] = Role::Byline;
            break;
        }
        if !(is_head_shaped(page, j) || titled || wrap)
            || is_paragraph_tail(page, j, columns)
            || body_like
            || cut_off
        {
            break;
        }
        page.roles[j] = Role::Head;
        taken += 1;
        top = j;
        // Over an interrupting line, the headline is the block set apart there, no more.
        if interrupted && page.is_set_apart(j) {
            break;
        }
        if j > 0 && page.roles[j - 1] == Role::Body && page.lines[j - 1].ends_sentence {
            break;
        }
    }
    if taken > 0 && page.cjk && is_sentence_tail(page, top, common) {
        unmark_block_tail(page, top, anchor);
    }
}

/// Most lines of a Chinese headline printed in one block with the dateline under it: a
/// title wrapped over two lines and a subtitle.
const DATED_BLOCK_LINES: usize = 3;
/// Ems by which a headline's line over a dateline differs from the column's width at least.
const COLUMN_SLACK: f32 = 2.5;

/// The top of the headline printed in one block with the dateline opening line `anchor`
/// (`全市重点项目建设“冬季攻势”全面打响` / `128个项目集中开工，总投资876亿元` /
/// `本报讯（记者 胡斌）…`), on a Chinese page whose blank lines set blocks apart: the
/// block's first line, a blank line above it (or the page's top), no more than
/// [`DATED_BLOCK_LINES`] over the dateline, each head-shaped and narrower or wider than
/// the `column` (type larger than the text's). The dateline vouches for those lines as
/// its byline does for the line over it, however wide they run: a subtitle is set in
/// longer lines than the column's.
fn dated_block_top(page: &Page, anchor: usize, column: f32) -> Option<usize> {
    if !page.cjk
        || !page.sets_blocks_apart()
        || page.roles[anchor] != Role::Body
        || page.is_set_apart(anchor)
    {
        return None;
    }
    let top = (anchor.saturating_sub(DATED_BLOCK_LINES)..anchor)
        .rev()
        .find(|&k| page.is_set_apart(k))?;
    // Lines as wide as the column's, in one block with a dateline, are more likely another
    // column's text printed over it.
    let head =
        |k: usize| (page.lines[k].width - column).abs() > COLUMN_SLACK && is_head_shaped(page, k);
    let heads = (top..anchor).all(head);
    let opens = top == 0 || page.lines[top].blank_before;
    (opens && heads && page.opens_with_lead(anchor)).then_some(top)
}

/// Whether line `j`, a bare name set apart by blank lines over the headline being marked,
/// is the signature of the finished text above it (`…办好。` / `李华` / headline / its
/// byline; see [`signs_text_above`]): a commentary's writer signs at its end. Only a story that no byline, and no
/// dateline naming its reporter (`本报讯（记者 周丽）`), signs yet takes it.
/// Pages printed row by row put a byline over its headline this way, under lines of
/// another story: those lines stand apart, one to a block.
fn signs_unsigned_text(page: &Page, j: usize) -> bool {
    // The text's last line closes a block of text: a line alone between blank lines may be
    // a row of columns printed side by side, the row above from another story.
    let in_block = (0..j)
        .rev()
        .find(|&k| page.roles[k] != Role::Drop)
        .is_some_and(|k| !page.lines[k].blank_before);
    if !(signs_text_above(page, j) && page.lines[j].blank_before && in_block) {
        return false;
    }
    // The story runs up to its headline: one marked already, or a line alone between blank
    // lines, which the headlines set apart are before they are marked.
    let headline = |k: usize| {
        page.roles[k] == Role::Head || page.lines[k].blank_before && page.lines[k + 1].blank_before
    };
    let signed = |k: usize| {
        page.roles[k] == Role::Byline
            || page.roles[k] == Role::Body
                && byline::parse_lead(page.lines[k].text).is_some_and(|b| !b.authors.is_empty())
    };
    for k in (0..j).rev() {
        if signed(k) {
            return false;
        }
        if headline(k) {
            break;
        }
    }
    true
}

/// Gives the lines of `top`'s block, marked as the headline over `anchor`, back to the
/// text; a headline may still start below them, in a block of its own. Every headline
/// line between `top` and the anchor was marked by the walk: it stops at one marked before.
fn unmark_block_tail(page: &mut Page, top: usize, anchor: usize) {
    let block_end = (top + 1..anchor)
        .find(|&k| page.is_set_apart(k))
        .unwrap_or(anchor);
    for role in &mut page.roles[top..block_end] {
        if *role == Role::Head {
            *role = Role::Body;
        }
    }
}

/// True when the lines from `top` down, taken for a byline's headline, are the tail of the
/// block above instead: printed in one block with a line of text as wide as the columns
/// (`common` ems) that leaves its sentence open, and finishing the word it broke
/// (`高原春来到，冰封的高原蓝` / `宝石青海湖 迎 来 开 湖`). A headline opens its block; text that
/// runs on into it is no headline. A headline's own first line is narrower (`加强创新，促进旅`
/// / `游业可持续发展`).
fn is_sentence_tail(page: &Page, top: usize, common: f32) -> bool {
    let Some(above) = top.checked_sub(1) else {
        return false;
    };
    let (line, upper) = (&page.lines[top], &page.lines[above]);
    !page.is_set_apart(top)
        && page.roles[above] == Role::Body
        && !upper.ends_sentence
        && upper.width >= 0.8 * common
        && !is_loose_head(page, above)
        && word_across_lines(upper.text, line.text)
}

/// Whether `text` leaves something open that a headline's last line closes: a quote or
/// title mark it opens (`…结果“牛`), or a clause it ends on a comma. A headline's first
/// line may end on one (`加强创新，` / `促进旅游业可持续发展`), its last never does.
fn ends_open(text: &str) -> bool {
    leaves_quote_open(text) || text.ends_with('，')
}

/// True when byline `anchor`, or a dateline alone on its line, stands between two lines of
/// one paragraph: the line right over it runs as wide as the columns without ending its
/// sentence, and the line right under it finishes the word it broke (`…让杨丽娜想` /
/// `本报记者 李 蕊` / `法多了`). Side-by-side stories print so; its headline is elsewhere.
fn splits_a_sentence(page: &Page, anchor: usize, common: f32) -> bool {
    let Some(line) = anchor.checked_sub(1).map(|above| &page.lines[above]) else {
        return false;
    };
    (page.roles[anchor] == Role::Byline || page.is_lone_lead(anchor))
        && page.roles.get(anchor + 1) == Some(&Role::Body)
        && line.width >= 0.8 * common
        && !line.ends_sentence
        && wrap_reads_on(line.text, page.lines[anchor + 1].text)
}

/// True when line `j`, right above text line `anchor`, is a label: a block of its own (or
/// set apart by blank lines, where a double-spaced dump tells no blocks), no wider than a
/// column's label, of ideographs alone, and no name (a byline stacked over another).
fn is_lone_label(page: &Page, j: usize, anchor: usize) -> bool {
    let line = &page.lines[j];
    j + 1 == anchor
        && page.roles[anchor] == Role::Body
        && page.is_set_apart(j)
        && page.is_set_apart(anchor)
        && line.width <= COLUMN_LABEL
        && line.text.chars().all(is_ideograph)
        && !page.names[j]
}

/// True when line `i` is the dangling end of a paragraph: the two lines above it run on
/// without ending a sentence and share the column's width.
///
/// Blank lines usually set a headline apart from the paragraph above it, but not every
/// dump has them; so the lines above must also read as the middle of running text, not as
/// a fresh start after a finished sentence, and fill one of the page's columns.
fn is_paragraph_tail(page: &Page, i: usize, columns: &[f32]) -> bool {
    if i < 2 || page.starts[i] || page.starts[i - 1] {
        return false;
    }
    let body = |k: usize| page.roles[k] == Role::Body;
    let (a, b) = (&page.lines[i - 1], &page.lines[i - 2]);
    // Columns are as wide as running text; narrower lines are a stacked headline, however
    // many such lines the page's narrow headlines give that width.
    let column = a.width >= RUNNING_WIDTH && fills_column(a.width, columns);
    // An English paragraph in lower case does not end in a line of capitals, nor in one of
    // title case that ends no sentence: that is a headline's top (`…will have a` / `DRUG
    // LAW APPLIES`, or `Newspaper Raises Price` over its dateline).
    // Asked last: the case tests read the line's letters.
    let line = &page.lines[i];
    let changes_case = || {
        !page.cjk
            && (is_capitals(line.text) && !is_capitals(a.text)
                || latin::is_title_case(line.text) && !line.ends_sentence)
    };
    body(i - 1)
        && body(i - 2)
        && column
        && !a.ends_sentence
        && !b.ends_sentence
        && (a.width - b.width).abs() <= 1.0
        && !changes_case()
}

/// Whether a line of `width` is as wide as one of the page's `columns` (any width when the
/// page shows no columns).
fn fills_column(width: f32, columns: &[f32]) -> bool {
    columns.is_empty() || columns.iter().any(|c| (c - width).abs() <= 1.0)
}
