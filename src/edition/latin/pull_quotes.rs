//! Pull quotes: a sentence of the story printed again in large type, between blank lines,
//! to catch the eye (`"Every year we wait,` / `the repairs cost more."` / `Tom Hale,
//! public works director`). Its words are the story's already, so the block goes to
//! `dropped`: only a block whose quoted words the page's other lines hold, in order, is
//! one.

use super::super::classify::{Page, Role};
use super::set_apart::blocks;

/// Most lines a pull quote's words wrap to.
const QUOTE_LINES: usize = 5;
/// Most lines of the speaker's name and title under the quote.
const ATTRIBUTION_LINES: usize = 2;
/// Fewest words a pull quote repeats: fewer may recur in any text.
const QUOTE_WORDS: usize = 4;

/// Marks each pull quote on an English page (see the module doc) as dropped.
pub fn mark_pull_quotes(page: &mut Page) {
    // The other lines' words, read once for the page and only if a block may be a quote.
    let mut words: Option<String> = None;
    for (i, end) in blocks(page) {
        let Some(quote_end) = quote_block(page, i, end) else {
            continue;
        };
        let quote = normal_words((i..quote_end).map(|k| page.lines[k].text));
        if quote.split(' ').count() < QUOTE_WORDS {
            continue;
        }
        let words = words.get_or_insert_with(|| normal_words(page.lines.iter().map(|l| l.text)));
        // The page's words hold the quote once in its own block: twice when the story
        // says it too.
        if words.matches(quote.as_str()).nth(1).is_some() {
            (i..end).for_each(|k| page.roles[k] = Role::Drop);
        }
    }
}

/// Where the quoted words of block `i..end` end, if it reads as a pull quote: it opens on
/// a quotation mark, a line closes the quote, and at most [`ATTRIBUTION_LINES`] lines
/// that end no sentence follow it.
fn quote_block(page: &Page, i: usize, end: usize) -> Option<usize> {
    let body = |k: usize| page.roles[k] == Role::Body;
    if !page.lines[i].text.starts_with(['"', '“']) || !(i..end).all(body) {
        return None;
    }
    let closes = |k: &usize| page.lines[*k].text.trim_end().ends_with(['"', '”']);
    let quote_end = (i..end.min(i + QUOTE_LINES)).find(closes)? + 1;
    let attribution = quote_end..end;
    let named = attribution.len() <= ATTRIBUTION_LINES
        && attribution.clone().all(|k| !page.lines[k].ends_sentence);
    named.then_some(quote_end)
}

/// `lines`' words in lower case, one space apart, without punctuation: a pull quote may
/// end on a stop where the story's sentence goes on after a comma.
fn normal_words<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        for word in line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    const STORY: &str = "Public Works Director Tom Hale said the\n\
                         money will replace pipes laid in the 1950s.\n\
                         \"Every year we wait, the repairs cost\n\
                         more,\" Hale said.\n\n";

    fn roles_of(text: &str) -> Vec<Role> {
        classify(to_lines(text), false).roles
    }

    #[test]
    fn a_quote_the_story_holds_is_dropped_with_its_speaker() {
        let roles = roles_of(&format!(
            "{STORY}\"Every year we wait,\nthe repairs cost more.\"\nTom Hale, public works director"
        ));
        assert_eq!(&roles[4..], [Role::Drop; 3]);
    }

    #[test]
    fn a_quote_the_story_does_not_hold_stays() {
        for block in [
            // Words the story does not say.
            "\"Every year we wait,\nthe pipes get older.\"\nTom Hale, public works director",
            // Too few words to tell.
            "\"Repairs cost more.\"\nTom Hale, public works director",
            // A quote that goes on as text after its speaker.
            "\"Every year we wait,\nthe repairs cost more.\"\nHale said at the meeting.\nHe went on.",
        ] {
            // (A short line may still go as a scrap, but not the whole block.)
            let roles = roles_of(&format!("{STORY}{block}"));
            assert!(roles[4..].iter().any(|r| *r != Role::Drop), "{block}: {roles:?}");
        }
    }

    #[test]
    fn words_are_read_without_case_or_marks() {
        let words = normal_words(["\"Every year we wait,", "the repairs cost more.\""].into_iter());
        assert_eq!(words, "every year we wait the repairs cost more");
    }
}
