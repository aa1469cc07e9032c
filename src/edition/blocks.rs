//! Column blocks put back in order: pdftotext sometimes emits the blocks of one story's
//! columns out of order (the top of column two before the foot of column one), so a
//! story's text starts mid-sentence under its headline and its real first paragraph comes
//! later.
//!
//! The evidence is the layout of the seams between blocks, not the words (a column break
//! falls between words as often as inside one). A block *opens* a paragraph when its first
//! line is indented (two ems short of the column) and *continues* one when its first line
//! fills the column; a block *ends open* when its last line fills the column without ending
//! a sentence. In reading order an open end is followed by a continuing start and nothing
//! else. A block is moved only when that repairs its seams and breaks none: a continuing
//! block printed after a caption, a headline or a finished sentence, and a later block that
//! opens a paragraph and ends open, printed after an open end and before a continuing
//! start, go back together as that later block, then the orphan.
//!
//! The same seams show a story set inside another ([`resume_interrupted`]): the long story
//! stops mid-sentence before the short one's headline and goes on after its text. Since
//! whole runs of text move past a headline, the evidence must be stronger there: a word
//! across the seam (`失去了价` + `值……`), or a cut line that fills its column and a short
//! story that ends as stories do (a jump line or a closing aside, not just a sentence).
//! Text under a jump-from line (`（上接第2版）`) starts mid-sentence, so a block that opens
//! and closes a paragraph printed before one that starts mid-sentence goes after it
//! ([`lead_with_continuation`]).
//!
//! Only body lines move, as whole blocks; every line keeps its role. Runs on Chinese pages,
//! after the roles are set and before paragraph ends are found.

use super::classify::{Page, Role};
use super::furniture::{find_jump, JumpKind};
use super::order::{first_word, word_across_lines};
use super::script::ends_with_aside;

/// How far ahead (in blocks) the block that opens the orphan's paragraph may be printed.
const LOOKAHEAD: usize = 3;
/// Ems a line may fall short of its column and still fill it (digits and Latin letters are
/// half an em, quotes and dashes vary).
const FULL_SLACK: f32 = 1.0;
/// Ems short of its column from which a first line is indented (a lost two-em indent).
const INDENT_MIN: f32 = 1.5;
/// Fewest lines of a block taken as a block: single lines are the interleaving of
/// [`super::order`], not a misplaced block.
const MIN_LINES: usize = 2;

/// One block of body lines: `start..end` in the page.
#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
}

/// Puts body blocks emitted out of order back in reading order (see the module doc).
pub fn restore_block_order(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let mut blocks = body_blocks(page);
    let mut i = 0;
    while i < blocks.len() {
        if let Some(j) = opener_of(page, &blocks, i) {
            move_before(page, &blocks, j, i);
            // The page changed: read the blocks again and look at the moved ones anew.
            blocks = body_blocks(page);
        }
        i += 1;
    }
}

/// Text under a jump-from line (`（上接第2版）`) goes on from another page, so it starts
/// mid-sentence. When the first block there opens a paragraph and closes it, and the block
/// right after it starts mid-sentence after that close, the dump printed the two in the
/// wrong order: the later block goes first.
pub fn lead_with_continuation(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let blocks = body_blocks(page);
    for (i, pair) in blocks.windows(2).enumerate() {
        let (x, y) = (pair[0], pair[1]);
        let after_jump = x.start > 0
            && page.roles[x.start - 1] == Role::Jump
            && find_jump(page.lines[x.start - 1].text).is_some_and(|j| j.kind == JumpKind::From);
        if !after_jump || y.start != x.end {
            continue;
        }
        let column = column_of(page, &[x, y]);
        let mid = |k: usize| continues(page, k, column) || starts_mid_sentence(page.lines[k].text);
        if !mid(x.start) && mid(y.start) && closes(page, x.end - 1) && closes(page, y.end - 1) {
            move_before(page, &blocks, i + 1, i);
            return;
        }
    }
}

/// The line cannot open a sentence: it starts with a clause mark, a closing quote or
/// bracket, or the particle 的 as a word of its own, which always follows what it
/// qualifies (`的确`, `的士` are words that may open one).
fn starts_mid_sentence(text: &str) -> bool {
    let first = text.trim_start().chars().next();
    first.is_some_and(|c| "，。、；：！？”）》’".contains(c))
        || (first == Some('的') && first_word(text) == "的")
}

/// Text that goes on after a story set inside another: when a story's last line before a
/// headline is cut off mid-sentence, and the text under that headline is followed by a
/// block that continues a line, that block (to the end of its run) is the cut-off story's
/// rest and goes back under it.
pub fn resume_interrupted(page: &mut Page) {
    if !page.cjk {
        return;
    }
    let mut h = 0;
    while h < page.lines.len() {
        if let Some((s, e)) = rest_of(page, h) {
            let starts_at_rest = page.starts[s];
            move_span(page, h, s, e);
            page.starts[h] = false;
            page.starts[h + (e - s)] = starts_at_rest || page.starts[h + (e - s)];
        }
        h += 1;
    }
}

/// For a headline at line `h` that interrupts a story cut off mid-sentence, the span of
/// that story's rest printed after the interrupting text.
fn rest_of(page: &Page, h: usize) -> Option<(usize, usize)> {
    let n = page.lines.len();
    if h == 0 || page.roles[h] != Role::Head || page.roles[h - 1] != Role::Body {
        return None;
    }
    let last = h - 1;
    let first = (0..last)
        .rev()
        .take_while(|&k| page.roles[k] == Role::Body)
        .last()
        .unwrap_or(last);
    let column = column_of(
        page,
        &[Block {
            start: first,
            end: h,
        }],
    );
    if last - first + 1 < MIN_LINES || closes(page, last) {
        return None;
    }
    // The interrupting story's text: past its headline lines, up to the next headline.
    let body_from = (h..n).find(|&k| page.roles[k] == Role::Body)?;
    let next_head = (body_from..n)
        .find(|&k| page.roles[k] == Role::Head)
        .unwrap_or(n);
    // A block that starts with a full line, or with a paragraph's closing line, cannot
    // open a paragraph of its own (that starts indented): it goes on from somewhere.
    let s = (body_from + 1..next_head).find(|&k| {
        page.roles[k] == Role::Body
            && page.starts[k]
            && after_closed(page, k)
            && (continues(page, k, column) || page.lines[k].ends_sentence)
            && page.lines[k].width <= column + FULL_SLACK
    })?;
    let e = (s..n).find(|&k| page.roles[k] != Role::Body).unwrap_or(n);
    let (cut, rest) = (page.lines[last].text, page.lines[s].text);
    // A word across the seam is evidence enough; without one, the layout must speak: the
    // cut line fills the column, and the other story ends as stories do, with a jump line
    // or a closing aside (`（相关报道见第二版）`), not just a sentence, which any paragraph
    // ends with; and its text closes wherever a block of it ends (past its first, which
    // may be a dateline alone), so nothing of it is what the block goes on from.
    let story_ends = page.roles[s - 1] == Role::Jump || ends_with_aside(page.lines[s - 1].text);
    let other_closes = (body_from + 1..s).all(|k| !page.starts[k + 1] || closes(page, k));
    let layout = ends_open(page, last, column) && story_ends && other_closes;
    // The layout first: jieba's cut is the costly test.
    (e - s >= MIN_LINES && (layout || word_across_lines(cut, rest))).then_some((s, e))
}

/// Runs of body lines split where a blank line (or any other line) stands between them.
fn body_blocks(page: &Page) -> Vec<Block> {
    let n = page.lines.len();
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if page.roles[k] != Role::Body {
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        while k < n && page.roles[k] == Role::Body && !page.starts[k] {
            k += 1;
        }
        out.push(Block { start, end: k });
    }
    out
}

/// The index of the block that opens the paragraph orphaned block `i` continues, when the
/// seams say so plainly (see the module doc).
fn opener_of(page: &Page, blocks: &[Block], i: usize) -> Option<usize> {
    let x = blocks[i];
    if x.end - x.start < MIN_LINES || !after_closed(page, x.start) {
        return None;
    }
    let mut prev = x;
    for j in i + 1..blocks.len().min(i + 1 + LOOKAHEAD) {
        let y = blocks[j];
        // The same run of text: nothing but body lines between the blocks.
        if y.start != prev.end || y.end - y.start < MIN_LINES {
            return None;
        }
        let column = column_of(page, &[x, y]);
        let next_continues = blocks
            .get(j + 1)
            .filter(|z| z.start == y.end)
            .is_none_or(|z| continues(page, z.start, column));
        if continues(page, x.start, column)
            && opens(page, y.start, column)
            && ends_open(page, prev.end - 1, column)
            && ends_open(page, y.end - 1, column)
            && next_continues
        {
            return Some(j);
        }
        prev = y;
    }
    None
}

/// Whether what stands before line `k` closes: no line, a line of another role, or a body
/// line that ends a sentence or a bracketed aside (`（相关报道见第二版）`).
fn after_closed(page: &Page, k: usize) -> bool {
    k == 0 || page.roles[k - 1] != Role::Body || closes(page, k - 1)
}

/// Line `k` ends a sentence or a bracketed aside: its text may end there.
fn closes(page: &Page, k: usize) -> bool {
    page.lines[k].ends_sentence || ends_with_aside(page.lines[k].text)
}

/// The blocks' column: their widest line that ends no sentence.
fn column_of(page: &Page, blocks: &[Block]) -> f32 {
    blocks
        .iter()
        .flat_map(|b| &page.lines[b.start..b.end])
        .filter(|l| !l.ends_sentence)
        .map(|l| l.width)
        .fold(0.0, f32::max)
}

/// Line `k` fills the column: the block goes on from a line above.
fn continues(page: &Page, k: usize, column: f32) -> bool {
    page.lines[k].width >= column - FULL_SLACK
}

/// Line `k` is indented: it opens a paragraph.
fn opens(page: &Page, k: usize, column: f32) -> bool {
    let l = &page.lines[k];
    !l.ends_sentence && l.width <= column - INDENT_MIN && l.width >= column - 2.0 * INDENT_MIN
}

/// Line `k` fills the column and ends no sentence: the text goes on elsewhere.
fn ends_open(page: &Page, k: usize, column: f32) -> bool {
    let l = &page.lines[k];
    !l.ends_sentence && l.width >= column - FULL_SLACK
}

/// Moves block `j` to stand right before block `i` (`i < j`). The moved block takes block
/// `i`'s unit start, and block `i`'s first line no longer starts a unit of its own.
fn move_before(page: &mut Page, blocks: &[Block], j: usize, i: usize) {
    let (x, y) = (blocks[i], blocks[j]);
    let starts_at_x = page.starts[x.start];
    move_span(page, x.start, y.start, y.end);
    page.starts[x.start] = starts_at_x;
    page.starts[x.start + (y.end - y.start)] = false;
}

/// Moves lines `from..to` to stand before line `at` (`at <= from`), in every per-line
/// vector of the page: a rotation of `at..to`.
fn move_span(page: &mut Page, at: usize, from: usize, to: usize) {
    let k = from - at;
    page.lines[at..to].rotate_left(k);
    page.roles[at..to].rotate_left(k);
    page.starts[at..to].rotate_left(k);
    page.para_end[at..to].rotate_left(k);
    page.may_lead[at..to].rotate_left(k);
    page.leads[at..to].rotate_left(k);
    page.latin_head[at..to].rotate_left(k);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    /// Asserts that classifying `text` moves none of its lines.
    fn assert_stays_as_printed(text: &str) {
        let page = classify(to_lines(text), true);
        let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
        let printed: Vec<&str> = to_lines(text).iter().map(|l| l.text).collect();
        assert_eq!(lines, printed);
    }

    fn body_text<'a>(page: &Page<'a>) -> Vec<&'a str> {
        (0..page.lines.len())
            .filter(|&k| page.roles[k] == Role::Body)
            .map(|k| page.lines[k].text)
            .collect()
    }

    /// A story whose second column block (`体力劳动。…`) was printed before its first.
    const SWAPPED: &str = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
        山东滨州市惠民县东董村村民董相\n民（左一）在工作中。\n李 蕊摄\n\n\
        体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了。\n\
        困难之际，镇民政办工作人\n员主动联系了他：“大叔，您想\n不想在村里干点轻快的活儿？可\n\
        以为您推荐公益性岗位。”\n董相民有些惊讶：“我没主\n动申请过公益性岗位，政府咋这\n\
        么了解我的困难？”\n原来，为推动救助范围\n从“在保对象”向“潜在对象”拓\n\
        展，山东搭建起了低收入人口动\n态监测信息平台，汇聚了28个\n部门的77类社会救助数据资源\n\
        并持续更新。\n通过比对医保系统、教育缴\n费数据和低保档案，平台发现了\n\
        董相民的家庭困难，并结合他的\n\n\
        清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶。\n\
        一年多前，董相民因脑血栓\n导致肢体二级残疾，无法从事重\n\n\
        残疾等级、年龄等信息，初步判\n断他具备从事轻体力劳动的能\n力。";

    #[test]
    fn a_story_block_printed_early_goes_after_the_block_that_opens_it() {
        let page = classify(to_lines(SWAPPED), true);
        let body = body_text(&page);
        assert_eq!(body[0], "清晨，山东省滨州市惠民县");
        let at = |t: &str| body.iter().position(|l| *l == t).expect(t);
        assert_eq!(
            at("体力劳动。一家四口，原本靠低"),
            at("导致肢体二级残疾，无法从事重") + 1
        );
        assert_eq!(
            at("残疾等级、年龄等信息，初步判"),
            at("董相民的家庭困难，并结合他的") + 1
        );
        assert_eq!(page.lines.len(), to_lines(SWAPPED).len());
    }

    /// A short story set inside a longer one, which is cut off (`…失去了价`) before it and
    /// goes on (`值……`) after it.
    const INTERRUPTED: &str = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
        一份负责本村卫生保洁的公\n益性岗位工作，也很快交到董相\n民手上。“以前在床上动弹不\n\
        了，觉得自己失去了价\n\
        呼和浩特赛罕区法院多元解纷推动诉源治理\n本报呼和浩特6月17日电\n\
        （记者丁志军）记者从内蒙古自\n治区呼和浩特市赛罕区人民法院\n获悉：该院积极探索服务社会治\n\
        理新模式，推动法院从“就案办\n案”向“以案促治”转变。\n\n\
        值……”董相民话锋一转，“现在\n能干活，有工资，还能为村里出\n份力，心里舒坦多了。”";

    #[test]
    fn a_story_cut_off_by_another_goes_on_under_its_own_headline() {
        let page = classify(to_lines(INTERRUPTED), true);
        let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
        let at = |t: &str| lines.iter().position(|l| *l == t).expect(t);
        assert_eq!(
            at("值……”董相民话锋一转，“现在"),
            at("了，觉得自己失去了价") + 1
        );
        assert!(at("份力，心里舒坦多了。”") < at("呼和浩特赛罕区法院多元解纷推动诉源治理"));
        assert_eq!(lines.len(), to_lines(INTERRUPTED).len());
    }

    #[test]
    fn text_after_another_story_stays_without_a_word_across_the_seam() {
        let text = INTERRUPTED.replace("了，觉得自己失去了价", "了，觉得自己失去了信心和");
        assert_stays_as_printed(&text);
    }

    #[test]
    fn a_full_cut_line_resumes_after_the_other_story_closes() {
        // No word runs across `…失去了生活的` + `信心……`: the layout tells it. The cut line
        // fills the column, the other story closes with a cross-reference, and the block
        // after it starts with a paragraph's closing line, which opens nothing.
        let text = INTERRUPTED
            .replace("了，觉得自己失去了价", "了，觉得自己已经失去了生活的")
            .replace(
                "转变。\n\n值……”董相民话锋一转，“现在\n",
                "转变。\n（相关报道见第二版）\n\n信心。\n董相民话锋一转，“现在\n",
            );
        let page = classify(to_lines(&text), true);
        let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
        let at = |t: &str| lines.iter().position(|l| *l == t).expect(t);
        assert_eq!(at("信心。"), at("了，觉得自己已经失去了生活的") + 1);
        assert!(at("份力，心里舒坦多了。”") < at("呼和浩特赛罕区法院多元解纷推动诉源治理"));
    }

    #[test]
    fn a_full_cut_line_waits_for_a_story_end_not_a_sentence_end() {
        // Without the cross-reference the other story only ends a sentence, as any
        // paragraph does: the block after it may be its own, and stays.
        let text = INTERRUPTED
            .replace("了，觉得自己失去了价", "了，觉得自己已经失去了生活的")
            .replace(
                "转变。\n\n值……”董相民话锋一转，“现在\n",
                "转变。\n\n信心。\n董相民话锋一转，“现在\n",
            );
        assert_stays_as_printed(&text);
    }

    /// The rest of a story from page 2, its second block (`的远程会诊中心。…`) printed first.
    const CONTINUED: &str = "（上接第2版）\n\n\
        一番检查下来，张大伯并未发现大\n碍，只是血压数值偏高。“给你开了些\n\
        药，要按时服药和定时监测血压，另外\n饮食要清淡。”吴小芬一边叮嘱，一\n\
        边更新张大伯的健康档案。\n\n\
        的远程会诊中心。吴小芬说，遇到\n疑难杂症，还可通过车上的省市县乡村\n\
        五级贯通“云诊室”，联系上级医院医\n生，“面对面”为村民会诊。";

    #[test]
    fn text_under_a_jump_from_line_starts_with_the_block_that_continues() {
        let page = classify(to_lines(CONTINUED), true);
        let body = body_text(&page);
        assert_eq!(body[0], "的远程会诊中心。吴小芬说，遇到");
        assert_eq!(body[4], "一番检查下来，张大伯并未发现大");
        // Without the jump line nothing says the text starts mid-sentence.
        let text = CONTINUED.replace("（上接第2版）", "便捷就医 跨越山海");
        assert_stays_as_printed(&text);
    }

    #[test]
    fn a_block_opening_with_a_word_that_starts_with_de_may_open_a_sentence() {
        // `的确` is a word that opens sentences; only 的 as a word of its own cannot.
        let text = CONTINUED.replace("的远程会诊中心。吴小芬说，遇到", "的确，吴小芬说，遇到");
        assert_stays_as_printed(&text);
    }

    #[test]
    fn blocks_in_reading_order_stay() {
        // The same story printed in order: every seam already agrees.
        let text = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
            清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶。\n\
            一年多前，董相民因脑血栓\n导致肢体二级残疾，无法从事重\n\n\
            体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了。";
        assert_stays_as_printed(text);
    }

    #[test]
    fn a_block_that_would_break_a_seam_stays() {
        // The later block opens a paragraph but the block after it opens one too: moving
        // it would leave an open end before an indented start.
        let text = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
            体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了，他的\n\n\
            清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶的\n\n\
            困难之际，镇民政办工作人\n员主动联系了他。";
        assert_stays_as_printed(text);
    }
}
