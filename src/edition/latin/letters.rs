//! Letters to the editor: a letter opens on its salutation (`Editor The Herald:`, `To the
//! Editor:`, `Dear Sir:`) and closes on its writer's name, often a pen name in capitals
//! (`A TAXPAYER.`) that reads like a headline of one line. The salutation is the letter's
//! text, not a deck of the headline over it; the pen name signs the letter off, not heads
//! the next story.

use super::super::classify::{Page, Role};
use super::byline;

/// Lines a letter runs to at most, salutation to signature.
const LETTER_LINES: usize = 120;
/// Words a salutation holds at most (`To the Editor of The Indiana Patriot:`).
const SALUTATION_WORDS: usize = 8;

/// Marks each letter's salutation as text and its pen name as the letter's signature.
pub fn mark_letters(page: &mut Page) {
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        if page.roles[i] != Role::Body || !is_salutation(page.lines[i].text) {
            i += 1;
            continue;
        }
        page.latin_head[i] = false;
        page.starts[i] = true;
        let end = n.min(i + LETTER_LINES);
        let signature = (i + 1..end)
            .take_while(|&k| matches!(page.roles[k], Role::Body | Role::Drop | Role::Byline))
            .find(|&k| page.roles[k] == Role::Byline || signs_off(page, k));
        match signature {
            Some(k) => {
                page.roles[k] = Role::Byline;
                page.starts[k] = true;
                i = k + 1;
            }
            None => i += 1,
        }
    }
}

/// `Editor The Herald:`, `To the Editor:`, `Dear Sir:`: a short line ending in a colon
/// or comma that addresses the editor, or opens as a letter does.
pub fn is_salutation(text: &str) -> bool {
    let Some(address) = text.trim_end().strip_suffix([':', ',']) else {
        return false;
    };
    let words: Vec<&str> = address.split_whitespace().collect();
    let to_editor = words
        .iter()
        .any(|w| matches!(w.trim_end_matches('.'), "Editor" | "EDITOR"));
    (1..=SALUTATION_WORDS).contains(&words.len()) && (to_editor || words[0] == "Dear")
}

/// Line `k` is a pen name under the letter's last sentence (`A TAXPAYER.`).
fn signs_off(page: &Page, k: usize) -> bool {
    let after_text = (0..k)
        .rev()
        .find(|&j| page.roles[j] != Role::Drop)
        .is_some_and(|j| page.lines[j].ends_sentence);
    after_text && byline::is_pen_name(page.lines[k].text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salutations() {
        for l in [
            "Editor The Herald:",
            "To the Editor:",
            "Dear Sir:",
            "Mr. Editor,",
        ] {
            assert!(is_salutation(l), "{l}");
        }
        for l in [
            "The editor said:",
            "Editor",
            "Dear Sir and brothers of the lodge who met:",
        ] {
            assert!(!is_salutation(l), "{l}");
        }
    }
}
