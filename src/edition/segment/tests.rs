//! Tests of article building: headlines printed after their text, jump lines, box
//! labels, and the English conventions (datelines, decks, signatures, jumps).

use super::*;
use crate::edition::classify::classify;
use crate::edition::lines::to_lines;

fn pieces(text: &str) -> Vec<Piece> {
    segment(&classify(to_lines(text), true)).pieces
}

fn latin_pieces(text: &str) -> Vec<Piece> {
    segment(&classify(to_lines(text), false)).pieces
}

fn title(p: &Piece) -> &str {
    p.head.as_ref().map_or("", |h| h.title.as_str())
}

#[test]
fn headline_printed_after_its_body_joins_it() {
    let text = "株洲日报讯（全媒体记者/陈正明） 11月8日下午，\n\
                株洲市三季度讲评会在攸县举行。\n\
                主动作为创新作为高效作为\n努力完成全年发展目标任务";
    let p = pieces(text);
    assert_eq!(p.len(), 1);
    assert_eq!(
        title(&p[0]),
        "主动作为创新作为高效作为努力完成全年发展目标任务"
    );
    assert_eq!(p[0].dateline.as_deref(), Some("株洲日报讯"));
    assert_eq!(p[0].authors, ["陈正明"]);
}

#[test]
fn jump_lines_set_continuation() {
    let text = "嘉陵江流域综合规划获批\n本报记者 王浩\n近日，规划获水利部批复。\n\
                该规划由长江水利委员会组织\n（下转第3版）\n\n（上接第2版）\n\
                近日，另一篇文章的后半部分到此结束。";
    let p = pieces(text);
    assert!(p[0].continued);
    assert_eq!(p[0].authors, ["王浩"]);
    assert_eq!(
        p.last().and_then(|x| x.continued_from.as_deref()),
        Some("2")
    );
}

/// English papers print a jump line where a story goes on; a story cut mid-sentence
/// without one is not continued.
#[test]
fn english_stories_continue_only_at_jump_lines() {
    let story = "CENTENNIAL PREPARATIONS MADE\n\
                 Indiana folk are very busy this week in\n\
                 cleaning, painting and decorating the town,\n\
                 and the facade on Main street will have a";
    assert!(!latin_pieces(story)[0].continued);
    let jumped = format!("{story}\n(Continued on Page Two)");
    assert!(latin_pieces(&jumped)[0].continued);
}

#[test]
fn english_title_word_broken_onto_the_dateline_line() {
    let text = "LOANS MUST BE GUARDED AGAINST,\n\
                ACCORDING TO COM\n\
                MISSIONER. , Oklahoma City. Okla. December 12.\n\
                -At the annual meeting of the Oklahoma State\n\
                Bankers Association here today, the commis\n\
                sioner cautioned the delegates.";
    let p = latin_pieces(text);
    assert_eq!(
        title(&p[0]),
        "LOANS MUST BE GUARDED AGAINST, ACCORDING TO COMMISSIONER."
    );
    assert_eq!(
        p[0].dateline.as_deref(),
        Some("Oklahoma City. Okla. December 12.")
    );
    // A dateline in capitals under a headline is no broken word.
    let text = "RESIDENCE NEAR WEHRUM IS BURNED\n\
                WEHRUM, June 9—The residence of John Empfield\n\
                was destroyed by fire Monday afternoon.";
    let p = latin_pieces(text);
    assert_eq!(title(&p[0]), "RESIDENCE NEAR WEHRUM IS BURNED");
    assert_eq!(p[0].dateline.as_deref(), Some("WEHRUM, June 9"));
}

/// Text after a signature belongs to another article.
#[test]
fn english_signature_ends_its_article() {
    let text = "LIST OF LETTERS\n\
                Remaining uncalled for in the Indiana office\n\
                this week; please state they were advertised.\n\
                Harry W. Fee, P. M.\n\
                The county fair opens on Tuesday with a parade\n\
                down Main street and a band concert at noon.";
    let p = latin_pieces(text);
    assert_eq!(p[0].authors, ["Harry W. Fee, P. M."]);
    assert_eq!(p.len(), 2);
    assert!(p[0].blocks.iter().all(|b| !b.text().contains("fair")));
}

/// An agency's byline under a headline and its deck signs nothing: the story goes on
/// across its dispatches.
#[test]
fn english_agency_byline_under_a_deck() {
    let text = "GERMAN RAIDERS SINK SIX MORE VESSELS\n\
                Three American Ships Among Those Sent\n\
                to Bottom Off Nantucket, Says\n\
                Report From Boston.\n\
                (By Associated Press.)\n\
                BOSTON, Oct. 6.—Six steamers were sunk by German\n\
                submarines off the coast today, say the reports.\n\
                Crews Landed Safely.\n\
                NEWPORT, R. I., Oct. 6.—The crews of three of the\n\
                vessels were landed here tonight by a destroyer.";
    let p = latin_pieces(text);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].dateline.as_deref(), Some("BOSTON, Oct. 6."));
}

/// A title-case deck under an English headline joins it; a short title-case headline
/// under a box's label is a story of its own.
#[test]
fn english_decks_join_their_headline() {
    let text = "PEACE OFFER WAS MADE WITH\n\
                EXPECTATION OF ALLIED TERMS.\n\
                nil l uiiiLii inuiunuiui ui\n\
                Death of Emperor Franz Joseph and\n\
                Succession of Emperor Charles May\n\
                Have Had Bearing on Demand for Peace.\n\
                Washington, Dec. 12. President Wilson on receipt\n\
                of the news of peace proposals made no comment.";
    let p = latin_pieces(text);
    assert_eq!(p.len(), 1);
    assert!(p[0]
        .head
        .as_ref()
        .unwrap()
        .subtitle
        .as_ref()
        .unwrap()
        .starts_with("Death"));
    let boxed = "LAST MINUTE NEWS FROM EVERYWHERE\n\
                 aannnnttnasasnnatt\n\
                 Relief Ship Sent to Explorers\n\
                 Montevideo, June 9. The steamer left here tonight for\n\
                 Elephant Island to rescue the expedition.";
    let p = latin_pieces(boxed);
    assert_eq!(title(&p[p.len() - 1]), "Relief Ship Sent to Explorers");
}

#[test]
fn box_label_moves_before_its_items() {
    let mut blocks = vec![
        Block::Paragraph {
            text: "a。".into()
        },
        Block::Heading {
            text: "1.甲项目".into(),
        },
        Block::Paragraph {
            text: "b。".into()
        },
        Block::Heading {
            text: "2.乙项目".into(),
        },
        Block::Paragraph {
            text: "c。".into()
        },
        Block::Heading {
            text: "【项目简介】".into(),
        },
    ];
    move_box_label(&mut blocks);
    assert_eq!(blocks[1].text(), "【项目简介】");
}
