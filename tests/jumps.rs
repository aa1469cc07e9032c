//! Jumps end to end: an article cut off on page 1 and continued on page 2 (`（上接第1版）`)
//! is one item in the feeds, whether the pages come in one edition file or one by one, in
//! either order.

mod common;

use std::time::Duration;

use common::{fixture, parse_feed, seed, seed_titles, wait_for, Daemon, Home};

fn rest_page() -> Vec<u8> {
    std::fs::read(fixture("pages/jump_rest_page2.txt")).unwrap()
}

/// Waits for the RSS feed to hold `n` items and returns (title, content) pairs.
fn rss_items(daemon: &Daemon, n: usize) -> Vec<(String, String)> {
    wait_for(Duration::from_secs(10), &format!("{n} items"), || {
        let feed = parse_feed(&daemon.get("/feed.xml").body)?;
        (feed.entries.len() == n).then(|| {
            feed.entries
                .iter()
                .map(|e| (common::entry_title(e), common::entry_content(e)))
                .collect()
        })
    })
}

/// The RSS items once the rest's text is in its head's item.
fn rss_items_once_joined(daemon: &Daemon) -> Vec<(String, String)> {
    wait_for(
        Duration::from_secs(10),
        "the rest joined to its head",
        || {
            let items = rss_items(daemon, seed_titles().len());
            items[0].1.contains("直达快享").then_some(items)
        },
    )
}

fn assert_joined(items: &[(String, String)]) {
    let titles: Vec<String> = items.iter().map(|(t, _)| common::squash(t)).collect();
    assert_eq!(titles, seed_titles(), "the rest is no item of its own");
    let (_, content) = &items[0];
    assert!(content.contains("缩影"), "the head's text");
    assert!(
        content.contains("直达快享"),
        "the rest's text is appended to the head"
    );
}

#[test]
fn a_whole_edition_file_with_a_jump_gives_one_item_per_article() {
    let home = Home::new();
    let daemon = home.start();
    let mut edition = seed();
    edition.push(b'\x0c');
    edition.extend(rest_page());
    home.drop_file("2024-11-09.txt", &edition);
    assert_joined(&rss_items(&daemon, seed_titles().len()));
}

#[test]
fn pages_of_a_jump_join_whichever_arrives_first() {
    for rest_first in [false, true] {
        let home = Home::new();
        let daemon = home.start();
        let (first, second) = if rest_first {
            (
                ("2024-11-09_02.txt", rest_page()),
                ("2024-11-09_01.txt", seed()),
            )
        } else {
            (
                ("2024-11-09_01.txt", seed()),
                ("2024-11-09_02.txt", rest_page()),
            )
        };
        home.drop_file(first.0, &first.1);
        wait_for(Duration::from_secs(10), "the first page", || {
            (home.archived().len() == 1).then_some(())
        });
        home.drop_file(second.0, &second.1);
        // The feed may already hold seven items before the second page is in: wait for the join.
        assert_joined(&rss_items_once_joined(&daemon));
    }
}

#[test]
fn a_jump_line_naming_its_page_in_numerals_or_as_the_page_before_joins_too() {
    for jump in ["（上接第一版）", "（接上版）"] {
        let home = Home::new();
        let daemon = home.start();
        let rest = String::from_utf8(rest_page())
            .unwrap()
            .replace("（上接第1版）", jump);
        assert!(rest.contains(jump), "the fixture names page 1");
        home.drop_file("2024-11-09_01.txt", &seed());
        home.drop_file("2024-11-09_02.txt", rest.as_bytes());
        assert_joined(&rss_items_once_joined(&daemon));
    }
}

#[test]
fn pages_named_by_date_alone_join_by_the_numbers_they_print() {
    // No page in the files' names: only the numbers atop the pages say that the rest's
    // `（上接第1版）` names the front page.
    let home = Home::new();
    let daemon = home.start();
    let front = ["2024年11月9日 星期六\n第01版\n\n".as_bytes(), &seed()].concat();
    let rest = ["第02版\n\n".as_bytes(), &rest_page()].concat();
    home.drop_file("2024-11-09-front.txt", &front);
    home.drop_file("2024-11-09-inside.txt", &rest);
    assert_joined(&rss_items_once_joined(&daemon));
}

#[test]
fn todays_english_jump_lines_join_a_story_across_section_pages() {
    // `See BUDGET, Page A6` under the front page's story, `BUDGET` / `Continued from A1`
    // atop its rest: the pages are named by their running heads (`A1 | THE DAILY HERALD |
    // …`) alone, and the rest's jump head differs from the story's headline.
    assert_budget_joined([
        ("2026-03-03-front.txt", page_of("en_today_front_a1.txt")),
        ("2026-03-03-inside.txt", page_of("en_today_inside_a6.txt")),
    ]);
}

#[test]
fn section_pages_named_by_their_files_join_however_the_number_is_spelled() {
    // No running heads: only the files' names say the pages are A1 and A6, one of them
    // with a zero the jump lines do not print.
    let headless = |name| {
        let page = page_of(name);
        let head = page.find("\n\n").expect("a running head atop the page");
        page[head..].to_owned()
    };
    assert_budget_joined([
        ("2026-03-03-A01.txt", headless("en_today_front_a1.txt")),
        ("2026-03-03-A6.txt", headless("en_today_inside_a6.txt")),
    ]);
}

fn page_of(fixture_name: &str) -> String {
    std::fs::read_to_string(fixture(fixture_name)).unwrap()
}

/// Drops the English front page and its inside page as `pages` name them, and checks that
/// the budget story's rest is joined to it.
fn assert_budget_joined(pages: [(&str, String); 2]) {
    let home = Home::new();
    let daemon = home.start();
    for (name, page) in pages {
        home.drop_file(name, page.as_bytes());
    }
    let items = wait_for(Duration::from_secs(10), "the rest joined", || {
        let items = rss_items(&daemon, 3);
        items[0].1.contains("kicking the can").then_some(items)
    });
    let titles: Vec<&str> = items.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "City council approves new budget after marathon session",
            "Senate passes highway bill",
            "School board names new superintendent",
        ]
    );
    assert!(items[0].1.contains("The City Council approved"));
}
