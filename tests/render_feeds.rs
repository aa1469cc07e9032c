//! The renderers' output read back by independent parsers (feed-rs, the rss crate with its
//! `validation` feature, serde_json) and compared field by field with the entries.
//!
//! The entries carry hostile text (`<script>`, a literal `&amp;`, quotes, `]]>`, a form
//! feed) so that escaping "exactly once" is checked in every format, not assumed.

use chrono::{DateTime, FixedOffset, Utc};
use pressroom::article::{Article, Block, EditionMeta};
use pressroom::render::{atom, html, jsonfeed, opml, rss, Entry, Site};
use serde_json::Value;

const SCRIPT: &str = "<script>alert(1)</script>";
const SCRIPT_ONCE: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";
/// A literal `&amp;` in the text (a badly extracted "AT&T") must come out as `&amp;amp;`.
const LITERAL_AMP_ONCE: &str = "AT&amp;amp;T";
const LITERAL_AMP_TWICE: &str = "AT&amp;amp;amp;T";

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test date")
}

fn site() -> Site {
    Site {
        title: "株洲日报 \"数字报\" & 朋友".into(),
        description: "株洲日报每日新闻 <全文>".into(),
        language: "zh-CN".into(),
        base_url: "https://news.example.org".into(),
        publication: "株洲日报".into(),
        tag_authority: "example.org,2024".into(),
    }
}

fn edition(page: &str) -> EditionMeta {
    EditionMeta {
        publication: "株洲日报".into(),
        date: Some("2024-11-09".into()),
        page: Some(page.into()),
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph { text: text.into() }
}

/// A front-page CJK story: headline group, two authors, dateline, subhead, caption; corrected
/// a day later, so `updated` is after `published`.
fn cjk_entry() -> Entry {
    Entry {
        article: Article {
            id: "2024-11-09-p01-aaaaaaaaaaaa".into(),
            page: Some("01".into()),
            kicker: Some("喜迎<盛会>".into()),
            title: "大抓落实见成效 幸福株洲成色足".into(),
            subtitle: Some("副题：项目 & 民生".into()),
            authors: vec!["陈正明".into(), "邹家虎".into()],
            dateline: Some("株洲日报讯（全媒体记者/任远）".into()),
            blocks: vec![
                para(&format!(
                    "11月8日，市民在网上留言{SCRIPT}，称AT&amp;T的说法有误。"
                )),
                Block::Heading {
                    text: "一、重点项目".into(),
                },
                Block::Caption {
                    text: "图为施工现场。".into(),
                    credit: Some("记者/杨凌凌 摄".into()),
                },
                para("第二段正文\u{c}，页面分隔符应被去掉。"),
            ],
            continued: true,
            continued_from: None,
        },
        edition: edition("01"),
        published: t("2024-11-09T08:00:00+08:00"),
        updated: t("2024-11-10T09:30:00+08:00"),
    }
}

/// A Latin story whose title and text hold quotes, `&` and the CDATA terminator.
fn latin_entry() -> Entry {
    Entry {
        article: Article {
            id: "2024-11-09-p01-bbbbbbbbbbbb".into(),
            page: Some("01".into()),
            kicker: None,
            title: "He said \"quotes\" & left ]]> here".into(),
            subtitle: None,
            authors: vec!["Ann Lee".into(), "Bo Li".into()],
            dateline: Some("WASHINGTON, Nov. 8 —".into()),
            blocks: vec![
                para("R&D spending rose; the closing ]]> of a CDATA section is just text."),
                para("Second paragraph."),
            ],
            continued: false,
            continued_from: None,
        },
        edition: edition("01"),
        published: t("2024-11-09T08:01:00+08:00"),
        updated: t("2024-11-09T08:01:00+08:00"),
    }
}

/// An untitled brief on page 2 with no author: the title comes from its text.
fn brief_entry() -> Entry {
    Entry {
        article: Article {
            id: "2024-11-09-p02-cccccccccccc".into(),
            page: Some("02".into()),
            kicker: None,
            title: String::new(),
            subtitle: None,
            authors: vec![],
            dateline: None,
            blocks: vec![para(
                "市民中心自今日起延长开放时间至晚上九点，欢迎广大市民前往办理各类业务。",
            )],
            continued: false,
            continued_from: None,
        },
        edition: edition("02"),
        published: t("2024-11-09T08:02:00+08:00"),
        updated: t("2024-11-09T08:02:00+08:00"),
    }
}

fn entries() -> Vec<Entry> {
    vec![cjk_entry(), latin_entry(), brief_entry()]
}

/// What each entry's title must read, as plain text.
const TITLES: [&str; 3] = [
    "大抓落实见成效 幸福株洲成色足",
    "He said \"quotes\" & left ]]> here",
    "市民中心自今日起延长开放时间至晚上九点，欢迎广大市民前往办理…",
];

/// What each entry's authors must be, one per person.
fn authors(i: usize) -> Vec<&'static str> {
    match i {
        0 => vec!["陈正明", "邹家虎"],
        1 => vec!["Ann Lee", "Bo Li"],
        _ => vec!["株洲日报"],
    }
}

const JOINED_AUTHORS: [&str; 3] = ["陈正明、邹家虎", "Ann Lee, Bo Li", "株洲日报"];
const PAGES: [&str; 3] = ["第1版", "第1版", "第2版"];

fn tag(i: usize) -> String {
    format!("tag:example.org,2024:{}", entries()[i].article.id)
}

fn url(i: usize) -> String {
    format!(
        "https://news.example.org/articles/{}.html",
        entries()[i].article.id
    )
}

fn utc(d: DateTime<FixedOffset>) -> DateTime<Utc> {
    d.with_timezone(&Utc)
}

/// The HTML carried in a feed: hostile text escaped once, never raw, never twice.
fn assert_html_escaped_once(html: &str) {
    if html.contains("AT&") {
        assert_eq!(html.matches(SCRIPT_ONCE).count(), 1, "{html}");
        assert_eq!(html.matches(LITERAL_AMP_ONCE).count(), 1, "{html}");
        assert!(html.contains("<strong>株洲日报讯（全媒体记者/任远）</strong>11月8日"));
        assert!(html.contains("<h3>一、重点项目</h3>"), "{html}");
        assert!(html.contains(
            "<figure><figcaption>图为施工现场。 <small>记者/杨凌凌 摄</small></figcaption></figure>"
        ));
        assert!(
            html.contains("<p class=\"kicker\">喜迎&lt;盛会&gt;</p>"),
            "{html}"
        );
    }
    if html.contains("R&amp;D") {
        assert_eq!(html.matches("closing ]]&gt; of").count(), 1, "{html}");
        assert!(html.contains("<strong>WASHINGTON, Nov. 8 —</strong> R&amp;D"));
    }
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains(LITERAL_AMP_TWICE), "{html}");
    assert!(!html.contains("&amp;lt;"), "{html}");
    assert!(!html.contains('\u{c}'), "form feed left in {html}");
}

#[test]
fn rss_reads_back_field_by_field() {
    let site = site();
    let xml = rss::render(&site, &entries());
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs reads the RSS");
    assert_eq!(feed.title.expect("title").content, site.title);
    assert_eq!(
        feed.language.as_deref(),
        Some("zh-cn"),
        "feed-rs lowercases"
    );
    assert_eq!(feed.updated, Some(utc(t("2024-11-10T09:30:00+08:00"))));
    assert!(feed
        .links
        .iter()
        .any(|l| l.href == "https://news.example.org/"));
    assert_eq!(feed.entries.len(), 3);
    for (i, e) in feed.entries.iter().enumerate() {
        let want = &entries()[i];
        assert_eq!(e.id, tag(i));
        assert_eq!(e.title.as_ref().expect("title").content, TITLES[i]);
        assert_eq!(e.links[0].href, url(i));
        assert_eq!(e.published, Some(utc(want.published)));
        let names: Vec<&str> = e.authors.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, [JOINED_AUTHORS[i]]);
        // RSS descriptions are HTML to readers: the plain summary arrives escaped once.
        let summary = e.summary.as_ref().expect("summary");
        assert_eq!(summary.content_type.to_string(), "text/html");
        assert_eq!(summary.content, html_escaped(&want.article.summary(140)));
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .expect("body");
        assert_eq!(body.trim(), html::article_fragment(want).trim());
        assert_html_escaped_once(&body);
        assert_eq!(e.categories[0].term, PAGES[i]);
    }
    let first_summary = &feed.entries[0].summary.as_ref().expect("summary").content;
    assert!(first_summary.contains(SCRIPT_ONCE) && !first_summary.contains("<script"));
}

/// The test's own HTML escaping of plain text, independent of the crate's helper.
fn html_escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn rss_validates_and_keeps_rss_specifics() {
    let site = site();
    let xml = rss::render(&site, &entries());
    let channel = ::rss::Channel::read_from(xml.as_bytes()).expect("rss reads it");
    ::rss::validation::Validate::validate(&channel).expect("valid RSS 2.0");
    assert_eq!(channel.link, "https://news.example.org/");
    assert_eq!(channel.language.as_deref(), Some("zh-CN"));
    assert_eq!(
        channel.last_build_date.as_deref(),
        Some("Sun, 10 Nov 2024 09:30:00 +0800")
    );
    let self_link = &channel.extensions["atom"]["link"][0];
    assert_eq!(self_link.attrs["href"], "https://news.example.org/feed.xml");
    assert_eq!(self_link.attrs["rel"], "self");
    for (i, item) in channel.items.iter().enumerate() {
        let guid = item.guid.as_ref().expect("guid");
        assert!(!guid.permalink, "guid must say isPermaLink=false");
        assert_eq!(guid.value, tag(i));
        let pub_date = item.pub_date.as_deref().expect("pubDate");
        assert!(pub_date.ends_with(" +0800"), "{pub_date}");
        // Exact round trip through CDATA, `]]>` included (the rss reader trims text).
        assert_eq!(
            item.content.as_deref(),
            Some(html::article_fragment(&entries()[i]).trim())
        );
        let dc = item.dublin_core_ext.as_ref().expect("dc:creator");
        assert_eq!(dc.creators, [JOINED_AUTHORS[i]]);
    }
    assert!(xml.contains("isPermaLink=\"false\""));
    assert_eq!(
        channel.items[1].description.as_deref(),
        Some("R&amp;D spending rose; the closing ]]&gt; of a CDATA section is just text.")
    );
}

#[test]
fn atom_reads_back_field_by_field() {
    let site = site();
    let xml = atom::render(&site, &entries());
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs reads the Atom");
    assert_eq!(feed.id, "tag:example.org,2024:feed");
    assert_eq!(feed.title.expect("title").content, site.title);
    assert_eq!(feed.updated, Some(utc(t("2024-11-10T09:30:00+08:00"))));
    assert_eq!(feed.authors[0].name, "株洲日报");
    assert_eq!(feed.language.as_deref(), Some("zh-CN"));
    let rel = |rel: &str| {
        feed.links
            .iter()
            .find(|l| l.rel.as_deref() == Some(rel))
            .map(|l| l.href.clone())
    };
    assert_eq!(
        rel("self").as_deref(),
        Some("https://news.example.org/atom.xml")
    );
    assert_eq!(
        rel("alternate").as_deref(),
        Some("https://news.example.org/")
    );
    assert_eq!(feed.entries.len(), 3);
    for (i, e) in feed.entries.iter().enumerate() {
        let want = &entries()[i];
        assert_eq!(e.id, tag(i));
        assert_eq!(e.title.as_ref().expect("title").content, TITLES[i]);
        assert_eq!(e.updated, Some(utc(want.updated)));
        assert_eq!(e.published, Some(utc(want.published)));
        let names: Vec<&str> = e.authors.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, authors(i));
        assert_eq!(e.links[0].href, url(i));
        assert_eq!(e.links[0].rel.as_deref(), Some("alternate"));
        assert_eq!(
            e.summary.as_ref().expect("summary").content,
            want.article.summary(140)
        );
        let content = e.content.as_ref().expect("content");
        assert_eq!(content.content_type.to_string(), "text/html");
        let body = content.body.clone().expect("body");
        assert_eq!(body.trim(), html::article_fragment(want).trim());
        assert_html_escaped_once(&body);
        assert_eq!(e.categories[0].term, PAGES[i]);
    }
    assert!(xml.contains("xml:lang=\"zh-CN\""));
    assert!(xml.contains("<content type=\"html\">"));
}

#[test]
fn json_feed_has_the_spec_fields() {
    let site = site();
    let json = jsonfeed::render(&site, &entries());
    let v: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(v["title"], site.title.as_str());
    assert_eq!(v["home_page_url"], "https://news.example.org/");
    assert_eq!(v["feed_url"], "https://news.example.org/feed.json");
    assert_eq!(v["description"], site.description.as_str());
    assert_eq!(v["language"], "zh-CN");
    assert_eq!(v["authors"][0]["name"], "株洲日报");
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    for (i, item) in items.iter().enumerate() {
        let want = &entries()[i];
        assert_eq!(item["id"], tag(i).as_str());
        assert_eq!(item["url"], url(i).as_str());
        assert_eq!(item["title"], TITLES[i]);
        assert_eq!(item["content_html"], html::article_fragment(want).as_str());
        assert_eq!(item["summary"], want.article.summary(140).as_str());
        assert_eq!(item["date_published"], want.published.to_rfc3339().as_str());
        assert_eq!(item["date_modified"], want.updated.to_rfc3339().as_str());
        let names: Vec<&str> = item["authors"]
            .as_array()
            .expect("authors")
            .iter()
            .map(|a| a["name"].as_str().expect("name"))
            .collect();
        assert_eq!(names, authors(i));
        assert_eq!(item["tags"], serde_json::json!([PAGES[i]]));
        assert_html_escaped_once(item["content_html"].as_str().expect("html"));
    }
    let text = items[0]["content_text"].as_str().expect("content_text");
    assert!(
        text.starts_with("株洲日报讯（全媒体记者/任远）11月8日"),
        "{text}"
    );
    assert_eq!(text.matches(SCRIPT).count(), 1, "plain text is not HTML");
    assert!(text.contains("AT&amp;T") && !text.contains('\u{c}'));
    assert_eq!(items[0]["date_modified"], "2024-11-10T09:30:00+08:00");
}

#[test]
fn json_feed_reads_back_with_feed_rs() {
    let json = jsonfeed::render(&site(), &entries());
    let feed = feed_rs::parser::parse(json.as_bytes()).expect("feed-rs reads JSON Feed");
    assert_eq!(feed.language.as_deref(), Some("zh-CN"));
    for (i, e) in feed.entries.iter().enumerate() {
        assert_eq!(e.id, tag(i));
        assert_eq!(e.title.as_ref().expect("title").content, TITLES[i]);
        assert_eq!(e.updated, Some(utc(entries()[i].updated)));
        assert_eq!(e.published, Some(utc(entries()[i].published)));
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .expect("body");
        assert_html_escaped_once(&body);
    }
}

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
fn rendering_is_deterministic_and_keeps_the_callers_order() {
    let site = site();
    let es = entries();
    let outputs = |es: &[Entry]| {
        [
            rss::render(&site, es),
            atom::render(&site, es),
            jsonfeed::render(&site, es),
            html::index_page(&site, es),
            html::article_page(&site, &es[0]),
            opml::render(&site),
        ]
    };
    assert_eq!(outputs(&es), outputs(&es));
    let reversed: Vec<Entry> = es.iter().rev().cloned().collect();
    for xml in [
        rss::render(&site, &reversed),
        atom::render(&site, &reversed),
    ] {
        let feed = feed_rs::parser::parse(xml.as_bytes()).expect("parses");
        let ids: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids, [tag(2), tag(1), tag(0)]);
    }
}

#[test]
fn ids_do_not_depend_on_base_url() {
    let mut moved = site();
    moved.base_url = "https://mirror.example.net/news".into();
    for render in [rss::render, atom::render, jsonfeed::render] {
        let ids = |s: &Site| {
            let out = render(s, &entries());
            let feed = feed_rs::parser::parse(out.as_bytes()).expect("parses");
            feed.entries.into_iter().map(|e| e.id).collect::<Vec<_>>()
        };
        assert_eq!(ids(&site()), ids(&moved));
    }
    let xml = atom::render(&moved, &entries());
    assert!(xml.contains("<id>tag:example.org,2024:feed</id>"));
    assert!(xml.contains("https://mirror.example.net/news/articles/"));
}

#[test]
fn empty_feeds_are_still_valid() {
    let site = site();
    let xml = rss::render(&site, &[]);
    let channel = ::rss::Channel::read_from(xml.as_bytes()).expect("rss reads it");
    ::rss::validation::Validate::validate(&channel).expect("valid RSS 2.0");
    assert_eq!(channel.last_build_date, None);
    let xml = atom::render(&site, &[]);
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("parses");
    assert_eq!(feed.updated, Some(DateTime::<Utc>::UNIX_EPOCH));
    assert!(feed.entries.is_empty());
    let v: Value = serde_json::from_str(&jsonfeed::render(&site, &[])).expect("JSON");
    assert_eq!(v["items"], serde_json::json!([]));
    assert!(html::index_page(&site, &[]).contains("</html>"));
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
