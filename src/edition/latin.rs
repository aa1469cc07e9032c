//! Conventions of English (Latin-script) pages, which have no blank lines to set headlines
//! apart and whose OCR leaves scraps of display type between the columns.
//!
//! Headlines are set in capitals or title case, a line or a few stacked lines, in type
//! larger than the body's (so their lines are narrower or wider than the column); a deck
//! in title case may follow. Inside a story, a single title-case line ending in a full
//! stop after a finished paragraph is a run-in subhead (`Wheat Takes Drop.`), and names
//! with initials alone on their lines after one sign it (`H. A. JOHNSON`). Short
//! fragments that neither continue nor start a paragraph, lines of repeated letters
//! (`aannnnttnasasnnatt`) and banners twice the column's width are OCR scraps. Nothing
//! here applies to Chinese pages; splitting a headline into title and deck is
//! [`super::headline`]'s job.

use super::byline;
use super::classify::{Page, Role};
use super::script::{ends_sentence, upper_ratio};

/// Most lines a headline block (title and deck) stacks.
const BLOCK_MAX: usize = 12;

/// True when a line of `text`, `width` ems wide, may be part of a headline: capitals or
/// title case, not too long.
pub fn is_head_text(text: &str, width: f32) -> bool {
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    letters >= 3
        && width <= 45.0
        && (upper_ratio(text) >= 0.75 || is_title_case(text))
        && !ends_cut(text)
}

/// True when `text` ends in a lone letter other than `A` or `I` (`THEIR T`): a word the
/// scan cut off, as a headline's line never ends.
fn ends_cut(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or_default();
    let mut chars = last.chars();
    let lone = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() && !matches!(c, 'A' | 'I' | 'a'));
    lone && chars.next().is_none() && words.next().is_some()
}

/// A run of capitalised lines right above running prose is a headline.
pub fn mark_latin_heads(page: &mut Page) {
    mark_byline_credits(page);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = block_end(page, i);
        // Scraps without letters (`~`) may stand between a headline and its text.
        let text_at = (end..n)
            .find(|&k| page.lines[k].text.chars().any(char::is_alphabetic))
            .unwrap_or(n);
        // The block may also run into the lower lines of a headline that a dateline under
        // it already marked (`WILL RELEASE PRISONERS.` above `Men Suspected of …`).
        let joins_head = page.roles.get(end) == Some(&Role::Head) && !page.starts[end];
        if end > i && starts_fresh(page, i, end) && (joins_head || is_prose(page, text_at)) {
            (i..end).for_each(|k| page.roles[k] = Role::Head);
            page.starts[i] = true;
        }
        i = end.max(i + 1);
    }
}

/// The line in capitals or title case right under a `By …` line is the writer's
/// credit (`Courier Staff Writer`, `STAFF CORRESPONDENT`), not a headline: it goes with
/// the byline's label to `dropped`.
fn mark_byline_credits(page: &mut Page) {
    for i in 1..page.lines.len() {
        let by = page.roles[i - 1] == Role::Byline
            && page.lines[i - 1]
                .text
                .trim_start_matches('(')
                .starts_with("By ");
        if by && super::heads::is_head_shaped(page, i) {
            page.roles[i] = Role::Drop;
        }
    }
}

/// The end of the head-shaped lines from `i`: capitalised lines, and the wrapped rest of a
/// title-case line broken mid-phrase (`Cleaning and Decor` / `ating for Centennial`).
fn block_end(page: &Page, i: usize) -> usize {
    let n = page.lines.len();
    (i..n)
        .find(|&k| {
            let wraps = k > i
                && page.roles[k] == Role::Body
                && !page.lines[k - 1]
                    .text
                    .ends_with(['.', ',', ';', ':', '!', '?'])
                && is_title_wrap(page.lines[k].text);
            !(super::heads::is_head_shaped(page, k) || wraps) || k - i >= BLOCK_MAX
        })
        .unwrap_or(n)
}

/// A headline starts fresh: not in the middle of running prose. The line above may still
/// run on without ending its sentence when the block is set in other type: its lines are
/// all much narrower or wider than that line of the column.
fn starts_fresh(page: &Page, i: usize, end: usize) -> bool {
    // Furniture (a masthead line) interrupts the text; the line before it is the one read.
    let Some(prev) = (0..i).rev().find(|&k| page.roles[k] != Role::Drop) else {
        return true;
    };
    if page.lines[prev].ends_sentence || !is_prose(page, prev) {
        return true;
    }
    let above = page.lines[prev].width;
    let widest = (i..end).map(|k| page.lines[k].width).fold(0.0, f32::max);
    end - i >= 2 && (widest - above).abs() > 0.2 * above
}

/// `Indiana People Busy Cleaning and Decorating`: most longer words capitalised, and no
/// clause punctuation at the end.
pub fn is_title_case(text: &str) -> bool {
    // The cheap tests first: most lines fail them.
    let starts = text.starts_with(|c: char| c.is_ascii_uppercase() || c == '"');
    // Commas make a list of names, not a headline.
    if !starts || text.contains([',', ';']) || text.ends_with('-') {
        return false;
    }
    let (mut all, mut long, mut caps) = (0, 0, 0);
    for w in text.split_whitespace() {
        all += 1;
        if w.len() > 3 {
            long += 1;
            caps += usize::from(is_capitalised(w));
        }
    }
    // Short ones (`List of Letters`) count too, unless they end a sentence (`Clyde Akin.`).
    let short = all <= 5 && !text.ends_with('.');
    (long >= 3 || short && long >= 2) && caps * 10 >= long * 8
}

/// A word that starts with a capital, past any opening punctuation (`—Peace`, `"Hello`).
fn is_capitalised(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_ascii_uppercase())
}

/// The wrapped rest of a title-case headline (`Cleaning and Decor` / `ating for Centennial`):
/// its longer words are capitalised, but for a word broken at the line start.
fn is_title_wrap(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .enumerate()
        .filter(|(k, w)| w.len() > 3 && !(*k == 0 && w.starts_with(char::is_lowercase)))
        .map(|(_, w)| w)
        .collect();
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    let count = text.split_whitespace().count();
    !words.is_empty()
        && caps == words.len()
        && (count <= 5 || words.len() >= 3)
        && !text.contains([',', ';'])
}

/// Names with initials alone on their lines after a finished paragraph sign it
/// (`H. A. JOHNSON` / `P. R. FLINT.` under a notice): bylines of the text above.
pub fn mark_signatures(page: &mut Page) {
    let mut after_text = false;
    for i in 0..page.lines.len() {
        match page.roles[i] {
            Role::Drop => continue,
            Role::Body if after_text && byline::is_signature(page.lines[i].text) => {
                page.roles[i] = Role::Byline;
                page.starts[i] = i == 0 || page.roles[i - 1] != Role::Byline;
            }
            Role::Body => after_text = ends_text(page.lines[i].text),
            Role::Byline => {}
            _ => after_text = false,
        }
    }
}

/// True when a line ends a sentence for sure: not with an initial or a title that stands
/// before a name (`Mrs. J.` / `B. Jones.` is one name over two lines).
fn ends_text(line: &str) -> bool {
    const BEFORE_NAMES: [&str; 8] = [
        "Mr.", "Mrs.", "Messrs.", "Dr.", "Rev.", "Hon.", "Prof.", "Mme.",
    ];
    let last = line.split_whitespace().next_back().unwrap_or_default();
    let initial = last.len() == 2 && last.starts_with(|c: char| c.is_ascii_uppercase());
    ends_sentence(line) && !initial && !BEFORE_NAMES.contains(&last)
}

/// A single title-case line ending in a full stop, right after a finished paragraph, is a
/// run-in subhead of the story it stands in (`Wheat Takes Drop.`), not a new headline:
/// headlines are set in capitals, or without the stop.
pub fn mark_run_in_subheads(page: &mut Page) {
    let n = page.lines.len();
    for i in 1..n {
        let single = page.roles[i] == Role::Head
            && (i + 1 == n || page.roles[i + 1] != Role::Head || page.starts[i + 1]);
        let text = page.lines[i].text;
        let after_paragraph = page.roles[i - 1] == Role::Body && page.lines[i - 1].ends_sentence;
        if single && after_paragraph && text.ends_with('.') && upper_ratio(text) < 0.75 {
            page.roles[i] = Role::Heading;
            page.starts[i] = true;
        }
    }
}

/// Drops OCR scraps: body lines that would open a paragraph (after a finished sentence or
/// anything but body text) yet end no sentence and are far narrower than the column or
/// garbled. A paragraph's first line fills the column but for its lost indent. A line
/// in title case twice as wide as the column is a banner across the page
/// (`"Indiana Wants You" to Help Make Its Jubilee Great …`), dropped too.
pub fn mark_scraps(page: &mut Page) {
    const NARROW: f32 = 0.55;
    const BANNER: f32 = 2.0;
    let column = median_width(page);
    let mut opens = true;
    for i in 0..page.lines.len() {
        match page.roles[i] {
            Role::Body => {}
            Role::Drop => continue,
            _ => {
                opens = true;
                continue;
            }
        }
        let line = &page.lines[i];
        let banner = line.width >= BANNER * column && is_deck_text(line.text);
        let odd = line.width < NARROW * column || banner || is_garbled(line.text);
        if opens && odd && !line.ends_sentence && !line.text.ends_with(':') {
            page.roles[i] = Role::Drop;
        } else {
            opens = line.ends_sentence;
        }
    }
}

/// The median width of the body lines that run on (end no sentence): the column.
fn median_width(page: &Page) -> f32 {
    let mut widths: Vec<f32> = (0..page.lines.len())
        .filter(|&i| page.roles[i] == Role::Body && !page.lines[i].ends_sentence)
        .map(|i| page.lines[i].width)
        .collect();
    if widths.is_empty() {
        return 0.0;
    }
    let mid = widths.len() / 2;
    *widths.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// True when `text` holds a run no English text has: one lowercase letter three times
/// (`aannnnttnasasnnatt`), or one symbol four times (`$$$$`, `++++`); dots, dashes and
/// rules excepted.
fn is_garbled(text: &str) -> bool {
    let mut run = 0;
    let mut prev = None;
    for c in text.chars() {
        run = if prev == Some(c) { run + 1 } else { 1 };
        prev = Some(c);
        let symbol = !c.is_alphanumeric() && !c.is_whitespace() && !matches!(c, '.' | '-' | '_');
        if c.is_ascii_lowercase() && run >= 3 || symbol && run >= 4 {
            return true;
        }
    }
    false
}

/// True when `text` is set in title case as a deck is: most of its longer words (at least
/// two) capitalised, where running prose capitalises few. Words in capitals do not count
/// either way: they may be scraps of display type caught in the text.
pub fn is_deck_text(text: &str) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in text.split_whitespace() {
        if w.len() > 3 && upper_ratio(w) < 0.75 {
            words += 1;
            caps += usize::from(is_capitalised(w));
        }
    }
    caps >= 2 && caps * 10 >= words * 7
}

/// True when line `i` reads as running prose: mostly lowercase letters.
pub fn is_prose(page: &Page, i: usize) -> bool {
    page.lines.get(i).is_some_and(|l| {
        page.roles[i] == Role::Body
            && l.text.chars().filter(char::is_ascii_alphabetic).count() >= 10
            && upper_ratio(l.text) < 0.5
            && !is_title_case(l.text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    fn roles(text: &str) -> Vec<Role> {
        classify(to_lines(text), false).roles
    }

    #[test]
    fn run_in_subhead_after_a_finished_paragraph() {
        let text = "WHEAT TAKES A DROP OF ELEVEN CENTS\n\
                    New York, Dec. 12. Cotton advanced $3.50 per bale on\n\
                    receipt of news of peace proposals today, and\n\
                    steel lost 29 points.\n\
                    Wheat Takes Drop.\n\
                    Chicago, Dec. 12. Wheat suffered an eleven cent drop\n\
                    following the receipt of the dispatches today.";
        let r = roles(text);
        assert_eq!(r[0], Role::Head);
        assert_eq!(r[4], Role::Heading);
        // Without the stop, it is the headline of the next story.
        let r = roles(&text.replace("Wheat Takes Drop.", "Wheat Takes Drop"));
        assert_eq!(r[4], Role::Head);
    }

    #[test]
    fn scraps_between_stories_are_dropped() {
        let text = "2 fjjj\n\
                    The British foreign office said today it was\n\
                    unable to discuss the peace proposals until\n\
                    they are received by the government.\n\
                    Restoration of\n\
                    aannnnttnasasnnatt tt\n\
                    The weather forecast for Oklahoma for\n\
                    tonight and Wednesday is partly cloudy.";
        let r = roles(text);
        assert_eq!(r[0], Role::Drop);
        assert_eq!(&r[1..4], &[Role::Body; 3]);
        assert_eq!(&r[4..6], &[Role::Drop; 2]);
        assert_eq!(&r[6..], &[Role::Body; 2]);
        let banner = "\"Indiana Wants You\" to Help Make Its Jubilee Great and Grand During the Big Week, June 19 to 24, at the Fair Grounds";
        let r = roles(&text.replace("Restoration of", banner));
        assert_eq!(r[4], Role::Drop);
    }

    #[test]
    fn a_writers_credit_under_the_byline_is_no_headline() {
        let text = "City Council Approves\n\
                    New Budget After Debate\n\
                    By JANE DOE\n\
                    Courier Staff Writer\n\
                    The city council voted on Monday night to approve the\n\
                    budget for the coming year, ending weeks of debate.";
        let r = roles(text);
        assert_eq!(&r[..4], &[Role::Head, Role::Head, Role::Byline, Role::Drop]);
    }

    #[test]
    fn signatures_under_a_notice() {
        let text = "We deem it advisable to refuse all contributions\n\
                    on the subject, which we are operating ourselves.\n\
                    H. A. JOHNSON\n\
                    P. R. FLINT.\n\
                    MINNEAPOLIS VISITORS COMING\n\
                    With all plans complete, and a minimum of ninety\n\
                    business men enrolled in the party, the tour comes.";
        let page = classify(to_lines(text), false);
        assert_eq!(&page.roles[2..5], &[Role::Byline, Role::Byline, Role::Head]);
        assert!(page.starts[2] && !page.starts[3]);
        // A name broken after an initial is no signature.
        let text = "Tuesday—Ladies' Aid at the home of Mrs. J.\n\
                    B. Jones.\n\
                    Wednesday—Band concert in the park this week.";
        assert_eq!(roles(text)[1], Role::Body);
    }

    #[test]
    fn decks_are_title_case_prose_is_not() {
        assert!(is_deck_text(
            "Eliminating Himself from the Presidential Cam paign—The Reports of Some Committees."
        ));
        assert!(!is_deck_text(
            "Last Saturday night Sheriff Boggs and Constable Pierce raid CIRCULATION BOOKS \
             OPEN TO ALL ADVERTISERS tyre mine."
        ));
    }

    #[test]
    fn title_case_sees_past_opening_punctuation() {
        assert!(is_title_case("Impossible —Peace Meeting"));
        assert!(!is_title_case("the judgment of the leaders of the Republi"));
        assert!(is_title_wrap("of Belgians and Says There Waa"));
        assert!(!is_head_text("THEIR T", 3.0));
        assert!(is_head_text("GIVE US A", 4.5));
        assert!(!is_title_wrap("O'Donnell Iselin, Soliciting"));
    }

    /// A stacked headline in type narrower than the column stands apart from the unfinished
    /// paragraph above it (a column the dump cut short).
    #[test]
    fn headline_under_an_unfinished_paragraph() {
        let text = "The decorators started their work of put\n\
                    ting up white columns on top of the\n\
                    facade on Main street will have a\n\
                    Business School Hold\n\
                    Graduation Exercises\n\
                    The faculty and graduating class of the\n\
                    college has issued invitations for the day.";
        let r = roles(text);
        assert_eq!(&r[2..5], &[Role::Body, Role::Head, Role::Head]);
        // A single title-case line inside a paragraph is no headline.
        let text = "The decorators started their work of put\n\
                    ting up white columns on top of the\n\
                    Business School Hold Graduation\n\
                    the faculty and graduating class of the\n\
                    college has issued invitations for the day.";
        assert_eq!(roles(text)[2], Role::Body);
    }

    /// A headline's upper lines end in a stop; the lower ones, above the dateline, are
    /// found first; all are one headline.
    #[test]
    fn headline_lines_above_and_below_a_stop_are_one() {
        let text = "to the Chamber on Wednesday.\n\
                    WILL RELEASE PRISONERS.\n\
                    Men Suspected of Complicity In Bank\n\
                    Robbery to Be Released.\n\
                    Emory, Tex, Dec. 13. The men taken\n\
                    into custody will probably be released.";
        let page = classify(to_lines(text), false);
        assert_eq!(&page.roles[1..4], &[Role::Head; 3]);
        assert!(page.starts[1] && !page.starts[2] && !page.starts[3]);
    }

    /// Scraps of a banner around the masthead are no part of the headline under them:
    /// the line read before the masthead runs on into them.
    #[test]
    fn banner_scraps_across_the_masthead_stay_out_of_a_headline() {
        let text = "the attitude of England will remain unchanged.\n\
                    Restoration of\n\
                    ARDMORE, OKLA., TUESDAY, DECEMBER 12, 1916.\n\
                    Propose Complete\n\
                    oi France ami\n\
                    Impose Tax on Rumania.\n\
                    London, Dec. 12. Telegraphing from Jassy,\n\
                    the Times correspondent says the Germans\n\
                    have levied a heavy war tax on Bucharest.";
        let page = classify(to_lines(text), false);
        assert_eq!(page.roles[2], Role::Drop);
        assert!(page.roles[3] != Role::Head && page.roles[4] != Role::Head);
        assert_eq!(page.roles[5], Role::Head, "{:?}", page.roles);
    }

    /// A banner headline under a scrap of display type, and its deck, are one headline.
    #[test]
    fn banner_under_a_scrap_with_a_long_deck() {
        let text = "(EcrmaiMy Wi\n\
                    MAINTENANCE OF KINGDOM OF POLAND AND LITHUANIA\n\
                    WILL BE HANDLED IN PEACE CONFERENCE TODAY\n\
                    Wireless from Berlin Says That Von\n\
                    Bethmann-Hollweg Announced In\n\
                    Reichstag Today That Germany, with all\n\
                    the allies, has proposed peace negotiations.";
        let r = roles(text);
        assert_eq!(r[0], Role::Drop);
        assert_eq!(&r[1..5], &[Role::Head; 4]);
        assert_eq!(r[5], Role::Body);
    }
}
