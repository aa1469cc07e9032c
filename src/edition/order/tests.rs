//! Synthetic interleaved pages: columns cut from running text, emitted row by row as
//! pdftotext does, must come back in column order; flowing text must stay as it is.

use super::*;
use crate::edition::lines::to_lines;

/// Running prose of one article, cut into lines of `width` characters; the lines of every
/// paragraph but the last fill the column, the last line of a paragraph is shorter.
const TEXT: &str = "近年来，各地持续推进城市更新行动，老旧小区改造工作取得明显成效。\
许多居民反映，小区环境变好了，出行更方便了，生活质量有了实实在在的提升。\
社区工作人员介绍，改造前广泛征求居民意见，把加装电梯、增设停车位、完善养老服务设施等需求纳入方案。\
专家认为，城市更新不仅要改善基础设施，更要注重保护历史文化，提升城市治理水平，\
让人民群众在城市生活得更方便、更舒心、更美好。下一步，有关部门将进一步加大支持力度，\
推动更多老旧小区完成改造，并探索建立长效管理机制，确保改造成果长期惠及居民。";

/// `text` cut into lines of `width` characters; a `\n` in it ends a paragraph, whose last
/// line is then shorter than the column.
fn to_column_lines(text: &str, width: usize) -> Vec<String> {
    text.split('\n')
        .flat_map(|para| {
            let chars: Vec<char> = para.chars().collect();
            chars
                .chunks(width)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The lines split into `cols` columns of (nearly) equal length, emitted row by row.
fn to_interleaved(lines: &[String], cols: usize) -> Vec<String> {
    let per = lines.len().div_ceil(cols);
    let columns: Vec<&[String]> = lines.chunks(per).collect();
    let mut out = Vec::new();
    for row in 0..per {
        for col in &columns {
            if let Some(l) = col.get(row) {
                out.push(l.clone());
            }
        }
    }
    out
}

fn reorder(lines: &[String]) -> Vec<String> {
    let text = lines.join("\n");
    to_reading_order(to_lines(&text), true)
        .lines
        .iter()
        .map(|l| l.text.to_owned())
        .collect()
}

/// The same prose with a paragraph break after its third sentence.
fn with_paragraph_break() -> String {
    TEXT.replacen("质量有了实实在在的提升。", "质量有了实实在在的提升。\n", 1)
}

/// The cases of `cases` (text, width, columns) whose interleaved lines do not come back
/// in column order.
fn misordered(cases: &[(&str, usize, usize)]) -> Vec<(usize, usize)> {
    cases
        .iter()
        .filter(|(text, width, cols)| {
            let lines = to_column_lines(text, *width);
            reorder(&to_interleaved(&lines, *cols)) != lines
        })
        .map(|&(_, width, cols)| (width, cols))
        .collect()
}

#[test]
fn interleaved_columns_come_back_in_column_order() {
    // 20 lines in 2, 3 (uneven: 7, 7, 6) and 4 columns.
    let cases = [(TEXT, 12, 2), (TEXT, 12, 3), (TEXT, 12, 4)];
    assert_eq!(misordered(&cases), vec![]);
}

/// Known gaps, kept visible: a short page with a paragraph break in a column does not pass
/// the gate's bigram look, and at other column widths some joins land where the words
/// across them are weaker than the period (a wrong successor splits a column).
#[test]
#[ignore = "known gaps of the order stage on short synthetic pages"]
fn paragraph_breaks_and_other_widths_come_back_too() {
    let broken = with_paragraph_break();
    let cases = [
        (broken.as_str(), 12, 2),
        (broken.as_str(), 12, 3),
        (TEXT, 14, 2),
        (TEXT, 14, 3),
        (TEXT, 14, 4),
    ];
    assert_eq!(misordered(&cases), vec![]);
}

#[test]
fn flowing_text_stays_as_it_is() {
    let lines = to_column_lines(TEXT, 12);
    assert_eq!(reorder(&lines), lines);
}

#[test]
fn latin_pages_are_left_alone() {
    // Interleaved columns the stage reorders on a Chinese page stay as printed when the
    // page is not Chinese.
    let lines = to_interleaved(&to_column_lines(TEXT, 12), 3);
    assert_ne!(reorder(&lines), lines, "the lines are interleaved");
    let text = lines.join("\n");
    let got = to_reading_order(to_lines(&text), false).lines;
    assert_eq!(got.iter().map(|l| l.text).collect::<Vec<_>>(), lines);
}

#[test]
fn blank_rhythm_stays_with_the_positions() {
    // Interleaved columns put back in column order, the blank lines printed before some
    // positions (not a multiple of the period), so flags carried along with their lines
    // would land elsewhere.
    let columns = to_column_lines(TEXT, 12);
    let printed = to_interleaved(&columns, 3);
    let mut text = String::new();
    for (k, l) in printed.iter().enumerate() {
        if k > 0 {
            text.push_str(if k % 5 == 2 { "\n\n" } else { "\n" });
        }
        text.push_str(l);
    }
    let input = to_lines(&text);
    let before: Vec<bool> = input.iter().map(|l| l.blank_before).collect();
    let order: Vec<usize> = columns
        .iter()
        .map(|c| printed.iter().position(|p| p == c).unwrap())
        .collect();
    let carried: Vec<bool> = order.iter().map(|&i| before[i]).collect();
    let got = to_permuted(input, &order, &[]);
    let texts: Vec<&str> = got.iter().map(|l| l.text).collect();
    assert_eq!(texts, columns, "the lines follow the order");
    let after: Vec<bool> = got.iter().map(|l| l.blank_before).collect();
    assert_eq!(before, after);
    assert_ne!(carried, after, "the test must tell positions from lines");
}

#[test]
fn output_is_a_permutation_of_the_input() {
    let lines = to_interleaved(&to_column_lines(TEXT, 9), 4);
    let mut got = reorder(&lines);
    let mut want = lines.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn a_bracket_left_open_before_the_columns_is_closed_by_its_column() {
    // A dateline broken before the reporter's name, then three columns emitted row by row
    // with the name's column (`姜琳）为贯彻…`) printed last in each row.
    let text = "《实施弹性退休制度暂行办法》发布\n据新华社北京1月1日电\n\n（记者\n\n\
        工的法定退休年龄从原60周岁延迟到\n\n不超过3年，且退休年龄不得低于女\n\n\
        姜琳）为贯彻落实《全国人民代表大\n\n63周岁，将女职工的法定退休年龄从\n\n\
        职工50周岁、55周岁及男职工60周\n\n会常务委员会关于实施渐进式延迟法\n\n\
        原50周岁、55周岁，分别延迟到55\n\n岁的原法定退休年龄。职工达到法定\n\n\
        定退休年龄的决定》，人力资源社会\n\n周岁、58周岁。\n\n\
        退休年龄时，所在单位与职工协商一\n\n保障部、中央组织部、财政部等三部\n\n\
        《实施弹性退休制度暂行办法》\n\n致的，可以弹性延迟退休，延迟时间\n\n\
        门1月1日发布《实施弹性退休制度暂\n\n提出，自2025年1月1日起，职工达\n\n\
        距法定退休年龄最长不超过3年。\n\n行办法》。";
    let got: Vec<&str> = to_reading_order(to_lines(text), true)
        .lines
        .iter()
        .map(|l| l.text)
        .collect();
    let at = |t: &str| got.iter().position(|l| *l == t).expect(t);
    assert_eq!(
        at("姜琳）为贯彻落实《全国人民代表大"),
        at("（记者") + 1,
        "{got:?}"
    );
}

#[test]
fn only_a_closing_bracket_answers_an_open_one() {
    let open = join::Side::from_text("（记者");
    assert!(open.leaves_bracket_open);
    assert!(!join::Side::from_text("（记者王浩）").leaves_bracket_open);
    assert!(join::Side::from_text("王浩）为贯彻落实").closes_bracket_first);
    assert!(!join::Side::from_text("（新华社）为贯彻").closes_bracket_first);
    assert!(!join::Side::from_text("为贯彻落实").closes_bracket_first);
}

#[test]
fn an_indented_line_with_digits_agrees_with_its_column() {
    // Six digits that count 3 ems set wider: the line fills its indented column.
    let opener = Side::from_text("根据决定，从2025年1月1日");
    let full = Side::from_text("起，我国将用15年时间，逐步将男职");
    assert_eq!(width_agreement(&opener, &full), 0.0);
    // As many ems of ideographs, whose width is exact, are another column's.
    let short = Side::from_text("根据决定从今年开始我");
    assert!(width_agreement(&short, &full) < 0.0);
}

/// Two columns emitted row by row, a blank line between rows, as pdftotext prints one
/// block per line; where column B has a gap (its paragraph ended a row early), column A's
/// two lines of that stretch come out as one block, with no blank between them.
fn to_rows_with_a_block(a: &[String], b: &[String], gap: usize) -> String {
    let mut rows: Vec<String> = Vec::new();
    let mut bi = 0;
    let mut k = 0;
    while k < a.len() || bi < b.len() {
        if k == gap && k + 1 < a.len() {
            rows.push(format!("{}\n{}", a[k], a[k + 1]));
            k += 2;
        } else if k < a.len() {
            rows.push(a[k].clone());
            k += 1;
        }
        if bi < b.len() {
            rows.push(b[bi].clone());
            bi += 1;
        }
    }
    rows.join("\n\n")
}

#[test]
fn a_block_of_two_lines_amid_blank_separated_rows_stays_one_column() {
    let lines = to_column_lines(TEXT, 12);
    let (a, b) = lines.split_at(lines.len().div_ceil(2) + 1);
    for gap in 2..5 {
        let text = to_rows_with_a_block(a, b, gap);
        let got: Vec<&str> = to_reading_order(to_lines(&text), true)
            .lines
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(got, lines, "block at row {gap}");
    }
}

#[test]
fn a_region_takes_in_its_blocks_and_a_cut_line_hanging_before_it() {
    let text = "近年来各地持续推进城市更新行动老旧\n\n编辑 彭园园 美编 丁志军 校对 张驰\n\n\
        小区改造工作取得明显成效许多居民反\n\n社区工作人员介绍改造前广泛征求居民\n\n\
        映小区环境变好了出行更方便了生活质\n量有了实实在在的提升专家认为城市更\n\n\
        意见把加装电梯增设停车位完善养老服";
    let lines = to_lines(text);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let prose: Vec<bool> = lines.iter().map(|l| is_prose(&l.tally)).collect();
    let page = Page::from_lines(&lines, prose, Bigrams::from_texts(&texts));
    let succ = vec![None; lines.len()];
    // The first line is cut mid-sentence with nothing after it; the page's header between.
    assert_eq!(page.widened((2, 6), &succ), (0, 6));
    // A region that starts inside the block of lines 4 and 5 starts with the block.
    let mut joined = succ.clone();
    joined[4] = Some(5);
    assert_eq!(page.widened((5, 6), &joined), (4, 6));
}

/// The scorer's view of `text`'s lines, all counted as prose.
fn page_of(text: &str) -> Page {
    let lines = to_lines(text);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let prose = vec![true; lines.len()];
    Page::from_lines(&lines, prose, Bigrams::from_texts(&texts))
}

#[test]
fn a_line_stacked_under_another_continues_it() {
    // The same two lines, printed in one block and as blocks of their own.
    let stacked =
        page_of("各地持续推进城市更新行动，老旧小\n区改造工作取得明显成效，居民满意\n\n完");
    let apart =
        page_of("各地持续推进城市更新行动，老旧小\n\n区改造工作取得明显成效，居民满意\n\n完");
    assert_eq!(stacked.score(0, 1) - apart.score(0, 1), STACKED);
}

#[test]
fn a_column_printed_as_a_block_sets_the_period_of_its_own_lines_only() {
    // Lines 0-1 of one block, 2-3 of another; 0→1 is a stacked join.
    let page = page_of("甲乙丙丁戊己庚\n辛壬癸子丑寅卯\n\n辰巳午未申酉戌\n\n亥甲乙丙丁戊己");
    let succ = vec![Some(1), None, None, None];
    assert!(page.votes_for(&succ, 0, 1));
    assert!(!page.votes_for(&succ, 0, 2));
    // A join across rows votes everywhere.
    let succ = vec![Some(2), None, None, None];
    assert!(page.votes_for(&succ, 0, 3));
}

#[test]
fn a_dateline_line_is_no_guess_after_a_paragraph_end() {
    let page = page_of(
        "大力支持主动作为。\n\n据新华社北京1月1日电 （记者姜\n\n今年以来，各地持续推进城市更新",
    );
    assert!(!page.is_vouched(0, 1, 0.0));
    assert!(page.is_vouched(0, 2, 0.0));
}

#[test]
fn a_headline_line_is_no_guess_after_a_paragraph_end() {
    // A column of 13 ems: after a paragraph's end, a 6-em line that ends no sentence is a
    // headline printed in the row, not the next paragraph's first line.
    let page = page_of(
        "调查团累计组织青年学生深入京津\n\n尘，发现了一些散落的碑刻。\n\n\
         在攻坚克难中\n\n这些年轻人都是天津师范大学\n\n都来自京津冀地区的高校。多年",
    );
    assert!(!page.is_vouched(1, 2, 0.0));
    assert!(page.is_vouched(1, 3, 0.0));
}

#[test]
fn a_region_takes_the_short_run_its_last_line_starts() {
    let succ = vec![Some(2), Some(3), Some(4), Some(5), Some(6), None, None];
    assert_eq!(to_run_end(&succ, 4, 7), 4);
    let succ = vec![None, None, Some(3), Some(4), None, None];
    assert_eq!(to_run_end(&succ, 2, 6), 4);
    // A whole column printed after the region keeps its place.
    let mut succ: Vec<Option<usize>> = (1..=40).map(Some).collect();
    succ.push(None);
    assert_eq!(to_run_end(&succ, 2, succ.len()), 2);
}

#[test]
fn a_block_under_the_region_end_goes_on_its_chain_before_the_other_chains() {
    // Columns A (lines 0, 2, 4) and B (1, 3) printed row by row; A's rest (5, 6) is
    // printed in one block under its line 4, after B has ended.
    let page = page_of(
        "近年来各地持续推进城市\n\n社区工作人员介绍改造前\n\n更新行动老旧小区改造\n\n\
         广泛征求居民意见加装电\n\n工作取得明显成效许多\n居民反映小区环境变好\n了出行更方便了很多",
    );
    let mut scores = Scores::new(7);
    for (from, to) in [(0, 2), (2, 4), (1, 3)] {
        scores.set(from, to, 5.0);
    }
    let succ = vec![Some(2), Some(3), Some(4), None, None, None, None];
    let (order, breaks) = to_order(&page, &[(0, 4)], (&succ, &scores), 7);
    assert_eq!(order, vec![0, 2, 4, 5, 6, 1, 3]);
    // B's text starts a block of its own where it now stands.
    assert_eq!(breaks, vec![5]);
    // Rows printed without blank lines between them say nothing of blocks.
    let page = page_of(
        "近年来各地持续推进城市\n社区工作人员介绍改造前\n更新行动老旧小区改造\n\
         广泛征求居民意见加装电\n\n工作取得明显成效许多\n居民反映小区环境变好\n了出行更方便了很多",
    );
    assert_eq!(page.block_under((0, 4), 7), 4);
}

/// Columns A (lines 0, 2, 4, 6) and B (1, 3, 5, 7) of four full lines each, row by row.
const TWO_COLUMNS: [&str; 8] = [
    "近年来，各地持续推进城市更",
    "社区工作人员介绍，改造之前",
    "新行动，老旧小区改造工作取",
    "广泛征求居民意见，把加装电",
    "得明显成效，许多居民反映小",
    "梯等需求纳入方案。专家认为",
    "区环境变好了，出行更方便了",
    "城市更新，要注重保护历史文",
];

/// [`TWO_COLUMNS`] printed with blank lines between, and `third` as B's third line.
fn two_columns_with(third: &str) -> Page {
    let mut rows: [&str; 8] = TWO_COLUMNS;
    rows[5] = third;
    page_of(&rows.join("\n\n"))
}

/// The order `to_order` gives lines `0..n` of `page`, columns A (lines 0, 2, 4, 6) and B
/// (1, 3, 5, 7) and whatever follows them, when both columns' chains score 2.0 a join and
/// the printed order 0.3: better by 9.9 over the columns' eight lines.
fn order_of_two_columns(page: &Page, n: usize) -> Vec<usize> {
    let mut scores = Scores::new(n);
    for k in 0..n - 1 {
        scores.set(k, k + 1, 0.3);
    }
    for k in 0..6 {
        scores.set(k, k + 2, 2.0);
    }
    to_order(page, &[(0, n - 1)], (&succ_of_two_columns(n), &scores), n).0
}

/// The successors of [`order_of_two_columns`]: each column line's next in its column.
fn succ_of_two_columns(n: usize) -> Vec<Option<usize>> {
    (0..n).map(|k| (k + 2 < 8).then_some(k + 2)).collect()
}

#[test]
fn a_region_of_running_lines_is_reordered_on_less_evidence() {
    // Every line fills its column: nothing in the rows a chain could carry off.
    let running = two_columns_with("生态环境质量推进滨水廊道建");
    assert_eq!(running.margin_for((0, 7)), RUNNING_MARGIN_PER_LINE * 8.0);
    assert_eq!(
        order_of_two_columns(&running, 8),
        vec![0, 2, 4, 6, 1, 3, 5, 7]
    );
    // A short line that ends nothing may be a headline printed in the row: the region
    // needs the full margin, which 9.9 over eight lines is not.
    let with_head = two_columns_with("口袋公园");
    assert_eq!(with_head.margin_for((0, 7)), MARGIN_PER_LINE * 8.0);
    assert_eq!(
        order_of_two_columns(&with_head, 8),
        (0..8).collect::<Vec<_>>()
    );
    // So does a region shorter than RUNNING_REGION.
    assert_eq!(running.margin_for((0, 6)), MARGIN_PER_LINE * 7.0);
}

/// [`TWO_COLUMNS`] printed with blank lines between, then `head` and a line of the story
/// under it: a region of ten lines. The columns read better in chain order by 9.9 over
/// their eight lines, the whole region by 9.3 over ten: short of the margin the headline
/// asks of it ([`order_of_two_columns`]).
fn two_columns_then(head: &str) -> Page {
    let rows = [&TWO_COLUMNS[..], &[head, "本报讯，记者从有关部门获悉"]].concat();
    page_of(&rows.join("\n\n"))
}

#[test]
fn the_columns_of_a_region_with_a_headline_are_reordered_on_their_own() {
    let page = two_columns_then("口袋公园");
    assert_eq!(page.margin_for((0, 9)), MARGIN_PER_LINE * 10.0);
    assert_eq!(
        order_of_two_columns(&page, 10),
        vec![0, 2, 4, 6, 1, 3, 5, 7, 8, 9]
    );
    // A headline as wide as the column is no column text: no clause mark, and no join
    // the text vouches for. Column lines have the one or the other.
    let page = two_columns_then("城市更新让老旧小区焕发新颜");
    let succ = succ_of_two_columns(10);
    assert!(!page.is_column_text(8, &succ));
    assert!((0..8).all(|k| page.is_column_text(k, &succ)));
    // Nor is a line that stops short of the column without ending a sentence, or one
    // wider than the column: a headline's, for all its commas.
    for head in [
        "城市更新，焕发新颜",
        "城市更新，让老旧小区焕发新颜，居民生活更美好",
    ] {
        assert!(!two_columns_then(head).is_column_text(8, &succ), "{head}");
    }
    assert_eq!(page.column_parts((0, 9), &succ), vec![(0, 7)]);
    // Seven lines of columns are no part: they may be the edge of a longer interleaving.
    assert!(page.column_parts((1, 9), &succ).is_empty());
}

#[test]
fn jieba_is_asked_once_a_join_and_its_answer_kept() {
    // 发 + 展 makes 发展 across the first join; the second join has no word across it.
    let mut page = page_of("推动经济高质量发\n展取得新成效明显\n我们今天看到");
    page.ask_words_near(&[(0, 2)]);
    let with_words = page.score(0, 1);
    page.score(1, 2);
    assert_eq!(page.spans[0].get(), Some(true));
    assert_eq!(
        page.spans[WINDOW].get(),
        Some(false),
        "the join of lines 1 and 2"
    );
    // Asked again, the kept answer gives the same score.
    assert_eq!(page.score(0, 1), with_words);
    // The kept answer is what a later score reads: jieba is not asked again.
    page.spans[0].set(Some(false));
    assert!(page.score(0, 1) < with_words, "the kept answer is read");
    page.spans[0].set(Some(true));
    let mut unasked = page_of("推动经济高质量发\n展取得新成效明显\n我们今天看到");
    assert!(
        unasked.score(0, 1) < with_words,
        "no word is known before jieba is asked"
    );
    unasked.ask_words_near(&[(0, 2)]);
    assert_eq!(unasked.score(0, 1), with_words);
}

#[test]
fn spaces_round_figures_stretch_no_line() {
    for stretched in [
        "平。 不 让 技 术",
        "2021年9月2 4 日 对",
        "合了 6 . 4 3 万 亩草场，",
    ] {
        assert!(is_justified(stretched), "{stretched}");
    }
    for set in [
        "聚焦企业开办、融资、用工等关键环节，明年 1 月 1 日起施行",
        "全市 12 个县 3 个区 5 个园区",
    ] {
        assert!(!is_justified(set), "{set}");
    }
}
