//! HTTP: serves the published snapshot from memory over HTTP/1.1 with keep-alive, validators
//! and `304`s, precompressed variants, `HEAD`, and limits that keep slow clients from holding
//! connections.
//!
//! [`run`] takes an already-bound listener and a shutdown future, so the daemon and the tests
//! run the same code. Serving never renders, compresses or writes anything: the publisher
//! builds a [`Snapshot`] of [`Resource`]s (compressed once, in [`Resource::new`]) and swaps it
//! in through [`Published`].
//!
//! Only HTTP/1.1 is spoken. hyper-util's auto (HTTP/1.1 + h2c) builder sniffs the HTTP/2
//! preface without any timeout, so a client trickling a partial preface would hold a
//! connection forever; the header-read timeout (`sweeper`) covers the very first byte.

mod conditional;
mod connection;
mod fallback;
mod negotiate;
mod resource;
mod respond;
mod snapshot;
mod sweeper;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio::time::MissedTickBehavior;
use tracing::{debug, info, warn};

pub use resource::{content_type_for, Encoding, Resource, Variant};
pub use snapshot::{Published, Snapshot};

use connection::serve;
use fallback::Fallback;
use respond::Responder;
use sweeper::{Activity, Sweeper};

/// How long in-flight requests may run after shutdown is requested before their connections
/// are dropped.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// hyper refuses read buffers smaller than this (it panics), so smaller limits are raised.
const MIN_BUF_SIZE: usize = 8192;

/// Pause after a failed `accept` (e.g. out of file descriptors) so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Settings of the HTTP server.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// A connection that has not sent a complete request head within this time (counted from
    /// when the server starts waiting for one, idle keep-alive included) is closed, at the
    /// latest 1.25 times this time after the wait began (see `sweeper`).
    pub header_read_timeout: Duration,
    /// Largest request head accepted (at least 8 KiB); larger ones get `431`.
    pub max_header_bytes: usize,
    /// `max-age` in seconds sent on published files.
    pub cache_max_age: u32,
    /// The on-disk `feeds/` directory; article pages missing from the snapshot are read from
    /// its `articles/` folder.
    pub fallback_dir: Option<PathBuf>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            header_read_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            cache_max_age: 60,
            fallback_dir: None,
        }
    }
}

/// Serves `published` on `listener` until `shutdown` resolves, then stops accepting, lets
/// in-flight requests finish (for at most a few seconds) and returns.
///
/// # Errors
/// None today: failed accepts (e.g. out of file descriptors) are logged and retried, and
/// broken connections only end themselves. The `Result` lets the daemon use `?` unchanged
/// if start-up checks are added.
pub async fn run(
    listener: TcpListener,
    published: Arc<Published>,
    options: ServerOptions,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let responder = Arc::new(Responder::new(
        published,
        options.cache_max_age,
        options.fallback_dir.as_deref().map(Fallback::new),
    ));
    let builder = http1_builder(&options);
    let mut connections = JoinSet::new();
    let mut sweeper = Sweeper::new(options.header_read_timeout);
    let mut sweeps = tokio::time::interval(sweeper.period());
    sweeps.set_missed_tick_behavior(MissedTickBehavior::Delay);
    if let Ok(addr) = listener.local_addr() {
        info!(%addr, "http server listening");
    }
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let activity = Arc::new(Activity::default());
                    let conn = serve(
                        &builder,
                        stream,
                        Arc::clone(&responder),
                        Arc::clone(&activity),
                    );
                    sweeper.watch(connections.spawn(conn), activity);
                }
                Err(e) => {
                    warn!(error = %e, "failed to accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
            },
            _ = sweeps.tick() => sweeper.sweep(),
            // Reap finished connections so the set does not grow.
            Some(ended) = connections.join_next_with_id(), if !connections.is_empty() => {
                sweeper.forget(ended.map_or_else(|e| e.id(), |(id, _)| id));
            }
        }
    }
    drop(listener);
    drain(&sweeper, connections).await;
    Ok(())
}

fn http1_builder(options: &ServerOptions) -> http1::Builder {
    let mut builder = http1::Builder::new();
    builder
        .keep_alive(true)
        // The sweeper enforces the timeout without a timer per request (see `sweeper`).
        .header_read_timeout(None)
        // No request pressroom serves has a body, so the read buffer bounds the head.
        .max_buf_size(options.max_header_bytes.max(MIN_BUF_SIZE));
    builder
}

/// Closes idle connections at once, waits up to [`SHUTDOWN_GRACE`] for busy ones to send
/// their response, then drops whatever is left.
async fn drain(sweeper: &Sweeper, mut connections: JoinSet<Result<(), hyper::Error>>) {
    sweeper.close_all();
    let all_closed = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, all_closed)
        .await
        .is_ok()
    {
        debug!("all connections closed");
        return;
    }
    warn!(
        open = connections.len(),
        "shutdown grace period over; dropping connections"
    );
    connections.shutdown().await;
}
