//! Serves `DIR/feed.xml` (and `DIR/feed.xml.gz` as its gzip variant, byte for byte) at
//! `/feed.xml` through pressroom's real server, for `benches/http/wrk_vs_nginx.sh`.
//!
//! Usage: `serve_static DIR [ADDR]` (ADDR defaults to `127.0.0.1:8080`); stops on SIGINT or
//! SIGTERM.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use pressroom::server::{content_type_for, run, Published, Resource, ServerOptions, Snapshot};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().context("usage: serve_static DIR [ADDR]")?;
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let snapshot = load(Path::new(&dir))?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("failed to bind {addr}"))?;
    let published = Arc::new(Published::new(snapshot));
    run(listener, published, ServerOptions::default(), stop_signal()).await
}

fn load(dir: &Path) -> anyhow::Result<Snapshot> {
    let path = dir.join("feed.xml");
    let body =
        std::fs::read(&path).with_context(|| format!("failed to read {}", path.display()))?;
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .with_context(|| format!("failed to stat {}", path.display()))?;
    let gzip = std::fs::read(dir.join("feed.xml.gz")).ok().map(Into::into);
    let resource = Resource::from_parts(content_type_for("/feed.xml"), body, gzip, None, modified);
    let mut snapshot = Snapshot::default();
    snapshot.insert("/feed.xml", resource);
    Ok(snapshot)
}

async fn stop_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = term => {}
    }
}
