//! The index page at `/`: the latest articles grouped by edition date, then by page.
//!
//! Entries keep the caller's order (newest edition first, then page and reading order);
//! a new group starts whenever the date or page changes, so nothing is re-sorted here.

use std::fmt::Write;

use super::shell::{self, link};
use super::{escape, non_empty};
use crate::render::item::{display_title, page_label, SUMMARY_CHARS};
use crate::render::{Entry, Site};

/// The HTML index: site title, description, and the latest articles by date and page.
pub fn index_page(site: &Site, entries: &[Entry]) -> String {
    let mut main = format!(
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        escape(&site.title),
        escape(&site.description)
    );
    if entries.is_empty() {
        main.push_str("<p>—</p>\n");
    }
    let mut current: Option<(String, Option<String>)> = None;
    for entry in entries {
        let date = edition_date(entry);
        let page = page_label(site, entry);
        let same_date = current.as_ref().is_some_and(|(d, _)| *d == date);
        let same_page = same_date && current.as_ref().is_some_and(|(_, p)| *p == page);
        if !same_page && current.is_some() {
            main.push_str("</ul>\n");
        }
        if !same_date {
            let _ = writeln!(
                main,
                "<h2><time datetime=\"{0}\">{0}</time></h2>",
                escape(&date)
            );
        }
        if !same_page {
            if let Some(label) = &page {
                let _ = writeln!(main, "<h3>{}</h3>", escape(label));
            }
            main.push_str("<ul>\n");
        }
        main.push_str(&list_item(site, entry));
        current = Some((date, page));
    }
    if current.is_some() {
        main.push_str("</ul>\n");
    }
    let page = shell::Page {
        title: site.title.clone(),
        description: site.description.clone(),
        canonical: site.url(""),
        main,
    };
    shell::render(site, &page)
}

/// The edition's date as printed in its file name, else the day it was published.
fn edition_date(entry: &Entry) -> String {
    non_empty(&entry.edition.date)
        .map(str::to_string)
        .unwrap_or_else(|| entry.published.format("%Y-%m-%d").to_string())
}

/// One article: its (kicker and) title as a link, and the start of its text.
fn list_item(site: &Site, entry: &Entry) -> String {
    let a = &entry.article;
    let mut out = String::from("<li>");
    if let Some(kicker) = non_empty(&a.kicker) {
        let _ = write!(out, "<span class=\"kicker\">{}</span><br>", escape(kicker));
    }
    out.push_str(&link(&site.article_url(&a.id), &display_title(site, entry)));
    let summary = a.summary(SUMMARY_CHARS);
    if !summary.is_empty() {
        let _ = write!(out, "<p class=\"summary\">{}</p>", escape(&summary));
    }
    out.push_str("</li>\n");
    out
}
