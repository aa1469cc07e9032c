//! Edition metadata from a dump's file name: the date (`2024-11-09`, `20241109`) and the
//! page (`_01`, `-p01`, `page3`).
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
    let bare = BARE
        .get_or_init(|| Regex::new(r"(?:^|[-_. ])([0-9]{1,3})(?:[-_. ]|$)").expect("static regex"));
    bare.captures(rest).map(|c| normalize_page(&c[1]))
}

/// Pages are two digits at least, so `3`, `03` and `003` are one page.
fn normalize_page(digits: &str) -> String {
    let n: u32 = digits.parse().unwrap_or(0);
    format!("{n:02}")
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
        ];
        for (name, date, page) in cases {
            assert_eq!(
                dp(name),
                (date.map(String::from), page.map(String::from)),
                "{name}"
            );
        }
    }
}
