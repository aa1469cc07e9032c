//! A headline block's lines into kicker (引题), title and subtitle (副题).
//!
//! Newspaper conventions: a kicker ends in `——` or `：`, or is set in a long line of small
//! type above a title in large type; a title may wrap over two lines of similar length; a
//! subtitle is a noticeably shorter line under the title (`陈恢清致辞`), or, in a head of
//! three sizes, a longer one under a title shorter than the lines around it. In English, the
//! capitalised lines are the title and the decks under them the subtitle. One block as
//! pdftotext printed it may hold two stories' heads ([`second_title_at`] finds where).

use super::classify::COLUMN_LABEL;
use super::latin::{is_life_span, is_obituaries_label, is_sentence_case};
use super::order::word_across_lines;
use super::reflow::{collapse_spaces, tighten_cjk_head};
use super::script::{is_capitals, is_ideograph, leaves_open};

/// One headline as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headline {
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
}

impl Headline {
    /// Its printed parts in reading order: kicker, title, subtitle (those it has).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let kicker = self.kicker.as_deref();
        let subtitle = self.subtitle.as_deref();
        kicker
            .into_iter()
            .chain([self.title.as_str()])
            .chain(subtitle)
    }
}

/// A line of a headline block and its printed width.
pub type HeadLine<'a> = (&'a str, f32);

/// Splits one headline block (no blank line inside) into its parts.
pub fn from_lines(lines: &[HeadLine], cjk: bool) -> Headline {
    if !cjk {
        return from_latin(lines);
    }
    let (kicker_len, sub_len) = match marked_kicker_len(lines) {
        None if in_three_sizes(lines) => (1, 1),
        marked => {
            let kicker_len = marked.unwrap_or_else(|| wide_kicker_len(lines));
            let rest = &lines[kicker_len..];
            let sub_len =
                wrapped_subtitle_len(rest).unwrap_or_else(|| usize::from(has_subtitle(rest)));
            (kicker_len, sub_len)
        }
    };
    let rest = &lines[kicker_len..];
    let (title, sub) = rest.split_at(rest.len() - sub_len);
    Headline {
        kicker: (kicker_len > 0).then(|| join(&lines[..kicker_len], true)),
        title: join(title, true),
        subtitle: (sub_len > 0).then(|| join(sub, true)),
    }
}

/// True when `line` opens with a dash, as a subtitle may (`——新增学位九百余个`) and no
/// title does.
fn opens_with_dash(line: &str) -> bool {
    line.starts_with(['—', '-'])
}

/// The marks a kicker ends in (`——`, `：`), leading into the title under it.
const KICKER_MARKS: [char; 3] = ['—', '：', ':'];

/// True when `line` ends in a kicker's mark.
fn ends_as_kicker(line: &str) -> bool {
    line.ends_with(KICKER_MARKS)
}

/// True when `line` ends in a kicker's dash (`中国地震局工程力学研究所研究员马强——`), which
/// leads into a title and ends none.
pub fn ends_in_kicker_dash(line: &str) -> bool {
    line.ends_with("——")
}

/// True when `lines` reads as a kicker: ends in `——`/`：`.
pub fn is_kicker_like(lines: &[HeadLine]) -> bool {
    lines.last().is_some_and(|(t, _)| ends_as_kicker(t))
}

/// The lines of a kicker that ends in `——`/`：` above the title, if the lines have one.
fn marked_kicker_len(lines: &[HeadLine]) -> Option<usize> {
    let (_, above_last) = lines.split_last()?;
    above_last
        .iter()
        .position(|(t, _)| ends_as_kicker(t))
        .map(|k| k + 1)
}

/// 1 when the first line is a long line of small type over the title's lines of large
/// type.
fn wide_kicker_len(lines: &[HeadLine]) -> usize {
    usize::from(holds_wide_kicker(lines))
}

/// True when `lines` open with a kicker set in a long line of small type over the title's
/// lines of large type: a whole headline, kicker and all.
pub fn holds_wide_kicker(lines: &[HeadLine]) -> bool {
    lines.len() >= 3 && lines[0].1 > KICKER_WIDER * widest(&lines[1..])
}

/// True when the lines are a kicker, a title and a subtitle in three sizes: the title, in
/// the largest type, holds fewer characters than the line above it and the line below it
/// (or a dash opens the line below, whatever its length). A long line over a short one
/// alone is as often a title over its subtitle.
fn in_three_sizes(lines: &[HeadLine]) -> bool {
    let [first, middle @ .., last] = lines else {
        return false;
    };
    let title = widest(middle);
    !middle.is_empty()
        && first.1 > KICKER_WIDER * title
        && (opens_with_dash(last.0) || last.1 > KICKER_WIDER * title)
}

/// How many times the widest title line a kicker (or a subtitle in a three-size head) holds.
pub const KICKER_WIDER: f32 = 1.4;

/// The width of the widest of `lines`.
pub fn widest(lines: &[HeadLine]) -> f32 {
    lines.iter().map(|l| l.1).fold(0.0, f32::max)
}

/// The lines of a subtitle wrapped onto a second line under the title: the dash opens
/// the line before the last (`——国家发展改革委` / `有关负责人答记者问`).
fn wrapped_subtitle_len(lines: &[HeadLine]) -> Option<usize> {
    let k = lines.len().checked_sub(2).filter(|&k| k > 0)?;
    opens_with_dash(lines[k].0).then_some(2)
}

fn has_subtitle(lines: &[HeadLine]) -> bool {
    let Some(((last, w), before)) = lines.split_last() else {
        return false;
    };
    let Some((prev, _)) = before.last() else {
        return false;
    };
    let widest = widest(before);
    // A remainder of up to three characters is the title's wrap, not a subtitle (the
    // shortest, a name and 出席, has four); so is a line that closes a bracket the title
    // left open (`《实施弹性退休制度暂行办` + `法》发布`) or finishes a word the line above
    // broke (`新职业持续赋能生` + `产生活`).
    let apart = || {
        !prev.ends_with(['，', '、', ','])
            && !ends_in_short_clause(prev)
            && !lines_leave_open(before)
            && !breaks_word(prev, last)
    };
    opens_with_dash(last)
        || (*w < 0.75 * widest && *w >= 4.0 && apart())
        // A wrapped line never holds more than the line it wraps from; a line of many more
        // characters is set in smaller type: the subtitle under the title.
        || (*w >= SUBTITLE_WIDER * widest && *w >= 8.0 && apart())
}

/// How many times the widest line above a last line of smaller type holds.
const SUBTITLE_WIDER: f32 = 1.5;

/// Ems by which a line must hold more than the line above it to open another title:
/// widths of lines with quotes or figures are estimates to an em.
const WIDER_BY: f32 = 2.0;

/// Where a block of headline lines (no blank line inside) holds a title wrapped over two
/// lines or more and another title printed under it, the index of the second's first line.
/// A title wraps onto lines no longer than its first, so a line clearly longer than the
/// wrapped line above it (or than a one-line title under its kicker) opens another title,
/// unless it is set in smaller type (a subtitle, [`SUBTITLE_WIDER`] times as long or
/// opening with a dash; but lines that end in a kicker's dash are no subtitle, however
/// long), or the lines above end no title: a kicker (`——`), a line left open (a clause
/// mark, a bracket) or a word broken across the two lines.
///
/// A single line over a longer one is left alone (the halves of a two-part title,
/// `干字当头亮点纷呈` / `高质量发展成为主旋律`, are set so too, and so is a kicker set in
/// longer lines than the title under it), unless the block ends in a kicker's dash: then
/// the longer lines are the next story's kicker, which is no half of a title.
pub fn second_title_at(lines: &[HeadLine]) -> Option<usize> {
    let ends_in_kicker = lines.last().is_some_and(|l| ends_in_kicker_dash(l.0));
    let first = if ends_in_kicker { 1 } else { 2 };
    (first..lines.len()).find(|&k| {
        let ((above, above_w), (text, w)) = (lines[k - 1], lines[k]);
        let upper = &lines[..k];
        // The lines above must read as a title (one line, wrapped, or under its kicker's
        // dash), not as an unmarked kicker in long lines of small type over a short title
        // in large type (a head in three sizes), whose subtitle may be longer.
        let titled = k == 1
            || ends_as_kicker(upper[0].0)
            || upper[0].1 <= KICKER_WIDER * widest(&upper[1..]);
        let subtitle = w >= SUBTITLE_WIDER * widest(upper) && !ends_in_kicker;
        titled
            && w >= above_w + WIDER_BY
            && !subtitle
            && !opens_with_dash(text)
            && !ends_as_kicker(above)
            && !above.ends_with(['，', '、'])
            && !lines_leave_open(upper)
            && !breaks_word(above, text)
    })
}

/// Ems a headline line is at least wide to be a title of its own: shorter lines are place
/// kickers (`四川成都`) and a title's short wrapped end, which the later steps read in
/// their group.
const TITLE_EMS: f32 = 6.0;

/// True when headline line `below`, printed after a blank line under the lines `above`,
/// is another title or a column's label: a title never wraps across a blank line. Pages
/// whose every line is blank-separated hide that blank from the block structure, and two
/// stories' titles, stacked, read as one (`瞄准基础研究最前沿` / `一块稻田挣出两份钱`), or a
/// label printed under a title joins it (`“政策找人” 精准帮扶` / `新语`). Not under a kicker
/// (its dash leads into the title under it, blank or not), nor a place kicker, nor a
/// subtitle (opening with a dash), nor a word broken across the blank.
pub fn title_apart(above: &[HeadLine], below: HeadLine) -> bool {
    let Some(&(last, last_w)) = above.last() else {
        return false;
    };
    let (text, w) = below;
    !is_kicker_like(above)
        && last_w >= TITLE_EMS
        && (w >= TITLE_EMS || w <= COLUMN_LABEL)
        && !opens_with_dash(text)
        && !breaks_word(last, text)
}

/// True when two headline groups have a pair of adjacent ideographs in common: a word of
/// two characters, most of Chinese.
pub fn shares_word_pair(a: &[HeadLine], b: &[HeadLine]) -> bool {
    word_pairs_shared(a, b, 1) > 0
}

/// How many distinct pairs of adjacent ideographs of `a` (its lines read as one text)
/// `b` shows, counted no further than `enough`: the scan of `b` stops there.
pub fn word_pairs_shared(a: &[HeadLine], b: &[HeadLine], enough: usize) -> usize {
    let mut mine: Vec<(char, char)> = Vec::new();
    any_adjacent(a, |p, c| {
        if is_ideograph(p) && is_ideograph(c) {
            mine.push((p, c));
        }
        false
    });
    if mine.is_empty() {
        return 0;
    }
    mine.sort_unstable();
    mine.dedup();
    // One pass over `b`'s characters, each pair looked up among the few of `a`: `b` is
    // often a section of text, `a` a line. A pair of `b` whose characters' bits are missing
    // from the masks of `a`'s is none of them, and most are rejected so without the search;
    // a pair found among `a`'s is of ideographs, so `b`'s need no test of their own.
    let (firsts, seconds) = mine
        .iter()
        .fold((0, 0), |(f, s), &(p, c)| (f | char_bit(p), s | char_bit(c)));
    let mut seen = vec![false; mine.len()];
    let mut found = 0;
    any_adjacent(b, |p, c| {
        if firsts & char_bit(p) == 0 || seconds & char_bit(c) == 0 {
            return false;
        }
        match mine.binary_search(&(p, c)) {
            Ok(k) if !seen[k] => {
                seen[k] = true;
                found += 1;
                found >= enough
            }
            _ => false,
        }
    });
    found
}

/// Calls `f` with every two adjacent characters of `lines` read as one text (the last of
/// a line and the first of the next are adjacent), in order, until it returns true.
/// Returns whether it did. Two plain loops with the previous character carried: a
/// flattened iterator of the lines' characters cost twice as much.
fn any_adjacent(lines: &[HeadLine], mut f: impl FnMut(char, char) -> bool) -> bool {
    let mut prev = None;
    for line in lines {
        for c in line.0.chars() {
            if let Some(p) = prev.replace(c) {
                if f(p, c) {
                    return true;
                }
            }
        }
    }
    false
}

/// `c`'s bit in a 64-bit mask of characters: its code's low six bits.
fn char_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// Ideographs in the shorter half of a two-part title, at least.
const MIN_HALF: usize = 3;

/// True when `text` is a two-part title, two phrases set apart by a space or a comma
/// (`呵护一小 幼有所保`, `物尽其用，唤醒“沉睡”资产`): a title's form of its own, never a
/// subtitle's, which is one phrase (`陈恢清致辞`) or opens with a dash.
pub fn is_two_part_title(text: &str) -> bool {
    if opens_with_dash(text) {
        return false;
    }
    let mut halves = text
        .split(|c: char| c.is_whitespace() || c == '，')
        .filter(|h| !h.is_empty());
    let half = |h: Option<&str>| {
        h.is_some_and(|h| h.chars().filter(|&c| is_ideograph(c)).count() >= MIN_HALF)
    };
    half(halves.next()) && half(halves.next()) && halves.next().is_none()
}

/// True when the clause `line` ends in, after a comma inside it, is too short to be a
/// title's half (`用好“金角银边”，建设` / `口袋公园`): the line under it finishes it.
fn ends_in_short_clause(line: &str) -> bool {
    let Some((_, tail)) = line.trim_end().rsplit_once(['，', ',']) else {
        return false;
    };
    let n = tail.chars().filter(|&c| is_ideograph(c)).count();
    (1..MIN_HALF).contains(&n)
}

/// True when the lines open more book-title marks, quotes or brackets than they close.
fn lines_leave_open(lines: &[HeadLine]) -> bool {
    let text: String = lines.iter().map(|(t, _)| *t).collect();
    [('《', '》'), ('“', '”'), ('（', '）'), ('「', '」')]
        .iter()
        .any(|&(open, close)| leaves_open(&text, open, close))
}

/// True when a dictionary word runs across the break from `above` into `below`.
fn breaks_word(above: &str, below: &str) -> bool {
    above.trim_end().chars().last().is_some_and(is_ideograph)
        && below.trim_start().chars().next().is_some_and(is_ideograph)
        && word_across_lines(above, below)
}

/// An English headline: the capitalised lines are the title and the lines in title case
/// under them its deck; where the title's first lines are set in larger type than the
/// rest (fewer letters to the line), those lines alone are the title.
fn from_latin(lines: &[HeadLine]) -> Headline {
    if let [(kicker, _), rest @ ..] = lines {
        if is_section_kicker(kicker, rest) {
            return Headline {
                kicker: Some(collapse_spaces(kicker)),
                ..from_latin(rest)
            };
        }
    }
    // An obituary's name over its life's span (`June 14, 1938 – March 7, 2026`), maybe
    // under the page's label in capitals (`OBITUARIES`).
    if let [name @ .., (span, _)] = lines {
        if !name.is_empty() && is_life_span(span) {
            let labelled = matches!(
                name,
                [(label, _), (first, _), ..]
                    if is_capitals(label) && !is_capitals(first) || is_obituaries_label(label)
            );
            let (kicker, name) = if labelled {
                (Some(collapse_spaces(name[0].0)), &name[1..])
            } else {
                (None, name)
            };
            return Headline {
                kicker,
                title: join(name, false),
                subtitle: Some(collapse_spaces(span)),
            };
        }
    }
    let caps = lines.iter().take_while(|(t, _)| is_capitals(t)).count();
    let title_len = match caps {
        0 => deck_at(lines).unwrap_or(lines.len()),
        n => deck_at(&lines[..n]).unwrap_or(n),
    };
    let (title, sub) = lines.split_at(title_len.max(1).min(lines.len()));
    Headline {
        kicker: None,
        title: join(title, false),
        subtitle: (!sub.is_empty()).then(|| join(sub, false)),
    }
}

/// Most words of a section's label set over today's headline (`EDUCATION`, `NATION &
/// WORLD BRIEFS`; an ampersand is no word).
const KICKER_WORDS: usize = 3;

/// True when `line`, in capitals, labels the section of the headline in sentence case
/// under it (`EDUCATION` / `School levy fails`): a headline in capitals reads on into a
/// deck in title case instead.
fn is_section_kicker(line: &str, rest: &[HeadLine]) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    is_capitals(line)
        && words.count() <= KICKER_WORDS
        && rest.first().is_some_and(|(t, _)| is_sentence_case(t))
}

/// Where a deck in smaller type starts under a title: the split after which every line
/// but the last (which may be short) is clearly wider than any line above, the clearest
/// such split if several. A deck of one line must be much wider: half as wide again (a
/// title's centred second line may be a third longer than its first).
fn deck_at(lines: &[HeadLine]) -> Option<usize> {
    const WIDER: f32 = 1.1;
    const WIDER_ALONE: f32 = 1.5;
    let mut best: Option<(usize, f32)> = None;
    for k in 1..lines.len() {
        let title = widest(&lines[..k]);
        let deck = &lines[k..];
        let (full, need) = match deck.split_last() {
            Some((last, [])) => (last.1, WIDER_ALONE),
            Some((_, rest)) => (rest.iter().map(|l| l.1).fold(f32::MAX, f32::min), WIDER),
            None => continue,
        };
        let ratio = full / title.max(0.5);
        if ratio >= need && best.is_none_or(|(_, r)| ratio > r) {
            best = Some((k, ratio));
        }
    }
    best.map(|(k, _)| k)
}

/// Joins headline lines: tight in Chinese (the break is the typesetter's), with a space in
/// Latin text; spaces inside a line are kept, collapsed, but for the layout's between
/// Chinese and figures (see [`tighten_cjk_head`]).
pub fn join(lines: &[HeadLine], cjk: bool) -> String {
    if cjk {
        let parts: Vec<&str> = lines.iter().map(|(t, _)| t.trim()).collect();
        return tighten_cjk_head(&parts.concat());
    }
    let parts: Vec<String> = lines.iter().map(|(t, _)| collapse_spaces(t)).collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests;
