//! Turns one request into one response: method check, routing to the snapshot, the on-disk
//! fallback or `/healthz`, content negotiation and conditional requests.
//!
//! Responses are assembled from header values precomputed at publish time; the only
//! per-request work is a hash lookup and a few header inserts, into the request's own header
//! map (see [`Responder::serve`]). Everything but the on-disk fallback answers at once,
//! without a future to poll. This module does not own the connection handling (see
//! [`super::connection`]).

use std::sync::Arc;

use bytes::Bytes;
use http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, LAST_MODIFIED, VARY,
};
use http::request::Parts;
use http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::Full;
use tracing::warn;

use super::conditional::not_modified;
use super::fallback::Fallback;
use super::negotiate::choose;
use super::resource::{Resource, Variant};
use super::snapshot::Published;

/// The response body type: whole buffers, shared with the snapshot.
pub type Body = Full<Bytes>;

const TEXT_PLAIN: HeaderValue = HeaderValue::from_static("text/plain; charset=utf-8");
const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
const GET_HEAD: HeaderValue = HeaderValue::from_static("GET, HEAD");
const ACCEPT_ENCODING_VALUE: HeaderValue = HeaderValue::from_static("accept-encoding");

/// How a request is answered.
#[derive(Debug)]
pub enum Answer {
    /// At once, from memory (or an error status).
    Ready(Response<Body>),
    /// By [`Responder::respond_from_disk`]: no published file has the path, and the on-disk
    /// fallback may.
    FromDisk(DiskRequest),
}

/// A request left for [`Responder::respond_from_disk`].
#[derive(Debug)]
pub struct DiskRequest {
    parts: Parts,
    head: bool,
}

/// What every request needs: the published files and the settings fixed at start-up.
#[derive(Debug)]
pub struct Responder {
    published: Arc<Published>,
    cache_control: HeaderValue,
    fallback: Option<Fallback>,
}

impl Responder {
    /// A responder sending `Cache-Control: public, max-age=<cache_max_age>` on published files.
    pub fn new(published: Arc<Published>, cache_max_age: u32, fallback: Option<Fallback>) -> Self {
        Responder {
            published,
            cache_control: cache_control(cache_max_age),
            fallback,
        }
    }

    /// Answers `req`, at once unless the on-disk fallback has to be read. Never fails: every
    /// outcome is an HTTP status.
    pub fn respond<B>(&self, req: Request<B>) -> Answer {
        let head = match *req.method() {
            Method::GET => false,
            Method::HEAD => true,
            // RFC 9110 §15.5.6: a 405 must list the supported methods in Allow.
            _ => return Answer::Ready(method_not_allowed()),
        };
        let snapshot = self.published.current();
        let (parts, _) = req.into_parts();
        let path = parts.uri.path();
        // An exact match with a published path needs no check of its own (see `is_safe_path`);
        // anything else is checked before the disk is involved.
        if let Some(resource) = snapshot.get(path) {
            return Answer::Ready(self.serve(resource, parts.headers, head));
        }
        if path == "/healthz" {
            return Answer::Ready(health(head));
        }
        if self.fallback.is_none() || !is_safe_path(path) {
            return Answer::Ready(not_found(head));
        }
        Answer::FromDisk(DiskRequest { parts, head })
    }

    /// An older article page that is only on disk, when a fallback directory is configured.
    pub async fn respond_from_disk(&self, req: DiskRequest) -> Response<Body> {
        let DiskRequest { parts, head } = req;
        let Some(fallback) = &self.fallback else {
            return not_found(head);
        };
        let path = parts.uri.path();
        match fallback.load(path).await {
            Ok(Some(resource)) => self.serve(&resource, parts.headers, head),
            Ok(None) => not_found(head),
            Err(e) => {
                warn!(path, error = %e, "failed to read article page from disk");
                text(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n", head)
            }
        }
    }

    /// A published file: 304 when the client's copy is current, else the negotiated variant.
    ///
    /// The response's headers go into the request's map, emptied: hyper hands every sent
    /// response's map to the parser of the next request on the connection, so with this reuse
    /// no header map is allocated per request (a fresh map costs two allocations and two
    /// frees, ~400 instructions; callgrind, see benches/http/README.md).
    fn serve(&self, resource: &Resource, mut headers: HeaderMap, head: bool) -> Response<Body> {
        let variant = choose(resource, &headers);
        let fresh = not_modified(resource, &headers);
        headers.clear();
        if fresh {
            // RFC 9110 §15.4.5: a 304 carries the validators and caching fields a 200 would
            // have, and no content.
            self.validators(&mut headers, resource, variant);
            return with_headers(StatusCode::NOT_MODIFIED, Body::default(), headers);
        }
        let body = if head {
            // RFC 9110 §9.3.2: HEAD gets the GET headers, Content-Length included.
            headers.insert(CONTENT_LENGTH, variant.content_length.clone());
            Body::default()
        } else {
            // hyper writes Content-Length from the body's exact size, cheaper than an insert.
            Body::new(variant.body.clone())
        };
        headers.insert(CONTENT_TYPE, resource.content_type_header.clone());
        if let Some(encoding) = &variant.content_encoding {
            headers.insert(CONTENT_ENCODING, encoding.clone());
        }
        self.validators(&mut headers, resource, variant);
        with_headers(StatusCode::OK, body, headers)
    }

    /// The fields shared by 200 and 304: ETag, Last-Modified, Cache-Control, Vary.
    fn validators(&self, h: &mut HeaderMap, resource: &Resource, variant: &Variant) {
        h.insert(ETAG, variant.etag.clone());
        h.insert(LAST_MODIFIED, resource.last_modified_header.clone());
        h.insert(CACHE_CONTROL, self.cache_control.clone());
        if resource.varies() {
            h.insert(VARY, ACCEPT_ENCODING_VALUE);
        }
    }
}

/// `Cache-Control: public, max-age=N` (RFC 9111 §5.2.2.9, §5.2.2.1): short-lived and
/// shareable, so readers and proxies revalidate often with cheap 304s.
fn cache_control(max_age: u32) -> HeaderValue {
    HeaderValue::from_str(&format!("public, max-age={max_age}"))
        .unwrap_or(HeaderValue::from_static("no-cache"))
}

/// Whether `path` can name a published file at all: only `[A-Za-z0-9._/-]`, starting with
/// `/`, with no `..` and no empty segment. This rejects percent-encodings (`%2e`, `%2f`,
/// `%5c`), backslashes and NUL before the on-disk fallback sees the path, so encoded
/// traversal never gets decoded. Published paths all pass it, which is why a path found in
/// the snapshot (an exact match, nothing resolved) is served without this check.
fn is_safe_path(path: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/');
    // One pass over the bytes: two substring searches cost ~470 instructions a request
    // (callgrind, see benches/http/README.md).
    let bytes = path.as_bytes();
    bytes.first() == Some(&b'/')
        && bytes.iter().all(|&b| allowed(b))
        && bytes.windows(2).all(|w| w != b".." && w != b"//")
}

fn with_headers(status: StatusCode, body: Body, headers: HeaderMap) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn method_not_allowed() -> Response<Body> {
    let mut response = text(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed\n",
        false,
    );
    response.headers_mut().insert(ALLOW, GET_HEAD);
    response
}

fn health(head: bool) -> Response<Body> {
    let mut response = text(StatusCode::OK, "ok\n", head);
    response.headers_mut().insert(CACHE_CONTROL, NO_STORE);
    response
}

fn not_found(head: bool) -> Response<Body> {
    text(StatusCode::NOT_FOUND, "not found\n", head)
}

/// A short plain-text response; for HEAD, the same headers without the body.
fn text(status: StatusCode, body: &'static str, head: bool) -> Response<Body> {
    let content = if head {
        Bytes::new()
    } else {
        Bytes::from_static(body.as_bytes())
    };
    let mut response = Response::new(Body::new(content));
    *response.status_mut() = status;
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, TEXT_PLAIN);
    h.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        for ok in ["/", "/feed.xml", "/articles/2024-11-09-p01-ab12.html"] {
            assert!(is_safe_path(ok), "{ok}");
        }
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/",
            "/articles/..%2f..%2fCargo.toml",
            "/articles\\..\\x",
            "/a\0b",
            "//etc/passwd",
            "/articles/../feed.xml",
            "feed.xml",
            "/%5c",
        ] {
            assert!(!is_safe_path(bad), "{bad}");
        }
    }

    #[test]
    fn cache_control_value() {
        assert_eq!(cache_control(60), "public, max-age=60");
    }
}
