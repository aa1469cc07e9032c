//! Character classes the splitter reasons with: CJK or Latin, sentence-final punctuation,
//! and the printed width of a line.
//!
//! Widths are in "ems" of the body font: a CJK character or full-width punctuation mark is
//! one em, an ASCII character half an em (digits and Latin letters are set half-width in
//! Chinese papers). Spaces count for nothing, because in a dump they are mostly layout.

/// True for CJK ideographs, kana, full-width forms and CJK punctuation, including the curly
/// quotes and brackets Chinese typesetting sets full-width.
pub fn is_cjk(c: char) -> bool {
    // The commonest case first: most characters of a Chinese page are ideographs.
    is_ideograph(c)
        || matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// `char::is_whitespace`, answered for the characters a page is made of without the Unicode
/// table: no whitespace character lies above U+3000 (the ideographic space), so an
/// ideograph or a full-width punctuation mark is told by one comparison.
pub fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// `s` without leading and trailing whitespace, as `str::trim` gives it, for the tests
/// asked of every line: [`is_space`] answers for a CJK character in one comparison, where
/// `trim` asks the Unicode table (callgrind: 90 instructions a call).
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// True for a CJK unified ideograph of the basic block (no punctuation, no kana).
pub fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// True when `text` holds `a` or `b`, both characters of three UTF-8 bytes (CJK): one
/// vectorised search for their last bytes, each hit checked as the whole character. Two
/// substring searches cost several times as much on a line of text, and a search for one
/// `char` stops at every character that shares its last byte.
pub fn holds_either(text: &str, a: char, b: char) -> bool {
    let (mut ab, mut bb) = ([0; 4], [0; 4]);
    let (a, b) = (
        a.encode_utf8(&mut ab).as_bytes(),
        b.encode_utf8(&mut bb).as_bytes(),
    );
    debug_assert!(a.len() == 3 && b.len() == 3, "three-byte characters");
    let bytes = text.as_bytes();
    memchr::memchr2_iter(a[2], b[2], bytes).any(|last| {
        // A continuation byte is never a lead byte, so a match is a whole character.
        last >= 2 && (&bytes[last - 2..=last] == a || &bytes[last - 2..=last] == b)
    })
}

/// Printed width of `s` in ems (see the module doc).
pub fn width(s: &str) -> f32 {
    measure(s).0
}

/// What a line's characters are, counted in the pass that measures its width: the splitter
/// asks of every line whether it is prose and of every page whether it is Chinese, and one
/// pass over the characters serves all three.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// CJK characters (see [`is_cjk`]).
    pub cjk: u32,
    /// Latin letters: alphabetic characters that are not CJK.
    pub latin: u32,
    /// Printed characters that are not CJK: letters, digits, Latin punctuation.
    pub other: u32,
    /// Runs of two or more printed characters between spaces: words, where a letter-spaced
    /// line (`同 年 ，又`) has single characters.
    pub long_words: u32,
}

/// The printed width of `s` in ems and the tally of its characters, in one pass.
pub fn measure(s: &str) -> (f32, Tally) {
    // Width is counted in half ems as an integer, which is exact; so is the division.
    let (mut halves, mut word_len) = (0u32, 0u32);
    let mut t = Tally::default();
    let mut at = 0;
    while at < s.len() {
        // Most characters of a Chinese page are ideographs: told by their bytes, they are
        // counted without being decoded (callgrind: decoding was half of this function).
        let c = if opens_with_ideograph(&s.as_bytes()[at..]) {
            at += IDEOGRAPH_BYTES;
            None
        } else {
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            if is_space(c) {
                word_len = 0;
                continue;
            }
            Some(c)
        };
        word_len += 1;
        t.long_words += u32::from(word_len == 2);
        let Some(c) = c else {
            halves += 2;
            t.cjk += 1;
            continue;
        };
        if c.is_ascii() {
            halves += 1;
            t.other += 1;
            t.latin += u32::from(c.is_ascii_alphabetic());
        } else if is_cjk(c) {
            // Curly quotes print half-width even in Chinese fonts' proportional setting.
            halves += if matches!(c, '“' | '”' | '‘' | '’') {
                1
            } else {
                2
            };
            t.cjk += 1;
        } else {
            halves += 1;
            t.other += 1;
            t.latin += u32::from(c.is_alphabetic());
        }
    }
    (halves as f32 / 2.0, t)
}

/// The UTF-8 length of an ideograph of the basic block.
const IDEOGRAPH_BYTES: usize = 3;

/// True when `bytes`, UTF-8 from a character's start, open with an ideograph
/// ([`is_ideograph`]): U+4E00..=U+9FFF are the three-byte sequences led by `E4 B8`..`E4 BF`
/// and by `E5`..`E9`.
fn opens_with_ideograph(bytes: &[u8]) -> bool {
    matches!(bytes, [0xE5..=0xE9, ..] | [0xE4, 0xB8..=0xBF, ..])
}

/// Ems by which a line's counted width may fall short of its printed one: digits and Latin
/// letters count half an em, but fonts set them up to two thirds (`2024年4月，…` fills an
/// indented line that counts a little over an em short of it).
pub fn narrow_slack(text: &str) -> f32 {
    /// Ems each narrow character may take beyond its half.
    const PER_NARROW: f32 = 0.25;
    /// Narrow characters past this many widen the slack no further.
    const COUNTED: usize = 8;
    let narrow = text.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    PER_NARROW * narrow.min(COUNTED) as f32
}

/// True when the tallied lines hold more CJK characters than Latin letters: the page is
/// Chinese.
pub fn is_mostly_cjk<'a>(tallies: impl IntoIterator<Item = &'a Tally>) -> bool {
    let (cjk, latin) = tallies.into_iter().fold((0u64, 0u64), |(c, l), t| {
        (c + u64::from(t.cjk), l + u64::from(t.latin))
    });
    cjk > latin
}

/// Closing quotes and brackets that may follow a sentence's final mark (`。”`, `。）`).
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '"' | '\'' | '》'
    )
}

/// True when `s` ends a sentence: a full stop, question or exclamation mark, or an ellipsis,
/// optionally followed by closing quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    // Read backwards, each character decoded once: asked of every line as it is made.
    closes_sentence(s.chars().rev().skip_while(|&c| is_space(c))) && !ends_on_title(s)
}

/// The titles English sets before a name, abbreviated with a stop (`Mr.`, `St.`): a
/// line ending on one breaks inside a name (`…the guest of Mrs.` / `Clyde Akin.`), not
/// after a sentence.
const TITLES: [&str; 18] = [
    "Mr.", "Mrs.", "Ms.", "Dr.", "Rev.", "St.", "Mt.", "Ft.", "Gen.", "Gov.", "Sen.", "Rep.",
    "Lt.", "Col.", "Capt.", "Sgt.", "Prof.", "Hon.",
];

/// Whether `s` ends on a title abbreviated with a stop, as a word of its own. `St.` after
/// a name or a number is the street's (`100 Main St.`, `Fifth St.`), which may end one.
fn ends_on_title(s: &str) -> bool {
    let text = s.trim_end();
    // Most lines end otherwise: one byte test rules them out.
    if !text.ends_with('.') {
        return false;
    }
    let mut words = text.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'));
    let Some(word) = words.next().filter(|w| TITLES.contains(w)) else {
        return false;
    };
    let mut street = || {
        words.find(|w| !w.is_empty()).is_some_and(|before| {
            before.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !before.ends_with('.')
        })
    };
    word != "St." || !street()
}

/// True when `rev`, a text's characters read backwards from its last printed one, opens
/// (so the text ends) with a sentence's final mark after any closing quotes or brackets
/// (see [`ends_sentence`]).
pub fn closes_sentence(mut rev: impl Iterator<Item = char>) -> bool {
    rev.find(|&c| !is_closer(c))
        .is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '.' | '；'))
}

/// True when a paragraph's text may end where `paragraph` stops: a sentence closes there,
/// or a bracketed aside that completes it (see [`ends_with_aside`]).
pub fn closes_text(paragraph: &str) -> bool {
    ends_sentence(paragraph) || ends_with_aside(paragraph)
}

/// True when `paragraph` ends with a bracketed aside that completes it: a source note
/// (`（摘编自《安徽日报》）`) that is the whole paragraph, or a cross-reference after a
/// finished sentence (`…3年。（相关报道见第二版）`). Such a paragraph is a natural end.
pub fn ends_with_aside(paragraph: &str) -> bool {
    let text = paragraph.trim_end();
    if !text.ends_with(['）', ')']) {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    let before = text[..at].trim_end();
                    return before.is_empty() || ends_sentence(before);
                }
            }
            _ => {}
        }
    }
    false
}

/// True when `s` holds a sentence-final mark anywhere (a heading never does).
pub fn has_sentence_mark(s: &str) -> bool {
    s.contains(SENTENCE_MARKS)
}

/// The marks that end a Chinese sentence.
pub const SENTENCE_MARKS: [char; 3] = ['。', '！', '？'];

/// True when `text` holds more `open` marks than `close` ones (`“` and `”`, `《` and `》`).
pub fn leaves_open(text: &str, open: char, close: char) -> bool {
    // Most lines hold no opening mark: one search settles them.
    text.contains(open) && text.matches(open).count() > text.matches(close).count()
}

/// Share of the letters of `s` that are uppercase Latin letters (0 when it has none).
pub fn upper_ratio(s: &str) -> f32 {
    let (mut letters, mut upper) = (0u32, 0u32);
    for b in s.bytes() {
        letters += u32::from(b.is_ascii_alphabetic());
        upper += u32::from(b.is_ascii_uppercase());
    }
    if letters == 0 {
        return 0.0;
    }
    upper as f32 / letters as f32
}

/// True when `s` is set in capitals: three letters in four or more uppercase, which
/// leaves room for OCR's slips (`Ill DISCUSS IT`) and a lowercase `and` (`BOOK and JOB`).
pub fn is_capitals(s: &str) -> bool {
    const CAPITALS_SHARE: f32 = 0.75;
    upper_ratio(s) >= CAPITALS_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_the_unicode_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
        for s in ["\u{3000}标题\u{3000}", " a b\t", "\u{a0}", "正文"] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn a_title_before_a_name_ends_no_sentence() {
        for line in [
            "turned a verdict against Mr.",
            "AUBURN — St.",
            "the guest of (Mrs.",
        ] {
            assert!(!ends_sentence(line), "{line}");
        }
        for line in [
            "He met Mr. Culp.",
            "in the West.",
            "Mrs. Doe is the Rev. Smith's sister.",
            "Where: City Hall, 100 Main St.",
            "on Fifth St.",
            "完成了。",
        ] {
            assert!(ends_sentence(line), "{line}");
        }
    }

    #[test]
    fn ideographs_are_told_by_their_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(opens_with_ideograph(bytes), is_ideograph(c), "{c:?}");
        }
    }

    #[test]
    fn either_character_is_found_as_a_whole_character() {
        assert!(holds_either("请扫码关注", '扫', '维'));
        assert!(holds_either("二维码", '扫', '维'));
        assert!(holds_either("维", '扫', '维'));
        // Characters ending in one of their last bytes (年 E5 B9 B4, 水 E6 B0 B4, …), and
        // one holding it in the middle (嫩 E5 AB A9).
        assert!(!holds_either("今年水快说嫩", '扫', '维'));
        assert!(!holds_either("", '扫', '维'));
        assert!(!holds_either("ab", '扫', '维'));
    }

    #[test]
    fn widths_count_digits_as_half() {
        assert_eq!(width("10 月 23 日"), 4.0);
        assert_eq!(width("“惠购”"), 3.0);
    }

    #[test]
    fn tallies_count_scripts_and_words_between_spaces() {
        let (_, t) = measure("同 年 ，又 分 别");
        assert_eq!((t.cjk, t.latin, t.other, t.long_words), (6, 0, 0, 1));
        let (_, t) = measure("By JOHN SMITH 1916");
        assert_eq!((t.cjk, t.latin, t.other, t.long_words), (0, 11, 15, 4));
        // Spaces, ideographic ones too, are no characters of either script.
        let (w, t) = measure("“惠购”\u{3000}A");
        assert_eq!((w, t.cjk, t.latin, t.other), (3.5, 4, 1, 1));
    }

    #[test]
    fn a_page_is_chinese_when_its_cjk_outnumbers_its_latin_letters() {
        let tally = |s| measure(s).1;
        assert!(is_mostly_cjk(&[tally("新华社 AP 电"), tally("12345")]));
        assert!(!is_mostly_cjk(&[tally("新华社"), tally("By AP")]));
    }

    /// The backward read agrees with trimming the spaces and closers off and looking at
    /// what is left.
    #[test]
    fn sentence_ends_read_backwards_as_trimmed() {
        let trimmed = |s: &str| {
            s.trim_end_matches(is_space)
                .trim_end_matches(is_closer)
                .ends_with(['。', '！', '？', '!', '?', '…', '.', '；'])
        };
        for s in [
            "",
            " ",
            "。",
            "”",
            "。”",
            "。 ”",
            "。” ",
            "好。）》 ",
            "好”",
            "a.",
            "a. ",
            "a",
            "……",
            "是吗？\u{3000}",
            "”。",
        ] {
            assert_eq!(ends_sentence(s), trimmed(s), "{s:?}");
        }
    }

    #[test]
    fn sentence_ends_see_through_closing_quotes() {
        assert!(ends_sentence("就是自己最大的心愿。"));
        assert!(ends_sentence("都不敢马虎。”"));
        assert!(!ends_sentence("所有产业园区、"));
        assert!(!ends_sentence("（相关报道见第二版）"));
    }

    #[test]
    fn asides_end_a_paragraph_only_when_complete() {
        assert!(ends_with_aside(
            "（摘编自《安徽日报》，原题为《不能让“歪嘴”测评误导消费者》）"
        ));
        assert!(ends_with_aside("最长不超过3年。（相关报道见第二版）"));
        assert!(!ends_with_aside("新华社北京11月8日电（记者 张三）"));
        assert!(!ends_with_aside("原题为《文明是怎样炼成的》）"));
        assert!(!ends_with_aside("一二三）"));
        assert!(!ends_with_aside("还需相关地方和"));
    }
}
