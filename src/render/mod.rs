//! Pure renderers: RSS 2.0, Atom 1.0, JSON Feed 1.1, article pages, the index and OPML.
//!
//! Every function takes the site description and the entries to show and returns bytes;
//! nothing here reads the clock, so the same store renders to the same bytes.

pub mod atom;
pub mod escape;
pub mod html;
mod item;
pub mod jsonfeed;
pub mod opml;
pub mod rss;

use chrono::{DateTime, FixedOffset};

use crate::article::{Article, EditionMeta};

/// One published feed: its path under the site root, media type and format name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedFile {
    /// Relative to the site root and to `feeds/`: `feed.xml`.
    pub path: &'static str,
    /// The media type to serve and to announce in autodiscovery links.
    pub mime: &'static str,
    /// The format's name for people: `RSS`.
    pub format: &'static str,
}

/// The RSS 2.0 feed.
pub const RSS: FeedFile = FeedFile {
    path: "feed.xml",
    mime: "application/rss+xml",
    format: "RSS",
};

/// The Atom 1.0 feed.
pub const ATOM: FeedFile = FeedFile {
    path: "atom.xml",
    mime: "application/atom+xml",
    format: "Atom",
};

/// The JSON Feed 1.1 feed; its spec ("Discovery") asks for this type, not application/json.
pub const JSON_FEED: FeedFile = FeedFile {
    path: "feed.json",
    mime: "application/feed+json",
    format: "JSON Feed",
};

/// The three feeds, in the order pages and the OPML list them.
pub const FEEDS: [FeedFile; 3] = [RSS, ATOM, JSON_FEED];

/// The feeds' `generator`: the program and its version.
pub const GENERATOR: &str = concat!("pressroom ", env!("CARGO_PKG_VERSION"));

/// Where the OPML list of the feeds is published.
pub const OPML_PATH: &str = "feeds.opml";

/// What the feeds say about the site; built from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub title: String,
    pub description: String,
    /// BCP 47 tag, `zh-CN`.
    pub language: String,
    /// Absolute, without a trailing slash: `https://news.example.org`.
    pub base_url: String,
    /// The newspaper's name; the feeds' author when an article has none.
    pub publication: String,
    /// The authority part of `tag:` URIs (RFC 4151), `example.org,2024`; never `base_url`.
    pub tag_authority: String,
}

/// One stored article as the feeds show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub article: Article,
    pub edition: EditionMeta,
    /// The edition's date in the configured zone, staggered by page and reading order.
    pub published: DateTime<FixedOffset>,
    /// When the stored content last changed (equal to `published` until a correction).
    pub updated: DateTime<FixedOffset>,
}

impl Site {
    /// The absolute URL of an article's page.
    pub fn article_url(&self, id: &str) -> String {
        format!("{}/articles/{id}.html", self.base_url)
    }

    /// The absolute URL of a published file (`feed.xml`).
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base_url, path.trim_start_matches('/'))
    }

    /// A permanent `tag:` URI for an article id (or `feed` for the feed itself).
    pub fn tag_uri(&self, id: &str) -> String {
        format!("tag:{}:{id}", self.tag_authority)
    }
}
