//! Conventions of English (Latin-script) pages, which have no blank lines to set headlines
//! apart and whose OCR leaves scraps of display type between the columns.
//!
//! Headlines are set in capitals or title case, a line or a few stacked lines, in type
//! larger than the body's (so their lines are narrower or wider than the column); a deck
//! in title case may follow. Inside a story, a single title-case line ending in a full
//! stop after a finished paragraph is a run-in subhead (`Wheat Takes Drop.`), as is one
//! over a list's entries (`True Bills` over `John Gbur, embezzlement.`), and names
//! with initials alone on their lines after one sign it (`H. A. JOHNSON`); a fact box's
//! label over labelled lines (`IF YOU GO` over `What: …`) heads the box inside the story
//! it follows (see [`fact_boxes`]). Short fragments that neither continue nor start a
//! paragraph, lines of repeated letters (`aannnnttnasasnnatt`) and banners twice the
//! column's width are OCR scraps; a short line in capitals atop a headline three times its
//! width is a stray of other type. Nothing
//! here applies to Chinese pages; splitting a headline into title and deck is
//! [`super::headline`]'s job.

mod chapters;
pub mod credits;
mod crossheads;
mod fact_boxes;
pub mod hyphens;
mod letters;
pub(super) mod lexicon;
mod obituaries;
pub mod pieces;
mod pull_quotes;
mod scraps;
mod set_apart;

pub use chapters::mark_chapter_heads;
pub use crossheads::mark_crossheads;
pub use fact_boxes::{is_labelled_item, mark_fact_box_labels};
pub use letters::mark_letters;
pub use obituaries::{is_life_span, is_obituaries_label, mark_obituary_heads};
pub use pull_quotes::mark_pull_quotes;
pub use scraps::mark_scraps;
pub use set_apart::{mark_set_apart_heads, mark_set_apart_signatures, mark_set_apart_subheads};

use super::byline;
use super::classify::{Page, Role};
use super::script::{ends_sentence, is_capitals, upper_ratio};

/// Most lines a headline block (title and deck) stacks.
const BLOCK_MAX: usize = 12;

/// True when a line of `text`, `width` ems wide, may be part of a headline: capitals or
/// title case, not too long.
pub fn is_head_text(text: &str, width: f32) -> bool {
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    letters >= 3 && width <= 45.0 && (is_capitals(text) || is_title_case(text)) && !ends_cut(text)
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
    let column = scraps::median_width(page);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let mut end = block_end(page, i);
        // A dateline's first line (`WITH THE BRITISH ARMIES IN THE` / `FIELD, Aug. 4.—`)
        // is in capitals too, but ends on a word that leads into the next line.
        if end > i && opens_dateline_with_next(page, end - 1) {
            end -= 1;
        }
        // Scraps without letters (`~`) may stand between a headline and its text, and so
        // may a rest's jump line (`(Continued from Page One.)`).
        let text_at = (end..n)
            .find(|&k| {
                page.roles[k] != Role::Jump && page.lines[k].text.chars().any(char::is_alphabetic)
            })
            .unwrap_or(n);
        // A letter's prose opens under its salutation.
        let text_at =
            text_at + usize::from(text_at < n && letters::is_salutation(page.lines[text_at].text));
        // The block may also run into the lower lines of a headline that a dateline under
        // it already marked (`WILL RELEASE PRISONERS.` above `Men Suspected of …`).
        let joins_head = page.roles.get(end) == Some(&Role::Head) && !page.starts[end];
        if end > i
            && starts_fresh(page, i, end, column)
            && (joins_head || opens_text(page, text_at) && !runs_into(page, end, text_at))
        {
            let top = capitals_top(page, i, end);
            (i..top).for_each(|k| page.roles[k] = Role::Drop);
            (top..end).for_each(|k| page.roles[k] = Role::Head);
            page.starts[top] = true;
        }
        i = end.max(i + 1);
    }
}

/// Where a headline block's display type starts: a headline's title is set larger than
/// its decks, in capitals over title case, never the other way round. Lines in lower or
/// title case over a line in capitals (`Propose Complete` / `oi France ami` / `TO VETO
/// BILL`) are scraps of other type the scan caught above it, not its title.
fn capitals_top(page: &Page, i: usize, end: usize) -> usize {
    let caps = |k: usize| is_capitals(page.lines[k].text);
    (i..end).find(|&k| caps(k)).filter(|&k| k > i).unwrap_or(i)
}

/// Whether a story's text opens at line `k`: running prose, or a dateline leading into it
/// (`WASHINGTON, June 9—The`), which is in capitals and so no prose by its letters.
fn opens_text(page: &Page, k: usize) -> bool {
    is_prose(page, k) || page.leads.get(k) == Some(&true) && page.roles[k] == Role::Body
}

/// Whether the last line of a run of capitalised lines, right above line `text_at`, runs
/// on into it: in title case, it ends on a word in lower case and the line under it goes
/// on in lower case (`Public Works Director Tom Hale said the` / `money will replace
/// pipes…`). A line of names in the middle of a sentence is title case too; a headline's
/// line ends on a capitalised word, or wraps onto one (`…Among Those Sent` / `to Bottom
/// Off Nantucket`).
fn runs_into(page: &Page, end: usize, text_at: usize) -> bool {
    let last = page.lines[end - 1].text;
    let lower = |text: &str| text.starts_with(|c: char| c.is_lowercase());
    text_at == end && last.rsplit(' ').next().is_some_and(lower) && lower(page.lines[text_at].text)
}

/// Whether line `k` ends on a word that leads on (`THE`, `IN`, `OF`, …) and, read with
/// the line under it, opens a dateline that runs into that line.
pub fn opens_dateline_with_next(page: &Page, k: usize) -> bool {
    const LEADING_ON: [&str; 8] = ["THE", "IN", "OF", "AT", "ON", "NEAR", "WITH", "AND"];
    let text = page.lines[k].text.trim_end();
    let last = text.rsplit(' ').next().unwrap_or_default();
    if !LEADING_ON.contains(&last) {
        return false;
    }
    let Some(next) = page.lines.get(k + 1) else {
        return false;
    };
    let joined = format!("{text} {}", next.text.trim_start());
    byline::parse_lead(&joined).is_some_and(|b| b.len > text.len() + 1)
}

/// The line in capitals or title case right under a `By …` line is the writer's
/// credit (`Courier Staff Writer`, `STAFF CORRESPONDENT`, also in brackets: `(United
/// Press Staff Correspondent)`), not a headline: it goes with the byline's label to
/// `dropped`. A line in title case a blank sets apart from the byline is no credit of it
/// but a deck (`Agreement Reached After All-Night`).
fn mark_byline_credits(page: &mut Page) {
    for i in 1..page.lines.len() {
        let deck = || page.lines[i].blank_before && !is_capitals(page.lines[i].text);
        if is_under_by_line(page, i)
            && !deck()
            && (super::heads::is_head_shaped(page, i) || is_bracketed_credit(page.lines[i].text))
            && !opens_dateline_with_next(page, i)
        {
            page.roles[i] = Role::Drop;
        }
    }
}

/// A writer's credit in brackets: capitals or title case inside them.
fn is_bracketed_credit(text: &str) -> bool {
    let inner = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    inner.is_some_and(|t| is_head_text(t, 0.0))
}

/// True when line `i` is right under a `By …` byline (`BY …` too), where the writer's
/// credit goes.
pub fn is_under_by_line(page: &Page, i: usize) -> bool {
    i > 0 && page.roles[i - 1] == Role::Byline && is_by_line(page.lines[i - 1].text)
}

/// `By JANE DOE`, `(By the Associated Press.)`: a credit opening on `By`.
pub(super) fn is_by_line(text: &str) -> bool {
    let by = text.trim_start().trim_start_matches('(');
    by.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("By "))
}

/// The end of the head-shaped lines from `i`: capitalised lines, and the wrapped rest of a
/// title-case line broken mid-phrase (`Cleaning and Decor` / `ating for Centennial`).
fn block_end(page: &Page, i: usize) -> usize {
    let n = page.lines.len();
    (i..n)
        .find(|&k| {
            let wraps = k > i && wraps_title(page, k);
            !(super::heads::is_head_shaped(page, k) || wraps) || k - i >= BLOCK_MAX
        })
        .unwrap_or(n)
}

/// True when body line `k` may be the wrapped rest of a headline line above it, which
/// ends no phrase (`Storm Knocks Out Power` / `to Thousands`): see [`is_title_wrap`].
pub fn wraps_title(page: &Page, k: usize) -> bool {
    k > 0
        && page.roles[k] == Role::Body
        && !page.lines[k - 1]
            .text
            .ends_with(['.', ',', ';', ':', '!', '?'])
        && !letters::is_salutation(page.lines[k].text)
        && (is_title_wrap(page.lines[k].text)
            || over_byline(page, k) && is_title_wrap_with_commas(page.lines[k].text))
}

/// True when the line under line `k` is a byline or opens with a dateline: what the
/// last line of a headline stands on.
fn over_byline(page: &Page, k: usize) -> bool {
    page.roles.get(k + 1) == Some(&Role::Byline) || page.leads.get(k + 1) == Some(&true)
}

/// A headline starts fresh: not in the middle of running prose. The line above may still
/// run on without ending its sentence when a block of two lines or more is set in other
/// type (its widest or its first line much narrower or wider than that line of the
/// column), when the block opens in capitals, or when that line is a scrap under the
/// masthead.
fn starts_fresh(page: &Page, i: usize, end: usize, column: f32) -> bool {
    // Furniture (a masthead line) interrupts the text; the line before it is the one read.
    let Some(prev) = (0..i).rev().find(|&k| page.roles[k] != Role::Drop) else {
        return true;
    };
    let above = page.lines[prev].width;
    let widest = (i..end).map(|k| page.lines[k].width).fold(0.0, f32::max);
    // A line under furniture (a masthead) far narrower than the column that ends no
    // sentence runs on into nothing: a scrap the scan caught (`VOLUME TWENTY-FOUR.` /
    // `(EcrmaiMy Wi`), which [`mark_scraps`] drops later.
    let under_furniture = prev == 0 || page.roles[prev - 1] == Role::Drop;
    let under_scrap = under_furniture && above < scraps::NARROW * column;
    // A paragraph in lower case does not run on into a line of capitals (`…will have a` /
    // `RUNNING SPEAK-EASY`): that is display type, however many lines it has.
    if page.lines[prev].ends_sentence
        || under_scrap
        || !is_prose(page, prev)
        || is_capitals(page.lines[i].text)
    {
        return true;
    }
    // Its first line counts on its own: a deck under the title may be as wide as the column.
    let other_type = |w: f32| (w - above).abs() > 0.2 * above;
    end - i >= 2 && (other_type(widest) || other_type(page.lines[i].width))
}

/// A headline line as today's papers set it (`City council approves`, `by 200 votes`):
/// letters in lower case, neither in capitals nor in title case.
pub fn is_sentence_case(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_lowercase()) && !is_capitals(text) && !is_title_case(text)
}

/// `Indiana People Busy Cleaning and Decorating`: most longer words capitalised, and no
/// clause punctuation at the end.
pub fn is_title_case(text: &str) -> bool {
    // The cheap tests first: most lines fail them.
    let starts = text.starts_with(|c: char| c.is_ascii_uppercase() || c == '"');
    // Commas make a list of names, not a headline.
    if !starts || lists(text) || text.ends_with('-') {
        return false;
    }
    let words = count_capitalised(text, |_, _| true);
    // Short ones (`List of Letters`) count too, unless they end a sentence (`Clyde Akin.`).
    let short = words.all <= 5 && !text.ends_with('.');
    (words.long >= 3 || short && words.long >= 2) && words.caps * 10 >= words.long * 8
}

/// Whether `text` holds a comma or semicolon, as a list of names does; not a comma that
/// groups a number's digits (`$200,000`).
fn lists(text: &str) -> bool {
    text.contains(';') || lists_by_commas(text)
}

/// Whether `text` holds a comma that is no digits' group separator.
fn lists_by_commas(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).any(|i| {
        let digit_at =
            |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
        !(digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)))
    })
}

/// A line's words as the title-case tests count them: all of them, the longer ones
/// (over three letters) that the test weighs, and how many of those are capitalised.
/// Short words (`of`, `and`, `the`) are lowercase in a title too.
struct WordCounts {
    all: usize,
    long: usize,
    caps: usize,
}

/// Counts the words of `text`, weighing the longer ones that `weighs` (given a word's
/// place in the line and the word) keeps.
fn count_capitalised(text: &str, weighs: impl Fn(usize, &str) -> bool) -> WordCounts {
    let mut counts = WordCounts {
        all: 0,
        long: 0,
        caps: 0,
    };
    for (k, w) in text.split_whitespace().enumerate() {
        // A number (`$200,000`, `1916`) is neither case: it is not counted.
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        counts.all += 1;
        if w.len() > 3 && weighs(k, w) {
            counts.long += 1;
            counts.caps += usize::from(is_capitalised(w));
        }
    }
    counts
}

/// A word that starts with a capital, past any opening punctuation (`—Peace`, `"Hello`).
fn is_capitalised(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_ascii_uppercase())
}

/// The wrapped rest of a title-case headline (`Cleaning and Decor` / `ating for Centennial`):
/// its longer words are capitalised, but for a word broken at the line start.
fn is_title_wrap(text: &str) -> bool {
    // A deck's clauses stand apart by semicolons (`Bridge; Ten Dead and`): only a comma
    // lists names.
    is_title_wrap_with_commas(text) && !lists_by_commas(text)
}

/// [`is_title_wrap`] but for its commas: a deck's rest may hold a comma (`Next Week,
/// Leaders Say`) as a list of names does; only where it stands tells them apart.
fn is_title_wrap_with_commas(text: &str) -> bool {
    let broken_first = |k: usize, w: &str| k == 0 && w.starts_with(char::is_lowercase);
    let words = count_capitalised(text, |k, w| !broken_first(k, w));
    words.long > 0 && words.caps == words.long && (words.all <= 5 || words.long >= 3)
}

/// A headline's lines share its column: over a banner wider than the page's column, a
/// first line in capitals under a third as wide as the banner is a stray of other type (a
/// scrap of the nameplate), not the banner's title. It is dropped. A kicker over a
/// headline within a column stays, as does a section's label over today's headline in
/// sentence case (`BUSINESS` / `‘We had 1,900 members before we`).
pub fn mark_stray_head_lines(page: &mut Page) {
    const STRAY_SHARE: f32 = 1.0 / 3.0;
    let column = scraps::median_width(page);
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        if page.roles[i] != Role::Head {
            i += 1;
            continue;
        }
        let end = (i + 1..n)
            .find(|&k| page.roles[k] != Role::Head || page.starts[k])
            .unwrap_or(n);
        let widest = (i..end).map(|k| page.lines[k].width).fold(0.0, f32::max);
        let first = &page.lines[i];
        // No running text, no column to measure a banner by: nothing is a stray.
        let banner = column > 0.0 && widest > column;
        // Today's section label over a headline in sentence case is its kicker.
        let labels_today = || is_sentence_case(page.lines[i + 1].text);
        if end - i >= 2
            && banner
            && first.width < STRAY_SHARE * widest
            && is_capitals(first.text)
            && !labels_today()
        {
            page.roles[i] = Role::Drop;
            page.starts[i + 1] = true;
        }
        i = end;
    }
}

/// Names with initials alone on their lines after a finished paragraph sign it
/// (`H. A. JOHNSON` / `P. R. FLINT.` under a notice): bylines of the text above. A name
/// over a dateline (`Robert L. Smith` / `CHATHAM — Robert L. Smith, 71, …`) heads the
/// next story, an obituary's, instead.
pub fn mark_signatures(page: &mut Page) {
    let mut after_text = false;
    for i in 0..page.lines.len() {
        let over_lead = || page.leads.get(i + 1).is_some_and(|&lead| lead);
        match page.roles[i] {
            Role::Drop => continue,
            Role::Body
                if after_text && byline::is_signature(page.lines[i].text) && !over_lead() =>
            {
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
pub(super) fn ends_text(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or_default();
    let initial = last.len() == 2 && last.starts_with(|c: char| c.is_ascii_uppercase());
    ends_sentence(line) && !initial && !ends_before_name(line)
}

/// True when `line` ends in a title that stands before a name (`the guest of Mrs.`): its
/// stop ends no sentence, and the name goes on on the next line.
pub fn ends_before_name(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or_default();
    BEFORE_NAMES.contains(&last)
}

/// True when `text` opens with a title that stands before a name (`Mrs. George Adams.`):
/// a person's name, not a paper's.
pub fn opens_with_title(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    BEFORE_NAMES.contains(&first)
}

/// The titles that stand before a name, with their stop.
const BEFORE_NAMES: [&str; 15] = [
    "Mr.", "Mrs.", "Miss", "Messrs.", "Dr.", "Rev.", "Hon.", "Prof.", "Mme.", "Col.", "Gen.",
    "Capt.", "Gov.", "Lieut.", "Sen.",
];

/// A single title-case line ending in a full stop, right after a finished paragraph, is a
/// run-in subhead of the story it stands in (`Wheat Takes Drop.`), not a new headline:
/// headlines are set in capitals, or without the stop.
pub fn mark_run_in_subheads(page: &mut Page) {
    for i in 1..page.lines.len() {
        if lone_head_after_paragraph(page, i) && page.lines[i].text.ends_with('.') {
            page.roles[i] = Role::Heading;
            page.starts[i] = true;
        }
    }
}

/// A single title-case line over the entries of a list (`True Bills` over `John Gbur,
/// embezzlement.` / `Gino Rauli, carrying concealed weapons.`), right after a finished
/// paragraph, labels that list inside the story it stands in: a headline tops prose.
pub fn mark_list_labels(page: &mut Page) {
    const ENTRIES_MIN: usize = 2;
    for i in 1..page.lines.len() {
        if lone_head_after_paragraph(page, i)
            && page.starts[i]
            && list_entries(page, i + 1, ENTRIES_MIN) >= ENTRIES_MIN
        {
            page.roles[i] = Role::Heading;
        }
    }
}

/// Line `i` (past the first) is a headline of one line, not in capitals, right after a
/// finished paragraph: a candidate for a heading inside the story.
fn lone_head_after_paragraph(page: &Page, i: usize) -> bool {
    let n = page.lines.len();
    let single = page.roles[i] == Role::Head
        && (i + 1 == n || page.roles[i + 1] != Role::Head || page.starts[i + 1]);
    let after_paragraph = page.roles[i - 1] == Role::Body && page.lines[i - 1].ends_sentence;
    single && after_paragraph && !is_capitals(page.lines[i].text)
}

/// How many list entries (up to `most`) follow one another from line `from`: each opens
/// with a name and a comma and ends its sentence within two lines.
fn list_entries(page: &Page, from: usize, most: usize) -> usize {
    let n = page.lines.len();
    let body_end = |k: usize| page.roles[k] == Role::Body && page.lines[k].ends_sentence;
    let (mut k, mut entries) = (from, 0);
    while entries < most && k < n && page.roles[k] == Role::Body && opens_entry(page.lines[k].text)
    {
        let Some(end) = (k..n.min(k + 2)).find(|&j| body_end(j)) else {
            break;
        };
        entries += 1;
        k = end + 1;
    }
    entries
}

/// `John Gbur, embezzlement`: two or three capitalised words, the last closed by a comma.
fn opens_entry(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    let Some(last) = words.iter().position(|w| w.ends_with(',')) else {
        return false;
    };
    last >= 1 && words[..=last].iter().all(|w| is_capitalised(w))
}

/// True when `text` is set in title case as a deck is: most of its longer words (at least
/// two) capitalised, where running prose capitalises few. Words in capitals do not count
/// either way: they may be scraps of display type caught in the text.
pub fn is_deck_text(text: &str) -> bool {
    let words = count_capitalised(text, |_, w| !is_capitals(w));
    words.caps >= 2 && words.caps * 10 >= words.long * 7
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
mod tests;
