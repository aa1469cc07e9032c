//! Tests of splitting headline blocks into kicker, title and subtitle.

use super::*;

/// The headline of `lines` as printed, Chinese (`cjk`) or English.
fn headline_of(lines: &[&str], cjk: bool) -> Headline {
    let v: Vec<HeadLine> = lines
        .iter()
        .map(|t| (*t, super::super::script::width(t)))
        .collect();
    from_lines(&v, cjk)
}

fn h(lines: &[&str]) -> Headline {
    headline_of(lines, true)
}

/// The title of the Chinese headline `lines`, which must have no subtitle: lines read as
/// one title wrapped.
fn title_alone(lines: &[&str]) -> String {
    let x = h(lines);
    assert_eq!(x.subtitle, None, "{lines:?}");
    x.title
}

/// Distinct pairs are counted once, pairs across a wrapped line count, pairs broken by
/// punctuation are no pairs, and the count stops at the number asked for.
#[test]
fn word_pairs_shared_counts_distinct_pairs() {
    let head = [("口袋公园，公园", 7.0)];
    let text = [("我市新建口袋", 6.0), ("公园一百二十个", 7.0)];
    // 口袋, 袋公, 公园 (twice in the head, once counted); 园，公 is broken.
    assert_eq!(word_pairs_shared(&head, &text, usize::MAX), 3);
    assert_eq!(word_pairs_shared(&head, &text, 2), 2);
    assert!(shares_word_pair(&head, &text));
    assert_eq!(
        word_pairs_shared(&[("基层治理", 4.0)], &text, usize::MAX),
        0
    );
}

/// [`word_pairs_shared`] as first written, over a flattened iterator of adjacent
/// characters: the loops that replaced it must count the same.
fn word_pairs_shared_as_iterators(a: &[HeadLine], b: &[HeadLine], enough: usize) -> usize {
    let adjacent = |lines: &[HeadLine]| -> Vec<(char, char)> {
        let chars: Vec<char> = lines.iter().flat_map(|l| l.0.chars()).collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let mut mine: Vec<(char, char)> = adjacent(a)
        .into_iter()
        .filter(|&(p, c)| is_ideograph(p) && is_ideograph(c))
        .collect();
    mine.sort_unstable();
    mine.dedup();
    let mut seen = vec![false; mine.len()];
    let mut found = 0;
    for pair in adjacent(b) {
        if let Ok(k) = mine.binary_search(&pair) {
            if !seen[k] {
                seen[k] = true;
                found += 1;
                if found >= enough {
                    break;
                }
            }
        }
    }
    found
}

#[test]
fn word_pairs_shared_agrees_with_the_iterators() {
    let heads: [&[HeadLine]; 4] = [
        &[("口袋公园，公园", 7.0)],
        &[("口袋", 2.0), ("公园", 2.0)],
        &[("", 0.0), ("新建", 2.0), ("", 0.0), ("一百二十", 4.0)],
        &[("Park 公", 5.0)],
    ];
    let texts: [&[HeadLine]; 4] = [
        &[("我市新建口袋", 6.0), ("公园一百二十个", 7.0)],
        &[],
        &[("袋", 1.0), ("公", 1.0), ("园", 1.0)],
        &[("公 园 口袋公园口袋", 9.0)],
    ];
    for a in heads {
        for b in texts {
            for enough in [0, 1, 2, 3, usize::MAX] {
                assert_eq!(
                    word_pairs_shared(a, b, enough),
                    word_pairs_shared_as_iterators(a, b, enough),
                    "{a:?} {b:?} {enough}"
                );
            }
        }
    }
}

#[test]
fn kicker_title_subtitle() {
    let x = h(&[
        "曹慧泉在全市打造“三个高地”和实施“八大行动”三季度讲评会上强调",
        "主动作为创新作为高效作为",
        "努力完成全年发展目标任务",
        "陈恢清出席并讲话",
    ]);
    assert!(x.kicker.is_some());
    assert_eq!(x.title, "主动作为创新作为高效作为努力完成全年发展目标任务");
    assert_eq!(x.subtitle.as_deref(), Some("陈恢清出席并讲话"));
    let x = h(&["四县市9大项目", "接受“集中检阅”", "曹慧泉参加"]);
    assert_eq!(x.subtitle.as_deref(), Some("曹慧泉参加"));
    let x = h(&["物尽其用，", "唤醒“沉睡”资产"]);
    assert_eq!(x.subtitle, None);
    // A last line of many more characters is in smaller type: no wrap of the title.
    let x = h(&["基层治理见实效", "全市排查风险隐患一千二百余处"]);
    assert_eq!(
        (x.title.as_str(), x.subtitle.as_deref()),
        ("基层治理见实效", Some("全市排查风险隐患一千二百余处"))
    );
    assert_eq!(h(&["便捷就医", "跨越山海"]).subtitle, None);
    // One title wrapped; a clause too short to be a title's half runs on into the line
    // under it (`用好“金角银边”，建设`).
    for (lines, title) in [
        (["我市推进基层治理", "见实效"], "我市推进基层治理见实效"),
        (
            ["主动作为，保障群众病有所", "医"],
            "主动作为，保障群众病有所医",
        ),
        (
            ["用好“金角银边”，建设", "口袋公园"],
            "用好“金角银边”，建设口袋公园",
        ),
        (
            ["《实施弹性退休制度暂行办", "法》发布"],
            "《实施弹性退休制度暂行办法》发布",
        ),
        (["新职业持续赋能生", "产生活"], "新职业持续赋能生产生活"),
    ] {
        assert_eq!(title_alone(&lines), title);
    }
    for (lines, subtitle) in [
        (["我市推进基层治理", "王明出席"], "王明出席"),
        (["稳中求进，提质增效", "全省经济运行"], "全省经济运行"),
    ] {
        assert_eq!(h(&lines).subtitle.as_deref(), Some(subtitle), "{lines:?}");
    }
    assert!(is_two_part_title("呵护一小 幼有所保"));
    assert!(is_two_part_title("物尽其用，唤醒“沉睡”资产"));
    assert!(!is_two_part_title("陈恢清出席并讲话"));
    assert!(!is_two_part_title("——记株洲市优秀共产党员，老支书王明"));
    assert!(!is_two_part_title("省市领导 出席"));
    // Three sizes: the title, in the largest type, is the shortest line.
    let x = h(&[
        "全市上下凝心聚力抓落实",
        "基层治理见实效",
        "全市排查风险隐患一千二百余处",
    ]);
    assert_eq!(
        (x.kicker.as_deref(), x.title.as_str(), x.subtitle.as_deref()),
        (
            Some("全市上下凝心聚力抓落实"),
            "基层治理见实效",
            Some("全市排查风险隐患一千二百余处")
        )
    );
    let x = h(&[
        "全市上下凝心聚力抓落实",
        "基层治理见实效",
        "排查风险隐患一千余处",
    ]);
    assert_eq!(x.subtitle.as_deref(), Some("排查风险隐患一千余处"));
    let x = h(&[
        "江西资助新生儿参加基本医保",
        "呵护一小 幼有所保",
        "——记一位基层医保工作者",
    ]);
    assert_eq!(x.kicker.as_deref(), Some("江西资助新生儿参加基本医保"));
    assert_eq!(x.title, "呵护一小 幼有所保");
    // Lines of one size are one title, a short line under them its wrap.
    let x = h(&["我市推进基层治理工作", "取得新成效全市排查", "风险隐患"]);
    assert_eq!(x.kicker, None);
    let x = h(&["江西资助新生儿参加基", "本医保——", "呵护一小 幼有所保"]);
    assert_eq!(x.kicker.as_deref(), Some("江西资助新生儿参加基本医保——"));
}

#[test]
fn english_title_and_deck_by_type_size() {
    let x = headline_of(
        &[
            "TO VETO BILL",
            "PRESIDENT DETERMINED TO VE",
            "TO IMMIGRATION BILL UN",
            "LESS THE LITERACY TEST IS",
            "ELIMINATED BY CONGRESS.",
        ],
        false,
    );
    assert_eq!(x.title, "TO VETO BILL");
    assert!(x.subtitle.is_some_and(|s| s.starts_with("PRESIDENT")));
    let x = headline_of(
        &[
            "Grand Jury Completed",
            "Their Work Thursday",
            "Other News from the County Court",
        ],
        false,
    );
    assert_eq!(x.title, "Grand Jury Completed Their Work Thursday");
    let x = headline_of(
        &[
            "NEW FRENCH GOVERNMENT",
            "Premier Briand Says New Govern",
            "ment Will Appear.",
        ],
        false,
    );
    assert_eq!(x.title, "NEW FRENCH GOVERNMENT");
    // A title's second line a third longer than its first is the title still: a deck
    // of one line in smaller type holds half as many characters again.
    let x = headline_of(
        &[
            "MAYOR VETOES",
            "PAVING ORDINANCE",
            "Says Cost Is Too Great for",
        ],
        false,
    );
    assert_eq!(x.title, "MAYOR VETOES PAVING ORDINANCE");
    // Lines of one size are one title, whichever is longest.
    let x = headline_of(
        &[
            "PETROGRAD SAYS GERMANS ARE",
            "TRANSFERRING TROOPS TO",
            "OTHER FRONTS.",
        ],
        false,
    );
    assert_eq!(
        (x.title.as_str(), x.subtitle),
        (
            "PETROGRAD SAYS GERMANS ARE TRANSFERRING TROOPS TO OTHER FRONTS.",
            None
        )
    );
    let x = headline_of(&["AUSTRIAN WOMEN ASK", "PEACE WITH RUSSIANS."], false);
    assert_eq!(x.subtitle, None);
}

/// The index `second_title_at` finds in `lines`, widths as printed.
fn second_title(lines: &[&str]) -> Option<usize> {
    let v: Vec<HeadLine> = lines
        .iter()
        .map(|t| (*t, super::super::script::width(t)))
        .collect();
    second_title_at(&v)
}

#[test]
fn a_line_longer_than_a_wrapped_title_opens_another_title() {
    let opens: &[(&[&str], usize)] = &[
        (&["吉林抚松县增设", "人参产业法庭", "瞄准基础研究最前沿"], 2),
        // Under a kicker's dash, a title of one line.
        (
            &[
                "南京大学物理学院教授杜灵杰——",
                "瞄准基础研究最前沿",
                "干事创业要善于抓“牛鼻子”",
            ],
            2,
        ),
        // A title over the next story's kicker, wrapped in longer lines.
        (
            &[
                "春风吹暖牧民的心",
                "中国航天科技集团八院",
                "科技委常委张崇峰——",
            ],
            1,
        ),
        // …or in one line half as long again as the title: a kicker, not a subtitle.
        (
            &[
                "广州建设四大生物医药价值园区",
                "贵州省黔东南苗族侗族自治州黎平县肇兴侗寨——",
            ],
            1,
        ),
    ];
    for &(lines, at) in opens {
        assert_eq!(second_title(lines), Some(at), "{lines:?}");
    }
    let one_head: &[&[&str]] = &[
        // A wrap no longer than the line above is the same title's.
        &["湖南省残联残健融", "合体验中心启用"],
        // One line over a longer one may be the halves of a two-part title.
        &["干字当头亮点纷呈", "高质量发展成为主旋律"],
        // Set in smaller type, many more characters or opening with a dash: the subtitle.
        &["城东两所", "幼儿园开园", "新增学位九百余个缓解入园难题"],
        &["城东两所新建", "公办幼儿园", "——新增学位九百"],
        // A kicker's dash, a bracket left open: the title goes on (these two lines are
        // half as long again, so the subtitle's test stops them as well).
        &["天津师范大学", "师生调查——", "探寻岁月深处的故事"],
        &["《实施弹性退", "休制度暂行", "办法》正式发布实施"],
        // The lines above end no title: a kicker's dash, a clause mark, a bracket left
        // open, a word broken across the lines. Each case is stopped by its test alone.
        &["天津师范大学", "师生调查——", "探寻岁月深处故事"],
        &["城市更新要留", "住烟火气，", "让居民生活更便利"],
        &["关于《民法典", "婚姻家庭编", "》的司法解释发布"],
        &["新职业持续赋能", "经济社会发", "展取得新成效显著"],
        // Kicker, title and subtitle in three sizes.
        &[
            "全市上下凝心聚力抓落实",
            "基层治理见实效",
            "全市排查风险隐患一千二百余处",
        ],
    ];
    for &lines in one_head {
        assert_eq!(second_title(lines), None, "{lines:?}");
    }
}

/// A blank line parts two titles, or a title and a label under it, unless the line
/// above is a kicker or a label, the line below a place kicker or a subtitle, or a word
/// runs across. Each case that does not part is stopped by its own test alone.
#[test]
fn title_apart_cases() {
    let line = |t: &'static str| (t, super::super::script::width(t));
    let apart = |above, below| title_apart(&[line(above)], line(below));
    assert!(apart("瞄准基础研究最前沿", "一块稻田挣出两份钱"));
    assert!(apart("瞄准基础研究最前沿", "新语"));
    for (above, below) in [
        (
            "中国航天科技集团八院科技委常委张崇峰——",
            "聚焦航天关键技术创新攻坚",
        ),
        ("四川成都", "用好“金角银边”，建设口袋公园"),
        ("我国要把盐碱地变成米粮", "川"),
        ("瞄准基础研究最前沿", "四川成都"),
        ("一块稻田挣出两份钱", "——吉林光东村发展稻田旅游"),
        ("我国要把盐碱地变", "成米粮川的故事"),
    ] {
        assert!(!apart(above, below), "{above} / {below}");
    }
}
