//! One HTTP/1.1 connection: hyper's connection driver with pressroom's [`Service`], which
//! reports each request head to the connection's [`Activity`] and answers from memory without
//! a future to poll (only the on-disk fallback becomes an async task step).
//!
//! Accepting, limits and shutdown belong to [`super::run`]; what a response holds belongs to
//! [`super::respond`].

use std::convert::Infallible;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::{Method, Request, Response, Uri};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tracing::{debug, Level};

use super::respond::{Answer, Body, Responder};
use super::sweeper::Activity;

/// One connection's future; closes after its current response once `activity` is told to
/// (see [`Activity::closing`]). Its errors (resets, parse errors) are the client's business,
/// so they are only logged at debug level.
pub fn serve(
    builder: &http1::Builder,
    stream: TcpStream,
    responder: Arc<Responder>,
    activity: Arc<Activity>,
) -> impl Future<Output = Result<(), hyper::Error>> + Send + 'static {
    // A response goes out in one or two writes; don't let Nagle hold the last segment back.
    let _ = stream.set_nodelay(true);
    let service = Service {
        responder,
        activity: Arc::clone(&activity),
    };
    let io = Written {
        io: TokioIo::new(stream),
        activity: Arc::clone(&activity),
    };
    let conn = builder.serve_connection(io, service);
    async move {
        let mut conn = std::pin::pin!(conn);
        let (mut registered, mut closing) = (false, false);
        let result = std::future::poll_fn(|cx| {
            if !closing && activity.closing(cx, &mut registered) {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            conn.as_mut().poll(cx)
        })
        .await;
        result.inspect_err(|e| debug!(error = %e, "connection ended with an error"))
    }
}

/// The connection's socket, reporting each write to the sweeper: the header-read timeout
/// must not cut off a response that a slow reader is still taking in.
struct Written {
    io: TokioIo<TcpStream>,
    activity: Arc<Activity>,
}

impl Written {
    fn report(&self, written: Poll<std::io::Result<usize>>) -> Poll<std::io::Result<usize>> {
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.wrote();
        }
        written
    }
}

impl hyper::rt::Read for Written {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl hyper::rt::Write for Written {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let written = Pin::new(&mut self.io).poll_write(cx, buf);
        self.report(written)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let written = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.report(written)
    }

    fn is_write_vectored(&self) -> bool {
        hyper::rt::Write::is_write_vectored(&self.io)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

/// Answers the requests of one connection.
#[derive(Debug)]
struct Service {
    responder: Arc<Responder>,
    activity: Arc<Activity>,
}

impl hyper::service::Service<Request<Incoming>> for Service {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Reply;

    fn call(&self, req: Request<Incoming>) -> Reply {
        self.activity.head_received();
        // The request is consumed by the answer; keep its line only when it will be logged.
        let line =
            tracing::enabled!(Level::DEBUG).then(|| (req.method().clone(), req.uri().clone()));
        match self.responder.respond(req) {
            Answer::Ready(response) => {
                log(line, &response);
                Reply::Ready(ready(Ok(response)))
            }
            Answer::FromDisk(req) => {
                let responder = Arc::clone(&self.responder);
                let answering = Arc::clone(&self.activity).answering();
                Reply::Later(Box::pin(async move {
                    let response = responder.respond_from_disk(req).await;
                    drop(answering);
                    log(line, &response);
                    Ok(response)
                }))
            }
        }
    }
}

fn log(line: Option<(Method, Uri)>, response: &Response<Body>) {
    if let Some((method, uri)) = line {
        debug!(
            %method,
            path = uri.path(),
            status = response.status().as_u16(),
            "request"
        );
    }
}

/// The future of one answer: ready at once, or waiting on the disk.
enum Reply {
    Ready(Ready<Result<Response<Body>, Infallible>>),
    Later(Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>),
}

impl Future for Reply {
    type Output = Result<Response<Body>, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Reply::Ready(ready) => Pin::new(ready).poll(cx),
            Reply::Later(later) => later.as_mut().poll(cx),
        }
    }
}
