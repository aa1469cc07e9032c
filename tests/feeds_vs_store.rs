//! The served feeds, read back with feed-rs, against what the store holds; and the HTTP
//! behaviour readers and caches rely on, against the running daemon.

mod common;

use std::io::Read;
use std::time::Duration;

use chrono::FixedOffset;
use common::{
    entry_content, parse_feed, seed, seed_titles, squash, wait_for, Daemon, Home, SEED_NAME,
};
use pressroom::render::Entry;
use pressroom::store::Store;

fn started_with_seed() -> (Home, Daemon) {
    let home = Home::new();
    let daemon = home.start();
    home.drop_file(SEED_NAME, &seed());
    let n = seed_titles().len();
    for path in ["/feed.xml", "/atom.xml", "/feed.json"] {
        wait_for(Duration::from_secs(10), path, || {
            parse_feed(&daemon.get(path).body)
                .filter(|f| f.entries.len() == n)
                .map(|_| ())
        });
    }
    (home, daemon)
}

fn stored(home: &Home) -> Vec<Entry> {
    let store = Store::open(
        &home.path("pressroom.db"),
        FixedOffset::east_opt(8 * 3600).unwrap(),
    )
    .unwrap();
    store.latest(100).unwrap()
}

#[test]
fn every_format_says_what_the_store_holds_field_by_field() {
    let (home, daemon) = started_with_seed();
    let entries = stored(&home);
    assert_eq!(entries.len(), seed_titles().len());
    for path in ["/feed.xml", "/atom.xml", "/feed.json"] {
        let feed = parse_feed(&daemon.get(path).body).unwrap();
        assert_eq!(
            feed.title.as_ref().map(|t| t.content.as_str()),
            Some("株洲日报 · 电子版"),
            "{path}"
        );
        assert_eq!(
            feed.language.as_deref().map(str::to_lowercase),
            Some("zh-cn".into()),
            "{path}"
        );
        assert_eq!(feed.entries.len(), entries.len(), "{path}");
        for (item, entry) in feed.entries.iter().zip(&entries) {
            let a = &entry.article;
            let ctx = format!("{path} {}", a.title);
            assert_eq!(
                item.id,
                format!("tag:pressroom.localhost,2024:{}", a.id),
                "{ctx}"
            );
            assert_eq!(item.title.as_ref().unwrap().content, a.title, "{ctx}");
            assert_eq!(
                item.links[0].href,
                format!("http://pressroom.test/articles/{}.html", a.id),
                "{ctx}"
            );
            assert_eq!(
                item.published.map(|d| d.timestamp()),
                Some(entry.published.timestamp()),
                "{ctx}"
            );
            if path != "/feed.xml" {
                assert_eq!(
                    item.updated.map(|d| d.timestamp()),
                    Some(entry.updated.timestamp()),
                    "{ctx}"
                );
            }
            let names: Vec<String> = item.authors.iter().map(|p| p.name.clone()).collect();
            let expected = if a.authors.is_empty() {
                vec!["株洲日报".to_owned()]
            } else {
                a.authors.clone()
            };
            assert_eq!(names.join("、"), expected.join("、"), "{ctx}");
            let html = entry_content(item);
            for block in &a.blocks {
                let text = pressroom::render::escape::escape(block.text());
                assert!(
                    html.contains(&text),
                    "{ctx}: content has {:?}",
                    block.text()
                );
            }
            let summary = item
                .summary
                .as_ref()
                .map(|s| squash(&s.content))
                .unwrap_or_else(|| panic!("{ctx}: a summary"));
            assert!(
                !summary.trim_end_matches('…').is_empty(),
                "{ctx}: summary empty"
            );
            let first = a
                .blocks
                .iter()
                .find(|b| matches!(b, pressroom::article::Block::Paragraph { .. }))
                .unwrap();
            assert!(
                squash(first.text()).starts_with(summary.trim_end_matches('…')),
                "{ctx}: summary"
            );
        }
    }
}

#[test]
fn http_validators_compression_and_limits_on_the_running_daemon() {
    let (home, daemon) = started_with_seed();
    let plain = daemon.get("/feed.xml");
    assert_eq!(
        plain.header("content-type"),
        Some("application/rss+xml; charset=utf-8")
    );
    let etag = plain.header("etag").unwrap().to_owned();
    let modified = plain.header("last-modified").unwrap().to_owned();
    // The seed is dated on arrival, so its 06:00 edition time can lie ahead of the clock:
    // Last-Modified must still not be later than the response itself (RFC 9110 §8.8.2.1).
    let date = httpdate::parse_http_date(plain.header("date").unwrap()).unwrap();
    assert!(
        httpdate::parse_http_date(&modified).unwrap() <= date,
        "{modified} is in the future"
    );
    assert!(plain.header("cache-control").unwrap().contains("max-age="));
    assert_eq!(
        plain.header("vary").map(str::to_lowercase),
        Some("accept-encoding".into())
    );

    assert_eq!(
        daemon
            .request("GET", "/feed.xml", &[("If-None-Match", &etag)])
            .status,
        304
    );
    let ims = daemon.request("GET", "/feed.xml", &[("If-Modified-Since", &modified)]);
    assert_eq!((ims.status, ims.body.len()), (304, 0));
    let head = daemon.request("HEAD", "/feed.xml", &[]);
    assert_eq!(
        (head.status, head.header("content-length")),
        (200, plain.header("content-length"))
    );

    // A new feed is served at once and compressed a moment later: poll for the gzip variant.
    let gz = wait_for(Duration::from_secs(10), "the gzip variant", || {
        let gz = daemon.request("GET", "/feed.xml", &[("Accept-Encoding", "gzip")]);
        (gz.header("content-encoding") == Some("gzip")).then_some(gz)
    });
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(
        unzipped, plain.body,
        "gzip round trip equals the plain body"
    );
    assert_eq!(
        daemon
            .request(
                "GET",
                "/feed.xml",
                &[("If-None-Match", gz.header("etag").unwrap())]
            )
            .status,
        304
    );

    let post = daemon.request("POST", "/feed.xml", &[("Content-Length", "0")]);
    assert_eq!(
        (post.status, post.header("allow")),
        (405, Some("GET, HEAD"))
    );
    assert_eq!(daemon.get("/no-such-thing").status, 404);
    for path in [
        "/../config.toml",
        "/articles/../../config.toml",
        "/%2e%2e/config.toml",
        "/articles/%2e%2e%2fpressroom.db",
    ] {
        let reply = daemon.get(path);
        assert!(
            reply.status == 404 || reply.status == 400,
            "{path}: {}",
            reply.status
        );
    }
    wait_for(
        Duration::from_secs(10),
        "feeds/ to mirror what is served",
        || (std::fs::read(home.path("feeds/feed.xml")).ok()? == plain.body).then_some(()),
    );

    let corrected = String::from_utf8(seed())
        .unwrap()
        .replacen("缩影。", "缩影（更正）。", 1);
    home.drop_file(SEED_NAME, corrected.as_bytes());
    let new_etag = wait_for(Duration::from_secs(10), "a new ETag", || {
        daemon
            .get("/feed.xml")
            .header("etag")
            .filter(|e| *e != etag)
            .map(str::to_owned)
    });
    assert_eq!(
        daemon
            .request("GET", "/feed.xml", &[("If-None-Match", &etag)])
            .status,
        200
    );
    assert_eq!(
        daemon
            .request("GET", "/feed.xml", &[("If-None-Match", &new_etag)])
            .status,
        304
    );
}
