//! Articles from classified lines: one pass in text order that opens an article at each
//! headline (or at a dateline that starts a fresh piece of text), fills in bylines,
//! paragraphs, subheads and captions, and follows jump lines.
//!
//! A headline that lands in the middle of an untitled text cut mid-sentence belongs to that
//! text; the other repairs for out-of-order dumps are in [`super::repair`].
//! Ids and page labels are not assigned here; see [`mod@super::split`].

mod groups;
mod jumps;

use groups::{
    band_headlines, head_groups, is_place_kicker, is_wide_kicker, join_latin_decks,
    join_run_on_subtitle, merge_lone_subtitle, names_story_near, split_stacked_titles, take_kicker,
    take_labels, take_short_leads, text_below,
};

use super::advert::drop_adverts;
use super::byline::{self, Byline};
use super::classify::{is_box_label, same_list, Page, Role, BULLETS, COLUMN_LABEL};
use super::furniture::{self, find_jump, Jump, JumpKind};
use super::headline::{self, HeadLine, Headline};
use super::latin;
use super::order::word_across_lines;
use super::pairing::{adopt_untitled, pair_by_words};
use super::reflow::{append_continuing, collapse_spaces, join_raw, remove_layout_spaces};
use super::repair::{
    attach_editors_notes, attach_orphan_heads, drop_bare_labels, move_box_label, move_captions,
    move_source_notes, move_stray_openers, return_sentence_ends,
};
use super::script::{
    ends_sentence, ends_with_aside, has_sentence_mark, is_capitals, is_ideograph, narrow_slack,
    width,
};
use crate::article::Block;

/// An article before it gets its id.
#[derive(Debug, Clone, Default)]
pub struct Piece {
    pub head: Option<Headline>,
    pub authors: Vec<String>,
    /// How many of `authors` (from the front) came from a byline set with the headline,
    /// before any text; the rest came from within the text (a dateline's `（记者王浩）`).
    pub head_authors: usize,
    /// Bylines (each its names) stacked under this headline's that belong to an earlier
    /// headline of the stack, in print order; see [`hand_strays_up_the_band`].
    pub stray_bylines: Vec<Vec<String>>,
    /// Names printed alone inside this piece's text when it already had its writers:
    /// another story's byline that the dump ran into these lines; see
    /// [`give_names_in_text`].
    pub names_in_text: Vec<String>,
    pub dateline: Option<String>,
    pub blocks: Vec<Block>,
    pub goes_on: GoesOn,
    pub continued_from: Option<String>,
    /// Its text opens with a paragraph's indented first line right after a story cut off
    /// at the column's edge (see `Builder::cut_before`): a paragraph's start, into which no
    /// unfinished paragraph goes on.
    pub opens_paragraph: bool,
    /// It was opened only because a blank line set its text apart on a page that sets
    /// stories apart so (see [`sets_stories_apart`]): text no headline takes goes back
    /// to the text before it ([`rejoin_set_apart`]).
    pub set_apart: bool,
}

impl Piece {
    /// The story goes on on another page.
    pub fn continued(&self) -> bool {
        self.goes_on != GoesOn::No
    }

    /// Takes up `text`, which goes on after this piece's text: its first paragraph goes on
    /// in an unfinished last one unless it opens a paragraph of its own, and its names and
    /// where it ends become this piece's.
    pub fn go_on_with(&mut self, mut text: Piece) {
        let blocks = std::mem::take(&mut text.blocks);
        if text.opens_paragraph {
            self.blocks.extend(blocks);
        } else {
            append_continuing(&mut self.blocks, blocks);
        }
        self.take_names_of(&mut text);
        self.goes_on = text.goes_on;
    }

    /// Takes the names that come with `text`, whose text joins this piece: its writers,
    /// the bylines stacked for other headlines, and the names printed in it. Every place
    /// that moves one piece's text into another calls this, so no name is left behind.
    pub fn take_names_of(&mut self, text: &mut Piece) {
        self.authors.append(&mut text.authors);
        self.stray_bylines.append(&mut text.stray_bylines);
        self.names_in_text.append(&mut text.names_in_text);
    }
}

/// Whether a story goes on on another page, and how the page said so. Ordered by what
/// it tells: two parts of one story go on as the one that tells more (see
/// [`Ord::max`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum GoesOn {
    /// Its text ends on this page.
    #[default]
    No,
    /// Its text is cut off mid-sentence (or given a jump line printed elsewhere, see
    /// [`jumps`]): it goes on somewhere, maybe further down the dump.
    CutOff,
    /// A jump line printed under its text: the story's text on this page ends there.
    Jump,
    /// The jump line that says so was printed apart from its text, in one block with a
    /// label: where it stands says nothing of the story it closes (see [`jumps`]).
    JumpApart,
}

/// An article being built, with its open paragraph and caption.
#[derive(Debug, Default)]
struct Draft<'a> {
    piece: Piece,
    para: Vec<&'a str>,
    caption: Vec<&'a str>,
    last_body: Option<&'a str>,
    /// Subheads seen: text, though not the kind whose end tells a cut-off article.
    headings: bool,
    /// A `（下转第N版）` line ended the article's text on this page.
    jumped: bool,
    /// A signature under the text (English notices and letters), a sign-off or an end
    /// mark (`（完）`) ended the article.
    signed: bool,
    /// The headline's byline was set right under it, no blank line between.
    under_head: bool,
    /// Printed width of the last body line.
    last_width: f32,
    /// Widest body line of the current paragraph: the column's width.
    para_width: f32,
    /// Captions set into the current paragraph (met while it was open), the last blocks
    /// of the piece: the paragraph goes before them, read whole rather than after a
    /// picture that only stood beside it.
    captions_in_para: usize,
    /// Set apart from the text of a story with writers ([`Piece::set_apart`]): a byline
    /// after its text opens another story, as it would after that story's own.
    follows_authored: bool,
}

impl Draft<'_> {
    fn has_body(&self) -> bool {
        self.last_body.is_some() || self.headings
    }
}

/// The articles and dropped text of one page.
#[derive(Debug, Default)]
pub struct PageOut {
    pub pieces: Vec<Piece>,
    pub dropped: Vec<String>,
}

struct Builder<'a> {
    cjk: bool,
    /// The page sets its stories' texts apart by blank lines, and few paragraphs within
    /// a story (see [`sets_stories_apart`]).
    stories_apart: bool,
    cur: Option<Draft<'a>>,
    out: PageOut,
    /// A kicker whose title the dump printed after a box label: it heads the next headline.
    kicker: Option<Vec<HeadLine<'a>>>,
    /// A kicker printed over another story's title: it waits for the headline whose words
    /// it shares (see [`Builder::take_stray_kicker`]).
    stray_kicker: Option<String>,
}

/// Builds the articles of one classified page.
pub fn segment<'a>(page: &Page<'a>) -> PageOut {
    let mut b = Builder {
        cjk: page.cjk,
        stories_apart: sets_stories_apart(page),
        cur: None,
        out: PageOut::default(),
        kicker: None,
        stray_kicker: None,
    };
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let role = page.roles[i];
        // Only headlines, subheads and bylines are read as units; a body line is read
        // alone, and its run is not scanned (a run of a page's lines each scanned to its end
        // would cost the square of its length).
        let unit = matches!(role, Role::Head | Role::Heading | Role::Byline);
        let end = if unit { unit_end(page, i) } else { i + 1 };
        // A caption ends at the next line of another role, or at the next caption's start
        // (`图①：…。` / `图②：…。`, or a caption block after a blank line).
        if role != Role::Caption || page.starts[i] {
            b.flush_caption();
        }
        match role {
            Role::Drop => b.out.dropped.push(page.lines[i].text.to_owned()),
            Role::Jump => b.jump(page.lines[i].text, is_apart(page, i)),
            Role::Credit => b.credit(page.lines[i].text),
            Role::Caption => b.draft().caption.push(page.lines[i].text),
            Role::Byline
                if page.cjk && end == i + 1 && !under_head(page, i) && b.in_open_paragraph() =>
            {
                b.name_in_text(page.lines[i].text);
            }
            // Bylines stacked with no blank line between, each whole on its line, are
            // read one by one; a byline that wraps is read whole.
            Role::Byline
                if page.cjk
                    && end - i > 1
                    && (i..end).all(|k| is_whole_byline(page.lines[k].text)) =>
            {
                for k in i..end {
                    b.stacked_byline(page.lines[k].text, set_under_head(page, k));
                }
            }
            Role::Byline if page.cjk => {
                let lines: Vec<&str> = (i..end).map(|k| page.lines[k].text).collect();
                b.stacked_byline(&lines.concat(), set_under_head(page, i));
            }
            // English bylines and signatures give one name to a line.
            Role::Byline => (i..end).for_each(|k| b.byline(page.lines[k].text, k == i)),
            Role::Head => b.head(page, i, end),
            Role::Heading => b.heading(page, i, end),
            Role::Body => b.body(page, i),
        }
        i = end;
    }
    b.flush_caption();
    b.finish();
    // A stray kicker no later headline claimed stands as a headline of its own.
    if let Some(k) = b.stray_kicker.take() {
        b.out.pieces.push(Piece {
            head: Some(Headline {
                title: k,
                ..Headline::default()
            }),
            ..Piece::default()
        });
    }
    if page.cjk {
        hand_strays_up_the_band(&mut b.out.pieces);
        b.out.pieces = pair_by_words(std::mem::take(&mut b.out.pieces));
    }
    attach_orphan_heads(&mut b.out.pieces, &mut b.out.dropped);
    if !page.cjk {
        drop_adverts(&mut b.out.pieces, &mut b.out.dropped);
        let pieces = std::mem::take(&mut b.out.pieces);
        let pieces = latin::pieces::resume_broken_stories(pieces, &mut b.out.dropped);
        let pieces = latin::credits::split_credited(pieces, &mut b.out.dropped);
        b.out.pieces = latin::pieces::split_locals(pieces);
        latin::pieces::drop_headline_specks(&mut b.out.pieces, &mut b.out.dropped);
        latin::hyphens::mend_lost_hyphens(page, &mut b.out.pieces);
        move_captions(&mut b.out.pieces, false);
    }
    if page.cjk {
        attach_editors_notes(&mut b.out.pieces);
        b.out.pieces = adopt_untitled(std::mem::take(&mut b.out.pieces));
        rejoin_set_apart(&mut b.out.pieces);
        return_sentence_ends(&mut b.out.pieces);
        move_source_notes(&mut b.out.pieces);
        move_stray_openers(&mut b.out.pieces);
        move_captions(&mut b.out.pieces, true);
        jumps::give_jumps_to_open_stories(&mut b.out.pieces, jump_to_lines(page));
    }
    give_stray_authors(&mut b.out.pieces);
    give_names_in_text(&mut b.out.pieces, &mut b.out.dropped);
    b.out
}

/// Text set apart only by a blank line ([`Piece::set_apart`]) that no headline took, and
/// that no dateline or jump-from line opens, goes back on the text before it: the blank
/// line set apart a paragraph, not a story.
fn rejoin_set_apart(pieces: &mut Vec<Piece>) {
    let mut k = 1;
    while k < pieces.len() {
        let p = &pieces[k];
        let stray = p.set_apart
            && p.head.is_none()
            && p.dateline.is_none()
            && p.continued_from.is_none()
            && !p.blocks.is_empty();
        let Some(home) = (0..k)
            .rev()
            .find(|&j| !pieces[j].blocks.is_empty())
            .filter(|_| stray)
        else {
            k += 1;
            continue;
        };
        let text = pieces.remove(k);
        pieces[home].go_on_with(text);
    }
}

/// Whether the page sets its stories apart by blank lines: of the paragraphs that open
/// right under a finished one, few open after a blank line, so the ones that do open a
/// story. Such a dump prints a column's text as one block.
fn sets_stories_apart(page: &Page) -> bool {
    if !page.cjk {
        return false;
    }
    let body = |k: usize| page.roles[k] == Role::Body;
    let (mut opens, mut apart) = (0usize, 0usize);
    for k in 1..page.lines.len() {
        if body(k) && body(k - 1) && page.para_end[k - 1] {
            opens += 1;
            apart += usize::from(page.lines[k].blank_before);
        }
    }
    opens >= RHYTHM_OPENINGS && apart as f32 <= STORY_OPENINGS * opens as f32
}

/// Paragraph openings a page must show before its blank lines tell its rhythm.
const RHYTHM_OPENINGS: usize = 8;
/// Most of a page's paragraph openings that may follow a blank line on a page that sets
/// only its stories apart so: a story of four paragraphs or more opens one in four.
const STORY_OPENINGS: f32 = 0.25;

/// True when the line above line `i` is a column's label the page dropped: two or three
/// ideographs alone (`简讯`, `快评`), no page number (`第二版`).
fn under_label(page: &Page, i: usize) -> bool {
    i > 0 && page.roles[i - 1] == Role::Drop && {
        let line = &page.lines[i - 1];
        line.width <= COLUMN_LABEL
            && line.text.chars().all(is_ideograph)
            && !furniture::is_page_number(line.text)
    }
}

/// The marks a wire story's text ends with (`…以上。（完）`): no part of what it says.
const END_MARKS: [&str; 3] = ["（完）", "(完)", "（全文完）"];

/// The openings of a note on the story's writer, printed in brackets under the text
/// (`（作者为湖南师范大学教授）`, `（作者系…）`, `（作者单位：…）`).
const AUTHORS_NOTE: [&str; 3] = ["作者为", "作者系", "作者单位"];

/// True when `text` opens a note on the writer: a bracket and one of [`AUTHORS_NOTE`].
fn opens_authors_note(text: &str) -> bool {
    // Asked of every line of text (trimmed lines): the bracket turns nearly all away.
    text.strip_prefix("（")
        .or_else(|| text.strip_prefix('('))
        .is_some_and(|rest| AUTHORS_NOTE.iter().any(|m| rest.starts_with(m)))
}

/// `text` without the end mark it closes with, and the mark: a wire's (`（完）`), the
/// editor's credit that closes a story's copy (`…相结合。（责任编辑：王芳）`), or a serial
/// instalment's (`(To Be Continued.)`).
fn split_end_mark(text: &str) -> (&str, Option<&str>) {
    let bracketed = || {
        let open = text.rfind(['（', '('])?;
        let mark = &text[open..];
        (furniture::is_bracketed_credit(mark) || is_instalment_end(mark))
            .then(|| (text[..open].trim_end(), Some(mark)))
    };
    END_MARKS
        .iter()
        .find_map(|&m| text.strip_suffix(m).map(|rest| (rest.trim_end(), Some(m))))
        .or_else(|| text.ends_with(['）', ')']).then(bracketed).flatten())
        .unwrap_or((text, None))
}

/// `(To Be Continued.)`, `(Continued Next Week)`: a serial's instalment ends here and
/// goes on in a later issue, not on another page of this one.
fn is_instalment_end(mark: &str) -> bool {
    const CLOSES: [&str; 2] = ["to be continued", "continued next week"];
    mark.strip_prefix('(')
        .and_then(|m| m.strip_suffix(')'))
        .map(|inner| inner.trim().trim_end_matches('.'))
        .is_some_and(|inner| CLOSES.iter().any(|c| inner.eq_ignore_ascii_case(c)))
}

/// How many `（下转第N版）` lines the page has.
fn jump_to_lines(page: &Page) -> usize {
    (0..page.lines.len())
        .filter(|&k| page.jump_kind(k) == Some(JumpKind::To))
        .count()
}

/// Whether the jump line at `i` was printed apart from the text before it: a blank line
/// between them, and in one block with the line after it, which is no body text (a QR
/// code's label). pdftotext sets a line in the block of what stands next to it on the
/// page, so such a line stands by the label, not under the text it follows.
fn is_apart(page: &Page, i: usize) -> bool {
    let next = i + 1;
    page.lines[i].blank_before
        && next < page.lines.len()
        && !page.lines[next].blank_before
        && !matches!(page.roles[next], Role::Body | Role::Jump)
}

/// A Chinese byline line that is a byline by itself: a bare name, or a byline whose every
/// name has two characters at least (`本报记者 陈正明 邹` wraps its last name).
fn is_whole_byline(line: &str) -> bool {
    byline::is_name_line(line)
        || byline::parse_line(line).is_some_and(|b| {
            !b.authors.is_empty() && b.authors.iter().all(|n| n.chars().count() >= 2)
        })
}

/// True when the byline at line `i` is set right under a headline, no blank between.
fn set_under_head(page: &Page, i: usize) -> bool {
    under_head(page, i) && !page.lines[i].blank_before
}

/// Whether line `i` stands right under a headline line (a byline under its headline,
/// whatever text the dump printed before the headline).
fn under_head(page: &Page, i: usize) -> bool {
    i > 0 && page.roles[i - 1] == Role::Head
}

/// Gives the bylines stacked under a band of headlines to the band's heads, before the
/// pairing moves heads to their text. A band is the run of headlines without text right
/// above the piece that holds the stray bylines (its own head kept the byline nearest
/// it); the bylines stand in the order of the heads, so the first goes to the topmost
/// head without a byline, the next to the one under it. Bylines left over wait for
/// [`give_stray_authors`].
fn hand_strays_up_the_band(pieces: &mut [Piece]) {
    for k in 0..pieces.len() {
        if pieces[k].stray_bylines.is_empty() {
            continue;
        }
        let top = (0..k)
            .rev()
            .take_while(|&j| pieces[j].head.is_some() && pieces[j].blocks.is_empty())
            .last()
            .unwrap_or(k);
        let homes: Vec<usize> = (top..k).filter(|&j| pieces[j].authors.is_empty()).collect();
        let stray = std::mem::take(&mut pieces[k].stray_bylines);
        let mut left = Vec::new();
        for (n, names) in stray.into_iter().enumerate() {
            match homes.get(n) {
                Some(&j) => {
                    pieces[j].authors.extend(names);
                    pieces[j].head_authors = pieces[j].authors.len();
                }
                None => left.push(names),
            }
        }
        pieces[k].stray_bylines = left;
    }
}

/// Gives each piece's stray byline names to the nearest headline above it that has no
/// author yet (its text, paired by now, named none either); names with nowhere to go stay
/// with the piece that carried them.
fn give_stray_authors(pieces: &mut [Piece]) {
    for k in 0..pieces.len() {
        let stray: Vec<String> = std::mem::take(&mut pieces[k].stray_bylines)
            .into_iter()
            .flatten()
            .collect();
        if stray.is_empty() {
            continue;
        }
        let home = (0..k)
            .rev()
            .find(|&j| pieces[j].head.is_some() && pieces[j].authors.is_empty());
        let to = &mut pieces[home.unwrap_or(k)];
        to.authors.extend(stray);
        to.head_authors = to.authors.len();
    }
}

/// Gives the names printed inside each piece's text ([`Piece::names_in_text`]) to the
/// nearest story that has text and no writer yet, above first (a story's byline printed
/// at its column's foot, among the next story's lines), then below (among the lines of
/// the story before it, where the dump printed two columns row by row). With no such
/// story the names go to `dropped`: a headline without text takes no writer from them.
fn give_names_in_text(pieces: &mut [Piece], dropped: &mut Vec<String>) {
    let unsigned = |p: &Piece| p.head.is_some() && p.authors.is_empty() && !p.blocks.is_empty();
    for k in 0..pieces.len() {
        let names = std::mem::take(&mut pieces[k].names_in_text);
        if names.is_empty() {
            continue;
        }
        let above = (0..=k).rev().find(|&j| unsigned(&pieces[j]));
        match above.or_else(|| (k + 1..pieces.len()).find(|&j| unsigned(&pieces[j]))) {
            Some(j) => pieces[j].authors.extend(names),
            None => dropped.extend(names),
        }
    }
}

/// The end of the unit of same-role lines starting at `i`.
fn unit_end(page: &Page, i: usize) -> usize {
    let role = page.roles[i];
    // Stacked bare names stand alone between blank lines, each a byline of its own.
    let bare_name = role == Role::Byline && page.names[i];
    (i + 1..page.lines.len())
        .find(|&k| {
            page.roles[k] != role
                || (matches!(role, Role::Heading | Role::Byline) && page.starts[k])
                || (bare_name && page.lines[k].blank_before)
        })
        .unwrap_or(page.lines.len())
}

impl<'a> Builder<'a> {
    fn draft(&mut self) -> &mut Draft<'a> {
        self.cur.get_or_insert_with(Draft::default)
    }

    fn text_of(&self, lines: &[&str]) -> String {
        self.normalised(&join_raw(lines, self.cjk))
    }

    /// Joined text with its layout spaces removed (Chinese) or its spaces collapsed.
    fn normalised(&self, raw: &str) -> String {
        if self.cjk {
            remove_layout_spaces(raw)
        } else {
            collapse_spaces(raw)
        }
    }

    /// A jump line; `apart` says it was printed apart from the text before it.
    fn jump(&mut self, text: &str, apart: bool) {
        self.out.dropped.push(text.to_owned());
        let Some(Jump { kind, page, .. }) = find_jump(text) else {
            return;
        };
        match kind {
            JumpKind::To => {
                let d = self.draft();
                d.piece.goes_on = if apart {
                    GoesOn::JumpApart
                } else {
                    GoesOn::Jump
                };
                d.jumped = true;
            }
            JumpKind::From => {
                if self.cur.as_ref().is_some_and(Draft::has_body) {
                    self.finish();
                }
                self.draft().piece.continued_from = Some(page);
            }
        }
    }

    fn credit(&mut self, text: &str) {
        let credit = collapse_spaces(text);
        if let Some(Block::Caption {
            credit: c @ None, ..
        }) = self.cur.as_mut().and_then(|d| d.piece.blocks.last_mut())
        {
            *c = Some(credit);
        } else {
            self.out.dropped.push(credit);
        }
    }

    fn flush_caption(&mut self) {
        let Some(d) = self.cur.as_mut() else { return };
        if d.caption.is_empty() {
            return;
        }
        let lines = std::mem::take(&mut d.caption);
        let raw = join_raw(&lines, self.cjk);
        // A caption whose last line ends in its credit (see `classify::mark_captions`);
        // the credit keeps its spaces, as a credit on a line of its own does.
        let (text, credit) = match byline::trailing_credit_in(&raw, self.cjk) {
            Some(start) => (&raw[..start], Some(collapse_spaces(&raw[start..]))),
            None => (raw.as_str(), None),
        };
        let text = self.normalised(text);
        let d = self.draft();
        d.piece.blocks.push(Block::Caption { text, credit });
        if !d.para.is_empty() {
            d.captions_in_para += 1;
        }
    }

    /// A byline unit's text; `first` when it opens the unit (a later line names the same
    /// article).
    fn byline(&mut self, text: &str, first: bool) {
        let parsed = byline::parse_line(text);
        let signature = parsed.is_none() && !self.cjk;
        let parsed = parsed.or_else(|| signature.then(|| byline::parse_signature(text)).flatten());
        let b = parsed.unwrap_or_else(|| {
            if self.cjk {
                byline::bare_names(text)
            } else {
                byline::bare_latin_names(text)
            }
        });
        // A Chinese byline in brackets under a story's finished sentence signs the story
        // off (`（王明）`, `（本报记者 李华）`): it names the story's writer, not the next
        // story's, and ends its text.
        let sign_off = first && self.cjk && byline::is_bracketed(text) && self.ends_a_sentence();
        if first
            && !sign_off
            && self.cur.as_ref().is_some_and(|d| {
                d.has_body() && (!d.piece.authors.is_empty() || d.follows_authored)
            })
        {
            self.finish();
        }
        let with_head = !self.cur.as_ref().is_some_and(Draft::has_body);
        self.apply_byline(b);
        if with_head {
            let piece = &mut self.draft().piece;
            piece.head_authors = piece.authors.len();
        } else if signature || sign_off {
            self.draft().signed = true;
        }
    }

    /// A Chinese byline unit. A headline with no text yet that already has a byline may
    /// get a second one stacked under it: two stories' headlines stand one above the other,
    /// their bylines too. The headline keeps the byline set right under it, else the one
    /// nearest its text (the later); the other is stray, for an earlier headline.
    fn stacked_byline(&mut self, text: &str, under_head: bool) {
        let before = self.cur.as_ref().map_or(0, |d| {
            let p = &d.piece;
            let stacked = p.head.is_some() && !d.has_body() && p.head_authors == p.authors.len();
            if stacked {
                p.authors.len()
            } else {
                0
            }
        });
        self.byline(text, true);
        let Some(d) = self.cur.as_mut() else { return };
        if before == 0 || d.piece.authors.len() <= before {
            d.under_head = under_head;
            return;
        }
        let piece = &mut d.piece;
        let stray: Vec<String> = if d.under_head {
            piece.authors.drain(before..).collect()
        } else {
            piece.authors.drain(..before).collect()
        };
        piece.stray_bylines.push(stray);
        piece.head_authors = piece.authors.len();
    }

    /// True when the article's paragraph is open and its last line stops mid-sentence.
    fn in_open_paragraph(&self) -> bool {
        self.cur
            .as_ref()
            .is_some_and(|d| d.para.last().is_some_and(|l| !ends_sentence(l)))
    }

    /// A lone name printed inside a paragraph's running text (see `classify`): the
    /// story's byline when it has none yet, else another story's whose columns the dump
    /// ran into this one's, kept until the pairing has placed the texts (see
    /// [`give_names_in_text`]); the paragraph goes on.
    fn name_in_text(&mut self, text: &str) {
        // A reporter's byline with its role (`本报记者 窦 皓`) names only the reporter.
        let mut parsed = byline::parse_line(text).unwrap_or_else(|| byline::bare_names(text));
        if self.draft().piece.authors.is_empty() {
            self.apply_byline(parsed);
        } else if parsed.dateline.is_none() && !parsed.authors.is_empty() {
            // Its label (`本报记者`) goes as any byline's does; the names wait.
            let names = std::mem::take(&mut parsed.authors);
            self.apply_byline(parsed);
            self.draft().piece.names_in_text.extend(names);
        } else {
            self.out.dropped.push(text.to_owned());
        }
    }

    fn apply_byline(&mut self, b: Byline) {
        if !b.residue.trim().is_empty() {
            self.out.dropped.push(b.residue.trim().to_owned());
        }
        let piece = &mut self.draft().piece;
        piece.authors.extend(b.authors);
        match (&piece.dateline, b.dateline) {
            (None, d) => piece.dateline = d,
            (Some(_), Some(d)) => self.out.dropped.push(d),
            (Some(_), None) => {}
        }
    }

    /// A word an English headline broke at its last line's end may go on at the start of
    /// the dateline's line (`…ACCORDING TO COM` / `MISSIONER. , Oklahoma City. Okla.
    /// December 12.`): when a whole dateline follows that capitals word, and the word
    /// closes the headline with its stop, the word joins the title and the punctuation
    /// between goes to `dropped`. A place of two words (`NEW YORK, June 9.`,
    /// `WASHINGTON, D. C., Dec. 12.`, `ST. LOUIS, June 9.`) is a dateline whole: its first
    /// word has no stop, or is an abbreviation's.
    fn mend_title(&mut self, b: &mut Byline) {
        let Some(line) = b.dateline.as_deref() else {
            return;
        };
        let end = line
            .find(|c: char| !(c.is_ascii_uppercase() || c == '.'))
            .unwrap_or(line.len());
        let rest = line[end..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let whole = byline::parse_lead(rest).is_some_and(|r| r.len == rest.len());
        let Some(head) = self.cur.as_mut().and_then(|d| d.piece.head.as_mut()) else {
            return;
        };
        let word = &line[..end];
        let closes_head = word.ends_with('.') && word.trim_end_matches('.').len() >= 4;
        if !closes_head || !whole || !head.title.ends_with(|c: char| c.is_ascii_uppercase()) {
            return;
        }
        head.title.push_str(&line[..end]);
        let between: String = line[end..line.len() - rest.len()]
            .split_whitespace()
            .collect();
        if !between.is_empty() {
            self.out.dropped.push(between);
        }
        b.dateline = Some(rest.to_owned());
    }

    /// A brief's bullet (`●城区新增5处公共停车场`) marks its place in a column of briefs,
    /// no word of its title: it goes to `dropped`.
    fn drop_title_bullet(&mut self, groups: &mut [Vec<HeadLine<'a>>]) {
        let Some(first) = groups.first_mut().and_then(|g| g.first_mut()) else {
            return;
        };
        if let Some(rest) = first.0.strip_prefix(BULLETS) {
            let bullet = &first.0[..first.0.len() - rest.len()];
            self.out.dropped.push(bullet.to_owned());
            first.0 = rest.trim_start();
        }
    }

    fn head(&mut self, page: &Page<'a>, start: usize, end: usize) {
        let mut groups = head_groups(page, start, end);
        groups = if self.cjk {
            let (mut groups, rubrics) = take_short_leads(split_stacked_titles(groups), page, end);
            self.out.dropped.extend(rubrics);
            self.drop_title_bullet(&mut groups);
            groups
        } else {
            join_latin_decks(groups)
        };
        if groups.len() == 1 && self.fold_head_into_deck(&groups[0]) {
            return;
        }
        if let Some(mut kicker) = self.kicker.take() {
            // The kicker stands right above the first title below it.
            kicker.append(&mut groups[0]);
            groups[0] = kicker;
        } else if self.cjk
            && groups.len() == 1
            && headline::is_kicker_like(&groups[0])
            && label_then_head(page, end)
        {
            self.kicker = groups.pop();
            return;
        }
        if self.cjk {
            let labels = take_labels(&mut groups);
            self.out.dropped.extend(labels);
        }
        let cjk = self.cjk;
        let story_near =
            |g: &[HeadLine]| names_story_near(&headline::join(g, cjk), page, (start, end));
        merge_lone_subtitle(&mut groups, cjk, story_near);
        if self.cjk
            && groups.len() >= 2
            && groups.last().is_some_and(|g| headline::is_kicker_like(g))
            && head_follows(page, end)
        {
            // A kicker closing a stack of headlines set side by side leads into a title
            // printed further on, never into one above it.
            self.kicker = groups.pop();
        }
        let mut main = groups.pop().unwrap_or_default();
        self.take_stray_kicker(page, end, &mut groups, &main);
        let kicker = if self.heads_text_below(page, end, &groups, &main) {
            // The upper headline tops the text; the lower one's text is elsewhere.
            if let Some(above) = groups.pop() {
                groups.push(std::mem::replace(&mut main, above));
            }
            None
        } else if self.cjk && is_place_kicker(&groups, page, end) {
            groups.pop().map(|g| headline::join(&g, true))
        } else {
            let story_names =
                |g: &[HeadLine]| headline::shares_word_pair(g, &main) || story_near(g);
            take_kicker(&mut groups, &main, self.cjk, story_names)
        };
        // Groups left over are headlines of their own, whose text is elsewhere.
        for g in band_headlines(groups) {
            self.finish();
            self.draft().piece.head = Some(headline::from_lines(&g, self.cjk));
        }
        let mut h = headline::from_lines(&main, self.cjk);
        if self.cjk {
            join_run_on_subtitle(&mut h, page, end);
        }
        h.kicker = match (kicker, h.kicker.take()) {
            (Some(a), Some(b)) => Some(format!("{a}{b}")),
            (a, b) => a.or(b),
        };
        if h.kicker.is_none() {
            h.kicker = self
                .stray_kicker
                .take_if(|k| headline::shares_word_pair(&[(k.as_str(), 0.0)], &main));
        }
        if self.interrupts(page, end) {
            // The headline fell into the middle of the current article's sentence: that
            // text goes on after it, so the headline stands apart for the repairs to place.
            self.out.pieces.push(Piece {
                head: Some(h),
                ..Piece::default()
            });
            return;
        }
        let opens = page.lines.get(end).is_some()
            && (page.roles[end] == Role::Byline || page.opens_with_lead(end));
        self.open_with_head(h, opens);
    }

    /// True when a headline ending before line `next` interrupts a titled article's
    /// sentence: the article's text stops mid-sentence at the column's full width, and a
    /// line as wide (not a paragraph's indented start, byline or dateline) follows.
    fn interrupts(&self, page: &Page, next: usize) -> bool {
        let Some(d) = self.cur.as_ref() else {
            return false;
        };
        let open = d.piece.head.is_some() && d.last_body.is_some_and(|l| !ends_sentence(l));
        let goes_on = page.roles.get(next) == Some(&Role::Body)
            && !page.leads[next]
            && page.lines[next].width >= d.last_width - 1.0;
        self.cjk && open && !d.jumped && goes_on
    }

    /// Sets aside the group above the main headline `main`, a kicker by its width (see
    /// [`is_wide_kicker`]), when it shares no word with `main` but does with a headline further
    /// down the page (from line `end`): a kicker leads into its own title's story, so this
    /// one was printed over a neighbour's title and waits for its own.
    fn take_stray_kicker(
        &mut self,
        page: &Page,
        end: usize,
        groups: &mut Vec<Vec<HeadLine>>,
        main: &[HeadLine],
    ) {
        let Some(above) = groups.last() else { return };
        let dashed = groups.iter().any(|g| headline::is_kicker_like(g));
        if !self.cjk || dashed || self.stray_kicker.is_some() {
            return;
        }
        if !is_wide_kicker(above, main) || headline::shares_word_pair(above, main) {
            return;
        }
        let later = (end..page.lines.len())
            .filter(|&k| page.roles[k] == Role::Head)
            .map(|k| (page.lines[k].text, page.lines[k].width))
            .collect::<Vec<HeadLine>>();
        if headline::shares_word_pair(above, &later) {
            let g = groups.pop().unwrap_or_default();
            self.stray_kicker = Some(headline::join(&g, self.cjk));
        }
    }

    /// True when the group above the main headline `main`, a kicker by its width (see
    /// [`is_wide_kicker`]), is a headline of its own over the text that follows (from line
    /// `end`): it shares words with the first lines of that text and `main` shares none.
    /// Two headlines were printed one above the other, and the text is the upper one's; a
    /// kicker leads into the title under it, whose words its story repeats.
    fn heads_text_below(
        &self,
        page: &Page,
        end: usize,
        groups: &[Vec<HeadLine>],
        main: &[HeadLine],
    ) -> bool {
        let Some(above) = groups.last() else {
            return false;
        };
        let dashed = groups.iter().any(|g| headline::is_kicker_like(g));
        if !self.cjk || dashed || !is_wide_kicker(above, main) {
            return false;
        }
        let below = text_below(page, end);
        headline::shares_word_pair(above, &below)
            && !headline::shares_word_pair(main, &below)
            && !headline::shares_word_pair(above, main)
    }

    /// Opens an article under headline `h`; `opens` when a byline or a dateline follows
    /// it.
    ///
    /// On a Chinese page, a headline in the middle of an untitled text's sentence usually
    /// tops that text (the dump printed it among its story's first rows); not when a byline
    /// or a dateline follows it, which opens a story of its own. An English page's scan
    /// reads a headline before its story: the text above is another's.
    fn open_with_head(&mut self, h: Headline, opens: bool) {
        let mid_text = self.cjk
            && !opens
            && self.cur.as_ref().is_some_and(|d| {
                d.piece.head.is_none() && d.last_body.is_some_and(|l| !ends_sentence(l))
            });
        let empty = self
            .cur
            .as_ref()
            .is_some_and(|d| d.piece.head.is_none() && !d.has_body());
        if !(mid_text || empty) {
            self.finish();
        }
        self.draft().piece.head = Some(h);
    }

    fn heading(&mut self, page: &Page<'a>, start: usize, end: usize) {
        self.close_para();
        let lines: Vec<&str> = (start..end).map(|k| page.lines[k].text).collect();
        let text = self.text_of(&lines);
        let d = self.draft();
        d.piece.blocks.push(Block::Heading { text });
        d.headings = true;
    }

    fn body(&mut self, page: &Page<'a>, i: usize) {
        let text = page.lines[i].text;
        // A column's label set apart under a finished sentence (`链接`, `简讯`) parts the
        // text above from the text below, though the last line above filled its column.
        if self.cjk && page.is_set_apart(i) && under_label(page, i) && self.ends_a_sentence() {
            self.close_para();
        }
        let fresh = self
            .cur
            .as_ref()
            .is_some_and(|d| d.has_body() && d.para.is_empty());
        let has_body = self.cur.as_ref().is_some_and(Draft::has_body);
        let jumped = has_body && self.cur.as_ref().is_some_and(|d| d.jumped || d.signed);
        // A dateline opens a new article when it opens a paragraph or a text block.
        // On a page not printed row by row, a dateline at a line's start opens one even
        // with no blank line or indent before it: the story above was cut there (a dump
        // without blank lines between paragraphs). Only a dateline whole on the line is
        // asked for there (`leads`, counted once a line): the wrapped test joins lines.
        let lead_apart = page.starts[i] || self.cjk && !page.may_interleave && page.leads[i];
        let new_lead = (fresh || has_body && lead_apart) && page.opens_with_lead(i);
        // In English papers one story may hold several dispatches, each opening with its
        // dateline; only a headline starts a new story there.
        let titled = self.cur.as_ref().is_some_and(|d| d.piece.head.is_some());
        let cut = !jumped && self.cut_before(page, i);
        // A column's label between a finished story and the text under it (`简讯` over
        // briefs) heads text of its own.
        let labelled =
            fresh && page.is_set_apart(i) && under_label(page, i) && self.ends_a_sentence();
        // On a page that sets only its stories apart by blank lines, a paragraph after one,
        // under a finished sentence, opens another story's text ([`sets_stories_apart`]).
        let apart =
            self.stories_apart && fresh && page.lines[i].blank_before && self.ends_a_sentence();
        // Asked only where the cut is made: the new piece remembers it.
        let authored = apart
            && self
                .cur
                .as_ref()
                .is_some_and(|d| !d.piece.authors.is_empty() || d.follows_authored);
        if jumped
            || new_lead && !self.fold_deck() && (self.cjk || !titled)
            || cut
            || labelled
            || apart
        {
            // Text after a jump line, a signature, a cut-off column or a label belongs to
            // another article.
            self.finish();
        }
        if cut {
            self.draft().piece.opens_paragraph = true;
        }
        if apart && !(jumped || new_lead || cut || labelled) {
            let d = self.draft();
            d.piece.set_apart = true;
            d.follows_authored = authored;
        }
        // A jump at the line's end ends in its closing bracket; most lines end otherwise.
        let jump = text
            .ends_with(['）', ')'])
            .then(|| find_jump(text))
            .flatten()
            .filter(|j| j.start > 0 && j.end == text.len());
        if jump.is_none() && text.ends_with(['）', ')']) && self.jump_across_lines(text) {
            return;
        }
        let body = jump.as_ref().map_or(text, |j| text[..j.start].trim_end());
        let (body, end_mark) = split_end_mark(body);
        if let Some(mark) = end_mark {
            self.out.dropped.push(mark.to_owned());
            if body.is_empty() {
                self.close_para();
                self.end_story();
                return;
            }
        }
        // Short news signs off on its text's last line (`…参加。（张华）`): the name is the
        // story's writer, and what follows another story.
        let sign_off = (self.cjk && jump.is_none())
            .then(|| byline::trailing_sign_off(body))
            .flatten();
        let (body, sign_off) = match sign_off {
            Some(k) => (body[..k].trim_end(), Some(&body[k..])),
            None => (body, None),
        };
        // A note on the writer (`（作者为湖南师范大学教授）`) is a paragraph of its own
        // under the text, and the last of it.
        if self.cjk && has_body && opens_authors_note(body) {
            self.close_para();
        }
        let cjk = self.cjk;
        let d = self.draft();
        d.para.push(body);
        d.last_body = Some(body);
        d.last_width = page.lines[i].width;
        d.para_width = d.para_width.max(page.lines[i].width);
        let authors_note = cjk
            && body.ends_with(['）', ')'])
            && d.para
                .first()
                .is_some_and(|first| opens_authors_note(first));
        // Under the text only: a note set over it (under the byline) ends nothing.
        let closes_story = end_mark.is_some() || authors_note && !d.piece.blocks.is_empty();
        if page.para_end[i]
            || jump.is_some()
            || sign_off.is_some()
            || end_mark.is_some()
            || authors_note
        {
            self.close_para();
        }
        if closes_story {
            self.end_story();
        }
        if let Some(j) = jump {
            self.jump(&text[j.start..], false);
        }
        if let Some(s) = sign_off {
            self.sign_off(s);
        }
    }

    /// A sign-off closing the text's last line (`（张华）`): it names the story's writer
    /// and ends the story.
    fn sign_off(&mut self, text: &str) {
        let b = byline::parse_line(text).unwrap_or_else(|| byline::bare_names(text));
        self.apply_byline(b);
        self.end_story();
    }

    /// The story's text ended (signed off, or closed by `（完）`): text after it is
    /// another story's.
    fn end_story(&mut self) {
        self.draft().signed = true;
    }

    /// A jump to another page that opens at the end of the paragraph's last line and ends
    /// on line `text` (`…the property owners. (Continued on` / `Page Eight.)`): the jump
    /// leaves the paragraph, which it closes, and marks the story continued. Returns
    /// whether there was one.
    fn jump_across_lines(&mut self, text: &'a str) -> bool {
        let cjk = self.cjk;
        let Some(d) = self.cur.as_mut() else {
            return false;
        };
        // The jump opens on the line above, with its bracket: most lines hold none, and
        // are spared the joining.
        let Some(&above) = d.para.last().filter(|l| l.contains(['（', '('])) else {
            return false;
        };
        let joined = format!("{above}{}{text}", if cjk { "" } else { " " });
        let Some(j) = find_jump(&joined) else {
            return false;
        };
        if j.kind != JumpKind::To || j.end != joined.len() || j.start >= above.len() {
            return false;
        }
        let kept = above[..j.start].trim_end();
        d.para.pop();
        if !kept.is_empty() {
            d.para.push(kept);
        }
        // The text's last line is what is left of the paragraph's.
        d.last_body = d.para.last().copied().or(d.last_body);
        self.close_para();
        self.jump(&joined[j.start..], false);
        true
    }

    /// The article's text so far ends on a finished sentence (false before any text).
    fn ends_a_sentence(&self) -> bool {
        self.cur
            .as_ref()
            .is_some_and(|d| d.last_body.is_some_and(ends_sentence))
    }

    /// True when the article's text stops at the column's edge mid-sentence (or mid-word
    /// short of it) and a block opening a paragraph (its first line two ems short: the lost
    /// indent) follows: the article goes on elsewhere (its jump line lost or printed
    /// apart), and the paragraph starts another story's text.
    fn cut_before(&self, page: &Page, i: usize) -> bool {
        let Some(d) = self.cur.as_ref() else {
            return false;
        };
        // The cheap tests first: this is asked of every body line.
        if !self.cjk || !page.starts[i] || d.jumped || d.para.len() < 2 {
            return false;
        }
        let column = d.para_width;
        let width = page.lines[i].width;
        let indented =
            width <= column - 1.5 && width >= column - 2.5 - narrow_slack(page.lines[i].text);
        // A line short of the column stops mid-sentence too when it stops mid-word, in a
        // paragraph whose running lines fill the column: no paragraph ends on an ideograph
        // without a mark, so the story was cut off there (for a jump line not printed).
        let stops = |l: &str| {
            d.last_width >= column - 1.0
                || l.trim_end().ends_with(is_ideograph) && running_lines_fill(&d.para, column)
        };
        let open = indented && d.last_body.is_some_and(|l| !ends_sentence(l) && stops(l));
        // A word across the seam (`户口` + `本`) says the line goes on after all.
        open && !d
            .last_body
            .is_some_and(|l| word_across_lines(l, page.lines[i].text))
    }

    /// Text between a headline and the dateline that opens its story is a deck (a second
    /// headline in smaller type, common in English papers): it joins the subtitle rather
    /// than the dateline starting a new article. Returns whether it did (or there was no
    /// text to fold).
    fn fold_deck(&mut self) -> bool {
        let cjk = self.cjk;
        let Some(d) = self.cur.as_mut() else {
            return false;
        };
        if d.piece.dateline.is_some() || !is_deck(&d.piece.blocks, cjk) {
            return false;
        }
        let Some(head) = d.piece.head.as_mut() else {
            return false;
        };
        // An obituary's life span closes its headline: the text under it is the story's,
        // however many names it holds.
        if head.subtitle.as_deref().is_some_and(latin::is_life_span) {
            return false;
        }
        let deck: Vec<String> = d
            .piece
            .blocks
            .drain(..)
            .map(|b| b.text().to_owned())
            .collect();
        append_subtitle(head, deck, cjk);
        true
    }

    /// In English papers a title-case line under a headline's deck, before the story's
    /// text, is one more bank of the headline (`Nominating Speeches to Be Made Today`),
    /// and so is a deck of three or more title-case lines right under a headline (only
    /// scraps between). It joins the subtitle, unless the deck there already ends its
    /// sentence: the subtitle is the first deck, and later banks go to `dropped`. So does
    /// a bank in capitals under a deck (`WORK TO START MONDAY`). A headline in capitals
    /// anywhere else, or a short one in title case right under another headline (a box's
    /// label over its first item), stands on its own. Returns whether it folded.
    fn fold_head_into_deck(&mut self, lines: &[HeadLine]) -> bool {
        if self.cjk {
            return false;
        }
        let Some(d) = self.cur.as_ref().filter(|d| d.piece.head.is_some()) else {
            return false;
        };
        // An obituary's name over its life's span heads an obituary of its own.
        if lines.last().is_some_and(|(t, _)| latin::is_life_span(t)) {
            return false;
        }
        let under_deck = !d.piece.blocks.is_empty() || !d.para.is_empty();
        let title_case = lines.iter().all(|(t, _)| !is_capitals(t));
        // Under a deck, with no text of the story yet, a bank in capitals is the
        // headline's too (a story is no headline and deck alone); right under the
        // headline only three title-case lines or more are.
        if !(under_deck || title_case && lines.len() >= 3) {
            return false;
        }
        // A headline ends the paragraph in any case.
        self.close_para();
        if !self.fold_deck() {
            return false;
        }
        let bank = headline::join(lines, false);
        let Some(head) = self.draft().piece.head.as_mut() else {
            // Checked above, but should the draft lose its head the bank is still kept.
            self.out.dropped.push(bank);
            return true;
        };
        if head.subtitle.as_deref().is_some_and(ends_sentence) {
            self.out.dropped.push(bank);
        } else {
            append_subtitle(head, vec![bank], false);
        }
        true
    }

    fn close_para(&mut self) {
        let Some(d) = self.cur.as_mut() else { return };
        if d.para.is_empty() {
            return;
        }
        let lines = std::mem::take(&mut d.para);
        d.para_width = 0.0;
        let first = !d
            .piece
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { .. }));
        let mut raw = join_raw(&lines, self.cjk);
        // An agency's byline (`(By Associated Press.)`, `(Special to The Enterprise.)`)
        // stands in for a dateline only until the story's own place and date come.
        let agency = d
            .piece
            .dateline
            .as_deref()
            .is_some_and(|l| !self.cjk && byline::is_wire_credit(l));
        if first && (d.piece.dateline.is_none() || agency) {
            // An English dateline may stand garbled on a line of its own.
            let alone =
                || (!self.cjk && lines.len() > 1).then(|| byline::parse_dateline_line(lines[0]));
            if let Some(mut b) = byline::parse_lead(&raw).or_else(|| alone().flatten()) {
                raw = raw[b.len..].to_owned();
                if !self.cjk {
                    self.mend_title(&mut b);
                }
                if let Some(by) = self.cur.as_mut().and_then(|d| d.piece.dateline.take()) {
                    self.out.dropped.push(by);
                }
                self.apply_byline(b);
            }
        }
        let text = self.normalised(&raw);
        let d = self.draft();
        let at = d
            .piece
            .blocks
            .len()
            .saturating_sub(std::mem::take(&mut d.captions_in_para));
        if !text.is_empty() {
            d.piece.blocks.insert(at, Block::Paragraph { text });
        }
    }

    fn finish(&mut self) {
        self.flush_caption();
        self.close_para();
        let Some(d) = self.cur.take() else { return };
        let mut piece = d.piece;
        if is_empty(&piece) {
            return;
        }
        // English papers always print a jump line where a story goes on; text there that
        // stops mid-sentence is a column the dump cut, not a continuation. A list's last
        // item on a line of its own (`◆远程医疗覆盖所有县区`) needs no stop to be whole.
        let cut = d
            .last_body
            .is_some_and(|l| !ends_sentence(l) && !is_whole_item(l) && !is_source_note(l))
            && !ends_with_list(&piece.blocks)
            && !ends_with_box_of_entries(&piece.blocks);
        if self.cjk && cut && !ends_with_aside_block(&piece.blocks) {
            piece.goes_on = piece.goes_on.max(GoesOn::CutOff);
        }
        move_box_label(&mut piece.blocks);
        drop_bare_labels(&mut piece.blocks, &mut self.out.dropped);
        // A label may have been all the piece held.
        if !is_empty(&piece) {
            self.out.pieces.push(piece);
        }
    }
}

/// True when `blocks`, all that an article has under its headline so far, read as a deck:
/// in Chinese a short text that closes no sentence (a Chinese headline, deck included,
/// ends without a full stop: text ending `。` is a story's); in English title case
/// (subheads included).
fn is_deck(blocks: &[Block], cjk: bool) -> bool {
    const DECK_MAX_CHARS: usize = 160;
    if cjk {
        blocks.len() <= 2
            && blocks.iter().all(|b| matches!(b, Block::Paragraph { .. }))
            && !blocks.last().is_some_and(|b| ends_sentence(b.text()))
            && blocks
                .iter()
                .map(|b| b.text().chars().count())
                .sum::<usize>()
                <= DECK_MAX_CHARS
    } else {
        blocks.iter().all(|b| {
            matches!(b, Block::Paragraph { .. } | Block::Heading { .. })
                && latin::is_deck_text(b.text())
        })
    }
}

/// Appends `parts` to the headline's subtitle (nothing when there are none).
fn append_subtitle(head: &mut Headline, parts: Vec<String>, cjk: bool) {
    if parts.is_empty() {
        return;
    }
    let sep = if cjk { "" } else { " " };
    let mut all: Vec<String> = head.subtitle.take().into_iter().collect();
    all.extend(parts);
    head.subtitle = Some(all.join(sep));
}

/// True when the last paragraph closes with a complete bracketed aside (a source note or a
/// cross-reference), which ends an article as surely as a full stop.
fn ends_with_aside_block(blocks: &[Block]) -> bool {
    blocks.iter().rev().find_map(|b| match b {
        Block::Paragraph { text } => Some(ends_with_aside(text)),
        _ => None,
    }) == Some(true)
}

/// A piece with nothing of an article in it.
fn is_empty(piece: &Piece) -> bool {
    piece.head.is_none()
        && piece.blocks.is_empty()
        && piece.authors.is_empty()
        && piece.dateline.is_none()
}

/// True when box labels, and nothing else, stand between line `end` and a headline line.
fn label_then_head(page: &Page, end: usize) -> bool {
    let next = (end..page.lines.len()).find(|&k| !is_box_label(page.lines[k].text));
    next.is_some_and(|k| k > end && page.roles[k] == Role::Head)
}

/// Whether a headline line follows line `end` anywhere on the page.
fn head_follows(page: &Page, end: usize) -> bool {
    page.roles[end.min(page.roles.len())..].contains(&Role::Head)
}

/// A list's item whole on its line: opened by a bullet (a numbered item may be a
/// paragraph, cut like any), with no clause left open at its end (`，`, `、`, `：`) and no
/// sentence in it that a cut could have stopped.
fn is_whole_item(line: &str) -> bool {
    line.starts_with(BULLETS) && stands_without_stop(line)
}

/// Whether `text`, a list's item or a box's entry, is whole with no stop: no sentence in
/// it that a cut could have stopped, and no clause left open at its end (`，`, `、`, `：`).
fn stands_without_stop(text: &str) -> bool {
    !text.ends_with(OPEN_CLAUSE) && !has_sentence_mark(text)
}

/// The marks that leave a clause open at a line's end: the text goes on after them.
const OPEN_CLAUSE: [char; 5] = ['，', '、', '：', ':', '；'];

/// A story's source named on its last line (`来源：人民网`, `稿件来源：新华社`): it closes
/// the text as a bracketed source note does, with no stop of its own.
fn is_source_note(line: &str) -> bool {
    const LABELS: [&str; 3] = ["来源", "稿件来源", "信息来源"];
    let line = line.trim_start();
    LABELS.iter().any(|label| {
        line.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']) && rest.chars().count() <= 20)
    })
}

/// Whether the text ends with a list's last item, numbered like the item before it, both
/// without a stop (`1.排查风险隐患一千余处` / `2.建成网格服务站三十个`): the list's items
/// stand without one, so the last is whole too.
fn ends_with_list(blocks: &[Block]) -> bool {
    let mut paragraphs = blocks.iter().rev().filter_map(|b| match b {
        Block::Paragraph { text } => Some(text.as_str()),
        _ => None,
    });
    let (Some(last), Some(before)) = (paragraphs.next(), paragraphs.next()) else {
        return false;
    };
    same_list(before, last) && [before, last].iter().all(|item| stands_without_stop(item))
}

/// Whether the text ends with a box of entries under its label (`■ 数据` over
/// `网上零售额增长12.3%`), none with a stop or a clause left open: a box's entries stand
/// whole without one, and a box does not jump to another page.
fn ends_with_box_of_entries(blocks: &[Block]) -> bool {
    let Some(label) = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
    else {
        return false;
    };
    let entries = &blocks[label + 1..];
    is_box_label(blocks[label].text())
        && !entries.is_empty()
        && entries
            .iter()
            .all(|b| matches!(b, Block::Paragraph { text } if stands_without_stop(text)))
}

/// Whether every line of `para` but its first (indented) and last (the one in question)
/// fills a column `column` ems wide: a paragraph set cleanly in one column.
fn running_lines_fill(para: &[&str], column: f32) -> bool {
    para.len() >= 3
        && para[1..para.len() - 1]
            .iter()
            .all(|l| width(l) >= column - 1.0)
}

#[cfg(test)]
mod tests;
