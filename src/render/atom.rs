//! Atom 1.0 (RFC 4287) through the `atom_syndication` crate.
//!
//! Text goes to the crate raw: it escapes element text and attributes as XML entities (no
//! CDATA), so the HTML fragment in `<content type="html">` is escaped exactly once more as
//! RFC 4287 §3.1.1.2 requires (a `]]>` in text comes out as `]]&gt;`).

use atom_syndication::{
    Category, Content, Entry as AtomEntry, Feed, Generator, Link, Person, Text,
};
use chrono::{DateTime, Utc};

use super::escape::clean;
use super::item::{last_updated, Item};
use super::{Entry, Site, ATOM, GENERATOR};

/// The feed's own id: a `tag:` URI that survives a change of `base_url` (RFC 4287 §4.2.6).
const FEED_ID: &str = "feed";

/// The Atom 1.0 document for `entries`, in the order given.
///
/// A feed must have `updated` (§4.2.15). It is the newest entry's `updated`, never the clock;
/// an empty feed says the Unix epoch (UTC), a fixed value that keeps the output deterministic
/// and is older than anything a reader has seen, so it triggers no "new" signal.
pub fn render(site: &Site, entries: &[Entry]) -> String {
    let updated = last_updated(entries).unwrap_or_else(|| DateTime::<Utc>::UNIX_EPOCH.into());
    let feed = Feed {
        title: Text::plain(clean(&site.title)),
        id: site.tag_uri(FEED_ID),
        updated,
        authors: vec![person(&site.publication)],
        generator: Some(Generator {
            value: GENERATOR.to_string(),
            uri: None,
            version: None,
        }),
        links: vec![
            link(site.url(ATOM.path), "self", ATOM.mime),
            link(site.url(""), "alternate", "text/html"),
        ],
        subtitle: Some(Text::plain(clean(&site.description))),
        lang: Some(clean(&site.language).into_owned()),
        entries: entries
            .iter()
            .map(|e| to_atom_entry(&Item::from_entry(site, e)))
            .collect(),
        ..Feed::default()
    };
    let mut out = feed.to_string();
    out.push('\n');
    out
}

/// One `<entry>`.
fn to_atom_entry(item: &Item) -> AtomEntry {
    AtomEntry {
        title: Text::plain(item.title.clone()),
        id: item.id.clone(),
        updated: item.updated,
        published: Some(item.published),
        authors: item.authors.iter().map(|a| person(a)).collect(),
        categories: item
            .page_label
            .iter()
            .map(|label| Category {
                term: label.clone(),
                ..Category::default()
            })
            .collect(),
        links: vec![link(item.url.clone(), "alternate", "text/html")],
        summary: Some(Text::plain(item.summary.clone())),
        content: Some(Content {
            value: Some(item.content_html.clone()),
            content_type: Some("html".to_string()),
            ..Content::default()
        }),
        ..AtomEntry::default()
    }
}

/// A `<link>` with its relation and media type.
fn link(href: String, rel: &str, mime: &str) -> Link {
    Link {
        href,
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Link::default()
    }
}

/// A person construct holding only a name (we know no e-mail addresses or pages).
fn person(name: &str) -> Person {
    Person {
        name: clean(name).into_owned(),
        ..Person::default()
    }
}
