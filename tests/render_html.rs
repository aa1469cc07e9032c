//! The HTML pages and the OPML list: valid HTML5 basics, feed autodiscovery, absolute links,
//! and hostile text escaped exactly once.

#[path = "fixtures/render_entries.rs"]
mod fixtures;

use fixtures::*;
use pressroom::render::{html, opml};

#[test]
fn article_page_is_valid_html5_with_everything_escaped_once() {
    let site = site();
    let page = html::article_page(&site, &cjk_entry());
    for needle in [
        "<!doctype html>\n<html lang=\"zh-CN\">",
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>大抓落实见成效 幸福株洲成色足 – 株洲日报 &quot;数字报&quot; &amp; 朋友</title>",
        "<hgroup>\n<p class=\"kicker\">喜迎&lt;盛会&gt;</p>\n<h1>大抓落实见成效 幸福株洲成色足</h1>\n\
         <p class=\"subtitle\">副题：项目 &amp; 民生</p>\n</hgroup>",
        "<p class=\"byline\">陈正明、邹家虎</p>",
        "<link rel=\"canonical\" href=\"https://news.example.org/articles/2024-11-09-p01-aaaaaaaaaaaa.html\">",
        "<a href=\"https://news.example.org/\">",
        "<style>",
    ] {
        assert!(page.contains(needle), "missing {needle:?} in\n{page}");
    }
    assert_autodiscovery(&page);
    let (head, main) = page.split_once("<main>").expect("main");
    assert_eq!(head.matches(SCRIPT_ONCE).count(), 1, "the meta description");
    assert_eq!(main.matches(SCRIPT_ONCE).count(), 1, "the body");
    assert!(!page.contains("<script"));
    assert!(!page.contains(LITERAL_AMP_TWICE));
    assert!(!page.contains("&amp;quot;") && !page.contains("&amp;lt;"));
    assert!(!page.contains("href=\"/"), "relative link in\n{page}");
}

#[test]
fn index_groups_by_date_and_page_with_absolute_links() {
    let site = site();
    let page = html::index_page(&site, &entries());
    assert!(page.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\">") && page.contains("name=\"viewport\""));
    assert_autodiscovery(&page);
    assert_eq!(page.matches("<h2>").count(), 1, "one edition date");
    let p1 = page.find("<h3>第1版</h3>").expect("page 1 heading");
    let p2 = page.find("<h3>第2版</h3>").expect("page 2 heading");
    assert!(p1 < p2);
    let mut last = 0;
    for i in 0..3 {
        let at = page
            .find(&format!("<a href=\"{}\">", url(i)))
            .expect("article link");
        assert!(at > last, "entries out of order");
        last = at;
    }
    assert!(page.contains(">He said &quot;quotes&quot; &amp; left ]]&gt; here</a>"));
    assert!(page.contains("R&amp;D") && !page.contains("R&amp;amp;D"));
    assert_eq!(page.matches("<ul>").count(), page.matches("</ul>").count());
    assert!(!page.contains("href=\"/"), "relative link in\n{page}");
}

fn assert_autodiscovery(page: &str) {
    for (mime, path) in [
        ("application/rss+xml", "feed.xml"),
        ("application/atom+xml", "atom.xml"),
        ("application/feed+json", "feed.json"),
    ] {
        let prefix = format!("<link rel=\"alternate\" type=\"{mime}\" title=\"");
        let href = format!("href=\"https://news.example.org/{path}\">");
        let line = page
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {mime} autodiscovery in\n{page}"));
        assert!(line.ends_with(&href), "{line}");
    }
}

#[test]
fn opml_lists_the_three_feeds() {
    let site = site();
    let doc = opml::render(&site);
    assert!(doc.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">"));
    let urls: Vec<&str> = doc
        .match_indices("xmlUrl=\"")
        .map(|(at, m)| {
            let rest = &doc[at + m.len()..];
            &rest[..rest.find('"').expect("closing quote")]
        })
        .collect();
    assert_eq!(
        urls,
        [
            "https://news.example.org/feed.xml",
            "https://news.example.org/atom.xml",
            "https://news.example.org/feed.json"
        ]
    );
    assert!(doc.contains("<title>株洲日报 &quot;数字报&quot; &amp; 朋友</title>"));
}
