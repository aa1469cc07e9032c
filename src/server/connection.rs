//! One HTTP/1.1 connection: hyper's connection driver with pressroom's service, which reports
//! each request head to the connection's [`Activity`].
//!
//! Accepting, limits and shutdown belong to [`super::run`]; what a response holds belongs to
//! [`super::respond`].

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::Watcher;
use tokio::net::TcpStream;
use tracing::debug;

use super::respond::Responder;
use super::sweeper::Activity;

/// One connection's future, shut down gracefully through `watcher`. Its errors (resets,
/// parse errors) are the client's business, so they are only logged at debug level.
pub fn serve(
    builder: &http1::Builder,
    stream: TcpStream,
    responder: Arc<Responder>,
    activity: Arc<Activity>,
    watcher: Watcher,
) -> impl Future<Output = Result<(), hyper::Error>> + Send + 'static {
    // A response goes out in one or two writes; don't let Nagle hold the last segment back.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |req| {
        activity.head_received();
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
