//! How likely one line continues another: the score of a candidate join (line A's end
//! followed by line B's start), from word continuity, the page's own character bigrams and
//! typography.
//!
//! It scores one pair at a time and knows nothing of columns or periods; choosing among
//! joins is [`super::chain`]'s job.

use std::borrow::Cow;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::super::lines::Line;
use super::super::reflow::{has_cjk_layout_space, remove_layout_spaces};
use super::super::script::{closes_sentence, is_cjk, is_ideograph, is_space};

/// Characters of each side cut together with jieba: enough for the long words that span a
/// column break, few enough that the cut stays cheap.
const SIDE: usize = 4;
/// Reward for a dictionary word that spans the join.
const WORD_SPAN: f32 = 2.0;
/// Reward per sighting of the join's bigram inside a line elsewhere on the page.
const BIGRAM_SEEN: f32 = 0.6;
/// Sightings beyond this add nothing: common bigrams say little more.
const BIGRAM_CAP: u32 = 3;
/// Penalty when the typography forbids the join (a clause mark after a finished sentence).
const FORBIDDEN: f32 = 4.0;

/// The segmenter with its built-in dictionary, loaded on first use only.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Spaces between CJK characters from which a line counts as justified to the full column
/// width however few characters it holds.
const JUSTIFIED_SPACES: usize = 3;

/// Ems a full line may fall short of its column: a paragraph's lost two-em indent, narrow
/// quotes and compressed punctuation.
const FULL_SLACK: f32 = 3.5;
/// The same as a share of the column: digits set wider than half an em add up.
const FULL_SHARE_SLACK: f32 = 0.25;
/// Share of the column width below which a line is short.
const SHORT_SHARE: f32 = 0.6;

/// One line as the scorer sees it: its non-space characters and its printed width, and
/// what the scorer asks of them, worked out once since it asks for every candidate join.
#[derive(Debug, Clone)]
pub struct Side {
    pub chars: Vec<char>,
    /// Printed width in ems; a justified line (layout spaces between characters) counts as
    /// infinitely wide, since it fills its column.
    pub width: f32,
    ends_sentence: bool,
    /// Leaves a round bracket open (`（记者`): its text goes on where the bracket closes.
    pub leaves_bracket_open: bool,
    /// Closes a bracket opened before it (`姜琳）为贯彻落实…`).
    pub closes_bracket_first: bool,
    /// Characters set narrow (digits, Latin letters, curly quotes) whose printed width
    /// `script::width` only estimates: fonts set them anywhere from a half em to two thirds.
    pub narrow: usize,
    /// See [`Side::starts_with_continuation`].
    starts_with_continuation: bool,
    /// See [`Side::is_pure`].
    pure: bool,
}

/// Whether `chars` leave a round bracket open.
pub fn leaves_bracket_open(chars: impl IntoIterator<Item = char>) -> bool {
    let depth = chars.into_iter().fold(0i32, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => d - 1,
        _ => d,
    });
    depth > 0
}

/// Whether `chars` close a round bracket before opening one.
pub fn closes_bracket_first(chars: impl IntoIterator<Item = char>) -> bool {
    chars
        .into_iter()
        .find(|c| matches!(c, '（' | '(' | '）' | ')'))
        .is_some_and(|c| matches!(c, '）' | ')'))
}

impl Side {
    /// The scorer's view of `line`, whose width was measured when it was made.
    pub fn from_line(line: &Line) -> Self {
        Self::measured(line.text, line.width)
    }

    /// The side of a line of `text` (tests build sides so).
    #[cfg(test)]
    pub fn from_text(text: &str) -> Self {
        Self::measured(text, super::super::script::width(text))
    }

    /// The side of `text`, whose printed width is `width` unless it is justified.
    fn measured(text: &str, width: f32) -> Self {
        // Sized for the worst case, one character a byte: collected through a filter, the
        // characters would otherwise grow the vector several times.
        let mut chars = Vec::with_capacity(text.len());
        chars.extend(text.chars().filter(|&c| !is_space(c)));
        let tail = &chars[chars.len().saturating_sub(3)..];
        Side {
            ends_sentence: closes_sentence(tail.iter().rev().copied()),
            leaves_bracket_open: leaves_bracket_open(chars.iter().copied()),
            closes_bracket_first: closes_bracket_first(chars.iter().copied()),
            narrow: chars
                .iter()
                .filter(|&&c| c.is_ascii_alphanumeric() || matches!(c, '“' | '”' | '‘' | '’'))
                .count(),
            starts_with_continuation: chars
                .first()
                .is_some_and(|&c| "，。、；：！？”）》’".contains(c)),
            pure: !chars.is_empty() && chars.iter().all(|&c| is_ideograph(c)),
            chars,
            width: if is_justified(text) {
                f32::INFINITY
            } else {
                width
            },
        }
    }

    /// Fills a column `col_width` ems wide, to within what quotes and digits set
    /// narrow and compressed punctuation take off a line.
    pub fn is_full(&self, col_width: f32) -> bool {
        self.width + FULL_SLACK.max(FULL_SHARE_SLACK * col_width) >= col_width
    }

    /// So much shorter than its column that it cannot be running text cut by the column's
    /// edge: a label, a headline or a paragraph's last line.
    fn is_short(&self, col_width: f32) -> bool {
        self.width < SHORT_SHARE * col_width
    }

    /// All ideographs: its width is exact, with no narrow quotes, digits or compressed
    /// punctuation, so it tells the column's width or a lost indent to the em.
    pub fn is_pure(&self) -> bool {
        self.pure
    }

    /// Short without finishing a sentence: a label or a headline fragment, not running text.
    pub fn is_fragment(&self, col_width: f32) -> bool {
        self.is_short(col_width) && !self.ends_sentence()
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    fn first(&self) -> Option<char> {
        self.chars.first().copied()
    }

    fn last(&self) -> Option<char> {
        self.chars.last().copied()
    }

    /// Holds a mark that ends a clause or a sentence, which headlines do without.
    pub fn has_clause_mark(&self) -> bool {
        self.chars
            .iter()
            .any(|c| matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？'))
    }

    /// Ends a sentence (`。`, `！`, `？`, possibly inside a closing quote).
    pub fn ends_sentence(&self) -> bool {
        self.ends_sentence
    }

    /// Starts with a mark that can only follow text on the same sentence.
    pub fn starts_with_continuation(&self) -> bool {
        self.starts_with_continuation
    }
}

/// A line stretched to its column by layout spaces between single characters
/// (`平。 不 让 技 术`), unlike a list of names or a date set with spaces between words.
/// The spaces pdftotext sets round figures where the font changes (`明年 1 月 1 日起`)
/// stretch nothing: a line is stretched only where a space stands between two figures
/// (`2 4`) or two other characters, not between a figure and another character alone.
pub fn is_justified(text: &str) -> bool {
    // Counted in one pass over the characters, each decoded once: the headline rules ask
    // this of a line many times (`split_whitespace` and a look into each word cost three
    // times as much).
    let (mut chunks, mut singles, mut word_len) = (0usize, 0usize, 0usize);
    for c in text.chars().chain([' ']) {
        if !is_space(c) {
            word_len += 1;
            continue;
        }
        // A space ends the word before it, if any; the one chained on ends the last.
        chunks += usize::from(word_len > 0);
        singles += usize::from(word_len == 1);
        word_len = 0;
    }
    // The few lines that count as spaced out are read again for the kind of their spaces.
    chunks > JUSTIFIED_SPACES && 2 * singles > chunks && has_stretching_space(text)
}

/// Whether `text` has a space between two figures or two characters that are no
/// figures, as a line stretched to its column has; not only spaces between a figure and
/// another character, which the font's change sets.
fn has_stretching_space(text: &str) -> bool {
    let mut before: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_space(c) {
            before = Some(c);
            continue;
        }
        while chars.next_if(|&n| is_space(n)).is_some() {}
        if let (Some(b), Some(&a)) = (before, chars.peek()) {
            if b.is_ascii_digit() == a.is_ascii_digit() {
                return true;
            }
        }
    }
    false
}

/// Bigrams seen inside the lines of one page: evidence of what follows what in its prose.
/// Kept as sorted keys (a sort beats hashing for the few thousand of one page).
#[derive(Debug, Default)]
pub struct Bigrams(Vec<u64>);

impl Bigrams {
    /// The bigrams of word characters adjacent inside each of `texts` (spaces skipped).
    pub fn from_texts(texts: &[&str]) -> Self {
        // About one key a character, and a Chinese character takes three bytes.
        let mut keys = Vec::with_capacity(texts.iter().map(|t| t.len()).sum::<usize>() / 3);
        for_each_word_bigram(texts, |a, b| keys.push(key(a, b)));
        keys.sort_unstable();
        Bigrams(keys)
    }

    /// Sightings of `a` followed by `b`, counted up to `cap`: one search finds the first,
    /// and the rest follow it (the scorer asks this of every candidate join).
    pub fn count_up_to(&self, a: char, b: char, cap: u32) -> u32 {
        let k = key(a, b);
        let first = self.0.partition_point(|&x| x < k);
        let seen = self.0[first..].iter().take(cap as usize);
        u32::try_from(seen.take_while(|&&x| x == k).count()).unwrap_or(cap)
    }
}

/// Calls `each` with every two word characters ([`is_word_char`]) adjacent inside one of
/// `texts`, spaces skipped: what a page's prose shows of what follows what.
pub fn for_each_word_bigram(texts: &[&str], mut each: impl FnMut(char, char)) {
    for t in texts {
        // Each character is classified once; a bigram needs both sides to be word characters.
        let mut prev: Option<char> = None;
        for c in t.chars() {
            let word = is_word_char(c);
            // Spaces are skipped, not breaks; no word character is one, so only the
            // others need asking.
            if !word && is_space(c) {
                continue;
            }
            if let (Some(p), true) = (prev, word) {
                each(p, c);
            }
            prev = word.then_some(c);
        }
    }
}

fn key(a: char, b: char) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// A character that takes part in words: an ideograph, a letter or a digit.
pub fn is_word_char(c: char) -> bool {
    // Ideographs and ASCII by range first: this runs for every character of every page, and
    // the Unicode table lookup is only needed for the rest of the CJK blocks (punctuation).
    match c as u32 {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ if is_cjk_punctuation(c) => false,
        _ => is_cjk(c) && c.is_alphanumeric(),
    }
}

/// The CJK punctuation and symbols a page is full of (`，。、：（）《》“”—…`), known not to be
/// letters or digits, so [`is_word_char`] can skip the Unicode tables for them. The test
/// `cjk_punctuation_is_no_letter_or_digit` checks every code point.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x3004 | 0x3008..=0x3011 | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// The score of B continuing A on a page whose body lines are `col_width` ems wide.
/// Positive is evidence for the join, negative against it; 0 is "nothing known".
/// `spans_word` says whether a word spans the join ([`spans_word`]: jieba, the costly part,
/// so callers ask only where the order is in doubt, and keep the answer), asked only of a
/// seam between word characters.
pub fn score(
    a: &Side,
    b: &Side,
    bigrams: &Bigrams,
    col_width: f32,
    spans_word: impl FnOnce() -> bool,
) -> f32 {
    let (Some(x), Some(y)) = (a.last(), b.first()) else {
        return 0.0;
    };
    if b.starts_with_continuation() && a.ends_sentence() {
        return -FORBIDDEN;
    }
    let mut s = typography(a, b, col_width);
    if is_word_char(x) && is_word_char(y) {
        s += BIGRAM_SEEN * bigrams.count_up_to(x, y, BIGRAM_CAP) as f32;
        if spans_word() {
            s += WORD_SPAN;
        }
    }
    // A number or a Latin word broken by the line end reads on in the next line.
    if x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric() {
        s += 1.0;
    }
    s
}

/// Evidence from line shapes: a full line runs on; a short line that ends a sentence closes
/// a paragraph, so its successor must start one.
fn typography(a: &Side, b: &Side, col_width: f32) -> f32 {
    let full = |s: &Side| s.is_full(col_width);
    if (a.is_short(col_width) || b.is_short(col_width)) && !a.ends_sentence() && !b.ends_sentence()
    {
        return -FORBIDDEN;
    }
    let mut s = 0.0;
    if !full(a) && !a.ends_sentence() {
        s -= FORBIDDEN / 2.0;
    }
    if b.starts_with_continuation() {
        s += 0.5;
    }
    if full(a) && (full(b) || b.ends_sentence()) {
        s += 0.5;
    }
    if !full(a) && a.ends_sentence() && b.starts_with_continuation() {
        s -= FORBIDDEN;
    }
    s
}

/// True when jieba's dictionary cut of the join's neighbourhood puts a word of two or more
/// characters across the join.
pub fn spans_word(a: &Side, b: &Side) -> bool {
    let left = &a.chars[a.len().saturating_sub(SIDE)..];
    let right = &b.chars[..b.len().min(SIDE)];
    if !word_chars_meet(left.last().copied(), right.first().copied()) {
        return false;
    }
    // One string built once: this runs for every join the reading order checks.
    let window: String = left.iter().chain(right).collect();
    cut_spans(&window, left.len())
}

/// True when a word runs from the end of line `above` into the start of line `below`
/// (`…成了苦` + `恼事。…`), read over a few characters of each side.
pub fn word_across_lines(above: &str, below: &str) -> bool {
    let (left, right) = seam(above, below, SIDE);
    word_across(&left, &right)
}

/// The last [`SIDE`] characters of line `above` and the first `take` of line `below`: slices
/// of the lines, copied only where a justified line's layout spaces split a side (`…和 方 法`
/// / `论 是 我 们…`). Those spaces are no part of the text, and jieba finds no word across
/// them (方法论); such a side counts printed characters only and comes without them.
fn seam<'t>(above: &'t str, below: &'t str, take: usize) -> (Cow<'t, str>, Cow<'t, str>) {
    let above = above.trim_end();
    let below = below.trim_start();
    let left_at = above
        .char_indices()
        .rev()
        .nth(SIDE - 1)
        .map_or(0, |(i, _)| i);
    let right_end = below
        .char_indices()
        .nth(take)
        .map_or(below.len(), |(i, _)| i);
    let (left, right) = (&above[left_at..], &below[..right_end]);
    let left = if has_cjk_layout_space(left) {
        Cow::Owned(printed_tail(above, SIDE))
    } else {
        Cow::Borrowed(left)
    };
    let right = if has_cjk_layout_space(right) {
        Cow::Owned(remove_layout_spaces(below).chars().take(take).collect())
    } else {
        Cow::Borrowed(right)
    };
    (left, right)
}

/// The last `n` characters of `text` with its layout spaces removed.
fn printed_tail(text: &str, n: usize) -> String {
    let printed = remove_layout_spaces(text);
    let skip = printed.chars().count().saturating_sub(n);
    printed.chars().skip(skip).collect()
}

/// The first word of `text` as jieba cuts its first few characters (`的` of `的远程…`,
/// but `的确` of `的确，…`).
pub fn first_word(text: &str) -> String {
    let head: String = text.trim_start().chars().take(SIDE).collect();
    jieba()
        .cut(&head, false)
        .first()
        .map(|t| t.word.to_owned())
        .unwrap_or_default()
}

/// True when a word runs from `above` into `below` and `below` reads on in words after it,
/// as a headline's wrap does (`把盐碱地变` / `成米粮川`: 变成, then 米粮川). A name under a
/// title may make a word with the title's last character by chance (`…一年多` / `曲哲涵`:
/// 多曲); what is left of it is a given name, characters the segmenter leaves single.
pub fn wrap_reads_on(above: &str, below: &str) -> bool {
    let (left, right) = seam(above, below, 2 * SIDE);
    if !joins_at_seam(&left, &right) {
        return false;
    }
    let cut_at = left.chars().count();
    let window = format!("{left}{right}");
    let tokens = jieba().cut(&window, false);
    let across = tokens.iter().any(|t| spans(t.start, t.end, cut_at));
    let rest: Vec<usize> = tokens
        .iter()
        .filter(|t| t.start >= cut_at)
        .map(|t| t.end - t.start)
        .collect();
    // Two characters or more left, all single: a given name, not words.
    let given_name = rest.len() >= 2 && rest.iter().all(|&n| n == 1);
    across && !given_name
}

/// True when jieba cuts `left` + `right` with a word of two or more characters across the
/// seam (`赋能生` + `产生活`: 生产). Pass a few characters of each side.
pub fn word_across(left: &str, right: &str) -> bool {
    if !joins_at_seam(left, right) {
        return false;
    }
    cut_spans(&format!("{left}{right}"), left.chars().count())
}

/// True when jieba's cut of `window` has a word of two characters or more across the
/// seam `cut_at` characters in.
fn cut_spans(window: &str, cut_at: usize) -> bool {
    jieba()
        .cut(window, false)
        .iter()
        .any(|t| spans(t.start, t.end, cut_at))
}

/// A word across the seam joins the characters on either side of it, so both must be word
/// characters; asking that first spares jieba (whose dictionary lookups miss the cache: a
/// cut costs microseconds) every seam at a punctuation mark or a space.
fn joins_at_seam(left: &str, right: &str) -> bool {
    word_chars_meet(left.chars().next_back(), right.chars().next())
}

/// Whether both characters either side of a seam are word characters.
fn word_chars_meet(last: Option<char>, first: Option<char>) -> bool {
    last.is_some_and(is_word_char) && first.is_some_and(is_word_char)
}

/// Whether a word of two characters or more from `start` to `end` spans the seam at `cut`.
fn spans(start: usize, end: usize, cut: usize) -> bool {
    start < cut && end > cut && end - start >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_punctuation_is_no_letter_or_digit() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!(is_cjk_punctuation(c) && c.is_alphanumeric()), "{c:?}");
        }
    }

    fn s(text: &str) -> Side {
        Side::from_text(text)
    }

    /// A justified line's layout spaces split no word: 方法论 runs across `…和 方 法` /
    /// `论 是 我 们…` as it does across the same lines printed without them. Spaces between
    /// Latin words stay.
    #[test]
    fn layout_spaces_split_no_word_across_lines() {
        assert!(word_across_lines(
            "科学的世界观和 方 法",
            "论 是 我 们 研 究 问题、"
        ));
        assert!(word_across_lines(
            "科学的世界观和方法",
            "论是我们研究问题、"
        ));
        assert!(!word_across_lines(
            "科学的世界观和 方 法",
            "我 们 研 究 问题、"
        ));
        let (left, right) = seam("近年来 ， 广 西 构 建", "产 业 工 人 技 能", SIDE);
        assert_eq!((left.as_ref(), right.as_ref()), ("广西构建", "产业工人"));
        let (left, right) = seam("the New York", "Times said", SIDE);
        assert_eq!((left.as_ref(), right.as_ref()), ("York", "Time"));
    }

    #[test]
    fn a_wrap_reads_on_in_words_a_name_does_not() {
        assert!(wrap_reads_on("把盐碱地变", "成米粮川"));
        assert!(!wrap_reads_on("游客一年更比一年多", "曲哲涵"));
        // No word across the seam at all.
        assert!(!wrap_reads_on("把盐碱地变成米粮川", "窦皓"));
    }

    /// The score of `below` continuing `above` in a column 8 ems wide, jieba asked.
    fn scored(above: &str, below: &str) -> f32 {
        let (a, b) = (s(above), s(below));
        score(&a, &b, &Bigrams::default(), 8.0, || spans_word(&a, &b))
    }

    #[test]
    fn a_word_across_the_join_is_evidence() {
        let good = scored("推动经济高质量发", "展取得新成效");
        let bad = scored("推动经济高质量发", "我们今天看到");
        assert!(good > bad, "{good} {bad}");
    }

    #[test]
    fn a_clause_mark_never_follows_a_finished_sentence() {
        assert!(scored("这是最后一句。", "，然后呢") < 0.0);
    }

    /// The one-pass count agrees with counting the words `split_whitespace` gives.
    #[test]
    fn justified_lines_are_counted_as_words_between_spaces() {
        let by_words = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let singles = words.iter().filter(|w| w.chars().count() == 1).count();
            words.len() > JUSTIFIED_SPACES && 2 * singles > words.len()
        };
        for text in [
            "",
            "平。 不 让 技 术",
            " 新 春 走 基 层 ",
            "新\u{3000}春\u{3000}走\u{3000}基",
            "10 月 23 日",
            "张三 李四 王五 赵六",
            "a  b\tc\u{a0}d e",
            "推动经济高质量发展",
        ] {
            assert_eq!(is_justified(text), by_words(text), "{text:?}");
        }
    }

    #[test]
    fn page_bigrams_count() {
        let b = Bigrams::from_texts(&["发展", "发 展很快"]);
        assert_eq!(b.count_up_to('发', '展', 3), 2);
        assert_eq!(b.count_up_to('发', '展', 1), 1);
        assert_eq!(b.count_up_to('展', '发', 3), 0);
    }
}
