//! The line model: a dump cut into pages at form feeds, each page into trimmed lines that
//! remember whether a blank line preceded them and how wide they print.
//!
//! It does not decide what a line *is*; that is [`super::classify`]'s job.

use super::byline::role_label_starts;
use super::script::{ends_sentence, is_mostly_cjk, measure, trim, Tally};
use crate::article::EditionMeta;

/// One non-blank line of a page.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line without leading or trailing whitespace; inner spaces kept as printed.
    pub text: &'a str,
    /// A blank line separated this line from the previous one.
    pub blank_before: bool,
    /// Printed width in ems (see [`super::script::width`]).
    pub width: f32,
    /// What its characters are, counted with the width (see [`Tally`]).
    pub tally: Tally,
    /// The line ends a sentence (see [`super::script::ends_sentence`]); computed once
    /// because the classifier asks it of every line several times.
    pub ends_sentence: bool,
    /// The line holds a byline's role label (`记者`, `通讯员`, …; see
    /// [`super::byline::role_label_starts`]): the page is searched for them once, as every
    /// line is asked whether it is a byline.
    pub role_label: bool,
    /// Its place among the page's non-blank lines as the dump printed them: the steps that
    /// put lines back in reading order move the line, not this.
    pub printed: usize,
}

/// The pages of a dump: text between form feeds.
pub fn to_pages(text: &str) -> impl Iterator<Item = &str> {
    pieces(text, memchr::memchr_iter(b'\x0c', text.as_bytes()))
}

/// The non-blank lines of one page, in text order.
pub fn to_lines<'a>(page: &'a str) -> Vec<Line<'a>> {
    // Cut at every `\n` and every `\r`: decoding turns `\r\n` and `\r` into `\n`, but the
    // splitter also takes raw text, where a lone `\r` ends a line too.
    let mut out = Vec::new();
    let mut blank = false;
    let mut labels = role_label_starts(page).peekable();
    for raw in pieces(page, memchr::memchr2_iter(b'\n', b'\r', page.as_bytes())) {
        let text = trim(raw);
        if text.is_empty() {
            blank = true;
            continue;
        }
        // Both are offsets in `page`, of which `text` is a slice; the labels before this
        // line lie in lines already made or in blank ones.
        let end = text.as_ptr() as usize - page.as_ptr() as usize + text.len();
        let mut role_label = false;
        while labels.next_if(|&at| at < end).is_some() {
            role_label = true;
        }
        let (width, tally) = measure(text);
        out.push(Line {
            text,
            blank_before: blank,
            width,
            tally,
            ends_sentence: ends_sentence(text),
            role_label,
            printed: out.len(),
        });
        blank = false;
    }
    out
}

/// `text` cut at the byte offsets `cuts` (each an ASCII separator, left out), as
/// `str::split` cuts it: the cuts come from `memchr`'s vectorised searches, where
/// `str::split`'s word-at-a-time search of a 200-page edition for its form feeds and
/// lines took 5 % of the split.
fn pieces<'a>(
    text: &'a str,
    cuts: impl Iterator<Item = usize> + 'a,
) -> impl Iterator<Item = &'a str> {
    let mut start = 0;
    cuts.chain(std::iter::once(text.len())).map(move |cut| {
        let piece = &text[start..cut];
        start = cut + 1;
        piece
    })
}

/// True when the page is Chinese (more CJK than Latin letters).
pub fn is_cjk_page(lines: &[Line]) -> bool {
    is_mostly_cjk(lines.iter().take(200).map(|l| &l.tally))
}

/// Whether a blank line before line `i` marks a real break between text blocks.
///
/// Some dumps put a blank line between *every* line; there blank lines are rhythm, not
/// structure, so a blank only counts when its neighbours are not blank-separated too.
pub fn is_boundary(lines: &[Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return true;
    };
    if i == 0 {
        return true;
    }
    if !line.blank_before {
        return false;
    }
    let prev_blank = lines[i - 1].blank_before;
    let next_blank = lines.get(i + 1).is_none_or(|l| l.blank_before);
    !(prev_blank && next_blank)
}

/// The page label of the `index`th page of a dump: the meta's page for the first, counting
/// up from it when it is numeric, else `"01"`, `"02"`, …. A one-page dump whose name gives
/// no page keeps no page rather than a guessed one.
pub fn page_label(meta: &EditionMeta, index: usize, multi_page: bool) -> Option<String> {
    match meta.page.as_deref() {
        Some(p) if index == 0 => Some(p.to_owned()),
        Some(p) => match p.parse::<usize>() {
            Ok(n) => Some(format!("{:02}", n + index)),
            Err(_) => Some(format!("{:02}", index + 1)),
        },
        None if !multi_page => None,
        None => Some(format!("{:02}", index + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_remember_blanks_and_trim() {
        let lines = to_lines(" a \r\n\r\n b\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].text, "b");
        assert!(lines[1].blank_before);
    }

    /// The one search of a page marks the lines a search of each line alone finds a role
    /// label in: on every fixture line, and where labels open and close a page, follow
    /// blank lines and `\r` ends, and stand twice in one line.
    #[test]
    fn role_labels_are_marked_as_each_line_searched_alone_shows() {
        let alone = |text: &str| role_label_starts(text).next().is_some();
        let mut pages = crate::edition::fixtures::fixture_pages();
        pages.push("记者 王明\r\n\n 正文\r本报记者 李华 通讯员 张三\n\n\n文/赵四".into());
        pages.push("正文\n记者".into());
        let mut labelled = 0;
        for page in &pages {
            for line in to_lines(page) {
                assert_eq!(line.role_label, alone(line.text), "{:?}", line.text);
                labelled += usize::from(line.role_label);
            }
        }
        // The fixtures hold bylines: the test saw both answers.
        assert!(labelled > 20, "{labelled}");
    }

    #[test]
    fn pages_and_lines_are_cut_as_str_split_cuts() {
        for text in [
            "",
            "\u{c}",
            "a\u{c}b\u{c}",
            "\u{c}\u{c}a",
            "a\r\n\rb\n\n c \r",
        ] {
            let pages: Vec<&str> = to_pages(text).collect();
            assert_eq!(pages, text.split('\u{c}').collect::<Vec<_>>(), "{text:?}");
        }
        let texts: Vec<&str> = to_lines("a\r\n\rb\n\n c \rd")
            .iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
    }

    #[test]
    fn pages_count_up_from_numeric_meta_page() {
        let meta = EditionMeta {
            publication: "p".into(),
            date: None,
            page: Some("03".into()),
        };
        assert_eq!(page_label(&meta, 0, true).as_deref(), Some("03"));
        assert_eq!(page_label(&meta, 2, true).as_deref(), Some("05"));
        let none = EditionMeta::default();
        assert_eq!(page_label(&none, 0, false), None);
        assert_eq!(page_label(&none, 0, true).as_deref(), Some("01"));
    }

    #[test]
    fn blank_between_every_line_is_not_a_boundary() {
        let lines = to_lines("a\n\nb\n\nc\n\nd");
        assert!(!is_boundary(&lines, 2));
        let lines = to_lines("a\nb\n\nc\nd");
        assert!(is_boundary(&lines, 2));
    }
}
