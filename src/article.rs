//! The article model shared by the splitter, the store and the renderers.
//!
//! An [`Article`] is what the splitter finds on a page; its [`Article::id`] is stable across
//! re-drops, corrections and splitter upgrades because it is derived only from the edition,
//! the page and the headline (never from the body or from `base_url`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One block of an article's body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A body paragraph.
    Paragraph { text: String },
    /// An in-article subhead, a numbered item's heading or a sidebar label.
    Heading { text: String },
    /// A photo caption and, when printed, its credit (`记者/杨凌凌 摄`).
    Caption {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        credit: Option<String>,
    },
}

impl Block {
    /// The block's main text.
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph { text } | Block::Heading { text } | Block::Caption { text, .. } => {
                text
            }
        }
    }
}

/// One article of a page, as the splitter found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id; see [`article_id`].
    pub id: String,
    /// The page this article starts on, when known (`"01"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub dateline: Option<String>,
    pub blocks: Vec<Block>,
    /// True when the article goes on on another page (`（下转第3版）`, cut off mid-sentence).
    pub continued: bool,
    /// The page this piece was continued from (`（上接第1版）`), when it is a jump's second half.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued_from: Option<String>,
}

impl Article {
    /// The body as plain text: paragraphs, headings and captions (with their credit) in
    /// reading order, separated by blank lines.
    pub fn plain_text(&self) -> String {
        let parts: Vec<String> = self
            .blocks
            .iter()
            .map(|b| match b {
                Block::Caption {
                    text,
                    credit: Some(credit),
                } => format!("{text} {credit}"),
                other => other.text().to_owned(),
            })
            .collect();
        parts.join("\n\n")
    }

    /// A short plain-text summary: the first paragraph, cut at `max_chars` characters.
    pub fn summary(&self, max_chars: usize) -> String {
        let first = self
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Paragraph { .. }))
            .map(Block::text)
            .unwrap_or("");
        let mut out: String = first.chars().take(max_chars).collect();
        if first.chars().count() > max_chars {
            out.push('…');
        }
        out
    }

    /// A hash of everything a reader sees; a change means the item was updated.
    pub fn content_hash(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        hex(&Sha256::digest(&json)[..16])
    }
}

/// Where an edition's page came from: the publication, its date and page when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionMeta {
    pub publication: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The page as printed in the file name (`"01"`).
    pub page: Option<String>,
}

/// The stable id of an article: a hash of publication, date, page, headline key and the
/// ordinal of that key on the page (two untitled briefs on one page stay distinct).
///
/// `headline_key` is the whitespace-free title, or for an untitled item the start of its body.
pub fn article_id(
    meta: &EditionMeta,
    page: Option<&str>,
    headline_key: &str,
    ordinal: usize,
) -> String {
    let mut h = Sha256::new();
    for part in [
        meta.publication.as_str(),
        meta.date.as_deref().unwrap_or("-"),
        page.unwrap_or("-"),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    // The key without its whitespace, hashed a piece at a time: the same bytes as the
    // whitespace-free string, without building it.
    for piece in headline_key.split(char::is_whitespace) {
        h.update(piece.as_bytes());
    }
    h.update([0]);
    h.update(ordinal.to_le_bytes());
    let date = meta.date.as_deref().unwrap_or("undated");
    let page = page.unwrap_or("00");
    let mut id = String::with_capacity(date.len() + page.len() + 3 + 12);
    id.push_str(date);
    id.push_str("-p");
    id.push_str(page);
    id.push('-');
    push_hex(&mut id, &h.finalize()[..6]);
    id
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    push_hex(&mut s, bytes);
    s
}

/// Appends the lowercase hex of `bytes` to `out`, two digits a byte (a table look-up, not
/// the formatting machinery: an id is made for every article).
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> EditionMeta {
        EditionMeta {
            publication: "株洲日报".into(),
            date: Some("2024-11-09".into()),
            page: Some("01".into()),
        }
    }

    #[test]
    fn id_ignores_whitespace_in_title_and_changes_with_page() {
        let a = article_id(&meta(), Some("01"), "大抓落实见成效 幸福株洲成色足", 0);
        let b = article_id(&meta(), Some("01"), "大抓落实见成效幸福株洲成色足", 0);
        let c = article_id(&meta(), Some("02"), "大抓落实见成效幸福株洲成色足", 0);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("2024-11-09-p01-"), "{a}");
    }

    #[test]
    fn hex_is_two_lowercase_digits_a_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        let formatted: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&bytes), formatted);
    }

    /// Ids as the splitter made them before the key was hashed piece by piece: readers'
    /// databases hold them, so any change to the bytes hashed, or their order, fails here.
    /// Worked out apart from this code: SHA-256 of publication, date and page (each ended
    /// by a NUL), the key without whitespace, a NUL and the ordinal's 8 little-endian bytes.
    #[test]
    fn ids_are_the_ones_already_stored() {
        let untitled = EditionMeta::default();
        for (meta, page, key, ordinal, id) in [
            (
                meta(),
                Some("01"),
                "大抓落实见成效 幸福株洲成色足",
                0,
                "2024-11-09-p01-eafd68998494",
            ),
            (
                meta(),
                Some("01"),
                " 大抓\t落实 见成效\u{3000}幸福  Zhu zhou\n",
                3,
                "2024-11-09-p01-73eabc8f94c3",
            ),
            (untitled, None, "", 0, "undated-p00-a674d8321502"),
        ] {
            assert_eq!(article_id(&meta, page, key, ordinal), id, "{key:?}");
        }
    }

    #[test]
    fn blocks_serialize_with_kind_tag() {
        let b = Block::Caption {
            text: "t".into(),
            credit: Some("c".into()),
        };
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"kind":"caption","text":"t","credit":"c"}"#
        );
        let p = Block::Paragraph { text: "p".into() };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"kind":"paragraph","text":"p"}"#
        );
    }
}
