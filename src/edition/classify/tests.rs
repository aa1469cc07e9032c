//! Tests of line classification on small pages.

use super::*;
use crate::edition::fixtures::fixtures;
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

/// A cross-reference wrapped onto a line of its own belongs to the paragraph before it;
/// a source note (`（摘编自《天津日报》）`) is a paragraph of its own.
#[test]
fn a_cross_reference_on_its_own_line_closes_the_paragraph_before_it() {
    let text = "所在单位与职工协商一致的，可\n以弹性延迟退休，延迟时间距法\n\
                定退休年龄最长不超过3年。\n（相关报道见第二版）";
    let page = classify(to_lines(text), true);
    assert_eq!(page.para_end, [false, false, false, true]);
    let text = text.replace("相关报道见第二版", "摘编自《天津日报》");
    let page = classify(to_lines(&text), true);
    assert_eq!(page.para_end, [false, false, true, true]);
}

#[test]
fn a_sentence_ending_just_short_of_a_full_line_goes_on() {
    // `…28%。` is 1.5 ems short of its 14-em column (digits print narrow), and the line
    // after it fills the column: no indent, so no new paragraph.
    let text = "的发出，满载物资的集装箱被平\n稳吊起装载到“新扬州”轮上，北\n\
                持两位数增长，增速位列全国沿\n海主要港口前列。\n“2024年广西区内重点客户\n\
                集装箱吞吐量同比增长28%。\n为‘新三样’等高附加值货源的增\n\
                长注入新活力，2024年经北部\n湾港出口的‘新三样’重箱吞吐量";
    let page = classify(to_lines(text), true);
    let ends: Vec<usize> = (0..page.lines.len())
        .filter(|&k| page.para_end[k])
        .collect();
    assert_eq!(ends, [3]);
}

/// A number that did not fit at the end of a line starts the next one, which fills the
/// column though its digits count an em short; a new paragraph's first line after the
/// same sentence end is short by its indent.
#[test]
fn a_line_opening_with_a_number_that_fills_the_column_goes_on() {
    let text = "近年来，上海加快推动专\n利转化运用，先后出台多轮促\n\
                进科技成果转移转化的行动方\n等一系列专项改革，有力推动\n\
                了科技成果转化和产业化。\n2024年，上海的科研机构知\n\
                识产权类技术合同成交数为\n6773件，成交金额逾238亿元。";
    let page = classify(to_lines(text), true);
    assert!(!page.para_end[4]);
    let text = text.replace("2024年，上海的科研机构知", "2024年，上海的科研");
    let page = classify(to_lines(&text), true);
    assert!(page.para_end[4]);
}

/// A paragraph's first line that ends a sentence and fills the rest of its line after
/// the indent (`3` prints narrow) goes on into a line that fills the column; it ends the
/// paragraph when the next line is short by an indent, a new paragraph's first line.
#[test]
fn a_first_line_ending_a_sentence_and_filling_its_line_goes_on() {
    let text = "本报记者 刘以晴\n\n3月的东北，春寒料峭。\n正值中午，走进吉林省延边朝\n\
                鲜族自治州和龙市东城镇光东\n村，庭院里不时飘出米饭香。";
    let page = classify(to_lines(text), true);
    assert!(!page.para_end[1]);
    let text = text.replace("正值中午，走进吉林省延边朝", "正值中午，走进吉林省");
    let page = classify(to_lines(&text), true);
    assert!(page.para_end[1]);
}

#[test]
fn a_bullet_over_a_word_or_a_sidebars_name_labels_a_box() {
    for text in ["■ 数据", "■链接", "◆ 相关链接", "■记者手记", "▶背景"] {
        assert!(is_box_label(text), "{text}");
    }
    // A bullet over a phrase marks an item; a bullet alone or over figures labels nothing.
    for text in ["■强化组织领导", "■", "■ ", "■ 12", "■ 数据：", "数据"] {
        assert!(!is_box_label(text), "{text}");
    }
}

#[test]
fn items_numbered_or_marked() {
    for text in [
        "1.春华锂业",
        "12、项目",
        "一、强化组织领导",
        "十二、附则",
        "（三）完善机制",
        "(一)总则",
        "②推进",
        "■强化组织领导",
    ] {
        assert!(starts_item(text), "{text}");
    }
    for text in [
        "15.98万元",
        "一是强化组织",
        "一二三四、",
        "2024年",
        "123.项目",
        "",
        "（记者 王明）",
        "十分重要",
    ] {
        assert!(!starts_item(text), "{text}");
    }
}

#[test]
fn a_chinese_numbered_subhead_stands_alone() {
    let text = "为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\
                年以来，取得了明显成效。\n一、强化组织领导\n据介绍，全市共排查风\n\
                险隐患一千二百余处，已全部\n完成整改。";
    assert_eq!(roles(text)[3], Role::Heading);
}

#[test]
fn a_caption_line_ending_in_its_credit() {
    let text = "为贯彻落实党中央决策部署，进一\n步做好基层治理工作，取得成效。\n\n\
                ▲村民们在巡回诊疗车里排队做\n检查。本报记者 王明 摄\n\n\
                据介绍，全市共排查风险隐患一千";
    let r = roles(text);
    assert_eq!(&r[2..4], &[Role::Caption, Role::Caption]);
    assert_eq!(r[4], Role::Body);
}

/// A paragraph's first line whose last characters pdftotext spaced out (it was justified
/// to its column) is no subhead, however few characters it counts; a subhead in two halves
/// set apart by a space is one.
#[test]
fn a_line_ending_spaced_out_is_no_subhead() {
    let text = "市人大常委会机关青年干部座谈会召开\n刘光跃出席\n株洲日报讯（全媒体记者/邓伟勇）\n\
                11月8日，市人大常委会机关青年干部座谈会\n召开。市人大常委会主任刘光跃出席并讲话，\n\
                寄语大家做信仰坚定的青年干部。\nSUBHEAD\n今年3月6日，央视《今日说法》\n\
                两会特别节目以《1.6万户人的新家》为题\n聚焦株洲华晨地产破产重整案。";
    let spaced = text.replace("SUBHEAD", "新质生产力不仅 代 表");
    assert_eq!(roles(&spaced)[6], Role::Body);
    let halves = text.replace("SUBHEAD", "打破区域限制 调剂类型多样");
    assert_eq!(roles(&halves)[6], Role::Heading);
}

/// `Page::names` holds [`byline::is_name_line`] of each line, also after lines move.
#[test]
fn names_agree_with_the_name_test_of_each_line() {
    let text = "市人大常委会机关青年干部座谈会召开\n刘光跃\n株洲日报讯（全媒体记者/邓伟勇）\n\
                ◎陈静\n周 欢\n简讯\n今年3月6日，央视《今日说法》";
    let agree = |page: &Page| {
        let asked: Vec<bool> = page
            .lines
            .iter()
            .map(|l| byline::is_name_line(l.text))
            .collect();
        assert_eq!(page.names, asked);
        assert!(asked.contains(&true) && asked.contains(&false));
    };
    let mut page = classify(to_lines(text), true);
    agree(&page);
    crate::edition::blocks::move_lines(&mut page, 1, 3, 5);
    agree(&page);
}

/// The per-line vectors that hold a test of the line's own text (`names`, `may_lead`,
/// `leads`) answer for the line standing at their place once the blocks stage has moved
/// lines, over every fixture page. Only `move_span` and `permute` keep them in step: a
/// `permute` that left `names` behind fails here (the test above moves lines with
/// `move_span` alone), a `move_span` that did fails the test above.
#[test]
fn cached_line_tests_follow_their_lines_on_every_fixture_page() {
    use crate::edition::lines::{is_cjk_page, to_pages};
    use crate::edition::order::to_reading_order;
    let (mut pages, mut reordered) = (0, 0);
    for fixture in fixtures() {
        for page_text in to_pages(&fixture.text) {
            let lines = to_lines(page_text);
            if lines.is_empty() {
                continue;
            }
            let cjk = is_cjk_page(&lines);
            let reading = to_reading_order(lines, cjk);
            let read: Vec<usize> = reading.lines.iter().map(|l| l.printed).collect();
            let page = classify_read(reading, cjk);
            pages += 1;
            // Lines the blocks stage moved, not the reading-order stage before it.
            reordered += usize::from(page.lines.iter().map(|l| l.printed).ne(read));
            for (k, line) in page.lines.iter().enumerate() {
                let at = format!("{} line {k}: {:?}", fixture.name, line.text);
                assert_eq!(page.names[k], byline::is_name_line(line.text), "{at}");
                assert_eq!(page.may_lead[k], byline::may_lead(line.text), "{at}");
                let lead = page.may_lead[k] && byline::is_lead_of_may_lead(line.text);
                assert_eq!(page.leads[k], lead, "{at}");
            }
        }
    }
    assert!(pages >= 19, "only {pages} fixture pages");
    // Else the test reads no moved line and could not fail.
    assert!(reordered >= 2, "only {reordered} pages with lines moved");
}

/// The digit rule of [`item_marker`] as first written, which counted the digits of every
/// text before it looked at the first character. Only a text opening with an ASCII digit
/// takes the rewritten path; any other runs the code as it was.
fn digits_marker_as_first_written(text: &str) -> Option<Marker> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        // Three digits or more fell through to the other markers, none of which opens
        // with a digit.
        return None;
    }
    let mut rest = text[digits..].chars();
    let item = rest.next().is_some_and(|c| ".、．".contains(c))
        && !rest.next().is_some_and(|c| c.is_ascii_digit());
    item.then_some(Marker::Digits)
}

#[test]
fn item_marker_agrees_with_its_first_version() {
    let edges = [
        "",
        "1",
        "12",
        "123",
        "1.",
        "12、",
        "123.",
        "1234、",
        "1.5",
        "12.5万",
        "1．项目",
        "01、",
        "1、2",
        "99.a",
        "1 .",
        "１.",
        "٣.",
        "2024年",
        "0.",
        "1.春华",
        "■",
        "（三）",
    ];
    let mut texts: Vec<String> = edges.iter().map(|t| (*t).to_owned()).collect();
    for fixture in fixtures() {
        texts.extend(fixture.text.lines().map(|l| l.trim_start().to_owned()));
    }
    let mut digits = 0;
    for (k, text) in texts.iter().enumerate() {
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            let first = digits_marker_as_first_written(text);
            assert_eq!(item_marker(text), first, "{text:?}");
        }
        digits += usize::from(k >= edges.len() && item_marker(text) == Some(Marker::Digits));
    }
    // Else the fixtures hold no numbered item and the digit branch goes untried on them.
    assert!(
        digits >= 20,
        "only {digits} numbered items among the fixtures' lines"
    );
}
