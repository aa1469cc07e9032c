//! Turns one request into one response: method check, routing to the snapshot, the on-disk
//! fallback or `/healthz`, content negotiation and conditional requests.
//!
//! Responses are assembled from header values precomputed at publish time; the only
//! per-request work is a hash lookup and a few header inserts. This module does not own the
//! connection handling (see [`super::run`]).

use std::sync::Arc;

use bytes::Bytes;
use http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, LAST_MODIFIED, VARY,
};
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

    /// Answers `req`. Never fails: every outcome is an HTTP status.
    pub async fn respond<B>(&self, req: &Request<B>) -> Response<Body> {
        let head = match *req.method() {
            Method::GET => false,
            Method::HEAD => true,
            // RFC 9110 §15.5.6: a 405 must list the supported methods in Allow.
            _ => return method_not_allowed(),
        };
        let path = req.uri().path();
        if path == "/healthz" {
            return health(head);
        }
        if !is_safe_path(path) {
            return not_found(head);
        }
        let snapshot = self.published.current();
        if let Some(resource) = snapshot.get(path) {
            return self.serve(resource, req.headers(), head);
        }
        self.serve_from_disk(path, req.headers(), head).await
    }

    /// An older article page that is only on disk, when a fallback directory is configured.
    async fn serve_from_disk(&self, path: &str, headers: &HeaderMap, head: bool) -> Response<Body> {
        let Some(fallback) = &self.fallback else {
            return not_found(head);
        };
        match fallback.load(path).await {
            Ok(Some(resource)) => self.serve(&resource, headers, head),
            Ok(None) => not_found(head),
            Err(e) => {
                warn!(path, error = %e, "failed to read article page from disk");
                text(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n", head)
            }
        }
    }

    /// A published file: 304 when the client's copy is current, else the negotiated variant.
    fn serve(&self, resource: &Resource, headers: &HeaderMap, head: bool) -> Response<Body> {
        let variant = choose(resource, headers);
        if not_modified(resource, headers) {
            // RFC 9110 §15.4.5: a 304 carries the validators and caching fields a 200 would
            // have, and no content.
            let mut response = Response::new(Body::default());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            self.validators(response.headers_mut(), resource, variant);
            return response;
        }
        let body = if head {
            // RFC 9110 §9.3.2: HEAD gets the GET headers, Content-Length included.
            Body::default()
        } else {
            Body::new(variant.body.clone())
        };
        let mut response = Response::new(body);
        let h = response.headers_mut();
        h.insert(CONTENT_TYPE, resource.content_type_header.clone());
        h.insert(CONTENT_LENGTH, variant.content_length.clone());
        if let Some(encoding) = &variant.content_encoding {
            h.insert(CONTENT_ENCODING, encoding.clone());
        }
        self.validators(h, resource, variant);
        response
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
/// `%5c`), backslashes and NUL before any lookup, so encoded traversal never gets decoded.
fn is_safe_path(path: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/');
    // One pass over the bytes: this runs on every request, and two substring searches
    // cost ~470 instructions of it (callgrind, see benches/http/README.md).
    let bytes = path.as_bytes();
    bytes.first() == Some(&b'/')
        && bytes.iter().all(|&b| allowed(b))
        && bytes.windows(2).all(|w| w != b".." && w != b"//")
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
