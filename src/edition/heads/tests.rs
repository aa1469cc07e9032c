//! Tests of headline detection, on pages classified whole.

use super::is_head_shaped;
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
    let body = "\n\n每天晚饭后，家住狮山商务创新\n区的林女士，都要到楼下的环\n山河口袋公园散步。";
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

/// A headline's first line may end on a comma (`加强创新，` / `促进旅游业可持续发展`), its
/// last never does: a line ending on one over a byline is a clause the column cut, not
/// the headline the byline vouches for.
#[test]
fn a_line_ending_on_a_comma_over_a_byline_is_no_headline() {
    let body = "本报南宁3月19日电 （记者庞革平）3月18日，搭载着\n720余名旅客的银发赏花专列，从湛江站缓缓驶出。";
    let cut = format!("由此可见，在事物发展过程中，\n决定整体发展程度。\n车厢的硬件设施进行适老化改造，\n\n本报记者 丁志军\n{body}");
    let page = classify(to_lines(&cut), true);
    assert_eq!(page.roles[3], Role::Byline);
    assert_ne!(page.roles[2], Role::Head);
    let wrapped = format!("由此可见，在事物发展过程中，\n决定整体发展程度。\n\n加强创新，\n促进旅游业可持续发展\n本报记者 丁志军\n{body}");
    let page = classify(to_lines(&wrapped), true);
    assert_eq!(&page.roles[2..4], &[Role::Head; 2]);
}

/// A kicker's dash leads into the title under it, even where the dump double-spaces its
/// lines and so tells no block for the title to open. Not a dash inside a sentence, whose
/// line goes on from the line above.
#[test]
fn the_line_under_a_kickers_dash_is_its_title() {
    let text = "第17版\n\n编辑 彭园园 美编 李蕊\n\n中国地震局工程力学研究所研究员马强——\n\n\
                努力提升地震预警水平\n\n【链接】\n\n聚焦航天关键\n技术创新攻坚\n\n\
                本报记者 庞革平\n\n本报记者 丁志军\n\n地震预警是利用地震波传播需要\n\
                一定时间的原理，用科技和地震波\n“赛跑”，为人们争取应急避险的机\n\
                会。我从事地震预警技术研究。\n";
    let page = classify(to_lines(text), true);
    let role = |needle: &str| {
        let k = page.lines.iter().position(|l| l.text.contains(needle));
        page.roles[k.expect(needle)]
    };
    assert_eq!(role("马强——"), Role::Head);
    assert_eq!(role("努力提升地震预警水平"), Role::Head);

    let inside = "一次实验中观察到的全新物理现象，让我\n触碰到世界科学前沿领域——\n\
                  引力子物理在凝聚态物质中的\n实现。当时，很多科学家向这个领域发起挑战。";
    let page = classify(to_lines(inside), true);
    assert_eq!(&page.roles[1..3], &[Role::Body; 2]);

    // A paragraph that opens on a dash: the line under it runs a word on (治理).
    let opening = "已全部完成。\n各地积极探索——\n以数字技术赋能乡村治\n\
                   理，取得了明显成效，群众满意度持续提升。";
    let page = classify(to_lines(opening), true);
    assert_ne!(page.roles[2], Role::Head, "{:?}", page.roles);
}

/// The tail of a block of text printed right over another story's byline is no headline:
/// the column line above it leaves its sentence open and a word runs across the break
/// (高原蓝 / 宝石). Set apart from that line, the same words set solid head the byline
/// (stretched by layout spaces, they are a column's line however set apart).
#[test]
fn a_text_blocks_tail_over_a_byline_is_no_headline() {
    let text = "春风吹暖牧民的心\n本报记者 潘 妙\n\n周欢\n\n把盐碱地变成米粮川\n\n\
                高原春来到，冰封的高原蓝\n宝石青海湖 迎 来 开 湖\n\n本报记者 窦 皓\n\n\
                季，青海省海北藏族自治州刚察\n\n县“开湖”活动即将举行。青海湖\n\
                北岸的风，一直吹到沙柳河镇。\n\n“才开春，一点都没闲着。”\n\
                索南才夫旦从山上下来，进入果\n洛藏贡麻村村委会，产业促进工\n\
                作队成员们正在等着他。队长俄\n藏加一脸兴奋：“知道我们的‘贡\n\
                洛藏’牛羊肉昨天直播卖了多少\n单吗？”";
    let page = classify(to_lines(text), true);
    assert_eq!(page.lines[5].text, "宝石青海湖 迎 来 开 湖");
    assert_eq!(&page.roles[4..7], &[Role::Body, Role::Body, Role::Byline]);
    let apart = text.replace(
        "高原蓝\n宝石青海湖 迎 来 开 湖",
        "高原蓝\n\n宝石青海湖迎来开湖",
    );
    let page = classify(to_lines(&apart), true);
    assert_eq!(page.roles[5], Role::Head, "set apart");
    // Only the tail's own block is text: the byline's headline set apart below it stays.
    let below = "教育家精神2025年\n巡回宣讲活动启动\n\n本报北京2月25日电 （记者\n\
                 闫伊乔）2月25日，教育部在京举\n行教育家精神2025年巡回宣讲活\n\n\
                 努力提升地震预警水平\n庞革平\n\n动首场报告会。此次巡回宣讲活动\n\n\
                 由基础教育、职业教育、高等教\n育、特殊教育等领域的时代楷模、\n\
                 全国教书育人楷模、全国“最美教\n师”、全国模范教师、全国优秀教\n\
                 师、全国高校黄大年式教师团队负\n责人等优秀教师代表共25人组\n\n\
                 地震预警是利用地震波传播需\n要一定时间的原理，用科技和地震\n\
                 波“赛跑”，为人们争取应急避险的\n机会。我从事地震预警技术研究。";
    let page = classify(to_lines(below), true);
    assert_eq!(page.lines[5].text, "努力提升地震预警水平");
    assert_eq!(
        &page.roles[4..7],
        &[Role::Body, Role::Head, Role::Byline],
        "below"
    );
}

/// A headline's wrapped last line keeps its place under the byline's other headlines
/// though a word runs into it: the line above is narrower than the columns, a headline's
/// first line (`加强创新，促进旅` / `游业可持续发展`), not a column's line left open.
#[test]
fn a_headline_wrapped_mid_word_keeps_its_last_line() {
    let wrapped = "快评\n\n摩纳哥、德国、新加坡\n探索旅游业新模式——\n\n四川成都\n\n加强创新，促进旅\n游业可持续发展\n\
                   \n教育家精神2025年\n巡回宣讲活动启动\n\n用好“金角银边”，\n建设口袋公园\n本报记者 周 欢\n\n\
                   张驰\n\n近年来，随着环境保护意识的\n不断提升，游客对绿色出行、可持\n续旅游的认可度持续增长。 记\n\
                   者 走 访 发 现 ， 摩 纳\n哥、德国、新加坡等国家积极创新\n旅游业发展模式，践行环境、社\n\
                   会、治理理念，促进旅游业更好实\n现可持续发展。\n\n兼顾旅游品质与环境责任\n摩纳哥南侧面向地中海，是世\n\
                   界面积第二小国家。旅游业在其经\n济中占比约10%。尽管游客络绎不\n绝，但无论是城市中心还是海边景\n\
                   区，这里的环境都干净整洁，城市\n植被覆盖率达到20%，整个国家宛\n如一座巨大的公园。";
    let page = classify(to_lines(wrapped), true);
    assert_eq!(page.lines[5].text, "游业可持续发展");
    assert_eq!(page.roles[5], Role::Head);
}

/// Bylines of two headlines set one over the other stack under them: a bare name set
/// apart from the headline, opening the block of the byline under it, is the upper
/// headline's byline, not a headline line.
#[test]
fn a_bare_name_opening_a_bylines_block_is_a_byline() {
    let text = "游客一年更比一年多\n莫让“假自杀”淹没“真求助”\n\n曲哲涵\n本报记者 窦 皓\n\
                6年前，嬴勇秀东拼西凑200万元，把自家木房改成民\n宿，左邻右舍一片质疑；6年来，住店游\n\
                客越来越多，不少村民动了心。";
    let page = classify(to_lines(text), true);
    assert_eq!(
        &page.roles[..4],
        &[Role::Head, Role::Head, Role::Byline, Role::Byline]
    );
    assert_eq!(page.roles[4], Role::Body);
}

/// A block's two lines under a byline, the second stretched to the column by layout
/// spaces, are the story's first lines, not a second headline; a title whose every
/// character is spaced out for display is still a headline.
#[test]
fn a_line_stretched_to_its_column_is_no_headline() {
    let text = "努力提升地震预警水平\n庞革平\n\n地震预警是利用地震波传\n播 需 要 一 定 时 间的\n\n\
                原理，用科技和地震波赛跑。\n得益于国家对防灾减灾救\n灾科技创新的重视，我们\n\
                团队的研究进展很快。";
    let page = classify(to_lines(text), true);
    assert_eq!(page.roles[0], Role::Head);
    assert_eq!(&page.roles[2..4], &[Role::Body; 2]);
    let spaced = text.replace("努力提升地震预警水平", "新 春 走 基 层");
    let page = classify(to_lines(&spaced), true);
    assert_eq!(page.roles[0], Role::Head, "a title spaced for display");
}

/// A headline over a jump-from line may be as wide as the column and hold a comma when a
/// byline signs it under the jump line; with the text right under the jump line, such a
/// line is the column's, cut there.
#[test]
fn a_column_wide_line_over_a_jump_and_a_byline_titles_the_rest() {
    let column = "去年以来，景区围绕山水资源做\n文章，引来了四面八方的游客，\n\
                  让村里的民宿一房难求。村民们\n说，日子越过越有奔头了，大家\n\
                  都很高兴，也都愿意把自家的小\n院收拾得干干净净，迎接远道而\n来的客人。\n\n";
    let rest = "湖环湖绿道，再到大家赏花、品\n茶的人民公园，各类公园数量超\n过了千个。";
    let head = "用好“金角银边”，建设口袋公园";
    let signed = format!("{column}{head}\n（上接第2版）\n\n本报记者 窦 皓\n{rest}");
    let page = classify(to_lines(&signed), true);
    let jump = page.roles.iter().position(|&r| r == Role::Jump).unwrap();
    assert_eq!(page.roles[jump - 1], Role::Head);
    assert_eq!(page.roles[jump + 1], Role::Byline);
    let unsigned = format!("{column}{head}\n（上接第2版）\n\n{rest}");
    let page = classify(to_lines(&unsigned), true);
    let jump = page.roles.iter().position(|&r| r == Role::Jump).unwrap();
    assert_eq!(page.roles[jump - 1], Role::Body);
}

/// A short line set apart under one story's byline, over full lines of text, is the next
/// story's headline: that text would open with a line short by its indent at most. A
/// line ending on a comma, or whose words the text under it speaks (a subhead), is not;
/// nor one over lines as short as itself (the rows of a narrower column).
#[test]
fn a_short_line_under_a_byline_over_full_text_is_a_headline() {
    let page_with = |line: &str| {
        format!(
            "用好“金角银边”，\n建设口袋公园\n本报记者 周 欢\n\n{line}\n\
             我国盐碱地多，开展盐碱地综合改造\n利用意义重大。2006年，我回国\n\
             加入中国农业大学，就一心扑到盐碱\n地治理上。我们把实验室搬到田间地\n\
             头，研发出能改善盐碱土壤结构的新\n型改良剂。"
        )
    };
    let role_of = |line: &str| classify(to_lines(&page_with(line)), true).roles[3];
    assert_eq!(role_of("努力提升地震预警水平"), Role::Head);
    assert_eq!(role_of("努力提升地震预警，"), Role::Body, "a clause's end");
    assert_eq!(role_of("盐碱地综合改造利用"), Role::Body, "a subhead");
    let narrow = page_with("努力提升地震预警水平").replace(
        "我国盐碱地多，开展盐碱地综合改造\n",
        "过去十五年，我一直专注\n基础研究，一次实验中观\n",
    );
    let page = classify(to_lines(&narrow), true);
    assert_eq!(page.roles[3], Role::Body, "over a narrower column");
}

/// A line closing on a question mark may be a headline only where a blank line sets it
/// apart on a page whose blank lines set blocks apart: elsewhere it is a paragraph's
/// last line (`热烈祝贺！`), which a double-spaced or row-interleaved page sets apart too.
#[test]
fn a_question_is_head_shaped_only_set_apart_among_blocks() {
    let text = "第06版 民生\n\n小区停车难何时解决？\n\n编辑同志：\n\
                我家住在荷塘区某小区，小区建成已有二十多年，车位严重不足。\n";
    let mut page = classify(to_lines(text), true);
    let k = page
        .lines
        .iter()
        .position(|l| l.text == "小区停车难何时解决？")
        .unwrap();
    // Asked as the headline rules ask it, of a line still read as text.
    page.roles[k] = Role::Body;
    // As the reading-order stage finds a page this short (`classify` assumes the worst).
    page.may_interleave = false;
    assert!(is_head_shaped(&page, k));
    page.may_interleave = true;
    assert!(!is_head_shaped(&page, k), "rows interleaved");
    page.may_interleave = false;
    page.double_spaced = true;
    assert!(!is_head_shaped(&page, k), "every line set apart");
    page.double_spaced = false;
    page.lines[k].blank_before = false;
    page.roles[k - 1] = Role::Body;
    assert!(!is_head_shaped(&page, k), "under a line of text");
    // Nor does a second sentence mark or a clause mark before it make one.
    page.lines[k].blank_before = true;
    for text in ["停车难。何时解决？", "车位少，何时解决？"] {
        page.lines[k].text = text;
        assert!(!is_head_shaped(&page, k), "{text}");
    }
}
