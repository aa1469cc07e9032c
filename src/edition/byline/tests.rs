//! Tests of byline and dateline reading, line by line.

use super::*;
use crate::edition::fixtures::fixture_pages;

#[test]
fn a_lead_mark_counts_only_near_the_start() {
    assert!(may_lead("新华社北京11月8日电 （记者 张三）"));
    assert!(may_lead("株洲日报讯（全媒体记者/陈正明）"));
    assert!(may_lead("央视网消息（记者 王明）："));
    assert!(!may_lead("休息"));
    assert!(may_lead("Chicago, Dec. 12."));
    let far = format!("{}电", "一".repeat(CJK_LEAD_CHARS));
    assert!(!may_lead(&far));
    assert!(may_lead(&far[3..]));
    // A byte equal to a mark's last byte inside another character is no mark.
    assert!(!may_lead("是是是是"));
    assert!(!may_lead(""));
}

/// The groups read off a whole match are the regexes' own groups.
#[test]
fn lead_groups_read_off_the_whole_match_are_the_regex_groups() {
    let cjk = [
        "株洲日报讯（全媒体记者/陈正明 邹家虎） 11月8日上午",
        "新华社北京11月8日电 11 月 8 日下午",
        "据新华社北京1月1日电（记者姜琳）为贯彻",
        "本报讯 （记者 王五）  今天",
        "新华社电（）",
        "本报讯（记者（张三）",
        "中新网北京11月8日电 (记者 张三) 今天",
        "央视网消息（记者 王明）：为贯彻",
        "人民网北京11月8日电：为贯彻",
    ];
    let mut matched = 0;
    for t in cjk {
        let Some(c) = cjk_lead_re().captures(t) else {
            assert!(cjk_lead_re().find(t).is_none(), "{t}");
            continue;
        };
        matched += 1;
        let (lead, _) = split_colon(c.get(0).unwrap().as_str());
        let (end, note) = split_cjk_lead(lead);
        assert_eq!(end, c.get(1).unwrap().end(), "{t}");
        assert_eq!(note.map(|n| n.inner), c.get(2).map(|m| m.as_str()), "{t}");
    }
    assert!(
        matched > 0,
        "no Chinese lead matched: the test checked nothing"
    );
    let latin = [
        "London, Dec. 12. A Copenhagen dispatch",
        "WASHINGTON, March 2.—The school board",
        "WEHRUM, June 9—The resi",
        "Chicago, 111., June 9 -- Unless Col. Roosevelt",
        "PARIS, Dec. 1 ",
    ];
    for t in latin {
        let c = latin_lead_re().captures(t).unwrap();
        let end = split_latin_lead(c.get(0).unwrap().as_str());
        assert_eq!(end, c.get(1).unwrap().end(), "{t}");
    }
}

#[test]
fn a_dateline_note_that_names_no_one_stays_text() {
    // Another column's lines printed inside the note: the dateline stands, the note is
    // body text, and no clause of it passes for a reporter.
    let text = "本报北京2月25日电 （记 会资金注入，平均每项专利成果 者谷业凯）国家知识产权局";
    let b = parse_lead(text).unwrap();
    assert_eq!(b.dateline.as_deref(), Some("本报北京2月25日电"));
    assert!(b.authors.is_empty() && b.residue.is_empty());
    assert!(text[b.len..].trim_start().starts_with("（记 会资金"));
    // Names as reporters are named still: transliterated, and the leader writers'.
    let b = parse_lead("新华社乌鲁木齐3月1日电（记者阿依努尔·吐尔逊）今年").unwrap();
    assert_eq!(b.authors, ["阿依努尔·吐尔逊"]);
    let b = parse_lead("新华社北京3月1日电（新华社评论员）今年").unwrap();
    assert_eq!(b.authors, ["新华社评论员"]);
}

#[test]
fn cjk_datelines() {
    let b = parse_lead("株洲日报讯（全媒体记者/陈正明 邹家虎） 11月8日上午").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("株洲日报讯"));
    assert_eq!(b.authors, ["陈正明", "邹家虎"]);
    assert_eq!(b.residue, "（全媒体记者/）");
    let b = parse_lead("新华社北京11月8日电 11 月 8 日下午").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("新华社北京11月8日电"));
    let b = parse_lead("据新华社北京1月1日电（记者姜琳）为贯彻").unwrap();
    assert_eq!(b.authors, ["姜琳"]);
    assert!(parse_lead("国家电网公司今年").is_none());
    // A box of briefs is labelled with a word ending in 讯, no paper's name.
    assert!(parse_lead("简讯").is_none() && parse_lead("快讯").is_none());
    assert!(!is_name_line("简讯"));
    let b = parse_lead("本报讯（记者 王明 通讯员 李华）今年以来").unwrap();
    assert_eq!(b.authors, ["王明", "李华"]);
    assert_eq!(b.residue, "（记者通讯员）");
    let b = parse_lead("中新网北京11月8日电 (记者 张三) 今天").unwrap();
    assert_eq!(b.authors, ["张三"]);
    assert_eq!(b.residue, "(记者)");
    // Unbracketed reporters, closed by 报道 and a colon, with their labels as residue.
    let text = "本报北京3月5日讯 记者王明、李华报道：连日来";
    let b = parse_lead(text).unwrap();
    assert_eq!(b.authors, ["王明", "李华"]);
    assert_eq!(b.residue, "记者、报道：");
    assert_eq!(&text[b.len..], "连日来");
    // A colon after words that are no reporters' byline leaves the text alone.
    for (text, after) in [
        ("本报讯 据统计，今年以来：连日来", "据统计"),
        ("本报讯 今年以来报道：连日来", "今年以来"),
    ] {
        let b = parse_lead(text).unwrap();
        assert!(b.authors.is_empty(), "{text}");
        assert!(text[b.len..].starts_with(after), "{text}");
    }
}

#[test]
fn a_news_report_lead_and_a_colon_after_the_lead() {
    let b = parse_lead("央视网消息（记者 王明）：为贯彻").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("央视网消息"));
    assert_eq!(b.authors, ["王明"]);
    assert_eq!(b.residue, "（记者）：");
    assert_eq!(&"央视网消息（记者 王明）：为贯彻"[b.len..], "为贯彻");
    let b = parse_lead("据新华社消息 为贯彻").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("据新华社消息"));
    let b = parse_lead("人民网北京11月8日电：为贯彻").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("人民网北京11月8日电"));
    assert_eq!(b.residue, "：");
    let b = parse_lead("本报讯（记者 王明）： 今年以来").unwrap();
    assert_eq!(b.residue, "（记者）：");
    // 消息 is a lead only after an agency or a paper, and only before a break.
    assert!(parse_lead("消息传来，全村沸腾").is_none());
    assert!(parse_lead("据消息人士透露").is_none());
    assert!(parse_lead("新华社消息称为贯彻").is_none());
}

#[test]
fn latin_datelines() {
    let b = parse_lead("London, Dec. 12. A Copenhagen dispatch").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("London, Dec. 12."));
    let b = parse_lead("WASHINGTON, March 2.—The school board").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("WASHINGTON, March 2."));
    let b = parse_lead("WEHRUM, June 9—The resi").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("WEHRUM, June 9"));
    assert!(parse_lead("Some people think banks").is_none());
    let b = parse_dateline_line("N'.-w Orb an. I -a , Dec. 12").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("N'.-w Orb an. I -a , Dec. 12"));
    assert!(parse_dateline_line("The meeting will be held Dec. 12").is_none());
    // OCR reads `Ill.` as `111.`.
    let b = parse_lead("Chicago, 111., June 9—Unless Col. Roosevelt").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("Chicago, 111., June 9"));
    // A wire's credit after the date, with dashes or not; a bracket of text is no credit.
    let text = "WASHINGTON, Dec. 11.—(By the Associated Press.)—The note";
    let b = parse_lead(text).unwrap();
    assert_eq!(
        b.dateline.as_deref(),
        Some("WASHINGTON, Dec. 11.—(By the Associated Press.)")
    );
    assert_eq!(&text[b.len..], "The note");
    let b = parse_lead("LONDON, Dec. 11.—(The cabinet met) today").unwrap();
    assert_eq!(b.dateline.as_deref(), Some("LONDON, Dec. 11."));
    // Today's datelines name no date: a place in capitals, a wire, a dash.
    for (text, dateline) in [
        ("SPRINGFIELD — The city council", "SPRINGFIELD"),
        ("CHICAGO (AP) — A fast-moving storm", "CHICAGO (AP)"),
        (
            "LOS ANGELES, Calif. (Reuters) -- Fires",
            "LOS ANGELES, Calif. (Reuters)",
        ),
        ("WASHINGTON, D.C.—The Senate", "WASHINGTON, D.C."),
        ("NEW YORK (Reuters) - The bridge", "NEW YORK (Reuters)"),
    ] {
        let b = parse_lead(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(b.dateline.as_deref(), Some(dateline), "{text}");
    }
    assert!(parse_lead("The city — and the county — agreed").is_none());
    assert!(parse_lead("He said — and meant it").is_none());
    // A hyphen without a wire before it is no dash: `NEW - The` is no dateline.
    assert!(parse_lead("NEW - The plan").is_none());
}

#[test]
fn byline_lines() {
    let b = parse_line("本报记者 周 欢").unwrap();
    assert_eq!(b.authors, ["周欢"]);
    for (names, want) in [
        ("施 芳 潘俊强", &["施芳", "潘俊强"][..]),
        ("周 欢 李 蕊", &["周欢", "李蕊"][..]),
        ("王 小 明", &["王小明"][..]),
        ("陈正明、周 欢", &["陈正明", "周欢"][..]),
    ] {
        assert_eq!(split_names(names), want, "{names}");
    }
    let b = parse_line("株洲日报全媒体记者/张威").unwrap();
    assert_eq!(b.authors, ["张威"]);
    // Names alone in brackets sign a brief off; a bracketed place or note does not.
    let b = parse_line("（王明、李华）").unwrap();
    assert_eq!(
        (b.authors, b.residue),
        (
            vec!["王明".to_owned(), "李华".to_owned()],
            "（、）".to_owned()
        )
    );
    assert!(parse_line("（江苏苏州）").is_none());
    assert!(parse_line("（上图）").is_none());
    assert!(is_name_line("彭园园"));
    // A column's writer signs with a decoration in front; the mark alone is no name.
    assert!(is_name_line("◎ 陈 静"));
    assert!(is_name_line("□王明"));
    assert!(!is_name_line("◎"));
    assert!(!is_name_line("◎◎王明"));
    // Spaces in front, as a dump indents a name, ideographic ones too.
    assert!(is_name_line("  王明") && is_name_line("\u{3000}周 欢"));
    assert!(!is_name_line(" ◎王明") && !is_name_line(""));
    // The first character is told apart by one comparison only if every decoration lies
    // below the ideographic space.
    assert!(roles::DECORATIONS.iter().all(|&c| c < '\u{3000}'));
    let b = bare_names("◎ 陈 静");
    assert_eq!(
        (b.authors, b.residue),
        (vec!["陈静".to_owned()], "◎".to_owned())
    );
    assert!(!is_name_line("陈恢清致辞了吗们"));
    assert!(!is_name_line("链接"));
    // A province and a city, as a kicker names a story's place; a three-character
    // name may open like a province.
    assert!(!is_name_line("江苏苏州"));
    assert!(is_name_line("江西平"));
    assert!(is_credit("株洲日报全媒体记者/杨凌凌 摄"));
    assert!(is_credit("严米金摄"));
    assert!(is_credit("（本报记者 王明 摄）"));
    assert!(is_credit("图/王明"));
    assert!(is_credit("图：王 明 李华"));
    // The writer's own pictures (`图/文`) are a byline; a label over text is no credit.
    assert!(!is_credit("图/文 王明"));
    assert!(!is_credit("图：村民在田间劳作"));
    // A courtesy credit; text about pictures provided is no credit.
    assert!(is_credit("本版图片均由受访者提供"));
    assert!(is_credit("（图片由新华社提供）"));
    assert!(!is_credit("图片显示，该地区为游客提供"));
    // A wire's or the paper's correspondent's credit; a wire's name alone on its line
    // credits the story too, as `(By …)` did.
    for line in [
        "(Special to The Enterprise.)",
        "(Special Correspondence.)",
        "(Special.)",
        "Special Dispatch to The Post.",
        "(By Associated Press.)",
        "[By Associated Press.]",
        "[Special to The Enterprise.]",
        "[Special.]",
        "The Associated Press",
        "THE ASSOCIATED PRESS",
        "REUTERS",
    ] {
        let b = parse_line(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(b.dateline.as_deref(), Some(line));
        assert!(is_wire_credit(line), "{line}");
    }
    assert!(parse_line("Freedom of the Press").is_none());
    // An English picture's credit under its caption.
    for line in [
        "JOHN SMITH/THE DAILY HERALD",
        "John Smith / The Daily Herald",
        "MARTA SILVA | TRIBUNE",
        "AP Photo/Evan Vucci",
        "(REUTERS/Kevin Lamarque)",
        "Photo by John Smith",
        "STAFF PHOTO BY ANN LEE",
        "Photo courtesy of the city",
        "Chip Somodevilla/Getty Images",
        "Getty Images",
        "(Courier photo/Jane Park)",
        "Jane Park/Staff photo",
        "(Courier file photo)",
        "AP Photo",
        "Staff photo",
        "Submitted photo",
        "DAILY HERALD FILE PHOTO",
    ] {
        assert!(is_photo_credit(line), "{line}");
    }
    // Its credit closing an English caption's last line.
    let line = "painted lanes on three streets. (Courier photo/Jane Park)";
    assert_eq!(trailing_photo_credit(line), Some(line.find('(').unwrap()));
    for line in [
        "said Sen. John Cornyn (R-Texas)",
        "said the mayor (AP Photo/Evan Vucci)",
        "the two agreed. (photo/video)",
    ] {
        assert_eq!(trailing_photo_credit(line), None, "{line}");
    }
    for line in [
        "and/or the city council",
        "A2 | THE DAILY HERALD | TUESDAY",
        "The vote was 5/2 in favour",
        "Photo by",
        "Senate passes highway bill",
        "He said, \"Photo/Video rules apply.\"",
        "photo/video",
        "Courier photo/video",
        "photo",
        "a family photo",
        "Hale showed the reporter a family photo",
        "The first 100 photo",
    ] {
        assert!(!is_photo_credit(line), "{line}");
    }
    assert!(parse_line("The Associated Pressmen").is_none());
    assert!(parse_line("Special prices on all canned goods this week").is_none());
    // The end of a headline in capitals.
    for line in [
        "BY DEATH",
        "BY DEATH '",
        "BY A TRAIN",
        "BY HIS OWN HAND",
        "BY CONGRESS.",
    ] {
        assert!(parse_line(line).is_none(), "{line}");
    }
    assert!(is_credit("新华社发"));
    assert!(is_credit("王明 摄影"));
    assert!(is_credit("资料图片"));
    assert!(is_credit("（资料图片）"));
    assert_eq!(enclosed("（新华社发）"), Some(("（", "新华社发", "）")));
    assert_eq!(enclosed("(记者 王明)"), Some(("(", "记者 王明", ")")));
    assert_eq!(enclosed("（新华社发"), None);
    assert!(!is_credit("图片"));
    assert_eq!(trailing_credit("村民在排队做检查。（资料图片）"), Some(27));
    assert_eq!(trailing_credit("村民在排队做检查。王明 摄影"), Some(27));
    assert!(is_credit("本报记者 王明 摄影"));
    assert!(!is_credit("某单位价值15.3万元的25件摄影"));
    assert!(is_credit("受访者供图"));
    assert!(!is_credit("他说，这是社发"));
    let caption = "村民在巡回诊疗车里做检查。本报记者 王明 摄";
    assert_eq!(
        trailing_credit(caption).map(|k| &caption[k..]),
        Some("本报记者 王明 摄")
    );
    let caption = "图为村民在做检查。（新华社发）";
    assert_eq!(
        trailing_credit(caption).map(|k| &caption[k..]),
        Some("（新华社发）")
    );
    assert_eq!(trailing_credit("他拿起相机拍摄"), None);
    assert_eq!(trailing_credit("记者在现场看到，他们正在拍摄。"), None);
    for (line, name, residue) in [
        ("By JOHN SMITH.", "JOHN SMITH", "By ."),
        (
            "By John Smith, Staff Correspondent.",
            "John Smith",
            "By , Staff Correspondent.",
        ),
        ("(By John Smith)", "John Smith", "(By )"),
        ("By J. P. SMITH", "J. P. SMITH", "By "),
        ("By J. P.", "J. P.", "By "),
        ("BY JOHN W. SMITH", "JOHN W. SMITH", "BY "),
        (
            "By Jane Doe | Staff Writer",
            "Jane Doe",
            "By  | Staff Writer",
        ),
    ] {
        let b = parse_line(line).unwrap();
        assert_eq!(
            (b.authors[0].as_str(), b.residue.as_str()),
            (name, residue),
            "{line}"
        );
    }
}

#[test]
fn an_english_byline_names_each_writer() {
    for (line, names, residue) in [
        (
            "By Jane Doe and Tom Ward | Staff Writers",
            &["Jane Doe", "Tom Ward"][..],
            "By and | Staff Writers",
        ),
        (
            "BY JANE DOE AND TOM WARD",
            &["JANE DOE", "TOM WARD"],
            "BY AND",
        ),
        ("By Ann Lee & Bo Li", &["Ann Lee", "Bo Li"], "By &"),
        ("By Jane Doe", &["Jane Doe"], "By"),
        ("By Ludwig van Hoven", &["Ludwig van Hoven"], "By"),
        ("By Mrs. Sean O'Brien", &["Mrs. Sean O'Brien"], "By"),
    ] {
        let b = parse_line(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(b.authors, names, "{line}");
        let squeezed: Vec<&str> = b.residue.split_whitespace().collect();
        assert_eq!(squeezed.join(" "), residue, "{line}");
    }
}

#[test]
fn a_by_before_words_that_are_no_name_is_no_byline() {
    for line in [
        "By virtue of an execution issued out",
        "By order of the Board of Directors.",
        "By Order of the Council",
        "By John Smith and the committee",
        "By way of Chicago",
    ] {
        assert_eq!(parse_line(line), None, "{line}");
    }
}

#[test]
fn a_signers_office_is_no_name() {
    for (line, names, residue) in [
        ("JOHN DOE, Sheriff.", &["JOHN DOE"][..], ", Sheriff."),
        (
            "W. H. BROWN, County Clerk.",
            &["W. H. BROWN"],
            ", County Clerk.",
        ),
        (
            "JOHN DOE, Sheriff, Marion County.",
            &["JOHN DOE"],
            ", Sheriff, Marion County.",
        ),
        // Names in the same hand after the comma are names, and so is what follows it in
        // lower case.
        ("JOHN DOE, jr.", &["JOHN DOE, jr"], "."),
        ("John Smith, Jane Doe", &["John Smith, Jane Doe"], ""),
        ("JOHN SMITH, JANE DOE.", &["JOHN SMITH, JANE DOE"], "."),
    ] {
        let b = bare_latin_names(line);
        assert_eq!(b.authors, names, "{line}");
        assert_eq!(b.residue, residue, "{line}");
    }
}

#[test]
fn surnames_are_looked_up_as_listed() {
    assert!(SURNAMES.chars().all(is_surname));
    // The bit set holds the list and nothing else, whatever the character.
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(is_surname(c), SURNAMES.contains(c), "{c:?}");
    }
    // Labels' first characters, and characters sorting before and after the list's.
    assert!(!['链', '新', '一', '\u{9fff}', 'A']
        .into_iter()
        .any(is_surname));
}

#[test]
fn signatures() {
    let b = parse_signature("P. R. FLINT.").unwrap();
    assert_eq!(
        (b.authors[0].as_str(), b.residue.as_str()),
        ("P. R. FLINT", ".")
    );
    let b = parse_signature("Harry W. Fee, P. M.").unwrap();
    assert_eq!(
        (b.authors[0].as_str(), b.residue.as_str()),
        ("Harry W. Fee, P. M.", "")
    );
    assert!(parse_signature("H. A. JOHNSON").is_some());
    for l in [
        "J. F. Murray left yesterday for",
        "Dom. Madaline, Murder.",
        "WEHRUM, June 9",
        "Clyde Akin.",
        "German Government Says U. S. Has",
        "R. Calhoun, Edna Cunningham,",
    ] {
        assert!(parse_signature(l).is_none(), "{l}");
    }
}

#[test]
fn a_sign_off_closing_a_paragraphs_last_line() {
    let line = "500余名市民参加。（张华）";
    assert_eq!(trailing_sign_off(line), Some(line.find('（').unwrap()));
    assert!(trailing_sign_off("正式启用。（本报记者 李华）").is_some());
    for l in [
        "（张华）",                // a line of its own: a byline
        "500余名市民参加（张华）", // no sentence end before it
        "文件已印发。（见第3版）", // no name inside
        "共排查隐患一千余处。（图①）",
    ] {
        assert!(trailing_sign_off(l).is_none(), "{l}");
    }
}

/// Every line of the test fixtures, and every line joined with the next (as a dateline
/// wrapped onto the next line is read): the inputs on which the cheap pre-tests must agree
/// with what they spare.
fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for page in fixture_pages() {
        let lines: Vec<&str> = page.lines().collect();
        texts.extend(lines.iter().map(|l| (*l).to_owned()));
        texts.extend(lines.windows(2).map(|w| w.concat()));
    }
    assert!(texts.len() > 1000, "too few fixture lines: {}", texts.len());
    texts
}

/// Strings over a few characters that matter to a pre-test, every one up to `short`
/// characters long and `random` longer ones up to `long` characters (a fixed generator,
/// so a failure repeats).
fn strings_over(alphabet: &[char], short: usize, random: usize, long: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut level = vec![String::new()];
    for _ in 0..short {
        level = level
            .iter()
            .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{c}")))
            .collect();
        out.extend(level.iter().cloned());
    }
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    for _ in 0..random {
        let len = next(long + 1);
        out.push((0..len).map(|_| alphabet[next(alphabet.len())]).collect());
    }
    out
}

/// Asserts that the cheap `pre_test` passes every one of `texts` the `full` test does, and
/// that both had work to do: many texts pass the full test, and the pre-test spares many.
fn assert_spares_only_misses(
    texts: impl Iterator<Item = String>,
    pre_test: impl Fn(&str) -> bool,
    full: impl Fn(&str) -> bool,
) {
    let (mut hits, mut spared) = (0, 0);
    for t in texts {
        let passes = pre_test(&t);
        if full(&t) {
            assert!(passes, "the pre-test turns away {t:?}");
            hits += 1;
        } else if !passes {
            spared += 1;
        }
    }
    assert!(hits > 100 && spared > 1000, "{hits} hits, {spared} spared");
}

#[test]
fn the_cjk_lead_mark_test_turns_away_no_lead() {
    let alphabet = [
        '据', '社', '报', '电', '讯', '消', '息', '一', ' ', '（', '）', '：',
    ];
    let texts: Vec<String> = fixture_texts()
        .into_iter()
        .chain(strings_over(&alphabet, 5, 50_000, 40))
        .collect();
    // `is_lead_joined` counts on it letting through only what `may_lead` does.
    for t in &texts {
        assert!(!has_cjk_lead_mark(t.chars()) || may_lead(t), "{t:?}");
    }
    assert_spares_only_misses(
        texts.into_iter(),
        |t| has_cjk_lead_mark(t.chars()),
        |t| cjk_lead_re().is_match(t),
    );
    assert!(!has_cjk_lead_mark("国家电网公司".chars()));
    assert!(!has_cjk_lead_mark("通讯员 李华".chars()));
}

#[test]
fn a_lead_joined_is_the_lead_of_the_joined_text() {
    for (first, second) in [
        ("新华社长沙11", "月8日电 今天"),
        ("央视网消", "息（记者 王明）：为贯彻"),
        ("WASHINGTON, Ma", "rch 2.—The school"),
        ("国家电", "网公司今年"),
        ("", "本报讯 今天"),
        ("", ""),
    ] {
        assert_eq!(
            is_lead_joined(first, second),
            is_lead(&format!("{first}{second}")),
            "{first}|{second}"
        );
    }
    // And every line of the fixtures with the one after it, dozens of which read as a
    // lead (wrapped or not).
    let mut leads = 0;
    for page in fixture_pages() {
        let lines: Vec<&str> = page.lines().collect();
        for w in lines.windows(2) {
            let joined = is_lead_joined(w[0], w[1]);
            assert_eq!(joined, is_lead(&w.concat()), "{}|{}", w[0], w[1]);
            leads += usize::from(joined);
        }
    }
    assert!(
        leads > 50,
        "only {leads} leads among the fixtures' line pairs"
    );
}

#[test]
fn the_credit_pre_test_turns_away_no_credit() {
    let alphabet = [
        '图', '摄', '影', '供', '发', '社', '片', '资', '料', '提', '（', '）', '(', ')', '/',
        '：', '王', '明', ' ', '。',
    ];
    // Every form of credit, each end of it once in its own line.
    let forms = [
        "照片由作者提供",
        "本版图片均由受访者提供",
        "资料照片",
        "王明 摄影",
        "新华社发",
        "受访者供图",
        "严米金摄",
        "摄影：王明",
        "图／王明",
        "（本报记者 王明 摄）",
        "(新华社发) ",
    ];
    let texts = fixture_texts()
        .into_iter()
        .chain(forms.iter().map(|f| (*f).to_owned()))
        .chain(strings_over(&alphabet, 4, 100_000, 12));
    assert_spares_only_misses(texts, may_be_credit, reads_as_credit);
}

#[test]
fn a_dateline_whose_figures_pdftotext_spaced_is_read() {
    for text in [
        "新华社北京 12 月 4 日电（记者 王希文 魏晓坤）国家统计局4日发布数据",
        "新华社北京 12 月 4 日电 国家统计局4日发布数据",
        "本报长沙 3 月 5 日电（记者 王明）",
    ] {
        let lead = parse_lead(text).unwrap_or_else(|| panic!("{text}"));
        assert!(
            lead.dateline
                .as_deref()
                .is_some_and(|d| d.ends_with("日电") && !d.contains(' ')),
            "{lead:?}"
        );
    }
    // A space beside no figure still ends the place: `国家 电网` is no dateline.
    assert!(parse_lead("新华社 北京电 国家统计局").is_none());
}
