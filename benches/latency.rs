//! Drop-to-served latency: the time from renaming a page into the inbox until the server
//! answers `/feed.xml` with a new ETag, over 100 drops, durability included (the store
//! commits with `synchronous=FULL` and the file is archived with directory fsyncs before the
//! new snapshot is served). Polls with HEAD requests on fresh connections, as tightly as
//! the machine allows, and waits for the daemon to finish each publish (its `published`
//! log line) before the next drop, so every drop meets an idle daemon.
//!
//! Where the time goes comes from the daemon's own log: `stored … ms=` (read, hash, decode,
//! split, store commit, archive) and `published … ms=` (render, swap, mirror into `feeds/`).
//!
//! Run: `cargo bench --bench latency` (the release binary on a temp dir and 127.0.0.1:0).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{request, seed, wait_for, Home};

const DROPS: usize = 100;

/// A page of 7 articles (a title line, then three long paragraph lines each), distinct per `i`.
fn page(i: usize) -> (String, Vec<u8>) {
    let seed = String::from_utf8(seed()).expect("the seed is UTF-8");
    let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
    let paragraphs: Vec<String> = lines.chunks(4).map(|c| c.concat()).collect();
    let mut text = String::new();
    for k in 0..7 {
        text.push_str(&format!("第{i}期第{k}篇标题\n"));
        for p in 0..3 {
            text.push_str(&paragraphs[(i * 7 + k * 3 + p) % paragraphs.len()]);
            text.push('\n');
        }
    }
    let name = format!(
        "2025-{:02}-{:02}_{:02}.txt",
        1 + i / 280,
        1 + (i / 10) % 28,
        1 + i % 10
    );
    (name, text.into_bytes())
}

fn etag(home_addr: std::net::SocketAddr) -> Option<String> {
    request(home_addr, "HEAD", "/feed.xml", &[])
        .header("etag")
        .map(str::to_owned)
}

fn main() {
    let home = Home::new(); // the default 100-item window
    let daemon = home.start();
    let published = || home.log().matches(" published ").count();
    wait_for(Duration::from_secs(10), "the first feed", || {
        etag(daemon.addr)
    });
    let mut latencies = Vec::with_capacity(DROPS);
    for i in 0..=DROPS {
        let (name, bytes) = page(i);
        let before = etag(daemon.addr);
        let done = published();
        let inbox = home.path("inbox");
        let tmp = inbox.join(format!(".{name}.part"));
        std::fs::write(&tmp, &bytes).unwrap();
        let start = Instant::now();
        std::fs::rename(&tmp, inbox.join(&name)).unwrap();
        while etag(daemon.addr) == before {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "drop {i} never served"
            );
        }
        let took = start.elapsed();
        if i > 0 {
            latencies.push(took); // drop 0 warms caches and the page cache
        }
        wait_for(Duration::from_secs(10), "the publish to finish", || {
            (published() > done).then_some(())
        });
    }
    let log = home.log();
    let stored = ms_of(&log, " stored ");
    let publish = ms_of(&log, " published ");
    let served = field_ms(&log, " published ", "served_ms");
    println!("drop-to-served over {DROPS} drops (7-article pages, idle daemon):");
    report(
        "  drop to new ETag     ",
        latencies.iter().map(|d| d.as_secs_f64() * 1000.0).collect(),
    );
    report(
        "  ingest (stored ms=)  ",
        stored.into_iter().skip(1).collect(),
    );
    report(
        "  publish: until served",
        served.into_iter().skip(1).collect(),
    );
    report(
        "  publish: in all      ",
        publish.into_iter().skip(1).collect(),
    );
    let exit = daemon.stop();
    assert_eq!(exit, 0);
}

/// The `ms="…"` values of the log lines containing `marker`, in order.
fn ms_of(log: &str, marker: &str) -> Vec<f64> {
    field_ms(log, marker, "ms")
}

/// The `FIELD="…"` values of the log lines containing `marker`, in order.
fn field_ms(log: &str, marker: &str, field: &str) -> Vec<f64> {
    let key = format!(" {field}=\"");
    log.lines()
        .filter(|l| l.contains(marker))
        .filter_map(|l| {
            let rest = l.split(key.as_str()).nth(1)?;
            rest.split('"').next()?.parse().ok()
        })
        .collect()
}

fn report(label: &str, mut values: Vec<f64>) {
    if values.is_empty() {
        println!("{label} (no samples)");
        return;
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label} median {:6.1} ms   p99 {:6.1} ms   min {:6.1} ms   max {:6.1} ms   (n={})",
        at(0.5),
        at(0.99),
        values[0],
        values[values.len() - 1],
        values.len()
    );
}
