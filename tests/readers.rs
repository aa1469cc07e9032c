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

/// (guid, title, content) of every item in newsboat's cache, by guid.
///
/// The reader is subscribed to the RSS and the Atom feed, which carry the same ids; newsboat
/// keys its cache by guid, so each article must be there exactly once whichever feed it came from.
fn cached_items(cache: &Path) -> Vec<(String, String, String)> {
    let db = rusqlite::Connection::open(cache).unwrap();
    let mut stmt = db
        .prepare("SELECT guid, title, content FROM rss_item ORDER BY guid")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
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
    assert_eq!(first.len(), n, "one cached item per article: {first:#?}");
    let titles = first.iter().map(|(_, t, _)| t.clone()).collect();
    assert_eq!(
        sorted(titles),
        sorted(seed_titles()),
        "titles as newsboat shows them"
    );

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
    assert_eq!(
        after.len(),
        n,
        "still one item per article after a correction"
    );
    let guids = |items: &[(String, String, String)]| {
        items.iter().map(|(g, ..)| g.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        guids(&after),
        guids(&first),
        "same guids after a correction"
    );
    let corrected = after
        .iter()
        .filter(|(_, _, content)| content.contains("更正稿"))
        .count();
    assert_eq!(
        corrected, 1,
        "the corrected article shows the corrected text"
    );
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
            print(int(d.bozo), len(d.entries), d.get('bozo_exception', ''))\n";
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
