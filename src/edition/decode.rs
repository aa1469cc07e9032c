//! Bytes to text: BOM sniffing, UTF-8, UTF-16 and GB18030 detection, newline normalisation.
//!
//! Detection never trusts the file extension: a BOM wins, then valid UTF-8, then UTF-16
//! without BOM (recognised by its NUL pattern), then chardetng's guess, which must decode
//! without errors. Binary input is refused rather than decoded into garbage.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use thiserror::Error;

/// Why a dump could not be turned into text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not text ({0})")]
    Binary(String),
    #[error("the bytes are not valid in any supported encoding (tried {0})")]
    Undecodable(String),
}

/// Decodes a dump to text with `\n` line ends (form feeds kept as page breaks).
///
/// # Errors
/// Empty input, binary input (control bytes, NULs outside UTF-16) and bytes that no
/// supported encoding decodes cleanly.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        decode_strict(enc, &bytes[bom_len..])?
    } else if let Some(enc) = sniff_utf16(bytes) {
        // Checked before UTF-8: ASCII in UTF-16 is also valid (NUL-laden) UTF-8.
        decode_strict(enc, bytes)?
    } else if let Some(s) = utf8_allowing_cut_tail(bytes) {
        s
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        let guess = det.guess(None, true);
        // A guessed single-byte encoding decodes anything; for this product only CJK
        // multi-byte encodings are plausible, and GB18030 is the superset of GBK/GB2312.
        let enc = if guess.is_single_byte() {
            GB18030
        } else {
            guess
        };
        decode_strict(enc, bytes).or_else(|_| decode_strict(GB18030, bytes))?
    };
    let text = normalize_newlines(text);
    reject_binary(&text)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// Valid UTF-8, or valid UTF-8 whose last character was cut off by truncation (the partial
/// character is dropped: it carried no readable text).
fn utf8_allowing_cut_tail(bytes: &[u8]) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_owned()),
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()])
                .ok()
                .map(str::to_owned)
        }
        Err(_) => None,
    }
}

fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| DecodeError::Undecodable(format!("{}, {}", UTF_8.name(), enc.name())))
}

/// UTF-16 without a BOM: text that is mostly ASCII or CJK has NULs in one parity.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    // Either parity needs NULs; a byte search rules most text out before counting.
    if bytes.len() < 4 || bytes.len() % 2 != 0 || !bytes.contains(&0) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // ASCII-heavy UTF-16 has a NUL in most high bytes; the other parity has almost none.
    if odd * 3 > pairs && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 3 > pairs && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The text with `\r\n` and lone `\r` turned into `\n`; most dumps have none, and are
/// returned without a copy.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Control characters other than tab, newline and form feed mean this is not a text dump.
fn reject_binary(text: &str) -> Result<(), DecodeError> {
    let bytes = text.as_bytes();
    // Asked of the bytes before counting: the test vectorises (a count does not), and a
    // dump has no controls, so the count runs only on input about to be refused.
    if !to_byte_pairs(bytes).fold(false, |any, (a, b)| any | is_control_at(a, b)) {
        return Ok(());
    }
    let controls = to_byte_pairs(bytes)
        .filter(|&(a, b)| is_control_at(a, b))
        .count();
    let total = text.chars().count().max(1);
    if controls * 100 > total || text.contains('\0') {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in {total}"
        )));
    }
    Ok(())
}

/// Each byte with the one after it (NUL after the last).
fn to_byte_pairs(bytes: &[u8]) -> impl Iterator<Item = (u8, u8)> + '_ {
    let last = bytes.last().map(|&b| (b, 0));
    bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .map(|(&a, &b)| (a, b))
        .chain(last)
}

/// Whether byte `a` (followed by `b`) of UTF-8 text starts a control character other than
/// tab, newline and form feed: a C0 control or DEL is one byte, a C1 control (U+0080 to
/// U+009F) the pair `C2 80`–`C2 9F`. Bitwise, not short-circuit, so that a scan vectorises.
fn is_control_at(a: u8, b: u8) -> bool {
    let c0 = (a < 0x20) & (a != b'\n') & (a != b'\t') & (a != b'\x0c');
    let c1 = (a == 0xc2) & (0x80..=0x9f).contains(&b);
    c0 | (a == 0x7f) | c1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "株洲日报讯（全媒体记者/任远） 11\r\n月 8日，记者从市商务局获悉\r\n";

    #[test]
    fn utf8_with_and_without_bom_and_crlf() {
        let plain = decode(SAMPLE.as_bytes()).unwrap();
        assert!(!plain.contains('\r'));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap(), plain);
    }

    #[test]
    fn gb18030_and_utf16_decode_to_the_same_text() {
        let expected = decode(SAMPLE.as_bytes()).unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(SAMPLE);
        assert_eq!(decode(&gbk).unwrap(), expected);
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend_from_slice(&le);
        assert_eq!(decode(&le_bom).unwrap(), expected);
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut be_bom = vec![0xFE, 0xFF];
        be_bom.extend_from_slice(&be);
        assert_eq!(decode(&be_bom).unwrap(), expected);
    }

    #[test]
    fn utf16_without_bom_is_sniffed_for_latin_text() {
        let s = "By Associated Press.\nWASHINGTON, Dec. 11.\n";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), s);
    }

    #[test]
    fn utf8_cut_mid_character_keeps_the_complete_text() {
        let bytes = "记者从市商务局".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        assert_eq!(decode(cut).unwrap(), "记者从市商务");
    }

    #[test]
    fn controls_are_counted_on_bytes_as_on_characters() {
        let text = "a\u{1}\tb\u{7f}\n\u{85}·\u{c}记\u{9f}\0";
        let by_chars = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\n' | '\t' | '\x0c'))
            .count();
        let by_bytes = to_byte_pairs(text.as_bytes())
            .filter(|&(a, b)| is_control_at(a, b))
            .count();
        assert_eq!(by_bytes, by_chars);
        assert_eq!(by_chars, 5);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\r\n"), Err(DecodeError::Empty));
        let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(
            decode(&binary),
            Err(DecodeError::Binary(_) | DecodeError::Undecodable(_))
        ));
        assert!(matches!(
            decode(b"abc\0def\0ghi"),
            Err(DecodeError::Binary(_))
        ));
    }
}
