//! Line roles: what each line of a page is, decided from the line and its neighbours.
//!
//! Order matters and follows how sure each cue is: furniture, jump lines and photo credits
//! first (their wording gives them away), then the captions above credits, then bylines
//! and headline blocks ([`super::heads`]), and last the in-article subheads. Everything
//! left is body text. English pages ([`super::latin`]) have signatures marked before the
//! headline blocks, and stray headline lines, run-in subheads and OCR scraps after them.
//! Paragraph ends are decided here too, from the column width around each line.
//! This module does not build articles; [`super::segment`] does.

use std::sync::OnceLock;

use regex::Regex;

use super::blocks::{
    lead_with_continuation, move_lines, restore_block_order, resume_interrupted, rethread,
};
use super::byline;
use super::furniture::{
    find_jump, is_cjk_refer, is_date_alone, is_furniture, is_masthead, is_page_label,
    is_page_number, is_paper_name, is_qr_label, is_refer, section_head_page, JumpKind,
    BARE_JUMP_INITIALS,
};
use super::heads::{is_head_shaped, mark_heads, pairs_shared_with, SECTION_LINES};
use super::latin;
use super::lines::{is_boundary, Line};
use super::order::{is_justified, word_across_lines, wrap_reads_on, Reading};
use super::script::{self, ends_with_aside, has_sentence_mark, narrow_slack};

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
    /// The line may open with a dateline ([`byline::may_lead`]), asked once per line.
    pub may_lead: Vec<bool>,
    /// The line opens with a dateline (on its own, without the next line).
    pub leads: Vec<bool>,
    /// The line's text could be an English headline's ([`latin::is_head_text`]), asked
    /// once per line: the headline rules ask it of each line many times.
    pub latin_head: Vec<bool>,
    /// The line is a bare name ([`byline::is_name_line`]), asked once per line: the
    /// headline and byline rules ask it of the same lines again and again.
    pub names: Vec<bool>,
    pub cjk: bool,
    /// Its rows may be interleaved: false when the reading-order stage saw no sign of it.
    pub may_interleave: bool,
    /// Every line is set apart by a blank line: a double-spaced dump, whose blank lines
    /// say nothing of its blocks.
    pub double_spaced: bool,
}

impl Page<'_> {
    /// Whether the page's blank lines set blocks apart: not every line (a double-spaced
    /// dump), nor the rows of columns pdftotext printed side by side.
    pub fn sets_blocks_apart(&self) -> bool {
        !self.double_spaced && !self.may_interleave
    }

    /// Line `k` opens a block of its own: a unit starts there, or a blank line stands
    /// before it (a double-spaced dump tells its blocks no other way).
    pub fn is_set_apart(&self, k: usize) -> bool {
        self.starts[k] || self.lines[k].blank_before
    }

    /// The kind of jump line `k` is (`（下转第3版）`, `（上接第1版）`), if it is one.
    pub fn jump_kind(&self, k: usize) -> Option<JumpKind> {
        (self.roles.get(k) == Some(&Role::Jump))
            .then(|| find_jump(self.lines[k].text))
            .flatten()
            .map(|j| j.kind)
    }

    /// Whether line `k` is a dateline alone on its line, a blank line under it
    /// (`本报北京2月25日电`): the text it opens starts on the next line.
    pub fn is_lone_lead(&self, k: usize) -> bool {
        self.leads[k] && self.lines.get(k + 1).is_some_and(|next| next.blank_before)
    }

    /// Whether a dateline opens line `k`, on a Chinese page maybe wrapped before its 电/讯
    /// onto the next line (`新华社长沙11` / `月8日电`). The two lines are joined only
    /// where the joined text may open one (either line may, or the wrap split a mark):
    /// joining them for every line asked cost an allocation each. A dateline alone on its
    /// line with a blank line under it (`本报北京2月25日电`) needs no join: the line's end
    /// is the space after it, which the joined text would lose.
    pub fn opens_with_lead(&self, k: usize) -> bool {
        let text = self.lines[k].text;
        match self.lines.get(k + 1) {
            Some(_) if self.is_lone_lead(k) => true,
            Some(next)
                if self.cjk
                    && (self.may_lead[k]
                        || self.may_lead[k + 1]
                        || byline::splits_lead_mark(text)) =>
            {
                byline::is_lead_joined(text, next.text)
            }
            _ => self.leads[k],
        }
    }
}

/// Classifies every line of one page, of whose rows nothing is known: the unit tests'
/// entry, which looks at the classifier without the reading-order stage before it.
#[cfg(test)]
pub fn classify<'a>(lines: Vec<Line<'a>>, cjk: bool) -> Page<'a> {
    classify_read(
        Reading {
            lines,
            may_interleave: true,
        },
        cjk,
    )
}

/// Classifies every line of one page as the reading-order stage left it.
pub fn classify_read<'a>(reading: Reading<'a>, cjk: bool) -> Page<'a> {
    let Reading {
        lines,
        may_interleave,
    } = reading;
    let n = lines.len();
    let may_lead: Vec<bool> = lines.iter().map(|l| byline::may_lead(l.text)).collect();
    let mut page = Page {
        roles: vec![Role::Body; n],
        starts: (0..n).map(|i| is_boundary(&lines, i)).collect(),
        para_end: vec![false; n],
        leads: (0..n)
            .map(|i| may_lead[i] && byline::is_lead_of_may_lead(lines[i].text))
            .collect(),
        may_lead,
        double_spaced: lines.iter().skip(1).all(|l| l.blank_before),
        // Only the English headline rules ask it.
        latin_head: lines
            .iter()
            .map(|l| !cjk && latin::is_head_text(l.text, l.width))
            .collect(),
        names: lines.iter().map(|l| byline::is_name_line(l.text)).collect(),
        lines,
        cjk,
        may_interleave,
    };
    mark_furniture(&mut page);
    mark_header_words(&mut page);
    mark_captions(&mut page);
    if !cjk {
        latin::mark_pull_quotes(&mut page);
        latin::mark_obituary_heads(&mut page);
        latin::mark_signatures(&mut page);
        latin::mark_set_apart_signatures(&mut page);
        latin::mark_letters(&mut page);
        latin::mark_set_apart_heads(&mut page);
    }
    mark_heads(&mut page);
    if cjk {
        restore_block_order(&mut page);
        lead_with_continuation(&mut page);
        resume_interrupted(&mut page);
        rethread(&mut page);
    } else {
        latin::mark_chapter_heads(&mut page);
        latin::mark_stray_head_lines(&mut page);
        latin::mark_run_in_subheads(&mut page);
        latin::mark_crossheads(&mut page);
        latin::mark_set_apart_subheads(&mut page);
        latin::mark_list_labels(&mut page);
        latin::mark_scraps(&mut page);
        latin::mark_fact_box_labels(&mut page);
    }
    let full = column_widths(&page);
    if cjk {
        mark_headings(&mut page, &full);
        mark_box_entries(&mut page);
    }
    mark_para_ends(&mut page, &full);
    if cjk {
        mark_names_in_text(&mut page);
    } else {
        latin::credits::mark_credited_breaks(&mut page);
    }
    page
}

/// Ems a line of running text is at least wide: a column's line, not a list's or a
/// headline's short one.
pub const RUNNING_WIDTH: f32 = 8.0;

/// A lone name set among the lines of running text (`…錾花、花丝、` / `潘妙` / `炸珠、点翠…`)
/// is a byline pdftotext printed in the column beside it, not text: no line inside a
/// sentence is a bare two-to-four-character name. Its neighbours must be text, the line
/// before a running one left mid-sentence (a list of names has short lines).
fn mark_names_in_text(page: &mut Page) {
    for k in 1..page.lines.len().saturating_sub(1) {
        let prev = &page.lines[k - 1];
        let inside = page.roles[k - 1] == Role::Body
            && page.roles[k + 1] == Role::Body
            && !prev.ends_sentence
            && prev.width >= RUNNING_WIDTH;
        if inside && page.roles[k] == Role::Body && page.names[k] {
            page.roles[k] = Role::Byline;
        }
    }
}

/// True when every line of line `i`'s block (from the line set apart at or before it to
/// the next one set apart) is a teaser for another page ([`is_refer`]): a front page's
/// index (`Obituaries, A4` / `Sports, B1`) or one teaser alone; not a story's line that
/// happens to end so.
fn in_block_of_refers(page: &Page, i: usize) -> bool {
    let start = (0..=i).rev().find(|&k| page.is_set_apart(k)).unwrap_or(0);
    let end = (i + 1..page.lines.len())
        .find(|&k| page.is_set_apart(k))
        .unwrap_or(page.lines.len());
    (start..end).all(|k| is_teaser(page, page.lines[k].text))
}

/// Whether `text` is a teaser for another page as `page`'s script prints one
/// ([`is_cjk_refer`], [`is_refer`]).
fn is_teaser(page: &Page, text: &str) -> bool {
    if page.cjk {
        is_cjk_refer(text)
    } else {
        is_refer(text)
    }
}

fn mark_furniture(page: &mut Page) {
    let n = page.lines.len();
    let mut i = 0;
    // No line read yet but furniture: the paper's name printed here is its masthead.
    let mut atop = true;
    while i < n {
        let text = page.lines[i].text;
        let masthead =
            atop && (is_paper_name(text) || page.cjk && section_head_page(text).is_some());
        // An English page's masthead lines and its nameplate's date.
        let english = !page.cjk && (is_masthead(text) || atop && is_date_alone(text));
        // A front page's teasers for other pages, in a block of their own.
        let teasers = || is_teaser(page, text) && in_block_of_refers(page, i);
        if is_furniture(text) || masthead || english || teasers() {
            page.roles[i] = Role::Drop;
            if let Some(k) = section_under_page_number(page, i) {
                page.roles[k] = Role::Drop;
            }
            if page.cjk && is_chart_credit(text) {
                drop_chart_above(page, i);
            }
            // A QR label runs over two short lines (`扫码观看` / `飞行表演`); a headline
            // set beside the code may come between them, printed in the same row.
            if let Some(rest) = is_qr_label(text).then(|| qr_label_rest(page, i)).flatten() {
                // A second line the line beside wraps round goes up under the first, and
                // the wrapped line's halves stand together again.
                let k = if rest.inside_wrap {
                    move_lines(page, rest.line, rest.line + 1, i + 1);
                    i + 1
                } else {
                    rest.line
                };
                page.roles[k] = Role::Drop;
                if k == i + 1 {
                    i = k;
                }
            }
        } else if is_jump_line(text) {
            page.roles[i] = Role::Jump;
        } else if byline::is_credit(text) || !page.cjk && byline::is_photo_credit(text) {
            page.roles[i] = Role::Credit;
        }
        // Single-line blocks in a row read as rows of interleaved columns, one block (see
        // `is_boundary`); but a masthead's lines are no column's rows, and the line set
        // apart under them starts a block of its own.
        if page.roles[i] == Role::Drop && page.lines.get(i + 1).is_some_and(|l| l.blank_before) {
            page.starts[i + 1] = true;
        }
        atop &= page.roles[i] == Role::Drop;
        i += 1;
    }
}

/// Most lines from a page's top that its header may run to.
const HEADER_LINES: usize = 8;
/// Most characters (spaces not counted) of a word of a Chinese page's header that no
/// furniture rule knows: a section's name (`城事`, `人物·专访`, `湘江 副刊`), the
/// paper's with its section (`理论 江城日报`).
const HEADER_WORD_CHARS: usize = 8;
/// Most words of an English page's section flag among its header lines.
const HEADER_WORDS: usize = 3;

/// Drops the short words of a page's header that sit among its furniture lines (the
/// page's label `A05` before the paper's name, the section's name between the date and
/// the editors' credits): a header's lines are all furniture, up to its last known one.
/// Words after that last one are left to head the first story.
fn mark_header_words(page: &mut Page) {
    let mut pending = Vec::new();
    for i in 0..page.lines.len().min(HEADER_LINES) {
        if page.roles[i] == Role::Drop {
            for k in pending.drain(..) {
                page.roles[k] = Role::Drop;
                if page.lines.get(k + 1).is_some_and(|l: &Line| l.blank_before) {
                    page.starts[k + 1] = true;
                }
            }
        } else if page.roles[i] == Role::Body && is_header_word(page, i) {
            pending.push(i);
        } else {
            break;
        }
    }
}

/// Whether line `i` may be a word of the page's header: the page's label or the paper's
/// name alone, on a Chinese page a few characters with no clause mark, no dateline and
/// no person's name, on an English page a few words in capitals.
fn is_header_word(page: &Page, i: usize) -> bool {
    let text = page.lines[i].text.trim();
    if is_page_label(text) || is_paper_name(text) {
        return true;
    }
    if !page.cjk {
        // A section's flag in capitals (`HEALTH & SCIENCE`, `SPORTS`).
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic));
        return script::is_capitals(text)
            && words.count() <= HEADER_WORDS
            && !page.lines[i].ends_sentence;
    }
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    chars <= HEADER_WORD_CHARS
        && !page.leads[i]
        && !page.names[i]
        && !text.contains(['，', '。', '、', '：', '；', '！', '？', ',', ':'])
}

/// A chart's credit: who drew it or where its figures come from (`制图：李华`,
/// `数据来源：国家统计局`, `资料来源：…`).
fn is_chart_credit(text: &str) -> bool {
    ["制图", "数据来源", "资料来源"].iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    })
}

/// Most lines of a chart's title, axis labels and figures above its credit.
const CHART_LINES: usize = 20;

/// The lines of the chart whose credit is line `credit`, when the dump printed them in the
/// credit's block (`全国规模以上工业增加值增速` / `（%）` / `6.1` / `2022年 2023年`): none
/// holds a sentence or a clause, as a chart's labels do not; they go to `dropped` with the
/// credit. Text in the block (a caption's sentence) leaves them all as they are.
fn drop_chart_above(page: &mut Page, credit: usize) {
    let mut top = credit;
    while top > 0 && credit - top < CHART_LINES && !page.starts[top] {
        top -= 1;
        let text = page.lines[top].text;
        let label =
            page.roles[top] == Role::Body && !has_sentence_mark(text) && !text.contains('，');
        if !label {
            return;
        }
    }
    if top < credit && page.starts[top] {
        (top..credit).for_each(|k| page.roles[k] = Role::Drop);
    }
}

/// The page's section printed right under its page number (`第2版` / `综合新闻`): a short
/// line of ideographs alone, in the same block.
fn section_under_page_number(page: &Page, i: usize) -> Option<usize> {
    const SECTION_CHARS: usize = 4;
    if !is_page_number(page.lines[i].text) {
        return None;
    }
    let k = i + 1;
    // In the same block; a double-spaced dump sets every line apart.
    let line = page
        .lines
        .get(k)
        .filter(|l| !l.blank_before || page.double_spaced)?;
    let text = script::trim(line.text);
    let chars = text.chars().count();
    let section = (2..=SECTION_CHARS).contains(&chars) && text.chars().all(script::is_ideograph);
    section.then_some(k)
}

/// Where the second line of a QR label is.
struct LabelRest {
    line: usize,
    /// The line printed beside the code wraps round it, on into the line after it.
    inside_wrap: bool,
}

/// The second line of the QR label at line `i`: the short line right under it, or the
/// one after a line printed beside the code, when that short line closes the block or
/// the line beside wraps round it; or,
/// where interleaved columns come out a block a row, the one after the next column's row.
fn qr_label_rest(page: &Page, i: usize) -> Option<LabelRest> {
    let at = |line: usize| LabelRest {
        line,
        inside_wrap: false,
    };
    const LABEL_WIDTH: f32 = 6.0;
    let rest = |k: usize| {
        page.lines
            .get(k)
            .is_some_and(|l| l.width <= LABEL_WIDTH && !l.ends_sentence && !is_furniture(l.text))
    };
    if rest(i + 1) {
        return Some(at(i + 1));
    }
    let in_block = |k: usize| page.lines.get(k).is_some_and(|l| !l.blank_before);
    let closes_block = page.lines.get(i + 3).is_none_or(|l| l.blank_before);
    // Or the line beside the code wraps round the label's second line: a word runs on
    // from it into the line after (`中国地震局工程力学研` / `精彩视频` / `究所研究员马强——`).
    let wraps_round =
        || in_block(i + 3) && word_across_lines(page.lines[i + 1].text, page.lines[i + 3].text);
    if rest(i + 2) && in_block(i + 1) && in_block(i + 2) && (closes_block || wraps_round()) {
        return Some(LabelRest {
            line: i + 2,
            inside_wrap: !closes_block,
        });
    }
    // Rows of interleaved columns, each a block of one line: the label's second line is
    // the next row of its column, under a running line of each column beside it (one
    // or two of them).
    let own_row = |k: usize| page.lines.get(k).is_some_and(|l| l.blank_before);
    let beside = |k: usize| {
        page.lines
            .get(k)
            .is_some_and(|l| l.width >= RUNNING_WIDTH && !l.ends_sentence && own_row(k))
    };
    (2..=3)
        .find(|&period| {
            let closes_row = page
                .lines
                .get(i + period + 1)
                .is_none_or(|l| l.blank_before);
            rest(i + period) && own_row(i + period) && (i + 1..i + period).all(beside) && closes_row
        })
        .map(|period| at(i + period))
}

/// The whole line is a jump (`（下转第3版）`, `Continued on Page 5`, `See STORM, Page A6`).
/// Such a line opens with its bracket or its first word's initial, which spares most lines
/// the search.
fn is_jump_line(text: &str) -> bool {
    (text.starts_with(['（', '(']) || text.starts_with(BARE_JUMP_INITIALS))
        && find_jump(text).is_some_and(|j| j.start == 0 && j.end == text.len())
}

/// A caption is the lines right above a credit, back to a blank line or a line too short
/// to be one of its wrapped lines; also a line that ends in its credit (`…在做检查。本报
/// 记者 王明 摄`, `…on three streets. (Courier photo/Jane Park)`) and the wrapped lines
/// above it.
fn mark_captions(page: &mut Page) {
    if page.cjk {
        mark_picture_notes(page);
    }
    for i in 0..page.lines.len() {
        let credit = (page.roles[i] == Role::Body)
            .then(|| byline::trailing_credit_in(page.lines[i].text, page.cjk))
            .flatten();
        let widest = if let Some(k) = credit {
            page.roles[i] = Role::Caption;
            // The credit may stand out past the column on the caption's last line: the
            // caption's own text there is what the lines above it wrap to.
            script::width(page.lines[i].text[..k].trim_end())
        } else if page.roles[i] == Role::Credit {
            0.0
        } else {
            continue;
        };
        if !page.starts[i] {
            mark_caption_above(page, i, widest);
        } else if page.cjk && page.roles[i] == Role::Credit {
            mark_note_over_credit(page, i);
        }
    }
}

/// A credit set apart under the lines above it (`◆建成网格服务站三十个` / `图为社区网格员
/// 入户走访。` / blank / `本报记者 李华 摄`) credits the picture whose note closes those
/// lines, when the note opens as one (`图为`): it is the note's, not the text's it ends.
fn mark_note_over_credit(page: &mut Page, credit: usize) {
    let Some(last) = credit.checked_sub(1) else {
        return;
    };
    if page.roles[last] != Role::Body || !page.lines[last].ends_sentence {
        return;
    }
    // The note's first line, up to its most lines, none of them ending a sentence but its
    // last, none opening a block but its first.
    let lowest = credit.saturating_sub(NOTE_LINES);
    let mut k = last;
    while !opens_picture_note(page.lines[k].text) {
        let goes_on = k > lowest
            && !page.starts[k]
            && page.roles[k - 1] == Role::Body
            && !page.lines[k - 1].ends_sentence;
        if !goes_on {
            return;
        }
        k -= 1;
    }
    (k..credit).for_each(|j| page.roles[j] = Role::Caption);
    page.starts[k] = true;
}

/// Most lines a caption without a credit runs to.
const NOTE_LINES: usize = 3;

/// A caption printed without a credit is told by how it opens: `图为活动现场。`,
/// `上图：…`, `图①…`, a block of its own of a few lines that ends a sentence. Running
/// text does not open a paragraph so. The notes of several pictures may share a block,
/// each opening a line after the one before ends (`图①：…。` / `图②：…。`).
fn mark_picture_notes(page: &mut Page) {
    let n = page.lines.len();
    // Printed blocks, not `starts`: a one-line caption between one-line blocks (a byline
    // above, say) is a block of its own, not a row of interleaved columns.
    let apart = |k: usize| k == 0 || page.lines[k].blank_before;
    let opens = |k: usize| opens_picture_note(page.lines[k].text);
    let next_note = |k: usize| page.lines[k - 1].ends_sentence && opens(k);
    // The end of a note from `i` (the next block, note or line of another role, such as
    // the pictures' credit), when the note runs to at most NOTE_LINES lines and closes its
    // sentence.
    let short_end = |i: usize| {
        let last = n.min(i + 1 + NOTE_LINES);
        let end = (i + 1..last)
            .find(|&k| apart(k) || page.roles[k] != Role::Body || next_note(k))
            .or((n - i <= NOTE_LINES).then_some(n))?;
        page.lines[end - 1].ends_sentence.then_some(end)
    };
    let notes: Vec<(usize, usize, bool)> = (0..n)
        .filter(|&i| page.roles[i] == Role::Body && (apart(i) || next_note(i)))
        .filter_map(|i| {
            let end = short_end(i)?;
            let note = opens(i) || apart(i) && names_place_in_picture(page.lines[i].text);
            note.then_some((i, end, !apart(i)))
        })
        .collect();
    // Each note's lines, and whether it follows another note in its block. A block set
    // apart that names where someone stands is a note too: asked last, of the few short
    // blocks that close a sentence.
    for (i, end, follows) in notes {
        if !follows || page.roles[i - 1] == Role::Caption {
            (i..end).for_each(|k| page.roles[k] = Role::Caption);
            page.starts[i] = true;
        }
    }
}

/// Whether a line opens as a picture's caption does (`图为`, `上图：`, `右图为`, `图①`).
fn opens_picture_note(text: &str) -> bool {
    let mut chars = text.trim_start_matches(script::is_space).chars();
    let mut first = chars.next();
    if matches!(first, Some('上' | '下' | '左' | '右')) {
        first = chars.next();
    }
    first == Some('图') && matches!(chars.next(), Some('为' | '：' | ':' | '①'..='⑳'))
}

/// Whether a line names where someone stands in a picture (`刘师傅（右）在…`,
/// `（前排左二）`), within its first words, as only a caption does: the line opens a
/// note set apart in a block of its own.
fn names_place_in_picture(text: &str) -> bool {
    const REACH: usize = 16;
    const MARK_CHARS: usize = 6;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[（(](?:[前后中]排)?(?:[左右]\s*[一二三四五六七八九]?|中)[）)]")
            .expect("static regex")
    });
    // Only the line's first words are searched (three bytes an ideograph, the mark's
    // six characters after them); most hold no bracket, which spares them the regex.
    let mut end = text.len().min(3 * (REACH + MARK_CHARS));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // A fullwidth bracket's first byte (0xEF) is rare in Chinese text but for its
    // punctuation; `str::contains('（')` would stop at every ideograph's 0x88 instead.
    let bytes = head.as_bytes();
    let bracket = memchr::memchr2_iter(b'(', 0xEF, bytes)
        .any(|at| bytes[at] == b'(' || bytes[at..].starts_with("（".as_bytes()));
    bracket
        && re
            .find(head)
            .is_some_and(|m| head[..m.start()].chars().count() <= REACH)
}

/// Marks the caption lines above line `i` (its credit, or its last line `widest` ems wide).
fn mark_caption_above(page: &mut Page, i: usize, mut widest: f32) {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let line = &page.lines[j];
        let wrapped = widest == 0.0 || (!line.ends_sentence && line.width >= widest - 1.0);
        // A caption's last line may be short when it ends the caption's sentence.
        let tiny = line.width < 4.0 && !(widest == 0.0 && line.ends_sentence);
        if page.roles[j] != Role::Body || !wrapped || tiny {
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
            .filter(|l| !l.ends_sentence)
            .map(|l| l.width)
            .fold(page.lines[i].width, f32::max);
        full[i] = w;
    }
    full
}

/// Widest a column's label runs, in ems (`民生观`, `快评`).
pub const COLUMN_LABEL: f32 = 3.0;

/// Whether line `i` is a column's label atop a story's text: two or three characters with
/// no sentence mark, right under the story's headline or byline, or set apart by blank
/// lines (where every line is, a double-spaced dump tells no blocks), over a line of
/// running text. A name set so is a byline.
fn is_column_label(page: &Page, i: usize) -> bool {
    let line = &page.lines[i];
    // Asked of every line after a break: the width rules out most at once.
    if line.width > COLUMN_LABEL {
        return false;
    }
    let set_apart = line.blank_before
        && page.lines.get(i + 1).is_some_and(|l| l.blank_before)
        && !page.names[i];
    let story_start = i > 0 && matches!(page.roles[i - 1], Role::Head | Role::Byline) || set_apart;
    // Over the story's text, or over the headline of the story it labels.
    let over_text = page.lines.get(i + 1).is_some_and(|l| {
        page.roles[i + 1] == Role::Body && l.width >= RUNNING_WIDTH
            || page.roles[i + 1] == Role::Head
    });
    story_start && over_text && !has_sentence_mark(line.text) && !is_box_label(line.text)
}

fn mark_headings(page: &mut Page, full: &[f32]) {
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        // A box label stands alone whatever the dump printed before it.
        let after_break = i == 0
            || is_box_label(page.lines[i].text)
            || matches!(page.roles[i - 1], Role::Head | Role::Byline | Role::Heading)
            || (page.roles[i - 1] != Role::Caption && page.lines[i - 1].ends_sentence);
        if page.roles[i] != Role::Body || !after_break {
            i += 1;
            continue;
        }
        let len = if is_sidebar_word(page.lines[i].text) {
            1
        } else {
            heading_len(page, full, i)
        };
        // Two or three characters atop a story's text, right under its headline or
        // byline, are the column's label (`民生观`, `快评`), not a subhead of the story.
        if len <= 1 && is_column_label(page, i) {
            page.roles[i] = Role::Drop;
            i += 1;
            continue;
        }
        for k in i..i + len {
            page.roles[k] = Role::Heading;
            // A heading's wrapped lines stay one unit even across a stray blank line.
            page.starts[k] = k == i;
        }
        i += len.max(1);
    }
}

/// Whether short line `i`, which breaks a clause inside (`出门在外，无论是找不到垃圾`), is
/// the first line of the text under it rather than its subhead: it shares no pair of
/// adjacent ideographs with the next [`SECTION_LINES`] lines of text. A subhead that runs
/// to a clause names what its section tells; a line cut short of its column by a stray
/// break in the dump need not.
fn opens_unrelated_text(page: &Page, i: usize) -> bool {
    let text = page.lines[i].text;
    // The mark may not be the line's last character: that one is tested apart.
    let clause = text
        .chars()
        .rev()
        .skip(1)
        .any(|c| matches!(c, '，' | '：' | '；'));
    if !clause {
        return false;
    }
    let section = (i + 1..page.lines.len().min(i + 1 + SECTION_LINES))
        .filter(|&k| page.roles[k] == Role::Body);
    pairs_shared_with(page, i, section, 1) == 0
}

/// Lines with no sentence mark that end the page right under a box's label (`■ 数据`
/// over `增长6.8%`) are the box's entries, and not a headline or a subhead: those head
/// text, and a box of figures or names is set in short lines with no sentence mark. (A
/// headline the PDF printed after its text has no box label over it.) Each entry ends
/// where its line stops short of the column: with no sentence mark, the width is all that
/// tells.
fn mark_box_entries(page: &mut Page) {
    let n = page.lines.len();
    let end = (0..n)
        .rev()
        .find(|&k| !matches!(page.roles[k], Role::Drop | Role::Jump))
        .map_or(0, |k| k + 1);
    // Asked of the page's last lines only: the entries run to its end.
    let entry = |k: usize| {
        matches!(page.roles[k], Role::Head | Role::Body) && !has_sentence_mark(page.lines[k].text)
    };
    let Some(label) = (0..end)
        .rev()
        .take_while(|&k| k + 1 == end || entry(k + 1))
        .find(|&k| is_box_label(page.lines[k].text))
    else {
        return;
    };
    if label + 1 == end {
        return;
    }
    let column = box_column(page, label, end);
    for k in label + 1..end {
        page.roles[k] = Role::Body;
        page.para_end[k] = k + 1 == end || page.lines[k].width < column - 1.0;
    }
}

/// Lines of the text above a box's label that tell its column's width.
const COLUMN_SAMPLE: usize = 4;

/// The width of the column holding the box labelled at line `label` whose entries run to
/// `end`: its widest line, or the widest of the text's last lines above it that goes on
/// to the next (a line ending a sentence may stop short).
fn box_column(page: &Page, label: usize, end: usize) -> f32 {
    let above = (0..label)
        .rev()
        .filter(|&k| page.roles[k] == Role::Body)
        .take(COLUMN_SAMPLE)
        .filter(|&k| !page.lines[k].ends_sentence);
    above
        .chain(label + 1..end)
        .map(|k| page.lines[k].width)
        .fold(0.0, f32::max)
}

/// A box's label on a line of its own: `【观摩项目简介】`, `【相关链接】`, or one of the
/// usual sidebar labels without brackets (`相关链接`, `记者手记`).
pub fn is_box_label(text: &str) -> bool {
    const MAX_CHARS: usize = 12;
    // Asked of most lines: a line longer in bytes than any label's characters can be
    // (three bytes each, and spaces around) is none.
    if text.len() > 4 * MAX_CHARS {
        return false;
    }
    let text = script::trim(text);
    text.starts_with('【') && text.ends_with('】') && text.chars().count() <= MAX_CHARS
        || SIDEBAR_LABELS.contains(&text)
        || is_closing_trimmed(text)
        || is_bullet_label(text)
}

/// A box's label marked with a bullet (`■ 数据`, `■链接`, `◆ 相关链接`): a word of one or
/// two ideographs, or a sidebar's label. A bullet over a longer phrase (`■强化组织领导`)
/// marks a list's item or a subhead: a box's label names a kind of box, in a word.
fn is_bullet_label(text: &str) -> bool {
    const MAX_WORD: usize = 2;
    let Some(label) = text.strip_prefix(BULLETS) else {
        return false;
    };
    let label = script::trim(label);
    let word = label.chars().all(script::is_ideograph) && label.chars().count() <= MAX_WORD;
    !label.is_empty() && word || SIDEBAR_LABELS.contains(&label) || is_closing_trimmed(label)
}

/// The labels Chinese papers print over a sidebar of links or background without
/// brackets, alone on their line.
const SIDEBAR_LABELS: [&str; 9] = [
    "资料链接",
    "名词解释",
    "相关链接",
    "新闻链接",
    "背景链接",
    "知识链接",
    "延伸阅读",
    "新闻背景",
    "小贴士",
];

/// The labels of the reporter's or the editor's own words closing a story.
const CLOSING_LABELS: [&str; 4] = ["记者手记", "采访手记", "编后", "编后语"];

/// Whether `text` labels the reporter's or the editor's words that close a story
/// (`记者手记`, `编后`): a label that tells the reader whose voice follows, which the story
/// keeps as a subhead, where a links box's label is decoration.
pub fn is_closing_label(text: &str) -> bool {
    is_closing_trimmed(script::trim(text))
}

/// [`is_closing_label`] of a line already trimmed.
fn is_closing_trimmed(text: &str) -> bool {
    let bare = text
        .strip_prefix('【')
        .and_then(|t| t.strip_suffix('】'))
        .unwrap_or(text);
    CLOSING_LABELS.contains(&bare)
}

/// Sidebar labels of one word (`链接`, `背景`). They are no box labels wherever they stand
/// (among headlines the word labels a column of other stories); on a line of its own after
/// a finished sentence the word is a heading, the box's label, which repair then drops as
/// decoration.
const BARE_SIDEBAR_LABELS: [&str; 2] = ["链接", "背景"];

/// Whether `text` is a one-word sidebar label (see [`BARE_SIDEBAR_LABELS`]) on its own.
pub fn is_sidebar_word(text: &str) -> bool {
    BARE_SIDEBAR_LABELS.contains(&script::trim(text))
}

/// How many lines from `i` form a subhead: a box label `【…】`, a numbered item heading
/// (`1.…` wrapped up to a short line, with no sentence in it), or a short line with no
/// sentence mark followed by body text.
fn heading_len(page: &Page, full: &[f32], i: usize) -> usize {
    let text = page.lines[i].text;
    if is_box_label(text) {
        return 1;
    }
    let next_is_body = |k: usize| page.roles.get(k) == Some(&Role::Body);
    if starts_item(text) {
        return numbered_heading_len(page, full, i);
    }
    // Shorter than a paragraph's first line (which lost a two-character indent), and
    // followed by such a first line rather than by a full one.
    let Some(next) = page.lines.get(i + 1) else {
        return 0;
    };
    // A line whose characters the dump spaced out was justified to fill its column: it
    // is as wide as the lines around it, however few characters it holds.
    let short =
        page.lines[i].width <= full[i] - 4.0 && !is_justified(text) && !ends_spaced_out(text);
    let after = page.lines.get(i + 2).map_or(0.0, |l| l.width);
    let first_line_next = next.width <= full[i + 1] - 1.5 && after > next.width + 0.5;
    // On a page whose blank lines set blocks apart, a short line opening its block over a
    // running line in the same block heads it, whether or not that line shows its indent
    // (`江城港集装箱吞吐量创新高` / `记者从江城港务集团获悉，今年`).
    let opens_block = page.sets_blocks_apart()
        && page.lines[i].blank_before
        && !next.blank_before
        && next.width >= RUNNING_WIDTH;
    let next_ok = next_is_body(i + 1)
        && !page.leads[i + 1]
        && (first_line_next || opens_block || starts_item(next.text));
    // A subhead is whole: a line whose last word the next line finishes
    // (`过去15年，我一直专注基础` / `研究。`) is a paragraph's. The segmenter is asked last.
    usize::from(
        is_head_shaped(page, i)
            && short
            && next_ok
            && !text.ends_with(['，', '：', ':'])
            && !opens_unrelated_text(page, i)
            && !wrap_reads_on(text, next.text),
    )
}

/// Whether line `text` ends in a character standing alone past a layout space
/// (`近年来，随着环境保护意 识`, `保护利用，群 众 是`): pdftotext spaces out the last characters
/// of a line justified to its column, which is as wide as the column however few characters
/// it counts. A subhead is set short, never stretched; where it holds a space, both halves
/// are words (`打破区域限制 调剂类型多样`).
fn ends_spaced_out(text: &str) -> bool {
    let Some((rest, last)) = text.trim_end().rsplit_once(script::is_space) else {
        return false;
    };
    let mut last = last.chars();
    last.next().is_some_and(script::is_ideograph)
        && last.next().is_none()
        && rest
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(script::is_ideograph)
}

/// A numbered item's heading: one line, or two when the second is a short remainder
/// (`1.春华锂业新能源汽车电池正极材` / `料生产项目`); never with a sentence in it.
fn numbered_heading_len(page: &Page, full: &[f32], i: usize) -> usize {
    let body = |k: usize| page.roles.get(k) == Some(&Role::Body);
    let text = page.lines[i].text;
    if has_sentence_mark(text) || text.ends_with(['，', '、', '：', ':']) || !body(i + 1) {
        return 0;
    }
    // Another item of its kind right under it: a list's item, not a heading over text.
    if same_list(text, page.lines[i + 1].text) {
        return 0;
    }
    let next = &page.lines[i + 1];
    // A clause run on to the column's edge and closed on the next line is an item's text
    // (`2.新开通35路公交车，连接河` / `西新城与老城区，全程约18公里。`): a heading holds no
    // sentence, whole or wrapped.
    let runs_on = text.contains('，') && page.lines[i].width >= full[i] - HALF_EM;
    if runs_on && next.ends_sentence {
        return 0;
    }
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

/// The bullets that mark a list's items (`▲` is left out: it opens photo captions as
/// often).
pub const BULLETS: [char; 4] = ['■', '●', '◆', '▶'];

/// How an item is numbered or marked: the items of one list share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `1.`, `2、`
    Digits,
    /// `一、`
    Numeral,
    /// `（三）`
    Bracketed,
    /// `①`
    Circled,
    /// `■`, `◆`, …: the bullet itself.
    Bullet(char),
}

/// `1.春华锂业…`, `2、…`, `一、…`, `（三）…`, `①…`, `■…`: an item numbered or marked with a
/// bullet (not a number, `15.98万…`).
pub fn starts_item(text: &str) -> bool {
    item_marker(text).is_some()
}

/// The marker `text` opens with as a list's item (see [`starts_item`]).
pub fn item_marker(text: &str) -> Option<Marker> {
    // Asked of most lines, most of which the first character turns away: it is decoded
    // once, before the digits are counted.
    let mut chars = text.chars();
    let first = chars.next()?;
    if first.is_ascii_digit() {
        return digits_marker(text);
    }
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    match first {
        '（' | '(' => chars
            .next()
            .is_some_and(numeral)
            .then_some(Marker::Bracketed),
        '①'..='⑳' => Some(Marker::Circled),
        _ if BULLETS.contains(&first) => Some(Marker::Bullet(first)),
        _ if numeral(first) => {
            let rest = chars.as_str().trim_start_matches(numeral);
            let item = text.len() - rest.len() <= 3 * '一'.len_utf8() && rest.starts_with('、');
            item.then_some(Marker::Numeral)
        }
        _ => None,
    }
}

/// The marker of a text opening with an ASCII digit: one or two digits and a stop (`1.`,
/// `12、`), not a number (`15.98万…`, `2024.`).
fn digits_marker(text: &str) -> Option<Marker> {
    // ASCII digits are one byte each, and no byte of another character is one.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 2 {
        return None;
    }
    let mut rest = text[digits..].chars();
    let item = rest.next().is_some_and(|c| ".、．".contains(c))
        && !rest.next().is_some_and(|c| c.is_ascii_digit());
    item.then_some(Marker::Digits)
}

/// Whether `a` and `b` open items of one list: the same marker.
pub fn same_list(a: &str, b: &str) -> bool {
    item_marker(a).is_some_and(|m| item_marker(b) == Some(m))
}

/// Ems of a paragraph's first-line indent (lost in the dump).
const INDENT: f32 = 2.0;
/// A line within this many ems of its column fills it (half-width characters leave a half).
const HALF_EM: f32 = 0.5;

/// A paragraph ends at a line that ends a sentence and is short, or that is followed by a
/// line shorter than the column (its indent was lost).
fn mark_para_ends(page: &mut Page, full: &[f32]) {
    let n = page.lines.len();
    let slack = if page.cjk { 1.0 } else { 2.5 };
    let mut para_start = 0;
    for i in 0..n {
        match page.roles[i] {
            Role::Body => {}
            Role::Caption | Role::Credit | Role::Drop => continue,
            _ => {
                para_start = i + 1;
                continue;
            }
        }
        let next = (i + 1..n)
            .find(|&k| !matches!(page.roles[k], Role::Caption | Role::Credit | Role::Drop));
        if next.is_some_and(|k| opens_list_item(page, para_start, i, k)) {
            page.para_end[i] = true;
            para_start = i + 1;
            continue;
        }
        let ends = page.lines[i].ends_sentence && !ends_before_title(page, i);
        if !ends && !closes_aside(page, para_start, i) {
            continue;
        }
        let short = page.lines[i].width <= full[i] - slack;
        let next_short = next.is_none_or(|k| {
            page.roles[k] != Role::Body || page.lines[k].width <= full[k] - 1.5 * slack
        });
        // A sentence ending less than an indent short of the column goes on when the next
        // line fills the column: a new paragraph's first line would be short by its lost
        // indent. A paragraph's own first line is short by that indent already: it goes on
        // when it fills the rest of its line. A line whose digits or letters print wider
        // than their counted half em fills it too (`2024年，上海的科研机构知` counts an em
        // short, as a number that would not fit pushed it to the next line), up to half
        // the indent.
        let next_fills = next.is_some_and(|k| {
            let line = &page.lines[k];
            let narrow = narrow_slack(line.text).min(INDENT / 2.0);
            page.roles[k] == Role::Body && line.width + narrow >= full[k] - HALF_EM
        });
        let fills_line = match (i == para_start, page.cjk) {
            (true, true) => page.lines[i].width >= full[i] - INDENT - HALF_EM,
            // An OCR'd English column's indents are of no set width.
            (true, false) => false,
            (false, _) => page.lines[i].width > full[i] - INDENT,
        };
        let goes_on = fills_line && next_fills;
        let next_turn = next.is_some_and(|k| opens_turn(page.lines[k].text));
        // A cross-reference wrapped onto a line of its own still closes this paragraph, as
        // it does printed on the same line (`…最长不超过3年。` / `（相关报道见第二版）`).
        let then_reference = next
            .is_some_and(|k| page.roles[k] == Role::Body && is_cross_reference(page.lines[k].text));
        // An English page sets no blank line inside a column's text: one under a finished
        // sentence, before a line opening with a capital, parts two paragraphs.
        let next_apart = !page.cjk
            && next.is_some_and(|k| {
                page.lines[k].blank_before
                    && page.lines[k]
                        .text
                        .starts_with(|c: char| c.is_ascii_uppercase())
            });
        page.para_end[i] =
            !then_reference && (next_short || (short && !goes_on) || next_turn || next_apart);
        if page.para_end[i] {
            para_start = i + 1;
        }
    }
}

/// Whether body line `k` opens a list's item, a paragraph of its own, after line `i`
/// (the last of the paragraph begun at `start`): after the line introducing the list
/// (`…取得了以下成效：`), one closing a sentence or an item's clause (`；`), or another item
/// of the list; or the list's first item, another following it. A line-end in running text
/// never leaves the next line opening with an item's marker (`15.98万` is no item).
fn opens_list_item(page: &Page, start: usize, i: usize, k: usize) -> bool {
    let item = page.lines[k].text;
    // A fact box's labelled lines (`What: …` / `When: …`) are items of their own. The
    // item's own line counts too: a dropped line before it (a box's label taken for a
    // scrap) leaves the paragraph's start on that line.
    let labelled = |l: usize| !page.cjk && latin::is_labelled_item(page.lines[l].text);
    // The first of the items at a line's start may follow others run into a paragraph
    // (`Chicago, June 9.—Wheat—…` / `Hogs—…` / `Cattle—…`): after a finished sentence, an
    // item that another follows opens one.
    let list_follows = || {
        page.lines[i].ends_sentence
            && text_within(page, k, LABELLED_ITEM_REACH, latin::is_labelled_item)
    };
    if page.roles[k] == Role::Body
        && labelled(k)
        && (labelled(start) || labelled(i) || list_follows())
    {
        return true;
    }
    if page.roles[k] != Role::Body || !(starts_item(item) || opens_numbered_list(page, k)) {
        return false;
    }
    page.lines[i]
        .text
        .trim_end()
        .ends_with(['：', ':', '；', ';'])
        || page.lines[i].ends_sentence
        || same_list(page.lines[start].text, item)
        || opens_list(page, k)
}

/// Whether item line `k` is followed, within [`ITEM_REACH`] lines of text, by another
/// item of its list: `k` is an item however the line before it ends (an intro with no
/// colon, a short title over the list).
fn opens_list(page: &Page, k: usize) -> bool {
    text_within(page, k, ITEM_REACH, |t| same_list(page.lines[k].text, t))
}

/// Whether one of the `reach` lines under line `k` is body text that `is` holds of.
fn text_within(page: &Page, k: usize, reach: usize, is: impl Fn(&str) -> bool) -> bool {
    let end = page.lines.len().min(k + 1 + reach);
    (k + 1..end).any(|j| page.roles[j] == Role::Body && is(page.lines[j].text))
}

/// Lines within which a list's second item follows its first.
const ITEM_REACH: usize = 30;

/// Lines within which an English labelled item (`Hogs—…`) follows another: a report's
/// entries run a few lines each, and prose seldom opens two lines so close together
/// with a capitalised label and a dash.
const LABELLED_ITEM_REACH: usize = 6;

/// Whether body line `k` is a numbered list's first item whose text opens with a number
/// (`1.12路公交车延伸至…`), which alone reads as one (`1.12`): the list's second item
/// (`2.新开通…`) opens a line within [`ITEM_REACH`] lines below.
fn opens_numbered_list(page: &Page, k: usize) -> bool {
    let run_on = page.lines[k]
        .text
        .strip_prefix("1.")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    // Its second item opens a line within the list's reach, line `k` counted in it.
    run_on
        && text_within(page, k, ITEM_REACH - 1, |t| {
            t.starts_with("2.") && starts_item(t)
        })
}

/// The labels that open each turn of a printed interview (`记者：…？` / `答：…`).
const TURN_LABELS: [&str; 6] = ["问", "答", "记者", "主持人", "嘉宾", "编者"];

/// True when `text` opens an interview's turn: a turn starts its paragraph, however full
/// the line before it, as its dropped indent would have shown.
fn opens_turn(text: &str) -> bool {
    TURN_LABELS.iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    })
}

/// True when `text`, a trimmed line, is a bracketed pointer to another page of the
/// edition, which closes the paragraph before it (`（相关报道见第二版）`, `（详见第5版）`).
fn is_cross_reference(text: &str) -> bool {
    const MAX_CHARS: usize = 20;
    let inner = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']));
    inner.is_some_and(|t| {
        t.chars().count() <= MAX_CHARS && t.contains("见") && t.ends_with(['版', '页'])
    })
}

/// True when line `i` of an English page ends in a title before a name (`Mrs.`): the
/// name, and the sentence, go on on the next line.
fn ends_before_title(page: &Page, i: usize) -> bool {
    !page.cjk && latin::ends_before_name(page.lines[i].text)
}

/// True when body line `end` closes a bracketed aside that completes the paragraph begun at
/// `start` (`（摘编自《安徽日报》）`, `…3年。（相关报道见第二版）`).
fn closes_aside(page: &Page, start: usize, end: usize) -> bool {
    if !page.lines[end].text.trim_end().ends_with(['）', ')']) {
        return false;
    }
    let paragraph: String = (start..=end)
        .filter(|&k| page.roles[k] == Role::Body)
        .map(|k| page.lines[k].text)
        .collect();
    ends_with_aside(&paragraph)
}

#[cfg(test)]
mod tests;
