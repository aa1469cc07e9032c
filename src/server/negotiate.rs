//! Content negotiation on `Accept-Encoding` (RFC 9110 §12.5.3): which stored variant of a
//! resource to send. Pure and allocation-free; never compresses anything.

use http::header::ACCEPT_ENCODING;
use http::HeaderMap;

use super::resource::{Resource, Variant};

/// A qvalue in thousandths, `0..=1000` (RFC 9110 §12.4.2).
type Weight = u16;

/// The weights an `Accept-Encoding` value gives to the codings pressroom stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Weights {
    br: Weight,
    gzip: Weight,
    identity: Weight,
}

/// Picks the variant of `resource` to send for the request's `Accept-Encoding` field(s).
///
/// The highest weight wins, ties going to the smaller encoding (br, then gzip, then
/// identity). Identity is the fallback whenever nothing else is acceptable: RFC 9110 §12.5.3
/// lets a server send an unencoded response rather than `406`.
pub fn choose<'r>(resource: &'r Resource, headers: &HeaderMap) -> &'r Variant {
    let mut values = headers.get_all(ACCEPT_ENCODING).iter();
    // No field: the client may not decode anything we would be sure of; send identity.
    let Some(first) = values.next() else {
        return &resource.identity;
    };
    if !resource.varies() {
        return &resource.identity;
    }
    let second = values.next();
    let w = match (common_weights(first.as_bytes()), &second) {
        (Some(w), None) => w,
        _ => weights(
            std::iter::once(first)
                .chain(second)
                .chain(values)
                .map(|v| v.as_bytes()),
        ),
    };
    let mut best = (w.identity, &resource.identity);
    for (weight, variant) in [(w.gzip, &resource.gzip), (w.br, &resource.brotli)] {
        if let Some(v) = variant {
            if weight > 0 && weight >= best.0 {
                best = (weight, v);
            }
        }
    }
    best.1
}

/// The values most clients send, whole (no q-values: every listed coding weighs 1), and
/// whether they list br and gzip. Looking them up skips the general parser for almost every
/// request (~200 instructions; callgrind, see benches/http/README.md); a unit test checks
/// that the parser reads each the same way.
const COMMON_VALUES: [(&[u8], bool, bool); 7] = [
    (b"gzip", false, true),
    (b"gzip, deflate", false, true),
    (b"gzip, deflate, br", true, true),
    (b"gzip, deflate, br, zstd", true, true),
    (b"br, gzip", true, true),
    (b"deflate, gzip", false, true),
    (b"deflate, gzip, br, zstd", true, true),
];

fn common_weights(value: &[u8]) -> Option<Weights> {
    let weight = |listed: bool| if listed { 1000 } else { 0 };
    COMMON_VALUES
        .iter()
        .find(|(common, _, _)| *common == value)
        .map(|&(_, br, gzip)| Weights {
            br: weight(br),
            gzip: weight(gzip),
            identity: 1,
        })
}

/// Weights from every `Accept-Encoding` field line; several lines form one list
/// (RFC 9110 §5.3).
fn weights<'a>(values: impl Iterator<Item = &'a [u8]>) -> Weights {
    let (mut br, mut gzip, mut identity, mut star) = (None, None, None, None);
    for member in values.flat_map(|v| v.split(|&b| b == b',')) {
        let mut parts = member.split(|&b| b == b';');
        let coding = trim(parts.next().unwrap_or_default());
        let Some(q) = parts.map(trim).find_map(qvalue).unwrap_or(Some(1000)) else {
            continue; // a malformed qvalue: ignore the member
        };
        let slot = if coding.eq_ignore_ascii_case(b"br") {
            &mut br
        } else if coding.eq_ignore_ascii_case(b"gzip") || coding.eq_ignore_ascii_case(b"x-gzip") {
            // RFC 9110 §8.4.1.3: x-gzip is equivalent to gzip.
            &mut gzip
        } else if coding.eq_ignore_ascii_case(b"identity") {
            &mut identity
        } else if coding == b"*" {
            &mut star
        } else {
            continue;
        };
        *slot = Some(q);
    }
    Weights {
        // `*` matches any coding not listed explicitly (RFC 9110 §12.5.3).
        br: br.or(star).unwrap_or(0),
        gzip: gzip.or(star).unwrap_or(0),
        // identity is acceptable unless excluded by `identity;q=0` or an unlisted `*;q=0`;
        // when not mentioned it is only a last resort, below any listed coding.
        identity: identity.or(star.filter(|&q| q == 0)).unwrap_or(1),
    }
}

/// Parses a `q=` parameter. `None`: not a q parameter; `Some(None)`: malformed.
fn qvalue(param: &[u8]) -> Option<Option<Weight>> {
    let rest = param
        .strip_prefix(b"q")
        .or_else(|| param.strip_prefix(b"Q"))?;
    let value = trim(rest).strip_prefix(b"=")?;
    Some(parse_weight(trim(value)))
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn parse_weight(v: &[u8]) -> Option<Weight> {
    let (int, frac) = match v.iter().position(|&b| b == b'.') {
        Some(i) => (&v[..i], &v[i + 1..]),
        None => (v, &[][..]),
    };
    if frac.len() > 3 || !frac.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut thousandths: Weight = 0;
    for (i, d) in frac.iter().enumerate() {
        thousandths += Weight::from(d - b'0') * [100, 10, 1][i];
    }
    match int {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

fn trim(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::Encoding;
    use http::HeaderValue;
    use std::time::SystemTime;

    fn resource() -> Resource {
        Resource::new("text/plain", "x".repeat(1000), SystemTime::UNIX_EPOCH)
    }

    fn pick(ae: Option<&str>) -> Encoding {
        let mut headers = HeaderMap::new();
        if let Some(ae) = ae {
            headers.insert(
                ACCEPT_ENCODING,
                HeaderValue::from_str(ae).expect("test header"),
            );
        }
        let resource = resource();
        let variant = choose(&resource, &headers);
        match variant.content_encoding.as_ref().map(|v| v.as_bytes()) {
            Some(b"gzip") => Encoding::Gzip,
            Some(b"br") => Encoding::Brotli,
            _ => Encoding::Identity,
        }
    }

    #[test]
    fn several_field_lines_form_one_list() {
        let mut headers = HeaderMap::new();
        headers.append(ACCEPT_ENCODING, HeaderValue::from_static("gzip;q=0.5"));
        headers.append(ACCEPT_ENCODING, HeaderValue::from_static("br;q=0.9"));
        let resource = resource();
        let variant = choose(&resource, &headers);
        assert_eq!(
            variant.content_encoding.as_ref().map(|v| v.as_bytes()),
            Some(&b"br"[..])
        );
    }

    #[test]
    fn negotiation_table() {
        use Encoding::*;
        for (ae, want) in [
            (None, Identity),
            (Some(""), Identity),
            (Some("gzip"), Gzip),
            (Some("gzip, deflate, br"), Brotli),
            (Some("br;q=0, gzip"), Gzip),
            (Some("gzip;q=0"), Identity),
            (Some("GZIP ; Q=0.5"), Gzip),
            (Some("*"), Brotli),
            (Some("*;q=0.5, br;q=0"), Gzip),
            (Some("identity;q=0, gzip;q=0"), Identity),
            (Some("gzip;q=0.3, identity;q=0.5"), Identity),
            (Some("gzip;q=0.8, br;q=0.5"), Gzip),
            (Some("gzip;q=1.5"), Identity),
            (Some("x-gzip"), Gzip),
            (Some("deflate"), Identity),
        ] {
            assert_eq!(pick(ae), want, "{ae:?}");
        }
    }

    #[test]
    fn common_values_read_as_the_parser_reads_them() {
        for (value, _, _) in COMMON_VALUES {
            assert_eq!(
                common_weights(value),
                Some(weights(std::iter::once(value))),
                "{}",
                String::from_utf8_lossy(value)
            );
        }
        assert_eq!(common_weights(b"gzip;q=0"), None);
    }

    #[test]
    fn weights_parse() {
        assert_eq!(parse_weight(b"0.125"), Some(125));
        assert_eq!(parse_weight(b"1.000"), Some(1000));
        assert_eq!(parse_weight(b"1.001"), None);
        assert_eq!(parse_weight(b"0.1234"), None);
        assert_eq!(parse_weight(b"abc"), None);
    }
}
