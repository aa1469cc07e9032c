//! The bad-input catalogue (issue 5): every kind of odd delivery, each against the real
//! daemon, each with its outcome asserted: where the file ends up, why, and what the store
//! and the served feeds hold afterwards.
//!
//! Nothing here depends on how well the splitter splits: the expected articles are whatever
//! `pressroom::edition` makes of the same bytes under the same name.

mod common;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

use common::{expected_ids, expected_split, feed_ids, seed, wait_for, Daemon, Home};

/// The seed page under a dated name (undated names would take today's date).
const PAGE: &str = "2024-11-09_01.txt";

/// A home with a small size limit, so "too large" costs a megabyte, not fifty.
fn home() -> Home {
    Home::roomy(|c| c.replace("max_file_bytes = 52428800", "max_file_bytes = 1000000"))
}

/// Delivers a file nobody should take, then `sentinel.txt`, and waits for the sentinel:
/// the worker has passed over the inbox at least once since the first delivery.
fn pass_over(home: &Home) {
    let name = format!("2001-01-01_p{:02}.txt", rand_page());
    home.drop_file(&name, b"\xef\xbb\xbf");
    home.wait_failed(&name);
}

/// A page number for sentinel files that no other test file uses.
fn rand_page() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
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

/// The inbox folder, created if the daemon has not got to it yet.
fn inbox(home: &Home) -> std::path::PathBuf {
    let dir = home.path("inbox");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn assert_refused(bytes: &[u8], expect_in_reason: &[&str]) {
    let home = home();
    let daemon = home.start();
    let name = "2024-11-09_07.txt";
    home.drop_file(name, bytes);
    let reason = home.wait_failed(name);
    assert!(
        expect_in_reason.iter().any(|w| reason.contains(w)),
        "reason {reason:?} says one of {expect_in_reason:?}"
    );
    assert_eq!(
        std::fs::read(home.path("failed").join(name)).unwrap(),
        bytes,
        "the original bytes are kept beside the reason"
    );
    assert!(home.store_ids().is_empty());
    wait_for(Duration::from_secs(10), "one log line saying so", || {
        home.log().contains("refused").then_some(())
    });
    assert_eq!(
        daemon.get("/healthz").status,
        200,
        "and the daemon serves on"
    );
}

#[test]
fn empty_file_is_refused() {
    assert_refused(b"", &["empty"]);
}

#[test]
fn whitespace_only_file_is_refused_as_empty() {
    assert_refused(b" \r\n\t\n", &["empty"]);
}

#[test]
fn binary_file_is_refused() {
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_refused(&binary, &["binary", "not valid"]);
}

#[test]
fn undecodable_text_is_refused() {
    // Invalid UTF-8, and 0xFF is not a lead byte in GB18030 either.
    let mut bytes = "一段看似正常的文字\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe\xff broken \xff\xff\n");
    bytes.extend_from_slice("接着又是文字。\n".as_bytes());
    assert!(pressroom::edition::decode(&bytes).is_err());
    assert_refused(&bytes, &["not valid", "binary"]);
}

#[test]
fn nul_laden_text_is_refused_as_binary() {
    let text = String::from_utf8(seed()).unwrap();
    let nul_laden: Vec<u8> = text
        .lines()
        .flat_map(|l| l.bytes().chain(*b"\0\0\0\n"))
        .collect();
    assert_refused(&nul_laden, &["binary"]);
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let big = "超长".repeat(1_000_000 / 6 + 1).into_bytes();
    assert!(big.len() > 1_000_000);
    assert_refused(&big, &["over the limit of 1000000 bytes"]);
}

#[test]
fn page_without_articles_is_refused() {
    // Candidates from plainest to oddest; the first the splitter finds nothing in is used,
    // so the case survives a better splitter.
    let candidates = [
        "这是一段很长很长的没有标题的正文内容，它只是页面上的一句话而已。\n".repeat(3),
        "。\n，\n、\n".to_owned(),
        "\u{c}\u{c}\u{c}\n".to_owned(),
    ];
    let bytes = candidates
        .iter()
        .map(|c| c.as_bytes())
        .find(|b| pressroom::edition::decode(b).is_ok() && expected_split(PAGE, b).is_none())
        .expect("some text in which the splitter finds no article");
    assert_refused(bytes, &["no articles found"]);
}

#[test]
fn a_100_mb_file_is_refused_without_being_read() {
    let home = Home::roomy(|c| c); // the default limit, 50 MiB
    let daemon = home.start();
    let name = "2024-11-09_08.txt";
    let tmp = inbox(&home).join(".big.part");
    let f = std::fs::File::create(&tmp).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: instant, and no disk used
    drop(f);
    std::fs::rename(&tmp, home.path("inbox").join(name)).unwrap();
    let reason = home.wait_failed(name);
    assert!(
        reason.contains("104857600 bytes, over the limit"),
        "{reason}"
    );
    let peak_kb = peak_rss_kb(daemon.pid());
    assert!(
        peak_kb < 60 * 1024,
        "the daemon never held the file in memory (peak RSS {peak_kb} kB)"
    );
    assert_eq!(
        std::fs::metadata(home.path("failed").join(name))
            .unwrap()
            .len(),
        100 * 1024 * 1024,
        "kept whole in failed/"
    );
}

fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status")
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
    assert!(
        home.store_ids() == want,
        "the store holds exactly the expected articles"
    );
    assert!(feed_ids(&daemon, "/feed.json") == ids, "the same items");
    assert_eq!(etag(&daemon), before, "nothing to republish");
    assert!(home.list("failed").is_empty());
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
fn a_folder_named_like_a_page_is_left_alone() {
    let home = home();
    let _daemon = home.start();
    let dir = inbox(&home).join("x.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("inside.txt"), seed()).unwrap();
    pass_over(&home);
    assert!(
        dir.join("inside.txt").exists(),
        "not recursed into, not moved"
    );
    assert!(!home.list("failed").iter().any(|n| n.starts_with("x.txt")));
    assert!(home.store_ids().is_empty());
}

#[test]
fn a_symlink_is_refused_and_never_followed() {
    let home = home();
    let _daemon = home.start();
    let outside = home.path("outside.txt");
    std::fs::write(&outside, seed()).unwrap();
    let link = inbox(&home).join(".link.tmp");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    std::fs::rename(&link, home.path("inbox").join(PAGE)).unwrap();
    let reason = home.wait_failed(PAGE);
    assert!(reason.contains("symbolic link"), "{reason}");
    let moved = std::fs::symlink_metadata(home.path("failed").join(PAGE)).unwrap();
    assert!(moved.file_type().is_symlink(), "the link itself is moved");
    assert_eq!(std::fs::read(&outside).unwrap(), seed(), "target untouched");
    assert!(outside.exists());
    pass_over(&home);
    assert!(home.store_ids().is_empty(), "the target was never read");
}

#[test]
fn a_file_deleted_before_it_is_read_is_forgotten_quietly() {
    let home = Home::roomy(|c| c.replace("settle_ms = 200", "settle_ms = 2000"));
    let _daemon = home.start();
    // Written in place: the daemon sees the events but waits for it to settle. It is gone
    // by the time it would be read.
    let path = inbox(&home).join("2024-11-09_05.txt");
    std::fs::write(&path, seed()).unwrap();
    std::fs::remove_file(&path).unwrap();
    home.drop_file(PAGE, &seed());
    home.wait_taken(PAGE);
    assert_eq!(home.archived(), ["2024-11-09/2024-11-09_01.txt"]);
    assert!(home.list("failed").is_empty());
    assert!(!home.log().contains("ERROR"), "{}", home.log());
}

#[test]
fn a_file_written_in_place_is_taken_only_when_complete() {
    let home = Home::roomy(|c| c.replace("settle_ms = 200", "settle_ms = 1500"));
    let _daemon = home.start();
    let path = inbox(&home).join(PAGE);
    let seed = seed();
    let mut f = std::fs::File::create(&path).unwrap();
    for chunk in seed.chunks(seed.len() / 8 + 1) {
        f.write_all(chunk).unwrap();
        f.flush().unwrap();
        // A slow writer: well inside the settle time between writes.
        std::thread::sleep(Duration::from_millis(100));
        assert!(path.exists(), "not taken while still being written");
    }
    drop(f);
    home.wait_taken(PAGE);
    let archived = home.path("archive/2024-11-09").join(PAGE);
    assert_eq!(std::fs::read(archived).unwrap(), seed, "all of it archived");
    wait_for(Duration::from_secs(10), "the whole page stored", || {
        (home.store_ids() == expected_ids(PAGE, &seed)).then_some(())
    });
}

#[test]
fn a_non_utf8_file_name_is_taken_and_archived_under_its_own_bytes() {
    let home = home();
    let _daemon = home.start();
    let raw = OsStr::from_bytes(b"2024-11-09_\xff\xfe_01.txt");
    let lossy = raw.to_string_lossy().into_owned();
    let tmp = inbox(&home).join(".raw.tmp");
    std::fs::write(&tmp, seed()).unwrap();
    std::fs::rename(&tmp, home.path("inbox").join(raw)).unwrap();
    wait_for(Duration::from_secs(20), "the file to be archived", || {
        home.path("archive/2024-11-09")
            .join(raw)
            .exists()
            .then_some(())
    });
    wait_for(Duration::from_secs(10), "its articles stored", || {
        (home.store_ids() == expected_ids(&lossy, &seed())).then_some(())
    });
    wait_for(Duration::from_secs(10), "one log line naming it", || {
        home.log()
            .contains("2024-11-09_\u{FFFD}\u{FFFD}_01.txt")
            .then_some(())
    });
}

#[test]
fn markup_in_the_text_is_escaped_exactly_once_everywhere() {
    let page = "标题<script>&amp;]]>\n\
        正文里有 ]]> 和 <script>alert(1)</script> 以及 &amp; 这些字符，每种输出都要原样显示。\n\
        第二篇 & <b>\n\
        这一篇的正文也很长，里面有 a < b && c > d 这样的比较式，同样必须原样显示才对。\n";
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
            let html = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .unwrap_or_default();
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
fn a_thousand_small_files_dropped_at_once_all_end_somewhere() {
    let home = home();
    let daemon = home.start();
    let mut want = BTreeSet::new();
    let mut bad = BTreeSet::new();
    let mut names = Vec::new();
    for i in 0..1000u32 {
        // 100 dates × 10 pages: every file is its own edition page.
        let name = format!(
            "2023-{:02}-{:02}_{:02}.txt",
            1 + i / 280,
            1 + (i / 10) % 28,
            1 + i % 10
        );
        let bytes = if i % 100 == 99 {
            bad.insert(name.clone());
            Vec::new()
        } else {
            format!("第{i}篇短讯\n这是第{i}篇短讯的正文，内容足够长，不会被当成标题来处理。\n")
                .into_bytes()
        };
        want.extend(expected_ids(&name, &bytes));
        names.push((name, bytes));
    }
    // Staged under hidden names first, then renamed in as fast as possible.
    for (name, bytes) in &names {
        std::fs::write(inbox(&home).join(format!(".{name}.part")), bytes).unwrap();
    }
    for (name, _) in &names {
        let inbox = home.path("inbox");
        std::fs::rename(inbox.join(format!(".{name}.part")), inbox.join(name)).unwrap();
    }
    wait_for(Duration::from_secs(120), "the inbox to empty", || {
        home.list("inbox").is_empty().then_some(())
    });
    let archived: BTreeSet<String> = home
        .archived()
        .into_iter()
        .map(|p| p.rsplit('/').next().unwrap().to_owned())
        .collect();
    let failed: BTreeSet<String> = home
        .list("failed")
        .into_iter()
        .filter(|n| !n.ends_with(".error"))
        .collect();
    assert_eq!(failed, bad);
    assert_eq!(archived.len() + failed.len(), 1000);
    assert_eq!(home.archived().len(), 990, "each archived once");
    assert!(
        home.store_ids() == want,
        "the store holds exactly the expected articles"
    );
    wait_for(
        Duration::from_secs(10),
        "the feed to list everything",
        || (feed_ids(&daemon, "/feed.json").len() == want.len()).then_some(()),
    );
}

#[test]
fn hidden_temporary_and_editor_files_wait_until_renamed() {
    let home = home();
    let _daemon = home.start();
    let names = [
        ".2024-11-09_01.txt",
        "2024-11-09_02.txt.tmp",
        "2024-11-09_03.txt.part",
        "2024-11-09_04.txt~",
        ".2024-11-09_05.txt.swp",
        "2024-11-09_06.pdf",
    ];
    // Distinct bytes per file: identical bytes would be recognised as one delivery.
    let bytes = |i: usize| [seed(), format!("\n第{i}次投递\n").into_bytes()].concat();
    for (i, name) in names.iter().enumerate() {
        std::fs::write(inbox(&home).join(name), bytes(i)).unwrap();
    }
    pass_over(&home);
    // Not synchronisation: the files must also be older than the settle time, so that
    // only their names can be what keeps them waiting.
    std::thread::sleep(Duration::from_millis(400));
    pass_over(&home);
    let inbox: BTreeSet<String> = home.list("inbox").into_iter().collect();
    assert_eq!(
        inbox,
        names.iter().map(|n| n.to_string()).collect(),
        "all left alone"
    );
    assert!(home.store_ids().is_empty());
    let mut want = BTreeSet::new();
    for (i, name) in names.iter().enumerate().take(5) {
        let real = format!("2024-11-09_0{}.txt", i + 1);
        std::fs::rename(
            home.path("inbox").join(name),
            home.path("inbox").join(&real),
        )
        .unwrap();
        want.extend(expected_ids(&real, &bytes(i)));
    }
    wait_for(
        Duration::from_secs(20),
        "the renamed files to be stored",
        || (home.store_ids() == want).then_some(()),
    );
    assert_eq!(home.list("inbox"), ["2024-11-09_06.pdf"]);
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
    wait_for(Duration::from_secs(10), "both re-drops logged", || {
        (home.log().matches("already ingested").count() == 2).then_some(())
    });
}

#[test]
fn a_corrected_page_replaces_the_old_one() {
    let first = "第一篇标题\n第一篇的正文在这里，写得很长很长，足以成为一个段落而不是标题。\n\
        第二篇标题\n第二篇的正文也在这里，同样写得足够长，确保它是段落而不是标题。\n\
        第三篇标题\n第三篇会在更正版中被撤下，它的正文同样写得足够长足够长才行。\n";
    let corrected = "第一篇标题\n第一篇的正文经过更正，改了几个字，依然写得很长，足以成为段落。\n\
        第二篇标题\n第二篇的正文也在这里，同样写得足够长，确保它是段落而不是标题。\n";
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
