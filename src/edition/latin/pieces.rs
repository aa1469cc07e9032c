//! English conventions over whole pieces, once the page is segmented and its
//! advertisements dropped: a story that advertisements broke off goes on under their
//! display lines, and a column of local items at a story's end is no part of it.
//!
//! A headline's text never opens mid-sentence, but for a rest's under its jump line: text
//! that does, under head-shaped lines, is a story resumed after the ads set between its
//! columns, and those lines are the last ad's. Country weeklies close a page's columns
//! with "locals", short paragraphs without headlines that each open with the name of the
//! person they tell of (`Raymond Robbins left last night …`). This module does not judge
//! what an advertisement is ([`crate::edition::advert`] does).

use crate::article::Block;
use crate::edition::script::ends_sentence;
use crate::edition::segment::Piece;

/// Fewest items a column of locals holds: a story's single last paragraph may well name
/// someone new.
const LOCALS_MIN: usize = 2;
/// Most words a local item holds.
const LOCAL_MAX_WORDS: usize = 80;

/// Moves the head of each piece whose text opens mid-sentence to `dropped`, and adds its
/// text to the story before it when that broke off mid-sentence (else it stands untitled).
pub fn resume_broken_stories(pieces: Vec<Piece>, dropped: &mut Vec<String>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for mut piece in pieces {
        // A rest under its jump line (`(Continued from Page One.)`) opens where its page
        // before broke off: mid-sentence, under its own jump head.
        let rest = piece.continued_from.is_some();
        if piece.head.is_none() || piece.dateline.is_some() || rest || !opens_mid_sentence(&piece) {
            out.push(piece);
            continue;
        }
        if let Some(head) = piece.head.take() {
            let texts = head.texts().filter(|t| !t.trim().is_empty());
            dropped.extend(texts.map(str::to_owned));
        }
        match out.last_mut().filter(|p| breaks_off(p)) {
            // Its first paragraph goes on the story's last one, a word broken at the seam
            // (`par-` + `ticipate`) made whole as in any paragraph.
            Some(story) => story.go_on_with(piece),
            None => out.push(piece),
        }
    }
    out
}

/// True when the piece's text opens with a lowercase word (`are both invited …`); a
/// single letter may be an OCR scrap (`j The recent death …`), so it takes three.
fn opens_mid_sentence(piece: &Piece) -> bool {
    let Some(Block::Paragraph { text }) = piece.blocks.first() else {
        return false;
    };
    let first = text.split_whitespace().next().unwrap_or_default();
    first.len() >= 3 && first.chars().all(|c| c.is_ascii_lowercase())
}

/// True when the story's text ends mid-sentence, with no jump line to say where it goes.
fn breaks_off(story: &Piece) -> bool {
    !story.continued()
        && matches!(story.blocks.last(), Some(Block::Paragraph { text }) if !ends_sentence(text))
}

/// Splits each titled story's closing column of locals (see the module doc) into
/// untitled pieces of a paragraph each.
pub fn split_locals(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for mut piece in pieces {
        let from = locals_from(&piece);
        let locals = piece.blocks.split_off(from);
        out.push(piece);
        out.extend(locals.into_iter().map(|b| Piece {
            blocks: vec![b],
            ..Piece::default()
        }));
    }
    out
}

/// Where the story's closing column of locals starts (the number of blocks when it has
/// none): its last paragraphs, each short, finished and opening with a name that no text
/// before it holds. A head over nothing but locals (`LOCAL BREVITIES`) is the column's
/// own, and the column stays whole under it.
fn locals_from(piece: &Piece) -> usize {
    let n = piece.blocks.len();
    if piece.head.is_none() || piece.continued() {
        return n;
    }
    let mut from = n;
    while from > 0 && is_local_item(&piece.blocks[..from - 1], &piece.blocks[from - 1]) {
        from -= 1;
    }
    if from > 0 && n - from >= LOCALS_MIN {
        from
    } else {
        n
    }
}

/// True when `block` reads as a local item after the text of `before`.
fn is_local_item(before: &[Block], block: &Block) -> bool {
    let Block::Paragraph { text } = block else {
        return false;
    };
    let short = text.split_whitespace().count() <= LOCAL_MAX_WORDS;
    let new_name = opening_name(text).is_some_and(|surname| {
        !before
            .iter()
            .any(|b| b.text().split_whitespace().any(|w| bare(w) == surname))
    });
    short && ends_sentence(text) && new_name
}

/// The surname of the person a paragraph opens with: a title and a name
/// (`Mrs. Austin Taylor was …`), or two names or more (`Raymond Robbins left …`), then a
/// lowercase word.
fn opening_name(text: &str) -> Option<&str> {
    const TITLES: [&str; 9] = [
        "Mr.", "Mrs.", "Miss", "Messrs.", "Dr.", "Rev.", "Hon.", "Prof.", "Mme.",
    ];
    // Capitalised words that open sentences, not names.
    const OPENERS: [&str; 12] = [
        "The", "A", "An", "In", "On", "At", "For", "To", "It", "This", "When", "If",
    ];
    let mut words = text.split_whitespace().peekable();
    let titled = words.next_if(|w| TITLES.contains(w)).is_some();
    let mut names = Vec::new();
    while let Some(w) = words.next_if(|w| is_name_word(w)) {
        names.push(w);
    }
    let then_lowercase = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()));
    let enough = if titled { 1 } else { 2 };
    let opener = names.first().is_some_and(|w| OPENERS.contains(w));
    (names.len() >= enough && then_lowercase && !opener).then(|| bare(names[names.len() - 1]))
}

/// `Austin`, `J.`: a capital, then lowercase letters or a stop.
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase() || c == '.')
}

/// The word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Marks of no type that a scan leaves at the edge of display lines: a tick, a bar, a
/// tilde.
const SPECKS: [char; 7] = ['\'', '`', '~', '|', '^', '*', '•'];

/// Moves the specks standing alone at either end of each headline part (`HOWARD GRAHAM
/// CALLED` / `BY DEATH '`) to `dropped`: the scan caught them beside the type, and no
/// headline prints one.
pub fn drop_headline_specks(pieces: &mut [Piece], dropped: &mut Vec<String>) {
    for head in pieces.iter_mut().filter_map(|p| p.head.as_mut()) {
        let parts = [
            Some(&mut head.title),
            head.kicker.as_mut(),
            head.subtitle.as_mut(),
        ];
        for part in parts.into_iter().flatten() {
            take_specks(part, dropped);
        }
    }
}

/// Takes the speck words off both ends of `text` into `dropped`, keeping at least one word.
fn take_specks(text: &mut String, dropped: &mut Vec<String>) {
    let is_speck = |w: &str| w.chars().all(|c| SPECKS.contains(&c));
    while let Some((rest, last)) = text.trim_end().rsplit_once(char::is_whitespace) {
        if !is_speck(last) {
            break;
        }
        dropped.push(last.to_owned());
        let keep = rest.trim_end().len();
        text.truncate(keep);
    }
    while let Some((first, rest)) = text.trim_start().split_once(char::is_whitespace) {
        if !is_speck(first) {
            break;
        }
        dropped.push(first.to_owned());
        *text = rest.trim_start().to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::headline::Headline;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            text: text.to_owned(),
        }
    }

    fn piece(title: Option<&str>, paragraphs: &[&str]) -> Piece {
        Piece {
            head: title.map(|t| Headline {
                title: t.to_owned(),
                ..Headline::default()
            }),
            blocks: paragraphs.iter().map(|p| paragraph(p)).collect(),
            ..Piece::default()
        }
    }

    #[test]
    fn a_story_goes_on_under_an_ads_display_lines() {
        let story = piece(
            Some("VISITORS COMING"),
            &["Every resident of the city and as many farmers as can come in,"],
        );
        let rest = piece(
            Some("Col Valley Drug Co."),
            &["are both invited to welcome the visitors.", "He left."],
        );
        let mut dropped = Vec::new();
        let out = resume_broken_stories(vec![story.clone(), rest.clone()], &mut dropped);
        assert_eq!(out.len(), 1);
        assert_eq!(dropped, ["Col Valley Drug Co."]);
        assert!(out[0].blocks[0]
            .text()
            .ends_with("come in, are both invited to welcome the visitors."));
        assert_eq!(out[0].blocks.len(), 2);
        // A word broken at the seam is made whole.
        let mut cut = story.clone();
        cut.blocks = vec![paragraph("all are invited to par-")];
        let mut rest_of_word = rest.clone();
        rest_of_word.blocks = vec![paragraph("ticipate in the welcome.")];
        let out = resume_broken_stories(vec![cut, rest_of_word], &mut Vec::new());
        assert_eq!(
            out[0].blocks[0].text(),
            "all are invited to participate in the welcome."
        );
        // After a finished story, the text stands untitled.
        let mut done = story.clone();
        done.blocks = vec![paragraph("The visitors come on Wednesday.")];
        let out = resume_broken_stories(vec![done, rest], &mut Vec::new());
        assert_eq!(out.len(), 2);
        assert!(out[1].head.is_none());
        // A scrap letter before a capital is no word broken off.
        let scrap = piece(Some("PEACE"), &["j The recent death of the emperor."]);
        let out = resume_broken_stories(vec![story, scrap], &mut Vec::new());
        assert_eq!(out.len(), 2);
        assert!(out[1].head.is_some());
    }

    #[test]
    fn a_column_of_locals_ends_a_story() {
        let story = piece(
            Some("VISITORS COMING"),
            &[
                "The visitors from Minneapolis come on Wednesday.",
                "Every resident is urged to welcome them.",
                "Raymond Robbins left last night for Harlem to take up his work.",
                "Mrs. Austin Taylor was up from Saco yesterday the guest of Mrs. Clyde Akin.",
            ],
        );
        let out = split_locals(vec![story.clone()]);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].blocks.len(), 2);
        assert!(out[1].head.is_none() && out[2].head.is_none());
        assert!(out[2].blocks[0].text().starts_with("Mrs. Austin Taylor"));
        // A person the story already named is part of it.
        let mut named = story.clone();
        named.blocks[0] = paragraph("The visitors and Raymond Robbins come on Wednesday.");
        assert_eq!(split_locals(vec![named]).len(), 1);
        // One paragraph naming someone new is the story's own last.
        let mut single = story;
        single.blocks.pop();
        assert_eq!(split_locals(vec![single]).len(), 1);
    }

    #[test]
    fn a_column_of_locals_under_its_own_head_stays_whole() {
        let column = piece(
            Some("LOCAL BREVITIES"),
            &[
                "Mrs. John Smith visited friends in Greensburg Tuesday.",
                "Harry Brown was a business visitor in Pittsburgh Monday.",
                "Miss Mary Jones is spending the week with relatives at Johnstown.",
            ],
        );
        let out = split_locals(vec![column.clone()]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].blocks.len(), 3);
        // A story told before the locals keeps its head, and the locals part from it.
        let mut story = column;
        story
            .blocks
            .insert(0, paragraph("The visitors come on Wednesday."));
        let out = split_locals(vec![story]);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].blocks.len(), 1);
    }

    #[test]
    fn a_name_opens_a_local_item() {
        assert_eq!(
            opening_name("Raymond Robbins left last night"),
            Some("Robbins")
        );
        assert_eq!(
            opening_name("Mrs. Austin Taylor was up from"),
            Some("Taylor")
        );
        assert_eq!(opening_name("Dr. Murray was a prominent"), Some("Murray"));
        assert_eq!(opening_name("About four o'clock Tuesday"), None);
        assert_eq!(opening_name("The Macedonia will proceed"), None);
        assert_eq!(opening_name("Ike Murphy, the clerk, said"), None);
    }

    #[test]
    fn specks_at_a_headlines_edges_are_dropped() {
        let mut pieces = vec![
            piece(
                Some("HOWARD GRAHAM CALLED BY DEATH '"),
                &["Howard Graham died."],
            ),
            piece(Some("~ NEW FRENCH GOVERNMENT |"), &["Paris, Dec. 12."]),
            piece(Some("\"HELLO\" GIRLS ARE BACK AT WORK"), &["The girls."]),
            piece(Some("'"), &["A tick alone is all the title there is."]),
        ];
        let mut dropped = Vec::new();
        drop_headline_specks(&mut pieces, &mut dropped);
        let titles: Vec<&str> = pieces
            .iter()
            .map(|p| p.head.as_ref().unwrap().title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "HOWARD GRAHAM CALLED BY DEATH",
                "NEW FRENCH GOVERNMENT",
                "\"HELLO\" GIRLS ARE BACK AT WORK",
                "'"
            ]
        );
        assert_eq!(dropped, ["'", "|", "~"]);
    }
}
