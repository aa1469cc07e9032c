//! Reflow: rejoin the lines a column broke and remove the spaces that are layout.
//!
//! Two normalisations change the characters of the input, and they are the only ones:
//! a hyphen at a line end is removed when a lowercase letter continues the word on the next
//! line (`con-` + `tinued`), and whitespace is removed or collapsed. Nothing else is
//! added, removed or reordered.

use super::script::is_cjk;

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
            out.pop();
            out.push_str(line);
        } else {
            out.push(' ');
            out.push_str(line);
        }
    }
    out
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

/// Removes layout spaces from Chinese text: any space next to a CJK character, and the
/// spaces of a letter-spaced run of single characters (`1 5`, `9 3 . 1 %`). Other spaces
/// (between Latin words) collapse to one.
pub fn remove_layout_spaces(s: &str) -> String {
    // Most paragraphs have no space at all; there is nothing to remove.
    if !s.contains(char::is_whitespace) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    // `byte` follows `i` in `s`, so each run of printed characters is copied as one slice.
    let (mut i, mut byte) = (0, 0);
    while i < chars.len() {
        let from = byte;
        while i < chars.len() && !chars[i].is_whitespace() {
            byte += chars[i].len_utf8();
            i += 1;
        }
        out.push_str(&s[from..byte]);
        let start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            byte += chars[i].len_utf8();
            i += 1;
        }
        if start == chars.len() {
            break;
        }
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        if is_cjk(b) || is_cjk(a) || (is_single(&chars, start) && is_single_after(&chars, i)) {
            continue;
        }
        out.push(' ');
    }
    out
}

/// The non-space token ending just before `end` is a single character.
fn is_single(chars: &[char], end: usize) -> bool {
    end < 2 || chars[end - 2].is_whitespace() || is_cjk(chars[end - 2])
}

/// The non-space token starting at `start` is a single character.
fn is_single_after(chars: &[char], start: usize) -> bool {
    chars
        .get(start + 1)
        .is_none_or(|c| c.is_whitespace() || is_cjk(*c))
}

/// Collapses runs of whitespace to one space (Latin text, titles).
pub fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_spaces_go_meaningful_ones_stay() {
        assert_eq!(remove_layout_spaces("10 月 23 日"), "10月23日");
        assert_eq!(remove_layout_spaces("同 年 ，又 分 别"), "同年，又分别");
        assert_eq!(remove_layout_spaces("用 1 5 年"), "用15年");
        assert_eq!(remove_layout_spaces("现 ， 9 3 . 1 % 的"), "现，93.1%的");
        assert_eq!(remove_layout_spaces("New York City"), "New York City");
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
        assert_eq!(join_raw(&["a well-", "Known"], false), "a well- Known");
        assert_eq!(
            join_raw(&["printed to-", "i", "I morrow."], false),
            "printed to- i I morrow."
        );
        assert_eq!(join_raw(&["drown", "ing"], false), "drown ing");
    }
}
