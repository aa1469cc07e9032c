//! Repairs for dumps whose text order is not reading order: a headline printed after its
//! body goes back to it, a box label printed after its items moves up before them, a
//! source note printed after another story goes back to the story it names, a first
//! paragraph or a photo caption printed amid another story (a caption also on an English
//! page) goes to the front of the story whose words it shares or whose line it quotes, a
//! sentence's last word printed under the next story's headline goes back to the
//! sentence, and an editor's note printed above a headline opens that story.
//!
//! All of them work on finished pieces of one page and only move text, never drop it.

use super::classify::{is_box_label, is_closing_label, is_sidebar_word};
use super::headline::Headline;
use super::reflow::push_continuing;
use super::script::{ends_sentence, is_closer, SENTENCE_MARKS};
use super::segment::Piece;
use super::terms::{any_term, long_words, terms, TermSet};
use crate::article::Block;

/// Distinct word pairs a source note or a stray paragraph must share with another story
/// to move there.
const MOVE_PAIRS: usize = 3;
/// How many times the pairs it shares with its own story a first paragraph must share
/// with another to move there…
const OWN_RATIO: usize = 3;
/// …reading the blocks of either story this near its start: a paragraph shares words with
/// the text around it.
const NEAR_BLOCKS: usize = 3;
/// A caption moving to a story that is not next to its place shares at least one in this
/// many of its word pairs with it…
const FAR_SHARE: usize = 3;
/// …and this many times as many as with any other story.
const FAR_RATIO: usize = 2;
/// Letters of the shortest English word a caption's story is told by.
const LATIN_WORD: usize = 5;

/// A box label (`【观摩项目简介】`) printed after the numbered items it labels moves up to
/// stand before them, where a reader sees it.
pub fn move_box_label(blocks: &mut Vec<Block>) {
    let Some(Block::Heading { text }) = blocks.last() else {
        return;
    };
    if !is_box_label(text) {
        return;
    }
    let mut first = None;
    for (k, b) in blocks.iter().enumerate().rev().skip(1) {
        match b {
            Block::Heading { .. } if is_item(b) => first = Some(k),
            Block::Heading { .. } => break,
            _ => {}
        }
    }
    if let Some(k) = first {
        if let Some(label) = blocks.pop() {
            blocks.insert(k, label);
        }
    }
}

/// A numbered item's heading (`1.春华锂业…`) in a box.
fn is_item(b: &Block) -> bool {
    matches!(b, Block::Heading { text } if text.starts_with(|c: char| c.is_ascii_digit()))
}

/// Box labels that label no numbered items (`【相关链接】`, `【延伸阅读】`, a bare `链接`
/// that classify made a heading) are page decoration, not a subhead of the text around
/// them: they go to `dropped`. A label that heads a box of items (placed before them by
/// [`move_box_label`]) stays, and so does one that says whose words close the story
/// (`记者手记`).
pub fn drop_bare_labels(blocks: &mut Vec<Block>, dropped: &mut Vec<String>) {
    let heads_items = |k: usize| blocks.get(k + 1).is_some_and(is_item);
    let decoration =
        |text: &str| (is_box_label(text) || is_sidebar_word(text)) && !is_closing_label(text);
    let bare: Vec<usize> = (0..blocks.len())
        .filter(|&k| matches!(&blocks[k], Block::Heading { text } if decoration(text)))
        .filter(|&k| !heads_items(k))
        .collect();
    for k in bare.into_iter().rev() {
        dropped.push(blocks.remove(k).text().to_owned());
    }
}

/// Gives each headline without a body to the nearest untitled text on the page (before it
/// first), for headline blocks the PDF emitted after their article. Untitled text after
/// it goes to another headline without a body standing nearer it, if one does.
pub fn attach_orphan_heads(pieces: &mut Vec<Piece>, dropped: &mut Vec<String>) {
    let orphan = |p: &Piece| p.head.is_some() && p.blocks.is_empty();
    let untitled = |p: &Piece| p.head.is_none() && !p.blocks.is_empty();
    let mut k = 0;
    while k < pieces.len() {
        let target = if orphan(&pieces[k]) {
            (0..k).rev().find(|&j| untitled(&pieces[j])).or_else(|| {
                (k + 1..pieces.len())
                    .take_while(|&j| !orphan(&pieces[j]))
                    .find(|&j| untitled(&pieces[j]))
            })
        } else {
            None
        };
        let Some(t) = target else {
            k += 1;
            continue;
        };
        let mut head = pieces.remove(k);
        let t = if t > k { t - 1 } else { t };
        let p = &mut pieces[t];
        p.head = head.head.take();
        // The headline's byline names come first, as a reader sees them; the other names
        // it carries (bylines kept for other headlines, names printed in text) go along.
        let body_authors = std::mem::take(&mut p.authors);
        p.take_names_of(&mut head);
        p.head_authors = p.authors.len();
        p.authors.extend(body_authors);
        match (&p.dateline, head.dateline) {
            (None, d) => p.dateline = d,
            (Some(_), Some(d)) => dropped.push(d),
            (Some(_), None) => {}
        }
        p.continued_from = p.continued_from.take().or(head.continued_from);
        p.goes_on = p.goes_on.max(head.goes_on);
    }
}

/// The marks that open an editor's note (`编者按：`, `【编者按】`, `编者的话`).
const EDITORS_NOTE_MARKS: [&str; 3] = ["编者按", "编者的话", "编前语"];

/// Whether `text` opens with an editor's note mark, maybe in brackets.
fn opens_editors_note(text: &str) -> bool {
    let text = text.trim_start_matches(['【', '［', '[', '〔', '（', '(']);
    EDITORS_NOTE_MARKS.iter().any(|m| text.starts_with(m))
}

/// An editor's note printed above a story's headline (`【编者按】…` over `基层治理见实效`)
/// introduces that story: untitled, right before a titled piece, its paragraphs go in
/// front of that story's text rather than stand as a story of their own. A lone line
/// set between the note and the headline names the series the note announces
/// (`新农人·返乡创业故事`), and, read as a headline, may have taken the note as its text:
/// a note with no more than such a title is the story's too, its title the story's
/// kicker when it has none.
pub fn attach_editors_notes(pieces: &mut Vec<Piece>) {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for mut piece in pieces.drain(..) {
        let Some(head) = piece.head.as_mut() else {
            out.push(piece);
            continue;
        };
        if out.last().is_some_and(is_labelled_note) && head.kicker.is_none() {
            let label = out.last_mut().and_then(|note| note.head.take());
            head.kicker = label.map(|h| h.title);
        }
        if out.last().is_some_and(is_editors_note) {
            if let Some(mut note) = out.pop() {
                piece.blocks.splice(0..0, std::mem::take(&mut note.blocks));
                piece.take_names_of(&mut note);
            }
        }
        out.push(piece);
    }
    *pieces = out;
}

/// An untitled piece of text that opens with an editor's note, with no byline or dateline
/// of its own.
fn is_editors_note(piece: &Piece) -> bool {
    piece.head.is_none() && is_bare_note(piece)
}

/// An editor's note under a title alone (no kicker or subtitle): its only text is the
/// note, with no byline or dateline.
fn is_labelled_note(piece: &Piece) -> bool {
    let bare_title = |h: &Headline| h.kicker.is_none() && h.subtitle.is_none();
    piece.head.as_ref().is_some_and(bare_title) && piece.blocks.len() == 1 && is_bare_note(piece)
}

/// A piece whose text opens with an editor's note, with no byline or dateline.
fn is_bare_note(piece: &Piece) -> bool {
    piece.authors.is_empty()
        && piece.dateline.is_none()
        && matches!(piece.blocks.first(), Some(b @ Block::Paragraph { .. }) if opens_editors_note(b.text()))
}

/// A paragraph that is all one bracketed note (`（摘编自《天津日报》，原题为《…》）`): the
/// source line that closes a story.
fn is_note(b: &Block) -> bool {
    matches!(b, Block::Paragraph { text } if text.starts_with('（') && text.ends_with('）'))
}

/// A source note ends the story it is printed after; one the dump printed after another
/// story (its own text ran elsewhere) moves to the end of the titled story whose text
/// shares at least [`MOVE_PAIRS`] of its word pairs (the original title it cites is that
/// story's), when the story it ends shares none and the other has no note of its own.
pub fn move_source_notes(pieces: &mut [Piece]) {
    for k in 0..pieces.len() {
        let Some(note) = pieces[k].blocks.last().filter(|b| is_note(b)) else {
            continue;
        };
        let words = pairs_of(note.text());
        let rest = pieces[k].blocks.len() - 1;
        if shared_pairs(&words, &pieces[k], 0..rest, 1) > 0 {
            continue;
        }
        let home = home_of(&words, pieces, k, usize::MAX, |j| {
            !pieces[j].blocks.last().is_some_and(is_note)
        });
        if let Some((j, _)) = home {
            if let Some(note) = pieces[k].blocks.pop() {
                pieces[j].blocks.push(note);
            }
        }
    }
}

/// Most characters a sentence's end printed under the next headline holds before its stop
/// (`说。`, `元。`): no story opens on so few.
const TAIL_CHARS: usize = 3;

/// A story's text that opens on a sentence's last word (`说。习近平总书记指出…`) right
/// after a story whose text stops mid-sentence (`…”金宪`): the dump printed the headline
/// into the last line of the story before, so the word and its stop go back there.
pub fn return_sentence_ends(pieces: &mut [Piece]) {
    for k in 1..pieces.len() {
        let open_before = matches!(
            pieces[k - 1].blocks.last(),
            Some(Block::Paragraph { text }) if !ends_sentence(text)
        );
        let Some(Block::Paragraph { text }) = pieces[k].blocks.first() else {
            continue;
        };
        let Some(cut) = open_before.then(|| sentence_tail(text)).flatten() else {
            continue;
        };
        let tail = text[..cut].to_owned();
        let rest = text[cut..].to_owned();
        if rest.is_empty() {
            pieces[k].blocks.remove(0);
        } else {
            pieces[k].blocks[0] = Block::Paragraph { text: rest };
        }
        push_continuing(&mut pieces[k - 1].blocks, Block::Paragraph { text: tail });
    }
}

/// Where the sentence's end that opens `text` stops (after its mark and closing quotes),
/// when it stops within [`TAIL_CHARS`] characters.
fn sentence_tail(text: &str) -> Option<usize> {
    let (at, mark) = text
        .char_indices()
        .take(TAIL_CHARS + 1)
        .find(|(_, c)| SENTENCE_MARKS.contains(c))?;
    // A stop with no word before it opens nothing of a sentence.
    if at == 0 {
        return None;
    }
    let after = at + mark.len_utf8();
    let closers = text[after..]
        .chars()
        .take_while(|&c| is_closer(c))
        .map(char::len_utf8)
        .sum::<usize>();
    Some(after + closers)
}

/// A titled story's first paragraph that shares next to nothing with its own headline and
/// the paragraphs after it (fewer than [`MOVE_PAIRS`] word pairs), but at least that many with
/// another titled story, and [`OWN_RATIO`] times more (`武功山农产品配送中心…` atop a story
/// on product reviews), is the text of the story next to it printed out of place (between
/// a headline and its byline, say): it moves to the front of that story, whose text the
/// dump began elsewhere.
pub fn move_stray_openers(pieces: &mut [Piece]) {
    for k in 0..pieces.len() {
        let p = &pieces[k];
        let opener = match p.blocks.first() {
            Some(b @ Block::Paragraph { .. }) if p.head.is_some() && p.blocks.len() > 1 => b,
            _ => continue,
        };
        // Most first paragraphs repeat a word of their headline: those are at home. So is
        // an editor's note, printed over the story it introduces whatever story shares
        // its subject's words.
        let title = pairs_of(p.head.as_ref().map_or("", |h| h.title.as_str()));
        if opens_editors_note(opener.text()) || any_term(opener.text(), |t| title.find(t).is_some())
        {
            continue;
        }
        let words = pairs_of(opener.text());
        let own = shared_pairs(
            &words,
            p,
            1..p.blocks.len().min(1 + NEAR_BLOCKS),
            MOVE_PAIRS,
        );
        if own >= MOVE_PAIRS {
            continue;
        }
        // Printed out of place, it stands next to its story.
        let home = home_of(&words, pieces, k, NEAR_BLOCKS, |j| j.abs_diff(k) == 1)
            .filter(|&(_, n)| n > OWN_RATIO * own);
        if let Some((j, _)) = home {
            let block = pieces[k].blocks.remove(0);
            pieces[j].blocks.insert(0, block);
        }
    }
}

/// A photo caption names what its story tells (the people, the place, a line of the
/// text). One the dump printed among another story's lines (sharing fewer than
/// [`MOVE_PAIRS`] of its word pairs with them) moves to the front of the titled story next
/// to that one (the photo stood between the two) whose headline and text share at least
/// that many, and [`OWN_RATIO`] times more; failing that, to the front of a story
/// further off that is clearly its home ([`clear_home`]).
///
/// On a Latin-script page (not `cjk`) the words are those of [`LATIN_WORD`] letters or
/// more: the short ones are the language's, which every story shares.
///
/// Before the words are counted, a caption on a Chinese page that quotes its story
/// ([`quoted_in`]) goes to the one story that prints its opening, wherever it was printed.
pub fn move_captions(pieces: &mut [Piece], cjk: bool) {
    for k in 0..pieces.len() {
        let mut c = 0;
        while c < pieces[k].blocks.len() {
            let Block::Caption { text, .. } = &pieces[k].blocks[c] else {
                c += 1;
                continue;
            };
            // An English opening, its spaces taken out, is never printed so: not searched.
            let quoted = cjk.then(|| quoted_in(text, pieces, k)).flatten();
            if let Some(j) = quoted {
                let caption = pieces[k].blocks.remove(c);
                pieces[j].blocks.insert(0, caption);
                continue;
            }
            let words = if cjk {
                pairs_of(text)
            } else {
                TermSet::new(long_words(text, LATIN_WORD))
            };
            // Most captions share words with the text around them: those are at home, and
            // the page's other stories are not read for them.
            let own = count_shared(&words, texts_but(&pieces[k], c), MOVE_PAIRS);
            let home = (own < MOVE_PAIRS)
                .then(|| {
                    home_of(&words, pieces, k, usize::MAX, |j| j.abs_diff(k) == 1)
                        .filter(|&(_, n)| n > OWN_RATIO * own)
                        .map(|(j, _)| j)
                        .or_else(|| clear_home(&words, pieces, k, own))
                })
                .flatten();
            match home {
                Some(j) => {
                    let caption = pieces[k].blocks.remove(c);
                    pieces[j].blocks.insert(0, caption);
                }
                None => c += 1,
            }
        }
    }
}

/// Characters of a caption's opening that a story's text must print word for word for
/// the caption to be quoting it: a caption that repeats a line of its story (a pull quote,
/// or a photo's caption quoting the text) belongs to that story.
const QUOTE_CHARS: usize = 12;
/// Characters a shorter caption must have, all printed, to be told a quote: fewer may be
/// a phrase any story prints (`3月18日，`).
const QUOTE_MIN: usize = 8;

/// The paragraphs of `piece`.
fn paragraphs(piece: &Piece) -> impl Iterator<Item = &str> {
    piece
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .map(Block::text)
}

/// The one titled piece other than `k` whose text prints the opening of `caption` word
/// for word in one of its paragraphs, when piece `k`'s text does not. A piece with no
/// text but its captions keeps them: a photo printed with a headline of its own, or a
/// story whose text the page put elsewhere, is told by its caption alone.
fn quoted_in(caption: &str, pieces: &[Piece], k: usize) -> Option<usize> {
    let opening: String = caption
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(QUOTE_CHARS)
        .collect();
    let prints = |j: usize| paragraphs(&pieces[j]).any(|p| p.contains(opening.as_str()));
    let untexted = paragraphs(&pieces[k]).next().is_none();
    if opening.chars().count() < QUOTE_MIN || untexted || prints(k) {
        return None;
    }
    let mut quoting =
        (0..pieces.len()).filter(|&j| j != k && pieces[j].head.is_some() && prints(j));
    let home = quoting.next()?;
    quoting.next().is_none().then_some(home)
}

/// The titled piece anywhere on the page but `k` that is clearly the home of a caption
/// of `words` which shares `own` of them with the piece it was printed in: its headline
/// and text share the most of them, at least [`MOVE_PAIRS`], a [`FAR_SHARE`] of them, and
/// [`OWN_RATIO`] times `own`, and [`FAR_RATIO`] times as many as any other piece's. A
/// dump may print a photo's caption columns away from its story, and only the words tell
/// where it goes; stories of one page share some, so a few in common are not enough.
fn clear_home(words: &WordPairs, pieces: &[Piece], k: usize, own: usize) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = (0..pieces.len())
        .filter(|&j| j != k && pieces[j].head.is_some())
        .map(|j| {
            let all = 0..pieces[j].blocks.len();
            (shared_pairs(words, &pieces[j], all, usize::MAX), j)
        })
        .collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let (best, j) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.0);
    let enough = MOVE_PAIRS.max(words.len() / FAR_SHARE);
    (best >= enough && best > OWN_RATIO * own && best >= FAR_RATIO * second.max(1)).then_some(j)
}

/// The headline and the blocks of `piece` but block `skip`.
fn texts_but(piece: &Piece, skip: usize) -> impl Iterator<Item = &str> {
    let title = piece.head.as_ref().map_or("", |h| h.title.as_str());
    let blocks = piece.blocks.iter().enumerate();
    std::iter::once(title).chain(
        blocks
            .filter(move |&(k, _)| k != skip)
            .map(|(_, b)| b.text()),
    )
}

/// The titled piece other than `k` (and whose index `fits`) whose headline and first
/// `blocks` share the most of `words`, at least [`MOVE_PAIRS`] (the earliest on a tie), and how many.
fn home_of(
    words: &WordPairs,
    pieces: &[Piece],
    k: usize,
    blocks: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    (0..pieces.len())
        .filter(|&j| j != k && pieces[j].head.is_some() && fits(j))
        .map(|j| {
            (
                j,
                shared_pairs(
                    words,
                    &pieces[j],
                    0..pieces[j].blocks.len().min(blocks),
                    usize::MAX,
                ),
            )
        })
        .filter(|&(_, n)| n >= MOVE_PAIRS)
        .max_by_key(|&(j, n)| (n, std::cmp::Reverse(j)))
}

/// The word pairs of one paragraph, filtered in front for the stories' text read term by
/// term.
type WordPairs = TermSet<WORD_FILTER>;

/// Size of the filter of [`WordPairs`], in 64-bit words (1,024 bits for some 100 pairs).
const WORD_FILTER: usize = 16;

fn pairs_of(text: &str) -> WordPairs {
    TermSet::new(terms(text))
}

/// How many of `words` the title of `piece` and its `blocks` show,
/// counting no further than `enough` (most stories show enough in their first lines).
fn shared_pairs(
    words: &WordPairs,
    piece: &Piece,
    blocks: std::ops::Range<usize>,
    enough: usize,
) -> usize {
    let title = piece.head.as_ref().map_or("", |h| h.title.as_str());
    let texts = piece.blocks[blocks].iter().map(Block::text);
    count_shared(words, std::iter::once(title).chain(texts), enough)
}

/// How many of `words` `texts` show, counting no further than `enough` (a count of
/// `enough` or more says only that: reading stops once it is reached).
fn count_shared<'t>(
    words: &WordPairs,
    texts: impl Iterator<Item = &'t str>,
    enough: usize,
) -> usize {
    let mut seen = vec![false; words.len()];
    let mut n = 0;
    for text in texts {
        any_term(text, |t| {
            if let Some(i) = words.find(t) {
                n += usize::from(!seen[i]);
                seen[i] = true;
            }
            n >= enough
        });
        if n >= enough {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(title: &str, paragraphs: &[&str]) -> Piece {
        Piece {
            head: Some(Headline {
                title: title.to_owned(),
                ..Headline::default()
            }),
            blocks: paragraphs.iter().map(|t| paragraph(t)).collect(),
            ..Piece::default()
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            text: text.to_owned(),
        }
    }

    const NOTE: &str = "（摘编自《天津日报》，原题为《文明是怎样炼成的》）";

    const EDITORS_NOTE: &str = "编者按：即日起，本报推出“新农人”系列报道，敬请关注。";

    /// Each piece's kicker, title and number of blocks.
    fn heads(pieces: &[Piece]) -> Vec<(Option<String>, String, usize)> {
        pieces
            .iter()
            .map(|p| {
                let head = p.head.clone().unwrap_or_default();
                (head.kicker, head.title, p.blocks.len())
            })
            .collect()
    }

    /// A series label over an editor's note, and the story under both.
    fn labelled_note_then_story() -> Vec<Piece> {
        vec![
            story("新农人·返乡创业故事", &[EDITORS_NOTE]),
            story("90后姑娘的“稻田梦”", &["清晨五点，稻田里已经有了人影。"]),
        ]
    }

    #[test]
    fn an_editors_note_under_a_series_label_goes_to_the_story_below() {
        let mut pieces = labelled_note_then_story();
        attach_editors_notes(&mut pieces);
        let kicker = Some("新农人·返乡创业故事".to_owned());
        assert_eq!(
            heads(&pieces),
            [(kicker, "90后姑娘的“稻田梦”".to_owned(), 2)]
        );
        assert_eq!(pieces[0].blocks[0].text(), EDITORS_NOTE);
    }

    #[test]
    fn a_titled_note_stays_where_it_is_more_than_a_note() {
        // The title heads text of its own besides the note.
        let mut more = labelled_note_then_story();
        more[0].blocks.push(Block::Paragraph {
            text: "刘婷回到家乡种田。".to_owned(),
        });
        // The story below has a kicker: the label is no second one.
        let mut kicked = labelled_note_then_story();
        kicked[1].head.as_mut().unwrap().kicker = Some("湘潭县花石镇——".to_owned());
        // A note signed by its writer is that writer's piece.
        let mut signed = labelled_note_then_story();
        signed[0].authors = vec!["王明".to_owned()];
        for pieces in [&mut more, &mut kicked, &mut signed] {
            let before = heads(pieces);
            attach_editors_notes(pieces);
            assert_eq!(heads(pieces), before);
        }
    }

    #[test]
    fn untitled_text_goes_to_the_headline_without_a_body_nearest_above_it() {
        // A section label read as a headline tops the page; the story's own headline stands
        // right above its text, after another story.
        let mut pieces = vec![
            story("大数据观察", &[]),
            story("广州建设四大生物医药价值园区", &["近日，广州市出台方案。"]),
            story("深耕人工合成淀粉“无人区”", &[]),
            story("", &["2021年9月24日对我来说，是个难忘的日子。"]),
        ];
        pieces[3].head = None;
        attach_orphan_heads(&mut pieces, &mut Vec::new());
        let titles: Vec<(&str, usize)> = pieces
            .iter()
            .map(|p| {
                (
                    p.head.as_ref().map_or("", |h| h.title.as_str()),
                    p.blocks.len(),
                )
            })
            .collect();
        assert_eq!(
            titles,
            [
                ("大数据观察", 0),
                ("广州建设四大生物医药价值园区", 1),
                ("深耕人工合成淀粉“无人区”", 1)
            ]
        );
    }

    #[test]
    fn a_headline_taking_its_text_brings_the_names_stacked_under_it() {
        // A headline printed after its text, with two bylines stacked under it: the second
        // was kept aside for another headline, and must not be lost on the way.
        let mut pieces = vec![
            story("", &["游客更愿意花费更多心思去解答。"]),
            story("提供个性化服务，民宿管家让游客", &[]),
        ];
        pieces[0].head = None;
        pieces[1].authors = vec!["白真智".to_owned()];
        pieces[1].head_authors = 1;
        pieces[1].stray_bylines = vec![vec!["曲哲涵".to_owned()]];
        pieces[1].names_in_text = vec!["王明".to_owned()];
        attach_orphan_heads(&mut pieces, &mut Vec::new());
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].authors, ["白真智"]);
        assert_eq!(pieces[0].stray_bylines, [["曲哲涵"]]);
        assert_eq!(pieces[0].names_in_text, ["王明"]);
    }

    #[test]
    fn a_source_note_goes_back_to_the_story_it_names() {
        let mut pieces = vec![
            story(
                "设施更“懂人” 城市更文明",
                &["城市文明，在每个市民遵礼守序的行动中炼成。天津滨海新区曾有一处闲置地。"],
            ),
            story("地里“土疙瘩”变增收", &["老乡的日子越过越红火。", NOTE]),
        ];
        move_source_notes(&mut pieces);
        assert_eq!(pieces[0].blocks.last().map(Block::text), Some(NOTE));
        assert_eq!(pieces[1].blocks.len(), 1);
    }

    #[test]
    fn a_source_note_sharing_words_with_its_story_stays() {
        let mut pieces = vec![
            story(
                "设施更“懂人” 城市更文明",
                &["城市文明在行动中炼成。天津街区。"],
            ),
            story(
                "地里“土疙瘩”变增收",
                &["天津的老乡说日子越过越红火。", NOTE],
            ),
        ];
        move_source_notes(&mut pieces);
        assert_eq!(pieces[1].blocks.last().map(Block::text), Some(NOTE));
    }

    #[test]
    fn a_source_note_with_no_story_to_go_to_stays() {
        let mut pieces = vec![
            story("呵护一小 幼有所保", &["江西资助新生儿参加基本医保。"]),
            story("地里“土疙瘩”变增收", &["老乡的日子越过越红火。", NOTE]),
        ];
        move_source_notes(&mut pieces);
        assert_eq!(pieces[1].blocks.last().map(Block::text), Some(NOTE));
    }

    const STRAY: &str = "武功山农产品配送中心落户茅店村，冷链设施解决了保鲜难题。";

    #[test]
    fn a_first_paragraph_about_another_story_goes_to_its_front() {
        let farm = "“现在，乡亲们不用拉着农产品到集市上叫卖了，在配送中心就能完成现金结算。”\
                    村里还依托武功山景区，组织村民发展民宿。";
        let review = "把不同品牌的同类型产品进行横向对比，这样的测评视频屡见不鲜。";
        let mut pieces = vec![
            story("地里“土疙瘩”变增收", &[farm]),
            story("莫让虚假测评误导消费", &[STRAY, review]),
        ];
        move_stray_openers(&mut pieces);
        assert_eq!(pieces[0].blocks[0].text(), STRAY);
        assert_eq!(pieces[1].blocks[0].text(), review);
        // A first paragraph that speaks of its own story as much stays.
        let mut pieces = vec![
            story("地里“土疙瘩”变增收", &[farm]),
            story(
                "莫让虚假测评误导消费",
                &[STRAY, "武功山的配送中心也做测评。"],
            ),
        ];
        move_stray_openers(&mut pieces);
        assert_eq!(pieces[1].blocks[0].text(), STRAY);
    }

    fn caption(text: &str) -> Block {
        Block::Caption {
            text: text.to_owned(),
            credit: Some("本报记者 窦皓 摄".to_owned()),
        }
    }

    const TOLL: &str =
        "“再见，祝您一路顺风。”递上收费卡之后，胡新辉端坐岗位，面带微笑，目送车辆缓缓离开。";

    #[test]
    fn a_caption_goes_to_the_story_that_tells_what_it_shows() {
        let toll_caption = "递上收费卡之后，胡新辉端坐岗位，目送车辆缓缓离开。";
        let mut insured = story("呵护一小 幼有所保", &["江西资助新生儿参加基本医保。"]);
        insured.blocks.push(caption(toll_caption));
        let mut pieces = vec![insured, story("化身“暖心奶爸” 传递旅途温情", &[TOLL])];
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 1);
        assert_eq!(
            pieces[1].blocks.first().map(Block::text),
            Some(toll_caption)
        );
    }

    const TRAIN: &str = "3月18日，搭载着720余名旅客的银发赏花专列从湛江站缓缓驶出。";

    /// Pieces where the caption of the train story, quoting it, was printed under `host`,
    /// two stories off (the salt story between them).
    fn train_caption_under(mut host: Piece) -> Vec<Piece> {
        host.blocks.push(caption(TRAIN));
        vec![
            host,
            story("把盐碱地变成米粮川", &["我国盐碱地多，改造利用意义重大。"]),
            story("广西今年首趟银发赏花专列启程", &[TRAIN]),
        ]
    }

    /// The train story's caption under the court story; `rival` is the text of a fourth
    /// story, further still.
    fn caption_two_stories_off(rival: &str) -> Vec<Piece> {
        let mut pieces = train_caption_under(story(
            "吉林抚松县增设人参产业法庭",
            &["人参产业法庭已化解矛盾60余件。"],
        ));
        pieces.push(story("努力提升地震预警水平", &[rival]));
        pieces
    }

    #[test]
    fn a_caption_goes_to_its_story_however_far_the_dump_printed_it() {
        let mut pieces = caption_two_stories_off("地震预警是利用地震波传播需要时间的原理。");
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 1, "{:?}", pieces[0].blocks);
        assert_eq!(pieces[2].blocks.first().map(Block::text), Some(TRAIN));
    }

    #[test]
    fn a_caption_two_far_stories_share_as_much_stays_where_it_was() {
        // The fourth story quotes the caption's words too, the third prints only some of
        // its line: neither is clearly its home.
        let mut pieces = caption_two_stories_off("满载旅客的银发赏花专列从湛江站缓缓驶出。");
        pieces[2] = story(
            "广西今年首趟银发赏花专列启程",
            &["3月18日，720余名旅客搭载的银发赏花专列从湛江站缓缓驶出。"],
        );
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
        assert_eq!(pieces[2].blocks.len(), 1);
        assert_eq!(pieces[3].blocks.len(), 1);
    }

    #[test]
    fn a_caption_a_far_story_shares_a_few_words_with_stays_where_it_was() {
        let mut pieces = caption_two_stories_off("地震预警是利用地震波传播需要时间的原理。");
        pieces[2] = story("湛江港迎来旅客高峰", &["湛江港的渡轮缓缓驶出，旅客很多。"]);
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
    }

    #[test]
    fn an_english_caption_goes_by_its_longer_words() {
        let library = "The city opened its newest library branch on Tuesday.";
        let storm = "High winds toppled trees and power lines across the county.";
        let shown = "Mayor Ann Lee cuts the ribbon at the new library branch on Tuesday.";
        let mut last = story("Storm knocks out power", &[storm]);
        last.blocks.push(caption(shown));
        let mut pieces = vec![story("City opens new library branch", &[library]), last];
        move_captions(&mut pieces, false);
        assert_eq!(pieces[0].blocks.first().map(Block::text), Some(shown));
        assert_eq!(pieces[1].blocks.len(), 1);
        // The language's short words (`the`, `at`, `on`, `new`), which every story
        // shares, say nothing.
        let plain = "He is at the new one on the left of the man.";
        let mut last = story("Storm knocks out power", &[storm]);
        last.blocks.push(caption(plain));
        let mut pieces = vec![story("The new man on the left", &[library]), last];
        move_captions(&mut pieces, false);
        assert_eq!(pieces[1].blocks.len(), 2, "{:?}", pieces[1].blocks);
    }

    /// The train story's caption, quoting it word for word, under a story about trains
    /// too, which shares many of its words but not the line.
    fn quote_under_a_kindred_story() -> Vec<Piece> {
        train_caption_under(story(
            "湛江站春运客流创新高",
            &["春运以来，湛江站旅客发送量创新高，银发旅客搭乘专列赏花出游。"],
        ))
    }

    #[test]
    fn a_caption_quoting_a_story_goes_to_it() {
        let mut pieces = quote_under_a_kindred_story();
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 1, "{:?}", pieces[0].blocks);
        assert_eq!(pieces[2].blocks.first().map(Block::text), Some(TRAIN));
    }

    #[test]
    fn a_caption_quoting_no_one_story_stays() {
        // Two stories print the line.
        let mut pieces = quote_under_a_kindred_story();
        pieces[1] = story("银发专列", &[TRAIN]);
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
        // The one story that prints it has no headline: what it is, the page does not say.
        let mut pieces = quote_under_a_kindred_story();
        pieces[2].head = None;
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
        // Its own story prints it too.
        let mut pieces = quote_under_a_kindred_story();
        pieces[0].blocks.insert(0, paragraph(TRAIN));
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 3);
        assert!(
            matches!(pieces[0].blocks[2], Block::Caption { .. }),
            "not moved at all"
        );
        // Its headline has no text but the caption; a fourth story shares as many of its
        // words, so they do not tell its home either.
        let mut pieces = quote_under_a_kindred_story();
        pieces[0].blocks.remove(0);
        pieces.push(story(
            "湛江港",
            &["满载旅客的银发赏花专列从湛江站缓缓驶出。"],
        ));
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 1);
        // Too short to tell a quote from a phrase any story may print.
        let mut pieces = quote_under_a_kindred_story();
        pieces[0].blocks[1] = caption("3月18日，");
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
    }

    #[test]
    fn a_caption_its_own_story_tells_stays() {
        let mut own = story("化身“暖心奶爸” 传递旅途温情", &[TOLL]);
        own.blocks.push(caption("胡新辉递上收费卡。"));
        let mut pieces = vec![
            own,
            story("呵护一小", &["胡新辉递上收费卡之后，端坐岗位。"]),
        ];
        move_captions(&mut pieces, true);
        assert_eq!(pieces[0].blocks.len(), 2);
        assert_eq!(pieces[1].blocks.len(), 1);
    }
}
