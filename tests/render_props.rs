//! Properties over arbitrary text: whatever the splitter hands over (controls, `]]>`, quotes,
//! astral characters, lone `&`), every feed stays well-formed and the title, authors and
//! summary read back as the text went in, escaped exactly once.

#[path = "fixtures/render_entries.rs"]
mod fixtures;

use fixtures::*;
use pressroom::article::Block;
use pressroom::render::{atom, jsonfeed, rss, Entry};
use proptest::prelude::*;

/// What a reader should see for `s`: characters XML forbids dropped, whitespace runs as one
/// space (the renderer's rule for one-line fields).
fn expected_line(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
                || c >= '\u{10000}'
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text strategy biased towards the characters that break feeds.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("]]>".to_string()),
        Just("<script>".to_string()),
        Just("&amp;".to_string()),
        Just("&".to_string()),
        Just("\"'".to_string()),
        Just("\u{c}\u{0}\u{1b}".to_string()),
        Just("\u{fffe}\u{1f600}".to_string()),
        "[a-z 株洲日报]{0,6}".prop_map(|s| s),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn entry_with(title: &str, author: &str, text: &str) -> Entry {
    let mut e = latin_entry();
    // A leading letter keeps the title non-empty, so the fallback rules stay out of the way.
    e.article.title = format!("T{title}");
    e.article.authors = vec![format!("A{author}")];
    e.article.blocks = vec![Block::Paragraph {
        text: format!("P{text}"),
    }];
    e
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_round_trips_through_every_feed(
        title in nasty(), author in nasty(), text in nasty(),
    ) {
        let e = entry_with(&title, &author, &text);
        let want_title = expected_line(&e.article.title);
        let want_author = expected_line(&e.article.authors[0]);
        let site = site();
        let es = [e];
        for out in [
            rss::render(&site, &es),
            atom::render(&site, &es),
            jsonfeed::render(&site, &es),
        ] {
            let feed = feed_rs::parser::parse(out.as_bytes())
                .map_err(|err| TestCaseError::fail(format!("{err}\n{out}")))?;
            let got = &feed.entries[0];
            prop_assert_eq!(&got.title.as_ref().expect("title").content, &want_title);
            prop_assert_eq!(&got.authors[0].name, &want_author);
        }
        let channel = ::rss::Channel::read_from(rss::render(&site, &es).as_bytes())
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
        ::rss::validation::Validate::validate(&channel)
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
    }
}
