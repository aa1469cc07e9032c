//! Escaping for markup built by hand (HTML pages, the article fragment, OPML).
//!
//! Untrusted text must be escaped exactly once in every output. The rules that keep that true:
//! - markup we write by hand (`html`, `opml`) passes every piece of text through [`escape`];
//! - text handed to the `rss` and `atom_syndication` crates goes in *raw* (only [`clean`]ed),
//!   because those crates escape element text and attributes themselves;
//! - the article fragment is HTML we built with [`escape`]; the crates then escape it once
//!   more as XML (entities in Atom, CDATA in RSS), which is the layer a reader undoes first.
//!
//! This module does not sanitise HTML: there is no HTML input, only text.

use std::borrow::Cow;

/// Escapes `s` for HTML/XML text and for quoted attribute values, dropping illegal characters.
///
/// One function for both contexts: escaping quotes in text is harmless, and a single helper
/// means no call site has to pick the right variant.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Drops characters that XML 1.0 forbids even as references (C0 controls such as the form
/// feed that separates pages in a dump, U+FFFE, U+FFFF); everything else is left as is.
///
/// A single stray control character would make a whole feed unparseable for strict readers
/// (XML 1.0 §2.2 `Char`), so text passed raw to the feed crates goes through this first.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// True for characters in the XML 1.0 `Char` production (surrogates cannot occur in `str`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_specials_once() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        // Already-escaped-looking text is text: its `&` is escaped, not trusted.
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("a]]>b"), "a]]&gt;b");
    }

    #[test]
    fn leaves_cjk_and_plain_text_alone() {
        assert_eq!(escape("株洲日报讯（记者/任远）"), "株洲日报讯（记者/任远）");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("😀 ok\tline\n"), "😀 ok\tline\n");
    }

    #[test]
    fn drops_characters_xml_forbids() {
        assert_eq!(escape("a\u{c}b\u{0}c\u{fffe}"), "abc");
        assert_eq!(clean("第一版\u{c}第二版"), "第一版第二版");
        assert!(matches!(clean("fine\r\n"), Cow::Borrowed(_)));
    }

    /// Undoes exactly the five references [`escape`] writes, nothing else.
    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest::proptest! {
        #[test]
        fn escape_is_reversible_and_leaves_no_markup(s in proptest::prelude::any::<String>()) {
            let e = escape(&s);
            proptest::prop_assert!(!e.contains(['<', '>', '"', '\'']));
            proptest::prop_assert_eq!(unescape(&e), clean(&s));
        }
    }
}
