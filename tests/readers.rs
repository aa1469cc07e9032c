//! Real readers against the running daemon: newsboat (headless reload into its SQLite cache)
//! and Python's feedparser (`bozo == 0`). `.ci/run` installs both.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{parse_feed, seed, seed_titles, wait_for, Daemon, Home, SEED_NAME};

/// The seed page with one body sentence corrected (titles untouched, so ids stay).
fn corrected_seed() -> Vec<u8> {
    let text = String::from_utf8(seed()).unwrap();
    let fixed = text.replacen(
        "消费者带来新一轮的购车福利。",
        "消费者带来新一轮的购车福利（更正稿）。",
        1,
    );
    assert_ne!(fixed, text, "the fixture still has the sentence to correct");
    fixed.into_bytes()
}

fn wait_for_items(daemon: &Daemon, n: usize) -> String {
    wait_for(Duration::from_secs(10), "the feed to hold the page", || {
        let reply = daemon.get("/feed.xml");
        let feed = parse_feed(&reply.body)?;
        (feed.entries.len() == n).then(|| reply.header("etag").unwrap_or_default().to_owned())
    })
}

/// Runs `newsboat -x reload` on the daemon's RSS and Atom feeds, with its cache at `cache`.
fn newsboat_reload(daemon: &Daemon, dir: &Path, cache: &Path) {
    let urls = dir.join("urls");
    std::fs::write(
        &urls,
        format!("http://{0}/feed.xml\nhttp://{0}/atom.xml\n", daemon.addr),
    )
    .unwrap();
    let config = dir.join("newsboat.conf");
    std::fs::write(&config, "").unwrap();
    let out = Command::new("newsboat")
        .arg("-u")
        .arg(&urls)
        .arg("-C")
        .arg(&config)
        .arg("-c")
        .arg(cache)
        .args(["-x", "reload"])
        .env("LANG", "C.UTF-8")
        .env("HOME", dir)
        .output()
        .expect("newsboat is installed (.ci/run installs it)");
    assert!(
        out.status.success(),
        "newsboat failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (feed url, guid, title, content) of every item in newsboat's cache.
fn cached_items(cache: &Path) -> Vec<(String, String, String, String)> {
    let db = rusqlite::Connection::open(cache).unwrap();
    let mut stmt = db
        .prepare("SELECT feedurl, guid, title, content FROM rss_item ORDER BY feedurl, guid")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn per_feed(
    items: &[(String, String, String, String)],
    suffix: &str,
) -> Vec<(String, String, String)> {
    items
        .iter()
        .filter(|(url, ..)| url.ends_with(suffix))
        .map(|(_, guid, title, content)| (guid.clone(), title.clone(), content.clone()))
        .collect()
}

#[test]
fn newsboat_keeps_exactly_one_item_per_article_through_redrops_and_corrections() {
    let home = Home::new();
    let daemon = home.start();
    let n = seed_titles().len();
    let cache = home.path("newsboat.db");

    home.drop_file(SEED_NAME, &seed());
    let first_etag = wait_for_items(&daemon, n);
    newsboat_reload(&daemon, home.dir.path(), &cache);
    let first = cached_items(&cache);
    for feed in ["/feed.xml", "/atom.xml"] {
        let items = per_feed(&first, feed);
        assert_eq!(items.len(), n, "{feed} in newsboat's cache");
        let mut titles: Vec<String> = items.iter().map(|(_, t, _)| t.clone()).collect();
        let mut expected = seed_titles();
        titles.sort();
        expected.sort();
        assert_eq!(titles, expected, "{feed} titles as newsboat shows them");
    }

    home.drop_file(SEED_NAME, &seed());
    wait_for(Duration::from_secs(10), "the re-drop to be taken", || {
        home.list("inbox").is_empty().then_some(())
    });
    newsboat_reload(&daemon, home.dir.path(), &cache);
    assert_eq!(
        cached_items(&cache),
        first,
        "a re-drop changes nothing in the reader"
    );

    home.drop_file(SEED_NAME, &corrected_seed());
    wait_for(
        Duration::from_secs(10),
        "the corrected page to be served",
        || (daemon.get("/feed.xml").header("etag") != Some(first_etag.as_str())).then_some(()),
    );
    newsboat_reload(&daemon, home.dir.path(), &cache);
    let after = cached_items(&cache);
    for feed in ["/feed.xml", "/atom.xml"] {
        let items = per_feed(&after, feed);
        assert_eq!(
            items.len(),
            n,
            "{feed}: still one item per article after a correction"
        );
        let corrected = items
            .iter()
            .filter(|(_, _, content)| content.contains("更正稿"))
            .count();
        assert_eq!(
            corrected, 1,
            "{feed}: the corrected article shows the corrected text"
        );
        let guids: Vec<String> = items.iter().map(|(g, ..)| g.clone()).collect();
        let before: Vec<String> = per_feed(&first, feed)
            .into_iter()
            .map(|(g, ..)| g)
            .collect();
        assert_eq!(guids, before, "{feed}: same guids");
    }
}

#[test]
fn feedparser_reads_rss_and_atom_without_complaint() {
    let home = Home::new();
    let daemon = home.start();
    home.drop_file(SEED_NAME, &seed());
    let n = seed_titles().len();
    wait_for_items(&daemon, n);
    for path in ["/feed.xml", "/atom.xml"] {
        let url = format!("http://{}{path}", daemon.addr);
        let script = "import sys, feedparser\n\
            d = feedparser.parse(sys.argv[1])\n\
            print(d.bozo, len(d.entries), d.get('bozo_exception', ''))\n";
        let out = Command::new("python3")
            .args(["-c", script, &url])
            .output()
            .expect("python3");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "feedparser: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            stdout.split_whitespace().take(2).collect::<Vec<_>>(),
            ["0", &n.to_string()],
            "{path}: {stdout}"
        );
    }
}
