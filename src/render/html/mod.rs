//! HTML: the article fragment the feeds carry, the article pages and the index.
//!
//! Everything is built by hand with [`escape`] on every piece of text and every attribute,
//! exactly once. Pages are HTML5 (`<!doctype html>`, `lang`, `charset`, `viewport`), carry
//! their own small CSS so they read on a phone with no other request, and use absolute URLs
//! only (they are also copied around as files). Nothing here reads the clock or the disk.

mod index;
mod shell;

pub use index::index_page;

use std::fmt::Write;

use super::escape::escape;
use super::item::{
    dateline_gap, display_title, join_names, missing_text, named_authors, page_label, publication,
};
use super::{Entry, Site};
use crate::article::{Article, Block};

/// The article as an HTML fragment for `content:encoded` and `content_html`.
///
/// The headline is the item's title in a feed, so only the parts a feed title cannot carry
/// (kicker, subtitle) come before the body.
pub fn article_fragment(site: &Site, entry: &Entry) -> String {
    let a = &entry.article;
    let mut out = String::new();
    if let Some(kicker) = non_empty(&a.kicker) {
        let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(kicker));
    }
    if let Some(subtitle) = non_empty(&a.subtitle) {
        let _ = writeln!(
            out,
            "<p class=\"subtitle\"><em>{}</em></p>",
            escape(subtitle)
        );
    }
    out.push_str(&body(a));
    out.push_str(&missing_note(site, entry));
    out
}

/// The paragraph saying the article's text was not found ([`missing_text`]), or nothing.
fn missing_note(site: &Site, entry: &Entry) -> String {
    missing_text(site, entry)
        .map(|note| format!("<p class=\"missing\"><em>{}</em></p>\n", escape(&note)))
        .unwrap_or_default()
}

/// A full HTML5 page for one article.
pub fn article_page(site: &Site, entry: &Entry) -> String {
    let a = &entry.article;
    let title = display_title(site, entry);
    let mut main = String::from("<article>\n<hgroup>\n");
    if let Some(kicker) = non_empty(&a.kicker) {
        let _ = writeln!(main, "<p class=\"kicker\">{}</p>", escape(kicker));
    }
    let _ = writeln!(main, "<h1>{}</h1>", escape(&title));
    if let Some(subtitle) = non_empty(&a.subtitle) {
        let _ = writeln!(main, "<p class=\"subtitle\">{}</p>", escape(subtitle));
    }
    main.push_str("</hgroup>\n");
    main.push_str(&meta_line(site, entry));
    main.push_str(&body(a));
    main.push_str(&missing_note(site, entry));
    main.push_str("</article>\n");
    let page = shell::Page {
        title: format!("{title} – {}", site.title),
        description: a.summary(super::item::SUMMARY_CHARS),
        canonical: site.article_url(&a.id),
        main,
    };
    shell::render(site, &page)
}

/// The byline and the edition line under the headline: who, which paper, which day and page.
fn meta_line(site: &Site, entry: &Entry) -> String {
    let mut out = String::new();
    let authors = named_authors(&entry.article);
    if !authors.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"byline\">{}</p>",
            escape(&join_names(&authors))
        );
    }
    let publication = publication(site, entry);
    let day = entry.published.format("%Y-%m-%d").to_string();
    let mut edition = format!(
        "{} · <time datetime=\"{}\">{}</time>",
        escape(&publication),
        escape(&entry.published.to_rfc3339()),
        escape(&day)
    );
    if let Some(page) = page_label(site, entry) {
        let _ = write!(edition, " · {}", escape(&page));
    }
    let _ = writeln!(out, "<p class=\"edition\">{edition}</p>");
    out
}

/// The body blocks in reading order; the dateline opens the first paragraph, as printed.
fn body(a: &Article) -> String {
    let mut out = String::new();
    let mut dateline = non_empty(&a.dateline);
    let has_paragraph = a
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { .. }));
    if !has_paragraph {
        // Nothing for the dateline to open: it stands alone rather than being lost.
        if let Some(d) = dateline.take() {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(d));
        }
    }
    for block in &a.blocks {
        match block {
            Block::Paragraph { text } => {
                let lead = strong_dateline(dateline.take());
                let _ = writeln!(out, "<p>{lead}{}</p>", escape(text));
            }
            Block::Heading { text } => {
                let _ = writeln!(out, "<h3>{}</h3>", escape(text));
            }
            Block::Caption { text, credit } => out.push_str(&figure(text, credit.as_deref())),
        }
    }
    out
}

/// `<strong>dateline</strong>` plus the gap the script wants, or nothing.
fn strong_dateline(dateline: Option<&str>) -> String {
    match dateline {
        Some(d) => format!("<strong>{}</strong>{}", escape(d), dateline_gap(d)),
        None => String::new(),
    }
}

/// A caption has no picture here (text dumps carry none), but it is still a figure's caption.
fn figure(text: &str, credit: Option<&str>) -> String {
    let credit = match credit.map(str::trim) {
        Some(c) if !c.is_empty() => format!(" <small>{}</small>", escape(c)),
        _ => String::new(),
    };
    format!(
        "<figure><figcaption>{}{credit}</figcaption></figure>\n",
        escape(text)
    )
}

/// The trimmed value when there is one worth showing.
fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(blocks: Vec<Block>, dateline: Option<&str>) -> Article {
        Article {
            id: "x".into(),
            page: None,
            kicker: None,
            title: "t".into(),
            subtitle: None,
            authors: vec![],
            dateline: dateline.map(Into::into),
            blocks,
            continued: false,
            continued_from: None,
        }
    }

    #[test]
    fn dateline_opens_the_first_paragraph_not_a_heading() {
        let a = article(
            vec![
                Block::Heading {
                    text: "小标题".into(),
                },
                Block::Paragraph {
                    text: "正文".into(),
                },
                Block::Paragraph {
                    text: "再一段".into(),
                },
            ],
            Some("株洲日报讯"),
        );
        assert_eq!(
            body(&a),
            "<h3>小标题</h3>\n<p><strong>株洲日报讯</strong>正文</p>\n<p>再一段</p>\n"
        );
    }

    #[test]
    fn captions_are_figures_with_small_credit() {
        let a = article(
            vec![Block::Caption {
                text: "A & B".into(),
                credit: Some("Photo: <C>".into()),
            }],
            Some("LONDON"),
        );
        assert_eq!(
            body(&a),
            "<p><strong>LONDON</strong></p>\n<figure><figcaption>A &amp; B \
             <small>Photo: &lt;C&gt;</small></figcaption></figure>\n"
        );
    }
}
