//! The real HTTP server on `127.0.0.1:0`, driven over raw TCP so every byte of the request
//! is under the test's control: validators and 304s, HEAD, negotiation, methods, traversal,
//! the on-disk fallback, slow clients, snapshot swaps and graceful shutdown.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pressroom::server::{content_type_for, run, Published, Resource, ServerOptions, Snapshot};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Upper bound for anything a test waits on.
const DEADLINE: Duration = Duration::from_secs(5);

fn feed_body(marker: &str) -> String {
    let items: String = (0..40)
        .map(|i| {
            format!("<item><title>{marker} article {i}</title><guid>tag:x,{i}</guid></item>\n")
        })
        .collect();
    format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>{items}</channel></rss>\n")
}

fn modified() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_731_139_200) // 2024-11-09T08:00:00Z
}

fn snapshot(marker: &str) -> Snapshot {
    let mut s = Snapshot::default();
    for path in ["/feed.xml", "/atom.xml", "/feed.json", "/"] {
        let body = feed_body(&format!("{marker} {path}"));
        s.insert(
            path,
            Resource::new(content_type_for(path), body, modified()),
        );
    }
    s.insert(
        "/articles/a1.html",
        Resource::new("text/html; charset=utf-8", "<p>tiny</p>", modified()),
    );
    s
}

struct TestServer {
    addr: SocketAddr,
    published: Arc<Published>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl TestServer {
    async fn start(options: ServerOptions) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let published = Arc::new(Published::new(snapshot("v1")));
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = async move {
            let _ = stopped.await;
        };
        let task = tokio::spawn(run(listener, Arc::clone(&published), options, shutdown));
        TestServer {
            addr,
            published,
            stop: Some(stop),
            task,
        }
    }

    async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        self.request("GET", path, headers).await
    }

    async fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut conn = Conn::open(self.addr).await;
        conn.send(method, path, headers).await;
        conn.read_reply(method == "HEAD").await
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let result = tokio::time::timeout(DEADLINE, self.task)
            .await
            .expect("run() must return after shutdown");
        result.expect("server task").expect("run() result");
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One keep-alive HTTP/1.1 connection speaking raw bytes.
struct Conn {
    stream: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect(addr).await.expect("connect");
        Conn {
            stream: BufReader::new(stream),
        }
    }

    async fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)]) {
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: test\r\n");
        for (name, value) in headers {
            req.push_str(&format!("{name}: {value}\r\n"));
        }
        req.push_str("\r\n");
        self.send_raw(req.as_bytes()).await;
    }

    async fn send_raw(&mut self, bytes: &[u8]) {
        self.stream.get_mut().write_all(bytes).await.expect("write");
    }

    async fn read_reply(&mut self, head: bool) -> Reply {
        tokio::time::timeout(DEADLINE, self.read_reply_inner(head))
            .await
            .expect("reply within deadline")
    }

    async fn read_reply_inner(&mut self, head: bool) -> Reply {
        let mut line = String::new();
        self.stream.read_line(&mut line).await.expect("status line");
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.stream.read_line(&mut line).await.expect("header line");
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (n, v) = l.split_once(':').expect("header colon");
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
        let mut reply = Reply {
            status,
            headers,
            body: Vec::new(),
        };
        let len: usize = reply
            .header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if !head && status != 304 {
            reply.body = vec![0; len];
            self.stream.read_exact(&mut reply.body).await.expect("body");
        }
        reply
    }

    /// Waits until the server closes the connection; true if it did within `within`.
    async fn closed_within(&mut self, within: Duration) -> bool {
        let mut buf = [0u8; 512];
        let wait = async {
            loop {
                match self.stream.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {} // e.g. an error response before closing
                }
            }
        };
        tokio::time::timeout(within, wait).await.is_ok()
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

#[tokio::test]
async fn get_sends_body_and_caching_headers() {
    let server = TestServer::start(ServerOptions::default()).await;
    let r = server.get("/feed.xml", &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), feed_body("v1 /feed.xml"));
    assert_eq!(
        r.header("content-type"),
        Some("application/rss+xml; charset=utf-8")
    );
    assert_eq!(r.header("cache-control"), Some("public, max-age=60"));
    assert_eq!(r.header("vary"), Some("accept-encoding"));
    assert_eq!(
        r.header("last-modified"),
        Some("Sat, 09 Nov 2024 08:00:00 GMT")
    );
    assert_eq!(r.header("content-encoding"), None);
    let etag = r.header("etag").expect("etag");
    assert!(
        etag.len() > 2 && etag.starts_with('"') && etag.ends_with('"'),
        "{etag}"
    );
    let expected = server.published.current();
    assert_eq!(Some(etag), expected.get("/feed.xml").map(|r| r.etag()));

    let root = server.get("/?utm_source=x", &[]).await;
    assert_eq!(root.status, 200, "query strings are ignored");
    assert_eq!(
        root.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let tiny = server.get("/articles/a1.html", &[]).await;
    assert_eq!(tiny.header("vary"), None, "one representation only");
    server.stop().await;
}

#[tokio::test]
async fn if_none_match_answers_304_with_validators() {
    let server = TestServer::start(ServerOptions::default()).await;
    let full = server.get("/feed.xml", &[]).await;
    let etag = full.header("etag").expect("etag").to_owned();
    let list = format!("\"other\", W/\"x\", {etag}");
    let weak = format!("W/{etag}");
    for inm in [etag.as_str(), list.as_str(), weak.as_str(), "*"] {
        let r = server.get("/feed.xml", &[("If-None-Match", inm)]).await;
        assert_eq!(r.status, 304, "If-None-Match: {inm}");
        assert!(r.body.is_empty());
        assert_eq!(r.header("etag"), Some(etag.as_str()));
        assert_eq!(r.header("last-modified"), full.header("last-modified"));
        assert_eq!(r.header("cache-control"), Some("public, max-age=60"));
        assert_eq!(r.header("vary"), Some("accept-encoding"));
    }
    let miss = server
        .get("/feed.xml", &[("If-None-Match", "\"nope\"")])
        .await;
    assert_eq!(miss.status, 200);
    server.stop().await;
}

#[tokio::test]
async fn compressed_variant_tags_differ_and_all_revalidate() {
    let server = TestServer::start(ServerOptions::default()).await;
    let plain = server.get("/feed.xml", &[]).await;
    let gz = server
        .get("/feed.xml", &[("Accept-Encoding", "gzip")])
        .await;
    let (plain_tag, gz_tag) = (
        plain.header("etag").expect("etag"),
        gz.header("etag").expect("etag"),
    );
    assert_ne!(
        plain_tag, gz_tag,
        "RFC 9110 §8.8.3: variants need distinct tags"
    );
    // A cache holding the gzip copy revalidates even when asking for identity, and vice versa.
    let r = server.get("/feed.xml", &[("If-None-Match", gz_tag)]).await;
    assert_eq!(r.status, 304);
    assert_eq!(r.header("etag"), Some(plain_tag));
    let r = server
        .get(
            "/feed.xml",
            &[("If-None-Match", plain_tag), ("Accept-Encoding", "gzip")],
        )
        .await;
    assert_eq!(r.status, 304);
    assert_eq!(r.header("etag"), Some(gz_tag));
    server.stop().await;
}

#[tokio::test]
async fn if_modified_since_and_precedence() {
    let server = TestServer::start(ServerOptions::default()).await;
    let lm = "Sat, 09 Nov 2024 08:00:00 GMT";
    let r = server.get("/feed.xml", &[("If-Modified-Since", lm)]).await;
    assert_eq!(r.status, 304);
    assert!(r.header("etag").is_some());
    let later = server
        .get(
            "/feed.xml",
            &[("If-Modified-Since", "Sun, 10 Nov 2024 08:00:00 GMT")],
        )
        .await;
    assert_eq!(later.status, 304);
    let earlier = server
        .get(
            "/feed.xml",
            &[("If-Modified-Since", "Fri, 08 Nov 2024 08:00:00 GMT")],
        )
        .await;
    assert_eq!(earlier.status, 200);
    let bogus = server
        .get("/feed.xml", &[("If-Modified-Since", "yesterday")])
        .await;
    assert_eq!(bogus.status, 200);
    // RFC 9110 §13.2.2: If-None-Match decides alone when present.
    let r = server
        .get(
            "/feed.xml",
            &[("If-None-Match", "\"stale\""), ("If-Modified-Since", lm)],
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), feed_body("v1 /feed.xml"));
    server.stop().await;
}

#[tokio::test]
async fn head_has_get_headers_without_body() {
    let server = TestServer::start(ServerOptions::default()).await;
    for ae in ["identity", "gzip", "br"] {
        let get = server.get("/atom.xml", &[("Accept-Encoding", ae)]).await;
        // Keep the connection open after HEAD to prove no body bytes follow the head.
        let mut conn = Conn::open(server.addr).await;
        conn.send("HEAD", "/atom.xml", &[("Accept-Encoding", ae)])
            .await;
        let head = conn.read_reply(true).await;
        conn.send("GET", "/healthz", &[]).await;
        let next = conn.read_reply(false).await;
        assert_eq!(
            next.status, 200,
            "bytes after HEAD would corrupt the next reply"
        );
        assert_eq!(head.status, 200);
        assert_eq!(
            head.header("content-length"),
            Some(get.body.len().to_string().as_str())
        );
        for name in [
            "content-type",
            "etag",
            "last-modified",
            "cache-control",
            "vary",
            "content-encoding",
        ] {
            assert_eq!(head.header(name), get.header(name), "{name} for {ae}");
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn gzip_and_brotli_round_trip() {
    let server = TestServer::start(ServerOptions::default()).await;
    let plain = server.get("/feed.json", &[]).await;
    let gz = server
        .get("/feed.json", &[("Accept-Encoding", "gzip")])
        .await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gunzip(&gz.body), plain.body);
    assert!(gz.body.len() < plain.body.len());
    let br = server
        .get("/feed.json", &[("Accept-Encoding", "gzip, deflate, br")])
        .await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(unbrotli(&br.body), plain.body);
    for ae in ["gzip;q=0", "br;q=0, gzip;q=0", "deflate", ""] {
        let r = server.get("/feed.json", &[("Accept-Encoding", ae)]).await;
        assert_eq!(r.header("content-encoding"), None, "Accept-Encoding: {ae}");
        assert_eq!(r.body, plain.body);
    }
    let q = server
        .get("/feed.json", &[("Accept-Encoding", "br;q=0.1, gzip;q=0.9")])
        .await;
    assert_eq!(q.header("content-encoding"), Some("gzip"));
    server.stop().await;
}

#[tokio::test]
async fn other_methods_get_405_with_allow() {
    let server = TestServer::start(ServerOptions::default()).await;
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let r = server
            .request(method, "/feed.xml", &[("Content-Length", "0")])
            .await;
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"));
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_paths_and_health() {
    let server = TestServer::start(ServerOptions::default()).await;
    for path in ["/nope", "/feed.xml/", "/articles/", "/articles/zz.html"] {
        let r = server.get(path, &[]).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.text(), "not found\n");
    }
    let health = server.get("/healthz", &[]).await;
    assert_eq!((health.status, health.text().as_str()), (200, "ok\n"));
    assert_eq!(health.header("cache-control"), Some("no-store"));
    server.stop().await;
}

#[tokio::test]
async fn traversal_never_reaches_outside_the_published_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("articles")).expect("mkdir");
    std::fs::write(dir.path().join("secret.txt"), "SECRET").expect("write");
    let options = ServerOptions {
        fallback_dir: Some(dir.path().to_owned()),
        ..ServerOptions::default()
    };
    let server = TestServer::start(options).await;
    for path in [
        "/../etc/passwd",
        "/%2e%2e/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/articles/..%2f..%2fCargo.toml",
        "/articles/..%2fsecret.txt",
        "/articles/%2e%2e%5csecret.txt",
        "/articles\\..\\x",
        "/articles/../secret.txt",
        "/articles/..html",
        "/secret.txt",
        "//etc/passwd",
        "/articles/%00.html",
    ] {
        let mut conn = Conn::open(server.addr).await;
        conn.send("GET", path, &[]).await;
        let r = conn.read_reply(false).await;
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
        assert!(
            !r.text().contains("SECRET") && !r.text().contains("[package]"),
            "{path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn fallback_serves_on_disk_article_pages_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    let page = "<!doctype html><title>old</title><p>an older article</p>";
    std::fs::write(articles.join("2020-01-01-p01-abc123.html"), page).expect("write");
    std::fs::write(articles.join("notes.txt"), "not a page").expect("write");
    std::fs::write(dir.path().join("feed.xml"), "stale feed on disk").expect("write");
    std::os::unix::fs::symlink(dir.path().join("feed.xml"), articles.join("link.html"))
        .expect("symlink");
    let options = ServerOptions {
        fallback_dir: Some(dir.path().to_owned()),
        ..ServerOptions::default()
    };
    let server = TestServer::start(options).await;
    let r = server
        .get("/articles/2020-01-01-p01-abc123.html", &[])
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), page);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let etag = r.header("etag").expect("etag");
    assert!(r.header("last-modified").is_some());
    let again = server
        .get(
            "/articles/2020-01-01-p01-abc123.html",
            &[("If-None-Match", etag)],
        )
        .await;
    assert_eq!(again.status, 304);
    assert_eq!(server.get("/articles/notes.txt", &[]).await.status, 404);
    assert_eq!(server.get("/articles/missing.html", &[]).await.status, 404);
    let link = server.get("/articles/link.html", &[]).await;
    assert_eq!(
        link.status, 404,
        "symlinks could point anywhere; they are not followed"
    );
    // The snapshot wins over the disk for published paths.
    let feed = server.get("/feed.xml", &[]).await;
    assert_eq!(feed.text(), feed_body("v1 /feed.xml"));
    server.stop().await;
}

/// Options with a header-read timeout short enough to wait out in a test.
fn header_timeout(millis: u64) -> ServerOptions {
    ServerOptions {
        header_read_timeout: Duration::from_millis(millis),
        ..ServerOptions::default()
    }
}

#[tokio::test]
async fn slow_header_client_is_cut_off() {
    let server = TestServer::start(header_timeout(300)).await;
    // Trickles a header byte every 50 ms, never finishing the head.
    let stream = TcpStream::connect(server.addr).await.expect("connect");
    let (mut rd, mut wr) = stream.into_split();
    let trickle = tokio::spawn(async move {
        let _ = wr.write_all(b"GET /feed.xml HTTP/1.1\r\n").await;
        for b in b"X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            .iter()
        {
            if wr.write_all(&[*b]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    let mut buf = [0u8; 256];
    let closed = tokio::time::timeout(Duration::from_secs(3), async {
        loop {
            match rd.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "slow client still connected after 3 s");
    trickle.abort();

    // A connection that sends nothing at all is closed too, and so is an idle keep-alive one.
    let mut silent = Conn::open(server.addr).await;
    assert!(silent.closed_within(Duration::from_secs(3)).await);
    let mut idle = Conn::open(server.addr).await;
    idle.send("GET", "/healthz", &[]).await;
    assert_eq!(idle.read_reply(false).await.status, 200);
    assert!(idle.closed_within(Duration::from_secs(3)).await);
    server.stop().await;
}

#[tokio::test]
async fn keep_alive_connection_lives_on_requests_and_dies_on_a_stalled_head() {
    // Generous next to the 50 ms between requests, so a loaded machine does not fail it.
    let server = TestServer::start(header_timeout(500)).await;
    let mut conn = Conn::open(server.addr).await;
    // A request every 50 ms for four timeouts in all: each head restarts the wait.
    let started = tokio::time::Instant::now();
    let mut last_reply = started;
    while started.elapsed() < Duration::from_millis(2000) {
        tokio::time::sleep(Duration::from_millis(50)).await;
        conn.send("GET", "/feed.xml", &[]).await;
        assert_eq!(conn.read_reply(false).await.status, 200);
        last_reply = tokio::time::Instant::now();
    }
    // Then a head that never ends: the connection is cut off, a timeout
    // after the last complete head (and not before; the cut-off comes within 1.25 timeouts).
    conn.send_raw(b"GET /feed.xml HTTP/1.1\r\nHost: test\r\nX-Slow: a")
        .await;
    assert!(conn.closed_within(Duration::from_secs(3)).await);
    // 625 ms at most in theory; the upper bound leaves room for a loaded machine but still
    // fails a sweeper that waits whole extra timeouts.
    let cut_after = last_reply.elapsed();
    assert!(
        cut_after >= Duration::from_millis(450) && cut_after <= Duration::from_millis(1200),
        "cut off {cut_after:?} after the last complete head, want 450..=1200 ms \
         (1 to 1.25 timeouts of 500 ms, with room for a loaded machine)"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_slow_reader_gets_the_whole_answer_past_the_header_timeout() {
    // Read at ~3 MB/s, the answer takes over five seconds, past the 2.5 s by which a
    // connection that got no head would be cut off; the socket's send buffer (at most
    // 4 MB here) drains in under 1.3 s, so writes never pause for a whole timeout.
    const LEN: usize = 16 << 20;
    let server = TestServer::start(header_timeout(2000)).await;
    let mut big = snapshot("v1");
    let body = vec![b'x'; LEN];
    big.insert(
        "/big.bin",
        Resource::from_parts("application/octet-stream", body, None, None, modified()),
    );
    server.published.publish(big);
    // A small receive window, read a little at a time: the answer takes several timeouts.
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(64 * 1024).expect("buffer size");
    let mut stream = socket.connect(server.addr).await.expect("connect");
    stream
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .expect("write");
    let started = tokio::time::Instant::now();
    let mut received = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match stream.read(&mut buf).await.expect("read") {
            0 => break,
            n => received.extend_from_slice(&buf[..n]),
        }
        if received.len() >= LEN {
            let head_end = received.windows(4).position(|w| w == b"\r\n\r\n");
            if head_end.is_some_and(|h| received.len() - h - 4 >= LEN) {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        started.elapsed() > Duration::from_millis(2500),
        "the read was not slow"
    );
    let head_end = received
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    assert!(received.starts_with(b"HTTP/1.1 200"));
    assert_eq!(received.len() - head_end - 4, LEN, "the whole body arrived");
    server.stop().await;
}

#[tokio::test]
async fn oversized_head_is_refused() {
    let options = ServerOptions {
        max_header_bytes: 8 * 1024,
        ..ServerOptions::default()
    };
    let server = TestServer::start(options).await;
    let big = "a".repeat(20 * 1024);
    let mut conn = Conn::open(server.addr).await;
    conn.send_raw(format!("GET /feed.xml HTTP/1.1\r\nHost: t\r\nX-Big: {big}\r\n\r\n").as_bytes())
        .await;
    let r = conn.read_reply(false).await;
    assert_eq!(r.status, 431);
    server.stop().await;
}

#[tokio::test]
async fn published_snapshot_swap_is_seen_by_the_next_request() {
    let server = TestServer::start(ServerOptions::default()).await;
    let mut conn = Conn::open(server.addr).await;
    conn.send("GET", "/feed.xml", &[]).await;
    let before = conn.read_reply(false).await;
    server.published.publish(snapshot("v2"));
    // Same keep-alive connection: the swap is not tied to new connections.
    conn.send(
        "GET",
        "/feed.xml",
        &[("If-None-Match", before.header("etag").expect("etag"))],
    )
    .await;
    let after = conn.read_reply(false).await;
    assert_eq!(after.status, 200);
    assert_ne!(after.header("etag"), before.header("etag"));
    assert_eq!(after.text(), feed_body("v2 /feed.xml"));
    server.stop().await;
}

#[tokio::test]
async fn run_returns_after_shutdown_with_open_keep_alive_connection() {
    let server = TestServer::start(ServerOptions::default()).await;
    let mut conn = Conn::open(server.addr).await;
    conn.send("GET", "/feed.xml", &[]).await;
    assert_eq!(conn.read_reply(false).await.status, 200);
    let addr = server.addr;
    // `stop` asserts run() resolves within the deadline although the connection is open.
    server.stop().await;
    assert!(
        conn.closed_within(DEADLINE).await,
        "idle connection closed on shutdown"
    );
    assert!(TcpStream::connect(addr).await.is_err(), "listener closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_stay_consistent_while_snapshots_swap() {
    let server = TestServer::start(ServerOptions::default()).await;
    // Built once: publishing clones only Arcs, so the swapper can swap as fast as it likes.
    let snapshots = [snapshot("v1"), snapshot("v2")];
    let versions: Vec<(String, String)> = ["v1", "v2"]
        .iter()
        .zip(&snapshots)
        .map(|(v, snap)| {
            let etag = snap.get("/feed.xml").map(|r| r.etag().to_owned());
            (etag.expect("feed"), feed_body(&format!("{v} /feed.xml")))
        })
        .collect();
    let published = Arc::clone(&server.published);
    let swapper = tokio::spawn(async move {
        for i in 0..2000 {
            published.publish(snapshots[i % 2].clone());
            tokio::task::yield_now().await;
        }
    });
    let mut conn = Conn::open(server.addr).await;
    for _ in 0..200 {
        conn.send("GET", "/feed.xml", &[]).await;
        let r = conn.read_reply(false).await;
        let pair = (r.header("etag").unwrap_or("").to_owned(), r.text());
        assert!(
            versions.contains(&pair),
            "ETag and body from different snapshots"
        );
    }
    swapper.await.expect("swapper");
    server.stop().await;
}
