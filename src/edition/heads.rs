//! Headline detection: which lines of a page are headline blocks (kicker, title, subtitle)
//! and which bare lines under them are bylines.
//!
//! Cues, most certain first: head-shaped lines right above a byline or dateline; a block
//! of a few head-shaped lines standing between blank lines (or stacked in a narrow column);
//! short lines opening a block of body text; capitalised lines above English prose (the
//! English rules are in [`super::latin`]); and head-shaped lines at the very end of a page
//! (printed after their body). Splitting a block into kicker, title and subtitle is
//! [`super::headline`]'s job.

use rustc_hash::FxHashMap;

use super::byline;
use super::classify::{is_box_label, starts_item, Page, Role, COLUMN_LABEL, RUNNING_WIDTH};
use super::furniture::JumpKind;
use super::headline;
use super::latin::{self, mark_latin_heads};
use super::order::{is_justified, word_across_lines, wrap_reads_on};
use super::script::{has_sentence_mark, is_ideograph, leaves_open};

/// Marks headline lines (`Role::Head`) and the bylines under them (`Role::Byline`).
pub fn mark_heads(page: &mut Page) {
    // The page's column widths, commonest first.
    let columns = frequent_widths(page);
    let n = page.lines.len();
    for i in 0..n {
        if let Some(anchor) = byline_anchor(page, i) {
            let mut top = i;
            if anchor == Role::Byline {
                page.roles[i] = Role::Byline;
                mark_byline_tail(page, i);
                top = mark_stacked_bylines(page, i);
            }
            mark_head_above(page, top, &columns);
        }
    }
    mark_standalone_heads(page);
    if page.cjk {
        mark_dash_kickers(page);
        mark_dash_subtitles(page);
        mark_dropped_in_heads(page);
        mark_block_heads(page);
        mark_rest_titles(page, &columns);
        mark_wide_heads(page, &columns);
    } else {
        mark_latin_heads(page);
    }
    mark_tail_head(page);
}

/// Whether line `i` anchors a headline above it: a byline line, a bare name right under a
/// head-shaped line, or a dateline opening a paragraph. Returns the role line `i` keeps.
fn byline_anchor(page: &Page, i: usize) -> Option<Role> {
    let text = page.lines[i].text;
    if page.roles[i] != Role::Body {
        return None;
    }
    if byline::parse_line(text).is_some() {
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
    // Nor is a short line under two other short lines: that is a stacked headline's end.
    let stacked = i >= 2 && page.lines[i - 1].width <= 3.0 && page.lines[i - 2].width <= 3.0;
    // Bylines of headlines set side by side stack one under another, the last maybe run
    // into the text under it: a bare name right under a byline is the next one.
    let under_byline = i > 0 && page.lines[i].blank_before && page.roles[i - 1] == Role::Byline;
    // A headline's wrap that looks like a name (`把盐碱地变` / `成米粮川`) finishes the word
    // the line above broke, and reads on in words.
    let under_head =
        |above: usize| is_head_shaped(page, above) && !wrap_reads_on(page.lines[above].text, text);
    // The cheap tests of place first: the name test reads a surname list, the word test
    // asks the segmenter.
    if page.cjk
        && i > 0
        && (closes_block && !stacked || under_byline)
        && byline::is_name_line(text)
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
    while top >= 2
        && (apart(top) || glued(top))
        && page.roles[top - 1] == Role::Body
        && byline::is_name_line(page.lines[top - 1].text)
        && is_head_shaped(page, top - 2)
    {
        top -= 1;
        page.roles[top] = Role::Byline;
    }
    top
}

/// A byline wrapped in a narrow column (`本报记者 刘` / `温馨`): the short remainder on the
/// next line of the same block belongs to it. A label set apart under the byline
/// (`本报记者 丁志军` / blank / `快评`) is no part of it.
fn mark_byline_tail(page: &mut Page, i: usize) {
    let Some(next) = page.lines.get(i + 1).filter(|l| !l.blank_before) else {
        return;
    };
    let name_part = next.text.chars().count() <= 3
        && next.text.chars().all(super::script::is_cjk)
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
    let mut taken = 0;
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
                || page.cjk && page.starts[j] && j + 1 == anchor);
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
        // A headline's last line closes every quote it opens; a sentence cut at the
        // column's edge may not (`…结果“牛` over another story's byline).
        let cut_quote = taken == 0 && page.cjk && leaves_quote_open(page.lines[j].text);
        // Two or three characters alone over the text (`要闻`, `快评`) are the page's or the
        // column's label, which heads no story, not its headline.
        if taken == 0 && page.cjk && is_lone_label(page, j, anchor) {
            page.roles[j] = Role::Drop;
            break;
        }
        // A name right over a dateline alone on its line is a byline, not a headline.
        if taken == 0
            && page.cjk
            && page.is_lone_lead(anchor)
            && byline::is_name_line(page.lines[j].text)
        {
            break;
        }
        if !(is_head_shaped(page, j) || titled || wrap)
            || is_paragraph_tail(page, j, columns)
            || body_like
            || cut_quote
        {
            break;
        }
        page.roles[j] = Role::Head;
        taken += 1;
        // Over an interrupting line, the headline is the block set apart there, no more.
        if interrupted && page.is_set_apart(j) {
            break;
        }
        if j > 0 && page.roles[j - 1] == Role::Body && page.lines[j - 1].ends_sentence {
            break;
        }
    }
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
        && !byline::is_name_line(line.text)
}

/// True when `text` opens more quotes or title marks than it closes.
fn leaves_quote_open(text: &str) -> bool {
    leaves_open(text, '“', '”') || leaves_open(text, '《', '》')
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
    body(i - 1)
        && body(i - 2)
        && column
        && !a.ends_sentence
        && !b.ends_sentence
        && (a.width - b.width).abs() <= 1.0
}

/// Whether a line of `width` is as wide as one of the page's `columns` (any width when the
/// page shows no columns).
fn fills_column(width: f32, columns: &[f32]) -> bool {
    columns.is_empty() || columns.iter().any(|c| (c - width).abs() <= 1.0)
}

/// A block of one to three head-shaped lines standing between blank lines is a headline
/// even without a byline, unless it is as wide as the page's body lines (a stray line of
/// a column that the dump cut out of order).
fn mark_standalone_heads(page: &mut Page) {
    // Where the dump interleaved the lines of several columns, most blocks are one line
    // long and a stray line as wide as a column is no headline; elsewhere width says little.
    // Blocks of one line come from headlines and bylines too: the page must also show the
    // rows' other sign, lines continued some rows on rather than on the next line.
    let widths = if page.may_interleave && is_interleaved(page) {
        frequent_widths(page)
    } else {
        Vec::new()
    };
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        // Dropped lines opening the block (a QR code's label printed beside a headline)
        // are no part of what it says either.
        let first = (i..end).find(|&k| page.roles[k] != Role::Drop);
        if let Some(first) = first.filter(|&f| page.starts[i] && page.roles[f] == Role::Body) {
            mark_standalone_block(page, first, end, &widths);
            // A headline found past the dropped lines opens a unit of its own.
            page.starts[first] |= page.roles[first] == Role::Head;
        }
        i = end;
    }
}

/// True when at least a third of the page's blocks are single lines.
fn is_interleaved(page: &Page) -> bool {
    let n = page.lines.len();
    let blocks = (0..n).filter(|&k| page.starts[k]).count();
    let singles = (0..n)
        .filter(|&k| page.starts[k] && (k + 1 == n || page.starts[k + 1]))
        .count();
    singles * 3 >= blocks && blocks >= 10
}

/// Looks at one blank-delimited block `i..next` for a standalone headline, a bare byline
/// or a column label.
fn mark_standalone_block(page: &mut Page, i: usize, next: usize, widths: &[f32]) {
    // Lines already dropped at the block's end (a QR code's label printed under a
    // headline, `扫码看视频`) are not part of what it says.
    let end = (i + 1..next)
        .rev()
        .find(|&k| page.roles[k] != Role::Drop)
        .map_or(i + 1, |k| k + 1);
    let single = end - i == 1;
    let text = page.lines[i].text;
    if page.cjk && single && byline::is_name_line(text) {
        // A bare name on its own, as under a headline or another byline, is a byline.
        page.roles[i] = Role::Byline;
        return;
    }
    if !page.cjk {
        if end - i <= 6 && (i..end).all(|k| is_head_shaped(page, k)) {
            (i..end).for_each(|k| page.roles[k] = Role::Head);
        }
        return;
    }
    let at_column = widths
        .iter()
        .any(|w| (w - page.lines[i].width).abs() <= 0.5);
    // Headlines set in a narrow column stack many short lines.
    let stacked = end - i <= 8 && (i..end).all(|k| page.lines[k].width <= 5.0);
    let aside = text.starts_with('（') && page.lines[end - 1].text.ends_with('）');
    let shaped = !aside && (i..end).all(|k| is_loose_head(page, k));
    let label = page.lines[i].width <= COLUMN_LABEL && stands_as_label(page, i, next, single);
    if label && is_loose_head(page, i) {
        // Two or three characters alone: a column's label (`快评`), not a headline.
        page.roles[i] = Role::Drop;
    } else if shaped
        && (stacked
            || (end - i <= 3 || end - i <= 4 && has_subtitle_line(page, i, end)) && !at_column)
        && !runs_on_from(page, end - 1, next)
    {
        (i..end).for_each(|k| page.roles[k] = Role::Head);
    }
}

/// Whether block `i..end` holds a subtitle: a line under its first opening with a dash
/// (`——国家发展改革委`). A title wrapped over its wrapped subtitle runs to four lines.
fn has_subtitle_line(page: &Page, i: usize, end: usize) -> bool {
    (i + 1..end).any(|k| page.lines[k].text.starts_with("——"))
}

/// Whether the short line `i`, opening the block that ends before `next`, stands as a
/// label: alone in its block; or set apart by blank lines above and below though the
/// block it was read into goes on (lines alone between blank lines read as the rows of
/// columns), unless it is a name (a byline printed inside the text, for the segmenter);
/// or right over a headline, past a QR code's label (`快评` / `扫码看视频` / headline).
fn stands_as_label(page: &Page, i: usize, next: usize, single: bool) -> bool {
    let set_apart = || page.lines[i + 1].blank_before && !byline::is_name_line(page.lines[i].text);
    let over_head = || {
        (i + 1..next)
            .find(|&k| page.roles[k] != Role::Drop)
            .is_some_and(|k| page.roles[k] == Role::Head)
    };
    single || set_apart() || over_head()
}

/// True when a word runs from the line before body line `k` into it: a headline never
/// runs a word on into the text under it (`…的‘金疙` / `瘩’，打开`), so lines that do are
/// text, a paragraph's start set narrow by its quotes.
fn runs_on(page: &Page, k: usize) -> bool {
    k > 0 && runs_on_from(page, k - 1, k)
}

/// True when a word runs from line `above` into body line `k` ([`runs_on`] across lines
/// dropped between them).
fn runs_on_from(page: &Page, above: usize, k: usize) -> bool {
    page.roles.get(k) == Some(&Role::Body)
        && word_across_lines(page.lines[above].text, page.lines[k].text)
}

/// A line that may be a headline with no byline to vouch for it: head-shaped, and with no
/// clause break inside the line (`“以前，由于种植不成规` is a quoted sentence's start).
fn is_loose_head(page: &Page, k: usize) -> bool {
    if page.roles[k] == Role::Head {
        return true;
    }
    is_head_shaped(page, k) && !breaks_inside(page.lines[k].text, &CLAUSE_BREAKS)
}

/// The marks that break a clause inside a line; a headline with no witness holds none.
const CLAUSE_BREAKS: [char; 3] = ['，', '、', '：'];

/// Whether one of `marks` stands inside `text`, not at its end.
fn breaks_inside(text: &str, marks: &[char]) -> bool {
    text.char_indices()
        .any(|(at, c)| marks.contains(&c) && at + c.len_utf8() < text.len())
}

/// A line that ends in a kicker's dash (`山东运用大数据赋能社会救助——`), with no clause break
/// inside, right above a box label or a headline line is a kicker whatever its width: running
/// text breaks at a dash only inside a sentence, and goes on in text. A kicker may list
/// places or parties (`摩纳哥、德国、新加坡探索旅游业新模式——`): an enumeration comma is
/// no clause break.
fn mark_dash_kickers(page: &mut Page) {
    for k in 0..page.lines.len().saturating_sub(1) {
        let next = &page.lines[k + 1];
        let above_head = page.roles[k + 1] == Role::Head || is_box_label(next.text);
        if page.roles[k] == Role::Body
            && ends_in_dash(page, k)
            && above_head
            && is_head_shaped(page, k)
            && !breaks_inside(page.lines[k].text, &['，', '：'])
        {
            page.roles[k] = Role::Head;
            page.starts[k] = true;
        }
    }
}

/// A title over its subtitle opening with a dash (`“十四五”规划目标任务圆满完成` /
/// `——国家发展改革委有关负责人答记者问`) over text is a headline however the dump spaced its
/// lines: running text breaks at a dash only inside a sentence, so a line opening with one
/// under lines that start fresh, after a finished sentence, is no text's. The title may wrap
/// onto a second line (`…目标任务` / `圆满完成`), and so may the subtitle, onto a line no
/// wider than it that the text's first line outruns (`——国家发展改革委` / `有关负责人答记者问`).
fn mark_dash_subtitles(page: &mut Page) {
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
        let fresh =
            |j: usize| j == 0 || page.roles[j - 1] != Role::Body || page.lines[j - 1].ends_sentence;
        let Some(title) =
            (k.saturating_sub(TITLE_LINES)..k).find(|&t| fresh(t) && (t..k).all(head_line))
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

/// Whether line `k` is a jump-from line (`（上接第1版）`), which opens a story's rest.
fn is_jump_from(page: &Page, k: usize) -> bool {
    page.jump_kind(k) == Some(JumpKind::From)
}

/// The most lines a headline over a jump-from line runs to.
const REST_TITLE_LINES: usize = 3;

/// Marks the headline of a story's rest: the head-shaped lines set apart right over a
/// jump-from line (`用好“金角银边”，建设口袋公园` / `（上接第1版）`). A newspaper prints the
/// rest's headline, then the jump line, then the text; the jump line vouches for the lines
/// over it, so they may hold the commas that keep a line with no such witness in the text.
/// Lines a word runs into or out of are text that the dump cut around the jump line
/// (`…及时对` / `行业监管…突出问` / `（上接第6版）` / `题提出建议…`).
fn mark_rest_titles(page: &mut Page, columns: &[f32]) {
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
    (k.saturating_sub(REST_TITLE_LINES)..k)
        .rev()
        .take_while(|&j| page.roles[j] == Role::Body && may_title_rest(page, j, common))
        .find(|&j| opens_block(j))
}

/// Whether body line `j` may be a line of a rest's headline: head-shaped and no name or
/// column label; and if a clause breaks inside it, not as wide as the page's commonest
/// column (`common` ems): that is a column's line cut mid-clause (`边建起观景台、跑起小火
/// 车，推出`), where a headline with a comma is set to its own width.
fn may_title_rest(page: &Page, j: usize, common: f32) -> bool {
    let line = &page.lines[j];
    let column_clause =
        (line.width - common).abs() <= 0.5 && breaks_inside(line.text, &CLAUSE_BREAKS);
    is_head_shaped(page, j)
        && line.width > COLUMN_LABEL
        && !byline::is_name_line(line.text)
        && !column_clause
}

/// How many ems wider than every column of the page a line must run to be no column's.
const WIDER_THAN_COLUMNS: f32 = 2.0;

/// Marks head-shaped body lines that run wider than every column of the page, and than
/// the body lines beside them, as headline lines (`上海每万人口高价值发明专利拥有量达57.9件`
/// among lines of 13 to 16 ems): text never runs wider than its column, so such a line was
/// set across columns, as headlines and kickers are, wherever the dump put it. A line as
/// wide as a body line beside it is of a column of that width, too short for the page's
/// column widths to count (one story set wider than the rest).
fn mark_wide_heads(page: &mut Page, columns: &[f32]) {
    let Some(widest) = columns.iter().copied().reduce(f32::max) else {
        return;
    };
    let n = page.lines.len();
    for k in 0..n {
        let width = page.lines[k].width;
        if width < widest + WIDER_THAN_COLUMNS || page.roles[k] != Role::Body {
            continue;
        }
        let beside_as_wide = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| j < n && page.roles[j] == Role::Body)
            .any(|j| page.lines[j].width > width - WIDER_THAN_COLUMNS);
        if !beside_as_wide && is_head_shaped(page, k) {
            page.roles[k] = Role::Head;
            page.starts[k] = true;
        }
    }
}

/// Whether line `k` ends in a kicker's dash (`——`).
fn ends_in_dash(page: &Page, k: usize) -> bool {
    page.lines[k].text.ends_with("——")
}

/// A short head-shaped line that pdftotext dropped into a column: the lines on either side
/// of it continue each other, a word running across it (`…让找厕所成了苦` / `嘉陵江流域综合
/// 规划获批` / `恼事。…`: 苦恼), so it is not part of that text but a headline set beside it.
fn mark_dropped_in_heads(page: &mut Page) {
    for i in 1..page.lines.len().saturating_sub(1) {
        let (prev, line, next) = (&page.lines[i - 1], &page.lines[i], &page.lines[i + 1]);
        let body = |k: usize| page.roles[k] == Role::Body;
        let in_text = body(i - 1) && body(i) && body(i + 1) && !page.starts[i + 1];
        if !in_text
            || prev.ends_sentence
            || line.width > prev.width - 3.0
            || !is_loose_head(page, i)
        {
            continue;
        }
        if word_across_lines(prev.text, next.text) {
            page.roles[i] = Role::Head;
            page.starts[i] = true;
            page.starts[i + 1] = true;
        }
    }
}

/// Ems a paragraph's first line falls short of its column by, its indent lost (less a
/// little for figures set narrow).
const PARAGRAPH_INDENT: f32 = 1.5;

/// A block that opens with two or three short lines that end no sentence, then runs on
/// in full lines (or a jump line): the short lines are a headline. Body text breaks a
/// line early only at a paragraph's end, so short lines that end no sentence are not body.
fn mark_block_heads(page: &mut Page) {
    // The page's commonest column width, for blocks too short to show their own.
    let common = frequent_widths(page).first().copied().unwrap_or(0.0);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        if !page.starts[i] || page.roles[i] != Role::Body {
            i = end;
            continue;
        }
        let widest = (i..end)
            .filter(|&k| page.roles[k] == Role::Body)
            .map(|k| page.lines[k].width)
            .fold(common, f32::max);
        // A kicker's dash promises the title under it, however wide its type runs. (Lines
        // over a jump-from line as wide as the text are `mark_rest_titles`' to judge.)
        let under_kicker = i > 0 && page.roles[i - 1] == Role::Head && ends_in_dash(page, i - 1);
        let run = (i..end)
            .take_while(|&k| {
                is_loose_head(page, k)
                    && (page.lines[k].width <= widest - 3.0 || under_kicker && k == i)
            })
            .count();
        let next = i + run;
        let then_jump = next < end && page.roles[next] == Role::Jump;
        let then_body = next < end && page.roles[next] == Role::Body && !page.leads[next];
        // A picture's caption printed between a headline and its text, or nothing more in
        // the block: no text under the line to run on into.
        let then_no_text = next == end || matches!(page.roles[next], Role::Caption | Role::Credit);
        // Under text, a short line is a subhead of that text, not another story's head.
        let after_text = i > 0 && matches!(page.roles[i - 1], Role::Body | Role::Head);
        let then_paragraph = then_body && !after_text && is_over_paragraph(page, i, end, widest);
        // Short lines that run a word on into the text under them start a paragraph.
        let heads_block = (2..=3).contains(&run)
            && (then_body && !runs_on(page, next) || then_jump)
            || run == 1
                && (then_jump
                    || under_kicker && (then_body && !runs_on(page, next) || then_no_text)
                    || then_paragraph && !runs_on(page, next));
        // A headline closes every quote it opens; text broken into short lines may not
        // (`“把种在地里的‘土疙` / `瘩’变成村民增收的‘金` / `疙瘩’，打开销路…`).
        let closes_quotes = || {
            let run_text: String = (i..next).map(|k| page.lines[k].text).collect();
            !leaves_quote_open(&run_text)
        };
        if heads_block && closes_quotes() {
            (i..next).for_each(|k| page.roles[k] = Role::Head);
        } else if run == 0 && !after_text && is_wide_head_over_text(page, i, end) {
            page.roles[i] = Role::Head;
        }
        i = end;
    }
}

/// Whether line `i`, opening block `i..end` (its widest line `widest` ems), stands over a
/// paragraph's first line (short by its lost indent, the line under it wider) as no text
/// would: as text it would be a paragraph of one line, which ends a sentence. A subhead
/// opening the text under a byline stands so too, but repeats the words of its section;
/// another story's headline printed over the text does not.
fn is_over_paragraph(page: &Page, i: usize, end: usize, widest: f32) -> bool {
    let next = i + 1;
    next + 1 < end
        && !page.lines[i].ends_sentence
        && page.lines[next].width <= widest - PARAGRAPH_INDENT
        && page.lines[next + 1].width > page.lines[next].width + 0.5
        // Widths of lines stretched by layout spaces say nothing of indents.
        && !is_justified(page.lines[i].text)
        && !is_justified(page.lines[next].text)
        && !speaks_of(page, i, next..end.min(next + SECTION_LINES))
}

/// Whether line `i`, opening block `i..end`, is a headline set wider than the text under
/// it (`广州建设四大生物医药价值园区` over a column of 11 to 13 ems): text never runs wider
/// than its column, and a subhead stands within it.
fn is_wide_head_over_text(page: &Page, i: usize, end: usize) -> bool {
    const WIDER: f32 = 1.0;
    if end - i < 3 || page.roles[i + 1] != Role::Body || page.lines[i].ends_sentence {
        return false;
    }
    let below = (i + 1..end.min(i + 1 + SECTION_LINES))
        .filter(|&k| page.roles[k] == Role::Body)
        .map(|k| page.lines[k].width)
        .fold(0.0, f32::max);
    page.lines[i].width > below + WIDER && is_loose_head(page, i) && !runs_on(page, i + 1)
}

/// Lines of text under a subhead read for its words.
pub const SECTION_LINES: usize = 30;
/// Distinct word pairs of a subhead its section shows: one may be a word every story
/// of the page uses (`创新`, `发展`).
const SECTION_PAIRS: usize = 2;

/// Whether the text of `lines` shows [`SECTION_PAIRS`] of line `i`'s word pairs.
fn speaks_of(page: &Page, i: usize, lines: std::ops::Range<usize>) -> bool {
    pairs_shared_with(page, i, lines) >= SECTION_PAIRS
}

/// How many distinct pairs of adjacent ideographs of line `i` the text of `lines` shows.
pub fn pairs_shared_with(page: &Page, i: usize, lines: impl Iterator<Item = usize>) -> usize {
    let line = |k: usize| (page.lines[k].text, page.lines[k].width);
    let section: Vec<_> = lines.map(line).collect();
    headline::word_pairs_shared(&[line(i)], &section)
}

/// Widths that at least five body lines not ending a sentence share: the page's columns,
/// commonest first (of two as common, the one seen first).
fn frequent_widths(page: &Page) -> Vec<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    // Widths are whole half ems (see `script::measure`), so equal widths share a key: a
    // map finds a line's width in one step, where a search went through every width seen.
    let mut seen: FxHashMap<u32, usize> = FxHashMap::default();
    for (l, r) in page.lines.iter().zip(&page.roles) {
        if *r != Role::Body || l.ends_sentence || l.width < 6.0 {
            continue;
        }
        let at = *seen.entry((l.width * 2.0) as u32).or_insert_with(|| {
            counts.push((l.width, 0));
            counts.len() - 1
        });
        counts[at].1 += 1;
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 5)
        .map(|(w, _)| w)
        .collect()
}

/// Head-shaped lines at the very end of a page, after a finished sentence: a headline the
/// PDF emitted after its article's body.
fn mark_tail_head(page: &mut Page) {
    let mut end = page.lines.len();
    while end > 0 && matches!(page.roles[end - 1], Role::Drop | Role::Jump) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 5 && is_loose_head(page, start - 1) {
        start -= 1;
    }
    let settled =
        start == 0 || page.roles[start - 1] != Role::Body || page.lines[start - 1].ends_sentence;
    if start < end && settled {
        (start..end).for_each(|k| page.roles[k] = Role::Head);
        page.starts[start] = true;
    }
}

/// Could this line be part of a headline? No sentence inside, not too long, not a line
/// broken off mid-clause.
pub fn is_head_shaped(page: &Page, i: usize) -> bool {
    let line = &page.lines[i];
    if page.roles[i] != Role::Body || page.leads[i] {
        return false;
    }
    if page.cjk {
        // A title wrapped inside quotes (`设施更“懂人` / `” 城市更文明`) continues with the
        // closing quote.
        let in_quote = i > 0 && leaves_open(page.lines[i - 1].text, '“', '”');
        // The quote's rest (`中、处处皆景”`) is a phrase of the title, whatever its
        // enumeration commas: only the text after it can read as a broken-off clause.
        let text = match in_quote.then(|| line.text.split_once('”')).flatten() {
            Some((quoted, rest)) if !quoted.contains(['，', '。', '；']) => rest.trim_start(),
            _ => line.text,
        };
        is_cjk_head_text(text, line.width)
    } else {
        page.latin_head[i]
    }
}

/// A Chinese headline line has no sentence in it, is not too wide, and is not a clause
/// broken off another line, a parenthetical note, a box label or a numbered item.
fn is_cjk_head_text(text: &str, width: f32) -> bool {
    let broken =
        text.ends_with(['、', '；']) || text.starts_with(['，', '。', '、', '”', '）', '【']);
    // A parenthetical note (`（摘编自……）`), or its last line, is never a headline.
    let aside = text.starts_with('（') || text.ends_with('）') && !text.contains('（');
    // `了，觉得……`: a line that opens with the end of a clause continues a sentence.
    let continues = text
        .chars()
        .take(3)
        .any(|c| matches!(c, '，' | '。' | '、' | '；'));
    let too_wide = width > 40.0;
    let label = starts_item(text) || is_box_label(text);
    !(has_sentence_mark(text) || too_wide || broken || aside || continues || label)
}

#[cfg(test)]
mod tests {
    use crate::edition::classify::{classify, Role};
    use crate::edition::lines::to_lines;

    /// A short headline stacked right under a finished paragraph, with no blank line to
    /// set it apart, is still a headline: its lines are narrower than the column.
    #[test]
    fn narrow_headline_under_a_paragraph_without_blank_lines() {
        let text = "各地紧盯重点项目建设进度，加快推\n进设备安装调试和试生产，力争早日\n\
                    达产达效，为全年目标打下坚实基础\n以项目建设的实绩检验干部作风。\n\
                    三地十个项目\n迎来年终检阅\n王明参加\n\
                    新华社长沙11月8日电 8日上午，全省\n重点项目观摩活动在三地举行，观摩\n\
                    组先后考察了十个在建和新建项目，\n详细了解项目推进情况和存在的困难\n\
                    并现场协调解决，推动项目早日建成。";
        let page = classify(to_lines(text), true);
        assert_eq!(&page.roles[4..7], &[Role::Head; 3]);
        assert_eq!(page.roles[3], Role::Body);
        // The same with the dateline wrapped before its 电.
        let wrapped = text.replace(
            "新华社长沙11月8日电 8日上午",
            "新华社长沙11\n月8日电 8日上午",
        );
        let page = classify(to_lines(&wrapped), true);
        assert_eq!(&page.roles[4..7], &[Role::Head; 3], "wrapped dateline");
        // And an agency's 消息 wrapped inside the word.
        let wrapped = text.replace("新华社长沙11月8日电 8日上午", "央视网消\n息 8日上午，全省");
        let page = classify(to_lines(&wrapped), true);
        assert_eq!(&page.roles[4..7], &[Role::Head; 3], "wrapped 消息");
    }

    /// A headline that pdftotext dropped between two lines of a column, which a word runs
    /// across (苦恼), is no line of that text.
    #[test]
    fn headline_dropped_inside_a_sentence() {
        let text = "找到厕所”。其实，该街区公厕并不少，\n但指示牌只注重了统一美观，实用性\n\
                    不强，街区里的游客找厕所成了苦\n\n嘉陵江流域综合规划获批\n\
                    恼事。收到反馈后，街区强化了指示牌\n的提示效果。网友评价也变好了。";
        let page = classify(to_lines(text), true);
        assert_eq!(page.roles[3], Role::Head);
        assert!(page
            .roles
            .iter()
            .enumerate()
            .all(|(k, r)| k == 3 || *r == Role::Body));
        // Without a word across it, a short line is a paragraph's last.
        let text = text.replace("恼事。收到反馈后", "收到反馈后，街区");
        let page = classify(to_lines(&text), true);
        assert_eq!(page.roles[3], Role::Body);
    }

    /// A kicker's dash promises a title: the one line under it heads the text that
    /// follows, as wide as a column line or not; with no kicker above, it is text.
    #[test]
    fn the_line_under_a_kicker_is_its_title_however_wide() {
        let text = "中国科学院天津工业生物技术研究所研究员蔡韬——\n\n\
                    深耕人工合成淀粉“无人区”\n为贯彻落实党中央决策部署，\n\
                    进一步做好基层治理工作，今\n年以来，我市各级各部门坚持\n\
                    问题导向，取得了明显成效。";
        let page = classify(to_lines(text), true);
        assert_eq!(&page.roles[..2], &[Role::Head; 2]);
        assert!(page.roles[2..].iter().all(|&r| r == Role::Body));
        let text = text.replace("研究员蔡韬——", "研究员蔡韬介绍。");
        let page = classify(to_lines(&text), true);
        assert_eq!(page.roles[1], Role::Body);
    }

    /// A headline set three lines of six characters over its byline is a headline, also on
    /// a page whose other narrow headlines make six characters a common width: no column
    /// of running text is that narrow.
    #[test]
    fn a_narrow_headline_is_no_paragraph_tail_where_narrow_heads_are_common() {
        let body = "为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\
                    年以来，我市各级各部门坚持\n问题导向，取得了明显成效。\n";
        let text = format!(
            "助力平台企业\n发挥作用提高\n政务服务质效\n本报记者 张 驰\n\n{body}\n\
             全市新建口袋\n公园一百二十\n个方便群众休\n本报记者 王明\n\n{body}{body}"
        );
        let page = classify(to_lines(&text), true);
        assert_eq!(&page.roles[..3], &[Role::Head; 3]);
        assert_eq!(&page.roles[8..11], &[Role::Head; 3]);
    }

    /// A short line stacked over a paragraph's first line right under another story's
    /// byline is a headline when the text under it does not speak of it (another story's
    /// headline printed over this one's text); one whose words the text repeats is the
    /// text's first subhead, and stays text here.
    #[test]
    fn a_foreign_head_over_a_paragraph_start_is_a_headline_a_subhead_is_not() {
        let text = |line: &str| {
            format!(
                "基层治理见实效\n本报记者 王明\n\n{line}\n近年来，我市新建口袋公园\n\
                 一百二十个，市民出门五百米就\n能走进一座公园，城市更加宜居\n也更加美丽了。"
            )
        };
        let foreign = text("全省粮食生产再获丰收");
        let page = classify(to_lines(&foreign), true);
        assert_eq!(page.roles[2], Role::Head);
        assert_eq!(page.roles[3], Role::Body);
        let subhead = text("口袋公园建设提速");
        let page = classify(to_lines(&subhead), true);
        assert_ne!(page.roles[2], Role::Head);
    }

    /// A title wrapped inside its quote (`构建“城在园` / `中、处处皆景”`) is head-shaped
    /// though its second line opens with a comma; outside a quote such a line is text.
    #[test]
    fn a_quoted_phrase_wrapped_with_its_comma_is_head_shaped() {
        let body =
            "\n\n每天晚饭后，家住狮山商务创新\n区的林女士，都要到楼下的环\n山河口袋公园散步。";
        let quoted = format!("构建“城在园\n中、处处皆景”\n丁志军{body}");
        let page = classify(to_lines(&quoted), true);
        assert_eq!(&page.roles[..3], &[Role::Head, Role::Head, Role::Byline]);
        let bare = format!("构建城在园\n中、处处皆景\n丁志军{body}");
        let page = classify(to_lines(&bare), true);
        assert_ne!(page.roles[1], Role::Head);
    }

    /// A headline's last line that reads like a name (`成米粮川`: 成 is a surname) is its
    /// wrap when it finishes the word the line above broke (变成); a name under a
    /// finished title is its byline.
    #[test]
    fn a_wrap_that_looks_like_a_name_is_no_byline() {
        let body = "\n\n我国盐碱地多，开展盐碱地综合改造\n利用意义重大。2006年，我带领团\n\
                    队来到吉林开展盐碱地改良研究。";
        let wrapped = format!("把盐碱地变\n成米粮川{body}");
        let page = classify(to_lines(&wrapped), true);
        assert_eq!(&page.roles[..2], &[Role::Head; 2]);
        let signed = format!("把盐碱地变成米粮川\n窦皓{body}");
        let page = classify(to_lines(&signed), true);
        assert_eq!(&page.roles[..2], &[Role::Head, Role::Byline]);
        // A name that makes a word with the title's last character (多曲) by chance: what
        // is left of it (哲涵) reads on in no words.
        let chance = format!("游客一年更比一年多\n曲哲涵{body}");
        let page = classify(to_lines(&chance), true);
        assert_eq!(&page.roles[..2], &[Role::Head, Role::Byline]);
        // Two writers' names stacked in the headline's block are both bylines; a wrap
        // over a name stays the headline's.
        let two = format!("把盐碱地变成米粮川\n窦皓\n丁志军{body}");
        let page = classify(to_lines(&two), true);
        assert_eq!(&page.roles[..3], &[Role::Head, Role::Byline, Role::Byline]);
        let wrap = format!("把盐碱地变\n成米粮川\n窦皓{body}");
        let page = classify(to_lines(&wrap), true);
        assert_eq!(&page.roles[..3], &[Role::Head, Role::Head, Role::Byline]);
    }

    /// A line alone over a jump-from line titles the story's rest, as wide as a column
    /// line or not.
    #[test]
    fn the_line_over_a_jump_from_line_titles_the_rest() {
        let text = "干事创业要善于抓“牛鼻子”\n（上接第2版）\n\n\
                    人们只要找到“牵一发而动全\n身”的关键点，就能起到“一子\n\
                    落而满盘活”的作用。";
        let page = classify(to_lines(text), true);
        assert_eq!(&page.roles[..2], &[Role::Head, Role::Jump]);
        assert!(page.roles[2..].iter().all(|&r| r == Role::Body));
    }

    /// The jump-from line vouches for the headline over it, commas and all, wrapped over
    /// two lines or not; a headline with no such witness may not hold a comma.
    #[test]
    fn a_headline_with_a_comma_over_a_jump_from_line_titles_the_rest() {
        let rest = "\n\n头顶上的立交桥说。从利用“金角\n银边”打造的口袋公园，到市民用\n晨跑开启一天生活的兴隆湖绿道。";
        for head in [
            "用好“金角银边”，建设口袋公园",
            "来公园，20分钟\n感受自然“疗愈”",
        ] {
            let text = format!("{head}\n（上接第1版）{rest}");
            let page = classify(to_lines(&text), true);
            let lines = head.lines().count();
            assert!(
                page.roles[..lines].iter().all(|&r| r == Role::Head),
                "{head}"
            );
            assert_eq!(page.roles[lines], Role::Jump, "{head}");
            assert!(
                page.roles[lines + 1..].iter().all(|&r| r == Role::Body),
                "{head}"
            );
        }
    }

    /// Column lines that the dump cut around a jump-from line are text, not its headline:
    /// a line as wide as the page's column with a clause break inside, and a line a word
    /// runs out of into the rest's text (`…突出问` / `题提出建议`).
    #[test]
    fn column_lines_cut_around_a_jump_from_line_are_text() {
        let column = "去年以来，景区围绕山水资源做文\n章，引来了四面八方的游客，让村\n\
                      里的民宿一房难求。村民们说，日\n子越过越有奔头了，大家都很高兴\n\n";
        for (cut, rest) in [
            ("边建起观景台、跑起小火车，推出", "更多文旅项目。"),
            (
                "行业监管漏洞及企业管理不规范突出问",
                "题提出建议。截至目前，法庭已化解矛盾。",
            ),
        ] {
            let text = format!("{column}{cut}\n（上接第2版）\n\n{rest}");
            let page = classify(to_lines(&text), true);
            let jump = page.roles.iter().position(|&r| r == Role::Jump).unwrap();
            assert_eq!(page.roles[jump - 1], Role::Body, "{cut}");
        }
    }

    /// A name or a column's label over a jump-from line is a byline or a label, never the
    /// rest's headline.
    #[test]
    fn a_name_or_label_over_a_jump_from_line_is_no_title() {
        for line in ["欧阳晓娟", "链接"] {
            let text = format!(
                "{line}\n（上接第7版）\n\n人们只要找到“牵一发而动全\n身”的关键点，就能起到作用。"
            );
            let page = classify(to_lines(&text), true);
            assert_ne!(page.roles[0], Role::Head, "{line}");
        }
    }

    /// A dateline alone on its line, a blank line under it, opens the text under it as
    /// one run into its first line would: the line over it is the story's headline.
    #[test]
    fn a_headline_over_a_dateline_alone_on_its_line() {
        let text = "教育家精神2025年巡回宣讲活动启动\n本报北京2月25日电\n\n\
                    科学的世界观和方法论是我们\n党的十八大以来，我们始终坚持。";
        let page = classify(to_lines(text), true);
        assert_eq!(page.roles[0], Role::Head);
        assert!(page.opens_with_lead(1));
    }

    /// Over a dateline alone on its line, neither a name (a byline), nor a column line
    /// stretched by layout spaces with a clause inside, nor a line whose sentence the
    /// dateline cuts (`…开展盐碱地综` / dateline / `合改造…`: 综合) is a headline.
    #[test]
    fn no_headline_over_a_dateline_from_a_name_or_a_column_line() {
        let column = "桥下长满了爬山虎，将桥墩包\n裹住，穿行其中，满目绿意。桥\n下的空地上建起了篮球场和健\n身步道，附近的居民每天都来\n这里锻炼身体，孩子们在这里\n奔跑嬉戏，老人们在树荫下下\n棋聊天，一派热闹的景象。\n\n";
        for above in [
            "曲哲涵",
            "当时，很多科学家向这个\n领域发起挑 战 ， 但 始",
            "我国盐碱地多，开展盐碱地综",
        ] {
            let text = format!(
                "{column}{above}\n本报长春2月25日电\n\n合改造利用意义重大。2006年，\n我回国加入中国农业大学。"
            );
            let page = classify(to_lines(&text), true);
            let lead = page
                .lines
                .iter()
                .position(|l| l.text.ends_with('电'))
                .unwrap();
            assert_ne!(page.roles[lead - 1], Role::Head, "{above}");
        }
    }

    /// A box's label printed between a headline and its byline leaves the headline the
    /// byline's. The page's rows are interleaved (single lines between blank lines, the
    /// headline as wide as a column), so only the byline can vouch for the headline.
    #[test]
    fn a_box_label_between_a_headline_and_its_byline() {
        let rows = [
            "合作社整合了草场资",
            "年收入达到了一百四",
            "万元村民们的日子也",
        ];
        let rows2 = [
            "越过越红火大家都说",
            "现在的生活真是越来",
            "越好了我们要继续努",
        ];
        let mut text: String = rows
            .iter()
            .chain(&rows2)
            .map(|r| format!("{r}\n\n"))
            .collect();
        text += "（下转第4版）\n\n春风吹暖牧民的心\n\n【延伸阅读】\n\n本报记者 潘 妙\n\n\
                 高原春来到，冰封的高原蓝宝石\n青海湖迎来开湖季。";
        let page = classify(to_lines(&text), true);
        let head = page
            .lines
            .iter()
            .position(|l| l.text == "春风吹暖牧民的心")
            .unwrap();
        assert_eq!(page.roles[head], Role::Head);
        assert_eq!(page.roles[head + 2], Role::Byline);
    }

    /// A line wider than every column of the page was set across columns: a headline,
    /// wherever the dump put it among the text. A sentence that wide is no headline, nor
    /// are the lines of a story set in a wider column than the page's other stories.
    #[test]
    fn a_line_wider_than_every_column_is_a_headline() {
        let column = "过去15年，我一直专注基础研\n究。一次实验中观察到的全新\n\
                      物理现象，让我触碰到世界科\n学前沿领域，引力子物理在凝\n\
                      聚态物质中的实现。当时很多\n科学家向这个领域发起挑战，\n";
        for (wide, head) in [
            ("上海每万人口高价值发明专利拥有量达57.9件", true),
            ("上海每万人口高价值发明专利拥有量达到了新高。", false),
            (
                "走进吉林省延边朝鲜族自治州和龙\n市东城镇光东村，庭院里不时飘出",
                false,
            ),
        ] {
            let text = format!("{column}{wide}\n但始终没有突破。我带领团队花\n了3年时间终于搭建出世界上第\n一台观测装置。");
            let page = classify(to_lines(&text), true);
            let first = wide.lines().next().unwrap();
            let k = page.lines.iter().position(|l| l.text == first).unwrap();
            assert_eq!(page.roles[k] == Role::Head, head, "{wide}");
        }
    }

    /// Bylines of two headlines set side by side stack under them; the second runs into
    /// the text with no blank line between, and is still a byline, not the text's start.
    #[test]
    fn a_bare_name_under_a_byline_is_the_next_byline() {
        let text = "瞄准基础研究最前沿\n\n冰雪景区\n“一专多能”\n\n李蕊\n\n严米金\n\
                    过去15年，我一直专注基础研究。一次实验中\n观察到的全新物理现象，让我触碰到世界科学\n\
                    前沿领域。";
        let page = classify(to_lines(text), true);
        assert_eq!(&page.roles[3..5], &[Role::Byline; 2]);
        assert_eq!(page.roles[5], Role::Body);
    }

    /// Short lines that run a word on into the line under them (疙瘩) open a paragraph, set
    /// narrow by its quotes; the same lines with no word across are a headline.
    #[test]
    fn short_lines_running_a_word_on_are_no_headline() {
        let text = "好山好水，出好农货，咋卖好价钱呢\n上好价？\n\n“把种在地里的‘土疙\n\
                    瘩’变成村民增收的‘金疙\n\n瘩’，打开销路是关键。”3月11\n\
                    日，走上“代表通道”的江西萍乡\n武功山茅店村党总支书记谭新萍\n\
                    代表说，乡亲们的瓜果蔬菜卖不上";
        let page = classify(to_lines(text), true);
        assert!(page.roles[2..4].iter().all(|&r| r != Role::Head));
        let text = text.replace("瘩’，打开销路", "要打开销路");
        let page = classify(to_lines(&text), true);
        assert_eq!(&page.roles[2..4], &[Role::Head; 2]);
    }

    /// Two lines of a story's text printed over another story's byline are no headline
    /// when the last leaves a quote open: a headline's last line closes its quotes.
    #[test]
    fn a_line_leaving_a_quote_open_over_a_byline_is_no_headline() {
        let text = "科学的世界观和方法论是我们研究\n问题、解决问题的“总钥匙”。掌握了科\n\
                    学的方法论，往往能事半功倍。讲重点\n论，就要求我们善于抓“牛鼻子”。\n\
                    《吕氏春秋》记载了一个耐人寻味\n的故事：让大力士去拉牛尾，结果“牛\n\
                    本报记者 窦 皓\n\n四川成都警方通报，百万粉丝网红\n\
                    孙某为博取关注，故意在网络平台发布\n自杀离世等虚假信息。";
        let page = classify(to_lines(text), true);
        assert_eq!(&page.roles[4..6], &[Role::Body; 2]);
        let closed = text.replace("结果“牛", "结果“牛”");
        let page = classify(to_lines(&closed), true);
        assert_eq!(&page.roles[4..6], &[Role::Head; 2]);
    }

    /// A column's label set right over a headline, a QR code's label between them, is
    /// dropped: it opens no story's text.
    #[test]
    fn a_label_over_a_headline_past_a_qr_label_is_dropped() {
        let text = "在民间历史文献调查工作的路\n（下转第18版）\n\n快评\n扫码看视频\n精彩视频\n\
                    助力平台企业发挥作用\n提高政务服务质效\n\n张驰\n\n\
                    习近平总书记强调：“坚持\n依法管网、依法办网、依法上\n\
                    网”。当前，短视频、社交媒\n体、电商平台等各种业态的网络平台蓬勃成长。";
        let page = classify(to_lines(text), true);
        assert_eq!(page.roles[2], Role::Drop, "{:?}", page.roles);
        assert_eq!(&page.roles[5..7], &[Role::Head; 2]);
    }
}
