//! What every feed format says about one entry, computed once so the formats agree.
//!
//! RSS, Atom and JSON Feed each take an [`Item`] and only decide how to write it. All strings
//! here are raw text (or, for `content_html`, HTML we built) already [`clean`]ed of characters
//! XML forbids; escaping is each writer's job. This module does not know any feed syntax.

use chrono::{DateTime, FixedOffset};

use super::escape::clean;
use super::{html, Entry, Site};
use crate::article::Article;

/// How many characters of the first paragraph make the plain-text summary.
pub const SUMMARY_CHARS: usize = 140;

/// How many characters of the summary stand in for an empty title.
const UNTITLED_CHARS: usize = 30;

/// One entry as the feeds show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The permanent `tag:` URI.
    pub id: String,
    /// The absolute URL of the article page.
    pub url: String,
    /// Plain text; never empty (see [`display_title`]).
    pub title: String,
    /// Plain text, the first paragraph cut at [`SUMMARY_CHARS`] (or [`missing_text`]).
    pub summary: String,
    /// The whole body as plain text, dateline first (or [`missing_text`]).
    pub content_text: String,
    /// The article as an HTML fragment ([`html::article_fragment`]).
    pub content_html: String,
    /// One name per author; the publication when the article names nobody.
    pub authors: Vec<String>,
    /// `第1版` / `Page 1`, when the page is known.
    pub page_label: Option<String>,
    /// The edition's date, staggered by reading order.
    pub published: DateTime<FixedOffset>,
    /// The last change of the stored content.
    pub updated: DateTime<FixedOffset>,
}

impl Item {
    /// Derives every field the feeds need from a stored entry.
    pub fn from_entry(site: &Site, entry: &Entry) -> Item {
        let a = &entry.article;
        let missing = missing_text(site, entry);
        let or_missing = |text: String| match &missing {
            Some(note) if text.is_empty() => note.clone(),
            _ => clean(&text).into_owned(),
        };
        Item {
            id: site.tag_uri(&a.id),
            url: site.article_url(&a.id),
            title: display_title(site, entry),
            summary: or_missing(a.summary(SUMMARY_CHARS)),
            content_text: or_missing(plain_text(a)),
            content_html: html::article_fragment(site, entry),
            authors: authors(site, entry),
            page_label: page_label(site, entry),
            published: entry.published,
            updated: entry.updated,
        }
    }

    /// The authors as one display string: `甲、乙` for CJK names, `A, B` otherwise.
    pub fn byline(&self) -> String {
        join_names(&self.authors)
    }
}

/// The newest `updated` of all entries: the feeds' own last-change time, never the clock.
pub fn last_updated(entries: &[Entry]) -> Option<DateTime<FixedOffset>> {
    entries.iter().map(|e| e.updated).max()
}

/// The title, or for an untitled brief the start of its text, so no reader shows a blank.
///
/// Always one line: a title that wrapped in print, or a tab from extraction, reads as a
/// space (and a raw `\r` would not survive XML's end-of-line normalisation anyway).
pub fn display_title(site: &Site, entry: &Entry) -> String {
    let a = &entry.article;
    let first_block: String = a
        .blocks
        .first()
        .map(|b| b.text().chars().take(UNTITLED_CHARS).collect())
        .unwrap_or_default();
    [a.title.clone(), a.summary(UNTITLED_CHARS), first_block]
        .iter()
        .map(|s| one_line(s))
        .find(|s| !s.is_empty())
        .or_else(|| page_label(site, entry))
        .unwrap_or_else(|| one_line(&publication(site, entry)))
}

/// `s` cleaned of characters XML forbids, with every run of whitespace made one space.
fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's authors, or the publication: every item must name someone (RFC 4287 §4.1.1).
fn authors(site: &Site, entry: &Entry) -> Vec<String> {
    let named = named_authors(&entry.article);
    if named.is_empty() {
        vec![publication(site, entry).to_string()]
    } else {
        named
    }
}

/// The authors the article names, each on one line, blanks dropped.
pub fn named_authors(a: &Article) -> Vec<String> {
    a.authors
        .iter()
        .map(|n| one_line(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The entry's publication, or the site's when the edition's file name gave none.
pub fn publication<'a>(site: &'a Site, entry: &'a Entry) -> std::borrow::Cow<'a, str> {
    let name = entry.edition.publication.trim();
    clean(if name.is_empty() {
        site.publication.trim()
    } else {
        name
    })
}

/// Joins names the way the language does: `、` between CJK names, `, ` between Latin ones.
pub fn join_names(names: &[String]) -> String {
    let sep = if names.iter().any(|n| n.chars().any(is_cjk)) {
        "、"
    } else {
        ", "
    };
    names.join(sep)
}

/// `第1版` for a Chinese site, `Page 1` otherwise; leading zeros of the file name dropped.
pub fn page_label(site: &Site, entry: &Entry) -> Option<String> {
    let page = entry
        .article
        .page
        .as_deref()
        .or(entry.edition.page.as_deref())?
        .trim();
    let trimmed = page.trim_start_matches('0');
    let page = match (page.is_empty(), trimmed.is_empty()) {
        (true, _) => return None,
        (false, true) => "0",
        (false, false) => trimmed,
    };
    let page = clean(page);
    Some(if is_chinese(site) {
        format!("第{page}版")
    } else {
        format!("Page {page}")
    })
}

/// What an article shows in place of a body when the splitter found its headline (and
/// perhaps its writers) but none of its text: said outright, in the site's language, so a
/// reader does not take an empty entry for a broken feed. `None` when there is any text.
pub fn missing_text(site: &Site, entry: &Entry) -> Option<String> {
    let a = &entry.article;
    let has_dateline = a.dateline.as_deref().is_some_and(|d| !d.trim().is_empty());
    if !a.blocks.is_empty() || has_dateline {
        return None;
    }
    let page = page_label(site, entry);
    Some(if is_chinese(site) {
        match page {
            Some(p) => format!("未能在{p}的版面文本中找到本文正文。"),
            None => "未能在版面文本中找到本文正文。".to_owned(),
        }
    } else {
        match page {
            Some(p) => format!("The text of this article could not be found on {p} of the dump."),
            None => "The text of this article could not be found in the dump.".to_owned(),
        }
    })
}

/// The site is written in Chinese (its `language` is `zh`, `zh-CN`, …).
fn is_chinese(site: &Site) -> bool {
    site.language.to_ascii_lowercase().starts_with("zh")
}

/// The body as plain text with the dateline first, as it was printed.
fn plain_text(a: &Article) -> String {
    let body = a.plain_text();
    match a.dateline.as_deref().map(str::trim) {
        Some(d) if !d.is_empty() => format!("{d}{}{body}", dateline_gap(d)),
        _ => body,
    }
}

/// What goes between a dateline and the text after it: nothing after CJK (`株洲日报讯（…）11月`),
/// a space after Latin (`WASHINGTON, Nov. 8 — `).
pub fn dateline_gap(dateline: &str) -> &'static str {
    match dateline.chars().last() {
        Some(c) if is_cjk(c) || is_fullwidth_punct(c) => "",
        _ => " ",
    }
}

/// Han and kana: scripts written without spaces between words, whose lists take `、`.
/// (Hangul is left out on purpose: Korean puts spaces between words and commas in lists.)
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{20000}'..='\u{3134F}') // extensions B-G
}

/// CJK and fullwidth punctuation (`）`, `：`, `。`).
fn is_fullwidth_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, EditionMeta};

    fn site(lang: &str) -> Site {
        Site {
            title: "T".into(),
            description: "D".into(),
            language: lang.into(),
            base_url: "https://news.example.org".into(),
            publication: "株洲日报".into(),
            tag_authority: "example.org,2024".into(),
        }
    }

    fn entry(title: &str, authors: &[&str], page: Option<&str>, first: &str) -> Entry {
        let t = chrono::DateTime::parse_from_rfc3339("2024-11-09T08:00:00+08:00").unwrap();
        Entry {
            article: Article {
                id: "2024-11-09-p01-abc".into(),
                page: page.map(Into::into),
                kicker: None,
                title: title.into(),
                subtitle: None,
                authors: authors.iter().map(|s| s.to_string()).collect(),
                dateline: None,
                blocks: vec![Block::Paragraph { text: first.into() }],
                continued: false,
                continued_from: None,
            },
            edition: EditionMeta {
                publication: String::new(),
                date: Some("2024-11-09".into()),
                page: Some("03".into()),
            },
            published: t,
            updated: t,
        }
    }

    #[test]
    fn page_labels_follow_the_site_language() {
        let e = entry("t", &[], Some("01"), "x");
        assert_eq!(page_label(&site("zh-CN"), &e).as_deref(), Some("第1版"));
        assert_eq!(page_label(&site("en"), &e).as_deref(), Some("Page 1"));
        let e = entry("t", &[], None, "x");
        assert_eq!(page_label(&site("en"), &e).as_deref(), Some("Page 3"));
        let mut e = entry("t", &[], Some("A10"), "x");
        assert_eq!(page_label(&site("en"), &e).as_deref(), Some("Page A10"));
        e.edition.page = None;
        e.article.page = None;
        assert_eq!(page_label(&site("en"), &e), None);
    }

    #[test]
    fn names_join_by_script() {
        let cjk = vec!["陈正明".to_string(), "邹家虎".to_string()];
        assert_eq!(join_names(&cjk), "陈正明、邹家虎");
        let latin = vec!["Ann Lee".to_string(), "Bo Li".to_string()];
        assert_eq!(join_names(&latin), "Ann Lee, Bo Li");
    }

    #[test]
    fn nobody_named_means_the_publication() {
        let s = site("zh-CN");
        assert_eq!(authors(&s, &entry("t", &[" "], None, "x")), ["株洲日报"]);
        assert_eq!(authors(&s, &entry("t", &["任远"], None, "x")), ["任远"]);
    }

    #[test]
    fn empty_title_falls_back_to_text_then_page() {
        let s = site("zh-CN");
        let long = "一二三四五六七八九十".repeat(4);
        let title = display_title(&s, &entry("  ", &[], None, &long));
        assert_eq!(
            title,
            format!("{}…", &long.chars().take(30).collect::<String>())
        );
        assert_eq!(display_title(&s, &entry("", &[], None, "")), "第3版");
    }

    #[test]
    fn an_article_without_text_says_so_in_the_site_language() {
        let mut e = entry("标题", &["王明"], Some("03"), "x");
        assert_eq!(missing_text(&site("zh-CN"), &e), None);
        e.article.blocks.clear();
        let zh = Item::from_entry(&site("zh-CN"), &e);
        assert_eq!(zh.summary, "未能在第3版的版面文本中找到本文正文。");
        assert_eq!(zh.content_text, zh.summary);
        assert!(zh.content_html.contains(&zh.summary), "{}", zh.content_html);
        let en = Item::from_entry(&site("en"), &e);
        assert_eq!(
            en.content_text,
            "The text of this article could not be found on Page 3 of the dump."
        );
        // A dateline alone is text: it shows, and nothing is said to be missing.
        e.article.dateline = Some("新华社北京1月1日电".into());
        assert_eq!(missing_text(&site("zh-CN"), &e), None);
        assert_eq!(
            Item::from_entry(&site("zh-CN"), &e).content_text,
            "新华社北京1月1日电"
        );
    }

    #[test]
    fn dateline_gap_depends_on_script() {
        assert_eq!(dateline_gap("株洲日报讯（全媒体记者/任远）"), "");
        assert_eq!(dateline_gap("新华社北京11月8日电"), "");
        assert_eq!(dateline_gap("WASHINGTON, Nov. 8 —"), " ");
    }
}
