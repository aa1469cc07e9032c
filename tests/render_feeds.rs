//! The feeds read back by independent parsers (feed-rs, the rss crate with its `validation`
//! feature, serde_json) and compared field by field with the entries they came from.
//!
//! The entries carry hostile text (see `fixtures/render_entries.rs`) so that escaping
//! "exactly once" is checked in every format, not assumed.

#[path = "fixtures/render_entries.rs"]
mod fixtures;

use chrono::{DateTime, Utc};
use fixtures::*;
use pressroom::render::{atom, html, jsonfeed, opml, rss, Entry, Site};
use serde_json::Value;

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
        assert_eq!(body.trim(), html::article_fragment(&site, want).trim());
        assert_html_escaped_once(&body);
        assert_eq!(e.categories[0].term, PAGES[i]);
    }
    let first_summary = &feed.entries[0].summary.as_ref().expect("summary").content;
    assert!(first_summary.contains(SCRIPT_ONCE) && !first_summary.contains("<script"));
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
            Some(html::article_fragment(&site, &entries()[i]).trim())
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
        assert_eq!(body.trim(), html::article_fragment(&site, want).trim());
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
        assert_eq!(
            item["content_html"],
            html::article_fragment(&site, want).as_str()
        );
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
fn an_article_without_text_says_so_in_every_format() {
    let site = site();
    let mut textless = entries()[0].clone();
    textless.article.blocks.clear();
    textless.article.dateline = None;
    let note = "未能在第1版的版面文本中找到本文正文。";
    for (format, out) in [
        ("rss", rss::render(&site, std::slice::from_ref(&textless))),
        ("atom", atom::render(&site, std::slice::from_ref(&textless))),
        (
            "json",
            jsonfeed::render(&site, std::slice::from_ref(&textless)),
        ),
    ] {
        let feed = feed_rs::parser::parse(out.as_bytes()).expect("parses");
        let e = &feed.entries[0];
        assert_eq!(
            e.title.as_ref().expect("title").content,
            TITLES[0],
            "{format}"
        );
        let body = e.content.as_ref().and_then(|c| c.body.clone());
        let summary = e.summary.as_ref().map(|s| s.content.clone());
        assert!(
            body.iter().chain(&summary).any(|t| t.contains(note)),
            "{format}: {body:?} {summary:?}"
        );
    }
    assert!(html::article_page(&site, &textless).contains(note));
}
