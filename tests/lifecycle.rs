//! The daemon's life: stopping (SIGTERM/SIGINT finish the file in hand and exit 0 quickly),
//! reloading (SIGHUP), surviving an unwritable `feeds/`, and speaking the systemd notify
//! protocol (READY after the first publish, STOPPING, WATCHDOG pings).

mod common;

use std::collections::BTreeSet;
use std::os::unix::net::UnixDatagram;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{expected_ids, feed_ids, seed, set, wait_for, Daemon, Home};

fn feed_title(daemon: &Daemon) -> String {
    let feed = common::parse_feed(&daemon.get("/feed.xml").body).expect("the RSS feed parses");
    feed.title.map(|t| t.content).unwrap_or_default()
}

/// The seed page made distinct per `i`, so every copy is its own delivery.
fn page(i: usize) -> (String, Vec<u8>) {
    let name = format!("2024-{:02}-{:02}_01.txt", 1 + i / 28, 1 + i % 28);
    let bytes = [format!("第{i}期\n").into_bytes(), seed()].concat();
    (name, bytes)
}

#[test]
fn sigterm_finishes_the_file_in_hand_and_exits_0_quickly() {
    let home = Home::roomy(|c| c);
    let daemon = home.start();
    let pages: Vec<(String, Vec<u8>)> = (0..120).map(page).collect();
    for (name, bytes) in &pages {
        home.drop_file(name, bytes);
    }
    wait_for(Duration::from_secs(30), "the first page archived", || {
        (!home.archived().is_empty()).then_some(())
    });
    let asked = Instant::now();
    let code = daemon.stop();
    let took = asked.elapsed();
    assert_eq!(code, 0, "log:\n{}", home.log());
    assert!(took < Duration::from_secs(5), "stopped in {took:?}");
    assert!(home.log().contains("SIGTERM: finishing the file in hand"));

    // Nothing half done: each file is either archived with all its articles stored, or
    // still in the inbox, untouched, with none of them stored.
    let archived: BTreeSet<String> = home
        .archived()
        .iter()
        .map(|p| p.rsplit('/').next().unwrap().to_owned())
        .collect();
    let waiting: BTreeSet<String> = home.list("inbox").into_iter().collect();
    assert!(!waiting.is_empty(), "it stopped taking new files");
    let mut want = BTreeSet::new();
    for (name, bytes) in &pages {
        assert!(
            archived.contains(name) != waiting.contains(name),
            "{name} in one place"
        );
        if archived.contains(name) {
            want.extend(expected_ids(name, bytes));
        } else {
            assert_eq!(
                &std::fs::read(home.path("inbox").join(name)).unwrap(),
                bytes
            );
        }
    }
    assert!(
        home.store_ids() == want,
        "the store holds the archived files, all of them"
    );
    println!(
        "stopped in {:.0} ms with {} of {} files taken",
        took.as_secs_f64() * 1000.0,
        archived.len(),
        pages.len()
    );
}

#[test]
fn sigint_stops_cleanly_too() {
    let home = Home::new();
    let daemon = home.start();
    assert_eq!(daemon.get("/healthz").status, 200);
    daemon.signal("INT");
    let mut daemon = daemon;
    let status = wait_for(Duration::from_secs(5), "the daemon to exit", || {
        daemon.child.try_wait().unwrap()
    });
    assert_eq!(status.code(), Some(0));
    assert!(home.log().contains("SIGINT"));
}

#[test]
fn sighup_reloads_a_valid_config_and_keeps_the_old_one_otherwise() {
    let home = Home::new();
    let daemon = home.start();
    let old_title = feed_title(&daemon);
    let config = std::fs::read_to_string(home.config()).unwrap();
    let renamed = set(
        config,
        &format!("title = \"{old_title}\""),
        "title = \"晚报 · 新名字\"",
    );
    std::fs::write(home.config(), &renamed).unwrap();
    daemon.signal("HUP");
    wait_for(Duration::from_secs(10), "the new title in the feed", || {
        (feed_title(&daemon) == "晚报 · 新名字").then_some(())
    });

    std::fs::write(
        home.config(),
        set(renamed.clone(), "items = 100", "items = -1"),
    )
    .unwrap();
    daemon.signal("HUP");
    wait_for(Duration::from_secs(10), "the log to say why", || {
        let log = home.log();
        (log.contains("keeping the running config") && log.contains("feeds.items")).then_some(())
    });
    assert_eq!(
        feed_title(&daemon),
        "晚报 · 新名字",
        "the running config kept"
    );
    home.drop_file("2024-11-09_01.txt", &seed());
    let want = expected_ids("2024-11-09_01.txt", &seed());
    wait_for(Duration::from_secs(20), "it keeps ingesting", || {
        (home.store_ids() == want).then_some(())
    });
    assert_eq!(daemon.stop(), 0);
}

#[test]
fn an_unwritable_feeds_folder_is_retried_while_the_feeds_stay_served() {
    let home = Home::roomy(|c| c);
    let daemon = home.start();
    let (first, bytes) = page(0);
    home.drop_file(&first, &bytes);
    let served = wait_for(Duration::from_secs(20), "the first page on disk", || {
        let served = daemon.get("/feed.xml").body;
        (std::fs::read(home.path("feeds/feed.xml")).ok()? == served
            && !feed_ids(&daemon, "/feed.xml").is_empty())
        .then_some(served)
    });
    // feeds/ becomes a plain file: every write fails, as on a full or read-only disk (and
    // unlike permissions, this fails for root too).
    std::fs::rename(home.path("feeds"), home.path("feeds.away")).unwrap();
    std::fs::write(home.path("feeds"), b"not a folder").unwrap();
    let (second, bytes2) = page(1);
    home.drop_file(&second, &bytes2);
    let want: BTreeSet<String> = expected_ids(&first, &bytes)
        .into_iter()
        .chain(expected_ids(&second, &bytes2))
        .collect();
    wait_for(
        Duration::from_secs(20),
        "the new page served from memory",
        || {
            let served: BTreeSet<String> = feed_ids(&daemon, "/feed.json").into_iter().collect();
            (served == want).then_some(())
        },
    );
    wait_for(Duration::from_secs(10), "the failure logged", || {
        home.log()
            .contains("cannot write published file, will retry")
            .then_some(())
    });
    assert_ne!(
        daemon.get("/feed.xml").body,
        served,
        "the newer feed is served"
    );
    assert_eq!(daemon.get("/healthz").status, 200);

    // The disk is fixed: the plain file goes. The daemon's retry makes feeds/ anew and
    // writes every file into it. (Moving the old folder back raced with that retry: the
    // retry could make feeds/ between the removal and the move, and the move then failed.)
    std::fs::remove_file(home.path("feeds")).unwrap();
    let now_served = daemon.get("/feed.xml").body;
    wait_for(
        Duration::from_secs(20),
        "the retry to write the feeds",
        || (std::fs::read(home.path("feeds/feed.xml")).ok()? == now_served).then_some(()),
    );
    assert_eq!(daemon.stop(), 0);
}

#[test]
fn systemd_hears_ready_after_the_first_publish_then_watchdog_and_stopping() {
    let home = Home::new();
    std::fs::create_dir_all(home.path("run")).unwrap();
    let socket_path = home.path("run/notify.sock");
    let socket = UnixDatagram::bind(&socket_path).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // `exec` keeps the shell's pid, so WATCHDOG_PID can name the daemon as systemd would.
    let mut serve = Command::new("sh");
    serve
        .arg("-c")
        .arg("WATCHDOG_PID=$$ exec \"$0\" serve --config \"$1\"")
        .arg(env!("CARGO_BIN_EXE_pressroom"))
        .arg(home.config())
        .env("NOTIFY_SOCKET", &socket_path)
        .env("WATCHDOG_USEC", "400000");
    let daemon = home.start_with(serve);
    let mut messages = Vec::new();
    let recv = || {
        let mut buf = [0u8; 512];
        let n = socket.recv(&mut buf).expect("a notification in time");
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    messages.push(recv());
    assert!(messages[0].contains("READY=1"), "{messages:?}");
    assert!(
        home.path("feeds/feed.xml").exists(),
        "READY comes after the first publish"
    );
    let watchdog = recv();
    assert!(watchdog.contains("WATCHDOG=1"), "{watchdog}");
    assert_eq!(daemon.get("/healthz").status, 200);
    daemon.signal("TERM");
    let stopping = (0..10).map(|_| recv()).find(|m| m.contains("STOPPING=1"));
    assert!(stopping.is_some(), "STOPPING sent on SIGTERM");
    let mut daemon = daemon;
    let status = wait_for(Duration::from_secs(5), "the daemon to exit", || {
        daemon.child.try_wait().unwrap()
    });
    assert_eq!(status.code(), Some(0));
}

/// CPU time (user + system) the process has used, in clock ticks, from /proc.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn an_idle_daemon_sleeps_instead_of_rescanning_in_a_loop() {
    let home = Home::new();
    let daemon = home.start();
    home.drop_file("2024-11-09_01.txt", &seed());
    wait_for(Duration::from_secs(10), "the page served", || {
        (feed_ids(&daemon, "/feed.json").len() == 7).then_some(())
    });
    let before = cpu_ticks(daemon.child.id());
    // A measurement window, not a synchronisation: an idle daemon must use (almost) no CPU.
    // Its own scans of the inbox must not wake it again (they did once, 1 core at 100%).
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(daemon.child.id()) - before;
    assert!(used < 40, "idle for 2 s but used {used} ticks of CPU");
}
