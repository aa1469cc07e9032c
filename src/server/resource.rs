//! One published file held in memory, with everything a response needs computed once at
//! publish time: the body and its gzip and brotli variants, each variant's strong `ETag`,
//! `Content-Length` and `Content-Encoding`, the `Content-Type` and the `Last-Modified` date.
//!
//! Serving a request then only clones reference-counted bytes and header values. This module
//! does no I/O and knows nothing of requests; [`super::respond`] picks a variant.

use std::io::Write;
use std::time::SystemTime;

use bytes::Bytes;
use http::HeaderValue;
use sha2::{Digest, Sha256};

/// Bodies smaller than this are not compressed: the savings would not pay for the extra
/// `Vary` handling and the encoding's own framing.
const MIN_COMPRESS_LEN: usize = 256;

/// brotli quality (0..=11) and window (log2 bytes). Compression happens once per publish, but
/// a publish sits between a dropped page and its feed being served: quality 11 costs ~100× the
/// time of 5 for a few percent of size, so the middle setting keeps drop-to-served fast.
const BROTLI_QUALITY: i32 = 5;
const BROTLI_LG_WINDOW: i32 = 22;

/// A content coding a variant is stored in (RFC 9110 §8.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// No content coding.
    Identity,
    /// `gzip` (RFC 9110 §8.4.1.3).
    Gzip,
    /// `br` (RFC 7932).
    Brotli,
}

impl Encoding {
    /// The suffix inside the entity-tag's quotes distinguishing this variant's ETag.
    fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }

    fn header_value(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }
}

/// One stored representation of a [`Resource`]: its bytes and their validators.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The bytes sent on the wire (already encoded).
    pub body: Bytes,
    /// The opaque tag, without quotes, compared by `If-None-Match`.
    pub opaque_tag: String,
    /// The quoted strong `ETag` value.
    pub etag: HeaderValue,
    /// `Content-Length` of `body`.
    pub content_length: HeaderValue,
    /// `Content-Encoding`, `None` for identity.
    pub content_encoding: Option<HeaderValue>,
}

impl Variant {
    fn new(body: Bytes, hash: &str, encoding: Encoding) -> Variant {
        let opaque_tag = format!("{hash}{}", encoding.etag_suffix());
        Variant {
            etag: header_value(&format!("\"{opaque_tag}\"")),
            content_length: HeaderValue::from(body.len()),
            content_encoding: encoding.header_value(),
            opaque_tag,
            body,
        }
    }
}

/// One published file held in memory, ready to be served.
#[derive(Debug, Clone)]
pub struct Resource {
    /// The `Content-Type` (with `; charset=utf-8` for text types).
    pub content_type: &'static str,
    /// When the file's content last changed (whole seconds are what HTTP carries).
    pub last_modified: SystemTime,
    /// `last_modified` as an IMF-fixdate (RFC 9110 §5.6.7).
    pub last_modified_http: String,
    /// The uncompressed representation.
    pub identity: Variant,
    /// The gzip representation, when the body is worth compressing.
    pub gzip: Option<Variant>,
    /// The brotli representation, only when smaller than the body.
    pub brotli: Option<Variant>,
    /// Whether responses carry `Vary: Accept-Encoding` (compressed variants exist or are coming).
    vary: bool,
    pub(crate) content_type_header: HeaderValue,
    pub(crate) last_modified_header: HeaderValue,
}

impl Resource {
    /// Builds a resource, compressing `body` with gzip and brotli unless it is tiny.
    pub fn new(
        content_type: &'static str,
        body: impl Into<Bytes>,
        last_modified: SystemTime,
    ) -> Resource {
        let body = body.into();
        let (gzip, brotli) = if body.len() < MIN_COMPRESS_LEN {
            (None, None)
        } else {
            (Some(to_gzip(&body)), Some(to_brotli(&body)))
        };
        Resource::from_parts(content_type, body, gzip, brotli, last_modified)
    }

    /// Builds a resource with a gzip variant only (unless tiny): for files only written to
    /// disk, where `.gz` copies are all that is kept.
    pub fn gzipped(
        content_type: &'static str,
        body: impl Into<Bytes>,
        last_modified: SystemTime,
    ) -> Resource {
        let body = body.into();
        let gzip = (body.len() >= MIN_COMPRESS_LEN).then(|| to_gzip(&body));
        Resource::from_parts(content_type, body, gzip, None, last_modified)
    }

    /// Builds a resource from variants compressed elsewhere (e.g. `.gz` files written by the
    /// publisher), so the bytes served from memory equal the bytes on disk.
    ///
    /// A variant that is not smaller than `body` is dropped: sending it would cost more.
    pub fn from_parts(
        content_type: &'static str,
        body: impl Into<Bytes>,
        gzip: Option<Bytes>,
        brotli: Option<Bytes>,
        last_modified: SystemTime,
    ) -> Resource {
        let body = body.into();
        let hash = content_hash(&body);
        let smaller = |v: Option<Bytes>| v.filter(|v| v.len() < body.len());
        let gzip = smaller(gzip).map(|b| Variant::new(b, &hash, Encoding::Gzip));
        let brotli = smaller(brotli).map(|b| Variant::new(b, &hash, Encoding::Brotli));
        let last_modified_http = httpdate::fmt_http_date(last_modified);
        Resource {
            content_type,
            last_modified,
            content_type_header: header_value(content_type),
            last_modified_header: header_value(&last_modified_http),
            last_modified_http,
            vary: gzip.is_some() || brotli.is_some(),
            identity: Variant::new(body, &hash, Encoding::Identity),
            gzip,
            brotli,
        }
    }

    /// Builds a resource whose compressed variants are still being made: served as identity
    /// for now, but already with `Vary: Accept-Encoding` (unless tiny), so no cache stores
    /// this response as the one for every encoding.
    pub fn compressing(
        content_type: &'static str,
        body: impl Into<Bytes>,
        last_modified: SystemTime,
    ) -> Resource {
        let mut r = Resource::uncompressed(content_type, body, last_modified);
        r.vary = r.identity.body.len() >= MIN_COMPRESS_LEN;
        r
    }

    /// Builds a resource without compressed variants (for pages read from disk per request,
    /// which must never be compressed per request).
    pub fn uncompressed(
        content_type: &'static str,
        body: impl Into<Bytes>,
        last_modified: SystemTime,
    ) -> Resource {
        Resource::from_parts(content_type, body, None, None, last_modified)
    }

    /// The gzip-encoded body, when one is kept (also written beside the file on disk).
    pub fn gzip_body(&self) -> Option<&Bytes> {
        self.gzip.as_ref().map(|v| &v.body)
    }

    /// The uncompressed body.
    pub fn body(&self) -> &Bytes {
        &self.identity.body
    }

    /// The strong ETag of the uncompressed body, quoted (`"0123…"`).
    pub fn etag(&self) -> &str {
        // Built from hex digits and quotes only, so always visible ASCII.
        self.identity.etag.to_str().unwrap_or_default()
    }

    /// The stored variants: identity first, then the compressed ones that exist.
    pub fn variants(&self) -> impl Iterator<Item = &Variant> {
        std::iter::once(&self.identity)
            .chain(self.gzip.as_ref())
            .chain(self.brotli.as_ref())
    }

    /// Whether more than one representation exists, so responses need `Vary: Accept-Encoding`
    /// (RFC 9110 §12.5.5).
    pub fn varies(&self) -> bool {
        self.vary
    }
}

/// The `Content-Type` for a published path, by its file name.
pub fn content_type_for(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name {
        "" => "text/html; charset=utf-8",
        "feed.xml" => "application/rss+xml; charset=utf-8",
        "atom.xml" => "application/atom+xml; charset=utf-8",
        "feed.json" => "application/feed+json; charset=utf-8",
        _ => match name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("html" | "htm") => "text/html; charset=utf-8",
            Some("opml") => "text/x-opml; charset=utf-8",
            Some("xml") => "application/xml; charset=utf-8",
            Some("json") => "application/json; charset=utf-8",
            Some("txt") => "text/plain; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        },
    }
}

/// A strong validator derived from the content only (RFC 9110 §8.8.3): 128 bits of SHA-256,
/// in hex, so equal bytes always get equal tags across restarts and rebuilds.
fn content_hash(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn to_gzip(body: &[u8]) -> Bytes {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::default(),
    );
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(body);
    Bytes::from(enc.finish().unwrap_or_default())
}

fn to_brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_LG_WINDOW,
        ..Default::default()
    };
    let mut input = body;
    // Reading from a slice and writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    Bytes::from(out)
}

/// A header value from text this module produced (hex, quotes, dates, digits).
fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn big_body() -> Vec<u8> {
        "<item>hello world</item>\n".repeat(100).into_bytes()
    }

    #[test]
    fn compresses_and_tags_variants_distinctly() {
        let r = Resource::new("text/plain", big_body(), SystemTime::UNIX_EPOCH);
        let gz = r.gzip.as_ref().expect("gzip variant");
        let br = r.brotli.as_ref().expect("brotli variant");
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz.body[..])
            .read_to_end(&mut plain)
            .expect("valid gzip");
        assert_eq!(plain, big_body());
        assert_eq!(r.etag().len(), 34);
        assert_eq!(gz.opaque_tag, format!("{}-gz", r.identity.opaque_tag));
        assert_eq!(br.opaque_tag, format!("{}-br", r.identity.opaque_tag));
        assert!(r.varies());
    }

    #[test]
    fn tiny_bodies_are_not_compressed() {
        let r = Resource::new("text/plain", "ok", SystemTime::UNIX_EPOCH);
        assert!(r.gzip.is_none() && r.brotli.is_none() && !r.varies());
    }

    #[test]
    fn etag_depends_on_content_only() {
        let a = Resource::new("text/plain", "same", SystemTime::UNIX_EPOCH);
        let b = Resource::new("text/html", "same", SystemTime::now());
        let c = Resource::new("text/plain", "other", SystemTime::UNIX_EPOCH);
        assert_eq!(a.etag(), b.etag());
        assert_ne!(a.etag(), c.etag());
    }

    #[test]
    fn content_types_by_path() {
        for (path, want) in [
            ("/", "text/html; charset=utf-8"),
            ("/feed.xml", "application/rss+xml; charset=utf-8"),
            ("/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/feed.json", "application/feed+json; charset=utf-8"),
            ("/feeds.opml", "text/x-opml; charset=utf-8"),
            ("/articles/a.html", "text/html; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
        ] {
            assert_eq!(content_type_for(path), want, "{path}");
        }
    }
}
