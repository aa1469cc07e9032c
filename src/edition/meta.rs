//! Edition metadata from a dump's file name: the date (`2024-11-09`, `20241109`) and the
//! page (`_01`, `-p01`, `page3`, `-A1`); and one name for a page however it is printed,
//! for the store to match a jump line's page (`第一版`, `Page Two`, `A1`) with a file's.
//!
//! The arrival date is the caller's fallback: this module has no clock.

use std::sync::OnceLock;

use regex::Regex;

use crate::article::EditionMeta;

/// Reads the edition's date and page from `file_name`; `None` where the name has none.
///
/// A bare number counts as a page only after a date (`2024-11-09_03.txt`) or with a `p`/`page`
/// prefix (`edition-p03.txt`), so hashes and sequence numbers are not mistaken for pages.
pub fn from_file_name(file_name: &str, publication: &str) -> EditionMeta {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let (date, rest) = match find_date(stem) {
        Some((date, end)) => (Some(date), &stem[end..]),
        None => (None, stem),
    };
    let page = find_page(rest, date.is_some()).or_else(|| find_page(stem, false));
    EditionMeta {
        publication: publication.to_owned(),
        date,
        page,
    }
}

fn find_date(stem: &str) -> Option<(String, usize)> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let re = DATE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)")
            .expect("static regex")
    });
    let caps = re.captures(stem)?;
    let date = format!("{}-{}-{}", &caps[1], &caps[2], &caps[3]);
    Some((date, caps.get(3)?.end()))
}

fn find_page(rest: &str, bare_number_ok: bool) -> Option<String> {
    static PREFIXED: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    let prefixed = PREFIXED.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[^a-z0-9])(?:p|page|pg)[-_]?([0-9]{1,3})(?:[^0-9]|$)")
            .expect("static regex")
    });
    if let Some(c) = prefixed.captures(rest) {
        return Some(normalize_page(&c[1]));
    }
    if !bare_number_ok {
        return None;
    }
    // A section's page too (`2026-03-03-A1.txt`). Sections are lettered from A; a later
    // letter with a number is more likely something else (`-v2`, a version).
    let bare = BARE.get_or_init(|| {
        Regex::new(r"(?:^|[-_. ])([A-Ha-h]?[0-9]{1,3})(?:[-_. ]|$)").expect("static regex")
    });
    bare.captures(rest)
        .map(|c| normalize_page(&c[1]).to_ascii_uppercase())
}

/// A page's name normalised, so that one page has one name however a file name or a jump
/// line prints it: numbers are two digits at least (`3`, `03`, `003`, `３`, `三`, `Three` and
/// `Third` are `03`); other names (`A3`) stay as printed.
pub fn normalize_page(page: &str) -> String {
    let page = page.trim();
    page_number(page).map_or_else(|| page.to_owned(), |n| format!("{n:02}"))
}

/// A page's name for matching a jump line with the page it names: as [`normalize_page`]
/// gives it, with a section's page spelled one way however the line or the page prints it
/// (`A2`, `a2`, `A02` and `A０２` are `A02`). Only matching uses it: the page an article
/// shows, and its id, keep the page as printed.
pub fn jump_page_key(page: &str) -> String {
    let page = normalize_page(page);
    let mut chars = page.chars();
    let section = chars.next().filter(char::is_ascii_alphabetic);
    let number = chars.as_str();
    let digits = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    match section.zip(digits.then(|| page_number(number)).flatten()) {
        Some((letter, n)) => format!("{}{n:02}", letter.to_ascii_uppercase()),
        None => page,
    }
}

/// The number a page name spells: in digits (ASCII or full-width), in Chinese numerals up
/// to 99 (`十二`, `二十`), or in English words, cardinal or ordinal, up to twenty.
pub fn page_number(name: &str) -> Option<u32> {
    let digits: String = name
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Ok(n) = digits.parse::<u32>() {
        return Some(n);
    }
    chinese_number(name).or_else(|| english_number(name))
}

/// `三` → 3, `十二` → 12, `二十` → 20, `二十三` → 23.
fn chinese_number(name: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|k| k as u32 + 1)
    };
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// `Two` → 2, `EIGHTH` → 8: the page numbers an English paper spells out.
fn english_number(name: &str) -> Option<u32> {
    const CARDINALS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let name = name.to_ascii_lowercase();
    [CARDINALS, ORDINALS]
        .iter()
        .find_map(|words| words.iter().position(|w| *w == name))
        .map(|k| k as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dp(name: &str) -> (Option<String>, Option<String>) {
        let m = from_file_name(name, "P");
        (m.date, m.page)
    }

    #[test]
    fn dates_and_pages_from_common_names() {
        let cases = [
            ("2024-11-09_01.txt", Some("2024-11-09"), Some("01")),
            ("20241109-p03.txt", Some("2024-11-09"), Some("03")),
            ("zzrb_20241109_2.txt", Some("2024-11-09"), Some("02")),
            ("edition-page12.txt", None, Some("12")),
            ("2024.11.09.txt", Some("2024-11-09"), None),
            ("000_916fa60bd68d5306.txt", None, None),
            ("notes.txt", None, None),
            ("20241399_01.txt", None, None),
            ("2026-03-03-A1.txt", Some("2026-03-03"), Some("A1")),
            ("herald_20260303_b06.txt", Some("2026-03-03"), Some("B06")),
            ("2026-03-03-v2.txt", Some("2026-03-03"), None),
        ];
        for (name, date, page) in cases {
            assert_eq!(
                dp(name),
                (date.map(String::from), page.map(String::from)),
                "{name}"
            );
        }
    }

    #[test]
    fn a_page_is_one_however_a_jump_line_names_it() {
        for name in ["3", "03", " 003", "３", "三", "Three", "THIRD"] {
            assert_eq!(normalize_page(name), "03", "{name}");
        }
        assert_eq!(normalize_page("十"), "10");
        assert_eq!(normalize_page("十二"), "12");
        assert_eq!(normalize_page("二十"), "20");
        assert_eq!(normalize_page("二十三"), "23");
        assert_eq!(normalize_page("Eighth"), "08");
        assert_eq!(normalize_page("A3"), "A3");
        assert_eq!(normalize_page("十十"), "十十");
    }

    #[test]
    fn a_sections_page_is_one_however_it_is_printed() {
        for name in ["A2", "a2", "A02", "A０２", " A002"] {
            assert_eq!(jump_page_key(name), "A02", "{name}");
        }
        assert_eq!(jump_page_key("B12"), "B12");
        assert_eq!(jump_page_key("三"), "03");
        for name in ["A", "AB2", "A2B", "Ten"] {
            assert_eq!(jump_page_key(name), normalize_page(name), "{name}");
        }
    }
}
