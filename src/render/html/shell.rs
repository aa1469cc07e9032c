//! The frame every HTML page shares: head, feed autodiscovery, CSS, header and footer.
//!
//! Callers hand over already-built `main` markup and raw text for everything else; this
//! module escapes that text. It knows nothing about articles.

use std::fmt::Write;

use super::escape;
use crate::render::{Site, FEEDS};

/// Small enough to inline on every page; a single column sized for reading on a phone.
const CSS: &str = "\
:root{color-scheme:light dark}\
body{max-width:40rem;margin:0 auto;padding:1rem;font:1.05rem/1.75 system-ui,sans-serif}\
a{color:#0645ad}@media(prefers-color-scheme:dark){a{color:#8ab4f8}}\
header,footer{font-size:.9rem}footer{margin-top:3rem;border-top:1px solid #8884;padding-top:1rem}\
h1{font-size:1.6rem;line-height:1.3;margin:.2rem 0}\
.kicker,.subtitle,.byline,.edition,.summary{margin:.2rem 0;opacity:.8}\
.subtitle{font-size:1.1rem}\
figure{margin:1rem 0;padding:.5rem;border-left:3px solid #8886}\
figcaption small{display:block;opacity:.7}\
ul{padding-left:1.2rem}li{margin:.6rem 0}\
img{max-width:100%}";

/// What a page puts in the frame. All fields but `main` are raw text.
pub(super) struct Page {
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// Markup, already escaped by the caller.
    pub main: String,
}

/// A whole HTML5 document around `page.main`.
pub(super) fn render(site: &Site, page: &Page) -> String {
    let mut out = String::with_capacity(page.main.len() + 2048);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n{alternates}<style>{CSS}</style>\n\
         </head>\n<body>\n{header}<main>\n{main}</main>\n{footer}</body>\n</html>\n",
        lang = escape(&site.language),
        title = escape(&page.title),
        description = escape(&page.description),
        canonical = escape(&page.canonical),
        alternates = alternates(site),
        header = header(site),
        main = page.main,
        footer = footer(site),
    );
    out
}

/// `<link rel="alternate">` for each feed, so browsers and readers find them from any page.
fn alternates(site: &Site) -> String {
    FEEDS.iter().fold(String::new(), |mut out, feed| {
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"{}\" title=\"{} ({})\" href=\"{}\">",
            feed.mime,
            escape(&site.title),
            feed.format,
            escape(&site.url(feed.path)),
        );
        out
    })
}

/// The site name, linking back to the index.
fn header(site: &Site) -> String {
    format!(
        "<header><a href=\"{}\">{}</a></header>\n",
        escape(&site.url("")),
        escape(&site.title)
    )
}

/// Visible links to the feeds and the OPML list, for people who subscribe by hand.
fn footer(site: &Site) -> String {
    let mut links: Vec<String> = FEEDS
        .iter()
        .map(|f| link(&site.url(f.path), f.format))
        .collect();
    links.push(link(&site.url(crate::render::OPML_PATH), "OPML"));
    format!("<footer><p>{}</p></footer>\n", links.join(" · "))
}

/// `<a href>` with both parts escaped.
pub(super) fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
}
