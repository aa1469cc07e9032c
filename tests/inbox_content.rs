//! The bad-input catalogue (issue 5), part two: the same page in other encodings and line
//! ends, cut mid-character, with markup in its text, delivered twice, and corrected; each
//! against the real daemon, checked in the store and in every served format.
//!
//! Nothing here depends on how well the splitter splits: the expected articles are whatever
//! `pressroom::edition` makes of the same bytes under the same name.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::{
    entry_content, expected_ids, expected_split, feed_ids, seed, wait_for, Daemon, Home,
    DATED_PAGE as PAGE,
};

fn home() -> Home {
    Home::small_limit()
}

fn etag(daemon: &Daemon) -> String {
    daemon
        .get("/feed.xml")
        .header("etag")
        .expect("feeds carry an ETag")
        .to_owned()
}

/// Drops `name` and waits until the store and the served JSON Feed hold exactly `want`.
fn drop_and_expect(
    home: &Home,
    daemon: &Daemon,
    name: &str,
    bytes: &[u8],
    want: &BTreeSet<String>,
) {
    home.drop_file(name, bytes);
    home.wait_taken(name);
    wait_for(
        Duration::from_secs(10),
        "the store to hold the page",
        || (home.store_ids() == *want).then_some(()),
    );
    wait_for(
        Duration::from_secs(10),
        "the feed to serve the page",
        || {
            let served: BTreeSet<String> = feed_ids(daemon, "/feed.json").into_iter().collect();
            (served == *want).then_some(())
        },
    );
}

/// Drops the UTF-8 seed, then `variant` under the same name: a re-encoding of the same page
/// must split into the same articles, so nothing changes (not even the ETag).
fn same_as_utf8(variant: Vec<u8>) {
    let utf8 = expected_split(PAGE, &seed()).expect("the seed splits");
    let other = expected_split(PAGE, &variant).expect("the variant splits");
    let titles = |s: &pressroom::edition::Split| -> Vec<(String, String)> {
        s.articles
            .iter()
            .map(|a| (a.id.clone(), a.title.clone()))
            .collect()
    };
    assert_eq!(
        titles(&other),
        titles(&utf8),
        "same ids and titles as UTF-8"
    );

    let home = home();
    let daemon = home.start();
    let want = expected_ids(PAGE, &seed());
    drop_and_expect(&home, &daemon, PAGE, &seed(), &want);
    let before = etag(&daemon);
    let ids = feed_ids(&daemon, "/feed.json");
    home.drop_file(PAGE, &variant);
    home.wait_taken(PAGE);
    wait_for(
        Duration::from_secs(10),
        "the variant to be archived",
        || (home.archived().len() == 2).then_some(()),
    );
    let sentinel = home.pass_over();
    assert!(
        home.store_ids() == want,
        "the store holds exactly the expected articles"
    );
    assert!(feed_ids(&daemon, "/feed.json") == ids, "the same items");
    assert_eq!(etag(&daemon), before, "nothing to republish");
    assert_eq!(
        home.list("failed"),
        [sentinel.clone(), format!("{sentinel}.error")]
    );
}

#[test]
fn gbk_seed_splits_like_utf8() {
    let text = String::from_utf8(seed()).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "the seed is all GBK characters");
    same_as_utf8(gbk.into_owned());
}

#[test]
fn utf16le_seed_with_bom_splits_like_utf8() {
    let text = String::from_utf8(seed()).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    same_as_utf8(bytes);
}

#[test]
fn utf16be_seed_with_bom_splits_like_utf8() {
    let text = String::from_utf8(seed()).unwrap();
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    same_as_utf8(bytes);
}

#[test]
fn utf8_seed_with_bom_splits_like_utf8() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(seed());
    same_as_utf8(bytes);
}

#[test]
fn crlf_seed_splits_like_utf8() {
    let text = String::from_utf8(seed()).unwrap();
    same_as_utf8(text.replace('\n', "\r\n").into_bytes());
}

#[test]
fn file_truncated_mid_utf8_sequence_is_taken_without_the_cut_character() {
    let seed = seed();
    // Cut inside the last multi-byte character before the end.
    let cut = (0..seed.len())
        .rev()
        .find(|&i| seed[i] >= 0xC0)
        .expect("the seed has CJK text")
        + 1;
    let truncated = &seed[..cut];
    assert!(std::str::from_utf8(truncated).is_err());
    let want = expected_ids(PAGE, truncated);
    assert!(!want.is_empty());
    let home = home();
    let daemon = home.start();
    drop_and_expect(&home, &daemon, PAGE, truncated, &want);
    assert_eq!(home.archived(), ["2024-11-09/2024-11-09_01.txt"]);
}

#[test]
fn markup_in_the_text_is_escaped_exactly_once_everywhere() {
    // The seed page with markup in a body sentence: real layout, hostile text.
    let seed = String::from_utf8(common::seed()).unwrap();
    let page = seed.replacen("缩影。", "缩影<script>alert(1)</script>，&amp;与]]>。", 1);
    assert_ne!(page, seed);
    let split = expected_split(PAGE, page.as_bytes()).expect("the page splits");
    let all_text: String = split
        .articles
        .iter()
        .flat_map(|a| {
            std::iter::once(a.title.clone()).chain(a.blocks.iter().map(|b| b.text().to_owned()))
        })
        .collect();
    for marker in ["]]>", "<script>", "&amp;"] {
        assert!(all_text.contains(marker), "the split keeps {marker}");
    }
    let home = home();
    let daemon = home.start();
    drop_and_expect(
        &home,
        &daemon,
        PAGE,
        page.as_bytes(),
        &expected_ids(PAGE, page.as_bytes()),
    );
    for path in ["/feed.xml", "/atom.xml", "/feed.json"] {
        let reply = daemon.get(path);
        let feed = common::parse_feed(&reply.body).unwrap_or_else(|| panic!("{path} parses"));
        for article in &split.articles {
            let entry = feed
                .entries
                .iter()
                .find(|e| common::store_id(&e.id) == article.id)
                .unwrap_or_else(|| panic!("{path} has {}", article.id));
            let title = entry.title.as_ref().map(|t| t.content.clone());
            assert_eq!(
                title.as_deref(),
                Some(article.title.as_str()),
                "{path} title"
            );
            let html = entry_content(entry);
            for block in &article.blocks {
                assert!(
                    unescape_html(&html).contains(block.text()),
                    "{path}: the content, read as HTML, shows {:?}: {html}",
                    block.text()
                );
            }
        }
    }
    let json: serde_json::Value = serde_json::from_slice(&daemon.get("/feed.json").body).unwrap();
    for item in json["items"].as_array().unwrap() {
        let text = item["content_text"].as_str().unwrap();
        let id = common::store_id(item["id"].as_str().unwrap());
        let article = split.articles.iter().find(|a| a.id == id).unwrap();
        for block in &article.blocks {
            assert!(text.contains(block.text()), "content_text is raw text");
        }
        let page = daemon.get(&format!("/articles/{id}.html")).text();
        let h1 = page
            .split("<h1>")
            .nth(1)
            .and_then(|r| r.split("</h1>").next())
            .expect("an <h1>");
        assert_eq!(unescape_html(h1), article.title, "the page's <h1>");
        assert!(
            !page.contains("<script>alert"),
            "no live markup from the text"
        );
    }
}

/// Undoes one level of HTML escaping (the five entities the renderers write, and tags).
fn unescape_html(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_same_file_twice_changes_nothing() {
    let home = home();
    let daemon = home.start();
    let want = expected_ids(PAGE, &seed());
    drop_and_expect(&home, &daemon, PAGE, &seed(), &want);
    let before = etag(&daemon);
    let served = daemon.get("/feed.xml").body;
    wait_for(
        Duration::from_secs(10),
        "feeds/ to mirror the served feed",
        || (std::fs::read(home.path("feeds/feed.xml")).ok()? == served).then_some(()),
    );
    let mtime = std::fs::metadata(home.path("feeds/feed.xml"))
        .unwrap()
        .modified()
        .unwrap();
    home.drop_file(PAGE, &seed());
    home.wait_taken(PAGE);
    // The same bytes under another name too.
    home.drop_file("2024-11-09_01-again.txt", &seed());
    home.wait_taken("2024-11-09_01-again.txt");
    wait_for(Duration::from_secs(10), "both re-drops logged", || {
        (home.log().matches("already ingested").count() == 2).then_some(())
    });
    home.pass_over();
    assert_eq!(etag(&daemon), before);
    assert!(
        home.store_ids() == want,
        "the store holds exactly the expected articles"
    );
    assert_eq!(
        std::fs::metadata(home.path("feeds/feed.xml"))
            .unwrap()
            .modified()
            .unwrap(),
        mtime,
        "feeds/ not rewritten"
    );
    assert_eq!(
        home.archived().len(),
        2,
        "a byte-identical re-drop is not archived again"
    );
}

#[test]
fn a_corrected_page_replaces_the_old_one() {
    // The seed page, then a correction of it: one body sentence changed, one article gone.
    let first = String::from_utf8(common::seed()).unwrap();
    let (start, end) = (
        first.find("习近平同意大利总统").unwrap(),
        first.find("成熟和稳定。").unwrap(),
    );
    let without_one = format!(
        "{}{}",
        &first[..start],
        &first[end + "成熟和稳定。".len()..]
    );
    let corrected = without_one.replacen("缩影。", "缩影，经过更正。", 1);
    let old = expected_split(PAGE, first.as_bytes()).unwrap();
    let new = expected_split(PAGE, corrected.as_bytes()).unwrap();
    let old_ids: BTreeSet<String> = old.articles.iter().map(|a| a.id.clone()).collect();
    let new_ids: BTreeSet<String> = new.articles.iter().map(|a| a.id.clone()).collect();
    let gone: Vec<&String> = old_ids.difference(&new_ids).collect();
    assert!(
        !gone.is_empty() && new_ids.is_subset(&old_ids),
        "precondition"
    );

    let home = home();
    let daemon = home.start();
    drop_and_expect(&home, &daemon, PAGE, first.as_bytes(), &old_ids);
    wait_for(Duration::from_secs(10), "the first version served", || {
        (feed_ids(&daemon, "/feed.json").len() == old_ids.len()).then_some(())
    });
    let changed = &new.articles[0];
    let modified_before = item_of(&daemon, &changed.id)["date_modified"].clone();
    drop_and_expect(&home, &daemon, PAGE, corrected.as_bytes(), &new_ids);
    wait_for(Duration::from_secs(10), "the correction served", || {
        let served: BTreeSet<String> = feed_ids(&daemon, "/feed.json").into_iter().collect();
        (served == new_ids).then_some(())
    });
    for id in gone {
        assert_eq!(daemon.get(&format!("/articles/{id}.html")).status, 404);
    }
    let item = item_of(&daemon, &changed.id);
    assert!(item["content_text"].as_str().unwrap().contains("经过更正"));
    assert_ne!(item["date_modified"], modified_before, "updated, not added");
    assert_eq!(home.archived().len(), 2, "both versions archived");
}

/// The JSON Feed item of the article with store id `id`.
fn item_of(daemon: &Daemon, id: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_slice(&daemon.get("/feed.json").body).unwrap();
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| common::store_id(i["id"].as_str().unwrap()) == id)
        .cloned()
        .unwrap_or_else(|| panic!("an item for {id}"))
}
