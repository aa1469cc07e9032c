//! Obituaries as papers print them today: the dead person's name set as the headline, a
//! line of their life's span under it (`June 14, 1938 – March 7, 2026`, `1941–2026`),
//! then the text, often opening on the town (`CHATHAM — Robert L. Hartman, 84, …`). The
//! span's line is what tells the name from a signature under the obituary above: a name
//! alone after finished text signs it, unless a span stands under it.

use std::sync::OnceLock;

use regex::Regex;

use super::super::byline::MONTHS;
use super::super::classify::{Page, Role};

/// Most lines a name over its span wraps to (`Robert L. “Bob”` / `Hartman`).
const NAME_LINES: usize = 2;
/// Most words of a name's line (`James Edward “Jim” Pruitt Jr.`).
const NAME_WORDS: usize = 6;

/// Whether `text` is a life's span alone: two dates or years joined by a dash
/// (`June 14, 1938 – March 7, 2026`, `Feb. 2, 1941 - March 8, 2026`, `1941–2026`).
pub fn is_life_span(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let date = format!(r"(?:(?:{MONTHS})\.?\s+[0-9]{{1,2}},?\s+)?(?:1[89]|20)[0-9]{{2}}");
        Regex::new(&format!(r"^{date}\s*[-–—]\s*{date}$")).expect("static regex")
    });
    // The cheap test first: a span ends on a year's digit.
    text.trim_end().ends_with(|c: char| c.is_ascii_digit()) && re.is_match(text.trim())
}

/// Marks each name over a life's span, and the span, as a headline: the name's lines
/// (up to [`NAME_LINES`] in one block, words that each open on a capital) from the top of
/// its block or the end of the text above.
pub fn mark_obituary_heads(page: &mut Page) {
    for i in 1..page.lines.len() {
        if page.roles[i] != Role::Body || !is_life_span(page.lines[i].text) {
            continue;
        }
        let Some(top) = name_top(page, i) else {
            continue;
        };
        (top..=i).for_each(|k| page.roles[k] = Role::Head);
        page.starts[top] = true;
    }
}

/// The first line of the name right above the span at line `span`: it opens its block or
/// follows text that ended its sentence.
fn name_top(page: &Page, span: usize) -> Option<usize> {
    let opens = |k: usize| k == 0 || page.is_set_apart(k) || page.lines[k - 1].ends_sentence;
    let name_line = |k: usize| page.roles[k] == Role::Body && is_name_text(page.lines[k].text);
    let mut k = span;
    while k > span.saturating_sub(NAME_LINES) && name_line(k - 1) {
        k -= 1;
        if opens(k) {
            return Some(k);
        }
        // The page's label over the first obituary, in one block with it.
        if is_obituaries_label(page.lines[k - 1].text) && opens(k - 1) {
            return Some(k - 1);
        }
    }
    None
}

/// The labels a page of obituaries prints over them (`Obituaries`, `DEATHS`).
const LABELS: [&str; 4] = ["obituaries", "deaths", "death notices", "in memoriam"];

/// Whether `text` is a page's label over its obituaries, in any case.
pub fn is_obituaries_label(text: &str) -> bool {
    let text = text.trim();
    LABELS.iter().any(|l| text.eq_ignore_ascii_case(l))
}

/// A name's line: a few words, each opening on a capital, a quote (a nickname, `“Bob”`)
/// or a bracket (a maiden name, `(Martin)`); no sentence.
fn is_name_text(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.trim_start_matches(['“', '"', '(', '‘'])
                .starts_with(|c: char| c.is_uppercase())
        })
        && !text.contains([',', ';', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_life_span_is_two_dates_or_years_joined_by_a_dash() {
        for span in [
            "June 14, 1938 – March 7, 2026",
            "Feb. 2, 1941 - March 8, 2026",
            "Nov. 30, 1955 — March 8, 2026",
            "1941–2026",
            "1941 - 2026",
        ] {
            assert!(is_life_span(span), "{span}");
        }
        for text in [
            "June 14, 1938",
            "The 1938–1940 seasons",
            "from 1938 to 2026",
            "Tickets 10 - 12",
            "1938–2026, a life",
        ] {
            assert!(!is_life_span(text), "{text}");
        }
    }

    #[test]
    fn a_names_line_is_capitalised_words_without_a_clause() {
        for name in [
            "Robert L. “Bob”",
            "Hartman",
            "Linda Sue (Martin) Ramsey",
            "James Edward Pruitt Jr.",
        ] {
            assert!(is_name_text(name), "{name}");
        }
        for text in [
            "and four great-grandchildren.",
            "Collins, 87, of Springfield",
            "She Was Born In Taylorville In The Spring",
        ] {
            assert!(!is_name_text(text), "{text}");
        }
    }
}
