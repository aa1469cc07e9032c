//! Newspaper conventions through the whole splitter: small pages, each printing one
//! convention the dev corpus has few or no examples of (bylines listing several roles,
//! captions ending in their credit, numbered subheads, masthead lines, English jump lines
//! and two-word datelines), split as `pressroom split` splits them. Each split also keeps
//! every character of its page (the property tests' accounting).

mod split_common;

use pressroom::article::{Article, Block, EditionMeta};
use pressroom::edition::{split, Split};
use split_common::accounting_errors;

/// A Chinese story's text, printed in a 13-character column.
const BODY: &str = "为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\
                    年以来，我市各级各部门坚持\n问题导向，取得了明显成效。";

/// The story's headline and byline, each set apart, over its text.
const STORY_HEAD: &str = "基层治理见实效\n\n本报记者 王明\n\n";

/// More of the story, after a subhead or a box.
const MORE: &str = "据介绍，全市共排查各类风\n险隐患一千二百余处，已全部\n完成整改。";

/// An English story under `NEW BRIDGE TO BE BUILT`, its first line given.
fn english_page(first_line: &str) -> String {
    format!(
        "NEW BRIDGE TO BE BUILT\n{first_line}\nand voted to build a new bridge across\n\
         the river at the foot of Main street."
    )
}

fn split_page(text: &str) -> Split {
    let out = split(text, &EditionMeta::default());
    let errors = accounting_errors(text, &out);
    assert!(errors.is_empty(), "{text}\n{errors:#?}");
    out
}

/// The article's first caption, as its text and credit.
fn first_caption(article: &Article) -> Option<(&str, Option<&str>)> {
    article.blocks.iter().find_map(|b| match b {
        Block::Caption { text, credit } => Some((text.as_str(), credit.as_deref())),
        _ => None,
    })
}

/// The page's one article.
fn only_article(out: &Split) -> &Article {
    assert_eq!(out.articles.len(), 1, "{:#?}", out.articles);
    &out.articles[0]
}

/// Each block as `heading` or `text`, with its text.
fn blocks_of(article: &Article) -> Vec<(&str, &str)> {
    article
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text } => ("heading", text.as_str()),
            other => ("text", other.text()),
        })
        .collect()
}

/// Each block as `heading` with its text, or `text` with its first three characters.
fn kinds_of(article: &Article) -> Vec<(&str, &str)> {
    blocks_of(article)
        .into_iter()
        .map(|(kind, text)| match kind {
            "heading" => (kind, text),
            _ => (kind, &text[..9]),
        })
        .collect()
}

/// Asserts that `line` went to the page's `dropped` lines.
#[track_caller]
fn assert_dropped(out: &Split, line: &str) {
    assert!(
        out.dropped.iter().any(|d| d == line),
        "{line:?} not dropped: {:#?}",
        out.dropped
    );
}

/// Each article's title and authors, in the page's order.
fn titles_and_authors(out: &Split) -> Vec<(&str, Vec<&str>)> {
    out.articles
        .iter()
        .map(|a| {
            (
                a.title.as_str(),
                a.authors.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// The texts of `article`'s paragraphs, its other blocks left out.
fn paragraphs_of(article: &Article) -> Vec<&str> {
    article
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .map(Block::text)
        .collect()
}

/// The page's one article's blocks, which must all be paragraphs, as their texts.
fn paragraphs_only(out: &Split) -> Vec<&str> {
    let article = only_article(out);
    let texts: Vec<&str> = article.blocks.iter().map(Block::text).collect();
    let all_text = article
        .blocks
        .iter()
        .all(|b| matches!(b, Block::Paragraph { .. }));
    assert!(all_text, "{texts:#?}");
    texts
}

#[test]
fn a_byline_of_several_roles_names_every_writer() {
    for byline in [
        "本报记者 王明 通讯员 李华",
        "记者王明 实习生李华",
        "■ 本报记者 王明 见习记者 李华 文/图",
        "新华社记者 王明 李华",
        "（本报记者 王明 通讯员 李华）",
        "文/王明 图/李华",
    ] {
        let out = split_page(&format!("基层治理见实效\n\n{byline}\n\n{BODY}"));
        let article = only_article(&out);
        assert_eq!(article.authors, ["王明", "李华"], "{byline}");
        assert!(article.blocks[0].text().starts_with("为贯彻"), "{byline}");
    }
    let out = split_page(&format!(
        "基层治理见实效\n\n本报讯（记者 王明 通讯员 李华）{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.authors, ["王明", "李华"]);
    assert_eq!(article.dateline.as_deref(), Some("本报讯"));
    // The note wrapped before a name that is no common surname's (an office's short name
    // signs for it): the joined lines glue it to its label.
    let out = split_page(&format!(
        "基层治理见实效\n\n本报讯（记者 王明 通讯员\n气宣）{BODY}"
    ));
    assert_eq!(only_article(&out).authors, ["王明", "气宣"]);
    // A letter-spaced name beside one set solid, right under the headline.
    let out = split_page(&format!(
        "来公园，\n20分钟感受自然“疗愈”\n本报记者 施 芳 潘俊强\n\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.title, "来公园，20分钟感受自然“疗愈”");
    assert_eq!(article.authors, ["施芳", "潘俊强"]);
}

/// pdftotext may print a headline in one block with the dateline that opens its text; the
/// headline's lines, wider than the column (larger type), are the story's headline.
#[test]
fn a_headline_printed_in_one_block_with_its_dateline_heads_the_story() {
    let story = "全市重点项目建设“冬季攻势”全面打响\n\
                 128 个项目集中开工，总投资 876 亿元\n\
                 本报讯（记者 胡斌 通讯\n员 肖然） 12 月 10 日上午，\n\
                 全市重点项目建设“冬季攻势”\n集中开工活动在江城高新区主\n\
                 会场举行，各县市区设分会场\n同步开工。此次集中开工项目\n\
                 128 个，涵盖先进制造、基础\n设施、社会民生等领域。\n\n\
                 在主会场，总投资 65 亿\n元的新能源汽车零部件产业园\n\
                 项目现场机器轰鸣，十余台挖\n掘机、推土机一字排开。";
    let out = split_page(story);
    let article = only_article(&out);
    assert_eq!(
        format!(
            "{}{}",
            article.title,
            article.subtitle.as_deref().unwrap_or("")
        ),
        "全市重点项目建设“冬季攻势”全面打响128个项目集中开工，总投资876亿元"
    );
    assert_eq!(article.authors, ["胡斌", "肖然"]);
    assert!(
        paragraphs_of(article)[0].starts_with("12月10日上午"),
        "{out:#?}"
    );
    // Lines as wide as the column over the dateline are another column's text, which a
    // page printed two columns side by side put there: they stay text.
    let text_over = "位于本溪市溪湖区的东风湖冰雪\n大世界，冰雪设施已拆卸完毕。“我\n\
                     们将湖边的冰雪场地改造升级成度假\n乐园，涵盖山地徒步、非遗研学等体\n\
                     验项目，在湖面上开发了垂钓、游船\n等项目。”景区负责人王军说。\n\n\
                     “离开光东村后，游客能不能还\n是顾客？”村党支部书记金宪的一句\n\
                     本报广州3月19日电 （记者罗\n艾桦）近日，广东省广州市工信局编\n\
                     制出台《广州市生物医药价值园区建\n设实施方案》，提出按照“选赛道+建\n\
                     园区+引项目+配要素”的全链条发展\n\n\
                     话，让杨丽娜有了新想法。她开始与\n村民合作，确定收购价格、设计产品\n\
                     包装、搭建线上商城，在网上卖起大\n米、米酒、辣白菜等特产。";
    let out = split_page(text_over);
    assert!(
        out.articles.iter().all(|a| !a.title.contains("光东村")),
        "{out:#?}"
    );
}

/// A theory page prints the writer's bare name between the headline and the text, all
/// in one block: the name is the byline, not the subtitle's end.
#[test]
fn a_bare_name_between_headline_and_text_in_one_block_is_the_byline() {
    let out = split_page(
        "以新质生产力赋能县域经济高质量发展\n——深入学习贯彻党的二十届四中全会精神\n刘建国\n\
         县域经济是国民经济的基本单元，县城是\n城乡融合发展的关键纽带。党的二十届四中全\n\
         会强调，要因地制宜发展新质生产力。",
    );
    let article = only_article(&out);
    assert_eq!(article.title, "以新质生产力赋能县域经济高质量发展");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("——深入学习贯彻党的二十届四中全会精神")
    );
    assert_eq!(article.authors, ["刘建国"]);
}

/// A subhead opening its block over the text it heads, on a page whose blank lines set
/// blocks apart, though the text's first line shows no indent to tell it by.
#[test]
fn a_short_line_opening_its_block_over_running_text_is_a_subhead() {
    let out = split_page(&format!(
        "{STORY_HEAD}{BODY}\n\n兼顾旅游品质与环境责任\n\
         摩纳哥南侧面向地中海，是世界面\n积第二小的国家，旅游业在其经济\n\
         中占比约百分之十。"
    ));
    let article = only_article(&out);
    assert_eq!(
        kinds_of(article),
        [
            ("text", "为贯彻"),
            ("heading", "兼顾旅游品质与环境责任"),
            ("text", "摩纳哥")
        ]
    );
}

/// A headline and a subtitle as wide as the column, whose figures pdftotext set apart
/// with spaces (`明年 1 月 1 日起施行`, no line stretched to its column), printed in one
/// block with the dateline under them: the story's headline, not a subhead of the story
/// above.
#[test]
fn a_subtitle_as_wide_as_the_column_over_its_dateline_is_the_headlines() {
    let page = "湘中首条跨江观光索道试运行\n\
                本报讯（记者 邓可）11 月 17 日上午，湘中首条跨江观光索道在橘洲景\n区开始试运行。\n\
                据介绍，索道共设 68 个轿厢，每厢可乘坐 8 人，最大运\n\
                量每小时 2000 人次。试运行期间实行预约制，市民可通过\n景区公众号预约免费体验。\n\n\
                我市出台优化营商环境“二十条”\n\
                聚焦企业开办、融资、用工等关键环节，明年 1 月 1 日起施行\n\
                本报讯（记者 谭敏 通讯员 湘发宣）11 月 20 日，市政府新闻办召开新闻发布会，发布《湘中市进一\n\
                步优化营商环境若干措施》。《措施》共 20 条，聚焦企业开办、\n\
                融资服务、用工保障、政务服务等市场主体反映集中的问题，提出\n一批可操作、可感知的具体举措。";
    let out = split_page(page);
    let [_, article] = &out.articles[..] else {
        panic!("{out:#?}");
    };
    assert_eq!(article.title, "我市出台优化营商环境“二十条”");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("聚焦企业开办、融资、用工等关键环节，明年1月1日起施行")
    );
    assert_eq!(article.authors, ["谭敏", "湘发宣"]);
}

/// A wire story's dateline whose figures pdftotext set apart with spaces (a font change)
/// is still the dateline, printed in one block with the headline above it.
#[test]
fn a_dateline_with_spaced_figures_opens_its_story() {
    let out = split_page(
        "前 11 个月全国规模以上工业增加值\n同比增长 5.9%\n新华社北京 12 月 4 日电\n\
         （记者 王希文 魏晓坤）国家统\n计局 4 日发布数据，今年前 11\n\
         个月，全国规模以上工业增加值\n同比增长 5.9% 。",
    );
    let article = only_article(&out);
    let head = format!(
        "{}{}",
        article.title,
        article.subtitle.as_deref().unwrap_or("")
    );
    assert_eq!(head, "前11个月全国规模以上工业增加值同比增长5.9%");
    assert_eq!(article.dateline.as_deref(), Some("新华社北京12月4日电"));
    assert_eq!(article.authors, ["王希文", "魏晓坤"]);
    assert!(
        paragraphs_of(article)[0].starts_with("国家统计局"),
        "{out:#?}"
    );
}

/// An essay's writer signs behind a mark over the text, printed in one block with it.
#[test]
fn a_name_behind_a_writers_mark_signs_the_text_under_it() {
    for mark in ["□ ", "◎", "■ "] {
        let out = split_page(&format!(
            "故乡的冬至\n\n{mark}周晓梅\n小时候，冬至在我心里是比过\n年还要郑重的日子。"
        ));
        let article = only_article(&out);
        assert_eq!(article.title, "故乡的冬至", "{mark}");
        assert_eq!(article.authors, ["周晓梅"], "{mark}");
        assert_eq!(
            paragraphs_of(article),
            ["小时候，冬至在我心里是比过年还要郑重的日子。"]
        );
    }
}

#[test]
fn a_lead_of_a_news_report_or_with_a_colon_is_no_part_of_the_text() {
    for (lead, dateline, authors) in [
        ("央视网消息（记者 王明）：", "央视网消息", &["王明"][..]),
        ("据新华社消息 ", "据新华社消息", &[][..]),
        ("人民网北京11月8日电：", "人民网北京11月8日电", &[][..]),
        ("本报讯（记者 王明）：", "本报讯", &["王明"][..]),
        // Reporters after the dateline without brackets, closed by 报道 and a colon.
        (
            "本报北京3月5日讯 记者王明报道：",
            "本报北京3月5日讯",
            &["王明"][..],
        ),
        (
            "本报讯 记者 王明 通讯员 李华报道：",
            "本报讯",
            &["王明", "李华"][..],
        ),
    ] {
        let out = split_page(&format!("基层治理见实效\n\n{lead}{BODY}"));
        let article = only_article(&out);
        assert_eq!(article.dateline.as_deref(), Some(dateline), "{lead}");
        assert_eq!(article.authors, authors, "{lead}");
        assert!(article.blocks[0].text().starts_with("为贯彻"), "{lead}");
    }
}

#[test]
fn a_head_in_three_sizes_has_kicker_title_and_subtitle() {
    let out = split_page(&format!(
        "全市上下凝心聚力抓落实\n基层治理见实效\n全市排查风险隐患一千二百余处\n\n\
         本报记者 王明\n\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.kicker.as_deref(), Some("全市上下凝心聚力抓落实"));
    assert_eq!(article.title, "基层治理见实效");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("全市排查风险隐患一千二百余处")
    );
}

#[test]
fn a_heads_figures_lose_the_spaces_the_font_change_printed() {
    let out = split_page(&format!(
        "地铁 3 号线二期 明日开通\n——新增站点 12 座，线路全长 1.2 万米\n\n\
         本报记者 王明\n\n{BODY}"
    ));
    let article = only_article(&out);
    // The space between the halves of a two-part title stays.
    assert_eq!(article.title, "地铁3号线二期 明日开通");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("——新增站点12座，线路全长1.2万米")
    );
}

#[test]
fn a_title_wrapped_inside_a_quote_keeps_its_enumeration_comma() {
    // `中、处处皆景”` opens with a comma, as a clause broken off a sentence would; inside
    // the quote the title opened, it is the rest of the quoted phrase.
    let out = split_page(&format!(
        "基层治理见实效\n\n本报记者 李华\n\n{MORE}\n\n构建“城在园\n中、处处皆景”\n王明\n\n\
         近年来，我市新建口袋公园一\n百二十个，市民出门五百米就\n能走进一座公园。"
    ));
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["基层治理见实效", "构建“城在园中、处处皆景”"]);
    let second = &out.articles[1];
    assert_eq!(second.authors, ["王明"]);
    assert!(second.blocks[0].text().starts_with("近年来"), "{second:#?}");
}

#[test]
fn a_qr_codes_label_under_a_headline_leaves_it_a_headline() {
    let out = split_page(&format!(
        "基层治理见实效\n\n本报记者 李华\n\n{MORE}\n\n全市新建口袋\n公园一百二十个\n扫码看视频\n\n\
         近年来，我市新建口袋公园一\n百二十个，市民出门五百米就\n能走进一座公园。"
    ));
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["基层治理见实效", "全市新建口袋公园一百二十个"]);
    assert!(out.articles[1].blocks[0].text().starts_with("近年来"));
    assert_dropped(&out, "扫码看视频");
    // The headline printed beside the code, between the label's two lines.
    let out = split_page(&format!(
        "基层治理见实效\n\n本报记者 李华\n\n{MORE}\n\n扫码看视频\n全市新建口袋公园一百二十个\n\
         精彩视频\n\n近年来，我市新建口袋公园一\n百二十个，市民出门五百米就\n能走进一座公园。"
    ));
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["基层治理见实效", "全市新建口袋公园一百二十个"]);
    assert!(out.articles[1].blocks[0].text().starts_with("近年来"));
    for label in ["扫码看视频", "精彩视频"] {
        assert_dropped(&out, label);
    }
    // The code beside a kicker wrapped over two lines, the label's second line printed
    // between them: the kicker's halves (研 / 究所: 研究所) are one line again.
    let out = split_page(&format!(
        "基层治理见实效\n\n本报记者 李华\n\n{MORE}\n\n扫码看视频\n中国地震局工程力学研\n\
         精彩视频\n究所研究员马强——\n\n努力提升地\n震预警水平\n本报记者 庞革平\n\n\
         地震预警是利用地震波传播需\n要一定时间的原理，为人们争取\n应急避险的机会。"
    ));
    let quake = &out.articles[1];
    assert_eq!(quake.title, "努力提升地震预警水平");
    assert_eq!(
        quake.kicker.as_deref(),
        Some("中国地震局工程力学研究所研究员马强——")
    );
    assert!(quake.blocks[0].text().starts_with("地震预警"), "{quake:#?}");
    for label in ["扫码看视频", "精彩视频"] {
        assert_dropped(&out, label);
    }
}

/// Headlines set side by side over one story's text: the second, printed right over the
/// story's dateline, is a headline though its two parts are split by a comma as a clause
/// of text would be; the text goes to the headline it speaks of.
#[test]
fn a_line_set_apart_over_a_dateline_is_a_headline_whatever_its_commas() {
    let out = split_page(
        "教育家精神2025年\n巡回宣讲活动启动\n\n来公园，20分钟感受自然“疗愈”\n\
         本报北京2月25日电 （记者\n闫伊乔）2月25日，教育部在京举\n行教育家精神2025年巡回宣讲活\n\
         动首场报告会。此次巡回宣讲活动\n以“大力弘扬教育家精神，加快建\n设教育强国”为主题，宣讲团成员\n\
         由基础教育、职业教育、高等教\n育、特殊教育等领域的时代楷模、\n全国教书育人楷模、全国“最美教\n\
         师”、全国模范教师、全国优秀教",
    );
    let article = only_article(&out);
    assert_eq!(article.title, "教育家精神2025年巡回宣讲活动启动");
    assert_eq!(article.dateline.as_deref(), Some("本报北京2月25日电"));
    assert_eq!(article.authors, ["闫伊乔"]);
    assert!(
        article.blocks[0].text().starts_with("2月25日"),
        "{article:#?}"
    );
}

/// Another story's headline printed right over this story's text, wider than any line
/// of it: text never runs wider than its column, so it is no paragraph's first line.
#[test]
fn a_line_wider_than_the_text_under_it_is_a_headline() {
    let out = split_page(&format!(
        "基层治理见实效\n本报记者 王明\n\n全省粮食生产再获丰收农民收入持续增长\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.title, "基层治理见实效");
    assert!(
        article.blocks[0].text().starts_with("为贯彻"),
        "{article:#?}"
    );
    assert!(out
        .dropped
        .iter()
        .any(|d| d == "全省粮食生产再获丰收农民收入持续增长"));
}

#[test]
fn a_kickers_dash_makes_the_line_under_it_the_title() {
    let out = split_page(&format!(
        "中国科学院天津工业生物技术研究所研究员蔡韬——\n\n深耕人工合成淀粉“无人区”\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(
        article.kicker.as_deref(),
        Some("中国科学院天津工业生物技术研究所研究员蔡韬——")
    );
    assert_eq!(article.title, "深耕人工合成淀粉“无人区”");
    assert!(article.blocks[0].text().starts_with("为贯彻"));
    // A picture's caption printed right under the title, before the text.
    let out = split_page(&format!(
        "天津师范大学师生调查民间历史文献——\n\n探寻岁月深处的故事\n\
         调查团成员在整理碑文拓片。\n本报记者 王明摄\n\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.title, "探寻岁月深处的故事");
    assert_eq!(
        first_caption(article),
        Some(("调查团成员在整理碑文拓片。", Some("本报记者 王明摄")))
    );
    assert!(article
        .blocks
        .iter()
        .any(|b| b.text().starts_with("为贯彻")));
    // A kicker listing places, set over a headline with a byline under the masthead.
    let out = split_page(
        "第12版\n\n编辑 窦皓 美编 张驰\n\n摩纳哥、德国、新加坡探索旅游业新模式——\n\n\
         加强创新，促进旅游业可持续发展\n本报记者 张 驰\n\n近年来，随着环境保护意识的\n\
         不断提升，游客对绿色出行、可持\n续旅游的认可度持续增长。记者走\n\
         访发现，摩纳哥、德国、新加坡等\n国家积极创新旅游业发展模式，践\n\
         行环境、社会、治理理念，促进旅\n游业更好实现可持续发展。",
    );
    let article = only_article(&out);
    assert_eq!(
        article.kicker.as_deref(),
        Some("摩纳哥、德国、新加坡探索旅游业新模式——")
    );
    assert_eq!(article.title, "加强创新，促进旅游业可持续发展");
}

#[test]
fn a_leader_writers_signature_and_an_authors_label_name_the_writer() {
    for (byline, author) in [
        ("本报评论员", "本报评论员"),
        ("人民日报特约评论员 王明", "王明"),
        ("作者：王明", "王明"),
        ("本报记者 王明 摄影报道", "王明"),
    ] {
        let out = split_page(&format!("基层治理见实效\n\n{byline}\n\n{BODY}"));
        let article = only_article(&out);
        assert_eq!(article.authors, [author], "{byline}");
        assert_eq!(article.subtitle, None, "{byline}");
        assert!(article.blocks[0].text().starts_with("为贯彻"), "{byline}");
    }
}

/// A column's writer signs under the headline with a bare name behind a decoration
/// (`◎ 陈 静`, `□王明`): the name is the author, the mark no part of the title.
#[test]
fn a_decorated_name_under_a_headline_is_its_byline() {
    for (byline, author) in [("◎ 陈 静", "陈静"), ("□王明", "王明"), ("■ 李 华", "李华")]
    {
        for gap in ["", "\n"] {
            let out = split_page(&format!("立春过后话农时\n{gap}{byline}\n\n{BODY}"));
            let article = only_article(&out);
            assert_eq!(article.title, "立春过后话农时", "{byline:?} {gap:?}");
            assert_eq!(article.authors, [author], "{byline:?} {gap:?}");
            assert!(article.blocks[0].text().starts_with("为贯彻"), "{byline}");
        }
    }
}

/// A brief signs off under its text with its writers' names in brackets, labelled or not
/// (`（王明）`, `（记者 王明）`), also under a story with a byline of its own: the sign-off
/// is the story's, not the next story's; a bracketed note that names no one stays text.
#[test]
fn a_brief_signs_off_with_its_writers_in_brackets() {
    for byline in ["", "本报记者 张明\n\n"] {
        for (sign_off, authors) in [
            ("（王明）", &["王明"][..]),
            ("（王明、李华）", &["王明", "李华"][..]),
            ("（记者 王明）", &["王明"][..]),
            ("（本报记者 王明）", &["王明"][..]),
            ("（上图）", &[][..]),
        ] {
            let out = split_page(&format!(
                "基层治理见实效\n\n{byline}{BODY}\n{sign_off}\n\n城市书房遍地开花\n\n\
                 本报记者 刘芳\n\n{MORE}"
            ));
            let article = &out.articles[0];
            let mut expected: Vec<&str> = byline.split_whitespace().skip(1).collect();
            expected.extend(authors);
            assert_eq!(article.title, "基层治理见实效", "{sign_off}");
            assert_eq!(article.authors, expected, "{byline} {sign_off}");
            let signed = !authors.is_empty();
            let in_text = article.blocks.iter().any(|b| b.text().contains(sign_off));
            assert_eq!(in_text, !signed, "{sign_off}");
            let next = &out.articles[1];
            assert_eq!(next.title, "城市书房遍地开花", "{sign_off}");
            assert_eq!(next.authors, ["刘芳"], "{byline} {sign_off}");
        }
    }
}

/// A title never wraps across a blank line: where the dump sets a run of lines apart one
/// by one (so that a blank line there breaks no block), two stories' titles stacked one
/// over the other stay two (the upper one's story is not on the page, so its title goes to
/// `dropped`), and the text goes with its own.
#[test]
fn titles_stacked_among_lines_set_apart_one_by_one_stay_apart() {
    let out = split_page(
        "第10版\n\n2025年8月29日 星期五\n\n瞄准基础研究最前沿\n\n一块稻田挣出两份钱\n\n\
         本报记者 李 蕊\n\n3月的东北，春寒料峭。正值中\n午，走进吉林省延边朝鲜族自治\n\
         州和龙市东城镇光东村，稻田里\n一片忙碌，村民说一块稻田能挣\n出两份钱。",
    );
    let article = only_article(&out);
    assert_eq!(article.title, "一块稻田挣出两份钱");
    assert_eq!(article.authors, ["李蕊"]);
    assert!(article.blocks[0].text().starts_with("3月的东北"));
    assert_dropped(&out, "瞄准基础研究最前沿");
}

/// A byline right under a headline is the headline's, labels read, even where the dump
/// printed the headline into another story's open paragraph (here a sidebar's head and a
/// caption leave it open).
#[test]
fn a_byline_under_its_headline_is_read_with_its_labels() {
    let out = split_page(
        "（上接第1版）\n箱等用品，安排青年志愿者做\n好服务引导工作，同时设立专\n\
         门候车区，全力满足旅客出行\n需求。\n\n【延伸阅读】\n\n江苏苏州\n构建“城在园\n\
         中、处处皆景”\n今年4月份起，提档升级的银发旅游列车计划逐步投入使用。\n\
         新华社记者 游仪摄\n\n吉林省延边朝鲜族自治州和龙市东城镇光东村——\n\n\
         一块稻田挣出两份钱\n本报记者 刘以晴\n3月的东北，春寒料峭。\n\
         正值中午，走进吉林省延边朝\n鲜族自治州和龙市东城镇光东\n村，庭院里不时飘出米饭香。",
    );
    let article = out
        .articles
        .iter()
        .find(|a| a.title == "一块稻田挣出两份钱")
        .expect("the story under its headline");
    assert_eq!(article.authors, ["刘以晴"]);
}

/// Two headlines set side by side print one after the other, then the first story's text,
/// closed by its jump line, then a third headline and the second story's text (which
/// repeats the second headline's words). The jump line ends the first story's text on the
/// page: the second headline's words do not pull that text into its story too.
#[test]
fn a_jump_line_ends_its_storys_text_on_the_page() {
    let out = split_page(
        "春风吹暖牧民的心\n潘妙\n\n加强创新，促进旅\n游业可持续发展\n张驰\n\n\
         高原春来到，冰封的高原蓝\n宝石青海湖迎来开湖季，青海省\n海北藏族自治州刚察县“开湖”活\n\
         动即将举行。\n逐水草，牧牛羊。此前，果\n洛藏贡麻村的藏系羊、牦牛一直\n\
         处于“散养”阶段。2020年，当\n时30岁的索南才夫旦被选为村\n支书，他打算围绕养殖开辟新市\n\
         （下转第11版）\n\n助力平台企业发挥作用\n提高政务服务质效\n本报记者 张 驰\n\n\
         近年来，随着环境保护意识\n的不断提升，游客对绿色出行、\n可持续旅游的认可度持续增长。\n\
         记者走访发现，多国积极创新旅\n游业发展模式，促进旅游业更好\n实现可持续发展。\n\
         （下转第10版）\n\n习近平总书记强调：“坚持\n依法管网、依法办网、依法上\n\
         网”。当前，平台企业连接着千\n家万户，为推动高质量发展作出\n重要贡献。",
    );
    let stories: Vec<(&str, &str)> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.blocks[0].text()))
        .collect();
    let opening = |title: &str| {
        stories
            .iter()
            .find(|(t, _)| *t == title)
            .map(|(_, text)| text.chars().take(5).collect::<String>())
    };
    assert_eq!(stories.len(), 3, "{stories:#?}");
    assert_eq!(opening("春风吹暖牧民的心").as_deref(), Some("高原春来到"));
    assert_eq!(
        opening("加强创新，促进旅游业可持续发展").as_deref(),
        Some("近年来，随")
    );
    assert_eq!(
        opening("助力平台企业发挥作用提高政务服务质效").as_deref(),
        Some("习近平总书")
    );
}

/// A rubric of four or five characters printed in the headline's block, right over the
/// title (`人民时评`), is no title with a subtitle: a title wraps onto lines no longer than
/// its first. A place kicker so printed is the kicker.
#[test]
fn a_rubric_in_the_headlines_block_is_no_title() {
    let text =
        "为贯彻落实党中央决策部署，进\n一步做好四川成都基层治理工作，\n今年以来取得了明显成效。";
    let heads = |head: &str| {
        let out = split_page(&format!("{head}\n本报评论员 王明\n\n{text}"));
        let a = only_article(&out);
        let dropped = out.dropped.clone();
        (
            a.kicker.clone(),
            a.title.clone(),
            a.subtitle.clone(),
            dropped,
        )
    };
    let (kicker, title, subtitle, dropped) = heads("人民时评\n莫让虚假测评误导消费");
    assert_eq!(
        (kicker, title.as_str(), subtitle),
        (None, "莫让虚假测评误导消费", None)
    );
    assert!(dropped.iter().any(|d| d == "人民时评"));
    let (kicker, title, ..) = heads("四川成都\n用好“金角银边”建设口袋公园");
    assert_eq!(
        (kicker.as_deref(), title.as_str()),
        (Some("四川成都"), "用好“金角银边”建设口袋公园")
    );
    // A short line ending on a joining particle is a title's first line, no rubric.
    let (kicker, title, ..) = heads("父亲的\n那辆二八自行车");
    assert_eq!((kicker, title.as_str()), (None, "父亲的那辆二八自行车"));
}

/// A short kicker naming the story's place (`四川成都`) over the title is its kicker,
/// since the text names the place too; a column's label (`新语`) names nothing of the
/// story and is dropped.
#[test]
fn a_short_kicker_naming_the_place_is_the_kicker_and_a_column_label_is_dropped() {
    let out = split_page(
        "四川成都\n\n用好“金角银边”，建设口袋公园\n本报记者 周 欢\n\n\
         初夏，四川成都二环高架\n桥下长满了爬山虎，将桥墩包\n裹住，穿行其中，满目绿意。",
    );
    let article = only_article(&out);
    assert_eq!(article.kicker.as_deref(), Some("四川成都"));
    assert_eq!(article.title, "用好“金角银边”，建设口袋公园");
    assert!(article.blocks[0].text().starts_with("初夏"));
    let out = split_page(
        "新语\n\n传统也是时尚，\n技艺当随时代\n\n本报记者 李 蕊\n\n\
         传统首饰在不同语境中承担着\n不同的社会功能，形制亦随时代前\n进的步伐而不断改变。",
    );
    let article = only_article(&out);
    assert_eq!(article.kicker, None);
    assert_dropped(&out, "新语");
    // A label printed atop the text, under the byline, in the text's own block.
    let out = split_page(&format!("{STORY_HEAD}民生观\n{BODY}"));
    let article = only_article(&out);
    assert!(
        article.blocks[0].text().starts_with("为贯彻"),
        "{article:#?}"
    );
    assert_dropped(&out, "民生观");
}

/// Headlines set side by side, printed one after another: the kicker that closes the
/// stack leads into the next title printed further on, not back into the one above it.
#[test]
fn a_kicker_closing_a_stack_of_headlines_waits_for_its_title() {
    let out = split_page(
        "青海省海北藏族自治州刚察县\n沙柳河镇果洛藏贡麻村——\n\n春风吹暖牧民的心\n\n\
         中国农业大学教授胡树文——\n潘妙\n\n高原春来到，冰封的高原蓝宝石青海湖迎\n\
         来开湖季，青海省海北藏族自治州刚察县\n“开湖”活动即将举行。\n\n\
         把盐碱地变成米粮川\n本报记者 窦 皓\n\n我国盐碱地多，开展盐碱地综合改造利用\n\
         意义重大。2006年，我带领团队来到吉林\n开展盐碱地改良研究。",
    );
    let heads: Vec<(Option<&str>, &str)> = out
        .articles
        .iter()
        .map(|a| (a.kicker.as_deref(), a.title.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            (
                Some("青海省海北藏族自治州刚察县沙柳河镇果洛藏贡麻村——"),
                "春风吹暖牧民的心"
            ),
            (Some("中国农业大学教授胡树文——"), "把盐碱地变成米粮川"),
        ]
    );
}

#[test]
fn a_caption_ending_in_its_credit_keeps_the_credit_apart() {
    let out = split_page(&format!(
        "{STORY_HEAD}{BODY}\n\n\
         ▲村民们在巡回诊疗车里排队做\n检查。本报记者 王明 摄\n\n{MORE}"
    ));
    let article = only_article(&out);
    let caption = first_caption(article);
    assert_eq!(
        caption,
        Some((
            "▲村民们在巡回诊疗车里排队做检查。",
            Some("本报记者 王明 摄")
        ))
    );
}

#[test]
fn file_pictures_bracketed_credits_and_picture_labels_are_credits() {
    // Also a credit in brackets, and names after a picture's label.
    for credit in [
        "资料图片",
        "（资料图片）",
        "王明 摄影",
        "（本报记者 王明 摄）",
        "图/王明",
        "摄影：王 明 李华",
    ] {
        let out = split_page(&format!(
            "{STORY_HEAD}{BODY}\n\n\
             村民们在巡回诊疗车里排队做检查。\n{credit}\n\n{MORE}"
        ));
        let article = only_article(&out);
        let caption = first_caption(article);
        assert_eq!(
            caption,
            Some(("村民们在巡回诊疗车里排队做检查。", Some(credit))),
            "{credit}"
        );
    }
}

#[test]
fn a_caption_without_a_credit_is_told_by_how_it_opens() {
    for note in [
        "图为村民在巡回诊疗车里排队做检查。",
        "上图：村民在巡回诊疗车里排队做检查。",
    ] {
        let out = split_page(&format!("{STORY_HEAD}{note}\n\n{BODY}\n\n{MORE}"));
        let article = only_article(&out);
        assert_eq!(first_caption(article), Some((note, None)), "{note}");
        let paragraphs = paragraphs_of(article);
        assert!(paragraphs[0].starts_with("为贯彻"), "{paragraphs:?}");
        assert!(!paragraphs.iter().any(|p| p.contains("巡回诊疗车")));
    }
    // Text that opens so in a paragraph of its own, as long as text runs, stays text.
    let long = "图为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\
                年以来，我市各级各部门坚持\n问题导向，取得了明显成效。";
    let out = split_page(&format!("{STORY_HEAD}{long}"));
    assert_eq!(first_caption(only_article(&out)), None);
}

/// A note set apart that names where someone stands in the picture (`（右）`,
/// `（前排左二）`) is a caption, credit or not: text never points so.
#[test]
fn a_note_naming_where_someone_stands_is_a_caption() {
    for note in [
        "刘师傅（右）在公交站台接受记者采访。",
        "村民代表（前排左二）与医生交流。",
    ] {
        let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{note}\n\n{MORE}"));
        let article = only_article(&out);
        assert_eq!(first_caption(article), Some((note, None)), "{out:#?}");
        assert!(!paragraphs_of(article).iter().any(|p| p.contains(note)));
    }
}

#[test]
fn a_numbered_subhead_stands_between_its_paragraphs() {
    for subhead in ["一、强化组织领导", "（二）强化组织领导", "■强化组织领导"]
    {
        let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{subhead}\n\n{MORE}"));
        let kinds = kinds_of(only_article(&out));
        assert_eq!(
            kinds,
            [("text", "为贯彻"), ("heading", subhead), ("text", "据介绍")],
            "{subhead}"
        );
    }
}

#[test]
fn a_list_whose_first_item_opens_with_a_number_is_a_list() {
    // `1.12路…` alone reads as a number (`1.12`); the second item below tells it is the
    // first of a list, and a paragraph of its own.
    let list = "今年以来，市交通运输局对全\n市公交线路进行了全面梳理，\n主要调整如下：\n\
                1.12路公交车延伸至高铁西\n站，每天首班车提前至6时发车。\n\
                2.新开通35路公交车，连接河\n西新城与老城区，全程约18公里。";
    let out = split_page(&format!("{STORY_HEAD}{list}"));
    let paragraphs = paragraphs_of(only_article(&out));
    let openings: Vec<String> = paragraphs
        .iter()
        .map(|p| p.chars().take(4).collect())
        .collect();
    assert_eq!(openings, ["今年以来", "1.12", "2.新开"], "{paragraphs:?}");
    // A numbered heading as wide as the column, with a clause in it, stays a heading over
    // text whose first line goes on; a narrower one, or one with no clause, over a sentence
    // of one line, too.
    for (heading, text) in [
        ("1.坚持规划引领，做优城市布局", MORE),
        ("1.稳增长，促消费", "全年消费增长6%。"),
        ("1.坚持规划引领做优城市布局", "全年消费增长6%。"),
    ] {
        let page = format!("{STORY_HEAD}{BODY}\n{heading}\n{text}\n2.强化组织领导\n{MORE}");
        let out = split_page(&page);
        let kinds = kinds_of(only_article(&out));
        assert_eq!(kinds[1], ("heading", heading), "{kinds:?}");
    }
    // Without a second item, it is the sentence's number.
    let alone = list.replace(
        "\n2.新开通35路公交车，连接河\n西新城与老城区，全程约18公里。",
        "",
    );
    let out = split_page(&format!("{STORY_HEAD}{alone}"));
    assert_eq!(paragraphs_of(only_article(&out)).len(), 1);
}

#[test]
fn masthead_and_footer_lines_are_dropped_not_articles() {
    for line in [
        "关注株洲日报微信公众号",
        "第3版 要闻",
        "今日8版",
        "邮发代号：41-5",
        "版式设计：李华",
    ] {
        let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{line}"));
        let article = only_article(&out);
        assert!(
            !article.blocks.iter().any(|b| b.text().contains(line)),
            "{line}"
        );
        assert_dropped(&out, line);
    }
    // A masthead printed one line a block, the first story's kicker and title too: the
    // masthead is no row of interleaved columns, so the head is not read on into it.
    let out = split_page(&format!(
        "第07版\n\n2025年1月23日 星期四\n\n编辑 王浩 美编 乔栋 校对 徐阳\n\n\
         中国航天科技集团八院科技委常委张崇峰——\n\n聚焦航天关键技术创新攻坚\n\n{BODY}"
    ));
    let article = only_article(&out);
    assert_eq!(article.title, "聚焦航天关键技术创新攻坚");
    assert_eq!(
        article.kicker.as_deref(),
        Some("中国航天科技集团八院科技委常委张崇峰——")
    );
    assert!(article.blocks[0].text().starts_with("为贯彻"));
    // A dated header may give the lunar date too; it is no headline over the story's.
    let header = "2025年3月12日 星期三 农历乙巳年二月十三";
    let out = split_page(&format!("{header}\n\n{STORY_HEAD}{BODY}"));
    assert_eq!(only_article(&out).title, "基层治理见实效");
    assert_dropped(&out, header);
}

/// A headline with its byline is a story's even when the page prints no text the
/// splitter can give it: the reader gets its headline and writers, not nothing.
#[test]
fn a_headline_with_a_byline_and_no_text_is_kept() {
    let out = split_page(&format!(
        "春风吹暖牧民的心\n本报记者 潘 妙\n\n{STORY_HEAD}{BODY}"
    ));
    let heads: Vec<(&str, &[String], usize)> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.authors.as_slice(), a.blocks.len()))
        .collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert_eq!(heads[0], ("春风吹暖牧民的心", &["潘妙".to_owned()][..], 0));
    assert_eq!(heads[1].0, "基层治理见实效");
}

#[test]
fn english_jump_lines_mark_the_story_continued() {
    for jump in [
        "(Continued on Page 3, Column 4.)",
        "(Continued on Eighth Page.)",
        "Continued on Page 5",
        "See BRIDGE, Page A6",
        "Please see BRIDGE on A6",
    ] {
        let page = format!(
            "{}\n{jump}",
            english_page("The city council met last night and")
        );
        let out = split_page(&page);
        let article = only_article(&out);
        assert!(article.continued, "{jump}");
        assert_dropped(&out, jump);
    }
}

#[test]
fn english_datelines_keep_their_place_whole() {
    for (first, dateline) in [
        (
            "NEW YORK, June 9.—The city council met",
            "NEW YORK, June 9.",
        ),
        (
            "WASHINGTON, D. C., Dec. 12.—The city council met",
            "WASHINGTON, D. C., Dec. 12.",
        ),
        // A wire's credit in brackets after the date is the dateline's.
        (
            "PARIS, Dec. 11 (By the Associated Press)—The city council met",
            "PARIS, Dec. 11 (By the Associated Press)",
        ),
    ] {
        let out = split_page(&english_page(first));
        let article = only_article(&out);
        assert_eq!(article.title, "NEW BRIDGE TO BE BUILT", "{first}");
        assert_eq!(article.dateline.as_deref(), Some(dateline), "{first}");
        assert!(article.blocks[0].text().starts_with("The city"), "{first}");
    }
    let out = split_page(&english_page(
        "(Special to The Enterprise.)\nThe city council met last night and",
    ));
    let article = only_article(&out);
    assert_eq!(article.subtitle, None);
    assert_eq!(
        article.dateline.as_deref(),
        Some("(Special to The Enterprise.)")
    );
}

#[test]
fn an_english_byline_in_capitals_is_no_part_of_the_headline() {
    let out = split_page(&english_page(
        "BY JOHN W. SMITH\nThe city council met last night and",
    ));
    let article = only_article(&out);
    assert_eq!(article.title, "NEW BRIDGE TO BE BUILT");
    assert_eq!(article.authors, ["JOHN W. SMITH"]);
    // The end of a headline in capitals stays in it.
    let out = split_page(&english_page(
        "BY A TRAIN\nThe city council met last night and",
    ));
    assert_eq!(
        only_article(&out).title,
        "NEW BRIDGE TO BE BUILT BY A TRAIN"
    );
}

/// A born-digital English page sets its deck apart from the title in capitals by a blank
/// line: the deck is the title's subtitle, not the headline of a story of its own.
#[test]
fn an_english_deck_set_apart_stays_under_its_title() {
    let out = split_page(
        "PRESIDENT NAMES\nNEW COMMISSION\n\nBoard Will Study Railway Rates\n\
         Throughout the Country.\n\nWASHINGTON, June 9.—President Wilson today named\n\
         five men to the new commission which will\nstudy railway rates in all parts.",
    );
    let article = only_article(&out);
    assert_eq!(article.title, "PRESIDENT NAMES NEW COMMISSION");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Board Will Study Railway Rates Throughout the Country.")
    );
    // A second title in capitals under the first is a headline of its own.
    let out = split_page(&format!(
        "FIRE DESTROYS MILL\n\n{}",
        english_page("The city council met last night and")
    ));
    assert_eq!(out.articles.last().unwrap().title, "NEW BRIDGE TO BE BUILT");
}

/// An English page as papers print it now: the writer's credit under the byline, a
/// dateline without a date before a spaced dash, a wire's name alone under a headline
/// wrapped mid-phrase.
#[test]
fn an_english_page_of_today_keeps_its_stories_apart() {
    let out = split_page(
        "City Council Approves\nNew Budget for Schools\n\nBy Mary Jones\nStaff Writer\n\n\
         SPRINGFIELD — The city council voted 7-2 on Tuesday night to approve a\n\
         $45 million budget for the public schools, ending months of debate over\n\
         teacher salaries and building repairs.\n\nThe budget takes effect July 1.\n\n\
         Storm Knocks Out Power\nto Thousands\n\nThe Associated Press\n\n\
         CHICAGO (AP) — A fast-moving storm knocked out power to more than 20,000\n\
         homes across the region on Wednesday, utility officials said.",
    );
    let heads: Vec<(&str, Option<&str>, &[String])> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.dateline.as_deref(), &a.authors[..]))
        .collect();
    assert_eq!(
        heads,
        [
            (
                "City Council Approves New Budget for Schools",
                Some("SPRINGFIELD"),
                &["Mary Jones".to_owned()][..]
            ),
            (
                "Storm Knocks Out Power to Thousands",
                Some("CHICAGO (AP)"),
                &[][..]
            ),
        ]
    );
    // The story's short last paragraph is its text, not a filler between stories.
    let last = out.articles[0].blocks.last().unwrap();
    assert_eq!(last.text(), "The budget takes effect July 1.");
    assert!(out.articles[1].blocks[0]
        .text()
        .starts_with("A fast-moving storm"));
}

/// A story's fact box, printed after its text under a label of its own, and the story's
/// tagline under the box.
const STORY_WITH_FACT_BOX: &str = "New bike lanes coming\nto Main Street this spring\n\n\
    By Maria Lopez\n\n\
    Cyclists will get protected bike lanes on Main Street by May, city officials\n\
    said Wednesday.\n\n\
    IF YOU GO\n\
    What: Public meeting on the bike lane plan and\n\
    the parking it removes\n\
    When: 6 p.m. Tuesday\n\
    Where: City Hall, 100 Main St.\n\n\
    Maria Lopez can be reached at 555-0142.\n\n\
    Schools chief to retire\nafter 30 years\n\n\
    By Sam Green\n\n\
    Superintendent Linda Ortiz announced Wednesday that she will retire in June\n\
    after three decades with the district.";

#[test]
fn a_fact_box_after_a_storys_text_is_the_storys_own() {
    let out = split_page(STORY_WITH_FACT_BOX);
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "New bike lanes coming to Main Street this spring",
            "Schools chief to retire after 30 years"
        ],
        "{out:#?}"
    );
    let blocks = blocks_of(&out.articles[0]);
    assert_eq!(
        &blocks[1..],
        [
            ("heading", "IF YOU GO"),
            (
                "text",
                "What: Public meeting on the bike lane plan and the parking it removes"
            ),
            ("text", "When: 6 p.m. Tuesday"),
            ("text", "Where: City Hall, 100 Main St."),
            ("text", "Maria Lopez can be reached at 555-0142."),
        ]
    );
}

#[test]
fn a_label_over_no_box_after_finished_text_stays_a_headline() {
    let one_item = STORY_WITH_FACT_BOX
        .replace("When: 6 p.m. Tuesday\n", "")
        .replace("Where: City Hall", "Where it is held, City Hall");
    let pages = [
        // A label over one labelled line heads no box.
        one_item,
        // Text cut off mid-sentence is not the box's story.
        STORY_WITH_FACT_BOX.replace("said Wednesday.", "said"),
        // A label set apart from the lines under it labels none of them.
        STORY_WITH_FACT_BOX.replace("IF YOU GO\n", "IF YOU GO\n\n"),
    ];
    for page in pages {
        let out = split_page(&page);
        assert!(
            out.articles.iter().any(|a| a.title == "IF YOU GO"),
            "{page}\n{out:#?}"
        );
    }
}

#[test]
fn a_fact_boxs_items_stay_apart_and_a_forecast_is_dropped() {
    // A box printed under the byline, its label dropped, keeps its items apart.
    let under_byline = "By Maria Lopez.\n\nIF YOU GO\nWhat: Public meeting\nWhen: 6 p.m.\n\n";
    let out = split_page(&STORY_WITH_FACT_BOX.replace("By Maria Lopez\n\n", under_byline));
    let items = &paragraphs_of(&out.articles[0])[..2];
    assert_eq!(items, ["What: Public meeting", "When: 6 p.m."], "{out:#?}");
    // A deck over labelled lines stays its headline's.
    let out = split_page(
        "COUNTY FAIR OPENS.\nPROGRAM FOR TODAY\nMorning: Band concert at the grounds.\n\
         Afternoon: Horse races on the track.\nEvening: Fireworks over the lake.",
    );
    let fair = only_article(&out);
    assert!(fair.title.ends_with("PROGRAM FOR TODAY"), "{out:#?}");
    // A forecast set the same way is the page's furniture, no story's box.
    let box_lines = "IF YOU GO\nWhat: Public meeting on the bike lane plan and\n\
                     the parking it removes\n\
                     When: 6 p.m. Tuesday\nWhere: City Hall, 100 Main St.";
    assert!(STORY_WITH_FACT_BOX.contains(box_lines));
    let forecast =
        "WEATHER\nToday: Sunny, showers in the\nafternoon, high 58\nTonight: Clear, low 37";
    let out = split_page(&STORY_WITH_FACT_BOX.replace(box_lines, forecast));
    for line in forecast.lines() {
        assert_dropped(&out, line);
    }
    let headings = out.articles[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }));
    assert_eq!(headings.count(), 0, "{out:#?}");
}

/// A wire story's end mark (`（完）`) or an editor's credit in brackets closing a story's
/// copy (`（责任编辑：王芳）`), at the end of its last line or on a line of its own, is no
/// part of its text, and ends it.
#[test]
fn a_wire_storys_end_mark_is_dropped() {
    for mark in ["（完）", "（责任编辑：王芳）"] {
        for gap in ["", "\n"] {
            let out = split_page(&format!("{STORY_HEAD}{BODY}{gap}{mark}"));
            let article = only_article(&out);
            let last = article.blocks.last().unwrap().text();
            assert!(last.ends_with("取得了明显成效。"), "{gap:?}: {last}");
            assert_dropped(&out, mark);
            // It ends the story: text under it is another's.
            let out = split_page(&format!("{STORY_HEAD}{BODY}{gap}{mark}\n{MORE}"));
            let starts: Vec<&str> = out
                .articles
                .iter()
                .map(|a| &a.blocks[0].text()[..6])
                .collect();
            assert_eq!(
                starts,
                ["为贯", "据介"],
                "{mark}{gap:?}: {:#?}",
                out.articles
            );
        }
    }
}

#[test]
fn a_name_set_apart_under_a_commentary_signs_it_not_the_next_headline() {
    // A commentary's writer signs under its text; the next piece's headline follows, each
    // set apart by blank lines, as a dump with a blank line between many lines prints them.
    for signature in ["王明", "□ 王明"] {
        let page = format!(
            "让“小网格”托起“大民生”\n\n\
             基层治理是国家治理的基石。近年来，各地\n探索网格化管理，把服务送到群众家门口，\n\
             收到了良好效果。\n\n{signature}\n\n为“夜经济”添把火\n\n\
             夜间消费是扩内需的重要抓手。各地应因\n地制宜，丰富夜间消费场景，让城市的夜\n\
             晚更有烟火气。\n\n李华"
        );
        let out = split_page(&page);
        assert_eq!(
            titles_and_authors(&out),
            [
                ("让“小网格”托起“大民生”", vec!["王明"]),
                ("为“夜经济”添把火", vec!["李华"]),
            ],
            "{signature}"
        );
    }
}

#[test]
fn a_signature_over_the_next_headline_and_its_byline_signs_the_text_above() {
    // The signature stands between the commentary and the next story's headline, whose own
    // byline follows it: the name is the commentary's, not a line of that headline.
    let commentary = "为“夜经济”添把火\n\n\
                      夜间消费是扩内需的重要抓手。各地应因\n地制宜，丰富夜间消费场景，让城市的夜\n\
                      晚更有烟火气。\n\n";
    let next = "李华\n\n全市冬季供暖工作全面启动\n\n文/王明 图/李华\n\n\
                12月4日，记者从市住建局获悉，全市冬\n季供暖工作已全面启动，供暖面积达1200\n\
                万平方米。";
    let out = split_page(&format!("{commentary}{next}"));
    assert_eq!(
        titles_and_authors(&out),
        [
            ("为“夜经济”添把火", vec!["李华"]),
            ("全市冬季供暖工作全面启动", vec!["王明", "李华"]),
        ]
    );
    // A story signed above the commentary does not count: the commentary's headline, set
    // apart, ends the text the signature is looked for in.
    let reported_above = "工业增加值增长5.8%\n\n本报北京12月4日电 （记者 王明）国家统计局\n\
                          4日发布数据，前11个月，全国规模以上工业增加\n值同比增长5.8%。\n\n";
    let out = split_page(&format!("{reported_above}{commentary}{next}"));
    assert_eq!(out.articles[1].authors, ["李华"], "{:#?}", out.articles);
    // A line set apart there that is no name (a kicker) signs nothing.
    let out = split_page(&format!(
        "{commentary}{}",
        next.replace("李华\n\n全市", "新春走基层\n\n全市")
    ));
    assert!(out.articles[0].authors.is_empty(), "{:#?}", out.articles);
    // A story its byline signs already takes no second name from under its text, and the
    // name is no byline of the next story either: pages printed row by row set names so.
    let signed = commentary.replace("\n\n夜间", "\n本报记者 周丽\n\n夜间");
    let out = split_page(&format!(
        "{signed}{}",
        next.replace("文/王明 图/李华", "本报记者 王明")
    ));
    assert_eq!(
        titles_and_authors(&out),
        [
            ("为“夜经济”添把火", vec!["周丽"]),
            ("全市冬季供暖工作全面启动", vec!["王明"]),
        ]
    );
    let reported = commentary.replace("\n\n夜间", "\n\n本报讯（记者 周丽）夜间");
    let out = split_page(&format!(
        "{reported}{}",
        next.replace("文/王明 图/李华", "本报记者 王明")
    ));
    assert_eq!(out.articles[1].authors, ["王明"], "{:#?}", out.articles);
    // Nor does a text whose last line stands alone between blank lines: a page printed row
    // by row puts a byline over its headline so, under a row of another story.
    let rows = commentary.replace("的夜\n晚更有", "的夜\n\n晚更有");
    let out = split_page(&format!("{rows}{next}"));
    assert!(out.articles[0].authors.is_empty(), "{:#?}", out.articles);
}

#[test]
fn a_notice_opening_by_virtue_of_is_no_byline_and_its_signature_signs_it() {
    // `By virtue of an execution…` opens a sheriff's notice: read as a byline, its words
    // were an author, and the sheriff's signature went to the next story. The signature
    // names the sheriff; his office is no name.
    let page = "NOTICE OF SHERIFF'S SALE.\n\n\
                By virtue of an execution issued out\nof the Circuit Court of Marion county,\n\
                I will offer for sale at public auction\nat the court house door on Saturday,\n\
                June 24, 1916, the following described\nreal estate.\nJOHN DOE, Sheriff.\n\n\
                CHURCH NOTES.\n\n\
                Rev. A. B. Carter will preach at the\nMethodist church Sunday morning.\n\
                All are cordially invited to attend.\n\n\
                The Ladies' Aid society will meet\nwith Mrs. Fred Smith Thursday.\n\n\
                after the service a dinner will be\nserved in the church basement.\n";
    let out = split_page(page);
    assert_eq!(
        titles_and_authors(&out),
        [
            ("NOTICE OF SHERIFF'S SALE.", vec!["JOHN DOE"]),
            ("CHURCH NOTES.", vec![]),
        ]
    );
    assert!(paragraphs_of(&out.articles[0])[0].starts_with("By virtue of an execution"));
    // A blank line under a finished sentence parts two paragraphs of English text, whatever
    // the lines' widths, when the next opens with a capital; without one they go on.
    let notes: Vec<String> = paragraphs_of(&out.articles[1])
        .iter()
        .map(|p| p.chars().take(12).collect())
        .collect();
    assert_eq!(
        notes,
        ["Rev. A. B. C", "The Ladies' "],
        "{:#?}",
        out.articles[1]
    );
    // A Chinese dump's blank line is a column's or a row's break, no paragraph's.
    let cjk = "为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\
               年以来，取得了明显成效，成\n效显著，得到了群众的好评。\n\n\
               PCT国际专利申请量为6822件，\n同比增长10.3%，创历史新高。";
    let out = split_page(&format!("{STORY_HEAD}{cjk}"));
    assert_eq!(
        paragraphs_of(only_article(&out)).len(),
        1,
        "{:#?}",
        out.articles
    );
}

#[test]
fn briefs_titled_with_a_bullet_over_their_datelines_are_articles() {
    // A column of briefs: each a bulleted title right over its `本报讯` dateline.
    let page = "简讯\n\n\
                ●我市举办职业技能大赛\n本报讯（记者 刘芳）12月3日，\n\
                2026年全市职业技能大赛在市职\n业技术学院开幕，来自全市的500\n余名选手参赛。\n\
                ●城区新增5处公共停车场\n本报讯（记者 陈刚）记者从市城\n\
                管局获悉，今年城区新增公共停车\n场5处，新增停车泊位1200个。";
    let out = split_page(page);
    assert_eq!(
        titles_and_authors(&out),
        [
            ("我市举办职业技能大赛", vec!["刘芳"]),
            ("城区新增5处公共停车场", vec!["陈刚"]),
        ],
        "{out:#?}"
    );
    assert_text_opens(&out.articles[1], "记者从市城管局");
    assert_eq!(out.dropped.iter().filter(|d| *d == "●").count(), 2);
}

#[test]
fn a_charts_labels_over_its_credit_are_dropped_with_it() {
    // pdftotext prints a chart's title, unit, figures and axis under the story, in one
    // block with the chart's credits.
    let chart = "全国规模以上工业增加值增速\n（%）\n6.1\n5.6\n4.6\n2022年 2023年 2024年\n\
                 数据来源：国家统计局\n制图：李华";
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{chart}"));
    let article = only_article(&out);
    assert_eq!(paragraphs_of(article).len(), 1, "{article:#?}");
    assert!(!article.continued);
    for line in chart.lines() {
        assert_dropped(&out, line);
    }
    // Nor is a block longer than any chart's labels (a list set without stops).
    let list: String = (1..=25).map(|k| format!("第{k}项 完成率{k}0%\n")).collect();
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{list}制图：李华"));
    assert!(
        !out.dropped.iter().any(|d| d.contains("完成率")),
        "{out:#?}"
    );
    // A sentence in the credit's block is text: nothing of it is a chart's label.
    let note = "全市今年新增绿地面积一百二十公顷。\n制图：李华";
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{note}"));
    assert!(
        paragraphs_of(only_article(&out))
            .last()
            .is_some_and(|p| p.ends_with("全市今年新增绿地面积一百二十公顷。")),
        "{out:#?}"
    );
}

#[test]
fn a_box_of_figures_under_its_label_ends_the_story() {
    // Short lines with no sentence mark, under a box's label and last on the page: the
    // box's entries, not a headline printed after its text (which would head nothing).
    // Each entry ends where its line stops short of the column.
    let figures = "前三季度全市社会消费品零
售总额增长6.8%
网上零售额增长12.3%";
    // The label as it goes to `dropped`: its layout space removed.
    for (label, dropped) in [
        ("■ 数据", "■数据"),
        ("【数据】", "【数据】"),
        ("相关链接", "相关链接"),
    ] {
        let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{label}\n\n{figures}"));
        let article = only_article(&out);
        let tail: Vec<&str> = article
            .blocks
            .iter()
            .rev()
            .take(2)
            .map(Block::text)
            .collect();
        assert_eq!(
            tail,
            [
                "网上零售额增长12.3%",
                "前三季度全市社会消费品零售总额增长6.8%"
            ],
            "{label}: {article:#?}"
        );
        assert!(!article.continued, "{label}: a box's entries need no stop");
        assert_dropped(&out, dropped);
    }
    // Entries the subhead rules would read as a subhead over text (a short line over
    // longer ones) are entries all the same.
    let entries = "今年新增供暖面积\n80万平方米\n供暖管网改造120公里";
    let story = "全市冬季供暖工作全面启动\n\n本报记者 王明\n\n\
                 12月4日，记者从市住建局获悉，全市冬\n季供暖工作已全面启动，供暖面积达1200\n\
                 万平方米。";
    let out = split_page(&format!("{story}\n\n■ 数据\n\n{entries}"));
    let article = only_article(&out);
    assert_eq!(
        paragraphs_of(article)[1..],
        ["今年新增供暖面积", "80万平方米", "供暖管网改造120公里"],
        "{article:#?}"
    );
    assert!(!article.continued);
}

#[test]
fn text_under_a_columns_label_is_parted_from_the_sentence_above() {
    // `链接` is read as a column's label and dropped: the text under it opens a piece of
    // its own, also where the story's last line above fills the column as wide as the
    // lines under the label (no paragraph's end by its width).
    let last = "谈到未来，刘婷说，她打算建一个稻\n米加工厂，让家乡的大米走得更远。";
    let boxed = "湘潭县近年来累计培育新型职业农民\n2100余人，发放创业担保贷款1.2亿\n元。";
    let page = format!("{STORY_HEAD}{last}\n\n链接\n\n{boxed}");
    let out = split_page(&page);
    assert_eq!(out.articles.len(), 2, "{:#?}", out.articles);
    let story_end = out.articles[0].blocks.last().map(Block::text).unwrap();
    assert!(story_end.ends_with("走得更远。"), "{story_end}");
    assert_text_opens(&out.articles[1], "湘潭县");
    assert_dropped(&out, "链接");
}

#[test]
fn a_sidebar_under_its_label_stays_with_the_story() {
    for label in ["相关链接", "【相关链接】", "资料链接", "名词解释"] {
        let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{label}\n\n{MORE}"));
        let article = only_article(&out);
        assert!(
            article.blocks.last().unwrap().text().starts_with("据介绍"),
            "{label}"
        );
        assert_dropped(&out, label);
    }
}

/// A lone two-character label (`链接`) over the next story's kicker, set apart by blank
/// lines, is neither the end of the story above nor a headline.
#[test]
fn a_lone_label_between_a_story_and_the_next_head_is_dropped() {
    let out = split_page(
        "凳甘坐十年冷”的心态。\n为了让不可能成为可能，填补科技\n空白，我和团队成员心无旁骛地开展研\n\
         究。6年多的时间，我们在实验室经历\n了许多个不眠之夜、几百次的失败，留\n下33本实验记录。\n\
         实验室合成只是概念上的验证成\n功，实现工业化生产才能让这项技术真\n正发挥作用。虽然向科学进军的道路布\n\
         满荆棘，但我们始终静心笃志、甘之如\n饴。\n\n扫码阅读\n更多报道\n\n链接\n\n\
         摩纳哥、德国、新加坡探索旅游业新模式——\n\n加强创新，促进旅游业可持续发展\n本报记者 张 驰\n\n\
         近年来，随着环境保护意识的不断\n提升，游客对绿色出行、可持续旅游的\n认可度持续增长。记者走访发现，摩纳\n\
         哥、德国、新加坡等国家积极创新旅游",
    );
    let first = &out.articles[0];
    assert!(
        first
            .blocks
            .last()
            .is_some_and(|b| b.text().ends_with("甘之如饴。")),
        "{first:#?}"
    );
    assert_dropped(&out, "链接");
    let story = out
        .articles
        .iter()
        .find(|a| a.title == "加强创新，促进旅游业可持续发展");
    assert_eq!(
        story.and_then(|a| a.kicker.as_deref()),
        Some("摩纳哥、德国、新加坡探索旅游业新模式——")
    );
}

/// A headline the dump printed into the last line of the story before it (`…”金宪` /
/// headline / `说。`): the sentence's last word goes back to that story, and the next
/// story's text opens with its own first sentence.
#[test]
fn a_sentences_last_word_under_the_next_headline_goes_back_to_its_sentence() {
    let out = split_page(
        "一块稻田挣出两份钱\n本报记者 刘温馨\n\n前，线上商城销售额超千万元。\n农旅融合发展成为增收致富新引\n\
         擎。光东村每年接待游客约50万人\n次，稻米售价也翻了一番。2024年\n村民人均可支配收入达2.1万元，比\n\
         2015年增长3.2倍。\n“村里发展好了，吸引越来越多\n年轻人返乡。将来，我们还要坚持三\n\
         产带二产促一产的发展思路，大家一\n块干，让钱袋子越来越鼓。”金宪\n\n干字当头亮点纷呈\n\
         高质量发展成为主旋律\n说。\n\n彭园园\n\n习近平总书记指出：“高质量发\n\
         展是‘十四五’乃至更长时期我国经济\n社会发展的主题”“高质量发展是全面\n建设社会主义现代化国家的首要任\n\
         务”。在以习近平同志为核心的党中\n央坚强领导下，全党全国各族人民坚\n持干字当头、奋发有为，高质量发展\n\
         成为主旋律，实践中亮点纷呈。\n新质生产力不仅代表我们党对生\n产力发展的理论创新和认识突破，也\n\
         明确了推动我国经济转型升级、提升\n国际竞争力的重点。",
    );
    let texts: Vec<(&str, String)> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.blocks.iter().map(Block::text).collect()))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:#?}");
    assert!(texts[0].1.ends_with("越来越鼓。”金宪说。"), "{texts:#?}");
    assert!(texts[1].1.starts_with("习近平总书记指出"), "{texts:#?}");
}

#[test]
fn a_headline_as_wide_as_the_columns_stands_alone_where_rows_are_not_interleaved() {
    // Headlines, bylines and page lines make many blocks of one line, as row-interleaved
    // columns do; but no line here is continued rows later, so the headline set as wide
    // as the columns, alone between blank lines, heads the story under it.
    let page = "第01版\n\n2025年3月26日 星期三\n\n编辑 王明 美编 李华 校对 张强\n\n\
                基层治理见实效\n\n张驰\n\n\
                今年以来，我市各级各部门\n坚持问题导向，聚焦群众急难愁\n\
                盼，推动基层治理工作取得明显\n成效，群众满意度持续提升。\n\n\
                社区服务暖人心\n\n赵敏\n\n\
                走进城东社区服务中心，老\n人们正在阅览室里读书看报，志\n\
                愿者忙着为居民测量血压，处处\n洋溢着温馨和谐的氛围。\n\n\
                城乡融合发展迈出新步伐见成效\n\n\
                近年来，我省坚持以工补农\n和以城带乡，推动城乡要素平等\n\
                交换、双向流动，农民收入增速\n连续多年高于城镇居民。\n\n人民日报 第1版\n";
    let out = split_page(page);
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "基层治理见实效",
            "社区服务暖人心",
            "城乡融合发展迈出新步伐见成效"
        ]
    );
    let Some(Block::Paragraph { text }) = out.articles[2].blocks.first() else {
        panic!("{:#?}", out.articles[2]);
    };
    assert!(text.starts_with("近年来，我省"), "{text}");
}

#[test]
fn a_longer_line_under_a_wrapped_title_is_another_storys_title() {
    // Two stories' headlines printed in one block: a title wrapped over two lines, then
    // a longer line, which no wrap of it can be. The byline under them and the text
    // that follows are the second story's; the first's text opens with its dateline.
    let page = "2025年3月26日 星期三\n\n\
                城东两所新建公办\n幼儿园秋季开园\n老街改造留住乡愁记忆\n本报记者 王明\n\n\
                走进改造后的老街，青石板\n路干净整洁，老字号店铺重新开\n\
                张，不少市民专程赶来寻找乡愁\n记忆。\n\
                老街改造坚持修旧如旧，保\n留了原有的街巷肌理和传统建筑\n\
                风貌，对破损的门窗、屋檐逐一\n修缮。\n\
                如今，老街白天游人如织，\n夜晚灯火璀璨，成为市民休闲漫\n步的好去处。\n\n\
                本报南京3月25日电 （\n记者李华）今年秋季，城东两所\n\
                新建公办幼儿园将正式开园，新\n增学位九百余个，缓解了周边群\n众的入园难题。\n";
    let out = split_page(page);
    let heads: Vec<(&str, &[String])> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.authors.as_slice()))
        .collect();
    assert_eq!(
        heads,
        [
            ("老街改造留住乡愁记忆", &["王明".to_owned()][..]),
            ("城东两所新建公办幼儿园秋季开园", &["李华".to_owned()][..]),
        ]
    );
    assert!(out.articles[0].blocks[0]
        .text()
        .starts_with("走进改造后的老街"));
    assert!(out.articles[1].blocks[0].text().starts_with("今年秋季"));
}

#[test]
fn an_interviews_turns_are_paragraphs() {
    // The question ends a full line, and the answer's line is as full: only the turn's
    // label tells the paragraph (its indent is lost).
    let page = "让更多优质医疗资源下沉基层\n本报记者 王明\n\n\
                记者：今年在推动优质医疗资源下沉方面\n有哪些新举措？\n\
                答：今年我们将继续推进紧密型县域医\n共体建设，力争覆盖九成以上的县。\n\
                记者：如何解决基层“留人难”问题？\n\
                答：我们将从待遇、职称、培训等方面\n综合施策，让医务人员留得住、干\n得好。";
    let out = split_page(page);
    let turns: Vec<String> = only_article(&out)
        .blocks
        .iter()
        .map(|b| b.text().chars().take(3).collect())
        .collect();
    assert_eq!(turns, ["记者：", "答：今", "记者：", "答：我"]);
}

#[test]
fn captions_sharing_a_block_stay_apart_under_a_courtesy_credit() {
    let page = format!(
        "{STORY_HEAD}{BODY}\n\n\
         图①：社区网格员入户走访。\n图②：居民议事会现场。\n本版图片均由受访者提供"
    );
    let out = split_page(&page);
    let captions: Vec<(&str, Option<&str>)> = only_article(&out)
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Caption { text, credit } => Some((text.as_str(), credit.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        captions,
        [
            ("图①：社区网格员入户走访。", None),
            ("图②：居民议事会现场。", Some("本版图片均由受访者提供")),
        ]
    );
}

#[test]
fn a_story_ending_in_a_bulleted_list_is_whole() {
    let page = format!("{STORY_HEAD}{BODY}\n◆排查风险隐患一千余处\n◆建成网格服务站三十个");
    let out = split_page(&page);
    let article = only_article(&out);
    assert!(!article.continued, "{:#?}", article.blocks);
    // A story whose last line breaks off mid-sentence at the page's end goes on.
    let cut = format!("{STORY_HEAD}{BODY}\n据介绍，全市共排查各类风");
    assert!(only_article(&split_page(&cut)).continued);
}

#[test]
fn a_byline_under_stacked_headlines_goes_with_the_text_under_it() {
    // Two headlines stacked over one byline and one story's text; the second story opens
    // with a dateline naming its own reporter. The text closing its sentence before that
    // dateline is the first story's, not a deck of the second; the byline is its too.
    let page = "把盐碱地变成米粮川\n\n上海每万人口高价值发\n明专利拥有量达57.9件\n\n窦皓\n\n\
                我国盐碱地多，开展盐碱地综合改\n造利用意义重大。我回国后就一心扑\n\
                到盐碱地治理上，研发出改善盐碱土\n壤结构的改良剂，脱盐速度提高了。\n\n\
                本报北京2月25日电 （记者谷业\n凯）国家知识产权局25日举行新闻发\n\
                布会，介绍上海知识产权保护情况。\n上海每万人口高价值发明专利拥有量\n\
                达57.9件，专利转化运用成效明显。";
    // The same with its text double-spaced, as many dumps print it: the name is set
    // apart by blank lines, but so is every line of the text.
    let (heads, text) = page.split_at(page.find("我国").unwrap());
    let double_spaced = format!("{heads}{}", text.replace('\n', "\n\n"));
    for page in [page, double_spaced.as_str()] {
        let out = split_page(page);
        let [salt, patents] = &out.articles[..] else {
            panic!("two stories: {:#?}", out.articles);
        };
        assert_eq!(salt.title, "把盐碱地变成米粮川");
        assert_eq!(
            (salt.authors.as_slice(), salt.subtitle.as_deref()),
            (&["窦皓".to_owned()][..], None)
        );
        assert!(salt
            .blocks
            .first()
            .is_some_and(|b| b.text().starts_with("我国盐碱地多")));
        assert_eq!(patents.title, "上海每万人口高价值发明专利拥有量达57.9件");
        assert_eq!(
            (patents.authors.as_slice(), patents.subtitle.as_deref()),
            (&["谷业凯".to_owned()][..], None)
        );
    }
}

#[test]
fn a_lists_items_are_paragraphs_and_its_last_is_whole() {
    let items = "1.排查风险隐患一千余处\n2.建成网格服务站三十个";
    let page = format!("{STORY_HEAD}为贯彻落实党中央决策部署，\n进一步做好基层治理工作，取\n得了以下成效：\n{items}");
    let out = split_page(&page);
    let article = only_article(&out);
    let texts: Vec<&str> = article.blocks.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "为贯彻落实党中央决策部署，进一步做好基层治理工作，取得了以下成效：",
            "1.排查风险隐患一千余处",
            "2.建成网格服务站三十个"
        ]
    );
    assert!(!article.continued, "{texts:#?}");
    // Items that close their sentences: a last one without a stop was cut off.
    let sentences = format!("{STORY_HEAD}{BODY}\n1.排查风险隐患一千余处。\n2.建成网格服务站三十");
    assert!(only_article(&split_page(&sentences)).continued);
}

#[test]
fn a_picture_set_under_a_list_follows_the_list() {
    let page = format!(
        "{STORY_HEAD}{BODY}\n◆排查风险隐患一千余处\n◆建成网格服务站三十个\n\
         图为社区网格员入户走访。\n本报记者 李华 摄"
    );
    // A credit opening the page has no note above it (found by the property tests).
    split_page("日A摄\n、");
    // The credit may also stand apart under the note: it still credits the picture.
    let apart = page.replace("\n本报记者 李华 摄", "\n\n本报记者 李华 摄");
    for page in [page, apart] {
        let out = split_page(&page);
        let kinds: Vec<(&str, &str)> = only_article(&out)
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => ("paragraph", text.as_str()),
                Block::Heading { text } => ("heading", text.as_str()),
                Block::Caption { text, .. } => ("caption", text.as_str()),
            })
            .collect();
        assert_eq!(
            &kinds[1..],
            [
                ("paragraph", "◆排查风险隐患一千余处"),
                ("paragraph", "◆建成网格服务站三十个"),
                ("caption", "图为社区网格员入户走访。")
            ]
        );
    }
}

#[test]
fn a_masthead_over_a_headline_and_its_wire_credit_is_no_part_of_the_story() {
    // The paper's name at the page's top stops mid-sentence, like text the headline below
    // could top; the wire credit under the headline says its story starts there.
    let page = "THE EVENING HERALD\n\
                VOL. XII, NO. 141 PORTLAND, OREGON, TUESDAY, MARCH 14, 1916 PRICE ONE CENT\n\
                GERMAN SUBMARINE\nSINKS LINER OFF\nIRISH COAST\n\
                Many Passengers Believed Lost\nWhen Vessel Goes Down\n\
                (By United Press.)\n\
                LONDON, March 14.—The steamer\nMaloja of the Peninsular line was\n\
                sunk by a German submarine off the\ncoast of Ireland this morning.";
    // Without the line of volume and date under it, the name would stack onto the
    // headline in capitals: only its place atop the page and its form tell it.
    let bare = page.replace(
        "VOL. XII, NO. 141 PORTLAND, OREGON, TUESDAY, MARCH 14, 1916 PRICE ONE CENT\n",
        "",
    );
    for page in [page, bare.as_str()] {
        let out = split_page(page);
        let article = only_article(&out);
        assert_eq!(
            article.title,
            "GERMAN SUBMARINE SINKS LINER OFF IRISH COAST"
        );
        assert_eq!(article.dateline.as_deref(), Some("LONDON, March 14."));
        assert!(
            article.blocks[0].text().starts_with("The steamer Maloja"),
            "{:#?}",
            article.blocks
        );
        assert_dropped(&out, "THE EVENING HERALD");
    }
}

#[test]
fn an_english_pages_number_over_a_headline_is_no_title() {
    // Set apart in capitals over the first headline, `PAGE THREE` reads like a headline's
    // first line; it is the page's number, and the headline under it keeps its deck.
    let page = "THE EVENING HERALD, SPRINGFIELD, OHIO, TUESDAY, MARCH 14, 1911.\n\
                PAGE THREE\n\
                FIRE DESTROYS\nMILL ON RIVER\n\
                Loss Is Estimated at $40,000;\nTwo Firemen Hurt\n\
                SPRINGFIELD, March 14.—Fire of\nunknown origin early this morning\n\
                destroyed the flour mill of the Kel\nley Milling company on the river\n\
                front, causing a loss of $40,000.";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "FIRE DESTROYS MILL ON RIVER");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Loss Is Estimated at $40,000; Two Firemen Hurt")
    );
    assert_dropped(&out, "PAGE THREE");
}

#[test]
fn a_rests_jump_head_over_its_jump_line_heads_the_rest() {
    // Under a running head with the page's number, a rest's headline, its jump line, and
    // its text going on mid-sentence from the page before: the text is the rest's, not a
    // story resumed after ads, and the headline is its title.
    let page = "PAGE TWO THE MORNING TRIBUNE\n\
                PLANS FOR NEW\nHIGH SCHOOL READY\n\
                (Continued from Page One.)\n\
                the board will ask for bids early\nin April, and it is expected that\n\
                work will begin by the first of June.\n\
                OLD RESIDENT PASSES AWAY\n\
                Mrs. Sarah Jennings, one of the\noldest residents of the county, died\n\
                at her home on North street Sunday.";
    let out = split_page(page);
    let rest = &out.articles[0];
    assert_eq!(rest.title, "PLANS FOR NEW HIGH SCHOOL READY");
    assert_eq!(rest.continued_from.as_deref(), Some("One"));
    assert_text_opens(rest, "the board will ask");
    assert_eq!(rest.page.as_deref(), Some("02"), "the running head's page");
    assert_eq!(out.articles[1].title, "OLD RESIDENT PASSES AWAY");
    assert_dropped(&out, "PAGE TWO THE MORNING TRIBUNE");
}

#[test]
fn an_english_headlines_decks_stacked_under_it_are_its_subtitle() {
    // Title, a deck whose clauses a semicolon sets apart, a deck in capitals and one in
    // title case: one headline over one story.
    let page = "MANY KILLED IN\nTRAIN WRECK\n\
                Engine Leaves Track Near\nBridge; Ten Dead and\nScore Injured.\n\
                ENGINEER AMONG VICTIMS\n\
                Relief Train Sent From Altoona\nWith Doctors and Nurses.\n\
                ALTOONA, Pa., Oct. 4.—Ten persons\nwere killed and a score injured when\n\
                the engine of the westbound express\nleft the track near the Juniata bridge\n\
                early this morning.";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "MANY KILLED IN TRAIN WRECK");
    assert_eq!(
        article.subtitle.as_deref(),
        Some(
            "Engine Leaves Track Near Bridge; Ten Dead and Score Injured. \
             ENGINEER AMONG VICTIMS Relief Train Sent From Altoona With Doctors and Nurses."
        )
    );
    assert_text_opens(article, "Ten persons were killed");
}

/// A page as pdftotext prints today's English e-paper: headlines in sentence case, each
/// a block between blank lines, over a byline or a dateline; a caption over its credit.
const TODAYS_ENGLISH_PAGE: &str = "A2 | THE DAILY HERALD | TUESDAY, MARCH 3, 2026\n\n\
    City council approves\nnew budget after\nmarathon session\n\n\
    By Jane Doe\nStaff Writer\n\n\
    The City Council approved a $42 million budget early Tuesday\n\
    after a nine-hour meeting that stretched past midnight, and\n\
    the vote was 5-2, with council members Ann Lee and Tom\n\
    Ward opposed.\n\
    See BUDGET, Page A6\n\n\
    Senate passes\nhighway bill\n\n\
    WASHINGTON (AP) — The Senate on Monday passed a $300 billion\n\
    highway bill that would fund road and bridge projects for\n\
    the next five years.\n\n\
    Mayor Rita Gomez speaks during Monday's council meeting.\n\
    JOHN SMITH/THE DAILY HERALD";

#[test]
fn todays_english_headline_printed_onto_its_byline_or_dateline_heads_its_story() {
    // Narrow headlines stacked a word or two a line, and the byline or the dateline
    // under each with no blank line between: pdftotext printed them as one block with
    // the text.
    let page = "The board will vote on the final plan\nDec. 15.\n\n\
                Library\nextends\nweekend\nhours\n\
                By MARK ELLIS\nCourier Staff Writer\n\
                SPRINGFIELD — The public library\n\
                will stay open until 8 p.m. on Saturdays\n\
                and Sundays starting in January, the\n\
                library board decided Thursday.\n\n\
                Fire destroys\nbarn near\nOakdale\n\
                OAKDALE (AP) — A fire destroyed a\n\
                barn and killed 40 cows early Friday,\n\
                the county fire chief said.";
    let out = split_page(page);
    let [.., library, fire] = out.articles.as_slice() else {
        panic!("{out:#?}");
    };
    assert_eq!(library.title, "Library extends weekend hours", "{out:#?}");
    assert_eq!(library.authors, ["MARK ELLIS"]);
    assert_eq!(library.dateline.as_deref(), Some("SPRINGFIELD"));
    assert_text_opens(library, "The public library");
    assert_eq!(fire.title, "Fire destroys barn near Oakdale", "{out:#?}");
    assert_eq!(fire.dateline.as_deref(), Some("OAKDALE (AP)"));
    assert_text_opens(fire, "A fire destroyed");
}

/// A story of today's English page as pdftotext prints it: the deck right under the
/// title's lines and as wide as the column, a line of names in the middle of a sentence,
/// a pull quote repeating the story's words, a photo's caption credited with no name.
const TODAYS_STORY_WITH_PULL_QUOTE: &str = "LOCAL\n\n\
    Water rates\nto rise 4%\nin January\nCouncil cites aging pipes, higher costs\n\n\
    By SARA KIM\nskim@dailycourier.com\n\n\
    Residents will pay about $2 more a month\nfor water starting Jan. 1 after the City\n\
    Council voted 6-1 on Tuesday to raise rates\nby 4%.\n\
    Public Works Director Tom Hale said the\nmoney will replace pipes laid in the 1950s.\n\
    \"Every year we wait, the repairs cost\nmore,\" Hale said.\n\n\
    \"Every year we wait,\nthe repairs cost more.\"\nTom Hale, public works director\n\n\
    Workers replace a water main on Oak Street\nin October. (Courier file photo)";

#[test]
fn todays_english_story_keeps_its_deck_and_text_and_drops_its_pull_quote() {
    let out = split_page(TODAYS_STORY_WITH_PULL_QUOTE);
    let article = only_article(&out);
    assert_eq!(article.title, "Water rates to rise 4% in January");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Council cites aging pipes, higher costs")
    );
    assert_eq!(article.authors, ["SARA KIM"]);
    assert_eq!(
        paragraphs_of(article),
        [
            "Residents will pay about $2 more a month for water starting Jan. 1 after the \
             City Council voted 6-1 on Tuesday to raise rates by 4%.",
            "Public Works Director Tom Hale said the money will replace pipes laid in the \
             1950s. \"Every year we wait, the repairs cost more,\" Hale said.",
        ]
    );
    for line in ["\"Every year we wait,", "the repairs cost more.\""] {
        assert_dropped(&out, line);
    }
    assert_eq!(
        first_caption(article),
        Some((
            "Workers replace a water main on Oak Street in October.",
            Some("(Courier file photo)")
        ))
    );
}

#[test]
fn todays_english_briefs_under_a_section_label_each_head_their_text() {
    let page = "NATION & WORLD BRIEFS\n\n\
                Storm knocks out power\nto 200,000 in Texas\n\
                DALLAS (AP) — A line of storms knocked\nout power to about 200,000 homes and\n\
                businesses in North Texas on Friday.\n\n\
                Quake shakes Japan\n\
                TOKYO (AP) — A magnitude 6.1 earthquake\nshook northern Japan on Saturday.";
    let out = split_page(page);
    let heads: Vec<(Option<&str>, &str, Option<&str>)> = out
        .articles
        .iter()
        .map(|a| (a.kicker.as_deref(), a.title.as_str(), a.dateline.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [
            (
                Some("NATION & WORLD BRIEFS"),
                "Storm knocks out power to 200,000 in Texas",
                Some("DALLAS (AP)")
            ),
            (None, "Quake shakes Japan", Some("TOKYO (AP)")),
        ]
    );
}

#[test]
fn todays_english_section_label_headline_and_deck_stack_as_one_head() {
    // A section's label in capitals, the headline and its deck in sentence case, each a
    // block of its own, over the byline and the writer's address.
    let page = "EDUCATION\n\n\
                School levy fails\nby 200 votes\n\n\
                District will cut bus routes and\ndelay repairs, officials say\n\n\
                By Ann Lee\nalee@dailyherald.com\n\n\
                Voters on Tuesday rejected a 5-mill levy for the Greene County\n\
                schools by 200 votes, according to unofficial results.\n\
                Superintendent Mark Fry said the district will cut three bus\n\
                routes next fall and put off roof repairs at two buildings.";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.kicker.as_deref(), Some("EDUCATION"));
    assert_eq!(article.title, "School levy fails by 200 votes");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("District will cut bus routes and delay repairs, officials say")
    );
    assert_eq!(article.authors, ["Ann Lee"]);
    assert_text_opens(article, "Voters on Tuesday");
}

/// pdftotext prints today's headline, its deck and its byline in one block when they are
/// set close: the block over the `By` line is the headline, though its sentence case reads
/// like text. The title wraps in larger type, so the deck's lines are wider.
#[test]
fn todays_headline_printed_in_one_block_with_its_byline_heads_the_story() {
    let head = "School levy fails by\n200 votes\n\
                District will cut three bus routes and delay roof repairs, officials\n\
                say after the count\n";
    let text = "\nVoters on Tuesday rejected a 5-mill levy for the\n\
                Greene County schools by 200 votes, according to\n\
                unofficial results.\n\
                Superintendent Mark Fry said the district will cut\n\
                three bus routes next fall.";
    for label in ["", "EDUCATION\n"] {
        let page = format!("{label}{head}By ANN LEE\nStaff Writer\n{text}");
        let out = split_page(&page);
        let article = only_article(&out);
        assert_eq!(article.title, "School levy fails by 200 votes", "{out:#?}");
        assert_eq!(
            article.subtitle.as_deref(),
            Some("District will cut three bus routes and delay roof repairs, officials say after the count")
        );
        assert_eq!(article.authors, ["ANN LEE"]);
        assert_text_opens(article, "Voters on Tuesday");
        if !label.is_empty() {
            assert_eq!(article.kicker.as_deref(), Some("EDUCATION"));
        }
    }
    // Printed in one block with the dateline opening its text, the same.
    let page = format!(
        "Other news ran on the page before it and\nended here.\n\n{head}\
         DENVER (AP) — Voters on Tuesday rejected a\n5-mill levy for the Greene County schools\n\
         by 200 votes, according to unofficial results."
    );
    let out = split_page(&page);
    let article = out
        .articles
        .iter()
        .find(|a| a.title.starts_with("School levy fails"))
        .unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(article.dateline.as_deref(), Some("DENVER (AP)"));
    assert_text_opens(article, "Voters on Tuesday");
    // A paragraph's lines over a byline close their sentence: they are no headline.
    let page = format!(
        "The council met on Monday and\nvoted for the new bridge at last.\n\n\
         It will be built next year and\ncost the city about $3 million.\n\
         By ANN LEE\nStaff Writer\n{text}"
    );
    let out = split_page(&page);
    assert!(
        out.articles.iter().all(|a| !a.title.contains("built")),
        "{out:#?}"
    );
}

/// A line stopping short on a title before a name (`St.`, `Mrs.`) breaks inside the
/// name, not after a sentence: the paragraph goes on.
#[test]
fn a_line_ending_on_a_title_before_a_name_ends_no_paragraph() {
    for title in ["St.", "Mrs."] {
        let page = format!(
            "Church plans fish fry\n\nAUBURN — {title}\nBenedict Catholic Church will hold its\n\
             Lenten fish fry from 4:30 to 7 p.m. Friday.\n\
             Dinners are $14 for adults and $7 for\nchildren, and carryout is available."
        );
        let out = split_page(&page);
        let paragraphs = paragraphs_of(only_article(&out));
        assert_eq!(paragraphs.len(), 1, "{paragraphs:#?}");
        assert!(
            paragraphs[0].contains(&format!("{title} Benedict")),
            "{paragraphs:#?}"
        );
    }
}

/// Today's obituaries: each headed by the name over the life's span, the text opening on
/// the town or the name. The second name follows finished text, where a name alone
/// would sign it: the span under it makes it a headline.
#[test]
fn todays_obituaries_are_headed_by_the_name_over_the_lifes_span() {
    let page = "OBITUARIES\n\n\
                Margaret Ann Collins\nJune 14, 1938 – March 7, 2026\n\
                SPRINGFIELD — Margaret Ann\nCollins, 87, of Springfield died\n\
                Saturday at Memorial Medical Center.\n\
                She taught second grade at Butler\nElementary School for 31 years.\n\
                Dorothy J. Weaver\nAug. 2, 1929 – March 6, 2026\n\
                Dorothy Jean Weaver, 96, died Friday\nat Heartland of Springfield.\n\n\
                Robert L. “Bob”\nHartman\n1941–2026\n\
                CHATHAM — Robert L. “Bob”\nHartman, 84, of Chatham died Sunday\nat his home.";
    let out = split_page(page);
    let heads: Vec<(&str, Option<&str>, usize)> = out
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.subtitle.as_deref(), a.authors.len()))
        .collect();
    assert_eq!(
        heads[heads.len() - 3..],
        [
            (
                "Margaret Ann Collins",
                Some("June 14, 1938 – March 7, 2026"),
                0
            ),
            ("Dorothy J. Weaver", Some("Aug. 2, 1929 – March 6, 2026"), 0),
            ("Robert L. “Bob” Hartman", Some("1941–2026"), 0),
        ],
        "{out:#?}"
    );
    assert_eq!(out.articles[0].kicker.as_deref(), Some("OBITUARIES"));
    let weaver = &out.articles[1];
    assert_eq!(
        paragraphs_of(weaver),
        ["Dorothy Jean Weaver, 96, died Friday at Heartland of Springfield."]
    );
    // The page's label in one block over the first name, which wraps.
    let out = split_page(
        "Obituaries\nRobert James “Bobby”\nTanner Jr.\n1951–2026\n\
         Robert James “Bobby” Tanner Jr., 75, of\nWaverly, died Sunday at home surrounded by\n\
         his family after a short illness.",
    );
    let article = only_article(&out);
    assert_eq!(article.kicker.as_deref(), Some("Obituaries"));
    assert_eq!(article.title, "Robert James “Bobby” Tanner Jr.");
    assert_eq!(article.subtitle.as_deref(), Some("1951–2026"));
    // Under a story whose text pdftotext printed elsewhere, an obituary is no bank of that
    // story's headline; and its first line, in a column narrower than the page's widest
    // text, is no scrap.
    let page = "Paper mill to close Friday, ending 112 years in\nPort Edwin\n\
                186 workers lose jobs; city's largest taxpayer cites falling demand\n\
                By ANNA KOWALCZYK\nBusiness Editor\n\n\
                Patricia “Patsy”\nOyelaran-Dunn\n1955–2027\n\
                Patricia Oyelaran-Dunn, 71, of\nMill Creek, a retired nurse, died Feb.\n\
                19 after a long illness.\n\n\
                For 112 years the whistle at the Granger Paper Mill has marked shift\n\
                changes in Port Edwin. On Friday, it will sound for the last time.";
    let out = split_page(page);
    let obituary = out
        .articles
        .iter()
        .find(|a| a.title == "Patricia “Patsy” Oyelaran-Dunn")
        .unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(obituary.subtitle.as_deref(), Some("1955–2027"));
    assert!(
        paragraphs_of(obituary)[0].starts_with("Patricia Oyelaran-Dunn, 71, of Mill Creek"),
        "{out:#?}"
    );
}

#[test]
fn todays_letters_to_the_editor_are_titled_and_signed() {
    // Each letter's headline is one line over plain text, under the section's label or
    // the letter before's signature: no story runs above it. The writer's name and town
    // close the letter's block.
    let page = "OPINION\n\n\
                Keep the library open\n\n\
                Closing the Elm Street branch would hurt the children who use it\n\
                after school. Many of them have nowhere else to go, and the city\n\
                saves very little by shutting the doors.\n\
                Mary Smith\nSpringfield\n\n\
                Fix the potholes first\n\n\
                Before the city spends another dime on new sidewalks downtown,\n\
                it should fix the potholes on Main Street.\n\
                Tom Brown\nXenia";
    let out = split_page(page);
    let letters: Vec<(Option<&str>, &str, Vec<&str>)> = out
        .articles
        .iter()
        .map(|a| {
            let authors = a.authors.iter().map(String::as_str).collect();
            (a.kicker.as_deref(), a.title.as_str(), authors)
        })
        .collect();
    assert_eq!(
        letters,
        [
            (Some("OPINION"), "Keep the library open", vec!["Mary Smith"]),
            (None, "Fix the potholes first", vec!["Tom Brown"]),
        ]
    );
    assert_text_opens(&out.articles[1], "Before the city spends");
    assert_dropped(&out, "Springfield");
    // A name closing a block after a title's stop, or a lone letter, signs nothing.
    for (end, last) in [
        (
            "the guest of Mrs.\nClyde Akin.",
            "the guest of Mrs. Clyde Akin.",
        ),
        ("visiting in Dayton.\nT", "visiting in Dayton."),
    ] {
        let page = format!(
            "FARM NOTES\nThe county fair opens on Tuesday with the largest list of\n\
             entries in its history, and the grange hall will be open\n\
             to visitors all week. Mrs. Austin Taylor was up from Saco\n\
             yesterday for the judging and was {end}\n\n\
             BAND CONCERT\nThe band will play in the park on Friday evening and\n\
             the merchants of the town will close their stores early."
        );
        let out = split_page(&page);
        assert!(out.articles[0].authors.is_empty(), "{page}");
        let text = out.articles[0].blocks[0].text();
        assert!(text.ends_with(last), "{text}");
    }
}

/// A label in capitals under finished text (`WHERE TO GO`) reads like a signature set
/// apart, but a phrase's little words are in no one's name: it signs nothing.
#[test]
fn a_phrase_in_capitals_under_finished_text_is_no_signature() {
    let page = "Free flu shots start Monday\n\nBy ANN LEE\n\n\
                The state's new free flu shot program\nfor adults older than 50 begins Monday.\n\
                Here is what residents need to know.\nWHERE TO GO\n\n\
                Shots are available at all county health\ndepartments and at about 200 pharmacies.\n\
                A list is posted on the state's website.";
    let out = split_page(page);
    for article in &out.articles {
        assert!(
            article.authors.iter().all(|a| a != "WHERE TO GO"),
            "{out:#?}"
        );
    }
}

#[test]
fn todays_english_subheads_set_apart_inside_a_story_are_its_headings() {
    let page = "Hospital to add\n40 beds by spring\n\nBy Ann Lee\n\n\
                Greene Memorial Hospital will add 40 beds and a new wing for\n\
                heart patients by spring, its board said Monday night.\n\n\
                Long waits in the ER\n\n\
                Patients have waited as long as nine hours in the emergency\n\
                room this winter, nurses told the board.\n\n\
                What comes next\n\n\
                Construction begins in January and is expected to take about\n\
                ten weeks, weather permitting.";
    // pdftotext prints a subhead set close over its paragraph in one block with it.
    let close = page.replace("ER\n\n", "ER\n").replace("next\n\n", "next\n");
    // The paragraph above may end on a short line of its own (`night.`).
    let short_end = close.replace("Monday night.", "Monday\nnight.");
    for page in [page, close.as_str(), short_end.as_str()] {
        assert_subheads(page);
    }
}

/// Asserts that `page` holds the hospital story with its two subheads.
#[track_caller]
fn assert_subheads(page: &str) {
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "Hospital to add 40 beds by spring");
    let kinds = kinds_of(article);
    let headings: Vec<&str> = kinds
        .iter()
        .filter(|(kind, _)| *kind == "heading")
        .map(|(_, text)| *text)
        .collect();
    assert_eq!(
        headings,
        ["Long waits in the ER", "What comes next"],
        "{kinds:#?}"
    );
    assert_eq!(kinds.len(), 5, "{kinds:#?}");
}

#[test]
fn todays_english_headlines_set_apart_in_sentence_case_head_their_stories() {
    let out = split_page(TODAYS_ENGLISH_PAGE);
    let heads: Vec<(&str, Option<&str>, Vec<&str>)> = out
        .articles
        .iter()
        .map(|a| {
            let authors = a.authors.iter().map(String::as_str).collect();
            (a.title.as_str(), a.dateline.as_deref(), authors)
        })
        .collect();
    assert_eq!(
        heads,
        [
            (
                "City council approves new budget after marathon session",
                None,
                vec!["Jane Doe"]
            ),
            (
                "Senate passes highway bill",
                Some("WASHINGTON (AP)"),
                vec![]
            ),
        ]
    );
    assert!(out.articles[0].continued, "See BUDGET, Page A6");
    assert_text_opens(&out.articles[0], "The City Council approved");
    assert_eq!(
        out.articles[1].page.as_deref(),
        Some("A2"),
        "the running head's page"
    );
    let caption = out.articles.iter().find_map(first_caption);
    assert_eq!(
        caption,
        Some((
            "Mayor Rita Gomez speaks during Monday's council meeting.",
            Some("JOHN SMITH/THE DAILY HERALD")
        ))
    );
}

#[test]
fn a_story_naming_its_source_last_is_whole() {
    for source in ["来源：人民网", "稿件来源：新华社"] {
        let page = format!("{STORY_HEAD}{BODY}\n{source}");
        let out = split_page(&page);
        let article = only_article(&out);
        assert!(!article.continued, "{source}: {:#?}", article.blocks);
    }
}

#[test]
fn a_jump_broken_over_two_lines_ends_the_text_and_marks_it_continued() {
    let english = "NEW BRIDGE TO BE BUILT\nThe city council met last night and\n\
                   voted to build a new bridge. (Continued on\nPage Eight.)";
    let chinese = format!("{STORY_HEAD}{BODY}（下转\n第3版）");
    for (page, jump, last) in [
        (
            english.to_owned(),
            "(Continued on Page Eight.)",
            "a new bridge.",
        ),
        (chinese, "（下转第3版）", "取得了明显成效。"),
    ] {
        let out = split_page(&page);
        let article = only_article(&out);
        assert!(article.continued, "{page}");
        assert_dropped(&out, jump);
        let text = article.blocks.last().map(Block::text).unwrap_or_default();
        assert!(text.ends_with(last), "{text}");
    }
}

#[test]
fn a_wrapped_title_over_its_wrapped_subtitle_is_one_headline() {
    let page = format!(
        "第3版\n\n“十四五”规划目标任务\n圆满完成\n——国家发展改革委\n有关负责人答记者问\n\n{BODY}"
    );
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.title, "“十四五”规划目标任务圆满完成");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("——国家发展改革委有关负责人答记者问")
    );
    assert!(article.blocks[0].text().starts_with("为贯彻落实"));
}

#[test]
fn a_pages_section_is_dropped_and_a_title_the_text_says_is_whole() {
    let page = "第2版\n综合新闻\n\n我市召开\n安全生产工作会议\n\
                本报讯（记者 李明）3月4日，我市召开安全生产工\n作会议，部署当前安全生产重点工作。\n\n\
                简讯\n\n■ 3月3日，市图书馆举办阅读推广活动，\n吸引500余名市民参加。（张华）";
    let out = split_page(page);
    // The brief under `简讯` is a story of its own (see the briefs test).
    assert_eq!(out.articles.len(), 2, "{:#?}", out.articles);
    let article = &out.articles[0];
    // The text says the short line and the long one as one phrase: one title wrapped,
    // neither a place kicker nor a title over its subtitle.
    assert_eq!(article.title, "我市召开安全生产工作会议", "{article:#?}");
    assert_eq!((&article.kicker, &article.subtitle), (&None, &None));
    assert_eq!(article.authors, ["李明"]);
    for label in ["综合新闻", "简讯"] {
        assert_dropped(&out, label);
    }
    // The section over the rest of a story from another page is no headline printed
    // after that text, for the story below it.
    // Also where the dump double-spaced every line, the section not glued to its number.
    let page = format!("第2版\n综合新闻\n\n{MORE}\n\n{STORY_HEAD}{BODY}");
    for page in [page.clone(), page.replace('\n', "\n\n")] {
        let out = split_page(&page);
        let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["", "基层治理见实效"], "{:#?}", out.articles);
        assert_dropped(&out, "综合新闻");
    }
}

#[test]
fn briefs_under_their_label_are_stories_of_their_own_signed_by_their_writers() {
    let page = format!(
        "{STORY_HEAD}{BODY}\n\n简讯\n\n■ 3月3日，市图书馆举办阅读推广活\n动，500余名市民参加。（张华）\n\
         ■ 近日，市交通运输局开通3条定制\n公交线路，方便市民出行。\n（王丽）"
    );
    // The same page with its text double-spaced, as many dumps print it: there blank
    // lines set no block apart, and the label stands alone between two of them.
    let double_spaced = page
        .replacen("\n\n", "\u{1}", 2)
        .replace(['\n', '\u{1}'], "\n\n");
    for page in [page, double_spaced] {
        let out = split_page(&page);
        let signed: Vec<(&str, Vec<&str>)> = out
            .articles
            .iter()
            .map(|a| {
                (
                    a.title.as_str(),
                    a.authors.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let expected = [
            ("基层治理见实效", vec!["王明"]),
            ("", vec!["张华"]),
            ("", vec!["王丽"]),
        ];
        assert_eq!(signed, expected, "{page}\n{:#?}", out.articles);
        let story_end = out.articles[0].blocks.last().unwrap().text();
        assert!(story_end.ends_with("明显成效。"), "{story_end}");
        assert_eq!(
            out.articles[1].blocks[0].text(),
            "■3月3日，市图书馆举办阅读推广活动，500余名市民参加。"
        );
        assert_dropped(&out, "简讯");
    }
}

#[test]
fn a_papers_masthead_atop_the_page_is_dropped_and_a_wrapped_caption_is_whole() {
    let page = format!(
        "株洲日报\n\n2025年3月6日 星期四\n\n编者按：即日起，本报开设专栏，聚焦各地各部门的\n\
         新举措新成效，敬请关注。\n\n{STORY_HEAD}{BODY}\n\n\
         3月5日，在株洲市天元区一家企业，工人正在\n装配新能源汽车电机。 株洲日报全媒体记者/刘晨 摄"
    );
    let out = split_page(&page);
    // The paper's name heads no text: the editor's note under it opens the story.
    let article = only_article(&out);
    assert_eq!(article.title, "基层治理见实效");
    assert!(
        article.blocks[0].text().starts_with("编者按："),
        "{article:#?}"
    );
    assert_dropped(&out, "株洲日报");
    // The credit stands out past the caption's column on its last line: the line above,
    // narrower than that line but wider than its text, is the caption's too.
    let caption = first_caption(article);
    assert_eq!(
        caption,
        Some((
            "3月5日，在株洲市天元区一家企业，工人正在装配新能源汽车电机。",
            Some("株洲日报全媒体记者/刘晨 摄")
        )),
        "{:#?}",
        article.blocks
    );
}

#[test]
fn a_letter_to_the_editor_opens_on_its_salutation_and_is_signed_by_its_pen_name() {
    let page = "LETTER TO THE EDITOR\nEditor The Herald:\nI wish to call attention to the con\n\
                dition of the sidewalks on Elm street,\nwhich are a disgrace to the city.\n\
                A TAXPAYER.\nFARMERS HOLD PICNIC\nGREENVILLE, Aug. 14.—More than five\n\
                hundred farmers and their families at\ntended the annual picnic of the county\n\
                grange here today.";
    let out = split_page(page);
    let heads: Vec<(&str, Option<&str>, &[String])> = out
        .articles
        .iter()
        .map(|a| {
            (
                a.title.as_str(),
                a.subtitle.as_deref(),
                a.authors.as_slice(),
            )
        })
        .collect();
    assert_eq!(heads.len(), 2, "{:#?}", out.articles);
    assert_eq!(
        heads[0],
        ("LETTER TO THE EDITOR", None, &["A TAXPAYER".to_owned()][..])
    );
    assert!(out.articles[0].blocks[0]
        .text()
        .starts_with("Editor The Herald: I wish"));
    assert_eq!(heads[1], ("FARMERS HOLD PICNIC", None, &[][..]));
}

#[test]
fn an_agencys_credit_in_any_bracket_or_in_capitals_gives_way_to_the_dateline() {
    for credit in [
        "(By Associated Press.)",
        "[By Associated Press.]",
        "BY ASSOCIATED PRESS.",
        "[Special to The Patriot.]",
    ] {
        let page = format!(
            "MINERS RETURN TO WORK\nStrike Ends After Seven Weeks\n{credit}\n\
             PITTSBURGH, June 9.—The strike of\nthe miners employed by the company\n\
             ended today when 800 men went back."
        );
        let out = split_page(&page);
        let article = only_article(&out);
        assert_eq!(
            article.subtitle.as_deref(),
            Some("Strike Ends After Seven Weeks"),
            "{credit}"
        );
        assert_eq!(
            article.dateline.as_deref(),
            Some("PITTSBURGH, June 9."),
            "{credit}"
        );
        assert_text_opens(article, "The strike of");
        assert_dropped(&out, credit);
    }
}

#[test]
fn a_decks_wrapped_line_with_a_comma_stays_in_the_deck_over_the_byline() {
    let page = "RAILROAD STRIKE\nIS THREATENED\nBrotherhoods Will Vote on Walkout\n\
                Next Week, Leaders Say\n(By Associated Press.)\n\
                CHICAGO, Aug. 14.—Leaders of the four\nrailroad brotherhoods announced today\n\
                that a strike vote would be taken next\nweek unless the managers granted the\n\
                eight-hour day.";
    let article = split_page(page).articles.remove(0);
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Brotherhoods Will Vote on Walkout Next Week, Leaders Say")
    );
    assert_eq!(article.dateline.as_deref(), Some("CHICAGO, Aug. 14."));
    assert!(article.blocks[0].text().starts_with("Leaders of the four"));
}

#[test]
fn a_label_over_a_datelined_story_heads_no_story() {
    let page = "第3版\n\n要闻\n\n新华社北京3月5日电（记者 张三 李四）十四届全国\n\
                人大三次会议5日上午在人民大会堂开幕。国务院总理\n作政府工作报告。\n\n\
                全国政协十四届三次会议闭幕\n\n新华社北京3月10日电 全国政协十四届三次会议10日\n\
                上午在人民大会堂闭幕。会议圆满完成各项议程。";
    // Double-spaced, as many dumps print their text: no blank line sets a block apart.
    let double_spaced = page.replace('\n', "\n\n");
    for page in [page, double_spaced.as_str()] {
        let out = split_page(page);
        let first = &out.articles[0];
        assert_eq!(first.title, "", "{:#?}", out.articles);
        assert_eq!(first.authors, ["张三", "李四"]);
        assert_eq!(first.dateline.as_deref(), Some("新华社北京3月5日电"));
        // Its text stays its own, though the next story's headline shares its words.
        assert!(
            first.blocks[0].text().starts_with("十四届全国人大"),
            "{:#?}",
            out.articles
        );
        assert_eq!(out.articles[1].title, "全国政协十四届三次会议闭幕");
        assert_dropped(&out, "要闻");
    }
}

#[test]
fn a_title_over_its_dashed_subtitle_heads_double_spaced_text() {
    // Every line set apart by a blank line: no block tells the headline from the text,
    // but a line opening with a dash under one that starts fresh is a subtitle.
    let page = "“十四五”规划目标任务圆满完成\n——国家发展改革委有关负责人答记者问\n\
                问：“十四五”规划实施情况\n如何？\n答：总体看，“十四五”规划确\n\
                定的主要目标任务已经圆满完\n成。"
        .replace('\n', "\n\n");
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.title, "“十四五”规划目标任务圆满完成");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("——国家发展改革委有关负责人答记者问")
    );
    let texts: Vec<&str> = article.blocks.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "问：“十四五”规划实施情况如何？",
            "答：总体看，“十四五”规划确定的主要目标任务已经圆满完成。"
        ]
    );
}

#[test]
fn a_wrapped_title_over_its_wrapped_dashed_subtitle_heads_double_spaced_text() {
    let page =
        format!("“十四五”规划目标任务\n圆满完成\n——国家发展改革委\n有关负责人答记者问\n{BODY}")
            .replace('\n', "\n\n");
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.title, "“十四五”规划目标任务圆满完成");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("——国家发展改革委有关负责人答记者问")
    );
    assert!(
        article.blocks[0].text().starts_with("为贯彻落实"),
        "{article:#?}"
    );
}

/// Headlines set side by side: a column's label printed between the first story's byline
/// and the second story's headline labels the second story. It is no part of the name
/// above it (`本报记者 王明` / `快评`), nor of the text under the headline: it is dropped.
#[test]
fn a_label_under_a_whole_byline_is_no_part_of_the_name() {
    let out = split_page(
        "基层治理见实效\n\n本报记者 王明\n\n快评\n\n传统也是时尚，\n技艺当随时代\n\n\
         传统首饰在不同语境中承担着\n不同的社会功能，形制亦随时代前\n进的步伐而不断改变。\n\n\
         为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n年以来，我市各级各部门坚持\n\
         问题导向，取得了明显成效。\n",
    );
    let by_title = |t: &str| out.articles.iter().find(|a| a.title == t).unwrap();
    assert_eq!(by_title("基层治理见实效").authors, ["王明"]);
    let labelled = by_title("传统也是时尚，技艺当随时代");
    assert!(
        labelled.blocks[0].text().starts_with("传统首饰"),
        "{labelled:#?}"
    );
    assert_dropped(&out, "快评");
}

/// Stories set side by side: another story's byline printed between two lines of a
/// paragraph, which a word spans (`…让杨丽娜想` / `本报记者 李 蕊` / `法多了。`). The lines
/// above it are that paragraph's, not the byline's headline.
#[test]
fn a_byline_amid_a_paragraph_heads_none_of_it() {
    let out = split_page(
        "一块稻田挣出两份钱\n\n本报记者 王明\n\n3月的东北，春寒料峭。正值中午，\n\
         走进吉林省延边朝鲜族自治州和龙\n市东城镇光东村，庭院里不时飘出\n米饭香。\n\n\
         “离开光东村后，游客能\n不能还是顾客？”村党支部书\n记金宪的一句话，让杨丽娜想\n\n\
         本报记者 李 蕊\n\n法多了。她开始与村民合\n作，确定收购价格、设计产品\n\
         包装、搭建线上商城，在网上\n卖起大米、米酒、辣白菜等特\n产。截至目前，线上商城销售\n\
         额超千万元。\n",
    );
    let article = only_article(&out);
    assert_eq!(article.title, "一块稻田挣出两份钱");
    assert!(
        article.blocks[1]
            .text()
            .starts_with("“离开光东村后，游客能不能还是顾客？”"),
        "{article:#?}"
    );
}

/// An editor's note printed above a story's headline introduces that story: it opens the
/// story's text, and stands as no untitled story of its own.
#[test]
fn an_editors_note_over_a_headline_opens_its_story() {
    for note in ["【编者按】", "编者按：", "编者的话："] {
        let out = split_page(&format!(
            "{note}今年以来，我市持续推进基层治理\n改革，取得明显成效。即日起，本报推出\n\
             “基层治理进行时”专栏，敬请关注。\n\n{STORY_HEAD}{BODY}"
        ));
        let article = only_article(&out);
        assert_eq!(article.title, "基层治理见实效");
        assert!(article.blocks[0].text().starts_with(note), "{article:#?}");
        assert!(
            article.blocks[1].text().starts_with("为贯彻"),
            "{article:#?}"
        );
    }
}

/// The reporter's notes closing a story (`记者手记`) are the story's, under their label as
/// a subhead: no story of their own titled by the label, and the label is kept.
#[test]
fn a_reporters_notes_close_the_story_under_their_label() {
    for label in ["记者手记", "【记者手记】", "编后"] {
        let out = split_page(&format!(
            "{STORY_HEAD}{BODY}\n\n{label}\n\n采访中，记者深切感受到，基层\n\
             治理的成效写在群众的笑脸上。\n"
        ));
        let kinds = kinds_of(only_article(&out));
        assert_eq!(
            kinds,
            [("text", "为贯彻"), ("heading", label), ("text", "采访中")],
            "{label}"
        );
    }
}

/// A paragraph's first line whose characters the dump spaced out (`当前 ， 短 视 频 、 社 交`)
/// was justified to fill its column: few characters, but a full line of the paragraph, no
/// subhead over it.
#[test]
fn a_justified_first_line_is_no_subhead() {
    let out = split_page(
        "助力平台企业发挥作用\n提高政务服务质效\n本报记者 张 驰\n\n习近平总书记强调：“坚持依\n\
         法管网、依法办网、依法上网”。\n当前 ， 短 视 频 、 社 交\n媒 体 、 电商平台等各种业态\n\
         的网络平台蓬勃成长，连接着千家\n万户、各行各业，为推动高质量发\n展作出重要贡献。\n",
    );
    let texts = paragraphs_only(&out);
    assert!(
        texts[1].starts_with("当前，短视频、社交媒体、电商平台"),
        "{texts:#?}"
    );
}

/// A subhead is whole: a short line whose last word the next line finishes
/// (`过去15年，我一直专` / `注基础研究。`) is a paragraph's first line, however short.
#[test]
fn a_line_whose_word_runs_on_is_no_subhead() {
    let out = split_page(
        "瞄准基础研究最前沿\n本报记者 李 蕊\n\n好山好水，出好农货，咋卖上好\n\
         价？村里的合作社有办法了。\n过去15年，我一直专\n注基础研究。一次实验中观\n\
         察到的全新物理现象，让我触碰到\n世界科学前沿，这是一次机遇。\n",
    );
    let texts = paragraphs_only(&out);
    assert!(
        texts[1].starts_with("过去15年，我一直专注基础研究。"),
        "{texts:#?}"
    );
}

/// A headline closes every quote it opens. Short lines of text that leave one open
/// (`“把种在地里的‘土疙` / `瘩’变成村民增收的‘金`) are a paragraph's, not another
/// story's headline.
#[test]
fn lines_that_leave_a_quote_open_head_no_story() {
    let out = split_page(
        "地里“土疙瘩”变增收“金疙瘩”\n本报记者 刘温馨\n\n好山好水，出好农货，咋卖上\n\
         好价？村里的合作社有办法。\n\n“把种在地里的‘土疙\n瘩’变成村民增收的‘金\n\
         疙瘩’，打开销路是关键。”3月\n11日，走上“代表通道”的谭新萍\n代表说。\n",
    );
    let article = only_article(&out);
    assert!(
        article.blocks[1]
            .text()
            .starts_with("“把种在地里的‘土疙瘩’变成村民增收的‘金疙瘩’"),
        "{article:#?}"
    );
}

/// A short line that breaks a clause (`出门在外，无论是找不到`) over text that shares none
/// of its words is that text's first line cut short, not a subhead over it.
#[test]
fn a_short_clause_unrelated_to_the_text_is_no_subhead() {
    let out = split_page(
        "设施更“懂人” 城市更文明\n本报记者 杨建楠\n\n在小吃店买了美食，一边逛街\n\
         一边大快朵颐，吃完了随手就扔。\n出门在外，无论是找不到\n垃圾桶，还是在厕所前排\n\
         长队，都会给人们带来诸多不便和\n不良体验。类似尴尬事多了，有些\n人可能会以不文明的方式来应对。\n",
    );
    let texts = paragraphs_only(&out);
    assert!(
        texts[1].starts_with("出门在外，无论是找不到垃圾桶，"),
        "{texts:#?}"
    );
}

/// A QR code's label over two lines (`扫码观看` / `精彩视频`) in rows of interleaved
/// columns: a running line of the column beside it comes between its two lines, each a
/// block of its own. Both lines are dropped; the text reads on without them.
#[test]
fn a_qr_label_split_by_a_row_of_the_next_column_is_dropped_whole() {
    let out = split_page(
        "基层治理见实效\n\n本报记者 王明\n\n为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n\n\
         扫码观看\n\n年以来，我市各级各部门坚持\n\n精彩视频\n\n问题导向，取得了明显成效。\n",
    );
    for label in ["扫码观看", "精彩视频"] {
        assert_dropped(&out, label);
    }
    let article = only_article(&out);
    assert_eq!(
        article.blocks[0].text(),
        "为贯彻落实党中央决策部署，进一步做好基层治理工作，今年以来，我市各级各部门坚持问题导向，取得了明显成效。"
    );
}

/// The same label beside two interleaved columns: each row prints a line of one column,
/// the label's line, a line of the other column, so the label's second line comes three
/// rows after its first. Both lines are dropped, and no paragraph holds either.
#[test]
fn a_qr_label_beside_two_interleaved_columns_is_dropped_whole() {
    let out = split_page(
        "基层治理见实效\n\n本报记者 王明\n\n为贯彻落实党中央决策部署，进\n\n\
         社区服务中心的工作人员介绍，\n\n一步做好基层治理工作，今年以\n\n\
         扫码观看\n\n这里每天接待前来办事的居民，\n\n来，我市各级各部门坚持问题导\n\n\
         精彩视频\n\n窗口办理的事项越来越多，群众\n\n向，取得了明显成效。\n\n\
         满意度也在一年年提高。\n",
    );
    for label in ["扫码观看", "精彩视频"] {
        assert_dropped(&out, label);
        let in_text = out
            .articles
            .iter()
            .flat_map(|a| &a.blocks)
            .any(|b| b.text().contains(label));
        assert!(!in_text, "{label:?} read as text: {:#?}", out.articles);
    }
}

/// A page that sets its stories apart by blank lines, and not its paragraphs: a band of
/// two headlines, each with its byline, over their texts printed one after the other.
/// The blank line between the texts is where the second story starts, though neither
/// the first story's last paragraph nor the second's first repeats a title's words.
#[test]
fn a_blank_line_on_a_page_that_sets_only_stories_apart_opens_the_next_story() {
    let out = split_page(
        "山区学校用上智慧课堂\n本报记者 王明\n\n老街改造留住城市记忆\n本报记者 李华\n\n\
         今年秋季开学，县里的山区学校\n全部用上了智慧课堂。\n\
         老师在屏幕上讲课，城里名师的\n课也能同步传到村里。\n\
         智慧课堂让山区学校的孩子们\n看到了更大的世界。\n\
         校长说，学生的成绩明显提高，\n家长们也更放心了。\n\
         下一步，全县还将继续加大投\n入，让更多孩子受益。\n\n\
         走进城东的小巷，青石板路干净\n整洁，两旁商铺生意红火。\n\
         附近居民告诉记者，这里过去\n道路狭窄，雨天积水严重。\n\
         老街改造按照修旧如旧的原则，\n保留了传统建筑的风貌。\n\
         如今，老街成了留住城市记忆的\n地方，游客络绎不绝。\n\
         街道负责人表示，将继续做好\n维护，让老街焕发新活力。\n",
    );
    let by_title = |t: &str| {
        let article = out.articles.iter().find(|a| a.title == t);
        article.unwrap_or_else(|| panic!("no {t:?}: {:#?}", out.articles))
    };
    let school = by_title("山区学校用上智慧课堂");
    let street = by_title("老街改造留住城市记忆");
    assert_eq!(school.authors, ["王明"]);
    assert_eq!(street.authors, ["李华"]);
    let last = school.blocks.last().map(Block::text);
    assert_eq!(last, Some("下一步，全县还将继续加大投入，让更多孩子受益。"));
    let first = street.blocks.first().map(Block::text);
    assert_eq!(
        first,
        Some("走进城东的小巷，青石板路干净整洁，两旁商铺生意红火。")
    );
}

/// A story of nine paragraphs on a page that sets only its stories apart by blank lines,
/// with one of its paragraphs set apart by a blank line all the same (the fifth).
const STORY_WITH_A_PARAGRAPH_SET_APART: &str = "山区学校用上智慧课堂\n本报记者 王明\n\n\
         今年秋季开学，县里的山区学校\n全部用上了智慧课堂。\n\
         老师在屏幕上讲课，城里名师的\n课也能同步传到村里。\n\
         智慧课堂让山区学校的孩子们\n看到了更大的世界。\n\
         校长说，学生的成绩明显提高，\n家长们也更放心了。\n\n\
         一位家长告诉记者，孩子回家后\n常常讲起课上看到的新鲜事。\n\
         下一步，全县还将继续加大投\n入，让更多孩子受益。\n\
         据介绍，今年全县共投入资金三\n千万元，建成教室一百间。\n\
         教育部门还组织了教师培训，\n帮助老师用好新设备。\n\
         不少老师说，新设备用起来方\n便，课堂也更生动了。\n";

/// On such a page, a paragraph a blank line sets apart that no headline takes is still
/// its story's: the story stays whole, and no untitled article is made of its end.
#[test]
fn a_paragraph_set_apart_that_no_headline_takes_stays_with_its_story() {
    let out = split_page(STORY_WITH_A_PARAGRAPH_SET_APART);
    let article = only_article(&out);
    assert_eq!(article.title, "山区学校用上智慧课堂");
    assert_eq!(article.blocks.len(), 9, "{:#?}", article.blocks);
}

/// On such a page, a byline under a story's text set apart by a blank line names the
/// next story's writer, as it would under the story's text printed in one block.
#[test]
fn a_byline_under_text_set_apart_opens_the_next_story() {
    let out = split_page(&format!(
        "{STORY_WITH_A_PARAGRAPH_SET_APART}\n李华\n\n\
         走进城东的小巷，青石板路干净\n整洁，两旁商铺生意红火。\n\
         附近居民告诉记者，这里过去\n道路狭窄，雨天积水严重。\n"
    ));
    let school = &out.articles[0];
    assert_eq!(school.title, "山区学校用上智慧课堂");
    assert_eq!(school.authors, ["王明"], "{:#?}", out.articles);
    assert_eq!(school.blocks.len(), 9, "{:#?}", school.blocks);
    let street = out.articles.get(1);
    assert!(
        street.is_some_and(|a| a.authors == ["李华"]),
        "{:#?}",
        out.articles
    );
    assert_text_opens(street.unwrap(), "走进城东的小巷");
}

/// A head-shaped line as wide as the column opening a block, over a paragraph's first
/// line (short by its lost indent) that goes on, is a headline (here another story's,
/// printed over this one's text): as text it would be a paragraph of one full line that
/// ends no sentence.
#[test]
fn a_full_line_over_a_paragraphs_indented_first_line_is_a_headline() {
    let out = split_page(
        "聚焦航天关键技术创新攻坚\n本报记者 丁志军\n\n链接\n\n\
         广州建设四大生物医药价值园区\n党的十八大以来，我们始\n\
         终聚焦航天技术发展，矢志创\n新攻坚，圆满完成了以中国空\n\
         间站建造为代表的一系列重大\n工程任务。\n",
    );
    let space = out
        .articles
        .iter()
        .find(|a| a.title == "聚焦航天关键技术创新攻坚")
        .unwrap_or_else(|| panic!("{:#?}", out.articles));
    assert_text_opens(space, "党的十八大以来");
}

/// The article's text opens with `start`.
fn assert_text_opens(article: &Article, start: &str) {
    let first = article.blocks.first().map_or("", Block::text);
    assert!(first.starts_with(start), "{:#?}", article.blocks);
}

/// The same shape with a paragraph's short last line under the full line (`级产业集群。`)
/// is text: the full line is that paragraph's, cut off where a story's rest resumes.
#[test]
fn a_full_line_over_a_paragraphs_last_line_stays_text() {
    let out = split_page(
        "广州建设四大生物医药价值园区\n（上接第7版）\n\n\
         力争到2030年形成4000亿元\n级产业集群。\n广州将聚焦生物医药细分\n\
         领域，结合各区资源禀赋、规\n划条件和产业基础，推动四大\n园区错位发展。\n",
    );
    assert_text_opens(only_article(&out), "力争到2030年");
}

/// Nor is a full line a headline when a word runs on from it into the line under it
/// (`…生物技` / `术研究所…`: 技术): it is the text's first line.
#[test]
fn a_full_line_running_a_word_on_stays_text() {
    let out = split_page(
        "瞄准基础研究最前沿\n本报记者 李蕊\n\n\
         记者从中国科学院天津工业生物技\n术研究所获悉，研究员蔡\n\
         韬带领团队在人工合成淀粉领\n域取得了新的突破，实验室里\n\
         的每一次进展都来之不易。\n",
    );
    assert_text_opens(only_article(&out), "记者从中国科学院天津工业生物技术研究所");
}

#[test]
fn an_english_caption_at_the_pages_end_goes_to_the_story_it_shows() {
    // pdftotext prints the photo's caption and credit after the last story; the
    // caption's words name the first one.
    let page = "City opens new library branch\n\nBy Jane Doe\n\n\
                The city opened its newest library branch on Tuesday, bringing books\n\
                and computers to the east side.\n\
                The branch will be open seven days a week.\n\n\
                Storm knocks out power\n\nBy Tom Ward\n\n\
                High winds toppled trees and power lines across the county on Monday\n\
                night, leaving thousands of homes without electricity.\n\n\
                Mayor Ann Lee cuts the ribbon at the new library branch on Tuesday.\n\
                JOHN SMITH/THE DAILY HERALD";
    let out = split_page(page);
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["City opens new library branch", "Storm knocks out power"]
    );
    assert_eq!(
        first_caption(&out.articles[0]),
        Some((
            "Mayor Ann Lee cuts the ribbon at the new library branch on Tuesday.",
            Some("JOHN SMITH/THE DAILY HERALD")
        ))
    );
    assert_eq!(first_caption(&out.articles[1]), None);
}

#[test]
fn a_modern_english_nameplates_date_and_teaser_are_furniture_and_a_credit_closes_a_caption() {
    // Today's papers print the date in lower case under the nameplate, the photo's credit
    // in brackets on the caption's last line, and teasers for other pages.
    let page = "THE DAILY COURIER\nFriday, December 4, 2026\n\n\
                City council OKs new bike lanes\n\nBy TOM WARD\n\n\
                Bicycle lanes will be painted along three downtown streets next spring\n\
                after the City Council voted 5-2 on Thursday to approve the plan.\n\n\
                Cyclists ride along Main Street on Thursday. The city plans to add\n\
                painted lanes on three streets. (Courier photo/Jane Park)\n\n\
                Weather: Sunny, high 48, low 30. Details, A8";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "City council OKs new bike lanes");
    assert_eq!(article.dateline, None);
    assert_dropped(&out, "Friday, December 4, 2026");
    // The teaser at the page's foot sends the reader to another page: no story's text.
    assert_dropped(&out, "Weather: Sunny, high 48, low 30. Details, A8");
    assert_eq!(
        first_caption(article),
        Some((
            "Cyclists ride along Main Street on Thursday. The city plans to add painted \
             lanes on three streets.",
            Some("(Courier photo/Jane Park)")
        ))
    );
}

#[test]
fn a_front_pages_index_is_furniture_but_a_line_of_text_ending_so_is_not() {
    let story = "Council OKs budget\n\nThe City Council passed the budget on Thursday.\n";
    let index = format!("{story}\nObituaries, A4\nSports, B1\nClassifieds, C6");
    let out = split_page(&index);
    assert_eq!(paragraphs_only(&out).len(), 1, "{:#?}", out.articles);
    for line in ["Obituaries, A4", "Sports, B1", "Classifieds, C6"] {
        assert_dropped(&out, line);
    }
    // The same words opening a paragraph that goes on are its text.
    let text = format!("{story}\nObituaries, A4\nof the plan was in the report.");
    let out = split_page(&text);
    assert!(out.dropped.is_empty(), "{:#?}", out.dropped);
}

#[test]
fn a_city_papers_masthead_and_running_head_are_furniture_and_name_the_page() {
    // The paper's name with its Latin one, the registration without colons, the page's
    // label and section with no date, a hotline: none is a story's kicker or title.
    let page = format!(
        "株洲日报 ZHUZHOU DAILY\n\
         2024年11月9日 星期六 农历甲辰年十月初九\n\
         国内统一连续出版物号 CN43-0026 邮发代号 41-3 今日8版\n\
         A02 要闻\n\n{STORY_HEAD}{BODY}\n\n广告热线：0731-22222222"
    );
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.title, "基层治理见实效");
    assert_eq!(article.kicker, None);
    assert_eq!(article.page.as_deref(), Some("A02"));
    for line in [
        "株洲日报 ZHUZHOU DAILY",
        "国内统一连续出版物号 CN43-0026 邮发代号 41-3 今日8版",
        "A02 要闻",
        "广告热线：0731-22222222",
    ] {
        assert_dropped(&out, line);
    }
}

#[test]
fn a_headline_may_ask_a_question_where_blank_lines_set_it_apart() {
    let page = "第06版 民生\n\n小区停车难何时解决？\n\n编辑同志：\n\
                我家住在荷塘区某小区，小区建成已有二十多年，车位严重不足，\n\
                每天晚上下班回家都要绕好几圈才能找到车位，希望有关部门能够重视。\n";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "小区停车难何时解决？");
    assert!(paragraphs_only(&out)[0].starts_with("编辑同志："));
}

#[test]
fn a_readers_letter_is_signed_by_its_reader() {
    // Letters to the editor close on the writer's signature, `读者 NAME`, as a report
    // may close on `（记者 NAME）`: the reader is the letter's author, not a stray line.
    let page = "第06版 民生\n\n小区停车难何时解决？\n\n编辑同志：\n\
                我家住在荷塘区某小区，小区建成已有二十多年，车位严重不足，\n\
                每天晚上下班回家都要绕好几圈才能找到车位，希望有关部门能够重视。\n\
                读者 张华\n";
    let out = split_page(page);
    let article = only_article(&out);
    assert_eq!(article.title, "小区停车难何时解决？");
    assert_eq!(article.authors, ["张华"]);
    assert!(paragraphs_only(&out)[0].ends_with("能够重视。"));
}

#[test]
fn a_series_label_over_an_editors_note_is_the_story_kicker() {
    // The note announces a series whose label it names, and the label, read as a headline,
    // took the note as its text. Note and label belong to the story under them.
    let page = format!(
        "第03版 要闻\n\n编者按：乡村振兴，人才是关键。即\n\
         日起，本报推出“新农人”系列报道，\n敬请关注。\n\n\
         新农人·返乡创业故事\n\n90后姑娘的“稻田梦”\n\n本报记者 王明\n\n{BODY}\n"
    );
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.kicker.as_deref(), Some("新农人·返乡创业故事"));
    assert_eq!(article.title, "90后姑娘的“稻田梦”");
    assert!(
        article.blocks[0].text().starts_with("编者按："),
        "{article:#?}"
    );
}

/// A commentary's last paragraph, its lines as wide as the note on its writer under it.
const COMMENTARY_END: &str = "办好民生实事，关键在于把好事办到\n群众心坎上。要坚持需求导向，多听\n\
                              群众意见，让服务更贴心、更便利。";

#[test]
fn a_note_on_the_writer_closes_the_commentary() {
    // The note says who wrote the piece, under its last paragraph; the column under it
    // (its label dropped) is another writer's piece, signed `（李 华）`.
    for note in [
        "（作者为湖南省社会科学院研究员）",
        "（作者为湖南省社会科学院研究员，\n博士生导师）",
    ] {
        let page = format!(
            "{STORY_HEAD}{BODY}\n{COMMENTARY_END}\n{note}\n\n今日谈\n\n\
             冬日的街头，环卫工人早早开始清\n扫。为环卫工人设置爱心驿站，这样\n\
             的小事，值得点赞。\n（李 华）\n"
        );
        let out = split_page(&page);
        assert_eq!(out.articles.len(), 2, "{note}: {:#?}", out.articles);
        let commentary = &out.articles[0];
        assert_eq!(commentary.authors, ["王明"], "{note}");
        let last = commentary.blocks.last().map(Block::text);
        assert_eq!(last, Some(note.replace('\n', "").as_str()));
        assert_eq!(out.articles[1].authors, ["李华"]);
    }
}

#[test]
fn a_note_on_the_writer_over_the_text_ends_nothing() {
    // Set under the byline, the note opens the text, which goes on under it (with a second
    // paragraph, or alone, where no repair would put the two parts together again).
    let note = "（作者为湖南省社会科学院研究员）";
    for (rest, end) in [
        (format!("\n\n{BODY}"), "明显成效。"),
        (String::new(), "更便利。"),
    ] {
        let page = format!("{STORY_HEAD}{note}\n{COMMENTARY_END}{rest}\n");
        let out = split_page(&page);
        let texts: Vec<&str> = only_article(&out).blocks.iter().map(Block::text).collect();
        assert!(texts.concat().ends_with(end), "{texts:#?}");
    }
}

#[test]
fn a_paragraphs_last_line_exclaiming_stays_text() {
    // A short line closing on `！` under a finished sentence: printed right under it, and
    // set apart on a page that sets every line apart. Through the whole splitter the line
    // stays the story's text; the rules that keep it so are the headline rules' as much
    // as `is_head_shaped`'s guards, which `heads::tests` checks one by one (removing a
    // guard alone leaves this page as it is).
    let under = format!("{STORY_HEAD}{BODY}\n大家热烈祝贺！\n\n{MORE}");
    let double = format!("{STORY_HEAD}{BODY}\n\n大家热烈祝贺！\n\n{MORE}")
        .replace('\n', "\n\n")
        .replace("\n\n\n\n", "\n\n");
    for page in [under, double] {
        let out = split_page(&page);
        let article = only_article(&out);
        assert_eq!(article.title, "基层治理见实效", "{page}");
        assert!(
            paragraphs_only(&out)
                .iter()
                .any(|p| p.ends_with("大家热烈祝贺！")),
            "{page}\n{:?}",
            kinds_of(article)
        );
    }
}

/// A serial's instalment: its title and author, two chapters, and its close.
const SERIAL: &str = "THE MYSTERY OF\nTHE GRAY HOUSE\nBy Anna Katharine Green.\n\
                      CHAPTER XII.\nThe Letter in the Drawer.\n\
                      When Miss Butterworth opened the drawer\n\
                      she found it empty save for a single letter,\n\
                      yellow with age and tied with a faded ribbon.\n\
                      \"So this is what he kept,\" she said.\n\
                      CHAPTER XIII.\nA Visitor at Midnight.\n\
                      It was past twelve when the knock came.\n(To Be Continued.)";

/// A serial's chapters are headings inside its instalment, with their titles; its close
/// (`(To Be Continued.)`) is no text of it, and tells of a later issue, not another page.
#[test]
fn a_serials_chapters_are_headings_and_its_close_is_dropped() {
    let out = split_page(SERIAL);
    let serial = only_article(&out);
    assert_eq!(serial.title, "THE MYSTERY OF THE GRAY HOUSE");
    assert_eq!(
        kinds_of(serial),
        [
            ("heading", "CHAPTER XII. The Letter in the Drawer."),
            ("text", "When Miss"),
            ("heading", "CHAPTER XIII. A Visitor at Midnight."),
            ("text", "It was pa"),
        ],
        "{out:#?}"
    );
    assert!(!serial.continued);
    assert_dropped(&out, "(To Be Continued.)");
    // A chapter without a title heads its text alone.
    let untitled = SERIAL.replace("A Visitor at Midnight.\n", "");
    let out = split_page(&untitled);
    let headings: Vec<(&str, &str)> = blocks_of(only_article(&out))
        .into_iter()
        .filter(|(kind, _)| *kind == "heading")
        .collect();
    assert_eq!(headings[1], ("heading", "CHAPTER XIII."), "{out:#?}");
}

/// A short English story, finished.
const SCHOOL_STORY: &str = "SCHOOL BOARD ELECTS\nNEW SUPERINTENDENT\n\
                            At a special meeting of the school\n\
                            board last evening Prof. C. E. Morgan\n\
                            of Vincennes was elected superintendent\n\
                            of the city schools for the coming year.";

/// A column of want ads under its head (`WANTS`) is advertising: dropped whole, its first
/// label (`WANTED—`) read as no dateline.
#[test]
fn a_column_of_want_ads_is_dropped_whole() {
    let wants = "WANTS\nWANTED—Girl for general housework.\nApply 210 Main street.\n\
                 FOR SALE—Good work horse, cheap.\nInquire at this office.";
    let out = split_page(&format!("{SCHOOL_STORY}\n\n{wants}"));
    assert_eq!(
        titles_and_authors(&out),
        [("SCHOOL BOARD ELECTS NEW SUPERINTENDENT", vec![])]
    );
    for line in ["WANTS", "WANTED—Girl for general housework."] {
        assert_dropped(&out, line);
    }
}

/// A column's items labelled by a dash (`Presbyterian—Services at 11 a. m.`) are
/// paragraphs of their own, though each runs on to the column's edge; the column's head
/// stays a headline after a story, where a fact box's label over colons is the story's.
#[test]
fn items_labelled_by_dashes_are_paragraphs_of_their_own() {
    let notices = "CHURCH NOTICES\nFirst Methodist—Sunday school at 9:45\n\
                   a. m.; preaching at 11 a. m. and 7:30\np. m. by the pastor, Rev. J. W. Hill.\n\
                   Presbyterian—Services at 11 a. m.\nSubject, \"The Open Door.\" Young\n\
                   people's meeting at 6:45 p. m.\nSt. Mary's Catholic—Mass at 8 and\n10 a. m.";
    let out = split_page(&format!("{SCHOOL_STORY}\n\n{notices}"));
    let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles[1], "CHURCH NOTICES", "{out:#?}");
    let firsts: Vec<&str> = paragraphs_of(&out.articles[1])
        .iter()
        .map(|p| p.split('—').next().unwrap())
        .collect();
    assert_eq!(
        firsts,
        ["First Methodist", "Presbyterian", "St. Mary's Catholic"]
    );
}

/// A box's three items under its title, each on a line of its own.
const ITEMS: &str = "◆免费提供饮用热水\n◆免费提供手机充电\n◆免费提供应急药品";

/// A one-word sidebar label (`链接`) under a story's finished text starts the box under it,
/// whose title is a heading and each item a paragraph; the label itself is decoration, as
/// `相关链接` is.
#[test]
fn a_one_word_sidebar_label_under_a_story_starts_its_box() {
    let out = split_page(&format!(
        "{STORY_HEAD}{BODY}\n\n链接\n“暖心驿站”服务内容\n{ITEMS}"
    ));
    let blocks = blocks_of(only_article(&out));
    assert_eq!(
        &blocks[blocks.len() - 5..],
        [
            ("text", "为贯彻落实党中央决策部署，进一步做好基层治理工作，今年以来，我市各级各部门坚持问题导向，取得了明显成效。"),
            ("heading", "“暖心驿站”服务内容"),
            ("text", "◆免费提供饮用热水"),
            ("text", "◆免费提供手机充电"),
            ("text", "◆免费提供应急药品"),
        ],
        "{out:#?}"
    );
    assert_dropped(&out, "链接");
}

/// The word on a line of its own inside a sentence the column broke is the sentence's.
#[test]
fn a_sidebar_word_inside_a_sentence_stays_in_it() {
    let body = "为贯彻落实党中央决策部署，\n进一步做好基层治理工作，今\n问题导向，取得了明显\n链接\n成效。据介绍，全市共排查\n各类风险隐患一千二百余处。";
    let out = split_page(&format!("{STORY_HEAD}{body}"));
    assert_eq!(
        paragraphs_of(only_article(&out)),
        ["为贯彻落实党中央决策部署，进一步做好基层治理工作，今问题导向，取得了明显链接成效。据介绍，全市共排查各类风险隐患一千二百余处。"],
        "{out:#?}"
    );
}

/// A list's items are paragraphs of their own, its first too, though the line before it
/// ends neither a sentence nor with a colon.
#[test]
fn a_lists_first_item_opens_a_paragraph_after_any_line() {
    let intro = "驿站为户外劳动者提供的服务有";
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n{intro}\n{ITEMS}"));
    let paragraphs = paragraphs_of(only_article(&out));
    assert_eq!(
        &paragraphs[paragraphs.len() - 3..],
        ITEMS.lines().collect::<Vec<_>>(),
        "{out:#?}"
    );
}

/// The same word over a blank line and another story's headline labels no box of the
/// story above it: the next story keeps its title and the word is dropped.
#[test]
fn a_one_word_label_over_another_storys_headline_heads_no_box() {
    let next = "云南统筹规范省级\n层面“督检考”事项\n\n本报记者 李华\n\n\
                据介绍，全市共排查各类风\n险隐患一千二百余处，已全部\n完成整改。";
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n链接\n\n{next}"));
    let titles: Vec<_> = titles_and_authors(&out)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        titles,
        ["基层治理见实效", "云南统筹规范省级层面“督检考”事项"]
    );
    assert!(
        blocks_of(&out.articles[0])
            .iter()
            .all(|&(_, text)| text != "链接"),
        "{out:#?}"
    );
    assert_dropped(&out, "链接");
}

/// A city paper's headline may open on a cry (`暖心！`) and wrap: both lines are the title.
#[test]
fn a_headline_opening_on_a_cry_is_one_title() {
    let out = split_page(&format!(
        "暖心！公交司机\n停车救助晕倒老人\n\n本报记者 王明\n\n{BODY}"
    ));
    assert_eq!(
        only_article(&out).title,
        "暖心！公交司机停车救助晕倒老人",
        "{out:#?}"
    );
}

/// A front page's index of teasers (`今日导读` / `▶ A5 …`) sends the reader to other
/// pages: it is dropped, not read as the text of the story above it.
#[test]
fn an_index_of_teasers_for_other_pages_is_dropped() {
    let index = "今日导读\n▶ A5 老旧小区改造进度过半\n▶ A7 冬季供暖今起全面启动";
    let out = split_page(&format!("{STORY_HEAD}{BODY}\n\n{index}"));
    assert_eq!(paragraphs_of(only_article(&out)).len(), 1, "{out:#?}");
    for line in index.lines() {
        assert_dropped(&out, line);
    }
}

/// A running head spread across the page by wide gaps is furniture, not a headline: opened
/// by its page (`A4`, which a teaser opens with too) or by its section (`要闻`).
#[test]
fn a_running_head_spread_by_wide_gaps_is_dropped() {
    for section in ["A4", "要闻"] {
        let head = format!(
            "{section}{}2026年11月28日 星期六 责编 李晓 美编 王芳",
            " ".repeat(37)
        );
        let out = split_page(&format!("{head}\n\n{STORY_HEAD}{BODY}"));
        assert_eq!(only_article(&out).title, "基层治理见实效", "{out:#?}");
        assert_dropped(&out, &head);
    }
}

/// A city paper's header: its page's label over the paper's name, the section's name
/// between the date and the editors' credits. Every line of it is furniture, the page is
/// the label's, and the first story keeps its headline.
#[test]
fn the_words_among_a_pages_header_lines_are_the_headers() {
    for (header, page) in [
        (
            "A05\n\n江城晚报\n2025年12月5日 星期五\n\n城事\n\n责编 刘芳 美编 陈晨",
            "A05",
        ),
        (
            "理论 江城日报\n\n第7版\n\n2025年12月9日 星期二\n\n责任编辑：何静",
            "07",
        ),
        (
            "第6版\n\n人物·专访\n\n江城日报\n2025年12月10日 星期三\n\n责编 罗敏",
            "06",
        ),
    ] {
        let out = split_page(&format!("{header}\n\n{STORY_HEAD}{BODY}"));
        let article = only_article(&out);
        assert_eq!(article.title, "基层治理见实效", "{out:#?}");
        assert_eq!(article.kicker, None, "{header}");
        assert_eq!(article.authors, ["王明"], "{header}");
        assert_eq!(article.page.as_deref(), Some(page), "{header}");
        for line in header.split('\n').filter(|l| !l.is_empty()) {
            assert_dropped(&out, line);
        }
    }
    // An English page's flag in capitals over its dated running head.
    let out = split_page(
        "HEALTH & SCIENCE\n\nSECTION B • THURSDAY, OCTOBER 8, 2026\n\n\
         Rural towns lose their pharmacies, and\npatients pay the price\n\
         At least 14 drugstores have closed in the region since 2019; clinics try mail order\n\
         By MEGAN STOLTZ\nHealth Reporter\n\n\
         When the only pharmacy in Ashford closed its doors in March,\n\
         Linda Carver started driving 34 miles each way to pick up\nher husband's medicine.",
    );
    let article = only_article(&out);
    assert_eq!(
        article.title, "Rural towns lose their pharmacies, and patients pay the price",
        "{out:#?}"
    );
    assert_eq!(article.kicker, None);
    assert_dropped(&out, "HEALTH & SCIENCE");
}

/// An editor's note over a series' kicker and story stays that story's first paragraph,
/// though another story on the page shares more of its words.
#[test]
fn an_editors_note_stays_with_the_story_it_introduces() {
    let note = "编者按 今年以来，各地围绕扩大内需出台了一系列政策举措。本版今起推出“扩内需\n\
                一线观察”栏目，敬请关注。";
    let series = "扩内需一线观察\n\n以旧换新激活消费新动能\n\n本报记者 赵明 陈静\n\n\
                  11月的江苏南京，寒意渐浓，但\n新街口商圈的家电卖场里却人头攒\n\
                  动。市民王女士说。\n\n  记者从江苏省商务厅了解到，今年\n\
                  全省以旧换新累计带动销售额超过\n800亿元。";
    let comment =
        "评论\n\n让政策红利更好惠及百姓\n\n本报评论员\n\n  扩大内需是一项长期战略。各地要\n\
                   把政策落实落细，让群众真正得实惠。";
    let out = split_page(&format!("{note}\n\n{series}\n\n{comment}"));
    let [story, other] = &out.articles[..] else {
        panic!("{out:#?}");
    };
    assert_eq!(story.title, "以旧换新激活消费新动能");
    assert!(paragraphs_of(story)[0].starts_with("编者按"), "{out:#?}");
    assert!(paragraphs_of(other).iter().all(|p| !p.contains("编者按")));
}

/// An old paper's story under its banks: the headline, a deck in title case, a second bank
/// in capitals, the agency's line and the dateline opening the text.
const BANKED_STORY: &str = "STRIKE IS ENDED\nFOR MINE OWNERS\n\n\
    Agreement Reached After All-Night\nSession in Philadelphia.\n\n\
    WORK TO START MONDAY\n\nBy the Associated Press.\n\
    PHILADELPHIA, March 8.—The anthra-\ncite coal strike was ended early today\n\
    when operators and union leaders signed\nan agreement at the hotel.";

/// A bank in capitals under a headline's deck, before any of the story's text, is the
/// headline's (a later bank, dropped as the dev pages' truth drops them), not the
/// headline of a story of its own that takes the text.
#[test]
fn a_bank_in_capitals_under_a_deck_is_the_headlines() {
    let out = split_page(BANKED_STORY);
    let article = only_article(&out);
    assert_eq!(article.title, "STRIKE IS ENDED FOR MINE OWNERS");
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Agreement Reached After All-Night Session in Philadelphia.")
    );
    assert_eq!(article.dateline.as_deref(), Some("PHILADELPHIA, March 8."));
    assert_dropped(&out, "WORK TO START MONDAY");
}

/// A deck in title case set apart under a byline in capitals is the deck, not the
/// writer's credit (`Courier Staff Writer`, right under the byline).
#[test]
fn a_deck_set_apart_under_a_byline_is_no_writers_credit() {
    let page = BANKED_STORY.replace("FOR MINE OWNERS", "BY JOHN SMITH");
    let out = split_page(&page);
    let article = only_article(&out);
    assert_eq!(article.authors, ["JOHN SMITH"]);
    assert_eq!(
        article.subtitle.as_deref(),
        Some("Agreement Reached After All-Night Session in Philadelphia."),
        "{out:#?}"
    );
}

/// A markets report runs its first entries into the dateline's paragraph; the entries
/// opening a line after it (`Hogs—…`, `Cattle—…`) are paragraphs of their own.
#[test]
fn a_reports_entries_after_its_dateline_are_paragraphs() {
    let out = split_page(
        "MARKETS\nChicago, June 9.—Wheat—July, $1.05\n1-4; Sept., $1.07 3-4. Oats—July, 39c.\n\
         Hogs—Receipts 22,000; market strong;\nmixed and butchers, $9.40@9.85.\n\
         Cattle—Receipts 3,000; market steady.",
    );
    let paragraphs = paragraphs_of(only_article(&out));
    assert_eq!(paragraphs.len(), 3, "{out:#?}");
    assert!(paragraphs[1].starts_with("Hogs—") && paragraphs[2].starts_with("Cattle—"));
}

/// A name with an initial after a finished paragraph signs it, unless a dateline follows:
/// then it is the name heading the next obituary, not the last one's writer.
#[test]
fn a_name_over_a_dateline_heads_the_next_obituary() {
    let out = split_page(
        "Mary Ellen Jones\nSPRINGFIELD — Mary Ellen Jones, 84, died Tuesday at her home.\n\
         Services will be at 10 a.m. Saturday at First Methodist Church.\n\n\
         Robert L. Smith\nCHATHAM — Robert L. Smith, 71, of Chatham died Wednesday at\n\
         St. John's Hospital. Arrangements are pending at Staab Funeral Home.",
    );
    assert_eq!(
        titles_and_authors(&out),
        [("Mary Ellen Jones", vec![]), ("Robert L. Smith", vec![])],
        "{out:#?}"
    );
}
