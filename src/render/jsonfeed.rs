//! JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>) as serde structs.
//!
//! Field names and their order follow the spec; optional fields that have no value are left
//! out rather than written as `null`, as the spec asks. JSON escaping is serde_json's job:
//! `content_html` is our HTML fragment, escaped once as HTML and once as JSON.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use super::escape::clean;
use super::item::Item;
use super::{Entry, Site, JSON_FEED};

/// The version URL every JSON Feed 1.1 document starts with.
pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// The top-level object.
#[derive(Debug, Serialize)]
struct Feed<'a> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    language: String,
    authors: Vec<Author>,
    items: Vec<FeedItem<'a>>,
}

/// An author object; a name is all the store knows.
#[derive(Debug, Serialize)]
struct Author {
    name: String,
}

/// One item.
#[derive(Debug, Serialize)]
struct FeedItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    content_text: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    date_published: String,
    date_modified: String,
    authors: Vec<Author>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
}

/// The JSON Feed 1.1 document for `entries`, in the order given.
pub fn render(site: &Site, entries: &[Entry]) -> String {
    let items: Vec<Item> = entries.iter().map(|e| Item::from_entry(site, e)).collect();
    let feed = Feed {
        version: VERSION,
        title: clean(&site.title).into_owned(),
        home_page_url: site.url(""),
        feed_url: site.url(JSON_FEED.path),
        description: clean(&site.description).into_owned(),
        language: clean(&site.language).into_owned(),
        authors: vec![author(&site.publication)],
        items: items.iter().map(to_feed_item).collect(),
    };
    // Only strings, vectors and structs: serialising them cannot fail (no maps with
    // non-string keys, no custom Serialize impls), whatever the text holds.
    let mut out = serde_json::to_string_pretty(&feed).expect("plain structs serialise");
    out.push('\n');
    out
}

/// One item, borrowing the shared [`Item`].
fn to_feed_item(item: &Item) -> FeedItem<'_> {
    FeedItem {
        id: &item.id,
        url: &item.url,
        title: &item.title,
        content_html: &item.content_html,
        content_text: &item.content_text,
        summary: &item.summary,
        date_published: rfc3339(item.published),
        date_modified: rfc3339(item.updated),
        authors: item.authors.iter().map(|a| author(a)).collect(),
        tags: item.page_label.iter().map(String::as_str).collect(),
    }
}

/// An author object from a name.
fn author(name: &str) -> Author {
    Author {
        name: clean(name).into_owned(),
    }
}

/// RFC 3339 with the edition's own offset (`2024-11-09T08:00:00+08:00`), sub-seconds only
/// when there are any.
fn rfc3339(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_offset() {
        let t = DateTime::parse_from_rfc3339("2024-11-09T08:00:00+08:00").unwrap();
        assert_eq!(rfc3339(t), "2024-11-09T08:00:00+08:00");
        let t = DateTime::parse_from_rfc3339("2024-11-09T00:00:00.5+00:00").unwrap();
        assert_eq!(rfc3339(t), "2024-11-09T00:00:00.500Z");
    }
}
