//! End to end: the real daemon, a real inbox, real SQLite, feeds read back with feed-rs.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::{parse_feed, seed, seed_titles, set, wait_for, Daemon, Home, SEED_NAME};

const FEEDS: [&str; 3] = ["/feed.xml", "/atom.xml", "/feed.json"];

/// Waits until every feed lists exactly `n` items and returns them parsed.
fn feeds_with(daemon: &Daemon, n: usize) -> Vec<feed_rs::model::Feed> {
    FEEDS
        .iter()
        .map(|path| {
            wait_for(
                Duration::from_secs(10),
                &format!("{path} to hold {n} items"),
                || {
                    let reply = daemon.get(path);
                    let feed = parse_feed(&reply.body)?;
                    (reply.status == 200 && feed.entries.len() == n).then_some(feed)
                },
            )
        })
        .collect()
}

/// (id, title, link) of every entry, in feed order.
fn items(feed: &feed_rs::model::Feed) -> Vec<(String, String, String)> {
    feed.entries
        .iter()
        .map(|e| {
            let title = common::entry_title(e);
            let link = e.links.first().map(|l| l.href.clone()).unwrap_or_default();
            (e.id.clone(), title, link)
        })
        .collect()
}

fn assert_seed_feeds(daemon: &Daemon) -> Vec<(String, String, String)> {
    let feeds = feeds_with(daemon, 7);
    let rss = items(&feeds[0]);
    let titles: Vec<String> = rss.iter().map(|(_, t, _)| common::squash(t)).collect();
    assert_eq!(titles, seed_titles(), "titles in page order");
    for (format, feed) in FEEDS.iter().zip(&feeds).skip(1) {
        assert_eq!(
            items(feed),
            rss,
            "{format} agrees with RSS on ids, titles and links"
        );
    }
    for (id, title, link) in &rss {
        assert!(id.starts_with("tag:pressroom.localhost,2024:"), "{id}");
        let path = link
            .strip_prefix("http://pressroom.test")
            .expect("absolute link on base_url");
        let page = daemon.get(path);
        assert_eq!(page.status, 200, "{link}");
        assert!(
            page.text().contains(&format!("<h1>{title}</h1>"))
                || page.text().contains(title.as_str()),
            "{link} shows {title}"
        );
    }
    rss
}

#[test]
fn a_dropped_page_becomes_seven_items_in_every_feed_and_survives_restarts_and_redrops() {
    let home = Home::new();
    let daemon = home.start();
    home.drop_file(SEED_NAME, &seed());
    let first = assert_seed_feeds(&daemon);
    wait_for(Duration::from_secs(5), "the page to be archived", || {
        (home.archived().len() == 1).then_some(())
    });
    assert!(home.list("inbox").is_empty());
    let etag = daemon.get("/feed.xml").header("etag").map(str::to_owned);
    assert_eq!(daemon.stop(), 0, "SIGTERM exits 0; log:\n{}", home.log());

    let daemon = home.start();
    assert_eq!(
        assert_seed_feeds(&daemon),
        first,
        "same items and ids after a restart"
    );
    assert_eq!(
        daemon.get("/feed.xml").header("etag").map(str::to_owned),
        etag,
        "same bytes after a restart"
    );

    home.drop_file(SEED_NAME, &seed());
    wait_for(
        Duration::from_secs(10),
        "the re-dropped page to leave the inbox",
        || home.list("inbox").is_empty().then_some(()),
    );
    assert_eq!(
        assert_seed_feeds(&daemon),
        first,
        "same items and ids after a re-drop"
    );
    assert_eq!(
        home.archived().len(),
        1,
        "the identical re-drop is not archived twice"
    );
    assert_eq!(
        daemon.get("/feed.xml").header("etag").map(str::to_owned),
        etag,
        "a re-drop changes nothing"
    );
    assert!(
        home.log().contains("already ingested"),
        "the re-drop is logged as such"
    );
}

#[test]
fn unusable_files_go_to_failed_with_a_reason_and_the_daemon_keeps_serving() {
    let home = Home::new();
    let daemon = home.start();
    home.drop_file("empty.txt", b"");
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    home.drop_file("binary.txt", &binary);
    // A page extracted with `pdftotext -layout`: two columns side by side on every line.
    let layout = "瞄准基础研究最前沿\n\n".to_owned()
        + &["过去15年，我一直专注基础研究。      自强？科研工作者要敢于走出“舒适区”，"; 8]
            .join("\n");
    home.drop_file("layout.txt", layout.as_bytes());
    let expected: BTreeSet<String> = [
        "binary.txt",
        "binary.txt.error",
        "empty.txt",
        "empty.txt.error",
        "layout.txt",
        "layout.txt.error",
    ]
    .map(String::from)
    .into();
    wait_for(
        Duration::from_secs(10),
        "the three files in failed/",
        || (home.list("failed").into_iter().collect::<BTreeSet<_>>() == expected).then_some(()),
    );
    let empty_reason = std::fs::read_to_string(home.path("failed/empty.txt.error")).unwrap();
    assert!(empty_reason.contains("empty"), "{empty_reason}");
    let binary_reason = std::fs::read_to_string(home.path("failed/binary.txt.error")).unwrap();
    assert!(
        binary_reason.contains("binary") || binary_reason.contains("not valid"),
        "{binary_reason}"
    );
    assert_eq!(
        std::fs::read(home.path("failed/binary.txt")).unwrap(),
        binary,
        "original bytes kept"
    );
    let layout_reason = std::fs::read_to_string(home.path("failed/layout.txt.error")).unwrap();
    assert!(
        layout_reason.contains("side by side") && layout_reason.contains("without -layout"),
        "{layout_reason}"
    );
    assert_eq!(daemon.get("/healthz").status, 200);

    home.drop_file(SEED_NAME, &seed());
    feeds_with(&daemon, 7);
    let log = home.log();
    assert!(
        log.contains("refused") && log.contains("empty.txt"),
        "{log}"
    );
}

#[test]
fn ingest_and_split_commands_use_the_same_pipeline() {
    let home = Home::new();
    let page = home.ingest("page.txt", &seed());
    assert!(page.exists(), "the original is left alone");
    assert_eq!(home.archived().len(), 1);
    let rss = std::fs::read(home.path("feeds/feed.xml")).unwrap();
    assert_eq!(parse_feed(&rss).unwrap().entries.len(), 7);

    let out = home.run(&["split", page.to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["file"], "page.txt");
    assert_eq!(json["articles"].as_array().unwrap().len(), 7);
    assert!(json["edition"].get("date").is_some() && json["dropped"].is_array());

    // One line of roles per printed line: a role, two flags, a width and the text.
    let out = home.run(&["split", page.to_str().unwrap(), "--roles"]);
    assert!(out.status.success());
    let roles = String::from_utf8(out.stdout).unwrap();
    let first_head = roles.lines().find(|l| l.starts_with("Head\t")).unwrap();
    assert_eq!(first_head.split('\t').count(), 5, "{first_head}");
    assert!(roles.lines().any(|l| l.starts_with("Byline\t")));
    let both = home.run(&["split", page.to_str().unwrap(), "--json", "--roles"]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "--json and --roles exclude each other"
    );

    std::fs::write(home.path("bad.txt"), b"").unwrap();
    let out = home.run(&["ingest", home.path("bad.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "refused files exit 3");
}

#[test]
fn config_errors_exit_2_and_name_the_key_and_file() {
    let home = Home::with_config(|c| set(c, "items = 100", "items = -1"));
    let out = home.run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("feeds.items") && err.contains("config.toml"),
        "{err}"
    );
    let good = Home::new();
    assert!(good.run(&["check"]).status.success());
}

#[test]
fn rebuild_resplits_the_archive_without_duplicates_or_new_ids() {
    let home = Home::new();
    home.ingest("2024-11-09_01.txt", &seed());
    let before = std::fs::read(home.path("feeds/feed.xml")).unwrap();
    let ids = |bytes: &[u8]| {
        parse_feed(bytes)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };

    let out = home.run(&["rebuild"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 added, 0 updated, 0 removed"), "{stdout}");
    let after = std::fs::read(home.path("feeds/feed.xml")).unwrap();
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(
        after, before,
        "an unchanged archive rebuilds to the same bytes"
    );

    // A lost feeds/ folder is restored by a rebuild, article pages included.
    std::fs::remove_dir_all(home.path("feeds")).unwrap();
    assert!(home.run(&["rebuild"]).status.success());
    let pages = home
        .list("feeds/articles")
        .iter()
        .filter(|n| n.ends_with(".html"))
        .count();
    assert_eq!(pages, ids(&before).len(), "every article's page is back");

    // An article that no archived dump yields any more is removed by the rebuild.
    let archived = home.path("archive/2024-11-09/2024-11-09_01.txt");
    let text = String::from_utf8(seed()).unwrap();
    let (start, end) = (
        text.find("习近平同意大利总统").unwrap(),
        text.find("成熟和稳定。").unwrap(),
    );
    let without_one = format!("{}{}", &text[..start], &text[end + "成熟和稳定。".len()..]);
    std::fs::write(&archived, without_one).unwrap();
    let out = home.run(&["rebuild"]);
    assert!(out.status.success());
    let rebuilt = ids(&std::fs::read(home.path("feeds/feed.xml")).unwrap());
    assert_eq!(rebuilt.len(), ids(&before).len() - 1, "{rebuilt:?}");
    assert!(
        rebuilt.iter().all(|id| ids(&before).contains(id)),
        "no new ids"
    );
}

/// A page with one story, under a title the seed page also prints, and no page number.
const SAME_TITLE_PAGE: &str = "市人大常委会机关青年干部座谈会召开\n\n\
    株洲日报讯（记者 李明）11月8日上午，县人大常委会机关召开青年干部座谈会，\n\
    十余名青年干部结合工作实际畅谈体会，交流心得。\n";

#[test]
fn unpaged_files_sharing_a_title_keep_both_stories_through_a_rebuild() {
    // Neither name nor text gives a page, so both stories' ids are the date and title
    // alone; the second file must not overwrite the first's story.
    let home = Home::new();
    let daemon = home.start();
    home.drop_file("2024-11-09-front.txt", &seed());
    feeds_with(&daemon, 7);
    home.drop_file("2024-11-09-county.txt", SAME_TITLE_PAGE.as_bytes());
    let feeds = feeds_with(&daemon, 8);
    let title = "市人大常委会机关青年干部座谈会召开";
    for feed in &feeds {
        let bodies: Vec<String> = feed
            .entries
            .iter()
            .filter(|e| common::squash(&common::entry_title(e)) == title)
            .map(|e| {
                let content = e.content.as_ref().and_then(|c| c.body.clone());
                let summary = e.summary.as_ref().map(|s| s.content.clone());
                content.or(summary).unwrap_or_default()
            })
            .collect();
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        assert!(
            bodies.iter().any(|b| b.contains("县人大常委会机关"))
                && bodies.iter().any(|b| !b.contains("县人大常委会机关")),
            "each file's own story: {bodies:?}"
        );
    }
    let served: BTreeSet<String> = feeds[0].entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(served.len(), 8, "distinct ids");
    assert_eq!(daemon.stop(), 0);

    let out = home.run(&["rebuild"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("0 added, 0 updated, 0 removed"), "{stdout}");
    let rebuilt = parse_feed(&std::fs::read(home.path("feeds/feed.xml")).unwrap()).unwrap();
    let ids: BTreeSet<String> = rebuilt.entries.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, served, "a rebuild keeps both stories under their ids");
}

/// The seed page ingested with a feed window of 3: four of its seven article pages then live
/// only in feeds/, not in the served snapshot.
fn seed_ingested_with_small_window() -> Home {
    let home = Home::with_config(|c| set(c, "items = 100", "items = 3"));
    home.ingest("2024-11-09_01.txt", &seed());
    home
}

/// How many article pages feeds/ holds.
fn page_count(home: &Home) -> usize {
    home.list("feeds/articles")
        .iter()
        .filter(|n| n.ends_with(".html"))
        .count()
}

#[test]
fn rebuild_restores_a_lost_feeds_folder_with_pages_beyond_the_window() {
    let home = seed_ingested_with_small_window();
    assert_eq!(page_count(&home), 7);
    std::fs::remove_dir_all(home.path("feeds")).unwrap();
    let out = home.run(&["rebuild"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        page_count(&home),
        7,
        "every article's page is back, not only the window's"
    );
}

#[test]
fn pages_a_crash_kept_from_feeds_are_written_at_the_next_start() {
    let home = seed_ingested_with_small_window();
    // What a crash between the store commit and the publish leaves: articles committed and
    // marked unmirrored, their pages not in feeds/.
    let pages_dir = home.path("feeds/articles");
    let db = rusqlite::Connection::open(home.path("pressroom.db")).unwrap();
    for name in home.list("feeds/articles") {
        let id = name
            .trim_end_matches(".gz")
            .trim_end_matches(".html")
            .to_owned();
        db.execute("INSERT OR IGNORE INTO unmirrored (id) VALUES (?1)", [&id])
            .unwrap();
        std::fs::remove_file(pages_dir.join(&name)).unwrap();
    }
    drop(db);
    let daemon = home.start();
    wait_for(
        Duration::from_secs(10),
        "all seven pages back in feeds/",
        || (page_count(&home) == 7).then_some(()),
    );
    assert_eq!(daemon.stop(), 0);
}
