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
//! connection forever; HTTP/1.1's header-read timeout covers the very first byte.

mod conditional;
mod fallback;
mod negotiate;
mod resource;
mod respond;
mod snapshot;

use std::convert::Infallible;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tracing::{debug, info, warn};

pub use resource::{content_type_for, Encoding, Resource, Variant};
pub use snapshot::{Published, Snapshot};

use fallback::Fallback;
use respond::Responder;

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
    /// when the server starts waiting for one, idle keep-alive included) is closed.
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
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    if let Ok(addr) = listener.local_addr() {
        info!(%addr, "http server listening");
    }
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let watcher = graceful.watcher();
                    connections.spawn(serve(&builder, stream, Arc::clone(&responder), watcher));
                }
                Err(e) => {
                    warn!(error = %e, "failed to accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
            },
            // Reap finished connections so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    drain(graceful, connections).await;
    Ok(())
}

fn http1_builder(options: &ServerOptions) -> http1::Builder {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .keep_alive(true)
        .header_read_timeout(options.header_read_timeout)
        // No request pressroom serves has a body, so the read buffer bounds the head.
        .max_buf_size(options.max_header_bytes.max(MIN_BUF_SIZE));
    builder
}

/// One connection's future, shut down gracefully through `watcher`. Its errors (resets,
/// header timeouts) are the client's business, so the caller only logs them at debug level.
fn serve(
    builder: &http1::Builder,
    stream: TcpStream,
    responder: Arc<Responder>,
    watcher: Watcher,
) -> impl Future<Output = Result<(), hyper::Error>> + Send + 'static {
    // A response goes out in one or two writes; don't let Nagle hold the last segment back.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |req| {
        let responder = Arc::clone(&responder);
        async move {
            let response = responder.respond(&req).await;
            debug!(
                method = %req.method(),
                path = req.uri().path(),
                status = response.status().as_u16(),
                "request"
            );
            Ok::<_, Infallible>(response)
        }
    });
    let conn = watcher.watch(builder.serve_connection(TokioIo::new(stream), service));
    async move {
        conn.await
            .inspect_err(|e| debug!(error = %e, "connection ended with an error"))
    }
}

/// Closes idle connections at once, waits up to [`SHUTDOWN_GRACE`] for busy ones, then drops
/// whatever is left.
async fn drain(graceful: GracefulShutdown, mut connections: JoinSet<Result<(), hyper::Error>>) {
    tokio::select! {
        () = graceful.shutdown() => debug!("all connections closed"),
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            warn!(open = connections.len(), "shutdown grace period over; dropping connections");
        }
    }
    connections.shutdown().await;
}
