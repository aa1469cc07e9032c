//! Reflow: rejoin the lines a column broke and remove the spaces that are layout.
//!
//! Two normalisations change the characters of the input, and they are the only ones:
//! a hyphen at a line end is removed when a lowercase letter continues the word on the next
//! line (`con-` + `tinued`), and whitespace is removed or collapsed (no space follows a
//! compound's hyphen at a line end: `Austro-` + `Hungarian`). Nothing else is
//! added, removed or reordered.

use super::latin::{hyphens, lexicon};
use super::script::{closes_text, is_cjk, is_space};
use crate::article::Block;

/// Joins the raw lines of one paragraph, keeping inner spaces as printed.
///
/// In Chinese text lines join with nothing between them; in Latin text with a space, or
/// with nothing when a line-end hyphen breaks a word.
pub fn join_raw(lines: &[&str], cjk: bool) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        if cjk {
            out.push_str(line);
        } else if is_broken_word(&out, line) {
            // The hyphen is the line break's, unless it is the compound's own.
            if !is_compound_of_words(&out, line) {
                out.pop();
            }
            out.push_str(line);
        } else if is_broken_compound(&out, line) {
            out.push_str(line);
        } else {
            out.push(' ');
            out.push_str(line);
        }
    }
    out
}

/// Adds `block` after `blocks`; when the last paragraph stops mid-sentence and `block` is a
/// paragraph, it goes on in that one: one paragraph that another story set into it (or a
/// page's end) cut in two, not two paragraphs. Joined as lines are (see [`join_raw`]).
/// Captions after that paragraph (pictures set into it) stay after it.
pub fn push_continuing(blocks: &mut Vec<Block>, block: Block) {
    let last = blocks
        .iter_mut()
        .rev()
        .find(|b| !matches!(b, Block::Caption { .. }));
    if let (Some(Block::Paragraph { text: last }), Block::Paragraph { text: next }) = (last, &block)
    {
        if !closes_text(last) {
            let cjk = last.chars().next_back().is_some_and(is_cjk)
                || next.chars().next().is_some_and(is_cjk);
            *last = join_raw(&[last.as_str(), next.as_str()], cjk);
            return;
        }
    }
    blocks.push(block);
}

/// Adds `more` after `blocks`, its first block going on in an unfinished last paragraph
/// (see [`push_continuing`]).
pub fn append_continuing(blocks: &mut Vec<Block>, more: Vec<Block>) {
    let mut more = more.into_iter();
    if let Some(first) = more.next() {
        push_continuing(blocks, first);
    }
    blocks.extend(more);
}

/// `aw-` + `ful`: a hyphen after a letter at the line end, and a lowercase letter next
/// that starts a word of two letters or more (a lone letter is more likely OCR noise than
/// a word's last letter).
fn is_broken_word(before: &str, next: &str) -> bool {
    let mut tail = before.chars().rev();
    let mut head = next.chars();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && head.next().is_some_and(char::is_lowercase)
        && head.next().is_some_and(char::is_alphabetic)
}

/// `five-` + `year`, `well-` + `known`: a compound of two English words ([`lexicon`]) that
/// together make none, broken at its own hyphen, which stays. Where the two make a word
/// (`some-` + `thing`, `to-` + `day`) or either half is a fragment (`re-` + `turned`,
/// `visit-` + `ing`), the hyphen is the line break's.
fn is_compound_of_words(before: &str, next: &str) -> bool {
    let Some(first) = hyphens::last_word(before.strip_suffix('-').unwrap_or(before)) else {
        return false;
    };
    // The next line's first word, with its apostrophe (`lay-` + `in'` is one word).
    let second = next
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '”']);
    let word = |w: &str| !lexicon::is_bare_ending(w) && lexicon::is_word(w);
    word(first) && word(second) && !lexicon::is_joined_word(&[first, second])
}

/// `Austro-` + `Hungarian`, `1915-` + `16`: a hyphen after a letter or digit at the line
/// end, and a capital or digit next. The hyphen is the compound's own (a lowercase letter
/// next is a broken word's, see [`is_broken_word`]) and the line break no space.
fn is_broken_compound(before: &str, next: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphanumeric)
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Removes layout spaces from Chinese text: any space next to a CJK character, and the
/// spaces of a letter-spaced run of single characters (`1 5`, `9 3 . 1 %`). Other spaces
/// (between Latin words) collapse to one.
pub fn remove_layout_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `copied` is where the text not yet copied starts; each run of printed characters is
    // copied as one slice, and only the characters around a space are looked at.
    let mut copied = 0;
    while let Some(start) = find_space_from(s, copied) {
        out.push_str(&s[copied..start]);
        let end = find_from(s, start, |c| !is_space(c)).unwrap_or(s.len());
        copied = end;
        let mut before = s[..start].chars().rev();
        let mut after = s[end..].chars();
        let (Some(b), Some(a)) = (before.next(), after.next()) else {
            continue;
        };
        let (beyond_b, beyond_a) = (before.next(), after.next());
        if is_cjk(b)
            || is_cjk(a)
            || (is_single(beyond_b) && is_single(beyond_a))
            || splits_spaced_number(b, a, beyond_b, beyond_a)
        {
            continue;
        }
        out.push(' ');
    }
    out.push_str(&s[copied..]);
    out
}

/// Whether `s` holds a space next to a CJK character: one [`remove_layout_spaces`] always
/// removes, a layout space, not one between words.
pub fn has_cjk_layout_space(s: &str) -> bool {
    // Asked of every seam the word tests read: most hold no space at all.
    if !s.contains(is_space) {
        return false;
    }
    let mut before = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_space(c) && (before.is_some_and(is_cjk) || chars.peek().copied().is_some_and(is_cjk))
        {
            return true;
        }
        before = Some(c);
    }
    false
}

/// The byte index of the first character at or after byte `from` of `s` that `pred` holds
/// for.
fn find_from(s: &str, from: usize, pred: impl FnMut(char) -> bool) -> Option<usize> {
    s[from..].find(pred).map(|i| from + i)
}

/// The byte index of the first whitespace character at or after byte `from` of `s`. A
/// character is decoded only when its first byte may open a space ([`may_open_space`]); the
/// others are stepped over by their length: decoding every character of a paragraph was
/// most of the cost of [`remove_layout_spaces`].
fn find_space_from(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let lead = bytes[at];
        // Most characters of a Chinese paragraph are ideographs, three bytes led by one
        // above every space's lead: stepped over before any other test.
        if lead > 0xE3 {
            at += if lead < 0xF0 { 3 } else { 4 };
            continue;
        }
        if may_open_space(lead) && s[at..].starts_with(is_space) {
            return Some(at);
        }
        at += utf8_len(lead);
    }
    None
}

/// True for the bytes a whitespace character's UTF-8 opens with: ASCII's (tab to carriage
/// return, space) and the lead bytes of U+0085 and U+00A0 (`C2`), U+1680 (`E1`),
/// U+2000..U+205F (`E2`) and U+3000 (`E3`).
fn may_open_space(lead: u8) -> bool {
    // The lead bytes of ideographs come after all of these: one comparison rejects them.
    lead <= 0xE3 && matches!(lead, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3)
}

/// The length of the UTF-8 sequence that byte `lead` opens.
fn utf8_len(lead: u8) -> usize {
    // A lead byte's high ones count its sequence's bytes; an ASCII byte has none.
    (lead.leading_ones() as usize).max(1)
}

/// True when the space between `b` and `a` (with `beyond_b` and `beyond_a` past them)
/// parts one number that pdftotext printed in pieces: figures, a point or a percent sign
/// on both sides, one of them a single character (`72 0 余`, `为6 822件`, `2.6 8 %`). Two
/// numbers of several figures stay apart (`12 34`), and letters are not joined so: `have
/// a dream` keeps its spaces.
fn splits_spaced_number(b: char, a: char, beyond_b: Option<char>, beyond_a: Option<char>) -> bool {
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '.' | '%');
    numeric(b) && numeric(a) && (is_single(beyond_b) || is_single(beyond_a))
}

/// A token whose character next to the space is followed (away from the space) by
/// `beyond` is a single character: nothing, a space or a CJK character lies beyond it.
fn is_single(beyond: Option<char>) -> bool {
    beyond.is_none_or(|c| is_space(c) || is_cjk(c))
}

/// A Chinese headline's text with its spaces collapsed, and those between a CJK character
/// and a figure or Latin letter removed: pdftotext sets those where the type changes font
/// (`地铁 3 号线二期`, `1.2 万个`), never the typesetter. A space between two CJK
/// characters stays: it parts the halves of a two-part title (`寒潮来袭 本周末降温`).
pub fn tighten_cjk_head(s: &str) -> String {
    let collapsed = collapse_spaces(s);
    if !collapsed.contains(' ') {
        return collapsed;
    }
    let mut out = String::with_capacity(collapsed.len());
    let mut chars = collapsed.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        if c == ' ' {
            if let (Some(b), Some(&a)) = (before, chars.peek()) {
                if is_cjk(b) != is_cjk(a) {
                    continue;
                }
            }
        }
        out.push(c);
        before = Some(c);
    }
    out
}

/// Collapses runs of whitespace to one space (Latin text, titles).
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    if s.is_ascii() {
        to_ascii_words(s).for_each(&mut push);
    } else {
        s.split_whitespace().for_each(&mut push);
    }
    out
}

/// The words of ASCII text `s`, cut at the bytes `char::is_whitespace` holds for in ASCII
/// (space, tab to carriage return): the same words as `split_whitespace`, without decoding
/// characters, which is most of the cost on an English page.
fn to_ascii_words(s: &str) -> impl Iterator<Item = &str> {
    let is_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && !is_space(bytes[at]) {
            at += 1;
        }
        (at > start).then(|| &s[start..at])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_head_keeps_only_the_spaces_between_chinese() {
        for (printed, tight) in [
            ("地铁 3 号线二期", "地铁3号线二期"),
            ("学位 1.2 万个", "学位1.2万个"),
            ("2026 年度 医保  缴费", "2026年度 医保 缴费"),
            ("化身“暖心奶爸” 传递旅途温情", "化身“暖心奶爸” 传递旅途温情"),
            ("5G 网络覆盖 iPhone 用户", "5G网络覆盖iPhone用户"),
            ("COP 30 开幕", "COP 30开幕"),
        ] {
            assert_eq!(tighten_cjk_head(printed), tight, "{printed}");
        }
    }

    #[test]
    fn find_space_from_finds_what_find_finds() {
        let texts = [
            "同年，又分别 用 1 5 年",
            "现\u{3000}，9\t3 . 1 %的",
            "𠀀𠀁 字\u{a0}é\u{2003}x",
            "没有空格的一句话。",
            "",
        ];
        for text in texts {
            for (from, _) in text.char_indices() {
                let want = text[from..].find(is_space).map(|i| from + i);
                assert_eq!(find_space_from(text, from), want, "{text:?} {from}");
            }
        }
        // Every character before a space: the step over a lead above 0xE3 must land on the
        // space (three bytes or four), and none of those characters may be a space itself.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 5];
            let n = c.encode_utf8(&mut buf).len();
            buf[n] = b' ';
            let text = std::str::from_utf8(&buf[..=n]).expect("UTF-8");
            assert_eq!(find_space_from(text, 0), text.find(is_space), "{c:?}");
        }
    }

    #[test]
    fn spaces_are_found_by_their_lead_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(utf8_len(bytes[0]), bytes.len(), "{c:?}");
            if is_space(c) {
                assert!(may_open_space(bytes[0]), "{c:?}");
            }
        }
        let text = "两会\u{3000}代表 委员";
        assert_eq!(find_space_from(text, 0), text.find(is_space));
        assert_eq!(find_space_from(text, 7), Some(text.rfind(' ').unwrap()));
    }

    /// The spaces it finds are ones `remove_layout_spaces` takes out; those between Latin
    /// words are not.
    #[test]
    fn a_space_beside_a_cjk_character_is_a_layout_space() {
        for text in ["和 方 法", "10 月", "（记者 王明）", "方  法"] {
            assert!(has_cjk_layout_space(text), "{text}");
            assert!(!remove_layout_spaces(text).contains(' '), "{text}");
        }
        for text in ["the New York", "方法论", "1 5", ""] {
            assert!(!has_cjk_layout_space(text), "{text}");
        }
    }

    #[test]
    fn layout_spaces_go_meaningful_ones_stay() {
        assert_eq!(remove_layout_spaces("10 月 23 日"), "10月23日");
        assert_eq!(remove_layout_spaces("同 年 ，又 分 别"), "同年，又分别");
        assert_eq!(remove_layout_spaces("用 1 5 年"), "用15年");
        assert_eq!(remove_layout_spaces("现 ， 9 3 . 1 % 的"), "现，93.1%的");
        // Figures pdftotext printed two at a time in a letter-spaced line.
        assert_eq!(remove_layout_spaces("搭载着72 0 余 名"), "搭载着720余名");
        assert_eq!(remove_layout_spaces("客 的 Y 8 74次"), "客的Y874次");
        assert_eq!(remove_layout_spaces("达 到 2.6 8 % ，"), "达到2.68%，");
        assert_eq!(
            remove_layout_spaces("I have a dream 2 times"),
            "I have a dream 2 times"
        );
        assert_eq!(remove_layout_spaces("iPhone 15 Pro"), "iPhone 15 Pro");
        assert_eq!(remove_layout_spaces("共 12 34 人"), "共12 34人");
        assert_eq!(remove_layout_spaces("请量为6 822件"), "请量为6822件");
        assert_eq!(remove_layout_spaces("New York City"), "New York City");
    }

    fn para(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    #[test]
    fn a_paragraph_cut_mid_sentence_goes_on_in_the_next_piece() {
        let mut blocks = vec![para(
            "每一个历史阶段，首饰都是时尚的产物。在不同历史时期，首饰",
        )];
        append_continuing(
            &mut blocks,
            vec![para("制作工艺也在不断变化。"), para("早期首饰")],
        );
        assert_eq!(
            blocks,
            [
                para("每一个历史阶段，首饰都是时尚的产物。在不同历史时期，首饰制作工艺也在不断变化。"),
                para("早期首饰"),
            ]
        );
        // Latin text joins with a space, or mends a word the seam broke.
        let mut blocks = vec![para("the men who par-")];
        push_continuing(&mut blocks, para("ticipated in the riot"));
        assert_eq!(blocks, [para("the men who participated in the riot")]);
        // A picture set into the cut paragraph stays after it.
        let caption = || Block::Caption {
            text: "图为首饰展。".into(),
            credit: None,
        };
        let mut blocks = vec![para("在不同历史时期，首饰"), caption()];
        push_continuing(&mut blocks, para("制作工艺也在不断变化。"));
        assert_eq!(
            blocks,
            [
                para("在不同历史时期，首饰制作工艺也在不断变化。"),
                caption()
            ]
        );
    }

    #[test]
    fn a_finished_paragraph_or_a_subhead_keeps_the_break() {
        let mut blocks = vec![para("首饰都是时尚的产物。")];
        push_continuing(&mut blocks, para("制作工艺也在不断变化。"));
        assert_eq!(blocks.len(), 2);
        let mut blocks = vec![para("在不同历史时期，首饰")];
        push_continuing(
            &mut blocks,
            Block::Heading {
                text: "工艺".into(),
            },
        );
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn ascii_words_are_the_whitespace_split() {
        for s in ["", "  ", " a  b\tc\u{b}d\u{c}e\r\nf ", "one", "x  "] {
            let words: Vec<&str> = to_ascii_words(s).collect();
            assert_eq!(words, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
        assert_eq!(
            collapse_spaces(" New \u{a0} York\u{3000}City "),
            "New York City"
        );
    }

    #[test]
    fn joins_cjk_tight_and_latin_with_space_or_dehyphenated() {
        assert_eq!(
            join_raw(&["株洲北斗湖时空信", "息科技园"], true),
            "株洲北斗湖时空信息科技园"
        );
        assert_eq!(
            join_raw(&["the con-", "tinued story"], false),
            "the continued story"
        );
        assert_eq!(
            join_raw(&["the Austro-", "Hungarian army in 1915-", "16"], false),
            "the Austro-Hungarian army in 1915-16"
        );
        assert_eq!(
            join_raw(&["printed to-", "i", "I morrow."], false),
            "printed to- i I morrow."
        );
        assert_eq!(join_raw(&["drown", "ing"], false), "drown ing");
        // Two words that make none together keep their compound's hyphen; fragments, or
        // halves that make a word, lose the line break's.
        assert_eq!(
            join_raw(&["a five-", "year contract, well-", "known"], false),
            "a five-year contract, well-known"
        );
        assert_eq!(
            join_raw(
                &["some-", "thing re-", "turned, visit-", "ing lay-", "in'"],
                false
            ),
            "something returned, visiting layin'"
        );
    }
}
