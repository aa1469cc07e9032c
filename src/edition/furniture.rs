//! Page furniture and jump lines: text a reader does not read as part of any article.
//!
//! Recognised by newspaper conventions only: dates with weekdays, `第N版`/`第 N 页` (with
//! the section: `第3版 要闻`), `今日8版`, editor credits (`编辑 … 美编 … 校对 …`,
//! `本版责编：…`), where to write to the editors (`本版投稿邮箱：…`) or call them
//! (`广告热线：…`), the masthead's registration (`邮发代号：41-5`, `邮发代号 41-3`), a
//! publication name with its page, QR-code labels (`扫码观看`), and the jump lines
//! `（下转第3版）` / `（上接第1版）` / `(Continued on Page Two)`. English mastheads are
//! recognised by the same kind of form: `VOLUME III —No. 24`, `NUMBER 57.`, a dateline in
//! capitals with its weekday and year (`ARDMORE, OKLA., TUESDAY, DECEMBER 12, 1916.`),
//! `Published Weekly by …`, `FIVE CENTS`, the page's number (`PAGE THREE`).
//! It does not look at context beyond one line.

use std::sync::OnceLock;

use regex::Regex;

use super::byline::MONTHS;
use super::meta::{normalize_page, page_number};
use super::script::{holds_either, is_capitals, is_ideograph};

/// Which way a jump line points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JumpKind {
    /// `（下转第3版）`: the article goes on on another page.
    To,
    /// `（上接第1版）`: this piece is the rest of an article from another page.
    From,
}

/// A jump line found at the start or end of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub kind: JumpKind,
    /// The page named, as printed (`3`, `二`, `Two`), or `上` / `下` for the page before or
    /// after this one (`（接上版）`, `（转下版）`).
    pub page: String,
    /// Byte range of the jump text in the line.
    pub start: usize,
    pub end: usize,
}

fn jump_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            concat!(
                r"(?i)[（(]\s*(?:(?P<to>下转|紧转|转)|(?P<from>上接|紧接|接))\s*",
                r"(?:第?\s*(?P<page>(?:{n}|[A-Z]){{1,4}})\s*[版页面]?|(?P<near>[上下])\s*[版页])",
                r"\s*{mark}?\s*[）)]",
                r"|\(\s*{en}\s*\.?\s*\)",
            ),
            n = PAGE_NUMERAL,
            mark = STORY_MARK,
            en = ENGLISH_JUMP
        ))
        .expect("static regex")
    })
}

/// A character of a page's number as Chinese pages print it: a digit, ASCII or full-width,
/// or a Chinese numeral (`第十二版`).
const PAGE_NUMERAL: &str = "[0-9０-９一二三四五六七八九十]";

/// The circled number after the page (`（下转第3版①）`) telling which of the stories
/// jumping to that page this one is.
const STORY_MARK: &str = r"[\x{2460}-\x{2473}]";

/// An English jump line's words: `Continued on Page 5`, `Concluded from Page One`,
/// `Continued on Eighth Page`, `Turn to Page 5`, `Continued from A1` (a section's page),
/// with the column maybe (`, Column 4`).
const ENGLISH_JUMP: &str = concat!(
    r"(?:(?P<en>continued|concluded)\s+(?P<dir>on|from)|turn\s+to)\s+",
    r"(?:page\s+(?P<epage>[a-z0-9]+)|(?P<eord>[a-z]+)\s+page|(?P<esection>[a-z][0-9]{1,2}))",
    r"(?:\s*,\s*col(?:umn|\.)?\s*[a-z0-9]+)?",
);

/// A jump line as papers print it now, naming the story's jump head and the page it goes
/// on on: `See STORM, Page A6`, `Please see BUDGET on A4`.
const SEE_JUMP: &str = concat!(
    r"(?:please\s+)?see\s+[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,3},?\s+",
    r"(?:on\s+)?(?:page\s+)?(?P<spage>[a-z]?[0-9]{1,3})",
);

/// The line atop a story's rest saying where it comes from, as papers print it now:
/// `From A1`, `From Page 1`.
const FROM_JUMP: &str = r"from\s+(?:page\s+)?(?P<fpage>[a-z]?[0-9]{1,3})";

/// An English jump line printed without brackets, alone on its line.
fn bare_jump_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)^(?:{ENGLISH_JUMP}|{SEE_JUMP}|{FROM_JUMP})\s*\.?$"
        ))
        .expect("static regex")
    })
}

/// The letters an English jump line without brackets opens with: `Continued …`,
/// `Concluded …`, `Turn to …`, `See …`, `Please see …`, `From …`.
pub const BARE_JUMP_INITIALS: [char; 10] = ['C', 'c', 'S', 's', 'P', 'p', 'F', 'f', 'T', 't'];

/// The jump line at the very start or very end of `line`, if any; an English one without
/// brackets only when it is the whole line.
pub fn find_jump(line: &str) -> Option<Jump> {
    let bracketed = line.contains('（') || line.contains('(');
    // Most lines hold no bracket, and an English jump without one fills its line.
    if !bracketed && !line.starts_with(BARE_JUMP_INITIALS) {
        return None;
    }
    if !(line.contains('转')
        || line.contains('接')
        || line.contains("ontinued")
        || line.contains("ONTINUED")
        || line.contains("oncluded")
        || line.contains("ONCLUDED")
        || line.contains("urn to")
        || line.contains("URN TO")
        || line.contains("ee ")
        || line.contains("EE ")
        || line.contains("rom ")
        || line.contains("ROM "))
    {
        return None;
    }
    let bare = || {
        (!bracketed)
            .then(|| bare_jump_re().captures(line))
            .flatten()
    };
    let m = jump_re()
        .captures_iter(line)
        .find(|c| {
            c.get(0)
                .is_some_and(|m| m.start() == 0 || m.end() == line.len())
        })
        .or_else(bare)?;
    let whole = m.get(0)?;
    let named = || m.name("page").or_else(|| m.name("near"));
    let (kind, page) = if m.name("to").is_some() {
        (JumpKind::To, named()?)
    } else if m.name("from").is_some() {
        (JumpKind::From, named()?)
    } else if let Some(page) = m.name("spage") {
        (JumpKind::To, page)
    } else if let Some(page) = m.name("fpage") {
        (JumpKind::From, page)
    } else {
        // `Turn to` names no direction: it always sends the reader on.
        let from = m
            .name("dir")
            .is_some_and(|d| d.as_str().eq_ignore_ascii_case("from"));
        let kind = if from { JumpKind::From } else { JumpKind::To };
        let page = m.name("epage").or_else(|| m.name("eord"));
        (kind, page.or_else(|| m.name("esection"))?)
    };
    Some(Jump {
        kind,
        page: page.as_str().to_owned(),
        start: whole.start(),
        end: whole.end(),
    })
}

fn furniture_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            concat!(
                r"^(?:",
                // A date with its weekday, maybe the lunar date and the page count after:
                // the page header; a running header may also name the page's section before
                // it, and its page and the page's editors after (`要闻 2025年3月12日 星期三
                // 责任编辑：王明 版式设计：李华`).
                r"(?:\S{{1,8}}\s+){{0,2}}",
                r"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:星期|周)\S?",
                r"(?:\s+农历\s*(?:\p{{Han}}{{2}}年)?\p{{Han}}{{1,2}}月\p{{Han}}{{2}})?",
                r"(?:\s+{pages})?",
                r"(?:\s+第\s*{n}{{1,3}}\s*[版页](?:\s+\S{{1,8}})?)?",
                r"(?:\s+{credits}.*)?",
                // The paper's name with the date, no weekday: 人民日报海外版 2025年3月5日.
                r"|\p{{Han}}{{2,8}}报(?:\p{{Han}}{{1,3}}版)?\s+\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日",
                // 第15版, 第 3 页, A3 版, with the page's section maybe: 第3版 要闻.
                r"|第\s*{n}{{1,3}}\s*[版页](?:\s+\S{{1,8}})?",
                // How many pages the edition has: 今日8版.
                r"|{pages}",
                // The masthead's registration, whose long labels say what they are without
                // their colon (several to a line), and its price and address, with it.
                r"|(?:国内统一连续出版物号|国际标准连续出版物号|邮发代号|广告经营许可证)\s*[：:]?\s*\S.*",
                r"|(?:社址|定价|零售价)\s*[：:]\s*\S.*",
                // A short name followed by its page: 人民日报 第15版.
                r"|\S{{2,12}}\s*第\s*[0-9０-９]{{1,3}}\s*版",
                // Editor credits.
                r"|{spaced}\s*[：:/ ]\s*\S.*",
                // Other credits of the page's make-up, with their colon: a label followed by
                // a space alone may open running text (`设计 方案`).
                r"|{colon}\s*[：:/]\s*\S.*",
                // A chart's source, printed under it as its maker's credit is.
                r"|(?:数据|资料)来源\s*[：:]\s*\S.*",
                // Where to write to the page's editors: 本版投稿邮箱：…, 新闻热线：….
                r"|(?:(?:本版)?投稿|本版)(?:邮箱|信箱|热线|电话)\s*[：:]\s*\S.*",
                r"|(?:新闻|读者|广告|订报|发行|服务)热线\s*[：:]\s*\S.*",
                r")$"
            ),
            n = PAGE_NUMERAL,
            pages = format!(r"今日\s*{PAGE_NUMERAL}{{1,3}}\s*版"),
            credits = format!(r"(?:{SPACED_CREDIT}\s*[：:/ ]|{COLON_CREDIT}\s*[：:/])"),
            spaced = SPACED_CREDIT,
            colon = COLON_CREDIT,
        ))
        .expect("static regex")
    })
}

/// The labels of a page's editors' credits that may be followed by a space instead of a
/// colon (`编辑 张驰 美编 杨建楠`).
const SPACED_CREDIT: &str = r"(?:本版|版面)?(?:责任)?(?:编辑|责编|美编|校对|版式|组版|视觉)";

/// The labels of the other credits of a page's make-up, always with their colon.
const COLON_CREDIT: &str =
    r"(?:本版)?(?:值班编辑|图片编辑|美术编辑|版式设计|视觉设计|设计|制图|排版)";

/// True when `line` is the page's number alone (`第2版`, `第 3 页`, `第十二版`), as
/// furniture's page branch reads it ([`PAGE_NUMERAL`], one to three of them).
pub fn is_page_number(line: &str) -> bool {
    let Some(number) = line
        .trim()
        .strip_prefix('第')
        .and_then(|rest| rest.strip_suffix(['版', '页']))
    else {
        return false;
    };
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    };
    let digits = number.trim();
    (1..=3).contains(&digits.chars().count()) && digits.chars().all(numeral)
}

/// The endings of a newspaper's name (`株洲日报`, `北京晚报`, `中国青年报`).
const PAPER_NAME_ENDS: [&str; 9] = [
    "日报",
    "晚报",
    "晨报",
    "早报",
    "时报",
    "商报",
    "都市报",
    "青年报",
    "法治报",
];

/// The nouns an English-language paper's name ends in (`THE EVENING HERALD`).
const PAPER_NOUNS: [&str; 36] = [
    "HERALD",
    "TIMES",
    "NEWS",
    "TRIBUNE",
    "JOURNAL",
    "GAZETTE",
    "POST",
    "STAR",
    "SUN",
    "PATRIOT",
    "ENTERPRISE",
    "DEMOCRAT",
    "REPUBLICAN",
    "CHRONICLE",
    "COURIER",
    "EXPRESS",
    "EXAMINER",
    "DISPATCH",
    "LEADER",
    "RECORD",
    "REGISTER",
    "SENTINEL",
    "BULLETIN",
    "MERCURY",
    "PRESS",
    "CITIZEN",
    "ADVOCATE",
    "BANNER",
    "EAGLE",
    "GLOBE",
    "INDEPENDENT",
    "OBSERVER",
    "REPORTER",
    "REVIEW",
    "TELEGRAM",
    "TELEGRAPH",
];

/// Words an English-language paper's name runs to at most (`THE DAILY EVENING HERALD`).
const PAPER_NAME_WORDS: usize = 5;

/// True when `line` is a newspaper's name alone, as its masthead prints it atop a page:
/// three to eight ideographs ending as a paper's name does (`株洲日报`), or a few words in
/// capitals ending in a paper's noun (`THE EVENING HERALD`). Only the page's top tells a
/// masthead from a headline, which the caller knows.
pub fn is_paper_name(line: &str) -> bool {
    let line = line.trim();
    // The name may carry its own in Latin capitals (`株洲日报 ZHUZHOU DAILY`).
    let name = match line.split_once(' ') {
        Some((name, latin)) if is_latin_name(latin) => name,
        _ => line,
    };
    let count = name.chars().count();
    let chinese = (3..=8).contains(&count)
        && name.chars().all(is_ideograph)
        && PAPER_NAME_ENDS.iter().any(|end| name.ends_with(end));
    chinese || is_english_paper_name(line)
}

/// A paper's name in Latin capitals beside its Chinese one: words of capital letters.
fn is_latin_name(text: &str) -> bool {
    const MOST_WORDS: usize = 4;
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=MOST_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
}

fn is_english_paper_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words.last().map(|w| w.trim_end_matches('.'));
    (2..=PAPER_NAME_WORDS).contains(&words.len())
        && words[0] == "THE"
        && is_capitals(line)
        && last.is_some_and(|w| PAPER_NOUNS.contains(&w))
}

/// True when `line` is page furniture on its own (see the module doc).
pub fn is_furniture(line: &str) -> bool {
    // At most 4 bytes a character: a line of up to 60 bytes has up to 60 characters, one
    // of more than 240 has more, and only the lines between need counting, after the cheap
    // test, which most lines fail. The gaps a running head spreads its parts with are no
    // characters of it (`A4` … `2026年11月28日 星期六 责编 李晓`).
    let short = || line.len() <= 60 || line.chars().filter(|c| !c.is_whitespace()).count() <= 60;
    line.len() <= 240
        && may_be_furniture(line)
        && short()
        && (is_qr_label(line) || furniture_re().is_match(line))
}

/// True when `text` is an editor's credit in brackets (`（责任编辑：王芳）`), as a story's
/// copy closes, on a line of its own or at the end of the text's last line: the segmenter
/// drops it as the story's end mark, as it does `（完）`, so it is no furniture here.
pub fn is_bracketed_credit(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(
            r"^[（(](?:{SPACED_CREDIT}|{COLON_CREDIT})\s*[：:]\s*[^（()）]{{1,24}}[）)]$"
        ))
        .expect("static regex")
    });
    re.is_match(text)
}

/// A cheap test before the others, from the regex's branches and the QR wording: a dated
/// header starts with a digit (maybe after its section and a space) and holds 年, a page
/// number holds 第 and 版 or 页, an editor credit or a masthead's registration starts with
/// its label (本版, 责任, 编辑, 美编, 邮发, …, or 今日 for the page count), a QR label holds
/// 扫 or 二维码. The ends are tested first, the first character decoded once for all the
/// labels; a line's characters are searched only for the QR wording, both characters in one
/// search ([`holds_either`]).
fn may_be_furniture(line: &str) -> bool {
    let labelled = line.chars().next().is_some_and(|first| match first {
        '本' | '责' | '编' | '美' | '校' | '版' | '组' | '视' | '值' | '图' | '设' | '制'
        | '排' | '投' | '今' | '国' | '邮' | '广' | '社' | '定' | '零' => true,
        '数' | '资' => line.contains("来源"),
        '新' | '读' | '订' | '发' | '服' => line.contains("热线"),
        '第' => line.contains(['版', '页']),
        _ => false,
    });
    labelled
        || opens_with_year(line)
        || opens_with_year_after_section(line)
        || line.ends_with(['版', '页']) && line.contains("第")
        || holds_either(line, '扫', '维')
}

/// True when a running header's page and section (up to 8 characters each, a space after
/// each) stand before a year in `line` (`A08 北京新闻 2025年…`, `要闻 2025年…`). Only their
/// bytes are searched for the spaces: justified Chinese text holds spaces everywhere.
fn opens_with_year_after_section(line: &str) -> bool {
    let Some(rest) = after_section(line) else {
        return false;
    };
    opens_with_year(rest) || after_section(rest).is_some_and(opens_with_year)
}

/// The text after the space that closes a running header's first word (up to 8
/// characters), if one does.
fn after_section(text: &str) -> Option<&str> {
    const SECTION_BYTES: usize = 8 * 3 + 1;
    let head = &text.as_bytes()[..text.len().min(SECTION_BYTES)];
    memchr::memchr(b' ', head).map(|at| text[at + 1..].trim_start())
}

/// True when `text` opens with a figure and holds 年, as a dated header does.
fn opens_with_year(text: &str) -> bool {
    // An ideograph is never numeric: asking that first spares it the Unicode table.
    text.starts_with(|c: char| !is_ideograph(c) && c.is_numeric()) && text.contains("年")
}

fn masthead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:",
            // The volume and issue numbers, spelt out or in figures.
            r"VOL(?:UME|\.)\s+\S.*",
            r"|(?:NUMBER|NO\.)\s*\d{1,5}\.?",
            // The price of the copy.
            r"|(?:PRICE\s+)?(?:ONE|TWO|THREE|FIVE|TEN|\d{1,2})\s+CENTS?\.?",
            // The place and date under the name plate, with the weekday.
            r"|.*\b(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b.*\b(?:1[789]|20)\d\d\b.*",
            r")$"
        ))
        .expect("static regex")
    })
}

/// True when `line` is a date and nothing else, as a modern English paper prints the
/// day's date under its nameplate (`Friday, December 4, 2026`, `Dec. 4, 2026`). Asked of
/// lines atop the page only: text may wrap onto a line that is a date.
pub fn is_date_alone(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(
            concat!(
                r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
                r"(?:{months})\.?\s+\d{{1,2}},?\s+(?:1[789]|20)\d\d\.?$",
            ),
            months = MONTHS
        ))
        .expect("static regex")
    });
    re.is_match(line.trim())
}

/// True when `line` sends the reader to a section's page and ends there, as a modern
/// English front page's teasers do (`Weather: Sunny, high 48. Details, A8`,
/// `Obituaries, A4`, `More on B1`): a section letter and a page number close it, after a
/// comma or a word that sends the reader on. A story's sentence seldom ends so; the
/// caller drops a line only where every line of its block is one.
pub fn is_refer(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    const MAX_LEN: usize = 100;
    // The cheap test first, which nearly every line fails: the line ends in a figure.
    let bytes = line.trim_end_matches('.').as_bytes();
    let ends_in_page = bytes.last().is_some_and(u8::is_ascii_digit);
    if line.len() > MAX_LEN || !ends_in_page {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?:^|[.:;]\s+)",
            r"(?:[A-Z][A-Za-z'&]*(?:\s+[A-Za-z'&]+){0,3},\s+",
            r"|(?:See|More|Story|Details)\s+(?:on\s+)?)",
            r"(?:Page\s+)?[A-H][0-9]{1,2}\.?$",
        ))
        .expect("static regex")
    });
    re.is_match(line.trim())
}

/// True when `line` is a Chinese front page's teaser for another page, as its index
/// (`今日导读`) lists them: a page's label and a headline, either way round, maybe after a
/// bullet (`▶ A5 老旧小区改造进度过半`, `冬季供暖今起全面启动 第7版`), or the index's
/// label itself. A space sets the label apart (`A5级景区` is a headline's word); the
/// headline holds no sentence or clause. As with [`is_refer`], the caller drops a line
/// only where every line of its block is one.
pub fn is_cjk_refer(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    const MAX_LEN: usize = 120;
    // The cheap test first, on the line's end bytes, which nearly every line fails: a
    // label's letter or figure, or the lead byte of `第` or of a bullet, opens it; a
    // figure, or the last byte of `版` or `读`, closes it.
    let line = line.trim_ascii();
    let (Some(&first), Some(&last)) = (line.as_bytes().first(), line.as_bytes().last()) else {
        return false;
    };
    let edges = matches!(first, b'A'..=b'H' | b'0'..=b'9' | 0xE2 | 0xE7)
        || matches!(last, b'0'..=b'9' | 0x88 | 0xBB);
    if !edges || line.len() > MAX_LEN {
        return false;
    }
    // Then the label itself at either end, before the regex.
    let text = line.trim_start_matches(TEASER_BULLETS).trim_start();
    let bytes = text.as_bytes();
    let opens = match bytes.first() {
        Some(b'A'..=b'H') => bytes.get(1).is_some_and(u8::is_ascii_digit),
        Some(b'0'..=b'9') => text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with('版'),
        _ => text.starts_with('第'),
    };
    let figures = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let closes = text.ends_with(['版', '读'])
        || figures.len() < text.len() && figures.ends_with(|c: char| matches!(c, 'A'..='H'));
    if !(opens || closes) {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:",
            r"(?:今日|本期|本版)?导读",
            r"|(?:[A-H][0-9]{1,2}|第?[0-9]{1,2}版)\s+[^，。！？；：\s][^，。！？；：]{1,29}",
            r"|[^，。！？；：\s][^，。！？；：]{1,29}?\s+(?:[A-H][0-9]{1,2}|第?[0-9]{1,2}版)",
            r")$",
        ))
        .expect("static regex")
    });
    re.is_match(text)
}

/// The bullets a teaser may open with.
const TEASER_BULLETS: [char; 6] = ['■', '●', '◆', '▶', '►', '▲'];

/// True when `line` is a line of an English masthead (see the module doc). The numbers,
/// price and dated line are set in capitals, which spares a body line that merely names a
/// weekday and a year (`Monday June 12, 1916, 1 p. m.`).
pub fn is_masthead(line: &str) -> bool {
    const MAX_LEN: usize = 80;
    // The dated line may run across the page's width, its parts set apart by wide gaps
    // (`Vol. XII, No. 45     SPRINGFIELD, ILL., TUESDAY, MARCH 7, 1916     PRICE TWO
    // CENTS`): its length is counted without them.
    if line.len() > MAX_LEN && line.split_whitespace().map(|w| w.len() + 1).sum::<usize>() > MAX_LEN
    {
        return false;
    }
    if let Some(rest) = line.strip_prefix("Published ") {
        let rest = rest.to_ascii_lowercase();
        return [
            "every", "daily", "weekly", "semi", "tri-", "monthly", "each",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
    }
    is_capitals(line) && (masthead_re().is_match(line) || english_page_label(line).is_some())
}

/// The page's own name a furniture line prints, normalised as [`normalize_page`] does:
/// `第15版`, `第 3 页`, `第3版 要闻`, the page's label alone (`A05`), a running head with
/// its page (`2025年1月3日 星期五
/// 第15版`), `PAGE THREE`, an English running head opening or closing on the page
/// (`A2 | THE DAILY HERALD | TUESDAY, MARCH 3, 2026`). The caller asks it of furniture
/// only: in text, `第3版` names another page.
pub fn own_page(line: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(r"第\s*({PAGE_NUMERAL}{{1,3}})\s*[版页]")).expect("static regex")
    });
    let number = if let Some(c) = re.captures(line) {
        page_number(&c[1]).filter(|&n| n > 0)
    } else {
        english_page_label(line)
    };
    let label = line.trim();
    number
        .map(|n| format!("{n:02}"))
        .or_else(|| is_page_label(label).then(|| normalize_page(label)))
        .or_else(|| running_head_page(line))
        .or_else(|| section_head_page(line))
}

/// The page of a city paper's running head that names only the page and its section
/// (`A02 要闻`, `07 财经`), no date: two words, a page's label (see [`is_page_label`]) and
/// two to six ideographs. Only atop a page is such a line furniture, which the caller
/// knows: in text it could open a headline.
pub fn section_head_page(line: &str) -> Option<String> {
    const SECTION_CHARS: std::ops::RangeInclusive<usize> = 2..=6;
    let mut words = line.split_whitespace();
    let (label, section) = (words.next()?, words.next()?);
    let named =
        SECTION_CHARS.contains(&section.chars().count()) && section.chars().all(is_ideograph);
    (words.next().is_none() && named && is_page_label(label)).then(|| normalize_page(label))
}

/// A page's label as running heads print it: one to three digits, not all naught, maybe
/// after a section's capital letter (`2`, `A08`).
pub fn is_page_label(word: &str) -> bool {
    const MOST_DIGITS: usize = 3;
    let digits = word.trim_start_matches(|c: char| c.is_ascii_uppercase());
    word.len() - digits.len() <= 1
        && (1..=MOST_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.bytes().any(|b| b != b'0')
}

/// The page a running head opens or closes on (`A2 | THE DAILY HERALD | …`, `2 THE DAILY
/// NEWS, SATURDAY, OCTOBER 7, 1922`, `A08 北京新闻 2025年3月5日 星期三`): a number, or a
/// section's letter and number, set apart at either end of a line that holds the date.
fn running_head_page(line: &str) -> Option<String> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year = YEAR.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])(?:1[789]|20)[0-9]{2}(?:[^0-9]|$)").expect("static regex")
    });
    // A price (`5 CENTS`) or a headline (`12 PERSONS HURT`) holds no date.
    if !year.is_match(line) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    // An issue's or a volume's number may close the line too (`… 1916 NO. 45`).
    let numbered = words.len() >= 2
        && ["NO", "NO.", "NUMBER", "VOL", "VOL.", "VOLUME"].contains(&words[words.len() - 2]);
    if is_page_label(first) {
        Some(normalize_page(first))
    } else {
        (is_page_label(last) && !numbered).then(|| normalize_page(last))
    }
}

/// The number of an English page's number printed in capitals, alone (`PAGE THREE`,
/// `PAGE 12`, `SECOND PAGE`) or as a running head with the paper's name (`PAGE TWO THE
/// MORNING TRIBUNE`, `THE DAILY NEWS, SALEM, OREGON PAGE 5`): in the page's head or foot,
/// never a headline.
fn english_page_label(line: &str) -> Option<u32> {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']))
        .collect();
    let number = |n: &str| page_number(n).filter(|&n| n > 0);
    match words.as_slice() {
        ["PAGE", n] | [n, "PAGE"] => number(n),
        ["PAGE", n, name @ ..] | [name @ .., "PAGE", n] if names_paper(name) => number(n),
        _ => None,
    }
}

/// True when `words` name a paper as a running head does: `THE` first, a paper's noun
/// among the next few words (`THE MORNING TRIBUNE`, `THE DAILY NEWS, SALEM, OREGON`).
fn names_paper(words: &[&str]) -> bool {
    words.first() == Some(&"THE")
        && words
            .iter()
            .skip(1)
            .take(PAPER_NAME_WORDS)
            .any(|w| PAPER_NOUNS.contains(w))
}

/// True when `line` labels a QR code (`扫码观看`, `扫一扫 看视频`): short, no clause in it.
/// The line after it (`飞行表演`) may belong to the label too.
pub fn is_qr_label(line: &str) -> bool {
    // The wording first: one search for 扫 or 二维码 rules out almost every line.
    (line.contains('扫') || line.contains("二维码"))
        && (line.contains("扫码") || line.contains("扫一扫") || line.contains("二维码"))
        && line
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(10)
            .is_none()
        && !line.contains(['，', '、', '。', '；'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jumps_at_line_ends() {
        let j = find_jump("（下转第6版）").unwrap();
        assert_eq!((j.kind, j.page.as_str()), (JumpKind::To, "6"));
        let j = find_jump("取得成效。（下转第3版）").unwrap();
        assert_eq!(j.kind, JumpKind::To);
        assert_eq!(find_jump("（上接第2版）").unwrap().kind, JumpKind::From);
        assert_eq!(find_jump("(Continued on Page Two)").unwrap().page, "Two");
        let j = find_jump("（转A3）").unwrap();
        assert_eq!((j.kind, j.page.as_str()), (JumpKind::To, "A3"));
        assert_eq!(find_jump("（紧接第1版）").unwrap().kind, JumpKind::From);
        let j = find_jump("（下转第三版①）").unwrap();
        assert_eq!((j.kind, j.page.as_str()), (JumpKind::To, "三"));
        assert_eq!(find_jump("（上接第1版②）").unwrap().kind, JumpKind::From);
        assert!(find_jump("（上版）").is_none());
        assert!(find_jump("（转下）").is_none());
        assert!(find_jump("（相关报道见第二版）").is_none());
        assert!(find_jump("（转载）").is_none());
        for (line, kind, page) in [
            ("（紧转第2版）", JumpKind::To, "2"),
            // Pages named by where they lie: the next, the one before.
            ("（转下版）", JumpKind::To, "下"),
            ("（下转下版）", JumpKind::To, "下"),
            ("（接上版）", JumpKind::From, "上"),
            ("（上接上版①）", JumpKind::From, "上"),
            ("(Continued on Page 5.)", JumpKind::To, "5"),
            ("(Continued on Eighth Page.)", JumpKind::To, "Eighth"),
            ("(Continued on Page 3, Column 4.)", JumpKind::To, "3"),
            ("(Concluded from Page One.)", JumpKind::From, "One"),
            ("Continued on Page 5", JumpKind::To, "5"),
            ("CONTINUED FROM PAGE ONE.", JumpKind::From, "ONE"),
            // Today's, naming a section's page without the word.
            ("Continued from A1", JumpKind::From, "A1"),
            ("Continued on B4", JumpKind::To, "B4"),
            ("From A1", JumpKind::From, "A1"),
            ("(Turn to Page 5.)", JumpKind::To, "5"),
            ("TURN TO PAGE FOUR", JumpKind::To, "FOUR"),
            ("Turn to A7", JumpKind::To, "A7"),
            ("FROM PAGE 1", JumpKind::From, "1"),
        ] {
            let j = find_jump(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (j.kind, j.page.as_str(), j.end),
                (kind, page, line.len()),
                "{line}"
            );
        }
        // Without brackets, only a line of its own.
        assert!(find_jump("Continued on Page 5 the story goes").is_none());
        // Today's jump lines name the story's jump head.
        for (line, page) in [
            ("See STORM, Page A6", "A6"),
            ("Please see BUDGET on A4", "A4"),
            ("SEE FIRE PAGE 3", "3"),
        ] {
            let j = find_jump(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((j.kind, j.page.as_str()), (JumpKind::To, page), "{line}");
        }
        assert!(find_jump("See you at the game on Friday, 7").is_none());
        assert!(find_jump("See the mayor's letter on page 5 for more").is_none());
        assert!(find_jump("continued from page one of the docket").is_none());
        assert!(find_jump("From 1990 to 2000 the town grew").is_none());
        assert!(find_jump("Continued on Monday").is_none());
        assert!(find_jump("Turn to page 5 for the recipe.").is_none());
        assert!(find_jump("(turn to the left)").is_none());
    }

    #[test]
    fn teasers_for_other_pages() {
        for l in [
            "今日导读",
            "▶ A5 老旧小区改造进度过半",
            "A7 冬季供暖今起全面启动",
            "冬季供暖今起全面启动 第7版",
            "◆ 第12版 新春走基层",
        ] {
            assert!(is_cjk_refer(l), "{l}");
        }
        for l in [
            "A5级景区迎来客流高峰",
            "A5 老旧小区改造进度过半，居民拍手称快",
            "据悉，该项目已于今年5月开工建设，预计明年完工。",
            "2026年11月28日 星期六",
        ] {
            assert!(!is_cjk_refer(l), "{l}");
        }
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "2025年1月3日 星期五",
            "2025年3月12日 星期三 农历乙巳年二月十三",
            "2025年1月29日 星期三 农历正月初一 今日8版",
            // A running header: the section, the date, the page and its editors.
            "要闻 2025年3月12日 星期三 责任编辑：王明 版式设计：李华",
            // A city paper's: the section's page first, its editors without colons.
            "A08 北京新闻 2025年3月5日 星期三 责编 张三 美编 李四",
            "2025年3月12日 星期三 第3版 要闻",
            "株洲日报 2025年3月12日 星期三 本版编辑：王明",
            "第15版",
            "人民日报 第15版",
            "人民日报海外版 2025年3月5日",
            "株洲日报 2025年3月6日",
            "编辑 张驰 美编 杨建楠 校对 潘妙",
            "本版责编：李明",
            "版式设计：李华",
            "值班编辑：王明 图片编辑：张强",
            "数据来源：国家统计局",
            "资料来源：《中国统计年鉴2024》",
            "第3版 要闻",
            "今日8版",
            "国内统一连续出版物号：CN43-0011",
            "邮发代号：41-5",
            "扫码观看",
            "版面编辑：王五 美术编辑：赵六",
            "本版投稿邮箱：news@example.com",
            "投稿信箱：tougao@example.com",
            "新闻热线：0731-12345678",
            "广告热线：0731-22222222",
            "订报热线：0731-87654321",
            // The registration's long labels need no colon, several to a line.
            "国内统一连续出版物号 CN43-0026 邮发代号 41-3 今日8版",
            "邮发代号 41-3",
            // A running head spread across the page's width by wide gaps.
            &format!(
                "A4{}2026年11月28日 星期六 责编 李晓 美编 王芳",
                " ".repeat(37)
            ),
        ] {
            assert!(is_furniture(l), "{l}");
        }
        // A story's copy closes on its editor, in brackets: the story's end mark.
        assert!(is_bracketed_credit("（责任编辑：王芳）") && is_bracketed_credit("(编辑:李明)"));
        assert!(!is_bracketed_credit("（编辑：王芳）说，") && !is_bracketed_credit("（张华）"));
        assert!(!is_furniture("定价机制改革稳步推进，"));
        assert!(!is_furniture("广告热线被打爆了，"));
        assert!(!is_furniture("投稿邮箱里的来信越来越多，"));
        for l in ["第2版", "第 3 页", "第十二版", "第０９版"] {
            assert!(is_page_number(l), "{l}");
        }
        assert!(!is_page_number("第3版 要闻") && !is_page_number("第一次出版"));
        assert!(!is_furniture("新闻热线接到市民反映后，"));
        assert!(!is_furniture("11月8日，记者从市商务局获悉，"));
        assert!(!is_furniture("出示医保码、扫码扣"));
        assert!(!is_furniture("设计 方案已通过专家评审，"));
        assert!(!is_furniture("数据来源于全省各市县的统计，"));
        assert!(!is_furniture("第3版 刊发的报道引起了广泛关注，"));
        assert!(!is_furniture("今日头条"));
        assert!(!is_furniture("2025年3月12日 星期三 农历新年刚过，记者来到"));
        assert!(!is_furniture("2025年3月12日 星期三 编辑部收到了一封来信"));
        assert!(!is_furniture("今年 2025年3月12日 星期三上午，全省"));
    }

    #[test]
    fn a_teaser_ends_on_a_sections_page() {
        for l in [
            "Weather: Sunny, high 48, low 30. Details, A8",
            "Obituaries, A4",
            "Sports, B1.",
            "More on B1",
            "See A3",
            "Classifieds, Page C6",
        ] {
            assert!(is_refer(l), "{l}");
        }
        for l in [
            "The council met in Room A8",
            "Traffic was heavy on the A1 through the morning.",
            "Apartment 4B",
            "The levy failed by 200 votes in 1916",
            "Obituaries, A44 and more",
        ] {
            assert!(!is_refer(l), "{l}");
        }
    }

    #[test]
    fn a_date_alone_as_a_nameplate_prints_it() {
        for l in [
            "Friday, December 4, 2026",
            "FRIDAY, DECEMBER 4, 2026",
            "Dec. 4, 2026",
            "Thursday June 1 1916.",
        ] {
            assert!(is_date_alone(l), "{l}");
        }
        for l in [
            "Monday June 12, 1916, 1 p. m.",
            "Friday, December 4, 2026, the council met",
            "December 2026",
            "Friday, December 4",
            "The Friday, December 4, 2026",
        ] {
            assert!(!is_date_alone(l), "{l}");
        }
    }

    #[test]
    fn english_masthead_lines() {
        for l in [
            "VOLUME TWENTY-FOUR.",
            "VOLUME III —No. 24",
            "VOL. 19 MALTA. MONTANA, THURSDAY. JUNE 1, 1916 NO.7",
            "NUMBER 57.",
            "ARDMORE, OKLA., TUESDAY, DECEMBER 12, 1916.",
            "Published Weekly by the Patriot Publishing Company",
            "FIVE CENTS",
            // Across the page's width, its parts set apart by wide gaps.
            "Vol. XII, No. 45          SPRINGFIELD, ILL., TUESDAY, MARCH 7, 1916          PRICE TWO CENTS",
            // The page's number, in figures or words, cardinal or ordinal.
            "PAGE THREE",
            "PAGE 12.",
            "SECOND PAGE",
            // A running head: the page's number with the paper's name.
            "PAGE TWO THE MORNING TRIBUNE",
            "THE DAILY NEWS, SALEM, OREGON PAGE 5",
        ] {
            assert!(is_masthead(l), "{l}");
        }
        for l in [
            "Monday June 12, 1916, 1 p. m.",
            "VOLUNTEERS ARE CALLED",
            "Published reports say the",
            "NUMBER OF DEAD RISES",
            "PAGE BOYS STRIKE",
            "FRONT PAGE",
            "PAGE 0",
            "PAGE TWO SPORTS NEWS",
            // Mixed case: a line of text, where `Page 3` may stand alone.
            "Page 3",
        ] {
            assert!(!is_masthead(l), "{l}");
        }
    }

    #[test]
    fn the_page_a_furniture_line_names() {
        for (line, page) in [
            ("第15版", "15"),
            ("第 3 页", "03"),
            ("第十二版 要闻", "12"),
            ("2025年1月3日 星期五 第15版", "15"),
            ("人民日报 第1版", "01"),
            ("PAGE THREE", "03"),
            ("PAGE TWO THE MORNING TRIBUNE", "02"),
            ("A2 | THE DAILY HERALD | TUESDAY, MARCH 3, 2026", "A2"),
            ("2 THE DAILY NEWS, SATURDAY, OCTOBER 7, 1922", "02"),
            ("THE DAILY NEWS, SATURDAY, OCTOBER 7, 1922 PAGE 7", "07"),
            ("A08 北京新闻 2025年3月5日 星期三 责编 张三", "A08"),
            ("2025年3月5日 星期三 北京新闻 A08", "A08"),
            // A city paper's running head with no date: only atop a page is it furniture.
            ("A02 要闻", "A02"),
            ("07 财经", "07"),
        ] {
            assert_eq!(own_page(line).as_deref(), Some(page), "{line}");
        }
        for line in [
            "第0版",
            "编辑 张驰 美编 杨建楠",
            "ARDMORE, OKLA., TUESDAY, DECEMBER 12, 1916.",
            "VOL. 12 SPRINGFIELD, ILL., TUESDAY, MARCH 7, 1916 NO. 45",
            "NO. 57",
            "5 CENTS",
            "2025年3月5日 星期三",
            "12 PERSONS HURT IN WRECK",
            "A00 要闻",
            "A02 要闻 新闻",
            "5G 网络",
            "100 周年纪念大会召开",
        ] {
            assert_eq!(own_page(line), None, "{line}");
        }
    }

    #[test]
    fn a_papers_name() {
        for l in [
            "株洲日报",
            "北京晚报",
            "中国青年报",
            " 湖南日报 ",
            "THE EVENING HERALD",
            // With its name in Latin capitals.
            "株洲日报 ZHUZHOU DAILY",
            "北京晚报 BEIJING EVENING NEWS",
        ] {
            assert!(is_paper_name(l), "{l}");
        }
        for l in [
            "喜报",
            "春耕捷报",
            "全市通报表彰",
            "株洲日报讯",
            "人民日报 第9版",
            "日报",
            "株洲日报 Zhuzhou Daily reports",
            "株洲日报 A",
        ] {
            assert!(!is_paper_name(l), "{l}");
        }
    }
}
