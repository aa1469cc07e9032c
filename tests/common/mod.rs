//! Test harness: runs the real `pressroom` binary on a temp dir and `127.0.0.1:0`, drops
//! files into its inbox the recommended way, and speaks plain HTTP/1.1 to it.
#![allow(dead_code)] // each test file uses a different part of the harness

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SEED_NAME: &str = "000_916fa60bd68d5306.txt";

/// The seed page's bytes.
pub fn seed() -> Vec<u8> {
    std::fs::read(fixture("pages/000_916fa60bd68d5306.txt")).unwrap()
}

/// A title without whitespace: the expected split compares titles that way, since where a
/// two-line Chinese headline gets a space (`四县市9大项目 接受“集中检阅”`) is a matter of display.
/// `config` with its line `from` made `to`; fails when the line is not there, so a test
/// never runs on a setting it did not get.
pub fn set(config: String, from: &str, to: &str) -> String {
    assert!(config.contains(from), "config.toml no longer has {from:?}");
    config.replace(from, to)
}

pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The seed page's expected titles, in page order, without whitespace ([`squash`]).
pub fn seed_titles() -> Vec<String> {
    let text =
        std::fs::read_to_string(fixture("pages/000_916fa60bd68d5306.expected.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| squash(a["title"].as_str().unwrap()))
        .collect()
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Polls `f` until it returns `Some`, or panics with `what` after `timeout`.
pub fn wait_for<T>(timeout: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A pressroom home: config, inbox, archive, failed, feeds and database in one temp dir.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home::with_config(|c| c)
    }

    /// A home whose config text is passed through `edit` first.
    pub fn with_config(edit: impl FnOnce(String) -> String) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let repo_config =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml"))
                .unwrap();
        let config = set(
            repo_config,
            "listen = \"127.0.0.1:8080\"",
            "listen = \"127.0.0.1:0\"",
        );
        let config = set(
            config,
            "base_url = \"http://127.0.0.1:8080\"",
            "base_url = \"http://pressroom.test\"",
        );
        let config = set(config, "settle_ms = 500", "settle_ms = 200");
        std::fs::write(dir.path().join("config.toml"), edit(config)).unwrap();
        Home { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn config(&self) -> PathBuf {
        self.path("config.toml")
    }

    /// Delivers a file the documented way: written under a hidden temp name, then renamed in.
    pub fn drop_file(&self, name: &str, bytes: &[u8]) {
        let inbox = self.path("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let tmp = inbox.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes).unwrap();
        std::fs::rename(&tmp, inbox.join(name)).unwrap();
    }

    /// Names of the files in a folder of the home, sorted.
    pub fn list(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(rel))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Every file under `archive/`, as `DATE/NAME`.
    pub fn archived(&self) -> Vec<String> {
        let mut out = vec![];
        for date in self.list("archive") {
            for name in self.list(&format!("archive/{date}")) {
                out.push(format!("{date}/{name}"));
            }
        }
        out
    }

    /// Runs `pressroom ARGS --config HOME/config.toml` to completion.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(args)
            .arg("--config")
            .arg(self.config())
            .env("RUST_LOG", "pressroom=debug")
            .output()
            .unwrap()
    }

    /// Writes `bytes` as `name` in the home (outside the inbox) and runs `pressroom ingest` on
    /// it, which must succeed; returns the written file's path.
    pub fn ingest(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let page = self.path(name);
        std::fs::write(&page, bytes).unwrap();
        let out = self.run(&["ingest", page.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        page
    }

    /// Starts `pressroom serve` on this home and waits until it listens.
    pub fn start(&self) -> Daemon {
        let mut serve = Command::new(env!("CARGO_BIN_EXE_pressroom"));
        serve.arg("serve").arg("--config").arg(self.config());
        self.start_with(serve)
    }

    /// Runs `serve`, a command that starts the daemon on this home (however it is wrapped),
    /// logging to `daemon.log`, and waits until it prints the address it listens on.
    pub fn start_with(&self, mut serve: Command) -> Daemon {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.path("daemon.log"))
            .unwrap();
        let mut child = serve
            .env("RUST_LOG", "pressroom=debug")
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("pressroom listening on http://")
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {line:?}; log:\n{}", self.log()));
        Daemon { child, addr }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.path("daemon.log")).unwrap_or_default()
    }
}

/// A running `pressroom serve`.
pub struct Daemon {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Daemon {
    pub fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path, &[])
    }

    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
        request(self.addr, method, path, headers)
    }

    /// Sends a signal (by name, `TERM`, `HUP`…) to the daemon.
    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// SIGTERM, then waits (with a deadline) for a clean exit; returns the exit code.
    pub fn stop(mut self) -> i32 {
        self.signal("TERM");
        let status = wait_for(Duration::from_secs(15), "daemon to exit", || {
            self.child.try_wait().unwrap()
        });
        status.code().unwrap_or(-1)
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("utf-8 body")
    }
}

/// One HTTP/1.1 request on a fresh connection (`Connection: close`), read to the end.
pub fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    parse_reply(&raw, method == "HEAD")
}

fn parse_reply(raw: &[u8], head_only: bool) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("complete response head");
    let head = std::str::from_utf8(&raw[..split]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let body = if head_only {
        Vec::new()
    } else {
        raw[split + 4..].to_vec()
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// Parses a feed body with feed-rs (the independent parser of all three formats).
pub fn parse_feed(body: &[u8]) -> Option<feed_rs::model::Feed> {
    feed_rs::parser::parse(body).ok()
}

// ---- Additions for the robustness tests (inbox catalogue, fault injection, lifecycle) ----

/// The publication every test config names (`site.publication` in the repository's config).
pub const PUBLICATION: &str = "株洲日报";

impl Home {
    /// A home whose feeds hold up to 10,000 items, so a feed lists everything stored.
    pub fn roomy(edit: impl FnOnce(String) -> String) -> Home {
        Home::with_config(|c| edit(set(c, "items = 100", "items = 10000")))
    }

    /// Every article id in the store, read through a read-only connection (the daemon may run).
    pub fn store_ids(&self) -> std::collections::BTreeSet<String> {
        let path = self.path("pressroom.db");
        if !path.exists() {
            return Default::default();
        }
        let conn = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        conn.busy_timeout(Duration::from_secs(10)).unwrap();
        let mut stmt = conn.prepare("SELECT id FROM articles").unwrap();
        let ids = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        ids
    }

    /// Waits until `name` has left the inbox (taken, refused or ignored for good elsewhere).
    pub fn wait_taken(&self, name: &str) {
        wait_for(
            Duration::from_secs(20),
            &format!("{name} to leave the inbox"),
            || (!self.path("inbox").join(name).exists()).then_some(()),
        );
    }

    /// Waits until `failed/NAME.error` exists and returns the reason it gives.
    /// Delivers a file that is refused at once and waits for it in `failed/`: the worker has
    /// finished (and published) the passes that took anything delivered before. Returns the
    /// sentinel's name.
    pub fn pass_over(&self) -> String {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let name = format!(
            "2001-01-01_p{:02}.txt",
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        self.drop_file(&name, b"\xef\xbb\xbf");
        self.wait_failed(&name);
        name
    }

    pub fn wait_failed(&self, name: &str) -> String {
        let error = self.path("failed").join(format!("{name}.error"));
        wait_for(
            Duration::from_secs(20),
            &format!("failed/{name}.error"),
            || {
                let moved = std::fs::symlink_metadata(self.path("failed").join(name)).is_ok();
                std::fs::read_to_string(&error).ok().filter(|_| moved)
            },
        )
    }
}

impl Daemon {
    /// The daemon's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// How pressroom splits `bytes` delivered as `name`: the daemon's own decode, metadata and
/// split, so tests compare with the splitter whatever its quality. `None` when refused.
pub fn expected_split(name: &str, bytes: &[u8]) -> Option<pressroom::edition::Split> {
    let text = pressroom::edition::decode(bytes).ok()?;
    let meta = pressroom::edition::from_file_name(name, PUBLICATION);
    assert!(meta.date.is_some(), "test files carry a date: {name}");
    let split = pressroom::edition::split(&text, &meta);
    (!split.articles.is_empty()).then_some(split)
}

/// The article ids `bytes` delivered as `name` should leave in the store.
pub fn expected_ids(name: &str, bytes: &[u8]) -> std::collections::BTreeSet<String> {
    expected_split(name, bytes)
        .map(|s| s.articles.into_iter().map(|a| a.id).collect())
        .unwrap_or_default()
}

/// The store id inside a feed item id (`tag:AUTHORITY:ID`).
pub fn store_id(feed_id: &str) -> String {
    feed_id.rsplit(':').next().unwrap_or(feed_id).to_owned()
}

/// The store ids of a served feed's items, in feed order.
pub fn feed_ids(daemon: &Daemon, path: &str) -> Vec<String> {
    let reply = daemon.get(path);
    assert_eq!(reply.status, 200, "{path}");
    let feed = parse_feed(&reply.body).unwrap_or_else(|| panic!("{path} parses"));
    feed.entries.iter().map(|e| store_id(&e.id)).collect()
}

/// The seed page under a dated name (an undated name would take today's date, and its ids too).
pub const DATED_PAGE: &str = "2024-11-09_01.txt";

impl Home {
    /// A roomy home with a 1 MB size limit, so "too large" costs a megabyte, not fifty.
    pub fn small_limit() -> Home {
        Home::roomy(|c| set(c, "max_file_bytes = 52428800", "max_file_bytes = 1000000"))
    }
}

/// An entry's title text as feed-rs read it ("" when it has none).
pub fn entry_title(e: &feed_rs::model::Entry) -> String {
    e.title
        .as_ref()
        .map(|t| t.content.clone())
        .unwrap_or_default()
}

/// An entry's content body as feed-rs read it ("" when it has none).
pub fn entry_content(e: &feed_rs::model::Entry) -> String {
    e.content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap_or_default()
}
