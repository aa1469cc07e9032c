//! Conditional GET and HEAD (RFC 9110 §13): decides whether the client's cached copy is
//! still current so a `304 Not Modified` can replace the body. Pure; no allocation.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::header::{IF_MODIFIED_SINCE, IF_NONE_MATCH};
use http::HeaderMap;

use super::resource::Resource;

/// Whether a GET or HEAD for `resource` should be answered `304 Not Modified`.
///
/// Follows the evaluation order of RFC 9110 §13.2.2: `If-None-Match` when present decides
/// alone (step 3); only without it is `If-Modified-Since` considered (step 4).
pub fn not_modified(resource: &Resource, headers: &HeaderMap) -> bool {
    let mut inm = headers.get_all(IF_NONE_MATCH).iter();
    if let Some(first) = inm.next() {
        // The common case first: a cache sending back the one ETag it was given.
        if resource.variants().any(|v| v.etag == first) {
            return true;
        }
        return std::iter::once(first)
            .chain(inm)
            .any(|v| none_match_fails(resource, v.as_bytes()));
    }
    let mut ims = headers.get_all(IF_MODIFIED_SINCE).iter();
    match (ims.next(), ims.next()) {
        // §13.1.3: ignore the field unless it is exactly one valid HTTP-date.
        (Some(v), None) => v
            .to_str()
            .ok()
            .and_then(|s| httpdate::parse_http_date(s).ok())
            .is_some_and(|since| unmodified_since(resource.last_modified, since)),
        _ => false,
    }
}

/// `If-None-Match` evaluates to false, i.e. one listed tag matches a current variant, by the
/// weak comparison that §13.1.2 prescribes for this field. Tags of every variant count, so
/// a cache holding the gzip copy revalidates too (§8.8.3: variants have distinct tags).
fn none_match_fails(resource: &Resource, value: &[u8]) -> bool {
    if value.trim_ascii() == b"*" {
        return true;
    }
    EntityTags(value).any(|tag| resource.variants().any(|v| v.opaque_tag.as_bytes() == tag))
}

/// §13.1.3: the representation was not modified if its last modification is no later than
/// the date given. HTTP dates have one-second resolution, so compare whole seconds.
fn unmodified_since(last_modified: SystemTime, since: SystemTime) -> bool {
    whole_seconds(last_modified) <= whole_seconds(since)
}

fn whole_seconds(t: SystemTime) -> Duration {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    Duration::from_secs(d.as_secs())
}

/// The opaque tags of an `#entity-tag` list (RFC 9110 §8.8.3), `W/` prefixes dropped (weak
/// comparison ignores them). Tags may contain commas, so this walks quotes, not commas.
/// Parsing stops at the first malformed member.
struct EntityTags<'a>(&'a [u8]);

impl<'a> Iterator for EntityTags<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.0.trim_ascii_start();
        let rest = rest.strip_prefix(b",").unwrap_or(rest).trim_ascii_start();
        let rest = rest.strip_prefix(b"W/").unwrap_or(rest);
        let rest = rest.strip_prefix(b"\"")?;
        let end = rest.iter().position(|&b| b == b'"')?;
        let (tag, after) = (&rest[..end], &rest[end + 1..]);
        self.0 = after;
        Some(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn resource() -> Resource {
        Resource::new(
            "text/plain",
            "y".repeat(1000),
            UNIX_EPOCH + Duration::from_millis(1_700_000_000_500),
        )
    }

    fn check(headers: &[(&http::HeaderName, &str)]) -> bool {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(*name, HeaderValue::from_str(value).expect("test header"));
        }
        not_modified(&resource(), &map)
    }

    #[test]
    fn if_none_match_cases() {
        let r = resource();
        let tag = r.etag().to_owned();
        let gz = format!(
            "\"{}\"",
            r.gzip.as_ref().map(|v| v.opaque_tag.as_str()).unwrap_or("")
        );
        assert!(check(&[(&IF_NONE_MATCH, &tag)]));
        assert!(check(&[(&IF_NONE_MATCH, &format!("W/{tag}"))]));
        assert!(check(&[(&IF_NONE_MATCH, &gz)]));
        assert!(check(&[(&IF_NONE_MATCH, "*")]));
        assert!(check(&[(
            &IF_NONE_MATCH,
            &format!("\"a,b\", \"x\" ,{tag}")
        )]));
        assert!(!check(&[(&IF_NONE_MATCH, "\"nope\"")]));
        assert!(!check(&[(&IF_NONE_MATCH, "garbage")]));
    }

    #[test]
    fn if_modified_since_cases() {
        let lm = resource().last_modified_http;
        assert!(check(&[(&IF_MODIFIED_SINCE, &lm)]));
        assert!(check(&[(
            &IF_MODIFIED_SINCE,
            "Wed, 21 Oct 2099 07:28:00 GMT"
        )]));
        assert!(!check(&[(
            &IF_MODIFIED_SINCE,
            "Wed, 21 Oct 2015 07:28:00 GMT"
        )]));
        assert!(!check(&[(&IF_MODIFIED_SINCE, "not a date")]));
    }

    #[test]
    fn if_none_match_takes_precedence() {
        let lm = resource().last_modified_http;
        assert!(!check(&[
            (&IF_NONE_MATCH, "\"old\""),
            (&IF_MODIFIED_SINCE, &lm)
        ]));
    }
}
