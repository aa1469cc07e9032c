//! OPML 2.0 (<http://opml.org/spec2.opml>): a subscription list of the three feeds.
//!
//! Written by hand (it is a dozen lines) with [`escape`] on every attribute. No
//! `dateCreated`: it would need the clock, and the file must not change unless the site does.

use std::fmt::Write;

use super::escape::escape;
use super::{Site, FEEDS, RSS};

/// The OPML 2.0 document listing the RSS, Atom and JSON feeds.
pub fn render(site: &Site) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">\n<head>\n\
         <title>{}</title>\n<ownerName>{}</ownerName>\n</head>\n<body>\n",
        escape(&site.title),
        escape(&site.publication),
    );
    for feed in FEEDS {
        // `type="rss"` is what the spec defines for any subscription; `version` only has
        // values for the RSS family, so it is given for the RSS feed alone.
        let version = if feed == RSS { " version=\"RSS2\"" } else { "" };
        let _ = writeln!(
            out,
            "<outline type=\"rss\"{version} text=\"{text}\" title=\"{text}\" \
             description=\"{description}\" language=\"{language}\" xmlUrl=\"{xml}\" \
             htmlUrl=\"{html}\"/>",
            text = escape(&format!("{} ({})", site.title, feed.format)),
            description = escape(&site.description),
            language = escape(&site.language),
            xml = escape(&site.url(feed.path)),
            html = escape(&site.url("")),
        );
    }
    out.push_str("</body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_three_absolute_feeds_with_escaped_names() {
        let site = Site {
            title: "A & B <News>".into(),
            description: "d".into(),
            language: "en".into(),
            base_url: "https://news.example.org".into(),
            publication: "A & B".into(),
            tag_authority: "example.org,2024".into(),
        };
        let opml = render(&site);
        assert_eq!(opml.matches("<outline ").count(), 3);
        for path in ["feed.xml", "atom.xml", "feed.json"] {
            let url = format!("xmlUrl=\"https://news.example.org/{path}\"");
            assert!(opml.contains(&url), "{url} missing in {opml}");
        }
        assert!(opml.contains("<title>A &amp; B &lt;News&gt;</title>"));
        assert!(!opml.contains("&amp;amp;"));
    }
}
