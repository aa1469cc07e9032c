//! Reprinted items closed by a source credit: country papers filled their columns with
//! short items taken from other papers, each closed by the name of the paper it came from
//! on a line of its own (`Houston Post.`, `—Kansas City Star.`). The credit ends the item,
//! which is no part of the story printed above it, and what follows the credit belongs to
//! neither.
//!
//! Where the story above stops mid-sentence and the item starts on the next line (a column
//! filler set right under a story the page had no room to finish), the line rules
//! ([`mark_credited_breaks`]) end the story's paragraph there; the piece rules
//! ([`split_credited`]) then set the item apart as an untitled piece, drop the credit, and
//! drop a lone short sentence after it (a filler like `Want ads pay.`). A titled story
//! closed by a credit stays whole. Nothing here applies to Chinese pages.

use super::{ends_text, is_capitalised};
use crate::article::Block;
use crate::edition::classify::{Page, Role};
use crate::edition::script::ends_sentence;
use crate::edition::segment::Piece;

/// Most words a credit holds: a paper's name.
const CREDIT_WORDS: usize = 3;
/// Most lines a reprinted item runs back from its credit.
const ITEM_LINES: usize = 8;
/// Most paragraphs a reprinted item holds.
const ITEM_PARAGRAPHS: usize = 3;
/// Most words of a filler sentence after a credit.
const FILLER_WORDS: usize = 12;

/// True when `text` reads as a source credit: one to three capitalised words, past a
/// dash, ending in a full stop, the last a word, not an initial or a title
/// (`Houston Post.`, `—Exchange.`; not `J.`, `Mrs.`, nor a person's signature,
/// `—Mrs. George Adams.`).
pub fn is_source_credit(text: &str) -> bool {
    let text = text.trim().trim_start_matches(['—', '-', '–', ' ']);
    // The cheap tests first: most lines fail them.
    if !text.ends_with('.')
        || text.len() > 40
        || text.contains(|c: char| c.is_ascii_digit() || c == ',')
    {
        return false;
    }
    let words = text.split_whitespace().count();
    let last = text.split_whitespace().next_back().unwrap_or("");
    let letters = last.chars().filter(char::is_ascii_alphabetic).count();
    (1..=CREDIT_WORDS).contains(&words)
        && text.split_whitespace().all(is_capitalised)
        && letters >= 3
        && !super::ends_before_name(text)
        && !super::opens_with_title(text)
}

/// Ends the paragraph before each credited item that starts on the line after a story
/// broke off mid-sentence (see the module doc). Runs once paragraph ends are set.
pub fn mark_credited_breaks(page: &mut Page) {
    for c in 1..page.lines.len() {
        let credit = page.roles[c] == Role::Body
            && is_source_credit(page.lines[c].text)
            && page.roles[c - 1] == Role::Body
            && ends_text(page.lines[c - 1].text);
        if !credit {
            continue;
        }
        if let Some(first) = item_start(page, c) {
            page.para_end[first - 1] = true;
            page.para_end[c - 1] = true;
            page.para_end[c] = true;
        }
    }
}

/// The first line of the item the credit at line `c` closes, when the text before it
/// broke off: the nearest line back that opens a sentence (a capitalised word, past a
/// scrap letter) after a line that ends none and breaks no word.
fn item_start(page: &Page, c: usize) -> Option<usize> {
    for k in (c.saturating_sub(ITEM_LINES).max(1)..c).rev() {
        if page.roles[k] != Role::Body || page.roles[k - 1] != Role::Body {
            return None;
        }
        let before = page.lines[k - 1].text.trim_end();
        let broke_off = !ends_sentence(before) && !before.ends_with('-');
        if broke_off && opens_capitalised(page.lines[k].text) {
            return Some(k);
        }
    }
    None
}

/// The line's first word, past a lone letter the scan left (`j We can …`), is capitalised.
fn opens_capitalised(text: &str) -> bool {
    let text = without_scrap_letter(text);
    text.split_whitespace()
        .next()
        .is_some_and(|w| is_capitalised(w) && w.chars().any(char::is_alphabetic))
}

/// The text without a lone lowercase letter before a capitalised word at its start: a
/// scrap of the scan, since no English sentence opens so (`a` and `I` are words).
fn without_scrap_letter(text: &str) -> &str {
    let trimmed = text.trim_start();
    let mut words = trimmed.splitn(2, char::is_whitespace);
    let (first, rest) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let scrap = first.len() == 1
        && first.starts_with(|c: char| c.is_ascii_lowercase() && c != 'a')
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase());
    if scrap {
        rest.trim_start()
    } else {
        text
    }
}

/// Sets each credited item that follows a broken-off paragraph apart as an untitled piece
/// (see the module doc); the credits, and a lone short sentence after one, go to
/// `dropped`.
pub fn split_credited(pieces: Vec<Piece>, dropped: &mut Vec<String>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        split_piece(piece, &mut out, dropped);
    }
    out
}

/// Splits one piece at its first credit that closes an item after a broken-off
/// paragraph, and the rest after that credit in turn.
fn split_piece(mut piece: Piece, out: &mut Vec<Piece>, dropped: &mut Vec<String>) {
    let Some((item, credit)) = credited_item(&piece) else {
        out.push(piece);
        return;
    };
    let rest = piece.blocks.split_off(credit + 1);
    let credit_text = piece.blocks.pop().map(|b| b.text().to_owned());
    let mut item_blocks = piece.blocks.split_off(item);
    // The scan's scrap letter before the item's first word is no text of it.
    if let Some(Block::Paragraph { text }) = item_blocks.first_mut() {
        let kept = without_scrap_letter(text);
        if kept.len() < text.len() {
            dropped.push(text[..text.len() - kept.len()].trim().to_owned());
            *text = kept.to_owned();
        }
    }
    dropped.extend(credit_text);
    let goes_on = std::mem::take(&mut piece.goes_on);
    out.push(piece);
    out.push(Piece {
        blocks: item_blocks,
        ..Piece::default()
    });
    match rest.as_slice() {
        [] => {}
        [Block::Paragraph { text }] if is_filler(text) => dropped.push(text.clone()),
        _ => split_piece(
            Piece {
                blocks: rest,
                goes_on,
                ..Piece::default()
            },
            out,
            dropped,
        ),
    }
}

/// The first block of the credited item and the credit's block, for a piece whose text
/// stops mid-sentence before an item that a credit closes.
fn credited_item(piece: &Piece) -> Option<(usize, usize)> {
    let text = |k: usize| match &piece.blocks[k] {
        Block::Paragraph { text } => Some(text.as_str()),
        _ => None,
    };
    (2..piece.blocks.len()).find_map(|c| {
        let credit = text(c).is_some_and(is_source_credit) && text(c - 1).is_some_and(ends_text);
        if !credit {
            return None;
        }
        // The item runs back over finished paragraphs to the one after the break.
        let broke = (0..c - 1)
            .rev()
            .find(|&k| text(k).is_none_or(|t| !ends_sentence(t)))?;
        let item = broke + 1;
        (text(broke).is_some() && item < c && c - item <= ITEM_PARAGRAPHS).then_some((item, c))
    })
}

/// One short sentence: a filler (`Want ads pay big returns.`).
fn is_filler(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let stops = text.matches(['.', '!', '?']).count();
    words <= FILLER_WORDS && stops == 1 && ends_sentence(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::classify::classify;
    use crate::edition::headline::Headline;
    use crate::edition::lines::to_lines;

    #[test]
    fn a_credit_names_a_paper() {
        assert!(is_source_credit("Houston I'ost."));
        assert!(is_source_credit("—Kansas City Star."));
        assert!(!is_source_credit("Clyde Akin is here."));
        assert!(!is_source_credit("P. R. J."));
        assert!(!is_source_credit("the guest of Mrs."));
        assert!(!is_source_credit("—Mrs. George Adams."));
        assert!(!is_source_credit("Joe Strippari, murder."));
        assert!(!is_source_credit("Houston Post"));
    }

    const PAGE: &str = "WHEAT TAKES A DROP OF ELEVEN CENTS\n\
        Chicago, Dec. 12. Wheat suffered an eleven cent drop\n\
        following the receipt of the Berlin dispatches on\n\
        j We can almost hear Rumania yell out loud now.\n\
        \"Ouch!\" even at this great distance, they say.\n\
        Houston Post.\n\
        Want ads pay big returns.";

    #[test]
    fn a_credited_item_breaks_the_story_above_it() {
        let page = classify(to_lines(PAGE), false);
        assert!(page.para_end[2], "the story's paragraph ends at the break");
        // The item the credit (line 5) closes starts after the break, past the scrap letter.
        assert_eq!(item_start(&page, 5), Some(3));
        // A finished story above: no break, so no item starts before the credit.
        let clean = PAGE.replace("dispatches on", "dispatches.");
        let page = classify(to_lines(&clean), false);
        assert_eq!(item_start(&page, 5), None);
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_credited_item_stands_apart() {
        let story = Piece {
            head: Some(Headline {
                title: "WHEAT TAKES A DROP".to_owned(),
                ..Headline::default()
            }),
            blocks: [
                "Chicago, Dec. 12. Wheat suffered a drop following the dispatches",
                "j We can almost hear Rumania yell.",
                "\"Ouch!\" even at this great distance.",
                "Houston Post.",
                "Want ads pay big returns.",
            ]
            .map(paragraph)
            .to_vec(),
            ..Piece::default()
        };
        let mut dropped = Vec::new();
        let out = split_credited(vec![story.clone()], &mut dropped);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].blocks.len(), 1);
        assert!(out[1].head.is_none());
        assert_eq!(out[1].blocks[0].text(), "We can almost hear Rumania yell.");
        assert_eq!(dropped, ["j", "Houston Post.", "Want ads pay big returns."]);
        // A story that ends its sentences before the credit was reprinted whole.
        let mut whole = story;
        whole.blocks[0] = paragraph("Chicago, Dec. 12. Wheat suffered a drop.");
        let out = split_credited(vec![whole], &mut Vec::new());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].blocks.len(), 5);
    }
}
