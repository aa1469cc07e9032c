//! RSS 2.0 (<https://www.rssboard.org/rss-specification>) through the `rss` crate.
//!
//! Text goes to the crate raw: it escapes element text, and writes `description` and
//! `content:encoded` as CDATA, splitting any `]]>` across two sections so text cannot close
//! them. CDATA is not escaping, though, and readers take `description` as HTML (the spec
//! says it may hold entity-encoded HTML), so the plain-text summary is HTML-escaped once
//! before it goes in; otherwise a `<script>` in an article would reach readers as markup.
//!
//! Authors are names, not e-mail addresses, so they go in `dc:creator` (the RSS Advisory
//! Board's profile) rather than in `author`, which the spec defines as an e-mail address.

use std::collections::BTreeMap;

use rss::extension::dublincore::DublinCoreExtension;
use rss::extension::Extension;
use rss::{Category, Channel, Guid, Item as RssItem};

use super::escape::{clean, escape};
use super::item::{last_updated, Item};
use super::{Entry, Site, GENERATOR, RSS};

/// The Atom namespace, for the channel's `atom:link rel="self"`.
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// The RSS 2.0 document for `entries`, in the order given.
pub fn render(site: &Site, entries: &[Entry]) -> String {
    let mut channel = Channel {
        title: clean(&site.title).into_owned(),
        link: site.url(""),
        description: clean(&site.description).into_owned(),
        language: Some(clean(&site.language).into_owned()),
        // The newest change, not the clock: the same store must give the same bytes.
        last_build_date: last_updated(entries).map(|t| t.to_rfc2822()),
        generator: Some(GENERATOR.to_string()),
        items: entries
            .iter()
            .map(|e| to_rss_item(&Item::from_entry(site, e)))
            .collect(),
        ..Channel::default()
    };
    channel
        .namespaces
        .insert("atom".to_string(), ATOM_NS.to_string());
    channel
        .extensions
        .entry("atom".to_string())
        .or_default()
        .insert("link".to_string(), vec![self_link(site)]);
    let mut out = channel.to_string();
    out.push('\n');
    out
}

/// `<atom:link rel="self">`: the feed's own address, which RSS 2.0 has no element for.
fn self_link(site: &Site) -> Extension {
    let attrs = BTreeMap::from([
        ("href".to_string(), site.url(RSS.path)),
        ("rel".to_string(), "self".to_string()),
        ("type".to_string(), RSS.mime.to_string()),
    ]);
    Extension {
        name: "atom:link".to_string(),
        attrs,
        ..Extension::default()
    }
}

/// One `<item>`.
fn to_rss_item(item: &Item) -> RssItem {
    RssItem {
        title: Some(item.title.clone()),
        link: Some(item.url.clone()),
        // An item needs a title or a description; ours always has a title.
        description: (!item.summary.is_empty()).then(|| escape(&item.summary)),
        content: Some(item.content_html.clone()),
        // A tag: URI is not a URL a browser can open, hence isPermaLink="false".
        guid: Some(Guid {
            value: item.id.clone(),
            permalink: false,
        }),
        // RFC 822 as updated by RFC 1123, with a numeric zone (`+0800`), which chrono writes.
        pub_date: Some(item.published.to_rfc2822()),
        categories: item
            .page_label
            .iter()
            .map(|label| Category {
                name: label.clone(),
                domain: None,
            })
            .collect(),
        // One creator with the names joined, so a reader that shows one creator shows all.
        dublin_core_ext: Some(DublinCoreExtension {
            creators: vec![item.byline()],
            ..DublinCoreExtension::default()
        }),
        ..RssItem::default()
    }
}
