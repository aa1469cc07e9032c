//! Tests of article building: headlines printed after their text, jump lines, box
//! labels, and the English conventions (datelines, decks, signatures, jumps).

use super::*;
use crate::edition::classify::classify;
use crate::edition::lines::to_lines;

fn pieces(text: &str) -> Vec<Piece> {
    segment(&classify(to_lines(text), true)).pieces
}

fn latin_pieces(text: &str) -> Vec<Piece> {
    segment(&classify(to_lines(text), false)).pieces
}

fn title(p: &Piece) -> &str {
    p.head.as_ref().map_or("", |h| h.title.as_str())
}

#[test]
fn headline_printed_after_its_body_joins_it() {
    let text = "株洲日报讯（全媒体记者/陈正明） 11月8日下午，\n\
                株洲市三季度讲评会在攸县举行。\n\
                主动作为创新作为高效作为\n努力完成全年发展目标任务";
    let p = pieces(text);
    assert_eq!(p.len(), 1);
    assert_eq!(
        title(&p[0]),
        "主动作为创新作为高效作为努力完成全年发展目标任务"
    );
    assert_eq!(p[0].dateline.as_deref(), Some("株洲日报讯"));
    assert_eq!(p[0].authors, ["陈正明"]);
}

/// A headline printed after its text, over the next story's headline (the seed page's
/// last story, moved up the page): the text, then the one's kicker, title and subtitle,
/// then the other's title, subtitle and text.
const HEADLINE_AFTER_TEXT_MID_PAGE: [&str; 33] = [
    "株洲日报讯（全媒体记者/陈正",
    "明） 11 月 8 日下午，株洲市 2024 年打",
    "造“三个高地”和实施“八大行动”三季",
    "度讲评会在攸县举行。市委书记曹慧泉",
    "强调，要深入学习贯彻党的二十届三中",
    "全会精神，主动作为、创新作为。",
    "陈恢清分析了今年以来我市经济",
    "社会发展形势。他强调，要抢抓机遇，发",
    "挥优势，全力冲刺四季度，努力完成全",
    "年发展目标任务。紧盯短板指标，狠抓",
    "攻坚突破，努力保持经济稳定向上的势",
    "头。大力抓好财源建设，加快推进项目",
    "建设，狠抓创新成果转化，确保“两个",
    "年”活动取得新成效。加强招商引资工",
    "作，紧盯产业链精准招商，切实抓好市",
    "场主体培育。要强化工作措施，压实责任、",
    "精准调度、加强督办，优化涉企服务，形",
    "成齐心协力推动株洲高质量发展的强",
    "大合力。",
    "曹慧泉在全市打造“三个高地”和实施“八大行动”三季度讲评会上强调",
    "主动作为创新作为高效作为",
    "努力完成全年发展目标任务",
    "陈恢清出席并讲话",
    "四县市9大项目",
    "接受“集中检阅”",
    "曹慧泉参加",
    "株洲日报讯（全媒体记者/陈正明 邹",
    "家虎） 11月 8日上午，2024年株洲市打造",
    "“三个高地”重点项目观摩活动举行。市委",
    "书记曹慧泉，市委副书记、市委政法委书",
    "记何恩广分别率队观摩。",
    "市领导聂方红、杨英杰、罗厚清、刘剑",
    "飞、王建勇、邓元连、周雪辉参加。",
];

/// Where the first headline of [`HEADLINE_AFTER_TEXT_MID_PAGE`] starts among its lines.
const KICKER_AT: usize = 19;

/// The headline printed after its text in `lines` is that text's: kicker, title and
/// subtitle; and the next story keeps its own.
fn assert_headline_after_text_mid_page(text: &str) {
    let p = pieces(text);
    let heads: Vec<_> = p.iter().filter_map(|x| x.head.as_ref()).collect();
    assert_eq!(p.len(), 2, "{heads:?}");
    let h = p[0].head.as_ref().expect("a headline");
    assert_eq!(
        (h.kicker.as_deref(), h.title.as_str(), h.subtitle.as_deref()),
        (
            Some("曹慧泉在全市打造“三个高地”和实施“八大行动”三季度讲评会上强调"),
            "主动作为创新作为高效作为努力完成全年发展目标任务",
            Some("陈恢清出席并讲话")
        )
    );
    assert!(p[0].blocks[0].text().starts_with("11月8日下午"));
    let h = p[1].head.as_ref().expect("a headline");
    assert_eq!(
        (h.kicker.as_deref(), h.title.as_str(), h.subtitle.as_deref()),
        (None, "四县市9大项目接受“集中检阅”", Some("曹慧泉参加"))
    );
    assert_eq!(p[1].authors, ["陈正明", "邹家虎"]);
}

#[test]
fn a_headline_printed_after_its_text_over_the_next_headline() {
    // As the seed page prints it: the text double-spaced, each headline group's lines
    // single-spaced, blank lines between the groups.
    let lines = &HEADLINE_AFTER_TEXT_MID_PAGE;
    let (k, heads) = (KICKER_AT, &lines[KICKER_AT..KICKER_AT + 7]);
    let text = [
        lines[..k].join("\n\n"),
        heads[0].to_owned(),
        heads[1..3].join("\n"),
        heads[3].to_owned(),
        heads[4..6].join("\n"),
        format!("{}\n{}", heads[6], lines[k + 7]),
        lines[k + 8..].join("\n\n"),
    ]
    .join("\n\n");
    assert_headline_after_text_mid_page(&text);
}

/// `lines` single-spaced, but for the blank line pdftotext prints where the next story's
/// headline block starts.
fn single_spaced(lines: &[&str]) -> String {
    let (before, after) = lines.split_at(KICKER_AT + 4);
    format!("{}\n\n{}", before.join("\n"), after.join("\n"))
}

#[test]
fn a_headline_printed_after_its_text_over_the_next_headline_single_spaced() {
    // No blank lines inside the headline: the lines between its kicker and the next
    // headline are found as headline lines.
    assert_headline_after_text_mid_page(&single_spaced(&HEADLINE_AFTER_TEXT_MID_PAGE));
    // Nor does the whole headline take a lone line under it as its subtitle.
    let mut lines = HEADLINE_AFTER_TEXT_MID_PAGE.to_vec();
    lines.splice(
        KICKER_AT + 4..KICKER_AT + 7,
        ["习近平同意大利总统马塔雷拉会谈"],
    );
    lines[KICKER_AT + 5] = "新华社北京11月8日电 11月8日下午，国家主";
    let p = pieces(&single_spaced(&lines));
    let titles: Vec<_> = p.iter().map(title).collect();
    assert_eq!(
        titles,
        [
            "主动作为创新作为高效作为努力完成全年发展目标任务",
            "习近平同意大利总统马塔雷拉会谈"
        ]
    );
}

#[test]
fn a_two_part_title_is_never_the_subtitle_above_it() {
    // pdftotext set another story's headline between this one's kicker and title.
    let text = "江西资助新生儿参加基本医保——\n\n化身“暖心奶爸” 传递旅途温情\n\n\
                呵护一小 幼有所保\n本报记者 周 欢\n\n\
                打开手机“赣服通”APP、出示医保码、扫码扣费，报销后交了907元。";
    let p = pieces(text);
    let heads: Vec<_> = p.iter().filter_map(|x| x.head.as_ref()).collect();
    let cared = heads.iter().find(|h| h.title == "呵护一小 幼有所保");
    assert_eq!(
        cared.and_then(|h| h.kicker.as_deref()),
        Some("江西资助新生儿参加基本医保——")
    );
    assert!(heads.iter().all(|h| h.subtitle.is_none()), "{heads:?}");
    assert!(heads
        .iter()
        .any(|h| h.title == "化身“暖心奶爸” 传递旅途温情"));
    // Two phrases set apart by a comma: a title under a kicker set in longer lines.
    let p = pieces(
        "全国资产调剂共享平台覆盖所有行政事业单位\n\n物尽其用，唤醒“沉睡”资产\n\
         本报记者 曲哲涵\n\n某单位价值15.3万元的25件摄影器材，借助平台无偿调剂。",
    );
    let h = p[0].head.as_ref().expect("a headline");
    assert_eq!(
        (h.kicker.as_deref(), h.title.as_str(), h.subtitle.as_deref()),
        (
            Some("全国资产调剂共享平台覆盖所有行政事业单位"),
            "物尽其用，唤醒“沉睡”资产",
            None
        )
    );
    // A one-phrase short line under a title, naming someone of its text, stays its subtitle.
    let p = pieces(
        "山河飞行表演队成立10周年系列活动举行\n\n陈恢清致辞\n\n\
         本报讯 昨日，活动举行，陈恢清致辞。",
    );
    let h = p[0].head.as_ref().expect("a headline");
    assert_eq!(h.subtitle.as_deref(), Some("陈恢清致辞"));
}

#[test]
fn a_lone_line_that_names_nothing_of_the_headline_or_story_is_no_subtitle() {
    // The next story's title, set in one short line under a headline: it shares no word
    // with that headline or the text around, so it is a title of its own (whose text is
    // whose is left to the pairing by words).
    let head = "助力平台企业发挥作用 提高政务服务质效\n\n努力提升地震预警水平\n张驰\n\n";
    let text = "推动平台企业规范健康发展，平台经济在政务服务中发挥作用。";
    let mut heads = kickers_and_titles(&format!("{head}{text}"));
    heads.sort();
    assert_eq!(
        heads,
        [
            (None, "助力平台企业发挥作用 提高政务服务质效".to_owned()),
            (None, "努力提升地震预警水平".to_owned())
        ]
    );
    // The same line over text on earthquake warnings is the headline's subtitle.
    let text = "地震预警系统建成后，预警信息可在震后数秒发出。";
    let p = pieces(&format!("{head}{text}"));
    let h = p[0].head.as_ref().expect("a headline");
    assert_eq!(
        (h.title.as_str(), h.subtitle.as_deref()),
        (
            "助力平台企业发挥作用 提高政务服务质效",
            Some("努力提升地震预警水平")
        )
    );
    // So is one sharing a word with the title (`平台`), whatever the text says.
    let p = pieces(&format!(
        "助力平台企业发挥作用 提高政务服务质效\n\n平台经济稳中有进\n张驰\n\n{}",
        "今年以来，各地出台多项措施。"
    ));
    let h = p[0].head.as_ref().expect("a headline");
    assert_eq!(h.subtitle.as_deref(), Some("平台经济稳中有进"));
}

#[test]
fn a_lone_deck_under_an_english_headline_stays_in_it() {
    // Latin words are not compared: the deck names nothing of the headline or the text,
    // and the layout alone keeps it in the headline, over the text below.
    let text = "Mayor Opens the New Bridge Over the River\n\nCrowds Cheer the Ceremony\n\n\
                The ceremony took place yesterday afternoon before a large gathering \
                of citizens, who had waited since morning.";
    let p = latin_pieces(text);
    assert_eq!(p.len(), 1, "{p:?}");
    let h = p[0].head.as_ref().expect("a headline");
    let head = format!("{} {}", h.title, h.subtitle.as_deref().unwrap_or(""));
    assert_eq!(
        head.trim_end(),
        "Mayor Opens the New Bridge Over the River Crowds Cheer the Ceremony"
    );
}

#[test]
fn a_bare_box_label_is_dropped_wherever_it_falls() {
    // After a line cut mid-sentence, as an interleaved dump prints it.
    let text = "嘉陵江流域综合规划获批\n本报记者 王浩\n\
                近日，规划获水利部批复，该规划由长江水利委员会组\n【相关链接】\n\
                织编制。网购的发展，让消费者挑花了眼。";
    let out = segment(&classify(to_lines(text), true));
    assert!(
        out.dropped.iter().any(|d| d == "【相关链接】"),
        "{:?}",
        out.dropped
    );
    let texts: Vec<&str> = out
        .pieces
        .iter()
        .flat_map(|p| &p.blocks)
        .map(Block::text)
        .collect();
    assert!(texts.iter().all(|t| !t.contains('【')), "{texts:?}");
    // A label over numbered items heads its box and stays.
    let text = "嘉陵江流域综合规划获批\n本报记者 王浩\n近日，规划获批。\n\n【项目简介】\n\n\
                1.甲项目\n甲项目总投资十亿元，今年建成投产。\n2.乙项目\n乙项目明年开工。";
    let p = pieces(text);
    let blocks: Vec<&str> = p[0].blocks.iter().map(Block::text).collect();
    assert!(blocks.contains(&"【项目简介】"), "{blocks:?}");
}

#[test]
fn text_cut_at_the_column_edge_ends_before_an_indented_paragraph() {
    // The court story stops mid-sentence at the column's edge (its rest is on another
    // page); the next block opens a paragraph (two ems short) of another story.
    let text = "呼和浩特赛罕区法院多元解纷推动诉源治理\n本报记者 丁志军\n\
                分析，再到基层社会治理的矛盾纠\n纷预警和源头预防机制，实现从\n\
                被动受理到主动预防，为基层治理\n法治化提供有力保障和坚实支撑\n\n\
                在小吃店买了美食，一边逛街\n一边大快朵颐。盒子空了，却四处\n\
                找不到垃圾桶，走了很长一段路。";
    let p = pieces(text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].continued());
    assert!(p[1].head.is_none());
    assert!(p[1].blocks[0].text().starts_with("在小吃店"));
    // A word running across the seam (户口 + 本) keeps the line in its paragraph.
    let text = text.replace(
        "法治化提供有力保障和坚实支撑",
        "法治化提供有力保障，办理户口",
    );
    let text = text.replace("在小吃店买了美食，一边逛街", "本，在小吃店买了美食，逛街");
    assert_eq!(pieces(&text).len(), 1);
}

#[test]
fn text_cut_mid_word_short_of_the_edge_ends_before_an_indented_paragraph() {
    // The story stops on an ideograph two ems short of its column, its running lines
    // filling the column; the next block opens a paragraph whose digits count narrow.
    let text = "莫让虚假测评误导消费\n本报记者 彭园园\n\
                商测一体、以商养测类问题，表现\n为在作品中以不同的方式进行广告植\n\
                入，如作品中放置购物车、电商平台跳\n转链接、口播推荐等。与检测检验机构\n\
                评作品缺乏中立性，测评结果不客\n\n\
                2024年4月，云南省整治形式主\n义为基层减负专项工作机制办通过梳\n\
                理备案管理情况发现，情况时有发生。";
    let p = pieces(text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].continued());
    assert!(p[1].blocks[0].text().starts_with("2024年4月"));
    // A paragraph whose running lines do not fill one column says nothing of a cut.
    let ragged = text.replace("为在作品中以不同的方式进行广告植", "为在作品中以不同的方式");
    assert_eq!(pieces(&ragged).len(), 1);
}

/// A bare name printed among a paragraph's running lines is a byline, not text: the
/// story's own when it has none, else dropped; the paragraph goes on across it.
#[test]
fn a_name_inside_running_text_is_no_text() {
    let text = "传统也是时尚，技艺当随时代\n\n\
                早期首饰是锤鍱工艺成型的简单的黄金片状物\n\
                随着中原文明的发展，逐渐出现了多种制作\n\n潘妙\n\n\
                技艺：錾花、花丝、炸珠、点翠、镶嵌等。";
    let p = pieces(text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].authors, ["潘妙"]);
    assert_eq!(p[0].blocks.len(), 1);
    assert!(p[0].blocks[0].text().contains("多种制作技艺"));
    // A story with a byline of its own keeps it; the stray name is dropped.
    let signed = text.replace("时代\n\n", "时代\n本报记者 周 欢\n\n");
    let out = segment(&classify(to_lines(&signed), true));
    assert_eq!(out.pieces[0].authors, ["周欢"]);
    assert!(out.dropped.iter().any(|d| d == "潘妙"));
    assert!(!out.pieces[0].blocks[0].text().contains("潘妙"));
}

#[test]
fn a_reporters_byline_inside_the_text_names_the_reporter_not_the_role() {
    let mut b = Builder {
        cjk: true,
        stories_apart: false,
        cur: None,
        out: PageOut::default(),
        kicker: None,
        stray_kicker: None,
    };
    b.name_in_text("本报记者 窦 皓");
    assert_eq!(b.draft().piece.authors, ["窦皓"]);
}

#[test]
fn a_kicker_above_a_box_label_heads_the_title_below_it() {
    // Set as wide as a column, then a box label the dump printed between it and its title.
    let text = "山东运用大数据赋能社会救助——\n【延伸阅读】\n“政策找人” 精准帮扶\n\n\
                传统也是时尚，\n技艺当随时代\n本报记者 李 蕊\n\n\
                清晨，山东省滨州市惠民县胡集镇东董村，村民董相民手握扫帚，仔细清扫路边落叶。";
    let out = segment(&classify(to_lines(text), true));
    let heads: Vec<_> = out.pieces.iter().filter_map(|p| p.head.as_ref()).collect();
    let policy = heads.iter().find(|h| h.title == "“政策找人” 精准帮扶");
    assert_eq!(
        policy.and_then(|h| h.kicker.as_deref()),
        Some("山东运用大数据赋能社会救助——"),
        "{heads:?}"
    );
    assert!(out.pieces.iter().all(|p| !is_empty(p)));
    assert!(out.dropped.iter().any(|d| d == "【延伸阅读】"));
    // A line of running text that breaks at a dash stays text, even above a label.
    let p = pieces("嘉陵江流域综合规划获批\n本报记者 王浩\n他说，这条江是我们的母亲河——\n【延伸阅读】\n流域里的每个人都离不开它。");
    assert!(p
        .iter()
        .all(|x| x.head.as_ref().is_none_or(|h| h.kicker.is_none())));
    assert!(
        p[0].blocks.iter().any(|b| b.text().contains("母亲河——")),
        "{p:?}"
    );
}

#[test]
fn jump_lines_set_continuation() {
    let text = "嘉陵江流域综合规划获批\n本报记者 王浩\n近日，规划获水利部批复。\n\
                该规划由长江水利委员会组织\n（下转第3版）\n\n（上接第2版）\n\
                近日，另一篇文章的后半部分到此结束。";
    let p = pieces(text);
    assert!(p[0].continued());
    assert_eq!(p[0].authors, ["王浩"]);
    assert_eq!(
        p.last().and_then(|x| x.continued_from.as_deref()),
        Some("2")
    );
}

/// A jump line printed in one block with a QR code's label stands by the label: it closes
/// the story on the page that stops mid-sentence with none, not the finished one before it.
#[test]
fn a_jump_line_printed_with_a_label_closes_the_open_story() {
    let text = "嘉陵江流域综合规划获批\n\n本报记者 王浩\n\n近日，规划获水利部批复。\n\
                下一步将持续强化规划实施，不断提升流域水安全保障能力。\n\n\
                （下转第2版）\n扫码看视频\n\n\
                呼和浩特赛罕区法院多元解纷\n\n本报记者 丁志军\n\n\
                该院积极探索服务社会治理新模式，为基层治理法治化提供有力";
    let p = pieces(text);
    let flag = |t: &str| p.iter().find(|x| title(x) == t).map(|x| x.continued());
    assert_eq!(flag("嘉陵江流域综合规划获批"), Some(false), "{p:#?}");
    assert_eq!(flag("呼和浩特赛罕区法院多元解纷"), Some(true));
    // Set under its story's text, the same line is that story's.
    let under = text.replace("能力。\n\n（下转", "能力。\n（下转");
    let p = pieces(&under);
    assert_eq!(
        p.iter()
            .find(|x| title(x) == "嘉陵江流域综合规划获批")
            .map(|x| x.continued()),
        Some(true)
    );
}

/// English papers print a jump line where a story goes on; a story cut mid-sentence
/// without one is not continued.
#[test]
fn english_stories_continue_only_at_jump_lines() {
    let story = "CENTENNIAL PREPARATIONS MADE\n\
                 Indiana folk are very busy this week in\n\
                 cleaning, painting and decorating the town,\n\
                 and the facade on Main street will have a";
    assert!(!latin_pieces(story)[0].continued());
    let jumped = format!("{story}\n(Continued on Page Two)");
    assert!(latin_pieces(&jumped)[0].continued());
}

#[test]
fn english_title_word_broken_onto_the_dateline_line() {
    let text = "LOANS MUST BE GUARDED AGAINST,\n\
                ACCORDING TO COM\n\
                MISSIONER. , Oklahoma City. Okla. December 12.\n\
                -At the annual meeting of the Oklahoma State\n\
                Bankers Association here today, the commis\n\
                sioner cautioned the delegates.";
    let p = latin_pieces(text);
    assert_eq!(
        title(&p[0]),
        "LOANS MUST BE GUARDED AGAINST, ACCORDING TO COMMISSIONER."
    );
    assert_eq!(
        p[0].dateline.as_deref(),
        Some("Oklahoma City. Okla. December 12.")
    );
    // A dateline in capitals under a headline is no broken word.
    let text = "RESIDENCE NEAR WEHRUM IS BURNED\n\
                WEHRUM, June 9—The residence of John Empfield\n\
                was destroyed by fire Monday afternoon.";
    let p = latin_pieces(text);
    assert_eq!(title(&p[0]), "RESIDENCE NEAR WEHRUM IS BURNED");
    assert_eq!(p[0].dateline.as_deref(), Some("WEHRUM, June 9"));
    // Nor is a place's first word, with or without an abbreviation's stop.
    for place in [
        "NEW YORK, June 9.",
        "WASHINGTON, D. C., Dec. 12.",
        "ST. LOUIS, June 9.",
    ] {
        let text = format!(
            "NEW BRIDGE TO BE BUILT\n\
             {place}—The city council met last night\n\
             and voted to build a new bridge."
        );
        let p = latin_pieces(&text);
        assert_eq!(title(&p[0]), "NEW BRIDGE TO BE BUILT", "{place}");
        assert_eq!(p[0].dateline.as_deref(), Some(place));
    }
}

/// Text after a signature belongs to another article.
#[test]
fn english_signature_ends_its_article() {
    let text = "LIST OF LETTERS\n\
                Remaining uncalled for in the Indiana office\n\
                this week; please state they were advertised.\n\
                Harry W. Fee, P. M.\n\
                The county fair opens on Tuesday with a parade\n\
                down Main street and a band concert at noon.";
    let p = latin_pieces(text);
    assert_eq!(p[0].authors, ["Harry W. Fee, P. M."]);
    assert_eq!(p.len(), 2);
    assert!(p[0].blocks.iter().all(|b| !b.text().contains("fair")));
}

/// An agency's byline under a headline and its deck signs nothing: the story goes on
/// across its dispatches.
#[test]
fn english_agency_byline_under_a_deck() {
    let text = "GERMAN RAIDERS SINK SIX MORE VESSELS\n\
                Three American Ships Among Those Sent\n\
                to Bottom Off Nantucket, Says\n\
                Report From Boston.\n\
                (By Associated Press.)\n\
                BOSTON, Oct. 6.—Six steamers were sunk by German\n\
                submarines off the coast today, say the reports.\n\
                Crews Landed Safely.\n\
                NEWPORT, R. I., Oct. 6.—The crews of three of the\n\
                vessels were landed here tonight by a destroyer.";
    let p = latin_pieces(text);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].dateline.as_deref(), Some("BOSTON, Oct. 6."));
}

/// A bank of title-case deck under an English headline (scraps above it), then the
/// story's dateline.
const DECK_BANK: &str = "nil l uiiiLii inuiunuiui ui\n\
                         Death of Emperor Franz Joseph and\n\
                         Succession of Emperor Charles May\n\
                         Have Had Bearing on Demand for Peace.\n\
                         Washington, Dec. 12. President Wilson on receipt\n\
                         of the news of peace proposals made no comment.";

/// A title-case deck under an English headline joins it; a short title-case headline
/// under a box's label is a story of its own.
#[test]
fn english_decks_join_their_headline() {
    let text = format!("PEACE OFFER WAS MADE WITH\nEXPECTATION OF ALLIED TERMS.\n{DECK_BANK}");
    let p = latin_pieces(&text);
    assert_eq!(p.len(), 1);
    assert!(p[0]
        .head
        .as_ref()
        .unwrap()
        .subtitle
        .as_ref()
        .unwrap()
        .starts_with("Death"));
    let boxed = "LAST MINUTE NEWS FROM EVERYWHERE\n\
                 aannnnttnasasnnatt\n\
                 Relief Ship Sent to Explorers\n\
                 Montevideo, June 9. The steamer left here tonight for\n\
                 Elephant Island to rescue the expedition.";
    let p = latin_pieces(boxed);
    assert_eq!(title(&p[p.len() - 1]), "Relief Ship Sent to Explorers");
}

#[test]
fn box_label_moves_before_its_items() {
    let mut blocks = vec![
        Block::Paragraph {
            text: "a。".into()
        },
        Block::Heading {
            text: "1.甲项目".into(),
        },
        Block::Paragraph {
            text: "b。".into()
        },
        Block::Heading {
            text: "2.乙项目".into(),
        },
        Block::Paragraph {
            text: "c。".into()
        },
        Block::Heading {
            text: "【项目简介】".into(),
        },
    ];
    move_box_label(&mut blocks);
    assert_eq!(blocks[1].text(), "【项目简介】");
}

/// The subtitle is a headline's first deck: a title-case bank under a deck that already
/// ends its sentence goes to `dropped`.
#[test]
fn english_bank_under_a_finished_deck_is_dropped() {
    let text = format!(
        "Ill DISCUSS IT\nBELIEVED PEACE OFFER WAS\nMADE WITH EXPECTATION OF\n\
         FAVORABLE ALLIED TERMS.\n{DECK_BANK}"
    );
    let out = segment(&classify(to_lines(&text), false));
    assert_eq!(out.pieces.len(), 1);
    let head = out.pieces[0].head.as_ref().unwrap();
    assert_eq!(head.title, "Ill DISCUSS IT");
    assert_eq!(
        head.subtitle.as_deref(),
        Some("BELIEVED PEACE OFFER WAS MADE WITH EXPECTATION OF FAVORABLE ALLIED TERMS.")
    );
    assert!(out
        .dropped
        .iter()
        .any(|d| d.starts_with("Death of Emperor")));
}

/// Asserts that the piece titled `title_text` names exactly `names` as its authors.
fn assert_authors(p: &[Piece], title_text: &str, names: &[&str]) {
    let piece = p.iter().find(|x| title(x) == title_text);
    let authors = piece.map(|x| x.authors.clone());
    let names = names.iter().map(|n| n.to_string()).collect();
    assert_eq!(authors, Some(names), "{title_text}: {p:?}");
}

#[test]
fn stacked_bare_bylines_follow_their_stacked_headlines() {
    // Two stories' headlines one above the other, then their bylines in the same order,
    // every line standing alone between blank lines.
    let text = "莫让虚假测评误导消费\n\n打击“黄牛”抢号，是事关人\n民群众生命健康的民生问题，决\n\
                不可流于表面、浅尝辄止，要主\n动作为、形成合力，保障群众病\n有所医、病有良医。\n\n\
                设施更“懂人\n” 城市更文明\n\n彭园园\n\n杨建楠\n\n把不同品牌的同类型产品进\n\
                行横向对比，分出优劣，给出选\n购建议，这样的视频在社交平台\n上屡见不鲜。";
    let p = pieces(text);
    assert_authors(&p, "莫让虚假测评误导消费", &["彭园园"]);
    assert_authors(&p, "设施更“懂人” 城市更文明", &["杨建楠"]);
}

#[test]
fn a_band_of_bylines_goes_to_its_headlines_from_the_top() {
    // Three stories' headlines one above the other and two bylines under them: the first
    // byline is the top headline's, the one next to the text the bottom one's; the middle
    // story's writer is named in its own text elsewhere.
    let text = "莫让虚假测评误导消费\n\n广西已拥有技能人\n才863.75万人\n\n\
                云南统筹规范省级\n层面“督检考”事项\n\n彭园园\n\n本报记者 张 驰\n\n\
                把不同品牌的同类型产品进行横向对比，分出优劣，给出选购建议，这样的测评\n\
                视频在社交平台上屡见不鲜。\n\n\
                2024年4月，云南省梳理“督检考”备案管理情况，开发建设“督检考”备案管理平台。";
    let p = pieces(text);
    assert_authors(&p, "莫让虚假测评误导消费", &["彭园园"]);
    assert_authors(&p, "云南统筹规范省级层面“督检考”事项", &["张驰"]);
    assert_authors(&p, "广西已拥有技能人才863.75万人", &[]);
}

#[test]
fn bylines_read_as_one_block_are_read_one_by_one() {
    // Two headlines stacked, then their bylines, the first with its role: lines alone
    // between blank lines read as one block, yet each line is a byline of its own.
    let text = "莫让“假自杀”淹没“真求助”\n\n助力平台企业发挥作用\n提高政务服务质效\n\n\
                本报记者 窦 皓\n\n张驰\n\n\
                习近平总书记强调：“坚持依法管网、依法办网、依法上网”。当前，平台企业\n\
                蓬勃成长，连接着千家万户、各行各业，为推动高质量发展作出重要贡献。";
    let p = pieces(text);
    assert_authors(&p, "莫让“假自杀”淹没“真求助”", &["窦皓"]);
    assert_authors(&p, "助力平台企业发挥作用提高政务服务质效", &["张驰"]);
}

#[test]
fn a_byline_set_under_its_headline_stays_and_the_stacked_one_goes_up() {
    let text = "云南统筹规范省级\n层面“督检考”事项\n\n呵护一小 幼有所保\n本报记者 周 欢\n\n\
                本报记者 张 驰\n\n打开手机“赣服通”APP、出示医保码、扫码扣费，报销后交了907元。";
    let p = pieces(text);
    assert_authors(&p, "呵护一小 幼有所保", &["周欢"]);
    assert_authors(&p, "云南统筹规范省级层面“督检考”事项", &["张驰"]);
}

#[test]
fn a_headline_over_a_dateline_never_tops_the_cut_text_above_it() {
    // The text above stops mid-sentence (it goes on in another column); the headline
    // under it has a dateline of its own, wrapped in a narrow column.
    let text = "花丝和炸珠工艺在汉代格\n外流行。炸珠，也称微粒、粟\n\n嘉陵江流域综合规划获批\n\
                本报北京1月2日电 （记\n者王浩）近日，《嘉陵江流域\n综合规划》获水利部批复。";
    let p = pieces(text);
    assert_authors(&p, "嘉陵江流域综合规划获批", &["王浩"]);
    let story = p.iter().find(|x| title(x) == "嘉陵江流域综合规划获批");
    let opening = story.and_then(|x| x.blocks.first());
    assert!(
        matches!(opening, Some(Block::Paragraph { text }) if text.starts_with("近日")),
        "{p:?}"
    );
}

#[test]
fn a_kicker_over_another_story_title_waits_for_its_own() {
    // Set wider than the title below it, but sharing none of its words: the kicker of the
    // headline further down, whose words (资产) it shares.
    let text = "全国资产调剂共享平台覆盖所有行政事业单位\n\n设施更“懂人” 城市更文明\n杨建楠\n\n\
                在小吃店买了美食，一边逛街一边大快朵颐。\n\n\
                物尽其用，\n唤醒“沉睡”资产\n本报记者 曲哲涵\n\n\
                某单位价值15.3万元的25件摄影器材，借助全国资产调剂共享平台无偿调剂。";
    let p = pieces(text);
    let kicker_of = |t: &str| {
        p.iter()
            .filter_map(|x| x.head.as_ref())
            .find(|h| h.title.starts_with(t))
            .map(|h| h.kicker.clone())
    };
    assert_eq!(kicker_of("设施更"), Some(None), "{p:?}");
    assert_eq!(
        kicker_of("物尽其用"),
        Some(Some("全国资产调剂共享平台覆盖所有行政事业单位".to_owned()))
    );
}

#[test]
fn a_wide_headline_over_another_that_its_text_echoes_is_a_headline_of_its_own() {
    // Two headlines printed one above the other; the text below repeats the upper one's
    // words and none of the lower one's, so the upper one is no kicker but the text's title.
    let text = "《实施弹性退休制度暂行办法》发布\n\n传统也是时尚，\n技艺当随时代\n\n\
                据新华社北京1月1日电 （记者姜琳）人力资源社会保障部1月1日发布\n\
                《实施弹性退休制度暂行办法》，职工可以弹性提前退休。";
    let p = pieces(text);
    let upper = p
        .iter()
        .find(|x| title(x).starts_with("《实施弹性退休"))
        .expect("the upper headline stands alone");
    assert!(upper.head.as_ref().is_some_and(|h| h.kicker.is_none()));
    assert!(upper
        .blocks
        .iter()
        .any(|b| b.text().contains("弹性提前退休")));
    let lower = p.iter().find(|x| title(x).starts_with("传统也是时尚"));
    assert!(lower.is_some_and(|x| x.blocks.is_empty()), "{p:?}");
}

/// On an English page a headline tops the text under it, even where the untitled text
/// above it stops mid-sentence (a column the dump cut short, a slogan): the scan reads a
/// headline before its story, never inside it.
#[test]
fn an_english_headline_under_text_cut_short_tops_its_own_story() {
    let text = "When inquiring for letters in\n\
                this list please state that they\n\
                were advertised, giving date.\n\
                Best stores Advertise is Ckt\n\
                Patriot\n\
                HOWARD GRAHAM CALLED\n\
                BY DEATH\n\
                Howard Graham, former Bur\n\
                gess of Blairsville and a prom\n\
                inent resident of this county,\n\
                died at his home near Livermore\n\
                Monday afternoon.";
    let p = latin_pieces(text);
    let story = p
        .iter()
        .find(|p| title(p) == "HOWARD GRAHAM CALLED BY DEATH");
    let story = story.unwrap_or_else(|| panic!("{p:#?}"));
    assert!(story.blocks[0]
        .text()
        .starts_with("Howard Graham, former Burgess"));
    assert!(p[0].head.is_none(), "{p:#?}");
    assert!(p[0].blocks.last().unwrap().text().ends_with("Ckt Patriot"));
}

/// A name printed inside a signed story's text (a byline at another column's foot,
/// which the dump ran into these lines) goes to the nearest story with text and no
/// writer; with none, to `dropped`, never to a headline without text.
#[test]
fn a_name_in_another_storys_text_goes_to_the_unsigned_story() {
    let story = |title: &str, authors: &[&str], text: bool| Piece {
        head: Some(Headline {
            title: title.to_owned(),
            ..Headline::default()
        }),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        blocks: if text {
            vec![Block::Paragraph {
                text: "正文。".to_owned(),
            }]
        } else {
            Vec::new()
        },
        ..Piece::default()
    };
    let mut signed = story("物尽其用，唤醒“沉睡”资产", &["曲哲涵"], true);
    signed.names_in_text = vec!["潘妙".to_owned()];
    let mut pieces = vec![
        story("纵横", &[], false),
        signed.clone(),
        story("传统也是时尚，技艺当随时代", &[], true),
    ];
    let mut dropped = Vec::new();
    give_names_in_text(&mut pieces, &mut dropped);
    let authors: Vec<&[String]> = pieces.iter().map(|p| p.authors.as_slice()).collect();
    assert_eq!(
        authors,
        [&[][..], &["曲哲涵".to_owned()], &["潘妙".to_owned()]]
    );
    assert!(dropped.is_empty());

    let mut alone = vec![story("纵横", &[], false), signed];
    give_names_in_text(&mut alone, &mut dropped);
    assert!(alone[0].authors.is_empty());
    assert_eq!(dropped, ["潘妙"]);
}

/// The heads of `text`: kicker and title.
fn kickers_and_titles(text: &str) -> Vec<(Option<String>, String)> {
    pieces(text)
        .into_iter()
        .filter_map(|p| p.head)
        .map(|h| (h.kicker, h.title))
        .collect()
}

#[test]
fn a_wide_line_that_names_nothing_of_the_story_around_is_no_kicker() {
    // Another story's title set in one line over a title in two: it shares no word with
    // that title or its text, so it stands as a headline of its own.
    let title = "加快建构中国自主\n的财政知识体系\n本报记者 曲哲涵\n\n";
    let text = "财政是国家治理的基础和重要支柱，财政知识体系扎根中国大地。";
    let heads = kickers_and_titles(&format!("广西今年首趟银发赏花专列启程\n\n{title}{text}"));
    assert_eq!(
        heads,
        [
            (None, "广西今年首趟银发赏花专列启程".to_owned()),
            (None, "加快建构中国自主的财政知识体系".to_owned())
        ]
    );
    // The same line over text that names what it names (专列) is the title's kicker.
    let text = "3月18日，银发赏花专列从南宁站开出，财政部门给予支持。";
    let heads = kickers_and_titles(&format!("广西今年首趟银发赏花专列启程\n\n{title}{text}"));
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert_eq!(heads[0].0.as_deref(), Some("广西今年首趟银发赏花专列启程"));
    // So is one naming the text above, whose headline the dump printed after it.
    let above = "3月18日，银发赏花专列从南宁站开出。\n\n";
    let heads = kickers_and_titles(&format!(
        "{above}广西今年首趟银发赏花专列启程\n\n加快建构中国自主\n的财政知识体系"
    ));
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert_eq!(heads[0].0.as_deref(), Some("广西今年首趟银发赏花专列启程"));
}
