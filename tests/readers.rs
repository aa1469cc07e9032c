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

/// The feeds a reader subscribes to, each with its own newsboat cache: newsboat keys items by
/// guid, and the RSS and Atom feeds carry the same ids, so one cache shared by both would
/// flip items between the two feeds instead of updating them.
const SUBSCRIPTIONS: [&str; 2] = ["feed.xml", "atom.xml"];

/// Runs `newsboat -x reload` on the daemon's `feed` (a path like `feed.xml`), caching in `cache`.
fn newsboat_reload(daemon: &Daemon, dir: &Path, feed: &str, cache: &Path) {
    let urls = dir.join(format!("urls-{feed}"));
    std::fs::write(&urls, format!("http://{}/{feed}\n", daemon.addr)).unwrap();
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

/// Reloads every subscription and returns each cache's items.
fn reload_all(daemon: &Daemon, home: &Home) -> Vec<Vec<(String, String, String)>> {
    SUBSCRIPTIONS
        .iter()
        .map(|feed| {
            let cache = home.path(&format!("newsboat-{feed}.db"));
            newsboat_reload(daemon, home.dir.path(), feed, &cache);
            cached_items(&cache)
        })
        .collect()
}

#[test]
fn newsboat_keeps_exactly_one_item_per_article_through_redrops_and_corrections() {
    let home = Home::new();
    let daemon = home.start();
    let n = seed_titles().len();

    home.drop_file(SEED_NAME, &seed());
    let first_etag = wait_for_items(&daemon, n);
    let first = reload_all(&daemon, &home);
    for (feed, items) in SUBSCRIPTIONS.iter().zip(&first) {
        assert_eq!(
            items.len(),
            n,
            "{feed}: one cached item per article: {items:#?}"
        );
        let titles = items.iter().map(|(_, t, _)| common::squash(t)).collect();
        assert_eq!(
            sorted(titles),
            sorted(seed_titles()),
            "{feed}: titles as newsboat shows them"
        );
    }

    home.drop_file(SEED_NAME, &seed());
    wait_for(Duration::from_secs(10), "the re-drop to be taken", || {
        home.list("inbox").is_empty().then_some(())
    });
    home.pass_over();
    assert_eq!(
        reload_all(&daemon, &home),
        first,
        "a re-drop changes nothing in the reader"
    );

    // HTTP dates have one-second resolution, and newsboat (through libcurl's time condition)
    // drops a 200 whose Last-Modified is not later than the one it has: a real correction
    // comes minutes later; here, wait for the clock to pass the served Last-Modified.
    let served = daemon.get("/feed.xml");
    let modified = httpdate::parse_http_date(served.header("last-modified").unwrap()).unwrap();
    wait_for(Duration::from_secs(3), "the next second", || {
        (std::time::SystemTime::now() >= modified + Duration::from_secs(1)).then_some(())
    });
    home.drop_file(SEED_NAME, &corrected_seed());
    wait_for(
        Duration::from_secs(10),
        "the corrected page to be served",
        || (daemon.get("/feed.xml").header("etag") != Some(first_etag.as_str())).then_some(()),
    );
    let after = reload_all(&daemon, &home);
    let guids = |items: &[(String, String, String)]| {
        items.iter().map(|(g, ..)| g.clone()).collect::<Vec<_>>()
    };
    for ((feed, before), after) in SUBSCRIPTIONS.iter().zip(&first).zip(&after) {
        assert_eq!(
            after.len(),
            n,
            "{feed}: still one item per article after a correction"
        );
        assert_eq!(
            guids(after),
            guids(before),
            "{feed}: same guids after a correction"
        );
        let corrected = after
            .iter()
            .filter(|(_, _, content)| content.contains("更正稿"))
            .count();
        assert_eq!(
            corrected, 1,
            "{feed}: the corrected article shows the corrected text"
        );
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
