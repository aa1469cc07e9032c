//! The bad-input catalogue (issue 5), part one: odd files and odd inbox entries, each
//! against the real daemon, each with its outcome asserted: where the file ends up, why, and
//! what the store holds afterwards. Part two, `inbox_content.rs`, covers encodings, markup,
//! re-deliveries and corrections.
//!
//! Nothing here depends on how well the splitter splits: the expected articles are whatever
//! `pressroom::edition` makes of the same bytes under the same name.

mod common;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

use common::{
    expected_ids, expected_split, feed_ids, seed, set, wait_for, Home, DATED_PAGE as PAGE,
};

fn home() -> Home {
    Home::small_limit()
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
    // Only page furniture: a date line, a page number, an editor credit, a QR label.
    let furniture = "2024年11月9日 星期六\n\n第 3 版\n\n本版责编：王五  美编：李四\n\n扫码观看\n";
    let bytes = furniture.as_bytes();
    assert!(pressroom::edition::decode(bytes).is_ok() && expected_split(PAGE, bytes).is_none());
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

#[test]
fn a_folder_named_like_a_page_is_left_alone() {
    let home = home();
    let _daemon = home.start();
    let dir = inbox(&home).join("x.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("inside.txt"), seed()).unwrap();
    home.pass_over();
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
    home.pass_over();
    assert!(home.store_ids().is_empty(), "the target was never read");
}

#[test]
fn a_file_deleted_before_it_is_read_is_forgotten_quietly() {
    let home = Home::roomy(|c| set(c, "settle_ms = 200", "settle_ms = 2000"));
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
    let home = Home::roomy(|c| set(c, "settle_ms = 200", "settle_ms = 1500"));
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
    home.pass_over();
    // Not synchronisation: the files must also be older than the settle time, so that
    // only their names can be what keeps them waiting.
    std::thread::sleep(Duration::from_millis(400));
    home.pass_over();
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
