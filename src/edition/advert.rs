//! Advertisements on English pages: display copy that the headline rules took for stories.
//!
//! An advertisement speaks to the reader for the advertiser: it says `you` and `your`, or
//! quotes prices (`$1.00`, `25c.`), while saying `we`, `our` and `us` often; and it is
//! short, carries no dateline, and is signed by a firm's name rather than a byline. A
//! news report addresses the reader only in quotations, which run long. Inside a story's
//! text only classified ads are found (`WANTED—…`, `FOR SALE—…`: a label in capitals and
//! its dash), which end the text they follow; otherwise whole pieces are dropped. Other
//! display matter goes the same way: untitled text all in capitals, and a headline over a
//! few words that finish no sentence.

use super::headline::Headline;
use super::script::{ends_sentence, is_capitals};
use super::segment::Piece;
use crate::article::Block;

/// Most words an advertisement piece holds.
const AD_MAX_WORDS: usize = 200;
/// Fewest reader-address words (`you`, `our`, …) per hundred words of an advertisement.
const AD_MIN_ADDRESS_PERCENT: usize = 4;

/// The labels that open a classified advertisement, in capitals before a dash or a stop
/// (`WANTED—Girl for general housework.`, `FOR SALE.—Good team of horses.`).
const CLASSIFIED_LABELS: [&str; 12] = [
    "WANTED",
    "HELP WANTED",
    "SITUATION WANTED",
    "POSITION WANTED",
    "FOR SALE",
    "FOR RENT",
    "FOR EXCHANGE",
    "FOR TRADE",
    "TO LET",
    "LOST",
    "FOUND",
    "STRAYED",
];

/// Moves the pieces that read as advertisements or other display matter to `dropped`,
/// text and all; and the classified advertisements a piece's text ends in.
pub fn drop_adverts(pieces: &mut Vec<Piece>, dropped: &mut Vec<String>) {
    for piece in pieces.iter_mut() {
        drop_classifieds(piece, dropped);
    }
    let (ads, kept): (Vec<Piece>, Vec<Piece>) = std::mem::take(pieces)
        .into_iter()
        .partition(|p| is_advert(p) || is_display(p));
    *pieces = kept;
    dropped.extend(ads.into_iter().flat_map(into_texts));
}

/// Drops the classified advertisements at the end of `piece`'s text: from the first
/// paragraph that opens with a classified label on, as a column of want ads runs to the
/// column's end (`FOR SALE—Good team of horses.` / `Inquire of J. W. Smith.`). A piece
/// left without text keeps its headline for the display test.
fn drop_classifieds(piece: &mut Piece, dropped: &mut Vec<String>) {
    let first = piece.blocks.iter().position(|b| match b {
        Block::Paragraph { text } => is_classified(text),
        _ => false,
    });
    if let Some(k) = first {
        dropped.extend(piece.blocks.drain(k..).map(|b| b.text().to_owned()));
    }
}

/// True when `text` opens with a classified advertisement's label and its dash or stop.
pub fn is_classified(text: &str) -> bool {
    CLASSIFIED_LABELS.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start_matches('.');
            rest.starts_with(['—', '-', '–'])
        })
    })
}

/// True when `piece` reads as an advertisement (see the module doc).
fn is_advert(piece: &Piece) -> bool {
    if piece.dateline.is_some() || !piece.authors.is_empty() {
        return false;
    }
    let (mut words, mut you, mut we, mut prices, mut reported) = (0, 0, 0, 0, false);
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    for word in texts(piece).flat_map(str::split_whitespace) {
        words += 1;
        if words > AD_MAX_WORDS {
            return false;
        }
        prices += usize::from(is_price(word));
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if is(bare, &["you", "your", "yours"]) {
            you += 1;
        } else if is(bare, &["we", "our", "ours", "us"]) {
            we += 1;
        } else if is(bare, &["said", "says", "told", "asked"]) {
            // Reported speech: the quoted `you` of a news story.
            reported = true;
        }
    }
    let addressed = you >= 1 || prices >= 2;
    // Longer texts returned early in the loop.
    words > 0 && addressed && !reported && (you + we) * 100 >= AD_MIN_ADDRESS_PERCENT * words
}

/// True when `piece` is display type rather than a story: text without a headline set
/// all in capitals (a masthead's or an ad's scraps), or a few words that finish no
/// sentence, under a headline or none (`LEON REED & CO., JEWELERS` over `See the largest
/// line …`).
fn is_display(piece: &Piece) -> bool {
    const STUB_MAX_WORDS: usize = 12;
    // A story cut short by a jump line goes on elsewhere.
    if piece.dateline.is_some() || !piece.authors.is_empty() || piece.continued() {
        return false;
    }
    let body = piece
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .map(Block::text);
    let words = body
        .clone()
        .flat_map(str::split_whitespace)
        .take(STUB_MAX_WORDS);
    let stub =
        words.count() < STUB_MAX_WORDS && !body.clone().next_back().is_some_and(ends_sentence);
    let mut texts = body.peekable();
    let capitals = texts.peek().is_some() && texts.all(is_capitals);
    stub || piece.head.is_none() && capitals
}

/// `$1.00`, `$2`, `25c.`, `45c`: a price as ads print them.
fn is_price(word: &str) -> bool {
    let word = word
        .trim_start_matches('(')
        .trim_end_matches([',', '.', ';', ')']);
    if let Some(rest) = word.strip_prefix('$') {
        return rest.starts_with(|c: char| c.is_ascii_digit());
    }
    word.strip_suffix('c')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Every text of a piece, in reading order.
fn texts(piece: &Piece) -> impl Iterator<Item = &str> {
    piece
        .head
        .iter()
        .flat_map(Headline::texts)
        .chain(piece.blocks.iter().flat_map(|b| {
            match b {
                Block::Caption { text, credit } => vec![text.as_str()]
                    .into_iter()
                    .chain(credit.as_deref())
                    .collect::<Vec<_>>(),
                b => vec![b.text()],
            }
        }))
}

fn into_texts(piece: Piece) -> Vec<String> {
    texts(&piece)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::segment::GoesOn;

    fn piece(title: &str, body: &str) -> Piece {
        Piece {
            head: Some(Headline {
                title: title.to_owned(),
                ..Headline::default()
            }),
            blocks: vec![Block::Paragraph {
                text: body.to_owned(),
            }],
            ..Piece::default()
        }
    }

    /// A piece of text with no headline.
    fn untitled(body: &str) -> Piece {
        Piece {
            head: None,
            ..piece("", body)
        }
    }

    #[test]
    fn ads_address_the_reader_or_quote_prices() {
        let ad = piece(
            "GRADUATION GIFTS",
            "Maybe it's a Watch or a Ring for the boys. But whatever it is, you may be \
             sure its good quality if purchased here. Consult us. Our time is yours.",
        );
        assert!(is_advert(&ad));
        let ad = piece(
            "FIVE CANS FOR ONE DOLLAR ($1.00)",
            "Try our Special 25 cent Coffee packed expressly for us. We have other \
             Coffees ranging in price from 25c. to 45c.",
        );
        assert!(is_advert(&ad));
        let news = piece(
            "STRIKE AT ROSSITER ENDS",
            "The strike of the miners came to an end Tuesday. The miners walked out \
             when the company refused their demand; the 800 men went back to work.",
        );
        assert!(!is_advert(&news));
        let quoted = piece(
            "MAYOR ANSWERS",
            "\"You will have our answer,\" the mayor said to us. \"We know your needs.\"",
        );
        assert!(!is_advert(&quoted));
        // A notice signed by its writers speaks for them, not for a shop.
        let mut notice = piece("NOTICE", "We have been asked to publish; you know why.");
        notice.authors = vec!["H. A. JOHNSON".into()];
        assert!(!is_advert(&notice));
    }

    #[test]
    fn prices_may_stand_in_brackets() {
        assert!(is_price("($1.00)"));
        assert!(is_price("25c.,"));
        assert!(!is_price("(1916)"));
        assert!(!is_price("(c)"));
    }

    #[test]
    fn display_matter_is_no_story() {
        let stub = piece(
            "LEON REED & CO., JEWELERS",
            "See the largest line of Silverware in town",
        );
        assert!(is_display(&stub));
        let brief = piece("WEATHER FORECAST.", "The weather tonight is partly cloudy.");
        assert!(!is_display(&brief));
        let mut jumped = piece("TAX BILL PASSED", "The house passed the bill by a vote of");
        jumped.goes_on = GoesOn::Jump;
        assert!(!is_display(&jumped));
        assert!(is_display(&untitled("BOOK and JOB PRINTING TRY US!")));
        assert!(!is_display(&untitled(
            "Raymond Robbins left last night for Harlem."
        )));
        assert!(is_display(&untitled(
            "Best stores Advertise in the Patriot"
        )));
    }

    #[test]
    fn classified_ads_end_a_pieces_text() {
        let mut locals = piece("LOCAL BREVITIES", "Mr. J. H. Brown returned from Portland.");
        for text in [
            "WANTED—Girl for general housework.",
            "FOR SALE.—Good team of horses.",
            "Inquire of J. W. Smith.",
        ] {
            locals.blocks.push(Block::Paragraph {
                text: text.to_owned(),
            });
        }
        let mut pieces = vec![locals];
        let mut dropped = Vec::new();
        drop_adverts(&mut pieces, &mut dropped);
        assert_eq!(pieces[0].blocks.len(), 1);
        assert_eq!(dropped.len(), 3);
        // A word in capitals that opens a story's sentence is no label.
        assert!(!is_classified("WANTED by the police, the man fled."));
        assert!(!is_classified("LOST in the storm were two barns."));
    }

    #[test]
    fn dropped_ads_keep_their_text() {
        let mut pieces = vec![piece("SALE", "Come to our store; you save $1 and $2.")];
        let mut dropped = Vec::new();
        drop_adverts(&mut pieces, &mut dropped);
        assert!(pieces.is_empty());
        assert_eq!(dropped, ["SALE", "Come to our store; you save $1 and $2."]);
    }
}
