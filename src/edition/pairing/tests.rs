use super::*;
use crate::edition::headline::Headline;

fn head(title: &str) -> Piece {
    Piece {
        head: Some(Headline {
            title: title.to_owned(),
            ..Headline::default()
        }),
        ..Piece::default()
    }
}

fn with_body(mut p: Piece, paragraphs: &[&str]) -> Piece {
    p.blocks = paragraphs
        .iter()
        .map(|t| Block::Paragraph {
            text: (*t).to_owned(),
        })
        .collect();
    p
}

fn titles_and_starts(pieces: &[Piece]) -> Vec<(String, String)> {
    pieces
        .iter()
        .map(|p| {
            (
                p.head.as_ref().map(|h| h.title.clone()).unwrap_or_default(),
                p.blocks
                    .first()
                    .map(|b| b.text().chars().take(4).collect())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

const GUANGXI: &str = "记者从广西壮族自治区工会获悉：广西已经拥有技能人才863.75万人。";
const GUANGXI_2: &str = "近年来，广西构建产业工人技能形成体系，创建劳模和工匠人才创新工作室。";
const YUNNAN: &str = "2024年4月，云南省梳理“督检考”备案管理情况，开发建设“督检考”备案管理平台。";
const YUNNAN_2: &str = "借助备案管理平台，省级部门开展“督检考”事项统筹规范，着力为基层减负。";

/// The 广西 headline stacked over the 云南 one, which holds both stories' text.
fn guangxi_over_both_texts() -> Vec<Piece> {
    vec![
        head("广西已拥有技能人才863.75万人"),
        with_body(
            head("云南统筹规范省级层面“督检考”事项"),
            &[GUANGXI, GUANGXI_2, YUNNAN, YUNNAN_2],
        ),
    ]
}

#[test]
fn stacked_headlines_share_the_text_below_them_by_their_words() {
    let out = pair_by_words(guangxi_over_both_texts());
    assert_eq!(
        titles_and_starts(&out),
        [
            (
                "广西已拥有技能人才863.75万人".to_owned(),
                "记者从广".to_owned()
            ),
            (
                "云南统筹规范省级层面“督检考”事项".to_owned(),
                "2024".to_owned()
            ),
        ]
    );
    assert_eq!(out[0].blocks.len() + out[1].blocks.len(), 4);
}

#[test]
fn crossed_headlines_go_back_to_their_stories_with_their_bylines() {
    let mut yunnan = with_body(
        head("云南统筹规范省级层面“督检考”事项"),
        &[GUANGXI, GUANGXI_2],
    );
    yunnan.authors = vec!["张驰".to_owned(), "庞革平".to_owned()];
    yunnan.head_authors = 1;
    yunnan.dateline = Some("本报南宁6月17日电".to_owned());
    let guangxi = with_body(head("广西已拥有技能人才863.75万人"), &[YUNNAN, YUNNAN_2]);
    let out = pair_by_words(vec![yunnan, guangxi]);
    assert_eq!(
        out[0].head.as_ref().unwrap().title,
        "广西已拥有技能人才863.75万人"
    );
    assert_eq!(out[0].authors, ["庞革平"]);
    assert_eq!(out[0].dateline.as_deref(), Some("本报南宁6月17日电"));
    assert_eq!(
        out[1].head.as_ref().unwrap().title,
        "云南统筹规范省级层面“督检考”事项"
    );
    assert_eq!(out[1].authors, ["张驰"]);
    assert_eq!(out[1].head_authors, 1);
}

#[test]
fn a_story_may_open_with_its_picture() {
    // The second story opens with a caption and a paragraph that share no word with its
    // headline: its run starts at the caption, not at the first paragraph the words name.
    // Two headlines stacked over both stories; the text went under the lower one.
    let mut both = with_body(
        head("广西已拥有技能人才863.75万人"),
        &[
            YUNNAN,
            YUNNAN_2,
            "记者走进工地，机器轰鸣。",
            GUANGXI,
            GUANGXI_2,
        ],
    );
    both.blocks.insert(
        2,
        Block::Caption {
            text: "工人们正忙着组装新一代机器。".to_owned(),
            credit: None,
        },
    );
    let pieces = vec![head("云南统筹规范省级层面“督检考”事项"), both];
    let out = pair_by_words(pieces);
    let guangxi = out
        .iter()
        .find(|p| p.head.as_ref().is_some_and(|h| h.title.starts_with("广西")))
        .expect("the 广西 story");
    assert!(
        matches!(guangxi.blocks.first(), Some(Block::Caption { .. })),
        "{:?}",
        guangxi.blocks
    );
    assert_eq!(guangxi.blocks.len(), 4);
}

#[test]
fn a_story_printed_in_two_runs_around_another_takes_both() {
    let out = pair_by_words(around_yunnan(GUANGXI_SUM));
    assert_eq!(story_texts(&out, "广西"), [GUANGXI, GUANGXI_SUM]);
    assert_eq!(story_texts(&out, "云南"), [YUNNAN, YUNNAN_2]);
    assert!(out.iter().all(|p| p.head.is_some()), "no untitled run left");
}

#[test]
fn a_story_takes_no_second_run_on_a_passing_mention() {
    // A passing mention of 广西 talent after the 云南 story: too little to be the rest of
    // the 广西 story, which stays one run.
    let out = pair_by_words(around_yunnan("广西的技能人才比赛下月举行。"));
    assert_eq!(story_texts(&out, "广西"), [GUANGXI]);
}

const GUANGXI_SUM: &str = "广西已拥有技能人才863.75万人，其中高技能人才占三成。";

/// The 广西 story's text in two runs around the 云南 story's, all under the 云南
/// headline; the 广西 headline stands after them, without text.
fn around_yunnan(last: &str) -> Vec<Piece> {
    vec![
        with_body(
            head("云南统筹规范省级层面“督检考”事项"),
            &[GUANGXI, YUNNAN, YUNNAN_2, last],
        ),
        head("广西已拥有技能人才863.75万人"),
    ]
}

/// The texts of the story whose title starts with `title`.
fn story_texts<'a>(pieces: &'a [Piece], title: &str) -> Vec<&'a str> {
    pieces
        .iter()
        .find(|p| p.head.as_ref().is_some_and(|h| h.title.starts_with(title)))
        .expect("the story")
        .blocks
        .iter()
        .map(Block::text)
        .collect()
}

#[test]
fn text_order_stands_when_the_words_say_nothing() {
    let pieces = vec![
        with_body(head("春风十里"), &[GUANGXI]),
        with_body(head("夏雨一城"), &[YUNNAN]),
    ];
    let out = pair_by_words(pieces.clone());
    assert_eq!(titles_and_starts(&out), titles_and_starts(&pieces));
}

#[test]
fn a_story_is_not_cut_mid_sentence() {
    // The only place the words could cut is inside a sentence: nothing moves.
    let pieces = vec![
        head("广西已拥有技能人才863.75万人"),
        with_body(
            head("云南统筹规范省级层面“督检考”事项"),
            &["广西技能人才，", YUNNAN],
        ),
    ];
    let out = pair_by_words(pieces.clone());
    assert_eq!(titles_and_starts(&out), titles_and_starts(&pieces));
}

#[test]
fn untitled_text_joins_the_story_its_words_point_to() {
    let pieces = vec![
        Piece {
            blocks: vec![Block::Paragraph {
                text: GUANGXI_2.to_owned(),
            }],
            ..Piece::default()
        },
        with_body(head("春风十里"), &[YUNNAN]),
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
    ];
    let out = adopt_untitled(pieces);
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[1].head.as_ref().unwrap().title,
        "广西构建产业工人技能形成体系"
    );
    // It came first in the dump, so it reads first.
    assert_eq!(out[1].blocks[0].text(), GUANGXI_2);
    assert_eq!(out[1].blocks[1].text(), GUANGXI);
}

#[test]
fn untitled_text_with_a_dateline_or_weak_evidence_stays_apart() {
    let mut lead = with_body(Piece::default(), &[GUANGXI_2]);
    lead.dateline = Some("本报南宁6月17日电".to_owned());
    let pieces = vec![
        lead,
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
    ];
    assert_eq!(adopt_untitled(pieces).len(), 2);
    let pieces = vec![
        with_body(Piece::default(), &["广西的天气很好。"]),
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
    ];
    assert_eq!(adopt_untitled(pieces).len(), 2);
}

#[test]
fn a_headline_holding_a_dateline_of_its_own_keeps_the_page_as_segmented() {
    // Found by the shuffled-lines property: the dateline had no run to go to and was lost.
    let mut stacked = head("广西已拥有技能人才863.75万人");
    stacked.dateline = Some("据新华社北京1月1日电".to_owned());
    let pieces = vec![
        stacked,
        with_body(
            head("云南统筹规范省级层面“督检考”事项"),
            &[GUANGXI, GUANGXI_2, YUNNAN, YUNNAN_2],
        ),
    ];
    let out = pair_by_words(pieces.clone());
    assert_eq!(titles_and_starts(&out), titles_and_starts(&pieces));
    assert_eq!(out[0].dateline.as_deref(), Some("据新华社北京1月1日电"));
}

#[test]
fn untitled_texts_before_their_story_keep_their_order() {
    let untitled = |t: &str| with_body(Piece::default(), &[t]);
    let pieces = vec![
        untitled(GUANGXI_2),
        untitled("广西构建产业工人技能形成体系，工匠学院挂牌。"),
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
    ];
    let out = adopt_untitled(pieces);
    assert_eq!(out.len(), 1);
    let texts: Vec<&str> = out[0].blocks.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            GUANGXI_2,
            "广西构建产业工人技能形成体系，工匠学院挂牌。",
            GUANGXI
        ]
    );
}

#[test]
fn a_text_with_its_own_byline_sends_the_headlines_one_up_the_stack() {
    // Stacked headlines with one byline under the stack; the lower story's own byline
    // stands right above its text.
    let mut story = head("传统也是时尚，技艺当随时代");
    story.authors = vec!["李蕊".to_owned()];
    story.head_authors = 1;
    let mut text = with_body(
        Piece::default(),
        &["传统首饰在不同语境中承担着不同的社会功能。"],
    );
    text.authors = vec!["潘妙".to_owned()];
    text.head_authors = 1;
    take_body_fields(&mut story, &mut text);
    assert_eq!(story.authors, ["潘妙"]);
    assert_eq!(story.head_authors, 1);
    assert_eq!(story.stray_bylines, [["李蕊"]]);
}

#[test]
fn a_text_whose_dateline_names_another_reporter_sends_the_byline_up_the_stack() {
    // `把盐碱地变成米粮川` / `上海每万人口…` / `窦皓` / text: the byline under the second
    // headline is the first's; the second's text names its own reporter in its dateline.
    let mut story = head("上海每万人口高价值发明专利拥有量达57.9件");
    story.authors = vec!["窦皓".to_owned()];
    story.head_authors = 1;
    let text = || {
        let mut text = with_body(Piece::default(), &["国家知识产权局25日举行新闻发布会。"]);
        text.dateline = Some("本报北京2月25日电".to_owned());
        text.authors = vec!["谷业凯".to_owned()];
        text
    };
    take_body_fields(&mut story, &mut text());
    assert_eq!(story.authors, ["谷业凯"]);
    assert_eq!(story.head_authors, 0);
    assert_eq!(story.stray_bylines, [["窦皓"]]);
    // The byline's own reporter named again in the dateline: one byline, kept.
    let mut story = head("上海每万人口高价值发明专利拥有量达57.9件");
    story.authors = vec!["谷业凯".to_owned()];
    story.head_authors = 1;
    take_body_fields(&mut story, &mut text());
    assert_eq!(
        (story.authors[0].as_str(), story.head_authors),
        ("谷业凯", 1)
    );
    assert!(story.stray_bylines.is_empty());
}

#[test]
fn untitled_text_opening_mid_sentence_joins_on_less_evidence() {
    let story = || with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]);
    let apart = vec![
        with_body(Piece::default(), &["广西产业的天气很好。"]),
        story(),
    ];
    assert_eq!(adopt_untitled(apart).len(), 2);
    // A clause opening a text (`近日，`) is a story's start like any other.
    let opener = vec![
        with_body(Piece::default(), &["近日，广西产业的天气很好。"]),
        story(),
    ];
    assert_eq!(adopt_untitled(opener).len(), 2);
    // The same words after a sentence's last word: the rest of a sentence begun elsewhere.
    let cut = vec![
        with_body(Piece::default(), &["使用。广西产业的天气很好。"]),
        story(),
    ];
    assert_eq!(adopt_untitled(cut).len(), 1);
}

#[test]
fn untitled_text_finishing_a_cut_sentence_joins_that_story() {
    // A story printed in two runs around another's text: the first run stops at `…的视`,
    // the second opens `角看待…` (视角), and no headline's words speak for it.
    let pieces = vec![
        with_body(
            head("设施更“懂人” 城市更文明"),
            &["“小事”不可小视。从社会治理的视"],
        ),
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
        with_body(Piece::default(), &["角看待问题，想方设法提升居民素质。"]),
    ];
    let out = adopt_untitled(pieces);
    assert_eq!(out.len(), 2, "{out:?}");
    // One paragraph the other story cut in two: it goes on where the first run stopped.
    assert_eq!(out[0].blocks.len(), 1);
    assert!(out[0].blocks[0]
        .text()
        .ends_with("的视角看待问题，想方设法提升居民素质。"));
    // Text whose first line was indented after the cut joins the story as a paragraph
    // of its own.
    let indented = Piece {
        opens_paragraph: true,
        ..with_body(Piece::default(), &["角看待问题，想方设法提升居民素质。"])
    };
    let pieces = vec![
        with_body(
            head("设施更“懂人” 城市更文明"),
            &["“小事”不可小视。从社会治理的视"],
        ),
        with_body(head("广西构建产业工人技能形成体系"), &[GUANGXI]),
        indented,
    ];
    assert_eq!(adopt_untitled(pieces)[0].blocks.len(), 2);
    // A text that opens a sentence of its own stays apart.
    let pieces = vec![
        with_body(
            head("设施更“懂人” 城市更文明"),
            &["“小事”不可小视。从社会治理的视"],
        ),
        with_body(Piece::default(), &["今天天气很好。"]),
    ];
    assert_eq!(adopt_untitled(pieces).len(), 2);
}

#[test]
fn a_headline_after_untitled_text_that_does_not_echo_it_takes_its_own_text() {
    // A headline without text after untitled text looks printed after its body only when
    // that text repeats its words; here its text is under the next headline.
    let mut pieces = vec![with_body(
        Piece::default(),
        &["今天天气很好，大家都出门散步。"],
    )];
    pieces.extend(guangxi_over_both_texts());
    let out = pair_by_words(pieces);
    assert_eq!(
        story_texts(&out, "广西已拥有技能人才863.75万人"),
        [GUANGXI, GUANGXI_2]
    );
    assert_eq!(
        story_texts(&out, "云南统筹规范省级层面“督检考”事项"),
        [YUNNAN, YUNNAN_2]
    );
}

#[test]
fn a_band_of_heads_gives_the_text_left_over_to_its_free_head() {
    // Two story heads set one under the other, each with a byline, then their texts one
    // after the other: the herders' story, whose text never repeats its title's words,
    // and the patent story, which opens with a dateline and names its title's words.
    let mut herders = head("春风吹暖牧民的心");
    herders.authors = vec!["潘妙".to_owned()];
    herders.head_authors = 1;
    let patents = with_body(
        head("上海每万人口高价值发明专利拥有量达57.9件"),
        &["高原春来到，冰封的青海湖迎来开湖季，刚察县的开湖活动即将举行。"],
    );
    let mut dated = with_body(
        Piece::default(),
        &["国家知识产权局介绍，上海每万人口高价值发明专利拥有量达57.9件。"],
    );
    dated.dateline = Some("本报北京2月25日电".to_owned());
    let out = pair_by_words(vec![herders, patents, dated]);
    assert_eq!(
        titles_and_starts(&out),
        [
            ("春风吹暖牧民的心".to_owned(), "高原春来".to_owned()),
            (
                "上海每万人口高价值发明专利拥有量达57.9件".to_owned(),
                "国家知识".to_owned()
            ),
        ]
    );
    assert_eq!(out[0].authors, ["潘妙"]);
}

#[test]
fn a_first_run_that_finishes_the_second_runs_sentence_goes_after_it() {
    let para = |t: &str| Block::Paragraph { text: t.to_owned() };
    let first = ["向，研究所出具仪器测试报告，共同完成了资产的无偿划转手续。"];
    let second = [
        "某单位价值15.3万元的25件摄影器材，借助平台无偿调剂。",
        "皖西学院工作人员查询发现，通过电话和线上沟通等，双方达成初步调剂意",
    ];
    let mut blocks: Vec<Block> = first.iter().chain(&second).map(|t| para(t)).collect();
    put_runs_in_sentence_order(&mut blocks, first.len());
    assert_eq!(
        blocks,
        [para(second[0]), para(&format!("{}{}", second[1], first[0])),]
    );
    // A second run that closes its sentence, or whose words do not run on: as printed.
    for stops in ["双方达成初步调剂意向。", "双方达成初步调剂的"] {
        let mut blocks = vec![para(first[0]), para(stops)];
        let printed = blocks.clone();
        put_runs_in_sentence_order(&mut blocks, 1);
        assert_eq!(blocks, printed, "{stops}");
    }
}

#[test]
fn a_bare_head_over_text_its_story_claims_is_that_storys_subhead() {
    // A subhead between two of a story's paragraphs, read as a headline over the second:
    // the text speaks of the story's headline, and of the subhead's words too.
    let story = with_body(
        head("物尽其用，唤醒沉睡资产 调剂共享平台"),
        &["财政部建立全国资产调剂共享平台，物尽其用，唤醒了沉睡资产。"],
    );
    let section = "各地推动对接，平衡供需，物尽其用，唤醒沉睡资产；调剂共享平台上，\
                   让每一件资产物尽其用。";
    let subhead = with_body(head("线上对接供需 盘活闲置设备"), &[section]);
    let other = with_body(
        head("春耕时节田野忙"),
        &["眼下正值播种季节，湖南各地农民抢抓农时育秧插秧。"],
    );
    let out = pair_by_words(vec![story, subhead, other]);
    assert_eq!(out.len(), 2, "{:#?}", titles_and_starts(&out));
    let kinds: Vec<(&str, &str)> = out[0]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } => ("heading", text.as_str()),
            b => ("text", b.text()),
        })
        .collect();
    assert_eq!(
        kinds[1],
        ("heading", "线上对接供需盘活闲置设备"),
        "{kinds:#?}"
    );
    assert_eq!(kinds[2], ("text", section));
}

/// A kicker standing alone as a headline takes no text, however many of its words a
/// paragraph repeats: its dash promises a title, and the title's story is elsewhere.
#[test]
fn a_lone_kicker_takes_no_text_by_its_words() {
    const QUAKE: &str =
        "中国地震局工程力学研究所研究员马强说，地震预警是利用地震波传播需要时间的原理。";
    let pieces = vec![
        with_body(head("广西已拥有技能人才863.75万人"), &[GUANGXI, GUANGXI_2]),
        head("中国地震局工程力学研究所研究员马强——"),
        with_body(
            head("云南统筹规范省级层面“督检考”事项"),
            &[YUNNAN, YUNNAN_2, QUAKE],
        ),
    ];
    let out = pair_by_words(pieces);
    let kicker = out
        .iter()
        .find(|p| p.head.as_ref().is_some_and(|h| h.title.ends_with("——")));
    assert!(kicker.is_some_and(|p| p.blocks.is_empty()), "{out:#?}");
}
