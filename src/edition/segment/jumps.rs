//! Jump lines given back to the story they close. A `（下转第N版）` line marks the story
//! printed before it as going on on another page; but a jump line printed apart from that
//! text, in one block with a label next to it, stands where the label stands, and may close
//! a story elsewhere on the page. The stories' ends tell which: a story that stops
//! mid-sentence goes on somewhere, one that closes its last sentence may well end there.
//!
//! This only moves `continued` flags from finished Chinese stories to open ones on one
//! page; a jump line set under its story's text, and a page whose open stories all have
//! one, are left as printed.

use super::{GoesOn, Piece};
use crate::article::Block;
use crate::edition::script::closes_text;

/// How a story's text ends on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// Its last paragraph closes a sentence or a bracketed aside.
    Finished,
    /// Its last paragraph stops mid-sentence: the text goes on somewhere.
    Open,
    /// It ends with no paragraph (a caption, a subhead), or has no text: nothing to tell.
    Unknown,
}

/// Gives the page's jump lines printed apart from their text to the stories that stop
/// mid-sentence with no jump line of their own. Of the page's `jump_lines` jump-to lines,
/// each finished story marked continued holds one, and the rest stand after open stories;
/// the open stories beyond those have none. When they are at least as many as the finished
/// stories holding a line printed apart, each of those lines is an open story's: the
/// finished stories lose the flag and every open story has it. Fewer, and which finished
/// story keeps its line is a guess: nothing changes.
pub fn give_jumps_to_open_stories(pieces: &mut [Piece], jump_lines: usize) {
    let is_apart = |p: &Piece| p.goes_on == GoesOn::JumpApart;
    if !pieces.iter().any(is_apart) {
        return;
    }
    let endings: Vec<Ending> = pieces.iter().map(ending_of).collect();
    let finished = |k: usize| pieces[k].continued() && endings[k] == Ending::Finished;
    let holders = (0..pieces.len()).filter(|&k| finished(k)).count();
    let apart = (0..pieces.len())
        .filter(|&k| finished(k) && is_apart(&pieces[k]))
        .count();
    let open = endings.iter().filter(|&&e| e == Ending::Open).count();
    // Each holder's flag came from a line, so there are no more holders than lines.
    if apart == 0 || holders > jump_lines {
        return;
    }
    let without_line = open.saturating_sub(jump_lines - holders);
    if without_line < apart {
        return;
    }
    for (piece, ending) in pieces.iter_mut().zip(endings) {
        match ending {
            Ending::Finished if is_apart(piece) => piece.goes_on = GoesOn::No,
            Ending::Open => piece.goes_on = piece.goes_on.max(GoesOn::CutOff),
            _ => {}
        }
    }
}

/// How `piece`'s text ends: by its last paragraph.
fn ending_of(piece: &Piece) -> Ending {
    match piece.blocks.last() {
        Some(Block::Paragraph { text }) if closes_text(text) => Ending::Finished,
        Some(Block::Paragraph { text }) if !text.trim().is_empty() => Ending::Open,
        _ => Ending::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str = "为基层治理法治化提供有力";
    const FINISHED: &str = "不断提升流域水安全保障能力。";
    const NOTE: &str = "（摘编自《安徽日报》）";

    /// A story as (text, continued, its jump line printed apart).
    type Story<'a> = (&'a str, bool, bool);

    /// The `continued` flags after the pass on a page with `lines` jump lines.
    fn flags_after(stories: &[Story], lines: usize) -> Vec<bool> {
        let mut pieces: Vec<Piece> = stories
            .iter()
            .map(|&(text, continued, jump_apart)| Piece {
                blocks: vec![Block::Paragraph { text: text.into() }],
                goes_on: match (continued, jump_apart) {
                    (false, _) => GoesOn::No,
                    (true, false) => GoesOn::Jump,
                    (true, true) => GoesOn::JumpApart,
                },
                ..Piece::default()
            })
            .collect();
        give_jumps_to_open_stories(&mut pieces, lines);
        pieces.iter().map(Piece::continued).collect()
    }

    #[test]
    fn a_line_apart_after_a_finished_story_goes_to_the_open_one() {
        let stories = [(FINISHED, true, true), (OPEN, true, false)];
        assert_eq!(flags_after(&stories, 1), [false, true]);
    }

    #[test]
    fn lines_stay_where_the_ends_do_not_tell() {
        let cases: [(&[Story], usize); 4] = [
            // Set under its story's text, the line is that story's.
            (&[(FINISHED, true, false), (OPEN, true, false)], 1),
            // Two lines: one closes the open story, the other the finished one.
            (&[(OPEN, true, false), (FINISHED, true, true)], 2),
            // No open story to give the line to.
            (&[(FINISHED, true, true), (NOTE, false, false)], 1),
            // Two finished stories hold lines apart, one open story lacks one.
            (
                &[
                    (OPEN, true, false),
                    (FINISHED, true, true),
                    (FINISHED, true, true),
                ],
                2,
            ),
        ];
        for (stories, lines) in cases {
            let printed: Vec<bool> = stories.iter().map(|s| s.1).collect();
            assert_eq!(flags_after(stories, lines), printed, "{stories:?}");
        }
    }
}
