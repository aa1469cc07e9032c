//! Tests of the English line rules on small synthetic pages: headline blocks, run-in
//! subheads, scraps, signatures and byline credits.

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
    let dated = "FRENCH GAIN GROUND\n\
                 PARIS, Dec. 1\n\
                 The French troops advanced two miles along\n\
                 the river today, the war office announced\n\
                 this evening in its official statement.";
    assert_eq!(roles(dated)[1], Role::Body);
}

#[test]
fn fillers_between_stories_are_dropped() {
    let text = "Officers investigating the case refuse to talk\n\
                about the tragedy at this time, it is said.\n\
                Read the Want Ads.\n\
                H I\n\
                BERLIN MAKES REPLY TO THE NOTE\n\
                Berlin, Dec. 12. Germany's reply to the American\n\
                note protesting against the deportation was sent.\n\
                Saco yesterday the guest of her sister, Mrs.\n\
                Clyde Akin.";
    let r = roles(text);
    assert_eq!(&r[2..5], &[Role::Drop, Role::Drop, Role::Head]);
    assert_eq!(r[8], Role::Body);
    // A story's short last paragraph right above the next headline stays.
    let r = roles(&text.replace("Read the Want Ads.\nH I\n", "He is 45.\n"));
    assert_eq!(&r[2..4], &[Role::Body, Role::Head]);
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

#[test]
fn a_number_in_a_title_case_line_is_neither_case() {
    // A number is no word of either case, and the comma grouping its digits lists nothing.
    assert!(is_title_case("Bonds to the Amount of $200,000"));
    assert!(is_title_case("Fire Destroys 1,200 Acres of Timber"));
    assert!(!is_title_case("Smith, Jones and Brown Will Speak"));
    assert!(!is_title_case("Bonds to the amount of $200,000"));
}

/// A paragraph a column cut short, mid-sentence, as the dump prints it over the next
/// story's headline.
const UNFINISHED_PARAGRAPH: &str = "The decorators started their work of put\n\
                                    ting up white columns on top of the\n\
                                    facade on Main street will have a";

/// A stacked headline in type narrower than the column stands apart from the unfinished
/// paragraph above it (a column the dump cut short).
#[test]
fn headline_under_an_unfinished_paragraph() {
    let text = format!(
        "{UNFINISHED_PARAGRAPH}\n\
         Business School Hold\n\
         Graduation Exercises\n\
         The faculty and graduating class of the\n\
         college has issued invitations for the day."
    );
    let r = roles(&text);
    assert_eq!(&r[2..5], &[Role::Body, Role::Head, Role::Head]);
    // A single title-case line inside a paragraph is no headline.
    let text = "The decorators started their work of put\n\
                ting up white columns on top of the\n\
                Business School Hold Graduation\n\
                the faculty and graduating class of the\n\
                college has issued invitations for the day.";
    assert_eq!(roles(text)[2], Role::Body);
}

/// A headline in capitals over a dateline, under a paragraph the dump cut short: a
/// paragraph in lower case does not end in a line of capitals.
#[test]
fn headline_in_capitals_under_an_unfinished_paragraph() {
    let text = format!(
        "{UNFINISHED_PARAGRAPH}\n\
         DRUG LAW APPLIES\n\
         ONLY TO DEALERS\n\
         WASHINGTON, June 9—The\n\
         supreme court today interpret\n\
         ed in the Harrison drug act."
    );
    let page = classify(to_lines(&text), false);
    assert_eq!(
        &page.roles[2..6],
        &[Role::Body, Role::Head, Role::Head, Role::Body]
    );
}

/// A one-line headline in capitals under a paragraph cut short, over its story's prose:
/// a paragraph in lower case does not run on into a line of capitals.
#[test]
fn one_line_headline_in_capitals_under_an_unfinished_paragraph() {
    let text = format!(
        "{UNFINISHED_PARAGRAPH}\n\
         RUNNING SPEAK-EASY\n\
         Last Saturday night Sheriff\n\
         Boggs and Constable Pierce raid\n\
         ed an alleged speakeasy at India."
    );
    let page = classify(to_lines(&text), false);
    assert_eq!(&page.roles[2..5], &[Role::Body, Role::Head, Role::Body]);
}

/// A one-line headline in title case under a paragraph cut short, over a dateline alone on
/// its line: a paragraph in lower case does not end in title case without a stop.
#[test]
fn title_case_headline_over_its_dateline_under_an_unfinished_paragraph() {
    let text = format!(
        "{UNFINISHED_PARAGRAPH}\n\
         Newspaper Raises Price\n\
         SCRANTON, Pa., June 9\n\
         Commencing this morning, the\n\
         Scranton Republican (morning)\n\
         raises its price from one to two."
    );
    let page = classify(to_lines(&text), false);
    assert_eq!(&page.roles[2..5], &[Role::Body, Role::Head, Role::Body]);
}

/// A paragraph's last line in title case that ends its sentence is the paragraph's, even
/// over the next story's dateline: a title's words end no sentence.
#[test]
fn title_case_paragraph_end_over_a_dateline_stays_text() {
    let text = "President Wilson today accepted\n\
                an invitation to speak before the\n\
                New York Press Club.\n\
                SCRANTON, Pa., June 9\n\
                Commencing this morning, the\n\
                Scranton Republican raises its price.";
    let page = classify(to_lines(text), false);
    assert_eq!(page.roles[2], Role::Body);
}

/// A headline block over a dateline in capitals is a headline even where a scrap
/// (`LAST MINUTE NEWS j`) stands between it and the paragraph the dump cut short: the
/// dateline opens the story's text as prose would.
#[test]
fn headline_over_a_dateline_in_capitals_under_a_scrap() {
    let text = "In an electric storm of unex\n\
                ampled severity that swept ov\n\
                er the southern part of this\n\
                LAST MINUTE NEWS j\n\
                AUSTRIAN WOMEN ASK\n\
                PEACE WITH RUSSIANS.\n\
                GENEVA June 8.—Austro-\n\
                Hungarian pacifists have become\n\
                active in the capital this week.";
    let page = classify(to_lines(text), false);
    assert_eq!(&page.roles[4..7], &[Role::Head, Role::Head, Role::Body]);
    assert!(page.starts[4]);
    // The label in capitals is no part of the paragraph cut short above it.
    assert_eq!(&page.roles[2..4], &[Role::Body, Role::Drop]);
}

/// A title-case headline over a deck as wide as the column, under a paragraph the dump
/// cut short: the title's first line is set in other type, whatever the deck's width.
#[test]
fn headline_with_a_column_wide_deck_under_an_unfinished_paragraph() {
    let text = "Godfrey Marshall is having his\n\
                business block painted and the\n\
                facade on Main street will have a\n\
                Grand Jury Completed\n\
                Their Work Thursday\n\
                Other News from the County Court\n\
                The first case that came up\n\
                Monday morning was that of the\n\
                state against a man from town.";
    let r = roles(text);
    assert_eq!(
        &r[2..7],
        &[Role::Body, Role::Head, Role::Head, Role::Head, Role::Body]
    );
}

/// Lines in title case over a headline in capitals are scraps of other type, not its
/// title: a headline's title is set larger than its decks, in capitals over title case.
#[test]
fn title_case_scraps_over_a_headline_in_capitals_are_dropped() {
    let text = "unable to discuss the peace proposals until\n\
                they are received by the government.\n\
                Propose Complete\n\
                oi France ami\n\
                TO VETO BILL\n\
                PRESIDENT DETERMINED TO VETO\n\
                IMMIGRATION BILL AGAIN.\n\
                President Wilson will again veto the\n\
                immigration bill if it reaches him with\n\
                the literacy test in it, it was learned.";
    let page = classify(to_lines(text), false);
    assert_eq!(&page.roles[2..4], &[Role::Drop; 2]);
    assert_eq!(&page.roles[4..7], &[Role::Head; 3]);
    assert!(page.starts[4]);
}

/// A scrap under the masthead (`(EcrmaiMy Wi`) ends no sentence, yet the headline under
/// it starts fresh: nothing runs on from a line far narrower than the column, though no
/// dateline (the scan garbled it) vouches for the headline.
#[test]
fn a_headline_under_a_scrap_below_the_masthead_starts_fresh() {
    let text = "VOLUME TWENTY-FOUR.\n\
                (EcrmaiMy Wi\n\
                WEATHER FORECAST.\n\
                N'.-w Orb an. I -a , Dec. 12\n\
                The weather forecast for\n\
                Oklahoma for tonight and\n\
                Wednesday is partly cloudy\n\
                and somewhat colder.";
    let r = roles(text);
    assert_eq!(&r[..4], &[Role::Drop, Role::Drop, Role::Head, Role::Body]);
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

/// A line that ends in a title before a name (`the guest of Mrs.`) ends no paragraph:
/// the name goes on on the next line.
#[test]
fn a_title_before_a_name_ends_no_paragraph() {
    let text = "Mrs. Austin Taylor was up from\n\
                Saco yesterday the guest of Mrs.\n\
                Clyde Akin.\n\
                Raymond Robbins left last night\n\
                for Harlem to take up his work there.";
    let page = classify(to_lines(text), false);
    assert!(!page.para_end[1]);
    assert!(page.para_end[2]);
    // Military and civil titles stand before names as often in the news of the day.
    let text = text.replace("the guest of Mrs.", "the guest of Col.");
    let page = classify(to_lines(&text), false);
    assert!(!page.para_end[1]);
}

/// A short line in capitals above a banner four times its width is a stray of the
/// nameplate, not the banner's title.
#[test]
fn a_stray_line_above_a_wide_banner_is_no_title() {
    let text = "Howard Graham, former Bur\n\
                gess of Blairsville and a prom\n\
                inent resident of this county,\n\
                died at his home near Livermore\n\
                Monday afternoon. Heart trouble\n\
                seems to have been the cause of\n\
                his death, his friends believe.\n\
                THE PA TRIOT\n\
                New York Militiamen Show How Quickly They Can Mobilize\n\
                In order to show New Yorkers and others how quickly the national guardsmen could be\n\
                assembled in case of necessity, nearly 10,000 of the citizen soldiers mobilized in record time.";
    let page = classify(to_lines(text), false);
    assert_eq!(&page.roles[7..9], &[Role::Drop, Role::Head]);
    assert!(page.starts[8]);
    // Over a headline within the column, a short line in capitals is its kicker.
    let kicker = text.replace("THE PA TRIOT", "WAR NEWS").replace(
        "New York Militiamen Show How Quickly They Can Mobilize",
        "Militiamen Show Their Speed",
    );
    assert_eq!(roles(&kicker)[7], Role::Head);
    // A short title over a deck in its own column stays.
    let text = "acy test, it became known today.\n\
                TO VETO BILL\n\
                PRESIDENT DETERMINED TO VE\n\
                TO IMMIGRATION BILL UN\n\
                Washington, Dec. 12. President Wilson will again veto the bill.";
    assert_eq!(roles(text)[1], Role::Head);
}

/// A title-case line over the entries of a list labels the list inside the story; over
/// prose it is a headline.
#[test]
fn a_label_over_list_entries_is_no_headline() {
    let text = "In the case of B. E. Mikesell vs. John Madil, a\n\
                verdict was returned in favor of the plaintiff.\n\
                True Bills\n\
                John Gbur, embezzlement and.\n\
                Gino Rauli, carrying concealed\n\
                weapons.\n\
                Joe Rupa, assault with intent\n\
                to murder.";
    assert_eq!(roles(text)[2], Role::Heading);
    let prose = text.replace(
        "John Gbur, embezzlement and.",
        "Remaining uncalled for in the office, the letters.",
    );
    assert_eq!(roles(&prose)[2], Role::Head);
}

#[test]
fn a_writers_credit_in_brackets_under_a_by_line_is_dropped() {
    let out = crate::edition::split(
        "ALLIES GAIN GROUND\nON SOMME FRONT\nBY WILLIAM PHILIP SIMMS\n\
         (United Press Staff Correspondent)\nLONDON, Aug. 4.—British troops today\n\
         captured more than a mile of German\ntrenches north of the Somme river.",
        &crate::article::EditionMeta::default(),
    );
    assert_eq!(out.articles.len(), 1, "{:#?}", out.articles);
    let article = &out.articles[0];
    assert_eq!(article.authors, ["WILLIAM PHILIP SIMMS"]);
    assert_eq!(article.dateline.as_deref(), Some("LONDON, Aug. 4."));
    assert!(out
        .dropped
        .iter()
        .any(|d| d == "(United Press Staff Correspondent)"));
}

#[test]
fn a_war_correspondents_dateline_over_two_lines_tops_no_story() {
    const TEXT: &str = "WITH THE BRITISH ARMIES IN THE\nFIELD, Aug. 4.—British troops today\n\
                        captured more than a mile of German\ntrenches north of the Somme river.";
    for head in [
        "ALLIES GAIN GROUND\nON SOMME FRONT\n",
        "ALLIES GAIN GROUND\nBY JOHN SMITH\n",
    ] {
        let page = format!("{head}{TEXT}");
        let out = crate::edition::split(&page, &crate::article::EditionMeta::default());
        assert_eq!(out.articles.len(), 1, "{:#?}", out.articles);
        let article = &out.articles[0];
        assert!(
            article.title.starts_with("ALLIES GAIN GROUND"),
            "{}",
            article.title
        );
        assert_eq!(
            article.dateline.as_deref(),
            Some("WITH THE BRITISH ARMIES IN THE FIELD, Aug. 4.")
        );
        assert!(article.blocks[0].text().starts_with("British troops today"));
    }
}

#[test]
fn a_crosshead_in_a_wire_story_is_no_headline() {
    let text = "WILSON NAMES NEW\n\
                CABINET MEMBER\n\
                By JOHN E. NEVIN.\n\
                WASHINGTON, D. C., March 6.—President\n\
                Wilson today nominated Newton D. Baker,\n\
                former mayor of Cleveland, to be secretary\n\
                of war. The nomination went to the senate.\n\
                PACIFIST VIEWS DISCUSSED\n\
                Mr. Baker is known as a pacifist and his\n\
                selection caused some surprise in army\n\
                circles here this afternoon.\n\
                HIGH SCHOOL NOTES\n\
                The senior class will give a play in the\n\
                high school auditorium on Friday evening\n\
                for the benefit of the class memorial.";
    let r = roles(text);
    assert_eq!(r[7], Role::Heading, "the text under it names Baker again");
    assert_eq!(
        r[11],
        Role::Head,
        "the text under it names no one of the story"
    );
    // A name the story gave only as a word of a nation (`the Baker troops`) tells nothing.
    let loose = text.replace("nominated Newton D. Baker,", "nominated the Baker men,");
    assert_eq!(roles(&loose)[7], Role::Head);
    // Nor does a story without a byline or dateline run long enough for crossheads.
    let local = text
        .replace("By JOHN E. NEVIN.\n", "")
        .replace("WASHINGTON, D. C., March 6.—", "");
    assert_eq!(roles(&local)[6], Role::Head);
}
