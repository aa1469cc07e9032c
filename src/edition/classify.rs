//! Line roles: what each line of a page is, decided from the line and its neighbours.
//!
//! Order matters and follows how sure each cue is: furniture, jump lines and photo credits
//! first (their wording gives them away), then the captions above credits, then bylines
//! and datelines, then the headline blocks that sit above a byline or stand alone between
//! blank lines, and last the in-article subheads. Everything left is body text.
//! Paragraph ends are decided here too, from the column width around each line.
//! This module does not build articles; [`super::segment`] does.

use super::byline;
use super::furniture::{find_jump, is_furniture, is_qr_label};
use super::lines::{is_boundary, Line};
use super::script::{ends_sentence, has_sentence_mark, upper_ratio};

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Body,
    /// Page furniture or a QR label: dropped.
    Drop,
    /// A whole-line jump (`（下转第3版）`).
    Jump,
    /// A photo credit (`… 摄`).
    Credit,
    /// A line of a photo caption.
    Caption,
    /// A byline on its own line (`本报记者 周 欢`, a bare name under a headline).
    Byline,
    /// A line of a headline block (kicker, title, subtitle).
    Head,
    /// A line of an in-article subhead, numbered item heading or box label.
    Heading,
}

/// The roles of a page's lines, plus where units start and paragraphs end.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    pub lines: Vec<Line<'a>>,
    pub roles: Vec<Role>,
    /// The line starts a new unit even when the previous line has the same role.
    pub starts: Vec<bool>,
    /// A body line that ends its paragraph.
    pub para_end: Vec<bool>,
    /// The line opens with a dateline (on its own, without the next line).
    pub leads: Vec<bool>,
    pub cjk: bool,
}

/// Classifies every line of one page.
pub fn classify<'a>(lines: Vec<Line<'a>>, cjk: bool) -> Page<'a> {
    let n = lines.len();
    let mut page = Page {
        roles: vec![Role::Body; n],
        starts: (0..n).map(|i| is_boundary(&lines, i)).collect(),
        para_end: vec![false; n],
        leads: lines
            .iter()
            .map(|l| byline::parse_lead(l.text).is_some())
            .collect(),
        lines,
        cjk,
    };
    mark_furniture(&mut page);
    mark_captions(&mut page);
    mark_heads(&mut page);
    let full = column_widths(&page);
    if cjk {
        mark_headings(&mut page, &full);
    }
    mark_para_ends(&mut page, &full);
    page
}

fn mark_furniture(page: &mut Page) {
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let text = page.lines[i].text;
        if is_furniture(text) {
            page.roles[i] = Role::Drop;
            // A QR label runs over two short lines (`扫码观看` / `飞行表演`).
            if is_qr_label(text)
                && page.lines.get(i + 1).is_some_and(|l| {
                    l.width <= 6.0 && !ends_sentence(l.text) && !is_furniture(l.text)
                })
            {
                i += 1;
                page.roles[i] = Role::Drop;
            }
        } else if find_jump(text).is_some_and(|j| j.start == 0 && j.end == text.len()) {
            page.roles[i] = Role::Jump;
        } else if byline::is_credit(text) {
            page.roles[i] = Role::Credit;
        }
        i += 1;
    }
}

/// A caption is the lines right above a credit, back to a blank line or a line too short
/// to be one of its wrapped lines.
fn mark_captions(page: &mut Page) {
    for i in 0..page.lines.len() {
        if page.roles[i] != Role::Credit || page.starts[i] {
            continue;
        }
        let mut widest = 0.0f32;
        let mut j = i;
        while j > 0 {
            j -= 1;
            let line = &page.lines[j];
            let wrapped =
                widest == 0.0 || (!ends_sentence(line.text) && line.width >= widest - 1.0);
            if page.roles[j] != Role::Body || !wrapped || line.width < 4.0 {
                break;
            }
            if widest == 0.0 && page.leads[j] {
                break;
            }
            page.roles[j] = Role::Caption;
            widest = widest.max(line.width);
            if page.starts[j] {
                break;
            }
        }
    }
}

/// The full width of the column around each body line: the widest line that does not end
/// a paragraph among its body neighbours (mid-paragraph lines fill the column).
fn column_widths(page: &Page) -> Vec<f32> {
    let body: Vec<usize> = (0..page.lines.len())
        .filter(|&i| page.roles[i] == Role::Body)
        .collect();
    let mut full = vec![0.0f32; page.lines.len()];
    for (k, &i) in body.iter().enumerate() {
        let lo = k.saturating_sub(4);
        let hi = (k + 5).min(body.len());
        let w = body[lo..hi]
            .iter()
            .map(|&j| &page.lines[j])
            .filter(|l| !ends_sentence(l.text))
            .map(|l| l.width)
            .fold(page.lines[i].width, f32::max);
        full[i] = w;
    }
    full
}

/// Could this line be part of a headline? No sentence inside, not too long, not a line
/// broken off mid-clause.
pub fn is_head_shaped(page: &Page, i: usize) -> bool {
    let line = &page.lines[i];
    if page.roles[i] != Role::Body || page.leads[i] {
        return false;
    }
    if page.cjk {
        is_cjk_head_text(line.text, line.width)
    } else {
        let letters = line.text.chars().filter(char::is_ascii_alphabetic).count();
        letters >= 3
            && line.width <= 45.0
            && (upper_ratio(line.text) >= 0.75 || is_title_case(line.text))
    }
}

/// A Chinese headline line has no sentence in it, is not too wide, and is not a clause
/// broken off another line, a parenthetical note, a box label or a numbered item.
fn is_cjk_head_text(text: &str, width: f32) -> bool {
    let broken =
        text.ends_with(['、', '；']) || text.starts_with(['，', '。', '、', '”', '）', '【']);
    let aside = text.starts_with('（') && text.ends_with('）');
    let too_wide = width > 40.0;
    !(has_sentence_mark(text) || too_wide || broken || aside || is_numbered(text))
}

/// `Indiana People Busy Cleaning and Decorating`: most longer words capitalised, and no
/// clause punctuation at the end.
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.len() > 3).collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    words.len() >= 3
        && caps * 10 >= words.len() * 8
        && text.starts_with(|c: char| c.is_ascii_uppercase() || c == '"')
        && !text.ends_with([',', ';', '-'])
}

/// True when line `i` reads as running prose: mostly lowercase letters.
fn is_prose(page: &Page, i: usize) -> bool {
    page.lines.get(i).is_some_and(|l| {
        page.roles[i] == Role::Body
            && l.text.chars().filter(char::is_ascii_alphabetic).count() >= 10
            && upper_ratio(l.text) < 0.5
            && !is_title_case(l.text)
    })
}

/// English pages have no blank lines to set headlines apart: a run of capitalised lines
/// right above running prose is a headline.
fn mark_latin_heads(page: &mut Page) {
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i..n)
            .find(|&k| !is_head_shaped(page, k) || k - i >= 6)
            .unwrap_or(n);
        // A headline starts fresh: not in the middle of running prose.
        let fresh = i == 0 || ends_sentence(page.lines[i - 1].text) || !is_prose(page, i - 1);
        if end > i && fresh && is_prose(page, end) {
            (i..end).for_each(|k| page.roles[k] = Role::Head);
            page.starts[i] = true;
        }
        i = end.max(i + 1);
    }
}

/// True when line `i` is the dangling end of a paragraph: the two lines above it run on
/// without ending a sentence and share the column's width.
fn is_paragraph_tail(page: &Page, i: usize) -> bool {
    if i < 2 || page.starts[i] || page.starts[i - 1] {
        return false;
    }
    let body = |k: usize| page.roles[k] == Role::Body;
    let (a, b) = (&page.lines[i - 1], &page.lines[i - 2]);
    body(i - 1) && body(i - 2) && !ends_sentence(a.text) && (a.width - b.width).abs() <= 1.0
}

fn mark_heads(page: &mut Page) {
    let n = page.lines.len();
    for i in 0..n {
        if let Some(anchor) = byline_anchor(page, i) {
            if anchor == Role::Byline {
                page.roles[i] = Role::Byline;
                mark_byline_tail(page, i);
            }
            mark_head_above(page, i);
        }
    }
    mark_standalone_heads(page);
    if page.cjk {
        mark_block_heads(page);
    }
    if !page.cjk {
        mark_latin_heads(page);
    }
    mark_tail_head(page);
}

/// Head-shaped lines at the very end of a page, after a finished sentence: a headline the
/// PDF emitted after its article's body.
fn mark_tail_head(page: &mut Page) {
    let mut end = page.lines.len();
    while end > 0 && matches!(page.roles[end - 1], Role::Drop | Role::Jump) {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && end - start < 5
        && (page.roles[start - 1] == Role::Head || is_head_shaped(page, start - 1))
    {
        start -= 1;
    }
    let settled = start == 0
        || page.roles[start - 1] != Role::Body
        || ends_sentence(page.lines[start - 1].text);
    if start < end && settled {
        (start..end).for_each(|k| page.roles[k] = Role::Head);
        page.starts[start] = true;
    }
}

/// A byline wrapped in a narrow column (`本报记者 刘` / `温馨`): the short remainder on the
/// next line of the same block belongs to it.
fn mark_byline_tail(page: &mut Page, i: usize) {
    let Some(next) = page.lines.get(i + 1) else {
        return;
    };
    let name_part = next.text.chars().count() <= 3
        && next.text.chars().all(super::script::is_cjk)
        && !next.text.contains(['，', '。', '、', '“', '”', '（', '）']);
    if name_part && !page.starts[i + 1] && page.roles[i + 1] == Role::Body {
        page.roles[i + 1] = Role::Byline;
    }
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
    let closes_block = page
        .lines
        .get(i + 1)
        .is_none_or(|_| page.starts[i + 1] || page.roles[i + 1] != Role::Body);
    if page.cjk
        && i > 0
        && closes_block
        && byline::is_name_line(text)
        && is_head_shaped(page, i - 1)
    {
        return Some(Role::Byline);
    }
    let lead = match page.lines.get(i + 1) {
        Some(next) if page.cjk && byline::may_lead(text) => {
            byline::parse_lead(&format!("{text}{}", next.text))
        }
        _ => byline::parse_lead(text),
    };
    lead.is_some_and(|b| b.dateline.is_some())
        .then_some(Role::Body)
}

/// Marks the head-shaped lines right above line `anchor` (skipping a caption) as a headline.
fn mark_head_above(page: &mut Page, anchor: usize) {
    let mut j = anchor;
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
        if !is_head_shaped(page, j) || is_paragraph_tail(page, j) {
            break;
        }
        page.roles[j] = Role::Head;
        taken += 1;
        if j > 0 && page.roles[j - 1] == Role::Body && ends_sentence(page.lines[j - 1].text) {
            break;
        }
    }
}

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
        let run = (i..end)
            .take_while(|&k| is_head_shaped(page, k) && page.lines[k].width <= widest - 3.0)
            .count();
        let next = i + run;
        let then_jump = next < end && page.roles[next] == Role::Jump;
        let then_body = next < end && page.roles[next] == Role::Body && !page.leads[next];
        if (2..=3).contains(&run) && (then_body || then_jump) || run == 1 && then_jump {
            (i..next).for_each(|k| page.roles[k] = Role::Head);
        }
        i = end;
    }
}

/// A block of one to three head-shaped lines standing between blank lines is a headline
/// even without a byline, unless it is as wide as the page's body lines (a stray line of
/// a column that the dump cut out of order).
fn mark_standalone_heads(page: &mut Page) {
    let widths = frequent_widths(page);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        if !page.starts[i] || page.roles[i] != Role::Body {
            i += 1;
            continue;
        }
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        let shaped = (i..end).all(|k| page.roles[k] == Role::Head || is_head_shaped(page, k));
        // Headlines set in a narrow column stack many short lines.
        let stacked = end - i <= 8 && (i..end).all(|k| page.lines[k].width <= 5.0);
        let fits = if page.cjk {
            stacked
                || (end - i <= 3
                    && !widths
                        .iter()
                        .any(|w| (w - page.lines[i].width).abs() <= 0.5))
        } else {
            end - i <= 6
        };
        let single = end - i == 1;
        let after_head = i > 0 && matches!(page.roles[i - 1], Role::Head | Role::Byline);
        if page.cjk && single && after_head && byline::is_name_line(page.lines[i].text) {
            // A bare name under a headline (or under another byline) is a byline.
            page.roles[i] = Role::Byline;
        } else if page.cjk && single && shaped && page.lines[i].width <= 3.0 {
            // Two or three characters alone: a column's label (`快评`), not a headline.
            page.roles[i] = Role::Drop;
        } else if shaped && fits {
            (i..end).for_each(|k| page.roles[k] = Role::Head);
        }
        i = end;
    }
}

/// Widths that at least five body lines not ending a sentence share: the page's columns,
/// commonest first.
fn frequent_widths(page: &Page) -> Vec<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for (l, r) in page.lines.iter().zip(&page.roles) {
        if *r != Role::Body || ends_sentence(l.text) || l.width < 6.0 {
            continue;
        }
        match counts.iter_mut().find(|(w, _)| (*w - l.width).abs() < 0.25) {
            Some((_, c)) => *c += 1,
            None => counts.push((l.width, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 5)
        .map(|(w, _)| w)
        .collect()
}

fn mark_headings(page: &mut Page, full: &[f32]) {
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let after_break = i == 0
            || matches!(page.roles[i - 1], Role::Head | Role::Byline | Role::Heading)
            || (page.roles[i - 1] != Role::Caption && ends_sentence(page.lines[i - 1].text));
        if page.roles[i] != Role::Body || !after_break {
            i += 1;
            continue;
        }
        let len = heading_len(page, full, i);
        for k in i..i + len {
            page.roles[k] = Role::Heading;
            // A heading's wrapped lines stay one unit even across a stray blank line.
            page.starts[k] = k == i;
        }
        i += len.max(1);
    }
}

/// How many lines from `i` form a subhead: a box label `【…】`, a numbered item heading
/// (`1.…` wrapped up to a short line, with no sentence in it), or a short line with no
/// sentence mark followed by body text.
fn heading_len(page: &Page, full: &[f32], i: usize) -> usize {
    let text = page.lines[i].text;
    if text.starts_with('【') && text.ends_with('】') {
        return 1;
    }
    let next_is_body = |k: usize| page.roles.get(k) == Some(&Role::Body);
    if is_numbered(text) {
        return numbered_heading_len(page, full, i);
    }
    // Shorter than a paragraph's first line (which lost a two-character indent), and
    // followed by such a first line rather than by a full one.
    let Some(next) = page.lines.get(i + 1) else {
        return 0;
    };
    let short = page.lines[i].width <= full[i] - 4.0;
    let after = page.lines.get(i + 2).map_or(0.0, |l| l.width);
    let first_line_next = next.width <= full[i + 1] - 1.5 && after > next.width + 0.5;
    let next_ok =
        next_is_body(i + 1) && !page.leads[i + 1] && (first_line_next || is_numbered(next.text));
    usize::from(is_head_shaped(page, i) && short && next_ok && !text.ends_with(['，', '：', ':']))
}

/// A numbered item's heading: one line, or two when the second is a short remainder
/// (`1.春华锂业新能源汽车电池正极材` / `料生产项目`); never with a sentence in it.
fn numbered_heading_len(page: &Page, full: &[f32], i: usize) -> usize {
    let body = |k: usize| page.roles.get(k) == Some(&Role::Body);
    let text = page.lines[i].text;
    if has_sentence_mark(text) || text.ends_with(['，', '、', '：', ':']) || !body(i + 1) {
        return 0;
    }
    let next = &page.lines[i + 1];
    let remainder = !has_sentence_mark(next.text)
        && !next.text.ends_with(['，', '、', '：', ':'])
        && next.width <= full[i + 1] - 4.0
        && next.width <= 0.6 * page.lines[i].width;
    if remainder && body(i + 2) {
        2
    } else {
        1
    }
}

/// `1.春华锂业…`, `2、…`, `（三）…`: a numbered item.
fn is_numbered(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        return text[digits..].starts_with(['.', '、', '．']);
    }
    text.starts_with('（')
        && text
            .chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
}

/// A paragraph ends at a line that ends a sentence and is short, or that is followed by a
/// line shorter than the column (its indent was lost).
fn mark_para_ends(page: &mut Page, full: &[f32]) {
    let n = page.lines.len();
    let slack = if page.cjk { 1.0 } else { 2.5 };
    for i in 0..n {
        if page.roles[i] != Role::Body || !ends_sentence(page.lines[i].text) {
            continue;
        }
        let next = (i + 1..n)
            .find(|&k| !matches!(page.roles[k], Role::Caption | Role::Credit | Role::Drop));
        let short = page.lines[i].width <= full[i] - slack;
        let next_short = next.is_none_or(|k| {
            page.roles[k] != Role::Body || page.lines[k].width <= full[k] - 1.5 * slack
        });
        page.para_end[i] = short || next_short;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::lines::to_lines;

    fn roles(text: &str) -> Vec<Role> {
        classify(to_lines(text), true).roles
    }

    #[test]
    fn headline_above_a_dateline_and_a_subhead_inside() {
        let text = "市人大常委会机关青年干部座谈会召开\n刘光跃出席\n株洲日报讯（全媒体记者/邓伟勇）\n\
                    11月8日，市人大常委会机关青年干部座谈会\n召开。市人大常委会主任刘光跃出席并讲话，\n\
                    寄语大家做信仰坚定的青年干部。\n携手攻坚\n今年3月6日，央视《今日说法》\n\
                    两会特别节目以《1.6万户人的新家》为题\n聚焦株洲华晨地产破产重整案。";
        let r = roles(text);
        assert_eq!(&r[..3], &[Role::Head, Role::Head, Role::Body]);
        assert_eq!(r[6], Role::Heading);
    }

    #[test]
    fn caption_above_credit_and_qr_label() {
        let text = "11月8日，山河飞行表演队在芦淞通用机场带来的六机编队表演。\n\
                    株洲日报全媒体记者/杨凌凌 摄\n扫码观看\n飞行表演";
        assert_eq!(
            roles(text),
            [Role::Caption, Role::Credit, Role::Drop, Role::Drop]
        );
    }

    #[test]
    fn paragraph_ends_at_short_sentence_end() {
        let text = "今年以来，株洲全力贯彻落实\n党中央、国务院决策，抓好保交楼\n\
                    工作、推进重大项目建设、加速培\n育新质生产力。\n府院联动，成功交楼，是我市切\n\
                    实增强百姓获得感、满意感的生动\n写照。";
        let page = classify(to_lines(text), true);
        assert_eq!(
            page.para_end,
            [false, false, false, true, false, false, true]
        );
    }
}
