//! The reference point for `benches/http/wrk_vs_nginx.sh`: a bare hyper 1.x server that
//! answers every request with `DIR/feed.xml.gz` from memory (or 304 to its ETag), with no
//! routing, negotiation or limits. What pressroom's real server loses against it is the cost
//! of its routing and headers; what both gain on nginx is the machine's.
//!
//! Usage: `bare_hyper DIR [ADDR]` (ADDR defaults to `127.0.0.1:8082`).

use std::convert::Infallible;

use anyhow::Context;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderValue, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().context("usage: bare_hyper DIR [ADDR]")?;
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8082".to_owned());
    let path = std::path::Path::new(&dir).join("feed.xml.gz");
    let body = Bytes::from(
        std::fs::read(&path).with_context(|| format!("failed to read {}", path.display()))?,
    );
    let etag = HeaderValue::from_static("\"bare-gzip\"");
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("failed to bind {addr}"))?;
    loop {
        let (stream, _) = listener.accept().await?;
        let (body, etag) = (body.clone(), etag.clone());
        tokio::spawn(async move {
            let service = service_fn(move |req: Request<hyper::body::Incoming>| {
                let fresh = req.headers().get(IF_NONE_MATCH) == Some(&etag);
                let mut res = if fresh {
                    let mut r = Response::new(Full::new(Bytes::new()));
                    *r.status_mut() = StatusCode::NOT_MODIFIED;
                    r
                } else {
                    let mut r = Response::new(Full::new(body.clone()));
                    r.headers_mut().insert(
                        CONTENT_TYPE,
                        HeaderValue::from_static("application/rss+xml; charset=utf-8"),
                    );
                    r.headers_mut()
                        .insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    r
                };
                res.headers_mut().insert(ETAG, etag.clone());
                res.headers_mut()
                    .insert(VARY, HeaderValue::from_static("Accept-Encoding"));
                async move { Ok::<_, Infallible>(res) }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
